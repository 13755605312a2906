//! `rtnl_ip::monitor` against the real kernel: events in order, the resync after an overrun, a
//! monitor inside a named namespace, nsid events. Changes are made from the test thread while
//! the monitor's socket is open; the kernel queues the notifications on it, and the test reads
//! them afterwards (without blocking, so a missing event fails instead of hanging).

mod common;

use std::collections::BTreeSet;
use std::net::IpAddr;
use std::time::{Duration, Instant};

use common::{ip, ip_json, private_netns, private_netns_and_run_dir};
use rtnl_ip::codec::request::{self, LinkKind, NewLink, Veth};
use rtnl_ip::monitor::{Event, Monitor, MonitorGroups, Payload, Snapshot};
use rtnl_ip::netns::Namespaces;
use rtnl_ip::{Handle, LinkAdd, LinkRef, NetnsRef, NsidValue};

/// Every event queued now.
fn queued(monitor: &mut Monitor) -> Vec<Event> {
    let mut events = Vec::new();
    while let Some(event) = monitor.try_next_event().unwrap() {
        events.push(event);
    }
    events
}

/// Reads events until none has come for a second (at most 10 s): the kernel's delayed
/// notifications of earlier changes have all arrived.
fn settle(monitor: &mut Monitor) {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut quiet_since = Instant::now();
    while quiet_since.elapsed() < Duration::from_secs(1) {
        assert!(Instant::now() < deadline, "events kept coming for 10 s");
        if monitor.try_next_event().unwrap().is_some() {
            quiet_since = Instant::now();
        } else {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// Waits (polling, up to 10 s) for an event `want` accepts; returns the events up to it.
fn wait_for(monitor: &mut Monitor, mut want: impl FnMut(&Event) -> bool) -> Vec<Event> {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut seen = Vec::new();
    loop {
        match monitor.try_next_event().unwrap() {
            Some(event) => {
                let done = want(&event);
                seen.push(event);
                if done {
                    return seen;
                }
            }
            None => {
                assert!(
                    Instant::now() < deadline,
                    "the event never came; saw {seen:#?}"
                );
                std::thread::sleep(Duration::from_millis(10));
            }
        }
    }
}

fn ip_addr(text: &str) -> IpAddr {
    text.parse().unwrap()
}

/// A veth pair `a`/`b`, down.
fn veth(a: &str, b: &str) -> u32 {
    let mut handle = Handle::new().unwrap();
    handle.link_add(&LinkAdd::veth(a, b)).unwrap();
    handle.link_index(LinkRef::Name(a.as_ref())).unwrap()
}

/// What an event says about link `index` and the documentation addresses, as a token.
fn token(event: &Event, index: u32) -> Option<String> {
    let doc = |a: &Option<IpAddr>| match a {
        Some(IpAddr::V4(v4)) => {
            let o = v4.octets();
            matches!(
                (o[0], o[1], o[2]),
                (192, 0, 2) | (198, 51, 100) | (203, 0, 113)
            )
        }
        Some(IpAddr::V6(v6)) => v6.segments()[..2] == [0x2001, 0xdb8],
        None => false,
    };
    match event {
        Event::NewLink(l) if l.index == index => {
            Some(if l.is_up() { "up" } else { "down" }.to_owned())
        }
        Event::DelLink(l) if l.index == index => Some("gone".to_owned()),
        Event::NewAddress(a) if a.index == index && doc(&a.local) => {
            Some(format!("+{}/{}", a.local.unwrap(), a.prefix_len))
        }
        Event::DelAddress(a) if a.index == index && doc(&a.local) => {
            Some(format!("-{}/{}", a.local.unwrap(), a.prefix_len))
        }
        _ => None,
    }
}

/// The tokens of `events` about link `index`, repeated link states collapsed (the kernel may
/// send more than one `RTM_NEWLINK` for one change: flags, then operstate).
fn tokens(events: &[Event], index: u32) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in events.iter().filter_map(|e| token(e, index)) {
        if out.last() != Some(&t) || t.starts_with(['+', '-']) {
            out.push(t);
        }
    }
    out
}

#[test]
fn link_up_down_and_address_add_del_arrive_in_order() {
    private_netns();
    let v0 = veth("v0", "v1");
    let mut monitor = Monitor::new(MonitorGroups::LINK | MonitorGroups::ADDRESS).unwrap();

    ip(&["link", "set", "v0", "up"]);
    ip(&["address", "add", "192.0.2.1/24", "dev", "v0"]);
    ip(&["address", "add", "2001:db8::1/64", "dev", "v0", "nodad"]);
    // The kernel announces a new IPv6 address from a work queue (when DAD is over, at once
    // here with nodad), so the event may come after later changes: wait for it first.
    let mut events = wait_for(
        &mut monitor,
        |e| matches!(e, Event::NewAddress(a) if a.local == Some(ip_addr("2001:db8::1"))),
    );
    ip(&["address", "del", "192.0.2.1/24", "dev", "v0"]);
    ip(&["address", "del", "2001:db8::1/64", "dev", "v0"]);
    ip(&["link", "set", "v0", "down"]);
    events.extend(queued(&mut monitor));
    assert_eq!(
        tokens(&events, v0),
        [
            "up",
            "+192.0.2.1/24",
            "+2001:db8::1/64",
            "-192.0.2.1/24",
            "-2001:db8::1/64",
            "down"
        ],
        "{events:#?}"
    );

    // The events carry the whole object, as a dump shows it: the last one is v0 as it is now.
    let Some(Event::NewLink(last)) = events
        .iter()
        .rev()
        .find(|e| matches!(e, Event::NewLink(l) if l.index == v0))
    else {
        panic!("no link event")
    };
    let now = Handle::new().unwrap().link(LinkRef::from("v0")).unwrap();
    assert_eq!(last.name, "v0");
    assert_eq!(last.flags, now.flags);
    assert_eq!(last.mtu, now.mtu);
    assert_eq!(last.address, now.address);
    let ip_v0 = common::ip_link("v0");
    assert_eq!(u64::from(last.index), ip_v0["ifindex"].as_u64().unwrap());
    assert_eq!(Some(u64::from(last.mtu.unwrap())), ip_v0["mtu"].as_u64());

    // The address events have the address's details.
    let added = events
        .iter()
        .find_map(|e| match e {
            Event::NewAddress(a) if a.local == Some(ip_addr("192.0.2.1")) => Some(a),
            _ => None,
        })
        .unwrap();
    assert_eq!(added.prefix_len, 24);
    assert_eq!(added.broadcast, None, "ip adds no broadcast unless asked");
    assert_eq!(added.label.as_deref(), Some("v0"));

    // Nothing else is queued, and link deletion is seen too (both ends).
    assert!(queued(&mut monitor).is_empty());
    ip(&["link", "del", "v0"]);
    let events = queued(&mut monitor);
    assert!(
        tokens(&events, v0).contains(&"gone".to_owned()),
        "{events:#?}"
    );
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::DelLink(l) if l.name == "v1")),
        "{events:#?}"
    );
}

#[test]
fn only_subscribed_groups_are_heard() {
    private_netns();
    let v0 = veth("v0", "v1");
    ip(&["link", "set", "v0", "up"]);
    let mut v4_only = Monitor::new(MonitorGroups::IPV4_ADDRESS).unwrap();
    let mut links_only = Monitor::new(MonitorGroups::LINK).unwrap();
    assert_eq!(links_only.groups(), MonitorGroups::LINK);

    ip(&["address", "add", "198.51.100.1/24", "dev", "v0"]);
    ip(&["address", "add", "2001:db8::2/64", "dev", "v0", "nodad"]);

    assert_eq!(tokens(&queued(&mut v4_only), v0), ["+198.51.100.1/24"]);
    let events = queued(&mut links_only);
    assert!(
        events.iter().all(|e| matches!(e, Event::NewLink(_))),
        "{events:#?}"
    );
}

#[test]
fn route_events_name_the_route() {
    private_netns();
    let v0 = veth("v0", "v1");
    ip(&["link", "set", "v0", "up"]);
    ip(&["address", "add", "203.0.113.1/24", "dev", "v0"]);
    let mut monitor = Monitor::new(MonitorGroups::ROUTE).unwrap();

    ip(&[
        "route",
        "add",
        "198.51.100.0/24",
        "via",
        "203.0.113.2",
        "metric",
        "7",
    ]);
    ip(&["route", "add", "2001:db8:1::/48", "dev", "v0"]);
    ip(&["route", "del", "198.51.100.0/24"]);

    let events = queued(&mut monitor);
    let routes: Vec<(&str, String, Option<u32>)> = events
        .iter()
        .filter_map(|e| match e {
            Event::NewRoute(r) => Some(("new", r)),
            Event::DelRoute(r) => Some(("del", r)),
            _ => None,
        })
        .filter(|(_, r)| r.table == 254)
        .map(|(what, r)| (what, format!("{}/{}", r.dst.unwrap(), r.dst_len), r.oif))
        .collect();
    assert_eq!(
        routes,
        [
            ("new", "198.51.100.0/24".to_owned(), Some(v0)),
            ("new", "2001:db8:1::/48".to_owned(), Some(v0)),
            ("del", "198.51.100.0/24".to_owned(), Some(v0)),
        ],
        "{events:#?}"
    );
    let Some(Event::NewRoute(r)) = events.first() else {
        panic!("{events:#?}")
    };
    assert_eq!(r.gateway, Some(ip_addr("203.0.113.2")));
    assert_eq!(r.priority, Some(7));
}

/// 100 veth pairs in one batch: at least 200 `RTM_NEWLINK` notifications at once.
fn burst_of_links(handle: &mut Handle, prefix: &str) {
    let mut requests = vec![0u8; 100 * 256];
    let mut at = 0;
    for i in 0..100 {
        let a = format!("{prefix}a{i}");
        let b = format!("{prefix}b{i}");
        let link = NewLink {
            name: Some(a.as_bytes()),
            ..NewLink::new(LinkKind::Veth(Veth {
                peer_name: Some(b.as_bytes()),
                ..Veth::default()
            }))
        };
        at += request::link_new(&mut requests[at..], 0, &link)
            .unwrap()
            .len()
            .next_multiple_of(4);
    }
    for r in handle.batch("add link", &mut requests[..at]).unwrap() {
        r.unwrap();
    }
}

fn names_of(snapshot: &Snapshot) -> BTreeSet<String> {
    snapshot.links.iter().map(|l| l.name.clone()).collect()
}

fn ip_link_names() -> BTreeSet<String> {
    ip_json(&["link", "show"])
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["ifname"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn an_overrun_yields_a_resync_snapshot_and_monitoring_goes_on() {
    private_netns();
    let mut monitor = Monitor::new(MonitorGroups::LINK | MonitorGroups::ADDRESS).unwrap();
    monitor.socket().set_recv_buffer_size(0).unwrap(); // the kernel's minimum
    let mut handle = Handle::new().unwrap();
    burst_of_links(&mut handle, "");

    // A few events fit before the queue overflowed; then the resync.
    let mut before = 0;
    let snapshot = loop {
        match monitor.next_event().unwrap() {
            Event::Resync(snapshot) => break snapshot,
            _ => before += 1,
        }
    };
    assert!(before < 200, "{before} events fit in the smallest queue");
    assert_eq!(monitor.resyncs(), 1);

    // The snapshot is the whole link table, as ip sees it, and the addresses (lo's).
    assert_eq!(snapshot.links.len(), 201);
    assert_eq!(names_of(&snapshot), ip_link_names());
    let lo = snapshot.links.iter().find(|l| l.name == "lo").unwrap();
    assert!(lo.is_up());
    let addresses: BTreeSet<IpAddr> = snapshot.addresses.iter().filter_map(|a| a.local).collect();
    assert_eq!(
        addresses,
        BTreeSet::from([ip_addr("127.0.0.1"), ip_addr("::1")])
    );
    assert!(snapshot.routes.is_empty(), "routes were not subscribed");
    assert!(snapshot.nsids.is_empty());

    // The queue was emptied: what follows are new events only.
    assert!(queued(&mut monitor).is_empty());
    ip(&["link", "set", "a7", "up"]);
    let a7 = handle.link_index(LinkRef::from("a7")).unwrap();
    assert_eq!(tokens(&queued(&mut monitor), a7), ["up"]);

    // It keeps working across a second overrun, too.
    burst_of_links(&mut handle, "x");
    let events = wait_for(&mut monitor, |e| matches!(e, Event::Resync(_)));
    let Some(Event::Resync(snapshot)) = events.last() else {
        unreachable!()
    };
    assert_eq!(snapshot.links.len(), 401);
    assert_eq!(names_of(snapshot), ip_link_names());
    assert_eq!(monitor.resyncs(), 2);
    // The kernel may still send link events of the burst from its linkwatch work (up to a
    // second later; on a slow guest they came after the resync and overflowed the smallest
    // queue again): let them pass before the event this checks.
    settle(&mut monitor);
    ip(&["address", "add", "192.0.2.7/24", "dev", "a7"]);
    assert_eq!(tokens(&queued(&mut monitor), a7), ["+192.0.2.7/24"]);
}

#[test]
fn the_streaming_form_hands_out_views_and_resync_markers() {
    private_netns();
    let mut monitor = Monitor::new(MonitorGroups::LINK).unwrap();
    let v0 = veth("v0", "v1");

    // Views of the queued events: the names, without copying.
    let mut names = Vec::new();
    while monitor
        .try_next_with(|p| {
            if let Payload::NewLink(m) = p {
                names.push(m.name().unwrap().to_owned());
            }
        })
        .unwrap()
        .is_some()
    {}
    assert!(names.contains(&"v0".to_owned()) && names.contains(&"v1".to_owned()));

    // An overrun: the markers bracket the dumped table.
    monitor.socket().set_recv_buffer_size(0).unwrap();
    burst_of_links(&mut Handle::new().unwrap(), "");
    let mut trace = Vec::new();
    let mut in_resync = false;
    let mut dumped = BTreeSet::new();
    while !trace.contains(&"end") {
        monitor
            .next_with(|p| match p {
                Payload::ResyncBegin => {
                    trace.push("begin");
                    in_resync = true;
                    dumped.clear();
                }
                Payload::ResyncEnd => {
                    trace.push("end");
                    in_resync = false;
                }
                Payload::NewLink(m) if in_resync => {
                    dumped.insert(m.name().unwrap().to_owned());
                }
                _ => {}
            })
            .unwrap();
    }
    assert_eq!(trace, ["begin", "end"]);
    assert_eq!(dumped, ip_link_names());
    assert_eq!(dumped.len(), 203);

    // A snapshot on demand, streamed the same way, leaves the event queue alone.
    ip(&["link", "set", "v0", "up"]);
    let mut count = 0;
    let n = monitor
        .snapshot_with(|p| {
            if let Payload::NewLink(_) = p {
                count += 1;
            }
        })
        .unwrap();
    assert_eq!((count, n), (203, 205));
    assert_eq!(tokens(&queued(&mut monitor), v0), ["up"]);
}

#[test]
fn snapshot_then_events_give_the_current_state() {
    private_netns();
    let mut monitor = Monitor::new(MonitorGroups::ALL).unwrap();
    let v0 = veth("v0", "v1");
    ip(&["link", "set", "v0", "up"]);
    ip(&["address", "add", "203.0.113.5/24", "dev", "v0"]);

    let snapshot = monitor.snapshot().unwrap();
    assert_eq!(names_of(&snapshot), ip_link_names());
    // Every address ip shows, and every route of every table of both families.
    let ip_addresses: usize = ip_json(&["address", "show"])
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["addr_info"].as_array().unwrap().len())
        .sum();
    assert_eq!(snapshot.addresses.len(), ip_addresses);
    let ip_routes = ip_json(&["-4", "route", "show", "table", "all"])
        .as_array()
        .unwrap()
        .len()
        + ip_json(&["-6", "route", "show", "table", "all"])
            .as_array()
            .unwrap()
            .len();
    assert_eq!(snapshot.routes.len(), ip_routes, "{:#?}", snapshot.routes);
    assert!(
        snapshot
            .routes
            .iter()
            .any(|r| r.dst == Some(ip_addr("203.0.113.0")) && r.oif == Some(v0))
    );

    // The events queued since the monitor was opened are still there, and replay to the
    // same state.
    let events = queued(&mut monitor);
    let t = tokens(&events, v0);
    assert_eq!(t.first().map(String::as_str), Some("down"), "{t:?}");
    assert!(t.contains(&"up".to_owned()) && t.contains(&"+203.0.113.5/24".to_owned()));
}

#[test]
fn a_monitor_in_a_namespace_hears_that_namespace_only() {
    let run_dir = private_netns_and_run_dir();
    let names = Namespaces::at(run_dir.path());
    names.add("a").unwrap();
    let mut inside =
        Monitor::in_netns_at(run_dir.path(), NetnsRef::name("a"), MonitorGroups::LINK).unwrap();
    let mut here = Monitor::new(MonitorGroups::LINK).unwrap();

    names
        .handle("a")
        .unwrap()
        .link_add(&LinkAdd::veth("in0", "in1"))
        .unwrap();
    let heard: BTreeSet<String> = queued(&mut inside)
        .into_iter()
        .filter_map(|e| match e {
            Event::NewLink(l) => Some(l.name),
            _ => None,
        })
        .collect();
    assert_eq!(heard, BTreeSet::from(["in0".to_owned(), "in1".to_owned()]));
    assert!(queued(&mut here).is_empty());

    // Its resync dumps come from inside too.
    let snapshot = inside.snapshot().unwrap();
    assert_eq!(
        names_of(&snapshot),
        BTreeSet::from(["lo", "in0", "in1"].map(String::from))
    );

    // A missing namespace fails as ip does.
    let e = Monitor::in_netns_at(run_dir.path(), NetnsRef::name("nope"), MonitorGroups::LINK)
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "Cannot open network namespace \"nope\": No such file or directory"
    );
}

#[test]
fn nsid_events_when_ids_are_assigned_and_released() {
    let run_dir = private_netns_and_run_dir();
    let names = Namespaces::at(run_dir.path());
    names.add("a").unwrap();
    names.add("b").unwrap();
    let mut monitor = Monitor::new(MonitorGroups::NSID).unwrap();

    assert_eq!(names.set_id("a", NsidValue::Number(7)).unwrap(), 7);
    assert_eq!(names.set_id("b", NsidValue::Auto).unwrap(), 0);
    let ids: Vec<i32> = queued(&mut monitor)
        .into_iter()
        .map(|e| match e {
            Event::NewNsid(n) => n.nsid,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(ids, [7, 0]);

    // The ids, named, as the monitor's snapshot does not name them.
    let mut snapshot = monitor.snapshot().unwrap();
    let mut handle = Handle::new().unwrap();
    names.name_nsids(&mut handle, &mut snapshot.nsids).unwrap();
    let named: Vec<(i32, Option<String>)> = snapshot
        .nsids
        .into_iter()
        .map(|n| (n.nsid, n.name.map(|name| name.into_string().unwrap())))
        .collect();
    assert_eq!(
        named,
        [(0, Some("b".to_owned())), (7, Some("a".to_owned()))]
    );

    // Deleting the name frees the namespace; its id is released (asynchronously: the
    // kernel's namespace cleanup runs in a work queue).
    names.delete("a").unwrap();
    let events = wait_for(&mut monitor, |e| matches!(e, Event::DelNsid(_)));
    let Some(Event::DelNsid(gone)) = events.last() else {
        unreachable!()
    };
    assert_eq!(gone.nsid, 7);
}
