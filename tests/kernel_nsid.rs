//! Namespace ids against the real kernel: each test in its own network namespace, with the
//! other namespaces it names made by itself (on a helper thread, by a child process, or named in
//! a private run dir), and every result checked through `ip -j netns list-id` and our own dump.

mod common;

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use common::{KillOnDrop, ip, ip_json, private_netns, private_netns_and_run_dir};
use rtnl_ip::sys::{NetnsFd, RunDir, run_in_new};
use rtnl_ip::{ErrorKind, Handle, NetnsRef, NsidValue};
use rustix::io::Errno;

/// A new network namespace, kept alive by the returned descriptor.
fn new_netns() -> NetnsFd {
    run_in_new(NetnsFd::current)
        .expect("thread")
        .expect("open the new namespace")
}

/// The nsids `ip -j netns list-id` lists, sorted.
fn ip_nsids() -> Vec<i64> {
    let mut ids: Vec<i64> = ip_json(&["netns", "list-id"])
        .as_array()
        .expect("array")
        .iter()
        .map(|entry| entry["nsid"].as_i64().expect("nsid"))
        .collect();
    ids.sort_unstable();
    ids
}

/// Our dump's nsids, sorted, each checked to carry no name.
fn our_nsids(handle: &mut Handle) -> Vec<i64> {
    let mut ids: Vec<i64> = handle
        .nsids()
        .expect("dump nsids")
        .into_iter()
        .map(|nsid| {
            assert_eq!(nsid.name, None);
            i64::from(nsid.nsid)
        })
        .collect();
    ids.sort_unstable();
    ids
}

/// A `sleep` in a network namespace of its own (`unshare -n`), killed on drop.
fn unshared_sleeper() -> KillOnDrop {
    let ours = NetnsFd::current().unwrap().id().unwrap();
    let child = Command::new("unshare")
        .args(["-n", "sleep", "30"])
        .spawn()
        .expect("unshare -n sleep");
    let sleeper = KillOnDrop(child);
    // Wait until the child has unshared (its namespace is no longer ours).
    let deadline = Instant::now() + Duration::from_secs(5);
    while NetnsFd::of_pid(sleeper.pid())
        .and_then(|fd| fd.id())
        .is_ok_and(|id| id == ours)
    {
        assert!(Instant::now() < deadline, "unshare -n did not happen");
        sleep(Duration::from_millis(10));
    }
    sleeper
}

#[test]
fn set_a_number_then_get_and_list() {
    private_netns();
    let mut handle = Handle::new().unwrap();
    let other = new_netns();
    assert_eq!(handle.nsid_get(NetnsRef::Fd(&other)).unwrap(), None);
    assert!(our_nsids(&mut handle).is_empty());
    assert!(ip_nsids().is_empty());

    assert_eq!(
        handle
            .nsid_set(NetnsRef::Fd(&other), NsidValue::Number(5))
            .unwrap(),
        5
    );
    assert_eq!(handle.nsid_get(NetnsRef::Fd(&other)).unwrap(), Some(5));
    assert_eq!(our_nsids(&mut handle), [5]);
    assert_eq!(ip_nsids(), [5]);

    // A namespace keeps its first id.
    let err = handle
        .nsid_set(NetnsRef::Fd(&other), NsidValue::Number(6))
        .expect_err("second id");
    assert_eq!(err.errno(), Some(Errno::EXIST), "{err}");
    assert_eq!(err.op(), "set nsid");
    let err = handle
        .nsid_set(NetnsRef::Fd(&other), NsidValue::Auto)
        .expect_err("auto on a namespace with an id");
    assert_eq!(err.errno(), Some(Errno::EXIST), "{err}");
    // And a number is used once.
    let third = new_netns();
    let err = handle
        .nsid_set(NetnsRef::Fd(&third), NsidValue::Number(5))
        .expect_err("taken number");
    assert_eq!(err.errno(), Some(Errno::EXIST), "{err}");
    assert_eq!(our_nsids(&mut handle), [5]);
    assert_eq!(ip_nsids(), [5]);
}

#[test]
fn auto_picks_the_lowest_free_number() {
    private_netns();
    let mut handle = Handle::new().unwrap();
    let (a, b, c) = (new_netns(), new_netns(), new_netns());
    handle
        .nsid_set(NetnsRef::Fd(&a), NsidValue::Number(0))
        .unwrap();
    handle
        .nsid_set(NetnsRef::Fd(&b), NsidValue::Number(2))
        .unwrap();
    let auto = handle.nsid_set(NetnsRef::Fd(&c), NsidValue::Auto).unwrap();
    assert_eq!(auto, 1);
    assert_eq!(handle.nsid_get(NetnsRef::Fd(&c)).unwrap(), Some(1));
    assert_eq!(our_nsids(&mut handle), [0, 1, 2]);
    assert_eq!(ip_nsids(), [0, 1, 2]);
}

#[test]
fn named_namespaces_in_a_private_run_dir() {
    let run_dir = private_netns_and_run_dir();
    RunDir::new(run_dir.path())
        .create("blue")
        .expect("create blue");
    RunDir::new(run_dir.path())
        .create("red")
        .expect("create red");
    let mut handle = Handle::new().unwrap();
    handle.set_run_dir(run_dir.path());

    assert_eq!(handle.nsid_get(NetnsRef::name("blue")).unwrap(), None);
    let blue = handle
        .nsid_set(NetnsRef::name("blue"), NsidValue::Auto)
        .unwrap();
    assert_eq!(blue, 0);
    handle
        .nsid_set(NetnsRef::name("red"), NsidValue::Number(42))
        .unwrap();
    assert_eq!(handle.nsid_get(NetnsRef::name("blue")).unwrap(), Some(0));
    assert_eq!(handle.nsid_get(NetnsRef::name("red")).unwrap(), Some(42));
    // The same namespace by path has the same id.
    let path = format!("{}/red", run_dir.path());
    assert_eq!(handle.nsid_get(NetnsRef::path(&path)).unwrap(), Some(42));
    assert_eq!(our_nsids(&mut handle), [0, 42]);
    assert_eq!(ip_nsids(), [0, 42]);

    let err = handle
        .nsid_get(NetnsRef::name("nope"))
        .expect_err("unknown name");
    assert_eq!(err.errno(), Some(Errno::NOENT), "{err}");
    let err = handle
        .nsid_set(NetnsRef::name("nope"), NsidValue::Auto)
        .expect_err("unknown name");
    assert_eq!(err.errno(), Some(Errno::NOENT), "{err}");
}

#[test]
fn a_process_namespace_and_the_id_the_kernel_gives_a_veth_peer() {
    private_netns();
    let mut handle = Handle::new().unwrap();
    let sleeper = unshared_sleeper();
    let pid = sleeper.pid();
    assert_eq!(handle.nsid_get(NetnsRef::Pid(pid)).unwrap(), None);
    // Moving a veth end there makes the kernel name that namespace here.
    let pid_text = pid.to_string();
    ip(&[
        "link", "add", "v0", "type", "veth", "peer", "name", "v1", "netns", &pid_text,
    ]);
    let nsid = handle
        .nsid_get(NetnsRef::Pid(pid))
        .unwrap()
        .expect("the kernel gave it an id");
    assert_eq!(
        common::ip_link("v0")["link_netnsid"].as_i64(),
        Some(i64::from(nsid))
    );
    assert_eq!(our_nsids(&mut handle), [i64::from(nsid)]);
    assert_eq!(ip_nsids(), [i64::from(nsid)]);
    let err = handle
        .nsid_set(NetnsRef::Pid(pid), NsidValue::Number(7))
        .expect_err("it has one");
    assert_eq!(err.errno(), Some(Errno::EXIST), "{err}");
}

#[test]
fn a_negative_number_is_refused_before_sending() {
    private_netns();
    let mut handle = Handle::new().unwrap();
    let other = new_netns();
    let err = handle
        .nsid_set(NetnsRef::Fd(&other), NsidValue::Number(-1))
        .expect_err("negative");
    assert!(matches!(err.kind(), ErrorKind::Invalid(_)), "{err:?}");
    assert_eq!(handle.nsid_get(NetnsRef::Fd(&other)).unwrap(), None);
}
