#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Checks /proc/net/asctp/eps and assocs against sockets it made.

    proclist.py PROTO

In the current (fresh) network namespace, on loopback: a one-to-many
listener on 127.0.0.1:5001 and a one-to-one one on 0.0.0.0:5002; a
one-to-one client connected to the second (and its accepted socket), a
one-to-many client whose "hi" set up an association with the first.
Then:
  - eps lists exactly the four bound sockets: type, state (10 listening,
    1 connected, 7 not), port, addresses (the one-to-one client's is the
    one connect() chose) and inode of each;
  - assocs lists exactly the four associations (two each side), each
    ESTABLISHED (3) on the socket (inode) that owns it, with the ports
    and address each way, 10 streams each way, and the two ends'
    verification tags crossed;
  - once every socket is closed, both list nothing.
Prints what differs and exits 1, or prints "ok".
"""
import os
import socket
import sys
import time

EPS = "/proc/net/asctp/eps"
ASSOCS = "/proc/net/asctp/assocs"
bad = []


def rows(path):
    """The lines of a listing as dicts keyed by its header's columns;
    LADDRS and RADDRS take the rest of the line (lists)."""
    with open(path) as f:
        lines = f.read().splitlines()
    head = lines[0].split()
    out = []
    for line in lines[1:]:
        w = line.split()
        r = dict(zip(head, w))
        if path == EPS:
            r["LADDRS"] = w[len(head) - 1:]
        else:
            i, j = w.index("<->"), head.index("<->")
            r = dict(zip(head[:j], w[:i]))
            r["RADDRS"] = w[i + 1:-6]
            r.update(zip(head[-6:], w[-6:]))
        out.append(r)
    return out


def ino(s):
    return str(os.fstat(s.fileno()).st_ino)


def want(what, got, exp):
    if got != exp:
        bad.append(f"{what}: {got!r}, want {exp!r}")


def main():
    p = int(sys.argv[1])
    l1 = socket.socket(socket.AF_INET, socket.SOCK_SEQPACKET, p)
    l1.bind(("127.0.0.1", 5001))
    l1.listen(5)
    l2 = socket.socket(socket.AF_INET, socket.SOCK_STREAM, p)
    l2.bind(("0.0.0.0", 5002))
    l2.listen(5)
    c1 = socket.socket(socket.AF_INET, socket.SOCK_STREAM, p)
    c1.connect(("127.0.0.1", 5002))
    a1, _ = l2.accept()
    c2 = socket.socket(socket.AF_INET, socket.SOCK_SEQPACKET, p)
    c2.sendto(b"hi", ("127.0.0.1", 5001))
    want("one-to-many server got", l1.recv(16), b"hi")
    p1, p2 = c1.getsockname()[1], c2.getsockname()[1]

    eps = {r["INODE"]: r for r in rows(EPS)}
    exp = {ino(l1): ("5", "10", "5001", ["127.0.0.1"]),
           ino(l2): ("1", "10", "5002", ["0.0.0.0"]),
           ino(c1): ("1", "1", str(p1), ["127.0.0.1"]),	# connect() bound it
           ino(c2): ("5", "7", str(p2), ["0.0.0.0"])}
    want("eps inodes", sorted(eps), sorted(exp))
    for i, e in exp.items():
        r = eps.get(i, {})
        want(f"eps {e[2]}", (r.get("STY"), r.get("SST"), r.get("LPORT"),
                             r.get("LADDRS")), e)

    # for each association: owner inode -> (lport, rport)
    assocs = {r["INODE"]: r for r in rows(ASSOCS)}
    exp = {ino(c1): (str(p1), "5002"), ino(a1): ("5002", str(p1)),
           ino(c2): (str(p2), "5001"), ino(l1): ("5001", str(p2))}
    want("assocs owners", sorted(assocs), sorted(exp))
    for i, e in exp.items():
        r = assocs.get(i, {})
        want(f"assoc {e}", (r.get("ST"), r.get("LPORT"), r.get("RPORT"),
                            r.get("LADDR"), r.get("RADDRS"), r.get("INS"),
                            r.get("OUTS")),
             ("3",) + e + ("127.0.0.1", ["*127.0.0.1"], "10", "10"))
    for x, y in ((c1, a1), (c2, l1)):
        rx, ry = assocs.get(ino(x), {}), assocs.get(ino(y), {})
        want("tags crossed", (rx.get("MY-VTAG"), rx.get("PEERVTAG")),
             (ry.get("PEERVTAG"), ry.get("MY-VTAG")))

    for s in (c1, a1, c2, l1, l2):
        s.close()
    deadline = time.monotonic() + 20
    while (rows(EPS) or rows(ASSOCS)) and time.monotonic() < deadline:
        time.sleep(0.02)
    want("eps after close", rows(EPS), [])
    want("assocs after close", rows(ASSOCS), [])
    for b in bad:
        print(b)
    print("ok" if not bad else "FAILED")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
