//! Link kinds: for each kind this crate knows, one file with all of it, as iproute2 keeps a
//! kind's parser and printer in one `ip/iplink_KIND.c`: the kind's constants (`IFLA_BR_*`,
//! `IFLA_MACVLAN_*`, ... of `<linux/if_link.h>`), the view of its `IFLA_INFO_DATA` (or a port's
//! `IFLA_INFO_SLAVE_DATA`) and the further options its requests send. In the codec, a new
//! option of a kind is written in its file alone: its number, its accessor, its variant and
//! bytes.
//!
//! Each view is checked and indexed the same way as [`LinkMessage`](crate::LinkMessage) when the
//! link message is parsed, so its accessors are lookups that cannot fail.
//!
//! The constants are re-exported at the crate's root with the others (`rtnl_codec::ifla_br`),
//! the views too (`rtnl_codec::BridgeInfo`), the option lists in [`request`](crate::request)
//! (`rtnl_codec::request::BridgeOpt`).

mod bridge;
mod ipvlan;
mod macvlan;
mod tun;
mod vlan;
mod vrf;
mod vxlan;

pub use bridge::{BoolOpts, BridgeId, BridgeInfo, BridgeOpt, BridgePortInfo, BridgePortOpt};
pub use bridge::{ifla_br, ifla_brport};
pub use ipvlan::{IpvlanInfo, ifla_ipvlan, ipvlan_flag, ipvlan_mode};
pub use macvlan::{MacvlanInfo, MacvlanOpt};
pub use macvlan::{ifla_macvlan, macvlan_flag, macvlan_macaddr, macvlan_mode};
pub use tun::{TunInfo, ifla_tun};
pub use vlan::{VlanInfo, ifla_vlan, vlan_flag};
pub use vrf::{VrfInfo, VrfPortInfo, ifla_vrf, ifla_vrf_port};
pub use vxlan::{VxlanInfo, VxlanOpt, ifla_vxlan};

pub(crate) use bridge::{put_bridge, put_bridge_port};

use crate::index::Len;

/// A fixed-size value read from the start of an attribute's payload: what a kind view's
/// accessor returns, and the least payload its policy accepts.
trait Field: Sized {
    /// The payload an attribute must have for this value (its size).
    const LEN: Len;
    /// The value from a payload the policy accepted.
    fn read(payload: &[u8]) -> Option<Self>;
}

macro_rules! field_int {
    ($($ty:ty),*) => {$(
        impl Field for $ty {
            #[allow(clippy::cast_possible_truncation)] // sizes of 1 to 8 bytes
            const LEN: Len = Len::Min(size_of::<$ty>() as u8);
            fn read(payload: &[u8]) -> Option<Self> {
                payload.first_chunk().copied().map(<$ty>::from_ne_bytes)
            }
        }
    )*};
}
field_int!(u8, u16, u32, u64);

impl Field for bool {
    const LEN: Len = Len::Min(1);
    fn read(payload: &[u8]) -> Option<Self> {
        payload.first().map(|&b| b != 0)
    }
}

/// Declares a kind-data view over an indexed nest: its typed fields (each an accessor, checked
/// by the policy for its size) and the other attributes the policy checks (read by hand).
macro_rules! kind_view {
    (
        $(#[$meta:meta])* $name:ident, $max:expr,
        fields { $( $(#[$fmeta:meta])* $field:ident: $ty:ty = $attr:expr, )* }
        checked [ $( ($cattr:expr, $clen:expr), )* ]
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug)]
        pub struct $name<'a> {
            attrs: $crate::index::AttrIndex<'a, { $crate::index::slots($max) }>,
        }

        impl<'a> $name<'a> {
            const POLICY: [$crate::index::Rule; $crate::index::slots($max)] =
                $crate::index::policy(&[
                $( ($attr, <$ty as $crate::kind::Field>::LEN), )*
                $( ($cattr, $clen), )*
            ]);

            /// Checks and indexes the nest carried by `data` (`IFLA_INFO_DATA` or
            /// `IFLA_INFO_SLAVE_DATA`).
            pub(crate) fn parse(
                data: $crate::attr::Attr<'a>,
            ) -> Result<Self, $crate::error::Error> {
                let attrs = $crate::index::AttrIndex::parse(
                    data.payload(),
                    data.offset().saturating_add(4),
                    &Self::POLICY,
                )?;
                Ok($name { attrs })
            }

            $crate::index::raw_attrs!();

            $(
                $(#[$fmeta])*
                #[inline]
                pub fn $field(&self) -> Option<$ty> {
                    self.attrs.bytes($attr).and_then(<$ty as $crate::kind::Field>::read)
                }
            )*
        }
    };
}
// Imported by path (`use super::kind_view`), so the kind modules need not follow the macro.
pub(crate) use kind_view;
