#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""AF_INET6 sockets (RFC 6458 3 and 4; RFC 9260 3.3.2.1), on loopback.

    v6.py api PROTO      one-to-one and one-to-many over ::1, messages
                         checked byte for byte both ways; the addresses
                         getsockname, getpeername, accept, recvfrom and
                         SCTP_GET_PEER_ADDRS give (sockaddr_in6)
    v6.py mapped PROTO   an AF_INET6 socket and IPv4: a dual-stack
                         listener on :: takes an AF_INET client (seen as
                         ::ffff:127.0.0.1, or as sockaddr_in with
                         SCTP_I_WANT_MAPPED_V4_ADDR off); an AF_INET6
                         client reaches an AF_INET server at
                         ::ffff:127.0.0.1; IPV6_V6ONLY refuses IPv4,
                         and an AF_INET wildcard may share its port
    v6.py errors PROTO   addresses a socket does not take: the errno of
                         bind, connect and sendto for each
    v6.py qos PROTO PEERNS ADDR4 ADDR6
                         SCTP_PEER_ADDR_PARAMS's SPP_DSCP and
                         SPP_IPV6_FLOWLABEL on a path to a server in
                         PEERNS: read back, and seen in the IPv4 TOS, the
                         IPv6 traffic class and flow label of the DATA
                         that arrives there (an AF_PACKET capture on its
                         veth1); without them, the socket's IP_TOS
Prints one "# " line per check; exit status 0 when every check held.
"""
import ctypes
import errno
import socket
import struct
import sys

from checks import check, status
from netns import in_ns

SOL_SCTP = 132
SCTP_I_WANT_MAPPED_V4_ADDR = 12
SCTP_INITMSG = 2
SCTP_GET_PEER_ADDRS = 108
LIBC = ctypes.CDLL(None, use_errno=True)
A6, A4 = socket.AF_INET6, socket.AF_INET
STREAM, SEQ = socket.SOCK_STREAM, socket.SOCK_SEQPACKET


def errno_of(fn):
    try:
        fn()
    except OSError as e:
        return errno.errorcode.get(e.errno, e.errno)
    return 0


def sock(fam, typ, proto, attempts=0):
    s = socket.socket(fam, typ, proto)
    s.settimeout(20)
    if attempts:    # SCTP_INITMSG: 5 streams, that many INITs, 1 s apart
        s.setsockopt(SOL_SCTP, SCTP_INITMSG,
                     struct.pack("HHHH", 5, 5, attempts, 1000))
    return s


def msgs(n):
    return [bytes((i * 7 + j) % 251 for j in range(1 + i * 997 % 3000))
            for i in range(n)]


def peer_addrs(s, assoc_id=0):
    """SCTP_GET_PEER_ADDRS: struct sctp_getaddrs, then the addresses:
    (family, address, port) each."""
    buf = ctypes.create_string_buffer(struct.pack("iI", assoc_id, 0), 1024)
    n = ctypes.c_uint(1024)
    if LIBC.getsockopt(s.fileno(), SOL_SCTP, SCTP_GET_PEER_ADDRS, buf,
                       ctypes.byref(n)):
        return errno.errorcode[ctypes.get_errno()]
    count = struct.unpack_from("iI", buf.raw)[1]
    out, off = [], 8
    for _ in range(count):
        fam = struct.unpack_from("H", buf.raw, off)[0]
        port = struct.unpack_from("!H", buf.raw, off + 2)[0]
        if fam == A6:
            out.append(("6", socket.inet_ntop(A6, buf.raw[off + 8:off + 24]),
                        port))
            off += 28
        else:
            out.append(("4", socket.inet_ntop(A4, buf.raw[off + 4:off + 8]),
                        port))
            off += 16
    return out


def api(proto):
    lsn = sock(A6, STREAM, proto)
    lsn.bind(("::1", 0))
    lsn.listen(1)
    port = lsn.getsockname()[1]
    check("listener's name", lsn.getsockname()[:2], ("::1", port))
    c = sock(A6, STREAM, proto)
    c.connect(("::1", port))
    srv, peer = lsn.accept()
    srv.settimeout(20)
    cport = c.getsockname()[1]
    check("accept()'s peer", peer[:2], ("::1", cport))
    check("client getpeername", c.getpeername()[:2], ("::1", port))
    check("server getpeername", srv.getpeername()[:2], ("::1", cport))
    check("server getsockname", srv.getsockname()[:2], ("::1", port))
    check("SCTP_GET_PEER_ADDRS", peer_addrs(c), [("6", "::1", port)])
    ms = msgs(40)
    for m in ms:
        c.send(m)
    got = [srv.recv(1 << 16) for _ in ms]
    check("one-to-one, client to server, every byte", got == ms, True)
    for m in ms[:10]:
        srv.send(m)
    got = [c.recv(1 << 16) for _ in ms[:10]]
    check("one-to-one, server to client, every byte", got == ms[:10], True)

    s = sock(A6, SEQ, proto)
    s.bind(("::1", 0))
    s.listen(5)
    sport = s.getsockname()[1]
    c = sock(A6, SEQ, proto)
    c.bind(("::1", 0))
    for m in ms:
        c.sendto(m, ("::1", sport))
    got, froms = [], set()
    for _ in ms:
        m, frm = s.recvfrom(1 << 16)
        got.append(m)
        froms.add(frm[:2])
    check("one-to-many, every byte", got == ms, True)
    check("one-to-many, recvfrom's address", froms,
          {("::1", c.getsockname()[1])})
    s.sendto(b"back", ("::1", c.getsockname()[1]))
    check("one-to-many, answer", c.recvfrom(100)[0], b"back")


def mapped(proto):
    # a dual-stack listener on :: and an AF_INET client
    lsn = sock(A6, STREAM, proto)
    lsn.bind(("::", 0))
    lsn.listen(2)
    port = lsn.getsockname()[1]
    c4 = sock(A4, STREAM, proto)
    c4.connect(("127.0.0.1", port))
    srv, peer = lsn.accept()
    srv.settimeout(20)
    check("IPv4 client at a :: listener, accept()'s peer", peer[:2],
          ("::ffff:127.0.0.1", c4.getsockname()[1]))
    check("... the server's name", srv.getsockname()[:2],
          ("::ffff:127.0.0.1", port))
    check("... the client's peer (AF_INET)", c4.getpeername(),
          ("127.0.0.1", port))
    ms = msgs(12)
    for m in ms:
        c4.send(m)
    check("... every byte", [srv.recv(1 << 16) for _ in ms] == ms, True)
    srv.send(b"pong")
    check("... and back", c4.recv(100), b"pong")

    # SCTP_I_WANT_MAPPED_V4_ADDR off: IPv4 peers as sockaddr_in
    s = sock(A6, SEQ, proto)
    check("SCTP_I_WANT_MAPPED_V4_ADDR is on by default",
          s.getsockopt(SOL_SCTP, SCTP_I_WANT_MAPPED_V4_ADDR), 1)
    s.setsockopt(SOL_SCTP, SCTP_I_WANT_MAPPED_V4_ADDR, 0)
    s.bind(("::", 0))
    s.listen(5)
    c = sock(A4, SEQ, proto)
    c.sendto(b"hello", ("127.0.0.1", s.getsockname()[1]))
    m, frm = s.recvfrom(100)
    check("mapped off: recvfrom gives AF_INET", (m, frm),
          (b"hello", ("127.0.0.1", c.getsockname()[1])))

    # an AF_INET6 client to an AF_INET server, by ::ffff:127.0.0.1
    l4 = sock(A4, STREAM, proto)
    l4.bind(("127.0.0.1", 0))
    l4.listen(1)
    c6 = sock(A6, STREAM, proto)
    c6.connect(("::ffff:127.0.0.1", l4.getsockname()[1]))
    s4, p4 = l4.accept()
    s4.settimeout(20)
    check("AF_INET6 client to an AF_INET server: the server sees",
          p4, ("127.0.0.1", c6.getsockname()[1]))
    check("... the client's peer", c6.getpeername()[:2],
          ("::ffff:127.0.0.1", l4.getsockname()[1]))
    c6.send(b"x" * 3000)
    check("... 3000 bytes", s4.recv(4000) == b"x" * 3000, True)

    # IPV6_V6ONLY: no IPv4
    lo = sock(A6, STREAM, proto)
    lo.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
    lo.bind(("::", 0))
    lo.listen(1)
    c4 = sock(A4, STREAM, proto, attempts=2)
    check("IPV6_V6ONLY listener, an IPv4 client",
          errno_of(lambda: c4.connect(("127.0.0.1", lo.getsockname()[1]))),
          "ECONNREFUSED")

    # an AF_INET wildcard may share its port (as on Linux), each family
    # reaching its own listener; a dual-stack wildcard overlaps both
    port = lo.getsockname()[1]
    l4 = sock(A4, STREAM, proto)
    check("AF_INET wildcard on the IPV6_V6ONLY wildcard's port",
          errno_of(lambda: l4.bind(("0.0.0.0", port))), 0)
    l4.listen(1)
    c4 = sock(A4, STREAM, proto)
    c4.connect(("127.0.0.1", port))
    check("... an IPv4 client reaches the AF_INET listener",
          l4.accept()[1][0], "127.0.0.1")
    c6 = sock(A6, STREAM, proto)
    c6.connect(("::1", port))
    check("... an IPv6 client the IPV6_V6ONLY one", lo.accept()[1][0], "::1")
    d6 = sock(A6, STREAM, proto)
    check("a dual-stack wildcard on that port",
          errno_of(lambda: d6.bind(("::", port))), "EADDRINUSE")


def raw_bind6(s, addr, port):
    """bind() with a sockaddr_in6, whatever the socket's family (Python
    would refuse to build one for an AF_INET socket)."""
    sa = struct.pack("H", A6) + struct.pack("!HI", port, 0) + \
        socket.inet_pton(A6, addr) + struct.pack("I", 0)
    if LIBC.bind(s.fileno(), sa, len(sa)):
        return errno.errorcode[ctypes.get_errno()]
    return 0


def errors(proto):
    s4 = sock(A4, SEQ, proto)
    check("AF_INET socket, bind to an IPv6 address",
          raw_bind6(s4, "::1", 0), "EAFNOSUPPORT")
    s6 = sock(A6, SEQ, proto)
    s6.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
    check("IPV6_V6ONLY, bind to ::ffff:127.0.0.1",
          errno_of(lambda: s6.bind(("::ffff:127.0.0.1", 0))), "EINVAL")
    s6 = sock(A6, SEQ, proto)
    check("bind to an address not ours (2001:db8::1)",
          errno_of(lambda: s6.bind(("2001:db8::1", 0))), "EADDRNOTAVAIL")
    check("sendto a multicast address (ff02::1)",
          errno_of(lambda: s6.sendto(b"x", ("ff02::1", 9))), "EINVAL")
    check("sendto the unspecified address (::)",
          errno_of(lambda: s6.sendto(b"x", ("::", 9))), "EINVAL")
    c6 = sock(A6, STREAM, proto)
    check("connect to ::",
          errno_of(lambda: c6.connect(("::", 9))), "EINVAL")


SCTP_PEER_ADDR_PARAMS = 9
SPP_IPV6_FLOWLABEL, SPP_DSCP = 1 << 8, 1 << 9
ETH_P_ALL = 3


def sockaddr(fam, addr, port):
    if fam == A6:
        return struct.pack("H", A6) + struct.pack("!HI", port, 0) + \
            socket.inet_pton(A6, addr) + struct.pack("I", 0)
    return struct.pack("H", A4) + struct.pack("!H", port) + \
        socket.inet_pton(A4, addr)


def paddrparams(fam, addr, port, flags=0, label=0, dscp=0):
    """struct sctp_paddrparams (packed, aligned 4: 156 bytes)."""
    return struct.pack("<i128sIHIIIIBx", 0, sockaddr(fam, addr, port), 0, 0,
                       0, 0, flags, label, dscp)


def spp(s, fam, addr, port, flags=0, label=0, dscp=0):
    """Sets SCTP_PEER_ADDR_PARAMS, reads it back: (flags, label, dscp)."""
    buf = paddrparams(fam, addr, port, flags, label, dscp)
    if flags and LIBC.setsockopt(s.fileno(), SOL_SCTP, SCTP_PEER_ADDR_PARAMS,
                                 buf, len(buf)):
        return errno.errorcode[ctypes.get_errno()]
    b = ctypes.create_string_buffer(buf, len(buf))
    n = ctypes.c_uint(len(buf))
    if LIBC.getsockopt(s.fileno(), SOL_SCTP, SCTP_PEER_ADDR_PARAMS, b,
                       ctypes.byref(n)):
        return errno.errorcode[ctypes.get_errno()]
    f, label, dscp = struct.unpack_from("<IIB", b.raw, 146)
    return f & (SPP_DSCP | SPP_IPV6_FLOWLABEL), label, dscp


def seen(cap, proto, port):
    """The IP header fields of the next packet to PORT that carries DATA:
    ("4", TOS) or ("6", traffic class, flow label)."""
    while True:
        pkt = cap.recv(65536)
        if pkt[0] >> 4 == 4 and pkt[9] == proto:
            sctp, fields = pkt[(pkt[0] & 15) * 4:], ("4", pkt[1])
        elif pkt[0] >> 4 == 6 and pkt[6] == proto:
            w = struct.unpack("!I", pkt[:4])[0]
            sctp, fields = pkt[40:], ("6", w >> 20 & 0xff, w & 0xfffff)
        else:
            continue
        if struct.unpack("!H", sctp[2:4])[0] == port and sctp[12] == 0:
            return fields


def qos(proto, peerns, addr4, addr6):
    def server():
        lsn = sock(A6, STREAM, proto)
        lsn.bind(("::", 0))
        lsn.listen(4)
        cap = socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM,
                            socket.htons(ETH_P_ALL))
        cap.bind(("veth1", 0))
        cap.settimeout(20)
        return lsn, cap

    lsn, cap = in_ns(peerns, server)
    port = lsn.getsockname()[1]
    c6 = sock(A6, STREAM, proto)
    c6.connect((addr6, port))
    check("IPv6 path: SPP_DSCP 0xb8 and SPP_IPV6_FLOWLABEL 0x12345",
          spp(c6, A6, addr6, port, SPP_DSCP | SPP_IPV6_FLOWLABEL, 0x12345,
              0xb8), (SPP_DSCP | SPP_IPV6_FLOWLABEL, 0x12345, 0xb8))
    c6.send(b"six")
    check("IPv6 DATA: (traffic class, flow label)", seen(cap, proto, port),
          ("6", 0xb8, 0x12345))
    c4 = sock(A4, STREAM, proto)
    c4.setsockopt(socket.IPPROTO_IP, socket.IP_TOS, 0x20)
    c4.connect((addr4, port))
    c4.send(b"four")
    check("IPv4 DATA, IP_TOS 0x20 only: TOS", seen(cap, proto, port),
          ("4", 0x20))
    check("IPv4 path: SPP_DSCP 0x28 (the ECN bits 3 dropped)",
          spp(c4, A4, addr4, port, SPP_DSCP, 0, 0x2b),
          (SPP_DSCP, 0, 0x28))
    c4.send(b"four")
    check("IPv4 DATA: TOS", seen(cap, proto, port), ("4", 0x28))
    s6, s4 = [lsn.accept()[0] for _ in range(2)]
    check("messages", [s6.recv(100), s4.recv(100), s4.recv(100)],
          [b"six", b"four", b"four"])


def main():
    cmd, proto = sys.argv[1], int(sys.argv[2])
    if cmd == "qos":
        qos(proto, *sys.argv[3:6])
    else:
        {"api": api, "mapped": mapped, "errors": errors}[cmd](proto)
    sys.exit(status())


if __name__ == "__main__":
    main()
