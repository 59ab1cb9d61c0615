#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make demo: set up what is missing, boot the test VM, load asctp and
# show it registered and counting.
set -euo pipefail
cd "$(dirname "$0")/.."

selftests/deps.sh
make -s module-debug
exec selftests/vm/run.sh -f debug -- '
set -e
echo "--- dmesg"
dmesg | grep asctp
echo "--- /proc/net/protocols"
grep -E "^(protocol|ASCTP) " /proc/net/protocols | cut -c1-40
echo "--- sockets of both types"
python3 selftests/tools/sock.py create seqpacket 132 && echo "SOCK_SEQPACKET: created and closed"
python3 selftests/tools/sock.py create stream 132 && echo "SOCK_STREAM: created and closed"
echo "--- one packet with a bad CRC32c, one good one (no association: out of the blue)"
python3 selftests/tools/pkt.py --bad-csum 127.0.0.1
python3 selftests/tools/pkt.py 127.0.0.1
cat /proc/net/asctp/snmp
'
