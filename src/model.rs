//! Owned values of what the kernel reports: [`Link`], [`Address`], [`Route`], [`Nsid`].
//!
//! Each is copied out of a codec view in one pass (`from_message`), so it outlives the receive
//! buffer. For large dumps that need no copies, use the streaming forms on
//! [`Handle`](crate::Handle), which hand out the codec's borrowed views instead.

use std::net::IpAddr;

use rtnl_codec::raw::LinkStats64;
use rtnl_codec::{AddressMessage, LinkMessage, NsidMessage, RouteMessage};

/// An owned value copied out of a codec view `V` ([`Link`] from a [`LinkMessage`], ...): what
/// the owned dumps ([`Handle::dump_owned`](crate::Handle::dump_owned), [`Handle::links`](
/// crate::Handle::links), ...) and the monitor's [`Event`](crate::monitor::Event)s are made of.
pub trait FromView<V>: Sized {
    /// Copies `view` out of its buffer; `None` when the message lacks what the value needs (an
    /// nsid message without `NETNSA_NSID`).
    fn from_view(view: &V) -> Option<Self>;
}

impl<'a> FromView<LinkMessage<'a>> for Link {
    fn from_view(view: &LinkMessage<'a>) -> Option<Self> {
        Some(Link::from_message(view))
    }
}

impl<'a> FromView<AddressMessage<'a>> for Address {
    fn from_view(view: &AddressMessage<'a>) -> Option<Self> {
        Some(Address::from_message(view))
    }
}

impl<'a> FromView<RouteMessage<'a>> for Route {
    fn from_view(view: &RouteMessage<'a>) -> Option<Self> {
        Some(Route::from_message(view))
    }
}

impl<'a> FromView<NsidMessage<'a>> for Nsid {
    fn from_view(view: &NsidMessage<'a>) -> Option<Self> {
        Nsid::from_message(view)
    }
}

/// A network interface, as `ip -d link show` describes it (`RTM_NEWLINK`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Link {
    /// `ifi_index`.
    pub index: u32,
    /// `IFLA_IFNAME`; bytes that are not UTF-8 are replaced (see the codec's `name_bytes`).
    pub name: String,
    /// `ifi_flags`, `IFF_*`.
    pub flags: u32,
    /// `ifi_type`, `ARPHRD_*`.
    pub link_type: u16,
    /// `IFLA_MTU`.
    pub mtu: Option<u32>,
    /// `IFLA_MIN_MTU`.
    pub min_mtu: Option<u32>,
    /// `IFLA_MAX_MTU`.
    pub max_mtu: Option<u32>,
    /// `IFLA_QDISC`.
    pub qdisc: Option<String>,
    /// `IFLA_OPERSTATE`, `IF_OPER_*`.
    pub operstate: Option<u8>,
    /// `IFLA_LINKMODE`.
    pub linkmode: Option<u8>,
    /// `IFLA_GROUP`.
    pub group: Option<u32>,
    /// `IFLA_TXQLEN`.
    pub txqlen: Option<u32>,
    /// `IFLA_ADDRESS`: the link-layer address.
    pub address: Option<Vec<u8>>,
    /// `IFLA_BROADCAST`.
    pub broadcast: Option<Vec<u8>>,
    /// `IFLA_PERM_ADDRESS`.
    pub perm_address: Option<Vec<u8>>,
    /// `IFLA_MASTER`: the master's index.
    pub master: Option<u32>,
    /// `IFLA_LINK`: the linked device's index (a veth's peer), in the namespace of
    /// `link_netnsid` when that is set.
    pub link: Option<u32>,
    /// `IFLA_LINK_NETNSID`.
    pub link_netnsid: Option<i32>,
    /// `IFLA_IFALIAS`.
    pub alias: Option<String>,
    /// `IFLA_PROMISCUITY`.
    pub promiscuity: Option<u32>,
    /// `IFLA_ALLMULTI`.
    pub allmulti: Option<u32>,
    /// `IFLA_NUM_TX_QUEUES`.
    pub num_tx_queues: Option<u32>,
    /// `IFLA_NUM_RX_QUEUES`.
    pub num_rx_queues: Option<u32>,
    /// `IFLA_GSO_MAX_SIZE`.
    pub gso_max_size: Option<u32>,
    /// `IFLA_GSO_MAX_SEGS`.
    pub gso_max_segs: Option<u32>,
    /// `IFLA_TSO_MAX_SIZE`.
    pub tso_max_size: Option<u32>,
    /// `IFLA_TSO_MAX_SEGS`.
    pub tso_max_segs: Option<u32>,
    /// `IFLA_GRO_MAX_SIZE`.
    pub gro_max_size: Option<u32>,
    /// `IFLA_CARRIER`.
    pub carrier: Option<bool>,
    /// `IFLA_CARRIER_CHANGES`.
    pub carrier_changes: Option<u32>,
    /// `IFLA_INFO_KIND`: `veth`, `bridge`, `vxlan`, ...
    pub kind: Option<String>,
    /// `IFLA_INFO_SLAVE_KIND`: the master's kind when this is a port.
    pub slave_kind: Option<String>,
    /// The kind-specific data this crate types.
    pub kind_data: Option<KindData>,
    /// `IFLA_STATS64`.
    pub stats64: Option<LinkStats64>,
}

/// Kind-specific link data (`IFLA_INFO_DATA`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum KindData {
    /// `IFLA_VXLAN_*`.
    Vxlan {
        /// VNI.
        id: Option<u32>,
        /// Remote address or multicast group.
        remote: Option<IpAddr>,
        /// Local address.
        local: Option<IpAddr>,
        /// Underlying device index.
        link: Option<u32>,
        /// UDP destination port.
        port: Option<u16>,
        /// UDP source port range.
        port_range: Option<(u16, u16)>,
        /// Whether FDB learning is on.
        learning: Option<bool>,
        /// TTL (0: inherit).
        ttl: Option<u8>,
        /// FDB ageing, seconds.
        ageing: Option<u32>,
    },
    /// `IFLA_BR_*` (the common ones).
    Bridge {
        /// Forward delay, hundredths of a second.
        forward_delay: Option<u32>,
        /// Hello time, hundredths of a second.
        hello_time: Option<u32>,
        /// Max age, hundredths of a second.
        max_age: Option<u32>,
        /// Ageing time, hundredths of a second.
        ageing_time: Option<u32>,
        /// STP state.
        stp_state: Option<u32>,
        /// Bridge priority.
        priority: Option<u16>,
        /// VLAN filtering.
        vlan_filtering: Option<bool>,
    },
    /// `IFLA_VLAN_*`.
    Vlan {
        /// VLAN id.
        id: Option<u16>,
        /// Ethertype, 0x8100 or 0x88a8.
        protocol: Option<u16>,
    },
    /// `IFLA_MACVLAN_*`.
    Macvlan {
        /// `MACVLAN_MODE_*`.
        mode: Option<u32>,
    },
}

fn owned(bytes: Option<&[u8]>) -> Option<Vec<u8>> {
    bytes.map(<[u8]>::to_vec)
}

fn string(text: Option<&str>) -> Option<String> {
    text.map(str::to_owned)
}

impl Link {
    /// Copies a link message out of its buffer.
    pub fn from_message(m: &LinkMessage<'_>) -> Link {
        let kind_data = if let Some(v) = m.vxlan() {
            Some(KindData::Vxlan {
                id: v.id(),
                remote: v.remote(),
                local: v.local(),
                link: v.link(),
                port: v.port(),
                port_range: v.port_range(),
                learning: v.learning(),
                ttl: v.ttl(),
                ageing: v.ageing(),
            })
        } else if let Some(b) = m.bridge() {
            Some(KindData::Bridge {
                forward_delay: b.forward_delay(),
                hello_time: b.hello_time(),
                max_age: b.max_age(),
                ageing_time: b.ageing_time(),
                stp_state: b.stp_state(),
                priority: b.priority(),
                vlan_filtering: b.vlan_filtering(),
            })
        } else if let Some(v) = m.vlan() {
            Some(KindData::Vlan {
                id: v.id(),
                protocol: v.protocol(),
            })
        } else {
            m.macvlan().map(|v| KindData::Macvlan { mode: v.mode() })
        };
        Link {
            index: m.index(),
            name: m
                .name_bytes()
                .map(|name| String::from_utf8_lossy(name).into_owned())
                .unwrap_or_default(),
            flags: m.flags(),
            link_type: m.link_type(),
            mtu: m.mtu(),
            min_mtu: m.min_mtu(),
            max_mtu: m.max_mtu(),
            qdisc: string(m.qdisc()),
            operstate: m.operstate(),
            linkmode: m.linkmode(),
            group: m.group(),
            txqlen: m.txqlen(),
            address: owned(m.address()),
            broadcast: owned(m.broadcast()),
            perm_address: owned(m.perm_address()),
            master: m.master(),
            link: m.link(),
            link_netnsid: m.link_netnsid(),
            alias: string(m.alias()),
            promiscuity: m.promiscuity(),
            allmulti: m.allmulti(),
            num_tx_queues: m.num_tx_queues(),
            num_rx_queues: m.num_rx_queues(),
            gso_max_size: m.gso_max_size(),
            gso_max_segs: m.gso_max_segs(),
            tso_max_size: m.tso_max_size(),
            tso_max_segs: m.tso_max_segs(),
            gro_max_size: m.gro_max_size(),
            carrier: m.carrier(),
            carrier_changes: m.carrier_changes(),
            kind: string(m.kind()),
            slave_kind: string(m.slave_kind()),
            kind_data,
            stats64: m.stats64(),
        }
    }

    /// Whether `IFF_UP` is set.
    pub fn is_up(&self) -> bool {
        self.flags & rtnl_codec::iff::UP != 0
    }

    /// The link-layer address as a 6-byte MAC, when it is one.
    pub fn mac(&self) -> Option<[u8; 6]> {
        self.address.as_deref()?.try_into().ok()
    }
}

/// An interface address, as `ip addr show` describes it (`RTM_NEWADDR`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Address {
    /// `ifa_index`: the interface.
    pub index: u32,
    /// `ifa_family`.
    pub family: u8,
    /// `ifa_prefixlen`.
    pub prefix_len: u8,
    /// `ifa_scope`.
    pub scope: u8,
    /// `IFA_FLAGS` (or `ifa_flags`), `IFA_F_*`.
    pub flags: u32,
    /// The interface's own address (`IFA_LOCAL`, else `IFA_ADDRESS`).
    pub local: Option<IpAddr>,
    /// The peer of a point-to-point address (`IFA_ADDRESS` when it differs from `IFA_LOCAL`).
    pub peer: Option<IpAddr>,
    /// `IFA_BROADCAST`.
    pub broadcast: Option<IpAddr>,
    /// `IFA_LABEL`.
    pub label: Option<String>,
    /// Valid lifetime left, seconds (`u32::MAX`: forever).
    pub valid_lifetime: Option<u32>,
    /// Preferred lifetime left, seconds (`u32::MAX`: forever).
    pub preferred_lifetime: Option<u32>,
    /// `IFA_RT_PRIORITY`: the prefix route's metric.
    pub priority: Option<u32>,
}

impl Address {
    /// Copies an address message out of its buffer.
    pub fn from_message(m: &AddressMessage<'_>) -> Address {
        Address {
            index: m.index(),
            family: m.family(),
            prefix_len: m.prefix_len(),
            scope: m.scope(),
            flags: m.flags(),
            local: m.own_address(),
            peer: m.peer(),
            broadcast: m.broadcast(),
            label: string(m.label()),
            valid_lifetime: m.valid_lifetime(),
            preferred_lifetime: m.preferred_lifetime(),
            priority: m.priority(),
        }
    }
}

/// One next hop of a multipath route.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct NextHop {
    /// Output interface index.
    pub oif: u32,
    /// Weight (`rtnh_hops + 1`).
    pub weight: u16,
    /// `RTNH_F_*`.
    pub flags: u8,
    /// Gateway: `RTA_GATEWAY`, or `RTA_VIA`'s address (a gateway of the other family).
    pub gateway: Option<IpAddr>,
}

/// A route, as `ip route show` describes it (`RTM_NEWROUTE`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Route {
    /// `rtm_family`.
    pub family: u8,
    /// `RTA_DST`; `None` for a default route.
    pub dst: Option<IpAddr>,
    /// `rtm_dst_len`.
    pub dst_len: u8,
    /// `RTA_TABLE` (or `rtm_table`).
    pub table: u32,
    /// `rtm_protocol`.
    pub protocol: u8,
    /// `rtm_scope`.
    pub scope: u8,
    /// `rtm_type`.
    pub route_type: u8,
    /// `rtm_flags`.
    pub flags: u32,
    /// `RTA_GATEWAY`, or `RTA_VIA`'s address (a gateway of the other family: RFC 5549's
    /// IPv4 route through an IPv6 next hop).
    pub gateway: Option<IpAddr>,
    /// `RTA_OIF`.
    pub oif: Option<u32>,
    /// `RTA_PRIORITY`: the metric.
    pub priority: Option<u32>,
    /// `RTA_PREFSRC`.
    pub prefsrc: Option<IpAddr>,
    /// `RTA_PREF`: IPv6 router preference.
    pub pref: Option<u8>,
    /// Seconds until the route expires (`RTA_CACHEINFO` `rta_expires`, in hundredths).
    pub expires: Option<u32>,
    /// `RTA_MULTIPATH`.
    pub nexthops: Vec<NextHop>,
}

impl Route {
    /// Copies a route message out of its buffer.
    pub fn from_message(m: &RouteMessage<'_>) -> Route {
        let nexthops = m
            .multipath()
            .into_iter()
            .flatten()
            .map_while(Result::ok)
            .map(|nh| NextHop {
                oif: nh.ifindex(),
                weight: nh.weight(),
                flags: nh.flags(),
                gateway: nh.gateway().or_else(|| nh.via().map(|(_, addr)| addr)),
            })
            .collect();
        let expires = m
            .cacheinfo()
            .map(|ci| ci.rta_expires.get())
            .filter(|&jiffies| jiffies != 0)
            .map(|clock_t| (clock_t / 100).unsigned_abs());
        Route {
            family: m.family(),
            dst: m.dst(),
            dst_len: m.dst_len(),
            table: m.table(),
            protocol: m.protocol(),
            scope: m.scope(),
            route_type: m.route_type(),
            flags: m.flags(),
            gateway: m.gateway().or_else(|| m.via().map(|(_, addr)| addr)),
            oif: m.oif(),
            priority: m.priority(),
            prefsrc: m.prefsrc(),
            pref: m.pref(),
            expires,
            nexthops,
        }
    }
}

/// A namespace id, as `ip netns list-id` lists it (`RTM_NEWNSID`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Nsid {
    /// `NETNSA_NSID`.
    pub nsid: i32,
    /// The named namespace (in the run dir) it belongs to, when one matches (its file name:
    /// bytes, which need not be UTF-8).
    pub name: Option<std::ffi::OsString>,
    /// `NETNSA_CURRENT_NSID`, in answers to a request with `NETNSA_TARGET_NSID`: the id the
    /// requesting namespace has for the same namespace (`ip netns list-id target-nsid T`'s
    /// `current-nsid`).
    pub current_nsid: Option<i32>,
}

impl Nsid {
    /// Copies an nsid message out of its buffer; `None` without `NETNSA_NSID`.
    pub fn from_message(m: &NsidMessage<'_>) -> Option<Nsid> {
        Some(Nsid {
            nsid: m.nsid()?,
            name: None,
            current_nsid: m.current_nsid(),
        })
    }
}
