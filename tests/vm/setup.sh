#!/usr/bin/env bash
# Installs, where missing, everything tests/vm/boot.sh and tests/vm/matrix.sh need (one apt-get
# update at most); .ci/run calls it once before both.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=tests/vm/lib.sh
. tests/vm/lib.sh
vm_install_matrix
vm_install_small_build
command -v vng virtiofsd qemu-system-x86_64 busybox
