#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Drive the server half of the handshake by hand (RFC 9260 5.1).

    cookie.py [--proto N] [--tamper OFFSET] [--type seqpacket|stream]
              [--objects-fd FD] [--cookie-life MS] [--delay S]
              [--preservative MS]

Listens on 127.0.0.1, sends an INIT from a raw socket, reads the INIT ACK
and prints the live association count seen after it, then echoes the
State Cookie, with the byte at OFFSET (from the cookie's start) flipped
if asked.  Prints "established" if the listener then sees the
association (accept() or a SCTP_ASSOC_CHANGE), else "refused".

--cookie-life sets the listener's Valid.Cookie.Life (SCTP_ASSOCINFO
sasoc_cookie_life), --delay waits that long before the COOKIE ECHO,
--preservative adds a Cookie Preservative (RFC 9260 3.3.2.1) asking for
MS more to the INIT.  An ERROR the listener answers with is printed
before the verdict: "error cause C vtag 0xT value V" (V: the cause's
first 32 bits, the Measure of Staleness of a Stale Cookie, 3).
"""
import argparse
import os
import select
import socket
import struct
import time

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


def errors(raw, port, timeout=0.5):
    """Print each ERROR from port to SPORT in the next timeout seconds."""
    while select.select([raw], [], [], timeout)[0]:
        data = raw.recv(65535)
        sctp = data[(data[0] & 0xF) * 4:]
        sport, dport, vtag = struct.unpack("!HHI", sctp[:8])
        if sctp[12] != 9 or sport != port or dport != SPORT:
            continue
        code, _, value = struct.unpack("!HHI", sctp[16:24])
        print("error cause %d vtag 0x%08x value %d" % (code, vtag, value))


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
    ap.add_argument("--cookie-life", type=int, default=0)
    ap.add_argument("--delay", type=float, default=0)
    ap.add_argument("--preservative", type=int, default=None)
    a = ap.parse_args()
    kind = socket.SOCK_STREAM if a.type == "stream" else socket.SOCK_SEQPACKET
    srv = socket.socket(socket.AF_INET, kind, a.proto)
    srv.bind(("127.0.0.1", 0))
    if a.cookie_life:
        # SCTP_ASSOCINFO: struct sctp_assocparams, only the cookie life
        srv.setsockopt(132, 1, struct.pack("iHHIII", 0, 0, 0, 0, 0,
                                           a.cookie_life))
    if kind == socket.SOCK_SEQPACKET:
        # SCTP_EVENTS: association_event on, to see the new association
        srv.setsockopt(132, 11, bytes([0, 1]))
    srv.listen(4)
    port = srv.getsockname()[1]
    raw = socket.socket(socket.AF_INET, socket.SOCK_RAW, a.proto)
    init = struct.pack("!IIHHI", 0x0BADCAFE, 65536, 5, 5, 100)
    if a.preservative is not None:
        init += struct.pack("!HHI", 9, 8, a.preservative)
    raw.sendto(packet(port, 0, chunk(1, 0, init)), ("127.0.0.1", 0))
    tag, cookie = init_ack(raw, port)
    print("assocs after INIT ACK", assocs(a.objects_fd))
    cookie = bytearray(cookie)
    if a.tamper is not None:
        cookie[a.tamper] ^= 0x40
    time.sleep(a.delay)
    raw.sendto(packet(port, tag, chunk(10, 0, bytes(cookie))),
               ("127.0.0.1", 0))
    up = select.select([srv], [], [], 2.0)[0]
    if not up:
        errors(raw, port)
    print("established" if up else "refused")


if __name__ == "__main__":
    main()
