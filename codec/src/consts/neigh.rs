//! `<linux/neighbour.h>`: neighbour (ARP / NDP / FDB) attributes, states and flags.

/// Neighbour attributes (`NDA_*` in `<linux/neighbour.h>`), after `struct ndmsg`.
pub mod nda {
    /// `NDA_UNSPEC`: unused (type 0).
    #[doc(alias = "NDA_UNSPEC")]
    pub const UNSPEC: u16 = 0;
    /// `NDA_DST`: the neighbour's network-layer address.
    #[doc(alias = "NDA_DST")]
    pub const DST: u16 = 1;
    /// `NDA_LLADDR`: the neighbour's link-layer address.
    #[doc(alias = "NDA_LLADDR")]
    pub const LLADDR: u16 = 2;
    /// `NDA_CACHEINFO`: `struct nda_cacheinfo`: times of last confirmation, use and update, and
    /// reference count.
    #[doc(alias = "NDA_CACHEINFO")]
    pub const CACHEINFO: u16 = 3;
    /// `NDA_PROBES`: `u32` number of probes sent.
    #[doc(alias = "NDA_PROBES")]
    pub const PROBES: u16 = 4;
    /// `NDA_VLAN`: `u16` VLAN id of a bridge FDB entry.
    #[doc(alias = "NDA_VLAN")]
    pub const VLAN: u16 = 5;
    /// `NDA_PORT`: `be16` UDP destination port of a VXLAN FDB entry.
    #[doc(alias = "NDA_PORT")]
    pub const PORT: u16 = 6;
    /// `NDA_VNI`: `u32` VXLAN network identifier of an FDB entry.
    #[doc(alias = "NDA_VNI")]
    pub const VNI: u16 = 7;
    /// `NDA_IFINDEX`: `u32` index of the link to reach a VXLAN FDB remote through.
    #[doc(alias = "NDA_IFINDEX")]
    pub const IFINDEX: u16 = 8;
    /// `NDA_MASTER`: `u32` index of the master (bridge); in a dump request, dump only its entries.
    #[doc(alias = "NDA_MASTER")]
    pub const MASTER: u16 = 9;
    /// `NDA_LINK_NETNSID`: `s32` id (nsid) of the namespace of the link the entry points to.
    #[doc(alias = "NDA_LINK_NETNSID")]
    pub const LINK_NETNSID: u16 = 10;
    /// `NDA_SRC_VNI`: `u32` source VNI of a VXLAN FDB entry (external mode).
    #[doc(alias = "NDA_SRC_VNI")]
    pub const SRC_VNI: u16 = 11;
    /// `NDA_PROTOCOL`: `u8` originator of the entry.
    #[doc(alias = "NDA_PROTOCOL")]
    pub const PROTOCOL: u16 = 12;
    /// `NDA_NH_ID`: `u32` id of the nexthop group an FDB entry resolves through.
    #[doc(alias = "NDA_NH_ID")]
    pub const NH_ID: u16 = 13;
    /// `NDA_FDB_EXT_ATTRS`: nest of extended FDB attributes (`NFEA_*`).
    #[doc(alias = "NDA_FDB_EXT_ATTRS")]
    pub const FDB_EXT_ATTRS: u16 = 14;
    /// `NDA_FLAGS_EXT`: `u32` extended flags, `NTF_EXT_*`: the 8-bit `ndm_flags` is full.
    #[doc(alias = "NDA_FLAGS_EXT")]
    pub const FLAGS_EXT: u16 = 15;
    /// `NDA_NDM_STATE_MASK`: `u16` mask of `ndm_state` bits that entries must match to be removed
    /// by a bulk delete.
    #[doc(alias = "NDA_NDM_STATE_MASK")]
    pub const NDM_STATE_MASK: u16 = 16;
    /// `NDA_NDM_FLAGS_MASK`: `u8` mask of `ndm_flags` bits that entries must match to be removed by
    /// a bulk delete.
    #[doc(alias = "NDA_NDM_FLAGS_MASK")]
    pub const NDM_FLAGS_MASK: u16 = 17;
    /// `NDA_MAX`: the highest `NDA_*` value in the 6.1 headers.
    #[doc(alias = "NDA_MAX")]
    pub const MAX: u16 = 17;
}

/// Neighbour cache states (`NUD_*` in `<linux/neighbour.h>`), the bits of `ndmsg.ndm_state`.
pub mod nud {
    /// `NUD_INCOMPLETE`: address resolution is in progress.
    #[doc(alias = "NUD_INCOMPLETE")]
    pub const INCOMPLETE: u16 = 0x01;
    /// `NUD_REACHABLE`: the neighbour was recently confirmed reachable.
    #[doc(alias = "NUD_REACHABLE")]
    pub const REACHABLE: u16 = 0x02;
    /// `NUD_STALE`: valid, but not confirmed recently.
    #[doc(alias = "NUD_STALE")]
    pub const STALE: u16 = 0x04;
    /// `NUD_DELAY`: stale and used: waiting a moment before probing.
    #[doc(alias = "NUD_DELAY")]
    pub const DELAY: u16 = 0x08;
    /// `NUD_PROBE`: probing the neighbour.
    #[doc(alias = "NUD_PROBE")]
    pub const PROBE: u16 = 0x10;
    /// `NUD_FAILED`: address resolution failed.
    #[doc(alias = "NUD_FAILED")]
    pub const FAILED: u16 = 0x20;
    /// `NUD_NOARP`: pseudo-state: no resolution needed; never changes.
    #[doc(alias = "NUD_NOARP")]
    pub const NOARP: u16 = 0x40;
    /// `NUD_PERMANENT`: pseudo-state: a static entry; never changes, never garbage-collected.
    #[doc(alias = "NUD_PERMANENT")]
    pub const PERMANENT: u16 = 0x80;
    /// `NUD_NONE`: no state.
    #[doc(alias = "NUD_NONE")]
    pub const NONE: u16 = 0x00;
}

/// Neighbour entry flags (`NTF_*` in `<linux/neighbour.h>`), the bits of `ndmsg.ndm_flags`.
pub mod ntf {
    /// `NTF_USE`: mark the entry used, as traffic would (a request flag).
    #[doc(alias = "NTF_USE")]
    pub const USE: u8 = 0x01;
    /// `NTF_SELF`: the FDB entry is the device's own, not its master's.
    #[doc(alias = "NTF_SELF")]
    pub const SELF: u8 = 0x02;
    /// `NTF_MASTER`: the FDB entry is in the master (bridge) of the device.
    #[doc(alias = "NTF_MASTER")]
    pub const MASTER: u8 = 0x04;
    /// `NTF_PROXY`: a proxy ARP/NDP entry (`ATF_PUBL`).
    #[doc(alias = "NTF_PROXY")]
    pub const PROXY: u8 = 0x08;
    /// `NTF_EXT_LEARNED`: learned externally, by a switch driver or a control plane; flushed when
    /// the carrier goes down.
    #[doc(alias = "NTF_EXT_LEARNED")]
    pub const EXT_LEARNED: u8 = 0x10;
    /// `NTF_OFFLOADED`: offloaded to hardware.
    #[doc(alias = "NTF_OFFLOADED")]
    pub const OFFLOADED: u8 = 0x20;
    /// `NTF_STICKY`: the FDB entry may not move to another port.
    #[doc(alias = "NTF_STICKY")]
    pub const STICKY: u8 = 0x40;
    /// `NTF_ROUTER`: the IPv6 neighbour is a router.
    #[doc(alias = "NTF_ROUTER")]
    pub const ROUTER: u8 = 0x80;
}

/// Extended neighbour entry flags (`NTF_EXT_*` in `<linux/neighbour.h>`), the bits of the `u32`
/// `NDA_FLAGS_EXT` attribute.
pub mod ntf_ext {
    /// `NTF_EXT_MANAGED`: managed entry: the kernel keeps it resolved without traffic.
    #[doc(alias = "NTF_EXT_MANAGED")]
    pub const MANAGED: u32 = 0x01;
    /// `NTF_EXT_LOCKED`: the FDB entry was made for a host on a locked port that is not authorized
    /// yet (Linux 6.2, newer than the 6.1 headers).
    #[doc(alias = "NTF_EXT_LOCKED")]
    pub const LOCKED: u32 = 0x02;
}
