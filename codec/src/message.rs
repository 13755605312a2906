//! Netlink messages: `struct nlmsghdr` and the datagrams that carry them.
//!
//! A datagram from a netlink socket holds one or more messages, each starting on a 4-byte
//! boundary. [`Messages`] walks them; [`Message`] is one of them, checked so that its length
//! field matches the bytes that are there. [`Message::decode`] turns it into the typed view its
//! type calls for.

use zerocopy::{FromBytes, IntoBytes};

use crate::attr::align4;
use crate::error::{Error, Layer};
use crate::raw::NlMsgHdr;
use crate::view::{View, header_fields};
// The family list names the views by their names at the crate's root.
use crate::*;

/// One netlink message: a checked `struct nlmsghdr` and exactly `nlmsg_len` bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Message<'a> {
    header: &'a NlMsgHdr,
    bytes: &'a [u8],
}

impl<'a> Message<'a> {
    /// Reads the message at the start of `bytes`; bytes after its `nlmsg_len` are ignored.
    ///
    /// Fails when `bytes` is shorter than a header or than `nlmsg_len`, or when `nlmsg_len` is
    /// shorter than the header itself.
    #[inline]
    pub fn parse(bytes: &'a [u8]) -> Result<Self, Error> {
        Self::parse_at(bytes, 0)
    }

    #[inline]
    fn parse_at(bytes: &'a [u8], offset: usize) -> Result<Self, Error> {
        let Ok((header, _)) = NlMsgHdr::ref_from_prefix(bytes) else {
            return Err(Error::Truncated {
                layer: Layer::Message,
                needed: NlMsgHdr::SIZE,
                available: bytes.len(),
                offset,
            });
        };
        let len = usize::try_from(header.nlmsg_len.get()).unwrap_or(usize::MAX);
        if len < NlMsgHdr::SIZE {
            return Err(Error::BadLength {
                layer: Layer::Message,
                len,
                min: NlMsgHdr::SIZE,
                offset,
            });
        }
        match bytes.get(..len) {
            Some(bytes) => Ok(Message { header, bytes }),
            None => Err(Error::Truncated {
                layer: Layer::Message,
                needed: len,
                available: bytes.len(),
                offset,
            }),
        }
    }

    /// The header.
    #[inline]
    pub const fn header(&self) -> &'a NlMsgHdr {
        self.header
    }

    header_fields! {
        /// `nlmsg_type`: `RTM_*` or `NLMSG_*`.
        ty: u16 = nlmsg_type.get(),
        /// `nlmsg_flags`: `NLM_F_*`.
        flags: u16 = nlmsg_flags.get(),
        /// `nlmsg_seq`: the sequence number of the request this answers (0 for events).
        seq: u32 = nlmsg_seq.get(),
        /// `nlmsg_pid`: the sender's port id; 0 when the kernel sent it.
        pid: u32 = nlmsg_pid.get(),
    }

    /// The whole message, header included, `nlmsg_len` bytes.
    #[inline]
    pub const fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The bytes after the header.
    #[inline]
    pub fn payload(&self) -> &'a [u8] {
        self.bytes.get(NlMsgHdr::SIZE..).unwrap_or_default()
    }

    /// Fails with [`Error::WrongType`] unless `nlmsg_type` is in `first..=last`, the types one
    /// view decodes (rtnetlink groups them: `RTM_NEWLINK` to `RTM_SETLINK` are 16 to 19).
    #[inline]
    pub(crate) fn expect_types(&self, first: u16, last: u16) -> Result<(), Error> {
        let found = self.ty();
        if (first..=last).contains(&found) {
            Ok(())
        } else {
            Err(Error::WrongType {
                expected: first,
                found,
            })
        }
    }
}

/// Splits a message's payload into its family header `T` and the attributes after it.
///
/// Returns the header, the attribute bytes and their offset in the message. The attributes
/// start at `NLMSG_ALIGN(sizeof(T))`; every family header here is already a multiple of 4.
#[inline]
pub(crate) fn family_header<'a, T>(message: &Message<'a>) -> Result<(&'a T, &'a [u8], usize), Error>
where
    T: FromBytes + zerocopy::KnownLayout + zerocopy::Immutable,
{
    let payload = message.payload();
    match T::ref_from_prefix(payload) {
        Ok((header, attrs)) => Ok((
            header,
            attrs,
            NlMsgHdr::SIZE.saturating_add(core::mem::size_of::<T>()),
        )),
        Err(_) => Err(Error::Truncated {
            layer: Layer::FamilyHeader,
            needed: core::mem::size_of::<T>(),
            available: payload.len(),
            offset: NlMsgHdr::SIZE,
        }),
    }
}

/// [`Payload`] and [`Message::decode`], with a variant for each row of the family list.
macro_rules! payload {
    ($($(#[$doc:meta])* $variant:ident($view:ident, $dump:ty) in $module:ident
        [$get:path; $new:path, $del:path, $last:path] $(consts $consts:ident)?;)*) => {
        /// A message decoded by its type; see [`Message::decode`].
        #[derive(Clone, Debug)]
        #[non_exhaustive]
        pub enum Payload<'a> {
            /// `NLMSG_NOOP`.
            Noop,
            /// `NLMSG_ERROR`: an error or an acknowledgement.
            Error(ErrorMessage<'a>),
            /// `NLMSG_DONE`: the end of a dump.
            Done(DoneMessage<'a>),
            /// `NLMSG_OVERRUN`.
            Overrun,
            $($(#[$doc])* $variant($view<'a>),)*
            /// Any other type, undecoded.
            Other(Message<'a>),
        }

        impl<'a> Message<'a> {
            /// Decodes the message into the view its type calls for.
            ///
            /// Control messages and every family of the crate's list (links, addresses,
            /// routes, nsids, rules, neighbours) get their views; every other type is
            /// returned as [`Payload::Other`], never as an error.
            ///
            /// Always inlined, so that the view is built where the caller keeps it instead of
            /// being copied out of a call (a fifth of the time on small messages): call it
            /// from one place, in the loop over a datagram, rather than from many.
            #[inline(always)]
            pub fn decode(self) -> Result<Payload<'a>, Error> {
                match self.ty() {
                    nlmsg::NOOP => Ok(Payload::Noop),
                    nlmsg::ERROR => ErrorMessage::parse(self).map(Payload::Error),
                    nlmsg::DONE => DoneMessage::parse(self).map(Payload::Done),
                    nlmsg::OVERRUN => Ok(Payload::Overrun),
                    $(
                        <$view<'a> as View<'a>>::FIRST..=<$view<'a> as View<'a>>::LAST => {
                            $view::parse(self).map(Payload::$variant)
                        }
                    )*
                    _ => Ok(Payload::Other(self)),
                }
            }
        }
    };
}
families!(payload);

/// An iterator over the messages of a datagram, yielding each one or the error that ends it.
///
/// Checks each header against the bytes that are there; after the first error it yields
/// nothing more. Several datagrams concatenated are walked as one, since each ends on a message
/// boundary.
#[derive(Clone, Debug)]
pub struct Messages<'a> {
    /// The whole datagram, for offsets.
    datagram: &'a [u8],
    /// The part not yet walked: always a suffix of `datagram`.
    rest: &'a [u8],
}

impl<'a> Messages<'a> {
    /// The messages in `datagram`.
    #[inline]
    pub const fn new(datagram: &'a [u8]) -> Self {
        Messages {
            datagram,
            rest: datagram,
        }
    }

    /// Where the next message starts, counted from the start of the datagram.
    #[inline]
    pub const fn offset(&self) -> usize {
        self.datagram.len().saturating_sub(self.rest.len())
    }
}

impl<'a> Iterator for Messages<'a> {
    type Item = Result<Message<'a>, Error>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        match Message::parse_at(self.rest, self.offset()) {
            Ok(message) => {
                let advance = align4(message.bytes.len()).min(self.rest.len());
                self.rest = self.rest.get(advance..).unwrap_or_default();
                Some(Ok(message))
            }
            Err(error) => {
                self.rest = &[];
                Some(Err(error))
            }
        }
    }
}

impl core::iter::FusedIterator for Messages<'_> {}

/// One netlink message in a writable buffer: a request built and about to be sent, whose
/// header the sender completes in place (libmnl's callers and iproute2's `rtnl_talk` set
/// `nlmsg_seq`, `nlmsg_pid` and `NLM_F_REQUEST`/`NLM_F_ACK` just before `sendmsg`).
///
/// Made by a checking [`MessageMut::parse`], with the same checks as [`Message::parse`]; the
/// length cannot be changed through it, so the message stays whole and nothing here panics.
#[derive(Debug, PartialEq, Eq)]
pub struct MessageMut<'a> {
    header: &'a mut NlMsgHdr,
    /// The `nlmsg_len - NLMSG_HDRLEN` bytes after the header.
    payload: &'a mut [u8],
}

impl<'a> MessageMut<'a> {
    /// The message at the start of `bytes`; bytes after its `nlmsg_len` are left alone.
    ///
    /// Fails as [`Message::parse`] does: when `bytes` is shorter than a header or than
    /// `nlmsg_len`, or when `nlmsg_len` is shorter than the header itself.
    #[inline]
    pub fn parse(bytes: &'a mut [u8]) -> Result<Self, Error> {
        Self::parse_at(bytes, 0)
    }

    #[inline]
    fn parse_at(bytes: &'a mut [u8], offset: usize) -> Result<Self, Error> {
        let len = Message::parse_at(bytes, offset)?.bytes.len();
        let bytes = bytes.get_mut(..len).unwrap_or_default();
        match NlMsgHdr::mut_from_prefix(bytes) {
            Ok((header, payload)) => Ok(MessageMut { header, payload }),
            // Cannot happen: `Message::parse_at` checked that a header is there.
            Err(_) => Err(Error::Truncated {
                layer: Layer::Message,
                needed: NlMsgHdr::SIZE,
                available: len,
                offset,
            }),
        }
    }

    /// The header.
    #[inline]
    pub fn header(&self) -> &NlMsgHdr {
        self.header
    }

    /// `nlmsg_len`: the length of the whole message, header included.
    #[inline]
    pub fn len(&self) -> usize {
        NlMsgHdr::SIZE.saturating_add(self.payload.len())
    }

    /// Always `false`: a message holds at least its header. (For clippy's `len_without_is_empty`.)
    #[inline]
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Sets `nlmsg_flags` (`NLM_F_*`).
    #[inline]
    pub fn set_flags(&mut self, flags: u16) -> &mut Self {
        self.header.nlmsg_flags.set(flags);
        self
    }

    /// Sets `nlmsg_seq`, the number the kernel echoes in its answers.
    #[inline]
    pub fn set_seq(&mut self, seq: u32) -> &mut Self {
        self.header.nlmsg_seq.set(seq);
        self
    }

    /// Sets `nlmsg_pid`, the sender's port id (0 lets the kernel fill in the socket's own).
    #[inline]
    pub fn set_pid(&mut self, pid: u32) -> &mut Self {
        self.header.nlmsg_pid.set(pid);
        self
    }

    /// The family header at the start of the payload (`NLMSG_DATA`), writable in place: an
    /// `ifaddrmsg` whose `ifa_index` is filled in once the link's index is known, say.
    ///
    /// Fails with [`Error::Truncated`] when the payload is shorter than a `T`.
    #[inline]
    pub fn family_header_mut<T>(&mut self) -> Result<&mut T, Error>
    where
        T: FromBytes + IntoBytes + zerocopy::KnownLayout,
    {
        let available = self.payload.len();
        match T::mut_from_prefix(self.payload) {
            Ok((header, _)) => Ok(header),
            Err(_) => Err(Error::Truncated {
                layer: Layer::FamilyHeader,
                needed: core::mem::size_of::<T>(),
                available,
                offset: NlMsgHdr::SIZE,
            }),
        }
    }
}

/// [`Messages`] over a writable buffer: walks requests written back to back (each starting on
/// a 4-byte boundary, `NLMSG_ALIGN`), yielding each as a [`MessageMut`] or the error that ends
/// the walk; after the first error it yields nothing more.
#[derive(Debug)]
pub struct MessagesMut<'a> {
    /// The part not yet walked.
    rest: &'a mut [u8],
    /// Where `rest` starts in the buffer.
    offset: usize,
}

impl<'a> MessagesMut<'a> {
    /// The messages in `buf`.
    #[inline]
    pub fn new(buf: &'a mut [u8]) -> Self {
        MessagesMut {
            rest: buf,
            offset: 0,
        }
    }

    /// Where the next message starts, counted from the start of the buffer.
    #[inline]
    pub const fn offset(&self) -> usize {
        self.offset
    }
}

impl<'a> Iterator for MessagesMut<'a> {
    type Item = Result<MessageMut<'a>, Error>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let rest = core::mem::take(&mut self.rest);
        if rest.is_empty() {
            return None;
        }
        let len = match Message::parse_at(rest, self.offset) {
            Ok(message) => message.bytes.len(),
            Err(error) => {
                // As `Messages` does: the walk ends, at the end of the buffer.
                self.offset = self.offset.saturating_add(rest.len());
                return Some(Err(error));
            }
        };
        let at = self.offset;
        let advance = align4(len).min(rest.len());
        let (this, after) = rest.split_at_mut_checked(advance)?;
        self.rest = after;
        self.offset = at.saturating_add(advance);
        Some(MessageMut::parse_at(this, at))
    }
}

impl core::iter::FusedIterator for MessagesMut<'_> {}

#[cfg(test)]
mod tests {
    extern crate std;

    use std::vec::Vec;

    use super::*;

    /// An `NLMSG_DONE` (20 bytes) followed by an `NLMSG_NOOP` (16 bytes).
    const TWO: &[u8] = &[
        20, 0, 0, 0, 3, 0, 2, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, //
        16, 0, 0, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0,
    ];

    #[test]
    fn walks_a_datagram() {
        let mut messages = Messages::new(TWO);
        let done = messages.next().unwrap().unwrap();
        assert_eq!(
            (done.ty(), done.flags(), done.seq(), done.payload().len()),
            (3, 2, 7, 4)
        );
        assert_eq!(messages.offset(), 20);
        let noop = messages.next().unwrap().unwrap();
        assert_eq!((noop.ty(), noop.seq()), (1, 8));
        assert!(messages.next().is_none());
    }

    #[test]
    fn every_strict_prefix_fails_with_its_numbers() {
        for cut in 1..TWO.len() {
            let last = Messages::new(&TWO[..cut]).last().unwrap();
            match cut {
                20 => assert!(last.is_ok()),
                1..20 => assert_eq!(
                    last,
                    Err(if cut < 16 {
                        Error::Truncated {
                            layer: Layer::Message,
                            needed: 16,
                            available: cut,
                            offset: 0,
                        }
                    } else {
                        Error::Truncated {
                            layer: Layer::Message,
                            needed: 20,
                            available: cut,
                            offset: 0,
                        }
                    })
                ),
                _ => assert_eq!(
                    last,
                    Err(Error::Truncated {
                        layer: Layer::Message,
                        needed: 16,
                        available: cut - 20,
                        offset: 20
                    })
                ),
            }
        }
    }

    /// The error for a message whose `nlmsg_len`, 15, is below the header's 16 bytes.
    const LENGTH_15: Error = Error::BadLength {
        layer: Layer::Message,
        len: 15,
        min: 16,
        offset: 0,
    };

    #[test]
    fn length_below_header_is_bad_length() {
        let mut bytes = [0u8; 16];
        bytes[0] = 15;
        assert_eq!(Message::parse(&bytes), Err(LENGTH_15));
    }

    #[test]
    fn message_mut_checks_as_parse_does() {
        for cut in 0..=TWO.len() {
            let mut bytes = TWO[..cut].to_vec();
            let expected = Message::parse(&TWO[..cut]).map(|m| m.bytes().len());
            let got = MessageMut::parse(&mut bytes).map(|m| m.len());
            assert_eq!(got, expected, "cut {cut}");
        }
        let mut bytes = [0u8; 16];
        bytes[0] = 15;
        assert_eq!(
            MessageMut::parse(&mut bytes).map(|m| m.len()),
            Err(LENGTH_15)
        );
    }

    #[test]
    fn message_mut_writes_its_header_fields_and_nothing_else() {
        // A 20-byte message in a buffer of 0xa5: an unwritten byte shows.
        let mut bytes = [0xa5u8; 28];
        bytes[..4].copy_from_slice(&20u32.to_ne_bytes());
        let mut message = MessageMut::parse(&mut bytes).unwrap();
        assert_eq!(message.len(), 20);
        message.set_flags(0x0305).set_seq(0x0102_0304).set_pid(7);
        let family = message.family_header_mut::<[u8; 4]>().unwrap();
        *family = [1, 2, 3, 4];
        assert_eq!(
            message.family_header_mut::<[u8; 8]>(),
            Err(Error::Truncated {
                layer: Layer::FamilyHeader,
                needed: 8,
                available: 4,
                offset: 16
            })
        );
        let read = Message::parse(&bytes).unwrap();
        assert_eq!(
            (read.ty(), read.flags(), read.seq(), read.pid()),
            (0xa5a5, 0x0305, 0x0102_0304, 7)
        );
        assert_eq!(read.payload(), [1, 2, 3, 4]);
        assert_eq!(bytes[20..], [0xa5; 8]);
    }

    #[test]
    fn messages_mut_walks_as_messages_does() {
        // Both messages, then every strict prefix: the same lengths, offsets and errors.
        for cut in 0..=TWO.len() {
            let mut bytes = TWO[..cut].to_vec();
            let mut walk = Messages::new(&TWO[..cut]);
            let mut walk_mut = MessagesMut::new(&mut bytes);
            loop {
                assert_eq!(walk_mut.offset(), walk.offset(), "cut {cut}");
                let (expected, got) = (walk.next(), walk_mut.next());
                assert_eq!(
                    got.map(|m| m.map(|m| m.len())),
                    expected.map(|m| m.map(|m| m.bytes().len())),
                    "cut {cut}"
                );
                if expected.is_none() {
                    break;
                }
            }
            assert!(walk_mut.next().is_none());
        }
        // Stamping through the walk reaches every message.
        let mut bytes = TWO.to_vec();
        for (seq, message) in (100..).zip(MessagesMut::new(&mut bytes)) {
            message.unwrap().set_seq(seq);
        }
        let seqs: Vec<u32> = Messages::new(&bytes).map(|m| m.unwrap().seq()).collect();
        assert_eq!(seqs, [100, 101]);
    }

    #[test]
    fn unknown_types_are_yielded_not_rejected() {
        let mut bytes = [0u8; 16];
        bytes[0] = 16;
        bytes[4] = 0xff;
        let message = Message::parse(&bytes).unwrap();
        assert!(matches!(message.decode(), Ok(Payload::Other(m)) if m.ty() == 0xff));
    }
}
