#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check an SCTP capture with tshark's dissector, association by port.

    capcheck.py CAPTURE CASES      one line per case: "PORT ok" or
                                   "PORT FAIL: reasons"; then one line
                                   "all ..." for the whole capture
    capcheck.py --selftest DIR     write a capture with associations that
                                   must fail (bad checksum, malformed
                                   chunk, chunks out of order) and one
                                   that must pass; exit 0 if they do

CASES has a line per case: "PORT KIND CLIENT SERVER", PORT the
server's SCTP port (no two cases share one), CLIENT and SERVER the
addresses the association starts from and to.  KIND says what the
control chunks (all but DATA, SACK, HEARTBEAT, HEARTBEAT ACK) must be,
in capture order, consecutive repeats (retransmissions) counted once:

  graceful   INIT c>s, INIT ACK s>c, COOKIE ECHO c>s, COOKIE ACK s>c,
             then the shutdown: SHUTDOWN from X, SHUTDOWN ACK from the
             other, SHUTDOWN COMPLETE from X (both X for a collision of
             SHUTDOWNs), nothing after it; X sends no new TSN after its
             SHUTDOWN
  abort-c, abort-s   the handshake, then one ABORT from c (or s), last
  hb         graceful, and at least 3 HEARTBEATs each way, each
             HEARTBEAT ACK after a HEARTBEAT from the other side
  restart    two handshakes c>s, then graceful; the second's tags differ
  collide    an INIT each way before any INIT ACK; each side's INIT ACK
             carries its own INIT's Initiate Tag (RFC 9260 5.2.1); then
             COOKIE ECHO and COOKIE ACK, and graceful
  multihome  graceful, with DATA on a second pair of addresses too
  udp        graceful, every packet in UDP (RFC 6951; tshark decodes
             UDP port 9899 as SCTP)
  loss       graceful, but a handshake chunk seen again later (resent
             after a loss) counts where it first came

Every packet of the capture must decode without a malformed-packet
report and with a good CRC32c (tshark -o "sctp.checksum:CRC 32c"),
and every SCTP packet must belong to a case.
"""
import os
import struct
import subprocess
import sys

DATA, INIT, INIT_ACK, SACK, HB, HB_ACK, ABORT = 0, 1, 2, 3, 4, 5, 6
SHUTDOWN, SHUTDOWN_ACK, ERROR, COOKIE_ECHO, COOKIE_ACK = 7, 8, 9, 10, 11
SHUTDOWN_COMPLETE = 14
NAMES = {0: "DATA", 1: "INIT", 2: "INIT_ACK", 3: "SACK", 4: "HB",
         5: "HB_ACK", 6: "ABORT", 7: "SHUTDOWN", 8: "SHUTDOWN_ACK",
         9: "ERROR", 10: "COOKIE_ECHO", 11: "COOKIE_ACK",
         14: "SHUTDOWN_COMPLETE"}
QUIET = {DATA, SACK, HB, HB_ACK}
FIELDS = ["frame.number", "frame.time_epoch", "ip.src", "ip.dst", "sctp.srcport",
          "sctp.dstport", "sctp.checksum.status", "sctp.chunk_type",
          "sctp.init_initiate_tag", "sctp.initack_initiate_tag", "sctp.data_tsn_raw", "_ws.malformed",
          "_ws.expert.severity", "ip.proto", "_ws.expert.message", "udp.srcport",
          "ipv6.src", "ipv6.dst"]
# CRC32c checked.  The payload goes to no upper-layer dissector: the
# tests' PPIDs (message numbers) would pick ISUP, M3UA... which then
# call random bytes malformed.
TSHARK_PREFS = ["-o", "sctp.checksum:CRC 32c", "-o", "sctp.ulp_dissection:FALSE"]


def tshark(capture):
    cmd = ["tshark", "-n", "-r", capture] + TSHARK_PREFS + [
        "-T", "fields", "-E", "separator=\t", "-E", "occurrence=a",
        "-E", "aggregator=,"]
    for f in FIELDS:
        cmd += ["-e", f]
    out = subprocess.run(cmd, stdout=subprocess.PIPE, check=True,
                         stderr=subprocess.PIPE, text=True)
    err = [e for e in out.stderr.splitlines() if "Running as user" not in e]
    if err:
        print("# tshark:", "; ".join(err))
    pkts = []
    for line in out.stdout.splitlines():
        v = dict(zip(FIELDS, line.split("\t")))
        pkts.append(v)
    # a capture of two interfaces is in the order dumpcap read them:
    # put it in time order
    pkts.sort(key=lambda v: float(v["frame.time_epoch"] or 0))
    return pkts


def ints(s, base=10):
    return [int(x, base) for x in s.split(",") if x] if s else []


class Pkt:
    def __init__(self, v):
        self.no = int(v["frame.number"])
        self.src = v["ip.src"] or v["ipv6.src"]
        self.dst = v["ip.dst"] or v["ipv6.dst"]
        self.sport = int(v["sctp.srcport"].split(",")[0] or 0)
        self.dport = int(v["sctp.dstport"].split(",")[0] or 0)
        self.chunks = ints(v["sctp.chunk_type"])
        self.tags = ints(v["sctp.init_initiate_tag"], 16)
        self.acktags = ints(v["sctp.initack_initiate_tag"], 16)
        self.tsns = ints(v["sctp.data_tsn_raw"])
        self.udp = bool(v["udp.srcport"])


def seq_str(seq):
    return " ".join(f"{NAMES.get(t, t)}{'>' if d == 'c' else '<'}"
                    for t, d, _ in seq)


def check_shutdown(seq, i):
    """seq[i:] must be a graceful shutdown; "" or what is wrong."""
    rest = seq[i:]
    if not rest:
        return "no SHUTDOWN"
    if rest[-1][0] != SHUTDOWN_COMPLETE:
        return "not ended by SHUTDOWN_COMPLETE: " + seq_str(rest)
    seen = {("S", "c"): 0, ("S", "s"): 0, ("A", "c"): 0, ("A", "s"): 0}
    other = {"c": "s", "s": "c"}
    for t, d, _ in rest:
        if t == SHUTDOWN:
            seen["S", d] = 1
        elif t == SHUTDOWN_ACK:
            if not seen["S", other[d]]:
                return "SHUTDOWN_ACK before the peer's SHUTDOWN: " + seq_str(rest)
            seen["A", d] = 1
        elif t == SHUTDOWN_COMPLETE:
            if not seen["A", other[d]]:
                return "SHUTDOWN_COMPLETE before the peer's SHUTDOWN_ACK: " + seq_str(rest)
        else:
            return f"{NAMES.get(t, t)} in the shutdown: " + seq_str(rest)
    return ""


def handshake(seq, i):
    want = [(INIT, "c"), (INIT_ACK, "s"), (COOKIE_ECHO, "c"),
            (COOKIE_ACK, "s")]
    got = [(t, d) for t, d, _ in seq[i:i + 4]]
    if got != want:
        return "handshake not INIT> INIT_ACK< COOKIE_ECHO> COOKIE_ACK<: " + \
            seq_str(seq[i:i + 4])
    return ""


def check_case(kind, pkts, port, client):
    """The packets of one case (in capture order); [] or problems."""
    bad = []
    seq = []        # control chunks: (type, "c"|"s", packet)
    hbs = {"c": 0, "s": 0}
    hb_pending = {"c": 0, "s": 0}
    maxtsn = {"c": None, "s": None}
    shut = {"c": False, "s": False}
    links = set()
    for p in pkts:
        # c: to the server's port; for a collision (the same port on
        # both sides) from the client's address
        if p.sport != p.dport:
            d = "c" if p.dport == port else "s"
        else:
            d = "c" if p.src == client else "s"
        links.add((p.src, p.dst))
        other = "s" if d == "c" else "c"
        for t in p.chunks:
            if t == HB:
                hbs[d] += 1
                hb_pending[d] += 1
            elif t == HB_ACK:
                if hb_pending[other] <= 0:
                    bad.append(f"frame {p.no}: HEARTBEAT ACK without a HEARTBEAT")
                else:
                    hb_pending[other] -= 1
            if t not in QUIET:
                if not seq or seq[-1][:2] != (t, d):
                    seq.append((t, d, p))
            if t == SHUTDOWN:
                shut[d] = True
        for tsn in p.tsns:
            if shut[d] and maxtsn[d] is not None and \
               (tsn - maxtsn[d]) % (1 << 32) < (1 << 31) and tsn != maxtsn[d] \
               and kind != "restart":
                bad.append(f"frame {p.no}: new TSN {tsn} after SHUTDOWN")
            if maxtsn[d] is None or (tsn - maxtsn[d]) % (1 << 32) < (1 << 31):
                maxtsn[d] = tsn
    if not pkts:
        return ["no packets"]
    if kind == "loss":
        hs = {INIT, INIT_ACK, COOKIE_ECHO, COOKIE_ACK}
        seen = set()
        keep = []
        for t, d, p in seq:
            if t in hs and (t, d) in seen:
                continue
            seen.add((t, d))
            if keep and keep[-1][:2] == (t, d):
                continue
            keep.append((t, d, p))
        seq = keep
    if kind == "collide":
        inits = [i for i, (t, _, _) in enumerate(seq) if t == INIT]
        acks = [i for i, (t, _, _) in enumerate(seq) if t == INIT_ACK]
        dirs = {seq[i][1] for i in inits}
        if dirs != {"c", "s"} or not acks or max(inits[:2]) > min(acks):
            return ["no INIT collision (an INIT each way before any INIT ACK): " + seq_str(seq)]
        own = {}
        for t, d, p in seq:
            if t == INIT:
                own.setdefault(d, p.tags[p.chunks.index(INIT)] if p.tags else None)
        for t, d, p in seq:
            if t == INIT_ACK:
                tag = p.acktags[0] if p.acktags else None
                if tag != own.get(d):
                    bad.append(f"frame {p.no}: INIT ACK's Initiate Tag "
                               f"{tag} is not its sender's INIT's {own.get(d)}")
        i = max(acks) + 1
        # then COOKIE ECHOs and COOKIE ACKs, in some order, up to the
        # first non-handshake chunk
        while i < len(seq) and seq[i][0] in (COOKIE_ECHO, COOKIE_ACK):
            i += 1
        if not any(t == COOKIE_ACK for t, _, _ in seq[:i]):
            bad.append("no COOKIE ACK: " + seq_str(seq))
        r = check_shutdown(seq, i)
        return bad + ([r] if r else [])
    e = handshake(seq, 0)
    if e:
        return bad + [e]
    i = 4
    if kind == "restart":
        e = handshake(seq, 4)
        if e:
            return bad + ["restart: " + e]
        t1 = seq[0][2].tags + seq[1][2].acktags
        t2 = seq[4][2].tags + seq[5][2].acktags
        if t1 == t2:
            bad.append("restart: the same tags as the first association")
        i = 8
    if kind.startswith("abort"):
        who = kind[-1]
        if seq[i:] != [s for s in seq[i:] if s[0] == ABORT] or \
           [(t, d) for t, d, _ in seq[i:]] != [(ABORT, who)]:
            bad.append(f"not ended by one ABORT from {who}: " + seq_str(seq[i:]))
        return bad
    r = check_shutdown(seq, i)
    if r:
        bad.append(r)
    if kind == "hb":
        for d in "cs":
            if hbs[d] < 3:
                bad.append(f"{hbs[d]} HEARTBEATs from {d}, not 3 or more")
    if kind == "multihome":
        data_links = set()
        for p in pkts:
            if DATA in p.chunks:
                data_links.add((p.src, p.dst))
        if len(data_links) < 2:
            bad.append(f"DATA on one address pair only: {sorted(data_links)}")
    if kind == "udp":
        plain = [p.no for p in pkts if not p.udp]
        if plain:
            bad.append(f"{len(plain)} packets not in UDP, frame {plain[0]} first")
    return bad


def check(capture, cases_file):
    cases = []
    with open(cases_file) as f:
        for line in f:
            w = line.split()
            if w:
                cases.append((int(w[0]), w[1], w[2], w[3]))
    raw = tshark(capture)
    problems = []
    by_port = {c[0]: [] for c in cases}
    n_sctp = n_bad_csum = n_malformed = 0
    extra = {}
    for v in raw:
        mine = []
        if v["_ws.malformed"]:
            n_malformed += 1
            mine.append(f"frame {v['frame.number']}: malformed: {v['_ws.expert.message']}")
        if v["sctp.srcport"]:
            n_sctp += 1
            if v["sctp.checksum.status"] != "1":
                n_bad_csum += 1
                mine.append(f"frame {v['frame.number']}: checksum status "
                            f"{v['sctp.checksum.status'] or 'none'}")
        problems += mine
        if not v["sctp.srcport"]:
            continue
        p = Pkt(v)
        port = p.dport if p.dport in by_port else p.sport
        if port not in by_port:
            problems.append(f"frame {p.no}: ports {p.sport}>{p.dport} in no case")
            continue
        by_port[port].append(p)
        extra.setdefault(port, []).extend(mine)
    failed = 0
    for port, kind, client, _ in cases:
        bad = extra.get(port, []) + check_case(kind, by_port[port], port, client)
        failed += bool(bad)
        n = len(by_port[port])
        print(f"{port} {'ok' if not bad else 'FAIL: ' + '; '.join(bad)} ({n} packets)")
    print(f"all {len(raw)} packets, {n_sctp} SCTP, {n_malformed} malformed, "
          f"{n_bad_csum} bad checksums" +
          ("" if not problems else ": FAIL: " + "; ".join(problems[:10])))
    return 0 if not problems and not failed else 1


# --selftest: packets built here, with a CRC32c computed here.
def crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def sctp_pkt(src, dst, sport, dport, vtag, chunks, bad_csum=False):
    body = b"".join(chunks)
    hdr = struct.pack("!HHI", sport, dport, vtag)
    csum = crc32c(hdr + b"\0\0\0\0" + body) ^ (1 if bad_csum else 0)
    sctp = hdr + struct.pack("<I", csum) + body
    iph = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(sctp), 0, 0x4000,
                      64, 132, 0, bytes(map(int, src.split("."))),
                      bytes(map(int, dst.split("."))))
    s = sum(struct.unpack("!10H", iph))
    s = (s & 0xFFFF) + (s >> 16)
    s = (s & 0xFFFF) + (s >> 16)
    iph = iph[:10] + struct.pack("!H", ~s & 0xFFFF) + iph[12:]
    return iph + sctp


def chunk(t, body=b"", flags=0):
    c = struct.pack("!BBH", t, flags, 4 + len(body)) + body
    return c + b"\0" * (-len(c) % 4)


def write_pcap(path, pkts):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 228))
        for i, p in enumerate(pkts):
            f.write(struct.pack("<IIII", 1000 + i, 0, len(p), len(p)) + p)


def selftest(d):
    """One capture, an association per port: 6000 right, the others
    each broken one way; one tshark run (slow in a TCG guest)."""
    c, s, cp = "10.1.1.1", "10.1.1.2", 40000
    ct, st = 0x1111, 0x2222
    init = struct.pack("!IIHHI", ct, 65536, 4, 4, 100)
    ack = struct.pack("!IIHHI", st, 65536, 4, 4, 200)
    cookie = struct.pack("!HH", 7, 12) + b"COOKIE!!"
    data = struct.pack("!IHHI", 100, 0, 0, 0) + b"hello"
    sack = struct.pack("!IIHH", 100, 65536, 0, 0)

    def assoc(sp, bad_csum=False, malformed=False, order=range(9)):
        dchunk = chunk(DATA, data, 3)
        if malformed:   # chunk length past the end of the packet
            dchunk = struct.pack("!BBH", 0, 3, 200) + data
        p = [
            sctp_pkt(c, s, cp, sp, 0, [chunk(INIT, init)]),
            sctp_pkt(s, c, sp, cp, ct, [chunk(INIT_ACK, ack + cookie)]),
            sctp_pkt(c, s, cp, sp, st, [chunk(COOKIE_ECHO, b"COOKIE!!")]),
            sctp_pkt(s, c, sp, cp, ct, [chunk(COOKIE_ACK)]),
            sctp_pkt(c, s, cp, sp, st, [dchunk], bad_csum),
            sctp_pkt(s, c, sp, cp, ct, [chunk(SACK, sack)]),
            sctp_pkt(c, s, cp, sp, st, [chunk(SHUTDOWN, struct.pack("!I", 199))]),
            sctp_pkt(s, c, sp, cp, ct, [chunk(SHUTDOWN_ACK)]),
            sctp_pkt(c, s, cp, sp, st, [chunk(SHUTDOWN_COMPLETE)]),
        ]
        return [p[i] for i in order]
    trials = [(6000, "good", assoc(6000)),
              (6001, "bad-checksum", assoc(6001, bad_csum=True)),
              (6002, "malformed", assoc(6002, malformed=True)),
              (6003, "handshake-order", assoc(6003, order=(0, 1, 3, 2, 4, 5, 6, 7, 8))),
              (6004, "shutdown-order", assoc(6004, order=(0, 1, 2, 3, 4, 5, 7, 6, 8)))]
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "cases"), "w") as f:
        for port, _, _ in trials:
            f.write(f"{port} graceful {c} {s}\n")
    path = os.path.join(d, "selftest.pcap")
    write_pcap(path, [p for _, _, pk in trials for p in pk])
    import io
    import contextlib
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        rc = check(path, os.path.join(d, "cases"))
    lines = {int(w.split()[0]): w for w in out.getvalue().splitlines()
             if w.split()[0].isdigit()}
    ok = rc == 1
    for port, name, _ in trials:
        passed = " ok " in lines.get(port, "")
        want = name == "good"
        print(f"# selftest {name}: {lines.get(port, 'no verdict')}")
        ok &= passed == want
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--selftest":
        sys.exit(selftest(sys.argv[2]))
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(check(sys.argv[1], sys.argv[2]))
