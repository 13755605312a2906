//! `rtnl link del group N` and `link set group N ...` against `ip` 6.1: the group picks the
//! links when no device is named (`rtnl_group_dellink()` / `rtnl_group_changelink()` in the
//! kernel). Each run has its own network namespace.

mod common;

use common::{RTNL, ip, outcome, private_netns, same_failure, settled_links};

/// Two veth pairs, `v0` and `v2` in group 5, the others in the default group.
fn setup() {
    private_netns();
    for cmd in [
        "link add v0 type veth peer name v1",
        "link add v2 type veth peer name v3",
        "link set v0 group 5",
        "link set v2 group 5",
    ] {
        ip(&cmd.split(' ').collect::<Vec<_>>());
    }
}

/// Each link's name, flags, mtu and group, as `ip -j -d link show` has them, once the
/// kernel's linkwatch has given each link that is up its operational state (until then a veth
/// whose peer is down lacks `NO-CARRIER`; it comes up to a second later, later in a slow VM).
fn links() -> Vec<String> {
    settled_links()
        .as_array()
        .unwrap()
        .iter()
        .map(|l| format!("{} {} {} {}", l["ifname"], l["flags"], l["mtu"], l["group"]))
        .collect()
}

/// `args` run by `program` in a fresh namespace: exit code, stderr, and the links left.
fn effect(program: &str, args: &[&str]) -> ((Option<i32>, String), Vec<String>) {
    setup();
    let out = std::process::Command::new(program)
        .args(args)
        .output()
        .expect("run");
    (outcome(&out), links())
}

/// `rtnl` and `ip` have the same outcome and leave the same links.
fn same_effect(args: &[&str]) -> Vec<String> {
    let ours = effect(RTNL, args);
    assert_eq!(ours, effect("ip", args), "{}", args.join(" "));
    ours.1
}

#[test]
fn group_picks_the_links_as_in_ip() {
    let left = same_effect(&["link", "del", "group", "5"]);
    // v0 and v2 are gone, and their peers with them.
    assert_eq!(left.len(), 1, "{left:?}");
    let set = same_effect(&["link", "set", "group", "5", "up", "mtu", "1400"]);
    assert_eq!(
        set.iter().filter(|l| l.contains(" 1400 ")).count(),
        2,
        "{set:?}"
    );
    same_effect(&["link", "set", "group", "default", "mtu", "1300"]);
    same_effect(&["link", "del", "group", "7"]);
    same_effect(&["link", "del", "dev", "v1", "group", "5"]);
    same_effect(&["link", "set", "dev", "v1", "group", "5"]);
    setup();
    for args in [
        &["link", "del", "group", "x"][..],
        &["link", "del", "group"],
        &["link", "del", "group", "5", "group", "6"],
        &["link", "set", "group", "5", "group", "6"],
        &["link", "set", "group", "-1", "up"],
    ] {
        same_failure(args);
    }
}
