//! The one error type of the library: what was being done, to what, and why it failed.

use std::fmt;
use std::net::IpAddr;

use rtnl_sys::{KernelError, NetnsError, NetnsOp, Waiting};
use rustix::io::Errno;

/// The result of every operation.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why an operation failed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The kernel refused the request: errno and extended-ack text.
    Kernel(KernelError),
    /// The socket or the request engine failed (a system call, a truncated reply, an
    /// interrupted dump, a malformed message).
    Netlink(rtnl_sys::Error),
    /// A named-namespace operation failed (`ip netns` semantics).
    Netns(NetnsError),
    /// A system call outside netlink failed (opening a namespace file, a socket in a namespace).
    Os(Errno),
    /// A request could not be built (a name too long, a value the kernel would refuse).
    Request(rtnl_codec::Error),
    /// The object named does not exist (`Cannot find device "x"`).
    NotFound,
    /// An argument that cannot work, with the reason.
    Invalid(&'static str),
    /// The deadline passed first (see [`DEFAULT_TIMEOUT`](crate::DEFAULT_TIMEOUT)); the
    /// operation and object say what was awaited, the [`Waiting`] what the socket waited for.
    TimedOut(Waiting),
    /// A TUN/TAP `open`/`ioctl` step failed (`ip tuntap`).
    Tun(rtnl_sys::TunError),
    /// IPv6 duplicate address detection failed (`IFA_F_DADFAILED`): another host on the link
    /// has this address, and the kernel will not use it. The object is the device.
    DadFailed {
        /// The address.
        address: IpAddr,
        /// Its prefix length.
        prefix_len: u8,
    },
}

/// An operation that failed: what was being done (`op`, e.g. `"add link"`), to what (`object`,
/// e.g. the device name) and why ([`ErrorKind`]).
///
/// `Display` reads like iproute2: `Error: <ext-ack text>.` when the kernel explained itself,
/// `RTNETLINK answers: File exists` when it did not, `Cannot find device "x"`; a missing
/// privilege says which capability is needed. The alternate form (`{:#}`) puts the operation
/// and object first: `add link "v0": RTNETLINK answers: File exists`.
///
/// The error is one pointer wide, so `Result<T>` stays small on the success path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Inner {
    op: &'static str,
    /// The object's bytes: a kernel name need not be UTF-8.
    object: Option<Vec<u8>>,
    kind: ErrorKind,
}

impl Error {
    /// An error of `kind` while doing `op` to `object`.
    pub fn new(op: &'static str, object: Option<String>, kind: ErrorKind) -> Self {
        Self::named(op, object.map(String::into_bytes), kind)
    }

    /// An error of `kind` while doing `op` to `object` given as bytes (a link or namespace
    /// name, which need not be UTF-8; [`Error::to_bytes`] prints it as it is).
    pub fn named(op: &'static str, object: Option<Vec<u8>>, kind: ErrorKind) -> Self {
        Error {
            inner: Box::new(Inner { op, object, kind }),
        }
    }

    /// What was being done, e.g. `"add link"`.
    pub fn op(&self) -> &'static str {
        self.inner.op
    }

    /// What it was done to (a device, an address, a namespace), when it is text; see
    /// [`Error::object_bytes`] for a name that is not UTF-8.
    pub fn object(&self) -> Option<&str> {
        std::str::from_utf8(self.inner.object.as_deref()?).ok()
    }

    /// What it was done to, as bytes (a kernel name as it is).
    pub fn object_bytes(&self) -> Option<&[u8]> {
        self.inner.object.as_deref()
    }

    /// The message `Display` writes, with the object's own bytes where it names it, as `ip`
    /// prints a name it was given (`Display` writes U+FFFD for bytes that are not UTF-8).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Bytes(Vec::new());
        let _ = self.render(&mut out, false);
        out.0
    }

    /// Why it failed.
    pub fn kind(&self) -> &ErrorKind {
        &self.inner.kind
    }

    /// The errno behind the error, when there is one.
    pub fn errno(&self) -> Option<Errno> {
        match &self.inner.kind {
            ErrorKind::Kernel(k) => Some(k.errno()),
            ErrorKind::Netlink(e) => e.errno(),
            ErrorKind::Netns(e) => e.errno(),
            ErrorKind::Os(e) => Some(*e),
            ErrorKind::Tun(e) => Some(e.errno),
            ErrorKind::NotFound => Some(Errno::NODEV),
            ErrorKind::TimedOut(_) => Some(Errno::TIMEDOUT),
            ErrorKind::Request(_) | ErrorKind::Invalid(_) | ErrorKind::DadFailed { .. } => None,
        }
    }

    /// Whether the operation gave up at its deadline ([`ErrorKind::TimedOut`]).
    pub fn is_timed_out(&self) -> bool {
        matches!(self.inner.kind, ErrorKind::TimedOut(_))
    }

    /// The kernel's extended-ack text, when it sent one.
    pub fn ext_ack(&self) -> Option<&str> {
        match &self.inner.kind {
            ErrorKind::Kernel(k) => k.message(),
            _ => None,
        }
    }

    /// The capability a refused (`EPERM`) operation needs.
    pub fn missing_capability(&self) -> Option<&'static str> {
        if self.errno() != Some(Errno::PERM) {
            return None;
        }
        Some(match self.inner.kind {
            ErrorKind::Netns(_) => "CAP_SYS_ADMIN",
            _ if self.inner.op.contains("namespace") => "CAP_SYS_ADMIN",
            _ => "CAP_NET_ADMIN",
        })
    }
}

/// Where an error's message is written: text, and the object's bytes.
trait Sink: fmt::Write {
    /// Writes the object's name.
    fn name(&mut self, bytes: &[u8]) -> fmt::Result;
}

impl Sink for fmt::Formatter<'_> {
    fn name(&mut self, bytes: &[u8]) -> fmt::Result {
        // As `String::from_utf8_lossy`: U+FFFD for each run that is not UTF-8.
        for chunk in bytes.utf8_chunks() {
            self.write_str(chunk.valid())?;
            if !chunk.invalid().is_empty() {
                fmt::Write::write_char(self, '\u{fffd}')?;
            }
        }
        Ok(())
    }
}

/// The message as bytes ([`Error::to_bytes`]).
struct Bytes(Vec<u8>);

impl fmt::Write for Bytes {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

impl Sink for Bytes {
    fn name(&mut self, bytes: &[u8]) -> fmt::Result {
        self.0.extend_from_slice(bytes);
        Ok(())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let alternate = f.alternate();
        self.render(f, alternate)
    }
}

impl Error {
    /// Writes the operation and the object the message is about: `op "object": `.
    fn render_prefix(&self, f: &mut dyn Sink) -> fmt::Result {
        f.write_str(self.inner.op)?;
        if let Some(object) = self.inner.object.as_deref() {
            f.write_str(" \"")?;
            f.name(object)?;
            f.write_str("\"")?;
        }
        f.write_str(": ")
    }

    /// Writes the message (`alternate`: with the operation and object first).
    fn render(&self, f: &mut dyn Sink, alternate: bool) -> fmt::Result {
        let object = self.inner.object.as_deref();
        if alternate {
            self.render_prefix(f)?;
        }
        match &self.inner.kind {
            ErrorKind::Kernel(e) => write!(f, "{e}")?,
            ErrorKind::Netlink(e) => write!(f, "{e}")?,
            ErrorKind::Netns(e) => match (e.op(), e.errno(), object) {
                // iproute2 names the namespace file by its path in these two messages; the
                // named-namespace operations pass it as the object.
                (op @ (NetnsOp::CreateFile | NetnsOp::Remove), Some(errno), Some(path))
                    if path.contains(&b'/') =>
                {
                    let what = match op {
                        NetnsOp::CreateFile => "Cannot create namespace file",
                        _ => "Cannot remove namespace file",
                    };
                    write!(f, "{what} \"")?;
                    f.name(path)?;
                    f.write_str("\": ")?;
                    match rtnl_sys::strerror(errno.raw_os_error()) {
                        Some(text) => f.write_str(text)?,
                        None => write!(f, "errno {}", errno.raw_os_error())?,
                    }
                }
                // The message names the namespace as text; written with the name's bytes when
                // the object holds them (the name, or a path ending in it).
                _ => {
                    let text = e.to_string();
                    let name = e.name();
                    let bytes = object.and_then(|object| {
                        // The object itself, or what follows one of its `/`s.
                        (0..object.len())
                            .filter(|&i| i == 0 || object.get(i - 1) == Some(&b'/'))
                            .filter_map(|i| object.get(i..))
                            .find(|b| !name.is_empty() && String::from_utf8_lossy(b) == name)
                    });
                    match bytes {
                        Some(bytes) => {
                            for (i, part) in text.split(name).enumerate() {
                                if i > 0 {
                                    f.name(bytes)?;
                                }
                                f.write_str(part)?;
                            }
                        }
                        None => f.write_str(&text)?,
                    }
                }
            },
            ErrorKind::Os(e) => match rtnl_sys::strerror(e.raw_os_error()) {
                Some(text) => f.write_str(text)?,
                None => write!(f, "errno {}", e.raw_os_error())?,
            },
            ErrorKind::Request(e) => write!(f, "Invalid request: {e}")?,
            ErrorKind::Tun(e) => write!(f, "{e}")?,
            ErrorKind::NotFound => match object {
                Some(object) => {
                    f.write_str("Cannot find device \"")?;
                    f.name(object)?;
                    f.write_str("\"")?;
                }
                None => f.write_str("Cannot find the object")?,
            },
            ErrorKind::Invalid(why) => f.write_str(why)?,
            ErrorKind::TimedOut(waiting) => {
                // Without what was awaited a timeout says nothing: the operation is always
                // named (by the alternate form's prefix, or here).
                if !alternate {
                    self.render_prefix(f)?;
                }
                f.write_str("timed out")?;
                if *waiting != Waiting::Event {
                    write!(f, " waiting for {waiting}")?;
                }
            }
            ErrorKind::DadFailed {
                address,
                prefix_len,
            } => {
                write!(f, "IPv6 duplicate address {address}/{prefix_len} detected")?;
                if let Some(dev) = object {
                    f.write_str(" on \"")?;
                    f.name(dev)?;
                    f.write_str("\"")?;
                }
                f.write_str(" (dadfailed)")?;
            }
        }
        if let Some(cap) = self.missing_capability() {
            write!(f, " ({} needs {cap})", self.inner.op)?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// Attaches the operation and object to lower-level errors: `result.context("add link", name)`.
pub(crate) trait Context<T> {
    fn context(self, op: &'static str, object: impl ToString) -> Result<T>;
    /// [`Context::context`] with the object as bytes (a name that need not be UTF-8).
    fn context_bytes(self, op: &'static str, object: &[u8]) -> Result<T>;
    fn context_none(self, op: &'static str) -> Result<T>;
}

impl<T, E: Into<ErrorKind>> Context<T> for std::result::Result<T, E> {
    fn context(self, op: &'static str, object: impl ToString) -> Result<T> {
        self.map_err(|e| Error::new(op, Some(object.to_string()), e.into()))
    }

    fn context_bytes(self, op: &'static str, object: &[u8]) -> Result<T> {
        self.map_err(|e| Error::named(op, Some(object.to_vec()), e.into()))
    }

    fn context_none(self, op: &'static str) -> Result<T> {
        self.map_err(|e| Error::new(op, None, e.into()))
    }
}

impl From<rtnl_sys::Error> for ErrorKind {
    fn from(e: rtnl_sys::Error) -> Self {
        match e {
            rtnl_sys::Error::Kernel(k) => ErrorKind::Kernel(k),
            rtnl_sys::Error::TimedOut(waiting) => ErrorKind::TimedOut(waiting),
            other => ErrorKind::Netlink(other),
        }
    }
}

impl From<NetnsError> for ErrorKind {
    fn from(e: NetnsError) -> Self {
        ErrorKind::Netns(e)
    }
}

impl From<Errno> for ErrorKind {
    fn from(e: Errno) -> Self {
        ErrorKind::Os(e)
    }
}

impl From<rtnl_codec::Error> for ErrorKind {
    fn from(e: rtnl_codec::Error) -> Self {
        ErrorKind::Request(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rtnl_sys::ExtAckInfo;

    #[test]
    fn reads_like_ip() {
        let exists = Error::new(
            "add link",
            Some("v0".into()),
            ErrorKind::Kernel(KernelError::new(17, ExtAckInfo::default())),
        );
        assert_eq!(exists.to_string(), "RTNETLINK answers: File exists");
        assert_eq!(
            format!("{exists:#}"),
            "add link \"v0\": RTNETLINK answers: File exists"
        );
        let missing = Error::new("set link", Some("nope".into()), ErrorKind::NotFound);
        assert_eq!(missing.to_string(), "Cannot find device \"nope\"");
    }

    #[test]
    fn timeouts_name_what_was_awaited() {
        let dump = Error::new(
            "show links",
            None,
            rtnl_sys::Error::TimedOut(Waiting::Dump).into(),
        );
        assert_eq!(
            dump.to_string(),
            "show links: timed out waiting for the rest of a dump"
        );
        assert_eq!(format!("{dump:#}"), dump.to_string());
        assert!(dump.is_timed_out());
        assert_eq!(dump.errno(), Some(Errno::TIMEDOUT));
        let wait = Error::new(
            "wait for link up",
            Some("v0".into()),
            ErrorKind::TimedOut(Waiting::Event),
        );
        assert_eq!(wait.to_string(), "wait for link up \"v0\": timed out");
        let dad = Error::new(
            "wait for addresses",
            Some("v0".into()),
            ErrorKind::DadFailed {
                address: "2001:db8::1".parse().unwrap(),
                prefix_len: 64,
            },
        );
        assert_eq!(
            dad.to_string(),
            "IPv6 duplicate address 2001:db8::1/64 detected on \"v0\" (dadfailed)"
        );
    }

    #[test]
    fn names_are_written_as_their_bytes() {
        let missing = Error::named("set link", Some(b"v\xff".to_vec()), ErrorKind::NotFound);
        assert_eq!(missing.to_string(), "Cannot find device \"v\u{fffd}\"");
        assert_eq!(missing.to_bytes(), b"Cannot find device \"v\xff\"");
        assert_eq!(missing.object(), None);
        assert_eq!(missing.object_bytes(), Some(&b"v\xff"[..]));
        let taken = Error::named(
            "add namespace",
            Some(b"/run/netns/\xff".to_vec()),
            ErrorKind::Os(Errno::EXIST),
        );
        assert_eq!(
            format!("{taken:#}"),
            "add namespace \"/run/netns/\u{fffd}\": File exists"
        );
        let invalid = rtnl_sys::validate_name(b"\xff/x").unwrap_err();
        let invalid = Error::named("add namespace", Some(b"/r/\xff/x".to_vec()), invalid.into());
        assert_eq!(invalid.to_bytes(), b"Invalid netns name \"\xff/x\"");
    }

    #[test]
    fn eperm_names_the_capability() {
        let denied = Error::new(
            "add link",
            Some("v0".into()),
            ErrorKind::Kernel(KernelError::new(1, ExtAckInfo::default())),
        );
        assert_eq!(
            denied.to_string(),
            "RTNETLINK answers: Operation not permitted (add link needs CAP_NET_ADMIN)"
        );
        let netns = Error::new(
            "add namespace",
            Some("a".into()),
            ErrorKind::Os(Errno::PERM),
        );
        assert_eq!(netns.missing_capability(), Some("CAP_SYS_ADMIN"));
    }
}
