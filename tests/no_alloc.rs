//! Proof that the codec allocates nothing: decoding every fixture through every view and
//! accessor, and building every kind of request, with a counting global allocator watching.
//!
//! The allocator counts only while the calling thread has switched counting on, so the test
//! harness's own allocations (other threads, output capture) do not count.

use std::hint::black_box;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use rtnl_codec::request::{
    self, Address, AddressDump, Broadcast, Lifetime, LinkDump, LinkFlags, LinkKind, LinkRef,
    Macvlan, Netns, NewLink, NewMode, Nexthop, Route, RouteDump, RouteGet, SetLink, Veth, Vlan,
    Vxlan,
};
use rtnl_codec::{Attrs, Messages, Payload, ifa_f, macvlan_mode};

#[path = "common/counting.rs"]
mod counting;

use counting::{Counting, allocations_in};

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn the_counter_counts() {
    assert_eq!(allocations_in(|| drop(black_box(vec![1u8; 10]))), 1);
}

const FIXTURES: [&str; 14] = [
    "links.bin",
    "links_2001.bin",
    "addrs.bin",
    "routes4.bin",
    "routes6.bin",
    "nsids.bin",
    "neighs.bin",
    "fdb.bin",
    "ack.bin",
    "err_exists.bin",
    "err_unknown_kind.bin",
    "err_mtu.bin",
    "err_missing_attr.bin",
    "err_strict_dump.bin",
];

/// Walks every attribute of a run, recursing into whatever parses as a nest.
fn walk(attrs: Attrs<'_>, depth: usize) -> usize {
    let mut n = 0;
    for attr in attrs.map_while(Result::ok) {
        n += 1;
        black_box((
            attr.ty(),
            attr.payload(),
            attr.as_u32().ok(),
            attr.as_str().ok(),
        ));
        if depth < 4 && attr.nested().validate().is_ok() {
            n += walk(attr.nested(), depth + 1);
        }
    }
    n
}

/// Reads every typed accessor of every view.
fn touch(payload: &Payload<'_>) -> usize {
    match payload {
        Payload::Link(l) => {
            black_box((
                l.index(),
                l.flags(),
                l.name(),
                l.mtu(),
                l.mac(),
                l.kind(),
                l.slave_kind(),
                l.address(),
                l.broadcast(),
                l.operstate(),
                l.master(),
                l.link(),
                l.link_netnsid(),
                l.alias(),
                l.qdisc(),
                l.txqlen(),
                l.group(),
                l.stats64(),
                l.promiscuity(),
                l.gso_max_size(),
                l.tso_max_size(),
                l.carrier(),
            ));
            black_box(l.alt_names().count());
            if let Some(v) = l.vxlan() {
                black_box((
                    v.id(),
                    v.port(),
                    v.remote(),
                    v.local(),
                    v.link(),
                    v.port_range(),
                ));
            }
            if let Some(b) = l.bridge() {
                black_box((
                    b.stp_state(),
                    b.priority(),
                    b.vlan_filtering(),
                    b.vlan_protocol(),
                ));
            }
            walk(l.attrs(), 0)
        }
        Payload::Address(a) => {
            black_box((
                a.index(),
                a.family(),
                a.prefix_len(),
                a.own_address(),
                a.peer(),
                a.label(),
                a.flags(),
                a.cacheinfo(),
                a.broadcast(),
            ));
            walk(a.attrs(), 0)
        }
        Payload::Route(r) => {
            black_box((
                r.table(),
                r.dst(),
                r.dst_len(),
                r.gateway(),
                r.oif(),
                r.priority(),
                r.prefsrc(),
                r.pref(),
                r.cacheinfo(),
            ));
            for hop in r.multipath().into_iter().flatten().map_while(Result::ok) {
                black_box((hop.ifindex(), hop.weight(), hop.gateway()));
            }
            walk(r.attrs(), 0)
        }
        Payload::Nsid(n) => {
            black_box((n.nsid(), n.pid(), n.fd()));
            walk(n.attrs(), 0)
        }
        Payload::Neighbour(n) => {
            black_box((
                n.family(),
                n.index(),
                n.state(),
                n.flags(),
                n.ext_flags(),
                n.destination(),
                n.lladdr(),
                n.cacheinfo(),
                n.probes(),
                n.vlan(),
                n.master(),
                n.protocol(),
            ));
            walk(n.attrs(), 0)
        }
        Payload::Error(e) => {
            let ack = e.ext_ack();
            black_box((
                e.errno(),
                e.request(),
                ack.message(),
                ack.offset(),
                ack.missing_type(),
            ));
            1
        }
        Payload::Done(d) => {
            black_box((d.errno(), d.ext_ack().message()));
            1
        }
        _ => 0,
    }
}

#[test]
fn decoding_every_fixture_allocates_nothing() {
    let fixtures: Vec<Vec<u8>> = FIXTURES
        .iter()
        .map(|name| {
            std::fs::read(format!(
                "{}/tests/fixtures/{name}",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap()
        })
        .collect();
    let mut messages = 0;
    let mut attributes = 0;
    let count = allocations_in(|| {
        for bytes in &fixtures {
            for message in Messages::new(bytes) {
                let payload = message.unwrap().decode().unwrap();
                attributes += touch(&payload);
                messages += 1;
            }
        }
    });
    assert_eq!(count, 0, "allocations while decoding");
    assert!(
        messages > 2000 && attributes > 100_000,
        "{messages} messages, {attributes} attrs"
    );
}

#[test]
fn building_every_request_type_allocates_nothing() {
    let v4 = IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1));
    let v6 = IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1));
    let mac = [0x02, 0, 0, 0, 0, 1];
    let hops = [
        Nexthop {
            gateway: Some(v4),
            oif: 3,
            weight: 1,
            flags: 0,
        },
        Nexthop {
            gateway: Some(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 2))),
            oif: 4,
            weight: 2,
            flags: 0,
        },
    ];
    let mut buf = [0u8; 1024];
    let mut built = 0;
    let count = allocations_in(|| {
        let mut check = |len: Result<usize, rtnl_codec::Error>| {
            assert!(len.unwrap() >= 16);
            built += 1;
        };
        let veth = NewLink {
            name: Some(b"v0"),
            mtu: Some(1400),
            address: Some(&mac),
            flags: LinkFlags::up(),
            ..NewLink::new(LinkKind::Veth(Veth {
                peer_name: Some(b"v1"),
                peer_netns: Some(Netns::Fd(5)),
                peer_mtu: Some(1300),
                peer_address: Some(&mac),
                ..Veth::default()
            }))
        };
        let kinds = [
            veth,
            NewLink {
                name: Some(b"br0"),
                ..NewLink::new(LinkKind::Bridge(&[]))
            },
            NewLink {
                name: Some(b"vx0"),
                ..NewLink::new(LinkKind::Vxlan(Vxlan {
                    id: Some(42),
                    remote: Some(v4),
                    port: Some(4789),
                    ..Vxlan::default()
                }))
            },
            NewLink {
                name: Some(b"v0.5"),
                ..NewLink::new(LinkKind::Vlan(Vlan {
                    id: 5,
                    protocol: Some(0x88a8),
                    link: 3,
                }))
            },
            NewLink {
                name: Some(b"mv0"),
                ..NewLink::new(LinkKind::Macvlan(Macvlan {
                    mode: Some(macvlan_mode::BRIDGE),
                    link: 3,
                    ..Macvlan::default()
                }))
            },
        ];
        for kind in &kinds {
            check(request::link_new(&mut buf, 1, kind).map(|b| b.len()));
        }
        let set = SetLink {
            flags: LinkFlags::up(),
            mtu: Some(1280),
            name: Some(b"eth1"),
            alias: Some(b"alias"),
            master: Some(0),
            netns: Some(Netns::Pid(1)),
            ..SetLink::new(LinkRef::Index(3))
        };
        check(request::link_set(&mut buf, 1, &set).map(|b| b.len()));
        check(request::link_get(&mut buf, 1, LinkRef::from("v0")).map(|b| b.len()));
        check(request::link_del(&mut buf, 1, LinkRef::Index(3)).map(|b| b.len()));
        let dump = LinkDump {
            master: Some(4),
            kind: Some("veth"),
            skip_stats: true,
        };
        check(request::link_dump(&mut buf, 1, &dump).map(|b| b.len()));
        let address = Address {
            label: Some(b"v0:a"),
            broadcast: Some(Broadcast::Auto),
            lifetime: Some(Lifetime {
                valid: 3600,
                preferred: 1800,
            }),
            flags: ifa_f::NODAD | ifa_f::NOPREFIXROUTE,
            ..Address::new(3, v4, 24)
        };
        check(request::addr_new(&mut buf, 1, NewMode::Add, &address).map(|b| b.len()));
        check(
            request::addr_new(&mut buf, 1, NewMode::Replace, &Address::new(3, v6, 64))
                .map(|b| b.len()),
        );
        check(request::addr_del(&mut buf, 1, &address).map(|b| b.len()));
        check(request::addr_dump(&mut buf, 1, &AddressDump::default()).map(|b| b.len()));
        let route = Route {
            gateway: Some(v4),
            table: Some(1000),
            metric: Some(50),
            ..Route::new(IpAddr::V4(Ipv4Addr::new(203, 0, 113, 0)), 24)
        };
        check(request::route_new(&mut buf, 1, NewMode::Add, &route).map(|b| b.len()));
        let multipath = Route {
            nexthops: &hops,
            ..Route::new(IpAddr::V4(Ipv4Addr::new(198, 51, 100, 0)), 24)
        };
        check(request::route_new(&mut buf, 1, NewMode::Replace, &multipath).map(|b| b.len()));
        check(request::route_del(&mut buf, 1, &route).map(|b| b.len()));
        check(request::route_get(&mut buf, 1, &RouteGet::new(v6)).map(|b| b.len()));
        check(request::route_dump(&mut buf, 1, &RouteDump::default()).map(|b| b.len()));
        check(request::nsid_new(&mut buf, 1, Netns::Fd(5), Some(7)).map(|b| b.len()));
        check(request::nsid_get(&mut buf, 1, Netns::Pid(1)).map(|b| b.len()));
        check(request::nsid_dump(&mut buf, 1).map(|b| b.len()));
        let neighbour = request::Neighbour {
            lladdr: Some(&mac),
            protocol: Some(4),
            ..request::Neighbour::new(3, v4)
        };
        check(request::neigh_new(&mut buf, 1, NewMode::Add, &neighbour).map(|b| b.len()));
        check(request::neigh_del(&mut buf, 1, &request::Neighbour::fdb(3, &mac)).map(|b| b.len()));
        let get = request::NeighbourGet {
            index: 3,
            destination: v6,
            proxy: true,
        };
        check(request::neigh_get(&mut buf, 1, &get).map(|b| b.len()));
        let dump = request::NeighbourDump {
            index: Some(3),
            master: Some(4),
            ..request::NeighbourDump::default()
        };
        check(request::neigh_dump(&mut buf, 1, &dump).map(|b| b.len()));
    });
    assert_eq!(count, 0, "allocations while building requests");
    assert_eq!(built, 25);
}
