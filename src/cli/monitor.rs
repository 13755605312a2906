//! `rtnl monitor`: `ip monitor [all|label] [link] [address] [route] [nsid]`, printing each
//! event as `ip monitor` does, until killed.
//!
//! Links print as `ip link` prints them (without `mode` and `qlen`, as `ip monitor` does),
//! addresses as `INDEX: DEV    inet ...`, routes as `ip route show table all`, nsids as
//! `nsid N (iproute2 netns name: NAME)`; removals start with `Deleted `. With `all` or `label`
//! each line starts with its kind: `[LINK]`, `[ADDR]`, `[ROUTE]`, `[NSID]`. Without an object
//! every kind is shown. `-j` does not change the output (`ip monitor` prints text too).

use std::fmt;
use std::io::Write;

use rtnl_ip::monitor::{Monitor, MonitorGroups, Payload};
use rtnl_ip::show::link::LinkStyle;
use rtnl_ip::show::lookup::LinkTable;
use rtnl_ip::show::route::{Extra, RouteStyle};
use rtnl_ip::show::{self, Printer};

use super::args::{Args, CmdResult, Failure, matches};
use super::{Ctx, Family, netns_ref};

/// `ip monitor`'s words: the objects `rtnl` shows and their groups.
const OBJECTS: [(&str, MonitorGroups); 4] = [
    ("link", MonitorGroups::LINK),
    ("address", MonitorGroups::ADDRESS),
    ("route", MonitorGroups::ROUTE),
    ("nsid", MonitorGroups::NSID),
];

/// Objects `ip monitor` knows that `rtnl` does not show.
const UNSUPPORTED: [&str; 12] = [
    "mroute", "prefix", "neigh", "netconf", "rule", "nexthop", "stats", "file", "dev", "all-nsid",
    "mrule", "maddress",
];

/// `rtnl monitor ...`.
pub fn run(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let mut groups = MonitorGroups::empty();
    let mut label = false;
    while let Some(word) = args.next() {
        if word == "all" || word == "label" {
            label = true;
            continue;
        }
        if matches(word, "help") {
            return Err(Failure::Usage(
                "Usage: rtnl monitor [ all | label ] [ link ] [ address ] [ route ] [ nsid ]"
                    .into(),
            ));
        }
        if let Some((_, group)) = OBJECTS.iter().find(|(name, _)| matches(word, name)) {
            groups |= *group;
        } else if let Some(name) = UNSUPPORTED.iter().find(|name| matches(word, name)) {
            return Err(super::args::unsupported(&format!("monitor {name}")));
        } else {
            return Err(Failure::Usage(format!(
                "Argument \"{word}\" is unknown, try \"ip monitor help\"."
            )));
        }
    }
    if groups.is_empty() {
        groups = MonitorGroups::ALL;
    }
    // -4 / -6 keep one family's addresses and routes.
    let common = MonitorGroups::LINK | MonitorGroups::NSID;
    match ctx.opts.family {
        Family::Inet => {
            groups = groups & (common | MonitorGroups::IPV4_ADDRESS | MonitorGroups::IPV4_ROUTE);
        }
        Family::Inet6 => {
            groups = groups & (common | MonitorGroups::IPV6_ADDRESS | MonitorGroups::IPV6_ROUTE);
        }
        _ => {}
    }
    // Subscribe first, then open the names: an event that comes meanwhile is not missed.
    let mut monitor = match &ctx.opts.netns {
        None => Monitor::new(groups)?,
        Some(ns) => Monitor::in_netns(netns_ref(ns), groups).map_err(Failure::LibUsage)?,
    };
    let handle = ctx.handle()?;
    monitor.set_deadline(handle.deadline());
    let mut links = LinkTable::new(handle);
    links.load_netns_names(handle);
    let details = ctx.opts.details;
    // ip monitor prints text, -j or not.
    // The show commands' writer type, so the renderers are compiled once for both.
    let stdout = std::io::BufWriter::with_capacity(super::OUT_BUFFER, std::io::stdout().lock());
    let mut p = Printer::new(stdout, false, false);
    let mut resync = false;
    loop {
        monitor.next_with(|payload| {
            // A new nsid may be a named namespace's: read the names again first.
            if let Payload::NewNsid(m) = &payload
                && m.nsid().is_some_and(|n| links.netns_name(n).is_none())
                && let Ok(handle) = ctx.handle()
            {
                links.load_netns_names(handle);
            }
            event(&mut p, &payload, &mut links, &mut resync, label, details);
        })?;
        // A monitor's lines go out as they come (ip monitor block-buffers into a pipe and
        // loses lines when killed).
        if p.flush().is_err() {
            std::process::exit(0);
        }
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
    label: bool,
    details: bool,
) {
    let banner = |p: &mut Printer<W>, kind: &str, deleted: bool| {
        if label {
            p.text(format_args!("[{kind}]"));
        }
        if deleted {
            p.text(format_args!("Deleted "));
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
        Payload::NewLink(m) | Payload::DelLink(m) => {
            let deleted = matches!(payload, Payload::DelLink(_));
            banner(p, "LINK", deleted);
            links.insert(m);
            let style = LinkStyle {
                details,
                show_ll: true,
                ll_json: true,
                mode: false,
                qlen: false,
                inet6: false,
            };
            let moved = Moved {
                netnsid: m.new_netnsid(),
                ifindex: m.new_ifindex(),
                netns: m.new_netnsid().and_then(|id| links.netns_name(id)),
            }
            .to_string();
            show::link::link_fields(p, m, links, style, format_args!("{moved}"));
            if deleted {
                links.remove(m.index());
            }
        }
        Payload::NewAddress(a) | Payload::DelAddress(a) => {
            banner(p, "ADDR", matches!(payload, Payload::DelAddress(_)));
            let index = a.index();
            p.text(format_args!("{index}: {}", links.display(index)));
            show::address::address(p, a);
        }
        Payload::NewRoute(r) | Payload::DelRoute(r) => {
            banner(p, "ROUTE", matches!(payload, Payload::DelRoute(_)));
            let style = RouteStyle::all_tables(details);
            show::route::route(p, r, links, style, Extra::default());
        }
        Payload::NewNsid(n) | Payload::DelNsid(n) => {
            let Some(nsid) = n.nsid() else { return };
            banner(p, "NSID", matches!(payload, Payload::DelNsid(_)));
            if nsid < 0 {
                p.text(format_args!("nsid unassigned "));
            } else {
                p.text(format_args!("nsid {nsid} "));
            }
            if let Some(name) = links.netns_name(nsid) {
                p.text(format_args!("(iproute2 netns name: {name})"));
            }
            p.text(format_args!("\n"));
        }
        _ => {}
    }
}

/// ` new-netns NAME` / ` new-netnsid N` and ` new-ifindex N` of an `RTM_DELLINK` whose link
/// moved to another namespace (`IFLA_NEW_NETNSID`, `IFLA_NEW_IFINDEX`).
struct Moved<'a> {
    /// The nsid of the namespace it went to.
    netnsid: Option<i32>,
    /// Its index there.
    ifindex: Option<i32>,
    /// The name of that namespace, when it is a named one.
    netns: Option<&'a str>,
}

impl fmt::Display for Moved<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.netnsid, self.netns) {
            (Some(_), Some(name)) => write!(f, " new-netns {name}")?,
            (Some(id), None) => write!(f, " new-netnsid {id}")?,
            (None, _) => {}
        }
        if let Some(index) = self.ifindex {
            write!(f, " new-ifindex {index}")?;
        }
        Ok(())
    }
}
