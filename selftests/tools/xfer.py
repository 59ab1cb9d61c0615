#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Byte-exact message transfer over one-to-one sockets.

    xfer.py server PROTO ADDR PORT [DELAY]
                                         accept one, wait DELAY seconds,
                                         read to EOF, print "<messages>
                                         <bytes> <sha256> <reads>"
    xfer.py client PROTO ADDR PORT N SIZE   send N messages of SIZE bytes
                                            of a known pattern, then close
    xfer.py expect N SIZE                the server line the client's data
                                         must give

The server prints "listening" (flushed) once it is ready.
"""
import hashlib
import socket
import sys
import time


def pattern(i, size):
    """Byte j of message i is (7 i + j) mod 256."""
    k = i * 7 & 0xFF
    row = bytes(range(k, 256)) + bytes(range(k))
    return (row * (size // 256 + 1))[:size]


def server(proto, addr, port, delay=0.0):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, proto)
    s.bind((addr, port))
    s.listen(1)
    print("listening", flush=True)
    c, _ = s.accept()
    time.sleep(delay)
    h, n, total, reads = hashlib.sha256(), 0, 0, 0
    while True:
        data, _, flags, _ = c.recvmsg(1 << 20)
        if not data:
            break
        reads += 1
        h.update(data)
        total += len(data)
        n += bool(flags & socket.MSG_EOR)
    print(n, total, h.hexdigest(), reads, flush=True)


def client(proto, addr, port, n, size):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, proto)
    s.connect((addr, port))
    for i in range(n):
        s.send(pattern(i, size))
    s.close()


def expect(n, size):
    h = hashlib.sha256()
    for i in range(n):
        h.update(pattern(i, size))
    print(n, n * size, h.hexdigest(), n)  # one read per whole message


def main():
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "server":
        server(int(args[0]), args[1], int(args[2]),
               float(args[3]) if len(args) > 3 else 0.0)
    elif mode == "client":
        client(int(args[0]), args[1], int(args[2]), int(args[3]),
               int(args[4]))
    else:
        expect(int(args[0]), int(args[1]))


if __name__ == "__main__":
    main()
