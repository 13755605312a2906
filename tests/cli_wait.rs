//! `rtnl link wait`, `rtnl address wait` and `rtnl -timeout` (beyond `ip`): the binary in the
//! test's own network namespace, with its exit codes (0 reached, 124 timed out, 2 dadfailed,
//! 255 bad arguments) and messages; the state is made and checked with `ip`.
//!
//! Duplicate address detection takes about a second, but its work waits for the kernel's
//! rtnl lock, which a busy machine (namespaces of other tests being torn down) can hold for
//! tens of seconds: its waits get two minutes.

mod common;

use std::thread;
use std::time::{Duration, Instant};

use common::{ip, outcome, private_netns, rtnl};

#[test]
fn link_wait_exits_0_when_reached_and_124_on_timeout() {
    private_netns();
    ip(&["link", "add", "c0", "type", "veth", "peer", "name", "c1"]);
    assert_eq!(
        outcome(&rtnl(&["link", "wait", "c0"])),
        (Some(0), String::new())
    );
    assert_eq!(
        outcome(&rtnl(&[
            "link", "wait", "dev", "c0", "exists", "timeout", "1"
        ])),
        (Some(0), String::new())
    );

    let start = Instant::now();
    let out = rtnl(&["link", "wait", "c0", "up", "timeout", "0.3"]);
    let took = start.elapsed();
    assert_eq!(
        outcome(&out),
        (Some(124), "wait for link up \"c0\": timed out".to_owned())
    );
    assert!(
        took >= Duration::from_millis(300) && took < Duration::from_secs(1),
        "{took:?}"
    );

    // Reached 200 ms later, from another process.
    let changer = thread::spawn(|| {
        thread::sleep(Duration::from_millis(200));
        ip(&["link", "set", "c0", "up"]);
        ip(&["link", "set", "c1", "up"]);
    });
    let start = Instant::now();
    let out = rtnl(&["l", "wait", "c0", "carrier", "timeout", "5"]);
    let took = start.elapsed();
    changer.join().unwrap();
    assert_eq!(outcome(&out), (Some(0), String::new()));
    assert!(took < Duration::from_secs(1), "{took:?}");

    let changer = thread::spawn(|| {
        thread::sleep(Duration::from_millis(200));
        ip(&["link", "del", "c1"]);
    });
    assert_eq!(
        outcome(&rtnl(&["link", "wait", "c0", "gone", "timeout", "forever"])),
        (Some(0), String::new())
    );
    changer.join().unwrap();
}

#[test]
fn bad_wait_arguments_are_usage_errors() {
    private_netns();
    for (args, message) in [
        (
            &["link", "wait"][..],
            "Not enough information: \"dev\" argument is required.",
        ),
        (
            &["link", "wait", "x", "up", "gone"],
            "Error: duplicate \"state\": \"gone\" is the second value.",
        ),
        (
            &["link", "wait", "x", "timeout", "soon"],
            "Error: argument \"soon\" is wrong: invalid \"timeout\" value",
        ),
        (
            &["link", "wait", "x", "y"],
            "Error: either \"dev\" is duplicate, or \"y\" is a garbage.",
        ),
        (
            &["link", "wait", "a/b"],
            "Error: argument \"a/b\" is wrong: \"dev\" not a valid ifname",
        ),
        (
            &["address", "wait", "x"],
            "Error: either \"dev\" is duplicate, or \"x\" is a garbage.",
        ),
        (
            &["-timeout", "-1", "link", "show"],
            "Error: argument \"-1\" is wrong: invalid \"-timeout\" value",
        ),
    ] {
        assert_eq!(
            outcome(&rtnl(args)),
            (Some(255), message.to_owned()),
            "{args:?}"
        );
    }
    // `-tim` is still ip's -timestamp (a monitor's stamps), not -timeout: it takes no value.
    let stamped = rtnl(&["-tim", "link", "show"]);
    assert_eq!(stamped.status.code(), Some(0));
    assert_eq!(stamped.stdout, rtnl(&["link", "show"]).stdout);
    let help = rtnl(&["help"]);
    let text = String::from_utf8_lossy(&help.stderr);
    assert!(text.contains("Beyond ip: -timeout SECONDS"), "{text}");
    assert!(text.contains("rtnl link wait DEVICE"), "{text}");
}

#[test]
fn address_wait_waits_out_dad_and_reports_dadfailed() {
    private_netns();
    ip(&["link", "add", "a0", "type", "veth", "peer", "name", "a1"]);
    ip(&["link", "set", "a0", "up"]);
    ip(&["link", "set", "a1", "up"]);
    assert_eq!(
        outcome(&rtnl(&["link", "wait", "a0", "carrier", "timeout", "10"])),
        (Some(0), String::new())
    );
    ip(&["address", "add", "2001:db8::a/64", "dev", "a0"]);
    assert!(ip(&["address", "show", "dev", "a0"]).contains("tentative"));
    assert_eq!(
        outcome(&rtnl(&["address", "wait", "dev", "a0", "timeout", "120"])),
        (Some(0), String::new())
    );
    assert!(!ip(&["address", "show", "dev", "a0"]).contains("tentative"));

    // a1 has the address already; a0's detection finds it.
    ip(&["address", "add", "2001:db8::b/64", "dev", "a1", "nodad"]);
    ip(&["address", "add", "2001:db8::b/64", "dev", "a0"]);
    assert_eq!(
        outcome(&rtnl(&["address", "wait", "timeout", "120"])),
        (
            Some(2),
            "IPv6 duplicate address 2001:db8::b/64 detected on \"a0\" (dadfailed)".to_owned()
        )
    );
    assert!(ip(&["address", "show", "dev", "a0"]).contains("dadfailed"));
    assert_eq!(
        outcome(&rtnl(&["address", "wait", "dev", "nope"])),
        (Some(1), "Cannot find device \"nope\"".to_owned())
    );
}

#[test]
fn the_global_timeout_bounds_any_command() {
    private_netns();
    ip(&["link", "add", "g0", "type", "veth", "peer", "name", "g1"]);
    // A wait's own timeout longer than the run's: the run's wins.
    let start = Instant::now();
    let out = rtnl(&[
        "-timeout", "0.2", "link", "wait", "g0", "up", "timeout", "30",
    ]);
    let took = start.elapsed();
    assert_eq!(
        outcome(&out),
        (Some(124), "wait for link up \"g0\": timed out".to_owned())
    );
    assert!(took < Duration::from_secs(1), "{took:?}");
    // A monitor runs until the deadline.
    let start = Instant::now();
    let out = rtnl(&["-timeo", "0.3", "monitor", "link"]);
    assert_eq!(
        outcome(&out),
        (Some(124), "receive events: timed out".to_owned())
    );
    assert!(start.elapsed() < Duration::from_secs(1));
    // Commands the kernel answers at once are not affected.
    let out = rtnl(&["-timeout", "5", "link", "show", "g0"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("g0@g1"));
}
