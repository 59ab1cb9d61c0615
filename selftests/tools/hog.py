#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Readers that stop reading, for mem.sh.

    hog.py server PROTO PORT N GOFILE
    hog.py client PROTO PORT N MSGS

The server (one-to-one, 127.0.0.1) accepts N associations and prints
"accepted N", then reads nothing until GOFILE exists.  Then it reads
every association to its end, checking each message: message j of
association c is 65536 bytes, c and j in 4 bytes each, then the byte
(31 * c + j) % 251; it may come in pieces (partial delivery) up to
the one with MSG_EOR.  It prints "got T messages" (T = all of them), or
"MISMATCH ..." and exits 1.

The client opens N associations, SO_SNDBUF 32 KiB (64 KiB as the
kernel doubles it: about one message queued), and sends MSGS such
messages on each, non-blocking, as fast as the sockets take them
(EAGAIN and ENOBUFS mean later).  The senders' buffers are small so
that the memory is the readers': on one host both count against
net.asctp.mem, and senders holding all of it would leave the readers
one chunk at a time.  While it does, it samples the memory asctp has charged
(/proc/net/protocols, in pages) and prints "stalled P" once nothing
was taken for 2 s, with P the most pages seen so far.  When all is sent
it closes the sockets (SHUTDOWN after the last byte) and prints
"sent T peak P".
"""
import errno
import os
import select
import socket
import struct
import sys
import time

MSG = 65536


def message(c, j):
    return struct.pack("!II", c, j) + bytes([(31 * c + j) % 251]) * (MSG - 8)


def pages():
    with open("/proc/net/protocols") as f:
        for line in f:
            w = line.split()
            if w[0] == "ASCTP":
                return int(w[3])
    return -1


def server(proto, port, n, gofile):
    ls = socket.socket(socket.AF_INET, socket.SOCK_STREAM, proto)
    ls.bind(("127.0.0.1", port))
    ls.listen(n)
    print("listening", flush=True)
    conns = [ls.accept()[0] for _ in range(n)]
    print("accepted %d" % n, flush=True)
    while not os.path.exists(gofile):
        time.sleep(0.1)
    index = {}
    for c, s in enumerate(conns):
        index[s.fileno()] = [c, s, 0, b""]
    total = 0
    while index:
        r, _, _ = select.select([v[1] for v in index.values()], [], [], 60)
        if not r:
            print("MISMATCH: nothing for 60 s", flush=True)
            return 1
        for s in r:
            v = index[s.fileno()]
            data, _, flags, _ = s.recvmsg(MSG + 1)
            if not data:
                del index[s.fileno()]
                continue
            v[3] += data    # partial delivery: pieces until MSG_EOR
            if not flags & socket.MSG_EOR:
                continue
            data, v[3] = v[3], b""
            if data != message(v[0], v[2]):
                print("MISMATCH: association %d message %d: %d bytes" %
                      (v[0], v[2], len(data)), flush=True)
                return 1
            v[2] += 1
            total += 1
    print("got %d messages" % total, flush=True)
    return 0


def client(proto, port, n, msgs):
    socks = []
    for _ in range(n):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, proto)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 32768)
        s.connect(("127.0.0.1", port))
        s.setblocking(False)
        socks.append(s)
    sent = [0] * n
    peak, total, last, stalled = 0, 0, time.monotonic(), False
    while total < n * msgs:
        progress = False
        for c, s in enumerate(socks):
            while sent[c] < msgs:
                try:
                    s.send(message(c, sent[c]))
                except OSError as e:
                    if e.errno not in (errno.EAGAIN, errno.ENOBUFS):
                        raise
                    break
                sent[c] += 1
                total += 1
                progress = True
        peak = max(peak, pages())
        now = time.monotonic()
        if progress:
            last = now
        elif now - last > 2 and not stalled:
            stalled = True
            print("stalled %d" % peak, flush=True)
        if not progress:
            time.sleep(0.05)    # poll() says writable below SO_SNDBUF
    for s in socks:
        s.close()
    print("sent %d peak %d" % (total, peak), flush=True)
    return 0


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    proto, port, n = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    if sys.argv[1] == "server":
        sys.exit(server(proto, port, n, sys.argv[5]))
    sys.exit(client(proto, port, n, int(sys.argv[5])))


if __name__ == "__main__":
    main()
