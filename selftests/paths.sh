#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Paths and heartbeats (RFC 9260 8, RFC 6458 8.1.12) with tools/paths:
# SCTP_PEER_ADDR_PARAMS, then a path that fails, comes back and fails
# for good, with the SCTP_PEER_ADDR_CHANGE and SCTP_ASSOC_CHANGE
# notifications the user sees and how long each took.

. "$(dirname "$0")/lib.sh"

ksft_plan 7
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
	wait_for 30 grep -q listening "$srv" &&
	ip netns exec "$a" timeout 60 "$PATHS" pathfail 10.99.7.2 5000 \
		"tc qdisc change dev veth0 root $delay loss 100%" \
		"tc qdisc change dev veth0 root $delay" || rc=1
	kill "$pid"
	wait "$pid" 2> /dev/null
	rm -f "$srv"
	return $rc
}
ksft_check "heartbeats; path unreachable, available again, then the association lost" pathfail

# RFC 9260 8.3: tools/peer.py --forge-hb-ack answers every HEARTBEAT
# with a changed nonce: each is counted in AsctpInBadHbAcks and
# ignored, so no RTT is measured and the path counts misses.
forged_hb_ack() {
	local a b out rc=0
	ns_new a && ns_new b && ns_peer "$a" 10.99.5.1 "$b" 10.99.5.2 &&
	peer_run "$b" --forge-hb-ack --timeout 15 || return 1
	out=$(ip netns exec "$a" timeout 20 python3 -S -c "
import socket, struct, time
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, $P)
# SCTP_PEER_ADDR_PARAMS, socket default: HB.interval 100 ms
spp = struct.pack('=i128sIHIIIIBx', 0, b'', 100, 0, 0, 0, 1, 0, 0)
s.setsockopt(132, 9, spp)
s.connect(('10.99.5.2', 4000))
time.sleep(4)
# SCTP_STATUS: the primary path's sctp_paddrinfo from offset 24
st = s.getsockopt(132, 14, 176)
print('srtt', struct.unpack_from('=iIIII', st, 24 + 132)[2])
s.close()")
	wait "$PEER_PID"
	ksft_diag "peer: $(grep -c forged "$PEER_OUT") forged acks; client: $out;" \
		"$(ip netns exec "$a" grep -E 'HbAcks|OutHeartbeats|HbExpireds' /proc/net/asctp/snmp | tr -s ' \n' ' ')"
	[ "$(mib AsctpInBadHbAcks "$a")" -eq "$(grep -c forged "$PEER_OUT")" ] &&
	[ "$(grep -c forged "$PEER_OUT")" -ge 2 ] &&
	[ "$out" = "srtt 0" ] || rc=1
	rm -f "$PEER_OUT"
	return $rc
}
ksft_check "forged HEARTBEAT ACKs: counted, ignored, no RTT from them" forged_hb_ack

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

# mh_paths ARGS...: tools/paths ARGS in A against its server in B,
# bound to $MH_SERVER_ADDRS (sctp_bindx) or else the wildcard.
mh_paths() {
	local srv pid rc=0
	srv=$(mktemp)
	ip netns exec "$MH_B" "$PATHS" server 5000 ${MH_SERVER_ADDRS:-} > "$srv" &
	pid=$!
	wait_for 30 grep -q listening "$srv" &&
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

# Both ends bound with sctp_bindx to their two addresses.
mh_bindx() {
	mh_net || return 1
	MH_SERVER_ADDRS="10.99.8.2 10.99.9.2" mh_paths bindx 10.99.8.2 5000 \
		10.99.9.2 10.99.8.1 10.99.9.1 "$(cut 1)"
}
ksft_check "sctp_bindx: errnos; both ends bound to two addresses, failover to the second" mh_bindx

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

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# tx_bytes BYTES of A's veth N
tx_bytes() { ip netns exec "$MH_A" cat /sys/class/net/veth$1/statistics/tx_bytes; }

# failover_ms T0 T3 BASE: after the cut at T0, poll A's counters (T3
# and BASE: their values before it) for when the first T3-rtx expiry
# came (the path switch) and when link 2 had carried 64 KiB more.  A
# poll takes a few hundred ms under TCG: that is the resolution.
failover_ms() {
	local t0=$1 t3=$2 base=$3 t_t3=none now
	while now=$(now_ms) && [ "$now" -lt $((t0 + 15000)) ]; do
		[ "$t_t3" = none ] && [ "$(mib AsctpT3Expireds "$MH_A")" -gt "$t3" ] &&
			t_t3=$((now - t0))
		if [ "$(tx_bytes 2)" -gt $((base + 65536)) ]; then
			echo "first T3-rtx expiry $t_t3 ms, 64 KiB on link 2 $((now - t0)) ms"
			return 0
		fi
		nap 0.05
	done
	echo "first T3-rtx expiry $t_t3 ms, link 2 unused"
	return 1
}

# Mid-transfer, link 1 (the primary path, which carried the data so
# far) is cut: the transfer completes over link 2, every byte checked
# by mxfer.  RFC 7829 with PotentiallyFailed.Max.Retrans 0 (Linux's
# default too) predicts the switch at the first T3-rtx expiry, at most
# one RTO (fixed at 1 s here) after the cut; then slow start on link 2,
# as fast as the receiver reads.
mh_failover() {
	local srv cli pid cpid t_cut v0 v2 t3 b2 fo rc=0
	mh_net || return 1
	srv=$(mktemp) cli=$(mktemp)
	ip netns exec "$MH_B" timeout 300 "$MXFER" server "$P" 0.0.0.0 4000 \
		"$SEED" --bytes "$BYTES" --max-msg 64K > "$srv" 2>&1 &
	pid=$!
	wait_for 30 grep -q listening "$srv" || { ksft_diag "no server"; rc=1; }
	ip netns exec "$MH_A" timeout 300 "$MXFER" client "$P" 10.99.8.2 4000 \
		"$SEED" --bytes "$BYTES" --max-msg 64K --rto 1000 > "$cli" 2>&1 &
	cpid=$!
	# heartbeats confirm link 2 within 1.5 RTO (1 s): wait 3 s
	v0=$(tx_bytes 0) v2=$(tx_bytes 2)
	sleep 3
	t3=$(mib AsctpT3Expireds "$MH_A") b2=$(tx_bytes 2)
	v0=$(($(tx_bytes 0) - v0)) v2=$((b2 - v2))
	# a spurious T3-rtx or heartbeat loss before the cut moves data
	# to link 2 early: say so if it happened
	ksft_diag "before the cut: T3-rtx expiries $t3, heartbeat expiries" \
		"$(mib AsctpHbExpireds "$MH_A"), path failures $(mib AsctpPathFailures "$MH_A")," \
		"retransmissions $(mib AsctpOutRetrans "$MH_A")"
	ip netns exec "$MH_A" sh -c "$(cut 1)" || rc=1
	t_cut=$(now_ms)
	fo=$(failover_ms "$t_cut" "$t3" "$b2") || rc=1
	wait "$cpid" || { ksft_diag "client exit $?"; rc=1; }
	wait "$pid" || { ksft_diag "server exit $?"; rc=1; }
	ksft_diag "mxfer seed $SEED, $BYTES, messages up to 64 KiB; link 1 cut 3 s in"
	ksft_diag "before the cut: link 1 carried $v0 bytes, link 2 $v2"
	ksft_diag "failover after the cut: $fo; predicted: the first T3-rtx" \
		"expiry at most 1000 ms (the RTO) after the cut"
	ksft_diag "client: $(tr '\n' ' ' < "$cli")"
	ksft_diag "server: $(grep -v listening "$srv" | tr '\n' ' ')"
	grep -q " ok$" "$srv" || { ksft_diag "server: not ok"; rc=1; }
	# the data went on link 1 until the cut, unless a T3-rtx expiry
	# moved it early (RTO fixed at 1 s: a stalled VM can do that)
	[ "$v0" -gt 1000000 ] || { ksft_diag "link 1 carried too little"; rc=1; }
	if [ "$t3" -eq 0 ] && [ "$v2" -ge 65536 ]; then
		ksft_diag "link 2 carried data before the cut, no T3-rtx expiry"
		rc=1
	fi
	rm -f "$srv" "$cli"
	return $rc
}
ksft_check "multi-homed: $BYTES on 8 streams, link 1 cut mid-transfer, all of it arrives" mh_failover
ksft_finish
