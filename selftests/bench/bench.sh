#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# asctp against the kernel's sctp.ko and TCP, in one VM (make bench):
# asctp is loaded on a free protocol number (ipproto=253), sctp.ko on
# 132 is loaded here, and every figure of ./bench runs for the three,
# BENCH_REPEATS times each, on loopback (one namespace) and across a
# veth pair between two namespaces.  Each row shows the median and the
# spread (min-max) and the ratios asctp/sctp.ko and asctp/TCP; for the
# rows marked "lower is better" a ratio under 1 is asctp's gain.  Speed
# is never asserted: a bench run fails only when a run fails.
#
#   bench.sh [FIGURE...]   bulk rr setup idle many (default: all)
#
#   BENCH_REPEATS=5        runs per figure and stack
#   BENCH_TIME=2           seconds per run (bulk, rr, setup, many)
#   BENCH_IDLE=10000       associations held for the idle memory figure
#   BENCH_MANY="10 1000 10000"  associations of the one-to-many server
#   BENCH_BIG_REPEATS=3    runs of idle and many at 10000 (slow to set up)
#   BENCH_FULL=1           every bulk variant across the veth pair too
#                          (by default 16 KiB, 1 stream, there)
#   BENCH_SMOKE=1          asctp only, once, 1 s, small counts: the
#                          result lines must parse (selftests/bench-smoke.sh)
#   BENCH_OUT=FILE         the table also to FILE

# shellcheck source=../lib.sh
. "$(dirname "$0")/../lib.sh"

BENCH=$SELFTEST_DIR/bench/bench
REPEATS=${BENCH_REPEATS:-5}
BIG_REPEATS=${BENCH_BIG_REPEATS:-3}
TIME=${BENCH_TIME:-2}
IDLE=${BENCH_IDLE:-10000}
MANY=${BENCH_MANY:-10 1000 10000}
SMOKE=${BENCH_SMOKE:-0}
FIGURES=${*:-bulk rr setup idle many}
NS_LO=bench-lo NS_C=bench-c NS_S=bench-s
VETH_SRV=10.77.0.2
if [ "$SMOKE" = 1 ]; then
	REPEATS=1 BIG_REPEATS=1 TIME=1 IDLE=${BENCH_IDLE:-50}
	MANY=${BENCH_MANY:-10 50}
fi

failed=0
declare -A stacks=()	# name -> protocol number
order=()
ROWS=$(mktemp)		# figure|path|unit|better|stack|median|min|max
ERRS=$(mktemp)

say() { echo "bench.sh: $*" >&2; }

setup_stacks() {
	local p
	if ! asctp_loaded; then
		say "asctp is not loaded (the harness loads it: run.sh -l asctp -a ipproto=253)"
		return 1
	fi
	p=$(asctp_ipproto)
	stacks[asctp]=$p
	order=(asctp)
	[ "$SMOKE" = 1 ] && return 0
	if [ "$p" = 132 ]; then
		say "asctp is on 132: no room for sctp.ko (load asctp with ipproto=253)"
	elif [ -r /proc/net/sctp/snmp ] || sctp_load; then
		stacks[sctp]=132
		order+=(sctp)
	else
		say "cannot load sctp.ko: its column stays empty"
	fi
	stacks[tcp]=6
	order+=(tcp)
}

setup_netns() {
	ip netns add $NS_LO && ip -n $NS_LO link set lo up &&
	ip netns add $NS_C && ip netns add $NS_S &&
	ip -n $NS_C link set lo up && ip -n $NS_S link set lo up &&
	ns_veth $NS_C 10.77.0.1 $NS_S $VETH_SRV
}

# Associations end a moment after their sockets close: wait for asctp's
# to be gone, so that the harness's checks and rmmod find none.
cleanup() {
	local n
	for n in "$NS_LO" "$NS_C" "$NS_S"; do ip netns del "$n" 2> /dev/null; done
	if [ -r /sys/kernel/debug/asctp/objects ]; then
		poll 60 [ "$(asctp_objects)" -eq 0 ] ||
			say "asctp objects still live: $(asctp_objects)"
	fi
	asctp_loaded && { poll 60 [ "$(cat /sys/module/asctp/refcnt)" -eq 0 ] ||
		say "asctp still in use (refcnt $(cat /sys/module/asctp/refcnt))"; }
	rm -f "$ROWS" "$ERRS"
}
trap cleanup EXIT

# stats: median, min and max of the numbers on stdin.
stats() {
	sort -g | awk 'function f(x) { return x >= 100 ? sprintf("%.0f", x) : sprintf("%.3g", x) }
		{ v[NR] = $1 }
		END {
			if (!NR) exit 1
			m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
			print f(m), f(v[1]), f(v[NR])
		}'
}

# run FIGURE PATH BETTER REPEATS STACK ARGS...: ./bench ARGS for STACK,
# REPEATS times; one row for its value, one for its CPU if it has one.
run() {
	local fig=$1 path=$2 better=$3 reps=$4 st=$5 out unit cunit ns
	shift 5
	case $path in
	lo) ns=(-C "$NS_LO" -N "$NS_LO" -a 127.0.0.1) ;;
	veth) ns=(-C "$NS_C" -N "$NS_S" -a "$VETH_SRV") ;;
	esac
	if ! out=$("$BENCH" "$@" -p "${stacks[$st]}" -r "$reps" "${ns[@]}" 2>> "$ERRS"); then
		say "FAIL: $st: bench $* ${ns[*]}: $(tail -n 3 "$ERRS" | tr '\n' ' ')"
		failed=1
		echo "$fig|$path|?|$better|$st|ERR|ERR|ERR" >> "$ROWS"
		return 1
	fi
	while read -r l; do echo "# $st $path: $l"; done <<< "$out" >&2
	unit=$(echo "$out" | sed -n 's/.* unit=\([^ ]*\).*/\1/p' | head -n 1)
	cunit=$(echo "$out" | sed -n 's/.* cpu_unit=\([^ ]*\).*/\1/p' | head -n 1)
	if [ "$(echo "$out" | grep -c '^result .* value=[0-9.e+-]* unit=')" -ne "$reps" ]; then
		say "FAIL: $st: bench $*: $reps result lines expected: $out"
		failed=1
		return 1
	fi
	echo "$fig|$path|$unit|$better|$st|$(echo "$out" |
		sed -n 's/.* value=\([^ ]*\) .*/\1/p' | stats | tr ' ' '|')" >> "$ROWS"
	[ -n "$cunit" ] && echo "$fig CPU|$path|$cunit|lower|$st|$(echo "$out" |
		sed -n 's/.* cpu=\([^ ]*\) .*/\1/p' | stats | tr ' ' '|')" >> "$ROWS"
	return 0
}

# row FIGURE PATH BETTER REPEATS [--no-tcp] ARGS...: run for every stack.
row() {
	local fig=$1 path=$2 better=$3 reps=$4 st notcp=0
	shift 4
	[ "$1" = --no-tcp ] && { notcp=1; shift; }
	for st in "${order[@]}"; do
		[ "$st" = tcp ] && [ "$notcp" = 1 ] && continue
		run "$fig" "$path" "$better" "$reps" "$st" "$@"
	done
}

fig_bulk() {
	local size sz streams nd path paths=lo extra
	[ "${BENCH_FULL:-0}" = 1 ] && paths="lo veth"
	for path in lo veth; do
		for size in 1024 16384 65536; do
			sz=$((size / 1024))K
			for streams in 1 8; do
				for nd in "" -d; do
					[[ " $paths " == *" $path "* ]] ||
						[ "$size$streams" = 163841 ] || continue
					extra=()
					[ "$streams" = 8 ] && extra+=(--no-tcp)
					extra+=(bulk -s "$size" -S "$streams")
					[ -n "$nd" ] && extra+=("$nd")
					row "bulk $sz ${streams}str${nd:+ nodelay}" "$path" higher \
						"$REPEATS" "${extra[@]}" -t "$TIME"
				done
			done
		done
	done
}

fig_rr() {
	row "rr 64B" lo higher "$REPEATS" rr -t "$TIME"
	row "rr 64B" veth higher "$REPEATS" rr -t "$TIME"
}

fig_setup() {
	row "setup+teardown" lo higher "$REPEATS" setup -t "$TIME"
	row "setup+teardown" veth higher "$REPEATS" setup -t "$TIME"
}

fig_idle() {
	row "idle mem x$IDLE" lo lower "$BIG_REPEATS" idle -n "$IDLE"
}

fig_many() {
	local n reps
	for n in $MANY; do
		reps=$REPEATS
		[ "$n" -ge 10000 ] && reps=$BIG_REPEATS
		row "1-to-many x$n" lo lower "$reps" many -n "$n" -t "$TIME"
	done
}

# The table: a line per figure and path, the stacks' medians and
# spreads, the ratios; then per-message cost at the most associations
# of the one-to-many server over that at the fewest.
table() {
	awk -F'|' -v order="${order[*]}" '
	function cell(k) {
		if (!(k in med)) return "-"
		if (med[k] == "ERR") return "ERR"
		return sprintf("%s (%s-%s)", med[k], lo[k], hi[k])
	}
	function ratio(a, b) {
		if (!(a in med) || !(b in med) || med[a] == "ERR" || med[b] == "ERR" || med[b] == 0)
			return "-"
		return sprintf("%.2f", med[a] / med[b])
	}
	BEGIN { n = split(order, st, " ") }
	{
		k = $1 "|" $2
		if (!(k in seen)) { seen[k] = 1; keys[++nk] = k; unit[k] = $3; better[k] = $4 }
		if ($3 != "?") unit[k] = $3
		med[k "|" $5] = $6; lo[k "|" $5] = $7; hi[k "|" $5] = $8
	}
	END {
		printf "%-26s %-4s %-12s", "figure", "path", "unit"
		for (i = 1; i <= n; i++) printf " %-24s", st[i] == "sctp" ? "sctp.ko" : st[i]
		printf " %-11s %s\n", "asctp/sctp", "asctp/TCP"
		for (j = 1; j <= nk; j++) {
			k = keys[j]; split(k, f, "|")
			printf "%-26s %-4s %-12s", f[1], f[2], unit[k] (better[k] == "lower" ? "*" : "")
			for (i = 1; i <= n; i++) printf " %-24s", cell(k "|" st[i])
			printf " %-11s %s\n", ratio(k "|asctp", k "|sctp"), ratio(k "|asctp", k "|tcp")
		}
		print "median (min-max) of the runs; * lower is better"
	}' "$ROWS"
	flatness
}

flatness() {
	local first last st a b
	first=${MANY%% *} last=${MANY##* }
	[ "$first" = "$last" ] && return
	for st in "${order[@]}"; do
		a=$(awk -F'|' -v f="1-to-many x$first" -v s="$st" '$1 == f && $5 == s { print $6 }' "$ROWS")
		b=$(awk -F'|' -v f="1-to-many x$last" -v s="$st" '$1 == f && $5 == s { print $6 }' "$ROWS")
		[[ "$a" =~ ^[0-9] && "$b" =~ ^[0-9] ]] || continue
		echo "1-to-many $st: per-message cost x$last / x$first = $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b / a }')"
	done
}

# med FIGURE PATH STACK: a row's median, empty if it has none.
med() {
	awk -F'|' -v f="$1" -v p="$2" -v s="$3" \
		'$1 == f && $2 == p && $5 == s && $6 ~ /^[0-9]/ { print $6 }' "$ROWS"
}

# target WHAT A B OP LIMIT: A/B against the issue's target, said, not
# asserted.
target() {
	local what=$1 a=$2 b=$3 op=$4 limit=$5
	if [ -z "$a" ] || [ -z "$b" ]; then
		echo "target $what: no figures"
		return
	fi
	awk -v w="$what" -v a="$a" -v b="$b" -v op="$op" -v l="$limit" 'BEGIN {
		r = a / b
		ok = op == ">=" ? r >= l : r <= l
		printf "target %s: %.2f, %s %s: %s\n", w, r, op, l, ok ? "met" : "NOT met"
	}'
}

# The issue's targets, as ratios within this run.
targets() {
	local b="bulk 16K 1str" m1=${MANY%% *} mn=${MANY##* }
	target "bulk 16 KiB asctp/sctp.ko" "$(med "$b" lo asctp)" "$(med "$b" lo sctp)" ">=" 1.5
	target "bulk 16 KiB asctp/TCP" "$(med "$b" lo asctp)" "$(med "$b" lo tcp)" ">=" 0.7
	target "rr asctp/sctp.ko" "$(med "rr 64B" lo asctp)" "$(med "rr 64B" lo sctp)" ">=" 1
	target "set-up asctp/sctp.ko" "$(med setup+teardown lo asctp)" \
		"$(med setup+teardown lo sctp)" ">=" 1.5
	target "idle memory asctp/sctp.ko" "$(med "idle mem x$IDLE" lo asctp)" \
		"$(med "idle mem x$IDLE" lo sctp)" "<=" 0.5
	target "one-to-many asctp x$mn/x$m1" "$(med "1-to-many x$mn" lo asctp)" \
		"$(med "1-to-many x$m1" lo asctp)" "<=" 1.2
}

# Smoke: the result lines parse; the table has no ERR.
if [ ! -x "$BENCH" ]; then
	say "no $BENCH: make -C $SELFTEST_DIR bench"
	exit 1
fi
setup_stacks || exit 1
setup_netns || { say "cannot set up the namespaces"; exit 1; }
say "kernel $(uname -r) $(uname -v); stacks: $(for s in "${order[@]}"; do echo -n "$s=${stacks[$s]} "; done)"
say "repeats $REPEATS (idle, many x10000: $BIG_REPEATS), $TIME s a run, figures: $FIGURES"
start=$SECONDS
for f in $FIGURES; do
	case $f in
	bulk|rr|setup|idle|many) "fig_$f" ;;
	*) say "unknown figure '$f'"; exit 2 ;;
	esac
done
{
	echo "kernel $(uname -r) $(uname -v), $(nproc) CPUs; $REPEATS runs of $TIME s"
	table
	[ "$SMOKE" = 1 ] || targets
	echo "$((SECONDS - start)) s"
} | tee ${BENCH_OUT:+"$BENCH_OUT"}
exit $failed
