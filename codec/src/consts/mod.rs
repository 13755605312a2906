//! Constants from the Linux uapi headers, grouped by family and named as the kernel names them
//! without the family prefix: `IFLA_IFNAME` is [`ifla::IFNAME`], `RTM_NEWLINK` is [`rtm::NEWLINK`].
//!
//! Values are copied from `/usr/include/linux/*.h` (netlink.h, rtnetlink.h, if_link.h,
//! if_addr.h, veth.h, net_namespace.h, neighbour.h, if_arp.h, if_bridge.h) and from newer kernels
//! where noted. Each constant's documentation names its C macro or enumerator, which is also a
//! `#[doc(alias)]`, so searching the docs for `IFLA_IFNAME` finds it.

mod netlink;
mod rtnetlink;

pub use netlink::*;
pub use rtnetlink::*;

/// The constants of each family that has its own header (`consts NAME` in the family list).
macro_rules! family_consts {
    ($($(#[$doc:meta])* $variant:ident($view:ident, $dump:ty) in $module:ident
        [$get:path; $new:path, $del:path, $last:path] $(consts $consts:ident)?;)*) => {
        $($(
            mod $consts;
            pub use $consts::*;
        )?)*
    };
}
families!(family_consts);
