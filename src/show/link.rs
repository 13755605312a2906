//! A link as `ip [-d] [-j] link show` prints it (`ip/ipaddress.c`'s `print_linkinfo()`), from
//! the codec's [`LinkMessage`] view.

use std::fmt;
use std::io::Write;

use crate::codec::{
    BridgeId, BridgeInfo, BridgePortInfo, IpvlanInfo, LinkMessage, MacvlanInfo, TunInfo, VxlanInfo,
    iff, ifla_ipvlan, ipvlan_flag, ipvlan_mode,
};
use crate::names::{self, FlagWord, HardwareAddress};

use super::monitor::{MonitorContext, MonitorLine};
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
    link_fields(p, m, links, style, b"");
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
    moved: &[u8],
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
                p.hardware_address(Some("address"), address, format_args!("{address} "));
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
        p.name(
            Some("linkmode"),
            &linkmode,
            format_args!("mode {linkmode} "),
        );
    }
    if let Some(group) = m.group().filter(|_| full) {
        let group = names::group(group);
        p.name(Some("group"), &group, format_args!("group {group} "));
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
        p.name(
            Some("link_type"),
            &link_type,
            format_args!("{sl}    link/{link_type} "),
        );
        let address = m.address();
        if let Some(address) = address {
            let address = HardwareAddress(address);
            p.hardware_address(Some("address"), address, format_args!("{address}"));
        }
        if let Some(brd) = m.broadcast().filter(|_| full) {
            let word = if flags & iff::POINTOPOINT != 0 {
                "peer"
            } else {
                "brd"
            };
            let brd = HardwareAddress(brd);
            p.text(format_args!(" {word} "));
            p.hardware_address(Some("broadcast"), brd, format_args!("{brd}"));
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
            p.text(format_args!(" link-netns "));
            p.text_bytes(name);
        } else {
            p.text(format_args!(" link-netnsid {nsid}"));
        }
    }
    p.text_bytes(moved);
    if style.details && full {
        details(p, m, links, style.mode);
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
    } else if p.is_json() {
        p.name(Some("operstate"), &word, format_args!(""));
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

/// `ip -d`'s additions: counters and limits, the kind with its data and the port data
/// (`print_linktype()`), and for `ip link` the IPv6 address generation mode
/// (`print_af_spec()`).
fn details<W: Write>(
    p: &mut Printer<W>,
    m: &LinkMessage<'_>,
    links: &mut LinkTable,
    do_link: bool,
) {
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
            let sl = p.sl();
            p.string(Some("info_kind"), kind, format_args!("{sl}    {kind} "));
            kind_data(p, m, links);
        } else if p.is_json() {
            kind_data(p, m, links);
        }
        if let Some(slave) = slave_kind {
            let sl = p.sl();
            p.string(
                Some("info_slave_kind"),
                slave,
                format_args!("{sl}    {slave}_slave "),
            );
            if let Some(port) = m.bridge_port() {
                p.open_object(Some("info_slave_data"));
                bridge_port(p, &port, links);
                p.close_object();
            }
            if let Some(port) = m.vrf_port() {
                // vrf_slave_print_opt()
                p.open_object(Some("info_slave_data"));
                if let Some(table) = port.table() {
                    p.number(Some("table"), table, format_args!("table {table} "));
                }
                p.close_object();
            }
        }
        p.close_object();
    }
    if let Some(mode) = m.addr_gen_mode().filter(|_| do_link) {
        let mode = AddrGenMode(mode);
        p.display(
            Some("inet6_addr_gen_mode"),
            &mode,
            format_args!("addrgenmode {mode} "),
        );
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

/// `IFLA_INFO_DATA` as `info_data`, or the kind line's words, for the kinds `rtnl` decodes
/// (`vxlan_print_opt()`, `bridge_print_opt()`, `vlan_print_opt()`, `macvlan_print_opt()`,
/// `ipvlan_print_opt()`, `vrf_print_opt()`).
fn kind_data<W: Write>(p: &mut Printer<W>, m: &LinkMessage<'_>, links: &mut LinkTable) {
    if let Some(v) = m.vxlan() {
        p.open_object(Some("info_data"));
        vxlan(p, &v, links);
        p.close_object();
    } else if let Some(b) = m.bridge() {
        p.open_object(Some("info_data"));
        bridge(p, &b);
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
        macvlan(p, &v);
        p.close_object();
    } else if let Some(v) = m.ipvlan() {
        p.open_object(Some("info_data"));
        ipvlan(p, &v);
        p.close_object();
    } else if let Some(v) = m.vrf() {
        // vrf_print_opt()
        p.open_object(Some("info_data"));
        if let Some(table) = v.table() {
            p.number(Some("table"), table, format_args!("table {table} "));
        }
        p.close_object();
    } else if let Some(t) = m.tun() {
        p.open_object(Some("info_data"));
        tun(p, &t);
        p.close_object();
    }
}

/// `tun_print_opt()` (`ip/iptuntap.c`).
fn tun<W: Write>(p: &mut Printer<W>, t: &TunInfo<'_>) {
    if let Some(ty) = t.tun_type() {
        let ty = TunType(ty);
        p.display(Some("type"), &ty, format_args!("type {ty} "));
    }
    on_off(p, &[("pi", t.pi()), ("vnet_hdr", t.vnet_hdr())]);
    if t.multi_queue() == Some(true) {
        p.boolean(Some("multi_queue"), true, format_args!("multi_queue "));
        if let Some(n) = t.num_queues() {
            p.number(Some("numqueues"), n, format_args!("numqueues {n} "));
        }
        if let Some(n) = t.num_disabled_queues() {
            p.number(Some("numdisabled"), n, format_args!("numdisabled {n} "));
        }
    } else {
        p.boolean(Some("multi_queue"), false, format_args!(""));
    }
    on_off(p, &[("persist", t.persist())]);
    let ids = [
        (
            "user",
            t.owner(),
            names::user_name as fn(u32) -> Option<&'static str>,
        ),
        ("group", t.group(), names::group_name),
    ];
    for (key, id, name) in ids {
        match id.map(|id| (id, name(id))) {
            Some((_, Some(name))) => p.string(Some(key), name, format_args!("{key} {name} ")),
            Some((id, None)) => p.number(Some(key), id, format_args!("{key} {id} ")),
            None => {}
        }
    }
}

/// `vxlan_print_opt()`.
fn vxlan<W: Write>(p: &mut Printer<W>, v: &VxlanInfo<'_>, links: &mut LinkTable) {
    if v.collect_metadata() == Some(true) {
        p.boolean(Some("external"), true, format_args!("external "));
    }
    if v.vnifilter() == Some(true) {
        p.boolean(Some("vnifilter"), true, format_args!("vnifilter"));
    }
    if let Some(id) = v.id() {
        p.number(Some("id"), id, format_args!("id {id} "));
    }
    if let Some(remote) = v.remote().filter(|a| !a.is_unspecified()) {
        let (word, key) = match (remote.is_multicast(), remote.is_ipv4()) {
            (true, true) => ("group", "group"),
            (false, true) => ("remote", "remote"),
            (true, false) => ("group", "group6"),
            (false, false) => ("remote", "remote6"),
        };
        let remote = names::host(remote);
        p.display(Some(key), &remote, format_args!("{word} {remote} "));
    }
    if let Some(local) = v.local().filter(|a| !a.is_unspecified()) {
        let key = if local.is_ipv4() { "local" } else { "local6" };
        let local = names::host(local);
        p.display(Some(key), &local, format_args!("local {local} "));
    }
    if let Some(link) = v.link().filter(|&l| l != 0) {
        let dev = links.display(link);
        p.link_name(Some("link"), &dev, "dev ", " ");
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
    let flags = [
        ("proxy", "proxy ", v.proxy()),
        ("rsc", "rsc ", v.rsc()),
        ("l2miss", "l2miss ", v.l2miss()),
        ("l3miss", "l3miss ", v.l3miss()),
    ];
    for (key, text, on) in flags {
        if on == Some(true) {
            p.boolean(Some(key), true, format_args!("{text}"));
        }
    }
    match v.tos() {
        None | Some(0) => {}
        Some(1) if !p.is_json() => p.text(format_args!("tos inherit ")),
        Some(tos) => {
            let tos = Hex(tos.into());
            p.display(Some("tos"), &tos, format_args!("tos {tos} "));
        }
    }
    if v.ttl_inherit() == Some(true) {
        p.text(format_args!("ttl inherit "));
    } else {
        match v.ttl() {
            Some(0) if !p.is_json() => p.text(format_args!("ttl auto ")),
            Some(ttl) => p.number(Some("ttl"), ttl, format_args!("ttl {ttl} ")),
            None => {}
        }
    }
    match v.df() {
        Some(0) => p.string(Some("df"), "unset", format_args!("")),
        Some(1) => p.string(Some("df"), "set", format_args!("df set ")),
        Some(2) => p.string(Some("df"), "inherit", format_args!("df inherit ")),
        _ => {}
    }
    if let Some(label) = v.label().filter(|&l| l != 0) {
        let label = Hex(label.into());
        p.display(Some("label"), &label, format_args!("flowlabel {label} "));
    }
    match v.ageing() {
        Some(0) => p.number(Some("ageing"), 0, format_args!("ageing none ")),
        Some(age) => p.number(Some("ageing"), age, format_args!("ageing {age} ")),
        None => {}
    }
    if let Some(limit) = v.limit().filter(|&l| l != 0) {
        p.number(Some("limit"), limit, format_args!("maxaddr {limit} "));
    }
    let csums = [
        ("udp_csum", "udpcsum", v.udp_csum()),
        ("udp_zero_csum6_tx", "udp6zerocsumtx", v.udp_zero_csum6_tx()),
        ("udp_zero_csum6_rx", "udp6zerocsumrx", v.udp_zero_csum6_rx()),
    ];
    for (key, word, on) in csums {
        if let Some(on) = on {
            let no = if on { "" } else { "no" };
            p.boolean(Some(key), on, format_args!("{no}{word} "));
        }
    }
    let flags = [
        ("remcsum_tx", "remcsumtx ", v.remcsum_tx() == Some(true)),
        ("remcsum_rx", "remcsumrx ", v.remcsum_rx() == Some(true)),
        ("gbp", "gbp ", v.gbp()),
        ("gpe", "gpe ", v.gpe()),
    ];
    for (key, text, on) in flags {
        if on {
            p.boolean(Some(key), true, format_args!("{text}"));
        }
    }
}

/// `bridge_print_opt()`.
fn bridge<W: Write>(p: &mut Printer<W>, b: &BridgeInfo<'_>) {
    let head = [
        ("forward_delay", b.forward_delay()),
        ("hello_time", b.hello_time()),
        ("max_age", b.max_age()),
        ("ageing_time", b.ageing_time()),
        ("stp_state", b.stp_state()),
        ("priority", b.priority().map(u32::from)),
        ("vlan_filtering", b.vlan_filtering().map(u32::from)),
    ];
    numbers(p, &head);
    if let Some(protocol) = b.vlan_protocol() {
        let protocol = VlanProtocol(protocol);
        p.display(
            Some("vlan_protocol"),
            &protocol,
            format_args!("vlan_protocol {protocol} "),
        );
    }
    if let Some(id) = b.bridge_id() {
        let id = BrId(id);
        p.display(Some("bridge_id"), &id, format_args!("bridge_id {id} "));
    }
    // ip 6.1 prints the bridge id under the root id's name (iplink_bridge.c reads
    // IFLA_BR_BRIDGE_ID there): the same bytes, for the same output.
    if let (Some(_), Some(id)) = (b.root_id(), b.bridge_id()) {
        let id = BrId(id);
        p.display(Some("root_id"), &id, format_args!("designated_root {id} "));
    }
    let stp = [
        ("root_port", b.root_port().map(u32::from)),
        ("root_path_cost", b.root_path_cost()),
        ("topology_change", b.topology_change().map(u32::from)),
        (
            "topology_change_detected",
            b.topology_change_detected().map(u32::from),
        ),
    ];
    numbers(p, &stp);
    let timers = [
        ("hello_timer", b.hello_timer()),
        ("tcn_timer", b.tcn_timer()),
        ("topology_change_timer", b.topology_change_timer()),
        ("gc_timer", b.gc_timer()),
    ];
    for (key, value) in timers {
        if let Some(value) = value {
            timer(p, key, value);
        }
    }
    let vlan = [
        ("vlan_default_pvid", b.vlan_default_pvid().map(u32::from)),
        ("vlan_stats_enabled", b.vlan_stats_enabled().map(u32::from)),
        (
            "vlan_stats_per_port",
            b.vlan_stats_per_port().map(u32::from),
        ),
    ];
    numbers(p, &vlan);
    if let Some(mask) = b.group_fwd_mask() {
        let mask = Hex(mask.into());
        p.display(
            Some("group_fwd_mask"),
            &mask,
            format_args!("group_fwd_mask {mask} "),
        );
    }
    if let Some(addr) = b.group_addr() {
        let addr = HardwareAddress(addr);
        p.display(
            Some("group_addr"),
            &addr,
            format_args!("group_address {addr} "),
        );
    }
    if let Some(snooping) = b.mcast_snooping() {
        let snooping = u32::from(snooping);
        p.number(
            Some("mcast_snooping"),
            snooping,
            format_args!("mcast_snooping {snooping} "),
        );
    }
    if let Some(opts) = b.multi_boolopt() {
        // BR_BOOLOPT_NO_LL_LEARN and BR_BOOLOPT_MCAST_VLAN_SNOOPING.
        for (bit, key) in [(0, "no_linklocal_learn"), (1, "mcast_vlan_snooping")] {
            if opts.mask & (1 << bit) != 0 {
                let on = u32::from(opts.value & (1 << bit) != 0);
                p.number(Some(key), on, format_args!("{key} {on} "));
            }
        }
    }
    let mcast = [
        (
            "mcast_router",
            "mcast_router",
            b.mcast_router().map(u32::from),
        ),
        (
            "mcast_query_use_ifaddr",
            "mcast_query_use_ifaddr",
            b.mcast_query_use_ifaddr().map(u32::from),
        ),
        (
            "mcast_querier",
            "mcast_querier",
            b.mcast_querier().map(u32::from),
        ),
        (
            "mcast_hash_elasticity",
            "mcast_hash_elasticity",
            b.mcast_hash_elasticity(),
        ),
        ("mcast_hash_max", "mcast_hash_max", b.mcast_hash_max()),
        (
            "mcast_last_member_cnt",
            "mcast_last_member_count",
            b.mcast_last_member_cnt(),
        ),
        (
            "mcast_startup_query_cnt",
            "mcast_startup_query_count",
            b.mcast_startup_query_cnt(),
        ),
    ];
    for (key, word, value) in mcast {
        if let Some(value) = value {
            p.number(Some(key), value, format_args!("{word} {value} "));
        }
    }
    let intervals = [
        (
            "mcast_last_member_intvl",
            "mcast_last_member_interval",
            b.mcast_last_member_intvl(),
        ),
        (
            "mcast_membership_intvl",
            "mcast_membership_interval",
            b.mcast_membership_intvl(),
        ),
        (
            "mcast_querier_intvl",
            "mcast_querier_interval",
            b.mcast_querier_intvl(),
        ),
        (
            "mcast_query_intvl",
            "mcast_query_interval",
            b.mcast_query_intvl(),
        ),
        (
            "mcast_query_response_intvl",
            "mcast_query_response_interval",
            b.mcast_query_response_intvl(),
        ),
        (
            "mcast_startup_query_intvl",
            "mcast_startup_query_interval",
            b.mcast_startup_query_intvl(),
        ),
    ];
    for (key, word, value) in intervals {
        if let Some(value) = value {
            p.raw_value(
                Some(key),
                format_args!("{value}"),
                format_args!("{word} {value} "),
            );
        }
    }
    let tail = [
        (
            "mcast_stats_enabled",
            b.mcast_stats_enabled().map(u32::from),
        ),
        ("mcast_igmp_version", b.mcast_igmp_version().map(u32::from)),
        ("mcast_mld_version", b.mcast_mld_version().map(u32::from)),
        ("nf_call_iptables", b.nf_call_iptables().map(u32::from)),
        ("nf_call_ip6tables", b.nf_call_ip6tables().map(u32::from)),
        ("nf_call_arptables", b.nf_call_arptables().map(u32::from)),
    ];
    numbers(p, &tail);
}

/// `bridge_slave_print_opt()`: a bridge port's `IFLA_INFO_SLAVE_DATA`.
fn bridge_port<W: Write>(p: &mut Printer<W>, b: &BridgePortInfo<'_>, links: &mut LinkTable) {
    match b.state() {
        Some(state) if state <= 4 => {
            let word = [
                "disabled",
                "listening",
                "learning",
                "forwarding",
                "blocking",
            ][usize::from(state)];
            p.string(Some("state"), word, format_args!("state {word} "));
        }
        Some(state) => p.number(Some("state_index"), state, format_args!("state ({state}) ")),
        None => {}
    }
    if let Some(n) = b.priority() {
        p.number(Some("priority"), n, format_args!("priority {n} "));
    }
    if let Some(n) = b.cost() {
        // print_int of a u32: ip prints it as an int.
        let n = n.cast_signed();
        p.number(Some("cost"), n, format_args!("cost {n} "));
    }
    let flags = [
        ("hairpin", b.mode()),
        ("guard", b.guard()),
        ("root_block", b.protect()),
        ("fastleave", b.fast_leave()),
        ("learning", b.learning()),
        ("flood", b.unicast_flood()),
    ];
    on_off(p, &flags);
    if let Some(id) = b.id() {
        let id = Hex(id.into());
        p.display(Some("id"), &id, format_args!("port_id {id} "));
    }
    if let Some(no) = b.no() {
        let no = Hex(no.into());
        p.display(Some("no"), &no, format_args!("port_no {no} "));
    }
    if let Some(n) = b.designated_port() {
        p.number(
            Some("designated_port"),
            n,
            format_args!("designated_port {n} "),
        );
    }
    if let Some(n) = b.designated_cost() {
        p.number(
            Some("designated_cost"),
            n,
            format_args!("designated_cost {n} "),
        );
    }
    if let Some(id) = b.bridge_id() {
        let id = BrId(id);
        p.display(
            Some("bridge_id"),
            &id,
            format_args!("designated_bridge {id} "),
        );
    }
    if let Some(id) = b.root_id() {
        let id = BrId(id);
        p.display(Some("root_id"), &id, format_args!("designated_root {id} "));
    }
    let timers = [
        ("hold_timer", b.hold_timer()),
        ("message_age_timer", b.message_age_timer()),
        ("forward_delay_timer", b.forward_delay_timer()),
    ];
    for (key, value) in timers {
        if let Some(value) = value {
            timer(p, key, value);
        }
    }
    let stp = [
        (
            "topology_change_ack",
            b.topology_change_ack().map(u32::from),
        ),
        ("config_pending", b.config_pending().map(u32::from)),
    ];
    numbers(p, &stp);
    on_off(
        p,
        &[
            ("proxy_arp", b.proxyarp()),
            ("proxy_arp_wifi", b.proxyarp_wifi()),
        ],
    );
    if let Some(n) = b.multicast_router() {
        p.number(
            Some("multicast_router"),
            n,
            format_args!("mcast_router {n} "),
        );
    }
    if let Some(on) = b.fast_leave() {
        // Text only: JSON has it as `fastleave` already.
        p.text(format_args!("mcast_fast_leave {} ", OnOff(on)));
    }
    let flags = [
        ("mcast_flood", b.mcast_flood()),
        ("bcast_flood", b.bcast_flood()),
        ("mcast_to_unicast", b.mcast_to_ucast()),
        ("neigh_suppress", b.neigh_suppress()),
    ];
    on_off(p, &flags);
    if let Some(mask) = b.group_fwd_mask() {
        let hex = Hex(mask.into());
        p.display(
            Some("group_fwd_mask"),
            &hex,
            format_args!("group_fwd_mask {hex} "),
        );
        let groups = FwdMask(mask);
        p.display(
            Some("group_fwd_mask_str"),
            &groups,
            format_args!("group_fwd_mask_str {groups} "),
        );
    }
    let flags = [
        ("vlan_tunnel", b.vlan_tunnel()),
        ("isolated", b.isolated()),
        ("locked", b.locked()),
    ];
    on_off(p, &flags);
    if let Some(port) = b.backup_port() {
        let dev = links.display(port);
        p.link_name(Some("backup_port"), &dev, "backup_port ", " ");
    }
}

/// `ipvlan_print_opt()`: the mode and flags, each only when its payload is a `u16` exactly,
/// as `ip` reads them.
fn ipvlan<W: Write>(p: &mut Printer<W>, v: &IpvlanInfo<'_>) {
    let exact = |ty| v.attr(ty).is_some_and(|a| a.payload().len() == 2);
    if let Some(mode) = v.mode().filter(|_| exact(ifla_ipvlan::MODE)) {
        let word = match mode {
            ipvlan_mode::L2 => "l2",
            ipvlan_mode::L3 => "l3",
            ipvlan_mode::L3S => "l3s",
            _ => "unknown",
        };
        p.string(Some("mode"), word, format_args!(" mode {word} "));
    }
    if let Some(flags) = v.flags().filter(|_| exact(ifla_ipvlan::FLAGS)) {
        let key = if flags & ipvlan_flag::PRIVATE != 0 {
            "private"
        } else if flags & ipvlan_flag::VEPA != 0 {
            "vepa"
        } else {
            "bridge"
        };
        p.boolean(Some(key), true, format_args!("{key} "));
    }
}

/// `macvlan_print_opt()`.
fn macvlan<W: Write>(p: &mut Printer<W>, v: &MacvlanInfo<'_>) {
    let Some(mode) = v.mode() else {
        return;
    };
    let word = MacvlanMode(mode);
    p.display(Some("mode"), &word, format_args!("mode {word} "));
    let flags = v.flags().unwrap_or(0);
    // MACVLAN_FLAG_NOPROMISC and MACVLAN_FLAG_NODST.
    for (bit, key) in [(1, "nopromisc"), (2, "nodst")] {
        if flags & bit != 0 {
            p.boolean(Some(key), true, format_args!("{key} "));
        }
    }
    if let Some(n) = v.bc_queue_len() {
        p.number(Some("bcqueuelen"), n, format_args!("bcqueuelen {n} "));
    }
    if let Some(n) = v.bc_queue_len_used() {
        p.number(
            Some("usedbcqueuelen"),
            n,
            format_args!("usedbcqueuelen {n} "),
        );
    }
    // MACVLAN_MODE_SOURCE has its list of allowed sources.
    if mode != 16 {
        return;
    }
    let Some(count) = v.macaddr_count() else {
        return;
    };
    let count = count.cast_signed();
    p.number(
        Some("macaddr_count"),
        count,
        format_args!("remotes ({count}) "),
    );
    if v.attr(crate::codec::ifla_macvlan::MACADDR_DATA).is_none() {
        return;
    }
    p.open_array(Some("macaddr_data"));
    for mac in v.macaddrs() {
        let mac = HardwareAddress(&mac);
        p.display(None, &mac, format_args!("{mac} "));
    }
    p.close_array();
}

/// `print_uint()` of each value present, `key value ` in text.
fn numbers<W: Write>(p: &mut Printer<W>, values: &[(&str, Option<u32>)]) {
    for &(key, value) in values {
        if let Some(value) = value {
            p.number(Some(key), value, format_args!("{key} {value} "));
        }
    }
}

/// `print_on_off()` of each value present: `key on|off ` in text, a boolean in JSON.
fn on_off<W: Write>(p: &mut Printer<W>, values: &[(&str, Option<bool>)]) {
    for &(key, value) in values {
        if let Some(on) = value {
            p.boolean(Some(key), on, format_args!("{key} {} ", OnOff(on)));
        }
    }
}

/// A bridge timer (hundredths of a second) as ip prints it: `key    S.CC ` in text, the
/// number `S.CC` in JSON.
fn timer<W: Write>(p: &mut Printer<W>, key: &str, centiseconds: u64) {
    let (secs, cs) = (centiseconds / 100, centiseconds % 100);
    p.raw_value(
        Some(key),
        format_args!("{secs}.{cs:02}"),
        format_args!("{key} {secs:4}.{cs:02} "),
    );
}

/// Newtypes that print a kernel number as ip's `print_*()` names it: the word of its row, else
/// the number in ip's fallback format for that value (which differs from one to the other).
macro_rules! ip_words {
    ($( $(#[$doc:meta])* $name:ident($ty:ty) { $($value:literal => $word:literal,)* } else $other:literal; )*) => {$(
        $(#[$doc])*
        struct $name($ty);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self.0 {
                    $($value => f.write_str($word),)*
                    other => write!(f, $other, other),
                }
            }
        }
    )*};
}

ip_words! {
    /// `IFLA_TUN_TYPE` as `print_type()` names it: `tun` (`IFF_TUN`), `tap` (`IFF_TAP`), or
    /// `UNKNOWN:N`.
    TunType(u8) { 1 => "tun", 2 => "tap", } else "UNKNOWN:{}";
    /// `IN6_ADDR_GEN_MODE_*` as `print_af_spec()` names it, `%#.2hhx` for others.
    AddrGenMode(u8) {
        0 => "eui64",
        1 => "none",
        2 => "stable_secret",
        3 => "random",
    } else "{:#04x}";
    /// A vlan's `IFLA_VLAN_PROTOCOL` as `ip` prints it: `802.1Q`, `802.1ad` or hex.
    VlanProtocol(u16) { 0x8100 => "802.1Q", 0x88a8 => "802.1ad", } else "{:#06x}";
    /// `MACVLAN_MODE_*` as `ip` prints it.
    MacvlanMode(u32) {
        1 => "private",
        2 => "vepa",
        4 => "bridge",
        8 => "passthru",
        16 => "source",
    } else "{}";
}

/// `on` or `off`.
struct OnOff(bool);

impl fmt::Display for OnOff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0 { "on" } else { "off" })
    }
}

/// `print_0xhex()`'s `%#llx`: `0` for zero, else `0x` and lowercase hex.
pub(super) struct Hex(pub(super) u64);

impl fmt::Display for Hex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == 0 {
            f.write_str("0")
        } else {
            write!(f, "{:#x}", self.0)
        }
    }
}

/// `struct ifla_bridge_id` as `br_dump_bridge_id()` prints it: the priority in 4 hex digits,
/// a dot, and the address as `ether_ntoa()` writes it (bytes without leading zeros).
struct BrId(BridgeId);

impl fmt::Display for BrId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [p0, p1] = self.0.priority;
        let [a, b, c, d, e, g] = self.0.address;
        write!(f, "{p0:02x}{p1:02x}.{a:x}:{b:x}:{c:x}:{d:x}:{e:x}:{g:x}")
    }
}

/// A port's `IFLA_BRPORT_GROUP_FWD_MASK` as ip's `_bitmask2str()` names it: `stp`, `lacp`,
/// `lldp` for bits 0, 2 and 14, other bits as `0xN`, joined by commas; `0x0` for none.
struct FwdMask(u16);

impl fmt::Display for FwdMask {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == 0 {
            return f.write_str("0x0");
        }
        let mut first = true;
        for bit in 0..16 {
            if self.0 & (1 << bit) == 0 {
                continue;
            }
            if !first {
                f.write_str(",")?;
            }
            first = false;
            match bit {
                0 => f.write_str("stp")?,
                2 => f.write_str("lacp")?,
                14 => f.write_str("lldp")?,
                _ => write!(f, "{:#x}", 1u32 << bit)?,
            }
        }
        Ok(())
    }
}

/// `ip monitor`'s link line: `ip link`'s (without `mode` and `qlen`), ending with where a
/// link that moved to another namespace went; the link table learns the link, and forgets it
/// once it is deleted. With `-br`, ip 6.1 prints only the brief name and state columns, with
/// no line end between events.
impl MonitorLine for LinkMessage<'_> {
    fn monitor_line<W: Write>(&self, p: &mut Printer<W>, cx: &mut MonitorContext<'_, W>, deleted: bool) {
        // Another device's link (`dev DEV`): its headers, not its `Deleted `.
        let shown = !cx.other_dev(self.index());
        (cx.banner)(p, "LINK", deleted && shown);
        if !cx.foreign {
            cx.links.insert(self);
        } else if deleted {
            cx.links.remove(self.index());
        } else {
            cx.links.remember(self);
        }
        if !shown {
            if deleted && !cx.foreign {
                cx.links.remove(self.index());
            }
            return;
        }
        let style = LinkStyle {
            details: cx.details,
            show_ll: true,
            ll_json: true,
            mode: false,
            qlen: false,
            inet6: false,
            stats: Default::default(),
            // ip's -br monitor: name and state only, no line end (`print_linkinfo()`).
            brief: if cx.brief { Brief::Name } else { Brief::Off },
        };
        let moved = Moved {
            netnsid: self.new_netnsid(),
            ifindex: self.new_ifindex(),
            netns: self.new_netnsid().and_then(|id| cx.links.netns_name(id)),
        }
        .to_bytes();
        link_fields(p, self, cx.links, style, &moved);
        if deleted && !cx.foreign {
            cx.links.remove(self.index());
        }
    }
}

/// ` new-netns NAME` / ` new-netnsid N` and ` new-ifindex N` of an `RTM_DELLINK` whose link
/// moved to another namespace (`IFLA_NEW_NETNSID`, `IFLA_NEW_IFINDEX`).
struct Moved<'a> {
    /// The nsid of the namespace it went to.
    netnsid: Option<i32>,
    /// Its index there.
    ifindex: Option<i32>,
    /// The name of that namespace, when it is a named one (a file name's bytes).
    netns: Option<&'a [u8]>,
}

impl Moved<'_> {
    /// The text, with the namespace's name as its bytes, as `ip` prints it.
    fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        match (self.netnsid, self.netns) {
            (Some(_), Some(name)) => {
                out.extend_from_slice(b" new-netns ");
                out.extend_from_slice(name);
            }
            (Some(id), None) => out.extend_from_slice(format!(" new-netnsid {id}").as_bytes()),
            (None, _) => {}
        }
        if let Some(index) = self.ifindex {
            out.extend_from_slice(format!(" new-ifindex {index}").as_bytes());
        }
        out
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

    /// Prints (`-d`) a link `x0` whose `IFLA_LINKINFO` holds `kind` with `data` (`(type,
    /// payload)` attributes in `IFLA_INFO_DATA`), and `slave` with `slave_data` likewise.
    fn detailed(
        kind: Option<&str>,
        data: &[(u16, &[u8])],
        slave: Option<&str>,
        slave_data: &[(u16, &[u8])],
        json: bool,
    ) -> String {
        use crate::codec::ifla_info;
        let mut buf = [0u8; 256];
        let mut b = MessageBuilder::new(&mut buf, rtm::NEWLINK, 0, 1).unwrap();
        b.header(&IfInfoMsg {
            ifi_index: 7.into(),
            ..IfInfoMsg::default()
        })
        .unwrap();
        b.put(ifla::IFNAME, b"x0\0").unwrap();
        let info = b.nest_start(ifla::LINKINFO).unwrap();
        for (ty, name, attrs) in [
            (ifla_info::KIND, kind, data),
            (ifla_info::SLAVE_KIND, slave, slave_data),
        ] {
            let Some(name) = name else { continue };
            b.put_str(ty, name).unwrap();
            let nest = b
                .nest_start(if ty == ifla_info::KIND {
                    ifla_info::DATA
                } else {
                    ifla_info::SLAVE_DATA
                })
                .unwrap();
            for &(ty, payload) in attrs {
                b.put(ty, payload).unwrap();
            }
            b.nest_end(nest).unwrap();
        }
        b.nest_end(info).unwrap();
        let bytes = b.finish().to_vec();
        let Some(Ok(Payload::Link(m))) = Messages::new(&bytes).next().map(|m| m?.decode()) else {
            panic!("the link does not decode");
        };
        let mut p = Printer::new(Vec::new(), json, false);
        link(
            &mut p,
            &m,
            &mut LinkTable::offline(),
            LinkStyle::link_show(true, false),
        );
        String::from_utf8(p.finish().unwrap()).unwrap()
    }

    /// ipvlan, vrf and vrf port data as ip 6.1's `ipvlan_print_opt()`, `vrf_print_opt()` and
    /// `vrf_slave_print_opt()` print them (the ipvlan mode line starts with a space of its own).
    /// The VM kind tests (tests/vm/main.rs) compare the same with ip on a kernel that has them.
    #[test]
    fn ipvlan_and_vrf_details_print_as_ip_prints_them() {
        use crate::codec::{ifla_ipvlan, ifla_vrf, ifla_vrf_port};
        let l2_vepa: [(u16, &[u8]); 2] = [
            (ifla_ipvlan::MODE, &0u16.to_ne_bytes()),
            (ifla_ipvlan::FLAGS, &2u16.to_ne_bytes()),
        ];
        let text = detailed(Some("ipvlan"), &l2_vepa, None, &[], false);
        assert!(text.contains("\n    ipvlan  mode l2 vepa "), "{text}");
        let json = detailed(Some("ipvlan"), &l2_vepa, None, &[], true);
        assert!(
            json.contains(
                r#""linkinfo":{"info_kind":"ipvlan","info_data":{"mode":"l2","vepa":true}}"#
            ),
            "{json}"
        );
        let l3s_private: [(u16, &[u8]); 2] = [
            (ifla_ipvlan::MODE, &2u16.to_ne_bytes()),
            (ifla_ipvlan::FLAGS, &3u16.to_ne_bytes()),
        ];
        let text = detailed(Some("ipvtap"), &l3s_private, None, &[], false);
        assert!(text.contains("\n    ipvtap  mode l3s private "), "{text}");
        // A mode ip does not know, and flags that are not a u16 exactly (ip prints neither).
        let odd: [(u16, &[u8]); 2] = [
            (ifla_ipvlan::MODE, &9u16.to_ne_bytes()),
            (ifla_ipvlan::FLAGS, &0u32.to_ne_bytes()),
        ];
        let text = detailed(Some("ipvlan"), &odd, None, &[], false);
        assert!(text.contains("\n    ipvlan  mode unknown \n"), "{text}");

        let table: [(u16, &[u8]); 1] = [(ifla_vrf::TABLE, &10u32.to_ne_bytes())];
        let port: [(u16, &[u8]); 1] = [(ifla_vrf_port::TABLE, &10u32.to_ne_bytes())];
        let text = detailed(Some("vrf"), &table, None, &[], false);
        assert!(text.contains("\n    vrf table 10 "), "{text}");
        let json = detailed(Some("vrf"), &table, None, &[], true);
        assert!(
            json.contains(r#""linkinfo":{"info_kind":"vrf","info_data":{"table":10}}"#),
            "{json}"
        );
        let text = detailed(Some("dummy"), &[], Some("vrf"), &port, false);
        assert!(text.contains("\n    vrf_slave table 10 "), "{text}");
        let json = detailed(Some("dummy"), &[], Some("vrf"), &port, true);
        assert!(
            json.contains(r#""info_slave_kind":"vrf","info_slave_data":{"table":10}}"#),
            "{json}"
        );
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
