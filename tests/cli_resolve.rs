//! `rtnl -r` (`-resolve`) against `ip -r` 6.1: host names in place of addresses where ip's
//! `format_host()` prints them (address local/peer/broadcast, route dst of a host route,
//! gateways, `route get`'s `from`, neighbour destinations, a vxlan's remote and local; never
//! prefixes, `src`, or a rule's `from`/`to`), text and JSON.
//!
//! Hermetic: each test runs in its own network namespace and its own mount namespace, where a
//! hosts file, an `nsswitch.conf` that asks files only, and an empty `resolv.conf`, all owned
//! by the test, are bind-mounted over the ones in `/etc`. Neither program asks DNS, and the
//! host's `/etc` is never written.

mod common;

use std::path::PathBuf;

use common::{ip, private_netns, rtnl, same};

/// The names the tests' hosts file gives.
const HOSTS: &str = "\
192.0.2.1 alpha.test
192.0.2.2 gw.test
192.0.2.255 brd.test
198.51.100.7 host7.test
198.51.100.8 peer8.test
2001:db8::1 six.test
2001:db8::9 sixgw.test
";

/// The test's files bind-mounted over `/etc`; removed on drop (the mounts die with the test
/// thread's mount namespace).
struct Etc {
    dir: PathBuf,
}

impl Drop for Etc {
    fn drop(&mut self) {
        for file in ["hosts", "nsswitch.conf", "resolv.conf"] {
            let _ = rustix::mount::unmount(
                format!("/etc/{file}").as_str(),
                rustix::mount::UnmountFlags::DETACH,
            );
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A private network namespace with lo up, and a private mount namespace whose `/etc/hosts`,
/// `/etc/nsswitch.conf` and `/etc/resolv.conf` are the test's own.
fn private_resolver(tag: &str) -> Etc {
    private_netns();
    // SAFETY: CLONE_NEWNS gives this thread its own copy of the mount table; no memory or
    // descriptor table is unshared, which is what makes unshare unsafe in general.
    unsafe { rustix::thread::unshare_unsafe(rustix::thread::UnshareFlags::NEWNS) }
        .expect("unshare(CLONE_NEWNS)");
    // The bind mounts below must not propagate back to the host's namespace.
    rustix::mount::mount_change(
        "/",
        rustix::mount::MountPropagationFlags::REC | rustix::mount::MountPropagationFlags::PRIVATE,
    )
    .expect("make / private");
    let dir = std::env::temp_dir().join(format!("rtnl-resolve-{}-{tag}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create the test's etc");
    let etc = Etc { dir };
    for (file, text) in [
        ("hosts", HOSTS),
        ("nsswitch.conf", "hosts: files\n"),
        ("resolv.conf", ""),
    ] {
        let ours = etc.dir.join(file);
        std::fs::write(&ours, text).expect("write the test's etc file");
        let target = format!("/etc/{file}");
        if !std::path::Path::new(&target).exists() {
            panic!("{target} is missing: nothing to bind-mount over");
        }
        rustix::mount::mount_bind(&ours, target.as_str()).expect("bind-mount over /etc");
    }
    let mounted = std::fs::read_to_string("/etc/hosts").expect("read /etc/hosts");
    assert_eq!(
        mounted, HOSTS,
        "the test's hosts file is not the one in use"
    );
    etc
}

/// A veth pair up, with addresses, routes, a neighbour and a rule whose addresses the hosts
/// file names.
fn setup() {
    for cmd in [
        "sysctl -qw net.ipv6.conf.all.accept_dad=0",
        "sysctl -qw net.ipv6.conf.default.accept_dad=0",
    ] {
        let words: Vec<&str> = cmd.split(' ').collect();
        let status = std::process::Command::new(words[0])
            .args(&words[1..])
            .status()
            .expect("run sysctl");
        assert!(status.success(), "{cmd}");
    }
    for cmd in [
        "link add d0 type veth peer name d1",
        "link set d0 up",
        "link set d1 up",
        "addr add 192.0.2.1/24 brd + dev d0",
        "addr add 2001:db8::1/64 dev d0 nodad",
        "addr add 192.0.2.1 peer 198.51.100.8 dev d1",
        "route add 198.51.100.7 via 192.0.2.2",
        "route add 203.0.113.0/24 via 192.0.2.2",
        "route add 2001:db8:1::/64 via 2001:db8::9",
        "route add 2001:db8:2::1 via 2001:db8::9",
        "neigh add 192.0.2.2 lladdr 02:00:00:00:00:02 dev d0",
        "neigh add 2001:db8::9 lladdr 02:00:00:00:00:09 dev d0",
        "neigh add 192.0.2.77 lladdr 02:00:00:00:00:77 dev d0",
        "rule add to 192.0.2.1 table 100",
        "rule add from 198.51.100.7 table 101",
    ] {
        ip(&cmd.split(' ').collect::<Vec<_>>());
    }
    // The IPv6 routes come once the links have carrier, a moment later.
    for _ in 0..300 {
        if ip(&["-6", "route", "show"]).contains("2001:db8::/64 dev d0") {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("no route for 2001:db8::/64");
}

fn stdout(args: &[&str]) -> String {
    let out = same(args);
    assert!(out.status.success(), "{}", args.join(" "));
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Every object's show, text and JSON, prints what ip prints; the names are in it, and the
/// same command without `-r` prints none.
#[test]
fn resolve_prints_what_ip_prints() {
    let _etc = private_resolver("show");
    setup();
    let forms: [(&[&str], &[&str]); 9] = [
        (
            &["-r", "address", "show"],
            &[
                "inet alpha.test/24 brd brd.test ",
                "alpha.test peer peer8.test/32",
                "inet6 six.test/64",
            ],
        ),
        (
            &["-r", "-j", "address", "show"],
            &[
                r#""local":"alpha.test""#,
                r#""broadcast":"brd.test""#,
                r#""address":"peer8.test""#,
            ],
        ),
        (
            &["-r", "route", "show"],
            &[
                "host7.test via gw.test dev d0",
                "203.0.113.0/24 via gw.test dev d0",
                "src 192.0.2.1",
            ],
        ),
        (
            &["-r", "-6", "route", "show"],
            &[
                "2001:db8:1::/64 via sixgw.test dev d0",
                "2001:db8:2::1 via sixgw.test",
            ],
        ),
        (
            &["-r", "-j", "route", "show", "table", "all"],
            &[r#""dst":"host7.test","gateway":"gw.test""#],
        ),
        (
            &["-r", "neigh", "show"],
            &[
                "gw.test dev d0 lladdr 02:00:00:00:00:02",
                "sixgw.test dev d0",
                "192.0.2.77 dev d0",
            ],
        ),
        (&["-r", "-j", "neigh", "show"], &[r#""dst":"gw.test""#]),
        (
            &["-r", "rule", "show"],
            &["to 192.0.2.1 lookup 100", "from 198.51.100.7 lookup 101"],
        ),
        (&["-r", "-j", "rule", "show"], &[r#""dst":"192.0.2.1""#]),
    ];
    for (args, expected) in forms {
        let text = stdout(args);
        for piece in expected {
            assert!(
                text.contains(piece),
                "{}: no {piece:?} in\n{text}",
                args.join(" ")
            );
        }
        let plain = String::from_utf8(rtnl(&args[1..]).stdout).expect("utf-8");
        assert!(
            !plain.contains(".test"),
            "{} without -r:\n{plain}",
            args.join(" ")
        );
    }
    // A vxlan's remote and local are hosts too (iplink_vxlan.c's format_host).
    for (name, id, ends) in [
        ("vx4", "5", ["remote", "192.0.2.2", "local", "192.0.2.1"]),
        (
            "vx6",
            "6",
            ["remote", "2001:db8::9", "local", "2001:db8::1"],
        ),
    ] {
        let add = [
            "link", "add", name, "type", "vxlan", "id", id, "dstport", "4789",
        ];
        ip(&[&add[..], &ends].concat());
    }
    let text = stdout(&["-r", "-d", "link", "show", "vx4"]);
    assert!(text.contains(" remote gw.test local alpha.test "), "{text}");
    let text = stdout(&["-r", "-j", "-d", "link", "show", "vx6"]);
    assert!(
        text.contains(r#""remote6":"sixgw.test","local6":"six.test""#),
        "{text}"
    );
    // A bridge entry's destination (`-f bridge neigh`, a vxlan's remote) is a host too.
    for cmd in [
        "link add br0 type bridge",
        "link set vx4 master br0",
        "link set vx4 up",
    ] {
        ip(&cmd.split(' ').collect::<Vec<_>>());
    }
    let status = std::process::Command::new("bridge")
        .args([
            "fdb",
            "add",
            "02:00:00:00:00:01",
            "dev",
            "vx4",
            "dst",
            "192.0.2.2",
        ])
        .status()
        .expect("bridge (iproute2) must be installed");
    assert!(status.success());
    let text = stdout(&["-r", "-f", "bridge", "neigh", "show", "dev", "vx4"]);
    assert!(text.contains("gw.test lladdr 02:00:00:00:00:01"), "{text}");
    stdout(&["-r", "-j", "-f", "bridge", "neigh", "show"]);
    // `-resolve` spelled out, and with other options.
    stdout(&["-resolve", "-d", "-4", "address", "show", "dev", "d0"]);
    stdout(&["-r", "-o", "address", "show", "dev", "d1"]);
}

/// `route get` names the destination, the gateway and `from`; an address the hosts file does
/// not name stays a number.
#[test]
fn resolve_route_get_prints_what_ip_prints() {
    let _etc = private_resolver("get");
    setup();
    let text = stdout(&["-r", "route", "get", "198.51.100.7"]);
    assert!(text.starts_with("host7.test via gw.test dev d0 "), "{text}");
    let text = stdout(&["-r", "route", "get", "198.51.100.7", "from", "192.0.2.1"]);
    assert!(text.contains(" from alpha.test "), "{text}");
    stdout(&[
        "-r",
        "-j",
        "route",
        "get",
        "198.51.100.7",
        "from",
        "192.0.2.1",
    ]);
    let text = stdout(&["-r", "route", "get", "203.0.113.5"]);
    assert!(text.starts_with("203.0.113.5 via gw.test "), "{text}");
    stdout(&["-r", "-6", "route", "get", "2001:db8:2::1"]);
}
