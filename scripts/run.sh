#!/usr/bin/env bash
# run.sh: try ctile without touching the running session (used by `make run`).
#
# With $DISPLAY set: ctile runs in a nested Xephyr window with one xterm, until
# ctile quits (Mod4+Shift+q) or the Xephyr window is closed.
# Without $DISPLAY: ctile runs on a headless Xvfb, opens four terminals on two
# tags, switches tags with xdotool and writes a screenshot whose path it prints.
set -euo pipefail

cd "$(dirname "$0")/.."
ctile="$PWD/build/ctile"
out="$PWD/build"
[ -x "$ctile" ] || {
	echo "run.sh: $ctile is missing: run make first" >&2
	exit 1
}

tmp=$(mktemp -d)
pids=()
cleanup() {
	local i
	# Newest first: clients, then ctile, then the X server.
	for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
		kill "${pids[i]}" 2>/dev/null || true
	done
	for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
		wait "${pids[i]}" 2>/dev/null || true
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Polls "$@" every 0.1 s, for at most 10 s.
wait_for() {
	local i
	for ((i = 0; i < 100; i++)); do
		if "$@"; then
			return 0
		fi
		sleep 0.1
	done
	return 1
}

# Starts the X server "$@" on a free display (the server picks it and tells
# through -displayfd once it accepts connections); sets $display.
start_server() {
	local fdfile="$tmp/displayfd"
	: >"$fdfile"
	"$@" -displayfd 3 -nolisten tcp 3>"$fdfile" >"$out/run-$1.log" 2>&1 &
	pids+=($!)
	if ! wait_for grep -q '^[0-9][0-9]*$' "$fdfile"; then
		echo "run.sh: $1 did not start; its log:" >&2
		cat "$out/run-$1.log" >&2
		exit 1
	fi
	display=":$(cat "$fdfile")"
}

ctile_alive() {
	kill -0 "$ctile_pid" 2>/dev/null
}

# Starts ctile on $display, its standard error going to $1 if given, and
# waits until it is up: it has set _NET_SUPPORTING_WM_CHECK, which wmctrl -m
# reads.
start_ctile() {
	local log=${1:-} i
	if [ -n "$log" ]; then
		DISPLAY=$display "$ctile" 2>"$log" &
	else
		DISPLAY=$display "$ctile" &
	fi
	ctile_pid=$!
	pids+=($ctile_pid)
	for ((i = 0; i < 100; i++)); do
		if ! ctile_alive; then
			local rc=0
			wait "$ctile_pid" || rc=$?
			echo "run.sh: ctile exited at start with status $rc" >&2
			[ -z "$log" ] || cat "$log" >&2
			exit 1
		fi
		if DISPLAY=$display wmctrl -m >/dev/null 2>&1; then
			return 0
		fi
		sleep 0.1
	done
	echo "run.sh: ctile did not start on $display" >&2
	exit 1
}

nested() {
	start_server Xephyr -screen 1280x800 -resizeable -title ctile
	echo "ctile runs in the Xephyr window ($display) until it quits" \
		"(Mod4+Shift+q) or the window is closed."
	start_ctile
	xterm_on term1 "Mod4+Return opens a terminal, Mod4+Shift+q quits"
	local rc=0
	wait "$ctile_pid" || rc=$?
	echo "ctile exited with status $rc"
}

# How many windows wmctrl -l lists with a title matching $1 (a grep -E
# pattern over the whole line) is at least $2.
windows_at_least() {
	local n
	n=$(DISPLAY=$display wmctrl -l 2>/dev/null | grep -cE "$1" || true)
	[ "$n" -ge "$2" ]
}

current_desktop_is() {
	DISPLAY=$display xprop -root _NET_CURRENT_DESKTOP 2>/dev/null |
		grep -q "= $1\$"
}

step() {
	if ! wait_for "$@"; then
		echo "run.sh: timed out waiting for: $*" >&2
		echo "run.sh: wmctrl -l says:" >&2
		DISPLAY=$display wmctrl -l >&2 || true
		if [ -s "$out/run-ctile.log" ]; then
			echo "run.sh: the end of ctile's log:" >&2
			tail -n 20 "$out/run-ctile.log" >&2
		fi
		exit 1
	fi
}

# An xterm titled $1 that says $2 above its shell prompt.
xterm_on() {
	DISPLAY=$display xterm -T "$1" -fa Monospace -fs 11 \
		-e sh -c 'echo "$1"; exec "${SHELL:-/bin/sh}"' sh "$1: $2" &
	pids+=($!)
}

# Every window titled term1..term3 is mapped and viewable again.
terms_viewable() {
	local t
	for t in term1 term2 term3; do
		DISPLAY=$display xwininfo -name "$t" 2>/dev/null |
			grep -q IsViewable || return 1
	done
}

headless() {
	start_server Xvfb -screen 0 1280x800x24
	echo "ctile runs on a headless Xvfb ($display); its log is" \
		"$out/run-ctile.log"
	start_ctile "$out/run-ctile.log"

	xterm_on term1 "opened on tag 1"
	xterm_on term2 "opened on tag 1"
	xterm_on term3 "opened on tag 1"
	step windows_at_least ' term[123]$' 3

	DISPLAY=$display xdotool key super+2
	step current_desktop_is 1
	xterm_on term4 "opened on tag 2"
	# term4 is on desktop 1 (tag 2): wmctrl -l prints the desktop second.
	step windows_at_least '^0x[0-9a-f]+ +1 .* term4$' 1

	DISPLAY=$display xdotool key super+1
	step current_desktop_is 0
	step terms_viewable

	local shot="$out/run-screenshot.png"
	DISPLAY=$display import -window root "$shot"
	echo "windows:"
	DISPLAY=$display wmctrl -l
	echo "screenshot (tag 1: term1, term2 and term3 tiled; term4 is on tag 2):"
	echo "$shot"
}

if [ -n "${DISPLAY:-}" ]; then
	nested
else
	headless
fi
