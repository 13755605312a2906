//! Attributes: `struct nlattr` / `struct rtattr` and what follows them.
//!
//! An attribute is a 4-byte header (`nla_len`, `nla_type`) and a payload, padded to a multiple
//! of 4. [`Attrs`] walks a run of them, checking every header against the bytes that are
//! really there; [`Attr`] is one of them, with readers for the payload types the kernel uses.
//! A nest is an attribute whose payload is itself a run of attributes: [`Attr::nested`].

use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::error::{Error, Layer};
use crate::nla;
use crate::raw::NlAttr;

/// Rounds a length up to the 4-byte netlink alignment (`NLA_ALIGN` / `NLMSG_ALIGN`).
///
/// Saturates instead of wrapping: a saturated length is larger than any buffer, so the bounds
/// check that follows rejects it.
#[inline]
pub(crate) const fn align4(len: usize) -> usize {
    len.saturating_add(3) & !3
}

/// One attribute: its type and its payload, borrowed from the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attr<'a> {
    raw_type: u16,
    payload: &'a [u8],
    offset: usize,
}

impl<'a> Attr<'a> {
    /// The attribute type, with the `NLA_F_NESTED` and `NLA_F_NET_BYTEORDER` bits masked off.
    #[inline]
    pub const fn ty(&self) -> u16 {
        self.raw_type & nla::TYPE_MASK
    }

    /// `nla_type` as sent, flag bits included.
    #[inline]
    pub const fn raw_type(&self) -> u16 {
        self.raw_type
    }

    /// Whether `NLA_F_NESTED` is set. The kernel does not set it on most rtnetlink nests, so
    /// its absence does not mean the payload is not a nest.
    #[inline]
    pub const fn is_nested(&self) -> bool {
        self.raw_type & nla::F_NESTED != 0
    }

    /// The payload, without header and padding.
    #[inline]
    pub const fn payload(&self) -> &'a [u8] {
        self.payload
    }

    /// Where the attribute's header starts, counted from the start of its message.
    #[inline]
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// The attributes nested in the payload.
    #[inline]
    pub fn nested(&self) -> Attrs<'a> {
        Attrs::with_offset(self.payload, self.offset.saturating_add(nla::HDRLEN))
    }

    fn exact<const N: usize>(&self) -> Result<[u8; N], Error> {
        match <[u8; N]>::try_from(self.payload) {
            Ok(bytes) => Ok(bytes),
            Err(_) => Err(self.payload_error(N)),
        }
    }

    pub(crate) fn payload_error(&self, needed: usize) -> Error {
        Error::AttrPayload {
            attr: self.ty(),
            needed,
            len: self.payload.len(),
            offset: self.offset,
        }
    }

    /// The payload as a `u8` (`NLA_U8`); it must be exactly 1 byte.
    pub fn as_u8(&self) -> Result<u8, Error> {
        self.exact::<1>().map(u8::from_ne_bytes)
    }

    /// The payload as a native-endian `u16` (`NLA_U16`).
    pub fn as_u16(&self) -> Result<u16, Error> {
        self.exact().map(u16::from_ne_bytes)
    }

    /// The payload as a big-endian `u16` (`NLA_BE16`, e.g. ports and VLAN protocols).
    pub fn as_be16(&self) -> Result<u16, Error> {
        self.exact().map(u16::from_be_bytes)
    }

    /// The payload as a native-endian `u32` (`NLA_U32`).
    pub fn as_u32(&self) -> Result<u32, Error> {
        self.exact().map(u32::from_ne_bytes)
    }

    /// The payload as a native-endian `i32` (`NLA_S32`).
    pub fn as_i32(&self) -> Result<i32, Error> {
        self.exact().map(i32::from_ne_bytes)
    }

    /// The payload as a native-endian `u64` (`NLA_U64`).
    pub fn as_u64(&self) -> Result<u64, Error> {
        self.exact().map(u64::from_ne_bytes)
    }

    /// The payload as a string (`NLA_NUL_STRING` / `NLA_STRING`): the bytes up to the first NUL,
    /// or all of them if there is none, which must be UTF-8.
    pub fn as_str(&self) -> Result<&'a str, Error> {
        core::str::from_utf8(until_nul(self.payload)).map_err(|_| Error::NotUtf8 {
            attr: self.ty(),
            offset: self.offset,
        })
    }

    /// The payload as an IP address: 4 bytes are IPv4, 16 bytes IPv6.
    pub fn as_ip(&self) -> Result<IpAddr, Error> {
        ip_from(self.payload)
            .ok_or_else(|| self.payload_error(if self.payload.len() < 16 { 4 } else { 16 }))
    }

    /// The payload as an IPv4 address (4 bytes).
    pub fn as_ipv4(&self) -> Result<Ipv4Addr, Error> {
        self.exact::<4>().map(Ipv4Addr::from)
    }

    /// The payload as an IPv6 address (16 bytes).
    pub fn as_ipv6(&self) -> Result<Ipv6Addr, Error> {
        self.exact::<16>().map(Ipv6Addr::from)
    }

    /// The payload as an Ethernet MAC address (6 bytes).
    pub fn as_mac(&self) -> Result<[u8; 6], Error> {
        self.exact()
    }
}

/// The bytes of a C string payload up to its first NUL.
#[inline]
pub(crate) fn until_nul(bytes: &[u8]) -> &[u8] {
    match bytes.iter().position(|&b| b == 0) {
        Some(end) => bytes.get(..end).unwrap_or(bytes),
        None => bytes,
    }
}

/// An address attribute's payload as the kernel reads it: the first 16 bytes as IPv6 when
/// there are 16 or more, else the first 4 as IPv4; nothing when shorter.
#[inline]
pub(crate) fn ip_prefix(bytes: &[u8]) -> Option<IpAddr> {
    if let Some(&v6) = bytes.first_chunk::<16>() {
        Some(IpAddr::V6(Ipv6Addr::from(v6)))
    } else {
        bytes
            .first_chunk::<4>()
            .map(|&v4| IpAddr::V4(Ipv4Addr::from(v4)))
    }
}

/// 4 bytes as IPv4, 16 as IPv6, anything else as nothing.
#[inline]
pub(crate) fn ip_from(bytes: &[u8]) -> Option<IpAddr> {
    if let Ok(v4) = <[u8; 4]>::try_from(bytes) {
        Some(IpAddr::V4(Ipv4Addr::from(v4)))
    } else if let Ok(v6) = <[u8; 16]>::try_from(bytes) {
        Some(IpAddr::V6(Ipv6Addr::from(v6)))
    } else {
        None
    }
}

/// Reads the attribute at the start of `bytes` (which starts `offset` bytes into its message).
///
/// Returns the attribute and the bytes after it: after its padding, or nothing when the last
/// attribute's padding is missing.
#[inline(always)]
pub(crate) fn split_attr(bytes: &[u8], offset: usize) -> Result<(Attr<'_>, &[u8]), Error> {
    let Some((&[l0, l1, t0, t1], after)) = bytes.split_first_chunk::<{ NlAttr::SIZE }>() else {
        return Err(Error::Truncated {
            layer: Layer::Attribute,
            needed: NlAttr::SIZE,
            available: bytes.len(),
            offset,
        });
    };
    let len = usize::from(u16::from_ne_bytes([l0, l1]));
    let Some(payload_len) = len.checked_sub(NlAttr::SIZE) else {
        return Err(Error::BadLength {
            layer: Layer::Attribute,
            len,
            min: NlAttr::SIZE,
            offset,
        });
    };
    let Some((payload, padded)) = after.split_at_checked(payload_len) else {
        return Err(Error::Truncated {
            layer: Layer::Attribute,
            needed: len,
            available: bytes.len(),
            offset,
        });
    };
    let attr = Attr {
        raw_type: u16::from_ne_bytes([t0, t1]),
        payload,
        offset,
    };
    // The padding to the next multiple of 4: `(4 - len % 4) % 4`.
    let padding = len.wrapping_neg() & 3;
    Ok((attr, padded.get(padding..).unwrap_or_default()))
}

/// An iterator over a run of attributes, yielding each one or the error that ends the run.
///
/// Every header is checked against the bytes that are there. After the first error the iterator
/// yields nothing more. Attributes of every type are yielded, known or not.
#[derive(Clone, Debug)]
pub struct Attrs<'a> {
    rest: &'a [u8],
    offset: usize,
}

impl<'a> Attrs<'a> {
    /// The attributes in `bytes`, which start at offset 0 of their message.
    #[inline]
    pub const fn new(bytes: &'a [u8]) -> Self {
        Self::with_offset(bytes, 0)
    }

    /// The attributes in `bytes`, which start `offset` bytes into their message; errors and
    /// [`Attr::offset`] count from there.
    #[inline]
    pub const fn with_offset(bytes: &'a [u8], offset: usize) -> Self {
        Attrs {
            rest: bytes,
            offset,
        }
    }

    /// The bytes not yet walked.
    #[inline]
    pub const fn remaining(&self) -> &'a [u8] {
        self.rest
    }

    /// The first attribute of type `ty` (flags masked off), or the error that ends the walk
    /// before it.
    pub fn find(self, ty: u16) -> Result<Option<Attr<'a>>, Error> {
        for attr in self {
            let attr = attr?;
            if attr.ty() == ty {
                return Ok(Some(attr));
            }
        }
        Ok(None)
    }

    /// Walks the whole run, returning the first error if there is one.
    pub fn validate(mut self) -> Result<(), Error> {
        self.try_for_each(|attr| attr.map(drop))
    }
}

impl<'a> Iterator for Attrs<'a> {
    type Item = Result<Attr<'a>, Error>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        match split_attr(self.rest, self.offset) {
            Ok((attr, next)) => {
                let advance = self.rest.len().saturating_sub(next.len());
                self.rest = next;
                self.offset = self.offset.saturating_add(advance);
                Some(Ok(attr))
            }
            Err(error) => {
                self.rest = &[];
                Some(Err(error))
            }
        }
    }
}

impl core::iter::FusedIterator for Attrs<'_> {}

#[cfg(test)]
pub(crate) mod tests {
    extern crate std;

    use super::*;

    /// Two attributes: type 3 "lo\0" (padded) and type 4 u32 65536 (the index's tests read
    /// them too).
    pub(crate) const RUN: &[u8] = &[
        7, 0, 3, 0, b'l', b'o', 0, 0, //
        8, 0, 4, 0, 0, 0, 1, 0,
    ];

    #[test]
    fn walks_and_reads() {
        let mut attrs = Attrs::with_offset(RUN, 16);
        let name = attrs.next().unwrap().unwrap();
        assert_eq!((name.ty(), name.offset(), name.as_str()), (3, 16, Ok("lo")));
        let mtu = attrs.next().unwrap().unwrap();
        assert_eq!((mtu.ty(), mtu.offset(), mtu.as_u32()), (4, 24, Ok(65536)));
        assert!(attrs.next().is_none());
    }

    #[test]
    fn wrong_size_is_an_error_with_numbers() {
        let attr = Attrs::new(RUN).next().unwrap().unwrap();
        assert_eq!(
            attr.as_u32(),
            Err(Error::AttrPayload {
                attr: 3,
                needed: 4,
                len: 3,
                offset: 0
            })
        );
    }

    #[test]
    fn every_truncation_is_an_error_and_ends_the_walk() {
        for cut in 1..RUN.len() {
            let results: heapless_free::Results = Attrs::new(&RUN[..cut]).collect();
            // The last item is an error unless the cut fell exactly between attributes.
            let whole = cut == 7 || cut == 8; // 7: only the padding is missing
            assert_eq!(results.last_is_err, !whole, "cut at {cut}");
            assert!(results.errors <= 1);
        }
    }

    #[test]
    fn short_length_field_is_bad_length() {
        let bytes = [2u8, 0, 1, 0];
        assert_eq!(
            Attrs::new(&bytes).next(),
            Some(Err(Error::BadLength {
                layer: Layer::Attribute,
                len: 2,
                min: 4,
                offset: 0
            }))
        );
    }

    /// Counts without a heap.
    mod heapless_free {
        use super::*;
        #[derive(Default)]
        pub struct Results {
            pub errors: usize,
            pub last_is_err: bool,
        }
        impl<'a> FromIterator<Result<Attr<'a>, Error>> for Results {
            fn from_iter<I: IntoIterator<Item = Result<Attr<'a>, Error>>>(iter: I) -> Self {
                let mut r = Results::default();
                for item in iter {
                    r.last_is_err = item.is_err();
                    r.errors += usize::from(item.is_err());
                }
                r
            }
        }
    }
}
