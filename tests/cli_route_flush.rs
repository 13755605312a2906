//! `rtnl route flush` against `ip route flush` (iproute2 6.1 `iproute_flush()`), byte for byte:
//! the `-s` rounds, `-s -s` lines, `cache` (the IPv4 routing cache flushed through this
//! namespace's `/proc/sys/net/ipv4/route/flush`, IPv6's cached routes deleted), and a refused
//! deletion. Each form runs once with `rtnl` and once with `ip`, each in a fresh namespace set
//! up the same way; then the outputs and the routes left are compared.

mod common;

use std::process::{Command, Output};

use common::{RTNL, ip};

/// The routes a namespace holds, as `ip` lists them: the cached ones of each family, then
/// every table of each family (sorted: the order of IPv6 routes of one table may differ
/// between two namespaces), link-local and multicast ones left out (they come with IPv6
/// coming up on a link, a moment after it is up).
fn routes() -> String {
    let mut state = String::new();
    for show in [
        "route show cache",
        "-6 route show cache",
        "route show table all",
        "-6 route show table all",
    ] {
        let text = ip(&show.split(' ').collect::<Vec<_>>());
        // Link-local routes come and go with DAD and a random MAC: not what is compared.
        let mut lines: Vec<&str> = text
            .lines()
            .filter(|l| !l.contains("fe80:") && !l.starts_with("multicast ff00::/8"))
            .collect();
        if show.contains("table all") {
            lines.sort_unstable();
        }
        state.push_str(&format!("{show}:\n{}\n", lines.join("\n")));
    }
    state
}

/// Waits until the kernel's linkwatch has given link `dev` (in namespace `ns`, or this one)
/// carrier: IPv6 (re)installs its routes then, which must not happen while a command runs.
fn wait_up(ns: Option<&str>, dev: &str) {
    let mut args = Vec::new();
    if let Some(ns) = ns {
        args.extend(["-n", ns]);
    }
    args.extend(["link", "show", "dev", dev]);
    for _ in 0..500 {
        if ip(&args).contains(" state UP ") {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("{dev} did not come up");
}

/// `a0` up with `192.0.2.1/24`, `2001:db8:1::1/64` and routes through a router namespace to a
/// third one over a 1280-byte link; a 1400-byte UDP datagram each way leaves a cached route of
/// each family (a learnt path MTU: an IPv4 next-hop exception, an IPv6 `RTM_F_CLONED` route).
fn with_cached_routes() {
    common::router_between_namespaces();
    for cmd in [
        "addr add 192.0.2.1/24 dev a0",
        "addr add 2001:db8:1::1/64 dev a0 nodad",
        "link set a0 up",
        "-n r addr add 192.0.2.2/24 dev r0",
        "-n r addr add 198.51.100.2/24 dev r1",
        "-n r addr add 2001:db8:1::2/64 dev r0 nodad",
        "-n r addr add 2001:db8:2::2/64 dev r1 nodad",
        "-n r link set r0 up",
        "-n r link set r1 up",
        "-n c addr add 198.51.100.1/24 dev c0",
        "-n c addr add 2001:db8:2::1/64 dev c0 nodad",
        "-n c link set c0 up",
        "-n c route add default via 198.51.100.2",
        "-n c route add default via 2001:db8:2::2",
        "netns exec r sysctl -qw net.ipv4.ip_forward=1",
        "netns exec r sysctl -qw net.ipv6.conf.all.forwarding=1",
        "route add 198.51.100.0/24 via 192.0.2.2",
    ] {
        ip(&cmd.split(' ').collect::<Vec<_>>());
    }
    for (ns, dev) in [
        (None, "a0"),
        (Some("r"), "r0"),
        (Some("r"), "r1"),
        (Some("c"), "c0"),
    ] {
        wait_up(ns, dev);
    }
    for _ in 0..300 {
        if ip(&["-6", "route", "show"]).contains("2001:db8:1::/64 dev a0")
            && ip(&["-6", "route", "show", "table", "local"]).contains("local 2001:db8:1::1 ")
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    ip(&["route", "add", "2001:db8:2::/64", "via", "2001:db8:1::2"]);
    // This thread is in the namespace: so are the sockets.
    let v4 = std::net::UdpSocket::bind("0.0.0.0:0").expect("udp socket");
    let v6 = std::net::UdpSocket::bind("[::]:0").expect("udp socket");
    for _ in 0..200 {
        let _ = v4.send_to(&[0u8; 1400], "198.51.100.1:9");
        let _ = v6.send_to(&[0u8; 1400], "[2001:db8:2::1]:9");
        std::thread::sleep(std::time::Duration::from_millis(50));
        if !ip(&["route", "show", "cache"]).is_empty()
            && !ip(&["-6", "route", "show", "cache"]).is_empty()
        {
            return;
        }
    }
    panic!("no cached routes: {}", routes());
}

/// A veth pair up with addresses of both families and a few routes, no cached ones.
fn with_routes() {
    common::veth_pair_with_addresses("d0", "d1");
    wait_up(None, "d0");
    wait_up(None, "d1");
    for _ in 0..300 {
        if ip(&["-6", "route", "show"]).contains("2001:db8::/64 dev d0")
            && ip(&["-6", "route", "show", "table", "local"]).contains("local 2001:db8::1 ")
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    for cmd in [
        "route add 198.51.100.0/24 via 192.0.2.9",
        "route add 203.0.113.0/24 dev d0 proto static",
        "-6 route add 2001:db8:5::/64 via 2001:db8::9",
    ] {
        ip(&cmd.split(' ').collect::<Vec<_>>());
    }
}

/// In a fresh network namespace with a private `/run/netns` (on a thread of its own):
/// `setup`, then `prefix... program ARGS`; what it printed and the routes it left.
fn run_fresh(
    setup: fn(),
    prefix: &'static [&'static str],
    program: &'static str,
    args: &str,
) -> (Output, String) {
    let args: Vec<String> = args.split(' ').map(str::to_owned).collect();
    std::thread::spawn(move || {
        let _run = common::private_netns_with_run_netns();
        setup();
        let out = match prefix.split_first() {
            Some((first, rest)) => Command::new(first)
                .args(rest)
                .arg(program)
                .args(&args)
                .output(),
            None => Command::new(program).args(&args).output(),
        }
        .expect("run");
        (out, routes())
    })
    .join()
    .expect("test thread")
}

/// The same output (lines sorted for `-s -s`, which lists routes in dump order) and the same
/// routes left, with rtnl as with ip; rtnl's.
fn same_flush(setup: fn(), prefix: &'static [&'static str], args: &str) -> (Output, String) {
    let ours = run_fresh(setup, prefix, RTNL, args);
    let theirs = run_fresh(setup, prefix, "ip", args);
    let key = |out: &Output| {
        let text = String::from_utf8_lossy(&out.stdout);
        let mut lines: Vec<&str> = text.lines().collect();
        if args.contains("-s -s") {
            lines.sort_unstable();
        }
        (
            out.status.code(),
            lines.join("\n"),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    // The two namespaces are set up one after the other: a cached route's `expires`/`age` may
    // differ by a tick.
    let (a, b) = (key(&ours.0), key(&theirs.0));
    assert!(
        (&a.0, &a.2) == (&b.0, &b.2) && common::same_but_clocks(&a.1, &b.1, 2),
        "rtnl vs ip: {args}\nrtnl: {a:?}\nip: {b:?}"
    );
    assert!(
        common::same_but_clocks(&ours.1, &theirs.1, 2),
        "routes left after {args}\nrtnl:\n{}\nip:\n{}",
        ours.1,
        theirs.1
    );
    ours
}

/// The section `show:` of `routes()`.
fn section<'a>(state: &'a str, show: &str) -> &'a str {
    let start = state.find(&format!("{show}:\n")).expect("section") + show.len() + 2;
    let end = state[start..].find(":\n").map_or(state.len(), |at| {
        start + state[start..start + at].rfind('\n').unwrap_or(0)
    });
    &state[start..end]
}

#[test]
fn flush_cache_deletes_what_ip_deletes() {
    let before = run_fresh(with_cached_routes, &[], "true", "").1;
    assert!(
        !section(&before, "route show cache").trim().is_empty(),
        "{before}"
    );
    assert!(
        !section(&before, "-6 route show cache").trim().is_empty(),
        "{before}"
    );
    for (args, v4_gone, v6_gone) in [
        ("route flush cache", true, false),
        ("-s route flush cache", true, false),
        ("-s route flush cached dev a0", true, false),
        ("-4 -s route flush cache table all", true, false),
        ("-6 route flush cache", false, true),
        ("-s -6 route flush cache", false, true),
        // (Not `-s -s`: the cached route's `age` differs between two namespaces.)
        ("-s -6 route flush cloned dev a0", false, true),
        ("-s route flush cache table all", true, true),
        ("-s -6 route flush cache 2001:db8:3::/64", false, false),
    ] {
        let (out, after) = same_flush(with_cached_routes, &[], args);
        assert!(out.status.success(), "{args}");
        for (show, gone) in [
            ("route show cache", v4_gone),
            ("-6 route show cache", v6_gone),
        ] {
            assert_eq!(
                section(&after, show).trim().is_empty(),
                gone,
                "{args}: {show}:\n{after}"
            );
        }
        // Only cached routes go.
        for show in ["route show table all", "-6 route show table all"] {
            assert_eq!(
                section(&after, show),
                section(&before, show),
                "{args}: {show}"
            );
        }
    }
}

#[test]
fn flush_rounds_print_what_ip_prints() {
    for args in [
        "route flush dev d0",
        "-s route flush dev d0",
        "-s -s route flush dev d0",
        "-s route flush proto static",
        "-s route flush 198.51.100.0/24",
        "-s route flush 192.0.2.0/30",
        "-s -6 route flush table main",
        "-s -s -6 route flush table all",
        "-s route flush table all",
        "-s route flush cache",
        "-s route flush all",
        "-s -6 route flush any",
        "-s route flush realms 0",
    ] {
        same_flush(with_routes, &[], args);
    }
}

/// With `-j`, ip 6.1's flush never opens its JSON writer (`iproute_flush()` runs before
/// `new_json_obj()`), so every `print_*` goes to text: the routes of `-s -s`, the rounds and
/// `Nothing to flush.` are the text forms, byte for byte, and no JSON is printed.
#[test]
fn json_flush_prints_what_ip_prints() {
    for args in [
        "-j route flush dev d0",
        "-j -s route flush dev d0",
        "-j -s -s route flush dev d0",
        "-j -p -s -s route flush table all",
        "-j -s -s -d route flush table main",
        "-j -s -s -6 route flush table all",
        "-j -s route flush 192.0.2.0/30",
        "-j -s route flush cache",
    ] {
        let (out, _) = same_flush(with_routes, &[], args);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(!text.contains('{') && !text.contains('['), "{args}: {text}");
        if args.contains("-s -s") {
            assert!(text.contains(" via "), "{args}: {text}");
            assert!(text.contains("*** Round 1, deleting "), "{args}: {text}");
        }
    }
}

/// `-j -s -s` on cached routes: their `cache` flags and times are text too.
#[test]
fn json_flush_of_cached_routes_prints_what_ip_prints() {
    for args in [
        "-j -s -s route flush cache",
        "-j -s -s -6 route flush cache",
    ] {
        let (out, _) = same_flush(with_cached_routes, &[], args);
        assert!(out.status.success(), "{args}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(!text.contains('{'), "{args}: {text}");
    }
}

/// Without `CAP_NET_ADMIN` the dump is allowed and the deletions are not: ip says `Failed to
/// send flush request: Operation not permitted` and exits 2, leaving every route; the IPv4
/// cache file cannot be opened (said, and not a failure).
#[test]
fn refused_flush_fails_as_ip_fails() {
    const UNPRIVILEGED: &[&str] = &[
        "setpriv",
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        "--inh-caps=-all",
        "--bounding-set=-all",
    ];
    for args in [
        "route flush dev d0",
        "-s route flush dev d0",
        "-s -6 route flush table all",
        "-s route flush cache",
    ] {
        let (out, _) = same_flush(with_routes, UNPRIVILEGED, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        if args.contains("cache") {
            assert!(stderr.starts_with("Cannot open \""), "{args}: {stderr}");
        } else {
            assert_eq!(out.status.code(), Some(2), "{args}");
            assert!(
                stderr.starts_with("Failed to send flush request: "),
                "{args}: {stderr}"
            );
        }
    }
}
