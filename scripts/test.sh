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
