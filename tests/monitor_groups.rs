//! The monitor's groups against the list `ip monitor` joins (no kernel needed).

#[path = "../sys/tests/common/ip_monitor.rs"]
mod ip_monitor;

use rtnl_ip::codec::rtnlgrp;
use rtnl_ip::monitor::MonitorGroups;

#[test]
fn groups_map_to_rtnetlink_groups() {
    // What `ip monitor` with no object joins of the families rtnl knows, in this order.
    assert_eq!(
        MonitorGroups::ALL.rtnl_groups().collect::<Vec<_>>(),
        ip_monitor::IP_MONITOR_GROUPS
    );
    let groups = MonitorGroups::LINK | MonitorGroups::IPV6_ROUTE;
    assert_eq!(
        groups.rtnl_groups().collect::<Vec<_>>(),
        [rtnlgrp::LINK, rtnlgrp::IPV6_ROUTE]
    );
    assert!(MonitorGroups::ADDRESS.contains(MonitorGroups::IPV4_ADDRESS));
    assert!(!MonitorGroups::LINK.intersects(MonitorGroups::ROUTE));
    assert!(MonitorGroups::empty().is_empty());
    assert_eq!(format!("{groups:?}"), "MonitorGroups(LINK | IPV6_ROUTE)");
    assert_eq!(
        MonitorGroups::ALL & MonitorGroups::NSID,
        MonitorGroups::NSID
    );
}
