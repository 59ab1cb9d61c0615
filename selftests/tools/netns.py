# SPDX-License-Identifier: GPL-2.0
"""in_ns(NAME, FN): FN() run with network namespace NAME (/run/netns/NAME,
as ip-netns(8) makes them) as the one new sockets are made in; the
sockets keep it after.  For tools that need ends in two namespaces."""
import ctypes
import os

CLONE_NEWNET = 0x40000000
LIBC = ctypes.CDLL(None, use_errno=True)


def _setns(fd):
    if LIBC.setns(fd, CLONE_NEWNET):
        raise OSError(ctypes.get_errno(), "setns")


def in_ns(name, fn):
    home = os.open("/proc/self/ns/net", os.O_RDONLY)
    there = os.open(f"/run/netns/{name}", os.O_RDONLY)
    try:
        _setns(there)
        return fn()
    finally:
        _setns(home)
        os.close(there)
        os.close(home)
