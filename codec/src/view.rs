//! What every typed view of an rtnetlink family has in common: [`View`] (its message types
//! and its checking parse) and [`Dump`] (a dump request and the view its replies parse into).
//!
//! Generic code is written once over these traits instead of once per family: a dump loop
//! that parses each reply, [`Message::decode`](crate::Message::decode), an event loop that
//! tells new from deleted objects. The families are [`LinkMessage`], [`AddressMessage`],
//! [`RouteMessage`], [`NsidMessage`], [`RuleMessage`] and [`NeighbourMessage`], asked for
//! with [`LinkDump`], [`AddressDump`], [`RouteDump`], [`NsidDump`], [`RuleDump`] and
//! [`NeighbourDump`].
//!
//! ```
//! use rtnl_codec::{Dump, Messages, View};
//!
//! /// Counts the objects of a dump reply, whatever the family `D` asks for.
//! fn count<D: Dump>(datagram: &[u8]) -> Result<usize, rtnl_codec::Error> {
//!     let mut n = 0;
//!     for message in Messages::new(datagram) {
//!         let message = message?;
//!         if message.ty() == <D::Reply<'_> as View<'_>>::NEW {
//!             D::Reply::parse(message)?;
//!             n += 1;
//!         }
//!     }
//!     Ok(n)
//! }
//! # assert_eq!(count::<rtnl_codec::request::LinkDump<'static>>(&[]), Ok(0));
//! ```

use crate::builder::MessageBuilder;
use crate::error::Error;
use crate::message::Message;
use crate::request::{self, AddressDump, LinkDump, NeighbourDump, NsidDump, RouteDump, RuleDump};
use crate::{
    AddressMessage, LinkMessage, NeighbourMessage, NsidMessage, RouteMessage, RuleMessage, rtm,
};

/// A typed view of one rtnetlink family's messages (`struct ifinfomsg`, `ifaddrmsg`, `rtmsg`,
/// `rtgenmsg` and their attributes).
///
/// rtnetlink numbers each family's message types in a block of four (`RTM_NEWLINK`,
/// `RTM_DELLINK`, `RTM_GETLINK`, `RTM_SETLINK` are 16 to 19): [`View::FIRST`] to
/// [`View::LAST`] are the ones the view decodes.
pub trait View<'a>: Sized {
    /// The first message type of the family, its `RTM_NEW*`: what the kernel answers a dump or
    /// a get with, and announces a new or changed object with.
    const NEW: u16;
    /// `RTM_DEL*`: what the kernel announces a removed object with.
    const DEL: u16;
    /// The first message type this view decodes (= [`View::NEW`]).
    const FIRST: u16 = Self::NEW;
    /// The last message type this view decodes (`RTM_SETLINK`, `RTM_GETADDR`, ...).
    const LAST: u16;

    /// Checks `message` is a well-formed message of the family and indexes it; after that no
    /// accessor fails.
    ///
    /// # Errors
    /// [`Error::WrongType`] for a type outside [`View::FIRST`]..=[`View::LAST`]; the
    /// family's own errors for a malformed header or attribute.
    fn parse(message: Message<'a>) -> Result<Self, Error>;

    /// The message the view was made from.
    fn message(&self) -> Message<'a>;
}

/// A dump request of one family (`NLM_F_DUMP`), with the view its replies parse into.
pub trait Dump {
    /// The view of the kernel's replies (`RTM_NEW*` messages).
    type Reply<'a>: View<'a>;

    /// Writes the request into `buf` with sequence number `seq`; more attributes may be
    /// appended to the returned builder.
    ///
    /// # Errors
    /// [`Error::BufferFull`] when `buf` is too small; the family's errors for a filter value
    /// the kernel would refuse.
    fn write<'b>(&self, buf: &'b mut [u8], seq: u32) -> Result<MessageBuilder<'b>, Error>;
}

impl<'a> View<'a> for LinkMessage<'a> {
    const NEW: u16 = rtm::NEWLINK;
    const DEL: u16 = rtm::DELLINK;
    const LAST: u16 = rtm::SETLINK;

    #[inline(always)]
    fn parse(message: Message<'a>) -> Result<Self, Error> {
        LinkMessage::parse(message)
    }

    #[inline]
    fn message(&self) -> Message<'a> {
        LinkMessage::message(self)
    }
}

impl<'a> View<'a> for AddressMessage<'a> {
    const NEW: u16 = rtm::NEWADDR;
    const DEL: u16 = rtm::DELADDR;
    const LAST: u16 = rtm::GETADDR;

    #[inline(always)]
    fn parse(message: Message<'a>) -> Result<Self, Error> {
        AddressMessage::parse(message)
    }

    #[inline]
    fn message(&self) -> Message<'a> {
        AddressMessage::message(self)
    }
}

impl<'a> View<'a> for RouteMessage<'a> {
    const NEW: u16 = rtm::NEWROUTE;
    const DEL: u16 = rtm::DELROUTE;
    const LAST: u16 = rtm::GETROUTE;

    #[inline(always)]
    fn parse(message: Message<'a>) -> Result<Self, Error> {
        RouteMessage::parse(message)
    }

    #[inline]
    fn message(&self) -> Message<'a> {
        RouteMessage::message(self)
    }
}

impl<'a> View<'a> for NsidMessage<'a> {
    const NEW: u16 = rtm::NEWNSID;
    const DEL: u16 = rtm::DELNSID;
    const LAST: u16 = rtm::GETNSID;

    #[inline(always)]
    fn parse(message: Message<'a>) -> Result<Self, Error> {
        NsidMessage::parse(message)
    }

    #[inline]
    fn message(&self) -> Message<'a> {
        NsidMessage::message(self)
    }
}

impl<'a> View<'a> for RuleMessage<'a> {
    const NEW: u16 = rtm::NEWRULE;
    const DEL: u16 = rtm::DELRULE;
    const LAST: u16 = rtm::GETRULE;

    #[inline(always)]
    fn parse(message: Message<'a>) -> Result<Self, Error> {
        RuleMessage::parse(message)
    }

    #[inline]
    fn message(&self) -> Message<'a> {
        RuleMessage::message(self)
    }
}

impl<'a> View<'a> for NeighbourMessage<'a> {
    const NEW: u16 = rtm::NEWNEIGH;
    const DEL: u16 = rtm::DELNEIGH;
    const LAST: u16 = rtm::GETNEIGH;

    #[inline(always)]
    fn parse(message: Message<'a>) -> Result<Self, Error> {
        NeighbourMessage::parse(message)
    }

    #[inline]
    fn message(&self) -> Message<'a> {
        NeighbourMessage::message(self)
    }
}

impl Dump for RuleDump {
    type Reply<'a> = RuleMessage<'a>;

    fn write<'b>(&self, buf: &'b mut [u8], seq: u32) -> Result<MessageBuilder<'b>, Error> {
        request::rule_dump(buf, seq, self)
    }
}

impl Dump for LinkDump<'_> {
    type Reply<'a> = LinkMessage<'a>;

    fn write<'b>(&self, buf: &'b mut [u8], seq: u32) -> Result<MessageBuilder<'b>, Error> {
        request::link_dump(buf, seq, self)
    }
}

impl Dump for AddressDump {
    type Reply<'a> = AddressMessage<'a>;

    fn write<'b>(&self, buf: &'b mut [u8], seq: u32) -> Result<MessageBuilder<'b>, Error> {
        request::addr_dump(buf, seq, self)
    }
}

impl Dump for RouteDump {
    type Reply<'a> = RouteMessage<'a>;

    fn write<'b>(&self, buf: &'b mut [u8], seq: u32) -> Result<MessageBuilder<'b>, Error> {
        request::route_dump(buf, seq, self)
    }
}

impl Dump for NsidDump {
    type Reply<'a> = NsidMessage<'a>;

    fn write<'b>(&self, buf: &'b mut [u8], seq: u32) -> Result<MessageBuilder<'b>, Error> {
        let mut b = request::nsid_dump(buf, seq)?;
        if let Some(target) = self.target_nsid {
            b.put_i32(crate::netnsa::TARGET_NSID, target)?;
        }
        Ok(b)
    }
}

impl Dump for NeighbourDump {
    type Reply<'a> = NeighbourMessage<'a>;

    fn write<'b>(&self, buf: &'b mut [u8], seq: u32) -> Result<MessageBuilder<'b>, Error> {
        request::neigh_dump(buf, seq, self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlm_f;

    /// The request a dump writes and the range of its reply view, for one family.
    fn check<D: Dump>(dump: &D, get: u16, new: u16, last: u16) {
        let mut buf = [0u8; 64];
        let len = dump.write(&mut buf, 7).unwrap().len();
        let m = Message::parse(&buf[..len]).unwrap();
        assert_eq!((m.ty(), m.seq()), (get, 7));
        assert_eq!(m.flags() & nlm_f::DUMP, nlm_f::DUMP);
        assert_eq!(<D::Reply<'_> as View<'_>>::NEW, new);
        assert_eq!(<D::Reply<'_> as View<'_>>::FIRST, new);
        assert_eq!(<D::Reply<'_> as View<'_>>::DEL, new + 1);
        assert_eq!(<D::Reply<'_> as View<'_>>::LAST, last);
        // The GET type is in the family's block, so the reply view reads the request too.
        assert!(D::Reply::parse(m).is_ok());
    }

    #[test]
    fn each_family_knows_its_types_and_request() {
        check(
            &LinkDump::default(),
            rtm::GETLINK,
            rtm::NEWLINK,
            rtm::SETLINK,
        );
        check(
            &AddressDump::default(),
            rtm::GETADDR,
            rtm::NEWADDR,
            rtm::GETADDR,
        );
        check(
            &RouteDump::default(),
            rtm::GETROUTE,
            rtm::NEWROUTE,
            rtm::GETROUTE,
        );
        check(
            &NsidDump::default(),
            rtm::GETNSID,
            rtm::NEWNSID,
            rtm::GETNSID,
        );
        check(
            &RuleDump::default(),
            rtm::GETRULE,
            rtm::NEWRULE,
            rtm::GETRULE,
        );
        check(
            &NeighbourDump::default(),
            rtm::GETNEIGH,
            rtm::NEWNEIGH,
            rtm::GETNEIGH,
        );
    }
}
