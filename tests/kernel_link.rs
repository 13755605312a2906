//! Link operations against the real kernel, each test in its own network namespace, each result
//! checked through `ip -j -d` (an independent decoder) as well as our own dump.

mod common;

use common::{ip, ip_json, ip_link, printed, private_netns, private_netns_with_run_netns};
use rtnl_ip::codec::iff;
use rtnl_ip::show::{self, link::LinkStyle, lookup::LinkTable};
use rtnl_ip::{Handle, LinkAdd, LinkFilter, LinkRef, LinkSet, NetnsRef, PeerNamespace};

fn names(links: &[rtnl_ip::Link]) -> Vec<String> {
    let mut names: Vec<String> = links.iter().map(|l| l.name.clone()).collect();
    names.sort();
    names
}

fn flags(link: &serde_json::Value) -> Vec<String> {
    serde_json::from_value(link["flags"].clone()).unwrap()
}

#[test]
fn veth_pair_with_peer_in_a_named_namespace() {
    let _run = private_netns_with_run_netns();
    ip(&["netns", "add", "blue"]);
    let mut h = Handle::new().unwrap();
    h.link_add(
        &LinkAdd::veth("v0", "v1")
            .peer_netns(NetnsRef::name("blue"))
            .mtu(1400)
            .peer_mtu(1300)
            .address(&[0x02, 0, 0, 0, 0, 0x10])
            .peer_address(&[0x02, 0, 0, 0, 0, 0x11])
            .up(),
    )
    .unwrap();

    // ip's view of both ends.
    let here = ip_link("v0");
    let there = ip_json(&["-n", "blue", "link", "show", "dev", "v1"])[0].clone();
    assert_eq!(here["mtu"], 1400);
    assert_eq!(here["address"], "02:00:00:00:00:10");
    assert!(flags(&here).contains(&"UP".to_owned()));
    assert_eq!(here["linkinfo"]["info_kind"], "veth");
    assert_eq!(there["mtu"], 1300);
    assert_eq!(there["address"], "02:00:00:00:00:11");
    let nsid = here["link_netnsid"]
        .as_i64()
        .expect("v0 shows link_netnsid");
    assert_eq!(here["link_index"], there["ifindex"]);
    assert!(
        there["link_netnsid"].is_i64(),
        "v1 sees v0's namespace by nsid too"
    );

    // Our view: the dump and the peer lookup agree with ip.
    let v0 = h.link(LinkRef::from("v0")).unwrap();
    assert_eq!(i64::from(v0.link_netnsid.unwrap()), nsid);
    let peer = h.veth_peer(LinkRef::from("v0")).unwrap();
    assert_eq!(peer.name, "v1");
    assert_eq!(i64::from(peer.index), there["ifindex"].as_i64().unwrap());
    assert_eq!(
        peer.namespace,
        PeerNamespace::Named {
            name: "blue".into(),
            nsid: i32::try_from(nsid).unwrap()
        }
    );

    // From inside blue, v1's peer is v0 in a namespace with no name in the run dir.
    let mut blue = Handle::in_netns(NetnsRef::name("blue")).unwrap();
    let back = blue.veth_peer(LinkRef::from("v1")).unwrap();
    assert_eq!((back.name.as_str(), back.index), ("v0", v0.index));
    assert!(matches!(back.namespace, PeerNamespace::Nsid(_)));

    // Deleting either end deletes both.
    blue.link_del(LinkRef::from("v1")).unwrap();
    assert!(
        h.links(&LinkFilter {
            kind: Some("veth"),
            ..Default::default()
        })
        .unwrap()
        .is_empty()
    );
}

#[test]
fn veth_peer_in_the_same_namespace() {
    private_netns();
    let mut h = Handle::new().unwrap();
    h.link_add(&LinkAdd::veth("a0", "a1")).unwrap();
    let peer = h.veth_peer(LinkRef::from("a0")).unwrap();
    assert_eq!(
        (peer.name.as_str(), peer.namespace),
        ("a1", PeerNamespace::Same)
    );
    assert_eq!(ip_link("a0")["link"], "a1");
    let err = h.veth_peer(LinkRef::from("lo")).unwrap_err();
    assert_eq!(err.to_string(), "not a veth device");
}

#[test]
fn move_and_rename_in_one_request() {
    let _run = private_netns_with_run_netns();
    ip(&["netns", "add", "red"]);
    let mut h = Handle::new().unwrap();
    h.link_add(&LinkAdd::veth("m0", "m1")).unwrap();
    h.link_set(
        &LinkSet::new(LinkRef::from("m1"))
            .netns(NetnsRef::name("red"))
            .name("eth7"),
    )
    .unwrap();
    let red = ip_json(&["-n", "red", "link", "show"]);
    let names: Vec<&str> = red
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["ifname"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"eth7"), "{names:?}");
    assert!(
        h.link(LinkRef::from("m1")).is_err(),
        "m1 left this namespace"
    );
    assert_eq!(h.veth_peer(LinkRef::from("m0")).unwrap().name, "eth7");
}

#[test]
fn every_link_set_keyword() {
    private_netns();
    let mut h = Handle::new().unwrap();
    h.link_add(&LinkAdd::veth("s0", "s1")).unwrap();
    h.link_add(&LinkAdd::bridge("br9")).unwrap();
    let s0 = LinkRef::from("s0");
    h.link_set(
        &LinkSet::new(s0)
            .up(true)
            .promisc(true)
            .arp(false)
            .allmulticast(true)
            .dynamic(true)
            .trailers(false)
            .mtu(1280)
            .txqueuelen(77)
            .address(&[0x02, 0xaa, 0, 0, 0, 1])
            .broadcast(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xfe])
            .alias("to the rack")
            .group(7)
            .master(LinkRef::from("br9")),
    )
    .unwrap();
    let j = ip_link("s0");
    let f = flags(&j);
    for flag in [
        "UP",
        "PROMISC",
        "NOARP",
        "ALLMULTI",
        "DYNAMIC",
        "NOTRAILERS",
    ] {
        assert!(f.contains(&flag.to_owned()), "{flag} in {f:?}");
    }
    assert_eq!(j["mtu"], 1280);
    assert_eq!(j["txqlen"], 77);
    assert_eq!(j["address"], "02:aa:00:00:00:01");
    assert_eq!(j["broadcast"], "ff:ff:ff:ff:ff:fe");
    assert_eq!(j["ifalias"], "to the rack");
    assert_eq!(j["group"], "7");
    assert_eq!(j["master"], "br9");
    // Our dump reads the same.
    let ours = h.link(s0).unwrap();
    assert_eq!(
        (ours.mtu, ours.txqlen, ours.group),
        (Some(1280), Some(77), Some(7))
    );
    assert_eq!(ours.alias.as_deref(), Some("to the rack"));
    assert!(ours.flags & iff::NOARP != 0);

    // And back.
    h.link_set(
        &LinkSet::new(s0)
            .up(false)
            .promisc(false)
            .arp(true)
            .multicast(false)
            .allmulticast(false)
            .nomaster()
            .alias(""),
    )
    .unwrap();
    let j = ip_link("s0");
    let f = flags(&j);
    for flag in ["UP", "PROMISC", "NOARP", "ALLMULTI", "MULTICAST"] {
        assert!(!f.contains(&flag.to_owned()), "{flag} still in {f:?}");
    }
    assert!(j.get("master").is_none());
    // veth has no carrier control: the kernel's refusal reaches us.
    let err = h.link_set(&LinkSet::new(s0).carrier(false)).unwrap_err();
    assert_eq!(err.errno(), Some(rustix::io::Errno::OPNOTSUPP), "{err}");
}

#[test]
fn show_filters() {
    private_netns();
    let mut h = Handle::new().unwrap();
    h.link_add(&LinkAdd::bridge("br0").up()).unwrap();
    h.link_add(&LinkAdd::veth("p0", "q0").master(LinkRef::from("br0")))
        .unwrap();
    h.link_add(&LinkAdd::veth("p1", "q1").master(LinkRef::from("br0")).up())
        .unwrap();
    h.link_add(&LinkAdd::veth("p2", "q2")).unwrap();
    h.link_set(&LinkSet::new(LinkRef::from("q2")).group(3))
        .unwrap();

    let all = h.links(&LinkFilter::default()).unwrap();
    let ip_all = ip_json(&["link", "show"]);
    assert_eq!(all.len(), ip_all.as_array().unwrap().len());
    let ports = h
        .links(&LinkFilter {
            master: Some(LinkRef::from("br0")),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(names(&ports), ["p0", "p1"]);
    let ip_ports = ip_json(&["link", "show", "master", "br0"]);
    assert_eq!(ip_ports.as_array().unwrap().len(), 2);
    let veths = h
        .links(&LinkFilter {
            kind: Some("veth"),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(veths.len(), 6);
    let bridges = h
        .links(&LinkFilter {
            kind: Some("bridge"),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(names(&bridges), ["br0"]);
    let up = h
        .links(&LinkFilter {
            up: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(names(&up), ["br0", "lo", "p1"]);
    let group = h
        .links(&LinkFilter {
            group: Some(3),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(names(&group), ["q2"]);
    let one = h
        .links(&LinkFilter {
            device: Some(LinkRef::from("p2")),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(names(&one), ["p2"]);
    let err = h
        .links(&LinkFilter {
            vrf: Some(LinkRef::from("br0")),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(err.to_string(), "Not a valid VRF name");

    // The streaming form sees the same links, one buffer at a time.
    let mut streamed = 0;
    h.for_each_link(&LinkFilter::default(), |m| {
        assert!(m.name().is_some());
        streamed += 1;
    })
    .unwrap();
    assert_eq!(streamed, all.len());
}

#[test]
fn bridge_and_vxlan_with_their_data() {
    private_netns();
    let mut h = Handle::new().unwrap();
    h.link_add(&LinkAdd::veth("u0", "u1")).unwrap();
    h.link_add(&LinkAdd::bridge("br1").mtu(1400)).unwrap();
    h.link_add(
        &LinkAdd::vxlan("vx1", 4242)
            .vxlan_remote("198.51.100.9".parse().unwrap())
            .vxlan_local("192.0.2.9".parse().unwrap())
            .vxlan_port(4789)
            .vxlan_dev(LinkRef::from("u0"))
            .vxlan_ttl(9),
    )
    .unwrap();
    let j = ip_link("vx1");
    let data = &j["linkinfo"]["info_data"];
    assert_eq!(data["id"], 4242);
    assert_eq!(data["remote"], "198.51.100.9");
    assert_eq!(data["local"], "192.0.2.9");
    assert_eq!(data["port"], 4789);
    assert_eq!(data["link"], "u0");
    assert_eq!(data["ttl"], 9);
    let ours = h.link(LinkRef::from("vx1")).unwrap();
    // Our JSON of the vxlan and the bridge equals ip's for every key we print.
    let mut table = LinkTable::new(&mut h);
    let mut all = Vec::new();
    h.for_each_link(&LinkFilter::default(), |m| {
        table.insert(m);
        let style = LinkStyle::link_show(true, true);
        all.push(printed(|p| show::link::link(p, m, &mut table, style)));
    })
    .unwrap();
    for name in ["vx1", "br1"] {
        let printed = all.iter().find(|l| l["ifname"] == name).unwrap();
        let theirs = ip_link(name);
        for (key, value) in printed.as_object().unwrap() {
            if key != "linkinfo" {
                assert_eq!(value, &theirs[key], "{name} {key}");
            }
        }
        for (key, value) in printed["linkinfo"]["info_data"].as_object().unwrap() {
            assert_eq!(
                value, &theirs["linkinfo"]["info_data"][key],
                "{name} info_data.{key}"
            );
        }
    }
    assert!(matches!(
        ours.kind_data,
        Some(rtnl_ip::KindData::Vxlan { id: Some(4242), .. })
    ));
}

#[test]
fn delete_by_name_and_by_index() {
    private_netns();
    let mut h = Handle::new().unwrap();
    h.link_add(&LinkAdd::veth("d0", "d1")).unwrap();
    h.link_add(&LinkAdd::veth("e0", "e1")).unwrap();
    h.link_del(LinkRef::from("d1")).unwrap();
    let e0 = h.link(LinkRef::from("e0")).unwrap();
    h.link_del(LinkRef::Index(e0.index)).unwrap();
    let left = ip_json(&["link", "show"]);
    assert_eq!(left.as_array().unwrap().len(), 1, "only lo is left: {left}");
    assert_eq!(h.links(&LinkFilter::default()).unwrap().len(), 1);
}

#[test]
fn errors_read_like_ip() {
    private_netns();
    let mut h = Handle::new().unwrap();
    h.link_add(&LinkAdd::veth("x0", "x1")).unwrap();
    let exists = h.link_add(&LinkAdd::veth("x0", "x2")).unwrap_err();
    assert_eq!(exists.to_string(), "RTNETLINK answers: File exists");
    assert_eq!(
        format!("{exists:#}"),
        "add link \"x0\": RTNETLINK answers: File exists"
    );
    // This kernel has no dummy, vlan or macvlan driver: the kernel's own words come through.
    let unknown = h.link_add(&LinkAdd::dummy("dm0")).unwrap_err();
    assert_eq!(unknown.to_string(), "Error: Unknown device type.");
    let vlan = h
        .link_add(&LinkAdd::vlan("x0.5", LinkRef::from("x0"), 5))
        .unwrap_err();
    assert_eq!(vlan.ext_ack(), Some("Unknown device type"));
    let missing = h
        .link_set(&LinkSet::new(LinkRef::from("nope")).up(true))
        .unwrap_err();
    assert_eq!(missing.errno(), Some(rustix::io::Errno::NODEV));
    let missing = h.link(LinkRef::from("nope")).unwrap_err();
    assert_eq!(missing.to_string(), "Cannot find device \"nope\"");
    let mtu = h
        .link_set(&LinkSet::new(LinkRef::from("x0")).mtu(70000))
        .unwrap_err();
    assert_eq!(mtu.to_string(), "Error: mtu greater than device maximum.");
    let bad = h.link_add(&LinkAdd::veth("a/b", "c")).unwrap_err();
    assert!(bad.to_string().starts_with("Invalid request"), "{bad}");
}

#[test]
fn both_ends_into_one_named_namespace() {
    let _run = private_netns_with_run_netns();
    ip(&["netns", "add", "green"]);
    let mut h = Handle::new().unwrap();
    // Both ends name the same namespace: it is opened once for the request.
    h.link_add(
        &LinkAdd::veth("g0", "g1")
            .netns(NetnsRef::name("green"))
            .peer_netns(NetnsRef::name("green")),
    )
    .unwrap();
    let there = ip_json(&["-n", "green", "link", "show", "type", "veth"]);
    let mut names: Vec<&str> = there
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["ifname"].as_str().unwrap())
        .collect();
    names.sort_unstable();
    assert_eq!(names, ["g0", "g1"]);
    assert!(
        h.link(LinkRef::from("g0")).is_err(),
        "nothing was made here"
    );
}
