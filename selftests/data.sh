#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Data transfer, first slice (RFC 9260 6): byte-exact transfers with
# tools/xfer.py, whose server counts messages (MSG_EOR), bytes, a
# SHA-256 and its reads, and compares with what the client sent.

. "$(dirname "$0")/lib.sh"

ksft_plan 11
P=$(asctp_ipproto)
XFER=$SELFTEST_DIR/tools/xfer.py

# xfer NS_SERVER ADDR NS_CLIENT N SIZE [DELAY]: one transfer; prints the
# server's line; fails unless it is what N messages of SIZE give.
xfer() {
	local sns=$1 addr=$2 cns=$3 n=$4 size=$5 srv out want rc=0
	srv=$(mktemp)
	ip netns exec "$sns" python3 -S "$XFER" server "$P" "$addr" 4000 \
		"${6:-0}" > "$srv" &
	wait_for 30 grep -q listening "$srv" || rc=1
	[ $rc -eq 0 ] && ip netns exec "$cns" timeout 120 python3 -S "$XFER" \
		client "$P" "$addr" 4000 "$n" "$size" || rc=1
	wait_for 120 grep -qE "^[0-9]+ " "$srv" || rc=1
	out=$(tail -n 1 "$srv") want=$(python3 -S "$XFER" expect "$n" "$size")
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

# Request and response in messages of up to 2000 bytes over MTU 1500
# (tools/echo.py): a message whose first chunk fills a packet must not
# wait behind the SACK that is due.  It did, until a later event: with
# nothing in flight no SACK came back (the SACK now goes alone first).
echo_two_chunks() {
	local a b srv log out rc=0
	ns_new a && ns_new b && ns_veth "$a" 10.99.3.1 "$b" 10.99.3.2 || return 1
	log=$(mktemp)
	ip netns exec "$b" python3 -S "$SELFTEST_DIR/tools/echo.py" server "$P" 10.99.3.2 4000 \
		> "$log" 2>&1 &
	srv=$!
	wait_for 30 grep -q listening "$log" || rc=1
	out=$(ip netns exec "$a" timeout 120 python3 -S "$SELFTEST_DIR/tools/echo.py" client "$P" \
		10.99.3.2 4000 50 7) || rc=1
	kill $srv
	wait $srv 2> /dev/null
	rm -f "$log"
	ksft_diag "$(echo "$out" | tr '\n' ' ')"
	return $rc
}
ksft_check "request and response: 50 messages of up to 2000 bytes echoed over MTU 1500" \
	echo_two_chunks

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

# A message larger than half the receive buffer (1 MiB by default)
# cannot wait whole: it is read in pieces, only the last with MSG_EOR
# (partial delivery).
big() {
	local ns out want
	ns_new ns || return 1
	out=$(xfer "$ns" 127.0.0.1 "$ns" 2 800000 | sed -n 's/^# received: //p')
	want=$(python3 -S "$XFER" expect 2 800000)
	ksft_diag "received: $out (last field: reads)"
	[ -n "$out" ] && [ "${out% *}" = "${want% *}" ] && [ "${out##* }" -gt 2 ]
}
ksft_check "partial delivery: 2 messages of 800000 bytes arrive byte-exact" big

# RFC 9260 6.9: the largest messages the issue asks for, 4 MiB, across
# a veth pair: about 2900 fragments each, in partial delivery.
huge() {
	local a b out want
	ns_new a && ns_new b && ns_veth "$a" 10.99.4.1 "$b" 10.99.4.2 || return 1
	out=$(xfer "$b" 10.99.4.2 "$a" 2 4194304 | sed -n 's/^# received: //p')
	want=$(python3 -S "$XFER" expect 2 4194304)
	ksft_diag "received: $out (last field: reads)"
	[ -n "$out" ] && [ "${out% *}" = "${want% *}" ]
}
ksft_check "4 MiB messages: 2 across veth arrive byte-exact" huge

# RFC 9260 6.6, 6.7: a lost message delays only its own stream.  A
# scripted peer (tools/peer.py --hol) withholds TSN 1000 (stream 0, SSN
# 0, "A") and sends 1001 (stream 0 SSN 1 "B"), 1002 (stream 1 "C") and
# 1003 (stream 0 unordered "D"); "A" follows a second later.  "C" and
# "D" must be read before "A" was even sent, "A" and "B" in order after
# it; the SACKs must report the gap, then close it.
head_of_line() {
	local a b out peer sent_a rc=0
	ns_new a && ns_new b && ns_peer "$a" 10.99.5.1 "$b" 10.99.5.2 || return 1
	peer_run "$b" --hol || return 1
	peer=$PEER_OUT
	out=$(ip netns exec "$a" timeout 20 python3 -S -c "
import socket, struct, time
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, $P)
s.setsockopt(132, 11, bytes([1]))	# SCTP_EVENTS: data_io_event
s.connect(('10.99.5.2', 4000))
for i in range(4):
    data, anc, flags, _ = s.recvmsg(100, 256)
    stream = struct.unpack('H', anc[0][2][:2])[0]	# sinfo_stream
    print('%.3f %d %s' % (time.monotonic(), stream, data.decode()))
s.close()")
	wait "$PEER_PID" || rc=1
	ksft_diag "read (time stream data): $(echo "$out" | tr '\n' ';')"
	ksft_diag "peer: $(grep -E "sent|sack" "$peer" | tr '\n' ';')"
	sent_a=$(awk '$2 == "sent" && $3 == "A" { print $1 }' "$peer")
	ksft_diag "stream 1 read $(echo "$out" | awk -v a="$sent_a" '$3 == "C" { c = $1 } $3 == "A" { printf "%.3f s before A was sent; stream 0 waited %.3f s", a - c, $1 - c }')"
	echo "$out" | awk -v a="$sent_a" '
		NR <= 2 && ($3 != "C" && $3 != "D" || $1 >= a) { bad = 1 }
		NR == 3 && $3 != "A" || NR == 4 && $3 != "B" { bad = 1 }
		NR > 2 && $1 < a { bad = 1 }
		END { exit bad || NR != 4 || a == "" }' || rc=1
	grep -qx "sack cum 999 gaps 2-4 dups -" "$peer" &&
	grep -qx "sack cum 1003 gaps - dups -" "$peer" || rc=1
	rm -f "$peer"
	return $rc
}
ksft_check "head of line: a loss on stream 0 does not delay stream 1 or unordered data" head_of_line

# RFC 9260 8.1, 6.3.3: a peer that vanishes.  T3-rtx resends the DATA
# until Association.Max.Retrans (SCTP_ASSOCINFO: 3) is exceeded; then
# the association is aborted and the reader gets ETIMEDOUT.  RTO.Min and
# RTO.Max come from SCTP_RTOINFO (100 ms, 200 ms).
max_retrans() {
	local a b out peer t0 rc=0
	ns_new a && ns_new b && ns_peer "$a" 10.99.5.1 "$b" 10.99.5.2 || return 1
	peer_run "$b" --vanish --timeout 10 || return 1
	peer=$PEER_OUT
	t0=$(mib AsctpT3Expireds "$a")
	out=$(ip netns exec "$a" timeout 20 python3 -S -c "
import errno, socket, struct, time
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, $P)
s.setsockopt(132, 0, struct.pack('iIII', 0, 100, 200, 100))	# SCTP_RTOINFO
s.setsockopt(132, 1, struct.pack('iHHIII', 0, 3, 0, 0, 0, 0))	# SCTP_ASSOCINFO
s.connect(('10.99.5.2', 4000))
s.send(b'x' * 1000)
t = time.monotonic()
try:
    s.recv(100)
    print('read')
except OSError as e:
    print(errno.errorcode[e.errno], round(time.monotonic() - t, 2))")
	wait "$PEER_PID"
	ksft_diag "reader: $out (s); T3 expiries $(($(mib AsctpT3Expireds "$a") - t0))"
	ksft_diag "peer: $(grep rx "$peer" | tr '\n' ';')"
	grep -q "rx DATA 4" "$peer" && ! grep -q "rx DATA 5" "$peer" &&
	grep -q "rx ABORT" "$peer" || rc=1
	rm -f "$peer"
	[ $rc -eq 0 ] && [ "${out% *}" = ETIMEDOUT ] &&
	[ "$(mib AsctpT3Expireds "$a")" -eq $((t0 + 4)) ]
}
ksft_check "Association.Max.Retrans: a vanished peer ends it with ETIMEDOUT" max_retrans

# A sender faster than its reader: a non-blocking send() gets EAGAIN
# once the peer's window and the send buffer are full, poll() says when
# to go on, and every byte arrives (nothing dropped on the way).
eagain() {
	local ns out
	ns_new ns || return 1
	out=$(ip netns exec "$ns" timeout 120 python3 -S -c "
import select, socket
l = socket.socket(socket.AF_INET, socket.SOCK_STREAM, $P)
l.bind(('127.0.0.1', 0)); l.listen(1)
c = socket.socket(socket.AF_INET, socket.SOCK_STREAM, $P)
c.connect(l.getsockname()); s, _ = l.accept()
c.setblocking(False); s.setblocking(False)
msg, total, sent, got = b'm' * 65536, 200, 0, 0
while True:
    try:
        c.send(msg); sent += 1
    except BlockingIOError:
        break
first = sent
while got < total * len(msg):
    r, w, _ = select.select([s], [c] if sent < total else [], [], 10)
    if not r and not w:
        break
    if r:
        got += len(s.recv(1 << 20))
    if w:
        try:
            c.send(msg); sent += 1
        except BlockingIOError:
            pass
print(first, sent, got)")
	ksft_diag "messages of 64 KiB sent before EAGAIN, in all; bytes read: $out"
	set -- $out
	[ $# -eq 3 ] && [ "$1" -lt 200 ] && [ "$2" -eq 200 ] &&
	[ "$3" -eq $((200 * 65536)) ]
}
ksft_check "send buffer full: EAGAIN, poll, then every byte arrives" eagain

# RFC 9260 6.2: the SACK for a lone packet waits for the delayed-SACK
# timer (200 ms), the second of two packets is SACKed at once, a SACK
# due when the reader replies rides in the reply's packet, and a
# duplicate is SACKed at once and reported (6.7).  The scripted peer
# (tools/peer.py --delack) times each SACK.  With "off", the reader sets
# SCTP_DELAYED_SACK's frequency to 1: every packet is SACKed at once,
# 1000, 1001, 1002, and "echo" 1003 before the reply (the peer reads
# the first four SACKs), and no timer expires.
delayed_sack() {
	local a b out peer s0 opt= rc=0
	[ "${1:-}" = off ] && opt="s.setsockopt(132, 16, struct.pack('iII', 0, 0, 1))"
	ns_new a && ns_new b && ns_peer "$a" 10.99.5.1 "$b" 10.99.5.2 || return 1
	peer_run "$b" --delack || return 1
	peer=$PEER_OUT
	s0=$(mib AsctpSackExpireds "$a")
	out=$(ip netns exec "$a" timeout 20 python3 -S -c "
import socket, struct
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, $P)
$opt
s.connect(('10.99.5.2', 4000))
for i in range(4):
    m = s.recv(100)
    print(m.decode())
    if m == b'echo':
        s.send(b'reply')
s.close()")
	wait "$PEER_PID" || rc=1
	ksft_diag "read: $(echo "$out" | tr '\n' ' ')"
	ksft_diag "peer: $(grep sack "$peer" | tr '\n' ';'); delayed SACK timer expiries $(($(mib AsctpSackExpireds "$a") - s0))"
	if [ -n "$opt" ]; then
		grep sack "$peer" | awk '
			$5 != 999 + NR || NR == 4 && $6 != "" { bad = 1 }
			END { exit bad || NR != 4 }' || rc=1
		[ "$(mib AsctpSackExpireds "$a")" -eq "$s0" ] || rc=1
	else
		grep sack "$peer" | awk '
			NR == 1 && !($4 == "cum" && $5 == 1000 && $2 >= 100) { bad = 1 }
			NR == 2 && !($5 == 1002 && $6 == "") { bad = 1 }
			NR == 3 && !($5 == 1003 && $6 == "bundled") { bad = 1 }
			NR == 4 && !($5 == 1003 && $6 == "dup" && $7 == 1000) { bad = 1 }
			END { exit bad || NR != 4 }' || rc=1
		[ "$(mib AsctpSackExpireds "$a")" -gt "$s0" ] || rc=1
	fi
	rm -f "$peer"
	[ $rc -eq 0 ] && [ "$(echo "$out" | tr '\n' ' ')" = "one two three echo " ]
}
ksft_check "delayed SACK: 200 ms alone, at once for the second packet, bundled, duplicates" delayed_sack
ksft_check "SCTP_DELAYED_SACK frequency 1: every packet SACKed at once" delayed_sack off

ksft_finish
