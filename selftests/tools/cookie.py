#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Drive the server half of the handshake by hand (RFC 9260 5.1).

    cookie.py [--proto N] [--tamper OFFSET] [--type seqpacket|stream]
              [--objects-fd FD]

Listens on 127.0.0.1, sends an INIT from a raw socket, reads the INIT ACK
and prints the live association count seen after it, then echoes the
State Cookie, with the byte at OFFSET (from the cookie's start) flipped
if asked.  Prints "established" if the listener then sees the
association (accept() or a SCTP_ASSOC_CHANGE), else "refused".
"""
import argparse
import os
import select
import socket
import struct

from pkt import crc32c

SPORT = 5000


def chunk(ctype, flags, body):
    pad = b"\0" * (-len(body) % 4)
    return struct.pack("!BBH", ctype, flags, 4 + len(body)) + body + pad


def packet(dport, vtag, chunks):
    hdr = struct.pack("!HHI", SPORT, dport, vtag)
    csum = crc32c(hdr + b"\0\0\0\0" + chunks)
    return hdr + struct.pack("<I", csum) + chunks


def params(body):
    while len(body) >= 4:
        ptype, plen = struct.unpack("!HH", body[:4])
        yield ptype, body[4:plen]
        body = body[(plen + 3) & ~3:]


def init_ack(raw, port, timeout=5.0):
    """The INIT ACK from port to SPORT: (its init tag, the cookie)."""
    while select.select([raw], [], [], timeout)[0]:
        data = raw.recv(65535)
        sctp = data[(data[0] & 0xF) * 4:]
        sport, dport = struct.unpack("!HH", sctp[:4])
        if sctp[12] != 2 or sport != port or dport != SPORT:
            continue
        tag = struct.unpack("!I", sctp[16:20])[0]
        for ptype, value in params(sctp[32:]):
            if ptype == 7:
                return tag, value
    raise SystemExit("no INIT ACK")


def assocs(fd):
    """Live associations, from the debugfs objects file open on fd (opened
    outside the namespace, whose /sys hides debugfs), or -1."""
    if fd is None:
        return -1
    os.lseek(fd, 0, os.SEEK_SET)
    for line in os.read(fd, 4096).decode().splitlines():
        name, n = line.split()
        if name == "assoc":
            return int(n)
    return -1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--proto", type=int, default=132)
    ap.add_argument("--tamper", type=int, default=None)
    ap.add_argument("--objects-fd", type=int, default=None)
    ap.add_argument("--type", choices=["seqpacket", "stream"],
                    default="stream")
    a = ap.parse_args()
    kind = socket.SOCK_STREAM if a.type == "stream" else socket.SOCK_SEQPACKET
    srv = socket.socket(socket.AF_INET, kind, a.proto)
    srv.bind(("127.0.0.1", 0))
    if kind == socket.SOCK_SEQPACKET:
        # SCTP_EVENTS: association_event on, to see the new association
        srv.setsockopt(132, 11, bytes([0, 1]))
    srv.listen(4)
    port = srv.getsockname()[1]
    raw = socket.socket(socket.AF_INET, socket.SOCK_RAW, a.proto)
    init = struct.pack("!IIHHI", 0x0BADCAFE, 65536, 5, 5, 100)
    raw.sendto(packet(port, 0, chunk(1, 0, init)), ("127.0.0.1", 0))
    tag, cookie = init_ack(raw, port)
    print("assocs after INIT ACK", assocs(a.objects_fd))
    cookie = bytearray(cookie)
    if a.tamper is not None:
        cookie[a.tamper] ^= 0x40
    raw.sendto(packet(port, tag, chunk(10, 0, bytes(cookie))),
               ("127.0.0.1", 0))
    up = select.select([srv], [], [], 2.0)[0]
    print("established" if up else "refused")


if __name__ == "__main__":
    main()
