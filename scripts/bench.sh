#!/usr/bin/env bash
# Prints printoauth's scale figures (as root: discovery runs between two network
# namespaces this script creates and removes):
#   bash scripts/bench.sh [N]             configuring 10, 25 and N emulated Epson devices
#                                         with consent auto-approved; discovering N devices
#                                         over mDNS after they have announced, from another
#                                         host, by printoauth and by avahi-browse (if
#                                         installed: scripts/setup.sh) on the same world
#   bash scripts/bench.sh discover [N]    only the discovery part
#   bash scripts/bench.sh chaos [N...] [--seed S]
#                                         N devices of every family and layout configured
#                                         at once while faults are injected at random (seed
#                                         7 by default); exits non-zero on any unexpected
#                                         outcome
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${HOME:-/root}/.cache/printoauth-target}"
mode=all
case "${1:-}" in
  discover) mode=discover; shift ;;
  chaos) mode=chaos; shift ;;
esac
N="${1:-50}"

cargo build --release -q -p printoauth-sim --bin printoauth-sim
cargo build --release -q -p printoauth-core --example bench
bin="$CARGO_TARGET_DIR/release"

if [ "$mode" = chaos ]; then
  # One process per size: each prints its own peak memory.
  seed=7; sizes=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --seed) seed="$2"; shift 2 ;;
      *) sizes+=("$1"); shift ;;
    esac
  done
  [ ${#sizes[@]} -gt 0 ] || sizes=(50 250)
  status=0
  for n in "${sizes[@]}"; do
    echo "== chaos ($n devices, seed $seed)"
    "$bin/examples/bench" chaos "$n" --seed "$seed" || status=1
  done
  exit $status
fi

if [ "$mode" = all ]; then
  echo "== configure"
  "$bin/examples/bench" configure 10 25 "$N"
fi

echo "== discover ($N devices, two network namespaces joined by a veth pair)"
a="poabench-$$-a"; b="poabench-$$-b"; tmp="$(mktemp -d)"
cleanup() {
  [ -n "${avahi:-}" ] && kill -TERM "$avahi" 2>/dev/null && wait "$avahi" 2>/dev/null || true
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

# avahi-browse on the same world, after printoauth's browse has ended: a fresh
# avahi-daemon (browsing only, nothing in its cache) in B, as the mDNS tests run it.
if command -v avahi-daemon >/dev/null && command -v avahi-browse >/dev/null; then
  sleep 2
  mkdir -p "$tmp/avahi"
  ip netns exec "$b" unshare -m --propagation private sh crates/testkit/src/avahi_ns.sh \
    "$tmp/avahi" poab-b > "$tmp/avahi_ns.log" 2>&1 &
  avahi=$!
  for _ in $(seq 1 100); do [ -f "$tmp/avahi/ready" ] && break; sleep 0.1; done
  [ -f "$tmp/avahi/ready" ] || { cat "$tmp/avahi_ns.log"; exit 1; }
  DBUS_SYSTEM_BUS_ADDRESS="unix:path=$tmp/avahi/dbus.sock" \
    ip netns exec "$b" "$bin/examples/bench" avahi "$N" || echo "(avahi-browse did not list every device in time)"
else
  echo "avahi-browse: not installed (scripts/setup.sh installs it); no comparison"
fi
