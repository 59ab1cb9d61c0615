#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Bad input to the socket API, differentially: tools/sockabuse tries
# every SOL_SCTP option number with short, long, zero, negative and
# unaligned lengths, bad pointers and bogus association ids, and
# sendmsg and recvmsg with bad cmsgs, names, flags and buffers, one
# line per probe.  asctp must answer each as the kernel's sctp.ko
# does: sockabuse.golden is sctp.ko's output, and every difference
# must be in sockabuse.allow (options not implemented, deliberate
# differences), each with its reason.
#
#   sockabuse.sh                   asctp (as loaded) against sockabuse.golden
#   ASCTP_ABUSE=live sockabuse.sh  asctp on ipproto=253 and sctp.ko on 132
#                                  in one VM, compared live, and sctp.ko's
#                                  output with the golden file
#                                  (make abuse-live)
#   ASCTP_ABUSE=golden sockabuse.sh  sctp.ko's output to $ASCTP_RESULTS
#                                  (make abuse-golden: into selftests/)

. "$(dirname "$0")/lib.sh"

TOOL=$SELFTEST_DIR/tools/sockabuse
CMP=$SELFTEST_DIR/tools/abusecmp.py
GOLDEN=$SELFTEST_DIR/sockabuse.golden
ALLOW=$SELFTEST_DIR/sockabuse.allow
OUT=${ASCTP_RESULTS:-$(mktemp -d)}

# abuse PROTO FILE: the probes against the stack on PROTO, in a fresh
# namespace, its output in FILE.
abuse() {
	local ns t0 rc=0
	ns_new ns || return 1
	t0=$SECONDS
	ip netns exec "$ns" timeout 240 "$TOOL" -p "$1" > "$2" 2> "$2.err" || rc=1
	ksft_diag "protocol $1: $(tail -n 1 "$2.err"), $((SECONDS - t0)) s"
	[ "$rc" -eq 0 ] || sed 's/^/# /' "$2.err"
	ns_del "$ns"
	return "$rc"
}

compare() {
	python3 -S "$CMP" "$1" "$2" "$ALLOW"
}

# asctp's live objects drop to zero once its sockets are closed (they
# end by ABORT, at once).
no_objects() { wait_for 10 [ "$(asctp_objects)" -eq 0 ]; }

case ${ASCTP_ABUSE:-} in
golden)
	ksft_plan 1
	if [ ! -r /proc/net/sctp/snmp ]; then
		ksft_skip "sctp.ko not loaded (make abuse-golden)"
	else
		ksft_check "sctp.ko's output recorded in $OUT/sockabuse.golden" \
			abuse 132 "$OUT/sockabuse.golden"
	fi
	;;
live)
	ksft_plan 5
	sctp_load || ksft_diag "cannot load sctp.ko"
	ksft_check "asctp on $(asctp_ipproto): no crash" \
		abuse "$(asctp_ipproto)" "$OUT/asctp.out"
	ksft_check "sctp.ko on 132: no crash" abuse 132 "$OUT/sctp.out"
	ksft_check "asctp answers as sctp.ko, but for the allow-list (live)" \
		compare "$OUT/sctp.out" "$OUT/asctp.out"
	ksft_check "sctp.ko's output is the golden file's" \
		diff -q "$GOLDEN" "$OUT/sctp.out"
	ksft_check "no asctp objects left" no_objects
	;;
*)
	ksft_plan 3
	ksft_check "asctp on $(asctp_ipproto): no crash, no hang" \
		abuse "$(asctp_ipproto)" "$OUT/asctp.out"
	ksft_check "asctp answers as sctp.ko (sockabuse.golden), but for the allow-list" \
		compare "$GOLDEN" "$OUT/asctp.out"
	ksft_check "no asctp objects left" no_objects
	;;
esac
ksft_finish
