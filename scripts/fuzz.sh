#!/usr/bin/env bash
# Coverage-guided fuzzing of the code that reads what the network, devices and
# Microsoft send (README, "Fuzzing"): libFuzzer (the libfuzzer-sys crate) on the
# stable toolchain, the code instrumented by rustc's own SanitizerCoverage pass; no
# nightly, no LLVM plugin, nothing installed but crates.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Runs each target (all by default) for SECONDS (default 600), one after the other,
# seeded from the emulated world's own output (crates/fuzz-seeds), and prints per
# target: executions, executions per second, crashes and hangs. Exits non-zero when
# any target crashed or hung; the input that did it is kept under
# $FUZZ_WORK/artifacts/TARGET/ (replay: the target's binary with that file).
# Corpora grow between runs in $FUZZ_WORK/corpus/TARGET/.
set -euo pipefail
export PATH="$PATH:${CARGO_HOME:-${HOME:-/root}/.cargo}/bin"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

ALL_TARGETS=(txt_records web_page sign_in_sentence job_history oauth_error smtp_reply)
secs="${1:-600}"
shift || true
targets=("$@")
((${#targets[@]})) || targets=("${ALL_TARGETS[@]}")
[[ "$secs" =~ ^[0-9]+$ ]] || { echo "fuzz: SECONDS must be a number" >&2; exit 2; }

base="${CARGO_TARGET_DIR:-${HOME:-/root}/.cache/printoauth-target}"
work="${FUZZ_WORK:-$base/fuzz-work}"
triple="$(rustc -vV | sed -n 's/^host: //p')"
export CARGO_TERM_COLOR=never

t0=$(date +%s)
echo "fuzz: seeds from the emulated world"
rm -rf "$work/seeds"
CARGO_TARGET_DIR="$base" cargo run --locked -q -p printoauth-fuzz-seeds -- "$work/seeds"

echo "fuzz: building the targets (instrumented)"
# --target keeps the instrumentation off build scripts and proc macros.
CARGO_TARGET_DIR="$base/fuzz" \
RUSTFLAGS="-Cpasses=sancov-module \
 -Cllvm-args=-sanitizer-coverage-level=4 \
 -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
 -Cllvm-args=-sanitizer-coverage-pc-table \
 -Cllvm-args=-sanitizer-coverage-trace-compares" \
  cargo build --locked --release -q --manifest-path fuzz/Cargo.toml --target "$triple" --bins
bin="$base/fuzz/$triple/release"
t1=$(date +%s)
echo "fuzz: seeds and build took $((t1 - t0)) s"

failed=0
results=()
for t in "${targets[@]}"; do
  [ -x "$bin/$t" ] || { echo "fuzz: no target $t" >&2; exit 2; }
  mkdir -p "$work/corpus/$t" "$work/artifacts/$t"
  log="$work/$t.log"
  stamp="$work/artifacts/.start-$t"
  touch "$stamp"
  echo "fuzz: $t for ${secs} s"
  set +e
  "$bin/$t" "$work/corpus/$t" "$work/seeds/$t" \
    -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/$t/" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  crashes=$(find "$work/artifacts/$t" -type f -newer "$stamp" -name 'crash-*' 2>/dev/null | wc -l)
  hangs=$(find "$work/artifacts/$t" -type f -newer "$stamp" \( -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' \) 2>/dev/null | wc -l)
  # An exit other than 0 with no input kept is still a failure (counted as a crash).
  if [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ] && [ "$hangs" -eq 0 ]; then
    crashes=1
  fi
  corpus=$(find "$work/corpus/$t" -type f | wc -l)
  results+=("$(printf '%-18s %12s %10s %8s %6s %8s' "$t" "${execs:-?}" "${rate:-?}" "$crashes" "$hangs" "$corpus")")
  if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ] || [ "$hangs" -ne 0 ]; then
    failed=1
    echo "fuzz: $t FAILED (exit $rc); its log: $log"
    grep -E 'panicked at|ERROR: libFuzzer|SUMMARY|Test unit written' "$log" | head -20 || true
  fi
done

echo
printf '%-18s %12s %10s %8s %6s %8s\n' target executions execs/s crashes hangs corpus
printf '%s\n' "${results[@]}"
echo "fuzz: ${secs} s per target; total $(($(date +%s) - t0)) s"
exit "$failed"
