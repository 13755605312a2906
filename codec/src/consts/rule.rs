//! `<linux/fib_rules.h>`: the attributes, actions and flags of `RTM_*RULE` messages (routing
//! policy rules, `ip rule`).

/// Rule attributes (`FRA_*` in `<linux/fib_rules.h>`), after `struct fib_rule_hdr` in `RTM_*RULE`
/// messages.
pub mod fra {
    /// `FRA_UNSPEC`: unused (type 0).
    #[doc(alias = "FRA_UNSPEC")]
    pub const UNSPEC: u16 = 0;
    /// `FRA_DST`: the destination prefix's address (`to`); its length is `dst_len`.
    #[doc(alias = "FRA_DST")]
    pub const DST: u16 = 1;
    /// `FRA_SRC`: the source prefix's address (`from`); its length is `src_len`.
    #[doc(alias = "FRA_SRC")]
    pub const SRC: u16 = 2;
    /// `FRA_IIFNAME` (`FRA_IFNAME`): string, the input interface name (`iif`).
    #[doc(alias = "FRA_IIFNAME")]
    #[doc(alias = "FRA_IFNAME")]
    pub const IIFNAME: u16 = 3;
    /// `FRA_GOTO`: `u32` the priority of the rule to jump to (`goto`, `FR_ACT_GOTO`).
    #[doc(alias = "FRA_GOTO")]
    pub const GOTO: u16 = 4;
    /// `FRA_PRIORITY`: `u32` the rule's priority (`pref`); the kernel leaves it out for 0.
    #[doc(alias = "FRA_PRIORITY")]
    pub const PRIORITY: u16 = 6;
    /// `FRA_FWMARK`: `u32` the firewall mark to match (`fwmark`).
    #[doc(alias = "FRA_FWMARK")]
    pub const FWMARK: u16 = 10;
    /// `FRA_FLOW`: `u32` the realms (`realms`): source realm in the high 16 bits.
    #[doc(alias = "FRA_FLOW")]
    pub const FLOW: u16 = 11;
    /// `FRA_TUN_ID`: `be64` the tunnel id to match (`tun_id`).
    #[doc(alias = "FRA_TUN_ID")]
    pub const TUN_ID: u16 = 12;
    /// `FRA_SUPPRESS_IFGROUP`: `u32` ignore the table's answer when its device is in this group.
    #[doc(alias = "FRA_SUPPRESS_IFGROUP")]
    pub const SUPPRESS_IFGROUP: u16 = 13;
    /// `FRA_SUPPRESS_PREFIXLEN`: `u32` ignore the table's answer when its prefix is this long or
    /// shorter (`suppress_prefixlength`); -1 (`u32::MAX`) for none.
    #[doc(alias = "FRA_SUPPRESS_PREFIXLEN")]
    pub const SUPPRESS_PREFIXLEN: u16 = 14;
    /// `FRA_TABLE`: `u32` the table id, for ids above 255 (`fib_rule_hdr.table` says 0 then).
    #[doc(alias = "FRA_TABLE")]
    pub const TABLE: u16 = 15;
    /// `FRA_FWMASK`: `u32` the mask applied to the firewall mark before matching.
    #[doc(alias = "FRA_FWMASK")]
    pub const FWMASK: u16 = 16;
    /// `FRA_OIFNAME`: string, the output interface name (`oif`).
    #[doc(alias = "FRA_OIFNAME")]
    pub const OIFNAME: u16 = 17;
    /// `FRA_PAD`: padding for 64-bit attributes.
    #[doc(alias = "FRA_PAD")]
    pub const PAD: u16 = 18;
    /// `FRA_L3MDEV`: `u8` 1: look up the table of the L3 master device (VRF) of the packet's
    /// device (`l3mdev`).
    #[doc(alias = "FRA_L3MDEV")]
    pub const L3MDEV: u16 = 19;
    /// `FRA_UID_RANGE`: `struct fib_rule_uid_range` the socket owner's uid range (`uidrange`).
    #[doc(alias = "FRA_UID_RANGE")]
    pub const UID_RANGE: u16 = 20;
    /// `FRA_PROTOCOL`: `u8` who installed the rule, `RTPROT_*` (`protocol`).
    #[doc(alias = "FRA_PROTOCOL")]
    pub const PROTOCOL: u16 = 21;
    /// `FRA_IP_PROTO`: `u8` the IP protocol to match (`ipproto`).
    #[doc(alias = "FRA_IP_PROTO")]
    pub const IP_PROTO: u16 = 22;
    /// `FRA_SPORT_RANGE`: `struct fib_rule_port_range` the source port range (`sport`).
    #[doc(alias = "FRA_SPORT_RANGE")]
    pub const SPORT_RANGE: u16 = 23;
    /// `FRA_DPORT_RANGE`: `struct fib_rule_port_range` the destination port range (`dport`).
    #[doc(alias = "FRA_DPORT_RANGE")]
    pub const DPORT_RANGE: u16 = 24;
    /// `FRA_MAX`: the highest `FRA_*` value in the 6.1 headers.
    #[doc(alias = "FRA_MAX")]
    pub const MAX: u16 = 24;
}

/// Rule actions (`FR_ACT_*` in `<linux/fib_rules.h>`), the values of `fib_rule_hdr.action`. The
/// drop actions share their numbers with the route types `RTN_BLACKHOLE`, `RTN_UNREACHABLE` and
/// `RTN_PROHIBIT`, which is how `ip rule` reads and prints them.
pub mod fr_act {
    /// `FR_ACT_UNSPEC`: no action (what `ip rule del` sends: match any).
    #[doc(alias = "FR_ACT_UNSPEC")]
    pub const UNSPEC: u8 = 0;
    /// `FR_ACT_TO_TBL`: look the packet up in the rule's table.
    #[doc(alias = "FR_ACT_TO_TBL")]
    pub const TO_TBL: u8 = 1;
    /// `FR_ACT_GOTO`: jump to the rule whose priority is `FRA_GOTO`.
    #[doc(alias = "FR_ACT_GOTO")]
    pub const GOTO: u8 = 2;
    /// `FR_ACT_NOP`: do nothing (a target for `goto`).
    #[doc(alias = "FR_ACT_NOP")]
    pub const NOP: u8 = 3;
    /// `FR_ACT_BLACKHOLE`: drop the packet silently.
    #[doc(alias = "FR_ACT_BLACKHOLE")]
    pub const BLACKHOLE: u8 = 6;
    /// `FR_ACT_UNREACHABLE`: drop the packet, `ENETUNREACH`.
    #[doc(alias = "FR_ACT_UNREACHABLE")]
    pub const UNREACHABLE: u8 = 7;
    /// `FR_ACT_PROHIBIT`: drop the packet, `EACCES`.
    #[doc(alias = "FR_ACT_PROHIBIT")]
    pub const PROHIBIT: u8 = 8;
}

/// Rule flags (`FIB_RULE_*` in `<linux/fib_rules.h>`), the bits of `fib_rule_hdr.flags`.
pub mod fib_rule {
    /// `FIB_RULE_PERMANENT`: the rule cannot be deleted (the kernel's local-table rule).
    #[doc(alias = "FIB_RULE_PERMANENT")]
    pub const PERMANENT: u32 = 0x1;
    /// `FIB_RULE_INVERT`: the selector is negated (`not`).
    #[doc(alias = "FIB_RULE_INVERT")]
    pub const INVERT: u32 = 0x2;
    /// `FIB_RULE_UNRESOLVED`: a `goto` whose target rule does not exist.
    #[doc(alias = "FIB_RULE_UNRESOLVED")]
    pub const UNRESOLVED: u32 = 0x4;
    /// `FIB_RULE_IIF_DETACHED`: the `iif` device does not exist (now).
    #[doc(alias = "FIB_RULE_IIF_DETACHED")]
    #[doc(alias = "FIB_RULE_DEV_DETACHED")]
    pub const IIF_DETACHED: u32 = 0x8;
    /// `FIB_RULE_OIF_DETACHED`: the `oif` device does not exist (now).
    #[doc(alias = "FIB_RULE_OIF_DETACHED")]
    pub const OIF_DETACHED: u32 = 0x10;
    /// `FIB_RULE_FIND_SADDR`: find a source address in route lookups.
    #[doc(alias = "FIB_RULE_FIND_SADDR")]
    pub const FIND_SADDR: u32 = 0x10000;
}
