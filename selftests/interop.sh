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
NCASES=6

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
		"$MXFER server $P $s $port $SEED $*" \
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

MANY=(--streams 16 --max-msg 64K --unordered 30 --bytes 1M)
for cs in a b; do
	xfer "SOCK_STREAM handshake, 16 streams ordered and unordered" \
		graceful $cs 120 --type stream "${MANY[@]}"
	xfer "SOCK_SEQPACKET handshake, 16 streams ordered and unordered" \
		graceful $cs 120 --type seqpacket "${MANY[@]}"
done

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
