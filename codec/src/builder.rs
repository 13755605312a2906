//! Writing messages into a caller's buffer, libmnl's way.
//!
//! The builder's cursor is the message length: every write appends at the end, zeroes its
//! padding, and stores the new length in `nlmsg_len`, so the bytes in the buffer are a complete
//! message after every successful call. A write that does not fit leaves the message as it
//! was and returns [`Error::BufferFull`]; nothing is ever written out of bounds. A nest is opened
//! with [`MessageBuilder::nest_start`], which returns a token, and closed with
//! [`MessageBuilder::nest_end`] (which writes its length) or dropped with
//! [`MessageBuilder::nest_cancel`]. Nests close innermost first: the builder keeps the open
//! ones on a small fixed stack ([`MAX_NEST_DEPTH`]), and a token that is not the innermost open
//! nest is refused ([`Error::NestNotOpen`]) rather than writing a length that no longer fits
//! the tree.

use core::net::IpAddr;

use zerocopy::{Immutable, IntoBytes};

use crate::attr::align4;
use crate::error::Error;
use crate::raw::{NlAttr, NlMsgHdr};

/// How deep nests can be opened inside one another. The kernel's own policies nest less
/// deeply than this (`MAX_POLICY_RECURSION_DEPTH` is 10).
pub const MAX_NEST_DEPTH: usize = 16;

/// Builds one netlink message in a borrowed buffer.
#[derive(Debug)]
pub struct MessageBuilder<'b> {
    buf: &'b mut [u8],
    len: usize,
    /// Where each open nest starts, outermost first.
    nests: [usize; MAX_NEST_DEPTH],
    depth: usize,
}

/// An open nest, returned by [`MessageBuilder::nest_start`]; give it back to `nest_end` or
/// `nest_cancel`. The builder checks each token against its stack of open nests, so a stale
/// or out-of-order token is refused, not trusted; that is why a token may be copied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[must_use = "a nest must be closed with nest_end or dropped with nest_cancel"]
pub struct Nest {
    start: usize,
    ty: u16,
}

impl<'b> MessageBuilder<'b> {
    /// Starts a message at the beginning of `buf`: a `struct nlmsghdr` with type `ty`, flags
    /// `flags` (`NLM_F_REQUEST` is not added for you), sequence number `seq` and port id 0.
    pub fn new(buf: &'b mut [u8], ty: u16, flags: u16, seq: u32) -> Result<Self, Error> {
        let header = NlMsgHdr {
            nlmsg_len: 0.into(), // written by append, as after every write
            nlmsg_type: ty.into(),
            nlmsg_flags: flags.into(),
            nlmsg_seq: seq.into(),
            nlmsg_pid: 0.into(),
        };
        let mut builder = MessageBuilder {
            buf,
            len: 0,
            nests: [0; MAX_NEST_DEPTH],
            depth: 0,
        };
        builder.append(header.as_bytes(), 0)?;
        Ok(builder)
    }

    /// The message's length so far, header included.
    #[inline]
    pub const fn len(&self) -> usize {
        self.len
    }

    /// Whether nothing has been written (never true once `new` succeeded).
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The message as built so far.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }

    /// Ends the message and returns its bytes, `nlmsg_len` long.
    #[inline]
    pub fn finish(self) -> &'b [u8] {
        let MessageBuilder { buf, len, .. } = self;
        let buf: &'b [u8] = buf;
        buf.get(..len).unwrap_or_default()
    }

    /// Appends `bytes` followed by `pad` zero bytes, or nothing if they do not fit.
    #[inline]
    fn append(&mut self, bytes: &[u8], pad: usize) -> Result<usize, Error> {
        let start = self.len;
        let total = bytes.len().saturating_add(pad);
        let end = start.saturating_add(total);
        let available = self.buf.len().saturating_sub(start);
        let Some(room) = self.buf.get_mut(start..end) else {
            return Err(Error::BufferFull {
                needed: total,
                available,
            });
        };
        let Some((data, padding)) = room.split_at_mut_checked(bytes.len()) else {
            return Err(Error::BufferFull {
                needed: total,
                available,
            });
        };
        data.copy_from_slice(bytes);
        padding.fill(0);
        self.set_len(end)?;
        Ok(start)
    }

    /// Moves the cursor to `len` and stores it in `nlmsg_len`.
    #[inline]
    fn set_len(&mut self, len: usize) -> Result<(), Error> {
        let nlmsg_len = u32::try_from(len).map_err(|_| Error::MessageTooLarge { len })?;
        if let Some(field) = self.buf.get_mut(..4) {
            field.copy_from_slice(&nlmsg_len.to_ne_bytes());
        }
        self.len = len;
        Ok(())
    }

    /// Appends the family header (`struct ifinfomsg`, `ifaddrmsg`, ...), padded to 4 bytes.
    pub fn header<T: IntoBytes + Immutable>(&mut self, header: &T) -> Result<&mut Self, Error> {
        let bytes = header.as_bytes();
        self.append(bytes, align4(bytes.len()).saturating_sub(bytes.len()))?;
        Ok(self)
    }

    /// Appends attribute `ty` with `payload` (`mnl_attr_put`).
    pub fn put(&mut self, ty: u16, payload: &[u8]) -> Result<&mut Self, Error> {
        self.put_parts(ty, payload, &[])
    }

    /// Appends attribute `ty` whose payload is `first` followed by `second`.
    #[inline]
    fn put_parts(&mut self, ty: u16, first: &[u8], second: &[u8]) -> Result<&mut Self, Error> {
        let payload_len = first.len().saturating_add(second.len());
        let attr_len = payload_len.saturating_add(NlAttr::SIZE);
        let nla_len = u16::try_from(attr_len).map_err(|_| Error::AttrTooLarge {
            attr: ty,
            len: attr_len,
        })?;
        let needed = align4(attr_len);
        let start = self.len;
        let end = start.saturating_add(needed);
        let full = Error::BufferFull {
            needed,
            available: self.buf.len().saturating_sub(start),
        };
        // One bound check for the whole attribute; the splits below cannot fail, as `room` is
        // `needed` bytes, and until `set_len` the message is as it was.
        let Some(room) = self.buf.get_mut(start..end) else {
            return Err(full);
        };
        let Some((header, rest)) = room.split_first_chunk_mut::<{ NlAttr::SIZE }>() else {
            return Err(full);
        };
        let [l0, l1] = nla_len.to_ne_bytes();
        let [t0, t1] = ty.to_ne_bytes();
        *header = [l0, l1, t0, t1];
        let Some((one, rest)) = rest.split_at_mut_checked(first.len()) else {
            return Err(full);
        };
        one.copy_from_slice(first);
        let Some((two, padding)) = rest.split_at_mut_checked(second.len()) else {
            return Err(full);
        };
        two.copy_from_slice(second);
        padding.fill(0);
        self.set_len(end)?;
        Ok(self)
    }

    fn truncate(&mut self, len: usize) {
        // Shrinking cannot exceed u32::MAX: `len` was a valid length before.
        let _ = self.set_len(len.min(self.len));
    }

    /// Appends a `u8` attribute.
    pub fn put_u8(&mut self, ty: u16, value: u8) -> Result<&mut Self, Error> {
        self.put(ty, &[value])
    }

    /// Appends a native-endian `u16` attribute.
    pub fn put_u16(&mut self, ty: u16, value: u16) -> Result<&mut Self, Error> {
        self.put(ty, &value.to_ne_bytes())
    }

    /// Appends a big-endian `u16` attribute (ports, ethertypes).
    pub fn put_be16(&mut self, ty: u16, value: u16) -> Result<&mut Self, Error> {
        self.put(ty, &value.to_be_bytes())
    }

    /// Appends a native-endian `u32` attribute.
    pub fn put_u32(&mut self, ty: u16, value: u32) -> Result<&mut Self, Error> {
        self.put(ty, &value.to_ne_bytes())
    }

    /// Appends a native-endian `i32` attribute.
    pub fn put_i32(&mut self, ty: u16, value: i32) -> Result<&mut Self, Error> {
        self.put(ty, &value.to_ne_bytes())
    }

    /// Appends a native-endian `u64` attribute.
    pub fn put_u64(&mut self, ty: u16, value: u64) -> Result<&mut Self, Error> {
        self.put(ty, &value.to_ne_bytes())
    }

    /// Appends a string attribute with its terminating NUL (`NLA_NUL_STRING`), as iproute2 does.
    pub fn put_str(&mut self, ty: u16, value: &str) -> Result<&mut Self, Error> {
        self.put_parts(ty, value.as_bytes(), &[0])
    }

    /// Appends a NUL-terminated string attribute (`NLA_NUL_STRING`) from bytes: a name the
    /// kernel holds as bytes (`IFLA_IFNAME`, `IFLA_IFALIAS`), which need not be UTF-8.
    pub fn put_cstr(&mut self, ty: u16, value: &[u8]) -> Result<&mut Self, Error> {
        self.put_parts(ty, value, &[0])
    }

    /// Appends an attribute with no payload (`NLA_FLAG`).
    pub fn put_flag(&mut self, ty: u16) -> Result<&mut Self, Error> {
        self.put(ty, &[])
    }

    /// Appends an IP address attribute: 4 bytes for IPv4, 16 for IPv6.
    pub fn put_ip(&mut self, ty: u16, address: IpAddr) -> Result<&mut Self, Error> {
        match address {
            IpAddr::V4(v4) => self.put(ty, &v4.octets()),
            IpAddr::V6(v6) => self.put(ty, &v6.octets()),
        }
    }

    /// Appends a 6-byte Ethernet MAC address attribute.
    pub fn put_mac(&mut self, ty: u16, mac: [u8; 6]) -> Result<&mut Self, Error> {
        self.put(ty, &mac)
    }

    /// Opens nest `ty` (`mnl_attr_nest_start`). iproute2 does not set `NLA_F_NESTED` on
    /// rtnetlink nests and neither does this; OR it into `ty` where a family wants it.
    ///
    /// Fails with [`Error::NestTooDeep`] when [`MAX_NEST_DEPTH`] nests are open already.
    pub fn nest_start(&mut self, ty: u16) -> Result<Nest, Error> {
        let start = self.len;
        let Some(slot) = self.nests.get_mut(self.depth) else {
            return Err(Error::NestTooDeep {
                attr: ty,
                max: MAX_NEST_DEPTH,
            });
        };
        *slot = start;
        let header = NlAttr {
            nla_len: 0.into(),
            nla_type: ty.into(),
        };
        self.append(header.as_bytes(), 0)?;
        self.depth = self.depth.saturating_add(1);
        Ok(Nest { start, ty })
    }

    /// Whether `nest` is the innermost open nest.
    fn is_innermost(&self, nest: &Nest) -> bool {
        self.depth
            .checked_sub(1)
            .and_then(|top| self.nests.get(top))
            .is_some_and(|&start| start == nest.start)
    }

    /// Closes `nest`, writing its length (`mnl_attr_nest_end`).
    ///
    /// Fails with [`Error::NestNotOpen`], changing nothing, when `nest` is not the innermost
    /// open nest (ended already, cancelled with a parent, or an inner nest is still open); with
    /// [`Error::AttrTooLarge`] when the nest is longer than `nla_len` can say, and the nest is
    /// then cancelled.
    pub fn nest_end(&mut self, nest: Nest) -> Result<&mut Self, Error> {
        if !self.is_innermost(&nest) {
            return Err(Error::NestNotOpen { attr: nest.ty });
        }
        let len = self.len.saturating_sub(nest.start);
        let Ok(nla_len) = u16::try_from(len) else {
            let ty = nest.ty;
            self.nest_cancel(nest)?;
            return Err(Error::AttrTooLarge { attr: ty, len });
        };
        let field = nest.start..nest.start.saturating_add(2);
        if let Some(field) = self.buf.get_mut(field) {
            field.copy_from_slice(&nla_len.to_ne_bytes());
        }
        self.depth = self.depth.saturating_sub(1);
        Ok(self)
    }

    /// Drops `nest` and everything written inside it (`mnl_attr_nest_cancel`).
    ///
    /// Fails with [`Error::NestNotOpen`], changing nothing, when `nest` is not the innermost
    /// open nest.
    pub fn nest_cancel(&mut self, nest: Nest) -> Result<(), Error> {
        if !self.is_innermost(&nest) {
            return Err(Error::NestNotOpen { attr: nest.ty });
        }
        self.depth = self.depth.saturating_sub(1);
        self.truncate(nest.start);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raw::IfInfoMsg;
    use crate::{Attrs, LinkMessage, Message, ifla, ifla_info, nlm_f, rtm};

    #[test]
    fn writes_what_it_is_told_and_pads_with_zeroes() {
        let mut buf = [0xa5u8; 64];
        let mut b = MessageBuilder::new(&mut buf, rtm::NEWLINK, nlm_f::REQUEST, 7).unwrap();
        b.header(&IfInfoMsg::default()).unwrap();
        b.put_str(ifla::IFNAME, "v0").unwrap();
        let bytes = b.finish();
        assert_eq!(bytes.len(), 16 + 16 + 8);
        assert_eq!(&bytes[..4], &40u32.to_ne_bytes());
        assert_eq!(&bytes[32..40], &[7, 0, 3, 0, b'v', b'0', 0, 0]);
        assert_eq!(buf[40], 0xa5, "nothing written past the message");
    }

    #[test]
    fn nests_close_and_cancel() {
        let mut buf = [0xa5u8; 128];
        let mut b = MessageBuilder::new(&mut buf, rtm::NEWLINK, 0, 1).unwrap();
        b.header(&IfInfoMsg::default()).unwrap();
        let cancelled = b.nest_start(ifla::AF_SPEC).unwrap();
        b.put_u32(1, 1).unwrap();
        b.nest_cancel(cancelled).unwrap();
        let info = b.nest_start(ifla::LINKINFO).unwrap();
        b.put_str(ifla_info::KIND, "veth").unwrap();
        b.nest_end(info).unwrap();
        let bytes = b.finish();
        let link = LinkMessage::parse(Message::parse(bytes).unwrap()).unwrap();
        assert_eq!(link.kind(), Some("veth"));
        assert_eq!(link.attrs().count(), 1);
    }

    #[test]
    fn full_buffer_is_an_error_and_leaves_the_message_whole() {
        let mut buf = [0u8; 24];
        let mut b = MessageBuilder::new(&mut buf, rtm::GETLINK, 0, 1).unwrap();
        b.put_u32(ifla::MTU, 1500).unwrap();
        assert_eq!(
            b.put_u32(ifla::MTU, 1500).unwrap_err(),
            Error::BufferFull {
                needed: 8,
                available: 0
            }
        );
        assert_eq!(b.len(), 24);
        assert_eq!(Attrs::new(&b.finish()[16..]).count(), 1);
    }

    #[test]
    fn oversized_attribute_is_an_error_not_a_wrap() {
        let mut buf = [0u8; 80_000];
        let mut b = MessageBuilder::new(&mut buf, rtm::NEWLINK, 0, 1).unwrap();
        let big = [0u8; 65_532];
        assert_eq!(
            b.put(ifla::IFALIAS, &big).unwrap_err(),
            Error::AttrTooLarge {
                attr: ifla::IFALIAS,
                len: 65_536
            }
        );
        let nest = b.nest_start(ifla::LINKINFO).unwrap();
        b.put(1, &big[..40_000]).unwrap();
        b.put(2, &big[..30_000]).unwrap();
        assert_eq!(
            b.nest_end(nest).unwrap_err(),
            Error::AttrTooLarge {
                attr: ifla::LINKINFO,
                len: 70_012
            }
        );
        assert_eq!(b.len(), 16, "the oversized nest was cancelled");
    }
}

#[cfg(test)]
mod nest_order_tests {
    use super::*;
    use crate::{ifla, ifla_info, rtm};

    #[test]
    fn a_nest_that_is_not_innermost_is_refused_and_nothing_changes() {
        let mut buf = [0u8; 128];
        let mut b = MessageBuilder::new(&mut buf, rtm::NEWLINK, 0, 1).unwrap();
        let outer = b.nest_start(ifla::LINKINFO).unwrap();
        let inner = b.nest_start(ifla_info::DATA).unwrap();
        assert_eq!(
            b.nest_end(outer).unwrap_err(),
            Error::NestNotOpen {
                attr: ifla::LINKINFO
            }
        );
        let len = b.len();
        b.nest_end(inner).unwrap();
        b.nest_end(outer).unwrap();
        assert_eq!(b.len(), len);
        let stale = Nest {
            start: 16,
            ty: ifla::LINKINFO,
        };
        assert_eq!(
            b.nest_cancel(stale),
            Err(Error::NestNotOpen {
                attr: ifla::LINKINFO
            })
        );
        assert_eq!(b.len(), len, "a stale cancel truncates nothing");
    }

    #[test]
    fn nests_deeper_than_the_stack_are_refused() {
        let mut buf = [0u8; 256];
        let mut b = MessageBuilder::new(&mut buf, rtm::NEWLINK, 0, 1).unwrap();
        let mut open = [const { None }; MAX_NEST_DEPTH];
        for slot in &mut open {
            *slot = Some(b.nest_start(1).unwrap());
        }
        assert_eq!(
            b.nest_start(2).unwrap_err(),
            Error::NestTooDeep {
                attr: 2,
                max: MAX_NEST_DEPTH
            }
        );
        for nest in open.iter_mut().rev() {
            b.nest_end(nest.take().unwrap()).unwrap();
        }
        assert_eq!(b.len(), 16 + 4 * MAX_NEST_DEPTH);
    }
}
