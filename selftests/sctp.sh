#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# asctp and the kernel's own sctp.ko: loading asctp is refused with
# -EBUSY while sctp.ko holds protocol 132, and asctp runs beside it on
# another number.  sctp.ko cannot be unloaded once loaded (its per-netns
# control sockets pin the module), so this test runs last in a VM and
# leaves asctp loaded with ipproto=253.

. "$(dirname "$0")/lib.sh"

ksft_plan 3

ebusy() {
	local out rc=0
	if asctp_loaded; then rmmod asctp || return 1; fi
	sctp_load || return 1
	dmesg -c > /dev/null
	out=$(insmod "$ASCTP_MODULE" 2>&1) && { ksft_diag "insmod succeeded"; rc=1; }
	ksft_diag "insmod: $out"
	echo "$out" | grep -q "Device or resource busy" || rc=1
	dmesg | grep -q "asctp: IP protocol 132 is already registered" || rc=1
	return $rc
}
ksft_check "load refused with EBUSY while sctp.ko holds protocol 132" ebusy

beside() {
	local rc=0
	insmod "$ASCTP_MODULE" ipproto=253 || return 1
	grep -q '^SCTP ' /proc/net/protocols || rc=1
	grep -q '^ASCTP ' /proc/net/protocols || rc=1
	python3 -S "$SELFTEST_DIR/tools/sock.py" create seqpacket 253 || rc=1
	return $rc
}
ksft_check "runs beside sctp.ko with ipproto=253" beside


# The kernel's SCTP answers SOL_SCTP options; asctp on 253 does not yet.
kernel_sctp_socket() {
	python3 -S -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_SEQPACKET, 132)
s.getsockopt(132, 14, 256)  # SCTP_STATUS reaches sctp.ko, not asctp
' 2>&1 | grep -q "Invalid argument"
}
ksft_check "protocol 132 sockets still go to sctp.ko" kernel_sctp_socket

ksft_finish
