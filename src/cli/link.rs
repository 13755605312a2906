//! `rtnl link`: `ip link add / set / delete / show`, and `link peer DEV` (a veth's other end).
//!
//! ```text
//! link add [name] NAME [mtu N] [address LLADDR] [txqueuelen N] [netns NS] [master DEV]
//!          [link DEV] [up] type KIND [KIND ARGS]
//!     KIND := veth [peer [name] PEER [mtu N] [address LLADDR] [txqueuelen N] [netns NS] [up]]
//!           | bridge | dummy | ANY-OTHER-KIND
//!           | vxlan id VNI [remote|group|local ADDR] [dstport PORT] [dev DEV] [ttl TTL|auto]
//!                          [[no]learning]
//!           | vlan [link DEV] id ID [protocol 802.1Q|802.1ad]
//!           | macvlan [link DEV] [mode private|vepa|bridge|passthru|source]
//! link replace ...                      (as add, changing the link if it exists)
//! link set [dev] DEV [up|down] [mtu N] [name NEW] [address LLADDR] [broadcast LLADDR]
//!          [txqueuelen N] [promisc|arp|multicast|allmulticast|dynamic|trailers|carrier on|off]
//!          [master DEV | nomaster] [alias TEXT] [group N] [netns NS]
//! link delete [dev] DEV
//! link show [[dev] DEV] [up] [master DEV] [vrf DEV] [type KIND] [group N] [nomaster]
//! link peer [dev] DEV
//! ```
//!
//! `NS` is a name in `/run/netns`, a path (when it contains `/`) or a process id, as `ip`
//! reads it.

use std::collections::HashMap;
use std::fmt::Write as _;

use rtnl_ip::names;
use rtnl_ip::{KindData, Link, LinkAdd, LinkFilter, LinkRef, LinkSet, NetnsRef, PeerNamespace};
use serde_json::{Map, Value};

use super::Ctx;
use super::args::{
    self, Args, CmdResult, Failure, duparg, duparg2, incomplete, invarg, matches, number,
};

/// A subcommand of `link`.
type Cmd = fn(&mut Ctx, &mut Args<'_>) -> CmdResult;

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
    let Some(word) = args.next() else {
        return show(ctx, args);
    };
    match COMMANDS.iter().find(|(name, _)| matches(word, name)) {
        Some((_, Some(cmd))) => cmd(ctx, args),
        Some((name, None)) => Err(args::unsupported(&format!("link {name}"))),
        None => Err(args::unknown_command(word, "link")),
    }
}

/// `rtnl link help`: the grammar, exit 255 like `ip link help`.
fn help(_: &mut Ctx, _: &mut Args<'_>) -> CmdResult {
    Err(Failure::Usage(USAGE.trim_end().to_owned()))
}

/// What `rtnl link help` prints.
const USAGE: &str = "\
Usage: rtnl link add [ name ] NAME [ mtu MTU ] [ address LLADDR ] [ txqueuelen PACKETS ]
                    [ netns { PID | NAME } ] [ master DEVICE ] [ link DEVICE ] [ up ]
                    type TYPE [ ARGS ]
       rtnl link replace ... (as add)
       rtnl link delete { DEVICE | dev DEVICE }
       rtnl link set { DEVICE | dev DEVICE } [ { up | down } ] [ mtu MTU ] [ name NEWNAME ]
                    [ address LLADDR ] [ broadcast LLADDR ] [ txqueuelen PACKETS ]
                    [ { arp | dynamic | multicast | allmulticast | promisc | trailers |
                        carrier } { on | off } ]
                    [ master DEVICE ] [ nomaster ] [ alias NAME ] [ group GROUP ]
                    [ netns { PID | NAME } ]
       rtnl link show [ DEVICE ] [ up ] [ master DEV ] [ vrf NAME ] [ type TYPE ]
                    [ group GROUP ] [ nomaster ]
       rtnl link peer { DEVICE | dev DEVICE }
TYPE := { veth [ peer [ name ] NAME [ OPTIONS ] ] | bridge | dummy |
          vxlan id VNI [ { remote | group | local } ADDR ] [ dstport PORT ] [ dev DEV ]
                [ ttl TTL ] [ [no]learning ] |
          vlan [ link DEV ] id VLANID [ protocol { 802.1Q | 802.1ad } ] |
          macvlan [ link DEV ] [ mode { private | vepa | bridge | passthru | source } ] }
";

/// `IFNAMSIZ`: names are shorter than this.
const IFNAMSIZ: usize = 16;

/// A device name as `ip`'s `check_ifname` accepts it; else `"key" not a valid ifname`.
pub fn ifname<'a>(key: &str, word: &'a str) -> CmdResult<&'a str> {
    let bad = word.is_empty()
        || word.len() >= IFNAMSIZ
        || word
            .bytes()
            .any(|b| b == b'/' || b == b':' || b.is_ascii_whitespace());
    if bad {
        return Err(invarg(&format!("\"{key}\" not a valid ifname"), word));
    }
    Ok(word)
}

/// The device word of `link set` / `link delete`: `dev NAME` or a bare `NAME` (`word`), named
/// at most once (`seen` is the one named before, if any).
fn device_word<'a>(args: &mut Args<'a>, word: &'a str, seen: Option<&str>) -> CmdResult<&'a str> {
    let name = if word == "dev" { args.value()? } else { word };
    if seen.is_some() {
        return Err(duparg2("dev", name));
    }
    ifname("dev", name)
}

/// The device `link set` and `link delete` cannot do without.
fn required_device(dev: Option<&str>) -> CmdResult<&str> {
    dev.ok_or_else(|| {
        Failure::Usage("Not enough information: \"dev\" argument is required.".into())
    })
}

/// A device that must exist, by name: its index, or `Cannot find device "x"` (exit 1), the
/// lookup `ip` does before it sends anything.
pub fn device_index(ctx: &mut Ctx, name: &str) -> CmdResult<u32> {
    match ctx.handle()?.link_index(LinkRef::Name(name)) {
        Ok(index) => Ok(index),
        Err(e) if matches!(e.kind(), rtnl_ip::ErrorKind::NotFound) => {
            Err(Failure::Local(format!("Cannot find device \"{name}\"")))
        }
        Err(e) => Err(e.into()),
    }
}

/// A master or lower device named in an argument: its index, or `ip`'s
/// `Error: argument "x" is wrong: Device does not exist` (exit 255).
fn argument_device(ctx: &mut Ctx, name: &str) -> CmdResult<u32> {
    match device_index(ctx, name) {
        Err(Failure::Local(_)) => Err(invarg("Device does not exist\n", name)),
        other => other,
    }
}

/// A namespace argument (`netns NS`) as `ip` resolves it: a path when it contains `/`, a name
/// when `/run/netns/NS` exists, else a process id; anything else is
/// `Invalid "netns" value`.
pub fn netns_arg<'a>(ctx: &mut Ctx, word: &'a str) -> CmdResult<NetnsRef<'a>> {
    if word.contains('/') {
        return Ok(NetnsRef::Path(word));
    }
    let run_dir = ctx.handle()?.run_dir().to_owned();
    if !word.is_empty() && std::path::Path::new(&run_dir).join(word).exists() {
        return Ok(NetnsRef::Name(word));
    }
    match word.parse::<u32>() {
        Ok(pid) => Ok(NetnsRef::Pid(pid)),
        Err(_) => Err(invarg("Invalid \"netns\" value\n", word)),
    }
}

/// The generic part of `ip link add` (and of a veth's `peer`): `iplink_parse()`'s keywords.
#[derive(Default)]
struct AddArgs<'a> {
    /// `name NAME`.
    name: Option<&'a str>,
    /// A bare word or `dev NAME`.
    dev: Option<&'a str>,
    /// `up`.
    up: bool,
    /// `mtu N`.
    mtu: Option<u32>,
    /// `address LLADDR`.
    address: Option<[u8; 6]>,
    /// `txqueuelen N`.
    txqlen: Option<u32>,
    /// `netns NS`.
    netns: Option<&'a str>,
    /// `master DEV`.
    master: Option<&'a str>,
    /// `link DEV`: the lower device (vlan, macvlan).
    link: Option<&'a str>,
    /// `type KIND`.
    kind: Option<&'a str>,
}

impl<'a> AddArgs<'a> {
    /// Reads keywords until `type` (which takes the kind; the kind's own arguments follow) or
    /// the end.
    fn parse(args: &mut Args<'a>) -> CmdResult<Self> {
        let mut a = AddArgs::default();
        while let Some(word) = args.next() {
            match word {
                "up" => a.up = true,
                "down" => a.up = false,
                "name" => {
                    let value = args.value_once("name", &a.name)?;
                    a.name = Some(ifname("name", value)?);
                }
                "mtu" => a.mtu = Some(number("mtu", args.value_once("mtu", &a.mtu)?)?),
                "netns" => a.netns = Some(args.value_once("netns", &a.netns)?),
                w if matches(w, "link") => a.link = Some(args.value_once("link", &a.link)?),
                w if matches(w, "address") => {
                    a.address = Some(args::mac(args.value_once("address", &a.address)?)?);
                }
                w if matches(w, "txqueuelen") || w == "qlen" || matches(w, "txqlen") => {
                    let value = args.value_once("txqueuelen", &a.txqlen)?;
                    a.txqlen = Some(number("txqueuelen", value)?);
                }
                w if matches(w, "master") => {
                    a.master = Some(args.value_once("master", &a.master)?);
                }
                w if matches(w, "type") => {
                    a.kind = Some(args.value()?);
                    break;
                }
                w if matches(w, "broadcast") || w == "brd" => {
                    return Err(args::unsupported("link add broadcast"));
                }
                "index" | "numtxqueues" | "numrxqueues" | "group" | "alias" | "vf" | "mode"
                | "state" | "gso_max_size" | "gso_max_segs" | "gro_max_size" | "addrgenmode"
                | "protodown" | "parentdev" => {
                    return Err(args::unsupported(&format!("link add {word}")));
                }
                w if matches(w, "help") => return Err(Failure::Usage(USAGE.trim_end().into())),
                w => {
                    let dev = if w == "dev" { args.value()? } else { w };
                    if a.dev.is_some() {
                        return Err(duparg2("dev", dev));
                    }
                    a.dev = Some(ifname("dev", dev)?);
                }
            }
        }
        Ok(a)
    }

    /// The name of the new link: `name X` or the bare word, not both.
    fn link_name(&self) -> CmdResult<Option<&'a str>> {
        match (self.name, self.dev) {
            (Some(_), Some(_)) => Err(Failure::Usage(
                "both \"name\" and \"dev\" cannot be used when creating devices.".into(),
            )),
            (name, dev) => Ok(name.or(dev)),
        }
    }
}

/// The arguments after `type KIND`.
enum KindArgs<'a> {
    /// `veth [peer ...]`.
    Veth(Option<AddArgs<'a>>),
    /// `bridge`.
    Bridge,
    /// `dummy`.
    Dummy,
    /// `vxlan ...`.
    Vxlan(Vxlan<'a>),
    /// `vlan ...`.
    Vlan {
        /// `id N`.
        id: Option<u16>,
        /// `protocol 802.1Q|802.1ad`.
        protocol: Option<u16>,
        /// `link DEV` given after the kind (rtnl also takes it there).
        link: Option<&'a str>,
    },
    /// `macvlan ...`.
    Macvlan {
        /// `mode M`, as `MACVLAN_MODE_*`.
        mode: Option<u32>,
        /// `link DEV` given after the kind.
        link: Option<&'a str>,
    },
    /// Any other kind, without arguments.
    Other(&'a str),
}

/// `type vxlan`'s arguments.
#[derive(Default)]
struct Vxlan<'a> {
    /// `id VNI` / `vni VNI`.
    id: Option<u32>,
    /// `remote ADDR`.
    remote: Option<std::net::IpAddr>,
    /// `group ADDR`.
    group: Option<std::net::IpAddr>,
    /// `local ADDR`.
    local: Option<std::net::IpAddr>,
    /// `dstport PORT`.
    port: Option<u16>,
    /// `dev DEV`.
    dev: Option<&'a str>,
    /// `ttl TTL` (`auto` is 0).
    ttl: Option<u8>,
    /// `nolearning`.
    nolearning: bool,
}

/// `KIND: unknown command "x"?`, which `ip` prints (with the kind's usage) and exits 1 on.
fn unknown_kind_arg(kind: &str, word: &str) -> Failure {
    Failure::Local(format!(
        "{kind}: unknown command \"{word}\"?\nTry \"rtnl link help\"."
    ))
}

impl<'a> KindArgs<'a> {
    /// Reads the kind's arguments (the rest of the command).
    fn parse(kind: &'a str, args: &mut Args<'a>) -> CmdResult<Self> {
        match kind {
            "veth" => match args.next() {
                None => Ok(KindArgs::Veth(None)),
                Some("peer") => Ok(KindArgs::Veth(Some(AddArgs::parse(args)?))),
                Some(_) => Err(Failure::StdoutUsage(
                    "Usage: ip link <options> type veth [peer <options>]\n\
                     To get <options> type 'ip link add help'"
                        .into(),
                )),
            },
            "bridge" | "dummy" => match args.next() {
                None if kind == "bridge" => Ok(KindArgs::Bridge),
                None => Ok(KindArgs::Dummy),
                Some(word) => Err(args::unsupported(&format!("{kind} {word}"))),
            },
            "vxlan" => Self::parse_vxlan(args).map(KindArgs::Vxlan),
            "vlan" => {
                let (mut id, mut protocol, mut link) = (None, None, None);
                while let Some(word) = args.next() {
                    match word {
                        "id" => {
                            let value = args.value_once("id", &id)?;
                            id = Some(
                                number::<u16>("id", value)
                                    .ok()
                                    .filter(|&n| n < 4096)
                                    .ok_or_else(|| invarg("id is invalid", value))?,
                            );
                        }
                        w if matches(w, "protocol") => {
                            let value = args.value_once("protocol", &protocol)?;
                            protocol = Some(match value.to_ascii_lowercase().as_str() {
                                "802.1q" => 0x8100,
                                "802.1ad" => 0x88a8,
                                _ => return Err(invarg("protocol is invalid", value)),
                            });
                        }
                        "link" => link = Some(args.value_once("link", &link)?),
                        w if matches(w, "help") => {
                            return Err(Failure::Usage(USAGE.trim_end().into()));
                        }
                        w => return Err(unknown_kind_arg("vlan", w)),
                    }
                }
                Ok(KindArgs::Vlan { id, protocol, link })
            }
            "macvlan" => {
                let (mut mode, mut link) = (None, None);
                while let Some(word) = args.next() {
                    match word {
                        "mode" => {
                            let value = args.value_once("mode", &mode)?;
                            mode = Some(match value {
                                "private" => 1,
                                "vepa" => 2,
                                "bridge" => 4,
                                "passthru" => 8,
                                "source" => 16,
                                _ => {
                                    return Err(Failure::Local(format!(
                                        "Error: argument of \"mode\" must be \"private\", \
                                         \"vepa\", \"bridge\", \"passthru\" or \"source\", \
                                         not \"{value}\""
                                    )));
                                }
                            });
                        }
                        "link" => link = Some(args.value_once("link", &link)?),
                        w if matches(w, "help") => {
                            return Err(Failure::Usage(USAGE.trim_end().into()));
                        }
                        w => return Err(unknown_kind_arg("macvlan", w)),
                    }
                }
                Ok(KindArgs::Macvlan { mode, link })
            }
            other => match args.next() {
                None => Ok(KindArgs::Other(other)),
                Some(word) => Err(args::unsupported(&format!("{other} {word}"))),
            },
        }
    }

    /// `type vxlan`'s keywords (`iplink_vxlan.c`).
    fn parse_vxlan(args: &mut Args<'a>) -> CmdResult<Vxlan<'a>> {
        let mut v = Vxlan::default();
        while let Some(word) = args.next() {
            match word {
                w if matches(w, "id") || matches(w, "vni") => {
                    let value = args.value_once("id", &v.id)?;
                    v.id = Some(
                        number::<u32>("id", value)
                            .ok()
                            .filter(|&n| n < 1 << 24)
                            .ok_or_else(|| invarg("invalid id", value))?,
                    );
                }
                w if matches(w, "group") => {
                    let value = args.value_once("group", &v.group)?;
                    let addr = args::ip_addr(value)
                        .ok()
                        .filter(std::net::IpAddr::is_multicast)
                        .ok_or_else(|| invarg("invalid group address", value))?;
                    v.group = Some(addr);
                }
                w if matches(w, "remote") => {
                    let value = args.value_once("remote", &v.remote)?;
                    let addr = args::ip_addr(value)
                        .ok()
                        .filter(|a| !a.is_multicast())
                        .ok_or_else(|| invarg("invalid remote address", value))?;
                    v.remote = Some(addr);
                }
                w if matches(w, "local") => {
                    let value = args.value_once("local", &v.local)?;
                    if value != "any" {
                        v.local = Some(
                            args::ip_addr(value)
                                .map_err(|_| invarg("invalid local address", value))?,
                        );
                    }
                }
                w if matches(w, "dev") => v.dev = Some(args.value_once("dev", &v.dev)?),
                w if matches(w, "ttl") || matches(w, "hoplimit") => {
                    let value = args.value_once("ttl", &v.ttl)?;
                    v.ttl = Some(match value {
                        "auto" => 0,
                        "inherit" => return Err(args::unsupported("vxlan ttl inherit")),
                        _ => number::<u32>("ttl", value)
                            .map_err(|_| invarg("invalid TTL", value))?
                            .try_into()
                            .map_err(|_| invarg("TTL must be <= 255", value))?,
                    });
                }
                "dstport" => {
                    let value = args.value_once("dstport", &v.port)?;
                    v.port = Some(number("dstport", value).map_err(|_| invarg("dstport", value))?);
                }
                w if matches(w, "nolearning") => v.nolearning = true,
                w if matches(w, "learning") => v.nolearning = false,
                w if matches(w, "help") => return Err(Failure::Usage(USAGE.trim_end().into())),
                "tos" | "df" | "flowlabel" | "srcport" | "proxy" | "noproxy" | "rsc" | "norsc"
                | "l2miss" | "nol2miss" | "l3miss" | "nol3miss" | "ageing" | "maxaddress"
                | "udpcsum" | "noudpcsum" | "udp6zerocsumtx" | "noudp6zerocsumtx"
                | "udp6zerocsumrx" | "noudp6zerocsumrx" | "remcsumtx" | "noremcsumtx"
                | "remcsumrx" | "noremcsumrx" | "external" | "noexternal" | "gbp" | "gpe"
                | "vnifilter" | "novnifilter" => {
                    return Err(args::unsupported(&format!("vxlan {word}")));
                }
                w => return Err(unknown_kind_arg("vxlan", w)),
            }
        }
        Ok(v)
    }
}

/// `link add`.
fn add(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    add_or_replace(ctx, args, false)
}

/// `link replace`: `add` with `NLM_F_REPLACE`.
fn replace(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    add_or_replace(ctx, args, true)
}

/// Parses `link add|replace` and sends it.
fn add_or_replace(ctx: &mut Ctx, args: &mut Args<'_>, replace: bool) -> CmdResult {
    let common = AddArgs::parse(args)?;
    let Some(kind) = common.kind else {
        return Err(Failure::Local(
            "Not enough information: \"type\" argument is required".into(),
        ));
    };
    let kind_args = KindArgs::parse(kind, args)?;
    let Some(name) = common.link_name()? else {
        return Err(args::unsupported("link add without a name"));
    };
    // Names the kernel needs as indexes are looked up first, with ip's messages.
    let master = match common.master {
        Some(m) => Some(argument_device(ctx, m)?),
        None => None,
    };
    let lower = |ctx: &mut Ctx, after: Option<&str>| -> CmdResult<Option<u32>> {
        match common.link.or(after) {
            Some(dev) => device_index(ctx, dev).map(Some),
            None => Ok(None),
        }
    };
    let need_lower = |index: Option<u32>| {
        index.map(LinkRef::Index).ok_or_else(|| {
            Failure::Local("Not enough information: \"link\" argument is required".into())
        })
    };
    let mut spec = match &kind_args {
        KindArgs::Veth(peer) => {
            let (peer_name, peer_args) = match peer {
                Some(p) => (p.link_name()?.unwrap_or(""), Some(p)),
                None => ("", None),
            };
            let mut spec = LinkAdd::veth(name, peer_name);
            if let Some(p) = peer_args {
                if p.kind.is_some() {
                    return Err(duparg("type", p.kind.unwrap_or_default()));
                }
                if p.master.is_some() || p.link.is_some() {
                    return Err(args::unsupported("veth peer master/link"));
                }
                if let Some(mtu) = p.mtu {
                    spec = spec.peer_mtu(mtu);
                }
                if let Some(mac) = p.address {
                    spec = spec.peer_address(mac);
                }
                if let Some(txqlen) = p.txqlen {
                    spec = spec.peer_txqlen(txqlen);
                }
                if let Some(ns) = p.netns {
                    spec = spec.peer_netns(netns_arg(ctx, ns)?);
                }
                if p.up {
                    spec = spec.peer_up();
                }
            }
            spec
        }
        KindArgs::Bridge => LinkAdd::bridge(name),
        KindArgs::Dummy => LinkAdd::dummy(name),
        KindArgs::Other(kind) => LinkAdd::other(name, kind),
        KindArgs::Vxlan(v) => {
            let Some(id) = v.id else {
                return Err(Failure::Local(
                    "vxlan: missing virtual network identifier".into(),
                ));
            };
            if v.group.is_some() && v.remote.is_some() {
                return Err(Failure::Usage(
                    "vxlan: both group and remote cannot be specified".into(),
                ));
            }
            let mut spec = LinkAdd::vxlan(name, id);
            if let Some(dev) = v.dev {
                let index = device_index(ctx, dev).map_err(|e| match e {
                    Failure::Local(text) => Failure::Usage(text),
                    other => other,
                })?;
                spec = spec.vxlan_dev(LinkRef::Index(index));
            }
            if let Some(a) = v.remote {
                spec = spec.vxlan_remote(a);
            }
            if let Some(a) = v.group {
                spec = spec.vxlan_group(a);
            }
            if let Some(a) = v.local {
                spec = spec.vxlan_local(a);
            }
            if let Some(port) = v.port {
                spec = spec.vxlan_port(port);
            }
            if let Some(ttl) = v.ttl {
                spec = spec.vxlan_ttl(ttl);
            }
            if v.nolearning {
                spec = spec.vxlan_nolearning();
            }
            spec
        }
        KindArgs::Vlan { id, protocol, link } => {
            let lower = need_lower(lower(ctx, *link)?)?;
            let Some(id) = id else {
                return Err(Failure::Local("8021q: VLAN device ID is required".into()));
            };
            let spec = LinkAdd::vlan(name, lower, *id);
            match protocol {
                Some(p) => spec.vlan_protocol(*p),
                None => spec,
            }
        }
        KindArgs::Macvlan { mode, link } => {
            let lower = need_lower(lower(ctx, *link)?)?;
            LinkAdd::macvlan(name, lower, *mode)
        }
    };
    if common.link.is_some()
        && !matches!(kind_args, KindArgs::Vlan { .. } | KindArgs::Macvlan { .. })
    {
        return Err(args::unsupported(&format!("link DEV with type {kind}")));
    }
    if let Some(mtu) = common.mtu {
        spec = spec.mtu(mtu);
    }
    if let Some(mac) = common.address {
        spec = spec.address(mac);
    }
    if let Some(txqlen) = common.txqlen {
        spec = spec.txqlen(txqlen);
    }
    if common.up {
        spec = spec.up();
    }
    if let Some(ns) = common.netns {
        spec = spec.netns(netns_arg(ctx, ns)?);
    }
    if let Some(master) = master {
        spec = spec.master(LinkRef::Index(master));
    }
    if replace {
        spec = spec.replace();
    }
    ctx.handle()?.link_add(&spec)?;
    ctx.warn();
    Ok(())
}

/// `link set`.
fn set(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    /// `ip link set`'s on/off keywords, in the order `ip` tries them.
    const FLAGS: [&str; 7] = [
        "multicast",
        "allmulticast",
        "promisc",
        "trailers",
        "arp",
        "carrier",
        "dynamic",
    ];
    // Read everything first: the device may come last (`ip link set up dev v0`).
    let mut dev: Option<&str> = None;
    let mut up = None;
    let mut flags: Vec<(&str, bool)> = Vec::new();
    let (mut name, mut mtu, mut txqlen, mut netns, mut master, mut alias, mut group) =
        (None, None, None, None, None::<Option<&str>>, None, None);
    let (mut address, mut broadcast) = (None, None);
    while let Some(word) = args.next() {
        if let Some(key) = FLAGS.iter().find(|key| matches(word, key)) {
            flags.push((key, args::on_off(key, args.value()?)?));
            continue;
        }
        match word {
            "up" => up = Some(true),
            "down" => up = Some(false),
            "name" => name = Some(ifname("name", args.value_once("name", &name)?)?),
            "mtu" => mtu = Some(number::<u32>("mtu", args.value_once("mtu", &mtu)?)?),
            "netns" => netns = Some(args.value_once("netns", &netns)?),
            "group" => group = Some(number::<u32>("group", args.value_once("group", &group)?)?),
            w if matches(w, "address") => {
                address = Some(args::lladdr(args.value_once("address", &address)?)?);
            }
            w if matches(w, "broadcast") || w == "brd" => {
                broadcast = Some(args::lladdr(args.value_once("broadcast", &broadcast)?)?);
            }
            w if matches(w, "txqueuelen") || w == "qlen" || matches(w, "txqlen") => {
                let value = args.value_once("txqueuelen", &txqlen)?;
                txqlen = Some(number::<u32>("txqueuelen", value)?);
            }
            w if matches(w, "master") => {
                master = Some(Some(args.value_once("master", &master)?));
            }
            w if matches(w, "nomaster") => master = Some(None),
            w if matches(w, "alias") => alias = Some(args.value_once("alias", &alias)?),
            "index" | "link" | "vf" | "vrf" | "mode" | "state" | "type" | "xdp" | "xdpgeneric"
            | "xdpdrv" | "xdpoffload" | "addrgenmode" | "protodown" | "protodown_reason"
            | "gso_max_size" | "gso_max_segs" | "gro_max_size" | "link-netns" | "link-netnsid"
            | "numtxqueues" | "numrxqueues" => {
                return Err(args::unsupported(&format!("link set {word}")));
            }
            w if matches(w, "help") => return Err(Failure::Usage(USAGE.trim_end().into())),
            w => dev = Some(device_word(args, w, dev)?),
        }
    }
    let dev = required_device(dev)?;
    let index = device_index(ctx, dev)?;
    let master = match master {
        Some(Some(m)) => Some(Some(argument_device(ctx, m)?)),
        Some(None) => Some(None),
        None => None,
    };
    let netns = match netns {
        Some(ns) => Some(netns_arg(ctx, ns)?),
        None => None,
    };
    let mut spec = LinkSet::new(LinkRef::Index(index));
    if let Some(up) = up {
        spec = spec.up(up);
    }
    for (key, on) in flags {
        spec = match key {
            "multicast" => spec.multicast(on),
            "allmulticast" => spec.allmulticast(on),
            "promisc" => spec.promisc(on),
            "trailers" => spec.trailers(on),
            "arp" => spec.arp(on),
            "carrier" => spec.carrier(on),
            _ => spec.dynamic(on),
        };
    }
    // Renaming to the name it has is no change (ip leaves IFLA_IFNAME out too).
    if let Some(name) = name.filter(|&n| n != dev) {
        spec = spec.name(name);
    }
    if let Some(mtu) = mtu {
        spec = spec.mtu(mtu);
    }
    if let Some(txqlen) = txqlen {
        spec = spec.txqueuelen(txqlen);
    }
    if let Some(address) = &address {
        spec = spec.address(address);
    }
    if let Some(broadcast) = &broadcast {
        spec = spec.broadcast(broadcast);
    }
    if let Some(netns) = netns {
        spec = spec.netns(netns);
    }
    match master {
        Some(Some(m)) => spec = spec.master(LinkRef::Index(m)),
        Some(None) => spec = spec.nomaster(),
        None => {}
    }
    if let Some(alias) = alias {
        spec = spec.alias(alias);
    }
    if let Some(group) = group {
        spec = spec.group(group);
    }
    ctx.handle()?.link_set(&spec)?;
    ctx.warn();
    Ok(())
}

/// `link delete [dev] DEV`.
fn delete(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let mut dev = None;
    while let Some(word) = args.next() {
        match word {
            "type" | "group" => return Err(args::unsupported(&format!("link delete {word}"))),
            w if matches(w, "help") => return Err(Failure::Usage(USAGE.trim_end().into())),
            w => dev = Some(device_word(args, w, dev)?),
        }
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
    pub dev: Option<&'a str>,
    /// `up`.
    pub up: bool,
    /// `master DEV`.
    pub master: Option<&'a str>,
    /// `vrf DEV`.
    pub vrf: Option<&'a str>,
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
                    s.group = Some(match value {
                        "default" => 0,
                        _ => number("group", value)
                            .map_err(|_| invarg("Invalid \"group\" value\n", value))?,
                    });
                }
                w if matches(w, "master") => s.master = Some(args.value()?),
                "vrf" => s.vrf = Some(args.value()?),
                w if matches(w, "type") => s.kind = Some(args.value()?),
                w if matches(w, "nomaster") => s.nomaster = true,
                w if matches(w, "help") => return Err(Failure::Usage(USAGE.trim_end().into())),
                w => {
                    let d = if w == "dev" { args.value()? } else { w };
                    if s.dev.is_some() {
                        return Err(duparg2("dev", d));
                    }
                    s.dev = Some(d);
                }
            }
        }
        Ok(s)
    }

    /// The links that pass these filters, in the kernel's order, and a lookup of every link
    /// named by them (masters, peers, lower devices) for printing names.
    pub fn links(&self, ctx: &mut Ctx) -> CmdResult<(Vec<Link>, HashMap<u32, Link>)> {
        let master = match self.master {
            Some(m) => Some(argument_device(ctx, m)?),
            None => None,
        };
        let vrf = match self.vrf {
            Some(v) => Some(argument_device(ctx, v)?),
            None => None,
        };
        let device = match self.dev {
            Some(dev) => match ctx.handle()?.link_index(LinkRef::Name(dev)) {
                Ok(index) => Some(index),
                Err(e) if matches!(e.kind(), rtnl_ip::ErrorKind::NotFound) => {
                    return Err(Failure::Local(format!("Device \"{dev}\" does not exist.")));
                }
                Err(e) => return Err(e.into()),
            },
            None => None,
        };
        let slave_kind = self.kind.and_then(|k| k.strip_suffix("_slave"));
        let filter = LinkFilter {
            device: device.map(LinkRef::Index),
            group: self.group,
            up: self.up,
            master: master.map(LinkRef::Index),
            vrf: vrf.map(LinkRef::Index),
            kind: if slave_kind.is_some() {
                None
            } else {
                self.kind
            },
        };
        let handle = ctx.handle()?;
        let mut links = handle.links(&filter)?;
        // The kernel ignores a kind filter it has no driver for; ip checks the kind itself.
        let kind = if slave_kind.is_some() {
            None
        } else {
            self.kind
        };
        links.retain(|l| {
            (!self.nomaster || l.master.is_none())
                && slave_kind.is_none_or(|k| l.slave_kind.as_deref() == Some(k))
                && kind.is_none_or(|k| l.kind.as_deref() == Some(k))
        });
        // Every link, so masters and peers print by name (ip keeps the same cache).
        let mut lookup: HashMap<u32, Link> = if device.is_none() && filter.master.is_none() {
            handle
                .links(&LinkFilter::default())?
                .into_iter()
                .map(|l| (l.index, l))
                .collect()
        } else {
            HashMap::new()
        };
        let mut wanted: Vec<u32> = Vec::new();
        for link in &links {
            lookup.entry(link.index).or_insert_with(|| link.clone());
            wanted.extend(link.master);
            if link.link_netnsid.is_none() {
                wanted.extend(link.link.filter(|&i| i != 0));
            }
            if let Some(KindData::Vxlan { link: Some(i), .. }) = &link.kind_data {
                wanted.push(*i);
            }
        }
        for index in wanted {
            if !lookup.contains_key(&index)
                && let Ok(link) = handle.link(LinkRef::Index(index))
            {
                lookup.insert(index, link);
            }
        }
        Ok((links, lookup))
    }
}

/// `link show`.
fn show(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let filter = ShowArgs::parse(args)?;
    let (links, lookup) = filter.links(ctx)?;
    if ctx.opts.json {
        let items = links
            .iter()
            .map(|l| link_json(l, &lookup, ctx.opts.details))
            .collect();
        ctx.print_json(items);
        return Ok(());
    }
    let netns_names = if links.iter().any(|l| l.link_netnsid.is_some_and(|n| n >= 0)) {
        nsid_names(ctx)
    } else {
        HashMap::new()
    };
    let show_ll = ctx.opts.family == super::Family::Any
        || ctx.opts.family == super::Family::Link
        || ctx.opts.details;
    for link in &links {
        let style = TextStyle {
            details: ctx.opts.details,
            show_ll,
            mode: true,
            qlen: true,
        };
        let text = link_text(link, &lookup, style, &netns_names, "");
        ctx.out.push_str(&text);
    }
    Ok(())
}

/// Keys `ip -j link show` prints only with `-d`.
const DETAIL_KEYS: [&str; 13] = [
    "promiscuity",
    "allmulti",
    "min_mtu",
    "max_mtu",
    "linkinfo",
    "inet6_addr_gen_mode",
    "num_tx_queues",
    "num_rx_queues",
    "gso_max_size",
    "gso_max_segs",
    "tso_max_size",
    "tso_max_segs",
    "gro_max_size",
];

/// One link as `ip -j [-d] link show` prints it.
pub fn link_json(link: &Link, lookup: &HashMap<u32, Link>, details: bool) -> Value {
    let mut value = rtnl_ip::json::link(link, lookup);
    if !details && let Value::Object(map) = &mut value {
        map.retain(|key, _| !DETAIL_KEYS.contains(&key.as_str()));
    }
    value
}

/// The names of the named namespaces (in `/run/netns`) by the nsid this namespace has for
/// them, for `link-netns NAME`; empty when there are none or they cannot be read.
pub fn nsid_names(ctx: &mut Ctx) -> HashMap<i32, String> {
    let Ok(handle) = ctx.handle() else {
        return HashMap::new();
    };
    let names = rtnl_ip::netns::Namespaces::at(handle.run_dir());
    names
        .list_with(handle)
        .map(|list| {
            list.into_iter()
                .filter_map(|ns| Some((ns.nsid?, ns.name)))
                .collect()
        })
        .unwrap_or_default()
}

/// A link's name, or `ifN` when it is not known here (`ip`'s `ll_index_to_name`).
fn name_of(lookup: &HashMap<u32, Link>, index: u32) -> String {
    lookup
        .get(&index)
        .map_or_else(|| format!("if{index}"), |l| l.name.clone())
}

/// What a link's text includes.
#[derive(Clone, Copy, Debug)]
pub struct TextStyle {
    /// `-d`: the details.
    pub details: bool,
    /// The `link/TYPE` line (left out when `-4`/`-6` asked for another family).
    pub show_ll: bool,
    /// `mode DEFAULT` (`ip link` prints it, `ip address` does not).
    pub mode: bool,
    /// `qlen N` (`ip monitor` leaves it out).
    pub qlen: bool,
}

/// One link as `ip [-d] link show` prints it (`print_linkinfo()`): the header line, the
/// `link/TYPE` line (unless another family was asked for) ending with `moved` (`ip monitor`'s
/// ` new-netns NAME new-ifindex N`), with `-d` the details, then the alias line.
pub fn link_text(
    link: &Link,
    lookup: &HashMap<u32, Link>,
    style: TextStyle,
    netns_names: &HashMap<i32, String>,
    moved: &str,
) -> String {
    let TextStyle {
        details,
        show_ll,
        mode,
        qlen,
    } = style;
    let mut s = String::new();
    let _ = write!(s, "{}: {}", link.index, link.name);
    let mut lower_down = false;
    match (link.link, link.link_netnsid) {
        (Some(0), _) => s.push_str("@NONE"),
        (Some(index), Some(_)) => {
            let _ = write!(s, "@if{index}");
        }
        (Some(index), None) => {
            let _ = write!(s, "@{}", name_of(lookup, index));
            lower_down = lookup.get(&index).is_none_or(|peer| !peer.is_up());
        }
        (None, _) => {}
    }
    let _ = write!(
        s,
        ": <{}> ",
        names::link_flags(link.flags, lower_down).join(",")
    );
    if let Some(mtu) = link.mtu {
        let _ = write!(s, "mtu {mtu} ");
    }
    if let Some(qdisc) = &link.qdisc {
        let _ = write!(s, "qdisc {qdisc} ");
    }
    if let Some(master) = link.master {
        let _ = write!(s, "master {} ", name_of(lookup, master));
    }
    if let Some(state) = link.operstate {
        let _ = write!(s, "state {} ", names::operstate(state));
    }
    if let Some(linkmode) = link.linkmode.filter(|_| mode) {
        let _ = write!(s, "mode {} ", names::linkmode(linkmode));
    }
    if let Some(group) = link.group {
        let _ = write!(s, "group {} ", names::group(group));
    }
    if let Some(txqlen) = link.txqlen.filter(|&q| q != 0 && qlen) {
        let _ = write!(s, "qlen {txqlen}");
    }
    if show_ll {
        let _ = write!(s, "\n    link/{} ", names::link_type(link.link_type));
        if let Some(address) = &link.address {
            s.push_str(&names::hardware_address(address));
        }
        if let Some(brd) = &link.broadcast {
            let word = if link.flags & rtnl_ip::codec::iff::POINTOPOINT != 0 {
                "peer"
            } else {
                "brd"
            };
            let _ = write!(s, " {word} {}", names::hardware_address(brd));
        }
        if let (Some(perm), Some(address)) = (&link.perm_address, &link.address)
            && perm != address
        {
            let _ = write!(s, " permaddr {}", names::hardware_address(perm));
        }
    }
    if let Some(nsid) = link.link_netnsid {
        match netns_names.get(&nsid) {
            Some(name) if nsid >= 0 => {
                let _ = write!(s, " link-netns {name}");
            }
            _ if nsid >= 0 => {
                let _ = write!(s, " link-netnsid {nsid}");
            }
            _ => s.push_str(" link-netnsid unknown"),
        }
    }
    s.push_str(moved);
    if details {
        details_text(&mut s, link, lookup);
    }
    s.push('\n');
    if let Some(alias) = &link.alias {
        let _ = writeln!(s, "    alias {alias}");
    }
    s
}

/// `ip -d link show`'s additions: counters and limits, and the kind with the data `rtnl`
/// decodes (a subset of `ip`'s for bridges and vxlans; `addrgenmode` is not decoded).
fn details_text(s: &mut String, link: &Link, lookup: &HashMap<u32, Link>) {
    if let Some(n) = link.promiscuity {
        let _ = write!(s, " promiscuity {n} ");
    }
    if let Some(n) = link.allmulti {
        let _ = write!(s, " allmulti {n} ");
    }
    if let Some(n) = link.min_mtu {
        let _ = write!(s, "minmtu {n} ");
    }
    if let Some(n) = link.max_mtu {
        let _ = write!(s, "maxmtu {n} ");
    }
    if let Some(kind) = &link.kind {
        let _ = write!(s, "\n    {kind} ");
        if let Some(data) = &link.kind_data {
            kind_text(s, data, lookup);
        }
    }
    if let Some(slave) = &link.slave_kind {
        let _ = write!(s, "\n    {slave}_slave ");
    }
    let counters = [
        ("numtxqueues", link.num_tx_queues),
        ("numrxqueues", link.num_rx_queues),
        ("gso_max_size", link.gso_max_size),
        ("gso_max_segs", link.gso_max_segs),
        ("tso_max_size", link.tso_max_size),
        ("tso_max_segs", link.tso_max_segs),
        ("gro_max_size", link.gro_max_size),
    ];
    for (key, value) in counters {
        if let Some(value) = value {
            let _ = write!(s, "{key} {value} ");
        }
    }
}

/// The kind data as `ip -d link show` prints it, for the values `rtnl` decodes.
fn kind_text(s: &mut String, data: &KindData, lookup: &HashMap<u32, Link>) {
    match data {
        KindData::Vxlan {
            id,
            remote,
            local,
            link,
            port,
            port_range,
            learning,
            ttl,
            ageing,
        } => {
            if let Some(id) = id {
                let _ = write!(s, "id {id} ");
            }
            if let Some(remote) = remote {
                let word = if remote.is_multicast() {
                    "group"
                } else {
                    "remote"
                };
                let _ = write!(s, "{word} {remote} ");
            }
            if let Some(local) = local {
                let _ = write!(s, "local {local} ");
            }
            if let Some(link) = link.filter(|&i| i != 0) {
                let _ = write!(s, "dev {} ", name_of(lookup, link));
            }
            if let Some((low, high)) = port_range {
                let _ = write!(s, "srcport {low} {high} ");
            }
            if let Some(port) = port {
                let _ = write!(s, "dstport {port} ");
            }
            if *learning == Some(false) {
                s.push_str("nolearning ");
            }
            match ttl {
                Some(0) => s.push_str("ttl auto "),
                Some(ttl) => {
                    let _ = write!(s, "ttl {ttl} ");
                }
                None => {}
            }
            if let Some(ageing) = ageing {
                let _ = write!(s, "ageing {ageing} ");
            }
        }
        KindData::Bridge {
            forward_delay,
            hello_time,
            max_age,
            ageing_time,
            stp_state,
            priority,
            vlan_filtering,
        } => {
            let values = [
                ("forward_delay", *forward_delay),
                ("hello_time", *hello_time),
                ("max_age", *max_age),
                ("ageing_time", *ageing_time),
                ("stp_state", *stp_state),
                ("priority", priority.map(u32::from)),
                ("vlan_filtering", vlan_filtering.map(u32::from)),
            ];
            for (key, value) in values {
                if let Some(value) = value {
                    let _ = write!(s, "{key} {value} ");
                }
            }
        }
        KindData::Vlan { id, protocol } => {
            if let Some(protocol) = protocol {
                let word = match protocol {
                    0x8100 => "802.1Q".to_owned(),
                    0x88a8 => "802.1ad".to_owned(),
                    other => format!("{other:#06x}"),
                };
                let _ = write!(s, "protocol {word} ");
            }
            if let Some(id) = id {
                let _ = write!(s, "id {id} ");
            }
        }
        KindData::Macvlan { mode: Some(mode) } => {
            let word = match mode {
                1 => "private".to_owned(),
                2 => "vepa".to_owned(),
                4 => "bridge".to_owned(),
                8 => "passthru".to_owned(),
                16 => "source".to_owned(),
                other => other.to_string(),
            };
            let _ = write!(s, "mode {word} ");
        }
        _ => {}
    }
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
    let index = device_index(ctx, dev)?;
    let peer = ctx.handle()?.veth_peer(LinkRef::Index(index))?;
    let (netns, nsid) = match &peer.namespace {
        PeerNamespace::Same => (None, None),
        PeerNamespace::Named { name, nsid } => (Some(name.clone()), Some(*nsid)),
        PeerNamespace::Nsid(nsid) => (None, Some(*nsid)),
        _ => (None, None),
    };
    if ctx.opts.json {
        let mut m = Map::new();
        m.insert("ifindex".into(), peer.index.into());
        m.insert("ifname".into(), peer.name.clone().into());
        if let Some(nsid) = nsid {
            m.insert("link_netnsid".into(), nsid.into());
        }
        if let Some(netns) = &netns {
            m.insert("netns".into(), netns.clone().into());
        }
        ctx.print_json(vec![m.into()]);
        return Ok(());
    }
    let mut line = format!("{}: {}", peer.index, peer.name);
    match (&netns, nsid) {
        (Some(name), _) => {
            let _ = write!(line, " link-netns {name}");
        }
        (None, Some(nsid)) => {
            let _ = write!(line, " link-netnsid {nsid}");
        }
        _ => {}
    }
    line.push('\n');
    ctx.out.push_str(&line);
    Ok(())
}
