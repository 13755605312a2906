//! The `bridge` kind and its ports (`bridge_slave`), as `ip/iplink_bridge.c` and
//! `ip/iplink_bridge_slave.c` handle them: the bridge's attributes (`IFLA_BR_*`) and a port's
//! (`IFLA_BRPORT_*`, `<linux/if_link.h>`), the views of a bridge's `IFLA_INFO_DATA` and a
//! port's `IFLA_INFO_SLAVE_DATA` (`net/bridge/br_netlink.c`), and the option lists `ip link
//! add / set ... type bridge [OPTIONS]` and `ip link set DEV type bridge_slave [OPTIONS]` send.
//!
//! An option list is sent in its order, one attribute per option, as `ip` adds them while it
//! reads the command line (so a repeated option is sent twice, and the kernel keeps the last).
//! The two boolean bridge options `ip` gathers into `IFLA_BR_MULTI_BOOLOPT` are sent there,
//! once, after the others, as `ip` does.

use super::{Field, kind_view};
use crate::builder::MessageBuilder;
use crate::error::Error;
use crate::index::Len;

/// Bridge attributes (`IFLA_BR_*` in `<linux/if_link.h>`), nested in `IFLA_INFO_DATA` of kind
/// `bridge`.
pub mod ifla_br {
    /// `IFLA_BR_UNSPEC`: unused (type 0).
    #[doc(alias = "IFLA_BR_UNSPEC")]
    pub const UNSPEC: u16 = 0;
    /// `IFLA_BR_FORWARD_DELAY`: `u32` STP forward delay, in hundredths of a second.
    #[doc(alias = "IFLA_BR_FORWARD_DELAY")]
    pub const FORWARD_DELAY: u16 = 1;
    /// `IFLA_BR_HELLO_TIME`: `u32` STP hello time, in hundredths of a second.
    #[doc(alias = "IFLA_BR_HELLO_TIME")]
    pub const HELLO_TIME: u16 = 2;
    /// `IFLA_BR_MAX_AGE`: `u32` STP maximum message age, in hundredths of a second.
    #[doc(alias = "IFLA_BR_MAX_AGE")]
    pub const MAX_AGE: u16 = 3;
    /// `IFLA_BR_AGEING_TIME`: `u32` lifetime of learned FDB entries, in hundredths of a second.
    #[doc(alias = "IFLA_BR_AGEING_TIME")]
    pub const AGEING_TIME: u16 = 4;
    /// `IFLA_BR_STP_STATE`: `u32` spanning tree: 0 off, 1 in the kernel, 2 in user space.
    #[doc(alias = "IFLA_BR_STP_STATE")]
    pub const STP_STATE: u16 = 5;
    /// `IFLA_BR_PRIORITY`: `u16` bridge priority, the high part of the STP bridge id.
    #[doc(alias = "IFLA_BR_PRIORITY")]
    pub const PRIORITY: u16 = 6;
    /// `IFLA_BR_VLAN_FILTERING`: `u8` VLAN filtering on or off.
    #[doc(alias = "IFLA_BR_VLAN_FILTERING")]
    pub const VLAN_FILTERING: u16 = 7;
    /// `IFLA_BR_VLAN_PROTOCOL`: `be16` VLAN protocol: 802.1Q (0x8100) or 802.1ad (0x88a8).
    #[doc(alias = "IFLA_BR_VLAN_PROTOCOL")]
    pub const VLAN_PROTOCOL: u16 = 8;
    /// `IFLA_BR_GROUP_FWD_MASK`: `u16` mask of the link-local group addresses (01:80:C2:00:00:0X)
    /// the bridge forwards.
    #[doc(alias = "IFLA_BR_GROUP_FWD_MASK")]
    pub const GROUP_FWD_MASK: u16 = 9;
    /// `IFLA_BR_ROOT_ID`: `struct ifla_bridge_id` of the STP root bridge.
    #[doc(alias = "IFLA_BR_ROOT_ID")]
    pub const ROOT_ID: u16 = 10;
    /// `IFLA_BR_BRIDGE_ID`: `struct ifla_bridge_id` of this bridge.
    #[doc(alias = "IFLA_BR_BRIDGE_ID")]
    pub const BRIDGE_ID: u16 = 11;
    /// `IFLA_BR_ROOT_PORT`: `u16` STP root port.
    #[doc(alias = "IFLA_BR_ROOT_PORT")]
    pub const ROOT_PORT: u16 = 12;
    /// `IFLA_BR_ROOT_PATH_COST`: `u32` STP path cost to the root bridge.
    #[doc(alias = "IFLA_BR_ROOT_PATH_COST")]
    pub const ROOT_PATH_COST: u16 = 13;
    /// `IFLA_BR_TOPOLOGY_CHANGE`: `u8` STP topology change flag.
    #[doc(alias = "IFLA_BR_TOPOLOGY_CHANGE")]
    pub const TOPOLOGY_CHANGE: u16 = 14;
    /// `IFLA_BR_TOPOLOGY_CHANGE_DETECTED`: `u8` STP topology change detected flag.
    #[doc(alias = "IFLA_BR_TOPOLOGY_CHANGE_DETECTED")]
    pub const TOPOLOGY_CHANGE_DETECTED: u16 = 15;
    /// `IFLA_BR_HELLO_TIMER`: `u64` time left on the STP hello timer, in hundredths of a second.
    #[doc(alias = "IFLA_BR_HELLO_TIMER")]
    pub const HELLO_TIMER: u16 = 16;
    /// `IFLA_BR_TCN_TIMER`: `u64` time left on the STP topology change notification timer.
    #[doc(alias = "IFLA_BR_TCN_TIMER")]
    pub const TCN_TIMER: u16 = 17;
    /// `IFLA_BR_TOPOLOGY_CHANGE_TIMER`: `u64` time left on the STP topology change timer.
    #[doc(alias = "IFLA_BR_TOPOLOGY_CHANGE_TIMER")]
    pub const TOPOLOGY_CHANGE_TIMER: u16 = 18;
    /// `IFLA_BR_GC_TIMER`: `u64` time left until the next FDB garbage collection.
    #[doc(alias = "IFLA_BR_GC_TIMER")]
    pub const GC_TIMER: u16 = 19;
    /// `IFLA_BR_GROUP_ADDR`: the STP group address (6 bytes).
    #[doc(alias = "IFLA_BR_GROUP_ADDR")]
    pub const GROUP_ADDR: u16 = 20;
    /// `IFLA_BR_FDB_FLUSH`: flush the bridge's FDB (no payload).
    #[doc(alias = "IFLA_BR_FDB_FLUSH")]
    pub const FDB_FLUSH: u16 = 21;
    /// `IFLA_BR_MCAST_ROUTER`: `u8` multicast router mode: 0 disabled, 1 learned from queries, 2
    /// permanent.
    #[doc(alias = "IFLA_BR_MCAST_ROUTER")]
    pub const MCAST_ROUTER: u16 = 22;
    /// `IFLA_BR_MCAST_SNOOPING`: `u8` IGMP/MLD snooping on or off.
    #[doc(alias = "IFLA_BR_MCAST_SNOOPING")]
    pub const MCAST_SNOOPING: u16 = 23;
    /// `IFLA_BR_MCAST_QUERY_USE_IFADDR`: `u8` send queries from the bridge's own IP address.
    #[doc(alias = "IFLA_BR_MCAST_QUERY_USE_IFADDR")]
    pub const MCAST_QUERY_USE_IFADDR: u16 = 24;
    /// `IFLA_BR_MCAST_QUERIER`: `u8` act as IGMP/MLD querier.
    #[doc(alias = "IFLA_BR_MCAST_QUERIER")]
    pub const MCAST_QUERIER: u16 = 25;
    /// `IFLA_BR_MCAST_HASH_ELASTICITY`: `u32` obsolete; accepted and ignored.
    #[doc(alias = "IFLA_BR_MCAST_HASH_ELASTICITY")]
    pub const MCAST_HASH_ELASTICITY: u16 = 26;
    /// `IFLA_BR_MCAST_HASH_MAX`: `u32` largest number of multicast database entries.
    #[doc(alias = "IFLA_BR_MCAST_HASH_MAX")]
    pub const MCAST_HASH_MAX: u16 = 27;
    /// `IFLA_BR_MCAST_LAST_MEMBER_CNT`: `u32` number of last-member queries sent.
    #[doc(alias = "IFLA_BR_MCAST_LAST_MEMBER_CNT")]
    pub const MCAST_LAST_MEMBER_CNT: u16 = 28;
    /// `IFLA_BR_MCAST_STARTUP_QUERY_CNT`: `u32` number of queries sent at startup.
    #[doc(alias = "IFLA_BR_MCAST_STARTUP_QUERY_CNT")]
    pub const MCAST_STARTUP_QUERY_CNT: u16 = 29;
    /// `IFLA_BR_MCAST_LAST_MEMBER_INTVL`: `u64` last-member query interval, in hundredths of a
    /// second.
    #[doc(alias = "IFLA_BR_MCAST_LAST_MEMBER_INTVL")]
    pub const MCAST_LAST_MEMBER_INTVL: u16 = 30;
    /// `IFLA_BR_MCAST_MEMBERSHIP_INTVL`: `u64` group membership interval, in hundredths of a
    /// second.
    #[doc(alias = "IFLA_BR_MCAST_MEMBERSHIP_INTVL")]
    pub const MCAST_MEMBERSHIP_INTVL: u16 = 31;
    /// `IFLA_BR_MCAST_QUERIER_INTVL`: `u64` other-querier-present interval, in hundredths of a
    /// second.
    #[doc(alias = "IFLA_BR_MCAST_QUERIER_INTVL")]
    pub const MCAST_QUERIER_INTVL: u16 = 32;
    /// `IFLA_BR_MCAST_QUERY_INTVL`: `u64` general query interval, in hundredths of a second.
    #[doc(alias = "IFLA_BR_MCAST_QUERY_INTVL")]
    pub const MCAST_QUERY_INTVL: u16 = 33;
    /// `IFLA_BR_MCAST_QUERY_RESPONSE_INTVL`: `u64` query response interval, in hundredths of a
    /// second.
    #[doc(alias = "IFLA_BR_MCAST_QUERY_RESPONSE_INTVL")]
    pub const MCAST_QUERY_RESPONSE_INTVL: u16 = 34;
    /// `IFLA_BR_MCAST_STARTUP_QUERY_INTVL`: `u64` startup query interval, in hundredths of a
    /// second.
    #[doc(alias = "IFLA_BR_MCAST_STARTUP_QUERY_INTVL")]
    pub const MCAST_STARTUP_QUERY_INTVL: u16 = 35;
    /// `IFLA_BR_NF_CALL_IPTABLES`: `u8` pass bridged IPv4 traffic through iptables.
    #[doc(alias = "IFLA_BR_NF_CALL_IPTABLES")]
    pub const NF_CALL_IPTABLES: u16 = 36;
    /// `IFLA_BR_NF_CALL_IP6TABLES`: `u8` pass bridged IPv6 traffic through ip6tables.
    #[doc(alias = "IFLA_BR_NF_CALL_IP6TABLES")]
    pub const NF_CALL_IP6TABLES: u16 = 37;
    /// `IFLA_BR_NF_CALL_ARPTABLES`: `u8` pass bridged ARP traffic through arptables.
    #[doc(alias = "IFLA_BR_NF_CALL_ARPTABLES")]
    pub const NF_CALL_ARPTABLES: u16 = 38;
    /// `IFLA_BR_VLAN_DEFAULT_PVID`: `u16` default port VLAN id given to new ports.
    #[doc(alias = "IFLA_BR_VLAN_DEFAULT_PVID")]
    pub const VLAN_DEFAULT_PVID: u16 = 39;
    /// `IFLA_BR_PAD`: padding so that a following 64-bit payload is aligned; carries nothing.
    #[doc(alias = "IFLA_BR_PAD")]
    pub const PAD: u16 = 40;
    /// `IFLA_BR_VLAN_STATS_ENABLED`: `u8` per-VLAN statistics on or off.
    #[doc(alias = "IFLA_BR_VLAN_STATS_ENABLED")]
    pub const VLAN_STATS_ENABLED: u16 = 41;
    /// `IFLA_BR_MCAST_STATS_ENABLED`: `u8` multicast statistics on or off.
    #[doc(alias = "IFLA_BR_MCAST_STATS_ENABLED")]
    pub const MCAST_STATS_ENABLED: u16 = 42;
    /// `IFLA_BR_MCAST_IGMP_VERSION`: `u8` IGMP version used by the querier (2 or 3).
    #[doc(alias = "IFLA_BR_MCAST_IGMP_VERSION")]
    pub const MCAST_IGMP_VERSION: u16 = 43;
    /// `IFLA_BR_MCAST_MLD_VERSION`: `u8` MLD version used by the querier (1 or 2).
    #[doc(alias = "IFLA_BR_MCAST_MLD_VERSION")]
    pub const MCAST_MLD_VERSION: u16 = 44;
    /// `IFLA_BR_VLAN_STATS_PER_PORT`: `u8` keep per-VLAN statistics per port.
    #[doc(alias = "IFLA_BR_VLAN_STATS_PER_PORT")]
    pub const VLAN_STATS_PER_PORT: u16 = 45;
    /// `IFLA_BR_MULTI_BOOLOPT`: `struct br_boolopt_multi`: several boolean bridge options and the
    /// mask of those to change.
    #[doc(alias = "IFLA_BR_MULTI_BOOLOPT")]
    pub const MULTI_BOOLOPT: u16 = 46;
    /// `IFLA_BR_MCAST_QUERIER_STATE`: nest describing the IGMP/MLD querier the bridge sees;
    /// read-only.
    #[doc(alias = "IFLA_BR_MCAST_QUERIER_STATE")]
    pub const MCAST_QUERIER_STATE: u16 = 47;
    /// `IFLA_BR_MAX`: the highest `IFLA_BR_*` value in the 6.1 headers.
    #[doc(alias = "IFLA_BR_MAX")]
    pub const MAX: u16 = 47;
}

/// Bridge port attributes (`IFLA_BRPORT_*` in `<linux/if_link.h>`), nested in `IFLA_PROTINFO`
/// (family `AF_BRIDGE`) or `IFLA_INFO_SLAVE_DATA`.
pub mod ifla_brport {
    /// `IFLA_BRPORT_UNSPEC`: unused (type 0).
    #[doc(alias = "IFLA_BRPORT_UNSPEC")]
    pub const UNSPEC: u16 = 0;
    /// `IFLA_BRPORT_STATE`: `u8` spanning tree state of the port (`BR_STATE_*`).
    #[doc(alias = "IFLA_BRPORT_STATE")]
    pub const STATE: u16 = 1;
    /// `IFLA_BRPORT_PRIORITY`: `u16` STP port priority.
    #[doc(alias = "IFLA_BRPORT_PRIORITY")]
    pub const PRIORITY: u16 = 2;
    /// `IFLA_BRPORT_COST`: `u32` STP path cost of the port.
    #[doc(alias = "IFLA_BRPORT_COST")]
    pub const COST: u16 = 3;
    /// `IFLA_BRPORT_MODE`: `u8` hairpin mode: send frames back out of the port they came in on.
    #[doc(alias = "IFLA_BRPORT_MODE")]
    pub const MODE: u16 = 4;
    /// `IFLA_BRPORT_GUARD`: `u8` BPDU guard: disable the port if it receives STP BPDUs.
    #[doc(alias = "IFLA_BRPORT_GUARD")]
    pub const GUARD: u16 = 5;
    /// `IFLA_BRPORT_PROTECT`: `u8` root port protection (root block): the port may not become root
    /// port.
    #[doc(alias = "IFLA_BRPORT_PROTECT")]
    pub const PROTECT: u16 = 6;
    /// `IFLA_BRPORT_FAST_LEAVE`: `u8` multicast fast leave: remove a group at once on an IGMP/MLD
    /// leave.
    #[doc(alias = "IFLA_BRPORT_FAST_LEAVE")]
    pub const FAST_LEAVE: u16 = 7;
    /// `IFLA_BRPORT_LEARNING`: `u8` learn source MAC addresses on the port.
    #[doc(alias = "IFLA_BRPORT_LEARNING")]
    pub const LEARNING: u16 = 8;
    /// `IFLA_BRPORT_UNICAST_FLOOD`: `u8` flood unknown unicast frames to the port.
    #[doc(alias = "IFLA_BRPORT_UNICAST_FLOOD")]
    pub const UNICAST_FLOOD: u16 = 9;
    /// `IFLA_BRPORT_PROXYARP`: `u8` proxy ARP on the port.
    #[doc(alias = "IFLA_BRPORT_PROXYARP")]
    pub const PROXYARP: u16 = 10;
    /// `IFLA_BRPORT_LEARNING_SYNC`: `u8` sync MAC addresses learned by the device into the bridge.
    #[doc(alias = "IFLA_BRPORT_LEARNING_SYNC")]
    pub const LEARNING_SYNC: u16 = 11;
    /// `IFLA_BRPORT_PROXYARP_WIFI`: `u8` proxy ARP for Wi-Fi on the port.
    #[doc(alias = "IFLA_BRPORT_PROXYARP_WIFI")]
    pub const PROXYARP_WIFI: u16 = 12;
    /// `IFLA_BRPORT_ROOT_ID`: `struct ifla_bridge_id` of the designated root.
    #[doc(alias = "IFLA_BRPORT_ROOT_ID")]
    pub const ROOT_ID: u16 = 13;
    /// `IFLA_BRPORT_BRIDGE_ID`: `struct ifla_bridge_id` of the designated bridge.
    #[doc(alias = "IFLA_BRPORT_BRIDGE_ID")]
    pub const BRIDGE_ID: u16 = 14;
    /// `IFLA_BRPORT_DESIGNATED_PORT`: `u16` STP designated port.
    #[doc(alias = "IFLA_BRPORT_DESIGNATED_PORT")]
    pub const DESIGNATED_PORT: u16 = 15;
    /// `IFLA_BRPORT_DESIGNATED_COST`: STP designated cost.
    #[doc(alias = "IFLA_BRPORT_DESIGNATED_COST")]
    pub const DESIGNATED_COST: u16 = 16;
    /// `IFLA_BRPORT_ID`: `u16` STP port id.
    #[doc(alias = "IFLA_BRPORT_ID")]
    pub const ID: u16 = 17;
    /// `IFLA_BRPORT_NO`: `u16` STP port number.
    #[doc(alias = "IFLA_BRPORT_NO")]
    pub const NO: u16 = 18;
    /// `IFLA_BRPORT_TOPOLOGY_CHANGE_ACK`: `u8` STP topology change acknowledgement flag.
    #[doc(alias = "IFLA_BRPORT_TOPOLOGY_CHANGE_ACK")]
    pub const TOPOLOGY_CHANGE_ACK: u16 = 19;
    /// `IFLA_BRPORT_CONFIG_PENDING`: `u8` STP configuration BPDU pending.
    #[doc(alias = "IFLA_BRPORT_CONFIG_PENDING")]
    pub const CONFIG_PENDING: u16 = 20;
    /// `IFLA_BRPORT_MESSAGE_AGE_TIMER`: `u64` time left on the STP message age timer, in hundredths
    /// of a second.
    #[doc(alias = "IFLA_BRPORT_MESSAGE_AGE_TIMER")]
    pub const MESSAGE_AGE_TIMER: u16 = 21;
    /// `IFLA_BRPORT_FORWARD_DELAY_TIMER`: `u64` time left on the STP forward delay timer.
    #[doc(alias = "IFLA_BRPORT_FORWARD_DELAY_TIMER")]
    pub const FORWARD_DELAY_TIMER: u16 = 22;
    /// `IFLA_BRPORT_HOLD_TIMER`: `u64` time left on the STP hold timer.
    #[doc(alias = "IFLA_BRPORT_HOLD_TIMER")]
    pub const HOLD_TIMER: u16 = 23;
    /// `IFLA_BRPORT_FLUSH`: flush the FDB entries learned on the port (no payload).
    #[doc(alias = "IFLA_BRPORT_FLUSH")]
    pub const FLUSH: u16 = 24;
    /// `IFLA_BRPORT_MULTICAST_ROUTER`: `u8` multicast router mode of the port.
    #[doc(alias = "IFLA_BRPORT_MULTICAST_ROUTER")]
    pub const MULTICAST_ROUTER: u16 = 25;
    /// `IFLA_BRPORT_PAD`: padding so that a following 64-bit payload is aligned; carries nothing.
    #[doc(alias = "IFLA_BRPORT_PAD")]
    pub const PAD: u16 = 26;
    /// `IFLA_BRPORT_MCAST_FLOOD`: `u8` flood unknown multicast frames to the port.
    #[doc(alias = "IFLA_BRPORT_MCAST_FLOOD")]
    pub const MCAST_FLOOD: u16 = 27;
    /// `IFLA_BRPORT_MCAST_TO_UCAST`: `u8` send multicast to the port as unicast copies, one per
    /// member.
    #[doc(alias = "IFLA_BRPORT_MCAST_TO_UCAST")]
    pub const MCAST_TO_UCAST: u16 = 28;
    /// `IFLA_BRPORT_VLAN_TUNNEL`: `u8` map VLANs to tunnel ids on the port.
    #[doc(alias = "IFLA_BRPORT_VLAN_TUNNEL")]
    pub const VLAN_TUNNEL: u16 = 29;
    /// `IFLA_BRPORT_BCAST_FLOOD`: `u8` flood broadcast frames to the port.
    #[doc(alias = "IFLA_BRPORT_BCAST_FLOOD")]
    pub const BCAST_FLOOD: u16 = 30;
    /// `IFLA_BRPORT_GROUP_FWD_MASK`: `u16` mask of the link-local group addresses forwarded to the
    /// port.
    #[doc(alias = "IFLA_BRPORT_GROUP_FWD_MASK")]
    pub const GROUP_FWD_MASK: u16 = 31;
    /// `IFLA_BRPORT_NEIGH_SUPPRESS`: `u8` ARP/ND suppression on the port.
    #[doc(alias = "IFLA_BRPORT_NEIGH_SUPPRESS")]
    pub const NEIGH_SUPPRESS: u16 = 32;
    /// `IFLA_BRPORT_ISOLATED`: `u8` isolated port: no traffic to or from other isolated ports.
    #[doc(alias = "IFLA_BRPORT_ISOLATED")]
    pub const ISOLATED: u16 = 33;
    /// `IFLA_BRPORT_BACKUP_PORT`: `u32` index of the port that takes the traffic when this one
    /// loses carrier.
    #[doc(alias = "IFLA_BRPORT_BACKUP_PORT")]
    pub const BACKUP_PORT: u16 = 34;
    /// `IFLA_BRPORT_MRP_RING_OPEN`: `u8` MRP ring open state of the port; read-only.
    #[doc(alias = "IFLA_BRPORT_MRP_RING_OPEN")]
    pub const MRP_RING_OPEN: u16 = 35;
    /// `IFLA_BRPORT_MRP_IN_OPEN`: `u8` MRP interconnect open state of the port; read-only.
    #[doc(alias = "IFLA_BRPORT_MRP_IN_OPEN")]
    pub const MRP_IN_OPEN: u16 = 36;
    /// `IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT`: `u32` largest number of hosts tracked for IGMPv3/MLDv2
    /// explicit host tracking.
    #[doc(alias = "IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT")]
    pub const MCAST_EHT_HOSTS_LIMIT: u16 = 37;
    /// `IFLA_BRPORT_MCAST_EHT_HOSTS_CNT`: `u32` number of hosts tracked for explicit host tracking;
    /// read-only.
    #[doc(alias = "IFLA_BRPORT_MCAST_EHT_HOSTS_CNT")]
    pub const MCAST_EHT_HOSTS_CNT: u16 = 38;
    /// `IFLA_BRPORT_LOCKED`: `u8` locked port: only hosts with an FDB entry may send through it
    /// (802.1X).
    #[doc(alias = "IFLA_BRPORT_LOCKED")]
    pub const LOCKED: u16 = 39;
    /// `IFLA_BRPORT_MAX`: the highest `IFLA_BRPORT_*` value in the 6.1 headers.
    #[doc(alias = "IFLA_BRPORT_MAX")]
    pub const MAX: u16 = 39;
}

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
pub(crate) fn put_bridge(b: &mut MessageBuilder<'_>, opts: &[BridgeOpt]) -> Result<(), Error> {
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
pub(crate) fn put_bridge_port(
    b: &mut MessageBuilder<'_>,
    opts: &[BridgePortOpt],
) -> Result<(), Error> {
    for opt in opts {
        let (ty, wire) = opt.wire();
        put(b, ty, wire)?;
    }
    Ok(())
}
