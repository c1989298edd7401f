#!/usr/bin/env bash
# Transpile cost: cold first transpiles in fresh JVMs (polyfills on and off, taking turns), then
# warm, cached, size and eval numbers for both (TranspileCost).
# Usage: bash transpile/measure.sh [COLD_RUNS]   (after mvn -f transpile/pom.xml test-compile)
set -euo pipefail
cd "$(dirname "$0")"
runs="${1:-5}"
cp="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
echo "java: $(java -version 2>&1 | head -1); processors: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$runs"); do
  java -cp "$cp" io.github.mqjssandbox.transpile.TranspileCost --cold-only
  java -cp "$cp" io.github.mqjssandbox.transpile.TranspileCost --cold-only --no-polyfills
done
java -cp "$cp" io.github.mqjssandbox.transpile.TranspileCost
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
