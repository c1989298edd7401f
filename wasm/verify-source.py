#!/usr/bin/env python3
"""Checks the engine files of the pinned crate against the upstream hash list.

usage: verify-source.py HASHES_TSV SOURCE_DIR FILE...

Every FILE (relative to SOURCE_DIR) must be byte-identical to the same file at one
upstream commit, and all of them at the same commit. Prints the newest such commit;
exits 1 with a per-file explanation when there is none.
"""
import hashlib
import os
import sys
from collections import defaultdict


def load_hashes(tsv_path):
    by_commit = defaultdict(dict)
    dates = {}
    with open(tsv_path, encoding="utf-8") as tsv:
        for line in tsv:
            if line.startswith("#") or not line.strip():
                continue
            commit, date, name, digest = line.split()
            by_commit[commit][name] = digest
            dates[commit] = date
    return by_commit, dates


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    tsv_path, source_dir, names = argv[1], argv[2], argv[3:]
    if not os.path.isfile(tsv_path):
        print(f"mquickjs source: hash list {tsv_path} not found "
              "(the repository expects ../shared beside it)", file=sys.stderr)
        return 1
    by_commit, dates = load_hashes(tsv_path)
    local = {}
    for name in names:
        path = os.path.join(source_dir, name)
        if not os.path.isfile(path):
            print(f"mquickjs source: {name} is missing from {source_dir}", file=sys.stderr)
            return 1
        local[name] = sha256(path)

    matching = [c for c, files in by_commit.items()
                if all(files.get(n) == h for n, h in local.items())]
    if matching:
        matching.sort(key=lambda c: dates[c])
        newest = matching[-1]
        also = f" (identical at {len(matching) - 1} earlier commits too)" if len(matching) > 1 else ""
        print(f"mquickjs source: upstream commit {newest} ({dates[newest]}){also}, "
              f"{len(names)} files verified")
        return 0

    print("mquickjs source: VERIFICATION FAILED - the crate's files match no single upstream commit.",
          file=sys.stderr)
    for name, digest in sorted(local.items()):
        known = [c for c, files in by_commit.items() if files.get(name) == digest]
        where = f"matches {len(known)} upstream commit(s)" if known else "matches NO upstream version"
        print(f"  {name}: sha256 {digest} {where}", file=sys.stderr)
    print("Refusing to build from unverified engine source. Pin a crate version whose vendored "
          "files are unmodified upstream files (wasm/engine-crate/Cargo.toml).", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
