#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""A scripted SCTP peer that owns no address, for timer and loss tests.

    peer.py PROTO IFNAME ADDR PORT [--ignore-cookie N]
            [--ignore-shutdown N] [--hol | --delack] [--vanish]
            [--forge-hb-ack] [--shutdown-init] [--unknown]
            [--stale-cookie N] [--bad-stream | --empty-data | --no-cookie]
            [--gone N] [--timeout S]

Runs in a namespace where IFNAME is up but has no address, so the
namespace's own stack never sees the packets (they are not local, and
with forwarding off they are dropped without an ICMP).  It reads frames
for ADDR:PORT on an AF_PACKET socket and answers with frames of its own:

  INIT           -> INIT ACK (a dummy cookie: nobody checks it but us)
  COOKIE ECHO    -> ignored the first N times, then COOKIE ACK
  DATA           -> SACK of its TSN
  SHUTDOWN       -> ignored the first N times, then SHUTDOWN ACK
  SHUTDOWN COMPLETE or ABORT -> exit 0 or 1

With --forge-hb-ack it answers each HEARTBEAT with a HEARTBEAT ACK
whose Heartbeat Information has its last byte changed (a forged
nonce), printing "forged HEARTBEAT ACK".

With --shutdown-init it sends SHUTDOWN once the association is up;
to the SHUTDOWN ACK it answers with an INIT from the same ports (as if
its SHUTDOWN COMPLETE had been lost and it came back: RFC 9260 9.2),
prints "sent INIT", and to the next SHUTDOWN ACK with SHUTDOWN COMPLETE
after printing "SHUTDOWN ACK again <ms> ms after the INIT".

With --flood N, once the association is up it sends N DATA chunks of
1000 bytes, TSN 1001 to 1000 + N (stream 0, SSN 1 to N), as fast as it
can, with no regard for the window, and prints "flooded N".  They are
all out of order: TSN 1000, SSN 0, is withheld.
Then it sends TSN 1000 and prints the cumulative TSN of the first SACK
that moves it ("sack cum N").  Message i is the byte i % 251, 1000 times.

With --vanish it answers nothing once the association is up, as a
peer that went away.  With --hol, once the association is up it sends DATA with one TSN
"lost" (RFC 9260 6.6: a loss delays only its own stream):

  TSN 1001 stream 0 SSN 1 "B", 1002 stream 1 SSN 0 "C",
  1003 stream 0 unordered "D"        (1000: stream 0 SSN 0 "A", withheld)
  ... one second later ...           TSN 1000 "A"

and prints the SACK that answers each packet ("sack cum N gaps S-E ...
dups ...", offsets as on the wire).

With --delack it checks the SACK rules of RFC 9260 6.2: DATA 1000
alone (the SACK waits for the delayed-SACK timer), then 1001 and 1002
in two packets back to back (the second is SACKed at once), then 1003
"echo", which the reader answers: the SACK rides in the reply's packet;
then 1000 again, a duplicate SACKed at once and reported.  It prints
"sack <ms> ms cum N [bundled] [dup TSN]..." for each.

With --unknown, once the association is up it sends, for each chunk
type 0x3f, 0x7f, 0xbf and 0xff (RFC 9260 3.2: the upper two bits say
stop or skip, report or not), a packet of that unknown chunk followed by
a HEARTBEAT, then a HEARTBEAT alone to know that all answers are in,
and prints "unknown 0xNN hb-ack A error B": A is 1 if the first
HEARTBEAT was answered, B if an ERROR came with an Unrecognized Chunk
Type cause (6) holding that chunk.  Then the same with type 0xff and a
wrong Verification Tag ("unknown 0xff badtag ..."), then it ABORTs.

With --stale-cookie N it answers the first N COOKIE ECHOs with an ERROR
with a Stale Cookie cause (3), Measure of Staleness 250000 us ("sent
stale cookie error"), and prints for each INIT its Cookie Preservative
("INIT n preservative MS", or "none").

With --bad-stream, once the association is up it sends DATA TSN 1000
"bad" on stream 5, one past the last of the 5 outbound streams its
INIT ACK gave (RFC 9260 6.5), and prints "bad-stream 5 error HEX sack
cum N gaps G dups D": the causes of the first ERROR that comes back,
in hex, and the first SACK ("error-first" after it if an ERROR came
before the SACK in one packet).  Then it sends TSN 1001 "ok" on stream
4 and goes on as usual.

With --empty-data, once the association is up it sends DATA TSN 1000
with no user data (length 16, RFC 9260 6.2) and prints the ABORT that
comes back: "empty-data abort vtag 0xTAG T t causes HEX".

With --gone N, once the association is up it sends N DATA chunks of
1000 bytes (TSN 1000 to 999 + N, stream 0, SSN 0 to N - 1) and a
SHUTDOWN.  It lets the first two SHUTDOWN ACKs go unanswered, as if its
SHUTDOWN COMPLETE had been lost and it had deleted its TCB (RFC 9260
9.2), and from then on answers as such a peer: the third SHUTDOWN ACK
with SHUTDOWN COMPLETE (T bit, 8.4 rule 5), anything else with ABORT (T
bit, 8.4 rule 8), printing "gone: <chunk names> after SHUTDOWN ACK" for
it.  It exits 0 after the SHUTDOWN COMPLETE, 1 after an ABORT.

With --no-cookie its INIT ACK has no State Cookie (RFC 9260 3.3.3); it
prints the ABORT that comes back, "abort vtag 0xTAG T t causes HEX", and
exits 0.

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
NAMES = {0: "DATA", 1: "INIT", 2: "INIT_ACK", 3: "SACK", 4: "HEARTBEAT",
         6: "ABORT",
         7: "SHUTDOWN", 8: "SHUTDOWN_ACK", 10: "COOKIE_ECHO",
         11: "COOKIE_ACK", 14: "SHUTDOWN_COMPLETE"}
MY_TAG = 0x5EED1234
MY_TSN = 1000
UNKNOWN = (0x3f, 0x7f, 0xbf, 0xff)
STALE_US = 250000


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
        self.peer_tsn = 0
        self.os = 0             # our outbound streams, in our INIT ACK
        self.up = False
        self.init_at = None     # --shutdown-init: when the INIT went
        self.done = False

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
            self.peer_tsn = tsn
            if self.a.stale_cookie:
                print("INIT %d preservative %s" %
                      (n, self.preservative(body[16:])), flush=True)
            cookie = struct.pack("!HH", 7, 4 + 16) + b"C" * 16
            if self.a.no_cookie:
                cookie = b""
            self.os = min(os_, 5)
            ack = struct.pack("!IIHHI", MY_TAG, 65536, self.os, 5,
                              MY_TSN)
            return chunk(2, 0, ack + cookie)
        if ctype == 10:
            if n <= self.a.ignore_cookie:
                return b""
            if n <= self.a.stale_cookie:
                print("sent stale cookie error", flush=True)
                return chunk(9, 0, struct.pack("!HHI", 3, 8, STALE_US))
            self.up = True
            return chunk(11, 0, b"")
        if ctype == 4 and self.a.forge_hb_ack:
            # the Heartbeat Information back with its last byte changed
            forged = body[:-1] + bytes([body[-1] ^ 0xff])
            print("forged HEARTBEAT ACK", flush=True)
            return chunk(5, 0, forged)
        if self.a.vanish and ctype != 1 and ctype != 10:
            return None if ctype == 6 else b""
        if ctype == 0:
            tsn = struct.unpack("!I", body[:4])[0]
            return chunk(3, 0, struct.pack("!IIHH", tsn, 65536, 0, 0))
        if ctype == 7:
            return b"" if n <= self.a.ignore_shutdown else chunk(8, 0, b"")
        if ctype == 8 and self.a.shutdown_init:
            if n == 1:
                self.init_at = 0    # run() sends it
                return b""
            print("SHUTDOWN ACK again %d ms after the INIT" %
                  ((time.monotonic() - self.init_at) * 1000), flush=True)
            self.done = True
            return chunk(14, 0, b"")
        if ctype in (6, 14):
            return None
        return b""

    def run(self):
        while True:
            eth, ip, sctp = self.recv()
            out, body = b"", sctp[12:]
            while len(body) >= 4:
                ctype, flags, clen = struct.unpack("!BBH", body[:4])
                if clen < 4:
                    break
                if ctype == 6 and self.a.no_cookie:
                    print("abort vtag 0x%08x T %d causes %s" %
                          (struct.unpack("!I", sctp[4:8])[0], flags & 1,
                           body[4:clen].hex()), flush=True)
                    return 0
                r = self.reply(ctype, body[4:clen])
                if r is None:
                    return 0 if ctype == 14 else 1
                out += r
                body = body[(clen + 3) & ~3:]
            if out:
                self.send(eth, ip, sctp, self.peer_tag, out)
            if self.done:
                return 0
            if self.init_at == 0:
                init = struct.pack("!IIHHI", MY_TAG + 1, 65536, 5, 5,
                                   MY_TSN + 1000)
                self.init_at = time.monotonic()
                self.send(eth, ip, sctp, 0, chunk(1, 0, init))
                print("sent INIT", flush=True)
            if self.up and self.a.shutdown_init:
                self.up = False
                cum = (self.peer_tsn - 1) & 0xFFFFFFFF
                self.send(eth, ip, sctp, self.peer_tag,
                          chunk(7, 0, struct.pack("!I", cum)))
            if self.up and self.a.hol:
                self.up = False
                self.hol(eth, ip, sctp)
            if self.up and self.a.delack:
                self.up = False
                self.delack(eth, ip, sctp)
            if self.up and self.a.flood:
                self.up = False
                self.flood(eth, ip, sctp)
            if self.up and self.a.error:
                self.up = False
                self.error(eth, ip, sctp)
            if self.up and self.a.unknown:
                self.unknown(eth, ip, sctp)
                return 0
            if self.up and self.a.bad_stream:
                self.up = False
                self.bad_stream(eth, ip, sctp)
            if self.up and self.a.gone:
                return self.gone(eth, ip, sctp)
            if self.up and self.a.empty_data:
                self.empty_data(eth, ip, sctp)
                return 0

    @staticmethod
    def preservative(params):
        """The Cookie Preservative's increment (3.3.2.1), or "none"."""
        while len(params) >= 4:
            ptype, plen = struct.unpack("!HH", params[:4])
            if ptype == 9 and plen == 8:
                return str(struct.unpack("!I", params[4:8])[0])
            if plen < 4:
                break
            params = params[(plen + 3) & ~3:]
        return "none"

    def unknown_one(self, eth, ip, sctp, ctype, vtag):
        """One unknown chunk of @ctype and a HEARTBEAT behind it, then
        a HEARTBEAT alone: its ACK comes after all answers to the first.
        """
        def hb(info):
            return chunk(4, 0, struct.pack("!HHI", 1, 8, info))
        self.send(eth, ip, sctp, vtag,
                  chunk(ctype, 0, b"\x01\x02\x03\x04") + hb(ctype))
        self.send(eth, ip, sctp, self.peer_tag, hb(0x5eed))
        acked = error = 0
        while True:
            _, _, pkt = self.recv()
            body = pkt[12:]
            while len(body) >= 4:
                t, _, clen = struct.unpack("!BBH", body[:4])
                if clen < 4:
                    break
                c = body[4:clen]
                if t == 5 and len(c) >= 8:
                    info = struct.unpack("!I", c[4:8])[0]
                    if info == 0x5eed:
                        print("unknown 0x%02x%s hb-ack %d error %d" %
                              (ctype, "" if vtag == self.peer_tag
                               else " badtag", acked, error), flush=True)
                        return
                    acked += info == ctype
                if t == 9 and len(c) >= 5:
                    code = struct.unpack("!H", c[:2])[0]
                    error += code == 6 and c[4] == ctype
                body = body[(clen + 3) & ~3:]

    def unknown(self, eth, ip, sctp):
        time.sleep(0.2)
        for t in UNKNOWN:
            self.unknown_one(eth, ip, sctp, t, self.peer_tag)
        self.unknown_one(eth, ip, sctp, 0xff, self.peer_tag ^ 1)
        self.send(eth, ip, sctp, self.peer_tag, chunk(6, 0, b""))

    def chunks(self):
        """The next packet for us: (its tag, [(type, flags, body)])."""
        _, _, pkt = self.recv()
        out, body = [], pkt[12:]
        while len(body) >= 4:
            t, f, clen = struct.unpack("!BBH", body[:4])
            if clen < 4:
                break
            out.append((t, f, body[4:clen]))
            body = body[(clen + 3) & ~3:]
        return struct.unpack("!I", pkt[4:8])[0], out

    def bad_stream(self, eth, ip, sctp):
        time.sleep(0.2)
        self.send(eth, ip, sctp, self.peer_tag,
                  self.data(MY_TSN, self.os, 0, 0, b"bad"))
        error = sack = None
        first = ""
        while error is None or sack is None:
            _, got = self.chunks()
            types = [t for t, _, _ in got]
            if 9 in types and 3 in types and types.index(9) < \
                    types.index(3):
                first = " error-first"
            for t, _, c in got:
                if t == 9 and error is None:
                    error = c.hex()
                if t == 3 and sack is None and len(c) >= 12:
                    sack = "cum %d gaps %d dups %d" % \
                        struct.unpack("!I4xHH", c[:12])
        print("bad-stream %d error %s sack %s%s" %
              (self.os, error, sack, first), flush=True)
        self.send(eth, ip, sctp, self.peer_tag,
                  self.data(MY_TSN + 1, self.os - 1, 0, 0, b"ok"))

    def empty_data(self, eth, ip, sctp):
        time.sleep(0.2)
        self.send(eth, ip, sctp, self.peer_tag,
                  chunk(0, 0x03, struct.pack("!IHHI", MY_TSN, 0, 0, 0)))
        while True:
            vtag, got = self.chunks()
            for t, f, c in got:
                if t == 6:
                    print("empty-data abort vtag 0x%08x T %d causes %s" %
                          (vtag, f & 1, c.hex()), flush=True)
                    return

    def data(self, tsn, stream, ssn, flags, text):
        body = struct.pack("!IHHI", tsn, stream, ssn, 0) + text
        return chunk(0, 0x03 | flags, body)

    def sack(self):
        """The next SACK, as a line."""
        while True:
            _, _, sctp = self.recv()
            body = sctp[12:]
            while len(body) >= 4:
                ctype, _, clen = struct.unpack("!BBH", body[:4])
                if ctype == 3:
                    cum, _, ng, nd = struct.unpack("!IIHH", body[4:16])
                    v = struct.unpack("!%dH" % (2 * ng), body[16:16 + 4 * ng])
                    d = struct.unpack("!%dI" % nd,
                                      body[16 + 4 * ng:16 + 4 * (ng + nd)])
                    return "sack cum %d gaps %s dups %s" % (
                        cum, " ".join("%d-%d" % v[i:i + 2]
                                      for i in range(0, len(v), 2)) or "-",
                        " ".join(map(str, d)) or "-")
                if clen < 4:
                    break
                body = body[(clen + 3) & ~3:]

    def sack_timed(self, t0):
        """The next packet with a SACK: (ms since t0, cum, with DATA)."""
        while True:
            _, _, sctp = self.recv()
            body, cum, data, dups = sctp[12:], None, False, ""
            while len(body) >= 4:
                ctype, _, clen = struct.unpack("!BBH", body[:4])
                if ctype == 3:
                    cum, _, ng, nd = struct.unpack("!IIHH", body[4:16])
                    d = body[16 + 4 * ng:16 + 4 * (ng + nd)]
                    dups = "".join(" dup %d" % struct.unpack("!I", d[i:i + 4])
                                   for i in range(0, len(d), 4))
                data |= ctype == 0
                if clen < 4:
                    break
                body = body[(clen + 3) & ~3:]
            if cum is not None:
                ms = (time.monotonic() - t0) * 1000
                print("sack %d ms cum %d%s%s" % (ms, cum,
                                                " bundled" if data else "",
                                                dups), flush=True)
                return

    def delack(self, eth, ip, sctp):
        def send(tsn, text):
            self.send(eth, ip, sctp, self.peer_tag,
                      self.data(tsn, 0, tsn - MY_TSN, 0, text))
        time.sleep(0.3)
        t0 = time.monotonic()
        send(MY_TSN, b"one")
        self.sack_timed(t0)
        time.sleep(0.3)
        t0 = time.monotonic()
        send(MY_TSN + 1, b"two")
        send(MY_TSN + 2, b"three")
        self.sack_timed(t0)
        time.sleep(0.3)
        t0 = time.monotonic()
        send(MY_TSN + 3, b"echo")
        self.sack_timed(t0)
        t0 = time.monotonic()
        send(MY_TSN, b"one")
        self.sack_timed(t0)

    def error(self, eth, ip, sctp):
        """An ERROR chunk with two causes (RFC 9260 3.3.10): Invalid
        Stream Identifier 7, and Protocol Violation "asctp-test" (its
        length unpadded, the padding after it)."""
        text = b"asctp-test"
        causes = struct.pack("!HHHH", 1, 8, 7, 0)
        causes += struct.pack("!HH", 13, 4 + len(text)) + text + b"\0\0"
        self.send(eth, ip, sctp, self.peer_tag, chunk(9, 0, causes))
        print("sent ERROR", flush=True)

    def flood(self, eth, ip, sctp):
        def send(i):
            self.send(eth, ip, sctp, self.peer_tag,
                      self.data(MY_TSN + i, 0, i, 0, bytes([i % 251]) * 1000))
        time.sleep(0.3)
        for i in range(1, self.a.flood + 1):
            send(i)
        print("flooded %d" % self.a.flood, flush=True)
        # the socket's buffer is full of our own frames (AF_PACKET sees
        # outgoing ones too): empty it, or the next SACK finds no room
        self.sock.setblocking(False)
        try:
            while True:
                self.sock.recv(65535)
        except BlockingIOError:
            pass
        send(0)
        while True:     # SACKs of the flood may still be on the way
            line = self.sack()
            if not line.startswith("sack cum %d " % (MY_TSN - 1)):
                break
        print(line.split(" gaps")[0], flush=True)

    def gone(self, eth, ip, sctp):
        for i in range(self.a.gone):
            self.send(eth, ip, sctp, self.peer_tag,
                      self.data(MY_TSN + i, 0, i, 0, bytes([i % 251]) * 1000))
        cum = (self.peer_tsn - 1) & 0xFFFFFFFF
        self.send(eth, ip, sctp, self.peer_tag,
                  chunk(7, 0, struct.pack("!I", cum)))
        acks = 0
        while True:
            vtag, got = self.chunks()
            names = [NAMES.get(t, str(t)) for t, _, _ in got]
            if "SHUTDOWN_ACK" in names:
                acks += 1
                self.seen("SHUTDOWN_ACK")
                if acks < 3:
                    continue
                self.send(eth, ip, sctp, vtag, chunk(14, 1, b""))
                return 0
            if acks and names and "ABORT" not in names:
                print("gone: %s after SHUTDOWN ACK" % " ".join(names),
                      flush=True)
                self.send(eth, ip, sctp, vtag, chunk(6, 1, b""))
                return 1

    def hol(self, eth, ip, sctp):
        # each time is taken before the send: the reader may be faster
        time.sleep(0.5)
        t = time.monotonic()
        self.send(eth, ip, sctp, self.peer_tag,
                  self.data(MY_TSN + 1, 0, 1, 0, b"B") +
                  self.data(MY_TSN + 2, 1, 0, 0, b"C") +
                  self.data(MY_TSN + 3, 0, 0, 0x04, b"D"))
        print("%.3f sent B C D" % t, flush=True)
        print(self.sack(), flush=True)
        time.sleep(1.0)
        t = time.monotonic()
        self.send(eth, ip, sctp, self.peer_tag,
                  self.data(MY_TSN, 0, 0, 0, b"A"))
        print("%.3f sent A" % t, flush=True)
        print(self.sack(), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("proto", type=int)
    ap.add_argument("ifname")
    ap.add_argument("addr")
    ap.add_argument("port", type=int)
    ap.add_argument("--ignore-cookie", type=int, default=0)
    ap.add_argument("--ignore-shutdown", type=int, default=0)
    ap.add_argument("--hol", action="store_true")
    ap.add_argument("--vanish", action="store_true")
    ap.add_argument("--delack", action="store_true")
    ap.add_argument("--error", action="store_true")
    ap.add_argument("--flood", type=int, default=0)
    ap.add_argument("--forge-hb-ack", action="store_true")
    ap.add_argument("--shutdown-init", action="store_true")
    ap.add_argument("--unknown", action="store_true")
    ap.add_argument("--stale-cookie", type=int, default=0)
    ap.add_argument("--bad-stream", action="store_true")
    ap.add_argument("--empty-data", action="store_true")
    ap.add_argument("--no-cookie", action="store_true")
    ap.add_argument("--gone", type=int, default=0)
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
