//! `RTM_NEWNSID` and friends: `struct rtgenmsg` and the `NETNSA_*` attributes.
//!
//! An nsid is a number one network namespace uses for another (network_namespaces(7)); it
//! appears in `IFLA_LINK_NETNSID` when a veth's peer is elsewhere. See `rtnl_net_fill()` in
//! `net/core/net_namespace.c`.

use crate::index::{AttrIndex, Len, Rule, policy, slots};
use crate::netnsa;
use crate::raw::RtGenMsg;
use crate::view::family_view;

const NSID_SLOTS: usize = slots(netnsa::MAX);
const NSID_POLICY: [Rule; NSID_SLOTS] = policy(&[
    (netnsa::NSID, Len::Min(4)),
    (netnsa::PID, Len::Min(4)),
    (netnsa::FD, Len::Min(4)),
    (netnsa::TARGET_NSID, Len::Min(4)),
    (netnsa::CURRENT_NSID, Len::Min(4)),
]);

family_view! {
    /// An nsid message (`RTM_NEWNSID`, `RTM_DELNSID`, `RTM_GETNSID`): `struct rtgenmsg` and its
    /// `NETNSA_*` attributes, checked and indexed by [`NsidMessage::parse`].
    pub struct NsidMessage: "nsid" {
        /// `struct rtgenmsg`.
        header: RtGenMsg {},
        attrs: AttrIndex<'a, NSID_SLOTS> = NSID_POLICY, "`NETNSA_*`",
    }
}

impl NsidMessage<'_> {
    /// `NETNSA_NSID`: the nsid; `NETNSA_NSID_NOT_ASSIGNED` (-1) when there is none.
    pub fn nsid(&self) -> Option<i32> {
        self.attrs.i32(netnsa::NSID)
    }

    /// `NETNSA_PID`: a process whose namespace is meant (requests).
    pub fn pid(&self) -> Option<u32> {
        self.attrs.u32(netnsa::PID)
    }

    /// `NETNSA_FD`: a namespace file descriptor (requests).
    pub fn fd(&self) -> Option<u32> {
        self.attrs.u32(netnsa::FD)
    }

    /// `NETNSA_TARGET_NSID`: the namespace a request is answered in.
    pub fn target_nsid(&self) -> Option<i32> {
        self.attrs.i32(netnsa::TARGET_NSID)
    }

    /// `NETNSA_CURRENT_NSID`: the nsid of the current namespace in the target's view.
    pub fn current_nsid(&self) -> Option<i32> {
        self.attrs.i32(netnsa::CURRENT_NSID)
    }
}
