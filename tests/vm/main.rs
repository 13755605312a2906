//! The link kinds this project's development host has no driver for (dummy, 802.1Q vlan, bond,
//! macvlan, ipvlan, vrf), against a real kernel that has them: Debian's Linux 6.1 cloud kernel,
//! booted by `tests/vm/matrix.sh` under virtme-ng. Each kind is created, shown and deleted with
//! the library and with the `rtnl` binary, and checked against `ip` (iproute2 6.1): what `ip -j
//! -d` sees after we create, `rtnl -j -d link show` key by key against `ip -j -d link show`, the
//! text of `rtnl link show` byte for byte, and the same error where the kernel refuses.
//!
//! Every test is `#[ignore]`d, so `cargo test` on a host without the drivers does not count
//! them; the VM script runs them with `--ignored` and sets `RTNL_VM_KINDS=1`. Run with
//! `--ignored` anywhere else they fail: they check nothing outside that VM, and say so.

#[path = "../common/mod.rs"]
mod common;

use std::process::Command;

use common::{LINK_KEYS, compare, ip, ip_json, ip_link, ok, private_netns, same_failure};
use rtnl_ip::codec::ipvlan_mode;
use rtnl_ip::{Handle, LinkAdd, LinkFilter, LinkRef, LinkSet};
use serde_json::Value;

/// Fails unless the VM script started this run: outside it these tests would check nothing.
/// Then a private network namespace for the calling test thread.
fn in_vm() {
    assert_eq!(
        std::env::var("RTNL_VM_KINDS").as_deref(),
        Ok("1"),
        "these tests run inside the VM that tests/vm/matrix.sh boots (RTNL_VM_KINDS=1 unset)"
    );
    private_netns();
}

/// `rtnl link show dev NAME` against `ip`: `-j -d` key by key (our `linkinfo` must be there
/// when ip's is), `-j` key by key, and the text byte for byte. Returns ip's `-j -d` object.
fn show_matches_ip(name: &str) -> Value {
    let theirs = ip_json(&["link", "show", "dev", name]);
    let detailed = theirs[0].clone();
    let ours: Value =
        serde_json::from_str(&ok(&["-j", "-d", "link", "show", "dev", name])).expect("json");
    let compared = compare(
        &format!("-d link show dev {name}"),
        &ours,
        &theirs,
        &[&LINK_KEYS[..], &["linkinfo"]].concat(),
    );
    assert!(compared >= 12, "{name}: compared only {compared} values");
    assert_eq!(
        ours[0]["linkinfo"]["info_kind"], theirs[0]["linkinfo"]["info_kind"],
        "{name}: info_kind"
    );
    let plain = ok(&["-j", "link", "show", "dev", name]);
    let ours: Value = serde_json::from_str(&plain).expect("json");
    let theirs: Value =
        serde_json::from_str(&ip(&["-j", "link", "show", "dev", name])).expect("ip json");
    compare(&format!("link show dev {name}"), &ours, &theirs, &LINK_KEYS);
    assert_eq!(
        ok(&["link", "show", "dev", name]),
        ip(&["link", "show", "dev", name]),
        "text of link show dev {name}"
    );
    detailed
}

/// The library's view of a link's kind, by name.
fn lib_kind(h: &mut Handle, name: &str) -> Option<String> {
    h.link(LinkRef::Name(name.as_ref())).unwrap().kind
}

/// `ip link show dev NAME` fails: the link is gone.
fn gone(name: &str) {
    let out = Command::new("ip")
        .args(["link", "show", "dev", name])
        .output()
        .expect("run ip");
    assert!(!out.status.success(), "{name} still exists");
}

#[test]
#[ignore = "runs in the 6.1 VM: tests/vm/matrix.sh"]
fn dummy() {
    in_vm();
    let mut h = Handle::new().unwrap();
    h.link_add(
        &LinkAdd::dummy("d0")
            .mtu(1400)
            .address(&[0x02, 0, 0, 0, 0, 0x20])
            .up(),
    )
    .unwrap();
    let d0 = show_matches_ip("d0");
    assert_eq!(d0["linkinfo"]["info_kind"], "dummy");
    assert_eq!(d0["mtu"], 1400);
    assert_eq!(d0["address"], "02:00:00:00:00:20");
    assert_eq!(lib_kind(&mut h, "d0").as_deref(), Some("dummy"));
    let dummies = h
        .links(&LinkFilter {
            kind: Some("dummy"),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(dummies.len(), 1);

    ok(&["link", "add", "d1", "mtu", "1280", "type", "dummy"]);
    let d1 = show_matches_ip("d1");
    assert_eq!(
        (d1["linkinfo"]["info_kind"].clone(), d1["mtu"].clone()),
        ("dummy".into(), 1280.into())
    );
    same_failure(&["link", "add", "d1", "type", "dummy"]);

    h.link_del(LinkRef::from("d0")).unwrap();
    gone("d0");
    ok(&["link", "del", "d1"]);
    gone("d1");
    same_failure(&["link", "del", "d1"]);
}

#[test]
#[ignore = "runs in the 6.1 VM: tests/vm/matrix.sh"]
fn vlan() {
    in_vm();
    let mut h = Handle::new().unwrap();
    h.link_add(&LinkAdd::dummy("base0")).unwrap();
    h.link_add(&LinkAdd::vlan("base0.10", LinkRef::from("base0"), 10))
        .unwrap();
    let v10 = show_matches_ip("base0.10");
    assert_eq!(v10["linkinfo"]["info_kind"], "vlan");
    assert_eq!(v10["linkinfo"]["info_data"]["id"], 10);
    assert_eq!(v10["linkinfo"]["info_data"]["protocol"], "802.1Q");
    assert_eq!(v10["link"], "base0");
    assert_eq!(lib_kind(&mut h, "base0.10").as_deref(), Some("vlan"));

    ok(&[
        "link", "add", "link", "base0", "name", "qinq20", "type", "vlan", "protocol", "802.1ad",
        "id", "20",
    ]);
    let v20 = show_matches_ip("qinq20");
    assert_eq!(v20["linkinfo"]["info_data"]["id"], 20);
    assert_eq!(v20["linkinfo"]["info_data"]["protocol"], "802.1ad");
    // The same VLAN id twice on one device: the kernel's refusal, as ip reports it.
    same_failure(&[
        "link", "add", "link", "base0", "name", "dup10", "type", "vlan", "id", "10",
    ]);

    ok(&["link", "del", "qinq20"]);
    gone("qinq20");
    h.link_del(LinkRef::from("base0.10")).unwrap();
    gone("base0.10");
    h.link_del(LinkRef::from("base0")).unwrap();
}

#[test]
#[ignore = "runs in the 6.1 VM: tests/vm/matrix.sh"]
fn bond() {
    in_vm();
    let mut h = Handle::new().unwrap();
    h.link_add(&LinkAdd::other("bond0", "bond").mtu(1400))
        .unwrap();
    let b0 = show_matches_ip("bond0");
    assert_eq!(b0["linkinfo"]["info_kind"], "bond");
    assert_eq!(b0["mtu"], 1400);
    assert_eq!(lib_kind(&mut h, "bond0").as_deref(), Some("bond"));

    ok(&["link", "add", "bond1", "type", "bond"]);
    // A port, enslaved with the library and with the binary (a bond takes ports that are down).
    h.link_add(&LinkAdd::dummy("port0")).unwrap();
    h.link_set(&LinkSet::new(LinkRef::from("port0")).master(LinkRef::from("bond1")))
        .unwrap();
    let port0 = show_matches_ip("port0");
    assert_eq!(port0["master"], "bond1");
    assert_eq!(port0["linkinfo"]["info_slave_kind"], "bond");
    ok(&["link", "add", "port1", "type", "dummy"]);
    ok(&["link", "set", "port1", "master", "bond1"]);
    assert_eq!(ip_link("port1")["master"], "bond1");
    show_matches_ip("bond1");
    ok(&["link", "set", "port1", "nomaster"]);
    assert!(ip_link("port1").get("master").is_none(), "port1 left bond1");

    ok(&["link", "del", "bond1"]);
    gone("bond1");
    h.link_del(LinkRef::from("bond0")).unwrap();
    gone("bond0");
}

#[test]
#[ignore = "runs in the 6.1 VM: tests/vm/matrix.sh"]
fn macvlan() {
    in_vm();
    let mut h = Handle::new().unwrap();
    h.link_add(&LinkAdd::dummy("low0").up()).unwrap();
    h.link_add(&LinkAdd::macvlan("mv0", LinkRef::from("low0"), Some(4)))
        .unwrap();
    let mv0 = show_matches_ip("mv0");
    assert_eq!(mv0["linkinfo"]["info_kind"], "macvlan");
    assert_eq!(mv0["linkinfo"]["info_data"]["mode"], "bridge");
    assert_eq!(mv0["link"], "low0");

    ok(&[
        "link", "add", "link", "low0", "name", "mv1", "type", "macvlan", "mode", "private",
    ]);
    let mv1 = show_matches_ip("mv1");
    assert_eq!(mv1["linkinfo"]["info_data"]["mode"], "private");

    ok(&["link", "del", "mv1"]);
    gone("mv1");
    h.link_del(LinkRef::from("mv0")).unwrap();
    gone("mv0");
}

/// `rtnl -d link show dev NAME` against `ip -d link show dev NAME`, text byte for byte (the
/// kind line with its data, and the port line).
fn details_text_matches_ip(name: &str) {
    assert_eq!(
        ok(&["-d", "link", "show", "dev", name]),
        ip(&["-d", "link", "show", "dev", name]),
        "text of -d link show dev {name}"
    );
}

/// ipvlan sits on a lower device (`link DEV`) and has a mode and flags of its own: made by the
/// library, by the binary (with and without options) and by ip, each shown as ip shows it
/// (`-d` JSON `info_data` and text), deleted by us; without a lower device the kernel's refusal
/// reaches the caller as ip reports it.
#[test]
#[ignore = "runs in the 6.1 VM: tests/vm/matrix.sh"]
fn ipvlan() {
    in_vm();
    let mut h = Handle::new().unwrap();
    h.link_add(&LinkAdd::dummy("low0").up()).unwrap();
    h.link_add(&LinkAdd::ipvlan(
        "ipv0",
        LinkRef::from("low0"),
        Some(ipvlan_mode::L2),
        Some(0),
    ))
    .unwrap();
    let ipv0 = show_matches_ip("ipv0");
    assert_eq!(ipv0["linkinfo"]["info_kind"], "ipvlan");
    assert_eq!(ipv0["linkinfo"]["info_data"]["mode"], "l2");
    assert_eq!(ipv0["linkinfo"]["info_data"]["bridge"], true);
    assert_eq!(ipv0["link"], "low0");
    assert_eq!(lib_kind(&mut h, "ipv0").as_deref(), Some("ipvlan"));
    details_text_matches_ip("ipv0");

    ok(&[
        "link", "add", "link", "low0", "name", "ipv1", "type", "ipvlan", "mode", "l3s", "private",
    ]);
    let ipv1 = show_matches_ip("ipv1");
    assert_eq!(ipv1["linkinfo"]["info_data"]["mode"], "l3s");
    assert_eq!(ipv1["linkinfo"]["info_data"]["private"], true);
    assert_eq!(ipv1["link"], "low0");
    details_text_matches_ip("ipv1");
    // No options: no data sent, the kernel's default mode (l3); what else ip shows, we show
    // (show_matches_ip).
    ok(&[
        "link", "add", "link", "low0", "name", "ipv2", "type", "ipvlan",
    ]);
    let ipv2 = show_matches_ip("ipv2");
    assert_eq!(ipv2["linkinfo"]["info_data"]["mode"], "l3");
    details_text_matches_ip("ipv2");
    // Made by ip, shown by us.
    ip(&[
        "link", "add", "link", "low0", "name", "ipv3", "type", "ipvlan", "mode", "l2", "vepa",
    ]);
    let ipv3 = show_matches_ip("ipv3");
    assert_eq!(ipv3["linkinfo"]["info_data"]["vepa"], true);
    details_text_matches_ip("ipv3");

    // Without a lower device the kernel refuses: the binary and the library report it as ip.
    let (code, message) = same_failure(&["link", "add", "ipv4", "type", "ipvlan"]);
    assert_eq!(code, Some(2), "a kernel refusal: {message}");
    let err = h.link_add(&LinkAdd::other("ipv4", "ipvlan")).unwrap_err();
    assert_eq!(
        err.to_string(),
        message,
        "the library reports the kernel's refusal"
    );
    gone("ipv4");
    same_failure(&[
        "link", "add", "link", "low0", "name", "ipv4", "type", "ipvlan", "mode", "l4",
    ]);

    for name in ["ipv1", "ipv2", "ipv3"] {
        ok(&["link", "del", name]);
        gone(name);
    }
    h.link_del(LinkRef::from("ipv0")).unwrap();
    gone("ipv0");
}

/// A vrf and its table (`IFLA_VRF_TABLE`): made by the library, by the binary and by ip, shown
/// as ip shows it (`info_data` `table`, and a port's `info_slave_kind` / `info_slave_data`),
/// given ports by both, deleted by us; without a table the kernel's refusal reaches the caller
/// as ip reports it.
#[test]
#[ignore = "runs in the 6.1 VM: tests/vm/matrix.sh"]
fn vrf() {
    in_vm();
    let mut h = Handle::new().unwrap();
    h.link_add(&LinkAdd::vrf("vrf0", 10)).unwrap();
    let vrf0 = show_matches_ip("vrf0");
    assert_eq!(vrf0["linkinfo"]["info_kind"], "vrf");
    assert_eq!(vrf0["linkinfo"]["info_data"]["table"], 10);
    assert_eq!(lib_kind(&mut h, "vrf0").as_deref(), Some("vrf"));
    details_text_matches_ip("vrf0");

    ok(&["link", "add", "vrf1", "type", "vrf", "table", "20"]);
    let vrf1 = show_matches_ip("vrf1");
    assert_eq!(vrf1["linkinfo"]["info_data"]["table"], 20);
    details_text_matches_ip("vrf1");
    ip(&["link", "add", "vrf2", "type", "vrf", "table", "30"]);
    let vrf2 = show_matches_ip("vrf2");
    assert_eq!(vrf2["linkinfo"]["info_data"]["table"], 30);

    h.link_add(&LinkAdd::dummy("port0").master(LinkRef::from("vrf0")))
        .unwrap();
    let port0 = show_matches_ip("port0");
    assert_eq!(port0["master"], "vrf0");
    assert_eq!(port0["linkinfo"]["info_slave_kind"], "vrf");
    assert_eq!(port0["linkinfo"]["info_slave_data"]["table"], 10);
    details_text_matches_ip("port0");
    ok(&["link", "add", "port1", "type", "dummy"]);
    ok(&["link", "set", "port1", "master", "vrf1"]);
    let port1 = show_matches_ip("port1");
    assert_eq!(port1["linkinfo"]["info_slave_data"]["table"], 20);
    details_text_matches_ip("port1");

    let (code, message) = same_failure(&["link", "add", "vrf3", "type", "vrf"]);
    assert_eq!(code, Some(2), "a kernel refusal: {message}");
    let err = h.link_add(&LinkAdd::other("vrf3", "vrf")).unwrap_err();
    assert_eq!(
        err.to_string(),
        message,
        "the library reports the kernel's refusal"
    );
    same_failure(&["link", "add", "vrf3", "type", "vrf", "table", "nosuch"]);

    for name in ["port0", "port1", "vrf1", "vrf2"] {
        ok(&["link", "del", name]);
        gone(name);
    }
    h.link_del(LinkRef::from("vrf0")).unwrap();
    gone("vrf0");
}

/// What Linux 6.1 does differently from the 6.18 the host suite was written on, each seen as the
/// kernel's own error through the library and the binary, the same as ip 6.1 reports it. (The
/// host tests that expect the newer behaviour are skipped in the VM: tests/vm/matrix-guest.sh.)
#[test]
#[ignore = "runs in the 6.1 VM: tests/vm/matrix.sh"]
fn linux_6_1_differences_are_the_kernels_errors() {
    in_vm();
    let mut h = Handle::new().unwrap();
    h.link_add(&LinkAdd::veth("v0", "v1").up()).unwrap();

    // Renaming a link that is up: EBUSY before 6.2 (later kernels allow it).
    let busy = h
        .link_set(&LinkSet::new(LinkRef::from("v0")).name("left"))
        .unwrap_err();
    assert_eq!(busy.errno(), Some(rustix::io::Errno::BUSY));
    assert_eq!(
        busy.to_string(),
        "RTNETLINK answers: Device or resource busy"
    );
    let (code, message) = same_failure(&["link", "set", "v0", "name", "left"]);
    assert_eq!(
        (code, message.as_str()),
        (Some(2), "RTNETLINK answers: Device or resource busy")
    );
    let (code, _) = same_failure(&["link", "set", "v0", "down", "name", "left"]);
    assert_eq!(
        code,
        Some(2),
        "the rename comes before the flags in one request"
    );
    assert_eq!(ip_link("v0")["ifname"], "v0");

    // An address assigned twice: a bare EEXIST (the "ipv4: Address already assigned" ext-ack
    // came later).
    let spec = rtnl_ip::AddressSpec::new("v0", "192.0.2.1/24".parse().unwrap());
    h.address_add(&spec).unwrap();
    let exists = h.address_add(&spec).unwrap_err();
    assert_eq!(exists.errno(), Some(rustix::io::Errno::EXIST));
    assert_eq!(exists.to_string(), "RTNETLINK answers: File exists");
    let (code, message) = same_failure(&["addr", "add", "192.0.2.1/24", "dev", "v0"]);
    assert_eq!(
        (code, message.as_str()),
        (Some(2), "RTNETLINK answers: File exists")
    );
}

/// Two vrfs (`blue`, table 1001, so the dump filter goes as `RTA_TABLE`; `red`, table 10), a
/// veth end enslaved to `blue` with addresses of both families, routes added by ip into each
/// table, and a neighbour on each veth end; DAD off so nothing changes between two reads.
fn vrf_routes_setup() {
    for path in [
        "/proc/sys/net/ipv6/conf/all/accept_dad",
        "/proc/sys/net/ipv6/conf/default/accept_dad",
    ] {
        std::fs::write(path, "0").expect(path);
    }
    for cmd in [
        "link add blue type vrf table 1001",
        "link add red type vrf table 10",
        "link add v0 type veth peer name v1",
        "link set v0 master blue",
        "link set blue up",
        "link set red up",
        "link set v0 up",
        "link set v1 up",
        "addr add 192.0.2.1/24 dev v0",
        "addr add 2001:db8::1/64 dev v0 nodad",
        "addr add 198.51.100.1/24 dev v1",
    ] {
        ip(&cmd.split(' ').collect::<Vec<_>>());
    }
    for dev in ["v0", "v1"] {
        let mut up = false;
        for _ in 0..500 {
            if ip(&["link", "show", "dev", dev]).contains(",LOWER_UP>") {
                up = true;
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(up, "{dev} has no carrier");
    }
    for cmd in [
        "route add 203.0.113.0/24 via 192.0.2.9 vrf blue",
        "route add unreachable default metric 4278198272 vrf blue",
        "-6 route add 2001:db8:5::/64 via 2001:db8::9 vrf blue",
        "route add 203.0.113.0/25 dev v1 table 10",
        "neigh add 192.0.2.5 lladdr 02:00:00:00:00:05 dev v0 nud permanent",
        "neigh add 198.51.100.6 lladdr 02:00:00:00:00:06 dev v1 nud permanent",
    ] {
        ip(&cmd.split(' ').collect::<Vec<_>>());
    }
}

/// Every route of both families, as `ip` lists them, sorted; the local routes of link-local
/// addresses left out (those addresses come from random MAC addresses).
fn all_routes() -> String {
    let mut lines: Vec<String> = Vec::new();
    for family in ["-4", "-6"] {
        lines.extend(
            ip(&[family, "route", "show", "table", "all"])
                .lines()
                .filter(|line| !line.starts_with("local fe80:"))
                .map(str::to_owned),
        );
    }
    lines.sort_unstable();
    lines.join("\n")
}

/// `vrf NAME` naming a real vrf, as ip 6.1 reads it: `route show|flush vrf` the vrf's table
/// (ip's `ipvrf_get_table()`: `IFLA_VRF_TABLE` of the link) without its local and broadcast
/// routes, `route get ... vrf` its device as the output interface, `route add|del ... vrf`
/// its table, `neigh show vrf` the neighbours of its ports (`name_is_vrf()`: its index as the
/// master filter). Stdout, stderr and exit code byte for byte against ip, and the routes a
/// flush or an add leaves against what ip's leaves.
#[test]
#[ignore = "runs in the 6.1 VM: tests/vm/matrix.sh"]
fn vrf_routes_and_neighbours_as_ip() {
    in_vm();
    vrf_routes_setup();
    let mut text = String::new();
    for form in [
        "route show vrf blue",
        "-j route show vrf blue",
        "-d route show vrf blue",
        "-6 route show vrf blue",
        "-j -6 route show vrf blue",
        "route show vrf red",
        "route show vrf blue 203.0.113.0/24",
        "route show vrf blue proto kernel",
        "route show vrf default",
        "route get 203.0.113.7 vrf blue",
        "-j route get 203.0.113.7 vrf blue",
        "-6 route get 2001:db8:5::7 vrf blue",
        "route get 203.0.113.7 vrf red",
        "route get 203.0.113.7 vrf blue fibmatch",
        "neigh show vrf blue",
        "-j neigh show vrf blue",
        "-br neigh show vrf blue",
        "neigh show vrf red",
        "link show vrf blue",
        "-br link show vrf blue",
        "address show vrf blue",
        "-j address show vrf blue",
        "link show vrf red",
    ] {
        let out = common::same(&form.split(' ').collect::<Vec<_>>());
        text.push_str(&format!(
            "{form}:\n{}",
            String::from_utf8_lossy(&out.stdout)
        ));
    }
    for part in [
        "route show vrf blue:\nunreachable default metric 4278198272 \n",
        "203.0.113.0/24 via 192.0.2.9 dev v0 \n",
        "192.0.2.0/24 dev v0 proto kernel scope link src 192.0.2.1 \n",
        "2001:db8:5::/64 via 2001:db8::9 dev v0 metric 1024 pref medium\n",
        "203.0.113.7 via 192.0.2.9 dev v0 table 1001 src 192.0.2.1 uid 0 \n",
        "route show vrf red:\n203.0.113.0/25 dev v1 scope link \n",
        "192.0.2.5 dev v0 lladdr 02:00:00:00:00:05 PERMANENT \n",
        ": v0@v1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master blue ",
        "inet 192.0.2.1/24 scope global v0\n",
    ] {
        assert!(text.contains(part), "no {part:?} in\n{text}");
    }
    let blue = text.split("route show vrf red:").next().unwrap_or_default();
    assert!(
        !blue.contains("\nlocal ") && !blue.contains("\nbroadcast "),
        "local and broadcast routes are left out:\n{blue}"
    );
    let neighbours = &text[text.find("neigh show vrf blue:").unwrap_or(0)..];
    assert!(!neighbours.contains("198.51.100.6"), "{neighbours}");
    for form in [
        "route show vrf v0",
        "route show vrf nosuch",
        "route flush vrf v1",
        "route get 203.0.113.7 vrf v0",
        "neigh show vrf v1",
        "neigh show vrf nosuch",
        "route add 203.0.113.128/25 dev v0 vrf v1",
        "route get 203.0.113.7 vrf blue as 198.51.100.9",
    ] {
        same_failure(&form.split(' ').collect::<Vec<_>>());
    }

    // `route add|del ... vrf`: the route goes into (and out of) the vrf's table.
    ok(&[
        "route",
        "add",
        "203.0.113.128/25",
        "via",
        "192.0.2.9",
        "vrf",
        "blue",
    ]);
    assert_eq!(
        ip(&["route", "show", "table", "1001", "203.0.113.128/25"]),
        "203.0.113.128/25 via 192.0.2.9 dev v0 \n"
    );
    ok(&["route", "del", "203.0.113.128/25", "vrf", "blue"]);
    assert_eq!(
        ip(&["route", "show", "table", "1001", "203.0.113.128/25"]),
        ""
    );

    // Flushes, each in a fresh namespace set up the same way for rtnl and for ip.
    for form in [
        "route flush vrf blue",
        "-s route flush vrf blue",
        "-s -s route flush vrf blue",
        "-s -6 route flush vrf blue",
        "-s route flush vrf red",
    ] {
        let run = |program: &'static str| {
            let words: Vec<String> = form.split(' ').map(str::to_owned).collect();
            std::thread::spawn(move || {
                private_netns();
                vrf_routes_setup();
                let out = Command::new(program).args(&words).output().expect("run");
                (
                    out.status.code(),
                    String::from_utf8_lossy(&out.stdout).into_owned(),
                    String::from_utf8_lossy(&out.stderr).into_owned(),
                    all_routes(),
                )
            })
            .join()
            .expect("flush thread")
        };
        let ours = run(common::RTNL);
        let theirs = run("ip");
        assert_eq!(ours, theirs, "{form}");
        assert_eq!(ours.0, Some(0), "{form}");
        if form.contains("-s") && form.contains("blue") {
            assert!(
                ours.1.contains("*** Round 1, deleting "),
                "{form}: {}",
                ours.1
            );
        }
        // What stays: the vrf's local and broadcast routes, and the other tables.
        assert!(
            ours.3.contains("local 192.0.2.1 dev v0 table 1001 "),
            "{form}: {}",
            ours.3
        );
    }
}
