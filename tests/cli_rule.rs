//! `rtnl rule` and `rtnl monitor rule` against `ip` itself, byte for byte (stdout, stderr,
//! exit code). Rules are per network namespace: every test makes its own, and a command that
//! changes state runs once with each tool, each in a fresh namespace of its own, before the
//! two states are compared.

mod common;

use std::process::Command;
use std::time::Duration;

use common::{RTNL, Watcher, ip, private_netns, same, same_failure};

/// The state `ip` shows of every rule, in every form the tests compare.
fn rule_state() -> String {
    let mut state = String::new();
    for args in [
        &["-d", "rule"][..],
        &["-d", "-6", "rule"],
        &["-j", "-d", "rule"],
        &["-j", "-d", "-6", "rule"],
    ] {
        state.push_str(&ip(args));
    }
    state
}

/// What one command printed and how it exited.
type Outcome = (Option<i32>, String, String);

/// Runs `program` with each of `commands` in order, in a fresh namespace (on a thread of its
/// own) with a veth pair `v0`-`v1`; what each printed, and the rules at the end.
fn run_fresh(program: &'static str, commands: &[&[&str]]) -> (Vec<Outcome>, String) {
    let commands: Vec<Vec<String>> = commands
        .iter()
        .map(|c| c.iter().map(|w| (*w).to_owned()).collect())
        .collect();
    std::thread::spawn(move || {
        private_netns();
        ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
        let outcomes = commands
            .iter()
            .map(|args| {
                common::outcome_text(&Command::new(program).args(args).output().expect("run"))
            })
            .collect();
        (outcomes, rule_state())
    })
    .join()
    .expect("thread")
}

/// `commands` run by `rtnl` and by `ip`, each in its own fresh namespace: the same output of
/// every command, and the same rules at the end.
fn same_changes(commands: &[&[&str]]) -> String {
    let (ours, our_state) = run_fresh(RTNL, commands);
    let (theirs, their_state) = run_fresh("ip", commands);
    for ((command, ours), theirs) in commands.iter().zip(&ours).zip(&theirs) {
        assert_eq!(ours, theirs, "rtnl vs ip: {}", command.join(" "));
    }
    assert_eq!(our_state, their_state, "the rules after {commands:?}");
    our_state
}

/// Rules with every selector and action, made by `ip`.
fn many_rules() {
    ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
    for rule in [
        "rule add not fwmark 0x10 iif lo oif v0 table 3 pref 3 protocol 99 ipproto udp sport 53 dport 1000-2000 uidrange 0-100 tos 0x10 suppress_prefixlength 0 suppress_ifgroup 0 realms 3/4",
        "rule add pref 7 unreachable",
        "rule add pref 8 prohibit",
        "rule add pref 9 goto 32766",
        "rule add pref 11 goto 12",
        "rule add pref 13 blackhole",
        "rule add pref 14 nop",
        "rule add pref 15 from 192.0.2.0/24 to 198.51.100.7 lookup 1000 fwmark 5/0xff",
        "rule add pref 16 from 192.0.2.1/24 lookup 6 protocol static",
        "-6 rule add pref 4 fwmark 0/0xfff oif nonexist from 2001:db8::1 to 2001:db8:1::/48 l3mdev",
        "-6 rule add ipproto 200 lookup 7 pref 12 sport 5-6 dport 7",
        "-6 rule add from 2001:db8::/32 lookup main pref 100 iif v0",
    ] {
        ip(&rule.split(' ').collect::<Vec<_>>());
    }
}

#[test]
fn show_prints_what_ip_prints() {
    private_netns();
    many_rules();
    for args in [
        &["rule"][..],
        &["ru"],
        &["rule", "show"],
        &["rule", "list"],
        &["rule", "lst"],
        &["rule", "s"],
        &["rule", "l"],
        &["-d", "rule"],
        &["-j", "rule"],
        &["-j", "-d", "rule"],
        &["-j", "-p", "rule"],
        &["-6", "rule"],
        &["-6", "-d", "rule"],
        &["-6", "-j", "-p", "-d", "rule"],
        &["-4", "rule", "show"],
        &["rule", "show", "pref", "3"],
        &["rule", "show", "priority", "0x3"],
        &["rule", "show", "table", "1000"],
        &["rule", "show", "lookup", "main"],
        &["rule", "show", "from", "192.0.2.0/16"],
        &["rule", "show", "from", "all"],
        &["rule", "show", "to", "198.51.100.0/24"],
        &["rule", "show", "198.51.100.0/24"],
        &["rule", "show", "not"],
        &["rule", "show", "fwmark", "5"],
        &["rule", "show", "fwmark", "5/0xff"],
        &["rule", "show", "iif", "lo"],
        &["rule", "show", "dev", "lo"],
        &["rule", "show", "oif", "v0"],
        &["rule", "show", "uidrange", "0-100"],
        &["rule", "show", "ipproto", "udp"],
        &["rule", "show", "sport", "53"],
        &["rule", "show", "dport", "1000-2000"],
        &["rule", "show", "tos", "0x10"],
        &["rule", "show", "protocol", "static"],
        &["-6", "rule", "show", "l3mdev"],
        &["-6", "rule", "show", "iif", "v0"],
        &["-6", "rule", "show", "from", "2001:db8::/16"],
        &["-j", "rule", "show", "pref", "999"],
        &["rule", "show", "pref", "999"],
    ] {
        same(args);
    }
}

#[test]
fn errors_are_ips() {
    private_netns();
    ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
    ip(&["rule", "add", "pref", "5", "table", "5"]);
    for args in [
        &["rule", "add"][..],
        &["rule", "del"],
        &["rule", "delete"],
        &["rule", "frob"],
        &["rule", "del", "pref", "99"],
        &["rule", "add", "pref", "5", "table", "5"],
        &["rule", "add", "pref", "10", "goto", "5"],
        &["rule", "add", "pref", "5", "l3mdev", "table", "5"],
        &["rule", "add", "from", "2001:db8::/32", "table", "5"],
        &["-6", "rule", "add", "from", "192.0.2.0/24", "table", "5"],
        &["-4", "rule", "add", "from", "2001:db8::/32", "table", "5"],
        &["rule", "add", "from", "foo"],
        &["rule", "add", "to", "192.0.2.0/33"],
        &["rule", "add", "fwmark", "xyz"],
        &["rule", "add", "fwmark", "1/xyz"],
        &["rule", "add", "bogus"],
        &["rule", "add", "type", "bogus"],
        &["rule", "add", "pref"],
        &["rule", "add", "pref", "-1"],
        &["rule", "add", "tos", "0x100"],
        &["rule", "add", "tos", "0x28"],
        &["rule", "add", "iif", "a/b"],
        &["rule", "add", "oif", "12345678901234567"],
        &["rule", "add", "uidrange", "5"],
        &["rule", "add", "sport", "x"],
        &["rule", "add", "dport", "x-"],
        &["rule", "add", "ipproto", "foo"],
        &["rule", "add", "goto", "x"],
        &["rule", "add", "suppress_prefixlength", "-1"],
        &["rule", "add", "suppress_ifgroup", "x"],
        &["rule", "add", "table", "foo"],
        &["rule", "add", "protocol", "foo"],
        &["rule", "add", "realms", "x/y"],
        &["rule", "show", "pref", "abc"],
        &["rule", "show", "from", "foo"],
        &["-6", "rule", "show", "to", "192.0.2.0/24"],
        &["rule", "show", "uidrange", "1"],
        &["rule", "show", "protocol", "foo"],
        &["rule", "show", "table", "foo"],
        &["rule", "show", "sport", "x"],
        &["rule", "show", "to"],
        &["-0", "rule"],
        &["-0", "rule", "add", "table", "5"],
        &["-f", "link", "rule", "flush"],
    ] {
        same_failure(args);
        same(args);
    }
    // The grammar, as `ip rule help` gives it (naming rtnl), exit 255.
    let help = common::rtnl(&["rule", "help"]);
    assert_eq!(help.status.code(), Some(255));
    assert!(String::from_utf8_lossy(&help.stderr).starts_with("Usage: rtnl rule { add | del }"));
}

#[test]
fn add_and_delete_change_what_ip_changes() {
    let state = same_changes(&[
        &["rule", "add", "from", "192.0.2.0/24", "table", "100"],
        &["rule", "add", "from", "192.0.2.0/24", "table", "100"],
        &[
            "rule",
            "add",
            "not",
            "from",
            "192.0.2.0/24",
            "to",
            "198.51.100.0/24",
            "tos",
            "0x10",
            "fwmark",
            "0x10/0xff",
            "iif",
            "lo",
            "oif",
            "v0",
            "pref",
            "100",
            "table",
            "1000",
            "protocol",
            "static",
            "uidrange",
            "1000-2000",
            "ipproto",
            "tcp",
            "sport",
            "1000-2000",
            "dport",
            "80",
            "suppress_prefixlength",
            "8",
            "suppress_ifgroup",
            "3",
        ],
        &["rule", "add", "pref", "100", "table", "1000"],
        &[
            "-6",
            "rule",
            "add",
            "from",
            "2001:db8::/32",
            "lookup",
            "main",
            "priority",
            "200",
        ],
        &["rule", "add", "pref", "300", "goto", "400"],
        &["rule", "add", "pref", "301", "nop"],
        &[
            "rule",
            "add",
            "from",
            "203.0.113.0/24",
            "pref",
            "302",
            "blackhole",
        ],
        &["rule", "add", "pref", "303", "l3mdev"],
        &["rule", "add", "pref", "304", "type", "unreachable"],
        &["rule", "add", "pref", "305", "prohibit", "realms", "7"],
        &["rule", "add", "pref", "306", "unicast", "table", "9"],
        &["rule", "add", "from", "all", "table", "5"],
        &[
            "rule", "add", "dsfield", "0x04", "order", "0x200", "lookup", "default",
        ],
        &["rule", "del", "pref", "301"],
        &["rule", "delete", "from", "203.0.113.0/24"],
        &["rule", "del", "pref", "301"],
        &["-6", "rule", "del", "from", "2001:db8::/32"],
        &["rule", "d", "table", "100"],
        &["rule", "show"],
        &["-j", "-6", "rule"],
    ]);
    assert!(state.contains("100:\tnot from 192.0.2.0/24 to 198.51.100.0/24 tos 0x10 fwmark 0x10/0xff iif lo oif v0 uidrange 1000-2000"), "{state}");
}

#[test]
fn flush_keeps_what_ip_keeps() {
    let state = same_changes(&[
        &[
            "rule",
            "add",
            "from",
            "192.0.2.0/24",
            "table",
            "100",
            "protocol",
            "static",
        ],
        &["rule", "add", "fwmark", "3", "table", "101"],
        &["-6", "rule", "add", "from", "2001:db8::/32", "table", "102"],
        &["rule", "flush", "protocol", "static"],
        &["rule"],
        &["rule", "flush"],
        &["rule"],
        &["-6", "rule"],
        &["-6", "rule", "flush"],
        &["-j", "-6", "rule"],
    ]);
    assert!(
        state.starts_with(
            "0:\tfrom all lookup local proto kernel\n0:\tfrom all lookup local proto kernel\n"
        ),
        "{state}"
    );
}

/// A batch file of rule commands in `dir`.
fn batch_file(name: &str, text: &str) -> String {
    let path = std::env::temp_dir().join(format!("rtnl-cli-rule-{}-{name}", std::process::id()));
    std::fs::write(&path, text).expect("write batch file");
    path.to_str().unwrap().to_owned()
}

#[test]
fn batches_of_rules_run_as_ips() {
    let good = batch_file(
        "good",
        "rule add from 192.0.2.0/24 table 100 pref 10\n# a comment\nrule add fwmark 7 \\\n  table 7 pref 11\nrule show\nrule del pref 10\nrule\n",
    );
    let bad = batch_file(
        "bad",
        "rule add pref 20 table 20\nrule add pref 20 table 20\nrule del pref 99\nrule add\nrule add pref 21 table 21\nrule\n",
    );
    same_changes(&[&["-b", &good]]);
    same_changes(&[&["-b", &bad]]);
    same_changes(&[&["-force", "-b", &bad]]);
    for file in [good, bad] {
        let _ = std::fs::remove_file(file);
    }
}

/// Adds rules from priority `base` up with `ip` until every watcher has printed one (they are
/// all listening then); returns the line that marks it.
fn until_all_print(watchers: &[&Watcher], base: u32) -> String {
    for priority in base..base + 300 {
        let marker = format!("{priority}:\tfrom all fwmark {priority:#x} lookup {priority}\n");
        let (p, mark) = (priority.to_string(), format!("{priority:#x}"));
        ip(&["rule", "add", "pref", &p, "fwmark", &mark, "table", &p]);
        std::thread::sleep(Duration::from_millis(10));
        if watchers.iter().all(|w| w.text().contains(&marker)) {
            return marker;
        }
    }
    panic!("the monitors never printed a rule from {base}");
}

/// The lines after the first line that is `start` and before the first line that is `end`.
fn lines_between(text: &str, start: &str, end: &str) -> String {
    let from = text.find(start).expect("start marker") + start.len();
    let to = from + text[from..].find(end).expect("end marker");
    text[from..to].to_owned()
}

#[test]
fn monitor_prints_rules_as_ip_monitor_does() {
    private_netns();
    let ours = Watcher::start(RTNL, &["monitor", "rule"], "rule-ours");
    let theirs = Watcher::start("ip", &["monitor", "rule"], "rule-ip");
    let ours_label = Watcher::start(RTNL, &["monitor", "label", "ru"], "rule-ours-l");
    let theirs_label = Watcher::start("ip", &["monitor", "label", "ru"], "rule-ip-l");
    // Without an object both show every kind, rules among them.
    let ours_all = Watcher::start(RTNL, &["monitor"], "rule-ours-all");
    let theirs_all = Watcher::start("ip", &["monitor"], "rule-ip-all");
    let all = [
        &ours,
        &theirs,
        &ours_label,
        &theirs_label,
        &ours_all,
        &theirs_all,
    ];
    let start = until_all_print(&all, 60000);
    for rule in [
        "rule add from 192.0.2.0/24 table 100 pref 10 fwmark 3/0xff",
        "-6 rule add from 2001:db8::/32 table 5 pref 100 ipproto tcp dport 22",
        "rule add pref 11 not iif lo uidrange 1-2 goto 30",
        "rule del pref 10",
        "-6 rule del pref 100",
        "rule flush",
    ] {
        ip(&rule.split(' ').collect::<Vec<_>>());
    }
    let end = until_all_print(&all, 61000);
    let plain = lines_between(&ours.text(), &start, &end);
    assert_eq!(plain, lines_between(&theirs.text(), &start, &end));
    for expected in [
        "10:\tfrom 192.0.2.0/24 fwmark 0x3/0xff lookup 100\n",
        "100:\tfrom 2001:db8::/32 ipproto tcp dport 22 lookup 5\n",
        "11:\tnot from all iif lo uidrange 1-2 goto 30 [unresolved]\n",
        "Deleted 10:\tfrom 192.0.2.0/24",
        "Deleted 32766:\tfrom all lookup main\n",
    ] {
        assert!(plain.contains(expected), "{expected:?} in\n{plain}");
    }
    let labelled = lines_between(&ours_label.text(), &start, &end);
    assert_eq!(labelled, lines_between(&theirs_label.text(), &start, &end));
    assert!(
        labelled.contains("[RULE]Deleted 100:\tfrom 2001:db8::/32"),
        "{labelled}"
    );
    let everything = lines_between(&ours_all.text(), &start, &end);
    assert_eq!(everything, lines_between(&theirs_all.text(), &start, &end));
    assert!(
        everything.contains("Deleted 11:\tnot from all iif lo"),
        "{everything}"
    );
}

/// Words at the edges of ip's grammar, each command in fresh namespaces of its own: the same
/// output, exit code and rules afterwards.
#[test]
fn edge_words_do_what_ip_does() {
    for command in [
        "rule add pref 5 table 5 goto 10",
        "rule add pref 5 goto 10 table 5",
        "rule add pref 5 table 5 nop",
        "rule add tos AF11 table 5",
        "rule add pref 0x20 table 5",
        "rule add fwmark 0x10/0 table 5",
        "rule add fwmark 0xffffffff/0xffffffff table 5",
        "rule add from 0.0.0.0/0 table 5",
        "-6 rule add to ::/0 table 5",
        "rule add table 5 realms cosmos/5",
        "rule add table 5 realms 70000",
        "rule add table 5 suppress_ifgroup default",
        "rule add table 5 sup_pl 4",
        "rule add unicast pref 9",
        "rule add throw pref 9",
        "rule add table 4294967295 pref 9",
        "rule add table 0 pref 9",
        "rule add ipproto 256 table 3",
        "rule add sport 65536 table 3",
        "rule add uidrange 5-1 table 3",
        "rule add protocol 0x10 table 3",
        "rule add l3mdev table 0",
        "rule add not",
        "rule add goto 0",
        "rule add iif a:b table 5",
        "rule add oif a:b table 5",
        "rule del pref 0",
        "rule del table main",
        "rule del from all",
        "rule del not",
        "rule flush table main",
        "rule flush not",
        "-6 rule flush table main",
    ] {
        same_changes(&[&command.split(' ').collect::<Vec<_>>()]);
    }
}

/// `-c`: a rule's addresses coloured by family and its `iif`/`oif` names as devices, as ip's
/// `print_rule()` colours them (text only; never in JSON).
#[test]
fn color_prints_what_ip_prints() {
    private_netns();
    ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
    for rule in [
        "rule add pref 100 from 192.0.2.0/24 to 198.51.100.7 iif v0 oif v1 table 100",
        "-6 rule add pref 101 from 2001:db8::/32 to 2001:db8:1::/48 iif lo table 100",
        "rule add pref 102 from 192.0.2.1 table 100",
    ] {
        ip(&rule.split(' ').collect::<Vec<_>>());
    }
    let mut colored = 0;
    for form in [
        "-c=always rule",
        "-c=always -6 rule",
        "-c=always -j rule",
        "-c=always -d rule",
        "-c=always -o rule",
    ] {
        let out = same(&form.split(' ').collect::<Vec<_>>());
        colored += usize::from(out.stdout.contains(&0x1b));
    }
    assert_eq!(colored, 4, "the text forms are coloured, JSON is not");
    // ip prints nothing more for rules with -s.
    for form in ["-s rule", "-s -j rule show", "-s -s -6 rule list"] {
        let out = same(&form.split(' ').collect::<Vec<_>>());
        assert!(!out.stdout.is_empty(), "{form}");
    }
}
