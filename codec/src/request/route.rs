//! Route requests: `RTM_NEWROUTE`, `RTM_DELROUTE`, `RTM_GETROUTE` (a lookup) and the route
//! dump, as `ip route add / replace / del / get / show` send them (`iproute_modify()`,
//! `iproute_get()` and `iproute_dump_filter()` in `ip/iproute.c`).

use core::net::IpAddr;

use super::addr::{family_of, max_prefix};
use super::{NewMode, REQUEST_ACK, REQUEST_DUMP, ifindex};
use crate::attr::align4;
use crate::builder::MessageBuilder;
use crate::error::Error;
use crate::route::RouteMessage;
use crate::view::Dump;
use crate::raw::{RtMsg, RtNextHop};
use crate::{nla, nlm_f, rt_scope, rt_table, rta, rtax, rtm, rtm_f, rtn, rtprot};

/// A route, for `RTM_NEWROUTE` and `RTM_DELROUTE`: `struct rtmsg` and the `RTA_*` attributes, as
/// `ip route add [TYPE] DST/LEN [via GW] [metric M] [src ADDR] [table T] [proto P] [scope S]
/// [dev DEV] [nexthop ...]` describes it.
///
/// Made with [`Route::new`] and struct update syntax. Fields left `None` get `ip`'s defaults,
/// which differ between adding and deleting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Route<'a> {
    /// `RTA_DST`: the destination; its family is the message's (`rtm_family`).
    pub dst: IpAddr,
    /// `rtm_dst_len`: the prefix length. 0 is a default route and sends no `RTA_DST`, as
    /// `ip route add default` does.
    pub dst_len: u8,
    /// `via`: `RTA_GATEWAY` when of the destination's family; else `RTA_VIA` (`struct
    /// rtvia`: family and address, RFC 5549's IPv4 route through an IPv6 next hop), as `ip
    /// route add ... via inet6 ADDR` sends it.
    pub gateway: Option<IpAddr>,
    /// `RTA_PRIORITY` (`metric`).
    pub metric: Option<u32>,
    /// `RTA_PREFSRC` (`src`): the preferred source address, of the destination's family.
    pub prefsrc: Option<IpAddr>,
    /// The table: in `rtm_table` when below 256, else in `RTA_TABLE` with `rtm_table` 0, as
    /// `ip` sends it. `None`: main, or local for local, broadcast, nat and anycast routes.
    pub table: Option<u32>,
    /// `RTA_OIF` (`dev`): the output interface index.
    pub oif: Option<u32>,
    /// `rtm_protocol` (`RTPROT_*`); `None`: boot when adding, unspecified when deleting.
    pub protocol: Option<u8>,
    /// `rtm_scope` (`RT_SCOPE_*`); `None`: what `ip` picks from the family, type and gateway
    /// (link for a unicast route without gateway, nowhere when deleting, ...).
    pub scope: Option<u8>,
    /// `rtm_type` (`RTN_*`: unicast, blackhole, unreachable, ...); `None`: unicast when adding,
    /// unspecified when deleting.
    pub route_type: Option<u8>,
    /// `RTA_FLOW` (`realms [FROM/]TO`): source realm in the high 16 bits, destination realm
    /// in the low ones.
    pub realms: Option<u32>,
    /// `RTA_PREF` (`pref low|medium|high`): the IPv6 router preference
    /// (`ICMPV6_ROUTER_PREF_*`).
    pub pref: Option<u8>,
    /// `RTA_METRICS` (`mtu`, `advmss`, `window`, ..., `lock`): sent when not empty.
    pub metrics: Metrics,
    /// `RTA_MULTIPATH` (`nexthop ...`): the next hops of a multipath route; none when empty.
    pub nexthops: &'a [Nexthop],
}

/// How many bytes of metrics a [`Metrics`] holds: the payload of `ip`'s 256-byte `RTA_METRICS`
/// buffer (`mxbuf` in `iproute_modify()`), `RTAX_LOCK` included.
pub const METRICS_CAPACITY: usize = 252;

/// Route metrics for `RTA_METRICS`: `RTAX_*` attributes kept encoded, in the order they were
/// added (`ip` writes them in the order of its command line, a repeated one twice), then
/// `RTAX_LOCK` when a metric is locked (which needs 8 bytes of [`Metrics::room`] then, or the
/// request is refused). Fixed capacity, as `ip`'s own buffer, so a [`Route`] stays `Copy` and
/// needs no allocation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Metrics {
    /// The attributes, each padded to 4 bytes.
    bytes: [u8; METRICS_CAPACITY],
    /// How many bytes of `bytes` are used.
    len: usize,
    /// `RTAX_LOCK`: bits `1 << RTAX_*` of the locked metrics (`mtu lock 1300`).
    pub lock: u32,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl Metrics {
    /// No metrics.
    pub const fn new() -> Self {
        Metrics {
            bytes: [0; METRICS_CAPACITY],
            len: 0,
            lock: 0,
        }
    }

    /// Whether no metric was added.
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How many bytes are left: an attribute takes 4 and its payload, padded to 4 (`RTAX_LOCK`,
    /// written last, 8).
    pub const fn room(&self) -> usize {
        METRICS_CAPACITY.saturating_sub(self.len)
    }

    /// Appends attribute `ty` with `payload`.
    fn push(&mut self, ty: u16, payload: &[u8]) -> Result<(), Error> {
        let full = Error::InvalidValue { attr: rta::METRICS };
        let attr_len = nla::HDRLEN.saturating_add(payload.len());
        let end = self.len.saturating_add(align4(attr_len));
        if end > METRICS_CAPACITY {
            return Err(full);
        }
        let header_len = u16::try_from(attr_len).map_err(|_| full)?;
        let slot = self.bytes.get_mut(self.len..end).ok_or(full)?;
        slot.fill(0);
        let (header, rest) = slot.split_at_mut(nla::HDRLEN);
        let (len_bytes, ty_bytes) = header.split_at_mut(2);
        len_bytes.copy_from_slice(&header_len.to_ne_bytes());
        ty_bytes.copy_from_slice(&ty.to_ne_bytes());
        rest.get_mut(..payload.len())
            .ok_or(full)?
            .copy_from_slice(payload);
        self.len = end;
        Ok(())
    }

    /// Adds the `u32` metric `ty` (`RTAX_MTU`, `RTAX_ADVMSS`, ...).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] (`RTA_METRICS`) when it does not fit in [`Metrics::room`].
    pub fn push_u32(&mut self, ty: u16, value: u32) -> Result<(), Error> {
        self.push(ty, &value.to_ne_bytes())
    }

    /// Adds `RTAX_CC_ALGO` (`congctl NAME`): the name without a NUL, as `ip` sends it (the
    /// kernel refuses a name it does not know: `Unknown tcp congestion algorithm`).
    ///
    /// # Errors
    /// As [`Metrics::push_u32`].
    pub fn push_congctl(&mut self, name: &[u8]) -> Result<(), Error> {
        self.push(rtax::CC_ALGO, name)
    }

    /// Locks metric `ty` (`lock`): sets its bit in `RTAX_LOCK`.
    pub fn lock(&mut self, ty: u16) {
        self.lock |= 1u32.checked_shl(u32::from(ty)).unwrap_or(0);
    }

    /// Each added metric's type and value, in order: `RTAX_CC_ALGO` with its name, the
    /// others as `u32`.
    pub fn for_each(&self, mut f: impl FnMut(u16, MetricValue<'_>)) {
        let mut rest = self.bytes.get(..self.len).unwrap_or_default();
        while let Some((header, after)) = rest.split_first_chunk::<4>() {
            let attr_len = usize::from(u16::from_ne_bytes([header[0], header[1]]));
            let ty = u16::from_ne_bytes([header[2], header[3]]);
            let payload = after
                .get(..attr_len.saturating_sub(nla::HDRLEN))
                .unwrap_or_default();
            let value = match payload.first_chunk::<4>() {
                Some(value) if ty != rtax::CC_ALGO => MetricValue::U32(u32::from_ne_bytes(*value)),
                _ => MetricValue::Name(payload),
            };
            f(ty, value);
            rest = rest
                .get(align4(attr_len).max(nla::HDRLEN)..)
                .unwrap_or_default();
        }
    }

    /// Writes the `RTA_METRICS` nest, unless empty.
    fn put(&self, b: &mut MessageBuilder<'_>) -> Result<(), Error> {
        if self.is_empty() {
            return Ok(());
        }
        let nest = b.nest_start(rta::METRICS)?;
        let mut result = Ok(());
        self.for_each(|ty, value| {
            if result.is_ok() {
                result = match value {
                    MetricValue::U32(value) => b.put_u32(ty, value).map(drop),
                    MetricValue::Name(name) => b.put(ty, name).map(drop),
                };
            }
        });
        result?;
        if self.lock != 0 {
            if self.room() < nla::HDRLEN + 4 {
                return Err(Error::InvalidValue { attr: rta::METRICS });
            }
            b.put_u32(rtax::LOCK, self.lock)?;
        }
        b.nest_end(nest)?;
        Ok(())
    }
}

/// A metric's value as [`Metrics::for_each`] gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MetricValue<'a> {
    /// A `u32` metric.
    U32(u32),
    /// `RTAX_CC_ALGO`'s name.
    Name(&'a [u8]),
}

impl Route<'_> {
    /// A route to `dst/dst_len` with nothing else set.
    pub const fn new(dst: IpAddr, dst_len: u8) -> Self {
        Route {
            dst,
            dst_len,
            gateway: None,
            metric: None,
            prefsrc: None,
            table: None,
            oif: None,
            protocol: None,
            scope: None,
            route_type: None,
            realms: None,
            pref: None,
            metrics: Metrics::new(),
            nexthops: &[],
        }
    }
}

/// One next hop of a multipath route: a `struct rtnexthop` and its `RTA_GATEWAY` (or
/// `RTA_VIA`), as `ip route add ... nexthop via GW dev DEV weight W` writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Nexthop {
    /// `via` of this hop: `RTA_GATEWAY` when of the route's family, else `RTA_VIA`.
    pub gateway: Option<IpAddr>,
    /// `rtnh_ifindex`: the output interface index, 0 for none.
    pub oif: u32,
    /// The weight, 1 to 256 (sent as `rtnh_hops`, one less). The default is 1.
    pub weight: u16,
    /// `rtnh_flags`: `RTNH_F_*` (`RTNH_F_ONLINK`).
    pub flags: u8,
}

impl Default for Nexthop {
    fn default() -> Self {
        Nexthop {
            gateway: None,
            oif: 0,
            weight: 1,
            flags: 0,
        }
    }
}

/// A route lookup (`ip route get ADDR [from ADDR] [iif DEV] [oif DEV] [mark M]`): which route
/// the kernel would use for a packet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RouteGet {
    /// `RTA_DST`: the destination address (a full-length prefix).
    pub dst: IpAddr,
    /// `RTA_SRC` (`from`): the source address, of the destination's family.
    pub src: Option<IpAddr>,
    /// `rtm_src_len` (`from ADDR/LEN`): `None` is the source's full length (0 without a
    /// source). `ip route get` sends the length its word gave; Linux's strict route-get check
    /// accepts only 0 without `RTA_SRC` and the full length with it.
    pub src_len: Option<u8>,
    /// `RTA_IIF`: pretend the packet came in on this interface.
    pub iif: Option<u32>,
    /// `RTA_OIF`: force the output interface.
    pub oif: Option<u32>,
    /// `RTA_MARK`: the firewall mark of the packet.
    pub mark: Option<u32>,
    /// `RTM_F_FIB_MATCH` (`fibmatch`): answer with the matching FIB entry instead of the
    /// resolved route.
    pub fib_match: bool,
    /// `rtm_tos` (`tos T`): the packet's type of service.
    pub tos: u8,
    /// `RTM_F_NOTIFY` (`notify`): the answer carries the flag back.
    pub notify: bool,
    /// `RTA_UID` (`uid N`): the socket owner the lookup is for.
    pub uid: Option<u32>,
    /// `RTA_IP_PROTO` (`ipproto P`): the packet's protocol, for multipath hashing and rules.
    pub ip_proto: Option<u8>,
    /// `RTA_SPORT` (`sport N`, sent big-endian): the packet's source port.
    pub sport: Option<u16>,
    /// `RTA_DPORT` (`dport N`, sent big-endian): the packet's destination port.
    pub dport: Option<u16>,
    /// `RTA_NEWDST` (`as [to] ADDR`), of the destination's family: the address the packet
    /// would be rewritten to. `ip route get ... as` sends it; Linux's strict route-get
    /// validation (`inet_rtm_valid_getroute_req()`, `inet6_rtm_valid_getroute_req()`) refuses
    /// the attribute ("Unsupported attribute in route get request").
    pub new_dst: Option<IpAddr>,
}

impl RouteGet {
    /// A lookup of `dst` with nothing else set.
    pub const fn new(dst: IpAddr) -> Self {
        RouteGet {
            dst,
            src: None,
            src_len: None,
            iif: None,
            oif: None,
            mark: None,
            fib_match: false,
            tos: 0,
            notify: false,
            uid: None,
            ip_proto: None,
            sport: None,
            dport: None,
            new_dst: None,
        }
    }
}

/// The filters of a route dump (`ip [-6] route show [table T] [proto P] [dev DEV]`).
///
/// `RouteDump::default()` is every route of every family in every table (`ip route show table
/// all`); `ip route show` is family `AF_INET` and table main.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct RouteDump {
    /// `rtm_family`: `AF_INET`, `AF_INET6`, or `AF_UNSPEC` (0) for both.
    pub family: u8,
    /// `RTA_TABLE`: only this table.
    pub table: Option<u32>,
    /// `rtm_protocol`: only routes installed by this protocol.
    pub protocol: Option<u8>,
    /// `RTA_OIF`: only routes through this interface.
    pub oif: Option<u32>,
    /// `rtm_flags |= RTM_F_CLONED`: the cached routes (IPv6 exceptions, IPv4 next-hop
    /// exceptions: `ip route show cache`) instead of the FIB's.
    pub cloned: bool,
}

/// Checks `address`, when there is one, has the family of `dst`.
fn check_family(dst: IpAddr, address: Option<IpAddr>, attr: u16) -> Result<(), Error> {
    match address {
        Some(address) if family_of(address) != family_of(dst) => Err(Error::InvalidValue { attr }),
        _ => Ok(()),
    }
}

/// The length of a next hop's entry of a route to `dst`: its header and its gateway.
fn nexthop_len(dst: IpAddr, nexthop: &Nexthop) -> usize {
    let gateway = match nexthop.gateway {
        Some(gateway) => align4(nla::HDRLEN.saturating_add(gateway_payload(dst, gateway).len)),
        None => 0,
    };
    RtNextHop::SIZE.saturating_add(gateway)
}

/// A gateway's attribute payload: the address bytes (`RTA_GATEWAY`), or for a gateway of
/// another family than the route's `dst`, `struct rtvia` (`RTA_VIA`: `rtvia_family`, then
/// the address), as `ip` writes `&addr.family` and `bytelen + 2` bytes.
struct GatewayPayload {
    /// `RTA_GATEWAY` or `RTA_VIA`.
    ty: u16,
    /// The payload's bytes, `len` of them used.
    bytes: [u8; 18],
    /// How many bytes of `bytes` are the payload.
    len: usize,
}

impl GatewayPayload {
    /// The payload.
    fn bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or(&[])
    }
}

/// The attribute a route to `dst` carries `gateway` in ([`GatewayPayload`]).
fn gateway_payload(dst: IpAddr, gateway: IpAddr) -> GatewayPayload {
    let mut bytes = [0u8; 18];
    let octets: &[u8] = match &gateway {
        IpAddr::V4(v4) => &v4.octets(),
        IpAddr::V6(v6) => &v6.octets(),
    };
    let (ty, start): (u16, usize) = if family_of(gateway) == family_of(dst) {
        (rta::GATEWAY, 0)
    } else {
        let (family, _) = bytes.split_at_mut(2);
        family.copy_from_slice(&u16::from(family_of(gateway)).to_ne_bytes());
        (rta::VIA, 2)
    };
    let len = start.saturating_add(octets.len());
    if let Some(slot) = bytes.get_mut(start..len) {
        slot.copy_from_slice(octets);
    }
    GatewayPayload { ty, bytes, len }
}

/// Writes the request of `ip route add|del`.
fn route_request<'b>(
    buf: &'b mut [u8],
    seq: u32,
    ty: u16,
    flags: u16,
    route: &Route<'_>,
) -> Result<MessageBuilder<'b>, Error> {
    let deleting = ty == rtm::DELROUTE;
    if route.dst_len > max_prefix(route.dst) {
        return Err(Error::InvalidValue { attr: rta::DST });
    }
    check_family(route.dst, route.prefsrc, rta::PREFSRC)?;
    for nexthop in route.nexthops {
        if !(1..=256).contains(&nexthop.weight) {
            return Err(Error::InvalidValue {
                attr: rta::MULTIPATH,
            });
        }
        ifindex(nexthop.oif)?;
    }
    let route_type = match route.route_type {
        Some(route_type) => route_type,
        None if deleting => rtn::UNSPEC,
        None => rtn::UNICAST,
    };
    let table = route.table.unwrap_or(match route_type {
        rtn::LOCAL | rtn::BROADCAST | rtn::NAT | rtn::ANYCAST => rt_table::LOCAL,
        _ => rt_table::MAIN,
    });
    let (header_table, table_attr) = match u8::try_from(table) {
        Ok(small) => (small, None),
        Err(_) => (0, Some(table)),
    };
    let protocol = match route.protocol {
        Some(protocol) => protocol,
        None if deleting => rtprot::UNSPEC,
        None => rtprot::BOOT,
    };
    let scope = match route.scope {
        Some(scope) => scope,
        None => match (route.dst, route_type) {
            (IpAddr::V6(_), _) => rt_scope::UNIVERSE,
            (_, rtn::LOCAL | rtn::NAT) => rt_scope::HOST,
            (_, rtn::BROADCAST | rtn::MULTICAST | rtn::ANYCAST) => rt_scope::LINK,
            _ if deleting => rt_scope::NOWHERE,
            (_, rtn::UNICAST | rtn::UNSPEC)
                if route.gateway.is_none() && route.nexthops.is_empty() =>
            {
                rt_scope::LINK
            }
            _ => rt_scope::UNIVERSE,
        },
    };

    let mut b = MessageBuilder::new(buf, ty, flags, seq)?;
    b.header(&RtMsg {
        rtm_family: family_of(route.dst),
        rtm_dst_len: route.dst_len,
        rtm_table: header_table,
        rtm_protocol: protocol,
        rtm_scope: scope,
        rtm_type: route_type,
        ..RtMsg::default()
    })?;
    if route.dst_len > 0 {
        b.put_ip(rta::DST, route.dst)?;
    }
    if let Some(gateway) = route.gateway {
        let payload = gateway_payload(route.dst, gateway);
        b.put(payload.ty, payload.bytes())?;
    }
    if let Some(metric) = route.metric {
        b.put_u32(rta::PRIORITY, metric)?;
    }
    if let Some(prefsrc) = route.prefsrc {
        b.put_ip(rta::PREFSRC, prefsrc)?;
    }
    if let Some(table) = table_attr {
        b.put_u32(rta::TABLE, table)?;
    }
    if let Some(realms) = route.realms {
        b.put_u32(rta::FLOW, realms)?;
    }
    if let Some(pref) = route.pref {
        b.put_u8(rta::PREF, pref)?;
    }
    if let Some(oif) = route.oif {
        b.put_u32(rta::OIF, oif)?;
    }
    route.metrics.put(&mut b)?;
    if !route.nexthops.is_empty() {
        let multipath = b.nest_start(rta::MULTIPATH)?;
        for nexthop in route.nexthops {
            put_nexthop(&mut b, route.dst, nexthop)?;
        }
        b.nest_end(multipath)?;
    }
    Ok(b)
}

/// Appends one `struct rtnexthop` of a route to `dst` and its `RTA_GATEWAY` or `RTA_VIA`.
fn put_nexthop(b: &mut MessageBuilder<'_>, dst: IpAddr, nexthop: &Nexthop) -> Result<(), Error> {
    let len = u16::try_from(nexthop_len(dst, nexthop)).map_err(|_| Error::InvalidValue {
        attr: rta::MULTIPATH,
    })?;
    // Checked to be 1..=256 by the caller, so the hop count fits.
    let hops = u8::try_from(nexthop.weight.saturating_sub(1)).map_err(|_| Error::InvalidValue {
        attr: rta::MULTIPATH,
    })?;
    b.header(&RtNextHop {
        rtnh_len: len.into(),
        rtnh_flags: nexthop.flags,
        rtnh_hops: hops,
        rtnh_ifindex: ifindex(nexthop.oif)?.into(),
    })?;
    if let Some(gateway) = nexthop.gateway {
        let payload = gateway_payload(dst, gateway);
        b.put(payload.ty, payload.bytes())?;
    }
    Ok(())
}

/// Writes `RTM_NEWROUTE`: adds a route (`ip route add|replace|change|append|prepend`).
///
/// Flags `NLM_F_REQUEST | NLM_F_ACK` and the `mode`'s (`NLM_F_CREATE | NLM_F_EXCL` for add).
/// `struct rtmsg` has the destination's family and prefix length, the table (below 256), the
/// protocol, scope and type. Attributes in this order: `RTA_DST`, `RTA_GATEWAY` (`RTA_VIA`
/// for a gateway of the other family), `RTA_PRIORITY`, `RTA_PREFSRC`, `RTA_TABLE` (256 and
/// above), `RTA_FLOW`, `RTA_PREF`, `RTA_OIF`, `RTA_METRICS` (the metrics in the order added,
/// then `RTAX_LOCK`), `RTA_MULTIPATH` (one `struct rtnexthop` and `RTA_GATEWAY` or `RTA_VIA`
/// per hop).
///
/// # Errors
///
/// [`Error::InvalidValue`] for a prefix longer than the family's (`RTA_DST`), a preferred
/// source of the other family (`RTA_PREFSRC`), a next hop weight outside 1 to
/// 256 (`RTA_MULTIPATH`) or index above `i32::MAX` (attr 0); [`Error::BufferFull`] when `buf`
/// is too small.
pub fn route_new<'b>(
    buf: &'b mut [u8],
    seq: u32,
    mode: NewMode,
    route: &Route<'_>,
) -> Result<MessageBuilder<'b>, Error> {
    route_request(buf, seq, rtm::NEWROUTE, REQUEST_ACK | mode.flags(), route)
}

/// Writes `RTM_DELROUTE`: removes a route (`ip route del`).
///
/// Flags `NLM_F_REQUEST | NLM_F_ACK`; the header and attributes of [`route_new`] with the
/// defaults of a delete: protocol and type unspecified (match any), scope nowhere.
///
/// # Errors
///
/// As [`route_new`].
pub fn route_del<'b>(
    buf: &'b mut [u8],
    seq: u32,
    route: &Route<'_>,
) -> Result<MessageBuilder<'b>, Error> {
    route_request(buf, seq, rtm::DELROUTE, REQUEST_ACK, route)
}

/// Writes `RTM_GETROUTE` for one destination: a route lookup (`ip route get`).
///
/// Flags `NLM_F_REQUEST`: the kernel answers with one `RTM_NEWROUTE`. `struct rtmsg` has the
/// destination's family, full-length `rtm_dst_len` (and `rtm_src_len` with a source, unless
/// [`RouteGet::src_len`] says otherwise), and
/// `rtm_flags` `RTM_F_LOOKUP_TABLE` for IPv4 (so the answer names the table; IPv6 has no such
/// flag and always does, so `ip` leaves it out there) plus `RTM_F_FIB_MATCH` and
/// `RTM_F_NOTIFY` when asked, and `rtm_tos`. Attributes in this order: `RTA_DST`, `RTA_SRC`,
/// `RTA_NEWDST`, `RTA_IIF`, `RTA_OIF`, `RTA_MARK`, `RTA_UID`, `RTA_IP_PROTO`, `RTA_SPORT`,
/// `RTA_DPORT`.
///
/// # Errors
///
/// [`Error::InvalidValue`] for a source or new destination of the other family (`RTA_SRC`,
/// `RTA_NEWDST`);
/// [`Error::BufferFull`] when `buf` is too small.
pub fn route_get<'b>(
    buf: &'b mut [u8],
    seq: u32,
    get: &RouteGet,
) -> Result<MessageBuilder<'b>, Error> {
    check_family(get.dst, get.src, rta::SRC)?;
    check_family(get.dst, get.new_dst, rta::NEWDST)?;
    let mut flags = match get.dst {
        IpAddr::V4(_) => rtm_f::LOOKUP_TABLE,
        IpAddr::V6(_) => 0,
    };
    if get.fib_match {
        flags |= rtm_f::FIB_MATCH;
    }
    if get.notify {
        flags |= rtm_f::NOTIFY;
    }
    let mut b = MessageBuilder::new(buf, rtm::GETROUTE, nlm_f::REQUEST, seq)?;
    b.header(&RtMsg {
        rtm_family: family_of(get.dst),
        rtm_dst_len: max_prefix(get.dst),
        rtm_src_len: get.src_len.unwrap_or(get.src.map_or(0, max_prefix)),
        rtm_tos: get.tos,
        rtm_flags: flags.into(),
        ..RtMsg::default()
    })?;
    b.put_ip(rta::DST, get.dst)?;
    if let Some(src) = get.src {
        b.put_ip(rta::SRC, src)?;
    }
    if let Some(new_dst) = get.new_dst {
        b.put_ip(rta::NEWDST, new_dst)?;
    }
    for (attr, value) in [
        (rta::IIF, get.iif),
        (rta::OIF, get.oif),
        (rta::MARK, get.mark),
    ] {
        if let Some(value) = value {
            b.put_u32(attr, value)?;
        }
    }
    if let Some(uid) = get.uid {
        b.put_u32(rta::UID, uid)?;
    }
    if let Some(proto) = get.ip_proto {
        b.put_u8(rta::IP_PROTO, proto)?;
    }
    for (attr, port) in [(rta::SPORT, get.sport), (rta::DPORT, get.dport)] {
        if let Some(port) = port {
            b.put_be16(attr, port)?;
        }
    }
    Ok(b)
}

/// Writes `RTM_GETROUTE` with `NLM_F_DUMP`: the routes the filters keep (`ip route show`).
///
/// Flags `NLM_F_REQUEST | NLM_F_DUMP`. `struct rtmsg` is zero but for the family and the
/// protocol; then `RTA_TABLE` and `RTA_OIF`. The kernel filters on them only on a socket with
/// `NETLINK_GET_STRICT_CHK`, and then says so with `NLM_F_DUMP_FILTERED`; `ip` filters again
/// itself.
///
/// # Errors
///
/// [`Error::BufferFull`] when `buf` is too small.
pub fn route_dump<'b>(
    buf: &'b mut [u8],
    seq: u32,
    dump: &RouteDump,
) -> Result<MessageBuilder<'b>, Error> {
    let mut b = MessageBuilder::new(buf, rtm::GETROUTE, REQUEST_DUMP, seq)?;
    b.header(&RtMsg {
        rtm_family: dump.family,
        rtm_protocol: dump.protocol.unwrap_or(0),
        rtm_flags: if dump.cloned { rtm_f::CLONED } else { 0 }.into(),
        ..RtMsg::default()
    })?;
    if let Some(table) = dump.table {
        b.put_u32(rta::TABLE, table)?;
    }
    if let Some(oif) = dump.oif {
        b.put_u32(rta::OIF, oif)?;
    }
    Ok(b)
}

impl Dump for RouteDump {
    type Reply<'a> = RouteMessage<'a>;

    fn write<'b>(&self, buf: &'b mut [u8], seq: u32) -> Result<MessageBuilder<'b>, Error> {
        route_dump(buf, seq, self)
    }
}
