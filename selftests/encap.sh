#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# RFC 6951: SCTP over UDP.  net.asctp.udp_port turns a namespace's UDP
# socket on; net.asctp.encap_port (or SCTP_REMOTE_UDP_ENCAPS_PORT) makes
# new associations send in UDP to that port.  Every transfer is checked
# byte for byte (tools/mxfer, tools/echo.py), and the counters show that
# every packet went in UDP (AsctpOutUdpPkts = AsctpOutPkts at the
# sender, AsctpInUdpPkts = AsctpInPkts at the receiver).
#
# The NAT case: two clients behind a router whose nftables masquerade
# translates only TCP, UDP and ICMP, as most home and carrier NATs do,
# and a server with no route back to the clients' network.  Plain SCTP
# does not cross it; SCTP in UDP does, for both clients at once.

. "$(dirname "$0")/lib.sh"
set -u

P=$(asctp_ipproto)
ENC=$SELFTEST_DIR/tools/encap.py
MX=$SELFTEST_DIR/tools/mxfer
ECHO=$SELFTEST_DIR/tools/echo.py
ICMP=$SELFTEST_DIR/tools/icmp.py
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

ksft_plan 12

udp_on() { ip netns exec "$1" sysctl -qw "net.asctp.udp_port=${2:-9899}"; }
sctl() { ip netns exec "$1" sysctl -n "net.asctp.$2"; }

# The sysctls: off by default; a port is bound while on; a bad value or
# a port in use is refused and leaves encapsulation off.
sysctls() {
	local n hold rc=0
	ns_new n || return 1
	[ "$(sctl "$n" udp_port) $(sctl "$n" encap_port)" = "0 0" ] ||
		{ ksft_diag "defaults: $(sctl "$n" udp_port) $(sctl "$n" encap_port)"; rc=1; }
	udp_on "$n" 9899 || rc=1
	# an IPv4 and an IPv6(-only) socket
	[ "$(ip netns exec "$n" ss -Hlun | grep -c ":9899 ")" = 2 ] ||
		{ ksft_diag "bound to 9899: $(ip netns exec "$n" ss -Hlun)"; rc=1; }
	ip netns exec "$n" sysctl -qw net.asctp.udp_port=70000 2> /dev/null &&
		{ ksft_diag "70000 taken"; rc=1; }
	[ "$(sctl "$n" udp_port)" = 9899 ] || { ksft_diag "70000 changed it"; rc=1; }
	# the port in use by an IPv4 socket, then by an IPv6-only one
	for fam in AF_INET AF_INET6; do
		ip netns exec "$n" python3 -S -c 'import socket, sys
s = socket.socket(socket.'$fam', socket.SOCK_DGRAM)
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1) if s.family == socket.AF_INET6 else 0
s.bind(("", 9900))
print("ready", flush=True); sys.stdin.readline()' > "$TMP/hold" < <(sleep 60) &
		hold=$!
		wait_for 20 grep -q ready "$TMP/hold" || rc=1
		ip netns exec "$n" sysctl -qw net.asctp.udp_port=9900 2> /dev/null &&
			{ ksft_diag "9900 in use ($fam), taken"; rc=1; }
		kill $hold; wait $hold 2> /dev/null
		[ "$(sctl "$n" udp_port)" = 0 ] ||
			{ ksft_diag "after a failed write ($fam): $(sctl "$n" udp_port), want 0"; rc=1; }
		ip netns exec "$n" ss -Hlun | grep -qE ":(9899|9900) " &&
			{ ksft_diag "a port still bound ($fam): $(ip netns exec "$n" ss -Hlun)"; rc=1; }
		udp_on "$n" 9899 || rc=1
	done
	return $rc
}
ksft_check "sysctls: off by default, a port bound when on, bad values refused" sysctls

# SCTP_REMOTE_UDP_ENCAPS_PORT (RFC 6951 6.1), as the kernel's.
sockopt() {
	local n
	ns_new n && ip netns exec "$n" sysctl -qw net.asctp.encap_port=4242 &&
	ip netns exec "$n" python3 -S "$ENC" opts "$P" 4242
}
ksft_check "SCTP_REMOTE_UDP_ENCAPS_PORT: default from the sysctl, errors as the kernel's" sockopt

# RFC 6951 5.4: a path takes the UDP port the peer's packets came from,
# or 0 (plain SCTP) once a plain packet comes.
learn() {
	local n
	ns_new n && udp_on "$n" && ip netns exec "$n" python3 -S "$ENC" learn "$P" 9899
}
ksft_check "a path learns the peer's UDP port, and plain SCTP back (5.4)" learn

# A path that goes into UDP loses 8 bytes of MTU (5.6): what was cut
# for the old one goes all the same (alone, fragmented by IP), no stall.
switch() {
	local n
	ns_new n && udp_on "$n" && ip -n "$n" link set lo mtu 1500 &&
	ip netns exec "$n" python3 -S "$ENC" switch "$P" 9899
}
ksft_check "into UDP mid-association: chunks cut for the old MTU still go" switch

# mxfer over veth (MTU 1500: the UDP header must come off the path MTU,
# or DF packets of 1508 bytes are lost), every packet in UDP.
over_veth() {	# over_veth TYPE [ADDR_A ADDR_B]
	local a b srv rc=0 m ns udp all aa=${2:-10.99.40.1} ab=${3:-10.99.40.2}
	ns_new a && ns_new b && ns_veth "$a" "$aa" "$b" "$ab" &&
	udp_on "$a" && udp_on "$b" &&
	ip netns exec "$b" sysctl -qw net.asctp.encap_port=9899 || return 1
	ip netns exec "$a" timeout 150 "$MX" server "$P" "$aa" 4000 7 --bytes 2M \
		--type "$1" > "$TMP/srv" 2>&1 &
	srv=$!
	wait_for 20 grep -q listening "$TMP/srv" || rc=1
	ip netns exec "$b" timeout 120 "$MX" client "$P" "$aa" 4000 7 \
		--bytes 2M --type "$1" > "$TMP/cli" 2>&1 || rc=1
	wait $srv || rc=1
	ksft_diag "client: $(tail -n 1 "$TMP/cli")"
	ksft_diag "server: $(tail -n 1 "$TMP/srv")"
	for m in "$b OutUdpPkts OutPkts" "$a InUdpPkts InPkts" \
		 "$a OutUdpPkts OutPkts" "$b InUdpPkts InPkts"; do
		read -r ns udp all <<< "$m"
		udp=$(mib "Asctp$udp" "$ns") all=$(mib "Asctp$all" "$ns")
		ksft_diag "$ns: $m: $udp $all"
		[ "$udp" -gt 100 ] && [ "$udp" = "$all" ] || rc=1
	done
	return $rc
}
ksft_check "2 MiB one-to-one in UDP over veth, MTU 1500, every packet in UDP" over_veth stream
ksft_check "2 MiB one-to-many in UDP over veth, MTU 1500, every packet in UDP" over_veth seqpacket
ksft_check "... over IPv6, one-to-one (the UDP checksum a MUST there)" \
	over_veth stream fd00:99:40::1 fd00:99:40::2
ksft_check "... over IPv6, one-to-many" over_veth seqpacket fd00:99:40::1 fd00:99:40::2

# RFC 9260 7.3, RFC 6951 5.5: a -- r -- b, r's link to b of MTU 1280:
# r answers a's 1500-byte packets (DF) with ICMP Fragmentation Needed;
# a's path MTU falls, the chunks cut for 1500 go IP-fragmented, the
# rest are cut for 1280.  Plain SCTP, or in UDP (UDP hands the ICMP to
# asctp).  1 MiB checked byte for byte.
pmtu() {	# pmtu plain|udp
	local a r b srv rc=0 icmp
	ns_new a && ns_new r && ns_new b &&
	ns_veth "$a" 10.99.44.1 "$r" 10.99.44.2 &&
	ns_veth "$b" 10.99.45.1 "$r" 10.99.45.2 veth0 veth2 &&
	ip -n "$r" link set veth2 mtu 1280 && ip -n "$b" link set veth0 mtu 1280 &&
	ip -n "$a" route add default via 10.99.44.2 &&
	ip -n "$b" route add default via 10.99.45.2 &&
	ip netns exec "$r" sysctl -qw net.ipv4.ip_forward=1 || return 1
	if [ "$1" = udp ]; then
		udp_on "$a" && udp_on "$b" &&
		ip netns exec "$a" sysctl -qw net.asctp.encap_port=9899 || return 1
	fi
	ip netns exec "$b" timeout 150 "$MX" server "$P" 10.99.45.1 4000 3 --bytes 1M \
		--type stream > "$TMP/srv" 2>&1 &
	srv=$!
	wait_for 20 grep -q listening "$TMP/srv" || rc=1
	ip netns exec "$a" timeout 120 "$MX" client "$P" 10.99.45.1 4000 3 \
		--bytes 1M --type stream > "$TMP/cli" 2>&1 || rc=1
	wait $srv || rc=1
	icmp=$(mib AsctpIcmpFragNeeded "$a")
	ksft_diag "client: $(tail -n 1 "$TMP/cli")"
	ksft_diag "server: $(tail -n 1 "$TMP/srv")"
	ksft_diag "client: AsctpIcmpFragNeeded $icmp, AsctpOutUdpPkts $(mib AsctpOutUdpPkts "$a"), AsctpOutRetrans $(mib AsctpOutRetrans "$a")"
	[ "$icmp" -gt 0 ] || rc=1
	return $rc
}
ksft_check "ICMP Fragmentation Needed lowers the path MTU (7.3), 1 MiB through MTU 1280" pmtu plain
ksft_check "... and for SCTP in UDP (RFC 6951 5.5)" pmtu udp

# a -- b; from b, forged Fragmentation Needed about a's packets
icmp_tag() {
	local a b
	ns_new a && ns_new b && ns_veth "$a" 10.99.46.1 "$b" 10.99.46.2 &&
	ip netns exec "$a" python3 -S "$ICMP" tag "$P" "$b" 10.99.46.2
}
ksft_check "an ICMP with a wrong tag changes nothing, with the peer's it does (Appendix C)" icmp_tag

# c1, c2 -- nat -- srv.  The server has no route to 10.99.41.0/24 or
# 10.99.42.0/24: only what the NAT translated can be answered.
nat_topology() {
	ns_new C1 && ns_new C2 && ns_new R && ns_new S &&
	ns_veth "$C1" 10.99.41.2 "$R" 10.99.41.1 veth0 lan1 &&
	ns_veth "$C2" 10.99.42.2 "$R" 10.99.42.1 veth0 lan2 &&
	ns_veth "$S" 10.99.43.2 "$R" 10.99.43.1 veth0 wan &&
	ip -n "$C1" route add default via 10.99.41.1 &&
	ip -n "$C2" route add default via 10.99.42.1 &&
	ip netns exec "$R" sysctl -qw net.ipv4.ip_forward=1 &&
	ip netns exec "$R" nft -f - <<-EOF
	table ip nat {
		chain post {
			type nat hook postrouting priority srcnat;
			oifname "wan" meta l4proto { tcp, udp, icmp } counter masquerade
		}
	}
	EOF
}

assocs() {	# assocs NETNS N: at least N associations, listed in $TMP/assocs
	ip netns exec "$1" tail -n +2 /proc/net/asctp/assocs > "$TMP/assocs" &&
	[ "$(wc -l < "$TMP/assocs")" -ge "$2" ]
}

nat() {
	local srv c1 c2 rc=0 estab
	nat_topology || return 1
	udp_on "$S" && udp_on "$C1" && udp_on "$C2" || return 1
	ip netns exec "$S" python3 -S "$ECHO" server "$P" 10.99.43.2 5000 > "$TMP/echo" 2>&1 &
	srv=$!
	wait_for 20 grep -q listening "$TMP/echo" || rc=1
	# plain SCTP: the INIT reaches the server untranslated, no answer
	estab=$(mib AsctpPassiveEstabs "$S")
	ip netns exec "$C1" timeout 5 python3 -S "$ECHO" client "$P" 10.99.43.2 5000 1 1 \
		> "$TMP/plain" 2>&1 && { ksft_diag "plain SCTP crossed the NAT"; rc=1; }
	ksft_diag "plain SCTP: $(tr '\n' ' ' < "$TMP/plain" | cut -c 1-100)(killed after 5 s)"
	ksft_diag "server's AsctpInPkts $(mib AsctpInPkts "$S"), AsctpPassiveEstabs $(($(mib AsctpPassiveEstabs "$S") - estab))"
	[ "$(mib AsctpPassiveEstabs "$S")" = "$estab" ] || rc=1
	# in UDP: both clients at once
	ip netns exec "$C1" sysctl -qw net.asctp.encap_port=9899 &&
	ip netns exec "$C2" sysctl -qw net.asctp.encap_port=9899 || rc=1
	ip netns exec "$C1" timeout 120 python3 -S "$ECHO" client "$P" 10.99.43.2 5000 400 1 \
		> "$TMP/c1" 2>&1 &
	c1=$!
	ip netns exec "$C2" timeout 120 python3 -S "$ECHO" client "$P" 10.99.43.2 5000 400 2 \
		> "$TMP/c2" 2>&1 &
	c2=$!
	wait_for 60 assocs "$S" 2 ||
		{ ksft_diag "never two associations at once"; rc=1; }
	ksft_diag "server's peers: $(awk '{ print $16 ":" $13 }' "$TMP/assocs" | tr '\n' ' ')"
	wait $c1 || rc=1
	wait $c2 || rc=1
	kill $srv; wait $srv 2> /dev/null
	ksft_diag "client 1: $(tail -n 1 "$TMP/c1")"
	ksft_diag "client 2: $(tail -n 1 "$TMP/c2")"
	ksft_diag "NAT: $(ip netns exec "$R" nft list chain ip nat post | grep -o 'counter.*')"
	return $rc
}
ksft_check "NAT (masquerade of TCP, UDP, ICMP only): plain SCTP blocked, two clients in UDP at once" nat

ksft_finish
