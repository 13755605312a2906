//! Neighbours against the real kernel: ARP and NDP entries on a veth pair and forwarding
//! database entries on a bridge port (`master`) and on the port itself (`self`), each test in
//! its own network namespace, every result checked through `ip -j` (and `bridge -j fdb` for
//! where an FDB entry lives) on the same state.

mod common;

use std::collections::BTreeSet;
use std::net::IpAddr;

use common::{ip, ip_json, private_netns};
use rtnl_ip::codec::{af, ntf, nud, rtprot};
use rtnl_ip::monitor::{Event, Monitor, MonitorGroups};
use rtnl_ip::{ErrorKind, Family, Handle, LinkRef, Neighbour, NeighbourFilter, NeighbourSpec};
use rustix::io::Errno;
use serde_json::Value;

const MAC2: [u8; 6] = [2, 0, 0, 0, 0, 2];
const MAC3: [u8; 6] = [2, 0, 0, 0, 0, 3];
const MAC4: [u8; 6] = [2, 0, 0, 0, 0, 4];

/// v0/v1 up, 192.0.2.1/24 and 2001:db8::1/64 on v0, no DAD.
fn veth() -> Handle {
    private_netns();
    ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
    for sysctl in ["all", "default"] {
        let key = format!("net.ipv6.conf.{sysctl}.accept_dad=0");
        std::process::Command::new("sysctl")
            .args(["-qw", &key])
            .status()
            .expect("sysctl");
    }
    ip(&["link", "set", "v0", "up"]);
    ip(&["link", "set", "v1", "up"]);
    ip(&["address", "add", "192.0.2.1/24", "dev", "v0"]);
    ip(&["address", "add", "2001:db8::1/64", "dev", "v0", "nodad"]);
    Handle::new().expect("handle")
}

fn addr(text: &str) -> IpAddr {
    text.parse().expect("address")
}

fn mac_text(mac: &[u8]) -> String {
    mac.iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// One entry as both sides describe it: address, device, link-layer address, state words,
/// router/proxy/extern_learn.
type Row = (String, String, String, Vec<String>, [bool; 3]);

/// Whether a row is one the kernel makes on its own as the links go about their business
/// (IPv6 multicast entries, added as MLD reports go out): left out of the comparisons, which
/// would race with them.
fn kernels_own(row: &Row) -> bool {
    row.0.starts_with("ff02:")
}

/// What `ip -j ARGS` lists, as rows.
fn ip_rows(args: &[&str]) -> BTreeSet<Row> {
    let listed = ip_json(args);
    listed
        .as_array()
        .expect("array")
        .iter()
        .map(|n| {
            let s = |key: &str| n[key].as_str().unwrap_or_default().to_owned();
            let state = n["state"]
                .as_array()
                .map(|a| a.iter().map(|s| s.as_str().unwrap().to_owned()).collect())
                .unwrap_or_default();
            let has = |key: &str| n.get(key).is_some();
            (
                s("dst"),
                s("dev"),
                s("lladdr"),
                state,
                [has("router"), has("proxy"), has("extern_learn")],
            )
        })
        .filter(|row| !kernels_own(row))
        .collect()
}

/// Our owned entries as rows, devices named through `ip`.
fn our_rows(entries: &[Neighbour]) -> BTreeSet<Row> {
    let names = common::index_and_name(&ip_json(&["link", "show"]));
    entries
        .iter()
        .map(|n| {
            let dev = names
                .iter()
                .find(|(index, _)| *index == u64::from(n.index))
                .map(|(_, name)| name.clone())
                .expect("a known device");
            (
                n.destination.map(|d| d.to_string()).unwrap_or_default(),
                dev,
                n.lladdr.as_deref().map(mac_text).unwrap_or_default(),
                rtnl_ip::show::neigh::STATES
                    .iter()
                    .filter(|(bit, _)| n.state & bit != 0)
                    .map(|(_, word)| (*word).to_owned())
                    .collect(),
                [
                    n.flags & ntf::ROUTER != 0,
                    n.flags & ntf::PROXY != 0,
                    n.flags & ntf::EXT_LEARNED != 0,
                ],
            )
        })
        .filter(|row| !kernels_own(row))
        .collect()
}

#[test]
fn entries_added_are_what_ip_shows() {
    let mut h = veth();
    h.neigh_add(&NeighbourSpec::new("v0", addr("192.0.2.2")).lladdr(&MAC2))
        .unwrap();
    h.neigh_add(
        &NeighbourSpec::new("v0", addr("2001:db8::2"))
            .lladdr(&MAC3)
            .state(nud::REACHABLE)
            .router()
            .protocol(rtprot::STATIC),
    )
    .unwrap();
    h.neigh_add(
        &NeighbourSpec::new("v0", addr("192.0.2.3"))
            .lladdr(&MAC4)
            .state(nud::STALE),
    )
    .unwrap();
    h.neigh_add(
        &NeighbourSpec::new("v1", addr("192.0.2.4"))
            .lladdr(&MAC2)
            .state(nud::NOARP),
    )
    .unwrap();
    h.neigh_add(
        &NeighbourSpec::new("v0", addr("192.0.2.5"))
            .lladdr(&MAC3)
            .extern_learn(),
    )
    .unwrap();
    h.neigh_add(&NeighbourSpec::new("v0", addr("192.0.2.9")).proxy())
        .unwrap();

    // ip's default selection, every state, one device, one family, the proxies.
    let cases: [(NeighbourFilter<'_>, &[&str]); 6] = [
        (NeighbourFilter::new(), &["neigh", "show"]),
        (
            NeighbourFilter::new().states(u32::MAX),
            &["neigh", "show", "nud", "all"],
        ),
        (
            NeighbourFilter::new().dev("v0"),
            &["neigh", "show", "dev", "v0"],
        ),
        (
            NeighbourFilter::new().family(Family::V6),
            &["-6", "neigh", "show"],
        ),
        (NeighbourFilter::new().proxy(), &["neigh", "show", "proxy"]),
        (
            NeighbourFilter::new().states(u32::from(nud::STALE)),
            &["neigh", "show", "nud", "stale"],
        ),
    ];
    for (filter, args) in cases {
        let ours = h.neighbours(&filter).unwrap();
        let theirs = ip_rows(args);
        // `dev v0` leaves the device out of ip's output.
        let ours: BTreeSet<Row> = our_rows(&ours)
            .into_iter()
            .map(|mut row| {
                if filter.dev.is_some() {
                    row.1.clear();
                }
                row
            })
            .collect();
        assert_eq!(ours, theirs, "{args:?}");
        assert!(!theirs.is_empty(), "{args:?}: nothing to compare");
    }
    // The streaming form sees the same entries, as views.
    let mut seen = 0;
    h.for_each_neighbour(&NeighbourFilter::new().dev("v0"), |m| {
        assert!(m.family() == af::INET || m.family() == af::INET6);
        seen += 1;
    })
    .unwrap();
    assert_eq!(seen, ip_rows(&["neigh", "show", "dev", "v0"]).len());
    // The generic dumps take the codec's request: every entry, unfiltered (ip's `nud all`).
    // The kernel may add an entry of its own between two dumps (an IPv6 multicast or
    // solicitation entry, late under a slow VM): the three reads are taken again until they
    // agree, and the last is checked.
    let dump = rtnl_ip::codec::request::NeighbourDump::default();
    for attempt in 0.. {
        let owned: Vec<Neighbour> = h.dump_owned(&dump).unwrap();
        let theirs = ip_rows(&["neigh", "show", "nud", "all"]);
        let mut streamed = 0;
        h.dump(&dump, |m| streamed += usize::from(m.index() != 0))
            .unwrap();
        let agree = our_rows(&owned) == theirs && streamed == owned.len();
        if agree || attempt == 10 {
            assert_eq!(our_rows(&owned), theirs);
            assert_eq!(streamed, owned.len());
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    // NDA_PROTOCOL comes back as given.
    let v6 = h
        .neigh_get(LinkRef::from("v0"), addr("2001:db8::2"), false)
        .unwrap();
    assert_eq!(v6.protocol, Some(rtprot::STATIC));
    assert_eq!(v6.lladdr.as_deref(), Some(&MAC3[..]));
    assert_eq!(v6.flags & ntf::ROUTER, ntf::ROUTER);
    let proxy = h
        .neigh_get(LinkRef::from("v0"), addr("192.0.2.9"), true)
        .unwrap();
    assert_eq!(proxy.flags & ntf::PROXY, ntf::PROXY);
}

#[test]
fn replace_change_delete_and_their_errors() {
    let mut h = veth();
    let spec = NeighbourSpec::new("v0", addr("192.0.2.2")).lladdr(&MAC2);
    h.neigh_add(&spec).unwrap();
    let e = h.neigh_add(&spec).unwrap_err();
    assert_eq!(e.errno(), Some(Errno::EXIST), "{e}");

    h.neigh_replace(&spec.clone().lladdr(&MAC3).state(nud::STALE))
        .unwrap();
    let shown = &ip_json(&["neigh", "show", "192.0.2.2"])[0];
    assert_eq!(shown["lladdr"], "02:00:00:00:00:03");
    assert_eq!(shown["state"], Value::from(vec!["STALE"]));

    h.neigh_change(&spec.clone().lladdr(&MAC4).state(nud::NOARP))
        .unwrap();
    let shown = &ip_json(&["neigh", "show", "nud", "noarp"])[0];
    assert_eq!(
        (shown["dst"].as_str(), shown["lladdr"].as_str()),
        (Some("192.0.2.2"), Some("02:00:00:00:00:04"))
    );
    let missing = NeighbourSpec::new("v0", addr("192.0.2.77")).lladdr(&MAC2);
    let e = h.neigh_change(&missing).unwrap_err();
    assert_eq!(e.errno(), Some(Errno::NOENT), "{e}");

    h.neigh_del(&spec).unwrap();
    assert_eq!(
        ip_json(&["neigh", "show", "nud", "all", "192.0.2.2"]),
        Value::Array(vec![])
    );
    let e = h.neigh_del(&spec).unwrap_err();
    assert_eq!(e.errno(), Some(Errno::NOENT), "{e}");
    let e = h
        .neigh_get(LinkRef::from("v0"), addr("192.0.2.2"), false)
        .unwrap_err();
    assert_eq!(e.errno(), Some(Errno::NOENT), "{e}");
    assert_eq!(e.to_string(), "Error: Neighbour entry not found.");
    let e = h
        .neigh_add(&NeighbourSpec::new("nope", addr("192.0.2.2")).lladdr(&MAC2))
        .unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::NotFound), "{e:?}");
    assert_eq!(e.to_string(), "Cannot find device \"nope\"");
}

#[test]
fn flush_takes_what_ip_flush_takes() {
    let mut h = veth();
    for (last, state) in [(2, nud::STALE), (3, nud::REACHABLE), (4, nud::PERMANENT)] {
        let dst = addr(&format!("192.0.2.{last}"));
        h.neigh_add(&NeighbourSpec::new("v0", dst).lladdr(&MAC2).state(state))
            .unwrap();
    }
    let mut rounds = Vec::new();
    let flush = NeighbourFilter::new()
        .dev("v0")
        .states(NeighbourFilter::FLUSH_STATES);
    let done = h
        .neigh_flush(&flush, |round, m| rounds.push((round, m.destination())))
        .unwrap();
    let deleted = [(1, Some(addr("192.0.2.2"))), (1, Some(addr("192.0.2.3")))];
    rounds.sort();
    assert_eq!((done, rounds.as_slice()), (Some(1), &deleted[..]));
    // The permanent entry stays, as with `ip neigh flush dev v0`.
    let left = ip_rows(&["neigh", "show", "dev", "v0"]);
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left.iter().next().unwrap().0, "192.0.2.4");
    // Nothing more to flush.
    assert_eq!(h.neigh_flush(&flush, |_, _| {}).unwrap(), Some(0));
}

/// The link-layer addresses of the permanent entries `ip -j -f bridge neigh show ARGS` lists
/// (ip warns on stdout, before its JSON, that the kernel does not mark a bridge dump filtered
/// by master: that line is skipped).
fn ip_fdb(args: &[&str]) -> BTreeSet<String> {
    let mut full = vec!["-j", "-f", "bridge", "neigh", "show"];
    full.extend_from_slice(args);
    let text: String = ip(&full)
        .lines()
        .filter(|line| !line.starts_with("WARNING"))
        .collect();
    let listed: Value = serde_json::from_str(&text).expect("ip -j");
    listed
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["state"] == Value::from(vec!["PERMANENT"]))
        .map(|e| e["lladdr"].as_str().unwrap().to_owned())
        .collect()
}

/// `bridge -j fdb show dev DEV`: (lladdr, flags) of each entry.
fn bridge_fdb(dev: &str) -> BTreeSet<(String, Vec<String>)> {
    let text = ip_with("bridge", &["-j", "fdb", "show", "dev", dev]);
    let listed: Value = serde_json::from_str(&text).expect("bridge -j");
    listed
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let flags = e["flags"]
                .as_array()
                .map(|a| a.iter().map(|f| f.as_str().unwrap().to_owned()).collect())
                .unwrap_or_default();
            (e["mac"].as_str().unwrap().to_owned(), flags)
        })
        .collect()
}

fn ip_with(program: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(program)
        .args(args)
        .output()
        .expect("run");
    assert!(out.status.success(), "{program} {args:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn fdb_entries_on_a_bridge_port_master_and_self() {
    let mut h = veth();
    ip(&["link", "add", "br0", "type", "bridge"]);
    ip(&["link", "set", "v1", "master", "br0"]);
    ip(&["link", "set", "br0", "up"]);
    h.neigh_add(&NeighbourSpec::fdb("v1", &MAC2).fdb_master())
        .unwrap();
    h.neigh_add(&NeighbourSpec::fdb("v1", &MAC3).fdb_self())
        .unwrap();

    // Both are in the port's forwarding database as ip lists it.
    let ours = h
        .neighbours(&NeighbourFilter::new().fdb().dev("v1"))
        .unwrap();
    // Permanent entries only: the bridge learns (and forgets) others as packets pass.
    let ip_macs = ip_fdb(&["dev", "v1"]);
    let our_macs: BTreeSet<String> = ours
        .iter()
        .filter(|n| n.state & nud::PERMANENT != 0)
        .map(|n| mac_text(n.lladdr.as_deref().unwrap()))
        .collect();
    assert_eq!(our_macs, ip_macs);
    for mac in [&MAC2, &MAC3] {
        assert!(our_macs.contains(&mac_text(mac)), "{our_macs:?}");
    }
    // Where each lives: the bridge's (master) or the port's own (self), as bridge(8) says.
    let fdb = bridge_fdb("v1");
    for n in &ours {
        let mac = mac_text(n.lladdr.as_deref().unwrap());
        let flags = &fdb
            .iter()
            .find(|(m, f)| {
                *m == mac && (n.flags & ntf::SELF != 0) == f.contains(&"self".to_owned())
            })
            .unwrap_or_else(|| panic!("{mac} {:#x} not in {fdb:?}", n.flags))
            .1;
        assert_eq!(n.flags & ntf::SELF != 0, flags.contains(&"self".to_owned()));
        assert_eq!(n.family, af::BRIDGE);
    }
    // The bridge's entry names its bridge (NDA_MASTER, bridge's `master br0`); the port's own
    // is `self`.
    let br0 = ip_json(&["link", "show", "dev", "br0"])[0]["ifindex"]
        .as_u64()
        .unwrap();
    let find = |mac: &[u8]| {
        ours.iter()
            .find(|n| n.lladdr.as_deref() == Some(mac))
            .unwrap()
    };
    let (master, own) = (find(&MAC2), find(&MAC3));
    assert_eq!(master.master.map(u64::from), Some(br0));
    assert_eq!(master.flags & ntf::SELF, 0);
    assert_eq!(master.state & nud::PERMANENT, nud::PERMANENT);
    assert_eq!((own.master, own.flags & ntf::SELF), (None, ntf::SELF));

    // The bridge's entries, by master, as `ip -f bridge neigh show master br0`.
    let by_master = h
        .neighbours(&NeighbourFilter::new().fdb().master("br0"))
        .unwrap();
    let permanent: BTreeSet<String> = by_master
        .iter()
        .filter(|n| n.state & nud::PERMANENT != 0)
        .map(|n| mac_text(n.lladdr.as_deref().unwrap()))
        .collect();
    assert_eq!(permanent, ip_fdb(&["master", "br0"]));
    assert!(
        by_master
            .iter()
            .any(|n| n.lladdr.as_deref() == Some(&MAC2[..]))
    );

    h.neigh_del(&NeighbourSpec::fdb("v1", &MAC2).fdb_master())
        .unwrap();
    h.neigh_del(&NeighbourSpec::fdb("v1", &MAC3).fdb_self())
        .unwrap();
    let fdb = bridge_fdb("v1");
    for mac in [&MAC2, &MAC3] {
        assert!(!fdb.iter().any(|(m, _)| *m == mac_text(mac)), "{fdb:?}");
    }
}

#[test]
fn monitor_sees_neighbours_come_and_go() {
    let mut h = veth();
    let mut monitor = Monitor::new(MonitorGroups::NEIGH).unwrap();
    let spec = NeighbourSpec::new("v0", addr("192.0.2.2")).lladdr(&MAC2);
    h.neigh_add(&spec).unwrap();
    h.neigh_del(&spec).unwrap();
    monitor.set_deadline(Some(rtnl_ip::Deadline::after(
        std::time::Duration::from_secs(5),
    )));
    let mut new = false;
    loop {
        match monitor.next_event().unwrap() {
            // The first is the entry as added; the kernel may announce it again as it goes.
            Event::NewNeighbour(n) if n.destination == Some(addr("192.0.2.2")) && !new => {
                assert_eq!(n.lladdr.as_deref(), Some(&MAC2[..]));
                assert_eq!(n.state, nud::PERMANENT);
                new = true;
            }
            Event::DelNeighbour(n) if n.destination == Some(addr("192.0.2.2")) => {
                assert!(new, "deleted before added");
                break;
            }
            _ => {}
        }
    }
    // The snapshot holds every entry of both tables, as ip lists them with every state.
    ip(&["link", "set", "v0", "down"]);
    ip(&["link", "set", "v1", "down"]);
    h.neigh_add(&spec).unwrap();
    let snapshot = monitor.snapshot().unwrap();
    let ip_count = ip_json(&["neigh", "show", "nud", "all"])
        .as_array()
        .unwrap()
        .len()
        + ip_json(&["-f", "bridge", "neigh", "show"])
            .as_array()
            .unwrap()
            .len();
    assert_eq!(snapshot.neighbours.len(), ip_count);
    assert!(
        snapshot
            .neighbours
            .iter()
            .any(|n| n.destination == Some(addr("192.0.2.2")))
    );
}
