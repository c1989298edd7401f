#!/usr/bin/env bash
# Builds and runs the whole benchmark, then regenerates docs/benchmarks.md, docs/benchmarks.png
# and benchmarks/results/latest.csv.
#
#   benchmarks/run.sh [short|full]      short (default): ~5 minutes; full: ~30 minutes or more
#   benchmarks/run.sh report            only rewrite the docs from benchmarks/results/latest.csv
#                                       (and benchmarks/results/microbench.csv)
#   benchmarks/run.sh microbench        only upstream's tests/microbench.js, once per subject (~9 minutes):
#                                       writes benchmarks/results/microbench.csv, then rewrites the docs
#   benchmarks/run.sh microbench-quick  the same on a few tests in ~1 minute, to test the tooling:
#                                       writes benchmarks/results/microbench-quick.csv, leaves the docs alone
#   benchmarks/run.sh preload           only a new sandbox that needs a library (mustache, js-yaml) and one
#                                       call of it: preloaded (SandboxConfig.preload) or evaluated in each
#                                       sandbox (~1 minute): writes benchmarks/results/preload.csv
#   benchmarks/run.sh transpile         only transpile mode's cost per script, compiled and from the cache
#                                       (~1 minute): writes benchmarks/results/transpile.csv
#   benchmarks/run.sh lifecycle         only the sandbox life cycle (create, reset, pool, hibernation,
#                                       snapshot, restore, idle footprint, at 1, 16 and 256 MiB; ~6 minutes): writes benchmarks/results/lifecycle.csv,
#                                       then rewrites the docs
#
# Every docs rewrite includes the microbench section when benchmarks/results/microbench.csv exists.
#
# Environment:
#   SANDBOX_JAR=PATH   benchmark this self-contained jar of the library (e.g. a CLI jar) instead of
#                      installing the library from this checkout; it is installed into ~/.m2 as
#                      io.github.mqjssandbox:mquickjs-sandbox-prebuilt and used with -Dsandbox.prebuilt
#   SKIP_INSTALL=1     use the io.github.mqjssandbox:mquickjs-sandbox:0.1.0-SNAPSHOT already in ~/.m2
#   SUBJECTS=A,B       only these JVM subjects (names of io.github.mqjssandbox.bench.Subject)
set -euo pipefail

mode="${1:-short}"
case "$mode" in
  short|full|report|microbench|microbench-quick|lifecycle|preload|transpile) ;;
  *) echo "usage: $0 [short|full|report|microbench|microbench-quick|lifecycle|preload|transpile]" >&2; exit 2 ;;
esac

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

for tool in java mvn node; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is required" >&2; exit 1; }
done

# relative paths: they are printed in the docs
microbench_csv=benchmarks/results/microbench.csv
microbench_script=wasm/build/engine/tests/microbench.js
section_args=()
[[ -f "$microbench_csv" ]] && section_args=(--microbench "$microbench_csv")
lifecycle_csv=benchmarks/results/lifecycle.csv
[[ -f "$lifecycle_csv" ]] && section_args+=(--lifecycle "$lifecycle_csv")

# Rewrites the docs from benchmarks/results/latest.csv (and microbench.csv) without measuring.
write_report() {
  echo "== rewriting the docs from benchmarks/results/latest.csv and the sections' CSVs"
  local lib
  lib="$(sed -n 's/^# .*library=//p' "$here/results/latest.csv")"
  java -Djava.awt.headless=true -jar "$here/target/benchmarks.jar" short \
    --from-csv "$here/results/latest.csv" --doc "$root/docs/benchmarks.md" --png "$root/docs/benchmarks.png" \
    --command "benchmarks/run.sh $(sed -n 's/^# mode=\([a-z]*\).*/\1/p' "$here/results/latest.csv")" \
    ${lib:+--library "$lib"} "${section_args[@]}"
}

profile=()
if [[ "$mode" == report ]]; then
  [[ -n "${SANDBOX_JAR:-}" ]] && profile=(-Dsandbox.prebuilt)
  mvn -q -f "$here/pom.xml" "${profile[@]}" package
  write_report
  exit 0
fi

if [[ -n "${SANDBOX_JAR:-}" ]]; then
  echo "== installing $SANDBOX_JAR as io.github.mqjssandbox:mquickjs-sandbox-prebuilt"
  mvn -q install:install-file -Dfile="$SANDBOX_JAR" -DgroupId=io.github.mqjssandbox \
    -DartifactId=mquickjs-sandbox-prebuilt -Dversion=0.1.0-SNAPSHOT -Dpackaging=jar
  profile=(-Dsandbox.prebuilt)
  library="prebuilt jar $(basename "$SANDBOX_JAR") (sha256 $(sha256sum "$SANDBOX_JAR" | cut -c1-12))"
elif [[ "${SKIP_INSTALL:-0}" != 1 ]]; then
  echo "== installing the library and the transpiler (mvn install -DskipTests)"
  mvn -q -f "$root/pom.xml" install -DskipTests
  mvn -q -f "$root/transpile/pom.xml" install -DskipTests
fi
if [[ -z "${library:-}" ]]; then
  library="io.github.mqjssandbox:mquickjs-sandbox:0.1.0-SNAPSHOT"
  if rev="$(git -C "$root" rev-parse --short HEAD 2>/dev/null)"; then
    library="$library from git $rev"
    [[ -n "$(git -C "$root" status --porcelain -- src pom.xml 2>/dev/null)" ]] && library="$library (with uncommitted changes)"
  fi
fi

native="$root/wasm/build/native/mqjs-native"
if [[ ! -x "$native" ]]; then
  echo "== building the native reference (make -C wasm native)"
  make -C "$root/wasm" native
fi
# upstream's default -Os build, for the microbench (the throughput goal is stated against it)
native_os="$root/wasm/build/native/mqjs-native-os"
if [[ "$mode" == microbench* && ! -x "$native_os" ]]; then
  echo "== building the native -Os reference (make -C wasm native-os)"
  make -C "$root/wasm" native-os
fi

echo "== building benchmarks/target/benchmarks.jar"
mvn -q -f "$here/pom.xml" "${profile[@]}" package

mkdir -p "$here/results"

if [[ "$mode" == preload ]]; then
  # the real-world suite's pinned packages (package-lock.json: versions and integrity hashes)
  mkdir -p "$root/target/realworld"
  cp "$root/src/test/realworld/package.json" "$root/src/test/realworld/package-lock.json" "$root/target/realworld/"
  (cd "$root/target/realworld" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
  echo "== running the preload benchmark; log in benchmarks/results/run-preload.log"
  java -Dbench.nodeModules="$root/target/realworld/node_modules" -cp "$here/target/benchmarks.jar" \
    io.github.mqjssandbox.bench.SampleRun PreloadBenchmark library "$here/results/preload.csv" "$library" \
    2>&1 | tee "$here/results/run-preload.log"
  exit 0
fi

if [[ "$mode" == transpile ]]; then
  echo "== running the transpile benchmark; log in benchmarks/results/run-transpile.log"
  java -cp "$here/target/benchmarks.jar" io.github.mqjssandbox.bench.SampleRun TranspileBenchmark snippet \
    "$here/results/transpile.csv" "$library" 2>&1 | tee "$here/results/run-transpile.log"
  exit 0
fi

if [[ "$mode" == lifecycle ]]; then
  echo "== running the life-cycle benchmark; log in benchmarks/results/run-lifecycle.log"
  java -cp "$here/target/benchmarks.jar" io.github.mqjssandbox.bench.LifecycleRun \
    --csv "$lifecycle_csv" --library "$library" 2>&1 | tee "$here/results/run-lifecycle.log"
  section_args+=(--lifecycle "$lifecycle_csv")
  write_report
  exit 0
fi

if [[ "$mode" == microbench* ]]; then
  if [[ ! -f "$microbench_script" ]]; then
    echo "$0: $microbench_script is missing; it comes only from the verified rmquickjs-sys crate: run make -C wasm" >&2
    exit 1
  fi
  csv="$microbench_csv"
  [[ "$mode" == microbench-quick ]] && csv=benchmarks/results/microbench-quick.csv
  echo "== running upstream's microbench.js ($mode); log in benchmarks/results/run-$mode.log"
  java -jar "$here/target/benchmarks.jar" "$mode" \
    --script "$microbench_script" \
    --native "$native" \
    --native-os "$native_os" \
    --node-host "$here/node/mqjs-node.mjs" \
    --wasm "$root/src/main/resources/mquickjs.wasm" \
    --csv "$csv" \
    --library "$library" 2>&1 | tee "$here/results/run-$mode.log"
  if [[ "$mode" == microbench ]]; then
    section_args+=(--microbench "$microbench_csv")
    write_report
  fi
  exit 0
fi

extra=()
[[ -n "${SUBJECTS:-}" ]] && extra=(--subjects "$SUBJECTS")
echo "== running ($mode mode); log in benchmarks/results/run-$mode.log"
java -Djava.awt.headless=true -jar "$here/target/benchmarks.jar" "$mode" \
  --native "$native" \
  --node-host "$here/node/mqjs-node.mjs" \
  --wasm "$root/src/main/resources/mquickjs.wasm" \
  --workloads "$here/src/main/resources/workloads" \
  --doc "$root/docs/benchmarks.md" \
  --png "$root/docs/benchmarks.png" \
  --csv "$here/results/latest.csv" \
  --command "benchmarks/run.sh $mode" \
  --library "$library" \
  "${extra[@]}" "${section_args[@]}" 2>&1 | tee "$here/results/run-$mode.log"
echo "== wrote docs/benchmarks.md, docs/benchmarks.png, benchmarks/results/latest.csv"
