//! Decode throughput on real kernel dumps, rtnl-codec side by side with its peers.
//!
//! Every implementation does the same work on the same fixture: walk the datagram, and per
//! message extract what `ip link show` / `ip addr show` / `ip route show` needs, handing the
//! values to a [`Sink`]. While timing, the sink folds them into a checksum that goes through
//! `black_box`, so nothing can be optimised away. Before timing, each implementation's values
//! are collected in full and asserted equal to the bare walker's, and the allocations it makes
//! per message are counted and printed (a counting global allocator), once per function.
//!
//! - `rtnl-codec`: the codec's public API as its crate docs show it: `Messages`, then
//!   `Message::decode` into `Payload`, then the typed view's accessors.
//! - `rtnl-codec-typed`: the same, but calling the typed view's `parse` directly (what a
//!   caller that knows the reply's type can do), skipping `Payload`.
//! - `rtnl-codec-str`: the typed path reading names, kinds and labels as `&str` instead of
//!   bytes: with the UTF-8 validation that the walker, netlink-bindings and `ip` skip and
//!   netlink-packet-route does.
//! - `bare-walker`: ~60 lines of bounds-checked loops over headers and attributes with no API
//!   at all: the practical limit for safe Rust.
//! - `netlink-packet-route`: its `NetlinkMessage::deserialize`, then the owned attribute lists.
//! - `netlink-bindings`: its generated zero-copy iterators (rt-link, rt-addr, rt-route), one
//!   pass over the attributes of each message; it has no message walker of its own outside
//!   its socket crate, so messages are split by the same loop as the bare walker's.
//! - `libmnl`: the C library, opened at run time from `libmnl.so.0` (no build-time link, so
//!   the bench builds without it; when it cannot be opened, one line on stderr says so and its
//!   rows are left out). Used as its examples and C tools use it: messages split by
//!   `mnl_nlmsg_ok`/`mnl_nlmsg_next`; per message the family header read in place
//!   (`mnl_nlmsg_get_payload`), then `mnl_attr_parse` calling back (a Rust `extern "C" fn`)
//!   for every attribute to check its type against the table (`mnl_attr_type_valid`),
//!   validate the ones read (`mnl_attr_validate`) and keep it in a zeroed
//!   `tb[MAX + 1]`; then the values read from the table with `mnl_attr_get_*`, and for links
//!   `mnl_attr_parse_nested` over `IFLA_LINKINFO` into a second table for the kind.
//!
//! Run: `cargo bench --bench decode -- --warm-up-time 1 --measurement-time 3`; with
//! `RTNL_BENCH_MIN_RUNS=2000` in the environment each function's fastest run is printed too,
//! with its throughput relative to the bare walker (the functions take turns; see `min_runs`).

use std::hint::black_box;
use std::net::IpAddr;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// A fixture aligned as a receive buffer is: libmnl reads headers and attributes in place as
/// C integers, which needs them 4-aligned (`NLMSG_ALIGNTO`), as they are in a datagram.
#[repr(C, align(8))]
struct Aligned<T: ?Sized>(T);

/// The 2,001-link dump (`lo` and 1,000 veth pairs).
static LINKS_2001: &[u8] = &Aligned(*include_bytes!("../tests/fixtures/links_2001.bin")).0;
/// The address dump: IPv4 and IPv6, labels, a peer address.
static ADDRS: &[u8] = &Aligned(*include_bytes!("../tests/fixtures/addrs.bin")).0;
/// The IPv4 route dump of all tables, multipath and table 1000 included.
static ROUTES4: &[u8] = &Aligned(*include_bytes!("../tests/fixtures/routes4.bin")).0;
/// The IPv6 route dump of all tables.
static ROUTES6: &[u8] = &Aligned(*include_bytes!("../tests/fixtures/routes6.bin")).0;
/// The IPv4 rule dump: every selector and action of `ip rule`.
static RULES4: &[u8] = &Aligned(*include_bytes!("../tests/fixtures/rules4.bin")).0;
/// The IPv6 rule dump.
static RULES6: &[u8] = &Aligned(*include_bytes!("../tests/fixtures/rules6.bin")).0;
/// The neighbour dump: ARP and NDP entries of every kind `ip neigh add` makes.
static NEIGHS: &[u8] = &Aligned(*include_bytes!("../tests/fixtures/neighs.bin")).0;

#[path = "common/counting.rs"]
mod counting;

use counting::Counting;

/// Counts allocations in the bench binary.
#[global_allocator]
static GLOBAL: Counting = Counting;

/// Receives what each implementation extracts, one call per message.
trait Sink {
    /// One link: what `ip link show` prints of it.
    fn link(
        &mut self,
        index: u32,
        flags: u32,
        name: Option<&[u8]>,
        mtu: Option<u32>,
        mac: Option<&[u8]>,
        kind: Option<&[u8]>,
    );
    /// One address: what `ip addr show` prints of it.
    #[allow(clippy::too_many_arguments)]
    fn address(
        &mut self,
        index: u32,
        family: u8,
        prefix: u8,
        address: Option<IpAddr>,
        local: Option<IpAddr>,
        label: Option<&[u8]>,
    );
    /// One route: what `ip route show` prints of it.
    fn route(
        &mut self,
        table: u32,
        dst: Option<IpAddr>,
        dst_len: u8,
        gateway: Option<IpAddr>,
        oif: Option<u32>,
        priority: Option<u32>,
    );

    /// One policy rule: what `ip rule show` prints of it.
    #[allow(clippy::too_many_arguments)]
    fn rule(
        &mut self,
        priority: Option<u32>,
        table: u32,
        action: u8,
        src: Option<IpAddr>,
        src_len: u8,
        fwmark: Option<u32>,
        iif: Option<&[u8]>,
    );

    /// One neighbour entry: what `ip neigh show` prints of it.
    fn neighbour(
        &mut self,
        index: u32,
        state: u16,
        flags: u8,
        dst: Option<IpAddr>,
        lladdr: Option<&[u8]>,
    );
}

/// Folds every value into one number: cheap, order-sensitive, and touching every byte.
#[derive(Default)]
struct Checksum(u64);

impl Checksum {
    /// Mixes one word in.
    #[inline(always)]
    fn word(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x0100_0000_01b3);
    }

    /// Mixes an optional word in, absence distinct from every value.
    #[inline(always)]
    fn opt(&mut self, word: Option<u32>) {
        self.word(word.map_or(u64::MAX, u64::from));
    }

    /// Mixes bytes in, eight at a time, with their length.
    #[inline(always)]
    fn bytes(&mut self, bytes: Option<&[u8]>) {
        let Some(bytes) = bytes else {
            return self.word(u64::MAX - 1);
        };
        self.word(bytes.len() as u64);
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.word(u64::from_ne_bytes(chunk.try_into().unwrap()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.word(u64::from_ne_bytes(last));
        }
    }

    /// Mixes an optional IP address in.
    #[inline(always)]
    fn ip(&mut self, ip: Option<IpAddr>) {
        match ip {
            None => self.word(u64::MAX - 2),
            Some(IpAddr::V4(v4)) => self.word(u64::from(v4.to_bits())),
            Some(IpAddr::V6(v6)) => {
                let bits = v6.to_bits();
                self.word(bits as u64);
                self.word((bits >> 64) as u64);
            }
        }
    }
}

impl Sink for Checksum {
    #[inline(always)]
    fn link(
        &mut self,
        index: u32,
        flags: u32,
        name: Option<&[u8]>,
        mtu: Option<u32>,
        mac: Option<&[u8]>,
        kind: Option<&[u8]>,
    ) {
        self.word(u64::from(index) | (u64::from(flags) << 32));
        self.bytes(name);
        self.opt(mtu);
        self.bytes(mac);
        self.bytes(kind);
    }

    #[inline(always)]
    fn address(
        &mut self,
        index: u32,
        family: u8,
        prefix: u8,
        address: Option<IpAddr>,
        local: Option<IpAddr>,
        label: Option<&[u8]>,
    ) {
        self.word(u64::from(index) | (u64::from(family) << 32) | (u64::from(prefix) << 40));
        self.ip(address);
        self.ip(local);
        self.bytes(label);
    }

    #[inline(always)]
    fn route(
        &mut self,
        table: u32,
        dst: Option<IpAddr>,
        dst_len: u8,
        gateway: Option<IpAddr>,
        oif: Option<u32>,
        priority: Option<u32>,
    ) {
        self.word(u64::from(table) | (u64::from(dst_len) << 32));
        self.ip(dst);
        self.ip(gateway);
        self.opt(oif);
        self.opt(priority);
    }

    #[inline(always)]
    fn rule(
        &mut self,
        priority: Option<u32>,
        table: u32,
        action: u8,
        src: Option<IpAddr>,
        src_len: u8,
        fwmark: Option<u32>,
        iif: Option<&[u8]>,
    ) {
        self.opt(priority);
        self.word(u64::from(table) | (u64::from(action) << 32) | (u64::from(src_len) << 40));
        self.ip(src);
        self.opt(fwmark);
        self.bytes(iif);
    }

    fn neighbour(
        &mut self,
        index: u32,
        state: u16,
        flags: u8,
        dst: Option<IpAddr>,
        lladdr: Option<&[u8]>,
    ) {
        self.word(u64::from(index) | (u64::from(state) << 32) | (u64::from(flags) << 48));
        self.ip(dst);
        self.bytes(lladdr);
    }
}

/// One extracted message, owned, for the equality check before timing.
#[derive(Debug, PartialEq, Eq)]
enum Record {
    /// See [`Sink::link`].
    Link(
        u32,
        u32,
        Option<Vec<u8>>,
        Option<u32>,
        Option<Vec<u8>>,
        Option<Vec<u8>>,
    ),
    /// See [`Sink::address`].
    Address(u32, u8, u8, Option<IpAddr>, Option<IpAddr>, Option<Vec<u8>>),
    /// See [`Sink::neighbour`].
    Neighbour(u32, u16, u8, Option<IpAddr>, Option<Vec<u8>>),
    /// See [`Sink::route`].
    Route(
        u32,
        Option<IpAddr>,
        u8,
        Option<IpAddr>,
        Option<u32>,
        Option<u32>,
    ),
    /// See [`Sink::rule`].
    Rule(
        Option<u32>,
        u32,
        u8,
        Option<IpAddr>,
        u8,
        Option<u32>,
        Option<Vec<u8>>,
    ),
}

/// Keeps every value, to compare implementations in full.
#[derive(Default)]
struct Collect(Vec<Record>);

impl Sink for Collect {
    fn link(
        &mut self,
        index: u32,
        flags: u32,
        name: Option<&[u8]>,
        mtu: Option<u32>,
        mac: Option<&[u8]>,
        kind: Option<&[u8]>,
    ) {
        let own = |b: Option<&[u8]>| b.map(<[u8]>::to_vec);
        self.0.push(Record::Link(
            index,
            flags,
            own(name),
            mtu,
            own(mac),
            own(kind),
        ));
    }

    fn address(
        &mut self,
        index: u32,
        family: u8,
        prefix: u8,
        address: Option<IpAddr>,
        local: Option<IpAddr>,
        label: Option<&[u8]>,
    ) {
        let label = label.map(<[u8]>::to_vec);
        self.0.push(Record::Address(
            index, family, prefix, address, local, label,
        ));
    }

    fn route(
        &mut self,
        table: u32,
        dst: Option<IpAddr>,
        dst_len: u8,
        gateway: Option<IpAddr>,
        oif: Option<u32>,
        priority: Option<u32>,
    ) {
        self.0
            .push(Record::Route(table, dst, dst_len, gateway, oif, priority));
    }

    fn rule(
        &mut self,
        priority: Option<u32>,
        table: u32,
        action: u8,
        src: Option<IpAddr>,
        src_len: u8,
        fwmark: Option<u32>,
        iif: Option<&[u8]>,
    ) {
        let iif = iif.map(<[u8]>::to_vec);
        self.0.push(Record::Rule(
            priority, table, action, src, src_len, fwmark, iif,
        ));
    }

    fn neighbour(
        &mut self,
        index: u32,
        state: u16,
        flags: u8,
        dst: Option<IpAddr>,
        lladdr: Option<&[u8]>,
    ) {
        let lladdr = lladdr.map(<[u8]>::to_vec);
        self.0
            .push(Record::Neighbour(index, state, flags, dst, lladdr));
    }
}

/// rtnl-codec, through its public API only.
mod codec {
    use super::Sink;
    use rtnl_codec::{
        AddressMessage, LinkMessage, Messages, NeighbourMessage, Payload, RouteMessage,
        RuleMessage, nlmsg,
    };

    /// Each message through `Message::decode`, as the crate docs show it: each `$variant`
    /// payload's view as `$view` into `$each`, DONE passed over, anything else a failure.
    macro_rules! decoded {
        ($data:expr, $variant:ident($view:ident) => $each:expr) => {
            for message in Messages::new($data) {
                match message.unwrap().decode().unwrap() {
                    Payload::$variant($view) => $each,
                    Payload::Done(_) => {}
                    other => panic!("unexpected {other:?}"),
                }
            }
        };
    }

    /// Each message but DONE through the family's own typed `parse` (`$view::parse`), as
    /// `$name` into `$each`: a caller that sent the request knows what comes back and skips
    /// `Message::decode`.
    macro_rules! parsed {
        ($data:expr, $view:ident($name:ident) => $each:expr) => {
            for message in Messages::new($data) {
                let message = message.unwrap();
                if message.ty() == nlmsg::DONE {
                    continue;
                }
                let $name = $view::parse(message).unwrap();
                $each;
            }
        };
    }

    /// A link's values, names and kinds as bytes.
    #[inline(always)]
    fn link(link: &LinkMessage<'_>, sink: &mut impl Sink) {
        sink.link(
            link.index(),
            link.flags(),
            link.name_bytes(),
            link.mtu(),
            link.address(),
            link.kind_bytes(),
        );
    }

    /// An address's values, its label as bytes.
    #[inline(always)]
    fn address(addr: &AddressMessage<'_>, sink: &mut impl Sink) {
        sink.address(
            addr.index(),
            addr.family(),
            addr.prefix_len(),
            addr.address(),
            addr.local(),
            addr.label_bytes(),
        );
    }

    /// A route's values.
    #[inline(always)]
    fn route(route: &RouteMessage<'_>, sink: &mut impl Sink) {
        sink.route(
            route.table(),
            route.dst(),
            route.dst_len(),
            route.gateway(),
            route.oif(),
            route.priority(),
        );
    }

    /// A rule's values.
    #[inline(always)]
    fn rule(rule: &RuleMessage<'_>, sink: &mut impl Sink) {
        sink.rule(
            rule.priority(),
            rule.table(),
            rule.action(),
            rule.src(),
            rule.src_len(),
            rule.fwmark(),
            rule.iif_name(),
        );
    }

    /// A neighbour's values.
    #[inline(always)]
    fn neighbour(n: &NeighbourMessage<'_>, sink: &mut impl Sink) {
        sink.neighbour(n.index(), n.state(), n.flags(), n.destination(), n.lladdr());
    }

    /// The rows: `pub fn NAME(data, sink)` hands each message's view, read by `decoded!`
    /// (`Payload::$source`) or `parsed!` (`$source::parse`), to the family's `$each`.
    macro_rules! rows {
        ($($(#[$doc:meta])* $name:ident = $how:ident $source:ident => $each:ident;)*) => {
            $(
                $(#[$doc])*
                pub fn $name(data: &[u8], sink: &mut impl Sink) {
                    $how!(data, $source(view) => $each(&view, sink));
                }
            )*
        };
    }

    rows! {
        /// Links: the typed view's accessors, as a caller writes them.
        links = decoded Link => link;
        /// Addresses.
        addresses = decoded Address => address;
        /// Routes.
        routes = decoded Route => route;
        /// Rules.
        rules = decoded Rule => rule;
        /// Neighbours.
        neighbours = decoded Neighbour => neighbour;
        /// Links through `LinkMessage::parse`.
        links_typed = parsed LinkMessage => link;
        /// Addresses through `AddressMessage::parse`.
        addresses_typed = parsed AddressMessage => address;
        /// Routes through `RouteMessage::parse`.
        routes_typed = parsed RouteMessage => route;
        /// Rules through `RuleMessage::parse`.
        rules_typed = parsed RuleMessage => rule;
        /// Neighbours through `NeighbourMessage::parse`.
        neighbours_typed = parsed NeighbourMessage => neighbour;
    }

    /// Links through `LinkMessage::parse`, reading the name and kind as `&str`: the typed
    /// path plus the UTF-8 validation that only netlink-packet-route of the others does.
    pub fn links_str(data: &[u8], sink: &mut impl Sink) {
        parsed!(data, LinkMessage(l) => {
            sink.link(
                l.index(),
                l.flags(),
                l.name().map(str::as_bytes),
                l.mtu(),
                l.address(),
                l.kind().map(str::as_bytes),
            );
        });
    }

    /// Addresses through `AddressMessage::parse`, reading the label as `&str`.
    pub fn addresses_str(data: &[u8], sink: &mut impl Sink) {
        parsed!(data, AddressMessage(a) => {
            sink.address(
                a.index(),
                a.family(),
                a.prefix_len(),
                a.address(),
                a.local(),
                a.label().map(str::as_bytes),
            );
        });
    }
}

/// The practical limit: loops over headers and attributes, every read bounds-checked, no API.
mod bare {
    use super::Sink;
    use std::net::IpAddr;

    /// Calls `f(type, payload)` for each message of a datagram; stops at a malformed one.
    #[inline(always)]
    pub fn messages<'a>(mut data: &'a [u8], mut f: impl FnMut(u16, &'a [u8])) {
        while data.len() >= 16 {
            let len = u32::from_ne_bytes(data[0..4].try_into().unwrap()) as usize;
            if len < 16 || len > data.len() {
                return;
            }
            f(u16::from_ne_bytes([data[4], data[5]]), &data[16..len]);
            data = &data[((len + 3) & !3).min(data.len())..];
        }
    }

    /// Calls `f(type, payload)` for each attribute of a run; stops at a malformed one.
    #[inline(always)]
    fn attrs<'a>(mut data: &'a [u8], mut f: impl FnMut(u16, &'a [u8])) {
        while data.len() >= 4 {
            let len = usize::from(u16::from_ne_bytes([data[0], data[1]]));
            if len < 4 || len > data.len() {
                return;
            }
            f(
                u16::from_ne_bytes([data[2], data[3]]) & 0x3fff,
                &data[4..len],
            );
            data = &data[((len + 3) & !3).min(data.len())..];
        }
    }

    /// A C string payload without its NUL.
    #[inline(always)]
    fn cstr(b: &[u8]) -> &[u8] {
        b.iter().position(|&c| c == 0).map_or(b, |end| &b[..end])
    }

    /// A native-endian u32 payload.
    #[inline(always)]
    fn u32_of(b: &[u8]) -> Option<u32> {
        Some(u32::from_ne_bytes(b.get(..4)?.try_into().ok()?))
    }

    /// A 4- or 16-byte address payload.
    #[inline(always)]
    fn ip(b: &[u8]) -> Option<IpAddr> {
        match b.len() {
            4 => Some(<[u8; 4]>::try_from(b).ok()?.into()),
            16 => Some(<[u8; 16]>::try_from(b).ok()?.into()),
            _ => None,
        }
    }

    /// Links: `ifinfomsg`, then IFNAME, MTU, ADDRESS and LINKINFO/INFO_KIND.
    pub fn links(data: &[u8], sink: &mut impl Sink) {
        messages(data, |ty, p| {
            if ty != 16 || p.len() < 16 {
                return;
            }
            let index = u32::from_ne_bytes(p[4..8].try_into().unwrap());
            let flags = u32::from_ne_bytes(p[8..12].try_into().unwrap());
            let (mut name, mut mtu, mut mac, mut kind) = (None, None, None, None);
            attrs(&p[16..], |ty, a| match ty {
                3 => name = Some(cstr(a)),
                4 => mtu = u32_of(a),
                1 => mac = Some(a),
                18 => attrs(a, |ty, a| {
                    if ty == 1 {
                        kind = Some(cstr(a));
                    }
                }),
                _ => {}
            });
            sink.link(index, flags, name, mtu, mac, kind);
        });
    }

    /// Addresses: `ifaddrmsg`, then ADDRESS, LOCAL and LABEL.
    pub fn addresses(data: &[u8], sink: &mut impl Sink) {
        messages(data, |ty, p| {
            if ty != 20 || p.len() < 8 {
                return;
            }
            let index = u32::from_ne_bytes(p[4..8].try_into().unwrap());
            let (mut address, mut local, mut label) = (None, None, None);
            attrs(&p[8..], |ty, a| match ty {
                1 => address = ip(a),
                2 => local = ip(a),
                3 => label = Some(cstr(a)),
                _ => {}
            });
            sink.address(index, p[0], p[1], address, local, label);
        });
    }

    /// Neighbours: `ndmsg`, then DST and LLADDR.
    pub fn neighbours(data: &[u8], sink: &mut impl Sink) {
        messages(data, |ty, p| {
            if ty != 28 || p.len() < 12 {
                return;
            }
            let index = u32::from_ne_bytes(p[4..8].try_into().unwrap());
            let state = u16::from_ne_bytes([p[8], p[9]]);
            let (mut dst, mut lladdr) = (None, None);
            attrs(&p[12..], |ty, a| match ty {
                1 => dst = ip(a),
                2 => lladdr = Some(a),
                _ => {}
            });
            sink.neighbour(index, state, p[10], dst, lladdr);
        });
    }

    /// Routes: `rtmsg`, then TABLE, DST, GATEWAY, OIF and PRIORITY.
    pub fn routes(data: &[u8], sink: &mut impl Sink) {
        messages(data, |ty, p| {
            if ty != 24 || p.len() < 12 {
                return;
            }
            let mut table = u32::from(p[4]);
            let (mut dst, mut gateway, mut oif, mut priority) = (None, None, None, None);
            attrs(&p[12..], |ty, a| match ty {
                15 => table = u32_of(a).unwrap_or(table),
                1 => dst = ip(a),
                5 => gateway = ip(a),
                4 => oif = u32_of(a),
                6 => priority = u32_of(a),
                _ => {}
            });
            sink.route(table, dst, p[1], gateway, oif, priority);
        });
    }

    /// Rules: `fib_rule_hdr`, then TABLE, PRIORITY, SRC, FWMARK and IIFNAME.
    pub fn rules(data: &[u8], sink: &mut impl Sink) {
        messages(data, |ty, p| {
            if ty != 32 || p.len() < 12 {
                return;
            }
            let mut table = u32::from(p[4]);
            let (mut priority, mut src, mut fwmark, mut iif) = (None, None, None, None);
            attrs(&p[12..], |ty, a| match ty {
                15 => table = u32_of(a).unwrap_or(table),
                6 => priority = u32_of(a),
                2 => src = ip(a),
                10 => fwmark = u32_of(a),
                3 => iif = Some(cstr(a)),
                _ => {}
            });
            sink.rule(priority, table, p[7], src, p[2], fwmark, iif);
        });
    }
}

/// netlink-packet-route: owned messages with a `Vec` of attributes each.
mod npr {
    use super::Sink;
    use netlink_packet_core::{NetlinkMessage, NetlinkPayload};
    use netlink_packet_route::RouteNetlinkMessage;
    use netlink_packet_route::address::AddressAttribute;
    use netlink_packet_route::link::{LinkAttribute, LinkInfo};
    use netlink_packet_route::neighbour::{NeighbourAddress, NeighbourAttribute};
    use netlink_packet_route::route::{RouteAddress, RouteAttribute};
    use netlink_packet_route::rule::RuleAttribute;
    use std::fmt::Write;
    use std::net::IpAddr;

    /// Calls `f` with each message of a datagram, deserialized.
    #[inline(always)]
    fn messages(mut data: &[u8], mut f: impl FnMut(RouteNetlinkMessage)) {
        while !data.is_empty() {
            let message = NetlinkMessage::<RouteNetlinkMessage>::deserialize(data).unwrap();
            let len = message.header.length as usize;
            match message.payload {
                NetlinkPayload::InnerMessage(inner) => f(inner),
                NetlinkPayload::Done(_) => {}
                other => panic!("unexpected {other:?}"),
            }
            data = &data[((len + 3) & !3).min(data.len())..];
        }
    }

    /// A `fmt::Write` into a stack buffer: to read `InfoKind` (which only has `Display`) as
    /// bytes without allocating on its behalf.
    struct Stack {
        /// The bytes written.
        buf: [u8; 32],
        /// How many.
        len: usize,
    }

    impl Write for Stack {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            let end = self.len + s.len();
            self.buf
                .get_mut(self.len..end)
                .ok_or(std::fmt::Error)?
                .copy_from_slice(s.as_bytes());
            self.len = end;
            Ok(())
        }
    }

    /// A route address as an IP address.
    fn ip(address: &RouteAddress) -> Option<IpAddr> {
        match address {
            RouteAddress::Inet(v4) => Some(IpAddr::V4(*v4)),
            RouteAddress::Inet6(v6) => Some(IpAddr::V6(*v6)),
            _ => None,
        }
    }

    /// Links.
    pub fn links(data: &[u8], sink: &mut impl Sink) {
        messages(data, |message| {
            let RouteNetlinkMessage::NewLink(link) = message else {
                panic!("not a link: {message:?}");
            };
            let (mut name, mut mtu, mut mac) = (None, None, None);
            let mut kind = Stack {
                buf: [0; 32],
                len: 0,
            };
            let mut has_kind = false;
            for attr in &link.attributes {
                match attr {
                    LinkAttribute::IfName(n) => name = Some(n.as_bytes()),
                    LinkAttribute::Mtu(m) => mtu = Some(*m),
                    LinkAttribute::Address(a) => mac = Some(a.as_slice()),
                    LinkAttribute::LinkInfo(infos) => {
                        for info in infos {
                            if let LinkInfo::Kind(k) = info {
                                write!(kind, "{k}").unwrap();
                                has_kind = true;
                            }
                        }
                    }
                    _ => {}
                }
            }
            let kind = has_kind.then(|| &kind.buf[..kind.len]);
            sink.link(
                link.header.index,
                link.header.flags.bits(),
                name,
                mtu,
                mac,
                kind,
            );
        });
    }

    /// Addresses.
    pub fn addresses(data: &[u8], sink: &mut impl Sink) {
        messages(data, |message| {
            let RouteNetlinkMessage::NewAddress(addr) = message else {
                panic!("not an address: {message:?}");
            };
            let (mut address, mut local, mut label) = (None, None, None);
            for attr in &addr.attributes {
                match attr {
                    AddressAttribute::Address(a) => address = Some(*a),
                    AddressAttribute::Local(l) => local = Some(*l),
                    AddressAttribute::Label(l) => label = Some(l.as_bytes()),
                    _ => {}
                }
            }
            sink.address(
                addr.header.index,
                u8::from(addr.header.family),
                addr.header.prefix_len,
                address,
                local,
                label,
            );
        });
    }

    /// Neighbours.
    pub fn neighbours(data: &[u8], sink: &mut impl Sink) {
        messages(data, |message| {
            let RouteNetlinkMessage::NewNeighbour(n) = message else {
                panic!("not a neighbour: {message:?}");
            };
            let (mut dst, mut lladdr) = (None, None);
            for attr in &n.attributes {
                match attr {
                    NeighbourAttribute::Destination(NeighbourAddress::Inet(v4)) => {
                        dst = Some(IpAddr::V4(*v4));
                    }
                    NeighbourAttribute::Destination(NeighbourAddress::Inet6(v6)) => {
                        dst = Some(IpAddr::V6(*v6));
                    }
                    NeighbourAttribute::LinkLayerAddress(l) => lladdr = Some(l.as_slice()),
                    _ => {}
                }
            }
            sink.neighbour(
                n.header.ifindex,
                u16::from(n.header.state),
                n.header.flags.bits(),
                dst,
                lladdr,
            );
        });
    }

    /// Routes.
    pub fn routes(data: &[u8], sink: &mut impl Sink) {
        messages(data, |message| {
            let RouteNetlinkMessage::NewRoute(route) = message else {
                panic!("not a route: {message:?}");
            };
            let mut table = u32::from(route.header.table);
            let (mut dst, mut gateway, mut oif, mut priority) = (None, None, None, None);
            for attr in &route.attributes {
                match attr {
                    RouteAttribute::Table(t) => table = *t,
                    RouteAttribute::Destination(d) => dst = ip(d),
                    RouteAttribute::Gateway(g) => gateway = ip(g),
                    RouteAttribute::Oif(o) => oif = Some(*o),
                    RouteAttribute::Priority(p) => priority = Some(*p),
                    _ => {}
                }
            }
            sink.route(
                table,
                dst,
                route.header.destination_prefix_length,
                gateway,
                oif,
                priority,
            );
        });
    }

    /// Rules.
    pub fn rules(data: &[u8], sink: &mut impl Sink) {
        messages(data, |message| {
            let RouteNetlinkMessage::NewRule(rule) = message else {
                panic!("not a rule: {message:?}");
            };
            let mut table = u32::from(rule.header.table);
            let (mut priority, mut src, mut fwmark, mut iif) = (None, None, None, None);
            for attr in &rule.attributes {
                match attr {
                    RuleAttribute::Table(t) => table = *t,
                    RuleAttribute::Priority(p) => priority = Some(*p),
                    RuleAttribute::Source(s) => src = Some(*s),
                    RuleAttribute::FwMark(m) => fwmark = Some(*m),
                    RuleAttribute::Iifname(name) => iif = Some(name.as_bytes()),
                    _ => {}
                }
            }
            sink.rule(
                priority,
                table,
                u8::from(rule.header.action),
                src,
                rule.header.src_len,
                fwmark,
                iif,
            );
        });
    }
}

/// netlink-bindings: generated zero-copy iterators, one pass over each message's attributes.
mod nlb {
    use super::Sink;
    use super::bare::messages;
    use netlink_bindings::rt_addr::{AddrAttrs, OpGetaddrDump};
    use netlink_bindings::rt_link::{LinkAttrs, LinkinfoAttrs, OpGetlinkDump};
    use netlink_bindings::rt_route::{OpGetrouteDump, RouteAttrs};
    use netlink_bindings::traits::NetlinkRequest;

    /// Links.
    pub fn links(data: &[u8], sink: &mut impl Sink) {
        messages(data, |ty, payload| {
            if ty != 16 {
                return;
            }
            let (header, attrs) = <OpGetlinkDump as NetlinkRequest>::decode_reply(payload);
            let (mut name, mut mtu, mut mac, mut kind) = (None, None, None, None);
            for attr in attrs {
                match attr.unwrap() {
                    LinkAttrs::Ifname(n) => name = Some(n.to_bytes()),
                    LinkAttrs::Mtu(m) => mtu = Some(m),
                    LinkAttrs::Address(a) => mac = Some(a),
                    LinkAttrs::Linkinfo(info) => {
                        for attr in info {
                            if let LinkinfoAttrs::Kind(k) = attr.unwrap() {
                                kind = Some(k.to_bytes());
                            }
                        }
                    }
                    _ => {}
                }
            }
            sink.link(
                header.ifi_index as u32,
                header.ifi_flags,
                name,
                mtu,
                mac,
                kind,
            );
        });
    }

    /// Addresses.
    pub fn addresses(data: &[u8], sink: &mut impl Sink) {
        messages(data, |ty, payload| {
            if ty != 20 {
                return;
            }
            let (header, attrs) = <OpGetaddrDump as NetlinkRequest>::decode_reply(payload);
            let (mut address, mut local, mut label) = (None, None, None);
            for attr in attrs {
                match attr.unwrap() {
                    AddrAttrs::Address(a) => address = Some(a),
                    AddrAttrs::Local(l) => local = Some(l),
                    AddrAttrs::Label(l) => label = Some(l.to_bytes()),
                    _ => {}
                }
            }
            sink.address(
                header.ifa_index,
                header.ifa_family,
                header.ifa_prefixlen,
                address,
                local,
                label,
            );
        });
    }

    /// Routes.
    pub fn routes(data: &[u8], sink: &mut impl Sink) {
        messages(data, |ty, payload| {
            if ty != 24 {
                return;
            }
            let (header, attrs) = <OpGetrouteDump as NetlinkRequest>::decode_reply(payload);
            let mut table = u32::from(header.rtm_table);
            let (mut dst, mut gateway, mut oif, mut priority) = (None, None, None, None);
            for attr in attrs {
                match attr.unwrap() {
                    RouteAttrs::Table(t) => table = t,
                    RouteAttrs::Dst(d) => dst = Some(d),
                    RouteAttrs::Gateway(g) => gateway = Some(g),
                    RouteAttrs::Oif(o) => oif = Some(o),
                    RouteAttrs::Priority(p) => priority = Some(p),
                    _ => {}
                }
            }
            sink.route(table, dst, header.rtm_dst_len, gateway, oif, priority);
        });
    }
}

/// libmnl, the C library, loaded at run time and used as its examples and C tools use it.
mod libmnl {
    use super::Sink;
    use libloading::Library;
    use std::ffi::{CStr, c_char, c_int, c_uint, c_void};
    use std::marker::PhantomData;
    use std::net::IpAddr;
    use std::sync::OnceLock;

    /// The library, by its soname: the runtime package ships it without the `libmnl.so` link.
    const SONAME: &str = "libmnl.so.0";

    /// `NLMSG_DONE`.
    const NLMSG_DONE: u16 = 3;
    /// `RTM_NEWLINK`.
    const RTM_NEWLINK: u16 = 16;
    /// `RTM_NEWADDR`.
    const RTM_NEWADDR: u16 = 20;
    /// `RTM_NEWROUTE`.
    const RTM_NEWROUTE: u16 = 24;

    /// `MNL_CB_ERROR`: a callback's verdict that stops the walk with an error.
    const MNL_CB_ERROR: c_int = -1;
    /// `MNL_CB_OK`: a callback's verdict that goes on, and the walk's result when all did.
    const MNL_CB_OK: c_int = 1;

    /// `MNL_TYPE_U32` of `enum mnl_attr_data_type`: exactly 4 bytes.
    const MNL_TYPE_U32: c_uint = 3;
    /// `MNL_TYPE_NESTED`: empty, or at least one attribute header.
    const MNL_TYPE_NESTED: c_uint = 8;
    /// `MNL_TYPE_NUL_STRING`: not empty, and its last byte a NUL.
    const MNL_TYPE_NUL_STRING: c_uint = 10;
    /// `MNL_TYPE_BINARY`: any length.
    const MNL_TYPE_BINARY: c_uint = 11;

    /// `IFLA_ADDRESS`.
    const IFLA_ADDRESS: u16 = 1;
    /// `IFLA_IFNAME`.
    const IFLA_IFNAME: u16 = 3;
    /// `IFLA_MTU`.
    const IFLA_MTU: u16 = 4;
    /// `IFLA_LINKINFO`.
    const IFLA_LINKINFO: u16 = 18;
    /// `IFLA_MAX + 1` of the uapi headers of Linux 6.1 (what `linux-libc-dev` installs here):
    /// the size of a C tool's `struct nlattr *tb[IFLA_MAX + 1]`.
    const IFLA_SLOTS: usize = 62;
    /// `IFLA_INFO_KIND`.
    const IFLA_INFO_KIND: u16 = 1;
    /// `IFLA_INFO_MAX + 1`.
    const IFLA_INFO_SLOTS: usize = 6;

    /// `IFA_ADDRESS`.
    const IFA_ADDRESS: u16 = 1;
    /// `IFA_LOCAL`.
    const IFA_LOCAL: u16 = 2;
    /// `IFA_LABEL`.
    const IFA_LABEL: u16 = 3;
    /// `IFA_MAX + 1` of Linux 6.1.
    const IFA_SLOTS: usize = 12;

    /// `RTA_DST`.
    const RTA_DST: u16 = 1;
    /// `RTA_OIF`.
    const RTA_OIF: u16 = 4;
    /// `RTA_GATEWAY`.
    const RTA_GATEWAY: u16 = 5;
    /// `RTA_PRIORITY`.
    const RTA_PRIORITY: u16 = 6;
    /// `RTA_TABLE`.
    const RTA_TABLE: u16 = 15;
    /// `RTA_MAX + 1` of Linux 6.1.
    const RTA_SLOTS: usize = 31;

    /// `struct nlmsghdr`.
    #[repr(C)]
    struct NlMsgHdr {
        /// `nlmsg_len`.
        _len: u32,
        /// `nlmsg_type`.
        ty: u16,
        /// `nlmsg_flags`.
        _flags: u16,
        /// `nlmsg_seq`.
        _seq: u32,
        /// `nlmsg_pid`.
        _pid: u32,
    }

    /// `struct nlattr`: only libmnl reads it, so it is opaque here.
    #[repr(C)]
    struct NlAttr {
        /// No fields of its own.
        _opaque: [u8; 0],
    }

    /// `struct ifinfomsg`.
    #[repr(C)]
    struct IfInfoMsg {
        /// `ifi_family`.
        _family: u8,
        /// `__ifi_pad`.
        _pad: u8,
        /// `ifi_type`.
        _ty: u16,
        /// `ifi_index`.
        index: i32,
        /// `ifi_flags`.
        flags: u32,
        /// `ifi_change`.
        _change: u32,
    }

    /// `struct ifaddrmsg`.
    #[repr(C)]
    struct IfAddrMsg {
        /// `ifa_family`.
        family: u8,
        /// `ifa_prefixlen`.
        prefix_len: u8,
        /// `ifa_flags`.
        _flags: u8,
        /// `ifa_scope`.
        _scope: u8,
        /// `ifa_index`.
        index: u32,
    }

    /// `struct rtmsg`.
    #[repr(C)]
    struct RtMsg {
        /// `rtm_family`.
        _family: u8,
        /// `rtm_dst_len`.
        dst_len: u8,
        /// `rtm_src_len`.
        _src_len: u8,
        /// `rtm_tos`.
        _tos: u8,
        /// `rtm_table`.
        table: u8,
        /// `rtm_protocol`.
        _protocol: u8,
        /// `rtm_scope`.
        _scope: u8,
        /// `rtm_type`.
        _ty: u8,
        /// `rtm_flags`.
        _flags: u32,
    }

    /// A family header that C reads in place, through the pointer `mnl_nlmsg_get_payload`
    /// returns.
    ///
    /// # Safety
    ///
    /// Implementors are `repr(C)` with integer fields only (so any bytes are a value) and an
    /// alignment of at most 4 (`NLMSG_ALIGNTO`).
    unsafe trait Header {}

    // SAFETY: `repr(C)`, integer fields only, alignment 4.
    unsafe impl Header for IfInfoMsg {}
    // SAFETY: `repr(C)`, integer fields only, alignment 4.
    unsafe impl Header for IfAddrMsg {}
    // SAFETY: `repr(C)`, integer fields only, alignment 4.
    unsafe impl Header for RtMsg {}

    /// `mnl_attr_cb_t`: `int (*)(const struct nlattr *attr, void *data)`.
    type Callback = unsafe extern "C" fn(*const NlAttr, *mut c_void) -> c_int;

    /// The libmnl functions used, resolved from [`SONAME`], with the library that holds them.
    struct Mnl {
        /// Keeps the functions below mapped: never dropped, as it lives in a static.
        _library: Library,
        /// `bool mnl_nlmsg_ok(const struct nlmsghdr *nlh, int len)`.
        nlmsg_ok: unsafe extern "C" fn(*const NlMsgHdr, c_int) -> bool,
        /// `struct nlmsghdr *mnl_nlmsg_next(const struct nlmsghdr *nlh, int *len)`.
        nlmsg_next: unsafe extern "C" fn(*const NlMsgHdr, *mut c_int) -> *const NlMsgHdr,
        /// `size_t mnl_nlmsg_get_payload_len(const struct nlmsghdr *nlh)`.
        nlmsg_get_payload_len: unsafe extern "C" fn(*const NlMsgHdr) -> usize,
        /// `void *mnl_nlmsg_get_payload(const struct nlmsghdr *nlh)`.
        nlmsg_get_payload: unsafe extern "C" fn(*const NlMsgHdr) -> *const c_void,
        /// `int mnl_attr_parse(const struct nlmsghdr *nlh, unsigned int offset,
        /// mnl_attr_cb_t cb, void *data)`.
        attr_parse: unsafe extern "C" fn(*const NlMsgHdr, c_uint, Callback, *mut c_void) -> c_int,
        /// `int mnl_attr_parse_nested(const struct nlattr *attr, mnl_attr_cb_t cb,
        /// void *data)`.
        attr_parse_nested: unsafe extern "C" fn(*const NlAttr, Callback, *mut c_void) -> c_int,
        /// `uint16_t mnl_attr_get_type(const struct nlattr *attr)`.
        attr_get_type: unsafe extern "C" fn(*const NlAttr) -> u16,
        /// `int mnl_attr_type_valid(const struct nlattr *attr, uint16_t maxtype)`.
        attr_type_valid: unsafe extern "C" fn(*const NlAttr, u16) -> c_int,
        /// `int mnl_attr_validate(const struct nlattr *attr, enum mnl_attr_data_type type)`.
        attr_validate: unsafe extern "C" fn(*const NlAttr, c_uint) -> c_int,
        /// `void *mnl_attr_get_payload(const struct nlattr *attr)`.
        attr_get_payload: unsafe extern "C" fn(*const NlAttr) -> *const c_void,
        /// `uint16_t mnl_attr_get_payload_len(const struct nlattr *attr)`.
        attr_get_payload_len: unsafe extern "C" fn(*const NlAttr) -> u16,
        /// `uint32_t mnl_attr_get_u32(const struct nlattr *attr)`.
        attr_get_u32: unsafe extern "C" fn(*const NlAttr) -> u32,
        /// `const char *mnl_attr_get_str(const struct nlattr *attr)`.
        attr_get_str: unsafe extern "C" fn(*const NlAttr) -> *const c_char,
    }

    /// One function of `library`, as a `T`.
    ///
    /// # Safety
    ///
    /// `T` is the function pointer type of `name`'s C prototype, and the pointer is used only
    /// while `library` is loaded.
    unsafe fn function<T: Copy>(library: &Library, name: &CStr) -> Result<T, libloading::Error> {
        // SAFETY: `T` is `name`'s type (this function's contract); the copy out of the
        // `Symbol` outlives its borrow of `library` only as far as the caller keeps `library`
        // loaded (the contract again).
        unsafe { library.get::<T>(name).map(|symbol| *symbol) }
    }

    /// Opens [`SONAME`] and resolves the functions used.
    fn open() -> Result<Mnl, libloading::Error> {
        // SAFETY: opening a library runs its initialisers; libmnl's are the C runtime's only
        // (it defines no constructors), and it depends on libc alone, which this process has
        // loaded already, so they assume nothing of the process.
        let library = unsafe { Library::new(SONAME)? };
        // SAFETY: every type below is the prototype libmnl.h gives the name (the ABI of the
        // soname `libmnl.so.0`, whose symbols are versioned `LIBMNL_1.0` and have not
        // changed since), with `enum mnl_attr_data_type` as `unsigned int` (it has no
        // negative values) and `bool` as Rust's; every pointer is kept in the `Mnl` that
        // also keeps `library`, and `Mnl`s live in a static, never dropped.
        unsafe {
            Ok(Mnl {
                nlmsg_ok: function(&library, c"mnl_nlmsg_ok")?,
                nlmsg_next: function(&library, c"mnl_nlmsg_next")?,
                nlmsg_get_payload_len: function(&library, c"mnl_nlmsg_get_payload_len")?,
                nlmsg_get_payload: function(&library, c"mnl_nlmsg_get_payload")?,
                attr_parse: function(&library, c"mnl_attr_parse")?,
                attr_parse_nested: function(&library, c"mnl_attr_parse_nested")?,
                attr_get_type: function(&library, c"mnl_attr_get_type")?,
                attr_type_valid: function(&library, c"mnl_attr_type_valid")?,
                attr_validate: function(&library, c"mnl_attr_validate")?,
                attr_get_payload: function(&library, c"mnl_attr_get_payload")?,
                attr_get_payload_len: function(&library, c"mnl_attr_get_payload_len")?,
                attr_get_u32: function(&library, c"mnl_attr_get_u32")?,
                attr_get_str: function(&library, c"mnl_attr_get_str")?,
                _library: library,
            })
        }
    }

    /// libmnl, opened on first use; `None` if it cannot be, said once on stderr.
    fn loaded() -> Option<&'static Mnl> {
        static LIBMNL: OnceLock<Option<Mnl>> = OnceLock::new();
        LIBMNL
            .get_or_init(|| {
                open()
                    .inspect_err(|error| {
                        // libloading's own message is only which call failed; the system's
                        // reason (dlerror's) is its source.
                        let reason = std::error::Error::source(error).map_or_else(
                            || error.to_string(),
                            |source| format!("{error}: {source}"),
                        );
                        eprintln!("decode: the libmnl row is skipped: {reason}");
                    })
                    .ok()
            })
            .as_ref()
    }

    /// Whether libmnl could be opened, so that its rows can be listed.
    pub fn available() -> bool {
        loaded().is_some()
    }

    /// libmnl, for a row's function: listed only when [`available`].
    fn mnl() -> &'static Mnl {
        loaded().expect("the libmnl rows are listed only when libmnl is loaded")
    }

    /// One message of a datagram as [`messages`] hands it out: `nlh` points to a whole message
    /// inside the datagram (`mnl_nlmsg_ok` accepted it), is 4-aligned, the message's aligned
    /// end is inside the datagram too, and `nlh` comes from the datagram's own pointer, so
    /// libmnl may read all of it.
    #[derive(Clone, Copy)]
    struct Message<'a> {
        /// The message's header.
        nlh: *const NlMsgHdr,
        /// The datagram, borrowed.
        data: PhantomData<&'a [u8]>,
    }

    /// Calls `f` with each message of a datagram but `NLMSG_DONE`, split by libmnl's own
    /// `mnl_nlmsg_ok` and `mnl_nlmsg_next`, as `mnl_cb_run` splits them.
    #[inline(always)]
    fn messages<'a>(mnl: &Mnl, data: &'a [u8], mut f: impl FnMut(Message<'a>)) {
        // libmnl reads headers and attributes in place as C integers, so the datagram is
        // aligned as a receive buffer is; and it ends at an alignment boundary, so that no
        // message's aligned end (where `mnl_attr_parse` stops) lies past it.
        assert!(
            data.as_ptr().cast::<NlMsgHdr>().is_aligned() && data.len().is_multiple_of(4),
            "libmnl needs a 4-aligned datagram of whole 4-byte units"
        );
        let mut len = c_int::try_from(data.len()).expect("a datagram longer than an int");
        let mut nlh = data.as_ptr().cast::<NlMsgHdr>();
        // SAFETY: `nlh` is at `len` bytes of `data`; `mnl_nlmsg_ok` reads the header only once
        // it has checked that `len` covers it.
        while unsafe { (mnl.nlmsg_ok)(nlh, len) } {
            // SAFETY: `mnl_nlmsg_ok` accepted `nlh`: its header lies in `data`, and it is
            // 4-aligned (`data` is, and `mnl_nlmsg_next` steps by aligned lengths).
            let ty = unsafe { (*nlh).ty };
            if ty != NLMSG_DONE {
                f(Message {
                    nlh,
                    data: PhantomData,
                });
            }
            // SAFETY: `nlh` is a message `mnl_nlmsg_ok` accepted with `len`; `mnl_nlmsg_next`
            // reads its length and steps past it, taking its aligned length off `len`, which
            // the next `mnl_nlmsg_ok` checks before it reads anything.
            nlh = unsafe { (mnl.nlmsg_next)(nlh, &mut len) };
        }
    }

    impl<'a> Message<'a> {
        /// The message's type.
        #[inline(always)]
        fn ty(self) -> u16 {
            // SAFETY: the header of a whole, 4-aligned message in the datagram (see `Message`).
            unsafe { (*self.nlh).ty }
        }

        /// The family header, in place, and the attributes after it in a table, as a C tool
        /// reads a message: `mnl_nlmsg_get_payload`, then `mnl_attr_parse` past the header
        /// with a callback that validates and keeps each attribute. Panics if the message is
        /// shorter than its header or libmnl rejects an attribute.
        #[inline(always)]
        fn parse<H: Header, P: Policy, const N: usize>(
            self,
            mnl: &'static Mnl,
        ) -> (&'a H, Table<'a, P, N>) {
            // SAFETY: the header of a whole message in the datagram (see `Message`).
            let len = unsafe { (mnl.nlmsg_get_payload_len)(self.nlh) };
            assert!(len >= size_of::<H>(), "a message shorter than its header");
            // SAFETY: the same message; the payload is its 16th byte on.
            let payload = unsafe { (mnl.nlmsg_get_payload)(self.nlh) };
            // SAFETY: the payload holds `size_of::<H>()` bytes of the message (checked above),
            // inside the datagram borrowed for `'a` and never written; it is 4-aligned (the
            // message is, and its header is 16 bytes), which is enough for `H`, and any bytes
            // are an `H` (both by `Header`'s contract).
            let header = unsafe { &*payload.cast::<H>() };
            let mut table = Table::new(mnl);
            // SAFETY: the message is whole and its aligned end is in the datagram (see
            // `Message`), and so is its header (checked above): `mnl_attr_parse` walks from the
            // header's aligned end to the message's, checking each attribute with
            // `mnl_attr_ok` before it calls `keep`, which gets `table`: a `Table<P, N>`, as
            // `keep::<P, N>` requires, borrowed by nothing else during the call.
            let verdict = unsafe {
                (mnl.attr_parse)(
                    self.nlh,
                    size_of::<H>() as c_uint,
                    keep::<P, N>,
                    (&raw mut table).cast(),
                )
            };
            assert_eq!(verdict, MNL_CB_OK, "libmnl rejected an attribute");
            (header, table)
        }
    }

    /// Which attributes of a table are read, and how libmnl validates each before it is kept.
    trait Policy {
        /// The `MNL_TYPE_*` that an attribute of type `ty` is validated as, if it is read.
        fn validation(ty: u16) -> Option<c_uint>;
    }

    /// A link's attributes, validated as libmnl's `rtnl-link-dump` example does, with the
    /// address and link info added, and the name as `MNL_TYPE_NUL_STRING` rather than
    /// `MNL_TYPE_STRING`: the NUL that reading it as a C string (`strlen`) needs is checked.
    struct Link;

    impl Policy for Link {
        #[inline(always)]
        fn validation(ty: u16) -> Option<c_uint> {
            match ty {
                IFLA_ADDRESS => Some(MNL_TYPE_BINARY),
                IFLA_IFNAME => Some(MNL_TYPE_NUL_STRING),
                IFLA_MTU => Some(MNL_TYPE_U32),
                IFLA_LINKINFO => Some(MNL_TYPE_NESTED),
                _ => None,
            }
        }
    }

    /// The attributes nested in `IFLA_LINKINFO`.
    struct LinkInfo;

    impl Policy for LinkInfo {
        #[inline(always)]
        fn validation(ty: u16) -> Option<c_uint> {
            (ty == IFLA_INFO_KIND).then_some(MNL_TYPE_NUL_STRING)
        }
    }

    /// An address's attributes, as libmnl's `rtnl-addr-dump` example validates them.
    struct Address;

    impl Policy for Address {
        #[inline(always)]
        fn validation(ty: u16) -> Option<c_uint> {
            match ty {
                IFA_ADDRESS | IFA_LOCAL => Some(MNL_TYPE_BINARY),
                IFA_LABEL => Some(MNL_TYPE_NUL_STRING),
                _ => None,
            }
        }
    }

    /// A route's attributes, as libmnl's `rtnl-route-dump` example validates them, with one
    /// policy for both families: addresses as binary of any length, read as 4 or 16 bytes.
    struct Route;

    impl Policy for Route {
        #[inline(always)]
        fn validation(ty: u16) -> Option<c_uint> {
            match ty {
                RTA_DST | RTA_GATEWAY => Some(MNL_TYPE_BINARY),
                RTA_OIF | RTA_PRIORITY | RTA_TABLE => Some(MNL_TYPE_U32),
                _ => None,
            }
        }
    }

    /// A C tool's `struct nlattr *tb[MAX + 1]`: the last attribute of each type up to
    /// `N - 1`, each one that `mnl_attr_ok` accepted inside a datagram borrowed for `'a`, and
    /// validated by `P` if `P` reads it.
    struct Table<'a, P, const N: usize> {
        /// libmnl, for the callback and the getters.
        mnl: &'static Mnl,
        /// The attributes by type; null where none came.
        tb: [*const NlAttr; N],
        /// The datagram, borrowed, and the policy the table was filled by.
        filled: PhantomData<(&'a [u8], P)>,
    }

    impl<'a, P: Policy, const N: usize> Table<'a, P, N> {
        /// An empty table, as a C tool's `= {}`.
        #[inline(always)]
        fn new(mnl: &'static Mnl) -> Self {
            Self {
                mnl,
                tb: [std::ptr::null(); N],
                filled: PhantomData,
            }
        }

        /// The attribute of type `ty`, if one came.
        #[inline(always)]
        fn get(&self, ty: u16) -> Option<*const NlAttr> {
            let attr = *self.tb.get(usize::from(ty))?;
            (!attr.is_null()).then_some(attr)
        }

        /// The payload of the attribute of type `ty` (`mnl_attr_get_payload`,
        /// `mnl_attr_get_payload_len`).
        #[inline(always)]
        fn bytes(&self, ty: u16) -> Option<&'a [u8]> {
            let attr = self.get(ty)?;
            // SAFETY: an attribute of the table: `mnl_attr_ok` accepted it, so its header lies
            // in the datagram.
            let (payload, len) = unsafe {
                (
                    (self.mnl.attr_get_payload)(attr),
                    (self.mnl.attr_get_payload_len)(attr),
                )
            };
            // SAFETY: `mnl_attr_ok` also checked that its `nla_len` bytes (at least a header)
            // lie in the datagram, borrowed for `'a` and never written: the payload is their
            // part after the 4-byte header.
            Some(unsafe { std::slice::from_raw_parts(payload.cast::<u8>(), usize::from(len)) })
        }

        /// The string of type `ty` without its NUL (`mnl_attr_get_str`, then its length as C's
        /// `strlen` finds it).
        #[inline(always)]
        fn str(&self, ty: u16) -> Option<&'a [u8]> {
            assert_eq!(P::validation(ty), Some(MNL_TYPE_NUL_STRING), "not a string");
            let attr = self.get(ty)?;
            // SAFETY: an attribute of the table, in the datagram (see `bytes`), that `P`
            // validated as `MNL_TYPE_NUL_STRING` (asserted above): its payload, which
            // `mnl_attr_get_str` returns, ends with a NUL, so the C string ends inside it and
            // lives as long as the datagram (`'a`), which is never written.
            Some(unsafe { CStr::from_ptr((self.mnl.attr_get_str)(attr)) }.to_bytes())
        }

        /// The `u32` of type `ty` (`mnl_attr_get_u32`).
        #[inline(always)]
        fn u32(&self, ty: u16) -> Option<u32> {
            assert_eq!(P::validation(ty), Some(MNL_TYPE_U32), "not a u32");
            let attr = self.get(ty)?;
            // SAFETY: an attribute of the table, in the datagram (see `bytes`), that `P`
            // validated as `MNL_TYPE_U32` (asserted above): its payload is exactly 4 bytes,
            // 4-aligned (attributes start at aligned offsets of an aligned message), which is
            // what `mnl_attr_get_u32` reads.
            Some(unsafe { (self.mnl.attr_get_u32)(attr) })
        }

        /// The address of type `ty`: 4 bytes as IPv4, 16 as IPv6.
        #[inline(always)]
        fn ip(&self, ty: u16) -> Option<IpAddr> {
            let bytes = self.bytes(ty)?;
            match bytes.len() {
                4 => Some(<[u8; 4]>::try_from(bytes).ok()?.into()),
                16 => Some(<[u8; 16]>::try_from(bytes).ok()?.into()),
                _ => None,
            }
        }

        /// The attributes nested in the one of type `ty`, in a table (`mnl_attr_parse_nested`
        /// with a callback that validates by `Q`). Panics if libmnl rejects one.
        #[inline(always)]
        fn nested<Q: Policy, const M: usize>(&self, ty: u16) -> Option<Table<'a, Q, M>> {
            let attr = self.get(ty)?;
            let mut table = Table::new(self.mnl);
            // SAFETY: an attribute of the table, in the datagram (see `bytes`):
            // `mnl_attr_parse_nested` walks its payload only, checking each attribute with
            // `mnl_attr_ok` before it calls `keep`, which gets `table`: a `Table<Q, M>`, as
            // `keep::<Q, M>` requires, borrowed by nothing else during the call.
            let verdict = unsafe {
                (self.mnl.attr_parse_nested)(attr, keep::<Q, M>, (&raw mut table).cast())
            };
            assert_eq!(verdict, MNL_CB_OK, "libmnl rejected a nested attribute");
            Some(table)
        }
    }

    /// The callback `mnl_attr_parse` calls for each attribute, as libmnl's examples write it:
    /// skip types the table has no slot for (`mnl_attr_type_valid`), validate those `P` reads
    /// (`mnl_attr_validate`, the walk failing if one is malformed), and keep the last of each
    /// type.
    ///
    /// # Safety
    ///
    /// `attr` is an attribute that libmnl's walk accepted with `mnl_attr_ok`, and `data` points
    /// to a `Table<P, N>` that nothing else uses during the walk.
    unsafe extern "C" fn keep<P: Policy, const N: usize>(
        attr: *const NlAttr,
        data: *mut c_void,
    ) -> c_int {
        const {
            assert!(
                N > 0 && N <= 1 << 16,
                "a table's slots are the u16 types 0..N"
            )
        };
        // SAFETY: `data` is a `Table<P, N>` that nothing else uses meanwhile (the contract);
        // the table's lifetime is not used here.
        let table = unsafe { &mut *data.cast::<Table<'_, P, N>>() };
        let mnl = table.mnl;
        // SAFETY: `mnl_attr_ok` accepted `attr` (the contract): its header is readable.
        let ty = unsafe { (mnl.attr_get_type)(attr) };
        // SAFETY: the same header.
        if unsafe { (mnl.attr_type_valid)(attr, (N - 1) as u16) } < 0 {
            return MNL_CB_OK;
        }
        if let Some(data_type) = P::validation(ty) {
            // SAFETY: `mnl_attr_ok` accepted `attr`: its `nla_len` bytes, header and payload,
            // are readable, and those are what `mnl_attr_validate` reads.
            if unsafe { (mnl.attr_validate)(attr, data_type) } < 0 {
                return MNL_CB_ERROR;
            }
        }
        if let Some(slot) = table.tb.get_mut(usize::from(ty)) {
            *slot = attr;
        }
        MNL_CB_OK
    }

    /// Links: `ifinfomsg` in place, a table of `IFLA_*`, and one of `IFLA_INFO_*` from
    /// `IFLA_LINKINFO`.
    pub fn links(data: &[u8], sink: &mut impl Sink) {
        let mnl = mnl();
        messages(mnl, data, |message| {
            assert_eq!(message.ty(), RTM_NEWLINK, "not a link");
            let (ifm, tb) = message.parse::<IfInfoMsg, Link, IFLA_SLOTS>(mnl);
            let kind = tb
                .nested::<LinkInfo, IFLA_INFO_SLOTS>(IFLA_LINKINFO)
                .and_then(|info| info.str(IFLA_INFO_KIND));
            sink.link(
                ifm.index as u32,
                ifm.flags,
                tb.str(IFLA_IFNAME),
                tb.u32(IFLA_MTU),
                tb.bytes(IFLA_ADDRESS),
                kind,
            );
        });
    }

    /// Addresses: `ifaddrmsg` in place and a table of `IFA_*`.
    pub fn addresses(data: &[u8], sink: &mut impl Sink) {
        let mnl = mnl();
        messages(mnl, data, |message| {
            assert_eq!(message.ty(), RTM_NEWADDR, "not an address");
            let (ifa, tb) = message.parse::<IfAddrMsg, Address, IFA_SLOTS>(mnl);
            sink.address(
                ifa.index,
                ifa.family,
                ifa.prefix_len,
                tb.ip(IFA_ADDRESS),
                tb.ip(IFA_LOCAL),
                tb.str(IFA_LABEL),
            );
        });
    }

    /// Routes: `rtmsg` in place and a table of `RTA_*`.
    pub fn routes(data: &[u8], sink: &mut impl Sink) {
        let mnl = mnl();
        messages(mnl, data, |message| {
            assert_eq!(message.ty(), RTM_NEWROUTE, "not a route");
            let (rtm, tb) = message.parse::<RtMsg, Route, RTA_SLOTS>(mnl);
            sink.route(
                tb.u32(RTA_TABLE).unwrap_or(u32::from(rtm.table)),
                tb.ip(RTA_DST),
                rtm.dst_len,
                tb.ip(RTA_GATEWAY),
                tb.u32(RTA_OIF),
                tb.u32(RTA_PRIORITY),
            );
        });
    }
}

/// One implementation of one family: its name and its two monomorphisations.
struct Implementation {
    /// The criterion function name.
    name: &'static str,
    /// Runs it, folding into a checksum.
    checksum: fn(&[u8], &mut Checksum),
    /// Runs it, keeping every value.
    collect: fn(&[u8], &mut Collect),
}

/// An [`Implementation`] from a generic `fn(&[u8], &mut impl Sink)`.
macro_rules! implementation {
    ($name:literal, $path:path) => {
        Implementation {
            name: $name,
            checksum: $path,
            collect: $path,
        }
    };
}

/// `RTNL_BENCH_MIN_RUNS`: when set, each function is also timed that many times before
/// criterion runs, and its fastest run is printed per message, with its throughput relative to
/// the first function (the bare walker). The functions take turns, one run each, so that all of
/// them see the same machine: on a machine shared with other work the minimum is far steadier
/// than criterion's mean, which other processes inflate, and the turns keep a slow spell from
/// landing on one function only.
fn min_runs() -> Option<u32> {
    std::env::var("RTNL_BENCH_MIN_RUNS").ok()?.parse().ok()
}

/// One timed run of `f` over `data`, in ns per pass, after an untimed one (so that what the
/// function before it did to the caches does not count); short fixtures are run 200 times per
/// timing so the clock's granularity does not count.
fn timed_pass(data: &[u8], messages: usize, f: fn(&[u8], &mut Checksum)) -> f64 {
    let repeat = if messages < 100 { 200 } else { 1 };
    let mut warm = Checksum::default();
    f(black_box(data), &mut warm);
    black_box(warm.0);
    let start = std::time::Instant::now();
    for _ in 0..repeat {
        let mut sum = Checksum::default();
        f(black_box(data), &mut sum);
        black_box(sum.0);
    }
    start.elapsed().as_nanos() as f64 / f64::from(repeat)
}

/// The fastest of `runs` turns of every implementation over `data`, per message.
fn min_per_message(
    data: &[u8],
    messages: usize,
    runs: u32,
    implementations: &[Implementation],
) -> Vec<f64> {
    let mut best = vec![f64::MAX; implementations.len()];
    for _ in 0..runs {
        for (best, implementation) in best.iter_mut().zip(implementations) {
            *best = best.min(timed_pass(data, messages, implementation.checksum));
        }
    }
    best.iter().map(|ns| ns / messages as f64).collect()
}

/// Checks every implementation extracts the same values, prints its allocations per message,
/// then times it; one criterion group per fixture.
fn group(c: &mut Criterion, name: &str, data: &[u8], implementations: &[Implementation]) {
    let mut reference = Collect::default();
    (implementations[0].collect)(data, &mut reference);
    let messages = reference.0.len();
    assert!(messages > 0, "{name}: nothing decoded");
    let mut expected = Checksum::default();
    (implementations[0].checksum)(data, &mut expected);
    for implementation in implementations {
        let mut values = Collect::default();
        (implementation.collect)(data, &mut values);
        assert_eq!(
            values.0, reference.0,
            "{name}: {} disagrees with {}",
            implementation.name, implementations[0].name
        );
        let mut sum = Checksum::default();
        let before = counting::allocations();
        (implementation.checksum)(data, &mut sum);
        let allocations = counting::allocations() - before;
        assert_eq!(
            sum.0, expected.0,
            "{name}: {} checksum",
            implementation.name
        );
        eprintln!(
            "{name}/{}: {:.2} allocations per message ({allocations} for {messages} messages)",
            implementation.name,
            allocations as f64 / messages as f64,
        );
    }
    if let Some(runs) = min_runs() {
        let best = min_per_message(data, messages, runs, implementations);
        for (implementation, ns) in implementations.iter().zip(&best) {
            eprintln!(
                "{name}/{}: min {ns:.1} ns per message over {runs} runs, {:.2}x the {}",
                implementation.name,
                best[0] / ns,
                implementations[0].name,
            );
        }
    }
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Elements(messages as u64));
    for implementation in implementations {
        group.bench_function(implementation.name, |b| {
            b.iter(|| {
                let mut sum = Checksum::default();
                (implementation.checksum)(black_box(data), &mut sum);
                black_box(sum.0)
            });
        });
    }
    group.finish();
}

/// Every implementation of `$family`, in the tables' order: the bare walker, the codec through
/// `decode()`, through `parse` (`typed`) and with `&str` names (`str`, where given),
/// netlink-bindings (where given), netlink-packet-route, and libmnl (where given, and only if
/// it could be opened).
macro_rules! implementations {
    ($family:ident, typed: $typed:ident $(, str: $str:ident)? $(, bindings: $nlb:ident)?
        $(, libmnl: $mnl:ident)?) => {{
        #[allow(unused_mut)]
        let mut all = vec![
            implementation!("bare-walker", bare::$family),
            implementation!("rtnl-codec", codec::$family),
            implementation!("rtnl-codec-typed", codec::$typed),
            $(implementation!("rtnl-codec-str", codec::$str),)?
            $(implementation!("netlink-bindings", $nlb::$family),)?
            implementation!("netlink-packet-route", npr::$family),
        ];
        $(
            if $mnl::available() {
                all.push(implementation!("libmnl", $mnl::$family));
            }
        )?
        all
    }};
}

/// The link dump.
fn links(c: &mut Criterion) {
    let all = implementations!(links, typed: links_typed, str: links_str, bindings: nlb,
        libmnl: libmnl);
    group(c, "decode/links_2001", LINKS_2001, &all);
}

/// The address dump.
fn addresses(c: &mut Criterion) {
    let all = implementations!(addresses, typed: addresses_typed, str: addresses_str,
        bindings: nlb, libmnl: libmnl);
    group(c, "decode/addrs", ADDRS, &all);
}

/// The route dumps.
fn routes(c: &mut Criterion) {
    let all = implementations!(routes, typed: routes_typed, bindings: nlb, libmnl: libmnl);
    for (name, data) in [("decode/routes4", ROUTES4), ("decode/routes6", ROUTES6)] {
        group(c, name, data, &all);
    }
}

/// The rule dumps: every selector and action.
fn rules(c: &mut Criterion) {
    let all = implementations!(rules, typed: rules_typed);
    for (name, data) in [("decode/rules4", RULES4), ("decode/rules6", RULES6)] {
        group(c, name, data, &all);
    }
}

/// The neighbour dump.
fn neighbours(c: &mut Criterion) {
    let all = implementations!(neighbours, typed: neighbours_typed);
    group(c, "decode/neighs", NEIGHS, &all);
}

criterion_group!(benches, links, addresses, routes, rules, neighbours);
criterion_main!(benches);
