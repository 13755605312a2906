//! Names that are not UTF-8, end to end, against `ip` 6.1: `netns exec NAME CMD ARGS`,
//! `netns identify`/`pids`, rule `iif`/`oif`, `tuntap add`/`del NAME`, address `label`, the
//! `-batch` file's own name, `neigh get` and `-s neigh flush` output, and the library's
//! messages naming them. Each form runs with `rtnl` and with `ip`, each in a fresh network
//! namespace with a private `/run/netns` after the same set-up: stdout, stderr and exit code
//! must be the same bytes, and so must the state left.

mod common;

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt as _;
use std::process::{Command, Output};

use common::{RTNL, private_netns_with_run_netns};

/// Exit code, stdout and stderr of one command, as bytes.
type Outcome = (Option<i32>, Vec<u8>, Vec<u8>);

/// Runs `program WORDS` (words as bytes) in the calling thread's namespaces.
fn run(program: &str, words: &[&[u8]]) -> Output {
    Command::new(program)
        .args(words.iter().map(|w| OsStr::from_bytes(w)))
        .output()
        .expect("run the program")
}

/// `words` split at spaces, with `\xNN` read as that byte.
fn words(form: &str) -> Vec<Vec<u8>> {
    form.split(' ')
        .map(|word| {
            let mut bytes = Vec::new();
            let mut rest = word.as_bytes();
            while let Some((&b, tail)) = rest.split_first() {
                if b == b'\\' && tail.first() == Some(&b'x') && tail.len() >= 3 {
                    let hex = std::str::from_utf8(&tail[1..3]).expect("hex");
                    bytes.push(u8::from_str_radix(hex, 16).expect("a hex byte"));
                    rest = &tail[3..];
                } else {
                    bytes.push(b);
                    rest = tail;
                }
            }
            bytes
        })
        .collect()
}

/// In a fresh network namespace with a private `/run/netns` (on a thread of its own): `setup`
/// with ip, then `program FORM`; its outcome, and what `state` prints afterwards.
fn in_fresh_netns(
    setup: &[&str],
    program: &'static str,
    form: &str,
    state: &[&str],
) -> (Outcome, Vec<Vec<u8>>) {
    let setup: Vec<Vec<Vec<u8>>> = setup.iter().map(|cmd| words(cmd)).collect();
    let form = words(form);
    let state: Vec<Vec<Vec<u8>>> = state.iter().map(|cmd| words(cmd)).collect();
    std::thread::spawn(move || {
        let _run = private_netns_with_run_netns();
        for cmd in &setup {
            let cmd: Vec<&[u8]> = cmd.iter().map(Vec::as_slice).collect();
            let out = run("ip", &cmd);
            assert!(
                out.status.success(),
                "ip setup {:?}: {}",
                cmd.join(&b' ').escape_ascii().to_string(),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let form: Vec<&[u8]> = form.iter().map(Vec::as_slice).collect();
        let out = run(program, &form);
        let seen = state
            .iter()
            .map(|cmd| {
                let cmd: Vec<&[u8]> = cmd.iter().map(Vec::as_slice).collect();
                let out = run("ip", &cmd);
                [out.stdout, out.stderr].concat()
            })
            .collect();
        ((out.status.code(), out.stdout, out.stderr), seen)
    })
    .join()
    .expect("test thread")
}

/// Each form: the same outcome and state with rtnl as with ip.
fn same_as_ip(setup: &[&str], forms: &[&str], state: &[&str]) {
    for form in forms {
        let ours = in_fresh_netns(setup, RTNL, form, state);
        let theirs = in_fresh_netns(setup, "ip", form, state);
        let show = |o: &Outcome| {
            format!(
                "exit {:?}\nstdout: {}\nstderr: {}",
                o.0,
                o.1.escape_ascii(),
                o.2.escape_ascii()
            )
        };
        assert_eq!(
            ours.0,
            theirs.0,
            "{form}:\nrtnl {}\nip {}",
            show(&ours.0),
            show(&theirs.0)
        );
        let text = |state: &[Vec<u8>]| {
            state
                .iter()
                .map(|s| s.escape_ascii().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(text(&ours.1), text(&theirs.1), "state after {form}");
    }
}

/// `netns exec`, `identify`, `pids`, `list-id` with a namespace named `n\xff`: the name, the
/// command and its arguments go through as bytes, and the output and messages print them.
#[test]
fn netns_names_and_commands_are_bytes() {
    let setup = ["netns add n\\xff", "netns add m0", "netns set n\\xff 5"];
    same_as_ip(
        &setup,
        &[
            "netns exec n\\xff echo a\\xffb",
            "netns exec n\\xff ip netns identify",
            "netns exec n\\xff ip link show",
            "netns exec x\\xff true",
            "netns exec n\\xff /nonexistent/\\xff",
            "netns exec a/\\xff true",
            "netns pids n\\xff",
            "netns pids z\\xff",
            "netns identify",
            "-all netns exec echo \\xfe",
            "netns add \\xfe/x",
            "netns del z\\xff",
            "netns set z\\xff 5",
            "-n z\\xff link show",
            "netns list-id",
            "-j netns list-id",
            "netns list-id nsid 5",
        ],
        &["netns list"],
    );
}

/// Rule `iif`/`oif` names that are not UTF-8 reach the kernel as bytes and print as bytes; a
/// name of 16 bytes is refused with them in the message.
#[test]
fn rule_device_names_are_bytes() {
    let setup = ["rule add iif i\\xff oif o\\xfe table 100 pref 100"];
    same_as_ip(
        &setup,
        &[
            "rule add iif a\\xff table 10",
            "rule add oif b\\xfe table 10 pref 7",
            "rule del iif i\\xff oif o\\xfe table 100 pref 100",
            "rule show iif i\\xff",
            "rule show oif o\\xfe",
            "-j rule show iif i\\xff",
            "rule add iif \\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff table 10",
            "rule add oif \\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff table 10",
        ],
        &["rule show", "-6 rule show"],
    );
}

/// `tuntap add`/`del` of a device named `t\xff` (and its refusals) as ip does them.
#[test]
fn tuntap_names_are_bytes() {
    same_as_ip(
        &[
            "tuntap add s\\xfe mode tap",
            "link set s\\xfe address 02:00:00:00:00:05",
        ],
        &[
            "tuntap add t\\xff mode tun",
            "tuntap add dev t\\xff mode tun pi",
            "tuntap del s\\xfe mode tap",
            "tuntap del s\\xfe mode tun",
            "tuntap add s\\xfe mode tap",
            "tuntap add \\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff mode tun",
            "tuntap add t\\xff u\\xff mode tun",
        ],
        &["-d link show"],
    );
}

/// An address `label` that is not UTF-8 goes to the kernel as bytes.
#[test]
fn address_labels_are_bytes() {
    same_as_ip(
        &[
            "link add v\\xff address 02:00:00:00:00:01 type veth peer name p0 address 02:00:00:00:00:02",
        ],
        &[
            "address add 192.0.2.1/24 dev v\\xff label v\\xff:a",
            "address add 192.0.2.1/24 dev v\\xff label v\\xff:\\xfe",
            "address add 192.0.2.1/24 dev v\\xff label x\\xff",
            "address add 192.0.2.1/24 dev v\\xff label v\\xff:\\xfe\\xfe\\xfe\\xfe\\xfe\\xfe\\xfe\\xfe\\xfe\\xfe\\xfe\\xfe",
        ],
        &["-4 address show"],
    );
}

/// `address show label PATTERN` matches labels as bytes, and prints them as bytes.
#[test]
fn address_label_patterns_are_bytes() {
    same_as_ip(
        &[
            "link add v\\xff address 02:00:00:00:00:01 type veth peer name p0 address 02:00:00:00:00:02",
            "address add 192.0.2.9/24 dev v\\xff label v\\xff:z",
            "address add 192.0.2.10/24 dev v\\xff",
        ],
        &[
            "-4 address show label v\\xff:z",
            "-4 address show label v\\xff:*",
            "-4 address show label v\\xff",
            "-4 address show label v?:z",
            "-j -4 address show label v\\xff*",
            "-4 address show dev v\\xff label v\\xff:z",
        ],
        &[],
    );
}

/// `neigh get` and `-s -s neigh flush` print a device named `v\xff` as its bytes (one entry:
/// the order of several differs from one namespace's table to another's).
#[test]
fn neighbour_output_prints_names_as_bytes() {
    let setup = [
        "link add v\\xff address 02:00:00:00:00:01 type veth peer name p0 address 02:00:00:00:00:02",
        "link set v\\xff up",
        "neigh add 192.0.2.2 lladdr 02:00:00:00:00:09 dev v\\xff",
    ];
    same_as_ip(
        &setup,
        &[
            "neigh get 192.0.2.2 dev v\\xff",
            "-s -s neigh flush dev v\\xff",
            "-s neigh flush dev v\\xff",
            "-s -s neigh flush dev v\\xff nud all",
        ],
        &["neigh show nud all"],
    );
}

/// The `-batch` file's name is its bytes: opened as them, and printed as them in `Cannot open
/// file` and `Command failed FILE:LINE`.
#[test]
fn batch_file_names_are_bytes() {
    let dir = std::env::temp_dir();
    let mut name = dir.as_os_str().as_bytes().to_vec();
    name.extend_from_slice(format!("/rtnl-b\\xff-{}", std::process::id()).as_bytes());
    let file = OsStr::from_bytes(&name);
    std::fs::write(file, b"link show dev lo\nlink show dev nosuch\n").expect("write the batch");
    let path = String::from_utf8_lossy(&name).replace('\u{fffd}', "\\xff");
    let missing = format!("{path}-missing");
    same_as_ip(
        &[],
        &[
            &format!("-b {path}"),
            &format!("-batch {path}"),
            &format!("-force -b {path}"),
            &format!("-b {missing}"),
        ],
        &[],
    );
    std::fs::remove_file(file).expect("remove the batch file");
}

/// `netns monitor` prints a name that is not UTF-8 as its bytes, as `ip netns monitor` does
/// (ip's output is line-buffered with `stdbuf` here: it block-buffers into a file).
#[test]
fn netns_monitor_prints_names_as_bytes() {
    std::thread::spawn(|| {
        let _run = private_netns_with_run_netns();
        let ours = common::Watcher::start(RTNL, &["netns", "monitor"], "names-ours");
        let theirs =
            common::Watcher::start("stdbuf", &["-oL", "ip", "netns", "monitor"], "names-theirs");
        std::thread::sleep(std::time::Duration::from_millis(300));
        for cmd in ["netns add n\\xff", "netns del n\\xff"] {
            let cmd = words(cmd);
            let cmd: Vec<&[u8]> = cmd.iter().map(Vec::as_slice).collect();
            assert!(run("ip", &cmd).status.success());
        }
        let expected = b"add n\xff\ndelete n\xff\n".to_vec();
        for _ in 0..50 {
            if ours.bytes() == expected && theirs.bytes() == expected {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        assert_eq!(
            theirs.bytes().escape_ascii().to_string(),
            "add n\\xff\\ndelete n\\xff\\n"
        );
        assert_eq!(
            ours.bytes().escape_ascii().to_string(),
            theirs.bytes().escape_ascii().to_string()
        );
    })
    .join()
    .expect("test thread");
}

/// A veth whose peer is in the named namespace `n\xff`: `link-netns NAME` prints the name's
/// bytes, in `link show` and with `-d`.
#[test]
fn link_netns_names_are_bytes() {
    let setup = [
        "netns add n\\xff",
        "link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02 netns n\\xff",
    ];
    same_as_ip(
        &setup,
        &[
            "link show",
            "link show dev v0",
            "-d link show dev v0",
            "-o link show",
            "-j link show dev v0",
        ],
        &["link show dev v0"],
    );
    // The set-up gives what is compared: ip itself prints the name's bytes.
    let (theirs, _) = in_fresh_netns(&setup, "ip", "link show dev v0", &[]);
    assert!(
        theirs.1.windows(13).any(|w| w == b"link-netns n\xff"),
        "{}",
        theirs.1.escape_ascii()
    );
}

/// `monitor link nsid`: a link moved into `n\xff` is `Deleted ... new-netns n\xff`, and an nsid
/// given to `m\xfe` is `nsid 7 (iproute2 netns name: m\xfe)`, as `ip monitor` prints them.
#[test]
fn monitor_prints_netns_names_as_bytes() {
    std::thread::spawn(|| {
        let _run = private_netns_with_run_netns();
        let ip_ok = |cmd: &str| {
            let cmd = words(cmd);
            let cmd: Vec<&[u8]> = cmd.iter().map(Vec::as_slice).collect();
            let out = run("ip", &cmd);
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        };
        ip_ok("netns add n\\xff");
        ip_ok("link add v2 type veth peer name v3");
        let ours = common::Watcher::start(RTNL, &["monitor", "link", "nsid"], "netns-ours");
        let theirs = common::Watcher::start(
            "stdbuf",
            &["-oL", "ip", "monitor", "link", "nsid"],
            "netns-theirs",
        );
        std::thread::sleep(std::time::Duration::from_millis(300));
        ip_ok("link set v2 netns n\\xff");
        ip_ok("netns add m\\xfe");
        ip_ok("netns set m\\xfe 7");
        let has = |bytes: &[u8], part: &[u8]| bytes.windows(part.len()).any(|w| w == part);
        let done = |w: &common::Watcher| has(&w.bytes(), b"(iproute2 netns name: m\xfe)\n");
        for _ in 0..50 {
            if done(&ours) && done(&theirs) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        assert!(
            done(&theirs),
            "{}\nours: {}",
            theirs.bytes().escape_ascii(),
            ours.bytes().escape_ascii()
        );
        assert!(
            has(&theirs.bytes(), b" new-netns n\xff new-ifindex "),
            "{}",
            theirs.bytes().escape_ascii()
        );
        assert_eq!(
            ours.bytes().escape_ascii().to_string(),
            theirs.bytes().escape_ascii().to_string()
        );
    })
    .join()
    .expect("test thread");
}
