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
import sys

SOL_SCTP = 132
SCTP_STATUS = 14
TYPES = {"stream": socket.SOCK_STREAM, "seqpacket": socket.SOCK_SEQPACKET}


def check_sctp_opt(s):
    """SOL_SCTP options are not implemented yet: ENOPROTOOPT, never EFAULT."""
    try:
        s.getsockopt(SOL_SCTP, SCTP_STATUS, 256)
    except OSError as e:
        if e.errno == errno.ENOPROTOOPT:
            return True
        print(f"getsockopt(SOL_SCTP): {e}", file=sys.stderr)
        return False
    print("getsockopt(SOL_SCTP) unexpectedly succeeded", file=sys.stderr)
    return False


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
