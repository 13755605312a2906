//! `<linux/if_addr.h>`: address attributes and address flags.

/// Address attributes (`IFA_*` in `<linux/if_addr.h>`), after `struct ifaddrmsg`.
pub mod ifa {
    /// `IFA_UNSPEC`: unused (type 0).
    #[doc(alias = "IFA_UNSPEC")]
    pub const UNSPEC: u16 = 0;
    /// `IFA_ADDRESS`: the prefix address: the same as `IFA_LOCAL` on broadcast links, the peer's
    /// address on point-to-point links.
    #[doc(alias = "IFA_ADDRESS")]
    pub const ADDRESS: u16 = 1;
    /// `IFA_LOCAL`: the local address.
    #[doc(alias = "IFA_LOCAL")]
    pub const LOCAL: u16 = 2;
    /// `IFA_LABEL`: the IPv4 address label, a string such as `eth0:1`.
    #[doc(alias = "IFA_LABEL")]
    pub const LABEL: u16 = 3;
    /// `IFA_BROADCAST`: the IPv4 broadcast address.
    #[doc(alias = "IFA_BROADCAST")]
    pub const BROADCAST: u16 = 4;
    /// `IFA_ANYCAST`: an IPv6 anycast address.
    #[doc(alias = "IFA_ANYCAST")]
    pub const ANYCAST: u16 = 5;
    /// `IFA_CACHEINFO`: `struct ifa_cacheinfo`: preferred and valid lifetimes, creation and update
    /// times.
    #[doc(alias = "IFA_CACHEINFO")]
    pub const CACHEINFO: u16 = 6;
    /// `IFA_MULTICAST`: an IPv6 multicast address.
    #[doc(alias = "IFA_MULTICAST")]
    pub const MULTICAST: u16 = 7;
    /// `IFA_FLAGS`: `u32` `IFA_F_*` flags; extends the 8-bit `ifa_flags`, which cannot hold them
    /// all.
    #[doc(alias = "IFA_FLAGS")]
    pub const FLAGS: u16 = 8;
    /// `IFA_RT_PRIORITY`: `u32` priority (metric) of the prefix route made for the address.
    #[doc(alias = "IFA_RT_PRIORITY")]
    pub const RT_PRIORITY: u16 = 9;
    /// `IFA_TARGET_NETNSID`: `s32` id (nsid) of the namespace to act in, or to dump from.
    #[doc(alias = "IFA_TARGET_NETNSID")]
    pub const TARGET_NETNSID: u16 = 10;
    /// `IFA_PROTO`: `u8` protocol that added the address (`IFAPROT_*`: kernel loopback, router
    /// advertisement, link-local).
    #[doc(alias = "IFA_PROTO")]
    pub const PROTO: u16 = 11;
    /// `IFA_MAX`: the highest `IFA_*` value in the 6.1 headers.
    #[doc(alias = "IFA_MAX")]
    pub const MAX: u16 = 11;
}

/// Address flags (`IFA_F_*` in `<linux/if_addr.h>`): the low 8 bits of `ifaddrmsg.ifa_flags`, all
/// 32 in the `IFA_FLAGS` attribute.
pub mod ifa_f {
    /// `IFA_F_SECONDARY`: a secondary IPv4 address: not the first one of its subnet on the link.
    #[doc(alias = "IFA_F_SECONDARY")]
    pub const SECONDARY: u32 = 0x01;
    /// `IFA_F_TEMPORARY`: an IPv6 temporary (privacy, RFC 8981) address: the same bit as
    /// `IFA_F_SECONDARY`.
    #[doc(alias = "IFA_F_TEMPORARY")]
    pub const TEMPORARY: u32 = 0x01;
    /// `IFA_F_NODAD`: skip duplicate address detection.
    #[doc(alias = "IFA_F_NODAD")]
    pub const NODAD: u32 = 0x02;
    /// `IFA_F_OPTIMISTIC`: optimistic duplicate address detection (RFC 4429).
    #[doc(alias = "IFA_F_OPTIMISTIC")]
    pub const OPTIMISTIC: u32 = 0x04;
    /// `IFA_F_DADFAILED`: duplicate address detection failed.
    #[doc(alias = "IFA_F_DADFAILED")]
    pub const DADFAILED: u32 = 0x08;
    /// `IFA_F_HOMEADDRESS`: a Mobile IPv6 home address.
    #[doc(alias = "IFA_F_HOMEADDRESS")]
    pub const HOMEADDRESS: u32 = 0x10;
    /// `IFA_F_DEPRECATED`: the preferred lifetime expired: not used as a source for new
    /// connections.
    #[doc(alias = "IFA_F_DEPRECATED")]
    pub const DEPRECATED: u32 = 0x20;
    /// `IFA_F_TENTATIVE`: duplicate address detection is not finished.
    #[doc(alias = "IFA_F_TENTATIVE")]
    pub const TENTATIVE: u32 = 0x40;
    /// `IFA_F_PERMANENT`: configured, not learned: no lifetime.
    #[doc(alias = "IFA_F_PERMANENT")]
    pub const PERMANENT: u32 = 0x80;
    /// `IFA_F_MANAGETEMPADDR`: make temporary addresses from this prefix, as for one learned by
    /// autoconfiguration.
    #[doc(alias = "IFA_F_MANAGETEMPADDR")]
    pub const MANAGETEMPADDR: u32 = 0x0100;
    /// `IFA_F_NOPREFIXROUTE`: make no prefix route for the address.
    #[doc(alias = "IFA_F_NOPREFIXROUTE")]
    pub const NOPREFIXROUTE: u32 = 0x0200;
    /// `IFA_F_MCAUTOJOIN`: join the multicast group on the link (and leave it when the address
    /// goes).
    #[doc(alias = "IFA_F_MCAUTOJOIN")]
    pub const MCAUTOJOIN: u32 = 0x0400;
    /// `IFA_F_STABLE_PRIVACY`: a stable privacy address (RFC 7217).
    #[doc(alias = "IFA_F_STABLE_PRIVACY")]
    pub const STABLE_PRIVACY: u32 = 0x0800;
}
