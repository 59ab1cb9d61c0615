#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# RFC 9260 5.2: an association meets an INIT or COOKIE ECHO it did not
# expect.  Two namespaces over a veth pair, asctp at both ends (or
# $ASCTP_STACK, as assoc.sh), tools/interop.py on each side (it checks
# every byte and every notification):
#  - peer restart (5.2.2, 5.2.4 A): the client dies with its ABORT
#    dropped (netem loss 100% on its side), a new one connects from the
#    same address and port; the server's association restarts (one
#    SCTP_RESTART, AsctpRestarts 1) and carries the new client's data;
#  - INIT collision (5.2.1, 5.2.4 B, D), one-to-one and one-to-many:
#    both sides connect to each other at once, their INITs crossing
#    (netem delay 300 ms each way); one association, both messages.

. "$(dirname "$0")/lib.sh"
set -u

[ $# -gt 0 ] && export ASCTP_STACK=$1
IOP=$SELFTEST_DIR/tools/interop.py
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

ksft_plan 3

pair() {	# pair VAR_A VAR_B: namespaces 10.99.8.1 and 10.99.8.2
	ns_new "$1" && ns_new "$2" &&
	ns_veth "${!1}" 10.99.8.1 "${!2}" 10.99.8.2
}

counter() {	# counter NAME NETNS: an asctp counter, 0 for sctp.ko
	if [ "$(stack)" = asctp ]; then mib "Asctp$1" "$2"; else echo 0; fi
}

restart() {
	local s c srv c1 rc=0 before
	pair s c || return 1
	before=$(counter Restarts "$s")
	ip netns exec "$s" python3 -S "$IOP" restart server "$(stack_ipproto)" 10.99.8.1 5000 \
		> "$TMP/srv" 2>&1 &
	srv=$!
	wait_for 20 grep -q listening "$TMP/srv" || rc=1
	ip netns exec "$c" python3 -S "$IOP" restart client1 "$(stack_ipproto)" 10.99.8.1 5000 \
		10.99.8.2 6000 > "$TMP/c1" 2>&1 &
	c1=$!
	wait_for 20 grep -q "got 1" "$TMP/srv" || rc=1
	ip -n "$c" link set veth1 down	# its ABORT goes nowhere
	kill -9 $c1
	wait $c1 2> /dev/null
	ip -n "$c" link set veth1 up
	ip netns exec "$c" timeout 30 python3 -S "$IOP" restart client2 "$(stack_ipproto)" \
		10.99.8.1 5000 10.99.8.2 6000 > "$TMP/c2" 2>&1 || rc=1
	wait $srv || rc=1
	ksft_diag "server: $(tr '\n' ' ' < "$TMP/srv")"
	ksft_diag "client 2: $(tr '\n' ' ' < "$TMP/c2")"
	if [ "$(stack)" = asctp ] &&
	   [ $(($(counter Restarts "$s") - before)) -ne 1 ]; then
		ksft_diag "AsctpRestarts moved by $(($(counter Restarts "$s") - before)), want 1"
		rc=1
	fi
	return $rc
}

collide() {
	local type=$1 x y px py rx=0 ry=0 go=$TMP/go.$1
	pair x y || return 1
	ip netns exec "$x" tc qdisc add dev veth0 root netem delay 300ms &&
	ip netns exec "$y" tc qdisc add dev veth1 root netem delay 300ms ||
		return 1
	ip netns exec "$x" timeout 60 python3 -S "$IOP" collide "$type" "$(stack_ipproto)" \
		10.99.8.1 10.99.8.2 5001 "$go" > "$TMP/x" 2>&1 &
	px=$!
	ip netns exec "$y" timeout 60 python3 -S "$IOP" collide "$type" "$(stack_ipproto)" \
		10.99.8.2 10.99.8.1 5001 "$go" > "$TMP/y" 2>&1 &
	py=$!
	wait_for 20 grep -q ready "$TMP/x" && wait_for 20 grep -q ready "$TMP/y"
	: > "$go"
	wait $px || rx=1
	wait $py || ry=1
	ksft_diag "netem delay 300ms each way; 10.99.8.1 (exit $rx): $(tr '\n' ' ' < "$TMP/x")"
	ksft_diag "10.99.8.2 (exit $ry): $(tr '\n' ' ' < "$TMP/y")"
	# 5.2.4 B or D, not a restart (A)
	if [ "$(counter Restarts "$x")" != 0 ] || [ "$(counter Restarts "$y")" != 0 ]; then
		ksft_diag "a restart was counted"
		rx=1
	fi
	[ $rx -eq 0 ] && [ $ry -eq 0 ]
}

ksft_check "peer restart from the same address and port: SCTP_RESTART, new data (5.2.4 A)" restart
ksft_check "INIT collision, one-to-one: one association, both messages (5.2.1, 5.2.4)" collide stream
ksft_check "INIT collision, one-to-many: one association, both messages (5.2.1, 5.2.4)" collide seqpacket
ksft_finish
