#!/usr/bin/env python3
"""Checks that every `defined` and `raised` SITE of a catalog export names
a line that exists upstream: the file at the entry's upstream commit, and
a line number within it.  A maintainer's check, run by hand against local
clones of the upstream repositories (it needs no network and no build):

    bkerr export --json | tools/check_sites.py --mirrors DIR
    tools/check_sites.py --mirrors DIR export.json

DIR holds one git repository (bare or not) per upstream, found as
DIR/owner+name/repo, DIR/owner+name or DIR/owner/name.  Each bad site is
printed as `catalog code[/variant]: SITE: reason`, then one line per
catalog with its counts.  Exit status: 0 when every site that could be
read is good, 1 when one is bad, 2 on a usage error.  A site whose
repository is not under DIR is counted as unchecked, never as good.
"""
import argparse
import json
import os
import re
import subprocess
import sys
from collections import Counter

# owner/name@<40 hex>:path:line, or path:line in the entry's own upstream
SITE = re.compile(r'(?:([\w.-]+/[\w.-]+)@([0-9a-f]{40}):)?(.+):(\d+)')
UPSTREAM = re.compile(r'([\w.-]+/[\w.-]+)@([0-9a-f]{40})')


def find_repo(mirrors, repo):
    owner, name = repo.split('/')
    for d in (os.path.join(mirrors, f'{owner}+{name}', 'repo'),
              os.path.join(mirrors, f'{owner}+{name}'),
              os.path.join(mirrors, owner, name)):
        if os.path.isdir(d):
            return d
    return None


class Upstreams:
    """Line counts of upstream files, read once each."""

    def __init__(self, mirrors):
        self.mirrors = mirrors
        self.lines = {}

    def count(self, repo, commit, path):
        """The file's line count; None if the repository is not here, -1 if
        the commit has no such file."""
        key = (repo, commit, path)
        if key not in self.lines:
            d = find_repo(self.mirrors, repo)
            if d is None:
                self.lines[key] = None
            else:
                r = subprocess.run(['git', '-C', d, 'cat-file', 'blob',
                                    f'{commit}:{path}'], capture_output=True)
                data = r.stdout
                self.lines[key] = (-1 if r.returncode != 0 else
                                   data.count(b'\n') +
                                   (1 if data and not data.endswith(b'\n')
                                    else 0))
        return self.lines[key]


def check_site(ups, upstream, site):
    """None when the site is good, 'unchecked' when its repository is not
    here, else the reason it is bad."""
    m = SITE.fullmatch(site)
    if not m:
        return 'not a SITE (path:line or owner/repo@commit:path:line)'
    if m.group(1):
        repo, commit = m.group(1), m.group(2)
    elif upstream:
        repo, commit = upstream
    else:
        return 'the entry has no upstream to read path:line in'
    n = ups.count(repo, commit, m.group(3))
    line = int(m.group(4))
    if n is None:
        return 'unchecked'
    if n < 0:
        return f'no such file in {repo}@{commit[:8]}'
    if not 1 <= line <= n:
        return f'the file has {n} lines'
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--mirrors', required=True,
                    help='the directory of upstream git repositories')
    ap.add_argument('export', nargs='?', help="bkerr export --json's output "
                    '(default: standard input)')
    args = ap.parse_args()
    try:
        src = open(args.export, encoding='utf-8') if args.export else sys.stdin
        data = json.load(src)
        catalogs = data['catalogs']
    except (OSError, ValueError, KeyError, TypeError) as e:
        print(f'check_sites.py: {args.export or "stdin"}: not a bkerr export '
              f'--json ({e}); run bkerr export --json', file=sys.stderr)
        return 2
    ups = Upstreams(args.mirrors)
    bad = 0
    for cat in catalogs:
        counts = Counter()
        for e in cat.get('entries', []):
            m = UPSTREAM.fullmatch(e.get('upstream') or '')
            upstream = (m.group(1), m.group(2)) if m else None
            name = ('legacy.' if e.get('legacy') else '') + str(e['code'])
            if e.get('variant'):
                name += f"/{e['variant'] + 1}"
            sites = ([e['defined']] if e.get('defined') else []) + \
                (e.get('raised') or [])
            for site in sites:
                why = check_site(ups, upstream, site)
                counts['sites'] += 1
                if why == 'unchecked':
                    counts['unchecked'] += 1
                elif why:
                    counts['bad'] += 1
                    print(f"{cat['id']} {name}: {site}: {why}")
        bad += counts['bad']
        unchecked = (f", {counts['unchecked']} unchecked (their repository "
                     f"is not under {args.mirrors})"
                     if counts['unchecked'] else '')
        print(f"{cat['id']}: {counts['sites']} sites, {counts['bad']} bad"
              f"{unchecked}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
