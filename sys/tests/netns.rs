//! Network namespaces: fds, the restoring guard, run_in, and named namespaces in a private
//! run dir (each test in its own network and mount namespace).

mod common;

use std::collections::BTreeSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::{Command, Stdio};

use common::{TempDir, link_dump_request, private_netns, private_netns_and_mounts};
use rtnl_codec::LinkMessage;
use rtnl_sys::{Engine, NetnsFd, NetnsId, NetnsOp, RunDir, Socket, run_in, run_in_new};
use rustix::io::Errno;

fn list(run_dir: &RunDir<'_>) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    run_dir
        .list(|n| assert!(names.insert(String::from_utf8(n.to_vec()).expect("UTF-8 name"))))
        .unwrap();
    names
}

/// Link names in the calling thread's namespace, by a dump.
fn links_here() -> Vec<String> {
    let mut engine = Engine::new(Socket::new().unwrap());
    let mut req = [0u8; 64];
    let len = link_dump_request(&mut req);
    let mut names = Vec::new();
    engine
        .dump(&mut req[..len], &mut vec![0u8; 32768], |m| {
            names.push(LinkMessage::parse(m).unwrap().name().unwrap().to_owned())
        })
        .unwrap();
    names
}

#[test]
fn fds_by_thread_path_and_pid() {
    private_netns();
    let here = NetnsFd::current().unwrap();
    assert_eq!(here.id().unwrap(), NetnsId::current().unwrap());
    let by_path = NetnsFd::open("/proc/thread-self/ns/net").unwrap();
    assert_eq!(by_path.id().unwrap(), here.id().unwrap());
    // The process (its main thread) is still in the namespace the test started in.
    let main = NetnsFd::of_pid(std::process::id()).unwrap();
    assert_eq!(
        main.id().unwrap(),
        NetnsId::of_pid(std::process::id()).unwrap()
    );
    assert_ne!(
        main.id().unwrap(),
        here.id().unwrap(),
        "unshare changed only this thread"
    );
    assert_eq!(NetnsFd::open("/nonexistent/ns").unwrap_err(), Errno::NOENT);
}

#[test]
fn the_guard_restores_the_namespace_also_after_a_panic() {
    private_netns();
    let home = NetnsId::current().unwrap();
    let other = run_in_new(|| NetnsFd::current().unwrap()).unwrap();
    let other_id = other.id().unwrap();
    assert_ne!(other_id, home);

    {
        let _guard = other.enter().unwrap();
        assert_eq!(NetnsId::current().unwrap(), other_id);
        assert_eq!(links_here(), ["lo"]);
    }
    assert_eq!(NetnsId::current().unwrap(), home, "restored on drop");

    let r = catch_unwind(AssertUnwindSafe(|| {
        let _guard = other.enter().unwrap();
        assert_eq!(NetnsId::current().unwrap(), other_id);
        panic!("boom inside the namespace");
    }));
    assert!(r.is_err());
    assert_eq!(
        NetnsId::current().unwrap(),
        home,
        "restored while unwinding"
    );

    let guard = other.enter().unwrap();
    guard.restore().unwrap();
    assert_eq!(NetnsId::current().unwrap(), home, "restored explicitly");
}

#[test]
fn run_in_never_moves_the_callers_thread() {
    private_netns();
    let home = NetnsId::current().unwrap();
    let other = run_in_new(|| NetnsFd::current().unwrap()).unwrap();
    let inside = run_in(&other, || NetnsId::current().unwrap()).unwrap();
    assert_eq!(inside, other.id().unwrap());
    assert_eq!(NetnsId::current().unwrap(), home);

    // A socket opened in there keeps working in there from here.
    let socket = run_in(&other, || Socket::new().unwrap()).unwrap();
    let mut engine = Engine::new(socket);
    let mut req = [0u8; 256];
    let len = common::veth_request(&mut req, "in0", "in1");
    engine
        .request_ack(&mut req[..len], &mut [0u8; 4096])
        .unwrap();
    assert_eq!(links_here(), ["lo"], "nothing was created here");
    let mut there = run_in(&other, links_here).unwrap();
    there.sort();
    assert_eq!(there, ["in0", "in1", "lo"]);

    // A panic inside is resumed on the caller, whose namespace is still its own.
    let r = catch_unwind(AssertUnwindSafe(|| run_in(&other, || panic!("inside"))));
    assert!(r.is_err());
    assert_eq!(NetnsId::current().unwrap(), home);
}

#[test]
fn named_namespaces_create_list_identify_pids_delete() {
    private_netns_and_mounts();
    let tmp = TempDir::new();
    let dir = tmp.join("netns");
    let run_dir = RunDir::new(&dir);
    let home = NetnsId::current().unwrap();

    assert!(list(&run_dir).is_empty(), "a missing run dir lists nothing");
    run_dir.create("blue").unwrap();
    run_dir.create("red").unwrap();
    assert_eq!(
        NetnsId::current().unwrap(),
        home,
        "create never moves the caller"
    );
    assert_eq!(
        list(&run_dir),
        BTreeSet::from(["blue".to_owned(), "red".to_owned()])
    );

    // The same as `ip netns list` sees with that run dir... which `ip` cannot be pointed at,
    // so check the mount the way it would: the file is an nsfs bind mount.
    let mountinfo = std::fs::read_to_string("/proc/thread-self/mountinfo").unwrap();
    let blue_path = format!("{dir}/blue");
    assert!(
        mountinfo
            .lines()
            .any(|l| l.contains(&blue_path) && l.contains("nsfs")),
        "{mountinfo}"
    );

    let dup = run_dir.create("blue").unwrap_err();
    assert_eq!(
        (dup.op(), dup.errno()),
        (NetnsOp::CreateFile, Some(Errno::EXIST))
    );
    assert_eq!(
        dup.to_string(),
        "Cannot create namespace file \"blue\": File exists"
    );

    let blue = run_dir.open("blue").unwrap();
    let red = run_dir.open("red").unwrap();
    assert_ne!(blue.id().unwrap(), red.id().unwrap());
    assert_ne!(blue.id().unwrap(), home);
    assert_eq!(
        run_in(&blue, links_here).unwrap(),
        ["lo"],
        "a fresh namespace"
    );

    let mut names = Vec::new();
    run_dir
        .identify(blue.id().unwrap(), |n| names.push(n.to_owned()))
        .unwrap();
    assert_eq!(names, [b"blue"]);
    names.clear();
    run_dir
        .identify(home, |n| names.push(n.to_owned()))
        .unwrap();
    assert!(names.is_empty());

    // A process started from a thread inside "red" lives in "red" (fork copies the calling
    // thread's namespaces): pids finds it, identify PID names it.
    let mut child = run_in(&red, || {
        Command::new("sleep")
            .arg("30")
            .stdin(Stdio::null())
            .spawn()
            .unwrap()
    })
    .unwrap();
    let mut pids = Vec::new();
    run_dir.pids("red", |p| pids.push(p)).unwrap();
    assert_eq!(pids, [child.id()]);
    names.clear();
    run_dir
        .identify_pid(child.id(), |n| names.push(n.to_owned()))
        .unwrap();
    assert_eq!(names, [b"red"]);
    pids.clear();
    run_dir.pids("blue", |p| pids.push(p)).unwrap();
    assert!(pids.is_empty());
    child.kill().unwrap();
    child.wait().unwrap();

    // attach: name the namespace of a process.
    run_dir.attach("self", std::process::id()).unwrap();
    names.clear();
    run_dir
        .identify_pid(std::process::id(), |n| names.push(n.to_owned()))
        .unwrap();
    assert_eq!(names, [b"self"]);

    for name in ["blue", "red", "self"] {
        run_dir.delete(name).unwrap();
    }
    assert!(list(&run_dir).is_empty());
    // The fd still holds the namespace after its name is gone.
    assert_eq!(run_in(&blue, links_here).unwrap(), ["lo"]);

    let missing = run_dir.delete("blue").unwrap_err();
    assert_eq!(
        missing.to_string(),
        "Cannot remove namespace file \"blue\": No such file or directory"
    );
    let missing = run_dir.open("blue").unwrap_err();
    assert_eq!(
        missing.to_string(),
        "Cannot open network namespace \"blue\": No such file or directory"
    );
}

#[test]
fn invalid_names_are_refused_and_nothing_is_created() {
    private_netns_and_mounts();
    let tmp = TempDir::new();
    let dir = tmp.join("netns");
    let run_dir = RunDir::new(&dir);
    let long = "x".repeat(256);
    for bad in ["", ".", "..", "a/b", "../escape", long.as_str()] {
        let e = run_dir.create(bad).unwrap_err();
        assert_eq!(e.op(), NetnsOp::InvalidName, "{bad:?}");
        assert_eq!(
            run_dir.attach(bad, 1).unwrap_err().op(),
            NetnsOp::InvalidName
        );
        assert_eq!(run_dir.delete(bad).unwrap_err().op(), NetnsOp::InvalidName);
        assert_eq!(run_dir.open(bad).unwrap_err().op(), NetnsOp::InvalidName);
        assert_eq!(
            run_dir.pids(bad, |_| {}).unwrap_err().op(),
            NetnsOp::InvalidName
        );
    }
    assert_eq!(
        run_dir.create("a/b").unwrap_err().to_string(),
        "Invalid netns name \"a/b\""
    );
    assert!(
        !std::path::Path::new(&dir).exists(),
        "not even the run dir was made"
    );
    assert!(!std::path::Path::new(&tmp.join("escape")).exists());
}

#[test]
fn a_failed_create_leaves_nothing_behind() {
    private_netns_and_mounts();
    let tmp = TempDir::new();
    let dir = tmp.join("netns");
    let run_dir = RunDir::new(&dir);
    // No such process: the bind mount fails after the file was created.
    let e = run_dir.attach("ghost", u32::MAX - 1).unwrap_err();
    assert_eq!(
        (e.op(), e.errno()),
        (NetnsOp::BindMount, Some(Errno::NOENT))
    );
    assert!(list(&run_dir).is_empty(), "the file was removed again");
    let mounts_after = std::fs::read_to_string("/proc/thread-self/mountinfo").unwrap();
    let ghosts = |m: &str| m.lines().filter(|l| l.contains("ghost")).count();
    assert_eq!(ghosts(&mounts_after), 0);
    // The run dir itself stays a shared mount point, as with iproute2.
    let run_dir_mount = mounts_after
        .lines()
        .find(|l| l.split(' ').nth(4) == Some(&dir));
    assert!(run_dir_mount.unwrap().contains("shared:"), "{mounts_after}");
}
