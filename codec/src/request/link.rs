//! Link requests: `RTM_NEWLINK` (create and change), `RTM_GETLINK`, `RTM_DELLINK`, and the
//! link dump, as `ip link add / set / show / del` send them (`ip/iplink.c`, `ip/link_veth.c`,
//! `ip/iplink_vxlan.c`, `ip/iplink_vlan.c`, `ip/iplink_macvlan.c`).

use core::net::IpAddr;

use super::{
    LinkRef, Netns, NewMode, REQUEST_ACK, REQUEST_DUMP, check_cstr, check_ifname, ifindex,
    lookup_name_attr, put_netns,
};
use crate::builder::MessageBuilder;
use crate::error::Error;
use crate::kind::{
    BridgeOpt, BridgePortOpt, MacvlanOpt, VxlanOpt, put_bridge, put_bridge_port,
};
use crate::link::LinkMessage;
use crate::view::Dump;
use crate::raw::IfInfoMsg;
use crate::{
    af, iff, ifla, ifla_info, ifla_ipvlan, ifla_macvlan, ifla_vlan, ifla_vrf, ifla_vxlan, nlm_f,
    rtext_filter, rtm, veth_info,
};

/// `MAX_ADDR_LEN` (`<linux/netdevice.h>`): the longest link-layer address.
const MAX_ADDR_LEN: usize = 32;

/// `IFALIASZ - 1` (`<linux/if.h>`): the longest alias the kernel keeps.
const MAX_ALIAS_LEN: usize = 255;

/// The longest driver kind name the kernel matches (`MODULE_NAME_LEN - 1`).
const MAX_KIND_LEN: usize = 55;

/// `VLAN_VID_MASK` (`<linux/if_vlan.h>`): VLAN ids are below this.
const VLAN_VID_MASK: u16 = 0x0fff;

/// VXLAN network identifiers are 24 bits.
const VXLAN_VNI_LIMIT: u32 = 1 << 24;

/// `ifi_flags` and `ifi_change` of `struct ifinfomsg`: which `IFF_*` flags to set and which to
/// change at all. A flag in `change` but not in `flags` is cleared; one in neither is left alone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct LinkFlags {
    /// `ifi_flags`: the new values of the flags in `change`.
    pub flags: u32,
    /// `ifi_change`: the flags to change.
    pub change: u32,
}

impl LinkFlags {
    /// `ifi_flags` / `ifi_change` 0: change no flag.
    pub const NONE: LinkFlags = LinkFlags {
        flags: 0,
        change: 0,
    };

    /// `IFF_UP` set (`ip link set ... up`).
    pub const fn up() -> LinkFlags {
        LinkFlags::NONE.with(iff::UP, true)
    }

    /// `IFF_UP` cleared (`ip link set ... down`).
    pub const fn down() -> LinkFlags {
        LinkFlags::NONE.with(iff::UP, false)
    }

    /// These flags, with `flag` (`IFF_*`) also changed: set when `on`, else cleared.
    /// `ip`'s `promisc on` is `with(iff::PROMISC, true)`, `arp off` is `with(iff::NOARP, true)`.
    pub const fn with(self, flag: u32, on: bool) -> LinkFlags {
        LinkFlags {
            flags: if on {
                self.flags | flag
            } else {
                self.flags & !flag
            },
            change: self.change | flag,
        }
    }
}

/// What `RTM_NEWLINK` creates: `ip link add [NAME] [OPTIONS] type KIND [KIND OPTIONS]`.
///
/// Made with [`NewLink::new`] and struct update syntax; every optional attribute is left out
/// when `None`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NewLink<'a> {
    /// `NLM_F_CREATE | NLM_F_EXCL` (`add`, the default) or `NLM_F_CREATE | NLM_F_REPLACE`
    /// (`replace`).
    pub mode: NewMode,
    /// `IFLA_IFNAME`; when `None` the kernel picks one from the kind (`veth0`, `br0`, ...).
    pub name: Option<&'a [u8]>,
    /// `IFLA_INFO_KIND` and `IFLA_INFO_DATA` in `IFLA_LINKINFO`: the driver and its options.
    pub kind: LinkKind<'a>,
    /// `ifi_flags` / `ifi_change` of the new link (`up`).
    pub flags: LinkFlags,
    /// `IFLA_ADDRESS`: the link-layer address, 1 to 32 bytes (6 for Ethernet).
    pub address: Option<&'a [u8]>,
    /// `IFLA_BROADCAST`: the link-layer broadcast address.
    pub broadcast: Option<&'a [u8]>,
    /// `IFLA_TXQLEN`: the transmit queue length.
    pub txqlen: Option<u32>,
    /// `IFLA_MTU`.
    pub mtu: Option<u32>,
    /// `IFLA_NET_NS_FD` / `IFLA_NET_NS_PID`: create the link in another namespace.
    pub netns: Option<Netns>,
    /// `IFLA_MASTER`: the index of the bridge (or bond, vrf) to enslave the link to.
    pub master: Option<u32>,
}

impl<'a> NewLink<'a> {
    /// A link of `kind` with no other attribute, created with `add`'s flags.
    pub const fn new(kind: LinkKind<'a>) -> Self {
        NewLink {
            mode: NewMode::Add,
            name: None,
            kind,
            flags: LinkFlags::NONE,
            address: None,
            broadcast: None,
            txqlen: None,
            mtu: None,
            netns: None,
            master: None,
        }
    }
}

/// The driver of a new link: `IFLA_INFO_KIND`, and the kind's own attributes in
/// `IFLA_INFO_DATA`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LinkKind<'a> {
    /// `"veth"`: a pair of virtual Ethernet devices (veth(4)); the peer's attributes go in
    /// `VETH_INFO_PEER`.
    Veth(Veth<'a>),
    /// `"bridge"`: a software Ethernet bridge, with its options (`IFLA_BR_*`), sent in their
    /// order; no data nest when there are none, as `ip` sends it.
    Bridge(&'a [BridgeOpt]),
    /// `"bridge_slave"`: options of a bridge port (`IFLA_BRPORT_*` in
    /// `IFLA_INFO_SLAVE_DATA`), for `ip link set DEV type bridge_slave ...`; there is no such
    /// driver to create.
    BridgeSlave(&'a [BridgePortOpt]),
    /// `"dummy"`: a device that drops everything sent to it.
    Dummy,
    /// `"vxlan"`: a VXLAN tunnel endpoint (`IFLA_VXLAN_*`).
    Vxlan(Vxlan<'a>),
    /// `"vlan"`: an 802.1Q / 802.1ad VLAN device on top of another link (`IFLA_VLAN_*`).
    Vlan(Vlan),
    /// `"macvlan"`: a device with its own MAC address on top of another link
    /// (`IFLA_MACVLAN_*`).
    Macvlan(Macvlan<'a>),
    /// `"ipvlan"`: a device sharing the MAC address of the link it sits on, told apart by IP
    /// address (`IFLA_IPVLAN_*`).
    Ipvlan(Ipvlan),
    /// `"vrf"`: an L3 master device binding its ports to a routing table (`IFLA_VRF_TABLE`).
    Vrf(Vrf),
    /// Any other kind, sent as `IFLA_INFO_KIND` alone (`"ifb"`, `"nlmon"`, ...); attributes for
    /// its `IFLA_INFO_DATA` can be appended to the returned builder only after the nest is
    /// closed, so kinds that need data want their own variant.
    Other(&'a str),
}

impl LinkKind<'_> {
    /// The `IFLA_INFO_KIND` string.
    pub const fn name(&self) -> &str {
        match self {
            LinkKind::Veth(_) => "veth",
            LinkKind::Bridge(_) => "bridge",
            LinkKind::BridgeSlave(_) => "bridge_slave",
            LinkKind::Dummy => "dummy",
            LinkKind::Vxlan(_) => "vxlan",
            LinkKind::Vlan(_) => "vlan",
            LinkKind::Macvlan(_) => "macvlan",
            LinkKind::Ipvlan(_) => "ipvlan",
            LinkKind::Vrf(_) => "vrf",
            LinkKind::Other(kind) => kind,
        }
    }
}

/// The peer of a veth pair (`ip link add ... type veth peer ...`): its own `struct ifinfomsg`
/// and attributes, nested in `IFLA_INFO_DATA` / `VETH_INFO_PEER`.
///
/// When every field is left at its default nothing is nested, as `ip` does, and the kernel
/// names the peer `vethN` in the creating namespace.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Veth<'a> {
    /// The peer's `IFLA_IFNAME`.
    pub peer_name: Option<&'a [u8]>,
    /// The peer's `IFLA_NET_NS_FD` / `IFLA_NET_NS_PID`: where the peer lives.
    pub peer_netns: Option<Netns>,
    /// The peer's `IFLA_MTU`.
    pub peer_mtu: Option<u32>,
    /// The peer's `IFLA_ADDRESS` (6 bytes).
    pub peer_address: Option<&'a [u8]>,
    /// The peer's `IFLA_TXQLEN`.
    pub peer_txqlen: Option<u32>,
    /// The peer's `ifi_flags` / `ifi_change` (`peer up`).
    pub peer_flags: LinkFlags,
}

impl Veth<'_> {
    const fn is_empty(&self) -> bool {
        self.peer_name.is_none()
            && self.peer_netns.is_none()
            && self.peer_mtu.is_none()
            && self.peer_address.is_none()
            && self.peer_txqlen.is_none()
            && self.peer_flags.flags == 0
            && self.peer_flags.change == 0
    }
}

/// A VXLAN device's options (`IFLA_VXLAN_*`), as `ip link add ... type vxlan` takes them.
///
/// `Vxlan::default()` has `learning` on and no `id`, as `ip link add` sends it before the
/// words are read. For `ip link set DEV type vxlan ...` ([`SetLink::kind`]) only what is given
/// is sent: leave `id` and `learning` `None` unless they change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Vxlan<'a> {
    /// `IFLA_VXLAN_ID`: the VXLAN network identifier, below 2^24; `None` leaves it out (an
    /// `external` (metadata) device, [`VxlanOpt::CollectMetadata`] on, must have none, as
    /// `ip` refuses `external` with `id`).
    pub id: Option<u32>,
    /// `IFLA_VXLAN_LINK` (`dev`): the index of the underlying device.
    pub dev: Option<u32>,
    /// `IFLA_VXLAN_TTL`: 0 means inherit.
    pub ttl: Option<u8>,
    /// The other options, sent in their order after `dev` and `ttl` (as `ip` sends the options
    /// it adds while it reads the command line).
    pub opts: &'a [VxlanOpt],
    /// `IFLA_VXLAN_LOCAL` / `IFLA_VXLAN_LOCAL6`: the source address.
    pub local: Option<IpAddr>,
    /// `IFLA_VXLAN_GROUP` / `IFLA_VXLAN_GROUP6` (`remote`): the unicast remote end.
    pub remote: Option<IpAddr>,
    /// `IFLA_VXLAN_GROUP` / `IFLA_VXLAN_GROUP6` (`group`): the multicast group; the same
    /// attribute as `remote`, so at most one of the two may be set.
    pub group: Option<IpAddr>,
    /// `IFLA_VXLAN_PORT` (`dstport`): the UDP destination port (4789 is IANA's; without it
    /// the kernel uses 8472).
    pub port: Option<u16>,
    /// `IFLA_VXLAN_LEARNING`: learn remote addresses into the FDB; `ip link add` always sends
    /// it, `ip link set` only when `[no]learning` is given; `None` leaves it out.
    pub learning: Option<bool>,
}

impl Default for Vxlan<'_> {
    fn default() -> Self {
        Vxlan {
            id: None,
            dev: None,
            ttl: None,
            opts: &[],
            local: None,
            remote: None,
            group: None,
            port: None,
            learning: Some(true),
        }
    }
}

/// A VLAN device's options: `IFLA_LINK` and `IFLA_VLAN_*` (`ip link add link DEV ... type vlan
/// id ID [protocol PROTO]`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Vlan {
    /// `IFLA_VLAN_ID`: 0 to 4094.
    pub id: u16,
    /// `IFLA_VLAN_PROTOCOL`: 0x8100 (802.1Q, the kernel's default) or 0x88a8 (802.1ad).
    pub protocol: Option<u16>,
    /// `IFLA_LINK`: the index of the device the VLAN is on.
    pub link: u32,
}

/// A macvlan device's options: `IFLA_LINK` and `IFLA_MACVLAN_*` (`ip link add link DEV ...
/// type macvlan [mode MODE] [flag FLAG] [macaddr ...] [bcqueuelen N]`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Macvlan<'a> {
    /// `IFLA_MACVLAN_MODE`: `MACVLAN_MODE_*` (private, vepa, bridge, passthru, source); the
    /// kernel defaults to vepa.
    pub mode: Option<u32>,
    /// `IFLA_MACVLAN_FLAGS`: `MACVLAN_FLAG_*` (`nopromisc`, `nodst`).
    pub flags: Option<u16>,
    /// The options sent in their order before the mode (as `ip` adds them while it reads the
    /// command line): source addresses, the broadcast queue length.
    pub opts: &'a [MacvlanOpt<'a>],
    /// `IFLA_LINK`: the index of the device the macvlan is on.
    pub link: u32,
}

/// An ipvlan device's options: `IFLA_LINK` and `IFLA_IPVLAN_*` (`ip link add link DEV ... type
/// ipvlan [mode l2|l3|l3s] [bridge|private|vepa]`, `ip/iplink_ipvlan.c`). With neither `mode`
/// nor `flags` no data nest is sent, as `ip` sends none without options.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Ipvlan {
    /// `IFLA_IPVLAN_MODE`: `IPVLAN_MODE_*` (l2, l3, l3s); the kernel defaults to l3.
    pub mode: Option<u16>,
    /// `IFLA_IPVLAN_FLAGS`: `IPVLAN_F_*` (0 bridge, private, vepa); `ip` sends it (0 for
    /// bridge) whenever it has any option.
    pub flags: Option<u16>,
    /// `IFLA_LINK`: the index of the device the ipvlan is on (the kernel refuses none).
    pub link: Option<u32>,
}

/// A VRF device's options (`ip link add NAME type vrf table TABLE`, `ip/iplink_vrf.c`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Vrf {
    /// `IFLA_VRF_TABLE`: the routing table; the kernel refuses a vrf without one.
    pub table: Option<u32>,
}

/// What `ip link set` changes: `RTM_NEWLINK` without `NLM_F_CREATE`.
///
/// Made with [`SetLink::new`] and struct update syntax; every `None` attribute is left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SetLink<'a> {
    /// The link to change: `ifi_index`, or `IFLA_IFNAME` with index 0 (then `name` cannot be
    /// used: the kernel would read the new name as the one to look up).
    pub link: LinkRef<'a>,
    /// `ifi_flags` / `ifi_change` (`up`, `down`, `promisc on`, `arp off`, ...).
    pub flags: LinkFlags,
    /// `IFLA_ADDRESS`: the new link-layer address.
    pub address: Option<&'a [u8]>,
    /// `IFLA_BROADCAST`: the new link-layer broadcast address.
    pub broadcast: Option<&'a [u8]>,
    /// `IFLA_TXQLEN`.
    pub txqlen: Option<u32>,
    /// `IFLA_MTU`.
    pub mtu: Option<u32>,
    /// `IFLA_NET_NS_FD` / `IFLA_NET_NS_PID`: move the link to another namespace.
    pub netns: Option<Netns>,
    /// `IFLA_CARRIER`: force the carrier on or off (devices that allow it, such as veth).
    pub carrier: Option<bool>,
    /// `IFLA_MASTER`: the index of the new master; `Some(0)` detaches (`nomaster`).
    pub master: Option<u32>,
    /// `IFLA_GROUP`: the device group.
    pub group: Option<u32>,
    /// `IFLA_IFALIAS`: the alias, at most 255 bytes; empty removes it.
    pub alias: Option<&'a [u8]>,
    /// `IFLA_IFNAME`: the new name.
    pub name: Option<&'a [u8]>,
    /// `IFLA_LINKINFO`: `type KIND [OPTIONS]`, the kind's options to change (a bridge's, a
    /// bridge port's as `bridge_slave`, ...).
    pub kind: Option<LinkKind<'a>>,
}

impl<'a> SetLink<'a> {
    /// A change of nothing yet to `link`.
    pub const fn new(link: LinkRef<'a>) -> Self {
        SetLink {
            link,
            flags: LinkFlags::NONE,
            address: None,
            broadcast: None,
            txqlen: None,
            mtu: None,
            netns: None,
            carrier: None,
            master: None,
            group: None,
            alias: None,
            name: None,
            kind: None,
        }
    }
}

/// The filters of a link dump (`ip link show [master DEV] [type KIND]`), applied by the kernel
/// when the socket has strict checking on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct LinkDump<'a> {
    /// `IFLA_MASTER`: only the ports of this master.
    pub master: Option<u32>,
    /// `IFLA_INFO_KIND` in `IFLA_LINKINFO`: only links of this kind.
    pub kind: Option<&'a str>,
    /// `RTEXT_FILTER_SKIP_STATS` in `IFLA_EXT_MASK`: the kernel leaves out the statistics
    /// (`IFLA_STATS`, `IFLA_STATS64`, the IPv6 per-link counters), which it sums over every
    /// CPU for every link: most of a link dump's cost in the kernel. `ip` asks for them even
    /// when it will not print them; `false` sends ip's bytes.
    pub skip_stats: bool,
}

/// `struct ifinfomsg` for a request about `index` with `flags`.
fn ifinfomsg(family: u8, index: i32, flags: LinkFlags) -> IfInfoMsg {
    IfInfoMsg {
        ifi_family: family,
        ifi_index: index.into(),
        ifi_flags: flags.flags.into(),
        ifi_change: flags.change.into(),
        ..IfInfoMsg::default()
    }
}

/// Checks a link-layer address is 1 to `MAX_ADDR_LEN` bytes.
fn check_lladdr(address: &[u8], attr: u16) -> Result<(), Error> {
    if address.is_empty() || address.len() > MAX_ADDR_LEN {
        return Err(Error::InvalidValue { attr });
    }
    Ok(())
}

/// Appends an optional link-layer address.
fn put_lladdr(b: &mut MessageBuilder<'_>, attr: u16, address: Option<&[u8]>) -> Result<(), Error> {
    if let Some(address) = address {
        check_lladdr(address, attr)?;
        b.put(attr, address)?;
    }
    Ok(())
}

/// Appends an optional `u32` attribute.
fn put_opt_u32(b: &mut MessageBuilder<'_>, attr: u16, value: Option<u32>) -> Result<(), Error> {
    if let Some(value) = value {
        b.put_u32(attr, value)?;
    }
    Ok(())
}

/// Appends the device options [`link_new`] and [`link_set`] both start with, in this order:
/// `IFLA_ADDRESS`, `IFLA_BROADCAST`, `IFLA_TXQLEN`, `IFLA_MTU`, `IFLA_NET_NS_FD` /
/// `IFLA_NET_NS_PID` (each when given).
fn put_device(
    b: &mut MessageBuilder<'_>,
    address: Option<&[u8]>,
    broadcast: Option<&[u8]>,
    txqlen: Option<u32>,
    mtu: Option<u32>,
    netns: Option<Netns>,
) -> Result<(), Error> {
    put_lladdr(b, ifla::ADDRESS, address)?;
    put_lladdr(b, ifla::BROADCAST, broadcast)?;
    put_opt_u32(b, ifla::TXQLEN, txqlen)?;
    put_opt_u32(b, ifla::MTU, mtu)?;
    if let Some(netns) = netns {
        put_netns(b, netns, ifla::NET_NS_FD, ifla::NET_NS_PID)?;
    }
    Ok(())
}

/// Appends `IFLA_INFO_KIND`, without a NUL, as `ip` writes it.
fn put_kind(b: &mut MessageBuilder<'_>, kind: &str) -> Result<(), Error> {
    check_cstr(kind.as_bytes(), MAX_KIND_LEN, false, ifla_info::KIND)?;
    b.put(ifla_info::KIND, kind.as_bytes())?;
    Ok(())
}

/// Writes `RTM_NEWLINK` with `IFLA_LINKINFO`: creates a link (`ip link add`).
///
/// Flags `NLM_F_REQUEST | NLM_F_ACK` and the `mode`'s (`NLM_F_CREATE | NLM_F_EXCL` for add).
/// `struct ifinfomsg` has family `AF_UNSPEC`, index 0 and `flags`. Attributes in this order:
/// `IFLA_ADDRESS`, `IFLA_BROADCAST`, `IFLA_TXQLEN`, `IFLA_MTU`, `IFLA_NET_NS_FD` /
/// `IFLA_NET_NS_PID`, `IFLA_MASTER`, `IFLA_LINK` (vlan, macvlan, ipvlan), `IFLA_IFNAME`, then
/// `IFLA_LINKINFO { IFLA_INFO_KIND, IFLA_INFO_DATA { ... } }` where the kind data is:
///
/// - veth: `VETH_INFO_PEER { struct ifinfomsg (the peer's flags), IFLA_ADDRESS, IFLA_TXQLEN,
///   IFLA_MTU, IFLA_NET_NS_FD / IFLA_NET_NS_PID, IFLA_IFNAME }`, left out when the peer has
///   no option;
/// - vxlan: `IFLA_VXLAN_LINK`, `_TTL`, the further options in their order, `_ID`, `_LOCAL(6)`,
///   `_GROUP(6)`, `_LEARNING`, `_PORT` (each when given);
/// - vlan: `IFLA_VLAN_ID`, `IFLA_VLAN_PROTOCOL`;
/// - macvlan: its further options in their order, `IFLA_MACVLAN_MODE`, `IFLA_MACVLAN_FLAGS`
///   (no data nest without any);
/// - ipvlan: `IFLA_IPVLAN_MODE`, `IFLA_IPVLAN_FLAGS` (no data nest without either);
/// - vrf: `IFLA_VRF_TABLE` (no data nest without it);
/// - bridge: its options in their order, then `IFLA_BR_MULTI_BOOLOPT` (no data nest without
///   options);
/// - bridge_slave: `IFLA_INFO_SLAVE_DATA` with the port options in their order;
/// - dummy and others: no data nest.
///
/// # Errors
///
/// [`Error::InvalidValue`] for a name the kernel would refuse (`IFLA_IFNAME`), an address of
/// 0 or more than 32 bytes, a negative namespace fd, a VXLAN id of 2^24 or more (or any for an
/// external device) or with both `remote` and `group`, a VXLAN flow label over 20
/// bits, a VLAN id above 4094, an empty or NUL-holding kind;
/// [`Error::BufferFull`] when `buf` is too small.
pub fn link_new<'b>(
    buf: &'b mut [u8],
    seq: u32,
    link: &NewLink<'_>,
) -> Result<MessageBuilder<'b>, Error> {
    let mut b = MessageBuilder::new(buf, rtm::NEWLINK, REQUEST_ACK | link.mode.flags(), seq)?;
    b.header(&ifinfomsg(af::UNSPEC, 0, link.flags))?;
    put_device(
        &mut b,
        link.address,
        link.broadcast,
        link.txqlen,
        link.mtu,
        link.netns,
    )?;
    put_opt_u32(&mut b, ifla::MASTER, link.master)?;
    match link.kind {
        LinkKind::Vlan(Vlan { link: lower, .. })
        | LinkKind::Macvlan(Macvlan { link: lower, .. }) => {
            b.put_u32(ifla::LINK, lower)?;
        }
        LinkKind::Ipvlan(Ipvlan {
            link: Some(lower), ..
        }) => {
            b.put_u32(ifla::LINK, lower)?;
        }
        _ => {}
    }
    if let Some(name) = link.name {
        check_ifname(name, ifla::IFNAME)?;
        b.put_cstr(ifla::IFNAME, name)?;
    }
    put_linkinfo(&mut b, &link.kind)?;
    Ok(b)
}

/// Appends `IFLA_LINKINFO { IFLA_INFO_KIND, IFLA_INFO_DATA or IFLA_INFO_SLAVE_DATA { ... } }`
/// for `kind`.
fn put_linkinfo(b: &mut MessageBuilder<'_>, kind: &LinkKind<'_>) -> Result<(), Error> {
    let info = b.nest_start(ifla::LINKINFO)?;
    put_kind(b, kind.name())?;
    match *kind {
        LinkKind::Veth(veth) if !veth.is_empty() => {
            let data = b.nest_start(ifla_info::DATA)?;
            put_veth_peer(b, &veth)?;
            b.nest_end(data)?;
        }
        LinkKind::Vxlan(vxlan) => {
            let data = b.nest_start(ifla_info::DATA)?;
            put_vxlan(b, &vxlan)?;
            b.nest_end(data)?;
        }
        LinkKind::Vlan(vlan) => {
            if vlan.id >= VLAN_VID_MASK {
                return Err(Error::InvalidValue {
                    attr: ifla_vlan::ID,
                });
            }
            let data = b.nest_start(ifla_info::DATA)?;
            b.put_u16(ifla_vlan::ID, vlan.id)?;
            if let Some(protocol) = vlan.protocol {
                b.put_be16(ifla_vlan::PROTOCOL, protocol)?;
            }
            b.nest_end(data)?;
        }
        LinkKind::Macvlan(macvlan)
            if macvlan.mode.is_some() || macvlan.flags.is_some() || !macvlan.opts.is_empty() =>
        {
            let data = b.nest_start(ifla_info::DATA)?;
            for opt in macvlan.opts {
                opt.put(b)?;
            }
            if let Some(mode) = macvlan.mode {
                b.put_u32(ifla_macvlan::MODE, mode)?;
            }
            if let Some(flags) = macvlan.flags {
                b.put_u16(ifla_macvlan::FLAGS, flags)?;
            }
            b.nest_end(data)?;
        }
        LinkKind::Ipvlan(ipvlan) if ipvlan.mode.is_some() || ipvlan.flags.is_some() => {
            let data = b.nest_start(ifla_info::DATA)?;
            if let Some(mode) = ipvlan.mode {
                b.put_u16(ifla_ipvlan::MODE, mode)?;
            }
            if let Some(flags) = ipvlan.flags {
                b.put_u16(ifla_ipvlan::FLAGS, flags)?;
            }
            b.nest_end(data)?;
        }
        LinkKind::Vrf(Vrf { table: Some(table) }) => {
            let data = b.nest_start(ifla_info::DATA)?;
            b.put_u32(ifla_vrf::TABLE, table)?;
            b.nest_end(data)?;
        }
        LinkKind::Bridge(opts) if !opts.is_empty() => {
            let data = b.nest_start(ifla_info::DATA)?;
            put_bridge(b, opts)?;
            b.nest_end(data)?;
        }
        LinkKind::BridgeSlave(opts) if !opts.is_empty() => {
            let data = b.nest_start(ifla_info::SLAVE_DATA)?;
            put_bridge_port(b, opts)?;
            b.nest_end(data)?;
        }
        _ => {}
    }
    b.nest_end(info)?;
    Ok(())
}

/// Appends `VETH_INFO_PEER`: the peer's `struct ifinfomsg` and attributes.
fn put_veth_peer(b: &mut MessageBuilder<'_>, veth: &Veth<'_>) -> Result<(), Error> {
    let peer = b.nest_start(veth_info::PEER)?;
    b.header(&ifinfomsg(af::UNSPEC, 0, veth.peer_flags))?;
    put_lladdr(b, ifla::ADDRESS, veth.peer_address)?;
    put_opt_u32(b, ifla::TXQLEN, veth.peer_txqlen)?;
    put_opt_u32(b, ifla::MTU, veth.peer_mtu)?;
    if let Some(netns) = veth.peer_netns {
        put_netns(b, netns, ifla::NET_NS_FD, ifla::NET_NS_PID)?;
    }
    if let Some(name) = veth.peer_name {
        check_ifname(name, ifla::IFNAME)?;
        b.put_cstr(ifla::IFNAME, name)?;
    }
    b.nest_end(peer)?;
    Ok(())
}

/// Appends the `IFLA_VXLAN_*` attributes in `ip`'s order.
fn put_vxlan(b: &mut MessageBuilder<'_>, vxlan: &Vxlan<'_>) -> Result<(), Error> {
    // The last `[no]external` counts, as in ip.
    let external = vxlan
        .opts
        .iter()
        .rev()
        .find_map(|opt| match opt {
            VxlanOpt::CollectMetadata(on) => Some(*on),
            _ => None,
        })
        .unwrap_or(false);
    if vxlan.id.is_some_and(|id| id >= VXLAN_VNI_LIMIT || external) {
        return Err(Error::InvalidValue {
            attr: ifla_vxlan::ID,
        });
    }
    let group = match (vxlan.remote, vxlan.group) {
        (Some(_), Some(_)) => {
            return Err(Error::InvalidValue {
                attr: ifla_vxlan::GROUP,
            });
        }
        (remote, group) => remote.or(group),
    };
    put_opt_u32(b, ifla_vxlan::LINK, vxlan.dev)?;
    if let Some(ttl) = vxlan.ttl {
        b.put_u8(ifla_vxlan::TTL, ttl)?;
    }
    for opt in vxlan.opts {
        opt.put(b)?;
    }
    put_opt_u32(b, ifla_vxlan::ID, vxlan.id)?;
    if let Some(local) = vxlan.local {
        let attr = match local {
            IpAddr::V4(_) => ifla_vxlan::LOCAL,
            IpAddr::V6(_) => ifla_vxlan::LOCAL6,
        };
        b.put_ip(attr, local)?;
    }
    if let Some(group) = group {
        let attr = match group {
            IpAddr::V4(_) => ifla_vxlan::GROUP,
            IpAddr::V6(_) => ifla_vxlan::GROUP6,
        };
        b.put_ip(attr, group)?;
    }
    if let Some(learning) = vxlan.learning {
        b.put_u8(ifla_vxlan::LEARNING, u8::from(learning))?;
    }
    if let Some(port) = vxlan.port {
        b.put_be16(ifla_vxlan::PORT, port)?;
    }
    Ok(())
}

/// Writes `RTM_NEWLINK` without `NLM_F_CREATE`: changes a link (`ip link set`).
///
/// Flags `NLM_F_REQUEST | NLM_F_ACK`. `struct ifinfomsg` has family `AF_UNSPEC`, the link's
/// index (0 when it is named) and `flags`. Attributes in this order: `IFLA_ADDRESS`,
/// `IFLA_BROADCAST`, `IFLA_TXQLEN`, `IFLA_MTU`, `IFLA_NET_NS_FD` / `IFLA_NET_NS_PID`,
/// `IFLA_CARRIER`, `IFLA_MASTER`, `IFLA_GROUP`, `IFLA_IFALIAS` (without a NUL, as `ip` sends
/// it), `IFLA_IFNAME` (the new name, or the name of the link when it is given by name), then
/// `IFLA_LINKINFO` for `kind` as [`link_new`] writes it.
///
/// # Errors
///
/// [`Error::InvalidValue`] for an invalid name (`IFLA_IFNAME`; also when the link is given by
/// name and a new name is set), an index above `i32::MAX` (attr 0), an address of 0 or more
/// than 32 bytes, an alias over 255 bytes or with a NUL, a negative namespace fd;
/// [`Error::BufferFull`] when `buf` is too small.
pub fn link_set<'b>(
    buf: &'b mut [u8],
    seq: u32,
    set: &SetLink<'_>,
) -> Result<MessageBuilder<'b>, Error> {
    let (index, lookup_name) = match set.link {
        LinkRef::Index(index) => (ifindex(index)?, None),
        LinkRef::Name(_) if set.name.is_some() => {
            return Err(Error::InvalidValue { attr: ifla::IFNAME });
        }
        LinkRef::Name(name) => (0, Some(name)),
    };
    let mut b = MessageBuilder::new(buf, rtm::NEWLINK, REQUEST_ACK, seq)?;
    b.header(&ifinfomsg(af::UNSPEC, index, set.flags))?;
    put_device(
        &mut b,
        set.address,
        set.broadcast,
        set.txqlen,
        set.mtu,
        set.netns,
    )?;
    if let Some(carrier) = set.carrier {
        b.put_u8(ifla::CARRIER, u8::from(carrier))?;
    }
    put_opt_u32(&mut b, ifla::MASTER, set.master)?;
    put_opt_u32(&mut b, ifla::GROUP, set.group)?;
    if let Some(alias) = set.alias {
        check_cstr(alias, MAX_ALIAS_LEN, true, ifla::IFALIAS)?;
        b.put(ifla::IFALIAS, alias)?;
    }
    if let Some(name) = set.name {
        check_ifname(name, ifla::IFNAME)?;
        b.put_cstr(ifla::IFNAME, name)?;
    } else if let Some(name) = lookup_name {
        b.put_cstr(lookup_name_attr(name)?, name)?;
    }
    if let Some(kind) = &set.kind {
        put_linkinfo(&mut b, kind)?;
    }
    Ok(b)
}

/// Appends the link a get or delete request is about: `ifi_index`, or `IFLA_IFNAME` (or
/// `IFLA_ALT_IFNAME` for a longer name).
fn link_ref_request<'b>(
    buf: &'b mut [u8],
    seq: u32,
    ty: u16,
    flags: u16,
    family: u8,
    link: LinkRef<'_>,
) -> Result<MessageBuilder<'b>, Error> {
    let index = match link {
        LinkRef::Index(index) => ifindex(index)?,
        LinkRef::Name(name) => {
            lookup_name_attr(name)?;
            0
        }
    };
    let mut b = MessageBuilder::new(buf, ty, flags, seq)?;
    b.header(&ifinfomsg(family, index, LinkFlags::NONE))?;
    if let LinkRef::Name(name) = link {
        b.put_cstr(lookup_name_attr(name)?, name)?;
    }
    Ok(b)
}

/// Writes `RTM_GETLINK` for one link (`ip link show dev NAME`).
///
/// Flags `NLM_F_REQUEST`: the kernel answers with one `RTM_NEWLINK`. `struct ifinfomsg` has
/// family `AF_PACKET`, as `ip link` sends it (the kernel treats a family without its own link
/// handler as `AF_UNSPEC`), and the index or 0; then `IFLA_IFNAME` when the link is named
/// (`IFLA_ALT_IFNAME` for a name of 16 to 127 bytes, as `ip` sends it), and
/// `IFLA_EXT_MASK` `RTEXT_FILTER_VF`.
///
/// # Errors
///
/// [`Error::InvalidValue`] for an invalid name or an index above `i32::MAX`;
/// [`Error::BufferFull`] when `buf` is too small.
pub fn link_get<'b>(
    buf: &'b mut [u8],
    seq: u32,
    link: LinkRef<'_>,
) -> Result<MessageBuilder<'b>, Error> {
    let mut b = link_ref_request(buf, seq, rtm::GETLINK, nlm_f::REQUEST, af::PACKET, link)?;
    b.put_u32(ifla::EXT_MASK, rtext_filter::VF)?;
    Ok(b)
}

/// Writes `RTM_DELLINK` (`ip link del dev NAME`); deleting either end of a veth pair deletes
/// both.
///
/// Flags `NLM_F_REQUEST | NLM_F_ACK`. `struct ifinfomsg` has family `AF_UNSPEC` and the index,
/// or 0 and `IFLA_IFNAME` when the link is named (`IFLA_ALT_IFNAME` for a name of 16 to 127
/// bytes).
///
/// # Errors
///
/// [`Error::InvalidValue`] for an invalid name or an index above `i32::MAX`;
/// [`Error::BufferFull`] when `buf` is too small.
pub fn link_del<'b>(
    buf: &'b mut [u8],
    seq: u32,
    link: LinkRef<'_>,
) -> Result<MessageBuilder<'b>, Error> {
    link_ref_request(buf, seq, rtm::DELLINK, REQUEST_ACK, af::UNSPEC, link)
}

/// Writes `RTM_DELLINK` for a device group (`ip link del group N`): the kernel deletes every
/// link of the group (`rtnl_group_dellink()` in `net/core/rtnetlink.c`).
///
/// Flags `NLM_F_REQUEST | NLM_F_ACK`. `struct ifinfomsg` is zero (no index, no name), then
/// `IFLA_GROUP`.
///
/// # Errors
///
/// [`Error::BufferFull`] when `buf` is too small.
pub fn link_del_group<'b>(
    buf: &'b mut [u8],
    seq: u32,
    group: u32,
) -> Result<MessageBuilder<'b>, Error> {
    let mut b = MessageBuilder::new(buf, rtm::DELLINK, REQUEST_ACK, seq)?;
    b.header(&ifinfomsg(af::UNSPEC, 0, LinkFlags::NONE))?;
    b.put_u32(ifla::GROUP, group)?;
    Ok(b)
}

/// Writes `RTM_GETLINK` with `NLM_F_DUMP`: all links, or those the filters keep (`ip link
/// show [master DEV] [type KIND]`).
///
/// Flags `NLM_F_REQUEST | NLM_F_DUMP`. `struct ifinfomsg` is zero but for family `AF_PACKET`
/// (as `ip link` sends it); then `IFLA_EXT_MASK` `RTEXT_FILTER_VF`, `IFLA_MASTER`, and
/// `IFLA_LINKINFO { IFLA_INFO_KIND }` (without a NUL). The kernel filters only on a socket
/// with `NETLINK_GET_STRICT_CHK`, and then says so with `NLM_F_DUMP_FILTERED`.
///
/// # Errors
///
/// [`Error::InvalidValue`] for an empty kind or one with a NUL; [`Error::BufferFull`] when
/// `buf` is too small.
pub fn link_dump<'b>(
    buf: &'b mut [u8],
    seq: u32,
    dump: &LinkDump<'_>,
) -> Result<MessageBuilder<'b>, Error> {
    let mut b = MessageBuilder::new(buf, rtm::GETLINK, REQUEST_DUMP, seq)?;
    b.header(&ifinfomsg(af::PACKET, 0, LinkFlags::NONE))?;
    let stats = if dump.skip_stats {
        rtext_filter::SKIP_STATS
    } else {
        0
    };
    b.put_u32(ifla::EXT_MASK, rtext_filter::VF | stats)?;
    put_opt_u32(&mut b, ifla::MASTER, dump.master)?;
    if let Some(kind) = dump.kind {
        let info = b.nest_start(ifla::LINKINFO)?;
        put_kind(&mut b, kind)?;
        b.nest_end(info)?;
    }
    Ok(b)
}

impl Dump for LinkDump<'_> {
    type Reply<'a> = LinkMessage<'a>;

    fn write<'b>(&self, buf: &'b mut [u8], seq: u32) -> Result<MessageBuilder<'b>, Error> {
        link_dump(buf, seq, self)
    }
}
