#!/usr/bin/env bash
# deps.sh: the one list of Debian 12 packages ctile needs, and the check that
# they are installed. Usage: scripts/deps.sh build|check|run|bench|peers
#
# Installs what is missing with apt-get when run as root; otherwise prints the
# exact command to run and exits 1.
set -euo pipefail

# To build ctile.
build_pkgs=(
	build-essential pkg-config clang-format
	libxcb1-dev libxcb-icccm4-dev libxcb-ewmh-dev libxcb-keysyms1-dev
	libxcb-randr0-dev libxcb-xkb-dev libxcb-util-dev
	libxkbcommon-dev libxkbcommon-x11-dev
	libcairo2-dev libpango1.0-dev libjson-c-dev libxcb-xrm-dev
)
# To run the unit and end-to-end tests (make check).
check_pkgs=(
	libcmocka-dev
	clang libclang-rt-14-dev # make fuzz: clang and its libFuzzer runtime
	xvfb xinit xauth xterm xdotool wmctrl x11-utils x11-xserver-utils
	xkb-data # unit: keymaps of other layouts compiled from their names
	python3 python3-pytest python3-pytest-xdist python3-xlib
	imagemagick fonts-dejavu-core xfonts-base
	yad adwaita-icon-theme # e2e: a real tray icon, a real GTK dialog
	pulseaudio pulseaudio-utils # the volume widget's e2e: a null sink, pactl
	i3status # the script widget's e2e: a real i3bar status command
	rofi # the real clients' e2e: a launcher that grabs the keyboard
	polybar # the docks' e2e: a real bar that reserves its room
	libxcb-xtest0-dev libxcb-record0-dev # the bench smoke's load generator
)
# To try it (make run): nested in Xephyr, or headless in Xvfb.
run_pkgs=(
	xserver-xephyr xvfb xterm xdotool wmctrl x11-utils imagemagick
	fonts-dejavu-core
)

# To run the benchmark (make bench): the load generator's libraries, the
# plots, the request counter cross-check.
bench_pkgs=(
	xvfb libxcb-xtest0-dev libxcb-record0-dev xtrace gnuplot-nox python3
)
# The peers make bench measures ctile against (sxhkd gives bspwm its keys).
# make bench reports one it cannot install as skipped.
peer_pkgs=(
	dwm i3-wm awesome herbstluftwm bspwm sxhkd spectrwm
)

usage() {
	echo "usage: $0 build|check|run|bench|peers" >&2
	exit 2
}

[ $# -eq 1 ] || usage
case "$1" in
build) want=("${build_pkgs[@]}") ;;
check) want=("${build_pkgs[@]}" "${check_pkgs[@]}") ;;
run) want=("${build_pkgs[@]}" "${run_pkgs[@]}") ;;
bench) want=("${build_pkgs[@]}" "${bench_pkgs[@]}") ;;
peers) want=("${peer_pkgs[@]}") ;;
*) usage ;;
esac

# One dpkg-query call for the whole list; a package it does not know at all
# is missing too (it is reported on stderr, not in the output).
declare -A have=()
while read -r status pkg; do
	[ "$status" = ii ] && have[$pkg]=1
done < <(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "${want[@]}" \
	2>/dev/null || true)
declare -A seen=()
missing=()
for p in "${want[@]}"; do
	if [ -z "${have[$p]-}" ] && [ -z "${seen[$p]-}" ]; then
		missing+=("$p")
		seen[$p]=1
	fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "ctile: missing Debian packages: ${missing[*]}" >&2
	echo "Install them with:" >&2
	echo "  sudo apt-get install --no-install-recommends ${missing[*]}" >&2
	exit 1
fi

echo "ctile: installing missing Debian packages: ${missing[*]}" >&2
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
	"${missing[@]}" </dev/null
