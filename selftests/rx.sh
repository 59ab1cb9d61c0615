#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Receive checks of the common header (RFC 9260 3.1, 6.8): each packet is
# crafted by tools/pkt.py, whose CRC32c is independent of the module's,
# and each case checks the exact counter movements in a fresh namespace.
# Then the rules on what a packet may carry and what it gets back:
#  - 8.5, 8.5.1 (A), (B): a wrong Verification Tag is dropped (an ABORT
#    to a live association, an INIT with a tag), the T bit takes the
#    peer's tag;
#  - 8.4 (1): packets to a broadcast or multicast address, discarded;
#  - 8.4 (5) to (8): out-of-the-blue packets across veth, answered with
#    the tag reflected and the T bit, or discarded;
#  - 3.2: unknown chunk types on a live association (tools/peer.py
#    --unknown), by their upper two bits: stop or skip, report or not;
#  - 6.5, 6.2: DATA on a stream we do not have (an ERROR), DATA with no
#    user data (an ABORT), each cause byte-exact.

. "$(dirname "$0")/lib.sh"

ksft_plan 29
P=$(asctp_ipproto)
INJECT="python3 -S $SELFTEST_DIR/tools/pkt.py --proto $P"

# expect NS 'Counter=delta ...' -- packet args: send, then compare every
# counter in the namespace with its expected change (0 when unnamed).
expect() {
	local ns=$1
	shift
	expect_at "$ns" "$ns" "$@"
}

# expect_at FROM NS 'Counter=delta ...' -- packet args: the same, the
# packet sent from namespace FROM (its answers are counted there).
expect_at() {
	local from=$1 ns=$2 want=$3 before after name out moved='' rc=0
	shift 4
	snmp before "$ns"
	out=$(ip netns exec "$from" $INJECT "$@") || rc=1
	[ -n "$out" ] && ksft_diag "$out"
	snmp after "$ns"
	# one awk for all deltas: a fork per counter is slow under TCG
	while read -r name n; do
		local d=0
		for w in $want; do
			[ "${w%=*}" = "$name" ] && d=${w#*=}
		done
		[ "$n" -ne 0 ] && moved+=" ${name#Asctp}+$n"
		if [ "$n" -ne "$d" ]; then
			ksft_diag "$name moved by $n, expected $d"
			rc=1
		fi
	done < <(awk 'NR == FNR { was[$1] = $2; next } { print $1, $2 - was[$1] }' \
		<(echo "$before") <(echo "$after"))
	ksft_diag "counted:$moved"
	return $rc
}

ns_new ns
# RFC 9260 8.4 (2): an out-of-the-blue ABORT is discarded, unanswered
ksft_check "valid out-of-the-blue ABORT counted and discarded" \
	expect "$ns" "AsctpInPkts=1 AsctpInCtrlChunks=1 AsctpInOutOfBlue=1" \
	-- 127.0.0.1 --chunk 6

ns_new ns
ksft_check "bad CRC32c dropped and counted once" \
	expect "$ns" "AsctpInBadCsum=1" -- 127.0.0.1 --bad-csum

ns_new ns
ksft_check "100 bad CRC32c packets counted exactly" \
	expect "$ns" "AsctpInBadCsum=100" -- 127.0.0.1 --bad-csum --count 100

ns_new ns
ksft_check "header without a chunk dropped as short" \
	expect "$ns" "AsctpInShortPkts=1" -- 127.0.0.1 --truncate 12

ns_new ns
ksft_check "port 0 dropped" \
	expect "$ns" "AsctpInBadPorts=1" -- 127.0.0.1 --dport 0

across_veth() {
	local a b
	ns_new a && ns_new b && ns_veth "$a" 10.99.0.1 "$b" 10.99.0.2 || return 1
	# sent from a, counted in b only
	local b0 a0
	b0=$(mib AsctpInBadCsum "$b") a0=$(mib AsctpInBadCsum "$a")
	ip netns exec "$a" $INJECT 10.99.0.2 --bad-csum --count 3 || return 1
	wait_for 5 test "$(mib AsctpInBadCsum "$b")" -eq $((b0 + 3)) &&
	test "$(mib AsctpInBadCsum "$a")" -eq "$a0"
}
ksft_check "bad CRC32c across veth counted in the receiving namespace" across_veth

# assoc_field NS LPORT COLUMN: a column of the association on LPORT in
# /proc/net/asctp/assocs (8 MY-VTAG, 9 PEERVTAG, 6 ST); empty if none.
assoc_field() {
	ip netns exec "$1" awk -v p="$2" -v c="$3" \
		'NR > 1 && $12 == p { print $c }' /proc/net/asctp/assocs
}

# A one-to-one pair on lo, held up in the background: its ports in
# CPORT and SPORT, the tags of the server's end in MINE and PEERS.
pair_up() {
	local out
	ns_new VNS || return 1
	out=$(mktemp)
	ip netns exec "$VNS" python3 -S -c "
import socket, sys, time
l = socket.socket(socket.AF_INET, socket.SOCK_STREAM, $P)
l.bind(('127.0.0.1', 0)); l.listen(1)
c = socket.socket(socket.AF_INET, socket.SOCK_STREAM, $P)
c.connect(l.getsockname())
s, _ = l.accept()
print(c.getsockname()[1], l.getsockname()[1], flush=True)
time.sleep(60)" > "$out" &
	PAIR_PID=$!
	wait_for 10 test -s "$out" || return 1
	read -r CPORT SPORT < "$out"
	rm -f "$out"
	MINE=$(assoc_field "$VNS" "$SPORT" 8) PEERS=$(assoc_field "$VNS" "$SPORT" 9)
	ksft_diag "server end :$SPORT my tag $MINE, peer's $PEERS; client :$CPORT"
	[ -n "$MINE" ] && [ -n "$PEERS" ]
}

# bad_abort FLAGS TAG: an ABORT from the client's port with FLAGS and
# TAG is dropped as a bad tag; the server's end is still ESTABLISHED.
bad_abort() {
	expect "$VNS" "AsctpInPkts=1 AsctpInBadVtags=1" -- 127.0.0.1 \
		--sport "$CPORT" --dport "$SPORT" --chunk 6 --body-len 0 \
		--flags "$1" --vtag "$2" &&
	[ "$(assoc_field "$VNS" "$SPORT" 6)" = 3 ]
}

# good_abort: with the T bit and the peer's tag it ends the server's end.
good_abort() {
	expect "$VNS" "AsctpInPkts=1 AsctpInCtrlChunks=1 AsctpAborteds=1" -- \
		127.0.0.1 --sport "$CPORT" --dport "$SPORT" --chunk 6 \
		--body-len 0 --flags 1 --vtag $((0x$PEERS)) &&
	[ -z "$(assoc_field "$VNS" "$SPORT" 6)" ]
}

# RFC 9260 8.5, 8.5.1 (B): an ABORT's tag is our own, or with the T bit
# the peer's; anything else is dropped and counted.
if pair_up; then
	ksft_check "8.5: ABORT with a wrong tag dropped (AsctpInBadVtags), association up" \
		bad_abort 0 $((0x$MINE ^ 0x5a5a5a5a))
	ksft_check "8.5.1 (B): ABORT with the T bit and our own tag dropped" \
		bad_abort 1 $((0x$MINE))
	ksft_check "8.5.1 (B): ABORT with the T bit and the peer's tag ends it" \
		good_abort
else
	for _ in 1 2 3; do ksft_fail "8.5: no association to test with"; done
fi
[ -n "${PAIR_PID:-}" ] && kill "$PAIR_PID" 2> /dev/null

# A connect() in COOKIE-WAIT: its INIT goes to 10.99.6.2 through a
# dummy device (nobody answers; T1 is 30 s); CWPORT, CWTAG its port
# and own tag, CWOUT what connect() ends with.
cw_up() {
	ns_new CWNS &&
	ip -n "$CWNS" link add dummy0 type dummy &&
	ip -n "$CWNS" addr add 10.99.6.1/24 dev dummy0 &&
	ip -n "$CWNS" link set dummy0 up || return 1
	CWOUT=$(mktemp)
	ip netns exec "$CWNS" timeout 60 python3 -S -c "
import errno, socket, struct
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, $P)
# SCTP_RTOINFO: initial 30 s, so T1-init stays quiet
s.setsockopt(132, 0, struct.pack('IIII', 0, 30000, 60000, 1000))
s.setblocking(False)
try:
    s.connect(('10.99.6.2', 4000))
except BlockingIOError:
    pass
print(s.getsockname()[1], flush=True)
s.setblocking(True)
s.settimeout(40)
try:
    s.recv(1)
    print('no error', flush=True)
except OSError as e:
    print(errno.errorcode.get(e.errno, e.errno), flush=True)" > "$CWOUT" &
	CW_PID=$!
	wait_for 10 test -s "$CWOUT" || return 1
	CWPORT=$(head -n 1 "$CWOUT")
	CWTAG=$(assoc_field "$CWNS" "$CWPORT" 8)
	ksft_diag "COOKIE-WAIT on :$CWPORT, own tag $CWTAG," \
		"state $(assoc_field "$CWNS" "$CWPORT" 6)"
	[ "$(assoc_field "$CWNS" "$CWPORT" 6)" = 1 ]
}

# cw_abort FLAGS TAG 'Counters': an ABORT from the peer that is not
# there, to the port in COOKIE-WAIT.
cw_abort() {
	expect "$CWNS" "$3" -- 10.99.6.1 --src 10.99.6.2 --sport 4000 \
		--dport "$CWPORT" --chunk 6 --body-len 0 --flags "$1" --vtag "$2"
}

# RFC 9260 8.5.1 (B): with the T bit, the tag must be the peer's, which
# COOKIE-WAIT does not know yet: tag 0 is not it (a blind attacker's
# guess).  The answer to an INIT (8.4 (3)) has our own tag, no T bit.
cw_tbit_zero() {
	cw_abort 1 0 "AsctpInPkts=1 AsctpInBadVtags=1" &&
	[ "$(assoc_field "$CWNS" "$CWPORT" 6)" = 1 ]
}
cw_own_tag() {
	cw_abort 0 $((0x$CWTAG)) \
		"AsctpInPkts=1 AsctpInCtrlChunks=1 AsctpAborteds=1" &&
	wait_for 30 grep -q ECONNREFUSED "$CWOUT" &&
	[ -z "$(assoc_field "$CWNS" "$CWPORT" 6)" ]
}
if cw_up; then
	ksft_check "8.5.1 (B): COOKIE-WAIT: ABORT with the T bit and tag 0 dropped" \
		cw_tbit_zero
	ksft_check "8.4 (3): COOKIE-WAIT: ABORT with our own tag ends connect() (ECONNREFUSED)" \
		cw_own_tag
else
	for _ in 1 2; do ksft_fail "8.5.1: no COOKIE-WAIT to test with"; done
fi
ksft_diag "connect(): $(tr '\n' ' ' < "$CWOUT")"
kill "${CW_PID:-}" 2> /dev/null
rm -f "$CWOUT"

# RFC 9260 8.5.1 (A): an INIT whose own tag is not 0 is dropped, even
# at a listener that answers the same INIT with tag 0.
init_tagged() {
	local ns rc=0
	ns_new ns || return 1
	listener7 "$ns" || rc=1
	ksft_diag "tag 0: $(ip netns exec "$ns" $INJECT 127.0.0.1 --sport 5001 \
		--expect 2 --timeout 5)" || rc=1
	nap 0.3		# lo's answer to the INIT ACK, counted before
	ksft_diag "tag 0x1234 (counted below):"
	expect "$ns" "AsctpInPkts=1 AsctpInBadVtags=1" -- 127.0.0.1 \
		--vtag 0x1234 --expect-none --timeout 1 || rc=1
	kill "$LISTENER_PID"
	return $rc
}
ksft_check "8.5.1 (A): INIT with a nonzero tag dropped (AsctpInBadVtags), no reply" \
	init_tagged

# non_unicast DST: RFC 9260 8.4 (1): an INIT from a to DST, a broadcast
# or multicast address b has, where port 7 has no socket: b neither
# answers it (an ABORT, 8.4 (3), to unicast) nor counts it in, only
# AsctpInNonUnicast.  The time-out is the time b has to answer.
non_unicast() {
	local a b
	ns_new a && ns_new b && ns_veth "$a" 10.99.0.1 "$b" 10.99.0.2 &&
	ip -n "$a" route add 224.0.0.0/4 dev veth0 || return 1
	expect_at "$a" "$b" "AsctpInNonUnicast=1" -- "$1" --expect-none \
		--timeout 1
}
ksft_check "8.4 (1): INIT to the subnet broadcast address: dropped, counted, no reply" \
	non_unicast 10.99.0.255
ksft_check "8.4 (1): INIT to 224.0.0.1 (all hosts): dropped, counted, no reply" \
	non_unicast 224.0.0.1

# RFC 9260 8.4: out of the blue across veth, from a to b, where port 7
# has no socket; b's counters only (a's stack discards the answers).
ns_new OA && ns_new OB && ns_veth "$OA" 10.99.0.1 "$OB" 10.99.0.2
OOTB_IN="AsctpInPkts=1 AsctpInOutOfBlue=1"
# ootb NAME 'Counters' -- pkt.py args
ootb() {
	local name=$1 want=$2
	shift 3
	ksft_check "8.4: out-of-the-blue $name" \
		expect_at "$OA" "$OB" "$want" -- 10.99.0.2 --vtag 0x01020304 "$@"
}
ootb "SHUTDOWN ACK: SHUTDOWN COMPLETE, T bit, tag reflected (5)" \
	"$OOTB_IN AsctpInCtrlChunks=1 AsctpOutOotbReplies=1 AsctpOutPkts=1" -- \
	--chunk 8 --body-len 0 --expect 14 --expect-tbit
ootb "SHUTDOWN COMPLETE: discarded, no reply (6)" \
	"$OOTB_IN AsctpInCtrlChunks=1" -- \
	--chunk 14 --body-len 0 --expect-none --timeout 1
ootb "COOKIE ACK: discarded, no reply (7)" \
	"$OOTB_IN AsctpInCtrlChunks=1" -- \
	--chunk 11 --body-len 0 --expect-none --timeout 1
ootb "ERROR (Stale Cookie): discarded, no reply (7)" \
	"$OOTB_IN AsctpInCtrlChunks=1" -- \
	--chunk 9 --body 0003000800000064 --expect-none --timeout 1
ootb "DATA: ABORT, T bit, tag reflected (8)" \
	"$OOTB_IN AsctpOutOotbReplies=1 AsctpOutPkts=1" -- \
	--chunk 0 --expect 6 --expect-tbit
ootb "HEARTBEAT: ABORT, T bit, tag reflected (8)" \
	"$OOTB_IN AsctpInCtrlChunks=1 AsctpOutOotbReplies=1 AsctpOutPkts=1" -- \
	--chunk 4 --expect 6 --expect-tbit

# RFC 9260 3.2: each unknown chunk type comes with a HEARTBEAT behind
# it in one packet, to a live association (tools/peer.py --unknown):
#  00 (0x3f) stop, discard     01 (0x7f) stop, discard, report
#  10 (0xbf) skip              11 (0xff) skip, report
# "report" is an ERROR with an Unrecognized Chunk Type cause (6).  The
# two that stop drop the packet, counted in AsctpInUnknownChunks; and
# 8.5 comes first: with a wrong tag, neither report nor answer.
unknown_run() {
	local a b u0 v0
	ns_new a && ns_new b && ns_peer "$a" 10.99.5.1 "$b" 10.99.5.2 &&
	peer_run "$b" --unknown --timeout 10 || return 1
	u0=$(mib AsctpInUnknownChunks "$a") v0=$(mib AsctpInBadVtags "$a")
	ip netns exec "$a" timeout 20 python3 -S -c "
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, $P)
s.connect(('10.99.5.2', 4000))
try:
    s.recv(10)
except OSError:
    pass"
	wait "$PEER_PID"
	UNK_OUT=$(grep unknown "$PEER_OUT")
	UNK_COUNT=$(($(mib AsctpInUnknownChunks "$a") - u0))
	UNK_VTAG=$(($(mib AsctpInBadVtags "$a") - v0))
	ksft_diag "peer: $(tr '\n' ';' < "$PEER_OUT")"
	ksft_diag "AsctpInUnknownChunks +$UNK_COUNT, AsctpInBadVtags +$UNK_VTAG"
	rm -f "$PEER_OUT"
}
unknown_run
unk() { grep -qx "unknown $1" <<< "$UNK_OUT"; }
ksft_check "3.2: type 0x3f (00): packet dropped, no HEARTBEAT ACK, no ERROR" \
	unk "0x3f hb-ack 0 error 0"
ksft_check "3.2: type 0x7f (01): packet dropped, ERROR cause 6, no HEARTBEAT ACK" \
	unk "0x7f hb-ack 0 error 1"
ksft_check "3.2: type 0xbf (10): skipped, HEARTBEAT ACK, no ERROR" \
	unk "0xbf hb-ack 1 error 0"
ksft_check "3.2: type 0xff (11): skipped, HEARTBEAT ACK and ERROR cause 6" \
	unk "0xff hb-ack 1 error 1"
ksft_check "3.2, 8.5: type 0xff with a wrong tag: no report, no answer" \
	unk "0xff badtag hb-ack 0 error 0"
ksft_check "3.2: AsctpInUnknownChunks +2 (0x3f, 0x7f), AsctpInBadVtags +1" \
	test "${UNK_COUNT:-}/${UNK_VTAG:-}" = 2/1

# peer_client ARGS...: tools/peer.py ARGS against a client in a fresh
# pair of namespaces that connects, prints its first message (or the
# error) and closes; the client's output in CLIENT_OUT, the peer's in
# PEER_LINES, the changes of COUNTERS (names) in the client's namespace
# in MOVED ("Name=delta ...").
peer_client() {
	local a b before rc=0
	ns_new a && ns_new b && ns_peer "$a" 10.99.5.1 "$b" 10.99.5.2 &&
	peer_run "$b" "$@" --timeout 10 || return 1
	snmp before "$a"
	CLIENT_OUT=$(ip netns exec "$a" timeout 20 python3 -S -c "
import errno, socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, $P)
s.connect(('10.99.5.2', 4000))
try:
    print(s.recv(10))
except OSError as e:
    print(errno.errorcode[e.errno])
s.close()") || rc=1
	wait "$PEER_PID" || rc=1
	PEER_LINES=$(cat "$PEER_OUT")
	rm -f "$PEER_OUT"
	MOVED=$(awk -v want="$COUNTERS" '
		BEGIN { n = split(want, w, " "); for (i = 1; i <= n; i++) k[w[i]] = 1 }
		NR == FNR { was[$1] = $2; next }
		$1 in k { printf "%s%s=%d", sep, $1, $2 - was[$1]; sep = " " }' \
		<(echo "$before") <(snmp after "$a"; echo "$after"))
	ksft_diag "peer: $(tr '\n' ';' <<< "$PEER_LINES")"
	ksft_diag "client: $CLIENT_OUT; $MOVED"
	return $rc
}

# RFC 9260 6.5, 3.3.10.1: DATA TSN 1000 on stream 5 of an association
# with 5 inbound streams (tools/peer.py --bad-stream) is acknowledged
# (the SACK's cumulative TSN 1000), reported in an ERROR, Invalid Stream
# Identifier (cause 1, length 8, stream 5, reserved 0), not delivered:
# the client's first message is TSN 1001 "ok", on stream 4.
bad_stream() {
	COUNTERS="AsctpInDataChunks AsctpAborteds"
	peer_client --bad-stream &&
	grep -qx "bad-stream 5 error 0001000800050000 sack cum 1000 gaps 0 dups 0" \
		<<< "$PEER_LINES" &&
	[ "$CLIENT_OUT" = "b'ok'" ] &&
	[ "$MOVED" = "AsctpInDataChunks=1 AsctpAborteds=0" ]
}
ksft_check "6.5: DATA on stream 5 of 5: SACKed, ERROR cause 1 (stream 5), not delivered" \
	bad_stream

# RFC 9260 6.2, 3.3.10.9: DATA TSN 1000 with no user data (length 16,
# tools/peer.py --empty-data) gets an ABORT (peer's tag, no T bit) with
# No User Data (cause 9, length 8) and the TSN; the client's recv()
# fails with ECONNABORTED.
empty_data() {
	COUNTERS="AsctpInDataChunks AsctpAborteds"
	peer_client --empty-data &&
	grep -qx "empty-data abort vtag 0x5eed1234 T 0 causes 00090008000003e8" \
		<<< "$PEER_LINES" &&
	[ "$CLIENT_OUT" = ECONNABORTED ] &&
	[ "$MOVED" = "AsctpInDataChunks=0 AsctpAborteds=1" ]
}
ksft_check "6.2: DATA with no user data: ABORT, cause 9 with the TSN" empty_data

# RFC 9260 3.3.3, 3.3.10.2: an INIT ACK without its State Cookie
# (tools/peer.py --no-cookie): the client answers under the INIT ACK's
# tag with an ABORT, Missing Mandatory Parameter (cause 2, length 10):
# one missing, type 7; connect() fails with ECONNREFUSED.
no_cookie() {
	local a b out rc=0
	ns_new a && ns_new b && ns_peer "$a" 10.99.5.1 "$b" 10.99.5.2 &&
	peer_run "$b" --no-cookie --timeout 10 || return 1
	out=$(ip netns exec "$a" timeout 20 python3 -S -c "
import errno, socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, $P)
try:
    s.connect(('10.99.5.2', 4000))
    print('connected')
except OSError as e:
    print(errno.errorcode[e.errno])")
	wait "$PEER_PID" || rc=1
	ksft_diag "peer: $(tr '\n' ';' < "$PEER_OUT"); connect: $out"
	grep -qx "abort vtag 0x5eed1234 T 0 causes 0002000a000000010007" \
		"$PEER_OUT" && [ "$out" = ECONNREFUSED ] || rc=1
	rm -f "$PEER_OUT"
	return $rc
}
ksft_check "3.3.10.2: INIT ACK without a State Cookie: ABORT, cause 2 naming it" \
	no_cookie

ksft_finish
