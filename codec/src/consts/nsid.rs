//! `<linux/net_namespace.h>`: the attributes of `RTM_NEWNSID` / `RTM_GETNSID` messages.

/// Namespace id attributes (`NETNSA_*` in `<linux/net_namespace.h>`), after `struct rtgenmsg` in `RTM_*NSID` messages.
pub mod netnsa {
    /// `NETNSA_NONE`: a namespace id attribute.
    #[doc(alias = "NETNSA_NONE")]
    pub const NONE: u16 = 0;
    /// `NETNSA_NSID_NOT_ASSIGNED`: a namespace id attribute.
    #[doc(alias = "NETNSA_NSID_NOT_ASSIGNED")]
    pub const NSID_NOT_ASSIGNED: i32 = -1;
    /// `NETNSA_NSID`: a namespace id attribute.
    #[doc(alias = "NETNSA_NSID")]
    pub const NSID: u16 = 1;
    /// `NETNSA_PID`: a namespace id attribute.
    #[doc(alias = "NETNSA_PID")]
    pub const PID: u16 = 2;
    /// `NETNSA_FD`: a namespace id attribute.
    #[doc(alias = "NETNSA_FD")]
    pub const FD: u16 = 3;
    /// `NETNSA_TARGET_NSID`: a namespace id attribute.
    #[doc(alias = "NETNSA_TARGET_NSID")]
    pub const TARGET_NSID: u16 = 4;
    /// `NETNSA_CURRENT_NSID`: a namespace id attribute.
    #[doc(alias = "NETNSA_CURRENT_NSID")]
    pub const CURRENT_NSID: u16 = 5;
    /// `NETNSA_MAX`: the highest `NETNSA_*` value in the 6.1 headers.
    #[doc(alias = "NETNSA_MAX")]
    pub const MAX: u16 = 5;
}
