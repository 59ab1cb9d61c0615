#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Unmodified programs over SCTP at IP protocol 132: Debian's lksctp-tools
# (checksctp, sctp_test one-to-many and one-to-one, sctp_darn) and iperf3,
# with --sctp and as a TCP program under withsctp.  Each case checks what
# arrived against what was sent (message counts and byte sums, the lines
# themselves, iperf3's sender and receiver totals) and that SCTP carried
# it (the association counters, the INIT's stream counts).

. "$(dirname "$0")/lib.sh"

export LC_ALL=C
T=30			# seconds any one program may run
MIN=0			# bytes iperf3's receiver must get more than
TMP=$(mktemp -d /tmp/lksctp.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

ksft_plan 8

# The programs ask for IPPROTO_SCTP: the stack under test must be at 132.
# It is asctp unless ASCTP_STACK=sctp (the kernel's sctp.ko), which runs
# the same cases to show they are right.
if ! stack_loaded || [ "$(stack_ipproto)" != 132 ]; then
	ksft_diag "stack '$(stack)' is not loaded at IP protocol 132: nothing to test"
	for i in $(seq 8); do ksft_fail "stack '$(stack)' at protocol 132"; done
	ksft_finish
fi
for p in checksctp sctp_test sctp_darn withsctp iperf3 stdbuf python3; do
	command -v $p > /dev/null && continue
	ksft_diag "$p missing: selftests/deps.sh installs it"
	for i in $(seq 8); do ksft_fail "$p installed"; done
	ksft_finish
done
ksft_diag "stack $(stack)"

# show FILE: the end of a program's output, when a case fails.
show() {
	ksft_diag "--- $(basename "$1"), last lines:"
	tail -n 15 "$1" | sed 's/^/#   /'
}

# gone PID: a background program has exited.
gone() { ! alive "$1"; }

# shutdowns FILE N: sctp_darn has seen N associations end.
shutdowns() { [ "$(grep -c "ASSOC_CHANGE - SHUTDOWN_COMP" "$1")" -ge "$2" ]; }

# stop PID: end a background program and reap it.
stop() {
	kill "$1" 2> /dev/null
	wait "$1" 2> /dev/null
}

checksctp_case() {
	local ns out rc=0
	ns_new ns || return 1
	out=$(ip netns exec "$ns" checksctp 2>&1) || rc=$?
	ksft_diag "checksctp: '$out', exit $rc"
	[ $rc -eq 0 ] && [ "$out" = "SCTP supported" ]
}
ksft_check "checksctp: SCTP supported" checksctp_case

# sctp_test_case END MODE CLIENT_ARGS...: a sctp_test server (-l) and
# client (-s) on loopback in a fresh namespace, both with MODE (-T for
# one-to-one, empty for one-to-many).  The client's "sendmsg(...) N
# bytes." lines must be the server's "recvmsg(...) Data N bytes." lines
# in number and byte sum, all between COMMUNICATION_UP and the end of
# the association, which is the first line matching the regex END.
sctp_test_case() {
	local end=$1 mode=$2 ns srv=$TMP/sctp_test.srv cli=$TMP/sctp_test.cli
	local pid cn cs sn ss order rc=0
	shift 2
	ns_new ns || return 1
	# shellcheck disable=SC2086 # MODE is one option or none
	ip netns exec "$ns" stdbuf -oL timeout $T sctp_test -H 127.0.0.1 -P 9000 \
		-l -d 1 $mode > "$srv" 2>&1 &
	pid=$!
	if ! wait_for 30 grep -q "Server: Receiving packets" "$srv"; then
		ksft_diag "server not listening"
		show "$srv"
		stop $pid
		return 1
	fi
	# shellcheck disable=SC2086
	ip netns exec "$ns" timeout $T sctp_test -H 127.0.0.1 -P 9001 \
		-h 127.0.0.1 -p 9000 -s -d 1 $mode "$@" > "$cli" 2>&1 ||
		{ ksft_diag "client: exit $?"; show "$cli"; rc=1; }
	wait_for 20 grep -qE "$end" "$srv" ||
		{ ksft_diag "server: no line matching '$end'"; rc=1; }
	stop $pid
	read -r cn cs < <(awk 'match($0, /^\tsendmsg\(.*\) +[0-9]+ bytes\./) {
			match($0, /[0-9]+ bytes\./)
			n++; s += substr($0, RSTART, RLENGTH - 7)
		}
		END { print n + 0, s + 0 }' "$cli")
	read -r sn ss order < <(awk -v end="$end" '
		/SCTP_ASSOC_CHANGE\(COMMUNICATION_UP\)/ && !up { up = NR }
		match($0, /recvmsg\(.*\) Data [0-9]+ bytes\./) {
			match($0, /Data [0-9]+ bytes\./)
			n++; s += substr($0, RSTART + 5, RLENGTH - 12)
			if (!up || down) out++
		}
		$0 ~ end && !down { down = NR }
		END { print n + 0, s + 0, (up && down && !out) ? "in order" : "OUT OF ORDER" }
		' "$srv")
	ksft_diag "client sent $cn messages, $cs bytes; server read $sn messages," \
		"$ss bytes, $order (COMMUNICATION_UP, data, end)"
	[ "$cn" -gt 0 ] && [ "$cn" = "$sn" ] && [ "$cs" = "$ss" ] &&
		[ "$order" = "in order" ] || rc=1
	[ $rc -eq 0 ] || { show "$srv"; show "$cli"; }
	return $rc
}

# One-to-many: SCTP_ASSOC_CHANGE(SHUTDOWN_COMPLETE) ends the association.
# -M 8 streams, -t 1 taken at random, -o 3 ordered or unordered at
# random, -c 4 the sizes 1 to 32768, -x 2 rounds of 10 messages.
ksft_check "sctp_test one-to-many: 8 streams, (un)ordered, byte sums equal" \
	sctp_test_case 'SHUTDOWN_COMPLETE' '' -c 4 -M 8 -o 3 -t 1 -x 2

# One-to-one (SOCK_STREAM): the server's recvmsg() returns 0 once the
# peer's SHUTDOWN has arrived, and sctp_test says "No association is
# present now"; the SHUTDOWN_COMPLETE notification may come first, or
# not be read at all.  -c 3: 1, 1453 (the first size fragmented at MTU
# 1500) and 32768 bytes; -o 1 all ordered.
ksft_check "sctp_test one-to-one: 4 streams, ordered, byte sums equal" \
	sctp_test_case 'SHUTDOWN_COMPLETE|No association is present now' -T \
	-c 3 -M 4 -o 1 -x 2

# -c 6: random sizes up to -m 65000 (many fragments), all unordered.
ksft_check "sctp_test one-to-many: random sizes up to 65000, byte sums equal" \
	sctp_test_case 'SHUTDOWN_COMPLETE' '' -c 6 -m 65000 -x 3

# sctp_darn: a listener, and one sender per line, each its own
# association from its own port (sctp_darn -s exits after its first
# message when sctp_getpaddrs() fails, as it does while asctp lacks
# SCTP_GET_PEER_ADDRS).  Every line arrives once, whole ("DATA(n)" counts
# its newline and NUL), in order, one COMM_UP and SHUTDOWN_COMP each.
darn() {
	local ns srv=$TMP/darn.srv cli pid i tok got want rc=0 toks=()
	ns_new ns || return 1
	ip netns exec "$ns" stdbuf -oL timeout $T sctp_darn -H 127.0.0.1 -P 9100 -l \
		> "$srv" 2>&1 &
	pid=$!
	if ! wait_for 30 grep -q "listening" "$srv"; then
		ksft_diag "listener not listening"
		show "$srv"
		stop $pid
		return 1
	fi
	for i in 1 2 3; do
		tok=lksctp-$$-$i-$RANDOM
		toks+=("$tok")
		cli=$TMP/darn.cli$i
		echo "$tok" | ip netns exec "$ns" timeout $T sctp_darn -H 127.0.0.1 \
			-P $((9100 + i)) -h 127.0.0.1 -p 9100 -s > "$cli" 2>&1
		ksft_diag "sender $i: exit $?"
		grep -q sctp_getpaddrs "$cli" &&
			ksft_diag "sender $i: $(grep -m1 sctp_getpaddrs "$cli")"
		wait_for 10 shutdowns "$srv" $i ||
			{ ksft_diag "association $i: no SHUTDOWN_COMP"; rc=1; }
	done
	stop $pid
	got=$(grep -E "^DATA\(|ASSOC_CHANGE - " "$srv" | tr '\n' '|')
	want=
	for tok in "${toks[@]}"; do
		want+="NOTIFICATION: ASSOC_CHANGE - COMM_UP|DATA($((${#tok} + 2))):  $tok.|"
		want+="NOTIFICATION: ASSOC_CHANGE - SHUTDOWN_COMP|"
	done
	ksft_diag "listener: $got"
	[ "$got" = "$want" ] || { ksft_diag "expected: $want"; rc=1; }
	[ $rc -eq 0 ] || show "$srv"
	return $rc
}
ksft_check "sctp_darn: 3 lines from 3 associations arrive whole, in order" darn

# sniff NS FILE: until its INIT and INIT ACK have passed, print the
# stream counts in the first SCTP association set up on NS's loopback.
sniff() {
	ip netns exec "$1" timeout $T python3 -S -c '
import socket, struct
s = socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM, socket.htons(0x0800))
s.bind(("lo", 0))
print("ready", flush=True)
seen = set()
while len(seen) < 2:
    p = s.recv(65535)
    h = (p[0] & 15) * 4
    if p[9] != 132 or len(p) < h + 32 or p[h + 12] not in (1, 2) \
            or p[h + 12] in seen:
        continue
    seen.add(p[h + 12])
    os_, mis = struct.unpack("!HH", p[h + 24:h + 28])
    print("INIT" if p[h + 12] == 1 else "INIT_ACK", "OS=%d" % os_,
          "MIS=%d" % mis, flush=True)
' > "$2" 2>&1 &
	SNIFF=$!
	wait_for 20 grep -q ready "$2"
}

# estabs NS: the associations set up in NS, active and passive.
estabs() {
	stack_mibs "$1" | awk '$1 == "ActiveEstabs" { a = $2 }
		$1 == "PassiveEstabs" { p = $2 } END { print a + 0, p + 0 }'
}

# iperf NS PORT ESTABS WRAP CLIENT_OPTS...: a one-off iperf3 server and
# a 2 s client with CLIENT_OPTS, on 127.0.0.1:PORT in NS, both run by
# WRAP (withsctp, or env).  The server's "receiver" line must be there;
# in the client's JSON, more than MIN bytes received, and not fewer than
# were sent less what the socket buffers hold; the associations set up
# in NS (active and passive) must be ESTABS.
iperf() {
	local ns=$1 port=$2 estabs=$3 wrap=$4 srv=$TMP/iperf.srv json=$TMP/iperf.json
	local pid a0 p0 a p out sent rcvd buf err rc=0
	shift 4
	read -r a0 p0 < <(estabs "$ns")
	ip netns exec "$ns" timeout $T $wrap stdbuf -oL iperf3 -s -1 -B 127.0.0.1 \
		-p "$port" > "$srv" 2>&1 &
	pid=$!
	if ! wait_for 20 grep -q "Server listening" "$srv"; then
		ksft_diag "server not listening"
		show "$srv"
		stop $pid
		return 1
	fi
	ip netns exec "$ns" timeout $T $wrap iperf3 -c 127.0.0.1 -p "$port" -t 2 -J \
		"$@" > "$json" 2>&1 || { ksft_diag "client: exit $?"; rc=1; }
	if wait_for 10 gone $pid; then
		wait $pid || { ksft_diag "server: exit $?"; rc=1; }
	else
		ksft_diag "server: still running"
		stop $pid
		rc=1
	fi
	ksft_diag "$(grep -m1 receiver "$srv" | sed 's/  */ /g')"
	grep -q receiver "$srv" || { ksft_diag "server: no receiver line"; rc=1; }
	# iperf3 counts what the client wrote and what the server read up to
	# the end of the test: what the two socket buffers still held is in
	# neither, so the totals may differ by up to their sizes.
	out=$(ip netns exec "$ns" python3 -S -c '
import json, socket, sys
j = json.load(open(sys.argv[1]))
e = j.get("end", {})
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 132)
buf = s.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF) + \
      s.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF)
print(e.get("sum_sent", {}).get("bytes", -1),
      e.get("sum_received", {}).get("bytes", -1), buf, j.get("error", ""))
' "$json" 2>&1)
	read -r sent rcvd buf err <<< "$out"
	if [[ "$sent $rcvd $buf" =~ ^[0-9]+\ [0-9]+\ [0-9]+$ ]]; then
		ksft_diag "client JSON: sent $sent bytes, received $rcvd," \
			"difference $((sent - rcvd)) (socket buffers $buf)"
		[ "$rcvd" -gt "$MIN" ] && [ "$rcvd" -le "$sent" ] &&
			[ $((sent - rcvd)) -le "$buf" ] || rc=1
	else
		ksft_diag "no byte totals in the client's JSON: $out"
		rc=1
	fi
	[ -n "$err" ] && ksft_diag "iperf3 reported: $err"
	read -r a p < <(estabs "$ns")
	a=$((a - a0)) p=$((p - p0))
	ksft_diag "SCTP associations: active +$a, passive +$p"
	[ $a -eq "$estabs" ] && [ $p -eq "$estabs" ] || rc=1
	[ $rc -eq 0 ] || { show "$srv"; show "$json"; }
	return $rc
}

# withsctp makes a TCP program's sockets SCTP (SOCK_STREAM): iperf3's
# control and data connections are two associations.  Its getsockopt()
# of TCP_INFO fails there with EOPNOTSUPP (on sctp.ko too), which iperf3
# reports and goes on.
withsctp_iperf() {
	local ns
	ns_new ns || return 1
	iperf "$ns" 5301 2 withsctp
}
ksft_check "withsctp iperf3: TCP over SCTP, 2 associations, totals agree" withsctp_iperf

# iperf3 --sctp: the control connection is TCP, the data one SCTP.  The
# server binds 127.0.0.1: without -B it takes an AF_INET6 socket, which
# asctp does not have yet.
iperf_sctp() {
	local ns
	ns_new ns || return 1
	iperf "$ns" 5201 1 env --sctp
}
ksft_check "iperf3 --sctp: 1 association, totals agree" iperf_sctp

# iperf3 3.12's option parser falls through from --nstreams into -b: a
# bare --nstreams 8 also sets the rate to 8 bit/s, and the run sends one
# 64 KiB block (sctp.ko too).  -b 0 after it restores the unlimited rate,
# so more than 1 MB must arrive.  The client's outbound streams are its
# INIT's OS cut to the INIT ACK's MIS: 8 asked for, 8 allowed.
iperf_nstreams() {
	local ns sniffed=$TMP/sniff rc=0
	ns_new ns || return 1
	sniff "$ns" "$sniffed" || { ksft_diag "sniffer not ready"; rc=1; }
	MIN=1048576 iperf "$ns" 5201 1 env --sctp --nstreams 8 -b 0 || rc=1
	wait_for 10 gone $SNIFF || ksft_diag "sniffer: no INIT and INIT ACK seen"
	stop $SNIFF
	ksft_diag "$(grep INIT "$sniffed" | tr '\n' ' ')"
	grep -q "^INIT OS=8 " "$sniffed" ||
		{ ksft_diag "the INIT did not ask for 8 outbound streams"; rc=1; }
	awk '$1 == "INIT_ACK" { sub("MIS=", "", $3); ok = $3 >= 8 } END { exit !ok }' \
		"$sniffed" || { ksft_diag "the INIT ACK did not allow 8 streams"; rc=1; }
	return $rc
}
ksft_check "iperf3 --sctp --nstreams 8: INIT asks for 8 streams, > 1 MB" \
	iperf_nstreams

ksft_finish
