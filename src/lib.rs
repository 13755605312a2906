//! rtnl: Linux network configuration over rtnetlink.
//!
//! What `ip link`, `ip addr`, `ip route` and `ip netns` do, as a library: the wire codec is
//! [`codec`] (`rtnl-codec`, no_std, no allocation), the syscalls are [`sys`] (`rtnl-sys`), and
//! this crate adds owned values ([`Link`], [`Address`], [`Route`]), iproute2's vocabulary
//! ([`names`]) and its JSON output ([`json`]).

pub use rtnl_codec as codec;
pub use rtnl_sys as sys;

pub mod json;
mod model;
pub mod names;

pub use model::{Address, KindData, Link, NextHop, Nsid, Route};
