//! Interface addresses: `ip address add / replace / del / flush / show`.
//!
//! An address is described by an owned [`AddressSpec`] (the device, an [`IpPrefix`] and what
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
//! The device can be named or given by index ([`DevRef`]); a name is looked up with an
//! `RTM_GETLINK` first, so an unknown one fails as `ip` does: `Cannot find device "nope"`.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use rtnl_codec::request::{self, AddressDump, Broadcast, Lifetime, LinkRef, NewMode};
use rtnl_codec::{AddressMessage, af, ifa_f, rtm};
use rustix::io::Errno;

use crate::error::{Error, ErrorKind, Result};
use crate::handle::Handle;
use crate::link::LinkFilter;
use crate::model::Address;

/// A network device, by name (`"v0"`) or by interface index, as `ip ... dev DEV` takes it: the
/// owned twin of [`LinkRef`], for specs that outlive the strings they were made from. Made from
/// a `&str`, a `String`, a `u32` index or a `LinkRef`.
///
/// Names are looked up when an operation runs; an index is used as it is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum DevRef {
    /// The interface index (`ifindex`).
    Index(u32),
    /// The interface name.
    Name(String),
}

impl From<&str> for DevRef {
    fn from(name: &str) -> Self {
        DevRef::Name(name.to_owned())
    }
}

impl From<String> for DevRef {
    fn from(name: String) -> Self {
        DevRef::Name(name)
    }
}

impl From<&String> for DevRef {
    fn from(name: &String) -> Self {
        DevRef::Name(name.clone())
    }
}

impl From<u32> for DevRef {
    fn from(index: u32) -> Self {
        DevRef::Index(index)
    }
}

impl From<&DevRef> for DevRef {
    fn from(dev: &DevRef) -> Self {
        dev.clone()
    }
}

impl From<LinkRef<'_>> for DevRef {
    fn from(link: LinkRef<'_>) -> Self {
        match link {
            LinkRef::Index(index) => DevRef::Index(index),
            LinkRef::Name(name) => DevRef::Name(name.to_owned()),
        }
    }
}

impl DevRef {
    /// The borrowed form the link operations and the codec take.
    pub fn as_link_ref(&self) -> LinkRef<'_> {
        match self {
            DevRef::Index(index) => LinkRef::Index(*index),
            DevRef::Name(name) => LinkRef::Name(name),
        }
    }
}

/// The name, or `ifN` for an index (as `ip` prints a device it cannot name).
impl fmt::Display for DevRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DevRef::Index(index) => write!(f, "if{index}"),
            DevRef::Name(name) => f.write_str(name),
        }
    }
}

/// An address family: IPv4 (`AF_INET`, `ip -4`) or IPv6 (`AF_INET6`, `ip -6`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    /// `AF_INET`.
    V4,
    /// `AF_INET6`.
    V6,
}

impl Family {
    /// The `AF_*` number.
    pub const fn af(self) -> u8 {
        match self {
            Family::V4 => af::INET,
            Family::V6 => af::INET6,
        }
    }

    /// The family of `address`.
    pub const fn of(address: IpAddr) -> Family {
        match address {
            IpAddr::V4(_) => Family::V4,
            IpAddr::V6(_) => Family::V6,
        }
    }

    /// The longest prefix of the family: 32 or 128.
    pub const fn max_prefix_len(self) -> u8 {
        match self {
            Family::V4 => 32,
            Family::V6 => 128,
        }
    }

    /// Whether an `AF_*` number is this family.
    fn is(self, af: u8) -> bool {
        self.af() == af
    }
}

/// An IP address and a prefix length, as `ip` writes them: `192.0.2.1/24`, `2001:db8::/32`.
///
/// Host bits are kept (`192.0.2.1/24` is an address on a /24); [`IpPrefix::network`] clears
/// them. Parsed with [`str::parse`]: a bare address is a host prefix (`/32` or `/128`).
///
/// ```
/// let prefix: rtnl_ip::IpPrefix = "192.0.2.1/24".parse()?;
/// assert_eq!(prefix.prefix_len(), 24);
/// assert_eq!(prefix.network().to_string(), "192.0.2.0/24");
/// assert!(prefix.contains("192.0.2.200".parse().unwrap()));
/// # Ok::<(), rtnl_ip::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct IpPrefix {
    addr: IpAddr,
    len: u8,
}

impl IpPrefix {
    /// `0.0.0.0/0`: the IPv4 default route.
    pub const DEFAULT_V4: IpPrefix = IpPrefix {
        addr: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
        len: 0,
    };

    /// `::/0`: the IPv6 default route.
    pub const DEFAULT_V6: IpPrefix = IpPrefix {
        addr: IpAddr::V6(Ipv6Addr::UNSPECIFIED),
        len: 0,
    };

    /// `addr/len`.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`] when `len` is longer than the family's addresses (32 or 128).
    pub fn new(addr: IpAddr, len: u8) -> Result<IpPrefix> {
        if len > Family::of(addr).max_prefix_len() {
            return Err(Error::new(
                "parse prefix",
                Some(format!("{addr}/{len}")),
                ErrorKind::Invalid("the prefix length is longer than the address"),
            ));
        }
        Ok(IpPrefix { addr, len })
    }

    /// `addr` with the full prefix length: `/32` or `/128`.
    pub const fn host(addr: IpAddr) -> IpPrefix {
        IpPrefix {
            addr,
            len: Family::of(addr).max_prefix_len(),
        }
    }

    /// The default route prefix of `family` (`0.0.0.0/0` or `::/0`).
    pub const fn default_route(family: Family) -> IpPrefix {
        match family {
            Family::V4 => IpPrefix::DEFAULT_V4,
            Family::V6 => IpPrefix::DEFAULT_V6,
        }
    }

    /// The address, host bits included.
    pub const fn addr(&self) -> IpAddr {
        self.addr
    }

    /// The prefix length.
    pub const fn prefix_len(&self) -> u8 {
        self.len
    }

    /// The family of the address.
    pub const fn family(&self) -> Family {
        Family::of(self.addr)
    }

    /// Whether this is a default route prefix (length 0).
    pub const fn is_default(&self) -> bool {
        self.len == 0
    }

    /// The prefix with the host bits cleared: `192.0.2.1/24` gives `192.0.2.0/24`.
    pub fn network(&self) -> IpPrefix {
        let addr = match self.addr {
            IpAddr::V4(a) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(self.len)).unwrap_or(0);
                IpAddr::V4(Ipv4Addr::from(u32::from(a) & mask))
            }
            IpAddr::V6(a) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.len))
                    .unwrap_or(0);
                IpAddr::V6(Ipv6Addr::from(u128::from(a) & mask))
            }
        };
        IpPrefix {
            addr,
            len: self.len,
        }
    }

    /// Whether `addr` is inside this prefix (of the same family, same leading bits).
    pub fn contains(&self, addr: IpAddr) -> bool {
        Family::of(addr) == self.family()
            && IpPrefix {
                addr,
                len: self.len,
            }
            .network()
                == self.network()
    }
}

impl FromStr for IpPrefix {
    type Err = Error;

    /// Reads `ADDRESS/LENGTH` or a bare `ADDRESS` (a host prefix).
    fn from_str(text: &str) -> Result<IpPrefix> {
        let invalid = || {
            Error::new(
                "parse prefix",
                Some(text.to_owned()),
                ErrorKind::Invalid("any valid prefix is expected"),
            )
        };
        let (addr, len) = match text.split_once('/') {
            Some((addr, len)) => (addr, Some(len)),
            None => (text, None),
        };
        let addr: IpAddr = addr.parse().map_err(|_| invalid())?;
        match len {
            None => Ok(IpPrefix::host(addr)),
            Some(len) if !len.is_empty() && len.bytes().all(|b| b.is_ascii_digit()) => {
                let len: u8 = len.parse().map_err(|_| invalid())?;
                IpPrefix::new(addr, len).map_err(|_| invalid())
            }
            Some(_) => Err(invalid()),
        }
    }
}

impl fmt::Display for IpPrefix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.addr, self.len)
    }
}

impl From<IpAddr> for IpPrefix {
    fn from(addr: IpAddr) -> Self {
        IpPrefix::host(addr)
    }
}

/// An address to add, replace or delete, as `ip address add LOCAL/LEN [peer PEER/LEN]
/// [broadcast BRD|+] [label LABEL] [scope SCOPE] [metric M] [nodad] [noprefixroute] dev DEV
/// [valid_lft V preferred_lft P]` describes it.
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
pub struct AddressSpec {
    /// The device the address is on.
    pub dev: DevRef,
    /// The address and its prefix length (`IFA_LOCAL`, `ifa_prefixlen`).
    pub local: IpPrefix,
    /// `peer PEER/LEN` (`IFA_ADDRESS`): the other end of a point-to-point link. Its prefix
    /// length, not `local`'s, becomes the address's, as with `ip`.
    pub peer: Option<IpPrefix>,
    /// `broadcast` (`IFA_BROADCAST`, IPv4 only): an address, or [`Broadcast::Auto`] (`brd +`),
    /// the prefix with all host bits set.
    pub broadcast: Option<Broadcast>,
    /// `label` (`IFA_LABEL`, IPv4 only): up to 15 bytes; by convention the device's name, or
    /// the name, `:` and a suffix.
    pub label: Option<String>,
    /// `scope` (`RT_SCOPE_*`); `None`: host for IPv4 loopback addresses, else global.
    pub scope: Option<u8>,
    /// `valid_lft` and `preferred_lft` (`IFA_CACHEINFO`), in seconds; `None`: forever.
    pub lifetime: Option<Lifetime>,
    /// `IFA_F_*` flags: [`ifa_f::NODAD`](rtnl_codec::ifa_f::NODAD),
    /// [`ifa_f::NOPREFIXROUTE`](rtnl_codec::ifa_f::NOPREFIXROUTE), `HOMEADDRESS`,
    /// `MANAGETEMPADDR`, `MCAUTOJOIN`.
    pub flags: u32,
    /// `metric` (`IFA_RT_PRIORITY`): the metric of the prefix route the kernel adds.
    pub metric: Option<u32>,
}

impl AddressSpec {
    /// `local` (address and prefix length) on `dev`, with nothing else set.
    pub fn new(dev: impl Into<DevRef>, local: IpPrefix) -> AddressSpec {
        AddressSpec {
            dev: dev.into(),
            local,
            peer: None,
            broadcast: None,
            label: None,
            scope: None,
            lifetime: None,
            flags: 0,
            metric: None,
        }
    }

    /// `peer PEER/LEN`: a point-to-point address whose other end is `peer`.
    pub fn peer(mut self, peer: IpPrefix) -> Self {
        self.peer = Some(peer);
        self
    }

    /// `broadcast BRD`.
    pub fn broadcast(mut self, broadcast: Ipv4Addr) -> Self {
        self.broadcast = Some(Broadcast::Addr(broadcast));
        self
    }

    /// `broadcast +`: the prefix with all host bits set (none for prefixes over /30).
    pub fn broadcast_auto(mut self) -> Self {
        self.broadcast = Some(Broadcast::Auto);
        self
    }

    /// `label LABEL`.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// `scope SCOPE` (`RT_SCOPE_*`; [`names::parse_scope`](crate::names::parse_scope) reads
    /// `global`, `link`, `host`).
    pub fn scope(mut self, scope: u8) -> Self {
        self.scope = Some(scope);
        self
    }

    /// `valid_lft VALID preferred_lft PREFERRED`, seconds; [`Lifetime::FOREVER`] never ends.
    pub fn lifetime(mut self, valid: u32, preferred: u32) -> Self {
        self.lifetime = Some(Lifetime { valid, preferred });
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
        self.flags |= flag;
        self
    }

    /// `metric M`: the prefix route's metric.
    pub fn metric(mut self, metric: u32) -> Self {
        self.metric = Some(metric);
        self
    }

    /// The request for the codec, with the device resolved to `index`.
    fn request(&self, index: u32) -> request::Address<'_> {
        request::Address {
            peer: self.peer.map(|peer| peer.addr),
            broadcast: self.broadcast,
            label: self.label.as_deref(),
            scope: self.scope,
            flags: self.flags,
            lifetime: self.lifetime,
            metric: self.metric,
            ..request::Address::new(
                index,
                self.local.addr,
                self.peer.map_or(self.local.len, |peer| peer.len),
            )
        }
    }
}

/// `LOCAL/LEN [peer PEER/LEN] dev DEV`: how errors name the address.
impl fmt::Display for AddressSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.local)?;
        if let Some(peer) = self.peer {
            write!(f, " peer {peer}")?;
        }
        write!(f, " dev {}", self.dev)
    }
}

/// Which addresses [`Handle::addresses`] and [`Handle::for_each_address`] report, as `ip [-4|-6]
/// address show [dev DEV] [label PATTERN] [scope SCOPE]` selects them. The default is every
/// address of every device.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct AddressFilter {
    /// Only this device's addresses (the kernel filters them).
    pub dev: Option<DevRef>,
    /// Only this family's addresses (the kernel filters them).
    pub family: Option<Family>,
    /// Only addresses whose label matches this shell pattern (`*` and `?`, as `ip`'s
    /// `fnmatch`). An address without `IFA_LABEL` (every IPv6 address) is matched by its
    /// device's name, as `ip` does.
    pub label: Option<String>,
    /// Only addresses of this scope (`RT_SCOPE_*`).
    pub scope: Option<u8>,
}

impl AddressFilter {
    /// Every address.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only the addresses on `dev`.
    pub fn dev(mut self, dev: impl Into<DevRef>) -> Self {
        self.dev = Some(dev.into());
        self
    }

    /// Only the addresses of `family`.
    pub fn family(mut self, family: Family) -> Self {
        self.family = Some(family);
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
            && self.family.is_none_or(|family| family.is(m.family()))
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
    pub(crate) fn resolve_index_for(&mut self, op: &'static str, dev: &DevRef) -> Result<u32> {
        self.link_index(dev.as_link_ref())
            .map_err(|e| Error::new(op, e.object().map(str::to_owned), e.kind().clone()))
    }

    /// `RTM_NEWADDR` with `NLM_F_CREATE | NLM_F_EXCL`: adds an address, like `ip address add`.
    ///
    /// # Errors
    /// `EEXIST` (`Error: ipv4: Address already assigned.`) when the device has it already;
    /// [`ErrorKind::NotFound`] for an unknown device; [`ErrorKind::Request`] for a request the
    /// kernel would refuse (a broadcast on IPv6, a label over 15 bytes, a valid lifetime of 0
    /// or below the preferred one, a peer of the other family).
    pub fn address_add(&mut self, spec: &AddressSpec) -> Result<()> {
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
    pub fn address_replace(&mut self, spec: &AddressSpec) -> Result<()> {
        self.address_new("replace address", NewMode::Replace, spec)
    }

    fn address_new(&mut self, op: &'static str, mode: NewMode, spec: &AddressSpec) -> Result<()> {
        let index = self.resolve_index_for(op, &spec.dev)?;
        let addr = spec.request(index);
        self.ack(op, spec, |buf| request::addr_new(buf, 0, mode, &addr))
    }

    /// `RTM_DELADDR`: removes an address, like `ip address del`. The address is matched by
    /// its local address, prefix length and peer (and label, when set); deleting a primary
    /// IPv4 address also deletes its secondaries unless `promote_secondaries` is on.
    ///
    /// # Errors
    /// `EADDRNOTAVAIL` (`RTNETLINK answers: Cannot assign requested address`) when the device
    /// has no such address; [`ErrorKind::NotFound`] for an unknown device.
    pub fn address_del(&mut self, spec: &AddressSpec) -> Result<()> {
        const OP: &str = "delete address";
        let index = self.resolve_index_for(OP, &spec.dev)?;
        let addr = spec.request(index);
        self.ack(OP, spec, |buf| request::addr_del(buf, 0, &addr))
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
    /// [`ErrorKind::NotFound`] for an unknown device; the first deletion the kernel refuses
    /// for another reason than the address being gone already.
    pub fn address_flush(
        &mut self,
        dev: impl Into<DevRef>,
        family: Option<Family>,
    ) -> Result<usize> {
        const OP: &str = "flush addresses";
        const ROUNDS: usize = 10;
        let dev = dev.into();
        let index = self.resolve_index_for(OP, &dev)?;
        let filter = AddressFilter {
            dev: Some(DevRef::Index(index)),
            family,
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
    /// [`ErrorKind::NotFound`] when `filter.dev` names no device; a failed dump.
    pub fn addresses(&mut self, filter: &AddressFilter) -> Result<Vec<Address>> {
        let found = RefCell::new(Vec::new());
        self.address_dump(
            "show addresses",
            filter,
            || found.borrow_mut().clear(),
            |m| found.borrow_mut().push(Address::from_message(m)),
        )?;
        Ok(found.into_inner())
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
        filter: &AddressFilter,
        f: impl FnMut(&AddressMessage<'_>),
    ) -> Result<()> {
        self.address_dump("show addresses", filter, || {}, f)
    }

    fn address_dump(
        &mut self,
        op: &'static str,
        filter: &AddressFilter,
        mut restart: impl FnMut(),
        mut f: impl FnMut(&AddressMessage<'_>),
    ) -> Result<()> {
        let index = match &filter.dev {
            Some(dev) => Some(self.resolve_index_for(op, dev)?),
            None => None,
        };
        let mut names = HashMap::new();
        if filter.label.is_some() {
            self.for_each_link(&LinkFilter::default(), |link| {
                if let Some(name) = link.name_bytes() {
                    names.insert(link.index(), name.to_vec());
                }
            })?;
        }
        let dump = AddressDump {
            family: filter.family.map_or(af::UNSPEC, Family::af),
            index,
        };
        let malformed = Cell::new(None);
        self.dump(
            op,
            |buf| request::addr_dump(buf, 0, &dump),
            || {
                malformed.set(None);
                restart();
            },
            |message| {
                if message.ty() != rtm::NEWADDR {
                    return;
                }
                match AddressMessage::parse(message) {
                    Ok(m) if filter.keeps(index, &names, &m) => f(&m),
                    Ok(_) => {}
                    Err(e) => malformed.set(malformed.get().or(Some(e))),
                }
            },
        )?;
        match malformed.get() {
            Some(e) => Err(Error::new(op, None, rtnl_sys::Error::from(e).into())),
            None => Ok(()),
        }
    }
}

impl Handle {
    /// `RTM_GETADDR` dump, streaming, for a caller that keeps what it sees: `restart` is called
    /// before the dump is redone (the kernel found it inconsistent, `NLM_F_DUMP_INTR`), so what
    /// was kept can be dropped and `f` sees every address once more from the first.
    ///
    /// # Errors
    /// As [`Handle::addresses`].
    pub fn for_each_address_restarting(
        &mut self,
        filter: &AddressFilter,
        restart: impl FnMut(),
        f: impl FnMut(&AddressMessage<'_>),
    ) -> Result<()> {
        self.address_dump("show addresses", filter, restart, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_parse_like_ip() {
        let p: IpPrefix = "192.0.2.1/24".parse().unwrap();
        assert_eq!(
            (p.addr(), p.prefix_len()),
            ("192.0.2.1".parse().unwrap(), 24)
        );
        assert_eq!(p.to_string(), "192.0.2.1/24");
        assert_eq!(p.network().to_string(), "192.0.2.0/24");
        let host: IpPrefix = "2001:db8::1".parse().unwrap();
        assert_eq!(host.prefix_len(), 128);
        assert_eq!(host.family(), Family::V6);
        let v6: IpPrefix = "2001:db8:1::5/48".parse().unwrap();
        assert_eq!(v6.network().to_string(), "2001:db8:1::/48");
        assert_eq!(IpPrefix::DEFAULT_V4.network(), IpPrefix::DEFAULT_V4);
        assert_eq!(
            "0.0.0.0/0".parse::<IpPrefix>().unwrap(),
            IpPrefix::DEFAULT_V4
        );
        for bad in [
            "",
            "/24",
            "192.0.2.1/",
            "192.0.2.1/33",
            "2001:db8::/129",
            "192.0.2.1/+4",
            "192.0.2/24",
            "nope",
            "192.0.2.1/24/1",
            "192.0.2.1/300",
        ] {
            let e = bad.parse::<IpPrefix>().unwrap_err();
            assert_eq!(e.object(), Some(bad), "{bad:?}");
            assert_eq!(e.to_string(), "any valid prefix is expected");
        }
    }

    #[test]
    fn prefixes_contain_their_hosts() {
        let p: IpPrefix = "198.51.100.0/24".parse().unwrap();
        assert!(p.contains("198.51.100.255".parse().unwrap()));
        assert!(!p.contains("198.51.101.0".parse().unwrap()));
        assert!(!p.contains("2001:db8::1".parse().unwrap()));
        assert!(IpPrefix::DEFAULT_V6.contains("2001:db8::1".parse().unwrap()));
        assert!(!IpPrefix::DEFAULT_V6.contains("192.0.2.1".parse().unwrap()));
    }

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
        assert_eq!(addr.label, Some("v0:p"));
        assert_eq!(addr.index, 3);
        assert_eq!(spec.to_string(), "192.0.2.5/32 peer 192.0.2.9/24 dev v0");
        let v6 = AddressSpec::new(7, "2001:db8::1/64".parse().unwrap())
            .nodad()
            .noprefixroute();
        assert_eq!(v6.flags, ifa_f::NODAD | ifa_f::NOPREFIXROUTE);
        assert_eq!(v6.to_string(), "2001:db8::1/64 dev if7");
    }
}
