//! The `rtnl` binary against iproute2's `ip`, whole process, side by side in one run: the
//! targets of issue #8 (show commands) and issue #9 (`netns add` + `netns del`).
//!
//! Run as root: `cargo bench --bench cli`. The process first gives itself a private network
//! namespace and a private mount namespace (`unshare(CLONE_NEWNET | CLONE_NEWNS)` before any
//! thread exists, so every child inherits both), makes its mount tree private and mounts a
//! tmpfs over `/run`, so `ip netns` and `rtnl netns` work in a `/run/netns` the host never
//! sees. Everything it makes dies with the process.
//!
//! **State.** `ip -batch` builds N veth pairs `vaI`/`vbI` (1,000 by default: 2,001 links with
//! `lo`), every link up with `accept_dad` off (so the IPv6 link-locals are there at once), one
//! global address on each end (the first 508 ends an IPv4 /32 from 198.51.100.0/24 and
//! 203.0.113.0/24, the others `2001:db8:1:K::1/64`: the IPv4 documentation ranges hold fewer
//! addresses than there are ends), and routes: `2001:db8:2:I::/64 via fe80::1 dev vaI` for
//! every pair and `192.0.2.I/32 dev vaI` for the first 254. The bench waits until the kernel
//! has finished (every address there with its local route, the route count steady) before
//! it times anything. With `RTNL_CLI_BENCH_LARGE_LINKS=10001` the state is then grown to a
//! second size (5,000 pairs) for the same rows. That size is left out by default: on this
//! 2-core machine growing to it took 93–116 s of `ip -batch` and the kernel's IPv6
//! `addrconf` work queue then went on adding the addresses' local routes for minutes, and a
//! `route show table all` at that size takes seconds per process.
//!
//! **Rows.** For each command (`-j link show`, `link show`, `-j -d link show`, `-j addr show`,
//! `addr show`, `-j route show table all`, `route show table all`) it runs `ip ARGS`,
//! `rtnl ARGS` (the `rtnl` binary cargo built next to this bench) and the floor, in rounds
//! whose order rotates, stdout and stderr to `/dev/null`, after one untimed warm-up round.
//! Each process is spawned by a launcher (this executable again, reading commands from a
//! pipe) and timed from spawn to `wait4`, which also gives its peak RSS (`ru_maxrss`). The
//! launcher is there because a child's `ru_maxrss` includes the peak of the process that
//! spawned it, and the bench itself holds megabytes of output; the launcher's own small
//! peak, which no measured process can show less than, is printed with the table. A ratio is the median of the ratios within each round (smallest and largest
//! in brackets), so a change of load on the shared machine hits both sides alike. Before
//! timing, `rtnl`'s stdout is compared with `ip`'s once; a difference is printed as a
//! `WARNING` with where it starts, never hidden.
//!
//! **The floor** is this executable run again (environment `RTNL_CLI_BENCH_FLOOR`): a
//! process that sends the dump requests the command needs and receives every datagram until
//! `NLMSG_DONE`, reading only message headers. Links: one link dump (the request `rtnl`
//! sends); addresses: a link dump and an address dump (ip's two); routes: a route dump of
//! every table and a link dump (the cheapest way to learn the device names the output
//! prints).
//!
//! **netns.** `ip netns add X; ip netns del X` against `rtnl netns add X; rtnl netns del X`,
//! alternating, 200 cycles each.
//!
//! Knobs (environment): `RTNL_CLI_BENCH_LINKS` (2001), `RTNL_CLI_BENCH_LARGE_LINKS` (0, no
//! second size; 10001 for issue #8's memory rows), `RTNL_CLI_BENCH_ROUNDS` (30),
//! `RTNL_CLI_BENCH_LARGE_ROUNDS` (3), `RTNL_CLI_BENCH_RTNL` (the `rtnl` to measure, e.g. a
//! static build; default the one cargo built), `RTNL_CLI_BENCH_NETNS_CYCLES` (200; 0 leaves them
//! out), `RTNL_CLI_BENCH_SETTLE_SECS` (600: how long to wait for the kernel to finish a state
//! before timing it as it is, with a warning). Link counts are `1 + 2 * pairs`. Without
//! `--bench` (under `cargo test --bench cli`) every path runs once on 21 and 41 links, as a
//! smoke test.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rtnl_codec::request::{self, AddressDump, LinkDump, RouteDump};
use rtnl_codec::{Messages, RouteMessage, nlm_f, nlmsg, rtn};
use rtnl_sys::{RECV_BUFFER_SIZE, Socket};

/// The environment variable that makes this executable the floor: the dumps to receive,
/// comma-separated (`link`, `addr`, `route`).
const FLOOR_ENV: &str = "RTNL_CLI_BENCH_FLOOR";

/// The `rtnl` binary of this build (`cargo bench` builds it with the bench's profile).
/// The `rtnl` measured: `RTNL_CLI_BENCH_RTNL` (e.g. a static build), else the one cargo built.
static RTNL: std::sync::LazyLock<std::path::PathBuf> = std::sync::LazyLock::new(|| {
    std::env::var_os("RTNL_CLI_BENCH_RTNL")
        .map_or_else(|| env!("CARGO_BIN_EXE_rtnl").into(), Into::into)
});

/// The batch file `ip -batch` reads, on the private tmpfs.
const BATCH_FILE: &str = "/run/rtnl-cli-bench.batch";

/// The named namespace of the netns cycles.
const NETNS_NAME: &str = "rtnl-cli-bench";

// ---------------------------------------------------------------------------------------------
// Configuration

/// How much the run does.
struct Config {
    /// Links of the first size (`1 + 2 * pairs`).
    links: usize,
    /// Links of the second size; 0 for none.
    large_links: usize,
    /// Timed rounds per command at the first size.
    rounds: usize,
    /// Timed rounds per command at the second size.
    large_rounds: usize,
    /// `netns add` + `netns del` cycles per tool.
    netns_cycles: usize,
    /// How long to wait for the kernel to finish a state before timing it as it is.
    settle_limit: Duration,
}

impl Config {
    fn from_env(full: bool) -> Config {
        let knob = |name: &str, full_value: usize, smoke_value: usize| -> usize {
            match std::env::var(name) {
                Ok(v) => v
                    .trim()
                    .parse()
                    .unwrap_or_else(|_| panic!("{name}={v:?} is not a number")),
                Err(_) if full => full_value,
                Err(_) => smoke_value,
            }
        };
        let config = Config {
            links: knob("RTNL_CLI_BENCH_LINKS", 2001, 21),
            large_links: knob("RTNL_CLI_BENCH_LARGE_LINKS", 0, 41),
            rounds: knob("RTNL_CLI_BENCH_ROUNDS", 30, 1),
            large_rounds: knob("RTNL_CLI_BENCH_LARGE_ROUNDS", 3, 1),
            netns_cycles: knob("RTNL_CLI_BENCH_NETNS_CYCLES", 200, 3),
            settle_limit: Duration::from_secs(knob("RTNL_CLI_BENCH_SETTLE_SECS", 600, 60) as u64),
        };
        assert!(
            config.links >= 3,
            "RTNL_CLI_BENCH_LINKS must be at least 3 (lo and one pair)"
        );
        assert!(
            config.rounds >= 1,
            "RTNL_CLI_BENCH_ROUNDS must be at least 1"
        );
        assert!(
            config.large_links == 0 || config.large_links > config.links,
            "RTNL_CLI_BENCH_LARGE_LINKS must be 0 or more than RTNL_CLI_BENCH_LINKS"
        );
        config
    }
}

// ---------------------------------------------------------------------------------------------
// The floor

/// A dump the floor receives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dump {
    /// `RTM_GETLINK`, as `rtnl` sends it.
    Link,
    /// `RTM_GETADDR`, every family.
    Addr,
    /// `RTM_GETROUTE`, every family and table.
    Route,
}

impl Dump {
    fn name(self) -> &'static str {
        match self {
            Dump::Link => "link",
            Dump::Addr => "addr",
            Dump::Route => "route",
        }
    }

    fn from_name(name: &str) -> Dump {
        match name {
            "link" => Dump::Link,
            "addr" => Dump::Addr,
            "route" => Dump::Route,
            other => panic!("{FLOOR_ENV}: unknown dump {other:?}"),
        }
    }
}

/// What one dump brought.
#[derive(Clone, Copy, Debug, Default)]
struct Received {
    /// Messages before `NLMSG_DONE`.
    messages: usize,
    /// Whether any carried `NLM_F_DUMP_INTR` (the state changed during the dump).
    interrupted: bool,
    /// Routes of type `RTN_LOCAL`, when asked to count them (the floor never is).
    local_routes: usize,
}

/// Sends `dump`'s request and receives datagrams until `NLMSG_DONE`, reading only the
/// message headers (and, with `count_local`, each route's type).
fn bare_dump(socket: &Socket, dump: Dump, seq: u32, rx: &mut [u8], count_local: bool) -> Received {
    let mut req = [0u8; 64];
    let len = match dump {
        Dump::Link => request::link_dump(&mut req, seq, &LinkDump::default()),
        Dump::Addr => request::addr_dump(&mut req, seq, &AddressDump::default()),
        Dump::Route => request::route_dump(&mut req, seq, &RouteDump::default()),
    }
    .expect("a dump request fits in 64 bytes")
    .len();
    socket.send(&req[..len]).expect("send the dump request");
    let mut got = Received::default();
    loop {
        let d = socket.recv(rx).expect("receive a dump datagram");
        for message in Messages::new(&rx[..d.len]) {
            let message = message.expect("a well-formed message header");
            match message.ty() {
                nlmsg::DONE => return got,
                nlmsg::ERROR => panic!("the kernel refused the {} dump", dump.name()),
                _ => {}
            }
            got.messages += 1;
            got.interrupted |= message.flags() & nlm_f::DUMP_INTR != 0;
            if count_local {
                let route = RouteMessage::parse(message).expect("a well-formed route message");
                got.local_routes += usize::from(route.header().rtm_type == rtn::LOCAL);
            }
        }
    }
}

/// The floor process: the dumps named in `FLOOR_ENV`, one socket, nothing parsed.
fn floor_child(dumps: &str) {
    let socket = Socket::new().expect("a netlink socket");
    let mut rx = vec![0u8; RECV_BUFFER_SIZE];
    for (seq, name) in (1..).zip(dumps.split(',')) {
        let got = bare_dump(&socket, Dump::from_name(name), seq, &mut rx, false);
        assert!(got.messages > 0, "an empty {name} dump");
    }
}

// ---------------------------------------------------------------------------------------------
// Namespaces and state

/// Private network and mount namespaces for this process and its children, a private mount
/// tree and a tmpfs on `/run`. Must run before any thread is started.
fn enter_private_namespaces() {
    use rustix::mount::{MountFlags, MountPropagationFlags};
    use rustix::thread::UnshareFlags;
    // SAFETY: `unshare_unsafe` is unsafe only for `CLONE_FILES`, which would give threads
    // different descriptor tables; it is not among the flags, and this process has a single
    // thread here anyway.
    unsafe { rustix::thread::unshare_unsafe(UnshareFlags::NEWNET | UnshareFlags::NEWNS) }
        .expect("unshare(CLONE_NEWNET | CLONE_NEWNS)");
    // Like `mount --make-rprivate /`: nothing mounted from here on reaches the host.
    rustix::mount::mount_change(
        "/",
        MountPropagationFlags::REC | MountPropagationFlags::PRIVATE,
    )
    .expect("make the mount tree private");
    rustix::mount::mount(
        "rtnl-cli-bench",
        "/run",
        "tmpfs",
        MountFlags::NOSUID | MountFlags::NODEV,
        c"mode=755",
    )
    .expect("mount a tmpfs on /run in the private mount namespace");
    // `/proc/sys/net` is the opener's network namespace: these are ours. No duplicate
    // address detection (link-locals at once, stable output) and no router solicitations
    // (less traffic between the veth ends while timing).
    for knob in ["accept_dad", "router_solicitations"] {
        for conf in ["all", "default"] {
            let path = format!("/proc/sys/net/ipv6/conf/{conf}/{knob}");
            std::fs::write(&path, "0").unwrap_or_else(|e| panic!("write {path}: {e}"));
        }
    }
}

/// The global address of veth end `k` (`vaI` is `2 * I`, `vbI` is `2 * I + 1`).
fn end_address(k: usize) -> String {
    match k {
        0..254 => format!("198.51.100.{}/32", k + 1),
        254..508 => format!("203.0.113.{}/32", k - 253),
        _ => format!("2001:db8:1:{k:x}::1/64"),
    }
}

/// The `ip -batch` commands that add pairs `from..to`: links, then up, then addresses, then
/// routes (each phase in one go, so nothing waits for a link made later).
fn batch_text(from: usize, to: usize) -> String {
    let mut text = String::new();
    if from == 0 {
        text += "link set lo up\n";
    }
    for i in from..to {
        writeln!(text, "link add va{i} type veth peer name vb{i}").unwrap();
    }
    for i in from..to {
        writeln!(text, "link set va{i} up\nlink set vb{i} up").unwrap();
    }
    for i in from..to {
        writeln!(text, "address add {} dev va{i}", end_address(2 * i)).unwrap();
        writeln!(text, "address add {} dev vb{i}", end_address(2 * i + 1)).unwrap();
    }
    for i in from..to {
        writeln!(
            text,
            "route add 2001:db8:2:{i:x}::/64 via fe80::1 dev va{i}"
        )
        .unwrap();
        if i < 254 {
            writeln!(text, "route add 192.0.2.{}/32 dev va{i}", i + 1).unwrap();
        }
    }
    text
}

/// What the namespace holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Counts {
    links: usize,
    addresses: usize,
    routes: usize,
    /// Routes of type `local`: one per address once the kernel has finished with it (its
    /// IPv6 addresses get theirs from the `addrconf` work queue, late), and `127.0.0.0/8`.
    local_routes: usize,
}

/// Counts links, addresses and routes with consistent dumps (an interrupted one is redone).
fn count(socket: &Socket, rx: &mut [u8]) -> Counts {
    let mut one = |dump| {
        for seq in 1.. {
            let got = bare_dump(socket, dump, seq, rx, dump == Dump::Route);
            if !got.interrupted {
                return got;
            }
        }
        unreachable!()
    };
    let routes = one(Dump::Route);
    Counts {
        links: one(Dump::Link).messages,
        addresses: one(Dump::Addr).messages,
        routes: routes.messages,
        local_routes: routes.local_routes,
    }
}

/// Grows the state to `pairs` pairs (from `from`) with `ip -batch`, then waits until the
/// kernel has settled: every link and every address there (each end's global address and its
/// link-local, `lo`'s two), a local route for each address, and the same route count twice,
/// half a second apart. Returns the
/// counts, the time `ip -batch` took and the time it took to settle after.
fn build_state(
    ip: &Path,
    from: usize,
    pairs: usize,
    settle_limit: Duration,
) -> (Counts, Duration, Duration) {
    std::fs::write(BATCH_FILE, batch_text(from, pairs)).expect("write the batch file");
    let start = Instant::now();
    let status = Command::new(ip)
        .args(["-batch", BATCH_FILE])
        .stdin(Stdio::null())
        .status()
        .expect("run ip -batch");
    let built = start.elapsed();
    assert!(status.success(), "ip -batch {BATCH_FILE} failed: {status}");
    std::fs::remove_file(BATCH_FILE).expect("remove the batch file");

    let start = Instant::now();
    let socket = Socket::new().expect("a netlink socket");
    let mut rx = vec![0u8; RECV_BUFFER_SIZE];
    let links = 1 + 2 * pairs;
    let mut last = count(&socket, &mut rx);
    loop {
        std::thread::sleep(Duration::from_millis(500));
        let now = count(&socket, &mut rx);
        if now == last
            && now.links == links
            && now.addresses == 2 * links
            && now.local_routes > now.addresses
        {
            return (now, built, start.elapsed());
        }
        if start.elapsed() > settle_limit {
            println!(
                "WARNING: the state did not settle in {} s: {now:?}, expected {links} links \
                 and {} addresses; timing it as it is",
                settle_limit.as_secs(),
                2 * links
            );
            return (now, built, start.elapsed());
        }
        last = now;
    }
}

// ---------------------------------------------------------------------------------------------
// Processes

/// One process's wall time and peak RSS.
#[derive(Clone, Copy, Debug)]
struct Run {
    /// Whether it exited with 0.
    ok: bool,
    /// From spawn to `wait4` returning.
    wall: Duration,
    /// `ru_maxrss`: the peak resident set, in KiB.
    rss_kib: u64,
}

/// What to run: a program, its arguments, and for the floor the dumps to receive.
#[derive(Clone, Copy)]
struct Program<'a> {
    path: &'a Path,
    args: &'a [&'a str],
    floor: Option<&'a str>,
}

impl Program<'_> {
    fn command(&self) -> Command {
        let mut c = Command::new(self.path);
        c.args(self.args);
        if let Some(dumps) = self.floor {
            c.env(FLOOR_ENV, dumps);
        }
        c
    }

    fn describe(&self) -> String {
        match self.floor {
            Some(dumps) => format!("floor ({dumps})"),
            None => format!("{} {}", self.path.display(), self.args.join(" ")),
        }
    }

    /// Runs it once: its stdout, or how it failed (exit status and stderr).
    fn output(&self) -> Result<Vec<u8>, String> {
        let out = self
            .command()
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("run {}: {e}", self.describe()));
        if out.status.success() {
            Ok(out.stdout)
        } else {
            Err(format!(
                "{} failed ({}): {}",
                self.describe(),
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            ))
        }
    }
}

/// The environment variable that makes this executable the launcher.
const LAUNCHER_ENV: &str = "RTNL_CLI_BENCH_LAUNCHER";

/// The process that spawns and times every measured process, and reports its peak RSS.
///
/// `ru_maxrss` of a child is not only its own: at `execve` the kernel keeps the peak RSS of
/// the memory the child had before (`exec_mmap` → `setmax_mm_hiwater_rss`), and a child
/// spawned with `vfork`/`posix_spawn` had its parent's. A child of this bench, which holds
/// whole outputs in memory, would inherit the bench's peak. The launcher is this executable
/// started afresh, reading commands from a pipe and allocating next to nothing, so that
/// inherited part is its own small, constant peak: [`Launcher::baseline`] measures it (the
/// figure of `true`), and every RSS above it is the program's own.
struct Launcher {
    child: std::process::Child,
    /// Its stdin; closing it ends the launcher.
    to: Option<std::process::ChildStdin>,
    from: std::io::BufReader<std::process::ChildStdout>,
}

impl Launcher {
    fn start() -> Launcher {
        let mut child = Command::new(std::env::current_exe().expect("this executable's path"))
            .env(LAUNCHER_ENV, "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("start the launcher");
        let to = Some(child.stdin.take().expect("the launcher's stdin"));
        let from = std::io::BufReader::new(child.stdout.take().expect("the launcher's stdout"));
        Launcher { child, to, from }
    }

    /// Runs `p` once, output to `/dev/null`.
    fn run(&mut self, p: &Program<'_>) -> Run {
        use std::io::{BufRead, Write};
        let mut line = String::from(p.floor.unwrap_or("-"));
        line.push('\t');
        line.push_str(p.path.to_str().expect("a UTF-8 program path"));
        for arg in p.args {
            line.push('\t');
            line.push_str(arg);
        }
        line.push('\n');
        self.to
            .as_mut()
            .expect("a running launcher")
            .write_all(line.as_bytes())
            .expect("write to the launcher");
        let mut reply = String::new();
        self.from
            .read_line(&mut reply)
            .expect("read from the launcher");
        let fields: Vec<u64> = reply
            .split_whitespace()
            .map(|f| f.parse().expect("a number from the launcher"))
            .collect();
        let [ok, wall_ns, rss_kib] = fields[..] else {
            panic!("the launcher answered {reply:?} to {}", p.describe());
        };
        Run {
            ok: ok == 1,
            wall: Duration::from_nanos(wall_ns),
            rss_kib,
        }
    }

    /// The peak RSS every measured process inherits from the launcher: that of `true`.
    fn baseline(&mut self) -> u64 {
        let t = Program {
            path: Path::new("true"),
            args: &[],
            floor: None,
        };
        (0..3).map(|_| self.run(&t).rss_kib).max().unwrap_or(0)
    }
}

impl Drop for Launcher {
    fn drop(&mut self) {
        drop(self.to.take());
        let _ = self.child.wait();
    }
}

/// The launcher process: one line per command on stdin (`FLOOR\tPROGRAM\tARGS...`, `FLOOR`
/// being `-` or the floor's dumps), one line per result on stdout (`OK WALL_NS RSS_KIB`).
fn launcher_child() {
    use std::io::{BufRead, Write};
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let line = line.expect("a command line");
        let mut fields = line.split('\t');
        let floor = fields.next().expect("the floor field");
        let program = fields.next().expect("the program field");
        let mut command = Command::new(program);
        command.args(fields);
        if floor != "-" {
            command.env(FLOOR_ENV, floor);
        }
        command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let start = Instant::now();
        let child = command
            .spawn()
            .unwrap_or_else(|e| panic!("spawn {program}: {e}"));
        let (status, rss_kib) = wait_rusage(child);
        let wall = start.elapsed();
        let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
        writeln!(out, "{} {} {rss_kib}", u8::from(ok), wall.as_nanos()).expect("answer");
        out.flush().expect("answer");
    }
}

/// Waits for `child` with `wait4(2)`: its raw wait status and its peak RSS in KiB.
fn wait_rusage(child: std::process::Child) -> (libc::c_int, u64) {
    let pid = libc::pid_t::try_from(child.id()).expect("a pid fits in pid_t");
    loop {
        let mut status: libc::c_int = 0;
        // SAFETY: `status` and `usage` are live, writable locals of exactly the types wait4(2)
        // writes through its pointers, and all-zero bytes are a valid `rusage` (a C struct of
        // integers). `pid` is a child of this process that nothing has waited for (std waits
        // only in `Child::wait`, `try_wait` and `output`, never called on `child`), so wait4
        // reaps that process and no other.
        let (ret, usage) = unsafe {
            let mut usage: libc::rusage = std::mem::zeroed();
            let ret = libc::wait4(pid, &mut status, 0, &mut usage);
            (ret, usage)
        };
        if ret == pid {
            drop(child);
            return (status, u64::try_from(usage.ru_maxrss).unwrap_or(0));
        }
        let error = std::io::Error::last_os_error();
        assert_eq!(
            error.kind(),
            std::io::ErrorKind::Interrupted,
            "wait4({pid}): {error}"
        );
    }
}

/// Where `ip` is: the first `ip` on `PATH`.
fn find_ip() -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_else(|| "/usr/sbin:/usr/bin:/sbin:/bin".into());
    std::env::split_paths(&path)
        .map(|dir| dir.join("ip"))
        .find(|p| p.is_file())
        .expect("iproute2's ip on PATH")
}

/// Where two outputs part, or `None` when they are equal.
fn difference(ip: &[u8], rtnl: &[u8]) -> Option<String> {
    if ip == rtnl {
        return None;
    }
    let at = ip
        .iter()
        .zip(rtnl)
        .position(|(a, b)| a != b)
        .unwrap_or(ip.len().min(rtnl.len()));
    let line = 1 + ip[..at].iter().filter(|&&b| b == b'\n').count();
    let lines = |s: &[u8]| s.iter().filter(|&&b| b == b'\n').count();
    let differing_lines = ip
        .split(|&b| b == b'\n')
        .zip(rtnl.split(|&b| b == b'\n'))
        .filter(|(a, b)| a != b)
        .count();
    let around = |s: &[u8]| {
        let from = at.saturating_sub(60);
        let to = (at + 60).min(s.len());
        String::from_utf8_lossy(&s[from.min(to)..to]).replace('\n', "\\n")
    };
    Some(format!(
        "ip printed {} bytes in {} lines, rtnl {} bytes in {} lines; {differing_lines} lines \
         differ; first at byte {at} (line {line}):\n    ip:   …{}…\n    rtnl: …{}…",
        ip.len(),
        lines(ip),
        rtnl.len(),
        lines(rtnl),
        around(ip),
        around(rtnl),
    ))
}

// ---------------------------------------------------------------------------------------------
// Measurements

/// The median of `samples`.
fn median(samples: &[f64]) -> f64 {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

/// The smallest and the largest of `samples`.
fn range(samples: &[f64]) -> (f64, f64) {
    let lo = samples.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = samples.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (lo, hi)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// A show command and what its floor receives.
struct Show {
    args: &'static [&'static str],
    floor: &'static str,
    /// The time target, as a largest ratio to ip's time.
    target: Option<f64>,
}

const SHOWS: [Show; 7] = [
    Show {
        args: &["-j", "link", "show"],
        floor: "link",
        target: Some(0.7),
    },
    Show {
        args: &["link", "show"],
        floor: "link",
        target: Some(0.7),
    },
    Show {
        args: &["-j", "-d", "link", "show"],
        floor: "link",
        target: Some(0.7),
    },
    Show {
        args: &["-j", "addr", "show"],
        floor: "link,addr",
        target: Some(0.4),
    },
    Show {
        args: &["addr", "show"],
        floor: "link,addr",
        target: None,
    },
    Show {
        args: &["-j", "route", "show", "table", "all"],
        floor: "route,link",
        target: Some(0.4),
    },
    Show {
        args: &["route", "show", "table", "all"],
        floor: "route,link",
        target: None,
    },
];

/// One row of the table: a command at one size.
struct Row {
    command: String,
    links: usize,
    rounds: usize,
    ip: Vec<Run>,
    rtnl: Vec<Run>,
    floor: Vec<Run>,
    /// rtnl / ip within each round.
    vs_ip: Vec<f64>,
    /// rtnl / floor within each round.
    vs_floor: Vec<f64>,
    /// Where rtnl's stdout differs from ip's.
    difference: Option<String>,
    target: Option<f64>,
}

impl Row {
    /// The median wall time of `runs`, in ms.
    fn wall_ms(runs: &[Run]) -> f64 {
        median(&runs.iter().map(|r| ms(r.wall)).collect::<Vec<_>>())
    }

    /// The largest peak RSS of `runs`, in MiB.
    fn rss_mib(runs: &[Run]) -> f64 {
        runs.iter().map(|r| r.rss_kib).max().unwrap_or(0) as f64 / 1024.0
    }
}

/// Times `programs` in `rounds` rounds after one untimed round; the order rotates each round.
fn rounds_of(launcher: &mut Launcher, programs: &[Program<'_>], rounds: usize) -> Vec<Vec<Run>> {
    for p in programs {
        launcher.run(p);
    }
    let mut runs = vec![Vec::with_capacity(rounds); programs.len()];
    let mut order: Vec<usize> = (0..programs.len()).collect();
    for _ in 0..rounds {
        for &i in &order {
            runs[i].push(launcher.run(&programs[i]));
        }
        order.rotate_left(1);
    }
    runs
}

/// Per-round ratios `a[i] / b[i]` of wall times.
fn ratios(a: &[Run], b: &[Run]) -> Vec<f64> {
    a.iter()
        .zip(b)
        .map(|(a, b)| a.wall.as_secs_f64() / b.wall.as_secs_f64())
        .collect()
}

fn measure_show(
    launcher: &mut Launcher,
    ip: &Path,
    show: &Show,
    links: usize,
    rounds: usize,
) -> Row {
    let me = std::env::current_exe().expect("this executable's path");
    let ip_p = Program {
        path: ip,
        args: show.args,
        floor: None,
    };
    let rtnl_p = Program {
        path: RTNL.as_path(),
        args: show.args,
        floor: None,
    };
    let floor_p = Program {
        path: &me,
        args: &[],
        floor: Some(show.floor),
    };
    let command = show.args.join(" ");
    let difference = match (ip_p.output(), rtnl_p.output()) {
        (Ok(ip), Ok(rtnl)) => difference(&ip, &rtnl),
        (ip, rtnl) => Some(
            [ip.err(), rtnl.err()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("; "),
        ),
    };
    if let Some(d) = &difference {
        println!("WARNING: at {links} links, `rtnl {command}` prints other bytes than ip: {d}");
    }
    let mut runs = rounds_of(launcher, &[ip_p, rtnl_p, floor_p], rounds).into_iter();
    let (ip, rtnl, floor) = (
        runs.next().unwrap(),
        runs.next().unwrap(),
        runs.next().unwrap(),
    );
    let row = Row {
        command,
        links,
        rounds,
        vs_ip: ratios(&rtnl, &ip),
        vs_floor: ratios(&rtnl, &floor),
        ip,
        rtnl,
        floor,
        difference,
        target: show.target,
    };
    println!(
        "  {:>6} links  {:<28} ip {:8.2} ms  rtnl {:8.2} ms  ({:.2}x)  floor {:8.2} ms",
        links,
        row.command,
        Row::wall_ms(&row.ip),
        Row::wall_ms(&row.rtnl),
        median(&row.vs_ip),
        Row::wall_ms(&row.floor),
    );
    row
}

/// One tool's `netns add` + `netns del` cycle.
struct NetnsCycle<'a> {
    add: Program<'a>,
    del: Program<'a>,
}

impl NetnsCycle<'_> {
    fn run(&self, launcher: &mut Launcher) -> (Run, Run) {
        (launcher.run(&self.add), launcher.run(&self.del))
    }
}

/// The netns rows: add + del, add alone, del alone; per tool: (cycles, adds, dels).
struct NetnsRows {
    cycles: usize,
    ip: Vec<(Run, Run)>,
    rtnl: Vec<(Run, Run)>,
}

fn measure_netns(launcher: &mut Launcher, ip: &Path, cycles: usize) -> NetnsRows {
    let tools = [ip, RTNL.as_path()].map(|path| NetnsCycle {
        add: Program {
            path,
            args: &["netns", "add", NETNS_NAME],
            floor: None,
        },
        del: Program {
            path,
            args: &["netns", "del", NETNS_NAME],
            floor: None,
        },
    });
    for t in &tools {
        t.run(launcher);
    }
    let (mut ip_runs, mut rtnl_runs) = (Vec::new(), Vec::new());
    for round in 0..cycles {
        if round % 2 == 0 {
            ip_runs.push(tools[0].run(launcher));
            rtnl_runs.push(tools[1].run(launcher));
        } else {
            rtnl_runs.push(tools[1].run(launcher));
            ip_runs.push(tools[0].run(launcher));
        }
    }
    let left = std::fs::read_dir("/run/netns")
        .map(|d| d.count())
        .unwrap_or(0);
    if left > 0 {
        println!("WARNING: {left} names left in the private /run/netns after the cycles");
    }
    NetnsRows {
        cycles,
        ip: ip_runs,
        rtnl: rtnl_runs,
    }
}

// ---------------------------------------------------------------------------------------------
// The report

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn verdict(ok: bool) -> &'static str {
    if ok { "met" } else { "MISSED" }
}

/// Which time of a netns cycle (`add`, `del`) a row shows.
type CyclePart = fn(&(Run, Run)) -> Duration;

fn report(rows: &[Row], netns: Option<&NetnsRows>) {
    println!();
    println!(
        "| links | command | ip ms | rtnl ms | rtnl/ip (min–max) | floor ms | rtnl/floor \
         (min–max) | peak RSS ip / rtnl MiB | rounds | targets |"
    );
    println!("|---:|---|---:|---:|---:|---:|---:|---:|---:|---|");
    for row in rows {
        let vs_ip = median(&row.vs_ip);
        let (ip_lo, ip_hi) = range(&row.vs_ip);
        let vs_floor = median(&row.vs_floor);
        let (fl_lo, fl_hi) = range(&row.vs_floor);
        let (rss_ip, rss_rtnl) = (Row::rss_mib(&row.ip), Row::rss_mib(&row.rtnl));
        let mut targets = Vec::new();
        if let Some(t) = row.target {
            targets.push(format!("≤ {t}x ip: {}", verdict(vs_ip <= t)));
        }
        if row.command == "-j link show" {
            targets.push(format!("≤ 1.3x floor: {}", verdict(vs_floor <= 1.3)));
        }
        targets.push(format!("RSS ≤ ip: {}", verdict(rss_rtnl <= rss_ip)));
        if row.difference.is_some() {
            targets.push("OUTPUT DIFFERS".to_owned());
        }
        for (who, runs) in [("ip", &row.ip), ("rtnl", &row.rtnl), ("floor", &row.floor)] {
            let failed = runs.iter().filter(|r| !r.ok).count();
            if failed > 0 {
                targets.push(format!("{who} FAILED {failed} of {} runs", runs.len()));
            }
        }
        println!(
            "| {} | `{}` | {:.2} | {:.2} | {vs_ip:.2}x ({ip_lo:.2}–{ip_hi:.2}) | {:.2} | \
             {vs_floor:.2}x ({fl_lo:.2}–{fl_hi:.2}) | {rss_ip:.1} / {rss_rtnl:.1} | {} | {} |",
            row.links,
            row.command,
            Row::wall_ms(&row.ip),
            Row::wall_ms(&row.rtnl),
            Row::wall_ms(&row.floor),
            row.rounds,
            targets.join("; "),
        );
    }
    if let Some(n) = netns {
        let pick = |runs: &[(Run, Run)], f: CyclePart| -> Vec<Run> {
            runs.iter()
                .map(|r| Run {
                    ok: r.0.ok && r.1.ok,
                    wall: f(r),
                    rss_kib: r.0.rss_kib.max(r.1.rss_kib),
                })
                .collect()
        };
        let parts: [(&str, CyclePart); 3] = [
            ("netns add X; netns del X", |r| r.0.wall + r.1.wall),
            ("netns add X", |r| r.0.wall),
            ("netns del X", |r| r.1.wall),
        ];
        for (name, f) in parts {
            let (ip, rtnl) = (pick(&n.ip, f), pick(&n.rtnl, f));
            let vs_ip = ratios(&rtnl, &ip);
            let (lo, hi) = range(&vs_ip);
            let mut target = if name.contains(';') {
                format!("≤ 0.8x ip: {}", verdict(median(&vs_ip) <= 0.8))
            } else {
                String::new()
            };
            for (who, runs) in [("ip", &ip), ("rtnl", &rtnl)] {
                let failed = runs.iter().filter(|r| !r.ok).count();
                if failed > 0 {
                    target += &format!("; {who} FAILED {failed} of {} cycles", runs.len());
                }
            }
            println!(
                "| | `{name}` | {:.2} | {:.2} | {:.2}x ({lo:.2}–{hi:.2}) | | | {:.1} / {:.1} | {} | {target} |",
                Row::wall_ms(&ip),
                Row::wall_ms(&rtnl),
                median(&vs_ip),
                Row::rss_mib(&ip),
                Row::rss_mib(&rtnl),
                n.cycles,
            );
        }
    }
    let at = |links: usize, command: &str| {
        rows.iter()
            .find(|r| r.links == links && r.command == command)
    };
    let sizes: Vec<usize> = rows.iter().map(|r| r.links).fold(Vec::new(), |mut v, l| {
        if !v.contains(&l) {
            v.push(l);
        }
        v
    });
    if let [small, large] = sizes[..] {
        println!();
        println!(
            "Peak RSS growth from {small} to {large} links, in MiB (rtnl's should be no more \
             than ip's):"
        );
        for show in &SHOWS {
            let command = show.args.join(" ");
            if let (Some(a), Some(b)) = (at(small, &command), at(large, &command)) {
                let ip = Row::rss_mib(&b.ip) - Row::rss_mib(&a.ip);
                let rtnl = Row::rss_mib(&b.rtnl) - Row::rss_mib(&a.rtnl);
                println!(
                    "- `{command}`: ip {ip:+.1}, rtnl {rtnl:+.1}: {}",
                    verdict(rtnl <= ip)
                );
            }
        }
    }
}

fn main() {
    if let Ok(dumps) = std::env::var(FLOOR_ENV) {
        floor_child(&dumps);
        return;
    }
    if std::env::var_os(LAUNCHER_ENV).is_some() {
        launcher_child();
        return;
    }
    if !rustix::process::geteuid().is_root() {
        eprintln!("cli bench: needs root (CAP_NET_ADMIN, CAP_SYS_ADMIN) for its namespaces");
        std::process::exit(1);
    }
    let began = Instant::now();
    let full = std::env::args().any(|a| a == "--bench");
    let config = Config::from_env(full);
    let load_before = load();
    enter_private_namespaces();

    let mut launcher = Launcher::start();
    let baseline = launcher.baseline();
    let ip = find_ip();
    let version = Command::new(&ip).arg("-V").output().expect("ip -V");
    println!(
        "ip: {} ({}); rtnl: {}",
        ip.display(),
        String::from_utf8_lossy(&version.stdout).trim(),
        RTNL.display()
    );

    let mut rows = Vec::new();
    let mut pairs_made = 0;
    for (links, rounds) in [
        (config.links, config.rounds),
        (config.large_links, config.large_rounds),
    ] {
        if links == 0 {
            continue;
        }
        let pairs = (links - 1) / 2;
        let from = pairs_made;
        let (counts, built, settled) = build_state(&ip, from, pairs, config.settle_limit);
        pairs_made = pairs;
        println!(
            "state: {} links, {} addresses, {} routes ({} local); ip -batch took {:.1} s for pairs {}..{}, \
             then {:.1} s to settle",
            counts.links,
            counts.addresses,
            counts.routes,
            counts.local_routes,
            built.as_secs_f64(),
            from,
            pairs,
            settled.as_secs_f64()
        );
        for show in &SHOWS {
            rows.push(measure_show(&mut launcher, &ip, show, counts.links, rounds));
        }
    }
    let netns =
        (config.netns_cycles > 0).then(|| measure_netns(&mut launcher, &ip, config.netns_cycles));

    report(&rows, netns.as_ref());
    println!();
    println!(
        "Peak RSS is `wait4`'s `ru_maxrss`; a process spawned by the launcher cannot show less \
         than the launcher's own peak, {:.1} MiB (what `true` shows).",
        baseline as f64 / 1024.0
    );
    println!();
    println!(
        "Whole run {:.0} s; load average before {load_before}, after {}.",
        began.elapsed().as_secs_f64(),
        load()
    );
}
