//! Names coming and going in a run dir, as `ip netns monitor` watches them: [`NetnsWatch`].
//!
//! A name is a file in the run dir, so inotify on the dir sees every `add` (`IN_CREATE`) and
//! `delete` (`IN_DELETE`), by any program (`ip`, rtnl, a container runtime), in the order
//! they happened.
//!
//! # References
//!  - [`inotify(7)`](https://man7.org/linux/man-pages/man7/inotify.7.html)
//!  - iproute2 `ip/ipnetns.c` (`netns_monitor`)

use core::mem::MaybeUninit;

use rustix::fd::OwnedFd;
use rustix::fs::inotify::{self, CreateFlags, ReadFlags, WatchFlags};
use rustix::fs::{self, Mode};
use rustix::io::Errno;

use crate::named::{NetnsError, NetnsOp, RunDir};
use crate::path::PathBuf;

/// A change of a run dir's names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetnsChange<'a> {
    /// `IN_CREATE`: a file `NAME` appeared (`ip netns add NAME` creates it before it mounts
    /// the namespace on it). The name is bytes: it need not be UTF-8.
    Added(&'a [u8]),
    /// `IN_DELETE`: the file `NAME` was removed (`ip netns delete NAME`).
    Deleted(&'a [u8]),
}

/// The smallest buffer [`NetnsWatch::read`] accepts: one event with the longest name.
pub const WATCH_BUFFER_MIN: usize = 16 + crate::NAME_MAX + 1;

/// An inotify watch (`IN_CREATE | IN_DELETE`) on a run dir.
#[derive(Debug)]
pub struct NetnsWatch {
    fd: OwnedFd,
}

impl NetnsWatch {
    /// `inotify_init1(IN_CLOEXEC)`, `mkdir(RUN_DIR, 0755)` if it is missing (as `ip netns
    /// monitor` does, so a monitor can start before the first namespace), then
    /// `inotify_add_watch(RUN_DIR, IN_CREATE | IN_DELETE)`.
    ///
    /// # Errors
    /// [`NetnsOp::Watch`] or [`NetnsOp::CreateRunDir`] with the errno.
    pub fn new(run_dir: RunDir<'_>) -> Result<Self, NetnsError> {
        let watch_failed = |e| NetnsError::os(NetnsOp::Watch, e, "");
        let fd = inotify::init(CreateFlags::CLOEXEC).map_err(watch_failed)?;
        let mut dir = PathBuf::new();
        dir.push(run_dir.path())
            .map_err(|e| NetnsError::os(NetnsOp::PathTooLong, e, ""))?;
        match fs::mkdir(dir.as_cstr(), Mode::from_raw_mode(0o755)) {
            Ok(()) | Err(Errno::EXIST) => {}
            Err(e) => return Err(NetnsError::os(NetnsOp::CreateRunDir, e, "")),
        }
        inotify::add_watch(&fd, dir.as_cstr(), WatchFlags::CREATE | WatchFlags::DELETE)
            .map_err(watch_failed)?;
        Ok(Self { fd })
    }

    /// Waits for changes (a blocking `read`), then calls `f` with each change that read
    /// returned, in order. Names that are not UTF-8 are skipped.
    ///
    /// # Errors
    /// `EINVAL` when `buf` is shorter than [`WATCH_BUFFER_MIN`]; a failed `read`.
    pub fn read(
        &self,
        buf: &mut [MaybeUninit<u8>],
        mut f: impl FnMut(NetnsChange<'_>),
    ) -> Result<(), NetnsError> {
        if buf.len() < WATCH_BUFFER_MIN {
            return Err(NetnsError::os(NetnsOp::Watch, Errno::INVAL, ""));
        }
        let mut reader = inotify::Reader::new(&self.fd, buf);
        loop {
            let event = match reader.next() {
                Ok(event) => event,
                Err(Errno::INTR) => continue,
                Err(e) => return Err(NetnsError::os(NetnsOp::Watch, e, "")),
            };
            if let Some(name) = event.file_name().map(|n| n.to_bytes()) {
                let mask = event.events();
                if mask.contains(ReadFlags::CREATE) {
                    f(NetnsChange::Added(name));
                }
                if mask.contains(ReadFlags::DELETE) {
                    f(NetnsChange::Deleted(name));
                }
            }
            if reader.is_buffer_empty() {
                return Ok(());
            }
        }
    }
}
