#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Forged ICMP Fragmentation Needed (RFC 9260 7.3 and Appendix C).

    icmp.py tag PROTO PEERNS PEERADDR
        run in the client's namespace, whose route to PEERADDR has the
        MTU of its link (1500).  A one-to-one association to a server in
        namespace PEERNS (/run/netns/PEERNS); from PEERNS, a raw ICMP
        Fragmentation Needed (MTU 1280) quoting a packet of the client's:
          - with a wrong verification tag: the path MTU, the route's MTU
            and AsctpIcmpFragNeeded stay, AsctpIcmpIgnored counts one;
          - with the peer's tag: the path and the route take 1280,
            AsctpIcmpFragNeeded counts one;
        then a 4000-byte message crosses, byte-checked.
Prints one "# " line per check; exit status 0 when every check held.
"""
import os
import socket
import struct
import subprocess
import sys

from checks import check, status
from netns import in_ns

SOL_SCTP = 132
SCTP_STATUS = 14


def path_mtu(s):
    """SCTP_STATUS: sstat_primary.spinfo_mtu (struct sctp_paddrinfo is
    packed, aligned 4, at offset 24)."""
    return struct.unpack_from("I", s.getsockopt(SOL_SCTP, SCTP_STATUS,
                                                176), 172)[0]


def snmp(name):
    with open("/proc/net/asctp/snmp") as f:
        for line in f:
            k, v = line.split()
            if k == name:
                return int(v)
    raise KeyError(name)


def peer_vtag(lport, pport):
    """The client association's peer tag, from /proc/net/asctp/assocs."""
    with open("/proc/net/asctp/assocs") as f:
        head = f.readline().split()
        for line in f:
            row = dict(zip(head, line.split()))
            if int(row["LPORT"]) == lport and int(row["RPORT"]) == pport:
                return int(row["PEERVTAG"], 16)
    raise KeyError((lport, pport))


def route_mtu(addr):
    out = subprocess.run(["ip", "-o", "route", "get", addr],
                         capture_output=True, text=True, check=True).stdout
    w = out.split()
    return int(w[w.index("mtu") + 1]) if "mtu" in w else None


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack(f"!{len(b) // 2}H", b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def frag_needed(proto, src, dst, sport, dport, vtag, mtu):
    """ICMP type 3 code 4 quoting an IP header src -> dst of PROTO and
    the first 8 bytes of its SCTP common header."""
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 1500, 0, 0x4000, 64, proto,
                     0, socket.inet_aton(src), socket.inet_aton(dst))
    ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
    body = ip + struct.pack("!HHI", sport, dport, vtag)
    head = struct.pack("!BBHHH", 3, 4, 0, 0, mtu)
    return head[:2] + struct.pack("!H", csum(head + body)) + head[4:] + body


def tag(proto, peerns, peer):
    def server():
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, proto)
        s.bind((peer, 0))
        s.listen(1)
        return s, socket.socket(socket.AF_INET, socket.SOCK_RAW,
                                socket.IPPROTO_ICMP)

    lsn, raw = in_ns(peerns, server)
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM, proto)
    c.connect(lsn.getsockname())
    srv = lsn.accept()[0]
    srv.settimeout(30)
    c.send(b"x")
    check("first message", srv.recv(100), b"x")
    me, pport = c.getsockname(), lsn.getsockname()[1]
    vtag = peer_vtag(me[1], pport)
    mtu0, rmtu0 = path_mtu(c), route_mtu(peer)
    print(f"# client {me[0]}:{me[1]}, peer tag {vtag:08x}, path MTU {mtu0},"
          f" route MTU {rmtu0}")

    def forge(t):
        before = snmp("AsctpIcmpFragNeeded"), snmp("AsctpIcmpIgnored")
        raw.sendto(frag_needed(proto, me[0], peer, me[1], pport, t, 1280),
                   (me[0], 0))
        for _ in range(100):    # delivered in softirq; usually at once
            after = snmp("AsctpIcmpFragNeeded"), snmp("AsctpIcmpIgnored")
            if after != before:
                break
            os.sched_yield()
        return after[0] - before[0], after[1] - before[1]

    check("wrong tag: (FragNeeded, Ignored) counted", forge(vtag ^ 1), (0, 1))
    check("wrong tag: path MTU", path_mtu(c), mtu0)
    check("wrong tag: route MTU", route_mtu(peer), rmtu0)
    check("peer's tag: (FragNeeded, Ignored) counted", forge(vtag), (1, 0))
    check("peer's tag: path MTU", path_mtu(c), 1280)
    check("peer's tag: route MTU", route_mtu(peer), 1280)
    msg = bytes(range(256)) * 15 + b"0123456789" * 16
    c.send(msg)
    got = b""
    while len(got) < len(msg):
        got += srv.recv(1 << 16)
    check("4000 bytes after", got == msg, True)


def main():
    if sys.argv[1] == "tag":
        tag(int(sys.argv[2]), sys.argv[3], sys.argv[4])
    sys.exit(status())


if __name__ == "__main__":
    main()
