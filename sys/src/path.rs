//! NUL-terminated paths built in a fixed buffer, so no path needs an allocation.

use core::ffi::CStr;
use core::fmt::Write as _;

use rustix::io::Errno;

/// `PATH_MAX`: the longest path the kernel accepts, NUL included.
pub const PATH_MAX: usize = 4096;

/// A path of at most [`PATH_MAX`] bytes (NUL included), built piece by piece on the stack.
pub(crate) struct PathBuf {
    buf: [u8; PATH_MAX],
    len: usize,
}

impl PathBuf {
    /// An empty path.
    pub(crate) const fn new() -> Self {
        Self {
            buf: [0; PATH_MAX],
            len: 0,
        }
    }

    /// `dir` + `/` + `name` (names are bytes: they need not be UTF-8).
    pub(crate) fn join(
        dir: &(impl AsRef<[u8]> + ?Sized),
        name: &(impl AsRef<[u8]> + ?Sized),
    ) -> Result<Self, Errno> {
        let dir = dir.as_ref();
        let mut p = Self::new();
        p.push_bytes(dir)?;
        if !dir.ends_with(b"/") {
            p.push("/")?;
        }
        p.push_bytes(name.as_ref())?;
        Ok(p)
    }

    /// Appends `s`; `ENAMETOOLONG` if it does not fit with the NUL, `EINVAL` if it holds one.
    pub(crate) fn push(&mut self, s: &str) -> Result<(), Errno> {
        self.push_bytes(s.as_bytes())
    }

    /// [`PathBuf::push`] for bytes.
    pub(crate) fn push_bytes(&mut self, s: &[u8]) -> Result<(), Errno> {
        if s.contains(&0) {
            return Err(Errno::INVAL);
        }
        let end = self.len + s.len();
        if end >= PATH_MAX {
            return Err(Errno::NAMETOOLONG);
        }
        self.buf[self.len..end].copy_from_slice(s);
        self.len = end;
        Ok(())
    }

    /// The path's bytes, without the NUL.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    /// The path as a C string.
    pub(crate) fn as_cstr(&self) -> &CStr {
        // `push` keeps interior NULs out and leaves at least one zero byte after `len`.
        CStr::from_bytes_until_nul(&self.buf[..=self.len]).unwrap_or_default()
    }
}

impl core::fmt::Debug for PathBuf {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Debug::fmt(self.as_cstr(), f)
    }
}

impl core::fmt::Write for PathBuf {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        self.push(s).map_err(|_| core::fmt::Error)
    }
}

/// `/proc/PID/ns/net`.
pub(crate) fn proc_ns_net(pid: u32) -> Result<PathBuf, Errno> {
    let mut p = PathBuf::new();
    write!(p, "/proc/{pid}/ns/net").map_err(|_| Errno::NAMETOOLONG)?;
    Ok(p)
}
