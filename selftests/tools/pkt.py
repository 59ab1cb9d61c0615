#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Craft SCTP packets for the selftests and send them over a raw socket.

    pkt.py [--proto N] [--sport P] [--dport P] [--vtag T] [--chunk TYPE]
           [--flags F] [--body-len N | --body HEX]
           [--bad-csum] [--truncate N] [--count N] [--src ADDR]
           [--expect-abort | --expect TYPE [--expect-tbit] [--show-params]
           | --expect-none]
           [--timeout S] DST

One chunk of TYPE with flags F.  Its body is INIT-shaped, 20 bytes,
whatever the type, unless --body-len cuts it (or pads it with zeros) to
N bytes or --body gives it in hex.

--expect-abort: then wait for the answer (from DST, ports swapped) and
check it is an ABORT as RFC 9260 8.4 rule 3 asks for an INIT nobody
takes: Verification Tag = the INIT's Initiate Tag, T bit clear; prints
its error causes, if any, "causes HEX".
--expect TYPE: the answer's first chunk is TYPE, with the T bit clear,
or with --expect-tbit set and the packet's own tag reflected (8.4 (5),
(8)); with --show-params it then prints that chunk's parameters after
its fixed part (an INIT ACK's), "param HEX" each, the State Cookie as
"param 0007 cookie".  --expect-none: no answer within --timeout.
Prints "reply: ...", exits 1 on any other answer or none.  Its CRC32c is not
checked: over lo and veth the stack may leave it to (virtual) offload.
--src: the IPv4 source address, any (IP_HDRINCL): a peer that is not
there.
"""
import argparse
import socket
import struct
import sys
import time

INIT_TAG = 0x11223344
ABORT = 6
NAMES = {0: "DATA", 1: "INIT", 2: "INIT ACK", 4: "HEARTBEAT", 6: "ABORT",
         8: "SHUTDOWN ACK", 9: "ERROR", 11: "COOKIE ACK",
         14: "SHUTDOWN COMPLETE"}


def _crc32c_byte(c):
    for _ in range(8):
        c = (c >> 1) ^ (0x82F63B78 if c & 1 else 0)
    return c


# A byte at a time: the bitwise loop took a minute for peer.py's
# 3000-packet flood under TCG.
_CRC32C = [_crc32c_byte(i) for i in range(256)]


def crc32c(data, crc=0xFFFFFFFF):
    """CRC32c (Castagnoli), independent of the module's code."""
    t = _CRC32C
    for b in data:
        crc = t[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def packet(sport, dport, vtag, chunk_type, bad_csum, flags=0, body=None):
    # An INIT-shaped chunk body (RFC 9260 3.3.2) whatever the type:
    # the receive checks under test look only at the common header.
    if body is None:
        body = struct.pack("!IIHHI", INIT_TAG, 65536, 10, 10, 1)
    chunk = struct.pack("!BBH", chunk_type, flags, 4 + len(body)) + body
    chunk += b"\0" * (-len(chunk) % 4)
    hdr = struct.pack("!HHI", sport, dport, vtag)
    csum = crc32c(hdr + b"\0\0\0\0" + chunk)
    if bad_csum:
        csum ^= 0x1
    return hdr + struct.pack("<I", csum) + chunk


def reply(s, dst, sport, dport, timeout):
    """The first SCTP packet from dst:dport to sport, or None."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        s.settimeout(left)
        try:
            data, (src, _) = s.recvfrom(65535)
        except socket.timeout:
            return None
        pkt = data[(data[0] & 0xF) * 4:]
        if src != dst or len(pkt) < 16:
            continue
        if struct.unpack("!HH", pkt[:4]) == (dport, sport):
            return pkt


def show(pkt):
    """Print the reply's first chunk; (type, flags, vtag) or None."""
    if pkt is None:
        print("reply: none")
        return None
    (vtag,) = struct.unpack("!I", pkt[4:8])
    ctype, flags, clen = struct.unpack("!BBH", pkt[12:16])
    name = " (%s)" % NAMES[ctype] if ctype in NAMES else ""
    print("reply: chunk %d%s vtag=0x%08x T=%d chunk length %d" %
          (ctype, name, vtag, flags & 1, clen))
    return ctype, flags, vtag


def show_params(pkt):
    """The parameters of an INIT ACK (RFC 9260 3.3.3), a line each."""
    clen = struct.unpack("!H", pkt[14:16])[0]
    params = pkt[12 + 4 + 16:12 + clen]
    while len(params) >= 4:
        ptype, plen = struct.unpack("!HH", params[:4])
        if plen < 4:
            print("param %s malformed" % params.hex())
            return
        if ptype == 7:
            print("param 0007 cookie")
        else:
            print("param %s" % params[:plen].hex())
        params = params[(plen + 3) & ~3:]


def check_abort(pkt):
    r = show(pkt)
    return r is not None and r[0] == ABORT and r[2] == INIT_TAG and \
        not r[1] & 1


def check_reply(pkt, a):
    """--expect TYPE [--expect-tbit], against the packet we sent."""
    r = show(pkt)
    if r is None or r[0] != a.expect:
        return False
    if a.expect_tbit:
        return r[1] & 1 == 1 and r[2] == a.vtag
    return not r[1] & 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dst")
    ap.add_argument("--proto", type=int, default=132)
    ap.add_argument("--sport", type=int, default=5000)
    ap.add_argument("--dport", type=int, default=7)
    ap.add_argument("--vtag", type=lambda v: int(v, 0), default=0)
    ap.add_argument("--chunk", type=int, default=1)
    ap.add_argument("--flags", type=lambda v: int(v, 0), default=0)
    ap.add_argument("--body-len", type=int, default=None)
    ap.add_argument("--body", default=None)
    ap.add_argument("--bad-csum", action="store_true")
    ap.add_argument("--truncate", type=int, default=None)
    ap.add_argument("--count", type=int, default=1)
    ap.add_argument("--src", default=None)
    ex = ap.add_mutually_exclusive_group()
    ex.add_argument("--expect-abort", action="store_true")
    ex.add_argument("--expect", type=int, default=None)
    ex.add_argument("--expect-none", action="store_true")
    ap.add_argument("--expect-tbit", action="store_true")
    ap.add_argument("--show-params", action="store_true")
    ap.add_argument("--timeout", type=float, default=10)
    a = ap.parse_args()
    body = None
    if a.body is not None:
        body = bytes.fromhex(a.body)
    elif a.body_len is not None:
        body = struct.pack("!IIHHI", INIT_TAG, 65536, 10, 10, 1)
        body = (body + b"\0" * a.body_len)[:a.body_len]
    pkt = packet(a.sport, a.dport, a.vtag, a.chunk, a.bad_csum, a.flags,
                 body)
    if a.truncate is not None:
        pkt = pkt[:a.truncate]
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, a.proto)
    if a.src is not None:
        # IPv4 header; the kernel fills in the checksum
        s.setsockopt(socket.IPPROTO_IP, socket.IP_HDRINCL, 1)
        pkt = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(pkt), 0,
                          0x4000, 64, a.proto, 0,
                          socket.inet_aton(a.src),
                          socket.inet_aton(a.dst)) + pkt
    # a broadcast destination (8.4 (1)) needs it
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
    for _ in range(a.count):
        s.sendto(pkt, (a.dst, 0))
    ok = True
    if a.expect_abort:
        r = reply(s, a.dst, a.sport, a.dport, a.timeout)
        ok = check_abort(r)
        clen = struct.unpack("!H", r[14:16])[0] if ok else 4
        if clen > 4:
            print("causes %s" % r[16:12 + clen].hex())
    elif a.expect is not None:
        r = reply(s, a.dst, a.sport, a.dport, a.timeout)
        ok = check_reply(r, a)
        if ok and a.show_params:
            show_params(r)
    elif a.expect_none:
        ok = show(reply(s, a.dst, a.sport, a.dport, a.timeout)) is None
    s.close()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
