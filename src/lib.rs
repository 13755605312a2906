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

mod address;
mod batch;
mod dump;
mod error;
mod handle;
mod link;
mod model;
pub mod monitor;
pub mod names;
mod neigh;
pub mod netns;
mod nsid;
mod route;
mod rule;
pub mod show;
pub mod topology;
pub mod tuntap;
mod vocab;
mod wait;

pub use address::{AddressFilter, AddressSpec};
pub use batch::Batch;
pub use codec::request::{Broadcast, Lifetime};
pub use dump::DumpRow;
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
