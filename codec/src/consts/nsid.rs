//! `<linux/net_namespace.h>`: the attributes of `RTM_NEWNSID` / `RTM_GETNSID` messages.

/// Namespace id attributes (`NETNSA_*` in `<linux/net_namespace.h>`), after `struct rtgenmsg` in
/// `RTM_*NSID` messages.
pub mod netnsa {
    /// `NETNSA_NONE`: unused (type 0).
    #[doc(alias = "NETNSA_NONE")]
    pub const NONE: u16 = 0;
    /// `NETNSA_NSID_NOT_ASSIGNED`: the `NETNSA_NSID` value meaning no id: in replies, none is
    /// assigned; in `RTM_NEWNSID`, let the kernel choose.
    #[doc(alias = "NETNSA_NSID_NOT_ASSIGNED")]
    pub const NSID_NOT_ASSIGNED: i32 = -1;
    /// `NETNSA_NSID`: `s32` the namespace id (nsid).
    #[doc(alias = "NETNSA_NSID")]
    pub const NSID: u16 = 1;
    /// `NETNSA_PID`: `u32` a process id whose network namespace is meant.
    #[doc(alias = "NETNSA_PID")]
    pub const PID: u16 = 2;
    /// `NETNSA_FD`: `u32` a file descriptor of the network namespace meant.
    #[doc(alias = "NETNSA_FD")]
    pub const FD: u16 = 3;
    /// `NETNSA_TARGET_NSID`: `s32` id of the namespace in which to look up or dump ids, instead of
    /// the current one.
    #[doc(alias = "NETNSA_TARGET_NSID")]
    pub const TARGET_NSID: u16 = 4;
    /// `NETNSA_CURRENT_NSID`: `s32` in replies to a request with `NETNSA_TARGET_NSID`: the id of
    /// the same namespace as seen from the current one.
    #[doc(alias = "NETNSA_CURRENT_NSID")]
    pub const CURRENT_NSID: u16 = 5;
    /// `NETNSA_MAX`: the highest `NETNSA_*` value in the 6.1 headers.
    #[doc(alias = "NETNSA_MAX")]
    pub const MAX: u16 = 5;
}
