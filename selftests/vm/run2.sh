#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run a host command across two test VMs and return its verdict.
#
#   run2.sh [-f debug|plain] [-l LOAD_A] [-L LOAD_B] [-k links]
#           [-o resultsdir] [-t timeout] -- command... [--- command_b...]
#
# VM A (asctp loaded unless -l says otherwise) and VM B (the kernel's
# own sctp.ko unless -L) are two vm/run.sh runs, so each fails closed
# as one VM does: status written last, after rmmod and kmemleak; a
# splat on its console, a missing status or its timeout fails it.  They
# are joined by LINKS (default 2) virtio-net links that QEMU carries as
# UDP datagrams over the host's loopback: link L is eth(L-1) in both,
# 10.1.L.1/24 in A and 10.1.L.2/24 in B.  Both get ASCTP_NODE=a or b and
# ASCTP_LINKS, and share a read-write directory (resultsdir/shared, at
# $ASCTP_SHARED in the guests).
#
# A runs the command; B runs command_b, or else vm/agent.sh, which runs
# what A asks of it through the shared directory (lib.sh's remote_*).
# Once A is done, B is told to stop.  The exit status is A's, or B's
# when A's is 0 and B's is not: both VMs must be clean.  A's output is
# shown as it comes; B's is in resultsdir/b/output.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
flavour=debug load_a=asctp load_b=sctp links=2 results=build/run2 timeout=900
while getopts "f:l:L:k:o:t:" opt; do
	case $opt in
	f) flavour=$OPTARG ;;
	l) load_a=$OPTARG ;;
	L) load_b=$OPTARG ;;
	k) links=$OPTARG ;;
	o) results=$OPTARG ;;
	t) timeout=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ "${1:-}" = -- ] && shift
cmd_a=() cmd_b=()
while [ $# -gt 0 ] && [ "$1" != --- ]; do cmd_a+=("$1"); shift; done
[ $# -gt 0 ] && shift
cmd_b=("$@")
[ ${#cmd_a[@]} -gt 0 ] || { echo "run2.sh: no command given" >&2; exit 2; }
[ ${#cmd_b[@]} -gt 0 ] || cmd_b=("$here/agent.sh")

rm -rf "$results" && mkdir -p "$results/shared"
results=$(realpath "$results")

# Two UDP ports per link on the host's loopback, free when checked:
# each VM sends to the other's and receives on its own.
used=$(ss -Hlun 2>/dev/null | awk '{ sub(/.*:/, "", $4); print $4 }')
port() {
	local p
	while :; do
		p=$((20000 + RANDOM % 40000))
		grep -qx "$p" <<< "$used" || { used+=$'\n'$p; echo "$p"; return; }
	done
}
nics_a=() nics_b=()
for l in $(seq "$links"); do
	pa=$(port) pb=$(port)
	nics_a+=(-n "10.1.$l.1/24=socket,udp=127.0.0.1:$pb,localaddr=127.0.0.1:$pa")
	nics_b+=(-n "10.1.$l.2/24=socket,udp=127.0.0.1:$pa,localaddr=127.0.0.1:$pb")
done

# -smp 1 each: two VMs under TCG on a two-core host.
export VM_MEM=${VM_MEM:-1536M}
common=(-f "$flavour" -t "$timeout" -c "${VM_CPUS:-1}" -s "$results/shared"
	-e "ASCTP_LINKS=$links")
start=$(date +%s)
"$here/run.sh" "${common[@]}" -l "$load_b" -o "$results/b" "${nics_b[@]}" \
	-e ASCTP_NODE=b -- "${cmd_b[@]}" > "$results/b.log" 2>&1 &
pid_b=$!
"$here/run.sh" "${common[@]}" -l "$load_a" -o "$results/a" "${nics_a[@]}" \
	-e ASCTP_NODE=a -- "${cmd_a[@]}"
rc_a=$?
touch "$results/shared/stop"
wait $pid_b
rc_b=$?
echo "run2.sh: both VMs ran $(($(date +%s) - start)) s; A exited $rc_a, B exited $rc_b" >&2
if [ $rc_b -ne 0 ]; then
	echo "run2.sh: FAIL: VM B (load=$load_b) exited $rc_b:" >&2
	tail -n 40 "$results/b.log" | sed 's/^/B: /' >&2
fi
[ $rc_a -ne 0 ] && exit $rc_a
exit $rc_b
