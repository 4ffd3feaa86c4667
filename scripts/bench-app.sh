#!/usr/bin/env bash
# Prints the desktop app's figures (as root; everything runs in a network namespace
# this script creates, under Xvfb):
#   - start to interactive: from starting the process to the UI reporting it is ready
#     (the app logs "interactive after N ms" when the first screen has rendered),
#     release build, median of 5 launches;
#   - idle memory: the app and its WebKit processes (web, network) 10 s after start,
#     summed as USS (pages only they hold: what system monitors show, what quitting
#     frees; the target's measure), PSS (shared library pages divided among their users)
#     and RSS;
#   - human actions in a batch: the end-to-end practice run (tests/e2e/practice-batch)
#     with N devices counts every click and typed field it does in the app and in the
#     sign-in window, on the emulator's copy of Microsoft's pages (code, account or
#     picker, password, "Stay signed in?", "Are you trying to sign in to …?",
#     permissions); printed per device, with the pages each device went through.
#
#   scripts/bench-app.sh [N devices for the action count, default 4] [--actions-only]
#
# --actions-only: only the human actions (debug build, no launches to time).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
export PATH="$PATH:${CARGO_HOME:-${HOME:-/root}/.cargo}/bin"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${HOME:-/root}/.cache/printoauth-target}"
N="${1:-4}"
only_actions=0
[ "${2:-}" = "--actions-only" ] && only_actions=1

(cd ui && npm run build --silent)
[ "$only_actions" = 1 ] || cargo build --release -q -p printoauth-app
cargo build -q -p printoauth-app
app="$CARGO_TARGET_DIR/release/printoauth-app"

ns="poabench-app-$$"
tmp="$(mktemp -d)"
cleanup() { ip netns del "$ns" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
ip netns add "$ns"
ip -n "$ns" link set lo up

# Sums the memory of a process and all its descendants (kB): USS (the pages only these
# processes hold: Private_Clean + Private_Dirty, what system monitors show as a process's
# memory and what quitting frees), PSS (USS plus each shared page divided among the
# processes that map it, shared libraries included) and RSS; then USS/PSS per process.
tree_mem() {
  local pids=("$1") all=() p
  while ((${#pids[@]})); do
    p="${pids[0]}"; pids=("${pids[@]:1}"); all+=("$p")
    for c in $(cat /proc/"$p"/task/*/children 2>/dev/null); do pids+=("$c"); done
  done
  local pss=0 rss=0 uss=0 names="" one u
  for p in "${all[@]}"; do
    [ -r /proc/"$p"/smaps_rollup ] || continue
    one=$(awk '/^Pss:/{print $2}' /proc/"$p"/smaps_rollup)
    u=$(awk '/^Private_(Clean|Dirty):/{s += $2} END{print s}' /proc/"$p"/smaps_rollup)
    pss=$((pss + one))
    uss=$((uss + u))
    rss=$((rss + $(awk '/^Rss:/{print $2}' /proc/"$p"/smaps_rollup)))
    names="$names $(cat /proc/"$p"/comm | cut -c1-13)=$((u / 1024))/$((one / 1024))MiB"
  done
  echo "$pss $rss $uss$names"
}

if [ "$only_actions" = 0 ]; then
echo "== start to interactive (release build, 5 launches)"
cat > "$tmp/launch.sh" <<'INNER'
#!/usr/bin/env bash
# Runs the app once; prints "<ms to interactive> <pss kB> <rss kB> <processes>".
app="$1"; memfn="$2"; source "$memfn"
"$app" 2> "$TMPDIR_BENCH/app.err" &
pid=$!
for _ in $(seq 1 600); do
  grep -q "interactive after" "$TMPDIR_BENCH/app.err" 2>/dev/null && break
  sleep 0.05
done
ms=$(sed -n 's/.*interactive after \([0-9]*\) ms.*/\1/p' "$TMPDIR_BENCH/app.err" | head -1)
sleep 10
mem=$(tree_mem "$pid")
kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
echo "${ms:-none} $mem"
INNER
declare -f tree_mem > "$tmp/mem.sh"
results=()
for i in 1 2 3 4 5; do
  line=$(ip netns exec "$ns" env TMPDIR_BENCH="$tmp" xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
    dbus-run-session -- env NO_AT_BRIDGE=1 GDK_BACKEND=x11 bash "$tmp/launch.sh" "$app" "$tmp/mem.sh" 2>/dev/null | tail -1)
  echo "launch $i: interactive after ${line%% *} ms; idle after 10 s: USS $(echo "$line" | awk '{printf "%.1f", $4/1024}') MiB, PSS $(echo "$line" | awk '{printf "%.1f", $2/1024}') MiB, RSS $(echo "$line" | awk '{printf "%.1f", $3/1024}') MiB (USS/PSS by process:$(echo "$line" | cut -d' ' -f5- | sed 's/^/ /'))"
  results+=("$line")
done
printf '%s\n' "${results[@]}" | awk '$1 ~ /^[0-9]+$/ {print $1}' | sort -n |
  awk -v n="${#results[@]}" '{a[NR]=$1} END{printf "median start to interactive: %s ms over %d of %d launches that reported (target < 1000 ms)\n", a[int((NR+1)/2)], NR, n}'
printf '%s\n' "${results[@]}" | awk '{print $4}' | sort -n | awk '{a[NR]=$1} END{m=a[int((NR+1)/2)]; printf "median idle memory, app + WebKit web and network processes: %.1f MiB = %.1f MB private (USS) (target < 150 MB)\n", m/1024, m*1024/1e6}'
printf '%s\n' "${results[@]}" | awk '{print $2}' | sort -n | awk '{a[NR]=$1} END{m=a[int((NR+1)/2)]; printf "  with shared libraries (WebKitGTK, JavaScriptCore, Mesa) divided among their users: %.1f MiB = %.1f MB PSS\n", m/1024, m*1024/1e6}'

fi

echo "== human actions per device ($N emulated devices, end-to-end practice run)"
PRINTOAUTH_E2E_DEVICES="$N" bash tests/e2e/run.sh "$root/tests/e2e/practice-batch.test.mjs" > "$tmp/e2e.log" 2>&1 || { tail -40 "$tmp/e2e.log"; exit 1; }
line=$(grep -o 'PRINTOAUTH_ACTIONS.*' "$tmp/e2e.log" | head -1)
echo "$line"
grep -o 'PRINTOAUTH_PAGES.*' "$tmp/e2e.log" | head -1
echo "$line" | awk '{
  split($2, s, "="); split($3, p, "="); n = split(p[2], d, ",");
  extra = 0; for (i = 2; i <= n; i++) extra += d[i];
  printf "batch set-up: %d actions (select all, open the wizard, one password, start)\n", s[2];
  printf "first device: %d actions (code already typed: Next; account, Next; password, Sign in; Stay signed in? Yes; Continue; tick consent, Accept)\n", d[1];
  if (n > 1) printf "each additional device: %.1f actions (Next with the code typed, the account in the picker, Continue; target <= 3; about 17 by hand)\n", extra / (n - 1);
}'
