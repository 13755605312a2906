//! Entering a named namespace the way `ip netns exec NAME CMD` does, for a program about to be
//! executed: [`NetnsExec`].
//!
//! `ip netns exec` does more than `setns`: programs that are not namespace-aware read `/sys`
//! (which shows the devices of the namespace sysfs was mounted from) and `/etc` files such as
//! `resolv.conf`. So, in order (iproute2 `lib/namespace.c`, `netns_switch`):
//!
//! 1. `setns(fd, CLONE_NEWNET)` into `RUN_DIR/NAME`;
//! 2. `unshare(CLONE_NEWNS)`: a private copy of the mount table;
//! 3. `mount("", "/", MS_SLAVE | MS_REC)`: nothing mounted below propagates back;
//! 4. `umount2("/sys", MNT_DETACH)` and a fresh `sysfs` on `/sys`, made in the new network
//!    namespace so it shows its devices;
//! 5. each entry `X` of `ETC/netns/NAME` bind-mounted over `ETC/X` (a failed bind is reported
//!    and skipped, as `ip` does).
//!
//! The etc dir (`/etc` by default) is a parameter, like the run dir, so tests and containers
//! can keep their per-namespace files away from the host's `/etc`.
//!
//! [`NetnsExec::prepare`] opens the namespace and builds every path up front;
//! [`NetnsExec::enter`] then makes only system calls, with no allocation and no lock, so it is
//! async-signal-safe and may run between `fork` and `exec`. With the `std` feature, [`exec`]
//! is `ip`'s `execvp` of the command and [`NetnsExec::run`] its child (`fork`, enter, `exec`,
//! `waitpid`), as `ip -b` and `ip -all` run it; [`CommandNetnsExt`] hooks `enter` into a
//! [`std::process::Command`] instead.
//!
//! # References
//!  - [`ip-netns(8)`](https://man7.org/linux/man-pages/man8/ip-netns.8.html)
//!  - [`mount_namespaces(7)`](https://man7.org/linux/man-pages/man7/mount_namespaces.7.html)
//!  - [`setns(2)`](https://man7.org/linux/man-pages/man2/setns.2.html)

#![allow(unsafe_code)]

use core::ffi::CStr;
use core::mem::MaybeUninit;

use rustix::fs::{self, Mode, OFlags, RawDir, StatVfsMountFlags};
use rustix::io::Errno;
use rustix::mount::{self, MountFlags, MountPropagationFlags, UnmountFlags};
use rustix::thread::UnshareFlags;

use crate::named::{NetnsError, NetnsOp, RunDir, validate_name};
use crate::netns::NetnsFd;
use crate::path::PathBuf;

/// iproute2's etc dir (`/etc`): `ip netns exec NAME` binds `/etc/netns/NAME/X` over `/etc/X`.
pub const DEFAULT_ETC_DIR: &str = "/etc";

/// What `ip netns exec NAME` does before it executes the command, prepared for a process that
/// is about to `exec`: the named namespace, open, and the paths it needs.
///
/// It changes the *calling thread* (network namespace) and its mount namespace for good: call
/// [`enter`](Self::enter) only in a process (or a `fork`ed child) that is about to `exec`.
#[derive(Debug)]
pub struct NetnsExec {
    netns: NetnsFd,
    /// The name, the source of the new sysfs mount (as `ip` names it in `/proc/mounts`).
    name: PathBuf,
    /// `ETC/netns/NAME`.
    etc_netns: PathBuf,
    /// `ETC`.
    etc: PathBuf,
}

impl NetnsExec {
    /// Opens `RUN_DIR/NAME` (`O_CLOEXEC`, so the command does not inherit it) and builds the
    /// paths of `etc_dir/netns/NAME`.
    ///
    /// # Errors
    /// `Invalid netns name "x/y"`; `Cannot open network namespace "NAME": No such file or
    /// directory`; a path longer than `PATH_MAX`.
    pub fn prepare(
        run_dir: RunDir<'_>,
        etc_dir: &str,
        name: &(impl AsRef<[u8]> + ?Sized),
    ) -> Result<Self, NetnsError> {
        let name = name.as_ref();
        validate_name(name)?;
        let netns = run_dir.open(name)?;
        let too_long = |e| NetnsError::os(NetnsOp::PathTooLong, e, name);
        let mut etc = PathBuf::new();
        etc.push(etc_dir).map_err(too_long)?;
        let mut etc_netns = PathBuf::join(etc_dir, "netns").map_err(too_long)?;
        etc_netns.push("/").map_err(too_long)?;
        etc_netns.push_bytes(name).map_err(too_long)?;
        let mut source = PathBuf::new();
        source.push_bytes(name).map_err(too_long)?;
        Ok(Self {
            netns,
            name: source,
            etc_netns,
            etc,
        })
    }

    /// The namespace that [`enter`](Self::enter) moves into.
    pub fn netns(&self) -> &NetnsFd {
        &self.netns
    }

    /// Steps 1–5 of the module docs on the calling thread; a failed bind of an etc file is
    /// reported to `warn(source, target, errno)` and skipped.
    ///
    /// Only system calls, into stack buffers: no allocation, no lock, so this is
    /// async-signal-safe (if `warn` is).
    ///
    /// # Errors
    /// The failing step, with `ip`'s words: `setting the network namespace "NAME" failed`,
    /// `unshare failed`, `"mount --make-rslave /" failed`, `mount of /sys failed`.
    pub fn enter_with(&self, mut warn: impl FnMut(&CStr, &CStr, Errno)) -> Result<(), NetnsError> {
        let name = self.name.as_bytes();
        self.netns
            .enter_for_good()
            .map_err(|e| NetnsError::os(NetnsOp::EnterNet, e, name))?;
        // SAFETY: `unshare_unsafe` is unsafe only for `CLONE_FILES`; `CLONE_NEWNS` gives this
        // thread its own copy of the mount table (and of its fs struct), which no other
        // thread's memory or descriptors depend on.
        unsafe { rustix::thread::unshare_unsafe(UnshareFlags::NEWNS) }
            .map_err(|e| NetnsError::os(NetnsOp::UnshareMount, e, name))?;
        mount::mount_change(
            c"/",
            MountPropagationFlags::DOWNSTREAM | MountPropagationFlags::REC,
        )
        .map_err(|e| NetnsError::os(NetnsOp::MakeSlave, e, name))?;
        // A read-only /sys stays read-only (a container's, say): a read-write sysfs must not
        // replace it. (iproute2 6.1 keeps it read-only only when it cannot unmount it.)
        let read_only =
            fs::statvfs(c"/sys").is_ok_and(|st| st.f_flag.contains(StatVfsMountFlags::RDONLY));
        // Nothing mounted on /sys is fine: the new sysfs goes on the bare directory.
        let _ = mount::unmount(c"/sys", UnmountFlags::DETACH);
        let flags = if read_only {
            MountFlags::RDONLY
        } else {
            MountFlags::empty()
        };
        mount::mount(self.name.as_cstr(), c"/sys", c"sysfs", flags, None)
            .map_err(|e| NetnsError::os(NetnsOp::MountSys, e, name))?;
        self.bind_etc(&mut warn);
        Ok(())
    }

    /// Step 5: `ETC/netns/NAME/X` over `ETC/X` for each `X`; a missing `ETC/netns/NAME` binds
    /// nothing.
    fn bind_etc(&self, warn: &mut impl FnMut(&CStr, &CStr, Errno)) {
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
        let Ok(dir) = fs::open(self.etc_netns.as_cstr(), flags, Mode::empty()) else {
            return;
        };
        let mut buf = [MaybeUninit::<u8>::uninit(); 1024];
        let mut entries = RawDir::new(&dir, &mut buf);
        while let Some(Ok(entry)) = entries.next() {
            let file = entry.file_name();
            if file == c"." || file == c".." {
                continue;
            }
            let file = file.to_bytes();
            let (Ok(source), Ok(target)) = (
                PathBuf::join(self.etc_netns.as_bytes(), file),
                PathBuf::join(self.etc.as_bytes(), file),
            ) else {
                continue;
            };
            if let Err(e) = mount::mount_bind(source.as_cstr(), target.as_cstr()) {
                warn(source.as_cstr(), target.as_cstr(), e);
            }
        }
    }

    /// [`enter_with`](Self::enter_with), reporting a failed etc bind on stderr as `ip` does
    /// (`Bind /etc/netns/NAME/X -> /etc/X failed: <strerror>`), with plain `write`s.
    ///
    /// # Errors
    /// As [`enter_with`](Self::enter_with).
    #[cfg(feature = "std")]
    pub fn enter(&self) -> Result<(), NetnsError> {
        self.enter_with(|source, target, errno| {
            let why = crate::strerror(errno.raw_os_error()).unwrap_or("error");
            let stderr = rustix::stdio::stderr();
            for piece in [
                b"Bind ".as_slice(),
                source.to_bytes(),
                b" -> ",
                target.to_bytes(),
                b" failed: ",
                why.as_bytes(),
                b"\n",
            ] {
                let _ = rustix::io::write(stderr, piece);
            }
        })
    }
}

/// Runs a [`std::process::Command`] inside a named namespace the way `ip netns exec` does:
/// the child enters it ([`NetnsExec::enter`]) between `fork` and `exec`.
///
/// ```no_run
/// use std::process::Command;
/// use rtnl_sys::{CommandNetnsExt, DEFAULT_ETC_DIR, NetnsExec, RunDir};
///
/// let blue = NetnsExec::prepare(RunDir::default(), DEFAULT_ETC_DIR, "blue")?;
/// let status = Command::new("ip").args(["link", "set", "lo", "up"]).netns_exec(blue).status()?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// A failure to enter makes `spawn` fail with that step's errno (the step's message, in `ip`'s
/// words, is written to the child's stderr first).
#[cfg(feature = "std")]
pub trait CommandNetnsExt {
    /// Enters `netns` in the child before it executes the program.
    fn netns_exec(&mut self, netns: NetnsExec) -> &mut Self;
}

#[cfg(feature = "std")]
impl CommandNetnsExt for std::process::Command {
    fn netns_exec(&mut self, netns: NetnsExec) -> &mut Self {
        use std::os::unix::process::CommandExt as _;
        let hook = move || -> std::io::Result<()> {
            netns.enter().map_err(|e| {
                report(&e);
                let errno = e.errno().map_or(0, Errno::raw_os_error);
                std::io::Error::from_raw_os_error(errno)
            })
        };
        // SAFETY: `pre_exec` requires the hook to be async-signal-safe, since it runs in the
        // child of a possibly multi-threaded `fork`. `NetnsExec::enter` makes only system
        // calls on paths built before the fork, with no allocation and no lock; `report`
        // formats into a stack buffer and writes with `write(2)`; the error is an OS error
        // code, which `io::Error` holds without allocating.
        unsafe { self.pre_exec(hook) }
    }
}

/// `execvp(3)`, as `ip netns exec` runs its command (iproute2 `lib/exec.c`, `cmd_exec`): the
/// program `argv[0]` looked up in `PATH` when it has no `/`, the environment inherited.
/// `SIGPIPE` goes back to its default action first (this process ignores it, and a program
/// inherits ignored signals); the signal mask is passed on as `ip` passes it.
///
/// Each word is a C string: it ends at its first NUL byte, as it would in `ip`.
///
/// Returns only when it failed, after writing `ip`'s `exec of "CMD" failed: <strerror>` to
/// stderr; the result is the errno (`EINVAL` for an empty `argv`, with nothing written).
///
/// # References
///  - [`execvp(3)`](https://man7.org/linux/man-pages/man3/execvp.3.html)
#[cfg(feature = "std")]
pub fn exec(argv: &[&[u8]]) -> Errno {
    match Argv::new(argv) {
        Some(argv) => argv.exec(),
        None => Errno::INVAL,
    }
}

#[cfg(feature = "std")]
impl NetnsExec {
    /// `ip -b FILE`'s and `ip -all`'s `netns exec NAME CMD`: the command in a child that enters
    /// the namespace ([`enter`](Self::enter)) and executes it ([`exec`]); this process waits
    /// for it and is left as it was.
    ///
    /// The result is the child's status, as `waitpid(2)` reports it. When the command cannot
    /// be started, `ip`'s messages are on stderr and the status is exit 1, as when `ip`'s
    /// child fails: a failed step of entering is reported (`setting the network namespace
    /// "NAME" failed: ...`) and then `exec of "CMD" failed: <strerror>` with its errno, as is
    /// a failed `execvp`, `fork(2)` or `waitpid`. An empty `argv` is exit 1 with nothing
    /// written.
    ///
    /// The child makes only system calls on what was built before the `fork` (no allocation,
    /// no lock), so this is sound in a multi-threaded process.
    ///
    /// # References
    ///  - [`fork(2)`](https://man7.org/linux/man-pages/man2/fork.2.html)
    ///  - [`waitpid(2)`](https://man7.org/linux/man-pages/man2/waitpid.2.html)
    pub fn run(&self, argv: &[&[u8]]) -> std::process::ExitStatus {
        use std::os::unix::process::ExitStatusExt as _;
        // `exit(1)` as `waitpid` encodes it.
        let failed = std::process::ExitStatus::from_raw(1 << 8);
        let Some(argv) = Argv::new(argv) else {
            return failed;
        };
        // SAFETY: `fork` has no preconditions; what makes it delicate is the child of a
        // multi-threaded process, where only async-signal-safe calls are allowed until `exec`.
        // The child below runs `NetnsExec::enter` (system calls on paths built before now, no
        // allocation, no lock), `report` (a stack buffer and `write`), `Argv::exec` (`signal`,
        // `execvp` and `write` on pointers built before now) and `_exit`.
        let pid = unsafe { libc::fork() };
        if pid == 0 {
            let _ = match self.enter() {
                Ok(()) => argv.exec(),
                Err(e) => {
                    report(&e);
                    let errno = e.errno().unwrap_or(Errno::INVAL);
                    argv.failed(errno);
                    errno
                }
            };
            // SAFETY: `_exit` ends the child at once, without running `atexit` handlers or
            // flushing the parent's copied buffers, as `ip`'s child ends after a failed exec.
            unsafe { libc::_exit(1) }
        }
        let Some(child) = rustix::process::Pid::from_raw(pid) else {
            argv.failed(crate::sockopt::last_errno());
            return failed;
        };
        loop {
            match rustix::process::waitpid(Some(child), rustix::process::WaitOptions::empty()) {
                Ok(Some((_, status))) => {
                    return std::process::ExitStatus::from_raw(status.as_raw());
                }
                Err(Errno::INTR) => {}
                Ok(None) => return failed,
                Err(e) => {
                    argv.failed(e);
                    return failed;
                }
            }
        }
    }
}

/// A command line for `execvp(3)`: the words as C strings and the NULL-terminated array of
/// pointers to them, built before a `fork` so that the child need not allocate.
#[cfg(feature = "std")]
struct Argv {
    /// The strings `ptrs` points into (each `CString` owns its bytes on the heap, so the
    /// pointers stay valid while this lives).
    words: std::vec::Vec<std::ffi::CString>,
    /// `words`' pointers, then NULL.
    ptrs: std::vec::Vec<*const libc::c_char>,
}

#[cfg(feature = "std")]
impl Argv {
    /// `argv` as C strings, each up to its first NUL; `None` when it is empty.
    fn new(argv: &[&[u8]]) -> Option<Self> {
        if argv.is_empty() {
            return None;
        }
        let words: std::vec::Vec<std::ffi::CString> = argv
            .iter()
            .map(|word| {
                let end = word.iter().position(|&b| b == 0).unwrap_or(word.len());
                std::ffi::CString::new(&word[..end]).unwrap_or_default()
            })
            .collect();
        let mut ptrs: std::vec::Vec<*const libc::c_char> =
            words.iter().map(|word| word.as_ptr()).collect();
        ptrs.push(core::ptr::null());
        Some(Self { words, ptrs })
    }

    /// `SIGPIPE` to its default action and `execvp`; returns the errno, after [`failed`](
    /// Self::failed), only when the exec failed. Async-signal-safe.
    fn exec(&self) -> Errno {
        // SAFETY: `signal` with `SIG_DFL` installs no handler and `SIGPIPE` is a valid signal
        // number. `execvp` reads `ptrs[0]`, a NUL-terminated string (`new` made at least one
        // word), and `ptrs`, an array of such strings ended by NULL; both live in `self`,
        // borrowed for the call. It returns only when it failed.
        unsafe {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            libc::execvp(self.ptrs[0], self.ptrs.as_ptr());
        }
        let errno = crate::sockopt::last_errno();
        self.failed(errno);
        errno
    }

    /// `exec of "CMD" failed: <strerror>` on stderr (`ip`'s words, the command's bytes), with
    /// plain `write`s: async-signal-safe.
    fn failed(&self, errno: Errno) {
        let why = crate::strerror(errno.raw_os_error()).unwrap_or("Unknown error");
        let cmd = self.words.first().map_or(&[][..], |w| w.to_bytes());
        let stderr = rustix::stdio::stderr();
        for piece in [
            b"exec of \"".as_slice(),
            cmd,
            b"\" failed: ",
            why.as_bytes(),
            b"\n",
        ] {
            let _ = rustix::io::write(stderr, piece);
        }
    }
}

/// Writes `e` (`ip`'s message) and a newline to stderr from a stack buffer.
#[cfg(feature = "std")]
fn report(e: &NetnsError) {
    use core::fmt::Write as _;
    let mut line = heapless::String::<512>::new();
    let _ = writeln!(line, "{e}");
    let _ = rustix::io::write(rustix::stdio::stderr(), line.as_bytes());
}
