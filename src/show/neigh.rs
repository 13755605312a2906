//! A neighbour entry as `ip [-j] [-s] neigh show` and `ip monitor neigh` print it
//! (`ip/ipneigh.c`'s `print_neigh()`), from the codec's [`NeighbourMessage`] view.

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::codec::{NeighbourMessage, View, af, nda, ntf, ntf_ext, nud, rtm};
use crate::names::{self, HardwareAddress};

use super::monitor::{MonitorContext, MonitorLine};
use super::lookup::LinkTable;
use super::{Color, Printer};

/// What of an entry is printed, as `ip`'s options and filter decide.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NeighbourStyle {
    /// `-s`: the cache times (`used`/`confirmed`/`updated`, seconds), references and probes.
    pub stats: bool,
    /// The device is left out: the command named it (`ip neigh show dev DEV`).
    pub dev_filtered: bool,
    /// `-br`: only the destination, device and link-layer address, in columns
    /// (`print_neigh_brief()`).
    pub brief: bool,
}

/// The `NUD_*` states (`ndm_state`, `include/uapi/linux/neighbour.h`) in the order `ip` prints
/// them, with their words (iproute2's `nud_state_n2a()`).
pub const STATES: [(u16, &str); 8] = [
    (nud::INCOMPLETE, "INCOMPLETE"),
    (nud::REACHABLE, "REACHABLE"),
    (nud::STALE, "STALE"),
    (nud::DELAY, "DELAY"),
    (nud::PROBE, "PROBE"),
    (nud::FAILED, "FAILED"),
    (nud::NOARP, "NOARP"),
    (nud::PERMANENT, "PERMANENT"),
];

/// `USER_HZ`: the clock ticks a second of `NDA_CACHEINFO` (iproute2's `get_user_hz()`).
const USER_HZ: u32 = 100;

/// One entry: an element of the JSON list, one line of text.
pub fn neighbour<W: Write>(
    p: &mut Printer<W>,
    m: &NeighbourMessage<'_>,
    links: &mut LinkTable,
    style: NeighbourStyle,
) {
    p.open_object(None);
    let ty = m.message().ty();
    if ty == <NeighbourMessage<'_> as View<'_>>::DEL {
        p.boolean(Some("deleted"), true, format_args!("Deleted "));
    } else if ty == rtm::GETNEIGH {
        p.null(Some("miss"), format_args!("miss "));
    }
    if style.brief {
        return brief(p, m, links, style);
    }
    if let Some(dst) = destination(m) {
        let color = Color::of_family(family_of(dst));
        let dst = names::host(dst);
        p.color_display(color, Some("dst"), &dst, format_args!("{dst} "));
    }
    let index = m.index();
    if !style.dev_filtered && index != 0 {
        // The name's bytes, as ip prints them.
        let dev = links.display(index);
        p.text(format_args!("dev "));
        p.color_start(Some(Color::Ifname));
        p.link_name(Some("dev"), &dev, "", " ");
        p.color_end();
    }
    if let Some(lladdr) = m.lladdr() {
        let ll = HardwareAddress(lladdr);
        p.text(format_args!("lladdr "));
        p.color_display(Some(Color::Mac), Some("lladdr"), &ll, format_args!("{ll} "));
    }
    let flags = m.flags();
    for (bit, word) in [(ntf::ROUTER, "router"), (ntf::PROXY, "proxy")] {
        if flags & bit != 0 {
            p.null(Some(word), format_args!("{word} "));
        }
    }
    if m.ext_flags() & ntf_ext::MANAGED != 0 {
        p.null(Some("managed"), format_args!("managed "));
    }
    for (bit, word) in [
        (ntf::EXT_LEARNED, "extern_learn"),
        (ntf::OFFLOADED, "offload"),
    ] {
        if flags & bit != 0 {
            p.null(Some(word), format_args!("{word} "));
        }
    }
    if style.stats {
        if let Some(ci) = m.cacheinfo() {
            let refcnt = ci.ndm_refcnt.get();
            if refcnt != 0 {
                p.number(Some("refcnt"), refcnt, format_args!(" ref {refcnt}"));
            }
            let used = ci.ndm_used.get() / USER_HZ;
            let confirmed = ci.ndm_confirmed.get() / USER_HZ;
            let updated = ci.ndm_updated.get() / USER_HZ;
            p.number(Some("used"), used, format_args!(" used {used}"));
            p.number(Some("confirmed"), confirmed, format_args!("/{confirmed}"));
            p.number(Some("updated"), updated, format_args!("/{updated}"));
        }
        if let Some(probes) = m.probes() {
            p.number(Some("probes"), probes, format_args!("probes {probes} "));
        }
    }
    let state = m.state();
    if state != 0 {
        p.open_array(Some("state"));
        for (bit, word) in STATES {
            if state & bit != 0 {
                p.string(None, word, format_args!("{word} "));
            }
        }
        p.close_array();
    }
    if let Some(protocol) = m.protocol().filter(|&proto| proto != 0) {
        let proto = names::protocol(protocol);
        p.display(Some("protocol"), &proto, format_args!("proto {proto} "));
    }
    p.text(format_args!("\n"));
    p.close_object();
}

/// `ip -br neigh`'s line (`print_neigh_brief()`): the destination in 39 columns, the device in
/// 16 (its name's bytes, padded by their count as C's `%-16s`), the link-layer address; JSON
/// has those three keys only.
fn brief<W: Write>(
    p: &mut Printer<W>,
    m: &NeighbourMessage<'_>,
    links: &mut LinkTable,
    style: NeighbourStyle,
) {
    if let Some(dst) = destination(m) {
        let color = Color::of_family(family_of(dst));
        let dst = names::host(dst);
        // Host pads nothing itself: C's `%-39s` is applied to its text.
        let text = dst.to_string();
        p.color_display(color, Some("dst"), &dst, format_args!("{text:<39} "));
    }
    let index = m.index();
    if !style.dev_filtered && index != 0 {
        let dev = links.display(index);
        let width = match dev.name {
            Some(name) => name.len(),
            None => dev.to_string().len(),
        };
        let pad = " ".repeat(16usize.saturating_sub(width) + 1);
        p.color_start(Some(Color::Ifname));
        p.link_name(Some("dev"), &dev, "", &pad);
        p.color_end();
    }
    if let Some(lladdr) = m.lladdr() {
        let ll = HardwareAddress(lladdr);
        p.color_display(Some(Color::Mac), Some("lladdr"), &ll, format_args!("{ll}"));
    }
    p.text(format_args!("\n"));
    p.close_object();
}

/// `AF_INET` or `AF_INET6`, as the address is.
fn family_of(addr: IpAddr) -> u8 {
    match addr {
        IpAddr::V4(_) => af::INET,
        IpAddr::V6(_) => af::INET6,
    }
}

/// `NDA_DST` in the family `ip` prints it as: the message's, or for a bridge FDB entry the one
/// its length says (16 bytes IPv6, else IPv4).
fn destination(m: &NeighbourMessage<'_>) -> Option<IpAddr> {
    if m.family() != af::BRIDGE {
        return m.destination();
    }
    let bytes = m.attr(nda::DST)?.payload();
    if let Ok(v6) = <[u8; 16]>::try_from(bytes) {
        Some(IpAddr::V6(Ipv6Addr::from(v6)))
    } else {
        let v4 = bytes.get(..4)?;
        Some(IpAddr::V4(Ipv4Addr::new(v4[0], v4[1], v4[2], v4[3])))
    }
}

/// `ip monitor`'s neighbour line: as `ip neigh show` prints it (`print_neigh()` writes
/// `Deleted ` itself, and with `-br` its brief form); neighbours of the other family
/// (`-4`/`-6`) are skipped.
impl MonitorLine for NeighbourMessage<'_> {
    fn monitor_line<W: Write>(&self, p: &mut Printer<W>, cx: &mut MonitorContext<'_, W>, _deleted: bool) {
        if cx.other_family(self.family()) {
            return;
        }
        (cx.banner)(p, "NEIGH", false);
        if cx.other_dev(self.index()) {
            return;
        }
        let style = NeighbourStyle {
            stats: cx.stats,
            dev_filtered: cx.dev.is_some(),
            brief: cx.brief,
        };
        neighbour(p, self, cx.links, style);
    }
}
