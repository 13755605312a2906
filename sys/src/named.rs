//! Named network namespaces in a run directory, the way `ip netns` keeps them.
//!
//! A named namespace is a namespace file bind-mounted onto `RUN_DIR/NAME` (by default
//! `/run/netns/NAME`): the mount keeps the namespace alive with no process in it, and opening
//! the file gives a [`NetnsFd`]. The run dir is made a shared mount first, so that the names
//! propagate into mount namespaces created later (as for `ip netns exec`).
//!
//! The run dir is a parameter ([`RunDir::new`]) so tests and containers never need to touch
//! the host's `/run/netns`.
//!
//! # References
//!  - [`ip-netns(8)`](https://man7.org/linux/man-pages/man8/ip-netns.8.html)
//!  - iproute2 `ip/ipnetns.c`

use core::ffi::CStr;
use core::fmt;
use core::mem::MaybeUninit;

use rustix::fd::OwnedFd;
use rustix::fs::{self, FlockOperation, Mode, OFlags, RawDir};
use rustix::io::Errno;
use rustix::mount::{self, MountPropagationFlags, UnmountFlags};

use crate::netns::{NetnsFd, NetnsId};
use crate::path::{PathBuf, proc_ns_net};

/// iproute2's run dir for named namespaces (`NETNS_RUN_DIR`, `/var/run/netns`).
pub const DEFAULT_RUN_DIR: &str = "/run/netns";

/// `NAME_MAX`: the longest file name, and so the longest namespace name.
pub const NAME_MAX: usize = 255;

/// A namespace name, owned without allocation (for errors and callbacks).
pub type NetnsName = heapless::String<NAME_MAX>;

/// What a named-namespace operation was doing when it failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum NetnsOp {
    /// Checking the name: empty, longer than `NAME_MAX`, containing `/` or NUL, `.` or `..`.
    InvalidName,
    /// A path (run dir + name) longer than `PATH_MAX`.
    PathTooLong,
    /// `mkdir` of the run dir.
    CreateRunDir,
    /// Opening or locking (`flock`) the run dir.
    LockRunDir,
    /// Making the run dir a shared mount (binding it onto itself first if needed).
    MakeShared,
    /// `open(O_CREAT | O_EXCL)` of the namespace file.
    CreateFile,
    /// `unshare(CLONE_NEWNET)` (or starting the thread that does it).
    Unshare,
    /// Bind-mounting the namespace onto the file.
    BindMount,
    /// `open` of the namespace file.
    Open,
    /// `unlink` of the namespace file.
    Remove,
    /// Reading the run dir or `/proc`.
    ReadDir,
    /// `stat` of a namespace file.
    Stat,
    /// `setns(CLONE_NEWNET)` into the named namespace (`ip netns exec`).
    EnterNet,
    /// `unshare(CLONE_NEWNS)` (`ip netns exec`).
    UnshareMount,
    /// `mount --make-rslave /` in the new mount namespace (`ip netns exec`).
    MakeSlave,
    /// Mounting the namespace's own sysfs on `/sys` (`ip netns exec`).
    MountSys,
    /// `inotify_init` / `inotify_add_watch` / `read` on the run dir (`ip netns monitor`).
    Watch,
}

/// A named-namespace operation that failed, with the errno and the name (cut to
/// [`NAME_MAX`] bytes). `Display` reads like iproute2's messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetnsError {
    op: NetnsOp,
    errno: Option<Errno>,
    name: NetnsName,
}

impl NetnsError {
    fn new(op: NetnsOp, errno: Option<Errno>, name: &(impl AsRef<[u8]> + ?Sized)) -> Self {
        // As text: bytes that are not UTF-8 read as U+FFFD; cut where the next would not fit.
        let mut owned = NetnsName::new();
        'cut: for chunk in name.as_ref().utf8_chunks() {
            for c in chunk.valid().chars() {
                if owned.push(c).is_err() {
                    break 'cut;
                }
            }
            if !chunk.invalid().is_empty() && owned.push('\u{FFFD}').is_err() {
                break;
            }
        }
        Self {
            op,
            errno,
            name: owned,
        }
    }

    pub(crate) fn os(op: NetnsOp, errno: Errno, name: &(impl AsRef<[u8]> + ?Sized)) -> Self {
        Self::new(op, Some(errno), name)
    }

    /// What was being done.
    pub fn op(&self) -> NetnsOp {
        self.op
    }

    /// The system call's errno (`None` for an invalid name).
    pub fn errno(&self) -> Option<Errno> {
        self.errno
    }

    /// The namespace name (empty for run-dir failures).
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl fmt::Display for NetnsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = &self.name;
        match self.op {
            NetnsOp::InvalidName => return write!(f, "Invalid netns name \"{name}\""),
            NetnsOp::PathTooLong => write!(f, "Namespace path for \"{name}\" is too long")?,
            NetnsOp::CreateRunDir => f.write_str("mkdir of the netns run dir failed")?,
            NetnsOp::LockRunDir => f.write_str("Cannot lock the netns run dir")?,
            NetnsOp::MakeShared => {
                f.write_str("mount --make-shared of the netns run dir failed")?
            }
            NetnsOp::CreateFile => write!(f, "Cannot create namespace file \"{name}\"")?,
            NetnsOp::Unshare => {
                write!(f, "Failed to create a new network namespace \"{name}\"")?;
            }
            NetnsOp::BindMount => write!(f, "Bind of network namespace \"{name}\" failed")?,
            NetnsOp::Open => write!(f, "Cannot open network namespace \"{name}\"")?,
            NetnsOp::Remove => write!(f, "Cannot remove namespace file \"{name}\"")?,
            NetnsOp::ReadDir => f.write_str("Cannot read directory")?,
            NetnsOp::Stat => write!(f, "Cannot stat namespace file \"{name}\"")?,
            NetnsOp::EnterNet => {
                write!(f, "setting the network namespace \"{name}\" failed")?;
            }
            NetnsOp::UnshareMount => f.write_str("unshare failed")?,
            NetnsOp::MakeSlave => f.write_str("\"mount --make-rslave /\" failed")?,
            NetnsOp::MountSys => f.write_str("mount of /sys failed")?,
            NetnsOp::Watch => f.write_str("inotify on the netns run dir failed")?,
        }
        if let Some(e) = self.errno {
            f.write_str(": ")?;
            crate::strerror::fmt_errno(f, e)?;
        }
        Ok(())
    }
}

impl core::error::Error for NetnsError {}

#[cfg(feature = "std")]
impl From<NetnsError> for std::io::Error {
    fn from(e: NetnsError) -> Self {
        let kind = match e.errno {
            Some(errno) => std::io::Error::from(errno).kind(),
            None => std::io::ErrorKind::InvalidInput,
        };
        std::io::Error::new(kind, e)
    }
}

/// Checks a namespace name as iproute2 does: refused when empty, longer than `NAME_MAX`
/// bytes, containing `/`, equal to `.` or `..` (and, since it becomes a C path, containing
/// NUL).
///
/// # Errors
/// [`NetnsOp::InvalidName`]: `Invalid netns name "x/y"`.
pub fn validate_name(name: &(impl AsRef<[u8]> + ?Sized)) -> Result<(), NetnsError> {
    let name = name.as_ref();
    let bad = name.is_empty()
        || name.len() > NAME_MAX
        || name.contains(&b'/')
        || name.contains(&0)
        || name == b"."
        || name == b"..";
    if bad {
        Err(NetnsError::new(NetnsOp::InvalidName, None, name))
    } else {
        Ok(())
    }
}

/// `NSFS_MAGIC` (`linux/magic.h`): the `statfs` `f_type` of a namespace file (a
/// `/proc/PID/ns/net` or a bind mount of one).
pub const NSFS_MAGIC: u64 = 0x6e73_6673;

/// Whether `path` is what a killed `netns add` leaves: the empty regular file of mode 0 that
/// `open(O_CREAT | O_EXCL, 0)` made, with no namespace mounted on it (`statfs` says nsfs when
/// one is).
///
/// # References
///  - [`statfs(2)`](https://man7.org/linux/man-pages/man2/statfs.2.html)
pub fn is_leftover(path: &CStr) -> bool {
    let on_nsfs = fs::statfs(path).is_ok_and(|sfs| sfs.f_type as u64 == NSFS_MAGIC);
    !on_nsfs
        && fs::lstat(path).is_ok_and(|st| {
            fs::FileType::from_raw_mode(st.st_mode) == fs::FileType::RegularFile
                && st.st_mode & 0o7777 == 0
                && st.st_size == 0
        })
}

/// Calls `f` with each entry name of the directory `dir` but `.` and `..`, read with
/// `getdents64` into a stack buffer.
fn for_each_entry(dir: &CStr, mut f: impl FnMut(&CStr)) -> Result<(), Errno> {
    let fd = fs::open(
        dir,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )?;
    let mut buf = [MaybeUninit::<u8>::uninit(); 4096];
    let mut entries = RawDir::new(&fd, &mut buf);
    while let Some(entry) = entries.next() {
        let entry = entry?;
        let name = entry.file_name();
        if name == c"." || name == c".." {
            continue;
        }
        f(name);
    }
    Ok(())
}

/// A run directory of named network namespaces (`/run/netns` by default).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunDir<'a> {
    path: &'a str,
}

impl Default for RunDir<'static> {
    fn default() -> Self {
        Self::new(DEFAULT_RUN_DIR)
    }
}

impl<'a> RunDir<'a> {
    /// The run dir at `path`.
    pub const fn new(path: &'a str) -> Self {
        Self { path }
    }

    /// Its path.
    pub const fn path(&self) -> &'a str {
        self.path
    }

    /// `RUN_DIR/NAME`, after checking the name.
    fn ns_path(&self, name: &[u8]) -> Result<PathBuf, NetnsError> {
        validate_name(name)?;
        PathBuf::join(self.path, name).map_err(|e| NetnsError::os(NetnsOp::PathTooLong, e, name))
    }

    fn dir_path(&self) -> Result<PathBuf, NetnsError> {
        let mut p = PathBuf::new();
        p.push(self.path)
            .map_err(|e| NetnsError::os(NetnsOp::PathTooLong, e, ""))?;
        Ok(p)
    }

    /// `open(RUN_DIR/NAME, O_RDONLY | O_CLOEXEC)`: the named namespace.
    ///
    /// # Errors
    /// `Cannot open network namespace "NAME": No such file or directory` when there is none.
    pub fn open(&self, name: &(impl AsRef<[u8]> + ?Sized)) -> Result<NetnsFd, NetnsError> {
        let name = name.as_ref();
        let path = self.ns_path(name)?;
        NetnsFd::open_cstr(path.as_cstr()).map_err(|e| NetnsError::os(NetnsOp::Open, e, name))
    }

    /// Creates the run dir if needed, locks it (`flock`, so concurrent creators do not race
    /// on the mount setup) and makes it a shared mount, as `ip netns add` does:
    /// `mount("", dir, MS_SHARED | MS_REC)`, and if that fails with `EINVAL` (the dir is not
    /// a mount point yet), bind the dir onto itself, make it private (so it does not
    /// propagate into a shared parent such as systemd's `/run`) and try again.
    ///
    /// Returns the locked dir; the lock is released when it is closed.
    fn prepare(&self) -> Result<OwnedFd, NetnsError> {
        let dir = self.dir_path()?;
        match fs::mkdir(dir.as_cstr(), Mode::from_raw_mode(0o755)) {
            Ok(()) | Err(Errno::EXIST) => {}
            Err(e) => return Err(NetnsError::os(NetnsOp::CreateRunDir, e, "")),
        }
        let lock = fs::open(
            dir.as_cstr(),
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .and_then(|fd| fs::flock(&fd, FlockOperation::LockExclusive).map(|()| fd))
        .map_err(|e| NetnsError::os(NetnsOp::LockRunDir, e, ""))?;

        let shared = MountPropagationFlags::SHARED | MountPropagationFlags::REC;
        let mut made_mount_point = false;
        loop {
            match mount::mount_change(dir.as_cstr(), shared) {
                Ok(()) => return Ok(lock),
                Err(Errno::INVAL) if !made_mount_point => {
                    mount::mount_bind_recursive(dir.as_cstr(), dir.as_cstr())
                        .and_then(|()| {
                            mount::mount_change(
                                dir.as_cstr(),
                                MountPropagationFlags::PRIVATE | MountPropagationFlags::REC,
                            )
                        })
                        .map_err(|e| NetnsError::os(NetnsOp::MakeShared, e, ""))?;
                    made_mount_point = true;
                }
                Err(e) => return Err(NetnsError::os(NetnsOp::MakeShared, e, "")),
            }
        }
    }

    /// `open(RUN_DIR/NAME, O_RDONLY | O_CREAT | O_EXCL, 0)`: the empty mount point; or, when
    /// the name is taken by the leftover of an add that was killed before its bind mount (see
    /// [`is_leftover`]), that file again, so the add heals the name.
    fn create_file(&self, name: &[u8], path: &PathBuf) -> Result<(), NetnsError> {
        let flags = OFlags::RDONLY | OFlags::CREATE | OFlags::EXCL | OFlags::CLOEXEC;
        match fs::open(path.as_cstr(), flags, Mode::empty()) {
            Ok(_) => Ok(()),
            Err(Errno::EXIST) if is_leftover(path.as_cstr()) => Ok(()),
            Err(e) => Err(NetnsError::os(NetnsOp::CreateFile, e, name)),
        }
    }

    /// Binds a namespace onto `RUN_DIR/NAME` for [`RunDir::attach`]; `bind` runs the bind
    /// mount. On failure the file is removed again.
    ///
    /// The run dir's `flock` is held from the creation of the file to the end of the bind, so
    /// an rtnl add never sees another rtnl add's file half made: a [leftover](is_leftover)
    /// found under the lock was left by a process that died (a lock dies with its holder).
    fn bind_new(
        &self,
        name: &[u8],
        bind: impl FnOnce(&CStr) -> Result<(), NetnsError>,
    ) -> Result<(), NetnsError> {
        let path = self.ns_path(name)?;
        let _lock = self.prepare()?;
        self.create_file(name, &path)?;
        let result = bind(path.as_cstr());
        if result.is_err() {
            let _ = mount::unmount(path.as_cstr(), UnmountFlags::DETACH);
            let _ = fs::unlink(path.as_cstr());
        }
        result
    }

    /// `ip netns add NAME`: creates a new network namespace and names it.
    ///
    /// The namespace is made by `unshare(CLONE_NEWNET)` on a dedicated thread (so the
    /// caller's thread never changes namespace), which then creates `RUN_DIR/NAME`,
    /// bind-mounts its `/proc/thread-self/ns/net` onto it and exits; the mount keeps the
    /// namespace alive. The file is created with `O_EXCL`, so an existing name fails with
    /// `EEXIST` (after the unshare: the new namespace is then dropped). A failed create leaves
    /// neither file nor mount behind.
    ///
    /// **Crash safety.** Killed (`SIGKILL`) between creating the file and the bind mount, an
    /// add leaves an empty file that is not a namespace, as `ip netns add` does; that window
    /// is two system calls here (`open`, `mount`), since the file is created after the
    /// `unshare`, where iproute2 creates it before. The next add of that name heals it: it recognises the leftover ([`is_leftover`]: an empty regular
    /// file of mode 0 with no namespace mounted on it) and binds the new namespace onto it
    /// instead of failing with `File exists`. (`delete` removes a leftover too.) A leftover
    /// is recognised safely only against other rtnl adds, which hold the run dir's lock
    /// across create and bind; iproute2 releases it before creating the file.
    ///
    /// The new namespace is as `unshare` leaves it: only `lo`, down.
    ///
    /// # Errors
    /// `Invalid netns name`, `Cannot create namespace file "NAME": File exists`, or the
    /// failing step.
    ///
    /// # References
    ///  - [`ip-netns(8)`](https://man7.org/linux/man-pages/man8/ip-netns.8.html)
    ///  - [`unshare(2)`](https://man7.org/linux/man-pages/man2/unshare.2.html)
    ///  - [`mount(2)`](https://man7.org/linux/man-pages/man2/mount.2.html)
    #[cfg(feature = "std")]
    pub fn create(&self, name: &(impl AsRef<[u8]> + ?Sized)) -> Result<(), NetnsError> {
        let name = name.as_ref();
        let path = self.ns_path(name)?;
        let _lock = self.prepare()?;
        let spawned = crate::thread::on_new_thread(|| {
            crate::netns::unshare_net().map_err(|e| NetnsError::os(NetnsOp::Unshare, e, name))?;
            self.create_and_bind_here(name, &path)
        });
        spawned.map_err(|e| NetnsError::os(NetnsOp::Unshare, e, name))?
    }

    /// Creates `RUN_DIR/NAME` (or takes over a [leftover](is_leftover)) and bind-mounts the
    /// calling thread's network namespace onto it at once; on failure removes the file again.
    ///
    /// Called after `unshare`, so that the file exists without a namespace on it only for
    /// the two system calls between `open` and `mount`, not for the whole `unshare` (which
    /// takes the kernel most of an add): a `SIGKILL` lands in that window far less often.
    fn create_and_bind_here(&self, name: &[u8], path: &PathBuf) -> Result<(), NetnsError> {
        self.create_file(name, path)?;
        let bound = mount::mount_bind(c"/proc/thread-self/ns/net", path.as_cstr())
            .map_err(|e| NetnsError::os(NetnsOp::BindMount, e, name));
        if bound.is_err() {
            let _ = fs::unlink(path.as_cstr());
        }
        bound
    }

    /// [`RunDir::create`] on the calling thread, as `ip netns add` does it: save the thread's
    /// namespace, `unshare(CLONE_NEWNET)`, create `RUN_DIR/NAME` and bind-mount
    /// `/proc/thread-self/ns/net` onto it, `setns` back. No thread is started (which costs more than the rest of
    /// an add outside the kernel), and no `std` is needed; the calling thread is in the new
    /// namespace for the duration of the bind mount.
    ///
    /// # Errors
    /// As [`RunDir::create`]; `setting the network namespace "NAME" failed` if the thread
    /// cannot return to its namespace (it then stays in the new one, which is named).
    pub fn create_on_current_thread(
        &self,
        name: &(impl AsRef<[u8]> + ?Sized),
    ) -> Result<(), NetnsError> {
        let name = name.as_ref();
        let path = self.ns_path(name)?;
        let _lock = self.prepare()?;
        let back = NetnsFd::current().map_err(|e| NetnsError::os(NetnsOp::Unshare, e, name))?;
        crate::netns::unshare_net().map_err(|e| NetnsError::os(NetnsOp::Unshare, e, name))?;
        let made = self.create_and_bind_here(name, &path);
        back.enter_for_good()
            .map_err(|e| NetnsError::os(NetnsOp::EnterNet, e, name))?;
        made
    }

    /// `ip netns attach NAME PID`: names the network namespace of process `pid` by
    /// bind-mounting `/proc/PID/ns/net` onto `RUN_DIR/NAME`.
    ///
    /// # Errors
    /// As [`RunDir::create`]; `ENOENT` on the bind when there is no such process.
    pub fn attach(&self, name: &(impl AsRef<[u8]> + ?Sized), pid: u32) -> Result<(), NetnsError> {
        let name = name.as_ref();
        let source = proc_ns_net(pid).map_err(|e| NetnsError::os(NetnsOp::PathTooLong, e, name))?;
        self.attach_path(name, source.as_cstr())
    }

    /// Names the namespace file `source` (a `/proc/.../ns/net` path or another named
    /// namespace) by bind-mounting it onto `RUN_DIR/NAME`.
    ///
    /// # Errors
    /// As [`RunDir::attach`].
    pub fn attach_path(
        &self,
        name: &(impl AsRef<[u8]> + ?Sized),
        source: &CStr,
    ) -> Result<(), NetnsError> {
        let name = name.as_ref();
        self.bind_new(name, |target| {
            mount::mount_bind(source, target)
                .map_err(|e| NetnsError::os(NetnsOp::BindMount, e, name))
        })
    }

    /// `ip netns delete NAME`: `umount2(RUN_DIR/NAME, MNT_DETACH)` then `unlink`.
    ///
    /// The namespace itself lives on while a process or an open fd still holds it.
    ///
    /// # Errors
    /// `Cannot remove namespace file "NAME": No such file or directory` for a missing name.
    pub fn delete(&self, name: &(impl AsRef<[u8]> + ?Sized)) -> Result<(), NetnsError> {
        let name = name.as_ref();
        let path = self.ns_path(name)?;
        // As iproute2: a file that is not (or no longer) a mount point is still removed.
        let _ = mount::unmount(path.as_cstr(), UnmountFlags::DETACH);
        fs::unlink(path.as_cstr()).map_err(|e| NetnsError::os(NetnsOp::Remove, e, name))
    }

    /// `ip netns list`: calls `f` with each name in the run dir, in directory order, as bytes
    /// (a file name need not be UTF-8). A missing run dir has no names.
    pub fn list(&self, mut f: impl FnMut(&[u8])) -> Result<(), NetnsError> {
        let dir = self.dir_path()?;
        let r = for_each_entry(dir.as_cstr(), |name| f(name.to_bytes()));
        match r {
            Ok(()) | Err(Errno::NOENT) => Ok(()),
            Err(e) => Err(NetnsError::os(NetnsOp::ReadDir, e, "")),
        }
    }

    /// `ip netns identify`: calls `f` with each name in the run dir whose namespace is `id`
    /// (compared by `st_dev`/`st_ino`). See [`NetnsId::of_pid`] and [`NetnsId::current`].
    pub fn identify(&self, id: NetnsId, mut f: impl FnMut(&[u8])) -> Result<(), NetnsError> {
        let dir = self.dir_path()?;
        let r = for_each_entry(dir.as_cstr(), |name| {
            // A name is bytes: it need not be UTF-8.
            let name = name.to_bytes();
            let Ok(path) = PathBuf::join(self.path, name) else {
                return;
            };
            if NetnsId::of_path(path.as_cstr()) == Ok(id) {
                f(name);
            }
        });
        match r {
            Ok(()) | Err(Errno::NOENT) => Ok(()),
            Err(e) => Err(NetnsError::os(NetnsOp::ReadDir, e, "")),
        }
    }

    /// `ip netns identify PID`: the names of process `pid`'s network namespace.
    pub fn identify_pid(&self, pid: u32, f: impl FnMut(&[u8])) -> Result<(), NetnsError> {
        let id = NetnsId::of_pid(pid).map_err(|e| NetnsError::os(NetnsOp::Stat, e, ""))?;
        self.identify(id, f)
    }

    /// `ip netns pids NAME`: calls `f` with each process (each `/proc/PID`) whose network
    /// namespace is the named one. Only a process's main thread counts, as for iproute2.
    pub fn pids(
        &self,
        name: &(impl AsRef<[u8]> + ?Sized),
        mut f: impl FnMut(u32),
    ) -> Result<(), NetnsError> {
        let name = name.as_ref();
        let path = self.ns_path(name)?;
        let id =
            NetnsId::of_path(path.as_cstr()).map_err(|e| NetnsError::os(NetnsOp::Stat, e, name))?;
        for_each_entry(c"/proc", |entry| {
            let Some(pid) = entry.to_str().ok().and_then(|s| s.parse::<u32>().ok()) else {
                return;
            };
            // A process may exit while we look; that is not an error.
            if NetnsId::of_pid(pid) == Ok(id) {
                f(pid);
            }
        })
        .map_err(|e| NetnsError::os(NetnsOp::ReadDir, e, "/proc"))
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::string::{String, ToString};

    use super::*;

    #[test]
    fn names_are_checked_like_iproute2() {
        for bad in ["", ".", "..", "x/y", "/", "a\0b"] {
            let e = validate_name(bad).unwrap_err();
            assert_eq!(e.op(), NetnsOp::InvalidName, "{bad:?}");
        }
        assert_eq!(
            validate_name("x/y").unwrap_err().to_string(),
            "Invalid netns name \"x/y\""
        );
        let long: String = "n".repeat(NAME_MAX + 1);
        assert!(validate_name(&long).is_err());
        for good in [
            "a",
            "...",
            ".a",
            "n".repeat(NAME_MAX).as_str(),
            "vpn-1",
            "ünï",
        ] {
            validate_name(good).unwrap();
        }
    }

    #[test]
    fn errors_read_like_iproute2() {
        let e = NetnsError::os(NetnsOp::CreateFile, Errno::EXIST, "blue");
        assert_eq!(
            e.to_string(),
            "Cannot create namespace file \"blue\": File exists"
        );
        let e = NetnsError::os(NetnsOp::EnterNet, Errno::INVAL, "blue");
        assert_eq!(
            e.to_string(),
            "setting the network namespace \"blue\" failed: Invalid argument"
        );
        let e = NetnsError::os(NetnsOp::MakeSlave, Errno::PERM, "blue");
        assert_eq!(
            e.to_string(),
            "\"mount --make-rslave /\" failed: Operation not permitted"
        );
        let e = NetnsError::os(NetnsOp::Remove, Errno::NOENT, "blue");
        assert_eq!(
            e.to_string(),
            "Cannot remove namespace file \"blue\": No such file or directory"
        );
    }

    #[test]
    fn paths_longer_than_path_max_are_refused() {
        let dir = "d".repeat(crate::PATH_MAX - 3);
        let e = RunDir::new(&dir).open("abc").unwrap_err();
        assert_eq!(
            (e.op(), e.errno()),
            (NetnsOp::PathTooLong, Some(Errno::NAMETOOLONG))
        );
        assert_eq!(
            PathBuf::join("/run/netns", "x").unwrap().as_cstr(),
            c"/run/netns/x"
        );
        assert_eq!(
            PathBuf::join("/run/netns/", "x").unwrap().as_cstr(),
            c"/run/netns/x"
        );
    }
}
