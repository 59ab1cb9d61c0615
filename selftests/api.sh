#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The RFC 6458 socket API as libsctp programs see it: tools/sockapi,
# built against Debian's libsctp-dev, runs one area per case in a fresh
# namespace and checks values, errnos and the data that arrives.

. "$(dirname "$0")/lib.sh"

CASES="addrs sndinfo frag autoclose event paddr cmsgs peeloff notify errors"
ksft_plan "$(echo $CASES | wc -w)"

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
	notify) name="SCTP_SENDER_DRY_EVENT; SCTP_SEND_FAILED_EVENT carries the data an ABORT lost" ;;
	errors) name="bad input: short buffers, bad pointers, unknown ids (EINVAL, EFAULT, ENOPROTOOPT)" ;;
	esac
	ksft_check "$name" api_case "$c"
done
ksft_finish
