//! `<linux/neighbour.h>`: neighbour (ARP / NDP / FDB) attributes, states and flags.

/// Neighbour attributes (`NDA_*` in `<linux/neighbour.h>`), after `struct ndmsg`.
pub mod nda {
    /// `NDA_UNSPEC`: a neighbour attribute.
    #[doc(alias = "NDA_UNSPEC")]
    pub const UNSPEC: u16 = 0;
    /// `NDA_DST`: a neighbour attribute.
    #[doc(alias = "NDA_DST")]
    pub const DST: u16 = 1;
    /// `NDA_LLADDR`: a neighbour attribute.
    #[doc(alias = "NDA_LLADDR")]
    pub const LLADDR: u16 = 2;
    /// `NDA_CACHEINFO`: a neighbour attribute.
    #[doc(alias = "NDA_CACHEINFO")]
    pub const CACHEINFO: u16 = 3;
    /// `NDA_PROBES`: a neighbour attribute.
    #[doc(alias = "NDA_PROBES")]
    pub const PROBES: u16 = 4;
    /// `NDA_VLAN`: a neighbour attribute.
    #[doc(alias = "NDA_VLAN")]
    pub const VLAN: u16 = 5;
    /// `NDA_PORT`: a neighbour attribute.
    #[doc(alias = "NDA_PORT")]
    pub const PORT: u16 = 6;
    /// `NDA_VNI`: a neighbour attribute.
    #[doc(alias = "NDA_VNI")]
    pub const VNI: u16 = 7;
    /// `NDA_IFINDEX`: a neighbour attribute.
    #[doc(alias = "NDA_IFINDEX")]
    pub const IFINDEX: u16 = 8;
    /// `NDA_MASTER`: a neighbour attribute.
    #[doc(alias = "NDA_MASTER")]
    pub const MASTER: u16 = 9;
    /// `NDA_LINK_NETNSID`: a neighbour attribute.
    #[doc(alias = "NDA_LINK_NETNSID")]
    pub const LINK_NETNSID: u16 = 10;
    /// `NDA_SRC_VNI`: a neighbour attribute.
    #[doc(alias = "NDA_SRC_VNI")]
    pub const SRC_VNI: u16 = 11;
    /// `NDA_PROTOCOL`: Originator of entry.
    #[doc(alias = "NDA_PROTOCOL")]
    pub const PROTOCOL: u16 = 12;
    /// `NDA_NH_ID`: a neighbour attribute.
    #[doc(alias = "NDA_NH_ID")]
    pub const NH_ID: u16 = 13;
    /// `NDA_FDB_EXT_ATTRS`: a neighbour attribute.
    #[doc(alias = "NDA_FDB_EXT_ATTRS")]
    pub const FDB_EXT_ATTRS: u16 = 14;
    /// `NDA_FLAGS_EXT`: a neighbour attribute.
    #[doc(alias = "NDA_FLAGS_EXT")]
    pub const FLAGS_EXT: u16 = 15;
    /// `NDA_NDM_STATE_MASK`: a neighbour attribute.
    #[doc(alias = "NDA_NDM_STATE_MASK")]
    pub const NDM_STATE_MASK: u16 = 16;
    /// `NDA_NDM_FLAGS_MASK`: a neighbour attribute.
    #[doc(alias = "NDA_NDM_FLAGS_MASK")]
    pub const NDM_FLAGS_MASK: u16 = 17;
    /// `NDA_MAX`: the highest `NDA_*` value in the 6.1 headers.
    #[doc(alias = "NDA_MAX")]
    pub const MAX: u16 = 17;
}

/// Neighbour cache states (`NUD_*` in `<linux/neighbour.h>`), the bits of `ndmsg.ndm_state`.
pub mod nud {
    /// `NUD_INCOMPLETE`: a neighbour state.
    #[doc(alias = "NUD_INCOMPLETE")]
    pub const INCOMPLETE: u16 = 0x01;
    /// `NUD_REACHABLE`: a neighbour state.
    #[doc(alias = "NUD_REACHABLE")]
    pub const REACHABLE: u16 = 0x02;
    /// `NUD_STALE`: a neighbour state.
    #[doc(alias = "NUD_STALE")]
    pub const STALE: u16 = 0x04;
    /// `NUD_DELAY`: a neighbour state.
    #[doc(alias = "NUD_DELAY")]
    pub const DELAY: u16 = 0x08;
    /// `NUD_PROBE`: a neighbour state.
    #[doc(alias = "NUD_PROBE")]
    pub const PROBE: u16 = 0x10;
    /// `NUD_FAILED`: a neighbour state.
    #[doc(alias = "NUD_FAILED")]
    pub const FAILED: u16 = 0x20;
    /// `NUD_NOARP`: a neighbour state.
    #[doc(alias = "NUD_NOARP")]
    pub const NOARP: u16 = 0x40;
    /// `NUD_PERMANENT`: a neighbour state.
    #[doc(alias = "NUD_PERMANENT")]
    pub const PERMANENT: u16 = 0x80;
    /// `NUD_NONE`: a neighbour state.
    #[doc(alias = "NUD_NONE")]
    pub const NONE: u16 = 0x00;
}

/// Neighbour entry flags (`NTF_*` in `<linux/neighbour.h>`), the bits of `ndmsg.ndm_flags`.
pub mod ntf {
    /// `NTF_USE`: a neighbour flag.
    #[doc(alias = "NTF_USE")]
    pub const USE: u8 = 0x01;
    /// `NTF_SELF`: a neighbour flag.
    #[doc(alias = "NTF_SELF")]
    pub const SELF: u8 = 0x02;
    /// `NTF_MASTER`: a neighbour flag.
    #[doc(alias = "NTF_MASTER")]
    pub const MASTER: u8 = 0x04;
    /// `NTF_PROXY`: == ATF_PUBL.
    #[doc(alias = "NTF_PROXY")]
    pub const PROXY: u8 = 0x08;
    /// `NTF_EXT_LEARNED`: a neighbour flag.
    #[doc(alias = "NTF_EXT_LEARNED")]
    pub const EXT_LEARNED: u8 = 0x10;
    /// `NTF_OFFLOADED`: a neighbour flag.
    #[doc(alias = "NTF_OFFLOADED")]
    pub const OFFLOADED: u8 = 0x20;
    /// `NTF_STICKY`: a neighbour flag.
    #[doc(alias = "NTF_STICKY")]
    pub const STICKY: u8 = 0x40;
    /// `NTF_ROUTER`: a neighbour flag.
    #[doc(alias = "NTF_ROUTER")]
    pub const ROUTER: u8 = 0x80;
}

/// Extended neighbour entry flags (`NTF_EXT_*` in `<linux/neighbour.h>`), the bits of the `u32` `NDA_FLAGS_EXT` attribute.
pub mod ntf_ext {
    /// `NTF_EXT_MANAGED`: an extended neighbour flag.
    #[doc(alias = "NTF_EXT_MANAGED")]
    pub const MANAGED: u32 = 0x01;
}
