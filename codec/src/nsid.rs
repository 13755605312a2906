//! `RTM_NEWNSID` and friends: `struct rtgenmsg` and the `NETNSA_*` attributes.
//!
//! An nsid is a number one network namespace uses for another (network_namespaces(7)); it
//! appears in `IFLA_LINK_NETNSID` when a veth's peer is elsewhere. See `rtnl_net_fill()` in
//! `net/core/net_namespace.c`.

use crate::attr::{Attr, Attrs};
use crate::error::Error;
use crate::index::{AttrIndex, Len, Rule, policy, slots};
use crate::message::{Message, family_header};
use crate::netnsa;
use crate::raw::RtGenMsg;
use crate::view::View;

const NSID_SLOTS: usize = slots(netnsa::MAX);
const NSID_POLICY: [Rule; NSID_SLOTS] = policy(&[
    (netnsa::NSID, Len::Min(4)),
    (netnsa::PID, Len::Min(4)),
    (netnsa::FD, Len::Min(4)),
    (netnsa::TARGET_NSID, Len::Min(4)),
    (netnsa::CURRENT_NSID, Len::Min(4)),
]);

/// An nsid message (`RTM_NEWNSID`, `RTM_DELNSID`, `RTM_GETNSID`): `struct rtgenmsg` and its
/// `NETNSA_*` attributes, checked and indexed by [`NsidMessage::parse`].
#[derive(Clone, Debug)]
pub struct NsidMessage<'a> {
    message: Message<'a>,
    header: &'a RtGenMsg,
    attrs: AttrIndex<'a, NSID_SLOTS>,
}

impl<'a> NsidMessage<'a> {
    /// Checks `message` is a well-formed nsid message and indexes its attributes.
    pub fn parse(message: Message<'a>) -> Result<Self, Error> {
        message.expect_types(<Self as View<'a>>::FIRST, <Self as View<'a>>::LAST)?;
        let (header, attrs, offset) = family_header::<RtGenMsg>(&message)?;
        let attrs = AttrIndex::parse(attrs, offset, &NSID_POLICY)?;
        Ok(NsidMessage {
            message,
            header,
            attrs,
        })
    }

    /// The message this view was made from.
    pub const fn message(&self) -> Message<'a> {
        self.message
    }

    /// `struct rtgenmsg`.
    pub const fn header(&self) -> &'a RtGenMsg {
        self.header
    }

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

    /// The attribute of type `ty` (`NETNSA_*`), raw.
    pub fn attr(&self, ty: u16) -> Option<Attr<'a>> {
        self.attrs.get(ty)
    }

    /// Every attribute in order, known or not.
    pub fn attrs(&self) -> Attrs<'a> {
        self.attrs.iter()
    }
}
