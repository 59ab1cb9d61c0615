#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The server half of the handshake driven by hand (RFC 9260 5.1):
# tools/cookie.py sends an INIT from a raw socket and echoes the State
# Cookie of the INIT ACK, intact or with one byte flipped.  An INIT must
# cost no association; only an intact cookie sets one up.  A cookie
# echoed after its life gets a Stale Cookie error (5.1.5, 3.3.10.3),
# unless the INIT asked for more with a Cookie Preservative (5.1.3);
# asctp's own COOKIE ECHO answered so (tools/peer.py --stale-cookie)
# makes it start over with a new INIT carrying one (5.2.6).
# An INIT's unknown parameters (3.2.1) are reported in the INIT ACK, or
# not, by their type's upper two bits (tools/pkt.py --show-params).

. "$(dirname "$0")/lib.sh"

ksft_plan 23
P=$(asctp_ipproto)
XFER=$SELFTEST_DIR/tools/xfer.py
OBJ=/sys/kernel/debug/asctp/objects

# cookie_case TYPE WANT BAD-COOKIES [TAMPER]: one handshake in a fresh
# namespace; WANT is cookie.py's verdict.
cookie_case() {
	local type=$1 want=$2 bad=$3 ns out b0 e0 up=0 args=()
	[ "$want" = established ] && up=1
	[ -n "${4:-}" ] && args=(--tamper "$4")
	[ -r "$OBJ" ] && exec 3< "$OBJ" && args+=(--objects-fd 3)
	ns_new ns || return 1
	b0=$(mib AsctpInBadCookies "$ns") e0=$(mib AsctpPassiveEstabs "$ns")
	out=$(ip netns exec "$ns" python3 -S "$SELFTEST_DIR/tools/cookie.py" \
		--proto "$P" --type "$type" "${args[@]}") || return 1
	exec 3<&-
	ksft_diag "$(echo "$out" | tr '\n' ' ')"
	# no association may exist between INIT and COOKIE ECHO
	if [ -r "$OBJ" ] && ! grep -qx "assocs after INIT ACK 0" <<< "$out"; then
		return 1
	fi
	[ "$(tail -n 1 <<< "$out")" = "$want" ] &&
	[ "$(mib AsctpInBadCookies "$ns")" -eq $((b0 + bad)) ] &&
	[ "$(mib AsctpPassiveEstabs "$ns")" -eq $((e0 + up)) ]
}

ksft_check "one-to-one: intact cookie sets up the association" \
	cookie_case stream established 0
ksft_check "one-to-one: MAC byte flipped, dropped and counted" \
	cookie_case stream refused 1 0
ksft_check "one-to-one: tag byte flipped, dropped and counted" \
	cookie_case stream refused 1 40
ksft_check "one-to-many: intact cookie sets up the association" \
	cookie_case seqpacket established 0
ksft_check "one-to-many: last byte flipped, dropped and counted" \
	cookie_case seqpacket refused 1 87

# cookie_life LIFE DELAY [PRESERVATIVE]: cookie.py with the listener's
# cookie life LIFE ms, the COOKIE ECHO sent DELAY s after the INIT ACK;
# its output in COOKIE_OUT, the counters' changes in STALE and UP.
cookie_life() {
	local ns s0 e0 args=(--cookie-life "$1" --delay "$2")
	[ -n "${3:-}" ] && args+=(--preservative "$3")
	ns_new ns || return 1
	s0=$(mib AsctpInStaleCookies "$ns") e0=$(mib AsctpPassiveEstabs "$ns")
	COOKIE_OUT=$(ip netns exec "$ns" python3 -S "$SELFTEST_DIR/tools/cookie.py" \
		--proto "$P" "${args[@]}") || return 1
	STALE=$(($(mib AsctpInStaleCookies "$ns") - s0))
	UP=$(($(mib AsctpPassiveEstabs "$ns") - e0))
	ksft_diag "$(echo "$COOKIE_OUT" | tr '\n' ' ')stale +$STALE up +$UP"
}

# RFC 9260 5.1.5 (3), 3.3.10.3: a cookie 0.4 s past its life of 100 ms
# gets an ERROR, Stale Cookie, with how late it was (> 0 us) and the
# INIT's tag (cookie.py's 0x0badcafe); no association.
stale_cookie() {
	local us
	cookie_life 100 0.5 || return 1
	us=$(awk '/^error cause 3 vtag 0x0badcafe value/ { print $NF }' <<< "$COOKIE_OUT")
	[ "$(tail -n 1 <<< "$COOKIE_OUT")" = refused ] &&
	[ "${us:-0}" -gt 0 ] && [ "$STALE" -eq 1 ] && [ "$UP" -eq 0 ]
}
ksft_check "stale cookie: ERROR cause 3, staleness > 0, INIT's tag, counted" \
	stale_cookie

# RFC 9260 5.1.3, 3.3.2.1: the same, the INIT asking 2 s more.
preserved_cookie() {
	cookie_life 100 0.5 2000 || return 1
	[ "$(tail -n 1 <<< "$COOKIE_OUT")" = established ] &&
	[ "$STALE" -eq 0 ] && [ "$UP" -eq 1 ]
}
ksft_check "Cookie Preservative in the INIT: the late cookie accepted" \
	preserved_cookie

# RFC 9260 5.2.6: a Stale Cookie error answering our COOKIE ECHO sends
# us back to COOKIE-WAIT with a new INIT whose Cookie Preservative asks
# for twice the staleness (peer.py says 250000 us: 500 ms); the second
# COOKIE ECHO is acknowledged, data go through, the shutdown is clean.
stale_restart() {
	local a b e0 t0 rc=0
	ns_new a && ns_new b && ns_peer "$a" 10.99.5.1 "$b" 10.99.5.2 &&
	peer_run "$b" --stale-cookie 1 || return 1
	e0=$(mib AsctpActiveEstabs "$a") t0=$(mib AsctpT1Expireds "$a")
	ip netns exec "$a" timeout 20 python3 -S "$XFER" client "$P" 10.99.5.2 \
		4000 1 100 || rc=1
	wait "$PEER_PID" || rc=1
	ksft_diag "peer: $(tr '\n' ';' < "$PEER_OUT")"
	grep -qx "INIT 1 preservative none" "$PEER_OUT" &&
	grep -qx "INIT 2 preservative 500" "$PEER_OUT" &&
	grep -q "rx COOKIE_ECHO 2" "$PEER_OUT" &&
	! grep -q "rx INIT 3" "$PEER_OUT" &&
	grep -q "rx SHUTDOWN_COMPLETE" "$PEER_OUT" || rc=1
	rm -f "$PEER_OUT"
	[ $rc -eq 0 ] && [ "$(mib AsctpActiveEstabs "$a")" -eq $((e0 + 1)) ] &&
	[ "$(mib AsctpT1Expireds "$a")" -eq "$t0" ]
}
ksft_check "5.2.6: Stale Cookie error, new INIT with a Cookie Preservative, up" \
	stale_restart

# RFC 9260 5.2.6: each Stale Cookie error counts as a T1 expiry against
# SCTP_INITMSG's max_attempts (2): the third ends it, ETIMEDOUT, each
# answered at once by a new INIT (no T1 expiry, no fourth INIT).
stale_expiry() {
	local a b out t0 rc=0
	ns_new a && ns_new b && ns_peer "$a" 10.99.5.1 "$b" 10.99.5.2 &&
	peer_run "$b" --stale-cookie 99 --timeout 5 || return 1
	t0=$(mib AsctpT1Expireds "$a")
	out=$(ip netns exec "$a" timeout 20 python3 -S -c "
import errno, socket, struct
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, $P)
s.setsockopt(132, 2, struct.pack('HHHH', 5, 5, 2, 200))
try:
    s.connect(('10.99.5.2', 4000))
    print('connected')
except OSError as e:
    print(errno.errorcode[e.errno])")
	wait "$PEER_PID"
	ksft_diag "connect: $out; peer: $(tr '\n' ';' < "$PEER_OUT"); T1 expiries $(($(mib AsctpT1Expireds "$a") - t0))"
	grep -q "rx INIT 3" "$PEER_OUT" &&
	grep -q "rx COOKIE_ECHO 3" "$PEER_OUT" &&
	! grep -q "rx INIT 4" "$PEER_OUT" || rc=1
	rm -f "$PEER_OUT"
	[ $rc -eq 0 ] && [ "$out" = ETIMEDOUT ] &&
	[ "$(mib AsctpT1Expireds "$a")" -eq "$t0" ]
}
ksft_check "5.2.6: Stale Cookie errors count against max_attempts: ETIMEDOUT" \
	stale_expiry

# RFC 9260 8.4 (3): an INIT to a port nobody listens on gets an ABORT
# carrying the INIT's tag; connect() sees ECONNREFUSED.
refused() {
	local ns out a0
	ns_new ns || return 1
	a0=$(mib AsctpOutOotbReplies "$ns")
	out=$(ip netns exec "$ns" python3 -S -c "
import errno, socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, $P)
try:
    s.connect(('127.0.0.1', 9))
    print('connected')
except OSError as e:
    print(errno.errorcode[e.errno])")
	ksft_diag "connect: $out"
	[ "$out" = ECONNREFUSED ] &&
	[ "$(mib AsctpOutOotbReplies "$ns")" -eq $((a0 + 1)) ]
}
ksft_check "INIT to a closed port: ABORT, connect() gets ECONNREFUSED" refused

# RFC 9260 5.1 (A), 6.3.3: with every packet lost, T1-init resends the
# INIT (RTO capped by max_init_timeo) until SCTP_INITMSG's max_attempts,
# then connect() fails with ETIMEDOUT.  netem drops on the sender.
t1_expiry() {
	local a b out t0
	ns_new a && ns_new b && ns_veth "$a" 10.99.1.1 "$b" 10.99.1.2 &&
	ip netns exec "$a" tc qdisc add dev veth0 root netem loss 100% || return 1
	ksft_diag "netem on the sender: loss 100%"
	t0=$(mib AsctpT1Expireds "$a")
	out=$(ip netns exec "$a" python3 -S -c "
import errno, socket, struct, time
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, $P)
# struct sctp_initmsg: ostreams, instreams, max_attempts, max_init_timeo
s.setsockopt(132, 2, struct.pack('HHHH', 5, 5, 2, 200))
t = time.monotonic()
try:
    s.connect(('10.99.1.2', 4000))
    print('connected')
except OSError as e:
    print(errno.errorcode[e.errno], round(time.monotonic() - t, 1))")
	ksft_diag "connect: $out (s), T1 expiries $(($(mib AsctpT1Expireds "$a") - t0))"
	[ "${out% *}" = ETIMEDOUT ] &&
	[ "$(mib AsctpT1Expireds "$a")" -eq $((t0 + 3)) ]
}
ksft_check "T1-init: INIT resent, max_attempts ends it with ETIMEDOUT" t1_expiry

# Non-blocking connect(): EINPROGRESS, then poll() says writable and
# SO_ERROR gives the outcome: 0 with a listener, ECONNREFUSED without.
nonblocking() {
	local ns out
	ns_new ns || return 1
	out=$(ip netns exec "$ns" python3 -S -c "
import errno, select, socket
l = socket.socket(socket.AF_INET, socket.SOCK_STREAM, $P)
l.bind(('127.0.0.1', 0)); l.listen(1)
for port in (l.getsockname()[1], 9):
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM, $P)
    c.setblocking(False)
    r = c.connect_ex(('127.0.0.1', port))
    p = select.poll(); p.register(c, select.POLLOUT)
    ev = p.poll(5000)
    e = c.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    print(errno.errorcode.get(r, r), 'ready' if ev else 'timeout',
          errno.errorcode.get(e, e))")
	ksft_diag "$(echo "$out" | tr '\n' ';')"
	[ "$out" = "EINPROGRESS ready 0
EINPROGRESS ready ECONNREFUSED" ]
}
ksft_check "non-blocking connect: EINPROGRESS, poll, SO_ERROR" nonblocking

# gaps FILE NAME: seconds between successive receptions of chunk NAME.
gaps() {
	awk -v n="$2" '$3 == n { if (t != "") printf "%.2f ", $1 - t; t = $1 }' "$1"
}

# RFC 9260 5.1 (C), 6.3.3: a COOKIE ECHO that gets no COOKIE ACK is sent
# again when T1-cookie expires, the RTO doubling each time.  The peer
# ignores two of them and answers the third; the data then goes through
# and the association shuts down cleanly.
t1_cookie() {
	local a b t0 rc=0
	ns_new a && ns_new b && ns_peer "$a" 10.99.5.1 "$b" 10.99.5.2 &&
	peer_run "$b" --ignore-cookie 2 || return 1
	t0=$(mib AsctpT1Expireds "$a")
	ip netns exec "$a" timeout 20 python3 -S "$XFER" client "$P" 10.99.5.2 \
		4000 1 100 || rc=1
	wait "$PEER_PID" || rc=1
	ksft_diag "peer: $(tr '\n' ';' < "$PEER_OUT")"
	ksft_diag "COOKIE ECHO gaps (s): $(gaps "$PEER_OUT" COOKIE_ECHO), T1 expiries $(($(mib AsctpT1Expireds "$a") - t0))"
	grep -q "rx COOKIE_ECHO 3" "$PEER_OUT" &&
	! grep -q "rx COOKIE_ECHO 4" "$PEER_OUT" &&
	grep -q "rx SHUTDOWN_COMPLETE" "$PEER_OUT" || rc=1
	gaps "$PEER_OUT" COOKIE_ECHO | awk '{ exit !(NF == 2 && $2 > $1) }' || rc=1
	rm -f "$PEER_OUT"
	[ $rc -eq 0 ] && [ "$(mib AsctpT1Expireds "$a")" -eq $((t0 + 2)) ]
}
ksft_check "T1-cookie: COOKIE ECHO resent with back-off until the COOKIE ACK" t1_cookie

# RFC 9260 5.1 (C): T1-cookie also stops at SCTP_INITMSG's max_attempts,
# and connect() fails with ETIMEDOUT, as for the INIT.
t1_cookie_expiry() {
	local a b out t0 rc=0
	ns_new a && ns_new b && ns_peer "$a" 10.99.5.1 "$b" 10.99.5.2 &&
	peer_run "$b" --ignore-cookie 99 --timeout 5 || return 1
	t0=$(mib AsctpT1Expireds "$a")
	out=$(ip netns exec "$a" python3 -S -c "
import errno, socket, struct
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, $P)
s.setsockopt(132, 2, struct.pack('HHHH', 5, 5, 2, 200))
try:
    s.connect(('10.99.5.2', 4000))
    print('connected')
except OSError as e:
    print(errno.errorcode[e.errno])")
	wait "$PEER_PID"
	ksft_diag "connect: $out; peer: $(tr '\n' ';' < "$PEER_OUT")"
	grep -q "rx COOKIE_ECHO 3" "$PEER_OUT" &&
	! grep -q "rx COOKIE_ECHO 4" "$PEER_OUT" || rc=1
	rm -f "$PEER_OUT"
	[ $rc -eq 0 ] && [ "$out" = ETIMEDOUT ] &&
	[ "$(mib AsctpT1Expireds "$a")" -eq $((t0 + 3)) ]
}
ksft_check "T1-cookie: max_attempts ends it with ETIMEDOUT" t1_cookie_expiry

# RFC 9260 9.2: a SHUTDOWN that gets no SHUTDOWN ACK is sent again when
# T2-shutdown expires.  The peer ignores two and answers the third; the
# sender then completes with SHUTDOWN COMPLETE.
t2_shutdown() {
	local a b t0 rc=0
	ns_new a && ns_new b && ns_peer "$a" 10.99.5.1 "$b" 10.99.5.2 &&
	peer_run "$b" --ignore-shutdown 2 || return 1
	t0=$(mib AsctpT2Expireds "$a")
	ip netns exec "$a" timeout 20 python3 -S "$XFER" client "$P" 10.99.5.2 \
		4000 3 100 || rc=1
	wait "$PEER_PID" || rc=1
	ksft_diag "peer: $(tr '\n' ';' < "$PEER_OUT")"
	ksft_diag "SHUTDOWN gaps (s): $(gaps "$PEER_OUT" SHUTDOWN), T2 expiries $(($(mib AsctpT2Expireds "$a") - t0))"
	grep -q "rx SHUTDOWN 3" "$PEER_OUT" &&
	! grep -q "rx SHUTDOWN 4" "$PEER_OUT" &&
	grep -q "rx SHUTDOWN_COMPLETE" "$PEER_OUT" || rc=1
	gaps "$PEER_OUT" SHUTDOWN | awk '{ exit !(NF == 2 && $2 > $1) }' || rc=1
	rm -f "$PEER_OUT"
	[ $rc -eq 0 ] && [ "$(mib AsctpT2Expireds "$a")" -eq $((t0 + 2)) ]
}
ksft_check "T2-shutdown: SHUTDOWN resent with back-off until the SHUTDOWN ACK" t2_shutdown

# No HEARTBEAT once our SHUTDOWN is out (Linux's rule too): answering
# it, the peer may delete its TCB, and our HEARTBEAT's ACK would then
# come from nowhere, out of the blue (8.4).  HB.interval 100 ms; the peer
# ignores two SHUTDOWNs, so the SHUTDOWN-SENT state lasts seconds.
t2_quiet() {
	local a b rc=0
	ns_new a && ns_new b && ns_peer "$a" 10.99.5.1 "$b" 10.99.5.2 &&
	peer_run "$b" --ignore-shutdown 2 || return 1
	ip netns exec "$a" timeout 20 python3 -S - "$P" <<-'EOF' || rc=1
	import socket, struct, sys
	s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, int(sys.argv[1]))
	# SCTP_PEER_ADDR_PARAMS, the socket's: SPP_HB_ENABLE, 100 ms
	s.setsockopt(132, 9, struct.pack("<i128sIHIIIIBx", 0, bytes(128), 100,
	                                 0, 0, 0, 1, 0, 0))
	s.connect(("10.99.5.2", 4000))
	s.send(b"x" * 100)
	s.close()
	EOF
	wait "$PEER_PID" || rc=1
	ksft_diag "peer: $(tr '\n' ';' < "$PEER_OUT")"
	awk '/rx SHUTDOWN 1/ { s = 1 } s && /rx HEARTBEAT/ { exit 1 }' \
		"$PEER_OUT" || { ksft_diag "a HEARTBEAT after the SHUTDOWN"; rc=1; }
	grep -q "rx SHUTDOWN 3" "$PEER_OUT" &&
	grep -q "rx SHUTDOWN_COMPLETE" "$PEER_OUT" || rc=1
	rm -f "$PEER_OUT"
	return $rc
}
ksft_check "no HEARTBEAT in SHUTDOWN-SENT: none the peer could answer from nowhere" t2_quiet

# RFC 9260 9.2: an INIT in SHUTDOWN-ACK-SENT (the peer's SHUTDOWN
# COMPLETE was lost and it came back) gets the SHUTDOWN ACK again at
# once, not when T2 expires.  tools/peer.py --shutdown-init shuts the
# association down, answers the SHUTDOWN ACK with an INIT and the next
# SHUTDOWN ACK with SHUTDOWN COMPLETE.
shutdown_ack_init() {
	local a b t0 out rc=0
	ns_new a && ns_new b && ns_peer "$a" 10.99.5.1 "$b" 10.99.5.2 &&
	peer_run "$b" --shutdown-init --timeout 10 || return 1
	t0=$(mib AsctpT2Expireds "$a")
	out=$(ip netns exec "$a" timeout 20 python3 -S -c "
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, $P)
s.connect(('10.99.5.2', 4000))
print('eof' if s.recv(10) == b'' else 'data')
s.close()") || rc=1
	wait "$PEER_PID" || rc=1
	ksft_diag "client: $out; peer: $(tr '\n' ';' < "$PEER_OUT"); T2 expiries $(($(mib AsctpT2Expireds "$a") - t0))"
	grep -q "SHUTDOWN ACK again" "$PEER_OUT" || rc=1
	rm -f "$PEER_OUT"
	[ $rc -eq 0 ] && [ "$out" = eof ] &&
	[ "$(mib AsctpT2Expireds "$a")" -eq "$t0" ]
}
ksft_check "INIT in SHUTDOWN-ACK-SENT: SHUTDOWN ACK again at once (9.2)" shutdown_ack_init

# RFC 9260 9.2, 8.4: in SHUTDOWN-ACK-SENT the peer may already have
# deleted its TCB (its SHUTDOWN COMPLETE lost), and answers anything but
# a SHUTDOWN ACK with an ABORT.  So a reader that drains its buffer then
# must not send a window update: the ABORT would turn a clean end into
# ECONNRESET (seen in transfer.sh with 5% loss).  tools/peer.py --gone
# sends 60 KB and SHUTDOWN, lets two SHUTDOWN ACKs pass and then acts
# gone; the reader starts a second after connect().
shutdown_ack_quiet() {
	local a b out rc=0
	ns_new a && ns_new b && ns_peer "$a" 10.99.5.1 "$b" 10.99.5.2 &&
	peer_run "$b" --gone 60 --timeout 20 || return 1
	out=$(ip netns exec "$a" timeout 30 python3 -S -c "
import errno, socket, time
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, $P)
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 100000)
s.connect(('10.99.5.2', 4000))
time.sleep(1)
n, end = 0, 'eof'
try:
    while True:
        d = s.recv(65536)
        if not d:
            break
        n += len(d)
except OSError as e:
    end = errno.errorcode[e.errno]
print(n, end)") || rc=1
	wait "$PEER_PID" || rc=1
	ksft_diag "reader: $out; peer: $(grep -v "rx DATA\|rx SACK" "$PEER_OUT" | tr '\n' ';')"
	grep -q "gone:" "$PEER_OUT" && rc=1
	rm -f "$PEER_OUT"
	[ $rc -eq 0 ] && [ "$out" = "60000 eof" ]
}
ksft_check "SHUTDOWN-ACK-SENT: the reader draining sends nothing to a peer that may be gone" \
	shutdown_ack_quiet

# init_params HEX [ARGS]: an INIT (tools/pkt.py, tag 0x11223344, 10
# streams each way, TSN 1) carrying the parameters HEX to a listener;
# the INIT ACK's Unrecognized Parameters (type 8) in UNREC, a "param
# HEX" line each, in order.  ARGS replace pkt.py's --expect 2
# --show-params; its output in INIT_REPLY.
init_params() {
	local ns params hex=$1 rc=0
	ns_new ns || return 1
	listener7 "$ns" || rc=1
	shift
	[ $# -gt 0 ] || set -- --expect 2 --show-params
	params=$(ip netns exec "$ns" python3 -S "$SELFTEST_DIR/tools/pkt.py" \
		--proto "$P" 127.0.0.1 "$@" --timeout 5 \
		--body "1122334400010000000a000a00000001$hex") || rc=1
	kill "$LISTENER_PID"
	ksft_diag "$(tr '\n' ';' <<< "$params")"
	UNREC=$(grep '^param 0008' <<< "$params")
	INIT_REPLY=$params
	return $rc
}

# unknown_param HI WANT: RFC 9260 3.2.1, 3.2.2, 3.3.3: an INIT with two
# unknown parameters, 0xHI23 and then 0xc124 (upper bits 11: skip and
# report); WANT is what its INIT ACK reports, each wrapped whole in an
# Unrecognized Parameter (type 8).  By 0xHI23's upper bits: 00, 01 stop
# (0xc124 is never looked at), 01 and 11 report, 10 and 11 skip.
unknown_param() {
	init_params "${1}230008deadbeef c1240008cafef00d" &&
	[ "$UNREC" = "$2" ]
}
ksft_check "3.2.1: INIT parameter 0xc123 (11): skipped, reported in the INIT ACK" \
	unknown_param c1 "param 0008000cc1230008deadbeef
param 0008000cc1240008cafef00d"
ksft_check "3.2.1: INIT parameter 0x8123 (10): skipped silently" \
	unknown_param 81 "param 0008000cc1240008cafef00d"
ksft_check "3.2.1: INIT parameter 0x4123 (01): stop, reported, INIT ACK sent" \
	unknown_param 41 "param 0008000c41230008deadbeef"
ksft_check "3.2.1: INIT parameter 0x0123 (00): stop, nothing reported, INIT ACK sent" \
	unknown_param 01 ""

# RFC 9260 3.3.10.5: a Host Name Address ("peer.tst") in an INIT: asctp
# resolves no names, so an ABORT under the INIT's tag, Unresolvable
# Address (cause 5) with the parameter whole.
host_name() {
	init_params 000b000c706565722e747374 --expect-abort &&
	grep -qx "causes 00050010000b000c706565722e747374" <<< "$INIT_REPLY"
}
ksft_check "3.3.10.5: Host Name Address in an INIT: ABORT, cause 5 with it" \
	host_name

ksft_finish
