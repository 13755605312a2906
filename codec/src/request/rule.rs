//! Rule requests: `RTM_NEWRULE`, `RTM_DELRULE` and the rule dump, as `ip rule add / del / show
//! / flush` send them (`iprule_modify()` and `iprule_list_flush_or_save()` in `ip/iprule.c`).

use core::net::IpAddr;

use super::addr::max_prefix;
use super::{IFNAMSIZ, REQUEST_ACK, REQUEST_DUMP, check_cstr};
use crate::builder::MessageBuilder;
use crate::error::Error;
use crate::view::Dump;
use crate::raw::{FibRuleHdr, FibRulePortRange, FibRuleUidRange};
use crate::rule::RuleMessage;
use crate::{af, fr_act, fra, nlm_f, rt_table, rtm};
use zerocopy::IntoBytes;
use zerocopy::byteorder::native_endian::{U16, U32};

/// A routing policy rule, for `RTM_NEWRULE` and `RTM_DELRULE`: `struct fib_rule_hdr` and the
/// `FRA_*` attributes, as `ip rule add|del [not] [from PREFIX] [to PREFIX] [tos TOS] [fwmark
/// MARK[/MASK]] [iif DEV] [oif DEV] [pref N] [table T] [protocol P] [uidrange A-B] [ipproto
/// P] [sport A[-B]] [dport A[-B]] [suppress_prefixlength N] [suppress_ifgroup G] [realms R]
/// [goto N | nop | blackhole | unreachable | prohibit] [l3mdev]` describes it.
///
/// `Rule::default()` is an IPv4 rule with nothing set; fields left `None` get `ip`'s defaults,
/// which differ between adding and deleting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Rule<'a> {
    /// `family`: `AF_INET` or `AF_INET6`; `AF_UNSPEC` (0) is sent as `AF_INET`, as `ip` does.
    pub family: u8,
    /// `FIB_RULE_INVERT` (`not`): the selectors are negated.
    pub invert: bool,
    /// `FRA_SRC` and `src_len` (`from`): the source prefix.
    pub src: Option<(IpAddr, u8)>,
    /// `FRA_DST` and `dst_len` (`to`): the destination prefix.
    pub dst: Option<(IpAddr, u8)>,
    /// `tos` (`tos`, `dsfield`): the TOS to match; 0 for any.
    pub tos: u8,
    /// `FRA_FWMARK` (`fwmark`): the firewall mark.
    pub fwmark: Option<u32>,
    /// `FRA_FWMASK` (`fwmark MARK/MASK`): the mask of the firewall mark.
    pub fwmask: Option<u32>,
    /// `FRA_IIFNAME` (`iif`, `dev`): the input interface name (bytes: a name need not be
    /// UTF-8).
    pub iif: Option<&'a [u8]>,
    /// `FRA_OIFNAME` (`oif`): the output interface name (bytes).
    pub oif: Option<&'a [u8]>,
    /// `FRA_PRIORITY` (`pref`, `priority`, `order`); `None`: the kernel picks one when adding.
    pub priority: Option<u32>,
    /// `FRA_FLOW` (`realms`): the realms, source realm in the high 16 bits.
    pub realms: Option<u32>,
    /// The table (`table`, `lookup`): in `table` when below 256, else in `FRA_TABLE` with
    /// `table` 0, as `ip` sends it. `None`: main when adding a rule with no other action, else
    /// none.
    pub table: Option<u32>,
    /// `FRA_PROTOCOL` (`protocol`): who installed the rule, `RTPROT_*`.
    pub protocol: Option<u8>,
    /// `FRA_UID_RANGE` (`uidrange A-B`).
    pub uid_range: Option<(u32, u32)>,
    /// `FRA_IP_PROTO` (`ipproto`): the IP protocol.
    pub ip_proto: Option<u8>,
    /// `FRA_SPORT_RANGE` (`sport A[-B]`): the source port range.
    pub sport: Option<(u16, u16)>,
    /// `FRA_DPORT_RANGE` (`dport A[-B]`): the destination port range.
    pub dport: Option<(u16, u16)>,
    /// `FRA_SUPPRESS_PREFIXLEN` (`suppress_prefixlength`), 0 to `i32::MAX`.
    pub suppress_prefixlen: Option<u32>,
    /// `FRA_SUPPRESS_IFGROUP` (`suppress_ifgroup`).
    pub suppress_ifgroup: Option<u32>,
    /// `action` (`FR_ACT_*`: `nop`, `blackhole`, `unreachable`, `prohibit`, or a route type
    /// number as `ip` reads it); `None`: look up the table when adding, unspecified when
    /// deleting. [`Rule::goto`] sets `FR_ACT_GOTO` itself.
    pub action: Option<u8>,
    /// `FRA_GOTO` (`goto N`): jump to the rule with priority N; the action is `FR_ACT_GOTO`.
    pub goto: Option<u32>,
    /// `FRA_L3MDEV` (`l3mdev`): look up the table of the packet's L3 master device; no table
    /// may be given with it.
    pub l3mdev: bool,
}

/// The filter of a rule dump (`ip [-6] rule show`).
///
/// `RuleDump::default()` is every rule of every family; `ip rule show` asks for `AF_INET`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct RuleDump {
    /// `family`: `AF_INET`, `AF_INET6`, or `AF_UNSPEC` (0) for both.
    pub family: u8,
}

/// Checks a prefix's length against its address.
fn check_prefix(prefix: Option<(IpAddr, u8)>, attr: u16) -> Result<(), Error> {
    match prefix {
        Some((address, len)) if len > max_prefix(address) => Err(Error::InvalidValue { attr }),
        _ => Ok(()),
    }
}

/// Writes the request of `ip rule add|del`.
fn rule_request<'b>(
    buf: &'b mut [u8],
    seq: u32,
    ty: u16,
    flags: u16,
    rule: &Rule<'_>,
) -> Result<MessageBuilder<'b>, Error> {
    let adding = ty == rtm::NEWRULE;
    check_prefix(rule.src, fra::SRC)?;
    check_prefix(rule.dst, fra::DST)?;
    // The kernel's policy for the names is a string of at most IFNAMSIZ - 1 bytes; it matches
    // them against device names later, so a name no device could have is not refused.
    if let Some(iif) = rule.iif {
        check_cstr(iif, IFNAMSIZ - 1, false, fra::IIFNAME)?;
    }
    if let Some(oif) = rule.oif {
        check_cstr(oif, IFNAMSIZ - 1, false, fra::OIFNAME)?;
    }
    if rule.l3mdev && rule.table.is_some_and(|t| t != 0) {
        return Err(Error::InvalidValue { attr: fra::L3MDEV });
    }
    let suppress_prefixlen = match rule.suppress_prefixlen {
        Some(len) => Some(i32::try_from(len).map_err(|_| Error::InvalidValue {
            attr: fra::SUPPRESS_PREFIXLEN,
        })?),
        None => None,
    };
    let action = match (rule.goto, rule.action) {
        (Some(_), _) => fr_act::GOTO,
        (None, Some(action)) => action,
        (None, None) if adding => fr_act::TO_TBL,
        (None, None) => fr_act::UNSPEC,
    };
    // ip sends table main when adding a rule that names no table and no other action.
    let table = match rule.table {
        Some(table) => table,
        None if adding && rule.action.is_none() && rule.goto.is_none() && !rule.l3mdev => {
            rt_table::MAIN
        }
        None => 0,
    };
    let (header_table, table_attr) = match u8::try_from(table) {
        Ok(small) => (small, None),
        Err(_) => (0, Some(table)),
    };
    let family = if rule.family == af::UNSPEC {
        af::INET
    } else {
        rule.family
    };

    let mut b = MessageBuilder::new(buf, ty, flags, seq)?;
    b.header(&FibRuleHdr {
        family,
        dst_len: rule.dst.map_or(0, |(_, len)| len),
        src_len: rule.src.map_or(0, |(_, len)| len),
        tos: rule.tos,
        table: header_table,
        action,
        flags: U32::new(if rule.invert {
            crate::fib_rule::INVERT
        } else {
            0
        }),
        ..FibRuleHdr::default()
    })?;
    if let Some((src, _)) = rule.src {
        b.put_ip(fra::SRC, src)?;
    }
    if let Some((dst, _)) = rule.dst {
        b.put_ip(fra::DST, dst)?;
    }
    if let Some(mark) = rule.fwmark {
        b.put_u32(fra::FWMARK, mark)?;
    }
    if let Some(mask) = rule.fwmask {
        b.put_u32(fra::FWMASK, mask)?;
    }
    if let Some(iif) = rule.iif {
        b.put_cstr(fra::IIFNAME, iif)?;
    }
    if let Some(oif) = rule.oif {
        b.put_cstr(fra::OIFNAME, oif)?;
    }
    if let Some(priority) = rule.priority {
        b.put_u32(fra::PRIORITY, priority)?;
    }
    if let Some(realms) = rule.realms {
        b.put_u32(fra::FLOW, realms)?;
    }
    if let Some(table) = table_attr {
        b.put_u32(fra::TABLE, table)?;
    }
    if let Some(protocol) = rule.protocol {
        b.put_u8(fra::PROTOCOL, protocol)?;
    }
    if let Some((start, end)) = rule.uid_range {
        let range = FibRuleUidRange {
            start: U32::new(start),
            end: U32::new(end),
        };
        b.put(fra::UID_RANGE, range.as_bytes())?;
    }
    if let Some(ip_proto) = rule.ip_proto {
        b.put_u8(fra::IP_PROTO, ip_proto)?;
    }
    for (attr, range) in [
        (fra::SPORT_RANGE, rule.sport),
        (fra::DPORT_RANGE, rule.dport),
    ] {
        if let Some((start, end)) = range {
            let range = FibRulePortRange {
                start: U16::new(start),
                end: U16::new(end),
            };
            b.put(attr, range.as_bytes())?;
        }
    }
    if let Some(len) = suppress_prefixlen {
        b.put_i32(fra::SUPPRESS_PREFIXLEN, len)?;
    }
    if let Some(group) = rule.suppress_ifgroup {
        b.put_u32(fra::SUPPRESS_IFGROUP, group)?;
    }
    if let Some(target) = rule.goto {
        b.put_u32(fra::GOTO, target)?;
    }
    if rule.l3mdev {
        b.put_u8(fra::L3MDEV, 1)?;
    }
    Ok(b)
}

/// Writes `RTM_NEWRULE`: adds `rule` (`ip rule add`).
///
/// Flags `NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL`. `struct fib_rule_hdr`
/// (family `AF_INET` unless given; action `FR_ACT_TO_TBL` unless given; table main unless a
/// table or another action is given), then in this order: `FRA_SRC`, `FRA_DST`, `FRA_FWMARK`,
/// `FRA_FWMASK`, `FRA_IIFNAME`, `FRA_OIFNAME` (names with their NUL), `FRA_PRIORITY`,
/// `FRA_FLOW`, `FRA_TABLE` (ids above 255), `FRA_PROTOCOL`, `FRA_UID_RANGE`, `FRA_IP_PROTO`,
/// `FRA_SPORT_RANGE`, `FRA_DPORT_RANGE`, `FRA_SUPPRESS_PREFIXLEN`, `FRA_SUPPRESS_IFGROUP`,
/// `FRA_GOTO`, `FRA_L3MDEV`: what `ip` sends when its words come in that order.
///
/// # Errors
///
/// [`Error::InvalidValue`] for a prefix longer than its address (`FRA_SRC`, `FRA_DST`), an
/// interface name that is empty, longer than 15 bytes or holds a NUL, a table with `l3mdev` (`FRA_L3MDEV`), a suppressed prefix length
/// above `i32::MAX`; [`Error::BufferFull`] when `buf` is too small.
pub fn rule_new<'b>(
    buf: &'b mut [u8],
    seq: u32,
    rule: &Rule<'_>,
) -> Result<MessageBuilder<'b>, Error> {
    let flags = REQUEST_ACK | nlm_f::CREATE | nlm_f::EXCL;
    rule_request(buf, seq, rtm::NEWRULE, flags, rule)
}

/// Writes `RTM_DELRULE`: deletes the first rule that matches every field given (`ip rule
/// del`).
///
/// Flags `NLM_F_REQUEST | NLM_F_ACK`; the header and attributes as [`rule_new`] writes them,
/// but with action `FR_ACT_UNSPEC` and table 0 unless given.
///
/// # Errors
///
/// As [`rule_new`].
pub fn rule_del<'b>(
    buf: &'b mut [u8],
    seq: u32,
    rule: &Rule<'_>,
) -> Result<MessageBuilder<'b>, Error> {
    rule_request(buf, seq, rtm::DELRULE, REQUEST_ACK, rule)
}

/// Writes `RTM_DELRULE` for a rule the kernel reported (`ip rule flush`): the reported
/// header and attributes as they came, type `RTM_DELRULE` and flags `NLM_F_REQUEST |
/// NLM_F_ACK`, so that every selector and action the kernel knows (those this crate does not,
/// too) must match.
///
/// # Errors
///
/// [`Error::BufferFull`] when `buf` is too small for the message; the error of an attribute
/// that does not parse (none can, in a view [`RuleMessage::parse`] accepted).
pub fn rule_del_reported<'b>(
    buf: &'b mut [u8],
    seq: u32,
    reported: &RuleMessage<'_>,
) -> Result<MessageBuilder<'b>, Error> {
    let mut b = MessageBuilder::new(buf, rtm::DELRULE, REQUEST_ACK, seq)?;
    b.header(reported.header())?;
    for attr in reported.attrs() {
        let attr = attr?;
        b.put(attr.raw_type(), attr.payload())?;
    }
    Ok(b)
}

/// Writes the rule dump request (`RTM_GETRULE`, `NLM_F_REQUEST | NLM_F_DUMP`): `struct
/// fib_rule_hdr` all zero but `family`, as `ip [-6] rule show` sends it (`ip` asks for
/// `AF_INET` when no family is given).
///
/// # Errors
///
/// [`Error::BufferFull`] when `buf` is too small.
pub fn rule_dump<'b>(
    buf: &'b mut [u8],
    seq: u32,
    dump: &RuleDump,
) -> Result<MessageBuilder<'b>, Error> {
    let mut b = MessageBuilder::new(buf, rtm::GETRULE, REQUEST_DUMP, seq)?;
    b.header(&FibRuleHdr {
        family: dump.family,
        ..FibRuleHdr::default()
    })?;
    Ok(b)
}

impl Dump for RuleDump {
    type Reply<'a> = RuleMessage<'a>;

    fn write<'b>(&self, buf: &'b mut [u8], seq: u32) -> Result<MessageBuilder<'b>, Error> {
        rule_dump(buf, seq, self)
    }
}
