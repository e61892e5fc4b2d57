#!/usr/bin/env bash
# run.sh: run the libFuzzer targets for a bounded time and say what they
# found. Used by `make fuzz` and `make check`; run from the top of the tree.
#
#   tests/fuzz/run.sh BUILD_DIR SECONDS BIG_SECONDS NAME...
#
# Each NAME is BUILD_DIR/fuzz_NAME, fuzzed for SECONDS (0: only replay the
# corpus) from BUILD_DIR/corpus_NAME, which starts as a copy of the seeds in
# tests/fuzz/corpus_NAME (plus config/config for the config target) and
# keeps what libFuzzer adds, so the tree stays clean. The config target
# also gets BIG_SECONDS with inputs up to 1.1 MB, from a seed with a 1 MB
# line; what that pass finds is thrown away, it is big.
#
# Any crash, leak (LeakSanitizer is on), sanitizer report, timeout or
# out-of-memory fails the run: the report is printed and the input kept in
# BUILD_DIR/artifacts/NAME/. The last line is "fuzz: N targets, M crashes".
set -uo pipefail

[ $# -ge 4 ] || {
	echo "usage: $0 BUILD_DIR SECONDS BIG_SECONDS NAME..." >&2
	exit 2
}
fb=$1 secs=$2 big_secs=$3
shift 3
dict=tests/fuzz/config.dict
max_len=4096

export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# What a failed run printed, from its first report on.
report() {
	awk '/==[0-9]+==ERROR|runtime error:|ERROR: libFuzzer|^INFO: a leak|==[0-9]+== ERROR|^fuzz: / { on = 1 }
	     on && n++ < 80' "$1"
}

# One-line statistics from libFuzzer's last status line.
stats() {
	awk '/^#[0-9]+[ \t]+DONE/ {
		for (i = 1; i <= NF; i++) {
			if ($i == "cov:") cov = $(i + 1)
			if ($i == "ft:") ft = $(i + 1)
			if ($i == "corp:") corp = $(i + 1)
			if ($i == "exec/s:") rate = $(i + 1)
		}
		runs = substr($1, 2)
	}
	END { if (runs != "")
		printf "%s runs, %s exec/s, cov %s, ft %s, corpus %s\n",
			runs, rate, cov, ft, corp }' "$1"
}

# run NAME LABEL SECONDS MAXLEN CORPUS_DIR...
run() {
	local name=$1 label=$2 s=$3 len=$4
	shift 4
	local bin=$fb/fuzz_$name log=$fb/fuzz_$label.log
	local art=$fb/artifacts/$name/ limit=-max_total_time=$s
	[ "$s" = 0 ] && limit=-runs=0
	mkdir -p "$art"
	"$bin" -max_len="$len" "$limit" -timeout=25 -rss_limit_mb=2048 \
		-dict="$dict" -artifact_prefix="$art" -print_final_stats=1 \
		"$@" >"$log" 2>&1
	local rc=$?
	if [ $rc -ne 0 ] || ! grep -q '^Done [0-9]* runs' "$log" ||
		grep -qE '==[0-9]+==ERROR|runtime error:|ERROR: libFuzzer' "$log"; then
		# On stdout, as the rest: the report stays in order with it.
		echo "fuzz_$label: FAILED (exit status $rc); the report:"
		report "$log"
		echo "fuzz_$label: whole log in $log"
		return 1
	fi
	echo "fuzz_$label: $(stats "$log")"
}

ntargets=0 crashes=0 failed=""
for name in "$@"; do
	ntargets=$((ntargets + 1))
	corpus=$fb/corpus_$name
	mkdir -p "$corpus"
	if [ -d "tests/fuzz/corpus_$name" ]; then
		cp tests/fuzz/corpus_"$name"/* "$corpus"/
	fi
	[ "$name" = config ] && cp config/config "$corpus/default_config"
	echo "== fuzz_$name: $secs s"
	ok=1
	run "$name" "$name" "$secs" "$max_len" "$corpus" || ok=0
	if [ $ok = 1 ] && [ "$name" = config ] && [ "$big_secs" != 0 ]; then
		# A 1 MB line, and a long line made of continued lines.
		big=$fb/corpus_config_big
		rm -rf "$big"
		mkdir -p "$big/seeds" "$big/new"
		{
			printf 'bind Mod4+a view '
			head -c 1048576 /dev/zero | tr '\0' 7
			printf '\nborder_width 4\n'
		} >"$big/seeds/long_line"
		{
			printf 'set $v view\n'
			for i in $(seq 1 1100); do printf '$v %d \\\n' "$i"; done
			printf 'end\n'
		} >"$big/seeds/long_joined"
		echo "== fuzz_config with 1 MB lines: $big_secs s"
		run config config_big "$big_secs" 1100000 "$big/new" \
			"$big/seeds" || ok=0
		rm -rf "$big"
	fi
	if [ $ok = 0 ]; then
		crashes=$((crashes + 1))
		failed="$failed fuzz_$name"
	fi
done

# "1 crash", "2 crashes".
count() { [ "$1" = 1 ] && echo "$1 $2" || echo "$1 $3"; }
echo "fuzz: $(count $ntargets target targets)," \
	"$(count $crashes crash crashes)${failed:+ (in$failed)}"
[ $crashes -eq 0 ]
