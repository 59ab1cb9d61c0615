#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Faults and what asctp shows of its state (issue 7):
#  - /proc/net/asctp/eps and assocs list exactly the sockets and
#    associations a program made (tools/proclist.py), then nothing;
#  - $ASCTP_ASSOCS (1000) associations on loopback: listed, rmmod
#    refused while they live, then their owner dies and the kernel
#    closes every socket, gracefully or with SO_LINGER {1, 0}; each end
#    counted once, nothing left, rmmod and insmod work;
#  - a peer that vanishes mid-transfer: every message either arrived,
#    checked, or came back in an SCTP_SEND_FAILED_EVENT (or both: its
#    SACK lost with the link);
#  - allocations failing on the receive and send paths (the kernel's
#    fault injection, /sys/kernel/debug/asctp/fail_alloc): a transfer
#    still arrives whole, each drop counted.
# Expects asctp loaded (by the VM runner) and leaves it loaded.

. "$(dirname "$0")/lib.sh"
set -u

N=${ASCTP_ASSOCS:-1000}
P=$(asctp_ipproto)
TOOLS=$SELFTEST_DIR/tools
MXFER=$TOOLS/mxfer
FAIL=/sys/kernel/debug/asctp/fail_alloc
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

ksft_plan 6

proc_listing() {
	local ns out
	ns_new ns || return 1
	out=$(ip netns exec "$ns" timeout 60 python3 -S "$TOOLS/proclist.py" "$P")
	ksft_diag "$(echo "$out" | tr '\n' ';')"
	[ "$(echo "$out" | tail -n 1)" = ok ]
}
ksft_check "/proc/net/asctp/eps and assocs list the sockets and associations, then nothing" \
	proc_listing

# assocs_in NS STATE: how many associations NS lists in STATE.
assocs_in() {
	ip netns exec "$1" awk -v st="$2" 'NR > 1 && $6 == st { n++ } END { print n + 0 }' \
		/proc/net/asctp/assocs
}

objects_zero() { [ "$(asctp_objects)" = 0 ]; }

# assocs_up NS COUNT: NS lists COUNT associations ESTABLISHED.
assocs_up() { [ "$(assocs_in "$1" 3)" = "$2" ]; }

# assocs_none NS: NS lists no association, in any state.
assocs_none() {
	[ "$(ip netns exec "$1" awk 'END { print NR }' /proc/net/asctp/assocs)" -le 1 ] &&
	[ "$(wc -l < /proc/net/asctp/assocs)" -le 1 ]
}

# many [--abort]: $N associations; rmmod refused while they live; the
# owner killed; then each end counted once (Shutdowns or Aborteds).
many() {
	local ns fifo=$TMP/fifo pid out t0 rc=0 want
	ns_new ns || return 1
	mkfifo "$fifo"
	ip netns exec "$ns" timeout 600 python3 -S "$TOOLS/many.py" "$P" "$N" "$@" \
		< "$fifo" > "$TMP/many.out" 2>&1 &
	pid=$!
	exec {w}> "$fifo"
	t0=$SECONDS
	wait_for 300 grep -q ready "$TMP/many.out" || { ksft_diag "not ready"; rc=1; }
	wait_for 60 assocs_up "$ns" $((2 * N)) || rc=1
	ksft_diag "$N associations up in $((SECONDS - t0)) s;" \
		"/proc/net/asctp/assocs lists $(assocs_in "$ns" 3) ESTABLISHED"
	out=$(rmmod asctp 2>&1) && { ksft_diag "rmmod succeeded"; rc=1; }
	ksft_diag "rmmod while they live: $out"
	asctp_loaded || { insmod "$ASCTP_MODULE"; return 1; }
	t0=$SECONDS
	echo go >&$w
	exec {w}>&-
	wait $pid || { ksft_diag "many.py: $(cat "$TMP/many.out")"; rc=1; }
	wait_for 120 assocs_none "$ns" || rc=1
	wait_for 60 objects_zero || rc=1
	ksft_diag "all closed in $((SECONDS - t0)) s; live objects $(asctp_objects)"
	want="ActiveEstabs=$N PassiveEstabs=$N Shutdowns=$((2 * N)) Aborteds=0"
	[ "${1:-}" = --abort ] &&
		want="ActiveEstabs=$N PassiveEstabs=$N Shutdowns=0 Aborteds=$((2 * N))"
	out="ActiveEstabs=$(mib AsctpActiveEstabs "$ns") PassiveEstabs=$(mib AsctpPassiveEstabs "$ns")"
	out+=" Shutdowns=$(mib AsctpShutdowns "$ns") Aborteds=$(mib AsctpAborteds "$ns")"
	ksft_diag "counters: $out"
	[ "$out" = "$want" ] || { ksft_diag "want $want"; rc=1; }
	rm -f "$fifo"
	[ $rc -eq 0 ] && asctp_reload
}
ksft_check "$N associations: listed, rmmod refused, owner killed: $((2 * N)) SHUTDOWNs, none left" \
	many
ksft_check "$N associations, SO_LINGER {1, 0}: owner killed: $((2 * N)) ABORTs, none left" \
	many --abort

# The server reads 20 messages, then its link goes and it is killed.
vanish() {
	local a b srv out rc=0 got sent first t3
	ns_new a && ns_new b && ns_veth "$a" 10.99.8.1 "$b" 10.99.8.2 || return 1
	ip netns exec "$b" timeout 60 python3 -S "$TOOLS/vanish.py" server "$P" 10.99.8.2 5000 \
		> "$TMP/srv" 2>&1 &
	srv=$!
	wait_for 20 grep -q listening "$TMP/srv" || rc=1
	ip netns exec "$a" timeout 60 python3 -S "$TOOLS/vanish.py" client "$P" 10.99.8.2 5000 \
		5000 > "$TMP/cli" 2>&1 &
	local cli=$!
	wait_for 30 grep -qx "got 20" "$TMP/srv" || rc=1
	ip -n "$b" link set veth1 down
	wait $cli || rc=1
	# the server itself, not only timeout(1) above it
	pkill -9 -P $srv
	kill -9 $srv 2> /dev/null
	wait $srv 2> /dev/null
	grep -q MISMATCH "$TMP/srv" && rc=1
	got=$(grep -c "^got" "$TMP/srv")
	out=$(cat "$TMP/cli")
	read -r _ sent _ _ _ first _ <<< "$out"
	t3=$(mib AsctpT3Expireds "$a")
	ksft_diag "client: $out; server got $got; client T3-rtx expiries $t3"
	[ "${out##* }" = COMM_LOST ] && [ "$first" -le "$got" ] && [ "$got" -le "$sent" ] &&
		! grep -q "FAILED SET" "$TMP/cli" || rc=1
	# both sides' associations are gone within their retransmission
	# limits (server: its link is down, it cannot even send an ABORT)
	if ! wait_for 30 assocs_none "$a" || ! wait_for 30 assocs_none "$b"; then
		ksft_diag "left: $(ip netns exec "$a" cat /proc/net/asctp/assocs |
			tr '\n' ';') $(ip netns exec "$b" cat /proc/net/asctp/assocs | tr '\n' ';')"
		rc=1
	fi
	return $rc
}
ksft_check "peer vanishes mid-transfer: each message arrived or came back as SEND_FAILED" \
	vanish

# fault_run PROBABILITY TIMES: a 4 MiB transfer over veth while asctp's
# allocations fail with PROBABILITY percent, at most TIMES times.
fault_run() {
	local a b srv cli rc=0 in out left
	ns_new a && ns_new b && ns_veth "$a" 10.99.8.1 "$b" 10.99.8.2 || return 1
	ip netns exec "$b" timeout 300 "$MXFER" server "$P" 0.0.0.0 4000 7 --bytes 4M \
		--max-msg 64K > "$TMP/srv" 2>&1 &
	srv=$!
	wait_for 30 grep -q listening "$TMP/srv" || rc=1
	ip netns exec "$a" timeout 300 "$MXFER" client "$P" 10.99.8.2 4000 7 --bytes 4M \
		--max-msg 64K --rto 200 > "$TMP/cli" 2>&1 &
	cli=$!
	# once the association is up: the data path only
	wait_for 20 assocs_up "$a" 1 || { ksft_diag "association not up"; rc=1; }
	echo 0 > $FAIL/verbose && echo 1 > $FAIL/interval && echo "$2" > $FAIL/times &&
	echo "$1" > $FAIL/probability || rc=1
	wait $cli || rc=1
	wait $srv || rc=1
	left=$(cat $FAIL/times)
	echo 0 > $FAIL/probability
	in=$(($(mib AsctpInNoMem "$a") + $(mib AsctpInNoMem "$b")))
	out=$(($(mib AsctpOutNoMem "$a") + $(mib AsctpOutNoMem "$b")))
	ksft_diag "mxfer seed 7, 4 MiB; fail_alloc probability $1% times $2: $((${2} - left)) failed"
	ksft_diag "client: $(tr '\n' ' ' < "$TMP/cli")"
	ksft_diag "server: $(grep -v listening "$TMP/srv" | tr '\n' ' ')"
	ksft_diag "AsctpInNoMem $in, AsctpOutNoMem $out; client's counters:" \
		"$(ip netns exec "$a" awk '$2 != 0 { printf "%s=%s ", $1, $2 }' /proc/net/asctp/snmp)"
	grep -q " ok$" "$TMP/srv" && [ "$left" = 0 ] && [ "$in" -gt 0 ] && [ "$out" -gt 0 ] ||
		rc=1
	return $rc
}

faults() {
	[ -d $FAIL ] || { ksft_diag "no $FAIL (CONFIG_FAULT_INJECTION_DEBUG_FS)"; return 1; }
	fault_run 5 200
}
ksft_check "allocations failing on the receive and send paths: 4 MiB arrive whole, drops counted" \
	faults

ksft_check "object counters back to zero" wait_for 30 objects_zero

ksft_finish
