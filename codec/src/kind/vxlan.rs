//! The `vxlan` kind (`ip/iplink_vxlan.c`): its attributes (`IFLA_VXLAN_*`), the view of its
//! `IFLA_INFO_DATA` (`drivers/net/vxlan/vxlan_core.c`) and its further options, sent in their
//! order as `ip` adds them while it reads the command line.

use core::net::IpAddr;

use super::kind_view;
use crate::builder::MessageBuilder;
use crate::error::Error;
use crate::index::Len;

/// VXLAN attributes (`IFLA_VXLAN_*` in `<linux/if_link.h>`), nested in `IFLA_INFO_DATA` of kind
/// `vxlan`.
pub mod ifla_vxlan {
    /// `IFLA_VXLAN_UNSPEC`: unused (type 0).
    #[doc(alias = "IFLA_VXLAN_UNSPEC")]
    pub const UNSPEC: u16 = 0;
    /// `IFLA_VXLAN_ID`: `u32` VXLAN network identifier (VNI, 24 bits).
    #[doc(alias = "IFLA_VXLAN_ID")]
    pub const ID: u16 = 1;
    /// `IFLA_VXLAN_GROUP`: `be32` IPv4 multicast group or remote address.
    #[doc(alias = "IFLA_VXLAN_GROUP")]
    pub const GROUP: u16 = 2;
    /// `IFLA_VXLAN_LINK`: `u32` index of the underlying device.
    #[doc(alias = "IFLA_VXLAN_LINK")]
    pub const LINK: u16 = 3;
    /// `IFLA_VXLAN_LOCAL`: `be32` local IPv4 address.
    #[doc(alias = "IFLA_VXLAN_LOCAL")]
    pub const LOCAL: u16 = 4;
    /// `IFLA_VXLAN_TTL`: `u8` TTL of the outer packets.
    #[doc(alias = "IFLA_VXLAN_TTL")]
    pub const TTL: u16 = 5;
    /// `IFLA_VXLAN_TOS`: `u8` TOS of the outer packets.
    #[doc(alias = "IFLA_VXLAN_TOS")]
    pub const TOS: u16 = 6;
    /// `IFLA_VXLAN_LEARNING`: `u8` learn remote addresses from received packets.
    #[doc(alias = "IFLA_VXLAN_LEARNING")]
    pub const LEARNING: u16 = 7;
    /// `IFLA_VXLAN_AGEING`: `u32` lifetime of learned FDB entries, in seconds.
    #[doc(alias = "IFLA_VXLAN_AGEING")]
    pub const AGEING: u16 = 8;
    /// `IFLA_VXLAN_LIMIT`: `u32` largest number of FDB entries.
    #[doc(alias = "IFLA_VXLAN_LIMIT")]
    pub const LIMIT: u16 = 9;
    /// `IFLA_VXLAN_PORT_RANGE`: `struct ifla_vxlan_port_range`: range of UDP source ports,
    /// big-endian.
    #[doc(alias = "IFLA_VXLAN_PORT_RANGE")]
    pub const PORT_RANGE: u16 = 10;
    /// `IFLA_VXLAN_PROXY`: `u8` answer ARP/ND requests from the FDB (proxy).
    #[doc(alias = "IFLA_VXLAN_PROXY")]
    pub const PROXY: u16 = 11;
    /// `IFLA_VXLAN_RSC`: `u8` route short circuit.
    #[doc(alias = "IFLA_VXLAN_RSC")]
    pub const RSC: u16 = 12;
    /// `IFLA_VXLAN_L2MISS`: `u8` notify user space of link-layer address misses.
    #[doc(alias = "IFLA_VXLAN_L2MISS")]
    pub const L2MISS: u16 = 13;
    /// `IFLA_VXLAN_L3MISS`: `u8` notify user space of IP address misses.
    #[doc(alias = "IFLA_VXLAN_L3MISS")]
    pub const L3MISS: u16 = 14;
    /// `IFLA_VXLAN_PORT`: `be16` UDP destination port.
    #[doc(alias = "IFLA_VXLAN_PORT")]
    pub const PORT: u16 = 15;
    /// `IFLA_VXLAN_GROUP6`: IPv6 multicast group or remote address.
    #[doc(alias = "IFLA_VXLAN_GROUP6")]
    pub const GROUP6: u16 = 16;
    /// `IFLA_VXLAN_LOCAL6`: local IPv6 address.
    #[doc(alias = "IFLA_VXLAN_LOCAL6")]
    pub const LOCAL6: u16 = 17;
    /// `IFLA_VXLAN_UDP_CSUM`: `u8` compute UDP checksums over IPv4.
    #[doc(alias = "IFLA_VXLAN_UDP_CSUM")]
    pub const UDP_CSUM: u16 = 18;
    /// `IFLA_VXLAN_UDP_ZERO_CSUM6_TX`: `u8` send IPv6 packets with a zero UDP checksum.
    #[doc(alias = "IFLA_VXLAN_UDP_ZERO_CSUM6_TX")]
    pub const UDP_ZERO_CSUM6_TX: u16 = 19;
    /// `IFLA_VXLAN_UDP_ZERO_CSUM6_RX`: `u8` accept IPv6 packets with a zero UDP checksum.
    #[doc(alias = "IFLA_VXLAN_UDP_ZERO_CSUM6_RX")]
    pub const UDP_ZERO_CSUM6_RX: u16 = 20;
    /// `IFLA_VXLAN_REMCSUM_TX`: `u8` remote checksum offload on transmit.
    #[doc(alias = "IFLA_VXLAN_REMCSUM_TX")]
    pub const REMCSUM_TX: u16 = 21;
    /// `IFLA_VXLAN_REMCSUM_RX`: `u8` remote checksum offload on receive.
    #[doc(alias = "IFLA_VXLAN_REMCSUM_RX")]
    pub const REMCSUM_RX: u16 = 22;
    /// `IFLA_VXLAN_GBP`: flag: Group Based Policy extension (no payload).
    #[doc(alias = "IFLA_VXLAN_GBP")]
    pub const GBP: u16 = 23;
    /// `IFLA_VXLAN_REMCSUM_NOPARTIAL`: flag: remote checksum offload without partial checksums (no
    /// payload).
    #[doc(alias = "IFLA_VXLAN_REMCSUM_NOPARTIAL")]
    pub const REMCSUM_NOPARTIAL: u16 = 24;
    /// `IFLA_VXLAN_COLLECT_METADATA`: `u8` external (flow-based) mode: tunnel parameters come from
    /// metadata.
    #[doc(alias = "IFLA_VXLAN_COLLECT_METADATA")]
    pub const COLLECT_METADATA: u16 = 25;
    /// `IFLA_VXLAN_LABEL`: `be32` IPv6 flow label of the outer packets.
    #[doc(alias = "IFLA_VXLAN_LABEL")]
    pub const LABEL: u16 = 26;
    /// `IFLA_VXLAN_GPE`: flag: Generic Protocol Extension (no payload).
    #[doc(alias = "IFLA_VXLAN_GPE")]
    pub const GPE: u16 = 27;
    /// `IFLA_VXLAN_TTL_INHERIT`: flag: copy the TTL from the inner packet (no payload).
    #[doc(alias = "IFLA_VXLAN_TTL_INHERIT")]
    pub const TTL_INHERIT: u16 = 28;
    /// `IFLA_VXLAN_DF`: `u8` don't-fragment bit of the outer IPv4 header, an `enum ifla_vxlan_df`
    /// value.
    #[doc(alias = "IFLA_VXLAN_DF")]
    pub const DF: u16 = 29;
    /// `IFLA_VXLAN_VNIFILTER`: `u8` per-VNI filtering; only with `IFLA_VXLAN_COLLECT_METADATA`.
    #[doc(alias = "IFLA_VXLAN_VNIFILTER")]
    pub const VNIFILTER: u16 = 30;
    /// `IFLA_VXLAN_MAX`: the highest `IFLA_VXLAN_*` value in the 6.1 headers.
    #[doc(alias = "IFLA_VXLAN_MAX")]
    pub const MAX: u16 = 30;
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
    /// (in the order the words came; [`Vxlan::dev`](crate::request::Vxlan::dev) goes first).
    Link(u32),
}

/// The largest VXLAN flow label (`LABEL_MAX_MASK`, 20 bits).
const VXLAN_LABEL_MAX: u32 = 0xf_ffff;

impl VxlanOpt {
    /// Appends the option's attribute.
    pub(crate) fn put(self, b: &mut MessageBuilder<'_>) -> Result<(), Error> {
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
