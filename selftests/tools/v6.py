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
                         ::ffff:127.0.0.1; IPV6_V6ONLY refuses IPv4
    v6.py errors PROTO   addresses a socket does not take: the errno of
                         bind, connect and sendto for each
Prints one "# " line per check; exit status 0 when every check held.
"""
import ctypes
import errno
import socket
import struct
import sys

SOL_SCTP = 132
SCTP_I_WANT_MAPPED_V4_ADDR = 12
SCTP_INITMSG = 2
SCTP_GET_PEER_ADDRS = 108
LIBC = ctypes.CDLL(None, use_errno=True)
OK = [True]
A6, A4 = socket.AF_INET6, socket.AF_INET
STREAM, SEQ = socket.SOCK_STREAM, socket.SOCK_SEQPACKET


def check(name, got, want):
    print(f"# {name}: {got}{'' if got == want else f', expected {want}'}")
    if got != want:
        OK[0] = False


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


def main():
    cmd, proto = sys.argv[1], int(sys.argv[2])
    {"api": api, "mapped": mapped, "errors": errors}[cmd](proto)
    sys.exit(0 if OK[0] else 1)


if __name__ == "__main__":
    main()
