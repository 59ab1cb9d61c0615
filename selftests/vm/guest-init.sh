#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# PID 1 of the test VM.  The root file system is the host's own root,
# read-only over virtio-9p; the job comes from the writable "results"
# share.  Fail closed: the status file that says the run passed is
# written last, after the command, rmmod and the kmemleak scan.

export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# LC_ALL=C: glibc's built-in locale.  C.UTF-8 made every process that
# calls setlocale() open 13 locale files over 9p, about 0.1 s a start in
# the guest; Python takes UTF-8 mode by itself in the C locale (PEP 540).
export HOME=/tmp/home TERM=dumb LC_ALL=C

# The console may not open on a 9p root: say everything on ttyS0.
mount -t devtmpfs devtmpfs /dev
exec </dev/null >/dev/ttyS0 2>&1
mount -t proc proc /proc
mount -t sysfs sysfs /sys
# TCG: a vCPU stalled by the host is no hung task (run.sh raises the
# RCU stall and soft lockup limits the same way)
[ -w /proc/sys/kernel/hung_task_timeout_secs ] &&
	echo 300 > /proc/sys/kernel/hung_task_timeout_secs
mkdir -p /dev/pts /dev/shm
# What udev would add: tests reopen /dev/stdout
ln -s /proc/self/fd /dev/fd
ln -s fd/0 /dev/stdin && ln -s fd/1 /dev/stdout && ln -s fd/2 /dev/stderr
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /dev/shm
for d in /tmp /run /var/tmp /var/lib/ldconfig /var/cache/ldconfig; do
	[ -d $d ] && mount -t tmpfs -o mode=1777 tmpfs $d
done
mkdir -p "$HOME"
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000 results /mnt
hostname asctp-vm
ip link set lo up

halt() {
	sync
	umount /mnt 2>/dev/null
	echo b > /proc/sysrq-trigger
	reboot -f -f
	sleep 60
}

if [ ! -r /mnt/job ]; then	# KVM probe, or a broken share
	echo "asctp-vm: no job"
	halt
fi
# shellcheck source=/dev/null
. /mnt/job
R=/mnt

fail() {
	echo "asctp-vm: FAIL: $*"
	echo "$*" >> $R/failures
}

step() { echo "asctp-vm: $*"; }

# Runs across VMs (vm/run2.sh): the NICs, up with their addresses, and
# a directory shared with the other VMs.
i=0
for a in "${JOB_NICS[@]}"; do
	ip addr add "$a" dev eth$i && ip link set eth$i up ||
		fail "no eth$i for $a"
	i=$((i + 1))
done
if [ -n "${JOB_SHARED:-}" ]; then
	mkdir -p /run/asctp-shared &&
	mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000,cache=none \
		shared /run/asctp-shared || fail "cannot mount the shared directory"
	JOB_ENV+=(ASCTP_SHARED=/run/asctp-shared)
fi

# kmemleak's scan every 10 minutes is turned off: under TCG it takes a
# vCPU for a long while; the scans at the end find every leak it would.
# No scan here either (30 s): the kernel's boot leaves no leak to clear.
[ -w /sys/kernel/debug/kmemleak ] && echo scan=off > /sys/kernel/debug/kmemleak

loaded=
case $JOB_LOAD in
asctp)
	step "insmod $JOB_MODULE $JOB_MODARGS"
	# shellcheck disable=SC2086
	if insmod "$JOB_MODULE" $JOB_MODARGS; then loaded=asctp
	else fail "insmod asctp failed"; fi ;;
sctp)
	# md5 too, for sctp.ko's default cookie HMAC: the kernel's own
	# request for it runs modprobe without -d, and listen() fails.
	step "modprobe sctp md5"
	if modprobe -d "$JOB_MODS" sctp && modprobe -d "$JOB_MODS" md5; then
		loaded=sctp
	else
		fail "modprobe sctp md5 failed"
	fi ;;
none) ;;
esac

# Every open() on the 9p root costs the guest about 10 ms (walk, open,
# clunk: one request at a time in QEMU's main loop), and a python3 start
# opens some 25 files.  The shared libraries, Python modules and other
# small files the tests open most are copied to tmpfs and bound over
# their own paths: the same bytes, opened from memory.
hot_files() {
	local s=$SECONDS out
	out=$(python3 -S - 2>&1 <<-'EOF'
	import ctypes, os, shutil, sys
	import socket, struct, time, errno, select, argparse, subprocess, random
	import threading, signal, resource, hashlib, fnmatch
	MS_BIND = 4096
	libc = ctypes.CDLL(None, use_errno=True)
	d = "/run/asctp-hot"
	lib = "/usr/lib/x86_64-linux-gnu/"
	files = ["/etc/ld.so.cache", "/etc/localtime", "/lib64/ld-linux-x86-64.so.2"]
	files += [lib + n for n in (
	    "libc.so.6 libm.so.6 libz.so.1 libexpat.so.1 libffi.so.8 "
	    "libtinfo.so.6 libselinux.so.1 libpcre2-8.so.0 libbpf.so.1 "
	    "libelf.so.1 libmnl.so.0 libbsd.so.0 libmd.so.0 libcap.so.2 "
	    "libsctp.so.1").split()]
	for m in list(sys.modules.values()):
	    f = getattr(m, "__cached__", None) or getattr(m, "__file__", None)
	    if f and f.endswith((".pyc", ".so")):
	        files.append(f)
	os.makedirs(d, exist_ok=True)
	done = set()
	for f in files:
	    f = os.path.realpath(f)
	    if f in done or not os.path.isfile(f):
	        continue
	    done.add(f)
	    t = "%s/%d" % (d, len(done))
	    shutil.copy2(f, t)
	    if libc.mount(t.encode(), f.encode(), None, MS_BIND, None):
	        os.unlink(t)
	        print("not bound:", f, os.strerror(ctypes.get_errno()))
	print(len(os.listdir(d)), "files")
	EOF
	)
	step "hot files in tmpfs: $(echo "$out" | tr '\n' ' ')$((SECONDS - s)) s"
}
hot_files

rc=125
if [ ! -s $R/failures ]; then
	step "running: $JOB_CMD"
	cd "$JOB_CWD" || fail "no directory $JOB_CWD"
	export ASCTP_VM=1 ASCTP_RESULTS=$R ASCTP_LOAD=$JOB_LOAD
	export ASCTP_MODULE=$JOB_MODULE ASCTP_MODS=$JOB_MODS
	[ ${#JOB_ENV[@]} -gt 0 ] && export "${JOB_ENV[@]}"
	# Through a pipe: reopening a 9p file for append (the kselftest
	# runner does with /dev/stdout) would write over earlier output.
	setsid bash -c "$JOB_CMD" 2>&1 < /dev/null | cat > $R/output
	rc=${PIPESTATUS[0]}
	step "command exited $rc"
	cd /
fi

# Nothing the command started may outlive it.
kill -9 -1 2>/dev/null
sleep 0.2

for f in /sys/kernel/debug/kunit/*/results; do
	[ -r "$f" ] || continue
	s=${f%/results}; s=${s##*/}
	mkdir -p $R/kunit && cat "$f" > "$R/kunit/$s.tap"
done

# A test may reload asctp with other parameters: unload what is loaded.
if [ "$loaded" = asctp ] || [ -d /sys/module/asctp ]; then
	if [ -r /sys/kernel/debug/asctp/objects ]; then
		cat /sys/kernel/debug/asctp/objects > $R/objects
		awk '$2 != 0 { bad = 1 } END { exit bad }' $R/objects ||
			fail "live objects after the command: $(tr '\n' ' ' < $R/objects)"
	fi
	step "rmmod asctp"
	if [ -d /sys/module/asctp ]; then
		rmmod asctp || fail "rmmod asctp failed"
	else
		fail "asctp is no longer loaded: a test left it unloaded"
	fi
fi
# sctp.ko cannot be unloaded: its per-netns control sockets pin it.

if [ -w /sys/kernel/debug/kmemleak ]; then
	# two scans: an object is reported only once its contents (their
	# checksum) have not changed between scans
	step "kmemleak scan"
	echo scan > /sys/kernel/debug/kmemleak
	echo scan > /sys/kernel/debug/kmemleak
	cat /sys/kernel/debug/kmemleak > $R/kmemleak
	[ -s $R/kmemleak ] && fail "kmemleak reports leaks"
fi

[ -s $R/failures ] || echo "done $JOB_NONCE rc=$rc" > $R/status
halt
