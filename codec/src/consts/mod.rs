//! Constants from the Linux uapi headers, grouped by family and named as the kernel names them
//! without the family prefix: `IFLA_IFNAME` is [`ifla::IFNAME`], `RTM_NEWLINK` is [`rtm::NEWLINK`].
//!
//! Values are copied from `/usr/include/linux/*.h` (netlink.h, rtnetlink.h, if_link.h,
//! if_addr.h, veth.h, net_namespace.h, neighbour.h, if_arp.h, if_bridge.h) and from newer kernels
//! where noted. Each constant's documentation names its C macro or enumerator, which is also a
//! `#[doc(alias)]`, so searching the docs for `IFLA_IFNAME` finds it.

mod addr;
mod link;
mod neigh;
mod netlink;
mod nsid;
mod rtnetlink;
mod rule;

pub use addr::*;
pub use link::*;
pub use neigh::*;
pub use netlink::*;
pub use nsid::*;
pub use rtnetlink::*;
pub use rule::*;
