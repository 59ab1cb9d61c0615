#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""An echo service, for flood.sh's legitimate client.

    echo.py server PROTO ADDR PORT
    echo.py client PROTO ADDR PORT N SEED

The server (one-to-many) prints "listening" and sends every message
back to the association it came on, until it is killed.  The client
(one-to-one; SCTP_INITMSG: INIT resent every second at most, as one
that expects a busy server might) connects and prints "connected in T
s", then sends N messages of 1 to 2000 random bytes (a PRNG seeded with
SEED), each after the echo of the one before, checks every echo byte
for byte and prints "echoed N messages, B bytes in T s", or "MISMATCH
..." or "TIMEOUT ..." (no echo within 10 s) and exits 1.
"""
import random
import socket
import struct
import sys
import time

SOL_SCTP, SCTP_INITMSG = 132, 2


def server(proto, addr, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_SEQPACKET, proto)
    s.bind((addr, port))
    s.listen(1024)
    print("listening", flush=True)
    while True:
        m, peer = s.recvfrom(4096)
        s.sendto(m, peer)


def client(proto, addr, port, n, seed):
    rng = random.Random(seed)
    t = time.monotonic()
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, proto)
    # streams 10 each way, 8 attempts, max_init_timeo 1000 ms
    s.setsockopt(SOL_SCTP, SCTP_INITMSG, struct.pack("HHHH", 10, 10, 8,
                                                     1000))
    s.connect((addr, port))
    print(f"connected in {time.monotonic() - t:.2f} s", flush=True)
    s.settimeout(10)
    total = 0
    for i in range(n):
        m = rng.randbytes(rng.randint(1, 2000))
        s.send(m)
        try:
            e = s.recv(4096)
        except socket.timeout:
            print(f"TIMEOUT message {i}: {len(m)} bytes, no echo in 10 s")
            return 1
        if e != m:
            print(f"MISMATCH message {i}: sent {len(m)} bytes, "
                  f"got {len(e)} back")
            return 1
        total += len(m)
    print(f"echoed {n} messages, {total} bytes in "
          f"{time.monotonic() - t:.2f} s")
    return 0


def main():
    proto, addr, port = int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    if sys.argv[1] == "server":
        return server(proto, addr, port)
    return client(proto, addr, port, int(sys.argv[5]), int(sys.argv[6]))


if __name__ == "__main__":
    sys.exit(main())
