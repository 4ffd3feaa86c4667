#!/usr/bin/env bash
# Prints printoauth's scale figures (as root: discovery runs between two network
# namespaces this script creates and removes):
#   - configuring 10, 25 and 50 emulated Epson devices with consent auto-approved;
#   - discovering 50 devices over mDNS after they have announced, from another host.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${HOME:-/root}/.cache/printoauth-target}"
N="${1:-50}"

cargo build --release -q -p printoauth-sim --bin printoauth-sim
cargo build --release -q -p printoauth-core --example bench
bin="$CARGO_TARGET_DIR/release"

echo "== configure"
"$bin/examples/bench" configure 10 25 "$N"

echo "== discover ($N devices, two network namespaces joined by a veth pair)"
a="poabench-$$-a"; b="poabench-$$-b"; tmp="$(mktemp -d)"
cleanup() {
  [ -n "${sim:-}" ] && kill -INT "$sim" 2>/dev/null && wait "$sim" 2>/dev/null || true
  ip netns del "$a" 2>/dev/null || true
  ip netns del "$b" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
ip netns add "$a"; ip netns add "$b"
for ns in "$a" "$b"; do ip -n "$ns" link set lo up; done
ip link add poab-a netns "$a" type veth peer name poab-b netns "$b"
ip -n "$a" addr add 10.231.0.1/16 dev poab-a; ip -n "$b" addr add 10.231.0.2/16 dev poab-b
for ns in "$a" "$b"; do
  ip -n "$ns" link set "poab-${ns##*-}" up multicast on
  ip -n "$ns" route add 224.0.0.0/4 dev "poab-${ns##*-}"
done
models=("WF-C5890 Series" "ET-4850 Series" "AM-C4000 Series" "L6270 Series" "WF-M5899 Series")
{
  echo 'bind = "10.231.0.1"'
  for i in $(seq 1 "$N"); do
    ip="10.231.1.$i"
    ip -n "$a" addr add "$ip/32" dev poab-a
    printf '\n[[devices]]\nmodel = "%s"\nip = "%s"\n' "${models[$((i % 5))]}" "$ip"
  done
} > "$tmp/world.toml"
t0=$(date +%s.%N)
ip netns exec "$a" "$bin/printoauth-sim" run --mdns --config "$tmp/world.toml" --summary "$tmp/summary.json" > "$tmp/sim.log" 2>&1 &
sim=$!
for _ in $(seq 1 200); do [ -f "$tmp/summary.json" ] && break; sleep 0.1; done
[ -f "$tmp/summary.json" ] || { cat "$tmp/sim.log"; exit 1; }
echo "world up (servers + announcer started) in $(awk -v a="$(date +%s.%N)" -v b="$t0" "BEGIN{printf \"%.2f\", a-b}") s; waiting 5 s for announcements to settle"
sleep 5
ip netns exec "$b" "$bin/examples/bench" discover "$N"
