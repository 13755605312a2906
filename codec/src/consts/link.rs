//! `<linux/if_link.h>`, `<linux/if.h>`, `<linux/veth.h>`, `<linux/if_arp.h>`: link attributes,
//! the nest of a veth's peer, device flags and states. The other kinds' attributes
//! (`IFLA_BR_*`, `IFLA_VXLAN_*`, `IFLA_MACVLAN_*`, ...) are in their kinds' files (`kind/`),
//! with their views and options.

/// Link attributes (`IFLA_*` in `<linux/if_link.h>`), after `struct ifinfomsg`.
pub mod ifla {
    /// `IFLA_UNSPEC`: unused (type 0).
    #[doc(alias = "IFLA_UNSPEC")]
    pub const UNSPEC: u16 = 0;
    /// `IFLA_ADDRESS`: the link-layer (hardware) address.
    #[doc(alias = "IFLA_ADDRESS")]
    pub const ADDRESS: u16 = 1;
    /// `IFLA_BROADCAST`: the link-layer broadcast address.
    #[doc(alias = "IFLA_BROADCAST")]
    pub const BROADCAST: u16 = 2;
    /// `IFLA_IFNAME`: the interface name, a NUL-terminated string of at most 15 characters
    /// (`IFNAMSIZ` 16).
    #[doc(alias = "IFLA_IFNAME")]
    pub const IFNAME: u16 = 3;
    /// `IFLA_MTU`: `u32` MTU.
    #[doc(alias = "IFLA_MTU")]
    pub const MTU: u16 = 4;
    /// `IFLA_LINK`: `u32` index of the link this one is bound to: the lower device, or a veth's
    /// peer (`ip link` shows it as `@ifN`).
    #[doc(alias = "IFLA_LINK")]
    pub const LINK: u16 = 5;
    /// `IFLA_QDISC`: name of the root queueing discipline.
    #[doc(alias = "IFLA_QDISC")]
    pub const QDISC: u16 = 6;
    /// `IFLA_STATS`: `struct rtnl_link_stats`: the traffic counters, 32-bit.
    #[doc(alias = "IFLA_STATS")]
    pub const STATS: u16 = 7;
    /// `IFLA_COST`: unused; reserved for a link cost that was never implemented.
    #[doc(alias = "IFLA_COST")]
    pub const COST: u16 = 8;
    /// `IFLA_PRIORITY`: unused; reserved for a link priority that was never implemented.
    #[doc(alias = "IFLA_PRIORITY")]
    pub const PRIORITY: u16 = 9;
    /// `IFLA_MASTER`: `u32` index of the master device (bridge, bond, VRF); 0 releases the link.
    #[doc(alias = "IFLA_MASTER")]
    pub const MASTER: u16 = 10;
    /// `IFLA_WIRELESS`: a Wireless Extensions event (see `<linux/wireless.h>`).
    #[doc(alias = "IFLA_WIRELESS")]
    pub const WIRELESS: u16 = 11;
    /// `IFLA_PROTINFO`: nest of protocol-specific link information (`IFLA_INET6_*`, or
    /// `IFLA_BRPORT_*` in `AF_BRIDGE` messages).
    #[doc(alias = "IFLA_PROTINFO")]
    pub const PROTINFO: u16 = 12;
    /// `IFLA_TXQLEN`: `u32` transmit queue length.
    #[doc(alias = "IFLA_TXQLEN")]
    pub const TXQLEN: u16 = 13;
    /// `IFLA_MAP`: `struct rtnl_link_ifmap`: the device's I/O memory, IRQ and DMA settings.
    #[doc(alias = "IFLA_MAP")]
    pub const MAP: u16 = 14;
    /// `IFLA_WEIGHT`: unused; reserved for a link weight that was never implemented.
    #[doc(alias = "IFLA_WEIGHT")]
    pub const WEIGHT: u16 = 15;
    /// `IFLA_OPERSTATE`: `u8` RFC 2863 operational state, an `IF_OPER_*` value.
    #[doc(alias = "IFLA_OPERSTATE")]
    pub const OPERSTATE: u16 = 16;
    /// `IFLA_LINKMODE`: `u8` link mode, an `IF_LINK_MODE_*` value.
    #[doc(alias = "IFLA_LINKMODE")]
    pub const LINKMODE: u16 = 17;
    /// `IFLA_LINKINFO`: nest of `IFLA_INFO_*`: the link kind and its kind-specific attributes.
    #[doc(alias = "IFLA_LINKINFO")]
    pub const LINKINFO: u16 = 18;
    /// `IFLA_NET_NS_PID`: `u32` process id whose network namespace the link is moved to (or created
    /// in).
    #[doc(alias = "IFLA_NET_NS_PID")]
    pub const NET_NS_PID: u16 = 19;
    /// `IFLA_IFALIAS`: the interface alias, a free-text description.
    #[doc(alias = "IFLA_IFALIAS")]
    pub const IFALIAS: u16 = 20;
    /// `IFLA_NUM_VF`: `u32` number of virtual functions, if the device is an SR-IOV physical
    /// function.
    #[doc(alias = "IFLA_NUM_VF")]
    pub const NUM_VF: u16 = 21;
    /// `IFLA_VFINFO_LIST`: nest of per-virtual-function information (with `RTEXT_FILTER_VF`).
    #[doc(alias = "IFLA_VFINFO_LIST")]
    pub const VFINFO_LIST: u16 = 22;
    /// `IFLA_STATS64`: `struct rtnl_link_stats64`: the traffic counters, 64-bit.
    #[doc(alias = "IFLA_STATS64")]
    pub const STATS64: u16 = 23;
    /// `IFLA_VF_PORTS`: nest of port profiles of the virtual functions.
    #[doc(alias = "IFLA_VF_PORTS")]
    pub const VF_PORTS: u16 = 24;
    /// `IFLA_PORT_SELF`: nest with the port profile of the device itself.
    #[doc(alias = "IFLA_PORT_SELF")]
    pub const PORT_SELF: u16 = 25;
    /// `IFLA_AF_SPEC`: nest of per-address-family attributes, each nested under its `AF_*` number
    /// (`IFLA_INET_*`, `IFLA_INET6_*`).
    #[doc(alias = "IFLA_AF_SPEC")]
    pub const AF_SPEC: u16 = 26;
    /// `IFLA_GROUP`: `u32` device group.
    #[doc(alias = "IFLA_GROUP")]
    pub const GROUP: u16 = 27;
    /// `IFLA_NET_NS_FD`: `u32` file descriptor of the network namespace the link is moved to (or
    /// created in).
    #[doc(alias = "IFLA_NET_NS_FD")]
    pub const NET_NS_FD: u16 = 28;
    /// `IFLA_EXT_MASK`: `u32` `RTEXT_FILTER_*` bits: what extra information a get or dump request
    /// wants, or leaves out.
    #[doc(alias = "IFLA_EXT_MASK")]
    pub const EXT_MASK: u16 = 29;
    /// `IFLA_PROMISCUITY`: `u32` promiscuity count: above 0, the device is promiscuous.
    #[doc(alias = "IFLA_PROMISCUITY")]
    pub const PROMISCUITY: u16 = 30;
    /// `IFLA_NUM_TX_QUEUES`: `u32` number of transmit queues.
    #[doc(alias = "IFLA_NUM_TX_QUEUES")]
    pub const NUM_TX_QUEUES: u16 = 31;
    /// `IFLA_NUM_RX_QUEUES`: `u32` number of receive queues.
    #[doc(alias = "IFLA_NUM_RX_QUEUES")]
    pub const NUM_RX_QUEUES: u16 = 32;
    /// `IFLA_CARRIER`: `u8` carrier state: 1 if the physical link is up; writable on some devices.
    #[doc(alias = "IFLA_CARRIER")]
    pub const CARRIER: u16 = 33;
    /// `IFLA_PHYS_PORT_ID`: binary identifier of the physical port.
    #[doc(alias = "IFLA_PHYS_PORT_ID")]
    pub const PHYS_PORT_ID: u16 = 34;
    /// `IFLA_CARRIER_CHANGES`: `u32` number of carrier changes, up and down.
    #[doc(alias = "IFLA_CARRIER_CHANGES")]
    pub const CARRIER_CHANGES: u16 = 35;
    /// `IFLA_PHYS_SWITCH_ID`: binary identifier of the switch the port belongs to.
    #[doc(alias = "IFLA_PHYS_SWITCH_ID")]
    pub const PHYS_SWITCH_ID: u16 = 36;
    /// `IFLA_LINK_NETNSID`: `s32` id (nsid) of the namespace where the `IFLA_LINK` device lives,
    /// when that is another namespace.
    #[doc(alias = "IFLA_LINK_NETNSID")]
    pub const LINK_NETNSID: u16 = 37;
    /// `IFLA_PHYS_PORT_NAME`: name of the physical port.
    #[doc(alias = "IFLA_PHYS_PORT_NAME")]
    pub const PHYS_PORT_NAME: u16 = 38;
    /// `IFLA_PROTO_DOWN`: `u8` protocol down: the link is held down by a control-plane protocol.
    #[doc(alias = "IFLA_PROTO_DOWN")]
    pub const PROTO_DOWN: u16 = 39;
    /// `IFLA_GSO_MAX_SEGS`: `u32` largest number of segments of a GSO packet.
    #[doc(alias = "IFLA_GSO_MAX_SEGS")]
    pub const GSO_MAX_SEGS: u16 = 40;
    /// `IFLA_GSO_MAX_SIZE`: `u32` largest size of a GSO packet.
    #[doc(alias = "IFLA_GSO_MAX_SIZE")]
    pub const GSO_MAX_SIZE: u16 = 41;
    /// `IFLA_PAD`: padding so that a following 64-bit payload is aligned; carries nothing.
    #[doc(alias = "IFLA_PAD")]
    pub const PAD: u16 = 42;
    /// `IFLA_XDP`: nest of `IFLA_XDP_*`: the attached XDP program.
    #[doc(alias = "IFLA_XDP")]
    pub const XDP: u16 = 43;
    /// `IFLA_EVENT`: `u32` `IFLA_EVENT_*` reason for a link notification.
    #[doc(alias = "IFLA_EVENT")]
    pub const EVENT: u16 = 44;
    /// `IFLA_NEW_NETNSID`: `s32` id (nsid) of the namespace a link moved to, in the `RTM_DELLINK`
    /// notification.
    #[doc(alias = "IFLA_NEW_NETNSID")]
    pub const NEW_NETNSID: u16 = 45;
    /// `IFLA_IF_NETNSID`: `s32` id (nsid) of the namespace a request acts in; the old name of
    /// `IFLA_TARGET_NETNSID`.
    #[doc(alias = "IFLA_IF_NETNSID")]
    pub const IF_NETNSID: u16 = 46;
    /// `IFLA_TARGET_NETNSID`: `s32` id (nsid) of the namespace a request acts in: the same value as
    /// `IFLA_IF_NETNSID`.
    #[doc(alias = "IFLA_TARGET_NETNSID")]
    pub const TARGET_NETNSID: u16 = 46;
    /// `IFLA_CARRIER_UP_COUNT`: `u32` number of times the carrier came up.
    #[doc(alias = "IFLA_CARRIER_UP_COUNT")]
    pub const CARRIER_UP_COUNT: u16 = 47;
    /// `IFLA_CARRIER_DOWN_COUNT`: `u32` number of times the carrier went down.
    #[doc(alias = "IFLA_CARRIER_DOWN_COUNT")]
    pub const CARRIER_DOWN_COUNT: u16 = 48;
    /// `IFLA_NEW_IFINDEX`: `s32` index of the link in the namespace it moved to, in the
    /// `RTM_DELLINK` notification.
    #[doc(alias = "IFLA_NEW_IFINDEX")]
    pub const NEW_IFINDEX: u16 = 49;
    /// `IFLA_MIN_MTU`: `u32` smallest MTU the device accepts.
    #[doc(alias = "IFLA_MIN_MTU")]
    pub const MIN_MTU: u16 = 50;
    /// `IFLA_MAX_MTU`: `u32` largest MTU the device accepts.
    #[doc(alias = "IFLA_MAX_MTU")]
    pub const MAX_MTU: u16 = 51;
    /// `IFLA_PROP_LIST`: nest of link properties (`IFLA_ALT_IFNAME`), for `RTM_NEWLINKPROP` /
    /// `RTM_DELLINKPROP`.
    #[doc(alias = "IFLA_PROP_LIST")]
    pub const PROP_LIST: u16 = 52;
    /// `IFLA_ALT_IFNAME`: an alternative interface name, at most 127 characters (`ALTIFNAMSIZ`
    /// 128).
    #[doc(alias = "IFLA_ALT_IFNAME")]
    pub const ALT_IFNAME: u16 = 53;
    /// `IFLA_PERM_ADDRESS`: the permanent hardware address, as the device came.
    #[doc(alias = "IFLA_PERM_ADDRESS")]
    pub const PERM_ADDRESS: u16 = 54;
    /// `IFLA_PROTO_DOWN_REASON`: nest of `IFLA_PROTO_DOWN_REASON_*`: the reason bits of protocol
    /// down.
    #[doc(alias = "IFLA_PROTO_DOWN_REASON")]
    pub const PROTO_DOWN_REASON: u16 = 55;
    /// `IFLA_PARENT_DEV_NAME`: name of the parent (sysfs) device, for links that have no parent
    /// netdev for `IFLA_LINK`.
    #[doc(alias = "IFLA_PARENT_DEV_NAME")]
    pub const PARENT_DEV_NAME: u16 = 56;
    /// `IFLA_PARENT_DEV_BUS_NAME`: bus name of the parent (sysfs) device.
    #[doc(alias = "IFLA_PARENT_DEV_BUS_NAME")]
    pub const PARENT_DEV_BUS_NAME: u16 = 57;
    /// `IFLA_GRO_MAX_SIZE`: `u32` largest size of a packet built by GRO.
    #[doc(alias = "IFLA_GRO_MAX_SIZE")]
    pub const GRO_MAX_SIZE: u16 = 58;
    /// `IFLA_TSO_MAX_SIZE`: `u32` largest TSO packet the device can send; read-only.
    #[doc(alias = "IFLA_TSO_MAX_SIZE")]
    pub const TSO_MAX_SIZE: u16 = 59;
    /// `IFLA_TSO_MAX_SEGS`: `u32` largest number of TSO segments the device can send; read-only.
    #[doc(alias = "IFLA_TSO_MAX_SEGS")]
    pub const TSO_MAX_SEGS: u16 = 60;
    /// `IFLA_ALLMULTI`: `u32` all-multicast count: above 0, the device receives all multicast
    /// packets.
    #[doc(alias = "IFLA_ALLMULTI")]
    pub const ALLMULTI: u16 = 61;
    /// `IFLA_DEVLINK_PORT`: nest naming the devlink port of the link (Linux 6.2, newer than the 6.1
    /// headers).
    #[doc(alias = "IFLA_DEVLINK_PORT")]
    pub const DEVLINK_PORT: u16 = 62;
    /// `IFLA_GSO_IPV4_MAX_SIZE`: `u32` largest size of an IPv4 GSO packet (Linux 6.3, newer than
    /// the 6.1 headers).
    #[doc(alias = "IFLA_GSO_IPV4_MAX_SIZE")]
    pub const GSO_IPV4_MAX_SIZE: u16 = 63;
    /// `IFLA_GRO_IPV4_MAX_SIZE`: `u32` largest size of an IPv4 packet built by GRO (Linux 6.3,
    /// newer than the 6.1 headers).
    #[doc(alias = "IFLA_GRO_IPV4_MAX_SIZE")]
    pub const GRO_IPV4_MAX_SIZE: u16 = 64;
    /// `IFLA_DPLL_PIN`: nest naming the DPLL pin of the link (in Linux 6.18, newer than the 6.1
    /// headers).
    #[doc(alias = "IFLA_DPLL_PIN")]
    pub const DPLL_PIN: u16 = 65;
    /// `IFLA_MAX_PACING_OFFLOAD_HORIZON`: unsigned integer of 4 or 8 bytes: how far ahead the
    /// device can hold packets for paced (EDT) sending (in Linux 6.18, newer than the 6.1 headers).
    #[doc(alias = "IFLA_MAX_PACING_OFFLOAD_HORIZON")]
    pub const MAX_PACING_OFFLOAD_HORIZON: u16 = 66;
    /// `IFLA_NETNS_IMMUTABLE`: `u8` the link cannot be moved to another namespace (Linux 6.15,
    /// newer than the 6.1 headers).
    #[doc(alias = "IFLA_NETNS_IMMUTABLE")]
    pub const NETNS_IMMUTABLE: u16 = 67;
    /// `IFLA_HEADROOM`: `u16` headroom the device needs in front of a packet (in Linux 6.18, newer
    /// than the 6.1 headers).
    #[doc(alias = "IFLA_HEADROOM")]
    pub const HEADROOM: u16 = 68;
    /// `IFLA_TAILROOM`: `u16` tailroom the device needs after a packet (in Linux 6.18, newer than
    /// the 6.1 headers).
    #[doc(alias = "IFLA_TAILROOM")]
    pub const TAILROOM: u16 = 69;
    /// `IFLA_MAX`: the highest `IFLA_*` value in the 6.1 headers.
    #[doc(alias = "IFLA_MAX")]
    pub const MAX: u16 = 61;
}

/// Link-info attributes (`IFLA_INFO_*` in `<linux/if_link.h>`), nested in `IFLA_LINKINFO`.
pub mod ifla_info {
    /// `IFLA_INFO_UNSPEC`: unused (type 0).
    #[doc(alias = "IFLA_INFO_UNSPEC")]
    pub const UNSPEC: u16 = 0;
    /// `IFLA_INFO_KIND`: the link kind, a string: `veth`, `bridge`, `vlan`, `vxlan`, `macvlan`,
    /// `dummy`, ...
    #[doc(alias = "IFLA_INFO_KIND")]
    pub const KIND: u16 = 1;
    /// `IFLA_INFO_DATA`: nest of kind-specific attributes: `VETH_INFO_*`, `IFLA_BR_*`,
    /// `IFLA_VLAN_*`, ...
    #[doc(alias = "IFLA_INFO_DATA")]
    pub const DATA: u16 = 2;
    /// `IFLA_INFO_XSTATS`: kind-specific statistics.
    #[doc(alias = "IFLA_INFO_XSTATS")]
    pub const XSTATS: u16 = 3;
    /// `IFLA_INFO_SLAVE_KIND`: the kind of the master this link is a port of, a string: `bridge`,
    /// `bond`, ...
    #[doc(alias = "IFLA_INFO_SLAVE_KIND")]
    pub const SLAVE_KIND: u16 = 4;
    /// `IFLA_INFO_SLAVE_DATA`: nest of master-specific port attributes, such as `IFLA_BRPORT_*`.
    #[doc(alias = "IFLA_INFO_SLAVE_DATA")]
    pub const SLAVE_DATA: u16 = 5;
    /// `IFLA_INFO_MAX`: the highest `IFLA_INFO_*` value in the 6.1 headers.
    #[doc(alias = "IFLA_INFO_MAX")]
    pub const MAX: u16 = 5;
}

/// veth attributes (`VETH_INFO_*` in `<linux/veth.h>`), nested in `IFLA_INFO_DATA` of kind `veth`.
pub mod veth_info {
    /// `VETH_INFO_UNSPEC`: unused (type 0).
    #[doc(alias = "VETH_INFO_UNSPEC")]
    pub const UNSPEC: u16 = 0;
    /// `VETH_INFO_PEER`: the peer: a `struct ifinfomsg` followed by the peer's own `IFLA_*`
    /// attributes (name, namespace, ...).
    #[doc(alias = "VETH_INFO_PEER")]
    pub const PEER: u16 = 1;
    /// `VETH_INFO_MAX`: the highest `VETH_INFO_*` value in the 6.1 headers.
    #[doc(alias = "VETH_INFO_MAX")]
    pub const MAX: u16 = 1;
}

/// Device flags (`enum net_device_flags`, `IFF_*` in `<linux/if.h>`), the bits of
/// `ifinfomsg.ifi_flags` and `ifi_change`.
pub mod iff {
    /// `IFF_UP`: the interface is administratively up.
    #[doc(alias = "IFF_UP")]
    pub const UP: u32 = 0x01;
    /// `IFF_BROADCAST`: the broadcast address is valid.
    #[doc(alias = "IFF_BROADCAST")]
    pub const BROADCAST: u32 = 0x02;
    /// `IFF_DEBUG`: debugging on.
    #[doc(alias = "IFF_DEBUG")]
    pub const DEBUG: u32 = 0x04;
    /// `IFF_LOOPBACK`: a loopback interface.
    #[doc(alias = "IFF_LOOPBACK")]
    pub const LOOPBACK: u32 = 0x08;
    /// `IFF_POINTOPOINT`: a point-to-point link.
    #[doc(alias = "IFF_POINTOPOINT")]
    pub const POINTOPOINT: u32 = 0x10;
    /// `IFF_NOTRAILERS`: avoid trailers; unused.
    #[doc(alias = "IFF_NOTRAILERS")]
    pub const NOTRAILERS: u32 = 0x20;
    /// `IFF_RUNNING`: the interface is operationally up (RFC 2863 `OPER_UP`).
    #[doc(alias = "IFF_RUNNING")]
    pub const RUNNING: u32 = 0x40;
    /// `IFF_NOARP`: no ARP (or neighbour discovery) on the link.
    #[doc(alias = "IFF_NOARP")]
    pub const NOARP: u32 = 0x80;
    /// `IFF_PROMISC`: receive all packets (promiscuous).
    #[doc(alias = "IFF_PROMISC")]
    pub const PROMISC: u32 = 0x0100;
    /// `IFF_ALLMULTI`: receive all multicast packets.
    #[doc(alias = "IFF_ALLMULTI")]
    pub const ALLMULTI: u32 = 0x0200;
    /// `IFF_MASTER`: master of a load balancer (bonding).
    #[doc(alias = "IFF_MASTER")]
    pub const MASTER: u32 = 0x0400;
    /// `IFF_SLAVE`: slave of a load balancer (bonding).
    #[doc(alias = "IFF_SLAVE")]
    pub const SLAVE: u32 = 0x0800;
    /// `IFF_MULTICAST`: the link supports multicast.
    #[doc(alias = "IFF_MULTICAST")]
    pub const MULTICAST: u32 = 0x1000;
    /// `IFF_PORTSEL`: the media type can be set.
    #[doc(alias = "IFF_PORTSEL")]
    pub const PORTSEL: u32 = 0x2000;
    /// `IFF_AUTOMEDIA`: automatic media selection is on.
    #[doc(alias = "IFF_AUTOMEDIA")]
    pub const AUTOMEDIA: u32 = 0x4000;
    /// `IFF_DYNAMIC`: a dial-up device whose addresses change.
    #[doc(alias = "IFF_DYNAMIC")]
    pub const DYNAMIC: u32 = 0x8000;
    /// `IFF_LOWER_UP`: the driver signals that layer 1 is up (carrier).
    #[doc(alias = "IFF_LOWER_UP")]
    pub const LOWER_UP: u32 = 0x0001_0000;
    /// `IFF_DORMANT`: the driver signals that the link is dormant.
    #[doc(alias = "IFF_DORMANT")]
    pub const DORMANT: u32 = 0x0002_0000;
    /// `IFF_ECHO`: the device echoes sent packets.
    #[doc(alias = "IFF_ECHO")]
    pub const ECHO: u32 = 0x0004_0000;
    /// `IFF_VOLATILE`: the flags the kernel keeps from the device: user space cannot change them.
    #[doc(alias = "IFF_VOLATILE")]
    pub const VOLATILE: u32 = 0x0007_0c5a;
}

/// RFC 2863 operational states (`IF_OPER_*` in `<linux/if.h>`), the `u8` value of `IFLA_OPERSTATE`.
pub mod if_oper {
    /// `IF_OPER_UNKNOWN`: the state is unknown; many virtual devices always report it.
    #[doc(alias = "IF_OPER_UNKNOWN")]
    pub const UNKNOWN: u8 = 0;
    /// `IF_OPER_NOTPRESENT`: a component is missing; unused by Linux.
    #[doc(alias = "IF_OPER_NOTPRESENT")]
    pub const NOTPRESENT: u8 = 1;
    /// `IF_OPER_DOWN`: down.
    #[doc(alias = "IF_OPER_DOWN")]
    pub const DOWN: u8 = 2;
    /// `IF_OPER_LOWERLAYERDOWN`: down because a lower device is down.
    #[doc(alias = "IF_OPER_LOWERLAYERDOWN")]
    pub const LOWERLAYERDOWN: u8 = 3;
    /// `IF_OPER_TESTING`: in test mode.
    #[doc(alias = "IF_OPER_TESTING")]
    pub const TESTING: u8 = 4;
    /// `IF_OPER_DORMANT`: waiting for an external event (such as 802.1X authentication).
    #[doc(alias = "IF_OPER_DORMANT")]
    pub const DORMANT: u8 = 5;
    /// `IF_OPER_UP`: up: packets can pass.
    #[doc(alias = "IF_OPER_UP")]
    pub const UP: u8 = 6;
}

/// Link modes (`IF_LINK_MODE_*` in `<linux/if.h>`), the `u8` value of `IFLA_LINKMODE`.
pub mod if_link_mode {
    /// `IF_LINK_MODE_DEFAULT`: the operational state follows the carrier.
    #[doc(alias = "IF_LINK_MODE_DEFAULT")]
    pub const DEFAULT: u8 = 0;
    /// `IF_LINK_MODE_DORMANT`: limit upward transitions to dormant, until user space says the link
    /// is up.
    #[doc(alias = "IF_LINK_MODE_DORMANT")]
    pub const DORMANT: u8 = 1;
    /// `IF_LINK_MODE_TESTING`: limit upward transitions to testing.
    #[doc(alias = "IF_LINK_MODE_TESTING")]
    pub const TESTING: u8 = 2;
}

/// Hardware types (`ARPHRD_*` in `<linux/if_arp.h>`), the values of `ifinfomsg.ifi_type`.
pub mod arphrd {
    /// `ARPHRD_NETROM`: NET/ROM pseudo device (from KA9Q).
    #[doc(alias = "ARPHRD_NETROM")]
    pub const NETROM: u16 = 0;
    /// `ARPHRD_ETHER`: Ethernet (veth, bridges and most virtual links too).
    #[doc(alias = "ARPHRD_ETHER")]
    pub const ETHER: u16 = 1;
    /// `ARPHRD_EETHER`: experimental Ethernet.
    #[doc(alias = "ARPHRD_EETHER")]
    pub const EETHER: u16 = 2;
    /// `ARPHRD_AX25`: AX.25 level 2 (amateur packet radio).
    #[doc(alias = "ARPHRD_AX25")]
    pub const AX25: u16 = 3;
    /// `ARPHRD_PRONET`: PROnet token ring.
    #[doc(alias = "ARPHRD_PRONET")]
    pub const PRONET: u16 = 4;
    /// `ARPHRD_CHAOS`: Chaosnet (MIT).
    #[doc(alias = "ARPHRD_CHAOS")]
    pub const CHAOS: u16 = 5;
    /// `ARPHRD_IEEE802`: IEEE 802.2 Ethernet, token ring or token bus.
    #[doc(alias = "ARPHRD_IEEE802")]
    pub const IEEE802: u16 = 6;
    /// `ARPHRD_ARCNET`: ARCnet (Attached Resource Computer network).
    #[doc(alias = "ARPHRD_ARCNET")]
    pub const ARCNET: u16 = 7;
    /// `ARPHRD_APPLETLK`: AppleTalk.
    #[doc(alias = "ARPHRD_APPLETLK")]
    pub const APPLETLK: u16 = 8;
    /// `ARPHRD_DLCI`: Frame Relay DLCI.
    #[doc(alias = "ARPHRD_DLCI")]
    pub const DLCI: u16 = 15;
    /// `ARPHRD_ATM`: Asynchronous Transfer Mode.
    #[doc(alias = "ARPHRD_ATM")]
    pub const ATM: u16 = 19;
    /// `ARPHRD_METRICOM`: Metricom STRIP (new IANA id).
    #[doc(alias = "ARPHRD_METRICOM")]
    pub const METRICOM: u16 = 23;
    /// `ARPHRD_IEEE1394`: IPv4 over IEEE 1394 (RFC 2734).
    #[doc(alias = "ARPHRD_IEEE1394")]
    pub const IEEE1394: u16 = 24;
    /// `ARPHRD_EUI64`: links with EUI-64 hardware addresses.
    #[doc(alias = "ARPHRD_EUI64")]
    pub const EUI64: u16 = 27;
    /// `ARPHRD_INFINIBAND`: InfiniBand (IP over InfiniBand).
    #[doc(alias = "ARPHRD_INFINIBAND")]
    pub const INFINIBAND: u16 = 32;
    /// `ARPHRD_SLIP`: Serial Line IP.
    #[doc(alias = "ARPHRD_SLIP")]
    pub const SLIP: u16 = 256;
    /// `ARPHRD_CSLIP`: compressed SLIP.
    #[doc(alias = "ARPHRD_CSLIP")]
    pub const CSLIP: u16 = 257;
    /// `ARPHRD_SLIP6`: 6-bit SLIP.
    #[doc(alias = "ARPHRD_SLIP6")]
    pub const SLIP6: u16 = 258;
    /// `ARPHRD_CSLIP6`: compressed 6-bit SLIP.
    #[doc(alias = "ARPHRD_CSLIP6")]
    pub const CSLIP6: u16 = 259;
    /// `ARPHRD_RSRVD`: notional KISS type.
    #[doc(alias = "ARPHRD_RSRVD")]
    pub const RSRVD: u16 = 260;
    /// `ARPHRD_ADAPT`: adaptive SLIP.
    #[doc(alias = "ARPHRD_ADAPT")]
    pub const ADAPT: u16 = 264;
    /// `ARPHRD_ROSE`: ROSE (amateur packet radio).
    #[doc(alias = "ARPHRD_ROSE")]
    pub const ROSE: u16 = 270;
    /// `ARPHRD_X25`: CCITT X.25.
    #[doc(alias = "ARPHRD_X25")]
    pub const X25: u16 = 271;
    /// `ARPHRD_HWX25`: boards with X.25 in firmware.
    #[doc(alias = "ARPHRD_HWX25")]
    pub const HWX25: u16 = 272;
    /// `ARPHRD_CAN`: Controller Area Network.
    #[doc(alias = "ARPHRD_CAN")]
    pub const CAN: u16 = 280;
    /// `ARPHRD_MCTP`: MCTP (Management Component Transport Protocol).
    #[doc(alias = "ARPHRD_MCTP")]
    pub const MCTP: u16 = 290;
    /// `ARPHRD_PPP`: PPP.
    #[doc(alias = "ARPHRD_PPP")]
    pub const PPP: u16 = 512;
    /// `ARPHRD_CISCO`: Cisco HDLC.
    #[doc(alias = "ARPHRD_CISCO")]
    pub const CISCO: u16 = 513;
    /// `ARPHRD_HDLC`: HDLC: the same value as `ARPHRD_CISCO`.
    #[doc(alias = "ARPHRD_HDLC")]
    pub const HDLC: u16 = 513;
    /// `ARPHRD_LAPB`: LAPB, the X.25 link layer.
    #[doc(alias = "ARPHRD_LAPB")]
    pub const LAPB: u16 = 516;
    /// `ARPHRD_DDCMP`: Digital's DDCMP protocol.
    #[doc(alias = "ARPHRD_DDCMP")]
    pub const DDCMP: u16 = 517;
    /// `ARPHRD_RAWHDLC`: raw HDLC.
    #[doc(alias = "ARPHRD_RAWHDLC")]
    pub const RAWHDLC: u16 = 518;
    /// `ARPHRD_RAWIP`: raw IP: no link-layer header.
    #[doc(alias = "ARPHRD_RAWIP")]
    pub const RAWIP: u16 = 519;
    /// `ARPHRD_TUNNEL`: IPv4-in-IPv4 tunnel (ipip).
    #[doc(alias = "ARPHRD_TUNNEL")]
    pub const TUNNEL: u16 = 768;
    /// `ARPHRD_TUNNEL6`: IPv6-in-IPv6 tunnel (ip6tnl).
    #[doc(alias = "ARPHRD_TUNNEL6")]
    pub const TUNNEL6: u16 = 769;
    /// `ARPHRD_FRAD`: Frame Relay Access Device.
    #[doc(alias = "ARPHRD_FRAD")]
    pub const FRAD: u16 = 770;
    /// `ARPHRD_SKIP`: SKIP virtual interface.
    #[doc(alias = "ARPHRD_SKIP")]
    pub const SKIP: u16 = 771;
    /// `ARPHRD_LOOPBACK`: the loopback device.
    #[doc(alias = "ARPHRD_LOOPBACK")]
    pub const LOOPBACK: u16 = 772;
    /// `ARPHRD_LOCALTLK`: LocalTalk.
    #[doc(alias = "ARPHRD_LOCALTLK")]
    pub const LOCALTLK: u16 = 773;
    /// `ARPHRD_FDDI`: Fiber Distributed Data Interface.
    #[doc(alias = "ARPHRD_FDDI")]
    pub const FDDI: u16 = 774;
    /// `ARPHRD_BIF`: AP1000 BIF.
    #[doc(alias = "ARPHRD_BIF")]
    pub const BIF: u16 = 775;
    /// `ARPHRD_SIT`: IPv6-in-IPv4 tunnel (sit).
    #[doc(alias = "ARPHRD_SIT")]
    pub const SIT: u16 = 776;
    /// `ARPHRD_IPDDP`: IP over AppleTalk DDP tunnel.
    #[doc(alias = "ARPHRD_IPDDP")]
    pub const IPDDP: u16 = 777;
    /// `ARPHRD_IPGRE`: GRE over IPv4.
    #[doc(alias = "ARPHRD_IPGRE")]
    pub const IPGRE: u16 = 778;
    /// `ARPHRD_PIMREG`: PIM sparse-mode register interface.
    #[doc(alias = "ARPHRD_PIMREG")]
    pub const PIMREG: u16 = 779;
    /// `ARPHRD_HIPPI`: High Performance Parallel Interface.
    #[doc(alias = "ARPHRD_HIPPI")]
    pub const HIPPI: u16 = 780;
    /// `ARPHRD_ASH`: Nexus 64Mbps Ash.
    #[doc(alias = "ARPHRD_ASH")]
    pub const ASH: u16 = 781;
    /// `ARPHRD_ECONET`: Acorn Econet.
    #[doc(alias = "ARPHRD_ECONET")]
    pub const ECONET: u16 = 782;
    /// `ARPHRD_IRDA`: infrared (Linux-IrDA).
    #[doc(alias = "ARPHRD_IRDA")]
    pub const IRDA: u16 = 783;
    /// `ARPHRD_FCPP`: point-to-point Fibre Channel.
    #[doc(alias = "ARPHRD_FCPP")]
    pub const FCPP: u16 = 784;
    /// `ARPHRD_FCAL`: Fibre Channel arbitrated loop.
    #[doc(alias = "ARPHRD_FCAL")]
    pub const FCAL: u16 = 785;
    /// `ARPHRD_FCPL`: Fibre Channel public loop.
    #[doc(alias = "ARPHRD_FCPL")]
    pub const FCPL: u16 = 786;
    /// `ARPHRD_FCFABRIC`: Fibre Channel fabric.
    #[doc(alias = "ARPHRD_FCFABRIC")]
    pub const FCFABRIC: u16 = 787;
    /// `ARPHRD_IEEE802_TR`: token ring (IEEE 802.5).
    #[doc(alias = "ARPHRD_IEEE802_TR")]
    pub const IEEE802_TR: u16 = 800;
    /// `ARPHRD_IEEE80211`: IEEE 802.11 wireless, with 802.11 frame headers.
    #[doc(alias = "ARPHRD_IEEE80211")]
    pub const IEEE80211: u16 = 801;
    /// `ARPHRD_IEEE80211_PRISM`: IEEE 802.11 + Prism2 header.
    #[doc(alias = "ARPHRD_IEEE80211_PRISM")]
    pub const IEEE80211_PRISM: u16 = 802;
    /// `ARPHRD_IEEE80211_RADIOTAP`: IEEE 802.11 + radiotap header.
    #[doc(alias = "ARPHRD_IEEE80211_RADIOTAP")]
    pub const IEEE80211_RADIOTAP: u16 = 803;
    /// `ARPHRD_IEEE802154`: IEEE 802.15.4.
    #[doc(alias = "ARPHRD_IEEE802154")]
    pub const IEEE802154: u16 = 804;
    /// `ARPHRD_IEEE802154_MONITOR`: IEEE 802.15.4 network monitor.
    #[doc(alias = "ARPHRD_IEEE802154_MONITOR")]
    pub const IEEE802154_MONITOR: u16 = 805;
    /// `ARPHRD_PHONET`: PhoNet media type.
    #[doc(alias = "ARPHRD_PHONET")]
    pub const PHONET: u16 = 820;
    /// `ARPHRD_PHONET_PIPE`: PhoNet pipe header.
    #[doc(alias = "ARPHRD_PHONET_PIPE")]
    pub const PHONET_PIPE: u16 = 821;
    /// `ARPHRD_CAIF`: CAIF media type.
    #[doc(alias = "ARPHRD_CAIF")]
    pub const CAIF: u16 = 822;
    /// `ARPHRD_IP6GRE`: GRE over IPv6.
    #[doc(alias = "ARPHRD_IP6GRE")]
    pub const IP6GRE: u16 = 823;
    /// `ARPHRD_NETLINK`: netlink monitor (nlmon).
    #[doc(alias = "ARPHRD_NETLINK")]
    pub const NETLINK: u16 = 824;
    /// `ARPHRD_6LOWPAN`: IPv6 over LoWPAN.
    pub const ARPHRD_6LOWPAN: u16 = 825;
    /// `ARPHRD_VSOCKMON`: vsock monitor (vsockmon).
    #[doc(alias = "ARPHRD_VSOCKMON")]
    pub const VSOCKMON: u16 = 826;
    /// `ARPHRD_VOID`: nothing is known about the hardware type.
    #[doc(alias = "ARPHRD_VOID")]
    pub const VOID: u16 = 0xffff;
    /// `ARPHRD_NONE`: no link-layer header (such as `tun` devices).
    #[doc(alias = "ARPHRD_NONE")]
    pub const NONE: u16 = 0xfffe;
}

/// IPv6 link-local address generation modes (`enum in6_addr_gen_mode` in `<linux/if_link.h>`), the
/// `u8` value of `IFLA_INET6_ADDR_GEN_MODE`.
pub mod in6_addr_gen_mode {
    /// `IN6_ADDR_GEN_MODE_EUI64`: derive the link-local address from the hardware address (EUI-64).
    #[doc(alias = "IN6_ADDR_GEN_MODE_EUI64")]
    pub const EUI64: u8 = 0;
    /// `IN6_ADDR_GEN_MODE_NONE`: generate no link-local address.
    #[doc(alias = "IN6_ADDR_GEN_MODE_NONE")]
    pub const NONE: u8 = 1;
    /// `IN6_ADDR_GEN_MODE_STABLE_PRIVACY`: stable privacy address (RFC 7217) from the configured
    /// secret.
    #[doc(alias = "IN6_ADDR_GEN_MODE_STABLE_PRIVACY")]
    pub const STABLE_PRIVACY: u8 = 2;
    /// `IN6_ADDR_GEN_MODE_RANDOM`: stable privacy address (RFC 7217) from a random secret.
    #[doc(alias = "IN6_ADDR_GEN_MODE_RANDOM")]
    pub const RANDOM: u8 = 3;
}

/// IPv6 per-link attributes (`IFLA_INET6_*` in `<linux/if_link.h>`), nested in `IFLA_AF_SPEC` under
/// `AF_INET6` (and `IFLA_PROTINFO` of `AF_INET6` messages).
pub mod ifla_inet6 {
    /// `IFLA_INET6_UNSPEC`: unused (type 0).
    #[doc(alias = "IFLA_INET6_UNSPEC")]
    pub const UNSPEC: u16 = 0;
    /// `IFLA_INET6_FLAGS`: `u32` IPv6 link flags (`IF_RA_*`, `IF_READY`).
    #[doc(alias = "IFLA_INET6_FLAGS")]
    pub const FLAGS: u16 = 1;
    /// `IFLA_INET6_CONF`: array of `s32`: the link's IPv6 sysctl values, indexed by `DEVCONF_*`.
    #[doc(alias = "IFLA_INET6_CONF")]
    pub const CONF: u16 = 2;
    /// `IFLA_INET6_STATS`: array of `u64`: IPv6 statistics (`IPSTATS_MIB_*`).
    #[doc(alias = "IFLA_INET6_STATS")]
    pub const STATS: u16 = 3;
    /// `IFLA_INET6_MCAST`: multicast information; never filled in.
    #[doc(alias = "IFLA_INET6_MCAST")]
    pub const MCAST: u16 = 4;
    /// `IFLA_INET6_CACHEINFO`: `struct ifla_cacheinfo`: reachable and retransmit times, largest
    /// reassembly size.
    #[doc(alias = "IFLA_INET6_CACHEINFO")]
    pub const CACHEINFO: u16 = 5;
    /// `IFLA_INET6_ICMP6STATS`: array of `u64`: ICMPv6 statistics.
    #[doc(alias = "IFLA_INET6_ICMP6STATS")]
    pub const ICMP6STATS: u16 = 6;
    /// `IFLA_INET6_TOKEN`: the tokenized interface identifier, an IPv6 address.
    #[doc(alias = "IFLA_INET6_TOKEN")]
    pub const TOKEN: u16 = 7;
    /// `IFLA_INET6_ADDR_GEN_MODE`: `u8` link-local address generation mode, an
    /// `IN6_ADDR_GEN_MODE_*` value.
    #[doc(alias = "IFLA_INET6_ADDR_GEN_MODE")]
    pub const ADDR_GEN_MODE: u16 = 8;
    /// `IFLA_INET6_RA_MTU`: `u32` MTU from the last router advertisement.
    #[doc(alias = "IFLA_INET6_RA_MTU")]
    pub const RA_MTU: u16 = 9;
    /// `IFLA_INET6_MAX`: the highest `IFLA_INET6_*` value in the 6.1 headers.
    #[doc(alias = "IFLA_INET6_MAX")]
    pub const MAX: u16 = 9;
}

/// IPv4 per-link attributes (`IFLA_INET_*` in `<linux/if_link.h>`), nested in `IFLA_AF_SPEC` under
/// `AF_INET`.
pub mod ifla_inet {
    /// `IFLA_INET_UNSPEC`: unused (type 0).
    #[doc(alias = "IFLA_INET_UNSPEC")]
    pub const UNSPEC: u16 = 0;
    /// `IFLA_INET_CONF`: array of `u32`: the link's IPv4 sysctl values, indexed by `IPV4_DEVCONF_*`
    /// minus 1.
    #[doc(alias = "IFLA_INET_CONF")]
    pub const CONF: u16 = 1;
    /// `IFLA_INET_MAX`: the highest `IFLA_INET_*` value in the 6.1 headers.
    #[doc(alias = "IFLA_INET_MAX")]
    pub const MAX: u16 = 1;
}
