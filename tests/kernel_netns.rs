//! Named namespaces (`rtnl_ip::netns`) against the real kernel, with `ip netns` as the oracle.
//!
//! `ip netns` only knows `/run/netns`. Each test therefore gives itself a private network and
//! mount namespace first (`common::private_netns_and_run_dir`), and only then mounts a fresh
//! tmpfs on `/run/netns`: the mount exists in the test thread's mount namespace alone, so the
//! library and `ip` share a run dir the host never sees.

mod common;

use std::collections::BTreeSet;
use std::process::{Command, Stdio};

use common::{KillOnDrop, RunDirGuard, ip, private_netns_and_run_dir};
use rtnl_ip::netns::Namespaces;
use rtnl_ip::sys::{NetnsFd, NetnsId};
use rtnl_ip::{Handle, LinkAdd, LinkRef, LinkSet, NetnsRef, NsidValue};
use serde_json::Value;

const IP_RUN_DIR: &str = "/run/netns";

/// The test's `/run/netns`: a tmpfs in its private mount namespace, unmounted on drop.
struct IpRunDir {
    /// What was mounted: `/run/netns` itself, or `/run` when there was no `/run/netns` to
    /// mount over (the dir is then made inside the tmpfs, never on the host).
    mounted: &'static str,
    _private: RunDirGuard,
}

impl Drop for IpRunDir {
    fn drop(&mut self) {
        if let Ok(entries) = std::fs::read_dir(IP_RUN_DIR) {
            for entry in entries.flatten() {
                let _ = rustix::mount::unmount(entry.path(), rustix::mount::UnmountFlags::DETACH);
            }
        }
        let _ = rustix::mount::unmount(self.mounted, rustix::mount::UnmountFlags::DETACH);
    }
}

/// Private namespaces, then a tmpfs on `/run/netns` (never before: the mount namespace must be
/// private first).
fn ip_run_dir() -> (IpRunDir, Namespaces) {
    let private = private_netns_and_run_dir();
    let mounted = if std::path::Path::new(IP_RUN_DIR).is_dir() {
        IP_RUN_DIR
    } else {
        "/run"
    };
    rustix::mount::mount(
        "rtnl-test",
        mounted,
        "tmpfs",
        rustix::mount::MountFlags::NOSUID | rustix::mount::MountFlags::NODEV,
        c"mode=755",
    )
    .expect("mount a tmpfs in the private mount namespace");
    let guard = IpRunDir {
        mounted,
        _private: private,
    };
    if mounted != IP_RUN_DIR {
        std::fs::create_dir(IP_RUN_DIR).expect("mkdir /run/netns in the private tmpfs");
    }
    let names = Namespaces::at(IP_RUN_DIR);
    assert!(names.names().unwrap().is_empty(), "a fresh run dir");
    (guard, names)
}

/// Runs `ip ARGS`, expecting failure: its exit code and the first line of its stderr.
fn ip_fails(args: &[&str]) -> (i32, String) {
    let out = Command::new("ip").args(args).output().expect("run ip");
    assert!(!out.status.success(), "ip {} succeeded", args.join(" "));
    let stderr = String::from_utf8_lossy(&out.stderr);
    (
        out.status.code().unwrap_or(-1),
        stderr.lines().next().unwrap_or("").to_owned(),
    )
}

/// Parses `ip -j ...` output (empty output is an empty list).
fn ip_list(args: &[&str]) -> Vec<Value> {
    let mut full = vec!["-j"];
    full.extend_from_slice(args);
    let text = ip(&full);
    if text.trim().is_empty() {
        return Vec::new();
    }
    match serde_json::from_str(&text).unwrap() {
        Value::Array(list) => list,
        other => panic!("ip {}: {other}", args.join(" ")),
    }
}

/// `ip -j netns list`: (name, id) in ip's order.
fn ip_netns_list() -> Vec<(String, Option<i32>)> {
    ip_list(&["netns", "list"])
        .iter()
        .map(|e| {
            let id = e["id"].as_i64().map(|id| i32::try_from(id).unwrap());
            (e["name"].as_str().unwrap().to_owned(), id)
        })
        .collect()
}

/// The library's list: (name, id) in directory order.
fn our_list(names: &Namespaces) -> Vec<(String, Option<i32>)> {
    names
        .list()
        .unwrap()
        .into_iter()
        .map(|n| (n.name.into_string().expect("UTF-8 name"), n.nsid))
        .collect()
}

/// `ip -j netns list-id`: (nsid, name).
fn ip_list_id(args: &[&str]) -> Vec<(i32, Option<String>)> {
    let mut full = args.to_vec();
    full.extend_from_slice(&["netns", "list-id"]);
    ip_list(&full)
        .iter()
        .map(|e| {
            let nsid = i32::try_from(e["nsid"].as_i64().unwrap()).unwrap();
            (nsid, e["name"].as_str().map(str::to_owned))
        })
        .collect()
}

/// A `sleep` started inside the named namespace (spawned from a thread in it), killed on drop.
fn sleeper_in(names: &Namespaces, name: &str) -> KillOnDrop {
    let child = names
        .run_in(name, || {
            Command::new("sleep").arg("60").stdin(Stdio::null()).spawn()
        })
        .unwrap()
        .expect("spawn sleep");
    KillOnDrop(child)
}

#[test]
fn add_list_delete_agree_with_ip() {
    let (_dir, names) = ip_run_dir();
    names.add("blue").unwrap();
    names.add("red").unwrap();
    ip(&["netns", "add", "green"]);

    // Same names, same (directory) order, no ids yet.
    let ours = our_list(&names);
    assert_eq!(ours, ip_netns_list());
    assert_eq!(
        ours.iter()
            .map(|(n, _)| n.as_str())
            .collect::<BTreeSet<_>>(),
        BTreeSet::from(["blue", "green", "red"])
    );
    assert!(ours.iter().all(|(_, id)| id.is_none()), "{ours:?}");
    assert_eq!(
        names.names().unwrap(),
        ours.iter()
            .map(|(n, _)| std::ffi::OsString::from(n))
            .collect::<Vec<_>>()
    );

    // Each is a live, distinct namespace, distinct from ours too.
    let ids: std::collections::HashSet<NetnsId> = ["blue", "red", "green"]
        .iter()
        .map(|n| names.open(n).unwrap().id().unwrap())
        .collect();
    assert_eq!(ids.len(), 3);
    assert!(!ids.contains(&NetnsFd::current().unwrap().id().unwrap()));

    // A namespace made by the library is one ip can work in, and the reverse.
    let lo = ip_list(&["-n", "blue", "link", "show"]);
    assert_eq!(lo.len(), 1);
    assert_eq!(lo[0]["ifname"], "lo");
    let mut green = names.handle("green").unwrap();
    assert_eq!(green.link_index(LinkRef::from("lo")).unwrap(), 1);

    // Delete one made by ip with the library, one made by the library with ip.
    names.delete("green").unwrap();
    ip(&["netns", "delete", "blue"]);
    assert_eq!(our_list(&names), ip_netns_list());
    assert_eq!(names.names().unwrap(), ["red"]);
    names.delete("red").unwrap();
    assert!(ip_netns_list().is_empty());
    assert!(names.list().unwrap().is_empty());
}

#[test]
fn invalid_names_are_refused_like_ip() {
    let (_dir, names) = ip_run_dir();
    let long = "n".repeat(256);
    for bad in ["x/y", ".", "..", "", "/abs", long.as_str()] {
        let (code, ip_says) = ip_fails(&["netns", "add", bad]);
        assert_eq!(code, 255, "{bad:?}");
        // rtnl-sys keeps at most NAME_MAX bytes of a name in its error (no allocation), so
        // the message for a longer name quotes it cut to 255 bytes; ip quotes it whole.
        let quoted = |text: String| match bad.len() {
            0..=255 => text,
            _ => text.replace(bad, &bad[..255]),
        };
        let e = names.add(bad).unwrap_err();
        assert_eq!(e.to_string(), quoted(ip_says), "add {bad:?}");
        let (_, ip_says) = ip_fails(&["netns", "delete", bad]);
        assert_eq!(names.delete(bad).unwrap_err().to_string(), quoted(ip_says));
        let e = names.attach(bad, std::process::id()).unwrap_err();
        assert_eq!(
            e.to_string(),
            quoted(format!("Invalid netns name \"{bad}\""))
        );
    }
    // The longest name is fine.
    let longest = "n".repeat(255);
    names.add(&longest).unwrap();
    assert_eq!(names.names().unwrap(), [std::ffi::OsString::from(&longest)]);
    names.delete(&longest).unwrap();
    assert!(names.names().unwrap().is_empty(), "nothing left behind");
}

#[test]
fn failures_read_like_ip() {
    let (_dir, names) = ip_run_dir();

    // delete of a missing name
    let (code, ip_says) = ip_fails(&["netns", "delete", "nope"]);
    assert_eq!(code, 1);
    let e = names.delete("nope").unwrap_err();
    assert_eq!(
        e.to_string(),
        "Cannot remove namespace file \"/run/netns/nope\": No such file or directory"
    );
    assert_eq!(e.to_string(), ip_says);
    assert_eq!(e.errno(), Some(rustix::io::Errno::NOENT));

    // add of an existing name, either way round
    names.add("a").unwrap();
    let (code, ip_says) = ip_fails(&["netns", "add", "a"]);
    assert_eq!(code, 1);
    let e = names.add("a").unwrap_err();
    assert_eq!(
        e.to_string(),
        "Cannot create namespace file \"/run/netns/a\": File exists"
    );
    assert_eq!(e.to_string(), ip_says);
    assert_eq!(names.names().unwrap(), ["a"], "the failed add left nothing");

    // entering a missing name
    let (code, ip_says) = ip_fails(&["netns", "exec", "nope", "true"]);
    assert_eq!(code, 255);
    let e = names.run_in("nope", || ()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Cannot open network namespace \"nope\": No such file or directory"
    );
    assert_eq!(e.to_string(), ip_says);

    // setting an id on a missing name
    let (_, ip_says) = ip_fails(&["netns", "set", "nope", "3"]);
    assert_eq!(
        names
            .set_id("nope", NsidValue::Number(3))
            .unwrap_err()
            .to_string(),
        ip_says
    );

    // attach to a process that does not exist (pid_max is at most 2^22)
    let e = names.attach("ghost", 1 << 23).unwrap_err();
    assert_eq!(e.errno(), Some(rustix::io::Errno::NOENT), "{e}");
    assert_eq!(
        names.names().unwrap(),
        ["a"],
        "the failed attach left nothing"
    );
    names.delete("a").unwrap();
}

#[test]
fn set_id_number_and_auto_agree_with_ip() {
    let (_dir, names) = ip_run_dir();
    for n in ["a", "b", "c", "d"] {
        names.add(n).unwrap();
    }

    // A number, set by the library: ip sees it.
    assert_eq!(names.set_id("a", NsidValue::Number(5)).unwrap(), 5);
    // auto, set by ip: the library sees what ip sees (the lowest free id, 0).
    ip(&["netns", "set", "b", "auto"]);
    // auto, set by the library: the next free one, 1.
    assert_eq!(names.set_id("c", NsidValue::Auto).unwrap(), 1);
    // a number, set by ip.
    ip(&["netns", "set", "d", "9"]);

    let ours = our_list(&names);
    assert_eq!(ours, ip_netns_list());
    let by_name: std::collections::BTreeMap<_, _> = ours.into_iter().collect();
    assert_eq!(by_name["a"], Some(5));
    assert_eq!(by_name["b"], Some(0));
    assert_eq!(by_name["c"], Some(1));
    assert_eq!(by_name["d"], Some(9));

    // list-id: the kernel's ids with their names, in the kernel's order, as ip shows them.
    let ours: Vec<(i32, Option<String>)> = names
        .list_id()
        .unwrap()
        .into_iter()
        .map(|n| (n.nsid, n.name.map(|name| name.into_string().unwrap())))
        .collect();
    assert_eq!(ours, ip_list_id(&[]));
    assert_eq!(ours.len(), 4);

    // An id cannot change: the kernel's words, as ip prints them.
    let (code, ip_says) = ip_fails(&["netns", "set", "a", "7"]);
    assert_eq!(code, 2);
    let e = names.set_id("a", NsidValue::Number(7)).unwrap_err();
    assert_eq!(e.to_string(), ip_says);
    assert_eq!(e.errno(), Some(rustix::io::Errno::EXIST));

    // Ids are per namespace: from inside "a", nothing has one until given; then the list
    // made from a's handle agrees with `ip -n a`.
    let mut in_a = names.handle("a").unwrap();
    assert!(names.list_id_with(&mut in_a).unwrap().is_empty());
    assert_eq!(
        names
            .set_id_with(&mut in_a, "b", NsidValue::Number(3))
            .unwrap(),
        3
    );
    let from_a: Vec<(String, Option<i32>)> = names
        .list_with(&mut in_a)
        .unwrap()
        .into_iter()
        .map(|n| (n.name.into_string().expect("UTF-8 name"), n.nsid))
        .collect();
    let ip_from_a: Vec<(String, Option<i32>)> = ip_list(&["-n", "a", "netns", "list"])
        .iter()
        .map(|e| {
            let id = e["id"].as_i64().map(|id| i32::try_from(id).unwrap());
            (e["name"].as_str().unwrap().to_owned(), id)
        })
        .collect();
    assert_eq!(from_a, ip_from_a);
    let ours: Vec<_> = names
        .list_id_with(&mut in_a)
        .unwrap()
        .into_iter()
        .map(|n| (n.nsid, n.name.map(|name| name.into_string().unwrap())))
        .collect();
    assert_eq!(ours, ip_list_id(&["-n", "a"]));
    assert_eq!(ours, [(3, Some("b".to_owned()))]);
}

#[test]
fn identify_pids_and_attach_agree_with_ip() {
    let (_dir, names) = ip_run_dir();
    names.add("a").unwrap();
    let sleeper = sleeper_in(&names, "a");
    let pid = sleeper.pid();
    let pid_text = pid.to_string();

    // pids: the sleeper and nothing else, as ip finds.
    assert_eq!(names.pids("a").unwrap(), [pid]);
    let ip_pids: Vec<u32> = ip(&["netns", "pids", "a"])
        .lines()
        .map(|l| l.trim().parse().unwrap())
        .collect();
    assert_eq!(ip_pids, [pid]);

    // identify: the sleeper is in "a".
    assert_eq!(names.identify(pid).unwrap(), ["a"]);
    assert_eq!(ip(&["netns", "identify", &pid_text]).trim(), "a");

    // attach: a second name for the sleeper's namespace; both identify it, in ip's order.
    names.attach("b", pid).unwrap();
    assert_eq!(
        names.open("b").unwrap().id().unwrap(),
        names.open("a").unwrap().id().unwrap()
    );
    // iproute2 6.1 keeps one name, overwriting it with each match: it prints the last match in
    // directory order. The library returns every match, in directory order.
    let ours = names.identify(pid).unwrap();
    assert_eq!(
        ours.iter()
            .map(|name| name.to_str().unwrap())
            .collect::<BTreeSet<_>>(),
        BTreeSet::from(["a", "b"])
    );
    assert_eq!(
        ip(&["netns", "identify", &pid_text]).trim(),
        ours.last().unwrap().to_str().unwrap()
    );
    assert_eq!(ours.to_vec(), names.names().unwrap(), "directory order");
    assert_eq!(names.pids("b").unwrap(), [pid]);

    // The test thread's own namespace has no name; ip, run from it, agrees.
    assert!(names.identify_current().unwrap().is_empty());
    assert_eq!(ip(&["netns", "identify"]).trim(), "");

    // A name whose namespace has no process left: no pids. The namespace lives on (the mount
    // holds it) after the sleeper is gone.
    drop(sleeper);
    assert!(names.pids("a").unwrap().is_empty());
    assert_eq!(ip(&["netns", "pids", "a"]).trim(), "");
    assert_eq!(
        names.run_in("b", || NetnsId::current().unwrap()).unwrap(),
        names.open("a").unwrap().id().unwrap()
    );

    // pids of a missing name fails, as ip does.
    ip_fails(&["netns", "pids", "nope"]);
    assert!(names.pids("nope").is_err());
}

#[test]
fn run_in_works_inside_and_leaves_the_caller_alone() {
    let (_dir, names) = ip_run_dir();
    names.add("a").unwrap();
    let before = NetnsId::current().unwrap();
    let a = names.open("a").unwrap().id().unwrap();

    let inside = names.run_in("a", || NetnsId::current().unwrap()).unwrap();
    assert_eq!(inside, a);
    assert_eq!(NetnsId::current().unwrap(), before);

    // A socket opened inside stays inside: a veth made through it exists only in "a".
    let mut handle = names.run_in("a", Handle::new).unwrap().unwrap();
    handle.link_add(&LinkAdd::veth("in0", "in1")).unwrap();
    let inside: BTreeSet<String> = ip_list(&["-n", "a", "link", "show"])
        .iter()
        .map(|l| l["ifname"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        inside,
        BTreeSet::from(["lo", "in0", "in1"].map(String::from))
    );
    assert!(
        ip_fails(&["link", "show", "in0"])
            .1
            .contains("does not exist")
    );

    // A panic inside is the caller's panic, and the caller is still home after it.
    let r = std::panic::catch_unwind(|| names.run_in("a", || panic!("inside")));
    assert!(r.is_err());
    assert_eq!(NetnsId::current().unwrap(), before);
}

#[test]
fn veth_moved_into_a_named_namespace_shows_up_there() {
    let (_dir, names) = ip_run_dir();
    names.add("blue").unwrap();
    let mut here = Handle::new().unwrap();
    here.set_run_dir(IP_RUN_DIR);
    here.link_add(&LinkAdd::veth("v0", "v1")).unwrap();
    here.link_set(&LinkSet::new(LinkRef::from("v1")).netns(NetnsRef::name("blue")))
        .unwrap();

    // Gone from here, there in "blue", for the library and for ip.
    assert!(here.link(LinkRef::from("v1")).is_err());
    let mut blue = names.handle("blue").unwrap();
    let v1 = blue.link(LinkRef::from("v1")).unwrap();
    let ip_v1 = &ip_list(&["-n", "blue", "link", "show", "dev", "v1"])[0];
    assert_eq!(u64::from(v1.index), ip_v1["ifindex"].as_u64().unwrap());
    assert_eq!(v1.kind.as_deref(), Some("veth"));

    // v0's peer is in another namespace now: the kernel gave "blue" an nsid here, which the
    // list shows against the name, as ip does.
    let v0 = here.link(LinkRef::from("v0")).unwrap();
    let nsid = v0.link_netnsid.expect("v0's peer is elsewhere");
    assert_eq!(v0.link, Some(v1.index));
    let ours = our_list(&names);
    assert_eq!(ours, [("blue".to_owned(), Some(nsid))]);
    assert_eq!(ours, ip_netns_list());
    let list_id: Vec<_> = names
        .list_id()
        .unwrap()
        .into_iter()
        .map(|n| (n.nsid, n.name.map(|name| name.into_string().unwrap())))
        .collect();
    assert_eq!(list_id, [(nsid, Some("blue".to_owned()))]);
    assert_eq!(list_id, ip_list_id(&[]));

    // A process started in "blue" sees v1 (ip itself as the process).
    let seen = names
        .run_in("blue", || {
            Command::new("ip")
                .args(["-j", "link", "show", "dev", "v1"])
                .output()
        })
        .unwrap()
        .unwrap();
    assert!(seen.status.success());
    let seen: Value = serde_json::from_slice(&seen.stdout).unwrap();
    assert_eq!(seen[0]["ifname"], "v1");

    // Deleting the name frees the namespace (nothing else holds it), and v1 with it; v0 goes
    // too, as its peer is destroyed.
    drop(blue);
    names.delete("blue").unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while here.link(LinkRef::from("v0")).is_ok() {
        assert!(
            std::time::Instant::now() < deadline,
            "v0 outlived its peer's namespace"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
