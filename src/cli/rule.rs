//! `rtnl rule`: `ip rule add / delete / show / flush`.
//!
//! ```text
//! rule {add|delete} SELECTOR ACTION
//! rule {show|flush} [SELECTOR]
//!     SELECTOR := [not] [from PREFIX] [to PREFIX] [tos TOS] [fwmark MARK[/MASK]] [iif DEV]
//!                 [oif DEV] [pref N] [l3mdev] [uidrange A-B] [ipproto PROTO]
//!                 [sport A[-B]] [dport A[-B]]
//!     ACTION := [table TABLE] [protocol PROTO] [realms [SRC/]DST] [goto N | nop | TYPE]
//!               [suppress_prefixlength N] [suppress_ifgroup GROUP]
//! ```
//!
//! As with `ip`, `rule show` and `rule flush` cover the IPv4 rules unless `-6` says otherwise,
//! and `rule flush` deletes every rule with a priority (so `0: lookup local` stays, and the
//! default `main` and `default` rules go).

use rtnl_ip::codec::{af, fr_act};
use rtnl_ip::show;
use rtnl_ip::{IpPrefix, RuleFilter, RuleSpec, names};

use super::args::Cmd;
use super::args::{self, Args, CmdResult, Failure, invarg, matches, naming, number};
use super::{Ctx, Family};

/// `ip rule`'s commands in `ip`'s order (`s` is `show`, `d` is `delete`, `f` is `flush`).
const COMMANDS: &[(&str, Option<Cmd>)] = &[
    ("list", Some(show)),
    ("lst", Some(show)),
    ("show", Some(show)),
    ("save", None),
    ("restore", None),
    ("add", Some(add)),
    ("delete", Some(delete)),
    ("flush", Some(flush)),
    ("help", Some(help)),
];

/// `rtnl rule ...`; no command is `show`.
pub fn run(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    args::dispatch(ctx, args, "rule", COMMANDS, show)
}

/// What `rtnl rule help` prints.
const USAGE: &str = "\
Usage: rtnl rule { add | del } SELECTOR ACTION
       rtnl rule flush
       rtnl rule [ list [ SELECTOR ]]
SELECTOR := [ not ] [ from PREFIX ] [ to PREFIX ] [ tos TOS ]
            [ fwmark FWMARK[/MASK] ]
            [ iif STRING ] [ oif STRING ] [ pref NUMBER ] [ l3mdev ]
            [ uidrange NUMBER-NUMBER ]
            [ ipproto PROTOCOL ]
            [ sport [ NUMBER | NUMBER-NUMBER ]
            [ dport [ NUMBER | NUMBER-NUMBER ] ]
ACTION := [ table TABLE_ID ]
          [ protocol PROTO ]
          [ realms [SRCREALM/]DSTREALM ]
          [ goto NUMBER ]
          SUPPRESSOR
SUPPRESSOR := [ suppress_prefixlength NUMBER ]
              [ suppress_ifgroup DEVGROUP ]
TABLE_ID := [ local | main | default | NUMBER ]
";

/// `rtnl rule help`: the grammar, exit 255 like `ip rule help`.
fn help(_: &mut Ctx, _: &mut Args<'_>) -> CmdResult {
    Err(usage())
}

/// The failure `help` (and a `help` word among the arguments) ends with: the grammar, exit 255.
fn usage() -> Failure {
    Failure::Usage(USAGE.trim_end().to_owned())
}

/// The family of the rules: `-4`/`-6`, else `AF_UNSPEC` (which a request sends as IPv4).
fn family(ctx: &Ctx) -> Option<rtnl_ip::Family> {
    match ctx.opts.family {
        Family::Inet => Some(rtnl_ip::Family::V4),
        Family::Inet6 => Some(rtnl_ip::Family::V6),
        _ => None,
    }
}

/// A prefix as `ip`'s `get_prefix()` reads it for `family`: `all`, `any` and `default` are
/// the empty prefix (`None`); else `Error: inet prefix is expected rather than "x".`, exit 1.
fn prefix(word: &str, family: Family) -> CmdResult<Option<IpPrefix>> {
    Ok(args::inet_prefix(word, family)?.given_prefix())
}

/// `sscanf(word, "%u-%u")`: the numbers read before the first mismatch (C's `%u` stores the
/// value modulo 2^32, and `%hu` modulo 2^16, which the callers do).
fn scan_range(word: &str) -> (Option<u64>, Option<u64>) {
    fn number(text: &str) -> (Option<u64>, &str) {
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return (None, text);
        }
        let value = text[..digits].bytes().fold(0u64, |n, d| {
            n.wrapping_mul(10).wrapping_add(u64::from(d - b'0'))
        });
        (Some(value), &text[digits..])
    }
    let (first, rest) = number(word.trim_start());
    let second = match (first, rest.strip_prefix('-')) {
        (Some(_), Some(rest)) => number(rest).0,
        _ => None,
    };
    (first, second)
}

/// `uidrange A-B`; else `invalid UID range`.
fn uid_range(word: &str) -> CmdResult<(u32, u32)> {
    match scan_range(word) {
        (Some(start), Some(end)) => Ok((start as u32, end as u32)),
        _ => Err(invarg("invalid UID range\n", word)),
    }
}

/// `sport`/`dport A[-B]`; else `msg`.
fn port_range(word: &str, msg: &str) -> CmdResult<(u16, u16)> {
    match scan_range(word) {
        (Some(start), Some(end)) => Ok((start as u16, end as u16)),
        (Some(start), None) => Ok((start as u16, start as u16)),
        _ => Err(invarg(msg, word)),
    }
}

/// `fwmark MARK[/MASK]`.
fn fwmark(word: &str) -> CmdResult<(u32, Option<u32>)> {
    let (mark, mask) = match word.split_once('/') {
        Some((mark, mask)) => (mark, Some(mask)),
        None => (word, None),
    };
    let mark =
        number::<u32>("fwmark", mark).map_err(|_| invarg("fwmark value is invalid\n", mark))?;
    let mask = match mask {
        Some(mask) => Some(
            number::<u32>("fwmask", mask).map_err(|_| invarg("fwmask value is invalid\n", mask))?,
        ),
        None => None,
    };
    Ok((mark, mask))
}

/// A realm word: `cosmos` (0) or a number.
fn realm(word: &str) -> Option<u32> {
    if word == "cosmos" {
        return Some(0);
    }
    number::<u32>("realms", word).ok()
}

/// `realms [SRC/]DST` (`get_rt_realms_or_raw()`): a raw number, or the source realm in the
/// high 16 bits and the destination realm in the low ones.
fn realms(word: &str) -> CmdResult<u32> {
    if let Ok(raw) = number::<u32>("realms", word) {
        return Ok(raw);
    }
    let bad = || invarg("invalid realms\n", word);
    let (from, to) = match word.split_once('/') {
        Some((from, to)) => (realm(from).ok_or_else(bad)?, realm(to).ok_or_else(bad)?),
        None => (0, realm(word).ok_or_else(bad)?),
    };
    if from > 0xffff || to > 0xffff {
        return Err(bad());
    }
    Ok(from << 16 | to)
}

/// An interface name as `ip`'s `check_ifname()` accepts it: not empty, shorter than
/// `IFNAMSIZ`, without `/` or white space (C's `isspace()`, vertical tab included).
fn ifname<'a>(args: &Args<'a>, word: &'a str, msg: &str) -> CmdResult<&'a [u8]> {
    let bytes = args.bytes(word);
    let bad = bytes.is_empty()
        || bytes.len() >= 16
        || bytes
            .iter()
            .any(|&b| b == b'/' || b == b' ' || (b'\t'..=b'\r').contains(&b));
    if bad {
        Err(naming(bytes, |word| invarg(msg, word)))
    } else {
        Ok(bytes)
    }
}

/// `add` and `delete`'s arguments (`iprule_modify()`), read into the spec.
fn parse_modify<'a>(ctx: &Ctx, args: &mut Args<'a>) -> CmdResult<RuleSpec<'a>> {
    let family = family(ctx);
    let mut spec = RuleSpec {
        family: family.map_or(0, rtnl_ip::Family::af),
        ..RuleSpec::default()
    };
    // `-0` asks for AF_PACKET rules, which the kernel refuses, as ip lets it.
    if ctx.opts.family == Family::Link {
        spec.family = af::PACKET;
    }
    let prefix_of = |word: &str| -> CmdResult<Option<(std::net::IpAddr, u8)>> {
        Ok(prefix(word, ctx.opts.family)?.map(|p| (p.addr(), p.prefix_len())))
    };
    while let Some(word) = args.next() {
        match word {
            "not" => spec.invert = true,
            "from" => spec.src = prefix_of(args.value()?)?,
            "to" => spec.dst = prefix_of(args.value()?)?,
            w if matches(w, "preference") || matches(w, "order") || matches(w, "priority") => {
                spec.priority = Some(args.value_by("preference value is invalid\n", |v| {
                    number("preference", v).ok()
                })?);
            }
            w if w == "tos" || matches(w, "dsfield") => {
                spec.tos = args.value_by("TOS value is invalid\n", names::parse_dsfield)?;
            }
            "fwmark" => {
                let (mark, mask) = fwmark(args.value()?)?;
                spec.fwmark = Some(mark);
                if mask.is_some() {
                    spec.fwmask = mask;
                }
            }
            w if matches(w, "realms") => spec.realms = Some(realms(args.value()?)?),
            w if matches(w, "protocol") => {
                spec.protocol =
                    Some(args.value_by("\"protocol\" value is invalid\n", names::parse_protocol)?);
            }
            w if matches(w, "tun_id") => return Err(args::unsupported("rule tun_id")),
            w if matches(w, "table") || w == "lookup" => {
                spec.table = Some(args.value_by("invalid table ID\n", names::parse_table)?);
            }
            w if matches(w, "suppress_prefixlength") || w == "sup_pl" => {
                let value = args.value()?;
                spec.suppress_prefixlen = Some(
                    number::<u32>("suppress_prefixlength", value)
                        .ok()
                        .filter(|&n| i32::try_from(n).is_ok())
                        .ok_or_else(|| invarg("suppress_prefixlength value is invalid\n", value))?,
                );
            }
            w if matches(w, "suppress_ifgroup") || w == "sup_group" => {
                spec.suppress_ifgroup = Some(
                    args.value_by("Invalid \"suppress_ifgroup\" value\n", names::parse_group)?,
                );
            }
            "dev" | "iif" => {
                let value = args.value()?;
                spec.iif = Some(ifname(args, value, "\"iif\"/\"dev\" not a valid ifname")?);
            }
            "oif" => {
                let value = args.value()?;
                spec.oif = Some(ifname(args, value, "\"oif\" not a valid ifname")?);
            }
            "l3mdev" => spec.l3mdev = true,
            "uidrange" => spec.uid_range = Some(uid_range(args.value()?)?),
            w if w == "nat" || matches(w, "map-to") => return Err(args::unsupported("rule nat")),
            "ipproto" => {
                spec.ip_proto =
                    Some(args.value_by("Invalid \"ipproto\" value\n", names::parse_ip_protocol)?);
            }
            "sport" => spec.sport = Some(port_range(args.value()?, "invalid port range\n")?),
            "dport" => spec.dport = Some(port_range(args.value()?, "invalid dport range\n")?),
            w => {
                let w = if w == "type" { args.value()? } else { w };
                if matches(w, "help") {
                    return Err(usage());
                } else if matches(w, "goto") {
                    spec.goto =
                        Some(args.value_by("invalid target\n", |v| number("goto", v).ok())?);
                    spec.action = Some(fr_act::GOTO);
                } else if matches(w, "nop") {
                    spec.action = Some(fr_act::NOP);
                    spec.goto = None;
                } else {
                    spec.action = Some(
                        names::parse_route_type(w)
                            .ok_or_else(|| invarg("Failed to parse rule type", w))?,
                    );
                    spec.goto = None;
                }
            }
        }
    }
    if spec.l3mdev && spec.table.is_some_and(|t| t != 0) {
        eprintln!("table can not be specified for l3mdev rules");
        return Err(Failure::Exit(22));
    }
    Ok(spec)
}

/// `rule add`: at least one word is needed.
fn add(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    if args.peek().is_none() {
        return Err(Failure::local("\"ip rule add\" requires arguments."));
    }
    let spec = parse_modify(ctx, args)?;
    ctx.handle()?.rule_add(&spec)?;
    ctx.warn();
    Ok(())
}

/// `rule delete`: at least one word is needed.
fn delete(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    if args.peek().is_none() {
        return Err(Failure::local("\"ip rule del\" requires arguments."));
    }
    let spec = parse_modify(ctx, args)?;
    ctx.handle()?.rule_del(&spec)?;
    ctx.warn();
    Ok(())
}

/// `show` and `flush`'s selectors (`iprule_list_flush_or_save()`); rules of IPv4 unless
/// `-6`. `protocol` is kept only for a flush, as `ip` does.
fn parse_filter<'a>(ctx: &Ctx, args: &mut Args<'a>, flushing: bool) -> CmdResult<RuleFilter<'a>> {
    let family = family(ctx).unwrap_or(rtnl_ip::Family::V4);
    let mut f = RuleFilter::new().family(family);
    // `-0` dumps AF_PACKET rules, which the kernel refuses, as ip lets it.
    if ctx.opts.family == Family::Link {
        f.dump.family = af::PACKET;
    }
    let prefix_or_default = |word: &str| -> CmdResult<IpPrefix> {
        // ip reads them in the family of -4/-6/-0, IPv4 without one.
        let read_in = match ctx.opts.family {
            Family::Any => Family::Inet,
            other => other,
        };
        Ok(prefix(word, read_in)?.unwrap_or(IpPrefix::default_route(family)))
    };
    while let Some(word) = args.next() {
        match word {
            w if matches(w, "preference") || matches(w, "order") || matches(w, "priority") => {
                f.priority = Some(args.value_by("preference value is invalid\n", |v| {
                    number("preference", v).ok()
                })?);
            }
            "not" => f.invert = true,
            "tos" | "dsfield" => {
                f.tos = Some(args.value_by("TOS value is invalid\n", names::parse_dsfield)?);
            }
            "fwmark" => {
                let (mark, mask) = fwmark(args.value()?)?;
                f.fwmark = mark;
                if let Some(mask) = mask {
                    f.fwmask = mask;
                }
            }
            "dev" | "iif" => {
                let value = args.value()?;
                f.iif = Some(ifname(args, value, "\"iif\"/\"dev\" not a valid ifname")?);
            }
            "oif" => {
                let value = args.value()?;
                f.oif = Some(ifname(args, value, "\"oif\" not a valid ifname")?);
            }
            "l3mdev" => f.l3mdev = true,
            "uidrange" => f.uid_range = Some(uid_range(args.value()?)?),
            w if matches(w, "tun_id") => {
                f.tun_id = args.value_by("\"tun_id\" value is invalid\n", |v| {
                    number("tun_id", v).ok()
                })?;
            }
            w if matches(w, "lookup") || matches(w, "table") => {
                f.table = args.value_by("table id value is invalid\n", names::parse_table)?;
            }
            w if matches(w, "from") || matches(w, "src") => {
                f.src = Some(prefix_or_default(args.value()?)?);
            }
            w if matches(w, "protocol") => {
                let value = args.value()?;
                let protocol = match names::parse_protocol(value) {
                    Some(protocol) => Some(protocol),
                    None if value == "all" => None,
                    None => return Err(invarg("invalid \"protocol\"\n", value)),
                };
                if flushing {
                    f.protocol = protocol;
                }
            }
            "ipproto" => {
                f.ip_proto =
                    args.value_by("Invalid \"ipproto\" value\n", names::parse_ip_protocol)?;
            }
            "sport" => f.sport = Some(port_range(args.value()?, "invalid port range\n")?),
            "dport" => f.dport = Some(port_range(args.value()?, "invalid dport range\n")?),
            w => {
                let value = if matches(w, "dst") || matches(w, "to") {
                    args.value()?
                } else {
                    w
                };
                f.dst = Some(prefix_or_default(value)?);
            }
        }
    }
    Ok(f)
}

/// A failed rule dump, as `ip rule` reports it: the error, then `Dump terminated`, exit 255
/// (`ip rule` returns 1, which ip's `do_cmd()` negates).
fn dump_failed(e: rtnl_ip::Error) -> Failure {
    Failure::Usage(format!("{e}\nDump terminated"))
}

/// `rule show`: one rule dump, each rule printed as it arrives.
fn show(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let filter = parse_filter(ctx, args, false)?;
    let details = ctx.opts.details;
    let mut p = ctx.printer();
    p.start_list();
    let result = ctx
        .handle()?
        .for_each_rule(&filter, |m| show::rule::rule(&mut p, m, details))
        .map_err(dump_failed);
    p.end_list();
    ctx.finish(p, result)
}

/// `rule flush`: deletes every rule the selectors pick that has a priority.
fn flush(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let filter = parse_filter(ctx, args, true)?;
    ctx.handle()?.rule_flush(&filter).map_err(dump_failed)?;
    Ok(())
}
