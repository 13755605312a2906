//! Pipelined batches against the real kernel, each test in its own network namespace, every
//! result checked through `ip -j` as well.

mod common;

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use common::{ip, ip_json, private_netns};
use rtnl_ip::{ErrorKind, Handle, LinkAdd, LinkRef};
use rustix::io::Errno;
use serde_json::Value;

const PAIRS: usize = 200;

fn v4(i: usize) -> IpAddr {
    IpAddr::V4(Ipv4Addr::new(198, 51, 100, u8::try_from(i + 1).unwrap()))
}

fn v6(i: usize) -> IpAddr {
    let n = u16::try_from(i).unwrap();
    IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 0, n, 0, 0, 0, 1))
}

fn has_flag(link: &Value, flag: &str) -> bool {
    link["flags"]
        .as_array()
        .is_some_and(|flags| flags.iter().any(|f| f == flag))
}

/// `ip -j addr show`: every global address, by device name.
fn addresses() -> BTreeMap<String, Vec<String>> {
    let mut map = BTreeMap::<String, Vec<String>>::new();
    for link in ip_json(&["addr", "show"]).as_array().unwrap() {
        let name = link["ifname"].as_str().unwrap().to_owned();
        for info in link["addr_info"].as_array().unwrap() {
            if info["scope"] == "global" {
                let text = format!("{}/{}", info["local"].as_str().unwrap(), info["prefixlen"]);
                map.entry(name.clone()).or_default().push(text);
            }
        }
    }
    map
}

#[test]
fn two_hundred_veth_pairs_up_with_addresses_in_one_batch() {
    private_netns();
    let names: Vec<(String, String)> = (0..PAIRS)
        .map(|i| (format!("va{i}"), format!("vb{i}")))
        .collect();
    let mut h = Handle::new().unwrap();
    let mut batch = h.batch_builder();
    for (a, b) in &names {
        batch.link_add(&LinkAdd::veth(a, b).up());
    }
    // The devices do not exist yet: their names are resolved when the batch gets here.
    for (i, (a, _)) in names.iter().enumerate() {
        batch.address_add(LinkRef::Name(a.as_bytes()), v4(i), 24);
        batch.address_new(
            LinkRef::Name(a.as_bytes()),
            rtnl_ip::codec::request::NewMode::Add,
            &rtnl_ip::codec::request::Address {
                flags: rtnl_ip::codec::ifa_f::NODAD,
                ..rtnl_ip::codec::request::Address::new(0, v6(i), 64)
            },
        );
    }
    assert_eq!(batch.len(), PAIRS * 3);
    let results = batch.send().unwrap();
    assert_eq!(results.len(), PAIRS * 3);
    for (i, r) in results.iter().enumerate() {
        assert!(r.is_ok(), "request {i}: {r:?}");
    }

    let links = ip_json(&["link", "show", "type", "veth"]);
    let links = links.as_array().unwrap();
    assert_eq!(links.len(), PAIRS * 2);
    let by_name: BTreeMap<&str, &Value> = links
        .iter()
        .map(|l| (l["ifname"].as_str().unwrap(), l))
        .collect();
    let addrs = addresses();
    for (i, (a, b)) in names.iter().enumerate() {
        let (la, lb) = (by_name[a.as_str()], by_name[b.as_str()]);
        assert!(has_flag(la, "UP"), "{a} is up");
        assert!(!has_flag(lb, "UP"), "{b} stays down");
        assert_eq!(la["link"], b.as_str(), "{a} and {b} are peers");
        let mut want = vec![format!("{}/24", v4(i)), format!("{}/64", v6(i))];
        let mut got = addrs[a.as_str()].clone();
        want.sort();
        got.sort();
        assert_eq!(got, want, "addresses of {a}");
        assert!(!addrs.contains_key(b.as_str()));
    }
}

#[test]
fn a_failing_request_is_reported_at_its_index_and_the_others_succeed() {
    private_netns();
    ip(&[
        "link", "add", "taken", "type", "veth", "peer", "name", "taken-p",
    ]);
    let mut h = Handle::new().unwrap();
    let mut batch = h.batch_builder();
    let mut expect_fail = Vec::new();
    for i in 0..10 {
        let (a, b) = (format!("va{i}"), format!("vb{i}"));
        batch.link_add(&LinkAdd::veth(&a, &b));
    }
    // Refused by the kernel: the name exists.
    expect_fail.push(batch.link_add(&LinkAdd::veth("taken", "other")));
    for i in 10..20 {
        let (a, b) = (format!("va{i}"), format!("vb{i}"));
        batch.link_add(&LinkAdd::veth(&a, &b));
    }
    // Refused before sending: an invalid name.
    expect_fail.push(batch.link_add(&LinkAdd::veth("far-too-long-a-name", "x")));
    // By name, resolved by the kernel on links made earlier in this batch.
    for i in 0..20 {
        batch.link_up(LinkRef::Name(format!("va{i}").as_bytes()));
    }
    // A device that nobody makes.
    expect_fail.push(batch.address_add(LinkRef::from("nope"), v4(0), 24));
    for i in 0..20 {
        batch.address_add(LinkRef::Name(format!("va{i}").as_bytes()), v4(i), 24);
    }
    // The same address again: EEXIST from the kernel, in the middle of a run.
    expect_fail.push(batch.address_add(LinkRef::from("va3"), v4(3), 24));
    batch.link_del(LinkRef::from("va19"));
    let total = batch.len();
    let results = batch.send().unwrap();
    assert_eq!(results.len(), total);
    for (i, r) in results.iter().enumerate() {
        assert_eq!(r.is_err(), expect_fail.contains(&i), "request {i}: {r:?}");
    }

    let taken = results[expect_fail[0]].as_ref().unwrap_err();
    assert_eq!(taken.errno(), Some(Errno::EXIST));
    assert_eq!((taken.op(), taken.object()), ("add link", Some("taken")));
    let invalid = results[expect_fail[1]].as_ref().unwrap_err();
    assert!(
        matches!(invalid.kind(), ErrorKind::Request(_)),
        "{invalid:?}"
    );
    let nope = results[expect_fail[2]].as_ref().unwrap_err();
    assert_eq!(nope.kind(), &ErrorKind::NotFound);
    assert_eq!(nope.to_string(), "Cannot find device \"nope\"");
    let again = results[expect_fail[3]].as_ref().unwrap_err();
    assert_eq!(again.errno(), Some(Errno::EXIST));
    assert_eq!(again.op(), "add address");
    assert_eq!(again.object(), Some("198.51.100.4/24 dev va3"));

    // ip agrees: 19 pairs left (va19 deleted with its peer), all up, one address each.
    let links = ip_json(&["link", "show", "type", "veth"]);
    let names: Vec<&str> = links
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["ifname"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 19 * 2 + 2, "{names:?}");
    assert!(!names.contains(&"va19") && !names.contains(&"vb19"));
    let addrs = addresses();
    for i in 0..19 {
        let name = format!("va{i}");
        assert!(has_flag(&common::ip_link(&name), "UP"), "{name}");
        assert_eq!(addrs[&name], vec![format!("{}/24", v4(i))]);
    }
}

#[test]
fn interleaved_links_and_addresses_and_indexes() {
    private_netns();
    let mut h = Handle::new().unwrap();
    let mut batch = h.batch_builder();
    for i in 0..5 {
        let (a, b) = (format!("va{i}"), format!("vb{i}"));
        batch.link_add(&LinkAdd::veth(&a, &b).up());
        batch.address_add(LinkRef::Name(a.as_bytes()), v6(i), 64);
    }
    // Deleted and made again in the same batch: the address goes on the new link.
    batch.link_del(LinkRef::from("va0"));
    batch.link_add(&LinkAdd::veth("va0", "vb0"));
    batch.address_add(LinkRef::from("va0"), v4(0), 24);
    // lo by index.
    batch.address_add(LinkRef::Index(1), v4(100), 32);
    for r in batch.send().unwrap() {
        r.unwrap();
    }
    let addrs = addresses();
    assert_eq!(addrs["va0"], vec![format!("{}/24", v4(0))]);
    for i in 1..5 {
        assert_eq!(addrs[&format!("va{i}")], vec![format!("{}/64", v6(i))]);
    }
    assert_eq!(addrs["lo"], vec![format!("{}/32", v4(100))]);

    // Deletions in a batch, addresses by index.
    let index = h.link_index(LinkRef::from("va1")).unwrap();
    let mut batch = h.batch_builder();
    batch.address_del(LinkRef::Index(index), v6(1), 64);
    batch.address_del(LinkRef::from("va2"), v6(2), 64);
    batch.address_del(LinkRef::from("va2"), v6(2), 64);
    let results = batch.send().unwrap();
    assert!(results[0].is_ok() && results[1].is_ok(), "{results:?}");
    let gone = results[2].as_ref().unwrap_err();
    assert_eq!(gone.errno(), Some(Errno::ADDRNOTAVAIL));
    let addrs = addresses();
    assert!(!addrs.contains_key("va1") && !addrs.contains_key("va2"));

    // A rename in the middle: the index looked up for va4 is forgotten, and the old name
    // is gone by the time the request after the rename is reached.
    let va4 = h.link_index(LinkRef::from("va4")).unwrap();
    let mut batch = h.batch_builder();
    batch.address_add(LinkRef::from("va3"), v4(3), 24);
    batch.address_add(LinkRef::from("va4"), v4(4), 24);
    batch.link_set(&rtnl_ip::codec::request::SetLink {
        name: Some(b"vr4"),
        ..rtnl_ip::codec::request::SetLink::new(LinkRef::Index(va4))
    });
    batch.address_add(LinkRef::from("vr4"), v4(40), 24);
    batch.address_add(LinkRef::from("va4"), v4(41), 24);
    let results = batch.send().unwrap();
    assert!(results[..4].iter().all(Result::is_ok), "{results:?}");
    assert_eq!(
        results[4].as_ref().unwrap_err().to_string(),
        "Cannot find device \"va4\""
    );
    let addrs = addresses();
    let mut vr4 = addrs["vr4"].clone();
    let mut want = vec![
        format!("{}/24", v4(4)),
        format!("{}/24", v4(40)),
        format!("{}/64", v6(4)),
    ];
    vr4.sort();
    want.sort();
    assert_eq!(vr4, want);

    // An empty batch sends nothing.
    assert!(h.batch_builder().send().unwrap().is_empty());
}
