#!/usr/bin/env bash
# Runs every test of printoauth on a fresh Debian 12 machine (as root: the mDNS tests
# create network namespaces). Installs what is missing first.
set -euo pipefail
# rustup installs cargo here; a non-login shell may not have it on PATH yet.
export PATH="$PATH:${CARGO_HOME:-${HOME:-/root}/.cargo}/bin"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

bash scripts/setup.sh

# A target dir outside the clone survives between CI runs on the same machine.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${HOME:-/root}/.cache/printoauth-target}"
export CARGO_TERM_COLOR=never

step() { printf '\n== %s\n' "$*"; }

# Disk: a full disk fails a run late and for no reason of its own (a build, the
# packages' installation). Say what there is, and when it is short, first drop what the
# build directory can make again (the fuzzing build, old packages, incremental state).
free_gib() { df -P -BG "$1" | awk 'NR == 2 { sub("G", "", $4); print $4 }'; }
mkdir -p "$CARGO_TARGET_DIR"
step "Disk: $(free_gib "$CARGO_TARGET_DIR") GiB free for $CARGO_TARGET_DIR ($(du -sh "$CARGO_TARGET_DIR" 2>/dev/null | cut -f1) used by it)"
if [ "$(free_gib "$CARGO_TARGET_DIR")" -lt "${PRINTOAUTH_MIN_FREE_GIB:-12}" ]; then
  for d in fuzz fuzz-work package-stage packages release debug/incremental; do
    if [ -e "$CARGO_TARGET_DIR/$d" ]; then
      echo "disk: short of space, removing $CARGO_TARGET_DIR/$d (made again when needed)"
      rm -rf "${CARGO_TARGET_DIR:?}/$d"
    fi
  done
  echo "disk: $(free_gib "$CARGO_TARGET_DIR") GiB free now"
fi

step "UI: build and unit tests"
(cd ui && npm run check --silent && npm test --silent && npm run build --silent)

step "Rust: build everything"
cargo build --workspace --all-targets --locked

step "Rust: formatting (cargo fmt --check)"
if cargo fmt --version >/dev/null 2>&1; then
  cargo fmt --all --check
else
  echo "rustfmt is not installed with this toolchain: formatting not checked"
fi

step "Rust: lints (clippy, warnings are errors)"
if cargo clippy --version >/dev/null 2>&1; then
  cargo clippy --workspace --all-targets --locked -q -- -D warnings
else
  echo "clippy is not installed with this toolchain: lints skipped"
fi

step "Rust: tests (nextest)"
cargo nextest run --workspace --locked --no-fail-fast

step "Fuzzing: a smoke run of every target (scripts/fuzz.sh, 15 s each)"
bash scripts/fuzz.sh "${FUZZ_SMOKE_SECONDS:-15}"

step "End to end: the app window (WebDriver under Xvfb)"
bash tests/e2e/run.sh

step "Release: the workflow (actionlint, shellcheck, secrets), release scripts, icons"
node --test --test-reporter=spec tests/packaging/*.test.mjs

step "Packages: .deb and .rpm built, linted, installed with apt, the installed app's smoke test"
bash tests/packaging/linux.sh
