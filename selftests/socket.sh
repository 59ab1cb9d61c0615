#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Sockets of both types, each case in a fresh network namespace.

. "$(dirname "$0")/lib.sh"

ksft_plan 7
P=$(asctp_ipproto)

for type in seqpacket stream; do
	ns_new ns
	ksft_check "SOCK_${type^^} created, SOL_SCTP options answered, closed" \
		ip netns exec "$ns" python3 -S "$SELFTEST_DIR/tools/sock.py" create $type "$P"
done

# The handshake takes 4 x 100 ms on lo; SIGALRM comes every 50 ms.
restarted() {
	ip netns exec "$ns" tc qdisc add dev lo root netem delay 100ms || return 1
	ksft_diag "lo: netem delay 100ms"
	ip netns exec "$ns" python3 -S "$SELFTEST_DIR/tools/sock.py" restart "$1" "$P"
}
for type in stream seqpacket; do
	ns_new ns
	ksft_check "SOCK_${type^^}: a blocking connect() restarted by signals (SA_RESTART) waits on and succeeds" \
		restarted $type
done

# A connect() a signal cut (EINTR), called again once the association
# is up: it succeeds, as TCP's (it said EISCONN; make check saw that in
# restarted above, when the association came up between the signal and
# the restart).
again() {
	ip netns exec "$ns" tc qdisc add dev lo root netem delay 100ms || return 1
	ksft_diag "lo: netem delay 100ms"
	ip netns exec "$ns" python3 -S "$SELFTEST_DIR/tools/sock.py" again stream "$P"
}
ns_new ns
ksft_check "SOCK_STREAM: connect() cut by a signal, called again once up, succeeds" again

held() {
	local fifo=/tmp/held.$$ pid rc=0 n
	mkfifo $fifo
	ip netns exec "$ns" python3 -S "$SELFTEST_DIR/tools/sock.py" hold stream "$P" $fifo > $fifo.out &
	pid=$!
	wait_for 20 grep -q ready $fifo.out || rc=1
	n=$(asctp_objects)
	[ "$n" = 1 ] || { ksft_diag "live objects while one socket is open: $n"; rc=1; }
	echo close > $fifo
	wait $pid || rc=1
	n=$(asctp_objects)
	[ "$n" = 0 ] || { ksft_diag "live objects after close: $n"; rc=1; }
	rm -f $fifo $fifo.out
	return $rc
}
ns_new ns
if [ -r /sys/kernel/debug/asctp/objects ]; then
	ksft_check "an open socket is counted, and uncounted on close" held
else
	ksft_skip "an open socket is counted (no debugfs in this kernel)"
fi

fresh_mib() {
	[ -r "/proc/net/asctp/snmp" ] || return 1
	ip netns exec "$ns" awk '$2 != 0 { bad = 1 } END { exit bad || NR < 6 }' /proc/net/asctp/snmp
}
ns_new ns
ksft_check "a new namespace has its own /proc/net/asctp/snmp at zero" fresh_mib

ksft_finish
