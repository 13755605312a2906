//! `RTM_NEWRULE` and friends: `struct fib_rule_hdr` and the `FRA_*` attributes.
//!
//! What `ip rule show` prints comes from here: a routing policy rule selects packets (source
//! and destination prefix, TOS, firewall mark, devices, uid, protocol and ports) and says what to
//! do with them (look up a table, jump to another rule, drop). Table ids above 255 only fit in
//! `FRA_TABLE`; `fib_rule_hdr.table` then says 0. See `fib_nl_fill_rule()` in
//! `net/core/fib_rules.c`.

use core::net::IpAddr;

use zerocopy::FromBytes;

use crate::fra;
use crate::index::{AttrIndex, Len, Rule, policy, slots};
use crate::raw::{FibRuleHdr, FibRulePortRange, FibRuleUidRange};
use crate::view::family_view;

const RULE_SLOTS: usize = slots(fra::MAX);
const RULE_POLICY: [Rule; RULE_SLOTS] = policy(&[
    (fra::DST, Len::Addr),
    (fra::SRC, Len::Addr),
    (fra::GOTO, Len::Min(4)),
    (fra::PRIORITY, Len::Min(4)),
    (fra::FWMARK, Len::Min(4)),
    (fra::FLOW, Len::Min(4)),
    (fra::TUN_ID, Len::Min(8)),
    (fra::SUPPRESS_IFGROUP, Len::Min(4)),
    (fra::SUPPRESS_PREFIXLEN, Len::Min(4)),
    (fra::TABLE, Len::Min(4)),
    (fra::FWMASK, Len::Min(4)),
    (fra::L3MDEV, Len::Min(1)),
    (fra::UID_RANGE, Len::of::<FibRuleUidRange>()),
    (fra::PROTOCOL, Len::Min(1)),
    (fra::IP_PROTO, Len::Min(1)),
    (fra::SPORT_RANGE, Len::of::<FibRulePortRange>()),
    (fra::DPORT_RANGE, Len::of::<FibRulePortRange>()),
]);

family_view! {
    /// A routing policy rule message (`RTM_NEWRULE`, `RTM_DELRULE`, `RTM_GETRULE`): `struct
    /// fib_rule_hdr` and its `FRA_*` attributes, checked and indexed by [`RuleMessage::parse`].
    pub struct RuleMessage: "rule" {
        /// `struct fib_rule_hdr`.
        header: FibRuleHdr {
            /// `family`: `AF_INET` or `AF_INET6`.
            family: u8 = family,
            /// `dst_len`: the destination prefix length (0: any destination).
            dst_len: u8 = dst_len,
            /// `src_len`: the source prefix length (0: any source).
            src_len: u8 = src_len,
            /// `tos`: the TOS (DS field) matched; 0 for any.
            tos: u8 = tos,
            /// `action`: `FR_ACT_*` (1 lookup a table, 2 goto, 3 nop, 6 blackhole, 7
            /// unreachable, 8 prohibit).
            action: u8 = action,
            /// `flags`: `FIB_RULE_*` (`FIB_RULE_INVERT` for `not`).
            flags: u32 = flags.get(),
        },
        attrs: AttrIndex<'a, RULE_SLOTS> = RULE_POLICY, "`FRA_*`",
    }
}

impl<'a> RuleMessage<'a> {
    /// The table id: `FRA_TABLE` when present (ids above 255 are only there), else
    /// `fib_rule_hdr.table`; 0 for none.
    #[inline]
    pub fn table(&self) -> u32 {
        self.attrs
            .u32(fra::TABLE)
            .unwrap_or(u32::from(self.header.table))
    }

    /// `FRA_PRIORITY`: the priority; the kernel leaves it out for priority 0.
    #[inline]
    pub fn priority(&self) -> Option<u32> {
        self.attrs.u32(fra::PRIORITY)
    }

    /// `FRA_SRC`: the source prefix's address (`from`).
    #[inline]
    pub fn src(&self) -> Option<IpAddr> {
        self.attrs.ip(fra::SRC)
    }

    /// `FRA_DST`: the destination prefix's address (`to`).
    #[inline]
    pub fn dst(&self) -> Option<IpAddr> {
        self.attrs.ip(fra::DST)
    }

    /// `FRA_IIFNAME`: the input interface name, as bytes up to the NUL (`iif`).
    #[inline]
    pub fn iif_name(&self) -> Option<&'a [u8]> {
        self.attrs.str_bytes(fra::IIFNAME)
    }

    /// `FRA_OIFNAME`: the output interface name, as bytes up to the NUL (`oif`).
    #[inline]
    pub fn oif_name(&self) -> Option<&'a [u8]> {
        self.attrs.str_bytes(fra::OIFNAME)
    }

    /// `FRA_FWMARK`: the firewall mark matched.
    #[inline]
    pub fn fwmark(&self) -> Option<u32> {
        self.attrs.u32(fra::FWMARK)
    }

    /// `FRA_FWMASK`: the mask of the firewall mark.
    #[inline]
    pub fn fwmask(&self) -> Option<u32> {
        self.attrs.u32(fra::FWMASK)
    }

    /// `FRA_GOTO`: the priority of the rule a `goto` jumps to.
    #[inline]
    pub fn goto(&self) -> Option<u32> {
        self.attrs.u32(fra::GOTO)
    }

    /// `FRA_FLOW`: the realms (source realm in the high 16 bits).
    #[inline]
    pub fn flow(&self) -> Option<u32> {
        self.attrs.u32(fra::FLOW)
    }

    /// `FRA_TUN_ID`: the tunnel id matched (sent big-endian; returned as the number).
    #[inline]
    pub fn tun_id(&self) -> Option<u64> {
        self.attrs.u64(fra::TUN_ID).map(u64::from_be)
    }

    /// `FRA_SUPPRESS_PREFIXLEN`: a table answer with a prefix this long or shorter is ignored;
    /// -1 for none.
    #[inline]
    pub fn suppress_prefixlen(&self) -> Option<i32> {
        self.attrs.i32(fra::SUPPRESS_PREFIXLEN)
    }

    /// `FRA_SUPPRESS_IFGROUP`: a table answer through a device of this group is ignored; -1 for
    /// none.
    #[inline]
    pub fn suppress_ifgroup(&self) -> Option<i32> {
        self.attrs.i32(fra::SUPPRESS_IFGROUP)
    }

    /// `FRA_L3MDEV`: 1 when the rule looks up the table of the packet's L3 master device.
    #[inline]
    pub fn l3mdev(&self) -> Option<u8> {
        self.attrs.u8(fra::L3MDEV)
    }

    /// `FRA_UID_RANGE`: the uid range matched, `(start, end)`.
    #[inline]
    pub fn uid_range(&self) -> Option<(u32, u32)> {
        let bytes = self.attrs.bytes(fra::UID_RANGE)?;
        FibRuleUidRange::read_from_prefix(bytes)
            .ok()
            .map(|(r, _)| (r.start.get(), r.end.get()))
    }

    /// `FRA_PROTOCOL`: who installed the rule, `RTPROT_*`.
    #[inline]
    pub fn protocol(&self) -> Option<u8> {
        self.attrs.u8(fra::PROTOCOL)
    }

    /// `FRA_IP_PROTO`: the IP protocol matched (6 TCP, 17 UDP, ...).
    #[inline]
    pub fn ip_proto(&self) -> Option<u8> {
        self.attrs.u8(fra::IP_PROTO)
    }

    /// `FRA_SPORT_RANGE`: the source port range matched, `(start, end)`.
    #[inline]
    pub fn sport_range(&self) -> Option<(u16, u16)> {
        port_range(self.attrs.bytes(fra::SPORT_RANGE)?)
    }

    /// `FRA_DPORT_RANGE`: the destination port range matched, `(start, end)`.
    #[inline]
    pub fn dport_range(&self) -> Option<(u16, u16)> {
        port_range(self.attrs.bytes(fra::DPORT_RANGE)?)
    }
}

/// A `struct fib_rule_port_range` payload (checked long enough by the policy).
fn port_range(bytes: &[u8]) -> Option<(u16, u16)> {
    FibRulePortRange::read_from_prefix(bytes)
        .ok()
        .map(|(r, _)| (r.start.get(), r.end.get()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Message, MessageBuilder, af, fr_act, rtm};

    #[test]
    fn reads_what_was_written_and_keeps_unknown_attributes() {
        let mut buf = [0xa5u8; 256];
        let mut b = MessageBuilder::new(&mut buf, rtm::NEWRULE, 0, 1).unwrap();
        b.header(&FibRuleHdr {
            family: af::INET,
            src_len: 24,
            table: 0,
            action: fr_act::TO_TBL,
            ..FibRuleHdr::default()
        })
        .unwrap();
        b.put_ip(fra::SRC, "192.0.2.0".parse().unwrap()).unwrap();
        b.put_u32(fra::TABLE, 1000).unwrap();
        b.put_u32(fra::PRIORITY, 5).unwrap();
        b.put(fra::SPORT_RANGE, &[1, 0, 2, 0]).unwrap();
        b.put_u32(200, 7).unwrap();
        let bytes = b.finish();
        let m = RuleMessage::parse(Message::parse(bytes).unwrap()).unwrap();
        assert_eq!(m.src(), Some("192.0.2.0".parse().unwrap()));
        assert_eq!((m.src_len(), m.table(), m.priority()), (24, 1000, Some(5)));
        assert_eq!(m.sport_range(), Some((1, 2)));
        assert_eq!(m.dport_range(), None);
        assert_eq!(m.action(), fr_act::TO_TBL);
        assert!(m.attrs().any(|a| a.unwrap().ty() == 200));
    }

    #[test]
    fn a_short_port_range_is_an_error() {
        let mut buf = [0u8; 64];
        let mut b = MessageBuilder::new(&mut buf, rtm::NEWRULE, 0, 1).unwrap();
        b.header(&FibRuleHdr::default()).unwrap();
        b.put(fra::DPORT_RANGE, &[1, 0]).unwrap();
        let bytes = b.finish();
        assert!(RuleMessage::parse(Message::parse(bytes).unwrap()).is_err());
    }
}
