//! Routes: `ip route add / replace / del / show / get`.
//!
//! A route is described by a [`RouteSpec`] (a destination [`IpPrefix`] and what `ip
//! route add` accepts after it, next hops of a multipath route as [`NexthopSpec`]s), sent with
//! [`Handle::route_add`], [`Handle::route_replace`] or [`Handle::route_del`].
//! [`Handle::routes`] and [`Handle::for_each_route`] read the tables back, filtered by a
//! [`RouteFilter`]; [`Handle::route_get`] asks the kernel which route a packet would take.
//!
//! ```no_run
//! use rtnl_ip::{Family, Handle, RouteFilter, RouteSpec};
//!
//! let mut handle = Handle::new()?;
//! let default = RouteSpec::default_route(Family::V4).via("192.0.2.254".parse().unwrap());
//! handle.route_add(&default)?;
//! for route in handle.routes(&RouteFilter::new().family(Family::V4))? {
//!     println!("{:?}/{} via {:?}", route.dst, route.dst_len, route.gateway);
//! }
//! let used = handle.route_get("198.51.100.7".parse().unwrap())?;
//! println!("through {:?} from {:?}", used.oif, used.prefsrc);
//! # Ok::<(), rtnl_ip::Error>(())
//! ```

use std::fmt;
use std::net::IpAddr;

use rtnl_codec::request::{self, NewMode, RouteDump, RouteGet};
use rtnl_codec::{MessageBuilder, RouteMessage, af, nlm_f, rt_table, rtm, rtm_f, rtn, rtnh_f, rtnlgrp};

use crate::monitor::{Group, MonitorFamily, MonitorGroups};
use crate::dump::{DumpRow, Select};
use crate::error::Result;
use crate::handle::Handle;
use crate::model::Route;
use crate::names;
use crate::vocab::{Family, IpPrefix, LinkRef};

/// One next hop of a multipath route, as `ip route add ... nexthop via GW dev DEV weight W
/// [onlink]` describes it: the codec's [`request::Nexthop`] and its device, resolved to the
/// hop's `rtnh_ifindex` when the route is sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct NexthopSpec<'a> {
    /// `dev DEV`: the output device.
    pub dev: Option<LinkRef<'a>>,
    /// The hop: `gateway` (`via GW`: `RTA_GATEWAY`, or `RTA_VIA` for an address of the
    /// other family), `weight` (1 to 256, default 1:
    /// the share of flows this hop takes), `flags` (`RTNH_F_ONLINK`); its `oif` is filled in
    /// from `dev`.
    pub hop: request::Nexthop,
}

impl<'a> NexthopSpec<'a> {
    /// A hop with nothing set (weight 1).
    pub fn new() -> Self {
        Self::default()
    }

    /// `via GW` (`RTA_GATEWAY`); `via inet6 GW` of an IPv4 route (`RTA_VIA`) when `gateway`
    /// is of the other family.
    pub fn via(mut self, gateway: IpAddr) -> Self {
        self.hop.gateway = Some(gateway);
        self
    }

    /// `dev DEV`.
    pub fn dev(mut self, dev: impl Into<LinkRef<'a>>) -> Self {
        self.dev = Some(dev.into());
        self
    }

    /// `weight W` (1 to 256).
    pub fn weight(mut self, weight: u16) -> Self {
        self.hop.weight = weight;
        self
    }

    /// `onlink`: the gateway is on the link even if no prefix says so (`RTNH_F_ONLINK`).
    pub fn onlink(mut self) -> Self {
        self.hop.flags |= rtnh_f::ONLINK;
        self
    }
}

/// A route to add, replace or delete, as `ip route add [TYPE] DST [via GW] [dev DEV] [src
/// ADDR] [table T] [metric M] [proto P] [scope S] [nexthop ...]` describes it: the codec's
/// [`request::Route`], with the devices the library resolves to indexes (`RTA_OIF`, each
/// hop's `rtnh_ifindex`) when it sends it.
///
/// Made with [`RouteSpec::new`] or [`RouteSpec::default_route`] and the builder methods; the
/// fields are public to read and adjust. What is left `None` gets `ip`'s defaults, which differ
/// between adding (table main, protocol boot, type unicast, scope link without a gateway else
/// global) and deleting (match any).
///
/// ```
/// use rtnl_ip::{NexthopSpec, RouteSpec};
/// use rtnl_ip::codec::rtprot;
///
/// let multipath = RouteSpec::new("203.0.113.0/24".parse()?)
///     .nexthop(NexthopSpec::new().via("192.0.2.2".parse().unwrap()).dev("v0").weight(1))
///     .nexthop(NexthopSpec::new().via("198.51.100.2".parse().unwrap()).dev("v2").weight(3))
///     .protocol(rtprot::STATIC)
///     .table(1000);
/// assert_eq!(multipath.to_string(), "203.0.113.0/24 table 1000");
/// # Ok::<(), rtnl_ip::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RouteSpec<'a> {
    /// `dev DEV` (`RTA_OIF` once resolved).
    pub dev: Option<LinkRef<'a>>,
    /// `nexthop ...` (`RTA_MULTIPATH`): the hops of a multipath route.
    pub nexthops: Vec<NexthopSpec<'a>>,
    /// The request: `dst`/`dst_len`, `gateway` (`via`), `metric`, `prefsrc` (`src`), `table`
    /// (any id; `None`: main, or local for local, broadcast, nat and anycast routes),
    /// `protocol` (`RTPROT_*`), `scope` (`RT_SCOPE_*`), `route_type` (`RTN_*`). Its `oif` and
    /// `nexthops` are filled in from `dev` and `nexthops` when it is sent.
    pub request: request::Route<'static>,
}

impl<'a> RouteSpec<'a> {
    /// A route to `dst`, with nothing else set.
    pub fn new(dst: IpPrefix) -> Self {
        RouteSpec {
            dev: None,
            nexthops: Vec::new(),
            request: request::Route::new(dst.addr(), dst.prefix_len()),
        }
    }

    /// `default`: a route to `0.0.0.0/0` or `::/0`.
    pub fn default_route(family: Family) -> Self {
        RouteSpec::new(IpPrefix::default_route(family))
    }

    /// The destination.
    pub fn dst(&self) -> IpPrefix {
        IpPrefix::new(self.request.dst, self.request.dst_len)
            .unwrap_or(IpPrefix::host(self.request.dst))
    }

    /// `via GW` (`RTA_GATEWAY`); a gateway of the other family goes in `RTA_VIA` (RFC 5549:
    /// `via inet6 GW` of an IPv4 route).
    pub fn via(mut self, gateway: IpAddr) -> Self {
        self.request.gateway = Some(gateway);
        self
    }

    /// `dev DEV`.
    pub fn dev(mut self, dev: impl Into<LinkRef<'a>>) -> Self {
        self.dev = Some(dev.into());
        self
    }

    /// `table T`.
    pub fn table(mut self, table: u32) -> Self {
        self.request.table = Some(table);
        self
    }

    /// `metric M`.
    pub fn metric(mut self, metric: u32) -> Self {
        self.request.metric = Some(metric);
        self
    }

    /// `proto P` (`RTPROT_*`, [`names::parse_protocol`] reads `static`, `boot`, ...).
    pub fn protocol(mut self, protocol: u8) -> Self {
        self.request.protocol = Some(protocol);
        self
    }

    /// `scope S` (`RT_SCOPE_*`).
    pub fn scope(mut self, scope: u8) -> Self {
        self.request.scope = Some(scope);
        self
    }

    /// The route type (`RTN_*`: unicast, local, blackhole, unreachable, prohibit, throw, ...;
    /// [`names::parse_route_type`] reads the words).
    pub fn route_type(mut self, route_type: u8) -> Self {
        self.request.route_type = Some(route_type);
        self
    }

    /// `blackhole`: packets are dropped silently.
    pub fn blackhole(self) -> Self {
        self.route_type(rtn::BLACKHOLE)
    }

    /// `unreachable`: packets are dropped with ICMP host unreachable, and local senders get
    /// `EHOSTUNREACH`.
    pub fn unreachable(self) -> Self {
        self.route_type(rtn::UNREACHABLE)
    }

    /// `prohibit`: packets are dropped with ICMP administratively prohibited (`EACCES`).
    pub fn prohibit(self) -> Self {
        self.route_type(rtn::PROHIBIT)
    }

    /// `src ADDR` (`RTA_PREFSRC`): the source address preferred for packets this route sends.
    pub fn src(mut self, prefsrc: IpAddr) -> Self {
        self.request.prefsrc = Some(prefsrc);
        self
    }

    /// Adds a `nexthop` of a multipath route.
    pub fn nexthop(mut self, nexthop: NexthopSpec<'a>) -> Self {
        self.nexthops.push(nexthop);
        self
    }
}

/// `[TYPE] DST [via GW] [dev DEV] [table T] [metric M]`: how errors name the route.
impl fmt::Display for RouteSpec<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = &self.request;
        if let Some(ty) = r.route_type.filter(|&ty| ty != rtn::UNICAST) {
            write!(f, "{} ", names::route_type(ty))?;
        }
        if r.dst_len == 0 {
            f.write_str("default")?;
        } else {
            write!(f, "{}/{}", r.dst, r.dst_len)?;
        }
        if let Some(gateway) = r.gateway {
            // A gateway of the other family is named with it, as ip's `via inet6 GW` reads.
            let other = match (gateway, r.dst) {
                (IpAddr::V4(_), IpAddr::V6(_)) => "inet ",
                (IpAddr::V6(_), IpAddr::V4(_)) => "inet6 ",
                _ => "",
            };
            write!(f, " via {other}{gateway}")?;
        }
        if let Some(dev) = &self.dev {
            write!(f, " dev {dev}")?;
        }
        if let Some(table) = r.table {
            write!(f, " table {}", names::table(table))?;
        }
        if let Some(metric) = r.metric {
            write!(f, " metric {metric}")?;
        }
        Ok(())
    }
}

/// Which routes [`Handle::routes`] and [`Handle::for_each_route`] report, as `ip [-4|-6] route
/// show [table T|all] [proto P] [type TYPE] [dev DEV]` selects them: the codec's
/// [`RouteDump`] (family, table, protocol), the device (resolved to the dump's `RTA_OIF`) and
/// the type, which the kernel does not filter on.
///
/// The default is `ip route show`'s: table main, but of both families. The kernel filters on
/// family, table, protocol and device; every filter is applied here too (a kernel without
/// strict checking ignores them).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RouteFilter<'a> {
    /// The dump: `family` (`AF_UNSPEC`: both), `table` (`None`: every table, local included),
    /// `protocol` (`RTPROT_*`); its `oif` is filled in from `dev`.
    pub dump: RouteDump,
    /// Only routes through this device (its `RTA_OIF`, or one of its next hops).
    pub dev: Option<LinkRef<'a>>,
    /// Only routes of this type (`RTN_*`).
    pub route_type: Option<u8>,
}

impl Default for RouteFilter<'_> {
    fn default() -> Self {
        RouteFilter {
            dump: RouteDump {
                table: Some(rt_table::MAIN),
                ..RouteDump::default()
            },
            dev: None,
            route_type: None,
        }
    }
}

impl<'a> RouteFilter<'a> {
    /// The routes of table main.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only the routes of `family`.
    pub fn family(mut self, family: Family) -> Self {
        self.dump.family = family.af();
        self
    }

    /// Only the routes of table `table`.
    pub fn table(mut self, table: u32) -> Self {
        self.dump.table = Some(table);
        self
    }

    /// The routes of every table (`table all`).
    pub fn all_tables(mut self) -> Self {
        self.dump.table = None;
        self
    }

    /// Only the routes through `dev`.
    pub fn dev(mut self, dev: impl Into<LinkRef<'a>>) -> Self {
        self.dev = Some(dev.into());
        self
    }

    /// Only the routes installed by `protocol`.
    pub fn protocol(mut self, protocol: u8) -> Self {
        self.dump.protocol = Some(protocol);
        self
    }

    /// Only the routes of type `route_type`.
    pub fn route_type(mut self, route_type: u8) -> Self {
        self.route_type = Some(route_type);
        self
    }

    /// The cached routes (`RTM_F_CLONED`: IPv6 exceptions such as a learnt path MTU, IPv4
    /// next-hop exceptions) instead of the FIB's, as `ip route show cache` lists them.
    pub fn cloned(mut self) -> Self {
        self.dump.cloned = true;
        self
    }

    /// Whether `m` passes the filters, `oif` being the resolved device.
    fn keeps(&self, oif: Option<u32>, m: &RouteMessage<'_>) -> bool {
        let dump = &self.dump;
        (dump.family == af::UNSPEC || dump.family == m.family())
            && dump.table.is_none_or(|table| m.table() == table)
            && dump
                .protocol
                .is_none_or(|protocol| m.protocol() == protocol)
            && self.route_type.is_none_or(|ty| m.route_type() == ty)
            && (m.flags() & rtm_f::CLONED != 0) == dump.cloned
            && oif.is_none_or(|oif| {
                m.oif() == Some(oif)
                    || m.multipath()
                        .into_iter()
                        .flatten()
                        .map_while(core::result::Result::ok)
                        .any(|hop| hop.ifindex() == oif)
            })
    }
}

impl Select for RouteFilter<'_> {
    type Dump = RouteDump;

    /// A dump the kernel filters by family, table, protocol and device; filtered again here,
    /// as `ip` does, for kernels without strict checking.
    fn rows(
        &self,
        handle: &mut Handle,
        mut on: impl FnMut(DumpRow<'_, RouteMessage<'_>>),
    ) -> Result<()> {
        self.rows_dyn(handle, &mut on)
    }
}

impl RouteFilter<'_> {
    /// [`Select::rows`] with `on` as a trait object: the query is compiled once, not once per
    /// caller.
    fn rows_dyn(
        &self,
        handle: &mut Handle,
        on: &mut dyn FnMut(DumpRow<'_, RouteMessage<'_>>),
    ) -> Result<()> {
        const OP: &str = "show routes";
        let oif = match &self.dev {
            Some(dev) => Some(handle.resolve_index_for(OP, *dev)?),
            None => self.dump.oif,
        };
        let dump = RouteDump { oif, ..self.dump };
        handle.dump_rows(OP, &dump, &mut |row| match row {
            DumpRow::View(m) if !self.keeps(oif, m) => {}
            row => on(row),
        })
    }
}

/// A route lookup, as `ip route get DST [from SRC] [iif DEV] [oif DEV] [mark M] [fibmatch]`
/// describes it: which route the kernel would use for a packet. The codec's [`RouteGet`]
/// (destination, source, mark, `fibmatch`), plus the devices the library resolves to indexes.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RouteQuery<'a> {
    /// The `RTM_GETROUTE` request; its `iif`/`oif` indexes are replaced by [`RouteQuery::iif`]
    /// and [`RouteQuery::oif`] when those are set.
    pub request: RouteGet,
    /// `iif DEV`: the packet came in on this device (a forwarding decision).
    pub iif: Option<LinkRef<'a>>,
    /// `oif DEV`: force this output device.
    pub oif: Option<LinkRef<'a>>,
}

impl<'a> RouteQuery<'a> {
    /// A lookup of `dst`.
    pub fn new(dst: IpAddr) -> Self {
        RouteQuery {
            request: RouteGet::new(dst),
            iif: None,
            oif: None,
        }
    }

    /// `from SRC`.
    pub fn from(mut self, src: IpAddr) -> Self {
        self.request.src = Some(src);
        self
    }

    /// `iif DEV`.
    pub fn iif(mut self, dev: impl Into<LinkRef<'a>>) -> Self {
        self.iif = Some(dev.into());
        self
    }

    /// `oif DEV`.
    pub fn oif(mut self, dev: impl Into<LinkRef<'a>>) -> Self {
        self.oif = Some(dev.into());
        self
    }

    /// `mark M`.
    pub fn mark(mut self, mark: u32) -> Self {
        self.request.mark = Some(mark);
        self
    }

    /// `fibmatch`.
    pub fn fib_match(mut self) -> Self {
        self.request.fib_match = true;
        self
    }
}

impl Handle {
    /// `RTM_NEWROUTE` with `NLM_F_CREATE | NLM_F_EXCL`: adds a route, like `ip route add`.
    ///
    /// # Errors
    /// `EEXIST` when the table has that route already; `ENETUNREACH` (`Error: Nexthop has
    /// invalid gateway.`) when no route reaches the gateway; [`ErrorKind::NotFound`] for an
    /// unknown device; [`ErrorKind::Request`] for a request the kernel would refuse (a
    /// source of the other family, a weight outside 1 to 256); a gateway of the other family
    /// is sent as `RTA_VIA`.
    ///
    /// [`ErrorKind::NotFound`]: crate::ErrorKind::NotFound
    /// [`ErrorKind::Request`]: crate::ErrorKind::Request
    pub fn route_add(&mut self, spec: &RouteSpec<'_>) -> Result<()> {
        self.route_new("add route", NewMode::Add, spec)
    }

    /// `RTM_NEWROUTE` with `NLM_F_CREATE | NLM_F_REPLACE`: adds a route or replaces the one
    /// with the same destination, table, metric (and, for IPv4, type of service), like `ip
    /// route replace`.
    ///
    /// # Errors
    /// As [`Handle::route_add`], but an existing route is no error.
    pub fn route_replace(&mut self, spec: &RouteSpec<'_>) -> Result<()> {
        self.route_new("replace route", NewMode::Replace, spec)
    }

    /// `RTM_NEWROUTE` with the flags of `mode`: `ip route change` ([`NewMode::Change`],
    /// `NLM_F_REPLACE`: `ENOENT` when no route matches), `append` ([`NewMode::Append`]: after
    /// the routes to the same destination), `prepend` ([`NewMode::Prepend`]), or add and
    /// replace as [`Handle::route_add`] and [`Handle::route_replace`].
    ///
    /// # Errors
    /// As [`Handle::route_add`].
    pub fn route_new_mode(&mut self, mode: NewMode, spec: &RouteSpec<'_>) -> Result<()> {
        let op = match mode {
            NewMode::Add => "add route",
            NewMode::Replace => "replace route",
            NewMode::Change => "change route",
            NewMode::Append => "append route",
            NewMode::Prepend => "prepend route",
        };
        self.route_new(op, mode, spec)
    }

    fn route_new(&mut self, op: &'static str, mode: NewMode, spec: &RouteSpec<'_>) -> Result<()> {
        let (oif, hops) = self.resolve_route_devs(op, spec)?;
        let route = route_request(spec, oif, &hops);
        self.ack(op, spec, |buf| request::route_new(buf, 0, mode, &route))
    }

    /// `RTM_DELROUTE`: removes a route, like `ip route del`. What `spec` leaves `None` matches
    /// any route (protocol, type, scope, gateway, metric), the first one found is deleted.
    ///
    /// # Errors
    /// `ESRCH` (`RTNETLINK answers: No such process`) when no route matches;
    /// [`ErrorKind::NotFound`](crate::ErrorKind::NotFound) for an unknown device.
    pub fn route_del(&mut self, spec: &RouteSpec<'_>) -> Result<()> {
        const OP: &str = "delete route";
        let (oif, hops) = self.resolve_route_devs(OP, spec)?;
        let route = route_request(spec, oif, &hops);
        self.ack(OP, spec, |buf| request::route_del(buf, 0, &route))
    }

    /// `RTM_DELROUTE` carrying route `m` as the kernel dumped it: its `struct rtmsg` (flags
    /// included) and every attribute, which is what `ip route flush` sends back for each route
    /// it deletes. For an IPv6 cached route (`RTM_F_CLONED`: an exception, a learnt path MTU)
    /// the flag has the kernel delete the exception, not the route it hangs from.
    ///
    /// # Errors
    /// `ESRCH` when the route is gone already; an error of [`Error::op`](crate::Error::op)
    /// [`Handle::ROUTE_FLUSH_OP`], with the destination as its object.
    pub fn route_del_message(&mut self, m: &RouteMessage<'_>) -> Result<()> {
        let object = match m.dst() {
            Some(dst) => format!("{dst}/{}", m.dst_len()),
            None => "default".to_owned(),
        };
        let attrs = m.attrs();
        let header = *m.header();
        self.ack(Self::ROUTE_FLUSH_OP, object, |buf| {
            let mut b = MessageBuilder::new(buf, rtm::DELROUTE, nlm_f::REQUEST | nlm_f::ACK, 0)?;
            b.header(&header)?;
            for attr in attrs {
                let attr = attr?;
                b.put(attr.raw_type(), attr.payload())?;
            }
            Ok(b)
        })
    }

    /// The [`Error::op`](crate::Error::op) of a deletion [`Handle::route_del_message`] sent and
    /// the kernel refused (`ip route flush`'s `Failed to send flush request`).
    pub const ROUTE_FLUSH_OP: &'static str = "flush routes";

    /// Resolves the devices a route names: its own and its next hops'.
    fn resolve_route_devs(
        &mut self,
        op: &'static str,
        spec: &RouteSpec<'_>,
    ) -> Result<(Option<u32>, Vec<request::Nexthop>)> {
        let oif = match spec.dev {
            Some(dev) => Some(self.resolve_index_for(op, dev)?),
            None => None,
        };
        let mut hops = Vec::with_capacity(spec.nexthops.len());
        for hop in &spec.nexthops {
            let oif = match hop.dev {
                Some(dev) => self.resolve_index_for(op, dev)?,
                None => hop.hop.oif,
            };
            hops.push(request::Nexthop { oif, ..hop.hop });
        }
        Ok((oif, hops))
    }

    /// `RTM_GETROUTE` dump: the routes `filter` keeps, like `ip route show`.
    ///
    /// # Errors
    /// [`ErrorKind::NotFound`](crate::ErrorKind::NotFound) when `filter.dev` names no device;
    /// a failed dump, among them the kernel's `FIB table does not exist` (`ENOENT`) for a
    /// `filter.table` no route of `filter.family` was ever added to, as `ip route show table T`
    /// reports it (a table is made with its first route), rather than an empty list that would
    /// hide a mistyped table id. Asked of both families at once, the kernel answers such a
    /// table with no routes and no error.
    pub fn routes(&mut self, filter: &RouteFilter<'_>) -> Result<Vec<Route>> {
        self.select_owned(filter)
    }

    /// `RTM_GETROUTE` dump: calls `f` with each route `filter` keeps, borrowed from the
    /// receive buffer, so a table of any size needs no memory of its own.
    ///
    /// When the kernel reports the dump inconsistent (a route changed while it was being read,
    /// `NLM_F_DUMP_INTR`), the dump starts over and `f` sees the routes again from the first;
    /// after a few attempts the error is returned.
    ///
    /// # Errors
    /// As [`Handle::routes`].
    pub fn for_each_route(
        &mut self,
        filter: &RouteFilter<'_>,
        f: impl FnMut(&RouteMessage<'_>),
    ) -> Result<()> {
        self.select_each(filter, f)
    }

    /// `RTM_GETROUTE` for one address: the route the kernel would use to send a packet to
    /// `dst`, like `ip route get DST`: its output device (`oif`), gateway, preferred source
    /// (`prefsrc`) and table.
    ///
    /// # Errors
    /// `ENETUNREACH` (`RTNETLINK answers: Network is unreachable`) when no route matches.
    pub fn route_get(&mut self, dst: IpAddr) -> Result<Route> {
        self.route_lookup(&RouteQuery::new(dst))
    }

    /// `RTM_GETROUTE` for one packet: [`Handle::route_get`] with a source, input or output
    /// device and mark, like `ip route get DST from SRC iif DEV oif DEV mark M [fibmatch]`.
    ///
    /// # Errors
    /// As [`Handle::route_get`]; [`ErrorKind::NotFound`](crate::ErrorKind::NotFound) for an
    /// unknown device.
    pub fn route_lookup(&mut self, query: &RouteQuery<'_>) -> Result<Route> {
        self.route_lookup_with(query, Route::from_message)
    }

    /// [`Handle::route_lookup`] that hands the kernel's answer to `read` as the codec's view,
    /// for what [`Route`] does not keep (`RTA_SRC`, `RTA_UID`, `ip route get` prints them).
    ///
    /// # Errors
    /// As [`Handle::route_lookup`].
    pub fn route_lookup_with<R>(
        &mut self,
        query: &RouteQuery<'_>,
        read: impl FnOnce(&RouteMessage<'_>) -> R,
    ) -> Result<R> {
        const OP: &str = "get route";
        let mut get = query.request;
        if let Some(dev) = query.iif {
            get.iif = Some(self.resolve_index_for(OP, dev)?);
        }
        if let Some(dev) = query.oif {
            get.oif = Some(self.resolve_index_for(OP, dev)?);
        }
        self.get(
            OP,
            get.dst,
            |buf| request::route_get(buf, 0, &get),
            |reply| RouteMessage::parse(reply).map(|m| read(&m)),
        )
    }
}

/// The codec's request for `spec`, its devices resolved.
fn route_request<'h>(
    spec: &RouteSpec<'_>,
    oif: Option<u32>,
    hops: &'h [request::Nexthop],
) -> request::Route<'h> {
    request::Route {
        oif: oif.or(spec.request.oif),
        nexthops: hops,
        ..spec.request
    }
}

impl MonitorGroups {
    /// `RTNLGRP_IPV4_ROUTE`: IPv4 routes of every table (`RTM_NEWROUTE`, `RTM_DELROUTE`).
    pub const IPV4_ROUTE: Self = Self::bit(3);
    /// `RTNLGRP_IPV6_ROUTE`: IPv6 routes of every table.
    pub const IPV6_ROUTE: Self = Self::bit(4);
    /// IPv4 and IPv6 routes.
    pub const ROUTE: Self = Self::IPV4_ROUTE.or(Self::IPV6_ROUTE);
}

/// `ip monitor route`: a group per address family, each dumping the routes of every table
/// (the local table too, as the route events cover it) in a resync.
impl MonitorFamily for RouteMessage<'_> {
    const OBJECT: &'static str = "route";
    const GROUPS: &'static [Group] = &[
        Group {
            flag: MonitorGroups::IPV4_ROUTE,
            name: "IPV4_ROUTE",
            rtnlgrp: rtnlgrp::IPV4_ROUTE,
            family: Some(af::INET),
            resync: |m, f| m.resync_dump("dump routes", &every_route(af::INET), f),
        },
        Group {
            flag: MonitorGroups::IPV6_ROUTE,
            name: "IPV6_ROUTE",
            rtnlgrp: rtnlgrp::IPV6_ROUTE,
            family: Some(af::INET6),
            resync: |m, f| m.resync_dump("dump routes", &every_route(af::INET6), f),
        },
    ];
}

/// Every route of `family`, in every table.
fn every_route(family: u8) -> RouteDump {
    RouteDump {
        family,
        ..RouteDump::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_read_like_ip() {
        let gw: IpAddr = "192.0.2.254".parse().unwrap();
        let default = RouteSpec::default_route(Family::V4).via(gw).dev("v0");
        assert_eq!(default.to_string(), "default via 192.0.2.254 dev v0");
        let rfc5549 = RouteSpec::new("198.51.100.0/24".parse().unwrap())
            .via("2001:db8::2".parse().unwrap())
            .dev("v0");
        assert_eq!(
            rfc5549.to_string(),
            "198.51.100.0/24 via inet6 2001:db8::2 dev v0"
        );
        let hole = RouteSpec::new("203.0.113.0/24".parse().unwrap())
            .blackhole()
            .table(254)
            .metric(5);
        assert_eq!(
            hole.to_string(),
            "blackhole 203.0.113.0/24 table main metric 5"
        );
    }

    #[test]
    fn requests_carry_the_spec() {
        let spec = RouteSpec::new("2001:db8:1::/48".parse().unwrap())
            .via("2001:db8::1".parse().unwrap())
            .table(1000)
            .metric(9)
            .unreachable();
        let hops = [request::Nexthop::default()];
        let route = route_request(&spec, Some(4), &hops);
        assert_eq!(route.dst_len, 48);
        assert_eq!(route.table, Some(1000));
        assert_eq!(route.oif, Some(4));
        assert_eq!(route.route_type, Some(rtn::UNREACHABLE));
        assert_eq!(route.nexthops.len(), 1);
        assert_eq!(RouteFilter::new().dump.table, Some(rt_table::MAIN));
        assert_eq!(RouteFilter::new().all_tables().dump.table, None);
    }
}
