//! A routing policy rule as `ip [-j] [-d] rule show` and `ip monitor rule` print it
//! (`ip/iprule.c`'s `print_rule()`), from the codec's [`RuleMessage`] view.

use std::fmt;
use std::io::Write;

use crate::codec::{RuleMessage, af, fib_rule, fr_act, rta, rtm, rtprot};
use crate::names;

use super::monitor::{MonitorContext, MonitorLine};
use super::{Color, Printer};
use super::link::Hex;

/// One rule (`print_rule()`): `PRIO:\tfrom SRC[/LEN] [to DST[/LEN]] [tos T] [fwmark M[/K]] [iif
/// D] [oif D] [uidrange A-B] [ipproto P] [sport ..] [dport ..] lookup TABLE ... [proto P]`,
/// `Deleted ` first for an `RTM_DELRULE` event; with `details`, the protocol is printed even
/// when it is unset or `kernel`. JSON keys are ip's (`priority`, `src`, `srclen`, `table`, ...).
pub fn rule<W: Write>(p: &mut Printer<W>, m: &RuleMessage<'_>, details: bool) {
    p.open_object(None);
    if m.message().ty() == rtm::DELRULE {
        p.boolean(Some("deleted"), true, format_args!("Deleted "));
    }
    let priority = m.priority().unwrap_or(0);
    p.number(Some("priority"), priority, format_args!("{priority}:\t"));
    let flags = m.flags();
    if flags & fib_rule::INVERT != 0 {
        p.null(Some("not"), format_args!("not "));
    }
    let host_len = match m.family() {
        af::INET => 32,
        af::INET6 => 128,
        _ => 0,
    };
    // ip colours the addresses by family, and the device names.
    let color = Color::of_family(m.family());
    match (m.src(), m.src_len()) {
        (Some(src), len) => {
            p.text(format_args!("from "));
            p.color_display(color, Some("src"), &src, format_args!("{src}"));
            if len != host_len {
                p.number(Some("srclen"), len, format_args!("/{len}"));
            }
        }
        (None, 0) => p.string(Some("src"), "all", format_args!("from all")),
        (None, len) => {
            p.string(Some("src"), "0", format_args!("from 0"));
            p.number(Some("srclen"), len, format_args!("/{len}"));
        }
    }
    match (m.dst(), m.dst_len()) {
        (Some(dst), len) => {
            p.text(format_args!(" to "));
            p.color_display(color, Some("dst"), &dst, format_args!("{dst}"));
            if len != host_len {
                p.number(Some("dstlen"), len, format_args!("/{len}"));
            }
        }
        (None, 0) => {}
        (None, len) => {
            p.string(Some("dst"), "0", format_args!(" to 0"));
            p.number(Some("dstlen"), len, format_args!("/{len}"));
        }
    }
    if m.tos() != 0 {
        let tos = names::dsfield(m.tos());
        p.display(Some("tos"), &tos, format_args!(" tos {tos}"));
    }
    if m.fwmark().is_some() || m.fwmask().is_some() {
        let mark = Hex(m.fwmark().unwrap_or(0).into());
        p.display(Some("fwmark"), &mark, format_args!(" fwmark {mark}"));
        if let Some(mask) = m.fwmask().filter(|&mask| mask != u32::MAX) {
            let mask = Hex(mask.into());
            p.display(Some("fwmask"), &mask, format_args!("/{mask}"));
        }
    }
    for (name, key, detached, detached_key) in [
        (m.iif_name(), "iif", fib_rule::IIF_DETACHED, "iif_detached"),
        (m.oif_name(), "oif", fib_rule::OIF_DETACHED, "oif_detached"),
    ] {
        if let Some(name) = name {
            p.text(format_args!(" {key} "));
            // The name's bytes, as ip prints them.
            p.bytes(Some(key), name, format_args!(""));
            p.color_start(Some(Color::Ifname));
            p.text_bytes(name);
            p.color_end();
            if flags & detached != 0 {
                p.null(Some(detached_key), format_args!(" [detached]"));
            }
        }
    }
    if m.l3mdev().is_some_and(|v| v != 0) {
        p.null(Some("l3mdev"), format_args!(" lookup [l3mdev-table]"));
    }
    if let Some((start, end)) = m.uid_range() {
        p.number(Some("uid_start"), start, format_args!(" uidrange {start}"));
        p.number(Some("uid_end"), end, format_args!("-{end}"));
    }
    if let Some(proto) = m.ip_proto() {
        let proto = names::ip_protocol(proto);
        p.display(Some("ipproto"), &proto, format_args!(" ipproto {proto}"));
    }
    for (range, key) in [(m.sport_range(), "sport"), (m.dport_range(), "dport")] {
        match range {
            Some((start, end)) if start == end => {
                p.number(Some(key), start, format_args!(" {key} {start}"));
            }
            Some((start, end)) => {
                let (start_key, end_key) = if key == "sport" {
                    ("sport_start", "sport_end")
                } else {
                    ("dport_start", "dport_end")
                };
                p.number(Some(start_key), start, format_args!(" {key} {start}"));
                p.number(Some(end_key), end, format_args!("-{end}"));
            }
            None => {}
        }
    }
    if let Some(tun_id) = m.tun_id() {
        match i64::try_from(tun_id) {
            Ok(n) => p.number(Some("tun_id"), n, format_args!(" tun_id {tun_id}")),
            Err(_) => p.display(Some("tun_id"), &tun_id, format_args!(" tun_id {tun_id}")),
        }
    }
    let table = m.table();
    if table != 0 {
        let name = names::table(table);
        p.display(Some("table"), &name, format_args!(" lookup {name}"));
        if let Some(len) = m.suppress_prefixlen().filter(|&len| len != -1) {
            p.number(
                Some("suppress_prefixlen"),
                len,
                format_args!(" suppress_prefixlength {len}"),
            );
        }
        if let Some(group) = m.suppress_ifgroup().filter(|&group| group != -1) {
            let group = names::group(group as u32);
            p.display(
                Some("suppress_ifgroup"),
                &group,
                format_args!(" suppress_ifgroup {group}"),
            );
        }
    }
    if let Some(flow) = m.flow() {
        let (from, to) = (flow >> 16, flow & 0xffff);
        if from != 0 {
            let from = Realm(from);
            p.display(Some("flow_from"), &from, format_args!(" realms {from}/"));
        } else {
            p.text(format_args!(" realms "));
        }
        let to = Realm(to);
        p.display(Some("flow_to"), &to, format_args!("{to}"));
    }
    match m.action() {
        RTN_NAT => match m.attr(rta::GATEWAY).map(|a| a.payload()) {
            Some(&[a, b, c, d, ..]) => {
                let gateway = names::host(std::net::Ipv4Addr::new(a, b, c, d).into());
                p.display(
                    Some("nat_gateway"),
                    &gateway,
                    format_args!(" map-to {gateway}"),
                );
            }
            _ => p.null(Some("masquerade"), format_args!(" masquerade")),
        },
        fr_act::GOTO => {
            match m.goto() {
                Some(target) => p.number(Some("goto"), target, format_args!(" goto {target}")),
                None => p.string(Some("goto"), "none", format_args!(" goto none")),
            }
            if flags & fib_rule::UNRESOLVED != 0 {
                p.null(Some("unresolved"), format_args!(" [unresolved]"));
            }
        }
        fr_act::NOP => p.null(Some("nop"), format_args!(" nop")),
        fr_act::TO_TBL => {}
        action => {
            let action = names::route_type(action);
            p.display(Some("action"), &action, format_args!(" {action}"));
        }
    }
    if let Some(protocol) = m.protocol()
        && ((protocol != 0 && protocol != rtprot::KERNEL) || details)
    {
        let protocol = names::protocol(protocol);
        p.display(
            Some("protocol"),
            &protocol,
            format_args!(" proto {protocol}"),
        );
    }
    p.text(format_args!("\n"));
    p.close_object();
}

/// `RTN_NAT`: the action of a deprecated `ip rule add nat ADDR` rule, whose address the kernel
/// sends as `RTA_GATEWAY`.
const RTN_NAT: u8 = 10;

/// A realm as `rtnl_rtrealm_n2a()` names it from iproute2's shipped `rt_realms`: 0 is
/// `cosmos`, the rest are numbers.
struct Realm(u32);

impl fmt::Display for Realm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            0 => f.write_str("cosmos"),
            n => write!(f, "{n}"),
        }
    }
}

/// `ip monitor`'s rule line: as `ip rule show` prints it (`print_rule()` writes `Deleted `
/// itself).
impl MonitorLine for RuleMessage<'_> {
    fn monitor_line<W: Write>(&self, p: &mut Printer<W>, cx: &mut MonitorContext<'_, W>, _deleted: bool) {
        (cx.banner)(p, "RULE", false);
        rule(p, self, cx.details);
    }
}
