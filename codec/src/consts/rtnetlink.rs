//! `<linux/rtnetlink.h>`: rtnetlink message types, multicast groups, route attributes and the
//! values of `struct rtmsg` fields; and the address families of `<sys/socket.h>`.

/// Message types (`RTM_*` in `<linux/rtnetlink.h>`), the values of `nlmsghdr.nlmsg_type` for rtnetlink.
pub mod rtm {
    /// `RTM_NEWLINK`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWLINK")]
    pub const NEWLINK: u16 = 16;
    /// `RTM_DELLINK`: an rtnetlink message type.
    #[doc(alias = "RTM_DELLINK")]
    pub const DELLINK: u16 = 17;
    /// `RTM_GETLINK`: an rtnetlink message type.
    #[doc(alias = "RTM_GETLINK")]
    pub const GETLINK: u16 = 18;
    /// `RTM_SETLINK`: an rtnetlink message type.
    #[doc(alias = "RTM_SETLINK")]
    pub const SETLINK: u16 = 19;
    /// `RTM_NEWADDR`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWADDR")]
    pub const NEWADDR: u16 = 20;
    /// `RTM_DELADDR`: an rtnetlink message type.
    #[doc(alias = "RTM_DELADDR")]
    pub const DELADDR: u16 = 21;
    /// `RTM_GETADDR`: an rtnetlink message type.
    #[doc(alias = "RTM_GETADDR")]
    pub const GETADDR: u16 = 22;
    /// `RTM_NEWROUTE`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWROUTE")]
    pub const NEWROUTE: u16 = 24;
    /// `RTM_DELROUTE`: an rtnetlink message type.
    #[doc(alias = "RTM_DELROUTE")]
    pub const DELROUTE: u16 = 25;
    /// `RTM_GETROUTE`: an rtnetlink message type.
    #[doc(alias = "RTM_GETROUTE")]
    pub const GETROUTE: u16 = 26;
    /// `RTM_NEWNEIGH`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWNEIGH")]
    pub const NEWNEIGH: u16 = 28;
    /// `RTM_DELNEIGH`: an rtnetlink message type.
    #[doc(alias = "RTM_DELNEIGH")]
    pub const DELNEIGH: u16 = 29;
    /// `RTM_GETNEIGH`: an rtnetlink message type.
    #[doc(alias = "RTM_GETNEIGH")]
    pub const GETNEIGH: u16 = 30;
    /// `RTM_NEWRULE`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWRULE")]
    pub const NEWRULE: u16 = 32;
    /// `RTM_DELRULE`: an rtnetlink message type.
    #[doc(alias = "RTM_DELRULE")]
    pub const DELRULE: u16 = 33;
    /// `RTM_GETRULE`: an rtnetlink message type.
    #[doc(alias = "RTM_GETRULE")]
    pub const GETRULE: u16 = 34;
    /// `RTM_NEWQDISC`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWQDISC")]
    pub const NEWQDISC: u16 = 36;
    /// `RTM_DELQDISC`: an rtnetlink message type.
    #[doc(alias = "RTM_DELQDISC")]
    pub const DELQDISC: u16 = 37;
    /// `RTM_GETQDISC`: an rtnetlink message type.
    #[doc(alias = "RTM_GETQDISC")]
    pub const GETQDISC: u16 = 38;
    /// `RTM_NEWTCLASS`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWTCLASS")]
    pub const NEWTCLASS: u16 = 40;
    /// `RTM_DELTCLASS`: an rtnetlink message type.
    #[doc(alias = "RTM_DELTCLASS")]
    pub const DELTCLASS: u16 = 41;
    /// `RTM_GETTCLASS`: an rtnetlink message type.
    #[doc(alias = "RTM_GETTCLASS")]
    pub const GETTCLASS: u16 = 42;
    /// `RTM_NEWTFILTER`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWTFILTER")]
    pub const NEWTFILTER: u16 = 44;
    /// `RTM_DELTFILTER`: an rtnetlink message type.
    #[doc(alias = "RTM_DELTFILTER")]
    pub const DELTFILTER: u16 = 45;
    /// `RTM_GETTFILTER`: an rtnetlink message type.
    #[doc(alias = "RTM_GETTFILTER")]
    pub const GETTFILTER: u16 = 46;
    /// `RTM_NEWACTION`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWACTION")]
    pub const NEWACTION: u16 = 48;
    /// `RTM_DELACTION`: an rtnetlink message type.
    #[doc(alias = "RTM_DELACTION")]
    pub const DELACTION: u16 = 49;
    /// `RTM_GETACTION`: an rtnetlink message type.
    #[doc(alias = "RTM_GETACTION")]
    pub const GETACTION: u16 = 50;
    /// `RTM_NEWPREFIX`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWPREFIX")]
    pub const NEWPREFIX: u16 = 52;
    /// `RTM_GETMULTICAST`: an rtnetlink message type.
    #[doc(alias = "RTM_GETMULTICAST")]
    pub const GETMULTICAST: u16 = 58;
    /// `RTM_GETANYCAST`: an rtnetlink message type.
    #[doc(alias = "RTM_GETANYCAST")]
    pub const GETANYCAST: u16 = 62;
    /// `RTM_NEWNEIGHTBL`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWNEIGHTBL")]
    pub const NEWNEIGHTBL: u16 = 64;
    /// `RTM_GETNEIGHTBL`: an rtnetlink message type.
    #[doc(alias = "RTM_GETNEIGHTBL")]
    pub const GETNEIGHTBL: u16 = 66;
    /// `RTM_SETNEIGHTBL`: an rtnetlink message type.
    #[doc(alias = "RTM_SETNEIGHTBL")]
    pub const SETNEIGHTBL: u16 = 67;
    /// `RTM_NEWNDUSEROPT`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWNDUSEROPT")]
    pub const NEWNDUSEROPT: u16 = 68;
    /// `RTM_NEWADDRLABEL`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWADDRLABEL")]
    pub const NEWADDRLABEL: u16 = 72;
    /// `RTM_DELADDRLABEL`: an rtnetlink message type.
    #[doc(alias = "RTM_DELADDRLABEL")]
    pub const DELADDRLABEL: u16 = 73;
    /// `RTM_GETADDRLABEL`: an rtnetlink message type.
    #[doc(alias = "RTM_GETADDRLABEL")]
    pub const GETADDRLABEL: u16 = 74;
    /// `RTM_GETDCB`: an rtnetlink message type.
    #[doc(alias = "RTM_GETDCB")]
    pub const GETDCB: u16 = 78;
    /// `RTM_SETDCB`: an rtnetlink message type.
    #[doc(alias = "RTM_SETDCB")]
    pub const SETDCB: u16 = 79;
    /// `RTM_NEWNETCONF`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWNETCONF")]
    pub const NEWNETCONF: u16 = 80;
    /// `RTM_DELNETCONF`: an rtnetlink message type.
    #[doc(alias = "RTM_DELNETCONF")]
    pub const DELNETCONF: u16 = 81;
    /// `RTM_GETNETCONF`: an rtnetlink message type.
    #[doc(alias = "RTM_GETNETCONF")]
    pub const GETNETCONF: u16 = 82;
    /// `RTM_NEWMDB`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWMDB")]
    pub const NEWMDB: u16 = 84;
    /// `RTM_DELMDB`: an rtnetlink message type.
    #[doc(alias = "RTM_DELMDB")]
    pub const DELMDB: u16 = 85;
    /// `RTM_GETMDB`: an rtnetlink message type.
    #[doc(alias = "RTM_GETMDB")]
    pub const GETMDB: u16 = 86;
    /// `RTM_NEWNSID`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWNSID")]
    pub const NEWNSID: u16 = 88;
    /// `RTM_DELNSID`: an rtnetlink message type.
    #[doc(alias = "RTM_DELNSID")]
    pub const DELNSID: u16 = 89;
    /// `RTM_GETNSID`: an rtnetlink message type.
    #[doc(alias = "RTM_GETNSID")]
    pub const GETNSID: u16 = 90;
    /// `RTM_NEWSTATS`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWSTATS")]
    pub const NEWSTATS: u16 = 92;
    /// `RTM_GETSTATS`: an rtnetlink message type.
    #[doc(alias = "RTM_GETSTATS")]
    pub const GETSTATS: u16 = 94;
    /// `RTM_SETSTATS`: an rtnetlink message type.
    #[doc(alias = "RTM_SETSTATS")]
    pub const SETSTATS: u16 = 95;
    /// `RTM_NEWCACHEREPORT`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWCACHEREPORT")]
    pub const NEWCACHEREPORT: u16 = 96;
    /// `RTM_NEWCHAIN`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWCHAIN")]
    pub const NEWCHAIN: u16 = 100;
    /// `RTM_DELCHAIN`: an rtnetlink message type.
    #[doc(alias = "RTM_DELCHAIN")]
    pub const DELCHAIN: u16 = 101;
    /// `RTM_GETCHAIN`: an rtnetlink message type.
    #[doc(alias = "RTM_GETCHAIN")]
    pub const GETCHAIN: u16 = 102;
    /// `RTM_NEWNEXTHOP`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWNEXTHOP")]
    pub const NEWNEXTHOP: u16 = 104;
    /// `RTM_DELNEXTHOP`: an rtnetlink message type.
    #[doc(alias = "RTM_DELNEXTHOP")]
    pub const DELNEXTHOP: u16 = 105;
    /// `RTM_GETNEXTHOP`: an rtnetlink message type.
    #[doc(alias = "RTM_GETNEXTHOP")]
    pub const GETNEXTHOP: u16 = 106;
    /// `RTM_NEWLINKPROP`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWLINKPROP")]
    pub const NEWLINKPROP: u16 = 108;
    /// `RTM_DELLINKPROP`: an rtnetlink message type.
    #[doc(alias = "RTM_DELLINKPROP")]
    pub const DELLINKPROP: u16 = 109;
    /// `RTM_GETLINKPROP`: an rtnetlink message type.
    #[doc(alias = "RTM_GETLINKPROP")]
    pub const GETLINKPROP: u16 = 110;
    /// `RTM_NEWVLAN`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWVLAN")]
    pub const NEWVLAN: u16 = 112;
    /// `RTM_DELVLAN`: an rtnetlink message type.
    #[doc(alias = "RTM_DELVLAN")]
    pub const DELVLAN: u16 = 113;
    /// `RTM_GETVLAN`: an rtnetlink message type.
    #[doc(alias = "RTM_GETVLAN")]
    pub const GETVLAN: u16 = 114;
    /// `RTM_NEWNEXTHOPBUCKET`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWNEXTHOPBUCKET")]
    pub const NEWNEXTHOPBUCKET: u16 = 116;
    /// `RTM_DELNEXTHOPBUCKET`: an rtnetlink message type.
    #[doc(alias = "RTM_DELNEXTHOPBUCKET")]
    pub const DELNEXTHOPBUCKET: u16 = 117;
    /// `RTM_GETNEXTHOPBUCKET`: an rtnetlink message type.
    #[doc(alias = "RTM_GETNEXTHOPBUCKET")]
    pub const GETNEXTHOPBUCKET: u16 = 118;
    /// `RTM_NEWTUNNEL`: an rtnetlink message type.
    #[doc(alias = "RTM_NEWTUNNEL")]
    pub const NEWTUNNEL: u16 = 120;
    /// `RTM_DELTUNNEL`: an rtnetlink message type.
    #[doc(alias = "RTM_DELTUNNEL")]
    pub const DELTUNNEL: u16 = 121;
    /// `RTM_GETTUNNEL`: an rtnetlink message type.
    #[doc(alias = "RTM_GETTUNNEL")]
    pub const GETTUNNEL: u16 = 122;
    /// `RTM_MAX`: the highest `RTM_*` value in the 6.1 headers.
    #[doc(alias = "RTM_MAX")]
    pub const MAX: u16 = 123;
}

/// Multicast groups (`enum rtnetlink_groups`, `RTNLGRP_*` in `<linux/rtnetlink.h>`), joined with `NETLINK_ADD_MEMBERSHIP`.
pub mod rtnlgrp {
    /// `RTNLGRP_NONE`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_NONE")]
    pub const NONE: u32 = 0;
    /// `RTNLGRP_LINK`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_LINK")]
    pub const LINK: u32 = 1;
    /// `RTNLGRP_NOTIFY`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_NOTIFY")]
    pub const NOTIFY: u32 = 2;
    /// `RTNLGRP_NEIGH`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_NEIGH")]
    pub const NEIGH: u32 = 3;
    /// `RTNLGRP_TC`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_TC")]
    pub const TC: u32 = 4;
    /// `RTNLGRP_IPV4_IFADDR`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_IPV4_IFADDR")]
    pub const IPV4_IFADDR: u32 = 5;
    /// `RTNLGRP_IPV4_MROUTE`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_IPV4_MROUTE")]
    pub const IPV4_MROUTE: u32 = 6;
    /// `RTNLGRP_IPV4_ROUTE`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_IPV4_ROUTE")]
    pub const IPV4_ROUTE: u32 = 7;
    /// `RTNLGRP_IPV4_RULE`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_IPV4_RULE")]
    pub const IPV4_RULE: u32 = 8;
    /// `RTNLGRP_IPV6_IFADDR`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_IPV6_IFADDR")]
    pub const IPV6_IFADDR: u32 = 9;
    /// `RTNLGRP_IPV6_MROUTE`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_IPV6_MROUTE")]
    pub const IPV6_MROUTE: u32 = 10;
    /// `RTNLGRP_IPV6_ROUTE`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_IPV6_ROUTE")]
    pub const IPV6_ROUTE: u32 = 11;
    /// `RTNLGRP_IPV6_IFINFO`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_IPV6_IFINFO")]
    pub const IPV6_IFINFO: u32 = 12;
    /// `RTNLGRP_DECnet_IFADDR`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_DECnet_IFADDR")]
    #[allow(non_upper_case_globals)]
    pub const DECnet_IFADDR: u32 = 13;
    /// `RTNLGRP_NOP2`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_NOP2")]
    pub const NOP2: u32 = 14;
    /// `RTNLGRP_DECnet_ROUTE`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_DECnet_ROUTE")]
    #[allow(non_upper_case_globals)]
    pub const DECnet_ROUTE: u32 = 15;
    /// `RTNLGRP_DECnet_RULE`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_DECnet_RULE")]
    #[allow(non_upper_case_globals)]
    pub const DECnet_RULE: u32 = 16;
    /// `RTNLGRP_NOP4`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_NOP4")]
    pub const NOP4: u32 = 17;
    /// `RTNLGRP_IPV6_PREFIX`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_IPV6_PREFIX")]
    pub const IPV6_PREFIX: u32 = 18;
    /// `RTNLGRP_IPV6_RULE`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_IPV6_RULE")]
    pub const IPV6_RULE: u32 = 19;
    /// `RTNLGRP_ND_USEROPT`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_ND_USEROPT")]
    pub const ND_USEROPT: u32 = 20;
    /// `RTNLGRP_PHONET_IFADDR`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_PHONET_IFADDR")]
    pub const PHONET_IFADDR: u32 = 21;
    /// `RTNLGRP_PHONET_ROUTE`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_PHONET_ROUTE")]
    pub const PHONET_ROUTE: u32 = 22;
    /// `RTNLGRP_DCB`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_DCB")]
    pub const DCB: u32 = 23;
    /// `RTNLGRP_IPV4_NETCONF`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_IPV4_NETCONF")]
    pub const IPV4_NETCONF: u32 = 24;
    /// `RTNLGRP_IPV6_NETCONF`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_IPV6_NETCONF")]
    pub const IPV6_NETCONF: u32 = 25;
    /// `RTNLGRP_MDB`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_MDB")]
    pub const MDB: u32 = 26;
    /// `RTNLGRP_MPLS_ROUTE`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_MPLS_ROUTE")]
    pub const MPLS_ROUTE: u32 = 27;
    /// `RTNLGRP_NSID`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_NSID")]
    pub const NSID: u32 = 28;
    /// `RTNLGRP_MPLS_NETCONF`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_MPLS_NETCONF")]
    pub const MPLS_NETCONF: u32 = 29;
    /// `RTNLGRP_IPV4_MROUTE_R`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_IPV4_MROUTE_R")]
    pub const IPV4_MROUTE_R: u32 = 30;
    /// `RTNLGRP_IPV6_MROUTE_R`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_IPV6_MROUTE_R")]
    pub const IPV6_MROUTE_R: u32 = 31;
    /// `RTNLGRP_NEXTHOP`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_NEXTHOP")]
    pub const NEXTHOP: u32 = 32;
    /// `RTNLGRP_BRVLAN`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_BRVLAN")]
    pub const BRVLAN: u32 = 33;
    /// `RTNLGRP_MCTP_IFADDR`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_MCTP_IFADDR")]
    pub const MCTP_IFADDR: u32 = 34;
    /// `RTNLGRP_TUNNEL`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_TUNNEL")]
    pub const TUNNEL: u32 = 35;
    /// `RTNLGRP_STATS`: an rtnetlink multicast group.
    #[doc(alias = "RTNLGRP_STATS")]
    pub const STATS: u32 = 36;
    /// `RTNLGRP_MAX`: the highest `RTNLGRP_*` value in the 6.1 headers.
    #[doc(alias = "RTNLGRP_MAX")]
    pub const MAX: u32 = 36;
}

/// Route attributes (`enum rtattr_type_t`, `RTA_*` in `<linux/rtnetlink.h>`), after `struct rtmsg`.
pub mod rta {
    /// `RTA_UNSPEC`: a route attribute.
    #[doc(alias = "RTA_UNSPEC")]
    pub const UNSPEC: u16 = 0;
    /// `RTA_DST`: a route attribute.
    #[doc(alias = "RTA_DST")]
    pub const DST: u16 = 1;
    /// `RTA_SRC`: a route attribute.
    #[doc(alias = "RTA_SRC")]
    pub const SRC: u16 = 2;
    /// `RTA_IIF`: a route attribute.
    #[doc(alias = "RTA_IIF")]
    pub const IIF: u16 = 3;
    /// `RTA_OIF`: a route attribute.
    #[doc(alias = "RTA_OIF")]
    pub const OIF: u16 = 4;
    /// `RTA_GATEWAY`: a route attribute.
    #[doc(alias = "RTA_GATEWAY")]
    pub const GATEWAY: u16 = 5;
    /// `RTA_PRIORITY`: a route attribute.
    #[doc(alias = "RTA_PRIORITY")]
    pub const PRIORITY: u16 = 6;
    /// `RTA_PREFSRC`: a route attribute.
    #[doc(alias = "RTA_PREFSRC")]
    pub const PREFSRC: u16 = 7;
    /// `RTA_METRICS`: a route attribute.
    #[doc(alias = "RTA_METRICS")]
    pub const METRICS: u16 = 8;
    /// `RTA_MULTIPATH`: a route attribute.
    #[doc(alias = "RTA_MULTIPATH")]
    pub const MULTIPATH: u16 = 9;
    /// `RTA_PROTOINFO`: no longer used.
    #[doc(alias = "RTA_PROTOINFO")]
    pub const PROTOINFO: u16 = 10;
    /// `RTA_FLOW`: a route attribute.
    #[doc(alias = "RTA_FLOW")]
    pub const FLOW: u16 = 11;
    /// `RTA_CACHEINFO`: a route attribute.
    #[doc(alias = "RTA_CACHEINFO")]
    pub const CACHEINFO: u16 = 12;
    /// `RTA_SESSION`: no longer used.
    #[doc(alias = "RTA_SESSION")]
    pub const SESSION: u16 = 13;
    /// `RTA_MP_ALGO`: no longer used.
    #[doc(alias = "RTA_MP_ALGO")]
    pub const MP_ALGO: u16 = 14;
    /// `RTA_TABLE`: a route attribute.
    #[doc(alias = "RTA_TABLE")]
    pub const TABLE: u16 = 15;
    /// `RTA_MARK`: a route attribute.
    #[doc(alias = "RTA_MARK")]
    pub const MARK: u16 = 16;
    /// `RTA_MFC_STATS`: a route attribute.
    #[doc(alias = "RTA_MFC_STATS")]
    pub const MFC_STATS: u16 = 17;
    /// `RTA_VIA`: a route attribute.
    #[doc(alias = "RTA_VIA")]
    pub const VIA: u16 = 18;
    /// `RTA_NEWDST`: a route attribute.
    #[doc(alias = "RTA_NEWDST")]
    pub const NEWDST: u16 = 19;
    /// `RTA_PREF`: a route attribute.
    #[doc(alias = "RTA_PREF")]
    pub const PREF: u16 = 20;
    /// `RTA_ENCAP_TYPE`: a route attribute.
    #[doc(alias = "RTA_ENCAP_TYPE")]
    pub const ENCAP_TYPE: u16 = 21;
    /// `RTA_ENCAP`: a route attribute.
    #[doc(alias = "RTA_ENCAP")]
    pub const ENCAP: u16 = 22;
    /// `RTA_EXPIRES`: a route attribute.
    #[doc(alias = "RTA_EXPIRES")]
    pub const EXPIRES: u16 = 23;
    /// `RTA_PAD`: a route attribute.
    #[doc(alias = "RTA_PAD")]
    pub const PAD: u16 = 24;
    /// `RTA_UID`: a route attribute.
    #[doc(alias = "RTA_UID")]
    pub const UID: u16 = 25;
    /// `RTA_TTL_PROPAGATE`: a route attribute.
    #[doc(alias = "RTA_TTL_PROPAGATE")]
    pub const TTL_PROPAGATE: u16 = 26;
    /// `RTA_IP_PROTO`: a route attribute.
    #[doc(alias = "RTA_IP_PROTO")]
    pub const IP_PROTO: u16 = 27;
    /// `RTA_SPORT`: a route attribute.
    #[doc(alias = "RTA_SPORT")]
    pub const SPORT: u16 = 28;
    /// `RTA_DPORT`: a route attribute.
    #[doc(alias = "RTA_DPORT")]
    pub const DPORT: u16 = 29;
    /// `RTA_NH_ID`: a route attribute.
    #[doc(alias = "RTA_NH_ID")]
    pub const NH_ID: u16 = 30;
    /// `RTA_MAX`: the highest `RTA_*` value in the 6.1 headers.
    #[doc(alias = "RTA_MAX")]
    pub const MAX: u16 = 30;
}

/// Route types (`RTN_*` in `<linux/rtnetlink.h>`), the values of `rtmsg.rtm_type`.
pub mod rtn {
    /// `RTN_UNSPEC`: a route type.
    #[doc(alias = "RTN_UNSPEC")]
    pub const UNSPEC: u8 = 0;
    /// `RTN_UNICAST`: Gateway or direct route.
    #[doc(alias = "RTN_UNICAST")]
    pub const UNICAST: u8 = 1;
    /// `RTN_LOCAL`: Accept locally.
    #[doc(alias = "RTN_LOCAL")]
    pub const LOCAL: u8 = 2;
    /// `RTN_BROADCAST`: Accept locally as broadcast, send as broadcast.
    #[doc(alias = "RTN_BROADCAST")]
    pub const BROADCAST: u8 = 3;
    /// `RTN_ANYCAST`: Accept locally as broadcast, but send as unicast.
    #[doc(alias = "RTN_ANYCAST")]
    pub const ANYCAST: u8 = 4;
    /// `RTN_MULTICAST`: Multicast route.
    #[doc(alias = "RTN_MULTICAST")]
    pub const MULTICAST: u8 = 5;
    /// `RTN_BLACKHOLE`: Drop.
    #[doc(alias = "RTN_BLACKHOLE")]
    pub const BLACKHOLE: u8 = 6;
    /// `RTN_UNREACHABLE`: Destination is unreachable.
    #[doc(alias = "RTN_UNREACHABLE")]
    pub const UNREACHABLE: u8 = 7;
    /// `RTN_PROHIBIT`: Administratively prohibited.
    #[doc(alias = "RTN_PROHIBIT")]
    pub const PROHIBIT: u8 = 8;
    /// `RTN_THROW`: Not in this table.
    #[doc(alias = "RTN_THROW")]
    pub const THROW: u8 = 9;
    /// `RTN_NAT`: Translate this address.
    #[doc(alias = "RTN_NAT")]
    pub const NAT: u8 = 10;
    /// `RTN_XRESOLVE`: Use external resolver.
    #[doc(alias = "RTN_XRESOLVE")]
    pub const XRESOLVE: u8 = 11;
    /// `RTN_MAX`: the highest `RTN_*` value in the 6.1 headers.
    #[doc(alias = "RTN_MAX")]
    pub const MAX: u8 = 11;
}

/// Route origins (`RTPROT_*` in `<linux/rtnetlink.h>`), the values of `rtmsg.rtm_protocol`.
pub mod rtprot {
    /// `RTPROT_UNSPEC`: a route origin.
    #[doc(alias = "RTPROT_UNSPEC")]
    pub const UNSPEC: u8 = 0;
    /// `RTPROT_REDIRECT`: Route installed by ICMP redirects; not used by current IPv4.
    #[doc(alias = "RTPROT_REDIRECT")]
    pub const REDIRECT: u8 = 1;
    /// `RTPROT_KERNEL`: Route installed by kernel.
    #[doc(alias = "RTPROT_KERNEL")]
    pub const KERNEL: u8 = 2;
    /// `RTPROT_BOOT`: Route installed during boot.
    #[doc(alias = "RTPROT_BOOT")]
    pub const BOOT: u8 = 3;
    /// `RTPROT_STATIC`: Route installed by administrator.
    #[doc(alias = "RTPROT_STATIC")]
    pub const STATIC: u8 = 4;
    /// `RTPROT_GATED`: Apparently, GateD.
    #[doc(alias = "RTPROT_GATED")]
    pub const GATED: u8 = 8;
    /// `RTPROT_RA`: RDISC/ND router advertisements.
    #[doc(alias = "RTPROT_RA")]
    pub const RA: u8 = 9;
    /// `RTPROT_MRT`: Merit MRT.
    #[doc(alias = "RTPROT_MRT")]
    pub const MRT: u8 = 10;
    /// `RTPROT_ZEBRA`: Zebra.
    #[doc(alias = "RTPROT_ZEBRA")]
    pub const ZEBRA: u8 = 11;
    /// `RTPROT_BIRD`: BIRD.
    #[doc(alias = "RTPROT_BIRD")]
    pub const BIRD: u8 = 12;
    /// `RTPROT_DNROUTED`: DECnet routing daemon.
    #[doc(alias = "RTPROT_DNROUTED")]
    pub const DNROUTED: u8 = 13;
    /// `RTPROT_XORP`: XORP.
    #[doc(alias = "RTPROT_XORP")]
    pub const XORP: u8 = 14;
    /// `RTPROT_NTK`: Netsukuku.
    #[doc(alias = "RTPROT_NTK")]
    pub const NTK: u8 = 15;
    /// `RTPROT_DHCP`: DHCP client.
    #[doc(alias = "RTPROT_DHCP")]
    pub const DHCP: u8 = 16;
    /// `RTPROT_MROUTED`: Multicast daemon.
    #[doc(alias = "RTPROT_MROUTED")]
    pub const MROUTED: u8 = 17;
    /// `RTPROT_KEEPALIVED`: Keepalived daemon.
    #[doc(alias = "RTPROT_KEEPALIVED")]
    pub const KEEPALIVED: u8 = 18;
    /// `RTPROT_BABEL`: Babel daemon.
    #[doc(alias = "RTPROT_BABEL")]
    pub const BABEL: u8 = 42;
    /// `RTPROT_OPENR`: Open Routing (Open/R) Routes.
    #[doc(alias = "RTPROT_OPENR")]
    pub const OPENR: u8 = 99;
    /// `RTPROT_BGP`: BGP Routes.
    #[doc(alias = "RTPROT_BGP")]
    pub const BGP: u8 = 186;
    /// `RTPROT_ISIS`: ISIS Routes.
    #[doc(alias = "RTPROT_ISIS")]
    pub const ISIS: u8 = 187;
    /// `RTPROT_OSPF`: OSPF Routes.
    #[doc(alias = "RTPROT_OSPF")]
    pub const OSPF: u8 = 188;
    /// `RTPROT_RIP`: RIP Routes.
    #[doc(alias = "RTPROT_RIP")]
    pub const RIP: u8 = 189;
    /// `RTPROT_EIGRP`: EIGRP Routes.
    #[doc(alias = "RTPROT_EIGRP")]
    pub const EIGRP: u8 = 192;
}

/// Route scopes (`enum rt_scope_t`, `RT_SCOPE_*` in `<linux/rtnetlink.h>`), the values of `rtmsg.rtm_scope` and `ifaddrmsg.ifa_scope`.
pub mod rt_scope {
    /// `RT_SCOPE_UNIVERSE`: a route scope.
    #[doc(alias = "RT_SCOPE_UNIVERSE")]
    pub const UNIVERSE: u8 = 0;
    /// `RT_SCOPE_SITE`: a route scope.
    #[doc(alias = "RT_SCOPE_SITE")]
    pub const SITE: u8 = 200;
    /// `RT_SCOPE_LINK`: a route scope.
    #[doc(alias = "RT_SCOPE_LINK")]
    pub const LINK: u8 = 253;
    /// `RT_SCOPE_HOST`: a route scope.
    #[doc(alias = "RT_SCOPE_HOST")]
    pub const HOST: u8 = 254;
    /// `RT_SCOPE_NOWHERE`: a route scope.
    #[doc(alias = "RT_SCOPE_NOWHERE")]
    pub const NOWHERE: u8 = 255;
}

/// Reserved routing table ids (`enum rt_class_t`, `RT_TABLE_*` in `<linux/rtnetlink.h>`), as carried in `RTA_TABLE` (`u32`).
pub mod rt_table {
    /// `RT_TABLE_UNSPEC`: a reserved table id.
    #[doc(alias = "RT_TABLE_UNSPEC")]
    pub const UNSPEC: u32 = 0;
    /// `RT_TABLE_COMPAT`: a reserved table id.
    #[doc(alias = "RT_TABLE_COMPAT")]
    pub const COMPAT: u32 = 252;
    /// `RT_TABLE_DEFAULT`: a reserved table id.
    #[doc(alias = "RT_TABLE_DEFAULT")]
    pub const DEFAULT: u32 = 253;
    /// `RT_TABLE_MAIN`: a reserved table id.
    #[doc(alias = "RT_TABLE_MAIN")]
    pub const MAIN: u32 = 254;
    /// `RT_TABLE_LOCAL`: a reserved table id.
    #[doc(alias = "RT_TABLE_LOCAL")]
    pub const LOCAL: u32 = 255;
    /// `RT_TABLE_MAX`: a reserved table id.
    #[doc(alias = "RT_TABLE_MAX")]
    pub const MAX: u32 = 0xffff_ffff;
}

/// Route flags (`RTM_F_*` in `<linux/rtnetlink.h>`), the bits of `rtmsg.rtm_flags`.
pub mod rtm_f {
    /// `RTM_F_NOTIFY`: Notify user of route change.
    #[doc(alias = "RTM_F_NOTIFY")]
    pub const NOTIFY: u32 = 0x0100;
    /// `RTM_F_CLONED`: This route is cloned.
    #[doc(alias = "RTM_F_CLONED")]
    pub const CLONED: u32 = 0x0200;
    /// `RTM_F_EQUALIZE`: Multipath equalizer: NI.
    #[doc(alias = "RTM_F_EQUALIZE")]
    pub const EQUALIZE: u32 = 0x0400;
    /// `RTM_F_PREFIX`: Prefix addresses.
    #[doc(alias = "RTM_F_PREFIX")]
    pub const PREFIX: u32 = 0x0800;
    /// `RTM_F_LOOKUP_TABLE`: set rtm_table to FIB lookup result.
    #[doc(alias = "RTM_F_LOOKUP_TABLE")]
    pub const LOOKUP_TABLE: u32 = 0x1000;
    /// `RTM_F_FIB_MATCH`: return full fib lookup match.
    #[doc(alias = "RTM_F_FIB_MATCH")]
    pub const FIB_MATCH: u32 = 0x2000;
    /// `RTM_F_OFFLOAD`: route is offloaded.
    #[doc(alias = "RTM_F_OFFLOAD")]
    pub const OFFLOAD: u32 = 0x4000;
    /// `RTM_F_TRAP`: route is trapping packets.
    #[doc(alias = "RTM_F_TRAP")]
    pub const TRAP: u32 = 0x8000;
    /// `RTM_F_OFFLOAD_FAILED`: route offload failed, this value is chosen to avoid conflicts with other flags defined in include/uapi/linux/ipv6_route.h.
    #[doc(alias = "RTM_F_OFFLOAD_FAILED")]
    pub const OFFLOAD_FAILED: u32 = 0x2000_0000;
}

/// Next-hop flags (`RTNH_F_*` in `<linux/rtnetlink.h>`), the bits of `rtnexthop.rtnh_flags`.
pub mod rtnh_f {
    /// `RTNH_F_DEAD`: Nexthop is dead (used by multipath).
    #[doc(alias = "RTNH_F_DEAD")]
    pub const DEAD: u8 = 0x01;
    /// `RTNH_F_PERVASIVE`: Do recursive gateway lookup.
    #[doc(alias = "RTNH_F_PERVASIVE")]
    pub const PERVASIVE: u8 = 0x02;
    /// `RTNH_F_ONLINK`: Gateway is forced on link.
    #[doc(alias = "RTNH_F_ONLINK")]
    pub const ONLINK: u8 = 0x04;
    /// `RTNH_F_OFFLOAD`: Nexthop is offloaded.
    #[doc(alias = "RTNH_F_OFFLOAD")]
    pub const OFFLOAD: u8 = 0x08;
    /// `RTNH_F_LINKDOWN`: carrier-down on nexthop.
    #[doc(alias = "RTNH_F_LINKDOWN")]
    pub const LINKDOWN: u8 = 0x10;
    /// `RTNH_F_UNRESOLVED`: The entry is unresolved (ipmr).
    #[doc(alias = "RTNH_F_UNRESOLVED")]
    pub const UNRESOLVED: u8 = 0x20;
    /// `RTNH_F_TRAP`: Nexthop is trapping packets.
    #[doc(alias = "RTNH_F_TRAP")]
    pub const TRAP: u8 = 0x40;
}

/// Route metrics (`RTAX_*` in `<linux/rtnetlink.h>`), the attribute types inside `RTA_METRICS`.
pub mod rtax {
    /// `RTAX_UNSPEC`: a route metric.
    #[doc(alias = "RTAX_UNSPEC")]
    pub const UNSPEC: u16 = 0;
    /// `RTAX_LOCK`: a route metric.
    #[doc(alias = "RTAX_LOCK")]
    pub const LOCK: u16 = 1;
    /// `RTAX_MTU`: a route metric.
    #[doc(alias = "RTAX_MTU")]
    pub const MTU: u16 = 2;
    /// `RTAX_WINDOW`: a route metric.
    #[doc(alias = "RTAX_WINDOW")]
    pub const WINDOW: u16 = 3;
    /// `RTAX_RTT`: a route metric.
    #[doc(alias = "RTAX_RTT")]
    pub const RTT: u16 = 4;
    /// `RTAX_RTTVAR`: a route metric.
    #[doc(alias = "RTAX_RTTVAR")]
    pub const RTTVAR: u16 = 5;
    /// `RTAX_SSTHRESH`: a route metric.
    #[doc(alias = "RTAX_SSTHRESH")]
    pub const SSTHRESH: u16 = 6;
    /// `RTAX_CWND`: a route metric.
    #[doc(alias = "RTAX_CWND")]
    pub const CWND: u16 = 7;
    /// `RTAX_ADVMSS`: a route metric.
    #[doc(alias = "RTAX_ADVMSS")]
    pub const ADVMSS: u16 = 8;
    /// `RTAX_REORDERING`: a route metric.
    #[doc(alias = "RTAX_REORDERING")]
    pub const REORDERING: u16 = 9;
    /// `RTAX_HOPLIMIT`: a route metric.
    #[doc(alias = "RTAX_HOPLIMIT")]
    pub const HOPLIMIT: u16 = 10;
    /// `RTAX_INITCWND`: a route metric.
    #[doc(alias = "RTAX_INITCWND")]
    pub const INITCWND: u16 = 11;
    /// `RTAX_FEATURES`: a route metric.
    #[doc(alias = "RTAX_FEATURES")]
    pub const FEATURES: u16 = 12;
    /// `RTAX_RTO_MIN`: a route metric.
    #[doc(alias = "RTAX_RTO_MIN")]
    pub const RTO_MIN: u16 = 13;
    /// `RTAX_INITRWND`: a route metric.
    #[doc(alias = "RTAX_INITRWND")]
    pub const INITRWND: u16 = 14;
    /// `RTAX_QUICKACK`: a route metric.
    #[doc(alias = "RTAX_QUICKACK")]
    pub const QUICKACK: u16 = 15;
    /// `RTAX_CC_ALGO`: a route metric.
    #[doc(alias = "RTAX_CC_ALGO")]
    pub const CC_ALGO: u16 = 16;
    /// `RTAX_FASTOPEN_NO_COOKIE`: a route metric.
    #[doc(alias = "RTAX_FASTOPEN_NO_COOKIE")]
    pub const FASTOPEN_NO_COOKIE: u16 = 17;
    /// `RTAX_MAX`: the highest `RTAX_*` value in the 6.1 headers.
    #[doc(alias = "RTAX_MAX")]
    pub const MAX: u16 = 17;
}

/// Link dump filters (`RTEXT_FILTER_*` in `<linux/rtnetlink.h>`), the bits of the `IFLA_EXT_MASK` attribute.
pub mod rtext_filter {
    /// `RTEXT_FILTER_VF`: a link dump filter bit.
    #[doc(alias = "RTEXT_FILTER_VF")]
    pub const VF: u32 = 0x01;
    /// `RTEXT_FILTER_BRVLAN`: a link dump filter bit.
    #[doc(alias = "RTEXT_FILTER_BRVLAN")]
    pub const BRVLAN: u32 = 0x02;
    /// `RTEXT_FILTER_BRVLAN_COMPRESSED`: a link dump filter bit.
    #[doc(alias = "RTEXT_FILTER_BRVLAN_COMPRESSED")]
    pub const BRVLAN_COMPRESSED: u32 = 0x04;
    /// `RTEXT_FILTER_SKIP_STATS`: a link dump filter bit.
    #[doc(alias = "RTEXT_FILTER_SKIP_STATS")]
    pub const SKIP_STATS: u32 = 0x08;
    /// `RTEXT_FILTER_MRP`: a link dump filter bit.
    #[doc(alias = "RTEXT_FILTER_MRP")]
    pub const MRP: u32 = 0x10;
    /// `RTEXT_FILTER_CFM_CONFIG`: a link dump filter bit.
    #[doc(alias = "RTEXT_FILTER_CFM_CONFIG")]
    pub const CFM_CONFIG: u32 = 0x20;
    /// `RTEXT_FILTER_CFM_STATUS`: a link dump filter bit.
    #[doc(alias = "RTEXT_FILTER_CFM_STATUS")]
    pub const CFM_STATUS: u32 = 0x40;
    /// `RTEXT_FILTER_MST`: a link dump filter bit.
    #[doc(alias = "RTEXT_FILTER_MST")]
    pub const MST: u32 = 0x80;
}

/// Address families (`AF_*` in glibc's `<bits/socket.h>`, included by `<sys/socket.h>`), the values of the `*_family` fields.
pub mod af {
    /// `AF_UNSPEC`: an address family.
    #[doc(alias = "AF_UNSPEC")]
    pub const UNSPEC: u8 = 0;
    /// `AF_INET`: an address family.
    #[doc(alias = "AF_INET")]
    pub const INET: u8 = 2;
    /// `AF_BRIDGE`: an address family.
    #[doc(alias = "AF_BRIDGE")]
    pub const BRIDGE: u8 = 7;
    /// `AF_INET6`: an address family.
    #[doc(alias = "AF_INET6")]
    pub const INET6: u8 = 10;
    /// `AF_NETLINK`: an address family.
    #[doc(alias = "AF_NETLINK")]
    pub const NETLINK: u8 = 16;
    /// `AF_PACKET`: an address family.
    #[doc(alias = "AF_PACKET")]
    pub const PACKET: u8 = 17;
    /// `AF_MPLS`: an address family.
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
