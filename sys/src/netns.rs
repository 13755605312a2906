//! Network-namespace file descriptors: open, compare, enter (with a guard), unshare.
//!
//! `setns(2)` and `unshare(2)` change the namespace of the calling *thread* only. That is
//! what makes them usable in a multi-threaded process, and also why `/proc/self/ns/net` (the
//! main thread's) is the wrong file to read from another thread: this module uses
//! `/proc/thread-self/ns/net`.
//!
//! One `unsafe` block, in [`unshare_net`]: rustix's `unshare` is `unsafe` as a whole because
//! `CLONE_FILES` would split the descriptor table under live `OwnedFd`s; this module passes
//! only `CLONE_NEWNET`.

#![allow(unsafe_code)]

use core::marker::PhantomData;

use rustix::fd::{AsFd, BorrowedFd, OwnedFd};
use rustix::fs::{self, Mode, OFlags};
use rustix::io::Errno;
use rustix::thread::{LinkNameSpaceType, UnshareFlags};

use crate::path::{PathBuf, proc_ns_net};

/// The namespace file of the calling thread.
pub const THREAD_SELF_NS_NET: &str = "/proc/thread-self/ns/net";

/// Which namespace a file refers to: the `st_dev`/`st_ino` of its nsfs inode.
///
/// Two namespace files (a `/proc/PID/ns/net` link, a bind mount in a run dir, an open fd)
/// refer to the same namespace exactly when their ids are equal; this is how
/// `ip netns identify` and `ip netns pids` compare them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NetnsId {
    /// `st_dev` (the nsfs device).
    pub dev: u64,
    /// `st_ino` (the namespace's inode number, as in `net:[4026531840]`).
    pub ino: u64,
}

impl NetnsId {
    /// `stat(path)`: the id of the namespace file at `path`.
    ///
    /// # References
    ///  - [`stat(2)`](https://man7.org/linux/man-pages/man2/stat.2.html)
    pub fn of_path(path: &core::ffi::CStr) -> Result<Self, Errno> {
        let st = fs::stat(path)?;
        Ok(Self {
            dev: st.st_dev,
            ino: st.st_ino,
        })
    }

    /// `stat("/proc/PID/ns/net")`: the id of process `pid`'s network namespace.
    pub fn of_pid(pid: u32) -> Result<Self, Errno> {
        Self::of_path(proc_ns_net(pid)?.as_cstr())
    }

    /// `stat("/proc/thread-self/ns/net")`: the id of the calling thread's network namespace.
    pub fn current() -> Result<Self, Errno> {
        Self::of_path(c"/proc/thread-self/ns/net")
    }
}

/// An open network-namespace file (`/proc/PID/ns/net`, or a bind mount of one such as
/// `/run/netns/NAME`), an [`OwnedFd`] opened `O_RDONLY | O_CLOEXEC`.
///
/// Holding it keeps the namespace alive. It can be entered ([`NetnsFd::enter`]), compared
/// ([`NetnsFd::id`]), or given to the kernel as `IFLA_NET_NS_FD` / `NETNSA_FD`.
///
/// # References
///  - [`network_namespaces(7)`](https://man7.org/linux/man-pages/man7/network_namespaces.7.html)
///  - [`setns(2)`](https://man7.org/linux/man-pages/man2/setns.2.html)
#[derive(Debug)]
pub struct NetnsFd(OwnedFd);

impl NetnsFd {
    /// `open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC)`: the calling thread's
    /// network namespace.
    ///
    /// # References
    ///  - [`proc(5)`](https://man7.org/linux/man-pages/man5/proc.5.html)
    pub fn current() -> Result<Self, Errno> {
        Self::open_cstr(c"/proc/thread-self/ns/net")
    }

    /// `open(path, O_RDONLY | O_CLOEXEC)`: a namespace file by path. Whether it really is a
    /// network namespace is checked when it is entered.
    ///
    /// # References
    ///  - [`open(2)`](https://man7.org/linux/man-pages/man2/open.2.html)
    pub fn open(path: &(impl AsRef<[u8]> + ?Sized)) -> Result<Self, Errno> {
        let mut p = PathBuf::new();
        p.push_bytes(path.as_ref())?;
        Self::open_cstr(p.as_cstr())
    }

    /// `open(path, O_RDONLY | O_CLOEXEC)` with a path that is already a C string.
    pub fn open_cstr(path: &core::ffi::CStr) -> Result<Self, Errno> {
        fs::open(path, OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty()).map(Self)
    }

    /// `open("/proc/PID/ns/net", O_RDONLY | O_CLOEXEC)`: the namespace of process `pid`
    /// (its main thread).
    ///
    /// # References
    ///  - [`proc(5)`](https://man7.org/linux/man-pages/man5/proc.5.html)
    pub fn of_pid(pid: u32) -> Result<Self, Errno> {
        Self::open_cstr(proc_ns_net(pid)?.as_cstr())
    }

    /// Wraps an already open namespace file.
    pub fn from_owned_fd(fd: OwnedFd) -> Self {
        Self(fd)
    }

    /// `fstat(fd)`: which namespace this is.
    ///
    /// # References
    ///  - [`fstat(2)`](https://man7.org/linux/man-pages/man2/fstat.2.html)
    pub fn id(&self) -> Result<NetnsId, Errno> {
        let st = fs::fstat(&self.0)?;
        Ok(NetnsId {
            dev: st.st_dev,
            ino: st.st_ino,
        })
    }

    /// `setns(fd, CLONE_NEWNET)` without a guard: moves the calling thread into this
    /// namespace for good. Meant for threads that exist to work in one namespace.
    ///
    /// # References
    ///  - [`setns(2)`](https://man7.org/linux/man-pages/man2/setns.2.html)
    pub fn enter_for_good(&self) -> Result<(), Errno> {
        rustix::thread::move_into_link_name_space(self.0.as_fd(), Some(LinkNameSpaceType::Network))
    }

    /// `setns(fd, CLONE_NEWNET)`: moves the calling thread into this namespace and returns a
    /// guard that moves it back to the namespace it was in when dropped, also when the code
    /// in between panics.
    ///
    /// Sockets keep the namespace they were opened in: a [`Socket`](crate::Socket) opened
    /// while the guard lives works in this namespace after the guard is gone.
    ///
    /// # References
    ///  - [`setns(2)`](https://man7.org/linux/man-pages/man2/setns.2.html)
    pub fn enter(&self) -> Result<NetnsGuard, Errno> {
        let previous = Self::current()?;
        self.enter_for_good()?;
        Ok(NetnsGuard {
            previous: Some(previous),
            _not_send: PhantomData,
        })
    }
}

impl AsFd for NetnsFd {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.0.as_fd()
    }
}

impl From<NetnsFd> for OwnedFd {
    fn from(ns: NetnsFd) -> OwnedFd {
        ns.0
    }
}

/// The calling thread's stay in another network namespace, from [`NetnsFd::enter`]; dropping
/// it moves the thread back (`setns` to the namespace saved on entry).
///
/// It is neither `Send` nor `Sync`: the namespace belongs to the thread that entered it.
/// If moving back fails when dropped (it cannot for a namespace that was saved as an open fd,
/// short of losing `CAP_SYS_ADMIN` in between), the drop panics rather than leave the thread
/// in the wrong namespace; during a panic that aborts. Use [`NetnsGuard::restore`] to get the
/// error instead.
#[derive(Debug)]
#[must_use = "the namespace is left as soon as the guard is dropped"]
pub struct NetnsGuard {
    /// `None` only after [`NetnsGuard::restore`] took it.
    previous: Option<NetnsFd>,
    _not_send: PhantomData<*const ()>,
}

impl NetnsGuard {
    /// `setns(previous, CLONE_NEWNET)`: moves back now, reporting failure.
    pub fn restore(mut self) -> Result<(), Errno> {
        match self.previous.take() {
            Some(previous) => previous.enter_for_good(),
            None => Ok(()),
        }
    }
}

impl Drop for NetnsGuard {
    fn drop(&mut self) {
        let restored = self.previous.take().map_or(Ok(()), |p| p.enter_for_good());
        if let Err(e) = restored {
            panic!("rtnl-sys: cannot return to the previous network namespace: {e:?}");
        }
    }
}

/// `unshare(CLONE_NEWNET)`: moves the calling thread into a new, empty network namespace
/// (only `lo`, down). Needs `CAP_SYS_ADMIN`. Other threads are not affected.
///
/// # References
///  - [`unshare(2)`](https://man7.org/linux/man-pages/man2/unshare.2.html)
pub fn unshare_net() -> Result<(), Errno> {
    // SAFETY: `unshare_unsafe` is unsafe only for `CLONE_FILES`, which would let threads see
    // different descriptor tables; `CLONE_NEWNET` touches no descriptor table.
    unsafe { rustix::thread::unshare_unsafe(UnshareFlags::NEWNET) }
}
