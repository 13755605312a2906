//! `type bridge` and `type bridge_slave` options of `rtnl link add / set`, read as
//! `ip/iplink_bridge.c` and `ip/iplink_bridge_slave.c` read them: keywords matched by prefix
//! in ip's order (the two multi-boolean options exactly), each option sent in the order given.
//!
//! ```text
//! type bridge [ fdb_flush ] [ forward_delay N ] [ hello_time N ] [ max_age N ]
//!             [ ageing_time N ] [ stp_state N ] [ priority N ] [ group_fwd_mask N ]
//!             [ group_address LLADDR ] [ no_linklocal_learn 0|1 ] [ vlan_filtering N ]
//!             [ vlan_protocol 802.1Q|802.1ad|N ] [ vlan_default_pvid N ] [ vlan_stats_enabled N ]
//!             [ vlan_stats_per_port N ] [ mcast_router N ] [ mcast_snooping N ]
//!             [ mcast_vlan_snooping 0|1 ] [ mcast_query_use_ifaddr N ] [ mcast_querier N ]
//!             [ mcast_hash_elasticity N ] [ mcast_hash_max N ] [ mcast_last_member_count N ]
//!             [ mcast_startup_query_count N ] [ mcast_last_member_interval N ]
//!             [ mcast_membership_interval N ] [ mcast_querier_interval N ]
//!             [ mcast_query_interval N ] [ mcast_query_response_interval N ]
//!             [ mcast_startup_query_interval N ] [ mcast_stats_enabled N ]
//!             [ mcast_igmp_version N ] [ mcast_mld_version N ] [ nf_call_iptables N ]
//!             [ nf_call_ip6tables N ] [ nf_call_arptables N ]
//! type bridge_slave [ fdb_flush ] [ state N ] [ priority N ] [ cost N ] [ hairpin on|off ]
//!             [ guard on|off ] [ root_block on|off ] [ fastleave on|off ] [ learning on|off ]
//!             [ flood on|off ] [ mcast_flood on|off ] [ bcast_flood on|off ]
//!             [ mcast_to_unicast on|off ] [ proxy_arp on|off ] [ proxy_arp_wifi on|off ]
//!             [ mcast_router N ] [ mcast_fast_leave on|off ] [ neigh_suppress on|off ]
//!             [ group_fwd_mask N ] [ vlan_tunnel on|off ] [ isolated on|off ]
//!             [ locked on|off ] [ backup_port DEV ] [ nobackup_port ]
//! ```

use rtnl_ip::codec::request::{BridgeOpt, BridgePortOpt};

use super::args::{self, Args, CmdResult, Failure, invarg, matches};

/// A number option's value, or ip's `invalid KEY` (`invarg`, exit 255).
fn num<T: TryFrom<u64>>(args: &mut Args<'_>, key: &str, what: &str) -> CmdResult<T> {
    let word = args.value()?;
    args::number(key, word).map_err(|_| invarg(what, word))
}

/// A bridge option: how its value is read, given the words and the keyword.
type BridgeParse = fn(&mut Args<'_>, &str) -> CmdResult<BridgeOpt>;

/// `bridge_parse_opt()`'s keywords in its order: the keyword, whether it must be spelt out
/// (`strcmp`, not `matches`), and its reader.
const BRIDGE: &[(&str, bool, BridgeParse)] = &[
    ("forward_delay", false, |a, k| {
        num(a, k, "invalid forward_delay").map(BridgeOpt::ForwardDelay)
    }),
    ("hello_time", false, |a, k| {
        num(a, k, "invalid hello_time").map(BridgeOpt::HelloTime)
    }),
    ("max_age", false, |a, k| {
        num(a, k, "invalid max_age").map(BridgeOpt::MaxAge)
    }),
    ("ageing_time", false, |a, k| {
        num(a, k, "invalid ageing_time").map(BridgeOpt::AgeingTime)
    }),
    ("stp_state", false, |a, k| {
        num(a, k, "invalid stp_state").map(BridgeOpt::StpState)
    }),
    ("priority", false, |a, k| {
        num(a, k, "invalid priority").map(BridgeOpt::Priority)
    }),
    ("vlan_filtering", false, |a, k| {
        num(a, k, "invalid vlan_filtering").map(BridgeOpt::VlanFiltering)
    }),
    ("vlan_protocol", false, |a, _| {
        let word = a.value()?;
        vlan_protocol(word)
            .map(BridgeOpt::VlanProtocol)
            .ok_or_else(|| invarg("invalid vlan_protocol", word))
    }),
    ("group_fwd_mask", false, |a, k| {
        num(a, k, "invalid group_fwd_mask").map(BridgeOpt::GroupFwdMask)
    }),
    ("group_address", false, |a, _| {
        let bytes = args::lladdr(a.value()?)?;
        // The kernel keeps 6 bytes (its policy refuses more); a shorter address would be
        // sent as ip sends it, which this option type does not hold.
        let mac = <[u8; 6]>::try_from(bytes.as_slice())
            .map_err(|_| args::unsupported("bridge group_address of other than 6 bytes"))?;
        Ok(BridgeOpt::GroupAddress(mac))
    }),
    ("no_linklocal_learn", true, |a, k| {
        num::<u8>(a, k, "invalid no_linklocal_learn").map(|v| BridgeOpt::NoLinklocalLearn(v != 0))
    }),
    ("fdb_flush", false, |_, _| Ok(BridgeOpt::FdbFlush)),
    ("vlan_default_pvid", false, |a, k| {
        num(a, k, "invalid vlan_default_pvid").map(BridgeOpt::VlanDefaultPvid)
    }),
    ("vlan_stats_enabled", false, |a, k| {
        num(a, k, "invalid vlan_stats_enabled").map(BridgeOpt::VlanStatsEnabled)
    }),
    ("vlan_stats_per_port", false, |a, k| {
        num(a, k, "invalid vlan_stats_per_port").map(BridgeOpt::VlanStatsPerPort)
    }),
    ("mcast_router", false, |a, k| {
        num(a, k, "invalid mcast_router").map(BridgeOpt::McastRouter)
    }),
    ("mcast_snooping", false, |a, k| {
        num(a, k, "invalid mcast_snooping").map(BridgeOpt::McastSnooping)
    }),
    ("mcast_vlan_snooping", true, |a, k| {
        num::<u8>(a, k, "invalid mcast_vlan_snooping").map(|v| BridgeOpt::McastVlanSnooping(v != 0))
    }),
    ("mcast_query_use_ifaddr", false, |a, k| {
        num(a, k, "invalid mcast_query_use_ifaddr").map(BridgeOpt::McastQueryUseIfaddr)
    }),
    ("mcast_querier", false, |a, k| {
        num(a, k, "invalid mcast_querier").map(BridgeOpt::McastQuerier)
    }),
    ("mcast_hash_elasticity", false, |a, k| {
        num(a, k, "invalid mcast_hash_elasticity").map(BridgeOpt::McastHashElasticity)
    }),
    ("mcast_hash_max", false, |a, k| {
        num(a, k, "invalid mcast_hash_max").map(BridgeOpt::McastHashMax)
    }),
    ("mcast_last_member_count", false, |a, k| {
        num(a, k, "invalid mcast_last_member_count").map(BridgeOpt::McastLastMemberCount)
    }),
    ("mcast_startup_query_count", false, |a, k| {
        num(a, k, "invalid mcast_startup_query_count").map(BridgeOpt::McastStartupQueryCount)
    }),
    ("mcast_last_member_interval", false, |a, k| {
        num(a, k, "invalid mcast_last_member_interval").map(BridgeOpt::McastLastMemberInterval)
    }),
    ("mcast_membership_interval", false, |a, k| {
        num(a, k, "invalid mcast_membership_interval").map(BridgeOpt::McastMembershipInterval)
    }),
    ("mcast_querier_interval", false, |a, k| {
        num(a, k, "invalid mcast_querier_interval").map(BridgeOpt::McastQuerierInterval)
    }),
    ("mcast_query_interval", false, |a, k| {
        num(a, k, "invalid mcast_query_interval").map(BridgeOpt::McastQueryInterval)
    }),
    ("mcast_query_response_interval", false, |a, k| {
        num(a, k, "invalid mcast_query_response_interval")
            .map(BridgeOpt::McastQueryResponseInterval)
    }),
    ("mcast_startup_query_interval", false, |a, k| {
        num(a, k, "invalid mcast_startup_query_interval").map(BridgeOpt::McastStartupQueryInterval)
    }),
    ("mcast_stats_enabled", false, |a, k| {
        num(a, k, "invalid mcast_stats_enabled").map(BridgeOpt::McastStatsEnabled)
    }),
    ("mcast_igmp_version", false, |a, k| {
        num(a, k, "invalid mcast_igmp_version").map(BridgeOpt::McastIgmpVersion)
    }),
    ("mcast_mld_version", false, |a, k| {
        num(a, k, "invalid mcast_mld_version").map(BridgeOpt::McastMldVersion)
    }),
    ("nf_call_iptables", false, |a, k| {
        num(a, k, "invalid nf_call_iptables").map(BridgeOpt::NfCallIptables)
    }),
    ("nf_call_ip6tables", false, |a, k| {
        num(a, k, "invalid nf_call_ip6tables").map(BridgeOpt::NfCallIp6tables)
    }),
    ("nf_call_arptables", false, |a, k| {
        num(a, k, "invalid nf_call_arptables").map(BridgeOpt::NfCallArptables)
    }),
];

/// `ll_proto_a2n()` for a bridge's VLAN protocol: `802.1Q`, `802.1ad` (any case) or a number.
fn vlan_protocol(word: &str) -> Option<u16> {
    if word.eq_ignore_ascii_case("802.1q") {
        Some(0x8100)
    } else if word.eq_ignore_ascii_case("802.1ad") {
        Some(0x88a8)
    } else {
        args::number("vlan_protocol", word).ok()
    }
}

/// The words after `type bridge`, in their order.
pub fn bridge(args: &mut Args<'_>) -> CmdResult<Vec<BridgeOpt>> {
    let mut opts = Vec::new();
    while let Some(word) = args.next() {
        let found = BRIDGE.iter().find(|(key, exact, _)| {
            if *exact {
                word == *key
            } else {
                matches(word, key)
            }
        });
        match found {
            Some((key, _, parse)) => opts.push(parse(args, key)?),
            None if matches(word, "help") => return Err(Failure::Local(BRIDGE_USAGE.into())),
            None => {
                return Err(Failure::Local(format!(
                    "bridge: unknown command \"{word}\"?\n{BRIDGE_USAGE}"
                )));
            }
        }
    }
    Ok(opts)
}

/// A port's on/off option as `bridge_slave_parse_on_off()` reads it (lib/utils.c's
/// `parse_on_off`: the first of `off`, `on` the word is a prefix of); else exit 1.
fn port_on_off(args: &mut Args<'_>, key: &str) -> CmdResult<bool> {
    let word = args.value()?;
    if matches(word, "off") {
        Ok(false)
    } else if matches(word, "on") {
        Ok(true)
    } else {
        Err(Failure::Local(format!(
            "Error: argument of \"{key}\" must be one of \"off\", \"on\", not \"{word}\""
        )))
    }
}

/// Looks a device up by name: its index.
type Lookup<'l> = dyn FnMut(&str) -> CmdResult<u32> + 'l;

/// A bridge port option's reader, given the words, the keyword and a device lookup.
type PortParse = fn(&mut Args<'_>, &str, &mut Lookup<'_>) -> CmdResult<BridgePortOpt>;

/// `bridge_slave_parse_opt()`'s keywords in its order, each with its reader.
const PORT: &[(&str, PortParse)] = {
    use BridgePortOpt as O;
    &[
        ("fdb_flush", |_, _, _| Ok(O::FdbFlush)),
        ("state", |a, k, _| {
            num(a, k, "state is invalid").map(O::State)
        }),
        ("priority", |a, k, _| {
            num(a, k, "priority is invalid").map(O::Priority)
        }),
        ("cost", |a, k, _| num(a, k, "cost is invalid").map(O::Cost)),
        ("hairpin", |a, k, _| port_on_off(a, k).map(O::Hairpin)),
        ("guard", |a, k, _| port_on_off(a, k).map(O::Guard)),
        ("root_block", |a, k, _| port_on_off(a, k).map(O::RootBlock)),
        ("fastleave", |a, k, _| port_on_off(a, k).map(O::FastLeave)),
        ("learning", |a, k, _| port_on_off(a, k).map(O::Learning)),
        ("flood", |a, k, _| port_on_off(a, k).map(O::Flood)),
        ("mcast_flood", |a, k, _| {
            port_on_off(a, k).map(O::McastFlood)
        }),
        ("bcast_flood", |a, k, _| {
            port_on_off(a, k).map(O::BcastFlood)
        }),
        ("mcast_to_unicast", |a, k, _| {
            port_on_off(a, k).map(O::McastToUnicast)
        }),
        ("proxy_arp", |a, k, _| port_on_off(a, k).map(O::ProxyArp)),
        ("proxy_arp_wifi", |a, k, _| {
            port_on_off(a, k).map(O::ProxyArpWifi)
        }),
        ("mcast_router", |a, k, _| {
            num(a, k, "invalid mcast_router").map(O::McastRouter)
        }),
        ("mcast_fast_leave", |a, k, _| {
            port_on_off(a, k).map(O::FastLeave)
        }),
        ("neigh_suppress", |a, k, _| {
            port_on_off(a, k).map(O::NeighSuppress)
        }),
        ("group_fwd_mask", |a, k, _| {
            num(a, k, "invalid group_fwd_mask").map(O::GroupFwdMask)
        }),
        ("vlan_tunnel", |a, k, _| {
            port_on_off(a, k).map(O::VlanTunnel)
        }),
        ("isolated", |a, k, _| port_on_off(a, k).map(O::Isolated)),
        ("locked", |a, k, _| port_on_off(a, k).map(O::Locked)),
        ("backup_port", |a, _, device| {
            let name = a.value()?;
            let index = device(name).map_err(|_| invarg("Device does not exist\n", name))?;
            Ok(O::BackupPort(index))
        }),
        ("nobackup_port", |_, _, _| Ok(O::BackupPort(0))),
    ]
};

/// The words after `type bridge_slave`, in their order; `backup_port DEV` is looked up with
/// `device` (ip's `Device does not exist` when it fails).
pub fn bridge_slave(args: &mut Args<'_>, device: &mut Lookup<'_>) -> CmdResult<Vec<BridgePortOpt>> {
    let mut opts = Vec::new();
    while let Some(word) = args.next() {
        match PORT.iter().find(|(key, _)| matches(word, key)) {
            Some((key, parse)) => opts.push(parse(args, key, device)?),
            None if matches(word, "help") => {
                return Err(Failure::Local(BRIDGE_SLAVE_USAGE.into()));
            }
            None => {
                return Err(Failure::Local(format!(
                    "bridge_slave: unknown option \"{word}\"?\n{BRIDGE_SLAVE_USAGE}"
                )));
            }
        }
    }
    Ok(opts)
}

/// `ip link help bridge`'s text (`print_explain()` of iplink_bridge.c).
const BRIDGE_USAGE: &str = "Usage: ... bridge [ fdb_flush ]\n\
\t\t  [ forward_delay FORWARD_DELAY ]\n\
\t\t  [ hello_time HELLO_TIME ]\n\
\t\t  [ max_age MAX_AGE ]\n\
\t\t  [ ageing_time AGEING_TIME ]\n\
\t\t  [ stp_state STP_STATE ]\n\
\t\t  [ priority PRIORITY ]\n\
\t\t  [ group_fwd_mask MASK ]\n\
\t\t  [ group_address ADDRESS ]\n\
\t\t  [ no_linklocal_learn NO_LINKLOCAL_LEARN ]\n\
\t\t  [ vlan_filtering VLAN_FILTERING ]\n\
\t\t  [ vlan_protocol VLAN_PROTOCOL ]\n\
\t\t  [ vlan_default_pvid VLAN_DEFAULT_PVID ]\n\
\t\t  [ vlan_stats_enabled VLAN_STATS_ENABLED ]\n\
\t\t  [ vlan_stats_per_port VLAN_STATS_PER_PORT ]\n\
\t\t  [ mcast_snooping MULTICAST_SNOOPING ]\n\
\t\t  [ mcast_vlan_snooping MULTICAST_VLAN_SNOOPING ]\n\
\t\t  [ mcast_router MULTICAST_ROUTER ]\n\
\t\t  [ mcast_query_use_ifaddr MCAST_QUERY_USE_IFADDR ]\n\
\t\t  [ mcast_querier MULTICAST_QUERIER ]\n\
\t\t  [ mcast_hash_elasticity HASH_ELASTICITY ]\n\
\t\t  [ mcast_hash_max HASH_MAX ]\n\
\t\t  [ mcast_last_member_count LAST_MEMBER_COUNT ]\n\
\t\t  [ mcast_startup_query_count STARTUP_QUERY_COUNT ]\n\
\t\t  [ mcast_last_member_interval LAST_MEMBER_INTERVAL ]\n\
\t\t  [ mcast_membership_interval MEMBERSHIP_INTERVAL ]\n\
\t\t  [ mcast_querier_interval QUERIER_INTERVAL ]\n\
\t\t  [ mcast_query_interval QUERY_INTERVAL ]\n\
\t\t  [ mcast_query_response_interval QUERY_RESPONSE_INTERVAL ]\n\
\t\t  [ mcast_startup_query_interval STARTUP_QUERY_INTERVAL ]\n\
\t\t  [ mcast_stats_enabled MCAST_STATS_ENABLED ]\n\
\t\t  [ mcast_igmp_version IGMP_VERSION ]\n\
\t\t  [ mcast_mld_version MLD_VERSION ]\n\
\t\t  [ nf_call_iptables NF_CALL_IPTABLES ]\n\
\t\t  [ nf_call_ip6tables NF_CALL_IP6TABLES ]\n\
\t\t  [ nf_call_arptables NF_CALL_ARPTABLES ]\n\
\n\
Where: VLAN_PROTOCOL := { 802.1Q | 802.1ad }";

/// `ip link help bridge_slave`'s text.
const BRIDGE_SLAVE_USAGE: &str = "Usage: ... bridge_slave [ fdb_flush ]\n\
\t\t\t[ state STATE ]\n\
\t\t\t[ priority PRIO ]\n\
\t\t\t[ cost COST ]\n\
\t\t\t[ guard {on | off} ]\n\
\t\t\t[ hairpin {on | off} ]\n\
\t\t\t[ fastleave {on | off} ]\n\
\t\t\t[ root_block {on | off} ]\n\
\t\t\t[ learning {on | off} ]\n\
\t\t\t[ flood {on | off} ]\n\
\t\t\t[ proxy_arp {on | off} ]\n\
\t\t\t[ proxy_arp_wifi {on | off} ]\n\
\t\t\t[ mcast_router MULTICAST_ROUTER ]\n\
\t\t\t[ mcast_fast_leave {on | off} ]\n\
\t\t\t[ mcast_flood {on | off} ]\n\
\t\t\t[ bcast_flood {on | off} ]\n\
\t\t\t[ mcast_to_unicast {on | off} ]\n\
\t\t\t[ group_fwd_mask MASK ]\n\
\t\t\t[ neigh_suppress {on | off} ]\n\
\t\t\t[ vlan_tunnel {on | off} ]\n\
\t\t\t[ isolated {on | off} ]\n\
\t\t\t[ locked {on | off} ]\n\
\t\t\t[ backup_port DEVICE ] [ nobackup_port ]";
