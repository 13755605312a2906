//! Helpers shared by the kernel tests: root check, private namespaces, request builders.
//!
//! Every kernel test runs on its own test thread and first moves that thread into a fresh
//! network namespace (and, for named-namespace tests, a private mount namespace and a run dir
//! under a fresh temp dir), so nothing on the host is touched.

#![allow(dead_code)]

pub mod ip_monitor;

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rtnl_codec::raw::IfInfoMsg;
use rtnl_codec::{MessageBuilder, ifla, ifla_info, nlm_f, rtm, veth_info};
use rtnl_sys::{Datagram, Socket, Transport};
use rustix::io::Errno;
use rustix::mount::{self, MountPropagationFlags, UnmountFlags};
use rustix::thread::UnshareFlags;

/// How long a test waits for something the kernel sends unasked (events): far longer than it
/// takes, short enough that a test which would hang fails instead.
pub const EVENT_WAIT: Duration = Duration::from_secs(10);

/// A deadline [`EVENT_WAIT`] from now, with the receive timeout (`SO_RCVTIMEO`) of `socket`
/// set to the same, so a blocking receive returns `EAGAIN` rather than waiting forever.
pub fn event_deadline(socket: &Socket) -> Instant {
    rustix::net::sockopt::set_socket_timeout(
        socket,
        rustix::net::sockopt::Timeout::Recv,
        Some(EVENT_WAIT),
    )
    .expect("setsockopt(SO_RCVTIMEO)");
    Instant::now() + EVENT_WAIT
}

/// Panics with `what` if `deadline` has passed.
pub fn before(deadline: Instant, what: &str) {
    assert!(
        Instant::now() < deadline,
        "{what}: still waiting after {EVENT_WAIT:?}"
    );
}

/// Fails loudly unless the tests run as root (CI does).
pub fn assert_root() {
    assert!(
        rustix::process::geteuid().is_root(),
        "the rtnl-sys kernel tests need root (CAP_SYS_ADMIN, CAP_NET_ADMIN); run them as root"
    );
}

/// Moves this test thread into a new, empty network namespace.
pub fn private_netns() {
    assert_root();
    rtnl_sys::unshare_net().expect("unshare(CLONE_NEWNET)");
}

/// Moves this test thread into a new network namespace and a new mount namespace whose
/// mounts do not propagate anywhere (`/` made private recursively, as `unshare(1)` does).
pub fn private_netns_and_mounts() {
    private_netns();
    // SAFETY: only `CLONE_NEWNS` (which implies unsharing the fs struct, not the fd table).
    unsafe { rustix::thread::unshare_unsafe(UnshareFlags::NEWNS) }.expect("unshare(CLONE_NEWNS)");
    mount::mount_change(
        "/",
        MountPropagationFlags::REC | MountPropagationFlags::PRIVATE,
    )
    .expect("make / private");
}

/// A fresh directory under /tmp, removed (after detaching any mount on it) when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new() -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("rtnl-test-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        Self(path)
    }

    /// A path inside, as text.
    pub fn join(&self, name: &str) -> String {
        self.0.join(name).to_str().unwrap().to_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        // The run dir inside was bind-mounted onto itself (in this thread's private mount
        // namespace only); detach it so the directory can go.
        if let Ok(entries) = std::fs::read_dir(&self.0) {
            for e in entries.flatten() {
                let _ = mount::unmount(e.path(), UnmountFlags::DETACH);
            }
        }
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `ip ARGS` (in this thread's namespaces: the child is forked from this thread) and
/// returns its stdout; panics if it fails.
pub fn ip(args: &[&str]) -> String {
    let out = Command::new("ip").args(args).output().expect("run ip");
    assert!(
        out.status.success(),
        "ip {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The link names `ip -o link show` lists in this thread's namespace.
pub fn ip_link_names() -> Vec<String> {
    ip(&["-o", "link", "show"])
        .lines()
        .map(|l| {
            let name = l.split(": ").nth(1).unwrap();
            name.split('@').next().unwrap().to_owned()
        })
        .collect()
}

/// An `RTM_*LINK` request with an `ifinfomsg` for `index` and, if given, `IFLA_IFNAME`.
pub fn link_request(buf: &mut [u8], ty: u16, flags: u16, name: Option<&str>) -> usize {
    let mut b = MessageBuilder::new(buf, ty, flags, 0).unwrap();
    b.header(&IfInfoMsg::default()).unwrap();
    if let Some(name) = name {
        b.put_str(ifla::IFNAME, name).unwrap();
    }
    b.finish().len()
}

/// `RTM_GETLINK` dump.
pub fn link_dump_request(buf: &mut [u8]) -> usize {
    link_request(buf, rtm::GETLINK, nlm_f::DUMP, None)
}

/// A batch of veth creations ([`veth_request`]), one per `(name, peer)`, each padded to
/// 4 bytes as a datagram holds them.
pub fn veth_batch(pairs: impl IntoIterator<Item = (String, String)>) -> Vec<u8> {
    let mut requests = Vec::new();
    for (name, peer) in pairs {
        let at = requests.len();
        requests.resize(at + 128, 0);
        let len = veth_request(&mut requests[at..], &name, &peer);
        requests.truncate((at + len).next_multiple_of(4));
    }
    requests
}

/// `ip link add NAME type veth peer name PEER`, as iproute2 builds it.
pub fn veth_request(buf: &mut [u8], name: &str, peer: &str) -> usize {
    let mut b = MessageBuilder::new(buf, rtm::NEWLINK, nlm_f::CREATE | nlm_f::EXCL, 0).unwrap();
    b.header(&IfInfoMsg::default()).unwrap();
    b.put_str(ifla::IFNAME, name).unwrap();
    let linkinfo = b.nest_start(ifla::LINKINFO).unwrap();
    b.put_str(ifla_info::KIND, "veth").unwrap();
    let data = b.nest_start(ifla_info::DATA).unwrap();
    let peer_nest = b.nest_start(veth_info::PEER).unwrap();
    b.header(&IfInfoMsg::default()).unwrap();
    b.put_str(ifla::IFNAME, peer).unwrap();
    b.nest_end(peer_nest).unwrap();
    b.nest_end(data).unwrap();
    b.nest_end(linkinfo).unwrap();
    b.finish().len()
}

/// A transport that counts the datagrams and sends going through a socket.
pub struct Counting<'s> {
    pub socket: &'s mut Socket,
    pub sends: usize,
    pub recvs: usize,
    pub send_sizes: Vec<usize>,
}

impl<'s> Counting<'s> {
    pub fn new(socket: &'s mut Socket) -> Self {
        Self {
            socket,
            sends: 0,
            recvs: 0,
            send_sizes: Vec::new(),
        }
    }
}

impl Transport for Counting<'_> {
    fn port_id(&self) -> u32 {
        self.socket.port_id()
    }
    fn send(&mut self, datagram: &[u8]) -> Result<usize, Errno> {
        self.sends += 1;
        self.send_sizes.push(datagram.len());
        self.socket.send(datagram)
    }
    fn recv(&mut self, buf: &mut [u8], nonblocking: bool) -> Result<Datagram, Errno> {
        let d = self.socket.recv_raw(buf, nonblocking)?;
        self.recvs += 1;
        Ok(d)
    }
    fn batch_limits(&self) -> rtnl_sys::BatchLimits {
        self.socket.batch_limits()
    }
}
