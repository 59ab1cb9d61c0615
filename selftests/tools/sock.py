#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Socket probes for the selftests.

    sock.py create TYPE PROTO     create, check, close one socket
    sock.py hold TYPE PROTO FIFO  create one, say "ready" on stdout,
                                  close it when a line arrives on FIFO
    sock.py restart TYPE PROTO    a blocking connect() to a listener on
                                  127.0.0.1, under a 50 ms SIGALRM with
                                  SA_RESTART: one call that succeeds
    sock.py again stream PROTO    a connect() a signal cuts (EINTR),
                                  called again once the association is
                                  up: it succeeds, as TCP's
TYPE is stream or seqpacket.  Exit status 0 when every check held.
"""
import ctypes
import errno
import os
import select
import signal
import socket
import struct
import sys

SOL_SCTP = 132
SCTP_RTOINFO = 0
SCTP_ASSOCINFO = 1
SCTP_INITMSG = 2
SCTP_STATUS = 14
SCTP_DELAYED_SACK = 16
SCTP_AUTH_CHUNK = 21
TYPES = {"stream": socket.SOCK_STREAM, "seqpacket": socket.SOCK_SEQPACKET}


def errno_of(call):
    try:
        call()
    except OSError as e:
        return e.errno
    return 0


LIBC = ctypes.CDLL(None, use_errno=True)


def getsockopt_in(s, opt, data):
    """getsockopt() whose buffer carries input (the association id),
    which socket.getsockopt() leaves uninitialized."""
    buf = ctypes.create_string_buffer(data, len(data))
    n = ctypes.c_uint(len(data))
    if LIBC.getsockopt(s.fileno(), SOL_SCTP, opt, buf, ctypes.byref(n)):
        e = ctypes.get_errno()
        raise OSError(e, os.strerror(e))
    return buf.raw[:n.value]


def rtoinfo(s):
    """struct sctp_rtoinfo: assoc id, initial, max, min."""
    return struct.unpack("iIII", getsockopt_in(s, SCTP_RTOINFO,
                                               bytes(16)))


def set_rtoinfo(s, initial, rto_max, rto_min):
    return errno_of(lambda: s.setsockopt(
        SOL_SCTP, SCTP_RTOINFO, struct.pack("iIII", 0, initial, rto_max,
                                            rto_min)))


def sack(s):
    """struct sctp_sack_info: assoc id, delay, frequency."""
    return struct.unpack("iII", getsockopt_in(s, SCTP_DELAYED_SACK,
                                              bytes(12)))


def set_sack(s, delay, freq):
    return errno_of(lambda: s.setsockopt(
        SOL_SCTP, SCTP_DELAYED_SACK, struct.pack("iII", 0, delay, freq)))


def check_sctp_opt(s):
    """SOL_SCTP as a fresh socket answers: SCTP_INITMSG and SCTP_RTOINFO
    give the RFC 6458 and RFC 9260 defaults (RTO.Initial 1 s, as 9260
    has it), SCTP_ASSOCINFO Association.Max.Retrans 10 and a cookie life
    of 60 s; SCTP_RTOINFO sets what is not zero and refuses min > max;
    SCTP_STATUS has no association (EINVAL); an option not implemented
    says ENOPROTOOPT."""
    init = struct.unpack("HHHH", s.getsockopt(SOL_SCTP, SCTP_INITMSG, 8))
    assoc = struct.unpack("iHHIII", getsockopt_in(s, SCTP_ASSOCINFO,
                                                  bytes(20)))
    checks = [
        ("SCTP_INITMSG", init, (10, 65535, 8, 60000)),
        ("SCTP_RTOINFO", rtoinfo(s), (0, 1000, 60000, 1000)),
        ("SCTP_ASSOCINFO", (assoc[1], assoc[5]), (10, 60000)),
        ("SCTP_RTOINFO set", set_rtoinfo(s, 200, 400, 100), 0),
        ("SCTP_RTOINFO after set", rtoinfo(s), (0, 200, 400, 100)),
        ("SCTP_RTOINFO min > max", set_rtoinfo(s, 0, 0, 500), errno.EINVAL),
        ("SCTP_RTOINFO zero fields kept", set_rtoinfo(s, 0, 0, 0), 0),
        ("SCTP_RTOINFO unchanged", rtoinfo(s), (0, 200, 400, 100)),
        ("SCTP_DELAYED_SACK", sack(s), (0, 200, 2)),
        ("SCTP_DELAYED_SACK delay", set_sack(s, 300, 0), 0),
        ("SCTP_DELAYED_SACK after delay", sack(s), (0, 300, 2)),
        ("SCTP_DELAYED_SACK off", set_sack(s, 0, 1), 0),
        ("SCTP_DELAYED_SACK after off", sack(s), (0, 0, 1)),
        ("SCTP_DELAYED_SACK 0 0", set_sack(s, 0, 0), 0),
        ("SCTP_DELAYED_SACK still off", sack(s), (0, 0, 1)),
        ("SCTP_DELAYED_SACK over 500 ms", set_sack(s, 600, 0), errno.EINVAL),
        ("SCTP_DELAYED_SACK back on", set_sack(s, 250, 3), 0),
        ("SCTP_DELAYED_SACK after on", sack(s), (0, 250, 3)),
        ("SCTP_DELAYED_SACK as sctp_assoc_value", struct.unpack(
            "iI", getsockopt_in(s, SCTP_DELAYED_SACK, bytes(8))), (0, 250)),
        ("SCTP_STATUS", errno_of(lambda: s.getsockopt(SOL_SCTP, SCTP_STATUS,
                                                      256)), errno.EINVAL),
        ("SCTP_RTOINFO unknown association", errno_of(lambda: getsockopt_in(
            s, SCTP_RTOINFO, struct.pack("iIII", 12345, 0, 0, 0)))
         if s.type == socket.SOCK_SEQPACKET else errno.EINVAL, errno.EINVAL),
        ("SCTP_AUTH_CHUNK", errno_of(lambda: s.getsockopt(
            SOL_SCTP, SCTP_AUTH_CHUNK, 16)), errno.ENOPROTOOPT),
    ]
    ok = True
    for name, got, want in checks:
        if got != want:
            print(f"getsockopt({name}): {got}, expected {want}",
                  file=sys.stderr)
            ok = False
    return ok


def restart(typ, proto):
    """connect() restarted by the kernel after each signal must wait on
    for the association it started, then succeed, and carry data."""
    lsn = socket.socket(socket.AF_INET, typ, proto)
    lsn.bind(("127.0.0.1", 0))
    lsn.listen(1)
    hits = []
    signal.signal(signal.SIGALRM, lambda *_: hits.append(1))
    signal.siginterrupt(signal.SIGALRM, False)
    c = socket.socket(socket.AF_INET, typ, proto)
    signal.setitimer(signal.ITIMER_REAL, 0.05, 0.05)
    try:
        c.connect(lsn.getsockname())
        err = 0
    except OSError as e:
        err = e.errno
    signal.setitimer(signal.ITIMER_REAL, 0)
    print(f"# connect: {os.strerror(err) if err else 'ok'}, "
          f"{len(hits)} signals during it")
    if err or not hits:
        return False
    if typ == socket.SOCK_STREAM:
        c.send(b"restarted")
        got = lsn.accept()[0].recv(64)
    else:   # one-to-many: the association named by its peer
        c.sendto(b"restarted", lsn.getsockname())
        got = lsn.recv(64)
    print(f"# received {got!r}")
    return got == b"restarted"


class Cut(Exception):
    pass


def cut(*_):
    raise Cut()


def again(typ, proto):
    """connect() cut by a signal (EINTR, the handler raises), then, once
    the association is up (writable), connect() again: 0, as TCP's."""
    lsn = socket.socket(socket.AF_INET, typ, proto)
    lsn.bind(("127.0.0.1", 0))
    lsn.listen(1)
    signal.signal(signal.SIGALRM, cut)
    c = socket.socket(socket.AF_INET, typ, proto)
    signal.setitimer(signal.ITIMER_REAL, 0.1)
    try:
        c.connect(lsn.getsockname())
        print("# connect: done before the signal")
        return False
    except Cut:
        pass
    if not select.select([], [c], [], 10)[1]:
        print("# not up 10 s after the signal")
        return False
    try:
        c.connect(lsn.getsockname())
        err = 0
    except OSError as e:
        err = e.errno
    print(f"# connect again once up: {os.strerror(err) if err else 'ok'}")
    if err:
        return False
    c.send(b"again")
    got = lsn.accept()[0].recv(64)
    print(f"# received {got!r}")
    return got == b"again"


def main():
    cmd, typ, proto = sys.argv[1], TYPES[sys.argv[2]], int(sys.argv[3])
    if cmd == "restart":
        sys.exit(0 if restart(typ, proto) else 1)
    if cmd == "again":
        sys.exit(0 if again(typ, proto) else 1)
    s = socket.socket(socket.AF_INET, typ, proto)
    ok = s.type == typ and s.proto == proto and check_sctp_opt(s)
    if cmd == "hold":
        print("ready", flush=True)
        with open(sys.argv[4]) as fifo:
            fifo.readline()
    s.close()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
