//! Routing policy rules: `ip rule add / del / show / flush`.
//!
//! A rule picks packets by source and destination prefix, TOS, firewall mark, input and output
//! device, socket uid, IP protocol and ports, and says which routing table to look them up in
//! (or to jump to another rule, do nothing, or drop them). The kernel tries the rules in order
//! of priority; a fresh namespace has three: `0: lookup local`, `32766: lookup main` and
//! `32767: lookup default` (see ip-rule(8)).
//!
//! The request is the codec's [`RuleSpec`] (`rtnl_codec::request::Rule`): a rule names its
//! devices by name, so nothing is left to resolve. Replies are the codec's
//! [`RuleMessage`] view, or owned [`Rule`] values.
//!
//! ```no_run
//! use rtnl_ip::{Handle, RuleFilter, RuleSpec};
//!
//! let mut handle = Handle::new()?;
//! let spec = RuleSpec {
//!     src: Some(("192.0.2.0".parse().unwrap(), 24)),
//!     table: Some(100),
//!     priority: Some(1000),
//!     ..RuleSpec::default()
//! };
//! handle.rule_add(&spec)?;
//! for rule in handle.rules(&RuleFilter::new())? {
//!     println!("{:?}: table {}", rule.priority, rule.table);
//! }
//! # Ok::<(), rtnl_ip::Error>(())
//! ```

use std::net::IpAddr;

use rtnl_codec::{RuleMessage, af, rtnlgrp};
use rtnl_codec::request::{self, RuleDump};

use crate::monitor::{Group, MonitorFamily, MonitorGroups};
use crate::dump::{DumpRow, Select};
use crate::error::Result;
use crate::handle::Handle;
use crate::model::FromView;
use crate::vocab::{Family, IpPrefix};

/// A rule to add or delete: the codec's `RTM_NEWRULE`/`RTM_DELRULE` request
/// ([`rtnl_codec::request::Rule`]), whose fields are `ip rule`'s words.
pub type RuleSpec<'a> = request::Rule<'a>;

/// A routing policy rule, as `ip rule show` describes it (`RTM_NEWRULE`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Rule {
    /// `family`: `AF_INET` or `AF_INET6`.
    pub family: u8,
    /// `FRA_PRIORITY`; `None` for priority 0, which the kernel does not send.
    pub priority: Option<u32>,
    /// `FRA_SRC`: the source prefix's address.
    pub src: Option<IpAddr>,
    /// `src_len`.
    pub src_len: u8,
    /// `FRA_DST`: the destination prefix's address.
    pub dst: Option<IpAddr>,
    /// `dst_len`.
    pub dst_len: u8,
    /// `tos`.
    pub tos: u8,
    /// `FRA_TABLE`, or `table` of the header; 0 for none.
    pub table: u32,
    /// `action`: `FR_ACT_*`.
    pub action: u8,
    /// `flags`: `FIB_RULE_*`.
    pub flags: u32,
    /// `FRA_FWMARK`.
    pub fwmark: Option<u32>,
    /// `FRA_FWMASK`.
    pub fwmask: Option<u32>,
    /// `FRA_IIFNAME`: the device's name as the kernel holds it (bytes, not always UTF-8).
    pub iif: Option<Vec<u8>>,
    /// `FRA_OIFNAME`: the device's name as the kernel holds it (bytes, not always UTF-8).
    pub oif: Option<Vec<u8>>,
    /// `FRA_GOTO`.
    pub goto: Option<u32>,
    /// `FRA_FLOW`: the realms.
    pub realms: Option<u32>,
    /// `FRA_TUN_ID`.
    pub tun_id: Option<u64>,
    /// `FRA_SUPPRESS_PREFIXLEN` (-1: none).
    pub suppress_prefixlen: Option<i32>,
    /// `FRA_SUPPRESS_IFGROUP` (-1: none).
    pub suppress_ifgroup: Option<i32>,
    /// `FRA_L3MDEV` set to 1.
    pub l3mdev: bool,
    /// `FRA_UID_RANGE`.
    pub uid_range: Option<(u32, u32)>,
    /// `FRA_PROTOCOL`.
    pub protocol: Option<u8>,
    /// `FRA_IP_PROTO`.
    pub ip_proto: Option<u8>,
    /// `FRA_SPORT_RANGE`.
    pub sport: Option<(u16, u16)>,
    /// `FRA_DPORT_RANGE`.
    pub dport: Option<(u16, u16)>,
}

impl Rule {
    /// Copies a rule message out of its buffer.
    pub fn from_message(m: &RuleMessage<'_>) -> Rule {
        Rule {
            family: m.family(),
            priority: m.priority(),
            src: m.src(),
            src_len: m.src_len(),
            dst: m.dst(),
            dst_len: m.dst_len(),
            tos: m.tos(),
            table: m.table(),
            action: m.action(),
            flags: m.flags(),
            fwmark: m.fwmark(),
            fwmask: m.fwmask(),
            iif: m.iif_name().map(<[u8]>::to_vec),
            oif: m.oif_name().map(<[u8]>::to_vec),
            goto: m.goto(),
            realms: m.flow(),
            tun_id: m.tun_id(),
            suppress_prefixlen: m.suppress_prefixlen(),
            suppress_ifgroup: m.suppress_ifgroup(),
            l3mdev: m.l3mdev().is_some_and(|v| v != 0),
            uid_range: m.uid_range(),
            protocol: m.protocol(),
            ip_proto: m.ip_proto(),
            sport: m.sport_range(),
            dport: m.dport_range(),
        }
    }
}

impl<'a> FromView<RuleMessage<'a>> for Rule {
    fn from_view(view: &RuleMessage<'a>) -> Option<Self> {
        Some(Rule::from_message(view))
    }
}

/// Which rules a show or flush keeps: `ip rule show|flush [SELECTOR]`'s selectors, applied as
/// `ip` applies them (`filter_nlmsg()` in `ip/iprule.c`) to a dump of one family.
///
/// [`RuleFilter::new`] is `ip rule show`: the IPv4 rules, all of them. A selector left `None`
/// (or 0 where `ip` reads 0 as unset: `fwmark`, `ipproto`, `sport`, `dport`, `table`) keeps
/// every rule.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RuleFilter<'a> {
    /// The dump: `family` (`AF_UNSPEC`: both).
    pub dump: RuleDump,
    /// `pref N`: only the rule of this priority (0 for rules without `FRA_PRIORITY`).
    pub priority: Option<u32>,
    /// `not`: only inverted rules.
    pub invert: bool,
    /// `from PREFIX`: rules whose source prefix is at least as long and lies inside it.
    pub src: Option<IpPrefix>,
    /// `to PREFIX`: the same for the destination.
    pub dst: Option<IpPrefix>,
    /// `tos TOS`.
    pub tos: Option<u8>,
    /// `fwmark MARK` (0: any).
    pub fwmark: u32,
    /// `fwmark MARK/MASK` (0: any).
    pub fwmask: u32,
    /// `iif NAME` / `dev NAME`.
    pub iif: Option<&'a [u8]>,
    /// `oif NAME`.
    pub oif: Option<&'a [u8]>,
    /// `l3mdev`: only rules with `FRA_L3MDEV`.
    pub l3mdev: bool,
    /// `uidrange A-B`.
    pub uid_range: Option<(u32, u32)>,
    /// `ipproto P` (0: any).
    pub ip_proto: u8,
    /// `sport A[-B]` (a start of 0: any).
    pub sport: Option<(u16, u16)>,
    /// `dport A[-B]` (a start of 0: any).
    pub dport: Option<(u16, u16)>,
    /// `tun_id N` (0: any).
    pub tun_id: u64,
    /// `table T` (0: any).
    pub table: u32,
    /// `protocol P`: only rules installed by this protocol (rules without `FRA_PROTOCOL` are
    /// kept). `ip rule flush` applies it; `ip rule show` reads the word and ignores it.
    pub protocol: Option<u8>,
}

impl Default for RuleFilter<'_> {
    fn default() -> Self {
        RuleFilter {
            dump: RuleDump {
                family: rtnl_codec::af::INET,
            },
            priority: None,
            invert: false,
            src: None,
            dst: None,
            tos: None,
            fwmark: 0,
            fwmask: 0,
            iif: None,
            oif: None,
            l3mdev: false,
            uid_range: None,
            ip_proto: 0,
            sport: None,
            dport: None,
            tun_id: 0,
            table: 0,
            protocol: None,
        }
    }
}

impl RuleFilter<'_> {
    /// Every IPv4 rule (`ip rule show`).
    pub fn new() -> Self {
        Self::default()
    }

    /// The rules of `family` instead (`ip -6 rule show`).
    pub fn family(mut self, family: Family) -> Self {
        self.dump.family = family.af();
        self
    }

    /// Whether `m` passes every selector.
    pub fn keeps(&self, m: &RuleMessage<'_>) -> bool {
        let family = m.family();
        let prefix_ok = |filter: Option<IpPrefix>, len: u8, addr: Option<IpAddr>| {
            filter.is_none_or(|f| {
                f.family().af() == family
                    && f.prefix_len() <= len
                    && (f.prefix_len() == 0 || addr.is_none_or(|a| f.contains(a)))
            })
        };
        let range_ok = |filter: Option<(u16, u16)>, range: Option<(u16, u16)>| {
            filter.is_none_or(|f| f.0 == 0 || range == Some(f))
        };
        let name_ok =
            |filter: Option<&[u8]>, name: Option<&[u8]>| filter.is_none_or(|f| name == Some(f));
        (self.dump.family == 0 || family == self.dump.family)
            && self.priority.is_none_or(|p| p == m.priority().unwrap_or(0))
            && (!self.invert || m.flags() & rtnl_codec::fib_rule::INVERT != 0)
            && prefix_ok(self.src, m.src_len(), m.src())
            && prefix_ok(self.dst, m.dst_len(), m.dst())
            && self.tos.is_none_or(|t| t == m.tos())
            && (self.fwmark == 0 || m.fwmark().unwrap_or(0) == self.fwmark)
            && (self.fwmask == 0 || m.fwmask().unwrap_or(0) == self.fwmask)
            && name_ok(self.iif, m.iif_name())
            && name_ok(self.oif, m.oif_name())
            && (!self.l3mdev || m.l3mdev().is_some_and(|v| v != 0))
            && self.uid_range.is_none_or(|r| m.uid_range() == Some(r))
            && (self.ip_proto == 0 || m.ip_proto().unwrap_or(0) == self.ip_proto)
            && range_ok(self.sport, m.sport_range())
            && range_ok(self.dport, m.dport_range())
            && (self.tun_id == 0 || m.tun_id() == Some(self.tun_id))
            && (self.table == 0 || m.table() == self.table)
            && self
                .protocol
                .is_none_or(|p| m.protocol().is_none_or(|q| q == p))
    }
}

impl Select for RuleFilter<'_> {
    type Dump = RuleDump;

    fn rows(
        &self,
        handle: &mut Handle,
        mut on: impl FnMut(DumpRow<'_, RuleMessage<'_>>),
    ) -> Result<()> {
        self.rows_dyn(handle, &mut on)
    }
}

impl RuleFilter<'_> {
    /// [`Select::rows`] with `on` as a trait object: the query is compiled once, not once per
    /// caller.
    fn rows_dyn(
        &self,
        handle: &mut Handle,
        on: &mut dyn FnMut(DumpRow<'_, RuleMessage<'_>>),
    ) -> Result<()> {
        handle.dump_rows("show rules", &self.dump, &mut |row| match row {
            DumpRow::View(m) if !self.keeps(m) => {}
            row => on(row),
        })
    }
}

impl Handle {
    /// `RTM_NEWRULE` with `NLM_F_CREATE | NLM_F_EXCL`: adds a rule, like `ip rule add`.
    ///
    /// # Errors
    /// `EEXIST` when the same rule exists; what the kernel refuses (a `goto` to a lower
    /// priority, an unknown family); [`ErrorKind::Request`](crate::ErrorKind::Request) for a
    /// value the codec refuses.
    pub fn rule_add(&mut self, spec: &RuleSpec<'_>) -> Result<()> {
        self.ack("add rule", "rule", |buf| request::rule_new(buf, 0, spec))
    }

    /// `RTM_DELRULE`: removes the first rule that matches every field `spec` sets, like `ip
    /// rule del`.
    ///
    /// # Errors
    /// `ENOENT` (`RTNETLINK answers: No such file or directory`) when no rule matches;
    /// `EPERM` for a permanent rule.
    pub fn rule_del(&mut self, spec: &RuleSpec<'_>) -> Result<()> {
        self.ack("delete rule", "rule", |buf| request::rule_del(buf, 0, spec))
    }

    /// `RTM_GETRULE` dump: the rules `filter` keeps, as owned values, in the kernel's order
    /// (by priority).
    ///
    /// # Errors
    /// A failed dump.
    pub fn rules(&mut self, filter: &RuleFilter<'_>) -> Result<Vec<Rule>> {
        self.select_owned(filter)
    }

    /// `RTM_GETRULE` dump: calls `f` with each rule `filter` keeps, borrowed from the receive
    /// buffer (seen again if the dump is redone after `NLM_F_DUMP_INTR`).
    ///
    /// # Errors
    /// As [`Handle::rules`].
    pub fn for_each_rule(
        &mut self,
        filter: &RuleFilter<'_>,
        f: impl FnMut(&RuleMessage<'_>),
    ) -> Result<()> {
        self.select_each(filter, f)
    }

    /// Deletes every rule `filter` keeps that has a priority, like `ip rule flush`: each is
    /// sent back to the kernel as reported, as `RTM_DELRULE`. The rule of priority 0 (`lookup
    /// local`) has none and stays; `32766: lookup main` and `32767: lookup default` go, as
    /// with `ip`. Returns how many rules were deleted.
    ///
    /// # Errors
    /// A failed dump; the first refused delete (the rules before it are gone).
    pub fn rule_flush(&mut self, filter: &RuleFilter<'_>) -> Result<usize> {
        let mut reported: Vec<Vec<u8>> = Vec::new();
        filter.rows(self, |row| match row {
            DumpRow::Restart => reported.clear(),
            DumpRow::View(m) if m.priority().is_some() => {
                reported.push(m.message().bytes().to_vec());
            }
            DumpRow::View(_) => {}
        })?;
        for bytes in &reported {
            let message = rtnl_codec::Message::parse(bytes)
                .and_then(RuleMessage::parse)
                .map_err(|e| {
                    crate::Error::new("flush rules", None, rtnl_sys::Error::from(e).into())
                })?;
            self.ack("flush rules", "rule", |buf| {
                request::rule_del_reported(buf, 0, &message)
            })?;
        }
        Ok(reported.len())
    }
}

impl MonitorGroups {
    /// `RTNLGRP_IPV4_RULE`: IPv4 policy rules (`RTM_NEWRULE`, `RTM_DELRULE`).
    pub const IPV4_RULE: Self = Self::bit(7);
    /// `RTNLGRP_IPV6_RULE`: IPv6 policy rules.
    pub const IPV6_RULE: Self = Self::bit(8);
    /// IPv4 and IPv6 policy rules.
    pub const RULE: Self = Self::IPV4_RULE.or(Self::IPV6_RULE);
}

/// `ip monitor rule`: a group per address family, each dumping its rules in a resync.
impl MonitorFamily for RuleMessage<'_> {
    const OBJECT: &'static str = "rule";
    const GROUPS: &'static [Group] = &[
        Group {
            flag: MonitorGroups::IPV4_RULE,
            name: "IPV4_RULE",
            rtnlgrp: rtnlgrp::IPV4_RULE,
            family: Some(af::INET),
            resync: |m, f| m.resync_dump("dump rules", &RuleDump { family: af::INET }, f),
        },
        Group {
            flag: MonitorGroups::IPV6_RULE,
            name: "IPV6_RULE",
            rtnlgrp: rtnlgrp::IPV6_RULE,
            family: Some(af::INET6),
            resync: |m, f| m.resync_dump("dump rules", &RuleDump { family: af::INET6 }, f),
        },
    ];
}
