#!/usr/bin/env bash
# Transpile cost: cold first transpiles in fresh JVMs, then warm, cached, size and eval numbers
# (TranspileCost). Usage: bash transpile/measure.sh [COLD_RUNS]   (after mvn -f transpile/pom.xml test-compile)
set -euo pipefail
cd "$(dirname "$0")"
runs="${1:-5}"
cp="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
echo "java: $(java -version 2>&1 | head -1); processors: $(nproc)"
for i in $(seq "$runs"); do
  java -cp "$cp" io.github.mqjssandbox.transpile.TranspileCost --cold-only
done
java -cp "$cp" io.github.mqjssandbox.transpile.TranspileCost
