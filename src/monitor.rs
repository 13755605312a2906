//! Events: what `ip monitor link address route nsid rule` shows, as typed values: [`Monitor`].
//!
//! A [`Monitor`] joins the rtnetlink multicast groups chosen with [`MonitorGroups`] and reads
//! the kernel's notifications: [`Monitor::next_event`] (or the monitor as an [`Iterator`])
//! yields owned [`Event`]s; [`Monitor::next_with`] hands out the codec's borrowed views
//! ([`Payload`]) without copying anything.
//!
//! # Lost events and the resync
//!
//! The kernel queues notifications on the monitor's socket; when the receive queue is full it
//! drops them and reports `ENOBUFS` on the next read. The monitor's picture of the system is
//! stale from then on, so the monitor *resyncs* on its own:
//!
//! 1. it discards whatever is still queued on the event socket (all of it older than step 2),
//! 2. it dumps, over a second socket, the tables of every subscribed kind: all links
//!    ([`MonitorGroups::LINK`]), all IPv4 and/or IPv6 addresses, all IPv4 and/or IPv6 routes of
//!    every table (the local table too, as the route events cover it), all nsids, all IPv4
//!    and/or IPv6 policy rules,
//! 3. it yields the dump as one [`Event::Resync`] holding a [`Snapshot`] (in the streaming
//!    form: [`Payload::ResyncBegin`], the dumped messages, [`Payload::ResyncEnd`]),
//! 4. and goes on with the events queued since step 1.
//!
//! What the caller does: on `Resync`, *replace* its picture of the subscribed kinds with the
//! snapshot. Events after it may repeat changes the snapshot already shows (they happened
//! while the dump ran); applying them in order on top of the snapshot gives the current state.
//! A datagram too large for the receive buffer is treated the same way (the event in it is
//! lost; the buffer grows to fit the next one). [`Monitor::resyncs`] counts resyncs.
//!
//! To start from a known state, open the monitor first, then take a [`Monitor::snapshot`]:
//! events queued from the moment the monitor was opened follow it, in the same converging way.
//!
//! # Example
//!
//! ```no_run
//! use rtnl_ip::monitor::{Event, Monitor, MonitorGroups};
//!
//! let mut monitor = Monitor::new(MonitorGroups::LINK | MonitorGroups::ADDRESS)?;
//! for event in &mut monitor {
//!     match event? {
//!         Event::NewLink(link) => println!("{}: {}", link.name, if link.is_up() { "up" } else { "down" }),
//!         Event::NewAddress(a) => println!("+ {:?}/{} on {}", a.local, a.prefix_len, a.index),
//!         Event::DelAddress(a) => println!("- {:?}/{} on {}", a.local, a.prefix_len, a.index),
//!         Event::Resync(snapshot) => println!("lost events; {} links now", snapshot.links.len()),
//!         _ => {}
//!     }
//! }
//! # Ok::<(), rtnl_ip::Error>(())
//! ```
//!
//! # References
//!  - [`netlink(7)`](https://man7.org/linux/man-pages/man7/netlink.7.html) (`ENOBUFS`)
//!  - [`rtnetlink(7)`](https://man7.org/linux/man-pages/man7/rtnetlink.7.html)
//!  - iproute2 `ip/ipmonitor.c`

use std::collections::VecDeque;
use std::fmt;
use std::ops::{BitAnd, BitOr, BitOrAssign};
use std::os::fd::{AsFd, BorrowedFd};

use rtnl_codec::request::{AddressDump, LinkDump, NeighbourDump, NsidDump, RouteDump, RuleDump};
use rtnl_codec::{
    AddressMessage, Dump, LinkMessage, Message, Messages, NeighbourMessage, NsidMessage,
    RouteMessage, RuleMessage, View, af, rtnlgrp,
};
use rustix::io::Errno;

use rtnl_sys::{Deadline, Engine, RECV_BUFFER_SIZE, Socket, Waiting};

use crate::dump::{dump_once, retry_interrupted};
use crate::error::{Context, Error, ErrorKind, Result};
use crate::handle::{NetnsRef, open_netns};
use crate::model::{Address, FromView, Link, Nsid, Route};
use crate::neigh::Neighbour;
use crate::rule::Rule;

/// The most datagrams discarded when a resync starts; a flood that outlasts it overruns the
/// queue again, which only means another resync.
const DRAIN_LIMIT: usize = 1 << 16;

/// Which notifications a [`Monitor`] receives: a set of rtnetlink multicast groups.
///
/// Combine with `|`: `MonitorGroups::LINK | MonitorGroups::ADDRESS`.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct MonitorGroups(u32);

impl MonitorGroups {
    /// `RTNLGRP_LINK`: links created, changed, deleted (`RTM_NEWLINK`, `RTM_DELLINK`).
    pub const LINK: Self = Self(1 << 0);
    /// `RTNLGRP_IPV4_IFADDR`: IPv4 addresses (`RTM_NEWADDR`, `RTM_DELADDR`).
    pub const IPV4_ADDRESS: Self = Self(1 << 1);
    /// `RTNLGRP_IPV6_IFADDR`: IPv6 addresses.
    pub const IPV6_ADDRESS: Self = Self(1 << 2);
    /// `RTNLGRP_IPV4_ROUTE`: IPv4 routes of every table (`RTM_NEWROUTE`, `RTM_DELROUTE`).
    pub const IPV4_ROUTE: Self = Self(1 << 3);
    /// `RTNLGRP_IPV6_ROUTE`: IPv6 routes of every table.
    pub const IPV6_ROUTE: Self = Self(1 << 4);
    /// `RTNLGRP_NSID`: nsids assigned and released (`RTM_NEWNSID`, `RTM_DELNSID`).
    pub const NSID: Self = Self(1 << 5);
    /// `RTNLGRP_NEIGH`: neighbour (ARP, NDP) and bridge FDB entries (`RTM_NEWNEIGH`,
    /// `RTM_DELNEIGH`).
    pub const NEIGH: Self = Self(1 << 6);
    /// `RTNLGRP_IPV4_RULE`: IPv4 policy rules (`RTM_NEWRULE`, `RTM_DELRULE`).
    pub const IPV4_RULE: Self = Self(1 << 7);
    /// `RTNLGRP_IPV6_RULE`: IPv6 policy rules.
    pub const IPV6_RULE: Self = Self(1 << 8);
    /// IPv4 and IPv6 addresses.
    pub const ADDRESS: Self = Self(Self::IPV4_ADDRESS.0 | Self::IPV6_ADDRESS.0);
    /// IPv4 and IPv6 routes.
    pub const ROUTE: Self = Self(Self::IPV4_ROUTE.0 | Self::IPV6_ROUTE.0);
    /// IPv4 and IPv6 policy rules.
    pub const RULE: Self = Self(Self::IPV4_RULE.0 | Self::IPV6_RULE.0);
    /// Everything a monitor understands: every group of the table below (what `ip monitor`
    /// with no object, or `ip monitor all`, shows of the families rtnl knows).
    pub const ALL: Self = Self::union(&Self::TABLE);

    /// Each flag with its name and its multicast group.
    const TABLE: [(Self, &'static str, u32); 9] = [
        (Self::LINK, "LINK", rtnlgrp::LINK),
        (Self::IPV4_ADDRESS, "IPV4_ADDRESS", rtnlgrp::IPV4_IFADDR),
        (Self::IPV6_ADDRESS, "IPV6_ADDRESS", rtnlgrp::IPV6_IFADDR),
        (Self::IPV4_ROUTE, "IPV4_ROUTE", rtnlgrp::IPV4_ROUTE),
        (Self::IPV6_ROUTE, "IPV6_ROUTE", rtnlgrp::IPV6_ROUTE),
        (Self::NSID, "NSID", rtnlgrp::NSID),
        (Self::NEIGH, "NEIGH", rtnlgrp::NEIGH),
        (Self::IPV4_RULE, "IPV4_RULE", rtnlgrp::IPV4_RULE),
        (Self::IPV6_RULE, "IPV6_RULE", rtnlgrp::IPV6_RULE),
    ];

    /// Every flag of `table`.
    const fn union(table: &[(Self, &'static str, u32)]) -> Self {
        let mut bits = 0;
        let mut i = 0;
        while i < table.len() {
            bits |= table[i].0.0;
            i += 1;
        }
        Self(bits)
    }

    /// No group.
    pub const fn empty() -> Self {
        Self(0)
    }

    /// Whether no group is set.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether every group of `other` is set.
    pub const fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether any group of `other` is set.
    pub const fn intersects(self, other: Self) -> bool {
        self.0 & other.0 != 0
    }

    /// The `RTNLGRP_*` numbers of the groups set, in the order of [`MonitorGroups::ALL`].
    pub fn rtnl_groups(self) -> impl Iterator<Item = u32> {
        Self::TABLE
            .into_iter()
            .filter(move |(flag, _, _)| self.contains(*flag))
            .map(|(_, _, group)| group)
    }
}

impl BitOr for MonitorGroups {
    type Output = Self;
    fn bitor(self, rhs: Self) -> Self {
        Self(self.0 | rhs.0)
    }
}

impl BitOrAssign for MonitorGroups {
    fn bitor_assign(&mut self, rhs: Self) {
        self.0 |= rhs.0;
    }
}

impl BitAnd for MonitorGroups {
    type Output = Self;
    fn bitand(self, rhs: Self) -> Self {
        Self(self.0 & rhs.0)
    }
}

impl fmt::Debug for MonitorGroups {
    /// `MonitorGroups(LINK | IPV4_ADDRESS)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MonitorGroups(")?;
        let mut first = true;
        for (flag, name, _) in Self::TABLE {
            if self.contains(flag) {
                if !first {
                    f.write_str(" | ")?;
                }
                f.write_str(name)?;
                first = false;
            }
        }
        f.write_str(")")
    }
}

/// The complete tables of the subscribed kinds, dumped at one moment: what an
/// [`Event::Resync`] carries and [`Monitor::snapshot`] returns. A kind not subscribed is left
/// empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Snapshot {
    /// Every link (`RTM_GETLINK` dump), with [`MonitorGroups::LINK`].
    pub links: Vec<Link>,
    /// Every address of the subscribed families (`RTM_GETADDR` dumps), IPv4 first.
    pub addresses: Vec<Address>,
    /// Every route of every table of the subscribed families (`RTM_GETROUTE` dumps), IPv4
    /// first.
    pub routes: Vec<Route>,
    /// Every nsid (`RTM_GETNSID` dump), with [`MonitorGroups::NSID`]; unnamed.
    pub nsids: Vec<Nsid>,
    /// Every policy rule of the subscribed families (`RTM_GETRULE` dumps), IPv4 first.
    pub rules: Vec<Rule>,
    /// Every neighbour entry (`RTM_GETNEIGH` dumps: ARP and NDP, then the bridge forwarding
    /// databases), with [`MonitorGroups::NEIGH`].
    pub neighbours: Vec<Neighbour>,
}

/// One notification from the kernel, copied out of the receive buffer.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
#[allow(
    clippy::large_enum_variant,
    reason = "events are handed over one at a time; boxing would cost an allocation per link event"
)]
pub enum Event {
    /// `RTM_NEWLINK`: a link appeared or changed (flags, name, carrier, master, ...).
    NewLink(Link),
    /// `RTM_DELLINK`: a link is gone (or moved to another namespace).
    DelLink(Link),
    /// `RTM_NEWADDR`: an address was added or changed.
    NewAddress(Address),
    /// `RTM_DELADDR`: an address was removed.
    DelAddress(Address),
    /// `RTM_NEWROUTE`: a route was added or changed.
    NewRoute(Route),
    /// `RTM_DELROUTE`: a route was removed.
    DelRoute(Route),
    /// `RTM_NEWNSID`: an nsid was assigned (its [`name`](Nsid::name) is not looked up; see
    /// [`Namespaces::name_nsids`](crate::netns::Namespaces::name_nsids)).
    NewNsid(Nsid),
    /// `RTM_DELNSID`: an nsid was released (its namespace is gone).
    DelNsid(Nsid),
    /// `RTM_NEWRULE`: a policy rule was added.
    NewRule(Rule),
    /// `RTM_DELRULE`: a policy rule was removed.
    DelRule(Rule),
    /// `RTM_NEWNEIGH`: a neighbour or FDB entry was added or changed.
    NewNeighbour(Neighbour),
    /// `RTM_DELNEIGH`: a neighbour or FDB entry was removed.
    DelNeighbour(Neighbour),
    /// Events were lost; here is the current state of every subscribed kind. Replace your
    /// picture with it (see the [module documentation](self) for exactly what came before and
    /// what follows).
    Resync(Snapshot),
    /// A message of another type (or an nsid message without `NETNSA_NSID`), kept whole.
    Other {
        /// `nlmsg_type`.
        message_type: u16,
        /// The message, header included.
        bytes: Vec<u8>,
    },
}

/// One notification as the codec's borrowed view (the streaming form,
/// [`Monitor::next_with`]), or a resync marker.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Payload<'a> {
    /// `RTM_NEWLINK`.
    NewLink(LinkMessage<'a>),
    /// `RTM_DELLINK`.
    DelLink(LinkMessage<'a>),
    /// `RTM_NEWADDR`.
    NewAddress(AddressMessage<'a>),
    /// `RTM_DELADDR`.
    DelAddress(AddressMessage<'a>),
    /// `RTM_NEWROUTE`.
    NewRoute(RouteMessage<'a>),
    /// `RTM_DELROUTE`.
    DelRoute(RouteMessage<'a>),
    /// `RTM_NEWNSID`.
    NewNsid(NsidMessage<'a>),
    /// `RTM_DELNSID`.
    DelNsid(NsidMessage<'a>),
    /// `RTM_NEWRULE`.
    NewRule(RuleMessage<'a>),
    /// `RTM_DELRULE`.
    DelRule(RuleMessage<'a>),
    /// `RTM_NEWNEIGH`.
    NewNeighbour(NeighbourMessage<'a>),
    /// `RTM_DELNEIGH`.
    DelNeighbour(NeighbourMessage<'a>),
    /// A message of another type.
    Other(Message<'a>),
    /// Events were lost: forget what you know of the subscribed kinds. The `New*` payloads up
    /// to [`Payload::ResyncEnd`] are the dumped tables, not events. When the kernel reports
    /// the dump inconsistent, it is redone and `ResyncBegin` comes again.
    ResyncBegin,
    /// The end of a resync's dump: what came since [`Payload::ResyncBegin`] is the complete
    /// current state; events follow again.
    ResyncEnd,
}

/// The families the monitor knows, each named once: its view, its owned value, the
/// [`Payload`] and [`Event`] variants of a new (or changed) and of a deleted object, and its
/// list in the [`Snapshot`]. What the monitor does with a family (decode a notification, copy
/// it out, add it to a snapshot) is written once below, for all of them.
macro_rules! families {
    ($($view:ident => $value:ident, $new:ident, $del:ident, $list:ident;)*) => {
        impl<'a> Payload<'a> {
            /// Decodes a notification by its type.
            ///
            /// # Errors
            /// When a link, address, route, nsid or rule message does not parse.
            pub fn from_message(message: Message<'a>) -> Result<Self, rtnl_codec::Error> {
                let ty = message.ty();
                $(
                    if ty == <$view<'a> as View<'a>>::NEW {
                        return $view::parse(message).map(Payload::$new);
                    }
                    if ty == <$view<'a> as View<'a>>::DEL {
                        return $view::parse(message).map(Payload::$del);
                    }
                )*
                Ok(Payload::Other(message))
            }

            /// The owned event (`None` for the resync markers, which have no single event).
            pub fn to_event(&self) -> Option<Event> {
                Some(match self {
                    $(
                        Payload::$new(m) => $value::from_view(m).map_or_else(|| other(m.message()), Event::$new),
                        Payload::$del(m) => $value::from_view(m).map_or_else(|| other(m.message()), Event::$del),
                    )*
                    Payload::Other(m) => other(*m),
                    Payload::ResyncBegin | Payload::ResyncEnd => return None,
                })
            }
        }

        impl Snapshot {
            /// Adds a dumped message (a `New*` payload) to the snapshot.
            fn push(&mut self, payload: &Payload<'_>) {
                match payload {
                    $(Payload::$new(m) => self.$list.extend($value::from_view(m)),)*
                    _ => {}
                }
            }
        }

        $(
            impl<'a> Dumped<'a> for $view<'a> {
                fn payload(self) -> Payload<'a> {
                    Payload::$new(self)
                }
            }
        )*
    };
}

families! {
    LinkMessage => Link, NewLink, DelLink, links;
    AddressMessage => Address, NewAddress, DelAddress, addresses;
    RouteMessage => Route, NewRoute, DelRoute, routes;
    NsidMessage => Nsid, NewNsid, DelNsid, nsids;
    RuleMessage => Rule, NewRule, DelRule, rules;
    NeighbourMessage => Neighbour, NewNeighbour, DelNeighbour, neighbours;
}

/// A view the resync dumps hand over: as the `New*` payload it is.
trait Dumped<'a>: View<'a> {
    fn payload(self) -> Payload<'a>;
}

fn other(message: Message<'_>) -> Event {
    Event::Other {
        message_type: message.ty(),
        bytes: message.bytes().to_vec(),
    }
}

/// A listener for rtnetlink notifications: links, addresses, routes, nsids and rules, as
/// `ip monitor` shows them, with a resync after lost events (see the
/// [module documentation](self)).
///
/// It holds two `NETLINK_ROUTE` sockets, both in the namespace it was opened in: one joined
/// to the chosen multicast groups, which only receives, and one for the dumps of a resync or
/// [`snapshot`](Monitor::snapshot). Reading is blocking ([`next_event`](Monitor::next_event),
/// the iterator, [`next_with`](Monitor::next_with)) or not
/// ([`try_next_event`](Monitor::try_next_event), [`try_next_with`](Monitor::try_next_with));
/// the monitor is [`AsFd`] (the event socket) for `poll`.
#[derive(Debug)]
pub struct Monitor {
    events: Socket,
    requests: Engine<Socket>,
    buf: Vec<u8>,
    groups: MonitorGroups,
    pending: VecDeque<Event>,
    resync_pending: bool,
    resyncs: u64,
    foreign: u64,
    /// When blocking reads give up ([`Monitor::set_deadline`]).
    deadline: Option<Deadline>,
    /// `NETLINK_LISTEN_ALL_NSID` is on ([`Monitor::listen_all_nsid`]): datagrams are read with
    /// the nsid of the namespace they came from.
    all_nsid: bool,
}

impl Monitor {
    /// `socket(AF_NETLINK, NETLINK_ROUTE)` twice and `NETLINK_ADD_MEMBERSHIP` for each of
    /// `groups`: a monitor in the calling thread's network namespace.
    ///
    /// # Errors
    /// When a socket cannot be opened or a group joined.
    pub fn new(groups: MonitorGroups) -> Result<Monitor> {
        let events = Socket::new().context_none("open event socket")?;
        let requests = Socket::new().context_none("open netlink socket")?;
        Self::with_sockets(events, requests, groups)
    }

    /// `setns(CLONE_NEWNET)` on a short-lived thread, then as [`Monitor::new`]: a monitor of
    /// the namespace `netns` (`ip -n NS monitor`). The sockets stay in `netns`; the calling
    /// thread never leaves its own. Names are looked up in `/run/netns`.
    ///
    /// # Errors
    /// When `netns` cannot be opened or entered, or as [`Monitor::new`].
    pub fn in_netns(netns: NetnsRef<'_>, groups: MonitorGroups) -> Result<Monitor> {
        Self::in_netns_at(rtnl_sys::DEFAULT_RUN_DIR, netns, groups)
    }

    /// [`Monitor::in_netns`] with names looked up in `run_dir`.
    ///
    /// # Errors
    /// As [`Monitor::in_netns`].
    pub fn in_netns_at(
        run_dir: &str,
        netns: NetnsRef<'_>,
        groups: MonitorGroups,
    ) -> Result<Monitor> {
        let fd = open_netns(run_dir, netns)?;
        let (events, requests) = rtnl_sys::run_in(&fd, || Ok((Socket::new()?, Socket::new()?)))
            .and_then(|sockets: Result<_, Errno>| sockets)
            .context("open event socket in namespace", netns)?;
        Self::with_sockets(events, requests, groups)
    }

    /// A monitor over opened sockets: `events` joins `groups` and is only read; `requests`
    /// carries the resync dumps. Both must be in the same namespace.
    ///
    /// # Errors
    /// When a group cannot be joined.
    pub fn with_sockets(
        events: Socket,
        requests: Socket,
        groups: MonitorGroups,
    ) -> Result<Monitor> {
        for group in groups.rtnl_groups() {
            events
                .join_group(group)
                .context("join multicast group", group)?;
        }
        Ok(Monitor {
            events,
            requests: Engine::new(requests),
            buf: vec![0; RECV_BUFFER_SIZE],
            groups,
            pending: VecDeque::new(),
            resync_pending: false,
            resyncs: 0,
            foreign: 0,
            deadline: None,
            all_nsid: false,
        })
    }

    /// The groups joined.
    pub fn groups(&self) -> MonitorGroups {
        self.groups
    }

    /// The event socket, to change its options: `SO_RCVBUF`
    /// ([`Socket::set_recv_buffer_size`]) above all. (Turning on `NETLINK_NO_ENOBUFS` hides
    /// overruns, and with them the resync.)
    pub fn socket(&self) -> &Socket {
        &self.events
    }

    /// How many resyncs there have been (overruns and oversized datagrams).
    pub fn resyncs(&self) -> u64 {
        self.resyncs
    }

    /// How many datagrams were skipped because they did not come from the kernel.
    pub fn foreign(&self) -> u64 {
        self.foreign
    }

    /// Makes the blocking reads ([`next_event`](Monitor::next_event), the iterator,
    /// [`next_with`](Monitor::next_with)) and the dumps of a resync or snapshot give up at
    /// `deadline` with [`ErrorKind::TimedOut`]; `None` (the default) waits for events as long
    /// as it takes. After a timeout the monitor reads on as before.
    pub fn set_deadline(&mut self, deadline: Option<Deadline>) {
        self.deadline = deadline;
        self.requests.set_deadline(deadline);
    }

    /// The deadline of blocking reads ([`Monitor::set_deadline`]).
    pub fn deadline(&self) -> Option<Deadline> {
        self.deadline
    }

    /// `recvfrom` on the event socket: the next event, waiting for one if none is queued. After
    /// lost events it is an [`Event::Resync`] (see the [module documentation](self)).
    ///
    /// # Errors
    /// When the socket fails, a message does not parse, or a resync's dump fails (the resync
    /// is tried again on the next call).
    pub fn next_event(&mut self) -> Result<Event> {
        loop {
            if let Some(event) = self.pending.pop_front() {
                return Ok(event);
            }
            self.fill(false)?;
        }
    }

    /// `recvfrom(MSG_DONTWAIT)` on the event socket: the next event if one is queued, else
    /// `None`.
    ///
    /// # Errors
    /// As [`Monitor::next_event`].
    pub fn try_next_event(&mut self) -> Result<Option<Event>> {
        loop {
            if let Some(event) = self.pending.pop_front() {
                return Ok(Some(event));
            }
            if !self.fill(true)? {
                return Ok(None);
            }
        }
    }

    /// Reads one datagram (or does one resync) into the queue of owned events; `false` when
    /// `nonblocking` and nothing was queued.
    fn fill(&mut self, nonblocking: bool) -> Result<bool> {
        let mut pending = std::mem::take(&mut self.pending);
        let mut snapshot: Option<Snapshot> = None;
        let r = self.step(nonblocking, &mut |_, payload| match payload {
            Payload::ResyncBegin => snapshot = Some(Snapshot::default()),
            Payload::ResyncEnd => pending.extend(snapshot.take().map(Event::Resync)),
            payload => match &mut snapshot {
                Some(snapshot) => snapshot.push(&payload),
                None => pending.extend(payload.to_event()),
            },
        });
        self.pending = pending;
        r.map(|n| n.is_some())
    }

    /// `recvfrom` on the event socket: waits for the next datagram and calls `f` with each
    /// notification in it, borrowed from the receive buffer (nothing is copied); after lost
    /// events, calls `f` with the resync instead ([`Payload::ResyncBegin`], the dumped tables,
    /// [`Payload::ResyncEnd`]). Returns how many payloads `f` got.
    ///
    /// When a resync fails (its dump is refused, say), the error is returned and the next call
    /// starts the resync again, with a new [`Payload::ResyncBegin`].
    ///
    /// The two forms read the same socket; events the owned form has taken from a datagram
    /// but not yet returned stay with it ([`Monitor::next_event`] returns them first).
    ///
    /// # Errors
    /// As [`Monitor::next_event`]; the messages before one that does not parse were handed to
    /// `f`.
    pub fn next_with(&mut self, mut f: impl FnMut(Payload<'_>)) -> Result<usize> {
        Ok(self.step(false, &mut |_, payload| f(payload))?.unwrap_or(0))
    }

    /// [`Monitor::next_with`], each payload with the nsid of the namespace it came from: with
    /// [`Monitor::listen_all_nsid`], `Some(N)` for a peer namespace, `None` for the monitor's
    /// own (and for the dumps of a resync), as `ip monitor all-nsid` prints `[nsid N]` and
    /// `[nsid current]`; always `None` without it.
    ///
    /// # Errors
    /// As [`Monitor::next_with`].
    pub fn next_with_nsid(&mut self, mut f: impl FnMut(Option<i32>, Payload<'_>)) -> Result<usize> {
        Ok(self.step(false, &mut f)?.unwrap_or(0))
    }

    /// `setsockopt(SOL_NETLINK, NETLINK_LISTEN_ALL_NSID)` on the event socket: the joined
    /// groups' events of every namespace that has an nsid in the monitor's, too (`ip monitor
    /// all-nsid`); [`Monitor::next_with_nsid`] tells them apart. Needs `CAP_NET_BROADCAST` in
    /// those namespaces.
    ///
    /// # Errors
    /// When the kernel refuses the option.
    pub fn listen_all_nsid(&mut self) -> Result<()> {
        self.events
            .set_listen_all_nsid(true)
            .context_none("listen to all nsids")?;
        self.all_nsid = true;
        Ok(())
    }

    /// [`Monitor::next_with`] without waiting: `None` when nothing is queued.
    ///
    /// # Errors
    /// As [`Monitor::next_with`].
    pub fn try_next_with(&mut self, mut f: impl FnMut(Payload<'_>)) -> Result<Option<usize>> {
        self.step(true, &mut |_, payload| f(payload))
    }

    /// The core: one datagram's notifications, or one resync, to `f`. `Ok(None)` when
    /// `nonblocking` and nothing is queued.
    fn step(
        &mut self,
        nonblocking: bool,
        f: &mut dyn FnMut(Option<i32>, Payload<'_>),
    ) -> Result<Option<usize>> {
        // A resync dumps this namespace's tables: no nsid.
        if self.resync_pending {
            return self.resync(&mut |payload| f(None, payload)).map(Some);
        }
        let (len, nsid) = loop {
            let capacity = self.buf.len();
            let deadline = self.deadline.filter(|_| !nonblocking);
            if let Some(deadline) = deadline
                && !self
                    .events
                    .wait_readable(deadline)
                    .context_none("receive events")?
            {
                let timed_out = ErrorKind::TimedOut(Waiting::Event);
                return Err(Error::new("receive events", None, timed_out));
            }
            let received = if self.all_nsid {
                self.events.recv_raw_nsid(&mut self.buf, nonblocking)
            } else {
                self.events
                    .recv_raw(&mut self.buf, nonblocking)
                    .map(|d| (d, None))
            };
            match received {
                Err(Errno::AGAIN) if nonblocking => return Ok(None),
                Err(Errno::NOBUFS) => {
                    self.resync_pending = true;
                    return self.resync(&mut |payload| f(None, payload)).map(Some);
                }
                Err(e) => return Err(Error::new("receive events", None, ErrorKind::Os(e))),
                Ok((d, _)) if d.port != 0 => self.foreign += 1,
                Ok((d, _)) if d.truncated(capacity) => {
                    // The event is lost; a larger buffer keeps the next one.
                    self.buf.resize(d.len.next_multiple_of(4096), 0);
                    self.resync_pending = true;
                    return self.resync(&mut |payload| f(None, payload)).map(Some);
                }
                Ok((d, nsid)) => break (d.len, nsid),
            }
        };
        let mut n = 0;
        for message in Messages::new(&self.buf[..len]) {
            let payload = message
                .and_then(Payload::from_message)
                .map_err(|e| Error::new("receive events", None, rtnl_sys::Error::from(e).into()))?;
            f(nsid, payload);
            n += 1;
        }
        Ok(Some(n))
    }

    /// Discards what is queued on the event socket, then dumps the subscribed tables to `f`
    /// between [`Payload::ResyncBegin`] and [`Payload::ResyncEnd`].
    fn resync(&mut self, f: &mut dyn FnMut(Payload<'_>)) -> Result<usize> {
        let mut drained = 0;
        while drained < DRAIN_LIMIT {
            match self.events.recv_raw(&mut self.buf, true) {
                Ok(_) | Err(Errno::NOBUFS) => drained += 1,
                Err(Errno::AGAIN) => break,
                Err(e) => return Err(Error::new("resync events", None, ErrorKind::Os(e))),
            }
        }
        let n = self.dump_all(f)?;
        self.resync_pending = false;
        self.resyncs += 1;
        Ok(n)
    }

    /// `RTM_GETLINK`, `RTM_GETADDR`, `RTM_GETROUTE` and `RTM_GETNSID` dumps of what is
    /// subscribed, through the request socket: the current state, handed to `f` between
    /// [`Payload::ResyncBegin`] and [`Payload::ResyncEnd`]; every dump is redone from the
    /// start when one is reported inconsistent. Returns how many payloads `f` got.
    fn dump_all(&mut self, f: &mut dyn FnMut(Payload<'_>)) -> Result<usize> {
        retry_interrupted(|_| {
            f(Payload::ResyncBegin);
            let mut n = 2;
            for (group, dump) in RESYNC_DUMPS {
                if self.groups.intersects(group) {
                    n += dump(self, f)?;
                }
            }
            f(Payload::ResyncEnd);
            Ok(n)
        })
    }

    /// One dump of a resync, each reply to `f` as its `New*` payload; how many there were.
    fn resync_dump<D>(
        &mut self,
        op: &'static str,
        dump: &D,
        f: &mut dyn FnMut(Payload<'_>),
    ) -> Result<usize>
    where
        D: Dump,
        for<'a> D::Reply<'a>: Dumped<'a> + Clone,
    {
        let mut request = [0u8; 256];
        let mut n = 0;
        dump_once(
            &mut self.requests,
            &mut request,
            &mut self.buf,
            op,
            dump,
            |view| {
                f(view.clone().payload());
                n += 1;
            },
        )?;
        Ok(n)
    }

    /// `RTM_GETLINK`, `RTM_GETADDR`, `RTM_GETROUTE` and `RTM_GETNSID` dumps of the subscribed
    /// kinds, through the request socket: the current state (see [`Snapshot`]).
    ///
    /// Events keep queueing on the event socket meanwhile and are not touched: taken right
    /// after the monitor was opened, the snapshot plus the events that follow give the state
    /// at every later moment (events may repeat what the snapshot shows).
    ///
    /// # Errors
    /// When a dump fails.
    pub fn snapshot(&mut self) -> Result<Snapshot> {
        let mut snapshot = Snapshot::default();
        self.snapshot_with(|payload| match payload {
            Payload::ResyncBegin => snapshot = Snapshot::default(),
            payload => snapshot.push(&payload),
        })?;
        Ok(snapshot)
    }

    /// [`Monitor::snapshot`], streamed: `f` gets [`Payload::ResyncBegin`], the dumped
    /// messages as `New*` payloads borrowed from the receive buffer, and
    /// [`Payload::ResyncEnd`]. Returns how many payloads `f` got.
    ///
    /// # Errors
    /// When a dump fails.
    pub fn snapshot_with(&mut self, mut f: impl FnMut(Payload<'_>)) -> Result<usize> {
        self.dump_all(&mut f)
    }
}

impl AsFd for Monitor {
    /// The event socket: readable when an event is queued.
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.events.as_fd()
    }
}

impl Iterator for Monitor {
    type Item = Result<Event>;

    /// [`Monitor::next_event`]: blocks until the next event; never ends (an error is yielded
    /// and reading goes on with the next call).
    fn next(&mut self) -> Option<Self::Item> {
        Some(self.next_event())
    }
}

/// One dump of a resync: what [`Monitor::dump_all`] runs for a subscribed group.
type ResyncDump = fn(&mut Monitor, &mut dyn FnMut(Payload<'_>)) -> Result<usize>;

/// The dumps of a resync, in order, each with the group that asks for it.
const RESYNC_DUMPS: [(MonitorGroups, ResyncDump); 9] = [
    (MonitorGroups::LINK, |m, f| {
        m.resync_dump("dump links", &LinkDump::default(), f)
    }),
    (MonitorGroups::IPV4_ADDRESS, |m, f| {
        m.resync_dump("dump addresses", &addresses(af::INET), f)
    }),
    (MonitorGroups::IPV6_ADDRESS, |m, f| {
        m.resync_dump("dump addresses", &addresses(af::INET6), f)
    }),
    (MonitorGroups::IPV4_ROUTE, |m, f| {
        m.resync_dump("dump routes", &routes(af::INET), f)
    }),
    (MonitorGroups::IPV6_ROUTE, |m, f| {
        m.resync_dump("dump routes", &routes(af::INET6), f)
    }),
    (MonitorGroups::NSID, |m, f| {
        m.resync_dump("dump nsids", &NsidDump::default(), f)
    }),
    (MonitorGroups::NEIGH, |m, f| {
        let fdb = NeighbourDump {
            family: af::BRIDGE,
            ..NeighbourDump::default()
        };
        Ok(
            m.resync_dump("dump neighbours", &NeighbourDump::default(), f)?
                + m.resync_dump("dump neighbours", &fdb, f)?,
        )
    }),
    (MonitorGroups::IPV4_RULE, |m, f| {
        m.resync_dump("dump rules", &RuleDump { family: af::INET }, f)
    }),
    (MonitorGroups::IPV6_RULE, |m, f| {
        m.resync_dump("dump rules", &RuleDump { family: af::INET6 }, f)
    }),
];

/// Every address of `family`.
fn addresses(family: u8) -> AddressDump {
    AddressDump {
        family,
        ..AddressDump::default()
    }
}

/// Every route of `family`, in every table.
fn routes(family: u8) -> RouteDump {
    RouteDump {
        family,
        ..RouteDump::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_map_to_rtnetlink_groups() {
        assert_eq!(
            MonitorGroups::ALL.rtnl_groups().collect::<Vec<_>>(),
            rtnl_sys::EVENT_GROUPS
        );
        let groups = MonitorGroups::LINK | MonitorGroups::IPV6_ROUTE;
        assert_eq!(
            groups.rtnl_groups().collect::<Vec<_>>(),
            [rtnlgrp::LINK, rtnlgrp::IPV6_ROUTE]
        );
        assert!(MonitorGroups::ADDRESS.contains(MonitorGroups::IPV4_ADDRESS));
        assert!(!MonitorGroups::LINK.intersects(MonitorGroups::ROUTE));
        assert!(MonitorGroups::empty().is_empty());
        assert_eq!(format!("{groups:?}"), "MonitorGroups(LINK | IPV6_ROUTE)");
        assert_eq!(
            MonitorGroups::ALL & MonitorGroups::NSID,
            MonitorGroups::NSID
        );
    }

    #[test]
    fn resync_dumps_cover_every_group_once() {
        let mut all = MonitorGroups::empty();
        for (group, _) in RESYNC_DUMPS {
            assert!(!all.intersects(group), "{group:?} twice");
            all |= group;
        }
        assert_eq!(all, MonitorGroups::ALL);
    }
}
