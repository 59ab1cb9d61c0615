#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""A peer that vanishes mid-transfer, for faults.sh.

    vanish.py server PROTO ADDR PORT
    vanish.py client PROTO ADDR PORT N

Both sides set RTO.Min 100 ms, RTO.Max 200 ms (SCTP_RTOINFO) and
Association.Max.Retrans 3 (SCTP_ASSOCINFO), so that a lost peer is
given up within about a second.

The server (one-to-one) prints "listening", accepts one association and
reads messages, checking each: message i is 1000 bytes, i in 4 bytes
then the byte i % 251.  It prints "got I" after each, and "MISMATCH
..." and exits 1 on a wrong one.  The test then takes its link away and
kills it.

The client (one-to-one, SCTP_SEND_FAILED_EVENT and SCTP_ASSOC_CHANGE
subscribed) sends up to N such messages until a send fails, then reads
notifications until its association is lost.  It prints
"sent S failed F from I unsent U lost <errno of the failed send>
<state>", where F counts the messages returned in
SCTP_SEND_FAILED_EVENTs, I the first of them (they must be I to S - 1,
each once, else it prints "FAILED SET ..."), U those never sent, and
<state> the SCTP_ASSOC_CHANGE state (COMM_LOST).  Every message sent
either arrived (the server's "got") or came back: I <= got.  Some may
have done both: delivered, but the SACK saying so was lost with the
link.
"""
import errno
import socket
import struct
import sys

SOL_SCTP = 132
SCTP_RTOINFO, SCTP_ASSOCINFO, SCTP_EVENT = 0, 1, 127
SCTP_ASSOC_CHANGE, SCTP_SEND_FAILED_EVENT = 0x8001, 0x800d
SCTP_DATA_UNSENT = 1
STATES = {0: "COMM_UP", 1: "COMM_LOST", 2: "RESTART", 3: "SHUTDOWN_COMP",
          4: "CANT_STR_ASSOC"}
MSG_NOTIFICATION = 0x8000
SIZE = 1000


def message(i):
    return struct.pack("!I", i) + bytes([i % 251]) * (SIZE - 4)


def sock(proto):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, proto)
    s.setsockopt(SOL_SCTP, SCTP_RTOINFO, struct.pack("iIII", 0, 100, 200,
                                                     100))
    s.setsockopt(SOL_SCTP, SCTP_ASSOCINFO, struct.pack("iHHIII", 0, 3, 0,
                                                       0, 0, 0))
    return s


def server(proto, addr, port):
    ls = sock(proto)
    ls.bind((addr, port))
    ls.listen(1)
    print("listening", flush=True)
    s, _ = ls.accept()
    i = 0
    while True:
        m = s.recv(SIZE * 2)
        if not m:
            return 0
        if m != message(i):
            print(f"MISMATCH message {i}: {len(m)} bytes", flush=True)
            return 1
        i += 1
        print(f"got {i}", flush=True)


def client(proto, addr, port, n):
    s = sock(proto)
    for ev in (SCTP_ASSOC_CHANGE, SCTP_SEND_FAILED_EVENT):
        s.setsockopt(SOL_SCTP, SCTP_EVENT, struct.pack("iHBx", 0, ev, 1))
    s.connect((addr, port))
    sent, err = 0, "-"
    for i in range(n):
        try:
            s.sendmsg([message(i)])
        except OSError as e:
            err = errno.errorcode[e.errno]
            break
        sent += 1
    failed, unsent, idx = 0, 0, []
    state = "-"
    while True:
        # once the association is lost, what it queued is all there
        s.setblocking(state == "-")
        try:
            m, _, flags, _ = s.recvmsg(SIZE * 4)
        except BlockingIOError:
            break
        except OSError as e:
            if state == "-":
                state = "recv " + errno.errorcode[e.errno]
            break
        if not flags & MSG_NOTIFICATION:
            continue
        typ, fl = struct.unpack_from("HH", m)
        if typ == SCTP_SEND_FAILED_EVENT:
            failed += 1
            unsent += fl == SCTP_DATA_UNSENT
            # struct sctp_send_failed_event: 32 bytes, then the data
            idx.append(struct.unpack_from("!I", m, 32)[0])
        elif typ == SCTP_ASSOC_CHANGE:
            st = struct.unpack_from("H", m, 8)[0]
            if st != 0 and state == "-":
                state = STATES.get(st, str(st))
    first = min(idx) if idx else sent
    if sorted(idx) != list(range(first, sent)):
        print(f"FAILED SET {sorted(idx)}")
    print(f"sent {sent} failed {failed} from {first} unsent {unsent} "
          f"lost {err} {state}")
    return 0


def main():
    mode, proto, addr, port = sys.argv[1], int(sys.argv[2]), sys.argv[3], \
        int(sys.argv[4])
    if mode == "server":
        return server(proto, addr, port)
    return client(proto, addr, port, int(sys.argv[5]))


if __name__ == "__main__":
    sys.exit(main())
