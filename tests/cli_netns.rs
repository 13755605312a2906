//! `rtnl netns` against `ip netns`, side by side on the same state: exec (lo, `/sys`, the
//! `/etc/netns` binds, exit status, failures), `-all exec` / `-all delete`, monitor, list-id
//! filters, argument checks, the topology graph, and `netns add` killed at many points.
//!
//! Each test gives its thread a private network and mount namespace with a tmpfs on `/run`
//! (`common::private_netns_with_run_netns`), so `ip` and `rtnl` share a `/run/netns` that the
//! host never sees. Tests that need `/etc/netns/NAME` put an overlay on `/etc` in that private
//! mount namespace: its writes land in a tmpfs, never in the host's `/etc`.

mod common;

use std::collections::BTreeSet;
use std::io::Write as _;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{
    RTNL, Watcher, index_and_name, ip, ip_raw, private_netns_with_run_netns, rtnl, same, words,
};
use serde_json::Value;

/// `rtnl ARGS` must succeed; its stdout.
fn ok(args: &[&str]) -> String {
    let out = rtnl(args);
    assert!(
        out.status.success(),
        "rtnl {}: exit {:?}: {}",
        args.join(" "),
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// An overlay on `/etc` (upper layer in a tmpfs) in the calling thread's private mount
/// namespace, so a test can make `/etc/netns/NAME/...` without writing to the host's `/etc`.
struct EtcOverlay {
    scratch: std::path::PathBuf,
}

impl EtcOverlay {
    fn new(tag: &str) -> EtcOverlay {
        let scratch = std::env::temp_dir().join(format!("rtnl-etc-{}-{tag}", std::process::id()));
        std::fs::create_dir_all(&scratch).unwrap();
        rustix::mount::mount(
            "rtnl-test",
            &scratch,
            "tmpfs",
            rustix::mount::MountFlags::empty(),
            None,
        )
        .expect("tmpfs for the overlay (private mount namespace)");
        std::fs::create_dir(scratch.join("up")).unwrap();
        std::fs::create_dir(scratch.join("work")).unwrap();
        let options = format!(
            "lowerdir=/etc,upperdir={},workdir={}",
            scratch.join("up").display(),
            scratch.join("work").display()
        );
        rustix::mount::mount(
            "overlay",
            "/etc",
            "overlay",
            rustix::mount::MountFlags::empty(),
            std::ffi::CString::new(options).unwrap().as_c_str(),
        )
        .expect("overlay on /etc (private mount namespace)");
        EtcOverlay { scratch }
    }
}

impl Drop for EtcOverlay {
    fn drop(&mut self) {
        let _ = rustix::mount::unmount("/etc", rustix::mount::UnmountFlags::DETACH);
        let _ = rustix::mount::unmount(&self.scratch, rustix::mount::UnmountFlags::DETACH);
        let _ = std::fs::remove_dir(&self.scratch);
    }
}

/// `netns exec`: the man page's `ip link set lo up`, `/sys` showing the namespace's devices,
/// `/etc/netns/NAME/X` over `/etc/X`, the command's status, and every failure as `ip`.
#[test]
fn exec_matches_ip() {
    let _run = private_netns_with_run_netns();
    let _etc = EtcOverlay::new("exec");
    ok(&["netns", "add", "blue"]);
    ip(&words("-n blue link add v0 type veth peer name v1"));
    std::fs::create_dir_all("/etc/netns/blue").unwrap();
    std::fs::write("/etc/netns/blue/hosts", "192.0.2.1 blue-host\n").unwrap();

    // The man page's example: lo comes up inside blue, not here.
    ok(&["netns", "exec", "blue", "ip", "link", "set", "lo", "up"]);
    let lo = common::ip_json(&["-n", "blue", "link", "show", "dev", "lo"]);
    assert!(
        lo[0]["flags"].as_array().unwrap().iter().any(|f| f == "UP"),
        "{lo}"
    );

    // /sys is the namespace's: lo, v0, v1, and not this namespace's devices.
    let sys = same(&["netns", "exec", "blue", "ls", "/sys/class/net"]);
    let listed: BTreeSet<String> = String::from_utf8(sys.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        listed,
        ["lo", "v0", "v1"].map(str::to_owned).into_iter().collect()
    );
    // The new sysfs is mounted from the name, as ip mounts it.
    let mounts = same(&[
        "netns",
        "exec",
        "blue",
        "grep",
        " /sys ",
        "/proc/self/mounts",
    ]);
    assert!(
        String::from_utf8_lossy(&mounts.stdout).starts_with("blue /sys sysfs rw"),
        "{}",
        String::from_utf8_lossy(&mounts.stdout)
    );

    // /etc/netns/blue/hosts is bound over /etc/hosts inside, and only there.
    let hosts = same(&["netns", "exec", "blue", "cat", "/etc/hosts"]);
    assert_eq!(hosts.stdout, b"192.0.2.1 blue-host\n");
    assert_ne!(
        std::fs::read_to_string("/etc/hosts").unwrap(),
        "192.0.2.1 blue-host\n"
    );

    // The command's status passes through; its output and stderr are its own.
    let status = same(&[
        "netns",
        "exec",
        "blue",
        "sh",
        "-c",
        "echo out; echo err >&2; exit 7",
    ]);
    assert_eq!(status.status.code(), Some(7));
    assert_eq!(status.stdout, b"out\n");

    // Failures: messages and exit codes as ip's.
    for args in [
        "netns exec",
        "netns exec blue",
        "netns exec nope true",
        "netns exec a/b true",
        "netns exec .. true",
        "netns exec blue /nonexistent/command",
        "netns exec blue no-such-command-rtnl",
    ] {
        let args: &[&str] = &words(args);
        let out = same(args);
        assert!(!out.status.success(), "{args:?}");
    }
    let missing = same(&["netns", "exec", "nope", "true"]);
    assert_eq!(missing.status.code(), Some(255));
    assert_eq!(
        String::from_utf8_lossy(&missing.stderr),
        "Cannot open network namespace \"nope\": No such file or directory\n"
    );
    let no_cmd = same(&["netns", "exec", "blue", "no-such-command-rtnl"]);
    assert_eq!(no_cmd.status.code(), Some(1));

    // In a batch, ip runs the command in a child and a failing status fails the line.
    let batch = std::env::temp_dir().join(format!("rtnl-netns-batch-{}", std::process::id()));
    let mut file = std::fs::File::create(&batch).unwrap();
    writeln!(file, "netns exec blue sh -c \"exit 0\"").unwrap();
    writeln!(file, "netns exec blue sh -c \"exit 3\"").unwrap();
    writeln!(file, "netns exec blue true").unwrap();
    drop(file);
    let batch_path = batch.to_str().unwrap();
    let out = same(&["-b", batch_path]);
    assert_eq!(out.status.code(), Some(1));
    let out = same(&["-force", "-b", batch_path]);
    assert_eq!(out.status.code(), Some(1));
    std::fs::remove_file(&batch).unwrap();
}

/// `SIGPIPE`'s number (13 on Linux).
fn libc_sigpipe() -> u32 {
    rustix::process::Signal::PIPE.as_raw().unsigned_abs()
}

/// The command starts as ip's does: with `SIGPIPE` at its default action although rtnl ignores
/// it (ip does not), by `exec`, in a batch's child and in `-all`'s; a command that cannot be
/// executed and one killed by a signal end as ip's do, in a batch and with `-all`.
#[test]
fn exec_child_starts_and_ends_as_ips() {
    let _run = private_netns_with_run_netns();
    ok(&["netns", "add", "blue"]);
    let signals = ["grep", "-E", "^Sig(Ign|Blk)", "/proc/self/status"];
    let out = same(&[&["netns", "exec", "blue"][..], &signals].concat());
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let ignored = text
        .lines()
        .find_map(|line| line.strip_prefix("SigIgn:\t"))
        .and_then(|mask| u64::from_str_radix(mask, 16).ok())
        .expect("SigIgn in /proc/self/status");
    assert_eq!(ignored & (1 << (libc_sigpipe() - 1)), 0, "{text}");
    let out = same(&[&["-all", "netns", "exec"][..], &signals].concat());
    assert_eq!(out.stdout, format!("\nnetns: blue\n{text}").as_bytes());

    let batch = std::env::temp_dir().join(format!("rtnl-netns-child-{}", std::process::id()));
    let batch_path = batch.to_str().unwrap();
    let run_batch = |lines: &[&str]| {
        let mut file = std::fs::File::create(&batch).unwrap();
        for line in lines {
            writeln!(file, "{line}").unwrap();
        }
        drop(file);
        let out = same(&["-force", "-b", batch_path]);
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, stdout) = run_batch(&[
        "netns exec blue grep -E ^Sig(Ign|Blk) /proc/self/status",
        "netns exec blue no-such-command-rtnl",
        "netns exec blue /nonexistent/command",
        "netns exec blue true",
    ]);
    assert_eq!((code, stdout), (Some(1), text.clone()));
    // Killed by a signal: ip ends at once, exit 1, the lines after it not run.
    let (code, stdout) = run_batch(&[
        "netns exec blue sh -c \"kill -9 $$\"",
        "netns exec blue echo after",
    ]);
    assert_eq!((code, stdout.as_str()), (Some(1), ""));
    std::fs::remove_file(&batch).unwrap();

    same(&["-all", "netns", "exec", "/nonexistent/command"]);
    let out = same(&["-all", "netns", "exec", "sh", "-c", "kill -9 $$"]);
    assert_eq!(out.status.code(), Some(1));
}

/// `-all netns exec` runs in each namespace under `netns: NAME` headers (a failing command is
/// reported, the run goes on, exit 0), and `-all netns delete` removes every name.
#[test]
fn all_exec_and_all_delete_match_ip() {
    let _run = private_netns_with_run_netns();
    for name in ["a", "b", "c"] {
        ok(&["netns", "add", name]);
    }
    ip(&words("-n b link add v0 type veth peer name v1"));
    let out = same(&["-all", "netns", "exec", "ls", "/sys/class/net"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches("\nnetns: ").count(), 3, "{text}");
    assert!(text.contains("\nnetns: b\nlo\nv0\nv1\n"), "{text}");
    assert_eq!(out.status.code(), Some(0));
    let out = same(&["-a", "netns", "exec", "sh", "-c", "echo in; exit 4"]);
    assert_eq!(out.status.code(), Some(0));
    same(&["-all", "netns", "exec", "no-such-command-rtnl"]);
    same(&["-all", "netns", "exec"]);

    // -all delete, by rtnl; then the same state again, deleted by ip.
    let out = rtnl(&["-all", "netns", "delete"]);
    assert!(out.status.success() && out.stderr.is_empty());
    assert_eq!(ok(&["netns", "list"]), "");
    assert_eq!(ip(&["netns", "list"]), "");
    for name in ["a", "b", "c"] {
        ok(&["netns", "add", name]);
    }
    let theirs = ip_raw(&["-all", "netns", "delete"]);
    assert_eq!(theirs.status.code(), Some(0));
    assert_eq!(ok(&["netns", "list"]), "");
    // With no names at all, both succeed quietly.
    same(&["-all", "netns", "delete"]);
    same(&["-all", "netns", "exec", "true"]);
}

/// Waits until `f` holds (up to 10 s).
fn wait_until(what: &str, mut f: impl FnMut() -> bool) {
    let start = Instant::now();
    while !f() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "timed out: {what}"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// `netns monitor` prints `add NAME` / `delete NAME` for changes made by rtnl and by ip (a
/// second process), the same lines as `ip netns monitor`, each written out while the monitor
/// still runs; the library's event stream sees the same changes.
#[test]
fn monitor_matches_ip() {
    let _run = private_netns_with_run_netns();
    // The run dir is made by the monitor when missing, as ip does.
    std::fs::remove_dir("/run/netns").unwrap();
    let ours = Watcher::start(RTNL, &["netns", "monitor"], "ours");
    wait_until("rtnl monitor made the run dir", || {
        std::path::Path::new("/run/netns").is_dir()
    });
    // ip block-buffers into a file; line-buffered through stdbuf its lines can be compared.
    let theirs = Watcher::start("stdbuf", &["-oL", "ip", "netns", "monitor"], "ip");
    let events = rtnl_ip::netns::Namespaces::at("/run/netns")
        .watch()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for event in events {
            if tx.send(event.map(|e| e.to_string())).is_err() {
                break;
            }
        }
    });
    // Both monitors are listening once they print a probe name.
    let mut probe = 0;
    wait_until("both monitors listening", || {
        probe += 1;
        let name = format!("probe{probe}");
        std::fs::File::create(format!("/run/netns/{name}")).unwrap();
        std::fs::remove_file(format!("/run/netns/{name}")).unwrap();
        std::thread::sleep(Duration::from_millis(20));
        let line = format!("delete {name}\n");
        ours.text().contains(&line) && theirs.text().contains(&line)
    });
    let start_ours = ours.text().len();
    let start_theirs = theirs.text().len();
    ok(&["netns", "add", "red"]);
    ip(&["netns", "add", "green"]);
    ok(&["netns", "del", "red"]);
    ip(&["netns", "del", "green"]);
    let expected = "add red\nadd green\ndelete red\ndelete green\n";
    wait_until("rtnl monitor printed every change, still running", || {
        ours.text().get(start_ours..) == Some(expected)
    });
    wait_until("ip monitor printed every change", || {
        theirs.text().get(start_theirs..) == Some(expected)
    });
    assert_eq!(ours.text()[start_ours..], theirs.text()[start_theirs..]);
    // The library stream: probes first, then the same four changes.
    let mut seen = Vec::new();
    while seen.len() < 4 {
        let line = rx.recv_timeout(Duration::from_secs(10)).unwrap().unwrap();
        if line.contains("probe") {
            continue;
        }
        seen.push(line);
    }
    assert_eq!(seen.join("\n") + "\n", expected);
    same(&["netns", "monitor", "x/y"]);
}

/// `netns list-id` with `nsid N` and `target-nsid N`, text and JSON, and its argument errors.
#[test]
fn list_id_filters_match_ip() {
    let _run = private_netns_with_run_netns();
    for name in ["a", "b", "c"] {
        ok(&["netns", "add", name]);
    }
    ok(&["netns", "set", "a", "3"]);
    ok(&["netns", "set", "b", "1"]);
    ok(&["netns", "set", "c", "auto"]);
    // Inside a: ids for b and for this (the test's) namespace.
    ip(&["-n", "a", "netns", "set", "b", "0"]);
    let me = rustix::thread::gettid().as_raw_nonzero().to_string();
    ok(&["netns", "attach", "here", &me]);
    ip(&["-n", "a", "netns", "set", "here", "5"]);
    for filter in [
        &[][..],
        &["nsid", "3"],
        &["nsid", "0x3"],
        &["nsid", "1"],
        &["target-nsid", "3"],
        &["target-nsid", "1"],
        &["nsid", "1", "target-nsid", "3"],
        &["target-nsid", "3", "nsid", "3"],
        &["nsid", "0", "target-nsid", "3"],
    ] {
        for json in [false, true] {
            let mut args = if json { vec!["-j"] } else { vec![] };
            args.extend_from_slice(&["netns", "list-id"]);
            args.extend_from_slice(filter);
            let out = same(&args);
            assert!(out.status.success(), "{args:?}");
        }
    }
    let one = same(&["netns", "list-id", "nsid", "3"]);
    assert_eq!(one.stdout, b"nsid 3 (iproute2 netns name: a)\n");
    let targeted = same(&["netns", "list-id", "target-nsid", "3"]);
    let text = String::from_utf8(targeted.stdout).unwrap();
    assert!(
        text.contains("nsid 0 current-nsid 1 (iproute2 netns name: b)\n"),
        "{text}"
    );
    // Errors: a missing id (the kernel's refusal, exit 2), an unknown target (Dump
    // terminated, exit 1), values and duplicates (exit 255).
    for args in [
        "netns list-id nsid 9",
        "netns list-id target-nsid 99",
        "netns list-id nsid",
        "netns list-id nsid x",
        "netns list-id nsid -1",
        "netns list-id nsid -1 target-nsid",
        "netns list-id target-nsid -2 nsid 1",
        "netns list-id nsid 3 nsid 4",
        "netns list-id target-nsid 3 target-nsid 4",
    ] {
        let args: &[&str] = &words(args);
        let out = same(args);
        assert!(!out.status.success(), "{args:?}");
    }
    assert_eq!(
        same(&["netns", "list-id", "nsid", "9"]).status.code(),
        Some(2)
    );
    // An unknown word prints the usage (rtnl's names rtnl) and exits 255, as ip.
    let (ours, theirs) = (
        rtnl(&["netns", "list-id", "foo"]),
        ip_raw(&["netns", "list-id", "foo"]),
    );
    assert_eq!(ours.status.code(), Some(255));
    assert_eq!(ours.status.code(), theirs.status.code());
    assert!(String::from_utf8_lossy(&ours.stderr).contains("list-id [target-nsid POSITIVE-INT]"));
    ok(&["netns", "del", "here"]);
}

/// Every netns command's argument checks: the same message and exit code as ip.
#[test]
fn argument_checks_match_ip() {
    let _run = private_netns_with_run_netns();
    ok(&["netns", "add", "a"]);
    for args in [
        "netns add",
        "netns add a",
        "netns add x/y",
        "netns add .",
        "netns delete",
        "netns delete nope",
        "netns attach",
        "netns attach x",
        "netns attach x abc",
        "netns attach x 0",
        "netns set",
        "netns set a",
        "netns set a x",
        "netns set a -1",
        "netns set nope 3",
        "netns identify 1 2",
        "netns identify abc",
        "netns identify 999999999",
        "netns pids",
        "netns pids a b",
        "netns pids nope",
        "netns foo",
        "netns foo a/b",
        "netns monitor ..",
    ] {
        let args: &[&str] = &words(args);
        let out = same(args);
        assert!(!out.status.success(), "{args:?} should fail");
    }
    // identify prints one name per namespace (ip 6.1 prints the last in directory order).
    let me = rustix::thread::gettid().as_raw_nonzero().to_string();
    ok(&["netns", "attach", "here", &me]);
    ok(&["netns", "attach", "here2", &me]);
    let out = same(&["netns", "identify", &me]);
    assert_eq!(out.stdout.iter().filter(|&&b| b == b'\n').count(), 1);
    same(&["netns", "identify"]);
    same(&["netns", "list", "extra"]);
    ok(&["netns", "del", "here"]);
    ok(&["netns", "del", "here2"]);
    // help: rtnl's usage (it names rtnl, and topology), exit 255 as ip's.
    let help = rtnl(&["netns", "help"]);
    assert_eq!(help.status.code(), Some(255));
    let text = String::from_utf8_lossy(&help.stderr);
    for command in [
        "list", "add", "attach", "set", "delete", "identify", "pids", "exec", "monitor", "list-id",
        "topology",
    ] {
        assert!(
            text.contains(&format!("netns {command}")),
            "{command}: {text}"
        );
    }
    assert_eq!(ip_raw(&["netns", "help"]).status.code(), Some(255));
}

/// `netns topology -j`: three namespaces joined by two veth pairs (a0–b0, b1–c0), plus a pair
/// inside c, checked both ways: every pair of the graph is what ip says of both ends, and
/// every veth ip shows is in exactly one pair of the graph.
#[test]
fn topology_graph_is_what_ip_sees() {
    let _run = private_netns_with_run_netns();
    for name in ["na", "nb", "nc"] {
        ok(&["netns", "add", name]);
    }
    ok(&words("-n na link add a0 type veth peer name b0 netns nb"));
    ok(&words("-n nb link add b1 type veth peer name c0 netns nc"));
    ok(&words("-n nc link add c1 type veth peer name c2"));
    // A file in the run dir that is not a namespace is left out of the graph.
    std::fs::write("/run/netns/junk", "not a namespace").unwrap();
    let graph: Value = serde_json::from_str(&ok(&["netns", "topology", "-j"])).unwrap();
    assert_eq!(
        graph,
        serde_json::from_str::<Value>(&ok(&["-j", "netns", "topology"])).unwrap()
    );
    let namespaces = graph["namespaces"].as_array().unwrap();
    let labels: BTreeSet<&str> = namespaces
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        ["(current)", "na", "nb", "nc"].into_iter().collect()
    );
    // Links of each namespace are ip's.
    for ns in namespaces {
        let name = ns["name"].as_str().unwrap();
        let ours = index_and_name(&ns["links"]);
        let dump = if name == "(current)" {
            common::ip_json(&["link", "show"])
        } else {
            common::ip_json(&["-n", name, "link", "show"])
        };
        let theirs = index_and_name(&dump);
        assert_eq!(ours, theirs, "links of {name}");
    }
    // Pairs: exactly the three made, each end named and placed.
    let pairs: BTreeSet<(String, String)> = graph["veth_pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let end = |e: &Value| {
                format!(
                    "{}/{}",
                    e["netns"].as_str().unwrap(),
                    e["ifname"].as_str().unwrap()
                )
            };
            (end(&p[0]), end(&p[1]))
        })
        .collect();
    let expected: BTreeSet<(String, String)> =
        [("na/a0", "nb/b0"), ("nb/b1", "nc/c0"), ("nc/c1", "nc/c2")]
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect();
    let unordered: BTreeSet<(String, String)> = pairs
        .iter()
        .map(|(a, b)| {
            if a <= b {
                (a.clone(), b.clone())
            } else {
                (b.clone(), a.clone())
            }
        })
        .collect();
    assert_eq!(unordered, expected);
    // The other way: every veth ip shows, from its own end, is in one pair, and ip's peer
    // (`link_index` when it is in another namespace, else `link`, its name) is the other end.
    let mut ends_seen = 0;
    for ns in ["na", "nb", "nc"] {
        for link in common::ip_json(&["-n", ns, "link", "show", "type", "veth"])
            .as_array()
            .unwrap()
        {
            let ifname = link["ifname"].as_str().unwrap();
            let me = format!("{ns}/{ifname}");
            let found: Vec<&Value> = graph["veth_pairs"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|p| {
                    (0..2).any(|i| {
                        format!(
                            "{}/{}",
                            p[i]["netns"].as_str().unwrap(),
                            p[i]["ifname"].as_str().unwrap()
                        ) == me
                    })
                })
                .collect();
            assert_eq!(found.len(), 1, "{me} in one pair");
            let pair = found[0];
            let other = if pair[0]["ifname"] == ifname && pair[0]["netns"] == ns {
                &pair[1]
            } else {
                &pair[0]
            };
            match link["link_index"].as_u64() {
                Some(peer_index) => assert_eq!(other["ifindex"].as_u64(), Some(peer_index), "{me}"),
                None => {
                    assert_eq!(other["ifname"], link["link"], "{me}");
                    assert_eq!(other["netns"], ns, "{me}");
                }
            }
            ends_seen += 1;
        }
    }
    assert_eq!(ends_seen, 6);
    // Text and DOT carry the same pairs.
    let text = ok(&["netns", "topology"]);
    assert!(
        text.contains("    na/a0 <-> nb/b0\n") || text.contains("    nb/b0 <-> na/a0\n"),
        "{text}"
    );
    assert!(text.contains(" a0 veth <-> nb/b0\n"), "{text}");
    let dot = ok(&["netns", "topology", "--dot"]);
    assert!(dot.starts_with("graph netns {"), "{dot}");
    assert_eq!(dot.matches(" -- ").count(), 3, "{dot}");
    assert_eq!(dot.matches("subgraph cluster_").count(), 4, "{dot}");
}

/// What a name in the run dir is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum State {
    /// No file.
    Absent,
    /// A file with no namespace on it: the leftover of a killed add.
    Leftover,
    /// A namespace.
    Namespace,
    /// Anything else: broken.
    Other,
}

fn state(path: &str) -> State {
    let c = std::ffi::CString::new(path).unwrap();
    if std::fs::symlink_metadata(path).is_err() {
        return State::Absent;
    }
    if rtnl_ip::sys::is_leftover(&c) {
        return State::Leftover;
    }
    // A namespace file opens and `setns` accepts it: the kernel's own check.
    let usable = rtnl_ip::sys::NetnsFd::open(path)
        .ok()
        .is_some_and(|fd| rtnl_ip::sys::run_in(&fd, || ()).is_ok());
    if usable {
        State::Namespace
    } else {
        State::Other
    }
}

/// `rtnl netns add` killed (SIGKILL) at 240 points from its start to past its end: the next
/// add heals whatever it left (or finds the namespace made), the next delete removes it, and
/// then no broken name is left. The kills land at every stage: before the file, between file
/// and mount (a leftover), after.
#[test]
fn killed_add_is_healed_by_the_next_add() {
    let _run = private_netns_with_run_netns();
    // How long a whole add takes here, to spread the kills over it.
    let start = Instant::now();
    ok(&["netns", "add", "probe"]);
    let add_time = start.elapsed();
    ok(&["netns", "del", "probe"]);
    let path = "/run/netns/x";
    let mut after_kill = std::collections::BTreeMap::new();
    let mut killed_running = 0;
    let kills = 240u32;
    for i in 0..kills {
        // From 0 to 1.5x an add's time, in steps, so the kills fall at every point.
        let delay = add_time.mul_f64(1.5 * f64::from(i % 60) / 60.0);
        let mut child = Command::new(RTNL)
            .args(["netns", "add", "x"])
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        child.kill().unwrap();
        let status = child.wait().unwrap();
        if status.code().is_none() {
            killed_running += 1;
        }
        *after_kill.entry(state(path)).or_insert(0u32) += 1;
        // The next add heals a leftover, or finds the namespace made.
        let out = rtnl(&["netns", "add", "x"]);
        let healed_state = state(path);
        assert_eq!(
            healed_state,
            State::Namespace,
            "after the next add (exit {:?}: {})",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        ok(&["netns", "del", "x"]);
        let broken: Vec<String> = std::fs::read_dir("/run/netns")
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| state(&format!("/run/netns/{n}")) != State::Namespace)
            .collect();
        assert_eq!(broken, Vec::<String>::new(), "broken names after kill {i}");
    }
    eprintln!(
        "{kills} kills ({killed_running} while running; add takes {add_time:?}): states right after the kill {after_kill:?}"
    );
    assert!(killed_running > 0, "no kill landed while the add ran");
    assert!(!after_kill.contains_key(&State::Other), "{after_kill:?}");
}
