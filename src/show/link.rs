//! A link as `ip [-d] [-j] link show` prints it (`ip/ipaddress.c`'s `print_linkinfo()`), from
//! the codec's [`LinkMessage`] view.

use std::fmt;
use std::io::Write;

use crate::codec::{LinkMessage, iff};
use crate::names::{self, FlagWord, HardwareAddress};

use super::Printer;
use super::lookup::{LinkTable, is_up};

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
    /// Text: `qlen N` (`ip monitor` leaves it out).
    pub qlen: bool,
    /// Only what the kernel's IPv6 link dump (`inet6_fill_ifinfo`) holds: index, name, flags,
    /// type, address, MTU, lower link (when not itself), state and queue length; `ip -6
    /// address` prints links from that dump.
    pub inet6: bool,
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

    p.number(Some("ifindex"), index, format_args!("{index}: "));
    p.text_bytes(name);
    let mut lower_down = false;
    match (lower, link_netnsid) {
        (Some(0), _) => p.null(Some("link"), format_args!("@NONE")),
        (Some(i), Some(_)) => p.number(Some("link_index"), i, format_args!("@if{i}")),
        (Some(i), None) => {
            // ip 6.1's ll_index_to_flags() is -1 (every bit set, IFF_UP among them) for a
            // link it cannot find: no M-DOWN (`ip monitor file` of a dump whose peer comes later).
            lower_down = links.flags(i).is_some_and(|flags| !is_up(flags));
            let peer = links.display(i);
            p.display(Some("link"), &peer, format_args!("@{peer}"));
        }
        (None, _) => {}
    }
    p.bytes(Some("ifname"), name, format_args!(""));

    let flags = m.flags();
    if json {
        p.open_array(Some("flags"));
        names::for_each_link_flag(flags, lower_down, |word| match word {
            FlagWord::Named(word) => p.string(None, word, format_args!("")),
            FlagWord::Unnamed(_) => p.display(None, &word, format_args!("")),
        });
        p.close_array();
    } else {
        p.text(format_args!(": <"));
        let mut first = true;
        names::for_each_link_flag(flags, lower_down, |word| {
            let comma = if first { "" } else { "," };
            first = false;
            p.text(format_args!("{comma}{word}"));
        });
        p.text(format_args!("> "));
    }

    if let Some(mtu) = m.mtu() {
        p.number(Some("mtu"), mtu, format_args!("mtu {mtu} "));
    }
    if let Some(qdisc) = m.qdisc().filter(|_| full) {
        p.string(Some("qdisc"), qdisc, format_args!("qdisc {qdisc} "));
    }
    if let Some(master) = m.master().filter(|_| full) {
        let master = links.display(master);
        p.display(Some("master"), &master, format_args!("master {master} "));
    }
    if let Some(state) = m.operstate() {
        let state = names::operstate(state);
        p.display(Some("operstate"), &state, format_args!("state {state} "));
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
        if style.qlen {
            p.number(Some("txqlen"), txqlen, format_args!("qlen {txqlen}"));
        } else {
            p.number(Some("txqlen"), txqlen, format_args!(""));
        }
    }

    let ll = if json { style.ll_json } else { style.show_ll };
    if ll {
        let link_type = names::link_type(m.link_type());
        p.display(
            Some("link_type"),
            &link_type,
            format_args!("\n    link/{link_type} "),
        );
        let address = m.address();
        if let Some(address) = address {
            let address = HardwareAddress(address);
            p.display(Some("address"), &address, format_args!("{address}"));
        }
        if let Some(brd) = m.broadcast().filter(|_| full) {
            let word = if flags & iff::POINTOPOINT != 0 {
                "peer"
            } else {
                "brd"
            };
            let brd = HardwareAddress(brd);
            p.display(Some("broadcast"), &brd, format_args!(" {word} {brd}"));
        }
        if let (Some(perm), Some(address)) = (m.perm_address().filter(|_| full), address)
            && perm != address
        {
            p.text(format_args!(" permaddr {}", HardwareAddress(perm)));
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
    p.text(format_args!("\n"));
    // ip prints the alias for `ip link` or with -d (`do_link || show_details`), so not in
    // `ip address` or `ip monitor` without -d.
    if let Some(alias) = m.alias().filter(|_| full && (style.mode || style.details)) {
        p.string(Some("ifalias"), alias, format_args!("    alias {alias}\n"));
    }
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
                p.display(Some("link"), &dev, format_args!("dev {dev} "));
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
