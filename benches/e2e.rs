//! End to end against the kernel, rtnl side by side with its peers, in one run:
//!
//! - **create**: 1,000 veth pairs `vaN`/`vbN`, `vaN` up with one address
//!   (`2001:db8:0:N::1/64`), each iteration in a fresh network namespace. Peers: rtnl's
//!   pipelined [`Batch`](rtnl_ip::Batch) (links made up, then the addresses, one call), the same
//!   batch sending the three commands `ip` sends (`link add`, `link set up`, `address add`),
//!   `ip -batch` with those commands in a file, and the `rtnetlink` crate doing what `ip` does
//!   (add, look the index up, set up, add the address), one request after the other on a
//!   current-thread tokio runtime. The namespace is emptied after each iteration, untimed,
//!   by moving every link to group 1 and deleting the group in one request, so the kernel's
//!   asynchronous namespace teardown never overlaps the next iteration.
//! - **dump**: the 2,001 links of `lo` and 1,000 veth pairs. `Handle::links` (owned `Link`
//!   values), `Handle::for_each_link` (borrowed views), `rtnetlink`'s link dump collected into
//!   a `Vec`, and a bare dump that sends the same request and receives the datagrams into one
//!   buffer until `NLMSG_DONE`, reading nothing but message headers: the kernel's floor.
//! - **memory**: the heap peak (a counting global allocator) and the peak RSS of a child
//!   process doing one `Handle::for_each_link` over 2,001 and then 20,001 links, and, for
//!   contrast, `Handle::links`.
//!
//! Everything runs in private network namespaces: the main thread unshares its own, and each
//! creation runs on a thread in a new one. A markdown table of medians and target ratios is
//! printed at the end.
//!
//! The machine is shared, so the figures in the table come from interleaved rounds: each
//! round runs every peer once, in an order that rotates, and each ratio is the median of the
//! ratios within a round, so a change of load between peers does not decide the comparison.
//! The dumps are criterion benchmarks as well; the creations are not, because criterion
//! measures one peer after the other and a creation takes most of a second (with the
//! namespace emptied after it), so sequential groups would compare minutes apart.
//!
//! Run (as root): `cargo bench --bench e2e`. Under `cargo test` (no `--bench`) every path runs
//! once on a few links, as a smoke test.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::net::{IpAddr, Ipv6Addr};
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::time::{Duration, Instant};

use criterion::Criterion;
use futures_util::TryStreamExt;
use rtnl_ip::codec::raw::IfInfoMsg;
use rtnl_ip::codec::request::{self, AddressDump, LinkDump, SetLink};
use rtnl_ip::codec::{AddressMessage, MessageBuilder, af, iff, ifla, nlm_f, nlmsg, rtm};
use rtnl_ip::sys::{RECV_BUFFER_SIZE, Socket};
use rtnl_ip::{Handle, LinkAdd, LinkFilter, LinkRef};

/// The environment variable that makes this binary the memory-measuring child.
const CHILD_ENV: &str = "RTNL_E2E_MEMORY_CHILD";

/// Whether the allocator counts (only in the memory child).
static COUNTING: AtomicBool = AtomicBool::new(false);
/// Bytes allocated and not freed since counting started.
static CURRENT: AtomicI64 = AtomicI64::new(0);
/// The largest `CURRENT` seen.
static PEAK: AtomicI64 = AtomicI64::new(0);

/// The system allocator; counts live bytes and their peak while `COUNTING` is on.
struct Counting;

fn grew(bytes: usize) {
    if COUNTING.load(Ordering::Relaxed) {
        let now = CURRENT.fetch_add(bytes as i64, Ordering::Relaxed) + bytes as i64;
        PEAK.fetch_max(now, Ordering::Relaxed);
    }
}

fn shrank(bytes: usize) {
    if COUNTING.load(Ordering::Relaxed) {
        CURRENT.fetch_sub(bytes as i64, Ordering::Relaxed);
    }
}

// SAFETY: every method forwards to `System` with the caller's arguments unchanged, so
// `System`'s guarantees are ours; the counters have no effect on the memory handed out.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged; the caller upholds `GlobalAlloc::alloc`'s contract.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged; the caller upholds `alloc_zeroed`'s contract.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        shrank(layout.size());
        // SAFETY: forwarded unchanged; the caller upholds `dealloc`'s contract.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded unchanged; the caller upholds `realloc`'s contract.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            shrank(layout.size());
            grew(new_size);
        }
        new
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// How much work each part does: the real figures under `cargo bench`, a smoke test under
/// `cargo test`.
#[derive(Clone, Copy)]
struct Scale {
    /// Rounds of the interleaved creations (and five times as many of the dumps) behind the
    /// table.
    rounds: usize,
    create_pairs: usize,
    dump_pairs: usize,
    memory_pairs: usize,
}

const FULL: Scale = Scale {
    rounds: 10,
    create_pairs: 1000,
    dump_pairs: 1000,
    memory_pairs: 10_000,
};

const SMOKE: Scale = Scale {
    rounds: 1,
    create_pairs: 20,
    dump_pairs: 20,
    memory_pairs: 200,
};

/// The names of `n` veth pairs: `vaN`, `vbN`.
fn pair_names(n: usize) -> Vec<(String, String)> {
    (0..n)
        .map(|i| (format!("va{i}"), format!("vb{i}")))
        .collect()
}

/// The address of `vaN`: `2001:db8:0:N::1`, on a /64 of its own.
fn address(i: usize) -> IpAddr {
    let n = u16::try_from(i).expect("at most 65,536 pairs");
    IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 0, n, 0, 0, 0, 1))
}

/// Medians collected for the final table, by name.
#[derive(Default)]
struct Figures(Vec<(String, Vec<f64>)>);

impl Figures {
    fn samples(&mut self, name: &str) -> &mut Vec<f64> {
        if let Some(i) = self.0.iter().position(|(n, _)| n == name) {
            return &mut self.0[i].1;
        }
        self.0.push((name.to_owned(), Vec::new()));
        &mut self.0.last_mut().unwrap().1
    }

    /// The smallest and largest sample.
    fn range(&self, name: &str) -> (f64, f64) {
        let (_, samples) = self.0.iter().find(|(n, _)| n == name).unwrap();
        let lo = samples.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = samples.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (lo, hi)
    }

    fn median(&self, name: &str) -> f64 {
        let (_, samples) = self.0.iter().find(|(n, _)| n == name).unwrap();
        let mut sorted = samples.clone();
        sorted.sort_by(f64::total_cmp);
        sorted[sorted.len() / 2]
    }
}

// ---------------------------------------------------------------------------------------------
// Creation

#[derive(Clone, Copy, PartialEq, Eq)]
enum Create {
    /// rtnl's batch: links made up, then one address each; one `send`.
    RtnlUp,
    /// rtnl's batch with `ip`'s three commands per pair; one `send`.
    RtnlSameCommands,
    /// `ip -batch FILE`.
    IpBatch,
    /// The `rtnetlink` crate, one request after the other.
    Rtnetlink,
}

impl Create {
    fn name(self) -> &'static str {
        match self {
            Create::RtnlUp => "rtnl Batch (up at creation)",
            Create::RtnlSameCommands => "rtnl Batch (ip's 3 commands)",
            Create::IpBatch => "ip -batch",
            Create::Rtnetlink => "rtnetlink",
        }
    }
}

/// The commands `ip -batch` runs, one pair at a time.
fn ip_batch_file(names: &[(String, String)]) -> std::path::PathBuf {
    let mut text = String::new();
    for (i, (a, b)) in names.iter().enumerate() {
        text += &format!("link add {a} type veth peer name {b}\n");
        text += &format!("link set {a} up\n");
        text += &format!("address add {}/64 dev {a}\n", address(i));
    }
    let path = std::env::temp_dir().join(format!(
        "rtnl-e2e-{}-{}.batch",
        std::process::id(),
        names.len()
    ));
    std::fs::write(&path, text).expect("write the ip batch file");
    path
}

fn create_rtnl(names: &[(String, String)], same_commands: bool) {
    let mut h = Handle::new().unwrap();
    let mut batch = h.batch_builder();
    for (a, b) in names {
        let add = LinkAdd::veth(a, b);
        batch.link_add(&if same_commands { add } else { add.up() });
        if same_commands {
            batch.link_up(LinkRef::Name(a.as_ref()));
        }
    }
    for (i, (a, _)) in names.iter().enumerate() {
        batch.address_add(LinkRef::Name(a.as_ref()), address(i), 64);
    }
    for (i, r) in batch.send().unwrap().into_iter().enumerate() {
        r.unwrap_or_else(|e| panic!("request {i}: {e:#}"));
    }
}

fn create_ip(file: &std::path::Path) {
    let status = Command::new("ip")
        .arg("-batch")
        .arg(file)
        .status()
        .expect("run ip");
    assert!(status.success(), "ip -batch failed");
}

fn create_rtnetlink(rt: &tokio::runtime::Runtime, names: &[(String, String)]) {
    use rtnetlink::{LinkUnspec, LinkVeth};
    rt.block_on(async {
        let (connection, handle, _) = rtnetlink::new_connection().unwrap();
        tokio::spawn(connection);
        for (i, (a, b)) in names.iter().enumerate() {
            handle
                .link()
                .add(LinkVeth::new(a, b).build())
                .execute()
                .await
                .unwrap();
            let link = handle
                .link()
                .get()
                .match_name(a.clone())
                .execute()
                .try_next()
                .await
                .unwrap()
                .unwrap();
            let index = link.header.index;
            handle
                .link()
                .set(LinkUnspec::new_with_index(index).up().build())
                .execute()
                .await
                .unwrap();
            handle
                .address()
                .add(index, address(i), 64)
                .execute()
                .await
                .unwrap();
        }
    });
}

/// Checks what a creation made (untimed): every `vaN` up, every `vbN` there, one address per
/// pair.
fn check_created(h: &mut Handle, pairs: usize) {
    let (mut up, mut links) = (0, 0);
    h.for_each_link(&LinkFilter::default(), |m| {
        links += 1;
        let name = m.name_bytes().unwrap_or_default();
        if name.starts_with(b"va") && m.flags() & iff::UP != 0 {
            up += 1;
        }
    })
    .unwrap();
    assert_eq!((links, up), (1 + 2 * pairs, pairs), "links, and links up");
    let mut addresses = 0;
    let mut req = [0u8; 64];
    let dump = AddressDump {
        family: af::INET6,
        index: None,
    };
    let len = request::addr_dump(&mut req, 0, &dump).unwrap().len();
    let mut rx = vec![0; RECV_BUFFER_SIZE];
    h.engine()
        .dump(&mut req[..len], &mut rx, |m| {
            let a = AddressMessage::parse(m).unwrap();
            if let Some(IpAddr::V6(v6)) = a.own_address()
                && v6.segments()[..2] == [0x2001, 0xdb8]
            {
                addresses += 1;
            }
        })
        .unwrap();
    assert_eq!(addresses, pairs, "addresses");
}

/// Deletes every veth of the namespace in one request, untimed: each link is moved to group
/// 1 (one pipelined batch), then `RTM_DELLINK` with `IFLA_GROUP` 1 unregisters them all at
/// once, synchronously (`ip link del group 1`). Deleting them one by one costs the kernel an
/// RCU grace period each (about 20 s for 1,000 pairs); leaving them to the namespace's
/// teardown would run in the background during the next iteration.
fn delete_all(h: &mut Handle, names: &[(String, String)]) {
    let mut batch = h.batch_builder();
    for (a, b) in names {
        for link in [a, b] {
            batch.link_set(&SetLink {
                group: Some(1),
                ..SetLink::new(LinkRef::Name(link.as_ref()))
            });
        }
    }
    for r in batch.send().unwrap() {
        r.unwrap();
    }
    let mut req = [0u8; 64];
    let len = {
        let mut b =
            MessageBuilder::new(&mut req, rtm::DELLINK, nlm_f::REQUEST | nlm_f::ACK, 0).unwrap();
        b.header(&IfInfoMsg::default()).unwrap();
        b.put_u32(ifla::GROUP, 1).unwrap();
        b.len()
    };
    let mut rx = vec![0; RECV_BUFFER_SIZE];
    h.engine().request_ack(&mut req[..len], &mut rx).unwrap();
}

/// One creation in a fresh namespace on its own thread; returns the time of the creation
/// alone.
fn create_once(variant: Create, names: &[(String, String)], file: &std::path::Path) -> Duration {
    rtnl_ip::sys::run_in_new(|| {
        let rt = (variant == Create::Rtnetlink).then(|| {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap()
        });
        let start = Instant::now();
        match variant {
            Create::RtnlUp => create_rtnl(names, false),
            Create::RtnlSameCommands => create_rtnl(names, true),
            Create::IpBatch => create_ip(file),
            Create::Rtnetlink => create_rtnetlink(rt.as_ref().unwrap(), names),
        }
        let elapsed = start.elapsed();
        drop(rt);
        let mut h = Handle::new().unwrap();
        check_created(&mut h, names.len());
        delete_all(&mut h, names);
        elapsed
    })
    .expect("a thread in a new network namespace")
}

const CREATE_VARIANTS: [Create; 4] = [
    Create::RtnlUp,
    Create::RtnlSameCommands,
    Create::IpBatch,
    Create::Rtnetlink,
];

/// The figures for the table: `rounds` rounds, each creating once with every variant (in an
/// order that rotates), so a change in the machine's load hits all of them alike, and each
/// rtnl time is compared with `ip -batch`'s of the same round.
fn create_rounds(
    figures: &mut Figures,
    names: &[(String, String)],
    file: &std::path::Path,
    rounds: usize,
) {
    for round in 0..rounds {
        let mut times = [0.0; 4];
        for k in 0..CREATE_VARIANTS.len() {
            let i = (round + k) % CREATE_VARIANTS.len();
            times[i] = create_once(CREATE_VARIANTS[i], names, file).as_secs_f64();
        }
        let ip = times[2];
        for (variant, t) in CREATE_VARIANTS.iter().zip(times) {
            figures
                .samples(&format!("create/{}", variant.name()))
                .push(t);
            figures
                .samples(&format!("create-ratio/{}", variant.name()))
                .push(t / ip);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Dumps

/// Creates `names` in the calling thread's namespace with one batch, links up, no addresses.
fn make_pairs(h: &mut Handle, names: &[(String, String)]) {
    let mut batch = h.batch_builder();
    for (a, b) in names {
        batch.link_add(&LinkAdd::veth(a, b).up());
    }
    for r in batch.send().unwrap() {
        r.unwrap();
    }
}

/// The bare dump: the request rtnl sends, the datagrams received into one buffer until
/// `NLMSG_DONE`; only the message headers are read (`nlmsg_len` and `nlmsg_type`, to find the
/// end). Returns the number of messages.
struct BareDump {
    socket: Socket,
    request: Vec<u8>,
    rx: Vec<u8>,
    seq: u32,
}

impl BareDump {
    fn new() -> Self {
        let mut request = vec![0u8; 64];
        let len = request::link_dump(&mut request, 0, &LinkDump::default())
            .unwrap()
            .len();
        request.truncate(len);
        BareDump {
            socket: Socket::new().unwrap(),
            request,
            rx: vec![0; RECV_BUFFER_SIZE],
            seq: 0,
        }
    }

    fn run(&mut self) -> usize {
        self.seq += 1;
        self.request[8..12].copy_from_slice(&self.seq.to_ne_bytes());
        self.socket.send(&self.request).unwrap();
        let mut messages = 0;
        loop {
            let d = self.socket.recv_raw(&mut self.rx, false).unwrap();
            assert!(d.len <= self.rx.len(), "datagram cut");
            let mut at = 0;
            while at + 16 <= d.len {
                let len = u32::from_ne_bytes(self.rx[at..at + 4].try_into().unwrap()) as usize;
                let ty = u16::from_ne_bytes(self.rx[at + 4..at + 6].try_into().unwrap());
                if ty == nlmsg::DONE {
                    return messages;
                }
                assert_ne!(ty, nlmsg::ERROR, "dump refused");
                messages += 1;
                at += len.max(16).next_multiple_of(4);
            }
        }
    }
}

/// The four ways to dump the links, ready to run.
struct Dumpers<'h> {
    handle: &'h mut Handle,
    bare: BareDump,
    rt: tokio::runtime::Runtime,
    rtnetlink: rtnetlink::Handle,
}

const DUMP_VARIANTS: [&str; 4] = [
    "bare dump (kernel floor)",
    "rtnl Handle::links (owned)",
    "rtnl Handle::for_each_link",
    "rtnetlink (collect Vec)",
];

impl<'h> Dumpers<'h> {
    fn new(handle: &'h mut Handle) -> Self {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let rtnetlink = rt.block_on(async {
            let (connection, handle, _) = rtnetlink::new_connection().unwrap();
            tokio::spawn(connection);
            handle
        });
        Dumpers {
            handle,
            bare: BareDump::new(),
            rt,
            rtnetlink,
        }
    }

    /// Dumps the links the `variant`-th way; returns how many there were.
    fn run(&mut self, variant: usize) -> usize {
        match variant {
            0 => self.bare.run(),
            1 => black_box(self.handle.links(&LinkFilter::default()).unwrap()).len(),
            2 => {
                let mut n = 0usize;
                self.handle
                    .for_each_link(&LinkFilter::default(), |m| {
                        black_box(m);
                        n += 1;
                    })
                    .unwrap();
                n
            }
            _ => black_box(
                self.rt
                    .block_on(
                        self.rtnetlink
                            .link()
                            .get()
                            .execute()
                            .try_collect::<Vec<_>>(),
                    )
                    .unwrap(),
            )
            .len(),
        }
    }
}

fn bench_dumps(c: &mut Criterion, dumpers: &mut Dumpers<'_>, links: usize) {
    let mut group = c.benchmark_group(format!("dump_{links}_links"));
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (variant, name) in DUMP_VARIANTS.iter().enumerate() {
        assert_eq!(dumpers.run(variant), links, "{name}");
        group.bench_function(*name, |b| b.iter(|| dumpers.run(variant)));
    }
    group.finish();
}

/// The figures for the table: `rounds` rounds of the four dumps in a rotating order, each
/// compared with the bare dump of the same round.
fn dump_rounds(figures: &mut Figures, dumpers: &mut Dumpers<'_>, rounds: usize) {
    for round in 0..rounds {
        let mut times = [0.0; 4];
        for k in 0..DUMP_VARIANTS.len() {
            let i = (round + k) % DUMP_VARIANTS.len();
            let start = Instant::now();
            dumpers.run(i);
            times[i] = start.elapsed().as_secs_f64();
        }
        for (name, t) in DUMP_VARIANTS.iter().zip(times) {
            figures.samples(&format!("dump/{name}")).push(t);
            figures
                .samples(&format!("dump-ratio/{name}"))
                .push(t / times[0]);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Memory

/// What the memory child measured.
struct Memory {
    links: usize,
    heap_peak: i64,
    rss_peak_kib: u64,
}

/// Runs this binary as the memory child in the calling thread's namespace: `mode` is
/// `stream` (`for_each_link`) or `owned` (`links`).
fn measure_memory(mode: &str) -> Memory {
    let out = Command::new(std::env::current_exe().unwrap())
        .env(CHILD_ENV, mode)
        .output()
        .expect("run the memory child");
    assert!(
        out.status.success(),
        "memory child: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let field = |key: &str| -> i64 {
        text.split_whitespace()
            .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
            .unwrap_or_else(|| panic!("{key} in {text:?}"))
            .parse()
            .unwrap()
    };
    Memory {
        links: field("links") as usize,
        heap_peak: field("heap_peak"),
        rss_peak_kib: field("rss_peak_kib") as u64,
    }
}

/// The memory child: one dump with the allocator counting, from before the handle is made
/// to after the dump; prints `links= heap_peak= rss_peak_kib=`.
fn memory_child(mode: &str) {
    COUNTING.store(true, Ordering::SeqCst);
    let base = CURRENT.load(Ordering::SeqCst);
    PEAK.store(base, Ordering::SeqCst);
    let mut links = 0usize;
    {
        let mut h = Handle::new().unwrap();
        match mode {
            "stream" => h
                .for_each_link(&LinkFilter::default(), |m| {
                    links += 1;
                    black_box(m.name_bytes());
                })
                .unwrap(),
            "owned" => links = black_box(h.links(&LinkFilter::default()).unwrap()).len(),
            other => panic!("unknown mode {other}"),
        }
    }
    let heap_peak = PEAK.load(Ordering::SeqCst) - base;
    COUNTING.store(false, Ordering::SeqCst);
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let rss_peak_kib = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .unwrap();
    println!("links={links} heap_peak={heap_peak} rss_peak_kib={rss_peak_kib}");
}

// ---------------------------------------------------------------------------------------------

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn main() {
    if let Ok(mode) = std::env::var(CHILD_ENV) {
        memory_child(&mode);
        return;
    }
    if !rustix::process::geteuid().is_root() {
        eprintln!("e2e: needs root (CAP_NET_ADMIN, CAP_SYS_ADMIN) for its network namespaces");
        return;
    }
    let scale = if std::env::args().any(|a| a == "--bench") {
        FULL
    } else {
        SMOKE
    };
    let load_before = load();
    rtnl_ip::sys::unshare_net().expect("unshare(CLONE_NEWNET)");
    let mut h = Handle::new().unwrap();
    h.link_set(&rtnl_ip::LinkSet::new(LinkRef::from("lo")).up(true))
        .unwrap();

    let mut c = Criterion::default().configure_from_args();
    let mut figures = Figures::default();
    let names = pair_names(scale.create_pairs);
    let file = ip_batch_file(&names);
    create_rounds(&mut figures, &names, &file, scale.rounds);
    let _ = std::fs::remove_file(&file);

    let names = pair_names(scale.dump_pairs);
    make_pairs(&mut h, &names);
    let links = 1 + 2 * scale.dump_pairs;
    let mut dumpers = Dumpers::new(&mut h);
    bench_dumps(&mut c, &mut dumpers, links);
    dump_rounds(&mut figures, &mut dumpers, scale.rounds * 5);
    drop(dumpers);

    let small_stream = measure_memory("stream");
    let small_owned = measure_memory("owned");
    let more = pair_names(scale.memory_pairs);
    let start = Instant::now();
    make_pairs(&mut h, &more[scale.dump_pairs..]);
    let made = start.elapsed();
    let large_stream = measure_memory("stream");
    let large_owned = measure_memory("owned");
    assert_eq!(large_stream.links, 1 + 2 * scale.memory_pairs);
    delete_all(&mut h, &more);
    c.final_summary();

    report(
        &figures,
        scale,
        [small_stream, large_stream, small_owned, large_owned],
        made,
        (&load_before, &load()),
    );
}

fn report(
    figures: &Figures,
    scale: Scale,
    [small, large, small_owned, large_owned]: [Memory; 4],
    made: Duration,
    loads: (&str, &str),
) {
    let verdict = |ok: bool| if ok { "met" } else { "MISSED" };
    let pairs = scale.create_pairs;
    let links = 1 + 2 * scale.dump_pairs;

    println!();
    println!("## End to end (`cargo bench --bench e2e`)");
    println!();
    println!(
        "Medians of {} interleaved rounds (creation) and {} (dumps); a ratio is the median of \
         each round's ratio to `ip -batch` or to the bare dump of the same round (smallest and \
         largest in brackets). Load average before: {}, after: {}.",
        scale.rounds,
        scale.rounds * 5,
        loads.0,
        loads.1
    );
    println!();
    println!("| measurement | median | ratio | target |");
    println!("|---|---:|---:|---|");
    for v in CREATE_VARIANTS {
        let t = figures.median(&format!("create/{}", v.name()));
        let ratio = figures.median(&format!("create-ratio/{}", v.name()));
        let (lo, hi) = figures.range(&format!("create-ratio/{}", v.name()));
        let target = match v {
            Create::RtnlUp | Create::RtnlSameCommands => {
                format!("≤ 0.9x ip -batch: {}", verdict(ratio <= 0.9))
            }
            _ => String::new(),
        };
        println!(
            "| create {pairs} veth pairs, up, 1 address: {} | {t:.3} s | {ratio:.2}x ip -batch ({lo:.2}–{hi:.2}) | {target} |",
            v.name(),
        );
    }
    for n in DUMP_VARIANTS {
        let t = figures.median(&format!("dump/{n}"));
        let ratio = figures.median(&format!("dump-ratio/{n}"));
        let (lo, hi) = figures.range(&format!("dump-ratio/{n}"));
        let target = if n == "rtnl Handle::links (owned)" {
            format!("≤ 1.3x floor: {}", verdict(ratio <= 1.3))
        } else {
            String::new()
        };
        println!(
            "| dump {links} links: {n} | {:.2} ms | {ratio:.2}x floor ({lo:.2}–{hi:.2}) | {target} |",
            t * 1e3
        );
    }
    let ratio = large.heap_peak as f64 / small.heap_peak as f64;
    println!(
        "| heap peak, Handle::for_each_link: {} → {} links | {} → {} bytes | {ratio:.3}x | within 10%: {} |",
        small.links,
        large.links,
        small.heap_peak,
        large.heap_peak,
        verdict((ratio - 1.0).abs() <= 0.10)
    );
    println!(
        "| peak RSS of the child, for_each_link: {} → {} links | {} → {} KiB | {:.3}x | |",
        small.links,
        large.links,
        small.rss_peak_kib,
        large.rss_peak_kib,
        large.rss_peak_kib as f64 / small.rss_peak_kib as f64
    );
    println!(
        "| heap peak, Handle::links (owned, for contrast): {} → {} links | {} → {} bytes | {:.2}x | |",
        small_owned.links,
        large_owned.links,
        small_owned.heap_peak,
        large_owned.heap_peak,
        large_owned.heap_peak as f64 / small_owned.heap_peak as f64
    );
    println!(
        "| create {} more veth pairs (one Batch, up) for the memory run | {:.2} s | | |",
        scale.memory_pairs - scale.dump_pairs,
        made.as_secs_f64()
    );
}
