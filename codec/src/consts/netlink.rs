//! `<linux/netlink.h>`: message header types, header flags, attribute flags and the
//! extended-ack attributes.

/// Control message types (`NLMSG_*`), the values of `nlmsghdr.nlmsg_type` below 0x10.
pub mod nlmsg {
    /// `NLMSG_NOOP`: nothing; to be ignored.
    #[doc(alias = "NLMSG_NOOP")]
    pub const NOOP: u16 = 0x1;
    /// `NLMSG_ERROR`: an error or, with error 0, an acknowledgement; payload `struct nlmsgerr`.
    #[doc(alias = "NLMSG_ERROR")]
    pub const ERROR: u16 = 0x2;
    /// `NLMSG_DONE`: the end of a multipart (dump) reply; payload an `int` error code.
    #[doc(alias = "NLMSG_DONE")]
    pub const DONE: u16 = 0x3;
    /// `NLMSG_OVERRUN`: data lost.
    #[doc(alias = "NLMSG_OVERRUN")]
    pub const OVERRUN: u16 = 0x4;
    /// `NLMSG_MIN_TYPE`: types below this are reserved for control messages.
    #[doc(alias = "NLMSG_MIN_TYPE")]
    pub const MIN_TYPE: u16 = 0x10;
    /// `NLMSG_ALIGNTO`: messages start on multiples of 4 bytes.
    #[doc(alias = "NLMSG_ALIGNTO")]
    pub const ALIGNTO: usize = 4;
    /// `NLMSG_HDRLEN`: the aligned size of `struct nlmsghdr`.
    #[doc(alias = "NLMSG_HDRLEN")]
    pub const HDRLEN: usize = 16;
}

/// Header flags (`NLM_F_*`), the bits of `nlmsghdr.nlmsg_flags`.
///
/// The same bits mean different things for GET, NEW and DELETE requests and for ACKs, as in the
/// kernel header; each group is listed as the kernel lists it.
pub mod nlm_f {
    /// `NLM_F_REQUEST`: this message is a request.
    #[doc(alias = "NLM_F_REQUEST")]
    pub const REQUEST: u16 = 0x01;
    /// `NLM_F_MULTI`: part of a multipart reply, terminated by `NLMSG_DONE`.
    #[doc(alias = "NLM_F_MULTI")]
    pub const MULTI: u16 = 0x02;
    /// `NLM_F_ACK`: reply with an acknowledgement (an `NLMSG_ERROR` with error 0) on success.
    #[doc(alias = "NLM_F_ACK")]
    pub const ACK: u16 = 0x04;
    /// `NLM_F_ECHO`: echo this request back (as a notification) to the sender.
    #[doc(alias = "NLM_F_ECHO")]
    pub const ECHO: u16 = 0x08;
    /// `NLM_F_DUMP_INTR`: the dump was inconsistent because the data changed during it.
    #[doc(alias = "NLM_F_DUMP_INTR")]
    pub const DUMP_INTR: u16 = 0x10;
    /// `NLM_F_DUMP_FILTERED`: the dump was filtered as requested (strict checking).
    #[doc(alias = "NLM_F_DUMP_FILTERED")]
    pub const DUMP_FILTERED: u16 = 0x20;

    /// `NLM_F_ROOT` (GET): return the complete table instead of a single entry.
    #[doc(alias = "NLM_F_ROOT")]
    pub const ROOT: u16 = 0x100;
    /// `NLM_F_MATCH` (GET): return all matching entries.
    #[doc(alias = "NLM_F_MATCH")]
    pub const MATCH: u16 = 0x200;
    /// `NLM_F_ATOMIC` (GET): return an atomic snapshot of the table.
    #[doc(alias = "NLM_F_ATOMIC")]
    pub const ATOMIC: u16 = 0x400;
    /// `NLM_F_DUMP` (GET): `NLM_F_ROOT | NLM_F_MATCH`, a dump.
    #[doc(alias = "NLM_F_DUMP")]
    pub const DUMP: u16 = ROOT | MATCH;

    /// `NLM_F_REPLACE` (NEW): replace an existing object.
    #[doc(alias = "NLM_F_REPLACE")]
    pub const REPLACE: u16 = 0x100;
    /// `NLM_F_EXCL` (NEW): fail if the object already exists.
    #[doc(alias = "NLM_F_EXCL")]
    pub const EXCL: u16 = 0x200;
    /// `NLM_F_CREATE` (NEW): create the object if it does not exist.
    #[doc(alias = "NLM_F_CREATE")]
    pub const CREATE: u16 = 0x400;
    /// `NLM_F_APPEND` (NEW): add to the end of the object list.
    #[doc(alias = "NLM_F_APPEND")]
    pub const APPEND: u16 = 0x800;

    /// `NLM_F_NONREC` (DELETE): do not delete recursively.
    #[doc(alias = "NLM_F_NONREC")]
    pub const NONREC: u16 = 0x100;
    /// `NLM_F_BULK` (DELETE): delete multiple objects.
    #[doc(alias = "NLM_F_BULK")]
    pub const BULK: u16 = 0x200;

    /// `NLM_F_CAPPED` (ACK): the echoed request was cut to its header (`NETLINK_CAP_ACK`).
    #[doc(alias = "NLM_F_CAPPED")]
    pub const CAPPED: u16 = 0x100;
    /// `NLM_F_ACK_TLVS` (ACK): extended-ack attributes follow the echoed request.
    #[doc(alias = "NLM_F_ACK_TLVS")]
    pub const ACK_TLVS: u16 = 0x200;
}

/// Attribute header bits and alignment (`NLA_*`), for `struct nlattr` / `struct rtattr`.
pub mod nla {
    /// `NLA_F_NESTED`: the payload is a nest of attributes.
    #[doc(alias = "NLA_F_NESTED")]
    pub const F_NESTED: u16 = 1 << 15;
    /// `NLA_F_NET_BYTEORDER`: the payload is in network byte order.
    #[doc(alias = "NLA_F_NET_BYTEORDER")]
    pub const F_NET_BYTEORDER: u16 = 1 << 14;
    /// `NLA_TYPE_MASK`: the bits of `nla_type` that carry the type.
    #[doc(alias = "NLA_TYPE_MASK")]
    pub const TYPE_MASK: u16 = !(F_NESTED | F_NET_BYTEORDER);
    /// `NLA_ALIGNTO`: attributes start on multiples of 4 bytes.
    #[doc(alias = "NLA_ALIGNTO")]
    pub const ALIGNTO: usize = 4;
    /// `NLA_HDRLEN`: the aligned size of `struct nlattr`.
    #[doc(alias = "NLA_HDRLEN")]
    pub const HDRLEN: usize = 4;
}

/// Extended-ack attributes (`enum nlmsgerr_attrs`), after the echoed request in `NLMSG_ERROR`
/// and after the error code in `NLMSG_DONE` when `NLM_F_ACK_TLVS` is set.
pub mod nlmsgerr_attr {
    /// `NLMSGERR_ATTR_UNUSED`.
    #[doc(alias = "NLMSGERR_ATTR_UNUSED")]
    pub const UNUSED: u16 = 0;
    /// `NLMSGERR_ATTR_MSG`: error message text, NUL-terminated.
    #[doc(alias = "NLMSGERR_ATTR_MSG")]
    pub const MSG: u16 = 1;
    /// `NLMSGERR_ATTR_OFFS`: `u32` offset of the offending attribute in the request.
    #[doc(alias = "NLMSGERR_ATTR_OFFS")]
    pub const OFFS: u16 = 2;
    /// `NLMSGERR_ATTR_COOKIE`: arbitrary subsystem-specific cookie bytes.
    #[doc(alias = "NLMSGERR_ATTR_COOKIE")]
    pub const COOKIE: u16 = 3;
    /// `NLMSGERR_ATTR_POLICY`: nest describing the policy of the offending attribute.
    #[doc(alias = "NLMSGERR_ATTR_POLICY")]
    pub const POLICY: u16 = 4;
    /// `NLMSGERR_ATTR_MISS_TYPE`: `u32` type of a missing required attribute.
    #[doc(alias = "NLMSGERR_ATTR_MISS_TYPE")]
    pub const MISS_TYPE: u16 = 5;
    /// `NLMSGERR_ATTR_MISS_NEST`: `u32` offset of the nest that lacks the attribute.
    #[doc(alias = "NLMSGERR_ATTR_MISS_NEST")]
    pub const MISS_NEST: u16 = 6;
}

/// Netlink protocol numbers (`NETLINK_*` in `<linux/netlink.h>`), the third `socket(2)` argument.
pub mod netlink_proto {
    /// `NETLINK_ROUTE`: routing and link configuration (rtnetlink).
    #[doc(alias = "NETLINK_ROUTE")]
    pub const ROUTE: i32 = 0;
}
