#!/usr/bin/env bash
# Builds and runs the printoauth desktop app, from a fresh Debian 12 machine (as root).
#
#   scripts/run-app.sh [--release] [--lan] [-- ARGS for the app]
#
#   --release    build with the release profile (slower build, smaller and faster app)
#   --lan        browse the real local network for printers (mDNS multicast on this
#                machine's interfaces). Without it (the default) the app runs in a
#                network namespace of its own with only loopback, so nothing it does
#                on the network leaves the machine: use practice mode there.
#
# Steps: scripts/setup.sh (installs what is missing), the UI (npm ci when needed,
# npm run build -> ui/dist), `cargo build -p printoauth-app` (the UI is embedded
# in the binary) into the same cargo target dir as scripts/test.sh
# (~/.cache/printoauth-target, or CARGO_TARGET_DIR), then runs
# <target dir>/<profile>/printoauth-app. Without a DISPLAY (e.g. over ssh) the app
# runs under xvfb-run, in a virtual screen nobody sees.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

profile=debug
cargo_profile=()
isolated=1
while (($#)); do
  case "$1" in
    --release) profile=release; cargo_profile=(--release) ;;
    --isolated) isolated=1 ;;
    --lan) isolated=0 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-app: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

# One build directory for the README's two commands (scripts/test.sh uses the same):
# what one compiled, the other reuses.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${HOME:-/root}/.cache/printoauth-target}"

echo "run-app: checking system packages and tools (scripts/setup.sh)"
bash "$root/scripts/setup.sh"
export PATH="$PATH:${CARGO_HOME:-${HOME:-/root}/.cargo}/bin"

echo "run-app: building the UI (ui/dist)"
(
  cd ui
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
  npm run build --silent
)

echo "run-app: building the app (cargo build -p printoauth-app${cargo_profile[*]:+ ${cargo_profile[*]}})"
cargo build -p printoauth-app "${cargo_profile[@]}"
app="$CARGO_TARGET_DIR/$profile/printoauth-app"

cmd=("$app" "$@")
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run-app: no DISPLAY: running the app under xvfb-run, in a virtual screen (nothing will appear)."
  echo "run-app: stop it with Ctrl-C."
  cmd=(xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" dbus-run-session -- env NO_AT_BRIDGE=1 "${cmd[@]}")
fi
if ((isolated)); then
  if [ "$(id -u)" != 0 ]; then
    echo "run-app: not root, so no network namespace: the app will not browse the network (PRINTOAUTH_LAN_DISCOVERY=0); use --lan to browse it"
    export PRINTOAUTH_LAN_DISCOVERY=0
    isolated=0
  fi
fi
if ((isolated)); then
  ns="printoauth-app-$$"
  ip netns add "$ns"
  trap 'ip netns del "$ns" 2>/dev/null || true' EXIT
  ip -n "$ns" link set lo up
  echo "run-app: running in network namespace $ns (loopback only)"
  cmd=(ip netns exec "$ns" "${cmd[@]}")
fi

echo "run-app: starting $app"
"${cmd[@]}"
