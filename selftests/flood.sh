#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# An INIT flood (RFC 9260 5.1.3: no state before a valid COOKIE ECHO).
# tools/initflood sends $ASCTP_FLOOD_INITS INITs (make check: 20,000;
# make stress: 1,000,000) from spoofed sources in 10.200.0.0/16 at a
# listening endpoint (tools/echo.py, one-to-many) across a veth pair;
# their INIT ACKs are routed back to the flooder's namespace, which
# drops them.  While it runs, a legitimate client sets up an association
# with the same endpoint and has 50 messages echoed, every byte checked.
# The case prints slab memory (/proc/meminfo) before, at its highest
# during, and after the flood, and checks that:
#  - asctp holds no association but the legitimate one's two ends;
#  - slab memory grew by less than 16 MiB + 16 bytes per INIT at any
#    time and is back within 8 MiB after.  An association costs
#    kilobytes (20,000 of them: some 50 MB); the 16 MiB are for packets
#    queued, kmemleak's metadata and RCU (2.6 to 5 MB measured at
#    20,000 INITs), so it is make stress's 1,000,000 that shows growth
#    per INIT down to tens of bytes;
#  - the flooded endpoint received at least half of the INITs (the rest
#    may fall to the veth backlog) and answered each it received, but
#    those that met its socket's backlog full (AsctpInBacklogFull).

. "$(dirname "$0")/lib.sh"
set -u

N=${ASCTP_FLOOD_INITS:-20000}
SEED=${ASCTP_FLOOD_SEED:-$RANDOM}
P=$(asctp_ipproto)
TOOLS=$SELFTEST_DIR/tools
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

ksft_plan 1

slab_kb() { awk '$1 == "Slab:" { print $2 }' /proc/meminfo; }
live_assocs() { awk '$1 == "assoc" { print $2 }' /sys/kernel/debug/asctp/objects; }
no_assocs() { [ "$(live_assocs)" = 0 ]; }

flood() {
	local s g fl srv cli bl rc=0 before max after a amax=0 t0 in out grew during=no
	ns_new s && ns_new g && ns_veth "$s" 10.99.9.2 "$g" 10.99.9.1 &&
	ip -n "$s" route add 10.200.0.0/16 via 10.99.9.1 || return 1
	ip netns exec "$s" python3 -S "$TOOLS/echo.py" server "$P" 0.0.0.0 4000 \
		> "$TMP/srv" 2>&1 &
	srv=$!
	wait_for 30 grep -q listening "$TMP/srv" || rc=1
	in=$(mib AsctpInPkts "$s") out=$(mib AsctpOutPkts "$s")
	before=$(slab_kb) max=$before
	t0=$SECONDS
	ip netns exec "$g" timeout 3000 "$TOOLS/initflood" "$P" 10.99.9.2 4000 "$N" "$SEED" \
		> "$TMP/flood" 2>&1 &
	fl=$!
	wait_for 30 grep -q flooding "$TMP/flood" || rc=1
	ip netns exec "$g" timeout 300 python3 -S "$TOOLS/echo.py" client "$P" 10.99.9.2 4000 \
		50 "$SEED" > "$TMP/cli" 2>&1 &
	cli=$!
	while alive $fl; do
		a=$(slab_kb)
		[ "$a" -gt "$max" ] && max=$a
		a=$(live_assocs)
		[ "$a" -gt "$amax" ] && amax=$a
		grep -q "^echoed" "$TMP/cli" && during=yes
		nap 0.5
	done
	wait $fl || rc=1
	wait $cli || rc=1
	if [ $rc -ne 0 ]; then
		ksft_diag "server side: $(ip netns exec "$s" cat /proc/net/asctp/assocs | tr '\n\t' '; ')"
		ksft_diag "client side: $(ip netns exec "$g" cat /proc/net/asctp/assocs | tr '\n\t' '; ')"
	fi
	kill $srv
	wait $srv 2> /dev/null
	wait_for 30 no_assocs || rc=1
	after=$(slab_kb)
	in=$(($(mib AsctpInPkts "$s") - in)) out=$(($(mib AsctpOutPkts "$s") - out))
	grew=$((max - before))
	ksft_diag "seed $SEED: $(tr '\n' ' ' < "$TMP/flood")($((SECONDS - t0)) s in all)"
	ksft_diag "legitimate client, flood still on when it was done: $during;" \
		"$(tr '\n' ' ' < "$TMP/cli")"
	ksft_diag "slab before $before kB, highest during $max kB" \
		"($((grew * 1024 / N)) B per INIT), after $after kB;" \
		"associations at most $amax (the client's two ends)"
	ksft_diag "the endpoint received $in packets, sent $out"
	ksft_diag "drops: $(ip netns exec "$s" awk '$1 ~ /^AsctpIn(Bad|Short|NoMem|Backlog|OutOfBlue)/ && $2 { printf "%s=%s ", $1, $2 }' /proc/net/asctp/snmp)"
	grep -q "^echoed" "$TMP/cli" && [ $during = yes ] || rc=1
	[ "$amax" -le 2 ] || rc=1
	# no per-INIT state: queued packets, kmemleak's metadata and RCU
	# make megabytes of noise (2.6 to 5 MB measured at 20,000 INITs)
	[ "$grew" -lt $((16384 + 16 * N / 1024)) ] && [ $((after - before)) -lt 8192 ] || rc=1
	# each INIT answered, but those that found the listener busy with
	# its user and its backlog full (counted)
	bl=$(mib AsctpInBacklogFull "$s")
	[ "$in" -ge $((N / 2)) ] && [ $((out + bl)) -ge $((in - 100)) ] || rc=1
	return $rc
}
ksft_check "$N spoofed INITs: no state kept, slab flat, a real client gets through" flood

ksft_finish
