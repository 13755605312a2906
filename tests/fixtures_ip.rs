//! Every fixture dump of the real kernel, decoded by rtnl-codec and printed by `rtnl_ip::show`,
//! compared key by key with what `ip -j -d` printed for the same state at the same moment
//! (`tests/fixtures/*.ip.json`, made by `examples/capture_fixtures.rs`).
//!
//! `ip` is the oracle: an independent decoder of the same bytes. Each test counts the values
//! it compared and checks the count is what the fixture holds, so none can pass vacuously.

mod common;

use std::collections::{BTreeSet, HashMap};

use common::{CLOCK_KEYS, LINK_DETAIL_KEYS, LINK_KEYS, fixture, printed};
use rtnl_ip::codec::{Messages, Payload};
use rtnl_ip::show;
use rtnl_ip::show::link::LinkStyle;
use rtnl_ip::show::lookup::LinkTable;
use rtnl_ip::show::route::{Extra, RouteStyle};
use rtnl_ip::{Link, Route};
use serde_json::Value;

fn ip_json(name: &str) -> Vec<Value> {
    serde_json::from_slice(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Decodes a dump, checking it is well formed to the end and ends with `NLMSG_DONE`.
fn decode_dump(bytes: &[u8], mut each: impl FnMut(Payload<'_>)) -> usize {
    let mut count = 0;
    let mut done = false;
    for message in Messages::new(bytes) {
        let payload = message
            .expect("well-formed message")
            .decode()
            .expect("decodes");
        assert!(!done, "messages after NLMSG_DONE");
        match payload {
            Payload::Done(d) => {
                assert_eq!(d.errno(), 0);
                done = true;
            }
            other => {
                count += 1;
                each(other);
            }
        }
    }
    assert!(done, "dump without NLMSG_DONE");
    count
}

/// Every link of a link dump fixture, so names print as ip printed them.
fn table(name: &str) -> LinkTable {
    let mut table = LinkTable::offline();
    decode_dump(&fixture(name), |p| {
        if let Payload::Link(l) = p {
            table.insert(&l);
        }
    });
    table
}

fn links(name: &str) -> Vec<Link> {
    let mut links = Vec::new();
    decode_dump(&fixture(name), |p| match p {
        Payload::Link(l) => links.push(Link::from_message(&l)),
        other => panic!("not a link: {other:?}"),
    });
    links
}

/// Compares `ours` with `theirs` for every key `ours` has, and checks `theirs` has no key in
/// `must_have` that `ours` lacks. Returns the number of values compared.
fn compare(context: &str, ours: &Value, theirs: &Value, must_have: &[&str]) -> usize {
    let (Value::Object(ours), Value::Object(theirs)) = (ours, theirs) else {
        panic!("{context}: not objects");
    };
    let mut compared = 0;
    for (key, value) in ours {
        let Some(expected) = theirs.get(key) else {
            panic!("{context}: we print {key}={value}, ip does not");
        };
        match (value, expected) {
            (Value::Object(_), Value::Object(_)) => {
                compared += compare(&format!("{context}.{key}"), value, expected, &[]);
            }
            (Value::Number(a), Value::Number(b)) if CLOCK_KEYS.contains(&key.as_str()) => {
                let (a, b) = (a.as_i64().unwrap(), b.as_i64().unwrap());
                assert!((a - b).abs() <= 3, "{context}.{key}: {a} vs ip's {b}");
                compared += 1;
            }
            _ => {
                assert_eq!(value, expected, "{context}.{key}");
                compared += 1;
            }
        }
    }
    for key in must_have {
        if theirs.get(*key).is_some() {
            assert!(
                ours.contains_key(*key),
                "{context}: ip prints {key}, we do not"
            );
        }
    }
    compared
}

#[test]
fn links_match_ip() {
    let ours = links("links.bin");
    let theirs = ip_json("links.ip.json");
    assert_eq!(ours.len(), theirs.len(), "link count");
    let veth_here = ours
        .iter()
        .filter(|l| l.kind.as_deref() == Some("veth"))
        .count();
    let peers_away = ours.iter().filter(|l| l.link_netnsid.is_some()).count();
    assert!(
        veth_here + peers_away >= 100,
        "the fixture has 50+ veth pairs"
    );
    let mut compared = 0;
    let mut kinds = BTreeSet::new();
    let mut table = table("links.bin");
    let mut all_printed = Vec::new();
    // `ip -j -d`: the keys of `ip -j link show` and those `-d` adds.
    let must_have = [LINK_KEYS.as_slice(), &LINK_DETAIL_KEYS].concat();
    decode_dump(&fixture("links.bin"), |p| {
        let Payload::Link(m) = p else {
            panic!("not a link: {p:?}")
        };
        let style = LinkStyle::link_show(true, true);
        all_printed.push(printed(|p| show::link::link(p, &m, &mut table, style)));
    });
    for ((link, expected), printed) in ours.iter().zip(&theirs).zip(all_printed) {
        compared += compare(&link.name, &printed, expected, &must_have);
        kinds.extend(link.kind.clone());
        // The info_kind and info_slave_kind ip prints, we print.
        for key in ["info_kind", "info_slave_kind"] {
            let ip_has = expected["linkinfo"].get(key).is_some();
            assert_eq!(
                printed["linkinfo"].get(key).is_some(),
                ip_has,
                "{} {key}",
                link.name
            );
        }
    }
    assert_eq!(
        kinds,
        ["bridge", "veth", "vxlan"].map(String::from).into(),
        "kinds in the fixture"
    );
    // ~25 values per link, 87 links.
    assert!(compared > 87 * 20, "compared only {compared} values");
}

#[test]
fn veth_peers_in_another_namespace_carry_their_nsid() {
    let links = links("links.bin");
    let elsewhere: Vec<&Link> = links
        .iter()
        .filter(|l| l.kind.as_deref() == Some("veth") && l.link_netnsid.is_some())
        .collect();
    assert!(elsewhere.len() >= 15, "a third of the peers were moved");
    for link in elsewhere {
        assert_eq!(
            link.link_netnsid,
            Some(5),
            "{}: namespace B has nsid 5",
            link.name
        );
        assert!(link.link.is_some_and(|peer| peer > 0));
    }
}

#[test]
fn the_vxlan_and_the_bridge_have_their_kind_data() {
    let links = links("links.bin");
    let vx0 = links.iter().find(|l| l.name == "vx0").unwrap();
    let Some(rtnl_ip::KindData::Vxlan {
        id,
        port,
        remote,
        local,
        ..
    }) = &vx0.kind_data
    else {
        panic!("vx0 has no vxlan data: {vx0:?}");
    };
    assert_eq!((*id, *port), (Some(42), Some(4789)));
    assert_eq!(remote.unwrap().to_string(), "198.51.100.2");
    assert_eq!(local.unwrap().to_string(), "192.0.2.1");
    let br0 = links.iter().find(|l| l.name == "br0").unwrap();
    assert!(matches!(
        br0.kind_data,
        Some(rtnl_ip::KindData::Bridge { .. })
    ));
    let ports = links.iter().filter(|l| l.master == Some(br0.index)).count();
    assert_eq!(ports, 3);
}

#[test]
fn the_2001_link_dump_decodes_whole() {
    let links = links("links_2001.bin");
    assert_eq!(links.len(), 2001);
    assert_eq!(
        links
            .iter()
            .filter(|l| l.kind.as_deref() == Some("veth"))
            .count(),
        2000
    );
    let names: BTreeSet<&str> = links.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names.len(), 2001, "every name is distinct");
}

#[test]
fn addresses_match_ip() {
    let links = links("links.bin");
    let mut by_link: HashMap<u32, Vec<Value>> = HashMap::new();
    let count = decode_dump(&fixture("addrs.bin"), |p| match p {
        Payload::Address(a) => {
            let address = printed(|p| show::address::address(p, &a));
            by_link.entry(a.index()).or_default().push(address);
        }
        other => panic!("not an address: {other:?}"),
    });
    let theirs = ip_json("addrs.ip.json");
    let mut compared = 0;
    let mut entries = 0;
    for expected in &theirs {
        let index = u32::try_from(expected["ifindex"].as_u64().unwrap()).unwrap();
        let ip_list = expected["addr_info"].as_array().unwrap();
        let ours = by_link.remove(&index).unwrap_or_default();
        let name = &links.iter().find(|l| l.index == index).unwrap().name;
        assert_eq!(ours.len(), ip_list.len(), "{name}: address count");
        // ip prints a link's addresses in dump order: IPv4 first, then IPv6.
        for (printed, expected) in ours.iter().zip(ip_list) {
            let context = format!("{name} {}", expected["local"]);
            compared += compare(
                &context,
                printed,
                expected,
                &[
                    "family",
                    "local",
                    "address",
                    "prefixlen",
                    "broadcast",
                    "scope",
                    "label",
                    "valid_life_time",
                    "preferred_life_time",
                ],
            );
            // Flags print as `"flag": true`; every one ip prints, we print.
            for (key, value) in expected.as_object().unwrap() {
                if value == &Value::Bool(true) {
                    assert_eq!(printed.get(key), Some(value), "{context}: flag {key}");
                }
            }
            entries += 1;
        }
    }
    assert!(by_link.is_empty(), "addresses on links ip did not print");
    assert_eq!(entries, count);
    assert!(
        count >= 16 && compared > count * 6,
        "{count} addresses, {compared} values"
    );
}

fn routes_match_ip(bin: &str, json_name: &str) {
    let mut table = table("links.bin");
    let mut ours = Vec::new();
    decode_dump(&fixture(bin), |p| match p {
        Payload::Route(r) => {
            let style = RouteStyle::all_tables(true);
            let route = printed(|p| show::route::route(p, &r, &mut table, style, Extra::default()));
            ours.push((Route::from_message(&r), route));
        }
        other => panic!("not a route: {other:?}"),
    });
    let theirs = ip_json(json_name);
    // `ip route show table all` leaves out cloned/cached entries; the dumps here have none.
    assert_eq!(ours.len(), theirs.len(), "{bin}: route count");
    let mut compared = 0;
    for ((_, printed), expected) in ours.iter().zip(&theirs) {
        let context = format!("{bin} {} table {}", expected["dst"], expected["table"]);
        compared += compare(
            &context,
            printed,
            expected,
            &[
                "type", "dst", "gateway", "dev", "table", "protocol", "scope", "metric", "prefsrc",
                "flags", "pref", "expires", "nexthops",
            ],
        );
        if let Some(hops) = expected.get("nexthops") {
            assert_eq!(printed["nexthops"], *hops, "{context}: nexthops");
        }
    }
    assert!(compared > ours.len() * 6, "compared only {compared} values");
}

#[test]
fn ipv4_routes_match_ip() {
    routes_match_ip("routes4.bin", "routes4.ip.json");
}

#[test]
fn ipv6_routes_match_ip() {
    routes_match_ip("routes6.bin", "routes6.ip.json");
}

#[test]
fn table_1000_is_read_from_rta_table() {
    let mut tables = BTreeSet::new();
    decode_dump(&fixture("routes4.bin"), |p| {
        if let Payload::Route(r) = p {
            if r.table() == 1000 {
                assert_eq!(r.header().rtm_table, 252, "RT_TABLE_COMPAT in the header");
            }
            tables.insert(r.table());
        }
    });
    assert!(
        tables.is_superset(&[100, 254, 255, 1000].into()),
        "{tables:?}"
    );
}

#[test]
fn nsids_match_ip() {
    let mut ours = BTreeSet::new();
    decode_dump(&fixture("nsids.bin"), |p| match p {
        Payload::Nsid(n) => {
            ours.insert(i64::from(n.nsid().unwrap()));
        }
        other => panic!("not an nsid: {other:?}"),
    });
    let theirs: BTreeSet<i64> = ip_json("nsids.ip.json")
        .iter()
        .map(|e| e["nsid"].as_i64().unwrap())
        .collect();
    assert_eq!(ours, theirs);
    assert_eq!(ours.len(), 2);
}

/// One message of an error fixture: (errno, ext-ack text, missing type).
fn error_reply(name: &str) -> (i32, Option<String>, Option<u32>) {
    let bytes = fixture(name);
    let mut messages = Messages::new(&bytes);
    let message = messages.next().unwrap().unwrap();
    assert!(messages.next().is_none(), "{name}: one message");
    match message.decode().unwrap() {
        Payload::Error(e) => (
            e.errno(),
            e.ext_ack().message().map(str::to_owned),
            e.ext_ack().missing_type(),
        ),
        Payload::Done(d) => (
            d.errno(),
            d.ext_ack().message().map(str::to_owned),
            d.ext_ack().missing_type(),
        ),
        other => panic!("{name}: {other:?}"),
    }
}

#[test]
fn error_replies_carry_errno_and_ext_ack() {
    assert_eq!(error_reply("ack.bin"), (0, None, None));
    assert_eq!(error_reply("err_exists.bin"), (17, None, None));
    assert_eq!(
        error_reply("err_unknown_kind.bin"),
        (95, Some("Unknown device type".into()), None)
    );
    assert_eq!(
        error_reply("err_mtu.bin"),
        (22, Some("mtu greater than device maximum".into()), None)
    );
    assert_eq!(
        error_reply("err_missing_attr.bin"),
        (22, Some("Missing MDBA_SET_ENTRY attribute".into()), Some(1))
    );
    assert_eq!(
        error_reply("err_strict_dump.bin"),
        (
            22,
            Some("Invalid values in header for link dump request".into()),
            None
        )
    );
}

#[test]
fn the_echoed_request_is_kept_for_ext_ack_offsets() {
    let bytes = fixture("err_mtu.bin");
    let message = Messages::new(&bytes).next().unwrap().unwrap();
    let Payload::Error(e) = message.decode().unwrap() else {
        panic!()
    };
    assert_eq!(e.request().nlmsg_type.get(), rtnl_ip::codec::rtm::NEWLINK);
    assert_eq!(
        e.request_bytes().len(),
        e.request().nlmsg_len.get() as usize
    );
    // The echoed request is a link message in its own right.
    let echoed = rtnl_ip::codec::Message::parse(e.request_bytes()).unwrap();
    let Payload::Link(link) = echoed.decode().unwrap() else {
        panic!()
    };
    assert_eq!((link.name(), link.mtu()), (Some("va3"), Some(70000)));
}

/// The links of the neighbour fixtures' namespace by index (`capture_fixtures DIR neigh`:
/// lo, then the veth's peer v1 (registered first), v0, br0), which the fixture has no link
/// dump for.
const NEIGH_LINKS: [(&str, &str); 4] =
    [("if1", "lo"), ("if2", "v1"), ("if3", "v0"), ("if4", "br0")];

/// A neighbour dump fixture printed as `ip -j neigh show` with `filter`'s selection, device
/// names put in for the `ifN` an offline table prints; the number of entries printed.
fn neighbours_printed(bin: &str, filter: &rtnl_ip::NeighbourFilter<'_>) -> (Value, usize) {
    let mut links = LinkTable::offline();
    let mut count = 0;
    let style = show::neigh::NeighbourStyle::default();
    let mut value = printed(|p| {
        p.start_list();
        decode_dump(&fixture(bin), |payload| match payload {
            Payload::Neighbour(n) => {
                if filter.keeps(None, &n) {
                    show::neigh::neighbour(p, &n, &mut links, style);
                    count += 1;
                }
            }
            other => panic!("not a neighbour: {other:?}"),
        });
        p.end_list();
    });
    for entry in value.as_array_mut().unwrap() {
        let dev = entry["dev"].as_str().unwrap().to_owned();
        let (_, name) = NEIGH_LINKS
            .iter()
            .find(|(index, _)| *index == dev)
            .unwrap_or_else(|| panic!("device {dev}"));
        entry["dev"] = Value::from(*name);
    }
    (value, count)
}

#[test]
fn neighbours_match_ip() {
    let all = rtnl_ip::NeighbourFilter::new().states(u32::MAX);
    let (ours, count) = neighbours_printed("neighs.bin", &all);
    let theirs = Value::Array(ip_json("neighs.ip.json"));
    assert_eq!(ours, theirs);
    // 12 entries: 6 ARP and 2 NDP made with ip, 4 the kernel's own multicast entries.
    assert_eq!(count, 12);
    let kinds: BTreeSet<&str> = theirs
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e.as_object().unwrap().keys().map(String::as_str))
        .collect();
    for key in [
        "router",
        "extern_learn",
        "managed",
        "protocol",
        "lladdr",
        "state",
    ] {
        assert!(kinds.contains(key), "the fixture has no {key}");
    }
}

#[test]
fn fdb_entries_match_ip() {
    let fdb = rtnl_ip::NeighbourFilter::new()
        .fdb()
        .states(rtnl_ip::NeighbourFilter::SHOW_STATES);
    let (ours, count) = neighbours_printed("fdb.bin", &fdb);
    assert_eq!(ours, Value::Array(ip_json("fdb.ip.json")));
    assert_eq!(count, 17);
    // The bridge's own entry for v1's address and the one added with `master` name br0.
    let mut masters = 0;
    decode_dump(&fixture("fdb.bin"), |payload| {
        if let Payload::Neighbour(n) = payload
            && n.master() == Some(4)
        {
            assert_eq!(n.family(), rtnl_ip::codec::af::BRIDGE);
            masters += 1;
        }
    });
    assert!(masters >= 2, "{masters}");
}
