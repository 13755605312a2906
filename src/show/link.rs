//! A link as `ip [-d] [-j] link show` prints it (`ip/ipaddress.c`'s `print_linkinfo()`), from
//! the codec's [`LinkMessage`] view.

use std::fmt;
use std::io::Write;

use crate::codec::{LinkMessage, iff};
use crate::names::{self, FlagWord, HardwareAddress};

use super::lookup::{LinkTable, is_up};
use super::stats::{self, StatsStyle};
use super::{Color, Printer};

/// What a link's output includes.
#[derive(Clone, Copy, Debug)]
pub struct LinkStyle {
    /// `-d`: the details (counters, limits, `linkinfo`).
    pub details: bool,
    /// Text: the `link/TYPE` line (left out when `-4`/`-6` asked for another family).
    pub show_ll: bool,
    /// JSON: `link_type`, `address`, `broadcast` (`ip -j address` leaves them out with
    /// `-4`/`-6`).
    pub ll_json: bool,
    /// `mode DEFAULT` / `"linkmode"`, and the alias without `-d` (`ip link` prints them, `ip
    /// address` and `ip monitor` do not: iproute2's `do_link`).
    pub mode: bool,
    /// `qlen N` / `"txqlen"` (`ip monitor` and `ip -echo` leave it out: ip's `showqueue`).
    pub qlen: bool,
    /// Only what the kernel's IPv6 link dump (`inet6_fill_ifinfo`) holds: index, name, flags,
    /// type, address, MTU, lower link (when not itself), state and queue length; `ip -6
    /// address` prints links from that dump.
    pub inet6: bool,
    /// `-s`: the counters after the link (`ip link`; `ip address` prints them after the
    /// addresses itself, with [`stats::link_stats`]).
    pub stats: StatsStyle,
    /// `-br`: the one-line brief form.
    pub brief: Brief,
}

/// `-br`: what the brief form of a link holds (`print_linkinfo_brief()`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Brief {
    /// The full form.
    #[default]
    Off,
    /// `ip -br link`: name, state, hardware address and flags, then the line's end.
    Link,
    /// `ip -br address`: name and state; the caller adds the addresses and the line's end.
    Name,
}

impl LinkStyle {
    /// `ip link show`'s style (`details` for `-d`, `show_ll` unless `-4`/`-6`).
    pub fn link_show(details: bool, show_ll: bool) -> Self {
        LinkStyle {
            details,
            show_ll,
            ll_json: true,
            mode: true,
            qlen: true,
            inet6: false,
            stats: StatsStyle::default(),
            brief: Brief::Off,
        }
    }
}

/// One link as a JSON object, or its text lines (`print_linkinfo()`).
pub fn link<W: Write>(
    p: &mut Printer<W>,
    m: &LinkMessage<'_>,
    links: &mut LinkTable,
    style: LinkStyle,
) {
    p.open_object(None);
    link_fields(p, m, links, style, format_args!(""));
    p.close_object();
}

/// The members of a link's JSON object (the caller opens and closes it, and may add
/// `addr_info`), or its text: the header line, the `link/TYPE` line (unless another family was
/// asked for) ending with `moved` (text only: `ip monitor`'s ` new-netns NAME new-ifindex N`),
/// with `-d` the details, then the alias line.
pub fn link_fields<W: Write>(
    p: &mut Printer<W>,
    m: &LinkMessage<'_>,
    links: &mut LinkTable,
    style: LinkStyle,
    moved: fmt::Arguments<'_>,
) {
    let full = !style.inet6;
    let index = m.index();
    let name = m.name_bytes().unwrap_or_default();
    let link_netnsid = m.link_netnsid().filter(|_| full);
    let lower = if full {
        m.link()
    } else {
        m.link().filter(|&l| l != index)
    };
    let json = p.is_json();
    let flags = m.flags();

    if style.brief != Brief::Off {
        let lower_down = name_and_link(p, name, lower, link_netnsid, links, true);
        if let Some(state) = m.operstate() {
            operstate(p, state, true);
        }
        if style.brief == Brief::Link {
            if let Some(address) = m.address() {
                let address = HardwareAddress(address);
                p.color_display(
                    Some(Color::Mac),
                    Some("address"),
                    &address,
                    format_args!("{address} "),
                );
            }
            link_flags(p, flags, lower_down);
            p.text(format_args!("\n"));
        }
        return;
    }

    p.number(Some("ifindex"), index, format_args!("{index}: "));
    let lower_down = name_and_link(p, name, lower, link_netnsid, links, false);
    link_flags(p, flags, lower_down);

    if let Some(mtu) = m.mtu() {
        p.number(Some("mtu"), mtu, format_args!("mtu {mtu} "));
    }
    if let Some(qdisc) = m.qdisc().filter(|_| full) {
        p.string(Some("qdisc"), qdisc, format_args!("qdisc {qdisc} "));
    }
    if let Some(master) = m.master().filter(|_| full) {
        let master = links.display(master);
        p.link_name(Some("master"), &master, "master ", " ");
    }
    if let Some(state) = m.operstate() {
        operstate(p, state, false);
    }
    if let Some(linkmode) = m.linkmode().filter(|_| style.mode && full) {
        let linkmode = names::linkmode(linkmode);
        p.display(
            Some("linkmode"),
            &linkmode,
            format_args!("mode {linkmode} "),
        );
    }
    if let Some(group) = m.group().filter(|_| full) {
        let group = names::group(group);
        p.display(Some("group"), &group, format_args!("group {group} "));
    }
    // ip's print_queuelen() leaves out a zero queue length.
    if let Some(txqlen) = m.txqlen().filter(|&q| q != 0) {
        // ip's filter.showqueue: off for monitor and -echo lines, text and JSON.
        if style.qlen {
            p.number(Some("txqlen"), txqlen, format_args!("qlen {txqlen}"));
        }
    }

    let ll = if json { style.ll_json } else { style.show_ll };
    if ll {
        let link_type = names::link_type(m.link_type());
        let sl = p.sl();
        p.display(
            Some("link_type"),
            &link_type,
            format_args!("{sl}    link/{link_type} "),
        );
        let address = m.address();
        if let Some(address) = address {
            let address = HardwareAddress(address);
            p.color_display(
                Some(Color::Mac),
                Some("address"),
                &address,
                format_args!("{address}"),
            );
        }
        if let Some(brd) = m.broadcast().filter(|_| full) {
            let word = if flags & iff::POINTOPOINT != 0 {
                "peer"
            } else {
                "brd"
            };
            let brd = HardwareAddress(brd);
            p.text(format_args!(" {word} "));
            p.color_display(
                Some(Color::Mac),
                Some("broadcast"),
                &brd,
                format_args!("{brd}"),
            );
        }
        if let (Some(perm), Some(address)) = (m.perm_address().filter(|_| full), address)
            && perm != address
        {
            p.text(format_args!(" permaddr "));
            p.color_text(Some(Color::Mac), format_args!("{}", HardwareAddress(perm)));
        }
    }
    if let Some(nsid) = link_netnsid {
        if json {
            p.number(Some("link_netnsid"), nsid, format_args!(""));
        } else if nsid < 0 {
            p.text(format_args!(" link-netnsid unknown"));
        } else if let Some(name) = links.netns_name(nsid) {
            p.text(format_args!(" link-netns {name}"));
        } else {
            p.text(format_args!(" link-netnsid {nsid}"));
        }
    }
    p.text(moved);
    if style.details && full {
        details(p, m, links);
    }
    // ip prints the alias for `ip link`, and elsewhere only with -d.
    if let Some(alias) = m
        .alias_bytes()
        .filter(|_| full && (style.mode || style.details))
    {
        p.nl();
        p.bytes(Some("ifalias"), alias, format_args!(""));
        p.text(format_args!("    alias "));
        p.text_bytes(alias);
    }
    if style.stats.level > 0 {
        p.nl();
        stats::link_stats(p, m, style.stats);
    }
    // ip prints the alternative names of every link it shows, last.
    if m.attr(crate::codec::ifla::PROP_LIST).is_some() {
        p.open_array(Some("altnames"));
        for name in m.alt_names() {
            p.nl();
            p.text(format_args!("    altname "));
            p.bytes(None, name, format_args!(""));
            p.text_bytes(name);
        }
        p.close_array();
    }
    p.text(format_args!("\n"));
}

/// The name, with `@LOWER` for a link on another (`print_name_and_link()`), coloured as an
/// interface name: followed by `: `, or in the brief form padded to 16 columns and a space.
/// JSON: `link` (or `link_index`) and `ifname`. Whether the lower link is down (`M-DOWN`).
fn name_and_link<W: Write>(
    p: &mut Printer<W>,
    name: &[u8],
    lower: Option<u32>,
    link_netnsid: Option<i32>,
    links: &mut LinkTable,
    brief: bool,
) -> bool {
    let mut lower_down = false;
    p.color_start(Some(Color::Ifname));
    p.text_bytes(name);
    let width = name.len()
        + match (lower, link_netnsid) {
            (Some(0), _) => {
                p.null(Some("link"), format_args!("@NONE"));
                "@NONE".len()
            }
            (Some(i), Some(_)) => {
                p.number(Some("link_index"), i, format_args!("@if{i}"));
                text_len(format_args!("@if{i}"))
            }
            (Some(i), None) => {
                // ip 6.1's ll_index_to_flags() is -1 (every bit set, IFF_UP among them) for a
                // link it cannot find: no M-DOWN (`ip monitor file` of a dump whose peer comes later).
                lower_down = links.flags(i).is_some_and(|flags| !is_up(flags));
                let peer = links.display(i);
                p.link_name(Some("link"), &peer, "@", "");
                1 + peer
                    .name
                    .map_or_else(|| text_len(format_args!("{peer}")), <[u8]>::len)
            }
            (None, _) => 0,
        };
    p.bytes(Some("ifname"), name, format_args!(""));
    if brief {
        let pad = 16usize.saturating_sub(width);
        p.text(format_args!("{:pad$} ", ""));
    } else {
        p.text(format_args!(": "));
    }
    p.color_end();
    lower_down
}

/// The flags: `<UP,LOWER_UP> ` (`print_link_flags()`), or the JSON array `flags`.
fn link_flags<W: Write>(p: &mut Printer<W>, flags: u32, lower_down: bool) {
    if p.is_json() {
        p.open_array(Some("flags"));
        names::for_each_link_flag(flags, lower_down, |word| match word {
            FlagWord::Named(word) => p.string(None, word, format_args!("")),
            FlagWord::Unnamed(_) => p.display(None, &word, format_args!("")),
        });
        p.close_array();
    } else {
        p.text(format_args!("<"));
        let mut first = true;
        names::for_each_link_flag(flags, lower_down, |word| {
            let comma = if first { "" } else { "," };
            first = false;
            p.text(format_args!("{comma}{word}"));
        });
        p.text(format_args!("> "));
    }
}

/// The operational state (`print_operstate()`): `state UP ` with the word coloured, or in the
/// brief form the word coloured and padded to 14 columns; JSON `operstate`.
fn operstate<W: Write>(p: &mut Printer<W>, state: u8, brief: bool) {
    // ip prints a state past its table (`IF_OPER_UP` is the last) as hex, unpadded and with
    // no space after it (`state 0x7mode DEFAULT`), JSON `operstate_index`.
    if state > 6 {
        p.number(
            Some("operstate_index"),
            state,
            format_args!("state {state:#x}"),
        );
        return;
    }
    let color = Color::of_operstate(state);
    let word = names::operstate(state);
    if brief {
        let pad = 14usize.saturating_sub(text_len(format_args!("{word}")));
        p.color_display(
            color,
            Some("operstate"),
            &word,
            format_args!("{word}{:pad$} ", ""),
        );
    } else {
        p.text(format_args!("state "));
        p.color_display(color, Some("operstate"), &word, format_args!("{word} "));
    }
}

/// How many bytes `args` writes.
fn text_len(args: fmt::Arguments<'_>) -> usize {
    struct Count(usize);
    impl fmt::Write for Count {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            self.0 += s.len();
            Ok(())
        }
    }
    let mut count = Count(0);
    let _ = fmt::write(&mut count, args);
    count.0
}

/// `ip -d`'s additions: counters and limits, and the kind with the data `rtnl` decodes (a
/// subset of `ip`'s for bridges and vxlans; `addrgenmode` is not decoded).
fn details<W: Write>(p: &mut Printer<W>, m: &LinkMessage<'_>, links: &mut LinkTable) {
    if let Some(n) = m.promiscuity() {
        p.number(Some("promiscuity"), n, format_args!(" promiscuity {n} "));
    }
    if let Some(n) = m.allmulti() {
        p.number(Some("allmulti"), n, format_args!(" allmulti {n} "));
    }
    if let Some(n) = m.min_mtu() {
        p.number(Some("min_mtu"), n, format_args!("minmtu {n} "));
    }
    if let Some(n) = m.max_mtu() {
        p.number(Some("max_mtu"), n, format_args!("maxmtu {n} "));
    }
    let kind = m.kind();
    let slave_kind = m.slave_kind();
    if kind.is_some() || slave_kind.is_some() {
        p.open_object(Some("linkinfo"));
        if let Some(kind) = kind {
            p.string(Some("info_kind"), kind, format_args!("\n    {kind} "));
            kind_data(p, m, links);
        } else if p.is_json() {
            kind_data(p, m, links);
        }
        if let Some(slave) = slave_kind {
            p.string(
                Some("info_slave_kind"),
                slave,
                format_args!("\n    {slave}_slave "),
            );
        }
        p.close_object();
    }
    let counters = [
        ("num_tx_queues", "numtxqueues", m.num_tx_queues()),
        ("num_rx_queues", "numrxqueues", m.num_rx_queues()),
        ("gso_max_size", "gso_max_size", m.gso_max_size()),
        ("gso_max_segs", "gso_max_segs", m.gso_max_segs()),
        ("tso_max_size", "tso_max_size", m.tso_max_size()),
        ("tso_max_segs", "tso_max_segs", m.tso_max_segs()),
        ("gro_max_size", "gro_max_size", m.gro_max_size()),
    ];
    for (key, word, value) in counters {
        if let Some(value) = value {
            p.number(Some(key), value, format_args!("{word} {value} "));
        }
    }
}

/// `IFLA_INFO_DATA` as `info_data`, or the kind line's words, for the kinds `rtnl` decodes.
fn kind_data<W: Write>(p: &mut Printer<W>, m: &LinkMessage<'_>, links: &mut LinkTable) {
    if let Some(v) = m.vxlan() {
        p.open_object(Some("info_data"));
        if let Some(id) = v.id() {
            p.number(Some("id"), id, format_args!("id {id} "));
        }
        if let Some(remote) = v.remote() {
            let word = if remote.is_multicast() {
                "group"
            } else {
                "remote"
            };
            p.display(Some("remote"), &remote, format_args!("{word} {remote} "));
        }
        if let Some(local) = v.local() {
            p.display(Some("local"), &local, format_args!("local {local} "));
        }
        if let Some(link) = v.link() {
            let dev = links.display(link);
            if link != 0 {
                p.link_name(Some("link"), &dev, "dev ", " ");
            } else {
                p.display(Some("link"), &dev, format_args!(""));
            }
        }
        if let Some((low, high)) = v.port_range() {
            p.open_object(Some("port_range"));
            p.number(Some("low"), low, format_args!("srcport {low} "));
            p.number(Some("high"), high, format_args!("{high} "));
            p.close_object();
        }
        if let Some(port) = v.port() {
            p.number(Some("port"), port, format_args!("dstport {port} "));
        }
        if let Some(learning) = v.learning() {
            let text = if learning { "" } else { "nolearning " };
            p.boolean(Some("learning"), learning, format_args!("{text}"));
        }
        match v.ttl() {
            Some(0) => p.number(Some("ttl"), 0, format_args!("ttl auto ")),
            Some(ttl) => p.number(Some("ttl"), ttl, format_args!("ttl {ttl} ")),
            None => {}
        }
        if let Some(ageing) = v.ageing() {
            p.number(Some("ageing"), ageing, format_args!("ageing {ageing} "));
        }
        p.close_object();
    } else if let Some(b) = m.bridge() {
        p.open_object(Some("info_data"));
        let values = [
            ("forward_delay", b.forward_delay()),
            ("hello_time", b.hello_time()),
            ("max_age", b.max_age()),
            ("ageing_time", b.ageing_time()),
            ("stp_state", b.stp_state()),
            ("priority", b.priority().map(u32::from)),
            ("vlan_filtering", b.vlan_filtering().map(u32::from)),
        ];
        for (key, value) in values {
            if let Some(value) = value {
                p.number(Some(key), value, format_args!("{key} {value} "));
            }
        }
        p.close_object();
    } else if let Some(v) = m.vlan() {
        p.open_object(Some("info_data"));
        if let Some(protocol) = v.protocol() {
            let protocol = VlanProtocol(protocol);
            p.display(
                Some("protocol"),
                &protocol,
                format_args!("protocol {protocol} "),
            );
        }
        if let Some(id) = v.id() {
            p.number(Some("id"), id, format_args!("id {id} "));
        }
        p.close_object();
    } else if let Some(v) = m.macvlan() {
        p.open_object(Some("info_data"));
        if let Some(mode) = v.mode() {
            let mode = MacvlanMode(mode);
            p.display(Some("mode"), &mode, format_args!("mode {mode} "));
        }
        p.close_object();
    }
}

/// A vlan's `IFLA_VLAN_PROTOCOL` as `ip` prints it: `802.1Q`, `802.1ad` or hex.
struct VlanProtocol(u16);

impl fmt::Display for VlanProtocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            0x8100 => f.write_str("802.1Q"),
            0x88a8 => f.write_str("802.1ad"),
            other => write!(f, "{other:#06x}"),
        }
    }
}

/// `MACVLAN_MODE_*` as `ip` prints it.
struct MacvlanMode(u32);

impl fmt::Display for MacvlanMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            1 => f.write_str("private"),
            2 => f.write_str("vepa"),
            4 => f.write_str("bridge"),
            8 => f.write_str("passthru"),
            16 => f.write_str("source"),
            other => write!(f, "{other}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::raw::IfInfoMsg;
    use crate::codec::{MessageBuilder, Messages, Payload, ifla, rtm};

    /// Prints a link named `x0`, index 7, in operational state `state`.
    fn printed(state: u8, json: bool, brief: Brief) -> String {
        let mut buf = [0u8; 128];
        let mut b = MessageBuilder::new(&mut buf, rtm::NEWLINK, 0, 1).unwrap();
        b.header(&IfInfoMsg {
            ifi_index: 7.into(),
            ..IfInfoMsg::default()
        })
        .unwrap();
        b.put(ifla::IFNAME, b"x0\0").unwrap();
        b.put(ifla::OPERSTATE, &[state]).unwrap();
        b.put(ifla::LINKMODE, &[0]).unwrap();
        let bytes = b.finish().to_vec();
        let Some(Ok(Payload::Link(m))) = Messages::new(&bytes).next().map(|m| m?.decode()) else {
            panic!("the link does not decode");
        };
        let mut style = LinkStyle::link_show(false, false);
        style.brief = brief;
        let mut p = Printer::new(Vec::new(), json, false);
        link(&mut p, &m, &mut LinkTable::offline(), style);
        String::from_utf8(p.finish().unwrap()).unwrap()
    }

    /// The kernel sends no state past `IF_OPER_UP`, so ip cannot be run on one: the expected
    /// text follows ip 6.1's `print_operstate()` (`"state %#llx"`, no space).
    #[test]
    fn a_state_past_ips_table_prints_as_ip_prints_it() {
        assert_eq!(
            printed(7, false, Brief::Off),
            "7: x0: <> state 0x7mode DEFAULT \n"
        );
        assert_eq!(
            printed(7, false, Brief::Link),
            "x0               state 0x7<> \n"
        );
        assert!(printed(7, true, Brief::Off).contains("\"operstate_index\":7"));
        assert_eq!(
            printed(6, false, Brief::Link),
            format!("{:<16} {:<14} <> \n", "x0", "UP")
        );
    }
}
