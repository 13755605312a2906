//! `RTM_NEWROUTE` and friends: `struct rtmsg` and the `RTA_*` attributes.
//!
//! What `ip route show` prints comes from here. Table ids above 255 only fit in `RTA_TABLE`;
//! `rtm_table` then says `RT_TABLE_COMPAT`. A multipath route carries its next hops in
//! `RTA_MULTIPATH` as a run of `struct rtnexthop`, each with its own attributes. See
//! `fib_dump_info()` in `net/ipv4/fib_semantics.c` and `rt6_fill_node()` in `net/ipv6/route.c`.

use core::net::IpAddr;

use zerocopy::FromBytes;

use crate::attr::{Attr, Attrs, align4, ip_from};
use crate::error::{Error, Layer};
use crate::index::{AttrIndex, Len, Rule, policy, raw_attrs, slots};
use crate::raw::{RtMsg, RtNextHop, RtaCacheinfo};
use crate::view::family_view;
use crate::{rta, rtax};

const ROUTE_SLOTS: usize = slots(rta::MAX);
const ROUTE_POLICY: [Rule; ROUTE_SLOTS] = policy(&[
    (rta::DST, Len::Addr),
    (rta::SRC, Len::Addr),
    (rta::GATEWAY, Len::Addr),
    (rta::PREFSRC, Len::Addr),
    (rta::IIF, Len::Min(4)),
    (rta::OIF, Len::Min(4)),
    (rta::PRIORITY, Len::Min(4)),
    (rta::TABLE, Len::Min(4)),
    (rta::MARK, Len::Min(4)),
    (rta::PREF, Len::Min(1)),
    (rta::FLOW, Len::Min(4)),
    (rta::EXPIRES, Len::Min(8)),
    (rta::UID, Len::Min(4)),
    (rta::NH_ID, Len::Min(4)),
    (rta::VIA, Len::Min(2)),
    (rta::ENCAP_TYPE, Len::Min(2)),
    (rta::CACHEINFO, Len::of::<RtaCacheinfo>()),
]);

family_view! {
    /// A route message (`RTM_NEWROUTE`, `RTM_DELROUTE`, `RTM_GETROUTE`): `struct rtmsg` and its
    /// `RTA_*` attributes, checked and indexed by [`RouteMessage::parse`], next hops included.
    pub struct RouteMessage: "route" {
        /// `struct rtmsg`.
        header: RtMsg {
            /// `rtm_family`: `AF_INET` or `AF_INET6`.
            family: u8 = rtm_family,
            /// `rtm_dst_len`: the destination prefix length (0 for a default route).
            dst_len: u8 = rtm_dst_len,
            /// `rtm_src_len`: the source prefix length.
            src_len: u8 = rtm_src_len,
            /// `rtm_tos`.
            tos: u8 = rtm_tos,
        },
        attrs: AttrIndex<'a, ROUTE_SLOTS> = ROUTE_POLICY, "`RTA_*`",
    }
    checked with check_nests;
}

/// Checks the nests of a route message, `RTA_METRICS` and each next hop's attributes in
/// `RTA_MULTIPATH`, so that their readers cannot fail.
#[inline(always)]
fn check_nests(attrs: &AttrIndex<'_, ROUTE_SLOTS>) -> Result<(), Error> {
    if let Some(metrics) = attrs.get(rta::METRICS) {
        RouteMetrics::parse(metrics)?;
    }
    if let Some(multipath) = attrs.get(rta::MULTIPATH) {
        for nexthop in Nexthops::new(multipath) {
            nexthop?.attrs().validate()?;
        }
    }
    Ok(())
}

impl<'a> RouteMessage<'a> {
    /// The table id: `RTA_TABLE` when present (ids above 255 are only there), else `rtm_table`.
    #[inline]
    pub fn table(&self) -> u32 {
        self.attrs
            .u32(rta::TABLE)
            .unwrap_or(u32::from(self.header.rtm_table))
    }

    /// `rtm_protocol`: `RTPROT_*` (2 kernel, 3 boot, 4 static).
    #[inline]
    pub const fn protocol(&self) -> u8 {
        self.header.rtm_protocol
    }

    /// `rtm_scope`: `RT_SCOPE_*`.
    #[inline]
    pub const fn scope(&self) -> u8 {
        self.header.rtm_scope
    }

    /// `rtm_type`: `RTN_*` (1 unicast, 2 local, 6 blackhole, 7 unreachable).
    #[inline]
    pub const fn route_type(&self) -> u8 {
        self.header.rtm_type
    }

    /// `rtm_flags`: `RTM_F_*`.
    #[inline]
    pub fn flags(&self) -> u32 {
        self.header.rtm_flags.get()
    }

    /// `RTA_DST`: the destination prefix; absent for a default route.
    #[inline]
    pub fn dst(&self) -> Option<IpAddr> {
        self.attrs.ip(rta::DST)
    }

    /// `RTA_SRC`: the source prefix (policy routing).
    #[inline]
    pub fn src(&self) -> Option<IpAddr> {
        self.attrs.ip(rta::SRC)
    }

    /// `RTA_GATEWAY`: the next hop of a single-path route.
    #[inline]
    pub fn gateway(&self) -> Option<IpAddr> {
        self.attrs.ip(rta::GATEWAY)
    }

    /// `RTA_PREFSRC`: the preferred source address.
    #[inline]
    pub fn prefsrc(&self) -> Option<IpAddr> {
        self.attrs.ip(rta::PREFSRC)
    }

    /// `RTA_OIF`: the output interface index.
    #[inline]
    pub fn oif(&self) -> Option<u32> {
        self.attrs.u32(rta::OIF)
    }

    /// `RTA_IIF`: the input interface index.
    #[inline]
    pub fn iif(&self) -> Option<u32> {
        self.attrs.u32(rta::IIF)
    }

    /// `RTA_PRIORITY`: the metric.
    #[inline]
    pub fn priority(&self) -> Option<u32> {
        self.attrs.u32(rta::PRIORITY)
    }

    /// `RTA_PREF`: the IPv6 router preference.
    #[inline]
    pub fn pref(&self) -> Option<u8> {
        self.attrs.u8(rta::PREF)
    }

    /// `RTA_MARK`: the firewall mark (route lookups).
    #[inline]
    pub fn mark(&self) -> Option<u32> {
        self.attrs.u32(rta::MARK)
    }

    /// `RTA_EXPIRES`: seconds until an IPv6 route expires.
    #[inline]
    pub fn expires(&self) -> Option<u64> {
        self.attrs.u64(rta::EXPIRES)
    }

    /// `RTA_NH_ID`: the nexthop object id.
    #[inline]
    pub fn nh_id(&self) -> Option<u32> {
        self.attrs.u32(rta::NH_ID)
    }

    /// `RTA_VIA`: a gateway of another family (`struct rtvia`): family and address.
    #[inline]
    pub fn via(&self) -> Option<(u16, IpAddr)> {
        rtvia(self.attrs.bytes(rta::VIA)?)
    }

    /// `RTA_CACHEINFO`.
    #[inline]
    pub fn cacheinfo(&self) -> Option<RtaCacheinfo> {
        let bytes = self.attrs.bytes(rta::CACHEINFO)?;
        RtaCacheinfo::read_from_prefix(bytes)
            .ok()
            .map(|(info, _)| info)
    }

    /// `RTA_FLOW`: the realms, source in the high 16 bits, destination in the low ones.
    #[inline]
    pub fn flow(&self) -> Option<u32> {
        self.attrs.u32(rta::FLOW)
    }

    /// `RTA_METRICS`: the nest of `RTAX_*` metrics (mtu, window, ...), indexed.
    #[inline]
    pub fn metrics(&self) -> Option<RouteMetrics<'a>> {
        RouteMetrics::parse(self.attrs.get(rta::METRICS)?).ok()
    }

    /// `RTA_MULTIPATH`: the next hops of a multipath route.
    #[inline]
    pub fn multipath(&self) -> Option<Nexthops<'a>> {
        self.attrs.get(rta::MULTIPATH).map(Nexthops::new)
    }
}

const METRICS_SLOTS: usize = slots(rtax::MAX);
/// Lengths are left to the readers: the kernel (`ip_metrics_convert()`)
/// refuses a short one when it is set, and a reader of a short one gets `None`.
const METRICS_POLICY: [Rule; METRICS_SLOTS] = policy(&[]);

/// The metrics of a route: the `RTA_METRICS` nest of `RTAX_*` attributes (`u32` values, the
/// congestion control algorithm's name in `RTAX_CC_ALGO`), checked and indexed when its
/// [`RouteMessage`] is parsed. See `rtnetlink_put_metrics()` in `net/core/rtnetlink.c`.
#[derive(Clone, Debug)]
pub struct RouteMetrics<'a> {
    attrs: AttrIndex<'a, METRICS_SLOTS>,
}

impl<'a> RouteMetrics<'a> {
    /// Checks and indexes the nest carried by `metrics` (`RTA_METRICS`).
    fn parse(metrics: Attr<'a>) -> Result<Self, Error> {
        let attrs = AttrIndex::parse(
            metrics.payload(),
            metrics.offset().saturating_add(4),
            &METRICS_POLICY,
        )?;
        Ok(RouteMetrics { attrs })
    }

    /// `RTAX_LOCK`: the bits `1 << RTAX_*` of the metrics locked against changes by path MTU
    /// discovery and TCP; 0 when absent.
    #[inline]
    pub fn lock(&self) -> u32 {
        self.attrs.u32(rtax::LOCK).unwrap_or(0)
    }

    /// Whether metric `ty` (`RTAX_*`) is locked.
    #[inline]
    pub fn locked(&self, ty: u16) -> bool {
        1u32.checked_shl(u32::from(ty))
            .is_some_and(|bit| self.lock() & bit != 0)
    }

    /// The `u32` value of metric `ty` (`RTAX_MTU`, `RTAX_WINDOW`, ...); `None` when absent or
    /// shorter than 4 bytes.
    #[inline]
    pub fn get(&self, ty: u16) -> Option<u32> {
        self.attrs.u32(ty)
    }

    /// `RTAX_CC_ALGO`: the congestion control algorithm's name (`congctl`), up to a NUL.
    #[inline]
    pub fn congctl(&self) -> Option<&'a [u8]> {
        self.attrs.str_bytes(rtax::CC_ALGO)
    }

    raw_attrs!("`RTAX_*`");
}

/// One next hop of a multipath route: `struct rtnexthop` and its attributes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Nexthop<'a> {
    header: &'a RtNextHop,
    attrs: &'a [u8],
    offset: usize,
}

impl<'a> Nexthop<'a> {
    /// `rtnh_ifindex`: the output interface.
    pub fn ifindex(&self) -> u32 {
        self.header.rtnh_ifindex.get().cast_unsigned()
    }

    /// `rtnh_flags`: `RTNH_F_*`.
    pub const fn flags(&self) -> u8 {
        self.header.rtnh_flags
    }

    /// The weight, as `ip route` prints it: `rtnh_hops` plus one.
    pub fn weight(&self) -> u16 {
        u16::from(self.header.rtnh_hops).saturating_add(1)
    }

    /// The next hop's attributes.
    pub fn attrs(&self) -> Attrs<'a> {
        Attrs::with_offset(self.attrs, self.offset)
    }

    /// `RTA_GATEWAY` of this next hop.
    pub fn gateway(&self) -> Option<IpAddr> {
        let attr = self.attrs().find(rta::GATEWAY).ok()??;
        ip_from(attr.payload())
    }

    /// `RTA_VIA` of this next hop: a gateway of another family than the route's (`struct
    /// rtvia`): family and address.
    pub fn via(&self) -> Option<(u16, IpAddr)> {
        let attr = self.attrs().find(rta::VIA).ok()??;
        rtvia(attr.payload())
    }
}

/// `struct rtvia`: `rtvia_family` (`AF_*`, host order) and an IPv4 or IPv6 address.
fn rtvia(bytes: &[u8]) -> Option<(u16, IpAddr)> {
    let (family, address) = bytes.split_first_chunk::<2>()?;
    Some((u16::from_ne_bytes(*family), ip_from(address)?))
}

/// An iterator over the `struct rtnexthop` entries of `RTA_MULTIPATH`, yielding each one or the
/// error that ends the run.
#[derive(Clone, Debug)]
pub struct Nexthops<'a> {
    rest: &'a [u8],
    offset: usize,
}

impl<'a> Nexthops<'a> {
    fn new(multipath: Attr<'a>) -> Self {
        Nexthops {
            rest: multipath.payload(),
            offset: multipath.offset().saturating_add(4),
        }
    }
}

impl<'a> Iterator for Nexthops<'a> {
    type Item = Result<Nexthop<'a>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        let item = split_nexthop(self.rest, self.offset);
        match item {
            Ok((nexthop, advance)) => {
                self.rest = self.rest.get(advance..).unwrap_or_default();
                self.offset = self.offset.saturating_add(advance);
                Some(Ok(nexthop))
            }
            Err(error) => {
                self.rest = &[];
                Some(Err(error))
            }
        }
    }
}

impl core::iter::FusedIterator for Nexthops<'_> {}

fn split_nexthop(bytes: &[u8], offset: usize) -> Result<(Nexthop<'_>, usize), Error> {
    let Ok((header, _)) = RtNextHop::ref_from_prefix(bytes) else {
        return Err(Error::Truncated {
            layer: Layer::Nexthop,
            needed: RtNextHop::SIZE,
            available: bytes.len(),
            offset,
        });
    };
    let len = usize::from(header.rtnh_len.get());
    if len < RtNextHop::SIZE {
        return Err(Error::BadLength {
            layer: Layer::Nexthop,
            len,
            min: RtNextHop::SIZE,
            offset,
        });
    }
    let Some(attrs) = bytes.get(RtNextHop::SIZE..len) else {
        return Err(Error::Truncated {
            layer: Layer::Nexthop,
            needed: len,
            available: bytes.len(),
            offset,
        });
    };
    let nexthop = Nexthop {
        header,
        attrs,
        offset: offset.saturating_add(RtNextHop::SIZE),
    };
    Ok((nexthop, align4(len).min(bytes.len())))
}
