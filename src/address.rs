//! Interface addresses: `ip address add / replace / del / flush / show`.
//!
//! An address is described by an [`AddressSpec`] (the device, an [`IpPrefix`] and what
//! `ip address add` accepts after it), sent with [`Handle::address_add`],
//! [`Handle::address_replace`] or [`Handle::address_del`]; [`Handle::addresses`] and
//! [`Handle::for_each_address`] read them back, filtered by an [`AddressFilter`].
//!
//! ```no_run
//! use rtnl_ip::{AddressFilter, AddressSpec, Handle};
//!
//! let mut handle = Handle::new()?;
//! let spec = AddressSpec::new("v0", "192.0.2.1/24".parse()?)
//!     .broadcast_auto()
//!     .label("v0:web");
//! handle.address_add(&spec)?;
//! for address in handle.addresses(&AddressFilter::new().dev("v0"))? {
//!     println!("{:?}/{}", address.local, address.prefix_len);
//! }
//! # Ok::<(), rtnl_ip::Error>(())
//! ```
//!
//! The device can be named or given by index ([`LinkRef`]); a name is looked up with an
//! `RTM_GETLINK` first, so an unknown one fails as `ip` does: `Cannot find device "nope"`.

use std::collections::HashMap;
use std::fmt;
use std::net::Ipv4Addr;

use rtnl_codec::request::{self, AddressDump, Broadcast, Lifetime, LinkRef, NewMode};
use rtnl_codec::{AddressMessage, MessageBuilder, af, ifa_f, rtnlgrp};
use rustix::io::Errno;

use crate::monitor::{Group, MonitorFamily, MonitorGroups};
use crate::dump::{DumpRow, Select};
use crate::error::{Error, Result};
use crate::handle::Handle;
use crate::link::LinkFilter;
use crate::model::Address;
use crate::vocab::{Family, IpPrefix};

/// An address to add, replace or delete, as `ip address add LOCAL/LEN [peer PEER/LEN]
/// [broadcast BRD|+] [label LABEL] [scope SCOPE] [metric M] [nodad] [noprefixroute] dev DEV
/// [valid_lft V preferred_lft P]` describes it: the codec's [`request::Address`] and the
/// device, which the library resolves to the request's `ifa_index` when it sends it.
///
/// Made with [`AddressSpec::new`] and the builder methods; the fields are public to read and
/// adjust.
///
/// ```
/// use rtnl_ip::AddressSpec;
///
/// let v6 = AddressSpec::new("v0", "2001:db8::1/64".parse()?)
///     .nodad()
///     .noprefixroute()
///     .lifetime(3600, 1800);
/// assert_eq!(v6.to_string(), "2001:db8::1/64 dev v0");
/// # Ok::<(), rtnl_ip::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct AddressSpec<'a> {
    /// The device the address is on (`ifa_index` once resolved).
    pub dev: LinkRef<'a>,
    /// The request, its `index` filled in from `dev` when it is sent: `IFA_LOCAL` and
    /// `ifa_prefixlen`, `peer` (`IFA_ADDRESS`, whose prefix length becomes the address's, as
    /// with `ip`), `broadcast` (IPv4 only; [`Broadcast::Auto`] is `brd +`), `label` (IPv4
    /// only, up to 15 bytes), `scope` (`None`: host for IPv4 loopback addresses, else
    /// global), `lifetime` (`None`: forever), `flags` (`IFA_F_*`) and `metric`
    /// (`IFA_RT_PRIORITY`, the prefix route's).
    pub request: request::Address<'a>,
}

impl<'a> AddressSpec<'a> {
    /// `local` (address and prefix length) on `dev`, with nothing else set.
    pub fn new(dev: impl Into<LinkRef<'a>>, local: IpPrefix) -> Self {
        AddressSpec {
            dev: dev.into(),
            request: request::Address::new(0, local.addr(), local.prefix_len()),
        }
    }

    /// The address and its prefix length (the peer's, when there is one).
    pub fn local(&self) -> IpPrefix {
        IpPrefix::new(self.request.local, self.request.prefix_len)
            .unwrap_or(IpPrefix::host(self.request.local))
    }

    /// `peer PEER/LEN`: a point-to-point address whose other end is `peer`; its prefix length
    /// is the address's.
    pub fn peer(mut self, peer: IpPrefix) -> Self {
        self.request.peer = Some(peer.addr());
        self.request.prefix_len = peer.prefix_len();
        self
    }

    /// `broadcast BRD`.
    pub fn broadcast(mut self, broadcast: Ipv4Addr) -> Self {
        self.request.broadcast = Some(Broadcast::Addr(broadcast));
        self
    }

    /// `broadcast +`: the prefix with all host bits set (none for prefixes over /30).
    pub fn broadcast_auto(mut self) -> Self {
        self.request.broadcast = Some(Broadcast::Auto);
        self
    }

    /// `label LABEL`.
    pub fn label(mut self, label: &'a (impl AsRef<[u8]> + ?Sized)) -> Self {
        self.request.label = Some(label.as_ref());
        self
    }

    /// `scope SCOPE` (`RT_SCOPE_*`; [`names::parse_scope`](crate::names::parse_scope) reads
    /// `global`, `link`, `host`).
    pub fn scope(mut self, scope: u8) -> Self {
        self.request.scope = Some(scope);
        self
    }

    /// `valid_lft VALID preferred_lft PREFERRED`, seconds; [`Lifetime::FOREVER`] never ends.
    pub fn lifetime(mut self, valid: u32, preferred: u32) -> Self {
        self.request.lifetime = Some(Lifetime { valid, preferred });
        self
    }

    /// `nodad` (`IFA_F_NODAD`): no duplicate address detection (IPv6), so the address is
    /// usable at once instead of `tentative`.
    pub fn nodad(self) -> Self {
        self.flag(ifa_f::NODAD)
    }

    /// `noprefixroute` (`IFA_F_NOPREFIXROUTE`): no route to the prefix is added.
    pub fn noprefixroute(self) -> Self {
        self.flag(ifa_f::NOPREFIXROUTE)
    }

    /// Adds the `IFA_F_*` flag `flag` (`home`, `mngtmpaddr`, `autojoin`, ...).
    pub fn flag(mut self, flag: u32) -> Self {
        self.request.flags |= flag;
        self
    }

    /// `metric M`: the prefix route's metric.
    pub fn metric(mut self, metric: u32) -> Self {
        self.request.metric = Some(metric);
        self
    }

    /// The request for the codec, with the device resolved to `index`.
    fn request(&self, index: u32) -> request::Address<'a> {
        request::Address {
            index,
            ..self.request
        }
    }
}

/// `LOCAL/LEN dev DEV`, or `LOCAL peer PEER/LEN dev DEV`: how errors name the address.
impl fmt::Display for AddressSpec<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = &self.request;
        match r.peer {
            Some(peer) => write!(f, "{} peer {peer}/{}", r.local, r.prefix_len)?,
            None => write!(f, "{}/{}", r.local, r.prefix_len)?,
        }
        write!(f, " dev {}", self.dev)
    }
}

/// Which addresses [`Handle::addresses`] and [`Handle::for_each_address`] report, as `ip [-4|-6]
/// address show [dev DEV] [label PATTERN] [scope SCOPE]` selects them: the codec's
/// [`AddressDump`] (the family), the device (resolved to the dump's `ifa_index`), and the label
/// and scope, which the kernel does not filter on. The default is every address of every
/// device.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct AddressFilter<'a> {
    /// The dump: `family` (`AF_UNSPEC`: both); its `index` is filled in from `dev`.
    pub dump: AddressDump,
    /// Only this device's addresses (the kernel filters them).
    pub dev: Option<LinkRef<'a>>,
    /// Only addresses whose label matches this shell pattern (`*` and `?`, as `ip`'s
    /// `fnmatch`). An address without `IFA_LABEL` (every IPv6 address) is matched by its
    /// device's name, as `ip` does.
    pub label: Option<String>,
    /// Only addresses of this scope (`RT_SCOPE_*`).
    pub scope: Option<u8>,
}

impl<'a> AddressFilter<'a> {
    /// Every address.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only the addresses on `dev`.
    pub fn dev(mut self, dev: impl Into<LinkRef<'a>>) -> Self {
        self.dev = Some(dev.into());
        self
    }

    /// Only the addresses of `family`.
    pub fn family(mut self, family: Family) -> Self {
        self.dump.family = family.af();
        self
    }

    /// Only the addresses whose label matches `pattern` (`v0:*`).
    pub fn label(mut self, pattern: impl Into<String>) -> Self {
        self.label = Some(pattern.into());
        self
    }

    /// Only the addresses of `scope`.
    pub fn scope(mut self, scope: u8) -> Self {
        self.scope = Some(scope);
        self
    }

    /// Whether `m` passes the filters (the kernel's too: an old kernel without strict
    /// checking ignores them), `index` being the resolved device and `names` the device names
    /// by index when a label pattern needs them.
    fn keeps(
        &self,
        index: Option<u32>,
        names: &HashMap<u32, Vec<u8>>,
        m: &AddressMessage<'_>,
    ) -> bool {
        index.is_none_or(|index| m.index() == index)
            && (self.dump.family == af::UNSPEC || self.dump.family == m.family())
            && self.scope.is_none_or(|scope| m.scope() == scope)
            && self.label.as_deref().is_none_or(|pattern| {
                let label = match m.label() {
                    Some(label) => Some(label.as_bytes()),
                    None => names.get(&m.index()).map(Vec::as_slice),
                };
                label.is_some_and(|label| glob_match(pattern.as_bytes(), label))
            })
    }
}

/// `fnmatch(pattern, text, 0)` for `*` and `?` (the patterns `ip address show label` is given).
fn glob_match(pattern: &[u8], text: &[u8]) -> bool {
    let (mut p, mut t) = (0, 0);
    // Where the last `*` was and the text position it is currently matched up to.
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some(b'*') => {
                star = Some((p, t));
                p += 1;
            }
            Some(&c) if c == b'?' || c == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    p = sp + 1;
                    t = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p.min(pattern.len())..].iter().all(|&c| c == b'*')
}

impl Handle {
    /// [`Handle::link_index`] of `dev` (an `RTM_GETLINK` for a name), its failure reported as
    /// part of `op` (`add address`): `Cannot find device "x"` for an unknown name.
    pub(crate) fn resolve_index_for(&mut self, op: &'static str, dev: LinkRef<'_>) -> Result<u32> {
        self.link_index(dev)
            .map_err(|e| Error::named(op, e.object_bytes().map(<[u8]>::to_vec), e.kind().clone()))
    }

    /// [`Handle::ack`] of a request about an object on `dev` (an address, a neighbour): `dev`
    /// resolved first as [`Handle::resolve_index_for`] does, `build` given its index.
    pub(crate) fn ack_on_dev(
        &mut self,
        op: &'static str,
        dev: LinkRef<'_>,
        object: impl ToString,
        build: impl FnOnce(&mut [u8], u32) -> Result<MessageBuilder<'_>, rtnl_codec::Error>,
    ) -> Result<()> {
        let index = self.resolve_index_for(op, dev)?;
        self.ack(op, object, |buf| build(buf, index))
    }

    /// `RTM_NEWADDR` with `NLM_F_CREATE | NLM_F_EXCL`: adds an address, like `ip address add`.
    ///
    /// # Errors
    /// `EEXIST` (`Error: ipv4: Address already assigned.`) when the device has it already;
    /// [`ErrorKind::NotFound`](crate::ErrorKind::NotFound) for an unknown device; [`ErrorKind::Request`](crate::ErrorKind::Request) for a request the
    /// kernel would refuse (a broadcast on IPv6, a label over 15 bytes, a valid lifetime of 0
    /// or below the preferred one, a peer of the other family).
    pub fn address_add(&mut self, spec: &AddressSpec<'_>) -> Result<()> {
        self.address_new("add address", NewMode::Add, spec)
    }

    /// `RTM_NEWADDR` with `NLM_F_CREATE | NLM_F_REPLACE`: adds an address or updates the one
    /// there (its lifetimes, flags, metric), like `ip address replace`.
    ///
    /// (`ip address change`, the same without `NLM_F_CREATE`, does the same: both IPv4 and
    /// IPv6 create a missing address whatever the flags say, so there is no separate
    /// operation for it.)
    ///
    /// # Errors
    /// As [`Handle::address_add`], but an existing address is no error.
    pub fn address_replace(&mut self, spec: &AddressSpec<'_>) -> Result<()> {
        self.address_new("replace address", NewMode::Replace, spec)
    }

    fn address_new(
        &mut self,
        op: &'static str,
        mode: NewMode,
        spec: &AddressSpec<'_>,
    ) -> Result<()> {
        self.ack_on_dev(op, spec.dev, spec, |buf, index| {
            request::addr_new(buf, 0, mode, &spec.request(index))
        })
    }

    /// `RTM_DELADDR`: removes an address, like `ip address del`. The address is matched by
    /// its local address, prefix length and peer (and label, when set); deleting a primary
    /// IPv4 address also deletes its secondaries unless `promote_secondaries` is on.
    ///
    /// # Errors
    /// `EADDRNOTAVAIL` (`RTNETLINK answers: Cannot assign requested address`) when the device
    /// has no such address; [`ErrorKind::NotFound`](crate::ErrorKind::NotFound) for an unknown device.
    pub fn address_del(&mut self, spec: &AddressSpec<'_>) -> Result<()> {
        self.ack_on_dev("delete address", spec.dev, spec, |buf, index| {
            request::addr_del(buf, 0, &spec.request(index))
        })
    }

    /// `RTM_GETADDR` dump, then `RTM_DELADDR` for each address found: removes every address of
    /// `family` (or of both) from `dev`, like `ip [-4|-6] address flush dev DEV`, IPv6
    /// link-local addresses included. Returns how many addresses were deleted.
    ///
    /// Deleting a primary IPv4 address can take its secondaries with it, and addresses can
    /// appear meanwhile, so this dumps and deletes again until a dump finds nothing (at most
    /// ten rounds, as `ip` does).
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`](crate::ErrorKind::NotFound) for an unknown device; the first deletion the kernel refuses
    /// for another reason than the address being gone already.
    pub fn address_flush<'d>(
        &mut self,
        dev: impl Into<LinkRef<'d>>,
        family: Option<Family>,
    ) -> Result<usize> {
        const OP: &str = "flush addresses";
        const ROUNDS: usize = 10;
        let dev = dev.into();
        let index = self.resolve_index_for(OP, dev)?;
        let filter = AddressFilter {
            dev: Some(LinkRef::Index(index)),
            dump: AddressDump {
                family: family.map_or(af::UNSPEC, Family::af),
                index: None,
            },
            ..AddressFilter::default()
        };
        let mut deleted = 0;
        for _ in 0..ROUNDS {
            let found = self.addresses(&filter)?;
            if found.is_empty() {
                return Ok(deleted);
            }
            for address in &found {
                let Some(local) = address.local else { continue };
                let addr = request::Address {
                    peer: address.peer,
                    ..request::Address::new(index, local, address.prefix_len)
                };
                let object = format!("{local}/{} dev {dev}", address.prefix_len);
                match self.ack(OP, object, |buf| request::addr_del(buf, 0, &addr)) {
                    Ok(()) => deleted += 1,
                    // Gone already: a secondary deleted with its primary.
                    Err(e) if e.errno() == Some(Errno::ADDRNOTAVAIL) => {}
                    Err(e) => return Err(e),
                }
            }
        }
        Ok(deleted)
    }

    /// `RTM_GETADDR` dump: the addresses `filter` keeps, like `ip address show`.
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`](crate::ErrorKind::NotFound) when `filter.dev` names no device; a failed dump.
    pub fn addresses(&mut self, filter: &AddressFilter<'_>) -> Result<Vec<Address>> {
        self.select_owned(filter)
    }

    /// `RTM_GETADDR` dump: calls `f` with each address `filter` keeps, borrowed from the
    /// receive buffer, so a dump of any size needs no memory of its own.
    ///
    /// When the kernel reports the dump inconsistent (an address changed while it was being
    /// read, `NLM_F_DUMP_INTR`), the dump starts over and `f` sees the addresses again from
    /// the first; after a few attempts the error is returned.
    ///
    /// # Errors
    /// As [`Handle::addresses`].
    pub fn for_each_address(
        &mut self,
        filter: &AddressFilter<'_>,
        f: impl FnMut(&AddressMessage<'_>),
    ) -> Result<()> {
        self.select_each(filter, f)
    }
}

impl Select for AddressFilter<'_> {
    type Dump = AddressDump;

    /// A dump the kernel filters by family and device; scope and label are filtered here,
    /// with a link dump first for the names a label pattern matches unlabelled addresses by.
    fn rows(
        &self,
        handle: &mut Handle,
        mut on: impl FnMut(DumpRow<'_, AddressMessage<'_>>),
    ) -> Result<()> {
        self.rows_dyn(handle, &mut on)
    }
}

impl AddressFilter<'_> {
    /// [`Select::rows`] with `on` as a trait object: the query is compiled once, not once per
    /// caller.
    fn rows_dyn(
        &self,
        handle: &mut Handle,
        on: &mut dyn FnMut(DumpRow<'_, AddressMessage<'_>>),
    ) -> Result<()> {
        const OP: &str = "show addresses";
        let index = match &self.dev {
            Some(dev) => Some(handle.resolve_index_for(OP, *dev)?),
            None => self.dump.index,
        };
        let mut names = HashMap::new();
        if self.label.is_some() {
            handle.for_each_link(&LinkFilter::default(), |link| {
                if let Some(name) = link.name_bytes() {
                    names.insert(link.index(), name.to_vec());
                }
            })?;
        }
        let dump = AddressDump { index, ..self.dump };
        handle.dump_rows(OP, &dump, &mut |row| match row {
            DumpRow::View(m) if !self.keeps(index, &names, m) => {}
            row => on(row),
        })
    }
}

impl Handle {
    /// `RTM_GETADDR` dump, streaming, for a caller that keeps what it sees: `on` gets each
    /// address `filter` keeps, and [`DumpRow::Restart`] before the dump is redone (the kernel
    /// found it inconsistent, `NLM_F_DUMP_INTR`), so what was kept can be dropped and every
    /// address comes once more from the first.
    ///
    /// # Errors
    /// As [`Handle::addresses`].
    pub fn for_each_address_row(
        &mut self,
        filter: &AddressFilter<'_>,
        on: impl FnMut(DumpRow<'_, AddressMessage<'_>>),
    ) -> Result<()> {
        filter.rows(self, on)
    }
}

impl MonitorGroups {
    /// `RTNLGRP_IPV4_IFADDR`: IPv4 addresses (`RTM_NEWADDR`, `RTM_DELADDR`).
    pub const IPV4_ADDRESS: Self = Self::bit(1);
    /// `RTNLGRP_IPV6_IFADDR`: IPv6 addresses.
    pub const IPV6_ADDRESS: Self = Self::bit(2);
    /// IPv4 and IPv6 addresses.
    pub const ADDRESS: Self = Self::IPV4_ADDRESS.or(Self::IPV6_ADDRESS);
}

/// `ip monitor address`: a group per address family, each dumping its addresses in a resync.
impl MonitorFamily for AddressMessage<'_> {
    const OBJECT: &'static str = "address";
    const GROUPS: &'static [Group] = &[
        Group {
            flag: MonitorGroups::IPV4_ADDRESS,
            name: "IPV4_ADDRESS",
            rtnlgrp: rtnlgrp::IPV4_IFADDR,
            family: Some(af::INET),
            resync: |m, f| m.resync_dump("dump addresses", &every_address(af::INET), f),
        },
        Group {
            flag: MonitorGroups::IPV6_ADDRESS,
            name: "IPV6_ADDRESS",
            rtnlgrp: rtnlgrp::IPV6_IFADDR,
            family: Some(af::INET6),
            resync: |m, f| m.resync_dump("dump addresses", &every_address(af::INET6), f),
        },
    ];
}

/// Every address of `family`.
fn every_address(family: u8) -> AddressDump {
    AddressDump {
        family,
        ..AddressDump::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_match_like_fnmatch() {
        for (pattern, text, matches) in [
            ("v0", "v0", true),
            ("v0", "v0:1", false),
            ("v0:*", "v0:1", true),
            ("v0:*", "v0:", true),
            ("v0*", "v0", true),
            ("*:web", "v0:web", true),
            ("*:web", "v0:webs", false),
            ("v?:*b", "v0:web", true),
            ("*", "", true),
            ("?", "", false),
            ("a*b*c", "aXbYbZc", true),
            ("a*b*c", "aXbYbZ", false),
        ] {
            assert_eq!(
                glob_match(pattern.as_bytes(), text.as_bytes()),
                matches,
                "{pattern:?} {text:?}"
            );
        }
    }

    #[test]
    fn specs_build_ips_request() {
        let spec = AddressSpec::new("v0", "192.0.2.5/32".parse().unwrap())
            .peer("192.0.2.9/24".parse().unwrap())
            .broadcast_auto()
            .label("v0:p")
            .metric(7);
        let addr = spec.request(3);
        assert_eq!(addr.prefix_len, 24);
        assert_eq!(addr.peer, Some("192.0.2.9".parse().unwrap()));
        assert_eq!(addr.broadcast, Some(Broadcast::Auto));
        assert_eq!(addr.label, Some(&b"v0:p"[..]));
        assert_eq!(addr.index, 3);
        // With a peer, the prefix length is the peer's: the local address has none of its own.
        assert_eq!(spec.to_string(), "192.0.2.5 peer 192.0.2.9/24 dev v0");
        let v6 = AddressSpec::new(7u32, "2001:db8::1/64".parse().unwrap())
            .nodad()
            .noprefixroute();
        assert_eq!(v6.request.flags, ifa_f::NODAD | ifa_f::NOPREFIXROUTE);
        assert_eq!(v6.to_string(), "2001:db8::1/64 dev if7");
    }
}
