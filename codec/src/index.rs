//! The per-family attribute index: a run of attributes checked against a policy and recorded
//! by type in one pass, as the kernel's `nla_parse()` fills `tb[]`, so that a typed view's
//! accessors are table lookups.
//!
//! Private machinery behind the views ([`LinkMessage`](crate::LinkMessage) and its kin): a
//! policy is a table of [`Rule`]s built by [`policy`] from [`Len`]s, and an [`AttrIndex`]
//! records each type's place in a [`Slot`] of one of three layouts.

use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::attr::{Attr, Attrs, align4, ip_prefix, split_attr, until_nul};
use crate::error::{Error, Layer};
use crate::nla;
use crate::raw::NlAttr;

/// `nla_type` with the flag bits masked off: the index's path for types it does not hold as
/// sent, out of line so that the common path stays a compare.
#[cold]
#[inline(never)]
fn without_flags(raw: usize) -> usize {
    raw & usize::from(nla::TYPE_MASK)
}

/// What a known attribute's payload must look like, checked once when a view is made (the
/// kernel's `struct nla_policy`, reduced to what decoding needs). Policies are written with
/// this and stored as [`Rule`]s by [`policy`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Len {
    /// At least this many bytes; readers use the first ones (`NLA_U32` etc.).
    Min(u8),
    /// An IP address: at least 4 bytes, as the kernel's own policies ask (`NLA_U32` for IPv4,
    /// `.len = 16` for IPv6: minimums). Read like `nla_get_in6_addr()`/`nla_get_in_addr()`
    /// read it: the first 16 bytes from 16 up, else the first 4.
    Addr,
}

impl Len {
    /// At least `size_of::<T>()` bytes: a struct payload read with `read_from_prefix`.
    #[allow(clippy::cast_possible_truncation)] // checked by the assertion, at compile time
    pub(crate) const fn of<T>() -> Len {
        let size = core::mem::size_of::<T>();
        assert!(size <= u8::MAX as usize);
        Len::Min(size as u8)
    }
}

/// A [`Len`] in one byte, the least payload length that passes, so that the check is one
/// comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Rule(u8);

impl Rule {
    /// Encodes `len`; evaluated in `const` items only.
    const fn new(len: Len) -> Rule {
        match len {
            Len::Min(min) => Rule(min),
            Len::Addr => Rule(4),
        }
    }

    /// Whether a payload of `len` bytes passes.
    #[inline(always)]
    fn allows(self, len: usize) -> bool {
        len >= usize::from(self.0)
    }

    /// The error for `attr` if it does not pass.
    fn check(self, attr: &Attr<'_>) -> Result<(), Error> {
        if self.allows(attr.payload().len()) {
            Ok(())
        } else {
            Err(attr.payload_error(usize::from(self.0)))
        }
    }
}

/// The number of index slots for a family whose highest type is `max`.
pub(crate) const fn slots(max: u16) -> usize {
    (max as usize).saturating_add(1)
}

/// Builds a policy table: `policy::<N>(&[(TYPE, Len), ...])`; every other type may have any
/// payload (strings, raw bytes, nests checked by their own view).
///
/// Only evaluated in `const` items, so an out-of-range type is a compile error, never a panic.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
pub(crate) const fn policy<const N: usize>(entries: &[(u16, Len)]) -> [Rule; N] {
    let mut table = [Rule(0); N];
    let mut i = 0;
    while i < entries.len() {
        let (ty, len) = entries[i];
        table[ty as usize] = Rule::new(len);
        i += 1;
    }
    table
}

/// How an [`AttrIndex`] slot records where an attribute is.
///
/// Three layouts, because the trade differs by family: [`Slice`] keeps the payload itself, so a
/// read is a load, at 16 bytes a slot; [`Span`] keeps the payload's bounds in 4 bytes, so a
/// read is one range check; [`Pos`] keeps where the header starts in 2 bytes, so the index is
/// small and cheap to fill, and a read looks at the header again. Families with few types and
/// several reads per message (addresses) use slices, routes use spans, and links, with 70
/// types and 40-odd attributes per message, use positions.
pub(crate) trait Slot<'a>: Copy + Eq + core::fmt::Debug {
    /// The type is not in the run.
    const ABSENT: Self;
    /// The type is in a run of 64 KiB or more, which the kernel does not send: walk to it.
    const FAR: Self;

    /// The slot of the attribute whose header starts at `pos` in `run` and whose `nla_len`
    /// is `len`, where `pos + len` is at most `u16::MAX`.
    fn record(run: &'a [u8], pos: u16, len: u16) -> Self;

    /// The slot of an attribute in a run of 64 KiB or more (`pos` and `len` as in `record`).
    #[inline(always)]
    fn record_long(_run: &'a [u8], _pos: usize, _len: usize) -> Self {
        Self::FAR
    }

    /// Whether this slot recorded an attribute (it is neither `ABSENT` nor `FAR`).
    fn is_recorded(self) -> bool;

    /// The payload of the recorded attribute, from the run it was recorded in.
    fn payload(self, run: &'a [u8]) -> Option<&'a [u8]>;

    /// Where the recorded attribute's header starts in `run`.
    fn header(self, run: &'a [u8]) -> Option<usize>;
}

/// A [`Slot`] holding the payload itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Slice<'a>(Option<&'a [u8]>);

impl<'a> Slot<'a> for Slice<'a> {
    const ABSENT: Self = Slice(None);
    /// Never made: a slice records attributes at any offset.
    const FAR: Self = Slice(None);

    #[inline(always)]
    fn record(run: &'a [u8], pos: u16, len: u16) -> Self {
        Self::record_long(run, usize::from(pos), usize::from(len))
    }

    #[inline(always)]
    fn record_long(run: &'a [u8], pos: usize, len: usize) -> Self {
        // The walk checked `4 <= len <= run.len() - pos`: neither end wraps.
        Slice(run.get(pos.wrapping_add(NlAttr::SIZE)..pos.wrapping_add(len)))
    }

    #[inline(always)]
    fn is_recorded(self) -> bool {
        self.0.is_some()
    }

    #[inline(always)]
    fn payload(self, _run: &'a [u8]) -> Option<&'a [u8]> {
        self.0
    }

    #[inline(always)]
    fn header(self, run: &'a [u8]) -> Option<usize> {
        // How far into `run` the payload starts, from the two addresses: both are in `run`.
        let start = self.0?.as_ptr().addr().checked_sub(run.as_ptr().addr())?;
        start.checked_sub(NlAttr::SIZE)
    }
}

/// A [`Slot`] holding the payload's bounds, `start..end`. A recorded payload ends after its
/// 4-byte header, so `end == 0` marks the two other cases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    start: u16,
    end: u16,
}

impl<'a> Slot<'a> for Span {
    const ABSENT: Span = Span { start: 0, end: 0 };
    const FAR: Span = Span {
        start: u16::MAX,
        end: 0,
    };

    #[inline(always)]
    fn record(_run: &'a [u8], pos: u16, len: u16) -> Span {
        // `4 <= len` and `pos + len <= u16::MAX`: neither wraps.
        Span {
            start: pos.wrapping_add(4),
            end: pos.wrapping_add(len),
        }
    }

    #[inline(always)]
    fn is_recorded(self) -> bool {
        self.end != 0
    }

    #[inline(always)]
    fn payload(self, run: &'a [u8]) -> Option<&'a [u8]> {
        run.get(usize::from(self.start)..usize::from(self.end))
    }

    #[inline(always)]
    fn header(self, _run: &'a [u8]) -> Option<usize> {
        usize::from(self.start).checked_sub(NlAttr::SIZE)
    }
}

/// A [`Slot`] holding where the header starts; the two top values mark the other cases (a
/// header in a run of at most `u16::MAX` bytes starts at least 4 bytes before its end).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pos(u16);

impl<'a> Slot<'a> for Pos {
    const ABSENT: Pos = Pos(u16::MAX);
    const FAR: Pos = Pos(u16::MAX - 1);

    #[inline(always)]
    fn record(_run: &'a [u8], pos: u16, _len: u16) -> Pos {
        Pos(pos)
    }

    #[inline(always)]
    fn is_recorded(self) -> bool {
        self.0 < Pos::FAR.0
    }

    #[inline(always)]
    fn payload(self, run: &'a [u8]) -> Option<&'a [u8]> {
        let pos = usize::from(self.0);
        let len = u16::from_ne_bytes(*run.get(pos..)?.first_chunk()?);
        // `pos` is below `u16::MAX`: neither end wraps; a `len` below 4 reads nothing.
        run.get(pos.wrapping_add(NlAttr::SIZE)..pos.wrapping_add(usize::from(len)))
    }

    #[inline(always)]
    fn header(self, _run: &'a [u8]) -> Option<usize> {
        Some(usize::from(self.0))
    }
}

/// A checked run of attributes with each type below `N` recorded in one pass, like the
/// kernel's `nla_parse()` into `tb[]`: afterwards, a typed read is a table lookup.
///
/// When a type occurs more than once the last one is recorded, as the kernel does. [`Span`] and
/// [`Pos`] slots hold 16-bit offsets, which keeps the views small; with them, in a run of
/// 64 KiB or more, which the kernel does not send, every attribute is found by a walk instead.
/// [`Slice`] slots hold the payload itself, at any offset.
#[derive(Clone, Debug)]
pub(crate) struct AttrIndex<'a, const N: usize, S: Slot<'a> = Span> {
    bytes: &'a [u8],
    base: usize,
    /// The last attribute of each type.
    slots: [S; N],
}

impl<'a, const N: usize, S: Slot<'a>> AttrIndex<'a, N, S> {
    /// An index of no attributes.
    pub(crate) const EMPTY: Self = AttrIndex {
        bytes: &[],
        base: 0,
        slots: [S::ABSENT; N],
    };

    /// Walks `bytes` (which start `base` bytes into their message), checks every header and
    /// every known payload against `policy`, and records where each type is.
    #[inline(always)]
    pub(crate) fn parse(bytes: &'a [u8], base: usize, policy: &[Rule; N]) -> Result<Self, Error> {
        let mut slots = [S::ABSENT; N];
        if bytes.len() <= usize::from(u16::MAX) {
            walk::<S, false>(bytes, base, policy, &mut slots)?;
        } else {
            walk_long(bytes, base, policy, &mut slots)?;
        }
        Ok(AttrIndex { bytes, base, slots })
    }

    /// All the attributes, in order.
    #[inline]
    pub(crate) fn iter(&self) -> Attrs<'a> {
        Attrs::with_offset(self.bytes, self.base)
    }

    /// The last attribute of type `ty`, found by walking (the same for every `N` and slot
    /// layout, so compiled once: [`walk_to`]).
    #[inline]
    fn walk_to(&self, ty: u16) -> Option<Attr<'a>> {
        walk_to(self.bytes, self.base, ty)
    }

    /// The attribute of type `ty`; a table lookup for types below `N`, a walk otherwise.
    #[inline]
    pub(crate) fn get(&self, ty: u16) -> Option<Attr<'a>> {
        match self.slots.get(usize::from(ty)) {
            Some(&slot) if slot.is_recorded() => {
                let pos = slot.header(self.bytes)?;
                split_attr(self.bytes.get(pos..)?, self.base.saturating_add(pos))
                    .ok()
                    .map(|(attr, _)| attr)
            }
            Some(&slot) if slot == S::ABSENT => None,
            _ => self.walk_to(ty),
        }
    }

    /// The payload of `ty`: a lookup, and a range `parse` already checked.
    #[inline]
    pub(crate) fn bytes(&self, ty: u16) -> Option<&'a [u8]> {
        match self.slots.get(usize::from(ty)) {
            Some(&slot) if slot.is_recorded() => slot.payload(self.bytes),
            Some(&slot) if slot == S::ABSENT => None,
            _ => self.walk_to(ty).map(|attr| attr.payload()),
        }
    }

    #[inline]
    fn chunk<const K: usize>(&self, ty: u16) -> Option<[u8; K]> {
        self.bytes(ty)?.first_chunk::<K>().copied()
    }

    /// The first byte of `ty`'s payload.
    #[inline]
    pub(crate) fn u8(&self, ty: u16) -> Option<u8> {
        self.chunk(ty).map(u8::from_ne_bytes)
    }

    /// The native-endian `u16` at the start of `ty`'s payload.
    #[inline]
    pub(crate) fn u16(&self, ty: u16) -> Option<u16> {
        self.chunk(ty).map(u16::from_ne_bytes)
    }

    /// The big-endian `u16` at the start of `ty`'s payload.
    #[inline]
    pub(crate) fn be16(&self, ty: u16) -> Option<u16> {
        self.chunk(ty).map(u16::from_be_bytes)
    }

    /// The native-endian `u32` at the start of `ty`'s payload.
    #[inline]
    pub(crate) fn u32(&self, ty: u16) -> Option<u32> {
        self.chunk(ty).map(u32::from_ne_bytes)
    }

    /// The native-endian `i32` at the start of `ty`'s payload.
    #[inline]
    pub(crate) fn i32(&self, ty: u16) -> Option<i32> {
        self.chunk(ty).map(i32::from_ne_bytes)
    }

    /// The native-endian `u64` at the start of `ty`'s payload.
    #[inline]
    pub(crate) fn u64(&self, ty: u16) -> Option<u64> {
        self.chunk(ty).map(u64::from_ne_bytes)
    }

    /// `ty`'s payload up to its NUL, if that is UTF-8.
    #[inline]
    pub(crate) fn str(&self, ty: u16) -> Option<&'a str> {
        core::str::from_utf8(self.str_bytes(ty)?).ok()
    }

    /// `ty`'s payload up to its NUL.
    #[inline]
    pub(crate) fn str_bytes(&self, ty: u16) -> Option<&'a [u8]> {
        self.bytes(ty).map(until_nul)
    }

    /// `ty`'s payload as an IP address ([`Len::Addr`]: the first 16 bytes from 16 up, else the
    /// first 4).
    #[inline]
    pub(crate) fn ip(&self, ty: u16) -> Option<IpAddr> {
        ip_prefix(self.bytes(ty)?)
    }

    /// The IPv4 address in the first 4 bytes of `ty`'s payload, as the kernel's
    /// `nla_get_in_addr()` reads it.
    #[inline]
    pub(crate) fn ipv4(&self, ty: u16) -> Option<Ipv4Addr> {
        self.chunk::<4>(ty).map(Ipv4Addr::from)
    }

    /// The IPv6 address in the first 16 bytes of `ty`'s payload (`nla_get_in6_addr()`).
    #[inline]
    pub(crate) fn ipv6(&self, ty: u16) -> Option<Ipv6Addr> {
        self.chunk::<16>(ty).map(Ipv6Addr::from)
    }
}

/// The last attribute of type `ty` in `bytes` (which start `base` bytes into their message),
/// found by walking: [`AttrIndex`]'s path for types beyond its table.
fn walk_to(bytes: &[u8], base: usize, ty: u16) -> Option<Attr<'_>> {
    Attrs::with_offset(bytes, base)
        .map_while(Result::ok)
        .filter(|a| a.ty() == ty)
        .last()
}

/// [`walk`] for a run of 64 KiB or more, out of line.
#[inline(never)]
#[cold]
fn walk_long<'a, S: Slot<'a>>(
    bytes: &'a [u8],
    base: usize,
    policy: &[Rule],
    slots: &mut [S],
) -> Result<(), Error> {
    walk::<S, true>(bytes, base, policy, slots)
}

/// The loop of [`AttrIndex::parse`], over its table as slices (`policy` and `slots` are as long
/// as each other; inlined into `parse`, their length is its constant `N`). When `LONG` is
/// false, `bytes` is at most `u16::MAX` long, so every attribute fits its slot.
#[inline(always)]
fn walk<'a, S: Slot<'a>, const LONG: bool>(
    bytes: &'a [u8],
    base: usize,
    policy: &[Rule],
    slots: &mut [S],
) -> Result<(), Error> {
    let total = bytes.len();
    let mut pos = 0usize;
    // `pos` stays at most `total + 3`, so `pos + 4` does not wrap.
    while let Some(&[l0, l1, t0, t1]) = bytes
        .get(pos..pos.wrapping_add(NlAttr::SIZE))
        .and_then(|header| <&[u8; 4]>::try_from(header).ok())
    {
        let len16 = u16::from_ne_bytes([l0, l1]);
        let len = usize::from(len16);
        // `pos + len` does not wrap: `len` is at most `u16::MAX`.
        if len < NlAttr::SIZE || pos.wrapping_add(len) > total {
            return Err(error_at(bytes, base, pos, policy));
        }
        // Flag bits (`NLA_F_NESTED`, `NLA_F_NET_BYTEORDER`) put a type far above every
        // table, so a type that indexes the table as sent has none, and only the others
        // are masked.
        let raw = usize::from(u16::from_ne_bytes([t0, t1]));
        let ty = if raw < slots.len() {
            raw
        } else {
            without_flags(raw)
        };
        if let (Some(slot), Some(rule)) = (slots.get_mut(ty), policy.get(ty)) {
            if !rule.allows(len.wrapping_sub(NlAttr::SIZE)) {
                return Err(error_at(bytes, base, pos, policy));
            }
            // `len <= total - pos`, so `pos + len` does not wrap, and fits 16 bits when the
            // run does.
            *slot = match (u16::try_from(pos), u16::try_from(pos.wrapping_add(len))) {
                (Ok(pos), Ok(_)) if !LONG => S::record(bytes, pos, len16),
                _ => S::record_long(bytes, pos, len),
            };
        }
        // `len` is at most `u16::MAX` and `pos` below `total`: no wrap.
        pos = pos.wrapping_add(align4(len));
    }
    // Fewer than 4 bytes left: a truncated header, unless it is the end of the run (the
    // last attribute may end without its padding, which puts `pos` past it).
    if pos < total {
        return Err(error_at(bytes, base, pos, policy));
    }
    Ok(())
}

/// The error the walk stopped on at `pos`, found again by the general reader, off the hot
/// path (one function for every table size).
#[cold]
#[inline(never)]
fn error_at(bytes: &[u8], base: usize, pos: usize, policy: &[Rule]) -> Error {
    let offset = base.saturating_add(pos);
    let found = match split_attr(bytes.get(pos..).unwrap_or_default(), offset) {
        Err(error) => Some(error),
        Ok((attr, _)) => policy
            .get(usize::from(attr.ty()))
            .and_then(|rule| rule.check(&attr).err()),
    };
    // The walk only stops where one of the two fails.
    found.unwrap_or(Error::BadLength {
        layer: Layer::Attribute,
        len: 0,
        min: NlAttr::SIZE,
        offset,
    })
}

/// The two raw readers of a view that keeps an [`AttrIndex`] in its field `attrs` (a family's
/// view, a nest's): `attr`, the attribute of one type, and `attrs`, every attribute in order;
/// `$names` names the types in the docs (`"`IFLA_*`"`).
macro_rules! raw_attrs {
    ($($names:literal)?) => {
        #[doc = concat!("The attribute of type `ty`", $(" (", $names, ")",)? ", raw; for what has no typed accessor.")]
        #[inline]
        pub fn attr(&self, ty: u16) -> Option<$crate::attr::Attr<'a>> {
            self.attrs.get(ty)
        }

        /// Every attribute in order (of this level: a nest's attributes stay inside it), known
        /// or not.
        #[inline]
        pub fn attrs(&self) -> $crate::attr::Attrs<'a> {
            self.attrs.iter()
        }
    };
}
// Imported by path (`use crate::index::raw_attrs`), so the views need not follow the macro.
pub(crate) use raw_attrs;

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use crate::attr::tests::RUN;

    #[test]
    fn index_finds_last_of_each_type_and_checks_policy() {
        const POLICY: [Rule; 5] = policy(&[(4, Len::Min(4))]);
        const STRICT: [Rule; 5] = policy(&[(3, Len::Min(4))]);
        fn check<S: Slot<'static>>() {
            let index = AttrIndex::<5, S>::parse(RUN, 16, &POLICY).unwrap();
            assert_eq!(index.str(3), Some("lo"));
            assert_eq!(index.u32(4), Some(65536));
            assert_eq!(index.get(4).unwrap().offset(), 24);
            assert!(index.get(2).is_none());
            assert!(index.bytes(2).is_none());
            assert_eq!(
                AttrIndex::<5, S>::parse(RUN, 16, &STRICT).unwrap_err(),
                Error::AttrPayload {
                    attr: 3,
                    needed: 4,
                    len: 3,
                    offset: 16
                }
            );
            // A repeated type: the last one counts, as in the kernel's `nla_parse()`.
            const TWICE: &[u8] = &[
                7, 0, 3, 0, b'l', b'o', 0, 0, //
                8, 0, 4, 0, 0, 0, 1, 0, //
                8, 0, 4, 0, 9, 0, 0, 0,
            ];
            let index = AttrIndex::<5, S>::parse(TWICE, 0, &POLICY).unwrap();
            assert_eq!(index.u32(4), Some(9));
            assert_eq!(index.get(4).unwrap().offset(), 16);
        }
        check::<Slice<'static>>();
        check::<Span>();
        check::<Pos>();
    }

    #[test]
    fn address_rule_takes_4_bytes_or_more_and_reads_a_prefix() {
        const POLICY: [Rule; 2] = policy(&[(1, Len::Addr)]);
        for len in 0u8..=20 {
            let mut run = std::vec![len + 4, 0, 1, 0];
            run.extend((0..len).map(|b| b + 1));
            let parsed = AttrIndex::<2>::parse(&run, 0, &POLICY);
            assert_eq!(parsed.is_ok(), len >= 4, "payload of {len} bytes");
            let expected = match len {
                16.. => Some(IpAddr::from(core::array::from_fn::<u8, 16, _>(|i| {
                    i as u8 + 1
                }))),
                4.. => Some(IpAddr::from([1, 2, 3, 4])),
                _ => None,
            };
            assert_eq!(parsed.ok().and_then(|index| index.ip(1)), expected);
        }
    }

    #[test]
    fn attributes_past_64_kib_are_found_by_a_walk() {
        // Two 40,000-byte attributes push type 7 past what a 16-bit slot can hold.
        let mut run = std::vec::Vec::new();
        for ty in [1u16, 2] {
            run.extend_from_slice(&40_004u16.to_ne_bytes());
            run.extend_from_slice(&ty.to_ne_bytes());
            run.resize(run.len() + 40_000, 0);
        }
        run.extend_from_slice(&[8, 0, 7, 0, 1, 2, 3, 4]);
        const POLICY: [Rule; 8] = policy(&[(7, Len::Min(4))]);
        fn check<'r, S: Slot<'r>>(run: &'r [u8]) {
            let index = AttrIndex::<8, S>::parse(run, 0, &POLICY).unwrap();
            assert_eq!(index.bytes(7), Some(&[1u8, 2, 3, 4][..]));
            assert_eq!(index.get(7).unwrap().offset(), 80_008);
            assert_eq!(index.bytes(2).map(<[u8]>::len), Some(40_000));
            assert_eq!(index.bytes(5), None);
        }
        check::<Slice<'_>>(&run);
        check::<Span>(&run);
        check::<Pos>(&run);
    }
}
