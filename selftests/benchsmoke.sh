#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The benchmark's modes (bench/bench, make bench) each once, for a
# second, against asctp, on loopback and across a veth pair: every run
# must end cleanly with a result line that parses.  Speed is not
# checked: the debug kernel's numbers mean nothing.

. "$(dirname "$0")/lib.sh"

BENCH=$SELFTEST_DIR/bench/bench
P=$(asctp_ipproto)

ksft_plan 7

ns_new NS || exit 1
ns_new NC && ns_new NSRV && ns_veth "$NC" 10.97.0.1 "$NSRV" 10.97.0.2 || exit 1

# smoke UNIT ARGS...: one run; its result line in the log, parsed.
smoke() {
	local unit=$1 out
	shift
	out=$("$BENCH" "$@" -p "$P" 2>&1) || { echo "$out"; return 1; }
	ksft_diag "$out"
	[[ "$out" =~ ^result\ mode=[a-z]+\ proto=$P\ .*\ value=[0-9.e+-]+\ unit=$unit( |$) ]]
}

lo=(-C "$NS" -N "$NS")
veth=(-C "$NC" -N "$NSRV" -a 10.97.0.2)
ksft_check "bulk 16 KiB, 8 streams, loopback" smoke MB/s bulk -t 1 -S 8 "${lo[@]}"
ksft_check "bulk 64 KiB, nodelay, veth" smoke MB/s bulk -t 1 -s 65536 -d "${veth[@]}"
ksft_check "request/response" smoke trans/s rr -t 1 "${lo[@]}"
ksft_check "set-up and tear-down" smoke assocs/s setup -t 1 "${veth[@]}"
ksft_check "idle associations' memory" smoke bytes/assoc idle -n 50 "${lo[@]}"
ksft_check "one-to-many server, 50 associations" smoke ns/msg many -n 50 -t 1 "${lo[@]}"

no_objects() {
	local n
	for n in "$NS" "$NC" "$NSRV"; do ns_del "$n"; done
	[ -r /sys/kernel/debug/asctp/objects ] || return 0
	wait_for 30 [ "$(asctp_objects)" -eq 0 ]
}
ksft_check "no asctp objects left" no_objects

ksft_finish
