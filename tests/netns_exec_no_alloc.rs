//! Proof that entering a namespace the way `ip netns exec` does allocates nothing, which is
//! what makes `NetnsExec::enter` (and so `Namespaces::exec`'s `pre_exec` hook) fit to run in
//! the child of a multi-threaded `fork`: the test thread enters a named namespace (its
//! network and a new mount namespace, `/sys` remounted, etc files bound, one bind failing and
//! reported) under a counting global allocator, and also a namespace whose `setns` fails.
//!
//! The allocator counts only while the calling thread has switched counting on, so the test
//! harness's own allocations (other threads, output capture) do not count. The test thread
//! stays in the namespace it entered; it ends with the test.

mod common;

use rtnl_ip::netns::Namespaces;
use rtnl_ip::sys::NetnsId;

#[path = "common/counting.rs"]
mod counting;

use counting::{Counting, allocations_in};

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn the_counter_counts() {
    assert_eq!(
        allocations_in(|| drop(std::hint::black_box(vec![1u8; 10]))),
        1
    );
}

#[test]
fn entering_allocates_nothing() {
    let run = common::private_netns_and_run_dir();
    let etc = format!("{}-etc", run.path());
    std::fs::create_dir_all(format!("{etc}/netns/blue")).unwrap();
    std::fs::write(format!("{etc}/hosts"), "outside\n").unwrap();
    std::fs::write(format!("{etc}/netns/blue/hosts"), "blue\n").unwrap();
    std::fs::write(format!("{etc}/netns/blue/missing-target"), "x\n").unwrap();
    let names = Namespaces::at(run.path()).with_etc_dir(&etc);
    names.add("blue").unwrap();
    std::fs::write(format!("{}/plain", run.path()), "not a namespace").unwrap();

    // A failing enter (the file is not a namespace) allocates nothing either.
    let plain = names.prepare_exec("plain").unwrap();
    let mut entered = true;
    let n = allocations_in(|| entered = plain.enter_with(|_, _, _| {}).is_ok());
    assert!(!entered, "setns into a plain file must fail");
    assert_eq!(n, 0, "allocations in a failed enter");

    let blue = names.prepare_exec("blue").unwrap();
    let want = blue.netns().id().unwrap();
    let mut failed_binds = 0;
    let mut entered = false;
    let n = allocations_in(|| entered = blue.enter_with(|_, _, _| failed_binds += 1).is_ok());
    assert!(entered);
    assert_eq!(n, 0, "allocations while entering");
    assert_eq!(failed_binds, 1);
    // It did enter: this thread's namespace is blue's, its /etc/hosts is blue's, and /sys
    // shows blue's devices (only lo).
    assert_eq!(NetnsId::current().unwrap(), want);
    assert_eq!(
        std::fs::read_to_string(format!("{etc}/hosts")).unwrap(),
        "blue\n"
    );
    let devices: Vec<String> = std::fs::read_dir("/sys/class/net")
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(devices, ["lo"]);
    let _ = rustix::mount::unmount(
        format!("{etc}/hosts").as_str(),
        rustix::mount::UnmountFlags::DETACH,
    );
    std::fs::remove_dir_all(&etc).unwrap();
}
