#!/usr/bin/env bash
# PID 1 boot test: the static rtnl as an init system runs it. Builds the static rtnl
# (tests/vm/build-small.sh static: musl, static-pie), packs
# an initramfs with it, busybox-static, tests/vm/init.sh as /init and the veth module of Debian's
# cloud kernel (Linux 6.1), boots that kernel under qemu (TCG unless KVM is shown to work) and
# reads the verdict /init prints on the serial console. /init sets up the network with rtnl only:
# lo up, two named namespaces, a veth pair, addresses, a route, one ping across, `rtnl -j`
# output checked, everything deleted again.
#
#   bash tests/vm/boot.sh      # as root; exits 0 on RTNL-VM-PASS, non-zero with the reason else
#
# Environment: RTNL_VM_TIMEOUT (seconds for the boot, default 180), RTNL_VM_ACCEL (tcg|kvm|auto),
# RTNL_VM_KVER (a kernel version under /boot other than the newest cloud one).
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=tests/vm/lib.sh
. tests/vm/lib.sh
vm_begin vm_install_boot

# The static build an init system ships (musl, std built for size), in its own target dir.
bin=$(bash tests/vm/build-small.sh static)
# A static executable has no program interpreter (PT_INTERP).
if readelf -lW "$bin" | grep -q INTERP; then
    echo "RTNL-VM-FAIL: $bin is not statically linked" >&2
    exit 1
fi

# The initramfs.
tree=$work/initramfs
rm -rf "$tree"
mkdir -p "$tree"/{bin,proc,sys,dev,run,lib/modules}
cp /bin/busybox "$tree/bin/busybox"
if readelf -lW "$tree/bin/busybox" | grep -q INTERP; then
    echo "RTNL-VM-FAIL: /bin/busybox is not busybox-static" >&2
    exit 1
fi
strip -o "$tree/bin/rtnl" "$bin"
cp tests/vm/init.sh "$tree/init"
chmod 755 "$tree/init"
: >"$tree/lib/modules/load-order"
for ko in $(vm_module_order veth); do
    mkdir -p "$tree/lib/modules/$(dirname "$ko")"
    cp "/lib/modules/$VM_KVER/$ko" "$tree/lib/modules/$ko"
    echo "$ko" >>"$tree/lib/modules/load-order"
done
initrd=$work/initramfs.cpio.gz
(cd "$tree" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -1) >"$initrd"

t_probe=$EPOCHREALTIME
accel=$(vm_accel "$initrd")
echo "accelerator: $accel (chosen in $(awk -v a="$t_probe" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')s)"
log=$work/boot-serial.log
echo "booting $VM_KERNEL ($accel), static rtnl $(stat -c %s "$tree/bin/rtnl") bytes stripped, serial log $log"
t0=$EPOCHREALTIME
rc=0
timeout "${RTNL_VM_TIMEOUT:-180}" qemu-system-x86_64 -accel "$accel" -m 256 -smp 1 \
    -nographic -no-reboot -serial "file:$log" -monitor none -display none \
    -kernel "$VM_KERNEL" -initrd "$initrd" -append "console=ttyS0 panic=-1 loglevel=4" \
    </dev/null >/dev/null 2>"$work/boot-qemu.err" || rc=$?
elapsed=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')

if grep -a '^+ rtnl\|^RTNL-VM' "$log" >/dev/null 2>&1; then
    grep -a '^+ rtnl\|^RTNL-VM\|^\[{' "$log" | tr -d '\r'
fi
verdict=$(grep -a '^RTNL-VM-' "$log" | tr -d '\r' | tail -n 1 || true)
case "$verdict" in
    RTNL-VM-PASS*)
        echo "PID 1 boot: $verdict; boot to verdict and power-off ${elapsed}s on the host (qemu $accel)"
        ;;
    RTNL-VM-FAIL*)
        echo "PID 1 boot failed: $verdict" >&2
        exit 1
        ;;
    *)
        if [ "$rc" = 124 ]; then
            echo "RTNL-VM-FAIL: no verdict within ${RTNL_VM_TIMEOUT:-180}s (qemu $accel); last console lines:" >&2
        else
            echo "RTNL-VM-FAIL: qemu exited $rc without a verdict; last console lines:" >&2
        fi
        tail -n 30 "$log" >&2 || true
        cat "$work/boot-qemu.err" >&2 || true
        exit 1
        ;;
esac
