#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""One side of an interop.sh case that mxfer does not cover.

    interop.py hb server|client PROTO ADDR PORT IDLE
        one-to-one; HB.interval 100 ms and RTO 100..1000 ms on both
        sides; the client sends message 1, the server answers with
        message 2 after IDLE seconds of silence (heartbeats only), the
        client closes (SHUTDOWN) once it has it
    interop.py restart server PROTO ADDR PORT
        one-to-one; takes message 1, then expects SCTP_RESTART on the
        same socket, message 2 and the end of file
    interop.py restart client1|client2 PROTO ADDR PORT LADDR CPORT
        from LADDR:CPORT (one address: no heartbeats to another one
        that could reach the dead client's stack in between): client1 sends message 1, prints "sent" and
        sleeps (SO_LINGER {1, 0}: when killed it sends an ABORT, which
        the test drops); client2 sends message 2 and closes
    interop.py collide stream|seqpacket PROTO LADDR PEER PORT GO
        both sides bind LADDR:PORT, wait for the file GO, then connect
        to PEER:PORT at once (seqpacket: listen, and send to it); each
        sends its message and checks the peer's; the side with the
        lower address closes first, the other after the end of file

Message contents are a function of their number (and, for collide,
the sender's address): the receiver checks every byte.  Prints what it
saw and "ok"; exits 1 on any mismatch or unexpected event.
"""
import os
import random
import socket
import struct
import sys
import time

SOL_SCTP = 132
SCTP_RTOINFO = 0
SCTP_INITMSG = 2
SCTP_PEER_ADDR_PARAMS = 9
SCTP_EVENTS = 11
MSG_NOTIFICATION = 0x8000
SCTP_ASSOC_CHANGE = 0x8001
STATES = ["COMM_UP", "COMM_LOST", "RESTART", "SHUTDOWN_COMP",
          "CANT_STR_ASSOC"]
SIZE = 20000        # fragmented at a 1500-byte MTU


def fail(msg):
    print("FAIL", msg, flush=True)
    sys.exit(1)


def payload(tag, n=SIZE):
    return random.Random(tag).randbytes(n)


def sock(kind, proto, hb=False):
    s = socket.socket(socket.AF_INET, kind, proto)
    # SCTP_EVENTS: data_io 0, association 1
    s.setsockopt(SOL_SCTP, SCTP_EVENTS, bytes([0, 1]) + bytes(12))
    s.setsockopt(SOL_SCTP, SCTP_INITMSG, struct.pack("=HHHH", 4, 4, 0, 0))
    if hb:
        # RTO.Initial 300, RTO.Max 1000, RTO.Min 100 ms
        s.setsockopt(SOL_SCTP, SCTP_RTOINFO,
                     struct.pack("=iIII", 0, 300, 1000, 100))
        # SCTP_PEER_ADDR_PARAMS, socket default: HB.interval 100 ms
        s.setsockopt(SOL_SCTP, SCTP_PEER_ADDR_PARAMS,
                     struct.pack("=i128sIHIIIIBx", 0, b"", 100, 0, 0, 0,
                                 1, 0, 0))
    return s


def recv(s, what):
    """The next message (whole, MSG_EOR) or notification, as
    ("data", bytes) or ("event", state name); ("eof", None)."""
    buf = b""
    while True:
        data, _, flags, _ = s.recvmsg(1 << 20)
        if not data and not buf:
            return ("eof", None)
        if flags & MSG_NOTIFICATION:
            typ, = struct.unpack_from("=H", data)
            if typ != SCTP_ASSOC_CHANGE:
                continue
            state, = struct.unpack_from("=H", data, 8)
            name = STATES[state] if state < len(STATES) else str(state)
            print(what, "event", name, flush=True)
            return ("event", name)
        buf += data
        if flags & socket.MSG_EOR:
            return ("data", buf)


def expect_msg(s, tag, what):
    """Skip COMM_UP; the next must be message @tag, byte for byte."""
    while True:
        kind, v = recv(s, what)
        if kind == "event" and v == "COMM_UP":
            continue
        if kind != "data":
            fail(f"{what}: wanted message {tag!r}, got {kind} {v}")
        if v != payload(tag):
            fail(f"{what}: message {tag!r}: {len(v)} bytes, not the "
                 f"{SIZE} sent" if len(v) != SIZE else
                 f"{what}: message {tag!r}: bytes differ")
        print(what, "got", tag, len(v), "bytes ok", flush=True)
        return


def expect_eof(s, what):
    while True:
        kind, v = recv(s, what)
        if kind == "eof" or (kind == "event" and v == "SHUTDOWN_COMP"):
            return
        if kind != "event" or v != "COMM_UP":
            fail(f"{what}: wanted the end of file, got {kind} {v}")


def listener(kind, proto, addr, port, hb=False):
    s = sock(kind, proto, hb)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((addr, port))
    s.listen(5)
    print("listening", flush=True)
    return s


def hb(role, proto, addr, port, idle):
    if role == "server":
        ls = listener(socket.SOCK_STREAM, proto, addr, port, True)
        s, _ = ls.accept()
        expect_msg(s, 1, "server")
        time.sleep(idle)
        s.sendall(payload(2))
        expect_eof(s, "server")
    else:
        s = sock(socket.SOCK_STREAM, proto, True)
        s.connect((addr, port))
        s.sendall(payload(1))
        expect_msg(s, 2, "client")
    s.close()
    print("ok")


def restart(role, proto, addr, port, laddr="", cport=0):
    if role == "server":
        ls = listener(socket.SOCK_STREAM, proto, addr, port)
        s, _ = ls.accept()
        expect_msg(s, 1, "server")
        kind, v = recv(s, "server")
        if (kind, v) != ("event", "RESTART"):
            fail(f"server: wanted SCTP_RESTART, got {kind} {v}")
        expect_msg(s, 2, "server")
        expect_eof(s, "server")
        s.close()
        print("ok")
        return
    s = sock(socket.SOCK_STREAM, proto)
    s.bind((laddr, cport))
    if role == "client1":
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                     struct.pack("ii", 1, 0))
    s.connect((addr, port))
    if role == "client1":
        s.sendall(payload(1))
        print("sent", flush=True)
        time.sleep(3600)
    s.sendall(payload(2))
    s.shutdown(socket.SHUT_WR)
    expect_eof(s, "client2")
    s.close()
    print("ok")


def collide(kind, proto, laddr, peer, port, go):
    stream = kind == "stream"
    s = sock(socket.SOCK_STREAM if stream else socket.SOCK_SEQPACKET, proto)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((laddr, port))
    if not stream:
        s.listen(5)
    print("ready", flush=True)
    while not os.path.exists(go):
        time.sleep(0.01)
    if stream:
        s.connect((peer, port))
        s.sendall(payload(laddr))
    else:
        s.sendto(payload(laddr), (peer, port))
    expect_msg(s, peer, laddr)
    if stream:
        if socket.inet_aton(laddr) > socket.inet_aton(peer):
            expect_eof(s, laddr)
        s.close()
    else:
        # one-to-many: the lower address ends it with SHUTDOWN (sendmsg
        # SCTP_EOF); the other waits for SHUTDOWN_COMP
        if socket.inet_aton(laddr) < socket.inet_aton(peer):
            sndrcv = struct.pack("@HHHIIIIIi", 0, 0, 0x200, 0, 0, 0, 0, 0, 0)
            s.sendmsg([b""], [(SOL_SCTP, 1, sndrcv)], 0, (peer, port))
        expect_eof(s, laddr)
        s.close()
    print("ok")


def main(a):
    if a[0] == "hb":
        hb(a[1], int(a[2]), a[3], int(a[4]), float(a[5]))
    elif a[0] == "restart":
        restart(a[1], int(a[2]), a[3], int(a[4]), *a[5:6],
                *[int(x) for x in a[6:7]])
    elif a[0] == "collide":
        collide(a[1], int(a[2]), a[3], a[4], int(a[5]), a[6])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main(sys.argv[1:])
