//! A route as `ip [-d] [-j] route show` (and `route get`, `monitor`) prints it
//! (`ip/iproute.c`'s `print_route()`), from the codec's [`RouteMessage`] view.

use std::fmt;
use std::io::Write;
use std::net::IpAddr;

use crate::codec::{
    RouteMessage, RouteMetrics, af, rt_scope, rt_table, rtax, rtax_feature, rtm_f, rtn, rtprot,
};
use crate::names;

use super::lookup::LinkTable;
use super::{Color, Printer};

/// Which parts of a route are printed (`print_route()`'s conditions): a selector that fixed a
/// value leaves it out.
///
/// `ip monitor` prints routes as `ip route show table all` does: [`RouteStyle::all_tables`].
#[derive(Clone, Copy, Debug)]
pub struct RouteStyle {
    /// `-d`: type, table, protocol and scope even when they are the defaults.
    pub details: bool,
    /// `table` (only when all tables were listed).
    pub table: bool,
    /// `dev`.
    pub dev: bool,
    /// `proto`.
    pub protocol: bool,
    /// `scope`.
    pub scope: bool,
    /// `via`.
    pub via: bool,
    /// `src`.
    pub src: bool,
    /// `metric`.
    pub metric: bool,
}

impl RouteStyle {
    /// Everything a route has, tables included (`ip route show table all`, `ip monitor`).
    pub fn all_tables(details: bool) -> RouteStyle {
        RouteStyle {
            details,
            table: true,
            dev: true,
            protocol: true,
            scope: true,
            via: true,
            src: true,
            metric: true,
        }
    }
}

/// What a `route get` answer shows beyond a listed route.
#[derive(Clone, Copy, Debug, Default)]
pub struct Extra {
    /// `RTA_SRC`: the source the lookup used (`from`).
    pub from: Option<IpAddr>,
    /// `RTA_UID`: the user the lookup was made for.
    pub uid: Option<u32>,
    /// An `RTM_DELROUTE` (a monitor or `-echo` line): `Deleted ` / `"deleted":true`, first
    /// inside the route's object as ip's `print_route` prints it.
    pub deleted: bool,
}

/// `RTCF_*` cache flags as `ip route get` prints them.
const CACHE_FLAGS: [(u32, &str); 14] = [
    (0x8000_0000, "local"),
    (0x4000_0000, "reject"),
    (0x2000_0000, "mc"),
    (0x1000_0000, "brd"),
    (0x0800_0000, "dst-nat"),
    (0x0080_0000, "src-nat"),
    (0x0040_0000, "masq"),
    (0x0002_0000, "dst-direct"),
    (0x0400_0000, "src-direct"),
    (0x0004_0000, "redirected"),
    (0x0100_0000, "redirect"),
    (0x0020_0000, "fastroute"),
    (0x0001_0000, "notify"),
    (0x0008_0000, "proxy"),
];

/// A prefix as `ip route` prints it: `default`, a bare address for a host route, or
/// `address/len`.
#[derive(Clone, Copy, Debug)]
pub struct Prefix(pub Option<IpAddr>, pub u8);

impl fmt::Display for Prefix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            None if self.1 == 0 => f.write_str("default"),
            None => write!(f, "0/{}", self.1),
            Some(address) => {
                let host_len = if address.is_ipv4() { 32 } else { 128 };
                if self.1 == host_len {
                    write!(f, "{address}")
                } else {
                    write!(f, "{address}/{}", self.1)
                }
            }
        }
    }
}

/// `RTA_PREF` as `ip` prints it (`print_rt_pref()`): `pref low|medium|high`, or a bare number
/// (a JSON number) for any other value.
fn pref<W: Write>(p: &mut Printer<W>, pref: u8) {
    let word = match pref {
        crate::codec::icmpv6_router_pref::LOW => "low",
        crate::codec::icmpv6_router_pref::MEDIUM => "medium",
        crate::codec::icmpv6_router_pref::HIGH => "high",
        other => return p.number(Some("pref"), other, format_args!("{other}")),
    };
    p.string(Some("pref"), word, format_args!("pref {word}"));
}

/// `RTA_FLOW` as `ip` prints it (`print_rta_flow()`): `realm TO` or `realms FROM/TO`; JSON
/// `"flow": {"from": .., "to": ..}`, `from` left out when 0.
fn realms<W: Write>(p: &mut Printer<W>, flow: u32) {
    let from = flow >> 16;
    let to = names::realm(flow & 0xffff);
    p.open_object(Some("flow"));
    if from != 0 {
        let from = names::realm(from);
        p.display(Some("from"), &from, format_args!("realms {from}/"));
    } else {
        p.text(format_args!("realm "));
    }
    p.display(Some("to"), &to, format_args!("{to} "));
    p.close_object();
}

/// `RTAX_*` names as `ip route` prints them (`mx_names`), indexed by type.
const METRIC_NAMES: [&str; rtax::MAX as usize + 1] = [
    "",
    "",
    "mtu",
    "window",
    "rtt",
    "rttvar",
    "ssthresh",
    "cwnd",
    "advmss",
    "reordering",
    "hoplimit",
    "initcwnd",
    "features",
    "rto_min",
    "initrwnd",
    "quickack",
    "congctl",
    "fastopen_no_cookie",
];

/// Seconds as C's `%g` prints them: six significant digits, trailing zeros dropped,
/// exponent form from 1e6 up.
struct G(f64);

impl fmt::Display for G {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.0;
        if v == 0.0 {
            return f.write_str("0");
        }
        let exponent = decimal_exponent(v.abs());
        let trim = |s: String| -> String {
            if s.contains('.') {
                s.trim_end_matches('0').trim_end_matches('.').to_owned()
            } else {
                s
            }
        };
        if (-4..6).contains(&exponent) {
            let decimals = usize::try_from(5 - exponent).unwrap_or(0);
            let fixed = format!("{v:.decimals$}");
            // Rounding may carry into a seventh digit (999999.5): use the exponent form.
            if fixed.split('.').next().is_some_and(|int| int.len() <= 6) {
                return f.write_str(&trim(fixed));
            }
        }
        let sci = format!("{v:.5e}");
        let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let sign = if exp < 0 { '-' } else { '+' };
        write!(
            f,
            "{}e{sign}{:02}",
            trim(mantissa.to_owned()),
            exp.unsigned_abs()
        )
    }
}

/// `floor(log10(a))` for a positive `a`, found by comparing with powers of ten (exact up to
/// 1e22, so exact for every value printed here) rather than with libm's `log10`, which would
/// make `rtnl` load libm at every start.
fn decimal_exponent(a: f64) -> i32 {
    let mut exponent = 0;
    let mut power = 1.0;
    while exponent < 308 && a >= power * 10.0 {
        power *= 10.0;
        exponent += 1;
    }
    while exponent > -324 && a < power {
        power /= 10.0;
        exponent -= 1;
    }
    exponent
}

/// `RTA_METRICS` as `ip route` prints it (`print_rta_metrics()`): each metric that is set or
/// locked, `NAME [lock] VALUE `; times in milliseconds (`rtt`, `rttvar` from the kernel's
/// eighths and quarters) as `Nms` or `N.Ns`. JSON: `"metrics": [{NAME: VALUE, ...}]`.
fn metrics<W: Write>(p: &mut Printer<W>, m: &RouteMetrics<'_>) {
    p.open_array(Some("metrics"));
    p.open_object(None);
    for ty in rtax::MTU..=rtax::MAX {
        let locked = m.locked(ty);
        if m.attr(ty).is_none() && !locked {
            continue;
        }
        let mut value = if ty == rtax::CC_ALGO {
            0
        } else {
            m.get(ty).unwrap_or(0)
        };
        if ty == rtax::HOPLIMIT && value == u32::MAX {
            continue;
        }
        let name = METRIC_NAMES.get(usize::from(ty)).copied().unwrap_or("");
        p.text(format_args!("{name} "));
        if locked {
            p.text(format_args!("lock "));
        }
        match ty {
            rtax::FEATURES => {
                if value & rtax_feature::ECN != 0 {
                    p.null(Some("ecn"), format_args!("ecn "));
                }
                if value & !rtax_feature::ECN != 0 {
                    let hex = format!("{value:#x}");
                    p.string(Some("features"), &hex, format_args!("{hex} "));
                }
            }
            rtax::RTT | rtax::RTTVAR | rtax::RTO_MIN => {
                if ty == rtax::RTT {
                    value /= 8;
                } else if ty == rtax::RTTVAR {
                    value /= 4;
                }
                if value >= 1000 {
                    let seconds = G(f64::from(value) / 1e3);
                    p.number(Some(name), value, format_args!("{seconds}s "));
                } else {
                    p.number(Some(name), value, format_args!("{value}ms "));
                }
            }
            rtax::CC_ALGO => {
                let algo = m.congctl().unwrap_or_default();
                p.bytes(Some("congestion"), algo, format_args!(""));
                p.text_bytes(algo);
                p.text(format_args!(" "));
            }
            _ => p.number(Some(name), value, format_args!("{value} ")),
        }
    }
    p.close_object();
    p.close_array();
}

/// Seconds until a route expires: `RTA_CACHEINFO`'s `rta_expires` (hundredths), if not 0.
fn expires(m: &RouteMessage<'_>) -> Option<u32> {
    m.cacheinfo()
        .map(|ci| ci.rta_expires.get())
        .filter(|&clock_t| clock_t != 0)
        .map(|clock_t| (clock_t / 100).unsigned_abs())
}

/// One route: a JSON object, or its text line(s).
pub fn route<W: Write>(
    p: &mut Printer<W>,
    m: &RouteMessage<'_>,
    links: &mut LinkTable,
    style: RouteStyle,
    extra: Extra,
) {
    p.open_object(None);
    if extra.deleted {
        p.boolean(Some("deleted"), true, format_args!("Deleted "));
    }
    let flags = m.flags();
    let cloned = flags & rtm_f::CLONED != 0;
    let ty = m.route_type();
    if ty != rtn::UNICAST || style.details {
        let ty = names::route_type(ty);
        p.display(Some("type"), &ty, format_args!("{ty} "));
    }
    let color = Color::of_family(m.family());
    let dst = Prefix(m.dst(), m.dst_len());
    let dst_color = color.filter(|_| m.dst().is_some());
    p.color_display(dst_color, Some("dst"), &dst, format_args!("{dst} "));
    if let Some(from) = extra.from {
        p.color_display(color, Some("from"), &from, format_args!("from {from} "));
    }
    if let Some(gw) = m.gateway().filter(|_| style.via) {
        p.text(format_args!("via "));
        p.color_display(color, Some("gateway"), &gw, format_args!("{gw} "));
    }
    if let Some(oif) = m.oif().filter(|_| style.dev) {
        let dev = links.display(oif);
        p.text(format_args!("dev "));
        p.color_start(Some(Color::Ifname));
        p.link_name(Some("dev"), &dev, "", " ");
        p.color_end();
    }
    let table = m.table();
    if style.table && (table != rt_table::MAIN || style.details) {
        let table = names::table(table);
        p.display(Some("table"), &table, format_args!("table {table} "));
    }
    if !cloned {
        let protocol = m.protocol();
        if (protocol != rtprot::BOOT || style.details) && style.protocol {
            let protocol = names::protocol(protocol);
            p.display(
                Some("protocol"),
                &protocol,
                format_args!("proto {protocol} "),
            );
        }
        let scope = m.scope();
        if (scope != rt_scope::UNIVERSE || style.details) && style.scope {
            let scope = names::scope(scope);
            p.display(Some("scope"), &scope, format_args!("scope {scope} "));
        }
    }
    if let Some(src) = m.prefsrc().filter(|_| style.src) {
        p.text(format_args!("src "));
        p.color_display(color, Some("prefsrc"), &src, format_args!("{src} "));
    }
    if let Some(metric) = m.priority().filter(|_| style.metric) {
        p.number(Some("metric"), metric, format_args!("metric {metric} "));
    }
    p.open_array(Some("flags"));
    names::for_each_nexthop_flag(flags, |flag| {
        p.string(None, flag, format_args!("{flag} "));
    });
    p.close_array();
    if let Some(flow) = m.flow() {
        realms(p, flow);
    }
    if let Some(uid) = extra.uid {
        p.number(Some("uid"), uid, format_args!("uid {uid} "));
    }
    let cache = m.family() == af::INET && cloned;
    if cache {
        let sl = p.sl();
        p.text(format_args!("{sl}    cache "));
        p.open_array(Some("cache"));
        let mut rest = flags & !0xffff;
        if rest != 0 {
            p.text(format_args!("<"));
            for (bit, word) in CACHE_FLAGS {
                if rest & bit != 0 {
                    rest &= !bit;
                    let end = if rest != 0 { "," } else { "> " };
                    p.string(None, word, format_args!("{word}{end}"));
                }
            }
            if rest != 0 {
                p.text(format_args!("{rest:x}> "));
            }
        }
        p.close_array();
    }
    if let Some(expires) = expires(m) {
        p.number(
            Some("expires"),
            expires,
            format_args!("expires {expires}sec "),
        );
    }
    if let Some(m) = m.metrics() {
        metrics(p, &m);
    }
    if let Some(value) = m.pref() {
        pref(p, value);
    }
    let mut hops = m.multipath().into_iter().flatten().map_while(Result::ok);
    if let Some(first) = hops.next() {
        p.open_array(Some("nexthops"));
        for hop in std::iter::once(first).chain(hops) {
            p.open_object(None);
            let sl = p.sl();
            p.text(format_args!("{sl}\tnexthop "));
            if let Some(gw) = hop.gateway() {
                p.text(format_args!("via "));
                p.color_display(color, Some("gateway"), &gw, format_args!("{gw} "));
            }
            let oif = hop.ifindex();
            let dev = links.display(oif);
            if oif != 0 {
                p.link_name(Some("dev"), &dev, "dev ", " ");
            } else {
                p.display(Some("dev"), &dev, format_args!(""));
            }
            let weight = hop.weight();
            p.number(Some("weight"), weight, format_args!("weight {weight} "));
            p.open_array(Some("flags"));
            names::for_each_nexthop_flag(u32::from(hop.flags()), |flag| {
                p.string(None, flag, format_args!("{flag} "));
            });
            p.close_array();
            p.close_object();
        }
        p.close_array();
    }
    p.text(format_args!("\n"));
    p.close_object();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// C's `%g`, as `ip route` prints seconds of `rtt` and `rto_min`.
    #[test]
    fn seconds_print_as_c_g() {
        for (value, text) in [
            (1.0, "1"),
            (1.5, "1.5"),
            (2.25, "2.25"),
            (123.456, "123.456"),
            (536.870_911, "536.871"),
            (1234.567, "1234.57"),
            (999_999.4, "999999"),
            (999_999.5, "1e+06"),
            (4_294_967.295, "4.29497e+06"),
            (0.0, "0"),
        ] {
            assert_eq!(G(value).to_string(), text, "{value}");
        }
    }

    /// Every value `metrics` prints as seconds (milliseconds from 1000 up, divided by 1e3)
    /// gets the exponent of its integer part, the one libm's `log10` gave: near each power of
    /// ten, and spread over the whole `u32` range.
    #[test]
    fn decimal_exponent_is_floor_log10() {
        let mut values: Vec<u32> = (0..=6)
            .flat_map(|k| {
                let p = 1000 * 10u32.pow(k);
                [p - 1, p, p + 1]
            })
            .filter(|&v| v >= 1000)
            .collect();
        values.extend((1000..=u32::MAX).step_by(9_973));
        values.push(u32::MAX);
        for value in values {
            let seconds = f64::from(value) / 1e3;
            let want = (value / 1000).ilog10();
            assert_eq!(decimal_exponent(seconds), want as i32, "{value}");
            assert_eq!(seconds.log10().floor(), f64::from(want), "{value}");
        }
        assert_eq!(decimal_exponent(0.001), -3);
        assert_eq!(decimal_exponent(0.5), -1);
        assert_eq!(decimal_exponent(1e22), 22);
        assert_eq!(decimal_exponent(f64::INFINITY), 308);
    }
}
