//! Names of other links, and of peer namespaces, for the renderers (iproute2's `ll_map.c`
//! cache and its `netns_map`).
//!
//! A link message names other links by index (`IFLA_MASTER`, `IFLA_LINK`, a route's
//! `RTA_OIF`); `ip` prints their names and, for `M-DOWN`, whether the linked device is up.
//! [`LinkTable`] is filled from the same dump that is being printed, one fixed-size entry per
//! link (no `String` per link), a datagram ahead of the printing
//! ([`Handle::for_each_link_ahead`]), so a veth's peer dumped right after it is known; a link
//! the dump has not shown yet (a master later in the dump, a link outside a filtered dump) is
//! asked of the kernel with two ioctls on a duplicate of the handle's netlink socket
//! (`SIOCGIFNAME`, `SIOCGIFFLAGS`), then kept: never a second dump.

use std::os::unix::ffi::OsStringExt;

use rustix::fd::{AsFd, OwnedFd};

use crate::Handle;
use crate::codec::{LinkMessage, Message};

/// `IFNAMSIZ`: the longest name and its NUL.
const IFNAMSIZ: usize = 16;

/// One link of the table: its index, `IFF_*` flags and name, in 28 bytes.
#[derive(Clone, Copy)]
struct Entry {
    /// `ifi_index`.
    index: u32,
    /// `ifi_flags`; for a link found by ioctl only the low 16 (`ifr_flags`).
    flags: u32,
    /// The name's length; 0 for a link the kernel does not know here (cached too).
    len: u8,
    /// Whether `flags` is known (a link found by `SIOCGIFNAME` gets its flags only when they
    /// are asked for).
    has_flags: bool,
    /// `IFLA_IFNAME`, `len` bytes of it.
    name: [u8; IFNAMSIZ],
}

/// Links by index: name and flags, filled from a dump and by ioctl on a miss.
#[derive(Default)]
pub struct LinkTable {
    /// Sorted by index (a dump arrives in index order, so an entry is almost always pushed).
    entries: Vec<Entry>,
    /// A duplicate of the handle's socket, for the ioctls; `None` answers every miss "unknown".
    socket: Option<OwnedFd>,
    /// Named namespaces (in the handle's run dir) by the nsid this namespace has for them;
    /// a name is a file name's bytes, not always UTF-8.
    netns: Vec<(i32, Vec<u8>)>,
}

impl LinkTable {
    /// An empty table that asks the kernel about misses through `handle`'s socket (duplicated,
    /// so the handle stays free for the dump).
    pub fn new(handle: &mut Handle) -> Self {
        let socket = rustix::io::fcntl_dupfd_cloexec(handle.engine().transport(), 0).ok();
        LinkTable {
            entries: Vec::new(),
            socket,
            netns: Vec::new(),
        }
    }

    /// An empty table that never asks the kernel: a miss is an unknown link (`ifN`). For
    /// rendering recorded messages.
    pub fn offline() -> Self {
        LinkTable::default()
    }

    /// Loads the names of the named namespaces by nsid (`ip`'s `netns_map_init()`), for
    /// `link-netns NAME`; left empty when they cannot be read.
    pub fn load_netns_names(&mut self, handle: &mut Handle) {
        let names = crate::netns::Namespaces::at(handle.run_dir());
        if let Ok(list) = names.list_with(handle) {
            self.netns = list
                .into_iter()
                .filter_map(|ns| Some((ns.nsid?, ns.name.into_vec())))
                .collect();
        }
    }

    /// The named namespace this namespace calls `nsid`, if any: its file name's bytes, which
    /// `ip` prints as they are.
    pub fn netns_name(&self, nsid: i32) -> Option<&[u8]> {
        self.netns
            .iter()
            .find(|(id, _)| *id == nsid)
            .map(|(_, name)| name.as_slice())
    }

    /// Records the link `m` (a message of the dump being printed).
    pub fn insert(&mut self, m: &LinkMessage<'_>) {
        let name = m.name_bytes().unwrap_or_default();
        self.put(m.index(), Some(m.flags()), name);
    }

    /// Records the link of `message`, a link message of the dump being printed, from its
    /// header and name alone ([`LinkMessage::peek_name`]: no indexed view); a message that is
    /// not a well-formed link is left out (the dump's own parse reports it).
    pub fn insert_message(&mut self, message: Message<'_>) {
        if let Ok((header, name)) = LinkMessage::peek_name(message) {
            let index = header.ifi_index.get().cast_unsigned();
            self.put(
                index,
                Some(header.ifi_flags.get()),
                name.unwrap_or_default(),
            );
        }
    }

    /// Records the link `m` as `ip`'s `ll_remember_index()` does: a link already kept takes
    /// `m`'s flags and keeps its name (so an event of another namespace, `ip monitor
    /// all-nsid`, whose index a link here has, changes its flags only); another is inserted.
    pub fn remember(&mut self, m: &LinkMessage<'_>) {
        match self.entries.binary_search_by_key(&m.index(), |e| e.index) {
            Ok(at) => {
                self.entries[at].flags = m.flags();
                self.entries[at].has_flags = true;
            }
            Err(_) => self.insert(m),
        }
    }

    /// Forgets link `index` (it was deleted); a later mention asks the kernel again.
    pub fn remove(&mut self, index: u32) {
        if let Ok(at) = self.entries.binary_search_by_key(&index, |e| e.index) {
            self.entries.remove(at);
        }
    }

    /// Forgets every link (a dump that is redone starts again).
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// Forgets the links asked about and not found, so that their next mention asks the
    /// kernel again: a long-running reader (a monitor) may see a link appear under that index
    /// later, and `ip`'s `ll_index_to_name()` keeps no misses either.
    pub fn forget_unknown(&mut self) {
        self.entries.retain(|e| e.len > 0);
    }

    fn put(&mut self, index: u32, flags: Option<u32>, name: &[u8]) {
        let mut entry = Entry {
            index,
            flags: flags.unwrap_or(0),
            has_flags: flags.is_some(),
            len: 0,
            name: [0; IFNAMSIZ],
        };
        let len = name.len().min(IFNAMSIZ);
        entry.name[..len].copy_from_slice(&name[..len]);
        entry.len = len as u8;
        match self.entries.last() {
            Some(last) if last.index < index => self.entries.push(entry),
            None => self.entries.push(entry),
            Some(_) => match self.entries.binary_search_by_key(&index, |e| e.index) {
                Ok(at) => self.entries[at] = entry,
                Err(at) => self.entries.insert(at, entry),
            },
        }
    }

    /// Where the entry of `index` is, asking the kernel for its name on a miss (and keeping
    /// the answer, a "no such link" included).
    fn slot(&mut self, index: u32) -> Option<usize> {
        // Indexes are mostly dense from the first: try where `index` would be if they were.
        let first = self.entries.first().map_or(0, |e| e.index);
        let guess = usize::try_from(index.wrapping_sub(first)).unwrap_or(usize::MAX);
        if self.entries.get(guess).is_some_and(|e| e.index == index) {
            return Some(guess);
        }
        match self.entries.binary_search_by_key(&index, |e| e.index) {
            Ok(at) => Some(at),
            Err(_) => {
                match self.ask_name(index) {
                    Some((name, len)) => self.put(index, None, &name[..len]),
                    None => self.put(index, Some(0), b""),
                }
                self.entries.binary_search_by_key(&index, |e| e.index).ok()
            }
        }
    }

    /// `SIOCGIFNAME`: the name of link `index` (bytes, and their length), if it exists in the
    /// socket's namespace.
    fn ask_name(&self, index: u32) -> Option<([u8; IFNAMSIZ], usize)> {
        rtnl_sys::link_name(self.socket.as_ref()?.as_fd(), index).ok()
    }

    /// The name of link `index` (`ll_index_to_name()`), or `None` when there is no such link.
    pub fn name(&mut self, index: u32) -> Option<&[u8]> {
        let at = self.slot(index)?;
        let entry = self.entries.get(at).filter(|e| e.len > 0)?;
        Some(&entry.name[..usize::from(entry.len)])
    }

    /// The `IFF_*` flags of link `index` (`ll_index_to_flags()`), or `None` when there is no
    /// such link. For a link the dump has not shown, `SIOCGIFFLAGS` (its low 16 flags, `IFF_UP`
    /// among them).
    pub fn flags(&mut self, index: u32) -> Option<u32> {
        let at = self.slot(index)?;
        let socket = self.socket.as_ref();
        let entry = self.entries.get_mut(at).filter(|e| e.len > 0)?;
        if !entry.has_flags {
            let name = &entry.name[..usize::from(entry.len)];
            entry.flags = socket
                .and_then(|s| rtnl_sys::link_flags(s.as_fd(), name).ok())
                .unwrap_or(0);
            entry.has_flags = true;
        }
        Some(entry.flags)
    }
}

/// A link's name as `ip` prints another link: its name, or `ifN` when it is not known here.
pub struct LinkName<'a> {
    /// The name, when known.
    pub name: Option<&'a [u8]>,
    /// The index, for `ifN`.
    pub index: u32,
}

impl std::fmt::Display for LinkName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.name {
            Some(name) => {
                for chunk in name.utf8_chunks() {
                    f.write_str(chunk.valid())?;
                    if !chunk.invalid().is_empty() {
                        f.write_str("\u{fffd}")?;
                    }
                }
                Ok(())
            }
            None => write!(f, "if{}", self.index),
        }
    }
}

impl LinkTable {
    /// The name of link `index` as `ip` prints it: the name or `ifN`.
    pub fn display(&mut self, index: u32) -> LinkName<'_> {
        LinkName {
            name: self.name(index),
            index,
        }
    }
}

/// Whether `IFF_UP` is in `flags`.
pub fn is_up(flags: u32) -> bool {
    flags & crate::codec::iff::UP != 0
}
