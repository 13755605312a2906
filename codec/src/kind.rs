//! Kind-specific link data: the `IFLA_INFO_DATA` nest of bridges, vxlans, vlans, macvlans,
//! ipvlans, vrfs and tun/tap devices, and a bridge or vrf port's `IFLA_INFO_SLAVE_DATA`.
//!
//! Each view is checked and indexed the same way as [`LinkMessage`](crate::LinkMessage) when the
//! link message is parsed, so its accessors are lookups that cannot fail.

use core::net::IpAddr;

use crate::attr::{Attr, Attrs};
use crate::error::Error;
use crate::index::{AttrIndex, Len, Rule, policy, slots};
use crate::{
    ifla_br, ifla_brport, ifla_ipvlan, ifla_macvlan, ifla_tun, ifla_vlan, ifla_vrf, ifla_vrf_port,
    ifla_vxlan,
};

/// `struct ifla_bridge_id` (`<linux/if_link.h>`): a bridge identifier, the STP priority and
/// the bridge's MAC address, as `IFLA_BR_BRIDGE_ID`, `IFLA_BR_ROOT_ID` and their
/// `IFLA_BRPORT_*` twins carry it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct BridgeId {
    /// `prio`: the priority, most significant byte first.
    pub priority: [u8; 2],
    /// `addr`: the bridge's MAC address.
    pub address: [u8; 6],
}

/// `struct br_boolopt_multi` (`<linux/if_bridge.h>`): `IFLA_BR_MULTI_BOOLOPT`, the bridge's
/// boolean options (`BR_BOOLOPT_*` bits) and which of them the message says anything about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct BoolOpts {
    /// `optval`: the values of the options in `optmask`.
    pub value: u32,
    /// `optmask`: the options present.
    pub mask: u32,
}

/// A fixed-size value read from the start of an attribute's payload: what a kind view's
/// accessor returns, and the least payload its policy accepts.
trait Field: Sized {
    /// The payload an attribute must have for this value (its size).
    const LEN: Len;
    /// The value from a payload the policy accepted.
    fn read(payload: &[u8]) -> Option<Self>;
}

macro_rules! field_int {
    ($($ty:ty),*) => {$(
        impl Field for $ty {
            #[allow(clippy::cast_possible_truncation)] // sizes of 1 to 8 bytes
            const LEN: Len = Len::Min(size_of::<$ty>() as u8);
            fn read(payload: &[u8]) -> Option<Self> {
                payload.first_chunk().copied().map(<$ty>::from_ne_bytes)
            }
        }
    )*};
}
field_int!(u8, u16, u32, u64);

impl Field for bool {
    const LEN: Len = Len::Min(1);
    fn read(payload: &[u8]) -> Option<Self> {
        payload.first().map(|&b| b != 0)
    }
}

impl Field for BridgeId {
    const LEN: Len = Len::Min(8);
    fn read(payload: &[u8]) -> Option<Self> {
        let (priority, rest) = payload.split_first_chunk::<2>()?;
        let address = rest.first_chunk::<6>()?;
        Some(BridgeId {
            priority: *priority,
            address: *address,
        })
    }
}

impl Field for BoolOpts {
    const LEN: Len = Len::Min(8);
    fn read(payload: &[u8]) -> Option<Self> {
        let (value, rest) = payload.split_first_chunk::<4>()?;
        let mask = rest.first_chunk::<4>()?;
        Some(BoolOpts {
            value: u32::from_ne_bytes(*value),
            mask: u32::from_ne_bytes(*mask),
        })
    }
}

/// Declares a kind-data view over an indexed nest: its typed fields (each an accessor, checked
/// by the policy for its size) and the other attributes the policy checks (read by hand).
macro_rules! kind_view {
    (
        $(#[$meta:meta])* $name:ident, $max:expr,
        fields { $( $(#[$fmeta:meta])* $field:ident: $ty:ty = $attr:expr, )* }
        checked [ $( ($cattr:expr, $clen:expr), )* ]
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug)]
        pub struct $name<'a> {
            attrs: AttrIndex<'a, { slots($max) }>,
        }

        impl<'a> $name<'a> {
            const POLICY: [Rule; slots($max)] = policy(&[
                $( ($attr, <$ty as Field>::LEN), )*
                $( ($cattr, $clen), )*
            ]);

            /// Checks and indexes the nest carried by `data` (`IFLA_INFO_DATA` or
            /// `IFLA_INFO_SLAVE_DATA`).
            pub(crate) fn parse(data: Attr<'a>) -> Result<Self, Error> {
                let attrs = AttrIndex::parse(
                    data.payload(),
                    data.offset().saturating_add(4),
                    &Self::POLICY,
                )?;
                Ok($name { attrs })
            }

            /// The attribute of type `ty`, raw.
            pub fn attr(&self, ty: u16) -> Option<Attr<'a>> {
                self.attrs.get(ty)
            }

            /// Every attribute of the nest in order, known or not.
            pub fn attrs(&self) -> Attrs<'a> {
                self.attrs.iter()
            }

            $(
                $(#[$fmeta])*
                #[inline]
                pub fn $field(&self) -> Option<$ty> {
                    self.attrs.bytes($attr).and_then(<$ty as Field>::read)
                }
            )*
        }
    };
}

kind_view!(
    /// A vxlan's `IFLA_INFO_DATA` (`IFLA_VXLAN_*`, `drivers/net/vxlan/vxlan_core.c`).
    VxlanInfo,
    ifla_vxlan::MAX,
    fields {
        /// `IFLA_VXLAN_ID`: the VXLAN network identifier (VNI).
        id: u32 = ifla_vxlan::ID,
        /// `IFLA_VXLAN_LINK`: index of the underlying device.
        link: u32 = ifla_vxlan::LINK,
        /// `IFLA_VXLAN_TTL`: 0 means inherit.
        ttl: u8 = ifla_vxlan::TTL,
        /// `IFLA_VXLAN_TOS`: 1 means inherit.
        tos: u8 = ifla_vxlan::TOS,
        /// `IFLA_VXLAN_LEARNING`: whether source addresses are learnt into the FDB.
        learning: bool = ifla_vxlan::LEARNING,
        /// `IFLA_VXLAN_AGEING`: FDB entry lifetime, seconds.
        ageing: u32 = ifla_vxlan::AGEING,
        /// `IFLA_VXLAN_LIMIT`: the most FDB entries (`maxaddress`); 0 is no limit.
        limit: u32 = ifla_vxlan::LIMIT,
        /// `IFLA_VXLAN_PROXY`: ARP / neighbour discovery proxying.
        proxy: bool = ifla_vxlan::PROXY,
        /// `IFLA_VXLAN_RSC`: route short circuit.
        rsc: bool = ifla_vxlan::RSC,
        /// `IFLA_VXLAN_L2MISS`: netlink notifications of link-layer address misses.
        l2miss: bool = ifla_vxlan::L2MISS,
        /// `IFLA_VXLAN_L3MISS`: netlink notifications of IP address misses.
        l3miss: bool = ifla_vxlan::L3MISS,
        /// `IFLA_VXLAN_UDP_CSUM`: UDP checksums on IPv4 transmit.
        udp_csum: bool = ifla_vxlan::UDP_CSUM,
        /// `IFLA_VXLAN_UDP_ZERO_CSUM6_TX`: send IPv6 UDP with a zero checksum.
        udp_zero_csum6_tx: bool = ifla_vxlan::UDP_ZERO_CSUM6_TX,
        /// `IFLA_VXLAN_UDP_ZERO_CSUM6_RX`: accept IPv6 UDP with a zero checksum.
        udp_zero_csum6_rx: bool = ifla_vxlan::UDP_ZERO_CSUM6_RX,
        /// `IFLA_VXLAN_REMCSUM_TX`: remote checksum offload on transmit.
        remcsum_tx: bool = ifla_vxlan::REMCSUM_TX,
        /// `IFLA_VXLAN_REMCSUM_RX`: remote checksum offload on receive.
        remcsum_rx: bool = ifla_vxlan::REMCSUM_RX,
        /// `IFLA_VXLAN_COLLECT_METADATA`: `external`, the tunnel is driven by metadata.
        collect_metadata: bool = ifla_vxlan::COLLECT_METADATA,
        /// `IFLA_VXLAN_TTL_INHERIT`: the TTL is taken from the inner packet.
        ttl_inherit: bool = ifla_vxlan::TTL_INHERIT,
        /// `IFLA_VXLAN_DF`: `enum ifla_vxlan_df`, 0 unset, 1 set, 2 inherit.
        df: u8 = ifla_vxlan::DF,
        /// `IFLA_VXLAN_VNIFILTER`: per-VNI filtering (Linux 5.18+).
        vnifilter: bool = ifla_vxlan::VNIFILTER,
    }
    checked [
        (ifla_vxlan::GROUP, Len::Min(4)),
        (ifla_vxlan::LOCAL, Len::Min(4)),
        (ifla_vxlan::PORT_RANGE, Len::Min(4)),
        (ifla_vxlan::PORT, Len::Min(2)),
        (ifla_vxlan::GROUP6, Len::Min(16)),
        (ifla_vxlan::LOCAL6, Len::Min(16)),
        (ifla_vxlan::LABEL, Len::Min(4)),
    ]
);

impl VxlanInfo<'_> {
    /// `IFLA_VXLAN_PORT`: the UDP destination port (sent big-endian; returned as a number).
    pub fn port(&self) -> Option<u16> {
        self.attrs.be16(ifla_vxlan::PORT)
    }

    /// `IFLA_VXLAN_PORT_RANGE`: the UDP source port range, low and high.
    pub fn port_range(&self) -> Option<(u16, u16)> {
        let range = self.attrs.bytes(ifla_vxlan::PORT_RANGE)?;
        let (low, high) = range.split_first_chunk::<2>()?;
        let high = high.first_chunk::<2>()?;
        Some((u16::from_be_bytes(*low), u16::from_be_bytes(*high)))
    }

    /// `IFLA_VXLAN_GROUP` or `IFLA_VXLAN_GROUP6`: the remote address or multicast group.
    ///
    /// Read as the kernel reads them: the first 4 (16) bytes; the policy requires at least that.
    pub fn remote(&self) -> Option<IpAddr> {
        self.attrs
            .ipv4(ifla_vxlan::GROUP)
            .map(IpAddr::V4)
            .or_else(|| self.attrs.ipv6(ifla_vxlan::GROUP6).map(IpAddr::V6))
    }

    /// `IFLA_VXLAN_LOCAL` or `IFLA_VXLAN_LOCAL6`: the local source address, read like
    /// [`VxlanInfo::remote`].
    pub fn local(&self) -> Option<IpAddr> {
        self.attrs
            .ipv4(ifla_vxlan::LOCAL)
            .map(IpAddr::V4)
            .or_else(|| self.attrs.ipv6(ifla_vxlan::LOCAL6).map(IpAddr::V6))
    }

    /// `IFLA_VXLAN_LABEL`: the IPv6 flow label (sent big-endian; returned as a number).
    pub fn label(&self) -> Option<u32> {
        self.attrs.u32(ifla_vxlan::LABEL).map(u32::from_be)
    }

    /// `IFLA_VXLAN_GBP`: the group policy extension, a flag (present or not).
    pub fn gbp(&self) -> bool {
        self.attrs.get(ifla_vxlan::GBP).is_some()
    }

    /// `IFLA_VXLAN_GPE`: the generic protocol extension, a flag.
    pub fn gpe(&self) -> bool {
        self.attrs.get(ifla_vxlan::GPE).is_some()
    }

    /// `IFLA_VXLAN_REMCSUM_NOPARTIAL`: remote checksum offload without partial checksums, a
    /// flag.
    pub fn remcsum_nopartial(&self) -> bool {
        self.attrs.get(ifla_vxlan::REMCSUM_NOPARTIAL).is_some()
    }
}

kind_view!(
    /// A bridge's `IFLA_INFO_DATA` (`IFLA_BR_*`, `net/bridge/br_netlink.c`). Times are in
    /// hundredths of a second (clock_t, `USER_HZ` 100).
    BridgeInfo,
    ifla_br::MAX,
    fields {
        /// `IFLA_BR_FORWARD_DELAY`.
        forward_delay: u32 = ifla_br::FORWARD_DELAY,
        /// `IFLA_BR_HELLO_TIME`.
        hello_time: u32 = ifla_br::HELLO_TIME,
        /// `IFLA_BR_MAX_AGE`.
        max_age: u32 = ifla_br::MAX_AGE,
        /// `IFLA_BR_AGEING_TIME`.
        ageing_time: u32 = ifla_br::AGEING_TIME,
        /// `IFLA_BR_STP_STATE`: 0 off, 1 kernel STP, 2 user-space STP.
        stp_state: u32 = ifla_br::STP_STATE,
        /// `IFLA_BR_PRIORITY`: the bridge priority.
        priority: u16 = ifla_br::PRIORITY,
        /// `IFLA_BR_VLAN_FILTERING`.
        vlan_filtering: bool = ifla_br::VLAN_FILTERING,
        /// `IFLA_BR_GROUP_FWD_MASK`: which link-local groups (01:80:c2:00:00:0X) are forwarded.
        group_fwd_mask: u16 = ifla_br::GROUP_FWD_MASK,
        /// `IFLA_BR_ROOT_ID`: the root bridge.
        root_id: BridgeId = ifla_br::ROOT_ID,
        /// `IFLA_BR_BRIDGE_ID`: this bridge.
        bridge_id: BridgeId = ifla_br::BRIDGE_ID,
        /// `IFLA_BR_ROOT_PORT`: the port towards the root.
        root_port: u16 = ifla_br::ROOT_PORT,
        /// `IFLA_BR_ROOT_PATH_COST`.
        root_path_cost: u32 = ifla_br::ROOT_PATH_COST,
        /// `IFLA_BR_TOPOLOGY_CHANGE`.
        topology_change: u8 = ifla_br::TOPOLOGY_CHANGE,
        /// `IFLA_BR_TOPOLOGY_CHANGE_DETECTED`.
        topology_change_detected: u8 = ifla_br::TOPOLOGY_CHANGE_DETECTED,
        /// `IFLA_BR_HELLO_TIMER`: time left.
        hello_timer: u64 = ifla_br::HELLO_TIMER,
        /// `IFLA_BR_TCN_TIMER`: time left.
        tcn_timer: u64 = ifla_br::TCN_TIMER,
        /// `IFLA_BR_TOPOLOGY_CHANGE_TIMER`: time left.
        topology_change_timer: u64 = ifla_br::TOPOLOGY_CHANGE_TIMER,
        /// `IFLA_BR_GC_TIMER`: time left to the next FDB garbage collection.
        gc_timer: u64 = ifla_br::GC_TIMER,
        /// `IFLA_BR_MCAST_ROUTER`: 0 disabled, 1 learnt from queries, 2 always.
        mcast_router: u8 = ifla_br::MCAST_ROUTER,
        /// `IFLA_BR_MCAST_SNOOPING`.
        mcast_snooping: bool = ifla_br::MCAST_SNOOPING,
        /// `IFLA_BR_MCAST_QUERY_USE_IFADDR`.
        mcast_query_use_ifaddr: u8 = ifla_br::MCAST_QUERY_USE_IFADDR,
        /// `IFLA_BR_MCAST_QUERIER`.
        mcast_querier: u8 = ifla_br::MCAST_QUERIER,
        /// `IFLA_BR_MCAST_HASH_ELASTICITY`.
        mcast_hash_elasticity: u32 = ifla_br::MCAST_HASH_ELASTICITY,
        /// `IFLA_BR_MCAST_HASH_MAX`.
        mcast_hash_max: u32 = ifla_br::MCAST_HASH_MAX,
        /// `IFLA_BR_MCAST_LAST_MEMBER_CNT`.
        mcast_last_member_cnt: u32 = ifla_br::MCAST_LAST_MEMBER_CNT,
        /// `IFLA_BR_MCAST_STARTUP_QUERY_CNT`.
        mcast_startup_query_cnt: u32 = ifla_br::MCAST_STARTUP_QUERY_CNT,
        /// `IFLA_BR_MCAST_LAST_MEMBER_INTVL`.
        mcast_last_member_intvl: u64 = ifla_br::MCAST_LAST_MEMBER_INTVL,
        /// `IFLA_BR_MCAST_MEMBERSHIP_INTVL`.
        mcast_membership_intvl: u64 = ifla_br::MCAST_MEMBERSHIP_INTVL,
        /// `IFLA_BR_MCAST_QUERIER_INTVL`.
        mcast_querier_intvl: u64 = ifla_br::MCAST_QUERIER_INTVL,
        /// `IFLA_BR_MCAST_QUERY_INTVL`.
        mcast_query_intvl: u64 = ifla_br::MCAST_QUERY_INTVL,
        /// `IFLA_BR_MCAST_QUERY_RESPONSE_INTVL`.
        mcast_query_response_intvl: u64 = ifla_br::MCAST_QUERY_RESPONSE_INTVL,
        /// `IFLA_BR_MCAST_STARTUP_QUERY_INTVL`.
        mcast_startup_query_intvl: u64 = ifla_br::MCAST_STARTUP_QUERY_INTVL,
        /// `IFLA_BR_NF_CALL_IPTABLES`.
        nf_call_iptables: u8 = ifla_br::NF_CALL_IPTABLES,
        /// `IFLA_BR_NF_CALL_IP6TABLES`.
        nf_call_ip6tables: u8 = ifla_br::NF_CALL_IP6TABLES,
        /// `IFLA_BR_NF_CALL_ARPTABLES`.
        nf_call_arptables: u8 = ifla_br::NF_CALL_ARPTABLES,
        /// `IFLA_BR_VLAN_DEFAULT_PVID`.
        vlan_default_pvid: u16 = ifla_br::VLAN_DEFAULT_PVID,
        /// `IFLA_BR_VLAN_STATS_ENABLED`.
        vlan_stats_enabled: u8 = ifla_br::VLAN_STATS_ENABLED,
        /// `IFLA_BR_MCAST_STATS_ENABLED`.
        mcast_stats_enabled: u8 = ifla_br::MCAST_STATS_ENABLED,
        /// `IFLA_BR_MCAST_IGMP_VERSION`.
        mcast_igmp_version: u8 = ifla_br::MCAST_IGMP_VERSION,
        /// `IFLA_BR_MCAST_MLD_VERSION`.
        mcast_mld_version: u8 = ifla_br::MCAST_MLD_VERSION,
        /// `IFLA_BR_VLAN_STATS_PER_PORT`.
        vlan_stats_per_port: u8 = ifla_br::VLAN_STATS_PER_PORT,
        /// `IFLA_BR_MULTI_BOOLOPT`: `no_linklocal_learn`, `mcast_vlan_snooping`, ...
        multi_boolopt: BoolOpts = ifla_br::MULTI_BOOLOPT,
    }
    checked [
        (ifla_br::VLAN_PROTOCOL, Len::Min(2)),
    ]
);

impl<'a> BridgeInfo<'a> {
    /// `IFLA_BR_VLAN_PROTOCOL`: the VLAN ethertype, 0x8100 or 0x88a8 (sent big-endian).
    pub fn vlan_protocol(&self) -> Option<u16> {
        self.attrs.be16(ifla_br::VLAN_PROTOCOL)
    }

    /// `IFLA_BR_GROUP_ADDR`: the STP group address (01:80:c2:00:00:00 by default).
    pub fn group_addr(&self) -> Option<&'a [u8]> {
        self.attrs.bytes(ifla_br::GROUP_ADDR)
    }
}

kind_view!(
    /// A bridge port's `IFLA_INFO_SLAVE_DATA` (`IFLA_BRPORT_*`, `br_port_fill_attrs()` in
    /// `net/bridge/br_netlink.c`). Timers are in hundredths of a second.
    BridgePortInfo,
    ifla_brport::MAX,
    fields {
        /// `IFLA_BRPORT_STATE`: `BR_STATE_*` (0 disabled, 1 listening, 2 learning,
        /// 3 forwarding, 4 blocking).
        state: u8 = ifla_brport::STATE,
        /// `IFLA_BRPORT_PRIORITY`: the STP port priority.
        priority: u16 = ifla_brport::PRIORITY,
        /// `IFLA_BRPORT_COST`: the STP path cost.
        cost: u32 = ifla_brport::COST,
        /// `IFLA_BRPORT_MODE`: hairpin mode (frames may go back out the port they came in).
        mode: bool = ifla_brport::MODE,
        /// `IFLA_BRPORT_GUARD`: BPDU guard.
        guard: bool = ifla_brport::GUARD,
        /// `IFLA_BRPORT_PROTECT`: root block.
        protect: bool = ifla_brport::PROTECT,
        /// `IFLA_BRPORT_FAST_LEAVE`: multicast fast leave.
        fast_leave: bool = ifla_brport::FAST_LEAVE,
        /// `IFLA_BRPORT_LEARNING`: learn source addresses.
        learning: bool = ifla_brport::LEARNING,
        /// `IFLA_BRPORT_UNICAST_FLOOD`: flood unknown unicast to this port.
        unicast_flood: bool = ifla_brport::UNICAST_FLOOD,
        /// `IFLA_BRPORT_PROXYARP`.
        proxyarp: bool = ifla_brport::PROXYARP,
        /// `IFLA_BRPORT_LEARNING_SYNC`.
        learning_sync: bool = ifla_brport::LEARNING_SYNC,
        /// `IFLA_BRPORT_PROXYARP_WIFI`.
        proxyarp_wifi: bool = ifla_brport::PROXYARP_WIFI,
        /// `IFLA_BRPORT_ROOT_ID`: the designated root.
        root_id: BridgeId = ifla_brport::ROOT_ID,
        /// `IFLA_BRPORT_BRIDGE_ID`: the designated bridge.
        bridge_id: BridgeId = ifla_brport::BRIDGE_ID,
        /// `IFLA_BRPORT_DESIGNATED_PORT`.
        designated_port: u16 = ifla_brport::DESIGNATED_PORT,
        /// `IFLA_BRPORT_DESIGNATED_COST`.
        designated_cost: u16 = ifla_brport::DESIGNATED_COST,
        /// `IFLA_BRPORT_ID`: the STP port id.
        id: u16 = ifla_brport::ID,
        /// `IFLA_BRPORT_NO`: the port number.
        no: u16 = ifla_brport::NO,
        /// `IFLA_BRPORT_TOPOLOGY_CHANGE_ACK`.
        topology_change_ack: u8 = ifla_brport::TOPOLOGY_CHANGE_ACK,
        /// `IFLA_BRPORT_CONFIG_PENDING`.
        config_pending: u8 = ifla_brport::CONFIG_PENDING,
        /// `IFLA_BRPORT_MESSAGE_AGE_TIMER`: time left.
        message_age_timer: u64 = ifla_brport::MESSAGE_AGE_TIMER,
        /// `IFLA_BRPORT_FORWARD_DELAY_TIMER`: time left.
        forward_delay_timer: u64 = ifla_brport::FORWARD_DELAY_TIMER,
        /// `IFLA_BRPORT_HOLD_TIMER`: time left.
        hold_timer: u64 = ifla_brport::HOLD_TIMER,
        /// `IFLA_BRPORT_MULTICAST_ROUTER`: 0 disabled, 1 learnt, 2 permanent, 3 temporary.
        multicast_router: u8 = ifla_brport::MULTICAST_ROUTER,
        /// `IFLA_BRPORT_MCAST_FLOOD`: flood unknown multicast to this port.
        mcast_flood: bool = ifla_brport::MCAST_FLOOD,
        /// `IFLA_BRPORT_MCAST_TO_UCAST`: send multicast as unicast.
        mcast_to_ucast: bool = ifla_brport::MCAST_TO_UCAST,
        /// `IFLA_BRPORT_VLAN_TUNNEL`.
        vlan_tunnel: bool = ifla_brport::VLAN_TUNNEL,
        /// `IFLA_BRPORT_BCAST_FLOOD`: flood broadcast to this port.
        bcast_flood: bool = ifla_brport::BCAST_FLOOD,
        /// `IFLA_BRPORT_GROUP_FWD_MASK`: which link-local groups are forwarded.
        group_fwd_mask: u16 = ifla_brport::GROUP_FWD_MASK,
        /// `IFLA_BRPORT_NEIGH_SUPPRESS`: ARP/ND suppression.
        neigh_suppress: bool = ifla_brport::NEIGH_SUPPRESS,
        /// `IFLA_BRPORT_ISOLATED`: isolated ports do not talk to each other.
        isolated: bool = ifla_brport::ISOLATED,
        /// `IFLA_BRPORT_BACKUP_PORT`: index of the backup port.
        backup_port: u32 = ifla_brport::BACKUP_PORT,
        /// `IFLA_BRPORT_MRP_RING_OPEN`.
        mrp_ring_open: bool = ifla_brport::MRP_RING_OPEN,
        /// `IFLA_BRPORT_MRP_IN_OPEN`.
        mrp_in_open: bool = ifla_brport::MRP_IN_OPEN,
        /// `IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT`.
        mcast_eht_hosts_limit: u32 = ifla_brport::MCAST_EHT_HOSTS_LIMIT,
        /// `IFLA_BRPORT_MCAST_EHT_HOSTS_CNT`.
        mcast_eht_hosts_cnt: u32 = ifla_brport::MCAST_EHT_HOSTS_CNT,
        /// `IFLA_BRPORT_LOCKED`: only authenticated hosts may send (802.1X).
        locked: bool = ifla_brport::LOCKED,
    }
    checked []
);

kind_view!(
    /// A vlan's `IFLA_INFO_DATA` (`IFLA_VLAN_*`, `net/8021q/vlan_netlink.c`).
    VlanInfo,
    ifla_vlan::MAX,
    fields {}
    checked [
        (ifla_vlan::ID, Len::Min(2)),
        (ifla_vlan::PROTOCOL, Len::Min(2)),
        (ifla_vlan::FLAGS, Len::Min(8)),
    ]
);

impl VlanInfo<'_> {
    /// `IFLA_VLAN_ID`: the VLAN id, 0..=4095.
    pub fn id(&self) -> Option<u16> {
        self.attrs.u16(ifla_vlan::ID)
    }

    /// `IFLA_VLAN_PROTOCOL`: 0x8100 (802.1Q) or 0x88a8 (802.1ad), sent big-endian.
    pub fn protocol(&self) -> Option<u16> {
        self.attrs.be16(ifla_vlan::PROTOCOL)
    }

    /// `IFLA_VLAN_FLAGS`: `struct ifla_vlan_flags`'s `flags`, `VLAN_FLAG_*`.
    pub fn flags(&self) -> Option<u32> {
        self.attrs.u32(ifla_vlan::FLAGS)
    }
}

kind_view!(
    /// A macvlan's `IFLA_INFO_DATA` (`IFLA_MACVLAN_*`, `drivers/net/macvlan.c`).
    MacvlanInfo,
    ifla_macvlan::MAX,
    fields {
        /// `IFLA_MACVLAN_MODE`: `MACVLAN_MODE_*` (private, vepa, bridge, passthru, source).
        mode: u32 = ifla_macvlan::MODE,
        /// `IFLA_MACVLAN_FLAGS`: `MACVLAN_FLAG_*`.
        flags: u16 = ifla_macvlan::FLAGS,
        /// `IFLA_MACVLAN_MACADDR_COUNT`: how many source addresses a `source` macvlan has.
        macaddr_count: u32 = ifla_macvlan::MACADDR_COUNT,
        /// `IFLA_MACVLAN_BC_QUEUE_LEN`: the broadcast queue length asked for.
        bc_queue_len: u32 = ifla_macvlan::BC_QUEUE_LEN,
        /// `IFLA_MACVLAN_BC_QUEUE_LEN_USED`: the broadcast queue length in use (the largest
        /// asked for by the macvlans of the lower device).
        bc_queue_len_used: u32 = ifla_macvlan::BC_QUEUE_LEN_USED,
    }
    checked []
);

impl<'a> MacvlanInfo<'a> {
    /// `IFLA_MACVLAN_MACADDR_DATA`: a `source` macvlan's allowed source addresses (each
    /// `IFLA_MACVLAN_MACADDR` of at least 6 bytes; others are skipped, as `ip` skips them).
    pub fn macaddrs(&self) -> impl Iterator<Item = [u8; 6]> + use<'a> {
        let nest = self
            .attrs
            .get(ifla_macvlan::MACADDR_DATA)
            .map(|a| a.nested());
        nest.into_iter()
            .flatten()
            .map_while(Result::ok)
            .filter(|attr| attr.ty() == ifla_macvlan::MACADDR)
            .filter_map(|attr| attr.payload().first_chunk::<6>().copied())
    }
}

kind_view!(
    /// A tun/tap device's `IFLA_INFO_DATA` (`IFLA_TUN_*`, `tun_fill_info()` in
    /// `drivers/net/tun.c`).
    TunInfo,
    ifla_tun::MAX,
    fields {
        /// `IFLA_TUN_OWNER`: the uid allowed to attach, when one is set.
        owner: u32 = ifla_tun::OWNER,
        /// `IFLA_TUN_GROUP`: the gid allowed to attach, when one is set.
        group: u32 = ifla_tun::GROUP,
        /// `IFLA_TUN_TYPE`: `IFF_TUN` (1) or `IFF_TAP` (2).
        tun_type: u8 = ifla_tun::TYPE,
        /// `IFLA_TUN_PI`: packets carry `struct tun_pi`.
        pi: bool = ifla_tun::PI,
        /// `IFLA_TUN_VNET_HDR`: packets carry a virtio-net header.
        vnet_hdr: bool = ifla_tun::VNET_HDR,
        /// `IFLA_TUN_PERSIST`: the device outlives its last file descriptor.
        persist: bool = ifla_tun::PERSIST,
        /// `IFLA_TUN_MULTI_QUEUE`: one queue per file descriptor.
        multi_queue: bool = ifla_tun::MULTI_QUEUE,
        /// `IFLA_TUN_NUM_QUEUES`: queues attached.
        num_queues: u32 = ifla_tun::NUM_QUEUES,
        /// `IFLA_TUN_NUM_DISABLED_QUEUES`: queues detached.
        num_disabled_queues: u32 = ifla_tun::NUM_DISABLED_QUEUES,
    }
    checked []
);

kind_view!(
    /// An ipvlan's `IFLA_INFO_DATA` (`IFLA_IPVLAN_*`, `ipvlan_nl_fillinfo()` in
    /// `drivers/net/ipvlan/ipvlan_main.c`).
    IpvlanInfo,
    ifla_ipvlan::MAX,
    fields {
        /// `IFLA_IPVLAN_MODE`: `IPVLAN_MODE_*` (0 l2, 1 l3, 2 l3s).
        mode: u16 = ifla_ipvlan::MODE,
        /// `IFLA_IPVLAN_FLAGS`: `IPVLAN_F_*` (private, vepa; neither is bridge).
        flags: u16 = ifla_ipvlan::FLAGS,
    }
    checked []
);

kind_view!(
    /// A vrf's `IFLA_INFO_DATA` (`IFLA_VRF_*`, `vrf_fillinfo()` in `drivers/net/vrf.c`).
    VrfInfo,
    ifla_vrf::MAX,
    fields {
        /// `IFLA_VRF_TABLE`: the VRF's routing table.
        table: u32 = ifla_vrf::TABLE,
    }
    checked []
);

kind_view!(
    /// A vrf port's `IFLA_INFO_SLAVE_DATA` (`IFLA_VRF_PORT_*`, `vrf_fill_slave_info()` in
    /// `drivers/net/vrf.c`).
    VrfPortInfo,
    ifla_vrf_port::MAX,
    fields {
        /// `IFLA_VRF_PORT_TABLE`: the routing table of the port's VRF.
        table: u32 = ifla_vrf_port::TABLE,
    }
    checked []
);
