//! The `tun` kind (tun and tap devices, `ip tuntap`): its attributes (`IFLA_TUN_*`) and the
//! view of its `IFLA_INFO_DATA` (`tun_fill_info()` in `drivers/net/tun.c`).

use super::kind_view;

/// tun/tap attributes (`IFLA_TUN_*` in `<linux/if_link.h>`), nested in `IFLA_INFO_DATA` of a
/// `tun` link (`drivers/net/tun.c`'s `tun_fill_info()`).
pub mod ifla_tun {
    /// `IFLA_TUN_UNSPEC`.
    #[doc(alias = "IFLA_TUN_UNSPEC")]
    pub const UNSPEC: u16 = 0;
    /// `IFLA_TUN_OWNER`: `u32` uid allowed to attach, when one is set.
    #[doc(alias = "IFLA_TUN_OWNER")]
    pub const OWNER: u16 = 1;
    /// `IFLA_TUN_GROUP`: `u32` gid allowed to attach, when one is set.
    #[doc(alias = "IFLA_TUN_GROUP")]
    pub const GROUP: u16 = 2;
    /// `IFLA_TUN_TYPE`: `u8` `IFF_TUN` (1) or `IFF_TAP` (2).
    #[doc(alias = "IFLA_TUN_TYPE")]
    pub const TYPE: u16 = 3;
    /// `IFLA_TUN_PI`: `u8`, packets carry `struct tun_pi`.
    #[doc(alias = "IFLA_TUN_PI")]
    pub const PI: u16 = 4;
    /// `IFLA_TUN_VNET_HDR`: `u8`, packets carry `struct virtio_net_hdr`.
    #[doc(alias = "IFLA_TUN_VNET_HDR")]
    pub const VNET_HDR: u16 = 5;
    /// `IFLA_TUN_PERSIST`: `u8`, the device outlives its last file descriptor.
    #[doc(alias = "IFLA_TUN_PERSIST")]
    pub const PERSIST: u16 = 6;
    /// `IFLA_TUN_MULTI_QUEUE`: `u8`, one queue per file descriptor.
    #[doc(alias = "IFLA_TUN_MULTI_QUEUE")]
    pub const MULTI_QUEUE: u16 = 7;
    /// `IFLA_TUN_NUM_QUEUES`: `u32` queues attached.
    #[doc(alias = "IFLA_TUN_NUM_QUEUES")]
    pub const NUM_QUEUES: u16 = 8;
    /// `IFLA_TUN_NUM_DISABLED_QUEUES`: `u32` queues detached.
    #[doc(alias = "IFLA_TUN_NUM_DISABLED_QUEUES")]
    pub const NUM_DISABLED_QUEUES: u16 = 9;
    /// `IFLA_TUN_MAX`: the highest `IFLA_TUN_*` value in the 6.1 headers.
    #[doc(alias = "IFLA_TUN_MAX")]
    pub const MAX: u16 = 9;
}

kind_view!(
    /// A tun/tap device's `IFLA_INFO_DATA` (`IFLA_TUN_*`, `tun_fill_info()` in
    /// `drivers/net/tun.c`).
    TunInfo,
    ifla_tun::MAX,
    fields {
        /// `IFLA_TUN_OWNER`: the uid allowed to attach, when one is set.
        owner: u32 = ifla_tun::OWNER,
        /// `IFLA_TUN_GROUP`: the gid allowed to attach, when one is set.
        group: u32 = ifla_tun::GROUP,
        /// `IFLA_TUN_TYPE`: `IFF_TUN` (1) or `IFF_TAP` (2).
        tun_type: u8 = ifla_tun::TYPE,
        /// `IFLA_TUN_PI`: packets carry `struct tun_pi`.
        pi: bool = ifla_tun::PI,
        /// `IFLA_TUN_VNET_HDR`: packets carry a virtio-net header.
        vnet_hdr: bool = ifla_tun::VNET_HDR,
        /// `IFLA_TUN_PERSIST`: the device outlives its last file descriptor.
        persist: bool = ifla_tun::PERSIST,
        /// `IFLA_TUN_MULTI_QUEUE`: one queue per file descriptor.
        multi_queue: bool = ifla_tun::MULTI_QUEUE,
        /// `IFLA_TUN_NUM_QUEUES`: queues attached.
        num_queues: u32 = ifla_tun::NUM_QUEUES,
        /// `IFLA_TUN_NUM_DISABLED_QUEUES`: queues detached.
        num_disabled_queues: u32 = ifla_tun::NUM_DISABLED_QUEUES,
    }
    checked []
);
