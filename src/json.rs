//! `ip -j` output: the same keys and values iproute2 6.1 prints, for links, addresses and
//! routes, so a script reading `ip -j -d link show` can read `rtnl -j link show`.
//!
//! Covered: every key `ip -j -d link show` prints for veth, bridge and vxlan links except
//! `inet6_addr_gen_mode` and the bridge-port `info_slave_data` (not decoded yet), the
//! common bridge keys of `info_data`; every key of `ip -j addr show`'s `addr_info`; every key of
//! `ip -j -d route show`. The fixture tests compare all of them against `ip` itself.

use std::net::IpAddr;

use serde_json::{Map, Value, json};

use crate::model::{Address, KindData, Link, Route};
use crate::names;

/// Finds a link by index, to print names where the kernel sent indexes (`master`, `dev`).
pub trait LinkLookup {
    /// The link with index `index` in the same namespace.
    fn link(&self, index: u32) -> Option<&Link>;
}

impl LinkLookup for [Link] {
    fn link(&self, index: u32) -> Option<&Link> {
        self.iter().find(|link| link.index == index)
    }
}

impl LinkLookup for std::collections::HashMap<u32, Link> {
    fn link(&self, index: u32) -> Option<&Link> {
        self.get(&index)
    }
}

fn dev_name(links: &(impl LinkLookup + ?Sized), index: u32) -> String {
    links
        .link(index)
        .map_or_else(|| format!("if{index}"), |link| link.name.clone())
}

fn put<T: Into<Value>>(map: &mut Map<String, Value>, key: &str, value: Option<T>) {
    if let Some(value) = value {
        map.insert(key.to_owned(), value.into());
    }
}

/// One link as `ip -j -d link show` prints it.
pub fn link(link: &Link, links: &(impl LinkLookup + ?Sized)) -> Value {
    let mut m = Map::new();
    m.insert("ifindex".into(), link.index.into());
    let mut lower_down = false;
    match (link.link, link.link_netnsid) {
        (Some(0), _) => {
            m.insert("link".into(), Value::Null);
        }
        (Some(index), Some(_)) => {
            m.insert("link_index".into(), index.into());
        }
        (Some(index), None) => {
            m.insert("link".into(), dev_name(links, index).into());
            lower_down = links.link(index).is_some_and(|peer| !peer.is_up());
        }
        (None, _) => {}
    }
    m.insert("ifname".into(), link.name.clone().into());
    m.insert(
        "flags".into(),
        names::link_flags(link.flags, lower_down).into(),
    );
    put(&mut m, "mtu", link.mtu);
    put(&mut m, "qdisc", link.qdisc.clone());
    put(&mut m, "master", link.master.map(|i| dev_name(links, i)));
    put(
        &mut m,
        "operstate",
        link.operstate.map(|s| names::operstate(s).to_string()),
    );
    put(
        &mut m,
        "linkmode",
        link.linkmode.map(|s| names::linkmode(s).to_string()),
    );
    put(
        &mut m,
        "group",
        link.group.map(|g| names::group(g).to_string()),
    );
    // ip's print_queuelen() leaves out a zero queue length.
    put(&mut m, "txqlen", link.txqlen.filter(|&qlen| qlen != 0));
    m.insert(
        "link_type".into(),
        names::link_type(link.link_type).to_string().into(),
    );
    put(
        &mut m,
        "address",
        link.address.as_deref().map(names::hardware_address),
    );
    put(
        &mut m,
        "broadcast",
        link.broadcast.as_deref().map(names::hardware_address),
    );
    put(&mut m, "link_netnsid", link.link_netnsid);
    put(&mut m, "promiscuity", link.promiscuity);
    put(&mut m, "allmulti", link.allmulti);
    put(&mut m, "min_mtu", link.min_mtu);
    put(&mut m, "max_mtu", link.max_mtu);
    if link.kind.is_some() || link.slave_kind.is_some() {
        let mut info = Map::new();
        put(&mut info, "info_kind", link.kind.clone());
        if let Some(data) = &link.kind_data {
            info.insert("info_data".into(), kind_data(data, links));
        }
        put(&mut info, "info_slave_kind", link.slave_kind.clone());
        m.insert("linkinfo".into(), info.into());
    }
    put(&mut m, "num_tx_queues", link.num_tx_queues);
    put(&mut m, "num_rx_queues", link.num_rx_queues);
    put(&mut m, "gso_max_size", link.gso_max_size);
    put(&mut m, "gso_max_segs", link.gso_max_segs);
    put(&mut m, "tso_max_size", link.tso_max_size);
    put(&mut m, "tso_max_segs", link.tso_max_segs);
    put(&mut m, "gro_max_size", link.gro_max_size);
    put(&mut m, "ifalias", link.alias.clone());
    m.into()
}

fn kind_data(data: &KindData, links: &(impl LinkLookup + ?Sized)) -> Value {
    let mut m = Map::new();
    match data {
        KindData::Vxlan {
            id,
            remote,
            local,
            link,
            port,
            port_range,
            learning,
            ttl,
            ageing,
        } => {
            put(&mut m, "id", *id);
            put(&mut m, "remote", remote.map(|a| a.to_string()));
            put(&mut m, "local", local.map(|a| a.to_string()));
            put(&mut m, "link", link.map(|i| dev_name(links, i)));
            put(
                &mut m,
                "port_range",
                port_range.map(|(low, high)| json!({"low": low, "high": high})),
            );
            put(&mut m, "port", *port);
            put(&mut m, "learning", *learning);
            put(&mut m, "ttl", *ttl);
            put(&mut m, "ageing", *ageing);
        }
        KindData::Bridge {
            forward_delay,
            hello_time,
            max_age,
            ageing_time,
            stp_state,
            priority,
            vlan_filtering,
        } => {
            put(&mut m, "forward_delay", *forward_delay);
            put(&mut m, "hello_time", *hello_time);
            put(&mut m, "max_age", *max_age);
            put(&mut m, "ageing_time", *ageing_time);
            put(&mut m, "stp_state", *stp_state);
            put(&mut m, "priority", *priority);
            put(&mut m, "vlan_filtering", vlan_filtering.map(u8::from));
        }
        KindData::Vlan { id, protocol } => {
            put(
                &mut m,
                "protocol",
                protocol.map(|p| match p {
                    0x8100 => "802.1Q".to_owned(),
                    0x88a8 => "802.1ad".to_owned(),
                    other => format!("{other:#06x}"),
                }),
            );
            put(&mut m, "id", *id);
        }
        KindData::Macvlan { mode } => {
            put(
                &mut m,
                "mode",
                mode.map(|mode| match mode {
                    1 => "private".to_owned(),
                    2 => "vepa".to_owned(),
                    4 => "bridge".to_owned(),
                    8 => "passthru".to_owned(),
                    16 => "source".to_owned(),
                    other => other.to_string(),
                }),
            );
        }
    }
    m.into()
}

fn family_name(family: u8) -> &'static str {
    match family {
        rtnl_codec::af::INET => "inet",
        rtnl_codec::af::INET6 => "inet6",
        _ => "unspec",
    }
}

/// One entry of `addr_info`, as `ip -j addr show` prints it.
pub fn address(address: &Address) -> Value {
    let mut m = Map::new();
    m.insert("family".into(), family_name(address.family).into());
    put(&mut m, "local", address.local.map(|a| a.to_string()));
    put(&mut m, "address", address.peer.map(|a| a.to_string()));
    m.insert("prefixlen".into(), address.prefix_len.into());
    put(
        &mut m,
        "broadcast",
        address.broadcast.map(|a| a.to_string()),
    );
    m.insert(
        "scope".into(),
        names::scope(address.scope).to_string().into(),
    );
    put(&mut m, "metric", address.priority);
    let ipv6 = address.family == rtnl_codec::af::INET6;
    for flag in names::address_flags(address.flags, ipv6) {
        m.insert(flag.into(), true.into());
    }
    put(&mut m, "label", address.label.clone());
    put(&mut m, "valid_life_time", address.valid_lifetime);
    put(&mut m, "preferred_life_time", address.preferred_lifetime);
    m.into()
}

/// A prefix as `ip route` prints it: `default`, a bare address for a host route, or
/// `address/len`.
pub fn prefix(address: Option<IpAddr>, len: u8) -> String {
    match address {
        None if len == 0 => "default".to_owned(),
        None => format!("0/{len}"),
        Some(address) => {
            let host_len = if address.is_ipv4() { 32 } else { 128 };
            if len == host_len {
                address.to_string()
            } else {
                format!("{address}/{len}")
            }
        }
    }
}

/// One route as `ip -j -d route show` prints it.
pub fn route(route: &Route, links: &(impl LinkLookup + ?Sized)) -> Value {
    let mut m = Map::new();
    m.insert(
        "type".into(),
        names::route_type(route.route_type).to_string().into(),
    );
    m.insert("dst".into(), prefix(route.dst, route.dst_len).into());
    put(&mut m, "gateway", route.gateway.map(|a| a.to_string()));
    put(&mut m, "dev", route.oif.map(|i| dev_name(links, i)));
    m.insert("table".into(), names::table(route.table).to_string().into());
    m.insert(
        "protocol".into(),
        names::protocol(route.protocol).to_string().into(),
    );
    m.insert("scope".into(), names::scope(route.scope).to_string().into());
    // ip's print_route() prints prefsrc before the metric.
    put(&mut m, "prefsrc", route.prefsrc.map(|a| a.to_string()));
    put(&mut m, "metric", route.priority);
    m.insert("flags".into(), names::nexthop_flags(route.flags).into());
    put(&mut m, "expires", route.expires);
    put(
        &mut m,
        "pref",
        route.pref.map(|pref| match pref {
            0 => "medium".to_owned(),
            1 => "high".to_owned(),
            3 => "low".to_owned(),
            other => other.to_string(),
        }),
    );
    if !route.nexthops.is_empty() {
        let hops: Vec<Value> = route
            .nexthops
            .iter()
            .map(|hop| {
                let mut h = Map::new();
                put(&mut h, "gateway", hop.gateway.map(|a| a.to_string()));
                h.insert("dev".into(), dev_name(links, hop.oif).into());
                h.insert("weight".into(), hop.weight.into());
                h.insert(
                    "flags".into(),
                    names::nexthop_flags(u32::from(hop.flags)).into(),
                );
                h.into()
            })
            .collect();
        m.insert("nexthops".into(), hops.into());
    }
    m.into()
}
