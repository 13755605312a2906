//! rtnl-codec: the rtnetlink wire codec. Bytes in, views out; views in, bytes out.
//!
//! `#![no_std]`, no allocation, no `unsafe`, and no panic on any input.
//!
//! # Reading
//!
//! A datagram from a `NETLINK_ROUTE` socket is walked with [`Messages`]; each [`Message`] is
//! turned into a typed view ([`LinkMessage`], [`AddressMessage`], [`RouteMessage`],
//! [`NsidMessage`], [`NeighbourMessage`], [`ErrorMessage`], [`DoneMessage`]) by its checking
//! `parse`, or by [`Message::decode`]. The contract, as in smoltcp's `wire` module: **once `parse` has
//! succeeded, no accessor panics or fails**. `parse` walks the attributes once, checks every
//! header against the bytes that are there and the payload size of every attribute a typed
//! accessor reads, and records where each attribute is, as the kernel's `nla_parse()` does; an
//! accessor is then a table lookup, and `None` means absent. Attributes and message types this
//! crate does not know are kept and yielded raw ([`Attrs`], [`Payload::Other`]), never dropped
//! and never an error: newer kernels add attributes.
//!
//! ```
//! use rtnl_codec::{Messages, Payload};
//! # let datagram: &[u8] = &[];
//! for message in Messages::new(datagram) {
//!     if let Payload::Link(link) = message?.decode()? {
//!         println!("{}: {:?} mtu {:?}", link.index(), link.name(), link.mtu());
//!     }
//! }
//! # Ok::<(), rtnl_codec::Error>(())
//! ```
//!
//! A caller that knows what comes back (the reply to a dump it asked for) can call the view's
//! `parse` itself: the shortest path, with no [`Payload`] to build and take apart. Names and
//! labels are there as bytes too, as the kernel sent them (Linux allows interface names that are
//! not UTF-8):
//!
//! ```
//! use rtnl_codec::{AddressMessage, Messages, nlmsg};
//! # let datagram: &[u8] = &[];
//! for message in Messages::new(datagram) {
//!     let message = message?;
//!     if message.ty() == nlmsg::DONE {
//!         break;
//!     }
//!     let address = AddressMessage::parse(message)?;
//!     println!("{} {:?} {:?}", address.index(), address.address(), address.label_bytes());
//! }
//! # Ok::<(), rtnl_codec::Error>(())
//! ```
//!
//! # Writing
//!
//! [`MessageBuilder`] writes a message into a caller's buffer, libmnl's way: the header's length
//! is the cursor, padding is zeroed, nests are opened and then closed or cancelled, and running
//! out of room is an [`Error`], never a panic or an allocation. The [`request`] module builds
//! the requests `ip` sends.
//!
//! # Names
//!
//! Kernel constants keep the kernel's names, grouped by prefix: `IFLA_IFNAME` is
//! [`ifla::IFNAME`], `RTM_NEWLINK` is [`rtm::NEWLINK`], `NLM_F_DUMP` is [`nlm_f::DUMP`].
#![no_std]
#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects,
        clippy::panic,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented,
        clippy::cast_possible_truncation
    )
)]

/// The README's example, compiled and run as a doctest so it cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

mod ack;
mod addr;
mod attr;
mod builder;
mod consts;
mod error;
mod index;
mod kind;
mod link;
mod message;
mod neigh;
mod nsid;
pub mod raw;
pub mod request;
mod route;
mod rule;
mod view;

pub use ack::{DoneMessage, ErrorMessage, ExtAck};
pub use addr::AddressMessage;
pub use attr::{Attr, Attrs};
pub use builder::{MAX_NEST_DEPTH, MessageBuilder, Nest};
pub use consts::*;
pub use error::{Error, Layer};
pub use kind::{BoolOpts, BridgeId, BridgePortInfo, TunInfo};
pub use kind::{BridgeInfo, MacvlanInfo, VlanInfo, VxlanInfo};
pub use kind::{IpvlanInfo, VrfInfo, VrfPortInfo};
pub use link::{Inet6Stats, LinkMessage, LinkStats};
pub use message::{Message, MessageMut, Messages, MessagesMut, Payload};
pub use neigh::NeighbourMessage;
pub use nsid::NsidMessage;
pub use route::{Nexthop, Nexthops, RouteMessage, RouteMetrics};
pub use rule::RuleMessage;
pub use view::{Dump, View};
