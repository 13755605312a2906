//! The library side of `ip netns exec`, `netns add` and `netns monitor` against the real
//! kernel: `Namespaces::exec` for a caller's own child (with a private etc dir, never the
//! host's `/etc`), the calling thread left where it was, a killed add's leftover healed, and
//! the event stream of names.
//!
//! Each test runs on its own thread in a private network and mount namespace with its own run
//! dir (`common::private_netns_and_run_dir`).

mod common;

use std::ffi::CString;
use std::os::unix::process::ExitStatusExt as _;
use std::process::Command;
use std::time::Duration;

use common::private_netns_and_run_dir;
use rtnl_ip::netns::{Namespaces, NetnsEvent};
use rtnl_ip::sys::{NetnsFd, NetnsId};
use rtnl_ip::{LinkAdd, LinkFilter};

/// A scratch etc dir: `ETC/hosts` and `ETC/netns/blue/hosts`.
fn etc_dir(run: &str) -> String {
    let etc = format!("{run}-etc");
    std::fs::create_dir_all(format!("{etc}/netns/blue")).unwrap();
    std::fs::write(format!("{etc}/hosts"), "198.51.100.1 outside\n").unwrap();
    std::fs::write(format!("{etc}/netns/blue/hosts"), "198.51.100.2 blue\n").unwrap();
    std::fs::write(format!("{etc}/netns/blue/only-here"), "x\n").unwrap();
    etc
}

/// The named namespaces of run dir `run` with the etc dir of [`etc_dir`], `blue` made among
/// them with a veth pair `v0`–`v1` in it; and the etc dir.
fn blue_with_veth(run: &str) -> (Namespaces, String) {
    let etc = etc_dir(run);
    let names = Namespaces::at(run).with_etc_dir(&etc);
    names.add("blue").unwrap();
    names
        .handle("blue")
        .unwrap()
        .link_add(&LinkAdd::veth("v0", "v1"))
        .unwrap();
    (names, etc)
}

#[test]
fn exec_runs_a_child_inside_the_namespace_like_ip_netns_exec() {
    let run = private_netns_and_run_dir();
    let (names, etc) = blue_with_veth(run.path());
    assert_eq!(names.etc_dir(), etc);
    let here = NetnsId::current().unwrap();

    // /sys shows blue's devices.
    let mut ls = Command::new("ls");
    ls.arg("/sys/class/net");
    let out = names.exec("blue", &mut ls).unwrap().output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "lo\nv0\nv1\n");

    // ETC/netns/blue/hosts is bound over ETC/hosts in the child only; ETC/only-here does not
    // exist, so its bind fails, is reported as ip reports it, and the command still runs.
    let mut cat = Command::new("cat");
    cat.arg(format!("{etc}/hosts"));
    let out = names.exec("blue", &mut cat).unwrap().output().unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "198.51.100.2 blue\n"
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "Bind {etc}/netns/blue/only-here -> {etc}/only-here failed: No such file or directory\n"
        )
    );
    assert_eq!(
        std::fs::read_to_string(format!("{etc}/hosts")).unwrap(),
        "198.51.100.1 outside\n"
    );

    // The child is in blue's network namespace: its links are blue's.
    let mut ip = Command::new("ip");
    ip.args(["-j", "link", "show"]);
    let out = names.exec("blue", &mut ip).unwrap().output().unwrap();
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut links: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["ifname"].as_str().unwrap())
        .collect();
    links.sort_unstable();
    assert_eq!(links, ["lo", "v0", "v1"]);

    // The status passes through.
    let mut sh = Command::new("sh");
    sh.args(["-c", "exit 5"]);
    let status = names.exec("blue", &mut sh).unwrap().status().unwrap();
    assert_eq!(status.code(), Some(5));

    // The caller never moved; a missing name is ip's message.
    assert_eq!(NetnsId::current().unwrap(), here);
    assert!(
        rtnl_ip::Handle::new()
            .unwrap()
            .links(&LinkFilter::default())
            .unwrap()
            .iter()
            .all(|l| l.name == "lo")
    );
    let e = names.exec("nope", &mut Command::new("true")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Cannot open network namespace \"nope\": No such file or directory"
    );
    let e = names.prepare_exec("a/b").unwrap_err();
    assert_eq!(e.to_string(), "Invalid netns name \"a/b\"");

    // A name that is not a namespace: the child's setns fails, and so does the spawn, with
    // that errno (EINVAL), after ip's message on the child's stderr.
    std::fs::write(format!("{}/plain", run.path()), "not a namespace").unwrap();
    let mut t = Command::new("true");
    let out = names.exec("plain", &mut t).unwrap().output();
    let e = out.unwrap_err();
    assert_eq!(e.raw_os_error(), Some(libc_einval()));
    std::fs::remove_file(format!("{}/plain", run.path())).unwrap();
    names.delete("blue").unwrap();
    std::fs::remove_dir_all(&etc).unwrap();
}

/// `EINVAL` without a libc dependency.
fn libc_einval() -> i32 {
    rustix::io::Errno::INVAL.raw_os_error()
}

/// `NetnsExec::run`, `ip -b`'s and `ip -all`'s child: the command runs in the namespace, its
/// exit code comes back, a command that cannot be started (no such program, a file that is not
/// a namespace) is exit 1, one killed by a signal is that signal, and the caller stays where
/// it was.
#[test]
fn run_waits_for_a_child_inside_the_namespace() {
    let run = private_netns_and_run_dir();
    let (names, etc) = blue_with_veth(run.path());
    let here = NetnsId::current().unwrap();
    let blue = names.prepare_exec("blue").unwrap();

    let listing = format!("{}-listing", run.path());
    let script = format!("ls /sys/class/net > {listing}; exit 3");
    let status = blue.run(&[b"sh".as_slice(), b"-c", script.as_bytes()]);
    assert_eq!(status.code(), Some(3));
    assert_eq!(std::fs::read_to_string(&listing).unwrap(), "lo\nv0\nv1\n");
    std::fs::remove_file(&listing).unwrap();

    assert_eq!(blue.run(&[b"true".as_slice()]).code(), Some(0));
    let missing = blue.run(&[b"/nonexistent/command".as_slice()]);
    assert_eq!(missing.code(), Some(1));
    assert_eq!(blue.run(&[]).code(), Some(1));
    let killed = blue.run(&[b"sh".as_slice(), b"-c", b"kill -9 $$"]);
    assert_eq!((killed.code(), killed.signal()), (None, Some(9)));

    std::fs::write(format!("{}/plain", run.path()), "not a namespace").unwrap();
    let plain = names.prepare_exec("plain").unwrap();
    assert_eq!(plain.run(&[b"true".as_slice()]).code(), Some(1));

    assert_eq!(NetnsId::current().unwrap(), here);
    std::fs::remove_dir_all(&etc).unwrap();
}

#[test]
fn add_on_current_thread_returns_to_where_it_was() {
    let run = private_netns_and_run_dir();
    let names = Namespaces::at(run.path());
    let here = NetnsId::current().unwrap();
    names.add_on_current_thread("red").unwrap();
    assert_eq!(NetnsId::current().unwrap(), here);
    let red = names.open("red").unwrap();
    assert_ne!(red.id().unwrap(), here);
    // It is a namespace: a handle works there, with only lo.
    let links = names
        .handle("red")
        .unwrap()
        .links(&LinkFilter::default())
        .unwrap();
    assert_eq!(links.len(), 1);
    let e = names.add_on_current_thread("red").unwrap_err();
    assert!(e.to_string().ends_with(": File exists"), "{e}");
    names.delete("red").unwrap();
}

#[test]
fn a_killed_adds_leftover_is_healed_by_the_next_add() {
    let run = private_netns_and_run_dir();
    let names = Namespaces::at(run.path());
    names.add("first").unwrap(); // the run dir is set up
    // What `netns add` leaves when killed between its `open(O_CREAT|O_EXCL, 0)` and its
    // mount: an empty file of mode 0.
    let leftover = format!("{}/x", run.path());
    let c = CString::new(leftover.clone()).unwrap();
    drop(
        rustix::fs::open(
            c.as_c_str(),
            rustix::fs::OFlags::CREATE | rustix::fs::OFlags::EXCL | rustix::fs::OFlags::RDONLY,
            rustix::fs::Mode::empty(),
        )
        .unwrap(),
    );
    assert!(rtnl_ip::sys::is_leftover(&c));
    assert!(NetnsFd::open(&leftover).unwrap().id().unwrap().dev != NetnsId::current().unwrap().dev);
    names.add("x").unwrap();
    assert!(!rtnl_ip::sys::is_leftover(&c));
    assert_eq!(
        names.open("x").unwrap().id().unwrap().dev,
        NetnsId::current().unwrap().dev,
        "x is on nsfs now"
    );
    // A made namespace is not a leftover: the add refuses.
    let e = names.add("x").unwrap_err();
    assert!(e.to_string().ends_with("File exists"), "{e}");
    // Nor is a file someone wrote: not healed, not touched.
    let other = format!("{}/y", run.path());
    std::fs::write(&other, "data").unwrap();
    let e = names.add_on_current_thread("y").unwrap_err();
    assert!(e.to_string().ends_with("File exists"), "{e}");
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "data");
    std::fs::remove_file(&other).unwrap();
    names.delete("x").unwrap();
    names.delete("first").unwrap();
}

#[test]
fn watch_yields_adds_and_deletes_in_order() {
    let run = private_netns_and_run_dir();
    let dir = format!("{}/not-yet", run.path());
    let names = Namespaces::at(&dir);
    // The run dir is made when missing.
    let events = names.watch().unwrap();
    assert!(std::path::Path::new(&dir).is_dir());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for event in events {
            if tx.send(event).is_err() {
                break;
            }
        }
    });
    names.add("a").unwrap();
    names.add_on_current_thread("b").unwrap();
    names.delete("a").unwrap();
    names.delete("b").unwrap();
    let got: Vec<NetnsEvent> = (0..4)
        .map(|_| rx.recv_timeout(Duration::from_secs(10)).unwrap().unwrap())
        .collect();
    assert_eq!(
        got,
        [
            NetnsEvent::Added("a".into()),
            NetnsEvent::Added("b".into()),
            NetnsEvent::Deleted("a".into()),
            NetnsEvent::Deleted("b".into()),
        ]
    );
    assert_eq!(got[0].to_string(), "add a");
    assert_eq!(got[2].to_string(), "delete a");
    // The guard removes files of the run dir; this sub dir (made a mount point by the adds)
    // goes here.
    let _ = rustix::mount::unmount(dir.as_str(), rustix::mount::UnmountFlags::DETACH);
    std::fs::remove_dir(&dir).unwrap();
}

/// A read-only `/sys` (a container's, say) is replaced by a read-only sysfs, never a writable
/// one. (iproute2 6.1 mounts it read-write whenever it could unmount the old one.)
#[test]
fn a_read_only_sys_stays_read_only() {
    let run = private_netns_and_run_dir();
    let names = Namespaces::at(run.path()).with_etc_dir(format!("{}-no-etc", run.path()));
    names.add("blue").unwrap();
    let sys_line = |names: &Namespaces| {
        let mut grep = Command::new("grep");
        grep.args([" /sys ", "/proc/self/mounts"]);
        let out = names.exec("blue", &mut grep).unwrap().output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(sys_line(&names).starts_with("blue /sys sysfs rw,"));
    // Read-only in this thread's private mount namespace only.
    rustix::mount::mount_remount(
        "/sys",
        rustix::mount::MountFlags::BIND | rustix::mount::MountFlags::RDONLY,
        "",
    )
    .unwrap();
    let line = sys_line(&names);
    assert!(line.starts_with("blue /sys sysfs ro,"), "{line}");
    names.delete("blue").unwrap();
}
