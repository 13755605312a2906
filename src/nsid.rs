//! Namespace ids: `ip netns set NAME NSID|auto`, the id column of `ip netns list`, and `ip
//! netns list-id`.
//!
//! An nsid is the number this namespace uses for another one (network_namespaces(7)): what
//! `IFLA_LINK_NETNSID` says about a veth peer that lives there, and what events from there
//! carry. A namespace has no id here until one is set, or until the kernel picks one because it
//! needs to name it (moving a veth end there, say).
//!
//! ```no_run
//! use rtnl_ip::{Handle, NetnsRef, NsidValue};
//!
//! let mut handle = Handle::new()?;
//! let id = handle.nsid_set(NetnsRef::name("blue"), NsidValue::Auto)?;
//! assert_eq!(handle.nsid_get(NetnsRef::name("blue"))?, Some(id));
//! # Ok::<(), rtnl_ip::Error>(())
//! ```

use std::os::fd::{AsFd, AsRawFd};

use rtnl_codec::{NsidMessage, rtnlgrp};
use rtnl_codec::request::{self, Netns, NsidDump};

use crate::monitor::{Group, MonitorFamily, MonitorGroups};
use crate::dump::Everything;
use crate::error::{Error, ErrorKind, Result};
use crate::handle::{Handle, NetnsRef};
use crate::model::Nsid;

/// The id [`Handle::nsid_set`] gives a namespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NsidValue {
    /// This number (0 to `i32::MAX`).
    Number(i32),
    /// The lowest free number, picked by the kernel (`auto`: `NETNSA_NSID` -1).
    Auto,
}

impl Handle {
    /// `RTM_GETNSID` with `NETNSA_FD`: the id this namespace has for `netns`, or `None` when it
    /// has none, like the `(id: N)` of `ip netns list`.
    ///
    /// # Errors
    /// A namespace that cannot be opened (`ENOENT` for an unknown name, in the handle's run
    /// dir); a refused request.
    pub fn nsid_get(&mut self, netns: NetnsRef<'_>) -> Result<Option<i32>> {
        const OP: &str = "get nsid";
        let fd = self.open_netns(netns)?;
        let raw = fd.as_fd().as_raw_fd();
        let nsid = self.get(
            OP,
            netns,
            |buf| request::nsid_get(buf, 0, Netns::Fd(raw)),
            |reply| NsidMessage::parse(reply).map(|m| m.nsid()),
        )?;
        // NETNSA_NSID_NOT_ASSIGNED (-1), or no attribute at all: no id.
        Ok(nsid.filter(|&nsid| nsid >= 0))
    }

    /// `RTM_NEWNSID` with `NETNSA_FD` and `NETNSA_NSID`: gives `netns` an id here, a number
    /// or the lowest free one, like `ip netns set NAME NSID|auto`. Returns the id it now has
    /// (for [`NsidValue::Auto`] read back with an `RTM_GETNSID`).
    ///
    /// A namespace keeps the id it was first given; setting another fails with `EEXIST`.
    ///
    /// # Errors
    /// `EEXIST` when `netns` has an id already or the number is taken
    /// (`Error: Peer netns already has a nsid assigned.`, `Error: The specified nsid is
    /// already used.`); [`ErrorKind::Invalid`] for a negative number; a namespace that cannot
    /// be opened.
    pub fn nsid_set(&mut self, netns: NetnsRef<'_>, value: NsidValue) -> Result<i32> {
        const OP: &str = "set nsid";
        let nsid = match value {
            NsidValue::Auto => None,
            NsidValue::Number(n) => Some(u32::try_from(n).map_err(|_| {
                Error::new(
                    OP,
                    Some(netns.to_string()),
                    ErrorKind::Invalid("an nsid is a number from 0 to 2147483647, or auto"),
                )
            })?),
        };
        let fd = self.open_netns(netns)?;
        let raw = fd.as_fd().as_raw_fd();
        self.ack(OP, netns, |buf| {
            request::nsid_new(buf, 0, Netns::Fd(raw), nsid)
        })?;
        match value {
            NsidValue::Number(n) => Ok(n),
            NsidValue::Auto => self.nsid_get(netns)?.ok_or_else(|| {
                Error::new(
                    OP,
                    Some(netns.to_string()),
                    ErrorKind::Invalid("the kernel assigned no nsid"),
                )
            }),
        }
    }

    /// `RTM_GETNSID` dump: every id this namespace has given, like `ip netns list-id`.
    ///
    /// [`Nsid::name`] is left `None`: which named namespace an id belongs to is found by
    /// asking [`Handle::nsid_get`] of each name.
    ///
    /// # Errors
    /// A failed dump.
    pub fn nsids(&mut self) -> Result<Vec<Nsid>> {
        self.select_owned(&Everything("list nsids", &NsidDump::default()))
    }
}

impl MonitorGroups {
    /// `RTNLGRP_NSID`: nsids assigned and released (`RTM_NEWNSID`, `RTM_DELNSID`).
    pub const NSID: Self = Self::bit(5);
}

/// `ip monitor nsid`: one group, and every nsid in a resync.
impl MonitorFamily for NsidMessage<'_> {
    const OBJECT: &'static str = "nsid";
    const GROUPS: &'static [Group] = &[Group {
        flag: MonitorGroups::NSID,
        name: "NSID",
        rtnlgrp: rtnlgrp::NSID,
        family: None,
        resync: |m, f| m.resync_dump("dump nsids", &NsidDump::default(), f),
    }];
}
