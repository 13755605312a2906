//! Links the `rtnl` binary's unwinder statically on glibc targets, so the process does not load
//! `libgcc_s.so.1`.
//!
//! Rust's `std` for `*-linux-gnu` asks for `-lgcc_s` for its `_Unwind_*` calls (backtraces,
//! and unwinding where panics unwind). Loading that library costs every start of `rtnl` an
//! `open` and four `mmap`s, its relocations and its constructor (`__cpu_indicator_init`, a
//! series of `cpuid` instructions, each a VM exit under a hypervisor): in a `netns add` +
//! `netns del` cycle it was a tenth of rtnl's time (README, "Named namespaces"). The same
//! unwinder is in GCC's `libgcc_eh.a`; linked whole into the executable it defines every
//! `_Unwind_*` symbol before the shared library is considered, so the linker's `--as-needed`
//! drops `libgcc_s` (about 24 KiB more in the binary). Only the binary gets it: the library's
//! users link as they choose.
//!
//! Left as it was when the archive cannot be found (another C toolchain), for static builds
//! (`crt-static` links `libgcc_eh` already) and for `panic = "immediate-abort"` builds
//! (`tests/vm/build-small.sh`), whose `std` calls no unwinder at all.

use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=RUSTC_LINKER");
    let cfg = |name: &str| std::env::var(name).unwrap_or_default();
    let glibc = cfg("CARGO_CFG_TARGET_OS") == "linux" && cfg("CARGO_CFG_TARGET_ENV") == "gnu";
    let crt_static = cfg("CARGO_CFG_TARGET_FEATURE")
        .split(',')
        .any(|f| f == "crt-static");
    let immediate_abort = cfg("CARGO_CFG_PANIC")
        .split(',')
        .any(|p| p == "immediate-abort");
    if !glibc || crt_static || immediate_abort {
        return;
    }
    if let Some(archive) = libgcc_eh() {
        println!("cargo::rustc-link-arg-bin=rtnl=-Wl,--whole-archive");
        println!("cargo::rustc-link-arg-bin=rtnl={}", archive.display());
        println!("cargo::rustc-link-arg-bin=rtnl=-Wl,--no-whole-archive");
    }
}

/// Where the C compiler that links the binary keeps `libgcc_eh.a` (`cc -print-file-name`,
/// which answers the bare name when it has none).
fn libgcc_eh() -> Option<PathBuf> {
    let linker = std::env::var("RUSTC_LINKER").unwrap_or_else(|_| "cc".to_owned());
    let out = Command::new(linker)
        .arg("-print-file-name=libgcc_eh.a")
        .output()
        .ok()?;
    let path = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
    (out.status.success() && path.is_absolute() && path.is_file()).then_some(path)
}
