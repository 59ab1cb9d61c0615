#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# VM B's command under vm/run2.sh: run what VM A asks, through the
# directory the two share ($ASCTP_SHARED), until A is done.
#
# A writes cmd.N (N = 1, 2, ... in order; one write, ending in a
# newline): a shell command, run at once in the background in its own
# process group, its output in out.N; when it exits, its status goes to
# rc.N.  Each line A appends to kill.N is a signal for the command's
# process group (TERM if empty).  "stop" (written by run2.sh once A is
# done) kills whatever still runs and ends the agent.  lib.sh's
# remote_* are A's side of this.  The loop starts no process but the
# commands (a process start costs a TCG guest half a second).
set -uo pipefail

S=${ASCTP_SHARED:?no shared directory: run by vm/run2.sh}
declare -A pids=() kills=()
next=1
# A pause without a fork: read with a time-out from a FIFO nobody writes.
fifo=$(mktemp -u) && mkfifo "$fifo" && exec 9<> "$fifo" && rm -f "$fifo"
nap() { read -r -t "$1" -u 9; }
# alive PID: not yet exited (bash reaps its children as they exit)
alive() {
	local st
	read -r st 2> /dev/null < "/proc/$1/stat" || return 1
	st=${st##*) }
	[ "${st%% *}" != Z ]
}
echo "agent: ready in $S"
: > "$S/agent.ready"
while [ ! -e "$S/stop" ]; do
	while [ -s "$S/cmd.$next" ]; do
		c=
		IFS= read -r -d '' c < "$S/cmd.$next"
		[ "${c: -1}" = $'\n' ] || break	# not all written yet
		n=$next next=$((next + 1))
		echo "agent: $n: ${c%$'\n'}"
		# its own process group (job control on for the fork only)
		set -m
		( eval "$c" ) > "$S/out.$n" 2>&1 < /dev/null &
		pids[$n]=$!
		set +m
		kills[$n]=0
	done
	for n in "${!pids[@]}"; do
		p=${pids[$n]}
		if ! alive "$p"; then
			wait "$p"
			echo $? > "$S/rc.$n"
			unset "pids[$n]"
			continue
		fi
		[ -s "$S/kill.$n" ] || continue
		mapfile -t sigs < "$S/kill.$n"
		for sig in "${sigs[@]:${kills[$n]}}"; do
			echo "agent: $n: kill -${sig:-TERM}"
			kill "-${sig:-TERM}" -- "-$p"
		done
		kills[$n]=${#sigs[@]}
	done
	nap 0.02
done
for n in "${!pids[@]}"; do
	kill -KILL -- "-${pids[$n]}" 2> /dev/null
done
echo "agent: stopped"
exit 0
