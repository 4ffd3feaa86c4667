#!/bin/sh
# Runs Debian's avahi-daemon as a browser (publishing nothing) with a private D-Bus,
# inside the current network namespace and a private mount namespace. Only ever run
# it inside a test network namespace, as:
#
#   ip netns exec NS unshare -m --propagation private sh avahi_ns.sh DIR IFACE
#
# DIR: an empty work directory (config, logs, D-Bus socket DIR/dbus.sock).
# IFACE: the namespace's veth end (the only interface avahi may use).
# Writes DIR/ready once avahi-daemon has started up; then waits. TERM stops both
# daemons. The caller uses DBUS_SYSTEM_BUS_ADDRESS=unix:path=DIR/dbus.sock for
# avahi-browse.
set -eu
DIR=$1
IFACE=$2

# Refuse to run outside a namespace made with `ip netns add`: in the host's network
# namespace avahi would multicast out of the machine.
if [ -z "$(ip netns identify $$ 2>/dev/null)" ]; then
  echo "avahi_ns.sh: refusing to run outside a named network namespace (ip netns exec NS ...)" >&2
  exit 2
fi

mkdir -p "$DIR/services" "$DIR/run"
: >"$DIR/hosts"
# Private views of what avahi reads and writes (pid file path is built in: /run).
mount --make-rprivate /
mount --bind "$DIR/services" /etc/avahi/services
mount --bind "$DIR/hosts" /etc/avahi/hosts
mount --bind "$DIR/run" /run

cat >"$DIR/avahi-daemon.conf" <<EOF
[server]
host-name=poatest-browser-$$
domain-name=local
use-ipv4=yes
use-ipv6=no
allow-interfaces=$IFACE
enable-dbus=yes
ratelimit-interval-usec=1000000
ratelimit-burst=1000

[wide-area]
enable-wide-area=no

[publish]
disable-publishing=yes
publish-addresses=no
publish-hinfo=no
publish-workstation=no
publish-domain=no

[reflector]
enable-reflector=no
EOF

cat >"$DIR/dbus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=$DIR/dbus.sock</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_destination="*" eavesdrop="true"/>
    <allow receive_sender="*"/>
    <allow eavesdrop="true"/>
  </policy>
</busconfig>
EOF

pids=""
cleanup() {
  for p in $pids; do kill -TERM "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap 'cleanup; exit 0' TERM INT HUP
trap cleanup EXIT

dbus-daemon --nofork --nopidfile --config-file="$DIR/dbus.conf" >"$DIR/dbus.log" 2>&1 &
pids="$!"
i=0
while [ ! -S "$DIR/dbus.sock" ]; do
  i=$((i + 1))
  [ $i -le 250 ] || { echo "avahi_ns.sh: dbus-daemon did not start" >&2; exit 1; }
  sleep 0.02
done
export DBUS_SYSTEM_BUS_ADDRESS="unix:path=$DIR/dbus.sock"

avahi-daemon -f "$DIR/avahi-daemon.conf" --no-chroot --no-drop-root --no-rlimits ${POATEST_AVAHI_DEBUG:+--debug} >"$DIR/avahi.log" 2>&1 &
pids="$pids $!"
i=0
while ! grep -q "Server startup complete" "$DIR/avahi.log" 2>/dev/null; do
  i=$((i + 1))
  [ $i -le 500 ] || { echo "avahi_ns.sh: avahi-daemon did not start" >&2; cat "$DIR/avahi.log" >&2; exit 1; }
  sleep 0.02
done
: >"$DIR/ready"
echo "avahi_ns.sh: ready"
wait
