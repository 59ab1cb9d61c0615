#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""A scripted SCTP peer that owns no address, for timer and loss tests.

    peer.py PROTO IFNAME ADDR PORT [--ignore-cookie N]
            [--ignore-shutdown N] [--timeout S]

Runs in a namespace where IFNAME is up but has no address, so the
namespace's own stack never sees the packets (they are not local, and
with forwarding off they are dropped without an ICMP).  It reads frames
for ADDR:PORT on an AF_PACKET socket and answers with frames of its own:

  INIT           -> INIT ACK (a dummy cookie: nobody checks it but us)
  COOKIE ECHO    -> ignored the first N times, then COOKIE ACK
  DATA           -> SACK of its TSN
  SHUTDOWN       -> ignored the first N times, then SHUTDOWN ACK
  SHUTDOWN COMPLETE or ABORT -> exit 0 or 1

It prints one line per chunk it receives ("<seconds> rx <NAME>"), so the
test sees when each retransmission came.  The peer's own MAC address is
taken from the frames it receives; the other side needs a static
neighbour entry for ADDR.
"""
import argparse
import socket
import struct
import sys
import time

from pkt import crc32c

ETH_P_IP = 0x0800
NAMES = {0: "DATA", 1: "INIT", 2: "INIT_ACK", 3: "SACK", 6: "ABORT",
         7: "SHUTDOWN", 8: "SHUTDOWN_ACK", 10: "COOKIE_ECHO",
         11: "COOKIE_ACK", 14: "SHUTDOWN_COMPLETE"}
MY_TAG = 0x5EED1234
MY_TSN = 1000


def chunk(ctype, flags, body):
    pad = b"\0" * (-len(body) % 4)
    return struct.pack("!BBH", ctype, flags, 4 + len(body)) + body + pad


def ip_csum(hdr):
    s = sum(struct.unpack("!10H", hdr))
    s = (s & 0xFFFF) + (s >> 16)
    s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


class Peer:
    def __init__(self, a):
        self.a = a
        self.sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW,
                                  socket.htons(ETH_P_IP))
        self.sock.bind((a.ifname, ETH_P_IP))
        self.addr = socket.inet_aton(a.addr)
        self.t0 = time.monotonic()
        self.count = {}
        self.peer_tag = 0

    def recv(self):
        """One SCTP packet for us: (eth header, ip header, sctp packet)."""
        self.sock.settimeout(self.a.timeout)
        while True:
            frame = self.sock.recv(65535)
            ip = frame[14:]
            ihl = (ip[0] & 0xF) * 4
            if ip[9] != self.a.proto or ip[16:20] != self.addr:
                continue
            sctp = ip[ihl:struct.unpack("!H", ip[2:4])[0]]
            if struct.unpack("!H", sctp[2:4])[0] == self.a.port:
                return frame[:14], ip[:ihl], sctp

    def send(self, eth, ip, sctp_in, vtag, chunks):
        sport, dport = struct.unpack("!HH", sctp_in[:4])
        hdr = struct.pack("!HHI", dport, sport, vtag)
        csum = crc32c(hdr + b"\0\0\0\0" + chunks)
        sctp = hdr + struct.pack("<I", csum) + chunks
        iph = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(sctp), 0,
                          0x4000, 64, self.a.proto, 0, ip[16:20], ip[12:16])
        iph = iph[:10] + struct.pack("!H", ip_csum(iph)) + iph[12:]
        self.sock.send(eth[6:12] + eth[0:6] + eth[12:14] + iph + sctp)

    def seen(self, name):
        self.count[name] = self.count.get(name, 0) + 1
        print("%.2f rx %s %d" % (time.monotonic() - self.t0, name,
                                 self.count[name]), flush=True)
        return self.count[name]

    def reply(self, ctype, body):
        """The chunks answering one received chunk, or None to stop."""
        name = NAMES.get(ctype, str(ctype))
        n = self.seen(name)
        if ctype == 1:
            self.peer_tag, _, os_, _, tsn = struct.unpack("!IIHHI", body[:16])
            cookie = struct.pack("!HH", 7, 4 + 16) + b"C" * 16
            ack = struct.pack("!IIHHI", MY_TAG, 65536, min(os_, 5), 5,
                              MY_TSN)
            return chunk(2, 0, ack + cookie)
        if ctype == 10:
            return b"" if n <= self.a.ignore_cookie else chunk(11, 0, b"")
        if ctype == 0:
            tsn = struct.unpack("!I", body[:4])[0]
            return chunk(3, 0, struct.pack("!IIHH", tsn, 65536, 0, 0))
        if ctype == 7:
            return b"" if n <= self.a.ignore_shutdown else chunk(8, 0, b"")
        if ctype in (6, 14):
            return None
        return b""

    def run(self):
        while True:
            eth, ip, sctp = self.recv()
            out, body = b"", sctp[12:]
            while len(body) >= 4:
                ctype, _, clen = struct.unpack("!BBH", body[:4])
                if clen < 4:
                    break
                r = self.reply(ctype, body[4:clen])
                if r is None:
                    return 0 if ctype == 14 else 1
                out += r
                body = body[(clen + 3) & ~3:]
            if out:
                self.send(eth, ip, sctp, self.peer_tag, out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("proto", type=int)
    ap.add_argument("ifname")
    ap.add_argument("addr")
    ap.add_argument("port", type=int)
    ap.add_argument("--ignore-cookie", type=int, default=0)
    ap.add_argument("--ignore-shutdown", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=30.0)
    a = ap.parse_args()
    p = Peer(a)
    print("ready", flush=True)
    try:
        sys.exit(p.run())
    except socket.timeout:
        print("timeout", flush=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
