//! `rtnl link`: `ip link add / set / delete / show`, and `link peer DEV` (a veth's other end).
//!
//! ```text
//! link add [name] NAME [mtu N] [address LLADDR] [txqueuelen N] [netns NS] [master DEV]
//!          [link DEV] [up] type KIND [KIND ARGS]
//!     KIND := veth [peer [name] PEER [mtu N] [address LLADDR] [txqueuelen N] [netns NS] [up]]
//!           | bridge [BRIDGE OPTIONS] | dummy | ANY-OTHER-KIND    (link_bridge.rs)
//!           | vxlan id VNI [remote|group|local ADDR] [dstport PORT] [dev DEV] [ttl TTL|auto]
//!                          [[no]learning] [ip's other vxlan options: tos, df, flowlabel, ...]
//!           | vlan [link DEV] id ID [protocol 802.1Q|802.1ad]
//!           | macvlan [link DEV] [MACVLAN OPTIONS]                  (link_macvlan.rs)
//!           | ipvlan [link DEV] [mode l2|l3|l3s] [bridge|private|vepa] (link_ipvlan.rs)
//!           | vrf table TABLE                                        (link_ipvlan.rs)
//! link replace ...                      (as add, changing the link if it exists)
//! link set {[dev] DEV | group N} [up|down] [mtu N] [name NEW] [address LLADDR] [broadcast LLADDR]
//!          [txqueuelen N] [promisc|arp|multicast|allmulticast|dynamic|trailers|carrier on|off]
//!          [type bridge BRIDGE OPTIONS | type bridge_slave PORT OPTIONS     (last: the rest
//!           | type macvlan MACVLAN OPTIONS | type vxlan VXLAN OPTIONS       is the kind's)
//!           | type ipvlan IPVLAN OPTIONS | type vrf table TABLE | type KIND]
//!          [master DEV | nomaster] [alias TEXT] [group N] [netns NS]
//! link delete {[dev] DEV | group N}
//! link show [[dev] DEV] [up] [master DEV] [vrf DEV] [type KIND] [group N] [nomaster]
//! link peer [dev] DEV
//! ```
//!
//! `NS` is a name in `/run/netns`, a path (when it contains `/`) or a process id, as `ip`
//! reads it.

use rtnl_ip::codec::LinkMessage;
use rtnl_ip::codec::request::{
    BridgeOpt, BridgePortOpt, LinkFlags, LinkKind, MacvlanOpt, Veth, Vlan, Vxlan, VxlanOpt,
};
use rtnl_ip::show::lookup::LinkTable;
use rtnl_ip::show::{self, link::LinkStyle};
use rtnl_ip::{Ahead, Link, LinkAdd, LinkFilter, LinkRef, LinkSet, NetnsRef, PeerNamespace};
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt as _;

use super::args::Cmd;
use super::args::{
    self, Args, CmdResult, Failure, duparg, duparg2, incomplete, invarg, matches, naming, number,
};
use super::{Ctx, Family, link_bridge, link_ipvlan, link_macvlan};

/// `ip link`'s commands in `ip`'s order (so `a` is `add`, `s` is `set`, `d` is `delete`), then
/// `rtnl`'s `peer`.
const COMMANDS: &[(&str, Option<Cmd>)] = &[
    ("add", Some(add)),
    ("set", Some(set)),
    ("change", Some(set)),
    ("replace", Some(replace)),
    ("delete", Some(delete)),
    ("show", Some(show)),
    ("lst", Some(show)),
    ("list", Some(show)),
    ("xstats", None),
    ("afstats", None),
    ("help", Some(help)),
    ("property", None),
    ("peer", Some(peer)),
    ("wait", Some(super::wait::link)),
];

/// `rtnl link ...`; no command is `show`.
pub fn run(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    args::dispatch(ctx, args, "link", COMMANDS, show)
}

/// `rtnl link help`: the grammar, exit 255 like `ip link help`.
fn help(_: &mut Ctx, _: &mut Args<'_>) -> CmdResult {
    Err(usage())
}

/// The failure `help` (and a `help` word among the arguments) ends with: the grammar, exit 255.
fn usage() -> Failure {
    Failure::Usage(USAGE.trim_end().to_owned())
}

/// What `rtnl link help` prints.
const USAGE: &str = "\
Usage: rtnl link add [ name ] NAME [ mtu MTU ] [ address LLADDR ] [ txqueuelen PACKETS ]
                    [ netns { PID | NAME } ] [ master DEVICE ] [ link DEVICE ] [ up ]
                    type TYPE [ ARGS ]
       rtnl link replace ... (as add)
       rtnl link delete { DEVICE | dev DEVICE | group DEVGROUP }
       rtnl link set { DEVICE | dev DEVICE | group DEVGROUP } [ { up | down } ] [ mtu MTU ] [ name NEWNAME ]
                    [ address LLADDR ] [ broadcast LLADDR ] [ txqueuelen PACKETS ]
                    [ { arp | dynamic | multicast | allmulticast | promisc | trailers |
                        carrier } { on | off } ]
                    [ master DEVICE ] [ nomaster ] [ alias NAME ] [ group GROUP ]
                    [ netns { PID | NAME } ]
                    [ type { bridge | bridge_slave | macvlan | vxlan | ipvlan | vrf }
                      [ OPTIONS ] | type TYPE ]
       rtnl link show [ DEVICE ] [ up ] [ master DEV ] [ vrf NAME ] [ type TYPE ]
                    [ group GROUP ] [ nomaster ]
       rtnl link peer { DEVICE | dev DEVICE }
TYPE := { veth [ peer [ name ] NAME [ OPTIONS ] ] | bridge [ OPTIONS ] | dummy |
          vxlan id VNI [ { remote | group | local } ADDR ] [ dstport PORT ] [ dev DEV ]
                [ ttl TTL ] [ [no]learning ] |
          vlan [ link DEV ] id VLANID [ protocol { 802.1Q | 802.1ad } ] |
          macvlan [ link DEV ] [ mode { private | vepa | bridge | passthru | source } ] |
          ipvlan [ link DEV ] [ mode { l2 | l3 | l3s } ] [ bridge | private | vepa ] |
          vrf table TABLE }
";

/// `IFNAMSIZ`: names are shorter than this.
const IFNAMSIZ: usize = 16;

/// A device name as `ip`'s `check_ifname` accepts it (judged on its bytes, which it is sent
/// as: [`Args::bytes`]); else `"key" not a valid ifname`.
pub fn ifname<'a>(key: &str, args: &Args<'a>, word: &'a str) -> CmdResult<&'a [u8]> {
    let name = args.bytes(word);
    let bad = name.is_empty()
        || name.len() >= IFNAMSIZ
        || name
            .iter()
            .any(|&b| b == b'/' || b == b':' || b.is_ascii_whitespace());
    if bad {
        return Err(naming(name, |word| {
            invarg(&format!("\"{key}\" not a valid ifname"), word)
        }));
    }
    Ok(name)
}

/// The device word of `link set` / `link delete`: `dev NAME` or a bare `NAME` (`word`), named
/// at most once (`seen` is the one named before, if any).
fn device_word<'a>(args: &mut Args<'a>, word: &'a str, seen: Option<&[u8]>) -> CmdResult<&'a [u8]> {
    let name = if word == "dev" { args.value()? } else { word };
    if seen.is_some() {
        return Err(duparg2("dev", name));
    }
    altifname("dev", name)?;
    Ok(args.bytes(name))
}

/// `ip`'s `check_altifname`: the name of an existing link may be an alternative name, up to
/// 127 bytes; only an empty word or one with `/` or white space is `"key" not a valid ifname`.
fn altifname<'a>(key: &str, word: &'a str) -> CmdResult<&'a str> {
    if word.is_empty()
        || word
            .bytes()
            .any(|b| b == b'/' || b.is_ascii_whitespace() || b == 0x0b)
    {
        return Err(invarg(&format!("\"{key}\" not a valid ifname"), word));
    }
    Ok(word)
}

/// The device `link set` and `link delete` cannot do without.
fn required_device(dev: Option<&[u8]>) -> CmdResult<&[u8]> {
    dev.ok_or_else(|| Failure::usage("Not enough information: \"dev\" argument is required."))
}

/// A device that must exist, by name: its index, or `Cannot find device "x"` (exit 1), the
/// lookup `ip` does before it sends anything.
pub fn device_index(ctx: &mut Ctx, name: &[u8]) -> CmdResult<u32> {
    match ctx.handle()?.link_index(LinkRef::Name(name)) {
        Ok(index) => Ok(index),
        Err(e) if matches!(e.kind(), rtnl_ip::ErrorKind::NotFound) => Err(naming(name, |name| {
            Failure::Local(format!("Cannot find device \"{name}\""))
        })),
        Err(e) => Err(e.into()),
    }
}

/// A master or lower device named in an argument: its index, or `ip`'s
/// `Error: argument "x" is wrong: Device does not exist` (exit 255).
pub(super) fn argument_device(ctx: &mut Ctx, name: &[u8]) -> CmdResult<u32> {
    match device_index(ctx, name) {
        Err(Failure::Local(_) | Failure::Named(1, _)) => {
            Err(naming(name, |name| invarg("Device does not exist\n", name)))
        }
        other => other,
    }
}

/// A namespace argument (`netns NS`) as `ip` resolves it: a path when it contains `/`, a name
/// when `/run/netns/NS` exists, else a process id; anything else is
/// `Invalid "netns" value`.
pub fn netns_arg<'a>(ctx: &mut Ctx, word: &'a OsStr) -> CmdResult<NetnsRef<'a>> {
    if word.as_bytes().contains(&b'/') {
        return Ok(NetnsRef::Path(word));
    }
    let run_dir = ctx.handle()?.run_dir().to_owned();
    if !word.is_empty() && std::path::Path::new(&run_dir).join(word).exists() {
        return Ok(NetnsRef::Name(word));
    }
    // ip reads an int (`get_integer`) and sends its 32 bits as the pid.
    let text = word.to_string_lossy();
    match rtnl_ip::names::parse_integer(&text) {
        Some(pid) => Ok(NetnsRef::Pid(pid as u32)),
        None => Err(naming(word.as_bytes(), |word| {
            invarg("Invalid \"netns\" value\n", word)
        })),
    }
}

/// Room for a link-layer address a command spells out, which its spec borrows.
type Lladdr = [u8; 32];

/// The rooms for one command's link-layer addresses (`address` and a veth peer's, or
/// `address` and `broadcast`): each keyword takes at most one, as it may be given once.
fn rooms(store: &mut [Lladdr; 2]) -> Vec<&mut Lladdr> {
    store.iter_mut().collect()
}

/// `bytes` in the next free room: the slice the spec borrows.
fn lladdr_in<'a>(rooms: &mut Vec<&'a mut Lladdr>, bytes: &[u8]) -> &'a [u8] {
    let Some(room) = rooms.pop() else {
        unreachable!("one room per address keyword, and each is given once")
    };
    let len = bytes.len().min(room.len());
    room[..len].copy_from_slice(&bytes[..len]);
    let room: &'a Lladdr = room;
    &room[..len]
}

/// `iplink_parse()`'s keywords up to `type KIND`, read into `spec` (for a veth's `peer`, the
/// peer's own spec, whose values go to the veth's peer options). Names to look up are kept as
/// names (a namespace as [`NetnsRef::Name`] until [`netns_arg`] reads it); returns the device
/// word (a bare `NAME` or `dev NAME`) and the kind.
fn parse_common<'a, 'w: 'a>(
    args: &mut Args<'w>,
    spec: &mut LinkAdd<'a>,
    rooms: &mut Vec<&'a mut Lladdr>,
) -> CmdResult<(Option<&'a [u8]>, Option<&'a str>)> {
    let mut dev = None;
    let r = &mut spec.request;
    while let Some(word) = args.next() {
        match word {
            "up" => r.flags = LinkFlags::up(),
            "down" => r.flags = LinkFlags::NONE,
            "name" => {
                let value = args.value_once("name", &r.name)?;
                r.name = Some(ifname("name", args, value)?);
            }
            // ip reads an int and sends its 32 bits.
            "mtu" => r.mtu = Some(args::integer("mtu", args.value_once("mtu", &r.mtu)?)? as u32),
            "netns" => {
                let value = args.value_once("netns", &spec.netns)?;
                spec.netns = Some(NetnsRef::Name(OsStr::from_bytes(args.bytes(value))));
            }
            w if matches(w, "link") => {
                let value = args.value_once("link", &spec.link)?;
                spec.link = Some(LinkRef::Name(args.bytes(value)));
            }
            w if matches(w, "address") => {
                let mac = args::mac(args.value_once("address", &r.address)?)?;
                r.address = Some(lladdr_in(rooms, &mac));
            }
            w if matches(w, "txqueuelen") || w == "qlen" || matches(w, "txqlen") => {
                let value = args.value_once("txqueuelen", &r.txqlen)?;
                r.txqlen = Some(args::integer("txqueuelen", value)? as u32);
            }
            w if matches(w, "master") => {
                let value = args.value_once("master", &spec.master)?;
                spec.master = Some(LinkRef::Name(args.bytes(value)));
            }
            w if matches(w, "type") => return Ok((dev, Some(args.value()?))),
            w if matches(w, "broadcast") || w == "brd" => {
                return Err(args::unsupported("link add broadcast"));
            }
            "index" | "numtxqueues" | "numrxqueues" | "group" | "alias" | "vf" | "mode"
            | "state" | "gso_max_size" | "gso_max_segs" | "gro_max_size" | "addrgenmode"
            | "protodown" | "parentdev" => {
                return Err(args::unsupported_word("link add ", word));
            }
            w if matches(w, "help") => return Err(usage()),
            w => {
                let name = if w == "dev" { args.value()? } else { w };
                if dev.is_some() {
                    return Err(duparg2("dev", name));
                }
                dev = Some(ifname("dev", args, name)?);
            }
        }
    }
    Ok((dev, None))
}

/// The name of a new link: `name X` or the bare word, not both.
fn link_name<'a>(name: Option<&'a [u8]>, dev: Option<&'a [u8]>) -> CmdResult<Option<&'a [u8]>> {
    match (name, dev) {
        (Some(_), Some(_)) => Err(Failure::usage(
            "both \"name\" and \"dev\" cannot be used when creating devices.",
        )),
        (name, dev) => Ok(name.or(dev)),
    }
}

/// `KIND: unknown command "x"?`, which `ip` prints (with the kind's usage) and exits 1 on.
fn unknown_kind_arg(kind: &str, word: &str) -> Failure {
    Failure::Local(format!(
        "{kind}: unknown command \"{word}\"?\nTry \"rtnl link help\"."
    ))
}

/// The arguments after `type KIND` (the rest of the command), read into `spec`'s kind: each
/// kind's grammar (`ip/link_veth.c`, `iplink_vxlan.c`, `iplink_vlan.c`, `iplink_macvlan.c`).
// The rooms the kinds' options borrow, one per kind, and the device lookup vxlan's `dev` needs.
#[allow(clippy::too_many_arguments)]
fn parse_kind<'a, 'w: 'a>(
    kind: &'a str,
    args: &mut Args<'w>,
    spec: &mut LinkAdd<'a>,
    rooms: &mut Vec<&'a mut Lladdr>,
    vxlan_opts: &'a mut Vec<VxlanOpt>,
    macvlan_macs: &'a mut Vec<[u8; 6]>,
    macvlan_opts: &'a mut Vec<MacvlanOpt<'a>>,
    lookup: &mut dyn FnMut(&[u8]) -> CmdResult<u32>,
) -> CmdResult {
    spec.request.kind = match kind {
        "veth" => match args.next() {
            None => LinkKind::Veth(Veth::default()),
            Some("peer") => {
                // The peer's words are `ip link add`'s own, for the peer's end.
                let mut peer = LinkAdd::new(None, LinkKind::Other(""));
                let (dev, kind) = parse_common(args, &mut peer, rooms)?;
                if let Some(kind) = kind {
                    return Err(duparg("type", kind));
                }
                if peer.master.is_some() || peer.link.is_some() {
                    return Err(args::unsupported("veth peer master/link"));
                }
                let p = peer.request;
                spec.peer_netns = peer.netns;
                LinkKind::Veth(Veth {
                    peer_name: link_name(p.name, dev)?,
                    peer_netns: None,
                    peer_mtu: p.mtu,
                    peer_address: p.address,
                    peer_txqlen: p.txqlen,
                    peer_flags: p.flags,
                })
            }
            Some(_) => {
                return Err(Failure::StdoutUsage(
                    "Usage: ip link <options> type veth [peer <options>]\n\
                     To get <options> type 'ip link add help'"
                        .into(),
                ));
            }
        },
        "dummy" => match args.next() {
            None => LinkKind::Dummy,
            Some(word) => return Err(args::unsupported_word("dummy ", word)),
        },
        "vxlan" => LinkKind::Vxlan(parse_vxlan(args, vxlan_opts, false, lookup)?),
        "vlan" => {
            let mut vlan = Vlan {
                id: u16::MAX,
                protocol: None,
                link: 0,
            };
            let mut link = None;
            while let Some(word) = args.next() {
                match word {
                    "id" => {
                        let given = (vlan.id != u16::MAX).then_some(());
                        let value = args.value_once("id", &given)?;
                        vlan.id = number::<u16>("id", value)
                            .ok()
                            .filter(|&n| n < 4096)
                            .ok_or_else(|| invarg("id is invalid", value))?;
                    }
                    w if matches(w, "protocol") => {
                        let value = args.value_once("protocol", &vlan.protocol)?;
                        vlan.protocol = Some(match value.to_ascii_lowercase().as_str() {
                            "802.1q" => 0x8100,
                            "802.1ad" => 0x88a8,
                            _ => return Err(invarg("protocol is invalid", value)),
                        });
                    }
                    "link" => link = Some(args.value_once("link", &link)?),
                    w if matches(w, "help") => {
                        return Err(usage());
                    }
                    w => return Err(unknown_kind_arg("vlan", w)),
                }
            }
            // `link DEV` may come before the kind (ip's place) or after it.
            spec.link = spec.link.or(link.map(|dev| LinkRef::Name(args.bytes(dev))));
            LinkKind::Vlan(vlan)
        }
        "macvlan" => {
            let (macvlan, link) = link_macvlan::macvlan(args, macvlan_macs, macvlan_opts)?;
            spec.link = spec.link.or(link.map(|dev| LinkRef::Name(args.bytes(dev))));
            LinkKind::Macvlan(macvlan)
        }
        "ipvlan" => {
            let (ipvlan, link) = link_ipvlan::ipvlan(args, true)?;
            spec.link = spec.link.or(link.map(|dev| LinkRef::Name(args.bytes(dev))));
            LinkKind::Ipvlan(ipvlan)
        }
        "vrf" => LinkKind::Vrf(link_ipvlan::vrf(args)?),
        other => match args.next() {
            None => LinkKind::Other(other),
            Some(word) => return Err(args::unsupported(&format!("{other} {word}"))),
        },
    };
    Ok(())
}

/// `print_explain()` of iplink_vxlan.c: what `type vxlan help` prints.
const VXLAN_USAGE: &str = "Usage: ... vxlan id VNI\n\
\t\t[ { group | remote } IP_ADDRESS ]\n\
\t\t[ local ADDR ]\n\
\t\t[ ttl TTL ]\n\
\t\t[ tos TOS ]\n\
\t\t[ df DF ]\n\
\t\t[ flowlabel LABEL ]\n\
\t\t[ dev PHYS_DEV ]\n\
\t\t[ dstport PORT ]\n\
\t\t[ srcport MIN MAX ]\n\
\t\t[ [no]learning ]\n\
\t\t[ [no]proxy ]\n\
\t\t[ [no]rsc ]\n\
\t\t[ [no]l2miss ]\n\
\t\t[ [no]l3miss ]\n\
\t\t[ ageing SECONDS ]\n\
\t\t[ maxaddress NUMBER ]\n\
\t\t[ [no]udpcsum ]\n\
\t\t[ [no]udp6zerocsumtx ]\n\
\t\t[ [no]udp6zerocsumrx ]\n\
\t\t[ [no]remcsumtx ] [ [no]remcsumrx ]\n\
\t\t[ [no]external ] [ gbp ] [ gpe ]\n\
\t\t[ [no]vnifilter ]\n\
\n\
Where:\tVNI\t:= 0-16777215\n\
\tADDR\t:= { IP_ADDRESS | any }\n\
\tTOS\t:= { NUMBER | inherit }\n\
\tTTL\t:= { 1..255 | auto | inherit }\n\
\tDF\t:= { unset | set | inherit }\n\
\tLABEL := 0-1048575";

/// `type vxlan`'s keywords (`iplink_vxlan.c`), for `link add` and (`set`) for `link set`,
/// matched by prefix in ip's order; the options ip adds as it reads them go to `opts` in
/// their order, `dev DEV` among them, looked up with `lookup` when it is read (as ip does). The
/// checks ip makes once the words are read are made here too, with its messages; its warning
/// about a missing `dstport` is printed. As ip's `set_op`, a change needs no `id`, is not
/// warned about the port, and sends `id` and `[no]learning` only when given.
fn parse_vxlan<'a>(
    args: &mut Args<'_>,
    opts: &'a mut Vec<VxlanOpt>,
    set: bool,
    lookup: &mut dyn FnMut(&[u8]) -> CmdResult<u32>,
) -> CmdResult<Vxlan<'a>> {
    use VxlanOpt as O;
    /// The keywords that only switch something on or off, in ip's order after `dstport`:
    /// the word, its attribute (for ip's duplicate check), and the option.
    const SWITCHES: [(&str, u16, Option<VxlanOpt>); 24] = {
        use rtnl_ip::codec::ifla_vxlan as x;
        [
            ("nolearning", x::LEARNING, None),
            ("learning", x::LEARNING, None),
            ("noproxy", x::PROXY, Some(O::Proxy(false))),
            ("proxy", x::PROXY, Some(O::Proxy(true))),
            ("norsc", x::RSC, Some(O::Rsc(false))),
            ("rsc", x::RSC, Some(O::Rsc(true))),
            ("nol2miss", x::L2MISS, Some(O::L2miss(false))),
            ("l2miss", x::L2MISS, Some(O::L2miss(true))),
            ("nol3miss", x::L3MISS, Some(O::L3miss(false))),
            ("l3miss", x::L3MISS, Some(O::L3miss(true))),
            ("udpcsum", x::UDP_CSUM, Some(O::UdpCsum(true))),
            ("noudpcsum", x::UDP_CSUM, Some(O::UdpCsum(false))),
            (
                "udp6zerocsumtx",
                x::UDP_ZERO_CSUM6_TX,
                Some(O::UdpZeroCsum6Tx(true)),
            ),
            (
                "noudp6zerocsumtx",
                x::UDP_ZERO_CSUM6_TX,
                Some(O::UdpZeroCsum6Tx(false)),
            ),
            (
                "udp6zerocsumrx",
                x::UDP_ZERO_CSUM6_RX,
                Some(O::UdpZeroCsum6Rx(true)),
            ),
            (
                "noudp6zerocsumrx",
                x::UDP_ZERO_CSUM6_RX,
                Some(O::UdpZeroCsum6Rx(false)),
            ),
            ("remcsumtx", x::REMCSUM_TX, Some(O::RemcsumTx(true))),
            ("noremcsumtx", x::REMCSUM_TX, Some(O::RemcsumTx(false))),
            ("remcsumrx", x::REMCSUM_RX, Some(O::RemcsumRx(true))),
            ("noremcsumrx", x::REMCSUM_RX, Some(O::RemcsumRx(false))),
            (
                "external",
                x::COLLECT_METADATA,
                Some(O::CollectMetadata(true)),
            ),
            (
                "noexternal",
                x::COLLECT_METADATA,
                Some(O::CollectMetadata(false)),
            ),
            ("gbp", x::GBP, Some(O::Gbp)),
            ("gpe", x::GPE, Some(O::Gpe)),
        ]
    };
    use rtnl_ip::codec::ifla_vxlan as x;
    let mut v = Vxlan::default();
    let mut learning = true;
    let mut seen = Seen(0);
    let (mut id, mut dev, mut port) = (None, false, None);
    let (mut metadata, mut vnifilter) = (false, false);
    while let Some(word) = args.next() {
        match word {
            w if matches(w, "id") || matches(w, "vni") => {
                let value = seen.value(args, x::ID, "id")?;
                id = Some(
                    number::<u32>("id", value)
                        .ok()
                        .filter(|&n| n < 1 << 24)
                        .ok_or_else(|| invarg("invalid id", value))?,
                );
            }
            w if matches(w, "group") || matches(w, "remote") => {
                let group = matches(w, "group");
                if (group && v.remote.is_some()) || (!group && v.group.is_some()) {
                    return Err(Failure::local(
                        "vxlan: both group and remote cannot be specified",
                    ));
                }
                let (key, what) = if group {
                    ("group", "invalid group address")
                } else {
                    ("remote", "invalid remote address")
                };
                let value = args.value()?;
                seen.mark(x::GROUP, key, value)?;
                // ip's get_addr() in the local address's family; `default`, `any` and `all`
                // are no inet address.
                let family = v.local.map_or(Family::Any, args::family_of);
                let addr = args::inet_addr(value, family)?
                    .addr
                    .filter(|a| a.is_multicast() == group)
                    .ok_or_else(|| invarg(what, value))?;
                if group {
                    v.group = Some(addr);
                } else {
                    v.remote = Some(addr);
                }
            }
            w if matches(w, "local") => {
                let value = seen.value(args, x::LOCAL, "local")?;
                // ip's get_addr() in the group's or remote's family: `default` is that
                // family's zero address (`any` and `all` have no bytes); in no family none of
                // them is an inet address.
                let family = v.group.or(v.remote).map_or(Family::Any, args::family_of);
                let local = args::inet_addr(value, family)?;
                if local.addr.is_some_and(|a| a.is_multicast())
                    || (local.addr.is_none() && family == Family::Any)
                {
                    return Err(invarg("invalid local address", value));
                }
                v.local = Some(local.required(value)?);
            }
            w if matches(w, "dev") => {
                let value = seen.value(args, x::LINK, "dev")?;
                opts.push(O::Link(lookup(args.bytes(value))?));
                dev = true;
            }
            w if matches(w, "ttl") || matches(w, "hoplimit") => {
                let value = seen.value(args, x::TTL, "ttl")?;
                opts.push(match value {
                    "inherit" => O::TtlInherit,
                    "auto" => O::Ttl(0),
                    _ => O::Ttl(
                        number::<u32>("ttl", value)
                            .map_err(|_| invarg("invalid TTL", value))?
                            .try_into()
                            .map_err(|_| invarg("TTL must be <= 255", value))?,
                    ),
                });
            }
            w if matches(w, "tos") || matches(w, "dsfield") => {
                let value = seen.value(args, x::TOS, "tos")?;
                // `inherit`, else rtnl_dsfield_a2n(): a name of rt_dsfield (`AF11`, `EF`,
                // ...) or a hexadecimal number.
                let tos = if value == "inherit" {
                    1
                } else {
                    rtnl_ip::names::parse_dsfield(value)
                        .ok_or_else(|| invarg("bad TOS value", value))?
                };
                opts.push(O::Tos(tos));
            }
            w if matches(w, "df") => {
                let value = seen.value(args, x::DF, "df")?;
                opts.push(O::Df(match value {
                    "unset" => 0,
                    "set" => 1,
                    "inherit" => 2,
                    _ => return Err(invarg("DF must be 'unset', 'set' or 'inherit'", value)),
                }));
            }
            w if matches(w, "label") || matches(w, "flowlabel") => {
                let value = seen.value(args, x::LABEL, "flowlabel")?;
                let label = number::<u32>("flowlabel", value)
                    .ok()
                    .filter(|&l| l <= 0xf_ffff)
                    .ok_or_else(|| invarg("invalid flowlabel", value))?;
                opts.push(O::Label(label));
            }
            w if matches(w, "ageing") => {
                let value = seen.value(args, x::AGEING, "ageing")?;
                let age = match value {
                    "none" => 0,
                    _ => number("ageing", value).map_err(|_| invarg("ageing timer", value))?,
                };
                opts.push(O::Ageing(age));
            }
            w if matches(w, "maxaddress") => {
                let value = seen.value(args, x::LIMIT, "maxaddress")?;
                let limit = match value {
                    "unlimited" => 0,
                    _ => number("maxaddress", value).map_err(|_| invarg("max addresses", value))?,
                };
                opts.push(O::Limit(limit));
            }
            w if matches(w, "port") || matches(w, "srcport") => {
                let low = seen.value(args, x::PORT_RANGE, "srcport")?;
                let low = number::<u16>("srcport", low).map_err(|_| invarg("min port", low))?;
                let high = args.value()?;
                let high = number::<u16>("srcport", high).map_err(|_| invarg("max port", high))?;
                if low != 0 || high != 0 {
                    opts.push(O::PortRange(low, high));
                }
            }
            w if matches(w, "dstport") => {
                let value = seen.value(args, x::PORT, "dstport")?;
                port =
                    Some(number::<u16>("dstport", value).map_err(|_| invarg("dst port", value))?);
            }
            "vnifilter" | "novnifilter" => {
                seen.mark(x::VNIFILTER, word, word)?;
                let on = word == "vnifilter";
                vnifilter |= on;
                opts.push(O::Vnifilter(on));
            }
            w if matches(w, "help") => return Err(Failure::Local(VXLAN_USAGE.into())),
            w => {
                // ip tries the switches before `vnifilter`, `novnifilter` and `help`; no word
                // taken by those arms is also a prefix of a switch, so the order holds.
                let Some(&(key, ty, opt)) = SWITCHES.iter().find(|(key, _, _)| matches(w, key))
                else {
                    return Err(Failure::Local(format!(
                        "vxlan: unknown command \"{w}\"?\n{VXLAN_USAGE}"
                    )));
                };
                seen.mark(ty, w, w)?;
                match (key, opt) {
                    ("learning", _) => learning = true,
                    ("nolearning", _) => learning = false,
                    (_, Some(O::CollectMetadata(on))) => {
                        metadata = on;
                        if on {
                            learning = false;
                        }
                    }
                    _ => {}
                }
                opts.extend(opt);
            }
        }
    }
    if !metadata && vnifilter {
        return Err(Failure::local(
            "vxlan: vnifilter is valid only when 'external' is set",
        ));
    }
    if metadata && id.is_some() {
        return Err(Failure::local(
            "vxlan: both 'external' and vni cannot be specified",
        ));
    }
    if !metadata && !vnifilter && id.is_none() && !set {
        return Err(Failure::local("vxlan: missing virtual network identifier"));
    }
    if v.group.is_some() && !dev {
        return Err(Failure::local(
            "vxlan: 'group' requires 'dev' to be specified",
        ));
    }
    let gpe = opts.contains(&O::Gpe);
    match port {
        None if gpe => port = Some(4790),
        None if set => {}
        None => eprintln!(
            "vxlan: destination port not specified\n\
             Will use Linux kernel default (non-standard value)\n\
             Use 'dstport 4789' to get the IANA assigned value\n\
             Use 'dstport 0' to get default and quiet this message"
        ),
        Some(_) => {}
    }
    // ip leaves a zero port out.
    v.port = port.filter(|&p| p != 0);
    v.id = id;
    v.learning = (!set || seen.0 & (1 << x::LEARNING) != 0).then_some(learning);
    v.opts = opts;
    Ok(v)
}

/// ip's `check_duparg()` for vxlan: the bit of each attribute whose keyword was read.
struct Seen(u64);

impl Seen {
    /// Marks `ty` as read; a second time is `duparg2(key, arg)`.
    fn mark(&mut self, ty: u16, key: &str, arg: &str) -> CmdResult {
        let bit = 1u64 << ty;
        if self.0 & bit != 0 {
            return Err(duparg2(key, arg));
        }
        self.0 |= bit;
        Ok(())
    }

    /// The value after `key` (attribute `ty`), marked as read.
    fn value<'w>(&mut self, args: &mut Args<'w>, ty: u16, key: &str) -> CmdResult<&'w str> {
        let value = args.value()?;
        self.mark(ty, key, value)?;
        Ok(value)
    }
}

/// The index of a vxlan's `dev DEV`; a missing one is ip's `nodev()` message, which ends ip
/// with exit 255.
fn vxlan_dev(ctx: &mut Ctx, dev: &[u8]) -> CmdResult<u32> {
    device_index(ctx, dev).map_err(|e| match e {
        Failure::Local(text) => Failure::Usage(text),
        Failure::Named(_, text) => Failure::Named(255, text),
        other => other,
    })
}

/// Room for the option list of a `type bridge` or `type bridge_slave`, which the spec borrows.
#[derive(Default)]
struct KindOpts {
    bridge: Vec<BridgeOpt>,
    port: Vec<BridgePortOpt>,
}

/// The kinds whose options `link add` and `link set` read alike (`link_bridge.rs`): the rest
/// of the command read into `store`, and the kind borrowing it; `None` for other kinds.
fn kind_options<'a>(
    ctx: &mut Ctx,
    kind: &str,
    args: &mut Args<'_>,
    store: &'a mut KindOpts,
) -> CmdResult<Option<LinkKind<'a>>> {
    Ok(match kind {
        "bridge" => {
            store.bridge = link_bridge::bridge(args)?;
            Some(LinkKind::Bridge(&store.bridge))
        }
        "bridge_slave" => {
            let mut lookup = |name: &str| device_index(ctx, name.as_bytes());
            store.port = link_bridge::bridge_slave(args, &mut lookup)?;
            Some(LinkKind::BridgeSlave(&store.port))
        }
        _ => None,
    })
}

/// `link add`.
fn add(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    add_or_replace(ctx, args, false)
}

/// `link replace`: `add` with `NLM_F_REPLACE`.
fn replace(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    add_or_replace(ctx, args, true)
}

/// Parses `link add|replace` into a [`LinkAdd`], looks up what it names with ip's messages,
/// and sends it.
fn add_or_replace(ctx: &mut Ctx, args: &mut Args<'_>, replace: bool) -> CmdResult {
    let mut kind_store = KindOpts::default();
    let mut vxlan_opts = Vec::new();
    let mut macvlan_macs = Vec::new();
    let mut macvlan_opts = Vec::new();
    let mut store = [[0; 32]; 2];
    let mut rooms = rooms(&mut store);
    let mut spec = LinkAdd::new(None, LinkKind::Other(""));
    let (dev, kind) = parse_common(args, &mut spec, &mut rooms)?;
    let Some(kind) = kind else {
        return Err(Failure::local(
            "Not enough information: \"type\" argument is required",
        ));
    };
    // A `link DEV` before the kind is for the kinds that sit on a device.
    let common_link = spec.link.is_some();
    match kind_options(ctx, kind, args, &mut kind_store)? {
        Some(with_options) => spec.request.kind = with_options,
        None => parse_kind(
            kind,
            args,
            &mut spec,
            &mut rooms,
            &mut vxlan_opts,
            &mut macvlan_macs,
            &mut macvlan_opts,
            &mut |dev| vxlan_dev(ctx, dev),
        )?,
    }
    let Some(name) = link_name(spec.request.name, dev)? else {
        return Err(args::unsupported("link add without a name"));
    };
    spec.request.name = Some(name);
    if replace {
        spec = spec.replace();
    }
    // Names the kernel needs as indexes are looked up first, with ip's messages.
    if let Some(LinkRef::Name(master)) = spec.master {
        spec.master = Some(argument_device(ctx, master)?.into());
    }
    let lower = |ctx: &mut Ctx, link: Option<LinkRef<'_>>| -> CmdResult<u32> {
        match link {
            Some(LinkRef::Name(dev)) => device_index(ctx, dev),
            Some(LinkRef::Index(index)) => Ok(index),
            None => Err(Failure::local(
                "Not enough information: \"link\" argument is required",
            )),
        }
    };
    match &spec.request.kind {
        LinkKind::Veth(_) => {
            if let Some(NetnsRef::Name(ns)) = spec.peer_netns {
                spec.peer_netns = Some(netns_arg(ctx, ns)?);
            }
        }
        LinkKind::Vlan(vlan) => {
            let id = vlan.id;
            spec.link = Some(lower(ctx, spec.link)?.into());
            if id == u16::MAX {
                return Err(Failure::local("8021q: VLAN device ID is required"));
            }
        }
        LinkKind::Macvlan(_) => spec.link = Some(lower(ctx, spec.link)?.into()),
        // ip does not require the lower device: the kernel refuses an ipvlan without one.
        LinkKind::Ipvlan(_) if spec.link.is_some() => {
            spec.link = Some(lower(ctx, spec.link)?.into());
        }
        _ => {}
    }
    if common_link
        && !matches!(
            spec.request.kind,
            LinkKind::Vlan(_) | LinkKind::Macvlan(_) | LinkKind::Ipvlan(_)
        )
    {
        return Err(args::unsupported_word("link DEV with type ", kind));
    }
    if let Some(NetnsRef::Name(ns)) = spec.netns {
        spec.netns = Some(netns_arg(ctx, ns)?);
    }
    ctx.handle()?.link_add(&spec)?;
    ctx.warn();
    Ok(())
}

/// `link set`: the words read into a [`LinkSet`] (the device may come last: `ip link set up
/// dev v0`), then the names it holds looked up with ip's messages.
fn set<'w>(ctx: &mut Ctx, args: &mut Args<'w>) -> CmdResult {
    /// What an on/off keyword sets, applied once the device is known.
    type Setter = for<'x> fn(LinkSet<'x>, bool) -> LinkSet<'x>;
    /// `ip link set`'s on/off keywords, in the order `ip` tries them.
    const FLAGS: [(&str, Setter); 7] = [
        ("multicast", |s, on| s.multicast(on)),
        ("allmulticast", |s, on| s.allmulticast(on)),
        ("promisc", |s, on| s.promisc(on)),
        ("trailers", |s, on| s.trailers(on)),
        ("arp", |s, on| s.arp(on)),
        ("carrier", |s, on| s.carrier(on)),
        ("dynamic", |s, on| s.dynamic(on)),
    ];
    let mut kind_store = KindOpts::default();
    let mut macvlan_macs = Vec::new();
    let mut macvlan_opts = Vec::new();
    let mut vxlan_opts = Vec::new();
    let mut store = [[0; 32]; 2];
    let mut rooms = rooms(&mut store);
    let mut dev: Option<&[u8]> = None;
    // The device is filled in once it is known; the flags keep their order.
    let mut spec = LinkSet::new(LinkRef::Index(0));
    let mut up = None;
    let mut flags = Vec::new();
    while let Some(word) = args.next() {
        if let Some(&(key, setter)) = FLAGS.iter().find(|(key, _)| matches(word, key)) {
            flags.push((setter, args::on_off(key, args.value()?)?));
            continue;
        }
        let r = &mut spec.request;
        match word {
            "up" => up = Some(true),
            "down" => up = Some(false),
            "name" => {
                let value = args.value_once("name", &r.name)?;
                r.name = Some(ifname("name", args, value)?);
            }
            "mtu" => r.mtu = Some(args::integer("mtu", args.value_once("mtu", &r.mtu)?)? as u32),
            "netns" => {
                let value = args.value_once("netns", &spec.netns)?;
                spec.netns = Some(NetnsRef::Name(OsStr::from_bytes(args.bytes(value))));
            }
            "group" => r.group = Some(args::group(args.value_once("group", &r.group)?)?),
            w if matches(w, "address") => {
                let bytes = args::lladdr(args.value_once("address", &r.address)?)?;
                r.address = Some(lladdr_in(&mut rooms, &bytes));
            }
            w if matches(w, "broadcast") || w == "brd" => {
                let bytes = args::lladdr(args.value_once("broadcast", &r.broadcast)?)?;
                r.broadcast = Some(lladdr_in(&mut rooms, &bytes));
            }
            w if matches(w, "txqueuelen") || w == "qlen" || matches(w, "txqlen") => {
                let value = args.value_once("txqueuelen", &r.txqlen)?;
                r.txqlen = Some(args::integer("txqueuelen", value)? as u32);
            }
            w if matches(w, "master") => {
                let value = args.value_once("master", &spec.master)?;
                spec.master = Some(Some(LinkRef::Name(args.bytes(value))));
            }
            w if matches(w, "nomaster") => spec.master = Some(None),
            w if matches(w, "alias") => {
                let value = args.value_once("alias", &r.alias)?;
                r.alias = Some(args.bytes(value));
            }
            w if matches(w, "type") => {
                // The rest of the command is the kind's (ip's iplink_parse stops at `type`).
                let kind = args.value()?;
                spec.request.kind = Some(match kind {
                    // Without options ip sends the kind alone, whatever it is.
                    _ if args.peek().is_none() => LinkKind::Other(kind),
                    "macvlan" => {
                        let (macvlan, link) =
                            link_macvlan::macvlan(args, &mut macvlan_macs, &mut macvlan_opts)?;
                        if link.is_some() {
                            return Err(args::unsupported("link set type macvlan link"));
                        }
                        LinkKind::Macvlan(macvlan)
                    }
                    "vxlan" => {
                        let mut lookup = |dev: &[u8]| vxlan_dev(ctx, dev);
                        LinkKind::Vxlan(parse_vxlan(args, &mut vxlan_opts, true, &mut lookup)?)
                    }
                    "ipvlan" => LinkKind::Ipvlan(link_ipvlan::ipvlan(args, false)?.0),
                    "vrf" => LinkKind::Vrf(link_ipvlan::vrf(args)?),
                    _ => match kind_options(ctx, kind, args, &mut kind_store)? {
                        Some(with_options) => with_options,
                        None => return Err(args::unsupported_word("link set type ", kind)),
                    },
                });
                break;
            }
            "index" | "link" | "vf" | "vrf" | "mode" | "state" | "xdp" | "xdpgeneric"
            | "xdpdrv" | "xdpoffload" | "addrgenmode" | "protodown" | "protodown_reason"
            | "gso_max_size" | "gso_max_segs" | "gro_max_size" | "link-netns" | "link-netnsid"
            | "numtxqueues" | "numrxqueues" => {
                return Err(args::unsupported_word("link set ", word));
            }
            w if matches(w, "help") => return Err(usage()),
            w => dev = Some(device_word(args, w, dev)?),
        }
    }
    // `group N` without a device picks the links to change (`rtnl_group_changelink()`): no
    // index, no name, IFLA_GROUP.
    let dev = match (dev, spec.request.group) {
        (None, Some(_)) => None,
        (dev, _) => Some(required_device(dev)?),
    };
    spec.request.link = match dev {
        Some(dev) => device_index(ctx, dev)?.into(),
        None => LinkRef::Index(0),
    };
    if let Some(Some(LinkRef::Name(master))) = spec.master {
        spec.master = Some(Some(argument_device(ctx, master)?.into()));
    }
    if let Some(NetnsRef::Name(ns)) = spec.netns {
        spec.netns = Some(netns_arg(ctx, ns)?);
    }
    if let Some(up) = up {
        spec = spec.up(up);
    }
    for (setter, on) in flags {
        spec = setter(spec, on);
    }
    // Renaming to the name it has is no change (ip leaves IFLA_IFNAME out too).
    if dev.is_some() && spec.request.name == dev {
        spec.request.name = None;
    }
    ctx.handle()?.link_set(&spec)?;
    ctx.warn();
    Ok(())
}

/// `link delete {[dev] DEV | group N}`: a device, or every device of a group.
fn delete(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let mut dev = None;
    let mut group = None;
    while let Some(word) = args.next() {
        match word {
            "type" => return Err(args::unsupported_word("link delete ", word)),
            "group" => group = Some(args::group(args.value_once("group", &group)?)?),
            w if matches(w, "help") => return Err(usage()),
            w => dev = Some(device_word(args, w, dev)?),
        }
    }
    if let (None, Some(group)) = (dev, group) {
        ctx.handle()?.link_del_group(group)?;
        ctx.warn();
        return Ok(());
    }
    let dev = required_device(dev)?;
    let index = device_index(ctx, dev)?;
    ctx.handle()?.link_del(LinkRef::Index(index))?;
    ctx.warn();
    Ok(())
}

/// The filters of `link show` (and of `address show`, which shares them).
#[derive(Default)]
pub struct ShowArgs<'a> {
    /// `[dev] DEV`.
    pub dev: Option<&'a [u8]>,
    /// `up`.
    pub up: bool,
    /// `master DEV`.
    pub master: Option<&'a [u8]>,
    /// `vrf DEV`.
    pub vrf: Option<&'a [u8]>,
    /// `type KIND` (`KIND_slave` for ports of that kind of master).
    pub kind: Option<&'a str>,
    /// `group N`.
    pub group: Option<u32>,
    /// `nomaster`.
    pub nomaster: bool,
}

impl<'a> ShowArgs<'a> {
    /// Reads `link show`'s filters.
    pub fn parse(args: &mut Args<'a>) -> CmdResult<Self> {
        let mut s = ShowArgs::default();
        while let Some(word) = args.next() {
            match word {
                "up" => s.up = true,
                "group" => {
                    let value = args.value_once("group", &s.group)?;
                    s.group = Some(args::group(value)?);
                }
                w if matches(w, "master") => {
                    let value = args.value()?;
                    s.master = Some(args.bytes(value));
                }
                "vrf" => {
                    let value = args.value()?;
                    s.vrf = Some(args.bytes(value));
                }
                w if matches(w, "type") => s.kind = Some(args.value()?),
                w if matches(w, "nomaster") => s.nomaster = true,
                w if matches(w, "help") => return Err(usage()),
                w => {
                    let d = if w == "dev" { args.value()? } else { w };
                    if s.dev.is_some() {
                        return Err(duparg2("dev", d));
                    }
                    s.dev = Some(args.bytes(d));
                }
            }
        }
        Ok(s)
    }

    /// The filter the kernel (or the library) applies, with the names resolved: `ip`'s
    /// errors for a master, VRF or device that does not exist.
    fn filter(&self, ctx: &mut Ctx) -> CmdResult<LinkFilter<'static>> {
        let master = match self.master {
            Some(m) => Some(argument_device(ctx, m)?),
            None => None,
        };
        // ip's `vrf NAME`: a link of kind vrf (`name_is_vrf()`), else `Not a valid VRF name`.
        let vrf = match self.vrf {
            Some(v) => match super::route::vrf_link(ctx, v)? {
                super::route::VrfLink::Vrf { index, .. } => Some(index),
                _ => return Err(naming(v, |v| invarg("Not a valid VRF name\n", v))),
            },
            None => None,
        };
        let device = match self.dev {
            Some(dev) => match ctx.handle()?.link_index(LinkRef::Name(dev)) {
                Ok(index) => Some(index),
                Err(e) if matches!(e.kind(), rtnl_ip::ErrorKind::NotFound) => {
                    return Err(naming(dev, |dev| {
                        Failure::Local(format!("Device \"{dev}\" does not exist."))
                    }));
                }
                Err(e) => return Err(e.into()),
            },
            None => None,
        };
        Ok(LinkFilter {
            device: device.map(LinkRef::Index),
            group: self.group,
            up: self.up,
            master: master.map(LinkRef::Index),
            vrf: vrf.map(LinkRef::Index),
            // The kernel ignores a kind filter it has no driver for; `keeps` checks it too.
            kind: None,
            // Without -s the counters are not printed, so the kernel need not sum them.
            skip_stats: ctx.opts.stats == 0,
        })
    }

    /// The kind the kernel filters on (not `KIND_slave`, which ip checks itself).
    fn kernel_kind(&self) -> Option<&'a str> {
        self.kind.filter(|k| !k.ends_with("_slave"))
    }

    /// Whether `m` passes the filters ip applies itself (`nomaster`, `type`).
    fn keeps(&self, m: &LinkMessage<'_>) -> bool {
        let slave_kind = self.kind.and_then(|k| k.strip_suffix("_slave"));
        (!self.nomaster || m.master().is_none())
            && slave_kind.is_none_or(|k| m.slave_kind() == Some(k))
            && self.kernel_kind().is_none_or(|k| m.kind() == Some(k))
    }

    /// Streams the links that pass these filters, in the kernel's order, to `each`, with
    /// `table` (new, from the handle) filled from the same dump before each is handed on, so
    /// masters and peers print by name: one dump, no owned links.
    pub fn for_each(
        &self,
        ctx: &mut Ctx,
        table: &mut LinkTable,
        each: impl FnMut(&LinkMessage<'_>, &mut LinkTable),
    ) -> CmdResult {
        let filter = self.resolve(ctx)?;
        self.for_each_resolved(ctx, filter, table, each)
    }

    /// The filter the dump takes, names resolved (`ip`'s errors for names that do not
    /// exist).
    pub fn resolve(&self, ctx: &mut Ctx) -> CmdResult<LinkFilter<'a>> {
        let mut filter = self.filter(ctx)?;
        filter.kind = self.kernel_kind();
        Ok(filter)
    }

    /// [`ShowArgs::for_each`] with the filter [`ShowArgs::resolve`] gave.
    pub fn for_each_resolved(
        &self,
        ctx: &mut Ctx,
        filter: LinkFilter<'a>,
        table: &mut LinkTable,
        mut each: impl FnMut(&LinkMessage<'_>, &mut LinkTable),
    ) -> CmdResult {
        self.for_each_resolved_dyn(ctx, filter, table, &mut each)
    }

    /// [`ShowArgs::for_each_resolved`] with `each` as a trait object: the dump and its
    /// look-ahead are compiled once, not once per caller (`link show`, `address show`).
    fn for_each_resolved_dyn(
        &self,
        ctx: &mut Ctx,
        filter: LinkFilter<'a>,
        table: &mut LinkTable,
        each: &mut dyn FnMut(&LinkMessage<'_>, &mut LinkTable),
    ) -> CmdResult {
        let handle = ctx.handle()?;
        *table = LinkTable::new(handle);
        if !ctx.opts.json {
            table.load_netns_names(ctx.handle()?);
        }
        // The table learns each datagram's links before the one before it is printed.
        ctx.handle()?
            .for_each_link_ahead(&filter, |row| match row {
                Ahead::Arrived(message) => table.insert_message(message),
                Ahead::Held(m) if self.keeps(m) => each(m, table),
                Ahead::Held(_) | Ahead::Restart => {}
            })?;
        Ok(())
    }

    /// The links that pass these filters, in the kernel's order, as owned values (for
    /// `address flush`).
    pub fn links(&self, ctx: &mut Ctx) -> CmdResult<Vec<Link>> {
        let filter = self.resolve(ctx)?;
        let handle = ctx.handle()?;
        let mut links = Vec::new();
        for link in handle.links(&filter)? {
            let keep = (!self.nomaster || link.master.is_none())
                && self
                    .kind
                    .and_then(|k| k.strip_suffix("_slave"))
                    .is_none_or(|k| link.slave_kind.as_deref() == Some(k))
                && self
                    .kernel_kind()
                    .is_none_or(|k| link.kind.as_deref() == Some(k));
            if keep {
                links.push(link);
            }
        }
        Ok(links)
    }
}

/// `link show`: one link dump, each link printed as it arrives.
fn show(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let filter = ShowArgs::parse(args)?;
    // ip link show lists links as the AF_PACKET family whatever -4/-6 said
    // (ipaddr_list_link()): the link/TYPE line is always there.
    let mut style = LinkStyle::link_show(ctx.opts.details, true);
    style.stats = ctx.opts.stats_style();
    if ctx.opts.brief {
        style.brief = show::link::Brief::Link;
        style.stats = Default::default();
    }
    let mut p = ctx.printer();
    let mut table = LinkTable::offline();
    p.start_list();
    let result = filter.for_each(ctx, &mut table, |m, table| {
        show::link::link(&mut p, m, table, style);
    });
    p.end_list();
    ctx.finish(p, result)
}

/// `link peer [dev] DEV`: a veth's other end, its index, name and namespace.
///
/// Text: `INDEX: NAME` with ` link-netns NAME` or ` link-netnsid N` when it is in another
/// namespace; JSON: `[{"ifindex":..,"ifname":..,"link_netnsid":..,"netns":..}]`.
fn peer(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let dev = match (args.next(), args.next()) {
        (Some("dev"), None) | (None, _) => return Err(incomplete()),
        (Some("dev"), Some(dev)) | (Some(dev), None) => dev,
        (Some(_), Some(extra)) => return Err(duparg2("dev", extra)),
    };
    if let Some(extra) = args.next() {
        return Err(duparg2("dev", extra));
    }
    let index = device_index(ctx, args.bytes(dev))?;
    let peer = ctx.handle()?.veth_peer(LinkRef::Index(index))?;
    let (netns, nsid) = match &peer.namespace {
        PeerNamespace::Same => (None, None),
        PeerNamespace::Named { name, nsid } => (Some(name.clone()), Some(*nsid)),
        PeerNamespace::Nsid(nsid) => (None, Some(*nsid)),
        _ => (None, None),
    };
    let mut p = ctx.printer();
    p.start_list();
    p.open_object(None);
    let index = peer.index;
    p.number(Some("ifindex"), index, format_args!("{index}: "));
    p.string(Some("ifname"), &peer.name, format_args!("{}", peer.name));
    if let Some(nsid) = nsid {
        match &netns {
            Some(name) => p.number(
                Some("link_netnsid"),
                nsid,
                format_args!(" link-netns {name}"),
            ),
            None => p.number(
                Some("link_netnsid"),
                nsid,
                format_args!(" link-netnsid {nsid}"),
            ),
        }
    }
    if let Some(netns) = &netns {
        p.string(Some("netns"), netns, format_args!(""));
    }
    p.text(format_args!("\n"));
    p.close_object();
    p.end_list();
    ctx.finish(p, Ok(()))
}
