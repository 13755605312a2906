//! The kernel's uapi structs, byte for byte.
//!
//! Each struct is `#[repr(C)]` with native-endian fields (netlink is host-endian) and no
//! alignment requirement, so any byte slice of the right length can be viewed as one without
//! copying and without `unsafe`: `IfInfoMsg::ref_from_prefix(bytes)` can only fail on size.
//! Field names are the kernel's. Sizes are pinned at compile time against the C layout.

use static_assertions::const_assert_eq;
use zerocopy::byteorder::native_endian::{I32, U16, U32, U64};
use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use crate::{nlm_f, nlmsg};

/// The derives every wire struct carries.
macro_rules! wire_struct {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$fmeta:meta])* pub $field:ident : $ty:ty,)* } = $size:expr;) => {
        $(#[$meta])*
        #[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        #[repr(C)]
        pub struct $name { $($(#[$fmeta])* pub $field: $ty,)* }
        const_assert_eq!(core::mem::size_of::<$name>(), $size);
        impl $name {
            /// The struct's size on the wire, in bytes.
            pub const SIZE: usize = $size;
        }
    };
}

wire_struct! {
    /// `struct nlmsghdr` (`<linux/netlink.h>`): the header of every netlink message.
    #[doc(alias = "nlmsghdr")]
    pub struct NlMsgHdr {
        /// `nlmsg_len`: length of the message including this header.
        pub nlmsg_len: U32,
        /// `nlmsg_type`: message type, e.g. `RTM_NEWLINK` or `NLMSG_ERROR`.
        pub nlmsg_type: U16,
        /// `nlmsg_flags`: `NLM_F_*` bits.
        pub nlmsg_flags: U16,
        /// `nlmsg_seq`: sequence number, echoed by the kernel in replies.
        pub nlmsg_seq: U32,
        /// `nlmsg_pid`: sending port id; 0 for messages from the kernel.
        pub nlmsg_pid: U32,
    } = 16;
}

impl NlMsgHdr {
    /// The header at the start of `bytes`, whatever its `nlmsg_len` says: for the first message
    /// of a datagram that did not fit the receive buffer, where [`Message::parse`] fails but the
    /// sequence number and port id still tell whose answer it was. `None` when `bytes` is
    /// shorter than a header.
    ///
    /// [`Message::parse`]: crate::Message::parse
    #[inline]
    pub fn peek(bytes: &[u8]) -> Option<&Self> {
        Self::ref_from_prefix(bytes).ok().map(|(header, _)| header)
    }

    /// Whether this header asks for a dump: a `GET` request type (rtnetlink numbers them
    /// `type % 4 == 2`, `RTM_GETLINK` and its kin) with both bits of `NLM_F_DUMP`
    /// (`NLM_F_ROOT | NLM_F_MATCH`) set. The kernel answers a dump with a run of messages and
    /// `NLMSG_DONE`, never with an acknowledgement, so a sender that waits for one ACK per
    /// request must refuse it.
    #[doc(alias = "NLM_F_DUMP")]
    #[inline]
    pub fn is_dump_request(&self) -> bool {
        let ty = self.nlmsg_type.get();
        ty >= nlmsg::MIN_TYPE && ty & 3 == 2 && self.nlmsg_flags.get() & nlm_f::DUMP == nlm_f::DUMP
    }
}

wire_struct! {
    /// `struct nlmsgerr` (`<linux/netlink.h>`): the payload of `NLMSG_ERROR`.
    ///
    /// Unless `NLM_F_CAPPED` is set the echoed request's payload follows `msg`; with
    /// `NLM_F_ACK_TLVS`, extended-ack attributes follow that.
    #[doc(alias = "nlmsgerr")]
    pub struct NlMsgErr {
        /// `error`: a negative errno, or 0 for an acknowledgement.
        pub error: I32,
        /// `msg`: the header of the request this answers.
        pub msg: NlMsgHdr,
    } = 20;
}

wire_struct! {
    /// `struct nlattr` / `struct rtattr` (`<linux/netlink.h>`, `<linux/rtnetlink.h>`): an
    /// attribute header; the two kernel structs have the same layout.
    #[doc(alias = "rtattr")]
    #[doc(alias = "nlattr")]
    pub struct NlAttr {
        /// `nla_len` / `rta_len`: header plus payload, without trailing padding.
        pub nla_len: U16,
        /// `nla_type` / `rta_type`: attribute type, with `NLA_F_NESTED` / `NLA_F_NET_BYTEORDER`.
        pub nla_type: U16,
    } = 4;
}

wire_struct! {
    /// `struct ifinfomsg` (`<linux/rtnetlink.h>`): the family header of `RTM_*LINK` messages.
    #[doc(alias = "ifinfomsg")]
    pub struct IfInfoMsg {
        /// `ifi_family`: `AF_UNSPEC` for links (AF_BRIDGE etc. for per-family link info).
        pub ifi_family: u8,
        /// `__ifi_pad`: padding, zero.
        pub ifi_pad: u8,
        /// `ifi_type`: device type, `ARPHRD_*`.
        pub ifi_type: U16,
        /// `ifi_index`: interface index; 0 in a request lets the kernel choose or match by name.
        pub ifi_index: I32,
        /// `ifi_flags`: `IFF_*` flags.
        pub ifi_flags: U32,
        /// `ifi_change`: in a request, the `IFF_*` bits of `ifi_flags` to change.
        pub ifi_change: U32,
    } = 16;
}

wire_struct! {
    /// `struct ifaddrmsg` (`<linux/if_addr.h>`): the family header of `RTM_*ADDR` messages.
    #[doc(alias = "ifaddrmsg")]
    pub struct IfAddrMsg {
        /// `ifa_family`: `AF_INET` or `AF_INET6`.
        pub ifa_family: u8,
        /// `ifa_prefixlen`: prefix length of the address.
        pub ifa_prefixlen: u8,
        /// `ifa_flags`: the low 8 `IFA_F_*` flags (`IFA_FLAGS` carries all 32).
        pub ifa_flags: u8,
        /// `ifa_scope`: address scope, `RT_SCOPE_*`.
        pub ifa_scope: u8,
        /// `ifa_index`: interface index the address is on.
        pub ifa_index: U32,
    } = 8;
}

wire_struct! {
    /// `struct rtmsg` (`<linux/rtnetlink.h>`): the family header of `RTM_*ROUTE` messages.
    #[doc(alias = "rtmsg")]
    pub struct RtMsg {
        /// `rtm_family`: `AF_INET` or `AF_INET6`.
        pub rtm_family: u8,
        /// `rtm_dst_len`: destination prefix length.
        pub rtm_dst_len: u8,
        /// `rtm_src_len`: source prefix length.
        pub rtm_src_len: u8,
        /// `rtm_tos`: TOS filter.
        pub rtm_tos: u8,
        /// `rtm_table`: routing table id, `RT_TABLE_COMPAT` (252) when above 255 (see `RTA_TABLE`).
        pub rtm_table: u8,
        /// `rtm_protocol`: who installed the route, `RTPROT_*`.
        pub rtm_protocol: u8,
        /// `rtm_scope`: distance to the destination, `RT_SCOPE_*`.
        pub rtm_scope: u8,
        /// `rtm_type`: route type, `RTN_*`.
        pub rtm_type: u8,
        /// `rtm_flags`: `RTM_F_*` flags.
        pub rtm_flags: U32,
    } = 12;
}

wire_struct! {
    /// `struct rtgenmsg` (`<linux/rtnetlink.h>`), padded to `NLMSG_ALIGN` as the kernel reads it:
    /// the family header of `RTM_*NSID` messages and of generic dumps.
    #[doc(alias = "rtgenmsg")]
    pub struct RtGenMsg {
        /// `rtgen_family`: address family, `AF_UNSPEC` for nsid messages.
        pub rtgen_family: u8,
        /// Padding up to 4 bytes, zero.
        pub pad: [u8; 3],
    } = 4;
}

wire_struct! {
    /// `struct ndmsg` (`<linux/neighbour.h>`): the family header of `RTM_*NEIGH` messages.
    #[doc(alias = "ndmsg")]
    pub struct NdMsg {
        /// `ndm_family`: address family.
        pub ndm_family: u8,
        /// `ndm_pad1`: padding, zero.
        pub ndm_pad1: u8,
        /// `ndm_pad2`: padding, zero.
        pub ndm_pad2: U16,
        /// `ndm_ifindex`: interface index.
        pub ndm_ifindex: I32,
        /// `ndm_state`: `NUD_*` state.
        pub ndm_state: U16,
        /// `ndm_flags`: `NTF_*` flags.
        pub ndm_flags: u8,
        /// `ndm_type`: route type of the entry, `RTN_*`.
        pub ndm_type: u8,
    } = 12;
}

wire_struct! {
    /// `struct nda_cacheinfo` (`<linux/neighbour.h>`): the payload of `NDA_CACHEINFO`; times
    /// are in clock ticks (`USER_HZ`, 100 a second) since the event.
    #[doc(alias = "nda_cacheinfo")]
    pub struct NdaCacheinfo {
        /// `ndm_confirmed`: ticks since the neighbour was last confirmed reachable.
        pub ndm_confirmed: U32,
        /// `ndm_used`: ticks since the entry was last used.
        pub ndm_used: U32,
        /// `ndm_updated`: ticks since the entry last changed.
        pub ndm_updated: U32,
        /// `ndm_refcnt`: references held on the entry, less the table's own.
        pub ndm_refcnt: U32,
    } = 16;
}

wire_struct! {
    /// `struct ifa_cacheinfo` (`<linux/if_addr.h>`): the payload of `IFA_CACHEINFO`.
    #[doc(alias = "ifa_cacheinfo")]
    pub struct IfaCacheinfo {
        /// `ifa_prefered`: preferred lifetime left, seconds; `u32::MAX` is forever.
        pub ifa_prefered: U32,
        /// `ifa_valid`: valid lifetime left, seconds; `u32::MAX` is forever.
        pub ifa_valid: U32,
        /// `cstamp`: creation time, hundredths of seconds since boot.
        pub cstamp: U32,
        /// `tstamp`: last update time, hundredths of seconds since boot.
        pub tstamp: U32,
    } = 16;
}

wire_struct! {
    /// `struct rta_cacheinfo` (`<linux/rtnetlink.h>`): the payload of `RTA_CACHEINFO`.
    #[doc(alias = "rta_cacheinfo")]
    pub struct RtaCacheinfo {
        /// `rta_clntref`: client references.
        pub rta_clntref: U32,
        /// `rta_lastuse`: jiffies since last use.
        pub rta_lastuse: U32,
        /// `rta_expires`: jiffies until the entry expires, 0 if it does not.
        pub rta_expires: I32,
        /// `rta_error`: last error.
        pub rta_error: U32,
        /// `rta_used`: use count.
        pub rta_used: U32,
        /// `rta_id`: IP id of the route cache entry.
        pub rta_id: U32,
        /// `rta_ts`: TCP timestamp.
        pub rta_ts: U32,
        /// `rta_tsage`: age of the timestamp, seconds.
        pub rta_tsage: U32,
    } = 32;
}

wire_struct! {
    /// `struct rtnexthop` (`<linux/rtnetlink.h>`): one next hop in `RTA_MULTIPATH`, followed by
    /// its own attributes (`RTA_GATEWAY`, ...).
    #[doc(alias = "rtnexthop")]
    pub struct RtNextHop {
        /// `rtnh_len`: length of this entry including its attributes.
        pub rtnh_len: U16,
        /// `rtnh_flags`: `RTNH_F_*` flags.
        pub rtnh_flags: u8,
        /// `rtnh_hops`: weight minus one.
        pub rtnh_hops: u8,
        /// `rtnh_ifindex`: output interface index.
        pub rtnh_ifindex: I32,
    } = 8;
}

wire_struct! {
    /// `struct rtnl_link_stats64` (`<linux/if_link.h>`): the payload of `IFLA_STATS64`, the first
    /// 23 counters every kernel since 2.6.35 sends. Newer kernels append more (`rx_nohandler`,
    /// `rx_otherhost_dropped`); those stay in the attribute's payload, after these 184 bytes.
    #[doc(alias = "rtnl_link_stats64")]
    pub struct LinkStats64 {
        /// `rx_packets`: good packets received.
        pub rx_packets: U64,
        /// `tx_packets`: packets transmitted.
        pub tx_packets: U64,
        /// `rx_bytes`: good bytes received.
        pub rx_bytes: U64,
        /// `tx_bytes`: bytes transmitted.
        pub tx_bytes: U64,
        /// `rx_errors`: bad packets received.
        pub rx_errors: U64,
        /// `tx_errors`: packet transmit problems.
        pub tx_errors: U64,
        /// `rx_dropped`: packets received but dropped.
        pub rx_dropped: U64,
        /// `tx_dropped`: packets dropped on transmit.
        pub tx_dropped: U64,
        /// `multicast`: multicast packets received.
        pub multicast: U64,
        /// `collisions`: collisions.
        pub collisions: U64,
        /// `rx_length_errors`.
        pub rx_length_errors: U64,
        /// `rx_over_errors`: receiver ring buffer overflow.
        pub rx_over_errors: U64,
        /// `rx_crc_errors`.
        pub rx_crc_errors: U64,
        /// `rx_frame_errors`: frame alignment errors.
        pub rx_frame_errors: U64,
        /// `rx_fifo_errors`: receiver FIFO overrun.
        pub rx_fifo_errors: U64,
        /// `rx_missed_errors`: packets missed by the host.
        pub rx_missed_errors: U64,
        /// `tx_aborted_errors`.
        pub tx_aborted_errors: U64,
        /// `tx_carrier_errors`.
        pub tx_carrier_errors: U64,
        /// `tx_fifo_errors`.
        pub tx_fifo_errors: U64,
        /// `tx_heartbeat_errors`.
        pub tx_heartbeat_errors: U64,
        /// `tx_window_errors`.
        pub tx_window_errors: U64,
        /// `rx_compressed`.
        pub rx_compressed: U64,
        /// `tx_compressed`.
        pub tx_compressed: U64,
    } = 184;
}

wire_struct! {
    /// `struct fib_rule_hdr` (`<linux/fib_rules.h>`): the family header of `RTM_*RULE` messages.
    #[doc(alias = "fib_rule_hdr")]
    pub struct FibRuleHdr {
        /// `family`: `AF_INET` or `AF_INET6`.
        pub family: u8,
        /// `dst_len`: destination prefix length.
        pub dst_len: u8,
        /// `src_len`: source prefix length.
        pub src_len: u8,
        /// `tos`: the TOS (DS field) to match.
        pub tos: u8,
        /// `table`: routing table id; 0 (`RT_TABLE_UNSPEC`) when above 255 (see `FRA_TABLE`).
        pub table: u8,
        /// `res1`: reserved, zero.
        pub res1: u8,
        /// `res2`: reserved, zero.
        pub res2: u8,
        /// `action`: `FR_ACT_*`.
        pub action: u8,
        /// `flags`: `FIB_RULE_*`.
        pub flags: U32,
    } = 12;
}

wire_struct! {
    /// `struct fib_rule_uid_range` (`<linux/fib_rules.h>`): the payload of `FRA_UID_RANGE`.
    #[doc(alias = "fib_rule_uid_range")]
    pub struct FibRuleUidRange {
        /// `start`: the first uid of the range.
        pub start: U32,
        /// `end`: the last uid of the range.
        pub end: U32,
    } = 8;
}

wire_struct! {
    /// `struct fib_rule_port_range` (`<linux/fib_rules.h>`): the payload of `FRA_SPORT_RANGE`
    /// and `FRA_DPORT_RANGE`.
    #[doc(alias = "fib_rule_port_range")]
    pub struct FibRulePortRange {
        /// `start`: the first port of the range.
        pub start: U16,
        /// `end`: the last port of the range.
        pub end: U16,
    } = 4;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rtm;

    fn header(ty: u16, flags: u16) -> NlMsgHdr {
        NlMsgHdr {
            nlmsg_len: U32::new(16),
            nlmsg_type: U16::new(ty),
            nlmsg_flags: U16::new(flags),
            ..NlMsgHdr::default()
        }
    }

    #[test]
    fn a_dump_request_is_a_get_with_both_dump_bits() {
        let dump = nlm_f::REQUEST | nlm_f::DUMP;
        for ty in [rtm::GETLINK, rtm::GETADDR, rtm::GETROUTE, rtm::GETNSID] {
            assert!(header(ty, dump).is_dump_request(), "{ty}");
            // NLM_F_ROOT or NLM_F_MATCH alone is not NLM_F_DUMP.
            assert!(!header(ty, nlm_f::REQUEST | nlm_f::ROOT).is_dump_request());
            assert!(!header(ty, nlm_f::REQUEST | nlm_f::MATCH).is_dump_request());
        }
        // The same bits on other types are NLM_F_REPLACE/NLM_F_EXCL (NEW) or NLM_F_NONREC (DEL).
        for ty in [
            rtm::NEWLINK,
            rtm::DELLINK,
            rtm::SETLINK,
            rtm::NEWADDR,
            rtm::DELROUTE,
        ] {
            assert!(!header(ty, dump).is_dump_request(), "{ty}");
        }
        // Control messages are never requests: NLMSG_ERROR is 2.
        assert!(!header(nlmsg::ERROR, dump).is_dump_request());
    }

    #[test]
    fn peek_reads_a_header_whatever_its_length_says() {
        let mut bytes = [0u8; 20];
        bytes[..4].copy_from_slice(&4096u32.to_ne_bytes());
        bytes[8..12].copy_from_slice(&7u32.to_ne_bytes());
        let header = NlMsgHdr::peek(&bytes).unwrap();
        assert_eq!((header.nlmsg_len.get(), header.nlmsg_seq.get()), (4096, 7));
        assert_eq!(NlMsgHdr::peek(&bytes[..15]), None);
    }
}
