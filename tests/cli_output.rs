//! The output options `-s` (`-s -s`, `-h`, `-iec`), `-br`, `-o` and `-c`: `rtnl` and iproute2's
//! `ip` run side by side on the same state in a private network namespace and must print the
//! same bytes on stdout and stderr and exit with the same code.
//!
//! Counters move only when traffic flows: the statistics are compared on a namespace made
//! quiet (no IPv6 duplicate address detection, router solicitations or MLD reports), and a
//! comparison counts only when `ip -s -s -j link` reads the same before and after it, so a
//! stray packet makes the test retry rather than fail or pass by luck.

mod common;

use std::net::UdpSocket;
use std::process::{Command, Output};
use std::time::Duration;

use common::{RTNL, Watcher, ip, ip_raw, private_netns, rtnl, same};

/// Writes a sysctl of this thread's network namespace (`/proc/sys/net` is the opener's).
fn sysctl(path: &str, value: &str) {
    let path = format!("/proc/sys/net/{path}");
    std::fs::write(&path, value).unwrap_or_else(|e| panic!("{path}: {e}"));
}

/// A quiet namespace with a veth pair `v0`/`v1` (up, with carrier), `v1` a port of bridge
/// `br0`, `v0` with an alias, IPv4 and IPv6 addresses (one with a peer, one with a metric),
/// and routes (one via a gateway, one multipath, IPv4 and IPv6).
fn quiet_state() {
    private_netns();
    // No IPv6 traffic of the kernel's own: no DAD, no router solicitations, no MLD reports.
    for conf in ["default", "all"] {
        sysctl(&format!("ipv6/conf/{conf}/accept_dad"), "0");
        sysctl(&format!("ipv6/conf/{conf}/router_solicitations"), "0");
        sysctl(&format!("ipv6/conf/{conf}/force_mld_version"), "2");
        sysctl(
            &format!("ipv6/conf/{conf}/mldv2_unsolicited_report_interval"),
            "0",
        );
    }
    ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
    ip(&["link", "add", "br0", "type", "bridge"]);
    ip(&["link", "set", "v1", "master", "br0"]);
    ip(&["link", "set", "v0", "alias", "the left end"]);
    ip(&["link", "set", "v0", "up"]);
    ip(&["link", "set", "v1", "up"]);
    ip(&["addr", "add", "192.0.2.1/24", "dev", "v0"]);
    ip(&["addr", "add", "2001:db8::1/64", "dev", "v0", "nodad"]);
    ip(&[
        "addr",
        "add",
        "198.51.100.1",
        "peer",
        "198.51.100.2/32",
        "dev",
        "lo",
    ]);
    ip(&["addr", "add", "203.0.113.1/24", "dev", "v0", "metric", "50"]);
    ip(&["route", "add", "203.0.113.128/25", "via", "192.0.2.2"]);
    ip(&[
        "route",
        "add",
        "198.51.100.128/25",
        "nexthop",
        "via",
        "192.0.2.3",
        "nexthop",
        "via",
        "192.0.2.4",
    ]);
    ip(&[
        "route",
        "add",
        "2001:db8:1::/64",
        "nexthop",
        "via",
        "2001:db8::2",
        "dev",
        "v0",
        "nexthop",
        "via",
        "2001:db8::3",
        "dev",
        "v0",
    ]);
    for _ in 0..200 {
        let text = ip(&["link", "show", "dev", "v0"]);
        if text.contains("state UP") {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("no carrier on v0");
}

/// Sends `count` broadcast datagrams of `size` bytes out of `v0` (they arrive on `v1`), so
/// the counters of both ends are large enough for `-h` to scale.
fn traffic(count: usize, size: usize) {
    let socket = UdpSocket::bind("192.0.2.1:0").expect("bind 192.0.2.1");
    socket.set_broadcast(true).expect("SO_BROADCAST");
    let payload = vec![0x5a; size];
    for _ in 0..count {
        socket
            .send_to(&payload, "192.0.2.255:9")
            .expect("send a broadcast");
    }
}

/// Sends `count` UDP datagrams to all nodes on `v0` (`ff02::1`), so its IPv6 counters move.
fn traffic6(count: usize) {
    let v0 = serde_json::from_str::<serde_json::Value>(&ip(&["-j", "link", "show", "v0"])).unwrap()
        [0]["ifindex"]
        .as_u64()
        .unwrap();
    let socket = UdpSocket::bind("[::]:0").expect("bind ::");
    let to = std::net::SocketAddrV6::new("ff02::1".parse().unwrap(), 9, 0, v0 as u32);
    for _ in 0..count {
        socket.send_to(&[0x5a; 100], to).expect("send to ff02::1");
    }
}

/// `struct sockaddr_ll` (`<linux/if_packet.h>`) naming a link to send raw frames out of.
struct LinkAddr {
    /// `sll_ifindex`.
    ifindex: i32,
}

// SAFETY: `with_sockaddr` hands `f` a pointer to a fully initialised, 20-byte
// `struct sockaddr_ll` on its stack, valid for the whole call, and that length.
unsafe impl rustix::net::addr::SocketAddrArg for LinkAddr {
    unsafe fn with_sockaddr<R>(
        &self,
        f: impl FnOnce(
            *const rustix::net::addr::SocketAddrOpaque,
            rustix::net::addr::SocketAddrLen,
        ) -> R,
    ) -> R {
        // sll_family (AF_PACKET = 17), sll_protocol (0), sll_ifindex, then sll_hatype,
        // sll_pkttype, sll_halen and sll_addr left zero: sending needs only the index.
        let mut raw = [0u8; 20];
        raw[0..2].copy_from_slice(&17u16.to_ne_bytes());
        raw[4..8].copy_from_slice(&self.ifindex.to_ne_bytes());
        f(raw.as_ptr().cast(), 20)
    }
}

/// Sends raw Ethernet frames out of `v1`: `nohandler` of an ethertype no protocol takes and
/// `otherhost` of IPv4 to another host's MAC address, which `v0` counts as `otherhost`.
fn frames_nobody_takes(nohandler: usize, otherhost: usize) {
    let index = serde_json::from_str::<serde_json::Value>(&ip(&["-j", "link", "show", "v1"]))
        .unwrap()[0]["ifindex"]
        .as_i64()
        .unwrap();
    let fd = rustix::net::socket(
        rustix::net::AddressFamily::PACKET,
        rustix::net::SocketType::RAW,
        None,
    )
    .expect("AF_PACKET socket");
    let to = LinkAddr {
        ifindex: i32::try_from(index).unwrap(),
    };
    let frame = |dst: [u8; 6], ethertype: u16| {
        let mut f = dst.to_vec();
        f.extend_from_slice(&[0x02, 0, 0, 0, 0, 0x01]);
        f.extend_from_slice(&ethertype.to_be_bytes());
        f.extend_from_slice(&[0x45; 46]);
        f
    };
    let unknown = frame([0xff; 6], 0x88b5);
    let elsewhere = frame([0x02, 0, 0, 0, 0, 0x99], 0x0800);
    for (f, n) in [(&unknown, nohandler), (&elsewhere, otherhost)] {
        for _ in 0..n {
            rustix::net::sendto(&fd, f, rustix::net::SendFlags::empty(), &to).expect("send");
        }
    }
}

/// `same(args)` once the counters hold still: retried while `ip -s -s -j link` differs before
/// and after the comparison (a packet arrived meanwhile). A difference on a still namespace
/// fails.
fn same_when_still(args: &[&str]) -> Output {
    let counters = || ip(&["-s", "-s", "-j", "link"]);
    for _ in 0..50 {
        let before = counters();
        let ours = rtnl(args);
        let theirs = ip_raw(args);
        if counters() != before {
            std::thread::sleep(Duration::from_millis(100));
            continue;
        }
        if (&ours.stdout, &ours.stderr, ours.status.code())
            == (&theirs.stdout, &theirs.stderr, theirs.status.code())
        {
            return ours;
        }
        // Still counters and a difference: let `same` show it.
        return same(args);
    }
    panic!("the counters never held still for {}", args.join(" "));
}

/// Text of `out`'s stdout.
fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

#[test]
fn stats_are_ips_in_text_and_json() {
    quiet_state();
    traffic(1200, 1400);
    frames_nobody_takes(3, 2);
    traffic6(5);
    let forms: &[&[&str]] = &[
        &["-s", "link"],
        &["-s", "-s", "link"],
        &["-stats", "link", "show", "dev", "v0"],
        &["-statistics", "-statistics", "link", "show", "dev", "v1"],
        &["-s", "address"],
        &["-s", "-s", "address", "show", "dev", "v0"],
        &["-s", "-4", "address"],
        &["-s", "-h", "link"],
        &["-s", "-s", "-human", "link"],
        &["-s", "-h", "-iec", "link"],
        &["-s", "-s", "-h", "-iec", "address"],
        &["-s", "-iec", "link"],
        &["-s", "-o", "link"],
        &["-s", "-o", "address"],
        &["-s", "-c", "link"],
        &["-j", "-s", "link"],
        &["-j", "-s", "-s", "link"],
        &["-j", "-p", "-s", "-s", "link", "show", "dev", "v0"],
        &["-j", "-s", "address"],
        &["-j", "-s", "-s", "address", "show", "dev", "v1"],
        &["-s", "-6", "address"],
        &["-s", "-s", "-h", "-6", "address"],
        &["-s", "-6", "address", "show", "dev", "v0"],
        &["-j", "-s", "-6", "address"],
        &["-j", "-s", "-s", "-6", "address", "show", "up"],
        &["-br", "-s", "link"],
        &["-br", "-s", "address"],
    ];
    for args in forms {
        same_when_still(args);
    }
    // The counters are real: the datagrams show, scaled with -h.
    let text = stdout(&same_when_still(&["-s", "link", "show", "dev", "v0"]));
    assert!(
        text.contains("    RX:  bytes packets errors dropped  missed   mcast"),
        "{text}"
    );
    let mut lines = text.lines().skip_while(|l| !l.starts_with("    TX:"));
    let tx = lines.nth(1).expect("the TX numbers");
    let bytes: u64 = tx.split_whitespace().next().unwrap().parse().unwrap();
    assert!(bytes >= 1200 * 1400, "{text}");
    let human = stdout(&same_when_still(&["-s", "-h", "link", "show", "dev", "v0"]));
    assert!(human.contains('M'), "{human}");
    let json = stdout(&same_when_still(&[
        "-j", "-s", "-s", "link", "show", "dev", "v0",
    ]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v[0]["stats64"]["tx"]["packets"].as_u64().unwrap() >= 1200);
    assert!(v[0]["stats64"]["tx"]["carrier_changes"].is_u64(), "{json}");
    // This kernel counts a frame of an ethertype no protocol takes as dropped (nohandler is
    // for the inactive ports of a bond); the unknown frames still go through the comparisons.
    assert!(
        v[0]["stats64"]["rx"]["dropped"].as_u64().unwrap() >= 3,
        "{json}"
    );
    assert_eq!(v[0]["stats64"]["rx"]["otherhost"], 2, "{json}");
    // ip -6 address (no device) prints a link's IPv6 counters, not its link counters.
    let json = stdout(&same_when_still(&["-j", "-s", "-6", "address"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let v0 = v
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["ifname"] == "v0")
        .unwrap();
    // The datagrams to ff02::1 come back (multicast loop) and count as IPv6 received; the
    // 1,200 IPv4 broadcasts do not count here.
    let ipv6_in = v0["stats64"]["rx"]["packets"].as_u64().unwrap();
    assert!((5..1200).contains(&ipv6_in), "{json}");
    let text = stdout(&same_when_still(&["-s", "-s", "link", "show", "dev", "v0"]));
    assert!(text.contains("overrun otherhost"), "{text}");
}

#[test]
fn brief_forms_are_ips() {
    quiet_state();
    let forms: &[&[&str]] = &[
        &["-br", "link"],
        &["-brief", "link", "show", "dev", "v0"],
        &["-br", "link", "show", "up"],
        &["-br", "-4", "link"],
        &["-br", "address"],
        &["-br", "address", "show", "dev", "v0"],
        &["-br", "-4", "address"],
        &["-br", "-6", "address"],
        &["-br", "-0", "address"],
        &["-br", "-o", "address"],
        &["-br", "-d", "link"],
        &["-br", "route"],
        &["-j", "-br", "link"],
        &["-j", "-br", "address"],
        &["-j", "-br", "-6", "address"],
        &["-j", "-p", "-br", "address"],
        &["-br", "link", "show", "dev", "nosuch"],
    ];
    for args in forms {
        same(args);
    }
    let text = stdout(&same(&["-br", "address", "show", "dev", "v0"]));
    assert!(
        text.starts_with(&format!(
            "{:<16} {:<14} 192.0.2.1/24 203.0.113.1/24 metric 50 2001:db8::1/64 ",
            "v0@v1", "UP"
        )),
        "{text}"
    );
    let text = stdout(&same(&["-br", "link", "show", "dev", "br0"]));
    assert!(
        text.starts_with(&format!("{:<16} {:<14} ", "br0", "DOWN")),
        "{text}"
    );
}

#[test]
fn oneline_forms_are_ips() {
    quiet_state();
    let forms: &[&[&str]] = &[
        &["-o", "link"],
        &["-oneline", "link", "show", "dev", "v0"],
        &["-o", "address"],
        &["-o", "-4", "address"],
        &["-o", "-6", "address", "show", "dev", "v0"],
        &["-o", "-0", "address"],
        &["-o", "-6", "link"],
        &["-4", "link"],
        &["-6", "-s", "link", "show", "dev", "v0"],
        &["-o", "route"],
        &["-o", "-6", "route"],
        &["-o", "route", "show", "table", "all"],
        &["-o", "route", "get", "198.51.100.200"],
        &["-j", "-o", "link"],
        &["-j", "-o", "address"],
    ];
    for args in forms {
        same(args);
    }
    let text = stdout(&same(&["-o", "-6", "route"]));
    assert!(
        text.contains("\\\tnexthop via 2001:db8::2 dev v0 weight 1 "),
        "{text}"
    );
    let text = stdout(&same(&["-o", "address", "show", "dev", "lo"]));
    assert!(
        text.starts_with("1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever"),
        "{text}"
    );
}

/// Runs `program ARGS` with `COLORFGBG` set to `fgbg`.
fn with_colorfgbg(program: &str, args: &[&str], fgbg: &str) -> Output {
    Command::new(program)
        .args(args)
        .env("COLORFGBG", fgbg)
        .output()
        .expect("run")
}

#[test]
fn colours_are_ips() {
    quiet_state();
    let forms: &[&[&str]] = &[
        &["-c", "link"],
        &["-c=always", "address"],
        &["-color", "route"],
        &["-color=always", "-6", "route"],
        &["-c", "route", "get", "203.0.113.200"],
        &["-c", "-br", "link"],
        &["-c", "-br", "address"],
        &["-c", "-o", "address"],
        // Not on a terminal (the test's pipe), never, and never in JSON.
        &["-c=auto", "link"],
        &["-c=never", "address"],
        &["-c", "-j", "address"],
        // Not a colour word: ip's unknown option.
        &["-c=sometimes", "link"],
        &["-colour", "link"],
    ];
    for args in forms {
        same(args);
    }
    let text = stdout(&same(&["-c", "link", "show", "dev", "v0"]));
    assert!(text.contains("\x1b[36mv0@v1: \x1b[0m"), "{text:?}");
    assert!(text.contains("state \x1b[32mUP \x1b[0m"), "{text:?}");
    // COLORFGBG: a dark background takes the bold palette, a light one the plain.
    for fgbg in ["15;0", "0;15", "default;default;8", "15;7", "12"] {
        for args in [&["-c", "address"][..], &["-c", "-br", "link"][..]] {
            let ours = with_colorfgbg(RTNL, args, fgbg);
            let theirs = with_colorfgbg("ip", args, fgbg);
            assert_eq!(
                (ours.status.code(), &ours.stdout, &ours.stderr),
                (theirs.status.code(), &theirs.stdout, &theirs.stderr),
                "COLORFGBG={fgbg} {}",
                args.join(" ")
            );
        }
    }
    let dark = with_colorfgbg(RTNL, &["-c", "link", "show", "dev", "lo"], "15;0");
    assert!(stdout(&dark).contains("\x1b[1;36mlo: \x1b[0m"));
}

/// The lines of `text` after the line holding `start` and before the line holding `end`.
fn lines_between(text: &str, start: &str, end: &str) -> String {
    let from = text.find(start).expect("start marker");
    let from = from + text[from..].find('\n').expect("a whole line") + 1;
    let to = from + text[from..].find(end).expect("end marker");
    let to = text[..to].rfind('\n').map_or(from, |nl| nl + 1).max(from);
    text[from..to].to_owned()
}

#[test]
fn monitor_prints_oneline_and_colour_as_ip() {
    private_netns();
    let args = ["-o", "-c", "monitor", "link", "address", "route"];
    let ours = Watcher::start(RTNL, &args, "output-ours");
    let theirs = Watcher::start("ip", &args, "output-ip");
    let until_seen = |base: u32| {
        for round in 0..300 {
            let mtu = (base + round).to_string();
            ip(&["link", "set", "lo", "mtu", &mtu]);
            std::thread::sleep(Duration::from_millis(10));
            let marker = format!(" mtu {mtu} qdisc");
            if [&ours, &theirs].iter().all(|w| w.text().contains(&marker)) {
                return marker;
            }
        }
        panic!("the monitors never printed lo's MTU {base}");
    };
    let start = until_seen(61000);
    ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
    ip(&["link", "set", "v0", "addrgenmode", "none"]);
    ip(&["link", "set", "v0", "up"]);
    ip(&["addr", "add", "192.0.2.1/24", "dev", "v0"]);
    ip(&["addr", "add", "2001:db8::1/64", "dev", "v0", "nodad"]);
    ip(&["route", "add", "203.0.113.0/24", "via", "192.0.2.2"]);
    ip(&["link", "del", "v0"]);
    let end = until_seen(62000);
    let plain = lines_between(&ours.text(), &start, &end);
    assert_eq!(plain, lines_between(&theirs.text(), &start, &end));
    assert!(
        plain.contains("inet \x1b[35m192.0.2.1\x1b[0m/24 scope global v0\\       valid_lft"),
        "{plain:?}"
    );
    assert!(plain.contains("\\    link/ether \x1b[33m"), "{plain:?}");
}

/// `-c=auto` colours on a terminal: both run under `script` (a pseudo-terminal) print the
/// same coloured text; `-c=never` stays plain there.
#[test]
fn colour_auto_on_a_terminal_is_ips() {
    quiet_state();
    let on_terminal = |program: &str, options: &str| {
        let line = format!("{program} {options} address show dev v0");
        let out = Command::new("script")
            .args(["-qec", &line, "/dev/null"])
            .env_remove("COLORFGBG")
            .output()
            .expect("run script (bsdutils)");
        assert!(out.status.success(), "{line}: {out:?}");
        out.stdout
    };
    for options in ["-c=auto", "-color=auto -br", "-c=never", "-c=auto -j"] {
        let ours = on_terminal(RTNL, options);
        let theirs = on_terminal("ip", options);
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs),
            "{options} on a terminal"
        );
    }
    let auto = String::from_utf8(on_terminal(RTNL, "-c=auto")).unwrap();
    assert!(
        auto.contains("inet \x1b[35m192.0.2.1\x1b[0m/24"),
        "{auto:?}"
    );
    let never = String::from_utf8(on_terminal(RTNL, "-c=never")).unwrap();
    assert!(!never.contains('\x1b'), "{never:?}");
}

/// The options hold for every command of a batch, as in ip.
#[test]
fn options_hold_through_a_batch() {
    quiet_state();
    let path = std::env::temp_dir().join(format!("rtnl-output-batch-{}", std::process::id()));
    // (ip keeps `link show`'s mode for every later `address show` of a batch: link last.)
    std::fs::write(
        &path,
        "address show dev v0\nroute show\nlink show dev v0\nlink show dev v1\n",
    )
    .unwrap();
    let file = path.to_str().unwrap();
    for options in [
        &["-o", "-c"][..],
        &["-br"][..],
        &["-br", "-c"][..],
        &["-s", "-s"][..],
        &["-j", "-s"][..],
    ] {
        let mut args = options.to_vec();
        args.extend(["-b", file]);
        same_when_still(&args);
    }
    let _ = std::fs::remove_file(&path);
}
