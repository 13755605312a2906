//! Subscribing to rtnetlink events (multicast groups).

use rtnl_codec::rtnlgrp;
use rustix::io::Errno;

use crate::socket::Socket;

/// The groups a link/address/route/nsid/neighbour/rule monitor joins, as `ip monitor` does:
/// `RTNLGRP_LINK`, `RTNLGRP_IPV4_IFADDR`, `RTNLGRP_IPV6_IFADDR`, `RTNLGRP_IPV4_ROUTE`,
/// `RTNLGRP_IPV6_ROUTE`, `RTNLGRP_NSID`, `RTNLGRP_NEIGH`, `RTNLGRP_IPV4_RULE`,
/// `RTNLGRP_IPV6_RULE`.
pub const EVENT_GROUPS: [u32; 9] = [
    rtnlgrp::LINK,
    rtnlgrp::IPV4_IFADDR,
    rtnlgrp::IPV6_IFADDR,
    rtnlgrp::IPV4_ROUTE,
    rtnlgrp::IPV6_ROUTE,
    rtnlgrp::NSID,
    rtnlgrp::NEIGH,
    rtnlgrp::IPV4_RULE,
    rtnlgrp::IPV6_RULE,
];

impl Socket {
    /// `setsockopt(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP)` for each group in `groups`, for
    /// instance [`EVENT_GROUPS`]; then receive with
    /// [`Engine::recv_events`](crate::Engine::recv_events).
    ///
    /// # References
    ///  - [`netlink(7)`](https://man7.org/linux/man-pages/man7/netlink.7.html)
    pub fn subscribe(&self, groups: &[u32]) -> Result<(), Errno> {
        groups.iter().try_for_each(|&g| self.join_group(g))
    }
}
