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

/// The rtnetlink families this crate decodes, each listed once: the [`Payload`] variant, the
/// view and the dump request, the module of the view (and of its request constructors under
/// [`request`]), the message types (`RTM_GET*`; `RTM_NEW*`, `RTM_DEL*` and the last one the
/// view reads) and the module of its `<linux/*.h>` constants, when it has one of its own.
///
/// `families!(callback)` hands the list to the macro `callback`, which makes of it what it
/// needs: the module declarations and re-exports here, in `request` and in `consts`, the
/// [`Payload`] enum and [`Message::decode`] in `message.rs`, each family's [`View`] impl and
/// the test of every family's types in `view.rs`. A family is added with one row here and its
/// own files (its view, its request constructors with its [`Dump`] impl, its constants; its
/// header struct goes in [`raw`] with the other uapi structs).
macro_rules! families {
    ($callback:ident) => {
        $callback! {
            /// `RTM_NEWLINK`, `RTM_DELLINK`, `RTM_GETLINK`, `RTM_SETLINK`.
            Link(LinkMessage, LinkDump<'static>) in link
                [rtm::GETLINK; rtm::NEWLINK, rtm::DELLINK, rtm::SETLINK] consts link;
            /// `RTM_NEWADDR`, `RTM_DELADDR`, `RTM_GETADDR`.
            Address(AddressMessage, AddressDump) in addr
                [rtm::GETADDR; rtm::NEWADDR, rtm::DELADDR, rtm::GETADDR] consts addr;
            /// `RTM_NEWROUTE`, `RTM_DELROUTE`, `RTM_GETROUTE`.
            Route(RouteMessage, RouteDump) in route
                [rtm::GETROUTE; rtm::NEWROUTE, rtm::DELROUTE, rtm::GETROUTE];
            /// `RTM_NEWNSID`, `RTM_DELNSID`, `RTM_GETNSID`.
            Nsid(NsidMessage, NsidDump) in nsid
                [rtm::GETNSID; rtm::NEWNSID, rtm::DELNSID, rtm::GETNSID] consts nsid;
            /// `RTM_NEWRULE`, `RTM_DELRULE`, `RTM_GETRULE`.
            Rule(RuleMessage, RuleDump) in rule
                [rtm::GETRULE; rtm::NEWRULE, rtm::DELRULE, rtm::GETRULE] consts rule;
            /// `RTM_NEWNEIGH`, `RTM_DELNEIGH`, `RTM_GETNEIGH`.
            Neighbour(NeighbourMessage, NeighbourDump) in neigh
                [rtm::GETNEIGH; rtm::NEWNEIGH, rtm::DELNEIGH, rtm::GETNEIGH] consts neigh;
        }
    };
}

/// Each family's view module, and its view at the crate's root.
macro_rules! family_modules {
    ($($(#[$doc:meta])* $variant:ident($view:ident, $dump:ty) in $module:ident
        [$get:path; $new:path, $del:path, $last:path] $(consts $consts:ident)?;)*) => {
        $(
            mod $module;
            pub use $module::$view;
        )*
    };
}

mod ack;
mod attr;
mod builder;
mod consts;
mod error;
mod index;
mod kind;
mod message;
pub mod raw;
pub mod request;
mod view;
families!(family_modules);

pub use ack::{DoneMessage, ErrorMessage, ExtAck};
pub use attr::{Attr, Attrs};
pub use builder::{MAX_NEST_DEPTH, MessageBuilder, Nest};
pub use consts::*;
pub use error::{Error, Layer};
pub use kind::{BoolOpts, BridgeId, BridgePortInfo, TunInfo};
pub use kind::{BridgeInfo, MacvlanInfo, VlanInfo, VxlanInfo};
pub use kind::{IpvlanInfo, VrfInfo, VrfPortInfo};
pub use kind::{ifla_br, ifla_brport, ifla_ipvlan, ifla_macvlan, ifla_tun, ifla_vlan};
pub use kind::{ifla_vrf, ifla_vrf_port, ifla_vxlan, ipvlan_flag, ipvlan_mode, vlan_flag};
pub use kind::{macvlan_flag, macvlan_macaddr, macvlan_mode};
pub use link::{Inet6Stats, LinkStats};
pub use message::{Message, MessageMut, Messages, MessagesMut, Payload};
pub use route::{Nexthop, Nexthops, RouteMetrics};
pub use view::{Dump, View};
