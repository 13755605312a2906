//! The two things Rust's `std` runtime does before `main` that a program entered at C's `main`
//! (`#![no_main]`, as the `rtnl` binary is on glibc) must do itself to behave the same.
//!
//! `std`'s start-up also finds the main thread's stack (glibc reads and parses
//! `/proc/self/maps` for it) and gives it a signal stack, so that a stack overflow prints a
//! message before the `SIGSEGV`; for a command that lives a millisecond that was a tenth of its
//! time (README, "Named namespaces"). Without it an overflow is the plain `SIGSEGV`.
//!
//! One `unsafe` block: `signal(2)` through libc, which rustix offers only as an `unsafe`
//! runtime call.
#![allow(unsafe_code)]

use rustix::event::{PollFd, PollFlags, poll};
use rustix::fs::{Mode, OFlags, open};
use rustix::time::Timespec;

/// `signal(SIGPIPE, SIG_IGN)`, as `std` does before `main`: a write to a closed pipe then
/// fails with `EPIPE`, which the caller handles, instead of killing the process.
///
/// # References
///  - [`signal(7)`](https://man7.org/linux/man-pages/man7/signal.7.html)
///  - [`pipe(7)`](https://man7.org/linux/man-pages/man7/pipe.7.html)
pub fn ignore_sigpipe() {
    // SAFETY: `SIG_IGN` installs no handler, so no code of ours runs in signal context and no
    // memory is handed to the kernel; the call only sets the disposition of `SIGPIPE`, which
    // is a valid signal number, so it cannot fail.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
}

/// Opens `/dev/null` on each of the descriptors 0, 1 and 2 that is closed, as `std` does
/// before `main` (`poll(2)` reports `POLLNVAL` for a closed one): otherwise the next file or
/// socket opened would take its number, and what is printed to stdout would go there (to a
/// netlink socket, say).
///
/// # References
///  - [`poll(2)`](https://man7.org/linux/man-pages/man2/poll.2.html)
///  - [`open(2)`](https://man7.org/linux/man-pages/man2/open.2.html)
pub fn reopen_closed_stdio() {
    let (stdin, stdout, stderr) = (
        rustix::stdio::stdin(),
        rustix::stdio::stdout(),
        rustix::stdio::stderr(),
    );
    let mut fds = [
        PollFd::new(&stdin, PollFlags::empty()),
        PollFd::new(&stdout, PollFlags::empty()),
        PollFd::new(&stderr, PollFlags::empty()),
    ];
    let now = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    if poll(&mut fds, Some(&now)).is_err() {
        return;
    }
    // In order: `open` takes the lowest free number, which is the closed one.
    for fd in &fds {
        if fd.revents().contains(PollFlags::NVAL)
            && let Ok(null) = open(c"/dev/null", OFlags::RDWR, Mode::empty())
        {
            // The descriptor stays open for the life of the process, as the one it replaces
            // would have.
            core::mem::forget(null);
        }
    }
}
