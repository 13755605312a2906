//! Pipelined batches: many requests written back to back into one buffer, sent in as few
//! datagrams as the socket allows, one result per request.
//!
//! ```no_run
//! # fn main() -> rtnl::Result<()> {
//! use std::net::{IpAddr, Ipv6Addr};
//! use rtnl::{Handle, LinkAdd, LinkRef};
//!
//! let mut handle = Handle::new()?;
//! let names: Vec<(String, String)> =
//!     (0..1000).map(|i| (format!("va{i}"), format!("vb{i}"))).collect();
//! let mut batch = handle.batch_builder();
//! for (i, (a, b)) in names.iter().enumerate() {
//!     batch.link_add(&LinkAdd::veth(a, b).up());
//!     let addr = Ipv6Addr::new(0x2001, 0xdb8, 0, i as u16, 0, 0, 0, 1);
//!     batch.address_add(LinkRef::Name(a), IpAddr::V6(addr), 64);
//! }
//! for (i, result) in batch.send()?.into_iter().enumerate() {
//!     if let Err(e) = result {
//!         eprintln!("request {i}: {e:#}");
//!     }
//! }
//! # Ok(()) }
//! ```

use std::collections::HashMap;
use std::mem::offset_of;
use std::net::IpAddr;

use rtnl_codec::raw::{IfAddrMsg, NlMsgHdr};
use rtnl_codec::request::{self, LinkFlags, LinkRef, NewMode, SetLink};
use rtnl_codec::{MessageBuilder, nlm_f, nlmsg};

use crate::error::{Error, ErrorKind, Result};
use crate::handle::Handle;
use crate::link::{LinkAdd, LinkFilter, OpenNetns};

/// Room made for the next request before its constructor runs; a veth creation with both
/// ends' attributes takes a few hundred bytes. A request that does not fit gets a larger room.
const REQUEST_ROOM: usize = 1024;

/// The largest request a batch makes room for: netlink's own limit is the socket's send buffer.
const MAX_REQUEST: usize = 1 << 20;

/// Where `ifa_index` is in an address request.
const IFA_INDEX_AT: usize = NlMsgHdr::SIZE + offset_of!(IfAddrMsg, ifa_index);

/// From how many device names still to look up a batch reads them all with one link dump
/// rather than one `RTM_GETLINK` each.
const DUMP_FROM: usize = 32;

/// One queued request.
#[derive(Debug)]
struct Entry {
    op: &'static str,
    /// What the request is about, as errors name it (a device name, `ADDR/LEN dev NAME`).
    object: String,
    /// `object` is a link name this request creates or deletes: an index looked up for that
    /// name earlier may be stale after it.
    changes_name: bool,
    state: State,
}

#[derive(Debug)]
enum State {
    /// Written at `start..start + len` of the buffer.
    Ready { start: usize, len: usize },
    /// Written, with `ifa_index` left 0 until the device `name` is looked up at send time.
    Unresolved {
        start: usize,
        len: usize,
        name: String,
    },
    /// The request could not be built; this is its result.
    Failed(Error),
}

/// Requests to send back to back (`RTM_NEWLINK`, `RTM_DELLINK`, `RTM_NEWADDR`, `RTM_DELADDR`,
/// ...), made with [`Handle::batch_builder`] and sent with [`Batch::send`], which returns one
/// result per request, in the order they were added.
///
/// Every request is written at once into one growing buffer; `send` hands them to the
/// kernel in as few datagrams as the socket allows and matches the acknowledgements by
/// sequence number (see [`Engine::batch`](rtnl_sys::Engine::batch)): a thousand requests cost
/// a handful of system calls instead of two thousand. The kernel handles the messages of a
/// datagram one after the other, so a request sees the effect of every request before it,
/// and a refused request does not stop the ones after it.
///
/// # Names of links made in the same batch
///
/// Requests that name a link by `IFLA_IFNAME` ([`Batch::link_del`], [`Batch::link_up`],
/// [`Batch::link_set`] with [`LinkRef::Name`]) are resolved by the kernel when it reaches
/// them, so they work on links created earlier in the same batch.
///
/// Address requests need the link's index (`struct ifaddrmsg` has no name). A name given to
/// [`Batch::address_add`] is looked up when `send` reaches that request: the requests before
/// it are sent first (so links they create exist), then the name is resolved, with one link
/// dump the first time when many names are left to resolve (a name → index map), else with
/// one `RTM_GETLINK`. "Create 1,000 veth pairs, up, with one address each" is thus one batch,
/// sent as two pipelined runs with one dump between them, when the links come first and the
/// addresses after them. Interleaving (link, its address, next link, ...) also works, at one
/// round trip per link. An index looked up for a name is forgotten when a later request of the
/// batch adds or deletes a link of that name.
///
/// Names inside a [`LinkAdd`] (a master, a vlan's lower device) are resolved when it is added
/// to the batch, so they must exist then. Namespaces named in a `LinkAdd` are opened when it
/// is added and stay open until `send` returns: one file descriptor each.
///
/// # Errors
///
/// A request that cannot be built (an invalid name, a device not found) gets its error at its
/// index, with the operation and object a single call would report; nothing else is affected.
/// `send` itself fails only when the socket does (a system call error, or acknowledgements
/// lost to a full receive queue): requests not yet reported then have an unknown outcome.
#[must_use = "nothing is sent until Batch::send"]
pub struct Batch<'h> {
    handle: &'h mut Handle,
    /// Requests back to back from 0 to `used`, each starting 4-byte aligned; zeroes after.
    buf: Vec<u8>,
    used: usize,
    entries: Vec<Entry>,
    /// Namespace descriptors the requests refer to, open until they are sent.
    fds: OpenNetns,
}

impl std::fmt::Debug for Batch<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Batch")
            .field("requests", &self.entries.len())
            .field("bytes", &self.used)
            .finish_non_exhaustive()
    }
}

impl Handle {
    /// A pipelined batch of requests (`RTM_NEWLINK`, `RTM_NEWADDR`, ...) on this handle's
    /// socket: add requests to it, then [`Batch::send`] them all at once.
    pub fn batch_builder(&mut self) -> Batch<'_> {
        Batch {
            handle: self,
            buf: Vec::new(),
            used: 0,
            entries: Vec::new(),
            fds: OpenNetns::default(),
        }
    }
}

impl Batch<'_> {
    /// How many requests are queued (`RTM_*` messages, one result each).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no request is queued (no `RTM_*` message to send).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// `RTM_NEWLINK` with `NLM_F_CREATE | NLM_F_EXCL`: queues a link creation (`ip link
    /// add`); returns its index in the results.
    ///
    /// A link made up ([`LinkAdd::up`]) needs no separate `link set up` request.
    pub fn link_add(&mut self, add: &LinkAdd<'_>) -> usize {
        let spec = match self.handle.new_link_spec(add, &mut self.fds) {
            Ok(spec) => spec,
            // As `Handle::link_add` reports it: opening a namespace, finding a master.
            Err(e) => return self.push_error(e),
        };
        let object = spec.name.unwrap_or(add.kind_name()).to_owned();
        let changes_name = spec.name.is_some();
        self.push("add link", object, changes_name, None, |buf| {
            request::link_new(buf, 0, &spec)
        })
    }

    /// `RTM_NEWLINK` (with `ifi_change`): queues a change of a link's attributes and flags,
    /// described by the codec's [`SetLink`] (`ip link set`); returns its index in the results.
    ///
    /// A link named by [`LinkRef::Name`] is looked up by the kernel when it reaches the
    /// request. A rename needs the link by index.
    pub fn link_set(&mut self, set: &SetLink<'_>) -> usize {
        let object = describe(set.link);
        self.push("set link", object, set.name.is_some(), None, |buf| {
            request::link_set(buf, 0, set)
        })
    }

    /// `RTM_NEWLINK` with `IFF_UP` set: queues `ip link set LINK up`; returns its index in the
    /// results.
    pub fn link_up(&mut self, link: LinkRef<'_>) -> usize {
        self.link_set(&SetLink {
            flags: LinkFlags::up(),
            ..SetLink::new(link)
        })
    }

    /// `RTM_NEWLINK` with `IFF_UP` cleared: queues `ip link set LINK down`; returns its index
    /// in the results.
    pub fn link_down(&mut self, link: LinkRef<'_>) -> usize {
        self.link_set(&SetLink {
            flags: LinkFlags::down(),
            ..SetLink::new(link)
        })
    }

    /// `RTM_DELLINK`: queues a link deletion (`ip link del`; a veth takes its peer with it);
    /// returns its index in the results.
    pub fn link_del(&mut self, link: LinkRef<'_>) -> usize {
        let changes_name = matches!(link, LinkRef::Name(_));
        self.push("delete link", describe(link), changes_name, None, |buf| {
            request::link_del(buf, 0, link)
        })
    }

    /// `RTM_NEWADDR` with `NLM_F_CREATE | NLM_F_EXCL`: queues `ip address add
    /// LOCAL/PREFIX_LEN dev DEV`; returns its index in the results.
    ///
    /// A device given by name is looked up when [`Batch::send`] reaches the request (see
    /// [Names of links made in the same batch](Batch#names-of-links-made-in-the-same-batch)).
    pub fn address_add(&mut self, dev: LinkRef<'_>, local: IpAddr, prefix_len: u8) -> usize {
        self.address_new(
            dev,
            NewMode::Add,
            &request::Address::new(0, local, prefix_len),
        )
    }

    /// `RTM_NEWADDR` with the flags of `mode`: queues an address with every field of the
    /// codec's [`request::Address`] (flags such as `IFA_F_NODAD`, lifetimes, a label), on
    /// `dev` (its `index` field is replaced); returns its index in the results.
    pub fn address_new(
        &mut self,
        dev: LinkRef<'_>,
        mode: NewMode,
        address: &request::Address<'_>,
    ) -> usize {
        let op = match mode {
            NewMode::Add => "add address",
            NewMode::Replace => "replace address",
            NewMode::Change => "change address",
            NewMode::Append | NewMode::Prepend => "add address",
        };
        self.address_request(op, dev, address, |buf, addr| {
            request::addr_new(buf, 0, mode, addr)
        })
    }

    /// `RTM_DELADDR`: queues `ip address del LOCAL/PREFIX_LEN dev DEV`; returns its index in
    /// the results.
    pub fn address_del(&mut self, dev: LinkRef<'_>, local: IpAddr, prefix_len: u8) -> usize {
        let address = request::Address::new(0, local, prefix_len);
        self.address_request("delete address", dev, &address, |buf, addr| {
            request::addr_del(buf, 0, addr)
        })
    }

    /// Any request that is answered with an acknowledgement (`RTM_NEWROUTE`, `RTM_NEWNSID`,
    /// ...), written by `build` (one of the codec's constructors; called again with a larger
    /// buffer if the first is too small); errors name `op` and `object`. Returns its index in
    /// the results. A dump request is refused: its answer is not an acknowledgement.
    pub fn request(
        &mut self,
        op: &'static str,
        object: impl ToString,
        build: impl FnMut(&mut [u8]) -> Result<MessageBuilder<'_>, rtnl_codec::Error>,
    ) -> usize {
        self.push(op, object.to_string(), false, None, build)
    }

    fn address_request(
        &mut self,
        op: &'static str,
        dev: LinkRef<'_>,
        address: &request::Address<'_>,
        build: impl for<'b> Fn(
            &'b mut [u8],
            &request::Address<'_>,
        ) -> Result<MessageBuilder<'b>, rtnl_codec::Error>,
    ) -> usize {
        let (index, name) = match dev {
            LinkRef::Index(index) => (index, None),
            LinkRef::Name(name) => (0, Some(name)),
        };
        let object = format!(
            "{}/{} dev {}",
            address.local,
            address.prefix_len,
            name.map_or_else(|| index.to_string(), str::to_owned)
        );
        if let Some(name) = name {
            // The kernel's own check, so a bad name fails here and not as "device not found".
            if let Err(e) = request::link_get(&mut [0; 64], 0, LinkRef::Name(name)) {
                return self.push_failed(op, object, ErrorKind::Request(e));
            }
        }
        let address = request::Address { index, ..*address };
        self.push(op, object, false, name, |buf| build(buf, &address))
    }

    fn push_failed(&mut self, op: &'static str, object: String, kind: ErrorKind) -> usize {
        self.push_error(Error::new(op, Some(object), kind))
    }

    fn push_error(&mut self, error: Error) -> usize {
        self.entries.push(Entry {
            op: error.op(),
            object: error.object().unwrap_or_default().to_owned(),
            changes_name: false,
            state: State::Failed(error),
        });
        self.entries.len() - 1
    }

    /// Writes a request with `build` at the end of the buffer, growing it as needed.
    fn push(
        &mut self,
        op: &'static str,
        object: String,
        changes_name: bool,
        unresolved: Option<&str>,
        mut build: impl FnMut(&mut [u8]) -> Result<MessageBuilder<'_>, rtnl_codec::Error>,
    ) -> usize {
        let start = self.used;
        let mut room = REQUEST_ROOM;
        let built = loop {
            if self.buf.len() < start + room {
                let len = (start + room).max(self.buf.len().saturating_mul(2));
                self.buf.resize(len, 0);
            }
            match build(&mut self.buf[start..]) {
                Ok(b) => break Ok(b.len()),
                Err(rtnl_codec::Error::BufferFull { .. }) if room < MAX_REQUEST => room *= 4,
                Err(e) => break Err(e),
            }
        };
        let len = match built {
            Ok(len) => len,
            Err(e) => return self.push_failed(op, object, ErrorKind::Request(e)),
        };
        if is_dump(&self.buf[start..start + len]) {
            return self.push_failed(
                op,
                object,
                ErrorKind::Invalid("a dump request cannot be part of a batch"),
            );
        }
        let end = start + len.next_multiple_of(4);
        self.buf[start + len..end].fill(0);
        self.used = end;
        let state = match unresolved {
            None => State::Ready { start, len },
            Some(name) => State::Unresolved {
                start,
                len,
                name: name.to_owned(),
            },
        };
        self.entries.push(Entry {
            op,
            object,
            changes_name,
            state,
        });
        self.entries.len() - 1
    }

    /// Sends every request, in order, and returns one result per request, in the order they
    /// were added (`RTM_*` acknowledgements or errors, matched by sequence number).
    ///
    /// Runs of ready requests go out pipelined; an address request on a device named by a
    /// name not yet looked up ends a run, as the type's documentation explains. Namespace
    /// descriptors opened for the requests are closed when this returns.
    ///
    /// # Errors
    /// Only when the socket fails (see the [type's documentation](Batch#errors)); the kernel's
    /// refusals are in the per-request results.
    pub fn send(mut self) -> Result<Vec<Result<()>>> {
        let entries = std::mem::take(&mut self.entries);
        let mut results: Vec<Result<()>> = Vec::with_capacity(entries.len());
        results.resize_with(entries.len(), || Ok(()));
        let mut names = Names::default();
        // The requests of the current run: their indexes and the bytes they span.
        let mut run: Vec<usize> = Vec::new();
        let mut span = 0..0;
        let mut unresolved_left = entries
            .iter()
            .filter(|e| matches!(e.state, State::Unresolved { .. }))
            .count();

        for (i, entry) in entries.iter().enumerate() {
            let (start, len) = match &entry.state {
                State::Failed(e) => {
                    results[i] = Err(e.clone());
                    continue;
                }
                State::Ready { start, len } => (*start, *len),
                State::Unresolved { start, len, name } => {
                    unresolved_left -= 1;
                    let mut index = Ok(names.get(name));
                    if index == Ok(None) {
                        // The requests before this one may create the link: send them first.
                        if self.flush(&entries, &mut run, &mut span, &mut results)? {
                            names.dump_is_fresh = false;
                        }
                        index = names.look_up(self.handle, name, unresolved_left + 1);
                    }
                    match index {
                        Ok(Some(index)) => {
                            self.buf[start + IFA_INDEX_AT..start + IFA_INDEX_AT + 4]
                                .copy_from_slice(&index.to_ne_bytes());
                            (*start, *len)
                        }
                        Ok(None) => {
                            let error =
                                Error::new(entry.op, Some(name.clone()), ErrorKind::NotFound);
                            results[i] = Err(error);
                            continue;
                        }
                        Err(e) => {
                            results[i] = Err(entry.error(e.kind().clone()));
                            continue;
                        }
                    }
                }
            };
            if entry.changes_name {
                names.forget(&entry.object);
            }
            if run.is_empty() {
                span = start..start;
            }
            debug_assert_eq!(span.end, start, "a run's requests are contiguous");
            span.end = start + len.next_multiple_of(4);
            run.push(i);
        }
        self.flush(&entries, &mut run, &mut span, &mut results)?;
        Ok(results)
    }

    /// Sends the requests of `run` (the bytes of `span`) pipelined, records their results and
    /// empties the run; returns whether anything was sent.
    fn flush(
        &mut self,
        entries: &[Entry],
        run: &mut Vec<usize>,
        span: &mut std::ops::Range<usize>,
        results: &mut [Result<()>],
    ) -> Result<bool> {
        if run.is_empty() {
            return Ok(false);
        }
        let answers = self
            .handle
            .batch("send batch", &mut self.buf[span.clone()])?;
        for (&i, answer) in run.iter().zip(answers) {
            results[i] = answer.map_err(|e| entries[i].error(e.kind().clone()));
        }
        run.clear();
        *span = 0..0;
        Ok(true)
    }
}

impl Entry {
    fn error(&self, kind: ErrorKind) -> Error {
        Error::new(self.op, Some(self.object.clone()), kind)
    }
}

/// Device names looked up while a batch is sent.
#[derive(Default)]
struct Names {
    index: HashMap<Vec<u8>, u32>,
    /// A link dump was made (or tried): later names are looked up one by one.
    dumped: bool,
    /// Nothing was sent since the dump: a name it did not have does not exist.
    dump_is_fresh: bool,
}

impl Names {
    fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name.as_bytes()).copied()
    }

    fn forget(&mut self, name: &str) {
        self.index.remove(name.as_bytes());
        self.dump_is_fresh = false;
    }

    /// Looks `name` up after the requests before it were sent: with one link dump when none
    /// was made yet and at least [`DUMP_FROM`] names are left, else with `RTM_GETLINK`.
    fn look_up(&mut self, handle: &mut Handle, name: &str, left: usize) -> Result<Option<u32>> {
        if self.dump_is_fresh {
            return Ok(None);
        }
        if !self.dumped && left >= DUMP_FROM {
            self.dumped = true;
            let index = &mut self.index;
            handle.for_each_link(&LinkFilter::default(), |link| {
                if let Some(name) = link.name_bytes() {
                    index.insert(name.to_vec(), link.index());
                }
            })?;
            self.dump_is_fresh = true;
            return Ok(self.get(name));
        }
        match handle.link_index(LinkRef::Name(name)) {
            Ok(index) => {
                self.index.insert(name.as_bytes().to_vec(), index);
                Ok(Some(index))
            }
            Err(e) if e.kind() == &ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// Whether the message in `bytes` is a dump request (`RTM_GET*` with `NLM_F_DUMP`).
fn is_dump(bytes: &[u8]) -> bool {
    let read = |at: usize| u16::from_ne_bytes([bytes[at], bytes[at + 1]]);
    let ty = read(offset_of!(NlMsgHdr, nlmsg_type));
    let flags = read(offset_of!(NlMsgHdr, nlmsg_flags));
    ty >= nlmsg::MIN_TYPE && ty & 3 == 2 && flags & nlm_f::DUMP == nlm_f::DUMP
}

fn describe(link: LinkRef<'_>) -> String {
    match link {
        LinkRef::Name(name) => name.to_owned(),
        LinkRef::Index(index) => format!("if{index}"),
    }
}
