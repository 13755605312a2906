//! Route metrics, realms, `pref` and the change/append modes through the library, against the
//! real kernel in a private namespace; each result read back through `ip -j -d route show`.

mod common;

use common::{ip, ip_json, private_netns};
use rtnl_ip::codec::request::{Metrics, NewMode};
use rtnl_ip::codec::{icmpv6_router_pref, rtax, rtax_feature};
use rtnl_ip::{ErrorKind, Handle, RouteSpec};
use serde_json::{Value, json};

/// A namespace with `v0` up on 192.0.2.1/24 and 2001:db8::1/64, and a handle.
fn setup() -> Handle {
    private_netns();
    for cmd in [
        "link add v0 type veth peer name v1",
        "link set v0 addrgenmode none",
        "link set v1 addrgenmode none",
        "link set v0 up",
        "link set v1 up",
        "addr add 192.0.2.1/24 dev v0",
        "addr add 2001:db8::1/64 dev v0 nodad",
    ] {
        ip(&cmd.split(' ').collect::<Vec<_>>());
    }
    Handle::new().expect("handle")
}

/// The route to `dst` as `ip -j -d` shows it.
fn route(args: &[&str], dst: &str) -> Value {
    let routes = ip_json(args);
    routes
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["dst"] == dst)
        .cloned()
        .unwrap_or_else(|| panic!("no route {dst} in {routes}"))
}

#[test]
fn metrics_realms_and_pref_reach_the_kernel() {
    let mut handle = setup();
    let mut metrics = Metrics::new();
    metrics.push_u32(rtax::MTU, 1300).unwrap();
    metrics.lock(rtax::MTU);
    metrics.push_u32(rtax::INITCWND, 10).unwrap();
    metrics.push_u32(rtax::RTT, 800).unwrap();
    metrics.push_u32(rtax::FEATURES, rtax_feature::ECN).unwrap();
    metrics.push_congctl(b"reno").unwrap();
    let mut spec = RouteSpec::new("198.51.100.0/24".parse().unwrap())
        .via("192.0.2.2".parse().unwrap())
        .dev("v0");
    spec.request.metrics = metrics;
    spec.request.realms = Some(1 << 16 | 2);
    handle.route_add(&spec).unwrap();
    let shown = route(&["route", "show"], "198.51.100.0/24");
    assert_eq!(
        shown["metrics"],
        json!([{"mtu": 1300, "rtt": 100, "initcwnd": 10, "ecn": null, "congestion": "reno"}])
    );
    assert_eq!(shown["flow"], json!({"from": "1", "to": "2"}));
    // Our own view reads the same metrics.
    let mut seen = None;
    handle
        .for_each_route(&rtnl_ip::RouteFilter::new(), |m| {
            if let Some(metrics) = m.metrics() {
                seen = Some((
                    metrics.get(rtax::MTU),
                    metrics.locked(rtax::MTU),
                    metrics.congctl().map(<[u8]>::to_vec),
                    m.flow(),
                ));
            }
        })
        .unwrap();
    assert_eq!(
        seen,
        Some((Some(1300), true, Some(b"reno".to_vec()), Some(0x0001_0002)))
    );

    let mut v6 = RouteSpec::new("2001:db8:5::/64".parse().unwrap()).dev("v0");
    v6.request.pref = Some(icmpv6_router_pref::LOW);
    handle.route_add(&v6).unwrap();
    assert_eq!(
        route(&["-6", "route", "show"], "2001:db8:5::/64")["pref"],
        "low"
    );
}

#[test]
fn change_and_append_follow_their_flags() {
    let mut handle = setup();
    let spec = |gw: &str| {
        RouteSpec::new("2001:db8:5::/64".parse().unwrap())
            .via(gw.parse().unwrap())
            .dev("v0")
    };
    // change: NLM_F_REPLACE without NLM_F_CREATE, so the route must exist.
    let missing = handle.route_new_mode(NewMode::Change, &spec("2001:db8::2"));
    let error = missing.expect_err("change of a route that is not there");
    assert!(matches!(error.kind(), ErrorKind::Kernel(_)), "{error}");
    handle.route_add(&spec("2001:db8::2")).unwrap();
    handle
        .route_new_mode(NewMode::Change, &spec("2001:db8::3"))
        .unwrap();
    assert_eq!(
        route(&["-6", "route", "show"], "2001:db8:5::/64")["gateway"],
        "2001:db8::3"
    );
    // append: a second next hop of the same IPv6 route.
    handle
        .route_new_mode(NewMode::Append, &spec("2001:db8::4"))
        .unwrap();
    let hops = route(&["-6", "route", "show"], "2001:db8:5::/64")["nexthops"].clone();
    let gateways: Vec<&str> = hops
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["gateway"].as_str().unwrap())
        .collect();
    assert_eq!(gateways, ["2001:db8::3", "2001:db8::4"]);
}
