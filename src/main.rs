//! `rtnl`: iproute2's `ip` command line for links, addresses, routes, named namespaces and
//! events, over the `rtnl` library. See the `cli` module for the grammar.
//!
//! On glibc the program is entered at C's `main`, not through `std`'s runtime: `std`'s
//! start-up reads and parses `/proc/self/maps` and maps a signal stack for the main thread (to
//! print a message on stack overflow), which was a tenth of a one-shot command such as
//! `netns add` (README, "Named namespaces"). What of it the CLI relies on is done here
//! ([`rtnl_ip::sys::startup`]); glibc hands `std` the arguments itself. Elsewhere (musl) `std`
//! needs its runtime for the arguments, and `main` is the usual one.
#![cfg_attr(all(target_os = "linux", target_env = "gnu", not(test)), no_main)]

mod cli;

/// The arguments as bytes, as ip reads them (nothing is converted on the way in), run; the
/// exit code.
fn run() -> u8 {
    let words: Vec<Vec<u8>> = std::env::args_os()
        .skip(1)
        .map(std::os::unix::ffi::OsStringExt::into_vec)
        .collect();
    cli::main(&words)
}

/// C's `main`, called by glibc's start code. It does what `std`'s runtime would have done
/// that the CLI needs (`SIGPIPE` ignored, so a closed pipe ends a command quietly; closed
/// standard descriptors reopened on `/dev/null`; a panic is exit 101), then runs, and leaves
/// through `std::process::exit` so that `std`'s stdout is flushed.
#[cfg(all(target_os = "linux", target_env = "gnu", not(test)))]
// SAFETY: `main` is defined once in the program (std's own entry point is not generated
// under `no_main`), with the signature glibc's `__libc_start_main` calls.
#[unsafe(no_mangle)]
extern "C" fn main(
    _argc: core::ffi::c_int,
    _argv: *const *const core::ffi::c_char,
) -> core::ffi::c_int {
    rtnl_ip::sys::startup::reopen_closed_stdio();
    rtnl_ip::sys::startup::ignore_sigpipe();
    let code = std::panic::catch_unwind(run).unwrap_or(101);
    std::process::exit(code.into())
}

#[cfg(not(all(target_os = "linux", target_env = "gnu", not(test))))]
fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(run())
}
