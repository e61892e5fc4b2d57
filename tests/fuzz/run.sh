#!/usr/bin/env bash
# run.sh: run the libFuzzer targets for a bounded time and say what they
# found. Used by `make fuzz` and `make check`; run from the top of the tree.
#
#   tests/fuzz/run.sh BUILD_DIR SECONDS BIG_SECONDS NAME...
#
# Each NAME is BUILD_DIR/fuzz_NAME, fuzzed for SECONDS (0: only replay the
# corpus) with the dictionary tests/fuzz/NAME.dict if there is one (the
# command target uses config.dict), from BUILD_DIR/corpus_NAME: a copy of
# the seeds in tests/fuzz/corpus_NAME (plus config/config for the config
# target) that keeps what libFuzzer adds, so the tree stays clean. The
# config target also gets BIG_SECONDS with inputs up to 1.1 MB, from a seed
# with a 1 MB line; what that pass finds is thrown away, it is big.
#
# Any crash, leak (LeakSanitizer is on), sanitizer report, timeout or
# out-of-memory fails the run: the report is printed and the input kept in
# BUILD_DIR/artifacts/NAME/. Inputs that crashed once are kept in
# tests/fuzz/crashes/NAME/ and replayed first, each on its own: one that
# still crashes fails the target too (fuzzing goes on, to find the rest).
# The last line is "fuzz: N targets, M crashes".
set -uo pipefail

[ $# -ge 4 ] || {
	echo "usage: $0 BUILD_DIR SECONDS BIG_SECONDS NAME..." >&2
	exit 2
}
fb=$1 secs=$2 big_secs=$3
shift 3
max_len=4096

export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Scratch files of the targets (fuzz_config's include sandbox): here, so
# that a target that dies without cleaning up leaves nothing elsewhere.
case $fb in
/*) export TMPDIR=$fb/tmp ;;
*) export TMPDIR=$PWD/$fb/tmp ;;
esac
rm -rf "$TMPDIR"
mkdir -p "$TMPDIR"

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
	local art=$fb/artifacts/$name/ limit=-max_total_time=$s dict=()
	[ "$s" = 0 ] && limit=-runs=0
	# tests/fuzz/NAME.dict; commands speak the config's language.
	local words=tests/fuzz/$name.dict
	[ "$name" = command ] && words=tests/fuzz/config.dict
	[ -f "$words" ] && dict=(-dict="$words")
	mkdir -p "$art"
	"$bin" -max_len="$len" "$limit" -timeout=25 -rss_limit_mb=2048 \
		"${dict[@]}" -artifact_prefix="$art" -print_final_stats=1 \
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

# replay NAME: every kept crash of the target, once each.
replay() {
	local name=$1 f rc ok=0 log=$fb/fuzz_$1_replay.log
	for f in tests/fuzz/crashes/"$name"/*; do
		[ -f "$f" ] || continue
		"$fb/fuzz_$name" -timeout=25 -rss_limit_mb=2048 "$f" >"$log" 2>&1
		rc=$?
		if [ $rc -ne 0 ]; then
			echo "fuzz_$name: $f still crashes (exit status $rc):"
			grep -m 3 -E '==[0-9]+== ?ERROR|runtime error:|^fuzz: |^SUMMARY' \
				"$log" | cut -c 1-200
			ok=1
		fi
	done
	return $ok
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
	replay "$name" || ok=0
	run "$name" "$name" "$secs" "$max_len" "$corpus" || ok=0
	if [ "$name" = config ] && [ "$big_secs" != 0 ]; then
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
rm -rf "$TMPDIR"
echo "fuzz: $(count $ntargets target targets)," \
	"$(count $crashes crash crashes)${failed:+ (in$failed)}"
[ $crashes -eq 0 ]
