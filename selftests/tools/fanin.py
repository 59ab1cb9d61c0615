#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Many senders into one one-to-many socket that reads late.

    fanin.py server PROTO ADDR PORT N COUNT DELAY
    fanin.py client PROTO ADDR PORT N COUNT

The server (SOCK_SEQPACKET) prints "listening" (flushed), reads the
first message, sleeps DELAY seconds, then reads the rest of N * COUNT
messages of 1000 bytes and prints "received M bytes B ok" if each
association's messages came whole and in order: message i of client c
is 1000 bytes of (c * 7 + i) % 256, its first 4 bytes c and i.

The client sets up N one-to-one associations first, then sends COUNT
messages on each, round-robin, and closes them all.
"""
import socket
import struct
import sys
import time

SIZE = 1000


def message(c, i):
    return struct.pack("!HH", c, i) + bytes([(c * 7 + i) % 256]) * (SIZE - 4)


def server(proto, addr, port, n, count, delay):
    s = socket.socket(socket.AF_INET, socket.SOCK_SEQPACKET, proto)
    s.bind((addr, port))
    s.listen(n)
    print("listening", flush=True)
    nxt, got, total = {}, 0, 0
    while got < n * count:
        data, _, flags, peer = s.recvmsg(2 * SIZE)
        if not flags & socket.MSG_EOR or len(data) != SIZE:
            sys.exit("a message of %d bytes, flags 0x%x" % (len(data), flags))
        c, i = struct.unpack("!HH", data[:4])
        if data != message(c, i) or nxt.get(peer, 0) != i:
            sys.exit("from %s: message %d of client %d, %d due" %
                     (peer, i, c, nxt.get(peer, 0)))
        if i == 0 and got == 0:
            time.sleep(delay)   # the first is in: the rest waits
        nxt[peer] = i + 1
        got += 1
        total += len(data)
    print("received %d bytes %d ok" % (got, total), flush=True)


def client(proto, addr, port, n, count):
    socks = []
    for _ in range(n):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, proto)
        s.connect((addr, port))
        socks.append(s)
    for i in range(count):
        for c, s in enumerate(socks):
            s.sendall(message(c, i))
    for s in socks:
        s.close()


def main():
    a = sys.argv
    if a[1] == "server":
        server(int(a[2]), a[3], int(a[4]), int(a[5]), int(a[6]), float(a[7]))
    else:
        client(int(a[2]), a[3], int(a[4]), int(a[5]), int(a[6]))


if __name__ == "__main__":
    main()
