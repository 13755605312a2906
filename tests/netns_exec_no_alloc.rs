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

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use rtnl_ip::netns::Namespaces;
use rtnl_ip::sys::NetnsId;

struct Counting;

thread_local! {
    /// Whether this thread's allocations are being counted.
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    /// This thread's counted allocations.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count_one() {
    if COUNTING.with(Cell::get) {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
    }
}

// SAFETY: every call is forwarded unchanged to the system allocator; counting only touches
// const-initialised thread-locals without destructors, which do not allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_one();
        // SAFETY: the caller's contract for `alloc` is passed on as it is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System.alloc` with this `layout`, per the caller's contract.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_one();
        // SAFETY: the caller's contract for `realloc` is passed on as it is.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f` and returns its result and how many allocations this thread made meanwhile.
fn allocations_in<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let before = ALLOCATIONS.with(Cell::get);
    COUNTING.with(|c| c.set(true));
    let r = f();
    COUNTING.with(|c| c.set(false));
    (r, ALLOCATIONS.with(Cell::get) - before)
}

#[test]
fn the_counter_counts() {
    let ((), n) = allocations_in(|| drop(std::hint::black_box(vec![1u8; 10])));
    assert_eq!(n, 1);
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
    let (result, n) = allocations_in(|| plain.enter_with(|_, _, _| {}).is_ok());
    assert!(!result, "setns into a plain file must fail");
    assert_eq!(n, 0, "allocations in a failed enter");

    let blue = names.prepare_exec("blue").unwrap();
    let want = blue.netns().id().unwrap();
    let mut failed_binds = 0;
    let (entered, n) = allocations_in(|| blue.enter_with(|_, _, _| failed_binds += 1).is_ok());
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
