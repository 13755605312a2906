//! Namespace id requests: `RTM_NEWNSID`, `RTM_GETNSID` and the nsid dump, as `ip netns set`,
//! `ip netns list` and `ip netns list-id` send them (`ip/ipnetns.c`).
//!
//! An nsid is the number this namespace uses for another one (network_namespaces(7)); it is
//! what `IFLA_LINK_NETNSID` says about a veth peer that lives elsewhere.

use super::{Netns, REQUEST_ACK, REQUEST_DUMP, put_netns};
use crate::builder::MessageBuilder;
use crate::error::Error;
use crate::nsid::NsidMessage;
use crate::view::Dump;
use crate::raw::RtGenMsg;
use crate::{netnsa, nlm_f, rtm};

/// Writes `RTM_NEWNSID`: gives namespace `netns` the id `nsid` here (`ip netns set NAME
/// NSID|auto`).
///
/// Flags `NLM_F_REQUEST | NLM_F_ACK`. `struct rtgenmsg` (family `AF_UNSPEC`, padded to 4
/// bytes), then `NETNSA_FD` or `NETNSA_PID`, then `NETNSA_NSID`: `nsid`, or
/// `NETNSA_NSID_NOT_ASSIGNED` (-1) when `None`, which lets the kernel pick the lowest free id.
/// A namespace keeps the first id it is given: `EEXIST` otherwise.
///
/// # Errors
///
/// [`Error::InvalidValue`] for a negative fd (`NETNSA_FD`) or an nsid above `i32::MAX`
/// (`NETNSA_NSID`); [`Error::BufferFull`] when `buf` is too small.
pub fn nsid_new(
    buf: &mut [u8],
    seq: u32,
    netns: Netns,
    nsid: Option<u32>,
) -> Result<MessageBuilder<'_>, Error> {
    let nsid = match nsid {
        None => netnsa::NSID_NOT_ASSIGNED,
        Some(nsid) => {
            i32::try_from(nsid).map_err(|_| Error::InvalidValue { attr: netnsa::NSID })?
        }
    };
    let mut b = MessageBuilder::new(buf, rtm::NEWNSID, REQUEST_ACK, seq)?;
    b.header(&RtGenMsg::default())?;
    put_netns(&mut b, netns, netnsa::FD, netnsa::PID)?;
    b.put_i32(netnsa::NSID, nsid)?;
    Ok(b)
}

/// Writes `RTM_GETNSID` for one namespace: its id here, if it has one (`ip netns list`).
///
/// Flags `NLM_F_REQUEST`: the kernel answers with one `RTM_NEWNSID` whose `NETNSA_NSID` is -1
/// when no id is assigned. `struct rtgenmsg`, then `NETNSA_FD` or `NETNSA_PID`.
///
/// # Errors
///
/// [`Error::InvalidValue`] for a negative fd (`NETNSA_FD`); [`Error::BufferFull`] when `buf`
/// is too small.
pub fn nsid_get(buf: &mut [u8], seq: u32, netns: Netns) -> Result<MessageBuilder<'_>, Error> {
    let mut b = MessageBuilder::new(buf, rtm::GETNSID, nlm_f::REQUEST, seq)?;
    b.header(&RtGenMsg::default())?;
    put_netns(&mut b, netns, netnsa::FD, netnsa::PID)?;
    Ok(b)
}

/// The nsid dump (`ip netns list-id [target-nsid T]`); [`nsid_dump`] writes its header.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct NsidDump {
    /// `NETNSA_TARGET_NSID`: list the ids that the namespace this one calls `T` has given,
    /// each with the id this namespace has for the same peer (`NETNSA_CURRENT_NSID`), instead
    /// of this namespace's own ids.
    pub target_nsid: Option<i32>,
}

/// Writes `RTM_GETNSID` with `NLM_F_DUMP`: every id assigned here (`ip netns list-id`).
///
/// Flags `NLM_F_REQUEST | NLM_F_DUMP`; `struct rtgenmsg` only. `NETNSA_TARGET_NSID` (dump
/// another namespace's ids) can be appended to the returned builder.
///
/// # Errors
///
/// [`Error::BufferFull`] when `buf` is too small.
pub fn nsid_dump(buf: &mut [u8], seq: u32) -> Result<MessageBuilder<'_>, Error> {
    let mut b = MessageBuilder::new(buf, rtm::GETNSID, REQUEST_DUMP, seq)?;
    b.header(&RtGenMsg::default())?;
    Ok(b)
}

impl Dump for NsidDump {
    type Reply<'a> = NsidMessage<'a>;

    fn write<'b>(&self, buf: &'b mut [u8], seq: u32) -> Result<MessageBuilder<'b>, Error> {
        let mut b = nsid_dump(buf, seq)?;
        if let Some(target) = self.target_nsid {
            b.put_i32(netnsa::TARGET_NSID, target)?;
        }
        Ok(b)
    }
}
