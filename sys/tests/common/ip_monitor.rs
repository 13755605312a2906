//! The rtnetlink groups `ip monitor` (iproute2 6.1, no object named) joins of the families rtnl
//! knows, in the order it joins them: what the kernel tests of `rtnl-sys` subscribe to, and
//! the oracle of the root package's `tests/monitor_groups.rs` (included there with `#[path]`).

use rtnl_codec::rtnlgrp;

/// Links, IPv4 and IPv6 addresses, IPv4 and IPv6 routes, nsids, neighbours, IPv4 and IPv6
/// rules.
pub const IP_MONITOR_GROUPS: [u32; 9] = [
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
