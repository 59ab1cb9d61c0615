#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make demo: set up what is missing, boot the test VM, load asctp and
# run the daytime pair (the seed's libsctp example: local time on stream
# 0, UTC on stream 1) one-to-one and one-to-many, beside asctp's
# counters.
set -euo pipefail
cd "$(dirname "$0")/.."

selftests/deps.sh
make -s module-debug
make -s -C selftests all
exec selftests/vm/run.sh -f debug -- '
set -e
T=selftests/tools
# port_of FILE: the "port N" line a server prints once it listens
port_of() {
	for _ in $(seq 200); do
		p=$(sed -n "s/^port //p" "$1")
		[ -n "$p" ] && { echo "$p"; return; }
		sleep 0.05
	done
	echo "no port from $1" >&2; return 1
}
echo "--- dmesg"
dmesg | grep "asctp: registered"
echo "--- the daytime pair, one-to-one (SOCK_STREAM, 5 streams)"
$T/daytime_server 127.0.0.1 0 > /tmp/srv.out &
$T/daytime_client 127.0.0.1 "$(port_of /tmp/srv.out)"
wait
echo "--- the same, one-to-many (SOCK_SEQPACKET): one server socket, two clients"
$T/daytime_1tom -n 2 server 127.0.0.1 0 > /tmp/srv.out &
port=$(port_of /tmp/srv.out)
$T/daytime_1tom client 127.0.0.1 "$port" > /tmp/c1.out &
$T/daytime_1tom client 127.0.0.1 "$port" > /tmp/c2.out
wait
cat /tmp/c1.out /tmp/c2.out
echo "--- /proc/net/asctp/snmp (both ends are on this host: each side counts)"
grep -E "Estabs|Shutdowns|Aborteds|InPkts|OutPkts|DataChunks|OutOfBlue" /proc/net/asctp/snmp
'
