//! `RTA_CACHEINFO` as `ip` 6.1 prints it (`print_rta_cacheinfo()`, `print_cache_flags()`):
//! `expires`, `error`, with `-s` `users`/`used`/`age`, `ipid`, `ts`/`tsage`, and the `cache`
//! line of IPv4 `route get`; and vxlan `tos` names (`rt_dsfield`). Each test runs in its own
//! network namespace and compares with `ip` byte for byte.

mod common;

use std::process::Output;

use common::{RTNL, ip, ip_lines, private_netns, rtnl, same, same_failure};

/// A veth pair up, `192.0.2.1/24` and `2001:db8::1/64` on `d0`, IPv6 routes with and
/// without an expiry.
fn setup() {
    private_netns();
    common::veth_pair_with_addresses("d0", "d1");
    for _ in 0..300 {
        if ip(&["-6", "route", "show"]).contains("2001:db8::/64 dev d0") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    ip_lines(&[
        "-6 route add 2001:db8:5::/64 via 2001:db8::9 expires 300",
        "-6 route add 2001:db8:6::/64 via 2001:db8::9",
    ]);
}

/// `rtnl ARGS` and `ip ARGS` print the same, tried again while the kernel's counters and
/// clocks (`used`, `age`, `expires`) move between the two runs; `rtnl`'s output.
fn same_settled(args: &[&str]) -> Output {
    for _ in 0..20 {
        let ours = rtnl(args);
        let theirs = common::ip_raw(args);
        if (&ours.stdout, &ours.stderr, ours.status.code())
            == (&theirs.stdout, &theirs.stderr, theirs.status.code())
        {
            return ours;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    same(args)
}

fn text(out: &Output) -> String {
    assert!(out.status.success());
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

/// `route show` with `-s` and `-s -s`, IPv4 and IPv6 (whose routes carry `RTA_CACHEINFO`),
/// text and JSON; `route get` with its `cache` line and, with `-s`, `users`/`age`.
#[test]
fn route_cacheinfo_prints_what_ip_prints() {
    setup();
    for args in [
        &["-s", "route", "show"][..],
        &["-s", "-s", "route", "show"],
        &["-j", "-s", "route", "show"],
        &["-6", "route", "show"],
        &["-s", "-6", "route", "show"],
        &["-s", "-s", "-6", "route", "show"],
        &["-s", "-j", "-6", "route", "show"],
        &["-s", "-d", "-6", "route", "show", "table", "all"],
    ] {
        same_settled(args);
    }
    let six = text(&same_settled(&["-s", "-6", "route", "show"]));
    assert!(
        six.contains("2001:db8:5::/64 via 2001:db8::9 dev d0 metric 1024 expires "),
        "{six}"
    );

    let get = text(&same_settled(&["route", "get", "192.0.2.5"]));
    assert!(get.ends_with("\n    cache \n"), "{get:?}");
    let get = text(&same_settled(&["-s", "route", "get", "192.0.2.5"]));
    assert!(get.contains("\n    cache users "), "{get:?}");
    let get = text(&same_settled(&["-j", "-s", "route", "get", "192.0.2.5"]));
    assert!(get.contains(r#""cache":[],"users":"#), "{get}");
    same_settled(&["-s", "-s", "route", "get", "192.0.2.1"]);
    same_settled(&["-j", "route", "get", "192.0.2.1"]);
    let get = text(&same_settled(&[
        "-s",
        "-6",
        "route",
        "get",
        "2001:db8:6::1",
    ]));
    assert!(get.contains(" users "), "{get}");
    same_settled(&["-6", "route", "get", "2001:db8:6::1"]);
    same_settled(&["-s", "-j", "-6", "route", "get", "2001:db8:5::1"]);
}

/// One `RTM_NEWROUTE` with a `RTA_CACHEINFO` of the given fields (`rta_clntref`,
/// `rta_lastuse`, `rta_expires`, `rta_error`, `rta_used`, `rta_id`, `rta_ts`, `rta_tsage`).
fn route_message(family: u8, dst: &[u8], dst_len: u8, ci: [u32; 8]) -> Vec<u8> {
    let attr = |ty: u16, data: &[u8]| {
        let mut a = u16::try_from(4 + data.len())
            .unwrap()
            .to_ne_bytes()
            .to_vec();
        a.extend_from_slice(&ty.to_ne_bytes());
        a.extend_from_slice(data);
        a.resize(a.len().next_multiple_of(4), 0);
        a
    };
    // rtmsg: family, dst_len, src_len, tos, table main, proto static, scope universe,
    // type unicast, flags 0.
    let mut body = vec![family, dst_len, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0];
    body.extend(attr(1, dst));
    let ci: Vec<u8> = ci.iter().flat_map(|v| v.to_ne_bytes()).collect();
    body.extend(attr(12, &ci));
    let mut m = u32::try_from(16 + body.len())
        .unwrap()
        .to_ne_bytes()
        .to_vec();
    m.extend_from_slice(&24u16.to_ne_bytes());
    m.extend_from_slice(&[0; 10]);
    m.extend(body);
    m
}

/// Every field of `RTA_CACHEINFO` (the kernel's routes show few of them), through `monitor
/// file`: a saved stream ip and rtnl both print.
#[test]
fn every_cacheinfo_field_prints_as_ip_prints_it() {
    private_netns();
    let v6 = [0x20, 0x01, 0x0d, 0xb8, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    let expired = (-250i32).cast_unsigned();
    let stream = [
        route_message(10, &v6, 64, [3, 250, 12345, 113, 7, 0x1234, 0xabc, 5]),
        route_message(2, &[192, 0, 2, 0], 24, [0, 0, expired, 0, 0, 0, 0, 0]),
        route_message(2, &[192, 0, 2, 9], 32, [1, 0, 0, 0, 0, 0, 0, 7]),
    ]
    .concat();
    let path = std::env::temp_dir().join(format!("rtnl-cacheinfo-{}", std::process::id()));
    std::fs::write(&path, stream).unwrap();
    let file = path.to_str().unwrap();
    let plain = text(&same(&["monitor", "file", file]));
    let stats = text(&same(&["-s", "monitor", "file", file]));
    std::fs::remove_file(&path).unwrap();
    assert_eq!(
        plain,
        "2001:db8:7::/64 proto static expires 123sec error 113 ipid 0x1234 ts 0xabctsage 5sec \n\
         192.0.2.0/24 proto static expires -2sec \n\
         192.0.2.9 proto static ts 0x0tsage 7sec \n"
    );
    assert!(
        stats.starts_with(
            "2001:db8:7::/64 proto static expires 123sec error 113 users 3 used 7 age 2sec ipid"
        ),
        "{stats}"
    );
}

/// vxlan `tos` takes `inherit`, a hexadecimal number or a name of `rt_dsfield` (`AF11`,
/// `EF`, `default`), as ip does; the device is what ip makes, and a bad word is ip's error.
#[test]
fn vxlan_tos_names_as_ip_reads_them() {
    private_netns();
    for (i, tos) in ["AF11", "EF", "default", "inherit", "0x1f", "b8"]
        .into_iter()
        .enumerate()
    {
        let id = (i + 1).to_string();
        let words = ["type", "vxlan", "id", &id, "dstport", "4789", "tos", tos];
        let theirs = format!("xi{i}");
        let ours = format!("xr{i}");
        ip(&[&["link", "add", theirs.as_str()][..], &words].concat());
        let expected = ip(&["-d", "link", "show", &theirs]).replacen(&theirs, &ours, 1);
        ip(&["link", "del", &theirs]);
        let out = std::process::Command::new(RTNL)
            .args([&["link", "add", ours.as_str()][..], &words].concat())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let tos_of = |text: &str| {
            text.split_whitespace()
                .skip_while(|w| *w != "tos")
                .nth(1)
                .map(str::to_owned)
        };
        let shown = ip(&["-d", "link", "show", &ours]);
        assert_eq!(tos_of(&shown), tos_of(&expected), "tos {tos}: {shown}");
        same(&["-d", "link", "show", &ours]);
        same(&["-j", "-d", "link", "show", &ours]);
        ip(&["link", "del", &ours]);
    }
    for bad in ["EFX", "0x100", "af11", ""] {
        same_failure(&[
            "link", "add", "xb", "type", "vxlan", "id", "9", "dstport", "4789", "tos", bad,
        ]);
    }
}

/// `route show cache` (`cached`, `cloned`, `c`, `table cache`): the IPv6 exception a
/// "packet too big" from a router leaves (a learnt path MTU), with its `expires`, `mtu` and,
/// with `-s`, `users`/`age`, as ip lists it. A router namespace forwards to a third one over a
/// 1280-byte link; a 1400-byte UDP datagram from this namespace makes the exception.
#[test]
fn route_show_cache_prints_what_ip_prints() {
    let _run = common::private_netns_with_run_netns();
    common::router_between_namespaces();
    ip_lines(&[
        "addr add 2001:db8:1::1/64 dev a0 nodad",
        "link set a0 up",
        "-n r addr add 2001:db8:1::2/64 dev r0 nodad",
        "-n r addr add 2001:db8:2::2/64 dev r1 nodad",
        "-n r link set r0 up",
        "-n r link set r1 up",
        "-n c addr add 2001:db8:2::1/64 dev c0 nodad",
        "-n c link set c0 up",
        "-n c route add default via 2001:db8:2::2",
        "netns exec r sysctl -qw net.ipv6.conf.all.forwarding=1",
    ]);
    // The gateway route once a0 has its prefix route.
    for _ in 0..300 {
        if ip(&["-6", "route", "show"]).contains("2001:db8:1::/64 dev a0") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    ip(&["route", "add", "2001:db8:2::/64", "via", "2001:db8:1::2"]);
    // This thread is in the test's namespace: so is the socket.
    let socket = std::net::UdpSocket::bind("[::]:0").expect("udp socket");
    let mut cached = String::new();
    for _ in 0..50 {
        let _ = socket.send_to(&[0u8; 1400], "[2001:db8:2::1]:9");
        std::thread::sleep(std::time::Duration::from_millis(50));
        cached = ip(&["-6", "route", "show", "cache"]);
        if !cached.is_empty() {
            break;
        }
    }
    assert!(
        cached.starts_with("2001:db8:2::1 via 2001:db8:1::2 dev a0 metric 1024 expires "),
        "no exception: {cached:?}"
    );
    assert!(cached.contains(" mtu 1280 "), "{cached}");
    for args in [
        &["-6", "route", "show", "cache"][..],
        &["-6", "route", "show", "cached"],
        &["-6", "route", "list", "cloned"],
        &["-6", "route", "show", "c"],
        &["-6", "route", "show", "table", "cache"],
        &["-6", "route", "show", "cloned", "table", "all"],
        &["-s", "-6", "route", "show", "cache"],
        &["-s", "-s", "-6", "route", "show", "cache"],
        &["-j", "-6", "route", "show", "cache"],
        &["-j", "-s", "-6", "route", "show", "cache"],
        &["-d", "-6", "route", "show", "cache", "dev", "a0"],
        &["route", "show", "cache"],
        &["-6", "route", "show"],
        &["-6", "route", "show", "table", "all"],
    ] {
        same_settled(args);
    }
    let text = text(&same_settled(&["-s", "-6", "route", "show", "cache"]));
    assert!(text.contains(" users "), "{text}");
}
