//! `rtnl tuntap` against `ip tuntap`: each form runs with `rtnl` and with `ip`, each in a fresh
//! network namespace of its own with a private mount namespace and its own sysfs (which `ip
//! tuntap show` reads the flags from), on the same starting devices; stdout, stderr, exit code
//! and the devices left (`ip tuntap show`, `ip -j -d link show`) must be the same.

mod common;

use std::os::unix::ffi::OsStrExt as _;
use std::process::{Command, Output};

use common::{RTNL, ip, private_netns};
use serde_json::Value;

/// What a run left: the outcome of the form, then `ip tuntap show` and the links' names and
/// kind data.
type Seen = ((Option<i32>, String, String), String, Value);

/// Moves the calling thread into a fresh network namespace and a private mount namespace with
/// that network namespace's sysfs on `/sys`.
fn netns_with_sysfs() {
    private_netns();
    common::private_mounts();
    rustix::mount::mount(
        "sysfs",
        "/sys",
        "sysfs",
        rustix::mount::MountFlags::empty(),
        None,
    )
    .expect("mount this namespace's sysfs");
}

/// Runs `setup` with `ip`, then `form` with `program`, in a fresh network and mount namespace
/// with sysfs mounted for it.
fn run_fresh(setup: &[&str], program: &'static str, form: &str) -> Seen {
    let setup: Vec<String> = setup.iter().map(|s| s.to_string()).collect();
    let form = form.to_owned();
    std::thread::spawn(move || {
        netns_with_sysfs();
        for cmd in &setup {
            ip(&cmd.split(' ').collect::<Vec<_>>());
        }
        let out: Output = Command::new(program)
            .args(form.split(' '))
            .output()
            .expect("run");
        let outcome = common::outcome_text(&out);
        let shown = ip(&["tuntap", "show"]);
        let links: Value = serde_json::from_str(&ip(&["-j", "-d", "link", "show"])).unwrap();
        let kept: Vec<Value> = links
            .as_array()
            .unwrap()
            .iter()
            .map(|l| serde_json::json!([l["ifname"], l["linkinfo"]["info_data"]]))
            .collect();
        (outcome, shown, Value::Array(kept))
    })
    .join()
    .expect("test thread")
}

/// Held by each test while it runs: a process forked by one test (to run a command) holds the
/// descriptors of the other for a moment, and would be listed by `-d tuntap show`.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
fn tuntap_add_del_show_match_ip() {
    let _alone = ONE_AT_A_TIME.lock();
    assert!(
        std::path::Path::new("/dev/net/tun").exists(),
        "/dev/net/tun is missing: the kernel has no tun"
    );
    let setup = [
        "tuntap add t9 mode tap user 7 group 8 multi_queue",
        "tuntap add t8 mode tun pi",
    ];
    let forms = [
        "tuntap add t0 mode tun",
        "tuntap add dev t1 mode tap pi vnet_hdr one_queue multi_queue",
        "tuntap add t0 mode tun user 1 group 2",
        "tuntap add t0 mode tun user root group root",
        "tuntap add t0 mode tun user nosuchuser",
        "tuntap add t0 mode tun group nosuchgroup",
        "tuntap add t0 mode tun user -1",
        "tuntap add mode tun",
        "tuntap add t0",
        "tuntap add t0 mode tun mode tap",
        "tuntap add t0 mode foo",
        "tuntap add t9 mode tap",
        "tuntap add t0 t1 mode tun",
        "tuntap add name a/b mode tun",
        "tuntap add abcdefghijklmnopq mode tun",
        "tuntap add a:b mode tun",
        "tuntap a t0 m tun",
        "tap add t0 mode tun",
        "tuntap del t9 mode tap",
        "tuntap del t9 mode tap multi_queue",
        "tuntap del t9",
        "tuntap del dev t8 mode tun pi",
        "tuntap del t8 mode tap",
        "tuntap del t7 mode tun",
        "tuntap del user t8 mode tun",
        "tuntap show",
        "tuntap",
        "tuntap list",
        "tuntap lst",
        "tap",
        "-j tuntap show",
        "-j -p tuntap show",
        "tuntap foo",
    ];
    for form in forms {
        let (ours, theirs) = common::by_both(|program| run_fresh(&setup, program, form));
        assert_eq!(ours, theirs, "{form}");
    }
}

/// The lines of a `perror()` report, sorted and without repeats, leaving out the descriptors
/// that went away while they were read (other processes of the machine come and go between
/// the two runs).
fn reported(stderr: &[u8]) -> Vec<String> {
    let mut lines: Vec<String> = String::from_utf8_lossy(stderr)
        .lines()
        .filter(|line| !line.ends_with("No such file or directory"))
        .map(str::to_owned)
        .collect();
    lines.sort();
    lines.dedup();
    lines
}

/// `-d tuntap show` lists the processes attached to each device (this test's process, through
/// descriptors it holds: two queues of a multi-queue tap, and a tun whose name is not UTF-8)
/// as ip 6.1 does: text, `-o`, `-j` (with ip's keys inside the `processes` array) and `-j -p`,
/// byte for byte, and the same `perror()` lines for descriptors of `/proc` that cannot be read.
#[test]
fn details_list_the_attached_processes_as_ip_does() {
    use rtnl_ip::sys::tun_attach;
    use rtnl_ip::tuntap::tun_f;
    let _alone = ONE_AT_A_TIME.lock();
    std::thread::spawn(|| {
        netns_with_sysfs();
        ip(&["tuntap", "add", "t9", "mode", "tap", "multi_queue"]);
        ip(&["tuntap", "add", "t8", "mode", "tun", "user", "7"]);
        let status = Command::new("ip")
            .args(["tuntap", "add"])
            .arg(std::ffi::OsStr::from_bytes(b"t\xff"))
            .args(["mode", "tun"])
            .status()
            .expect("run ip");
        assert!(status.success(), "ip tuntap add t\\xff: {status}");
        let queue = tun_f::TAP | tun_f::NO_PI | tun_f::MULTI_QUEUE;
        let held = [
            tun_attach(b"t9", queue).expect("attach t9"),
            tun_attach(b"t9", queue).expect("attach a second queue of t9"),
            tun_attach(b"t\xff", tun_f::TUN | tun_f::NO_PI).expect("attach t\\xff"),
        ];
        for form in [
            "-d tuntap show",
            "-d tuntap list",
            "-d tap",
            "-o -d tuntap show",
            "-j -d tuntap show",
            "-j -p -d tuntap show",
        ] {
            let words: Vec<&str> = form.split(' ').collect();
            let ours = Command::new(RTNL).args(&words).output().expect("run rtnl");
            let theirs = Command::new("ip").args(&words).output().expect("run ip");
            assert_eq!(ours.status.code(), theirs.status.code(), "{form}");
            assert_eq!(
                String::from_utf8_lossy(&ours.stdout),
                String::from_utf8_lossy(&theirs.stdout),
                "{form}"
            );
            assert_eq!(ours.stdout, theirs.stdout, "{form}: bytes");
            assert_eq!(reported(&ours.stderr), reported(&theirs.stderr), "{form}");
            let attached = if form.contains("-j") {
                "\"processes\""
            } else {
                "Attached to processes:cli_tuntap"
            };
            assert!(
                String::from_utf8_lossy(&ours.stdout).contains(attached),
                "{form}: no process listed: {}",
                String::from_utf8_lossy(&ours.stdout)
            );
        }
        drop(held);
    })
    .join()
    .expect("test thread");
}
