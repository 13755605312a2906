//! Neighbours: `ip neigh add / replace / change / del / get / show / flush`, and bridge
//! forwarding database entries (`AF_BRIDGE`).
//!
//! An entry is described by a [`NeighbourSpec`] (the device and the codec's
//! [`request::Neighbour`]) and sent with [`Handle::neigh_add`], [`Handle::neigh_replace`],
//! [`Handle::neigh_change`] or [`Handle::neigh_del`]; [`Handle::neighbours`] and
//! [`Handle::for_each_neighbour`] read entries back, filtered by a [`NeighbourFilter`];
//! [`Handle::neigh_flush`] removes what a filter keeps.
//!
//! ```no_run
//! use rtnl_ip::{Handle, NeighbourFilter, NeighbourSpec};
//!
//! let mut handle = Handle::new()?;
//! let mac = [2, 0, 0, 0, 0, 2];
//! handle.neigh_add(&NeighbourSpec::new("v0", "192.0.2.2".parse()?).lladdr(&mac))?;
//! for n in handle.neighbours(&NeighbourFilter::new().dev("v0"))? {
//!     println!("{:?} {:02x?}", n.destination, n.lladdr);
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::net::IpAddr;

use rtnl_codec::raw::NdaCacheinfo;
use rtnl_codec::request::{self, LinkRef, NeighbourDump, NeighbourGet, NewMode};
use rtnl_codec::{NeighbourMessage, af, ntf, ntf_ext, nud, rtnlgrp};
use rustix::io::Errno;

use crate::monitor::{Group, MonitorFamily, MonitorGroups};
use crate::dump::{DumpRow, Select};
use crate::error::Result;
use crate::handle::Handle;
use crate::model::FromView;
use crate::vocab::{Family, IpPrefix};

/// A neighbour entry, as `ip neigh show` and `bridge fdb show` describe it (`RTM_NEWNEIGH`),
/// copied out of a [`NeighbourMessage`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Neighbour {
    /// `ndm_family`: `AF_INET`, `AF_INET6` or `AF_BRIDGE`.
    pub family: u8,
    /// `ndm_ifindex`: the link.
    pub index: u32,
    /// `ndm_state`: `NUD_*`.
    pub state: u16,
    /// `ndm_flags`: `NTF_*`.
    pub flags: u8,
    /// `NDA_FLAGS_EXT`: `NTF_EXT_*` (0 when absent).
    pub ext_flags: u32,
    /// `ndm_type`: `RTN_*`.
    pub kind: u8,
    /// `NDA_DST`.
    pub destination: Option<IpAddr>,
    /// `NDA_LLADDR`.
    pub lladdr: Option<Vec<u8>>,
    /// `NDA_CACHEINFO`: ticks since confirmed, used, updated; references.
    pub cacheinfo: Option<NdaCacheinfo>,
    /// `NDA_PROBES`.
    pub probes: Option<u32>,
    /// `NDA_VLAN` (FDB).
    pub vlan: Option<u16>,
    /// `NDA_MASTER`: the bridge an FDB entry belongs to.
    pub master: Option<u32>,
    /// `NDA_PROTOCOL`: `RTPROT_*`.
    pub protocol: Option<u8>,
}

impl Neighbour {
    /// Copies a neighbour message out of its buffer.
    pub fn from_message(m: &NeighbourMessage<'_>) -> Neighbour {
        Neighbour {
            family: m.family(),
            index: m.index(),
            state: m.state(),
            flags: m.flags(),
            ext_flags: m.ext_flags(),
            kind: m.kind(),
            destination: m.destination(),
            lladdr: m.lladdr().map(<[u8]>::to_vec),
            cacheinfo: m.cacheinfo(),
            probes: m.probes(),
            vlan: m.vlan(),
            master: m.master(),
            protocol: m.protocol(),
        }
    }
}

impl<'a> FromView<NeighbourMessage<'a>> for Neighbour {
    fn from_view(view: &NeighbourMessage<'a>) -> Option<Self> {
        Some(Neighbour::from_message(view))
    }
}

/// A neighbour entry to add, replace, change or delete, as `ip neigh add ADDR [lladdr LLADDR]
/// [nud STATE] [router] [proxy] [extern_learn] [managed] [protocol P] dev DEV` describes it:
/// the codec's [`request::Neighbour`] and the device, which the library resolves to the
/// request's `ndm_ifindex` when it sends it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct NeighbourSpec<'a> {
    /// The device (`ndm_ifindex` once resolved).
    pub dev: LinkRef<'a>,
    /// The request; its `index` is filled in from `dev` when it is sent.
    pub request: request::Neighbour<'a>,
}

impl<'a> NeighbourSpec<'a> {
    /// An ARP/NDP entry for `destination` on `dev`: permanent, no link-layer address.
    pub fn new(dev: impl Into<LinkRef<'a>>, destination: IpAddr) -> Self {
        NeighbourSpec {
            dev: dev.into(),
            request: request::Neighbour::new(0, destination),
        }
    }

    /// A bridge FDB entry (`AF_BRIDGE`) for `lladdr` on `dev` (a bridge port, or a VXLAN
    /// device): permanent; add [`NeighbourSpec::fdb_master`] or [`NeighbourSpec::fdb_self`]
    /// for where it goes, as `bridge fdb add ... master|self`.
    pub fn fdb(dev: impl Into<LinkRef<'a>>, lladdr: &'a [u8]) -> Self {
        NeighbourSpec {
            dev: dev.into(),
            request: request::Neighbour::fdb(0, lladdr),
        }
    }

    /// `lladdr LLADDR`.
    pub fn lladdr(mut self, lladdr: &'a [u8]) -> Self {
        self.request.lladdr = Some(lladdr);
        self
    }

    /// `nud STATE`: `NUD_PERMANENT`, `NUD_NOARP`, `NUD_REACHABLE`, `NUD_STALE`, `NUD_NONE`, ...
    /// .
    pub fn state(mut self, state: u16) -> Self {
        self.request.state = state;
        self
    }

    /// `router` (`NTF_ROUTER`): the IPv6 neighbour is a router.
    pub fn router(self) -> Self {
        self.flag(ntf::ROUTER)
    }

    /// `proxy` (`NTF_PROXY`): a proxy ARP / NDP entry (no link-layer address).
    pub fn proxy(self) -> Self {
        self.flag(ntf::PROXY)
    }

    /// `extern_learn` (`NTF_EXT_LEARNED`): learned by a control plane outside the kernel.
    pub fn extern_learn(self) -> Self {
        self.flag(ntf::EXT_LEARNED)
    }

    /// `managed` (`NTF_EXT_MANAGED`, state `NUD_NONE`): the kernel keeps it resolved.
    pub fn managed(mut self) -> Self {
        self.request.ext_flags |= ntf_ext::MANAGED;
        self.request.state = nud::NONE;
        self
    }

    /// `master` (`NTF_MASTER`): an FDB entry of the port's bridge.
    pub fn fdb_master(self) -> Self {
        self.flag(ntf::MASTER)
    }

    /// `self` (`NTF_SELF`): an FDB entry of the device itself.
    pub fn fdb_self(self) -> Self {
        self.flag(ntf::SELF)
    }

    /// `vlan VID`: an FDB entry's VLAN.
    pub fn vlan(mut self, vlan: u16) -> Self {
        self.request.vlan = Some(vlan);
        self
    }

    /// `protocol PROTO` (`NDA_PROTOCOL`, `RTPROT_*`).
    pub fn protocol(mut self, protocol: u8) -> Self {
        self.request.protocol = Some(protocol);
        self
    }

    /// Adds the `NTF_*` flag `flag`.
    pub fn flag(mut self, flag: u8) -> Self {
        self.request.flags |= flag;
        self
    }

    /// The request for the codec, with the device resolved to `index`.
    fn request(&self, index: u32) -> request::Neighbour<'a> {
        request::Neighbour {
            index,
            ..self.request
        }
    }
}

/// `ADDR dev DEV` (`LLADDR dev DEV` for an FDB entry): how errors name the entry.
impl fmt::Display for NeighbourSpec<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.request.destination, self.request.lladdr) {
            (Some(dst), _) if self.request.family != af::BRIDGE => write!(f, "{dst}")?,
            (_, Some(ll)) => {
                for (i, byte) in ll.iter().enumerate() {
                    let sep = if i == 0 { "" } else { ":" };
                    write!(f, "{sep}{byte:02x}")?;
                }
            }
            _ => f.write_str("(none)")?,
        }
        write!(f, " dev {}", self.dev)
    }
}

/// Which entries [`Handle::neighbours`], [`Handle::for_each_neighbour`] and
/// [`Handle::neigh_flush`] take, as `ip [-4|-6] neigh show|flush [proxy] [to PREFIX] [dev DEV]
/// [nud STATE] [master DEV | nomaster] [unused] [protocol P]` selects them: the codec's
/// [`NeighbourDump`] (family, proxy), the devices (resolved to the dump's `NDA_IFINDEX` and
/// `NDA_MASTER`), and what the kernel does not filter on.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct NeighbourFilter<'a> {
    /// The dump: `family` (`AF_UNSPEC`: ARP and NDP; `AF_BRIDGE`: forwarding databases),
    /// `proxy`; `index` and `master` are filled in from `dev` and `master`.
    pub dump: NeighbourDump,
    /// Only this device's entries.
    pub dev: Option<LinkRef<'a>>,
    /// Only entries of devices whose master is this one.
    pub master: Option<LinkRef<'a>>,
    /// The `NUD_*` states kept, [`NeighbourFilter::STATE_NONE`] for no state; an entry that is a proxy or
    /// externally learned is kept whatever its state, as `ip` does. Default [`NeighbourFilter::SHOW_STATES`].
    pub states: u32,
    /// Only entries whose address is in this prefix (`to PREFIX`).
    pub to: Option<IpPrefix>,
    /// Only entries nobody holds a reference on (`unused`).
    pub unused: bool,
    /// Only entries of this `NDA_PROTOCOL` (0: all).
    pub protocol: u8,
}

impl Default for NeighbourFilter<'_> {
    fn default() -> Self {
        NeighbourFilter {
            dump: NeighbourDump::default(),
            dev: None,
            master: None,
            states: Self::SHOW_STATES,
            to: None,
            unused: false,
            protocol: 0,
        }
    }
}

impl NeighbourFilter<'_> {
    /// `ip neigh show`'s states when no `nud` is given: every state but `NUD_NOARP`, and not
    /// `NUD_NONE` (iproute2's `0xFF & ~NUD_NOARP`).
    pub const SHOW_STATES: u32 = 0xff & !(nud::NOARP as u32);

    /// `ip neigh flush`'s states when no `nud` is given: all but `NUD_PERMANENT` and
    /// `NUD_NOARP`.
    pub const FLUSH_STATES: u32 = !((nud::PERMANENT | nud::NOARP) as u32);

    /// The [`Error::op`](crate::Error::op) of a failed `RTM_GETNEIGH` dump (`ip neigh show`'s
    /// `Dump terminated`, `ip neigh flush`'s `Flush terminated`).
    pub const DUMP_OP: &'static str = "show neighbours";

    /// The [`Error::op`](crate::Error::op) of an `RTM_DELNEIGH` that [`Handle::neigh_flush`]
    /// sent and the kernel refused (`ip neigh flush`'s `Failed to send flush request`).
    pub const FLUSH_OP: &'static str = "flush neighbours";

    /// The bit of [`NeighbourFilter::states`] that keeps entries with no state at all
    /// (`NUD_NONE` is 0, so iproute2 gives it the bit above the eight `NUD_*` bits).
    pub const STATE_NONE: u32 = 0x100;
}

impl<'a> NeighbourFilter<'a> {
    /// What `ip neigh show` shows.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only the entries on `dev`.
    pub fn dev(mut self, dev: impl Into<LinkRef<'a>>) -> Self {
        self.dev = Some(dev.into());
        self
    }

    /// Only the entries of `family`.
    pub fn family(mut self, family: Family) -> Self {
        self.dump.family = family.af();
        self
    }

    /// The bridge forwarding databases (`AF_BRIDGE`) instead of ARP and NDP, every state.
    pub fn fdb(mut self) -> Self {
        self.dump.family = af::BRIDGE;
        self.states = u32::MAX;
        self
    }

    /// Only the proxy entries (`proxy`).
    pub fn proxy(mut self) -> Self {
        self.dump.proxy = true;
        self
    }

    /// Only the entries of the ports of `master` (`master DEV`).
    pub fn master(mut self, master: impl Into<LinkRef<'a>>) -> Self {
        self.master = Some(master.into());
        self
    }

    /// Only the entries of devices without a master (`nomaster`).
    pub fn nomaster(mut self) -> Self {
        self.master = None;
        self.dump.master = Some(u32::MAX);
        self
    }

    /// Keep these states (`NUD_*` bits, [`NeighbourFilter::STATE_NONE`]); `u32::MAX` keeps all (`nud all`).
    pub fn states(mut self, states: u32) -> Self {
        self.states = states;
        self
    }

    /// Whether `m` passes what the kernel does not filter (and what it does, for kernels
    /// without strict checking), `index` being the resolved device (`ip`'s `print_neigh()`).
    pub fn keeps(&self, index: Option<u32>, m: &NeighbourMessage<'_>) -> bool {
        let state = u32::from(m.state());
        let always = m.flags() & (ntf::PROXY | ntf::EXT_LEARNED) != 0;
        (self.dump.family == af::UNSPEC || self.dump.family == m.family())
            && index.is_none_or(|index| index == m.index())
            && (self.states & state != 0
                || always
                || (state == 0 && self.states & Self::STATE_NONE != 0))
            && self
                .to
                .is_none_or(|to| m.destination().is_none_or(|dst| to.contains(dst)))
            && (self.protocol == 0 || m.protocol().unwrap_or(0) == self.protocol)
            && !(self.unused && m.cacheinfo().is_some_and(|c| c.ndm_refcnt.get() != 0))
    }
}

impl Select for NeighbourFilter<'_> {
    type Dump = NeighbourDump;

    fn rows(
        &self,
        handle: &mut Handle,
        mut on: impl FnMut(DumpRow<'_, NeighbourMessage<'_>>),
    ) -> Result<()> {
        self.rows_dyn(handle, &mut on)
    }
}

impl NeighbourFilter<'_> {
    /// [`Select::rows`] with `on` as a trait object: the query is compiled once, not once per
    /// caller.
    fn rows_dyn(
        &self,
        handle: &mut Handle,
        on: &mut dyn FnMut(DumpRow<'_, NeighbourMessage<'_>>),
    ) -> Result<()> {
        const OP: &str = NeighbourFilter::DUMP_OP;
        let index = match self.dev {
            Some(dev) => Some(handle.resolve_index_for(OP, dev)?),
            None => self.dump.index,
        };
        let master = match self.master {
            Some(master) => Some(handle.resolve_index_for(OP, master)?),
            None => self.dump.master,
        };
        let dump = NeighbourDump {
            index,
            master,
            ..self.dump
        };
        handle.dump_rows(OP, &dump, &mut |row| match row {
            DumpRow::View(m) if !self.keeps(index, m) => {}
            row => on(row),
        })
    }
}

impl Handle {
    /// `RTM_NEWNEIGH` with `NLM_F_CREATE | NLM_F_EXCL`: adds an entry, like `ip neigh add`.
    ///
    /// # Errors
    /// `EEXIST` when the entry exists; [`ErrorKind::NotFound`](crate::ErrorKind::NotFound)
    /// for an unknown device; [`ErrorKind::Request`](crate::ErrorKind::Request) for a
    /// request the kernel would misread (an address of the other family).
    pub fn neigh_add(&mut self, spec: &NeighbourSpec<'_>) -> Result<()> {
        self.neigh_new("add neighbour", NewMode::Add, spec)
    }

    /// `RTM_NEWNEIGH` with `NLM_F_CREATE | NLM_F_REPLACE`: adds or overwrites an entry, like
    /// `ip neigh replace`.
    ///
    /// # Errors
    /// As [`Handle::neigh_add`], but an existing entry is no error.
    pub fn neigh_replace(&mut self, spec: &NeighbourSpec<'_>) -> Result<()> {
        self.neigh_new("replace neighbour", NewMode::Replace, spec)
    }

    /// `RTM_NEWNEIGH` with `NLM_F_REPLACE`: changes an existing entry, like `ip neigh change`.
    ///
    /// # Errors
    /// `ENOENT` when there is no such entry; otherwise as [`Handle::neigh_add`].
    pub fn neigh_change(&mut self, spec: &NeighbourSpec<'_>) -> Result<()> {
        self.neigh_new("change neighbour", NewMode::Change, spec)
    }

    fn neigh_new(
        &mut self,
        op: &'static str,
        mode: NewMode,
        spec: &NeighbourSpec<'_>,
    ) -> Result<()> {
        self.ack_on_dev(op, spec.dev, spec, |buf, index| {
            request::neigh_new(buf, 0, mode, &spec.request(index))
        })
    }

    /// `RTM_DELNEIGH`: removes an entry, like `ip neigh del` (or `bridge fdb del`).
    ///
    /// # Errors
    /// `ENOENT` when there is no such entry; [`ErrorKind::NotFound`](crate::ErrorKind::NotFound)
    /// for an unknown device.
    pub fn neigh_del(&mut self, spec: &NeighbourSpec<'_>) -> Result<()> {
        self.ack_on_dev("delete neighbour", spec.dev, spec, |buf, index| {
            request::neigh_del(buf, 0, &spec.request(index))
        })
    }

    /// `RTM_GETNEIGH` for one entry: `destination` on `dev` (its proxy entry with `proxy`),
    /// like `ip neigh get [proxy] ADDR dev DEV`, handed to `read` as the codec's view.
    ///
    /// # Errors
    /// `ENOENT` (`Error: Neighbour entry not found.`) when there is none; an unknown device.
    pub fn neigh_get_with<R>(
        &mut self,
        dev: LinkRef<'_>,
        destination: IpAddr,
        proxy: bool,
        read: impl FnOnce(&NeighbourMessage<'_>) -> R,
    ) -> Result<R> {
        const OP: &str = "get neighbour";
        let index = self.resolve_index_for(OP, dev)?;
        let get = NeighbourGet {
            index,
            destination,
            proxy,
        };
        self.get(
            OP,
            format_args!("{destination} dev {dev}"),
            |buf| request::neigh_get(buf, 0, &get),
            |reply| NeighbourMessage::parse(reply).map(|m| read(&m)),
        )
    }

    /// [`Handle::neigh_get_with`], as an owned value.
    ///
    /// # Errors
    /// As [`Handle::neigh_get_with`].
    pub fn neigh_get(
        &mut self,
        dev: LinkRef<'_>,
        destination: IpAddr,
        proxy: bool,
    ) -> Result<Neighbour> {
        self.neigh_get_with(dev, destination, proxy, Neighbour::from_message)
    }

    /// `RTM_GETNEIGH` dump: the entries `filter` keeps, like `ip neigh show`.
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`](crate::ErrorKind::NotFound) when `filter.dev` or
    /// `filter.master` names no device; a failed dump.
    pub fn neighbours(&mut self, filter: &NeighbourFilter<'_>) -> Result<Vec<Neighbour>> {
        self.select_owned(filter)
    }

    /// `RTM_GETNEIGH` dump: calls `f` with each entry `filter` keeps, borrowed from the receive
    /// buffer (seen again from the first when the kernel reports the dump inconsistent and it
    /// is redone).
    ///
    /// # Errors
    /// As [`Handle::neighbours`].
    pub fn for_each_neighbour(
        &mut self,
        filter: &NeighbourFilter<'_>,
        f: impl FnMut(&NeighbourMessage<'_>),
    ) -> Result<()> {
        self.select_each(filter, f)
    }

    /// `RTM_GETNEIGH` dump, then `RTM_DELNEIGH` for each entry `filter` keeps, redone until a
    /// dump finds nothing (at most ten rounds, dropping `NUD_FAILED` from the states after the
    /// first, as `ip neigh flush` does). `each` sees every entry a round deletes, with the
    /// round's number (from 1), before it is deleted (what `ip -s neigh flush` counts and `ip
    /// -s -s neigh flush` prints). Returns the number of rounds that deleted something, or
    /// `None` when ten were not enough.
    ///
    /// Use [`NeighbourFilter::FLUSH_STATES`] for `ip neigh flush`'s default states.
    ///
    /// # Errors
    /// As [`Handle::neighbours`] (a failed dump is an error of [`Error::op`](crate::Error::op)
    /// [`NeighbourFilter::DUMP_OP`]); a deletion the kernel refuses, other than the entry being gone
    /// already (an error of `op`
    /// [`NeighbourFilter::FLUSH_OP`]).
    pub fn neigh_flush(
        &mut self,
        filter: &NeighbourFilter<'_>,
        mut each: impl FnMut(usize, &NeighbourMessage<'_>),
    ) -> Result<Option<usize>> {
        const OP: &str = NeighbourFilter::FLUSH_OP;
        const ROUNDS: usize = 10;
        let mut filter = filter.clone();
        for round in 0..ROUNDS {
            let mut found = Vec::new();
            filter.rows(self, |row| match row {
                DumpRow::Restart => found.clear(),
                DumpRow::View(m) => {
                    each(round + 1, m);
                    found.push(Neighbour::from_message(m));
                }
            })?;
            if found.is_empty() {
                return Ok(Some(round));
            }
            for entry in &found {
                let n = request::Neighbour {
                    family: entry.family,
                    index: entry.index,
                    destination: entry.destination,
                    lladdr: entry.lladdr.as_deref(),
                    state: entry.state,
                    flags: entry.flags & (ntf::PROXY | ntf::SELF | ntf::MASTER),
                    ext_flags: 0,
                    protocol: None,
                    vlan: entry.vlan,
                };
                let object = match entry.destination {
                    Some(dst) => format!("{dst} dev if{}", entry.index),
                    None => format!("dev if{}", entry.index),
                };
                match self.ack(OP, object, |buf| request::neigh_del(buf, 0, &n)) {
                    Ok(()) => {}
                    Err(e) if e.errno() == Some(Errno::NOENT) => {}
                    Err(e) => return Err(e),
                }
            }
            filter.states &= !u32::from(nud::FAILED);
        }
        Ok(None)
    }
}

impl MonitorGroups {
    /// `RTNLGRP_NEIGH`: neighbour (ARP, NDP) and bridge FDB entries (`RTM_NEWNEIGH`,
    /// `RTM_DELNEIGH`).
    pub const NEIGH: Self = Self::bit(6);
}

/// `ip monitor neigh`: one group; a resync dumps the ARP and NDP caches, then the bridge
/// forwarding databases.
impl MonitorFamily for NeighbourMessage<'_> {
    const OBJECT: &'static str = "neigh";
    const GROUPS: &'static [Group] = &[Group {
        flag: MonitorGroups::NEIGH,
        name: "NEIGH",
        rtnlgrp: rtnlgrp::NEIGH,
        family: None,
        resync: |m, f| {
            let fdb = NeighbourDump {
                family: af::BRIDGE,
                ..NeighbourDump::default()
            };
            Ok(
                m.resync_dump("dump neighbours", &NeighbourDump::default(), f)?
                    + m.resync_dump("dump neighbours", &fdb, f)?,
            )
        },
    }];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_build_ips_request() {
        let mac = [2, 0, 0, 0, 0, 2];
        let spec = NeighbourSpec::new("v0", "2001:db8::2".parse().unwrap())
            .lladdr(&mac)
            .router()
            .state(nud::REACHABLE)
            .protocol(4);
        let n = spec.request(3);
        assert_eq!((n.index, n.family, n.state), (3, af::INET6, nud::REACHABLE));
        assert_eq!(
            (n.flags, n.protocol, n.lladdr),
            (ntf::ROUTER, Some(4), Some(&mac[..]))
        );
        assert_eq!(spec.to_string(), "2001:db8::2 dev v0");
        let fdb = NeighbourSpec::fdb(5u32, &mac).fdb_master().vlan(10);
        assert_eq!(fdb.request.family, af::BRIDGE);
        assert_eq!(fdb.to_string(), "02:00:00:00:00:02 dev if5");
        let managed = NeighbourSpec::new("v0", "192.0.2.7".parse().unwrap()).managed();
        assert_eq!(
            (managed.request.state, managed.request.ext_flags),
            (nud::NONE, ntf_ext::MANAGED)
        );
    }

    #[test]
    fn states_keep_what_ip_keeps() {
        use rtnl_codec::raw::NdMsg;
        use rtnl_codec::{Message, MessageBuilder, rtm};
        let build = |state: u16, flags: u8| {
            let mut buf = [0u8; 64];
            let mut b = MessageBuilder::new(&mut buf, rtm::NEWNEIGH, 0, 0).unwrap();
            b.header(&NdMsg {
                ndm_family: af::INET,
                ndm_ifindex: 2.into(),
                ndm_state: state.into(),
                ndm_flags: flags,
                ..NdMsg::default()
            })
            .unwrap();
            let len = b.finish().len();
            buf[..len].to_vec()
        };
        let keeps = |filter: &NeighbourFilter<'_>, state, flags| {
            let bytes = build(state, flags);
            let m = NeighbourMessage::parse(Message::parse(&bytes).unwrap()).unwrap();
            filter.keeps(None, &m)
        };
        let show = NeighbourFilter::new();
        assert!(keeps(&show, nud::REACHABLE, 0));
        assert!(!keeps(&show, nud::NOARP, 0));
        assert!(!keeps(&show, nud::NONE, 0));
        assert!(keeps(&show, nud::NONE, ntf::PROXY));
        assert!(keeps(&show, nud::NOARP, ntf::EXT_LEARNED));
        let all = NeighbourFilter::new().states(u32::MAX);
        assert!(keeps(&all, nud::NOARP, 0) && keeps(&all, nud::NONE, 0));
        let flush = NeighbourFilter::new().states(NeighbourFilter::FLUSH_STATES);
        assert!(!keeps(&flush, nud::PERMANENT, 0) && keeps(&flush, nud::STALE, 0));
        let v6 = NeighbourFilter::new().family(Family::V6);
        assert!(!keeps(&v6, nud::REACHABLE, 0));
    }
}
