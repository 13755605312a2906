//! Errors: what the kernel refused (with its extended-ack text) and what went wrong locally.

use core::fmt;

use rustix::io::Errno;

use crate::deadline::Waiting;
use crate::socket::RecvError;
use crate::strerror::fmt_errno;

/// How many bytes of extended-ack text an error keeps.
///
/// The kernel's messages are short literals (formatted ones are capped at 80 bytes by
/// `NETLINK_MAX_FMTMSG_LEN`); a longer text is cut at the last UTF-8 character boundary that
/// fits and [`ExtAckInfo::message_truncated`] says so.
pub const EXT_ACK_TEXT_CAPACITY: usize = 256;

/// Extended-ack text copied out of a reply, so it outlives the receive buffer.
pub type ExtAckText = heapless::String<EXT_ACK_TEXT_CAPACITY>;

/// Copies `text` into an [`ExtAckText`], cut at a character boundary if too long.
/// Returns the copy and whether it was cut.
pub(crate) fn copy_text(text: &str) -> (ExtAckText, bool) {
    let mut out = ExtAckText::new();
    let mut end = text.len().min(EXT_ACK_TEXT_CAPACITY);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // Cannot fail: `end` bytes fit the capacity.
    let _ = out.push_str(&text[..end]);
    (out, end < text.len())
}

/// The extended acknowledgement of a reply (`NLMSGERR_ATTR_*`), owned.
///
/// Copied out of an `NLMSG_ERROR` or `NLMSG_DONE` message. The kernel fills it only when the
/// socket has `NETLINK_EXT_ACK` on, which [`Socket::new`](crate::Socket::new) does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExtAckInfo {
    message: ExtAckText,
    message_truncated: bool,
    offset: Option<u32>,
    missing_type: Option<u32>,
    missing_nest: Option<u32>,
}

impl ExtAckInfo {
    /// Copies what the codec's view holds.
    pub fn from_view(ext: &rtnl_codec::ExtAck<'_>) -> Self {
        let (message, message_truncated) = match ext.message_bytes() {
            Some(bytes) => {
                // The kernel sends UTF-8 (ASCII in practice); keep the valid prefix otherwise.
                let text = match core::str::from_utf8(bytes) {
                    Ok(t) => t,
                    Err(e) => core::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or(""),
                };
                copy_text(text.trim_end_matches('\0'))
            }
            None => (ExtAckText::new(), false),
        };
        Self {
            message,
            message_truncated,
            offset: ext.offset(),
            missing_type: ext.missing_type(),
            missing_nest: ext.missing_nest(),
        }
    }

    /// `NLMSGERR_ATTR_MSG`: the kernel's text, if it sent one.
    pub fn message(&self) -> Option<&str> {
        if self.message.is_empty() {
            None
        } else {
            Some(&self.message)
        }
    }

    /// Whether the text was longer than [`EXT_ACK_TEXT_CAPACITY`] bytes and was cut.
    pub fn message_truncated(&self) -> bool {
        self.message_truncated
    }

    /// `NLMSGERR_ATTR_OFFS`: the byte offset, in the request, of the offending attribute.
    pub fn offset(&self) -> Option<u32> {
        self.offset
    }

    /// `NLMSGERR_ATTR_MISS_TYPE`: the type of a required attribute that was missing.
    pub fn missing_type(&self) -> Option<u32> {
        self.missing_type
    }

    /// `NLMSGERR_ATTR_MISS_NEST`: the offset of the nest that lacked it.
    pub fn missing_nest(&self) -> Option<u32> {
        self.missing_nest
    }
}

/// A request the kernel refused: `NLMSG_ERROR` (or `NLMSG_DONE`) with a negative error code.
///
/// `Display` reads like iproute2: `Error: <ext-ack text>.` when the kernel explained itself,
/// else `RTNETLINK answers: <strerror>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KernelError {
    errno: Errno,
    ext_ack: ExtAckInfo,
}

impl KernelError {
    /// An error with `errno` (positive) and the extended ack `ext_ack`.
    pub fn new(errno: i32, ext_ack: ExtAckInfo) -> Self {
        Self {
            errno: Errno::from_raw_os_error(errno),
            ext_ack,
        }
    }

    /// The errno (`EEXIST`, `ENODEV`, ...).
    pub fn errno(&self) -> Errno {
        self.errno
    }

    /// The extended ack.
    pub fn ext_ack(&self) -> &ExtAckInfo {
        &self.ext_ack
    }

    /// The kernel's text (`NLMSGERR_ATTR_MSG`), if any.
    pub fn message(&self) -> Option<&str> {
        self.ext_ack.message()
    }
}

/// Writes `Error: text.` the way iproute2 does: a period is added unless there is one.
fn fmt_ext_ack_text(f: &mut fmt::Formatter<'_>, label: &str, text: &str) -> fmt::Result {
    write!(f, "{label}: {text}")?;
    if !text.ends_with('.') {
        f.write_str(".")?;
    }
    Ok(())
}

impl fmt::Display for KernelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.message() {
            Some(text) => fmt_ext_ack_text(f, "Error", text),
            None => {
                f.write_str("RTNETLINK answers: ")?;
                fmt_errno(f, self.errno)
            }
        }
    }
}

/// A successful acknowledgement (`NLMSG_ERROR` with error 0), with the kernel's warning text
/// if it sent one (an ext-ack message on an ACK is a warning).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ack {
    ext_ack: ExtAckInfo,
}

impl Ack {
    /// An acknowledgement carrying `ext_ack`.
    pub fn new(ext_ack: ExtAckInfo) -> Self {
        Self { ext_ack }
    }

    /// The warning text (iproute2 prints it as `Warning: <text>.`).
    pub fn warning(&self) -> Option<&str> {
        self.ext_ack.message()
    }

    /// The extended ack.
    pub fn ext_ack(&self) -> &ExtAckInfo {
        &self.ext_ack
    }
}

/// Everything the socket and the request engine can report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// A system call failed (`socket`, `send`, `recvfrom`, ...).
    Os(Errno),
    /// The kernel refused the request.
    Kernel(KernelError),
    /// A reply datagram was larger than the receive buffer. It was consumed, the rest of the
    /// reply was drained, and the socket is in sync for the next request; the reply is lost.
    /// Retry with a buffer of at least `len` bytes.
    Truncated {
        /// The datagram's length.
        len: usize,
        /// The receive buffer's length.
        capacity: usize,
    },
    /// `NLM_F_DUMP_INTR`: the table changed while it was dumped, so what was delivered may be
    /// inconsistent. The dump was read to its end; do it again
    /// ([`Engine::dump_consistent`](crate::Engine::dump_consistent) does).
    DumpInterrupted,
    /// `ENOBUFS`: the kernel dropped messages because the receive queue was full. On an event
    /// socket, resynchronise with a dump.
    Overrun,
    /// A message from the kernel did not parse.
    Malformed(rtnl_codec::Error),
    /// The request buffer does not hold a well-formed request (`nlmsg_len` shorter than a
    /// header or longer than the buffer), or a batch holds a dump request.
    BadRequest {
        /// Byte offset of the bad request in the buffer.
        offset: usize,
    },
    /// The deadline passed before the kernel's answer (or an event) came. The socket stays
    /// usable: a late answer is never taken for another request's (sequence numbers are
    /// checked, and what is left of the abandoned answer is drained before the next request).
    TimedOut(Waiting),
    /// A reply other than the one asked for: an ACK or `NLMSG_DONE` where a reply message was
    /// expected.
    UnexpectedReply {
        /// The `nlmsg_type` that arrived.
        ty: u16,
    },
}

impl Error {
    /// The errno behind this error, if there is one (the kernel's or a system call's).
    pub fn errno(&self) -> Option<Errno> {
        match self {
            Self::Os(e) => Some(*e),
            Self::Kernel(k) => Some(k.errno()),
            Self::Overrun => Some(Errno::NOBUFS),
            Self::TimedOut(_) => Some(Errno::TIMEDOUT),
            _ => None,
        }
    }
}

impl From<Errno> for Error {
    fn from(e: Errno) -> Self {
        if e == Errno::NOBUFS {
            Self::Overrun
        } else {
            Self::Os(e)
        }
    }
}

impl From<KernelError> for Error {
    fn from(e: KernelError) -> Self {
        Self::Kernel(e)
    }
}

impl From<rtnl_codec::Error> for Error {
    fn from(e: rtnl_codec::Error) -> Self {
        Self::Malformed(e)
    }
}

impl From<RecvError> for Error {
    fn from(e: RecvError) -> Self {
        match e {
            RecvError::Os(e) => e.into(),
            RecvError::Truncated { len, capacity, .. } => Self::Truncated { len, capacity },
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Os(e) => fmt_errno(f, *e),
            Self::Kernel(k) => k.fmt(f),
            Self::Truncated { len, capacity } => write!(
                f,
                "netlink reply of {len} bytes does not fit the {capacity}-byte receive buffer"
            ),
            Self::DumpInterrupted => f.write_str("Dump was interrupted and may be inconsistent."),
            Self::Overrun => f.write_str("netlink receive queue overrun: messages were lost"),
            Self::Malformed(e) => write!(f, "malformed netlink reply: {e}"),
            Self::BadRequest { offset } => {
                write!(
                    f,
                    "malformed netlink request at byte {offset} of the buffer"
                )
            }
            Self::TimedOut(waiting) => write!(f, "timed out waiting for {waiting}"),
            Self::UnexpectedReply { ty } => {
                write!(f, "unexpected netlink reply of type {ty}")
            }
        }
    }
}

impl core::error::Error for Error {}
impl core::error::Error for KernelError {}

#[cfg(feature = "std")]
impl From<Error> for std::io::Error {
    fn from(e: Error) -> Self {
        let kind = match e.errno() {
            Some(errno) => std::io::Error::from(errno).kind(),
            None => std::io::ErrorKind::InvalidData,
        };
        std::io::Error::new(kind, e)
    }
}
