//! `rtnl route` forms beyond add/replace/delete against `ip` 6.1: route metrics (`mtu lock
//! 1300 initcwnd 10 ...`), `realms`, IPv6 `pref`, `change`, `append` and `prepend`. Each test
//! runs in its own network namespace; a route made by `rtnl` must leave the kernel in the state
//! `ip` leaves it in for the same words (compared through `ip -d route show` in two fresh
//! namespaces), and `rtnl route show` must print what `ip route show` prints, byte for byte.

mod common;

use common::{
    RTNL, ip, ip_lines, ok, outcome, private_netns, rtnl, same, same_failure, same_failures, words,
};

/// A fresh namespace with a veth pair up, `192.0.2.1/24` and `2001:db8::1/64` on `v0`.
fn setup() {
    private_netns();
    common::veth_pair_with_addresses("v0", "v1");
    // The local route of the IPv6 address comes once the link has carrier, a moment later
    // (linkwatch; in a whole-suite run on a loaded machine that took more than 3 s for every
    // test of this file at once, so up to 20 s; each `ip` call is a few ms more).
    for _ in 0..2000 {
        if ip(&["-6", "route", "show", "table", "local"]).contains("local 2001:db8::1 ") {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("no local route for 2001:db8::1");
}

/// The routes of both families, every table, as `ip -d` prints them, sorted (the kernel's
/// link-local routes of the two veth ends come in either order), a multipath route's
/// `nexthop` lines kept with it.
fn routes() -> String {
    let text = ip(&["-d", "route", "show", "table", "all"]).replace("\n\t", "\t");
    // The local routes of the veth ends' link-local addresses are left out: those addresses
    // come from random MAC addresses, and their routes only once DAD is over (a second or
    // more after the link is up; the 6.1 guest under TCG read one namespace after it and the
    // other before).
    let mut lines: Vec<&str> = text
        .lines()
        .filter(|line| !line.starts_with("local fe80::"))
        .collect();
    lines.sort_unstable();
    lines.join("\n")
}

/// Runs each command with `program` in a fresh namespace; the routes it leaves.
fn state_after(program: &str, commands: &[&str]) -> String {
    setup();
    for command in commands {
        let args: Vec<&str> = command.split(' ').collect();
        let out = std::process::Command::new(program)
            .args(&args)
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{program} {command}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    routes()
}

/// `rtnl` and `ip` running `commands` leave the same routes; returns them.
fn same_state(commands: &[&str]) -> String {
    let ours = state_after(RTNL, commands);
    let theirs = state_after("ip", commands);
    assert_eq!(ours, theirs, "routes after {commands:?}");
    ours
}

/// Every metric `ip route add` takes, with `lock`, time units, `realms` and the late
/// keywords, sets what ip sets; `route show` prints them as ip does, text and JSON.
#[test]
fn metrics_are_set_and_shown_as_ip_does() {
    let commands = [
        "route add 198.51.100.0/24 via 192.0.2.2 dev v0 mtu lock 1300 advmss 1260 reordering 5 \
         window 65535 rtt 100ms rttvar lock 50 rto_min 2000 ssthresh 20 cwnd 10 initcwnd 10 \
         initrwnd 20 features ecn quickack 1 congctl lock reno fastopen_no_cookie 1 hoplimit 64 \
         realms 1/2",
        "route add 203.0.113.0/24 dev v0 realm 3 rtt 1.5s rttvar 0.25secs",
        "route add 203.0.113.128/25 dev v0 realms cosmos/4 initcwnd 10 mtu 1300",
        "route add 203.0.113.64/26 dev v0 realms 300",
        "route add 203.0.113.32/27 dev v0 realms 0x50006",
        "-6 route add 2001:db8:5::/64 dev v0 pref high mtu 1400 hoplimit lock 3",
        "-6 route add 2001:db8:6::/64 dev v0 pref low",
        "-6 route add 2001:db8:7::/64 dev v0 pref 2",
    ];
    let state = same_state(&commands);
    assert!(state.contains("mtu lock 1300"), "{state}");
    assert!(state.contains("pref high"), "{state}");
    // The namespace `ip` just used holds the routes: show them both ways.
    for args in [
        &["route", "show"][..],
        &["-j", "route", "show"],
        &["-j", "-p", "route", "show"],
        &["-d", "route", "show"],
        &["-6", "route", "show"],
        &["-j", "-6", "route", "show"],
        &["route", "show", "table", "all"],
        &["-j", "route", "show", "table", "all"],
        // A lookup prints the route's metrics after `cache`, JSON keys in ip's order.
        &["route", "get", "198.51.100.7"],
        &["-j", "route", "get", "198.51.100.7"],
        &["-j", "route", "get", "203.0.113.1"],
        &["-j", "route", "get", "192.0.2.1"],
        &["route", "get", "2001:db8:5::7"],
        &["-j", "route", "get", "2001:db8:5::7"],
        &["route", "get", "fibmatch", "198.51.100.7"],
    ] {
        same(args);
    }
    let json = ok(&["-j", "route", "show"]);
    assert!(
        json.contains(r#""metrics":[{"mtu":1300,"window":65535,"rtt":100,"#),
        "{json}"
    );
    assert!(json.contains(r#""flow":{"from":"1","to":"2"}"#), "{json}");
}

/// ip's abbreviations of the route keywords, in ip's order: `m` is `metric`, `r` is
/// `reordering`, `c` is `cwnd`, `pre` is `pref`, `preference` (whole) is the metric.
#[test]
fn keywords_resolve_as_ip_resolves_them() {
    same_state(&[
        "route add 198.51.100.0/24 dev v0 m 5 r 3 c 4 w 9 i 10 initr 11 q 0 co cubic s 7",
        "-6 route add 2001:db8:5::/64 dev v0 pre medium preference 7 f ecn fa 0",
        "route add 203.0.113.0/24 dev v0 t 100 rea 1",
    ]);
}

/// `route change`, `append` and `prepend` send ip's flags: change needs the route, append
/// adds a second route to the same destination after the first, prepend before it.
#[test]
fn change_append_and_prepend_match_ip() {
    let state = same_state(&[
        "route add 198.51.100.0/24 via 192.0.2.2 dev v0",
        "route change 198.51.100.0/24 via 192.0.2.3 dev v0 mtu 1300",
        "-6 route add 2001:db8:5::/64 via 2001:db8::2 dev v0",
        "-6 route append 2001:db8:5::/64 via 2001:db8::3 dev v0",
        "-6 route prepend 2001:db8:6::/64 via 2001:db8::4 dev v0",
        "route append 203.0.113.0/24 via 192.0.2.4 dev v0 table 100",
        "route prepend 203.0.113.0/24 via 192.0.2.5 dev v0 table 100 metric 5",
        "route chg 203.0.113.0/24 via 192.0.2.6 dev v0 table 100 metric 5",
    ]);
    assert!(state.contains("198.51.100.0/24 via 192.0.2.3"), "{state}");
    assert!(state.contains("nexthop via 2001:db8::3"), "{state}");
    // A change of a route that is not there: the kernel's error, as ip prints it.
    setup();
    same_failure(&words("route change 198.51.100.0/24 via 192.0.2.9 dev v0"));
    let add = words("route add 198.51.100.0/24 via 192.0.2.2 dev v0");
    ok(&add);
    same_failure(&add);
}

/// Values ip refuses, refused with ip's words and exit code, before anything is sent.
#[test]
fn bad_values_fail_as_in_ip() {
    setup();
    let base = ["route", "add", "198.51.100.0/24", "dev", "v0"];
    for extra in [
        &["quickack", "2"][..],
        &["quickack", "x"],
        &["fastopen_no_cookie", "3"],
        &["hoplimit", "256"],
        &["features", "foo"],
        &["features"],
        &["mtu", "lock"],
        &["mtu", "x"],
        &["advmss", "x"],
        &["rtt", "5x"],
        &["rtt", "-1.5"],
        &["rttvar", "lock", "ms"],
        &["rto_min", "lock", "5"],
        &["window", ""],
        &["pref", "bogus"],
        &["pref", "256"],
        &["realms", "1/x"],
        &["ssthresh"],
    ] {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        let (code, _) = same_failure(&args);
        assert_eq!(code, Some(255), "{args:?}");
    }
    // Nothing was added by any of them.
    assert!(!ip(&["route", "show"]).contains("198.51.100.0/24"));
    // An unknown congestion control algorithm: the kernel refuses it, as for ip.
    let args = [&base[..], &["congctl", "nosuchalgo"]].concat();
    let ours = outcome(&rtnl(&args));
    let theirs = outcome(&common::ip_raw(&args));
    assert_eq!(ours, theirs);
}

/// More metrics than ip's 256-byte buffer holds: ip says so on stderr, leaves out what does
/// not fit (the lock too) and sends the rest; so does rtnl. A congestion control name of any
/// length is sent, and the kernel judges it.
#[test]
fn metrics_beyond_ips_buffer_are_dropped_as_ip_drops_them() {
    let mut many = String::from("route add 198.51.100.0/24 dev v0 mtu lock 5");
    for i in 1..=30 {
        many.push_str(&format!(" cwnd {i}"));
    }
    many.push_str(" congctl reno");
    let args: Vec<&str> = many.split(' ').collect();
    let run = |program: &str| {
        setup();
        let out = std::process::Command::new(program)
            .args(&args)
            .output()
            .expect("run");
        (outcome(&out), routes())
    };
    let ours = run(RTNL);
    assert_eq!(ours, run("ip"));
    assert!(
        ours.0
            .1
            .contains("rta_addattr_l: Error! max allowed bound 256 exceeded")
    );
    assert!(ours.1.contains("mtu 5 "), "{}", ours.1);
    setup();
    same_failure(&[
        "route",
        "add",
        "198.51.100.0/24",
        "dev",
        "v0",
        "congctl",
        "averyveryverylongname",
    ]);
}

/// `route get` prints the table its answer names unless it is main (with `-d`, main too), and
/// the answer's `RTA_MARK` (decimal below 16, hexadecimal from 16), as ip's `print_route()`.
#[test]
fn route_get_prints_table_and_mark_as_ip() {
    setup();
    ip_lines(&[
        "route add 198.51.100.0/24 via 192.0.2.9",
        "route add 203.0.113.0/24 via 192.0.2.9 table 100",
        "-6 route add 2001:db8:7::/64 via 2001:db8::9 table 100",
        "rule add pref 100 to 203.0.113.0/24 table 100",
        "-6 rule add pref 100 to 2001:db8:7::/64 table 100",
    ]);
    let mut tables = 0;
    for form in [
        "route get 198.51.100.7",
        "-d route get 198.51.100.7",
        "route get 192.0.2.1",
        "-j route get 192.0.2.1",
        "route get 127.0.0.1",
        "route get 203.0.113.5",
        "-d route get 203.0.113.5",
        "route get fibmatch 203.0.113.5",
        "-d route get fibmatch 198.51.100.7",
        "route get 2001:db8::5",
        "-d route get 2001:db8::5",
        "route get 2001:db8:7::5",
        "-d -j route get 2001:db8:7::5",
        "route get 2001:db8::1",
        "-o route get 203.0.113.5",
        "route get 198.51.100.7 mark 5",
        "route get 198.51.100.7 mark 16",
        "route get 198.51.100.7 mark 0x1234",
        "-j route get 198.51.100.7 mark 0x1234",
        "route get 2001:db8::5 mark 20",
        "route get 198.51.100.7 mark 0",
    ] {
        let out = same(&words(form));
        let text = String::from_utf8_lossy(&out.stdout);
        tables += usize::from(text.contains("table"));
        // IPv6 answers carry no RTA_MARK.
        if form.contains("198.51.100.7 mark") && !form.ends_with("mark 0") {
            assert!(text.contains("mark"), "{form}: {text}");
        }
    }
    assert!(tables >= 10, "only {tables} answers named their table");
}

/// `route get ... connected` (no `from`): ip prints the answer, asks again and prints the
/// second answer as text (its JSON context ended with the first), or says `Failed to connect
/// the route` when the answer names no source.
#[test]
fn route_get_connected_as_ip() {
    setup();
    ip_lines(&[
        "route add 198.51.100.0/24 via 192.0.2.9",
        "route add blackhole 203.0.113.0/24",
    ]);
    for form in [
        "route get 198.51.100.7 connected",
        "-j route get 198.51.100.7 connected",
        "-j -p route get 198.51.100.7 connected",
        "-c=always route get 198.51.100.7 connected",
        "-c=always -j route get 198.51.100.7 connected",
        "route get 198.51.100.7 connected from 192.0.2.1",
        "route get 192.0.2.5 c",
        "-o route get 198.51.100.7 connected",
        "route get 2001:db8::5 connected",
        "route get connected 198.51.100.7",
    ] {
        let out = same(&words(form));
        let text = String::from_utf8_lossy(&out.stdout);
        if !form.contains("from") {
            // Two answers: a source each (IPv6 answers have no uid).
            assert_eq!(text.matches("src").count(), 2, "{form}: {text}");
        }
    }
    same_failure(&["route", "get", "203.0.113.7", "connected"]);
    // A namespace with no IPv4 address but lo's: the answer has no source to connect.
    std::thread::spawn(|| {
        private_netns();
        ip_lines(&[
            "link add v0 type veth peer name v1",
            "link set v0 up",
            "route add 198.51.100.0/24 dev v0",
        ]);
        let form = ["route", "get", "198.51.100.7", "connected"];
        let (code, stderr) = same_failure(&form);
        assert_eq!(
            (code, stderr.as_str()),
            (Some(1), "Failed to connect the route")
        );
        same(&form);
    })
    .join()
    .expect("test thread");
}

/// `route show` selectors `tos`/`dsfield` (hexadecimal, as ip's `rtnl_dsfield_a2n()`), `mark`,
/// `iif` and `vrf` (`default` is the main table; a link that is no VRF is refused), and routes with
/// a TOS printed with it (`tos 0x10`) unless the command selected it.
#[test]
fn route_show_tos_mark_vrf_as_ip() {
    setup();
    ip_lines(&[
        "route add 198.51.100.0/24 via 192.0.2.9",
        "route add 198.51.100.0/24 tos 0x10 via 192.0.2.9",
        "route add 203.0.113.0/24 tos 0x8 dev v0",
    ]);
    let mut printed = 0;
    for form in [
        "route show",
        "-j route show",
        "-d route show",
        "route show tos 0",
        "route show tos 0x10",
        "route show tos 10",
        "route show dsfield 8",
        "-j route show tos 8",
        "-6 route show tos 0",
        "route show mark 0",
        "route show mark 5",
        "route show vrf default",
        "-d route show vrf default",
        "route show table all vrf default",
        "route show iif v0",
        "-6 route show table all iif lo",
    ] {
        let out = same(&words(form));
        printed += usize::from(String::from_utf8_lossy(&out.stdout).contains("tos"));
    }
    assert!(printed >= 5, "only {printed} outputs showed a tos");
    same_failures(&[
        "route show tos x",
        "route show tos",
        "route show mark x",
        "route show vrf x",
        "route show vrf v0",
        "route show vrf",
        "route flush vrf v0",
        "route show iif nope",
        "route show iif nope dev nope2",
        "route show iif",
    ]);
}

/// `route get` with `tos`/`dsfield`, `uid`, `notify` (the answer's `notify` flag and `cache
/// <notify>`), `ipproto`, `sport`, `dport` and `vrf`, as ip 6.1 sends and prints them.
#[test]
fn route_get_selectors_as_ip() {
    setup();
    ip_lines(&[
        "route add 198.51.100.0/24 via 192.0.2.9",
        "route add 198.51.100.0/24 tos 0x10 via 192.0.2.8",
    ]);
    let mut text = String::new();
    for form in [
        "route get 198.51.100.7 tos 0x10",
        "route get 198.51.100.7 tos 10",
        "route get 198.51.100.7 dsfield 0x10",
        "route get 198.51.100.7 tos 0x8",
        "route get 198.51.100.7 uid 5",
        "-j route get 198.51.100.7 uid 5",
        "route get 198.51.100.7 ipproto tcp dport 80",
        "route get 198.51.100.7 ipproto udp sport 53 dport 0x35",
        "route get 2001:db8::5 ipproto tcp sport 1 dport 2 uid 3",
        "route get 2001:db8::5 notify",
        "route get 198.51.100.7 notify",
        "-j route get 198.51.100.7 notify",
        "route get 198.51.100.7 n",
    ] {
        let out = same(&words(form));
        text.push_str(&String::from_utf8_lossy(&out.stdout));
    }
    for part in ["via 192.0.2.8", "uid 5 ", "notify uid 0", "<notify>"] {
        assert!(text.contains(part), "no {part:?} in {text}");
    }
    same_failures(&[
        "route get 198.51.100.7 tos x",
        "route get 198.51.100.7 uid x",
        "route get 198.51.100.7 ipproto bogus",
        "route get 198.51.100.7 sport 70000",
        "route get 198.51.100.7 dport x",
        "route get 198.51.100.7 vrf x",
        "route get 198.51.100.7 vrf v0",
    ]);
    // The request's bytes are ip's (its attributes in the order of these words).
    for form in [
        "route get 198.51.100.7 tos 0x10 uid 5 ipproto tcp sport 1 dport 2 notify",
        "route get 2001:db8::5 dsfield 8 uid 3 ipproto udp sport 53 dport 0x35",
    ] {
        let get = |program: &str| route_get_requests(program, form);
        let theirs = get("ip");
        assert_eq!(theirs.len(), 1, "{form}");
        assert_eq!(get(RTNL), theirs, "{form}");
    }
}

/// Source-specific IPv6 routes print their `from PREFIX`, and `route show from [root|match|
/// exact] PREFIX` selects them by it, as ip 6.1 does.
#[test]
fn route_from_prefixes_as_ip() {
    setup();
    ip_lines(&[
        "-6 route add 2001:db8:5::/64 from 2001:db8:1::/64 via 2001:db8::9",
        "-6 route add 2001:db8:6::/64 from 2001:db8:1:2::/64 via 2001:db8::9",
        "-6 route add 2001:db8:7::/64 via 2001:db8::9",
    ]);
    let mut froms = 0;
    for form in [
        "-6 route show",
        "-j -6 route show",
        "-6 route show from 2001:db8:1::/64",
        "-6 route show from root 2001:db8:1::/48",
        "-6 route show from match 2001:db8:1:2::5",
        "-6 route show from exact 2001:db8:1::/64",
        "-6 route show from ::/0",
        "-6 route show from default",
        "-6 route show from match ::/0",
        "-j -6 route show from 2001:db8:1::/64",
        "route show from 192.0.2.0/24",
        "-6 route get 2001:db8:5::1 from 2001:db8:1::7",
        "route get 198.51.100.7 from 192.0.2.1",
    ] {
        let out = same(&words(form));
        froms += String::from_utf8_lossy(&out.stdout).matches("from").count();
    }
    assert!(froms >= 10, "only {froms} sources printed");
    same_failures(&["route show from x", "route show from"]);
}

/// `realms [FROM/]TO` selects by `RTA_FLOW` under ip's mask (a half the word leaves out is not
/// compared) and hides the realms when both halves were given; `all`/`any` as a prefix select
/// every route, or with `-4`/`-6` only the default ones, as ip's `get_prefix()` makes them.
#[test]
fn route_show_realms_and_all_as_ip() {
    setup();
    ip_lines(&[
        "route add 198.51.100.0/24 via 192.0.2.9 realms 5",
        "route add 203.0.113.0/24 via 192.0.2.9 realms 3/4",
        "route add default via 192.0.2.9",
    ]);
    let mut printed = 0;
    for form in [
        "route show realms 5",
        "route show realm 3/4",
        "route show realms 3/",
        "-j route show realms 3/",
        "route show realms 0",
        "route show all",
        "route show any",
        "-6 route show all",
        "-4 route show any",
        "route show root any",
        "route show match all",
        "route show exact all",
        "-6 route show to all",
        "-4 route show match any",
        "route show 192.0.2.0/24 all",
        "route show from all",
    ] {
        let out = same(&words(form));
        printed += usize::from(!out.stdout.is_empty());
    }
    assert!(printed >= 12, "only {printed} forms printed routes");
    same_failures(&[
        "route show realms /4",
        "route show realms x",
        "route show realms",
    ]);
}

/// `route get ... as [to] ADDR`: ip sends `RTA_NEWDST` and the kernel's strict route-get
/// check refuses it (`Error: ipv4: Unsupported attribute in route get request.`, exit 2);
/// rtnl sends the same request and prints the same refusal. Each address is read in the
/// family the words before it set (ip's `req.r.rtm_family`), a later destination replaces an
/// earlier one, and a destination with a length is looked up as the address with ip's
/// warning.
#[test]
fn route_get_as_and_families_as_ip() {
    setup();
    ip(&["route", "add", "198.51.100.0/24", "via", "192.0.2.9"]);
    let mut refused = 0;
    for form in [
        "route get 198.51.100.7 as 203.0.113.1",
        "route get 198.51.100.7 as to 203.0.113.1",
        "route get as 203.0.113.1 198.51.100.7",
        "route get as 203.0.113.1 to 198.51.100.7",
        "-j route get 198.51.100.7 as 203.0.113.1",
        "route get 2001:db8::7 as 2001:db8::5",
        "route get 198.51.100.7 as 203.0.113.1 as 203.0.113.2",
        "route get 198.51.100.7 as default",
        "route get as any 198.51.100.7",
        "route get 2001:db8::7 as all",
        "route get 198.51.100.7 from 192.0.2.1 as 203.0.113.1 connected",
        "route get 198.51.100.7 as 2001:db8::5",
        "route get as 2001:db8::5 198.51.100.7",
        "route get 2001:db8::7 as 203.0.113.5",
        "-6 route get 2001:db8::7 as 203.0.113.1",
        "-4 route get as 2001:db8::5 198.51.100.7",
        "route get 198.51.100.7 as",
        "route get 198.51.100.7 as to",
        "route get 198.51.100.7 as foo",
        "route get 198.51.100.7 as 203.0.113.1/24",
        "route get 198.51.100.7 as 0/0",
        "route get as 203.0.113.1",
        "route get 198.51.100.7 as 203.0.113.1 oif nosuch",
        "route get 198.51.100.7 as to as",
        "route get from 192.0.2.1 2001:db8::7",
        "route get 198.51.100.7 2001:db8::7",
        // `from` as ip's get_prefix() reads it: the length is sent, the kernel checks it.
        "route get 198.51.100.7 from 192.0.2.0/24",
        "route get 198.51.100.7 from default",
        "route get 2001:db8::7 from 2001:db8::1/64",
        "route get 198.51.100.7 from 2001:db8::1",
        "route get 2001:db8::7 from 192.0.2.1",
        "route get 198.51.100.7 from 192.0.2.1/33",
        "route get 198.51.100.7 from foo",
    ] {
        let (code, err) = same_failure(&form.split(' ').collect::<Vec<_>>());
        refused += usize::from(code == Some(2) && err.contains("Unsupported attribute"));
        same(&form.split(' ').collect::<Vec<_>>());
    }
    assert_eq!(refused, 11, "the kernel's refusals");
    let mut text = String::new();
    for form in [
        "route get 198.51.100.7 198.51.100.8",
        "route get 198.51.100.7 to 198.51.100.8",
        "route get 198.51.100.0/24",
        "route get 198.51.100.7/24",
        "route get 2001:db8::7/64",
        "route get 2001:db8::7/128",
        "-j route get 198.51.100.7/24",
        "route get 198.51.100.7 from 192.0.2.1/32",
        "route get 198.51.100.7 from any",
        "route get from default 198.51.100.7",
        "route get 198.51.100.7 from any connected",
        "route get 2001:db8::7 from 2001:db8::1/128",
        // `default`/`any`/`all` as the destination: the zero address (ip sends none before a
        // family is known), looked up by the kernel as `local 0.0.0.0` (table 0: not printed).
        "route get default",
        "route get any",
        "-j route get all",
        "-4 route get default",
        "-6 route get default",
        "route get default 198.51.100.7",
        "route get 198.51.100.7 default",
    ] {
        let out = same(&form.split(' ').collect::<Vec<_>>());
        text.push_str(&String::from_utf8_lossy(&out.stdout));
        text.push_str(&String::from_utf8_lossy(&out.stderr));
    }
    for part in [
        "198.51.100.8 via 192.0.2.9 ",
        "Warning: /24 as prefix is invalid, only /32 (or none) is supported.",
        "Warning: /64 as prefix is invalid, only /128 (or none) is supported.",
        "198.51.100.7 from 192.0.2.1 via 192.0.2.9 ",
        "local 0.0.0.0 dev lo src 127.0.0.1 uid 0 \n",
        "Warning: /0 as prefix is invalid, only /128 (or none) is supported.",
    ] {
        assert!(text.contains(part), "no {part:?} in {text}");
    }
    // The request's bytes are ip's: RTA_NEWDST after the destination and the source.
    for form in [
        "route get 198.51.100.7 as 203.0.113.1",
        "route get 2001:db8::7 from 2001:db8::1 as to 2001:db8::5 uid 3",
    ] {
        let get = |program: &str| route_get_requests(program, form);
        let theirs = get("ip");
        assert_eq!(theirs.len(), 1, "{form}");
        // RTA_NEWDST (19) is in it.
        assert!(
            theirs[0].windows(4).any(|w| w[2..4] == 19u16.to_ne_bytes()
                && (w[0..2] == 8u16.to_ne_bytes() || w[0..2] == 20u16.to_ne_bytes())),
            "{form}"
        );
        assert_eq!(get(RTNL), theirs, "{form}");
    }
}

/// The `RTM_GETROUTE` requests `program FORM` sent (its words split at spaces).
fn route_get_requests(program: &str, form: &str) -> Vec<Vec<u8>> {
    common::sent_messages(program, &form.split(' ').collect::<Vec<_>>())
        .into_iter()
        .filter(|m| m[4..6] == 26u16.to_ne_bytes()) // RTM_GETROUTE
        .collect()
}

/// `route add|del ... vrf NAME` (this host has no vrf driver: the VM test
/// `vrf_routes_and_neighbours_as_ip` covers a real one): `default` is the main table (ip's
/// `ipvrf_get_table()`), any other link or a missing one is `Invalid VRF`, as in ip; `link
/// show vrf` and `address show vrf` refuse them as `Not a valid VRF name`.
#[test]
fn route_add_vrf_reads_as_ip() {
    let state = same_state(&[
        "route add 198.51.100.0/24 via 192.0.2.9 vrf default",
        "route add 203.0.113.0/24 dev v0 vrf default",
        "route del 203.0.113.0/24 vrf default",
    ]);
    assert!(
        state.contains("198.51.100.0/24 via 192.0.2.9 dev v0 table main"),
        "{state}"
    );
    assert!(!state.contains("203.0.113.0/24"), "{state}");
    setup();
    for form in [
        "route add 203.0.113.0/24 dev v0 vrf nosuch",
        "route add 203.0.113.0/24 dev v0 vrf v0",
        "route del 203.0.113.0/24 vrf v1",
        "route add 203.0.113.0/24 dev v0 vrf",
        // The same lookup for link and address listings (`Not a valid VRF name`).
        "link show vrf v0",
        "link show vrf nosuch",
        "-br address show vrf v1",
        "address show vrf nosuch",
    ] {
        same_failure(&form.split(' ').collect::<Vec<_>>());
        same(&form.split(' ').collect::<Vec<_>>());
    }
}
