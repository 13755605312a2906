//! `rtnl tuntap` against `ip tuntap`: each form runs with `rtnl` and with `ip`, each in a fresh
//! network namespace of its own with a private mount namespace and its own sysfs (which `ip
//! tuntap show` reads the flags from), on the same starting devices; stdout, stderr, exit code
//! and the devices left (`ip tuntap show`, `ip -j -d link show`) must be the same.

mod common;

use std::process::{Command, Output};

use common::{RTNL, ip, private_netns};
use rustix::thread::{UnshareFlags, unshare_unsafe};
use serde_json::Value;

/// What a run left: the outcome of the form, then `ip tuntap show` and the links' names and
/// kind data.
type Seen = ((Option<i32>, String, String), String, Value);

/// Runs `setup` with `ip`, then `form` with `program`, in a fresh network and mount namespace
/// with sysfs mounted for it.
fn run_fresh(setup: &[&str], program: &'static str, form: &str) -> Seen {
    let setup: Vec<String> = setup.iter().map(|s| s.to_string()).collect();
    let form = form.to_owned();
    std::thread::spawn(move || {
        private_netns();
        // SAFETY: CLONE_NEWNS gives this thread its own copy of the mount table; nothing else
        // in the process shares it.
        unsafe { unshare_unsafe(UnshareFlags::NEWNS) }.expect("unshare(CLONE_NEWNS)");
        rustix::mount::mount_change(
            "/",
            rustix::mount::MountPropagationFlags::REC
                | rustix::mount::MountPropagationFlags::PRIVATE,
        )
        .expect("make / private");
        rustix::mount::mount(
            "sysfs",
            "/sys",
            "sysfs",
            rustix::mount::MountFlags::empty(),
            None,
        )
        .expect("mount this namespace's sysfs");
        for cmd in &setup {
            ip(&cmd.split(' ').collect::<Vec<_>>());
        }
        let out: Output = Command::new(program)
            .args(form.split(' '))
            .output()
            .expect("run");
        let outcome = (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        );
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

#[test]
fn tuntap_add_del_show_match_ip() {
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
        let ours = run_fresh(&setup, RTNL, form);
        let theirs = run_fresh(&setup, "ip", form);
        assert_eq!(ours, theirs, "{form}");
    }
}
