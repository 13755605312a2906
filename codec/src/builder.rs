//! Writing messages into a caller's buffer, libmnl's way.
//!
//! The builder's cursor is the message length: every write appends at the end, zeroes its
//! padding, and stores the new length in `nlmsg_len`, so the bytes in the buffer are a complete
//! message after every successful call. A write that does not fit leaves the message as it
//! was and returns [`Error::BufferFull`]; nothing is ever written out of bounds. A nest is opened
//! with [`MessageBuilder::nest_start`], which returns a token, and closed with
//! [`MessageBuilder::nest_end`] (which writes its length) or dropped with
//! [`MessageBuilder::nest_cancel`].

use core::net::IpAddr;

use zerocopy::{Immutable, IntoBytes};

use crate::attr::align4;
use crate::error::Error;
use crate::raw::{NlAttr, NlMsgHdr};

/// Builds one netlink message in a borrowed buffer.
#[derive(Debug)]
pub struct MessageBuilder<'b> {
    buf: &'b mut [u8],
    len: usize,
}

/// An open nest, returned by [`MessageBuilder::nest_start`]; give it back to `nest_end` or
/// `nest_cancel`.
#[derive(Debug, PartialEq, Eq)]
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
        let mut builder = MessageBuilder { buf, len: 0 };
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
        let MessageBuilder { buf, len } = self;
        let buf: &'b [u8] = buf;
        buf.get(..len).unwrap_or_default()
    }

    /// Appends `bytes` followed by `pad` zero bytes, or nothing if they do not fit.
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
    fn put_parts(&mut self, ty: u16, first: &[u8], second: &[u8]) -> Result<&mut Self, Error> {
        let payload_len = first.len().saturating_add(second.len());
        let attr_len = payload_len.saturating_add(NlAttr::SIZE);
        let nla_len = u16::try_from(attr_len).map_err(|_| Error::AttrTooLarge {
            attr: ty,
            len: attr_len,
        })?;
        let needed = align4(attr_len);
        let available = self.buf.len().saturating_sub(self.len);
        if needed > available {
            return Err(Error::BufferFull { needed, available });
        }
        let header = NlAttr {
            nla_len: nla_len.into(),
            nla_type: ty.into(),
        };
        // The room was checked above, so none of these appends can fail half-way.
        let start = self.len;
        let result = self
            .append(header.as_bytes(), 0)
            .and_then(|_| self.append(first, 0))
            .and_then(|_| self.append(second, needed.saturating_sub(attr_len)));
        if let Err(error) = result {
            self.truncate(start);
            return Err(error);
        }
        Ok(self)
    }

    /// Drops everything after `len`.
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
    pub fn nest_start(&mut self, ty: u16) -> Result<Nest, Error> {
        let header = NlAttr {
            nla_len: 0.into(),
            nla_type: ty.into(),
        };
        let start = self.append(header.as_bytes(), 0)?;
        Ok(Nest { start, ty })
    }

    /// Closes `nest`, writing its length (`mnl_attr_nest_end`).
    ///
    /// Fails with [`Error::AttrTooLarge`] when the nest is longer than `nla_len` can say; the
    /// nest is then cancelled.
    pub fn nest_end(&mut self, nest: Nest) -> Result<&mut Self, Error> {
        let len = self.len.saturating_sub(nest.start);
        let Ok(nla_len) = u16::try_from(len) else {
            let ty = nest.ty;
            self.nest_cancel(nest);
            return Err(Error::AttrTooLarge { attr: ty, len });
        };
        let field = nest.start..nest.start.saturating_add(2);
        if let Some(field) = self.buf.get_mut(field) {
            field.copy_from_slice(&nla_len.to_ne_bytes());
        }
        Ok(self)
    }

    /// Drops `nest` and everything written inside it (`mnl_attr_nest_cancel`).
    pub fn nest_cancel(&mut self, nest: Nest) {
        self.truncate(nest.start);
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
        b.nest_cancel(cancelled);
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
