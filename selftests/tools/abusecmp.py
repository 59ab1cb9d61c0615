#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Compare two outputs of tools/sockabuse line by line.

    abusecmp.py EXPECTED ACTUAL ALLOW

EXPECTED is sctp.ko's output (sockabuse.golden, or a live run), ACTUAL
asctp's.  Each line is "<probe> -> <result>"; the probes must be the
same, in the same order.  A line whose result differs is allowed when
its probe matches a pattern of ALLOW, one a line:

    PATTERN | reason

PATTERN is a shell glob over the probe ("<socktype> <state> <dir>
<case> <variant>"); '#' starts a comment line.  Every other difference
fails.  Prints "# " lines: the differences that fail, the allowed ones
counted per pattern, the patterns nothing matched; exits 0 if none
failed.
"""
import fnmatch
import sys


def load_allow(path):
    allow = []
    with open(path) as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            pat, sep, reason = line.partition(' | ')
            if not sep or not reason.strip():
                sys.exit(f'{path}:{n}: want "PATTERN | reason"')
            allow.append([pat.strip(), reason.strip(), 0])
    return allow


def split(line):
    probe, sep, res = line.rstrip('\n').partition(' -> ')
    return probe, res if sep else None


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        want = f.readlines()
    with open(sys.argv[2]) as f:
        got = f.readlines()
    allow = load_allow(sys.argv[3])
    bad = 0
    shown = 0
    if len(want) != len(got):
        print(f'# {len(got)} probes, {len(want)} expected')
        bad += 1
    for w, g in zip(want, got):
        wp, wr = split(w)
        gp, gr = split(g)
        if wp != gp:
            print(f'# probes out of step: expected "{wp}", got "{gp}"')
            bad += 1
            break
        if wr == gr:
            continue
        for a in allow:
            if fnmatch.fnmatchcase(wp, a[0]):
                a[2] += 1
                break
        else:
            bad += 1
            if shown < 100:
                print(f'# DIFF {wp}: {gr}, sctp.ko {wr}')
                shown += 1
    if shown < bad - 1:
        print(f'# ... {bad - shown} differences in all')
    for pat, reason, n in allow:
        if n:
            print(f'# allowed {n:5d}  {pat}  ({reason})')
        else:
            print(f'# unused allow-list entry: {pat}')
    print(f'# {len(got)} probes, {bad} unallowed differences')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
