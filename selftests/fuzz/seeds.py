#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Seed inputs for the fuzzers (see "Fuzzing" in the top README).

  seeds.py DIR    writes DIR/chunk/*, DIR/tsnmap/* and DIR/../regress/chunk/*

fuzz_chunk takes a packet's chunk area (no common header): one file per
packet as peers send them, every chunk type and parameter kind, unknown
ones with each of the upper-two-bit actions.  fuzz_tsnmap takes an
initial TSN and 3-byte steps (see fuzz_tsnmap.c).  The committed corpus
was made from these and merged (make fuzz-merge); run this again only to
start over.
"""

import os
import struct
import sys


def pad4(b):
    return b + b"\0" * (-len(b) % 4)


def chunk(ctype, flags, body, pad=True):
    c = struct.pack("!BBH", ctype, flags, 4 + len(body)) + body
    return pad4(c) if pad else c


def param(ptype, value, pad=True):
    p = struct.pack("!HH", ptype, 4 + len(value)) + value
    return pad4(p) if pad else p


cause = param   # error causes share the shape


def init(ctype, params, tag=0x11223344, os_=10, mis=10, tsn=1000):
    body = struct.pack("!IIHHI", tag, 65536, os_, mis, tsn)
    return chunk(ctype, 0, body + b"".join(params))


def ipv4(a, b, c, d):
    return param(5, bytes([a, b, c, d]))


IPV6 = param(6, bytes(range(16)))
ECN = param(0x8000, b"")
FWD_TSN = param(0xc000, b"")                  # 11: skip and report
SUP_EXT = param(0x8008, bytes([0xc0, 0x80]))  # 10: skip
ADAPT = param(0xc006, struct.pack("!I", 7))
PRESERVE = param(9, struct.pack("!I", 5000))
ADDR_TYPES = param(12, struct.pack("!HH", 5, 6))
HOSTNAME = param(11, b"example.org\0")
COOKIE = param(7, bytes(range(133)))


def data(tsn, stream=0, ssn=0, flags=3, payload=b"hello"):
    return chunk(0, flags, struct.pack("!IHHI", tsn, stream, ssn, 0) + payload)


def sack(cum, gaps=(), dups=()):
    body = struct.pack("!IIHH", cum, 65536, len(gaps), len(dups))
    body += b"".join(struct.pack("!HH", s, e) for s, e in gaps)
    body += b"".join(struct.pack("!I", d) for d in dups)
    return chunk(3, 0, body)


def hb_info():
    return param(1, struct.pack("!IQ", 0x7f000001, 0x0123456789abcdef))


CHUNK_SEEDS = {
    "init-all-params": init(1, [ipv4(10, 0, 0, 1), ipv4(10, 0, 1, 1), IPV6,
                                PRESERVE, ADDR_TYPES, ECN, FWD_TSN, SUP_EXT,
                                ADAPT]),
    "init-minimal": init(1, []),
    "init-addrs-odd": init(1, [ipv4(0, 1, 2, 3), ipv4(255, 255, 255, 255),
                               ipv4(224, 0, 0, 5), ipv4(10, 0, 0, 1),
                               ipv4(10, 0, 0, 1)]),
    "init-hostname": init(1, [ipv4(10, 0, 0, 1), HOSTNAME]),
    "init-unknown-00": init(1, [param(0x0003, b"abcd"), ipv4(10, 0, 0, 1)]),
    "init-unknown-01": init(1, [param(0x4001, b"abcd"), ipv4(10, 0, 0, 1)]),
    "init-unknown-10": init(1, [param(0x8002, b"abcd"), ipv4(10, 0, 0, 1)]),
    "init-unknown-11": init(1, [param(0xc003, b"abcd"), ipv4(10, 0, 0, 1)]),
    "init-tag0": init(1, [ECN], tag=0),
    "init-no-streams": init(1, [ECN], os_=0),
    "init-ack-cookie": init(2, [ipv4(10, 0, 0, 2), FWD_TSN, ADAPT,
                                param(8, FWD_TSN), COOKIE]),
    "init-ack-no-cookie": init(2, [ipv4(10, 0, 0, 2)]),
    "cookie-echo-data": chunk(10, 0, bytes(range(133))) + data(1000),
    "cookie-ack-sack": chunk(11, 0, b"") + sack(999),
    "data-bundle": data(1000, 0, 0, 3) + data(1001, 1, 0, 2, b"x" * 7) +
                   data(1002, 1, 0, 0) + data(1003, 1, 0, 1, b"end") +
                   data(1004, 2, 0, 7),
    "data-empty": data(1000, payload=b""),
    "sack-gaps-dups": sack(1000, [(2, 3), (5, 5), (9, 12)], [998, 999]),
    "sack-bad-gaps": sack(1000, [(5, 6), (2, 3), (0, 1)], []),
    "sack-data": sack(1000) + data(2000),
    "heartbeat": chunk(4, 0, hb_info()),
    "heartbeat-ack": chunk(5, 0, hb_info()) + sack(1000),
    "abort-causes": chunk(6, 0, cause(1, struct.pack("!HH", 3, 0)) +
                          cause(12, b"bye") + cause(13, b"")),
    "abort-t": chunk(6, 1, b""),
    "error-causes": chunk(9, 0, cause(3, struct.pack("!I", 1000)) +
                          cause(8, FWD_TSN) + cause(6, chunk(0xc0, 0, b"\0" * 4))),
    "error-bad-cause": chunk(9, 0, cause(9, b"") + struct.pack("!HH", 2, 40)),
    "shutdown": chunk(7, 0, struct.pack("!I", 1000)),
    "shutdown-ack": chunk(8, 0, b""),
    "shutdown-complete": chunk(14, 1, b""),
    "ecne-cwr": chunk(12, 0, struct.pack("!I", 5)) + chunk(13, 0, struct.pack("!I", 5)),
    "unknown-00": chunk(0x3f, 0, b"abc") + data(1000),
    "unknown-01-idata": chunk(0x40, 3, struct.pack("!IHHII", 1000, 0, 0, 0, 0) + b"hi"),
    "unknown-10-asconf-ack": chunk(0x80, 0, struct.pack("!I", 1)) + sack(1000),
    "unknown-11-fwd-tsn": chunk(0xc0, 0, struct.pack("!IHH", 1000, 0, 0)) + data(1001),
    "unpadded-last": chunk(0, 3, struct.pack("!IHHI", 1, 0, 0, 0) + b"abcde", pad=False),
}


# Inputs that once broke a contract, replayed by make fuzz-replay and
# make check (regress/), kept out of the corpus the fuzzer mutates.
REGRESS = {
    # the largest INIT an IP packet holds, its one parameter to be
    # reported: the INIT ACK reporting it would not fit its 16-bit
    # length (fixed by ASCTP_MAX_UNREC_LEN)
    "init-unrec-64k": init(1, [param(0x4001, b"u" * (65480 - 4))]),
}


def tsn_steps(init_tsn, steps):
    """steps: (op, value) pairs; see fuzz_tsnmap.c."""
    out = struct.pack("<I", init_tsn)
    for op, v in steps:
        out += struct.pack("!BH", op, v & 0xffff)
    return out


def near(k):
    return (0, k)        # TSN cum + k


SACK = (3, 0)            # Gap Ack Blocks, up to 64

TSN_SEEDS = {
    "in-order": tsn_steps(1000, [near(1)] * 16 + [SACK]),
    "gaps": tsn_steps(1000, [near(2), near(4), near(3), SACK, near(1), SACK,
                             near(10), near(20), near(4096), SACK]),
    "dups": tsn_steps(1000, [near(1), near(0), near(-5), near(2), (0x80, 1),
                             near(0), SACK]),
    "far": tsn_steps(1000, [near(4097), (2, 0x8000), near(4096), near(1), SACK]),
    "wrap": tsn_steps(0xfffffff0, [near(1)] * 8 + [near(20), near(3), SACK] +
                      [near(1)] * 24 + [SACK]),
    "fill-map": tsn_steps(7, [near(k) for k in range(2, 200, 3)] +
                          [near(1), SACK, (0x73, 1), SACK]),
}


def main():
    top = sys.argv[1] if len(sys.argv) > 1 else "."
    for target, seeds in (("chunk", CHUNK_SEEDS), ("tsnmap", TSN_SEEDS),
                          ("../regress/chunk", REGRESS)):
        d = os.path.join(top, target)
        os.makedirs(d, exist_ok=True)
        for name, blob in seeds.items():
            with open(os.path.join(d, "seed-" + name), "wb") as f:
                f.write(blob)
    return 0


if __name__ == "__main__":
    sys.exit(main())
