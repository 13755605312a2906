//! An arbitrary request spec and buffer size through every request constructor
//! (`rtnl_codec::request`), then:
//!
//! - only the documented errors: `BufferFull`, or `InvalidValue` for a value the kernel would
//!   refuse; nothing written past the buffer either way;
//! - on success, the request is one whole message that its view parses, with every accessor
//!   (the shared `exercise`) and the main fields reading back what was asked for.
#![no_main]

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use rtnl_codec::request::{
    self, Address, AddressDump, Broadcast, Lifetime, LinkDump, LinkFlags, LinkKind, LinkRef,
    Macvlan, Neighbour, NeighbourDump, NeighbourGet, Netns, NewLink, NewMode, Nexthop, Route,
    RouteDump, RouteGet, Rule, RuleDump, SetLink, Veth, Vlan, Vxlan,
};
use rtnl_codec::{Error, MessageBuilder, Messages, Payload, rtm};

#[path = "../../codec/tests/common/exercise.rs"]
mod exercise;

#[derive(Arbitrary, Debug, Clone, Copy)]
enum AIp {
    V4([u8; 4]),
    V6([u8; 16]),
}

impl From<AIp> for IpAddr {
    fn from(ip: AIp) -> IpAddr {
        match ip {
            AIp::V4(a) => Ipv4Addr::from(a).into(),
            AIp::V6(a) => Ipv6Addr::from(a).into(),
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum ANetns {
    Fd(i32),
    Pid(u32),
}

impl From<ANetns> for Netns {
    fn from(n: ANetns) -> Netns {
        match n {
            ANetns::Fd(fd) => Netns::Fd(fd),
            ANetns::Pid(pid) => Netns::Pid(pid),
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum ALinkRef<'a> {
    Index(u32),
    Name(&'a str),
}

impl<'a> From<ALinkRef<'a>> for LinkRef<'a> {
    fn from(r: ALinkRef<'a>) -> LinkRef<'a> {
        match r {
            ALinkRef::Index(i) => LinkRef::Index(i),
            ALinkRef::Name(n) => LinkRef::Name(n.as_bytes()),
        }
    }
}

fn mode(m: u8) -> NewMode {
    match m % 5 {
        0 => NewMode::Add,
        1 => NewMode::Replace,
        2 => NewMode::Change,
        3 => NewMode::Append,
        _ => NewMode::Prepend,
    }
}

fn flags((flags, change): (u32, u32)) -> LinkFlags {
    LinkFlags { flags, change }
}

#[derive(Arbitrary, Debug)]
enum AKind<'a> {
    Veth {
        peer_name: Option<&'a str>,
        peer_netns: Option<ANetns>,
        peer_mtu: Option<u32>,
        peer_address: Option<&'a [u8]>,
        peer_txqlen: Option<u32>,
        peer_flags: (u32, u32),
    },
    Bridge,
    Dummy,
    Vxlan {
        id: u32,
        dev: Option<u32>,
        ttl: Option<u8>,
        local: Option<AIp>,
        remote: Option<AIp>,
        group: Option<AIp>,
        port: Option<u16>,
        learning: bool,
    },
    Vlan {
        id: u16,
        protocol: Option<u16>,
        link: u32,
    },
    Macvlan {
        mode: Option<u32>,
        link: u32,
    },
    Other(&'a str),
}

impl<'a> AKind<'a> {
    fn kind(&self) -> LinkKind<'a> {
        match *self {
            AKind::Veth {
                peer_name,
                peer_netns,
                peer_mtu,
                peer_address,
                peer_txqlen,
                peer_flags,
            } => LinkKind::Veth(Veth {
                peer_name: peer_name.map(str::as_bytes),
                peer_netns: peer_netns.map(Into::into),
                peer_mtu,
                peer_address,
                peer_txqlen,
                peer_flags: flags(peer_flags),
            }),
            AKind::Bridge => LinkKind::Bridge(&[]),
            AKind::Dummy => LinkKind::Dummy,
            AKind::Vxlan {
                id,
                dev,
                ttl,
                local,
                remote,
                group,
                port,
                learning,
            } => LinkKind::Vxlan(Vxlan {
                id: Some(id),
                dev,
                ttl,
                opts: &[],
                local: local.map(Into::into),
                remote: remote.map(Into::into),
                group: group.map(Into::into),
                port,
                learning: Some(learning),
            }),
            AKind::Vlan { id, protocol, link } => LinkKind::Vlan(Vlan { id, protocol, link }),
            AKind::Macvlan { mode, link } => LinkKind::Macvlan(Macvlan {
                mode,
                link,
                ..Macvlan::default()
            }),
            AKind::Other(kind) => LinkKind::Other(kind),
        }
    }
}

#[derive(Arbitrary, Debug)]
struct AAddress<'a> {
    index: u32,
    local: AIp,
    prefix_len: u8,
    peer: Option<AIp>,
    broadcast: Option<Option<[u8; 4]>>,
    label: Option<&'a str>,
    scope: Option<u8>,
    flags: u32,
    lifetime: Option<(u32, u32)>,
    metric: Option<u32>,
}

impl<'a> AAddress<'a> {
    fn address(&self) -> Address<'a> {
        Address {
            peer: self.peer.map(Into::into),
            broadcast: self.broadcast.map(|b| match b {
                Some(a) => Broadcast::Addr(a.into()),
                None => Broadcast::Auto,
            }),
            label: self.label.map(str::as_bytes),
            scope: self.scope,
            flags: self.flags,
            lifetime: self
                .lifetime
                .map(|(valid, preferred)| Lifetime { valid, preferred }),
            metric: self.metric,
            ..Address::new(self.index, self.local.into(), self.prefix_len)
        }
    }
}

#[derive(Arbitrary, Debug)]
struct ANexthop {
    gateway: Option<AIp>,
    oif: u32,
    weight: u16,
    flags: u8,
}

#[derive(Arbitrary, Debug)]
struct ARoute {
    dst: AIp,
    dst_len: u8,
    gateway: Option<AIp>,
    metric: Option<u32>,
    prefsrc: Option<AIp>,
    table: Option<u32>,
    oif: Option<u32>,
    protocol: Option<u8>,
    scope: Option<u8>,
    route_type: Option<u8>,
    nexthops: Vec<ANexthop>,
}

impl ARoute {
    fn nexthops(&self) -> Vec<Nexthop> {
        self.nexthops
            .iter()
            .map(|n| Nexthop {
                gateway: n.gateway.map(Into::into),
                oif: n.oif,
                weight: n.weight,
                flags: n.flags,
            })
            .collect()
    }

    fn route<'a>(&self, nexthops: &'a [Nexthop]) -> Route<'a> {
        Route {
            gateway: self.gateway.map(Into::into),
            metric: self.metric,
            prefsrc: self.prefsrc.map(Into::into),
            table: self.table,
            oif: self.oif,
            protocol: self.protocol,
            scope: self.scope,
            route_type: self.route_type,
            nexthops,
            ..Route::new(self.dst.into(), self.dst_len)
        }
    }
}

/// What `link_new` and `link_set` both take, in the order of their fields (the bytes a fuzz
/// input spends on them are the same as with the fields written out in each).
#[derive(Arbitrary, Debug)]
struct ALinkAttrs<'a> {
    flags: (u32, u32),
    address: Option<&'a [u8]>,
    broadcast: Option<&'a [u8]>,
    txqlen: Option<u32>,
    mtu: Option<u32>,
    netns: Option<ANetns>,
}

/// `$request` (`NewLink` or `SetLink`) with the fields of [`ALinkAttrs`] from `$attrs` and the
/// rest as given.
macro_rules! with_link_attrs {
    ($attrs:expr, $request:ident { $($field:ident: $value:expr,)* ..$base:expr }) => {
        $request {
            flags: flags($attrs.flags),
            address: $attrs.address,
            broadcast: $attrs.broadcast,
            txqlen: $attrs.txqlen,
            mtu: $attrs.mtu,
            netns: $attrs.netns.map(Into::into),
            $($field: $value,)*
            ..$base
        }
    };
}

#[derive(Arbitrary, Debug)]
enum Spec<'a> {
    LinkNew {
        mode: u8,
        name: Option<&'a str>,
        kind: AKind<'a>,
        attrs: ALinkAttrs<'a>,
        master: Option<u32>,
    },
    LinkSet {
        link: ALinkRef<'a>,
        attrs: ALinkAttrs<'a>,
        carrier: Option<bool>,
        master: Option<u32>,
        group: Option<u32>,
        alias: Option<&'a str>,
        name: Option<&'a str>,
    },
    LinkGet(ALinkRef<'a>),
    LinkDel(ALinkRef<'a>),
    LinkDump {
        master: Option<u32>,
        kind: Option<&'a str>,
        skip_stats: bool,
    },
    AddrNew(u8, AAddress<'a>),
    AddrDel(AAddress<'a>),
    AddrDump {
        family: u8,
        index: Option<u32>,
    },
    RouteNew(u8, ARoute),
    RouteDel(ARoute),
    RouteGet {
        dst: AIp,
        src: Option<AIp>,
        iif: Option<u32>,
        oif: Option<u32>,
        mark: Option<u32>,
        fib_match: bool,
    },
    RouteDump {
        family: u8,
        table: Option<u32>,
        protocol: Option<u8>,
        oif: Option<u32>,
        cloned: bool,
    },
    NsidNew(ANetns, Option<u32>),
    NsidGet(ANetns),
    NsidDump,
    RuleNew(ARule<'a>),
    RuleDel(ARule<'a>),
    RuleDump(u8),
    NeighNew(u8, ANeigh<'a>),
    NeighDel(ANeigh<'a>),
    NeighGet {
        index: u32,
        dst: AIp,
        proxy: bool,
    },
    NeighDump {
        family: u8,
        index: Option<u32>,
        master: Option<u32>,
        proxy: bool,
    },
}

/// A policy rule, every field of `request::Rule`.
#[derive(Arbitrary, Debug, Clone, Copy)]
struct ARule<'a> {
    family: u8,
    invert: bool,
    src: Option<(AIp, u8)>,
    dst: Option<(AIp, u8)>,
    tos: u8,
    fwmark: Option<u32>,
    fwmask: Option<u32>,
    iif: Option<&'a str>,
    oif: Option<&'a str>,
    priority: Option<u32>,
    realms: Option<u32>,
    table: Option<u32>,
    protocol: Option<u8>,
    uid_range: Option<(u32, u32)>,
    ip_proto: Option<u8>,
    sport: Option<(u16, u16)>,
    dport: Option<(u16, u16)>,
    suppress_prefixlen: Option<u32>,
    suppress_ifgroup: Option<u32>,
    action: Option<u8>,
    goto: Option<u32>,
    l3mdev: bool,
}

impl<'a> ARule<'a> {
    fn rule(&self) -> Rule<'a> {
        Rule {
            family: self.family,
            invert: self.invert,
            src: self.src.map(|(a, l)| (a.into(), l)),
            dst: self.dst.map(|(a, l)| (a.into(), l)),
            tos: self.tos,
            fwmark: self.fwmark,
            fwmask: self.fwmask,
            iif: self.iif.map(str::as_bytes),
            oif: self.oif.map(str::as_bytes),
            priority: self.priority,
            realms: self.realms,
            table: self.table,
            protocol: self.protocol,
            uid_range: self.uid_range,
            ip_proto: self.ip_proto,
            sport: self.sport,
            dport: self.dport,
            suppress_prefixlen: self.suppress_prefixlen,
            suppress_ifgroup: self.suppress_ifgroup,
            action: self.action,
            goto: self.goto,
            l3mdev: self.l3mdev,
        }
    }
}

/// A neighbour entry: ARP/NDP (its family the destination's) or bridge FDB.
#[derive(Arbitrary, Debug, Clone, Copy)]
struct ANeigh<'a> {
    fdb: bool,
    index: u32,
    dst: Option<AIp>,
    lladdr: Option<&'a [u8]>,
    state: u16,
    flags: u8,
    ext_flags: u32,
    protocol: Option<u8>,
    vlan: Option<u16>,
}

impl<'a> ANeigh<'a> {
    fn neighbour(&self) -> Neighbour<'a> {
        let base = match (self.fdb, self.dst, self.lladdr) {
            (false, Some(dst), _) => Neighbour::new(self.index, dst.into()),
            (_, dst, lladdr) => Neighbour {
                destination: dst.map(Into::into),
                ..Neighbour::fdb(self.index, lladdr.unwrap_or_default())
            },
        };
        Neighbour {
            lladdr: self.lladdr,
            state: self.state,
            flags: self.flags,
            ext_flags: self.ext_flags,
            protocol: self.protocol,
            vlan: self.vlan,
            ..base
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Input<'a> {
    size: u16,
    seq: u32,
    spec: Spec<'a>,
}

const GUARD: usize = 64;

/// Runs the constructor of `spec` into `buf` and returns the request's length, or the error.
fn construct(buf: &mut [u8], seq: u32, spec: &Spec<'_>) -> Result<usize, Error> {
    let done = |b: MessageBuilder<'_>| b.finish().len();
    match spec {
        Spec::LinkNew {
            mode: m,
            name,
            kind,
            attrs,
            master,
        } => {
            let link = with_link_attrs!(
                attrs,
                NewLink {
                    mode: mode(*m),
                    name: name.map(str::as_bytes),
                    master: *master,
                    ..NewLink::new(kind.kind())
                }
            );
            request::link_new(buf, seq, &link).map(done)
        }
        Spec::LinkSet {
            link,
            attrs,
            carrier,
            master,
            group,
            alias,
            name,
        } => {
            let set = with_link_attrs!(
                attrs,
                SetLink {
                    carrier: *carrier,
                    master: *master,
                    group: *group,
                    alias: alias.map(str::as_bytes),
                    name: name.map(str::as_bytes),
                    ..SetLink::new((*link).into())
                }
            );
            request::link_set(buf, seq, &set).map(done)
        }
        Spec::LinkGet(link) => request::link_get(buf, seq, (*link).into()).map(done),
        Spec::LinkDel(link) => request::link_del(buf, seq, (*link).into()).map(done),
        Spec::LinkDump {
            master,
            kind,
            skip_stats,
        } => request::link_dump(
            buf,
            seq,
            &LinkDump {
                master: *master,
                kind: *kind,
                skip_stats: *skip_stats,
            },
        )
        .map(done),
        Spec::AddrNew(m, a) => request::addr_new(buf, seq, mode(*m), &a.address()).map(done),
        Spec::AddrDel(a) => request::addr_del(buf, seq, &a.address()).map(done),
        Spec::AddrDump { family, index } => request::addr_dump(
            buf,
            seq,
            &AddressDump {
                family: *family,
                index: *index,
            },
        )
        .map(done),
        Spec::RouteNew(m, r) => {
            let hops = r.nexthops();
            request::route_new(buf, seq, mode(*m), &r.route(&hops)).map(done)
        }
        Spec::RouteDel(r) => {
            let hops = r.nexthops();
            request::route_del(buf, seq, &r.route(&hops)).map(done)
        }
        Spec::RouteGet {
            dst,
            src,
            iif,
            oif,
            mark,
            fib_match,
        } => {
            let get = RouteGet {
                src: src.map(Into::into),
                iif: *iif,
                oif: *oif,
                mark: *mark,
                fib_match: *fib_match,
                ..RouteGet::new((*dst).into())
            };
            request::route_get(buf, seq, &get).map(done)
        }
        Spec::RouteDump {
            family,
            table,
            protocol,
            oif,
            cloned,
        } => {
            let dump = RouteDump {
                family: *family,
                table: *table,
                protocol: *protocol,
                oif: *oif,
                cloned: *cloned,
            };
            request::route_dump(buf, seq, &dump).map(done)
        }
        Spec::NsidNew(netns, nsid) => request::nsid_new(buf, seq, (*netns).into(), *nsid).map(done),
        Spec::NsidGet(netns) => request::nsid_get(buf, seq, (*netns).into()).map(done),
        Spec::NsidDump => request::nsid_dump(buf, seq).map(done),
        Spec::RuleNew(r) => request::rule_new(buf, seq, &r.rule()).map(done),
        Spec::RuleDel(r) => request::rule_del(buf, seq, &r.rule()).map(done),
        Spec::RuleDump(family) => {
            request::rule_dump(buf, seq, &RuleDump { family: *family }).map(done)
        }

        Spec::NeighNew(m, n) => request::neigh_new(buf, seq, mode(*m), &n.neighbour()).map(done),
        Spec::NeighDel(n) => request::neigh_del(buf, seq, &n.neighbour()).map(done),
        Spec::NeighGet { index, dst, proxy } => {
            let get = NeighbourGet {
                index: *index,
                destination: (*dst).into(),
                proxy: *proxy,
            };
            request::neigh_get(buf, seq, &get).map(done)
        }
        Spec::NeighDump {
            family,
            index,
            master,
            proxy,
        } => {
            let dump = NeighbourDump {
                family: *family,
                index: *index,
                master: *master,
                proxy: *proxy,
            };
            request::neigh_dump(buf, seq, &dump).map(done)
        }
    }
}

/// The main fields of the request, read back through its view.
fn check_fields(spec: &Spec<'_>, payload: &Payload<'_>) {
    match (spec, payload) {
        (
            Spec::LinkNew {
                name,
                kind,
                attrs,
                master,
                ..
            },
            Payload::Link(link),
        ) => {
            assert_eq!(link.message().ty(), rtm::NEWLINK);
            assert_eq!(link.name(), *name);
            assert_eq!(link.mtu(), attrs.mtu);
            assert_eq!(link.txqlen(), attrs.txqlen);
            assert_eq!(link.master(), *master);
            assert_eq!(link.address(), attrs.address);
            assert_eq!(link.kind(), Some(kind.kind().name()));
            if let AKind::Vlan {
                id, link: lower, ..
            } = kind
            {
                assert_eq!(link.vlan().and_then(|v| v.id()), Some(*id));
                assert_eq!(link.link(), Some(*lower));
            }
            if let AKind::Vxlan { id, port, .. } = kind {
                let vxlan = link.vxlan().expect("vxlan data");
                assert_eq!(vxlan.id(), Some(*id));
                assert_eq!(vxlan.port(), *port);
            }
        }
        (
            Spec::LinkSet {
                attrs,
                master,
                group,
                ..
            },
            Payload::Link(link),
        ) => {
            assert_eq!(link.mtu(), attrs.mtu);
            assert_eq!(link.master(), *master);
            assert_eq!(link.group(), *group);
        }
        (Spec::AddrNew(_, a) | Spec::AddrDel(a), Payload::Address(address)) => {
            assert_eq!(address.index(), a.index);
            assert_eq!(address.prefix_len(), a.prefix_len);
            assert_eq!(address.local(), Some(a.local.into()));
            assert_eq!(address.priority(), a.metric);
        }
        (Spec::RouteNew(_, r) | Spec::RouteDel(r), Payload::Route(route)) => {
            assert_eq!(route.dst_len(), r.dst_len);
            if r.dst_len > 0 {
                assert_eq!(route.dst(), Some(r.dst.into()));
            }
            // A gateway of the route's family is `RTA_GATEWAY`, one of the other `RTA_VIA`.
            let dst: IpAddr = r.dst.into();
            let gateway: Option<IpAddr> = r.gateway.map(Into::into);
            let (same, other) = match gateway {
                Some(g) if g.is_ipv4() == dst.is_ipv4() => (Some(g), None),
                Some(g) => (None, Some(g)),
                None => (None, None),
            };
            assert_eq!(route.gateway(), same);
            assert_eq!(route.via().map(|(_, address)| address), other);
            if let (Some((family, _)), Some(g)) = (route.via(), other) {
                assert_eq!(family, if g.is_ipv4() { 2 } else { 10 });
            }
            assert_eq!(route.oif(), r.oif);
            assert_eq!(route.priority(), r.metric);
            if let Some(table) = r.table {
                assert_eq!(route.table(), table);
            }
            let hops = route.multipath().map_or(0, Iterator::count);
            assert_eq!(hops, r.nexthops.len());
        }
        (Spec::RuleNew(r) | Spec::RuleDel(r), Payload::Rule(rule)) => {
            assert_eq!(rule.src(), r.src.map(|(a, _)| a.into()));
            assert_eq!(rule.dst(), r.dst.map(|(a, _)| a.into()));
            assert_eq!(rule.priority(), r.priority);
            assert_eq!((rule.fwmark(), rule.fwmask()), (r.fwmark, r.fwmask));
            assert_eq!(rule.iif_name(), r.iif.map(str::as_bytes));
            assert_eq!(rule.oif_name(), r.oif.map(str::as_bytes));
            assert_eq!(rule.uid_range(), r.uid_range);
            assert_eq!((rule.sport_range(), rule.dport_range()), (r.sport, r.dport));
            assert_eq!(rule.goto(), r.goto);
            if let Some(table) = r.table {
                assert_eq!(rule.table(), table);
            }
        }

        (Spec::NeighNew(_, a) | Spec::NeighDel(a), Payload::Neighbour(n)) => {
            let spec = a.neighbour();
            assert_eq!(n.index(), spec.index);
            assert_eq!(
                (n.family(), n.state(), n.flags()),
                (spec.family, spec.state, spec.flags)
            );
            assert_eq!(n.destination(), spec.destination);
            assert_eq!(n.lladdr(), spec.lladdr);
            assert_eq!(n.vlan(), spec.vlan);
            assert_eq!(n.protocol(), spec.protocol);
            assert_eq!(n.ext_flags(), spec.ext_flags);
        }
        (Spec::NsidNew(_, nsid), Payload::Nsid(message)) => {
            let expected = nsid.map_or(-1, |n| n as i32);
            assert_eq!(message.nsid(), Some(expected));
        }
        _ => {}
    }
}

fuzz_target!(|input: Input<'_>| {
    let size = usize::from(input.size) % 4096;
    let mut buf = vec![0xa5u8; size + GUARD];
    let result = construct(&mut buf[..size], input.seq, &input.spec);
    assert!(
        buf[size..].iter().all(|&b| b == 0xa5),
        "written past the buffer"
    );
    match result {
        Ok(len) => {
            let bytes = &buf[..len];
            let mut messages = Messages::new(bytes);
            let message = messages.next().unwrap().expect("a request that parses");
            assert!(messages.next().is_none());
            assert_eq!(message.bytes().len(), len);
            assert_eq!(message.seq(), input.seq);
            let payload = message.decode().expect("a request its view decodes");
            exercise::exercise(&payload);
            exercise::exercise_datagram(bytes);
            check_fields(&input.spec, &payload);
        }
        Err(Error::BufferFull { .. } | Error::InvalidValue { .. }) => {}
        Err(e) => panic!("unexpected error {e:?}"),
    }
});
