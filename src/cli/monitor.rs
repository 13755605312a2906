//! `rtnl monitor`: `ip monitor [all|label] [link] [address] [route] [nsid]`, printing each
//! event as `ip monitor` does, until killed.
//!
//! Links print as `ip link` prints them (without `mode` and `qlen`, as `ip monitor` does),
//! addresses as `INDEX: DEV    inet ...`, routes as `ip route show table all`, nsids as
//! `nsid N (iproute2 netns name: NAME)`; removals start with `Deleted `. With `all` or `label`
//! each line starts with its kind: `[LINK]`, `[ADDR]`, `[ROUTE]`, `[NSID]`. Without an object
//! every kind is shown. `-j` does not change the output (`ip monitor` prints text too).

use std::collections::HashMap;
use std::fmt::Write as _;

use rtnl_ip::codec::{LinkMessage, ifla};
use rtnl_ip::monitor::{Event, Monitor, MonitorGroups, Payload};
use rtnl_ip::netns::Namespaces;
use rtnl_ip::{Link, LinkFilter};

use super::args::{Args, CmdResult, Failure, matches};
use super::link::{TextStyle, link_text};
use super::route::{Extra, Style, route_text};
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

/// What the running monitor knows to print names: links by index, namespace names by nsid.
struct Names {
    /// Links by index, updated by link events.
    links: HashMap<u32, Link>,
    /// Named namespaces by the nsid this namespace has for them.
    netns: HashMap<i32, String>,
}

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
    // Subscribe first, then read the names: an event that comes meanwhile is not missed.
    let mut monitor = match &ctx.opts.netns {
        None => Monitor::new(groups)?,
        Some(ns) => Monitor::in_netns(netns_ref(ns), groups).map_err(Failure::LibUsage)?,
    };
    let handle = ctx.handle()?;
    monitor.set_deadline(handle.deadline());
    let links = handle
        .links(&LinkFilter::default())?
        .into_iter()
        .map(|l| (l.index, l))
        .collect();
    let netns = nsid_names(handle);
    let mut names = Names { links, netns };
    let mut resync: Option<HashMap<u32, Link>> = None;
    loop {
        // The streaming form, for the attributes the owned events leave out.
        let mut items = Vec::new();
        monitor.next_with(|payload| match payload {
            Payload::ResyncBegin => items.push(Item::ResyncBegin),
            Payload::ResyncEnd => items.push(Item::ResyncEnd),
            payload => {
                let moved = match &payload {
                    Payload::DelLink(m) => Moved {
                        netnsid: attr_i32(m, ifla::NEW_NETNSID),
                        ifindex: attr_i32(m, ifla::NEW_IFINDEX),
                    },
                    _ => Moved::default(),
                };
                items.extend(payload.to_event().map(|e| Item::Event(Box::new(e), moved)));
            }
        })?;
        for item in items {
            match item {
                Item::ResyncBegin => {
                    eprintln!("rtnl: events were lost; reading the kernel's tables again");
                    resync = Some(HashMap::new());
                }
                Item::ResyncEnd => {
                    if let Some(links) = resync.take().filter(|l| !l.is_empty()) {
                        names.links = links;
                    }
                }
                Item::Event(event, _) if resync.is_some() => {
                    if let (Event::NewLink(link), Some(links)) = (*event, &mut resync) {
                        links.insert(link.index, link);
                    }
                }
                Item::Event(event, moved) => {
                    let text = event_text(&event, moved, &mut names, label, ctx);
                    ctx.out.push_str(&text);
                }
            }
        }
        ctx.flush();
    }
}

/// What one datagram of the monitor held.
enum Item {
    /// Events were lost; the tables follow.
    ResyncBegin,
    /// The tables are complete.
    ResyncEnd,
    /// A notification, with where a removed link went (boxed: a link event is large).
    Event(Box<Event>, Moved),
}

/// `IFLA_NEW_NETNSID` and `IFLA_NEW_IFINDEX` of an `RTM_DELLINK`: the link moved to another
/// namespace.
#[derive(Clone, Copy, Default)]
struct Moved {
    /// The nsid of the namespace it went to.
    netnsid: Option<i32>,
    /// Its index there.
    ifindex: Option<i32>,
}

/// An `s32` attribute of a link message.
fn attr_i32(m: &LinkMessage<'_>, ty: u16) -> Option<i32> {
    let bytes: [u8; 4] = m.attr(ty)?.payload().try_into().ok()?;
    Some(i32::from_ne_bytes(bytes))
}

/// The named namespaces by nsid (empty when none can be read).
fn nsid_names(handle: &mut rtnl_ip::Handle) -> HashMap<i32, String> {
    let names = Namespaces::at(handle.run_dir());
    names
        .list_with(handle)
        .map(|list| {
            list.into_iter()
                .filter_map(|ns| Some((ns.nsid?, ns.name)))
                .collect()
        })
        .unwrap_or_default()
}

/// One event as `ip monitor` prints it, updating the names it keeps.
fn event_text(
    event: &Event,
    moved: Moved,
    names: &mut Names,
    label: bool,
    ctx: &mut Ctx,
) -> String {
    let details = ctx.opts.details;
    let mut s = String::new();
    let banner = |s: &mut String, kind: &str, deleted: bool| {
        if label {
            let _ = write!(s, "[{kind}]");
        }
        if deleted {
            s.push_str("Deleted ");
        }
    };
    let link_style = TextStyle {
        details,
        show_ll: true,
        mode: false,
        qlen: false,
    };
    match event {
        Event::NewLink(link) | Event::DelLink(link) => {
            let deleted = matches!(event, Event::DelLink(_));
            banner(&mut s, "LINK", deleted);
            names.links.insert(link.index, link.clone());
            let mut suffix = String::new();
            if let Some(id) = moved.netnsid {
                match names.netns.get(&id) {
                    Some(name) => {
                        let _ = write!(suffix, " new-netns {name}");
                    }
                    None => {
                        let _ = write!(suffix, " new-netnsid {id}");
                    }
                }
            }
            if let Some(index) = moved.ifindex {
                let _ = write!(suffix, " new-ifindex {index}");
            }
            s.push_str(&link_text(
                link,
                &names.links,
                link_style,
                &names.netns,
                &suffix,
            ));
            if deleted {
                names.links.remove(&link.index);
            }
        }
        Event::NewAddress(a) | Event::DelAddress(a) => {
            banner(&mut s, "ADDR", matches!(event, Event::DelAddress(_)));
            let dev = names
                .links
                .get(&a.index)
                .map_or_else(|| format!("if{}", a.index), |l| l.name.clone());
            let _ = write!(s, "{}: {dev}", a.index);
            s.push_str(&super::address::address_text(a));
        }
        Event::NewRoute(r) | Event::DelRoute(r) => {
            banner(&mut s, "ROUTE", matches!(event, Event::DelRoute(_)));
            s.push_str(&route_text(
                r,
                Extra::default(),
                &names.links,
                Style::all_tables(details),
            ));
        }
        Event::NewNsid(n) | Event::DelNsid(n) => {
            let deleted = matches!(event, Event::DelNsid(_));
            if !deleted
                && !names.netns.contains_key(&n.nsid)
                && let Ok(handle) = ctx.handle()
            {
                names.netns = nsid_names(handle);
            }
            banner(&mut s, "NSID", deleted);
            if n.nsid < 0 {
                s.push_str("nsid unassigned ");
            } else {
                let _ = write!(s, "nsid {} ", n.nsid);
            }
            if let Some(name) = names.netns.get(&n.nsid) {
                let _ = write!(s, "(iproute2 netns name: {name})");
            }
            s.push('\n');
        }
        _ => {}
    }
    s
}
