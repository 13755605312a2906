//! Shared set-up for the kernel tests: a private network namespace per test thread, a private
//! mount namespace and run dir for named namespaces, and `ip -j` as an independent oracle.
//!
//! Every kernel test calls [`private_netns`] (or [`private_netns_and_run_dir`]) first. The
//! test harness runs each test on its own thread, and `unshare` changes only the calling
//! thread, so the test's links, addresses and routes live in a namespace that dies with the
//! thread; `ip` spawned from that thread inherits it. Nothing touches the host.
//!
//! The CLI tests run the `rtnl` binary and `ip` side by side with [`rtnl`], [`ip_raw`],
//! [`same`], [`outcome`] and, for monitors, [`Watcher`].
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Child, Command, Output};
use std::sync::atomic::{AtomicU32, Ordering};

use rustix::thread::{UnshareFlags, unshare_unsafe};
use serde_json::Value;

/// Moves the calling test thread into a fresh network namespace with `lo` up.
pub fn private_netns() {
    assert!(
        rustix::process::geteuid().is_root(),
        "kernel tests need root (CAP_NET_ADMIN, CAP_SYS_ADMIN)"
    );
    // SAFETY: CLONE_NEWNET changes only this thread's network namespace; no memory or file
    // descriptor table is unshared, which is what makes unshare unsafe in general.
    unsafe { unshare_unsafe(UnshareFlags::NEWNET) }.expect("unshare(CLONE_NEWNET)");
    ip(&["link", "set", "lo", "up"]);
}

/// Gives the calling test thread a mount namespace of its own whose mounts do not propagate
/// back to the host's.
pub fn private_mounts() {
    // SAFETY: CLONE_NEWNS gives this thread its own copy of the mount table; it shares no
    // memory or descriptors differently, so nothing else in the process is affected.
    unsafe { unshare_unsafe(UnshareFlags::NEWNS) }.expect("unshare(CLONE_NEWNS)");
    rustix::mount::mount_change(
        "/",
        rustix::mount::MountPropagationFlags::REC | rustix::mount::MountPropagationFlags::PRIVATE,
    )
    .expect("make / private");
}

/// A private network namespace plus a private mount namespace with a fresh run dir for named
/// namespaces, removed when the returned guard drops.
pub fn private_netns_and_run_dir() -> RunDirGuard {
    private_netns();
    private_mounts();
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "rtnl-test-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).expect("create run dir");
    RunDirGuard { dir }
}

/// A test's run dir for named namespaces; unmounts and removes what is left in it on drop.
pub struct RunDirGuard {
    dir: PathBuf,
}

impl RunDirGuard {
    /// The run dir's path.
    pub fn path(&self) -> &str {
        self.dir.to_str().expect("utf-8 temp dir")
    }
}

impl Drop for RunDirGuard {
    fn drop(&mut self) {
        if let Ok(entries) = std::fs::read_dir(&self.dir) {
            for entry in entries.flatten() {
                let _ = rustix::mount::unmount(entry.path(), rustix::mount::UnmountFlags::DETACH);
                let _ = std::fs::remove_file(entry.path());
            }
        }
        let _ = rustix::mount::unmount(&self.dir, rustix::mount::UnmountFlags::DETACH);
        let _ = std::fs::remove_dir(&self.dir);
    }
}

/// Runs `ip ARGS` in the calling thread's namespaces; panics with ip's stderr on failure.
pub fn ip(args: &[&str]) -> String {
    let out = Command::new("ip").args(args).output().expect("run ip");
    assert!(
        out.status.success(),
        "ip {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// `text` with the values of its clocks taken out: the numbers after `used ` (`A/B/C` too),
/// `expires `, `age ` and their JSON keys, which count seconds and so may differ by a tick
/// between two namespaces set up one after the other (the 6.1 guest under TCG takes seconds
/// to set one up). The text with each clock as `#`, and the clocks in order.
pub fn without_clocks(text: &str) -> (String, Vec<i64>) {
    const KEYS: [&str; 10] = [
        "used ",
        "expires ",
        "age ",
        "\"used\":",
        "\"confirmed\":",
        "\"updated\":",
        "\"expires\":",
        "\"age\":",
        "confirmed ",
        "updated ",
    ];
    let (mut out, mut clocks) = (String::new(), Vec::new());
    let mut rest = text;
    'scan: while !rest.is_empty() {
        for key in KEYS {
            if let Some(after) = rest.strip_prefix(key) {
                out.push_str(key);
                rest = after;
                // One number, or `A/B/C`; a leading `-` for an expired route.
                loop {
                    let sign = usize::from(rest.starts_with('-'));
                    let digits = rest[sign..].bytes().take_while(u8::is_ascii_digit).count();
                    if digits == 0 {
                        continue 'scan;
                    }
                    clocks.push(rest[..sign + digits].parse().expect("digits"));
                    out.push('#');
                    rest = &rest[sign + digits..];
                    match rest.strip_prefix('/') {
                        Some(after) if after.starts_with(|c: char| c.is_ascii_digit()) => {
                            out.push('/');
                            rest = after;
                        }
                        _ => continue 'scan,
                    }
                }
            }
        }
        let c = rest.chars().next().expect("not empty");
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    (out, clocks)
}

/// Whether `ours` and `theirs` are the same text with each clock (see [`without_clocks`])
/// at most `slack` seconds apart.
pub fn same_but_clocks(ours: &str, theirs: &str, slack: i64) -> bool {
    let (a, x) = without_clocks(ours);
    let (b, y) = without_clocks(theirs);
    a == b && x.len() == y.len() && x.iter().zip(&y).all(|(x, y)| (x - y).abs() <= slack)
}

/// Whether the kernel's linkwatch work is still to give a link that is up (other than `lo`)
/// its operational state, in `ip -j link show` output `links`: `UNKNOWN` until then, then
/// `NO-CARRIER` and `LOWERLAYERDOWN` for a veth whose peer is down. It comes up to a second
/// after the command that brought the link up, later in a slow VM.
pub fn linkwatch_pending(links: &Value) -> bool {
    links.as_array().into_iter().flatten().any(|link| {
        link["ifname"] != "lo"
            && link["operstate"] == "UNKNOWN"
            && link["flags"]
                .as_array()
                .is_some_and(|flags| flags.iter().any(|f| f == "UP"))
    })
}

/// `ip -j -d link show`, once the kernel's linkwatch has given every link that is up its
/// operational state ([`linkwatch_pending`]), or after 5 s as it is.
pub fn settled_links() -> Value {
    let mut json = ip_json(&["link", "show"]);
    for _ in 0..100 {
        if !linkwatch_pending(&json) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        json = ip_json(&["link", "show"]);
    }
    json
}

/// Runs `ip -j -d ARGS` and parses its JSON.
pub fn ip_json(args: &[&str]) -> Value {
    let mut full = vec!["-j", "-d"];
    full.extend_from_slice(args);
    let text = ip(&full);
    if text.trim().is_empty() {
        return Value::Array(Vec::new());
    }
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("ip {}: {e}: {text}", args.join(" ")))
}

/// The `(ifindex, ifname)` of every link in a JSON list of links (`ip -j link show`).
pub fn index_and_name(links: &Value) -> std::collections::BTreeSet<(u64, String)> {
    links
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["ifindex"].as_u64().unwrap(),
                l["ifname"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// `ip -j -d link show dev NAME` as one object.
pub fn ip_link(name: &str) -> Value {
    ip_json(&["link", "show", "dev", name])[0].clone()
}

/// A private network and mount namespace in which `/run` is a fresh tmpfs holding an empty
/// `/run/netns`, so `ip netns`/`ip -n NAME` and our run dir (`/run/netns`) see the same
/// private namespaces, and the host's `/run/netns` is never touched.
pub fn private_netns_with_run_netns() -> RunNetnsGuard {
    let guard = private_netns_and_run_dir();
    rustix::mount::mount(
        "tmpfs",
        "/run",
        "tmpfs",
        rustix::mount::MountFlags::empty(),
        None,
    )
    .expect("mount a private tmpfs on /run");
    std::fs::create_dir("/run/netns").expect("mkdir /run/netns");
    RunNetnsGuard { _dir: guard }
}

/// Unmounts the namespaces made under the private `/run/netns` when the test ends.
pub struct RunNetnsGuard {
    _dir: RunDirGuard,
}

impl Drop for RunNetnsGuard {
    fn drop(&mut self) {
        if let Ok(entries) = std::fs::read_dir("/run/netns") {
            for entry in entries.flatten() {
                let _ = rustix::mount::unmount(entry.path(), rustix::mount::UnmountFlags::DETACH);
            }
        }
        let _ = rustix::mount::unmount("/run", rustix::mount::UnmountFlags::DETACH);
    }
}

/// What `print` writes with the crate's printer as compact JSON, parsed.
pub fn printed(print: impl FnOnce(&mut rtnl_ip::show::Printer<Vec<u8>>)) -> Value {
    let mut p = rtnl_ip::show::Printer::new(Vec::new(), true, false);
    print(&mut p);
    let bytes = p.finish().expect("printed");
    serde_json::from_slice(&bytes)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&bytes)))
}

/// The `rtnl` binary this package builds.
pub const RTNL: &str = env!("CARGO_BIN_EXE_rtnl");

/// Runs `rtnl ARGS` in the calling thread's namespaces, whatever its exit status.
pub fn rtnl(args: &[&str]) -> Output {
    Command::new(RTNL).args(args).output().expect("run rtnl")
}

/// Runs `ip ARGS` in the calling thread's namespaces, whatever its exit status.
pub fn ip_raw(args: &[&str]) -> Output {
    Command::new("ip").args(args).output().expect("run ip")
}

/// What `run` gives for `rtnl`, then for `ip`.
pub fn by_both<T>(run: impl Fn(&'static str) -> T) -> (T, T) {
    (run(RTNL), run("ip"))
}

/// `rtnl ARGS` and `ip ARGS` print the same stdout and stderr and exit with the same code;
/// returns `rtnl`'s output.
pub fn same(args: &[&str]) -> Output {
    let ours = rtnl(args);
    let theirs = ip_raw(args);
    // As text first, for a readable difference; then byte for byte.
    assert_eq!(
        outcome_text(&ours),
        outcome_text(&theirs),
        "rtnl vs ip: {}",
        args.join(" ")
    );
    assert_eq!(
        (&ours.stdout, &ours.stderr),
        (&theirs.stdout, &theirs.stderr),
        "rtnl vs ip, bytes: {}",
        args.join(" ")
    );
    ours
}

/// The exit code, stdout and stderr of a command, as text.
pub fn outcome_text(out: &Output) -> (Option<i32>, String, String) {
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The exit code and stderr (trailing white space trimmed) of a command.
pub fn outcome(out: &Output) -> (Option<i32>, String) {
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).trim_end().to_owned(),
    )
}

/// A long-running command (a monitor) with its stdout and stderr going into a file of its
/// own; killed, and its file removed, on drop.
pub struct Watcher {
    child: Child,
    path: PathBuf,
}

impl Watcher {
    /// Starts `program ARGS` with stdout and stderr into a fresh file named after `tag`
    /// (unique within the test binary).
    pub fn start(program: &str, args: &[&str], tag: &str) -> Watcher {
        let path = std::env::temp_dir().join(format!("rtnl-watch-{}-{tag}", std::process::id()));
        let file = std::fs::File::create(&path).unwrap();
        let child = Command::new(program)
            .args(args)
            .stdout(file.try_clone().unwrap())
            .stderr(file)
            .spawn()
            .unwrap();
        Watcher { child, path }
    }

    /// What it printed so far.
    pub fn text(&self) -> String {
        std::fs::read_to_string(&self.path).unwrap()
    }

    /// What it printed so far, as bytes.
    pub fn bytes(&self) -> Vec<u8> {
        std::fs::read(&self.path).unwrap()
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.path);
    }
}

/// A child process (a `sleep` holding a namespace, say), killed and reaped on drop.
pub struct KillOnDrop(pub Child);

impl KillOnDrop {
    /// The child's process id.
    pub fn pid(&self) -> u32 {
        self.0.id()
    }
}

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The fixture `name`, read from `tests/fixtures/` (a missing fixture fails the test).
pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `ip -j` keys whose values move between two runs a moment apart (lifetimes count down):
/// compared within a few seconds.
pub const CLOCK_KEYS: [&str; 3] = ["valid_life_time", "preferred_life_time", "expires"];

/// Keys `ip -j link show` prints that we must print too whenever ip does.
pub const LINK_KEYS: [&str; 17] = [
    "ifindex",
    "link",
    "link_index",
    "ifname",
    "flags",
    "mtu",
    "qdisc",
    "master",
    "operstate",
    "linkmode",
    "group",
    "txqlen",
    "link_type",
    "address",
    "broadcast",
    "link_netnsid",
    "ifalias",
];

/// The further keys `ip -j -d link show` prints that we must print too whenever ip does.
pub const LINK_DETAIL_KEYS: [&str; 10] = [
    "promiscuity",
    "allmulti",
    "min_mtu",
    "max_mtu",
    "num_tx_queues",
    "num_rx_queues",
    "gso_max_size",
    "gso_max_segs",
    "tso_max_size",
    "gro_max_size",
];

/// Runs `rtnl ARGS`, which must succeed and print nothing on stderr; its stdout.
pub fn ok(args: &[&str]) -> String {
    let out = rtnl(args);
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "rtnl {}: exit {:?}: {}",
        args.join(" "),
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Runs the same failing command with `rtnl` and `ip`: same message, same exit code; returns
/// them.
pub fn same_failure(args: &[&str]) -> (Option<i32>, String) {
    let ours = outcome(&rtnl(args));
    let theirs = outcome(&ip_raw(args));
    assert_eq!(ours, theirs, "rtnl vs ip: {}", args.join(" "));
    assert_ne!(ours.0, Some(0), "{} should fail", args.join(" "));
    ours
}

/// Compares every key of `ours` with `theirs` (recursively), and checks that every key of
/// `theirs` listed in `must_have` is in `ours`. Returns the number of values compared.
pub fn compare(context: &str, ours: &Value, theirs: &Value, must_have: &[&str]) -> usize {
    match (ours, theirs) {
        (Value::Object(ours), Value::Object(theirs)) => {
            let mut compared = 0;
            for (key, value) in ours {
                let Some(expected) = theirs.get(key) else {
                    panic!("{context}: we print {key}={value}, ip does not");
                };
                if CLOCK_KEYS.contains(&key.as_str()) && value.is_u64() && value != expected {
                    let (a, b) = (value.as_i64().unwrap(), expected.as_i64().unwrap());
                    assert!((a - b).abs() <= 3, "{context}.{key}: {a} vs ip's {b}");
                    compared += 1;
                    continue;
                }
                compared += compare(&format!("{context}.{key}"), value, expected, &[]);
            }
            for key in must_have {
                if theirs.contains_key(*key) {
                    assert!(
                        ours.contains_key(*key),
                        "{context}: ip prints {key}, we do not"
                    );
                }
            }
            compared
        }
        (Value::Array(ours), Value::Array(theirs)) => {
            assert_eq!(ours.len(), theirs.len(), "{context}: lengths");
            ours.iter()
                .zip(theirs)
                .enumerate()
                .map(|(i, (a, b))| compare(&format!("{context}[{i}]"), a, b, must_have))
                .sum::<usize>()
                .max(1)
        }
        _ => {
            assert_eq!(ours, theirs, "{context}");
            1
        }
    }
}

/// The netlink messages `program ARGS` sent, from strace's hex dump of every `sendmsg` /
/// `sendto` (`-e write=all`), each with its sequence number and port id zeroed.
pub fn sent_messages(program: &str, args: &[&str]) -> Vec<Vec<u8>> {
    static NEXT_TRACE: AtomicU32 = AtomicU32::new(0);
    let trace = std::env::temp_dir().join(format!(
        "rtnl-strace-{}-{}",
        std::process::id(),
        NEXT_TRACE.fetch_add(1, Ordering::Relaxed)
    ));
    let status = std::process::Command::new("strace")
        .args([
            "-f",
            "-xx",
            "-s",
            "65536",
            "-e",
            "trace=sendmsg,sendto",
            "-e",
        ])
        .arg("write=all")
        .arg("-o")
        .arg(&trace)
        .arg(program)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("strace is needed to compare requests (apt-get install strace)");
    assert!(status.code().is_some(), "strace {program}: {status}");
    let text = std::fs::read_to_string(&trace).expect("strace output");
    let _ = std::fs::remove_file(&trace);
    // One buffer per call; strace's dump lines are ` | 00000  xx xx ...  text |`.
    let mut calls: Vec<Vec<u8>> = Vec::new();
    for line in text.lines() {
        if line.contains("sendmsg(") || line.contains("sendto(") {
            calls.push(Vec::new());
        } else if let (Some(rest), Some(call)) = (line.strip_prefix(" | "), calls.last_mut()) {
            let hex = rest.get(7..).unwrap_or_default();
            let hex = hex.get(..48.min(hex.len())).unwrap_or_default();
            call.extend(
                hex.split_whitespace()
                    .map(|b| u8::from_str_radix(b, 16).expect("a hex byte")),
            );
        }
    }
    let mut messages = Vec::new();
    for call in calls {
        let mut rest = call.as_slice();
        while rest.len() >= 16 {
            let len = u32::from_ne_bytes(rest[..4].try_into().unwrap()) as usize;
            if len < 16 || len > rest.len() {
                break;
            }
            let mut message = rest[..len].to_vec();
            message[8..16].fill(0);
            messages.push(message);
            rest = &rest[(len + 3) & !3..];
        }
    }
    messages
}

/// The last `RTM_NEWLINK` among `messages`.
pub fn last_newlink(messages: &[Vec<u8>]) -> Option<&Vec<u8>> {
    messages.iter().rev().find(|m| m[4..6] == [16, 0])
}

// ---------------------------------------------------------------------------------------------
// Command lines written as one string

/// The words of `line`, split at single spaces (no argument of these tests holds one).
pub fn words(line: &str) -> Vec<&str> {
    line.split(' ').collect()
}

/// Runs `ip` with the words of each line, in order; each must succeed ([`ip`]).
pub fn ip_lines(lines: &[&str]) {
    for line in lines {
        ip(&words(line));
    }
}

/// Each form fails with `rtnl` as with `ip`: the same message and exit code
/// ([`same_failure`]).
pub fn same_failure_each(forms: &[&str]) {
    for form in forms {
        same_failure(&words(form));
    }
}

/// Each form fails with `rtnl` as with `ip` ([`same_failure`]) and prints the same bytes
/// ([`same`]).
pub fn same_failures(forms: &[&str]) {
    for form in forms {
        same_failure(&words(form));
        same(&words(form));
    }
}

/// `rtnl FORM` and `ip FORM` (its [`words`]), each run right after `setup()` (a fresh
/// namespace set up the same way): the same exit code, stdout and stderr, and the same
/// `state()` after them (the lines only one of them left are named on a difference). What
/// rtnl did.
pub fn same_from_fresh(
    form: &str,
    setup: impl Fn(),
    state: impl Fn() -> String,
) -> (Option<i32>, String, String) {
    let run = |program: &str| {
        setup();
        let out = Command::new(program)
            .args(words(form))
            .output()
            .unwrap_or_else(|e| panic!("run {program}: {e}"));
        (outcome_text(&out), state())
    };
    let ours = run(RTNL);
    let theirs = run("ip");
    assert_eq!(ours.0, theirs.0, "rtnl vs ip: {form}");
    let only = |a: &str, b: &str| -> Vec<String> {
        a.lines()
            .filter(|line| !b.lines().any(|other| other == *line))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(
        ours.1,
        theirs.1,
        "state after rtnl vs ip: {form}: only after rtnl {:?}, only after ip {:?}",
        only(&ours.1, &theirs.1),
        only(&theirs.1, &ours.1)
    );
    ours.0
}

/// Each of `forms` run by `rtnl` and `ip` on the same state ([`same`]): how many of them
/// succeeded and printed something, so that a caller can require the forms to select, not
/// only to agree on empty output.
pub fn printing(forms: &[&str]) -> usize {
    forms
        .iter()
        .filter(|form| {
            let out = same(&words(form));
            out.status.success() && !out.stdout.is_empty()
        })
        .count()
}

/// Each of `forms` compared by `same` (e.g. a [`same_from_fresh`]), which must have
/// succeeded (`ok`) or failed.
pub fn each_form(forms: &[&str], ok: bool, same: impl Fn(&str) -> Option<i32>) {
    for form in forms {
        let code = same(form);
        assert_eq!(code == Some(0), ok, "{form}: exit {code:?}");
    }
}

/// Named namespaces `r` (a router) and `c` (beyond it): a veth pair `a0` here – `r0` in `r`,
/// and `r1` in `r` – `c0` in `c`, that far link with an MTU of 1280. Nothing is up yet.
pub fn router_between_namespaces() {
    ip_lines(&[
        "netns add r",
        "netns add c",
        "link add a0 type veth peer name r0 netns r",
        "-n r link add r1 type veth peer name c0 netns c",
        "-n r link set r1 mtu 1280",
        "-n c link set c0 mtu 1280",
    ]);
}

/// A veth pair `a`–`b`, both up, with `192.0.2.1/24` and `2001:db8::1/64` (no DAD) on `a`.
pub fn veth_pair_with_addresses(a: &str, b: &str) {
    ip_lines(&[
        &format!("link add {a} type veth peer name {b}"),
        &format!("link set {a} up"),
        &format!("link set {b} up"),
        &format!("addr add 192.0.2.1/24 dev {a}"),
        &format!("addr add 2001:db8::1/64 dev {a} nodad"),
    ]);
}

// ---------------------------------------------------------------------------------------------
// Monitors compared between two marker events

/// What a link event of MTU `mtu` carries: ` mtu N qdisc`.
pub fn mtu_marker(mtu: u32) -> String {
    format!(" mtu {mtu} qdisc")
}

/// Sets `dev`'s MTU to `base`, `base + 1`, ... (each a new event: setting the same MTU again
/// sends none), at most `rounds` times, until every watcher printed the change; that MTU.
/// `netns` are the words put before `link set` (`["-n", "peer"]`, or none).
pub fn mark_mtu(watchers: &[&Watcher], netns: &[&str], dev: &str, base: u32, rounds: u32) -> u32 {
    for round in 0..rounds {
        let mtu = base + round;
        let mtu_word = mtu.to_string();
        ip(&[netns, &["link", "set", dev, "mtu", &mtu_word]].concat());
        std::thread::sleep(std::time::Duration::from_millis(10));
        if watchers.iter().all(|w| w.text().contains(&mtu_marker(mtu))) {
            return mtu;
        }
    }
    panic!("the monitors never printed {dev}'s MTU from {base}");
}

/// Where the events after the last one holding `start` begin (its two lines skipped), and
/// where the first `end` after them is.
pub fn after_event(text: &str, start: &str, end: &str) -> (usize, usize) {
    let mut from = text.rfind(start).expect("start marker");
    for _ in 0..2 {
        from += text[from..].find('\n').expect("a whole event") + 1;
    }
    (from, from + text[from..].find(end).expect("end marker"))
}

/// The lines after the event holding `start` ([`after_event`]) and before the line holding
/// `end`.
pub fn lines_between_events(text: &str, start: &str, end: &str) -> String {
    let (from, end_at) = after_event(text, start, end);
    let to = text[..end_at]
        .rfind('\n')
        .map_or(from, |nl| nl + 1)
        .max(from);
    text[from..to].to_owned()
}
