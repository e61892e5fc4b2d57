#!/usr/bin/env bash
# run.sh: `make bench`: ctile against its peers and the raw X floor, each on a
# fresh Xvfb, driven by the load generator ctbench (tests/bench/*.c).
# Writes bench/results/<date>-<host>/: results.csv, table.md, *.png, logs/.
#
# QUICK=1: a reduced set (under 2 minutes). WMS="ctile dwm" runs only those
# (the raw floor always runs). Run from the top of the tree.
set -uo pipefail

CTBENCH=${CTBENCH:-build/bench/ctbench}
QUICK=${QUICK:-}
[ "$QUICK" = 0 ] && QUICK=
# ctile+bar: ctile on its built-in default config, default bar included.
ALL_WMS="ctile ctile+bar dwm i3 awesome herbstluftwm bspwm spectrwm"
WMS=${WMS:-$ALL_WMS}
XVFB_OPTS="-screen 0 1920x1080x24 -nolisten tcp -ac -noreset"

stamp=$(date +%Y%m%d-%H%M%S)
out=bench/results/$stamp-$(hostname -s 2>/dev/null || echo host)
logs=$out/logs
mkdir -p "$logs"
out=$(cd "$out" && pwd)
logs=$out/logs
csv=$out/results.csv
echo "wm,scenario,n,median,p10,p90,reps,unit,x_cpu_ms,x_minflt,wm_cpu_ms,note" \
	>"$csv"
tmp=$(mktemp -d)
home=$tmp/home
mkdir -p "$home/.config"

# The ctile under test, copied: a rebuild during the run changes nothing.
cp build/ctile "$out/ctile"
CTILE=$out/ctile

export CTBENCH_CONFIGS=$PWD/tests/bench/configs
export CTBENCH_TMP=$tmp
# No user config of any WM may leak in; no D-Bus session to find.
export HOME=$home XDG_CONFIG_HOME=$home/.config XDG_CONFIG_DIRS=/nonexistent
unset DBUS_SESSION_BUS_ADDRESS DISPLAY WAYLAND_DISPLAY

XPID=
cleanup() {
	[ -n "$XPID" ] && kill "$XPID" 2>/dev/null
	for p in "$tmp"/*.pid; do
		[ -e "$p" ] && kill "$(cat "$p")" 2>/dev/null
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

skip() { # wm scenario n reason
	printf '%s,%s,%s,,,,0,,,,,"%s"\n' "$1" "$2" "$3" "$4" >>"${ROWS:-$csv}"
	echo "  skipped $1 $2 $3: $4"
}

start_x() {
	: >"$tmp/dpy"
	Xvfb -displayfd 7 $XVFB_OPTS 7>"$tmp/dpy" 2>>"$logs/xvfb.log" &
	XPID=$!
	for _ in $(seq 200); do
		[ -s "$tmp/dpy" ] && break
		sleep 0.05
	done
	DPY=:$(head -n 1 "$tmp/dpy")
	[ "$DPY" != ":" ]
}

stop_x() {
	# Whatever the WM started (sxhkd) goes with its display.
	for p in "$tmp"/*.pid; do
		[ -e "$p" ] && kill "$(cat "$p")" 2>/dev/null
		rm -f "$p"
	done
	kill "$XPID" 2>/dev/null
	wait "$XPID" 2>/dev/null
	XPID=
}

# What each WM is started with, and what the generator must know of it.
wm_cmd() {
	local c=$CTBENCH_CONFIGS
	case $1 in
	floor) GEN=(--floor) CMD=() ;;
	ctile) GEN=(--desktops 9) CMD=("$CTILE" -c "$c/ctile.conf") ;;
	ctile+bar) GEN=(--desktops 9) CMD=("$CTILE") ;;
	dwm) GEN=(--key-switch --mod alt --hide-bar) CMD=(dwm) ;;
	i3) GEN=(--place-rule) CMD=(i3 -c "$c/i3.conf") ;;
	awesome) GEN=(--desktops 9) CMD=(awesome -c "$c/awesome.lua") ;;
	herbstluftwm)
		GEN=(--desktops 9)
		CMD=(herbstluftwm --autostart "$c/herbstluftwm.sh")
		;;
	bspwm) GEN=(--desktops 9) CMD=(bspwm -c "$c/bspwmrc") ;;
	spectrwm) GEN=(--desktops 9) CMD=(spectrwm -c "$c/spectrwm.conf") ;;
	esac
}

wm_bin() {
	case $1 in
	ctile | ctile+bar) echo "$CTILE" ;;
	*) echo "$1" ;;
	esac
}

# gen WM SCENARIO N [ctbench options...]: one run on a fresh Xvfb.
gen() {
	local wm=$1 scen=$2 n=$3
	shift 3
	wm_cmd "$wm"
	if ! start_x; then
		skip "$wm" "$scen" "$n" "Xvfb did not start"
		return
	fi
	local rows=${ROWS:-$csv} before
	before=$(wc -l <"$rows")
	local cmd=()
	[ ${#CMD[@]} -gt 0 ] && cmd=(-- "${CMD[@]}")
	timeout -k 5 900 "$CTBENCH" --display "$DPY" --xpid "$XPID" \
		--wm "$wm" --scenario "$scen" --n "$n" --quiet "$QUIET" \
		"${GEN[@]}" "$@" \
		--wm-log "$logs/$wm.log" "${cmd[@]}" \
		>>"$rows" 2>>"$logs/ctbench.log"
	local rc=$?
	stop_x
	if [ "$(wc -l <"$rows")" -eq "$before" ]; then
		skip "$wm" "$scen" "$n" "the generator failed (exit $rc)"
	elif [ $rc -eq 124 ]; then
		skip "$wm" "$scen" "$n" "cut after 900 s"
	fi
	tail -n +$((before + 1)) "$rows" | cut -d, -f1-7 | sed 's/^/  /'
}

# BURST and START: N:repetitions:seconds after which no repetition is added
# (a slow WM then gets fewer, at least one; three for start-up).
if [ -n "$QUICK" ]; then
	SWITCH_ROUND_N="10 100" SWITCH_ROUNDS=1 SWITCH_ONCE_N=
	SWITCH_REPS=10 WARMUP=1 KEY_REPS=10 QUIET=150
	BURST="50:2:5" START="0:5:3" RELOAD_REPS=10 BAR_REPS=20 IDLE=10
	XTRACE=
else
	SWITCH_ROUND_N="10 100" SWITCH_ROUNDS=3 SWITCH_ONCE_N=500
	SWITCH_REPS=30 WARMUP=2 KEY_REPS=30 QUIET=300
	BURST="100:20:15 500:10:25" START="0:20:12 200:20:15" RELOAD_REPS=30
	BAR_REPS=100 IDLE=60 XTRACE=1
fi

# Peers: installed by scripts/deps.sh when we are root; the others are
# reported as skipped, never dropped.
peers_note=
if ! bash scripts/deps.sh peers >"$logs/deps.log" 2>&1; then
	peers_note=$(tail -n 3 "$logs/deps.log" | tr '\n' ' ' | tr -d '"')
fi
run_wms=(floor)
for wm in $WMS; do
	if command -v "$(wm_bin "$wm")" >/dev/null 2>&1; then
		run_wms+=("$wm")
	else
		skip "$wm" all 0 "not installed${peers_note:+: $peers_note}"
	fi
done

bash tests/bench/machine.sh "$CTILE" >"$out/machine.md"
echo "make bench${QUICK:+ QUICK=1}: results in $out"
t_start=$(date +%s)

# The tag switch at the small N, where the WMs are within tenths of a
# millisecond of each other and of the floor, runs in rounds, every WM in
# turn in each: a drift of the machine's speed during the run then touches
# all of them alike. Each round starts further down the list (by a share
# of it), so no WM keeps one place: where a WM comes in a round can move
# its figure (an A/B of two ctile builds at N = 100 moved by 0.3 ms when
# their order in the rounds was swapped). merge.py makes one figure of
# each WM's rounds. N = 500 runs once, with each WM's other scenarios.
: >"$tmp/rounds.csv"
n_wms=${#run_wms[@]}
for round in $(seq "$SWITCH_ROUNDS"); do
	echo "== tag switch, round $round of $SWITCH_ROUNDS"
	first=$(((round - 1) * n_wms / SWITCH_ROUNDS))
	for i in $(seq 0 $((n_wms - 1))); do
		wm=${run_wms[$(((first + i) % n_wms))]}
		for n in $SWITCH_ROUND_N; do
			ROWS=$tmp/rounds.csv gen "$wm" switch "$n" \
				--reps $((SWITCH_REPS / SWITCH_ROUNDS)) \
				--warmup "$WARMUP" --samples "$out/samples.csv"
		done
	done
done
if [ -s "$tmp/rounds.csv" ]; then
	python3 tests/bench/merge.py "$tmp/rounds.csv" "$out/samples.csv" \
		>>"$csv" || exit 1
fi

for wm in "${run_wms[@]}"; do
	echo "== $wm"
	for n in $SWITCH_ONCE_N; do
		gen "$wm" switch "$n" --reps "$SWITCH_REPS" --warmup "$WARMUP" \
			--samples "$out/samples.csv"
	done
	if [ "$wm" != floor ] && [ "$wm" != ctile+bar ]; then
		mod=(); [ "$wm" = dwm ] && mod=(--mod alt)
		gen "$wm" key 10 --reps "$KEY_REPS" --warmup "$WARMUP" \
			"${mod[@]}"
	fi
	for spec in $BURST; do
		IFS=: read -r n reps budget <<<"$spec"
		gen "$wm" burst "$n" --reps "$reps" --budget "$budget"
	done
	if [ -n "$XTRACE" ] && [ "$wm" != floor ] && [ "$wm" != ctile+bar ]; then
		wm_cmd "$wm"
		xlog=$tmp/xtrace.log
		rm -f "$xlog"
		# xtrace proxies a display of its own: the WM runs behind it.
		fake=$((RANDOM % 400 + 500))
		while [ -e /tmp/.X11-unix/X$fake ] || [ -e /tmp/.X$fake-lock ]; do
			fake=$((fake + 1))
		done
		if start_x; then
			timeout -k 5 600 "$CTBENCH" --display "$DPY" --xpid "$XPID" \
				--wm "$wm" --scenario requests --n 100 --quiet "$QUIET" \
				"${GEN[@]}" \
				--count-log "$xlog" --wm-log "$logs/$wm.log" -- \
				xtrace -n -d "$DPY" -D ":$fake" -o "$xlog" -- \
				"${CMD[@]}" >>"$csv" 2>>"$logs/ctbench.log"
			stop_x
			grep "^$wm,burst_req_xtrace" "$csv" | cut -d, -f1-7 |
				sed 's/^/  /'
		fi
	fi
	if [ "$wm" != floor ] && [ "$wm" != ctile+bar ]; then
		for spec in $START; do
			IFS=: read -r n reps budget <<<"$spec"
			CTBENCH_NO_KEYS=1 gen "$wm" startup "$n" --reps "$reps" \
				--budget "$budget" --timeout 30000
		done
	fi
	if [ "$wm" = ctile ]; then
		gen ctile reload 200 --reps "$RELOAD_REPS"
	fi
	# One full redraw of the default bar, timed inside ctile.
	if [ "$wm" = ctile+bar ]; then
		gen ctile+bar bar_redraw 10 --reps "$BAR_REPS" --warmup "$WARMUP"
	fi
done

# Idle cost: every WM at once, each on its own Xvfb, nothing happening.
echo "== idle, ${IDLE} s, all WMs at once"
idle_pids=()
idle_x=()
for wm in "${run_wms[@]}"; do
	[ "$wm" = floor ] && continue
	wm_cmd "$wm"
	start_x || { skip "$wm" idle_cpu 10 "Xvfb did not start"; continue; }
	"$CTBENCH" --display "$DPY" --wm "$wm" --scenario idle --n 10 \
		--quiet "$QUIET" \
		--idle "$IDLE" "${GEN[@]}" --wm-log "$logs/$wm.log" \
		-- "${CMD[@]}" >"$tmp/idle-$wm.csv" 2>>"$logs/ctbench.log" &
	idle_pids+=($!)
	idle_x+=("$XPID")
	XPID=
done
for p in "${idle_pids[@]}"; do wait "$p"; done
for x in "${idle_x[@]}"; do
	kill "$x" 2>/dev/null
	wait "$x" 2>/dev/null
done
for wm in "${run_wms[@]}"; do
	[ "$wm" = floor ] && continue
	if [ -s "$tmp/idle-$wm.csv" ]; then
		cat "$tmp/idle-$wm.csv" >>"$csv"
		cut -d, -f1-7 "$tmp/idle-$wm.csv" | sed 's/^/  /'
	else
		skip "$wm" idle_cpu 10 "the generator failed"
	fi
done

# What drawing the bar's text costs with each text stack ctile could use
# (tests/bench/textcost): each build five times, on one Xvfb.
echo "== the bar's text, by text stack"
if start_x; then
	for bin in ${TEXTCOST:-}; do
		for _ in 1 2 3 4 5; do DISPLAY=$DPY "$bin"; done
	done >"$out/textcost.txt" 2>>"$logs/textcost.log"
	stop_x
	sed 's/^/  /' "$out/textcost.txt"
fi

t_end=$(date +%s)
{
	echo "- Run took $((t_end - t_start)) s; load average at the end:" \
		"$(cut -d' ' -f1-3 /proc/loadavg)"
} >>"$out/machine.md"
python3 tests/bench/report.py "$out" ${QUICK:+--quick} || exit 1
echo "make bench: $out/table.md"
