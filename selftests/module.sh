#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Module life cycle: registration, unload and reload, rmmod refused
# while a socket is open, bad parameters.
# Expects asctp loaded (by the VM runner) and leaves it loaded.

. "$(dirname "$0")/lib.sh"

ksft_plan 5

registered() {
	grep -q '^ASCTP ' /proc/net/protocols &&
	[ -r /proc/net/asctp/snmp ] &&
	dmesg | grep -q "asctp: registered IP protocol $(asctp_ipproto)\$"
}
ksft_check "asctp registered with the IP and socket layers" registered

unload_reload() {
	rmmod asctp || return 1
	if grep -q '^ASCTP ' /proc/net/protocols || [ -e /proc/net/asctp ]; then
		ksft_diag "state left behind after rmmod"
		return 1
	fi
	insmod "$ASCTP_MODULE" && registered
}
ksft_check "unload and reload" unload_reload

rmmod_busy() {
	local fifo=/tmp/hold.$$ pid line rc=0
	mkfifo $fifo
	python3 -S "$SELFTEST_DIR/tools/sock.py" hold seqpacket "$(asctp_ipproto)" $fifo > $fifo.out &
	pid=$!
	wait_for 20 grep -q ready $fifo.out || { ksft_diag "holder not ready"; rc=1; }
	line=$(rmmod asctp 2>&1) && { ksft_diag "rmmod succeeded with a socket open"; rc=1; }
	ksft_diag "rmmod with an open socket: $line"
	echo close > $fifo
	wait $pid || rc=1
	rm -f $fifo $fifo.out
	asctp_loaded || insmod "$ASCTP_MODULE"
	[ $rc -eq 0 ] && [ "$(asctp_objects)" = 0 ] && unload_reload
}
ksft_check "rmmod refused while a socket is open, then succeeds" rmmod_busy

bad_param() {
	local p out rc=0
	rmmod asctp || return 1
	for p in 0 255 -1; do
		dmesg -c > /dev/null
		out=$(insmod "$ASCTP_MODULE" ipproto=$p 2>&1) && rc=1
		# kmod words EINVAL as "Invalid parameters"
		echo "$out" | grep -Eq "Invalid (argument|parameters)" ||
			{ ksft_diag "ipproto=$p: $out"; rc=1; }
		dmesg | grep -q "asctp: ipproto=$p is not a usable" ||
			{ ksft_diag "ipproto=$p: no dmesg line"; rc=1; }
	done
	insmod "$ASCTP_MODULE" || rc=1
	return $rc
}
ksft_check "ipproto=0, 255 and -1 refused with EINVAL" bad_param

ksft_check "object counters back to zero" test "$(asctp_objects)" = 0

ksft_finish
