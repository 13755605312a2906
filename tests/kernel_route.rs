//! Route operations against the real kernel, each test in its own network namespace, each
//! result checked twice: through `ip -j -d route show` and through our own dump.

mod common;

use std::net::IpAddr;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use common::{ip, ip_json, printed, private_netns};
use rtnl_ip::codec::{rt_scope, rt_table, rtn, rtprot};
use rtnl_ip::show::route::{Extra, Prefix, RouteStyle};
use rtnl_ip::show::{self, lookup::LinkTable};
use rtnl_ip::{
    ErrorKind, Family, Handle, IpPrefix, LinkRef, NexthopSpec, Route, RouteFilter, RouteQuery,
    RouteSpec,
};
use rustix::io::Errno;
use serde_json::Value;

/// A private namespace with two veth pairs up, `v0`-`v1` on 192.0.2.0/24 and 2001:db8:1::/64,
/// `v2`-`v3` on 198.51.100.0/24 and 2001:db8:2::/64 (our ends `.1`/`::1`), and a handle.
///
/// IPv6 sets a link up in the background (link-local addresses, their duplicate address
/// detection, local and multicast routes), which would change the tables between our dump and
/// ip's; so the links get no link-local address (`addrgenmode none`), and this waits until the
/// rest is there.
fn two_links() -> Handle {
    private_netns();
    for (a, b) in [("v0", "v1"), ("v2", "v3")] {
        ip(&["link", "add", a, "type", "veth", "peer", "name", b]);
        for dev in [a, b] {
            ip(&["link", "set", dev, "addrgenmode", "none"]);
            ip(&["link", "set", dev, "up"]);
        }
    }
    for (dev, local) in [
        ("v0", "192.0.2.1/24"),
        ("v2", "198.51.100.1/24"),
        ("v0", "2001:db8:1::1/64"),
        ("v2", "2001:db8:2::1/64"),
    ] {
        ip(&["address", "add", local, "dev", dev, "nodad"]);
    }
    let mut handle = Handle::new().expect("handle");
    // Two prefix routes, three local ones (::1 and ours), ff00::/8 on each of the four links.
    let settled = RouteFilter::new().all_tables().family(Family::V6);
    let deadline = Instant::now() + Duration::from_secs(10);
    while handle.routes(&settled).expect("dump").len() < 9 {
        assert!(Instant::now() < deadline, "IPv6 routes never settled");
        sleep(Duration::from_millis(10));
    }
    handle
}

fn prefix(text: &str) -> IpPrefix {
    text.parse().expect("prefix")
}

fn addr(text: &str) -> IpAddr {
    text.parse().expect("address")
}

fn index(handle: &mut Handle, dev: &str) -> u32 {
    handle.link_index(LinkRef::from(dev)).expect("link index")
}

/// `ip -j -d ARGS` as a list of route objects.
fn ip_routes(args: &[&str]) -> Vec<Value> {
    ip_json(args).as_array().expect("array").clone()
}

/// [`assert_same_as_ip`] for the IPv4 and the IPv6 main table: `ip route`, `ip -6 route`.
fn main_tables_same_as_ip(handle: &mut Handle) {
    assert_same_as_ip(handle, &RouteFilter::new().family(Family::V4), &["route"]);
    assert_same_as_ip(
        handle,
        &RouteFilter::new().family(Family::V6),
        &["-6", "route"],
    );
}

/// Checks our dump (`filter`) and `ip -j -d ARGS` list the same routes, key for key, through
/// the crate's route printer. ip leaves out what its filter fixed: `table` unless it shows every
/// table, `dev` with `dev DEV`, `protocol` with `proto P`.
fn assert_same_as_ip(handle: &mut Handle, filter: &RouteFilter, args: &[&str]) -> Vec<Route> {
    let mut omitted = Vec::new();
    if !args.ends_with(&["table", "all"]) {
        omitted.push("table");
    }
    for (word, key) in [("dev", "dev"), ("proto", "protocol")] {
        if args.contains(&word) {
            omitted.push(key);
        }
    }
    let ours = handle.routes(filter).expect("dump routes");
    let mut table = LinkTable::new(handle);
    let mut printed_routes = Vec::new();
    handle
        .for_each_route(filter, |m| {
            let style = RouteStyle::all_tables(true);
            printed_routes.push(printed(|p| {
                show::route::route(p, m, &mut table, style, Extra::default());
            }));
        })
        .expect("dump routes");
    assert_eq!(printed_routes.len(), ours.len());
    let mut theirs = ip_routes(args);
    for mut mine in printed_routes {
        for key in &omitted {
            mine.as_object_mut().unwrap().remove(*key);
        }
        let at = theirs
            .iter()
            .position(|r| *r == mine)
            .unwrap_or_else(|| panic!("ip {args:?} lacks {mine}\nip: {theirs:#?}"));
        theirs.remove(at);
    }
    assert!(theirs.is_empty(), "ip {args:?} also has {theirs:#?}");
    ours
}

/// The routes to `dst` (`dst/len`, or `default`) in `routes`.
fn find<'a>(routes: &'a [Route], dst: &str) -> Vec<&'a Route> {
    routes
        .iter()
        .filter(|r| Prefix(r.dst, r.dst_len).to_string() == dst)
        .collect()
}

#[test]
fn default_routes_v4_and_v6() {
    let mut handle = two_links();
    handle
        .route_add(&RouteSpec::default_route(Family::V4).via(addr("192.0.2.254")))
        .expect("IPv4 default");
    handle
        .route_add(
            &RouteSpec::default_route(Family::V6)
                .via(addr("2001:db8:1::ff"))
                .dev("v0"),
        )
        .expect("IPv6 default");
    let v4 = assert_same_as_ip(
        &mut handle,
        &RouteFilter::new().family(Family::V4),
        &["route", "show"],
    );
    let v6 = assert_same_as_ip(
        &mut handle,
        &RouteFilter::new().family(Family::V6),
        &["-6", "route", "show"],
    );
    let [default] = find(&v4, "default")[..] else {
        panic!("one IPv4 default: {v4:?}")
    };
    assert_eq!((default.dst, default.dst_len), (None, 0));
    assert_eq!(default.gateway, Some(addr("192.0.2.254")));
    assert_eq!(default.oif, Some(index(&mut handle, "v0")));
    assert_eq!(default.protocol, rtprot::BOOT);
    let [default6] = find(&v6, "default")[..] else {
        panic!("one IPv6 default: {v6:?}")
    };
    assert_eq!(default6.gateway, Some(addr("2001:db8:1::ff")));
    assert_eq!(default6.priority, Some(1024), "IPv6's default metric");
    assert_eq!(
        ip_routes(&["route", "show", "default"])[0]["gateway"],
        "192.0.2.254"
    );
}

#[test]
fn gateway_route_with_metric_protocol_and_src() {
    let mut handle = two_links();
    let spec = RouteSpec::new(prefix("203.0.113.0/24"))
        .via(addr("198.51.100.2"))
        .metric(100)
        .protocol(rtprot::STATIC)
        .src(addr("198.51.100.1"));
    handle.route_add(&spec).expect("add");
    let theirs = ip_routes(&["route", "show", "203.0.113.0/24"]);
    assert_eq!(theirs.len(), 1, "{theirs:?}");
    assert_eq!(theirs[0]["gateway"], "198.51.100.2");
    assert_eq!(theirs[0]["dev"], "v2", "the gateway's link");
    assert_eq!(theirs[0]["metric"], 100);
    assert_eq!(theirs[0]["protocol"], "static");
    assert_eq!(theirs[0]["prefsrc"], "198.51.100.1");
    assert_eq!(theirs[0]["scope"], "global");
    let ours = assert_same_as_ip(
        &mut handle,
        &RouteFilter::new().family(Family::V4),
        &["route"],
    );
    let [route] = find(&ours, "203.0.113.0/24")[..] else {
        panic!("{ours:?}")
    };
    assert_eq!(route.priority, Some(100));
    assert_eq!(route.protocol, rtprot::STATIC);
    assert_eq!(route.prefsrc, Some(addr("198.51.100.1")));
    assert_eq!(route.table, rt_table::MAIN);
    assert_eq!(route.scope, rt_scope::UNIVERSE);

    // The same prefix with another metric is another route.
    handle
        .route_add(&spec.clone().metric(200).protocol(rtprot::BOOT))
        .expect("second metric");
    assert_eq!(ip_routes(&["route", "show", "203.0.113.0/24"]).len(), 2);
    assert_same_as_ip(
        &mut handle,
        &RouteFilter::new().protocol(rtprot::STATIC),
        &["route", "show", "proto", "static"],
    );
}

#[test]
fn table_above_255() {
    let mut handle = two_links();
    handle
        .route_add(
            &RouteSpec::new(prefix("203.0.113.0/24"))
                .dev("v0")
                .table(1000),
        )
        .expect("add to table 1000");
    handle
        .route_add(
            &RouteSpec::new(prefix("2001:db8:99::/48"))
                .via(addr("2001:db8:2::2"))
                .table(1000),
        )
        .expect("add IPv6 to table 1000");
    let v4 = assert_same_as_ip(
        &mut handle,
        &RouteFilter::new().table(1000).family(Family::V4),
        &["route", "show", "table", "1000"],
    );
    assert_eq!(v4.len(), 1);
    assert_eq!(v4[0].table, 1000);
    assert_eq!(v4[0].scope, rt_scope::LINK, "no gateway: scope link");
    assert_same_as_ip(
        &mut handle,
        &RouteFilter::new().table(1000).family(Family::V6),
        &["-6", "route", "show", "table", "1000"],
    );
    let both = handle.routes(&RouteFilter::new().table(1000)).unwrap();
    assert_eq!(both.len(), 2, "{both:?}");
    // Not in main; in `table all` with its number.
    let main = handle.routes(&RouteFilter::new()).unwrap();
    assert!(main.iter().all(|r| r.table == rt_table::MAIN), "{main:?}");
    assert!(find(&main, "203.0.113.0/24").is_empty());
    assert_same_as_ip(
        &mut handle,
        &RouteFilter::new().all_tables().family(Family::V4),
        &["-4", "route", "show", "table", "all"],
    );
    // A table nobody made: for one family the kernel's error, as ip reports it; asked of
    // both families at once (`AF_UNSPEC`) the kernel answers with no routes and no error.
    assert_eq!(handle.routes(&RouteFilter::new().table(2000)).unwrap(), []);
    for filter in [
        RouteFilter::new().table(2000).family(Family::V4),
        RouteFilter::new().table(2000).family(Family::V6),
    ] {
        let err = handle
            .routes(&filter)
            .expect_err(&format!("{filter:?}: a table that was never made"));
        assert_eq!(err.errno(), Some(Errno::NOENT), "{err}");
        assert!(
            err.to_string().contains("FIB table does not exist"),
            "{err}"
        );
    }
}

#[test]
fn blackhole_unreachable_prohibit() {
    let mut handle = two_links();
    handle
        .route_add(&RouteSpec::new(prefix("203.0.113.0/25")).blackhole())
        .expect("blackhole");
    handle
        .route_add(
            &RouteSpec::new(prefix("203.0.113.128/25"))
                .unreachable()
                .metric(7),
        )
        .expect("unreachable");
    handle
        .route_add(&RouteSpec::new(prefix("198.51.100.128/25")).prohibit())
        .expect("prohibit");
    handle
        .route_add(&RouteSpec::new(prefix("2001:db8:dead::/48")).blackhole())
        .expect("IPv6 blackhole");
    handle
        .route_add(
            &RouteSpec::new(prefix("192.0.2.128/25"))
                .route_type(rtn::THROW)
                .table(1000),
        )
        .expect("throw");
    let ours = assert_same_as_ip(
        &mut handle,
        &RouteFilter::new().family(Family::V4),
        &["route"],
    );
    let types: Vec<(String, u8)> = ours
        .iter()
        .map(|r| (Prefix(r.dst, r.dst_len).to_string(), r.route_type))
        .collect();
    for expected in [
        ("203.0.113.0/25".to_owned(), rtn::BLACKHOLE),
        ("203.0.113.128/25".to_owned(), rtn::UNREACHABLE),
        ("198.51.100.128/25".to_owned(), rtn::PROHIBIT),
    ] {
        assert!(types.contains(&expected), "{expected:?} in {types:?}");
    }
    assert_same_as_ip(
        &mut handle,
        &RouteFilter::new().family(Family::V6),
        &["-6", "route"],
    );
    assert_same_as_ip(
        &mut handle,
        &RouteFilter::new()
            .route_type(rtn::BLACKHOLE)
            .family(Family::V4),
        &["route", "show", "type", "blackhole"],
    );
    let holes = assert_same_as_ip(
        &mut handle,
        &RouteFilter::new()
            .route_type(rtn::BLACKHOLE)
            .family(Family::V6),
        &["-6", "route", "show", "type", "blackhole"],
    );
    assert_eq!(holes.len(), 1);
    assert_same_as_ip(
        &mut handle,
        &RouteFilter::new().table(1000).family(Family::V4),
        &["route", "show", "table", "1000"],
    );
    // The kernel acts on them.
    let err = handle
        .route_get(addr("203.0.113.200"))
        .expect_err("unreachable");
    assert_eq!(err.errno(), Some(Errno::HOSTUNREACH), "{err}");
    let err = handle
        .route_get(addr("198.51.100.200"))
        .expect_err("prohibit");
    assert_eq!(err.errno(), Some(Errno::ACCESS), "{err}");
}

#[test]
fn multipath_with_weights() {
    let mut handle = two_links();
    handle
        .route_add(
            &RouteSpec::new(prefix("203.0.113.0/24"))
                .nexthop(NexthopSpec::new().via(addr("192.0.2.2")).dev("v0"))
                .nexthop(
                    NexthopSpec::new()
                        .via(addr("198.51.100.2"))
                        .dev("v2")
                        .weight(3),
                ),
        )
        .expect("IPv4 multipath");
    handle
        .route_add(
            &RouteSpec::new(prefix("2001:db8:99::/48"))
                .nexthop(
                    NexthopSpec::new()
                        .via(addr("2001:db8:1::2"))
                        .dev("v0")
                        .weight(2),
                )
                .nexthop(
                    NexthopSpec::new()
                        .via(addr("2001:db8:2::2"))
                        .dev("v2")
                        .weight(5),
                ),
        )
        .expect("IPv6 multipath");
    let (v0, v2) = (index(&mut handle, "v0"), index(&mut handle, "v2"));
    for (family, args, dst, hops) in [
        (
            Family::V4,
            &["route", "show"][..],
            "203.0.113.0/24",
            [("192.0.2.2", "v0", v0, 1), ("198.51.100.2", "v2", v2, 3)],
        ),
        (
            Family::V6,
            &["-6", "route", "show"][..],
            "2001:db8:99::/48",
            [
                ("2001:db8:1::2", "v0", v0, 2),
                ("2001:db8:2::2", "v2", v2, 5),
            ],
        ),
    ] {
        let ours = assert_same_as_ip(&mut handle, &RouteFilter::new().family(family), args);
        let [route] = find(&ours, dst)[..] else {
            panic!("{dst} in {ours:?}")
        };
        assert_eq!(route.nexthops.len(), 2);
        assert_eq!(route.gateway, None);
        let theirs: Vec<Value> = ip_routes(args)
            .into_iter()
            .find(|r| r["dst"] == dst)
            .expect("ip shows it")["nexthops"]
            .as_array()
            .unwrap()
            .clone();
        for ((gateway, dev, oif, weight), (hop, ip_hop)) in
            hops.into_iter().zip(route.nexthops.iter().zip(&theirs))
        {
            assert_eq!(hop.gateway, Some(addr(gateway)));
            assert_eq!(hop.oif, oif);
            assert_eq!(hop.weight, weight);
            assert_eq!(ip_hop["gateway"], gateway);
            assert_eq!(ip_hop["dev"], dev);
            assert_eq!(ip_hop["weight"], weight);
        }
    }
    // A device filter keeps the multipath routes through it (the kernel's filter does).
    let through_v2 = handle
        .routes(&RouteFilter::new().dev("v2"))
        .expect("by device");
    assert_eq!(find(&through_v2, "203.0.113.0/24").len(), 1);
    assert_eq!(find(&through_v2, "2001:db8:99::/48").len(), 1);
    assert!(find(&through_v2, "192.0.2.0/24").is_empty());
}

/// RFC 5549: an IPv4 route through an IPv6 gateway (and a multipath one with such a hop) is
/// sent as `RTA_VIA`, which the kernel takes for a device with IPv6; it reads back with that
/// gateway, and ip shows it as `"via":{"family":"inet6","host":...}`.
#[test]
fn ipv4_routes_through_an_ipv6_gateway() {
    let mut handle = two_links();
    let rfc5549 = RouteSpec::new(prefix("203.0.113.0/24"))
        .via(addr("2001:db8:1::2"))
        .dev("v0");
    handle.route_add(&rfc5549).expect("IPv4 route via inet6");
    handle
        .route_add(
            &RouteSpec::new(prefix("198.51.100.128/25"))
                .nexthop(NexthopSpec::new().via(addr("2001:db8:2::2")).dev("v2"))
                .nexthop(NexthopSpec::new().via(addr("192.0.2.2")).dev("v0")),
        )
        .expect("IPv4 multipath with an inet6 hop");
    let args = ["route", "show"];
    let ours = assert_same_as_ip(&mut handle, &RouteFilter::new().family(Family::V4), &args);
    let [route] = find(&ours, "203.0.113.0/24")[..] else {
        panic!("203.0.113.0/24 in {ours:?}")
    };
    assert_eq!(route.gateway, Some(addr("2001:db8:1::2")));
    let theirs = ip_routes(&args);
    let shown = theirs
        .iter()
        .find(|r| r["dst"] == "203.0.113.0/24")
        .expect("ip shows it");
    assert_eq!(shown["via"]["family"], "inet6");
    assert_eq!(shown["via"]["host"], "2001:db8:1::2");
    let [multipath] = find(&ours, "198.51.100.128/25")[..] else {
        panic!("198.51.100.128/25 in {ours:?}")
    };
    let gateways: Vec<_> = multipath.nexthops.iter().map(|h| h.gateway).collect();
    assert_eq!(
        gateways,
        [Some(addr("2001:db8:2::2")), Some(addr("192.0.2.2"))]
    );
    handle.route_del(&rfc5549).expect("deleted by its gateway");
    assert!(ip_routes(&["route", "show", "203.0.113.0/24"]).is_empty());
}

#[test]
fn replace_swaps_the_route() {
    let mut handle = two_links();
    let first = RouteSpec::new(prefix("203.0.113.0/24")).via(addr("192.0.2.2"));
    handle.route_add(&first).expect("add");
    let err = handle.route_add(&first).expect_err("add twice");
    assert_eq!(err.errno(), Some(Errno::EXIST), "{err}");
    let second = RouteSpec::new(prefix("203.0.113.0/24"))
        .via(addr("198.51.100.2"))
        .protocol(rtprot::STATIC);
    handle.route_replace(&second).expect("replace");
    let theirs = ip_routes(&["route", "show", "203.0.113.0/24"]);
    assert_eq!(theirs.len(), 1, "{theirs:?}");
    assert_eq!(theirs[0]["gateway"], "198.51.100.2");
    assert_eq!(theirs[0]["protocol"], "static");
    // Replace adds what is missing.
    handle
        .route_replace(&RouteSpec::new(prefix("2001:db8:99::/48")).dev("v2"))
        .expect("replace creates");
    assert_eq!(
        ip_routes(&["-6", "route", "show", "2001:db8:99::/48"]).len(),
        1
    );
    main_tables_same_as_ip(&mut handle);
}

#[test]
fn delete_removes_the_route() {
    let mut handle = two_links();
    for spec in [
        RouteSpec::new(prefix("203.0.113.0/24")).via(addr("192.0.2.2")),
        RouteSpec::new(prefix("203.0.113.0/24"))
            .via(addr("198.51.100.2"))
            .table(1000),
        RouteSpec::new(prefix("2001:db8:99::/48")).via(addr("2001:db8:1::2")),
        RouteSpec::default_route(Family::V4).via(addr("198.51.100.254")),
    ] {
        handle.route_add(&spec).expect("add");
    }
    // Only the destination: matches whatever the gateway, protocol and type.
    handle
        .route_del(&RouteSpec::new(prefix("203.0.113.0/24")))
        .expect("delete from main");
    assert!(ip_routes(&["route", "show", "203.0.113.0/24"]).is_empty());
    assert_eq!(
        ip_routes(&["route", "show", "table", "1000"]).len(),
        1,
        "table 1000 untouched"
    );
    handle
        .route_del(&RouteSpec::new(prefix("203.0.113.0/24")).table(1000))
        .expect("delete from table 1000");
    assert!(
        handle
            .routes(&RouteFilter::new().table(1000))
            .unwrap()
            .is_empty()
    );
    handle
        .route_del(&RouteSpec::new(prefix("2001:db8:99::/48")).via(addr("2001:db8:1::2")))
        .expect("delete IPv6");
    handle
        .route_del(&RouteSpec::default_route(Family::V4))
        .expect("delete default");
    main_tables_same_as_ip(&mut handle);
    assert!(find(&handle.routes(&RouteFilter::new()).unwrap(), "default").is_empty());

    let err = handle
        .route_del(&RouteSpec::new(prefix("203.0.113.0/24")))
        .expect_err("delete twice");
    assert_eq!(err.errno(), Some(Errno::SRCH), "{err}");
    assert_eq!(err.op(), "delete route");
    assert_eq!(err.object(), Some("203.0.113.0/24"));
}

#[test]
fn route_get_answers_like_ip() {
    let mut handle = two_links();
    let v0 = index(&mut handle, "v0");
    let got = handle.route_get(addr("192.0.2.7")).expect("connected v4");
    assert_eq!(got.dst, Some(addr("192.0.2.7")));
    assert_eq!(got.dst_len, 32);
    assert_eq!(got.oif, Some(v0));
    assert_eq!(got.prefsrc, Some(addr("192.0.2.1")));
    assert_eq!(got.table, rt_table::MAIN);
    assert_eq!(got.gateway, None);
    let theirs = &ip_routes(&["route", "get", "192.0.2.7"])[0];
    assert_eq!(theirs["dev"], "v0");
    assert_eq!(theirs["prefsrc"], "192.0.2.1");
    assert_eq!(theirs["dst"], "192.0.2.7");

    let got6 = handle
        .route_get(addr("2001:db8:2::7"))
        .expect("connected v6");
    assert_eq!(got6.oif, Some(index(&mut handle, "v2")));
    assert_eq!(got6.prefsrc, Some(addr("2001:db8:2::1")));
    let theirs6 = &ip_routes(&["-6", "route", "get", "2001:db8:2::7"])[0];
    assert_eq!(theirs6["dev"], "v2");
    assert_eq!(theirs6["prefsrc"], "2001:db8:2::1");

    // Through a gateway; with fibmatch, the table entry instead.
    handle
        .route_add(&RouteSpec::new(prefix("203.0.113.0/24")).via(addr("198.51.100.2")))
        .unwrap();
    let via = handle.route_get(addr("203.0.113.9")).expect("via gateway");
    assert_eq!(via.gateway, Some(addr("198.51.100.2")));
    assert_eq!(via.prefsrc, Some(addr("198.51.100.1")));
    let entry = handle
        .route_lookup(&RouteQuery::new(addr("203.0.113.9")).fib_match())
        .expect("fibmatch");
    assert_eq!((entry.dst, entry.dst_len), (Some(addr("203.0.113.0")), 24));
    let theirs = &ip_routes(&["route", "get", "fibmatch", "203.0.113.9"])[0];
    assert_eq!(theirs["dst"], "203.0.113.0/24");
    // Forcing the output device.
    let forced = handle
        .route_lookup(&RouteQuery::new(addr("192.0.2.7")).oif("v2"))
        .expect("oif v2");
    assert_eq!(forced.oif, Some(index(&mut handle, "v2")));

    let err = handle
        .route_get(addr("2001:db8:77::1"))
        .expect_err("no route");
    assert_eq!(err.errno(), Some(Errno::NETUNREACH), "{err}");
    let err = handle.route_get(addr("100.64.0.1")).expect_err("no route");
    assert_eq!(err.errno(), Some(Errno::NETUNREACH), "{err}");
    let out = Command::new("ip")
        .args(["route", "get", "100.64.0.1"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim(), err.to_string());
}

#[test]
fn show_filters_by_device_protocol_and_table() {
    let mut handle = two_links();
    handle
        .route_add(&RouteSpec::new(prefix("203.0.113.0/24")).dev("v0"))
        .unwrap();
    handle
        .route_add(
            &RouteSpec::new(prefix("203.0.113.0/25"))
                .via(addr("198.51.100.2"))
                .protocol(rtprot::STATIC),
        )
        .unwrap();
    assert_same_as_ip(
        &mut handle,
        &RouteFilter::new().family(Family::V4).dev("v0"),
        &["route", "show", "dev", "v0"],
    );
    assert_same_as_ip(
        &mut handle,
        &RouteFilter::new().family(Family::V6).dev("v2"),
        &["-6", "route", "show", "dev", "v2"],
    );
    assert_same_as_ip(
        &mut handle,
        &RouteFilter::new()
            .family(Family::V4)
            .protocol(rtprot::KERNEL),
        &["route", "show", "proto", "kernel"],
    );
    assert_same_as_ip(
        &mut handle,
        &RouteFilter::new().family(Family::V4).table(rt_table::LOCAL),
        &["route", "show", "table", "local"],
    );
    assert_same_as_ip(
        &mut handle,
        &RouteFilter::new().all_tables().family(Family::V6),
        &["-6", "route", "show", "table", "all"],
    );
    let v2 = index(&mut handle, "v2");
    assert_same_as_ip(
        &mut handle,
        &RouteFilter::new().family(Family::V4).dev(v2),
        &["route", "show", "dev", "v2"],
    );
}

#[test]
fn for_each_route_streams_what_routes_collects() {
    let mut handle = two_links();
    handle
        .route_add(&RouteSpec::new(prefix("203.0.113.0/24")).blackhole())
        .unwrap();
    let filter = RouteFilter::new().all_tables();
    let mut streamed = Vec::new();
    handle
        .for_each_route(&filter, |m| streamed.push(Route::from_message(m)))
        .expect("stream");
    assert_eq!(streamed, handle.routes(&filter).unwrap());
    assert!(streamed.iter().any(|r| r.table == rt_table::LOCAL));
    assert!(streamed.iter().any(|r| r.route_type == rtn::BLACKHOLE));
}

#[test]
fn errors_read_like_ip() {
    let mut handle = two_links();
    let unreachable_gw = RouteSpec::new(prefix("203.0.113.0/24")).via(addr("100.64.0.1"));
    let err = handle
        .route_add(&unreachable_gw)
        .expect_err("gateway off-link");
    assert_eq!(err.errno(), Some(Errno::NETUNREACH), "{err}");
    assert_eq!(err.to_string(), "Error: Nexthop has invalid gateway.");
    assert_eq!(err.op(), "add route");
    assert_eq!(err.object(), Some("203.0.113.0/24 via 100.64.0.1"));
    let out = Command::new("ip")
        .args(["route", "add", "203.0.113.0/24", "via", "100.64.0.1"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim(), err.to_string());

    let nope = RouteSpec::new(prefix("203.0.113.0/24")).dev("nope");
    for err in [
        handle.route_add(&nope).unwrap_err(),
        handle.route_del(&nope).unwrap_err(),
        handle
            .route_add(
                &RouteSpec::new(prefix("203.0.113.0/24"))
                    .nexthop(NexthopSpec::new().via(addr("192.0.2.2")).dev("nope")),
            )
            .unwrap_err(),
        handle.routes(&RouteFilter::new().dev("nope")).unwrap_err(),
    ] {
        assert_eq!(err.kind(), &ErrorKind::NotFound);
        assert_eq!(err.to_string(), "Cannot find device \"nope\"");
    }
    let out = Command::new("ip")
        .args(["route", "add", "203.0.113.0/24", "dev", "nope"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "Cannot find device \"nope\""
    );

    // Refused before anything is sent: a preferred source of the other family, a weight of 0.
    let mixed = RouteSpec::new(prefix("203.0.113.0/24")).src(addr("2001:db8:1::1"));
    assert!(matches!(
        handle.route_add(&mixed).unwrap_err().kind(),
        ErrorKind::Request(_)
    ));
    let zero = RouteSpec::new(prefix("203.0.113.0/24"))
        .nexthop(NexthopSpec::new().via(addr("192.0.2.2")).weight(0));
    assert!(matches!(
        handle.route_add(&zero).unwrap_err().kind(),
        ErrorKind::Request(_)
    ));
    assert!(ip_routes(&["route", "show", "203.0.113.0/24"]).is_empty());
}
