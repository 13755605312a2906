//! A structured attribute tree and a buffer size: build it with `MessageBuilder` (put,
//! nest_start, nest_end), then
//!
//! - when it fits: the bytes are exactly the reference encoding, and parsing them back gives
//!   the same tree (types with flags, payloads, order, offsets);
//! - when an attribute does not fit (`BufferFull`), is too large for `nla_len`
//!   (`AttrTooLarge`) or nests deeper than the builder tracks (`NestTooDeep`, only then): only
//!   those errors, the message is left as it was before that attribute, and the build goes on
//!   with the next one;
//! - always: nothing is written past the buffer given to the builder.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use rtnl_codec::raw::{IfAddrMsg, IfInfoMsg, RtGenMsg, RtMsg};
use rtnl_codec::{Attrs, Error, MAX_NEST_DEPTH, MessageBuilder, Messages};

#[path = "../../codec/tests/common/exercise.rs"]
mod exercise;
#[path = "../../codec/tests/common/tree.rs"]
mod tree;

use tree::{Body, Node};

#[derive(Arbitrary, Debug)]
enum Payload<'a> {
    /// These bytes.
    Bytes(&'a [u8]),
    /// `len` copies of `fill`: large payloads from small inputs, to reach `nla_len`'s limit.
    Fill { len: u16, fill: u8 },
}

#[derive(Arbitrary, Debug)]
enum ANode<'a> {
    Leaf { ty: u16, payload: Payload<'a> },
    Nest { ty: u16, children: Vec<ANode<'a>> },
}

#[derive(Arbitrary, Debug)]
enum Header {
    None,
    Link([u8; 16]),
    Addr([u8; 8]),
    Route([u8; 12]),
    Gen([u8; 4]),
}

#[derive(Arbitrary, Debug)]
struct Input<'a> {
    size: u32,
    ty: u16,
    flags: u16,
    seq: u32,
    header: Header,
    nodes: Vec<ANode<'a>>,
}

fn node(a: &ANode<'_>) -> Node {
    match a {
        ANode::Leaf { ty, payload } => Node {
            raw_type: *ty,
            body: Body::Leaf(match payload {
                Payload::Bytes(b) => b.to_vec(),
                Payload::Fill { len, fill } => vec![*fill; usize::from(*len)],
            }),
        },
        ANode::Nest { ty, children } => Node {
            raw_type: *ty,
            body: Body::Nest(children.iter().map(node).collect()),
        },
    }
}

fn header_bytes(header: &Header) -> Vec<u8> {
    match header {
        Header::None => Vec::new(),
        Header::Link(b) => b.to_vec(),
        Header::Addr(b) => b.to_vec(),
        Header::Route(b) => b.to_vec(),
        Header::Gen(b) => b.to_vec(),
    }
}

fn put_header(b: &mut MessageBuilder<'_>, header: &Header) -> Result<(), Error> {
    use zerocopy::FromBytes;
    match header {
        Header::None => Ok(()),
        Header::Link(h) => b.header(&IfInfoMsg::read_from_bytes(h).unwrap()).map(drop),
        Header::Addr(h) => b.header(&IfAddrMsg::read_from_bytes(h).unwrap()).map(drop),
        Header::Route(h) => b.header(&RtMsg::read_from_bytes(h).unwrap()).map(drop),
        Header::Gen(h) => b.header(&RtGenMsg::read_from_bytes(h).unwrap()).map(drop),
    }
}

/// How many nests are open at once while writing `node`'s innermost attribute.
fn nest_depth(node: &Node) -> usize {
    match &node.body {
        Body::Leaf(_) => 0,
        Body::Nest(children) => 1 + children.iter().map(nest_depth).max().unwrap_or(0),
    }
}

const GUARD: usize = 64;

fuzz_target!(|input: Input<'_>| {
    let size = input.size as usize % 200_000;
    let nodes: Vec<Node> = input.nodes.iter().map(node).collect();
    let mut buf = vec![0xa5u8; size + GUARD];
    let (built, header) = {
        if tree::header_refused(&mut buf, size, input.ty, input.flags, input.seq) {
            return;
        }
        let mut b =
            MessageBuilder::new(&mut buf[..size], input.ty, input.flags, input.seq).unwrap();
        let header = match put_header(&mut b, &input.header) {
            Ok(()) => header_bytes(&input.header),
            Err(Error::BufferFull { .. }) => {
                assert_eq!(b.len(), 16);
                Vec::new()
            }
            Err(e) => panic!("header: {e:?}"),
        };
        // Each top-level attribute in turn: those that fail leave the message as it was.
        let mut written = Vec::new();
        for node in &nodes {
            let before = b.as_bytes().to_vec();
            match tree::build(&mut b, std::slice::from_ref(node)) {
                Ok(()) => written.push(node.clone()),
                Err(Error::BufferFull { .. } | Error::AttrTooLarge { .. }) => {
                    assert_eq!(b.as_bytes(), &before[..], "a failed attribute left bytes");
                }
                Err(Error::NestTooDeep { max, .. }) => {
                    assert_eq!(max, MAX_NEST_DEPTH);
                    assert!(nest_depth(node) > max, "refused a nest within the limit");
                    assert_eq!(b.as_bytes(), &before[..], "a failed attribute left bytes");
                }
                Err(e) => panic!("unexpected {e:?}"),
            }
        }
        (written, header)
    };
    assert!(
        buf[size..].iter().all(|&b| b == 0xa5),
        "written past the buffer"
    );

    let len = u32::from_ne_bytes(buf[..4].try_into().unwrap()) as usize;
    let bytes = &buf[..len];
    let mut expected = Vec::new();
    expected.extend_from_slice(&(len as u32).to_ne_bytes());
    expected.extend_from_slice(&input.ty.to_ne_bytes());
    expected.extend_from_slice(&input.flags.to_ne_bytes());
    expected.extend_from_slice(&input.seq.to_ne_bytes());
    expected.extend_from_slice(&[0; 4]);
    expected.extend_from_slice(&header);
    tree::encode(&built, &mut expected);
    assert_eq!(
        bytes,
        &expected[..],
        "built bytes differ from the reference encoding"
    );

    let mut messages = Messages::new(bytes);
    let message = messages.next().unwrap().unwrap();
    assert!(messages.next().is_none());
    assert_eq!(
        (message.ty(), message.flags(), message.seq(), message.pid()),
        (input.ty, input.flags, input.seq, 0)
    );
    let start = 16 + header.len();
    let attrs = Attrs::with_offset(&bytes[start..], start);
    tree::check(attrs.clone(), &built);
    tree::check_offsets(attrs, &built, start);
    exercise::exercise_datagram(bytes);
});
