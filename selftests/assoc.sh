#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Associations end to end, with libsctp programs (tools/*.c): the daytime
# pair one-to-one and one-to-many, ABORT either way, an INIT to a port
# nobody listens on, and the association counters of both sides after
# each.  Every case runs twice in fresh namespaces: between two of them
# over a veth pair, and on loopback within one (where the two sides'
# counter movements add up).
#
# The stack under test is $ASCTP_STACK, or the first argument: asctp (the
# default, at the protocol number it was loaded with) or sctp (the
# kernel's sctp.ko, at 132).  Until asctp sets up associations, check.sh
# runs this against sctp.ko only, which shows the test itself is right.

. "$(dirname "$0")/lib.sh"
set -u

[ $# -gt 0 ] && export ASCTP_STACK=$1
export LC_ALL=C

TOOLS=$SELFTEST_DIR/tools
[ -d "$TOOLS" ] || TOOLS=$SELFTEST_DIR	# the kernel's lib.mk installs flat
T=20			# seconds any one program may run
FMT='%a %b %e %H:%M:%S %Y'	# the human half of a daytime message
MIBS="ActiveEstabs PassiveEstabs Shutdowns Aborteds OutOfBlues"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

ksft_plan 28

if ! stack_loaded; then
	ksft_diag "stack '$(stack)' (ASCTP_STACK) is not loaded: nothing to test"
	for i in $(seq 24); do ksft_fail "stack '$(stack)' loaded"; done
	ksft_finish
fi
for t in daytime_server daytime_client daytime_1tom abort_peer; do
	[ -x "$TOOLS/$t" ] && continue
	ksft_diag "$TOOLS/$t missing: make -C selftests builds it"
	for i in $(seq 24); do ksft_fail "tools built"; done
	ksft_finish
done
P=$(stack_ipproto)
ksft_diag "stack $(stack), IP protocol $P"

# setup veth|lo: fresh namespaces for one case.  The client runs in CNS
# at CADDR, the server in SNS at SADDR; on loopback they are one.
setup() {
	local a b
	rm -f "$TMP"/*	# no output of an earlier case to be read as this one's
	if [ "$1" = veth ]; then
		ns_new a && ns_new b && ns_veth "$a" 10.97.0.1 "$b" 10.97.0.2 ||
			return 1
		CNS=$a SNS=$b CADDR=10.97.0.1 SADDR=10.97.0.2
	else
		ns_new a || return 1
		CNS=$a SNS=$a CADDR=127.0.0.1 SADDR=127.0.0.1
	fi
	counters_start
}

# same WHAT GOT WANT: one comparison, both shown when they differ.
same() {
	[ "$2" = "$3" ] && return 0
	ksft_diag "$1: got '$2', expected '$3'"
	return 1
}

# serve NAME PROG ARGS...: start a server in SNS, its output in
# $TMP/NAME.out and .err; once it says "port N", N is in PORT and its
# pid in SPID.
serve() {
	local name=$1
	shift
	ip netns exec "$SNS" timeout $T "$TOOLS/$1" -P "$P" "${@:2}" \
		> "$TMP/$name.out" 2> "$TMP/$name.err" &
	SPID=$!
	wait_for $T ready "$TMP/$name.out"
	PORT=$(awk '$1 == "port" { print $2; exit }' "$TMP/$name.out")
	[ -n "$PORT" ] && return 0
	server_end 1
	ksft_diag "$name: no 'port N' line, exit $?; stderr: $(cat "$TMP/$name.err")"
	return 1
}
ready() { grep -q '^port [1-9]' "$1" || ! alive "$SPID"; }

# server_end FAILED: the server's exit status; killed first when the
# case has already failed, so that it does not wait for its clients.
server_end() {
	local rc
	[ "$1" -ne 0 ] && kill "$SPID" 2> /dev/null
	wait "$SPID"
	rc=$?
	[ "$rc" -eq 124 ] && ksft_diag "server: timed out after $T s"
	return $rc
}

# client PROG ARGS...: run a client in CNS, stdout and stderr together.
client() {
	ip netns exec "$CNS" timeout $T "$TOOLS/$1" -P "$P" "${@:2}" 2>&1
}

# daytime_lines LOCAL GMT: a client's two message lines name one second,
# at most a minute ago, formatted as date(1) formats it.
daytime_lines() {
	local t=${1#(Local) } now rc=0
	t=${t%% *}
	if ! [[ $t =~ ^[0-9]+$ ]]; then
		ksft_diag "no seconds in '$1'"
		return 1
	fi
	same "local time" "$1" "(Local) $t $(date -d "@$t" "+$FMT")" || rc=1
	same "UTC" "$2" "(GMT) $t $(date -u -d "@$t" "+$FMT")" || rc=1
	now=$(date +%s)
	if [ $((now - t)) -lt 0 ] || [ $((now - t)) -gt 60 ]; then
		ksft_diag "time $t is not within the minute before now ($now)"
		rc=1
	fi
	return $rc
}

# Counters: counters_start takes both sides' values; counters_check
# CLIENT SERVER waits until each side's moved by exactly what is named
# ("Name=delta ...", 0 for those not named), and names what did not.
declare -A C0 S0 C1 S1

# snap ARRAY NS: ARRAY[name]=value for every counter of NS, in one read.
snap() {
	local -n arr=$1
	local k v
	arr=()
	# shellcheck disable=SC2034,SC2004 # a nameref, keyed by name
	while read -r k v; do arr[$k]=$v; done < <(stack_mibs "$2")
}

counters_start() { snap C0 "$CNS" && { [ "$CNS" = "$SNS" ] || snap S0 "$SNS"; }; }

delta() {
	local w
	for w in $1; do
		[ "${w%=*}" = "$2" ] && { echo "${w#*=}"; return; }
	done
	echo 0
}

# moved SIDE NAME BEFORE NOW WANT [verbose]
moved() {
	if [ -z "$3" ] || [ -z "$4" ]; then
		[ -n "${6:-}" ] && ksft_diag "$1: no counter $2"
		return 1
	fi
	[ $(($4 - $3)) -eq "$5" ] && return 0
	[ -n "${6:-}" ] && ksft_diag "$1 $2 moved by $(($4 - $3)), expected $5"
	return 1
}

counters_moved() {
	local m rc=0
	snap C1 "$CNS" && { [ "$CNS" = "$SNS" ] || snap S1 "$SNS"; } || return 1
	for m in $MIBS; do
		if [ "$CNS" = "$SNS" ]; then
			moved "both sides" "$m" "${C0[$m]:-}" "${C1[$m]:-}" \
				$(($(delta "$1" "$m") + $(delta "$2" "$m"))) "${3:-}" || rc=1
		else
			moved client "$m" "${C0[$m]:-}" "${C1[$m]:-}" \
				"$(delta "$1" "$m")" "${3:-}" || rc=1
			moved server "$m" "${S0[$m]:-}" "${S1[$m]:-}" \
				"$(delta "$2" "$m")" "${3:-}" || rc=1
		fi
	done
	return $rc
}

counters_check() {
	wait_for 5 counters_moved "$1" "$2" || counters_moved "$1" "$2" verbose
}

# The daytime pair, one-to-one: the client's SCTP_STATUS says
# ESTABLISHED (4) with 5 streams each way, the two messages arrive whole
# on streams 0 and 1 naming one second, then end of file.
daytime() {
	local out rc=0 id srv l
	setup "$1" && serve srv daytime_server "$SADDR" 0 || return 1
	out=$(client daytime_client "$SADDR" "$PORT") || {
		ksft_diag "client exited $?"
		rc=1
	}
	server_end $rc || { ksft_diag "server exited $?: $(cat "$TMP/srv.err")"; rc=1; }
	mapfile -t l <<< "$out"
	if [ ${#l[@]} -ne 6 ]; then
		ksft_diag "client printed ${#l[@]} lines, expected 6:"
		ksft_diag "$out"
		return 1
	fi
	id=${l[0]#assoc id = }
	if ! [[ $id =~ ^[0-9]+$ ]] || [ "$id" -le 2 ]; then
		# 0, 1, 2 are SCTP_{FUTURE,CURRENT,ALL}_ASSOC
		ksft_diag "client: '${l[0]}', expected an association id above 2"
		rc=1
	fi
	same "client state" "${l[1]}" "state = 4" || rc=1
	same "client instrms" "${l[2]}" "instrms = 5" || rc=1
	same "client outstrms" "${l[3]}" "outstrms = 5" || rc=1
	daytime_lines "${l[4]}" "${l[5]}" || rc=1
	srv=$(sed -n 2p "$TMP/srv.out")
	if ! [[ $srv =~ ^accepted\ $CADDR:[1-9][0-9]*\ assoc\ id\ =\ [0-9]+\ state\ =\ 4\ instrms\ =\ 5\ outstrms\ =\ 5$ ]]; then
		ksft_diag "server: '$srv', expected 'accepted $CADDR:<port> assoc id = <n> state = 4 instrms = 5 outstrms = 5'"
		rc=1
	fi
	ksft_diag "client: $(tr '\n' '|' <<< "$out")"
	ksft_diag "server: $srv"
	return $rc
}

# One-to-many: one server socket takes three requests before it answers
# any, so three associations are up on it at once; two clients set
# theirs up with connect(), the third by sending its request.  The
# server sees each come up with 5 streams each way (SCTP_COMM_UP), and
# shut down (SCTP_SHUTDOWN_COMP) when its client closes.
one_to_many() {
	local i rc=0 pids=() opt out reqs l
	setup "$1" && serve srv daytime_1tom -n 3 server "$SADDR" 0 || return 1
	for i in 1 2 3; do
		opt=()
		[ $i = 3 ] && opt=(-i)
		client daytime_1tom "${opt[@]}" client "$SADDR" "$PORT" > "$TMP/c$i.out" &
		pids+=($!)
	done
	for i in 1 2 3; do
		wait "${pids[i - 1]}" || { ksft_diag "client $i exited $?"; rc=1; }
		mapfile -t l < "$TMP/c$i.out"
		if [ ${#l[@]} -ne 2 ]; then
			ksft_diag "client $i printed ${#l[@]} lines, expected 2:"
			ksft_diag "$(tr '\n' '|' < "$TMP/c$i.out")"
			rc=1
			continue
		fi
		daytime_lines "${l[0]}" "${l[1]}" || rc=1
	done
	server_end $rc || { ksft_diag "server exited $?: $(cat "$TMP/srv.err")"; rc=1; }
	reqs=$(grep '^request from ' "$TMP/srv.out" | sort -u)
	if ! [ "$(grep -c "^request from $CADDR:[1-9]" <<< "$reqs")" -eq 3 ]; then
		ksft_diag "server: 3 requests from 3 ports of $CADDR expected:"
		ksft_diag "$(tr '\n' '|' < "$TMP/srv.out")"
		rc=1
	fi
	out=$(grep '^replied to ' "$TMP/srv.out" | sed 's/^replied to/request from/' | sort -u)
	same "server: the peers answered" "$(tr '\n' ' ' <<< "$out")" \
		"$(tr '\n' ' ' <<< "$reqs")" || rc=1
	same "server: associations up with 5 streams each way" \
		"$(grep -c '^association up, streams 5 in, 5 out$' "$TMP/srv.out")" 3 || rc=1
	same "server: associations shut down" \
		"$(grep -c '^association shut down$' "$TMP/srv.out")" 3 || rc=1
	[ $rc -eq 0 ] || ksft_diag "server output: $(tr '\n' '|' < "$TMP/srv.out")"
	return $rc
}

# ABORT: the side given -a closes with SO_LINGER {1, 0} after a "hello"
# from the other, whose recv() must then fail with ECONNRESET.  With
# "unread", it closes without reading the "hello" (-u): as the kernel's
# SCTP, an ABORT tells the peer its data was lost.
abort_from() {	# abort_from server|client veth|lo [unread]
	local out rc=0 sopt=() copt=() a=(-a)
	[ "${3:-}" = unread ] && a=(-a -u)
	if [ "$1" = server ]; then sopt=("${a[@]}"); else copt=("${a[@]}"); fi
	setup "$2" && serve srv abort_peer "${sopt[@]}" server "$SADDR" 0 || return 1
	out=$(client abort_peer "${copt[@]}" client "$SADDR" "$PORT") || {
		ksft_diag "client exited $?"
		rc=1
	}
	server_end $rc || { ksft_diag "server exited $?: $(cat "$TMP/srv.err")"; rc=1; }
	if [ "$1" = server ]; then
		same "client" "$out" "recv: ECONNRESET" || rc=1
		same "server" "$(sed -n 2p "$TMP/srv.out")" "sent ABORT" || rc=1
	else
		same "client" "$out" "sent ABORT" || rc=1
		same "server" "$(sed -n 2p "$TMP/srv.out")" "recv: ECONNRESET" || rc=1
	fi
	return $rc
}

# An INIT to a port nobody listens on is answered with an ABORT, which
# fails the connect() in COOKIE-WAIT with ECONNREFUSED.
refused() {
	local out rc=0
	setup "$1" || return 1
	out=$(client daytime_client "$SADDR" 9)
	same "client exit status" "$?" 1 || rc=1
	same "client" "$out" "daytime_client: connect: ECONNREFUSED (Connection refused)" ||
		rc=1
	return $rc
}

# The same on the wire: the ABORT carries the INIT's Initiate Tag as its
# Verification Tag, with the T bit clear (RFC 9260 8.4 rule 3).
init_abort() {
	local out rc=0
	setup "$1" || return 1
	out=$(ip netns exec "$CNS" python3 -S "$TOOLS/pkt.py" --proto "$P" \
		--sport 5000 --dport 9 --expect-abort --timeout 5 "$SADDR" 2>&1)
	same "pkt.py exit status" "$?" 0 || rc=1
	ksft_diag "$out"
	same "the answer" "$out" \
		"reply: chunk 6 (ABORT) vtag=0x11223344 T=0 chunk length 4" || rc=1
	return $rc
}

for env in veth lo; do
	ksft_check "$env: daytime one-to-one: status, two messages on streams 0 and 1, EOF" \
		daytime $env
	ksft_check "$env: daytime one-to-one: counters" \
		counters_check "ActiveEstabs=1 Shutdowns=1" "PassiveEstabs=1 Shutdowns=1"

	ksft_check "$env: daytime one-to-many: three associations on one socket" \
		one_to_many $env
	ksft_check "$env: daytime one-to-many: counters" \
		counters_check "ActiveEstabs=3 Shutdowns=3" "PassiveEstabs=3 Shutdowns=3"

	ksft_check "$env: ABORT from the server: client's recv fails with ECONNRESET" \
		abort_from server $env
	ksft_check "$env: ABORT from the server: counters" \
		counters_check "ActiveEstabs=1 Aborteds=1" "PassiveEstabs=1 Aborteds=1"

	ksft_check "$env: ABORT from the client: server's recv fails with ECONNRESET" \
		abort_from client $env
	ksft_check "$env: ABORT from the client: counters" \
		counters_check "ActiveEstabs=1 Aborteds=1" "PassiveEstabs=1 Aborteds=1"

	ksft_check "$env: server closes with data unread: ABORT, client's recv fails with ECONNRESET" \
		abort_from server $env unread
	ksft_check "$env: server closes with data unread: counters" \
		counters_check "ActiveEstabs=1 Aborteds=1" "PassiveEstabs=1 Aborteds=1"

	ksft_check "$env: connect() to a port with no listener: ECONNREFUSED" \
		refused $env
	ksft_check "$env: connect() to a port with no listener: counters" \
		counters_check "Aborteds=1" "OutOfBlues=1"

	ksft_check "$env: INIT to a port with no listener answered by ABORT (vtag, T bit)" \
		init_abort $env
	ksft_check "$env: INIT to a port with no listener: counters" \
		counters_check "OutOfBlues=1" "OutOfBlues=1"
done

ksft_finish
