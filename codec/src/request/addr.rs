//! Address requests: `RTM_NEWADDR`, `RTM_DELADDR` and the address dump, as `ip address add /
//! replace / change / del / show` send them (`ipaddr_modify()` in `ip/ipaddress.c`).

use core::net::{IpAddr, Ipv4Addr};

use super::{NewMode, REQUEST_ACK, REQUEST_DUMP, check_cstr};
use crate::builder::MessageBuilder;
use crate::error::Error;
use crate::addr::AddressMessage;
use crate::view::Dump;
use crate::raw::{IfAddrMsg, IfaCacheinfo};
use crate::{af, ifa, rt_scope, rtm};

/// The longest `IFA_LABEL` the kernel keeps (`IFNAMSIZ - 1`).
const MAX_LABEL_LEN: usize = 15;

/// An address on a link, for `RTM_NEWADDR` and `RTM_DELADDR`: `struct ifaddrmsg` and the `IFA_*`
/// attributes, as `ip address add LOCAL/LEN [peer PEER] [broadcast BRD] [label L] [scope S]
/// [metric M] [FLAGS] dev DEV [valid_lft V preferred_lft P]` describes it.
///
/// Made with [`Address::new`] and struct update syntax.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Address<'a> {
    /// `ifa_index`: the link the address is on.
    pub index: u32,
    /// `IFA_LOCAL`: the address itself. Its family is the message's (`ifa_family`).
    pub local: IpAddr,
    /// `ifa_prefixlen`: 0 to 32 for IPv4, to 128 for IPv6. With a peer, the peer's prefix.
    pub prefix_len: u8,
    /// `IFA_ADDRESS` (`peer`): the other end of a point-to-point link. Without it
    /// `IFA_ADDRESS` repeats `IFA_LOCAL`, as `ip` sends it.
    pub peer: Option<IpAddr>,
    /// `IFA_BROADCAST` (IPv4 only).
    pub broadcast: Option<Broadcast>,
    /// `IFA_ANYCAST` (`anycast ADDR`), of the address's family. The kernel accepts and
    /// ignores it (neither `inet_rtm_newaddr()` nor `inet6_rtm_newaddr()` reads it).
    pub anycast: Option<IpAddr>,
    /// `IFA_LABEL`: the IPv4 label, at most 15 bytes; by convention the link's name, or the
    /// name and `:something`.
    pub label: Option<&'a [u8]>,
    /// `ifa_scope` (`RT_SCOPE_*`). `None` is what `ip` picks: host for an IPv4 loopback
    /// address, else global, for a new address; 0 in a delete request.
    pub scope: Option<u8>,
    /// `IFA_F_*` flags (`IFA_F_NODAD`, `IFA_F_NOPREFIXROUTE`, ...). Sent in `ifa_flags` when
    /// they fit 8 bits, else in `IFA_FLAGS`, as `ip` does.
    pub flags: u32,
    /// `IFA_CACHEINFO`: the valid and preferred lifetimes.
    pub lifetime: Option<Lifetime>,
    /// `IFA_RT_PRIORITY` (`metric`): the metric of the prefix route the kernel adds.
    pub metric: Option<u32>,
}

impl Address<'_> {
    /// `local/prefix_len` on link `index`, with nothing else set.
    pub const fn new(index: u32, local: IpAddr, prefix_len: u8) -> Self {
        Address {
            index,
            local,
            prefix_len,
            peer: None,
            broadcast: None,
            anycast: None,
            label: None,
            scope: None,
            flags: 0,
            lifetime: None,
            metric: None,
        }
    }
}

/// An IPv4 broadcast address for `IFA_BROADCAST`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Broadcast {
    /// This address (`broadcast ADDR`).
    Addr(Ipv4Addr),
    /// The address with every host bit set (`broadcast +`); none for prefixes longer than 30,
    /// as `ip` computes it.
    Auto,
}

/// Lifetimes of an address, in seconds, for `IFA_CACHEINFO` (`valid_lft`, `preferred_lft`).
/// [`Lifetime::FOREVER`] (`u32::MAX`) never expires.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Lifetime {
    /// `ifa_valid`: how long the address stays; not 0.
    pub valid: u32,
    /// `ifa_prefered`: how long it is preferred as a source; not more than `valid`.
    pub preferred: u32,
}

impl Lifetime {
    /// `INFINITY_LIFE_TIME`: a lifetime that never ends.
    #[doc(alias = "INFINITY_LIFE_TIME")]
    pub const FOREVER: u32 = u32::MAX;
}

/// The filters of an address dump (`ip [-4|-6] address show [dev DEV]`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct AddressDump {
    /// `ifa_family`: `AF_INET`, `AF_INET6`, or `AF_UNSPEC` (0) for both.
    pub family: u8,
    /// `ifa_index`: only this link's addresses (strict checking only).
    pub index: Option<u32>,
}

/// The family of an IP address.
pub(crate) const fn family_of(address: IpAddr) -> u8 {
    match address {
        IpAddr::V4(_) => af::INET,
        IpAddr::V6(_) => af::INET6,
    }
}

/// The longest prefix of an IP address's family.
pub(crate) const fn max_prefix(address: IpAddr) -> u8 {
    match address {
        IpAddr::V4(_) => 32,
        IpAddr::V6(_) => 128,
    }
}

/// The broadcast address `ip ... broadcast +` computes: `base` with the host bits set, or
/// nothing for a prefix longer than 30.
fn auto_broadcast(base: Ipv4Addr, prefix_len: u8) -> Option<Ipv4Addr> {
    if prefix_len > 30 {
        return None;
    }
    let host = u32::MAX.checked_shr(u32::from(prefix_len)).unwrap_or(0);
    Some(Ipv4Addr::from(u32::from(base) | host))
}

/// Writes the request of `ip address add|del`.
fn address_request<'b>(
    buf: &'b mut [u8],
    seq: u32,
    ty: u16,
    flags: u16,
    addr: &Address<'_>,
) -> Result<MessageBuilder<'b>, Error> {
    let deleting = ty == rtm::DELADDR;
    if addr.prefix_len > max_prefix(addr.local) {
        return Err(Error::InvalidValue { attr: ifa::LOCAL });
    }
    if addr
        .peer
        .is_some_and(|peer| family_of(peer) != family_of(addr.local))
    {
        return Err(Error::InvalidValue { attr: ifa::ADDRESS });
    }
    if addr
        .anycast
        .is_some_and(|any| family_of(any) != family_of(addr.local))
    {
        return Err(Error::InvalidValue { attr: ifa::ANYCAST });
    }
    let (explicit_brd, auto_brd) = match (addr.broadcast, addr.local) {
        (None, _) => (None, None),
        (Some(_), IpAddr::V6(_)) => {
            return Err(Error::InvalidValue {
                attr: ifa::BROADCAST,
            });
        }
        (Some(Broadcast::Addr(brd)), IpAddr::V4(_)) => (Some(brd), None),
        (Some(Broadcast::Auto), IpAddr::V4(_)) if deleting => (None, None),
        (Some(Broadcast::Auto), IpAddr::V4(local)) => {
            let base = match addr.peer {
                Some(IpAddr::V4(peer)) => peer,
                _ => local,
            };
            (None, auto_broadcast(base, addr.prefix_len))
        }
    };
    if let Some(label) = addr.label {
        check_cstr(label, MAX_LABEL_LEN, false, ifa::LABEL)?;
    }
    if addr
        .lifetime
        .is_some_and(|life| life.valid == 0 || life.preferred > life.valid)
    {
        return Err(Error::InvalidValue {
            attr: ifa::CACHEINFO,
        });
    }
    let scope = match addr.scope {
        Some(scope) => scope,
        None if deleting => 0,
        None => match addr.local {
            IpAddr::V4(local) if local.is_loopback() => rt_scope::HOST,
            _ => rt_scope::UNIVERSE,
        },
    };
    let (header_flags, flags_attr) = match u8::try_from(addr.flags) {
        Ok(small) => (small, None),
        Err(_) => (0, Some(addr.flags)),
    };

    let mut b = MessageBuilder::new(buf, ty, flags, seq)?;
    b.header(&IfAddrMsg {
        ifa_family: family_of(addr.local),
        ifa_prefixlen: addr.prefix_len,
        ifa_flags: header_flags,
        ifa_scope: scope,
        ifa_index: addr.index.into(),
    })?;
    b.put_ip(ifa::LOCAL, addr.local)?;
    if let Some(peer) = addr.peer {
        b.put_ip(ifa::ADDRESS, peer)?;
    }
    if let Some(brd) = explicit_brd {
        b.put(ifa::BROADCAST, &brd.octets())?;
    }
    if let Some(any) = addr.anycast {
        b.put_ip(ifa::ANYCAST, any)?;
    }
    if let Some(label) = addr.label {
        b.put_cstr(ifa::LABEL, label)?;
    }
    if let Some(metric) = addr.metric {
        b.put_u32(ifa::RT_PRIORITY, metric)?;
    }
    if let Some(flags) = flags_attr {
        b.put_u32(ifa::FLAGS, flags)?;
    }
    if addr.peer.is_none() {
        b.put_ip(ifa::ADDRESS, addr.local)?;
    }
    if let Some(brd) = auto_brd {
        b.put(ifa::BROADCAST, &brd.octets())?;
    }
    if let Some(lifetime) = addr.lifetime {
        let info = IfaCacheinfo {
            ifa_prefered: lifetime.preferred.into(),
            ifa_valid: lifetime.valid.into(),
            ..IfaCacheinfo::default()
        };
        b.put(ifa::CACHEINFO, zerocopy::IntoBytes::as_bytes(&info))?;
    }
    Ok(b)
}

/// Writes `RTM_NEWADDR`: adds an address to a link (`ip address add|replace|change`).
///
/// Flags `NLM_F_REQUEST | NLM_F_ACK` and the `mode`'s: `NLM_F_CREATE | NLM_F_EXCL` for add,
/// `NLM_F_CREATE | NLM_F_REPLACE` for replace. `struct ifaddrmsg` has the family of `local`,
/// the prefix length, the flags that fit 8 bits, the scope and the index. Attributes in this
/// order: `IFA_LOCAL`, `IFA_ADDRESS` (the peer), `IFA_BROADCAST` (given), `IFA_ANYCAST`,
/// `IFA_LABEL`,
/// `IFA_RT_PRIORITY`, `IFA_FLAGS` (flags above 0xff), `IFA_ADDRESS` (= `IFA_LOCAL` when there
/// is no peer), `IFA_BROADCAST` ([`Broadcast::Auto`]), `IFA_CACHEINFO`.
///
/// # Errors
///
/// [`Error::InvalidValue`] for a prefix longer than the family's (`IFA_LOCAL`), a peer of the
/// other family (`IFA_ADDRESS`), an anycast address of the other family (`IFA_ANYCAST`), a
/// broadcast on IPv6, a label that is empty, over 15 bytes or
/// holds a NUL, a valid lifetime of 0 or shorter than the preferred one (`IFA_CACHEINFO`);
/// [`Error::BufferFull`] when `buf` is too small.
pub fn addr_new<'b>(
    buf: &'b mut [u8],
    seq: u32,
    mode: NewMode,
    addr: &Address<'_>,
) -> Result<MessageBuilder<'b>, Error> {
    address_request(buf, seq, rtm::NEWADDR, REQUEST_ACK | mode.flags(), addr)
}

/// Writes `RTM_DELADDR`: removes an address from a link (`ip address del`).
///
/// Flags `NLM_F_REQUEST | NLM_F_ACK`; the same header and attributes as [`addr_new`], but the
/// scope defaults to 0 and [`Broadcast::Auto`] adds nothing, as with `ip`.
///
/// # Errors
///
/// As [`addr_new`].
pub fn addr_del<'b>(
    buf: &'b mut [u8],
    seq: u32,
    addr: &Address<'_>,
) -> Result<MessageBuilder<'b>, Error> {
    address_request(buf, seq, rtm::DELADDR, REQUEST_ACK, addr)
}

/// Writes `RTM_GETADDR` with `NLM_F_DUMP`: the addresses of a family, or of one link (`ip
/// address show`).
///
/// Flags `NLM_F_REQUEST | NLM_F_DUMP`. `struct ifaddrmsg` is zero but for the family and the
/// index to filter on; no attributes.
///
/// # Errors
///
/// [`Error::BufferFull`] when `buf` is too small.
pub fn addr_dump<'b>(
    buf: &'b mut [u8],
    seq: u32,
    dump: &AddressDump,
) -> Result<MessageBuilder<'b>, Error> {
    let mut b = MessageBuilder::new(buf, rtm::GETADDR, REQUEST_DUMP, seq)?;
    b.header(&IfAddrMsg {
        ifa_family: dump.family,
        ifa_index: dump.index.unwrap_or(0).into(),
        ..IfAddrMsg::default()
    })?;
    Ok(b)
}

impl Dump for AddressDump {
    type Reply<'a> = AddressMessage<'a>;

    fn write<'b>(&self, buf: &'b mut [u8], seq: u32) -> Result<MessageBuilder<'b>, Error> {
        addr_dump(buf, seq, self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_broadcast_is_ips() {
        let base = Ipv4Addr::new(192, 0, 2, 1);
        assert_eq!(
            auto_broadcast(base, 24),
            Some(Ipv4Addr::new(192, 0, 2, 255))
        );
        assert_eq!(auto_broadcast(base, 30), Some(Ipv4Addr::new(192, 0, 2, 3)));
        assert_eq!(auto_broadcast(base, 0), Some(Ipv4Addr::BROADCAST));
        assert_eq!(auto_broadcast(base, 31), None);
        assert_eq!(auto_broadcast(base, 32), None);
    }
}
