//! Links: `ip link add / set / show / del`, and the veth peer lookup.
//!
//! guile-netlink's `link-add`, `link-set`, `link-show` and `link-del` are the floor; every
//! keyword of theirs has a builder method here, plus master/nomaster, alias, group, and a rename
//! in the same request that moves a link to another namespace.

use std::net::IpAddr;
use std::os::fd::{AsFd, AsRawFd};
use std::os::unix::ffi::OsStrExt as _;

use rtnl_codec::request::{self, LinkDump, LinkFlags, LinkKind, Netns, NewMode};
use rtnl_codec::{LinkMessage, iff, ifla, rtnlgrp};
use rtnl_sys::{NetnsFd, RunDir};

use crate::monitor::{Group, MonitorFamily, MonitorGroups};
use crate::dump::{Ahead, DumpRow, Select};
use crate::error::{Context, Error, ErrorKind, Result};
use crate::handle::Handle;
use crate::model::Link;
use crate::vocab::{LinkRef, NetnsRef};

/// `ip link add`: what to create. The codec's [`request::NewLink`] (name, kind and the
/// kind's options, MTU, addresses, flags) and what the library resolves when it sends it:
/// namespaces (opened and passed by descriptor) and devices named (to indexes).
///
/// Made with one of the kind constructors, then refined with the builder methods or by
/// setting the fields.
///
/// ```no_run
/// # fn main() -> rtnl_ip::Result<()> {
/// use rtnl_ip::{Handle, LinkAdd, NetnsRef};
/// let mut handle = Handle::new()?;
/// handle.link_add(&LinkAdd::veth("v0", "v1").peer_netns(NetnsRef::name("blue")).up())?;
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
#[must_use]
#[non_exhaustive]
pub struct LinkAdd<'a> {
    /// The request. Its `netns`, `master`, the kind's lower device (`IFLA_LINK` of a vlan or
    /// macvlan, `IFLA_VXLAN_LINK`) and a veth peer's `peer_netns` are filled in from the fields
    /// below when it is sent.
    pub request: request::NewLink<'a>,
    /// `netns NS`: the link is created there (`IFLA_NET_NS_FD` / `IFLA_NET_NS_PID`).
    pub netns: Option<NetnsRef<'a>>,
    /// `master DEV`: enslaved to it on creation (`IFLA_MASTER`).
    pub master: Option<LinkRef<'a>>,
    /// `link DEV`: the device a vlan or macvlan sits on, or a vxlan's underlying device.
    pub link: Option<LinkRef<'a>>,
    /// For a veth: where the peer goes (`peer ... netns NS`).
    pub peer_netns: Option<NetnsRef<'a>>,
}

impl<'a> LinkAdd<'a> {
    /// A link named `name` of `kind`, with nothing else set.
    pub fn new(name: Option<&'a [u8]>, kind: LinkKind<'a>) -> Self {
        LinkAdd {
            request: request::NewLink {
                name,
                ..request::NewLink::new(kind)
            },
            netns: None,
            master: None,
            link: None,
            peer_netns: None,
        }
    }

    /// A veth pair (veth(4)): `name` here, `peer` at the other end (the kernel names it
    /// `vethN` when `peer` is empty). Deleting either end deletes both.
    pub fn veth(
        name: &'a (impl AsRef<[u8]> + ?Sized),
        peer: &'a (impl AsRef<[u8]> + ?Sized),
    ) -> Self {
        let peer = peer.as_ref();
        let peer_name = (!peer.is_empty()).then_some(peer);
        Self::new(
            Some(name.as_ref()),
            LinkKind::Veth(request::Veth {
                peer_name,
                ..request::Veth::default()
            }),
        )
    }

    /// A software bridge.
    pub fn bridge(name: &'a (impl AsRef<[u8]> + ?Sized)) -> Self {
        Self::new(Some(name.as_ref()), LinkKind::Bridge(&[]))
    }

    /// A dummy device (a driver this kernel may lack: the kernel then says
    /// `Unknown device type`).
    pub fn dummy(name: &'a (impl AsRef<[u8]> + ?Sized)) -> Self {
        Self::new(Some(name.as_ref()), LinkKind::Dummy)
    }

    /// A VXLAN endpoint with network identifier `id` (24 bits); set its addresses with
    /// [`LinkAdd::vxlan_remote`], [`LinkAdd::vxlan_group`], [`LinkAdd::vxlan_local`].
    pub fn vxlan(name: &'a (impl AsRef<[u8]> + ?Sized), id: u32) -> Self {
        Self::new(
            Some(name.as_ref()),
            LinkKind::Vxlan(request::Vxlan {
                id: Some(id),
                ..request::Vxlan::default()
            }),
        )
    }

    /// An 802.1Q VLAN `id` on top of `link`.
    pub fn vlan(name: &'a (impl AsRef<[u8]> + ?Sized), link: LinkRef<'a>, id: u16) -> Self {
        let mut add = Self::new(
            Some(name.as_ref()),
            LinkKind::Vlan(request::Vlan {
                id,
                protocol: None,
                link: 0,
            }),
        );
        add.link = Some(link);
        add
    }

    /// A macvlan on top of `link`; `mode` is `MACVLAN_MODE_*` (`macvlan_mode::BRIDGE`, ...).
    pub fn macvlan(
        name: &'a (impl AsRef<[u8]> + ?Sized),
        link: LinkRef<'a>,
        mode: Option<u32>,
    ) -> Self {
        let mut add = Self::new(
            Some(name.as_ref()),
            LinkKind::Macvlan(request::Macvlan {
                mode,
                ..request::Macvlan::default()
            }),
        );
        add.link = Some(link);
        add
    }

    /// An ipvlan on top of `link`; `mode` is `IPVLAN_MODE_*` (`ipvlan_mode::L2`, ...) and
    /// `flags` `IPVLAN_F_*` (0 is bridge, `ipvlan_flag::PRIVATE`, `ipvlan_flag::VEPA`).
    pub fn ipvlan(
        name: &'a (impl AsRef<[u8]> + ?Sized),
        link: LinkRef<'a>,
        mode: Option<u16>,
        flags: Option<u16>,
    ) -> Self {
        let mut add = Self::new(
            Some(name.as_ref()),
            LinkKind::Ipvlan(request::Ipvlan {
                mode,
                flags,
                link: None,
            }),
        );
        add.link = Some(link);
        add
    }

    /// A VRF bound to routing table `table` (`IFLA_VRF_TABLE`).
    pub fn vrf(name: &'a (impl AsRef<[u8]> + ?Sized), table: u32) -> Self {
        Self::new(
            Some(name.as_ref()),
            LinkKind::Vrf(request::Vrf { table: Some(table) }),
        )
    }

    /// A link of any other `kind` that needs no kind-specific data (`ifb`, `nlmon`, ...).
    pub fn other(name: &'a (impl AsRef<[u8]> + ?Sized), kind: &'a str) -> Self {
        Self::new(Some(name.as_ref()), LinkKind::Other(kind))
    }

    /// `IFLA_MTU`.
    pub fn mtu(mut self, mtu: u32) -> Self {
        self.request.mtu = Some(mtu);
        self
    }

    /// `IFLA_ADDRESS`: the MAC address.
    pub fn address(mut self, mac: &'a [u8]) -> Self {
        self.request.address = Some(mac);
        self
    }

    /// `IFLA_TXQLEN`.
    pub fn txqlen(mut self, txqlen: u32) -> Self {
        self.request.txqlen = Some(txqlen);
        self
    }

    /// Created up (`IFF_UP`).
    pub fn up(mut self) -> Self {
        self.request.flags = LinkFlags::up();
        self
    }

    /// Created in another namespace (`IFLA_NET_NS_FD`/`PID`), like `ip link add ... netns X`.
    pub fn netns(mut self, netns: NetnsRef<'a>) -> Self {
        self.netns = Some(netns);
        self
    }

    /// Enslaved to `master` (a bridge) on creation.
    pub fn master(mut self, master: LinkRef<'a>) -> Self {
        self.master = Some(master);
        self
    }

    /// `NLM_F_REPLACE` instead of `NLM_F_EXCL`: change the link if it exists.
    pub fn replace(mut self) -> Self {
        self.request.mode = NewMode::Replace;
        self
    }

    /// The veth peer's options, for a veth.
    fn veth_mut(&mut self) -> Option<&mut request::Veth<'a>> {
        match &mut self.request.kind {
            LinkKind::Veth(veth) => Some(veth),
            _ => None,
        }
    }

    /// The vxlan options, for a vxlan.
    fn vxlan_mut(&mut self) -> Option<&mut request::Vxlan<'a>> {
        match &mut self.request.kind {
            LinkKind::Vxlan(vxlan) => Some(vxlan),
            _ => None,
        }
    }

    /// For a veth: the peer goes to `netns` (`peer name X netns Y`). Ignored for other kinds.
    pub fn peer_netns(mut self, netns: NetnsRef<'a>) -> Self {
        if self.veth_mut().is_some() {
            self.peer_netns = Some(netns);
        }
        self
    }

    /// For a veth: the peer's MTU.
    pub fn peer_mtu(mut self, mtu: u32) -> Self {
        if let Some(veth) = self.veth_mut() {
            veth.peer_mtu = Some(mtu);
        }
        self
    }

    /// For a veth: the peer's MAC address.
    pub fn peer_address(mut self, mac: &'a [u8]) -> Self {
        if let Some(veth) = self.veth_mut() {
            veth.peer_address = Some(mac);
        }
        self
    }

    /// For a veth: the peer's transmit queue length.
    pub fn peer_txqlen(mut self, txqlen: u32) -> Self {
        if let Some(veth) = self.veth_mut() {
            veth.peer_txqlen = Some(txqlen);
        }
        self
    }

    /// For a veth: the peer is created up.
    pub fn peer_up(mut self) -> Self {
        if let Some(veth) = self.veth_mut() {
            veth.peer_flags = LinkFlags::up();
        }
        self
    }

    /// For a vxlan: the unicast remote endpoint (`IFLA_VXLAN_GROUP`/`GROUP6`).
    pub fn vxlan_remote(mut self, remote: IpAddr) -> Self {
        if let Some(vxlan) = self.vxlan_mut() {
            vxlan.remote = Some(remote);
        }
        self
    }

    /// For a vxlan: the multicast group (needs [`LinkAdd::vxlan_dev`]).
    pub fn vxlan_group(mut self, group: IpAddr) -> Self {
        if let Some(vxlan) = self.vxlan_mut() {
            vxlan.group = Some(group);
        }
        self
    }

    /// For a vxlan: the local source address.
    pub fn vxlan_local(mut self, local: IpAddr) -> Self {
        if let Some(vxlan) = self.vxlan_mut() {
            vxlan.local = Some(local);
        }
        self
    }

    /// For a vxlan: the UDP destination port (`dstport`; IANA's is 4789).
    pub fn vxlan_port(mut self, port: u16) -> Self {
        if let Some(vxlan) = self.vxlan_mut() {
            vxlan.port = Some(port);
        }
        self
    }

    /// For a vxlan: the underlying device (`dev`).
    pub fn vxlan_dev(mut self, dev: LinkRef<'a>) -> Self {
        if self.vxlan_mut().is_some() {
            self.link = Some(dev);
        }
        self
    }

    /// For a vxlan: the TTL of outgoing packets.
    pub fn vxlan_ttl(mut self, ttl: u8) -> Self {
        if let Some(vxlan) = self.vxlan_mut() {
            vxlan.ttl = Some(ttl);
        }
        self
    }

    /// For a vxlan: turn source-address learning off (`nolearning`).
    pub fn vxlan_nolearning(mut self) -> Self {
        if let Some(vxlan) = self.vxlan_mut() {
            vxlan.learning = Some(false);
        }
        self
    }

    /// For a vlan: the protocol, `0x8100` (802.1Q, the default) or `0x88a8` (802.1ad).
    pub fn vlan_protocol(mut self, protocol: u16) -> Self {
        if let LinkKind::Vlan(vlan) = &mut self.request.kind {
            vlan.protocol = Some(protocol);
        }
        self
    }
}

/// `ip link set`: what to change on one link. The codec's [`request::SetLink`] (which link,
/// flags, MTU, name, addresses, ...) and what the library resolves when it sends it: the
/// namespace to move to and the master, named.
///
/// Every guile-netlink `link-set` keyword is a method, plus master/nomaster, alias, group; a
/// `name` together with `netns` renames the link as it moves.
#[derive(Clone, Debug)]
#[must_use]
#[non_exhaustive]
pub struct LinkSet<'a> {
    /// The request; its `netns` and `master` are filled in from the fields below when sent
    /// (and the link is named by index when it is renamed).
    pub request: request::SetLink<'a>,
    /// `netns NS`: move the link there.
    pub netns: Option<NetnsRef<'a>>,
    /// `master DEV` (`Some(Some(..))`) or `nomaster` (`Some(None)`).
    pub master: Option<Option<LinkRef<'a>>>,
}

impl<'a> LinkSet<'a> {
    /// Changes to `link`; nothing is changed until a method says what.
    pub fn new(link: LinkRef<'a>) -> Self {
        LinkSet {
            request: request::SetLink::new(link),
            netns: None,
            master: None,
        }
    }

    fn flag(mut self, flag: u32, on: bool) -> Self {
        self.request.flags = self.request.flags.with(flag, on);
        self
    }

    /// `up` / `down` (`IFF_UP`).
    pub fn up(self, up: bool) -> Self {
        self.flag(iff::UP, up)
    }

    /// `arp on|off` (`IFF_NOARP` cleared / set).
    pub fn arp(self, on: bool) -> Self {
        self.flag(iff::NOARP, !on)
    }

    /// `dynamic on|off` (`IFF_DYNAMIC`).
    pub fn dynamic(self, on: bool) -> Self {
        self.flag(iff::DYNAMIC, on)
    }

    /// `multicast on|off` (`IFF_MULTICAST`).
    pub fn multicast(self, on: bool) -> Self {
        self.flag(iff::MULTICAST, on)
    }

    /// `allmulticast on|off` (`IFF_ALLMULTI`).
    pub fn allmulticast(self, on: bool) -> Self {
        self.flag(iff::ALLMULTI, on)
    }

    /// `promisc on|off` (`IFF_PROMISC`).
    pub fn promisc(self, on: bool) -> Self {
        self.flag(iff::PROMISC, on)
    }

    /// `trailers on|off` (`IFF_NOTRAILERS` cleared / set).
    pub fn trailers(self, on: bool) -> Self {
        self.flag(iff::NOTRAILERS, !on)
    }

    /// `carrier on|off` (`IFLA_CARRIER`).
    pub fn carrier(mut self, on: bool) -> Self {
        self.request.carrier = Some(on);
        self
    }

    /// `txqueuelen N` (`IFLA_TXQLEN`).
    pub fn txqueuelen(mut self, txqlen: u32) -> Self {
        self.request.txqlen = Some(txqlen);
        self
    }

    /// `name NEW` (`IFLA_IFNAME`).
    pub fn name(mut self, name: &'a (impl AsRef<[u8]> + ?Sized)) -> Self {
        self.request.name = Some(name.as_ref());
        self
    }

    /// `address LLADDR` (`IFLA_ADDRESS`).
    pub fn address(mut self, address: &'a [u8]) -> Self {
        self.request.address = Some(address);
        self
    }

    /// `broadcast LLADDR` (`IFLA_BROADCAST`).
    pub fn broadcast(mut self, broadcast: &'a [u8]) -> Self {
        self.request.broadcast = Some(broadcast);
        self
    }

    /// `mtu N` (`IFLA_MTU`).
    pub fn mtu(mut self, mtu: u32) -> Self {
        self.request.mtu = Some(mtu);
        self
    }

    /// `netns NAME|PID|PATH` (`IFLA_NET_NS_FD`/`PID`): move the link.
    pub fn netns(mut self, netns: NetnsRef<'a>) -> Self {
        self.netns = Some(netns);
        self
    }

    /// `master DEV` (`IFLA_MASTER`).
    pub fn master(mut self, master: LinkRef<'a>) -> Self {
        self.master = Some(Some(master));
        self
    }

    /// `nomaster` (`IFLA_MASTER` 0).
    pub fn nomaster(mut self) -> Self {
        self.master = Some(None);
        self
    }

    /// `alias TEXT` (`IFLA_IFALIAS`); empty clears it.
    pub fn alias(mut self, alias: &'a (impl AsRef<[u8]> + ?Sized)) -> Self {
        self.request.alias = Some(alias.as_ref());
        self
    }

    /// `group N` (`IFLA_GROUP`).
    pub fn group(mut self, group: u32) -> Self {
        self.request.group = Some(group);
        self
    }
}

/// `ip link show`'s filters (guile-netlink's `link-show` keywords): all given ones must match.
#[derive(Clone, Debug, Default)]
#[must_use]
pub struct LinkFilter<'a> {
    /// Only this device.
    pub device: Option<LinkRef<'a>>,
    /// Only links in this group.
    pub group: Option<u32>,
    /// Only links that are up.
    pub up: bool,
    /// Only ports of this master (the kernel filters, with strict checking).
    pub master: Option<LinkRef<'a>>,
    /// Only ports of this VRF: like `master`, and the master must be a `vrf`.
    pub vrf: Option<LinkRef<'a>>,
    /// Only links of this kind (`veth`, `bridge`; the kernel filters).
    pub kind: Option<&'a str>,
    /// Ask the kernel to leave out the statistics (`RTEXT_FILTER_SKIP_STATS`; see
    /// [`LinkDump::skip_stats`]): a dump for a caller that does not read
    /// [`Link::stats64`](crate::Link::stats64) costs the kernel a fraction of the time.
    pub skip_stats: bool,
}

impl LinkFilter<'_> {
    /// Whether `m` passes the filters the kernel does not apply.
    fn keeps(&self, m: &LinkMessage<'_>) -> bool {
        (!self.up || m.flags() & iff::UP != 0) && self.group.is_none_or(|g| m.group() == Some(g))
    }
}

impl<'a> Select for LinkFilter<'a> {
    type Dump = LinkDump<'a>;

    /// One `RTM_GETLINK` for a device, else a dump the kernel filters by master and kind.
    fn rows(
        &self,
        handle: &mut Handle,
        mut on: impl FnMut(DumpRow<'_, LinkMessage<'_>>),
    ) -> Result<()> {
        self.rows_dyn(handle, &mut on)
    }
}

impl<'a> LinkFilter<'a> {
    /// [`Select::rows`] with `on` as a trait object: the query is compiled once, not once per
    /// caller.
    fn rows_dyn(
        &self,
        handle: &mut Handle,
        on: &mut dyn FnMut(DumpRow<'_, LinkMessage<'_>>),
    ) -> Result<()> {
        if let Some(device) = self.device {
            return handle.link_get_with(device, |m| {
                if self.keeps(m) && self.kind.is_none_or(|k| m.kind() == Some(k)) {
                    on(DumpRow::View(m));
                }
            });
        }
        let dump = self.dump_request(handle)?;
        handle.dump_rows(Self::OP, &dump, &mut |row| match row {
            DumpRow::View(m) if !self.keeps(m) => {}
            row => on(row),
        })
    }

    /// What [`Handle::for_each_link`] and its look-ahead form call their errors.
    const OP: &'static str = "show links";

    /// The dump request of a filter without a device: the master's (or VRF's) index
    /// resolved, the kind for the kernel to filter on.
    fn dump_request(&self, handle: &mut Handle) -> Result<LinkDump<'a>> {
        let master = match (self.master, self.vrf) {
            (Some(_), Some(_)) => {
                return Err(Error::new(
                    Self::OP,
                    None,
                    ErrorKind::Invalid("master and vrf filters exclude each other"),
                ));
            }
            (Some(master), None) => Some(handle.link_index(master)?),
            (None, Some(vrf)) => {
                let (index, is_vrf) =
                    handle.link_get_with(vrf, |m| (m.index(), m.kind() == Some("vrf")))?;
                if !is_vrf {
                    return Err(Error::new(
                        Self::OP,
                        Some(describe(vrf)),
                        ErrorKind::Invalid("Not a valid VRF name"),
                    ));
                }
                Some(index)
            }
            (None, None) => None,
        };
        Ok(LinkDump {
            master,
            kind: self.kind,
            skip_stats: self.skip_stats,
        })
    }

    /// [`Handle::for_each_link_ahead`] with a trait object: compiled once.
    fn ahead_dyn(
        &self,
        handle: &mut Handle,
        each: &mut dyn FnMut(Ahead<'_, '_, LinkMessage<'_>>),
    ) -> Result<()> {
        if let Some(device) = self.device {
            return handle.link_get_with(device, |m| {
                each(Ahead::Arrived(m.message()));
                if self.keeps(m) && self.kind.is_none_or(|k| m.kind() == Some(k)) {
                    each(Ahead::Held(m));
                }
            });
        }
        let dump = self.dump_request(handle)?;
        handle.dump_rows_ahead(Self::OP, &dump, &mut |row| match row {
            Ahead::Held(m) if !self.keeps(m) => {}
            row => each(row),
        })
    }
}

/// Where a veth's peer lives.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PeerNamespace {
    /// In the same namespace as the link asked about.
    Same,
    /// In the named namespace (from the handle's run dir) with this nsid.
    Named {
        /// The namespace's name.
        name: String,
        /// Its nsid, as the link's namespace sees it.
        nsid: i32,
    },
    /// In a namespace no name in the run dir matches, known by its nsid.
    Nsid(i32),
}

/// A veth's other end: what veth(4) finds with `ethtool -S` and a grep, in one call.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct VethPeer {
    /// The peer's index, in its own namespace.
    pub index: u32,
    /// The peer's name.
    pub name: String,
    /// Where it lives.
    pub namespace: PeerNamespace,
}

/// Namespace file descriptors requests refer to; open until the requests are answered.
///
/// A namespace named (or given by path) more than once is opened once, so a batch of a
/// thousand links into one namespace holds one descriptor, not a thousand. A caller's own
/// descriptor is duplicated, so it may be closed before a batch is sent.
#[derive(Default)]
pub(crate) struct OpenNetns(Vec<(Option<Vec<u8>>, NetnsFd)>);

impl OpenNetns {
    pub(crate) fn open(
        &mut self,
        handle: &Handle,
        netns: Option<NetnsRef<'_>>,
    ) -> Result<Option<Netns>> {
        let key = match netns {
            None => return Ok(None),
            Some(NetnsRef::Pid(pid)) => return Ok(Some(Netns::Pid(pid))),
            Some(NetnsRef::Name(name)) => Some([b"name:", name.as_bytes()].concat()),
            Some(NetnsRef::Path(path)) => Some([b"path:", path.as_bytes()].concat()),
            Some(NetnsRef::Fd(_)) => None,
        };
        if let Some((_, fd)) = self.0.iter().find(|(k, _)| k.is_some() && *k == key) {
            return Ok(Some(Netns::Fd(fd.as_fd().as_raw_fd())));
        }
        let Some(netns) = netns else { return Ok(None) };
        let fd = handle.open_netns(netns)?;
        let raw = fd.as_fd().as_raw_fd();
        self.0.push((key, fd));
        Ok(Some(Netns::Fd(raw)))
    }
}

fn describe(link: LinkRef<'_>) -> String {
    match link {
        LinkRef::Name(name) => String::from_utf8_lossy(name).into_owned(),
        LinkRef::Index(index) => format!("if{index}"),
    }
}

impl Handle {
    /// `RTM_GETLINK` for one link, by name or index: its index (names resolve to indexes for
    /// the attributes that need one).
    pub fn link_index(&mut self, link: LinkRef<'_>) -> Result<u32> {
        match link {
            LinkRef::Index(index) => Ok(index),
            LinkRef::Name(_) => self.link_get_with(link, |m| m.index()),
        }
    }

    /// `RTM_GETLINK` for one link (`rtnl_getlink()`), read through its view: what `read`
    /// returns from the kernel's answer, without an owned copy (e.g. a vrf's table,
    /// `LinkMessage::vrf`, as `ip`'s `ipvrf_get_table()` reads it). A missing link is
    /// [`ErrorKind::NotFound`].
    pub fn link_get_with<R>(
        &mut self,
        link: LinkRef<'_>,
        read: impl FnOnce(&LinkMessage<'_>) -> R,
    ) -> Result<R> {
        let mut read = Some(read);
        let mut value = None;
        self.link_get_dyn(link, &mut |m| value = read.take().map(|read| read(m)))?;
        // `link_get_dyn` succeeds only after it read the reply.
        value.ok_or_else(|| {
            Error::new(
                "show link",
                Some(describe(link)),
                ErrorKind::Invalid("no reply read"),
            )
        })
    }

    /// [`Handle::link_get_with`] with the reader as a trait object: the request, its errors
    /// and ip's `Cannot find device` are compiled once, not once per caller.
    fn link_get_dyn(
        &mut self,
        link: LinkRef<'_>,
        read: &mut dyn FnMut(&LinkMessage<'_>),
    ) -> Result<()> {
        self.get(
            "show link",
            describe(link),
            |buf| request::link_get(buf, 0, link),
            |message| LinkMessage::parse(message).map(|m| read(&m)),
        )
        .map_err(|e| {
            // The kernel's ENODEV for a link lookup is ip's `Cannot find device "x"`; so is a
            // name no link can have (the request cannot even carry it: 128 bytes or more),
            // which ip looks up and does not find.
            let unnamable =
                matches!(link, LinkRef::Name(_)) && matches!(e.kind(), ErrorKind::Request(_));
            if e.errno() == Some(rustix::io::Errno::NODEV) || unnamable {
                let name = match link {
                    LinkRef::Name(name) => name.to_vec(),
                    LinkRef::Index(_) => describe(link).into_bytes(),
                };
                Error::named(e.op(), Some(name), ErrorKind::NotFound)
            } else {
                e
            }
        })
    }

    /// `RTM_GETLINK` for one link (`ip link show dev X`).
    pub fn link(&mut self, link: LinkRef<'_>) -> Result<Link> {
        self.link_get_with(link, Link::from_message)
    }

    /// `RTM_NEWLINK` with `NLM_F_CREATE | NLM_F_EXCL`: creates a link (`ip link add`).
    ///
    /// Names given for a master, a lower device or namespaces are resolved first; namespace
    /// files are opened and passed by descriptor, as `ip` does.
    pub fn link_add(&mut self, add: &LinkAdd<'_>) -> Result<()> {
        let mut fds = OpenNetns::default();
        let spec = self.new_link_spec(add, &mut fds)?;
        let object = add
            .request
            .name
            .map_or_else(|| add.request.kind.name().into(), String::from_utf8_lossy);
        self.ack("add link", &object, |buf| request::link_new(buf, 0, &spec))
    }

    /// The request `add` stands for, with names resolved to indexes and namespaces opened
    /// into `fds` (which must stay open until the request is sent).
    pub(crate) fn new_link_spec<'a>(
        &mut self,
        add: &LinkAdd<'a>,
        fds: &mut OpenNetns,
    ) -> Result<request::NewLink<'a>> {
        let mut spec = add.request;
        spec.netns = fds.open(self, add.netns)?.or(spec.netns);
        if let Some(master) = add.master {
            spec.master = Some(self.link_index(master)?);
        }
        let lower = add.link.map(|link| self.link_index(link)).transpose()?;
        match &mut spec.kind {
            LinkKind::Veth(veth) => {
                veth.peer_netns = fds.open(self, add.peer_netns)?.or(veth.peer_netns)
            }
            LinkKind::Vxlan(vxlan) => vxlan.dev = lower.or(vxlan.dev),
            LinkKind::Vlan(request::Vlan { link, .. })
            | LinkKind::Macvlan(request::Macvlan { link, .. }) => {
                *link = lower.unwrap_or(*link);
            }
            LinkKind::Ipvlan(ipvlan) => ipvlan.link = lower.or(ipvlan.link),
            _ => {}
        }
        Ok(spec)
    }

    /// `RTM_NEWLINK` (with `ifi_index`/name and `ifi_change`): changes a link (`ip link set`).
    pub fn link_set(&mut self, set: &LinkSet<'_>) -> Result<()> {
        let mut spec = set.request;
        // A rename says the new name in IFLA_IFNAME, so the link is named by index, as ip does;
        // so is a link named by what cannot be an IFLA_IFNAME (an alternative name, or no
        // link's name at all: `Cannot find device`).
        if let (LinkRef::Name(_), Some(_)) = (spec.link, spec.name) {
            spec.link = LinkRef::Index(self.link_index(spec.link)?);
        } else if let LinkRef::Name(name) = spec.link
            && !request::valid_ifname(name)
        {
            spec.link = LinkRef::Index(self.link_index(spec.link)?);
        }
        let mut fds = OpenNetns::default();
        spec.netns = fds.open(self, set.netns)?.or(spec.netns);
        match set.master {
            None => {}
            Some(None) => spec.master = Some(0),
            Some(Some(master)) => spec.master = Some(self.link_index(master)?),
        }
        // `fds` stays open until the request has been answered.
        self.ack("set link", describe(set.request.link), |buf| {
            request::link_set(buf, 0, &spec)
        })
    }

    /// `RTM_DELLINK`: deletes a link (`ip link del`); a veth takes its peer with it.
    pub fn link_del(&mut self, link: LinkRef<'_>) -> Result<()> {
        // A name that cannot be an IFLA_IFNAME is looked up first (see `link_set`).
        let by = match link {
            LinkRef::Name(name) if !request::valid_ifname(name) => {
                LinkRef::Index(self.link_index(link)?)
            }
            other => other,
        };
        self.ack("delete link", describe(link), |buf| {
            request::link_del(buf, 0, by)
        })
    }

    /// `RTM_DELLINK` with `IFLA_GROUP` and no link: deletes every link of device group `group`
    /// (`ip link del group N`).
    pub fn link_del_group(&mut self, group: u32) -> Result<()> {
        self.ack("delete link group", format!("group {group}"), |buf| {
            request::link_del_group(buf, 0, group)
        })
    }

    /// `RTM_GETLINK` dump: the links that pass `filter`, as owned values (`ip link show`).
    pub fn links(&mut self, filter: &LinkFilter<'_>) -> Result<Vec<Link>> {
        self.select_owned(filter)
    }

    /// `RTM_GETLINK` dump, streaming: `each` sees every link that passes `filter` as the codec's
    /// borrowed view, and only the handle's receive buffer is used however many links there are.
    ///
    /// If the kernel reports the dump inconsistent (links changed meanwhile) the dump is
    /// redone, so `each` may see a link twice; use [`Handle::links`] to get one clean copy.
    pub fn for_each_link(
        &mut self,
        filter: &LinkFilter<'_>,
        each: impl FnMut(&LinkMessage<'_>),
    ) -> Result<()> {
        self.select_each(filter, each)
    }

    /// [`Handle::for_each_link`] read a datagram ahead, for a reader that must know what the
    /// dump holds a little past a link before it handles the link (`ip link show` prints a
    /// veth's peer by name, and the kernel dumps the peer right after it): `each` gets every
    /// link message the kernel sends (filtered by the kernel only, not by `up` or `group`) as
    /// [`Ahead::Arrived`] as soon as its datagram arrives, and the links that pass `filter`,
    /// parsed, as [`Ahead::Held`] once the next datagram has arrived (at the end, once the dump
    /// is complete). Two receive buffers take the datagrams in turn: nothing is copied, and
    /// each link is parsed once.
    ///
    /// An inconsistent dump is redone as for [`Handle::for_each_link`], after an
    /// [`Ahead::Restart`].
    pub fn for_each_link_ahead(
        &mut self,
        filter: &LinkFilter<'_>,
        mut each: impl FnMut(Ahead<'_, '_, LinkMessage<'_>>),
    ) -> Result<()> {
        filter.ahead_dyn(self, &mut each)
    }

    /// A veth's peer: its index, name and namespace, in one call.
    ///
    /// The kernel tells a veth's peer by `IFLA_LINK` (its index) and, when it is in another
    /// namespace, `IFLA_LINK_NETNSID`. The name comes from an `RTM_GETLINK` in that namespace
    /// (`IFLA_TARGET_NETNSID`), and the namespace's name from the run dir: the named namespace
    /// whose nsid (`RTM_GETNSID` with `NETNSA_FD`) is the peer's.
    pub fn veth_peer(&mut self, link: LinkRef<'_>) -> Result<VethPeer> {
        let op = "find veth peer";
        let me = self.link(link)?;
        if me.kind.as_deref() != Some("veth") {
            return Err(Error::new(
                op,
                Some(me.name),
                ErrorKind::Invalid("not a veth device"),
            ));
        }
        let Some(index) = me.link.filter(|&index| index != 0) else {
            return Err(Error::new(op, Some(me.name), ErrorKind::NotFound));
        };
        let Some(nsid) = me.link_netnsid else {
            let peer = self.link(LinkRef::Index(index))?;
            return Ok(VethPeer {
                index,
                name: peer.name,
                namespace: PeerNamespace::Same,
            });
        };
        let name = self.get(
            op,
            &me.name,
            |buf| {
                let mut b = request::link_get(buf, 0, LinkRef::Index(index))?;
                b.put_i32(ifla::TARGET_NETNSID, nsid)?;
                Ok(b)
            },
            |message| {
                LinkMessage::parse(message)
                    .map(|m| String::from_utf8_lossy(m.name_bytes().unwrap_or_default()).into())
            },
        )?;
        let namespace = match self.netns_name_of_nsid(nsid)? {
            Some(name) => PeerNamespace::Named { name, nsid },
            None => PeerNamespace::Nsid(nsid),
        };
        Ok(VethPeer {
            index,
            name,
            namespace,
        })
    }

    /// The name, in the run dir, of the namespace this namespace calls `nsid`.
    fn netns_name_of_nsid(&mut self, nsid: i32) -> Result<Option<String>> {
        let dir = self.run_dir().to_owned();
        let run_dir = RunDir::new(&dir);
        let mut names = Vec::new();
        match run_dir.list(|name| names.push(name.to_vec())) {
            Ok(()) => {}
            // No run dir: no named namespace.
            Err(e) if e.errno() == Some(rustix::io::Errno::NOENT) => return Ok(None),
            Err(e) => return Err(e).context_none("list namespaces"),
        }
        for name in names {
            let Ok(fd) = run_dir.open(&name) else {
                continue;
            };
            if self.nsid_of_fd(&fd)? == Some(nsid) {
                return Ok(Some(String::from_utf8_lossy(&name).into_owned()));
            }
        }
        Ok(None)
    }

    /// `RTM_GETNSID` with `NETNSA_FD`: the nsid this namespace has for `fd`'s namespace.
    fn nsid_of_fd(&mut self, fd: &NetnsFd) -> Result<Option<i32>> {
        let raw = fd.as_fd().as_raw_fd();
        self.get(
            "get nsid",
            "namespace",
            |buf| request::nsid_get(buf, 0, Netns::Fd(raw)),
            |message| rtnl_codec::NsidMessage::parse(message).map(|m| m.nsid().filter(|&n| n >= 0)),
        )
    }
}

impl MonitorGroups {
    /// `RTNLGRP_LINK`: links created, changed, deleted (`RTM_NEWLINK`, `RTM_DELLINK`).
    pub const LINK: Self = Self::bit(0);
}

/// `ip monitor link`: one group, and every link in a resync.
impl MonitorFamily for LinkMessage<'_> {
    const OBJECT: &'static str = "link";
    const GROUPS: &'static [Group] = &[Group {
        flag: MonitorGroups::LINK,
        name: "LINK",
        rtnlgrp: rtnlgrp::LINK,
        family: None,
        resync: |m, f| m.resync_dump("dump links", &LinkDump::default(), f),
    }];
}
