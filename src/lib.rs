//! rtnl: Linux network configuration over rtnetlink.
//!
//! What `ip link`, `ip addr`, `ip route` and `ip netns` do, as a library: the wire codec is
//! [`codec`] (`rtnl-codec`, no_std, no allocation), the syscalls are [`sys`] (`rtnl-sys`), and
//! this crate adds owned values ([`Link`], [`Address`], [`Route`]), iproute2's vocabulary
//! ([`names`]) and its JSON output ([`json`]).

pub use rtnl_codec as codec;
pub use rtnl_sys as sys;

mod address;
mod batch;
mod error;
mod handle;
pub mod json;
mod link;
mod model;
pub mod monitor;
pub mod names;
pub mod netns;
mod nsid;
mod route;

pub use address::{AddressFilter, AddressSpec, DevRef, Family, IpPrefix};
pub use batch::Batch;
pub use codec::request::{Broadcast, Lifetime};
pub use error::{Error, ErrorKind, Result};
pub use handle::{Handle, NetnsRef};
pub use link::{LinkAdd, LinkFilter, LinkRef, LinkSet, PeerNamespace, VethPeer};
pub use model::{Address, KindData, Link, NextHop, Nsid, Route};
pub use nsid::NsidValue;
pub use route::{NexthopSpec, RouteFilter, RouteQuery, RouteSpec};
