//! rtnl: Linux network configuration over rtnetlink.
pub use rtnl_codec as codec;
pub use rtnl_sys as sys;
