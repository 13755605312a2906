//! The one error type of the codec: a small `Copy` value with the numbers that explain it.

use core::fmt;

/// What was being read or written when an [`Error`] happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Layer {
    /// `struct nlmsghdr`, or a whole netlink message.
    Message,
    /// The fixed family header after `nlmsghdr` (`ifinfomsg`, `ifaddrmsg`, `rtmsg`, ...).
    FamilyHeader,
    /// `struct nlattr` / `struct rtattr`, or an attribute's payload.
    Attribute,
    /// `struct nlmsgerr`: the error code and echoed request of `NLMSG_ERROR`.
    ErrorHeader,
    /// `struct rtnexthop`, one entry of `RTA_MULTIPATH`.
    Nexthop,
}

impl Layer {
    const fn name(self) -> &'static str {
        match self {
            Layer::Message => "netlink message",
            Layer::FamilyHeader => "family header",
            Layer::Attribute => "attribute",
            Layer::ErrorHeader => "nlmsgerr",
            Layer::Nexthop => "rtnexthop",
        }
    }
}

/// Why bytes could not be decoded, or a message could not be built.
///
/// Offsets count bytes from the start of the buffer the failing view was made from: the
/// datagram for [`Messages`](crate::Messages), the message for views and attributes (the same
/// convention as the kernel's `NLMSGERR_ATTR_OFFS`), the buffer for the builder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Error {
    /// Fewer bytes were there than the structure at `offset` needs.
    Truncated {
        /// What was being read.
        layer: Layer,
        /// Bytes needed from `offset` on.
        needed: usize,
        /// Bytes available from `offset` on.
        available: usize,
        /// Where the structure starts.
        offset: usize,
    },
    /// A length field is smaller than the header that carries it.
    BadLength {
        /// What was being read.
        layer: Layer,
        /// The length the field says.
        len: usize,
        /// The smallest valid length.
        min: usize,
        /// Where the structure starts.
        offset: usize,
    },
    /// A known attribute's payload has a size its type does not allow.
    AttrPayload {
        /// The attribute type (flags masked off).
        attr: u16,
        /// The least payload size the type needs.
        needed: usize,
        /// The payload size found.
        len: usize,
        /// Where the attribute starts.
        offset: usize,
    },
    /// A string attribute is not valid UTF-8 (after its terminating NUL is removed).
    NotUtf8 {
        /// The attribute type.
        attr: u16,
        /// Where the attribute starts.
        offset: usize,
    },
    /// The message type is not the one the view decodes.
    WrongType {
        /// The type that was expected (the first of a group, e.g. `RTM_NEWLINK`).
        expected: u16,
        /// The type found in `nlmsg_type`.
        found: u16,
    },
    /// The builder's buffer has no room for the next write.
    BufferFull {
        /// Bytes the write needs past the current end.
        needed: usize,
        /// Bytes left in the buffer.
        available: usize,
    },
    /// An attribute payload or nest does not fit the 16-bit `nla_len` (at most 65,531 bytes).
    AttrTooLarge {
        /// The attribute type.
        attr: u16,
        /// The attribute's total length that did not fit.
        len: usize,
    },
    /// A nest token given to the builder is not the innermost open nest: it was ended or
    /// cancelled already (perhaps with a parent), or a nest inside it is still open.
    NestNotOpen {
        /// The nest's attribute type.
        attr: u16,
    },
    /// More nests open inside one another than the builder tracks.
    NestTooDeep {
        /// The attribute type of the nest that could not be opened.
        attr: u16,
        /// How many nests can be open at once.
        max: usize,
    },
    /// A message does not fit the 32-bit `nlmsg_len`.
    MessageTooLarge {
        /// The message length that did not fit.
        len: usize,
    },
    /// A value given to a request constructor is outside what the kernel accepts (for example an
    /// interface name of 16 bytes or more, or one with a NUL byte).
    InvalidValue {
        /// The attribute the value was for.
        attr: u16,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Error::Truncated {
                layer,
                needed,
                available,
                offset,
            } => write!(
                f,
                "truncated {} at offset {offset}: needs {needed} bytes, {available} available",
                layer.name()
            ),
            Error::BadLength {
                layer,
                len,
                min,
                offset,
            } => write!(
                f,
                "{} at offset {offset} has length {len}, less than its header's {min}",
                layer.name()
            ),
            Error::AttrPayload {
                attr,
                needed,
                len,
                offset,
            } => write!(
                f,
                "attribute type {attr} at offset {offset} has a {len}-byte payload, needs {needed}"
            ),
            Error::NotUtf8 { attr, offset } => {
                write!(
                    f,
                    "attribute type {attr} at offset {offset} is not valid UTF-8"
                )
            }
            Error::WrongType { expected, found } => {
                write!(f, "message type {found} where type {expected} was expected")
            }
            Error::BufferFull { needed, available } => write!(
                f,
                "message buffer full: {needed} more bytes needed, {available} left"
            ),
            Error::AttrTooLarge { attr, len } => write!(
                f,
                "attribute type {attr} would be {len} bytes, more than nla_len can hold (65535)"
            ),
            Error::NestNotOpen { attr } => {
                write!(
                    f,
                    "nest of attribute type {attr} is not the innermost open nest"
                )
            }
            Error::NestTooDeep { attr, max } => write!(
                f,
                "nest of attribute type {attr} would be more than {max} nests deep"
            ),
            Error::MessageTooLarge { len } => {
                write!(
                    f,
                    "message would be {len} bytes, more than nlmsg_len can hold"
                )
            }
            Error::InvalidValue { attr } => {
                write!(
                    f,
                    "value for attribute type {attr} is not accepted by the kernel"
                )
            }
        }
    }
}

impl core::error::Error for Error {}
