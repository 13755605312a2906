//! `rtnl neigh` and `rtnl monitor neigh` against `ip` itself, byte for byte: stdout, stderr
//! and exit code. Reading commands run side by side on one state; a command that changes the
//! state runs once with `rtnl` and once with `ip`, each in a fresh namespace set up the same
//! way, and then the two states are compared with `ip`.

mod common;

use std::process::Output;

use common::{RTNL, Watcher, ip, ip_raw, ok, private_netns, rtnl, same, same_failure};

/// v0/v1 up, 192.0.2.1/24 on v0, IPv6 without DAD, and a few entries made with `ip`.
fn setup() {
    private_netns();
    for key in ["all", "default"] {
        std::process::Command::new("sysctl")
            .args(["-qw", &format!("net.ipv6.conf.{key}.accept_dad=0")])
            .status()
            .expect("sysctl");
    }
    ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
    ip(&["link", "set", "v0", "up"]);
    ip(&["link", "set", "v1", "up"]);
    ip(&["address", "add", "192.0.2.1/24", "dev", "v0"]);
    for entry in [
        "192.0.2.2 lladdr 02:00:00:00:00:02 dev v0",
        "192.0.2.3 lladdr 02:00:00:00:00:03 dev v0 nud reachable router",
        "2001:db8::2 lladdr 02:00:00:00:00:04 dev v0 nud stale router protocol static",
        "192.0.2.4 lladdr 02:00:00:00:00:05 dev v1 nud noarp",
        "192.0.2.5 lladdr 02:00:00:00:00:05 dev v0 extern_learn",
        "proxy 192.0.2.9 dev v0",
        "proxy 2001:db8::9 dev v1",
    ] {
        let mut args = vec!["neigh", "add"];
        args.extend(entry.split(' '));
        ip(&args);
    }
}

/// The words of `text`.
fn words(text: &str) -> Vec<&str> {
    text.split(' ').collect()
}

/// `same` for commands whose output holds clocks that may tick between two runs (`-s`:
/// seconds since use, probes): ip runs just before and just after rtnl, and rtnl's output
/// must be ip's text with each number between ip's two readings of it (equal to both when
/// they agree). On a slow guest (the 6.1 VM under TCG) entries made at different moments tick
/// at different moments, so three runs without any tick may never happen.
fn same_ticking(args: &[&str]) -> Output {
    let mut last = None;
    for _ in 0..20 {
        let before = ip_raw(args);
        let ours = rtnl(args);
        let after = ip_raw(args);
        let code = |o: &Output| (o.status.code(), o.stderr.clone());
        if code(&before) == code(&after) && code(&ours) == code(&after) {
            match bracketed(&before.stdout, &ours.stdout, &after.stdout) {
                Bracket::Within => return ours,
                // ip's two readings differ in their text (an entry came or went): again.
                Bracket::IpChanged => {}
                Bracket::Outside => panic!(
                    "rtnl vs ip: {}\nip before:\n{}\nrtnl:\n{}\nip after:\n{}",
                    args.join(" "),
                    String::from_utf8_lossy(&before.stdout),
                    String::from_utf8_lossy(&ours.stdout),
                    String::from_utf8_lossy(&after.stdout)
                ),
            }
        }
        last = Some((before, ours, after));
    }
    let (before, ours, after) = last.expect("20 tries");
    panic!(
        "ip's output kept changing between runs: {}\nip before:\n{}\nrtnl:\n{}\nip after:\n{}",
        args.join(" "),
        String::from_utf8_lossy(&before.stdout),
        String::from_utf8_lossy(&ours.stdout),
        String::from_utf8_lossy(&after.stdout)
    );
}

/// How rtnl's output sits between ip's two.
#[derive(Debug, PartialEq)]
enum Bracket {
    /// The same text, each number between ip's two readings of it.
    Within,
    /// ip's two outputs differ in more than their numbers.
    IpChanged,
    /// rtnl's text differs, or a number of it is outside ip's two readings.
    Outside,
}

/// Splits `text` into runs of digits and runs of everything else.
fn runs(text: &[u8]) -> Vec<&[u8]> {
    text.chunk_by(|a, b| a.is_ascii_digit() == b.is_ascii_digit())
        .collect()
}

/// Compares rtnl's output with ip's before and after it (see [`Bracket`]).
fn bracketed(before: &[u8], ours: &[u8], after: &[u8]) -> Bracket {
    let (b, o, a) = (runs(before), runs(ours), runs(after));
    if b.len() != a.len() {
        return Bracket::IpChanged;
    }
    let number = |run: &[u8]| -> Option<u128> { std::str::from_utf8(run).ok()?.parse().ok() };
    for (x, y) in b.iter().zip(&a) {
        if x[0].is_ascii_digit() != y[0].is_ascii_digit() || (!x[0].is_ascii_digit() && x != y) {
            return Bracket::IpChanged;
        }
    }
    if o.len() != b.len() {
        return Bracket::Outside;
    }
    for ((x, y), z) in b.iter().zip(&o).zip(&a) {
        let within = match (number(x), number(y), number(z)) {
            (Some(x), Some(y), Some(z)) => x.min(z) <= y && y <= x.max(z),
            _ => x == y,
        };
        if !within {
            return Bracket::Outside;
        }
    }
    Bracket::Within
}

#[test]
fn bracketing_is_strict() {
    use Bracket::*;
    assert_eq!(bracketed(b"used 1/2", b"used 1/2", b"used 1/2"), Within);
    assert_eq!(bracketed(b"used 1/2", b"used 2/2", b"used 2/3"), Within);
    assert_eq!(bracketed(b"used 1/2", b"used 3/2", b"used 2/3"), Outside);
    assert_eq!(bracketed(b"used 1/2", b"used 1/2 x", b"used 1/2"), Outside);
    assert_eq!(bracketed(b"used 1/2", b"usef 1/2", b"used 1/2"), Outside);
    assert_eq!(bracketed(b"used 9", b"used 9", b"used 10"), Within);
    assert_eq!(bracketed(b"a 1", b"a 1", b"b 1"), IpChanged);
}

#[test]
fn show_prints_what_ip_prints() {
    setup();
    let mut compared = 0;
    for options in ["", "-j", "-j -p", "-4", "-6", "-6 -j"] {
        for command in [
            "neigh",
            "neigh show",
            "neigh list",
            "neigh lst",
            "neigh show dev v0",
            "neigh show dev v1",
            "neigh show proxy",
            "neigh show proxy dev v1",
            "neigh show nud all",
            "neigh show nud stale",
            "neigh show nud reachable nud perm",
            "neigh show nud noarp",
            "neigh show nud none",
            "neigh show nud 0x4",
            "neigh show to 192.0.2.0/30",
            "neigh show 192.0.2.2",
            "neigh show to 2001:db8::/32",
            "neigh show nomaster",
            "neigh show unused",
            "neigh show protocol static",
            "neigh show protocol all",
            "n show",
            "neighbor show",
            "neighbour sh dev v0",
        ] {
            let mut args: Vec<&str> = options.split(' ').filter(|w| !w.is_empty()).collect();
            args.extend(words(command));
            let out = same(&args);
            compared += usize::from(!out.stdout.is_empty());
        }
    }
    assert!(compared > 100, "only {compared} commands printed something");
    // -s: the cache times (seconds) and probes, text and JSON.
    for options in ["-s", "-s -j", "-s -s", "-stats -j -p"] {
        for command in ["neigh show", "neigh show dev v0", "neigh show nud all"] {
            let mut args = words(options);
            args.extend(words(command));
            same_ticking(&args);
        }
    }
}

#[test]
fn get_prints_text_even_with_json() {
    setup();
    for args in [
        "neigh get 192.0.2.2 dev v0",
        "neigh get to 192.0.2.3 dev v0",
        "neigh get 2001:db8::2 dev v0",
        "-j neigh get 192.0.2.2 dev v0",
        "-o neigh get 192.0.2.2 dev v0",
        "-o -j neigh get 2001:db8::2 dev v0",
        "-c neigh get 192.0.2.2 dev v0",
        "-c -j neigh get 192.0.2.2 dev v0",
        "neigh get proxy 192.0.2.9 dev v0",
        "neigh get proxy 2001:db8::9 dev v1",
    ] {
        let out = same(&words(args));
        assert!(!out.stdout.is_empty(), "{args}");
    }
    same_ticking(&words("-s neigh get 192.0.2.3 dev v0"));
}

#[test]
fn bad_commands_fail_as_ip_fails() {
    setup();
    for args in [
        "neigh add 192.0.2.7 lladdr zz dev v0",
        "neigh add 192.0.2.7 lladdr 02:00:00:00:00:02 dev nope",
        "neigh add 192.0.2.7 lladdr 02:00:00:00:00:02",
        "neigh add lladdr 02:00:00:00:00:02 dev v0",
        "neigh add 192.0.2.7 nud bogus dev v0",
        "neigh add 192.0.2.7 nud 3 dev v0",
        "neigh add 192.0.2.7 lladdr 1 lladdr 2 dev v0",
        "neigh add 192.0.2.7 192.0.2.8 dev v0",
        "neigh add 192.0.2.7 protocol bogus dev v0",
        "neigh add bogus dev v0",
        "-4 neigh add 2001:db8::5 lladdr 02:00:00:00:00:02 dev v0",
        "-6 neigh add 192.0.2.7 dev v0",
        "neigh add 192.0.2.7 dev v0 lladdr",
        "neigh add proxy 192.0.2.5 proxy 192.0.2.6 dev v0",
        "neigh add 192.0.2.2 lladdr 02:00:00:00:00:02 dev v0",
        "neigh del 192.0.2.77 dev v0",
        "neigh change 192.0.2.77 lladdr 02:00:00:00:00:09 dev v0",
        "neigh get 192.0.2.77 dev v0",
        "neigh get 192.0.2.2",
        "neigh get 192.0.2.2 dev nope",
        "neigh get 192.0.2.2 192.0.2.3 dev v0",
        "neigh show dev nope",
        "neigh show master nope",
        "neigh show to bogus",
        "neigh show nud bogus",
        "neigh show bogus",
        "neigh show dev v0 dev v0",
        "neigh show protocol bogus",
        "neigh show dev",
        "neigh flush",
        "neigh frob",
        "neigh help",
        "neigh add help",
    ] {
        same_failure(&words(args));
        same(&words(args));
    }
}

/// Runs `program ARGS` after `setup` in a fresh namespace of its own (on a thread of its own),
/// then `ip -s neigh show nud all` and `ip neigh show proxy` there: what the command printed and
/// the state it left.
fn run_fresh(program: &'static str, args: &[&str]) -> (Output, String) {
    let args: Vec<String> = args.iter().map(|s| (*s).to_owned()).collect();
    std::thread::spawn(move || {
        setup();
        let out = std::process::Command::new(program)
            .args(&args)
            .output()
            .expect("run");
        let mut state = String::new();
        for show in [
            &["neigh", "show", "nud", "all"][..],
            &["neigh", "show", "proxy"],
        ] {
            // Sorted: the order of a dump follows the kernel's hash, which differs between
            // namespaces.
            let mut lines: Vec<&str> = Vec::new();
            let shown = ip(show);
            lines.extend(shown.lines().filter(|l| !l.starts_with("ff02:")));
            lines.sort_unstable();
            for line in lines {
                state.push_str(line);
                state.push('\n');
            }
        }
        (out, state)
    })
    .join()
    .expect("thread")
}

#[test]
fn changes_leave_what_ip_leaves() {
    let mut changed = 0;
    for args in [
        "neigh add 192.0.2.7 lladdr 02:00:00:00:00:07 dev v0",
        "neigh add 192.0.2.7 lladdr 02:00:00:00:00:07 dev v1 nud stale router extern_learn",
        "neigh add 2001:db8::7 lladdr 02:00:00:00:00:07 dev v0 nud reachable protocol static",
        "neigh add 192.0.2.7 dev v0 nud noarp lladdr 2:0:0:0:0:7",
        "neigh add proxy 192.0.2.70 dev v0",
        "neigh add 192.0.2.8 dev v0 managed",
        "neigh replace 192.0.2.2 lladdr 02:00:00:00:00:77 dev v0 nud stale",
        "neigh replace 192.0.2.66 lladdr 02:00:00:00:00:66 dev v0",
        "neigh change 192.0.2.2 lladdr 02:00:00:00:00:78 dev v0",
        "neigh chg 192.0.2.2 dev v0 nud reachable lladdr 02:00:00:00:00:79",
        "neigh del 192.0.2.2 dev v0",
        "neigh delete proxy 192.0.2.9 dev v0",
        "neigh del 2001:db8::2 dev v0",
        "neigh flush dev v0",
        "neigh flush dev v0 nud all",
        "-s neigh flush dev v0",
        "-s neigh flush dev v0 nud all",
        "-s neigh flush nud permanent",
        "-s neigh flush dev v1 nud stale",
        "-s -s neigh flush dev v0 nud all",
        "-s -s -j neigh flush nud reachable nud stale",
        "-s -s -o neigh flush dev v0 nud all",
        "-s -s -c neigh flush dev v0 nud all",
        "-s -s -c -j neigh flush dev v0 nud all",
        "-4 neigh flush to 192.0.2.0/24 nud all",
        "neigh flush proxy",
    ] {
        let (ours, our_state) = run_fresh(RTNL, &words(args));
        let (theirs, their_state) = run_fresh("ip", &words(args));
        // `-s -s` prints the entries flushed in dump order, which follows the kernel's hash and
        // so differs between the two namespaces: those lines are compared as a sorted list.
        let stdout = |out: &Output| {
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            if args.starts_with("-s -s") {
                let mut lines: Vec<&str> = text.lines().collect();
                lines.sort_unstable();
                lines.join("\n")
            } else {
                text
            }
        };
        // The two namespaces are set up one after the other: `-s` clocks may differ by a tick.
        assert_eq!(
            (ours.status.code(), &ours.stderr),
            (theirs.status.code(), &theirs.stderr),
            "rtnl vs ip: {args}"
        );
        assert!(
            common::same_but_clocks(&stdout(&ours), &stdout(&theirs), 2),
            "rtnl vs ip: {args}\nrtnl:\n{}\nip:\n{}",
            stdout(&ours),
            stdout(&theirs)
        );
        assert_eq!(our_state, their_state, "state after {args}");
        changed += usize::from(our_state != run_fresh("true", &[]).1);
    }
    assert!(changed >= 15, "only {changed} commands changed anything");
}

#[test]
fn batch_runs_neighbour_commands() {
    setup();
    let file = std::env::temp_dir().join(format!("rtnl-neigh-batch-{}", std::process::id()));
    std::fs::write(
        &file,
        "neigh add 192.0.2.30 lladdr 02:00:00:00:00:30 dev v0\n\
         # a comment\n\
         neigh show dev v0\n\
         neigh del 192.0.2.30 dev v0\n\
         neigh del 192.0.2.30 dev v0\n\
         neigh show dev v0\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let ours = rtnl(&["-b", path]);
    // The same file again with ip, on the state rtnl left (the entry is gone again).
    let theirs = ip_raw(&["-b", path]);
    std::fs::remove_file(&file).unwrap();
    assert_eq!(
        (ours.status.code(), &ours.stdout, &ours.stderr),
        (theirs.status.code(), &theirs.stdout, &theirs.stderr)
    );
    // ip ends the batch at the refused delete with exit 2, without `Command failed`.
    assert_eq!(ours.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&ours.stderr);
    assert_eq!(stderr, "RTNETLINK answers: No such file or directory\n");
    assert!(String::from_utf8_lossy(&ours.stdout).contains("192.0.2.30 lladdr"));
}

#[test]
fn monitor_prints_what_ip_monitor_prints() {
    setup();
    let watchers = [
        (
            Watcher::start(RTNL, &["monitor", "neigh"], "rtnl-neigh"),
            Watcher::start("ip", &["monitor", "neigh"], "ip-neigh"),
        ),
        (
            Watcher::start(RTNL, &["monitor", "label", "neigh"], "rtnl-label"),
            Watcher::start("ip", &["monitor", "label", "neigh"], "ip-label"),
        ),
        (
            Watcher::start(RTNL, &["-6", "monitor", "neigh"], "rtnl-6"),
            Watcher::start("ip", &["-6", "monitor", "neigh"], "ip-6"),
        ),
    ];
    std::thread::sleep(std::time::Duration::from_millis(300));
    ok(&[
        "neigh",
        "add",
        "192.0.2.40",
        "lladdr",
        "02:00:00:00:00:40",
        "dev",
        "v0",
    ]);
    ok(&[
        "neigh",
        "add",
        "2001:db8::40",
        "lladdr",
        "02:00:00:00:00:41",
        "dev",
        "v0",
    ]);
    ok(&[
        "neigh",
        "change",
        "192.0.2.40",
        "lladdr",
        "02:00:00:00:00:42",
        "dev",
        "v0",
        "nud",
        "stale",
    ]);
    ok(&["neigh", "del", "192.0.2.40", "dev", "v0"]);
    ok(&["neigh", "del", "2001:db8::40", "dev", "v0"]);
    // Both print as they go; wait until ip has the last line, then compare.
    for (ours, theirs) in &watchers {
        let mut waited = 0;
        while !theirs.text().contains("Deleted 2001:db8::40") && waited < 300 {
            std::thread::sleep(std::time::Duration::from_millis(10));
            waited += 1;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        let keep = |text: String| -> String {
            text.lines()
                .filter(|l| !l.contains("ff02:"))
                .map(|l| format!("{l}\n"))
                .collect()
        };
        let (a, b) = (keep(ours.text()), keep(theirs.text()));
        assert!(b.contains("Deleted 2001:db8::40"), "ip printed {b:?}");
        assert_eq!(a, b);
    }
}

/// A bridge with a port: FDB entries of the bridge (`master`) and of the port (`self`), links
/// down so the bridge learns nothing while the two commands run.
fn bridge_setup() {
    private_netns();
    ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
    ip(&["link", "add", "br0", "type", "bridge"]);
    ip(&["link", "set", "v1", "master", "br0"]);
    for (mac, place) in [
        ("02:00:00:00:00:c1", "master"),
        ("02:00:00:00:00:c2", "self"),
    ] {
        let out = std::process::Command::new("bridge")
            .args(["fdb", "add", mac, "dev", "v1", place])
            .output()
            .expect("bridge");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn bridge_fdb_prints_what_ip_prints() {
    bridge_setup();
    let mut printed = 0;
    for args in [
        "-f bridge neigh show",
        "-f bridge neigh show dev v1",
        "-f bridge -j neigh show",
        "-f bridge -j -p neigh show dev v1",
        "-f bridge -s neigh show dev v1",
        // The kernel does not filter an FDB dump by master: ip warns on its output.
        "-f bridge neigh show master br0",
        "-f bridge -j neigh show master br0",
        // Refused by the kernel: `Dump terminated`, exit 1, and with -j the `[` ip printed.
        "-f bridge neigh show nomaster",
        "-f bridge -j neigh show nomaster",
        "-f bridge neigh show proxy",
        // ip reads no address of the bridge family.
        "-f bridge neigh show to 192.0.2.0/24",
        "-f bridge neigh add 192.0.2.1 lladdr 02:00:00:00:00:01 dev v1",
        "-f bridge neigh get 192.0.2.1 dev v1",
    ] {
        let out = if args.contains(" -s ") {
            same_ticking(&words(args))
        } else {
            same(&words(args))
        };
        printed += usize::from(!out.stdout.is_empty());
    }
    assert!(printed >= 7, "only {printed} printed something");
    // Other objects refuse the family as before.
    let out = rtnl(&words("-f bridge link show"));
    assert_eq!(out.status.code(), Some(255));

    // A flush of every state, in twin namespaces: the same rounds, the same entries left.
    let flush = |program: &'static str| {
        std::thread::spawn(move || {
            bridge_setup();
            let out = std::process::Command::new(program)
                .args(words("-s -f bridge neigh flush dev v1 nud all"))
                .output()
                .expect("run");
            let left = ip(&["-f", "bridge", "neigh", "show", "dev", "v1"]);
            (out.status.code(), out.stdout, out.stderr, left)
        })
        .join()
        .expect("thread")
    };
    let ours = flush(RTNL);
    assert_eq!(ours, flush("ip"));
    assert!(
        String::from_utf8_lossy(&ours.1).contains("deleting"),
        "{ours:?}"
    );
}

/// `all`, `any` and `default` are prefixes to ip's `get_prefix()`: the empty one, which every
/// entry matches (in the family of `-4`/`-6`, or any); with a length they are refused.
#[test]
fn prefix_words_read_as_ip_reads_them() {
    setup();
    let mut printed = 0;
    for options in ["", "-j", "-4", "-6", "-f bridge", "-s -j"] {
        for command in [
            "neigh show all",
            "neigh show any",
            "neigh show default",
            "neigh show to all",
            "neigh show proxy any",
            "neigh show 192.0.2.2 all",
            "neigh show all dev v0 nud all",
        ] {
            let mut args = words(options);
            args.retain(|w| !w.is_empty());
            args.extend(words(command));
            if options.starts_with("-s") {
                same_ticking(&args);
            } else {
                printed += usize::from(!same(&args).stdout.is_empty());
            }
        }
    }
    assert!(printed >= 20, "only {printed} commands printed something");
    for args in [
        "neigh show all/8",
        "neigh show default/0",
        "-4 neigh show any/0",
        "-f link neigh show all",
        "-f link neigh show 192.0.2.2",
        "neigh flush all/24",
    ] {
        same_failure(&words(args));
        same(&words(args));
    }
    // Flushes, each in a fresh namespace of its own: the same output, the same entries left.
    for args in [
        "neigh flush all",
        "-s neigh flush any",
        "-s -4 neigh flush default nud all",
        "-s -6 neigh flush all",
        "-s neigh flush 192.0.2.2 all dev v0",
        "-s neigh flush proxy all",
    ] {
        let (ours, our_state) = run_fresh(RTNL, &words(args));
        let (theirs, their_state) = run_fresh("ip", &words(args));
        assert_eq!(
            (ours.status.code(), &ours.stdout, &ours.stderr),
            (theirs.status.code(), &theirs.stdout, &theirs.stderr),
            "rtnl vs ip: {args}"
        );
        assert_eq!(our_state, their_state, "state after {args}");
        assert_ne!(
            our_state,
            run_fresh("true", &[]).1,
            "{args} flushed nothing"
        );
    }
}

/// A flush whose deletions the kernel refuses (run without `CAP_NET_ADMIN`: the dump is allowed,
/// `RTM_DELNEIGH` is not): ip says `Failed to send flush request: ...` and exits 1, without the
/// round's line, and leaves every entry.
#[test]
fn refused_flush_fails_as_ip_fails() {
    for args in [
        "neigh flush all",
        "-s neigh flush dev v0",
        "-s -s neigh flush nud all",
    ] {
        let unprivileged = |program: &'static str| {
            let mut full = vec![
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                "--inh-caps=-all",
                "--bounding-set=-all",
                program,
            ];
            full.extend(words(args));
            run_fresh("setpriv", &full)
        };
        let (ours, our_state) = unprivileged(RTNL);
        let (theirs, their_state) = unprivileged("ip");
        // Sorted lines: `-s -s` prints entries in dump order, which follows the kernel's hash.
        let key = |out: &Output| {
            let text = String::from_utf8_lossy(&out.stdout);
            let mut lines: Vec<&str> = text.lines().collect();
            lines.sort_unstable();
            (
                out.status.code(),
                lines.join("\n"),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            )
        };
        let (a, b) = (key(&ours), key(&theirs));
        assert!(
            (&a.0, &a.2) == (&b.0, &b.2) && common::same_but_clocks(&a.1, &b.1, 2),
            "rtnl vs ip: {args}\nrtnl: {a:?}\nip: {b:?}"
        );
        assert_eq!(ours.status.code(), Some(1), "{args}");
        assert!(
            key(&ours).2.starts_with("Failed to send flush request: "),
            "{args}: {:?}",
            key(&ours).2
        );
        assert_eq!(our_state, their_state, "state after {args}");
        assert_eq!(
            our_state,
            run_fresh("true", &[]).1,
            "{args} deleted something"
        );
    }
}

/// `-br` (`print_neigh_brief()`: destination, device and link-layer address in columns, JSON
/// with those keys) and `-c` (destination by family, device, link-layer address coloured), for
/// `show`, `get` and `-s -s flush`, as ip prints them.
#[test]
fn brief_and_color_print_what_ip_prints() {
    setup();
    // A device name of 15 bytes fills its column.
    ip(&[
        "link",
        "add",
        "averyveryverylo",
        "type",
        "veth",
        "peer",
        "name",
        "v3",
    ]);
    ip(&[
        "neigh",
        "add",
        "192.0.2.8",
        "lladdr",
        "02:00:00:00:00:08",
        "dev",
        "averyveryverylo",
    ]);
    let mut colored = 0;
    for form in [
        "-br neigh",
        "-br neigh show nud all",
        "-br neigh show dev v0",
        "-br -j neigh",
        "-br -j -p neigh show nud all",
        "-br neigh show proxy",
        "-br neigh get 192.0.2.2 dev v0",
        "-c=always neigh",
        "-c=always neigh show nud all",
        "-c=always neigh show dev v0",
        "-c=always -br neigh show nud all",
        "-c=always neigh get 192.0.2.2 dev v0",
        "-c=always -j neigh",
        "-c=always neigh show proxy",
        "-c=always -6 neigh",
    ] {
        let out = same(&words(form));
        colored += usize::from(out.stdout.contains(&0x1b));
    }
    assert!(colored >= 6, "only {colored} outputs were coloured");
    same_ticking(&words("-br -s neigh"));
    same_ticking(&words("-c=always -s neigh"));
    for args in [
        "-s -s -br neigh flush dev v0",
        "-s -s -c=always neigh flush dev v0",
    ] {
        let (ours, our_state) = run_fresh(RTNL, &words(args));
        let (theirs, their_state) = run_fresh("ip", &words(args));
        let sorted = |out: &Output| {
            let text = String::from_utf8_lossy(&out.stdout);
            let mut lines: Vec<&str> = text.lines().collect();
            lines.sort_unstable();
            (out.status.code(), lines.join("\n"), out.stderr.clone())
        };
        assert_eq!(sorted(&ours), sorted(&theirs), "rtnl vs ip: {args}");
        assert_eq!(our_state, their_state, "state after {args}");
    }
}

/// `vrf NAME` names a link of kind `vrf` (ip's `name_is_vrf()`); anything else, a missing link
/// included, is `Not a valid VRF name` (this kernel has no VRF driver to test the rest with).
#[test]
fn vrf_names_are_checked_as_ip_checks_them() {
    setup();
    ip(&["link", "add", "br0", "type", "bridge"]);
    for args in [
        "neigh show vrf x",
        "neigh show vrf v0",
        "neigh flush vrf br0",
        "neigh show vrf",
    ] {
        same_failure(&words(args));
        same(&words(args));
    }
}

/// The clock-tolerant comparison of the flush tests compares everything but the clocks.
#[test]
fn clocks_are_all_that_may_differ() {
    assert!(common::same_but_clocks(
        "used 1/2/3probes 0",
        "used 2/2/3probes 0",
        1
    ));
    assert!(!common::same_but_clocks(
        "used 1/2/3probes 0",
        "used 3/2/3probes 0",
        1
    ));
    assert!(!common::same_but_clocks(
        "ref 1 used 1/1/1",
        "ref 2 used 1/1/1",
        1
    ));
    assert!(common::same_but_clocks(
        "expires 598sec mtu",
        "expires 599sec mtu",
        1
    ));
    assert!(!common::same_but_clocks(
        "expires 598sec mtu 1280",
        "expires 598sec mtu 1281",
        1
    ));
    assert!(common::same_but_clocks(
        "{\"used\":3,\"x\":1}",
        "{\"used\":4,\"x\":1}",
        1
    ));
    assert_eq!(
        common::without_clocks("age -2sec used x"),
        ("age #sec used x".to_owned(), vec![-2])
    );
}
