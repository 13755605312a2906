//! `RTM_NEWLINK` and friends: `struct ifinfomsg` and the `IFLA_*` attributes.
//!
//! What `ip -d link show` prints comes from here: name, index, flags, mtu, addresses, operstate,
//! master, the peer a veth is linked to and the namespace it lives in, the link kind and its
//! kind-specific data. See `rtnl_fill_ifinfo()` in `net/core/rtnetlink.c` for what the kernel
//! sends, and rtnetlink(7).

use crate::attr::{Attr, Attrs, until_nul};
use crate::error::Error;
use crate::index::{AttrIndex, Len, Pos, Rule, policy, slots};
use crate::kind::{
    BridgeInfo, BridgePortInfo, IpvlanInfo, MacvlanInfo, TunInfo, VlanInfo, VrfInfo, VrfPortInfo,
    VxlanInfo,
};
use crate::message::{Message, family_header};
use crate::raw::{IfInfoMsg, LinkStats64};
use crate::view::View;
use crate::view::family_view;
use crate::{af, ifla, ifla_inet6, ifla_info};

/// Up to the highest type Linux 6.18 sends (`IFLA_TAILROOM`), beyond the 6.1 headers'
/// `IFLA_MAX`: a type past the table takes the index's slow path, and a 6.18 link message has
/// several.
const LINK_SLOTS: usize = slots(ifla::TAILROOM);
const LINK_POLICY: [Rule; LINK_SLOTS] = policy(&[
    (ifla::MTU, Len::Min(4)),
    (ifla::LINK, Len::Min(4)),
    (ifla::MASTER, Len::Min(4)),
    (ifla::TXQLEN, Len::Min(4)),
    (ifla::OPERSTATE, Len::Min(1)),
    (ifla::LINKMODE, Len::Min(1)),
    (ifla::NET_NS_PID, Len::Min(4)),
    (ifla::NET_NS_FD, Len::Min(4)),
    (ifla::GROUP, Len::Min(4)),
    (ifla::EXT_MASK, Len::Min(4)),
    (ifla::PROMISCUITY, Len::Min(4)),
    (ifla::ALLMULTI, Len::Min(4)),
    (ifla::NUM_TX_QUEUES, Len::Min(4)),
    (ifla::NUM_RX_QUEUES, Len::Min(4)),
    (ifla::CARRIER, Len::Min(1)),
    (ifla::CARRIER_CHANGES, Len::Min(4)),
    (ifla::CARRIER_UP_COUNT, Len::Min(4)),
    (ifla::CARRIER_DOWN_COUNT, Len::Min(4)),
    (ifla::LINK_NETNSID, Len::Min(4)),
    (ifla::PROTO_DOWN, Len::Min(1)),
    (ifla::GSO_MAX_SEGS, Len::Min(4)),
    (ifla::GSO_MAX_SIZE, Len::Min(4)),
    (ifla::GRO_MAX_SIZE, Len::Min(4)),
    (ifla::TSO_MAX_SIZE, Len::Min(4)),
    (ifla::TSO_MAX_SEGS, Len::Min(4)),
    (ifla::EVENT, Len::Min(4)),
    (ifla::NEW_NETNSID, Len::Min(4)),
    (ifla::IF_NETNSID, Len::Min(4)),
    (ifla::TARGET_NETNSID, Len::Min(4)),
    (ifla::NEW_IFINDEX, Len::Min(4)),
    (ifla::MIN_MTU, Len::Min(4)),
    (ifla::MAX_MTU, Len::Min(4)),
    (ifla::STATS64, Len::of::<LinkStats64>()),
]);

const INFO_SLOTS: usize = slots(ifla_info::MAX);
const INFO_POLICY: [Rule; INFO_SLOTS] = policy(&[]);

family_view! {
    /// A link message (`RTM_NEWLINK`, `RTM_DELLINK`, `RTM_GETLINK`, `RTM_SETLINK`): `struct
    /// ifinfomsg` and its `IFLA_*` attributes.
    ///
    /// [`LinkMessage::parse`] walks the attributes once, checks every header and the size of
    /// every attribute a typed accessor reads (and the `IFLA_LINKINFO` nest, and the kind data of
    /// the kinds this crate types), and records where each one is. The accessors are then table
    /// lookups that cannot fail: `None` means the attribute is absent.
    pub struct LinkMessage: "link" {
        /// `struct ifinfomsg`.
        header: IfInfoMsg {
            /// `ifi_index`: the interface index. The kernel's indexes are positive.
            index: u32 = ifi_index.get().cast_unsigned(),
            /// `ifi_family`: `AF_UNSPEC`, or e.g. `AF_BRIDGE` for bridge port messages.
            family: u8 = ifi_family,
            /// `ifi_type`: the device type, `ARPHRD_*` (`ARPHRD_ETHER` is 1, loopback 772).
            link_type: u16 = ifi_type.get(),
            /// `ifi_flags`: `IFF_*` flags (`IFF_UP`, `IFF_LOWER_UP`, ...).
            flags: u32 = ifi_flags.get(),
            /// `ifi_change`: the flags a request changes.
            change: u32 = ifi_change.get(),
        },
        attrs: AttrIndex<'a, LINK_SLOTS, Pos> = LINK_POLICY, "`IFLA_*`",
        info: AttrIndex<'a, INFO_SLOTS> = |attrs| {
            match attrs.get(ifla::LINKINFO) {
                None => AttrIndex::EMPTY,
                Some(linkinfo) => {
                    let info = AttrIndex::parse(
                        linkinfo.payload(),
                        linkinfo.offset().saturating_add(4),
                        &INFO_POLICY,
                    )?;
                    check_kind_data(&info)?;
                    info
                }
            }
        },
    }
}

impl<'a> LinkMessage<'a> {
    /// `struct ifinfomsg` and `IFLA_IFNAME` (without its NUL) of a link message, walking the
    /// attributes only up to the name (the kernel's `rtnl_fill_ifinfo()` writes it first):
    /// for a reader that needs the index, flags and names of links before it looks at them
    /// in full (`ip`'s `ll_remember_index()`). Only the message type, the header and the
    /// attribute headers walked are checked; [`LinkMessage::parse`] checks everything. Of a
    /// name given twice (the kernel never does) this is the first, where
    /// [`LinkMessage::name_bytes`] is the last, as the kernel's `nla_parse()` would take it.
    pub fn peek_name(message: Message<'a>) -> Result<(&'a IfInfoMsg, Option<&'a [u8]>), Error> {
        message.expect_types(<Self as View<'a>>::FIRST, <Self as View<'a>>::LAST)?;
        let (header, attrs, offset) = family_header::<IfInfoMsg>(&message)?;
        let name = Attrs::with_offset(attrs, offset).find(ifla::IFNAME)?;
        Ok((header, name.map(|name| until_nul(name.payload()))))
    }

    /// `IFLA_IFNAME`: the interface name, if it is UTF-8 (Linux allows other bytes; see
    /// [`LinkMessage::name_bytes`]).
    #[inline]
    pub fn name(&self) -> Option<&'a str> {
        self.attrs.str(ifla::IFNAME)
    }

    /// `IFLA_IFNAME` as bytes, without its NUL.
    #[inline]
    pub fn name_bytes(&self) -> Option<&'a [u8]> {
        self.attrs.str_bytes(ifla::IFNAME)
    }

    /// `IFLA_MTU`.
    #[inline]
    pub fn mtu(&self) -> Option<u32> {
        self.attrs.u32(ifla::MTU)
    }

    /// `IFLA_MIN_MTU`.
    #[inline]
    pub fn min_mtu(&self) -> Option<u32> {
        self.attrs.u32(ifla::MIN_MTU)
    }

    /// `IFLA_MAX_MTU`.
    #[inline]
    pub fn max_mtu(&self) -> Option<u32> {
        self.attrs.u32(ifla::MAX_MTU)
    }

    /// `IFLA_ADDRESS`: the link-layer address, as long as the device type makes it (6 bytes for
    /// Ethernet).
    #[inline]
    pub fn address(&self) -> Option<&'a [u8]> {
        self.attrs.bytes(ifla::ADDRESS)
    }

    /// `IFLA_ADDRESS` as an Ethernet MAC, when it is 6 bytes.
    #[inline]
    pub fn mac(&self) -> Option<[u8; 6]> {
        self.address()?.try_into().ok()
    }

    /// `IFLA_BROADCAST`: the link-layer broadcast address.
    #[inline]
    pub fn broadcast(&self) -> Option<&'a [u8]> {
        self.attrs.bytes(ifla::BROADCAST)
    }

    /// `IFLA_PERM_ADDRESS`: the permanent hardware address, for devices that have one.
    #[inline]
    pub fn perm_address(&self) -> Option<&'a [u8]> {
        self.attrs.bytes(ifla::PERM_ADDRESS)
    }

    /// `IFLA_OPERSTATE`: RFC 2863 operational state, `IF_OPER_*` (6 is up, 2 down).
    #[inline]
    pub fn operstate(&self) -> Option<u8> {
        self.attrs.u8(ifla::OPERSTATE)
    }

    /// `IFLA_LINKMODE`: `IF_LINK_MODE_*`.
    #[inline]
    pub fn linkmode(&self) -> Option<u8> {
        self.attrs.u8(ifla::LINKMODE)
    }

    /// `IFLA_TXQLEN`: transmit queue length.
    #[inline]
    pub fn txqlen(&self) -> Option<u32> {
        self.attrs.u32(ifla::TXQLEN)
    }

    /// `IFLA_GROUP`: the device group.
    #[inline]
    pub fn group(&self) -> Option<u32> {
        self.attrs.u32(ifla::GROUP)
    }

    /// `IFLA_MASTER`: index of the master device (bridge, bond, vrf).
    #[inline]
    pub fn master(&self) -> Option<u32> {
        self.attrs.u32(ifla::MASTER)
    }

    /// `IFLA_LINK`: index of the linked device: a veth's peer, a vlan's lower device. With
    /// [`LinkMessage::link_netnsid`] the index is in that other namespace.
    #[inline]
    pub fn link(&self) -> Option<u32> {
        self.attrs.u32(ifla::LINK)
    }

    /// `IFLA_LINK_NETNSID`: the nsid (in this namespace's view) of the namespace the linked
    /// device is in, e.g. where a veth's peer lives.
    #[inline]
    pub fn link_netnsid(&self) -> Option<i32> {
        self.attrs.i32(ifla::LINK_NETNSID)
    }

    /// `IFLA_IFALIAS`: the free-text alias.
    #[inline]
    pub fn alias(&self) -> Option<&'a str> {
        self.attrs.str(ifla::IFALIAS)
    }

    /// `IFLA_IFALIAS` as bytes, without its NUL (an alias need not be UTF-8).
    #[inline]
    pub fn alias_bytes(&self) -> Option<&'a [u8]> {
        self.attrs.str_bytes(ifla::IFALIAS)
    }

    /// `IFLA_QDISC`: the root queueing discipline's kind.
    #[inline]
    pub fn qdisc(&self) -> Option<&'a str> {
        self.attrs.str(ifla::QDISC)
    }

    /// `IFLA_CARRIER`: whether the device has carrier.
    #[inline]
    pub fn carrier(&self) -> Option<bool> {
        self.attrs.u8(ifla::CARRIER).map(|carrier| carrier != 0)
    }

    /// `IFLA_CARRIER_CHANGES`: how often the carrier changed.
    #[inline]
    pub fn carrier_changes(&self) -> Option<u32> {
        self.attrs.u32(ifla::CARRIER_CHANGES)
    }

    /// `IFLA_PROMISCUITY`: the promiscuous-mode count.
    #[inline]
    pub fn promiscuity(&self) -> Option<u32> {
        self.attrs.u32(ifla::PROMISCUITY)
    }

    /// `IFLA_ALLMULTI`: the all-multicast count (Linux 6.0+).
    #[inline]
    pub fn allmulti(&self) -> Option<u32> {
        self.attrs.u32(ifla::ALLMULTI)
    }

    /// `IFLA_NUM_TX_QUEUES`.
    #[inline]
    pub fn num_tx_queues(&self) -> Option<u32> {
        self.attrs.u32(ifla::NUM_TX_QUEUES)
    }

    /// `IFLA_NUM_RX_QUEUES`.
    #[inline]
    pub fn num_rx_queues(&self) -> Option<u32> {
        self.attrs.u32(ifla::NUM_RX_QUEUES)
    }

    /// `IFLA_GSO_MAX_SIZE`.
    #[inline]
    pub fn gso_max_size(&self) -> Option<u32> {
        self.attrs.u32(ifla::GSO_MAX_SIZE)
    }

    /// `IFLA_GSO_MAX_SEGS`.
    #[inline]
    pub fn gso_max_segs(&self) -> Option<u32> {
        self.attrs.u32(ifla::GSO_MAX_SEGS)
    }

    /// `IFLA_GRO_MAX_SIZE`: the largest GRO packet the stack builds (Linux 5.19+).
    #[inline]
    pub fn gro_max_size(&self) -> Option<u32> {
        self.attrs.u32(ifla::GRO_MAX_SIZE)
    }

    /// `IFLA_TSO_MAX_SIZE`: the largest TSO packet the device accepts (Linux 5.19+).
    #[inline]
    pub fn tso_max_size(&self) -> Option<u32> {
        self.attrs.u32(ifla::TSO_MAX_SIZE)
    }

    /// `IFLA_TSO_MAX_SEGS`: the most TSO segments the device accepts (Linux 5.19+).
    #[inline]
    pub fn tso_max_segs(&self) -> Option<u32> {
        self.attrs.u32(ifla::TSO_MAX_SEGS)
    }

    /// `IFLA_CARRIER_UP_COUNT`: how often the carrier went up.
    #[inline]
    pub fn carrier_up_count(&self) -> Option<u32> {
        self.attrs.u32(ifla::CARRIER_UP_COUNT)
    }

    /// `IFLA_CARRIER_DOWN_COUNT`: how often the carrier went down.
    #[inline]
    pub fn carrier_down_count(&self) -> Option<u32> {
        self.attrs.u32(ifla::CARRIER_DOWN_COUNT)
    }

    /// `IFLA_PROTO_DOWN`: whether the device is held down by a protocol.
    #[inline]
    pub fn proto_down(&self) -> Option<bool> {
        self.attrs.u8(ifla::PROTO_DOWN).map(|down| down != 0)
    }

    /// `IFLA_NEW_NETNSID`: in an `RTM_DELLINK` event of a device moved away, the nsid of the
    /// namespace it moved to.
    #[inline]
    pub fn new_netnsid(&self) -> Option<i32> {
        self.attrs.i32(ifla::NEW_NETNSID)
    }

    /// `IFLA_NEW_IFINDEX`: in that event, its index in the new namespace.
    #[inline]
    pub fn new_ifindex(&self) -> Option<i32> {
        self.attrs.i32(ifla::NEW_IFINDEX)
    }

    /// `IFLA_STATS64`: the 64-bit counters (the first 23, which every kernel sends).
    #[inline]
    pub fn stats64(&self) -> Option<LinkStats64> {
        self.link_stats().map(|stats| *stats.counters())
    }

    /// `IFLA_STATS64` in place: the 23 counters every kernel sends, borrowed from the message,
    /// and the newer ones after them (`rx_nohandler`, `rx_otherhost_dropped`) when the kernel
    /// sent them. What `ip -s link` prints.
    #[inline]
    pub fn link_stats(&self) -> Option<LinkStats<'a>> {
        let bytes = self.attrs.bytes(ifla::STATS64)?;
        let (counters, newer) = zerocopy::FromBytes::ref_from_prefix(bytes).ok()?;
        Some(LinkStats { counters, newer })
    }

    /// `IFLA_INET6_STATS` in `IFLA_AF_SPEC`'s `AF_INET6` nest: the link's IPv6 counters, in
    /// place (the same array `AF_INET6` link dumps carry in `IFLA_PROTINFO`). What `ip -6 -s
    /// address` prints. `None` when absent, or when the nest does not parse.
    #[inline]
    pub fn inet6_stats(&self) -> Option<Inet6Stats<'a>> {
        let spec = self.attrs.get(ifla::AF_SPEC)?.nested();
        let inet6 = spec.find(u16::from(crate::af::INET6)).ok()??.nested();
        let stats = inet6.find(crate::ifla_inet6::STATS).ok()??;
        Some(Inet6Stats {
            mib: stats.payload(),
        })
    }

    /// `IFLA_PROP_LIST`: the nest of alternative names (`IFLA_ALT_IFNAME` strings), as bytes
    /// without their NUL (a name need not be UTF-8).
    #[inline]
    pub fn alt_names(&self) -> impl Iterator<Item = &'a [u8]> + use<'a> {
        let nest = self.attrs.get(ifla::PROP_LIST).map(|a| a.nested());
        nest.into_iter()
            .flatten()
            .map_while(Result::ok)
            .filter(|attr| attr.ty() == ifla::ALT_IFNAME)
            .map(|attr| attr.payload().split(|&b| b == 0).next().unwrap_or_default())
    }

    /// `IFLA_INFO_KIND` in `IFLA_LINKINFO`: the driver kind, `"veth"`, `"bridge"`, `"vxlan"`, ...
    #[inline]
    pub fn kind(&self) -> Option<&'a str> {
        self.info.str(ifla_info::KIND)
    }

    /// `IFLA_INFO_KIND` as bytes, without its NUL: [`LinkMessage::kind`] without the UTF-8
    /// check.
    #[inline]
    pub fn kind_bytes(&self) -> Option<&'a [u8]> {
        self.info.str_bytes(ifla_info::KIND)
    }

    /// `IFLA_INFO_SLAVE_KIND`: the kind of this device's master when it is a port
    /// (`"bridge"` for a bridge port).
    #[inline]
    pub fn slave_kind(&self) -> Option<&'a str> {
        self.info.str(ifla_info::SLAVE_KIND)
    }

    /// `IFLA_INFO_DATA`: the kind-specific attributes, raw.
    #[inline]
    pub fn info_data(&self) -> Option<Attrs<'a>> {
        self.info.get(ifla_info::DATA).map(|attr| attr.nested())
    }

    /// `IFLA_INFO_SLAVE_DATA`: the port-specific attributes (`IFLA_BRPORT_*` on a bridge port).
    #[inline]
    pub fn info_slave_data(&self) -> Option<Attrs<'a>> {
        self.info
            .get(ifla_info::SLAVE_DATA)
            .map(|attr| attr.nested())
    }

    fn data_of(&self, kind: &str) -> Option<Attr<'a>> {
        if self.kind()? == kind {
            self.info.get(ifla_info::DATA)
        } else {
            None
        }
    }

    /// The vxlan data (`IFLA_VXLAN_*`), when the kind is `"vxlan"`.
    #[inline]
    pub fn vxlan(&self) -> Option<VxlanInfo<'a>> {
        VxlanInfo::parse(self.data_of("vxlan")?).ok()
    }

    /// The bridge data (`IFLA_BR_*`), when the kind is `"bridge"`.
    #[inline]
    pub fn bridge(&self) -> Option<BridgeInfo<'a>> {
        BridgeInfo::parse(self.data_of("bridge")?).ok()
    }

    /// The vlan data (`IFLA_VLAN_*`), when the kind is `"vlan"`.
    #[inline]
    pub fn vlan(&self) -> Option<VlanInfo<'a>> {
        VlanInfo::parse(self.data_of("vlan")?).ok()
    }

    /// The macvlan data (`IFLA_MACVLAN_*`), when the kind is `"macvlan"` or `"macvtap"`.
    #[inline]
    pub fn macvlan(&self) -> Option<MacvlanInfo<'a>> {
        let data = self
            .data_of("macvlan")
            .or_else(|| self.data_of("macvtap"))?;
        MacvlanInfo::parse(data).ok()
    }

    /// The ipvlan data (`IFLA_IPVLAN_*`), when the kind is `"ipvlan"` or `"ipvtap"`.
    #[inline]
    pub fn ipvlan(&self) -> Option<IpvlanInfo<'a>> {
        let data = self.data_of("ipvlan").or_else(|| self.data_of("ipvtap"))?;
        IpvlanInfo::parse(data).ok()
    }

    /// The vrf data (`IFLA_VRF_*`), when the kind is `"vrf"`.
    #[inline]
    pub fn vrf(&self) -> Option<VrfInfo<'a>> {
        VrfInfo::parse(self.data_of("vrf")?).ok()
    }

    /// The vrf port data (`IFLA_VRF_PORT_*` in `IFLA_INFO_SLAVE_DATA`), when the master is a
    /// vrf (`IFLA_INFO_SLAVE_KIND` `"vrf"`).
    #[inline]
    pub fn vrf_port(&self) -> Option<VrfPortInfo<'a>> {
        if self.slave_kind()? != "vrf" {
            return None;
        }
        VrfPortInfo::parse(self.info.get(ifla_info::SLAVE_DATA)?).ok()
    }

    /// The tun/tap data (`IFLA_TUN_*`), when the kind is `"tun"`.
    #[inline]
    pub fn tun(&self) -> Option<TunInfo<'a>> {
        TunInfo::parse(self.data_of("tun")?).ok()
    }

    /// The bridge port data (`IFLA_BRPORT_*` in `IFLA_INFO_SLAVE_DATA`), when the master is a
    /// bridge (`IFLA_INFO_SLAVE_KIND` `"bridge"`).
    #[inline]
    pub fn bridge_port(&self) -> Option<BridgePortInfo<'a>> {
        if self.slave_kind()? != "bridge" {
            return None;
        }
        BridgePortInfo::parse(self.info.get(ifla_info::SLAVE_DATA)?).ok()
    }

    /// `IFLA_INET6_ADDR_GEN_MODE` in `IFLA_AF_SPEC` / `AF_INET6`: how the link's IPv6
    /// link-local address is made, `IN6_ADDR_GEN_MODE_*` (0 eui64, 1 none, 2 stable_secret,
    /// 3 random). Found by a walk of the nest (its attributes are not indexed), read as the
    /// first byte of the payload, as `ip` reads it.
    pub fn addr_gen_mode(&self) -> Option<u8> {
        let spec = self.attrs.get(ifla::AF_SPEC)?;
        let inet6 = spec
            .nested()
            .map_while(Result::ok)
            .find(|attr| attr.ty() == u16::from(af::INET6))?;
        inet6
            .nested()
            .map_while(Result::ok)
            .filter(|attr| attr.ty() == ifla_inet6::ADDR_GEN_MODE)
            .last()?
            .payload()
            .first()
            .copied()
    }
}

/// Checks the kind data of the kinds this crate types, so their views cannot fail later; the
/// common case, a link with neither kind nor port data (a veth), is two lookups.
#[inline(always)]
fn check_kind_data(info: &AttrIndex<'_, INFO_SLOTS>) -> Result<(), Error> {
    let data = info.get(ifla_info::DATA);
    let slave_data = info.get(ifla_info::SLAVE_DATA);
    if data.is_none() && slave_data.is_none() {
        return Ok(());
    }
    check_data(info, data, slave_data)
}

/// [`check_kind_data`] for a link that has kind or port data, out of line: each kind's index
/// is a walk of its own, kept out of the path of the links that have none.
#[inline(never)]
fn check_data(
    info: &AttrIndex<'_, INFO_SLOTS>,
    data: Option<Attr<'_>>,
    slave_data: Option<Attr<'_>>,
) -> Result<(), Error> {
    if let Some(data) = data {
        match info.str_bytes(ifla_info::KIND) {
            Some(b"vxlan") => VxlanInfo::parse(data).map(drop),
            Some(b"bridge") => BridgeInfo::parse(data).map(drop),
            Some(b"vlan") => VlanInfo::parse(data).map(drop),
            Some(b"macvlan" | b"macvtap") => MacvlanInfo::parse(data).map(drop),
            Some(b"tun") => TunInfo::parse(data).map(drop),
            Some(b"ipvlan" | b"ipvtap") => IpvlanInfo::parse(data).map(drop),
            Some(b"vrf") => VrfInfo::parse(data).map(drop),
            _ => data.nested().validate(),
        }?;
    }
    match (info.str_bytes(ifla_info::SLAVE_KIND), slave_data) {
        (Some(b"bridge"), Some(data)) => BridgePortInfo::parse(data).map(drop),
        (Some(b"vrf"), Some(data)) => VrfPortInfo::parse(data).map(drop),
        _ => Ok(()),
    }
}

/// `IFLA_STATS64` (`struct rtnl_link_stats64` in `<linux/if_link.h>`) as it lies in a link
/// message: nothing copied. Counters the kernel did not send (an older kernel's shorter
/// struct) read as 0, as `ip` reads them.
#[derive(Clone, Copy, Debug)]
pub struct LinkStats<'a> {
    /// The first 23 counters, which every kernel since 2.6.35 sends.
    counters: &'a LinkStats64,
    /// The payload after them: `rx_nohandler` (Linux 4.6), `rx_otherhost_dropped` (5.19).
    newer: &'a [u8],
}

impl<'a> LinkStats<'a> {
    /// The 23 counters every kernel sends (`rx_packets` .. `tx_compressed`).
    #[inline]
    pub fn counters(&self) -> &'a LinkStats64 {
        self.counters
    }

    /// The `n`th 64-bit counter after the 23, or 0.
    fn newer(&self, n: usize) -> u64 {
        self.newer
            .chunks_exact(8)
            .nth(n)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u64::from_ne_bytes)
    }

    /// `rx_nohandler`: packets dropped because no protocol handler took them.
    #[inline]
    pub fn rx_nohandler(&self) -> u64 {
        self.newer(0)
    }

    /// `rx_otherhost_dropped`: packets dropped for another host's address.
    #[inline]
    pub fn rx_otherhost_dropped(&self) -> u64 {
        self.newer(1)
    }
}

/// `IFLA_INET6_STATS`: a link's IPv6 counters (`u64`s indexed by the kernel's
/// `enum ipstats_mib` in `<linux/snmp.h>`: 1 `InReceives`, 2 `InOctets`, 5 `OutRequests`, ...),
/// borrowed from the message. A counter past the end the kernel sent reads as 0.
#[derive(Clone, Copy, Debug)]
pub struct Inet6Stats<'a> {
    /// The array as the kernel sent it.
    mib: &'a [u8],
}

impl Inet6Stats<'_> {
    /// Counter `index` of `enum ipstats_mib` (`IPSTATS_MIB_*`), or 0.
    #[inline]
    pub fn get(&self, index: usize) -> u64 {
        self.mib
            .chunks_exact(8)
            .nth(index)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u64::from_ne_bytes)
    }

    /// How many counters the kernel sent (its `IPSTATS_MIB_MAX`).
    #[inline]
    pub fn len(&self) -> usize {
        self.mib.len() / 8
    }

    /// Whether the kernel sent no counter.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
