//! `<linux/if_addr.h>`: address attributes and address flags.

/// Address attributes (`IFA_*` in `<linux/if_addr.h>`), after `struct ifaddrmsg`.
pub mod ifa {
    /// `IFA_UNSPEC`: an address attribute.
    #[doc(alias = "IFA_UNSPEC")]
    pub const UNSPEC: u16 = 0;
    /// `IFA_ADDRESS`: an address attribute.
    #[doc(alias = "IFA_ADDRESS")]
    pub const ADDRESS: u16 = 1;
    /// `IFA_LOCAL`: an address attribute.
    #[doc(alias = "IFA_LOCAL")]
    pub const LOCAL: u16 = 2;
    /// `IFA_LABEL`: an address attribute.
    #[doc(alias = "IFA_LABEL")]
    pub const LABEL: u16 = 3;
    /// `IFA_BROADCAST`: an address attribute.
    #[doc(alias = "IFA_BROADCAST")]
    pub const BROADCAST: u16 = 4;
    /// `IFA_ANYCAST`: an address attribute.
    #[doc(alias = "IFA_ANYCAST")]
    pub const ANYCAST: u16 = 5;
    /// `IFA_CACHEINFO`: an address attribute.
    #[doc(alias = "IFA_CACHEINFO")]
    pub const CACHEINFO: u16 = 6;
    /// `IFA_MULTICAST`: an address attribute.
    #[doc(alias = "IFA_MULTICAST")]
    pub const MULTICAST: u16 = 7;
    /// `IFA_FLAGS`: an address attribute.
    #[doc(alias = "IFA_FLAGS")]
    pub const FLAGS: u16 = 8;
    /// `IFA_RT_PRIORITY`: u32, priority/metric for prefix route.
    #[doc(alias = "IFA_RT_PRIORITY")]
    pub const RT_PRIORITY: u16 = 9;
    /// `IFA_TARGET_NETNSID`: an address attribute.
    #[doc(alias = "IFA_TARGET_NETNSID")]
    pub const TARGET_NETNSID: u16 = 10;
    /// `IFA_PROTO`: u8, address protocol.
    #[doc(alias = "IFA_PROTO")]
    pub const PROTO: u16 = 11;
    /// `IFA_MAX`: the highest `IFA_*` value in the 6.1 headers.
    #[doc(alias = "IFA_MAX")]
    pub const MAX: u16 = 11;
}

/// Address flags (`IFA_F_*` in `<linux/if_addr.h>`): the low 8 bits of `ifaddrmsg.ifa_flags`, all 32 in the `IFA_FLAGS` attribute.
pub mod ifa_f {
    /// `IFA_F_SECONDARY`: an address flag.
    #[doc(alias = "IFA_F_SECONDARY")]
    pub const SECONDARY: u32 = 0x01;
    /// `IFA_F_TEMPORARY`: an address flag.
    #[doc(alias = "IFA_F_TEMPORARY")]
    pub const TEMPORARY: u32 = 0x01;
    /// `IFA_F_NODAD`: an address flag.
    #[doc(alias = "IFA_F_NODAD")]
    pub const NODAD: u32 = 0x02;
    /// `IFA_F_OPTIMISTIC`: an address flag.
    #[doc(alias = "IFA_F_OPTIMISTIC")]
    pub const OPTIMISTIC: u32 = 0x04;
    /// `IFA_F_DADFAILED`: an address flag.
    #[doc(alias = "IFA_F_DADFAILED")]
    pub const DADFAILED: u32 = 0x08;
    /// `IFA_F_HOMEADDRESS`: an address flag.
    #[doc(alias = "IFA_F_HOMEADDRESS")]
    pub const HOMEADDRESS: u32 = 0x10;
    /// `IFA_F_DEPRECATED`: an address flag.
    #[doc(alias = "IFA_F_DEPRECATED")]
    pub const DEPRECATED: u32 = 0x20;
    /// `IFA_F_TENTATIVE`: an address flag.
    #[doc(alias = "IFA_F_TENTATIVE")]
    pub const TENTATIVE: u32 = 0x40;
    /// `IFA_F_PERMANENT`: an address flag.
    #[doc(alias = "IFA_F_PERMANENT")]
    pub const PERMANENT: u32 = 0x80;
    /// `IFA_F_MANAGETEMPADDR`: an address flag.
    #[doc(alias = "IFA_F_MANAGETEMPADDR")]
    pub const MANAGETEMPADDR: u32 = 0x0100;
    /// `IFA_F_NOPREFIXROUTE`: an address flag.
    #[doc(alias = "IFA_F_NOPREFIXROUTE")]
    pub const NOPREFIXROUTE: u32 = 0x0200;
    /// `IFA_F_MCAUTOJOIN`: an address flag.
    #[doc(alias = "IFA_F_MCAUTOJOIN")]
    pub const MCAUTOJOIN: u32 = 0x0400;
    /// `IFA_F_STABLE_PRIVACY`: an address flag.
    #[doc(alias = "IFA_F_STABLE_PRIVACY")]
    pub const STABLE_PRIVACY: u32 = 0x0800;
}
