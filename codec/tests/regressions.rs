//! Inputs that broke, or that broke other netlink libraries, kept as bytes so they stay fixed.
//!
//! Each test states what the codec must answer (the exact error, or the value) and then runs the
//! shared `exercise` over the bytes, which touches every accessor of every view. Crashes found by
//! the fuzzers (`fuzz/`) and failures found by `props.rs` land here with their bytes inline.
//! A test of a bug not fixed yet is `#[ignore = "bug: ..."]` until it is.
#![allow(
    missing_docs,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

#[path = "common/exercise.rs"]
mod exercise;

use rtnl_codec::{
    Attrs, Error, ErrorMessage, Layer, LinkMessage, Message, MessageBuilder, Messages, Payload,
    RouteMessage, ifla, ifla_info, nlmsg, rta, rtm,
};

/// A 16-byte `nlmsghdr` with the given length, type and flags, then `body`.
fn message(len: u32, ty: u16, flags: u16, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&len.to_ne_bytes());
    out.extend_from_slice(&ty.to_ne_bytes());
    out.extend_from_slice(&flags.to_ne_bytes());
    out.extend_from_slice(&[0; 8]);
    out.extend_from_slice(body);
    out
}

/// The same, with `nlmsg_len` set to the bytes there.
fn whole(ty: u16, flags: u16, body: &[u8]) -> Vec<u8> {
    message(16 + body.len() as u32, ty, flags, body)
}

fn decode(bytes: &[u8]) -> Result<Payload<'_>, Error> {
    Message::parse(bytes)?.decode()
}

const IFINFOMSG: [u8; 16] = [0; 16];

// ---------------------------------------------------------------------------------------------
// What netlink-packet-route panicked on (STYLE.md, "What not to copy")

/// netlink-packet-route #100: a fixed-size link attribute shorter than its type ("range end index
/// 4 out of range for slice of length 3"). Here: an `AttrPayload` error from parse.
#[test]
fn short_fixed_size_link_attribute_is_an_error() {
    // IFLA_MTU with 3 bytes.
    let body = [&IFINFOMSG[..], &[7, 0, 4, 0, 0xdc, 0x05, 0, 0]].concat();
    let bytes = whole(rtm::NEWLINK, 0, &body);
    assert_eq!(
        decode(&bytes).map(drop),
        Err(Error::AttrPayload {
            attr: ifla::MTU,
            needed: 4,
            len: 3,
            offset: 32
        })
    );
    exercise::exercise_datagram(&bytes);
}

/// netlink-packet-route #143: `LinkMessage::parse` sliced past the end of the message ("range end
/// index 96 out of range for slice of length 92"): an attribute longer than what is left.
#[test]
fn attribute_longer_than_its_message_is_an_error() {
    let body = [&IFINFOMSG[..], &[64, 0, 3, 0, b'e', b't', b'h', 0]].concat();
    let bytes = whole(rtm::NEWLINK, 0, &body);
    assert_eq!(
        decode(&bytes).map(drop),
        Err(Error::Truncated {
            layer: Layer::Attribute,
            needed: 64,
            available: 8,
            offset: 32
        })
    );
    exercise::exercise_datagram(&bytes);
}

/// A message shorter than its family header.
#[test]
fn link_message_shorter_than_ifinfomsg_is_an_error() {
    let bytes = whole(rtm::NEWLINK, 0, &[0; 12]);
    assert_eq!(
        decode(&bytes).map(drop),
        Err(Error::Truncated {
            layer: Layer::FamilyHeader,
            needed: 16,
            available: 12,
            offset: 16
        })
    );
    exercise::exercise_datagram(&bytes);
}

// ---------------------------------------------------------------------------------------------
// Lengths that loop or wrap in naive walkers

/// `nla_len` 0..=3: a walker that advances by `nla_len` never moves.
#[test]
fn attribute_lengths_below_the_header_end_the_walk() {
    for len in 0u8..4 {
        let run = [len, 0, 1, 0, 0, 0, 0, 0];
        let mut attrs = Attrs::new(&run);
        assert_eq!(
            attrs.next(),
            Some(Err(Error::BadLength {
                layer: Layer::Attribute,
                len: usize::from(len),
                min: 4,
                offset: 0
            }))
        );
        assert_eq!(attrs.next(), None);
        let body = [&IFINFOMSG[..], &run].concat();
        exercise::exercise_datagram(&whole(rtm::NEWLINK, 0, &body));
    }
}

/// `nlmsg_len` 0 and `u32::MAX`: no endless loop, no overflow.
#[test]
fn message_lengths_zero_and_max() {
    let zero = message(0, rtm::NEWLINK, 0, &[]);
    assert_eq!(
        Messages::new(&zero).collect::<Vec<_>>(),
        [Err(Error::BadLength {
            layer: Layer::Message,
            len: 0,
            min: 16,
            offset: 0
        })]
    );
    let max = message(u32::MAX, rtm::NEWLINK, 0, &IFINFOMSG);
    assert_eq!(
        Messages::new(&max).collect::<Vec<_>>(),
        [Err(Error::Truncated {
            layer: Layer::Message,
            needed: u32::MAX as usize,
            available: 32,
            offset: 0
        })]
    );
    exercise::exercise_datagram(&zero);
    exercise::exercise_datagram(&max);
}

/// `rtnh_len` 0 in `RTA_MULTIPATH`: a walker that advances by it never moves.
#[test]
fn nexthop_length_zero_is_an_error() {
    let rtmsg = [2u8, 24, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0];
    let multipath = [12u8, 0, 9, 0, 0, 0, 0, 0, 2, 0, 0, 0];
    let bytes = whole(rtm::NEWROUTE, 0, &[&rtmsg[..], &multipath].concat());
    assert_eq!(
        decode(&bytes).map(drop),
        Err(Error::BadLength {
            layer: Layer::Nexthop,
            len: 0,
            min: 8,
            offset: 32
        })
    );
    assert!(RouteMessage::parse(Message::parse(&bytes).unwrap()).is_err());
    exercise::exercise_datagram(&bytes);
}

/// A next hop longer than `RTA_MULTIPATH`.
#[test]
fn nexthop_longer_than_multipath_is_an_error() {
    let rtmsg = [2u8, 24, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0];
    let multipath = [12u8, 0, rta::MULTIPATH as u8, 0, 16, 0, 0, 0, 2, 0, 0, 0];
    let bytes = whole(rtm::NEWROUTE, 0, &[&rtmsg[..], &multipath].concat());
    assert_eq!(
        decode(&bytes).map(drop),
        Err(Error::Truncated {
            layer: Layer::Nexthop,
            needed: 16,
            available: 8,
            offset: 32
        })
    );
    exercise::exercise_datagram(&bytes);
}

// ---------------------------------------------------------------------------------------------
// NLMSG_ERROR and NLMSG_DONE

/// netlink-packet-core #43: an `NLMSG_ERROR` too short for `struct nlmsgerr`.
#[test]
fn error_shorter_than_nlmsgerr_is_an_error() {
    let bytes = whole(nlmsg::ERROR, 0, &[0xea, 0xff, 0xff, 0xff, 0, 0]);
    assert_eq!(
        decode(&bytes).map(drop),
        Err(Error::Truncated {
            layer: Layer::ErrorHeader,
            needed: 20,
            available: 6,
            offset: 16
        })
    );
    exercise::exercise_datagram(&bytes);
}

/// An uncapped error whose echoed header claims a request far longer than what follows (and
/// one claiming `u32::MAX`, which must not wrap when 4 is added).
#[test]
fn error_echo_longer_than_the_message_is_an_error() {
    for claimed in [64u32, u32::MAX] {
        let mut body = vec![0xea, 0xff, 0xff, 0xff];
        body.extend_from_slice(&message(claimed, rtm::NEWLINK, 5, &[])[..16]);
        let bytes = whole(nlmsg::ERROR, 0, &body);
        assert_eq!(
            decode(&bytes).map(drop),
            Err(Error::Truncated {
                layer: Layer::ErrorHeader,
                needed: (claimed as usize).saturating_add(4),
                available: 20,
                offset: 16
            }),
            "claimed {claimed}"
        );
        exercise::exercise_datagram(&bytes);
    }
}

/// `NLM_F_CAPPED` with an echoed header that claims more: only the header was echoed, and the
/// extended-ack attributes follow it.
#[test]
fn capped_error_reads_tlvs_after_the_header() {
    let mut body = vec![0xea, 0xff, 0xff, 0xff];
    body.extend_from_slice(&message(1000, rtm::NEWLINK, 5, &[])[..16]);
    body.extend_from_slice(&[8, 0, 1, 0, b'n', b'o', b'!', 0]);
    let bytes = whole(nlmsg::ERROR, 0x300, &body);
    let Ok(Payload::Error(error)) = decode(&bytes) else {
        panic!("{:?}", decode(&bytes));
    };
    assert_eq!(error.errno(), 22);
    assert_eq!(error.request_bytes().len(), 16);
    assert_eq!(error.ext_ack().message(), Some("no!"));
    exercise::exercise_datagram(&bytes);
}

/// `NLMSG_DONE` with 1 to 3 payload bytes: not an error code, not empty.
#[test]
fn done_with_a_partial_error_code_is_an_error() {
    for n in 1..4 {
        let bytes = whole(nlmsg::DONE, 0, &[0; 3][..n]);
        assert_eq!(
            decode(&bytes).map(drop),
            Err(Error::Truncated {
                layer: Layer::Message,
                needed: 20,
                available: 16 + n,
                offset: 0
            })
        );
        exercise::exercise_datagram(&bytes);
    }
}

/// An extended-ack attribute that overruns the message.
#[test]
fn broken_ext_ack_is_an_error() {
    let body = [0xea, 0xff, 0xff, 0xff, 40, 0, 1, 0, b'x', 0, 0, 0];
    let bytes = whole(nlmsg::DONE, 0x200, &body);
    assert_eq!(
        decode(&bytes).map(drop),
        Err(Error::Truncated {
            layer: Layer::Attribute,
            needed: 40,
            available: 8,
            offset: 20
        })
    );
    exercise::exercise_datagram(&bytes);
}

// ---------------------------------------------------------------------------------------------
// Nests

/// `IFLA_LINKINFO` whose inner attribute overruns it (but not the message).
#[test]
fn linkinfo_overrun_is_an_error() {
    let linkinfo = [12u8, 0, 18, 0, 12, 0, 1, 0, b'v', b'e', b't', b'h'];
    let bytes = whole(rtm::NEWLINK, 0, &[&IFINFOMSG[..], &linkinfo].concat());
    assert_eq!(
        decode(&bytes).map(drop),
        Err(Error::Truncated {
            layer: Layer::Attribute,
            needed: 12,
            available: 8,
            offset: 36
        })
    );
    exercise::exercise_datagram(&bytes);
}

/// A kind whose data the crate types, with data of the wrong size: parse fails rather than the
/// kind view later.
#[test]
fn vlan_data_of_the_wrong_size_is_an_error() {
    let linkinfo = [
        24u8, 0, 18, 0, // IFLA_LINKINFO
        9, 0, 1, 0, b'v', b'l', b'a', b'n', 0, 0, 0, 0, // IFLA_INFO_KIND "vlan"
        8, 0, 2, 0, // IFLA_INFO_DATA
        4, 0, 1, 0, // IFLA_VLAN_ID, empty
    ];
    let bytes = whole(rtm::NEWLINK, 0, &[&IFINFOMSG[..], &linkinfo].concat());
    assert_eq!(
        decode(&bytes).map(drop),
        Err(Error::AttrPayload {
            attr: 1,
            needed: 2,
            len: 0,
            offset: 52
        })
    );
    exercise::exercise_datagram(&bytes);
}

/// 4,000 nests inside each other: walked without recursion, no stack overflow.
#[test]
fn deep_nesting_does_not_recurse() {
    let depth = 4000usize;
    let mut body = IFINFOMSG.to_vec();
    for level in 0..depth {
        let len = (4 * (depth - level)) as u16;
        body.extend_from_slice(&len.to_ne_bytes());
        body.extend_from_slice(&(ifla::AF_SPEC | 0x8000).to_ne_bytes());
    }
    let bytes = whole(rtm::NEWLINK, 0, &body);
    let Ok(Payload::Link(link)) = decode(&bytes) else {
        panic!("{:?}", decode(&bytes));
    };
    let mut attr = link.attr(ifla::AF_SPEC).unwrap();
    let mut levels = 1;
    while let Some(inner) = attr.nested().next() {
        attr = inner.unwrap();
        levels += 1;
    }
    assert_eq!(levels, depth);
    exercise::exercise_datagram(&bytes);
}

// ---------------------------------------------------------------------------------------------
// The builder

/// Found by `props.rs` (`builder_survives_nest_tokens_in_any_order`): ending a nest after its
/// parent was cancelled wrote its `nla_len` at a stale offset, by then inside a later
/// attribute, whose payload silently changed (`IFLA_IFALIAS` 1..8 became 8,0,3..8). Fixed: the
/// builder keeps its open nests on a stack and refuses any token that is not the innermost
/// open nest; here the parent's cancel is refused while its child is open, and once the child
/// is gone the parent's cancel drops both.
#[test]
fn a_parent_cannot_be_cancelled_under_an_open_child() {
    let mut buf = [0xa5u8; 64];
    let mut b = MessageBuilder::new(&mut buf, rtm::NEWLINK, 0, 1).unwrap();
    let outer = b.nest_start(ifla::LINKINFO).unwrap();
    let inner = b.nest_start(ifla_info::DATA).unwrap();
    let before = b.len();
    assert_eq!(
        b.nest_cancel(outer),
        Err(Error::NestNotOpen {
            attr: ifla::LINKINFO
        })
    );
    assert_eq!(b.len(), before, "a refused cancel changes nothing");
    b.put(ifla::IFALIAS, &[1, 2, 3, 4, 5, 6, 7, 8]).unwrap();
    b.nest_end(inner).unwrap();
    b.nest_cancel(outer).unwrap();
    assert_eq!(b.len(), 16, "the parent's cancel dropped the child too");
    b.put(ifla::IFALIAS, &[1, 2, 3, 4, 5, 6, 7, 8]).unwrap();
    let bytes = b.finish();
    let alias = Attrs::new(&bytes[16..]).next().unwrap().unwrap();
    assert_eq!(alias.payload(), &[1, 2, 3, 4, 5, 6, 7, 8]);
}

/// Ending an outer nest before its inner one wrote the inner nest's length past the outer's
/// end, so the message no longer parsed as a tree. Fixed: refused with `NestNotOpen`, nothing
/// changed, and the nests then close in order.
#[test]
fn nest_end_out_of_order_is_refused() {
    let mut buf = [0xa5u8; 64];
    let mut b = MessageBuilder::new(&mut buf, rtm::NEWLINK, 0, 1).unwrap();
    b.header(&rtnl_codec::raw::IfInfoMsg::default()).unwrap();
    let outer = b.nest_start(ifla::LINKINFO).unwrap();
    let inner = b.nest_start(ifla_info::DATA).unwrap();
    b.put_u32(1, 7).unwrap();
    let before = b.len();
    assert_eq!(
        b.nest_end(outer).map(drop),
        Err(Error::NestNotOpen {
            attr: ifla::LINKINFO
        })
    );
    assert_eq!(b.len(), before);
    b.nest_end(inner).unwrap();
    b.nest_end(outer).unwrap();
    b.put_u32(ifla::MTU, 1500).unwrap();
    let bytes = b.finish().to_vec();
    let link = LinkMessage::parse(Message::parse(&bytes).unwrap()).unwrap();
    assert_eq!(link.mtu(), Some(1500));
    assert_eq!(link.info_data().unwrap().count(), 1);
}

/// Writes into a buffer exactly one byte too small for the attribute: `BufferFull`, nothing
/// changed, nothing written past the buffer.
#[test]
fn builder_one_byte_short() {
    let mut buf = [0xa5u8; 16 + 7];
    let mut b = MessageBuilder::new(&mut buf, rtm::GETLINK, 0, 1).unwrap();
    assert_eq!(
        b.put(ifla::IFNAME, &[b'a'; 4]).map(drop),
        Err(Error::BufferFull {
            needed: 8,
            available: 7
        })
    );
    assert_eq!(b.len(), 16);
    assert!(buf[16..].iter().all(|&b| b == 0xa5));
    let _ = ErrorMessage::parse(Message::parse(&buf[..16]).unwrap());
}
