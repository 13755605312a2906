//! `rtnl route`: `ip route add / replace / delete / show / flush / get`.
//!
//! ```text
//! route {add|change|append|prepend|replace|delete} [TYPE] PREFIX [via ADDR] [dev DEV]
//!       [src ADDR] [table TABLE] [metric N] [proto PROTO] [scope SCOPE] [onlink]
//!       [realms [FROM/]TO] [pref low|medium|high] [vrf NAME]
//!       [{mtu|advmss|reordering|window|cwnd|initcwnd|initrwnd|ssthresh|hoplimit} [lock] N]
//!       [{rtt|rttvar} [lock] TIME] [rto_min TIME] [features ecn] [quickack 0|1]
//!       [congctl [lock] NAME] [fastopen_no_cookie 0|1]
//!       [nexthop via ADDR dev DEV [weight W] [onlink] ...]
//!     TYPE := unicast | local | broadcast | multicast | anycast | blackhole | unreachable |
//!             prohibit | throw | nat
//!     PREFIX := ADDR[/LEN] | default
//! route {show|flush} [table {TABLE|all|cache}] [cache] [proto PROTO] [scope SCOPE]
//!       [type TYPE] [dev DEV] [iif DEV] [via ADDR] [src ADDR] [metric N] [tos TOS] [mark N]
//!       [vrf NAME] [realms [FROM/]TO] [from [exact|root|match] PREFIX]
//!       [[to|exact|root|match] PREFIX]
//! route get ADDR [from ADDR] [iif DEV] [oif DEV] [mark N] [fibmatch] [tos TOS] [uid N]
//!       [ipproto PROTO] [sport N] [dport N] [notify] [connected] [vrf NAME] [as [to] ADDR]
//! ```
//!
//! As with `ip`, `route show` lists IPv4 routes of the main table unless `-6`, `-4` or
//! `table all` says otherwise.

use std::net::IpAddr;

use rtnl_ip::codec::request::{Metrics, NewMode, RouteGet};
use rtnl_ip::codec::{
    Message, RouteMessage, af, icmpv6_router_pref, rt_table, rta, rtax, rtax_feature, rtn, rtprot,
};
use rtnl_ip::show::{
    self,
    lookup::LinkTable,
    route::{Extra, RouteStyle},
};
use rtnl_ip::{IpPrefix, LinkRef, NexthopSpec, RouteFilter, RouteQuery, RouteSpec, names};

use super::args::Cmd;
use super::args::{self, Args, CmdResult, Failure, duparg2, invarg, matches, naming, number};
use super::link::device_index;
use super::{Ctx, Family};

/// `ip route`'s commands in `ip`'s order (`a` is `add`, `d` is `delete`, `s` is `show`).
const COMMANDS: &[(&str, Option<Cmd>)] = &[
    ("add", Some(add)),
    ("change", Some(change)),
    ("chg", Some(change)),
    ("replace", Some(replace)),
    ("prepend", Some(prepend)),
    ("append", Some(append)),
    ("test", None),
    ("delete", Some(delete)),
    ("list", Some(show)),
    ("show", Some(show)),
    ("lst", Some(show)),
    ("get", Some(get)),
    ("flush", Some(flush)),
    ("restore", None),
    ("showdump", None),
    ("save", None),
    ("help", Some(help)),
];

/// `rtnl route ...`; no command is `show`.
pub fn run(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    args::dispatch(ctx, args, "route", COMMANDS, show)
}

/// What `rtnl route help` prints.
const USAGE: &str = "\
Usage: rtnl route { list | flush } SELECTOR
       rtnl route get ADDRESS [ from ADDRESS ] [ iif STRING ] [ oif STRING ] [ mark NUMBER ]
                              [ fibmatch ]
       rtnl route { add | del | change | append | replace | prepend } ROUTE
SELECTOR := [ root PREFIX ] [ match PREFIX ] [ exact PREFIX ] [ table TABLE_ID ]
            [ proto RTPROTO ] [ type TYPE ] [ scope SCOPE ] [ dev STRING ] [ via ADDRESS ]
            [ src ADDRESS ] [ metric NUMBER ]
ROUTE := NODE_SPEC [ INFO_SPEC ]
NODE_SPEC := [ TYPE ] PREFIX [ table TABLE_ID ] [ proto RTPROTO ] [ scope SCOPE ]
             [ metric METRIC ] [ pref PREF ]
INFO_SPEC := { NH | nexthop NH [ nexthop NH ] ... } OPTIONS
OPTIONS := FLAGS [ mtu NUMBER ] [ advmss NUMBER ] [ reordering NUMBER ] [ rtt TIME ]
           [ rttvar TIME ] [ window NUMBER ] [ cwnd NUMBER ] [ initcwnd NUMBER ]
           [ ssthresh NUMBER ] [ realms REALM ] [ rto_min TIME ] [ initrwnd NUMBER ]
           [ features FEATURES ] [ quickack BOOL ] [ congctl NAME ] [ hoplimit NUMBER ]
           [ fastopen_no_cookie BOOL ]
NH := [ via ADDRESS ] [ dev STRING ] [ weight NUMBER ] [ onlink ]
TYPE := { unicast | local | broadcast | multicast | throw | unreachable | prohibit |
          blackhole | nat }
TABLE_ID := [ local | main | default | all | NUMBER ]
SCOPE := [ host | link | global | NUMBER ]
RTPROTO := [ kernel | boot | static | NUMBER ]
TIME := NUMBER[s|ms]
BOOL := [1|0]
FEATURES := ecn
PREF := [ low | medium | high ]
";

/// `rtnl route help`: the grammar, exit 255 like `ip route help`.
fn help(_: &mut Ctx, _: &mut Args<'_>) -> CmdResult {
    Err(usage())
}

/// The failure `help` (and a `help` word among the arguments) ends with: the grammar, exit 255.
fn usage() -> Failure {
    Failure::Usage(USAGE.trim_end().to_owned())
}

/// A prefix as `ip`'s `get_prefix()` reads it in `family` (the route's so far); `None` for
/// `default`, `any` and `all` read in no family (the family is decided later).
fn route_prefix(family: Family, word: &str) -> CmdResult<Option<IpPrefix>> {
    Ok(args::inet_prefix(word, family)?.prefix())
}

/// A selector of `route show` read as a prefix (`via`, `src`: ip's `filter.rvia` and
/// `filter.rprefsrc`): `ip`'s `get_prefix()` in `family`. `default`/`any`/`all` read in a
/// family are its `/0` (every route of that family); read in none, `None`: nothing is
/// selected out.
fn show_prefix(family: Family, word: &str) -> CmdResult<Option<IpPrefix>> {
    Ok(args::inet_prefix(word, family)?.prefix())
}

/// Whether `addr` (`None`: ip's zeroed address, of `family`) of the `AF_*` `family` is
/// inside `prefix`, as ip's `filter_nlmsg()` compares `filter.rvia` and `filter.rprefsrc`:
/// the family must be the prefix's, then the first `prefix_len` bits
/// (`inet_addr_match()`).
fn selected_by(prefix: IpPrefix, family: u8, addr: Option<IpAddr>) -> bool {
    let prefix_family = match prefix.family() {
        rtnl_ip::Family::V4 => af::INET,
        rtnl_ip::Family::V6 => af::INET6,
    };
    if family != prefix_family {
        return false;
    }
    let zero = IpPrefix::default_route(prefix.family()).addr();
    prefix.contains(addr.unwrap_or(zero))
}

/// Whether a route shows the address a `via`/`src` selector gave: ip leaves it out when the
/// selector is a host prefix (`filter.rvia.bitlen != host_len`), all the routes shown having
/// it.
fn shown_with(selector: Option<IpPrefix>) -> bool {
    selector.is_none_or(|p| p.prefix_len() != p.family().max_prefix_len())
}

/// `via [inet|inet6] ADDR`: the family word, when given, is the one ADDR is read in (ip's
/// `read_family()`), else `family`.
fn via_family<'a>(args: &mut Args<'a>, family: Family) -> CmdResult<(Family, &'a str)> {
    let value = args.value()?;
    Ok(match value {
        "inet" => (Family::Inet, args.value()?),
        "inet6" => (Family::Inet6, args.value()?),
        _ => (family, value),
    })
}

/// A table word or number; else `invalid "table" value`.
fn table(word: &str) -> CmdResult<u32> {
    names::parse_table(word).ok_or_else(|| invarg("\"table\" value is invalid\n", word))
}

/// One `nexthop` group's words, up to the next `nexthop`; its device by name, looked up
/// once the whole command is read.
fn parse_nexthop<'a>(family: &mut Family, args: &mut Args<'a>) -> CmdResult<NexthopSpec<'a>> {
    let mut hop = NexthopSpec::new();
    while let Some(word) = args.peek() {
        if word == "nexthop" {
            break;
        }
        args.next();
        match word {
            "via" => {
                let (read_in, value) = via_family(args, *family)?;
                let gateway = args::ip_addr_in(value, read_in)?;
                args::learn(family, gateway);
                hop = hop.via(gateway);
            }
            "dev" => hop = hop.dev(args.value()?),
            w if matches(w, "weight") => {
                let value = args.value()?;
                let weight: u16 = number::<u32>("weight", value)
                    .ok()
                    .filter(|w| (1..=256).contains(w))
                    .and_then(|w| u16::try_from(w).ok())
                    .ok_or_else(|| invarg("\"weight\" is invalid\n", value))?;
                hop = hop.weight(weight);
            }
            "onlink" => hop = hop.onlink(),
            other => {
                return Err(Failure::Local(format!(
                    "Error: \"nexthop\" or end of line is expected instead of \"{other}\""
                )));
            }
        }
    }
    Ok(hop)
}

/// A device named in a route: its index, or `Cannot find device "x"`, as `ip` looks it up
/// before sending.
fn resolve(ctx: &mut Ctx, dev: &mut Option<LinkRef<'_>>) -> CmdResult {
    if let Some(LinkRef::Name(name)) = *dev {
        *dev = Some(device_index(ctx, name)?.into());
    }
    Ok(())
}

/// A `vrf NAME` word's link, as ip's `name_is_vrf()` and `ipvrf_get_table()` (iplink_vrf.c)
/// read it from `RTM_GETLINK`: `IFLA_INFO_KIND` `vrf` and `IFLA_VRF_TABLE` in its
/// `IFLA_INFO_DATA`.
pub(super) enum VrfLink {
    /// No link of that name (`ENODEV`).
    Missing,
    /// A link of another kind (or a lookup that failed otherwise).
    Other,
    /// A vrf: its index, and its table (`None` when the kernel sent none).
    Vrf { index: u32, table: Option<u32> },
}

/// Looks up the link `vrf NAME` names (ip's `name_is_vrf()`).
pub(super) fn vrf_link(ctx: &mut Ctx, name: &[u8]) -> CmdResult<VrfLink> {
    let read = ctx.handle()?.link_get_with(LinkRef::from(name), |m| {
        (m.kind_bytes() == Some(b"vrf".as_slice()))
            .then(|| (m.index(), m.vrf().and_then(|vrf| vrf.table())))
    });
    Ok(match read {
        Ok(Some((index, table))) => VrfLink::Vrf { index, table },
        Ok(None) => VrfLink::Other,
        Err(e) if matches!(e.kind(), rtnl_ip::ErrorKind::NotFound) => VrfLink::Missing,
        Err(_) => VrfLink::Other,
    })
}

/// The table of VRF `name` (ip's `ipvrf_get_table()`): its `IFLA_VRF_TABLE`; with no link of
/// that name, `default` is the main table; else `Invalid VRF`.
fn vrf_table(ctx: &mut Ctx, name: &[u8]) -> CmdResult<u32> {
    match vrf_link(ctx, name)? {
        VrfLink::Vrf {
            table: Some(table), ..
        } if table != 0 => Ok(table),
        VrfLink::Missing if name == b"default" => Ok(rt_table::MAIN),
        _ => Err(naming(name, |v| invarg("Invalid VRF\n", v))),
    }
}

/// How a metric's value is read (`iproute_modify()`).
#[derive(Clone, Copy)]
enum MetricValueKind {
    /// `get_unsigned`.
    Number,
    /// `get_unsigned`, at most 255.
    Hoplimit,
    /// `get_time_rtt`: milliseconds, sent in units of `1/scale` ms unless given raw.
    Time { scale: u32 },
    /// `get_time_rtt`, sent as read, always locked.
    RtoMin,
    /// `ecn`.
    Features,
    /// `0` or `1`.
    Boolean,
    /// An algorithm's name.
    Name,
}

/// A metric keyword of `route add`: its `RTAX_*`, the word in messages, and how its value is
/// read.
#[derive(Clone, Copy)]
struct MetricKeyword {
    ty: u16,
    key: &'static str,
    kind: MetricValueKind,
    /// Whether `lock` may come before the value.
    lockable: bool,
}

/// The metric keywords in ip's order of testing, with `true` where ip compares the whole
/// word (`strcmp`) rather than a prefix (`matches`).
const METRIC_KEYWORDS: [(&str, bool, MetricKeyword); 13] = {
    use MetricValueKind::{Boolean, Features, Hoplimit, Name, Number, RtoMin, Time};
    const fn k(ty: u16, key: &'static str, kind: MetricValueKind, lockable: bool) -> MetricKeyword {
        MetricKeyword {
            ty,
            key,
            kind,
            lockable,
        }
    }
    [
        ("mtu", true, k(rtax::MTU, "mtu", Number, true)),
        (
            "hoplimit",
            true,
            k(rtax::HOPLIMIT, "hoplimit", Hoplimit, true),
        ),
        ("advmss", true, k(rtax::ADVMSS, "mss", Number, true)),
        (
            "reordering",
            false,
            k(rtax::REORDERING, "reordering", Number, true),
        ),
        ("rtt", true, k(rtax::RTT, "rtt", Time { scale: 8 }, true)),
        ("rto_min", true, k(rtax::RTO_MIN, "rto_min", RtoMin, false)),
        ("window", false, k(rtax::WINDOW, "window", Number, true)),
        ("cwnd", false, k(rtax::CWND, "cwnd", Number, true)),
        (
            "initcwnd",
            false,
            k(rtax::INITCWND, "initcwnd", Number, true),
        ),
        (
            "initrwnd",
            false,
            k(rtax::INITRWND, "initrwnd", Number, true),
        ),
        (
            "features",
            false,
            k(rtax::FEATURES, "features", Features, false),
        ),
        (
            "quickack",
            false,
            k(rtax::QUICKACK, "quickack", Boolean, false),
        ),
        ("congctl", false, k(rtax::CC_ALGO, "congctl", Name, true)),
    ]
};

/// `rttvar` and `ssthresh` come after `congctl` in ip's order; `realms` after them.
const LATE_METRIC_KEYWORDS: [(&str, MetricKeyword); 2] = [
    (
        "rttvar",
        MetricKeyword {
            ty: rtax::RTTVAR,
            key: "rttvar",
            kind: MetricValueKind::Time { scale: 4 },
            lockable: true,
        },
    ),
    (
        "ssthresh",
        MetricKeyword {
            ty: rtax::SSTHRESH,
            key: "ssthresh",
            kind: MetricValueKind::Number,
            lockable: true,
        },
    ),
];

/// The metric `word` names, if it is one ip tests before `realms`.
fn metric_keyword(word: &str) -> Option<MetricKeyword> {
    METRIC_KEYWORDS
        .iter()
        .find(|(keyword, exact, _)| {
            if *exact {
                word == *keyword
            } else {
                matches(word, keyword)
            }
        })
        .map(|(_, _, metric)| *metric)
        .or_else(|| {
            LATE_METRIC_KEYWORDS
                .iter()
                .find(|(keyword, _)| matches(word, keyword))
                .map(|(_, metric)| *metric)
        })
}

/// Adds a `u32` metric as ip's `rta_addattr32` does: when its 256-byte buffer is full, a
/// message on stderr and the metric left out (ip goes on).
fn push_metric(metrics: &mut Metrics, ty: u16, value: u32) {
    if metrics.push_u32(ty, value).is_err() {
        eprintln!("rta_addattr32: Error! max allowed bound 256 exceeded");
    }
}

/// `0` or `1` (`quickack`, `fastopen_no_cookie`).
fn zero_or_one(key: &str, value: &str) -> CmdResult<u32> {
    let n = number::<u32>(key, value)
        .map_err(|_| invarg(&format!("\"{key}\" value is invalid\n"), value))?;
    if n > 1 {
        return Err(invarg(
            &format!("\"{key}\" value should be 0 or 1\n"),
            value,
        ));
    }
    Ok(n)
}

/// A time in milliseconds as ip's `get_time_rtt` reads it: a number, with a fraction or not,
/// and a unit (`s`, `sec`, `secs`, `ms`, `msec`, `msecs`, any case), rounded up. Also whether
/// it had no unit (raw: sent as it is).
fn time_rtt(word: &str) -> Option<(u32, bool)> {
    let split = word
        .find(|c: char| c.is_ascii_alphabetic())
        .filter(|_| !word.starts_with("0x") && !word.starts_with("0X"))
        .unwrap_or(word.len());
    let (number_part, unit) = word.split_at(split);
    let millis: f64 = if number_part.contains('.') {
        number_part.parse().ok().filter(|t: &f64| *t >= 0.0)?
    } else {
        f64::from(number::<u32>("rtt", number_part).ok()?)
    };
    let millis = match unit.to_ascii_lowercase().as_str() {
        "" | "ms" | "msec" | "msecs" => millis,
        "s" | "sec" | "secs" => millis * 1000.0,
        _ => return None,
    };
    // Truncated like C's conversion to unsigned, then rounded up.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let mut value = millis as u32;
    if f64::from(value) < millis {
        value = value.saturating_add(1);
    }
    Some((value, unit.is_empty()))
}

impl MetricKeyword {
    /// Reads `[lock] VALUE` after the keyword into `metrics`.
    fn read(self, args: &mut Args<'_>, metrics: &mut Metrics) -> CmdResult {
        let mut value = args.value()?;
        if self.lockable && value == "lock" {
            metrics.lock(self.ty);
            value = args.value()?;
        }
        let invalid = || invarg(&format!("\"{}\" value is invalid\n", self.key), value);
        let number = match self.kind {
            MetricValueKind::Number => number::<u32>(self.key, value).map_err(|_| invalid())?,
            MetricValueKind::Hoplimit => number::<u32>(self.key, value)
                .ok()
                .filter(|&n| n <= 255)
                .ok_or_else(invalid)?,
            MetricValueKind::Time { scale } => {
                let (time, raw) = time_rtt(value).ok_or_else(invalid)?;
                if raw { time } else { time.wrapping_mul(scale) }
            }
            MetricValueKind::RtoMin => {
                metrics.lock(self.ty);
                time_rtt(value).ok_or_else(invalid)?.0
            }
            MetricValueKind::Features => {
                if value != "ecn" {
                    return Err(invarg("\"features\" value not valid\n", value));
                }
                rtax_feature::ECN
            }
            MetricValueKind::Boolean => zero_or_one(self.key, value)?,
            MetricValueKind::Name => {
                if metrics.push_congctl(value.as_bytes()).is_err() {
                    eprintln!("rta_addattr_l: Error! max allowed bound 256 exceeded");
                }
                return Ok(());
            }
        };
        push_metric(metrics, self.ty, number);
        Ok(())
    }
}

/// `add`, `replace` and `delete`'s arguments (`iproute_modify()`), read into the spec, with
/// device indexes resolved.
fn parse_modify<'a>(ctx: &mut Ctx, args: &mut Args<'a>, delete: bool) -> CmdResult<RouteSpec<'a>> {
    // The destination is filled in when its word comes; `None` inside: `default`.
    let mut dst: Option<Option<IpPrefix>> = None;
    let mut spec = RouteSpec::new(IpPrefix::DEFAULT_V4);
    let mut onlink = false;
    // ip's `req.r.rtm_family`: -4/-6, else the family of the first address read; the
    // addresses are read in it.
    let mut family = ctx.opts.family;
    // ip's `iproute_modify()` tests the words in this order, so abbreviations resolve as
    // there: `m` is `metric`, `r` is `reordering`, `c` is `cwnd`, `pre` is `pref`.
    while let Some(word) = args.next() {
        let is = |keyword: &str| matches(word, keyword);
        if word == "src" {
            let prefsrc = args::ip_addr_in(args.value()?, family)?;
            args::learn(&mut family, prefsrc);
            spec.request.prefsrc = Some(prefsrc);
        } else if word == "as" {
            return Err(args::unsupported("route as"));
        } else if word == "via" {
            // ip refuses a second `via` before reading its value.
            if spec.request.gateway.is_some() {
                return Err(invarg("use nexthop syntax to specify multiple via\n", word));
            }
            let (read_in, value) = via_family(args, family)?;
            let gateway = args::ip_addr_in(value, read_in)?;
            args::learn(&mut family, gateway);
            spec.request.gateway = Some(gateway);
        } else if word == "from" || word == "tos" || is("dsfield") || word == "expires" {
            return Err(args::unsupported_word("route ", word));
        } else if is("metric") || is("priority") || word == "preference" {
            spec.request.metric = Some(args.value_by("\"metric\" value is invalid\n", |v| {
                number::<u32>("metric", v).ok()
            })?);
        } else if word == "scope" {
            spec.request.scope =
                Some(args.value_by("invalid \"scope\" value\n", names::parse_scope)?);
        } else if let Some(metric) = metric_keyword(word) {
            metric.read(args, &mut spec.request.metrics)?;
        } else if is("realms") {
            spec.request.realms =
                Some(args.value_by("\"realm\" value is invalid\n", names::parse_realms)?);
        } else if word == "onlink" {
            onlink = true;
        } else if word == "nexthop" {
            while args.peek().is_some() {
                spec.nexthops.push(parse_nexthop(&mut family, args)?);
                if args.peek() == Some("nexthop") {
                    args.next();
                }
            }
        } else if word == "nhid" {
            return Err(args::unsupported("route nhid"));
        } else if is("protocol") {
            spec.request.protocol =
                Some(args.value_by("\"protocol\" value is invalid\n", names::parse_protocol)?);
        } else if is("table") {
            spec.request.table = Some(table(args.value()?)?);
        } else if is("vrf") {
            let value = args.value()?;
            spec.request.table = Some(vrf_table(ctx, args.bytes(value))?);
        } else if word == "dev" || word == "oif" {
            let value = args.value()?;
            spec.dev = Some(LinkRef::Name(args.bytes(value)));
        } else if is("pref") {
            let value = args.value()?;
            spec.request.pref = Some(match value {
                "low" => icmpv6_router_pref::LOW,
                "medium" => icmpv6_router_pref::MEDIUM,
                "high" => icmpv6_router_pref::HIGH,
                _ => number::<u8>("pref", value)
                    .map_err(|_| invarg("\"pref\" value is invalid\n", value))?,
            });
        } else if word == "encap" || word == "ttl-propagate" {
            return Err(args::unsupported_word("route ", word));
        } else if is("fastopen_no_cookie") {
            let value = args.value()?;
            let on = zero_or_one("fastopen_no_cookie", value)?;
            push_metric(&mut spec.request.metrics, rtax::FASTOPEN_NO_COOKIE, on);
        } else {
            let mut value = if word == "to" { args.value()? } else { word };
            // ip tries a type on any word not starting with a digit (`any` is `anycast`).
            if !value.starts_with(|c: char| c.is_ascii_digit())
                && let Some(ty) = names::parse_route_type(value)
            {
                spec.request.route_type = Some(ty);
                value = args.value()?;
            }
            if matches(value, "help") {
                return Err(usage());
            }
            if dst.is_some() {
                return Err(duparg2("to", value));
            }
            let prefix = route_prefix(family, value)?;
            if let Some(prefix) = prefix {
                args::learn(&mut family, prefix.addr());
            }
            dst = Some(prefix);
        }
    }
    let Some(dst) = dst else {
        return Err(Failure::usage(
            "Error: either \"to\" is duplicate, or \"\" is a garbage.",
        ));
    };
    // A default route's family: -4/-6, else the gateway's, else IPv4.
    let dst = match dst {
        Some(prefix) => prefix,
        None => {
            let family = match ctx.opts.family {
                Family::Inet6 => rtnl_ip::Family::V6,
                Family::Inet => rtnl_ip::Family::V4,
                _ => spec
                    .request
                    .gateway
                    .or_else(|| spec.nexthops.iter().find_map(|h| h.hop.gateway))
                    .map_or(rtnl_ip::Family::V4, rtnl_ip::Family::of),
            };
            IpPrefix::default_route(family)
        }
    };
    spec.request.dst = dst.addr();
    spec.request.dst_len = dst.prefix_len();
    // A single next hop with `onlink` goes as a one-hop multipath, which carries the flag.
    if onlink {
        if !spec.nexthops.is_empty() {
            return Err(args::unsupported("route onlink with nexthop"));
        }
        let mut hop = NexthopSpec::new().onlink();
        hop.hop.gateway = spec.request.gateway.take();
        hop.dev = spec.dev.take();
        spec.nexthops.push(hop);
    }
    // ip adds RTAX_LOCK last, and drops it when its buffer is full.
    let metrics = &mut spec.request.metrics;
    if metrics.lock != 0 && !metrics.is_empty() && metrics.room() < 8 {
        eprintln!("rta_addattr32: Error! max allowed bound 256 exceeded");
        metrics.lock = 0;
    }
    resolve(ctx, &mut spec.dev)?;
    for hop in &mut spec.nexthops {
        resolve(ctx, &mut hop.dev)?;
    }
    if spec.request.protocol.is_none() && !delete {
        spec.request.protocol = Some(rtprot::BOOT);
    }
    Ok(spec)
}

/// `route add`.
fn add(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let spec = parse_modify(ctx, args, false)?;
    ctx.handle()?.route_add(&spec)?;
    ctx.warn();
    Ok(())
}

/// `route replace`.
fn replace(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let spec = parse_modify(ctx, args, false)?;
    ctx.handle()?.route_replace(&spec)?;
    ctx.warn();
    Ok(())
}

/// `route change` (`NLM_F_REPLACE`), `append` (`NLM_F_CREATE | NLM_F_APPEND`) and `prepend`
/// (`NLM_F_CREATE`).
fn modify(ctx: &mut Ctx, args: &mut Args<'_>, mode: NewMode) -> CmdResult {
    let spec = parse_modify(ctx, args, false)?;
    ctx.handle()?.route_new_mode(mode, &spec)?;
    ctx.warn();
    Ok(())
}

/// `route change`.
fn change(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    modify(ctx, args, NewMode::Change)
}

/// `route append`.
fn append(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    modify(ctx, args, NewMode::Append)
}

/// `route prepend`.
fn prepend(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    modify(ctx, args, NewMode::Prepend)
}

/// `route delete`.
fn delete(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let spec = parse_modify(ctx, args, true)?;
    ctx.handle()?.route_del(&spec)?;
    ctx.warn();
    Ok(())
}

/// How a prefix selector compares routes (`ip route show root|match|exact PREFIX`).
#[derive(Clone, Copy, Default)]
struct PrefixSelector {
    /// `root`: routes inside the prefix.
    root: Option<IpPrefix>,
    /// `match`: routes that contain the prefix.
    matching: Option<IpPrefix>,
}

impl PrefixSelector {
    /// Reads `[root|match|exact] PREFIX` (`default`: the default route of the `-4`/`-6`
    /// family; `all`, `any`: every route, or with `-4`/`-6` as `default`) into the selector.
    fn parse(&mut self, ctx: &Ctx, args: &mut Args<'_>, first: &str) -> CmdResult {
        let mut value = first;
        let mode = if matches(value, "root") {
            "root"
        } else if matches(value, "match") {
            "match"
        } else if matches(value, "exact") {
            "exact"
        } else {
            ""
        };
        if !mode.is_empty() {
            value = args.value()?;
        }
        if matches(value, "help") {
            return Err(usage());
        }
        // ip's get_prefix() reads `all` and `any` as a prefix of the -4/-6 family and no
        // length: without a family it selects nothing out; with one it is read as `default`.
        let any_family = !matches!(ctx.opts.family, Family::Inet | Family::Inet6);
        if matches!(value, "all" | "any") && any_family {
            match mode {
                "root" => self.root = None,
                "match" => self.matching = None,
                _ => *self = PrefixSelector::default(),
            }
            return Ok(());
        }
        let prefix = match route_prefix(ctx.opts.family, value)? {
            Some(prefix) => prefix,
            None => IpPrefix::default_route(match ctx.opts.family {
                Family::Inet6 => rtnl_ip::Family::V6,
                _ => rtnl_ip::Family::V4,
            }),
        };
        match mode {
            "root" => self.root = Some(prefix),
            "match" => self.matching = Some(prefix),
            _ => {
                self.root = Some(prefix);
                self.matching = Some(prefix);
            }
        }
        Ok(())
    }

    /// Whether a route's prefix (`addr`/`len` of `family`, no address: the default) passes:
    /// inside `root`, containing `match`.
    fn keeps(&self, family: u8, addr: Option<IpAddr>, len: u8) -> bool {
        let prefix = addr.map_or_else(
            || {
                IpPrefix::default_route(if family == af::INET6 {
                    rtnl_ip::Family::V6
                } else {
                    rtnl_ip::Family::V4
                })
            },
            |addr| IpPrefix::new(addr, len).unwrap_or(IpPrefix::host(addr)),
        );
        let root_ok = self.root.is_none_or(|root| {
            root.family() == prefix.family()
                && root.prefix_len() <= len
                && root.contains(prefix.addr())
        });
        let match_ok = self.matching.is_none_or(|m| {
            m.family() == prefix.family() && m.prefix_len() >= len && prefix.contains(m.addr())
        });
        root_ok && match_ok
    }
}

/// `show` and `flush`'s selectors (`iproute_list_flush_or_save()`).
#[derive(Default)]
struct ShowFilter<'a> {
    /// `table T` (`None` with `all`); `main` when not given.
    table: Option<Option<u32>>,
    /// `proto P`.
    protocol: Option<u8>,
    /// `scope S`.
    scope: Option<u8>,
    /// `type T`.
    route_type: Option<u8>,
    /// `dev D`.
    dev: Option<&'a [u8]>,
    /// `via [inet|inet6] PREFIX`: the gateway (`RTA_GATEWAY`, or `RTA_VIA` and its family)
    /// inside it.
    via: Option<IpPrefix>,
    /// `src PREFIX`: the preferred source (`RTA_PREFSRC`) inside it.
    src: Option<IpPrefix>,
    /// `metric N`.
    metric: Option<u32>,
    /// `root` / `match` / `exact` prefixes.
    prefix: PrefixSelector,
    /// `from [root|match|exact] PREFIX`: the source prefix (`RTA_SRC`, `rtm_src_len`).
    from: PrefixSelector,
    /// `cache`, `cached`, `cloned`, `table cache`: the cached routes (`RTM_F_CLONED`).
    cloned: bool,
    /// `tos T` / `dsfield T`: `rtm_tos`.
    tos: Option<u8>,
    /// `mark N`: `RTA_MARK` (0 when absent).
    mark: Option<u32>,
    /// `vrf NAME`: the VRF's table, without its local and broadcast routes.
    vrf: bool,
    /// `iif DEV`: `RTA_IIF` (0 when absent), the device's index.
    iif: Option<u32>,
    /// `realms [FROM/]TO`: `RTA_FLOW` (0 when absent) and the mask it is compared under.
    realms: Option<(u32, u32)>,
}

impl<'a> ShowFilter<'a> {
    /// Reads the selectors.
    fn parse(ctx: &mut Ctx, args: &mut Args<'a>) -> CmdResult<Self> {
        let mut f = ShowFilter::default();
        let mut iif: Option<&[u8]> = None;
        while let Some(word) = args.next() {
            match word {
                "table" => {
                    let value = args.value()?;
                    f.table = Some(match value {
                        "all" => None,
                        "cache" => {
                            f.cloned = true;
                            continue;
                        }
                        // ip's show words this error its own way.
                        _ => Some(
                            names::parse_table(value)
                                .ok_or_else(|| invarg("table id value is invalid\n", value))?,
                        ),
                    });
                }
                // ip's `matches()`: `cache` and `c` are `cached` too.
                w if matches(w, "cached") || matches(w, "cloned") => f.cloned = true,
                w if matches(w, "protocol") => {
                    f.protocol =
                        Some(args.value_by("invalid \"protocol\"\n", names::parse_protocol)?);
                }
                "scope" => {
                    f.scope = Some(args.value_by("invalid \"scope\"\n", names::parse_scope)?);
                }
                "type" => {
                    f.route_type = Some(
                        args.value_by("node type value is invalid\n", names::parse_route_type)?,
                    );
                }
                "dev" | "oif" => {
                    let value = args.value()?;
                    f.dev = Some(args.bytes(value));
                }
                "via" => {
                    let (read_in, value) = via_family(args, ctx.opts.family)?;
                    f.via = show_prefix(read_in, value)?;
                }
                "src" => f.src = show_prefix(ctx.opts.family, args.value()?)?,
                w if matches(w, "metric") || matches(w, "priority") || matches(w, "preference") => {
                    f.metric = Some(args.value_by("\"metric\" value is invalid\n", |v| {
                        number("metric", v).ok()
                    })?);
                }
                w if w == "tos" || matches(w, "dsfield") => {
                    f.tos = Some(args.value_by("TOS value is invalid\n", names::parse_dsfield)?);
                }
                "mark" => {
                    f.mark = Some(
                        args.value_by("invalid mark value", |v| number::<u32>("mark", v).ok())?,
                    );
                }
                w if matches(w, "vrf") => {
                    // The VRF's table, without its local and broadcast routes.
                    let value = args.value()?;
                    f.table = Some(Some(vrf_table(ctx, args.bytes(value))?));
                    f.vrf = true;
                }
                "iif" => {
                    let value = args.value()?;
                    iif = Some(args.bytes(value));
                }
                w if matches(w, "realms") => {
                    // ip's realm filter: what the word gives, compared under a mask that
                    // leaves out a half the word did not name (`3/` any destination, `5` any
                    // source).
                    let value = args.value()?;
                    let realm = names::parse_realms(value)
                        .ok_or_else(|| invarg("invalid realms\n", value))?;
                    let mut mask = u32::MAX;
                    if realm & 0xffff == 0 && value.ends_with('/') {
                        mask &= !0xffff;
                    }
                    if realm & 0xffff_0000 == 0 && (!value.contains('/') || value.starts_with('/'))
                    {
                        mask &= !0xffff_0000;
                    }
                    f.realms = Some((realm, mask));
                }
                w if matches(w, "from") => {
                    let value = args.value()?;
                    f.from.parse(ctx, args, value)?;
                }
                w => {
                    let value = if matches(w, "to") { args.value()? } else { w };
                    f.prefix.parse(ctx, args, value)?;
                }
            }
        }
        // ip looks the devices up once every word is read, `iif` first.
        if let Some(dev) = iif {
            f.iif = Some(device_index(ctx, dev)?);
        }
        Ok(f)
    }

    /// The table asked for: `main` unless `table` said otherwise (`None`: all).
    fn table(&self) -> Option<u32> {
        self.table.unwrap_or(Some(rt_table::MAIN))
    }

    /// The family routes are listed in: `-4`/`-6`, else (as ip 6.1's `dump_family`) IPv4
    /// unless `table all`. A prefix selector's family does not change it: without `-6`,
    /// `route show 2001:db8::/64` lists IPv4 routes, so none matches.
    fn family(&self, ctx: &Ctx) -> Option<rtnl_ip::Family> {
        match ctx.opts.family {
            Family::Inet => return Some(rtnl_ip::Family::V4),
            Family::Inet6 => return Some(rtnl_ip::Family::V6),
            _ => {}
        }
        self.table().map(|_| rtnl_ip::Family::V4)
    }

    /// Whether the route `m` passes every selector (`dev` and `via` are matched against the
    /// route's own `RTA_OIF` and gateway only, as ip does, so a multipath route's hops do
    /// not match them; `via` takes `RTA_VIA`'s family and address when there is one).
    fn keeps_message(&self, m: &RouteMessage<'_>, oif: Option<u32>) -> bool {
        let family = m.family();
        let via = |prefix: IpPrefix| match m.via() {
            Some((via_family, addr)) => {
                u8::try_from(via_family).is_ok_and(|f| selected_by(prefix, f, Some(addr)))
            }
            None => selected_by(prefix, family, m.gateway()),
        };
        self.prefix.keeps(family, m.dst(), m.dst_len())
            && self.scope.is_none_or(|s| m.scope() == s)
            && self.via.is_none_or(via)
            && self
                .src
                .is_none_or(|src| selected_by(src, family, m.prefsrc()))
            && self
                .metric
                .is_none_or(|metric| m.priority().unwrap_or(0) == metric)
            && oif.is_none_or(|oif| m.oif() == Some(oif))
            && self.from.keeps(m.family(), m.src(), m.src_len())
            && self.tos.is_none_or(|tos| m.tos() == tos)
            && self.iif.is_none_or(|iif| m.iif().unwrap_or(0) == iif)
            && self
                .realms
                .is_none_or(|(realm, mask)| (m.flow().unwrap_or(0) ^ realm) & mask == 0)
            && self.mark.is_none_or(|mark| m.mark().unwrap_or(0) == mark)
            && !(self.vrf && matches!(m.route_type(), rtn::LOCAL | rtn::BROADCAST))
    }

    /// The dump's filter, and the `dev` index (`Cannot find device` when there is none).
    fn route_filter(&self, ctx: &mut Ctx) -> CmdResult<(RouteFilter<'_>, Option<u32>)> {
        let mut filter = RouteFilter::new();
        filter = match self.table() {
            Some(t) => filter.table(t),
            None => filter.all_tables(),
        };
        if let Some(family) = self.family(ctx) {
            filter = filter.family(family);
        }
        if let Some(p) = self.protocol {
            filter = filter.protocol(p);
        }
        if let Some(t) = self.route_type {
            filter = filter.route_type(t);
        }
        if self.cloned {
            filter = filter.cloned();
        }
        let oif = match self.dev {
            Some(dev) => Some(device_index(ctx, dev)?),
            None => None,
        };
        if let Some(oif) = oif {
            filter = filter.dev(oif);
        }
        Ok((filter, oif))
    }

    /// What the printed routes leave out because the selector fixed it.
    fn style(&self, details: bool) -> RouteStyle {
        RouteStyle {
            details,
            table: self.table.is_some_and(|t| t.is_none()),
            dev: self.dev.is_none(),
            protocol: self.protocol.is_none(),
            scope: self.scope.is_none(),
            via: shown_with(self.via),
            src: shown_with(self.src),
            metric: self.metric.is_none(),
            tos: self.tos.is_none(),
            realms: self.realms.is_none_or(|(_, mask)| mask != u32::MAX),
            stats: false,
        }
    }
}

/// `route show`: one route dump, each route printed as it arrives; device names from the
/// lookup table (an ioctl per device the first time it is named).
fn show(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let filter = ShowFilter::parse(ctx, args)?;
    let style = RouteStyle {
        stats: ctx.opts.stats > 0,
        ..filter.style(ctx.opts.details)
    };
    let (route_filter, oif) = filter.route_filter(ctx)?;
    let mut table = LinkTable::new(ctx.handle()?);
    let mut p = ctx.printer();
    p.start_list();
    let result = ctx
        .handle()?
        .for_each_route(&route_filter, |m| {
            if filter.keeps_message(m, oif) {
                show::route::route(&mut p, m, &mut table, style, Extra::default());
            }
        })
        .map_err(Failure::dump("Dump"));
    p.end_list();
    ctx.finish(p, result)
}

/// `route flush` (`iproute_flush()`): deletes every route the selectors pick (at least one is
/// needed), in rounds until a dump finds none; with `-s` says how it went, and with `-s -s`
/// prints each route as it goes (as text). `cache` (`cached`, `cloned`, `table cache`) asks the
/// kernel to flush the IPv4 routing cache (`/proc/sys/net/ipv4/route/flush`, this network
/// namespace's) unless the family is IPv6, then, unless it is IPv4, deletes the cached routes
/// (IPv6's exceptions), as ip does.
fn flush(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    if args.peek().is_none() {
        return Err(Failure::local("\"ip route flush\" requires arguments."));
    }
    let filter = ShowFilter::parse(ctx, args)?;
    let stats = ctx.opts.stats;
    // ip's dump family: -4/-6, else IPv4 unless `table all`.
    let family = match ctx.opts.family {
        Family::Inet => Some(rtnl_ip::Family::V4),
        Family::Inet6 => Some(rtnl_ip::Family::V6),
        _ => filter.table().map(|_| rtnl_ip::Family::V4),
    };
    if filter.cloned {
        if family != Some(rtnl_ip::Family::V6) {
            flush_ipv4_cache(ctx);
            if stats > 0 {
                ctx.out.push_str("*** IPv4 routing cache is flushed.\n");
            }
        }
        if family == Some(rtnl_ip::Family::V4) {
            return Ok(());
        }
    }
    let (route_filter, oif) = filter.route_filter(ctx)?;
    let style = RouteStyle {
        stats: true,
        ..filter.style(ctx.opts.details)
    };
    let mut table = LinkTable::new(ctx.handle()?);
    let start = std::time::Instant::now();
    let mut round = 0;
    loop {
        // The routes of this round, as the kernel dumped them (ip sends each one back as
        // RTM_DELROUTE).
        let mut found: Vec<Vec<u8>> = Vec::new();
        // Always text, after what the command said before; the same printer type as every
        // other command's, so the route printer is compiled once.
        ctx.flush();
        let stdout = std::io::BufWriter::with_capacity(super::OUT_BUFFER, std::io::stdout().lock());
        let mut p = show::Printer::new(stdout, false, false);
        let dumped = ctx.handle()?.for_each_route(&route_filter, |m| {
            if filter.keeps_message(m, oif) {
                found.push(m.message().bytes().to_vec());
                if stats > 1 {
                    show::route::route(&mut p, m, &mut table, style, Extra::default());
                }
            }
        });
        if p.finish().is_err() {
            // A closed pipe ends the program quietly, as `ip` ends on `SIGPIPE`.
            std::process::exit(0);
        }
        dumped.map_err(Failure::dump("Flush"))?;
        if found.is_empty() {
            if stats > 0 {
                if round == 0 && (!filter.cloned || family == Some(rtnl_ip::Family::V6)) {
                    ctx.out.push_str("Nothing to flush.\n");
                } else {
                    let s = if round > 1 { "s" } else { "" };
                    ctx.out.push_str(&format!(
                        "*** Flush is complete after {round} round{s} ***\n"
                    ));
                }
            }
            return Ok(());
        }
        round += 1;
        let handle = ctx.handle()?;
        for bytes in &found {
            let Some(m) = Message::parse(bytes)
                .ok()
                .and_then(|m| RouteMessage::parse(m).ok())
            else {
                continue;
            };
            match handle.route_del_message(&m) {
                Ok(()) => {}
                // Gone with a device or a route deleted before it.
                Err(e) if e.errno() == Some(rustix::io::Errno::SRCH) => {}
                Err(e) => {
                    let why = e
                        .errno()
                        .and_then(|errno| rtnl_ip::sys::strerror(errno.raw_os_error()))
                        .map_or_else(|| e.to_string(), str::to_owned);
                    ctx.flush();
                    eprintln!("Failed to send flush request: {why}");
                    return Err(Failure::Exit(2));
                }
            }
        }
        let elapsed = start.elapsed().as_secs();
        if elapsed > 30 {
            ctx.out.push_str(&format!(
                "\n*** Flush not completed after {elapsed} seconds, {} entries remain ***\n",
                found.len()
            ));
            return Err(Failure::Exit(1));
        }
        if stats > 0 {
            ctx.out.push_str(&format!(
                "\n*** Round {round}, deleting {} entries ***\n",
                found.len()
            ));
        }
    }
}

/// Writes `-1` to `/proc/sys/net/ipv4/route/flush` (`iproute_flush_cache()`): the kernel
/// drops this namespace's IPv4 cached routes. A failure is said on stderr and, as with ip,
/// does not fail the command.
fn flush_ipv4_cache(ctx: &mut Ctx) {
    use std::io::Write as _;
    const PATH: &str = "/proc/sys/net/ipv4/route/flush";
    match std::fs::OpenOptions::new().write(true).open(PATH) {
        Ok(mut file) => {
            if !matches!(file.write(b"-1"), Ok(2)) {
                ctx.flush();
                eprintln!("Cannot flush routing cache");
            }
        }
        Err(e) => {
            let why = e
                .raw_os_error()
                .and_then(rtnl_ip::sys::strerror)
                .map_or_else(|| e.to_string(), str::to_owned);
            ctx.flush();
            eprintln!("Cannot open \"{PATH}\": {why}");
        }
    }
}

/// The zero address of `family` (`default` read in it), none before a family is known.
fn zero_address(family: Family) -> Option<IpAddr> {
    match family {
        Family::Inet => Some(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED)),
        Family::Inet6 => Some(IpAddr::V6(std::net::Ipv6Addr::UNSPECIFIED)),
        _ => None,
    }
}

/// `route get ADDR [from A] [iif D] [oif D] [mark N] [fibmatch] [as [to] A] ...`: the
/// kernel's answer, with the `uid` it carries. Each address is read in the family the words
/// before it set (`iproute_get()`); a later destination replaces an earlier one, as the
/// kernel keeps the last `RTA_DST` of ip's request.
fn get(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let mut dst = None;
    let mut query_from = None;
    let (mut iif, mut oif, mut mark, mut fib_match) = (None, None, None, false);
    let mut connected = false;
    // `from` was given (ip's `from_ok`), with an address or not.
    let mut from_given = false;
    // `as ADDR`; `None` inside: `default`, `any`, `all` (the family's zero address).
    let mut new_dst: Option<Option<IpAddr>> = None;
    // What the request carries beyond the destination and the devices.
    let mut get = RouteGet::new(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED));
    // ip's `req.r.rtm_family`, which the addresses are read in (see `parse_modify`).
    let mut family = ctx.opts.family;
    while let Some(word) = args.next() {
        match word {
            "from" => {
                // ip's get_prefix(): `any`/`all` no address, `default` the family's zero
                // address (none before a family), each of length 0; else ADDR[/LEN], sent with
                // the length it gave (the kernel checks it).
                let from = args::inet_prefix(args.value()?, family)?;
                from_given = true;
                query_from = from.address();
                if let Some(addr) = from.addr {
                    args::learn(&mut family, addr);
                }
                get.src_len = Some(from.len);
            }
            "iif" => {
                let value = args.value()?;
                iif = Some(args.bytes(value));
            }
            "oif" | "dev" => {
                let value = args.value()?;
                oif = Some(args.bytes(value));
            }
            "mark" => mark = Some(number::<u32>("mark", args.value()?)?),
            "fibmatch" => fib_match = true,
            w if w == "tos" || matches(w, "dsfield") => {
                get.tos = args.value_by("TOS value is invalid\n", names::parse_dsfield)?;
            }
            w if matches(w, "notify") => get.notify = true,
            w if matches(w, "connected") => connected = true,
            w if matches(w, "vrf") => {
                // ip's name_is_vrf(): a link of kind vrf, then the output device.
                let value = args.value()?;
                let name = args.bytes(value);
                match vrf_link(ctx, name)? {
                    VrfLink::Vrf { .. } => oif = Some(name),
                    _ => return Err(naming(name, |v| invarg("Invalid VRF\n", v))),
                }
            }
            "as" => {
                // ip's get_addr(): an address of the family so far (`default`, `any`, `all`:
                // none given; ip sends them as an empty or zero `RTA_NEWDST`).
                let mut value = args.value()?;
                if value == "to" {
                    value = args.value()?;
                }
                let to = args::inet_addr(value, family)?;
                if let Some(addr) = to.addr {
                    args::learn(&mut family, addr);
                }
                new_dst = Some(to.addr);
            }
            w if matches(w, "uid") => {
                get.uid = Some(args.value_by("invalid UID\n", |v| number::<u32>("uid", v).ok())?);
            }
            w if matches(w, "sport") || matches(w, "dport") => {
                let value = args.value()?;
                let sport = matches(w, "sport");
                let port = number::<u16>(w, value).map_err(|_| {
                    invarg(
                        if sport {
                            "invalid sport\n"
                        } else {
                            "invalid dport\n"
                        },
                        value,
                    )
                })?;
                if sport {
                    get.sport = Some(port);
                } else {
                    get.dport = Some(port);
                }
            }
            w if matches(w, "ipproto") => {
                get.ip_proto =
                    Some(args.value_by("Invalid \"ipproto\" value\n", names::parse_ip_protocol)?);
            }
            w => {
                let value = if w == "to" { args.value()? } else { w };
                if matches(value, "help") {
                    return Err(usage());
                }
                // ip's get_prefix(): `default`, `any`, `all` are length 0, of the family so
                // far (none yet: no address, and the family stays open; the kernel then looks
                // up the zero address, as it does for the zero address sent).
                let to = args::inet_prefix(value, family)?;
                if let Some(addr) = to.addr {
                    args::learn(&mut family, addr);
                }
                let (addr, len) = (to.addr_or_zero(), to.len);
                // The kernel looks up one address: ip says so and sends the full length.
                let full = match addr {
                    Some(IpAddr::V4(_)) => 32,
                    Some(IpAddr::V6(_)) => 128,
                    None => 0,
                };
                if len != full {
                    ctx.flush();
                    eprintln!(
                        "Warning: /{len} as prefix is invalid, only /{full} (or none) is supported."
                    );
                }
                dst = Some(addr);
            }
        }
    }
    let Some(dst) = dst else {
        return Err(Failure::local("need at least a destination address"));
    };
    // No address given (`default` before any family): the zero address of the family the
    // words set, else IPv4 (ip's `AF_INET` default).
    let dst = dst
        .or_else(|| zero_address(family))
        .unwrap_or(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED));
    let mut query = RouteQuery::new(dst);
    query.request.src = query_from;
    query.request.src_len = get.src_len;
    query.request.mark = mark;
    query.request.fib_match = fib_match;
    query.request.tos = get.tos;
    query.request.notify = get.notify;
    query.request.uid = get.uid;
    query.request.ip_proto = get.ip_proto;
    query.request.sport = get.sport;
    query.request.dport = get.dport;
    query.request.new_dst = new_dst.map(|addr| {
        addr.unwrap_or(match dst {
            IpAddr::V4(_) => IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED),
            IpAddr::V6(_) => IpAddr::V6(std::net::Ipv6Addr::UNSPECIFIED),
        })
    });
    if let Some(dev) = iif {
        query.iif = Some(device_index(ctx, dev)?.into());
    }
    if let Some(dev) = oif {
        query.oif = Some(device_index(ctx, dev)?.into());
    }
    // ip prints the table the answer names unless it is main (with -d, main too): IPv4 asks
    // for it (RTM_F_LOOKUP_TABLE), IPv6 always names it.
    let style = RouteStyle {
        stats: ctx.opts.stats > 0,
        ..RouteStyle::all_tables(ctx.opts.details)
    };
    let sourced = print_lookup(ctx, &query, style, false)?;
    if !connected || from_given {
        return Ok(());
    }
    // `connected` without `from` (iproute_get()): the answer must name a source, and then ip
    // asks again and prints the second answer too. ip sends its first request again (the
    // answer it rewrites is not what it sends), and its JSON context ended with the first
    // answer, so the second is text (not coloured under -j).
    if !sourced {
        return Err(Failure::local("Failed to connect the route"));
    }
    let json = std::mem::replace(&mut ctx.opts.json, false);
    let result = print_lookup(ctx, &query, style, json);
    ctx.opts.json = json;
    result.map(|_| ())
}

/// Asks the kernel for the route to `query` and prints the answer (a list of one in JSON;
/// never coloured when `plain`); whether the answer names a source (`RTA_PREFSRC` or
/// `RTA_SRC`).
fn print_lookup(
    ctx: &mut Ctx,
    query: &RouteQuery<'_>,
    style: RouteStyle,
    plain: bool,
) -> CmdResult<bool> {
    let mut p = ctx.printer();
    if plain {
        p.set_color(None);
    }
    let handle = ctx.handle()?;
    let mut table = LinkTable::new(handle);
    let mut sourced = false;
    p.start_list();
    let result = handle
        .route_lookup_with(query, |message| {
            sourced |= message.prefsrc().is_some() || message.src().is_some();
            let extra = Extra {
                uid: message
                    .attr(rta::UID)
                    .and_then(|a| a.payload().try_into().ok().map(u32::from_ne_bytes)),
                ..Extra::default()
            };
            show::route::route(&mut p, message, &mut table, style, extra);
        })
        .map_err(Failure::from);
    p.end_list();
    ctx.finish(p, result).map(|()| sourced)
}
