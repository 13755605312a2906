//! The init-sequence example (`examples/init_sequence.rs`), run as it is, but hermetically: in
//! a private network and mount namespace with its own run dir, so the host's `/run/netns` is
//! never touched.

mod common;

#[allow(dead_code)]
#[path = "../examples/init_sequence.rs"]
mod init_sequence;

use common::{ip_json, private_netns_and_run_dir};

#[test]
fn init_sequence_waits_for_carrier_and_addresses_and_leaves_nothing_behind() {
    let run_dir = private_netns_and_run_dir();
    let before = ip_json(&["link", "show"]);
    let mut out = Vec::new();
    init_sequence::run(run_dir.path(), &mut out).unwrap_or_else(|e| panic!("init sequence: {e}"));
    let out = String::from_utf8(out).unwrap();
    println!("{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "created namespaces rtnl-init-a and rtnl-init-b");
    assert_eq!(lines[1], "subscribed to link events in rtnl-init-a");
    assert!(lines[4].starts_with("eth1: 192.0.2.2/24"), "{out}");
    assert!(lines[5].starts_with("eth0: carrier after "), "{out}");
    // Two addresses given plus the link-local one, none of them still in detection.
    assert_eq!(lines[7], "eth0: 3 addresses, 0 tentative", "{out}");
    assert_eq!(lines[8], "ready");
    assert_eq!(lines.last(), Some(&"deleted both namespaces"));
    let left: Vec<_> = std::fs::read_dir(run_dir.path()).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");
    assert_eq!(ip_json(&["link", "show"]), before, "no link left here");
}
