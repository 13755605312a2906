//! The `vlan` kind (`ip/iplink_vlan.c`): its attributes (`IFLA_VLAN_*`) and flags, and the
//! view of its `IFLA_INFO_DATA` (`net/8021q/vlan_netlink.c`).

use super::kind_view;
use crate::index::Len;

/// VLAN attributes (`IFLA_VLAN_*` in `<linux/if_link.h>`), nested in `IFLA_INFO_DATA` of kind
/// `vlan`.
pub mod ifla_vlan {
    /// `IFLA_VLAN_UNSPEC`: unused (type 0).
    #[doc(alias = "IFLA_VLAN_UNSPEC")]
    pub const UNSPEC: u16 = 0;
    /// `IFLA_VLAN_ID`: `u16` VLAN id.
    #[doc(alias = "IFLA_VLAN_ID")]
    pub const ID: u16 = 1;
    /// `IFLA_VLAN_FLAGS`: `struct ifla_vlan_flags`: `VLAN_FLAG_*` bits and the mask of those to
    /// change.
    #[doc(alias = "IFLA_VLAN_FLAGS")]
    pub const FLAGS: u16 = 2;
    /// `IFLA_VLAN_EGRESS_QOS`: nest of `struct ifla_vlan_qos_mapping`: packet priority to 802.1p
    /// priority on transmit.
    #[doc(alias = "IFLA_VLAN_EGRESS_QOS")]
    pub const EGRESS_QOS: u16 = 3;
    /// `IFLA_VLAN_INGRESS_QOS`: nest of `struct ifla_vlan_qos_mapping`: 802.1p priority to packet
    /// priority on receive.
    #[doc(alias = "IFLA_VLAN_INGRESS_QOS")]
    pub const INGRESS_QOS: u16 = 4;
    /// `IFLA_VLAN_PROTOCOL`: `be16` VLAN protocol: 802.1Q (0x8100) or 802.1ad (0x88a8).
    #[doc(alias = "IFLA_VLAN_PROTOCOL")]
    pub const PROTOCOL: u16 = 5;
    /// `IFLA_VLAN_MAX`: the highest `IFLA_VLAN_*` value in the 6.1 headers.
    #[doc(alias = "IFLA_VLAN_MAX")]
    pub const MAX: u16 = 5;
}

/// VLAN flags (`enum vlan_flags`, `VLAN_FLAG_*` in `<linux/if_vlan.h>`), the bits of `struct
/// ifla_vlan_flags` in `IFLA_VLAN_FLAGS`.
pub mod vlan_flag {
    /// `VLAN_FLAG_REORDER_HDR`: hand packets to the stack with the VLAN header removed, as if
    /// untagged.
    #[doc(alias = "VLAN_FLAG_REORDER_HDR")]
    pub const REORDER_HDR: u32 = 0x01;
    /// `VLAN_FLAG_GVRP`: register the VLAN with GVRP.
    #[doc(alias = "VLAN_FLAG_GVRP")]
    pub const GVRP: u32 = 0x02;
    /// `VLAN_FLAG_LOOSE_BINDING`: the VLAN device's state does not follow the lower device's.
    #[doc(alias = "VLAN_FLAG_LOOSE_BINDING")]
    pub const LOOSE_BINDING: u32 = 0x04;
    /// `VLAN_FLAG_MVRP`: register the VLAN with MVRP.
    #[doc(alias = "VLAN_FLAG_MVRP")]
    pub const MVRP: u32 = 0x08;
    /// `VLAN_FLAG_BRIDGE_BINDING`: on a bridge, the VLAN device is up only while a bridge port in
    /// the VLAN is up.
    #[doc(alias = "VLAN_FLAG_BRIDGE_BINDING")]
    pub const BRIDGE_BINDING: u32 = 0x10;
}

kind_view!(
    /// A vlan's `IFLA_INFO_DATA` (`IFLA_VLAN_*`, `net/8021q/vlan_netlink.c`).
    VlanInfo,
    ifla_vlan::MAX,
    fields {}
    checked [
        (ifla_vlan::ID, Len::Min(2)),
        (ifla_vlan::PROTOCOL, Len::Min(2)),
        (ifla_vlan::FLAGS, Len::Min(8)),
    ]
);

impl VlanInfo<'_> {
    /// `IFLA_VLAN_ID`: the VLAN id, 0..=4095.
    pub fn id(&self) -> Option<u16> {
        self.attrs.u16(ifla_vlan::ID)
    }

    /// `IFLA_VLAN_PROTOCOL`: 0x8100 (802.1Q) or 0x88a8 (802.1ad), sent big-endian.
    pub fn protocol(&self) -> Option<u16> {
        self.attrs.be16(ifla_vlan::PROTOCOL)
    }

    /// `IFLA_VLAN_FLAGS`: `struct ifla_vlan_flags`'s `flags`, `VLAN_FLAG_*`.
    pub fn flags(&self) -> Option<u32> {
        self.attrs.u32(ifla_vlan::FLAGS)
    }
}
