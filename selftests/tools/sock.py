#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Socket probes for the selftests.

    sock.py create TYPE PROTO     create, check, close one socket
    sock.py hold TYPE PROTO FIFO  create one, say "ready" on stdout,
                                  close it when a line arrives on FIFO
TYPE is stream or seqpacket.  Exit status 0 when every check held.
"""
import errno
import socket
import struct
import sys

SOL_SCTP = 132
SCTP_RTOINFO = 0
SCTP_INITMSG = 2
SCTP_STATUS = 14
TYPES = {"stream": socket.SOCK_STREAM, "seqpacket": socket.SOCK_SEQPACKET}


def errno_of(call):
    try:
        call()
    except OSError as e:
        return e.errno
    return 0


def check_sctp_opt(s):
    """SOL_SCTP as the kernel's SCTP answers a fresh socket: SCTP_INITMSG
    gives the RFC 6458 defaults, SCTP_STATUS has no association (EINVAL),
    an option not implemented yet says ENOPROTOOPT."""
    init = struct.unpack("HHHH", s.getsockopt(SOL_SCTP, SCTP_INITMSG, 8))
    checks = [
        ("SCTP_INITMSG", init, (10, 65535, 8, 60000)),
        ("SCTP_STATUS", errno_of(lambda: s.getsockopt(SOL_SCTP, SCTP_STATUS,
                                                      256)), errno.EINVAL),
        ("SCTP_RTOINFO", errno_of(lambda: s.getsockopt(SOL_SCTP, SCTP_RTOINFO,
                                                       16)),
         errno.ENOPROTOOPT),
    ]
    ok = True
    for name, got, want in checks:
        if got != want:
            print(f"getsockopt({name}): {got}, expected {want}",
                  file=sys.stderr)
            ok = False
    return ok


def main():
    cmd, typ, proto = sys.argv[1], TYPES[sys.argv[2]], int(sys.argv[3])
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
