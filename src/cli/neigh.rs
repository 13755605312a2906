//! `rtnl neigh`: `ip neigh add / change / replace / delete / get / show / flush`
//! (`ip/ipneigh.c`).
//!
//! ```text
//! neigh {add|del|change|replace} {ADDR [lladdr LLADDR] [nud STATE] | proxy ADDR} [dev DEV]
//!       [router] [use] [managed] [extern_learn] [protocol PROTO]
//! neigh {show|flush} [proxy] [to PREFIX] [dev DEV] [nud STATE] [master DEV] [nomaster]
//!       [unused] [protocol PROTO]
//! neigh get {ADDR | proxy ADDR} dev DEV
//! ```
//!
//! `-4` / `-6` limit every command to one family, and `-s` adds the cache times and probes, as
//! with `ip`.

use std::net::IpAddr;

use rtnl_ip::codec::{af, nlm_f, ntf, ntf_ext, nud};
use rtnl_ip::show::lookup::LinkTable;
use rtnl_ip::show::neigh::{NeighbourStyle, neighbour};
use rtnl_ip::{ErrorKind, LinkRef, NeighbourFilter, NeighbourSpec, names};

use super::args::Cmd;
use super::args::{self, Args, CmdResult, Failure, duparg, duparg2, invarg, matches, naming};
use super::route::{VrfLink, vrf_link};
use super::{Ctx, Family};

/// `ip neigh`'s commands in the order `ip` tries them (`a` is `add`, `d` is `delete`, `s` is
/// `show`).
const COMMANDS: &[(&str, Cmd)] = &[
    ("add", |ctx, args| modify(ctx, args, Verb::Add)),
    ("change", |ctx, args| modify(ctx, args, Verb::Change)),
    ("chg", |ctx, args| modify(ctx, args, Verb::Change)),
    ("replace", |ctx, args| modify(ctx, args, Verb::Replace)),
    ("delete", |ctx, args| modify(ctx, args, Verb::Delete)),
    ("get", get),
    ("show", |ctx, args| show_or_flush(ctx, args, false)),
    ("lst", |ctx, args| show_or_flush(ctx, args, false)),
    ("list", |ctx, args| show_or_flush(ctx, args, false)),
    ("flush", |ctx, args| show_or_flush(ctx, args, true)),
    ("help", help),
];

/// `rtnl neigh ...`; no command is `show`.
pub fn run(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let Some(word) = args.next() else {
        return show_or_flush(ctx, args, false);
    };
    // `chg` is compared whole, as ip does.
    let found = COMMANDS.iter().find(|(name, _)| {
        if *name == "chg" {
            word == "chg"
        } else {
            matches(word, name)
        }
    });
    match found {
        Some((_, cmd)) => cmd(ctx, args),
        None => Err(Failure::Usage(format!(
            "Command \"{word}\" is unknown, try \"ip neigh help\"."
        ))),
    }
}

/// What `ip neigh help` prints (on stderr, exit 255).
const USAGE: &str = "\
Usage: ip neigh { add | del | change | replace }
                { ADDR [ lladdr LLADDR ] [ nud STATE ] proxy ADDR }
                [ dev DEV ] [ router ] [ use ] [ managed ] [ extern_learn ]
                [ protocol PROTO ]

\tip neigh { show | flush } [ proxy ] [ to PREFIX ] [ dev DEV ] [ nud STATE ]
\t\t\t\t  [ vrf NAME ] [ nomaster ]
\tip neigh get { ADDR | proxy ADDR } dev DEV

STATE := { delay | failed | incomplete | noarp | none |
           permanent | probe | reachable | stale }";

/// `rtnl neigh help`.
fn help(_: &mut Ctx, _: &mut Args<'_>) -> CmdResult {
    Err(Failure::Usage(USAGE.to_owned()))
}

/// The change a command asks for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Verb {
    Add,
    Change,
    Replace,
    Delete,
}

/// `nud STATE` as `ip`'s `nud_state_a2n()` reads it: a word (`perm`, `reach`, `fail` may be
/// shortened), or a number that is one `NUD_*` bit (or 0).
fn nud_state(word: &str) -> Option<u16> {
    let exact = [
        ("noarp", nud::NOARP),
        ("none", nud::NONE),
        ("stale", nud::STALE),
        ("incomplete", nud::INCOMPLETE),
        ("delay", nud::DELAY),
        ("probe", nud::PROBE),
    ];
    if matches(word, "permanent") {
        Some(nud::PERMANENT)
    } else if matches(word, "reachable") {
        Some(nud::REACHABLE)
    } else if let Some((_, state)) = exact.iter().find(|(name, _)| *name == word) {
        Some(*state)
    } else if matches(word, "failed") {
        Some(nud::FAILED)
    } else {
        let n = args::number::<u32>("nud", word).ok()?;
        u16::try_from(n)
            .ok()
            .filter(|n| *n < 0x100 && n & n.wrapping_sub(1) == 0)
    }
}

/// A destination as `ip`'s `get_addr()` reads it, in the family of `-4`/`-6`: `None` for
/// `default`, `any` and `all` read in no family, which ip takes as no destination. ip sends
/// those words with no address bytes in a family (and `default` with `-f bridge`), which rtnl
/// cannot: it refuses them.
fn address(ctx: &Ctx, word: &str) -> CmdResult<Option<IpAddr>> {
    let inet = args::inet_addr(word, ctx.opts.family)?;
    if inet.addr.is_none() && inet.family == Family::Any {
        return Ok(None);
    }
    inet.required(word).map(Some)
}

/// `neigh add|change|replace|delete` (`ipneigh_modify()`).
fn modify(ctx: &mut Ctx, args: &mut Args<'_>, verb: Verb) -> CmdResult {
    let mut lladdr: Option<&str> = None;
    let mut state = nud::PERMANENT;
    let mut flags = 0u8;
    let mut ext_flags = 0u32;
    let mut protocol = None;
    let mut dev: Option<&[u8]> = None;
    // ip's `dst_ok`, and the address (see [`address`]).
    let mut dst: Option<Option<IpAddr>> = None;
    let mut dev_ok = false;
    while let Some(word) = args.next() {
        if matches(word, "lladdr") {
            lladdr = Some(args.value_once("lladdr", &lladdr)?);
        } else if word == "nud" {
            let value = args.value()?;
            state = nud_state(value).ok_or_else(|| invarg("nud state is bad", value))?;
        } else if matches(word, "proxy") {
            let value = args.value()?;
            if matches(value, "help") {
                return help(ctx, args);
            }
            if dst.is_some() {
                return Err(duparg("address", value));
            }
            dst = Some(address(ctx, value)?);
            dev_ok = true;
            flags |= ntf::PROXY;
        } else if word == "router" {
            flags |= ntf::ROUTER;
        } else if word == "use" {
            flags |= ntf::USE;
        } else if word == "managed" {
            ext_flags |= ntf_ext::MANAGED;
            state = nud::NONE;
        } else if matches(word, "extern_learn") {
            flags |= ntf::EXT_LEARNED;
        } else if word == "dev" {
            let value = args.value()?;
            dev = Some(args.bytes(value));
            dev_ok = true;
        } else if matches(word, "protocol") {
            let value = args.value()?;
            let proto = names::parse_protocol(value)
                .ok_or_else(|| invarg("\"protocol\" value is invalid\n", value))?;
            protocol = Some(proto);
        } else {
            let mut word = word;
            if word == "to" || matches(word, "help") {
                word = args.value()?;
            }
            if dst.is_some() {
                return Err(duparg2("to", word));
            }
            dst = Some(address(ctx, word)?);
        }
    }
    let Some(dst) = dst.flatten().filter(|_| dev_ok) else {
        exit_now(
            ctx,
            &Failure::Usage("Device and destination are required arguments.".into()),
        );
    };
    let lladdr = match lladdr {
        Some(word) if word != "null" => {
            let mut bytes = args::lladdr(word)?;
            // ip reads at most 20 bytes (ll_addr_a2n into its 20-byte buffer).
            bytes.truncate(20);
            Some(bytes)
        }
        _ => None,
    };
    // A message naming the device prints its bytes.
    let named = |failure: Failure| naming(dev.unwrap_or_default(), |_| failure);
    // `proxy ADDR` without a device: ip sends index 0, and the kernel answers.
    let dev = dev.map_or(LinkRef::Index(0), LinkRef::from);
    let mut spec = NeighbourSpec::new(dev, dst).state(state).flag(flags);
    spec.request.ext_flags = ext_flags;
    spec.request.protocol = protocol;
    if let Some(lladdr) = &lladdr {
        spec = spec.lladdr(lladdr);
    }
    let handle = ctx.handle()?;
    let result = match verb {
        Verb::Add => handle.neigh_add(&spec),
        Verb::Change => handle.neigh_change(&spec),
        Verb::Replace => handle.neigh_replace(&spec),
        Verb::Delete => handle.neigh_del(&spec),
    };
    match result {
        Ok(()) => {
            ctx.warn();
            Ok(())
        }
        Err(e) if matches!(e.kind(), ErrorKind::Kernel(_)) => exit_now(ctx, &Failure::Lib(e)),
        Err(e) => Err(named(Failure::Lib(e))),
    }
}

/// Ends the whole run at once, as `ip neigh` does with `exit()` for a refused change or missing
/// arguments: a batch stops there, without `Command failed`.
fn exit_now(ctx: &mut Ctx, failure: &Failure) -> ! {
    exit_with(ctx, failure, failure.code())
}

/// [`exit_now`] with the exit code `ip` uses there.
fn exit_with(ctx: &mut Ctx, failure: &Failure, code: u8) -> ! {
    ctx.flush();
    eprintln!("{failure}");
    std::process::exit(i32::from(code));
}

/// `neigh get {ADDR | proxy ADDR} dev DEV` (`ipneigh_get()`): printed as text even with `-j`,
/// as `ip` does.
fn get(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let mut dev: Option<&[u8]> = None;
    // ip's `dst_ok`, and the address (see [`address`]).
    let mut dst: Option<Option<IpAddr>> = None;
    let mut proxy = false;
    while let Some(word) = args.next() {
        if word == "dev" {
            let value = args.value()?;
            dev = Some(args.bytes(value));
        } else if matches(word, "proxy") {
            let value = args.value()?;
            if matches(value, "help") {
                return help(ctx, args);
            }
            if dst.is_some() {
                return Err(duparg("address", value));
            }
            dst = Some(address(ctx, value)?);
            proxy = true;
        } else {
            let word = if word == "to" { args.value()? } else { word };
            if matches(word, "help") {
                return help(ctx, args);
            }
            if dst.is_some() {
                return Err(duparg2("to", word));
            }
            dst = Some(address(ctx, word)?);
        }
    }
    let (Some(dst), Some(dev)) = (dst.flatten(), dev) else {
        return Err(Failure::Local(
            "Device and address are required arguments.".into(),
        ));
    };
    let style = NeighbourStyle {
        stats: ctx.opts.stats > 0,
        dev_filtered: false,
        brief: ctx.opts.brief,
    };
    let handle = ctx.handle()?;
    let mut links = LinkTable::new(handle);
    let mut p = text_printer(ctx);
    let result = ctx
        .handle()?
        .neigh_get_with(LinkRef::from(dev), dst, proxy, |m| {
            neighbour(&mut p, m, &mut links, style);
        })
        .map_err(|e| naming(dev, |_| Failure::Lib(e)));
    ctx.finish(p, result)
}

/// The stdout printer in text, `-j` and `-o` or not: `ip` prints `neigh get` and `neigh flush
/// -s -s` as text (coloured with `-c`, but not with `-j` too).
fn text_printer(ctx: &mut Ctx) -> super::Out {
    let json = std::mem::replace(&mut ctx.opts.json, false);
    let mut p = ctx.printer();
    ctx.opts.json = json;
    p.set_oneline(false);
    p.set_color(ctx.opts.palette());
    p
}

/// `neigh show|flush` (`do_show_or_flush()`).
fn show_or_flush(ctx: &mut Ctx, args: &mut Args<'_>, flush: bool) -> CmdResult {
    let mut filter = NeighbourFilter::new();
    filter.dump.family = match ctx.opts.family {
        Family::Inet => af::INET,
        Family::Inet6 => af::INET6,
        Family::Bridge => af::BRIDGE,
        _ => af::UNSPEC,
    };
    if flush {
        if args.peek().is_none() {
            return Err(Failure::Local("Flush requires arguments.".into()));
        }
        filter.states = NeighbourFilter::FLUSH_STATES;
    }
    let mut dev: Option<&[u8]> = None;
    let mut state_given = false;
    while let Some(word) = args.next() {
        if word == "dev" {
            let value = args.value_once("dev", &dev)?;
            dev = Some(args.bytes(value));
        } else if word == "master" {
            let value = args.value()?;
            let index = ctx
                .handle()?
                .link_index(LinkRef::from(args.bytes(value)))
                .map_err(|_| naming(args.bytes(value), |v| invarg("Device does not exist\n", v)))?;
            filter.master = Some(LinkRef::Index(index));
            filter.dump.master = None;
        } else if word == "vrf" {
            // ip's name_is_vrf(): a link of kind `vrf`, its index the master filter.
            let value = args.value()?;
            let name = args.bytes(value);
            let VrfLink::Vrf { index, .. } = vrf_link(ctx, name)? else {
                return Err(naming(name, |v| invarg("Not a valid VRF name\n", v)));
            };
            filter.master = Some(LinkRef::Index(index));
            filter.dump.master = None;
        } else if word == "nomaster" {
            filter = filter.nomaster();
        } else if word == "unused" {
            filter.unused = true;
        } else if word == "nud" {
            let value = args.value()?;
            if !state_given {
                state_given = true;
                filter.states = 0;
            }
            let mut state = match nud_state(value) {
                Some(state) => u32::from(state),
                None if value == "all" => {
                    if flush {
                        !u32::from(nud::NOARP)
                    } else {
                        u32::MAX
                    }
                }
                None => return Err(invarg("nud state is bad", value)),
            };
            if state == 0 {
                state = NeighbourFilter::STATE_NONE;
            }
            filter.states |= state;
        } else if word == "proxy" {
            filter.dump.proxy = true;
        } else if matches(word, "protocol") {
            let value = args.value()?;
            filter.protocol = match names::parse_protocol(value) {
                Some(proto) => proto,
                None if value == "all" => 0,
                None => return Err(invarg("invalid \"protocol\"\n", value)),
            };
        } else {
            let word = if word == "to" { args.value()? } else { word };
            if matches(word, "help") {
                return help(ctx, args);
            }
            // ip reads the prefix in the family of the dump, which the first prefix sets.
            let family = match filter.dump.family {
                af::INET => Family::Inet,
                af::INET6 => Family::Inet6,
                _ => ctx.opts.family,
            };
            let inet = args::inet_prefix(word, family)?;
            // ip's get_prefix() reads `default`, `any` and `all` as the empty prefix, which
            // every entry matches (inet_addr_match_rta() with no bits), in any family; a later
            // one undoes an earlier prefix but keeps the family it set.
            let Some(prefix) = inet.given_prefix() else {
                filter.to = None;
                continue;
            };
            if filter.dump.family == af::UNSPEC {
                filter.dump.family = prefix.family().af();
            }
            filter.to = Some(prefix);
        }
    }
    if let Some(dev) = dev {
        let index = ctx
            .handle()?
            .link_index(LinkRef::from(dev))
            .map_err(|e| naming(dev, |_| Failure::Lib(e)))?;
        filter.dev = Some(LinkRef::Index(index));
    }
    if flush {
        return flush_neighbours(ctx, &filter);
    }
    let style = NeighbourStyle {
        stats: ctx.opts.stats > 0,
        dev_filtered: filter.dev.is_some(),
        brief: ctx.opts.brief,
    };
    let mut links = LinkTable::new(ctx.handle()?);
    let mut p = ctx.printer();
    p.start_list();
    // A kernel that did not filter by master (the bridge's FDB dump never does) marks no reply
    // NLM_F_DUMP_FILTERED: ip says so once, on its output, in the middle of JSON too.
    let mut warn = filter.master.is_some() || filter.dump.master.is_some();
    let result = ctx.handle()?.for_each_neighbour(&filter, |m| {
        if warn && m.message().flags() & nlm_f::DUMP_FILTERED == 0 {
            warn = false;
            p.raw(format_args!(
                "\nWARNING: Kernel does not support filtering by master device\n\n"
            ));
        }
        neighbour(&mut p, m, &mut links, style);
    });
    match result {
        Ok(()) => {
            p.end_list();
            ctx.finish(p, Ok(()))
        }
        Err(e) => {
            // ip ends with exit(1) after `Dump terminated` (a batch too), its output as far as
            // it got (with -j, an open `[`).
            let failure = Failure::dump("Dump")(e);
            let _ = ctx.finish(p, Ok(()));
            exit_with(ctx, &failure, 1)
        }
    }
}

/// `neigh flush`: deletes what the filter keeps, in rounds; with `-s` says how it went, and
/// with `-s -s` prints each entry as it goes (as text, as ip does, `-j` or not).
fn flush_neighbours(ctx: &mut Ctx, filter: &NeighbourFilter<'_>) -> CmdResult {
    let stats = ctx.opts.stats;
    let style = NeighbourStyle {
        stats: true,
        dev_filtered: filter.dev.is_some(),
        brief: ctx.opts.brief,
    };
    let mut links = LinkTable::new(ctx.handle()?);
    let mut p = text_printer(ctx);
    let (mut current, mut count) = (0, 0);
    let round_line = |p: &mut super::Out, round: usize, count: usize| {
        if stats > 0 {
            p.text(format_args!(
                "\n*** Round {round}, deleting {count} entries ***\n"
            ));
        }
    };
    let rounds = ctx.handle()?.neigh_flush(filter, |round, m| {
        if round != current {
            if current != 0 {
                round_line(&mut p, current, count);
            }
            (current, count) = (round, 0);
        }
        count += 1;
        if stats > 1 {
            neighbour(&mut p, m, &mut links, style);
        }
    });
    // ip counts a round only once its deletions went out: a refused one ends the run before
    // the round's line.
    let refused = matches!(&rounds, Err(e) if e.op() == NeighbourFilter::FLUSH_OP);
    if current != 0 && !refused {
        round_line(&mut p, current, count);
    }
    // What was printed goes out before a failure's message.
    let _ = ctx.finish(p, Ok(()));
    // ip's flush ends with exit(1) on either failure, a batch too.
    let rounds = match rounds {
        Ok(rounds) => rounds,
        Err(e) if refused => {
            let why = e
                .errno()
                .and_then(|errno| rtnl_ip::sys::strerror(errno.raw_os_error()))
                .map_or_else(|| e.to_string(), str::to_owned);
            let failure = Failure::Local(format!("Failed to send flush request: {why}"));
            exit_with(ctx, &failure, 1)
        }
        Err(e) => exit_with(ctx, &Failure::dump("Flush")(e), 1),
    };
    match rounds {
        Some(rounds) => {
            if stats > 0 {
                if rounds == 0 {
                    ctx.out.push_str("Nothing to flush.\n");
                } else {
                    let s = if rounds > 1 { "s" } else { "" };
                    ctx.out.push_str(&format!(
                        "*** Flush is complete after {rounds} round{s} ***\n"
                    ));
                }
            }
            Ok(())
        }
        None => {
            ctx.out
                .push_str("*** Flush not complete bailing out after 10 rounds\n");
            Err(Failure::Exit(1))
        }
    }
}
