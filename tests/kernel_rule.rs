//! Routing policy rules against the real kernel, each test in its own network namespace (rules
//! are per namespace), each result checked through `ip -j -d rule show` on the same state and
//! through our own dumps (owned and streaming).

mod common;

use std::net::IpAddr;
use std::time::Duration;

use common::{ip, ip_json, printed, private_netns};
use rtnl_ip::codec::request::RuleDump;
use rtnl_ip::codec::{RuleMessage, af, fib_rule, fr_act, rtprot};
use rtnl_ip::monitor::{Event, Monitor, MonitorGroups};
use rtnl_ip::{ErrorKind, Family, Handle, Rule, RuleFilter, RuleSpec, show};
use rustix::io::Errno;
use serde_json::{Value, json};

fn addr(text: &str) -> IpAddr {
    text.parse().expect("address")
}

/// A private namespace with a veth pair `v0`-`v1` (for `iif`/`oif`), and a handle.
fn setup() -> Handle {
    private_netns();
    ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
    Handle::new().expect("handle")
}

/// Every selector and action `ip rule` has, one rule each (some rules carry several).
fn every_selector() -> Vec<RuleSpec<'static>> {
    let v4 = RuleSpec::default();
    let v6 = RuleSpec {
        family: af::INET6,
        ..RuleSpec::default()
    };
    vec![
        RuleSpec {
            priority: Some(10),
            src: Some((addr("192.0.2.0"), 24)),
            dst: Some((addr("198.51.100.0"), 24)),
            table: Some(100),
            ..v4
        },
        RuleSpec {
            priority: Some(11),
            invert: true,
            tos: 0x10,
            fwmark: Some(0x10),
            fwmask: Some(0xff),
            table: Some(1000),
            ..v4
        },
        RuleSpec {
            priority: Some(12),
            iif: Some(b"v0"),
            oif: Some(b"v1"),
            table: Some(254),
            protocol: Some(rtprot::STATIC),
            ..v4
        },
        RuleSpec {
            priority: Some(13),
            uid_range: Some((1000, 2000)),
            ip_proto: Some(6),
            sport: Some((1000, 2000)),
            dport: Some((80, 80)),
            table: Some(7),
            ..v4
        },
        RuleSpec {
            priority: Some(14),
            table: Some(8),
            suppress_prefixlen: Some(0),
            suppress_ifgroup: Some(3),
            realms: Some(3 << 16 | 4),
            ..v4
        },
        RuleSpec {
            priority: Some(15),
            goto: Some(20),
            ..v4
        },
        RuleSpec {
            priority: Some(16),
            goto: Some(30),
            ..v4
        },
        RuleSpec {
            priority: Some(20),
            action: Some(fr_act::NOP),
            ..v4
        },
        RuleSpec {
            priority: Some(21),
            src: Some((addr("203.0.113.0"), 24)),
            action: Some(fr_act::BLACKHOLE),
            ..v4
        },
        RuleSpec {
            priority: Some(22),
            action: Some(fr_act::UNREACHABLE),
            fwmark: Some(1),
            ..v4
        },
        RuleSpec {
            priority: Some(23),
            action: Some(fr_act::PROHIBIT),
            fwmark: Some(2),
            ..v4
        },
        RuleSpec {
            priority: Some(24),
            l3mdev: true,
            ..v4
        },
        RuleSpec {
            priority: Some(10),
            src: Some((addr("2001:db8::"), 32)),
            dst: Some((addr("2001:db8:1::1"), 128)),
            table: Some(100),
            ..v6
        },
        RuleSpec {
            priority: Some(11),
            ip_proto: Some(58),
            oif: Some(b"v0"),
            fwmark: Some(0),
            fwmask: Some(0xfff),
            table: Some(9),
            protocol: Some(rtprot::BOOT),
            ..v6
        },
    ]
}

/// Our rendering of each rule of `family` (with `-d`), through the streaming dump.
fn printed_rules(handle: &mut Handle, family: Family) -> Vec<Value> {
    let mut out = Vec::new();
    handle
        .for_each_rule(&RuleFilter::new().family(family), |m| {
            out.push(printed(|p| show::rule::rule(p, m, true)));
        })
        .expect("dump rules");
    out
}

/// `RuleFilter::new()` (every IPv4 rule) changed by `set`.
fn with(set: impl FnOnce(&mut RuleFilter<'static>)) -> RuleFilter<'static> {
    let mut filter = RuleFilter::new();
    set(&mut filter);
    filter
}

/// `ip -j -d [-6] rule show`.
fn ip_rules(family: Family) -> Vec<Value> {
    let args: &[&str] = match family {
        Family::V4 => &["rule", "show"],
        Family::V6 => &["-6", "rule", "show"],
    };
    ip_json(args).as_array().expect("array").clone()
}

/// The rule of priority `priority` in `ip`'s list.
fn ip_rule(family: Family, priority: u32) -> Value {
    ip_rules(family)
        .into_iter()
        .find(|r| r["priority"] == priority)
        .unwrap_or_else(|| panic!("ip has no rule {priority}"))
}

#[test]
fn every_selector_reaches_the_kernel_as_ip_sees_it() {
    let mut handle = setup();
    for spec in every_selector() {
        handle
            .rule_add(&spec)
            .unwrap_or_else(|e| panic!("{spec:?}: {e}"));
    }
    // The whole tables, key for key, in the kernel's order.
    for family in [Family::V4, Family::V6] {
        assert_eq!(printed_rules(&mut handle, family), ip_rules(family));
    }

    // Each selector, as ip reports it.
    let v4 = |priority| ip_rule(Family::V4, priority);
    assert_eq!(v4(10)["src"], "192.0.2.0");
    assert_eq!(
        (v4(10)["srclen"].clone(), v4(10)["dst"].clone()),
        (json!(24), json!("198.51.100.0"))
    );
    assert_eq!(v4(10)["table"], "100");
    assert_eq!(v4(11)["not"], Value::Null);
    assert!(v4(11).as_object().unwrap().contains_key("not"));
    assert_eq!(
        (v4(11)["tos"].clone(), v4(11)["fwmark"].clone()),
        (json!("0x10"), json!("0x10"))
    );
    assert_eq!(
        (v4(11)["fwmask"].clone(), v4(11)["table"].clone()),
        (json!("0xff"), json!("1000"))
    );
    assert_eq!(
        (v4(12)["iif"].clone(), v4(12)["oif"].clone()),
        (json!("v0"), json!("v1"))
    );
    assert_eq!(
        (v4(12)["table"].clone(), v4(12)["protocol"].clone()),
        (json!("main"), json!("static"))
    );
    assert_eq!(
        (v4(13)["uid_start"].clone(), v4(13)["uid_end"].clone()),
        (json!(1000), json!(2000))
    );
    assert_eq!(v4(13)["ipproto"], "tcp");
    assert_eq!(
        (v4(13)["sport_start"].clone(), v4(13)["sport_end"].clone()),
        (json!(1000), json!(2000))
    );
    assert_eq!(v4(13)["dport"], 80);
    assert_eq!(v4(14)["suppress_prefixlen"], 0);
    assert_eq!(v4(14)["suppress_ifgroup"], "3");
    assert_eq!(
        (v4(14)["flow_from"].clone(), v4(14)["flow_to"].clone()),
        (json!("3"), json!("4"))
    );
    assert_eq!(v4(15)["goto"], 20);
    assert!(!v4(15).as_object().unwrap().contains_key("unresolved"));
    assert!(v4(16).as_object().unwrap().contains_key("unresolved"));
    assert!(v4(20).as_object().unwrap().contains_key("nop"));
    assert_eq!(v4(21)["action"], "blackhole");
    assert_eq!(v4(22)["action"], "unreachable");
    assert_eq!(v4(23)["action"], "prohibit");
    assert!(v4(24).as_object().unwrap().contains_key("l3mdev"));
    let v6 = |priority| ip_rule(Family::V6, priority);
    assert_eq!(
        (v6(10)["src"].clone(), v6(10)["srclen"].clone()),
        (json!("2001:db8::"), json!(32))
    );
    assert_eq!(v6(10)["dst"], "2001:db8:1::1");
    assert!(!v6(10).as_object().unwrap().contains_key("dstlen"));
    assert_eq!(
        (v6(11)["ipproto"].clone(), v6(11)["oif"].clone()),
        (json!("ipv6-icmp"), json!("v0"))
    );
    assert_eq!(
        (v6(11)["fwmark"].clone(), v6(11)["fwmask"].clone()),
        (json!("0"), json!("0xfff"))
    );

    // The owned values say the same.
    let rules = handle.rules(&RuleFilter::new()).expect("rules");
    let find = |priority| rules.iter().find(|r| r.priority == Some(priority)).unwrap();
    assert_eq!(rules.len(), ip_rules(Family::V4).len());
    assert_eq!(
        (find(10).src, find(10).src_len, find(10).table),
        (Some(addr("192.0.2.0")), 24, 100)
    );
    assert_eq!(find(11).flags & fib_rule::INVERT, fib_rule::INVERT);
    assert_eq!(
        (find(11).tos, find(11).fwmark, find(11).fwmask),
        (0x10, Some(0x10), Some(0xff))
    );
    assert_eq!(
        (find(12).iif.as_deref(), find(12).oif.as_deref()),
        (Some(&b"v0"[..]), Some(&b"v1"[..]))
    );
    assert_eq!(find(12).protocol, Some(rtprot::STATIC));
    assert_eq!(
        (find(13).uid_range, find(13).ip_proto),
        (Some((1000, 2000)), Some(6))
    );
    assert_eq!(
        (find(13).sport, find(13).dport),
        (Some((1000, 2000)), Some((80, 80)))
    );
    assert_eq!(
        (find(14).suppress_prefixlen, find(14).suppress_ifgroup),
        (Some(0), Some(3))
    );
    assert_eq!(find(14).realms, Some(3 << 16 | 4));
    assert_eq!((find(15).action, find(15).goto), (fr_act::GOTO, Some(20)));
    assert_eq!(find(16).flags & fib_rule::UNRESOLVED, fib_rule::UNRESOLVED);
    assert_eq!(find(20).action, fr_act::NOP);
    assert_eq!(find(21).action, fr_act::BLACKHOLE);
    assert_eq!(find(22).action, fr_act::UNREACHABLE);
    assert_eq!(find(23).action, fr_act::PROHIBIT);
    assert!(find(24).l3mdev);
    // The rule of priority 0 has no FRA_PRIORITY.
    assert_eq!(rules[0].priority, None);
    assert_eq!(rules[0].table, 255);
}

#[test]
fn filters_keep_what_ip_keeps() {
    let mut handle = setup();
    for spec in every_selector() {
        handle.rule_add(&spec).expect("add");
    }
    let cases: Vec<(RuleFilter<'static>, &[&str])> = vec![
        (
            with(|f| {
                f.priority = Some(13);
            }),
            &["pref", "13"],
        ),
        (
            with(|f| {
                f.table = 100;
            }),
            &["table", "100"],
        ),
        (
            with(|f| {
                f.src = Some("192.0.0.0/8".parse().unwrap());
            }),
            &["from", "192.0.0.0/8"],
        ),
        (
            with(|f| {
                f.iif = Some(b"v0");
            }),
            &["iif", "v0"],
        ),
        (
            with(|f| {
                f.fwmark = 0x10;
                f.fwmask = 0xff;
            }),
            &["fwmark", "0x10/0xff"],
        ),
        (
            with(|f| {
                f.invert = true;
            }),
            &["not"],
        ),
        (
            with(|f| {
                f.dport = Some((80, 80));
            }),
            &["dport", "80"],
        ),
        (
            with(|f| {
                f.l3mdev = true;
            }),
            &["l3mdev"],
        ),
    ];
    for (filter, words) in cases {
        let ours: Vec<Option<u32>> = handle
            .rules(&filter)
            .expect("rules")
            .iter()
            .map(|r| r.priority)
            .collect();
        let mut args = vec!["rule", "show"];
        args.extend_from_slice(words);
        let theirs: Vec<Option<u32>> = ip_json(&args)
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["priority"].as_u64().map(|p| p as u32).filter(|&p| p != 0))
            .collect();
        assert!(!theirs.is_empty(), "{words:?} keeps nothing");
        assert_eq!(ours, theirs, "{words:?}");
    }
}

#[test]
fn delete_and_flush_as_ip_does() {
    let mut handle = setup();
    for spec in every_selector() {
        handle.rule_add(&spec).expect("add");
    }
    // Adding the same rule again is refused.
    let err = handle.rule_add(&every_selector()[0]).unwrap_err();
    assert_eq!(err.errno(), Some(Errno::EXIST), "{err}");

    // Deleting by priority alone takes that rule, and only it.
    let before = ip_rules(Family::V4).len();
    let by_priority = RuleSpec {
        priority: Some(13),
        ..RuleSpec::default()
    };
    handle.rule_del(&by_priority).expect("delete");
    assert_eq!(ip_rules(Family::V4).len(), before - 1);
    assert!(ip_rules(Family::V4).iter().all(|r| r["priority"] != 13));
    let err = handle.rule_del(&by_priority).unwrap_err();
    assert_eq!(err.errno(), Some(Errno::NOENT), "{err}");

    // A flush of IPv4 with a protocol selector takes only that protocol's rules.
    let statics = with(|f| {
        f.protocol = Some(rtprot::STATIC);
    });
    let removed = handle.rule_flush(&statics).expect("flush static");
    assert!(removed >= 1);
    assert!(ip_rules(Family::V4).iter().all(|r| r["priority"] != 12));
    assert!(ip_rules(Family::V4).iter().any(|r| r["priority"] == 10));

    // A flush of IPv4 leaves the rule of priority 0 and every IPv6 rule.
    let v6_before = ip_rules(Family::V6);
    handle.rule_flush(&RuleFilter::new()).expect("flush");
    let left = ip_rules(Family::V4);
    assert_eq!(
        left,
        vec![json!({"priority": 0, "src": "all", "table": "local", "protocol": "kernel"})]
    );
    assert_eq!(ip_rules(Family::V6), v6_before);
    handle
        .rule_flush(&RuleFilter::new().family(Family::V6))
        .expect("flush v6");
    assert_eq!(ip_rules(Family::V6).len(), 1);

    // The codec refuses what ip refuses before sending.
    let err = handle
        .rule_add(&RuleSpec {
            l3mdev: true,
            table: Some(5),
            ..RuleSpec::default()
        })
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Request(_)), "{err:?}");
}

#[test]
fn generic_dumps_see_both_families() {
    let mut handle = setup();
    for spec in every_selector() {
        handle.rule_add(&spec).expect("add");
    }
    let both = RuleDump::default();
    // An AF_UNSPEC dump is every rule family the kernel has: on a kernel built with multiple
    // multicast routing tables (Debian's 6.1) also RTNL_FAMILY_IPMR (128) and IP6MR (129),
    // which `ip rule` shows with neither -4 nor -6.
    let (mut families, mut multicast) = ((0, 0), 0);
    handle
        .dump(&both, |m: &RuleMessage<'_>| match m.family() {
            af::INET => families.0 += 1,
            af::INET6 => families.1 += 1,
            128 | 129 => multicast += 1,
            other => panic!("family {other}"),
        })
        .expect("dump");
    assert_eq!(
        families,
        (ip_rules(Family::V4).len(), ip_rules(Family::V6).len())
    );
    let owned: Vec<Rule> = handle.dump_owned(&both).expect("dump owned");
    assert_eq!(owned.len(), families.0 + families.1 + multicast);
}

#[test]
fn the_monitor_reports_rules() {
    let mut handle = setup();
    let mut monitor = Monitor::new(MonitorGroups::RULE).expect("monitor");
    monitor.set_deadline(Some(rtnl_ip::Deadline::after(Duration::from_secs(10))));
    let spec = RuleSpec {
        priority: Some(42),
        fwmark: Some(7),
        table: Some(42),
        ..RuleSpec::default()
    };
    handle.rule_add(&spec).expect("add");
    match monitor.next_event().expect("event") {
        Event::NewRule(rule) => assert_eq!(
            (rule.priority, rule.fwmark, rule.table),
            (Some(42), Some(7), 42)
        ),
        other => panic!("{other:?}"),
    }
    handle.rule_del(&spec).expect("delete");
    match monitor.next_event().expect("event") {
        Event::DelRule(rule) => assert_eq!(rule.priority, Some(42)),
        other => panic!("{other:?}"),
    }
    // A snapshot holds the rules of both families, as ip lists them.
    let snapshot = monitor.snapshot().expect("snapshot");
    assert_eq!(
        snapshot.rules.len(),
        ip_rules(Family::V4).len() + ip_rules(Family::V6).len()
    );
}

/// A rule's `iif`/`oif` names are kept as the kernel's bytes in the owned `Rule` (a name need
/// not be UTF-8, nor name a device that exists), and match `ip -j`'s view of the same rule.
#[test]
fn owned_rule_keeps_device_names_as_bytes() {
    let mut handle = setup();
    let spec = RuleSpec {
        priority: Some(40),
        iif: Some(b"v\xff0"),
        oif: Some(b"w\xfe\x80"),
        table: Some(100),
        ..RuleSpec::default()
    };
    handle.rule_add(&spec).expect("rule add");
    let rules = handle
        .rules(&RuleFilter::new().family(Family::V4))
        .expect("rules");
    let rule = rules
        .iter()
        .find(|r| r.priority == Some(40))
        .expect("rule 40");
    assert_eq!(
        (rule.iif.as_deref(), rule.oif.as_deref()),
        (Some(&b"v\xff0"[..]), Some(&b"w\xfe\x80"[..]))
    );
    // ip prints the same bytes (devices that do not exist are `[detached]`), and so does rtnl.
    let show = |program: &str| {
        std::process::Command::new(program)
            .args(["rule", "show", "pref", "40"])
            .output()
            .expect("run")
            .stdout
    };
    assert_eq!(
        show("ip"),
        b"40:\tfrom all iif v\xff0 [detached] oif w\xfe\x80 [detached] lookup 100\n".to_vec()
    );
    assert_eq!(show(common::RTNL), show("ip"));
}
