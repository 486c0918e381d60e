#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# probe-netns.sh TEST-PROBE: runs the probe's tests in a network namespace
# of their own, loopback up, /etc/resolv.conf naming 127.0.0.1, so that
# dnsmasq on port 53 is the system's resolver and nftables may drop a
# port; nothing outside the namespace is reached.  The TAP of TEST-PROBE is
# passed on; without namespaces or the tools, the whole is skipped.
set -eu
test_probe=$1

for tool in dnsmasq ip nft unshare mount; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $tool is not installed"
    exit 0
  fi
done
if ! unshare -n -m true 2>/dev/null; then
  echo "1..0 # SKIP network and mount namespaces are not allowed here"
  exit 0
fi

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf 'nameserver 127.0.0.1\noptions timeout:2 attempts:1\n' >"$dir/resolv.conf"
KD_PROBE_NETNS=1 unshare -n -m -- sh -c '
  ip link set lo up
  mount --bind "$1" /etc/resolv.conf
  exec "$2" --tap -p /probe/system-resolver
' sh "$dir/resolv.conf" "$test_probe"
