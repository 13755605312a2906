//! Link kinds' option lists: a bridge's options (`IFLA_BR_*`) and a bridge port's
//! (`IFLA_BRPORT_*`), as `ip link add / set ... type bridge [OPTIONS]` and `ip link set DEV
//! type bridge_slave [OPTIONS]` send them (`ip/iplink_bridge.c`, `ip/iplink_bridge_slave.c`),
//! and the further options of a vxlan (`IFLA_VXLAN_*`, `ip/iplink_vxlan.c`) and a macvlan
//! (`IFLA_MACVLAN_*`, `ip/iplink_macvlan.c`).
//!
//! An option list is sent in its order, one attribute per option, as `ip` adds them while it
//! reads the command line (so a repeated option is sent twice, and the kernel keeps the last).
//! The two boolean bridge options `ip` gathers into `IFLA_BR_MULTI_BOOLOPT` are sent there,
//! once, after the others, as `ip` does.

use crate::builder::MessageBuilder;
use crate::error::Error;
use crate::{ifla_br, ifla_brport, ifla_macvlan, ifla_vxlan, macvlan_macaddr};

/// `BR_BOOLOPT_NO_LL_LEARN` (`<linux/if_bridge.h>`).
const BOOLOPT_NO_LL_LEARN: u32 = 0;
/// `BR_BOOLOPT_MCAST_VLAN_SNOOPING`.
const BOOLOPT_MCAST_VLAN_SNOOPING: u32 = 1;

/// An attribute's payload as `ip` writes it.
#[derive(Clone, Copy)]
enum Wire {
    U8(u8),
    U16(u16),
    Be16(u16),
    U32(u32),
    U64(u64),
    Mac([u8; 6]),
    Flag,
}

fn put(b: &mut MessageBuilder<'_>, ty: u16, value: Wire) -> Result<(), Error> {
    match value {
        Wire::U8(v) => b.put_u8(ty, v),
        Wire::U16(v) => b.put_u16(ty, v),
        Wire::Be16(v) => b.put_be16(ty, v),
        Wire::U32(v) => b.put_u32(ty, v),
        Wire::U64(v) => b.put_u64(ty, v),
        Wire::Mac(v) => b.put_mac(ty, v),
        Wire::Flag => b.put_flag(ty),
    }?;
    Ok(())
}

/// One option of a bridge (`IFLA_BR_*` in `IFLA_INFO_DATA`), named as `ip link ... type
/// bridge` names it. Times are in hundredths of a second (clock_t), as the kernel takes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BridgeOpt {
    /// `fdb_flush`: `IFLA_BR_FDB_FLUSH`, empty: forget every learnt address.
    FdbFlush,
    /// `forward_delay`: `IFLA_BR_FORWARD_DELAY`.
    ForwardDelay(u32),
    /// `hello_time`: `IFLA_BR_HELLO_TIME`.
    HelloTime(u32),
    /// `max_age`: `IFLA_BR_MAX_AGE`.
    MaxAge(u32),
    /// `ageing_time`: `IFLA_BR_AGEING_TIME`.
    AgeingTime(u32),
    /// `stp_state`: `IFLA_BR_STP_STATE`, 0 off, 1 on.
    StpState(u32),
    /// `priority`: `IFLA_BR_PRIORITY`.
    Priority(u16),
    /// `group_fwd_mask`: `IFLA_BR_GROUP_FWD_MASK`.
    GroupFwdMask(u16),
    /// `group_address`: `IFLA_BR_GROUP_ADDR`, the STP group address.
    GroupAddress([u8; 6]),
    /// `no_linklocal_learn`: `BR_BOOLOPT_NO_LL_LEARN` in `IFLA_BR_MULTI_BOOLOPT`.
    NoLinklocalLearn(bool),
    /// `vlan_filtering`: `IFLA_BR_VLAN_FILTERING`.
    VlanFiltering(u8),
    /// `vlan_protocol`: `IFLA_BR_VLAN_PROTOCOL`, 0x8100 or 0x88a8 (sent big-endian).
    VlanProtocol(u16),
    /// `vlan_default_pvid`: `IFLA_BR_VLAN_DEFAULT_PVID`.
    VlanDefaultPvid(u16),
    /// `vlan_stats_enabled`: `IFLA_BR_VLAN_STATS_ENABLED`.
    VlanStatsEnabled(u8),
    /// `vlan_stats_per_port`: `IFLA_BR_VLAN_STATS_PER_PORT`.
    VlanStatsPerPort(u8),
    /// `mcast_router`: `IFLA_BR_MCAST_ROUTER`.
    McastRouter(u8),
    /// `mcast_snooping`: `IFLA_BR_MCAST_SNOOPING`.
    McastSnooping(u8),
    /// `mcast_vlan_snooping`: `BR_BOOLOPT_MCAST_VLAN_SNOOPING` in `IFLA_BR_MULTI_BOOLOPT`.
    McastVlanSnooping(bool),
    /// `mcast_query_use_ifaddr`: `IFLA_BR_MCAST_QUERY_USE_IFADDR`.
    McastQueryUseIfaddr(u8),
    /// `mcast_querier`: `IFLA_BR_MCAST_QUERIER`.
    McastQuerier(u8),
    /// `mcast_hash_elasticity`: `IFLA_BR_MCAST_HASH_ELASTICITY`.
    McastHashElasticity(u32),
    /// `mcast_hash_max`: `IFLA_BR_MCAST_HASH_MAX`.
    McastHashMax(u32),
    /// `mcast_last_member_count`: `IFLA_BR_MCAST_LAST_MEMBER_CNT`.
    McastLastMemberCount(u32),
    /// `mcast_startup_query_count`: `IFLA_BR_MCAST_STARTUP_QUERY_CNT`.
    McastStartupQueryCount(u32),
    /// `mcast_last_member_interval`: `IFLA_BR_MCAST_LAST_MEMBER_INTVL`.
    McastLastMemberInterval(u64),
    /// `mcast_membership_interval`: `IFLA_BR_MCAST_MEMBERSHIP_INTVL`.
    McastMembershipInterval(u64),
    /// `mcast_querier_interval`: `IFLA_BR_MCAST_QUERIER_INTVL`.
    McastQuerierInterval(u64),
    /// `mcast_query_interval`: `IFLA_BR_MCAST_QUERY_INTVL`.
    McastQueryInterval(u64),
    /// `mcast_query_response_interval`: `IFLA_BR_MCAST_QUERY_RESPONSE_INTVL`.
    McastQueryResponseInterval(u64),
    /// `mcast_startup_query_interval`: `IFLA_BR_MCAST_STARTUP_QUERY_INTVL`.
    McastStartupQueryInterval(u64),
    /// `mcast_stats_enabled`: `IFLA_BR_MCAST_STATS_ENABLED`.
    McastStatsEnabled(u8),
    /// `mcast_igmp_version`: `IFLA_BR_MCAST_IGMP_VERSION`.
    McastIgmpVersion(u8),
    /// `mcast_mld_version`: `IFLA_BR_MCAST_MLD_VERSION`.
    McastMldVersion(u8),
    /// `nf_call_iptables`: `IFLA_BR_NF_CALL_IPTABLES`.
    NfCallIptables(u8),
    /// `nf_call_ip6tables`: `IFLA_BR_NF_CALL_IP6TABLES`.
    NfCallIp6tables(u8),
    /// `nf_call_arptables`: `IFLA_BR_NF_CALL_ARPTABLES`.
    NfCallArptables(u8),
}

impl BridgeOpt {
    /// The attribute and payload, or the `BR_BOOLOPT_*` bit and value of the two options that
    /// go in `IFLA_BR_MULTI_BOOLOPT`.
    fn wire(self) -> Result<(u16, Wire), (u32, bool)> {
        use BridgeOpt as O;
        use Wire as W;
        use ifla_br as br;
        Ok(match self {
            O::FdbFlush => (br::FDB_FLUSH, W::Flag),
            O::ForwardDelay(v) => (br::FORWARD_DELAY, W::U32(v)),
            O::HelloTime(v) => (br::HELLO_TIME, W::U32(v)),
            O::MaxAge(v) => (br::MAX_AGE, W::U32(v)),
            O::AgeingTime(v) => (br::AGEING_TIME, W::U32(v)),
            O::StpState(v) => (br::STP_STATE, W::U32(v)),
            O::Priority(v) => (br::PRIORITY, W::U16(v)),
            O::GroupFwdMask(v) => (br::GROUP_FWD_MASK, W::U16(v)),
            O::GroupAddress(v) => (br::GROUP_ADDR, W::Mac(v)),
            O::NoLinklocalLearn(on) => return Err((BOOLOPT_NO_LL_LEARN, on)),
            O::VlanFiltering(v) => (br::VLAN_FILTERING, W::U8(v)),
            O::VlanProtocol(v) => (br::VLAN_PROTOCOL, W::Be16(v)),
            O::VlanDefaultPvid(v) => (br::VLAN_DEFAULT_PVID, W::U16(v)),
            O::VlanStatsEnabled(v) => (br::VLAN_STATS_ENABLED, W::U8(v)),
            O::VlanStatsPerPort(v) => (br::VLAN_STATS_PER_PORT, W::U8(v)),
            O::McastRouter(v) => (br::MCAST_ROUTER, W::U8(v)),
            O::McastSnooping(v) => (br::MCAST_SNOOPING, W::U8(v)),
            O::McastVlanSnooping(on) => return Err((BOOLOPT_MCAST_VLAN_SNOOPING, on)),
            O::McastQueryUseIfaddr(v) => (br::MCAST_QUERY_USE_IFADDR, W::U8(v)),
            O::McastQuerier(v) => (br::MCAST_QUERIER, W::U8(v)),
            O::McastHashElasticity(v) => (br::MCAST_HASH_ELASTICITY, W::U32(v)),
            O::McastHashMax(v) => (br::MCAST_HASH_MAX, W::U32(v)),
            O::McastLastMemberCount(v) => (br::MCAST_LAST_MEMBER_CNT, W::U32(v)),
            O::McastStartupQueryCount(v) => (br::MCAST_STARTUP_QUERY_CNT, W::U32(v)),
            O::McastLastMemberInterval(v) => (br::MCAST_LAST_MEMBER_INTVL, W::U64(v)),
            O::McastMembershipInterval(v) => (br::MCAST_MEMBERSHIP_INTVL, W::U64(v)),
            O::McastQuerierInterval(v) => (br::MCAST_QUERIER_INTVL, W::U64(v)),
            O::McastQueryInterval(v) => (br::MCAST_QUERY_INTVL, W::U64(v)),
            O::McastQueryResponseInterval(v) => (br::MCAST_QUERY_RESPONSE_INTVL, W::U64(v)),
            O::McastStartupQueryInterval(v) => (br::MCAST_STARTUP_QUERY_INTVL, W::U64(v)),
            O::McastStatsEnabled(v) => (br::MCAST_STATS_ENABLED, W::U8(v)),
            O::McastIgmpVersion(v) => (br::MCAST_IGMP_VERSION, W::U8(v)),
            O::McastMldVersion(v) => (br::MCAST_MLD_VERSION, W::U8(v)),
            O::NfCallIptables(v) => (br::NF_CALL_IPTABLES, W::U8(v)),
            O::NfCallIp6tables(v) => (br::NF_CALL_IP6TABLES, W::U8(v)),
            O::NfCallArptables(v) => (br::NF_CALL_ARPTABLES, W::U8(v)),
        })
    }
}

/// Appends a bridge's options in their order, then `IFLA_BR_MULTI_BOOLOPT` (`struct
/// br_boolopt_multi`: value, mask) when a boolean option was given.
pub(super) fn put_bridge(b: &mut MessageBuilder<'_>, opts: &[BridgeOpt]) -> Result<(), Error> {
    let (mut value, mut mask) = (0u32, 0u32);
    for opt in opts {
        match opt.wire() {
            Ok((ty, wire)) => put(b, ty, wire)?,
            Err((bit, on)) => {
                mask |= 1 << bit;
                if on {
                    value |= 1 << bit;
                } else {
                    value &= !(1 << bit);
                }
            }
        }
    }
    if mask != 0 {
        let mut multi = [0u8; 8];
        let (v, m) = multi.split_at_mut(4);
        v.copy_from_slice(&value.to_ne_bytes());
        m.copy_from_slice(&mask.to_ne_bytes());
        b.put(ifla_br::MULTI_BOOLOPT, &multi)?;
    }
    Ok(())
}

/// One option of a bridge port (`IFLA_BRPORT_*` in `IFLA_INFO_SLAVE_DATA`), named as `ip link
/// set DEV type bridge_slave` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BridgePortOpt {
    /// `fdb_flush`: `IFLA_BRPORT_FLUSH`, empty: forget the addresses learnt on the port.
    FdbFlush,
    /// `state`: `IFLA_BRPORT_STATE`, `BR_STATE_*`.
    State(u8),
    /// `priority`: `IFLA_BRPORT_PRIORITY`.
    Priority(u16),
    /// `cost`: `IFLA_BRPORT_COST`.
    Cost(u32),
    /// `hairpin`: `IFLA_BRPORT_MODE`.
    Hairpin(bool),
    /// `guard`: `IFLA_BRPORT_GUARD`.
    Guard(bool),
    /// `root_block`: `IFLA_BRPORT_PROTECT`.
    RootBlock(bool),
    /// `fastleave` / `mcast_fast_leave`: `IFLA_BRPORT_FAST_LEAVE`.
    FastLeave(bool),
    /// `learning`: `IFLA_BRPORT_LEARNING`.
    Learning(bool),
    /// `flood`: `IFLA_BRPORT_UNICAST_FLOOD`.
    Flood(bool),
    /// `mcast_flood`: `IFLA_BRPORT_MCAST_FLOOD`.
    McastFlood(bool),
    /// `bcast_flood`: `IFLA_BRPORT_BCAST_FLOOD`.
    BcastFlood(bool),
    /// `mcast_to_unicast`: `IFLA_BRPORT_MCAST_TO_UCAST`.
    McastToUnicast(bool),
    /// `proxy_arp`: `IFLA_BRPORT_PROXYARP`.
    ProxyArp(bool),
    /// `proxy_arp_wifi`: `IFLA_BRPORT_PROXYARP_WIFI`.
    ProxyArpWifi(bool),
    /// `mcast_router`: `IFLA_BRPORT_MULTICAST_ROUTER`.
    McastRouter(u8),
    /// `neigh_suppress`: `IFLA_BRPORT_NEIGH_SUPPRESS`.
    NeighSuppress(bool),
    /// `group_fwd_mask`: `IFLA_BRPORT_GROUP_FWD_MASK`.
    GroupFwdMask(u16),
    /// `vlan_tunnel`: `IFLA_BRPORT_VLAN_TUNNEL`.
    VlanTunnel(bool),
    /// `isolated`: `IFLA_BRPORT_ISOLATED`.
    Isolated(bool),
    /// `locked`: `IFLA_BRPORT_LOCKED`.
    Locked(bool),
    /// `backup_port DEV` (an index) / `nobackup_port` (0): `IFLA_BRPORT_BACKUP_PORT`.
    BackupPort(u32),
}

impl BridgePortOpt {
    fn wire(self) -> (u16, Wire) {
        use BridgePortOpt as O;
        use Wire as W;
        use ifla_brport as port;
        let on = |v: bool| W::U8(u8::from(v));
        match self {
            O::FdbFlush => (port::FLUSH, W::Flag),
            O::State(v) => (port::STATE, W::U8(v)),
            O::Priority(v) => (port::PRIORITY, W::U16(v)),
            O::Cost(v) => (port::COST, W::U32(v)),
            O::Hairpin(v) => (port::MODE, on(v)),
            O::Guard(v) => (port::GUARD, on(v)),
            O::RootBlock(v) => (port::PROTECT, on(v)),
            O::FastLeave(v) => (port::FAST_LEAVE, on(v)),
            O::Learning(v) => (port::LEARNING, on(v)),
            O::Flood(v) => (port::UNICAST_FLOOD, on(v)),
            O::McastFlood(v) => (port::MCAST_FLOOD, on(v)),
            O::BcastFlood(v) => (port::BCAST_FLOOD, on(v)),
            O::McastToUnicast(v) => (port::MCAST_TO_UCAST, on(v)),
            O::ProxyArp(v) => (port::PROXYARP, on(v)),
            O::ProxyArpWifi(v) => (port::PROXYARP_WIFI, on(v)),
            O::McastRouter(v) => (port::MULTICAST_ROUTER, W::U8(v)),
            O::NeighSuppress(v) => (port::NEIGH_SUPPRESS, on(v)),
            O::GroupFwdMask(v) => (port::GROUP_FWD_MASK, W::U16(v)),
            O::VlanTunnel(v) => (port::VLAN_TUNNEL, on(v)),
            O::Isolated(v) => (port::ISOLATED, on(v)),
            O::Locked(v) => (port::LOCKED, on(v)),
            O::BackupPort(v) => (port::BACKUP_PORT, W::U32(v)),
        }
    }
}

/// Appends a bridge port's options in their order.
pub(super) fn put_bridge_port(
    b: &mut MessageBuilder<'_>,
    opts: &[BridgePortOpt],
) -> Result<(), Error> {
    for opt in opts {
        let (ty, wire) = opt.wire();
        put(b, ty, wire)?;
    }
    Ok(())
}

/// One of a VXLAN device's further options, named as `ip link add ... type vxlan` names it
/// (`ip/iplink_vxlan.c`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum VxlanOpt {
    /// `ttl N` / `ttl auto` (0): `IFLA_VXLAN_TTL`.
    Ttl(u8),
    /// `ttl inherit`: `IFLA_VXLAN_TTL_INHERIT`, empty.
    TtlInherit,
    /// `tos N` / `tos inherit` (1): `IFLA_VXLAN_TOS`.
    Tos(u8),
    /// `df unset|set|inherit` (0, 1, 2): `IFLA_VXLAN_DF`.
    Df(u8),
    /// `flowlabel N` (20 bits): `IFLA_VXLAN_LABEL`, sent big-endian.
    Label(u32),
    /// `ageing N` / `ageing none` (0): `IFLA_VXLAN_AGEING`, seconds.
    Ageing(u32),
    /// `maxaddress N` / `maxaddress unlimited` (0): `IFLA_VXLAN_LIMIT`.
    Limit(u32),
    /// `srcport LOW HIGH`: `IFLA_VXLAN_PORT_RANGE` (`struct ifla_vxlan_port_range`, both
    /// big-endian).
    PortRange(u16, u16),
    /// `[no]proxy`: `IFLA_VXLAN_PROXY`.
    Proxy(bool),
    /// `[no]rsc`: `IFLA_VXLAN_RSC`.
    Rsc(bool),
    /// `[no]l2miss`: `IFLA_VXLAN_L2MISS`.
    L2miss(bool),
    /// `[no]l3miss`: `IFLA_VXLAN_L3MISS`.
    L3miss(bool),
    /// `[no]udpcsum`: `IFLA_VXLAN_UDP_CSUM`.
    UdpCsum(bool),
    /// `[no]udp6zerocsumtx`: `IFLA_VXLAN_UDP_ZERO_CSUM6_TX`.
    UdpZeroCsum6Tx(bool),
    /// `[no]udp6zerocsumrx`: `IFLA_VXLAN_UDP_ZERO_CSUM6_RX`.
    UdpZeroCsum6Rx(bool),
    /// `[no]remcsumtx`: `IFLA_VXLAN_REMCSUM_TX`.
    RemcsumTx(bool),
    /// `[no]remcsumrx`: `IFLA_VXLAN_REMCSUM_RX`.
    RemcsumRx(bool),
    /// `[no]external`: `IFLA_VXLAN_COLLECT_METADATA`.
    CollectMetadata(bool),
    /// `gbp`: `IFLA_VXLAN_GBP`, empty.
    Gbp,
    /// `gpe`: `IFLA_VXLAN_GPE`, empty.
    Gpe,
    /// `[no]vnifilter`: `IFLA_VXLAN_VNIFILTER`.
    Vnifilter(bool),
    /// `dev DEV`: `IFLA_VXLAN_LINK`, the index of the underlying device, where `ip` sends it
    /// (in the order the words came; [`Vxlan::dev`](super::Vxlan::dev) goes first).
    Link(u32),
}

/// The largest VXLAN flow label (`LABEL_MAX_MASK`, 20 bits).
const VXLAN_LABEL_MAX: u32 = 0xf_ffff;

impl VxlanOpt {
    /// Appends the option's attribute.
    pub(super) fn put(self, b: &mut MessageBuilder<'_>) -> Result<(), Error> {
        use VxlanOpt as O;
        use ifla_vxlan as x;
        let flag = |b: &mut MessageBuilder<'_>, ty, on: bool| b.put_u8(ty, u8::from(on)).map(drop);
        match self {
            O::Ttl(v) => b.put_u8(x::TTL, v).map(drop),
            O::TtlInherit => b.put_flag(x::TTL_INHERIT).map(drop),
            O::Tos(v) => b.put_u8(x::TOS, v).map(drop),
            O::Df(v) => b.put_u8(x::DF, v).map(drop),
            O::Label(v) if v > VXLAN_LABEL_MAX => Err(Error::InvalidValue { attr: x::LABEL }),
            O::Label(v) => b.put(x::LABEL, &v.to_be_bytes()).map(drop),
            O::Ageing(v) => b.put_u32(x::AGEING, v).map(drop),
            O::Limit(v) => b.put_u32(x::LIMIT, v).map(drop),
            O::PortRange(low, high) => {
                let mut range = [0u8; 4];
                let (l, h) = range.split_at_mut(2);
                l.copy_from_slice(&low.to_be_bytes());
                h.copy_from_slice(&high.to_be_bytes());
                b.put(x::PORT_RANGE, &range).map(drop)
            }
            O::Proxy(on) => flag(b, x::PROXY, on),
            O::Rsc(on) => flag(b, x::RSC, on),
            O::L2miss(on) => flag(b, x::L2MISS, on),
            O::L3miss(on) => flag(b, x::L3MISS, on),
            O::UdpCsum(on) => flag(b, x::UDP_CSUM, on),
            O::UdpZeroCsum6Tx(on) => flag(b, x::UDP_ZERO_CSUM6_TX, on),
            O::UdpZeroCsum6Rx(on) => flag(b, x::UDP_ZERO_CSUM6_RX, on),
            O::RemcsumTx(on) => flag(b, x::REMCSUM_TX, on),
            O::RemcsumRx(on) => flag(b, x::REMCSUM_RX, on),
            O::CollectMetadata(on) => flag(b, x::COLLECT_METADATA, on),
            O::Gbp => b.put_flag(x::GBP).map(drop),
            O::Gpe => b.put_flag(x::GPE).map(drop),
            O::Vnifilter(on) => flag(b, x::VNIFILTER, on),
            O::Link(index) => b.put_u32(x::LINK, index).map(drop),
        }
    }
}

/// One of a macvlan's further options, named as `ip link ... type macvlan` names it
/// (`ip/iplink_macvlan.c`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MacvlanOpt<'a> {
    /// `macaddr add MAC`: `IFLA_MACVLAN_MACADDR_MODE` `MACVLAN_MACADDR_ADD` and
    /// `IFLA_MACVLAN_MACADDR`: allow a source address (`source` mode).
    MacaddrAdd([u8; 6]),
    /// `macaddr del MAC`: `MACVLAN_MACADDR_DEL` and the address.
    MacaddrDel([u8; 6]),
    /// `macaddr set [MAC ...]`: `MACVLAN_MACADDR_SET` and `IFLA_MACVLAN_MACADDR_DATA`, the
    /// whole list.
    MacaddrSet(&'a [[u8; 6]]),
    /// `macaddr flush`: `MACVLAN_MACADDR_FLUSH`.
    MacaddrFlush,
    /// `bcqueuelen N`: `IFLA_MACVLAN_BC_QUEUE_LEN`, the broadcast queue length asked for.
    BcQueueLen(u32),
}

impl MacvlanOpt<'_> {
    /// Appends the option's attributes.
    pub(super) fn put(self, b: &mut MessageBuilder<'_>) -> Result<(), Error> {
        use ifla_macvlan as m;
        match self {
            MacvlanOpt::MacaddrAdd(mac) => {
                b.put_u32(m::MACADDR_MODE, macvlan_macaddr::ADD)?;
                b.put_mac(m::MACADDR, mac)?;
            }
            MacvlanOpt::MacaddrDel(mac) => {
                b.put_u32(m::MACADDR_MODE, macvlan_macaddr::DEL)?;
                b.put_mac(m::MACADDR, mac)?;
            }
            MacvlanOpt::MacaddrSet(macs) => {
                b.put_u32(m::MACADDR_MODE, macvlan_macaddr::SET)?;
                let data = b.nest_start(m::MACADDR_DATA)?;
                for &mac in macs {
                    b.put_mac(m::MACADDR, mac)?;
                }
                b.nest_end(data)?;
            }
            MacvlanOpt::MacaddrFlush => {
                b.put_u32(m::MACADDR_MODE, macvlan_macaddr::FLUSH)?;
            }
            MacvlanOpt::BcQueueLen(n) => {
                b.put_u32(m::BC_QUEUE_LEN, n)?;
            }
        }
        Ok(())
    }
}
