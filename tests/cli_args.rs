//! Arguments read exactly as `ip` reads them: numbers (C's base 0: `010` is octal, `08` is
//! refused, ranges per keyword), names as bytes, over-long names, batch-line caps and global
//! options. Each form runs with `rtnl` and with `ip` on the same state, in a private network
//! namespace (and a private `/run/netns` where names are involved): stdout, stderr, exit code
//! and the kernel state that results must be the same.

mod common;

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt as _;
use std::process::{Command, Output};

use common::{RTNL, ip, private_netns, private_netns_with_run_netns};
use serde_json::Value;

/// Runs `program ARGS` (words as bytes) in the calling thread's namespaces.
fn run(program: &str, args: &[&[u8]]) -> Output {
    Command::new(program)
        .args(args.iter().map(|a| OsStr::from_bytes(a)))
        .output()
        .unwrap_or_else(|e| panic!("run {program}: {e}"))
}

/// The words of a form, split on spaces.
fn words(form: &str) -> Vec<&[u8]> {
    form.split(' ').map(str::as_bytes).collect()
}

/// What a command did: exit code, stdout, stderr (bytes).
type Outcome = (Option<i32>, Vec<u8>, Vec<u8>);

/// What a command did, for comparison.
fn result(out: &Output) -> Outcome {
    (out.status.code(), out.stdout.clone(), out.stderr.clone())
}

/// Asserts rtnl's and ip's results for the form `text` are the same, both shown if not.
#[track_caller]
fn same_outcome(text: &str, ours: &Outcome, theirs: &Outcome) {
    assert_eq!(
        ours,
        theirs,
        "{text}: rtnl {} / ip {}",
        show(ours),
        show(theirs)
    );
}

/// Shows a result readably in an assertion message.
fn show(r: &Outcome) -> String {
    format!(
        "exit {:?}, stdout {:?}, stderr {:?}",
        r.0,
        String::from_utf8_lossy(&r.1),
        String::from_utf8_lossy(&r.2)
    )
}

/// Runs `setup` (with `ip`), then `form` with `rtnl` and records the result and `state` (an
/// `ip` command); tears down with `teardown`; then the same with `ip`. Both must agree on
/// the output, the exit code and the state.
fn same_form(setup: &[&str], form: &[&[u8]], state: &str, teardown: &[&str]) {
    let mut seen = Vec::new();
    for program in [RTNL, "ip"] {
        for cmd in setup {
            ip(&cmd.split(' ').collect::<Vec<_>>());
        }
        let out = run(program, form);
        let after = stable(&ip(&state.split(' ').collect::<Vec<_>>()));
        for cmd in teardown {
            let _ = Command::new("ip").args(cmd.split(' ')).output();
        }
        settle();
        seen.push((result(&out), after));
    }
    let text: Vec<String> = form
        .iter()
        .map(|w| String::from_utf8_lossy(w).into_owned())
        .collect();
    assert_eq!(
        seen[0].0,
        seen[1].0,
        "{}: rtnl {} / ip {}",
        text.join(" "),
        show(&seen[0].0),
        show(&seen[1].0)
    );
    assert_eq!(seen[0].1, seen[1].1, "state after {}", text.join(" "));
}

/// Runs `setup`, then `form` (which changes nothing) with `rtnl` and with `ip` on that
/// state: the same stdout, stderr and exit code; then `teardown`.
fn same_show(setup: &[&str], form: &[&[u8]], teardown: &[&str]) {
    for cmd in setup {
        ip(&cmd.split(' ').collect::<Vec<_>>());
    }
    let ours = result(&run(RTNL, form));
    let theirs = result(&run("ip", form));
    for cmd in teardown {
        let _ = Command::new("ip").args(cmd.split(' ')).output();
    }
    let text: Vec<String> = form
        .iter()
        .map(|w| String::from_utf8_lossy(w).into_owned())
        .collect();
    assert_eq!(
        ours,
        theirs,
        "{}: rtnl {} / ip {}",
        text.join(" "),
        show(&ours),
        show(&theirs)
    );
}

/// `ip -j` state without what differs between two runs of the same form (indexes and the
/// random MAC addresses of new links).
fn stable(json: &str) -> String {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(map) => {
                for key in ["ifindex", "address", "link_index", "permaddr"] {
                    map.remove(key);
                }
                map.values_mut().for_each(strip);
            }
            Value::Array(list) => list.iter_mut().for_each(strip),
            _ => {}
        }
    }
    if json.trim().is_empty() {
        return String::new();
    }
    let mut v: Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"));
    strip(&mut v);
    v.to_string()
}

/// Waits (up to 5 s) until the namespaces a teardown deleted are gone from `ip netns
/// list-id`: the kernel frees their ids a moment after the last reference goes.
fn settle() {
    for _ in 0..500 {
        if ip(&["netns", "list-id"]).trim().is_empty() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("nsids still in use: {}", ip(&["netns", "list-id"]));
}

/// [`same_form`] for each of `forms` (command lines, split on spaces).
fn same_forms(setup: &[&str], forms: &[&str], state: &str, teardown: &[&str]) {
    for form in forms {
        same_form(setup, &words(form), state, teardown);
    }
}

/// [`same_show`] for each of `forms` (command lines, split on spaces).
fn same_shows(setup: &[&str], forms: &[&str], teardown: &[&str]) {
    for form in forms {
        same_show(setup, &words(form), teardown);
    }
}

/// rtnl's and ip's results for `args`. A link's carrier flags may still be settling on a
/// slow guest (the 6.1 VM printed `NO-CARRIER` for one program only): both are read again
/// until they agree, for at most two seconds; a real difference stays for the caller's assert.
fn both_settled(args: &[&[u8]]) -> (Outcome, Outcome) {
    let mut ours = result(&run(RTNL, args));
    let mut theirs = result(&run("ip", args));
    for _ in 0..20 {
        if ours == theirs {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        ours = result(&run(RTNL, args));
        theirs = result(&run("ip", args));
    }
    (ours, theirs)
}

/// rtnl and ip give the same result for `form` ([`both_settled`]).
fn same_settled(form: &str) {
    let (ours, theirs) = both_settled(&words(form));
    same_outcome(form, &ours, &theirs);
}

/// Numbers in `link` forms: base 0 (octal, hex), `08` refused, each keyword's range and
/// function (`mtu`/`txqueuelen`: `get_integer`; `group`: `rtnl_group_a2n`; `vlan id`:
/// `get_u16`; `netns PID`: `get_integer`).
#[test]
fn link_numbers_are_read_as_ip_reads_them() {
    private_netns();
    let setup = ["link add v0 type veth peer name v1"];
    let teardown = ["link del v0", "link del x0"];
    let state = "-j -d link show dev v0";
    same_forms(
        &setup,
        &[
            "link set v0 mtu 01400",
            "link set v0 mtu 0x578",
            "link set v0 mtu 08",
            "link set v0 mtu 1400x",
            "link set v0 mtu -1",
            "link set v0 mtu 2147483648",
            "link set v0 mtu +1300",
            "link set v0 txqueuelen 4294967295",
            "link set v0 txqueuelen 2147483647",
            "link set v0 txqueuelen 010",
            "link set v0 txqueuelen -0",
            "link set v0 group 010",
            "link set v0 group -0",
            "link set v0 group 0x10",
            "link set v0 group 08",
            "link set v0 group 4294967295",
            "link set v0 group -1",
            "link set v0 group 2147483647",
            "link set v0 group default",
            "link set v0 netns 08",
            "link add link v0 name v0.9 type vlan id 011",
            "link add link v0 name v0.9 type vlan id 65536",
            "link add link v0 name v0.9 type vlan id 08",
            "link add x0 mtu 01300 type veth peer name x1",
            "link add x0 txqueuelen 0x10 type veth peer name x1",
        ],
        state,
        &teardown,
    );
    same_shows(
        &setup,
        &[
            "link show group 010",
            "link show group 08",
            "link show group -0",
        ],
        &teardown,
    );
    // The state of what `link add` made, too.
    same_forms(
        &setup,
        &[
            "link add x0 mtu 01300 type veth peer name x1",
            "link add x0 txqueuelen 010 type veth peer name x1",
        ],
        "-j -d link show dev x0",
        &teardown,
    );
}

/// Numbers in `route` and `address` forms: `table`, `metric`, `weight`, prefix lengths,
/// `proto`, `scope` and lifetimes, base 0.
#[test]
fn route_and_address_numbers_are_read_as_ip_reads_them() {
    private_netns();
    let setup = [
        "link add v0 type veth peer name v1",
        "link set v0 up",
        "link set v1 up",
        "address add 192.0.2.1/24 dev v0",
    ];
    let teardown = ["link del v0"];
    let routes = "-4 -j -d route show table all";
    same_forms(
        &setup,
        &[
            "route add 198.51.100.0/24 dev v0 table 010",
            "route add 198.51.100.0/24 dev v0 table 08",
            "route add 198.51.100.0/24 dev v0 table 0x10",
            "route add 198.51.100.0/24 dev v0 metric 010",
            "route add 198.51.100.0/24 dev v0 metric 08",
            "route add 198.51.100.0/24 dev v0 metric -1",
            "route add 198.51.100.0/24 dev v0 metric -0",
            "route add 198.51.100.0/24 dev v0 metric 4294967295",
            "route add 198.51.100.0/24 dev v0 metric 4294967296",
            "route add 198.51.100.0/24 dev v0 proto 010",
            "route add 198.51.100.0/24 dev v0 proto 0400",
            "route add 198.51.100.0/24 dev v0 scope 010",
            "route add 198.51.100.0/030 dev v0",
            "route add 198.51.100.0/08 dev v0",
            "route add 198.51.100.0/24 nexthop via 192.0.2.2 weight 010",
            "route add 198.51.100.0/24 nexthop via 192.0.2.2 weight 0400",
            "route add 198.51.100.0/24 nexthop via 192.0.2.2 weight 0401",
        ],
        routes,
        &teardown,
    );
    same_shows(
        &setup,
        &[
            "route show table 010",
            "route show table 08",
            "address show group 010",
            "address show group 08",
        ],
        &teardown,
    );
    let addrs = "-4 -j address show dev v0";
    same_forms(
        &setup,
        &[
            "address add 203.0.113.1/030 dev v0",
            "address add 203.0.113.1/24 dev v0 metric 010",
            "address add 203.0.113.1/24 dev v0 valid_lft 0100 preferred_lft 010",
            "address add 203.0.113.1/24 dev v0 valid_lft 08",
        ],
        addrs,
        &teardown,
    );
}

/// Numbers in `netns` forms: `set NAME NSID`, `list-id nsid N`, `attach NAME PID`.
#[test]
fn netns_numbers_are_read_as_ip_reads_them() {
    let _run = private_netns_with_run_netns();
    let setup = ["netns add a"];
    let teardown = ["netns del a"];
    let state = "-j netns list-id";
    same_forms(
        &setup,
        &[
            "netns set a 010",
            "netns set a 0x10",
            "netns set a 08",
            "netns set a -0",
            "netns set a 2147483648",
            "netns list-id nsid 010",
            "netns list-id nsid 08",
        ],
        state,
        &teardown,
    );
}

/// Global options as `ip` reads them, in its order: `-r` is `-resolve` (not `-rcvbuf`, which
/// would swallow the next word), `-N` prints numbers for names, `-rcvbuf` checks its size,
/// unknown options are refused with ip's message.
#[test]
fn global_options_are_read_as_ip_reads_them() {
    private_netns();
    let setup = [
        "link add v0 type veth peer name v1",
        "link set v0 up",
        "address add 192.0.2.1/24 dev v0",
        "address add 2001:db8::1/64 dev v0 nodad",
        "route add 198.51.100.0/24 via 192.0.2.2 proto static table 100",
    ];
    for cmd in setup {
        ip(&cmd.split(' ').collect::<Vec<_>>());
    }
    let forms = [
        "-r -6 route show dev v0",
        "-r -4 route show dev v0",
        "-resolve -6 address show dev v0",
        "-N route show table all",
        "-N -4 route show table 100",
        "-N -j route show table all",
        "-Numeric address show",
        "-N link show",
        "-N -j link show",
        "-N link show group 0",
        "-rcvbuf 08 link show dev lo",
        "-rcvbuf 0x10000 link show dev lo",
        "-e link show",
        "-x link show",
        "--N link show dev lo",
        "-a link show dev lo",
    ];
    for form in forms {
        same_settled(form);
    }
}

/// A name of 16 or more bytes, wherever a command names an existing link: `ip` looks it up as
/// an alternative name (`IFLA_ALT_IFNAME`), so a missing one is ip's device-does-not-exist
/// message (not a refusal to build the request), and a link that has it as an altname is
/// found.
#[test]
fn long_names_are_looked_up_as_ip_looks_them_up() {
    private_netns();
    let long = "abcdefghijklmnopq";
    let setup = ["link add v0 type veth peer name v1"];
    let teardown = ["link del v0", "link del v2"];
    let state = "-j -d link show";
    // No link can have these: 128 bytes and more is too long even for an alternative name,
    // and the kernel refuses ':' in names (ip still looks them up, and finds nothing).
    let no_name = "x".repeat(130);
    for name in [no_name.as_str(), "a:b"] {
        for form in [
            "link show dev NAME",
            "address show dev NAME",
            "route show dev NAME",
            "link set dev NAME up",
            "link del NAME",
            "link set v0 master NAME",
            "address add 192.0.2.1/24 dev NAME",
            "route add 192.0.2.0/24 dev NAME",
        ] {
            same_form(
                &setup,
                &words(&form.replace("NAME", name)),
                state,
                &teardown,
            );
        }
    }
    for form in [
        "link show dev LONG",
        "link show LONG",
        "link show master LONG",
        "address show dev LONG",
        "address flush dev LONG",
        "route show dev LONG",
        "route get 192.0.2.1 oif LONG",
    ] {
        same_show(&setup, &words(&form.replace("LONG", long)), &teardown);
    }
    for form in [
        "link set dev LONG up",
        "link set LONG up",
        "link del LONG",
        "link del dev LONG",
        "link set v0 master LONG",
        "link add link LONG name v3 type macvlan",
        "link add v2 master LONG type veth",
        "address add 192.0.2.1/24 dev LONG",
        "route add 192.0.2.0/24 dev LONG",
        "link set v0 netns LONG",
    ] {
        same_form(
            &setup,
            &words(&form.replace("LONG", long)),
            state,
            &teardown,
        );
    }
    // The same name as an alternative name of v0: found by every lookup.
    let setup = [
        "link add v0 type veth peer name v1",
        &format!("link property add dev v0 altname {long}"),
    ];
    for form in [
        "link set dev LONG mtu 1400",
        "link set v1 master LONG",
        "route add 198.51.100.0/24 dev LONG",
        "link del LONG",
    ] {
        same_form(
            &setup,
            &words(&form.replace("LONG", long)),
            state,
            &teardown,
        );
    }
    let routes = "-4 -j route show table all";
    same_form(
        &setup,
        &words(&format!("route add 198.51.100.0/24 dev {long}")),
        routes,
        &teardown,
    );
}

/// A batch file in the temp dir; its path (removed by the caller).
fn batch_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("rtnl-args-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).expect("write batch file");
    path
}

/// Batch files read as ip reads them: 511 words per command and `Too many arguments to
/// command` (exit 1, the batch ends) at 512; a line ends at its first NUL (what follows is
/// neither run nor echoed); a usage error ends the batch with exit 255 even with `-force`
/// (ip's `exit(-1)`); a 10 MB line of 3.5 M words fits in 64 MB of address space.
#[test]
fn batch_lines_are_read_and_capped_as_ip_reads_them() {
    private_netns();
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("w511", format!("link show dev lo{}\n", " x".repeat(507)).into_bytes()),
        ("w512", format!("link show dev lo{}\n", " x".repeat(508)).into_bytes()),
        (
            "nul",
            b"link show dev lo\0 garbage\nlink show d\0ev lo\n  \0 link show lo\nlink show dev lo \\\0\nlink show dev lo\n".to_vec(),
        ),
        (
            "nul2",
            b"link show dev lo#\0\nlink show \\\n dev\0 lo\nlink sh\0ow dev x\nlink show dev lo\n".to_vec(),
        ),
        ("usage", b"link show dev lo\nlink set lo mtu 08\nlink show dev lo\n".to_vec()),
        ("unterminated", b"link show dev lo\nlink set lo alias \"x\nlink show\n".to_vec()),
    ];
    for (name, bytes) in &files {
        let path = batch_file(name, bytes);
        for force in [false, true] {
            let mut args: Vec<&[u8]> = if force { vec![b"-force"] } else { vec![] };
            args.extend([b"-b".as_slice(), path.as_os_str().as_bytes()]);
            let ours = result(&run(RTNL, &args));
            let theirs = result(&run("ip", &args));
            same_outcome(name, &ours, &theirs);
        }
        let _ = std::fs::remove_file(&path);
    }
    let big = batch_file(
        "big",
        format!("link show {}\n", "ab ".repeat(3_500_000)).as_bytes(),
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 65536 && exec \"$0\" -b \"$1\"")
        .arg(RTNL)
        .arg(&big)
        .output()
        .expect("run sh");
    let _ = std::fs::remove_file(&big);
    assert_eq!(
        result(&out),
        (
            Some(1),
            Vec::new(),
            b"Too many arguments to command\n".to_vec()
        ),
        "{}",
        show(&result(&out))
    );
}

/// `bytes` as text, each byte that is not UTF-8 written `<xNN>` (so that JSON holding names
/// that are not UTF-8 can be parsed, and two such names still differ).
fn marked(bytes: &[u8]) -> String {
    let mut text = String::new();
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        for b in chunk.invalid() {
            text.push_str(&format!("<x{b:02x}>"));
        }
    }
    text
}

/// `-echo`: link, address and route add/del print what the kernel echoes, as ip prints it
/// (text and JSON, `Deleted` / `"deleted"`, `[{}]` when nothing is echoed), and change the
/// same state.
#[test]
fn echo_prints_what_the_kernel_echoes_as_ip_does() {
    let setup = [
        "link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02",
        "link set v0 up",
        "address add 192.0.2.1/24 dev v0",
        "link add v2 address 02:00:00:00:00:03 type veth peer name v3 address 02:00:00:00:00:04",
    ];
    for form in [
        "-echo link add v4 address 02:00:00:00:00:05 type veth peer name v5 address 02:00:00:00:00:06",
        "-echo -j link add v4 address 02:00:00:00:00:05 type veth peer name v5 address 02:00:00:00:00:06",
        "-echo link del v2",
        "-echo -j link del v2",
        "-echo link set v0 mtu 1400",
        "-echo -j link set v0 mtu 1400",
        "-echo address add 192.0.2.7/24 dev v0",
        "-echo -j address add 192.0.2.7/24 dev v0",
        "-echo address add 2001:db8::1/64 dev v0 nodad",
        "-echo address del 192.0.2.1/24 dev v0",
        "-echo -j address del 192.0.2.1/24 dev v0",
        "-echo route add 198.51.100.0/24 via 192.0.2.2",
        "-echo -j route add 198.51.100.0/24 via 192.0.2.2",
        "-echo route del 192.0.2.0/24 dev v0",
        "-echo -j route del 192.0.2.0/24 dev v0",
        "-echo link add v0 type veth",
        "-echo -j link show dev v0",
    ] {
        let setup: Vec<Vec<&[u8]>> = setup.iter().map(|cmd| words(cmd)).collect();
        let setup: Vec<&[&[u8]]> = setup.iter().map(Vec::as_slice).collect();
        same_in_fresh_netns(&setup, &words(form), form);
    }
}

/// Names the kernel holds that are not UTF-8 (made with `ip`) are printed as `ip` prints
/// them, as raw bytes in text and in `-j` strings: a link's own name, its peer (`@`), its
/// master, a route's `dev`, an address label, an alias, alternative names (`altname`).
#[test]
fn names_that_are_not_utf8_are_printed_as_ip_prints_them() {
    private_netns();
    let v: &[u8] = b"v\xff";
    let p: &[u8] = b"p\xfe";
    let label: &[u8] = b"v\xff:a";
    let alias: &[u8] = b"al\xffx";
    let setup: Vec<Vec<&[u8]>> = vec![
        vec![b"link", b"add", v, b"type", b"veth", b"peer", b"name", p],
        vec![b"link", b"set", v, b"up"],
        vec![b"link", b"set", p, b"up"],
        vec![b"address", b"add", b"192.0.2.1/24", b"dev", v],
        vec![
            b"address",
            b"add",
            b"192.0.2.9/24",
            b"dev",
            v,
            b"label",
            label,
        ],
        vec![
            b"route",
            b"add",
            b"198.51.100.0/24",
            b"via",
            b"192.0.2.2",
            b"dev",
            v,
        ],
        vec![b"link", b"add", b"br0", b"type", b"bridge"],
        vec![b"link", b"set", p, b"master", b"br0"],
        vec![b"link", b"set", p, b"alias", alias],
        b"link property add dev br0 altname alt\xff"
            .split(|&b| b == b' ')
            .collect(),
        words("link property add dev br0 altname abcdefghijklmnopq"),
    ];
    for cmd in &setup {
        let out = run("ip", cmd);
        assert!(out.status.success(), "ip setup: {}", show(&result(&out)));
    }
    for form in [
        "link show",
        "-j link show",
        "link show master br0",
        "-4 address show",
        "-j -4 address show",
        "route show",
        "-j route show",
        "-j -p -4 address show",
    ] {
        same_settled(form);
    }
    // The alias line is in `link show dev` (ip prints it there).
    let args: Vec<&[u8]> = vec![b"link", b"show", b"dev", b"br0"];
    assert_eq!(result(&run(RTNL, &args)), result(&run("ip", &args)));
}

/// Words that are not UTF-8 are names as ip takes them: their bytes go to the kernel as they
/// are (`link add`, a veth peer, `master`, `link set` with `name` and `alias`, `link show dev`,
/// `link delete`, and the `dev` of addresses, routes and neighbours), and a message naming
/// one prints its bytes. Each form runs with `rtnl` and
/// with `ip` in a fresh namespace on the same links: stdout, stderr, exit code and the state
/// after it (`ip -j -d address show`) must be the same.
#[test]
fn names_that_are_not_utf8_are_taken_as_ip_takes_them() {
    let setup: &[&[&[u8]]] = &[
        &[
            b"link",
            b"add",
            b"v\xff",
            b"address",
            b"02:00:00:00:00:01",
            b"type",
            b"veth",
            b"peer",
            b"name",
            b"p0",
            b"address",
            b"02:00:00:00:00:02",
        ],
        &[
            b"link",
            b"add",
            b"br\xfe",
            b"address",
            b"02:00:00:00:00:03",
            b"type",
            b"bridge",
        ],
    ];
    let forms: &[&[&[u8]]] = &[
        &[
            b"link", b"add", b"x\xff", b"type", b"veth", b"peer", b"name", b"w0",
        ],
        &[b"address", b"add", b"192.0.2.1/24", b"dev", b"v\xff"],
        &[b"address", b"add", b"192.0.2.1/24", b"dev", b"w\xff"],
        &[b"address", b"show", b"dev", b"v\xff"],
        &[b"address", b"show", b"dev", b"w\xff"],
        &[b"route", b"add", b"198.51.100.0/24", b"dev", b"v\xff"],
        &[b"route", b"add", b"198.51.100.0/24", b"dev", b"w\xff"],
        &[b"route", b"show", b"dev", b"w\xff"],
        &[b"route", b"get", b"192.0.2.1", b"oif", b"w\xff"],
        &[
            b"neigh",
            b"add",
            b"192.0.2.2",
            b"lladdr",
            b"02:00:00:00:00:09",
            b"dev",
            b"v\xff",
        ],
        &[b"neigh", b"show", b"dev", b"v\xff"],
        &[
            b"neigh",
            b"add",
            b"192.0.2.3",
            b"lladdr",
            b"02:00:00:00:00:09",
            b"dev",
            b"w\xff",
        ],
        &[b"neigh", b"get", b"192.0.2.3", b"dev", b"w\xff"],
        &[b"route", b"show", b"dev", b"v\xff"],
        &[b"neigh", b"show", b"dev", b"w\xff"],
        &[
            b"link", b"add", b"w\xff", b"type", b"veth", b"peer", b"name", b"w\xfe",
        ],
        &[b"link", b"add", b"w\xff", b"type", b"veth"],
        &[b"link", b"add", b"v\xff", b"type", b"veth"],
        &[
            b"link", b"add", b"d0", b"master", b"br\xfe", b"type", b"dummy",
        ],
        &[
            b"link", b"add", b"d0", b"master", b"br\xfd", b"type", b"dummy",
        ],
        &[b"link", b"show", b"dev", b"v\xff"],
        &[b"-j", b"link", b"show", b"dev", b"v\xff"],
        &[b"link", b"show", b"dev", b"w\xff"],
        &[b"link", b"show", b"master", b"br\xfe"],
        &[b"link", b"set", b"v\xff", b"up"],
        &[b"link", b"set", b"dev", b"w\xff", b"up"],
        &[b"link", b"set", b"v\xff", b"name", b"u\xfc\xfb"],
        &[b"link", b"set", b"v\xff", b"alias", b"al\xffx"],
        &[b"link", b"set", b"p0", b"master", b"br\xfe"],
        &[b"link", b"delete", b"v\xff"],
        &[b"link", b"delete", b"dev", b"w\xff"],
        // 15 bytes are a name; 16 are not (judged on the bytes, not on their text), and the
        // message prints them.
        &[
            b"link",
            b"add",
            b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff",
            b"type",
            b"dummy",
        ],
        &[
            b"link",
            b"add",
            b"name",
            b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff",
            b"type",
            b"dummy",
        ],
    ];
    for form in forms {
        let text = form.join(&b' ').escape_ascii().to_string();
        same_in_fresh_netns(setup, form, &text);
    }
    // A batch file's words are names as bytes too.
    let file = std::env::temp_dir().join(format!("rtnl-names-{}.batch", std::process::id()));
    std::fs::write(
        &file,
        b"link add x\xff type veth peer name y\xfe\nlink show dev y\xfe\nlink show dev q\xfd\n",
    )
    .expect("write the batch file");
    let form: &[&[u8]] = &[b"-b", file.as_os_str().as_bytes()];
    let state = "-j -d address show";
    let ours = in_fresh_netns_bytes(setup, RTNL, form, state);
    let theirs = in_fresh_netns_bytes(setup, "ip", form, state);
    let _ = std::fs::remove_file(&file);
    let mac = |out: &[u8]| {
        // The new pair's random MAC addresses.
        let text = marked(out);
        let mut kept = String::new();
        for line in text.lines() {
            match line.find("link/ether ") {
                Some(at) => kept.push_str(&line[..at]),
                None => kept.push_str(line),
            }
            kept.push('\n');
        }
        kept
    };
    assert_eq!(
        (ours.0.0, mac(&ours.0.1), &ours.0.2),
        (theirs.0.0, mac(&theirs.0.1), &theirs.0.2),
        "batch: rtnl {} / ip {}",
        show(&ours.0),
        show(&theirs.0)
    );
    assert_eq!(stable(&ours.1), stable(&theirs.1), "state after the batch");
    assert!(
        mac(&ours.0.1).contains("y<xfe>@x<xff>"),
        "{}",
        show(&ours.0)
    );
}

/// [`in_fresh_netns_bytes`] with rtnl and with ip: the same result and the same addresses
/// after it (`-j -d address show`, [`stable`]); `text` names the form in a failure.
fn same_in_fresh_netns(setup: &[&[&[u8]]], form: &[&[u8]], text: &str) {
    let state = "-j -d address show";
    let ours = in_fresh_netns_bytes(setup, RTNL, form, state);
    let theirs = in_fresh_netns_bytes(setup, "ip", form, state);
    same_outcome(text, &ours.0, &theirs.0);
    assert_eq!(stable(&ours.1), stable(&theirs.1), "state after {text}");
}

/// Runs `setup` (with `ip`, words as bytes) and then `form` with `program` in a fresh network
/// namespace of its own (so indexes are the same for both programs); the result and `state`
/// after it (bytes that are not UTF-8 [`marked`]).
fn in_fresh_netns_bytes(
    setup: &[&[&[u8]]],
    program: &'static str,
    form: &[&[u8]],
    state: &str,
) -> (Outcome, String) {
    let owned = |words: &[&[u8]]| words.iter().map(|w| w.to_vec()).collect::<Vec<_>>();
    let setup: Vec<Vec<Vec<u8>>> = setup.iter().map(|cmd| owned(cmd)).collect();
    let form = owned(form);
    let state = state.to_owned();
    std::thread::spawn(move || {
        private_netns();
        for cmd in &setup {
            let words: Vec<&[u8]> = cmd.iter().map(Vec::as_slice).collect();
            let out = run("ip", &words);
            assert!(out.status.success(), "ip setup: {}", show(&result(&out)));
        }
        linkwatch_settled();
        let form: Vec<&[u8]> = form.iter().map(Vec::as_slice).collect();
        let out = result(&run(program, &form));
        linkwatch_settled();
        let state = run("ip", &words(&state));
        assert!(
            state.status.success(),
            "ip state: {}",
            show(&result(&state))
        );
        (out, marked(&state.stdout))
    })
    .join()
    .expect("test thread")
}

/// Waits (up to 5 s), after the setup and after the form, until the kernel's linkwatch work
/// has given every link that is up, other than `lo`, its operational state (`UNKNOWN` until
/// then, then `NO-CARRIER` and `LOWERLAYERDOWN` for a veth whose peer is down): that comes up
/// to a second after the command, later in a slow VM, and would make two runs print
/// differently.
fn linkwatch_settled() {
    for _ in 0..100 {
        let out = run("ip", &words("-j link show"));
        // Names that are not UTF-8 are marked first, or the JSON would not parse.
        let links: Value = serde_json::from_str(&marked(&out.stdout)).unwrap_or(Value::Null);
        if !common::linkwatch_pending(&links) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// `-echo` prints only for ip's modify commands: `netns set` (whose request the kernel also
/// echoes) prints nothing, as with ip.
#[test]
fn echo_is_silent_where_ip_is() {
    let _run = private_netns_with_run_netns();
    ip(&["netns", "add", "a"]);
    ip(&["netns", "add", "b"]);
    let ours = result(&run(RTNL, &words("-echo netns set a 5")));
    let theirs = result(&run("ip", &words("-echo netns set b 6")));
    assert_eq!(ours, theirs, "rtnl {} / ip {}", show(&ours), show(&theirs));
    assert_eq!(ours, (Some(0), Vec::new(), Vec::new()));
    ip(&["netns", "del", "a"]);
    ip(&["netns", "del", "b"]);
}

/// Namespace names that are not UTF-8 are taken as ip takes them (`ip netns add $'\xff'`
/// makes that file in the run dir), listed as their bytes (text and `-j`), found by `pids`
/// and `delete`, given an id by `set`, taken by `link add ... netns NAME` and `-n NAME`, and
/// named by their bytes in messages. The same steps run with `rtnl` and
/// with `ip` in a private mount namespace with its own `/run/netns`; after each, the
/// outcome and `ip netns list` must be the same.
#[test]
fn netns_names_that_are_not_utf8_are_taken_as_ip_takes_them() {
    let steps: &[&[&[u8]]] = &[
        &[b"netns", b"add", b"\xff"],
        &[b"netns", b"add", b"a\xfeb"],
        &[b"netns", b"add", b"\xff"],
        &[b"netns", b"list"],
        &[b"-j", b"netns", b"list"],
        &[b"netns", b"pids", b"\xff"],
        &[b"netns", b"pids", b"\xfd"],
        &[
            b"link",
            b"add",
            b"d0",
            b"address",
            b"02:00:00:00:00:0a",
            b"netns",
            b"\xff",
            b"type",
            b"veth",
            b"peer",
            b"name",
            b"e0",
            b"address",
            b"02:00:00:00:00:0b",
        ],
        &[b"link", b"add", b"d1", b"netns", b"\xfd", b"type", b"veth"],
        &[b"-n", b"\xff", b"-br", b"address", b"show", b"dev", b"lo"],
        &[b"-n", b"\xfd", b"-br", b"address", b"show", b"dev", b"lo"],
        &[b"netns", b"set", b"\xff", b"5"],
        &[b"netns", b"set", b"\xfd", b"5"],
        &[b"netns", b"list"],
        &[b"netns", b"delete", b"\xfd"],
        &[b"netns", b"delete", b"\xff"],
        &[b"netns", b"delete", b"a\xfeb"],
    ];
    // The run dir's names, and the links of the one named \xff (when it exists), without the
    // peer's index.
    let state = || {
        let mut state = run("ip", &words("netns list")).stdout;
        let links = run("ip", &[b"-n", b"\xff", b"link", b"show"]).stdout;
        // The peer's index (`d0@ifN`) depends on how many links this namespace made before.
        let mut rest = links.as_slice();
        while let Some(at) = rest.windows(3).position(|w| w == b"@if") {
            state.extend_from_slice(&rest[..at + 3]);
            rest = &rest[at + 3..];
            let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
            rest = &rest[digits..];
        }
        state.extend_from_slice(rest);
        state
    };
    // Each program in a network and mount namespace of its own (a deleted namespace's links
    // go a moment later, so the second run must not see the first one's).
    let mut seen = Vec::new();
    for program in [RTNL, "ip"] {
        let outcomes = std::thread::scope(|scope| {
            scope
                .spawn(|| {
                    let _run = private_netns_with_run_netns();
                    let outcomes: Vec<_> = steps
                        .iter()
                        .map(|step| (result(&run(program, step)), state()))
                        .collect();
                    outcomes
                })
                .join()
                .expect("test thread")
        });
        seen.push(outcomes);
    }
    for (i, step) in steps.iter().enumerate() {
        let text = step.join(&b' ').escape_ascii().to_string();
        let (ours, theirs) = (&seen[0][i], &seen[1][i]);
        same_outcome(&text, &ours.0, &theirs.0);
        assert_eq!(
            ours.1,
            theirs.1,
            "netns list after {text}: rtnl {:?} / ip {:?}",
            ours.1.escape_ascii().to_string(),
            theirs.1.escape_ascii().to_string()
        );
    }
    // The names were made (the list was not empty) and are gone at the end.
    let made = &seen[1][1].1;
    assert!(made.starts_with(b"a\xfeb\n\xff\n") || made.starts_with(b"\xff\na\xfeb\n"));
    assert!(
        seen[1][7].1.windows(5).any(|w| w == b"d0@if"),
        "d0 was made in the namespace"
    );
    assert!(seen[1].last().is_some_and(|(_, list)| list.is_empty()));
}
