//! A route as `ip [-d] [-j] route show` (and `route get`, `monitor`) prints it
//! (`ip/iproute.c`'s `print_route()`), from the codec's [`RouteMessage`] view.

use std::fmt;
use std::io::Write;
use std::net::IpAddr;

use crate::codec::{RouteMessage, af, rt_scope, rt_table, rtm_f, rtn, rtprot};
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

/// `RTA_PREF` as `ip` prints it.
struct Pref(u8);

impl fmt::Display for Pref {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            0 => f.write_str("medium"),
            1 => f.write_str("high"),
            3 => f.write_str("low"),
            other => write!(f, "{other}"),
        }
    }
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
    if let Some(uid) = extra.uid {
        p.text(format_args!("uid {uid} "));
    }
    let cache = m.family() == af::INET && cloned;
    if cache {
        let sl = p.sl();
        p.text(format_args!("{sl}    cache "));
        let mut rest = flags & !0xffff;
        if rest != 0 {
            p.text(format_args!("<"));
            for (bit, word) in CACHE_FLAGS {
                if rest & bit != 0 {
                    rest &= !bit;
                    let end = if rest != 0 { "," } else { "> " };
                    p.text(format_args!("{word}{end}"));
                }
            }
            if rest != 0 {
                p.text(format_args!("{rest:x}> "));
            }
        }
    }
    if let Some(expires) = expires(m) {
        p.number(
            Some("expires"),
            expires,
            format_args!("expires {expires}sec "),
        );
    }
    if let Some(pref) = m.pref() {
        let pref = Pref(pref);
        p.display(Some("pref"), &pref, format_args!("pref {pref}"));
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
    if let Some(uid) = extra.uid {
        p.number(Some("uid"), uid, format_args!(""));
    }
    if cache {
        let rest = flags & !0xffff;
        p.open_array(Some("cache"));
        for (bit, word) in CACHE_FLAGS {
            if rest & bit != 0 {
                p.string(None, word, format_args!(""));
            }
        }
        p.close_array();
    }
    p.text(format_args!("\n"));
    p.close_object();
}
