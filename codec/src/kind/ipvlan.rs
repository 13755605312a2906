//! The `ipvlan` and `ipvtap` kinds (`ip/iplink_ipvlan.c`): their attributes
//! (`IFLA_IPVLAN_*`), modes and flags, and the view of their `IFLA_INFO_DATA`
//! (`drivers/net/ipvlan/ipvlan_main.c`).

use super::kind_view;

/// ipvlan attributes (`IFLA_IPVLAN_*` in `<linux/if_link.h>`), nested in `IFLA_INFO_DATA` of kind
/// `ipvlan` or `ipvtap` (`drivers/net/ipvlan/ipvlan_main.c`).
pub mod ifla_ipvlan {
    /// `IFLA_IPVLAN_UNSPEC`: unused (type 0).
    #[doc(alias = "IFLA_IPVLAN_UNSPEC")]
    pub const UNSPEC: u16 = 0;
    /// `IFLA_IPVLAN_MODE`: `u16` mode, an `IPVLAN_MODE_*` value.
    #[doc(alias = "IFLA_IPVLAN_MODE")]
    pub const MODE: u16 = 1;
    /// `IFLA_IPVLAN_FLAGS`: `u16` `IPVLAN_F_*` bits.
    #[doc(alias = "IFLA_IPVLAN_FLAGS")]
    pub const FLAGS: u16 = 2;
    /// `IFLA_IPVLAN_MAX`: the highest `IFLA_IPVLAN_*` value.
    #[doc(alias = "IFLA_IPVLAN_MAX")]
    pub const MAX: u16 = 2;
}

/// ipvlan modes (`enum ipvlan_mode`, `IPVLAN_MODE_*` in `<linux/if_link.h>`), the `u16` value of
/// `IFLA_IPVLAN_MODE`.
pub mod ipvlan_mode {
    /// `IPVLAN_MODE_L2`: the lower device switches by MAC address.
    #[doc(alias = "IPVLAN_MODE_L2")]
    pub const L2: u16 = 0;
    /// `IPVLAN_MODE_L3`: the lower device routes by IP address (the kernel's default).
    #[doc(alias = "IPVLAN_MODE_L3")]
    pub const L3: u16 = 1;
    /// `IPVLAN_MODE_L3S`: as L3, with netfilter hooks in the input path.
    #[doc(alias = "IPVLAN_MODE_L3S")]
    pub const L3S: u16 = 2;
}

/// ipvlan flags (`IPVLAN_F_*` in `<linux/if_link.h>`), the bits of `IFLA_IPVLAN_FLAGS`; with
/// neither bit the ipvlan is in bridge mode.
pub mod ipvlan_flag {
    /// `IPVLAN_F_PRIVATE`: no traffic between the ipvlans of the same lower device.
    #[doc(alias = "IPVLAN_F_PRIVATE")]
    pub const PRIVATE: u16 = 0x01;
    /// `IPVLAN_F_VEPA`: traffic between them goes out through the lower device.
    #[doc(alias = "IPVLAN_F_VEPA")]
    pub const VEPA: u16 = 0x02;
}

kind_view!(
    /// An ipvlan's `IFLA_INFO_DATA` (`IFLA_IPVLAN_*`, `ipvlan_nl_fillinfo()` in
    /// `drivers/net/ipvlan/ipvlan_main.c`).
    IpvlanInfo,
    ifla_ipvlan::MAX,
    fields {
        /// `IFLA_IPVLAN_MODE`: `IPVLAN_MODE_*` (0 l2, 1 l3, 2 l3s).
        mode: u16 = ifla_ipvlan::MODE,
        /// `IFLA_IPVLAN_FLAGS`: `IPVLAN_F_*` (private, vepa; neither is bridge).
        flags: u16 = ifla_ipvlan::FLAGS,
    }
    checked []
);
