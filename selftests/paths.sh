#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Paths and heartbeats (RFC 9260 8, RFC 6458 8.1.12) with tools/paths:
# SCTP_PEER_ADDR_PARAMS, then a path that fails, comes back and fails
# for good, with the SCTP_PEER_ADDR_CHANGE and SCTP_ASSOC_CHANGE
# notifications the user sees and how long each took.

. "$(dirname "$0")/lib.sh"

ksft_plan 5
PATHS=$SELFTEST_DIR/tools/paths
MXFER=$SELFTEST_DIR/tools/mxfer
P=$(asctp_ipproto)
SEED=${ASCTP_SEED:-$RANDOM}
BYTES=${ASCTP_MH_BYTES:-32M}

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

# Multi-homing: namespaces A (client) and B (server) joined by two veth
# pairs, link 1 10.99.8.0/24 (veth0, veth1) and link 2 10.99.9.0/24
# (veth2, veth3); the server listens on the wildcard address.
mh_net() {
	ns_new MH_A && ns_new MH_B &&
	ns_veth "$MH_A" 10.99.8.1 "$MH_B" 10.99.8.2 &&
	ns_veth "$MH_A" 10.99.9.1 "$MH_B" 10.99.9.2 veth2 veth3
}

# cut N / mend N: a shell command, run in A, that cuts link N both ways
# (netem loss 100% at both ends) or mends it.
cut() {
	local d=$((2 * $1 - 2))
	echo "tc qdisc add dev veth$d root netem loss 100% &&" \
	     "ip netns exec $MH_B tc qdisc add dev veth$((d + 1)) root netem loss 100%"
}
mend() {
	local d=$((2 * $1 - 2))
	echo "tc qdisc del dev veth$d root &&" \
	     "ip netns exec $MH_B tc qdisc del dev veth$((d + 1)) root"
}

# mh_paths ARGS...: tools/paths ARGS in A against its server in B.
mh_paths() {
	local srv pid rc=0
	srv=$(mktemp)
	ip netns exec "$MH_B" "$PATHS" server 5000 > "$srv" &
	pid=$!
	wait_for 10 grep -q listening "$srv" &&
	ip netns exec "$MH_A" timeout 60 "$PATHS" "$@" || rc=1
	kill "$pid"
	wait "$pid" 2> /dev/null
	rm -f "$srv"
	return $rc
}

mh_notify() {
	mh_net || return 1
	mh_paths mh 10.99.8.2 5000 10.99.9.2 "$(cut 1)" "$(mend 1)" "$(cut 2)"
}
ksft_check "multi-homed: second address confirmed; first cut, back; both cut: COMM_LOST" mh_notify

# Link 2 drops what B sends, so A's heartbeats there go unanswered; A
# knows B's link-layer address there without asking.
mh_unconfirmed() {
	local mac
	mh_net &&
	mac=$(ip netns exec "$MH_B" cat /sys/class/net/veth3/address) &&
	ip -n "$MH_A" neigh replace 10.99.9.2 lladdr "$mac" dev veth2 \
		nud permanent &&
	ip netns exec "$MH_B" tc qdisc add dev veth3 root netem loss 100% ||
		return 1
	mh_paths unconfirmed 10.99.8.2 5000 10.99.9.2 veth2 "$(cut 1)"
}
ksft_check "multi-homed: no DATA to an address its heartbeat has not confirmed" mh_unconfirmed

# CLOCK_MONOTONIC in ms, the clock of mxfer's log.
now_ms() { python3 -c 'import time; print(int(time.monotonic() * 1000))'; }

# Mid-transfer, link 1 (the primary path) is cut: the transfer
# completes over link 2, every byte checked by mxfer.  The longest
# stall in the receiver's log (messages of up to 64 KiB) is the
# failover time; RFC 7829 with PotentiallyFailed.Max.Retrans 0 (Linux's
# default too) predicts one RTO: the first T3-rtx expiry moves the
# data to the other path, where slow start begins.
mh_failover() {
	local srv cli lat pid cpid t_cut rc=0
	mh_net || return 1
	srv=$(mktemp) cli=$(mktemp) lat=$(mktemp)
	ip netns exec "$MH_B" timeout 300 "$MXFER" server "$P" 0.0.0.0 4000 \
		"$SEED" --bytes "$BYTES" --max-msg 64K --log-latency "$lat" \
		> "$srv" 2>&1 &
	pid=$!
	wait_for 10 grep -q listening "$srv" || rc=1
	ip netns exec "$MH_A" timeout 300 "$MXFER" client "$P" 10.99.8.2 4000 \
		"$SEED" --bytes "$BYTES" --max-msg 64K > "$cli" 2>&1 &
	cpid=$!
	# heartbeats confirm link 2 within 1.5 RTO (1 s): wait 3 s
	sleep 3
	ip netns exec "$MH_A" sh -c "$(cut 1)" || rc=1
	t_cut=$(now_ms)
	wait "$cpid" || rc=1
	wait "$pid" || rc=1
	ksft_diag "mxfer seed $SEED, $BYTES, messages up to 64 KiB; link 1 cut 3 s in"
	ksft_diag "client: $(tr '\n' ' ' < "$cli")"
	ksft_diag "server: $(grep -v listening "$srv" | tr '\n' ' ')"
	grep -q " ok$" "$srv" || rc=1
	awk -v cut="$t_cut" '{ t = $1 / 1e6
		if (n++ && t > cut - 500 && t - last > gap) { gap = t - last; at = last }
		last = t }
		END { printf "# failover: longest stall %d ms, from %+d ms after " \
			"the cut; predicted: one RTO (RTO.Min 1000 ms) to the " \
			"first T3-rtx expiry, then slow start on link 2\n", \
			gap, at - cut; exit !(n && at >= cut - 500) }' "$lat" || rc=1
	rm -f "$srv" "$cli" "$lat"
	return $rc
}
ksft_check "multi-homed: $BYTES on 8 streams, link 1 cut mid-transfer, all of it arrives" mh_failover
ksft_finish
