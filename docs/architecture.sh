#!/usr/bin/env bash
# Renders docs/architecture.png from docs/architecture.html with headless Chromium
# (Debian: apt-get install -y chromium fonts-dejavu-core).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome)"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1.5 \
    --window-size=1500,940 --virtual-time-budget=2000 \
    --screenshot="$here/architecture.png" "file://$here/architecture.html" 2>/dev/null
echo "wrote $here/architecture.png"
