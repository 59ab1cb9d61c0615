#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run one host command inside a fresh test VM and return its exit status.
#
#   run.sh [-f debug|plain] [-l asctp|sctp|none] [-m module.ko]
#          [-a "modparams"] [-o resultsdir] [-t timeout] [-c cpus]
#          [-n ADDR/PREFIX=NETDEV]... [-s shareddir] [-e NAME=VALUE]...
#          -- command...
#
# The VM boots the cached test kernel with the host root read-only over
# virtio-9p, loads asctp (or the kernel's own sctp.ko, or nothing), runs
# the command, unloads, scans kmemleak, and only then writes its status.
# The run fails if the status is missing, the console shows a kernel
# splat, or the VM outlives the timeout.
#
# For runs across VMs (vm/run2.sh): each -n adds a virtio-net NIC (eth0,
# eth1... in order) on QEMU's -netdev NETDEV (e.g. socket,udp=...), up
# with ADDR/PREFIX; -s shares a host directory read-write, at
# $ASCTP_SHARED in the guest; -e exports NAME=VALUE to the command.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
flavour=debug load=asctp module= modargs= results= timeout=900 cpus=2 shared=
mem=${VM_MEM:-2G}
nics=() envs=()
while getopts "f:l:m:a:o:t:c:n:s:e:" opt; do
	case $opt in
	f) flavour=$OPTARG ;;
	l) load=$OPTARG ;;
	m) module=$OPTARG ;;
	a) modargs=$OPTARG ;;
	o) results=$OPTARG ;;
	t) timeout=$OPTARG ;;
	c) cpus=$OPTARG ;;
	n) nics+=("$OPTARG") ;;
	s) shared=$(realpath "$OPTARG") ;;
	e) envs+=("$OPTARG") ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ "${1:-}" = -- ] && shift
[ $# -gt 0 ] || { echo "run.sh: no command given" >&2; exit 2; }
cmd="$*"

kdir=$(flock "/tmp/asctp-kernel-$flavour.lock" "$here/../kernel/build.sh" "$flavour" | tail -n 1) || exit 125
if [ "$load" = asctp ]; then
	[ -n "$module" ] || module=$(pwd)/build/$flavour/module/asctp.ko
	[ -r "$module" ] || { echo "run.sh: no module at $module" >&2; exit 125; }
	module=$(realpath "$module")
fi
# The guest mounts its own tmpfs on /tmp, /run and /var/tmp: what the
# host keeps there is out of its sight.
for p in "$kdir" ${module:+"$module"} "$(pwd)" ${shared:+"$shared"}; do
	case $(realpath -m "$p") in
	/tmp/* | /run/* | /var/tmp/*)
		echo "run.sh: $p is under /tmp, /run or /var/tmp, which the VM cannot see; use another directory (and ASCTP_CACHE for the kernels)" >&2
		exit 125 ;;
	esac
done
if [ -z "$results" ]; then
	results=$(mktemp -d /tmp/asctp-vm.XXXXXX)
else
	rm -rf "$results" && mkdir -p "$results"
fi
results=$(realpath "$results")
nonce=$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')

q() { printf '%q' "$1"; }
cat > "$results/job" <<JOB
JOB_CMD=$(q "$cmd")
JOB_CWD=$(q "$(pwd)")
JOB_LOAD=$(q "$load")
JOB_MODULE=$(q "$module")
JOB_MODARGS=$(q "$modargs")
JOB_MODS=$(q "$kdir/mods")
JOB_NONCE=$nonce
JOB_NICS=($(for n in "${nics[@]}"; do q "${n%%=*}"; echo -n ' '; done))
JOB_SHARED=$(q "$shared")
JOB_ENV=($(for e in "${envs[@]}"; do q "$e"; echo -n ' '; done))
JOB

qemu_args=(
	-nodefaults -no-user-config -no-reboot -display none
	-m "$mem" -smp "$cpus"
	-kernel "$kdir/arch/x86/boot/bzImage"
	-append "console=ttyS0 root=root rootfstype=9p rootflags=trans=virtio,version=9p2000.L,msize=512000,cache=loose ro init=$here/guest-init.sh panic=-1 loglevel=7 rcupdate.rcu_cpu_stall_timeout=300 watchdog_thresh=60 acpi=noirq pnpacpi=off"
	-fsdev local,id=root,path=/,readonly=on,security_model=none,multidevs=remap
	-device virtio-9p-pci,fsdev=root,mount_tag=root
	-fsdev "local,id=res,path=$results,security_model=none"
	-device virtio-9p-pci,fsdev=res,mount_tag=results
	-device virtio-rng-pci
)
if [ -n "$shared" ]; then
	qemu_args+=(-fsdev "local,id=shared,path=$shared,security_model=none"
		    -device virtio-9p-pci,fsdev=shared,mount_tag=shared)
fi
# A locally administered MAC address, random per NIC.
for i in "${!nics[@]}"; do
	mac=$(od -An -N4 -tx1 /dev/urandom | tr -s ' ' ':')
	qemu_args+=(-netdev "${nics[i]#*=},id=n$i"
		    -device "virtio-net-pci,netdev=n$i,mac=52:54${mac%:}")
done

# KVM only when a short probe boots with it: where it was present, KVM
# guests have been seen to hang at boot.
accel=(-accel tcg,thread=multi -cpu max,la57=off)
if [ -w /dev/kvm ] && [ "${ASCTP_NO_KVM:-}" != 1 ]; then
	probe=$(mktemp -d)
	if timeout "${ASCTP_KVM_PROBE_SECS:-2}" qemu-system-x86_64 \
		"${qemu_args[@]/path=$results/path=$probe}" -accel kvm -cpu host \
		-serial null >/dev/null 2>&1; then
		accel=(-accel kvm -cpu host)
	fi
	rm -rf "$probe"
fi

echo "run.sh: $flavour kernel, load=$load, accel=${accel[1]%%,*}, results in $results" >&2
start=$(date +%s)
touch "$results/output"
tail -n +1 -F "$results/output" 2>/dev/null &
tailer=$!
timeout -k 5 "$timeout" qemu-system-x86_64 "${qemu_args[@]}" "${accel[@]}" \
	-serial "file:$results/console.log" > "$results/qemu.log" 2>&1
qrc=$?
sleep 0.3
kill $tailer 2>/dev/null
wait $tailer 2>/dev/null
echo "run.sh: VM ran $(($(date +%s) - start)) s" >&2

bad=0
if [ $qrc -eq 124 ] || [ $qrc -eq 137 ]; then
	echo "run.sh: FAIL: VM hung: killed after ${timeout} s" >&2
	tail -n 20 "$results/console.log" >&2
	bad=124
elif [ $qrc -ne 0 ]; then
	echo "run.sh: FAIL: qemu exited $qrc" >&2
	cat "$results/qemu.log" >&2
	bad=125
fi

# Kernel splats anywhere on the console fail the run.
splat='BUG:|WARNING:|Oops|Kernel panic|Call Trace:|general protection fault|kmemleak: [0-9]+ new suspected|blocked for more than|UBSAN:|possible recursive locking|possible circular locking|inconsistent lock state|suspicious RCU usage|KASAN:|stack-protector|refcount_t:'
if grep -Eq "$splat" "$results/console.log"; then
	echo "run.sh: FAIL: kernel splat on the console:" >&2
	grep -En -B2 -A20 "$splat" "$results/console.log" | head -n 80 >&2
	bad=125
fi
if [ -s "$results/failures" ]; then
	sed 's/^/run.sh: FAIL: /' "$results/failures" >&2
	[ -s "$results/kmemleak" ] && head -n 40 "$results/kmemleak" >&2
	bad=125
fi

status=$(cat "$results/status" 2>/dev/null)
if [ "$bad" -eq 0 ] && [ "${status% rc=*}" != "done $nonce" ]; then
	echo "run.sh: FAIL: the VM wrote no status: the run did not finish" >&2
	tail -n 20 "$results/console.log" >&2
	bad=125
fi
[ "$bad" -ne 0 ] && exit "$bad"
exit "${status##*rc=}"
