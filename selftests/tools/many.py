#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Many associations at once, for faults.sh.

    many.py PROTO N [--abort]

In the current network namespace: a one-to-many server on
127.0.0.1:5100 and N one-to-many client sockets, each of which sets up
its association by sending "hi" (implicit set-up).  Once the server has
every "hi", prints "ready N" and waits for a line on stdin; then exits
without closing anything, so that the kernel closes every socket: each
association shuts down gracefully, or with --abort (SO_LINGER {1, 0} on
every socket) is aborted.
"""
import os
import resource
import socket
import struct
import sys

PORT = 5100


def main():
    proto, n = int(sys.argv[1]), int(sys.argv[2])
    abort = "--abort" in sys.argv[3:]
    want = n + 64
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (want, max(hard, want)))
    srv = socket.socket(socket.AF_INET, socket.SOCK_SEQPACKET, proto)
    srv.bind(("127.0.0.1", PORT))
    srv.listen(n)
    clients = []
    for _ in range(n):
        c = socket.socket(socket.AF_INET, socket.SOCK_SEQPACKET, proto)
        c.sendto(b"hi", ("127.0.0.1", PORT))
        clients.append(c)
    got = 0
    while got < n:
        data = srv.recv(16)
        if data == b"hi":
            got += 1
    if abort:
        lg = struct.pack("ii", 1, 0)
        for s in clients + [srv]:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, lg)
    print(f"ready {got}", flush=True)
    sys.stdin.readline()
    os._exit(0)


if __name__ == "__main__":
    main()
