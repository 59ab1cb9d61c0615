#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Receive checks of the common header (RFC 9260 3.1, 6.8): each packet is
# crafted by tools/pkt.py, whose CRC32c is independent of the module's,
# and each case checks the exact counter movements in a fresh namespace.

. "$(dirname "$0")/lib.sh"

ksft_plan 6
P=$(asctp_ipproto)
INJECT="python3 $SELFTEST_DIR/tools/pkt.py --proto $P"

# expect NS 'Counter=delta ...' -- packet args: send, then compare every
# counter in the namespace with its expected change (0 when unnamed).
expect() {
	local ns=$1 want=$2 before after name rc=0
	shift 3
	before=$(ip netns exec "$ns" cat /proc/net/asctp/snmp)
	ip netns exec "$ns" $INJECT "$@" || return 1
	after=$(ip netns exec "$ns" cat /proc/net/asctp/snmp)
	while read -r name n; do
		local was d=0
		was=$(echo "$before" | awk -v n="$name" '$1 == n { print $2 }')
		for w in $want; do
			[ "${w%=*}" = "$name" ] && d=${w#*=}
		done
		if [ $((n - was)) -ne "$d" ]; then
			ksft_diag "$name moved by $((n - was)), expected $d"
			rc=1
		fi
	done <<< "$after"
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

ksft_finish
