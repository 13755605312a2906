//! 200 create/delete cycles of a named namespace leave no mount and no descriptor behind.
//!
//! Alone in its test binary, so no other test opens descriptors meanwhile.

mod common;

use rtnl_sys::RunDir;

fn mount_count() -> usize {
    std::fs::read_to_string("/proc/thread-self/mountinfo")
        .unwrap()
        .lines()
        .count()
}

fn fd_count() -> usize {
    std::fs::read_dir("/proc/self/fd").unwrap().count()
}

#[test]
fn two_hundred_create_delete_cycles_leak_nothing() {
    common::private_netns_and_mounts();
    let tmp = common::TempDir::new();
    let dir = tmp.join("netns");
    let run_dir = RunDir::new(&dir);
    // The first create makes the run dir a mount point; count after that.
    run_dir.create("warmup").unwrap();
    run_dir.delete("warmup").unwrap();
    let (mounts, fds) = (mount_count(), fd_count());
    for i in 0..200 {
        let name = format!("cycle{}", i % 3);
        run_dir.create(&name).unwrap();
        run_dir.delete(&name).unwrap();
    }
    assert_eq!(mount_count(), mounts, "mountinfo lines");
    assert_eq!(fd_count(), fds, "open descriptors");
    let mut left = 0;
    run_dir.list(|_| left += 1).unwrap();
    assert_eq!(left, 0);
}
