#!/usr/bin/env bash
# Kernel matrix: the project's test binaries, built here, run inside a VM booted with Debian's
# Linux 6.1 cloud kernel (virtme-ng over a read-only view of this machine's filesystem, qemu TCG
# unless KVM is shown to work), plus the kind tests that need drivers this host lacks
# (tests/vm/main.rs: dummy, vlan, bond, macvlan, ipvlan, vrf; run there with --ignored).
#
#   bash tests/vm/matrix.sh              # as root; every test binary of the workspace
#   bash tests/vm/matrix.sh cli vm       # only the binaries named (kernel_link, cli, vm, ...)
#
# Installs what it needs when missing (tests/vm/lib.sh, vm_install_matrix): qemu and the kernel
# package (apt-get), virtme-ng (pip, in a venv under /opt), and the Rust virtiofsd (cargo install).
# Environment: RTNL_VM_TIMEOUT (seconds for the VM, default 2400), RTNL_VM_ACCEL (tcg|kvm|auto).
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=tests/vm/lib.sh
. tests/vm/lib.sh
vm_begin vm_install_matrix

out=$work/matrix
mkdir -p "$out"

# The test binaries, built on the host (the guest has no network and a read-only filesystem).
cargo test --workspace --no-run --message-format=json-render-diagnostics >"$out/build.json"
python3 - "$out/build.json" "$out/list" "$@" <<'PY'
import json, sys
src, dst, wanted = sys.argv[1], sys.argv[2], set(sys.argv[3:])
rows = []
for line in open(src):
    m = json.loads(line)
    if m.get("reason") != "compiler-artifact" or not m.get("executable"):
        continue
    if not m["profile"]["test"]:
        continue
    t = m["target"]
    name = t["name"] if "test" in t["kind"] else "unit-" + t["name"]
    if wanted and name not in wanted:
        continue
    rows.append(f"{name} {m['executable']}")
if wanted and len(rows) != len(wanted):
    sys.exit(f"not all of {sorted(wanted)} are test binaries: {rows}")
open(dst, "w").write("\n".join(rows) + "\n")
PY
echo "test binaries: $(cut -d' ' -f1 "$out/list" | tr '\n' ' ')"

if [ "${RTNL_VM_ACCEL:-auto}" = kvm ]; then kvm=(); else kvm=(--disable-kvm); fi
if [ "${RTNL_VM_ACCEL:-auto}" = auto ]; then
    # The probe boot of boot.sh needs its initramfs; without one, TCG.
    if [ -r "$work/initramfs.cpio.gz" ] && [ "$(vm_accel "$work/initramfs.cpio.gz")" = kvm ]; then
        kvm=()
    fi
fi

rm -f "$out/status"
t0=$EPOCHREALTIME
rc=0
timeout "${RTNL_VM_TIMEOUT:-2400}" vng --run "$VM_KERNEL" "${kvm[@]}" --cpus 2 --memory 2G \
    --rwdir "$out" --cwd "$root" \
    --exec "bash $root/tests/vm/matrix-guest.sh $out/list $out/status" \
    </dev/null 2>&1 | tee "$out/console.log" || rc=$?
elapsed=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }')

[ -s "$out/status" ] || {
    echo "RTNL-VM-FAIL: the 6.1 VM gave no results (vng exit $rc after ${elapsed}s)" >&2
    exit 1
}
failed=$(awk '$2 != 0 { print $1 }' "$out/status")
expected=$(wc -l <"$out/list")
ran=$(grep -vc '^modprobe-' "$out/status" || true)
if [ "$ran" != "$expected" ]; then
    echo "RTNL-VM-FAIL: $ran of $expected test binaries finished in the VM (${elapsed}s)" >&2
    exit 1
fi
if [ -n "$failed" ]; then
    echo "RTNL-VM-FAIL: on $VM_KVER: $(echo "$failed" | tr '\n' ' ')(${elapsed}s)" >&2
    exit 1
fi
echo "kernel matrix: $expected test binaries pass on $VM_KVER in ${elapsed}s"
