#!/usr/bin/env bash
# Cold runs of the CLI (default 500): median and maximum wall time, output-to-exit gap,
# slow runs inspected while stuck. Usage: soak/cli-cold.sh [RUNS] [--load K] [--slow S]
# Needs the CLI jar: mvn -B -ntp -q package -DskipTests (see soak/README.md).
set -euo pipefail
exec python3 "$(dirname "$0")/cli_cold.py" "$@"
