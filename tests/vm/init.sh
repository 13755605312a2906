#!/bin/busybox sh
# /init of the PID 1 boot test (tests/vm/boot.sh packs it with the static rtnl, busybox-static and
# the kernel modules). All network setup is done by rtnl; busybox only mounts, loads modules,
# pings and greps. The last line on the serial console is the verdict the host reads:
# RTNL-VM-PASS or RTNL-VM-FAIL: <why>. Then the machine powers off.
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null

fail() {
    echo "RTNL-VM-FAIL: $*"
    poweroff -f
    exit 1
}

# A KVM probe boot (boot.sh checks whether KVM works before relying on it) stops here.
if grep -q rtnl_probe /proc/cmdline; then
    echo RTNL-VM-PROBE-OK
    poweroff -f
fi

# No /etc and no /run on a bare initramfs: named namespaces need /run, as for `ip netns`.
mount -t tmpfs run /run || fail "mount /run"

# Modules in dependency order, as boot.sh resolved them from the package's modules.dep.
while read -r ko; do
    [ -n "$ko" ] || continue
    insmod "/lib/modules/$ko" || fail "insmod $ko"
done < /lib/modules/load-order

r() {
    echo "+ rtnl $*"
    /bin/rtnl "$@" || fail "rtnl $* (exit $?)"
}

r link set lo up
r netns add rtnl-a
r netns add rtnl-b
r -n rtnl-a link add va type veth peer name vb netns rtnl-b
r -n rtnl-a addr add 192.0.2.1/24 dev va
r -n rtnl-b addr add 192.0.2.2/24 dev vb
r -n rtnl-b addr add 198.51.100.1/32 dev lo
r -n rtnl-a link set lo up
r -n rtnl-b link set lo up
r -n rtnl-a link set va up
r -n rtnl-b link set vb up
r -n rtnl-a route add 198.51.100.0/24 via 192.0.2.2

# Output checks: rtnl's JSON shows what was configured.
out=$(/bin/rtnl -j link show dev lo) || fail "rtnl -j link show dev lo"
echo "$out"
echo "$out" | grep -q '"ifname":"lo","flags":\["LOOPBACK","UP","LOWER_UP"\]' || fail "lo is not up in rtnl -j link show"
out=$(/bin/rtnl -n rtnl-a -j addr show dev va) || fail "rtnl -j addr show"
echo "$out"
echo "$out" | grep -q '"local":"192.0.2.1","prefixlen":24' || fail "192.0.2.1/24 missing from rtnl -j addr show"
out=$(/bin/rtnl -n rtnl-b -j link show dev vb) || fail "rtnl -j link show"
echo "$out"
echo "$out" | grep -q '"ifname":"vb"' || fail "vb missing from rtnl -j link show"
out=$(/bin/rtnl -n rtnl-a -j route show) || fail "rtnl -j route show"
echo "$out"
echo "$out" | grep -q '"dst":"198.51.100.0/24","gateway":"192.0.2.2","dev":"va"' || fail "route missing from rtnl -j route show"
out=$(/bin/rtnl netns list) || fail "rtnl netns list"
echo "$out"
echo "$out" | grep -q '^rtnl-b' || fail "rtnl-b missing from rtnl netns list"

# A packet across: from rtnl-a over the route and the veth pair to rtnl-b's 198.51.100.1.
ok=
for _ in 1 2 3 4 5; do
    if nsenter --net=/run/netns/rtnl-a ping -c 1 -W 3 198.51.100.1; then ok=1; break; fi
done
[ -n "$ok" ] || fail "no ping reply from 198.51.100.1 across the veth pair"

# And tear it down again with rtnl.
r -n rtnl-a link del va
r netns del rtnl-a
r netns del rtnl-b
out=$(/bin/rtnl netns list) || fail "rtnl netns list after delete"
[ -z "$out" ] || fail "namespaces left after rtnl netns del: $out"

read -r up _ < /proc/uptime
echo "RTNL-VM-PASS uptime=${up}s"
poweroff -f
