#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The transfer engine (RFC 9260 6, 7) across an impaired link: two
# namespaces joined by veth with netem on both ends, 32 MiB over 8
# streams in messages of 1 B to 1 MiB, a quarter of them unordered.
# tools/mxfer checks every byte and each stream's order at the receiver.
# The netem line, the seed and the counters are printed, so a failure
# can be replayed: ASCTP_XFER_SEED sets the seed.  make check moves
# 2 MiB a case; make stress sets ASCTP_XFER_BYTES=32M.

. "$(dirname "$0")/lib.sh"

P=$(asctp_ipproto)
MXFER=$SELFTEST_DIR/tools/mxfer
BYTES=${ASCTP_XFER_BYTES:-2M}
SEED=${ASCTP_XFER_SEED:-$RANDOM}
COUNTERS="AsctpOutRetrans AsctpOutFastRetrans AsctpFastRecoveries AsctpT3Expireds AsctpOutGapSacks AsctpInDupData AsctpInRcvbufFull AsctpInBacklogFull"

# counters NS: the ones above that are not zero, on one line.
counters() {
	local c v out=
	for c in $COUNTERS; do
		v=$(mib "$c" "$1")
		[ "$v" != 0 ] && out+="${c#Asctp}=$v "
	done
	echo "${out:-none}"
}

# mxfer_run NS_SERVER ADDR NS_CLIENT ARGS...: one transfer, checked.
mxfer_run() {
	local sns=$1 addr=$2 cns=$3 srv cli rc=0 t0
	shift 3
	srv=$(mktemp) cli=$(mktemp)
	ip netns exec "$sns" timeout 600 "$MXFER" server "$P" "$addr" 4000 \
		"$SEED" "$@" > "$srv" 2>&1 &
	wait_for 30 grep -q listening "$srv" || rc=1
	t0=$SECONDS
	[ $rc -eq 0 ] && { ip netns exec "$cns" timeout 600 "$MXFER" client \
		"$P" "$addr" 4000 "$SEED" "$@" > "$cli" 2>&1 || rc=1; }
	wait $! || rc=1
	ksft_diag "client: $(tr '\n' ' ' < "$cli")"
	ksft_diag "server: $(grep -v listening "$srv" | tr '\n' ' ') ($((SECONDS - t0)) s)"
	grep -q " ok$" "$srv" || rc=1
	rm -f "$srv" "$cli"
	return $rc
}

# impaired NETEM...: a transfer with netem NETEM on both ends.
impaired() {
	local a b rc=0
	ns_new a && ns_new b && ns_veth "$a" 10.99.7.1 "$b" 10.99.7.2 &&
	ip netns exec "$a" tc qdisc add dev veth0 root netem "$@" &&
	ip netns exec "$b" tc qdisc add dev veth1 root netem "$@" || return 1
	ksft_diag "netem both ways: $*; mxfer seed $SEED, $BYTES"
	mxfer_run "$b" 10.99.7.2 "$a" --bytes "$BYTES" || rc=1
	ksft_diag "sender: $(counters "$a"); receiver: $(counters "$b")"
	[ $rc -eq 0 ] && [ "$(mib AsctpAborteds "$a")" -eq 0 ]
}

CASES=(
	"loss 1%"
	"loss 5%"
	"loss 10%"
	"delay 5ms reorder 25% 50%"
	"duplicate 5%"
	"delay 10ms 5ms"
)
ksft_plan ${#CASES[@]}
for c in "${CASES[@]}"; do
	# shellcheck disable=SC2086
	ksft_check "$BYTES over 8 streams, netem $c" impaired $c
done
ksft_finish
