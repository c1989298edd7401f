#!/usr/bin/env bash
# The playground, checked in a real browser: starts the service on a free loopback port, opens the
# page in headless Chromium with a script that runs on load (?code=...&run=1), and saves what the
# browser shows to docs/playground.png (or the file given as the first argument).
# Needs `chromium` (Debian: apt-get install -y chromium). SKIP_BUILD=1 uses the jar in target/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../docs/playground.png}"
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  mvn -B -ntp -q -f "$here/pom.xml" package -DskipTests
fi

log="$(mktemp)"
java -jar "$here/target/eval-service.jar" --port 0 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; rm -f "$log"' EXIT
base=""
for _ in $(seq 100); do  # the service prints its address once it listens
  base="$(grep -o 'http://[^ ]*/' "$log" | head -1 || true)"
  [[ -n "$base" ]] && break
  sleep 0.1
done
[[ -n "$base" ]] || { echo "the service did not start:" >&2; cat "$log" >&2; exit 1; }

urlencode() {  # byte by byte, so UTF-8 comes out as its %XX bytes
  local LC_ALL=C s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in
      [A-Za-z0-9._~-]) out+="$c" ;;
      *) out+="$(printf '%%%02X' "'$c")" ;;
    esac
  done
  printf '%s' "$out"
}

code='function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
for (var i = 10; i <= 14; i++) {
  console.log("fib(" + i + ") = " + fib(i));
}
({ engine: "MicroQuickJS",
   squares: [1, 2, 3, 4].map(function (x) { return x * x; }) })'
url="${base}?run=1&timeoutMs=500&memoryLimitBytes=4194304&fuel=100000000&code=$(urlencode "$code")"

# The virtual time budget lets the page finish its fetch of /eval before the screenshot is taken.
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=10000 \
  --window-size=1200,900 --screenshot="$out" "$url" 2>/dev/null
echo "screenshot of $url"
echo "saved to $out"
