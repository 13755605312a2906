//! `rtnl address`: `ip address add / change / replace / delete / flush / show`.
//!
//! ```text
//! address {add|change|replace|delete} [local] PREFIX [peer PREFIX] dev DEV [brd {+|-|ADDR}]
//!         [label LABEL] [scope SCOPE] [metric N] [valid_lft {N|forever}]
//!         [preferred_lft {N|forever}] [home] [nodad] [mngtmpaddr] [noprefixroute] [autojoin]
//! address {show|flush} [[dev] DEV] [scope {SCOPE|all}] [to PREFIX] [label PATTERN] [up]
//!         [master DEV] [vrf DEV] [type KIND] [group N] [nomaster] [FLAG...]
//!     FLAG := [-]{permanent|dynamic|secondary|primary|tentative|deprecated|dadfailed|
//!             temporary|home|nodad|mngtmpaddr|noprefixroute|autojoin}
//! ```
//!
//! `-4` / `-6` limit every command to one family, as with `ip`.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::net::{IpAddr, Ipv4Addr};

use rtnl_ip::codec::{af, ifa_f};
use rtnl_ip::{Address, AddressFilter, AddressSpec, IpPrefix, Link, names};
use serde_json::Value;

use super::args::{self, Args, CmdResult, Failure, duparg2, invarg, matches, number};
use super::link::{ShowArgs, TextStyle, link_json, link_text, nsid_names};
use super::{Ctx, Family};

/// A subcommand of `address`.
type Cmd = fn(&mut Ctx, &mut Args<'_>) -> CmdResult;

/// `ip address`'s commands in `ip`'s order (`a` is `add`, `d` is `delete`, `s` is `show`).
const COMMANDS: &[(&str, Option<Cmd>)] = &[
    ("add", Some(add)),
    ("change", Some(change)),
    ("chg", Some(change)),
    ("replace", Some(replace)),
    ("delete", Some(delete)),
    ("list", Some(show)),
    ("show", Some(show)),
    ("lst", Some(show)),
    ("flush", Some(flush)),
    ("save", None),
    ("showdump", None),
    ("restore", None),
    ("help", Some(help)),
    ("wait", Some(super::wait::address)),
];

/// `rtnl address ...`; no command is `show`.
pub fn run(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let Some(word) = args.next() else {
        return show(ctx, args);
    };
    match COMMANDS.iter().find(|(name, _)| matches(word, name)) {
        Some((_, Some(cmd))) => cmd(ctx, args),
        Some((name, None)) => Err(args::unsupported(&format!("address {name}"))),
        None => Err(Failure::Usage(format!(
            "Command \"{word}\" is unknown, try \"ip address help\"."
        ))),
    }
}

/// What `rtnl address help` prints.
const USAGE: &str = "\
Usage: rtnl address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ] [ CONFFLAG-LIST ]
       rtnl address del IFADDR dev IFNAME
       rtnl address flush [ dev IFNAME ] [ scope SCOPE-ID ] [ to PREFIX ] [ FLAG-LIST ]
                          [ label LABEL ] [ up ]
       rtnl address [ show [ dev IFNAME ] [ scope SCOPE-ID ] [ master DEVICE ] [ type TYPE ]
                           [ to PREFIX ] [ FLAG-LIST ] [ label LABEL ] [ up ] [ vrf NAME ] ]
IFADDR := PREFIX | ADDR peer PREFIX [ broadcast ADDR ] [ label IFNAME ] [ scope SCOPE-ID ]
          [ metric METRIC ]
SCOPE-ID := [ host | link | global | NUMBER ]
FLAG-LIST := [ FLAG-LIST ] FLAG
FLAG  := [ permanent | dynamic | secondary | primary | [-]tentative | [-]deprecated |
           [-]dadfailed | temporary | CONFFLAG-LIST ]
CONFFLAG-LIST := [ CONFFLAG-LIST ] CONFFLAG
CONFFLAG  := [ home | nodad | mngtmpaddr | noprefixroute | autojoin ]
LIFETIME := [ valid_lft LFT ] [ preferred_lft LFT ]
LFT := forever | SECONDS
";

/// `rtnl address help`: the grammar, exit 255 like `ip address help`.
fn help(_: &mut Ctx, _: &mut Args<'_>) -> CmdResult {
    Err(Failure::Usage(USAGE.trim_end().to_owned()))
}

/// `INFINITY_LIFE_TIME`: `forever`.
const FOREVER: u32 = u32::MAX;

/// The family the options ask for, as the library names it (`None`: any).
fn family(ctx: &Ctx) -> Option<rtnl_ip::Family> {
    match ctx.opts.family {
        Family::Inet => Some(rtnl_ip::Family::V4),
        Family::Inet6 => Some(rtnl_ip::Family::V6),
        Family::Any | Family::Link => None,
    }
}

/// A prefix as `ip`'s `get_prefix` reads it, in the family the options ask for; whether a
/// length was given.
pub fn parse_prefix(ctx: &Ctx, word: &str) -> CmdResult<(IpPrefix, bool)> {
    let what = match family(ctx) {
        Some(rtnl_ip::Family::V4) => "inet prefix",
        Some(rtnl_ip::Family::V6) => "inet6 prefix",
        None => "any valid prefix",
    };
    let (addr, len) = args::prefix(word, what)?;
    if family(ctx).is_some_and(|f| f != rtnl_ip::Family::of(addr)) {
        return Err(Failure::Local(format!(
            "Error: {what} is expected rather than \"{word}\"."
        )));
    }
    let prefix = IpPrefix::new(addr, len).map_err(Failure::Lib)?;
    Ok((prefix, word.contains('/')))
}

/// `add`, `change`, `replace` and `delete`'s arguments (`ipaddr_modify()`).
#[derive(Default)]
struct ModifyArgs<'a> {
    /// `[local] PREFIX`, and whether it had a length.
    local: Option<(IpPrefix, bool)>,
    /// The words of `local`, for messages.
    local_word: &'a str,
    /// `peer PREFIX`.
    peer: Option<IpPrefix>,
    /// `dev DEV`.
    dev: Option<&'a str>,
    /// `broadcast ADDR`, `+` (all host bits set) or `-` (none set).
    broadcast: Option<&'a str>,
    /// `label LABEL`.
    label: Option<&'a str>,
    /// `scope SCOPE`.
    scope: Option<u8>,
    /// `metric N`.
    metric: Option<u32>,
    /// `valid_lft`.
    valid: Option<u32>,
    /// `preferred_lft`.
    preferred: Option<u32>,
    /// `IFA_F_*` from the flag words.
    flags: u32,
}

/// `valid_lft` / `preferred_lft`: seconds, or `forever`.
fn lifetime(key: &str, word: &str) -> CmdResult<u32> {
    if word == "forever" {
        return Ok(FOREVER);
    }
    number(key, word).map_err(|_| invarg(&format!("{key} value"), word))
}

impl<'a> ModifyArgs<'a> {
    /// Reads the arguments.
    fn parse(ctx: &Ctx, args: &mut Args<'a>) -> CmdResult<Self> {
        let mut m = ModifyArgs::default();
        while let Some(word) = args.next() {
            match word {
                "peer" | "remote" => {
                    let value = args.value_once("peer", &m.peer)?;
                    m.peer = Some(parse_prefix(ctx, value)?.0);
                }
                w if matches(w, "broadcast") || w == "brd" => {
                    m.broadcast = Some(args.value_once("broadcast", &m.broadcast)?);
                }
                "anycast" => return Err(args::unsupported("address anycast")),
                "scope" => {
                    let value = args.value()?;
                    m.scope = Some(
                        names::parse_scope(value)
                            .ok_or_else(|| invarg("invalid scope value.", value))?,
                    );
                }
                "dev" => m.dev = Some(args.value()?),
                "label" => m.label = Some(args.value()?),
                w if matches(w, "metric") || matches(w, "priority") || matches(w, "preference") => {
                    let value = args.value()?;
                    m.metric = Some(
                        number(w, value)
                            .map_err(|_| invarg("\"metric\" value is invalid\n", value))?,
                    );
                }
                w if matches(w, "valid_lft") => {
                    m.valid = Some(lifetime("valid_lft", args.value()?)?);
                }
                w if matches(w, "preferred_lft") => {
                    m.preferred = Some(lifetime("preferred_lft", args.value()?)?);
                }
                "home" => m.flags |= ifa_f::HOMEADDRESS,
                "nodad" => m.flags |= ifa_f::NODAD,
                "mngtmpaddr" => m.flags |= ifa_f::MANAGETEMPADDR,
                "noprefixroute" => m.flags |= ifa_f::NOPREFIXROUTE,
                "autojoin" => m.flags |= ifa_f::MCAUTOJOIN,
                w => {
                    let value = if w == "local" { args.value()? } else { w };
                    if matches(value, "help") {
                        return Err(Failure::Usage(USAGE.trim_end().into()));
                    }
                    if m.local.is_some() {
                        return Err(duparg2("local", value));
                    }
                    m.local = Some(parse_prefix(ctx, value)?);
                    m.local_word = value;
                }
            }
        }
        Ok(m)
    }

    /// The spec the library sends; `delete` skips the defaults that only creation needs.
    fn spec(&self, delete: bool) -> CmdResult<AddressSpec> {
        let Some(dev) = self.dev else {
            return Err(Failure::Local(
                "Not enough information: \"dev\" argument is required.".into(),
            ));
        };
        let Some((local, _)) = self.local else {
            return Err(Failure::Local(
                "Not enough information: \"local\" argument is required.".into(),
            ));
        };
        let mut spec = AddressSpec::new(dev, local);
        if let Some(peer) = self.peer {
            spec = spec.peer(peer);
        }
        if let Some(label) = self.label {
            spec = spec.label(label);
        }
        if let Some(brd) = self.broadcast {
            spec = match (brd, local.addr()) {
                ("+", IpAddr::V4(_)) => spec.broadcast_auto(),
                ("-", IpAddr::V4(addr)) => spec.broadcast(network(addr, local.prefix_len())),
                ("+" | "-", _) => {
                    return Err(Failure::Local(
                        "Broadcast can be set only for IPv4 addresses".into(),
                    ));
                }
                (text, _) => match args::ip_addr(text)? {
                    IpAddr::V4(addr) => spec.broadcast(addr),
                    IpAddr::V6(_) => return Err(args::unsupported("an IPv6 broadcast")),
                },
            };
        }
        match self.scope {
            Some(scope) => spec = spec.scope(scope),
            // ip's default_scope(): host for 127.0.0.0/8.
            None if !delete && matches!(local.addr(), IpAddr::V4(a) if a.octets()[0] == 127) => {
                spec = spec.scope(rtnl_ip::codec::rt_scope::HOST);
            }
            None => {}
        }
        if let Some(metric) = self.metric {
            spec = spec.metric(metric);
        }
        if self.valid.is_some() || self.preferred.is_some() {
            let valid = self.valid.unwrap_or(FOREVER);
            let preferred = self.preferred.unwrap_or(FOREVER);
            if valid == 0 {
                return Err(Failure::Local("valid_lft is zero".into()));
            }
            if valid < preferred {
                return Err(Failure::Local(
                    "preferred_lft is greater than valid_lft".into(),
                ));
            }
            spec = spec.lifetime(valid, preferred);
        }
        if self.flags != 0 {
            spec = spec.flag(self.flags);
        }
        Ok(spec)
    }
}

/// The address with every host bit cleared.
fn network(addr: Ipv4Addr, len: u8) -> Ipv4Addr {
    let mask = u32::MAX.checked_shl(32 - u32::from(len)).unwrap_or(0);
    Ipv4Addr::from(u32::from(addr) & mask)
}

/// What to do with a parsed address.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    /// `add`.
    Add,
    /// `change`.
    Change,
    /// `replace`.
    Replace,
    /// `delete`.
    Delete,
}

/// `address add`.
fn add(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    modify(ctx, args, Op::Add)
}

/// `address change`.
fn change(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    modify(ctx, args, Op::Change)
}

/// `address replace`.
fn replace(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    modify(ctx, args, Op::Replace)
}

/// `address delete`.
fn delete(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    modify(ctx, args, Op::Delete)
}

/// Parses and sends one address request.
fn modify(ctx: &mut Ctx, args: &mut Args<'_>, op: Op) -> CmdResult {
    let parsed = ModifyArgs::parse(ctx, args)?;
    let mut spec = parsed.spec(op == Op::Delete)?;
    let dev = parsed.dev.unwrap_or_default();
    let index = super::link::device_index(ctx, dev)?;
    spec.dev = index.into();
    let handle = ctx.handle()?;
    match op {
        Op::Add => handle.address_add(&spec)?,
        // The kernel creates a missing address on change too, so change is replace.
        Op::Change | Op::Replace => handle.address_replace(&spec)?,
        Op::Delete => {
            // ip deletes an IPv4 address given without a length whatever its length is.
            if let Some((local, false)) = parsed.local
                && local.addr().is_ipv4()
            {
                eprintln!(
                    "Warning: Executing wildcard deletion to stay compatible with old scripts.\n         \
                     Explicitly specify the prefix length ({}/32) to avoid this warning.\n         \
                     This special behaviour is likely to disappear in further releases,\n         \
                     fix your scripts!",
                    parsed.local_word
                );
                let found = handle.addresses(&AddressFilter::new().dev(index))?;
                if let Some(have) = found.iter().find(|a| a.local == Some(local.addr())) {
                    spec.local =
                        IpPrefix::new(local.addr(), have.prefix_len).map_err(Failure::Lib)?;
                    if let Some(peer) = have.peer {
                        spec.peer =
                            Some(IpPrefix::new(peer, have.prefix_len).map_err(Failure::Lib)?);
                    }
                }
            }
            handle.address_del(&spec)?;
        }
    }
    ctx.warn();
    Ok(())
}

/// The filters of `address show` and `address flush`.
#[derive(Default)]
struct ShowFilter<'a> {
    /// The link filters (`dev`, `up`, `master`, `type`, ...).
    links: ShowArgs<'a>,
    /// `scope S` (`all`: none).
    scope: Option<u8>,
    /// `to PREFIX`.
    to: Option<IpPrefix>,
    /// `label PATTERN`.
    label: Option<&'a str>,
    /// `IFA_F_*` values the flag words ask for, and which flags they constrain.
    flags: u32,
    /// The flags constrained.
    flag_mask: u32,
}

/// `ip`'s address flag filter words: the flag, and whether the word asks for it set.
const FLAG_WORDS: &[(&str, u32, bool)] = &[
    ("permanent", ifa_f::PERMANENT, true),
    ("dynamic", ifa_f::PERMANENT, false),
    ("secondary", ifa_f::SECONDARY, true),
    ("temporary", ifa_f::SECONDARY, true),
    ("primary", ifa_f::SECONDARY, false),
    ("tentative", ifa_f::TENTATIVE, true),
    ("-tentative", ifa_f::TENTATIVE, false),
    ("deprecated", ifa_f::DEPRECATED, true),
    ("-deprecated", ifa_f::DEPRECATED, false),
    ("dadfailed", ifa_f::DADFAILED, true),
    ("-dadfailed", ifa_f::DADFAILED, false),
    ("home", ifa_f::HOMEADDRESS, true),
    ("-home", ifa_f::HOMEADDRESS, false),
    ("nodad", ifa_f::NODAD, true),
    ("-nodad", ifa_f::NODAD, false),
    ("mngtmpaddr", ifa_f::MANAGETEMPADDR, true),
    ("-mngtmpaddr", ifa_f::MANAGETEMPADDR, false),
    ("noprefixroute", ifa_f::NOPREFIXROUTE, true),
    ("-noprefixroute", ifa_f::NOPREFIXROUTE, false),
    ("autojoin", ifa_f::MCAUTOJOIN, true),
    ("-autojoin", ifa_f::MCAUTOJOIN, false),
];

impl<'a> ShowFilter<'a> {
    /// Reads the filters.
    fn parse(ctx: &Ctx, args: &mut Args<'a>) -> CmdResult<Self> {
        let mut f = ShowFilter::default();
        while let Some(word) = args.next() {
            if let Some(&(_, flag, on)) = FLAG_WORDS.iter().find(|(w, _, _)| *w == word) {
                f.flag_mask |= flag;
                if on {
                    f.flags |= flag;
                } else {
                    f.flags &= !flag;
                }
                continue;
            }
            match word {
                "to" => f.to = Some(parse_prefix(ctx, args.value()?)?.0),
                "scope" => {
                    let value = args.value()?;
                    f.scope = match names::parse_scope(value) {
                        Some(scope) => Some(scope),
                        None if value == "all" => None,
                        None => return Err(invarg("invalid \"scope\"\n", value)),
                    };
                }
                "up" => f.links.up = true,
                "label" => f.label = Some(args.value()?),
                "group" => {
                    let value = args.value()?;
                    f.links.group = Some(match value {
                        "default" => 0,
                        _ => number("group", value)
                            .map_err(|_| invarg("Invalid \"group\" value\n", value))?,
                    });
                }
                "master" => f.links.master = Some(args.value()?),
                "vrf" => f.links.vrf = Some(args.value()?),
                "nomaster" => f.links.nomaster = true,
                "type" => f.links.kind = Some(args.value()?),
                w => {
                    let dev = if w == "dev" {
                        args.value()?
                    } else if matches(w, "help") {
                        return Err(Failure::Usage(USAGE.trim_end().into()));
                    } else {
                        w
                    };
                    if f.links.dev.is_some() {
                        return Err(duparg2("dev", dev));
                    }
                    f.links.dev = Some(dev);
                }
            }
        }
        Ok(f)
    }

    /// Whether `a` passes the address filters (scope, flags, label, `to`).
    fn keeps(&self, a: &Address, link: &Link) -> bool {
        self.scope.is_none_or(|s| a.scope == s)
            && (self.flags ^ a.flags) & self.flag_mask == 0
            && self.label.is_none_or(|pattern| {
                let label = a.label.as_deref().unwrap_or(&link.name);
                glob(pattern.as_bytes(), label.as_bytes())
            })
            && self
                .to
                .is_none_or(|to| a.local.is_some_and(|local| to.contains(local)))
    }

    /// The links `ip address show` prints, each with its addresses that pass, in the
    /// kernel's order: a link is shown when one of its addresses passes, or when it has none
    /// and no family was asked for (`ipaddr_filter()`).
    #[allow(clippy::type_complexity)]
    fn select(&self, ctx: &mut Ctx) -> CmdResult<(Vec<(Link, Vec<Address>)>, HashMap<u32, Link>)> {
        let (links, lookup) = self.links.links(ctx)?;
        // -0: links only, as `ip -0 address` prints them.
        if ctx.opts.family == Family::Link {
            return Ok((links.into_iter().map(|l| (l, Vec::new())).collect(), lookup));
        }
        // `to PREFIX` limits the family as -4/-6 do.
        let family = family(ctx).or(self.to.map(|to| to.family()));
        let mut filter = AddressFilter::new();
        if let Some(family) = family {
            filter = filter.family(family);
        }
        if links.len() == 1 {
            filter = filter.dev(links[0].index);
        }
        let mut by_link: HashMap<u32, Vec<Address>> = HashMap::new();
        for address in ctx.handle()?.addresses(&filter)? {
            by_link.entry(address.index).or_default().push(address);
        }
        // ip dumps links in the family asked for; for IPv6 the kernel answers with its own,
        // shorter link messages (inet6_fill_ifinfo), and ip prints what they hold.
        let inet6_dump = ctx.opts.family == Family::Inet6 && self.links.dev.is_none();
        let mut selected = Vec::new();
        for link in links {
            let link = if inet6_dump { inet6_view(link) } else { link };
            let all = by_link.remove(&link.index).unwrap_or_default();
            let had_any = !all.is_empty();
            let kept: Vec<Address> = all.into_iter().filter(|a| self.keeps(a, &link)).collect();
            if !kept.is_empty() || (!had_any && family.is_none()) {
                selected.push((link, kept));
            }
        }
        Ok((selected, lookup))
    }
}

/// What the kernel's IPv6 link dump (`inet6_fill_ifinfo`) tells of a link: name, address,
/// MTU, lower link and state; `ip` finds the queue length with an ioctl.
fn inet6_view(link: Link) -> Link {
    let mut view = Link::default();
    view.index = link.index;
    view.name = link.name;
    view.flags = link.flags;
    view.link_type = link.link_type;
    view.address = link.address;
    view.mtu = link.mtu;
    view.link = link.link.filter(|&l| l != link.index);
    view.operstate = link.operstate;
    view.txqlen = link.txqlen;
    view
}

/// `fnmatch(pattern, text, 0)` for the patterns `ip address show label` takes: `*`, `?`,
/// `[...]` (with `!`/`^` and ranges) and `\` escapes.
fn glob(pattern: &[u8], text: &[u8]) -> bool {
    match pattern.split_first() {
        None => text.is_empty(),
        Some((b'*', rest)) => (0..=text.len()).any(|skip| glob(rest, &text[skip..])),
        Some((b'?', rest)) => !text.is_empty() && glob(rest, &text[1..]),
        Some((b'[', rest)) => {
            let Some((&c, text_rest)) = text.split_first() else {
                return false;
            };
            let negate = matches!(rest.first(), Some(b'!' | b'^'));
            let set = if negate { &rest[1..] } else { rest };
            // The first `]` right after the opening closes nothing.
            let Some(end) = set.iter().skip(1).position(|&b| b == b']').map(|p| p + 1) else {
                return c == b'[' && glob(rest, text_rest);
            };
            let class = &set[..end];
            let mut hit = false;
            let mut i = 0;
            while i < class.len() {
                if i + 2 < class.len() && class[i + 1] == b'-' {
                    hit |= class[i] <= c && c <= class[i + 2];
                    i += 3;
                } else {
                    hit |= class[i] == c;
                    i += 1;
                }
            }
            hit != negate && glob(&set[end + 1..], text_rest)
        }
        Some((b'\\', rest)) if !rest.is_empty() => {
            text.first() == rest.first() && glob(&rest[1..], &text[1..])
        }
        Some((&c, rest)) => text.first() == Some(&c) && glob(rest, &text[1..]),
    }
}

/// `address show`.
fn show(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let filter = ShowFilter::parse(ctx, args)?;
    let (selected, lookup) = filter.select(ctx)?;
    let show_ll = (matches!(ctx.opts.family, Family::Any | Family::Link) && filter.to.is_none())
        || ctx.opts.details;
    if ctx.opts.json {
        let items = selected
            .iter()
            .map(|(link, addresses)| {
                let mut value = link_json(link, &lookup, ctx.opts.details);
                if let Value::Object(map) = &mut value {
                    if filter.label.is_some() {
                        map.clear();
                    }
                    map.shift_remove("linkmode");
                    if !show_ll {
                        for key in ["link_type", "address", "broadcast"] {
                            map.shift_remove(key);
                        }
                    }
                    if ctx.opts.family != Family::Link {
                        let infos = addresses.iter().map(rtnl_ip::json::address).collect();
                        map.insert("addr_info".into(), Value::Array(infos));
                    }
                }
                value
            })
            .collect();
        ctx.print_json(items);
        return Ok(());
    }
    let netns_names = if selected
        .iter()
        .any(|(l, _)| l.link_netnsid.is_some_and(|n| n >= 0))
    {
        nsid_names(ctx)
    } else {
        HashMap::new()
    };
    let style = TextStyle {
        details: ctx.opts.details,
        show_ll,
        mode: false,
        qlen: true,
    };
    for (link, addresses) in &selected {
        // With a label filter ip prints the addresses alone.
        if filter.label.is_none() {
            let text = link_text(link, &lookup, style, &netns_names, "");
            ctx.out.push_str(&text);
        }
        for address in addresses {
            ctx.out.push_str(&address_text(address));
        }
    }
    Ok(())
}

/// A lifetime as `ip` prints it: `forever` or `Nsec`.
fn lft(seconds: u32) -> String {
    if seconds == FOREVER {
        "forever".into()
    } else {
        format!("{seconds}sec")
    }
}

/// One address as `ip address show` prints it (`print_addrinfo()`): two lines.
pub fn address_text(a: &Address) -> String {
    let mut s = String::new();
    let family = match a.family {
        af::INET => "inet".to_owned(),
        af::INET6 => "inet6".to_owned(),
        other => format!("family {other}"),
    };
    let _ = write!(s, "    {family} ");
    if let Some(local) = a.local {
        let _ = write!(s, "{local}");
        if let Some(peer) = a.peer {
            let _ = write!(s, " peer {peer}");
        }
    }
    let _ = write!(s, "/{} ", a.prefix_len);
    if let Some(brd) = a.broadcast {
        let _ = write!(s, "brd {brd} ");
    }
    if let Some(metric) = a.priority {
        let _ = write!(s, "metric {metric} ");
    }
    let _ = write!(s, "scope {} ", names::scope(a.scope));
    for flag in names::address_flags(a.flags, a.family == af::INET6) {
        let _ = write!(s, "{flag} ");
    }
    if let Some(label) = &a.label {
        s.push_str(label);
    }
    if let (Some(valid), Some(preferred)) = (a.valid_lifetime, a.preferred_lifetime) {
        let _ = write!(
            s,
            "\n       valid_lft {} preferred_lft {}",
            lft(valid),
            lft(preferred)
        );
    }
    s.push('\n');
    s
}

/// `address flush`: deletes every address the filters select (at least one filter is
/// needed, as with `ip`).
fn flush(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    if args.peek().is_none() {
        return Err(Failure::Local("Flush requires arguments.".into()));
    }
    if ctx.opts.family == Family::Link {
        return Err(Failure::Local("Cannot flush link addresses.".into()));
    }
    let filter = ShowFilter::parse(ctx, args)?;
    let (selected, _) = filter.select(ctx)?;
    let handle = ctx.handle()?;
    for (link, addresses) in selected {
        for address in addresses {
            let Some(local) = address.local else { continue };
            let prefix = IpPrefix::new(local, address.prefix_len).map_err(Failure::Lib)?;
            let mut spec = AddressSpec::new(link.index, prefix);
            if let Some(peer) = address.peer {
                let peer = IpPrefix::new(peer, address.prefix_len).map_err(Failure::Lib)?;
                spec = spec.peer(peer);
            }
            match handle.address_del(&spec) {
                Ok(()) => {}
                // Deleting a primary IPv4 address takes its secondaries with it.
                Err(e) if e.errno() == Some(rustix::io::Errno::ADDRNOTAVAIL) => {}
                Err(e) => return Err(e.into()),
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::glob;

    #[test]
    fn glob_is_fnmatch() {
        assert!(glob(b"v0*", b"v0:web"));
        assert!(glob(b"v?", b"v0"));
        assert!(!glob(b"v?", b"v10"));
        assert!(glob(b"v[0-3]", b"v2"));
        assert!(!glob(b"v[!0-3]", b"v2"));
        assert!(glob(b"*", b""));
        assert!(!glob(b"lo", b"lo0"));
    }
}
