#!/usr/bin/env bash
# The small rtnl an init system or an embedded image ships (README, "Init systems"):
#
#   bash tests/vm/build-small.sh dynamic   # glibc, dynamically linked
#   bash tests/vm/build-small.sh static    # musl, static-pie: no program interpreter, no libraries
#
# Prints the path of the stripped executable on stdout (cargo's output goes to stderr).
#
# The release profile plus what only a nightly toolchain can do: std rebuilt from its source
# (`-Zbuild-std`, the `rust-src` component) optimised for size, with `panic = immediate-abort`
# (a panic, which would be a bug, aborts at once: no panic message, no backtrace printer, no
# unwinding tables, `-Cforce-unwind-tables=no`). Behaviour is otherwise the release build's.
# Needs `rustup toolchain install nightly --component rust-src --target x86_64-unknown-linux-musl`
# (tests/vm/lib.sh's vm_install_small_build does it when missing). Own target dir (target/small,
# or CARGO_TARGET_DIR), so the usual target/ is left alone.
set -euo pipefail
cd "$(dirname "$0")/../.."
case "${1:-}" in
    dynamic) target=x86_64-unknown-linux-gnu ;;
    static) target=x86_64-unknown-linux-musl ;;
    *)
        echo "usage: $0 dynamic|static" >&2
        exit 2
        ;;
esac
dir=${CARGO_TARGET_DIR:-$PWD/target/small}
# For size (each measured in the README, "Init systems"): opt-level "z" for every crate, std
# included (the release profile's "s" is for the stable build); rust-lld for both targets (the
# musl target would otherwise link with the system's ld, which cannot fold functions), folding
# identical functions (`--icf=all`), and relative relocations packed (`DT_RELR`, glibc 2.36
# and musl 1.2.4 read it), which also leaves the loader less to do at every start; and LLVM's
# machine outliner, which moves repeated instruction sequences into shared functions (not on by
# default on x86-64; every CLI test passes against the binary it makes, see the README).
RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Cforce-unwind-tables=no \
-Clink-self-contained=+linker -Clinker-features=+lld \
-Clink-arg=-Wl,--icf=all -Clink-arg=-Wl,-z,pack-relative-relocs \
-Cllvm-args=-enable-machine-outliner=always" \
    CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
    cargo +nightly build --release --bin rtnl --target "$target" --target-dir "$dir" \
    -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size >&2
echo "$dir/$target/release/rtnl"
