#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Packet fuzzing: tools/pktfuzz learns the packets of the associations
# in one namespace and injects mutated and random ones (valid CRC32c) at
# their endpoints while a workload keeps associations in every state:
# listeners one-to-one and one-to-many, set-ups that never get an
# answer (INITs into a dummy device: COOKIE-WAIT, and COOKIE-ECHOED when
# a fuzzed INIT ACK gets in), transfers (ESTABLISHED, then the SHUTDOWN
# states as each closes with data in flight), daytime exchanges and
# ABORTs.  Those "target" associations may be aborted, garbled or stall
# (the fuzzer knows their tags: an injected ABORT or DATA is legal):
# their outcomes are only counted.  Two "protected" transfers, one-to-one
# on port 5000 and one-to-many on 5001, run over and over meanwhile; the
# fuzzer never sends their tags, so every packet aimed at them must be
# dropped and each transfer must arrive byte-exact.  Afterwards fresh
# associations must transfer byte-exact, the kernel log must be clean,
# and no asctp object may outlive the namespace.
#
# PKTFUZZ_COUNT packets (default 3000, for make check; make pktfuzz:
# 500000), seed PKTFUZZ_SEED (printed; random by default) to replay a
# run; PKTFUZZ_PAUSE seconds between the target workload's rounds;
# PKTFUZZ_PCAP=FILE captures what goes to and from the protected ports
# (each protected result says when it started).

. "$(dirname "$0")/lib.sh"

P=$(asctp_ipproto)
T=$SELFTEST_DIR/tools
COUNT=${PKTFUZZ_COUNT:-3000}
# seconds between the target workload's rounds: each round's process
# starts take CPU time from the fuzzer in a TCG guest
PAUSE=${PKTFUZZ_PAUSE:-1}
SEED=${PKTFUZZ_SEED:-$(((RANDOM << 30 | RANDOM << 15 | RANDOM) % 1000000000))}
W=$(mktemp -d)
STOP=$W/stop
SPLAT='BUG:|WARNING:|Oops|Call Trace:|general protection fault|UBSAN:|KASAN:|possible recursive locking|possible circular locking|inconsistent lock state|suspicious RCU usage|refcount_t:'

# mxfer_once NS PORT TYPE BYTES SEED TIMEOUT: one checked transfer on
# 127.0.0.1; prints ok, mismatch, missing, reset (the client or server
# saw an error: ECONNRESET, EPIPE...), or timeout with the tools' words.
mxfer_once() {
	local ns=$1 port=$2 type=$3 bytes=$4 seed=$5 to=$6 srv cli rc=0 r
	srv=$W/srv.$port cli=$W/cli.$port
	ip netns exec "$ns" timeout "$to" "$T/mxfer" server "$P" 127.0.0.1 \
		"$port" "$seed" --type "$type" --bytes "$bytes" --max-msg 64K \
		> "$srv" 2>&1 &
	local spid=$!
	if ! poll 60 grep -q listening "$srv"; then
		kill "$spid" 2> /dev/null
		wait "$spid"
		echo "noserver $(tr '\n' ' ' < "$srv")"
		return
	fi
	ip netns exec "$ns" timeout "$to" "$T/mxfer" client "$P" 127.0.0.1 \
		"$port" "$seed" --type "$type" --bytes "$bytes" --max-msg 64K \
		> "$cli" 2>&1 || rc=$?
	wait "$spid" || rc=$((rc ? rc : $?))
	if grep -q " ok$" "$srv" && [ $rc -eq 0 ]; then
		r=ok
	elif grep -q MISMATCH "$srv"; then
		r=mismatch
	elif grep -q MISSING "$srv"; then
		r=missing
	elif [ $rc -eq 124 ]; then
		r=timeout
	else
		r=reset
	fi
	echo "$r $(grep -v listening "$srv" "$cli" | tr '\n' ' ' | cut -c1-300)"
}

# protected NS PORT TYPE: transfers until $STOP, one result line each.
protected() {
	local i=0
	while [ ! -e "$STOP" ]; do
		i=$((i + 1))
		echo "$(mxfer_once "$1" "$2" "$3" 256K "$((SEED + i))" 600)" \
			"(started $(date +%T.%N | cut -c1-12))"
		nap "$PAUSE"
	done
}

# targets_xfer NS: fuzzed transfers until $STOP, one to-one, one to-many.
targets_xfer() {
	local i=0
	while [ ! -e "$STOP" ]; do
		i=$((i + 1))
		echo "stream $(mxfer_once "$1" 6000 stream 512K "$i" 15)"
		echo "seqpacket $(mxfer_once "$1" 6001 seqpacket 128K "$i" 15)"
		nap "$PAUSE"
	done
}

# targets_misc NS: daytime (set-up, two messages, SHUTDOWN), ABORTs, and
# INITs into the dummy device, until $STOP.
targets_misc() {
	local ns=$1 o=$W/misc s
	while [ ! -e "$STOP" ]; do
		# never answered: COOKIE-WAIT until killed (or fuzzed on)
		ip netns exec "$ns" timeout 4 "$T/daytime_client" -P "$P" \
			10.99.99.1 6004 > /dev/null 2>&1 &
		ip netns exec "$ns" timeout 20 "$T/daytime_server" -P "$P" \
			127.0.0.1 6002 > "$o.s" 2>&1 &
		s=$!
		poll 30 grep -q port "$o.s"
		if ip netns exec "$ns" timeout 20 "$T/daytime_client" -P "$P" \
			127.0.0.1 6002 > "$o.c" 2>&1; then
			echo "daytime ok"
		else
			echo "daytime failed $(tr '\n' ' ' < "$o.c" | cut -c1-200)"
		fi
		kill "$s" 2> /dev/null
		wait "$s"
		ip netns exec "$ns" timeout 20 "$T/abort_peer" -P "$P" -a \
			server 127.0.0.1 6003 > "$o.s" 2>&1 &
		s=$!
		poll 30 grep -q port "$o.s"
		if ip netns exec "$ns" timeout 20 "$T/abort_peer" -P "$P" \
			client 127.0.0.1 6003 > "$o.c" 2>&1; then
			echo "abort ok"
		else
			echo "abort failed $(tr '\n' ' ' < "$o.c" | cut -c1-200)"
		fi
		wait "$s"
		wait
		nap "$((PAUSE * 2))"
	done
}

# snmp NS: the module's counters, "name value" a line.
snmp() { ip netns exec "$1" cat /proc/net/asctp/snmp; }

# tally FILE: the outcomes in FILE, "outcome count" comma separated.
tally() {
	awk '{ k = $1; if ($1 == "stream" || $1 == "seqpacket" ||
		$1 == "daytime" || $1 == "abort") k = $1 "-" $2; n[k]++ }
	     END { for (k in n) printf "%s=%d ", k, n[k] }' "$1"
}

fuzz() {
	local ns f=$W/fuzz rc=0 t0 p1 p2 tx tm fpid
	ns_new ns || return 1
	ip -n "$ns" link add dummy0 type dummy &&
	ip -n "$ns" addr add 10.99.99.2/24 dev dummy0 &&
	ip -n "$ns" link set dummy0 up || return 1
	nap 0
	snmp "$ns" > "$W/snmp.before"
	dmesg > "$W/dmesg.before" 2> /dev/null
	ksft_diag "seed $SEED, $COUNT packets (replay: PKTFUZZ_SEED=$SEED PKTFUZZ_COUNT=$COUNT)"
	t0=$SECONDS
	ip netns exec "$ns" "$T/pktfuzz" "$P" -s "$SEED" -n "$COUNT" \
		-P 5000 -P 5001 -w 60 > "$f" 2>&1 &
	fpid=$!
	poll 60 grep -q "pktfuzz: seed" "$f" || { cat "$f"; return 1; }
	# PKTFUZZ_PCAP=FILE: what goes to or from the protected ports
	if [ -n "${PKTFUZZ_PCAP:-}" ]; then
		ip netns exec "$ns" dumpcap -q -i lo -s 160 -w "$PKTFUZZ_PCAP" \
			-f "ip proto $P and (port 5000 or port 5001)" 2> /dev/null &
		poll 20 test -s "$PKTFUZZ_PCAP"
	fi
	protected "$ns" 5000 stream > "$W/prot1" &
	p1=$!
	protected "$ns" 5001 seqpacket > "$W/prot2" &
	p2=$!
	targets_xfer "$ns" > "$W/tx" &
	tx=$!
	targets_misc "$ns" > "$W/tm" &
	tm=$!
	wait "$fpid" || rc=1
	touch "$STOP"
	ksft_diag "fuzzer done in $((SECONDS - t0)) s; waiting for the workload"
	wait "$p1" "$p2" "$tx" "$tm"
	sed 's/^/# /' "$f"
	ksft_diag "workload: $((SECONDS - t0)) s"
	ksft_diag "target outcomes: $(cat "$W/tx" "$W/tm" | tally /dev/stdin)"
	snmp "$ns" > "$W/snmp.after"
	ksft_diag "counters moved: $(awk 'NR == FNR { b[$1] = $2; next }
		$2 != b[$1] { printf "%s+%d ", substr($1, 6), $2 - b[$1] }' \
		"$W/snmp.before" "$W/snmp.after")"
	FUZZ_NS=$ns
	[ $rc -eq 0 ] && grep -q "sent $COUNT packets" "$f"
}

# protected_ok FILE: at least one transfer, each byte-exact.
protected_ok() {
	ksft_diag "$(wc -l < "$1") transfers: $(tally "$1")"
	grep -v "^ok" "$1" | head -n 5 | sed 's/^/# /'
	[ -s "$1" ] && ! grep -qv "^ok" "$1"
}

# fresh: new associations in the fuzzed namespace, byte-exact.
fresh() {
	local r1 r2 rc=0
	r1=$(mxfer_once "$FUZZ_NS" 7000 stream 1M 42 120)
	r2=$(mxfer_once "$FUZZ_NS" 7001 seqpacket 256K 43 120)
	ksft_diag "one-to-one: $r1"
	ksft_diag "one-to-many: $r2"
	[ "${r1%% *}" = ok ] && [ "${r2%% *}" = ok ]
}

log_clean() {
	dmesg > "$W/dmesg.after" 2> /dev/null || return 0
	diff "$W/dmesg.before" "$W/dmesg.after" | grep '^>' > "$W/dmesg.new"
	if grep -Eq "$SPLAT" "$W/dmesg.new"; then
		grep -E -A12 "$SPLAT" "$W/dmesg.new" | head -n 40 | sed 's/^/# /'
		return 1
	fi
}

# objects_gone: once the namespace is deleted, no asctp object is left.
objects_gone() {
	ns_del "$FUZZ_NS"
	poll 30 test "$(asctp_objects)" = 0 ||
		{ ksft_diag "left: $(awk '$2' /sys/kernel/debug/asctp/objects | tr '\n' ' ')"; return 1; }
}

ksft_plan 6
FUZZ_NS=
ksft_check "pktfuzz sent $COUNT packets (seed $SEED)" fuzz
ksft_check "protected one-to-one transfers byte-exact throughout" protected_ok "$W/prot1"
ksft_check "protected one-to-many transfers byte-exact throughout" protected_ok "$W/prot2"
if [ -n "$FUZZ_NS" ]; then
	ksft_check "fresh associations transfer byte-exact after the fuzzing" fresh
else
	ksft_fail "fresh associations transfer byte-exact after the fuzzing"
fi
ksft_check "kernel log clean" log_clean
if [ -n "$FUZZ_NS" ] && [ -r /sys/kernel/debug/asctp/objects ]; then
	ksft_check "no asctp object outlives the namespace" objects_gone
else
	ksft_skip "no asctp object outlives the namespace"
fi
rm -rf "$W"
ksft_finish
