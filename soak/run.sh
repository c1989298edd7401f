#!/usr/bin/env bash
# The soak: EVALUATIONS (default 10000) on THREADS (default 8) threads, random limit hits
# mixed with ordinary scripts, then a flat heap after GC and no thread growth, or exit 1.
# Usage: soak/run.sh [EVALUATIONS [THREADS [SEED]]]   (see soak/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q test-compile
# A second invocation: exec.args given with the lifecycle would also reach the build's own make executions.
exec mvn -B -ntp -q exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
  "-Dexec.args=-Xmx2g ${SOAK_JVM_OPTS:-} -cp %classpath io.github.mqjssandbox.soak.Soak $*"
