//! Property tests of the codec's contract (DESIGN.md, "How it is tested"):
//!
//! - build -> parse -> equal, for arbitrary attribute trees and for every typed message;
//! - arbitrary bytes, and valid messages mutated, never panic, and every view's accessors agree
//!   with the attributes they read (the shared `exercise`);
//! - every strict prefix of a datagram of valid messages ends in exactly the error it should;
//! - the builder never writes out of bounds, and what it built always parses.
#![allow(
    missing_docs,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::cast_possible_truncation,
    clippy::type_complexity
)]

#[path = "common/error_fixtures.rs"]
mod error_fixtures;
#[path = "common/exercise.rs"]
mod exercise;
#[path = "common/tree.rs"]
mod tree;

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::ops::RangeInclusive;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use rtnl_codec::raw::{
    FibRuleHdr, IfAddrMsg, IfInfoMsg, NdMsg, NlMsgErr, NlMsgHdr, RtGenMsg, RtMsg,
};
use rtnl_codec::{
    AddressMessage, Attrs, BridgeInfo, DoneMessage, Error, ErrorMessage, Layer, LinkMessage,
    MAX_NEST_DEPTH, MacvlanInfo, Message, MessageBuilder, Messages, NeighbourMessage, NsidMessage,
    Payload, RouteMessage, RuleMessage, VlanInfo, VxlanInfo, fra, ifa, ifla, ifla_br, ifla_info,
    ifla_macvlan, ifla_vlan, ifla_vxlan, nda, netnsa, nla, nlm_f, nlmsg, nlmsgerr_attr, rta, rtm,
};
use tree::{Body, Node};
use zerocopy::{FromBytes, Immutable, IntoBytes};

// ---------------------------------------------------------------------------------------------
// Values and how they are written

/// How an attribute's payload is typed on the wire.
#[derive(Clone, Copy, Debug)]
enum Shape {
    U8,
    /// A `u8` read as a boolean (any non-zero byte is true).
    Bool,
    U16,
    Be16,
    U32,
    I32,
    U64,
    /// A NUL-terminated string, written with `put_str`.
    Str,
    /// Raw bytes of any length.
    Bytes,
    /// 4 or 16 bytes.
    Ip,
    Ip4,
    Ip6,
    /// Exactly this many bytes (`struct` payloads).
    Fixed(usize),
    /// At least `min` bytes of which the accessor reads the first `keep` (`IFLA_STATS64` from a
    /// newer kernel, `struct ifla_vlan_flags`).
    Prefix {
        min: usize,
        keep: usize,
    },
}

/// A value as written, and as an accessor returns it.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Val {
    U8(u8),
    Bool(bool),
    U16(u16),
    U32(u32),
    I32(i32),
    U64(u64),
    Str(String),
    Bytes(Vec<u8>),
    Ip(IpAddr),
}

impl Shape {
    fn value(self) -> BoxedStrategy<Val> {
        match self {
            Shape::U8 | Shape::Bool => any::<u8>().prop_map(Val::U8).boxed(),
            Shape::U16 | Shape::Be16 => any::<u16>().prop_map(Val::U16).boxed(),
            Shape::U32 => any::<u32>().prop_map(Val::U32).boxed(),
            Shape::I32 => any::<i32>().prop_map(Val::I32).boxed(),
            Shape::U64 => any::<u64>().prop_map(Val::U64).boxed(),
            Shape::Str => string(24).prop_map(Val::Str).boxed(),
            Shape::Bytes => vec(any::<u8>(), 0..40).prop_map(Val::Bytes).boxed(),
            Shape::Ip => ip().prop_map(Val::Ip).boxed(),
            Shape::Ip4 => any::<[u8; 4]>()
                .prop_map(|a| Val::Ip(Ipv4Addr::from(a).into()))
                .boxed(),
            Shape::Ip6 => any::<[u8; 16]>()
                .prop_map(|a| Val::Ip(Ipv6Addr::from(a).into()))
                .boxed(),
            Shape::Fixed(n) => vec(any::<u8>(), n).prop_map(Val::Bytes).boxed(),
            Shape::Prefix { min, .. } => {
                vec(any::<u8>(), min..min + 24).prop_map(Val::Bytes).boxed()
            }
        }
    }

    /// The payload bytes of `val`.
    fn encode(self, val: &Val) -> Vec<u8> {
        match (self, val) {
            (Shape::Be16, Val::U16(v)) => v.to_be_bytes().to_vec(),
            (_, Val::U8(v)) => vec![*v],
            (_, Val::Bool(v)) => vec![u8::from(*v)],
            (_, Val::U16(v)) => v.to_ne_bytes().to_vec(),
            (_, Val::U32(v)) => v.to_ne_bytes().to_vec(),
            (_, Val::I32(v)) => v.to_ne_bytes().to_vec(),
            (_, Val::U64(v)) => v.to_ne_bytes().to_vec(),
            (_, Val::Str(s)) => [s.as_bytes(), &[0]].concat(),
            (_, Val::Bytes(b)) => b.clone(),
            (_, Val::Ip(IpAddr::V4(a))) => a.octets().to_vec(),
            (_, Val::Ip(IpAddr::V6(a))) => a.octets().to_vec(),
        }
    }

    /// What the accessor returns for `val` written with this shape.
    fn expect(self, val: &Val) -> Val {
        match (self, val) {
            (Shape::Bool, Val::U8(v)) => Val::Bool(*v != 0),
            (Shape::Prefix { keep, .. }, Val::Bytes(b)) => Val::Bytes(b[..keep].to_vec()),
            _ => val.clone(),
        }
    }

    /// Writes `val` as attribute `ty` with the builder's typed helper for this shape.
    fn put(self, b: &mut MessageBuilder<'_>, ty: u16, val: &Val) -> Result<(), Error> {
        match (self, val) {
            (Shape::Be16, Val::U16(v)) => b.put_be16(ty, *v),
            (_, Val::U8(v)) => b.put_u8(ty, *v),
            (_, Val::U16(v)) => b.put_u16(ty, *v),
            (_, Val::U32(v)) => b.put_u32(ty, *v),
            (_, Val::I32(v)) => b.put_i32(ty, *v),
            (_, Val::U64(v)) => b.put_u64(ty, *v),
            (_, Val::Str(s)) => b.put_str(ty, s),
            (_, Val::Ip(a)) => b.put_ip(ty, *a),
            (_, Val::Bytes(m)) if m.len() == 6 => b.put_mac(ty, m.clone().try_into().unwrap()),
            (_, Val::Bytes(m)) if m.is_empty() => b.put_flag(ty),
            (_, other) => b.put(ty, &self.encode(other)),
        }
        .map(drop)
    }
}

/// A string without NUL, `0..=max` characters of any kind.
fn string(max: usize) -> impl Strategy<Value = String> {
    vec(any::<char>(), 0..=max).prop_map(|chars| {
        chars
            .into_iter()
            .map(|c| if c == '\0' { '0' } else { c })
            .collect()
    })
}

fn ip() -> impl Strategy<Value = IpAddr> {
    prop_oneof![
        any::<[u8; 4]>().prop_map(|a| IpAddr::from(Ipv4Addr::from(a))),
        any::<[u8; 16]>().prop_map(|a| IpAddr::from(Ipv6Addr::from(a))),
    ]
}

fn leaf(ty: u16, payload: Vec<u8>) -> Node {
    Node {
        raw_type: ty,
        body: Body::Leaf(payload),
    }
}

fn nest(ty: u16, children: Vec<Node>) -> Node {
    Node {
        raw_type: ty,
        body: Body::Nest(children),
    }
}

// ---------------------------------------------------------------------------------------------
// A run of attributes of a known family: typed fields in random order, duplicates, unknowns

/// One typed attribute or an unknown one (`Shape::Bytes`).
#[derive(Clone, Debug)]
struct Plain {
    ty: u16,
    shape: Shape,
    val: Val,
}

impl Item for Plain {
    fn put(&self, b: &mut MessageBuilder<'_>) -> Result<(), Error> {
        self.shape.put(b, self.ty, &self.val)
    }

    fn node(&self) -> Node {
        leaf(self.ty, self.shape.encode(&self.val))
    }
}

/// A field table: attribute type, shape, and the accessor that reads it.
type Field<V> = (u16, Shape, fn(&V) -> Option<Val>);

/// A field table of view `$view`, for a view of any lifetime.
macro_rules! fields {
    ($view:ident) => {
        &[(u16, Shape, for<'x, 'a> fn(&'x $view<'a>) -> Option<Val>)]
    };
}

/// A [`Field`] whose accessor gives the value as it is: type, shape (then the [`Val`] variant
/// where it is not named like the shape), accessor; `into` where the value is converted into
/// the variant of the shape's name (`&str` into `Val::Str`, `&[u8]` into `Val::Bytes`).
macro_rules! field {
    ($ty:expr, $shape:ident, $get:ident) => {
        field!($ty, $shape => $shape, $get)
    };
    ($ty:expr, $shape:ident => $val:ident, $get:ident) => {
        ($ty, Shape::$shape, |v| v.$get().map(Val::$val))
    };
    ($ty:expr, $shape:ident, $get:ident, into) => {
        ($ty, Shape::$shape, |v| v.$get().map(|x| Val::$shape(x.into())))
    };
}

/// Attributes of the types in `shapes` (with their shapes) and unknown types in `unknown`.
fn plains(
    shapes: Vec<(u16, Shape)>,
    unknown: RangeInclusive<u16>,
    max: usize,
) -> impl Strategy<Value = Vec<Plain>> {
    let known = select(shapes)
        .prop_flat_map(|(ty, shape)| shape.value().prop_map(move |val| Plain { ty, shape, val }));
    let unknown = (unknown, vec(any::<u8>(), 0..48)).prop_map(|(ty, bytes)| Plain {
        ty,
        shape: Shape::Bytes,
        val: Val::Bytes(bytes),
    });
    vec(prop_oneof![4 => known, 1 => unknown], 0..max)
}

fn shapes_of<V>(fields: &[Field<V>]) -> Vec<(u16, Shape)> {
    fields.iter().map(|(ty, shape, _)| (*ty, *shape)).collect()
}

/// The last value written for each type: what a lookup must find.
fn last_values<'p>(plains: impl IntoIterator<Item = &'p Plain>) -> HashMap<u16, Val> {
    plains.into_iter().map(|p| (p.ty, p.val.clone())).collect()
}

/// Every field's accessor returns the last value written for its type, or `None`.
fn check_fields<V>(view: &V, fields: &[Field<V>], last: &HashMap<u16, Val>) {
    for (ty, shape, get) in fields {
        assert_eq!(
            get(view),
            last.get(ty).map(|val| shape.expect(val)),
            "accessor of type {ty}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Building messages

/// Builds one message with `f` into a buffer of 0xa5 and checks nothing is written past it.
fn build_message(
    ty: u16,
    flags: u16,
    seq: u32,
    f: impl FnOnce(&mut MessageBuilder<'_>) -> Result<(), Error>,
) -> Vec<u8> {
    let mut buf = vec![0xa5u8; 1 << 16];
    let len = {
        let mut b = MessageBuilder::new(&mut buf, ty, flags, seq).unwrap();
        f(&mut b).unwrap();
        b.len()
    };
    assert!(buf[len..].iter().all(|&b| b == 0xa5), "written past len()");
    buf.truncate(len);
    buf
}

/// The only message of `bytes`, checked against the header it was built with.
fn only_message(bytes: &[u8], ty: u16, flags: u16, seq: u32) -> Message<'_> {
    let mut messages = Messages::new(bytes);
    let message = messages.next().unwrap().unwrap();
    assert!(messages.next().is_none());
    assert_eq!(
        (message.ty(), message.flags(), message.seq(), message.pid()),
        (ty, flags, seq, 0)
    );
    assert_eq!(message.bytes().len(), bytes.len());
    message
}

/// The header as the reference encoder writes it.
fn header_bytes(len: usize, ty: u16, flags: u16, seq: u32) -> Vec<u8> {
    NlMsgHdr {
        nlmsg_len: (len as u32).into(),
        nlmsg_type: ty.into(),
        nlmsg_flags: flags.into(),
        nlmsg_seq: seq.into(),
        nlmsg_pid: 0.into(),
    }
    .as_bytes()
    .to_vec()
}

// ---------------------------------------------------------------------------------------------
// One message of a family: its header fields, the family header and the attributes in order

/// An attribute of a [`Spec`]: how the builder writes it, and the reference node it must be.
trait Item {
    fn put(&self, b: &mut MessageBuilder<'_>) -> Result<(), Error>;
    fn node(&self) -> Node;
}

/// One message of a family with header `H` and attributes `I`, as a property writes it.
#[derive(Clone, Debug)]
struct Spec<H, I> {
    ty: u16,
    flags: u16,
    seq: u32,
    header: H,
    items: Vec<I>,
}

/// A [`Spec`] of one of `types`, any flags and sequence number, a `header` and `items`.
fn spec<H: Clone + std::fmt::Debug, I: Clone + std::fmt::Debug>(
    types: Vec<u16>,
    header: impl Strategy<Value = H>,
    items: impl Strategy<Value = Vec<I>>,
) -> impl Strategy<Value = Spec<H, I>> {
    (select(types), any::<u16>(), any::<u32>(), header, items).prop_map(
        |(ty, flags, seq, header, items)| Spec {
            ty,
            flags,
            seq,
            header,
            items,
        },
    )
}

/// The `Payload::$variant` view that `$bytes`, built from `$spec`, decode to, and the items'
/// reference nodes, after checking the bytes are the reference encoding.
macro_rules! decoded {
    ($spec:expr, $bytes:expr, $variant:ident) => {{
        let message = $spec.message($bytes);
        let Ok(Payload::$variant(view)) = message.decode() else {
            panic!(
                "not decoded as {}: {:?}",
                stringify!($variant),
                message.decode()
            );
        };
        (view, $spec.nodes($bytes))
    }};
}

impl<H: IntoBytes + Immutable, I: Item> Spec<H, I> {
    /// The message: the family header, then each item in order.
    fn build(&self) -> Vec<u8> {
        build_message(self.ty, self.flags, self.seq, |b| {
            b.header(&self.header)?;
            self.items.iter().try_for_each(|item| item.put(b))
        })
    }

    /// The only message of `bytes`, checked against this spec's header fields.
    fn message<'b>(&self, bytes: &'b [u8]) -> Message<'b> {
        only_message(bytes, self.ty, self.flags, self.seq)
    }

    /// The items' reference nodes, after checking `bytes` are the reference encoding.
    fn nodes(&self, bytes: &[u8]) -> Vec<Node> {
        let nodes: Vec<Node> = self.items.iter().map(I::node).collect();
        let mut expected = header_bytes(bytes.len(), self.ty, self.flags, self.seq);
        expected.extend_from_slice(self.header.as_bytes());
        tree::encode(&nodes, &mut expected);
        assert_eq!(bytes, expected, "bytes differ from the reference encoding");
        nodes
    }
}

/// A family whose attributes are all [`Plain`] ones: the spec type `$spec` over family header
/// `$header` (`$size` bytes); its strategy `$strategy`: one of the message `types`, attributes
/// of `$fields` and of unknown types above `$max`, at most `$items`; and its `check`: the
/// message reads back as `Payload::$variant`, with the header, then the family's own checks
/// (`$checks`, on the view `$view` and the `$h`eader), then the attributes and every field.
macro_rules! plain_family {
    ($spec:ident = $header:ident[$size:literal], $strategy:ident,
     types $types:expr, $fields:ident, $max:expr, $items:literal,
     $variant:ident($view:ident) |$h:ident| $checks:block) => {
        type $spec = Spec<$header, Plain>;

        fn $strategy() -> impl Strategy<Value = $spec> {
            spec(
                $types,
                any::<[u8; $size]>().prop_map(|b| $header::read_from_bytes(&b).unwrap()),
                plains(shapes_of($fields), $max + 1..=200, $items),
            )
        }

        impl $spec {
            fn check(&self, bytes: &[u8]) {
                let ($view, nodes) = decoded!(self, bytes, $variant);
                let $h = &self.header;
                assert_eq!($view.header(), $h);
                $checks
                tree::check($view.attrs(), &nodes);
                check_fields(&$view, $fields, &last_values(&self.items));
            }
        }
    };
}

// ---------------------------------------------------------------------------------------------
// Attribute trees

fn tree_node() -> impl Strategy<Value = Node> {
    let flags = select(vec![
        0,
        0,
        nla::F_NESTED,
        nla::F_NET_BYTEORDER,
        nla::F_NESTED | nla::F_NET_BYTEORDER,
    ]);
    let leaf = (1u16..=200, flags.clone(), vec(any::<u8>(), 0..300))
        .prop_map(|(ty, flags, payload)| leaf(ty | flags, payload));
    leaf.prop_recursive(4, 48, 6, move |inner| {
        (1u16..=200, flags.clone(), vec(inner, 0..6))
            .prop_map(|(ty, flags, children)| nest(ty | flags, children))
    })
}

/// The fixed headers that follow `nlmsghdr`, with any contents, or none.
fn family_header() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(Vec::new()),
        any::<[u8; 16]>().prop_map(|b| IfInfoMsg::read_from_bytes(&b).unwrap().as_bytes().to_vec()),
        any::<[u8; 8]>().prop_map(|b| IfAddrMsg::read_from_bytes(&b).unwrap().as_bytes().to_vec()),
        any::<[u8; 12]>().prop_map(|b| RtMsg::read_from_bytes(&b).unwrap().as_bytes().to_vec()),
        any::<[u8; 4]>().prop_map(|b| RtGenMsg::read_from_bytes(&b).unwrap().as_bytes().to_vec()),
        any::<[u8; 12]>().prop_map(|b| NdMsg::read_from_bytes(&b).unwrap().as_bytes().to_vec()),
    ]
}

/// Writes a family header of any of the kernel's sizes with the builder's `header`.
fn put_family_header(b: &mut MessageBuilder<'_>, header: &[u8]) -> Result<(), Error> {
    match header.len() {
        0 => Ok(()),
        4 => b
            .header(&RtGenMsg::read_from_bytes(header).unwrap())
            .map(drop),
        8 => b
            .header(&IfAddrMsg::read_from_bytes(header).unwrap())
            .map(drop),
        12 => b.header(&RtMsg::read_from_bytes(header).unwrap()).map(drop),
        16 => b
            .header(&IfInfoMsg::read_from_bytes(header).unwrap())
            .map(drop),
        n => panic!("no family header of {n} bytes"),
    }
}

#[derive(Clone, Debug)]
struct TreeMessage {
    ty: u16,
    flags: u16,
    seq: u32,
    header: Vec<u8>,
    nodes: Vec<Node>,
}

fn tree_message() -> impl Strategy<Value = TreeMessage> {
    (
        any::<u16>(),
        any::<u16>(),
        any::<u32>(),
        family_header(),
        vec(tree_node(), 0..8),
    )
        .prop_map(|(ty, flags, seq, header, nodes)| TreeMessage {
            ty,
            flags,
            seq,
            header,
            nodes,
        })
}

impl TreeMessage {
    fn build(&self) -> Vec<u8> {
        build_message(self.ty, self.flags, self.seq, |b| {
            put_family_header(b, &self.header)?;
            tree::build(b, &self.nodes)
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Link messages

const LINK_FIELDS: fields!(LinkMessage) = &[
    field!(ifla::IFNAME, Str, name, into),
    field!(ifla::MTU, U32, mtu),
    field!(ifla::MIN_MTU, U32, min_mtu),
    field!(ifla::MAX_MTU, U32, max_mtu),
    field!(ifla::ADDRESS, Bytes, address, into),
    field!(ifla::BROADCAST, Bytes, broadcast, into),
    field!(ifla::PERM_ADDRESS, Bytes, perm_address, into),
    field!(ifla::OPERSTATE, U8, operstate),
    field!(ifla::LINKMODE, U8, linkmode),
    field!(ifla::TXQLEN, U32, txqlen),
    field!(ifla::GROUP, U32, group),
    field!(ifla::MASTER, U32, master),
    field!(ifla::LINK, U32, link),
    field!(ifla::LINK_NETNSID, I32, link_netnsid),
    field!(ifla::IFALIAS, Str, alias, into),
    field!(ifla::QDISC, Str, qdisc, into),
    field!(ifla::CARRIER, Bool, carrier),
    field!(ifla::CARRIER_CHANGES, U32, carrier_changes),
    field!(ifla::PROMISCUITY, U32, promiscuity),
    field!(ifla::ALLMULTI, U32, allmulti),
    field!(ifla::NUM_TX_QUEUES, U32, num_tx_queues),
    field!(ifla::NUM_RX_QUEUES, U32, num_rx_queues),
    field!(ifla::GSO_MAX_SIZE, U32, gso_max_size),
    field!(ifla::GSO_MAX_SEGS, U32, gso_max_segs),
    field!(ifla::PROTO_DOWN, Bool, proto_down),
    field!(ifla::NEW_NETNSID, I32, new_netnsid),
    field!(ifla::NEW_IFINDEX, I32, new_ifindex),
    (
        ifla::STATS64,
        Shape::Prefix {
            min: 184,
            keep: 184,
        },
        |l| l.stats64().map(|s| Val::Bytes(s.as_bytes().into())),
    ),
];

const VXLAN_FIELDS: fields!(VxlanInfo) = &[
    field!(ifla_vxlan::ID, U32, id),
    field!(ifla_vxlan::PORT, Be16 => U16, port),
    field!(ifla_vxlan::LINK, U32, link),
    field!(ifla_vxlan::TTL, U8, ttl),
    field!(ifla_vxlan::TOS, U8, tos),
    field!(ifla_vxlan::LEARNING, Bool, learning),
    field!(ifla_vxlan::AGEING, U32, ageing),
    (ifla_vxlan::PORT_RANGE, Shape::Fixed(4), |v| {
        v.port_range()
            .map(|(lo, hi)| Val::Bytes([lo.to_be_bytes(), hi.to_be_bytes()].concat()))
    }),
];

/// The vxlan addresses, read through `remote()` and `local()` (v4 first, then v6).
const VXLAN_ADDRS: &[(u16, Shape)] = &[
    (ifla_vxlan::GROUP, Shape::Ip4),
    (ifla_vxlan::GROUP6, Shape::Ip6),
    (ifla_vxlan::LOCAL, Shape::Ip4),
    (ifla_vxlan::LOCAL6, Shape::Ip6),
];

const BRIDGE_FIELDS: fields!(BridgeInfo) = &[
    field!(ifla_br::FORWARD_DELAY, U32, forward_delay),
    field!(ifla_br::HELLO_TIME, U32, hello_time),
    field!(ifla_br::MAX_AGE, U32, max_age),
    field!(ifla_br::AGEING_TIME, U32, ageing_time),
    field!(ifla_br::STP_STATE, U32, stp_state),
    field!(ifla_br::PRIORITY, U16, priority),
    field!(ifla_br::VLAN_FILTERING, Bool, vlan_filtering),
    field!(ifla_br::VLAN_PROTOCOL, Be16 => U16, vlan_protocol),
    field!(ifla_br::VLAN_DEFAULT_PVID, U16, vlan_default_pvid),
    field!(ifla_br::MCAST_SNOOPING, Bool, mcast_snooping),
];

const VLAN_FIELDS: fields!(VlanInfo) = &[
    field!(ifla_vlan::ID, U16, id),
    field!(ifla_vlan::PROTOCOL, Be16 => U16, protocol),
    // struct ifla_vlan_flags { flags, mask }: the accessor reads `flags`.
    (ifla_vlan::FLAGS, Shape::Prefix { min: 8, keep: 4 }, |v| {
        v.flags().map(|f| Val::Bytes(f.to_ne_bytes().into()))
    }),
];

const MACVLAN_FIELDS: fields!(MacvlanInfo) = &[
    field!(ifla_macvlan::MODE, U32, mode),
    field!(ifla_macvlan::FLAGS, U16, flags),
];

/// `IFLA_INFO_DATA` and the kind it belongs to.
#[derive(Clone, Debug)]
enum KindData {
    /// A kind with a typed view: its name and its attributes.
    Typed(&'static str, Option<Vec<Plain>>),
    /// Any other kind (or no `IFLA_INFO_KIND`): data of any shape.
    Other(Option<String>, Option<Vec<Node>>),
}

#[derive(Clone, Debug)]
struct LinkInfo {
    data: KindData,
    slave_kind: Option<String>,
    slave_data: Option<Vec<Node>>,
}

impl LinkInfo {
    fn kind(&self) -> Option<&str> {
        match &self.data {
            KindData::Typed(kind, _) => Some(kind),
            KindData::Other(kind, _) => kind.as_deref(),
        }
    }

    fn data(&self) -> Option<Vec<Node>> {
        match &self.data {
            KindData::Typed(_, data) => data.as_ref().map(|d| d.iter().map(Plain::node).collect()),
            KindData::Other(_, data) => data.clone(),
        }
    }

    fn node(&self) -> Node {
        let mut children = Vec::new();
        if let Some(kind) = self.kind() {
            children.push(leaf(ifla_info::KIND, [kind.as_bytes(), &[0]].concat()));
        }
        if let Some(data) = self.data() {
            children.push(nest(ifla_info::DATA, data));
        }
        if let Some(kind) = &self.slave_kind {
            children.push(leaf(
                ifla_info::SLAVE_KIND,
                [kind.as_bytes(), &[0]].concat(),
            ));
        }
        if let Some(data) = &self.slave_data {
            children.push(nest(ifla_info::SLAVE_DATA, data.clone()));
        }
        nest(ifla::LINKINFO, children)
    }
}

fn leaves(types: RangeInclusive<u16>, max: usize) -> impl Strategy<Value = Vec<Node>> {
    vec(
        (types, vec(any::<u8>(), 0..24)).prop_map(|(ty, payload)| leaf(ty, payload)),
        0..max,
    )
}

fn link_info() -> impl Strategy<Value = LinkInfo> {
    let typed = prop_oneof![
        proptest::option::of(plains(
            [shapes_of(VXLAN_FIELDS), VXLAN_ADDRS.to_vec()].concat(),
            ifla_vxlan::MAX + 1..=200,
            12
        ))
        .prop_map(|d| KindData::Typed("vxlan", d)),
        proptest::option::of(plains(shapes_of(BRIDGE_FIELDS), ifla_br::MAX + 1..=200, 12))
            .prop_map(|d| KindData::Typed("bridge", d)),
        proptest::option::of(plains(shapes_of(VLAN_FIELDS), ifla_vlan::MAX + 1..=200, 6))
            .prop_map(|d| KindData::Typed("vlan", d)),
        (
            select(vec!["macvlan", "macvtap"]),
            proptest::option::of(plains(
                shapes_of(MACVLAN_FIELDS),
                ifla_macvlan::MAX + 1..=200,
                6
            ))
        )
            .prop_map(|(kind, d)| KindData::Typed(kind, d)),
    ];
    let other_kind = prop_oneof![
        Just(None),
        select(vec!["veth", "dummy", "bond", "vrf"]).prop_map(|k| Some(k.to_owned())),
        "[a-z0-9]{1,12}"
            .prop_filter("not a typed kind", |k| {
                !["vxlan", "bridge", "vlan", "macvlan", "macvtap"].contains(&k.as_str())
            })
            .prop_map(Some),
    ];
    let other = (other_kind, proptest::option::of(vec(tree_node(), 0..4)))
        .prop_map(|(kind, data)| KindData::Other(kind, data));
    (
        prop_oneof![typed, other],
        proptest::option::of("[a-z]{1,8}"),
        proptest::option::of(vec(tree_node(), 0..3)),
    )
        .prop_map(|(data, slave_kind, slave_data)| LinkInfo {
            data,
            slave_kind,
            slave_data,
        })
}

#[derive(Clone, Debug)]
enum LinkItem {
    Plain(Plain),
    AltNames(Vec<String>),
    Info(LinkInfo),
}

impl Item for LinkItem {
    fn put(&self, b: &mut MessageBuilder<'_>) -> Result<(), Error> {
        match self {
            LinkItem::Plain(p) => p.put(b),
            LinkItem::AltNames(names) => {
                let list = b.nest_start(ifla::PROP_LIST)?;
                for name in names {
                    b.put_str(ifla::ALT_IFNAME, name)?;
                }
                b.nest_end(list).map(drop)
            }
            LinkItem::Info(info) => tree::build(b, &[info.node()]),
        }
    }

    fn node(&self) -> Node {
        match self {
            LinkItem::Plain(p) => p.node(),
            LinkItem::AltNames(names) => nest(
                ifla::PROP_LIST,
                names
                    .iter()
                    .map(|n| leaf(ifla::ALT_IFNAME, [n.as_bytes(), &[0]].concat()))
                    .collect(),
            ),
            LinkItem::Info(info) => info.node(),
        }
    }
}

type LinkSpec = Spec<IfInfoMsg, LinkItem>;

fn if_info_msg() -> impl Strategy<Value = IfInfoMsg> {
    any::<[u8; 16]>().prop_map(|b| IfInfoMsg::read_from_bytes(&b).unwrap())
}

fn link_spec() -> impl Strategy<Value = LinkSpec> {
    let plain = plains(shapes_of(LINK_FIELDS), ifla::MAX + 1..=200, 2)
        .prop_filter_map("one", |mut v| v.pop())
        .prop_map(LinkItem::Plain);
    let item = prop_oneof![
        12 => plain,
        1 => vec(string(15), 0..4).prop_map(LinkItem::AltNames),
        2 => link_info().prop_map(LinkItem::Info),
    ];
    spec(
        vec![rtm::NEWLINK, rtm::DELLINK, rtm::GETLINK, rtm::SETLINK],
        if_info_msg(),
        vec(item, 0..24),
    )
}

impl LinkSpec {
    fn check(&self, bytes: &[u8]) {
        let (link, nodes) = decoded!(self, bytes, Link);

        assert_eq!(link.header(), &self.header);
        assert_eq!(link.family(), self.header.ifi_family);
        assert_eq!(link.link_type(), self.header.ifi_type.get());
        assert_eq!(link.index(), self.header.ifi_index.get().cast_unsigned());
        assert_eq!(link.flags(), self.header.ifi_flags.get());
        assert_eq!(link.change(), self.header.ifi_change.get());
        tree::check(link.attrs(), &nodes);
        tree::check_offsets(link.attrs(), &nodes, 32);

        let last = last_values(self.items.iter().filter_map(|i| match i {
            LinkItem::Plain(p) => Some(p),
            _ => None,
        }));
        check_fields(&link, LINK_FIELDS, &last);
        let name = last.get(&ifla::IFNAME).map(|v| Shape::Str.encode(v));
        assert_eq!(
            link.name_bytes(),
            name.as_deref().map(|n| &n[..n.len() - 1])
        );
        let address = link.address();
        assert_eq!(link.mac(), address.and_then(|a| a.try_into().ok()));

        let alt_names = self.items.iter().rev().find_map(|i| match i {
            LinkItem::AltNames(names) => Some(names.clone()),
            _ => None,
        });
        assert_eq!(
            link.alt_names()
                .map(|name| String::from_utf8(name.to_vec()).unwrap())
                .collect::<Vec<_>>(),
            alt_names.unwrap_or_default()
        );

        let info = self.items.iter().rev().find_map(|i| match i {
            LinkItem::Info(info) => Some(info),
            _ => None,
        });
        check_link_info(&link, info);
    }
}

fn check_link_info(link: &LinkMessage<'_>, info: Option<&LinkInfo>) {
    assert_eq!(link.kind(), info.and_then(LinkInfo::kind));
    assert_eq!(
        link.slave_kind(),
        info.and_then(|i| i.slave_kind.as_deref())
    );
    let data = info.and_then(LinkInfo::data);
    assert_eq!(link.info_data().is_some(), data.is_some());
    if let (Some(attrs), Some(data)) = (link.info_data(), &data) {
        tree::check(attrs, data);
    }
    let slave_data = info.and_then(|i| i.slave_data.as_ref());
    assert_eq!(link.info_slave_data().is_some(), slave_data.is_some());
    if let (Some(attrs), Some(data)) = (link.info_slave_data(), slave_data) {
        tree::check(attrs, data);
    }

    let typed = match info.map(|i| &i.data) {
        Some(KindData::Typed(kind, Some(data))) => Some((*kind, last_values(data))),
        _ => None,
    };
    let of = |name: &[&str]| {
        typed
            .as_ref()
            .filter(|(kind, _)| name.contains(kind))
            .map(|(_, last)| last)
    };
    match (link.vxlan(), of(&["vxlan"])) {
        (None, None) => {}
        (Some(vxlan), Some(last)) => {
            check_fields(&vxlan, VXLAN_FIELDS, last);
            let ip = |ty| match last.get(&ty) {
                Some(Val::Ip(ip)) => Some(*ip),
                _ => None,
            };
            assert_eq!(
                vxlan.remote(),
                ip(ifla_vxlan::GROUP).or(ip(ifla_vxlan::GROUP6))
            );
            assert_eq!(
                vxlan.local(),
                ip(ifla_vxlan::LOCAL).or(ip(ifla_vxlan::LOCAL6))
            );
        }
        (view, data) => panic!("vxlan view {} for data {data:?}", view.is_some()),
    }
    kind_fields("bridge", link.bridge(), of(&["bridge"]), BRIDGE_FIELDS);
    kind_fields("vlan", link.vlan(), of(&["vlan"]), VLAN_FIELDS);
    kind_fields(
        "macvlan",
        link.macvlan(),
        of(&["macvlan", "macvtap"]),
        MACVLAN_FIELDS,
    );
}

/// A kind's typed view is there exactly when its data was written (`last`: the last value of
/// each type), and each of its `fields` reads that value.
fn kind_fields<V>(
    kind: &str,
    view: Option<V>,
    last: Option<&HashMap<u16, Val>>,
    fields: &[Field<V>],
) {
    match (view, last) {
        (None, None) => {}
        (Some(view), Some(last)) => check_fields(&view, fields, last),
        (view, data) => panic!("{kind} view {} for data {data:?}", view.is_some()),
    }
}

// ---------------------------------------------------------------------------------------------
// Address messages

const ADDR_FIELDS: fields!(AddressMessage) = &[
    field!(ifa::ADDRESS, Ip, address),
    field!(ifa::LOCAL, Ip, local),
    field!(ifa::BROADCAST, Ip, broadcast),
    field!(ifa::ANYCAST, Ip, anycast),
    field!(ifa::MULTICAST, Ip, multicast),
    field!(ifa::LABEL, Str, label, into),
    (ifa::CACHEINFO, Shape::Fixed(16), |a| {
        a.cacheinfo().map(|c| Val::Bytes(c.as_bytes().into()))
    }),
    field!(ifa::RT_PRIORITY, U32, priority),
    field!(ifa::PROTO, U8, proto),
];

type AddrSpec = Spec<IfAddrMsg, Plain>;

fn addr_spec() -> impl Strategy<Value = AddrSpec> {
    let shapes = [shapes_of(ADDR_FIELDS), vec![(ifa::FLAGS, Shape::U32)]].concat();
    spec(
        vec![rtm::NEWADDR, rtm::DELADDR, rtm::GETADDR],
        any::<[u8; 8]>().prop_map(|b| IfAddrMsg::read_from_bytes(&b).unwrap()),
        plains(shapes, ifa::MAX + 1..=200, 16),
    )
}

impl AddrSpec {
    fn check(&self, bytes: &[u8]) {
        let (address, nodes) = decoded!(self, bytes, Address);

        let h = &self.header;
        assert_eq!(address.header(), h);
        assert_eq!(
            (
                address.family(),
                address.prefix_len(),
                address.scope(),
                address.index()
            ),
            (
                h.ifa_family,
                h.ifa_prefixlen,
                h.ifa_scope,
                h.ifa_index.get()
            )
        );
        tree::check(address.attrs(), &nodes);
        tree::check_offsets(address.attrs(), &nodes, 24);

        let last = last_values(&self.items);
        check_fields(&address, ADDR_FIELDS, &last);
        let flags = match last.get(&ifa::FLAGS) {
            Some(Val::U32(flags)) => *flags,
            _ => u32::from(h.ifa_flags),
        };
        assert_eq!(address.flags(), flags);
        let ip = |ty| match last.get(&ty) {
            Some(Val::Ip(ip)) => Some(*ip),
            _ => None,
        };
        let (local, addr) = (ip(ifa::LOCAL), ip(ifa::ADDRESS));
        assert_eq!(address.own_address(), local.or(addr));
        assert_eq!(
            address.peer(),
            local.and(addr).filter(|a| Some(*a) != local)
        );
        let cacheinfo = match last.get(&ifa::CACHEINFO) {
            Some(Val::Bytes(b)) => Some(b.clone()),
            _ => None,
        };
        let word = |i: usize| {
            cacheinfo
                .as_ref()
                .map(|b| u32::from_ne_bytes(b[i * 4..i * 4 + 4].try_into().unwrap()))
        };
        assert_eq!(address.preferred_lifetime(), word(0));
        assert_eq!(address.valid_lifetime(), word(1));
    }
}

// ---------------------------------------------------------------------------------------------
// Route messages

const ROUTE_FIELDS: fields!(RouteMessage) = &[
    field!(rta::DST, Ip, dst),
    field!(rta::SRC, Ip, src),
    field!(rta::GATEWAY, Ip, gateway),
    field!(rta::PREFSRC, Ip, prefsrc),
    field!(rta::OIF, U32, oif),
    field!(rta::IIF, U32, iif),
    field!(rta::PRIORITY, U32, priority),
    field!(rta::PREF, U8, pref),
    field!(rta::MARK, U32, mark),
    field!(rta::EXPIRES, U64, expires),
    field!(rta::NH_ID, U32, nh_id),
    (rta::CACHEINFO, Shape::Fixed(32), |r| {
        r.cacheinfo().map(|c| Val::Bytes(c.as_bytes().into()))
    }),
];

/// One `struct rtnexthop` of `RTA_MULTIPATH` and its attributes.
#[derive(Clone, Debug)]
struct NexthopSpec {
    flags: u8,
    hops: u8,
    ifindex: i32,
    gateway: Option<IpAddr>,
    extra: Vec<Node>,
}

impl NexthopSpec {
    fn nodes(&self) -> Vec<Node> {
        let gateway = self
            .gateway
            .map(|g| leaf(rta::GATEWAY, Shape::Ip.encode(&Val::Ip(g))));
        gateway
            .into_iter()
            .chain(self.extra.iter().cloned())
            .collect()
    }

    fn encode(&self, out: &mut Vec<u8>) {
        let attrs = tree::encoded(&self.nodes());
        out.extend_from_slice(&(8 + attrs.len() as u16).to_ne_bytes());
        out.extend_from_slice(&[self.flags, self.hops]);
        out.extend_from_slice(&self.ifindex.to_ne_bytes());
        out.extend_from_slice(&attrs);
    }
}

fn nexthop() -> impl Strategy<Value = NexthopSpec> {
    (
        any::<u8>(),
        any::<u8>(),
        any::<i32>(),
        proptest::option::of(ip()),
        leaves(rta::GATEWAY + 1..=200, 3),
    )
        .prop_map(|(flags, hops, ifindex, gateway, extra)| NexthopSpec {
            flags,
            hops,
            ifindex,
            gateway,
            extra,
        })
}

#[derive(Clone, Debug)]
enum RouteItem {
    Plain(Plain),
    Table(u32),
    Via(u16, IpAddr),
    Metrics(Vec<Node>),
    Multipath(Vec<NexthopSpec>),
}

impl Item for RouteItem {
    fn put(&self, b: &mut MessageBuilder<'_>) -> Result<(), Error> {
        match self {
            RouteItem::Plain(p) => p.put(b),
            RouteItem::Table(t) => b.put_u32(rta::TABLE, *t).map(drop),
            other => tree::build(b, &[other.node()]),
        }
    }

    fn node(&self) -> Node {
        match self {
            RouteItem::Plain(p) => p.node(),
            RouteItem::Table(t) => leaf(rta::TABLE, t.to_ne_bytes().into()),
            RouteItem::Via(family, ip) => leaf(
                rta::VIA,
                [&family.to_ne_bytes()[..], &Shape::Ip.encode(&Val::Ip(*ip))].concat(),
            ),
            RouteItem::Metrics(metrics) => nest(rta::METRICS, metrics.clone()),
            RouteItem::Multipath(hops) => {
                let mut payload = Vec::new();
                hops.iter().for_each(|h| h.encode(&mut payload));
                leaf(rta::MULTIPATH, payload)
            }
        }
    }
}

type RouteSpec = Spec<RtMsg, RouteItem>;

fn route_spec() -> impl Strategy<Value = RouteSpec> {
    let plain = plains(shapes_of(ROUTE_FIELDS), rta::MAX + 1..=200, 2)
        .prop_filter_map("one", |mut v| v.pop())
        .prop_map(RouteItem::Plain);
    let item = prop_oneof![
        10 => plain,
        2 => prop_oneof![any::<u32>(), 256u32..=u32::MAX].prop_map(RouteItem::Table),
        1 => (any::<u16>(), ip()).prop_map(|(f, ip)| RouteItem::Via(f, ip)),
        1 => leaves(1..=17, 6).prop_map(RouteItem::Metrics),
        2 => vec(nexthop(), 0..5).prop_map(RouteItem::Multipath),
    ];
    spec(
        vec![rtm::NEWROUTE, rtm::DELROUTE, rtm::GETROUTE],
        any::<[u8; 12]>().prop_map(|b| RtMsg::read_from_bytes(&b).unwrap()),
        vec(item, 0..16),
    )
}

impl RouteSpec {
    fn check(&self, bytes: &[u8]) {
        let (route, nodes) = decoded!(self, bytes, Route);

        let h = &self.header;
        assert_eq!(route.header(), h);
        assert_eq!(
            (
                route.family(),
                route.dst_len(),
                route.src_len(),
                route.tos(),
                route.protocol(),
                route.scope(),
                route.route_type(),
                route.flags()
            ),
            (
                h.rtm_family,
                h.rtm_dst_len,
                h.rtm_src_len,
                h.rtm_tos,
                h.rtm_protocol,
                h.rtm_scope,
                h.rtm_type,
                h.rtm_flags.get()
            )
        );
        tree::check(route.attrs(), &nodes);
        tree::check_offsets(route.attrs(), &nodes, 28);

        let last = last_values(self.items.iter().filter_map(|i| match i {
            RouteItem::Plain(p) => Some(p),
            _ => None,
        }));
        check_fields(&route, ROUTE_FIELDS, &last);
        let find = |f: fn(&RouteItem) -> bool| self.items.iter().rev().find(|i| f(i));
        let table = match find(|i| matches!(i, RouteItem::Table(_))) {
            Some(RouteItem::Table(t)) => *t,
            _ => u32::from(h.rtm_table),
        };
        assert_eq!(route.table(), table);
        let via = match find(|i| matches!(i, RouteItem::Via(..))) {
            Some(RouteItem::Via(f, ip)) => Some((*f, *ip)),
            _ => None,
        };
        assert_eq!(route.via(), via);
        match (
            route.metrics().map(|m| m.attrs()),
            find(|i| matches!(i, RouteItem::Metrics(_))),
        ) {
            (None, None) => {}
            (Some(attrs), Some(RouteItem::Metrics(m))) => tree::check(attrs, m),
            (view, item) => panic!("metrics {:?} for {item:?}", view.is_some()),
        }
        match (
            route.multipath(),
            find(|i| matches!(i, RouteItem::Multipath(_))),
        ) {
            (None, None) => {}
            (Some(nexthops), Some(RouteItem::Multipath(hops))) => {
                let got: Vec<_> = nexthops.map(Result::unwrap).collect();
                assert_eq!(got.len(), hops.len());
                for (nexthop, spec) in got.iter().zip(hops) {
                    assert_eq!(nexthop.ifindex(), spec.ifindex.cast_unsigned());
                    assert_eq!(nexthop.flags(), spec.flags);
                    assert_eq!(nexthop.weight(), u16::from(spec.hops) + 1);
                    assert_eq!(nexthop.gateway(), spec.gateway);
                    tree::check(nexthop.attrs(), &spec.nodes());
                }
            }
            (view, item) => panic!("multipath {:?} for {item:?}", view.is_some()),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Nsid messages

const NSID_FIELDS: fields!(NsidMessage) = &[
    field!(netnsa::NSID, I32, nsid),
    field!(netnsa::PID, U32, pid),
    field!(netnsa::FD, U32, fd),
    field!(netnsa::TARGET_NSID, I32, target_nsid),
    field!(netnsa::CURRENT_NSID, I32, current_nsid),
];

plain_family! {
    NsidSpec = RtGenMsg[4], nsid_spec,
    types vec![rtm::NEWNSID, rtm::DELNSID, rtm::GETNSID], NSID_FIELDS, netnsa::MAX, 10,
    Nsid(nsid) |_header| {}
}

// ---------------------------------------------------------------------------------------------
// Rule messages

/// The `FRA_*` attributes with a typed accessor (`FRA_TABLE` is read through `table()`, which
/// falls back on the header, and is checked on its own).
const RULE_FIELDS: fields!(RuleMessage) = &[
    field!(fra::DST, Ip, dst),
    field!(fra::SRC, Ip, src),
    (fra::IIFNAME, Shape::Str, |r| {
        r.iif_name()
            .map(|n| Val::Str(String::from_utf8(n.to_vec()).unwrap()))
    }),
    (fra::OIFNAME, Shape::Str, |r| {
        r.oif_name()
            .map(|n| Val::Str(String::from_utf8(n.to_vec()).unwrap()))
    }),
    field!(fra::GOTO, U32, goto),
    field!(fra::PRIORITY, U32, priority),
    field!(fra::FWMARK, U32, fwmark),
    field!(fra::FWMASK, U32, fwmask),
    field!(fra::FLOW, U32, flow),
    (fra::TUN_ID, Shape::U64, |r| {
        r.tun_id().map(|v| Val::U64(u64::from_be(v)))
    }),
    field!(fra::SUPPRESS_IFGROUP, I32, suppress_ifgroup),
    field!(fra::SUPPRESS_PREFIXLEN, I32, suppress_prefixlen),
    field!(fra::L3MDEV, U8, l3mdev),
    field!(fra::PROTOCOL, U8, protocol),
    field!(fra::IP_PROTO, U8, ip_proto),
    (fra::UID_RANGE, Shape::Fixed(8), |r| {
        r.uid_range()
            .map(|(start, end)| Val::Bytes([start.to_ne_bytes(), end.to_ne_bytes()].concat()))
    }),
    (fra::SPORT_RANGE, Shape::Fixed(4), |r| {
        r.sport_range()
            .map(|(start, end)| Val::Bytes([start.to_ne_bytes(), end.to_ne_bytes()].concat()))
    }),
    (fra::DPORT_RANGE, Shape::Fixed(4), |r| {
        r.dport_range()
            .map(|(start, end)| Val::Bytes([start.to_ne_bytes(), end.to_ne_bytes()].concat()))
    }),
];

/// A rule's attribute: its `FRA_TABLE` (first, when there is one) or one of the run.
#[derive(Clone, Debug)]
enum RuleItem {
    Table(u32),
    Plain(Plain),
}

impl Item for RuleItem {
    fn put(&self, b: &mut MessageBuilder<'_>) -> Result<(), Error> {
        match self {
            RuleItem::Table(table) => b.put_u32(fra::TABLE, *table).map(drop),
            RuleItem::Plain(p) => p.put(b),
        }
    }

    fn node(&self) -> Node {
        match self {
            RuleItem::Table(table) => leaf(fra::TABLE, table.to_ne_bytes().to_vec()),
            RuleItem::Plain(p) => p.node(),
        }
    }
}

type RuleMsgSpec = Spec<FibRuleHdr, RuleItem>;

fn rule_spec() -> impl Strategy<Value = RuleMsgSpec> {
    let items = (
        proptest::option::of(any::<u32>()),
        plains(shapes_of(RULE_FIELDS), fra::MAX + 1..=200, 12),
    )
        .prop_map(|(table, plains)| {
            let table = table.map(RuleItem::Table);
            table
                .into_iter()
                .chain(plains.into_iter().map(RuleItem::Plain))
                .collect()
        });
    spec(
        vec![rtm::NEWRULE, rtm::DELRULE, rtm::GETRULE],
        any::<[u8; 12]>().prop_map(|b| FibRuleHdr::read_from_bytes(&b).unwrap()),
        items,
    )
}

impl RuleMsgSpec {
    fn check(&self, bytes: &[u8]) {
        let (rule, nodes) = decoded!(self, bytes, Rule);
        assert_eq!(rule.header(), &self.header);
        let table = self.items.iter().find_map(|i| match i {
            RuleItem::Table(table) => Some(*table),
            RuleItem::Plain(_) => None,
        });
        assert_eq!(rule.table(), table.unwrap_or(u32::from(self.header.table)));
        tree::check(rule.attrs(), &nodes);
        let plains = self.items.iter().filter_map(|i| match i {
            RuleItem::Plain(p) => Some(p),
            RuleItem::Table(_) => None,
        });
        check_fields(&rule, RULE_FIELDS, &last_values(plains));
    }
}

// ---------------------------------------------------------------------------------------------
// Neighbour messages

const NEIGH_FIELDS: fields!(NeighbourMessage) = &[
    field!(nda::DST, Ip, destination),
    (nda::LLADDR, Shape::Bytes, |n| {
        n.lladdr().map(|b| Val::Bytes(b.to_vec()))
    }),
    (nda::CACHEINFO, Shape::Fixed(16), |n| {
        n.cacheinfo().map(|c| Val::Bytes(c.as_bytes().to_vec()))
    }),
    field!(nda::PROBES, U32, probes),
    field!(nda::VLAN, U16, vlan),
    field!(nda::PORT, Be16 => U16, port),
    field!(nda::VNI, U32, vni),
    field!(nda::IFINDEX, U32, via_index),
    field!(nda::MASTER, U32, master),
    field!(nda::LINK_NETNSID, I32, link_netnsid),
    field!(nda::SRC_VNI, U32, src_vni),
    field!(nda::PROTOCOL, U8, protocol),
    field!(nda::NH_ID, U32, nexthop_id),
];

plain_family! {
    NeighSpec = NdMsg[12], neigh_spec,
    types vec![rtm::NEWNEIGH, rtm::DELNEIGH, rtm::GETNEIGH], NEIGH_FIELDS, nda::MAX, 10,
    Neighbour(n) |header| {
        assert_eq!(n.state(), header.ndm_state.get());
    }
}

// ---------------------------------------------------------------------------------------------
// Error and done messages

/// The extended-ack attributes, as `netlink_ack()` writes them.
#[derive(Clone, Debug, Default)]
struct ExtAckSpec {
    msg: Option<String>,
    offs: Option<u32>,
    miss_type: Option<u32>,
    miss_nest: Option<u32>,
    cookie: Option<Vec<u8>>,
}

fn ext_ack_spec() -> impl Strategy<Value = ExtAckSpec> {
    (
        proptest::option::of(string(60)),
        proptest::option::of(any::<u32>()),
        proptest::option::of(any::<u32>()),
        proptest::option::of(any::<u32>()),
        proptest::option::of(vec(any::<u8>(), 0..20)),
    )
        .prop_map(|(msg, offs, miss_type, miss_nest, cookie)| ExtAckSpec {
            msg,
            offs,
            miss_type,
            miss_nest,
            cookie,
        })
}

impl ExtAckSpec {
    fn put(&self, b: &mut MessageBuilder<'_>) -> Result<(), Error> {
        if let Some(msg) = &self.msg {
            b.put_str(nlmsgerr_attr::MSG, msg)?;
        }
        if let Some(offs) = self.offs {
            b.put_u32(nlmsgerr_attr::OFFS, offs)?;
        }
        if let Some(miss) = self.miss_type {
            b.put_u32(nlmsgerr_attr::MISS_TYPE, miss)?;
        }
        if let Some(nest) = self.miss_nest {
            b.put_u32(nlmsgerr_attr::MISS_NEST, nest)?;
        }
        if let Some(cookie) = &self.cookie {
            b.put(nlmsgerr_attr::COOKIE, cookie)?;
        }
        Ok(())
    }

    fn is_empty(&self) -> bool {
        self.msg.is_none()
            && self.offs.is_none()
            && self.miss_type.is_none()
            && self.miss_nest.is_none()
            && self.cookie.is_none()
    }

    /// Checks `ext_ack` holds these attributes, or none when `present` is false.
    fn check(&self, ext_ack: &rtnl_codec::ExtAck<'_>, present: bool) {
        let empty = ExtAckSpec::default();
        let spec = if present { self } else { &empty };
        assert_eq!(ext_ack.message(), spec.msg.as_deref());
        assert_eq!(
            ext_ack.message_bytes(),
            spec.msg.as_deref().map(str::as_bytes)
        );
        assert_eq!(ext_ack.offset(), spec.offs);
        assert_eq!(ext_ack.missing_type(), spec.miss_type);
        assert_eq!(ext_ack.missing_nest(), spec.miss_nest);
        assert_eq!(ext_ack.cookie(), spec.cookie.as_deref());
        assert!(ext_ack.policy().is_none());
        assert_eq!(ext_ack.is_empty(), spec.is_empty());
    }
}

#[derive(Clone, Debug)]
struct ErrorSpec {
    flags: u16,
    seq: u32,
    error: i32,
    capped: bool,
    tlvs: bool,
    /// The request: its header fields, its `ifinfomsg` and attributes.
    request: (u16, u16, u32, u32),
    request_header: IfInfoMsg,
    request_attrs: Vec<Node>,
    ext_ack: ExtAckSpec,
}

fn error_spec() -> impl Strategy<Value = ErrorSpec> {
    (
        any::<u16>(),
        any::<u32>(),
        prop_oneof![Just(0), -4095i32..0, any::<i32>()],
        any::<bool>(),
        any::<bool>(),
        any::<(u16, u16, u32, u32)>(),
        if_info_msg(),
        leaves(1..=60, 6),
        ext_ack_spec(),
    )
        .prop_map(
            |(flags, seq, error, capped, tlvs, request, request_header, request_attrs, ext_ack)| {
                ErrorSpec {
                    flags,
                    seq,
                    error,
                    capped,
                    tlvs,
                    request,
                    request_header,
                    request_attrs,
                    ext_ack,
                }
            },
        )
}

impl ErrorSpec {
    fn flags(&self) -> u16 {
        let mut flags = self.flags & !(nlm_f::CAPPED | nlm_f::ACK_TLVS);
        if self.capped {
            flags |= nlm_f::CAPPED;
        }
        if self.tlvs {
            flags |= nlm_f::ACK_TLVS;
        }
        flags
    }

    /// The echoed request's header: `nlmsg_len` is the request's full length even when capped.
    fn request_header(&self) -> NlMsgHdr {
        let (ty, flags, seq, pid) = self.request;
        let len = 16 + 16 + tree::encoded(&self.request_attrs).len();
        NlMsgHdr {
            nlmsg_len: (len as u32).into(),
            nlmsg_type: ty.into(),
            nlmsg_flags: flags.into(),
            nlmsg_seq: seq.into(),
            nlmsg_pid: pid.into(),
        }
    }

    fn build(&self) -> Vec<u8> {
        build_message(nlmsg::ERROR, self.flags(), self.seq, |b| {
            b.header(&NlMsgErr {
                error: self.error.into(),
                msg: self.request_header(),
            })?;
            if !self.capped {
                b.header(&self.request_header)?;
                tree::build(b, &self.request_attrs)?;
            }
            // Without NLM_F_ACK_TLVS trailing attributes are not an extended ack.
            self.ext_ack.put(b)
        })
    }

    fn check(&self, bytes: &[u8]) {
        let message = only_message(bytes, nlmsg::ERROR, self.flags(), self.seq);
        let Ok(Payload::Error(error)) = message.decode() else {
            panic!("not decoded as an error: {:?}", message.decode());
        };
        assert_eq!(error.error(), self.error);
        assert_eq!(error.errno(), self.error.saturating_neg());
        assert_eq!(error.is_ack(), self.error == 0);
        assert_eq!(error.request(), &self.request_header());
        let mut request = self.request_header().as_bytes().to_vec();
        if !self.capped {
            request.extend_from_slice(self.request_header.as_bytes());
            tree::encode(&self.request_attrs, &mut request);
        }
        assert_eq!(error.request_bytes(), &request[..]);
        self.ext_ack.check(error.ext_ack(), self.tlvs);
    }
}

#[derive(Clone, Debug)]
struct DoneSpec {
    flags: u16,
    seq: u32,
    /// `None`: an empty payload, as some other netlink families send.
    error: Option<i32>,
    tlvs: bool,
    ext_ack: ExtAckSpec,
}

fn done_spec() -> impl Strategy<Value = DoneSpec> {
    (
        any::<u16>(),
        any::<u32>(),
        proptest::option::of(prop_oneof![Just(0), -4095i32..0, any::<i32>()]),
        any::<bool>(),
        ext_ack_spec(),
    )
        .prop_map(|(flags, seq, error, tlvs, ext_ack)| DoneSpec {
            flags,
            seq,
            error,
            tlvs,
            ext_ack,
        })
}

impl DoneSpec {
    fn flags(&self) -> u16 {
        let flags = self.flags & !nlm_f::ACK_TLVS;
        if self.tlvs {
            flags | nlm_f::ACK_TLVS
        } else {
            flags
        }
    }

    fn build(&self) -> Vec<u8> {
        build_message(nlmsg::DONE, self.flags(), self.seq, |b| {
            if let Some(error) = self.error {
                b.header(&zerocopy::byteorder::native_endian::I32::new(error))?;
                self.ext_ack.put(b)?;
            }
            Ok(())
        })
    }

    fn check(&self, bytes: &[u8]) {
        let message = only_message(bytes, nlmsg::DONE, self.flags(), self.seq);
        let Ok(Payload::Done(done)) = message.decode() else {
            panic!("not decoded as done: {:?}", message.decode());
        };
        let error = self.error.unwrap_or(0);
        assert_eq!(done.error(), error);
        assert_eq!(done.errno(), error.saturating_neg());
        self.ext_ack
            .check(done.ext_ack(), self.tlvs && self.error.is_some());
    }
}

// ---------------------------------------------------------------------------------------------
// Known attributes of the wrong size

/// The least payload the view's policy lets through for this shape, if any.
fn requirement(shape: Shape) -> Option<usize> {
    match shape {
        Shape::U8 | Shape::Bool => Some(1),
        Shape::U16 | Shape::Be16 => Some(2),
        Shape::U32 | Shape::I32 | Shape::Ip4 | Shape::Ip => Some(4),
        Shape::U64 => Some(8),
        Shape::Ip6 => Some(16),
        Shape::Fixed(n) | Shape::Prefix { min: n, .. } => Some(n),
        Shape::Str | Shape::Bytes => None,
    }
}

/// A valid message of a view with a typed family, the family's typed fields (type and shape) and
/// where its attributes start.
fn valid_view_message() -> impl Strategy<Value = (Vec<u8>, Vec<(u16, Shape)>)> {
    prop_oneof![
        link_spec().prop_map(|s| (s.build(), shapes_of(LINK_FIELDS))),
        addr_spec().prop_map(|s| {
            let fields = [shapes_of(ADDR_FIELDS), vec![(ifa::FLAGS, Shape::U32)]].concat();
            (s.build(), fields)
        }),
        route_spec().prop_map(|s| {
            let fields = [shapes_of(ROUTE_FIELDS), vec![(rta::TABLE, Shape::U32)]].concat();
            (s.build(), fields)
        }),
        nsid_spec().prop_map(|s| (s.build(), shapes_of(NSID_FIELDS))),
        neigh_spec().prop_map(|s| {
            let fields = [shapes_of(NEIGH_FIELDS), vec![(nda::FLAGS_EXT, Shape::U32)]].concat();
            (s.build(), fields)
        }),
        rule_spec().prop_map(|s| {
            let fields = [shapes_of(RULE_FIELDS), vec![(fra::TABLE, Shape::U32)]].concat();
            (s.build(), fields)
        }),
    ]
}

// ---------------------------------------------------------------------------------------------
// Datagrams of valid messages, and mutations

/// A valid message of any kind, built.
fn any_message() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        neigh_spec().prop_map(|s| s.build()),
        link_spec().prop_map(|s| s.build()),
        addr_spec().prop_map(|s| s.build()),
        route_spec().prop_map(|s| s.build()),
        nsid_spec().prop_map(|s| s.build()),
        rule_spec().prop_map(|s| s.build()),
        error_spec().prop_map(|s| s.build()),
        done_spec().prop_map(|s| s.build()),
        tree_message().prop_map(|s| s.build()),
    ]
}

#[derive(Clone, Debug)]
enum Mutation {
    Flip(usize, u8),
    Set(usize, u8),
    /// Overwrites a 16-bit field: lengths and types are 16 bits (or the low half of 32).
    SetU16(usize, u16),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let index = any::<prop::sample::Index>();
    prop_oneof![
        (index.clone(), 0u8..8).prop_map(|(i, bit)| Mutation::Flip(i.index(usize::MAX), bit)),
        (index.clone(), any::<u8>()).prop_map(|(i, v)| Mutation::Set(i.index(usize::MAX), v)),
        (
            index.clone(),
            prop_oneof![
                any::<u16>(),
                0u16..8,
                select(vec![0xffff, 0xfffc, 0x8000, 16, 20, 24])
            ]
        )
            .prop_map(|(i, v)| Mutation::SetU16(i.index(usize::MAX), v)),
        (index.clone(), vec(any::<u8>(), 1..12))
            .prop_map(|(i, b)| Mutation::Insert(i.index(usize::MAX), b)),
        (index.clone(), 1usize..12).prop_map(|(i, n)| Mutation::Delete(i.index(usize::MAX), n)),
        index.prop_map(|i| Mutation::Truncate(i.index(usize::MAX))),
    ]
}

fn mutate(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len();
    let at = |i: usize| if len == 0 { 0 } else { i % len };
    match *mutation {
        Mutation::Flip(i, bit) if len > 0 => bytes[at(i)] ^= 1 << bit,
        Mutation::Set(i, v) if len > 0 => bytes[at(i)] = v,
        Mutation::SetU16(i, v) if len >= 2 => {
            let i = at(i).min(len - 2);
            bytes[i..i + 2].copy_from_slice(&v.to_ne_bytes());
        }
        Mutation::Insert(i, ref new) => {
            let i = if len == 0 { 0 } else { i % (len + 1) };
            bytes.splice(i..i, new.iter().copied());
        }
        Mutation::Delete(i, n) if len > 0 => {
            let i = at(i);
            bytes.drain(i..(i + n).min(len));
        }
        Mutation::Truncate(i) if len > 0 => bytes.truncate(at(i)),
        _ => {}
    }
}

/// Fixes `nlmsg_len` of the first message to the bytes there, so mutations reach the payload
/// instead of only ever failing the header check.
fn fix_first_length(bytes: &mut [u8]) {
    if bytes.len() >= 16 {
        let len = bytes.len() as u32;
        bytes[..4].copy_from_slice(&len.to_ne_bytes());
    }
}

// ---------------------------------------------------------------------------------------------
// Fixtures: real kernel replies

/// The bytes of fixture `name` under `tests/fixtures/`. A missing or empty fixture fails the
/// calling test: a run without the captures must not pass by checking nothing.
fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("fixture {path} cannot be read ({e}): restore tests/fixtures/"));
    assert!(!bytes.is_empty(), "fixture {path} is empty");
    bytes
}

/// Every fixture these tests read: all must be there and non-empty.
const ALL_FIXTURES: &[&str] = &[
    "ack.bin",
    "addrs.bin",
    "err_exists.bin",
    "err_missing_attr.bin",
    "err_mtu.bin",
    "err_strict_dump.bin",
    "err_unknown_kind.bin",
    "fdb.bin",
    "links.bin",
    "links_2001.bin",
    "neighs.bin",
    "nsids.bin",
    "routes4.bin",
    "routes6.bin",
    "rules4.bin",
    "rules6.bin",
];

#[test]
fn every_fixture_is_present_and_non_empty() {
    let dir = format!("{}/../tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let bad: Vec<String> = ALL_FIXTURES
        .iter()
        .filter_map(|name| match std::fs::metadata(format!("{dir}/{name}")) {
            Ok(meta) if meta.len() > 0 => None,
            Ok(_) => Some(format!("{name}: empty")),
            Err(e) => Some(format!("{name}: {e}")),
        })
        .collect();
    assert!(
        bad.is_empty(),
        "fixtures missing in {dir}: {}",
        bad.join(", ")
    );
    for name in SMALL_FIXTURES
        .iter()
        .chain(&["links.bin", "links_2001.bin"])
    {
        assert!(ALL_FIXTURES.contains(name), "{name} not in ALL_FIXTURES");
    }
}

/// The fixture files small enough to walk every prefix of, and their messages.
const SMALL_FIXTURES: &[&str] = &[
    "ack.bin",
    "addrs.bin",
    "err_exists.bin",
    "err_missing_attr.bin",
    "err_mtu.bin",
    "err_strict_dump.bin",
    "err_unknown_kind.bin",
    "fdb.bin",
    "neighs.bin",
    "nsids.bin",
    "routes4.bin",
    "routes6.bin",
    "rules4.bin",
    "rules6.bin",
];

/// Single messages of every fixture (the first ones of the big link dumps).
fn fixture_messages() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for name in SMALL_FIXTURES.iter().chain(&["links.bin"]) {
        let bytes = fixture(name);
        for message in Messages::new(&bytes).take(40) {
            out.push(message.unwrap().bytes().to_vec());
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Strict prefixes

/// Checks what `Messages` yields for every strict prefix of `datagram`, a run of valid messages:
/// the whole messages before the cut, then exactly the error for the cut one, then nothing.
fn check_every_prefix(datagram: &[u8]) {
    check_prefixes(datagram, 1..datagram.len());
}

/// [`check_every_prefix`] for the cuts in `cuts` only.
fn check_prefixes(datagram: &[u8], cuts: impl IntoIterator<Item = usize>) {
    let mut starts = Vec::new();
    let mut at = 0;
    while at < datagram.len() {
        let len = u32::from_ne_bytes(datagram[at..at + 4].try_into().unwrap()) as usize;
        starts.push((at, len));
        at += len.next_multiple_of(4);
    }
    assert_eq!(at, datagram.len(), "not a run of whole messages");
    for cut in cuts {
        assert!(cut < datagram.len());
        let prefix = &datagram[..cut];
        let mut messages = Messages::new(prefix);
        for &(start, len) in &starts {
            if start >= cut {
                break;
            }
            let available = cut - start;
            let item = messages
                .next()
                .expect("a message or an error for each start");
            if available >= len {
                let message =
                    item.unwrap_or_else(|e| panic!("cut {cut}: whole message fails: {e}"));
                assert_eq!(message.bytes().as_ptr(), datagram[start..].as_ptr());
                assert_eq!(message.bytes().len(), len);
            } else {
                let needed = if available < 16 { 16 } else { len };
                assert_eq!(
                    item,
                    Err(Error::Truncated {
                        layer: Layer::Message,
                        needed,
                        available,
                        offset: start,
                    }),
                    "cut {cut}"
                );
                break;
            }
        }
        assert_eq!(messages.next(), None, "cut {cut}: more after the end");
        // The same, stated as in the design: an error unless the cut is on a boundary.
        let boundary = starts
            .iter()
            .any(|&(start, len)| cut == start + len || cut == start + len.next_multiple_of(4));
        assert_eq!(
            Messages::new(prefix).any(|m| m.is_err()),
            !boundary,
            "cut {cut}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Builder operations

#[derive(Clone, Debug)]
enum Op {
    Put(u16, usize, u8),
    PutU32(u16, u32),
    PutStr(u16, String),
    PutFlag(u16),
    NestStart(u16),
    /// With a well-nested sequence, ends the innermost open nest; else the `n`-th open one.
    NestEnd(usize),
    NestCancel(usize),
}

fn op(max_payload: usize) -> impl Strategy<Value = Op> {
    let ty = any::<u16>();
    prop_oneof![
        4 => (ty, 0..=max_payload, any::<u8>()).prop_map(|(t, n, s)| Op::Put(t, n, s)),
        2 => (ty, any::<u32>()).prop_map(|(t, v)| Op::PutU32(t, v)),
        1 => (ty, string(20)).prop_map(|(t, s)| Op::PutStr(t, s)),
        1 => ty.prop_map(Op::PutFlag),
        3 => ty.prop_map(Op::NestStart),
        2 => any::<usize>().prop_map(Op::NestEnd),
        1 => any::<usize>().prop_map(Op::NestCancel),
    ]
}

fn payload(len: usize, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| (i as u8).wrapping_mul(31) ^ seed)
        .collect()
}

/// An open nest in the model: its token, type, where it started and its children so far.
struct Frame {
    nest: rtnl_codec::Nest,
    ty: u16,
    start: usize,
    children: Vec<Node>,
}

/// Runs `ops` on a builder over `size` bytes of 0xa5, well-nested, against a model of what the
/// message must hold; checks every result, and returns nothing: it asserts.
fn run_ops(size: usize, header: &[u8], ops: &[Op]) {
    let mut buf = vec![0xa5u8; size];
    let mut high = 0;
    let mut shrunk = false;
    let (len, expected) = {
        if tree::header_refused(&mut buf, size, rtm::NEWLINK, nlm_f::REQUEST, 1) {
            return;
        }
        let mut b = MessageBuilder::new(&mut buf, rtm::NEWLINK, nlm_f::REQUEST, 1).unwrap();
        high = high.max(b.len());
        let mut frames: Vec<Frame> = Vec::new();
        let mut root: Vec<Node> = Vec::new();
        let mut header_written = Vec::new();
        {
            let before = b.as_bytes().to_vec();
            match put_family_header(&mut b, header) {
                Ok(()) => header_written = header.to_vec(),
                Err(Error::BufferFull { .. }) => assert_eq!(b.as_bytes(), &before[..]),
                Err(e) => panic!("header: {e:?}"),
            }
        }
        high = high.max(b.len());
        for op in ops {
            let before = b.as_bytes().to_vec();
            let children = |frames: &mut Vec<Frame>, root: &mut Vec<Node>, node: Node| match frames
                .last_mut()
            {
                Some(frame) => frame.children.push(node),
                None => root.push(node),
            };
            let result = match op {
                Op::Put(ty, n, seed) => {
                    let p = payload(*n, *seed);
                    let r = b.put(*ty, &p).map(drop);
                    if r.is_ok() {
                        children(&mut frames, &mut root, leaf(*ty, p));
                    }
                    r
                }
                Op::PutU32(ty, v) => {
                    let r = b.put_u32(*ty, *v).map(drop);
                    if r.is_ok() {
                        children(&mut frames, &mut root, leaf(*ty, v.to_ne_bytes().into()));
                    }
                    r
                }
                Op::PutStr(ty, s) => {
                    let r = b.put_str(*ty, s).map(drop);
                    if r.is_ok() {
                        let p = [s.as_bytes(), &[0]].concat();
                        children(&mut frames, &mut root, leaf(*ty, p));
                    }
                    r
                }
                Op::PutFlag(ty) => {
                    let r = b.put_flag(*ty).map(drop);
                    if r.is_ok() {
                        children(&mut frames, &mut root, leaf(*ty, Vec::new()));
                    }
                    r
                }
                Op::NestStart(ty) => {
                    let start = b.len();
                    let open = frames.len();
                    let result = b.nest_start(*ty);
                    if open == MAX_NEST_DEPTH {
                        assert_eq!(
                            result,
                            Err(Error::NestTooDeep {
                                attr: *ty,
                                max: MAX_NEST_DEPTH
                            })
                        );
                    }
                    result.map(|nest| {
                        frames.push(Frame {
                            nest,
                            ty: *ty,
                            start,
                            children: Vec::new(),
                        });
                    })
                }
                Op::NestEnd(_) => match frames.pop() {
                    None => Ok(()),
                    Some(frame) => {
                        let r = b.nest_end(frame.nest).map(drop);
                        match r {
                            Ok(()) => {
                                let node = nest(frame.ty, frame.children);
                                children(&mut frames, &mut root, node);
                            }
                            Err(Error::AttrTooLarge { attr, len }) => {
                                assert_eq!(attr, frame.ty);
                                assert_eq!(len, before.len() - frame.start);
                                assert!(len > 65535);
                                assert_eq!(b.len(), frame.start, "the nest was cancelled");
                                shrunk = true;
                            }
                            Err(e) => panic!("nest_end: {e:?}"),
                        }
                        r
                    }
                },
                Op::NestCancel(_) => {
                    if let Some(frame) = frames.pop() {
                        b.nest_cancel(frame.nest).unwrap();
                        assert_eq!(b.len(), frame.start);
                        shrunk = shrunk || before.len() > frame.start;
                    }
                    Ok(())
                }
            };
            match result {
                Ok(()) => {}
                Err(Error::BufferFull { needed, available }) => {
                    assert_eq!(available, size - before.len());
                    assert!(needed > available);
                    assert_eq!(
                        b.as_bytes(),
                        &before[..],
                        "a failed write changed the message"
                    );
                }
                Err(Error::AttrTooLarge { len, .. }) => {
                    assert!(len > 65535);
                    if !matches!(op, Op::NestEnd(_)) {
                        assert_eq!(b.as_bytes(), &before[..]);
                    }
                }
                Err(Error::NestTooDeep { .. }) => {
                    assert_eq!(frames.len(), MAX_NEST_DEPTH, "refused below the limit");
                    assert_eq!(b.as_bytes(), &before[..]);
                }
                Err(e) => panic!("{op:?}: unexpected {e:?}"),
            }
            // After every call the buffer holds a whole message, `nlmsg_len` long.
            let message = Message::parse(b.as_bytes()).unwrap();
            assert_eq!(message.bytes().len(), b.len());
            high = high.max(b.len());
        }
        while let Some(frame) = frames.pop() {
            match b.nest_end(frame.nest) {
                Ok(_) => {
                    let node = nest(frame.ty, frame.children);
                    match frames.last_mut() {
                        Some(parent) => parent.children.push(node),
                        None => root.push(node),
                    }
                }
                Err(Error::AttrTooLarge { .. }) => {
                    assert_eq!(b.len(), frame.start);
                    shrunk = true;
                }
                Err(e) => panic!("closing: {e:?}"),
            }
        }
        let bytes = b.finish();
        let mut expected = header_bytes(bytes.len(), rtm::NEWLINK, nlm_f::REQUEST, 1);
        expected.extend_from_slice(&header_written);
        tree::encode(&root, &mut expected);
        assert_eq!(bytes, &expected[..], "built bytes differ from the model");
        let message = only_message(bytes, rtm::NEWLINK, nlm_f::REQUEST, 1);
        let attrs = &message.payload()[header_written.len()..];
        tree::check(Attrs::with_offset(attrs, 16 + header_written.len()), &root);
        (bytes.len(), expected)
    };
    assert_eq!(&buf[..len], &expected[..]);
    assert!(
        buf[high..].iter().all(|&b| b == 0xa5),
        "written past the furthest the message reached"
    );
    if !shrunk {
        assert_eq!(high, len);
    }
}

/// Runs `ops` with nest tokens used in any order (ended after their parent, twice-removed,
/// ...): whatever the misuse, no panic, only the documented errors, nothing written past the
/// buffer or past the furthest the message reached, and the message header stays whole.
fn run_ops_any_order(size: usize, ops: &[Op]) {
    let mut buf = vec![0xa5u8; size];
    let mut high = 0;
    {
        let Ok(mut b) = MessageBuilder::new(&mut buf, rtm::NEWLINK, 0, 1) else {
            return;
        };
        high = high.max(b.len());
        let mut open: Vec<rtnl_codec::Nest> = Vec::new();
        for op in ops {
            let result = match op {
                Op::Put(ty, n, seed) => b.put(*ty, &payload(*n, *seed)).map(drop),
                Op::PutU32(ty, v) => b.put_u32(*ty, *v).map(drop),
                Op::PutStr(ty, s) => b.put_str(*ty, s).map(drop),
                Op::PutFlag(ty) => b.put_flag(*ty).map(drop),
                Op::NestStart(ty) => b.nest_start(*ty).map(|n| open.push(n)),
                Op::NestEnd(i) if !open.is_empty() => {
                    let nest = open.remove(i % open.len());
                    b.nest_end(nest).map(drop)
                }
                Op::NestCancel(i) if !open.is_empty() => {
                    let nest = open.remove(i % open.len());
                    b.nest_cancel(nest)
                }
                _ => Ok(()),
            };
            match result {
                Ok(())
                | Err(
                    Error::BufferFull { .. }
                    | Error::AttrTooLarge { .. }
                    | Error::NestNotOpen { .. }
                    | Error::NestTooDeep { .. },
                ) => {}
                Err(e) => panic!("{op:?}: unexpected {e:?}"),
            }
            assert!(b.len() <= size);
            let message = Message::parse(b.as_bytes()).unwrap();
            assert_eq!(message.bytes().len(), b.len());
            high = high.max(b.len());
        }
        let bytes = b.finish();
        exercise::exercise_datagram(bytes);
    }
    assert!(buf[high..].iter().all(|&b| b == 0xa5));
}

// ---------------------------------------------------------------------------------------------
// The properties

/// `cases` cases, and no regression files beside the sources: a failure found here becomes a
/// test in `regressions.rs`, with its bytes.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// One property per typed message, each under its own name: a message built from the spec reads
/// back as the spec says (its `check`), and every accessor of it is exercised.
macro_rules! round_trips {
    ($($name:ident: $spec:ident,)*) => {
        proptest! {
            #![proptest_config(config(256))]
            $(
                #[test]
                fn $name(spec in $spec()) {
                    let bytes = spec.build();
                    spec.check(&bytes);
                    exercise::exercise_datagram(&bytes);
                }
            )*
        }
    };
}

round_trips! {
    link_messages_round_trip: link_spec,
    address_messages_round_trip: addr_spec,
    route_messages_round_trip: route_spec,
    nsid_messages_round_trip: nsid_spec,
    rule_messages_round_trip: rule_spec,
    neighbour_messages_round_trip: neigh_spec,
    error_messages_round_trip: error_spec,
    done_messages_round_trip: done_spec,
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn attribute_trees_round_trip(message in tree_message(), slack in 0usize..64) {
        let bytes = message.build();
        let mut expected = header_bytes(bytes.len(), message.ty, message.flags, message.seq);
        expected.extend_from_slice(&message.header);
        tree::encode(&message.nodes, &mut expected);
        prop_assert_eq!(&bytes, &expected);

        // The same in a buffer only `slack` bytes larger than needed: still fits, no stray write.
        let mut buf = vec![0xa5u8; bytes.len() + slack];
        let len = {
            let mut b = MessageBuilder::new(&mut buf, message.ty, message.flags, message.seq).unwrap();
            put_family_header(&mut b, &message.header).unwrap();
            tree::build(&mut b, &message.nodes).unwrap();
            b.finish().len()
        };
        prop_assert_eq!(&buf[..len], &bytes[..]);
        prop_assert!(buf[len..].iter().all(|&b| b == 0xa5));

        let parsed = only_message(&bytes, message.ty, message.flags, message.seq);
        let start = 16 + message.header.len();
        prop_assert_eq!(&parsed.payload()[..message.header.len()], &message.header[..]);
        let attrs = Attrs::with_offset(&parsed.payload()[message.header.len()..], start);
        tree::check(attrs.clone(), &message.nodes);
        tree::check_offsets(attrs, &message.nodes, start);
        exercise::exercise_datagram(&bytes);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in vec(any::<u8>(), 0..2048)) {
        exercise::exercise_datagram(&bytes);
    }

    /// Random bodies behind a header whose length and type are right, so they reach the views.
    #[test]
    fn arbitrary_payloads_of_every_type_never_panic(
        ty in select(vec![
            nlmsg::NOOP, nlmsg::ERROR, nlmsg::DONE, nlmsg::OVERRUN,
            rtm::NEWLINK, rtm::DELLINK, rtm::GETLINK, rtm::SETLINK,
            rtm::NEWADDR, rtm::DELADDR, rtm::GETADDR,
            rtm::NEWROUTE, rtm::DELROUTE, rtm::GETROUTE,
            rtm::NEWNSID, rtm::DELNSID, rtm::GETNSID,
            rtm::NEWRULE, rtm::DELRULE, rtm::GETRULE, 0xffff,
        ]),
        flags in prop_oneof![any::<u16>(), Just(nlm_f::ACK_TLVS), Just(nlm_f::ACK_TLVS | nlm_f::CAPPED)],
        body in vec(any::<u8>(), 0..1024),
    ) {
        let mut bytes = header_bytes(16 + body.len(), ty, flags, 0);
        bytes.extend_from_slice(&body);
        prop_assert_eq!(exercise::exercise_datagram(&bytes), 1);
    }
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn mutated_messages_never_panic(
        messages in vec(any_message(), 1..3),
        mutations in vec(mutation(), 1..6),
        fix in any::<bool>(),
    ) {
        let mut bytes = messages.concat();
        for m in &mutations {
            mutate(&mut bytes, m);
        }
        if fix {
            fix_first_length(&mut bytes);
        }
        exercise::exercise_datagram(&bytes);
    }

    #[test]
    fn mutated_fixtures_never_panic(
        pick in any::<prop::sample::Index>(),
        mutations in vec(mutation(), 1..6),
        fix in any::<bool>(),
    ) {
        let fixtures = fixture_messages();
        let mut bytes = pick.get(&fixtures).clone();
        for m in &mutations {
            mutate(&mut bytes, m);
        }
        if fix {
            fix_first_length(&mut bytes);
        }
        exercise::exercise_datagram(&bytes);
    }

    /// Every cut of a view's message at a point inside its attributes, with `nlmsg_len` made to
    /// match, is an error unless it falls between two top-level attributes (or in padding).
    #[test]
    fn truncated_views_fail_unless_cut_between_attributes(
        message in prop_oneof![
            link_spec().prop_map(|s| s.build()),
            addr_spec().prop_map(|s| s.build()),
            route_spec().prop_map(|s| s.build()),
            neigh_spec().prop_map(|s| s.build()),
            nsid_spec().prop_map(|s| s.build()),
            rule_spec().prop_map(|s| s.build()),
        ],
    ) {
        let attrs_start = match Message::parse(&message).unwrap().decode().unwrap() {
            Payload::Link(_) => 32,
            Payload::Address(_) => 24,
            Payload::Neighbour(_) => 28,
            Payload::Route(_) => 28,
            Payload::Nsid(_) => 20,
            Payload::Rule(_) => 28,
            other => panic!("{other:?}"),
        };
        // Where each top-level attribute ends, and where its padding ends.
        let mut ok_cuts = vec![attrs_start];
        let mut at = attrs_start;
        while at < message.len() {
            let len = usize::from(u16::from_ne_bytes([message[at], message[at + 1]]));
            ok_cuts.extend(at + len..=at + len.next_multiple_of(4));
            at += len.next_multiple_of(4);
        }
        for cut in 16..message.len() {
            let mut bytes = message[..cut].to_vec();
            fix_first_length(&mut bytes);
            let decoded = Message::parse(&bytes).unwrap().decode();
            if cut < attrs_start {
                prop_assert!(
                    matches!(decoded, Err(Error::Truncated { layer: Layer::FamilyHeader, .. })),
                    "cut {} in the family header: {:?}", cut, decoded
                );
            } else {
                prop_assert_eq!(decoded.is_ok(), ok_cuts.contains(&cut), "cut {}: {:?}", cut, decoded);
            }
        }
    }

    #[test]
    fn builder_never_writes_out_of_bounds(
        size in 0usize..512,
        header in family_header(),
        ops in vec(op(300), 0..40),
    ) {
        run_ops(size, &header, &ops);
    }

    #[test]
    fn builder_survives_nest_tokens_in_any_order(
        size in 0usize..512,
        ops in vec(op(64), 0..40),
    ) {
        run_ops_any_order(size, &ops);
    }
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn every_strict_prefix_of_a_datagram_is_an_error(messages in vec(any_message(), 1..5)) {
        check_every_prefix(&messages.concat());
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// Nests opened far more often than closed: the builder tracks `MAX_NEST_DEPTH` of them,
    /// refuses one more with `NestTooDeep` and nothing changed, and the rest still round-trips.
    #[test]
    fn builder_refuses_nests_deeper_than_it_tracks(
        ops in vec(
            prop_oneof![
                8 => any::<u16>().prop_map(Op::NestStart),
                2 => (any::<u16>(), 0usize..12, any::<u8>()).prop_map(|(t, n, s)| Op::Put(t, n, s)),
                1 => any::<usize>().prop_map(Op::NestEnd),
                1 => any::<usize>().prop_map(Op::NestCancel),
            ],
            10..60,
        ),
    ) {
        run_ops(4096, &[], &ops);
    }

    /// A tree deeper than the builder tracks fails with `NestTooDeep` and leaves the message as
    /// it was; one exactly as deep round-trips.
    #[test]
    fn trees_deeper_than_the_nest_stack_are_refused(
        extra in 0usize..3,
        ty in 1u16..=200,
        payload in vec(any::<u8>(), 0..8),
    ) {
        let depth = MAX_NEST_DEPTH + extra;
        let mut node = leaf(ty, payload);
        for _ in 0..depth {
            node = nest(ty, vec![node]);
        }
        let mut buf = vec![0xa5u8; 4096];
        let mut b = MessageBuilder::new(&mut buf, rtm::NEWLINK, 0, 1).unwrap();
        b.put_u32(1, 7).unwrap();
        let before = b.as_bytes().to_vec();
        let result = tree::build(&mut b, std::slice::from_ref(&node));
        if depth > MAX_NEST_DEPTH {
            prop_assert_eq!(result, Err(Error::NestTooDeep { attr: ty, max: MAX_NEST_DEPTH }));
            prop_assert_eq!(b.as_bytes(), &before[..]);
        } else {
            prop_assert_eq!(result, Ok(()));
            let bytes = b.finish();
            tree::check(Attrs::with_offset(&bytes[24..], 24), &[node]);
        }
    }
}

proptest! {
    #![proptest_config(config(12))]

    /// Payloads and nests beyond what `nla_len` can hold: `AttrTooLarge`, never a wrapped length.
    #[test]
    fn builder_refuses_oversized_attributes(
        ops in vec(
            prop_oneof![
                3 => (any::<u16>(), prop_oneof![0usize..64, 20_000usize..=65_540], any::<u8>())
                    .prop_map(|(t, n, s)| Op::Put(t, n, s)),
                2 => any::<u16>().prop_map(Op::NestStart),
                2 => any::<usize>().prop_map(Op::NestEnd),
                1 => any::<usize>().prop_map(Op::NestCancel),
            ],
            0..14,
        ),
        size in prop_oneof![Just(200_000usize), 60_000usize..140_000],
    ) {
        run_ops(size, &[], &ops);
    }
}

#[test]
fn every_strict_prefix_of_each_fixture_is_an_error() {
    let mut walked = 0;
    for name in SMALL_FIXTURES {
        let bytes = fixture(name);
        check_every_prefix(&bytes);
        walked += 1;
    }
    // The link dumps are large: every prefix of their first messages, every 7th after that, and
    // every accessor on a few of them.
    for name in ["links.bin", "links_2001.bin"] {
        let links = fixture(name);
        let first: usize = Messages::new(&links)
            .take(3)
            .map(|m| m.unwrap().bytes().len().next_multiple_of(4))
            .sum();
        check_every_prefix(&links[..first]);
        let end = links.len().min(200_000);
        check_prefixes(&links, (first..end).step_by(7));
        for cut in (first..end).step_by(20_011) {
            exercise::exercise_datagram(&links[..cut]);
        }
        walked += 1;
    }
    eprintln!("{walked} fixture files walked");
}

#[test]
fn every_fixture_message_passes_every_accessor() {
    let mut names: Vec<&str> = SMALL_FIXTURES.to_vec();
    names.push("links.bin");
    for name in names {
        let bytes = fixture(name);
        let total = Messages::new(&bytes).count();
        assert_eq!(exercise::exercise_datagram(&bytes), total, "{name}");
        for message in Messages::new(&bytes) {
            let message = message.unwrap();
            assert!(message.decode().is_ok(), "{name}: {:?}", message.decode());
        }
    }
    let big = fixture("links_2001.bin");
    let first: usize = Messages::new(&big)
        .take(60)
        .map(|m| m.unwrap().bytes().len().next_multiple_of(4))
        .sum();
    assert_eq!(exercise::exercise_datagram(&big[..first]), 60);
    for message in Messages::new(&big) {
        assert!(message.unwrap().decode().is_ok());
    }
}

#[test]
fn peek_name_reads_what_parse_reads_in_every_link_of_the_dumps() {
    for name in ["links.bin", "links_2001.bin"] {
        let bytes = fixture(name);
        let mut named = 0;
        for message in Messages::new(&bytes) {
            let message = message.unwrap();
            if message.ty() != rtm::NEWLINK {
                assert!(LinkMessage::peek_name(message).is_err(), "{name}");
                continue;
            }
            let link = LinkMessage::parse(message).unwrap();
            let (header, peeked) = LinkMessage::peek_name(message).unwrap();
            assert_eq!(header, link.header(), "{name}");
            assert_eq!(peeked, link.name_bytes(), "{name}");
            named += usize::from(peeked.is_some_and(|n| !n.is_empty()));
        }
        assert!(named > 2, "{name}: {named} named links");
    }
}

#[test]
fn each_view_parse_is_exercised_on_the_kernels_error_replies() {
    for (name, errno, text) in error_fixtures::ERROR_REPLIES {
        let bytes = fixture(name);
        let message = Message::parse(&bytes).unwrap();
        let error = ErrorMessage::parse(message).unwrap();
        assert_eq!(error.errno(), errno, "{name}");
        assert_eq!(error.ext_ack().message(), text, "{name}");
        assert!(DoneMessage::parse(message).is_err());
    }
    let strict = fixture("err_strict_dump.bin");
    let done = DoneMessage::parse(Message::parse(&strict).unwrap()).unwrap();
    assert_eq!(done.errno(), 22);
    assert_eq!(
        done.ext_ack().message(),
        Some("Invalid values in header for link dump request")
    );
    let missing = fixture("err_missing_attr.bin");
    let error = ErrorMessage::parse(Message::parse(&missing).unwrap()).unwrap();
    assert_eq!(error.ext_ack().missing_type(), Some(1));
}

proptest! {
    #![proptest_config(config(24))]

    /// A known attribute whose payload is too short for its type (under 4 bytes for an
    /// address) makes `parse` fail, naming it; any other size parses, and the accessor reads the
    /// first bytes (checked by `exercise`). Every typed field of the family, at sizes around
    /// what it needs.
    #[test]
    fn wrong_sized_known_attributes_fail_parse_naming_them(
        (message, fields) in valid_view_message(),
        noise in vec(any::<u8>(), 200),
    ) {
        for (ty, shape) in fields {
            let min = requirement(shape).unwrap_or(0);
            let mut sizes = vec![0, 1, 2, 3, 4, 5, 7, 8, 12, 15, 16, 17, 33, min + 1, min];
            sizes.extend(min.checked_sub(1));
            sizes.sort_unstable();
            sizes.dedup();
            for len in sizes {
                let payload = &noise[..len];
                let mut bytes = message.clone();
                let offset = bytes.len();
                tree::encode(&[leaf(ty, payload.to_vec())], &mut bytes);
                fix_first_length(&mut bytes);
                let decoded = Message::parse(&bytes).unwrap().decode();
                let expected_error = requirement(shape).filter(|&min| len < min);
                match expected_error {
                    Some(needed) => prop_assert_eq!(
                        decoded.map(drop),
                        Err(Error::AttrPayload { attr: ty, needed, len, offset }),
                        "type {} with {} bytes", ty, len
                    ),
                    None => prop_assert!(decoded.is_ok(), "type {} with {} bytes: {:?}", ty, len, decoded),
                }
                exercise::exercise_datagram(&bytes);
            }
        }
    }
}
