#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Interoperability with the kernel's own SCTP, checked packet by packet.
#
#   make interop    or    selftests/interop.sh [-o resultsdir] [-t timeout]
#
# On the host, this starts vm/run2.sh (VM A: asctp on IP protocol 132;
# VM B: sctp.ko on 132) with itself as VM A's command, then checks VM
# A's capture with tools/capcheck.py (tshark) and prints the TAP lines:
# tshark is ten times faster here than in a TCG guest.  The VMs are
# joined by two links, 10.1.1.0/24 (eth0) and 10.1.2.0/24 (eth1), .1 in
# A, .2 in B; A drives B through lib.sh's remote_*.  Link 1 also has
# fd00:1:1::1 and ::2, for the IPv6 case.
#
# SCTP over UDP (RFC 6951): net.asctp.udp_port and net.sctp.udp_port,
# and the encap_port of each, 9899 for one case each way; the capture
# takes UDP port 9899 too, which tshark decodes as SCTP.
#
# In VM A, each case runs in both directions, asctp as client (A to B)
# and as server (B to A), except the INIT collisions, where both are
# both.  Every byte received is checked (tools/mxfer, tools/interop.py,
# tools/abort_peer).  dumpcap captures both links in A, whole frames,
# for the whole run; A leaves the capture, the case list and each
# case's verdict in its results directory.  capcheck.py then reads the
# capture with tshark's SCTP dissector, CRC32c checked on every frame,
# and checks each case's association (its own server port): handshake
# and shutdown chunks in the RFC's order, no malformed packet, no bad
# checksum.  A case passes when both sides' programs and the capture
# pass.
#
# A's loop starts no process but the tests' own (a process start costs
# a TCG guest half a second): no sleep(1), no cat, no $(...) in a loop.
#
# ASCTP_SEED replays the transfers; netem's loss cannot be seeded here
# (iproute2 6.1): its parameters are printed.

. "$(dirname "$0")/lib.sh"
set -uo pipefail

NCASES=26
SELF=$SELFTEST_DIR/interop.sh

# The host: both VMs, then the capture check and the verdicts.
if [ "${ASCTP_NODE:-}" != a ]; then
	out=build/interop timeout=900
	while getopts "o:t:" opt; do
		case $opt in
		o) out=$OPTARG ;;
		t) timeout=$OPTARG ;;
		*) exit 2 ;;
		esac
	done
	t0=$SECONDS
	ksft_plan $((NCASES + 3))
	"$SELFTEST_DIR/vm/run2.sh" -o "$out" -t "$timeout" -- "$SELF"
	vms=$?
	A=$out/a
	s=$SECONDS
	if [ -s "$A/interop.pcapng" ] && [ -s "$A/interop.cases" ]; then
		python3 -S "$SELFTEST_DIR/tools/capcheck.py" "$A/interop.pcapng" \
			"$A/interop.cases" > "$out/capcheck" 2>&1
	else
		echo "all: FAIL: no capture or case list from VM A" > "$out/capcheck"
	fi
	ksft_diag "capcheck.py (on the host): $((SECONDS - s)) s: $(tail -n 1 "$out/capcheck")"
	declare -A verdict=() note=() cname=()
	while IFS=$'\t' read -r p v n why; do
		verdict[$p]=$v cname[$p]=$n note[$p]=$why
	done < "$A/interop.verdicts" 2> /dev/null
	for i in $(seq $NCASES); do
		p=$((6000 + i))
		c=$(grep "^$p " "$out/capcheck")
		n=${cname[$p]:-case $i (port $p): no verdict from VM A}
		if [ "${verdict[$p]:-}" = ok ] && [ "${c#"$p" ok}" != "$c" ]; then
			ksft_pass "$n"
		else
			ksft_diag "$n: ${note[$p]:-} capture: ${c#"$p" }"
			ksft_fail "$n"
		fi
	done
	name="capture: every frame decodes, CRC32c good, none outside a case"
	if grep -q "^all .* 0 malformed, 0 bad checksums$" "$out/capcheck"; then
		ksft_pass "$name"
	else
		ksft_fail "$name"
	fi
	# shellcheck disable=SC2317 # called by ksft_check
	capself() {
		python3 -S "$SELFTEST_DIR/tools/capcheck.py" --selftest "$out/selftest" > /dev/null
	}
	ksft_check "capcheck.py rejects a bad checksum, a malformed chunk, chunks out of order" capself
	[ $vms -eq 0 ] || ksft_diag "vm/run2.sh exited $vms"
	ksft_check "both VMs clean (no splat, no leak, rmmod ok)" [ $vms -eq 0 ]
	ksft_diag "interop.sh: $((SECONDS - t0)) s in all"
	ksft_finish
fi

# VM A.  Only "# " lines on stdout: the TAP lines are the host's.
TOOLS=$SELFTEST_DIR/tools
MXFER=$TOOLS/mxfer
IOP="python3 -S $TOOLS/interop.py"
T0=$SECONDS
P=132
SEED=${ASCTP_SEED:-$RANDOM}
declare -A ADDR=([a]=10.1.1.1 [b]=10.1.1.2) OTHER=([a]=b [b]=a)
declare -A ROLE=([a]="asctp client" [b]="asctp server")
TMP=$(mktemp -d)
OUT=${ASCTP_RESULTS:?no results directory}
CAP=$TMP/interop.pcapng
CASES=$OUT/interop.cases VERDICTS=$OUT/interop.verdicts
: > "$CASES"
: > "$VERDICTS"
nap 0		# its FIFO, here and not in a subshell

if [ -z "${ASCTP_SHARED:-}" ] || [ "${ASCTP_LINKS:-0}" -lt 2 ]; then
	ksft_diag "not VM A of vm/run2.sh with two links: nothing to test"
	exit 1
fi
if ! asctp_loaded || [ "$(asctp_ipproto)" != $P ] ||
   ! remote 'grep -q "^SctpActiveEstabs" /proc/net/sctp/snmp' > /dev/null; then
	ksft_diag "asctp on $P in A and sctp.ko in B are needed"
	exit 1
fi

# Handles for commands on either side: "a:PID:FILE" here, "b:ID" in B.
# start SIDE VAR CMD: CMD in the background on SIDE (a or b), in its
# own process group.
__n=0
start() {
	local side=$1 var=$2 cmd=$3 id f
	if [ "$side" = b ]; then
		remote_start id "$cmd" || return 1
		printf -v "$var" %s "b:$id"
	else
		__n=$((__n + 1)) f=$TMP/out.$__n
		set -m
		( eval "$cmd" ) > "$f" 2>&1 < /dev/null &
		set +m
		printf -v "$var" %s "a:$!:$f"
	fi
}
h_file() {	# h_file H VAR: the file its output goes to
	case $1 in
	b:*) printf -v "$2" %s "$ASCTP_SHARED/out.${1#b:}" ;;
	a:*) printf -v "$2" %s "${1##*:}" ;;
	esac
}
h_has() {	# h_has H WORD
	local f o
	h_file "$1" f
	readf o "$f"
	[[ $o == *"$2"* ]]
}
h_tail() {	# h_tail H N VAR: its last N lines, on one line, in VAR
	local f lines n
	h_file "$1" f
	mapfile -t lines 2> /dev/null < "$f"
	n=$((${#lines[@]} - $2))
	[ $n -ge 0 ] || n=0
	lines=("${lines[@]:n}")
	printf -v "$3" %s "${lines[*]}"
}
alive() {	# alive PID: not exited yet (no fork, unlike lib.sh's)
	local st
	read -r st 2> /dev/null < "/proc/$1/stat" || return 1
	st=${st##*) }
	[ "${st%% *}" != Z ]
}
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
	local p
	case $1 in
	b:*) remote_wait "${1#b:}" "$2"; return ;;
	esac
	p=${1#a:} p=${p%%:*}
	if ! poll "$2" h_done "$1"; then
		kill -KILL -- "-$p" 2> /dev/null
		wait "$p" 2> /dev/null
		return 124
	fi
	wait "$p"
}
# on SIDE CMD: run CMD on SIDE and wait (30 s)
on() {
	if [ "$1" = a ]; then (eval "$2"); else remote "$2" 30 > /dev/null; fi
}

# The capture: both links, in A, for the whole run, whole frames.
start a DUMPCAP "dumpcap -q -B 32 -i eth0 -i eth1 -f 'ip proto 132 or icmp or udp port 9899 or ip6 proto 132' -w $CAP"
if ! poll 60 test -s "$CAP"; then
	h_tail "$DUMPCAP" 3 t
	ksft_diag "dumpcap did not start: $t"
fi

# The case list, as capcheck.py reads it ("PORT KIND CLIENT SERVER"),
# and each case's verdict ("PORT<tab>ok|FAIL<tab>NAME<tab>NOTE").
port=6000 name=

# begin NAME KIND CLIENT_SIDE: a new case on the next port ($port).
begin() {
	port=$((port + 1)) name=$1
	echo "$port $2 ${ADDR[$3]} ${ADDR[${OTHER[$3]}]}" >> "$CASES"
	ksft_diag "case $((port - 6000)) (port $port, at $((SECONDS - T0)) s): $1"
}
# verdict ok|FAIL NOTE
verdict() {
	printf '%s\t%s\t%s\t%s\n' "$port" "$1" "$name" "$2" >> "$VERDICTS"
	[ "$1" = ok ] || ksft_diag "  FAIL: $2"
}

# pair CLIENT_SIDE READY SECONDS SERVER_CMD CLIENT_CMD [DURING]: the
# server on the other side, the client once the server's output says
# READY; DURING (a function) runs while they do.  Passes when both exit
# 0 within SECONDS; prints both sides' last lines.
pair() {
	local cs=$1 ready=$2 secs=$3 srv cli rs rc during=${6:-} t
	start "${OTHER[$cs]}" srv "$4" || return 1
	if ! poll 30 h_has "$srv" "$ready"; then
		h_kill "$srv" KILL
		h_tail "$srv" 3 t
		ksft_diag "  server never ready: $t"
		return 1
	fi
	start "$cs" cli "$5"
	[ -n "$during" ] && $during "$cli" "$srv"
	h_wait "$cli" "$secs"
	rc=$?
	h_wait "$srv" 30
	rs=$?
	h_tail "$srv" 2 t
	ksft_diag "  server (${OTHER[$cs]}, exit $rs): $t"
	h_tail "$cli" 2 t
	ksft_diag "  client ($cs, exit $rc): $t"
	[ $rc -eq 0 ] && [ $rs -eq 0 ]
}

# xfer NAME KIND CLIENT_SIDE SECONDS MXFER_ARGS...: one mxfer transfer,
# byte-exact at the server.
xfer() {
	local name=$1 kind=$2 cs=$3 secs=$4 s
	shift 4
	s=${ADDR[${OTHER[$cs]}]}
	begin "$name, ${ROLE[$cs]}" "$kind" "$cs"
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

encap() {	# encap PORT: SCTP over UDP (RFC 6951) on PORT both sides; 0: off
	on a "sysctl -qw net.asctp.udp_port=$1 net.asctp.encap_port=$1" &&
	on b "sysctl -qw net.sctp.udp_port=$1 net.sctp.encap_port=$1"
}

# abort_case CLIENT_SIDE ABORTER_SIDE: tools/abort_peer, one-to-one;
# the side that does not abort must see ECONNRESET.
abort_case() {
	local cs=$1 ab=$2 kind=abort-s sa="" ca="" s who=sctp.ko
	[ "$ab" = "$cs" ] && kind=abort-c
	[ "$ab" = "$cs" ] && ca=-a || sa=-a
	[ "$ab" = a ] && who=asctp
	s=${ADDR[${OTHER[$cs]}]}
	begin "ABORT from $who, ${ROLE[$cs]}" "$kind" "$cs"
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
	local cs=$1 s srv c1 c2 rc=1 cport=$((port + 1001)) t
	s=${ADDR[${OTHER[$cs]}]}
	begin "peer restart (5.2.4) from the same ports, ${ROLE[$cs]}" restart "$cs"
	start "${OTHER[$cs]}" srv "$IOP restart server $P $s $port" &&
	poll 30 h_has "$srv" listening &&
	start "$cs" c1 "$IOP restart client1 $P $s $port ${ADDR[$cs]} $cport" &&
	poll 30 h_has "$srv" "got 1" &&
	on "$cs" "tc qdisc replace dev eth0 root netem loss 100%" &&
	h_kill "$c1" KILL && { h_wait "$c1" 10; true; } &&
	on "$cs" "tc qdisc del dev eth0 root" &&
	start "$cs" c2 "$IOP restart client2 $P $s $port ${ADDR[$cs]} $cport" &&
	h_wait "$c2" 15 && h_wait "$srv" 30 && rc=0
	[ -n "${c2:-}" ] && h_kill "$c2" KILL
	h_kill "$srv" KILL
	h_tail "$srv" 20 t
	ksft_diag "  server: $t"
	h_tail "${c2:-$c1}" 20 t
	ksft_diag "  client2: $t"
	on "$cs" "tc qdisc del dev eth0 root 2> /dev/null; true"
	if [ $rc -eq 0 ]; then verdict ok ""; else verdict FAIL "restart"; fi
}

# collide_case TYPE: both sides connect to each other at once, their
# INITs crossing (300 ms of netem delay each way keeps them in flight).
collide_case() {
	local type=$1 x y go rx=1 ry=1 t
	go=$ASCTP_SHARED/go.$((port + 1))
	begin "INIT collision (5.2.1), $type" collide a
	netem "delay 300ms"
	start a x "$IOP collide $type $P ${ADDR[a]} ${ADDR[b]} $port $go" &&
	start b y "$IOP collide $type $P ${ADDR[b]} ${ADDR[a]} $port $go" &&
	poll 30 h_has "$x" ready && poll 30 h_has "$y" ready &&
	: > "$go"
	h_wait "$x" 60
	rx=$?
	h_wait "$y" 60
	ry=$?
	h_tail "$x" 20 t
	ksft_diag "  A (exit $rx): $t"
	h_tail "$y" 20 t
	ksft_diag "  B (exit $ry): $t"
	netem ""
	if [ $rx -eq 0 ] && [ $ry -eq 0 ]; then
		verdict ok ""
	else
		verdict FAIL "collision"
	fi
}

# cut_link1: once link 1 (A's eth0) has carried 512 KiB more, cut it:
# eth0 down in A (no route there; what B sends on it is lost).  Of the
# 4 MiB, about 3.5 MiB is left for link 2 (ip(8) itself takes half a
# second to start here).  With 2 MiB a busy VM once cut the link only
# as the transfer ended, and no DATA took link 2.
link1_bytes() {	# link1_bytes VAR
	local rx tx
	read -r rx < /sys/class/net/eth0/statistics/rx_bytes
	read -r tx < /sys/class/net/eth0/statistics/tx_bytes
	printf -v "$1" %s $((rx + tx))
}
link1_past() { local b; link1_bytes b; [ "$b" -gt "$1" ]; }
cut_link1() {
	local base
	link1_bytes base
	poll 60 link1_past $((base + (1 << 19))) || return
	ip link set eth0 down
	ksft_diag "  link 1 cut at $((SECONDS - T0)) s (eth0 down in A)"
}

MANY=(--streams 16 --max-msg 64K --unordered 30 --bytes 512K)
# Seed 1 makes message 3 of these exactly 4 MiB (of 9 messages)
FRAG=(--type stream --streams 2 --max-msg 4M --bytes 4608K --unordered 50)
LOSS=(--type stream --streams 8 --max-msg 256K --bytes 512K)
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
	xfer "bulk 512 KiB with netem $LOSS_NETEM both ways" loss $cs 240 "${LOSS[@]}"
	netem ""
	encap 9899
	xfer "SCTP over UDP (RFC 6951), 2 MiB" udp $cs 120 --type stream \
		--streams 4 --max-msg 64K --bytes 2M
	encap 0
	# IPv6 on link 1 too, no duplicate address detection; again each
	# time: eth0 going down (the multi-homed case) takes them away
	on a "ip addr replace fd00:1:1::1/64 dev eth0 nodad" &&
	on b "ip addr replace fd00:1:1::2/64 dev eth0 nodad" ||
		ksft_diag "IPv6 addresses not set"
	ADDR=([a]=fd00:1:1::1 [b]=fd00:1:1::2)
	xfer "IPv6, 2 MiB" graceful $cs 120 --type stream --streams 4 --max-msg 64K \
		--bytes 2M
	encap 9899
	xfer "SCTP over UDP over IPv6, 2 MiB" udp $cs 120 --type stream \
		--streams 4 --max-msg 64K --bytes 2M
	encap 0
	ADDR=([a]=10.1.1.1 [b]=10.1.1.2)
	abort_case $cs a
	abort_case $cs b
	begin "heartbeats both ways on an idle association, ${ROLE[$cs]}" hb $cs
	if pair $cs listening 60 "$IOP hb server $P ${ADDR[${OTHER[$cs]}]} $port 2" \
		"$IOP hb client $P ${ADDR[${OTHER[$cs]}]} $port 2"; then
		verdict ok ""
	else
		verdict FAIL "heartbeat exchange"
	fi
	restart_case $cs
	DURING=cut_link1 BIND=0.0.0.0 xfer "multi-homed, link 1 cut mid-transfer" \
		multihome $cs 240 --type stream --streams 4 --max-msg 64K --bytes 4M --rto 500
	ip link set eth0 up
done
collide_case stream
collide_case seqpacket

h_kill "$DUMPCAP" INT
h_wait "$DUMPCAP" 30
h_tail "$DUMPCAP" 5 t
ksft_diag "dumpcap: $t"
cp "$CAP" "$OUT/interop.pcapng"
ksft_diag "interop.sh in VM A: $((SECONDS - T0)) s, $((port - 6000)) cases"
rm -rf "$TMP"
[ $((port - 6000)) -eq $NCASES ]
