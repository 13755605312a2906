#!/usr/bin/env bash
# Runs inside the VM that tests/vm/matrix.sh boots (virtme-ng, Debian's 6.1 kernel, the host's
# filesystem read-only). Each line of $1 is "name path" of a pre-built test binary; one "name
# exit-code" line per binary goes to $2.
#
# The host suite runs with the link drivers the development host has (veth, bridge, vxlan,
# macvlan, macvtap, tun; see KERNEL-FACTS) and
# module autoloading off: some of its tests check how a missing driver is reported (dummy and
# vlan give "Unknown device type"), which on this kernel, whose package has them all as modules,
# only holds while they are not loaded. Then the drivers the host lacks are loaded and the kind
# tests (tests/vm/main.rs, the binary named "vm") run with --ignored and RTNL_VM_KINDS=1.
set -uo pipefail
list=$1
status=$2
: >"$status"
echo "guest kernel: $(uname -r)"

load() {
    local m
    for m in "$@"; do
        modprobe "$m" || { echo "RTNL-VM-FAIL: modprobe $m"; echo "modprobe-$m 1" >>"$status"; }
    done
}

# Host-suite tests that expect what only later kernels do, skipped here by exact name; what 6.1
# does instead is checked by tests/vm/main.rs (linux_6_1_differences_are_the_kernels_errors).
known_6_1=(
    # Renaming a link that is up: EBUSY before Linux 6.2.
    cli link_set_changes_what_ip_sees
    kernel_batch interleaved_links_and_addresses_and_indexes
    # A duplicate address: 6.1 sends a bare EEXIST, no "ipv4: Address already assigned" ext-ack.
    kernel_address errors_read_like_ip
    # Not the kernel: compares `addr show` text with a counting-down valid_lft, read by rtnl and
    # then by ip; under TCG a second often passes between the two reads.
    cli addresses_made_by_rtnl_are_what_ip_sees
)

run() {
    local name=$1 path=$2 start rc i skip=()
    shift 2
    for ((i = 0; i < ${#known_6_1[@]}; i += 2)); do
        if [ "${known_6_1[i]}" = "$name" ]; then
            skip+=(--skip "${known_6_1[i + 1]}")
            echo "skipped on $(uname -r): $name ${known_6_1[i + 1]}"
        fi
    done
    [ ${#skip[@]} -eq 0 ] || skip+=(--exact)
    echo "== $name $*"
    start=$(date +%s)
    "$path" --test-threads=2 "${skip[@]}" "$@"
    rc=$?
    echo "== $name: exit $rc in $(($(date +%s) - start))s"
    echo "$name $rc" >>"$status"
}

load veth bridge vxlan macvlan macvtap tun
modprobe_path=$(cat /proc/sys/kernel/modprobe)
echo >/proc/sys/kernel/modprobe # autoloading off
while read -r name path; do
    [ "$name" = vm ] || run "$name" "$path"
done <"$list"

echo "$modprobe_path" >/proc/sys/kernel/modprobe
load dummy 8021q bonding macvlan ipvlan vrf
export RTNL_VM_KINDS=1
while read -r name path; do
    [ "$name" != vm ] || run "$name" "$path" --ignored
done <"$list"
