//! `rtnl address add` forms against `ip` 6.1: `anycast ADDR` and the flag words, `optimistic`
//! among them, with ip's warnings for flags it will not send (read-only ones, IPv6-only ones
//! before the family is known). Each test runs in its own network namespace.

mod common;

use common::{RTNL, ip, ip_raw, outcome, private_netns, rtnl, same, same_failure, words};

/// A fresh namespace with a veth pair, both ends down (addresses stay tentative, so the state
/// does not move while it is compared).
fn setup() {
    private_netns();
    ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
}

/// Runs `args` with `program` in a fresh namespace: its exit code and stderr, and the
/// addresses of `v0` it leaves (`ip -j`, the link's own address removed).
fn run_in_fresh(program: &str, args: &[&str]) -> ((Option<i32>, String), String) {
    setup();
    let out = std::process::Command::new(program)
        .args(args)
        .output()
        .expect("run");
    let addrs = ip(&["-j", "addr", "show", "dev", "v0"]);
    let addr_info = addrs
        .split_once("\"addr_info\":")
        .map_or(String::new(), |(_, rest)| rest.to_owned());
    (outcome(&out), addr_info)
}

/// `rtnl` and `ip` give the same exit code, stderr and addresses for `args`.
fn same_effect(args: &[&str]) -> String {
    let ours = run_in_fresh(RTNL, args);
    let theirs = run_in_fresh("ip", args);
    assert_eq!(ours, theirs, "{}", args.join(" "));
    ours.1
}

#[test]
fn anycast_and_flag_words_do_what_ip_does() {
    let both = same_effect(&words("addr add 192.0.2.7/24 anycast 192.0.2.9 dev v0"));
    assert!(both.contains("192.0.2.7"), "{both}");
    let v6 = words("addr add 2001:db8::7/64 anycast 2001:db8::9 dev v0 optimistic");
    assert!(same_effect(&v6).contains("2001:db8::7"));
    // Before the address, the family is not known yet: ip warns and leaves the flag out.
    same_effect(&["addr", "add", "optimistic", "2001:db8::8/64", "dev", "v0"]);
    same_effect(&words("-6 addr add optimistic 2001:db8::8/64 dev v0"));
    same_effect(&words("addr add 192.0.2.8/24 dev v0 optimistic home"));
    same_effect(&words("addr add 192.0.2.8/24 dev v0 tentative permanent"));
    same_effect(&words("addr add 2001:db8::8/64 dev v0 nodad mngtmpaddr"));
    let warned = run_in_fresh(
        RTNL,
        &["addr", "add", "192.0.2.8/24", "dev", "v0", "optimistic"],
    );
    assert_eq!(
        warned.0,
        (
            Some(0),
            "Warning: optimistic option can be set only for IPv6 addresses".to_owned()
        )
    );
}

#[test]
fn anycast_errors_match_ip() {
    setup();
    for args in [
        "addr add 192.0.2.6/24 anycast 2001:db8::1 dev v0",
        "addr add 192.0.2.6/24 anycast x dev v0",
        "addr add anycast x dev v0",
        "addr add 192.0.2.6/24 anycast 192.0.2.1 anycast 192.0.2.2 dev v0",
        "addr add 192.0.2.6/24 dev v0 anycast",
    ] {
        let args: &[&str] = &words(args);
        same_failure(args);
    }
    // The state both leave is shown alike.
    let out = rtnl(&words("addr add 192.0.2.7/24 anycast 192.0.2.9 dev v0"));
    assert!(out.status.success());
    same(&["addr", "show", "dev", "v0"]);
    same(&["-j", "addr", "show", "dev", "v0"]);
    // ip address prints a link's alias only with -d; ip link always.
    ip(&["link", "set", "v0", "alias", "uplink 7"]);
    for args in [
        "addr show dev v0",
        "-j addr show",
        "-d addr show dev v0",
        "link show dev v0",
    ] {
        let args: &[&str] = &words(args);
        same(args);
    }
    assert!(ip_raw(&["addr", "show"]).status.success());
}
