//! `rtnl monitor ... dev DEV` and `rtnl monitor all-nsid` against `ip monitor` 6.1, live:
//! both watch the same namespace while links, addresses, routes and neighbours change on two
//! devices (for `dev`) or in a peer namespace that has an nsid here (for `all-nsid`), and
//! must print the same bytes. Each test runs in its own network namespace (and, for the peer,
//! a private `/run/netns`).
//!
//! `ip monitor` block-buffers into a file and loses what it had not flushed when killed, so
//! the outputs are compared between two marker events (an MTU change) that both printed.

mod common;

use common::{
    KillOnDrop, RTNL, Watcher, private_netns, private_netns_with_run_netns, same_failure, words,
};

/// Sets `dev`'s MTU from `base` up until every watcher printed the change
/// ([`common::mark_mtu`]); that MTU.
fn until_all_see(watchers: &[&Watcher], netns: &[&str], dev: &str, base: u32) -> u32 {
    common::mark_mtu(watchers, netns, dev, base, 500)
}

/// What `text` shows after the event with MTU `start` (its two lines) and before the event
/// with MTU `end` (whose line may start with the headers of events a filter left out).
fn between(text: &str, start: u32, end: u32) -> String {
    let (from, to) =
        common::after_event(text, &common::mtu_marker(start), &common::mtu_marker(end));
    text[from..to].to_owned()
}

/// `dev DEV` keeps DEV's links, addresses, routes and neighbours, prints routes and
/// neighbours without `dev`, and (with `label`) still prints the `[KIND]` of the events it
/// drops, as ip does.
#[test]
fn monitor_dev_prints_what_ip_prints() {
    private_netns();
    common::ip_lines(&["link add d0 type veth peer name d1"]);
    let forms: [&[&str]; 4] = [
        &words("monitor label link address route neigh dev d0"),
        &words("monitor address route link dev d0"),
        &words("-4 monitor route neigh link dev d0"),
        &words("monitor label route link dev d1"),
    ];
    let watchers: Vec<(Watcher, Watcher)> = forms
        .iter()
        .enumerate()
        .map(|(i, args)| {
            (
                Watcher::start(RTNL, args, &format!("dev-ours-{i}")),
                Watcher::start("ip", args, &format!("dev-ip-{i}")),
            )
        })
        .collect();
    let all: Vec<&Watcher> = watchers.iter().flat_map(|(a, b)| [a, b]).collect();
    // The d1 monitor sees no d0 link: mark both links.
    let start0 = until_all_see(&all[..6], &[], "d0", 1400);
    let start1 = until_all_see(&all[6..], &[], "d1", 1400);
    common::ip_lines(&[
        "link set d0 up",
        "link set d1 up",
        "addr add 192.0.2.1/24 dev d0",
        "addr add 198.51.100.1/24 dev d1",
        "route add 203.0.113.0/24 via 192.0.2.2",
        "route add 203.0.113.128/25 dev d1",
        "route add 2001:db8:9::/64 dev d0",
        "neigh add 192.0.2.9 lladdr 02:00:00:00:00:09 dev d0",
        "neigh add 198.51.100.9 lladdr 02:00:00:00:00:09 dev d1",
        "neigh del 192.0.2.9 dev d0",
        "route del 203.0.113.0/24",
        "addr del 198.51.100.1/24 dev d1",
        "addr del 192.0.2.1/24 dev d0",
    ]);
    let end0 = until_all_see(&all[..6], &[], "d0", 1450);
    let end1 = until_all_see(&all[6..], &[], "d1", 1450);
    for ((ours, theirs), args) in watchers.iter().zip(forms) {
        let (start, end) = if args.contains(&"d1") {
            (start1, end1)
        } else {
            (start0, end0)
        };
        let (ours, theirs) = (ours.text(), theirs.text());
        let expected = between(&theirs, start, end);
        assert_eq!(between(&ours, start, end), expected, "{}", args.join(" "));
        if args == forms[0] {
            // The filter is in effect: d1's objects are not printed, d0's are, without `dev`.
            assert!(
                expected.contains("[ROUTE]203.0.113.0/24 via 192.0.2.2 \n"),
                "{expected}"
            );
            assert!(!expected.contains("198.51.100"), "{expected}");
            assert!(expected.contains("[NEIGH]192.0.2.9 lladdr"), "{expected}");
            assert!(expected.contains("[ADDR][ROUTE]"), "{expected}");
        }
    }
    same_failure(&["monitor", "dev", "nosuch"]);
    same_failure(&["monitor", "link", "dev"]);
    same_failure(&["monitor", "dev", "if0"]);
    same_failure(&["monitor", "dev", "ifx"]);
    // `ifN` names index N whether or not it exists (ll_idx_a2n): both monitors start.
    for name in ["if9", "if2z"] {
        for program in [RTNL, "ip"] {
            let child = std::process::Command::new(program)
                .args(["monitor", "link", "dev", name])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("start a monitor");
            let mut child = KillOnDrop(child);
            std::thread::sleep(std::time::Duration::from_millis(200));
            let status = child.0.try_wait().expect("wait");
            assert_eq!(status, None, "{program} monitor dev {name} ended");
        }
    }
}

/// `all-nsid`: the events of a peer namespace with nsid 5 here, led by `[nsid 5]`, this
/// namespace's by `[nsid current]`, with or without `label`; links of the peer named as ip
/// names them (its cache keeps this namespace's names for the same indexes).
#[test]
fn monitor_all_nsid_prints_what_ip_prints() {
    let _run = private_netns_with_run_netns();
    common::ip_lines(&[
        "netns add peer",
        "netns set peer 5",
        "link add d0 type veth peer name d1",
    ]);
    let forms: [&[&str]; 3] = [
        &words("monitor all-nsid link address route"),
        &words("monitor label all-nsid link address route neigh"),
        &words("monitor all-n dev d0 link address"),
    ];
    let watchers: Vec<(Watcher, Watcher)> = forms
        .iter()
        .enumerate()
        .map(|(i, args)| {
            (
                Watcher::start(RTNL, args, &format!("nsid-ours-{i}")),
                Watcher::start("ip", args, &format!("nsid-ip-{i}")),
            )
        })
        .collect();
    let all: Vec<&Watcher> = watchers.iter().flat_map(|(a, b)| [a, b]).collect();
    let start = until_all_see(&all, &[], "d0", 1400);
    common::ip_lines(&[
        "link set d0 up",
        "addr add 192.0.2.1/24 dev d0",
        "-n peer link set lo up",
        "-n peer link add p0 type veth peer name p1",
        "-n peer addr add 192.0.2.50/24 dev p0",
        "-n peer link set p0 up",
        "-n peer link set p1 up",
        "-n peer link del p1",
        "addr del 192.0.2.1/24 dev d0",
    ]);
    let end = until_all_see(&all, &[], "d0", 1450);
    for ((ours, theirs), args) in watchers.iter().zip(forms) {
        let (ours, theirs) = (ours.text(), theirs.text());
        let expected = between(&theirs, start, end);
        assert_eq!(between(&ours, start, end), expected, "{}", args.join(" "));
        if args == forms[0] {
            assert!(expected.contains("[nsid 5]"), "{expected}");
            assert!(expected.contains("[nsid current]"), "{expected}");
            assert!(
                expected.contains("inet 192.0.2.50/24 scope global p0"),
                "{expected}"
            );
        }
    }
    // A peer's event without all-nsid is not seen: ip's and ours agree above; here, a monitor
    // without it prints no `[nsid`.
    let plain = Watcher::start(RTNL, &["monitor", "link"], "nsid-plain");
    let start = until_all_see(&[&plain], &[], "d0", 1500);
    common::ip_lines(&["-n peer link set lo mtu 1300"]);
    let end = until_all_see(&[&plain], &[], "d0", 1550);
    let seen = between(&plain.text(), start, end);
    assert!(
        !seen.contains("[nsid") && !seen.contains("mtu 1300"),
        "{seen}"
    );
}
