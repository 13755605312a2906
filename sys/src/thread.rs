//! Running code inside a network namespace without moving the caller's thread (`std` only).

use std::io;

use rustix::io::Errno;

use crate::netns::NetnsFd;

fn errno_of(e: &io::Error) -> Errno {
    e.raw_os_error()
        .map_or(Errno::AGAIN, Errno::from_raw_os_error)
}

/// Runs `f` on a new scoped thread and waits for it; a panic in `f` is resumed on the caller.
///
/// # Errors
/// The errno of a failed thread spawn (`EAGAIN` when out of threads).
pub(crate) fn on_new_thread<R: Send>(f: impl FnOnce() -> R + Send) -> Result<R, Errno> {
    std::thread::scope(|scope| {
        let handle = std::thread::Builder::new()
            .name("rtnl-netns".into())
            .spawn_scoped(scope, f)
            .map_err(|e| errno_of(&e))?;
        match handle.join() {
            Ok(r) => Ok(r),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// Runs `f` on a dedicated thread inside the network namespace `netns` (`setns(fd,
/// CLONE_NEWNET)` on that thread) and returns its result; the caller's thread never changes
/// namespace.
///
/// `setns` and `unshare` change only the calling thread, so a fresh thread is the one way to
/// work in a namespace without disturbing the caller, whatever `f` does (it may also unshare
/// or `setns` again). Sockets opened in `f` stay in `netns` and can be returned. A panic in
/// `f` is resumed on the caller.
///
/// # Errors
/// The errno of a failed thread spawn or `setns`.
///
/// # References
///  - [`setns(2)`](https://man7.org/linux/man-pages/man2/setns.2.html)
pub fn run_in<R: Send>(netns: &NetnsFd, f: impl FnOnce() -> R + Send) -> Result<R, Errno> {
    on_new_thread(|| {
        netns.enter_for_good()?;
        Ok(f())
    })?
}

/// Runs `f` on a dedicated thread inside a new network namespace (`unshare(CLONE_NEWNET)` on
/// that thread); the namespace ends with the thread unless `f` keeps it (an open
/// [`NetnsFd::current`], a socket, a bind mount).
///
/// # Errors
/// The errno of a failed thread spawn or `unshare`.
pub fn run_in_new<R: Send>(f: impl FnOnce() -> R + Send) -> Result<R, Errno> {
    on_new_thread(|| {
        crate::netns::unshare_net()?;
        Ok(f())
    })?
}
