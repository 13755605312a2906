//! iproute2's words for kernel numbers: flag names, states, scopes, protocols, tables.
//!
//! `ip` prints `UP`, `LOWER_UP`, `scope link`, `proto static`, `table main`; these functions
//! give the same words for the same numbers (iproute2 6.1, `lib/rt_names.c`,
//! `ip/ipaddress.c`), so JSON output matches `ip -j` and scripts can switch. A number with no
//! name is printed as the number, as `ip` does.

use core::fmt;

use rtnl_codec::{arphrd, ifa_f, iff, rt_scope, rt_table, rtn, rtnh_f, rtprot};

/// A kernel number as iproute2 names it: a known word, or the number itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Name {
    /// The word `ip` prints.
    Known(&'static str),
    /// No word for it: `ip` prints the number.
    Number(u32),
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Name::Known(word) => f.write_str(word),
            Name::Number(n) => write!(f, "{n}"),
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

/// A decimal or `0x` hexadecimal number, as iproute2's `get_unsigned` reads it.
pub fn parse_number(word: &str) -> Option<u32> {
    match word.strip_prefix("0x") {
        Some(hex) => u32::from_str_radix(hex, 16).ok(),
        None => word.parse().ok(),
    }
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
    lookup(&TYPES, u32::from(ty))
}

/// Device group 0 is `default`; others print as numbers (no `/etc/iproute2/group` is read).
pub fn group(group: u32) -> Name {
    lookup(&[(0, "default")], group)
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
    lookup(&SCOPES, u32::from(scope))
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
    lookup(&ROUTE_TYPES, u32::from(ty))
}

/// Reads a route type word (`unicast`, `blackhole`, ...).
pub fn parse_route_type(word: &str) -> Option<u8> {
    parse(&ROUTE_TYPES, word).and_then(|v| u8::try_from(v).ok())
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
    lookup(&PROTOCOLS, u32::from(protocol))
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
    lookup(&TABLES, table)
}

/// Reads a table word or number (`main`, `local`, `1000`).
pub fn parse_table(word: &str) -> Option<u32> {
    parse(&TABLES, word)
}

/// `RTNH_F_*` next-hop flags as `ip route` prints them, in its order.
pub fn nexthop_flags(flags: u32) -> Vec<&'static str> {
    let mut words = Vec::new();
    for_each_nexthop_flag(flags, |word| words.push(word));
    words
}

/// Calls `each` with the words of [`nexthop_flags`], in order, without allocating.
pub fn for_each_nexthop_flag(flags: u32, mut each: impl FnMut(&'static str)) {
    const FLAGS: [(u32, &str); 5] = [
        (rtnh_f::DEAD as u32, "dead"),
        (rtnh_f::ONLINK as u32, "onlink"),
        (rtnh_f::PERVASIVE as u32, "pervasive"),
        (rtnh_f::OFFLOAD as u32, "offload"),
        (rtnh_f::LINKDOWN as u32, "linkdown"),
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

impl fmt::Display for HardwareAddress<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, byte) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(":")?;
            }
            write!(f, "{byte:02x}")?;
        }
        Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn macs_round_trip() {
        let mac = parse_mac("02:00:0A:ff:00:01").unwrap();
        assert_eq!(hardware_address(&mac), "02:00:0a:ff:00:01");
        assert_eq!(parse_mac("02:00:0a:ff:00"), None);
        assert_eq!(parse_mac("02:00:0a:ff:00:01:02"), None);
    }
}
