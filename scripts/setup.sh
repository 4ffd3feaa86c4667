#!/usr/bin/env bash
# Installs everything printoauth needs to build, run and test on Debian 12 (as root).
# Idempotent: safe to run again; it only installs what is missing.
set -euo pipefail
# rustup installs cargo here; a non-login shell may not have it on PATH yet.
export PATH="$PATH:${CARGO_HOME:-${HOME:-/root}/.cargo}/bin"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

APT_PACKAGES=(
  # build: Tauri v2 on Linux
  build-essential pkg-config libssl-dev libwebkit2gtk-4.1-dev libxdo-dev
  libayatana-appindicator3-dev librsvg2-dev
  # tests: a real window under Xvfb, WebDriver, screenshots
  xvfb xauth webkit2gtk-driver dbus-x11 imagemagick
  # mDNS interop tests (run only inside network namespaces made by the tests)
  avahi-daemon avahi-utils dbus iproute2
  # fonts for Devanagari and Cyrillic
  fonts-noto-core
  # the customer report's checks: pdftotext and pdffonts (crates/cli/tests/cli_report.rs)
  poppler-utils
  # the installers' checks (tests/packaging): lintian and desktop-file-validate for the
  # .deb, rpm for `rpm -qpR`, makensis for the Windows hooks, squashfs-tools for the
  # AppImage repacking, shellcheck for the release workflow's steps
  lintian desktop-file-utils rpm nsis squashfs-tools shellcheck
)
# Node.js and npm for the UI build: the machine's own when present, Debian's otherwise.
command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(nodejs npm)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# avahi-daemon must never run in the host's network namespace: it would multicast
# out of the machine. Tests start their own daemons inside namespaces they create.
if pgrep -x avahi-daemon >/dev/null 2>&1; then
  for pid in $(pgrep -x avahi-daemon); do
    if [ "$(readlink /proc/$pid/ns/net)" = "$(readlink /proc/1/ns/net)" ]; then
      echo "setup: stopping avahi-daemon running in the host namespace (pid $pid)"
      kill "$pid" || true
    fi
  done
fi

command -v cargo >/dev/null || { echo "setup: cargo is required (rustup)"; exit 1; }
if ! cargo nextest --version >/dev/null 2>&1; then
  cargo install cargo-nextest --locked
fi
if ! command -v tauri-driver >/dev/null 2>&1; then
  cargo install tauri-driver --locked --version 2.1.0
fi

# UI dependencies
if [ -f "$here/ui/package.json" ]; then
  (cd "$here/ui" && { [ -d node_modules ] && [ node_modules -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; })
fi
echo "setup: ok"
