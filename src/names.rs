//! iproute2's words for kernel numbers: flag names, states, scopes, protocols, tables.
//!
//! `ip` prints `UP`, `LOWER_UP`, `scope link`, `proto static`, `table main`; these functions
//! give the same words for the same numbers (iproute2 6.1, `lib/rt_names.c`,
//! `ip/ipaddress.c`), so JSON output matches `ip -j` and scripts can switch. A number with no
//! name is printed as the number, as `ip` does.

use core::fmt;
use core::sync::atomic::{AtomicBool, Ordering};

use rtnl_codec::{arphrd, ifa_f, iff, rt_scope, rt_table, rtm_f, rtn, rtnh_f, rtprot};

/// A kernel number as iproute2 names it: a known word, or the number itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Name {
    /// The word `ip` prints.
    Known(&'static str),
    /// No word for it: `ip` prints the number.
    Number(u32),
    /// A link type printed by number (`ip -N`): `ip`'s `ll_type_n2a` puts it in brackets,
    /// `[772]`.
    Bracketed(u32),
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Name::Known(word) => f.write_str(word),
            Name::Number(n) => write!(f, "{n}"),
            Name::Bracketed(n) => write!(f, "[{n}]"),
        }
    }
}

/// `ip -N` / `-Numeric`: iproute2's global `numeric`, under which its `rt_names.c` lookups
/// (route types, protocols, scopes, tables, groups) and `ll_type_n2a` print numbers.
static NUMERIC: AtomicBool = AtomicBool::new(false);

/// Makes the words of [`route_type`], [`protocol`], [`scope`], [`table`], [`group`] and
/// [`link_type`] numbers for the whole process, as `ip -N` (`-Numeric`) does through its global
/// `numeric` flag.
pub fn set_numeric(numeric: bool) {
    NUMERIC.store(numeric, Ordering::Relaxed);
}

/// [`lookup`] for the names `ip -N` turns into numbers.
fn rt_lookup(table: &[(u32, &'static str)], value: u32) -> Name {
    if NUMERIC.load(Ordering::Relaxed) {
        Name::Number(value)
    } else {
        lookup(table, value)
    }
}

/// `ip -r` / `-resolve`: iproute2's global `resolve_hosts`, under which `format_host()` prints
/// the host name of an address rather than the address.
static RESOLVE_HOSTS: AtomicBool = AtomicBool::new(false);

/// Makes [`host`] print host names for the whole process, as `ip -r` (`-resolve`) does through
/// its global `resolve_hosts`.
pub fn set_resolve_hosts(resolve: bool) {
    RESOLVE_HOSTS.store(resolve, Ordering::Relaxed);
}

/// An address as `ip` prints a host (`format_host()` in iproute2's `lib/utils.c`): its name
/// from the C library's resolver under [`set_resolve_hosts`] (`ip -r`), else the address.
pub fn host(addr: std::net::IpAddr) -> Host {
    Host(addr)
}

/// An address printed as `ip` prints a host; see [`host`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Host(pub std::net::IpAddr);

impl fmt::Display for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !RESOLVE_HOSTS.load(Ordering::Relaxed) {
            return write!(f, "{}", self.0);
        }
        // iproute2 remembers every answer, "not found" too, so an address is looked up once.
        type Cache = std::collections::BTreeMap<std::net::IpAddr, Option<Box<str>>>;
        static CACHE: std::sync::Mutex<Cache> = std::sync::Mutex::new(Cache::new());
        let mut cache = CACHE
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let name = cache.entry(self.0).or_insert_with(|| {
            let mut buf = [0u8; rtnl_sys::NI_MAXHOST];
            rtnl_sys::host_name(self.0, &mut buf).map(|name| String::from_utf8_lossy(name).into())
        });
        match name {
            Some(name) => f.write_str(name),
            None => write!(f, "{}", self.0),
        }
    }
}

fn lookup(table: &[(u32, &'static str)], value: u32) -> Name {
    table
        .iter()
        .find(|(v, _)| *v == value)
        .map_or(Name::Number(value), |(_, word)| Name::Known(word))
}

fn parse(table: &[(u32, &'static str)], word: &str) -> Option<u32> {
    table
        .iter()
        .find(|(_, w)| *w == word)
        .map(|(v, _)| *v)
        .or_else(|| parse_number(word))
}

/// A number as iproute2's `get_unsigned(&v, word, 0)` reads it: [`strtoul`], at most
/// `UINT_MAX`.
pub fn parse_number(word: &str) -> Option<u32> {
    strtoul(word).and_then(|n| u32::try_from(n).ok())
}

/// The digits of a C number read with base 0 (`strtoul(3)`): blanks skipped, an optional
/// sign, `0x`/`0X` then hexadecimal digits, a leading `0` then octal digits, else decimal
/// digits; `None` when there is no digit or anything follows the digits (iproute2 requires the
/// whole word), else the sign and the value (`None` inside when it does not fit 64 bits).
fn c_digits(word: &str) -> Option<(bool, Option<u64>)> {
    c_digits_in(word, None)
}

/// [`c_digits`] with a fixed radix (`Some(10)`: C's base 10, no prefixes), or base 0 (`None`).
fn c_digits_in(word: &str, fixed: Option<u32>) -> Option<(bool, Option<u64>)> {
    let bytes = word.as_bytes();
    let mut i = bytes
        .iter()
        .position(|&b| !matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'))?;
    let negative = bytes[i] == b'-';
    if matches!(bytes[i], b'-' | b'+') {
        i += 1;
    }
    let rest = &bytes[i..];
    let (radix, digits) = match (fixed, rest) {
        (Some(radix), _) => (radix, rest),
        (None, [b'0', b'x' | b'X', d, ..]) if d.is_ascii_hexdigit() => (16, &rest[2..]),
        (None, [b'0', ..]) => (8, rest),
        (None, _) => (10, rest),
    };
    if digits.is_empty() {
        return None;
    }
    let mut value = Some(0u64);
    for &b in digits {
        let digit = char::from(b).to_digit(radix)?;
        value = value
            .and_then(|v| v.checked_mul(u64::from(radix)))
            .and_then(|v| v.checked_add(u64::from(digit)));
    }
    Some((negative, value))
}

/// C's `strtoul(word, &end, 0)` over the whole word, as iproute2 reads its numbers: `010` is
/// 8, `0x10` is 16, `08` and `1x` are no number; `-N` wraps (`-1` is `ULONG_MAX`) and a value
/// past 64 bits is `ULONG_MAX` (C's `ERANGE`), so a range check refuses both.
pub fn strtoul(word: &str) -> Option<u64> {
    let (negative, value) = c_digits(word)?;
    Some(match value {
        None => u64::MAX,
        Some(v) if negative => v.wrapping_neg(),
        Some(v) => v,
    })
}

/// C's `strtol(word, &end, 0)` over the whole word (see [`strtoul`]): a value past the range
/// of `long` is `LONG_MAX` or `LONG_MIN` (C's `ERANGE`).
pub fn strtol(word: &str) -> Option<i64> {
    strtol_from(c_digits(word)?)
}

/// C's `strtol(word, &end, 10)` over the whole word: decimal digits only (`010` is 10).
pub fn strtol_decimal(word: &str) -> Option<i64> {
    strtol_from(c_digits_in(word, Some(10))?)
}

/// `strtol`'s value from a sign and digits (`None`: past 64 bits), saturated as C does.
fn strtol_from((negative, value): (bool, Option<u64>)) -> Option<i64> {
    Some(match (negative, value.map(i128::from)) {
        (false, Some(v)) => i64::try_from(v).unwrap_or(i64::MAX),
        (true, Some(v)) => i64::try_from(-v).unwrap_or(i64::MIN),
        (false, None) => i64::MAX,
        (true, None) => i64::MIN,
    })
}

/// A number as iproute2's `get_integer(&v, word, 0)` (and `get_s32`) reads it: [`strtol`]
/// within `int`.
pub fn parse_integer(word: &str) -> Option<i32> {
    strtol(word).and_then(|n| i32::try_from(n).ok())
}

/// The `IFF_*` flags in the order `ip link` prints them.
const LINK_FLAGS: [(u32, &str); 18] = [
    (iff::LOOPBACK, "LOOPBACK"),
    (iff::BROADCAST, "BROADCAST"),
    (iff::POINTOPOINT, "POINTOPOINT"),
    (iff::MULTICAST, "MULTICAST"),
    (iff::NOARP, "NOARP"),
    (iff::ALLMULTI, "ALLMULTI"),
    (iff::PROMISC, "PROMISC"),
    (iff::MASTER, "MASTER"),
    (iff::SLAVE, "SLAVE"),
    (iff::DEBUG, "DEBUG"),
    (iff::DYNAMIC, "DYNAMIC"),
    (iff::AUTOMEDIA, "AUTOMEDIA"),
    (iff::PORTSEL, "PORTSEL"),
    (iff::NOTRAILERS, "NOTRAILERS"),
    (iff::UP, "UP"),
    (iff::LOWER_UP, "LOWER_UP"),
    (iff::DORMANT, "DORMANT"),
    (iff::ECHO, "ECHO"),
];

/// The words `ip link` prints between `<` and `>`, in its order: `NO-CARRIER` when up without
/// `IFF_RUNNING`, the named flags, any unnamed bits in hex, and `M-DOWN` when `lower_down` (the
/// device it is linked to, in the same namespace, is down).
pub fn link_flags(flags: u32, lower_down: bool) -> Vec<String> {
    let mut words = Vec::new();
    for_each_link_flag(flags, lower_down, |word| words.push(word.to_string()));
    words
}

/// One word of a link's flags (`print_link_flags()`): a name, or the unnamed bits left, which
/// `ip` prints in hex.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlagWord {
    /// A named flag (`UP`, `NO-CARRIER`, `M-DOWN`).
    Named(&'static str),
    /// The bits no name covers, printed as lower-case hex.
    Unnamed(u32),
}

impl fmt::Display for FlagWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FlagWord::Named(word) => f.write_str(word),
            FlagWord::Unnamed(bits) => write!(f, "{bits:x}"),
        }
    }
}

/// Calls `each` with the words of [`link_flags`], in order, without allocating.
pub fn for_each_link_flag(flags: u32, lower_down: bool, mut each: impl FnMut(FlagWord)) {
    if flags & iff::UP != 0 && flags & iff::RUNNING == 0 {
        each(FlagWord::Named("NO-CARRIER"));
    }
    let mut rest = flags & !iff::RUNNING;
    for (bit, word) in LINK_FLAGS {
        if rest & bit != 0 {
            rest &= !bit;
            each(FlagWord::Named(word));
        }
    }
    if rest != 0 {
        each(FlagWord::Unnamed(rest));
    }
    if lower_down {
        each(FlagWord::Named("M-DOWN"));
    }
}

/// `IF_OPER_*` as `ip link` prints `state`.
pub fn operstate(state: u8) -> Name {
    const STATES: [(u32, &str); 7] = [
        (0, "UNKNOWN"),
        (1, "NOTPRESENT"),
        (2, "DOWN"),
        (3, "LOWERLAYERDOWN"),
        (4, "TESTING"),
        (5, "DORMANT"),
        (6, "UP"),
    ];
    lookup(&STATES, u32::from(state))
}

/// `IF_LINK_MODE_*` as `ip link` prints `mode`.
pub fn linkmode(mode: u8) -> Name {
    lookup(
        &[(0, "DEFAULT"), (1, "DORMANT"), (2, "TESTING")],
        u32::from(mode),
    )
}

/// `ARPHRD_*` as `ip link` prints `link/...` (the common ones).
pub fn link_type(ty: u16) -> Name {
    const TYPES: [(u32, &str); 14] = [
        (arphrd::ETHER as u32, "ether"),
        (arphrd::LOOPBACK as u32, "loopback"),
        (arphrd::NONE as u32, "none"),
        (arphrd::VOID as u32, "void"),
        (arphrd::IEEE802 as u32, "ieee802"),
        (arphrd::INFINIBAND as u32, "infiniband"),
        (arphrd::PPP as u32, "ppp"),
        (arphrd::TUNNEL as u32, "ipip"),
        (arphrd::TUNNEL6 as u32, "tunnel6"),
        (arphrd::SIT as u32, "sit"),
        (arphrd::IPGRE as u32, "gre"),
        (arphrd::IP6GRE as u32, "gre6"),
        (arphrd::IEEE80211 as u32, "ieee802.11"),
        (arphrd::CAN as u32, "can"),
    ];
    if NUMERIC.load(Ordering::Relaxed) {
        return Name::Bracketed(u32::from(ty));
    }
    lookup(&TYPES, u32::from(ty))
}

/// Device group 0 is `default`; others print as numbers (no `/etc/iproute2/group` is read).
pub fn group(group: u32) -> Name {
    rt_lookup(&[(0, "default")], group)
}

const SCOPES: [(u32, &str); 5] = [
    (rt_scope::UNIVERSE as u32, "global"),
    (rt_scope::SITE as u32, "site"),
    (rt_scope::LINK as u32, "link"),
    (rt_scope::HOST as u32, "host"),
    (rt_scope::NOWHERE as u32, "nowhere"),
];

/// `RT_SCOPE_*` as `ip` prints `scope`.
pub fn scope(scope: u8) -> Name {
    rt_lookup(&SCOPES, u32::from(scope))
}

/// Reads a scope word or number (`global`, `link`, `host`, `253`).
pub fn parse_scope(word: &str) -> Option<u8> {
    parse(&SCOPES, word).and_then(|v| u8::try_from(v).ok())
}

const ROUTE_TYPES: [(u32, &str); 12] = [
    (rtn::UNSPEC as u32, "none"),
    (rtn::UNICAST as u32, "unicast"),
    (rtn::LOCAL as u32, "local"),
    (rtn::BROADCAST as u32, "broadcast"),
    (rtn::ANYCAST as u32, "anycast"),
    (rtn::MULTICAST as u32, "multicast"),
    (rtn::BLACKHOLE as u32, "blackhole"),
    (rtn::UNREACHABLE as u32, "unreachable"),
    (rtn::PROHIBIT as u32, "prohibit"),
    (rtn::THROW as u32, "throw"),
    (rtn::NAT as u32, "nat"),
    (rtn::XRESOLVE as u32, "xresolve"),
];

/// `RTN_*` as `ip route` prints the route type.
pub fn route_type(ty: u8) -> Name {
    rt_lookup(&ROUTE_TYPES, u32::from(ty))
}

/// Reads a route type word as iproute2's `rtnl_rtntype_a2n()` does: `local`, `nat` and
/// `throw` whole, `brd`, the others by any prefix (`b` is `broadcast`, `any` is `anycast`, `u`
/// is `unreachable`, in ip's order), else a number up to 255 (`none` is not a word it reads).
pub fn parse_route_type(word: &str) -> Option<u8> {
    const WHOLE: [(u8, &str); 4] = [
        (rtn::LOCAL, "local"),
        (rtn::NAT, "nat"),
        (rtn::BROADCAST, "brd"),
        (rtn::THROW, "throw"),
    ];
    const BY_PREFIX: [(u8, &str); 8] = [
        (rtn::BROADCAST, "broadcast"),
        (rtn::ANYCAST, "anycast"),
        (rtn::MULTICAST, "multicast"),
        (rtn::PROHIBIT, "prohibit"),
        (rtn::UNREACHABLE, "unreachable"),
        (rtn::BLACKHOLE, "blackhole"),
        (rtn::XRESOLVE, "xresolve"),
        (rtn::UNICAST, "unicast"),
    ];
    let whole = WHOLE.iter().find(|(_, w)| *w == word);
    let prefix = || {
        BY_PREFIX
            .iter()
            .find(|(_, w)| !word.is_empty() && w.starts_with(word))
    };
    match whole.or_else(prefix) {
        Some((ty, _)) => Some(*ty),
        None => strtoul(word).and_then(|n| u8::try_from(n).ok()),
    }
}

const PROTOCOLS: [(u32, &str); 22] = [
    (rtprot::UNSPEC as u32, "unspec"),
    (rtprot::REDIRECT as u32, "redirect"),
    (rtprot::KERNEL as u32, "kernel"),
    (rtprot::BOOT as u32, "boot"),
    (rtprot::STATIC as u32, "static"),
    (rtprot::GATED as u32, "gated"),
    (rtprot::RA as u32, "ra"),
    (rtprot::MRT as u32, "mrt"),
    (rtprot::ZEBRA as u32, "zebra"),
    (rtprot::BIRD as u32, "bird"),
    (rtprot::DNROUTED as u32, "dnrouted"),
    (rtprot::XORP as u32, "xorp"),
    (rtprot::NTK as u32, "ntk"),
    (rtprot::DHCP as u32, "dhcp"),
    (rtprot::KEEPALIVED as u32, "keepalived"),
    (rtprot::BABEL as u32, "babel"),
    (rtprot::OPENR as u32, "openr"),
    (rtprot::BGP as u32, "bgp"),
    (rtprot::ISIS as u32, "isis"),
    (rtprot::OSPF as u32, "ospf"),
    (rtprot::RIP as u32, "rip"),
    (rtprot::EIGRP as u32, "eigrp"),
];

/// `RTPROT_*` as `ip route` prints `proto`.
pub fn protocol(protocol: u8) -> Name {
    rt_lookup(&PROTOCOLS, u32::from(protocol))
}

/// Reads a protocol word or number (`static`, `boot`, `42`).
pub fn parse_protocol(word: &str) -> Option<u8> {
    parse(&PROTOCOLS, word).and_then(|v| u8::try_from(v).ok())
}

const TABLES: [(u32, &str); 3] = [
    (rt_table::DEFAULT, "default"),
    (rt_table::MAIN, "main"),
    (rt_table::LOCAL, "local"),
];

/// A routing table id as `ip route` prints `table`.
pub fn table(table: u32) -> Name {
    rt_lookup(&TABLES, table)
}

/// Reads a table word or number (`main`, `local`, `1000`) as iproute2's `rtnl_rttable_a2n`:
/// the number is [`strtoul`] kept in a C `int`, so it is cut to 32 bits (`-1` is
/// 4294967295) and never out of range.
pub fn parse_table(word: &str) -> Option<u32> {
    TABLES
        .iter()
        .find(|(_, w)| *w == word)
        .map(|(v, _)| *v)
        .or_else(|| strtoul(word).map(|n| n as u32))
}

/// Reads a link group word or number (`default`, `7`) as iproute2's `rtnl_group_a2n`: the
/// number is [`strtol`] kept in a C `int` (cut to 32 bits) and refused when negative, so `-0`
/// is 0 and 4294967295 is refused.
pub fn parse_group(word: &str) -> Option<u32> {
    if word == "default" {
        return Some(0);
    }
    u32::try_from(strtol(word)? as i32).ok()
}

/// Realm 0 as iproute2's shipped `rt_realms` names it; other realms print as numbers (no
/// `/etc/iproute2/rt_realms` is read).
const REALMS: [(u32, &str); 1] = [(0, "cosmos")];

/// A routing realm (`RTA_FLOW`'s halves) as `ip route` prints `realm`.
pub fn realm(realm: u32) -> Name {
    lookup(&REALMS, realm)
}

/// Reads one realm word or number, 0 to 255 (`rtnl_rtrealm_a2n`).
fn parse_realm(word: &str) -> Option<u32> {
    parse(&REALMS, word).filter(|&realm| realm <= 255)
}

/// Reads `realms [FROM/]TO` (`get_rt_realms_or_raw`): `FROM/TO` realms into the high and low
/// 16 bits of `RTA_FLOW`, else the raw number.
pub fn parse_realms(word: &str) -> Option<u32> {
    let realms = match word.split_once('/') {
        Some((from, to)) => parse_realm(from).and_then(|from| {
            let to = if to.is_empty() {
                Some(0)
            } else {
                parse_realm(to)
            };
            to.map(|to| from << 16 | to)
        }),
        None if word.is_empty() => Some(0),
        None => parse_realm(word),
    };
    realms.or_else(|| parse_number(word))
}

/// `RTNH_F_*` next-hop flags as `ip route` prints them, in its order.
pub fn nexthop_flags(flags: u32) -> Vec<&'static str> {
    let mut words = Vec::new();
    for_each_nexthop_flag(flags, |word| words.push(word));
    words
}

/// Calls `each` with the words of [`nexthop_flags`], in order, without allocating.
pub fn for_each_nexthop_flag(flags: u32, mut each: impl FnMut(&'static str)) {
    // ip's print_rt_flags(): next-hop flags and, in a route's rtm_flags, route flags, in its
    // order.
    const FLAGS: [(u32, &str); 11] = [
        (rtnh_f::DEAD as u32, "dead"),
        (rtnh_f::ONLINK as u32, "onlink"),
        (rtnh_f::PERVASIVE as u32, "pervasive"),
        (rtnh_f::OFFLOAD as u32, "offload"),
        (rtnh_f::TRAP as u32, "trap"),
        (rtm_f::NOTIFY, "notify"),
        (rtnh_f::LINKDOWN as u32, "linkdown"),
        (rtnh_f::UNRESOLVED as u32, "unresolved"),
        (rtm_f::OFFLOAD, "rt_offload"),
        (rtm_f::TRAP, "rt_trap"),
        (rtm_f::OFFLOAD_FAILED, "rt_offload_failed"),
    ];
    for (bit, word) in FLAGS {
        if flags & bit != 0 {
            each(word);
        }
    }
}

/// `IFA_F_*` address flags as `ip addr` prints them, in its order. IPv4 calls bit 0
/// `secondary`, IPv6 `temporary`; `dynamic` is printed when `IFA_F_PERMANENT` is absent.
pub fn address_flags(flags: u32, ipv6: bool) -> Vec<&'static str> {
    let mut words = Vec::new();
    for_each_address_flag(flags, ipv6, |word| words.push(word));
    words
}

/// Calls `each` with the words of [`address_flags`], in order, without allocating.
pub fn for_each_address_flag(flags: u32, ipv6: bool, mut each: impl FnMut(&'static str)) {
    if flags & ifa_f::SECONDARY != 0 {
        each(if ipv6 { "temporary" } else { "secondary" });
    }
    const FLAGS: [(u32, &str); 10] = [
        (ifa_f::NODAD, "nodad"),
        (ifa_f::OPTIMISTIC, "optimistic"),
        (ifa_f::DADFAILED, "dadfailed"),
        (ifa_f::HOMEADDRESS, "home"),
        (ifa_f::DEPRECATED, "deprecated"),
        (ifa_f::TENTATIVE, "tentative"),
        (ifa_f::MANAGETEMPADDR, "mngtmpaddr"),
        (ifa_f::NOPREFIXROUTE, "noprefixroute"),
        (ifa_f::MCAUTOJOIN, "autojoin"),
        (ifa_f::STABLE_PRIVACY, "stable-privacy"),
    ];
    for (bit, word) in FLAGS {
        if flags & bit != 0 {
            each(word);
        }
        if bit == ifa_f::TENTATIVE && flags & ifa_f::PERMANENT == 0 {
            each("dynamic");
        }
    }
}

/// The name of user `uid` as `getpwuid()` finds it in `/etc/passwd` (`name:x:uid:...`), if
/// there is one (`ip -d` prints a tun device's owner by name, else by number). The file is
/// read once per process.
pub fn user_name(uid: u32) -> Option<&'static str> {
    static USERS: std::sync::OnceLock<Vec<(u32, String)>> = std::sync::OnceLock::new();
    id_name(USERS.get_or_init(|| id_names("/etc/passwd")), uid)
}

/// The name of group `gid` in `/etc/group` (`name:x:gid:...`), as `getgrgid()` finds it; read
/// once per process.
pub fn group_name(gid: u32) -> Option<&'static str> {
    static GROUPS: std::sync::OnceLock<Vec<(u32, String)>> = std::sync::OnceLock::new();
    id_name(GROUPS.get_or_init(|| id_names("/etc/group")), gid)
}

/// The first name with `id` in a table [`id_names`] read.
fn id_name(table: &'static [(u32, String)], id: u32) -> Option<&'static str> {
    table
        .iter()
        .find(|(entry, _)| *entry == id)
        .map(|(_, name)| name.as_str())
}

/// The ids and names of the colon-separated database `path` (name first, id third).
fn id_names(path: &str) -> Vec<(u32, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter_map(|line| {
            let mut fields = line.split(':');
            let name = fields.next()?;
            let id = fields.nth(1)?.parse::<u32>().ok()?;
            Some((id, name.to_owned()))
        })
        .collect()
}

/// A link-layer address as `ip link` prints it: lower-case hex bytes joined by `:`.
pub fn hardware_address(bytes: &[u8]) -> String {
    HardwareAddress(bytes).to_string()
}

/// A link-layer address that displays as `ip link` prints it (`ll_addr_n2a()`), without
/// allocating: lower-case hex bytes joined by `:`.
#[derive(Clone, Copy, Debug)]
pub struct HardwareAddress<'a>(pub &'a [u8]);

impl HardwareAddress<'_> {
    /// Hands `each` the text a chunk at a time (ASCII: hex digits and `:`): one call per
    /// 16 bytes of address instead of two formatted writes per byte (a link dump prints two
    /// addresses per link).
    pub fn write_text(&self, mut each: impl FnMut(&[u8])) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut text = [0u8; 48];
        for (n, chunk) in self.0.chunks(text.len() / 3).enumerate() {
            for (slot, &byte) in text.chunks_exact_mut(3).zip(chunk) {
                slot.copy_from_slice(&[
                    b':',
                    HEX[usize::from(byte >> 4)],
                    HEX[usize::from(byte & 0xf)],
                ]);
            }
            let written = text.get(..chunk.len() * 3).unwrap_or_default();
            // The first byte of the address has no `:` before it.
            let written = if n == 0 {
                written.get(1..).unwrap_or_default()
            } else {
                written
            };
            each(written);
        }
    }
}

impl fmt::Display for HardwareAddress<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut result = Ok(());
        self.write_text(|text| {
            if result.is_ok() {
                result = f.write_str(std::str::from_utf8(text).unwrap_or_default());
            }
        });
        result
    }
}

/// Reads `aa:bb:cc:dd:ee:ff` (also with upper-case hex).
pub fn parse_mac(text: &str) -> Option<[u8; 6]> {
    let mut mac = [0u8; 6];
    let mut parts = text.split(':');
    for byte in &mut mac {
        *byte = u8::from_str_radix(parts.next()?, 16).ok()?;
    }
    parts.next().is_none().then_some(mac)
}

/// The DS field (TOS) names of iproute2's shipped `/etc/iproute2/rt_dsfield`.
const DSFIELDS: [(u32, &str); 21] = [
    (0x00, "default"),
    (0x28, "AF11"),
    (0x30, "AF12"),
    (0x38, "AF13"),
    (0x48, "AF21"),
    (0x50, "AF22"),
    (0x58, "AF23"),
    (0x68, "AF31"),
    (0x70, "AF32"),
    (0x78, "AF33"),
    (0x88, "AF41"),
    (0x90, "AF42"),
    (0x98, "AF43"),
    (0x20, "CS1"),
    (0x40, "CS2"),
    (0x60, "CS3"),
    (0x80, "CS4"),
    (0xa0, "CS5"),
    (0xc0, "CS6"),
    (0xe0, "CS7"),
    (0xb8, "EF"),
];

/// A TOS (DS field) as `ip` prints it (`rtnl_dsfield_n2a()`): its name, or `0x%02x`.
pub fn dsfield(tos: u8) -> DsField {
    DsField(tos)
}

/// A TOS value printed as `ip` prints it; see [`dsfield`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DsField(pub u8);

impl fmt::Display for DsField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match lookup(&DSFIELDS, u32::from(self.0)) {
            Name::Known(word) => f.write_str(word),
            Name::Number(_) | Name::Bracketed(_) => write!(f, "0x{:02x}", self.0),
        }
    }
}

/// Reads a TOS as `ip` does (`rtnl_dsfield_a2n()`): a name, else a hexadecimal number (with
/// or without `0x`) up to 255.
pub fn parse_dsfield(word: &str) -> Option<u8> {
    if let Some((value, _)) = DSFIELDS.iter().find(|(_, name)| *name == word) {
        return u8::try_from(*value).ok();
    }
    let digits = word
        .strip_prefix("0x")
        .or_else(|| word.strip_prefix("0X"))
        .unwrap_or(word);
    u8::from_str_radix(digits, 16).ok()
}

/// IP protocol numbers and their names from `/etc/protocols` (official names first, then the
/// aliases), what `getprotobynumber()` and `getprotobyname()` answer `ip`.
const IP_PROTOCOLS: &[(u32, &str)] = &[
    (0, "ip"),
    (0, "hopopt"),
    (1, "icmp"),
    (2, "igmp"),
    (3, "ggp"),
    (4, "ipencap"),
    (5, "st"),
    (6, "tcp"),
    (8, "egp"),
    (9, "igp"),
    (12, "pup"),
    (17, "udp"),
    (20, "hmp"),
    (22, "xns-idp"),
    (27, "rdp"),
    (29, "iso-tp4"),
    (33, "dccp"),
    (36, "xtp"),
    (37, "ddp"),
    (38, "idpr-cmtp"),
    (41, "ipv6"),
    (43, "ipv6-route"),
    (44, "ipv6-frag"),
    (45, "idrp"),
    (46, "rsvp"),
    (47, "gre"),
    (50, "esp"),
    (51, "ah"),
    (57, "skip"),
    (58, "ipv6-icmp"),
    (59, "ipv6-nonxt"),
    (60, "ipv6-opts"),
    (73, "rspf"),
    (81, "vmtp"),
    (88, "eigrp"),
    (89, "ospf"),
    (93, "ax.25"),
    (94, "ipip"),
    (97, "etherip"),
    (98, "encap"),
    (103, "pim"),
    (108, "ipcomp"),
    (112, "vrrp"),
    (115, "l2tp"),
    (124, "isis"),
    (132, "sctp"),
    (133, "fc"),
    (135, "mobility-header"),
    (136, "udplite"),
    (137, "mpls-in-ip"),
    (138, "manet"),
    (139, "hip"),
    (140, "shim6"),
    (141, "wesp"),
    (142, "rohc"),
    (143, "ethernet"),
    (0, "IP"),
    (0, "HOPOPT"),
    (1, "ICMP"),
    (2, "IGMP"),
    (3, "GGP"),
    (4, "IP-ENCAP"),
    (5, "ST"),
    (6, "TCP"),
    (8, "EGP"),
    (9, "IGP"),
    (12, "PUP"),
    (17, "UDP"),
    (20, "HMP"),
    (22, "XNS-IDP"),
    (27, "RDP"),
    (29, "ISO-TP4"),
    (33, "DCCP"),
    (36, "XTP"),
    (37, "DDP"),
    (38, "IDPR-CMTP"),
    (41, "IPv6"),
    (43, "IPv6-Route"),
    (44, "IPv6-Frag"),
    (45, "IDRP"),
    (46, "RSVP"),
    (47, "GRE"),
    (50, "IPSEC-ESP"),
    (51, "IPSEC-AH"),
    (57, "SKIP"),
    (58, "IPv6-ICMP"),
    (59, "IPv6-NoNxt"),
    (60, "IPv6-Opts"),
    (73, "RSPF"),
    (73, "CPHB"),
    (81, "VMTP"),
    (88, "EIGRP"),
    (89, "OSPFIGP"),
    (93, "AX.25"),
    (94, "IPIP"),
    (97, "ETHERIP"),
    (98, "ENCAP"),
    (103, "PIM"),
    (108, "IPCOMP"),
    (112, "VRRP"),
    (115, "L2TP"),
    (124, "ISIS"),
    (132, "SCTP"),
    (133, "FC"),
    (135, "Mobility-Header"),
    (136, "UDPLite"),
    (137, "MPLS-in-IP"),
    (139, "HIP"),
    (140, "Shim6"),
    (141, "WESP"),
    (142, "ROHC"),
    (143, "Ethernet"),
];

/// An IP protocol number as `ip rule` prints `ipproto` (`inet_proto_n2a()`): its name, or
/// `ipproto-N`.
pub fn ip_protocol(proto: u8) -> IpProtocol {
    IpProtocol(proto)
}

/// An IP protocol printed as `ip` prints it; see [`ip_protocol`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct IpProtocol(pub u8);

impl fmt::Display for IpProtocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match lookup(IP_PROTOCOLS, u32::from(self.0)) {
            Name::Known(word) => f.write_str(word),
            Name::Number(n) | Name::Bracketed(n) => write!(f, "ipproto-{n}"),
        }
    }
}

/// Reads an IP protocol as `ip` does (`inet_proto_a2n()`): a decimal number up to 255, else a
/// name or alias from `/etc/protocols`.
pub fn parse_ip_protocol(word: &str) -> Option<u8> {
    if let Ok(n) = word.parse::<u8>() {
        return Some(n);
    }
    IP_PROTOCOLS
        .iter()
        .find(|(_, name)| *name == word)
        .and_then(|(n, _)| u8::try_from(*n).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hardware_addresses_print_as_ip_prints_them() {
        assert_eq!(hardware_address(&[]), "");
        assert_eq!(hardware_address(&[0x0a]), "0a");
        assert_eq!(
            hardware_address(&[0x02, 0x42, 0xac, 0x11, 0x00, 0xff]),
            "02:42:ac:11:00:ff"
        );
        // Longer than one chunk of the buffer (16 bytes): an InfiniBand address is 20.
        let long: Vec<u8> = (0u8..33).map(|b| b.wrapping_mul(37)).collect();
        let expected: Vec<String> = long.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hardware_address(&long), expected.join(":"));
    }

    #[test]
    fn numbers_are_read_as_c_reads_them_with_base_0() {
        assert_eq!(strtoul("010"), Some(8));
        assert_eq!(strtoul("0x10"), Some(16));
        assert_eq!(strtoul("0X1f"), Some(31));
        assert_eq!(strtoul("0"), Some(0));
        assert_eq!(strtoul(" +7"), Some(7));
        assert_eq!(strtoul("-0"), Some(0));
        assert_eq!(strtoul("-1"), Some(u64::MAX));
        assert_eq!(strtoul("99999999999999999999"), Some(u64::MAX));
        for bad in [
            "", " ", "08", "0x", "0xg", "1x", "x", "--1", "+-1", "1 ", "0b1",
        ] {
            assert_eq!(strtoul(bad), None, "{bad:?}");
        }
        assert_eq!(strtol("-010"), Some(-8));
        assert_eq!(strtol_decimal("010"), Some(10));
        assert_eq!(strtol_decimal("-1"), Some(-1));
        assert_eq!(strtol_decimal("0x10"), None);
        assert_eq!(strtol("9223372036854775808"), Some(i64::MAX));
        assert_eq!(strtol("-9223372036854775808"), Some(i64::MIN));
        assert_eq!(strtol("-99999999999999999999"), Some(i64::MIN));
        assert_eq!(parse_number("4294967295"), Some(u32::MAX));
        assert_eq!(parse_number("4294967296"), None);
        assert_eq!(parse_number("-1"), None);
        assert_eq!(parse_integer("2147483647"), Some(i32::MAX));
        assert_eq!(parse_integer("2147483648"), None);
        assert_eq!(parse_integer("-2147483648"), Some(i32::MIN));
        assert_eq!(parse_table("010"), Some(8));
        assert_eq!(parse_table("-1"), Some(u32::MAX));
        assert_eq!(parse_table("08"), None);
        assert_eq!(parse_group("-0"), Some(0));
        assert_eq!(parse_group("010"), Some(8));
        assert_eq!(parse_group("4294967295"), None);
        assert_eq!(parse_group("-1"), None);
        assert_eq!(parse_group("default"), Some(0));
    }

    #[test]
    fn link_flags_follow_ip() {
        let up_no_carrier = iff::UP | iff::BROADCAST | iff::MULTICAST;
        assert_eq!(
            link_flags(up_no_carrier, false),
            ["NO-CARRIER", "BROADCAST", "MULTICAST", "UP"]
        );
        assert_eq!(
            link_flags(iff::BROADCAST | iff::MULTICAST | 0x10_0000, true),
            ["BROADCAST", "MULTICAST", "100000", "M-DOWN"]
        );
    }

    #[test]
    fn numbers_without_names_print_as_numbers() {
        assert_eq!(table(1000).to_string(), "1000");
        assert_eq!(table(254).to_string(), "main");
        assert_eq!(parse_table("local"), Some(255));
        assert_eq!(parse_table("0x10"), Some(16));
        assert_eq!(protocol(99).to_string(), "openr");
        assert_eq!(protocol(77).to_string(), "77");
    }

    #[test]
    fn rule_words_follow_ip() {
        assert_eq!(dsfield(0x10).to_string(), "0x10");
        assert_eq!(dsfield(0xb8).to_string(), "EF");
        assert_eq!(parse_dsfield("10"), Some(0x10));
        assert_eq!(parse_dsfield("0x10"), Some(0x10));
        assert_eq!(parse_dsfield("AF11"), Some(0x28));
        assert_eq!(parse_dsfield("0x100"), None);
        assert_eq!(ip_protocol(6).to_string(), "tcp");
        assert_eq!(ip_protocol(0).to_string(), "ip");
        assert_eq!(ip_protocol(200).to_string(), "ipproto-200");
        assert_eq!(parse_ip_protocol("TCP"), Some(6));
        assert_eq!(parse_ip_protocol("17"), Some(17));
        assert_eq!(parse_ip_protocol("nope"), None);
    }

    #[test]
    fn macs_round_trip() {
        let mac = parse_mac("02:00:0A:ff:00:01").unwrap();
        assert_eq!(hardware_address(&mac), "02:00:0a:ff:00:01");
        assert_eq!(parse_mac("02:00:0a:ff:00"), None);
        assert_eq!(parse_mac("02:00:0a:ff:00:01:02"), None);
    }
}
