#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Interoperability with the kernel's own SCTP, checked packet by packet.
# Runs in VM A of vm/run2.sh (asctp on IP protocol 132) and drives VM B
# (sctp.ko on 132) through lib.sh's remote_*; the VMs are joined by two
# links, 10.1.1.0/24 (eth0) and 10.1.2.0/24 (eth1), .1 in A, .2 in B:
#
#   make interop    or    vm/run2.sh -- selftests/interop.sh
#
# Each case runs in both directions, asctp as client (A to B) and as
# server (B to A), except the INIT collisions, where both are both.
# Every byte received is checked (tools/mxfer, tools/interop.py,
# tools/abort_peer).  dumpcap captures both links in A for the whole
# run; at the end tools/capcheck.py reads the capture with tshark's
# SCTP dissector, CRC32c checked, and checks each case's association
# (its own server port): handshake and shutdown chunks in the RFC's
# order, no malformed packet, no bad checksum.  A case passes when both
# sides' checks and the capture's pass, so the TAP lines come at the end.
#
# ASCTP_SEED replays the transfers; netem's loss cannot be seeded here
# (iproute2 6.1): its parameters are printed.

. "$(dirname "$0")/lib.sh"
set -uo pipefail

TOOLS=$SELFTEST_DIR/tools
[ -d "$TOOLS" ] || TOOLS=$SELFTEST_DIR
MXFER=$TOOLS/mxfer
IOP="python3 $TOOLS/interop.py"
T0=$SECONDS
P=132
SEED=${ASCTP_SEED:-$RANDOM}
ADDR_A=10.1.1.1 ADDR_B=10.1.1.2
TMP=$(mktemp -d)
OUT=${ASCTP_RESULTS:-$TMP}
CAP=$TMP/interop.pcapng
NCASES=22

ksft_plan $NCASES
if [ "${ASCTP_NODE:-}" != a ] || [ -z "${ASCTP_SHARED:-}" ] ||
   [ "${ASCTP_LINKS:-0}" -lt 2 ]; then
	ksft_diag "not VM A of vm/run2.sh with two links: nothing to test"
	for i in $(seq $NCASES); do ksft_fail "run by vm/run2.sh"; done
	ksft_finish
fi
if ! asctp_loaded || [ "$(asctp_ipproto)" != $P ] ||
   ! remote 'grep -q "^SctpActiveEstabs" /proc/net/sctp/snmp' > /dev/null; then
	ksft_diag "asctp on $P in A and sctp.ko in B are needed"
	for i in $(seq $NCASES); do ksft_fail "stacks loaded"; done
	ksft_finish
fi

# Handles for commands on either side: "a:PID:FILE" here, "b:ID" in B.
# start SIDE VAR CMD: CMD in the background on SIDE (a or b).
__n=0
start() {
	local side=$1 var=$2 cmd=$3 id f
	if [ "$side" = b ]; then
		remote_start id "$cmd" || return 1
		printf -v "$var" %s "b:$id"
	else
		__n=$((__n + 1)) f=$TMP/out.$__n
		setsid bash -c "$cmd" > "$f" 2>&1 < /dev/null &
		printf -v "$var" %s "a:$!:$f"
	fi
}
h_out() {	# h_out H: the output so far
	case $1 in
	b:*) remote_out "${1#b:}" ;;
	a:*) cat "${1##*:}" ;;
	esac
}
h_has() { h_out "$1" | grep -q "$2"; }	# h_has H WORD
h_done() {	# h_done H: it has exited
	case $1 in
	b:*) remote_done "${1#b:}" ;;
	a:*) local p=${1#a:}; ! alive "${p%%:*}" ;;
	esac
}
h_kill() {	# h_kill H [SIGNAL]
	case $1 in
	b:*) remote_kill "${1#b:}" "${2:-TERM}" ;;
	a:*) local p=${1#a:}; kill "-${2:-TERM}" -- "-${p%%:*}" 2> /dev/null ;;
	esac
}
h_wait() {	# h_wait H SECONDS: its exit status, 124 when killed late
	local p rc
	case $1 in
	b:*) remote_wait "${1#b:}" "$2"; return ;;
	esac
	p=${1#a:} p=${p%%:*}
	if ! wait_for "$2" h_done "$1"; then
		kill -KILL -- "-$p" 2> /dev/null
		wait "$p" 2> /dev/null
		return 124
	fi
	wait "$p"
	rc=$?
	return $rc
}
other() { [ "$1" = a ] && echo b || echo a; }
addr() { [ "$1" = a ] && echo "$ADDR_A" || echo "$ADDR_B"; }
# on SIDE CMD: run CMD on SIDE and wait (30 s)
on() {
	if [ "$1" = a ]; then bash -c "$2"; else remote "$2" 30 > /dev/null; fi
}

# The capture: both links, in A, for the whole run.
start a DUMPCAP "dumpcap -q -B 32 -i eth0 -i eth1 -f 'ip proto 132 or icmp' -w $CAP"
if ! wait_for 60 test -s "$CAP"; then
	ksft_diag "dumpcap did not start: $(h_out "$DUMPCAP")"
fi

# The case list, as capcheck.py reads it ("PORT KIND CLIENT SERVER"),
# and each case's name and verdict.
CASES=$TMP/cases
names=() verdicts=() notes=()
port=6000

# begin NAME KIND CLIENT_SIDE: a new case on the next port ($port).
begin() {
	port=$((port + 1))
	names+=("$1")
	echo "$port $2 $(addr "$3") $(addr "$(other "$3")")" >> "$CASES"
	ksft_diag "case ${#names[@]} (port $port, at $((SECONDS - T0)) s): $1"
}
# verdict OK|FAIL NOTE
verdict() {
	verdicts+=("$1") notes+=("$2")
	[ "$1" = ok ] || ksft_diag "  FAIL: $2"
}

# pair CLIENT_SIDE READY SECONDS SERVER_CMD CLIENT_CMD [DURING]: the
# server on the other side, the client once the server's output says
# READY; DURING (a function) runs while they do.  Passes when both exit
# 0 within SECONDS; prints both sides' last lines.
pair() {
	local cs=$1 ready=$2 secs=$3 srv cli rs rc during=${6:-}
	start "$(other "$cs")" srv "$4" || return 1
	if ! wait_for 30 h_has "$srv" "$ready"; then
		h_kill "$srv" KILL
		ksft_diag "  server never ready: $(h_out "$srv" | tail -n 3)"
		return 1
	fi
	start "$cs" cli "$5"
	[ -n "$during" ] && $during "$cli" "$srv"
	h_wait "$cli" "$secs"
	rc=$?
	h_wait "$srv" 30
	rs=$?
	ksft_diag "  server ($(other "$cs"), exit $rs): $(h_out "$srv" | tail -n 2 | tr '\n' ' ')"
	ksft_diag "  client ($cs, exit $rc): $(h_out "$cli" | tail -n 2 | tr '\n' ' ')"
	[ $rc -eq 0 ] && [ $rs -eq 0 ]
}

dirname_of() { [ "$1" = a ] && echo "asctp client" || echo "asctp server"; }

# xfer NAME KIND CLIENT_SIDE SECONDS MXFER_ARGS...: one mxfer transfer,
# byte-exact at the server.
xfer() {
	local name=$1 kind=$2 cs=$3 secs=$4 s
	shift 4
	s=$(addr "$(other "$cs")")
	begin "$name, $(dirname_of "$cs")" "$kind" "$cs"
	if pair "$cs" listening "$secs" \
		"$MXFER server $P ${BIND:-$s} $port $SEED $*" \
		"$MXFER client $P $s $port $SEED $*" "${DURING:-}"; then
		verdict ok ""
	else
		verdict FAIL "transfer failed"
	fi
}

netem() {	# netem ARGS: the same qdisc on eth0 of both VMs ("" removes)
	local c="tc qdisc del dev eth0 root 2> /dev/null"
	[ -n "$1" ] && c="tc qdisc replace dev eth0 root netem $1"
	on a "$c" && on b "$c"
}

# abort_case CLIENT_SIDE ABORTER_SIDE: tools/abort_peer, one-to-one;
# the side that does not abort must see ECONNRESET.
abort_case() {
	local cs=$1 ab=$2 kind=abort-s sa="" ca="" s
	[ "$ab" = "$cs" ] && kind=abort-c
	[ "$ab" = "$cs" ] && ca=-a || sa=-a
	s=$(addr "$(other "$cs")")
	begin "ABORT from $([ "$ab" = a ] && echo asctp || echo sctp.ko), $(dirname_of "$cs")" \
		"$kind" "$cs"
	if pair "$cs" port 60 "$TOOLS/abort_peer -P $P $sa server $s $port" \
		"$TOOLS/abort_peer -P $P $ca client $s $port"; then
		verdict ok ""
	else
		verdict FAIL "no ECONNRESET"
	fi
}

# restart_case CLIENT_SIDE: the client's process dies with its link
# blocked (its ABORT lost), then a new one connects from the same port:
# the server's association restarts (RFC 9260 5.2.4), SCTP_RESTART.
restart_case() {
	local cs=$1 s srv c1 c2 rc=1 cport=$((port + 1001))
	s=$(addr "$(other "$cs")")
	begin "peer restart (5.2.4) from the same ports, $(dirname_of "$cs")" restart "$cs"
	start "$(other "$cs")" srv "$IOP restart server $P $s $port" &&
	wait_for 30 h_has "$srv" listening &&
	start "$cs" c1 "$IOP restart client1 $P $s $port $(addr "$cs") $cport" &&
	wait_for 30 h_has "$srv" "got 1" &&
	on "$cs" "tc qdisc replace dev eth0 root netem loss 100%" &&
	h_kill "$c1" KILL && { h_wait "$c1" 10; true; } &&
	on "$cs" "tc qdisc del dev eth0 root" &&
	start "$cs" c2 "$IOP restart client2 $P $s $port $(addr "$cs") $cport" &&
	h_wait "$c2" 15 && h_wait "$srv" 30 && rc=0
	[ -n "${c2:-}" ] && h_kill "$c2" KILL
	h_kill "$srv" KILL
	ksft_diag "  server: $(h_out "$srv" | tr '\n' ' ')"
	ksft_diag "  client2: $(h_out "${c2:-$c1}" | tr '\n' ' ')"
	on "$cs" "tc qdisc del dev eth0 root 2> /dev/null; true"
	if [ $rc -eq 0 ]; then verdict ok ""; else verdict FAIL "restart"; fi
}

# collide_case TYPE: both sides connect to each other at once, their
# INITs crossing (300 ms of netem delay each way keeps them in flight).
collide_case() {
	local type=$1 x y go rx=1 ry=1
	go=$ASCTP_SHARED/go.$((port + 1))
	begin "INIT collision (5.2.1), $type" collide a
	netem "delay 300ms"
	start a x "$IOP collide $type $P $ADDR_A $ADDR_B $port $go" &&
	start b y "$IOP collide $type $P $ADDR_B $ADDR_A $port $go" &&
	wait_for 30 h_has "$x" ready && wait_for 30 h_has "$y" ready &&
	touch "$go"
	h_wait "$x" 60
	rx=$?
	h_wait "$y" 60
	ry=$?
	ksft_diag "  A (exit $rx): $(h_out "$x" | tr '\n' ' ')"
	ksft_diag "  B (exit $ry): $(h_out "$y" | tr '\n' ' ')"
	netem ""
	if [ $rx -eq 0 ] && [ $ry -eq 0 ]; then
		verdict ok ""
	else
		verdict FAIL "collision"
	fi
}

# cut_link1: once link 1 (A's eth0) has carried 1 MiB more, cut it:
# eth0 down in A (no route there; what B sends on it is lost).
link1_bytes() {
	local rx tx
	read -r rx < /sys/class/net/eth0/statistics/rx_bytes
	read -r tx < /sys/class/net/eth0/statistics/tx_bytes
	echo $((rx + tx))
}
link1_past() { [ "$(link1_bytes)" -gt "$1" ]; }
cut_link1() {
	local base
	base=$(($(link1_bytes) + (1 << 20)))
	wait_for 60 link1_past $base || return
	ip link set eth0 down
	ksft_diag "  link 1 cut at $((SECONDS - T0)) s (eth0 down in A)"
}

MANY=(--streams 16 --max-msg 64K --unordered 30 --bytes 512K)
# Seed 1 makes message 2 of these exactly 4 MiB (of 9 messages)
FRAG=(--type stream --streams 2 --max-msg 4M --bytes 5M --unordered 50)
LOSS=(--type stream --streams 8 --max-msg 256K --bytes 1M)
LOSS_NETEM="loss 2%"
ksft_diag "mxfer seed $SEED (ASCTP_SEED), 1 for the fragmented case"
for cs in a b; do
	xfer "SOCK_STREAM handshake, 16 streams ordered and unordered" \
		graceful $cs 120 --type stream "${MANY[@]}"
	xfer "SOCK_SEQPACKET handshake, 16 streams ordered and unordered" \
		graceful $cs 120 --type seqpacket "${MANY[@]}"
	SEED=1 xfer "fragmented messages up to 4 MiB" graceful $cs 240 "${FRAG[@]}"
	ksft_diag "netem on eth0 of both: $LOSS_NETEM (netem's PRNG is not seeded)"
	netem "$LOSS_NETEM"
	xfer "bulk 1 MiB with netem $LOSS_NETEM both ways" loss $cs 240 "${LOSS[@]}"
	netem ""
	abort_case $cs a
	abort_case $cs b
	begin "heartbeats both ways on an idle association, $(dirname_of "$cs")" hb $cs
	if pair $cs listening 60 "$IOP hb server $P $(addr "$(other $cs)") $port 2" \
		"$IOP hb client $P $(addr "$(other $cs)") $port 2"; then
		verdict ok ""
	else
		verdict FAIL "heartbeat exchange"
	fi
	restart_case $cs
	DURING=cut_link1 BIND=0.0.0.0 xfer "multi-homed, link 1 cut mid-transfer" \
		multihome $cs 240 --type stream --streams 4 --max-msg 64K --bytes 3M --rto 500
	ip link set eth0 up
done
collide_case stream
collide_case seqpacket

# Per-case results, then the capture's verdict.
h_kill "$DUMPCAP" INT
h_wait "$DUMPCAP" 30
ksft_diag "dumpcap: $(h_out "$DUMPCAP" | tr '\n' ' ')"
cp "$CAP" "$OUT/" 2> /dev/null
s=$SECONDS
python3 "$TOOLS/capcheck.py" "$CAP" "$CASES" > "$TMP/capcheck" 2>&1
ksft_diag "capcheck.py: $((SECONDS - s)) s: $(tail -n 1 "$TMP/capcheck")"
for i in "${!names[@]}"; do
	p=$((6001 + i))
	c=$(grep "^$p " "$TMP/capcheck")
	if [ "${verdicts[i]}" = ok ] && [ "${c#"$p" ok}" != "$c" ]; then
		ksft_pass "${names[i]}"
	else
		ksft_diag "${names[i]}: ${notes[i]} capture: ${c#"$p" }"
		ksft_fail "${names[i]}"
	fi
done
if grep -q "^all .* 0 malformed, 0 bad checksums$" "$TMP/capcheck"; then
	ksft_pass "capture: every packet decodes, CRC32c good, none outside a case"
else
	ksft_fail "capture: every packet decodes, CRC32c good, none outside a case"
fi
capself() { python3 "$TOOLS/capcheck.py" --selftest "$TMP/selftest" > /dev/null; }
ksft_check "capcheck.py rejects a bad checksum, a malformed chunk, chunks out of order" capself
ksft_diag "interop.sh: $((SECONDS - T0)) s"
rm -rf "$TMP"
ksft_finish
