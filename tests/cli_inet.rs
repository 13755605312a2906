//! Addresses and prefixes read exactly as `ip` reads them (lib/utils.c `get_addr_1` /
//! `get_prefix_1`): IPv4 short forms (`198.51` is 198.51.0.0, parts in hex or octal), netmasks
//! after `/` as numbers (base 0) or dotted masks, `default`/`any`/`all`, IPv6 as `inet_pton`
//! reads it, and each site's message when the word is not one, with `-4`, `-6` and neither.
//! Each form runs with `rtnl` and with `ip` in a fresh network namespace set up the same way:
//! stdout, stderr, exit code and the state that results must be the same.

mod common;

use common::{each_form, ip, printing, private_netns, same_from_fresh};

/// Moves the thread into a fresh namespace: a veth pair up, `192.0.2.1/24` on `v0`, a route
/// to `203.0.113.0/24`, and a neighbour `192.0.2.9`.
fn setup() {
    private_netns();
    for cmd in [
        "link add v0 type veth peer name v1",
        "link set v0 up",
        "link set v1 up",
        "address add 192.0.2.1/24 dev v0",
        "route add 203.0.113.0/24 dev v0",
        "neigh add 192.0.2.9 lladdr 02:00:00:00:00:09 dev v0",
    ] {
        ip(&cmd.split(' ').collect::<Vec<_>>());
    }
}

/// The state forms may change, as `ip` prints it: routes of both families and every table,
/// v0's addresses, neighbours and rules, as sorted lines (the kernel's order of equal routes
/// and of neighbours is not the order they came in). What comes when the links' IPv6 comes
/// up is left out (link-local addresses and routes with random MACs, the multicast routes,
/// `tentative` until DAD ends), and so are the IPv6 local-table routes, which the kernel adds
/// for an address from a work queue a moment later (the addresses themselves are compared).
fn state() -> String {
    let mut text = String::new();
    for cmd in [
        "-4 route show table all",
        "-6 route show table main",
        "-o address show dev v0",
        "neigh show",
        "-4 rule show",
        "-6 rule show",
    ] {
        text.push_str(&ip(&cmd.split(' ').collect::<Vec<_>>()));
    }
    let mut lines: Vec<String> = text
        .lines()
        .filter(|line| !line.contains("fe80"))
        .map(|line| line.replace(" tentative", ""))
        .collect();
    lines.sort();
    lines.join("\n")
}

/// `rtnl FORM` and `ip FORM`, each from the same fresh state ([`setup`]), print the same,
/// exit the same and leave the same [`state`]; rtnl's exit code.
fn fresh(form: &str) -> Option<i32> {
    same_from_fresh(form, setup, state).0
}

#[test]
fn address_add_reads_addresses_as_ip_does() {
    // A few must succeed, so the comparison is not only of refusals.
    each_form(
        &[
            "address add 198.51/16 dev v0",
            "address add 0xc6.0x33.0144.1/255.255.255.0 dev v0",
            "address add 198.51.100.1/0x18 dev v0",
            "address add 198.51.100.1/030 dev v0",
            "address add 2001:db8::1/255.255.0.0 dev v0 nodad",
            "address add 198.51.100.1/24 brd 198.51.100.0xff dev v0",
            "address add 198.51.100.1 peer 198.51.100.2/255.255.255.252 dev v0",
            "address add 198.51.100.1/24 dev v0 peer 198.51.100.2/0x1f",
            "-4 address add default dev v0",
        ],
        true,
        fresh,
    );
    each_form(
        &[
            "address add 198.51.100.1/255.0.255.0 dev v0",
            "address add 198.51.100.1/255 dev v0",
            "address add 198.51.100.1/33 dev v0",
            "address add 198.51.100.1/08 dev v0",
            "address add 198.51.100.1/ dev v0",
            "address add 198.51.100.256 dev v0",
            "address add 198.51.100.1.1 dev v0",
            "address add 198.51..1 dev v0",
            "address add foo dev v0",
            "address add 2001:db8::1%v0/64 dev v0",
            "address add 2001:db8:::1/64 dev v0",
            "address add ::ffff:198.51.100.01 dev v0",
            "address add default/0 dev v0",
            "-6 address add 198.51.100.1/24 dev v0",
            "-4 address add 2001:db8::1/64 dev v0",
            "-0 address add 198.51.100.1/24 dev v0",
            "address add 198.51.100.1/24 peer 2001:db8::1 dev v0",
            "address add 198.51.100.1/24 brd 2001:db8::1 dev v0",
            "address add 198.51.100.1/24 anycast 2001:db8::1 dev v0",
            "address add 2001:db8::1/64 anycast 198.51.100.1 dev v0",
            "address add 2001:db8::1/64 brd 198.51.100.1 dev v0",
        ],
        false,
        fresh,
    );
    // Deleting: the length given as a mask or in hex is a length given (no wildcard warning);
    // none given is ip's wildcard deletion, with its warning.
    each_form(
        &[
            "address del 192.0.2.1/255.255.255.0 dev v0",
            "address del 0xc0.0.2.1/0x18 dev v0",
            "address del 192.0.2.1 dev v0",
        ],
        true,
        fresh,
    );
}

#[test]
fn route_add_and_del_read_prefixes_and_gateways_as_ip_does() {
    each_form(
        &[
            "route add 198.51/16 dev v0",
            "route add 198.51.100/24 via 192.0.2.0x2",
            "route add 0/0 via 192.0.2.2",
            "route add default via 192.0.2.02",
            "route add 198.51.100.0/255.255.255.0 dev v0",
            "route add 198.51.100.0/24 nexthop via 192.0.2.0x2 dev v0",
            "route add 198.51.100.0/24 src 192.0.2.1 dev v0",
            "-4 route add default dev v0",
            "-6 route add default dev v0",
            "route add 2001:db8::/255.255.0.0 dev v0",
            "route del 203.0.113/24 dev v0",
            "route del 0313.0.0161.0/255.255.255.0",
        ],
        true,
        fresh,
    );
    each_form(
        &[
            "route add 198.51.100.0/255.0.255.0 dev v0",
            "route add 198.51.100.0/33 dev v0",
            "route add foo dev v0",
            "route add default/0 dev v0",
            "route add 198.51.100.0/24 via foo",
            "route add 198.51.100.0/24 via 192.0.2.2/32",
            "route add 198.51.100.0/24 via 192.0.2.08",
            "route add 198.51.100.0/24 src 192.0.2 dev v0",
            "route add 2001:db8::/64 via 192.0.2.2",
            "route add 2001:db8::/64 dev v0 src 192.0.2.1",
            "route add 2001:db8::/64 via fe80::1%v0 dev v0",
            "route add 198.51.100.0/24 nexthop via 2001:db8::1 dev v0",
            "-6 route add 198.51.100.0/24 dev v0",
            "-4 route add 2001:db8::/64 dev v0",
            "-0 route add 198.51.100.0/24 dev v0",
            "-f inet6 route add 198.51.100.0/24 dev v0",
            "route add 198.51.100.0/24 via 192.0.2.2 src 2001:db8::1",
            "route add 198.51.100.0/24 nexthop via 192.0.2.2 nexthop via 2001:db8::1",
            "route del 203.0.113/25 dev v0",
        ],
        false,
        fresh,
    );
}

#[test]
fn neigh_and_rule_read_addresses_as_ip_does() {
    each_form(
        &[
            "neigh add 192.0.2.0x5 lladdr 02:00:00:00:00:01 dev v0",
            "neigh add 192.0.2.05 lladdr 02:00:00:00:00:01 dev v0",
            "neigh add 2001:db8::5 lladdr 02:00:00:00:00:01 dev v0",
            "neigh del 192.0.2.011 dev v0",
            "rule add from 198.51/16 table 5",
            "rule add to 0xc6.51.100/24 table 5",
            "rule add from 192.0.2.0/255.255.255.0 table 5",
            "rule add from all table 5",
            "-6 rule add from 2001:db8::/255.255.0.0 table 5",
        ],
        true,
        fresh,
    );
    each_form(
        &[
            "neigh add 192.0.2.08 lladdr 02:00:00:00:00:01 dev v0",
            "neigh add 192.0.2.5/24 lladdr 02:00:00:00:00:01 dev v0",
            "neigh add foo lladdr 02:00:00:00:00:01 dev v0",
            "neigh add default lladdr 02:00:00:00:00:01 dev v0",
            "-6 neigh add 192.0.2.5 lladdr 02:00:00:00:00:01 dev v0",
            "-4 neigh add 2001:db8::5 lladdr 02:00:00:00:00:01 dev v0",
            "-f bridge neigh add 192.0.2.5 lladdr 02:00:00:00:00:01 dev v0",
            "rule add from foo table 5",
            "rule add from 192.0.2.0/33 table 5",
            "rule add from 192.0.2.0/255.0.255.0 table 5",
            "rule add to default/0 table 5",
            "-6 rule add from 192.0.2.0/24 table 5",
            "-4 rule add to 2001:db8::/32 table 5",
            "-0 rule add from 192.0.2.0/24 table 5",
        ],
        false,
        fresh,
    );
}

#[test]
fn show_and_get_select_by_prefixes_as_ip_reads_them() {
    setup();
    ip(&["route", "add", "198.51.100.0/24", "via", "192.0.2.2"]);
    ip(&["rule", "add", "from", "198.51.100.0/24", "table", "5"]);
    let printed = printing(&[
        "route show 192.0.2/24",
        "route show root 192.0/16",
        "route show match 192.0.2.0x7",
        "route show exact 0xc6.51.100/0x18",
        "route show via 192.0.2.2",
        "route show via 192.0.2.2/32",
        "route show via default",
        "route show src all",
        "route show 192.0.2.0/255.255.0.0",
        "route show 192.0.2/33",
        "route show foo",
        "-6 route show 192.0.2/24",
        "route get 192.0.2.0x7",
        "route get 198.51.100.7 from 192.0.2.1",
        "route get 198.51.100.7 from 2001:db8::1",
        "route get 198.51.100.7 from any",
        "route get 192.0.2.7 from foo",
        "route get foo",
        "-6 route get 192.0.2.7",
        "address show to 192.0.2/24",
        "address show to 192.0.2.0/255.255.255.0",
        "address show to 192.0.2/33",
        "-6 address show to 192.0.2/24",
        "-0 address show to 192.0.2/24",
        "-f link address show to 192.0.2/24",
        "neigh show 192.0.2/24",
        "neigh show to 192.0.2.0/255.255.255.0",
        "neigh show 192.0.2.0x9",
        "neigh show all",
        "-6 neigh show 192.0.2/24",
        "-f bridge neigh show 192.0.2/24",
        "neigh show 192.0.2/24 2001:db8::/32",
        "rule show from 198.51.100/24",
        "rule show from 198.51.100.0/255.255.255.0",
        "rule show from foo",
    ]);
    // The selectors must select something, so the comparison is not only of empty output.
    assert!(printed >= 10, "only {printed} forms printed anything");
}

/// Route and rule type words as `rtnl_rtntype_a2n()` reads them: `local`, `nat`, `throw` and
/// `brd` whole, the others by any prefix in ip's order (`any` is `anycast`, `b` is
/// `broadcast`, `u` is `unreachable`), else a number up to 255; `none` is no type. A word
/// that starts with a digit is never tried as a type in `route add`.
#[test]
fn route_and_rule_types_read_as_ip_reads_them() {
    each_form(
        &[
            "route add any 198.51.100.0/24 dev v0",
            "route add a 198.51.100.1 dev v0",
            "route add b 198.51.100.255 dev v0 table 5",
            "route add u 198.51.100.7",
            "route add brd 198.51.100.254 dev v0 table 5",
            "route add all dev v0",
            "rule add prohib",
            "rule add bl pref 5",
            "rule add 6 pref 6",
        ],
        true,
        fresh,
    );
    each_form(
        &[
            "route add none 198.51.100.3 dev v0",
            "route add 7 198.51.100.9 dev v0",
            "route add -1 198.51.100.8 dev v0",
            "route add 256 198.51.100.8 dev v0",
            "route show type none",
            "route show type 0x100",
            "rule add none",
            "rule add 256",
        ],
        false,
        fresh,
    );
    each_form(
        &[
            "route show table all type anyc",
            "route show table all type b",
            "route show table all type 2",
        ],
        true,
        fresh,
    );
}

/// The vxlan links as `ip -d link show` prints their details line (the addresses the kernel
/// kept).
fn vxlan_state() -> String {
    let links = ip(&["-d", "link", "show", "type", "vxlan"]);
    let kept: Vec<&str> = links
        .lines()
        .filter(|line| line.trim_start().starts_with("vxlan id"))
        .collect();
    kept.join("\n")
}

/// [`fresh`], comparing the vxlan links after ([`vxlan_state`]).
fn fresh_vxlan(form: &str) -> Option<i32> {
    same_from_fresh(form, setup, vxlan_state).0
}

/// vxlan's `group`/`remote` are read in the local address's family and `local` in theirs, as
/// `iplink_vxlan.c` reads them with `get_addr()`: short forms, the family mismatch message,
/// `default`/`any`/`all` (no inet address in no family; `default` the zero address in one).
#[test]
fn vxlan_addresses_read_as_ip_reads_them() {
    each_form(
        &[
            "link add vx1 type vxlan id 6 remote 198.51 dstport 4789",
            "link add vx3 type vxlan id 8 group 239.1 dev v0 dstport 4789",
            "link add vx8 type vxlan id 13 remote 2001:db8::7 local default dstport 4789",
            "link add vx9 type vxlan id 14 remote 192.0.2.7 local default dstport 4789",
            "-6 link add vx6 type vxlan id 11 remote 192.0.2.1 dstport 4789",
            "link add vx11 type vxlan id 16 local 2001:db8::1 remote 2001:db8::2 dstport 4789",
        ],
        true,
        fresh_vxlan,
    );
    each_form(
        &[
            "link add vx0 type vxlan id 5 local 192.0.2.1 remote 2001:db8::1 dstport 4789",
            "link add vx2 type vxlan id 7 local 2001:db8::1 remote 198.51.100.1 dstport 4789",
            "link add vx4 type vxlan id 9 remote default dstport 4789",
            "link add vx5 type vxlan id 10 remote 192.0.2.1/24 dstport 4789",
            "link add vx10 type vxlan id 15 remote any dstport 4789",
            "link add vx11 type vxlan id 16 local default dstport 4789",
            "link add vx12 type vxlan id 17 local all dstport 4789",
            "link add vx13 type vxlan id 18 local any remote 192.0.2.8 dstport 4789",
            "link add vx14 type vxlan id 19 local 239.1.1.1 dstport 4789",
            "link add vx15 type vxlan id 20 remote foo dstport 4789",
            "link add vx16 type vxlan id 21 group bar dev v0 dstport 4789",
            "link add vx17 type vxlan id 22 remote 2001:db8::2 local 192.0.2.1 dstport 4789",
        ],
        false,
        fresh_vxlan,
    );
}
