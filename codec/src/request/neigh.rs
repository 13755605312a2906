//! Neighbour requests: `RTM_NEWNEIGH`, `RTM_DELNEIGH`, `RTM_GETNEIGH` and the neighbour dump,
//! as `ip neigh add / replace / change / del / get / show` send them (`ipneigh_modify()`,
//! `ipneigh_get()` and `ipneigh_dump_filter()` in `ip/ipneigh.c`), and bridge forwarding
//! database entries (`AF_BRIDGE`) as `bridge fdb add / del` send them (`bridge/fdb.c`).

use core::net::IpAddr;

use super::addr::family_of;
use super::{NewMode, REQUEST_ACK, REQUEST_DUMP, ifindex};
use crate::builder::MessageBuilder;
use crate::error::Error;
use crate::neigh::NeighbourMessage;
use crate::view::Dump;
use crate::raw::NdMsg;
use crate::{af, nda, nlm_f, nud, rtm};

/// `MAX_ADDR_LEN` (`<linux/netdevice.h>`): the longest link-layer address.
const MAX_ADDR_LEN: usize = 32;

/// A neighbour entry, for `RTM_NEWNEIGH` and `RTM_DELNEIGH`: `struct ndmsg` and the `NDA_*`
/// attributes, as `ip neigh add ADDR [lladdr LLADDR] [nud STATE] [router] [proxy]
/// [extern_learn] [managed] [protocol P] dev DEV` or `bridge fdb add LLADDR dev DEV [self]
/// [master] [vlan V] [dst IP]` describe it.
///
/// Made with [`Neighbour::new`] (an ARP or NDP entry) or [`Neighbour::fdb`] (a bridge FDB
/// entry) and struct update syntax.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Neighbour<'a> {
    /// `ndm_family`: `AF_INET`, `AF_INET6` (the destination's) or `AF_BRIDGE`.
    pub family: u8,
    /// `ndm_ifindex`: the link the entry is on (at most `i32::MAX`).
    pub index: u32,
    /// `NDA_DST`: the network-layer address; for an FDB entry, a VXLAN remote.
    pub destination: Option<IpAddr>,
    /// `NDA_LLADDR`: the link-layer address (at most 32 bytes); `None` for an entry without one
    /// (`ip`'s `lladdr null`, a proxy entry).
    pub lladdr: Option<&'a [u8]>,
    /// `ndm_state`: the `NUD_*` state; `NUD_PERMANENT` unless a `nud` is given, as `ip` sends.
    pub state: u16,
    /// `ndm_flags`: `NTF_ROUTER`, `NTF_PROXY`, `NTF_EXT_LEARNED`, `NTF_USE`; `NTF_SELF` or
    /// `NTF_MASTER` for FDB entries.
    pub flags: u8,
    /// `NDA_FLAGS_EXT`: `NTF_EXT_MANAGED` (`managed`); sent when not 0.
    pub ext_flags: u32,
    /// `NDA_PROTOCOL`: who adds the entry, `RTPROT_*`.
    pub protocol: Option<u8>,
    /// `NDA_VLAN`: the VLAN of an FDB entry (1 to 4094).
    pub vlan: Option<u16>,
}

impl<'a> Neighbour<'a> {
    /// An ARP (IPv4) or NDP (IPv6) entry for `destination` on link `index`: permanent, with no
    /// link-layer address yet.
    pub const fn new(index: u32, destination: IpAddr) -> Self {
        Neighbour {
            family: family_of(destination),
            index,
            destination: Some(destination),
            lladdr: None,
            state: nud::PERMANENT,
            flags: 0,
            ext_flags: 0,
            protocol: None,
            vlan: None,
        }
    }

    /// A bridge FDB entry (`AF_BRIDGE`) for `lladdr` on link `index`, with no `NTF_SELF` /
    /// `NTF_MASTER` and state `NUD_PERMANENT` (`bridge fdb add ... permanent`); `bridge fdb
    /// add` sends `NTF_SELF` when neither is given.
    pub const fn fdb(index: u32, lladdr: &'a [u8]) -> Self {
        Neighbour {
            family: af::BRIDGE,
            index,
            destination: None,
            lladdr: Some(lladdr),
            state: nud::PERMANENT,
            flags: 0,
            ext_flags: 0,
            protocol: None,
            vlan: None,
        }
    }
}

/// The filters of a neighbour dump (`ip [-4|-6|-f bridge] neigh show [proxy] [dev DEV] [master
/// DEV | nomaster]`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct NeighbourDump {
    /// `ndm_family`: `AF_INET`, `AF_INET6`, `AF_BRIDGE` (the forwarding databases) or
    /// `AF_UNSPEC` (0) for ARP and NDP both.
    pub family: u8,
    /// `NDA_IFINDEX`: only this link's entries.
    pub index: Option<u32>,
    /// `NDA_MASTER`: only entries of links with this master (a bridge, a VRF); `u32::MAX` (-1)
    /// is `nomaster`: only entries of links without one.
    pub master: Option<u32>,
    /// `ndm_flags = NTF_PROXY`: the proxy entries instead of the cache.
    pub proxy: bool,
}

/// The question of `ip neigh get ADDR dev DEV` and `ip neigh get proxy ADDR dev DEV`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NeighbourGet {
    /// `ndm_ifindex`: the link (at most `i32::MAX`).
    pub index: u32,
    /// `NDA_DST`: the entry's address; its family is the message's.
    pub destination: IpAddr,
    /// `ndm_flags = NTF_PROXY`: the proxy entry.
    pub proxy: bool,
}

/// Writes the request of `ip neigh add|del` / `bridge fdb add|del`.
fn neighbour_request<'b>(
    buf: &'b mut [u8],
    seq: u32,
    ty: u16,
    flags: u16,
    n: &Neighbour<'_>,
) -> Result<MessageBuilder<'b>, Error> {
    let index = ifindex(n.index)?;
    if let Some(dst) = n.destination
        && n.family != af::BRIDGE
        && family_of(dst) != n.family
    {
        return Err(Error::InvalidValue { attr: nda::DST });
    }
    if n.lladdr.is_some_and(|ll| ll.len() > MAX_ADDR_LEN) {
        return Err(Error::InvalidValue { attr: nda::LLADDR });
    }
    if n.vlan.is_some_and(|vid| vid == 0 || vid >= 4095) {
        return Err(Error::InvalidValue { attr: nda::VLAN });
    }
    let mut b = MessageBuilder::new(buf, ty, flags, seq)?;
    b.header(&NdMsg {
        ndm_family: n.family,
        ndm_ifindex: index.into(),
        ndm_state: n.state.into(),
        ndm_flags: n.flags,
        ..NdMsg::default()
    })?;
    if n.family == af::BRIDGE {
        // bridge fdb: the link-layer address first.
        if let Some(lladdr) = n.lladdr {
            b.put(nda::LLADDR, lladdr)?;
        }
        if let Some(dst) = n.destination {
            b.put_ip(nda::DST, dst)?;
        }
        if let Some(vlan) = n.vlan {
            b.put_u16(nda::VLAN, vlan)?;
        }
        if let Some(protocol) = n.protocol {
            b.put_u8(nda::PROTOCOL, protocol)?;
        }
        if n.ext_flags != 0 {
            b.put_u32(nda::FLAGS_EXT, n.ext_flags)?;
        }
        return Ok(b);
    }
    if let Some(protocol) = n.protocol {
        b.put_u8(nda::PROTOCOL, protocol)?;
    }
    if let Some(dst) = n.destination {
        b.put_ip(nda::DST, dst)?;
    }
    if n.ext_flags != 0 {
        b.put_u32(nda::FLAGS_EXT, n.ext_flags)?;
    }
    if let Some(lladdr) = n.lladdr {
        b.put(nda::LLADDR, lladdr)?;
    }
    if let Some(vlan) = n.vlan {
        b.put_u16(nda::VLAN, vlan)?;
    }
    Ok(b)
}

/// Writes `RTM_NEWNEIGH`: adds or changes a neighbour entry (`ip neigh add|replace|change`,
/// `bridge fdb add|replace`).
///
/// Flags `NLM_F_REQUEST | NLM_F_ACK` and the `mode`'s: `NLM_F_CREATE | NLM_F_EXCL` for add,
/// `NLM_F_CREATE | NLM_F_REPLACE` for replace, `NLM_F_REPLACE` for change. `struct ndmsg`
/// holds the family, the index, the state and the flags. Attributes in `ip`'s order:
/// `NDA_PROTOCOL`, `NDA_DST`, `NDA_FLAGS_EXT`, `NDA_LLADDR`, then `NDA_VLAN`; for `AF_BRIDGE`
/// in `bridge`'s: `NDA_LLADDR`, `NDA_DST`, `NDA_VLAN`, `NDA_PROTOCOL`, `NDA_FLAGS_EXT`.
///
/// # Errors
///
/// [`Error::InvalidValue`] for an index above `i32::MAX` (attribute 0), a destination of
/// another family than an ARP/NDP entry's (`NDA_DST`), a link-layer address over 32 bytes
/// (`NDA_LLADDR`), a VLAN of 0 or above 4094 (`NDA_VLAN`); [`Error::BufferFull`] when `buf` is
/// too small.
pub fn neigh_new<'b>(
    buf: &'b mut [u8],
    seq: u32,
    mode: NewMode,
    neighbour: &Neighbour<'_>,
) -> Result<MessageBuilder<'b>, Error> {
    neighbour_request(
        buf,
        seq,
        rtm::NEWNEIGH,
        REQUEST_ACK | mode.flags(),
        neighbour,
    )
}

/// Writes `RTM_DELNEIGH`: removes a neighbour entry (`ip neigh del`, `bridge fdb del`).
///
/// Flags `NLM_F_REQUEST | NLM_F_ACK`; the same header and attributes as [`neigh_new`] (`ip`
/// sends its default state, `NUD_PERMANENT`, which the kernel ignores here).
///
/// # Errors
///
/// As [`neigh_new`].
pub fn neigh_del<'b>(
    buf: &'b mut [u8],
    seq: u32,
    neighbour: &Neighbour<'_>,
) -> Result<MessageBuilder<'b>, Error> {
    neighbour_request(buf, seq, rtm::DELNEIGH, REQUEST_ACK, neighbour)
}

/// Writes `RTM_GETNEIGH` for one entry (`ip neigh get [proxy] ADDR dev DEV`).
///
/// Flags `NLM_F_REQUEST`: the kernel answers with the entry as one `RTM_NEWNEIGH`, or an
/// error (`ENOENT`). `struct ndmsg` has the address's family, the index and `NTF_PROXY` for a
/// proxy entry; then `NDA_DST`.
///
/// # Errors
///
/// [`Error::InvalidValue`] for an index above `i32::MAX`; [`Error::BufferFull`] when `buf` is
/// too small.
pub fn neigh_get<'b>(
    buf: &'b mut [u8],
    seq: u32,
    get: &NeighbourGet,
) -> Result<MessageBuilder<'b>, Error> {
    let index = ifindex(get.index)?;
    let mut b = MessageBuilder::new(buf, rtm::GETNEIGH, nlm_f::REQUEST, seq)?;
    b.header(&NdMsg {
        ndm_family: family_of(get.destination),
        ndm_ifindex: index.into(),
        ndm_flags: if get.proxy { crate::ntf::PROXY } else { 0 },
        ..NdMsg::default()
    })?;
    b.put_ip(nda::DST, get.destination)?;
    Ok(b)
}

/// Writes `RTM_GETNEIGH` with `NLM_F_DUMP`: the neighbour entries of a family (`ip neigh
/// show`), or a bridge's forwarding database with `AF_BRIDGE`.
///
/// Flags `NLM_F_REQUEST | NLM_F_DUMP`. `struct ndmsg` is zero but for the family and
/// `NTF_PROXY` when [`NeighbourDump::proxy`]; then `NDA_IFINDEX` and `NDA_MASTER` when given,
/// as `ip` sends them (the kernel filters by them under strict checking and sets
/// `NLM_F_DUMP_FILTERED` on its replies).
///
/// # Errors
///
/// [`Error::BufferFull`] when `buf` is too small.
pub fn neigh_dump<'b>(
    buf: &'b mut [u8],
    seq: u32,
    dump: &NeighbourDump,
) -> Result<MessageBuilder<'b>, Error> {
    let mut b = MessageBuilder::new(buf, rtm::GETNEIGH, REQUEST_DUMP, seq)?;
    b.header(&NdMsg {
        ndm_family: dump.family,
        ndm_flags: if dump.proxy { crate::ntf::PROXY } else { 0 },
        ..NdMsg::default()
    })?;
    if let Some(index) = dump.index {
        b.put_u32(nda::IFINDEX, index)?;
    }
    if let Some(master) = dump.master {
        b.put_u32(nda::MASTER, master)?;
    }
    Ok(b)
}

impl Dump for NeighbourDump {
    type Reply<'a> = NeighbourMessage<'a>;

    fn write<'b>(&self, buf: &'b mut [u8], seq: u32) -> Result<MessageBuilder<'b>, Error> {
        neigh_dump(buf, seq, self)
    }
}
