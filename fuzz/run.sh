#!/usr/bin/env bash
# The long differential fuzz (see fuzz/README.md): builds the module, the native reference and
# the test classes, then runs io.github.mqjssandbox.fuzz.FuzzMain with the given options.
#   bash fuzz/run.sh --minutes 60 [--programs N] [--out DIR] [--seed S] [--threads T] ...
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/fuzz.classpath -Dmdep.includeScope=test >&2
exec java -Xss16m -cp "target/test-classes:target/classes:$(cat target/fuzz.classpath)" \
    io.github.mqjssandbox.fuzz.FuzzMain "$@"
