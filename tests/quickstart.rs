//! The README's quickstart (`examples/quickstart.rs`), run as it is, but hermetically: in a
//! private network and mount namespace with its own run dir, so the host's `/run/netns` is
//! never touched.

mod common;

#[allow(dead_code)]
#[path = "../examples/quickstart.rs"]
mod quickstart;

use common::{ip_json, private_netns_and_run_dir};

fn run_dir_entries(dir: &str) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect()
}

#[test]
fn quickstart_runs_and_leaves_nothing_behind() {
    let run_dir = private_netns_and_run_dir();
    let before = ip_json(&["link", "show"]);
    let mut out = Vec::new();
    quickstart::run(run_dir.path(), &mut out).unwrap_or_else(|e| panic!("quickstart: {e}"));
    let out = String::from_utf8(out).unwrap();
    println!("{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "created namespaces rtnl-qs-a and rtnl-qs-b");
    assert!(
        out.contains("rtnl-qs-b received \"hello from rtnl-qs-a\" from 192.0.2.1:"),
        "{out}"
    );
    assert!(
        out.contains("  rtnl-qs-a\n") && out.contains("  rtnl-qs-b\n"),
        "{out}"
    );
    assert!(
        out.contains("<-> veth-b (index ") && out.contains("in rtnl-qs-b, nsid "),
        "the peer lookup names the other namespace: {out}"
    );
    assert_eq!(
        lines.last(),
        Some(&"deleted the veth pair and both namespaces")
    );
    assert!(run_dir_entries(run_dir.path()).is_empty());
    assert_eq!(ip_json(&["link", "show"]), before, "no link left here");
}

#[test]
fn a_failed_step_still_cleans_up() {
    let run_dir = private_netns_and_run_dir();
    // The second namespace's name is taken, so the run fails after the first was made.
    std::fs::write(format!("{}/rtnl-qs-b", run_dir.path()), b"").unwrap();
    let mut out = Vec::new();
    let err = quickstart::run(run_dir.path(), &mut out).unwrap_err();
    assert!(
        err.to_string().starts_with("Cannot create namespace file"),
        "{err}"
    );
    assert_eq!(
        run_dir_entries(run_dir.path()),
        ["rtnl-qs-b"],
        "rtnl-qs-a was removed"
    );
}
