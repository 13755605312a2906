#!/usr/bin/env bash
# Fuzz smoke test: seeds every target's corpus from the fixtures, builds the targets once,
# then runs each for a short time (20 s by default) and fails on any crash, leak, timeout or
# out-of-memory. Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
#
# Usage: fuzz/smoke.sh [SECONDS]          (from any directory)
# A crash leaves its input in fuzz/artifacts/<target>/; reproduce with
#   cargo +nightly fuzz run <target> fuzz/artifacts/<target>/<file>
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
seconds="${1:-${SMOKE_SECONDS:-20}}"
cd "$here"

if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "smoke.sh: needs 'cargo +nightly fuzz' (a nightly toolchain and cargo-fuzz)" >&2
    exit 2
fi

"$here/seed.sh"
# No unsafe code in the codec: Rust's own checks (bounds, overflow with debug assertions)
# catch what matters, and without AddressSanitizer the targets run about twice as fast.
cargo +nightly fuzz build --sanitizer none
host="$(rustc +nightly -vV | sed -n 's/^host: //p')"
bin_dir="$here/target/$host/release"

failed=()
for target in $(cargo +nightly fuzz list); do
    mkdir -p "$here/corpus/$target" "$here/artifacts/$target"
    echo "=== $target: ${seconds}s"
    # Inputs larger than max_len are cut; 16 KiB holds several whole link messages.
    if ! "$bin_dir/$target" \
        -max_total_time="$seconds" \
        -max_len=16384 \
        -timeout=10 \
        -rss_limit_mb=2048 \
        -print_final_stats=1 \
        -artifact_prefix="$here/artifacts/$target/" \
        "$here/corpus/$target"; then
        failed+=("$target")
    fi
done

if ((${#failed[@]})); then
    echo "smoke.sh: crashes in: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
    exit 1
fi
echo "smoke.sh: all targets ran ${seconds}s without a crash"
