//! rtnl-codec: the rtnetlink wire codec.
#![no_std]
#![forbid(unsafe_code)]

pub mod consts;
pub use consts::*;
