//! rtnl: Linux network configuration over rtnetlink.
//!
//! What `ip link`, `ip addr`, `ip route` and `ip netns` do, as a library. The layers:
//!
//! - [`codec`] (`rtnl-codec`): bytes to checked views and back, `no_std`, no allocation, no
//!   `unsafe`, no panic on any input; request constructors byte-identical to iproute2's.
//! - [`sys`] (`rtnl-sys`): the netlink socket, the request engine (ACKs, dumps, extended-ack
//!   errors, pipelined batches, events) and the namespace syscalls, through rustix.
//! - this crate: a blocking [`Handle`] with the operations (links with the veth peer lookup,
//!   addresses, routes, nsids), named namespaces ([`netns`]), events ([`monitor`]), owned
//!   values ([`Link`], [`Address`], [`Route`]) beside zero-copy streaming forms, iproute2's
//!   vocabulary ([`names`]) and its output, text and JSON streamed from the views
//!   ([`show`]). Every failure is an [`Error`] that reads like `ip`.
//! - deadlines and waits: every operation waits at most [`DEFAULT_TIMEOUT`] for the kernel
//!   ([`Handle::set_timeout`], [`Handle::with_timeout`], [`Handle::set_deadline`]), and
//!   [`Handle::wait_link`], [`Handle::wait_addresses_ready`] and [`Waiter`] wait, race-free,
//!   for a link to exist, be up, have carrier or be gone, and for IPv6 duplicate address
//!   detection to finish: what an init system needs before it starts its services.
//!
//! guile-netlink's IP library (`link-add`, `link-set`, `link-show`, `link-del`, `addr-add`,
//! `addr-del`, `addr-show`, `route-add`, `route-del`, `route-show`) maps to
//! [`Handle::link_add`], [`Handle::link_set`], [`Handle::links`], [`Handle::link_del`],
//! [`Handle::address_add`], [`Handle::address_del`], [`Handle::addresses`],
//! [`Handle::route_add`], [`Handle::route_del`] and [`Handle::routes`].

pub use rtnl_codec as codec;
pub use rtnl_sys as sys;

/// The rtnetlink families of the library, each listed once: its module (the operations in
/// `src/NAME.rs`, the renderer in `src/show/NAME.rs`), the codec's view, the owned value, the
/// [`monitor::Event`] and [`monitor::Payload`] variants of a new (or changed) and of a deleted
/// object, and its list in the [`monitor::Snapshot`], each with its documentation.
///
/// `families!(callback)` hands the list to the macro `callback`: the module declarations here
/// and in [`show`], the monitor's enums, snapshot and dispatch, `show::monitor`'s printing.
/// What else the monitor needs of a family (its multicast groups, the word `ip monitor`
/// names it by, its resync dumps) the family's module says with `monitor::MonitorFamily`;
/// how `ip monitor` prints it, its renderer says with [`show::monitor::MonitorLine`]. So a
/// new family is a row here and its own files.
macro_rules! families {
    ($callback:ident) => {
        $callback! {
            address: AddressMessage => Address {
                NewAddress: "`RTM_NEWADDR`: an address was added or changed.",
                DelAddress: "`RTM_DELADDR`: an address was removed.",
                addresses: "Every address of the subscribed families (`RTM_GETADDR` dumps), IPv4 first.",
            };
            link: LinkMessage => Link {
                NewLink: "`RTM_NEWLINK`: a link appeared or changed (flags, name, carrier, master, ...).",
                DelLink: "`RTM_DELLINK`: a link is gone (or moved to another namespace).",
                links: "Every link (`RTM_GETLINK` dump), with [`MonitorGroups::LINK`].",
            };
            nsid: NsidMessage => Nsid {
                NewNsid: "`RTM_NEWNSID`: an nsid was assigned (its [`name`](crate::Nsid::name) is not looked up; see [`Namespaces::name_nsids`](crate::netns::Namespaces::name_nsids)).",
                DelNsid: "`RTM_DELNSID`: an nsid was released (its namespace is gone).",
                nsids: "Every nsid (`RTM_GETNSID` dump), with [`MonitorGroups::NSID`]; unnamed.",
            };
            route: RouteMessage => Route {
                NewRoute: "`RTM_NEWROUTE`: a route was added or changed.",
                DelRoute: "`RTM_DELROUTE`: a route was removed.",
                routes: "Every route of every table of the subscribed families (`RTM_GETROUTE` dumps), IPv4 first.",
            };
            rule: RuleMessage => Rule {
                NewRule: "`RTM_NEWRULE`: a policy rule was added.",
                DelRule: "`RTM_DELRULE`: a policy rule was removed.",
                rules: "Every policy rule of the subscribed families (`RTM_GETRULE` dumps), IPv4 first.",
            };
            neigh: NeighbourMessage => Neighbour {
                NewNeighbour: "`RTM_NEWNEIGH`: a neighbour or FDB entry was added or changed.",
                DelNeighbour: "`RTM_DELNEIGH`: a neighbour or FDB entry was removed.",
                neighbours: "Every neighbour entry (`RTM_GETNEIGH` dumps: ARP and NDP, then the bridge forwarding databases), with [`MonitorGroups::NEIGH`].",
            };
        }
    };
}

/// Each family's module of operations.
macro_rules! family_modules {
    ($($module:ident: $view:ident => $value:ident {
        $new:ident: $new_doc:literal, $del:ident: $del_doc:literal, $list:ident: $list_doc:literal $(,)?
    };)*) => {
        $(mod $module;)*
    };
}

mod batch;
mod dump;
mod error;
mod handle;
mod model;
pub mod monitor;
pub mod names;
pub mod netns;
pub mod show;
families!(family_modules);
pub mod topology;
pub mod tuntap;
mod vocab;
mod wait;

pub use address::{AddressFilter, AddressSpec};
pub use batch::Batch;
pub use codec::request::{Broadcast, Lifetime};
pub use dump::{Ahead, DumpRow};
pub use error::{Error, ErrorKind, Result};
pub use handle::{DEFAULT_TIMEOUT, Handle};
pub use link::{LinkAdd, LinkFilter, LinkSet, PeerNamespace, VethPeer};
pub use model::{Address, FromView, KindData, Link, NextHop, Nsid, Route};
pub use neigh::{Neighbour, NeighbourFilter, NeighbourSpec};
pub use nsid::NsidValue;
pub use route::{NexthopSpec, RouteFilter, RouteQuery, RouteSpec};
pub use rule::{Rule, RuleFilter, RuleSpec};
pub use sys::{Deadline, Waiting};
pub use vocab::{Family, IpPrefix, LinkRef, NetnsRef};
pub use wait::{Condition, LinkState, Waiter};

/// The README's Rust examples, compiled as doctests so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
