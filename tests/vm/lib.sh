# Shared by tests/vm/boot.sh and tests/vm/matrix.sh (sourced, not run): the Debian kernel
# package's paths and the module list resolver.

# Installs the Debian packages named, only those missing; one apt-get update at most per run.
vm_apt_install() {
    local missing=()
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "installing: ${missing[*]}" >&2
    if [ -z "${RTNL_VM_APT_UPDATED:-}" ]; then
        apt-get update -qq
        export RTNL_VM_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# What boot.sh and matrix.sh do first, run from the checkout's root: install what the script
# needs (its vm_install_* function, named), find the kernel (vm_kernel), and set root (the
# checkout) and work (target/vm, made).
vm_begin() {
    "$1"
    vm_kernel
    root=$PWD
    work=$root/target/vm
    mkdir -p "$work"
}

# The newest installed Debian cloud kernel: sets VM_KVER and VM_KERNEL.
vm_kernel() {
    VM_KVER=${RTNL_VM_KVER:-$(find /boot -maxdepth 1 -name 'vmlinuz-*-cloud-amd64' -printf '%f\n' |
        sed 's/^vmlinuz-//' | sort -V | tail -n 1)}
    VM_KERNEL=/boot/vmlinuz-$VM_KVER
    [ -n "$VM_KVER" ] && [ -r "$VM_KERNEL" ] && [ -r "/lib/modules/$VM_KVER/modules.dep" ] || {
        echo "no Debian cloud kernel with modules under /boot and /lib/modules" >&2
        return 1
    }
}

# Prints the .ko paths (relative to /lib/modules/$VM_KVER) that loading the named modules takes,
# dependencies first, each once, from the package's modules.dep (which lists a module's
# dependencies transitively, the last to be loaded first).
vm_module_order() {
    local dep=/lib/modules/$VM_KVER/modules.dep
    local m line path deps d seen=" "
    for m in "$@"; do
        line=$(grep -E "/${m}\.ko(\.[a-z]+)?:" "$dep") || { echo "module $m not in $dep" >&2; return 1; }
        path=${line%%:*}
        deps=${line#*:}
        # shellcheck disable=SC2086
        for d in $(printf '%s\n' $deps | tac) "$path"; do
            case "$seen" in *" $d "*) continue ;; esac
            seen="$seen$d "
            printf '%s\n' "$d"
        done
    done
}

# 'kvm' where a probe boot under KVM reaches /init and powers off in time, else 'tcg'. The probe
# costs a few seconds; RTNL_VM_ACCEL=tcg|kvm skips it. (On the nested guest this project's CI
# runs on, KVM hangs after "Booting from ROM": the probe times out and TCG is used.)
vm_accel() {
    local initrd=$1
    case "${RTNL_VM_ACCEL:-auto}" in
        tcg | kvm) echo "$RTNL_VM_ACCEL"; return ;;
    esac
    if [ -w /dev/kvm ] && timeout 10 qemu-system-x86_64 -accel kvm -m 256 -nographic -no-reboot \
        -kernel "$VM_KERNEL" -initrd "$initrd" -append "console=ttyS0 panic=-1 quiet rtnl_probe" \
        </dev/null 2>/dev/null | grep -q RTNL-VM-PROBE-OK; then
        echo kvm
    else
        echo tcg
    fi
}

# What tests/vm/boot.sh needs: qemu, the kernel package, busybox-static, cpio.
vm_install_boot() {
    vm_apt_install qemu-system-x86 linux-image-cloud-amd64 busybox-static cpio
    vm_install_small_build
}

# What tests/vm/build-small.sh needs: a nightly toolchain with std's source and the musl target
# (rustup; each only when missing).
vm_install_small_build() {
    if ! rustup toolchain list | grep -q '^nightly'; then
        rustup toolchain install nightly --profile minimal
    fi
    if ! rustup component list --toolchain nightly --installed | grep -q '^rust-src'; then
        rustup component add rust-src --toolchain nightly
    fi
    if ! rustup target list --toolchain nightly --installed | grep -q '^x86_64-unknown-linux-musl$'; then
        rustup target add x86_64-unknown-linux-musl --toolchain nightly
    fi
}

# What tests/vm/matrix.sh needs: the above; virtme-ng 1.42 in a venv under /opt; the Rust
# virtiofsd virtme-ng shares the host's filesystem with (Debian 12 has no package of it, and
# qemu 7.2's C virtiofsd is not one virtme-ng will use), built with cargo install in the
# project's target dir. Puts both on PATH.
vm_install_matrix() {
    vm_apt_install qemu-system-x86 linux-image-cloud-amd64 busybox-static cpio python3-venv \
        libseccomp-dev libcap-ng-dev
    local venv=/opt/rtnl-vng vfsd=/opt/rtnl-virtiofsd
    if [ ! -x "$venv/bin/vng" ]; then
        python3 -m venv "$venv"
        "$venv/bin/pip" install -q 'virtme-ng==1.42'
    fi
    if [ ! -x "$vfsd/bin/virtiofsd" ]; then
        CARGO_TARGET_DIR=$PWD/target/virtiofsd cargo install virtiofsd --version 1.14.0 \
            --locked --root "$vfsd"
    fi
    export PATH=$vfsd/bin:$venv/bin:$PATH
}
