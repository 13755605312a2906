//! `rtnl address`: `ip address add / change / replace / delete / flush / show`.
//!
//! ```text
//! address {add|change|replace|delete} [local] PREFIX [peer PREFIX] dev DEV [brd {+|-|ADDR}]
//!         [label LABEL] [scope SCOPE] [metric N] [valid_lft {N|forever}]
//!         [preferred_lft {N|forever}] [anycast ADDR] [home] [nodad] [optimistic] [mngtmpaddr]
//!         [noprefixroute] [autojoin]
//! address {show|flush} [[dev] DEV] [scope {SCOPE|all}] [to PREFIX] [label PATTERN] [up]
//!         [master DEV] [vrf DEV] [type KIND] [group N] [nomaster] [FLAG...]
//!     FLAG := [-]{permanent|dynamic|secondary|primary|tentative|deprecated|dadfailed|
//!             temporary|home|nodad|mngtmpaddr|noprefixroute|autojoin}
//! ```
//!
//! `-4` / `-6` limit every command to one family, as with `ip`.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr};

use rtnl_ip::codec::{AddressMessage, Message, ifa_f};
use rtnl_ip::show::address::AddressForm;
use rtnl_ip::show::link::Brief;
use rtnl_ip::show::{self, link::LinkStyle, lookup::LinkTable};
use rtnl_ip::{Address, AddressFilter, AddressSpec, DumpRow, IpPrefix, Link, names};

use super::args::Cmd;
use super::args::{self, Args, CmdResult, Failure, duparg2, invarg, matches, number};
use super::link::ShowArgs;
use super::{Ctx, Family};

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
    args::dispatch(ctx, args, "address", COMMANDS, show)
}

/// What `rtnl address help` prints.
const USAGE: &str = "\
Usage: rtnl address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ] [ CONFFLAG-LIST ]
       rtnl address del IFADDR dev IFNAME
       rtnl address flush [ dev IFNAME ] [ scope SCOPE-ID ] [ to PREFIX ] [ FLAG-LIST ]
                          [ label LABEL ] [ up ]
       rtnl address [ show [ dev IFNAME ] [ scope SCOPE-ID ] [ master DEVICE ] [ type TYPE ]
                           [ to PREFIX ] [ FLAG-LIST ] [ label LABEL ] [ up ] [ vrf NAME ] ]
IFADDR := PREFIX | ADDR peer PREFIX [ broadcast ADDR ] [ anycast ADDR ] [ label IFNAME ]
          [ scope SCOPE-ID ] [ metric METRIC ]
SCOPE-ID := [ host | link | global | NUMBER ]
FLAG-LIST := [ FLAG-LIST ] FLAG
FLAG  := [ permanent | dynamic | secondary | primary | [-]tentative | [-]deprecated |
           [-]dadfailed | temporary | CONFFLAG-LIST ]
CONFFLAG-LIST := [ CONFFLAG-LIST ] CONFFLAG
CONFFLAG  := [ home | nodad | optimistic | mngtmpaddr | noprefixroute | autojoin ]
LIFETIME := [ valid_lft LFT ] [ preferred_lft LFT ]
LFT := forever | SECONDS
";

/// `rtnl address help`: the grammar, exit 255 like `ip address help`.
fn help(_: &mut Ctx, _: &mut Args<'_>) -> CmdResult {
    Err(usage())
}

/// The failure `help` (and a `help` word among the arguments) ends with: the grammar, exit 255.
fn usage() -> Failure {
    Failure::Usage(USAGE.trim_end().to_owned())
}

/// `INFINITY_LIFE_TIME`: `forever`.
const FOREVER: u32 = u32::MAX;

/// The family the options ask for, as the library names it (`None`: any).
fn family(ctx: &Ctx) -> Option<rtnl_ip::Family> {
    args::ip_family(ctx.opts.family)
}

/// `[local] PREFIX`, `peer PREFIX`, `to PREFIX`: `ip`'s `get_prefix()` in `family` (the one
/// known so far), as a prefix, and whether a length was given. The words `default`, `any` and
/// `all` are the default route of the family (none without one).
fn parse_prefix(family: Family, word: &str) -> CmdResult<(Option<IpPrefix>, bool)> {
    let inet = args::inet_prefix(word, family)?;
    Ok((inet.prefix(), inet.len_given))
}

/// A prefix `address add` sends: an address and its length. ip sends the words `default`
/// (in no family), `any` and `all` with no address bytes, which rtnl cannot: it refuses them.
fn address_prefix(family: Family, word: &str) -> CmdResult<(IpPrefix, bool)> {
    let inet = args::inet_prefix(word, family)?;
    let prefix = IpPrefix::new(inet.required(word)?, inet.len).map_err(Failure::Lib)?;
    Ok((prefix, inet.len_given))
}

/// `add`, `change`, `replace` and `delete`'s arguments (`ipaddr_modify()`): the spec they
/// fill in, and what the grammar keeps until the command is read (values that depend on
/// each other whatever their order: the broadcast on the local prefix, the lifetimes'
/// defaults on each other).
struct ModifyArgs<'a> {
    /// The request, the device by name (resolved before sending).
    spec: AddressSpec<'a>,
    /// `[local] PREFIX`, and whether it had a length.
    local: Option<(IpPrefix, bool)>,
    /// The words of `local`, for messages.
    local_word: &'a str,
    /// Whether `dev` was given.
    dev: Option<&'a [u8]>,
    /// `broadcast ADDR`, `+` (all host bits set) or `-` (none set).
    broadcast: Option<&'a str>,
    /// The address of `broadcast ADDR`, read when its word came.
    broadcast_addr: Option<IpAddr>,
    /// `valid_lft`.
    valid: Option<u32>,
    /// `preferred_lft`.
    preferred: Option<u32>,
}

/// Who may set an address flag word of `ip address add` (`ifa_flag_data` in ipaddress.c).
#[derive(Clone, Copy)]
enum FlagKind {
    /// Any address.
    Any,
    /// IPv6 addresses only: a warning, and the flag is not sent, when the family known so
    /// far is not IPv6.
    Ipv6,
    /// The kernel's to set: a warning.
    ReadOnly,
}

/// The flag words `ip address add` reads, compared whole, in ip's table order.
const ADD_FLAG_WORDS: [(&str, u32, FlagKind); 13] = [
    ("secondary", ifa_f::SECONDARY, FlagKind::ReadOnly),
    ("temporary", ifa_f::SECONDARY, FlagKind::ReadOnly),
    ("nodad", ifa_f::NODAD, FlagKind::Ipv6),
    ("optimistic", ifa_f::OPTIMISTIC, FlagKind::Ipv6),
    ("dadfailed", ifa_f::DADFAILED, FlagKind::ReadOnly),
    ("home", ifa_f::HOMEADDRESS, FlagKind::Ipv6),
    ("deprecated", ifa_f::DEPRECATED, FlagKind::ReadOnly),
    ("tentative", ifa_f::TENTATIVE, FlagKind::ReadOnly),
    ("permanent", ifa_f::PERMANENT, FlagKind::ReadOnly),
    ("mngtmpaddr", ifa_f::MANAGETEMPADDR, FlagKind::Ipv6),
    ("noprefixroute", ifa_f::NOPREFIXROUTE, FlagKind::Any),
    ("autojoin", ifa_f::MCAUTOJOIN, FlagKind::Any),
    ("stable-privacy", ifa_f::STABLE_PRIVACY, FlagKind::ReadOnly),
];

/// `valid_lft` / `preferred_lft`: seconds, or `forever`.
fn lifetime(key: &str, word: &str) -> CmdResult<u32> {
    if word == "forever" {
        return Ok(FOREVER);
    }
    number(key, word).map_err(|_| invarg(&format!("{key} value"), word))
}

impl<'a> ModifyArgs<'a> {
    /// Reads the arguments into the spec.
    fn parse(ctx: &Ctx, args: &mut Args<'a>) -> CmdResult<Self> {
        let mut m = ModifyArgs {
            spec: AddressSpec::new(0u32, IpPrefix::DEFAULT_V4),
            local: None,
            local_word: "",
            dev: None,
            broadcast: None,
            broadcast_addr: None,
            valid: None,
            preferred: None,
        };
        let mut peer = None;
        let r = &mut m.spec.request;
        // The family known so far, as ip's `req.ifa.ifa_family`: -4/-6, else the first
        // address read; addresses are read in it, and the flags ip keeps for IPv6 look at it
        // when their word comes.
        let mut known = ctx.opts.family;
        while let Some(word) = args.next() {
            if let Some(&(name, flag, kind)) =
                ADD_FLAG_WORDS.iter().find(|(name, ..)| *name == word)
            {
                match kind {
                    FlagKind::ReadOnly => {
                        eprintln!("Warning: {name} option is not mutable from userspace");
                    }
                    FlagKind::Ipv6 if known != Family::Inet6 => {
                        eprintln!("Warning: {name} option can be set only for IPv6 addresses");
                    }
                    FlagKind::Ipv6 | FlagKind::Any => r.flags |= flag,
                }
                continue;
            }
            match word {
                "peer" | "remote" => {
                    let value = args.value_once("peer", &peer)?;
                    let prefix = address_prefix(known, value)?.0;
                    args::learn(&mut known, prefix.addr());
                    peer = Some(prefix);
                    r.peer = Some(prefix.addr());
                    r.prefix_len = prefix.prefix_len();
                }
                w if matches(w, "broadcast") || w == "brd" => {
                    let value = args.value_once("broadcast", &m.broadcast)?;
                    if !matches!(value, "+" | "-") {
                        let addr = args::ip_addr_in(value, known)?;
                        args::learn(&mut known, addr);
                        m.broadcast_addr = Some(addr);
                    }
                    m.broadcast = Some(value);
                }
                "anycast" => {
                    let value = args.value_once("anycast", &r.anycast)?;
                    let any = args::ip_addr_in(value, known)?;
                    args::learn(&mut known, any);
                    r.anycast = Some(any);
                }
                "scope" => {
                    r.scope = Some(args.value_by("invalid scope value.", names::parse_scope)?);
                }
                "dev" => {
                    let value = args.value()?;
                    m.dev = Some(args.bytes(value));
                }
                "label" => {
                    let value = args.value()?;
                    r.label = Some(args.bytes(value));
                }
                w if matches(w, "metric") || matches(w, "priority") || matches(w, "preference") => {
                    let value = args.value()?;
                    r.metric = Some(
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
                w => {
                    let value = if w == "local" { args.value()? } else { w };
                    if matches(value, "help") {
                        return Err(usage());
                    }
                    if m.local.is_some() {
                        return Err(duparg2("local", value));
                    }
                    let (local, had_len) = address_prefix(known, value)?;
                    args::learn(&mut known, local.addr());
                    m.local = Some((local, had_len));
                    m.local_word = value;
                    r.local = local.addr();
                    // A peer's prefix length is the address's.
                    if peer.is_none() {
                        r.prefix_len = local.prefix_len();
                    }
                }
            }
        }
        Ok(m)
    }

    /// The spec the library sends, completed now that every word is read; `delete` skips the
    /// defaults that only creation needs.
    fn spec(&self, delete: bool) -> CmdResult<AddressSpec<'a>> {
        let Some(dev) = self.dev else {
            return Err(Failure::local(
                "Not enough information: \"dev\" argument is required.",
            ));
        };
        let Some((local, _)) = self.local else {
            return Err(Failure::local(
                "Not enough information: \"local\" argument is required.",
            ));
        };
        let mut spec = self.spec.clone();
        spec.dev = dev.into();
        if let Some(brd) = self.broadcast {
            spec = match (brd, local.addr()) {
                ("+", IpAddr::V4(_)) => spec.broadcast_auto(),
                ("-", IpAddr::V4(addr)) => spec.broadcast(network(addr, local.prefix_len())),
                ("+" | "-", _) => {
                    return Err(Failure::local(
                        "Broadcast can be set only for IPv4 addresses",
                    ));
                }
                _ => match self.broadcast_addr {
                    Some(IpAddr::V4(addr)) => spec.broadcast(addr),
                    _ => return Err(args::unsupported("an IPv6 broadcast")),
                },
            };
        }
        // ip's default_scope(): host for 127.0.0.0/8.
        if spec.request.scope.is_none()
            && !delete
            && matches!(local.addr(), IpAddr::V4(a) if a.octets()[0] == 127)
        {
            spec = spec.scope(rtnl_ip::codec::rt_scope::HOST);
        }
        if self.valid.is_some() || self.preferred.is_some() {
            let valid = self.valid.unwrap_or(FOREVER);
            let preferred = self.preferred.unwrap_or(FOREVER);
            if valid == 0 {
                return Err(Failure::local("valid_lft is zero"));
            }
            if valid < preferred {
                return Err(Failure::local("preferred_lft is greater than valid_lft"));
            }
            spec = spec.lifetime(valid, preferred);
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
    let index = super::link::device_index(ctx, parsed.dev.unwrap_or_default())?;
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
                    spec.request.prefix_len = have.prefix_len;
                    if have.peer.is_some() {
                        spec.request.peer = have.peer;
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
    /// `label PATTERN` (its bytes: a label need not be UTF-8).
    label: Option<&'a [u8]>,
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
                "to" => f.to = parse_prefix(ctx.opts.family, args.value()?)?.0,
                "scope" => {
                    let value = args.value()?;
                    f.scope = match names::parse_scope(value) {
                        Some(scope) => Some(scope),
                        None if value == "all" => None,
                        None => return Err(invarg("invalid \"scope\"\n", value)),
                    };
                }
                "up" => f.links.up = true,
                "label" => {
                    let value = args.value()?;
                    f.label = Some(args.bytes(value));
                }
                "group" => {
                    let value = args.value()?;
                    f.links.group = Some(args::group(value)?);
                }
                "master" => {
                    let value = args.value()?;
                    f.links.master = Some(args.bytes(value));
                }
                "vrf" => {
                    let value = args.value()?;
                    f.links.vrf = Some(args.bytes(value));
                }
                "nomaster" => f.links.nomaster = true,
                "type" => f.links.kind = Some(args.value()?),
                w => {
                    let dev = if w == "dev" {
                        args.value()?
                    } else if matches(w, "help") {
                        return Err(usage());
                    } else {
                        w
                    };
                    if f.links.dev.is_some() {
                        return Err(duparg2("dev", dev));
                    }
                    f.links.dev = Some(args.bytes(dev));
                }
            }
        }
        Ok(f)
    }

    /// Whether an address passes the address filters (scope, flags, label (the link's name
    /// when it has none), `to`).
    fn keeps(
        &self,
        scope: u8,
        flags: u32,
        label: Option<&[u8]>,
        link_name: &[u8],
        local: Option<IpAddr>,
    ) -> bool {
        self.scope.is_none_or(|s| scope == s)
            && (self.flags ^ flags) & self.flag_mask == 0
            && self
                .label
                .is_none_or(|pattern| glob(pattern, label.unwrap_or(link_name)))
            && self
                .to
                .is_none_or(|to| local.is_some_and(|local| to.contains(local)))
    }

    /// The address dump `show` and `flush` read: the family asked for (`to PREFIX` limits it
    /// as -4/-6 do), and the device when one was named.
    fn address_filter(
        &self,
        ctx: &Ctx,
        dev: Option<u32>,
    ) -> (AddressFilter<'_>, Option<rtnl_ip::Family>) {
        let family = family(ctx).or(self.to.map(|to| to.family()));
        let mut filter = AddressFilter::new();
        if let Some(family) = family {
            filter = filter.family(family);
        }
        if let Some(dev) = dev {
            filter = filter.dev(dev);
        }
        (filter, family)
    }

    /// The links `ip address flush` works on, each with its addresses that pass, in the
    /// kernel's order: a link is kept when one of its addresses passes (`ipaddr_filter()`).
    fn select(&self, ctx: &mut Ctx) -> CmdResult<Vec<(Link, Vec<Address>)>> {
        let links = self.links.links(ctx)?;
        let dev = if links.len() == 1 {
            Some(links[0].index)
        } else {
            None
        };
        let (filter, family) = self.address_filter(ctx, dev);
        let mut by_link: HashMap<u32, Vec<Address>> = HashMap::new();
        for address in ctx.handle()?.addresses(&filter)? {
            by_link.entry(address.index).or_default().push(address);
        }
        let mut selected = Vec::new();
        for link in links {
            let all = by_link.remove(&link.index).unwrap_or_default();
            let had_any = !all.is_empty();
            let name = link.name.as_bytes();
            let kept: Vec<Address> = all
                .into_iter()
                .filter(|a| {
                    let label = a.label.as_deref().map(str::as_bytes);
                    self.keeps(a.scope, a.flags, label, name, a.local)
                })
                .collect();
            if !kept.is_empty() || (!had_any && family.is_none()) {
                selected.push((link, kept));
            }
        }
        Ok(selected)
    }
}

/// An address dump kept as its messages' bytes, back to back, with an index by link, so
/// `address show` prints each link's addresses under it from one dump of each table.
#[derive(Default)]
struct AddressStore {
    /// The messages, as the kernel sent them.
    bytes: Vec<u8>,
    /// `(ifa_index, offset, length)` of each message, ordered by link (the kernel's order
    /// within a link).
    index: Vec<(u32, u32, u32)>,
}

impl AddressStore {
    /// Dumps the addresses `filter` keeps.
    fn dump(ctx: &mut Ctx, filter: &AddressFilter) -> CmdResult<Self> {
        let mut store = AddressStore::default();
        ctx.handle()?
            .for_each_address_row(filter, |row| match row {
                DumpRow::Restart => {
                    store.bytes.clear();
                    store.index.clear();
                }
                DumpRow::View(m) => {
                    let bytes = m.message().bytes();
                    let at = store.bytes.len() as u32;
                    store.index.push((m.index(), at, bytes.len() as u32));
                    store.bytes.extend_from_slice(bytes);
                }
            })?;
        store.index.sort_by_key(|&(link, _, _)| link);
        Ok(store)
    }

    /// The addresses of link `index`, in the kernel's order.
    fn of(&self, index: u32) -> impl Iterator<Item = AddressMessage<'_>> {
        let start = self.index.partition_point(|&(link, _, _)| link < index);
        self.index[start..]
            .iter()
            .take_while(move |&&(link, _, _)| link == index)
            .filter_map(|&(_, at, len)| {
                let bytes = self.bytes.get(at as usize..(at + len) as usize)?;
                Message::parse(bytes).and_then(AddressMessage::parse).ok()
            })
    }
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

/// `address show`: one address dump kept, then one link dump, each link printed as it
/// arrives with its addresses.
fn show(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let filter = ShowFilter::parse(ctx, args)?;
    let show_ll = (matches!(ctx.opts.family, Family::Any | Family::Link) && filter.to.is_none())
        || ctx.opts.details;
    let link_filter = filter.links.resolve(ctx)?;
    // -0: links only, as `ip -0 address` prints them.
    let links_only = ctx.opts.family == Family::Link;
    let dev = match link_filter.device {
        Some(rtnl_ip::LinkRef::Index(index)) => Some(index),
        _ => None,
    };
    let (address_filter, family) = filter.address_filter(ctx, dev);
    let store = if links_only {
        AddressStore::default()
    } else {
        AddressStore::dump(ctx, &address_filter)?
    };
    // ip dumps links in the family asked for; for IPv6 the kernel answers with its own,
    // shorter link messages (inet6_fill_ifinfo), and ip prints what they hold.
    let inet6 = ctx.opts.family == Family::Inet6 && filter.links.dev.is_none();
    let style = LinkStyle {
        details: ctx.opts.details,
        show_ll,
        ll_json: show_ll,
        mode: false,
        qlen: true,
        inet6,
        stats: Default::default(),
        brief: match (ctx.opts.brief, links_only) {
            (false, _) => Brief::Off,
            (true, false) => Brief::Name,
            (true, true) => Brief::Link,
        },
    };
    // -o: each address on its own line, led by its link; the links themselves are left out.
    let oneline = ctx.opts.oneline && !ctx.opts.brief && !links_only;
    let stats = ctx.opts.stats_style();
    let ctx_brief = ctx.opts.brief;
    let mut p = ctx.printer();
    let mut table = LinkTable::offline();
    p.start_list();
    let result = filter
        .links
        .for_each_resolved(ctx, link_filter, &mut table, |m, table| {
            let name = m.name_bytes().unwrap_or_default();
            let had_any = store.of(m.index()).next().is_some();
            let mut kept = store.of(m.index()).filter(|a| {
                filter.keeps(a.scope(), a.flags(), a.label_bytes(), name, a.own_address())
            });
            let first = kept.next();
            if first.is_none() && (had_any || family.is_some()) && !links_only {
                return;
            }
            p.open_object(None);
            // With a label filter ip prints the addresses alone.
            let full_link = filter.label.is_none() && !oneline;
            if full_link {
                show::link::link_fields(&mut p, m, table, style, b"");
            }
            if !links_only {
                let form = if ctx_brief {
                    AddressForm::Brief
                } else if oneline {
                    AddressForm::Oneline {
                        index: m.index(),
                        dev: name,
                    }
                } else {
                    AddressForm::Full
                };
                p.open_array(Some("addr_info"));
                for a in first.into_iter().chain(kept) {
                    show::address::address_as(&mut p, &a, form);
                }
                p.close_array();
                if ctx_brief {
                    p.text(format_args!("\n"));
                }
            }
            if full_link && stats.level > 0 && !ctx_brief {
                // ip's IPv6 link dump holds the IPv6 counters where the link's would be.
                if inet6 {
                    show::stats::inet6_link_stats(&mut p, m, stats);
                } else {
                    show::stats::link_stats(&mut p, m, stats);
                }
                p.nl();
            }
            p.close_object();
        });
    p.end_list();
    ctx.finish(p, result)
}

/// `address flush`: deletes every address the filters select (at least one filter is
/// needed, as with `ip`).
fn flush(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    if args.peek().is_none() {
        return Err(Failure::local("Flush requires arguments."));
    }
    if ctx.opts.family == Family::Link {
        return Err(Failure::local("Cannot flush link addresses."));
    }
    let filter = ShowFilter::parse(ctx, args)?;
    let selected = filter.select(ctx)?;
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
