#!/usr/bin/env bash
# End-to-end tests of the built desktop app in its real window (WebKitGTK under Xvfb,
# driven over WebDriver by tauri-driver + WebKitWebDriver): one command, bounded in time.
#
#   tests/e2e/run.sh [TEST FILE...]     (default: every tests/e2e/*.test.mjs, one after the other)
#
# Builds nothing; build first:
#   (cd ui && npm ci && npm run build) && cargo build -p printoauth-app
# Runs the tests (node's test runner, no npm packages; each test starts its own app) in a
# private X server (xvfb-run) and a private session bus (dbus-run-session), and,
# when run as root, inside a network namespace of its own with only loopback,
# so nothing the app does on the network can leave the machine.
# Screenshots and tauri-driver's logs land in tests/artifacts/.
#
# Environment:
#   PRINTOAUTH_E2E_TIMEOUT  seconds for the whole run (default 900)
#   PRINTOAUTH_E2E_NETNS    0 to skip the network namespace
#   PRINTOAUTH_APP_BIN      the app binary (default $CARGO_TARGET_DIR/debug/printoauth-app,
#                           CARGO_TARGET_DIR defaulting to ~/.cache/printoauth-target as in scripts/test.sh)
#   TAURI_DRIVER            tauri-driver to use (default: from PATH, ~/.cargo/bin added)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
limit="${PRINTOAUTH_E2E_TIMEOUT:-900}"
export PATH="$PATH:${CARGO_HOME:-${HOME:-/root}/.cargo}/bin"
# The build's target dir, as scripts/test.sh sets it (the app binary is taken from there).
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${HOME:-/root}/.cache/printoauth-target}"

for tool in node xvfb-run dbus-run-session tauri-driver WebKitWebDriver import; do
  command -v "$tool" >/dev/null || { echo "e2e: $tool is missing (run scripts/setup.sh)" >&2; exit 1; }
done
mkdir -p "$root/tests/artifacts"

cmd=(
  xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp"
  dbus-run-session --
  env NO_AT_BRIDGE=1 GDK_BACKEND=x11
  node --test --test-concurrency=1 --test-reporter=spec
)
if (($#)); then
  cmd+=("$@")
else
  cmd+=("$root"/tests/e2e/*.test.mjs)
fi

ns=""
if [ "$(id -u)" = 0 ] && [ "${PRINTOAUTH_E2E_NETNS:-1}" != 0 ] && command -v ip >/dev/null; then
  ns="printoauth-e2e-$$"
  ip netns add "$ns"
  trap 'ip netns del "$ns" 2>/dev/null || true' EXIT
  ip -n "$ns" link set lo up
  cmd=(ip netns exec "$ns" "${cmd[@]}")
fi

echo "e2e: running${ns:+ in network namespace $ns}, limit ${limit}s"
start=$(date +%s%N)
status=0
timeout --kill-after=15 "$limit" "${cmd[@]}" || status=$?
ms=$((($(date +%s%N) - start) / 1000000))
printf 'e2e: finished in %d.%03d s with status %d\n' $((ms / 1000)) $((ms % 1000)) "$status"
[ "$status" = 124 ] && echo "e2e: timed out after ${limit}s" >&2
exit "$status"
