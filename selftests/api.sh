#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The RFC 6458 socket API as libsctp programs see it: tools/sockapi,
# built against Debian's libsctp-dev, runs one area per case in a fresh
# namespace and checks values, errnos and the data that arrives.

. "$(dirname "$0")/lib.sh"

CASES="addrs sndinfo frag autoclose event paddr cmsgs peeloff notify stats errors
	reuse adaptation pdabort pdpoint interleave subscribe sflags"
ksft_plan $(($(echo $CASES | wc -w) + 1))

api_case() {
	local ns
	ns_new ns || return 1
	ip netns exec "$ns" "$SELFTEST_DIR/tools/sockapi" "$1"
}

for c in $CASES; do
	case $c in
	addrs) name="sctp_connectx, sctp_getpaddrs/getladdrs, sctp_bindx, association id lists" ;;
	sndinfo) name="SCTP_DEFAULT_SNDINFO/SEND_PARAM, SCTP_CONTEXT, SCTP_RCVINFO and SCTP_NXTINFO" ;;
	frag) name="SCTP_MAXSEG, SCTP_DISABLE_FRAGMENTS (EMSGSIZE), SCTP_MAX_BURST" ;;
	autoclose) name="SCTP_AUTOCLOSE shuts an idle association down" ;;
	event) name="SCTP_EVENT subscribes one notification type" ;;
	paddr) name="SCTP_GET_PEER_ADDR_INFO and SCTP_PRIMARY_ADDR" ;;
	cmsgs) name="sendmsg cmsgs: SCTP_INIT, SCTP_SNDINFO, SCTP_PRINFO, SCTP_DSTADDRV4; SCTP_AUTHINFO refused" ;;
	peeloff) name="sctp_peeloff: 2000 messages, 300 read before, the rest after, none lost; flags; EINVAL cases" ;;
	notify) name="SCTP_SENDER_DRY_EVENT; SCTP_SEND_FAILED_EVENT and SCTP_SEND_FAILED carry the data an ABORT lost" ;;
	stats) name="SCTP_GET_ASSOC_STATS counts chunks, packets, SACKs at both ends" ;;
	pdpoint) name="SCTP_PARTIAL_DELIVERY_POINT: pieces past it, whole messages with it 0" ;;
	errors) name="bad input: short buffers, bad pointers, unknown ids (EINVAL, EFAULT, ENOPROTOOPT)" ;;
	reuse) name="SCTP_REUSE_PORT and SO_REUSEADDR: a port shared by connected sockets and one listener" ;;
	adaptation) name="SCTP_ADAPTATION_LAYER: each end gets the other's SCTP_ADAPTATION_INDICATION after COMM_UP" ;;
	pdabort) name="SCTP_PARTIAL_DELIVERY_ABORTED before COMM_LOST when a message in partial delivery is cut" ;;
	interleave) name="SCTP_FRAGMENT_INTERLEAVE: level 0 holds another association's message back, level 1 lets it between the pieces" ;;
	subscribe) name="SCTP_EVENT per association: one type off for one association, on for another, off for the live ones but not new ones" ;;
	sflags) name="sendmsg SCTP_EOF and SCTP_ABORT: shutdown, abort, and the kernel's EINVAL cases" ;;
	esac
	ksft_check "$name" api_case "$c"
done

# RFC 6458 6.1.3: a scripted peer (tools/peer.py --error) sends an
# ERROR with two causes; each reaches the user as SCTP_REMOTE_ERROR.
remote_error() {
	local a b rc=0
	ns_new a && ns_new b && ns_peer "$a" 10.99.5.1 "$b" 10.99.5.2 &&
	peer_run "$b" --error --timeout 10 || return 1
	ip netns exec "$a" timeout 20 "$SELFTEST_DIR/tools/sockapi" \
		remote-error 10.99.5.2 4000 || rc=1
	wait "$PEER_PID" || rc=1
	ksft_diag "peer: $(tr '\n' ';' < "$PEER_OUT")"
	rm -f "$PEER_OUT"
	return $rc
}
ksft_check "SCTP_REMOTE_ERROR: one notification per cause of an ERROR chunk" remote_error
ksft_finish
