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
//!
//! Run: `cargo bench --bench decode -- --warm-up-time 1 --measurement-time 3`; with
//! `RTNL_BENCH_MIN_RUNS=2000` in the environment each function's fastest run is printed too,
//! with its throughput relative to the bare walker (the functions take turns; see `min_runs`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, Ordering};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The 2,001-link dump (`lo` and 1,000 veth pairs).
static LINKS_2001: &[u8] = include_bytes!("../tests/fixtures/links_2001.bin");
/// The address dump: IPv4 and IPv6, labels, a peer address.
static ADDRS: &[u8] = include_bytes!("../tests/fixtures/addrs.bin");
/// The IPv4 route dump of all tables, multipath and table 1000 included.
static ROUTES4: &[u8] = include_bytes!("../tests/fixtures/routes4.bin");
/// The IPv6 route dump of all tables.
static ROUTES6: &[u8] = include_bytes!("../tests/fixtures/routes6.bin");

/// Allocations made by this process so far (every `alloc`, `alloc_zeroed` and `realloc`).
static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);

/// The system allocator, counting.
struct Counting;

// SAFETY: every method forwards to `System` with the caller's arguments unchanged, so
// `System`'s guarantees are ours; the counter has no effect on the memory handed out.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded unchanged; the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded unchanged; the caller upholds `alloc_zeroed`'s contract.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded unchanged; the caller upholds `realloc`'s contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged; `ptr` came from `System` through this allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
}

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
    /// See [`Sink::route`].
    Route(
        u32,
        Option<IpAddr>,
        u8,
        Option<IpAddr>,
        Option<u32>,
        Option<u32>,
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
}

/// rtnl-codec, through its public API only.
mod codec {
    use super::Sink;
    use rtnl_codec::{AddressMessage, LinkMessage, Messages, Payload, RouteMessage, nlmsg};

    /// Links: the typed view's accessors, as a caller writes them.
    pub fn links(data: &[u8], sink: &mut impl Sink) {
        for message in Messages::new(data) {
            match message.unwrap().decode().unwrap() {
                Payload::Link(link) => sink.link(
                    link.index(),
                    link.flags(),
                    link.name_bytes(),
                    link.mtu(),
                    link.address(),
                    link.kind_bytes(),
                ),
                Payload::Done(_) => {}
                other => panic!("unexpected {other:?}"),
            }
        }
    }

    /// Addresses.
    pub fn addresses(data: &[u8], sink: &mut impl Sink) {
        for message in Messages::new(data) {
            match message.unwrap().decode().unwrap() {
                Payload::Address(addr) => sink.address(
                    addr.index(),
                    addr.family(),
                    addr.prefix_len(),
                    addr.address(),
                    addr.local(),
                    addr.label_bytes(),
                ),
                Payload::Done(_) => {}
                other => panic!("unexpected {other:?}"),
            }
        }
    }

    /// Routes.
    pub fn routes(data: &[u8], sink: &mut impl Sink) {
        for message in Messages::new(data) {
            match message.unwrap().decode().unwrap() {
                Payload::Route(route) => sink.route(
                    route.table(),
                    route.dst(),
                    route.dst_len(),
                    route.gateway(),
                    route.oif(),
                    route.priority(),
                ),
                Payload::Done(_) => {}
                other => panic!("unexpected {other:?}"),
            }
        }
    }

    /// Links through the typed view alone: a caller that sent `RTM_GETLINK` knows what comes
    /// back and calls `LinkMessage::parse` itself instead of `Message::decode`.
    pub fn links_typed(data: &[u8], sink: &mut impl Sink) {
        for message in Messages::new(data) {
            let message = message.unwrap();
            if message.ty() == nlmsg::DONE {
                continue;
            }
            let link = LinkMessage::parse(message).unwrap();
            sink.link(
                link.index(),
                link.flags(),
                link.name_bytes(),
                link.mtu(),
                link.address(),
                link.kind_bytes(),
            );
        }
    }

    /// Addresses through `AddressMessage::parse`.
    pub fn addresses_typed(data: &[u8], sink: &mut impl Sink) {
        for message in Messages::new(data) {
            let message = message.unwrap();
            if message.ty() == nlmsg::DONE {
                continue;
            }
            let addr = AddressMessage::parse(message).unwrap();
            sink.address(
                addr.index(),
                addr.family(),
                addr.prefix_len(),
                addr.address(),
                addr.local(),
                addr.label_bytes(),
            );
        }
    }

    /// Links through `LinkMessage::parse`, reading the name and kind as `&str`: the typed
    /// path plus UTF-8 validation, which no other implementation here does.
    pub fn links_str(data: &[u8], sink: &mut impl Sink) {
        for message in Messages::new(data) {
            let message = message.unwrap();
            if message.ty() == nlmsg::DONE {
                continue;
            }
            let link = LinkMessage::parse(message).unwrap();
            sink.link(
                link.index(),
                link.flags(),
                link.name().map(str::as_bytes),
                link.mtu(),
                link.address(),
                link.kind().map(str::as_bytes),
            );
        }
    }

    /// Addresses through `AddressMessage::parse`, reading the label as `&str`.
    pub fn addresses_str(data: &[u8], sink: &mut impl Sink) {
        for message in Messages::new(data) {
            let message = message.unwrap();
            if message.ty() == nlmsg::DONE {
                continue;
            }
            let addr = AddressMessage::parse(message).unwrap();
            sink.address(
                addr.index(),
                addr.family(),
                addr.prefix_len(),
                addr.address(),
                addr.local(),
                addr.label().map(str::as_bytes),
            );
        }
    }

    /// Routes through `RouteMessage::parse`.
    pub fn routes_typed(data: &[u8], sink: &mut impl Sink) {
        for message in Messages::new(data) {
            let message = message.unwrap();
            if message.ty() == nlmsg::DONE {
                continue;
            }
            let route = RouteMessage::parse(message).unwrap();
            sink.route(
                route.table(),
                route.dst(),
                route.dst_len(),
                route.gateway(),
                route.oif(),
                route.priority(),
            );
        }
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
}

/// netlink-packet-route: owned messages with a `Vec` of attributes each.
mod npr {
    use super::Sink;
    use netlink_packet_core::{NetlinkMessage, NetlinkPayload};
    use netlink_packet_route::RouteNetlinkMessage;
    use netlink_packet_route::address::AddressAttribute;
    use netlink_packet_route::link::{LinkAttribute, LinkInfo};
    use netlink_packet_route::route::{RouteAddress, RouteAttribute};
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
        let before = ALLOCATIONS.load(Ordering::Relaxed);
        (implementation.checksum)(data, &mut sum);
        let allocations = ALLOCATIONS.load(Ordering::Relaxed) - before;
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

/// The link dump.
fn links(c: &mut Criterion) {
    group(
        c,
        "decode/links_2001",
        LINKS_2001,
        &[
            implementation!("bare-walker", bare::links),
            implementation!("rtnl-codec", codec::links),
            implementation!("rtnl-codec-typed", codec::links_typed),
            implementation!("rtnl-codec-str", codec::links_str),
            implementation!("netlink-bindings", nlb::links),
            implementation!("netlink-packet-route", npr::links),
        ],
    );
}

/// The address dump.
fn addresses(c: &mut Criterion) {
    group(
        c,
        "decode/addrs",
        ADDRS,
        &[
            implementation!("bare-walker", bare::addresses),
            implementation!("rtnl-codec", codec::addresses),
            implementation!("rtnl-codec-typed", codec::addresses_typed),
            implementation!("rtnl-codec-str", codec::addresses_str),
            implementation!("netlink-bindings", nlb::addresses),
            implementation!("netlink-packet-route", npr::addresses),
        ],
    );
}

/// The route dumps.
fn routes(c: &mut Criterion) {
    for (name, data) in [("decode/routes4", ROUTES4), ("decode/routes6", ROUTES6)] {
        group(
            c,
            name,
            data,
            &[
                implementation!("bare-walker", bare::routes),
                implementation!("rtnl-codec", codec::routes),
                implementation!("rtnl-codec-typed", codec::routes_typed),
                implementation!("netlink-bindings", nlb::routes),
                implementation!("netlink-packet-route", npr::routes),
            ],
        );
    }
}

criterion_group!(benches, links, addresses, routes);
criterion_main!(benches);
