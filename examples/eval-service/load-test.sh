#!/usr/bin/env bash
# The full load test of the eval service (see README.md, "Load test"): builds the example, then
# runs LoadTestMain, which starts the service in its own JVM on a loopback ephemeral port and sends
# 20,000 requests 16 at a time (ordinary, failing and abusive scripts), printing progress every 2 s.
# It stops at 900 s whatever happens. Exit status 0 when it passes.
#
#   examples/eval-service/load-test.sh [--requests N] [--concurrency N] [--slots N] [--max-seconds N]
#                                      [--heap-growth-limit-mib N] [--markdown FILE]
#
# --markdown FILE also writes the result as markdown (docs/load-test.md is one). SKIP_BUILD=1 uses
# the jar already in target/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  mvn -B -ntp -q -f "$here/pom.xml" package -DskipTests
fi
revision="$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)"
exec java -Xmx1g -cp "$here/target/eval-service.jar" \
  io.github.mqjssandbox.examples.evalservice.load.LoadTestMain --revision "$revision" "$@"
