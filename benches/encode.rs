//! Encode throughput: the requests `ip link add ... type veth peer ...` and `ip addr add` send,
//! built by rtnl-codec and by netlink-packet-route side by side.
//!
//! - `rtnl-codec`: the request constructors (`request::link_new`, `request::addr_new`).
//! - `rtnl-codec-builder`: the same bytes written attribute by attribute with `MessageBuilder`.
//! - `netlink-packet-route`: its owned message types, built and serialized into a reused buffer.
//!
//! Before timing, the bytes are asserted equal (netlink-packet-route's veth request differs in
//! one place only: it ends `IFLA_INFO_KIND` with a NUL, which iproute2 does not send), and the
//! allocations each makes per message are counted (a counting global allocator) and printed
//! once per function.
//!
//! Run: `cargo bench --bench encode -- --warm-up-time 1 --measurement-time 3`; with
//! `RTNL_BENCH_MIN_RUNS=2000` in the environment each function's fastest run is printed too (the
//! functions take turns; see `min_runs`).

use std::hint::black_box;
use std::net::Ipv4Addr;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "common/counting.rs"]
mod counting;

use counting::Counting;

/// Counts allocations in the bench binary.
#[global_allocator]
static GLOBAL: Counting = Counting;

/// How many `RTM_NEWADDR` requests go into one buffer.
const ADDRESSES: usize = 1_000;

/// The namespace fd the veth peer is moved to (any number: nothing is sent).
const PEER_NETNS_FD: u32 = 5;

/// `NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL`, as `ip link add` and `ip addr add`
/// send.
const CREATE_FLAGS: u16 = rtnl_codec::nlm_f::REQUEST
    | rtnl_codec::nlm_f::ACK
    | rtnl_codec::nlm_f::CREATE
    | rtnl_codec::nlm_f::EXCL;

/// The `i`th address request: 192.0.2.(1 + i % 250)/24 on link 2 + i / 250.
fn address_of(i: usize) -> (u32, Ipv4Addr) {
    let host = u8::try_from(1 + i % 250).unwrap();
    (
        u32::try_from(2 + i / 250).unwrap(),
        Ipv4Addr::new(192, 0, 2, host),
    )
}

/// rtnl-codec: its request constructors, and the same requests by hand with `MessageBuilder`.
mod codec {
    use super::{ADDRESSES, CREATE_FLAGS, PEER_NETNS_FD, address_of};
    use rtnl_codec::raw::{IfAddrMsg, IfInfoMsg};
    use rtnl_codec::request::{
        Address, LinkKind, Netns, NewLink, NewMode, Veth, addr_new, link_new,
    };
    use rtnl_codec::{MessageBuilder, af, ifa, ifla, ifla_info, rtm, veth_info};

    /// `ip link add v0 type veth peer name v1 netns FD` through `request::link_new`; returns
    /// the request's length.
    #[inline(never)]
    pub fn veth(buf: &mut [u8], seq: u32) -> usize {
        let veth = Veth {
            peer_name: Some(b"v1"),
            peer_netns: Some(Netns::Fd(PEER_NETNS_FD as i32)),
            ..Veth::default()
        };
        let link = NewLink {
            name: Some(b"v0"),
            ..NewLink::new(LinkKind::Veth(veth))
        };
        link_new(buf, seq, &link).unwrap().finish().len()
    }

    /// The same request written attribute by attribute with `MessageBuilder`, as
    /// KERNEL-FACTS.md describes iproute2's bytes. `kind_nul` adds a NUL to `IFLA_INFO_KIND`
    /// (iproute2 sends none; netlink-packet-route does), so the peer's bytes can be checked too.
    #[inline(never)]
    pub fn veth_builder(buf: &mut [u8], seq: u32, kind_nul: bool) -> usize {
        let mut b = MessageBuilder::new(buf, rtm::NEWLINK, CREATE_FLAGS, seq).unwrap();
        b.header(&IfInfoMsg::default())
            .unwrap()
            .put_str(ifla::IFNAME, "v0")
            .unwrap();
        let info = b.nest_start(ifla::LINKINFO).unwrap();
        if kind_nul {
            b.put_str(ifla_info::KIND, "veth").unwrap();
        } else {
            b.put(ifla_info::KIND, b"veth").unwrap();
        }
        let data = b.nest_start(ifla_info::DATA).unwrap();
        let peer = b.nest_start(veth_info::PEER).unwrap();
        b.header(&IfInfoMsg::default())
            .unwrap()
            .put_u32(ifla::NET_NS_FD, PEER_NETNS_FD)
            .unwrap()
            .put_str(ifla::IFNAME, "v1")
            .unwrap();
        b.nest_end(peer).unwrap();
        b.nest_end(data).unwrap();
        b.nest_end(info).unwrap();
        b.finish().len()
    }

    /// 1,000 `ip addr add 192.0.2.N/24 dev IDX` requests one after the other in `buf`, through
    /// `request::addr_new`; returns the bytes used.
    #[inline(never)]
    pub fn addresses(buf: &mut [u8]) -> usize {
        let mut used = 0;
        for i in 0..ADDRESSES {
            let (index, ip) = address_of(i);
            let seq = u32::try_from(i).unwrap();
            let address = Address::new(index, ip.into(), 24);
            used += addr_new(&mut buf[used..], seq, NewMode::Add, &address)
                .unwrap()
                .len();
        }
        used
    }

    /// The same 1,000 requests written with `MessageBuilder`.
    #[inline(never)]
    pub fn addresses_builder(buf: &mut [u8]) -> usize {
        let mut used = 0;
        for i in 0..ADDRESSES {
            let (index, ip) = address_of(i);
            let header = IfAddrMsg {
                ifa_family: af::INET,
                ifa_prefixlen: 24,
                ifa_flags: 0,
                ifa_scope: 0,
                ifa_index: index.into(),
            };
            let seq = u32::try_from(i).unwrap();
            let mut b =
                MessageBuilder::new(&mut buf[used..], rtm::NEWADDR, CREATE_FLAGS, seq).unwrap();
            b.header(&header)
                .unwrap()
                .put_ip(ifa::LOCAL, ip.into())
                .unwrap()
                .put_ip(ifa::ADDRESS, ip.into())
                .unwrap();
            used += b.len();
        }
        used
    }
}

/// netlink-packet-route: build the owned message, then serialize it into a reused buffer.
mod npr {
    use super::{ADDRESSES, CREATE_FLAGS, PEER_NETNS_FD, address_of};
    use netlink_packet_core::{NetlinkHeader, NetlinkMessage, NetlinkPayload};
    use netlink_packet_route::address::{AddressAttribute, AddressMessage};
    use netlink_packet_route::link::LinkMessage;
    use netlink_packet_route::link::{InfoData, InfoKind, InfoVeth, LinkAttribute, LinkInfo};
    use netlink_packet_route::{AddressFamily, RouteNetlinkMessage};

    /// Serializes `message` with `flags` and `seq` into `buf`; returns its length.
    fn serialize(message: RouteNetlinkMessage, seq: u32, buf: &mut [u8]) -> usize {
        let mut header = NetlinkHeader::default();
        header.flags = CREATE_FLAGS;
        header.sequence_number = seq;
        let mut message = NetlinkMessage::new(header, NetlinkPayload::InnerMessage(message));
        message.finalize();
        let len = message.buffer_len();
        message.serialize(&mut buf[..len]);
        len
    }

    /// The same veth request as [`super::codec::veth`].
    #[inline(never)]
    pub fn veth(buf: &mut [u8], seq: u32) -> usize {
        let mut peer = LinkMessage::default();
        peer.attributes = vec![
            LinkAttribute::NetNsFd(PEER_NETNS_FD as i32),
            LinkAttribute::IfName("v1".into()),
        ];
        let mut link = LinkMessage::default();
        link.attributes = vec![
            LinkAttribute::IfName("v0".into()),
            LinkAttribute::LinkInfo(vec![
                LinkInfo::Kind(InfoKind::Veth),
                LinkInfo::Data(InfoData::Veth(InfoVeth::Peer(peer))),
            ]),
        ];
        serialize(RouteNetlinkMessage::NewLink(link), seq, buf)
    }

    /// The same 1,000 address requests as [`super::codec::addresses`].
    #[inline(never)]
    pub fn addresses(buf: &mut [u8]) -> usize {
        let mut used = 0;
        for i in 0..ADDRESSES {
            let (index, ip) = address_of(i);
            let mut message = AddressMessage::default();
            message.header.family = AddressFamily::Inet;
            message.header.prefix_len = 24;
            message.header.index = index;
            message.attributes = vec![
                AddressAttribute::Local(ip.into()),
                AddressAttribute::Address(ip.into()),
            ];
            let seq = u32::try_from(i).unwrap();
            used += serialize(
                RouteNetlinkMessage::NewAddress(message),
                seq,
                &mut buf[used..],
            );
        }
        used
    }
}

/// `RTNL_BENCH_MIN_RUNS`: when set, each function is also timed that many times before
/// criterion runs, and its fastest run is printed per message (steadier than criterion's mean
/// on a machine shared with other work). The functions take turns, one run each, so that a
/// slow spell of the machine cannot land on one of them only.
fn min_runs() -> Option<u32> {
    std::env::var("RTNL_BENCH_MIN_RUNS").ok()?.parse().ok()
}

/// A function to time: its name and a closure that builds into its own buffer and returns the
/// length written.
type Timed<'a> = (&'a str, &'a mut dyn FnMut() -> usize);

/// Prints the fastest of the runs [`min_runs`] asks for of each function, per message, the
/// functions taking turns; a single request is repeated 200 times per timing so the clock's
/// granularity does not count.
fn print_min(messages: usize, functions: &mut [Timed<'_>]) {
    let Some(runs) = min_runs() else {
        return;
    };
    let repeat = if messages == 1 { 200 } else { 1 };
    let mut best = vec![f64::MAX; functions.len()];
    for _ in 0..runs {
        for ((_, f), best) in functions.iter_mut().zip(&mut best) {
            let start = std::time::Instant::now();
            for _ in 0..repeat {
                black_box(f());
            }
            *best = best.min(start.elapsed().as_nanos() as f64 / f64::from(repeat));
        }
    }
    for ((name, _), best) in functions.iter().zip(best) {
        eprintln!(
            "{name}: min {:.1} ns per message over {runs} runs",
            best / messages as f64
        );
    }
}

/// Runs `f` once and prints the allocations it made per message.
fn allocations(name: &str, messages: usize, f: impl FnOnce() -> usize) -> usize {
    let before = counting::allocations();
    let len = f();
    let allocations = counting::allocations() - before;
    eprintln!(
        "{name}: {:.2} allocations per message ({allocations} for {messages} messages)",
        allocations as f64 / messages as f64
    );
    len
}

/// The veth-pair request.
fn veth(c: &mut Criterion) {
    let mut ours = [0u8; 256];
    let mut by_hand = [0u8; 256];
    let mut by_hand_nul = [0u8; 256];
    let mut theirs = [0u8; 256];
    let len = allocations("encode/veth_pair/rtnl-codec", 1, || {
        codec::veth(&mut ours, 1)
    });
    let hand_len = allocations("encode/veth_pair/rtnl-codec-builder", 1, || {
        codec::veth_builder(&mut by_hand, 1, false)
    });
    let their_len = allocations("encode/veth_pair/netlink-packet-route", 1, || {
        npr::veth(&mut theirs, 1)
    });
    assert_eq!(&ours[..len], &by_hand[..hand_len], "constructor vs builder");
    let nul_len = codec::veth_builder(&mut by_hand_nul, 1, true);
    assert_eq!(
        &by_hand_nul[..nul_len],
        &theirs[..their_len],
        "netlink-packet-route's veth request differs beyond the kind's NUL"
    );
    print_min(
        1,
        &mut [
            ("encode/veth_pair/rtnl-codec", &mut || {
                codec::veth(black_box(&mut ours), 1)
            }),
            ("encode/veth_pair/rtnl-codec-builder", &mut || {
                codec::veth_builder(black_box(&mut by_hand), 1, false)
            }),
            ("encode/veth_pair/netlink-packet-route", &mut || {
                npr::veth(black_box(&mut theirs), 1)
            }),
        ],
    );
    let mut buf = [0u8; 256];
    let mut group = c.benchmark_group("encode/veth_pair");
    group.throughput(Throughput::Elements(1));
    group.bench_function("rtnl-codec", |b| {
        b.iter(|| codec::veth(black_box(&mut buf), black_box(1)))
    });
    group.bench_function("rtnl-codec-builder", |b| {
        b.iter(|| codec::veth_builder(black_box(&mut buf), black_box(1), false))
    });
    group.bench_function("netlink-packet-route", |b| {
        b.iter(|| npr::veth(black_box(&mut buf), black_box(1)))
    });
    group.finish();
}

/// 1,000 address requests into one buffer.
fn addresses(c: &mut Criterion) {
    let mut ours = vec![0u8; 64 * ADDRESSES];
    let mut by_hand = vec![0u8; 64 * ADDRESSES];
    let mut theirs = vec![0u8; 64 * ADDRESSES];
    let len = allocations("encode/addrs_1000/rtnl-codec", ADDRESSES, || {
        codec::addresses(&mut ours)
    });
    let hand_len = allocations("encode/addrs_1000/rtnl-codec-builder", ADDRESSES, || {
        codec::addresses_builder(&mut by_hand)
    });
    let their_len = allocations("encode/addrs_1000/netlink-packet-route", ADDRESSES, || {
        npr::addresses(&mut theirs)
    });
    assert_eq!(&ours[..len], &by_hand[..hand_len], "constructor vs builder");
    assert_eq!(
        &ours[..len],
        &theirs[..their_len],
        "the two address batches differ"
    );
    print_min(
        ADDRESSES,
        &mut [
            ("encode/addrs_1000/rtnl-codec", &mut || {
                codec::addresses(black_box(&mut ours))
            }),
            ("encode/addrs_1000/rtnl-codec-builder", &mut || {
                codec::addresses_builder(black_box(&mut by_hand))
            }),
            ("encode/addrs_1000/netlink-packet-route", &mut || {
                npr::addresses(black_box(&mut theirs))
            }),
        ],
    );
    let mut buf = vec![0u8; 64 * ADDRESSES];
    let mut group = c.benchmark_group("encode/addrs_1000");
    group.throughput(Throughput::Elements(ADDRESSES as u64));
    group.bench_function("rtnl-codec", |b| {
        b.iter(|| codec::addresses(black_box(&mut buf)))
    });
    group.bench_function("rtnl-codec-builder", |b| {
        b.iter(|| codec::addresses_builder(black_box(&mut buf)))
    });
    group.bench_function("netlink-packet-route", |b| {
        b.iter(|| npr::addresses(black_box(&mut buf)))
    });
    group.finish();
}

criterion_group!(benches, veth, addresses);
criterion_main!(benches);
