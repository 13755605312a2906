//! `rtnl -br monitor` against `ip -br monitor` 6.1. ip's `print_neigh()` honours `brief` in
//! the monitor too (after `Deleted ` or `miss `, `print_neigh_brief()`'s columns: destination
//! in 39, device in 16, the link-layer address), with `dev DEV` leaving the device out; live,
//! in a private network namespace, and from the captured neighbour dumps read as `monitor
//! file` streams. Its link and address events print their brief columns with no line end.

mod common;

use std::process::Command;

use common::{RTNL, Watcher, ip, private_netns};

/// Adds the permanent neighbour `203.0.113.N` on `dev` for N from `base` on (a new event each
/// time) until every watcher printed one; that address.
fn neighbour_marker(watchers: &[&Watcher], dev: &str, base: u8) -> String {
    for n in base..=base.saturating_add(50) {
        let address = format!("203.0.113.{n}");
        ip(&[
            "neigh",
            "add",
            &address,
            "lladdr",
            "02:00:00:00:00:99",
            "dev",
            dev,
            "nud",
            "permanent",
        ]);
        for _ in 0..50 {
            std::thread::sleep(std::time::Duration::from_millis(10));
            if watchers.iter().all(|w| w.text().contains(&address)) {
                return format!("{address} ");
            }
        }
    }
    panic!("the monitors never printed a neighbour from 203.0.113.{base}");
}

/// The lines of `text` after the one holding `first` and before the one holding `second`.
fn between(text: &str, first: &str, second: &str) -> String {
    let from = text.find(first).expect("first marker");
    let from = text[from..].find('\n').map_or(from, |nl| from + nl + 1);
    let to = from + text[from..].find(second).expect("second marker");
    let to = text[..to].rfind('\n').map_or(from, |nl| nl + 1).max(from);
    text[from..to].to_owned()
}

#[test]
fn brief_neighbour_lines_match_ip() {
    private_netns();
    for cmd in [
        "link add v0 type veth peer name v1",
        "link set v0 up",
        "link set v1 up",
    ] {
        ip(&cmd.split(' ').collect::<Vec<_>>());
    }
    let forms: [&[&str]; 5] = [
        &["-br", "monitor", "neigh"],
        &["-brief", "monitor", "neigh", "label"],
        &["-br", "-s", "monitor", "neigh"],
        &["-br", "-6", "monitor", "neigh"],
        &["-br", "monitor", "neigh", "dev", "v0"],
    ];
    let watchers: Vec<(Watcher, Watcher)> = forms
        .iter()
        .enumerate()
        .map(|(i, args)| {
            (
                Watcher::start(RTNL, args, &format!("brief-ours-{i}")),
                Watcher::start("ip", args, &format!("brief-ip-{i}")),
            )
        })
        .collect();
    let all: Vec<&Watcher> = watchers.iter().flat_map(|(a, b)| [a, b]).collect();
    // The `dev v0` and `-6` monitors see only what is on v0 / IPv6: mark on v0 in both
    // families' turn is not possible for one marker, so the `-6` pair is cut by its own.
    let v4: Vec<&Watcher> = all
        .iter()
        .enumerate()
        .filter(|(i, _)| i / 2 != 3)
        .map(|(_, w)| *w)
        .collect();
    let first = neighbour_marker(&v4, "v0", 1);
    let first6 = "2001:db8::f1 ";
    ip(&[
        "neigh",
        "add",
        "2001:db8::f1",
        "lladdr",
        "02:00:00:00:00:f1",
        "dev",
        "v0",
        "nud",
        "permanent",
    ]);
    for cmd in [
        "neigh add 192.0.2.5 lladdr 02:00:00:00:00:05 dev v0 nud permanent",
        "neigh change 192.0.2.5 lladdr 02:00:00:00:00:15 dev v0 nud stale",
        "neigh add 192.0.2.6 dev v1 nud incomplete",
        "neigh add 2001:db8::5 lladdr 02:00:00:00:00:25 dev v1 nud reachable",
        "neigh add 2001:db8::6 lladdr 02:00:00:00:00:26 dev v0 router nud permanent",
        "neigh del 192.0.2.5 dev v0",
        "neigh del 192.0.2.6 dev v1",
        "neigh del 2001:db8::5 dev v1",
        "neigh del 2001:db8::6 dev v0",
    ] {
        ip(&cmd.split(' ').collect::<Vec<_>>());
    }
    ip(&[
        "neigh",
        "add",
        "2001:db8::f2",
        "lladdr",
        "02:00:00:00:00:f2",
        "dev",
        "v0",
        "nud",
        "permanent",
    ]);
    let second = neighbour_marker(&v4, "v0", 100);
    let second6 = "2001:db8::f2 ";
    for _ in 0..200 {
        if watchers[3].0.text().contains(second6) && watchers[3].1.text().contains(second6) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    for (i, (ours, theirs)) in watchers.iter().enumerate() {
        let (a, b) = if i == 3 {
            (first6, second6)
        } else {
            (first.as_str(), second.as_str())
        };
        let mine = between(&ours.text(), a, b);
        assert_eq!(mine, between(&theirs.text(), a, b), "{:?}", forms[i]);
        // Not vacuous: the deletions are there, in the brief form.
        assert!(mine.contains("Deleted "), "{:?}: {mine}", forms[i]);
        assert!(!mine.contains(" lladdr "), "{:?}: {mine}", forms[i]);
    }
    let plain = between(&watchers[0].0.text(), &first, &second);
    assert!(
        plain.contains(&format!(
            "{:<39} {:<16} 02:00:00:00:00:15\n",
            "192.0.2.5", "v0"
        )) && plain.contains(&format!("Deleted {:<39} {:<16} \n", "192.0.2.5", "v0")),
        "{plain}"
    );
    let dev = between(&watchers[4].0.text(), &first, &second);
    assert!(
        dev.contains(&format!("{:<39} 02:00:00:00:00:15\n", "192.0.2.5"))
            && dev.contains(&format!("Deleted {:<39} \n", "192.0.2.5"))
            && !dev.contains("v1"),
        "{dev}"
    );
}

/// The captured neighbour and FDB dumps (`tests/fixtures/`), read as streams with `-br`:
/// what `ip -br monitor file` prints, text and JSON, bytes and exit code.
#[test]
fn brief_monitor_file_matches_ip() {
    private_netns();
    for name in ["neighs.bin", "fdb.bin"] {
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        assert!(
            std::path::Path::new(&path).exists(),
            "fixture {path} missing"
        );
        for args in [
            &["-br", "monitor", "file", &path][..],
            &["-br", "monitor", "label", "file", &path],
            &["-j", "-br", "monitor", "file", &path],
            &["-br", "-6", "monitor", "file", &path],
        ] {
            let ours = Command::new(RTNL).args(args).output().expect("rtnl");
            let theirs = Command::new("ip").args(args).output().expect("ip");
            assert_eq!(
                (ours.status.code(), &ours.stdout, &ours.stderr),
                (theirs.status.code(), &theirs.stdout, &theirs.stderr),
                "{args:?}"
            );
            // Not vacuous (an FDB stream has no IPv6 entries): brief columns, no `lladdr` word.
            let text = String::from_utf8_lossy(&ours.stdout);
            assert!(
                (!text.is_empty() || args.contains(&"-6") && name == "fdb.bin")
                    && !text.contains("lladdr 0"),
                "{args:?}: {text}"
            );
        }
    }
}

/// What `watcher` printed after `start` and before `end` (both must be there).
fn cut(watcher: &Watcher, start: &str, end: &str) -> String {
    let text = watcher.text();
    let from = text.find(start).expect("start marker") + start.len();
    let to = from + text[from..].find(end).expect("end marker");
    text[from..to].to_owned()
}

/// `-br monitor link address`: ip 6.1 prints a link event as `print_linkinfo_brief()`'s name
/// and state columns and an address event as its brief address columns, `Deleted ` first
/// where it is one, with no line break between events (`-j` and `-d` change nothing; `-t`
/// puts its time stamp line before each). Both monitors watch one namespace; the events
/// between two address markers on `lo` must be the same bytes.
#[test]
fn brief_link_and_address_lines_match_ip() {
    private_netns();
    ip(&["link", "add", "x0", "type", "veth", "peer", "name", "x1"]);
    let forms: [&[&str]; 4] = [
        &["-br", "monitor", "link", "address"],
        &["-j", "-br", "monitor", "link", "address"],
        &["-br", "-d", "monitor", "link", "address"],
        &["-br", "monitor", "address", "dev", "x0"],
    ];
    let watchers: Vec<(Watcher, Watcher)> = forms
        .iter()
        .enumerate()
        .map(|(i, args)| {
            (
                Watcher::start(RTNL, args, &format!("brief-link-ours-{i}")),
                Watcher::start("ip", args, &format!("brief-link-ip-{i}")),
            )
        })
        .collect();
    let all: Vec<&Watcher> = watchers.iter().flat_map(|(a, b)| [a, b]).collect();
    // The `dev x0` pair sees no marker on lo: it prints x0's events alone.
    let marked = &all[..all.len() - 2];
    let mut start = None;
    'markers: for n in 1..=50 {
        let marker = format!("198.51.100.{n}/32 ");
        ip(&["address", "add", marker.trim_end(), "dev", "lo"]);
        for _ in 0..50 {
            std::thread::sleep(std::time::Duration::from_millis(10));
            if marked.iter().all(|w| w.text().contains(&marker)) {
                start = Some(marker);
                break 'markers;
            }
        }
    }
    let start = start.expect("the monitors never printed an address marker");
    for cmd in [
        "link add v0 type veth peer name v1",
        "address add 192.0.2.1/24 dev v0",
        "link set v0 up",
        "link set v1 up",
        "address add 2001:db8::1/64 dev v0 nodad",
        "address add 192.0.2.9 peer 192.0.2.10/32 dev v0",
        "address del 192.0.2.1/24 dev v0",
        "link set v0 down",
        "address add 192.0.2.77/24 dev v0",
        "address add 198.51.100.200/24 dev x0",
        "link del v0",
        "address del 198.51.100.200/24 dev x0",
        "address add 203.0.113.99/32 dev lo",
    ] {
        ip(&cmd.split(' ').collect::<Vec<_>>());
    }
    let end = "203.0.113.99/32 ";
    for _ in 0..500 {
        if marked.iter().all(|w| w.text().contains(end)) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    for (i, (ours, theirs)) in watchers[..watchers.len() - 1].iter().enumerate() {
        let got = cut(ours, &start, end);
        assert!(
            got.contains("Deleted v0@NONE") && got.contains("192.0.2.9 peer"),
            "form {i}: {got:?}"
        );
        assert!(
            !got.contains('\n'),
            "form {i}: ip ends no brief line: {got:?}"
        );
        assert_eq!(got, cut(theirs, &start, end), "form {i}: {:?}", forms[i]);
    }
    // `dev x0`: x0's addresses only.
    let (ours, theirs) = &watchers[watchers.len() - 1];
    for _ in 0..500 {
        if [ours, theirs]
            .iter()
            .all(|w| w.text().contains("Deleted 198.51.100.200/24 "))
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let got = ours.text();
    assert_eq!(got, "198.51.100.200/24 Deleted 198.51.100.200/24 ");
    assert_eq!(got, theirs.text());
}
