#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Fuzz module/chunk.c and module/tsnmap.c in userspace (libFuzzer).
#
#   run.sh [-t SECONDS] [-s SEED] [-r] [-m]
#     -t  fuzz for SECONDS in all, shared by the targets (0: don't)
#     -s  libFuzzer's -seed (default: from the date); printed, so that
#         a run can be repeated
#     -r  replay the corpus and regress/ inputs first, once each
#     -m  add to the committed corpus what fuzzing found
#         (build/fuzz/corpus) that reaches new code (-merge=1)
#
# The committed corpus (selftests/fuzz/corpus/TARGET) is only read; new
# inputs go to build/fuzz/corpus/TARGET.  Exits non-zero on any crash,
# leak or broken contract, with the reproducer's path.
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
here=$top/selftests/fuzz
out=$top/build/fuzz
secs=0 seed=$(date +%s) replay=0 merge=0
while getopts t:s:rm o; do
	case $o in
	t) secs=$OPTARG ;;
	s) seed=$OPTARG ;;
	r) replay=1 ;;
	m) merge=1 ;;
	*) exit 2 ;;
	esac
done

command -v clang > /dev/null || { echo "fuzz: clang missing (make deps)" >&2; exit 1; }
make -s -C "$here" OUT="$out" all || exit 1
targets=$(make -s --no-print-directory -C "$here" targets)
rc=0

for t in $targets; do
	[ $replay -eq 1 ] || break
	mapfile -t files < <(find "$here/corpus/$t" "$here/regress/$t" -type f 2>/dev/null | sort)
	echo "fuzz: replaying ${#files[@]} inputs of $t"
	if ! "$out/fuzz_$t" -runs=1 "${files[@]}" > "$out/replay-$t.log" 2>&1; then
		tail -n 30 "$out/replay-$t.log"
		echo "fuzz: $t: replay FAILED ($out/replay-$t.log)"
		rc=1
	fi
done

n=$(echo "$targets" | wc -w)
each=$((secs / n))
for t in $targets; do
	[ "$each" -gt 0 ] || break
	mkdir -p "$out/corpus/$t" "$out/crash"
	echo "fuzz: $t for $each s, seed $seed (again: make fuzz FUZZ_SEED=$seed)"
	# one process, one core; inputs up to 4 KiB (the regress/ inputs
	# cover the 64 KiB ones); the committed corpus is read, not written
	"$out/fuzz_$t" -seed="$seed" -max_total_time="$each" -max_len=4096 \
		-timeout=10 -print_final_stats=1 \
		-artifact_prefix="$out/crash/$t-" \
		"$out/corpus/$t" "$here/corpus/$t" > "$out/fuzz-$t.log" 2>&1
	r=$?
	grep -E "^stat::(number_of_executed_units|average_exec_per_sec|new_units_added)|DONE|cov:" \
		"$out/fuzz-$t.log" | tail -n 4 | sed 's/^/   /'
	if [ $r -ne 0 ]; then
		tail -n 40 "$out/fuzz-$t.log"
		sed -n 's/.*Test unit written to \(.*\)/\1/p' "$out/fuzz-$t.log" |
			while read -r f; do
				echo "fuzz: $t: reproducer $f (run: $out/fuzz_$t $f)"
			done
		echo "fuzz: $t FAILED, seed $seed ($out/fuzz-$t.log)"
		rc=1
	fi
done

for t in $targets; do
	[ $merge -eq 1 ] || break
	# the committed inputs stay (the seeds keep their names); found
	# ones are added only if they reach something new
	rm -rf "$out/merged/$t" && mkdir -p "$out/merged" "$out/corpus/$t" &&
		cp -r "$here/corpus/$t" "$out/merged/$t"
	"$out/fuzz_$t" -merge=1 -max_len=4096 "$out/merged/$t" "$out/corpus/$t" \
		> "$out/merge-$t.log" 2>&1 || { tail "$out/merge-$t.log"; rc=1; continue; }
	rm -rf "$here/corpus/$t" && mkdir -p "$here/corpus/$t" &&
		cp "$out/merged/$t"/* "$here/corpus/$t"/
	echo "fuzz: $t corpus: $(find "$here/corpus/$t" -type f | wc -l) inputs," \
		"$(du -sk "$here/corpus/$t" | cut -f1) KiB"
done
exit $rc
