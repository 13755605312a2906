//! `rtnl monitor` forms against `ip monitor` 6.1: `file FILE` (a stream `rtmon` saved, printed
//! as live events, `-d` and `label` included, its time stamps as `Timestamp:` lines), `-t` and
//! `-ts` (the format compared, not the clock), `all`, and names of links created after the
//! monitor started. Each test has its own network namespace; `rtmon` writes into a temporary
//! file of the test's own.

mod common;

use std::process::Command;

use common::{KillOnDrop, RTNL, Watcher, ip, private_netns, same, same_failure};

/// A temporary file path unique to this test binary and `tag`, removed on drop.
struct TempPath(std::path::PathBuf);

impl TempPath {
    fn new(tag: &str) -> TempPath {
        TempPath(std::env::temp_dir().join(format!("rtnl-mon-{}-{tag}", std::process::id())))
    }

    fn as_str(&self) -> &str {
        self.0.to_str().expect("utf-8 temp path")
    }
}

impl Drop for TempPath {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Records with `rtmon file F link address route` (installed with iproute2; a missing `rtmon`
/// fails the test) while links, addresses and routes change in a private namespace.
fn record(path: &TempPath) {
    private_netns();
    let rtmon = Command::new("rtmon")
        .args(["file", path.as_str(), "link", "address", "route"])
        .spawn()
        .expect("rtmon (iproute2) must be installed");
    let rtmon = KillOnDrop(rtmon);
    // rtmon writes its link dump once it listens.
    for _ in 0..300 {
        if std::fs::metadata(&path.0).is_ok_and(|m| m.len() > 0) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    for cmd in [
        "link add v0 type veth peer name v1",
        "addr add 192.0.2.1/24 dev v0",
        "link set v0 up",
        "link set v1 up",
        "addr add 2001:db8::1/64 dev v0 nodad",
        "route add 198.51.100.0/24 via 192.0.2.2 dev v0 mtu lock 1300 initcwnd 10 realms 2",
        "route del 198.51.100.0/24",
        "link set v1 mtu 1400",
        "link set v0 group 3",
        "link del v0",
    ] {
        ip(&cmd.split(' ').collect::<Vec<_>>());
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    drop(rtmon);
    let len = std::fs::metadata(&path.0).map(|m| m.len()).unwrap_or(0);
    assert!(len > 1000, "rtmon wrote {len} bytes");
}

/// `-t` and `-ts` stamps replaced by `TS`, so two runs a moment apart compare equal; checks
/// each stamp has ip's layout.
fn normalise(text: &str) -> String {
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        // ip's netconf events: a family rtnl does not show.
        if line.contains("[NETCONF]") {
            continue;
        }
        if let Some(rest) = line.strip_prefix("Timestamp: ")
            && rest.ends_with(" usec\n")
        {
            // `Thu Dec  3 19:15:49 2026 775911 usec`
            let fields: Vec<&str> = rest.split_whitespace().collect();
            assert_eq!(fields.len(), 7, "{line:?}");
            assert_eq!(
                rest.as_bytes()[7],
                if fields[2].len() == 1 {
                    b' '
                } else {
                    fields[2].as_bytes()[0]
                }
            );
            assert!(
                fields[3].len() == 8 && fields[3].matches(':').count() == 2,
                "{line:?}"
            );
            assert!(
                fields[5].parse::<u32>().is_ok_and(|us| us < 1_000_000),
                "{line:?}"
            );
            out.push_str("TS\n");
        } else if line.starts_with('[') && line.as_bytes().get(27) == Some(&b']') {
            // `[2026-12-03T19:15:49.775911] `
            let stamp = &line[1..27];
            assert!(
                stamp.as_bytes()[4] == b'-'
                    && stamp.as_bytes()[10] == b'T'
                    && stamp.as_bytes()[19] == b'.',
                "{line:?}"
            );
            out.push_str("[TS]");
            out.push_str(&line[28..]);
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Runs `program ARGS` to the end: exit code, stdout, stderr.
fn run(program: &str, args: &[&str]) -> (Option<i32>, String, String) {
    common::outcome_text(&Command::new(program).args(args).output().expect("run"))
}

/// A saved stream prints as ip prints it, in a namespace without those links (both look the
/// names up from the stream's own link messages, else print `ifN`).
#[test]
fn monitor_file_prints_what_ip_prints() {
    let path = TempPath::new("file");
    record(&path);
    private_netns();
    let file = path.as_str();
    for args in [
        &["monitor", "file", file][..],
        &["-d", "monitor", "file", file],
        &["monitor", "label", "file", file],
        &["monitor", "all", "file", file],
        &["monitor", "link", "f", file],
        &["-4", "monitor", "file", file],
        &["-6", "monitor", "label", "file", file],
    ] {
        let out = same(args);
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Timestamp: "), "{text}");
        assert_eq!(
            text.contains("realm 2 mtu lock 1300 initcwnd 10 \n"),
            args[0] != "-6",
            "{text}"
        );
    }
    // -t and -ts stamp each event with the time it is printed.
    for opt in ["-t", "-ts", "-timestamp", "-tshort"] {
        let ours = run(RTNL, &[opt, "monitor", "label", "file", file]);
        let theirs = run("ip", &[opt, "monitor", "label", "file", file]);
        assert_eq!(ours.0, Some(0));
        assert_eq!((ours.0, &ours.2), (theirs.0, &theirs.2));
        let (ours, theirs) = (normalise(&ours.1), normalise(&theirs.1));
        assert_eq!(ours, theirs, "{opt}");
        assert!(ours.contains("TS"), "{ours}");
    }
}

/// A file that cannot be read, a truncated or malformed stream, and a message type ip does
/// not know: ip's messages and exit codes.
#[test]
fn monitor_file_errors_match_ip() {
    private_netns();
    same_failure(&["monitor", "file", "/nonexistent/rtnl-test"]);
    same_failure(&["monitor", "file"]);
    let path = TempPath::new("bad");
    let header = |len: u32, ty: u16| {
        let mut h = len.to_ne_bytes().to_vec();
        h.extend_from_slice(&ty.to_ne_bytes());
        h.extend_from_slice(&[0; 10]);
        h
    };
    let unknown = header(16, 99);
    for bytes in [
        header(8, 99),
        header(65552, 99),
        unknown[..10].to_vec(),
        [unknown.clone(), header(40, 16)].concat(),
        [header(20, 99), vec![1, 2]].concat(),
    ] {
        std::fs::write(&path.0, &bytes).unwrap();
        same_failure(&["monitor", "file", path.as_str()]);
    }
    // An unknown type is reported on stderr and the stream goes on.
    std::fs::write(&path.0, [unknown.clone(), unknown].concat()).unwrap();
    let out = same(&["monitor", "file", path.as_str()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("Unknown message: type=0x00000063(99)"));
}

/// Sets lo's MTU from `base` up until every watcher printed one ([`common::mark_mtu`]).
fn until_all_see(watchers: &[&Watcher], base: u32) -> u32 {
    common::mark_mtu(watchers, &[], "lo", base, 1000)
}

/// The events of `text` (normalised) after the last one that shows lo's MTU `start` and
/// before the first that shows `end`.
fn events_between(text: &str, start: u32, end: u32) -> String {
    let text = normalise(text);
    let (start, end) = (common::mtu_marker(start), common::mtu_marker(end));
    let events = common::lines_between_events(&text, &start, &end);
    // A `-t` stamp line belongs to the event after it.
    match events.strip_suffix("TS\n") {
        Some(events) => events.to_owned(),
        None => events,
    }
}

/// Live: `-t`/`-ts` stamps in ip's layout, `monitor all` labels every family rtnl knows, and
/// a link made after the monitor started is named, not `ifN`.
#[test]
fn live_monitor_forms_match_ip() {
    private_netns();
    let pairs = [
        (vec!["-t", "monitor", "address", "route"], "t"),
        (vec!["-ts", "monitor", "all"], "ts"),
        (vec!["monitor", "all"], "all"),
        (vec!["monitor", "address", "route"], "ar"),
    ];
    let watchers: Vec<(Watcher, Watcher)> = pairs
        .iter()
        .map(|(args, tag)| {
            (
                Watcher::start(RTNL, args, &format!("ours-{tag}")),
                Watcher::start("ip", args, &format!("ip-{tag}")),
            )
        })
        .collect();
    // address/route-only monitors see no link event: mark them with an address too.
    let all: Vec<&Watcher> = watchers.iter().flat_map(|(a, b)| [a, b]).collect();
    let link_watchers: Vec<&Watcher> = watchers[1..3].iter().flat_map(|(a, b)| [a, b]).collect();
    let start = until_all_see(&link_watchers, 61000);
    let first = address_marker(&all, 1);
    for cmd in [
        "link add v0 type veth peer name v1",
        "link set v0 addrgenmode none",
        "link set v1 addrgenmode none",
        "addr add 192.0.2.1/24 dev v0",
        "link set v0 up",
        "route add 198.51.100.0/24 dev v0 mtu 1300",
        "route del 198.51.100.0/24",
        "addr del 192.0.2.1/24 dev v0",
    ] {
        ip(&cmd.split(' ').collect::<Vec<_>>());
    }
    let end = until_all_see(&link_watchers, 62000);
    let second = address_marker(&all, 150);
    for (ours, theirs) in &watchers[1..3] {
        let mine = events_between(&ours.text(), start, end);
        assert_eq!(mine, events_between(&theirs.text(), start, end));
        assert!(mine.contains("[ADDR]3: v0    inet 192.0.2.1/24"), "{mine}");
    }
    for (ours, theirs) in &watchers[..1]
        .iter()
        .chain(&watchers[3..])
        .collect::<Vec<_>>()
    {
        let cut = |text: &str| {
            let text = normalise(text);
            let from = text.find(&first).expect("first address marker");
            let to = text.find(&second).expect("second address marker");
            let from_line = text[from..].find('\n').map_or(from, |nl| from + nl + 1);
            let to_line = text[..to].rfind('\n').map_or(to, |nl| nl + 1);
            text[from_line..to_line].to_owned()
        };
        let mine = cut(&ours.text());
        assert_eq!(mine, cut(&theirs.text()));
        assert!(mine.contains("3: v0    inet 192.0.2.1/24"), "{mine}");
        assert!(
            mine.contains("198.51.100.0/24 dev v0 scope link linkdown mtu 1300 \n"),
            "{mine}"
        );
    }
}

/// Adds `203.0.113.N/32` to lo for N from `base` on (a new event each time) until every
/// watcher printed one; that address, `203.0.113.N/32`.
fn address_marker(watchers: &[&Watcher], base: u8) -> String {
    for n in base..=base.saturating_add(100) {
        let address = format!("203.0.113.{n}/32");
        ip(&["addr", "add", &address, "dev", "lo"]);
        for _ in 0..20 {
            std::thread::sleep(std::time::Duration::from_millis(10));
            if watchers.iter().all(|w| w.text().contains(&address)) {
                return address;
            }
        }
    }
    panic!("the monitors never printed an address from 203.0.113.{base}");
}

/// The captured kernel dumps of `tests/fixtures/` read as streams: each message printed as
/// `ip monitor file` prints it, `-d` too (a veth whose peer comes later
/// in the dump is `@ifN` without `M-DOWN`, aliases only with `-d`, as in ip).
#[test]
fn captured_dumps_print_as_ip_prints_them() {
    private_netns();
    for name in [
        "links.bin",
        "links_2001.bin",
        "addrs.bin",
        "routes4.bin",
        "routes6.bin",
        "nsids.bin",
        "rules4.bin",
        "rules6.bin",
        "neighs.bin",
        "fdb.bin",
    ] {
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        assert!(
            std::fs::metadata(&path).is_ok(),
            "fixture {path} is missing"
        );
        let out = same(&["monitor", "file", &path]);
        assert!(out.status.success() && !out.stdout.is_empty(), "{name}");
        same(&["-d", "monitor", "file", &path]);
    }
}
