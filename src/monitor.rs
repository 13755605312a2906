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

// The family list names the codec's views and the owned values by their names at the roots.
use rtnl_codec::*;
use rtnl_codec::{Dump, Message, Messages, View};
use rustix::io::Errno;

use rtnl_sys::{Deadline, Engine, RECV_BUFFER_SIZE, Socket, Waiting};

use crate::dump::{dump_once, retry_interrupted};
use crate::error::{Context, Error, ErrorKind, Result};
use crate::handle::{NetnsRef, open_netns};
use crate::model::FromView;
use crate::*;

/// The most datagrams discarded when a resync starts; a flood that outlasts it overruns the
/// queue again, which only means another resync.
const DRAIN_LIMIT: usize = 1 << 16;

/// Which notifications a [`Monitor`] receives: a set of rtnetlink multicast groups.
///
/// Combine with `|`: `MonitorGroups::LINK | MonitorGroups::ADDRESS`.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct MonitorGroups(u32);

impl MonitorGroups {
    /// Everything a monitor understands: every group of every family (what `ip monitor`
    /// with no object, or `ip monitor all`, shows of the families rtnl knows).
    pub const ALL: Self = Self::union(&FAMILIES);

    /// The group of bit `n`: each family's module names its groups with it, each bit once.
    pub(crate) const fn bit(n: u32) -> Self {
        Self(1 << n)
    }

    /// The groups of `self` and of `other` (`|` in a `const`).
    pub(crate) const fn or(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }

    /// Every flag of every family's groups.
    const fn union(families: &[(&'static str, &'static [Group])]) -> Self {
        let mut bits = 0;
        let mut i = 0;
        while i < families.len() {
            let groups = families[i].1;
            let mut j = 0;
            while j < groups.len() {
                bits |= groups[j].flag.0;
                j += 1;
            }
            i += 1;
        }
        Self(bits)
    }

    /// Every group of every family, in the order of their bits.
    fn table() -> impl Iterator<Item = &'static Group> {
        (0..u32::BITS).filter_map(|bit| {
            FAMILIES
                .iter()
                .flat_map(|(_, groups)| groups.iter())
                .find(|group| group.flag.0 == 1 << bit)
        })
    }

    /// The groups of the family `ip monitor` names `object` (`link`, `address`, `route`,
    /// `nsid`, `rule`, `neigh`), or `None` for a word no family of rtnl answers to.
    pub fn object(object: &str) -> Option<Self> {
        FAMILIES
            .iter()
            .find(|(name, _)| *name == object)
            .map(|family| Self::union(std::slice::from_ref(family)))
    }

    /// The words `ip monitor` names the families by, in the order of the library's family
    /// list.
    pub fn objects() -> impl Iterator<Item = &'static str> {
        FAMILIES.iter().map(|(name, _)| *name)
    }

    /// The groups whose objects are of the address family `family` (`AF_INET`,
    /// `AF_INET6`) or of any: what `ip -4 monitor` or `ip -6 monitor` joins.
    pub fn of_family(family: u8) -> Self {
        let mut bits = 0;
        for group in Self::table() {
            if group.family.is_none_or(|f| f == family) {
                bits |= group.flag.0;
            }
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
        Self::table()
            .filter(move |group| self.contains(group.flag))
            .map(|group| group.rtnlgrp)
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
        for group in Self::table() {
            if self.contains(group.flag) {
                if !first {
                    f.write_str(" | ")?;
                }
                f.write_str(group.name)?;
                first = false;
            }
        }
        f.write_str(")")
    }
}

/// One multicast group of a family: what the monitor joins, names, filters and dumps for it.
pub(crate) struct Group {
    /// Its flag: one bit of its own.
    pub(crate) flag: MonitorGroups,
    /// The flag's name, for `Debug`.
    pub(crate) name: &'static str,
    /// `RTNLGRP_*`.
    pub(crate) rtnlgrp: u32,
    /// The address family of its objects (`AF_INET`, `AF_INET6`), `None` for any.
    pub(crate) family: Option<u8>,
    /// Its dumps in a resync.
    pub(crate) resync: ResyncDump,
}

/// What the monitor needs of a family besides its row in the family list (`families!` in
/// `lib.rs`), said by the family's own module for its codec view.
pub(crate) trait MonitorFamily {
    /// The word `ip monitor` names the family by (`link`, `neigh`, ...).
    const OBJECT: &'static str;
    /// Its groups (IPv4 and IPv6 ones for addresses, routes, rules).
    const GROUPS: &'static [Group];
}

/// The monitor's types and dispatch, with a variant and a snapshot list for each row of the
/// family list: what the monitor does with a family (decode a notification, copy it out, add
/// it to a snapshot) is written once here, for all of them.
macro_rules! monitor_families {
    ($($module:ident: $view:ident => $value:ident {
        $new:ident: $new_doc:literal, $del:ident: $del_doc:literal, $list:ident: $list_doc:literal $(,)?
    };)*) => {
        /// Each family's `ip monitor` word and groups.
        const FAMILIES: [(&'static str, &'static [Group]); [$(stringify!($module)),*].len()] = [
            $((<$view<'static> as MonitorFamily>::OBJECT, <$view<'static> as MonitorFamily>::GROUPS),)*
        ];

        /// The complete tables of the subscribed kinds, dumped at one moment: what an
        /// [`Event::Resync`] carries and [`Monitor::snapshot`] returns. A kind not subscribed is
        /// left empty.
        #[derive(Clone, Debug, Default, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct Snapshot {
            $(
                #[doc = $list_doc]
                pub $list: Vec<$value>,
            )*
        }

        /// One notification from the kernel, copied out of the receive buffer.
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        #[allow(
            clippy::large_enum_variant,
            reason = "events are handed over one at a time; boxing would cost an allocation per link event"
        )]
        pub enum Event {
            $(
                #[doc = $new_doc]
                $new($value),
                #[doc = $del_doc]
                $del($value),
            )*
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
            $(
                #[doc = $new_doc]
                $new($view<'a>),
                #[doc = $del_doc]
                $del($view<'a>),
            )*
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

        impl<'a> Payload<'a> {
            /// Decodes a notification by its type.
            ///
            /// # Errors
            /// When a message of one of the families does not parse.
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

families!(monitor_families);

/// A view the resync dumps hand over: as the `New*` payload it is.
pub(crate) trait Dumped<'a>: View<'a> {
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
            for group in MonitorGroups::table() {
                if self.groups.intersects(group.flag) {
                    n += (group.resync)(self, f)?;
                }
            }
            f(Payload::ResyncEnd);
            Ok(n)
        })
    }

    /// One dump of a resync, each reply to `f` as its `New*` payload; how many there were.
    pub(crate) fn resync_dump<D>(
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
            &mut |view| {
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
pub(crate) type ResyncDump = fn(&mut Monitor, &mut dyn FnMut(Payload<'_>)) -> Result<usize>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_group_has_a_bit_of_its_own_and_all_holds_them() {
        let mut all = MonitorGroups::empty();
        let mut n = 0;
        for (_, groups) in FAMILIES {
            for group in groups {
                assert_eq!(group.flag.0.count_ones(), 1, "{}", group.name);
                assert!(!all.intersects(group.flag), "{} twice", group.name);
                all |= group.flag;
                n += 1;
            }
        }
        assert_eq!(all, MonitorGroups::ALL);
        // The table walks every group once, by bit.
        let bits: Vec<u32> = MonitorGroups::table().map(|g| g.flag.0).collect();
        assert_eq!(bits.len(), n);
        assert!(bits.is_sorted());
    }

    #[test]
    fn objects_name_their_families_groups() {
        assert_eq!(MonitorGroups::object("link"), Some(MonitorGroups::LINK));
        assert_eq!(MonitorGroups::object("rule"), Some(MonitorGroups::RULE));
        assert_eq!(MonitorGroups::object("nexthop"), None);
        assert_eq!(
            MonitorGroups::objects().collect::<Vec<_>>(),
            ["address", "link", "nsid", "route", "rule", "neigh"]
        );
        assert_eq!(
            MonitorGroups::of_family(af::INET),
            MonitorGroups::LINK
                | MonitorGroups::NSID
                | MonitorGroups::NEIGH
                | MonitorGroups::IPV4_ADDRESS
                | MonitorGroups::IPV4_ROUTE
                | MonitorGroups::IPV4_RULE
        );
    }
}
