#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Helpers shared by the asctp selftests: TAP output (kselftest format),
# a fresh network namespace per case, polled readiness, and readers for
# the module's counters.

KSFT_PASS=0 KSFT_FAIL=1 KSFT_SKIP=4
__ksft_n=0 __ksft_fail=0 __ksft_skip=0 __ksft_planned=0
__asctp_netns=()
declare -A __asctp_holder=()	# netns name -> pid of a process in it

ksft_plan() {
	__ksft_planned=$1
	echo "TAP version 13"
	echo "1..$1"
}

ksft_diag() { echo "# $*"; }

ksft_pass() { __ksft_n=$((__ksft_n + 1)); echo "ok $__ksft_n $*"; }

ksft_fail() {
	__ksft_n=$((__ksft_n + 1)) __ksft_fail=$((__ksft_fail + 1))
	echo "not ok $__ksft_n $*"
}

ksft_skip() {
	__ksft_n=$((__ksft_n + 1)) __ksft_skip=$((__ksft_skip + 1))
	echo "ok $__ksft_n $* # SKIP"
}

# ksft_check NAME CMD...: one case, passed when CMD exits 0.  With
# ASCTP_CASES set (names of CMDs, space separated), the others are
# skipped: for replaying one case.
ksft_check() {
	local name=$1
	shift
	if [ -n "${ASCTP_CASES:-}" ] && [[ " $ASCTP_CASES " != *" $1 "* ]]; then
		ksft_skip "$name"
		return
	fi
	local t0=$SECONDS
	if "$@"; then
		ksft_diag "$1: $((SECONDS - t0)) s"
		ksft_pass "$name"
	else
		ksft_diag "$1: $((SECONDS - t0)) s"
		ksft_fail "$name"
	fi
}

ksft_finish() {
	local n
	for n in "${__asctp_netns[@]}"; do ns_del "$n"; done
	if [ "$__ksft_n" -ne "$__ksft_planned" ]; then
		echo "# planned $__ksft_planned cases, ran $__ksft_n"
		exit $KSFT_FAIL
	fi
	echo "# totals: pass:$((__ksft_n - __ksft_fail - __ksft_skip)) fail:$__ksft_fail skip:$__ksft_skip in $SECONDS s"
	[ "$__ksft_fail" -eq 0 ] || exit $KSFT_FAIL
	[ "$__ksft_skip" -eq "$__ksft_n" ] && exit $KSFT_SKIP
	exit $KSFT_PASS
}

# ns_new VAR: a fresh network namespace with lo up; its name in VAR.
# A process is left in it (a sleep, 1000 s at most), so that mib can
# read its counters from /proc/PID/net without a process start (half a
# second each in a TCG guest); ns_del ends it.
ns_new() {
	local name
	name=asctp-$$-${#__asctp_netns[@]}
	ip netns add "$name" || return 1
	ip -n "$name" link set lo up
	__asctp_netns+=("$name")
	# not a child of this shell (a bare "wait" must not wait for it),
	# and holding none of its files open
	__asctp_holder[$name]=$(ip netns exec "$name" sleep 1000 \
				< /dev/null > /dev/null 2>&1 & echo $!)
	printf -v "$1" %s "$name"
}

# ns_del NETNS: delete it, and end the process kept in it.
ns_del() {
	local pid=${__asctp_holder[$1]:-}
	if [ -n "$pid" ]; then
		kill "$pid" 2> /dev/null
		unset "__asctp_holder[$1]"
	fi
	ip netns del "$1" 2> /dev/null
}

# ns_proc NETNS VAR: /proc/PID of ns_new's process in NETNS into VAR,
# once it is in there (it has become the sleep); 1 if there is none.
ns_proc() {
	local pid=${__asctp_holder[$1]:-} comm i
	[ -n "$pid" ] || return 1
	for ((i = 0; i < 500; i++)); do
		comm=
		read -r comm 2> /dev/null < "/proc/$pid/comm"
		[ "$comm" = sleep ] && break
		[ -z "$comm" ] && return 1
		nap 0.02
	done
	printf -v "$2" %s "/proc/$pid"
}

# ns_veth NS1 ADDR1 NS2 ADDR2 [DEV1 DEV2]: a veth pair between two
# namespaces, veth0 and veth1 unless named; one ip(8) per side.  IPv4
# addresses get /24, IPv6 ones /64 without duplicate address detection
# (usable at once).
ns_veth() {
	local d1=${5:-veth0} d2=${6:-veth1} pfx=/24
	[[ $2 == *:* ]] && pfx="/64 nodad"
	printf '%s\n' "link add $d1 type veth peer name $d2 netns $3" \
		"addr add $2$pfx dev $d1" "link set $d1 up" |
		ip -n "$1" -batch - &&
	printf '%s\n' "addr add $4$pfx dev $d2" "link set $d2 up" |
		ip -n "$3" -batch -
}

# ns_peer NS1 ADDR1 NS2 ADDR2: a veth pair for tools/peer.py.  NS1 gets
# ADDR1 and a static neighbour entry for ADDR2; NS2's veth1 is up with
# no address, so its own stack leaves ADDR2's packets to the peer.
ns_peer() {
	local mac
	ip link add veth0 netns "$1" type veth peer name veth1 netns "$3" &&
	ip -n "$1" addr add "$2/24" dev veth0 &&
	ip -n "$1" link set veth0 up &&
	ip -n "$3" link set veth1 up &&
	mac=$(ip netns exec "$3" cat /sys/class/net/veth1/address) &&
	ip -n "$1" neigh replace "$4" lladdr "$mac" dev veth0 nud permanent
}

# peer_run NS ARGS...: tools/peer.py, a scripted SCTP peer, on veth1 of
# NS (see ns_peer) for 10.99.5.2:4000, in the background; its output in
# $PEER_OUT, its pid in $PEER_PID.
peer_run() {
	local ns=$1
	shift
	PEER_OUT=$(mktemp)
	ip netns exec "$ns" python3 -S "$SELFTEST_DIR/tools/peer.py" \
		"$(asctp_ipproto)" veth1 \
		10.99.5.2 4000 "$@" > "$PEER_OUT" &
	PEER_PID=$!
	wait_for 30 grep -q ready "$PEER_OUT"
}

# wait_for SECONDS CMD...: poll CMD every 50 ms until it succeeds
# (nap, below: sleep(1) would cost a TCG guest 0.5 s a try).
wait_for() {
	local deadline=$((SECONDS + $1))
	shift
	until "$@"; do
		[ $SECONDS -ge $deadline ] && return 1
		nap 0.05
	done
}

# alive PID: a child that has not exited yet (kill -0 also finds the
# zombie of one that has, until it is waited for).
alive() {
	local stat
	stat=$(cat "/proc/$1/stat" 2> /dev/null) || return 1
	stat=${stat##*) }
	[ "${stat%% *}" != Z ]
}

asctp_loaded() { [ -d /sys/module/asctp ]; }

asctp_ipproto() { cat /sys/module/asctp/parameters/ipproto; }

# mib NAME [NETNS]: one counter from /proc/net/asctp/snmp; without a
# process start when NETNS came from ns_new.
mib() {
	local f=/proc/net/asctp/snmp p k v
	if [ -n "${2:-}" ]; then
		if ! ns_proc "$2" p; then
			ip netns exec "$2" awk -v n="$1" '$1 == n { print $2 }' $f
			return
		fi
		f=$p/net/asctp/snmp
	fi
	while read -r k v; do
		[ "$k" = "$1" ] && { echo "$v"; return 0; }
	done < "$f"
}

# snmp VAR NETNS: NETNS's /proc/net/asctp/snmp in VAR, without a
# process start when NETNS came from ns_new.
snmp() {
	local __p __v
	if ns_proc "$2" __p; then
		readf __v "$__p/net/asctp/snmp"
		printf -v "$1" %s "${__v%$'\n'}"
	else
		printf -v "$1" %s "$(ip netns exec "$2" cat /proc/net/asctp/snmp)"
	fi
}

# The stack association tests run against: ASCTP_STACK=asctp (the
# default) or sctp, the kernel's own sctp.ko.
stack() { echo "${ASCTP_STACK:-asctp}"; }

# stack_ipproto: the IP protocol number its sockets are created with.
stack_ipproto() {
	if [ "$(stack)" = sctp ]; then echo 132; else asctp_ipproto; fi
}

# stack_loaded: the stack under test is there, in this namespace too.
stack_loaded() {
	case $(stack) in
	sctp) [ -r /proc/net/sctp/snmp ] ;;
	asctp) asctp_loaded && [ -r /proc/net/asctp/snmp ] ;;
	*) return 1 ;;
	esac
}

# stack_mibs [NETNS]: the counters of the stack under test, "NAME value"
# a line, by their RFC 3873 names without prefix: ActiveEstabs,
# PassiveEstabs, Shutdowns, Aborteds, OutOfBlues...  sctp.ko has them in
# /proc/net/sctp/snmp as Sctp<NAME>, asctp in /proc/net/asctp/snmp as
# Asctp<NAME> (its out-of-the-blue counter is AsctpInOutOfBlue).
stack_mibs() {
	local prefix=Asctp file=/proc/net/asctp/snmp ns=${1:-}
	[ "$(stack)" = sctp ] && prefix=Sctp file=/proc/net/sctp/snmp
	local prog='index($1, p) == 1 {
		n = substr($1, length(p) + 1)
		if (p == "Asctp" && n == "InOutOfBlue") n = "OutOfBlues"
		print n, $2
	}'
	local p
	if [ -n "$ns" ] && ns_proc "$ns" p; then
		awk -v p=$prefix "$prog" "$p${file#/proc}"
	elif [ -n "$ns" ]; then
		ip netns exec "$ns" awk -v p=$prefix "$prog" $file
	else
		awk -v p=$prefix "$prog" $file
	fi
}

# stack_mib NAME [NETNS]: one of them; empty when missing.
stack_mib() { stack_mibs "${2:-}" | awk -v n="$1" '$1 == n { print $2 }'; }

# objects: the sum of asctp's live object counters.
asctp_objects() {
	awk '{ s += $2 } END { print s + 0 }' /sys/kernel/debug/asctp/objects
}

# asctp_reload [PARAMS]: unload asctp if loaded, load it with PARAMS.
asctp_reload() {
	if asctp_loaded; then rmmod asctp || return 1; fi
	# shellcheck disable=SC2086
	insmod "$ASCTP_MODULE" "$@"
}

# sctp_load / sctp_unload: the kernel's own SCTP, from the test kernel.
# With md5, the digest of its default cookie HMAC: without it listen()
# fails with ENOSYS, as the kernel's own request for it runs modprobe
# without -d, which finds no modules for the test kernel in the VM.
sctp_load() { modprobe -d "$ASCTP_MODS" sctp && modprobe -d "$ASCTP_MODS" md5; }
sctp_unload() { modprobe -r -d "$ASCTP_MODS" sctp; }

SELFTEST_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# nap SECONDS: a pause without a process start (sleep(1) costs a TCG
# guest half a second): a read with a time-out from a FIFO nobody writes.
# listener7 NS: a one-to-one listener on 127.0.0.1:7 in NS for 30 s,
# up when this returns 0; its pid in LISTENER_PID.
listener7() {
	local out
	out=$(mktemp)
	ip netns exec "$1" python3 -S -c "
import socket, time
l = socket.socket(socket.AF_INET, socket.SOCK_STREAM, $(asctp_ipproto))
l.bind(('127.0.0.1', 7)); l.listen(1)
print('listening', flush=True)
time.sleep(30)" > "$out" &
	LISTENER_PID=$!
	wait_for 10 test -s "$out"
	local rc=$?
	rm -f "$out"
	return $rc
}

nap() {
	if [ -z "${__nap_fd:-}" ]; then
		local f
		f=$(mktemp -u)
		if ! mkfifo "$f" || ! exec {__nap_fd}<> "$f"; then
			sleep "$1"
			return 0
		fi
		rm -f "$f"
	fi
	read -r -t "$1" -u "$__nap_fd"
	return 0
}
nap 0	# its FIFO, once, in the test's own shell

# poll SECONDS CMD...: as wait_for, every 20 ms, without a process start
# between tries (call nap once first, outside any subshell).
poll() {
	local deadline=$((SECONDS + $1))
	shift
	until "$@"; do
		[ $SECONDS -ge $deadline ] && return 1
		nap 0.02
	done
}

# readf VAR FILE: FILE's contents in VAR ("" if unreadable), no fork.
readf() {
	printf -v "$1" %s ""
	IFS= read -r -d '' "$1" 2> /dev/null < "$2"
	return 0
}

# Two VMs (vm/run2.sh): VM A runs the test and VM B's vm/agent.sh runs
# commands for it through the directory they share, all without process
# starts in A (see nap).  remote_start VAR CMD: CMD in B, in the
# background in its own process group; its id in VAR.
__remote_next=1
remote_start() {
	local __id=$__remote_next S=${ASCTP_SHARED:?not under vm/run2.sh}
	__remote_next=$((__remote_next + 1))
	# one write; the agent takes it once its newline is there
	printf '%s\n' "$2" > "$S/cmd.$__id" || return 1
	printf -v "$1" %s "$__id"
}

# remote_done ID: the command has exited.
remote_done() { [ -s "$ASCTP_SHARED/rc.$1" ]; }

# remote_wait ID [SECONDS]: wait for it (default 60 s); its status, or
# 124 (and it is killed) when it outlives SECONDS.
remote_wait() {
	local rc
	if ! poll "${2:-60}" remote_done "$1"; then
		remote_kill "$1" KILL
		poll 5 remote_done "$1"
		return 124
	fi
	read -r rc < "$ASCTP_SHARED/rc.$1"
	return "${rc:-125}"
}

# remote_out ID: its output so far.
remote_out() {
	local o
	readf o "$ASCTP_SHARED/out.$1"
	printf %s "$o"
}

# remote_kill ID [SIGNAL]: signal its process group (TERM).
remote_kill() { echo "${2:-TERM}" >> "$ASCTP_SHARED/kill.$1"; }

# remote CMD [SECONDS]: CMD in B, waited for; its output on stdout.
remote() {
	local id rc
	remote_start id "$1" || return 1
	remote_wait "$id" "${2:-60}"
	rc=$?
	remote_out "$id"
	return $rc
}
