//! The rule dumps of the real kernel (`tests/fixtures/rules4.bin`, `rules6.bin`), decoded by
//! rtnl-codec and printed by `rtnl_ip::show::rule`, against what `ip -j -d [-6] rule show`
//! printed for the same state at the same moment (`rules4.ip.json`, `rules6.ip.json`, made by
//! `examples/capture_fixtures.rs`). Counts are checked, so no test passes on an empty fixture.

mod common;

use common::{fixture, printed};
use rtnl_ip::codec::{Messages, Payload, RuleMessage, nlmsg};
use rtnl_ip::{Rule, show};
use serde_json::Value;

/// Every rule of a dump fixture, checked well formed to its `NLMSG_DONE`, through `each`.
fn each_rule(name: &str, mut each: impl FnMut(&RuleMessage<'_>)) -> usize {
    let bytes = fixture(name);
    let (mut rules, mut done) = (0, false);
    for message in Messages::new(&bytes) {
        let message = message.expect("well-formed message");
        assert!(!done, "{name}: messages after NLMSG_DONE");
        if message.ty() == nlmsg::DONE {
            done = true;
            continue;
        }
        // The generic decode and the view's own parse agree.
        assert!(matches!(message.decode(), Ok(Payload::Rule(_))), "{name}");
        each(&RuleMessage::parse(message).expect("rule"));
        rules += 1;
    }
    assert!(done, "{name}: dump without NLMSG_DONE");
    rules
}

fn ip_json(name: &str) -> Vec<Value> {
    serde_json::from_slice(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn rule_dumps_print_what_ip_printed() {
    for (bin, json, expected) in [
        ("rules4.bin", "rules4.ip.json", 13),
        ("rules6.bin", "rules6.ip.json", 4),
    ] {
        let mut ours = Vec::new();
        let n = each_rule(bin, |m| {
            ours.push(printed(|p| show::rule::rule(p, m, true)))
        });
        assert_eq!(n, expected, "{bin}");
        assert_eq!(ours, ip_json(json), "{bin}");
    }
}

#[test]
fn owned_rules_hold_what_ip_printed() {
    let mut rules = Vec::new();
    each_rule("rules4.bin", |m| rules.push(Rule::from_message(m)));
    let theirs = ip_json("rules4.ip.json");
    assert_eq!(rules.len(), theirs.len());
    let mut compared = 0;
    for (ours, theirs) in rules.iter().zip(&theirs) {
        assert_eq!(
            u64::from(ours.priority.unwrap_or(0)),
            theirs["priority"].as_u64().unwrap()
        );
        if let Some(src) = theirs["src"].as_str().filter(|s| *s != "all") {
            assert_eq!(ours.src.unwrap().to_string(), src);
            compared += 1;
        }
        if let Some(iif) = theirs["iif"].as_str() {
            assert_eq!(ours.iif.as_deref(), Some(iif.as_bytes()));
            compared += 1;
        }
        if let Some(start) = theirs["uid_start"].as_u64() {
            assert_eq!(ours.uid_range.map(|r| u64::from(r.0)), Some(start));
            compared += 1;
        }
        if let Some(target) = theirs["goto"].as_u64() {
            assert_eq!(ours.goto.map(u64::from), Some(target));
            compared += 1;
        }
        compared += 1;
    }
    // 13 priorities, 2 sources, 2 input devices, 1 uid range, 2 gotos.
    assert_eq!(compared, 20);
}
