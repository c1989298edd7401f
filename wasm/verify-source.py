#!/usr/bin/env python3
"""Checks the files of the pinned crate against the upstream hash list.

usage: verify-source.py [--stamp OUT] HASHES_TSV ALLOWLIST_TSV SOURCE_DIR FILE...

Every FILE (relative to SOURCE_DIR; engine sources and upstream test scripts alike)
must be byte-identical to the same file at one upstream commit, and all of them at the
same commit. The only exception is an entry of ALLOWLIST_TSV: a file whose crate bytes
have exactly the listed sha256 counts as the listed upstream sha256, and the difference
is printed with the reason. Prints the newest matching commit; exits 1 with a per-file
explanation when there is none. With --stamp, also writes the commit, its date and the
allowed differences as Java properties to OUT (what the library reports as its engine).
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


def load_allowlist(tsv_path):
    """file -> (crate sha256, upstream sha256, why); tab-separated, '#' comments."""
    allowed = {}
    with open(tsv_path, encoding="utf-8") as tsv:
        for number, line in enumerate(tsv, 1):
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 4 or not all(f.strip() for f in fields):
                raise ValueError(f"{tsv_path}:{number}: expected 4 tab-separated fields "
                                 "(file, crate sha256, upstream sha256, why)")
            name, crate_digest, upstream_digest, why = (f.strip() for f in fields)
            if name in allowed:
                raise ValueError(f"{tsv_path}:{number}: {name} is listed twice")
            allowed[name] = (crate_digest, upstream_digest, why)
    return allowed


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def fail(message):
    print(f"mquickjs source: {message}", file=sys.stderr)
    return 1


def write_stamp(path, commit, date, differences):
    lines = [f"upstream.commit={commit}", f"upstream.date={date}",
             f"upstream.differences={','.join(d[0] for d in differences)}"]
    with open(path, "w", encoding="utf-8") as out:
        out.write("# written by wasm/verify-source.py: the upstream commit the verified engine matches\n")
        out.write("\n".join(lines) + "\n")


def main(argv):
    stamp = None
    if len(argv) > 2 and argv[1] == "--stamp":
        stamp, argv = argv[2], argv[:1] + argv[3:]
    if len(argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    tsv_path, allow_path, source_dir, names = argv[1], argv[2], argv[3], argv[4:]
    if not os.path.isfile(tsv_path):
        return fail(f"hash list {tsv_path} not found (the repository expects ../shared beside it)")
    by_commit, dates = load_hashes(tsv_path)
    try:
        allowed = load_allowlist(allow_path)
    except (OSError, ValueError) as e:
        return fail(f"allowlist unreadable: {e}")

    local = {}        # name -> the hash it is compared as (upstream hash for an allowed difference)
    differences = []  # (name, crate hash, upstream hash, why) actually used
    for name in names:
        path = os.path.join(source_dir, name)
        if not os.path.isfile(path):
            return fail(f"{name} is missing from {source_dir}")
        digest = sha256(path)
        entry = allowed.get(name)
        if entry and entry[0] == digest:
            differences.append((name, digest, entry[1], entry[2]))
            digest = entry[1]
        local[name] = digest

    matching = [c for c, files in by_commit.items()
                if all(files.get(n) == h for n, h in local.items())]
    if matching:
        matching.sort(key=lambda c: dates[c])
        newest = matching[-1]
        also = f" (identical at {len(matching) - 1} earlier commits too)" if len(matching) > 1 else ""
        print(f"mquickjs source: upstream commit {newest} ({dates[newest]}){also}, "
              f"{len(names)} files verified, {len(differences)} allowed difference(s)")
        for name, crate_digest, upstream_digest, why in differences:
            print(f"  allowed difference at {newest[:7]}: {name} crate sha256 {crate_digest[:16]}… "
                  f"instead of upstream {upstream_digest[:16]}…: {why}")
        if stamp:
            write_stamp(stamp, newest, dates[newest], differences)
        return 0

    print("mquickjs source: VERIFICATION FAILED - the crate's files match no single upstream commit.",
          file=sys.stderr)
    for name in names:
        digest = local[name]
        known = [c for c, files in by_commit.items() if files.get(name) == digest]
        where = f"matches {len(known)} upstream commit(s)" if known else "matches NO upstream version"
        if name in allowed and name not in {d[0] for d in differences}:
            where += f" (the allowlist accepts only crate sha256 {allowed[name][0]})"
        print(f"  {name}: sha256 {digest} {where}", file=sys.stderr)
    print("Refusing to build from unverified engine source. Pin a crate version whose vendored "
          "files are unmodified upstream files (wasm/engine-crate/Cargo.toml), or record an exact, "
          "reviewed difference in wasm/source-allowlist.tsv.", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
