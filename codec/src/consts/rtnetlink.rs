//! `<linux/rtnetlink.h>`: rtnetlink message types, multicast groups, route attributes and the
//! values of `struct rtmsg` fields; and the address families of `<sys/socket.h>`.

/// Message types (`RTM_*` in `<linux/rtnetlink.h>`), the values of `nlmsghdr.nlmsg_type` for
/// rtnetlink.
pub mod rtm {
    /// `RTM_NEWLINK`: create a link, or change an existing one (request); or announce one (reply or
    /// notification).
    #[doc(alias = "RTM_NEWLINK")]
    pub const NEWLINK: u16 = 16;
    /// `RTM_DELLINK`: delete a link, or announce its removal.
    #[doc(alias = "RTM_DELLINK")]
    pub const DELLINK: u16 = 17;
    /// `RTM_GETLINK`: get a link; with `NLM_F_DUMP`, dump all.
    #[doc(alias = "RTM_GETLINK")]
    pub const GETLINK: u16 = 18;
    /// `RTM_SETLINK`: change a link.
    #[doc(alias = "RTM_SETLINK")]
    pub const SETLINK: u16 = 19;
    /// `RTM_NEWADDR`: create or replace an address (request), or announce one (reply or
    /// notification).
    #[doc(alias = "RTM_NEWADDR")]
    pub const NEWADDR: u16 = 20;
    /// `RTM_DELADDR`: delete an address, or announce its removal.
    #[doc(alias = "RTM_DELADDR")]
    pub const DELADDR: u16 = 21;
    /// `RTM_GETADDR`: get an address; with `NLM_F_DUMP`, dump all.
    #[doc(alias = "RTM_GETADDR")]
    pub const GETADDR: u16 = 22;
    /// `RTM_NEWROUTE`: create or replace a route (request), or announce one (reply or
    /// notification).
    #[doc(alias = "RTM_NEWROUTE")]
    pub const NEWROUTE: u16 = 24;
    /// `RTM_DELROUTE`: delete a route, or announce its removal.
    #[doc(alias = "RTM_DELROUTE")]
    pub const DELROUTE: u16 = 25;
    /// `RTM_GETROUTE`: get a route; with `NLM_F_DUMP`, dump all.
    #[doc(alias = "RTM_GETROUTE")]
    pub const GETROUTE: u16 = 26;
    /// `RTM_NEWNEIGH`: create or replace a neighbour (ARP/NDP/FDB) entry (request), or announce one
    /// (reply or notification).
    #[doc(alias = "RTM_NEWNEIGH")]
    pub const NEWNEIGH: u16 = 28;
    /// `RTM_DELNEIGH`: delete a neighbour (ARP/NDP/FDB) entry, or announce its removal.
    #[doc(alias = "RTM_DELNEIGH")]
    pub const DELNEIGH: u16 = 29;
    /// `RTM_GETNEIGH`: get a neighbour (ARP/NDP/FDB) entry; with `NLM_F_DUMP`, dump all.
    #[doc(alias = "RTM_GETNEIGH")]
    pub const GETNEIGH: u16 = 30;
    /// `RTM_NEWRULE`: create or replace a routing policy rule (request), or announce one (reply or
    /// notification).
    #[doc(alias = "RTM_NEWRULE")]
    pub const NEWRULE: u16 = 32;
    /// `RTM_DELRULE`: delete a routing policy rule, or announce its removal.
    #[doc(alias = "RTM_DELRULE")]
    pub const DELRULE: u16 = 33;
    /// `RTM_GETRULE`: get a routing policy rule; with `NLM_F_DUMP`, dump all.
    #[doc(alias = "RTM_GETRULE")]
    pub const GETRULE: u16 = 34;
    /// `RTM_NEWQDISC`: create or replace a queueing discipline (request), or announce one (reply or
    /// notification).
    #[doc(alias = "RTM_NEWQDISC")]
    pub const NEWQDISC: u16 = 36;
    /// `RTM_DELQDISC`: delete a queueing discipline, or announce its removal.
    #[doc(alias = "RTM_DELQDISC")]
    pub const DELQDISC: u16 = 37;
    /// `RTM_GETQDISC`: get a queueing discipline; with `NLM_F_DUMP`, dump all.
    #[doc(alias = "RTM_GETQDISC")]
    pub const GETQDISC: u16 = 38;
    /// `RTM_NEWTCLASS`: create or replace a traffic class (request), or announce one (reply or
    /// notification).
    #[doc(alias = "RTM_NEWTCLASS")]
    pub const NEWTCLASS: u16 = 40;
    /// `RTM_DELTCLASS`: delete a traffic class, or announce its removal.
    #[doc(alias = "RTM_DELTCLASS")]
    pub const DELTCLASS: u16 = 41;
    /// `RTM_GETTCLASS`: get a traffic class; with `NLM_F_DUMP`, dump all.
    #[doc(alias = "RTM_GETTCLASS")]
    pub const GETTCLASS: u16 = 42;
    /// `RTM_NEWTFILTER`: create or replace a traffic filter (request), or announce one (reply or
    /// notification).
    #[doc(alias = "RTM_NEWTFILTER")]
    pub const NEWTFILTER: u16 = 44;
    /// `RTM_DELTFILTER`: delete a traffic filter, or announce its removal.
    #[doc(alias = "RTM_DELTFILTER")]
    pub const DELTFILTER: u16 = 45;
    /// `RTM_GETTFILTER`: get a traffic filter; with `NLM_F_DUMP`, dump all.
    #[doc(alias = "RTM_GETTFILTER")]
    pub const GETTFILTER: u16 = 46;
    /// `RTM_NEWACTION`: create or replace a traffic-control action (request), or announce one
    /// (reply or notification).
    #[doc(alias = "RTM_NEWACTION")]
    pub const NEWACTION: u16 = 48;
    /// `RTM_DELACTION`: delete a traffic-control action, or announce its removal.
    #[doc(alias = "RTM_DELACTION")]
    pub const DELACTION: u16 = 49;
    /// `RTM_GETACTION`: get a traffic-control action; with `NLM_F_DUMP`, dump all.
    #[doc(alias = "RTM_GETACTION")]
    pub const GETACTION: u16 = 50;
    /// `RTM_NEWPREFIX`: announce an IPv6 prefix learned from a router advertisement (notification
    /// only).
    #[doc(alias = "RTM_NEWPREFIX")]
    pub const NEWPREFIX: u16 = 52;
    /// `RTM_GETMULTICAST`: dump the IPv6 multicast addresses of links.
    #[doc(alias = "RTM_GETMULTICAST")]
    pub const GETMULTICAST: u16 = 58;
    /// `RTM_GETANYCAST`: dump the IPv6 anycast addresses of links.
    #[doc(alias = "RTM_GETANYCAST")]
    pub const GETANYCAST: u16 = 62;
    /// `RTM_NEWNEIGHTBL`: announce neighbour table parameters (reply or notification).
    #[doc(alias = "RTM_NEWNEIGHTBL")]
    pub const NEWNEIGHTBL: u16 = 64;
    /// `RTM_GETNEIGHTBL`: get neighbour table parameters; with `NLM_F_DUMP`, dump all.
    #[doc(alias = "RTM_GETNEIGHTBL")]
    pub const GETNEIGHTBL: u16 = 66;
    /// `RTM_SETNEIGHTBL`: change neighbour table parameters.
    #[doc(alias = "RTM_SETNEIGHTBL")]
    pub const SETNEIGHTBL: u16 = 67;
    /// `RTM_NEWNDUSEROPT`: announce a router advertisement option for user space, such as RDNSS
    /// (notification only).
    #[doc(alias = "RTM_NEWNDUSEROPT")]
    pub const NEWNDUSEROPT: u16 = 68;
    /// `RTM_NEWADDRLABEL`: create or replace an IPv6 address label (RFC 6724 policy) (request), or
    /// announce one (reply or notification).
    #[doc(alias = "RTM_NEWADDRLABEL")]
    pub const NEWADDRLABEL: u16 = 72;
    /// `RTM_DELADDRLABEL`: delete an IPv6 address label (RFC 6724 policy), or announce its removal.
    #[doc(alias = "RTM_DELADDRLABEL")]
    pub const DELADDRLABEL: u16 = 73;
    /// `RTM_GETADDRLABEL`: get an IPv6 address label (RFC 6724 policy); with `NLM_F_DUMP`, dump
    /// all.
    #[doc(alias = "RTM_GETADDRLABEL")]
    pub const GETADDRLABEL: u16 = 74;
    /// `RTM_GETDCB`: get data center bridging settings; with `NLM_F_DUMP`, dump all.
    #[doc(alias = "RTM_GETDCB")]
    pub const GETDCB: u16 = 78;
    /// `RTM_SETDCB`: change data center bridging settings.
    #[doc(alias = "RTM_SETDCB")]
    pub const SETDCB: u16 = 79;
    /// `RTM_NEWNETCONF`: per-device IP configuration (reply to `RTM_GETNETCONF`, or notification).
    #[doc(alias = "RTM_NEWNETCONF")]
    pub const NEWNETCONF: u16 = 80;
    /// `RTM_DELNETCONF`: announce that a device and its IP configuration are gone (notification
    /// only).
    #[doc(alias = "RTM_DELNETCONF")]
    pub const DELNETCONF: u16 = 81;
    /// `RTM_GETNETCONF`: get per-device IP configuration (forwarding, rp_filter, ...); with
    /// `NLM_F_DUMP`, dump all.
    #[doc(alias = "RTM_GETNETCONF")]
    pub const GETNETCONF: u16 = 82;
    /// `RTM_NEWMDB`: create or replace a bridge multicast database entry (request), or announce one
    /// (reply or notification).
    #[doc(alias = "RTM_NEWMDB")]
    pub const NEWMDB: u16 = 84;
    /// `RTM_DELMDB`: delete a bridge multicast database entry, or announce its removal.
    #[doc(alias = "RTM_DELMDB")]
    pub const DELMDB: u16 = 85;
    /// `RTM_GETMDB`: get a bridge multicast database entry; with `NLM_F_DUMP`, dump all.
    #[doc(alias = "RTM_GETMDB")]
    pub const GETMDB: u16 = 86;
    /// `RTM_NEWNSID`: create or replace a namespace id (nsid) for a peer network namespace
    /// (request), or announce one (reply or notification).
    #[doc(alias = "RTM_NEWNSID")]
    pub const NEWNSID: u16 = 88;
    /// `RTM_DELNSID`: delete a namespace id (nsid) for a peer network namespace, or announce its
    /// removal.
    #[doc(alias = "RTM_DELNSID")]
    pub const DELNSID: u16 = 89;
    /// `RTM_GETNSID`: get a namespace id (nsid) for a peer network namespace; with `NLM_F_DUMP`,
    /// dump all.
    #[doc(alias = "RTM_GETNSID")]
    pub const GETNSID: u16 = 90;
    /// `RTM_NEWSTATS`: link statistics (reply to `RTM_GETSTATS`, or notification).
    #[doc(alias = "RTM_NEWSTATS")]
    pub const NEWSTATS: u16 = 92;
    /// `RTM_GETSTATS`: get link statistics selected by `struct if_stats_msg` filters; with
    /// `NLM_F_DUMP`, for all links.
    #[doc(alias = "RTM_GETSTATS")]
    pub const GETSTATS: u16 = 94;
    /// `RTM_SETSTATS`: change link statistics settings (such as enabling hardware L3 statistics).
    #[doc(alias = "RTM_SETSTATS")]
    pub const SETSTATS: u16 = 95;
    /// `RTM_NEWCACHEREPORT`: a multicast routing cache report (notification only).
    #[doc(alias = "RTM_NEWCACHEREPORT")]
    pub const NEWCACHEREPORT: u16 = 96;
    /// `RTM_NEWCHAIN`: create or replace a traffic filter chain (request), or announce one (reply
    /// or notification).
    #[doc(alias = "RTM_NEWCHAIN")]
    pub const NEWCHAIN: u16 = 100;
    /// `RTM_DELCHAIN`: delete a traffic filter chain, or announce its removal.
    #[doc(alias = "RTM_DELCHAIN")]
    pub const DELCHAIN: u16 = 101;
    /// `RTM_GETCHAIN`: get a traffic filter chain; with `NLM_F_DUMP`, dump all.
    #[doc(alias = "RTM_GETCHAIN")]
    pub const GETCHAIN: u16 = 102;
    /// `RTM_NEWNEXTHOP`: create or replace a nexthop object (request), or announce one (reply or
    /// notification).
    #[doc(alias = "RTM_NEWNEXTHOP")]
    pub const NEWNEXTHOP: u16 = 104;
    /// `RTM_DELNEXTHOP`: delete a nexthop object, or announce its removal.
    #[doc(alias = "RTM_DELNEXTHOP")]
    pub const DELNEXTHOP: u16 = 105;
    /// `RTM_GETNEXTHOP`: get a nexthop object; with `NLM_F_DUMP`, dump all.
    #[doc(alias = "RTM_GETNEXTHOP")]
    pub const GETNEXTHOP: u16 = 106;
    /// `RTM_NEWLINKPROP`: add link properties (alternative names) given in `IFLA_PROP_LIST`.
    #[doc(alias = "RTM_NEWLINKPROP")]
    pub const NEWLINKPROP: u16 = 108;
    /// `RTM_DELLINKPROP`: remove link properties (alternative names) given in `IFLA_PROP_LIST`.
    #[doc(alias = "RTM_DELLINKPROP")]
    pub const DELLINKPROP: u16 = 109;
    /// `RTM_GETLINKPROP`: get a link property (alternative names); with `NLM_F_DUMP`, dump all.
    #[doc(alias = "RTM_GETLINKPROP")]
    pub const GETLINKPROP: u16 = 110;
    /// `RTM_NEWVLAN`: create or replace a bridge VLAN entry (request), or announce one (reply or
    /// notification).
    #[doc(alias = "RTM_NEWVLAN")]
    pub const NEWVLAN: u16 = 112;
    /// `RTM_DELVLAN`: delete a bridge VLAN entry, or announce its removal.
    #[doc(alias = "RTM_DELVLAN")]
    pub const DELVLAN: u16 = 113;
    /// `RTM_GETVLAN`: get a bridge VLAN entry; with `NLM_F_DUMP`, dump all.
    #[doc(alias = "RTM_GETVLAN")]
    pub const GETVLAN: u16 = 114;
    /// `RTM_NEWNEXTHOPBUCKET`: create or replace a bucket of a resilient nexthop group (request),
    /// or announce one (reply or notification).
    #[doc(alias = "RTM_NEWNEXTHOPBUCKET")]
    pub const NEWNEXTHOPBUCKET: u16 = 116;
    /// `RTM_DELNEXTHOPBUCKET`: delete a bucket of a resilient nexthop group, or announce its
    /// removal.
    #[doc(alias = "RTM_DELNEXTHOPBUCKET")]
    pub const DELNEXTHOPBUCKET: u16 = 117;
    /// `RTM_GETNEXTHOPBUCKET`: get a bucket of a resilient nexthop group; with `NLM_F_DUMP`, dump
    /// all.
    #[doc(alias = "RTM_GETNEXTHOPBUCKET")]
    pub const GETNEXTHOPBUCKET: u16 = 118;
    /// `RTM_NEWTUNNEL`: create or replace a tunnel VNI filter entry (VXLAN) (request), or announce
    /// one (reply or notification).
    #[doc(alias = "RTM_NEWTUNNEL")]
    pub const NEWTUNNEL: u16 = 120;
    /// `RTM_DELTUNNEL`: delete a tunnel VNI filter entry (VXLAN), or announce its removal.
    #[doc(alias = "RTM_DELTUNNEL")]
    pub const DELTUNNEL: u16 = 121;
    /// `RTM_GETTUNNEL`: get a tunnel VNI filter entry (VXLAN); with `NLM_F_DUMP`, dump all.
    #[doc(alias = "RTM_GETTUNNEL")]
    pub const GETTUNNEL: u16 = 122;
    /// `RTM_MAX`: the highest message type the 6.1 headers reserve: the last group of four ends
    /// here.
    #[doc(alias = "RTM_MAX")]
    pub const MAX: u16 = 123;
}

/// Multicast groups (`enum rtnetlink_groups`, `RTNLGRP_*` in `<linux/rtnetlink.h>`), joined with
/// `NETLINK_ADD_MEMBERSHIP`.
pub mod rtnlgrp {
    /// `RTNLGRP_NONE`: no group.
    #[doc(alias = "RTNLGRP_NONE")]
    pub const NONE: u32 = 0;
    /// `RTNLGRP_LINK`: link changes (`RTM_NEWLINK` / `RTM_DELLINK`).
    #[doc(alias = "RTNLGRP_LINK")]
    pub const LINK: u32 = 1;
    /// `RTNLGRP_NOTIFY`: general route notifications; unused by the kernel.
    #[doc(alias = "RTNLGRP_NOTIFY")]
    pub const NOTIFY: u32 = 2;
    /// `RTNLGRP_NEIGH`: neighbour table changes.
    #[doc(alias = "RTNLGRP_NEIGH")]
    pub const NEIGH: u32 = 3;
    /// `RTNLGRP_TC`: traffic control changes.
    #[doc(alias = "RTNLGRP_TC")]
    pub const TC: u32 = 4;
    /// `RTNLGRP_IPV4_IFADDR`: IPv4 address changes.
    #[doc(alias = "RTNLGRP_IPV4_IFADDR")]
    pub const IPV4_IFADDR: u32 = 5;
    /// `RTNLGRP_IPV4_MROUTE`: IPv4 multicast route changes.
    #[doc(alias = "RTNLGRP_IPV4_MROUTE")]
    pub const IPV4_MROUTE: u32 = 6;
    /// `RTNLGRP_IPV4_ROUTE`: IPv4 route changes.
    #[doc(alias = "RTNLGRP_IPV4_ROUTE")]
    pub const IPV4_ROUTE: u32 = 7;
    /// `RTNLGRP_IPV4_RULE`: IPv4 policy rule changes.
    #[doc(alias = "RTNLGRP_IPV4_RULE")]
    pub const IPV4_RULE: u32 = 8;
    /// `RTNLGRP_IPV6_IFADDR`: IPv6 address changes.
    #[doc(alias = "RTNLGRP_IPV6_IFADDR")]
    pub const IPV6_IFADDR: u32 = 9;
    /// `RTNLGRP_IPV6_MROUTE`: IPv6 multicast route changes.
    #[doc(alias = "RTNLGRP_IPV6_MROUTE")]
    pub const IPV6_MROUTE: u32 = 10;
    /// `RTNLGRP_IPV6_ROUTE`: IPv6 route changes.
    #[doc(alias = "RTNLGRP_IPV6_ROUTE")]
    pub const IPV6_ROUTE: u32 = 11;
    /// `RTNLGRP_IPV6_IFINFO`: IPv6 per-link information (router advertisement state).
    #[doc(alias = "RTNLGRP_IPV6_IFINFO")]
    pub const IPV6_IFINFO: u32 = 12;
    /// `RTNLGRP_DECnet_IFADDR`: DECnet address changes (DECnet was removed from the kernel in 6.1).
    #[doc(alias = "RTNLGRP_DECnet_IFADDR")]
    #[allow(non_upper_case_globals)]
    pub const DECnet_IFADDR: u32 = 13;
    /// `RTNLGRP_NOP2`: reserved, never used.
    #[doc(alias = "RTNLGRP_NOP2")]
    pub const NOP2: u32 = 14;
    /// `RTNLGRP_DECnet_ROUTE`: DECnet route changes (DECnet was removed from the kernel in 6.1).
    #[doc(alias = "RTNLGRP_DECnet_ROUTE")]
    #[allow(non_upper_case_globals)]
    pub const DECnet_ROUTE: u32 = 15;
    /// `RTNLGRP_DECnet_RULE`: DECnet policy rule changes (DECnet was removed from the kernel in
    /// 6.1).
    #[doc(alias = "RTNLGRP_DECnet_RULE")]
    #[allow(non_upper_case_globals)]
    pub const DECnet_RULE: u32 = 16;
    /// `RTNLGRP_NOP4`: reserved, never used.
    #[doc(alias = "RTNLGRP_NOP4")]
    pub const NOP4: u32 = 17;
    /// `RTNLGRP_IPV6_PREFIX`: IPv6 prefixes learned from router advertisements.
    #[doc(alias = "RTNLGRP_IPV6_PREFIX")]
    pub const IPV6_PREFIX: u32 = 18;
    /// `RTNLGRP_IPV6_RULE`: IPv6 policy rule changes.
    #[doc(alias = "RTNLGRP_IPV6_RULE")]
    pub const IPV6_RULE: u32 = 19;
    /// `RTNLGRP_ND_USEROPT`: router advertisement options for user space (`RTM_NEWNDUSEROPT`).
    #[doc(alias = "RTNLGRP_ND_USEROPT")]
    pub const ND_USEROPT: u32 = 20;
    /// `RTNLGRP_PHONET_IFADDR`: Phonet address changes.
    #[doc(alias = "RTNLGRP_PHONET_IFADDR")]
    pub const PHONET_IFADDR: u32 = 21;
    /// `RTNLGRP_PHONET_ROUTE`: Phonet route changes.
    #[doc(alias = "RTNLGRP_PHONET_ROUTE")]
    pub const PHONET_ROUTE: u32 = 22;
    /// `RTNLGRP_DCB`: data center bridging changes.
    #[doc(alias = "RTNLGRP_DCB")]
    pub const DCB: u32 = 23;
    /// `RTNLGRP_IPV4_NETCONF`: per-device IPv4 configuration changes.
    #[doc(alias = "RTNLGRP_IPV4_NETCONF")]
    pub const IPV4_NETCONF: u32 = 24;
    /// `RTNLGRP_IPV6_NETCONF`: per-device IPv6 configuration changes.
    #[doc(alias = "RTNLGRP_IPV6_NETCONF")]
    pub const IPV6_NETCONF: u32 = 25;
    /// `RTNLGRP_MDB`: bridge multicast database changes.
    #[doc(alias = "RTNLGRP_MDB")]
    pub const MDB: u32 = 26;
    /// `RTNLGRP_MPLS_ROUTE`: MPLS route changes.
    #[doc(alias = "RTNLGRP_MPLS_ROUTE")]
    pub const MPLS_ROUTE: u32 = 27;
    /// `RTNLGRP_NSID`: namespace id changes (`RTM_NEWNSID` / `RTM_DELNSID`).
    #[doc(alias = "RTNLGRP_NSID")]
    pub const NSID: u32 = 28;
    /// `RTNLGRP_MPLS_NETCONF`: per-device MPLS configuration changes.
    #[doc(alias = "RTNLGRP_MPLS_NETCONF")]
    pub const MPLS_NETCONF: u32 = 29;
    /// `RTNLGRP_IPV4_MROUTE_R`: IPv4 multicast routing cache reports, for routing daemons.
    #[doc(alias = "RTNLGRP_IPV4_MROUTE_R")]
    pub const IPV4_MROUTE_R: u32 = 30;
    /// `RTNLGRP_IPV6_MROUTE_R`: IPv6 multicast routing cache reports, for routing daemons.
    #[doc(alias = "RTNLGRP_IPV6_MROUTE_R")]
    pub const IPV6_MROUTE_R: u32 = 31;
    /// `RTNLGRP_NEXTHOP`: nexthop object changes.
    #[doc(alias = "RTNLGRP_NEXTHOP")]
    pub const NEXTHOP: u32 = 32;
    /// `RTNLGRP_BRVLAN`: bridge VLAN changes.
    #[doc(alias = "RTNLGRP_BRVLAN")]
    pub const BRVLAN: u32 = 33;
    /// `RTNLGRP_MCTP_IFADDR`: MCTP address changes.
    #[doc(alias = "RTNLGRP_MCTP_IFADDR")]
    pub const MCTP_IFADDR: u32 = 34;
    /// `RTNLGRP_TUNNEL`: tunnel (VXLAN VNI filter) changes.
    #[doc(alias = "RTNLGRP_TUNNEL")]
    pub const TUNNEL: u32 = 35;
    /// `RTNLGRP_STATS`: link statistics notifications.
    #[doc(alias = "RTNLGRP_STATS")]
    pub const STATS: u32 = 36;
    /// `RTNLGRP_MAX`: the highest `RTNLGRP_*` value in the 6.1 headers.
    #[doc(alias = "RTNLGRP_MAX")]
    pub const MAX: u32 = 36;
}

/// Route attributes (`enum rtattr_type_t`, `RTA_*` in `<linux/rtnetlink.h>`), after `struct rtmsg`.
pub mod rta {
    /// `RTA_UNSPEC`: unused (type 0).
    #[doc(alias = "RTA_UNSPEC")]
    pub const UNSPEC: u16 = 0;
    /// `RTA_DST`: destination address of the route (the prefix; its length is `rtm_dst_len`).
    #[doc(alias = "RTA_DST")]
    pub const DST: u16 = 1;
    /// `RTA_SRC`: source prefix for source-specific routes (length `rtm_src_len`).
    #[doc(alias = "RTA_SRC")]
    pub const SRC: u16 = 2;
    /// `RTA_IIF`: `u32` index of the input link (lookups, multicast and policy routes).
    #[doc(alias = "RTA_IIF")]
    pub const IIF: u16 = 3;
    /// `RTA_OIF`: `u32` index of the output link.
    #[doc(alias = "RTA_OIF")]
    pub const OIF: u16 = 4;
    /// `RTA_GATEWAY`: gateway address, of the route's own family.
    #[doc(alias = "RTA_GATEWAY")]
    pub const GATEWAY: u16 = 5;
    /// `RTA_PRIORITY`: `u32` route priority (the metric shown by `ip route`): lower is preferred.
    #[doc(alias = "RTA_PRIORITY")]
    pub const PRIORITY: u16 = 6;
    /// `RTA_PREFSRC`: preferred source address for packets sent along this route.
    #[doc(alias = "RTA_PREFSRC")]
    pub const PREFSRC: u16 = 7;
    /// `RTA_METRICS`: nest of route metrics, typed `RTAX_*`.
    #[doc(alias = "RTA_METRICS")]
    pub const METRICS: u16 = 8;
    /// `RTA_MULTIPATH`: array of `struct rtnexthop`, each followed by its own attributes: the paths
    /// of a multipath route.
    #[doc(alias = "RTA_MULTIPATH")]
    pub const MULTIPATH: u16 = 9;
    /// `RTA_PROTOINFO`: no longer used.
    #[doc(alias = "RTA_PROTOINFO")]
    pub const PROTOINFO: u16 = 10;
    /// `RTA_FLOW`: `u32` routing realms (source and destination realm, 16 bits each).
    #[doc(alias = "RTA_FLOW")]
    pub const FLOW: u16 = 11;
    /// `RTA_CACHEINFO`: `struct rta_cacheinfo`: use count, last use, expiry and error of the route.
    #[doc(alias = "RTA_CACHEINFO")]
    pub const CACHEINFO: u16 = 12;
    /// `RTA_SESSION`: no longer used.
    #[doc(alias = "RTA_SESSION")]
    pub const SESSION: u16 = 13;
    /// `RTA_MP_ALGO`: no longer used.
    #[doc(alias = "RTA_MP_ALGO")]
    pub const MP_ALGO: u16 = 14;
    /// `RTA_TABLE`: `u32` routing table id; overrides the `u8` `rtm_table`, and is the only way to
    /// give ids above 255.
    #[doc(alias = "RTA_TABLE")]
    pub const TABLE: u16 = 15;
    /// `RTA_MARK`: `u32` firewall mark to use for the lookup (`RTM_GETROUTE`).
    #[doc(alias = "RTA_MARK")]
    pub const MARK: u16 = 16;
    /// `RTA_MFC_STATS`: `struct rta_mfc_stats`: packet, byte and wrong-interface counters of a
    /// multicast route.
    #[doc(alias = "RTA_MFC_STATS")]
    pub const MFC_STATS: u16 = 17;
    /// `RTA_VIA`: `struct rtvia`: a gateway of another address family (IPv4 over an IPv6 nexthop,
    /// MPLS).
    #[doc(alias = "RTA_VIA")]
    pub const VIA: u16 = 18;
    /// `RTA_NEWDST`: MPLS label stack to push, or the new destination label of an MPLS route.
    #[doc(alias = "RTA_NEWDST")]
    pub const NEWDST: u16 = 19;
    /// `RTA_PREF`: `u8` IPv6 router preference (RFC 4191) of a route learned from a router
    /// advertisement.
    #[doc(alias = "RTA_PREF")]
    pub const PREF: u16 = 20;
    /// `RTA_ENCAP_TYPE`: `u16` lightweight tunnel encapsulation type (`LWTUNNEL_ENCAP_*`) of
    /// `RTA_ENCAP`.
    #[doc(alias = "RTA_ENCAP_TYPE")]
    pub const ENCAP_TYPE: u16 = 21;
    /// `RTA_ENCAP`: nest of encapsulation attributes for lightweight tunnels (MPLS, seg6, BPF,
    /// ...).
    #[doc(alias = "RTA_ENCAP")]
    pub const ENCAP: u16 = 22;
    /// `RTA_EXPIRES`: expiry time of the route (IPv6 routes, multicast cache entries).
    #[doc(alias = "RTA_EXPIRES")]
    pub const EXPIRES: u16 = 23;
    /// `RTA_PAD`: padding so that a following 64-bit payload is aligned; carries nothing.
    #[doc(alias = "RTA_PAD")]
    pub const PAD: u16 = 24;
    /// `RTA_UID`: `u32` user id for the lookup, for UID-based routing (`RTM_GETROUTE`).
    #[doc(alias = "RTA_UID")]
    pub const UID: u16 = 25;
    /// `RTA_TTL_PROPAGATE`: `u8` whether MPLS propagates the TTL to and from the IP header.
    #[doc(alias = "RTA_TTL_PROPAGATE")]
    pub const TTL_PROPAGATE: u16 = 26;
    /// `RTA_IP_PROTO`: `u8` IP protocol for the lookup (`RTM_GETROUTE`).
    #[doc(alias = "RTA_IP_PROTO")]
    pub const IP_PROTO: u16 = 27;
    /// `RTA_SPORT`: `be16` source port for the lookup (`RTM_GETROUTE`).
    #[doc(alias = "RTA_SPORT")]
    pub const SPORT: u16 = 28;
    /// `RTA_DPORT`: `be16` destination port for the lookup (`RTM_GETROUTE`).
    #[doc(alias = "RTA_DPORT")]
    pub const DPORT: u16 = 29;
    /// `RTA_NH_ID`: `u32` id of the nexthop object the route uses.
    #[doc(alias = "RTA_NH_ID")]
    pub const NH_ID: u16 = 30;
    /// `RTA_MAX`: the highest `RTA_*` value in the 6.1 headers.
    #[doc(alias = "RTA_MAX")]
    pub const MAX: u16 = 30;
}

/// Route types (`RTN_*` in `<linux/rtnetlink.h>`), the values of `rtmsg.rtm_type`.
pub mod rtn {
    /// `RTN_UNSPEC`: unknown route type.
    #[doc(alias = "RTN_UNSPEC")]
    pub const UNSPEC: u8 = 0;
    /// `RTN_UNICAST`: a gateway or direct route.
    #[doc(alias = "RTN_UNICAST")]
    pub const UNICAST: u8 = 1;
    /// `RTN_LOCAL`: a local address: accept locally.
    #[doc(alias = "RTN_LOCAL")]
    pub const LOCAL: u8 = 2;
    /// `RTN_BROADCAST`: accept locally as broadcast, send as broadcast.
    #[doc(alias = "RTN_BROADCAST")]
    pub const BROADCAST: u8 = 3;
    /// `RTN_ANYCAST`: accept locally as broadcast, but send as unicast.
    #[doc(alias = "RTN_ANYCAST")]
    pub const ANYCAST: u8 = 4;
    /// `RTN_MULTICAST`: a multicast route.
    #[doc(alias = "RTN_MULTICAST")]
    pub const MULTICAST: u8 = 5;
    /// `RTN_BLACKHOLE`: drop silently.
    #[doc(alias = "RTN_BLACKHOLE")]
    pub const BLACKHOLE: u8 = 6;
    /// `RTN_UNREACHABLE`: the destination is unreachable: drop and answer ICMP host unreachable.
    #[doc(alias = "RTN_UNREACHABLE")]
    pub const UNREACHABLE: u8 = 7;
    /// `RTN_PROHIBIT`: administratively prohibited: drop and answer ICMP communication prohibited.
    #[doc(alias = "RTN_PROHIBIT")]
    pub const PROHIBIT: u8 = 8;
    /// `RTN_THROW`: not in this table: go on with the next policy rule.
    #[doc(alias = "RTN_THROW")]
    pub const THROW: u8 = 9;
    /// `RTN_NAT`: translate this address (stateless NAT; no longer supported for IPv4).
    #[doc(alias = "RTN_NAT")]
    pub const NAT: u8 = 10;
    /// `RTN_XRESOLVE`: use an external resolver; not implemented.
    #[doc(alias = "RTN_XRESOLVE")]
    pub const XRESOLVE: u8 = 11;
    /// `RTN_MAX`: the highest `RTN_*` value in the 6.1 headers.
    #[doc(alias = "RTN_MAX")]
    pub const MAX: u8 = 11;
}

/// Route origins (`RTPROT_*` in `<linux/rtnetlink.h>`), the values of `rtmsg.rtm_protocol`.
pub mod rtprot {
    /// `RTPROT_UNSPEC`: unknown origin.
    #[doc(alias = "RTPROT_UNSPEC")]
    pub const UNSPEC: u8 = 0;
    /// `RTPROT_REDIRECT`: installed by ICMP redirects; not used by current IPv4.
    #[doc(alias = "RTPROT_REDIRECT")]
    pub const REDIRECT: u8 = 1;
    /// `RTPROT_KERNEL`: installed by the kernel (such as the prefix route of an address).
    #[doc(alias = "RTPROT_KERNEL")]
    pub const KERNEL: u8 = 2;
    /// `RTPROT_BOOT`: installed during boot; also what `ip route add` uses when given no protocol.
    #[doc(alias = "RTPROT_BOOT")]
    pub const BOOT: u8 = 3;
    /// `RTPROT_STATIC`: installed by the administrator; values from here up are not interpreted by
    /// the kernel.
    #[doc(alias = "RTPROT_STATIC")]
    pub const STATIC: u8 = 4;
    /// `RTPROT_GATED`: the GateD routing daemon.
    #[doc(alias = "RTPROT_GATED")]
    pub const GATED: u8 = 8;
    /// `RTPROT_RA`: router discovery (RDISC) or IPv6 neighbour discovery router advertisements.
    #[doc(alias = "RTPROT_RA")]
    pub const RA: u8 = 9;
    /// `RTPROT_MRT`: the Merit MRT routing toolkit.
    #[doc(alias = "RTPROT_MRT")]
    pub const MRT: u8 = 10;
    /// `RTPROT_ZEBRA`: the Zebra routing daemon (and Quagga, FRR).
    #[doc(alias = "RTPROT_ZEBRA")]
    pub const ZEBRA: u8 = 11;
    /// `RTPROT_BIRD`: the BIRD routing daemon.
    #[doc(alias = "RTPROT_BIRD")]
    pub const BIRD: u8 = 12;
    /// `RTPROT_DNROUTED`: the DECnet routing daemon.
    #[doc(alias = "RTPROT_DNROUTED")]
    pub const DNROUTED: u8 = 13;
    /// `RTPROT_XORP`: the XORP routing platform.
    #[doc(alias = "RTPROT_XORP")]
    pub const XORP: u8 = 14;
    /// `RTPROT_NTK`: the Netsukuku mesh routing daemon.
    #[doc(alias = "RTPROT_NTK")]
    pub const NTK: u8 = 15;
    /// `RTPROT_DHCP`: a DHCP client.
    #[doc(alias = "RTPROT_DHCP")]
    pub const DHCP: u8 = 16;
    /// `RTPROT_MROUTED`: the multicast routing daemon.
    #[doc(alias = "RTPROT_MROUTED")]
    pub const MROUTED: u8 = 17;
    /// `RTPROT_KEEPALIVED`: the Keepalived daemon.
    #[doc(alias = "RTPROT_KEEPALIVED")]
    pub const KEEPALIVED: u8 = 18;
    /// `RTPROT_BABEL`: the Babel routing daemon.
    #[doc(alias = "RTPROT_BABEL")]
    pub const BABEL: u8 = 42;
    /// `RTPROT_OPENR`: Open Routing (Open/R).
    #[doc(alias = "RTPROT_OPENR")]
    pub const OPENR: u8 = 99;
    /// `RTPROT_BGP`: a BGP daemon.
    #[doc(alias = "RTPROT_BGP")]
    pub const BGP: u8 = 186;
    /// `RTPROT_ISIS`: an IS-IS daemon.
    #[doc(alias = "RTPROT_ISIS")]
    pub const ISIS: u8 = 187;
    /// `RTPROT_OSPF`: an OSPF daemon.
    #[doc(alias = "RTPROT_OSPF")]
    pub const OSPF: u8 = 188;
    /// `RTPROT_RIP`: a RIP daemon.
    #[doc(alias = "RTPROT_RIP")]
    pub const RIP: u8 = 189;
    /// `RTPROT_EIGRP`: an EIGRP daemon.
    #[doc(alias = "RTPROT_EIGRP")]
    pub const EIGRP: u8 = 192;
}

/// Route scopes (`enum rt_scope_t`, `RT_SCOPE_*` in `<linux/rtnetlink.h>`), the values of
/// `rtmsg.rtm_scope` and `ifaddrmsg.ifa_scope`.
pub mod rt_scope {
    /// `RT_SCOPE_UNIVERSE`: global: the destination or address is valid everywhere.
    #[doc(alias = "RT_SCOPE_UNIVERSE")]
    pub const UNIVERSE: u8 = 0;
    /// `RT_SCOPE_SITE`: interior routes within a site; values between `LINK` and `UNIVERSE` are
    /// free for such uses.
    #[doc(alias = "RT_SCOPE_SITE")]
    pub const SITE: u8 = 200;
    /// `RT_SCOPE_LINK`: the destination is on a directly attached link.
    #[doc(alias = "RT_SCOPE_LINK")]
    pub const LINK: u8 = 253;
    /// `RT_SCOPE_HOST`: the address or destination is on this host.
    #[doc(alias = "RT_SCOPE_HOST")]
    pub const HOST: u8 = 254;
    /// `RT_SCOPE_NOWHERE`: the destination does not exist.
    #[doc(alias = "RT_SCOPE_NOWHERE")]
    pub const NOWHERE: u8 = 255;
}

/// Reserved routing table ids (`enum rt_class_t`, `RT_TABLE_*` in `<linux/rtnetlink.h>`), as
/// carried in `RTA_TABLE` (`u32`).
pub mod rt_table {
    /// `RT_TABLE_UNSPEC`: no table; in a dump request, all tables.
    #[doc(alias = "RT_TABLE_UNSPEC")]
    pub const UNSPEC: u32 = 0;
    /// `RT_TABLE_COMPAT`: stands in `rtm_table` for an id that does not fit in 8 bits; the real id
    /// is in `RTA_TABLE`.
    #[doc(alias = "RT_TABLE_COMPAT")]
    pub const COMPAT: u32 = 252;
    /// `RT_TABLE_DEFAULT`: the `default` table, consulted last by the default policy rules.
    #[doc(alias = "RT_TABLE_DEFAULT")]
    pub const DEFAULT: u32 = 253;
    /// `RT_TABLE_MAIN`: the `main` table, where routes go unless another table is named.
    #[doc(alias = "RT_TABLE_MAIN")]
    pub const MAIN: u32 = 254;
    /// `RT_TABLE_LOCAL`: the `local` table: local and broadcast addresses, maintained by the
    /// kernel.
    #[doc(alias = "RT_TABLE_LOCAL")]
    pub const LOCAL: u32 = 255;
    /// `RT_TABLE_MAX`: the highest table id.
    #[doc(alias = "RT_TABLE_MAX")]
    pub const MAX: u32 = 0xffff_ffff;
}

/// Route flags (`RTM_F_*` in `<linux/rtnetlink.h>`), the bits of `rtmsg.rtm_flags`.
pub mod rtm_f {
    /// `RTM_F_NOTIFY`: notify the user of route changes (`RTM_GETROUTE` with this flag).
    #[doc(alias = "RTM_F_NOTIFY")]
    pub const NOTIFY: u32 = 0x0100;
    /// `RTM_F_CLONED`: the route is a cached clone (IPv4 exceptions, IPv6 cache entries).
    #[doc(alias = "RTM_F_CLONED")]
    pub const CLONED: u32 = 0x0200;
    /// `RTM_F_EQUALIZE`: multipath equalizer; never implemented.
    #[doc(alias = "RTM_F_EQUALIZE")]
    pub const EQUALIZE: u32 = 0x0400;
    /// `RTM_F_PREFIX`: the route is a prefix route made for an address (IPv6).
    #[doc(alias = "RTM_F_PREFIX")]
    pub const PREFIX: u32 = 0x0800;
    /// `RTM_F_LOOKUP_TABLE`: in an `RTM_GETROUTE` reply, set `rtm_table` to the table the lookup
    /// matched.
    #[doc(alias = "RTM_F_LOOKUP_TABLE")]
    pub const LOOKUP_TABLE: u32 = 0x1000;
    /// `RTM_F_FIB_MATCH`: make `RTM_GETROUTE` return the matching FIB entry instead of the resolved
    /// route.
    #[doc(alias = "RTM_F_FIB_MATCH")]
    pub const FIB_MATCH: u32 = 0x2000;
    /// `RTM_F_OFFLOAD`: the route is offloaded to hardware.
    #[doc(alias = "RTM_F_OFFLOAD")]
    pub const OFFLOAD: u32 = 0x4000;
    /// `RTM_F_TRAP`: the route traps packets to the CPU in hardware.
    #[doc(alias = "RTM_F_TRAP")]
    pub const TRAP: u32 = 0x8000;
    /// `RTM_F_OFFLOAD_FAILED`: offloading the route to hardware failed (a high value, to stay clear
    /// of the `RTF_*` flags of `<linux/ipv6_route.h>`).
    #[doc(alias = "RTM_F_OFFLOAD_FAILED")]
    pub const OFFLOAD_FAILED: u32 = 0x2000_0000;
}

/// Next-hop flags (`RTNH_F_*` in `<linux/rtnetlink.h>`), the bits of `rtnexthop.rtnh_flags`.
pub mod rtnh_f {
    /// `RTNH_F_DEAD`: the nexthop is dead (multipath).
    #[doc(alias = "RTNH_F_DEAD")]
    pub const DEAD: u8 = 0x01;
    /// `RTNH_F_PERVASIVE`: look the gateway up recursively.
    #[doc(alias = "RTNH_F_PERVASIVE")]
    pub const PERVASIVE: u8 = 0x02;
    /// `RTNH_F_ONLINK`: the gateway is on the link even if no route says so (`ip route ...
    /// onlink`).
    #[doc(alias = "RTNH_F_ONLINK")]
    pub const ONLINK: u8 = 0x04;
    /// `RTNH_F_OFFLOAD`: the nexthop is offloaded to hardware.
    #[doc(alias = "RTNH_F_OFFLOAD")]
    pub const OFFLOAD: u8 = 0x08;
    /// `RTNH_F_LINKDOWN`: the nexthop's link has no carrier.
    #[doc(alias = "RTNH_F_LINKDOWN")]
    pub const LINKDOWN: u8 = 0x10;
    /// `RTNH_F_UNRESOLVED`: the entry is unresolved (multicast routing).
    #[doc(alias = "RTNH_F_UNRESOLVED")]
    pub const UNRESOLVED: u8 = 0x20;
    /// `RTNH_F_TRAP`: the nexthop traps packets to the CPU in hardware.
    #[doc(alias = "RTNH_F_TRAP")]
    pub const TRAP: u8 = 0x40;
}

/// Route metrics (`RTAX_*` in `<linux/rtnetlink.h>`), the attribute types inside `RTA_METRICS`.
pub mod rtax {
    /// `RTAX_UNSPEC`: unused (type 0).
    #[doc(alias = "RTAX_UNSPEC")]
    pub const UNSPEC: u16 = 0;
    /// `RTAX_LOCK`: `u32` bit mask (`1 << RTAX_*`) of metrics locked against updates from path MTU
    /// discovery and TCP.
    #[doc(alias = "RTAX_LOCK")]
    pub const LOCK: u16 = 1;
    /// `RTAX_MTU`: `u32` path MTU.
    #[doc(alias = "RTAX_MTU")]
    pub const MTU: u16 = 2;
    /// `RTAX_WINDOW`: `u32` largest TCP window to advertise.
    #[doc(alias = "RTAX_WINDOW")]
    pub const WINDOW: u16 = 3;
    /// `RTAX_RTT`: `u32` initial TCP round-trip time estimate.
    #[doc(alias = "RTAX_RTT")]
    pub const RTT: u16 = 4;
    /// `RTAX_RTTVAR`: `u32` initial TCP round-trip time variance.
    #[doc(alias = "RTAX_RTTVAR")]
    pub const RTTVAR: u16 = 5;
    /// `RTAX_SSTHRESH`: `u32` initial TCP slow-start threshold.
    #[doc(alias = "RTAX_SSTHRESH")]
    pub const SSTHRESH: u16 = 6;
    /// `RTAX_CWND`: `u32` TCP congestion window clamp.
    #[doc(alias = "RTAX_CWND")]
    pub const CWND: u16 = 7;
    /// `RTAX_ADVMSS`: `u32` TCP maximum segment size to advertise.
    #[doc(alias = "RTAX_ADVMSS")]
    pub const ADVMSS: u16 = 8;
    /// `RTAX_REORDERING`: `u32` initial TCP reordering metric.
    #[doc(alias = "RTAX_REORDERING")]
    pub const REORDERING: u16 = 9;
    /// `RTAX_HOPLIMIT`: `u32` hop limit (TTL) of packets sent along the route.
    #[doc(alias = "RTAX_HOPLIMIT")]
    pub const HOPLIMIT: u16 = 10;
    /// `RTAX_INITCWND`: `u32` initial TCP congestion window.
    #[doc(alias = "RTAX_INITCWND")]
    pub const INITCWND: u16 = 11;
    /// `RTAX_FEATURES`: `u32` `RTAX_FEATURE_*` bits, such as enabling ECN for the route.
    #[doc(alias = "RTAX_FEATURES")]
    pub const FEATURES: u16 = 12;
    /// `RTAX_RTO_MIN`: `u32` minimum TCP retransmission timeout.
    #[doc(alias = "RTAX_RTO_MIN")]
    pub const RTO_MIN: u16 = 13;
    /// `RTAX_INITRWND`: `u32` initial TCP receive window.
    #[doc(alias = "RTAX_INITRWND")]
    pub const INITRWND: u16 = 14;
    /// `RTAX_QUICKACK`: `u32` TCP quick-ack mode.
    #[doc(alias = "RTAX_QUICKACK")]
    pub const QUICKACK: u16 = 15;
    /// `RTAX_CC_ALGO`: TCP congestion control algorithm, given by name.
    #[doc(alias = "RTAX_CC_ALGO")]
    pub const CC_ALGO: u16 = 16;
    /// `RTAX_FASTOPEN_NO_COOKIE`: `u32` allow TCP Fast Open without a cookie.
    #[doc(alias = "RTAX_FASTOPEN_NO_COOKIE")]
    pub const FASTOPEN_NO_COOKIE: u16 = 17;
    /// `RTAX_MAX`: the highest `RTAX_*` value in the 6.1 headers.
    #[doc(alias = "RTAX_MAX")]
    pub const MAX: u16 = 17;
}

/// Route feature bits (`RTAX_FEATURE_*` in `<linux/rtnetlink.h>`), the value of `RTAX_FEATURES`.
pub mod rtax_feature {
    /// `RTAX_FEATURE_ECN`: negotiate ECN on TCP connections along the route (`features ecn`).
    #[doc(alias = "RTAX_FEATURE_ECN")]
    pub const ECN: u32 = 1 << 0;
}

/// IPv6 router preferences (`ICMPV6_ROUTER_PREF_*` in `<linux/icmpv6.h>`), the values of
/// `RTA_PREF`.
pub mod icmpv6_router_pref {
    /// `ICMPV6_ROUTER_PREF_LOW` (`pref low`).
    #[doc(alias = "ICMPV6_ROUTER_PREF_LOW")]
    pub const LOW: u8 = 3;
    /// `ICMPV6_ROUTER_PREF_MEDIUM` (`pref medium`, the default).
    #[doc(alias = "ICMPV6_ROUTER_PREF_MEDIUM")]
    pub const MEDIUM: u8 = 0;
    /// `ICMPV6_ROUTER_PREF_HIGH` (`pref high`).
    #[doc(alias = "ICMPV6_ROUTER_PREF_HIGH")]
    pub const HIGH: u8 = 1;
    /// `ICMPV6_ROUTER_PREF_INVALID`: reserved.
    #[doc(alias = "ICMPV6_ROUTER_PREF_INVALID")]
    pub const INVALID: u8 = 2;
}

/// Link dump filters (`RTEXT_FILTER_*` in `<linux/rtnetlink.h>`), the bits of the `IFLA_EXT_MASK`
/// attribute.
pub mod rtext_filter {
    /// `RTEXT_FILTER_VF`: include SR-IOV virtual function information (`IFLA_VFINFO_LIST`).
    #[doc(alias = "RTEXT_FILTER_VF")]
    pub const VF: u32 = 0x01;
    /// `RTEXT_FILTER_BRVLAN`: include bridge VLAN information (`AF_BRIDGE` dumps).
    #[doc(alias = "RTEXT_FILTER_BRVLAN")]
    pub const BRVLAN: u32 = 0x02;
    /// `RTEXT_FILTER_BRVLAN_COMPRESSED`: include bridge VLAN information, consecutive VLANs as
    /// ranges.
    #[doc(alias = "RTEXT_FILTER_BRVLAN_COMPRESSED")]
    pub const BRVLAN_COMPRESSED: u32 = 0x04;
    /// `RTEXT_FILTER_SKIP_STATS`: leave out the statistics attributes, which are large.
    #[doc(alias = "RTEXT_FILTER_SKIP_STATS")]
    pub const SKIP_STATS: u32 = 0x08;
    /// `RTEXT_FILTER_MRP`: include bridge MRP (Media Redundancy Protocol) information.
    #[doc(alias = "RTEXT_FILTER_MRP")]
    pub const MRP: u32 = 0x10;
    /// `RTEXT_FILTER_CFM_CONFIG`: include bridge CFM (Connectivity Fault Management) configuration.
    #[doc(alias = "RTEXT_FILTER_CFM_CONFIG")]
    pub const CFM_CONFIG: u32 = 0x20;
    /// `RTEXT_FILTER_CFM_STATUS`: include bridge CFM status.
    #[doc(alias = "RTEXT_FILTER_CFM_STATUS")]
    pub const CFM_STATUS: u32 = 0x40;
    /// `RTEXT_FILTER_MST`: include bridge port MST (multiple spanning tree) states.
    #[doc(alias = "RTEXT_FILTER_MST")]
    pub const MST: u32 = 0x80;
}

/// Address families (`AF_*` in glibc's `<bits/socket.h>`, included by `<sys/socket.h>`), the values
/// of the `*_family` fields.
pub mod af {
    /// `AF_UNSPEC`: unspecified; in a dump request, all families.
    #[doc(alias = "AF_UNSPEC")]
    pub const UNSPEC: u8 = 0;
    /// `AF_INET`: IPv4.
    #[doc(alias = "AF_INET")]
    pub const INET: u8 = 2;
    /// `AF_BRIDGE`: bridge: `ndmsg`/`ifinfomsg` family for bridge FDB, VLAN and port messages.
    #[doc(alias = "AF_BRIDGE")]
    pub const BRIDGE: u8 = 7;
    /// `AF_INET6`: IPv6.
    #[doc(alias = "AF_INET6")]
    pub const INET6: u8 = 10;
    /// `AF_NETLINK`: netlink sockets.
    #[doc(alias = "AF_NETLINK")]
    pub const NETLINK: u8 = 16;
    /// `AF_PACKET`: packet sockets (link layer).
    #[doc(alias = "AF_PACKET")]
    pub const PACKET: u8 = 17;
    /// `AF_MPLS`: MPLS.
    #[doc(alias = "AF_MPLS")]
    pub const MPLS: u8 = 28;
}

#[cfg(test)]
mod tests {
    use super::*;

    // Spot checks against values printed by a C program compiled with the 6.1 uapi headers.
    #[test]
    fn values_match_the_uapi_headers() {
        assert_eq!(rtm::NEWLINK, 16);
        assert_eq!(rtm::GETNSID, 90);
        assert_eq!(rtm::MAX, 123);
        assert_eq!(rtnlgrp::LINK, 1);
        assert_eq!(rtnlgrp::NSID, 28);
        assert_eq!(rta::TABLE, 15);
        assert_eq!(rt_table::MAIN, 254);
        assert_eq!(rt_scope::LINK, 253);
        assert_eq!(rtn::UNICAST, 1);
        assert_eq!(rtprot::KERNEL, 2);
        assert_eq!(af::INET6, 10);
        assert_eq!(crate::ifla::IFNAME, 3);
        assert_eq!(crate::ifla::LINKINFO, 18);
        assert_eq!(crate::ifla::LINK_NETNSID, 37);
        assert_eq!(crate::ifla::TARGET_NETNSID, crate::ifla::IF_NETNSID);
        assert_eq!(crate::veth_info::PEER, 1);
        assert_eq!(crate::iff::LOWER_UP, 1 << 16);
        assert_eq!(crate::ifa_f::TEMPORARY, crate::ifa_f::SECONDARY);
        assert_eq!(crate::netnsa::NSID_NOT_ASSIGNED, -1);
        assert_eq!(crate::nud::PERMANENT, 0x80);
    }
}
