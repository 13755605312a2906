//! `rtnl link add ... type ipvlan` and `type vrf` refusals against `ip` 6.1: the same message
//! on stderr and the same exit code for every word `ip/iplink_ipvlan.c` and `ip/iplink_vrf.c`
//! refuse before anything reaches the kernel (this host has neither driver, so creation itself
//! is tested in the 6.1 VM, tests/vm/main.rs, and the request bytes in codec/tests/requests.rs).

mod common;

use common::{ip, private_netns, same_failure};

/// The refusals, each with the exit code ip gives it (1: the kind's own message and usage; 255:
/// `invarg` or an incomplete command).
const REFUSED: [(&str, i32); 13] = [
    ("link add link v0 name x type ipvlan mode l4", 1),
    ("link add link v0 name x type ipvlan mode", 255),
    ("link add link v0 name x type ipvlan bogus", 1),
    ("link add link v0 name x type ipvlan vepa private", 1),
    ("link add link v0 name x type ipvlan bridge bridge", 1),
    ("link add link v0 name x type ipvlan help", 1),
    ("link add link nosuch name x type ipvlan mode l2", 1),
    ("link add x type vrf table nosuch", 255),
    ("link add x type vrf table", 255),
    ("link add x type vrf bogus", 1),
    ("link add x type vrf help", 1),
    ("link add x type vrf table 10 tab", 255),
    ("link add x type vrf table 10 x", 1),
];

#[test]
fn ipvlan_and_vrf_refusals_read_like_ip() {
    private_netns();
    ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
    for (command, code) in REFUSED {
        let args: Vec<&str> = command.split(' ').collect();
        let (got, message) = same_failure(&args);
        assert_eq!(got, Some(code), "{command}: {message}");
        assert!(!message.is_empty(), "{command}: no message");
    }
}
