//! Address operations against the real kernel, each test in its own network namespace, each
//! result checked twice: through `ip -j -d address show` and through our own dump.

mod common;

use std::collections::BTreeSet;
use std::net::IpAddr;

use common::{ip, ip_json, printed, private_netns};
use rtnl_ip::codec::{ifa_f, rt_scope};
use rtnl_ip::show;
use rtnl_ip::{Address, AddressFilter, AddressSpec, ErrorKind, Family, Handle, IpPrefix, LinkRef};
use rustix::io::Errno;
use serde_json::Value;

/// A private namespace with `v0`-`v1`, both up, and a handle in it.
///
/// The links get no IPv6 link-local address (`addrgenmode none`): the kernel adds those in the
/// background and flips them from `tentative` a second or two later, which would change the
/// list between our dump and ip's.
fn veth_pair() -> Handle {
    private_netns();
    ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
    for dev in ["v0", "v1"] {
        ip(&["link", "set", dev, "addrgenmode", "none"]);
        ip(&["link", "set", dev, "up"]);
    }
    Handle::new().expect("handle")
}

fn prefix(text: &str) -> IpPrefix {
    text.parse().expect("prefix")
}

fn addr(text: &str) -> IpAddr {
    text.parse().expect("address")
}

/// Every `addr_info` entry `ip -j -d [-4|-6] address show ARGS` prints, with its link's index
/// (a leading `-4` or `-6` in `args` goes before `address`).
fn ip_addresses(args: &[&str]) -> Vec<(u64, Value)> {
    let (options, args) = match args.first() {
        Some(&family) if family.starts_with('-') => args.split_at(1),
        _ => (&[][..], args),
    };
    let mut full = options.to_vec();
    full.extend_from_slice(&["address", "show"]);
    full.extend_from_slice(args);
    let links = ip_json(&full);
    let mut out = Vec::new();
    for link in links.as_array().expect("array") {
        let index = link["ifindex"].as_u64().expect("ifindex");
        // ip prints `{}` for an address its filters drop.
        for info in link["addr_info"].as_array().into_iter().flatten() {
            if info.as_object().is_some_and(|o| !o.is_empty()) {
                out.push((index, info.clone()));
            }
        }
    }
    out
}

/// Checks our dump (`filter`) and `ip address show ARGS` list the same addresses with the same
/// keys and values; lifetimes, which count down between the two reads, may differ by 5 s.
fn assert_same_as_ip(handle: &mut Handle, filter: &AddressFilter, args: &[&str]) {
    let mut ours = Vec::new();
    handle
        .for_each_address(filter, |m| {
            ours.push((m.index(), printed(|p| show::address::address(p, m))));
        })
        .expect("dump addresses");
    let theirs = ip_addresses(args);
    let key = |index: u64, v: &Value| (index, v["local"].to_string(), v["prefixlen"].to_string());
    let our_keys: BTreeSet<_> = ours
        .iter()
        .map(|(index, v)| key(u64::from(*index), v))
        .collect();
    let their_keys: BTreeSet<_> = theirs.iter().map(|(i, v)| key(*i, v)).collect();
    assert_eq!(our_keys, their_keys, "filter {filter:?} vs ip {args:?}");
    for (index, mine) in &ours {
        let mut mine = mine.clone();
        let k = key(u64::from(*index), &mine);
        let (_, theirs) = theirs
            .iter()
            .find(|(i, v)| key(*i, v) == k)
            .expect("same address");
        let mut theirs = theirs.clone();
        for life in ["valid_life_time", "preferred_life_time"] {
            let a = mine[life].as_u64().expect("lifetime");
            let b = theirs[life].as_u64().expect("lifetime");
            assert!(a.abs_diff(b) <= 5, "{life}: ours {a}, ip {b}");
            mine[life] = Value::Null;
            theirs[life] = Value::Null;
        }
        assert_eq!(mine, theirs, "address {k:?}");
    }
}

/// The one address `local` on `dev` in our dump.
fn our_address(handle: &mut Handle, dev: &str, local: &str) -> Address {
    let local = addr(local);
    let found = handle
        .addresses(&AddressFilter::new().dev(dev))
        .expect("dump addresses");
    found
        .into_iter()
        .find(|a| a.local == Some(local))
        .unwrap_or_else(|| panic!("{local} on {dev}"))
}

/// The one address `local` in `ip -j -d address show dev DEV`.
fn ip_address(dev: &str, local: &str) -> Value {
    ip_addresses(&["dev", dev])
        .into_iter()
        .map(|(_, v)| v)
        .find(|v| v["local"] == local)
        .unwrap_or_else(|| panic!("ip shows no {local} on {dev}"))
}

#[test]
fn ipv4_add_with_label_broadcast_and_peer() {
    let mut handle = veth_pair();
    handle
        .address_add(
            &AddressSpec::new("v0", prefix("192.0.2.1/24"))
                .broadcast_auto()
                .label("v0:web"),
        )
        .expect("add with brd + and label");
    handle
        .address_add(
            &AddressSpec::new("v0", prefix("198.51.100.1/24"))
                .broadcast("198.51.100.127".parse().unwrap())
                .metric(50),
        )
        .expect("add with broadcast and metric");
    handle
        .address_add(
            &AddressSpec::new("v1", prefix("203.0.113.1/32")).peer(prefix("203.0.113.2/32")),
        )
        .expect("add with peer");

    let web = ip_address("v0", "192.0.2.1");
    assert_eq!(web["broadcast"], "192.0.2.255");
    assert_eq!(web["label"], "v0:web");
    assert_eq!(web["prefixlen"], 24);
    let brd = ip_address("v0", "198.51.100.1");
    assert_eq!(brd["broadcast"], "198.51.100.127");
    assert_eq!(brd["metric"], 50);
    let ptp = ip_address("v1", "203.0.113.1");
    assert_eq!(ptp["address"], "203.0.113.2");
    assert_eq!(ptp["prefixlen"], 32);
    // The metric goes onto the prefix route the kernel adds.
    let routes = ip_json(&["route", "show", "198.51.100.0/24"]);
    assert_eq!(routes[0]["metric"], 50, "{routes}");

    let ours = our_address(&mut handle, "v0", "192.0.2.1");
    assert_eq!(ours.label.as_deref(), Some("v0:web"));
    assert_eq!(ours.broadcast, Some(addr("192.0.2.255")));
    assert_eq!(ours.scope, rt_scope::UNIVERSE);
    assert_eq!(
        our_address(&mut handle, "v1", "203.0.113.1").peer,
        Some(addr("203.0.113.2"))
    );
    assert_same_as_ip(&mut handle, &AddressFilter::new(), &[]);
}

#[test]
fn ipv6_add_with_nodad_noprefixroute_and_lifetimes() {
    let mut handle = veth_pair();
    handle
        .address_add(
            &AddressSpec::new("v0", prefix("2001:db8::1/64"))
                .nodad()
                .noprefixroute()
                .lifetime(3600, 1800),
        )
        .expect("add IPv6");
    handle
        .address_add(
            &AddressSpec::new("v0", prefix("2001:db8:1::1/64"))
                .nodad()
                .metric(77),
        )
        .expect("add IPv6 with metric");

    let theirs = ip_address("v0", "2001:db8::1");
    assert_eq!(theirs["nodad"], true);
    assert_eq!(theirs["noprefixroute"], true);
    assert!(theirs.get("tentative").is_none(), "nodad: usable at once");
    let valid = theirs["valid_life_time"].as_u64().unwrap();
    let preferred = theirs["preferred_life_time"].as_u64().unwrap();
    assert!((3595..=3600).contains(&valid), "valid {valid}");
    assert!((1795..=1800).contains(&preferred), "preferred {preferred}");

    let ours = our_address(&mut handle, "v0", "2001:db8::1");
    assert_eq!(ours.prefix_len, 64);
    assert_ne!(ours.flags & ifa_f::NODAD, 0);
    assert_ne!(ours.flags & ifa_f::NOPREFIXROUTE, 0);
    assert_eq!(
        ours.flags & ifa_f::PERMANENT,
        0,
        "a lifetime makes it dynamic"
    );
    assert!((3595..=3600).contains(&ours.valid_lifetime.unwrap()));
    assert!((1795..=1800).contains(&ours.preferred_lifetime.unwrap()));

    // noprefixroute: no route to 2001:db8::/64; the other one's prefix route has metric 77.
    let routes = ip_json(&["-6", "route", "show", "dev", "v0"]);
    let dsts: Vec<&str> = routes
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["dst"].as_str())
        .collect();
    assert!(!dsts.contains(&"2001:db8::/64"), "{dsts:?}");
    let with_metric = routes
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["dst"] == "2001:db8:1::/64")
        .expect("prefix route");
    assert_eq!(with_metric["metric"], 77);
    assert_same_as_ip(&mut handle, &AddressFilter::new().dev("v0"), &["dev", "v0"]);
}

#[test]
fn replace_changes_the_lifetime_and_add_refuses_a_duplicate() {
    let mut handle = veth_pair();
    let spec = AddressSpec::new("v0", prefix("2001:db8::5/64"))
        .nodad()
        .lifetime(3600, 1800);
    handle.address_add(&spec).expect("add");
    handle
        .address_replace(&spec.clone().lifetime(600, 300))
        .expect("replace");
    let theirs = ip_address("v0", "2001:db8::5");
    let valid = theirs["valid_life_time"].as_u64().unwrap();
    assert!((595..=600).contains(&valid), "valid {valid}");
    let ours = our_address(&mut handle, "v0", "2001:db8::5");
    assert!((595..=600).contains(&ours.valid_lifetime.unwrap()));
    assert!((295..=300).contains(&ours.preferred_lifetime.unwrap()));

    // Replace creates what is missing, and changes an IPv4 address's lifetime as well.
    let fresh = AddressSpec::new("v0", prefix("192.0.2.9/24"));
    handle.address_replace(&fresh).expect("replace creates");
    assert_eq!(
        ip_address("v0", "192.0.2.9")["valid_life_time"],
        u64::from(u32::MAX)
    );
    handle
        .address_replace(&fresh.clone().lifetime(900, 900))
        .expect("replace an existing address");
    let changed = ip_address("v0", "192.0.2.9");
    assert!(changed["valid_life_time"].as_u64().unwrap() <= 900);

    let err = handle.address_add(&spec).expect_err("add twice");
    assert_eq!(err.errno(), Some(Errno::EXIST));
    assert_same_as_ip(&mut handle, &AddressFilter::new(), &[]);
}

#[test]
fn delete_removes_one_address() {
    let mut handle = veth_pair();
    for local in ["192.0.2.1/24", "198.51.100.1/24", "2001:db8::1/64"] {
        handle
            .address_add(&AddressSpec::new("v0", prefix(local)).nodad())
            .expect("add");
    }
    handle
        .address_del(&AddressSpec::new("v0", prefix("192.0.2.1/24")))
        .expect("delete IPv4");
    handle
        .address_del(&AddressSpec::new("v0", prefix("2001:db8::1/64")))
        .expect("delete IPv6");
    let left: Vec<String> = ip_addresses(&["dev", "v0"])
        .iter()
        .map(|(_, v)| v["local"].as_str().unwrap().to_owned())
        .collect();
    assert!(left.contains(&"198.51.100.1".to_owned()), "{left:?}");
    assert!(!left.contains(&"192.0.2.1".to_owned()), "{left:?}");
    assert!(!left.contains(&"2001:db8::1".to_owned()), "{left:?}");
    assert_same_as_ip(&mut handle, &AddressFilter::new(), &[]);

    let err = handle
        .address_del(&AddressSpec::new("v0", prefix("192.0.2.1/24")))
        .expect_err("delete twice");
    assert_eq!(err.errno(), Some(Errno::ADDRNOTAVAIL), "{err}");
    assert_eq!(err.op(), "delete address");
}

#[test]
fn flush_empties_one_device() {
    let mut handle = veth_pair();
    for (dev, local) in [
        ("v0", "192.0.2.1/24"),
        ("v0", "192.0.2.2/24"), // a secondary: goes with its primary
        ("v0", "198.51.100.1/24"),
        ("v0", "2001:db8::1/64"),
        ("v0", "fe80::1/64"),
        ("v1", "203.0.113.1/24"),
        ("v1", "2001:db8:2::1/64"),
    ] {
        handle
            .address_add(&AddressSpec::new(dev, prefix(local)).nodad())
            .expect("add");
    }
    let v1_before = ip_addresses(&["dev", "v1"]).len();

    let deleted = handle
        .address_flush("v0", Some(Family::V4))
        .expect("flush IPv4");
    assert!((2..=3).contains(&deleted), "deleted {deleted}");
    let families: BTreeSet<String> = ip_addresses(&["dev", "v0"])
        .iter()
        .map(|(_, v)| v["family"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(families, BTreeSet::from(["inet6".to_owned()]));

    handle.address_flush("v0", None).expect("flush all");
    assert!(ip_addresses(&["dev", "v0"]).is_empty(), "fe80::1 too");
    assert!(
        handle
            .addresses(&AddressFilter::new().dev("v0"))
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        ip_addresses(&["dev", "v1"]).len(),
        v1_before,
        "v1 untouched"
    );
    assert_eq!(handle.address_flush("v0", None).expect("flush nothing"), 0);
}

#[test]
fn show_filters_by_device_family_label_and_scope() {
    let mut handle = veth_pair();
    for (dev, spec) in [
        (
            "v0",
            AddressSpec::new("v0", prefix("192.0.2.1/24")).label("v0:a"),
        ),
        (
            "v0",
            AddressSpec::new("v0", prefix("192.0.2.2/24")).label("v0:b"),
        ),
        ("v1", AddressSpec::new("v1", prefix("198.51.100.1/24"))),
        // A secondary must have its primary's scope: another prefix.
        (
            "v1",
            AddressSpec::new("v1", prefix("203.0.113.9/24")).scope(rt_scope::LINK),
        ),
        (
            "v0",
            AddressSpec::new("v0", prefix("2001:db8::1/64")).nodad(),
        ),
    ] {
        handle
            .address_add(&spec)
            .unwrap_or_else(|e| panic!("{dev}: {e}"));
    }
    assert_same_as_ip(&mut handle, &AddressFilter::new(), &[]);
    assert_same_as_ip(&mut handle, &AddressFilter::new().dev("v1"), &["dev", "v1"]);
    assert_same_as_ip(
        &mut handle,
        &AddressFilter::new().family(Family::V6),
        &["-6"],
    );
    assert_same_as_ip(
        &mut handle,
        &AddressFilter::new().family(Family::V4),
        &["-4"],
    );
    // ip's JSON for a label filter loses the link (no ifindex), so compare with its text.
    for (pattern, count) in [("v0:*", 2), ("v0*", 3), ("v0:a", 1), ("v?", 3), ("x*", 0)] {
        let ours: BTreeSet<String> = handle
            .addresses(&AddressFilter::new().label(pattern))
            .expect("dump by label")
            .iter()
            .map(|a| format!("{}/{}", a.local.unwrap(), a.prefix_len))
            .collect();
        let theirs: BTreeSet<String> = ip(&["address", "show", "label", pattern])
            .lines()
            .filter_map(
                |line| match line.split_whitespace().collect::<Vec<_>>()[..] {
                    ["inet" | "inet6", local, ..] => Some(local.to_owned()),
                    _ => None,
                },
            )
            .collect();
        // v0*: IPv6 addresses are matched by the device's name, as ip does.
        assert_eq!(ours, theirs, "label {pattern}");
        assert_eq!(ours.len(), count, "label {pattern}: {ours:?}");
    }
    assert_same_as_ip(
        &mut handle,
        &AddressFilter::new().scope(rt_scope::HOST),
        &["scope", "host"],
    );
    assert_same_as_ip(
        &mut handle,
        &AddressFilter::new()
            .scope(rt_scope::LINK)
            .family(Family::V4),
        &["-4", "scope", "link"],
    );
    let index = handle.link_index(rtnl_ip::LinkRef::from("v0")).unwrap();
    assert_same_as_ip(
        &mut handle,
        &AddressFilter::new().dev(index).family(Family::V4),
        &["-4", "dev", "v0"],
    );
}

#[test]
fn for_each_address_streams_what_addresses_collects() {
    let mut handle = veth_pair();
    handle
        .address_add(&AddressSpec::new(
            LinkRef::from("v0"),
            prefix("192.0.2.1/24"),
        ))
        .unwrap();
    let filter = AddressFilter::new().family(Family::V4);
    let mut streamed = Vec::new();
    handle
        .for_each_address(&filter, |m| streamed.push(Address::from_message(m)))
        .expect("stream");
    assert_eq!(streamed, handle.addresses(&filter).unwrap());
    assert_eq!(streamed.len(), 2, "lo's 127.0.0.1 and v0's: {streamed:?}");
}

#[test]
fn devices_are_taken_by_index_too() {
    let mut handle = veth_pair();
    let index = handle.link_index(rtnl_ip::LinkRef::from("v1")).unwrap();
    handle
        .address_add(&AddressSpec::new(index, prefix("203.0.113.5/24")))
        .expect("add by index");
    ip_address("v1", "203.0.113.5");
    handle
        .address_del(&AddressSpec::new(index, prefix("203.0.113.5/24")))
        .expect("delete by index");
    assert!(ip_addresses(&["-4", "dev", "v1"]).is_empty());
}

#[test]
fn errors_read_like_ip() {
    let mut handle = veth_pair();
    let spec = AddressSpec::new("v0", prefix("192.0.2.1/24"));
    handle.address_add(&spec).unwrap();

    let exists = handle.address_add(&spec).expect_err("duplicate");
    assert_eq!(exists.errno(), Some(Errno::EXIST));
    assert_eq!(exists.to_string(), "Error: ipv4: Address already assigned.");
    assert_eq!(exists.op(), "add address");
    assert_eq!(exists.object(), Some("192.0.2.1/24 dev v0"));
    assert_eq!(
        format!("{exists:#}"),
        "add address \"192.0.2.1/24 dev v0\": Error: ipv4: Address already assigned."
    );
    // ip says the same.
    let out = std::process::Command::new("ip")
        .args(["addr", "add", "192.0.2.1/24", "dev", "v0"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        exists.to_string()
    );

    let nope = AddressSpec::new("nope", prefix("192.0.2.1/24"));
    let missing = handle.address_add(&nope).expect_err("unknown device");
    assert_eq!(missing.kind(), &ErrorKind::NotFound);
    assert_eq!(missing.to_string(), "Cannot find device \"nope\"");
    assert_eq!(missing.op(), "add address");
    for err in [
        handle.address_del(&nope).unwrap_err(),
        handle.address_flush("nope", None).unwrap_err(),
        handle
            .addresses(&AddressFilter::new().dev("nope"))
            .unwrap_err(),
    ] {
        assert_eq!(err.to_string(), "Cannot find device \"nope\"");
    }

    // Refused before anything is sent: a broadcast on IPv6.
    let bad = AddressSpec::new("v0", prefix("2001:db8::1/64")).broadcast_auto();
    let err = handle.address_add(&bad).expect_err("IPv6 broadcast");
    assert!(matches!(err.kind(), ErrorKind::Request(_)), "{err:?}");
    assert!(
        ip_addresses(&["-6", "dev", "v0"])
            .iter()
            .all(|(_, v)| v["local"] != "2001:db8::1")
    );
}
