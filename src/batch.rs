//! Pipelined batches: many requests written back to back into one buffer, sent in as few
//! datagrams as the socket allows, one result per request.
//!
//! ```no_run
//! # fn main() -> rtnl_ip::Result<()> {
//! use std::net::{IpAddr, Ipv6Addr};
//! use rtnl_ip::{Handle, LinkAdd, LinkRef};
//!
//! let mut handle = Handle::new()?;
//! let names: Vec<(String, String)> =
//!     (0..1000).map(|i| (format!("va{i}"), format!("vb{i}"))).collect();
//! let mut batch = handle.batch_builder();
//! for (i, (a, b)) in names.iter().enumerate() {
//!     batch.link_add(&LinkAdd::veth(a, b).up());
//!     let addr = Ipv6Addr::new(0x2001, 0xdb8, 0, i as u16, 0, 0, 0, 1);
//!     batch.address_add(LinkRef::from(a.as_str()), IpAddr::V6(addr), 64);
//! }
//! for (i, result) in batch.send()?.into_iter().enumerate() {
//!     if let Err(e) = result {
//!         eprintln!("request {i}: {e:#}");
//!     }
//! }
//! # Ok(()) }
//! ```

use std::collections::HashMap;
use std::net::IpAddr;

use rustix::io::Errno;

use rtnl_codec::raw::IfAddrMsg;
use rtnl_codec::request::{self, LinkFlags, LinkRef, NewMode, SetLink};
use rtnl_codec::{Message, MessageBuilder, MessageMut, rtm};

use crate::error::{Error, ErrorKind, Result};
use crate::handle::Handle;
use crate::link::{LinkAdd, OpenNetns};

/// Room made for the next request before its constructor runs; a veth creation with both
/// ends' attributes takes a few hundred bytes. A request that does not fit gets a larger room.
const REQUEST_ROOM: usize = 1024;

/// The largest request a batch makes room for: netlink's own limit is the socket's send buffer.
const MAX_REQUEST: usize = 1 << 20;

/// One queued request.
#[derive(Debug)]
struct Entry {
    op: &'static str,
    /// What the request is about, as errors name it (a device name, `ADDR/LEN dev NAME`).
    object: String,
    /// After this request, an index looked up earlier for a link name may be wrong: it
    /// deletes, renames or moves links away.
    forgets_names: bool,
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
        name: Vec<u8>,
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
/// [`Batch::address_add`] is looked up when `send` reaches that request, with `SIOCGIFINDEX`
/// on the handle's socket (in the handle's namespace; one system call, no dump). When the
/// name has not been looked up yet, the requests before it are sent first, so the links they
/// create exist; the names of the address requests that follow are looked up at the same
/// time, so they go out together. "Create 1,000 veth pairs, up, with one address each" is thus
/// one batch sent as two pipelined runs, when the links come first and the addresses after
/// them. Interleaving (a link, its address, the next link, ...) also works, at one round trip
/// per link. Indexes looked up are forgotten after a request that deletes, renames or moves a
/// link ([`Batch::link_del`], a [`Batch::link_set`] with a name or namespace, a link request
/// through [`Batch::request`]), and looked up again when needed. A name that no link has when
/// its request is reached fails that request as `Cannot find device "NAME"`.
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
        let object = spec
            .name
            .map_or_else(|| spec.kind.name().into(), String::from_utf8_lossy)
            .into_owned();
        self.push("add link", object, false, None, |buf| {
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
        let forgets_names = set.name.is_some() || set.netns.is_some();
        self.push("set link", object, forgets_names, None, |buf| {
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
        self.push("delete link", describe(link), true, None, |buf| {
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
        let index = self.push(op, object.to_string(), false, None, build);
        if let State::Ready { start, len } = self.entries[index].state
            && let Ok(message) = Message::parse(&self.buf[start..start + len])
        {
            // A link request may rename or delete links.
            self.entries[index].forgets_names =
                matches!(message.ty(), rtm::NEWLINK | rtm::DELLINK | rtm::SETLINK);
        }
        index
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
            name.map_or_else(
                || index.to_string(),
                |n| String::from_utf8_lossy(n).into_owned()
            )
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
            object: String::from_utf8_lossy(error.object_bytes().unwrap_or_default()).into_owned(),
            forgets_names: false,
            state: State::Failed(error),
        });
        self.entries.len() - 1
    }

    /// Writes a request with `build` at the end of the buffer, growing it as needed.
    fn push(
        &mut self,
        op: &'static str,
        object: String,
        forgets_names: bool,
        unresolved: Option<&[u8]>,
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
        if Message::parse(&self.buf[start..start + len]).is_ok_and(|m| m.header().is_dump_request())
        {
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
                name: name.to_vec(),
            },
        };
        self.entries.push(Entry {
            op,
            object,
            forgets_names,
            state,
        });
        self.entries.len() - 1
    }

    /// Sends every request, in order, and returns one result per request, in the order they
    /// were added (`RTM_*` acknowledgements or errors, matched by sequence number).
    ///
    /// Runs of requests go out pipelined; an address request on a device whose name is not
    /// looked up yet ends a run, as the [type's documentation](Batch#names-of-links-made-in-the-same-batch)
    /// explains. Namespace descriptors opened for the requests are closed when this returns.
    ///
    /// # Errors
    /// Only when the socket fails (see the [type's documentation](Batch#errors)); the kernel's
    /// refusals are in the per-request results.
    pub fn send(mut self) -> Result<Vec<Result<()>>> {
        let entries = std::mem::take(&mut self.entries);
        let mut results: Vec<Result<()>> = Vec::with_capacity(entries.len());
        results.resize_with(entries.len(), || Ok(()));
        // Indexes of link names looked up so far, valid until a request that forgets names.
        let mut known: HashMap<Vec<u8>, u32> = HashMap::new();
        // The requests of the current run: their indexes and the bytes they span.
        let mut run: Vec<usize> = Vec::new();
        let mut span = 0..0;

        for (i, entry) in entries.iter().enumerate() {
            let (start, len) = match &entry.state {
                State::Failed(e) => {
                    results[i] = Err(e.clone());
                    continue;
                }
                State::Ready { start, len } => (*start, *len),
                State::Unresolved { start, len, name } => {
                    let index = match known.get(name) {
                        Some(&index) => Ok(index),
                        None => {
                            // The requests before this one may create the link: send them
                            // first, then ask, and ask for the names of the requests after it.
                            self.flush(&entries, &mut run, &mut span, &mut results)?;
                            let found = self.index_of(name);
                            if found.is_ok() {
                                self.look_ahead(&entries[i + 1..], &mut known);
                            }
                            found
                        }
                    };
                    match index {
                        Ok(index) => {
                            known.insert(name.clone(), index);
                            let request = self.buf.get_mut(*start..*start + *len);
                            let patched =
                                MessageMut::parse(request.unwrap_or_default()).and_then(|mut m| {
                                    m.family_header_mut::<IfAddrMsg>()
                                        .map(|h| h.ifa_index.set(index))
                                });
                            if let Err(e) = patched {
                                results[i] = Err(entry.error(rtnl_sys::Error::from(e).into()));
                                continue;
                            }
                            (*start, *len)
                        }
                        Err(Errno::NODEV) => {
                            let error =
                                Error::named(entry.op, Some(name.to_vec()), ErrorKind::NotFound);
                            results[i] = Err(error);
                            continue;
                        }
                        Err(errno) => {
                            results[i] = Err(entry.error(ErrorKind::Os(errno)));
                            continue;
                        }
                    }
                }
            };
            if entry.forgets_names {
                known.clear();
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

    /// `SIOCGIFINDEX` on the handle's socket: the index of the link `name` in the socket's
    /// namespace (the ioctl works on any socket, a netlink one included, in the namespace the
    /// socket belongs to), at the cost of one system call and no reply to parse.
    fn index_of(&mut self, name: &[u8]) -> Result<u32, Errno> {
        match std::str::from_utf8(name) {
            Ok(name) => {
                rustix::net::netdevice::name_to_index(self.handle.engine().transport(), name)
            }
            // rustix's SIOCGIFINDEX takes text; a name that is not asks the kernel by netlink.
            Err(_) => self
                .handle
                .link_index(LinkRef::Name(name))
                .map_err(|e| e.errno().unwrap_or(Errno::NODEV)),
        }
    }

    /// Looks up the names of the address requests in `later`, in order, as long as the
    /// links exist and no request in between forgets names, so a run of addresses on links
    /// made before it goes out as one pipelined run.
    fn look_ahead(&mut self, later: &[Entry], known: &mut HashMap<Vec<u8>, u32>) {
        for entry in later {
            if entry.forgets_names {
                return;
            }
            if let State::Unresolved { name, .. } = &entry.state
                && !known.contains_key(name)
            {
                match self.index_of(name) {
                    Ok(index) => known.insert(name.clone(), index),
                    Err(_) => return,
                };
            }
        }
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

fn describe(link: LinkRef<'_>) -> String {
    match link {
        LinkRef::Name(name) => String::from_utf8_lossy(name).into_owned(),
        LinkRef::Index(index) => format!("if{index}"),
    }
}
