//! Two route forms read as `ip` 6.1 reads them (ip/iproute.c):
//!
//! - `route show|flush via [inet|inet6] PREFIX` and `src PREFIX` select by prefix
//!   (`filter.rvia`, `filter.rprefsrc`, compared with `inet_addr_match()` in
//!   `filter_nlmsg()`): the gateway's family (`RTA_VIA`'s when there is one) must be the
//!   prefix's, a route without one has the zero address, a multipath route's hops are not
//!   looked at, and the selected address is left out of the text only for a host prefix.
//! - A gateway of the other family (RFC 5549: `route add 198.51.100.0/24 via inet6
//!   2001:db8::2`, and `nexthop via inet6 ...`) goes in `RTA_VIA`, and `route show` prints
//!   `via inet6 ADDR` (JSON `"via":{"family":"inet6","host":...}`).
//! - The destination selectors (`to`/`root`/`match`/`exact`) leave the listed family as ip
//!   6.1 does: IPv4 unless `-6` or `table all`, whatever the prefix's family.
//!
//! Each form runs with `rtnl` and with `ip` on the same state (`route show`), or each from a
//! fresh namespace set up the same way (`add`, `del`, `flush`): stdout, stderr, exit code and
//! the state left must be the same.

mod common;

use common::{
    each_form, ip, ip_lines, printing, private_netns, same, same_from_fresh,
    veth_pair_with_addresses, words,
};

/// The routes the selectors choose from: an IPv4 route through an IPv6 gateway, a multipath
/// one with an IPv6 and an IPv4 hop, IPv4 routes with and without a preferred source, and an
/// IPv6 one.
const ROUTES: [&str; 5] = [
    "route add 198.51.100.0/24 via inet6 2001:db8::2 dev v0",
    "route add 203.0.113.0/24 nexthop via inet6 2001:db8::2 dev v0 nexthop via 192.0.2.2 dev v0 weight 2",
    "route add 203.0.113.128/25 via 192.0.2.2 src 192.0.2.1",
    "route add 198.51.100.128/25 via 192.0.2.3",
    "-6 route add 2001:db8:5::/64 via 2001:db8::7",
];

/// Moves the thread into a fresh namespace: a veth pair up, `192.0.2.1/24` and
/// `2001:db8::1/64` on `v0`, and with `routes` the [`ROUTES`].
fn setup(routes: bool) {
    private_netns();
    veth_pair_with_addresses("v0", "v1");
    if routes {
        ip_lines(&ROUTES);
    }
}

/// The routes as `ip` prints them, text and JSON, as sorted lines; the IPv6 link-local
/// and local-table routes (which the kernel adds from a work queue) left out.
fn state() -> String {
    let mut text = String::new();
    for cmd in [
        "-4 route show table all",
        "-6 route show table main",
        "-j -4 route show table main",
    ] {
        text.push_str(&ip(&cmd.split(' ').collect::<Vec<_>>()));
        text.push('\n');
    }
    let mut lines: Vec<&str> = text.lines().filter(|line| !line.contains("fe80")).collect();
    lines.sort_unstable();
    lines.join("\n")
}

/// `rtnl FORM` and `ip FORM`, each from the same fresh state ([`setup`] with `routes` or
/// without), print the same, exit the same and leave the same [`state`]; rtnl's exit code.
fn fresh(routes: bool, form: &str) -> Option<i32> {
    same_from_fresh(form, || setup(routes), state).0
}

/// [`fresh`] without the [`ROUTES`].
fn fresh_bare(form: &str) -> Option<i32> {
    fresh(false, form)
}

/// [`fresh`] with the [`ROUTES`].
fn fresh_routed(form: &str) -> Option<i32> {
    fresh(true, form)
}

#[test]
fn a_gateway_of_the_other_family_goes_in_rta_via() {
    each_form(
        &[
            "route add 198.51.100.0/24 via inet6 2001:db8::2 dev v0",
            "route add 198.51.100.0/24 via inet6 2001:db8::2",
            "route add 198.51.100.0/24 dev v0 via inet6 2001:db8::2 metric 7 src 192.0.2.1",
            "route replace 198.51.100.0/24 via inet6 2001:db8::2 dev v0",
            "route add 198.51.100.0/24 nexthop via inet6 2001:db8::2 dev v0 nexthop via 192.0.2.2 dev v0 weight 2",
            "route add 198.51.100.0/24 nexthop via inet6 2001:db8::2 dev v0 weight 3 nexthop via inet6 2001:db8::3 dev v0",
            "route add default via inet6 2001:db8::2 dev v0",
        ],
        true,
        fresh_bare,
    );
    // Deleted by the gateway of the other family, or refused as ip's are.
    each_form(
        &[
            "route del 198.51.100.0/24 via inet6 2001:db8::2 dev v0",
            "route del 198.51.100.0/24 via inet6 2001:db8::2",
        ],
        true,
        fresh_routed,
    );
    each_form(
        &[
            "route del 198.51.100.0/24 via inet6 2001:db8::9",
            "route add 198.51.100.0/24 via inet6 2001:db8::2 via 192.0.2.2",
            "route add via inet6 2001:db8::2 198.51.100.0/24 dev v0",
            "route add 198.51.100.0/24 via inet6 192.0.2.2 dev v0",
            "-6 route add 2001:db8:9::/64 via inet 192.0.2.2 dev v0",
            "route add 198.51.100.0/24 via inet6 2001:db8::2 dev v1",
        ],
        false,
        fresh_routed,
    );
}

#[test]
fn routes_through_rta_via_print_as_ip_prints_them() {
    setup(true);
    for form in [
        "route show",
        "route show table all",
        "-d route show",
        "-j route show",
        "-j -d route show",
        "-j -p route show",
        "-s route show",
        "route show 198.51.100.0/24",
        "route get 198.51.100.7",
    ] {
        let out = same(&words(form));
        assert!(out.status.success(), "{form}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("inet6"), "{form}: {stdout}");
    }
}

#[test]
fn show_selects_via_and_src_by_prefix() {
    setup(true);
    let printed = printing(&[
        "route show via inet6 2001:db8::2",
        "-j route show via inet6 2001:db8::2",
        "route show via inet6 2001:db8::/64",
        "route show via 192.0.2.2",
        "route show via 192.0.2.0/24",
        "-j route show via 192.0.2.0/24",
        "route show via 192.0.2.0/30",
        "route show via 192.0.2.0/255.255.255.0",
        "route show via 198.51/16",
        "-4 route show via default",
        "-4 route show via any",
        "route show via default",
        "route show via all",
        "-6 route show via default",
        "route show via 0.0.0.0/8",
        "route show via 0.0.0.0",
        "-6 route show via inet6 2001:db8::/32",
        "-6 route show via 2001:db8::/32",
        "route show table all via 2001:db8::/32",
        "route show table all via inet 192.0.2.0/24",
        "route show src 192.0.2.0/24",
        "route show src 192.0.2.1",
        "route show src 192.0.2.1/32",
        "-j route show src 192.0.2.0/24",
        "route show src 192.0.2.0/255.255.255.0",
        "-6 route show src 2001:db8::/16",
        "-6 route show src ::/0",
        "route show via 192.0.2.0/24 src 192.0.2.0/24",
        "route show via inet6 192.0.2.0/24",
        "route show via inet 2001:db8::/24",
        "route show via 192.0.2.2/33",
        "route show src foo",
        // ip 6.1 lists IPv4 routes unless -6 or `table all`, whatever the prefix's family.
        "route show 2001:db8:5::/64",
        "route show root 2001:db8::/32",
        "route show match 2001:db8:5::1",
        "route show exact 2001:db8:5::/64",
        "-6 route show root 2001:db8::/32",
        "route show table all root 2001:db8::/32",
    ]);
    // The selectors must select something, so the comparison is not only of empty output.
    assert!(printed >= 20, "only {printed} forms printed anything");
}

#[test]
fn flush_selects_via_and_src_by_prefix() {
    each_form(
        &[
            "route flush via 192.0.2.0/24",
            "route flush via 192.0.2.2",
            "route flush via inet6 2001:db8::/64",
            "route flush src 192.0.2.0/24",
            "-4 route flush via default",
            "-6 route flush via 2001:db8::/32",
            "route flush via 0.0.0.0/8",
            "route flush root 2001:db8::/32",
            "route flush 2001:db8:5::/64",
            "-6 route flush root 2001:db8::/32",
        ],
        true,
        fresh_routed,
    );
}
