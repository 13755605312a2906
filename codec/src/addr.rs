//! `RTM_NEWADDR` and friends: `struct ifaddrmsg` and the `IFA_*` attributes.
//!
//! What `ip addr show` prints comes from here. For IPv4, `IFA_LOCAL` is the interface's own
//! address and `IFA_ADDRESS` the peer on point-to-point links (else the same as `IFA_LOCAL`); for
//! IPv6 only `IFA_ADDRESS` is sent, unless a peer is set. See `inet_fill_ifaddr()` in
//! `net/ipv4/devinet.c` and `inet6_fill_ifaddr()` in `net/ipv6/addrconf.c`.

use core::net::IpAddr;

use crate::ifa;
use crate::index::{AttrIndex, Len, Rule, Slice, policy, slots};
use crate::raw::{IfAddrMsg, IfaCacheinfo};
use crate::view::family_view;

const ADDR_SLOTS: usize = slots(ifa::MAX);
const ADDR_POLICY: [Rule; ADDR_SLOTS] = policy(&[
    (ifa::ADDRESS, Len::Addr),
    (ifa::LOCAL, Len::Addr),
    (ifa::BROADCAST, Len::Addr),
    (ifa::ANYCAST, Len::Addr),
    (ifa::MULTICAST, Len::Addr),
    (ifa::CACHEINFO, Len::of::<IfaCacheinfo>()),
    (ifa::FLAGS, Len::Min(4)),
    (ifa::RT_PRIORITY, Len::Min(4)),
    (ifa::TARGET_NETNSID, Len::Min(4)),
    (ifa::PROTO, Len::Min(1)),
]);

family_view! {
    /// An address message (`RTM_NEWADDR`, `RTM_DELADDR`, `RTM_GETADDR`): `struct ifaddrmsg` and
    /// its `IFA_*` attributes, checked and indexed by [`AddressMessage::parse`].
    pub struct AddressMessage: "address" {
        /// `struct ifaddrmsg`.
        header: IfAddrMsg {
            /// `ifa_family`: `AF_INET` or `AF_INET6`.
            family: u8 = ifa_family,
            /// `ifa_prefixlen`.
            prefix_len: u8 = ifa_prefixlen,
            /// `ifa_scope`: `RT_SCOPE_*` (0 global, 253 link, 254 host).
            scope: u8 = ifa_scope,
            /// `ifa_index`: the interface the address is on.
            index: u32 = ifa_index.get(),
        },
        attrs: AttrIndex<'a, ADDR_SLOTS, Slice<'a>> = ADDR_POLICY, "`IFA_*`",
    }
}

impl<'a> AddressMessage<'a> {
    /// The address flags, `IFA_F_*`: `IFA_FLAGS` when present (all 32 bits), else `ifa_flags`.
    #[inline]
    pub fn flags(&self) -> u32 {
        self.attrs
            .u32(ifa::FLAGS)
            .unwrap_or(u32::from(self.header.ifa_flags))
    }

    /// `IFA_ADDRESS`: the prefix address; on point-to-point IPv4 links, the peer.
    #[inline]
    pub fn address(&self) -> Option<IpAddr> {
        self.attrs.ip(ifa::ADDRESS)
    }

    /// `IFA_LOCAL`: the local address (IPv4, and IPv6 with a peer).
    #[inline]
    pub fn local(&self) -> Option<IpAddr> {
        self.attrs.ip(ifa::LOCAL)
    }

    /// The interface's own address, as `ip addr` shows it first: `IFA_LOCAL` if present, else
    /// `IFA_ADDRESS`.
    #[inline]
    pub fn own_address(&self) -> Option<IpAddr> {
        self.local().or_else(|| self.address())
    }

    /// The peer, as `ip addr` shows it after `peer`: `IFA_ADDRESS` when it differs from
    /// `IFA_LOCAL`.
    #[inline]
    pub fn peer(&self) -> Option<IpAddr> {
        let local = self.local()?;
        self.address().filter(|address| *address != local)
    }

    /// `IFA_BROADCAST`.
    #[inline]
    pub fn broadcast(&self) -> Option<IpAddr> {
        self.attrs.ip(ifa::BROADCAST)
    }

    /// `IFA_ANYCAST`.
    #[inline]
    pub fn anycast(&self) -> Option<IpAddr> {
        self.attrs.ip(ifa::ANYCAST)
    }

    /// `IFA_MULTICAST`.
    #[inline]
    pub fn multicast(&self) -> Option<IpAddr> {
        self.attrs.ip(ifa::MULTICAST)
    }

    /// `IFA_LABEL`: the IPv4 label (`eth0:1`), if it is UTF-8 (labels are interface names,
    /// which Linux allows to hold other bytes; see [`AddressMessage::label_bytes`]).
    #[inline]
    pub fn label(&self) -> Option<&'a str> {
        self.attrs.str(ifa::LABEL)
    }

    /// `IFA_LABEL` as bytes, without its NUL.
    #[inline]
    pub fn label_bytes(&self) -> Option<&'a [u8]> {
        self.attrs.str_bytes(ifa::LABEL)
    }

    /// `IFA_CACHEINFO`: lifetimes and time stamps.
    #[inline]
    pub fn cacheinfo(&self) -> Option<IfaCacheinfo> {
        let bytes = self.attrs.bytes(ifa::CACHEINFO)?;
        zerocopy::FromBytes::read_from_prefix(bytes)
            .ok()
            .map(|(info, _)| info)
    }

    /// The valid lifetime left, seconds; `u32::MAX` is forever.
    #[inline]
    pub fn valid_lifetime(&self) -> Option<u32> {
        self.cacheinfo().map(|info| info.ifa_valid.get())
    }

    /// The preferred lifetime left, seconds; `u32::MAX` is forever.
    #[inline]
    pub fn preferred_lifetime(&self) -> Option<u32> {
        self.cacheinfo().map(|info| info.ifa_prefered.get())
    }

    /// `IFA_RT_PRIORITY`: the metric of the prefix route.
    #[inline]
    pub fn priority(&self) -> Option<u32> {
        self.attrs.u32(ifa::RT_PRIORITY)
    }

    /// `IFA_PROTO`: who added the address, `IFAPROT_*`.
    #[inline]
    pub fn proto(&self) -> Option<u8> {
        self.attrs.u8(ifa::PROTO)
    }
}
