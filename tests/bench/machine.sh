#!/usr/bin/env bash
# machine.sh: describe the machine and the software of a bench run, as
# markdown lines. Usage: machine.sh CTILE_BINARY
set -u
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
mem=$(awk '/^MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")
vers() {
	dpkg-query -W -f='${Package} ${Version}, ' "$@" 2>/dev/null |
		sed 's/, $//'
}
echo "- Machine: $(nproc) cores ($cpu), $mem, $os, Linux $(uname -r)"
echo "- Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- X server: Xvfb ($(vers xvfb)), started per run as" \
	"\`Xvfb -screen 0 1920x1080x24 -nolisten tcp -ac -noreset\`" \
	"(its default extensions, Composite included)"
echo "- ctile: $("$1" --version 2>/dev/null)"
echo "- Peers: $(vers dwm i3-wm awesome herbstluftwm bspwm sxhkd spectrwm)"
