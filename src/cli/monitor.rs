//! `rtnl monitor`: `ip [-t|-ts] monitor [all|label] [link] [address] [route] [rule] [nsid] [neigh] [file
//! FILE] [all-nsid] [dev DEV]`, printing each event as `ip monitor` does, until killed; with
//! `file`, the events `rtmon` saved. `all-nsid` adds the events of every namespace that has an
//! nsid here, each led by `[nsid N]` (`[nsid current]` for this one); `dev DEV` keeps DEV's
//! links, addresses, routes and neighbours.
//!
//! Links print as `ip link` prints them (without `mode` and `qlen`, as `ip monitor` does),
//! addresses as `INDEX: DEV    inet ...`, routes as `ip route show table all`, nsids as
//! `nsid N (iproute2 netns name: NAME)`, rules as `ip rule show`, neighbours as `ip neigh
//! show`; removals start with `Deleted `. With `all` or `label` each line starts with its
//! kind: `[LINK]`, `[ADDR]`, `[ROUTE]`, `[RULE]`, `[NSID]`, `[NEIGH]`. Without an object every kind is shown. `-j` does not change
//! the output (`ip monitor` prints text too).

use std::fmt;
use std::io::Write;
use std::os::unix::ffi::OsStrExt as _;

use rtnl_ip::codec::{Message, af};
use rtnl_ip::monitor::{Monitor, MonitorGroups, Payload};
use rtnl_ip::show::lookup::LinkTable;
use rtnl_ip::show::monitor::MonitorContext;
use rtnl_ip::show::{self, Printer};

use super::args::{Args, CmdResult, Failure, matches, naming};
use super::{Ctx, Family, netns_ref};

/// What a word of `ip monitor` does.
#[derive(Clone, Copy)]
enum Word {
    /// An object: the groups of the family of that name, unsupported when rtnl has no such
    /// family (yet).
    Object,
    /// A word `ip monitor` knows that `rtnl` does not read (yet).
    Unsupported,
    /// `file FILE`: print a saved stream.
    File,
    /// `label`, `all`: `[KIND]` before each event.
    Label,
    /// `all-nsid`: events of every namespace with an nsid here too, each led by `[nsid N]`.
    AllNsid,
    /// `dev DEV`: only this device's links, addresses, routes and neighbours.
    Dev,
    /// `help`.
    Help,
}

/// `ip monitor`'s words in the order `do_ipmonitor()` tries them, with `true` where it
/// compares the whole word (`strcmp`) rather than a prefix (`matches`): `l` is `label`, `a`
/// is `address`. The objects rtnl shows are the families of the library's list
/// ([`MonitorGroups::object`]); the others are refused as unsupported.
const WORDS: [(&str, bool, Word); 17] = [
    ("file", false, Word::File),
    ("label", false, Word::Label),
    ("link", false, Word::Object),
    ("address", false, Word::Object),
    ("route", false, Word::Object),
    ("mroute", false, Word::Object),
    ("prefix", false, Word::Object),
    ("neigh", false, Word::Object),
    ("netconf", false, Word::Object),
    ("rule", false, Word::Object),
    ("nsid", false, Word::Object),
    ("nexthop", false, Word::Object),
    ("stats", true, Word::Unsupported),
    ("all", true, Word::Label),
    ("all-nsid", false, Word::AllNsid),
    ("help", false, Word::Help),
    ("dev", true, Word::Dev),
];

/// How each event starts (`print_headers()`): `-t`/`-ts`, `[KIND]` with `label`/`all`.
#[derive(Clone, Copy, Default)]
struct Headers {
    /// `-t`/`-timestamp`: a `Timestamp: ...` line; `-ts`/`-tshort`: a `[...]` prefix.
    timestamp: Option<Stamp>,
    /// `label`/`all`.
    label: bool,
    /// `-4`/`-6`: routes of the other family are left out (`AF_*`), as `print_route()` does;
    /// addresses are not filtered (only the groups joined are); neighbours of the other
    /// family are skipped.
    family: Option<u8>,
    /// `all-nsid`: `[nsid N]` (`[nsid current]` for the monitor's own namespace) after the
    /// time stamp.
    all_nsid: bool,
    /// The nsid of the namespace the event came from (`None`: the monitor's own).
    nsid: Option<i32>,
    /// The event came from another namespace: its links are remembered by index as ip's cache
    /// remembers them (a name kept stays, the flags change; a removal forgets the index).
    foreign: bool,
    /// `dev DEV` (its index): links, addresses, routes (by `RTA_OIF`) and neighbours of other
    /// devices are left out after their `[KIND]` (ipmonitor's reset filters); routes and
    /// neighbours then print without `dev`.
    dev: Option<u32>,
    /// `-s`: neighbours with their `used`/`confirmed`/`updated` times and probes, routes with
    /// their `users`/`used`/`age`.
    stats: bool,
    /// `-br`: neighbours, links and addresses in their brief forms, as ip 6.1 prints them.
    brief: bool,
}

/// Which timestamp `-t` and `-ts` print.
#[derive(Clone, Copy)]
enum Stamp {
    /// `-t`: `Timestamp: Thu Dec  3 19:15:49 2026 775911 usec` on its own line.
    Long,
    /// `-ts`: `[2026-12-03T19:15:49.775911] ` before the event.
    Short,
}

/// `rtnl monitor ...`.
pub fn run(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let mut groups = MonitorGroups::empty();
    let mut label = false;
    let mut file = None;
    let mut all_nsid = false;
    let mut dev = None;
    while let Some(word) = args.next() {
        let found = WORDS.iter().find(|(name, exact, _)| {
            if *exact {
                word == *name
            } else {
                matches(word, name)
            }
        });
        match found.map(|(name, _, what)| (name, what)) {
            Some((_, Word::File)) => file = Some(args.value()?),
            Some((_, Word::Label)) => label = true,
            Some((_, Word::AllNsid)) => all_nsid = true,
            Some((_, Word::Dev)) => {
                let name = args.value()?;
                // ll_name_to_index(): the link of that name, else `ifN` is index N.
                dev = Some(match super::link::argument_device(ctx, args.bytes(name)) {
                    Err(e) => ll_idx_a2n(name).ok_or(e)?,
                    found => found?,
                });
            }
            Some((name, Word::Object)) => match MonitorGroups::object(name) {
                Some(group) => groups |= group,
                None => return Err(super::args::unsupported(&format!("monitor {name}"))),
            },
            Some((name, Word::Unsupported)) => {
                return Err(super::args::unsupported(&format!("monitor {name}")));
            }
            Some((_, Word::Help)) => {
                let objects: Vec<&str> = MonitorGroups::objects().collect();
                return Err(Failure::Usage(format!(
                    "Usage: rtnl monitor [ all | OBJECTS ] [ FILE ] [ label ] [ all-nsid ]\n\
                     \x20                   [ dev DEVICE ]\n\
                     OBJECTS :=  {}\n\
                     FILE := file FILENAME",
                    objects.join(" | ")
                )));
            }
            None => {
                return Err(Failure::Usage(format!(
                    "Argument \"{word}\" is unknown, try \"ip monitor help\"."
                )));
            }
        }
    }
    let headers = Headers {
        timestamp: match (ctx.opts.timestamp, ctx.opts.timestamp_short) {
            (_, true) => Some(Stamp::Short),
            (true, false) => Some(Stamp::Long),
            (false, false) => None,
        },
        label,
        family: match ctx.opts.family {
            Family::Inet => Some(af::INET),
            Family::Inet6 => Some(af::INET6),
            _ => None,
        },
        stats: ctx.opts.stats > 0,
        brief: ctx.opts.brief,
        all_nsid,
        // A file's events are this namespace's: `[nsid current]`, as ip prints them.
        nsid: None,
        foreign: false,
        dev,
    };
    if let Some(file) = file {
        return from_file(ctx, file, headers);
    }
    if groups.is_empty() {
        groups = MonitorGroups::ALL;
    }
    // -4 / -6 keep one family's addresses, routes and rules.
    // Neighbours of the other family are skipped as they come, as ip does.
    match ctx.opts.family {
        Family::Inet => groups = groups & MonitorGroups::of_family(af::INET),
        Family::Inet6 => groups = groups & MonitorGroups::of_family(af::INET6),
        _ => {}
    }
    // Subscribe first, then open the names: an event that comes meanwhile is not missed.
    let mut monitor = match &ctx.opts.netns {
        None => Monitor::new(groups)?,
        Some(ns) => Monitor::in_netns(netns_ref(ns), groups)
            .map_err(|e| naming(ns.as_bytes(), |_| Failure::LibUsage(e)))?,
    };
    if all_nsid {
        monitor.listen_all_nsid()?;
    }
    let handle = ctx.handle()?;
    monitor.set_deadline(handle.deadline());
    let mut links = LinkTable::new(handle);
    links.load_netns_names(handle);
    let details = ctx.opts.details;
    // ip monitor prints text, -j or not.
    // The show commands' writer type, so the renderers are compiled once for both.
    let stdout = std::io::BufWriter::with_capacity(super::OUT_BUFFER, std::io::stdout().lock());
    let mut p = Printer::new(stdout, false, false);
    p.set_oneline(ctx.opts.oneline);
    p.set_color(ctx.opts.palette());
    let mut resync = false;
    loop {
        monitor.next_with_nsid(|nsid, payload| {
            // A new nsid may be a named namespace's: read the names again first.
            if let Payload::NewNsid(m) = &payload
                && m.nsid().is_some_and(|n| links.netns_name(n).is_none())
                && let Ok(handle) = ctx.handle()
            {
                links.load_netns_names(handle);
            }
            let headers = Headers {
                nsid,
                foreign: nsid.is_some(),
                ..headers
            };
            event(&mut p, &payload, &mut links, &mut resync, headers, details);
        })?;
        // A link not found now may come later under the same index: ask again then.
        links.forget_unknown();
        // A monitor's lines go out as they come (ip monitor block-buffers into a pipe and
        // loses lines when killed).
        if p.flush().is_err() {
            std::process::exit(0);
        }
    }
}

/// `-echo`: after a command that added, changed or removed something, what the kernel echoed
/// for it, printed as `ip`'s `rtnl_echo_talk` prints it: as a monitor line, in a JSON list of
/// one object with `-j` (`[{}]` when the kernel echoed nothing).
pub fn print_echo(ctx: &mut Ctx) -> CmdResult {
    let Some(echo) = ctx.handle.as_mut().and_then(rtnl_ip::Handle::take_echo) else {
        return Ok(());
    };
    let details = ctx.opts.details;
    let mut links = LinkTable::new(ctx.handle()?);
    let mut p = ctx.printer();
    p.start_list();
    p.open_object(None);
    if let Some(bytes) = &echo
        && let Ok(payload) = rtnl_ip::codec::Message::parse(bytes).and_then(Payload::from_message)
    {
        event(
            &mut p,
            &payload,
            &mut links,
            &mut false,
            Headers::default(),
            details,
        );
    }
    p.close_object();
    p.end_list();
    ctx.finish(p, Ok(()))
}

/// The largest message `ip monitor file` reads (`rtnl_from_file()`'s buffer).
const FILE_MESSAGE_MAX: usize = 16384;

/// `NLMSG_TSTAMP`: the time stamp `rtmon` writes before each event (`<libnetlink.h>`).
const NLMSG_TSTAMP: u16 = 15;

/// `monitor file FILE`: the messages saved by `rtmon file FILE` (or any stream of netlink
/// messages, each padded to 4 bytes) printed as live events, `rtmon`'s time stamps as
/// `Timestamp:` lines, as `ip monitor file` (`rtnl_from_file()`) prints them. Other links are
/// named from the stream's link messages, else looked up in the current namespace.
fn from_file(ctx: &mut Ctx, file: &str, headers: Headers) -> CmdResult {
    let bytes = std::fs::read(file).map_err(|e| {
        let errno = e.raw_os_error().unwrap_or(0);
        let why = rtnl_ip::sys::strerror(errno).map_or_else(|| e.to_string(), str::to_owned);
        Failure::Usage(format!("Cannot fopen: {why}"))
    })?;
    let mut links = LinkTable::new(ctx.handle()?);
    let details = ctx.opts.details;
    // The show commands' writer type, so the renderers are compiled once for both.
    let stdout = std::io::BufWriter::with_capacity(super::OUT_BUFFER, std::io::stdout().lock());
    let mut p = Printer::new(stdout, false, false);
    let mut resync = false;
    let mut at = 0;
    let result = loop {
        let rest = bytes.get(at..).unwrap_or_default();
        if rest.is_empty() {
            break Ok(());
        }
        let Some(header) = rest.first_chunk::<16>() else {
            break Err("rtnl-from_file: truncated message".to_owned());
        };
        let len = u32::from_ne_bytes([header[0], header[1], header[2], header[3]]);
        let len = usize::try_from(len).unwrap_or(usize::MAX);
        if !(16..=FILE_MESSAGE_MAX).contains(&len) {
            // C's `int` in the message.
            #[allow(clippy::cast_possible_wrap)]
            let shown = len as i32;
            break Err(format!("!!!malformed message: len={shown} @{}", at + 16));
        }
        let padded = 16 + (len - 16).next_multiple_of(4);
        let Some(message) = rest.get(..padded) else {
            break Err("rtnl-from_file: truncated message".to_owned());
        };
        at += padded;
        let message = match Message::parse(message) {
            Ok(message) => message,
            Err(e) => break Err(format!("rtnl: {e}")),
        };
        if message.ty() == NLMSG_TSTAMP {
            stored_timestamp(&mut p, message.payload());
            continue;
        }
        match Payload::from_message(message) {
            Ok(payload) => event(&mut p, &payload, &mut links, &mut resync, headers, details),
            Err(e) => break Err(format!("rtnl: {e}")),
        }
    };
    let _ = p.flush();
    result.map_err(Failure::Local)
}

/// An `NLMSG_TSTAMP` of `rtmon`: seconds and microseconds, two `u32`s, printed as
/// `print_nlmsg_timestamp()` prints them.
fn stored_timestamp<W: Write>(p: &mut Printer<W>, payload: &[u8]) {
    let word = |i: usize| {
        payload
            .get(i..i + 4)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u32::from_ne_bytes)
    };
    let time = Time::from_unix(i64::from(word(0)));
    p.text(format_args!("Timestamp: {time} {} us\n", word(4)));
}

/// A time of day in UTC, as C's `asctime()` and `strftime("%Y-%m-%dT%H:%M:%S")` print it.
/// (The local time zone is not read: rtnl prints UTC, which is `ip`'s output where the zone
/// is UTC.)
struct Time {
    /// Years, months 1 to 12, days 1 to 31.
    date: (i64, u32, u32),
    /// Hours, minutes, seconds.
    clock: (u32, u32, u32),
    /// 0 is Sunday.
    weekday: u32,
}

impl Time {
    /// The UTC date and time `secs` seconds after 1970-01-01 (Howard Hinnant's
    /// `civil_from_days`).
    fn from_unix(secs: i64) -> Time {
        let days = secs.div_euclid(86_400);
        let of_day = u32::try_from(secs.rem_euclid(86_400)).unwrap_or(0);
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
        let month = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
        let year = yoe + era * 400 + i64::from(month <= 2);
        Time {
            date: (year, month, day),
            clock: (of_day / 3600, of_day / 60 % 60, of_day % 60),
            weekday: u32::try_from((days + 4).rem_euclid(7)).unwrap_or(0),
        }
    }

    /// Now.
    fn now() -> (Time, u32) {
        let since = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        let secs = i64::try_from(since.as_secs()).unwrap_or(i64::MAX);
        (Time::from_unix(secs), since.subsec_micros())
    }
}

/// `asctime()` without its newline: `Thu Dec  3 19:15:49 2026`.
impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let (year, month, day) = self.date;
        let (h, m, s) = self.clock;
        let weekday = DAYS.get(self.weekday as usize).unwrap_or(&"???");
        let month = MONTHS.get(month as usize - 1).unwrap_or(&"???");
        write!(f, "{weekday} {month}{day:>3} {h:02}:{m:02}:{s:02} {year}")
    }
}

/// One notification as `ip monitor` prints it (`[KIND]` first with `label`, `Deleted ` for a
/// removal), updating the link names it keeps; during a resync the tables are read, not
/// printed.
fn event<W: Write>(
    p: &mut Printer<W>,
    payload: &Payload<'_>,
    links: &mut LinkTable,
    resync: &mut bool,
    headers: Headers,
    details: bool,
) {
    let banner = |p: &mut Printer<W>, kind: &str, deleted: bool| {
        match headers.timestamp {
            None => {}
            Some(Stamp::Long) => {
                let (time, usec) = Time::now();
                p.text(format_args!("Timestamp: {time} {usec} usec\n"));
            }
            Some(Stamp::Short) => {
                let (time, usec) = Time::now();
                let (year, month, day) = time.date;
                let (h, m, s) = time.clock;
                p.text(format_args!(
                    "[{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}.{usec:06}] "
                ));
            }
        }
        if headers.all_nsid {
            match headers.nsid {
                Some(nsid) if nsid >= 0 => p.text(format_args!("[nsid {nsid}]")),
                _ => p.text(format_args!("[nsid current]")),
            }
        }
        if headers.label {
            p.text(format_args!("[{kind}]"));
        }
        if deleted {
            p.boolean(Some("deleted"), true, format_args!("Deleted "));
        }
    };
    match payload {
        Payload::ResyncBegin => {
            eprintln!("rtnl: events were lost; reading the kernel's tables again");
            *resync = true;
            links.clear();
        }
        Payload::ResyncEnd => *resync = false,
        Payload::NewLink(m) if *resync => links.insert(m),
        _ if *resync => {}
        Payload::Other(m) => unknown(m),
        payload => {
            let mut cx = MonitorContext {
                links,
                details,
                stats: headers.stats,
                brief: headers.brief,
                family: headers.family,
                dev: headers.dev,
                foreign: headers.foreign,
                banner: &banner,
            };
            show::monitor::notification(p, payload, &mut cx);
        }
    }
}

/// `ll_idx_a2n()`: the index `sscanf(name, "if%u")` reads from `ifN` (digits after `if`,
/// white space and a `+` allowed before them, anything after them ignored); `None` for 0 or
/// another word.
fn ll_idx_a2n(name: &str) -> Option<u32> {
    let rest = name.strip_prefix("if")?.trim_start();
    let rest = rest.strip_prefix('+').unwrap_or(rest);
    let end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    rest[..end].parse::<u32>().ok().filter(|&index| index != 0)
}

/// The message types `ip monitor` prints or ignores (`accept_msg()`); any other is reported
/// on stderr.
const IP_KNOWN_TYPES: [u16; 26] = [
    1, 2, 3, 15, 16, 17, 20, 21, 24, 25, 28, 29, 30, 32, 33, 52, 72, 73, 80, 81, 88, 89, 92, 104,
    105, 116,
];

/// A message `ip monitor` does not know: `Unknown message: type=...` on stderr, as
/// `accept_msg()` reports it. Those ip knows and rtnl does not print are left out.
fn unknown(m: &Message<'_>) {
    let ty = m.ty();
    if IP_KNOWN_TYPES.contains(&ty) || ty == 117 {
        return;
    }
    let (flags, len) = (m.flags(), m.bytes().len());
    eprintln!(
        "Unknown message: type=0x{ty:08x}({ty}) flags=0x{flags:08x}({flags}) len=0x{len:08x}({len})"
    );
}
