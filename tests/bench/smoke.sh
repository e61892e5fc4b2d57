#!/usr/bin/env bash
# smoke.sh: keeps the bench harness working (for make check): ctbench against
# ctile, N = 10, 3 repetitions, on a fresh Xvfb. Checks that the detector saw
# every switch, not how fast they were; and that each textcost build (the
# bar's text by text stack) draws and prints its RSS.
set -uo pipefail
CTBENCH=${CTBENCH:-build/bench/ctbench}
CTILE=${CTILE:-build/ctile}
tmp=$(mktemp -d)
Xvfb -displayfd 7 -screen 0 1280x800x24 -nolisten tcp -ac -noreset \
	7>"$tmp/dpy" 2>"$tmp/xvfb.log" &
xpid=$!
trap 'kill $xpid 2>/dev/null; wait $xpid 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 200); do
	[ -s "$tmp/dpy" ] && break
	sleep 0.05
done
"$CTBENCH" --display ":$(head -n 1 "$tmp/dpy")" --xpid "$xpid" --wm ctile \
	--scenario switch --n 10 --reps 3 --warmup 1 --desktops 9 \
	--wm-log "$tmp/ctile.log" -- \
	"$CTILE" -c tests/bench/configs/ctile.conf >"$tmp/out.csv"
cat "$tmp/out.csv"
passed=0 failed=0
if grep -q '^ctile,switch,10,[0-9.]*,[0-9.]*,[0-9.]*,3,ms,' "$tmp/out.csv"; then
	passed=$((passed + 1))
else
	echo "bench smoke: the detector did not see 3 switches" >&2
	cat "$tmp/ctile.log" >&2
	failed=$((failed + 1))
fi
for bin in ${TEXTCOST:-}; do
	stack=${bin##*textcost-}
	line=$(DISPLAY=":$(head -n 1 "$tmp/dpy")" "$bin" 2>&1)
	echo "$line"
	if [[ $line =~ ^$stack\ [0-9]+\.[0-9]$ ]]; then
		passed=$((passed + 1))
	else
		echo "bench smoke: textcost-$stack: $line" >&2
		failed=$((failed + 1))
	fi
done
echo "bench smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
