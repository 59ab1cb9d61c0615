#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""RFC 6951 probes: SCTP_REMOTE_UDP_ENCAPS_PORT and the port a path learns.

    encap.py opts PROTO DEFAULT   on a fresh one-to-many socket: the option
                                  reads DEFAULT (net.asctp.encap_port), sets
                                  and reads back, and refuses a bad length,
                                  an unknown association or address (EINVAL)
    encap.py learn PROTO PORT     in a namespace whose net.asctp.udp_port is
                                  PORT: a one-to-one association on 127.0.0.1
                                  whose client asks for UDP to PORT; both
                                  ends' path reads PORT once data flowed.
                                  The client then sets its path to 0 (plain
                                  SCTP) and sends again: the server's path
                                  must learn 0 (5.4).  Every message checked.
    encap.py switch PROTO PORT    the same set-up (loopback MTU 1500), plain
                                  SCTP at first: messages queued until the
                                  send buffer is full, then both ends' paths
                                  go into UDP, 8 bytes less of MTU:
                                  the chunks cut before must still go, and
                                  every message arrive whole (30 s at most)
Prints one "# " line per check; exit status 0 when every check held.
"""
import ctypes
import errno
import os
import socket
import struct
import sys
import threading
import time

from checks import check, status

SOL_SCTP = 132
SCTP_REMOTE_UDP_ENCAPS_PORT = 132
LIBC = ctypes.CDLL(None, use_errno=True)


def addr_storage(addr=None):
    """struct sockaddr_storage holding AF_INET ADDR (host, port), or
    AF_UNSPEC."""
    if addr is None:
        return bytes(128)
    sin = struct.pack("=H", socket.AF_INET) + struct.pack("!H", addr[1]) + \
        socket.inet_aton(addr[0])
    return sin + bytes(128 - len(sin))


def encaps(assoc_id, addr, port):
    """struct sctp_udpencaps; sue_port in network byte order (6.1)."""
    return struct.pack("i4x128s", assoc_id, addr_storage(addr)) + \
        struct.pack("!H", port) + bytes(6)


def call(fn, s, buf):
    b = ctypes.create_string_buffer(buf, len(buf))
    n = ctypes.c_uint(len(buf))
    ref = ctypes.byref(n) if fn is LIBC.getsockopt else n
    if fn(s.fileno(), SOL_SCTP, SCTP_REMOTE_UDP_ENCAPS_PORT, b, ref):
        return ctypes.get_errno(), None
    return 0, struct.unpack("!H", b.raw[136:138])[0]


def get(s, assoc_id=0, addr=None, length=144):
    return call(LIBC.getsockopt, s, encaps(assoc_id, addr, 0)[:length])


def put(s, port, assoc_id=0, addr=None, length=144):
    return call(LIBC.setsockopt, s, encaps(assoc_id, addr, port)[:length])[0]


def opts(proto, default):
    s = socket.socket(socket.AF_INET, socket.SOCK_SEQPACKET, proto)
    check("fresh socket", get(s), (0, default))
    check("set 9899", put(s, 9899), 0)
    check("read back", get(s), (0, 9899))
    check("set 0", put(s, 0), 0)
    check("read back 0", get(s), (0, 0))
    check("set, 143 bytes", put(s, 1, length=143), errno.EINVAL)
    check("set, 145 bytes", call(LIBC.setsockopt, s,
                                 encaps(0, None, 1) + b"\0")[0], errno.EINVAL)
    check("get, 143 bytes", get(s, length=143)[0], errno.EINVAL)
    check("unknown association", get(s, 77)[0], errno.EINVAL)
    check("set, unknown association", put(s, 1, 77), errno.EINVAL)
    check("unknown address", get(s, 0, ("10.1.2.3", 5))[0], errno.EINVAL)
    check("still 0", get(s), (0, 0))


def learn(proto, port):
    lsn = socket.socket(socket.AF_INET, socket.SOCK_STREAM, proto)
    lsn.bind(("127.0.0.1", 0))
    lsn.listen(1)
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM, proto)
    check("client: UDP for its associations", put(c, port), 0)
    c.connect(lsn.getsockname())
    srv = lsn.accept()[0]
    msgs = [bytes([i]) * (100 + i * 700) for i in range(8)]
    for m in msgs[:4]:
        c.send(m)
    got = [srv.recv(1 << 16) for _ in range(4)]
    peer_of_c, peer_of_srv = lsn.getsockname(), c.getsockname()
    check("client path", get(c, 0, peer_of_c), (0, port))
    check("server path learnt", get(srv, 0, peer_of_srv), (0, port))
    check("client path to 0", put(c, 0, 0, peer_of_c), 0)
    for m in msgs[4:]:
        c.send(m)
    got += [srv.recv(1 << 16) for _ in range(4)]
    time.sleep(0.3)     # the SACKs of the plain packets
    check("server path learnt 0", get(srv, 0, peer_of_srv), (0, 0))
    check("messages", [len(m) for m in got] == [len(m) for m in msgs] and
          got == msgs, True)


def switch(proto, port):
    lsn = socket.socket(socket.AF_INET, socket.SOCK_STREAM, proto)
    lsn.bind(("127.0.0.1", 0))
    lsn.listen(1)
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM, proto)
    c.connect(lsn.getsockname())
    srv = lsn.accept()[0]
    srv.settimeout(30)
    msgs = [bytes([i % 256]) * 30000 for i in range(400)]
    got = []

    def reader():
        try:
            while len(got) < len(msgs):
                got.append(srv.recv(1 << 16))
        except OSError as e:
            print(f"# reader: {e}")

    c.setblocking(False)    # fill the window and the send buffer
    n = 0
    try:
        while n < len(msgs):
            c.send(msgs[n])
            n += 1
    except BlockingIOError:
        pass
    print(f"# {n} messages queued before the switch")
    # both ends: else the server's plain SACKs turn the client back (5.4)
    check("client path to UDP", put(c, port, 0, lsn.getsockname()), 0)
    check("server path to UDP", put(srv, port, 0, c.getsockname()), 0)
    del msgs[n + 10:]
    t = threading.Thread(target=reader)
    t.start()
    c.settimeout(30)
    for m in msgs[n:]:
        c.send(m)
    t.join(35)
    check("messages whole", [len(m) for m in got], [len(m) for m in msgs])
    check("every byte", got == msgs, True)
    check("server path learnt", get(srv, 0, c.getsockname()), (0, port))


def main():
    cmd, proto = sys.argv[1], int(sys.argv[2])
    if cmd == "opts":
        opts(proto, int(sys.argv[3]))
    elif cmd == "switch":
        switch(proto, int(sys.argv[3]))
    else:
        learn(proto, int(sys.argv[3]))
    sys.exit(status())


if __name__ == "__main__":
    main()
