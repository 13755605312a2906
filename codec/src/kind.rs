//! Kind-specific link data: the `IFLA_INFO_DATA` nest of bridges, vxlans, vlans and macvlans.
//!
//! Each view is checked and indexed the same way as [`LinkMessage`](crate::LinkMessage) when the
//! link message is parsed, so its accessors are lookups that cannot fail.

use core::net::IpAddr;

use crate::attr::{Attr, Attrs};
use crate::error::Error;
use crate::index::{AttrIndex, Len, Rule, policy, slots};
use crate::{ifla_br, ifla_macvlan, ifla_vlan, ifla_vxlan};

/// Declares a kind-data view over an indexed nest.
macro_rules! kind_view {
    ($(#[$meta:meta])* $name:ident, $slots:expr, $policy:expr) => {
        $(#[$meta])*
        #[derive(Clone, Debug)]
        pub struct $name<'a> {
            attrs: AttrIndex<'a, { $slots }>,
        }

        impl<'a> $name<'a> {
            const POLICY: [Rule; $slots] = policy(&$policy);

            /// Checks and indexes the nest carried by `data` (`IFLA_INFO_DATA`).
            pub(crate) fn parse(data: Attr<'a>) -> Result<Self, Error> {
                let attrs = AttrIndex::parse(
                    data.payload(),
                    data.offset().saturating_add(4),
                    &Self::POLICY,
                )?;
                Ok($name { attrs })
            }

            /// The attribute of type `ty`, raw.
            pub fn attr(&self, ty: u16) -> Option<Attr<'a>> {
                self.attrs.get(ty)
            }

            /// Every attribute of the nest in order, known or not.
            pub fn attrs(&self) -> Attrs<'a> {
                self.attrs.iter()
            }
        }
    };
}

kind_view!(
    /// A vxlan's `IFLA_INFO_DATA` (`IFLA_VXLAN_*`, `drivers/net/vxlan/vxlan_core.c`).
    VxlanInfo,
    slots(ifla_vxlan::MAX),
    [
        (ifla_vxlan::ID, Len::Min(4)),
        (ifla_vxlan::GROUP, Len::Min(4)),
        (ifla_vxlan::LINK, Len::Min(4)),
        (ifla_vxlan::LOCAL, Len::Min(4)),
        (ifla_vxlan::TTL, Len::Min(1)),
        (ifla_vxlan::TOS, Len::Min(1)),
        (ifla_vxlan::LEARNING, Len::Min(1)),
        (ifla_vxlan::AGEING, Len::Min(4)),
        (ifla_vxlan::LIMIT, Len::Min(4)),
        (ifla_vxlan::PORT_RANGE, Len::Min(4)),
        (ifla_vxlan::PORT, Len::Min(2)),
        (ifla_vxlan::GROUP6, Len::Min(16)),
        (ifla_vxlan::LOCAL6, Len::Min(16)),
        (ifla_vxlan::LABEL, Len::Min(4)),
    ]
);

impl VxlanInfo<'_> {
    /// `IFLA_VXLAN_ID`: the VXLAN network identifier (VNI).
    pub fn id(&self) -> Option<u32> {
        self.attrs.u32(ifla_vxlan::ID)
    }

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

    /// `IFLA_VXLAN_LINK`: index of the underlying device.
    pub fn link(&self) -> Option<u32> {
        self.attrs.u32(ifla_vxlan::LINK)
    }

    /// `IFLA_VXLAN_TTL`: 0 means inherit.
    pub fn ttl(&self) -> Option<u8> {
        self.attrs.u8(ifla_vxlan::TTL)
    }

    /// `IFLA_VXLAN_TOS`: 1 means inherit.
    pub fn tos(&self) -> Option<u8> {
        self.attrs.u8(ifla_vxlan::TOS)
    }

    /// `IFLA_VXLAN_LEARNING`: whether source addresses are learnt into the FDB.
    pub fn learning(&self) -> Option<bool> {
        self.attrs.u8(ifla_vxlan::LEARNING).map(|v| v != 0)
    }

    /// `IFLA_VXLAN_AGEING`: FDB entry lifetime, seconds.
    pub fn ageing(&self) -> Option<u32> {
        self.attrs.u32(ifla_vxlan::AGEING)
    }
}

kind_view!(
    /// A bridge's `IFLA_INFO_DATA` (`IFLA_BR_*`, `net/bridge/br_netlink.c`).
    BridgeInfo,
    slots(ifla_br::MAX),
    [
        (ifla_br::FORWARD_DELAY, Len::Min(4)),
        (ifla_br::HELLO_TIME, Len::Min(4)),
        (ifla_br::MAX_AGE, Len::Min(4)),
        (ifla_br::AGEING_TIME, Len::Min(4)),
        (ifla_br::STP_STATE, Len::Min(4)),
        (ifla_br::PRIORITY, Len::Min(2)),
        (ifla_br::VLAN_FILTERING, Len::Min(1)),
        (ifla_br::VLAN_PROTOCOL, Len::Min(2)),
        (ifla_br::VLAN_DEFAULT_PVID, Len::Min(2)),
        (ifla_br::GROUP_FWD_MASK, Len::Min(2)),
        (ifla_br::ROOT_PORT, Len::Min(2)),
        (ifla_br::ROOT_PATH_COST, Len::Min(4)),
        (ifla_br::MCAST_SNOOPING, Len::Min(1)),
    ]
);

impl BridgeInfo<'_> {
    /// `IFLA_BR_FORWARD_DELAY`, in hundredths of a second (clock_t).
    pub fn forward_delay(&self) -> Option<u32> {
        self.attrs.u32(ifla_br::FORWARD_DELAY)
    }

    /// `IFLA_BR_HELLO_TIME`, in hundredths of a second.
    pub fn hello_time(&self) -> Option<u32> {
        self.attrs.u32(ifla_br::HELLO_TIME)
    }

    /// `IFLA_BR_MAX_AGE`, in hundredths of a second.
    pub fn max_age(&self) -> Option<u32> {
        self.attrs.u32(ifla_br::MAX_AGE)
    }

    /// `IFLA_BR_AGEING_TIME`, in hundredths of a second.
    pub fn ageing_time(&self) -> Option<u32> {
        self.attrs.u32(ifla_br::AGEING_TIME)
    }

    /// `IFLA_BR_STP_STATE`: 0 off, 1 kernel STP, 2 user-space STP.
    pub fn stp_state(&self) -> Option<u32> {
        self.attrs.u32(ifla_br::STP_STATE)
    }

    /// `IFLA_BR_PRIORITY`: the bridge priority.
    pub fn priority(&self) -> Option<u16> {
        self.attrs.u16(ifla_br::PRIORITY)
    }

    /// `IFLA_BR_VLAN_FILTERING`.
    pub fn vlan_filtering(&self) -> Option<bool> {
        self.attrs.u8(ifla_br::VLAN_FILTERING).map(|v| v != 0)
    }

    /// `IFLA_BR_VLAN_PROTOCOL`: the VLAN ethertype, 0x8100 or 0x88a8 (sent big-endian).
    pub fn vlan_protocol(&self) -> Option<u16> {
        self.attrs.be16(ifla_br::VLAN_PROTOCOL)
    }

    /// `IFLA_BR_VLAN_DEFAULT_PVID`.
    pub fn vlan_default_pvid(&self) -> Option<u16> {
        self.attrs.u16(ifla_br::VLAN_DEFAULT_PVID)
    }

    /// `IFLA_BR_MCAST_SNOOPING`.
    pub fn mcast_snooping(&self) -> Option<bool> {
        self.attrs.u8(ifla_br::MCAST_SNOOPING).map(|v| v != 0)
    }
}

kind_view!(
    /// A vlan's `IFLA_INFO_DATA` (`IFLA_VLAN_*`, `net/8021q/vlan_netlink.c`).
    VlanInfo,
    slots(ifla_vlan::MAX),
    [
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

kind_view!(
    /// A macvlan's `IFLA_INFO_DATA` (`IFLA_MACVLAN_*`, `drivers/net/macvlan.c`).
    MacvlanInfo,
    slots(ifla_macvlan::MAX),
    [
        (ifla_macvlan::MODE, Len::Min(4)),
        (ifla_macvlan::FLAGS, Len::Min(2)),
    ]
);

impl MacvlanInfo<'_> {
    /// `IFLA_MACVLAN_MODE`: `MACVLAN_MODE_*` (private, vepa, bridge, passthru, source).
    pub fn mode(&self) -> Option<u32> {
        self.attrs.u32(ifla_macvlan::MODE)
    }

    /// `IFLA_MACVLAN_FLAGS`: `MACVLAN_FLAG_*`.
    pub fn flags(&self) -> Option<u16> {
        self.attrs.u16(ifla_macvlan::FLAGS)
    }
}
