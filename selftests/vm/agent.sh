#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# VM B's command under vm/run2.sh: run what VM A asks, through the
# directory the two share ($ASCTP_SHARED), until A is done.
#
# A writes cmd.N (N = 1, 2, ... in order; renamed into place whole): a
# shell command, run at once in the background in its own session, its
# output in out.N; when it exits, its status goes to rc.N (renamed into
# place).  kill.N sends the command's process group the signal it names
# (TERM if empty).  "stop" (written by run2.sh once A is done) kills
# whatever still runs and ends the agent.  lib.sh's remote_* are A's
# side of this.
set -uo pipefail

S=${ASCTP_SHARED:?no shared directory: run by vm/run2.sh}
declare -A pids=()
next=1
# A pause without a fork: read with a time-out from a FIFO nobody writes.
fifo=$(mktemp -u) && mkfifo "$fifo" && exec 9<> "$fifo" && rm -f "$fifo"
nap() { read -r -t "$1" -u 9; }
echo "agent: ready in $S"
touch "$S/agent.ready"
while [ ! -e "$S/stop" ]; do
	while [ -e "$S/cmd.$next" ]; do
		n=$next next=$((next + 1))
		c=$(cat "$S/cmd.$n")
		echo "agent: $n: $c"
		(
			setsid bash -c "$c" > "$S/out.$n" 2>&1 < /dev/null &
			echo $! > "$S/pid.$n"
			wait $!
			echo $? > "$S/rc.$n.tmp" && mv "$S/rc.$n.tmp" "$S/rc.$n"
		) &
		pids[$n]=
	done
	for n in "${!pids[@]}"; do
		if [ -e "$S/rc.$n" ]; then
			unset "pids[$n]"
		elif [ -e "$S/kill.$n" ] && [ -s "$S/pid.$n" ]; then
			sig=$(cat "$S/kill.$n")
			echo "agent: $n: kill -${sig:-TERM}"
			kill "-${sig:-TERM}" -- "-$(cat "$S/pid.$n")"
			rm -f "$S/kill.$n"
		fi
	done
	nap 0.05
done
for n in "${!pids[@]}"; do
	[ -s "$S/pid.$n" ] && kill -KILL -- "-$(cat "$S/pid.$n")" 2>/dev/null
done
echo "agent: stopped"
exit 0
