#!/usr/bin/env bash
# The first result in a fresh JVM through the library (ColdStartProbe), RUNS times (default 10):
# prints JVM start-up to main, main to the first result, and the total, per run and their medians.
# Needs a built checkout: mvn -o test-compile (and target/classpath.txt, written here if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-10}"
[[ -f target/classpath.txt ]] || mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
cp="target/test-classes:target/classes:$(cat target/classpath.txt)"
totals=(); libs=(); jvms=()
for ((i = 1; i <= runs; i++)); do
  launched=$(date +%s%3N)
  line=$(java -cp "$cp" io.github.mqjssandbox.ColdStartProbe)
  main=$(sed 's/.* main=\([0-9]*\).*/\1/' <<<"$line")
  result=$(sed 's/.* result=\([0-9]*\).*/\1/' <<<"$line")
  jvms+=($((main - launched))); libs+=($((result - main))); totals+=($((result - launched)))
  echo "run $i: JVM to main $((main - launched)) ms, library to first result $((result - main)) ms, total $((result - launched)) ms"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median of $runs: JVM to main $(median "${jvms[@]}") ms, library to first result $(median "${libs[@]}") ms, total $(median "${totals[@]}") ms"
