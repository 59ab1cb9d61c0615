#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Paths and heartbeats (RFC 9260 8, RFC 6458 8.1.12) with tools/paths:
# SCTP_PEER_ADDR_PARAMS, then a path that fails, comes back and fails
# for good, with the SCTP_PEER_ADDR_CHANGE and SCTP_ASSOC_CHANGE
# notifications the user sees and how long each took.

. "$(dirname "$0")/lib.sh"

ksft_plan 2
PATHS=$SELFTEST_DIR/tools/paths

spp() {
	local ns
	ns_new ns || return 1
	ip netns exec "$ns" "$PATHS" spp
}
ksft_check "SCTP_PEER_ADDR_PARAMS: errnos, defaults, fixed path MTU, SPP_HB_DEMAND" spp

# The client's heartbeats every 300 ms measure the 20 ms RTT netem
# adds; netem's 100% loss on the client's side cuts the link.
pathfail() {
	local a b srv pid rc=0 delay="netem delay 10ms"
	ns_new a && ns_new b && ns_veth "$a" 10.99.7.1 "$b" 10.99.7.2 &&
	ip netns exec "$a" tc qdisc add dev veth0 root $delay &&
	ip netns exec "$b" tc qdisc add dev veth1 root $delay || return 1
	ksft_diag "netem: delay 10ms each way; link cut by loss 100% from 10.99.7.1"
	srv=$(mktemp)
	ip netns exec "$b" "$PATHS" server 5000 > "$srv" &
	pid=$!
	wait_for 10 grep -q listening "$srv" &&
	ip netns exec "$a" timeout 60 "$PATHS" pathfail 10.99.7.2 5000 \
		"tc qdisc change dev veth0 root $delay loss 100%" \
		"tc qdisc change dev veth0 root $delay" || rc=1
	kill "$pid"
	wait "$pid" 2> /dev/null
	rm -f "$srv"
	return $rc
}
ksft_check "heartbeats; path unreachable, available again, then the association lost" pathfail
ksft_finish
