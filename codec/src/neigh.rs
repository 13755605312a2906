//! `RTM_NEWNEIGH` and friends: `struct ndmsg` and the `NDA_*` attributes.
//!
//! A neighbour entry maps a network-layer address to a link-layer one on a link: the ARP
//! cache (`AF_INET`), the NDP cache (`AF_INET6`), and a bridge's forwarding database
//! (`AF_BRIDGE`, whose entries have a link-layer address and no `NDA_DST` but on VXLAN). What
//! `ip neigh show` and `bridge fdb show` print comes from here. See `neigh_fill_info()` in
//! `net/core/neighbour.c` and `fdb_fill_info()` in `net/bridge/br_fdb.c`.

use core::net::IpAddr;

use crate::index::{AttrIndex, Len, Rule, Slice, policy, slots};
use crate::nda;
use crate::raw::{NdMsg, NdaCacheinfo};
use crate::view::family_view;

const NEIGH_SLOTS: usize = slots(nda::MAX);
const NEIGH_POLICY: [Rule; NEIGH_SLOTS] = policy(&[
    (nda::DST, Len::Addr),
    (nda::CACHEINFO, Len::of::<NdaCacheinfo>()),
    (nda::PROBES, Len::Min(4)),
    (nda::VLAN, Len::Min(2)),
    (nda::PORT, Len::Min(2)),
    (nda::VNI, Len::Min(4)),
    (nda::IFINDEX, Len::Min(4)),
    (nda::MASTER, Len::Min(4)),
    (nda::LINK_NETNSID, Len::Min(4)),
    (nda::SRC_VNI, Len::Min(4)),
    (nda::PROTOCOL, Len::Min(1)),
    (nda::NH_ID, Len::Min(4)),
    (nda::FLAGS_EXT, Len::Min(4)),
    (nda::NDM_STATE_MASK, Len::Min(2)),
    (nda::NDM_FLAGS_MASK, Len::Min(1)),
]);

family_view! {
    /// A neighbour message (`RTM_NEWNEIGH`, `RTM_DELNEIGH`, `RTM_GETNEIGH`): `struct ndmsg` and
    /// its `NDA_*` attributes, checked and indexed by [`NeighbourMessage::parse`].
    #[doc(alias = "ndmsg")]
    pub struct NeighbourMessage: "neighbour" {
        /// `struct ndmsg`.
        header: NdMsg {
            /// `ndm_family`: `AF_INET` (ARP), `AF_INET6` (NDP) or `AF_BRIDGE` (FDB).
            family: u8 = ndm_family,
            /// `ndm_ifindex`: the link the entry is on.
            index: u32 = ndm_ifindex.get().cast_unsigned(),
            /// `ndm_state`: the `NUD_*` bits (`NUD_REACHABLE`, `NUD_PERMANENT`, ...).
            state: u16 = ndm_state.get(),
            /// `ndm_flags`: the `NTF_*` bits (`NTF_PROXY`, `NTF_ROUTER`, `NTF_SELF`, ...).
            flags: u8 = ndm_flags,
            /// `ndm_type`: the route type of the destination, `RTN_*` (`RTN_UNICAST`, ...).
            kind: u8 = ndm_type,
        },
        attrs: AttrIndex<'a, NEIGH_SLOTS, Slice<'a>> = NEIGH_POLICY, "`NDA_*`",
    }
}

impl<'a> NeighbourMessage<'a> {
    /// `NDA_FLAGS_EXT`: the extended flags, `NTF_EXT_*`; 0 when absent.
    #[inline]
    pub fn ext_flags(&self) -> u32 {
        self.attrs.u32(nda::FLAGS_EXT).unwrap_or(0)
    }

    /// `NDA_DST`: the neighbour's network-layer address (4 or 16 bytes; an FDB entry has one
    /// only on a VXLAN device, its remote).
    #[inline]
    pub fn destination(&self) -> Option<IpAddr> {
        self.attrs.ip(nda::DST)
    }

    /// `NDA_LLADDR`: the link-layer address, as many bytes as the link's type has (6 on
    /// Ethernet; none yet for an entry still resolving).
    #[inline]
    pub fn lladdr(&self) -> Option<&'a [u8]> {
        self.attrs.bytes(nda::LLADDR)
    }

    /// `NDA_CACHEINFO`: when the entry was confirmed, used and updated, and its references.
    #[inline]
    pub fn cacheinfo(&self) -> Option<NdaCacheinfo> {
        let bytes = self.attrs.bytes(nda::CACHEINFO)?;
        zerocopy::FromBytes::read_from_prefix(bytes)
            .ok()
            .map(|(info, _)| info)
    }

    /// `NDA_PROBES`: how many probes were sent.
    #[inline]
    pub fn probes(&self) -> Option<u32> {
        self.attrs.u32(nda::PROBES)
    }

    /// `NDA_VLAN`: the VLAN of an FDB entry.
    #[inline]
    pub fn vlan(&self) -> Option<u16> {
        self.attrs.u16(nda::VLAN)
    }

    /// `NDA_PORT`: the UDP port of a VXLAN FDB entry's remote (sent in network order, read
    /// here in host order).
    #[inline]
    pub fn port(&self) -> Option<u16> {
        self.attrs.be16(nda::PORT)
    }

    /// `NDA_VNI`: the VXLAN network identifier of an FDB entry.
    #[inline]
    pub fn vni(&self) -> Option<u32> {
        self.attrs.u32(nda::VNI)
    }

    /// `NDA_IFINDEX`: the link a VXLAN FDB entry's remote is reached through.
    #[inline]
    pub fn via_index(&self) -> Option<u32> {
        self.attrs.u32(nda::IFINDEX)
    }

    /// `NDA_MASTER`: the master (bridge, VRF) of the entry's link.
    #[inline]
    pub fn master(&self) -> Option<u32> {
        self.attrs.u32(nda::MASTER)
    }

    /// `NDA_LINK_NETNSID`: the nsid of the namespace of the link a VXLAN remote is reached
    /// through.
    #[inline]
    pub fn link_netnsid(&self) -> Option<i32> {
        self.attrs.i32(nda::LINK_NETNSID)
    }

    /// `NDA_SRC_VNI`: the source VNI of a VXLAN FDB entry.
    #[inline]
    pub fn src_vni(&self) -> Option<u32> {
        self.attrs.u32(nda::SRC_VNI)
    }

    /// `NDA_PROTOCOL`: who added the entry, `RTPROT_*`.
    #[inline]
    pub fn protocol(&self) -> Option<u8> {
        self.attrs.u8(nda::PROTOCOL)
    }

    /// `NDA_NH_ID`: the nexthop group an FDB entry resolves through.
    #[inline]
    pub fn nexthop_id(&self) -> Option<u32> {
        self.attrs.u32(nda::NH_ID)
    }
}
