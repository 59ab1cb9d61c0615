#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The server half of the handshake driven by hand (RFC 9260 5.1):
# tools/cookie.py sends an INIT from a raw socket and echoes the State
# Cookie of the INIT ACK, intact or with one byte flipped.  An INIT must
# cost no association; only an intact cookie sets one up.

. "$(dirname "$0")/lib.sh"

ksft_plan 6
P=$(asctp_ipproto)
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
	out=$(ip netns exec "$ns" python3 "$SELFTEST_DIR/tools/cookie.py" \
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

# RFC 9260 8.4 (3): an INIT to a port nobody listens on gets an ABORT
# carrying the INIT's tag; connect() sees ECONNREFUSED.
refused() {
	local ns out a0
	ns_new ns || return 1
	a0=$(mib AsctpOutOotbReplies "$ns")
	out=$(ip netns exec "$ns" python3 -c "
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

ksft_finish
