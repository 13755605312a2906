//! The `rtnl` binary against `ip` itself: each test runs in its own network namespace (the
//! binary and `ip`, spawned from the test thread, inherit it), makes its state with `rtnl`,
//! and checks it with `ip` — the same JSON keys and values, the same text, the same error
//! messages and exit codes.

mod common;

use std::collections::BTreeSet;
use std::io::Write;
use std::process::{Command, Stdio};

use common::{
    LINK_KEYS, RTNL, Watcher, compare, ip, ip_json, ip_raw, ok, outcome, private_netns,
    private_netns_with_run_netns, rtnl, same, same_failure, words,
};
use serde_json::Value;

/// `rtnl ARGS` parsed as JSON.
fn ok_json(args: &[&str]) -> Value {
    let text = ok(args);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("rtnl {}: {e}: {text}", args.join(" ")))
}

/// `ip -j ARGS` (no `-d`) parsed as JSON.
fn ip_plain_json(args: &[&str]) -> Value {
    let mut full = vec!["-j"];
    full.extend_from_slice(args);
    let text = ip(&full);
    if text.trim().is_empty() {
        return Value::Array(Vec::new());
    }
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("ip {}: {e}: {text}", args.join(" ")))
}

/// `rtnl -j ARGS` against `ip -j ARGS`, key by key; the number of values compared.
fn json_matches_ip(args: &[&str], must_have: &[&str]) -> usize {
    let mut full = vec!["-j"];
    full.extend_from_slice(args);
    let ours = ok_json(&full);
    let theirs = ip_plain_json(args);
    compare(&args.join(" "), &ours, &theirs, must_have)
}

/// `rtnl ARGS` prints what `ip ARGS` prints, byte for byte.
fn text_matches_ip(args: &[&str]) -> String {
    let ours = ok(args);
    let theirs = ip(args);
    assert_eq!(ours, theirs, "text of {}", args.join(" "));
    ours
}

/// Waits (up to 2 s) until every link in `names` has carrier: the kernel reports it a moment
/// after both ends of a veth are up, and a comparison made meanwhile would race.
fn wait_for_carrier(names: &[&str]) {
    for _ in 0..200 {
        let up = names
            .iter()
            .all(|name| ip_plain_json(&["link", "show", "dev", name])[0]["operstate"] == "UP");
        if up {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("no carrier on {names:?}");
}

/// A veth pair made by `rtnl`: `ip` sees it; `rtnl link show` prints what `ip` prints, as text
/// (byte for byte), JSON (key by key, with and without `-d`) and pretty JSON.
#[test]
fn veth_pair_made_by_rtnl_is_what_ip_sees() {
    private_netns();
    ok(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
    let v0 = &ip_json(&["link", "show", "dev", "v0"])[0];
    let v1 = &ip_json(&["link", "show", "dev", "v1"])[0];
    assert_eq!(v0["linkinfo"]["info_kind"], "veth");
    assert_eq!(v0["link"], "v1");
    assert_eq!(v1["link"], "v0");
    // JSON: every key equal, with and without -d, for the whole dump and one device.
    let compared = json_matches_ip(&["link", "show"], &LINK_KEYS);
    assert!(compared >= 3 * 12, "compared only {compared} values");
    json_matches_ip(&["-d", "link", "show"], &LINK_KEYS);
    json_matches_ip(&["link", "show", "dev", "v1"], &LINK_KEYS);
    // Text: byte for byte, also after changes that show in the first line.
    text_matches_ip(&["link", "show"]);
    ok(&["link", "set", "v0", "up"]);
    // NO-CARRIER comes with linkwatch, a moment after (seconds in a slow VM).
    common::settled_links();
    let text = text_matches_ip(&["link", "show"]);
    assert!(text.contains("v0@v1: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN>"));
    ok(&["link", "set", "dev", "v1", "up"]);
    wait_for_carrier(&["v0", "v1"]);
    text_matches_ip(&["link", "show"]);
    text_matches_ip(&["link", "show", "v0"]);
    text_matches_ip(&["link", "show", "up"]);
    text_matches_ip(&["link", "show", "type", "veth"]);
    text_matches_ip(&["link", "show", "type", "nosuchkind"]);
    assert_eq!(ok(&["-j", "link", "show", "type", "nosuchkind"]), "[]\n");
    text_matches_ip(&["link", "show", "lo"]);
    // The pretty layout is ip's own.
    assert_eq!(
        ok(&["-j", "-p", "link", "show", "lo"]),
        ip(&["-j", "-p", "link", "show", "lo"])
    );
    // ip's abbreviations.
    ok(&["l", "d", "v0"]);
    assert!(ip_plain_json(&["link", "show"]).as_array().unwrap().len() == 1);
}

/// Every `link set` keyword reaches the kernel; the filters of `link show` select what `ip`'s do.
#[test]
fn link_set_changes_what_ip_sees() {
    private_netns();
    ok(&["li", "a", "v0", "type", "veth", "peer", "v1"]);
    ok(&["link", "add", "br0", "type", "bridge"]);
    ok(&[
        "link",
        "set",
        "v0",
        "mtu",
        "1400",
        "address",
        "02:00:00:00:00:aa",
        "txqueuelen",
        "500",
        "alias",
        "the left end",
        "promisc",
        "on",
        "arp",
        "off",
        "allmulticast",
        "on",
        "group",
        "5",
        "master",
        "br0",
        "up",
    ]);
    let v0 = &ip_json(&["link", "show", "dev", "v0"])[0];
    assert_eq!(v0["mtu"], 1400);
    assert_eq!(v0["address"], "02:00:00:00:00:aa");
    assert_eq!(v0["txqlen"], 500);
    assert_eq!(v0["ifalias"], "the left end");
    assert_eq!(v0["group"], "5");
    assert_eq!(v0["master"], "br0");
    let flags: Vec<String> = serde_json::from_value(v0["flags"].clone()).unwrap();
    for flag in ["PROMISC", "NOARP", "ALLMULTI", "UP"] {
        assert!(flags.contains(&flag.to_owned()), "{flag} in {flags:?}");
    }
    json_matches_ip(&["link", "show"], &LINK_KEYS);
    text_matches_ip(&["link", "show"]);
    text_matches_ip(&["link", "show", "master", "br0"]);
    text_matches_ip(&["link", "show", "group", "5"]);
    text_matches_ip(&["link", "show", "nomaster"]);
    // (ip -j prints an empty object for each link a `_slave` kind filter drops; its text is
    // right.)
    text_matches_ip(&["link", "show", "type", "bridge_slave"]);
    // Undo some, and rename.
    ok(&words(
        "link set v0 nomaster promisc off arp on down name left",
    ));
    let left = &ip_json(&["link", "show", "dev", "left"])[0];
    assert!(left.get("master").is_none());
    let flags: Vec<String> = serde_json::from_value(left["flags"].clone()).unwrap();
    assert!(
        !flags
            .iter()
            .any(|f| f == "PROMISC" || f == "NOARP" || f == "UP")
    );
    text_matches_ip(&["link", "show"]);
}

/// Bridge, vxlan and veth options of `link add` reach the kernel; `replace` behaves as `ip`'s.
#[test]
fn bridge_vxlan_and_veth_options_reach_the_kernel() {
    private_netns();
    ok(&["link", "add", "br0", "mtu", "1280", "type", "bridge"]);
    ok(&words(
        "link add name p0 address 02:00:00:00:01:00 txqueuelen 100 master br0 up type veth \
         peer name p1 mtu 1300 address 02:00:00:00:01:01",
    ));
    ok(&["link", "set", "p1", "up"]);
    wait_for_carrier(&["p0", "p1"]);
    ok(&words(
        "link add vx0 type vxlan id 42 remote 192.0.2.9 local 192.0.2.1 dstport 4789 ttl \
         16 nolearning",
    ));
    let p0 = &ip_json(&["link", "show", "dev", "p0"])[0];
    let p1 = &ip_json(&["link", "show", "dev", "p1"])[0];
    assert_eq!(p0["master"], "br0");
    assert_eq!(p0["txqlen"], 100);
    assert_eq!(p0["address"], "02:00:00:00:01:00");
    assert_eq!(p1["mtu"], 1300);
    assert_eq!(p1["address"], "02:00:00:00:01:01");
    assert_eq!(p1["operstate"], "UP", "both ends up: carrier");
    let vx0 = &ip_json(&["link", "show", "dev", "vx0"])[0]["linkinfo"]["info_data"];
    assert_eq!(vx0["id"], 42);
    assert_eq!(vx0["remote"], "192.0.2.9");
    assert_eq!(vx0["local"], "192.0.2.1");
    assert_eq!(vx0["port"], 4789);
    assert_eq!(vx0["ttl"], 16);
    assert_eq!(vx0["learning"], false);
    // -d JSON carries linkinfo with the kind data, equal to ip's.
    let compared = json_matches_ip(&["-d", "link", "show"], &LINK_KEYS);
    assert!(compared > 4 * 20, "compared only {compared}");
    text_matches_ip(&["link", "show"]);
    // replace creates a missing link; changing a bridge that way the kernel refuses, as it does
    // for ip.
    ok(&["link", "replace", "br1", "type", "bridge"]);
    assert_eq!(ip_json(&["link", "show", "dev", "br1"])[0]["ifname"], "br1");
    let (code, _) = same_failure(&["link", "replace", "br0", "mtu", "1300", "type", "bridge"]);
    assert_eq!(code, Some(2));
}

/// Kernel refusals (2), local failures (1) and bad syntax (255): the same message and code as
/// `ip`.
#[test]
fn errors_and_exit_codes_are_ips() {
    private_netns();
    ok(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
    // The kernel refuses: exit 2.
    let (code, text) = same_failure(&["link", "add", "v0", "type", "veth"]);
    assert_eq!(
        (code, text.as_str()),
        (Some(2), "RTNETLINK answers: File exists")
    );
    let (code, text) = same_failure(&["link", "add", "x0", "type", "nosuchkind"]);
    assert_eq!(
        (code, text.as_str()),
        (Some(2), "Error: Unknown device type.")
    );
    // Local failures: exit 1.
    let (code, text) = same_failure(&["link", "set", "nope", "up"]);
    assert_eq!(
        (code, text.as_str()),
        (Some(1), "Cannot find device \"nope\"")
    );
    same_failure(&["link", "delete", "nope"]);
    same_failure(&["link", "show", "nope"]);
    same_failure(&["link", "show", "dev", "nope"]);
    same_failure(&["link", "add", "v5", "mtu", "1400"]);
    same_failure(&["link", "set", "v0", "promisc", "maybe"]);
    same_failure(&["link", "set", "v0", "address", "zz"]);
    same_failure(&["link", "add", "v5", "type", "veth", "foo"]);
    same_failure(&["lnk", "show"]);
    // Bad syntax: exit 255.
    let (code, text) = same_failure(&["link", "foo"]);
    assert_eq!(
        (code, text.as_str()),
        (
            Some(255),
            "Command \"foo\" is unknown, try \"ip link help\"."
        )
    );
    same_failure(&["link", "set", "v0", "mtu"]);
    same_failure(&["link", "set", "v0", "mtu", "abc"]);
    same_failure(&["link", "set", "v0", "nonsense"]);
    same_failure(&["link", "set", "v0", "name", "a", "name", "b"]);
    same_failure(&["link", "set", "v0", "master", "nope"]);
    same_failure(&["link", "set", "v0", "netns", "nosuchns"]);
    same_failure(&["link", "add", "name", "v7", "v8", "type", "veth"]);
    same_failure(&["link", "add", "v5", "type", "vxlan", "id", "x"]);
    same_failure(&["-x", "link"]);
    // Nothing of the failures was made.
    assert_eq!(
        ip_plain_json(&["link", "show"]).as_array().unwrap().len(),
        3
    );
}

/// Writes a batch file into the test's namespace-independent temp dir; its path.
fn batch_file(name: &str, text: &str) -> String {
    let path = std::env::temp_dir().join(format!("rtnl-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, text).expect("write batch file");
    path.to_str().unwrap().to_owned()
}

/// `-batch`: comments, continuations, quotes; a failure stops the batch with `Command failed
/// FILE:LINE` unless `-force`; stdin as the file.
#[test]
fn batch_stops_at_the_first_failure_unless_forced() {
    private_netns();
    let text = "\
# a comment line
link add v0 type veth peer name v1   # a trailing comment

link add v0 type veth peer name v1
link set v0 \\
  alias \"two words\"
link add v2 type veth peer name v3
link set nope up
link set v2 mtu 1300
";
    let file = batch_file("batch", text);
    let out = rtnl(&["-b", &file]);
    let expected = format!("RTNETLINK answers: File exists\nCommand failed {file}:4\n");
    assert_eq!(outcome(&out), (Some(1), expected.trim_end().to_owned()));
    // Stopped at line 4: nothing after it ran.
    let names: BTreeSet<String> = ip_plain_json(&["link", "show"])
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["ifname"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["lo", "v0", "v1"].map(String::from).into());
    ok(&["link", "del", "v0"]);

    // -force: every line runs, each failure is reported with its line, exit 1.
    let out = rtnl(&["-force", "-batch", &file]);
    let (code, stderr) = outcome(&out);
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        format!(
            "RTNETLINK answers: File exists\nCommand failed {file}:4\n\
             Cannot find device \"nope\"\nCommand failed {file}:8"
        )
    );
    let v0 = &ip_json(&["link", "show", "dev", "v0"])[0];
    assert_eq!(v0["ifalias"], "two words", "the continued, quoted line ran");
    assert_eq!(ip_json(&["link", "show", "dev", "v2"])[0]["mtu"], 1300);
    // ip agrees on the same file (its first failure, its exit code).
    ok(&["link", "del", "v0"]);
    ok(&["link", "del", "v2"]);
    let ours = outcome(&rtnl(&["-b", &file]));
    ok(&["link", "del", "v0"]);
    assert_eq!(ours, outcome(&ip_raw(&["-b", &file])));
    // stdin as the file, with JSON output per command.
    let mut child = Command::new(RTNL)
        .args(["-j", "-b", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"link show dev lo\nlink show dev v0\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1][0]["ifname"], "v0");
    let _ = std::fs::remove_file(&file);
}

/// `netns NS` keywords, `-n NS`, `link-netns NAME` in the text, and `link peer`.
#[test]
fn named_namespaces_for_netns_keywords_and_dash_n() {
    let _run = private_netns_with_run_netns();
    ip(&["netns", "add", "blue"]);
    ok(&words("link add v0 type veth peer name v1 netns blue"));
    // ip shows the peer's namespace by name; so do we.
    let text = text_matches_ip(&["link", "show", "v0"]);
    assert!(text.contains("link-netns blue"), "{text}");
    json_matches_ip(&["link", "show"], &LINK_KEYS);
    // -n: the handle works inside blue.
    let inside = ok_json(&["-j", "-n", "blue", "link", "show", "v1"]);
    assert_eq!(inside[0]["ifname"], "v1");
    assert_eq!(
        ok(&["-n", "blue", "link", "show"]),
        ip(&["-n", "blue", "link", "show"])
    );
    ok(&["-n", "blue", "link", "set", "v1", "up", "mtu", "1400"]);
    assert_eq!(
        ip_json(&["-n", "blue", "link", "show", "dev", "v1"])[0]["mtu"],
        1400
    );
    // The peer lookup names the namespace.
    assert_eq!(
        ok(&["link", "peer", "v0"]),
        format!(
            "{}: v1 link-netns blue\n",
            ip_json(&["-n", "blue", "link", "show", "dev", "v1"])[0]["ifindex"]
        )
    );
    let peer = ok_json(&["-j", "link", "peer", "dev", "v0"]);
    assert_eq!(peer[0]["ifname"], "v1");
    assert_eq!(peer[0]["netns"], "blue");
    // Moving a link by name, by path.
    ok(&["link", "add", "m0", "type", "veth", "peer", "name", "m1"]);
    ok(&["link", "set", "m0", "netns", "blue"]);
    ok(&["link", "set", "m1", "netns", "/run/netns/blue"]);
    let inside = ip_plain_json(&["-n", "blue", "link", "show"]);
    let names: BTreeSet<&str> = inside
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["ifname"].as_str().unwrap())
        .collect();
    assert!(names.contains("m0") && names.contains("m1"), "{names:?}");
    // A missing namespace: ip's message and code.
    same_failure(&["-n", "nope", "link", "show"]);
}

/// Keys of `ip -j address show`'s `addr_info` we must print whenever ip does.
const ADDR_KEYS: [&str; 12] = [
    "family",
    "local",
    "address",
    "prefixlen",
    "metric",
    "broadcast",
    "scope",
    "secondary",
    "noprefixroute",
    "label",
    "valid_life_time",
    "preferred_life_time",
];

/// A veth pair v0/v1, both up, for address and route tests; without IPv6 link-local
/// addresses, whose duplicate address detection would change them between two looks.
fn veth_up() {
    ok(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
    ip(&["link", "set", "v0", "addrgenmode", "none"]);
    ip(&["link", "set", "v1", "addrgenmode", "none"]);
    ok(&["link", "set", "v0", "up"]);
    ok(&["link", "set", "v1", "up"]);
    wait_for_carrier(&["v0", "v1"]);
}

/// Addresses made by `rtnl` are what `ip` sees; `address show` prints what `ip` prints under
/// every filter; delete, replace and flush.
#[test]
fn addresses_made_by_rtnl_are_what_ip_sees() {
    private_netns();
    veth_up();
    ok(&["address", "add", "192.0.2.1/24", "dev", "v0"]);
    ok(&words("addr add 192.0.2.5/24 brd + dev v0 label v0:web"));
    ok(&words("a a 198.51.100.1 peer 198.51.100.2/32 dev v0"));
    ok(&["addr", "add", "2001:db8::1/64", "dev", "v0", "nodad"]);
    ok(&words(
        "addr add 203.0.113.1/24 dev v0 valid_lft 100 preferred_lft 50 metric 7 \
         noprefixroute",
    ));
    ok(&words("addr add 2001:db8:1::1/64 dev v1 nodad scope link"));
    let v0 = &ip_plain_json(&["addr", "show", "dev", "v0"])[0]["addr_info"];
    let locals: Vec<&str> = v0
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["local"].as_str().unwrap())
        .collect();
    for local in [
        "192.0.2.1",
        "192.0.2.5",
        "198.51.100.1",
        "2001:db8::1",
        "203.0.113.1",
    ] {
        assert!(locals.contains(&local), "{local} in {locals:?}");
    }
    // JSON and text equal to ip's for the usual filters.
    let compared = json_matches_ip(&["addr", "show"], &ADDR_KEYS);
    assert!(compared > 40, "compared only {compared}");
    json_matches_ip(&["-d", "addr", "show", "dev", "v0"], &ADDR_KEYS);
    for args in [
        "addr show",
        "address",
        "a s dev v0",
        "-4 addr",
        "-6 addr",
        "-6 addr show dev lo",
        "addr show scope link",
        "addr show scope global primary",
        "addr show secondary",
        "addr show dynamic",
        "addr show label v0:*",
        "-4 addr show label v0",
        "addr show to 192.0.2.0/24",
        "addr show to 2001:db8::/32",
        "addr show up",
        "addr show type veth",
        "-0 addr",
        "-j -0 addr",
    ] {
        let args: &[&str] = &words(args);
        text_matches_ip(args);
    }
    // Delete: with a length; without one (ip's wildcard deletion, with its warning).
    ok(&["addr", "del", "192.0.2.5/24", "dev", "v0"]);
    let out = rtnl(&["addr", "del", "198.51.100.1", "dev", "v0"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("Warning: Executing wildcard"));
    // Replace creates or updates.
    ok(&words("addr replace 192.0.2.1/24 dev v0 metric 9"));
    let json = ok_json(&["-j", "-4", "addr", "show", "dev", "v0"]);
    let first = &json[0]["addr_info"][0];
    assert_eq!(
        (first["local"].as_str(), first["metric"].as_u64()),
        (Some("192.0.2.1"), Some(9))
    );
    text_matches_ip(&["addr"]);
    // Flush one family of one device.
    ok(&["-6", "addr", "flush", "dev", "v0", "scope", "global"]);
    let left = ip_plain_json(&["-6", "addr", "show", "dev", "v0", "scope", "global"]);
    assert_eq!(
        left,
        Value::Array(Vec::new()),
        "no global IPv6 address left on v0"
    );
    ok(&["addr", "flush", "dev", "v0"]);
    assert_eq!(
        ip_plain_json(&["addr", "show", "dev", "v0"])[0]["addr_info"],
        Value::Array(Vec::new())
    );
    text_matches_ip(&["addr"]);
}

/// `address` failures: the same message and code as `ip`.
#[test]
fn address_errors_are_ips() {
    private_netns();
    veth_up();
    ok(&["addr", "add", "192.0.2.1/24", "dev", "v0"]);
    let (code, text) = same_failure(&["addr", "add", "192.0.2.1/24", "dev", "v0"]);
    assert_eq!(code, Some(2), "{text}");
    same_failure(&["addr", "add", "192.0.2.9/33", "dev", "v0"]);
    same_failure(&["addr", "add", "192.0.2.9/24", "dev", "nope"]);
    same_failure(&["addr", "add", "192.0.2.9/24"]);
    same_failure(&["addr", "del", "192.0.2.77/24", "dev", "v0"]);
    same_failure(&["addr", "foo"]);
    same_failure(&["addr", "flush"]);
    same_failure(&["addr", "show", "dev", "nope"]);
    same_failure(&["-6", "addr", "add", "192.0.2.1/24", "dev", "v0"]);
    same_failure(&words("addr add 192.0.2.9/24 dev v0 scope nowhere-else"));
    same_failure(&["addr", "add", "192.0.2.9/24", "dev", "v0", "valid_lft", "x"]);
    same_failure(&words(
        "addr add 192.0.2.9/24 dev v0 preferred_lft 9 valid_lft 5",
    ));
}

/// Routes of every shape: a gateway with metric and protocol, a default, a blackhole and an
/// unreachable, a multipath, one in another table with a source, an onlink, IPv6.
fn some_routes() {
    veth_up();
    ok(&["addr", "add", "192.0.2.1/24", "dev", "v0"]);
    ok(&["addr", "add", "2001:db8::1/64", "dev", "v0", "nodad"]);
    ok(&words(
        "route add 203.0.113.0/24 via 192.0.2.254 dev v0 metric 5 proto static",
    ));
    ok(&["r", "a", "default", "via", "192.0.2.254"]);
    ok(&["route", "add", "blackhole", "198.51.100.0/24"]);
    ok(&["route", "add", "unreachable", "198.51.100.64/26"]);
    ok(&words(
        "route add 198.51.100.128/25 nexthop via 192.0.2.2 dev v0 weight 2 nexthop via \
         192.0.2.3 dev v0",
    ));
    ok(&words(
        "route add 203.0.113.128/25 dev v0 table 100 src 192.0.2.1 scope link",
    ));
    ok(&words(
        "route add 198.51.100.32/27 via 192.0.2.77 dev v0 onlink",
    ));
    ok(&words("-6 route add 2001:db8:1::/48 via 2001:db8::2"));
    ok(&words("route add default via 2001:db8::2 metric 7"));
}

/// Routes made by `rtnl` are what `ip` sees; `route show` and `route get` print what `ip`
/// prints, text and JSON; replace, delete and flush.
#[test]
fn routes_made_by_rtnl_are_what_ip_sees() {
    private_netns();
    some_routes();
    let main = ip_plain_json(&["route", "show"]);
    let dsts: Vec<&str> = main
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["dst"].as_str().unwrap())
        .collect();
    for dst in [
        "default",
        "203.0.113.0/24",
        "198.51.100.0/24",
        "198.51.100.128/25",
    ] {
        assert!(dsts.contains(&dst), "{dst} in {dsts:?}");
    }
    let multipath = main
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["dst"] == "198.51.100.128/25")
        .unwrap();
    assert_eq!(multipath["nexthops"][0]["weight"], 2);
    // Text and JSON equal to ip's, selector by selector.
    for args in [
        "route",
        "route show",
        "ro",
        "route show table all",
        "route show table 100",
        "route show table local",
        "-6 route",
        "-d route",
        "-d route show table all",
        "route show dev v0",
        "route show proto static",
        "route show type blackhole",
        "route show scope link",
        "route show 203.0.113.0/24",
        "route show root 198.51.100.0/24",
        "route show match 198.51.100.130",
        "route show via 192.0.2.254",
        "route list default",
        "route get 203.0.113.5",
        "route get 192.0.2.1",
        "route get 2001:db8:1::5",
    ] {
        let args: &[&str] = &words(args);
        text_matches_ip(args);
        let mut json = vec!["-j"];
        json.extend_from_slice(args);
        assert_eq!(ok(&json), ip(&json), "JSON of {}", args.join(" "));
    }
    // Replace changes the route in place; delete and flush remove.
    ok(&words(
        "route replace 203.0.113.0/24 via 192.0.2.253 dev v0 metric 5 proto static",
    ));
    let r = &ip_plain_json(&["route", "show", "203.0.113.0/24"])[0];
    assert_eq!(r["gateway"], "192.0.2.253");
    ok(&["route", "del", "blackhole", "198.51.100.0/24"]);
    ok(&["route", "flush", "proto", "static"]);
    ok(&["route", "delete", "198.51.100.128/25"]);
    assert_eq!(
        ip_plain_json(&["route", "show", "proto", "static"]),
        Value::Array(Vec::new())
    );
    text_matches_ip(&["route", "show", "table", "all"]);
}

/// `route` failures: the same message and code as `ip`.
#[test]
fn route_errors_are_ips() {
    private_netns();
    some_routes();
    let (code, _) = same_failure(&words(
        "route add 203.0.113.0/24 via 192.0.2.254 dev v0 metric \
         5 proto static",
    ));
    assert_eq!(code, Some(2));
    same_failure(&["route", "add", "203.0.113.0/24", "dev", "nope"]);
    same_failure(&["route", "add", "203.0.113.0/33", "dev", "v0"]);
    same_failure(&["route", "del", "192.0.2.99/32", "dev", "v0"]);
    same_failure(&["route", "foo"]);
    same_failure(&["route", "add", "203.0.113.7", "via", "10.9.9.9"]);
    same_failure(&["route", "add", "203.0.113.7", "table", "x", "dev", "v0"]);
    same_failure(&["route", "get"]);
    same_failure(&["route", "get", "192.0.2.x"]);
    same_failure(&["route", "flush"]);
    // A table no route was added to: the kernel's error, then `Dump terminated` (`Flush
    // terminated` for a flush), exit 2.
    for family in ["-4", "-6"] {
        let (code, text) = same_failure(&[family, "route", "show", "table", "2345"]);
        assert_eq!(code, Some(2));
        assert!(text.ends_with("Dump terminated"), "{text}");
        let (_, text) = same_failure(&[family, "route", "flush", "table", "2345"]);
        assert!(text.ends_with("Flush terminated"), "{text}");
    }
}

/// `netns` commands in a private `/run/netns`: the same stdout, stderr and exit code as `ip`.
#[test]
fn netns_commands_match_ip() {
    let _run = private_netns_with_run_netns();
    same(&["netns"]);
    ok(&["netns", "add", "blue"]);
    ok(&["netns", "add", "red"]);
    let listed = ip(&["netns", "list"]);
    assert!(
        listed.contains("blue") && listed.contains("red"),
        "{listed}"
    );
    same(&["netns", "add", "blue"]);
    same(&["netns", "list"]);
    same(&["-j", "netns", "list"]);
    ok(&["netns", "set", "blue", "5"]);
    ok(&["netns", "set", "red", "auto"]);
    assert!(ip(&["netns", "list"]).contains("blue (id: 5)"));
    for args in [
        "netns",
        "netns list",
        "-j netns list",
        "netns list-id",
        "-j netns list-id",
        "-j -p netns list-id",
        "netns set blue 7",
        "netns set blue x",
        "netns set nope 3",
        "netns pids blue",
        "netns pids nope",
        "netns identify 999999",
        "netns delete nope",
        "netns add a/b",
        "netns foo",
        "-n blue netns list-id",
        "-n blue link",
    ] {
        let args: &[&str] = &words(args);
        same(args);
    }
    // A process in blue: pids finds it, identify names its namespace.
    let mut sleeper = Command::new("ip")
        .args(["netns", "exec", "blue", "sleep", "5"])
        .spawn()
        .unwrap();
    let pid = sleeper.id().to_string();
    let mut found = String::new();
    for _ in 0..200 {
        found = ok(&["netns", "identify", &pid]);
        if found == "blue\n" {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(found, "blue\n");
    same(&["netns", "identify", &pid]);
    assert!(ok(&["netns", "pids", "blue"]).lines().any(|l| l == pid));
    same(&["netns", "pids", "blue"]);
    sleeper.kill().unwrap();
    sleeper.wait().unwrap();
    // attach names an existing namespace: this test thread's.
    let me = rustix::thread::gettid().as_raw_nonzero().to_string();
    ok(&["netns", "attach", "here", &me]);
    assert_eq!(ok(&["netns", "identify", &me]), "here\n");
    ok(&["netns", "delete", "here"]);
    ok(&["netns", "del", "red"]);
    same(&["netns", "list"]);
    assert_eq!(ok(&["netns", "list"]), "blue (id: 5)\n");
}

/// Changes `lo`'s MTU (from `base` up) until every watcher has printed it: then all are
/// listening. Returns the marker the line carries.
fn until_all_see(watchers: &[&Watcher], base: u32) -> String {
    common::mtu_marker(common::mark_mtu(watchers, &[], "lo", base, 300))
}

/// `rtnl monitor` and `ip monitor`, side by side, print the same lines for the same events.
#[test]
fn monitor_prints_what_ip_monitor_prints() {
    let _run = private_netns_with_run_netns();
    ip(&["netns", "add", "blue"]);
    let ours = Watcher::start(
        RTNL,
        &["monitor", "link", "address", "route", "nsid"],
        "ours",
    );
    let theirs = Watcher::start("ip", &["monitor", "link", "address", "route", "nsid"], "ip");
    let ours_label = Watcher::start(RTNL, &["monitor", "label"], "ours-l");
    let theirs_label = Watcher::start(
        "ip",
        &["monitor", "label", "link", "address", "route", "nsid"],
        "ip-l",
    );
    let all = [&ours, &theirs, &ours_label, &theirs_label];
    let start = until_all_see(&all, 61000);
    ip(&["netns", "set", "blue", "5"]);
    ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
    ip(&["link", "set", "v0", "addrgenmode", "none"]);
    ip(&["link", "set", "v0", "up"]);
    ip(&["addr", "add", "192.0.2.1/24", "dev", "v0"]);
    ip(&words("route add 203.0.113.0/24 via 192.0.2.2 dev v0"));
    ip(&["route", "del", "203.0.113.0/24"]);
    ip(&["addr", "del", "192.0.2.1/24", "dev", "v0"]);
    ip(&["link", "set", "v1", "netns", "blue"]);
    ip(&["link", "del", "v0"]);
    let end = until_all_see(&all, 62000);
    let plain = common::lines_between_events(&ours.text(), &start, &end);
    assert_eq!(
        plain,
        common::lines_between_events(&theirs.text(), &start, &end)
    );
    for expected in [
        "nsid 5 (iproute2 netns name: blue)\n",
        "3: v0    inet 192.0.2.1/24 scope global v0\n",
        "Deleted 203.0.113.0/24 via 192.0.2.2 dev v0 linkdown \n",
        "new-netns blue new-ifindex",
        "Deleted 3: v0@NONE: ",
    ] {
        assert!(plain.contains(expected), "{expected:?} in\n{plain}");
    }
    let labelled = common::lines_between_events(&ours_label.text(), &start, &end);
    assert_eq!(
        labelled,
        common::lines_between_events(&theirs_label.text(), &start, &end)
    );
    assert!(
        labelled.contains("[ROUTE]Deleted 203.0.113.0/24"),
        "{labelled}"
    );
}
