#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# IPv6: AF_INET6 sockets of both types, IPv6 packets and IPv6 Address
# parameters (RFC 9260 3.3.2.1), IPv4-mapped addresses and
# SCTP_I_WANT_MAPPED_V4_ADDR (RFC 6458 3.1.7, 8.1.15), IPV6_V6ONLY,
# associations with paths of both families, and ICMPv6 Packet Too Big.
# Every transfer is checked byte for byte (tools/v6.py, tools/mxfer).

. "$(dirname "$0")/lib.sh"
set -u

P=$(asctp_ipproto)
V6=$SELFTEST_DIR/tools/v6.py
MX=$SELFTEST_DIR/tools/mxfer
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

ksft_plan 10

v6py() {	# v6py CMD: tools/v6.py CMD in a fresh namespace
	local n
	ns_new n && ip netns exec "$n" python3 -S "$V6" "$1" "$P"
}
ksft_check "AF_INET6 one-to-one and one-to-many over ::1, names as sockaddr_in6" v6py api
ksft_check "IPv4 on AF_INET6 sockets: mapped, SCTP_I_WANT_MAPPED_V4_ADDR, IPV6_V6ONLY" v6py mapped
ksft_check "addresses a socket does not take: bind, connect, sendto errors" v6py errors

# mxfer TYPE SRVNS CLINS ADDR: 2 MiB on 8 streams, byte-checked
mxfer() {
	local srv rc=0
	ip netns exec "$2" timeout 150 "$MX" server "$P" "$4" 4000 11 --bytes 2M \
		--type "$1" > "$TMP/srv" 2>&1 &
	srv=$!
	wait_for 20 grep -q listening "$TMP/srv" || rc=1
	ip netns exec "$3" timeout 120 "$MX" client "$P" "$4" 4000 11 --bytes 2M \
		--type "$1" > "$TMP/cli" 2>&1 || rc=1
	wait $srv || rc=1
	ksft_diag "client: $(tail -n 1 "$TMP/cli")"
	ksft_diag "server: $(tail -n 1 "$TMP/srv")"
	return $rc
}

# frags NS: IPv6 fragments NS has sent (packets cut larger than the MTU)
frags() {
	local d
	ns_proc "$1" d && awk '$1 == "Ip6FragCreates" { print $2 }' "$d/net/snmp6"
}

over_veth() {
	local a b fa fb
	ns_new a && ns_new b && ns_veth "$a" fd00:99:47::1 "$b" fd00:99:47::2 &&
	mxfer stream "$b" "$a" fd00:99:47::2 && mxfer seqpacket "$b" "$a" fd00:99:47::2 ||
		return 1
	# full-sized packets leave room for the 40-byte IPv6 header
	fa=$(frags "$a") fb=$(frags "$b")
	ksft_diag "IPv6 fragments sent: $fa and $fb"
	[ "$fa" = 0 ] && [ "$fb" = 0 ]
}
ksft_check "2 MiB over IPv6 (veth), one-to-one and one-to-many, no IP fragments" over_veth

# raddrs NS: the peer addresses of NS's first association, as listed
raddrs() {
	ip netns exec "$1" awk 'NR == 2 {
		for (i = 1; i <= NF; i++) if ($i == "<->") break
		for (i++; i <= NF && $i !~ /^[0-9]+$/; i++) printf "%s ", $i }' \
		/proc/net/asctp/assocs
}

# Dual stack: wildcard AF_INET6 sockets on a link with an IPv4 and an
# IPv6 address each.  The association starts over IPv4; each INIT lists
# both addresses (and both types), so each side gets a path of each family.
dual() {
	local a b rc=0 ra rb
	ns_new a && ns_new b && ns_veth "$a" 10.99.48.1 "$b" 10.99.48.2 &&
	ip -n "$a" addr add fd00:99:48::1/64 dev veth0 nodad &&
	ip -n "$b" addr add fd00:99:48::2/64 dev veth1 nodad || return 1
	ip netns exec "$b" timeout 150 "$MX" server "$P" :: 4000 12 --bytes 4M \
		> "$TMP/srv" 2>&1 &
	local srv=$!
	wait_for 20 grep -q listening "$TMP/srv" || rc=1
	ip netns exec "$a" timeout 120 "$MX" client "$P" ::ffff:10.99.48.2 4000 12 \
		--bytes 4M > "$TMP/cli" 2>&1 &
	local cli=$!
	wait_for 30 eval '[ "$(raddrs "$a" | wc -w)" = 2 ]' || rc=1
	ra=$(raddrs "$a") rb=$(raddrs "$b")
	wait $cli || rc=1
	wait $srv || rc=1
	ksft_diag "client: $(tail -n 1 "$TMP/cli")"
	ksft_diag "server: $(tail -n 1 "$TMP/srv")"
	ksft_diag "client's paths: $ra; server's: $rb"
	[ "$ra" = "*10.99.48.2 fd00:99:48::2 " ] || rc=1
	[ "$rb" = "*10.99.48.1 fd00:99:48::1 " ] || rc=1
	return $rc
}
ksft_check "dual stack: an association over IPv4 gets an IPv6 path too (5.1.2)" dual

# v6out NS: the IPv6 bytes NS has sent
v6out() {
	local d
	ns_proc "$1" d && awk '$1 == "Ip6OutOctets" { print $2 }' "$d/net/snmp6"
}

# Dual stack failover: an association up over IPv4, its IPv6 path
# confirmed by heartbeats (RTO 1 s: within 1.5 s), then IPv4 cut both
# ways mid-transfer (blackhole routes): the rest goes over IPv6, every
# byte checked (RFC 9260 6.4.1, 8.2: the path fails, the other serves).
dual_failover() {
	local a b rc=0 v6 t3 srv cli
	ns_new a && ns_new b && ns_veth "$a" 10.99.51.1 "$b" 10.99.51.2 &&
	ip -n "$a" addr add fd00:99:51::1/64 dev veth0 nodad &&
	ip -n "$b" addr add fd00:99:51::2/64 dev veth1 nodad || return 1
	ip netns exec "$b" timeout 200 "$MX" server "$P" :: 4000 13 --bytes 8M \
		> "$TMP/srv" 2>&1 &
	srv=$!
	wait_for 30 grep -q listening "$TMP/srv" || rc=1
	ip netns exec "$a" timeout 180 "$MX" client "$P" ::ffff:10.99.51.2 4000 13 \
		--bytes 8M --rto 1000 > "$TMP/cli" 2>&1 &
	cli=$!
	wait_for 30 eval '[ "$(raddrs "$a" | wc -w)" = 2 ]' || rc=1
	sleep 3
	v6=$(v6out "$a") t3=$(mib AsctpT3Expireds "$a")
	ip -n "$a" route add blackhole 10.99.51.2/32 &&
	ip -n "$b" route add blackhole 10.99.51.1/32 || rc=1
	wait $cli || rc=1
	wait $srv || rc=1
	v6=$(($(v6out "$a") - v6)) t3=$(($(mib AsctpT3Expireds "$a") - t3))
	ksft_diag "client: $(tail -n 1 "$TMP/cli")"
	ksft_diag "server: $(tail -n 1 "$TMP/srv")"
	ksft_diag "after the cut: $v6 bytes sent over IPv6, T3-rtx expiries $t3"
	grep -q " ok$" "$TMP/srv" && [ "$v6" -gt 1048576 ] && [ $rc -eq 0 ]
}
ksft_check "dual stack: IPv4 cut mid-transfer, the rest over the IPv6 path" dual_failover

# a -- r -- b over IPv6, r's link to b of MTU 1280: ICMPv6 Packet Too Big
# lowers the path MTU (RFC 8201), 1 MiB byte-checked.
ptb() {	# ptb plain|udp
	local a r b srv rc=0 icmp n
	ns_new a && ns_new r && ns_new b &&
	ns_veth "$a" fd00:99:49::1 "$r" fd00:99:49::2 &&
	ns_veth "$b" fd00:99:4a::1 "$r" fd00:99:4a::2 veth0 veth2 &&
	ip -n "$r" link set veth2 mtu 1280 && ip -n "$b" link set veth0 mtu 1280 &&
	ip -n "$a" -6 route add default via fd00:99:49::2 &&
	ip -n "$b" -6 route add default via fd00:99:4a::2 &&
	ip netns exec "$r" sysctl -qw net.ipv6.conf.all.forwarding=1 || return 1
	# RFC 6951 5.5: UDP hands the ICMPv6 about its datagram to asctp
	if [ "$1" = udp ]; then
		for n in "$a" "$b"; do
			ip netns exec "$n" sysctl -qw net.asctp.udp_port=9899 \
				net.asctp.encap_port=9899 || return 1
		done
	fi
	ip netns exec "$b" timeout 150 "$MX" server "$P" fd00:99:4a::1 4000 3 \
		--bytes 1M > "$TMP/srv" 2>&1 &
	srv=$!
	wait_for 20 grep -q listening "$TMP/srv" || rc=1
	ip netns exec "$a" timeout 120 "$MX" client "$P" fd00:99:4a::1 4000 3 \
		--bytes 1M > "$TMP/cli" 2>&1 || rc=1
	wait $srv || rc=1
	icmp=$(mib AsctpIcmpFragNeeded "$a")
	ksft_diag "client: $(tail -n 1 "$TMP/cli")"
	ksft_diag "server: $(tail -n 1 "$TMP/srv")"
	ksft_diag "client: AsctpIcmpFragNeeded $icmp, AsctpOutRetrans $(mib AsctpOutRetrans "$a")"
	[ "$icmp" -gt 0 ] || rc=1
	if [ "$1" = udp ]; then
		n=$(mib AsctpOutUdpPkts "$a")
		ksft_diag "client: AsctpOutUdpPkts $n of $(mib AsctpOutPkts "$a")"
		[ "$n" = "$(mib AsctpOutPkts "$a")" ] || rc=1
	fi
	return $rc
}
ksft_check "ICMPv6 Packet Too Big lowers the path MTU, 1 MiB through MTU 1280" ptb plain
ksft_check "... and for SCTP in UDP over IPv6 (RFC 6951 5.5)" ptb udp

# SCTP_PEER_ADDR_PARAMS's DSCP and flow label, per path, on the wire.
qos() {
	local a b
	ns_new a && ns_new b && ns_veth "$a" 10.99.50.1 "$b" 10.99.50.2 &&
	ip -n "$a" addr add fd00:99:50::1/64 dev veth0 nodad &&
	ip -n "$b" addr add fd00:99:50::2/64 dev veth1 nodad &&
	ip netns exec "$a" python3 -S "$V6" qos "$P" "$b" 10.99.50.2 fd00:99:50::2
}
ksft_check "SPP_DSCP and SPP_IPV6_FLOWLABEL: read back, and in the packets' headers" qos

# The INIT of an AF_INET6 socket lists both address types it takes, that
# of an IPV6_V6ONLY one only IPv6; a one-to-one socket on ::1 lists ::1.
sat() {
	local n
	ns_new n && ip netns exec "$n" python3 -S - "$P" <<-'EOF'
	import socket, struct, sys, threading
	proto = int(sys.argv[1])
	ok = True
	cap = socket.socket(socket.AF_INET6, socket.SOCK_RAW, proto)
	cap.settimeout(10)
	for v6only, want in ((0, [5, 6]), (1, [6])):
	    lsn = socket.socket(socket.AF_INET6, socket.SOCK_STREAM, proto)
	    lsn.bind(("::1", 0)); lsn.listen(1)
	    c = socket.socket(socket.AF_INET6, socket.SOCK_STREAM, proto)
	    c.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, v6only)
	    c.connect(lsn.getsockname())
	    while True:     # our INIT, as the raw socket saw it
	        pkt = cap.recv(65536)
	        if pkt[12] == 1 and struct.unpack("!H", pkt[2:4])[0] == lsn.getsockname()[1]:
	            break
	    off, types = 12 + 20, None
	    while off + 4 <= len(pkt):
	        t, l = struct.unpack("!HH", pkt[off:off + 4])
	        if t == 12:
	            types = list(struct.unpack(f"!{(l - 4) // 2}H", pkt[off + 4:off + l]))
	        off += (l + 3) & ~3
	    print(f"# IPV6_V6ONLY {v6only}: Supported Address Types {types}, expected {want}")
	    ok &= types == want
	    c.close(); lsn.close()
	sys.exit(0 if ok else 1)
	EOF
}
ksft_check "INIT's Supported Address Types: IPv4 and IPv6, or IPv6 only (3.3.2.1)" sat

ksft_finish
