#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The programs later tests rely on start inside the VM and do real work:
# ip, tc with netem, ss, iperf3, tshark (decoding an SCTP packet),
# python3, and lksctp-tools' checksctp finding SCTP sockets (asctp's).

. "$(dirname "$0")/lib.sh"

ksft_plan 6
P=$(asctp_ipproto)

netem() {
	local a b
	ns_new a && ns_new b && ns_veth "$a" 10.98.0.1 "$b" 10.98.0.2 &&
	ip netns exec "$a" tc qdisc add dev veth0 root netem delay 5ms loss 1% &&
	ip netns exec "$a" tc qdisc show dev veth0 | tee /dev/stderr | grep -q netem
}
ksft_check "ip and tc: veth pair between namespaces, netem qdisc" netem

iperf() {
	local ns out
	ns_new ns || return 1
	ip netns exec "$ns" iperf3 -s -1 -B 127.0.0.1 -p 5201 > /tmp/iperf3-s.$$ 2>&1 &
	wait_for 20 ip netns exec "$ns" ss -Htln 'sport = :5201' | grep -q 5201 || return 1
	out=$(ip netns exec "$ns" iperf3 -c 127.0.0.1 -p 5201 -t 1 2>&1)
	wait
	ksft_diag "$(echo "$out" | grep receiver)"
	echo "$out" | grep -q receiver
}
ksft_check "ss and iperf3: a TCP transfer on loopback" iperf

capture() {
	local ns out
	ns_new ns || return 1
	ip netns exec "$ns" tshark -n -i lo -c 1 -f "ip proto $P" \
		-o "ip.try_heuristic_first:FALSE" > /tmp/tshark.$$ 2>&1 &
	wait_for 150 grep -q "Capturing on" /tmp/tshark.$$ || return 1
	ip netns exec "$ns" python3 -S "$SELFTEST_DIR/tools/pkt.py" --proto "$P" 127.0.0.1
	wait
	out=$(cat /tmp/tshark.$$)
	ksft_diag "tshark: $(echo "$out" | grep -m1 -E "SCTP|$P")"
	[ "$P" != 132 ] || echo "$out" | grep -q "SCTP.*INIT"
}
ksft_check "tshark captures and decodes an SCTP packet" capture

ksft_check "python3 -S runs" python3 -S -c 'import socket, struct, errno'

ksft_check "lksctp-tools: checksctp finds SCTP sockets" checksctp

ksft_check "dmesg and ss read the running kernel" \
	bash -c 'dmesg > /dev/null && ss -s | grep -q "^TCP:"'

ksft_finish
