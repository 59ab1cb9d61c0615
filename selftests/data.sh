#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Data transfer, first slice (RFC 9260 6): byte-exact transfers with
# tools/xfer.py, whose server counts messages (MSG_EOR), bytes, a
# SHA-256 and its reads, and compares with what the client sent.

. "$(dirname "$0")/lib.sh"

ksft_plan 4
P=$(asctp_ipproto)
XFER=$SELFTEST_DIR/tools/xfer.py

# xfer NS_SERVER ADDR NS_CLIENT N SIZE [DELAY]: one transfer; prints the
# server's line; fails unless it is what N messages of SIZE give.
xfer() {
	local sns=$1 addr=$2 cns=$3 n=$4 size=$5 srv out want rc=0
	srv=$(mktemp)
	ip netns exec "$sns" python3 "$XFER" server "$P" "$addr" 4000 \
		"${6:-0}" > "$srv" &
	wait_for 10 grep -q listening "$srv" || rc=1
	[ $rc -eq 0 ] && ip netns exec "$cns" timeout 120 python3 "$XFER" \
		client "$P" "$addr" 4000 "$n" "$size" || rc=1
	wait_for 120 grep -qE "^[0-9]+ " "$srv" || rc=1
	out=$(tail -n 1 "$srv") want=$(python3 "$XFER" expect "$n" "$size")
	rm -f "$srv"
	ksft_diag "received: $out"
	[ "$out" = "$want" ] || { ksft_diag "expected: $want"; rc=1; }
	return $rc
}

# RFC 9260 6.9: messages larger than the path MTU go as fragments and
# are read whole, one recvmsg each, with MSG_EOR.
fragments() {
	local a b
	ns_new a && ns_new b && ns_veth "$a" 10.99.3.1 "$b" 10.99.3.2 || return 1
	xfer "$b" 10.99.3.2 "$a" 30 4000
}
ksft_check "fragments: 30 messages of 4000 bytes over MTU 1500, read whole" fragments

# RFC 9260 6.3.3: DATA lost on the way is sent again after T3-rtx and
# arrives whole and in order, across a veth pair with netem loss on the
# sender (random: the rate is printed, the check does not depend on it).
t3_resend() {
	local a b r0 rc=0
	ns_new a && ns_new b && ns_veth "$a" 10.99.2.1 "$b" 10.99.2.2 &&
	ip netns exec "$a" tc qdisc add dev veth0 root netem loss 25% || return 1
	ksft_diag "netem on the sender: loss 25%"
	r0=$(mib AsctpOutRetrans "$a")
	xfer "$b" 10.99.2.2 "$a" 20 1000 || rc=1
	ksft_diag "retransmitted chunks: $(($(mib AsctpOutRetrans "$a") - r0))"
	[ $rc -eq 0 ] && [ "$(mib AsctpOutRetrans "$a")" -gt "$r0" ]
}
ksft_check "T3-rtx: 20 messages across 25% loss arrive byte-exact" t3_resend

# RFC 9260 6.1: a reader that does not read closes the window; the sender
# blocks, nothing is lost or aborted, and all arrives once it reads.
slow_reader() {
	local ns rc=0
	ns_new ns || return 1
	xfer "$ns" 127.0.0.1 "$ns" 2000 1000 2 || rc=1
	ksft_diag "T3 expiries: $(mib AsctpT3Expireds "$ns"), rcvbuf drops: $(mib AsctpInRcvbufFull "$ns")"
	[ $rc -eq 0 ] && [ "$(mib AsctpAborteds "$ns")" -eq 0 ]
}
ksft_check "closed window: 2 MB to a reader that waits 2 s, byte-exact" slow_reader

# A message larger than half the receive buffer cannot wait whole: it
# is read in pieces, only the last with MSG_EOR (partial delivery).
big() {
	local ns out want
	ns_new ns || return 1
	out=$(xfer "$ns" 127.0.0.1 "$ns" 2 300000 | sed -n 's/^# received: //p')
	want=$(python3 "$XFER" expect 2 300000)
	ksft_diag "received: $out (last field: reads)"
	[ -n "$out" ] && [ "${out% *}" = "${want% *}" ] && [ "${out##* }" -gt 2 ]
}
ksft_check "partial delivery: 2 messages of 300000 bytes arrive byte-exact" big

ksft_finish
