//! An attribute tree as plain data, a reference encoder that writes it the way the kernel's
//! `nla_put()` does, and a walk that compares parsed attributes with it.
//!
//! Shared by `codec/tests/props.rs` and the `build_roundtrip` fuzz target (included with
//! `#[path]`), so the property test and the fuzzer check the same round trip.
#![allow(dead_code, clippy::indexing_slicing, clippy::unwrap_used)]

use rtnl_codec::{Attrs, Error, MessageBuilder};

/// One attribute: its `nla_type` as sent (flag bits included) and a payload or children.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    pub raw_type: u16,
    pub body: Body,
}

/// What an attribute carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    Leaf(Vec<u8>),
    Nest(Vec<Node>),
}

impl Node {
    /// Its length on the wire, padding included.
    pub fn wire_len(&self) -> usize {
        4 + match &self.body {
            Body::Leaf(payload) => payload.len().next_multiple_of(4),
            Body::Nest(children) => children.iter().map(Node::wire_len).sum(),
        }
    }

    /// Its payload length, without header and trailing padding (a nest's children are padded).
    pub fn payload_len(&self) -> usize {
        match &self.body {
            Body::Leaf(payload) => payload.len(),
            Body::Nest(children) => children.iter().map(Node::wire_len).sum(),
        }
    }
}

/// Appends `nodes` to `out` as the kernel writes them: header, payload, zero padding to 4.
pub fn encode(nodes: &[Node], out: &mut Vec<u8>) {
    for node in nodes {
        let len = u16::try_from(4 + node.payload_len()).expect("tree too large for nla_len");
        out.extend_from_slice(&len.to_ne_bytes());
        out.extend_from_slice(&node.raw_type.to_ne_bytes());
        match &node.body {
            Body::Leaf(payload) => {
                out.extend_from_slice(payload);
                out.resize(out.len().next_multiple_of(4), 0);
            }
            Body::Nest(children) => encode(children, out),
        }
    }
}

/// The encoded bytes of `nodes`.
pub fn encoded(nodes: &[Node]) -> Vec<u8> {
    let mut out = Vec::new();
    encode(nodes, &mut out);
    out
}

/// Writes `nodes` with the builder: `put` for leaves, `nest_start`/`nest_end` for nests. Stops at
/// the first error; an unfinished nest is cancelled so the message stays whole.
pub fn build(builder: &mut MessageBuilder<'_>, nodes: &[Node]) -> Result<(), Error> {
    for node in nodes {
        match &node.body {
            Body::Leaf(payload) => {
                builder.put(node.raw_type, payload)?;
            }
            Body::Nest(children) => {
                let nest = builder.nest_start(node.raw_type)?;
                if let Err(error) = build(builder, children) {
                    // The children closed or cancelled their own nests, so this one is the
                    // innermost open nest again.
                    builder.nest_cancel(nest)?;
                    return Err(error);
                }
                builder.nest_end(nest)?;
            }
        }
    }
    Ok(())
}

/// Walks `attrs` against `nodes`: the same types (flags included), payloads and order, nests
/// recursed into, offsets where the reference encoding puts them, and nothing more.
pub fn check(attrs: Attrs<'_>, nodes: &[Node]) {
    let mut attrs = attrs;
    for (i, node) in nodes.iter().enumerate() {
        let attr = match attrs.next() {
            Some(Ok(attr)) => attr,
            Some(Err(error)) => panic!("attribute {i}: {error}"),
            None => panic!("attribute {i} missing"),
        };
        assert_eq!(attr.raw_type(), node.raw_type, "attribute {i}: type");
        assert_eq!(attr.ty(), node.raw_type & 0x3fff);
        assert_eq!(attr.is_nested(), node.raw_type & 0x8000 != 0);
        match &node.body {
            Body::Leaf(payload) => assert_eq!(attr.payload(), &payload[..], "attribute {i}"),
            Body::Nest(children) => {
                assert_eq!(attr.payload().len(), node.payload_len(), "nest {i}: length");
                let nested = attr.nested();
                check(nested, children);
            }
        }
    }
    assert!(attrs.next().is_none(), "more attributes than were written");
}

/// Checks that attribute offsets in a message built from `nodes` after `start` bytes are where
/// the reference encoding puts them.
pub fn check_offsets(attrs: Attrs<'_>, nodes: &[Node], start: usize) {
    let mut at = start;
    for (attr, node) in attrs.zip(nodes) {
        let attr = attr.unwrap();
        assert_eq!(attr.offset(), at);
        if let Body::Nest(children) = &node.body {
            check_offsets(attr.nested(), children, at + 4);
        }
        at += node.wire_len();
    }
}

/// Whether `MessageBuilder::new` over the first `size` bytes of `buf` (filled with 0xa5) is
/// refused; if so, checks it was for want of the 16 header bytes and wrote nothing.
pub fn header_refused(buf: &mut [u8], size: usize, ty: u16, flags: u16, seq: u32) -> bool {
    let Err(error) = MessageBuilder::new(&mut buf[..size], ty, flags, seq) else {
        return false;
    };
    assert!(size < 16);
    assert_eq!(
        error,
        Error::BufferFull {
            needed: 16,
            available: size
        }
    );
    assert!(buf.iter().all(|&b| b == 0xa5));
    true
}
