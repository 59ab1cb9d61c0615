#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Craft SCTP packets for the selftests and send them over a raw socket.

    pkt.py [--proto N] [--sport P] [--dport P] [--vtag T] [--chunk TYPE]
           [--bad-csum] [--truncate N] [--count N] DST
"""
import argparse
import socket
import struct


def crc32c(data, crc=0xFFFFFFFF):
    """Bitwise CRC32c (Castagnoli), independent of the module's code."""
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def packet(sport, dport, vtag, chunk_type, bad_csum):
    # An INIT-shaped chunk body (RFC 9260 3.3.2) whatever the type:
    # the receive checks under test look only at the common header.
    body = struct.pack("!IIHHI", 0x11223344, 65536, 10, 10, 1)
    chunk = struct.pack("!BBH", chunk_type, 0, 4 + len(body)) + body
    hdr = struct.pack("!HHI", sport, dport, vtag)
    csum = crc32c(hdr + b"\0\0\0\0" + chunk)
    if bad_csum:
        csum ^= 0x1
    return hdr + struct.pack("<I", csum) + chunk


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dst")
    ap.add_argument("--proto", type=int, default=132)
    ap.add_argument("--sport", type=int, default=5000)
    ap.add_argument("--dport", type=int, default=7)
    ap.add_argument("--vtag", type=int, default=0)
    ap.add_argument("--chunk", type=int, default=1)
    ap.add_argument("--bad-csum", action="store_true")
    ap.add_argument("--truncate", type=int, default=None)
    ap.add_argument("--count", type=int, default=1)
    a = ap.parse_args()
    pkt = packet(a.sport, a.dport, a.vtag, a.chunk, a.bad_csum)
    if a.truncate is not None:
        pkt = pkt[:a.truncate]
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, a.proto)
    for _ in range(a.count):
        s.sendto(pkt, (a.dst, 0))
    s.close()


if __name__ == "__main__":
    main()
