# SPDX-License-Identifier: GPL-2.0
"""check(NAME, GOT, WANT): one "# " line, GOT and, if it differs, WANT;
status(): the exit status, 0 when every check held.  For the tools
that print their checks for a kselftest case."""

_OK = [True]


def check(name, got, want):
    print(f"# {name}: {got}{'' if got == want else f', expected {want}'}")
    if got != want:
        _OK[0] = False


def status():
    return 0 if _OK[0] else 1
