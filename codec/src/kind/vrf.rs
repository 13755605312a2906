//! The `vrf` kind (`ip/iplink_vrf.c`): its attributes (`IFLA_VRF_*`) and a port's
//! (`IFLA_VRF_PORT_*`), and the views of a vrf's `IFLA_INFO_DATA` and a port's
//! `IFLA_INFO_SLAVE_DATA` (`drivers/net/vrf.c`).

use super::kind_view;

/// vrf attributes (`IFLA_VRF_*` in `<linux/if_link.h>`), nested in `IFLA_INFO_DATA` of kind
/// `vrf` (`drivers/net/vrf.c`).
pub mod ifla_vrf {
    /// `IFLA_VRF_UNSPEC`: unused (type 0).
    #[doc(alias = "IFLA_VRF_UNSPEC")]
    pub const UNSPEC: u16 = 0;
    /// `IFLA_VRF_TABLE`: `u32` the routing table of the VRF.
    #[doc(alias = "IFLA_VRF_TABLE")]
    pub const TABLE: u16 = 1;
    /// `IFLA_VRF_MAX`: the highest `IFLA_VRF_*` value.
    #[doc(alias = "IFLA_VRF_MAX")]
    pub const MAX: u16 = 1;
}

/// vrf port attributes (`IFLA_VRF_PORT_*` in `<linux/if_link.h>`), nested in
/// `IFLA_INFO_SLAVE_DATA` of a link whose master is a vrf (`vrf_fill_slave_info()`).
pub mod ifla_vrf_port {
    /// `IFLA_VRF_PORT_UNSPEC`: unused (type 0).
    #[doc(alias = "IFLA_VRF_PORT_UNSPEC")]
    pub const UNSPEC: u16 = 0;
    /// `IFLA_VRF_PORT_TABLE`: `u32` the routing table of the port's VRF.
    #[doc(alias = "IFLA_VRF_PORT_TABLE")]
    pub const TABLE: u16 = 1;
    /// `IFLA_VRF_PORT_MAX`: the highest `IFLA_VRF_PORT_*` value.
    #[doc(alias = "IFLA_VRF_PORT_MAX")]
    pub const MAX: u16 = 1;
}

kind_view!(
    /// A vrf's `IFLA_INFO_DATA` (`IFLA_VRF_*`, `vrf_fillinfo()` in `drivers/net/vrf.c`).
    VrfInfo,
    ifla_vrf::MAX,
    fields {
        /// `IFLA_VRF_TABLE`: the VRF's routing table.
        table: u32 = ifla_vrf::TABLE,
    }
    checked []
);

kind_view!(
    /// A vrf port's `IFLA_INFO_SLAVE_DATA` (`IFLA_VRF_PORT_*`, `vrf_fill_slave_info()` in
    /// `drivers/net/vrf.c`).
    VrfPortInfo,
    ifla_vrf_port::MAX,
    fields {
        /// `IFLA_VRF_PORT_TABLE`: the routing table of the port's VRF.
        table: u32 = ifla_vrf_port::TABLE,
    }
    checked []
);
