//! Touches every public accessor of every view the codec makes, on any bytes, and checks the
//! contract of `rtnl-codec` while doing so (see the crate docs):
//!
//! - after a view's `parse` succeeds no accessor panics, and a typed accessor agrees with the
//!   raw attribute it reads (`None` only when that attribute is absent, or for strings and
//!   addresses whose bytes cannot be that type);
//! - a view's own attribute run (and every run its `parse` checked: `IFLA_INFO_DATA`, the next
//!   hops of `RTA_MULTIPATH`) yields no error afterwards;
//! - iterators yield `Result` and stop after the first error;
//! - every attribute's payload lies inside its message, where its offset says.
//!
//! Shared by `codec/tests/props.rs`, `codec/tests/regressions.rs` and the fuzz targets, which
//! include it with `#[path]`, so the property tests and the fuzzers check the same things.
#![allow(dead_code, clippy::indexing_slicing, clippy::unwrap_used)]

use std::collections::HashMap;
use std::fmt::Write as _;
use std::hint::black_box;
use std::net::IpAddr;

use rtnl_codec::raw::{LinkStats64, NlMsgHdr};
use rtnl_codec::{
    AddressMessage, Attr, Attrs, BridgeInfo, DoneMessage, ErrorMessage, ExtAck, LinkMessage,
    MacvlanInfo, Message, Messages, NeighbourMessage, NsidMessage, Payload, RouteMessage,
    RuleMessage, VlanInfo, VxlanInfo, fra, ifa, ifla, ifla_br, ifla_info, ifla_macvlan, ifla_vlan,
    ifla_vxlan, nda, netnsa, nlmsg, nlmsgerr_attr, rta, rtm,
};
use zerocopy::IntoBytes;

/// How deep nests are walked; every payload is tried as a nest.
pub const MAX_DEPTH: usize = 8;

/// Walks a whole datagram: every message, every view, every accessor. Returns how many
/// messages were read before the end or the first error.
pub fn exercise_datagram(bytes: &[u8]) -> usize {
    let mut messages = Messages::new(bytes);
    let mut count = 0;
    loop {
        let offset = messages.offset();
        match messages.next() {
            None => break,
            Some(Ok(message)) => {
                // The message is the bytes at `offset`, exactly `nlmsg_len` of them.
                let at = &bytes[offset..];
                assert_eq!(message.bytes().as_ptr(), at.as_ptr());
                assert!(message.bytes().len() <= at.len());
                exercise_message(message);
                count += 1;
            }
            Some(Err(error)) => {
                display(&error);
                assert!(messages.next().is_none(), "Messages goes on after an error");
                assert!(messages.next().is_none());
                break;
            }
        }
    }
    count
}

/// Every header accessor, `decode`, and every view's `parse` (which must agree with `decode`).
pub fn exercise_message(message: Message<'_>) {
    let bytes = message.bytes();
    assert!(bytes.len() >= NlMsgHdr::SIZE);
    assert_eq!(message.header().as_bytes(), &bytes[..NlMsgHdr::SIZE]);
    assert_eq!(message.header().nlmsg_len.get() as usize, bytes.len());
    assert_eq!(message.payload(), &bytes[NlMsgHdr::SIZE..]);
    black_box((message.ty(), message.flags(), message.seq(), message.pid()));
    assert_eq!(Message::parse(bytes), Ok(message));

    let decoded = message.decode();
    match &decoded {
        Ok(payload) => exercise(payload),
        Err(error) => display(error),
    }

    // Each view's own `parse`: the same answer as `decode` for its types, an error for others.
    let link = LinkMessage::parse(message);
    // The cheap first pass never panics, and agrees with the full parse when that succeeds
    // (on the name when there is one `IFLA_IFNAME`: of several, it reads the first, parse the
    // last).
    let peeked = LinkMessage::peek_name(message);
    if let Ok(link) = &link {
        let (header, name) = peeked.expect("peek_name reads what parse reads");
        assert_eq!(header, link.header());
        let names = link
            .attrs()
            .filter(|a| a.as_ref().is_ok_and(|a| a.ty() == ifla::IFNAME));
        if names.count() <= 1 {
            assert_eq!(name, link.name_bytes());
        }
    }
    let address = AddressMessage::parse(message);
    let route = RouteMessage::parse(message);
    let nsid = NsidMessage::parse(message);
    let rule = RuleMessage::parse(message);
    let neighbour = NeighbourMessage::parse(message);
    let error = ErrorMessage::parse(message);
    let done = DoneMessage::parse(message);
    match &decoded {
        Ok(Payload::Link(_)) => assert!(link.is_ok()),
        Ok(Payload::Address(_)) => assert!(address.is_ok()),
        Ok(Payload::Route(_)) => assert!(route.is_ok()),
        Ok(Payload::Nsid(_)) => assert!(nsid.is_ok()),
        Ok(Payload::Rule(_)) => assert!(rule.is_ok()),
        Ok(Payload::Neighbour(_)) => assert!(neighbour.is_ok()),
        Ok(Payload::Error(_)) => assert!(error.is_ok()),
        Ok(Payload::Done(_)) => assert!(done.is_ok()),
        Ok(_) => {}
        Err(e) => {
            let same = [
                link.as_ref().err(),
                address.as_ref().err(),
                route.as_ref().err(),
                nsid.as_ref().err(),
                rule.as_ref().err(),
                neighbour.as_ref().err(),
                error.as_ref().err(),
                done.as_ref().err(),
            ];
            assert!(
                same.contains(&Some(e)),
                "decode's error is no view's: {e:?}"
            );
        }
    }
    for result in [
        link.map(drop),
        address.map(drop),
        route.map(drop),
        nsid.map(drop),
        rule.map(drop),
        neighbour.map(drop),
        error.map(drop),
        done.map(drop),
    ] {
        if let Err(error) = result {
            display(&error);
        }
    }

    // The payload as attributes after every plausible family header size: nests and all after
    // the size this type has, two levels after the others.
    let natural = match message.ty() {
        nlmsg::ERROR => 20,
        rtm::NEWLINK | rtm::DELLINK | rtm::GETLINK | rtm::SETLINK => 16,
        rtm::NEWADDR | rtm::DELADDR | rtm::GETADDR => 8,
        rtm::NEWROUTE | rtm::DELROUTE | rtm::GETROUTE => 12,
        rtm::NEWNEIGH | rtm::DELNEIGH | rtm::GETNEIGH => 12,
        rtm::NEWNSID | rtm::DELNSID | rtm::GETNSID => 4,
        rtm::NEWRULE | rtm::DELRULE | rtm::GETRULE => 12,
        _ => 0,
    };
    let payload = message.payload();
    for header in [0usize, 4, 8, 12, 16, 20] {
        if let Some(run) = payload.get(header..) {
            let depth = if header == natural { MAX_DEPTH } else { 2 };
            walk_to(
                Attrs::with_offset(run, NlMsgHdr::SIZE + header),
                bytes,
                0,
                depth,
                false,
            );
        }
    }
}

/// Every accessor of a decoded message.
pub fn exercise(payload: &Payload<'_>) {
    match payload {
        Payload::Noop | Payload::Overrun => {}
        Payload::Error(error) => exercise_error(error),
        Payload::Done(done) => exercise_done(done),
        Payload::Link(link) => exercise_link(link),
        Payload::Address(address) => exercise_address(address),
        Payload::Route(route) => exercise_route(route),
        Payload::Nsid(nsid) => exercise_nsid(nsid),
        Payload::Rule(rule) => exercise_rule(rule),
        Payload::Neighbour(neighbour) => exercise_neighbour(neighbour),
        Payload::Other(message) => {
            black_box((message.ty(), message.payload()));
        }
        _ => {}
    }
}

/// Walks a run of attributes, trying every payload as a nest down to [`MAX_DEPTH`]. With
/// `valid`, the run was checked by a view's `parse` and must yield no error.
pub fn walk(attrs: Attrs<'_>, message: &[u8], depth: usize, valid: bool) {
    walk_to(attrs, message, depth, MAX_DEPTH, valid);
}

/// [`walk`], down to `max_depth` only.
pub fn walk_to(attrs: Attrs<'_>, message: &[u8], depth: usize, max_depth: usize, valid: bool) {
    let all = attrs.clone();
    let mut attrs = attrs;
    let mut first_type = None;
    let mut failed = false;
    while let Some(item) = attrs.next() {
        match item {
            Ok(attr) => {
                first_type.get_or_insert(attr.ty());
                exercise_attr(attr, message);
                if depth < max_depth {
                    walk_to(attr.nested(), message, depth + 1, max_depth, false);
                }
            }
            Err(error) => {
                assert!(!valid, "a run checked by parse yields {error:?}");
                display(&error);
                assert!(attrs.next().is_none(), "Attrs goes on after an error");
                assert!(attrs.remaining().is_empty());
                failed = true;
            }
        }
    }
    assert_eq!(all.clone().validate().is_err(), failed);
    if let Some(ty) = first_type {
        let found = all.find(ty).unwrap().unwrap();
        assert_eq!(found.ty(), ty);
    }
}

/// Every reader of one attribute, and where its payload is.
pub fn exercise_attr(attr: Attr<'_>, message: &[u8]) {
    let payload = attr.payload();
    let start = attr.offset() + 4;
    let inside = message
        .get(start..start + payload.len())
        .expect("payload outside its message");
    assert_eq!(
        inside.as_ptr(),
        payload.as_ptr(),
        "offset does not locate the payload"
    );
    assert_eq!(
        u16::from_ne_bytes([message[attr.offset() + 2], message[attr.offset() + 3]]),
        attr.raw_type()
    );
    assert_eq!(attr.ty(), attr.raw_type() & 0x3fff);
    assert_eq!(attr.is_nested(), attr.raw_type() & 0x8000 != 0);
    let len = payload.len();
    assert_eq!(attr.as_u8().is_ok(), len == 1);
    assert_eq!(attr.as_u16().is_ok(), len == 2);
    assert_eq!(attr.as_be16().is_ok(), len == 2);
    assert_eq!(attr.as_u32().is_ok(), len == 4);
    assert_eq!(attr.as_i32().is_ok(), len == 4);
    assert_eq!(attr.as_u64().is_ok(), len == 8);
    assert_eq!(attr.as_ipv4().is_ok(), len == 4);
    assert_eq!(attr.as_ipv6().is_ok(), len == 16);
    assert_eq!(attr.as_ip().is_ok(), len == 4 || len == 16);
    assert_eq!(attr.as_mac().is_ok(), len == 6);
    if len != 4 {
        let error = rtnl_codec::Error::AttrPayload {
            attr: attr.ty(),
            needed: 4,
            len,
            offset: attr.offset(),
        };
        assert_eq!(attr.as_u32(), Err(error));
        // One error of each kind is formatted; formatting all of them costs the fuzzers' speed.
        display(&error);
    }
    if let Err(error) = attr.as_ip() {
        display(&error);
    }
    match attr.as_str() {
        Ok(s) => assert!(payload.starts_with(s.as_bytes())),
        Err(error) => display(&error),
    }
}

/// Checks a view's run: no error, each type's lookup is the last of that type, every attribute
/// walked.
fn check_view_attrs<'a>(
    attrs: Attrs<'a>,
    lookup: impl Fn(u16) -> Option<Attr<'a>>,
    message: &[u8],
) {
    let mut last: HashMap<u16, Attr<'a>> = HashMap::new();
    for attr in attrs.clone() {
        let attr = attr.expect("a view's attributes were checked by parse");
        last.insert(attr.ty(), attr);
    }
    for (ty, attr) in &last {
        assert_eq!(
            lookup(*ty),
            Some(*attr),
            "lookup of type {ty} is not its last"
        );
    }
    // A type that is not there is not found (one below, one above the usual tables).
    for ty in [0u16, 150, 0x3fff] {
        if !last.contains_key(&ty) {
            assert_eq!(lookup(ty), None);
        }
    }
    walk(attrs, message, 0, true);
}

fn first<const N: usize>(attr: Option<Attr<'_>>) -> Option<[u8; N]> {
    attr.map(|attr| {
        *attr
            .payload()
            .first_chunk::<N>()
            .expect("parse let through a payload shorter than its accessor reads")
    })
}

fn same_u8(value: Option<u8>, attr: Option<Attr<'_>>) {
    assert_eq!(value, first::<1>(attr).map(u8::from_ne_bytes));
}

fn same_bool(value: Option<bool>, attr: Option<Attr<'_>>) {
    assert_eq!(value, first::<1>(attr).map(|b| b[0] != 0));
}

fn same_u16(value: Option<u16>, attr: Option<Attr<'_>>) {
    assert_eq!(value, first::<2>(attr).map(u16::from_ne_bytes));
}

fn same_be16(value: Option<u16>, attr: Option<Attr<'_>>) {
    assert_eq!(value, first::<2>(attr).map(u16::from_be_bytes));
}

fn same_u32(value: Option<u32>, attr: Option<Attr<'_>>) {
    assert_eq!(value, first::<4>(attr).map(u32::from_ne_bytes));
}

fn same_i32(value: Option<i32>, attr: Option<Attr<'_>>) {
    assert_eq!(value, first::<4>(attr).map(i32::from_ne_bytes));
}

fn same_u64(value: Option<u64>, attr: Option<Attr<'_>>) {
    assert_eq!(value, first::<8>(attr).map(u64::from_ne_bytes));
}

fn same_bytes(value: Option<&[u8]>, attr: Option<Attr<'_>>) {
    assert_eq!(value, attr.map(|attr| attr.payload()));
}

fn same_str(value: Option<&str>, bytes: Option<&[u8]>, attr: Option<Attr<'_>>) {
    let raw = attr.map(|attr| {
        let payload = attr.payload();
        let end = payload
            .iter()
            .position(|&b| b == 0)
            .unwrap_or(payload.len());
        &payload[..end]
    });
    if bytes.is_some() || raw.is_none() {
        assert_eq!(bytes, raw);
    }
    assert_eq!(value, raw.and_then(|raw| std::str::from_utf8(raw).ok()));
}

fn ip_of(payload: &[u8]) -> Option<IpAddr> {
    match payload.len() {
        4 => Some(IpAddr::from(<[u8; 4]>::try_from(payload).unwrap())),
        16 => Some(IpAddr::from(<[u8; 16]>::try_from(payload).unwrap())),
        _ => None,
    }
}

/// An address attribute (`Len::Addr`): at least 4 bytes once parse has passed, read as the
/// kernel reads it: the first 16 bytes from 16 up, else the first 4.
fn same_addr(value: Option<IpAddr>, attr: Option<Attr<'_>>) {
    if let Some(attr) = attr {
        let len = attr.payload().len();
        assert!(len >= 4, "parse let through a {len}-byte address");
    }
    let expected = attr.and_then(|attr| {
        let payload = attr.payload();
        match payload.first_chunk::<16>() {
            Some(&v6) => Some(IpAddr::from(v6)),
            None => payload.first_chunk::<4>().map(|&v4| IpAddr::from(v4)),
        }
    });
    assert_eq!(value, expected);
}

pub fn exercise_link(link: &LinkMessage<'_>) {
    let message = link.message();
    let bytes = message.bytes();
    assert_eq!(link.header().as_bytes(), &bytes[16..32]);
    let h = link.header();
    assert_eq!(link.index(), h.ifi_index.get() as u32);
    assert_eq!(link.family(), h.ifi_family);
    assert_eq!(link.link_type(), h.ifi_type.get());
    assert_eq!(link.flags(), h.ifi_flags.get());
    assert_eq!(link.change(), h.ifi_change.get());
    check_view_attrs(link.attrs(), |ty| link.attr(ty), bytes);

    let a = |ty| link.attr(ty);
    same_str(link.name(), link.name_bytes(), a(ifla::IFNAME));
    same_u32(link.mtu(), a(ifla::MTU));
    same_u32(link.min_mtu(), a(ifla::MIN_MTU));
    same_u32(link.max_mtu(), a(ifla::MAX_MTU));
    same_bytes(link.address(), a(ifla::ADDRESS));
    assert_eq!(
        link.mac(),
        link.address().and_then(|a| <[u8; 6]>::try_from(a).ok())
    );
    same_bytes(link.broadcast(), a(ifla::BROADCAST));
    same_bytes(link.perm_address(), a(ifla::PERM_ADDRESS));
    same_u8(link.operstate(), a(ifla::OPERSTATE));
    same_u8(link.linkmode(), a(ifla::LINKMODE));
    same_u32(link.txqlen(), a(ifla::TXQLEN));
    same_u32(link.group(), a(ifla::GROUP));
    same_u32(link.master(), a(ifla::MASTER));
    same_u32(link.link(), a(ifla::LINK));
    same_i32(link.link_netnsid(), a(ifla::LINK_NETNSID));
    same_str(link.alias(), None, a(ifla::IFALIAS));
    same_str(link.qdisc(), None, a(ifla::QDISC));
    same_bool(link.carrier(), a(ifla::CARRIER));
    same_u32(link.carrier_changes(), a(ifla::CARRIER_CHANGES));
    same_u32(link.promiscuity(), a(ifla::PROMISCUITY));
    same_u32(link.allmulti(), a(ifla::ALLMULTI));
    same_u32(link.num_tx_queues(), a(ifla::NUM_TX_QUEUES));
    same_u32(link.num_rx_queues(), a(ifla::NUM_RX_QUEUES));
    same_u32(link.gso_max_size(), a(ifla::GSO_MAX_SIZE));
    same_u32(link.gso_max_segs(), a(ifla::GSO_MAX_SEGS));
    same_bool(link.proto_down(), a(ifla::PROTO_DOWN));
    same_i32(link.new_netnsid(), a(ifla::NEW_NETNSID));
    same_i32(link.new_ifindex(), a(ifla::NEW_IFINDEX));
    let stats = link.stats64();
    assert_eq!(
        stats.map(|s| s.as_bytes().to_vec()),
        a(ifla::STATS64).map(|attr| attr.payload()[..LinkStats64::SIZE].to_vec())
    );
    // The borrowed view reads the same counters, and the newer ones after them (0 when absent).
    let view = link.link_stats();
    assert_eq!(
        view.map(|s| s.counters().as_bytes().to_vec()),
        stats.map(|s| s.as_bytes().to_vec())
    );
    let newer = |n: usize| {
        a(ifla::STATS64).map(|attr| {
            let at = LinkStats64::SIZE + 8 * n;
            attr.payload()
                .get(at..at + 8)
                .map_or(0, |b| u64::from_ne_bytes(b.try_into().unwrap()))
        })
    };
    assert_eq!(view.map(|s| s.rx_nohandler()), newer(0));
    assert_eq!(view.map(|s| s.rx_otherhost_dropped()), newer(1));
    // The IPv6 counters of IFLA_AF_SPEC: any index reads, none panics.
    if let Some(ipv6) = link.inet6_stats() {
        assert_eq!(ipv6.get(ipv6.len()), 0);
        assert_eq!(ipv6.get(usize::MAX), 0);
        if ipv6.is_empty() {
            assert_eq!(ipv6.get(0), 0);
        }
    }

    // IFLA_PROP_LIST is not checked by parse: its walk may end in an error, which ends the names.
    // Names are bytes up to their NUL (they need not be UTF-8).
    let expected_names: Vec<&[u8]> = a(ifla::PROP_LIST)
        .map(|list| {
            list.nested()
                .map_while(Result::ok)
                .filter(|attr| attr.ty() == ifla::ALT_IFNAME)
                .map(|attr| attr.payload().split(|&b| b == 0).next().unwrap_or_default())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(link.alt_names().collect::<Vec<_>>(), expected_names);

    // IFLA_LINKINFO: checked by parse, nest and kind data included.
    let info = a(ifla::LINKINFO);
    let info_attr = |ty: u16| {
        info.and_then(|info| {
            info.nested()
                .map(|attr| attr.expect("IFLA_LINKINFO was checked by parse"))
                .filter(|attr| attr.ty() == ty)
                .last()
        })
    };
    if let Some(info) = info {
        walk(info.nested(), bytes, 0, true);
    }
    same_str(link.kind(), None, info_attr(ifla_info::KIND));
    same_str(link.slave_kind(), None, info_attr(ifla_info::SLAVE_KIND));
    let data = info_attr(ifla_info::DATA);
    assert_eq!(
        link.info_data().map(|d| d.remaining()),
        data.map(|d| d.payload())
    );
    if let Some(data) = link.info_data() {
        walk(data, bytes, 0, true);
    }
    let slave_data = info_attr(ifla_info::SLAVE_DATA);
    assert_eq!(
        link.info_slave_data().map(|d| d.remaining()),
        slave_data.map(|d| d.payload())
    );
    if let Some(slave_data) = link.info_slave_data() {
        walk(slave_data, bytes, 0, false);
    }

    let kind = link.kind();
    let has_data = data.is_some();
    let vxlan = link.vxlan();
    assert_eq!(vxlan.is_some(), has_data && kind == Some("vxlan"));
    if let Some(vxlan) = vxlan {
        exercise_vxlan(&vxlan, bytes);
    }
    let bridge = link.bridge();
    assert_eq!(bridge.is_some(), has_data && kind == Some("bridge"));
    if let Some(bridge) = bridge {
        exercise_bridge(&bridge, bytes);
    }
    let vlan = link.vlan();
    assert_eq!(vlan.is_some(), has_data && kind == Some("vlan"));
    if let Some(vlan) = vlan {
        exercise_vlan(&vlan, bytes);
    }
    let macvlan = link.macvlan();
    assert_eq!(
        macvlan.is_some(),
        has_data && matches!(kind, Some("macvlan" | "macvtap"))
    );
    if let Some(macvlan) = macvlan {
        exercise_macvlan(&macvlan, bytes);
    }
    let tun = link.tun();
    assert_eq!(tun.is_some(), has_data && kind == Some("tun"));
    if let Some(tun) = tun {
        exercise_tun(&tun, bytes);
    }
    let port = link.bridge_port();
    assert_eq!(
        port.is_some(),
        slave_data.is_some() && link.slave_kind() == Some("bridge")
    );
    if let Some(port) = port {
        exercise_bridge_port(&port, bytes);
    }
    black_box(link.addr_gen_mode());
}

fn same_bridge_id(value: Option<rtnl_codec::BridgeId>, attr: Option<Attr<'_>>) {
    let expected = first::<8>(attr).map(|b| rtnl_codec::BridgeId {
        priority: [b[0], b[1]],
        address: [b[2], b[3], b[4], b[5], b[6], b[7]],
    });
    assert_eq!(value, expected);
}

pub fn exercise_bridge_port(port: &rtnl_codec::BridgePortInfo<'_>, message: &[u8]) {
    check_view_attrs(port.attrs(), |ty| port.attr(ty), message);
    let a = |ty| port.attr(ty);
    use rtnl_codec::ifla_brport as p;
    same_u8(port.state(), a(p::STATE));
    same_u16(port.priority(), a(p::PRIORITY));
    same_u32(port.cost(), a(p::COST));
    for (value, ty) in [
        (port.mode(), p::MODE),
        (port.guard(), p::GUARD),
        (port.protect(), p::PROTECT),
        (port.fast_leave(), p::FAST_LEAVE),
        (port.learning(), p::LEARNING),
        (port.unicast_flood(), p::UNICAST_FLOOD),
        (port.proxyarp(), p::PROXYARP),
        (port.learning_sync(), p::LEARNING_SYNC),
        (port.proxyarp_wifi(), p::PROXYARP_WIFI),
        (port.mcast_flood(), p::MCAST_FLOOD),
        (port.mcast_to_ucast(), p::MCAST_TO_UCAST),
        (port.vlan_tunnel(), p::VLAN_TUNNEL),
        (port.bcast_flood(), p::BCAST_FLOOD),
        (port.neigh_suppress(), p::NEIGH_SUPPRESS),
        (port.isolated(), p::ISOLATED),
        (port.mrp_ring_open(), p::MRP_RING_OPEN),
        (port.mrp_in_open(), p::MRP_IN_OPEN),
        (port.locked(), p::LOCKED),
    ] {
        same_bool(value, a(ty));
    }
    same_bridge_id(port.root_id(), a(p::ROOT_ID));
    same_bridge_id(port.bridge_id(), a(p::BRIDGE_ID));
    same_u16(port.designated_port(), a(p::DESIGNATED_PORT));
    same_u16(port.designated_cost(), a(p::DESIGNATED_COST));
    same_u16(port.id(), a(p::ID));
    same_u16(port.no(), a(p::NO));
    same_u8(port.topology_change_ack(), a(p::TOPOLOGY_CHANGE_ACK));
    same_u8(port.config_pending(), a(p::CONFIG_PENDING));
    same_u64(port.message_age_timer(), a(p::MESSAGE_AGE_TIMER));
    same_u64(port.forward_delay_timer(), a(p::FORWARD_DELAY_TIMER));
    same_u64(port.hold_timer(), a(p::HOLD_TIMER));
    same_u8(port.multicast_router(), a(p::MULTICAST_ROUTER));
    same_u16(port.group_fwd_mask(), a(p::GROUP_FWD_MASK));
    same_u32(port.backup_port(), a(p::BACKUP_PORT));
    same_u32(port.mcast_eht_hosts_limit(), a(p::MCAST_EHT_HOSTS_LIMIT));
    same_u32(port.mcast_eht_hosts_cnt(), a(p::MCAST_EHT_HOSTS_CNT));
}

pub fn exercise_tun(tun: &rtnl_codec::TunInfo<'_>, message: &[u8]) {
    use rtnl_codec::ifla_tun;
    check_view_attrs(tun.attrs(), |ty| tun.attr(ty), message);
    let a = |ty| tun.attr(ty);
    same_u32(tun.owner(), a(ifla_tun::OWNER));
    same_u32(tun.group(), a(ifla_tun::GROUP));
    same_u8(tun.tun_type(), a(ifla_tun::TYPE));
    same_bool(tun.pi(), a(ifla_tun::PI));
    same_bool(tun.vnet_hdr(), a(ifla_tun::VNET_HDR));
    same_bool(tun.persist(), a(ifla_tun::PERSIST));
    same_bool(tun.multi_queue(), a(ifla_tun::MULTI_QUEUE));
    same_u32(tun.num_queues(), a(ifla_tun::NUM_QUEUES));
    same_u32(tun.num_disabled_queues(), a(ifla_tun::NUM_DISABLED_QUEUES));
}

pub fn exercise_vxlan(vxlan: &VxlanInfo<'_>, message: &[u8]) {
    check_view_attrs(vxlan.attrs(), |ty| vxlan.attr(ty), message);
    let a = |ty| vxlan.attr(ty);
    same_u32(vxlan.id(), a(ifla_vxlan::ID));
    same_be16(vxlan.port(), a(ifla_vxlan::PORT));
    assert_eq!(
        vxlan.port_range(),
        first::<4>(a(ifla_vxlan::PORT_RANGE)).map(|r| (
            u16::from_be_bytes([r[0], r[1]]),
            u16::from_be_bytes([r[2], r[3]])
        ))
    );
    // The kernel reads the first 4 (16) bytes of these; the policy only sets a minimum.
    let v4 = |ty| first::<4>(a(ty)).map(IpAddr::from);
    let v6 = |ty| first::<16>(a(ty)).map(IpAddr::from);
    assert_eq!(
        vxlan.remote(),
        v4(ifla_vxlan::GROUP).or_else(|| v6(ifla_vxlan::GROUP6))
    );
    assert_eq!(
        vxlan.local(),
        v4(ifla_vxlan::LOCAL).or_else(|| v6(ifla_vxlan::LOCAL6))
    );
    same_u32(vxlan.link(), a(ifla_vxlan::LINK));
    same_u8(vxlan.ttl(), a(ifla_vxlan::TTL));
    same_u8(vxlan.tos(), a(ifla_vxlan::TOS));
    same_bool(vxlan.learning(), a(ifla_vxlan::LEARNING));
    same_u32(vxlan.ageing(), a(ifla_vxlan::AGEING));
    use ifla_vxlan as x;
    same_u32(vxlan.limit(), a(x::LIMIT));
    same_u8(vxlan.df(), a(x::DF));
    assert_eq!(
        vxlan.label(),
        first::<4>(a(x::LABEL)).map(u32::from_be_bytes)
    );
    for (value, ty) in [
        (vxlan.proxy(), x::PROXY),
        (vxlan.rsc(), x::RSC),
        (vxlan.l2miss(), x::L2MISS),
        (vxlan.l3miss(), x::L3MISS),
        (vxlan.udp_csum(), x::UDP_CSUM),
        (vxlan.udp_zero_csum6_tx(), x::UDP_ZERO_CSUM6_TX),
        (vxlan.udp_zero_csum6_rx(), x::UDP_ZERO_CSUM6_RX),
        (vxlan.remcsum_tx(), x::REMCSUM_TX),
        (vxlan.remcsum_rx(), x::REMCSUM_RX),
        (vxlan.collect_metadata(), x::COLLECT_METADATA),
        (vxlan.ttl_inherit(), x::TTL_INHERIT),
        (vxlan.vnifilter(), x::VNIFILTER),
    ] {
        same_bool(value, a(ty));
    }
    assert_eq!(vxlan.gbp(), a(x::GBP).is_some());
    assert_eq!(vxlan.gpe(), a(x::GPE).is_some());
    assert_eq!(vxlan.remcsum_nopartial(), a(x::REMCSUM_NOPARTIAL).is_some());
}

pub fn exercise_bridge(bridge: &BridgeInfo<'_>, message: &[u8]) {
    check_view_attrs(bridge.attrs(), |ty| bridge.attr(ty), message);
    let a = |ty| bridge.attr(ty);
    same_u32(bridge.forward_delay(), a(ifla_br::FORWARD_DELAY));
    same_u32(bridge.hello_time(), a(ifla_br::HELLO_TIME));
    same_u32(bridge.max_age(), a(ifla_br::MAX_AGE));
    same_u32(bridge.ageing_time(), a(ifla_br::AGEING_TIME));
    same_u32(bridge.stp_state(), a(ifla_br::STP_STATE));
    same_u16(bridge.priority(), a(ifla_br::PRIORITY));
    same_bool(bridge.vlan_filtering(), a(ifla_br::VLAN_FILTERING));
    same_be16(bridge.vlan_protocol(), a(ifla_br::VLAN_PROTOCOL));
    same_u16(bridge.vlan_default_pvid(), a(ifla_br::VLAN_DEFAULT_PVID));
    same_bool(bridge.mcast_snooping(), a(ifla_br::MCAST_SNOOPING));
    use ifla_br as b;
    same_u16(bridge.group_fwd_mask(), a(b::GROUP_FWD_MASK));
    same_bridge_id(bridge.root_id(), a(b::ROOT_ID));
    same_bridge_id(bridge.bridge_id(), a(b::BRIDGE_ID));
    same_u16(bridge.root_port(), a(b::ROOT_PORT));
    same_u32(bridge.root_path_cost(), a(b::ROOT_PATH_COST));
    same_bytes(bridge.group_addr(), a(b::GROUP_ADDR));
    for (value, ty) in [
        (bridge.topology_change(), b::TOPOLOGY_CHANGE),
        (
            bridge.topology_change_detected(),
            b::TOPOLOGY_CHANGE_DETECTED,
        ),
        (bridge.mcast_router(), b::MCAST_ROUTER),
        (bridge.mcast_query_use_ifaddr(), b::MCAST_QUERY_USE_IFADDR),
        (bridge.mcast_querier(), b::MCAST_QUERIER),
        (bridge.nf_call_iptables(), b::NF_CALL_IPTABLES),
        (bridge.nf_call_ip6tables(), b::NF_CALL_IP6TABLES),
        (bridge.nf_call_arptables(), b::NF_CALL_ARPTABLES),
        (bridge.vlan_stats_enabled(), b::VLAN_STATS_ENABLED),
        (bridge.mcast_stats_enabled(), b::MCAST_STATS_ENABLED),
        (bridge.mcast_igmp_version(), b::MCAST_IGMP_VERSION),
        (bridge.mcast_mld_version(), b::MCAST_MLD_VERSION),
        (bridge.vlan_stats_per_port(), b::VLAN_STATS_PER_PORT),
    ] {
        same_u8(value, a(ty));
    }
    for (value, ty) in [
        (bridge.mcast_hash_elasticity(), b::MCAST_HASH_ELASTICITY),
        (bridge.mcast_hash_max(), b::MCAST_HASH_MAX),
        (bridge.mcast_last_member_cnt(), b::MCAST_LAST_MEMBER_CNT),
        (bridge.mcast_startup_query_cnt(), b::MCAST_STARTUP_QUERY_CNT),
    ] {
        same_u32(value, a(ty));
    }
    for (value, ty) in [
        (bridge.hello_timer(), b::HELLO_TIMER),
        (bridge.tcn_timer(), b::TCN_TIMER),
        (bridge.topology_change_timer(), b::TOPOLOGY_CHANGE_TIMER),
        (bridge.gc_timer(), b::GC_TIMER),
        (bridge.mcast_last_member_intvl(), b::MCAST_LAST_MEMBER_INTVL),
        (bridge.mcast_membership_intvl(), b::MCAST_MEMBERSHIP_INTVL),
        (bridge.mcast_querier_intvl(), b::MCAST_QUERIER_INTVL),
        (bridge.mcast_query_intvl(), b::MCAST_QUERY_INTVL),
        (
            bridge.mcast_query_response_intvl(),
            b::MCAST_QUERY_RESPONSE_INTVL,
        ),
        (
            bridge.mcast_startup_query_intvl(),
            b::MCAST_STARTUP_QUERY_INTVL,
        ),
    ] {
        same_u64(value, a(ty));
    }
    let multi = first::<8>(a(b::MULTI_BOOLOPT));
    assert_eq!(
        bridge.multi_boolopt().map(|o| (o.value, o.mask)),
        multi.map(|m| (
            u32::from_ne_bytes([m[0], m[1], m[2], m[3]]),
            u32::from_ne_bytes([m[4], m[5], m[6], m[7]])
        ))
    );
}

pub fn exercise_vlan(vlan: &VlanInfo<'_>, message: &[u8]) {
    check_view_attrs(vlan.attrs(), |ty| vlan.attr(ty), message);
    same_u16(vlan.id(), vlan.attr(ifla_vlan::ID));
    same_be16(vlan.protocol(), vlan.attr(ifla_vlan::PROTOCOL));
    same_u32(vlan.flags(), vlan.attr(ifla_vlan::FLAGS));
}

pub fn exercise_macvlan(macvlan: &MacvlanInfo<'_>, message: &[u8]) {
    check_view_attrs(macvlan.attrs(), |ty| macvlan.attr(ty), message);
    same_u32(macvlan.mode(), macvlan.attr(ifla_macvlan::MODE));
    same_u16(macvlan.flags(), macvlan.attr(ifla_macvlan::FLAGS));
    same_u32(
        macvlan.macaddr_count(),
        macvlan.attr(ifla_macvlan::MACADDR_COUNT),
    );
    same_u32(
        macvlan.bc_queue_len(),
        macvlan.attr(ifla_macvlan::BC_QUEUE_LEN),
    );
    same_u32(
        macvlan.bc_queue_len_used(),
        macvlan.attr(ifla_macvlan::BC_QUEUE_LEN_USED),
    );
    black_box(macvlan.macaddrs().count());
}

pub fn exercise_address(address: &AddressMessage<'_>) {
    let message = address.message();
    let bytes = message.bytes();
    let h = address.header();
    assert_eq!(h.as_bytes(), &bytes[16..24]);
    assert_eq!(address.family(), h.ifa_family);
    assert_eq!(address.prefix_len(), h.ifa_prefixlen);
    assert_eq!(address.scope(), h.ifa_scope);
    assert_eq!(address.index(), h.ifa_index.get());
    check_view_attrs(address.attrs(), |ty| address.attr(ty), bytes);

    let a = |ty| address.attr(ty);
    assert_eq!(
        address.flags(),
        first::<4>(a(ifa::FLAGS)).map_or(u32::from(h.ifa_flags), u32::from_ne_bytes)
    );
    same_addr(address.address(), a(ifa::ADDRESS));
    same_addr(address.local(), a(ifa::LOCAL));
    assert_eq!(address.own_address(), address.local().or(address.address()));
    let peer = address.peer();
    if let Some(peer) = peer {
        assert_eq!(Some(peer), address.address());
        assert_ne!(Some(peer), address.local());
    } else {
        assert!(
            address.local().is_none()
                || address.address() == address.local()
                || address.address().is_none()
        );
    }
    same_addr(address.broadcast(), a(ifa::BROADCAST));
    same_addr(address.anycast(), a(ifa::ANYCAST));
    same_addr(address.multicast(), a(ifa::MULTICAST));
    same_str(address.label(), None, a(ifa::LABEL));
    let cacheinfo = address.cacheinfo();
    assert_eq!(
        cacheinfo.map(|c| c.as_bytes().to_vec()),
        a(ifa::CACHEINFO).map(|attr| attr.payload()[..16].to_vec())
    );
    assert_eq!(
        address.valid_lifetime(),
        cacheinfo.map(|c| c.ifa_valid.get())
    );
    assert_eq!(
        address.preferred_lifetime(),
        cacheinfo.map(|c| c.ifa_prefered.get())
    );
    same_u32(address.priority(), a(ifa::RT_PRIORITY));
    same_u8(address.proto(), a(ifa::PROTO));
}

pub fn exercise_route(route: &RouteMessage<'_>) {
    let message = route.message();
    let bytes = message.bytes();
    let h = route.header();
    assert_eq!(h.as_bytes(), &bytes[16..28]);
    assert_eq!(route.family(), h.rtm_family);
    assert_eq!(route.dst_len(), h.rtm_dst_len);
    assert_eq!(route.src_len(), h.rtm_src_len);
    assert_eq!(route.tos(), h.rtm_tos);
    assert_eq!(route.protocol(), h.rtm_protocol);
    assert_eq!(route.scope(), h.rtm_scope);
    assert_eq!(route.route_type(), h.rtm_type);
    assert_eq!(route.flags(), h.rtm_flags.get());
    check_view_attrs(route.attrs(), |ty| route.attr(ty), bytes);

    let a = |ty| route.attr(ty);
    assert_eq!(
        route.table(),
        first::<4>(a(rta::TABLE)).map_or(u32::from(h.rtm_table), u32::from_ne_bytes)
    );
    same_addr(route.dst(), a(rta::DST));
    same_addr(route.src(), a(rta::SRC));
    same_addr(route.gateway(), a(rta::GATEWAY));
    same_addr(route.prefsrc(), a(rta::PREFSRC));
    same_u32(route.oif(), a(rta::OIF));
    same_u32(route.iif(), a(rta::IIF));
    same_u32(route.priority(), a(rta::PRIORITY));
    same_u8(route.pref(), a(rta::PREF));
    same_u32(route.mark(), a(rta::MARK));
    same_u64(route.expires(), a(rta::EXPIRES));
    same_u32(route.nh_id(), a(rta::NH_ID));
    let via = a(rta::VIA).and_then(|attr| {
        let payload = attr.payload();
        let family = u16::from_ne_bytes([payload[0], payload[1]]);
        Some((family, ip_of(&payload[2..])?))
    });
    assert_eq!(route.via(), via);
    let cacheinfo = route.cacheinfo();
    assert_eq!(
        cacheinfo.map(|c| c.as_bytes().to_vec()),
        a(rta::CACHEINFO).map(|attr| attr.payload()[..32].to_vec())
    );
    assert_eq!(
        route.metrics().map(|m| m.attrs().remaining()),
        a(rta::METRICS).map(|attr| attr.payload())
    );
    if let Some(metrics) = route.metrics() {
        black_box((metrics.lock(), metrics.congctl()));
        for ty in 0..=rta::MAX {
            black_box((metrics.get(ty), metrics.locked(ty)));
        }
        walk(metrics.attrs(), bytes, 0, false);
    }
    assert_eq!(route.multipath().is_some(), a(rta::MULTIPATH).is_some());
    if let Some(nexthops) = route.multipath() {
        let mut count = 0;
        for nexthop in nexthops {
            let nexthop = nexthop.expect("RTA_MULTIPATH was checked by parse");
            count += 1;
            black_box((nexthop.ifindex(), nexthop.flags()));
            assert!(nexthop.weight() >= 1);
            walk(nexthop.attrs(), bytes, 0, true);
            let gateway = nexthop
                .attrs()
                .map(Result::unwrap)
                .find(|attr| attr.ty() == rta::GATEWAY)
                .and_then(|attr| ip_of(attr.payload()));
            assert_eq!(nexthop.gateway(), gateway);
            assert_eq!(nexthop, nexthop.clone());
        }
        black_box(count);
    }
}

pub fn exercise_nsid(nsid: &NsidMessage<'_>) {
    let message = nsid.message();
    let bytes = message.bytes();
    assert_eq!(nsid.header().as_bytes(), &bytes[16..20]);
    check_view_attrs(nsid.attrs(), |ty| nsid.attr(ty), bytes);
    let a = |ty| nsid.attr(ty);
    same_i32(nsid.nsid(), a(netnsa::NSID));
    same_u32(nsid.pid(), a(netnsa::PID));
    same_u32(nsid.fd(), a(netnsa::FD));
    same_i32(nsid.target_nsid(), a(netnsa::TARGET_NSID));
    same_i32(nsid.current_nsid(), a(netnsa::CURRENT_NSID));
}

/// A C string's bytes: up to the first NUL, or all of them.
fn up_to_nul(payload: &[u8]) -> &[u8] {
    &payload[..payload
        .iter()
        .position(|&b| b == 0)
        .unwrap_or(payload.len())]
}

pub fn exercise_rule(rule: &RuleMessage<'_>) {
    let message = rule.message();
    let bytes = message.bytes();
    assert_eq!(rule.header().as_bytes(), &bytes[16..28]);
    check_view_attrs(rule.attrs(), |ty| rule.attr(ty), bytes);
    let a = |ty| rule.attr(ty);
    assert_eq!(
        (rule.family(), rule.dst_len(), rule.src_len(), rule.tos()),
        (bytes[16], bytes[17], bytes[18], bytes[19])
    );
    assert_eq!(
        (rule.action(), rule.flags()),
        (
            bytes[23],
            u32::from_ne_bytes(bytes[24..28].try_into().unwrap())
        )
    );
    assert_eq!(
        rule.table(),
        first::<4>(a(fra::TABLE)).map_or(u32::from(bytes[20]), u32::from_ne_bytes)
    );
    same_addr(rule.src(), a(fra::SRC));
    same_addr(rule.dst(), a(fra::DST));
    assert_eq!(
        rule.iif_name(),
        a(fra::IIFNAME).map(|attr| up_to_nul(attr.payload()))
    );
    assert_eq!(
        rule.oif_name(),
        a(fra::OIFNAME).map(|attr| up_to_nul(attr.payload()))
    );
    same_u32(rule.priority(), a(fra::PRIORITY));
    same_u32(rule.fwmark(), a(fra::FWMARK));
    same_u32(rule.fwmask(), a(fra::FWMASK));
    same_u32(rule.goto(), a(fra::GOTO));
    same_u32(rule.flow(), a(fra::FLOW));
    same_u64(rule.tun_id().map(u64::from_be), a(fra::TUN_ID));
    same_i32(rule.suppress_prefixlen(), a(fra::SUPPRESS_PREFIXLEN));
    same_i32(rule.suppress_ifgroup(), a(fra::SUPPRESS_IFGROUP));
    same_u8(rule.l3mdev(), a(fra::L3MDEV));
    same_u8(rule.protocol(), a(fra::PROTOCOL));
    same_u8(rule.ip_proto(), a(fra::IP_PROTO));
    let pair32 = |attr: Option<Attr<'_>>| {
        first::<8>(attr).map(|b| {
            (
                u32::from_ne_bytes(b[..4].try_into().unwrap()),
                u32::from_ne_bytes(b[4..].try_into().unwrap()),
            )
        })
    };
    let pair16 = |attr: Option<Attr<'_>>| {
        first::<4>(attr).map(|b| {
            (
                u16::from_ne_bytes(b[..2].try_into().unwrap()),
                u16::from_ne_bytes(b[2..].try_into().unwrap()),
            )
        })
    };
    assert_eq!(rule.uid_range(), pair32(a(fra::UID_RANGE)));
    assert_eq!(rule.sport_range(), pair16(a(fra::SPORT_RANGE)));
    assert_eq!(rule.dport_range(), pair16(a(fra::DPORT_RANGE)));
}

pub fn exercise_neighbour(n: &NeighbourMessage<'_>) {
    let message = n.message();
    let bytes = message.bytes();
    let h = n.header();
    assert_eq!(h.as_bytes(), &bytes[16..28]);
    assert_eq!(n.family(), h.ndm_family);
    assert_eq!(n.index(), h.ndm_ifindex.get().cast_unsigned());
    assert_eq!(
        (n.state(), n.flags(), n.kind()),
        (h.ndm_state.get(), h.ndm_flags, h.ndm_type)
    );
    check_view_attrs(n.attrs(), |ty| n.attr(ty), bytes);
    let a = |ty| n.attr(ty);
    same_addr(n.destination(), a(nda::DST));
    same_bytes(n.lladdr(), a(nda::LLADDR));
    assert_eq!(
        n.cacheinfo().map(|c| c.as_bytes().to_vec()),
        a(nda::CACHEINFO).map(|attr| attr.payload()[..16].to_vec())
    );
    same_u32(n.probes(), a(nda::PROBES));
    same_u16(n.vlan(), a(nda::VLAN));
    same_be16(n.port(), a(nda::PORT));
    same_u32(n.vni(), a(nda::VNI));
    same_u32(n.via_index(), a(nda::IFINDEX));
    same_u32(n.master(), a(nda::MASTER));
    same_i32(n.link_netnsid(), a(nda::LINK_NETNSID));
    same_u32(n.src_vni(), a(nda::SRC_VNI));
    same_u8(n.protocol(), a(nda::PROTOCOL));
    same_u32(n.nexthop_id(), a(nda::NH_ID));
    assert_eq!(
        n.ext_flags(),
        first::<4>(a(nda::FLAGS_EXT)).map_or(0, u32::from_ne_bytes)
    );
}

pub fn exercise_error(error: &ErrorMessage<'_>) {
    let message = error.message();
    let bytes = message.bytes();
    let code = i32::from_ne_bytes(bytes[16..20].try_into().unwrap());
    assert_eq!(error.error(), code);
    assert_eq!(error.errno(), code.saturating_neg());
    assert_eq!(error.is_ack(), code == 0);
    assert_eq!(error.request().as_bytes(), &bytes[20..36]);
    let request = error.request_bytes();
    assert!(request.len() >= NlMsgHdr::SIZE);
    assert_eq!(&request[..NlMsgHdr::SIZE], error.request().as_bytes());
    assert_eq!(request.as_ptr(), bytes[20..].as_ptr());
    exercise_ext_ack(error.ext_ack(), bytes);
}

pub fn exercise_done(done: &DoneMessage<'_>) {
    let message = done.message();
    let bytes = message.bytes();
    let code = bytes
        .get(16..20)
        .map_or(0, |code| i32::from_ne_bytes(code.try_into().unwrap()));
    assert_eq!(done.error(), code);
    assert_eq!(done.errno(), code.saturating_neg());
    exercise_ext_ack(done.ext_ack(), bytes);
}

pub fn exercise_ext_ack(ext_ack: &ExtAck<'_>, message: &[u8]) {
    let attrs = ext_ack.attrs();
    assert_eq!(ext_ack.is_empty(), attrs.clone().next().is_none());
    let mut last: HashMap<u16, Attr<'_>> = HashMap::new();
    for attr in attrs.clone() {
        let attr = attr.expect("the extended ack was checked by parse");
        last.insert(attr.ty(), attr);
    }
    walk(attrs, message, 0, true);
    let a = |ty| last.get(&ty).copied();
    same_str(
        ext_ack.message(),
        ext_ack.message_bytes(),
        a(nlmsgerr_attr::MSG),
    );
    same_u32(ext_ack.offset(), a(nlmsgerr_attr::OFFS));
    same_u32(ext_ack.missing_type(), a(nlmsgerr_attr::MISS_TYPE));
    same_u32(ext_ack.missing_nest(), a(nlmsgerr_attr::MISS_NEST));
    same_bytes(ext_ack.cookie(), a(nlmsgerr_attr::COOKIE));
    assert_eq!(
        ext_ack.policy().map(|p| p.remaining()),
        a(nlmsgerr_attr::POLICY).map(|attr| attr.payload())
    );
    if let Some(policy) = ext_ack.policy() {
        walk(policy, message, 0, false);
    }
}

/// Formats an error without a heap, checking `Display` says something.
pub fn display(error: &rtnl_codec::Error) {
    struct Count(usize);
    impl std::fmt::Write for Count {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0 += s.len();
            Ok(())
        }
    }
    let mut count = Count(0);
    write!(count, "{error}").unwrap();
    assert!(count.0 > 0);
    let _ = black_box(*error);
}
