//! Records real kernel rtnetlink replies as test fixtures.
//!
//! Run as root, from the workspace root:
//!
//! ```text
//! cargo run --release --example capture_fixtures -- tests/fixtures
//! cargo run --release --example capture_fixtures -- tests/fixtures neigh
//! ```
//!
//! The second form writes only the neighbour fixtures (`neighs.*`, `fdb.*`), from a state of
//! their own, and leaves every other file as it is.
//!
//! Everything happens on one dedicated thread that first moves itself into a new network
//! namespace and a new mount namespace (`unshare(CLONE_NEWNET | CLONE_NEWNS)`), makes the
//! mount tree private and mounts a fresh tmpfs on `/run`, so that `ip netns add` creates its
//! namespace files in a directory nobody else sees. The host's links, addresses, routes and
//! `/run/netns` are never touched, and every address used comes from the documentation
//! ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32). No packet can
//! leave the namespaces made here: veth pairs only connect those namespaces to each other.
//!
//! The thread builds the network state with `ip` (children spawned from the thread inherit
//! its namespaces), dumps it over a raw `NETLINK_ROUTE` socket with the same requests
//! `ip` sends, and writes each dump (the reply datagrams concatenated in order) into the
//! output directory, next to the JSON that `ip -j` prints for the same state at the same
//! moment. It then sends a few requests the kernel must refuse and records those replies
//! (with extended ack), and one that succeeds (a plain ACK). `tests/fixtures/README.md`
//! describes every file.

use std::error::Error;
use std::ffi::{c_int, c_void};
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use rustix::mount::{MountFlags, MountPropagationFlags};
use rustix::net::{AddressFamily, RecvFlags, SendFlags, SocketType, netlink::SocketAddrNetlink};
use rustix::thread::{LinkNameSpaceType, UnshareFlags};

/// Errors of this program: anything that can be printed, and sent back from the worker.
type BoxError = Box<dyn Error + Send + Sync>;
/// Result type of this program.
type Result<T> = std::result::Result<T, BoxError>;

// ---- netlink constants (linux/netlink.h, linux/rtnetlink.h, linux/if_link.h) ----

/// `SOL_NETLINK`: socket option level of the netlink options below.
const SOL_NETLINK: c_int = 270;
/// `NETLINK_EXT_ACK`: ask the kernel to append extended-ack TLVs to error replies.
const NETLINK_EXT_ACK: c_int = 11;
/// `NETLINK_GET_STRICT_CHK`: have the kernel check dump request headers strictly.
const NETLINK_GET_STRICT_CHK: c_int = 12;

/// Size of `struct nlmsghdr`.
const NLMSG_HDRLEN: usize = 16;
/// `NLMSG_ERROR`: an error (or, with error 0, an ACK).
const NLMSG_ERROR: u16 = 2;
/// `NLMSG_DONE`: the end of a dump.
const NLMSG_DONE: u16 = 3;

/// `NLM_F_REQUEST`: this message is a request.
const NLM_F_REQUEST: u16 = 0x1;
/// `NLM_F_ACK`: reply with an ACK (an `NLMSG_ERROR` with error 0) on success.
const NLM_F_ACK: u16 = 0x4;
/// `NLM_F_DUMP_INTR`: the dump was interrupted by a change; its contents are inconsistent.
const NLM_F_DUMP_INTR: u16 = 0x10;
/// `NLM_F_CAPPED` (on `NLMSG_ERROR`): the echoed request was cut to its header.
const NLM_F_CAPPED: u16 = 0x100;
/// `NLM_F_ACK_TLVS` (on `NLMSG_ERROR` / `NLMSG_DONE`): extended-ack TLVs follow.
const NLM_F_ACK_TLVS: u16 = 0x200;
/// `NLM_F_DUMP` = `NLM_F_ROOT | NLM_F_MATCH`: dump every object.
const NLM_F_DUMP: u16 = 0x300;
/// `NLM_F_EXCL` (on new requests): fail if the object exists.
const NLM_F_EXCL: u16 = 0x200;
/// `NLM_F_CREATE` (on new requests): create the object if it does not exist.
const NLM_F_CREATE: u16 = 0x400;

/// `RTM_NEWLINK`: create or change a link.
const RTM_NEWLINK: u16 = 16;
/// `RTM_GETLINK`: get one link, or dump them all.
const RTM_GETLINK: u16 = 18;
/// `RTM_GETADDR`: dump addresses.
const RTM_GETADDR: u16 = 22;
/// `RTM_GETROUTE`: dump routes.
const RTM_GETROUTE: u16 = 26;
/// `RTM_NEWMDB`: add a bridge multicast database entry.
const RTM_NEWMDB: u16 = 84;
/// `RTM_GETNSID`: dump the ids this namespace gave other namespaces.
const RTM_GETNSID: u16 = 90;
/// `RTM_GETRULE`: get policy rules; with `NLM_F_DUMP`, all of a family.
const RTM_GETRULE: u16 = 34;
/// `RTM_GETNEIGH`.
const RTM_GETNEIGH: u16 = 30;

/// `AF_UNSPEC`.
const AF_UNSPEC: u8 = 0;
/// `AF_INET`.
const AF_INET: u8 = 2;
/// `AF_BRIDGE` (`PF_BRIDGE`), the family of bridge multicast database requests.
const AF_BRIDGE: u8 = 7;
/// `AF_INET6`.
const AF_INET6: u8 = 10;
/// `AF_PACKET`: the family `ip link show` puts in its link dump request.
const AF_PACKET: u8 = 17;

/// `IFLA_IFNAME`: the link name, a NUL-terminated string.
const IFLA_IFNAME: u16 = 3;
/// `IFLA_MTU`: u32.
const IFLA_MTU: u16 = 4;
/// `IFLA_LINKINFO`: nest of `IFLA_INFO_*`.
const IFLA_LINKINFO: u16 = 18;
/// `IFLA_EXT_MASK`: u32 of `RTEXT_FILTER_*` bits.
const IFLA_EXT_MASK: u16 = 29;
/// `IFLA_INFO_KIND` (inside `IFLA_LINKINFO`): the driver name, a NUL-terminated string.
const IFLA_INFO_KIND: u16 = 1;
/// `RTEXT_FILTER_VF`: include virtual-function information (what `ip link show` asks for).
const RTEXT_FILTER_VF: u32 = 1;
/// `IFF_UP`: the interface flag put into the bad strict-dump header.
const IFF_UP: u32 = 1;

/// `NLMSGERR_ATTR_MSG`: extended ack text.
const NLMSGERR_ATTR_MSG: u16 = 1;
/// `NLMSGERR_ATTR_OFFS`: offset of the offending attribute in the request.
const NLMSGERR_ATTR_OFFS: u16 = 2;
/// `NLMSGERR_ATTR_COOKIE`: opaque cookie.
const NLMSGERR_ATTR_COOKIE: u16 = 3;
/// `NLMSGERR_ATTR_POLICY`: nest describing the policy the attribute broke.
const NLMSGERR_ATTR_POLICY: u16 = 4;
/// `NLMSGERR_ATTR_MISS_TYPE`: type of a missing required attribute.
const NLMSGERR_ATTR_MISS_TYPE: u16 = 5;
/// `NLMSGERR_ATTR_MISS_NEST`: offset of the nest that lacks it.
const NLMSGERR_ATTR_MISS_NEST: u16 = 6;

/// Size of the receive buffer: large enough for any dump datagram (the kernel caps those
/// near 32 KiB).
const RECV_BUF: usize = 64 * 1024;

/// Number of veth pairs in namespace A.
const PAIRS: usize = 50;
/// Number of veth pairs in the benchmark namespace D (plus `lo`: 2,001 links).
const BIG_PAIRS: usize = 1000;

// ---- small byte helpers ----

/// Rounds `len` up to the netlink alignment (4 bytes).
fn align4(len: usize) -> usize {
    (len + 3) & !3
}

/// Reads a native-endian u16 at `off`.
fn ne_u16(b: &[u8], off: usize) -> u16 {
    u16::from_ne_bytes([b[off], b[off + 1]])
}

/// Reads a native-endian u32 at `off`.
fn ne_u32(b: &[u8], off: usize) -> u32 {
    u32::from_ne_bytes([b[off], b[off + 1], b[off + 2], b[off + 3]])
}

/// Reads a native-endian i32 at `off`.
fn ne_i32(b: &[u8], off: usize) -> i32 {
    i32::from_ne_bytes([b[off], b[off + 1], b[off + 2], b[off + 3]])
}

// ---- request building ----

/// A netlink request under construction: header, family header, then attributes.
struct Request {
    /// The message bytes; `nlmsg_len` is filled in by [`Request::finish`].
    buf: Vec<u8>,
}

impl Request {
    /// Starts a message with a `struct nlmsghdr`.
    fn new(msg_type: u16, flags: u16, seq: u32) -> Self {
        let mut buf = Vec::with_capacity(256);
        buf.extend_from_slice(&0u32.to_ne_bytes()); // nlmsg_len: set by finish()
        buf.extend_from_slice(&msg_type.to_ne_bytes()); // nlmsg_type
        buf.extend_from_slice(&flags.to_ne_bytes()); // nlmsg_flags
        buf.extend_from_slice(&seq.to_ne_bytes()); // nlmsg_seq
        buf.extend_from_slice(&0u32.to_ne_bytes()); // nlmsg_pid: 0, the kernel fills it in
        Self { buf }
    }

    /// Appends a family header (already padded to 4 bytes by its builder).
    fn header(mut self, bytes: &[u8]) -> Self {
        self.buf.extend_from_slice(bytes);
        self
    }

    /// Appends an attribute (`struct nlattr` + payload + padding to 4 bytes).
    fn attr(mut self, attr_type: u16, payload: &[u8]) -> Self {
        let len = u16::try_from(4 + payload.len()).expect("attribute too long");
        self.buf.extend_from_slice(&len.to_ne_bytes()); // nla_len: header + payload, unpadded
        self.buf.extend_from_slice(&attr_type.to_ne_bytes()); // nla_type
        self.buf.extend_from_slice(payload);
        self.buf.resize(align4(self.buf.len()), 0);
        self
    }

    /// Appends a u32 attribute.
    fn attr_u32(self, attr_type: u16, value: u32) -> Self {
        self.attr(attr_type, &value.to_ne_bytes())
    }

    /// Appends a NUL-terminated string attribute.
    fn attr_str(self, attr_type: u16, value: &str) -> Self {
        let mut payload = value.as_bytes().to_vec();
        payload.push(0);
        self.attr(attr_type, &payload)
    }

    /// Sets `nlmsg_len` and returns the bytes.
    fn finish(mut self) -> Vec<u8> {
        let len = u32::try_from(self.buf.len()).expect("message too long");
        self.buf[..4].copy_from_slice(&len.to_ne_bytes());
        self.buf
    }
}

/// `struct ifinfomsg` (16 bytes): family, pad, type, index, flags, change.
fn ifinfomsg(family: u8, ifi_type: u16, index: i32, flags: u32, change: u32) -> Vec<u8> {
    let mut b = vec![family, 0]; // ifi_family, __ifi_pad
    b.extend_from_slice(&ifi_type.to_ne_bytes()); // ifi_type (ARPHRD_*)
    b.extend_from_slice(&index.to_ne_bytes()); // ifi_index
    b.extend_from_slice(&flags.to_ne_bytes()); // ifi_flags (IFF_*)
    b.extend_from_slice(&change.to_ne_bytes()); // ifi_change (mask of flags to change)
    b
}

/// `struct ifaddrmsg` (8 bytes), all zero but the family: what `ip addr show` sends.
fn ifaddrmsg(family: u8) -> Vec<u8> {
    // ifa_family, ifa_prefixlen, ifa_flags, ifa_scope, then u32 ifa_index
    vec![family, 0, 0, 0, 0, 0, 0, 0]
}

/// `struct rtmsg` (12 bytes), all zero but the family: what `ip route show table all` sends.
fn rtmsg(family: u8) -> Vec<u8> {
    // rtm_family, rtm_dst_len, rtm_src_len, rtm_tos, rtm_table, rtm_protocol, rtm_scope,
    // rtm_type, then u32 rtm_flags
    vec![family, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
}

/// `struct rtgenmsg` (1 byte) padded to 4, as `ip netns list-id` sends it (`nlmsg_len` 20).
fn rtgenmsg(family: u8) -> Vec<u8> {
    vec![family, 0, 0, 0]
}

/// `struct fib_rule_hdr` (12 bytes), all zero but the family: what `ip rule show` sends.
fn fib_rule_hdr(family: u8) -> Vec<u8> {
    // family, dst_len, src_len, tos, table, res1, res2, action, then u32 flags
    vec![family, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
}

/// `struct ndmsg` (12 bytes), all zero but the family: what `ip neigh show` sends.
fn ndmsg(family: u8) -> Vec<u8> {
    // ndm_family, ndm_pad1, ndm_pad2 (u16), ndm_ifindex (i32), ndm_state (u16), ndm_flags,
    // ndm_type
    vec![family, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
}

/// `struct br_port_msg` (8 bytes): family, 3 bytes padding, u32 ifindex.
fn br_port_msg(ifindex: i32) -> Vec<u8> {
    let mut b = vec![AF_BRIDGE, 0, 0, 0];
    b.extend_from_slice(&ifindex.to_ne_bytes());
    b
}

// ---- reply parsing ----

/// The header of one netlink message in a reply.
#[derive(Debug, Clone, Copy)]
struct Header {
    /// `nlmsg_type`.
    kind: u16,
    /// `nlmsg_flags`.
    flags: u16,
    /// `nlmsg_seq`.
    seq: u32,
}

/// Splits a datagram into its messages: header and the bytes after the header.
fn messages(datagram: &[u8]) -> Result<Vec<(Header, &[u8])>> {
    let mut out = Vec::new();
    let mut off = 0;
    while off < datagram.len() {
        if datagram.len() - off < NLMSG_HDRLEN {
            return Err(format!("{} trailing bytes at offset {off}", datagram.len() - off).into());
        }
        let len = ne_u32(datagram, off) as usize;
        if len < NLMSG_HDRLEN || off + len > datagram.len() {
            return Err(format!("bad nlmsg_len {len} at offset {off}").into());
        }
        let header = Header {
            kind: ne_u16(datagram, off + 4),
            flags: ne_u16(datagram, off + 6),
            seq: ne_u32(datagram, off + 8),
        };
        out.push((header, &datagram[off + NLMSG_HDRLEN..off + len]));
        off += align4(len);
    }
    Ok(out)
}

/// Describes the extended-ack TLVs that start at `tlvs`.
fn describe_tlvs(tlvs: &[u8]) -> String {
    let mut s = String::new();
    let mut off = 0;
    while off + 4 <= tlvs.len() {
        let len = ne_u16(tlvs, off) as usize;
        let kind = ne_u16(tlvs, off + 2) & 0x3fff;
        if len < 4 || off + len > tlvs.len() {
            let _ = write!(s, " [bad TLV at {off}]");
            break;
        }
        let payload = &tlvs[off + 4..off + len];
        let _ = match kind {
            NLMSGERR_ATTR_MSG => {
                let text = payload.split(|&b| b == 0).next().unwrap_or_default();
                write!(s, " msg={:?}", String::from_utf8_lossy(text))
            }
            NLMSGERR_ATTR_OFFS if payload.len() == 4 => write!(s, " offs={}", ne_u32(payload, 0)),
            NLMSGERR_ATTR_MISS_TYPE if payload.len() == 4 => {
                write!(s, " miss_type={}", ne_u32(payload, 0))
            }
            NLMSGERR_ATTR_MISS_NEST if payload.len() == 4 => {
                write!(s, " miss_nest={}", ne_u32(payload, 0))
            }
            NLMSGERR_ATTR_COOKIE => write!(s, " cookie={payload:02x?}"),
            NLMSGERR_ATTR_POLICY => write!(s, " policy=({} bytes)", payload.len()),
            other => write!(s, " tlv{other}=({} bytes)", payload.len()),
        };
        off += align4(len);
    }
    s
}

/// Describes an `NLMSG_ERROR` or `NLMSG_DONE` message: errno, flags and ext-ack TLVs.
fn describe_status(header: Header, payload: &[u8]) -> String {
    if payload.len() < 4 {
        return format!("type {} with a short payload", header.kind);
    }
    let error = ne_i32(payload, 0);
    let name = if header.kind == NLMSG_ERROR {
        "NLMSG_ERROR"
    } else {
        "NLMSG_DONE"
    };
    let mut s = format!("{name} error={error} flags={:#x}", header.flags);
    if header.flags & NLM_F_ACK_TLVS == 0 {
        return s;
    }
    // NLMSG_ERROR: the errno, then the request's header (and its payload unless capped).
    // NLMSG_DONE: the errno only.
    let tlv_start = if header.kind == NLMSG_ERROR {
        if payload.len() < 4 + NLMSG_HDRLEN {
            return s + " (short)";
        }
        if header.flags & NLM_F_CAPPED != 0 {
            4 + NLMSG_HDRLEN
        } else {
            4 + align4(ne_u32(payload, 4) as usize)
        }
    } else {
        4
    };
    if tlv_start <= payload.len() {
        s += &describe_tlvs(&payload[tlv_start..]);
    }
    s
}

// ---- the socket ----

unsafe extern "C" {
    /// `setsockopt(2)` from the C library std already links against; rustix 1.1 has no
    /// wrapper for the `SOL_NETLINK` options.
    fn setsockopt(fd: c_int, level: c_int, name: c_int, value: *const c_void, len: u32) -> c_int;
}

/// Sets an on/off `SOL_NETLINK` socket option to on.
fn set_netlink_flag(fd: BorrowedFd<'_>, name: c_int) -> io::Result<()> {
    let one: c_int = 1;
    // SAFETY: `fd` is an open socket for the whole call (it is borrowed); `value` points to a
    // live, initialised c_int and `len` is exactly its size, so the kernel reads only valid
    // memory; nothing is written through the pointer.
    let rc = unsafe {
        setsockopt(
            fd.as_raw_fd(),
            SOL_NETLINK,
            name,
            (&raw const one).cast(),
            size_of::<c_int>() as u32,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// A `NETLINK_ROUTE` socket with its next sequence number.
struct NlSocket {
    /// The socket, bound to a kernel-chosen port id.
    fd: OwnedFd,
    /// Sequence number for the next request.
    seq: u32,
}

impl NlSocket {
    /// Opens a socket in the calling thread's network namespace, with `NETLINK_EXT_ACK`
    /// on and, if `strict`, `NETLINK_GET_STRICT_CHK` on (as `ip` does for every socket).
    fn open(strict: bool) -> Result<Self> {
        // Protocol None = NETLINK_ROUTE (0).
        let fd = rustix::net::socket(AddressFamily::NETLINK, SocketType::RAW, None)?;
        rustix::net::bind(&fd, &SocketAddrNetlink::new(0, 0))?;
        set_netlink_flag(fd.as_fd(), NETLINK_EXT_ACK)?;
        if strict {
            set_netlink_flag(fd.as_fd(), NETLINK_GET_STRICT_CHK)?;
        }
        Ok(Self { fd, seq: 1 })
    }

    /// Returns a fresh sequence number.
    fn next_seq(&mut self) -> u32 {
        self.seq += 1;
        self.seq
    }

    /// Sends one request to the kernel.
    fn send(&self, msg: &[u8]) -> Result<()> {
        let sent = rustix::net::send(&self.fd, msg, SendFlags::empty())?;
        if sent != msg.len() {
            return Err(format!("short send: {sent} of {}", msg.len()).into());
        }
        Ok(())
    }

    /// Receives one datagram; fails if it did not fit the buffer.
    fn recv(&self, buf: &mut [u8]) -> Result<usize> {
        let (got, full) = rustix::net::recv(&self.fd, &mut *buf, RecvFlags::TRUNC)?;
        if full > got {
            return Err(format!("datagram truncated: {full} bytes, buffer {got}").into());
        }
        Ok(got)
    }

    /// Sends `msg` (whose sequence number is `seq`) and collects reply datagrams until one
    /// holds a message of a type in `stop`. Returns the concatenated datagrams, the number of
    /// messages, whether any carried `NLM_F_DUMP_INTR`, and the final message's description.
    fn exchange(&self, msg: &[u8], seq: u32, stop: &[u16]) -> Result<Exchange> {
        self.send(msg)?;
        let mut buf = vec![0u8; RECV_BUF];
        let mut ex = Exchange::default();
        loop {
            let n = self.recv(&mut buf)?;
            let datagram = &buf[..n];
            let mut done = false;
            for (header, payload) in messages(datagram)? {
                if header.seq != seq {
                    return Err(format!("reply seq {} for request {seq}", header.seq).into());
                }
                ex.messages += 1;
                ex.interrupted |= header.flags & NLM_F_DUMP_INTR != 0;
                if header.kind == NLMSG_ERROR || header.kind == NLMSG_DONE {
                    ex.status = describe_status(header, payload);
                    ex.error = if payload.len() >= 4 {
                        ne_i32(payload, 0)
                    } else {
                        0
                    };
                }
                done |= stop.contains(&header.kind);
            }
            ex.datagrams += 1;
            ex.bytes.extend_from_slice(datagram);
            if done {
                return Ok(ex);
            }
        }
    }

    /// Runs a dump request to its `NLMSG_DONE`, redoing it if the kernel flags it
    /// interrupted, and fails on an error reply.
    fn dump(
        &mut self,
        msg_type: u16,
        family_header: &[u8],
        ext_mask: Option<u32>,
    ) -> Result<Exchange> {
        for _attempt in 0..5 {
            let seq = self.next_seq();
            let mut req =
                Request::new(msg_type, NLM_F_REQUEST | NLM_F_DUMP, seq).header(family_header);
            if let Some(mask) = ext_mask {
                req = req.attr_u32(IFLA_EXT_MASK, mask);
            }
            let ex = self.exchange(&req.finish(), seq, &[NLMSG_DONE, NLMSG_ERROR])?;
            if ex.error != 0 {
                return Err(format!("dump of type {msg_type} failed: {}", ex.status).into());
            }
            if !ex.interrupted {
                return Ok(ex);
            }
            eprintln!("dump of type {msg_type} was interrupted; redoing it");
        }
        Err(format!("dump of type {msg_type} kept being interrupted").into())
    }
}

/// What came back for one request.
#[derive(Default)]
struct Exchange {
    /// The reply datagrams, concatenated in arrival order.
    bytes: Vec<u8>,
    /// Number of datagrams.
    datagrams: usize,
    /// Number of netlink messages in them.
    messages: usize,
    /// Whether a message carried `NLM_F_DUMP_INTR`.
    interrupted: bool,
    /// The errno of the final `NLMSG_ERROR` / `NLMSG_DONE` (0 = success).
    error: i32,
    /// Human-readable description of that final message.
    status: String,
}

// ---- running ip ----

/// Runs `ip ARGS` in the calling thread's namespaces and fails unless it exits 0.
fn ip(args: &[&str]) -> Result<Vec<u8>> {
    let out = Command::new("ip").args(args).output()?;
    if !out.status.success() {
        return Err(format!(
            "ip {}: {}: {}",
            args.join(" "),
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        )
        .into());
    }
    Ok(out.stdout)
}

/// Writes `lines` to a batch file on the private tmpfs and runs `ip [-n NS] -batch FILE`.
fn ip_batch(netns: Option<&str>, name: &str, lines: &[String]) -> Result<()> {
    let path = format!("/run/capture-{name}.batch");
    fs::write(&path, lines.join("\n") + "\n")?;
    match netns {
        Some(ns) => ip(&["-n", ns, "-batch", &path])?,
        None => ip(&["-batch", &path])?,
    };
    Ok(())
}

// ---- the capture ----

/// Everything the worker thread does, in its private namespaces.
struct Capture {
    /// The output directory.
    out: PathBuf,
    /// A socket like `ip`'s: extended ack and strict checking on.
    sock: NlSocket,
    /// Lines for the summary printed at the end.
    summary: Vec<String>,
}

impl Capture {
    /// Writes one fixture file and records it in the summary.
    fn write(&mut self, name: &str, ex: &Exchange) -> Result<()> {
        fs::write(self.out.join(name), &ex.bytes)?;
        self.summary.push(format!(
            "{name}: {} bytes, {} datagrams, {} messages; {}",
            ex.bytes.len(),
            ex.datagrams,
            ex.messages,
            ex.status
        ));
        Ok(())
    }

    /// Writes the output of `ip ARGS` as `name`.
    fn write_ip(&mut self, name: &str, args: &[&str]) -> Result<()> {
        let json = ip(args)?;
        fs::write(self.out.join(name), json)?;
        Ok(())
    }

    /// Dumps one kind of object and, right after, writes what `ip -j` shows for it.
    fn dump_pair(
        &mut self,
        bin: &str,
        msg_type: u16,
        family_header: &[u8],
        ext_mask: Option<u32>,
        json: &str,
        ip_args: &[&str],
    ) -> Result<()> {
        let ex = self.sock.dump(msg_type, family_header, ext_mask)?;
        self.write_ip(json, ip_args)?;
        self.write(bin, &ex)
    }

    /// Sends a request with `NLM_F_ACK` on `sock` and records the reply up to its
    /// `NLMSG_ERROR` (or `NLMSG_DONE`), checking the errno is `want`.
    fn status_fixture(
        &mut self,
        name: &str,
        sock: &mut NlSocket,
        req: Request,
        want: i32,
    ) -> Result<()> {
        let seq = ne_u32(&req.buf, 8);
        let ex = sock.exchange(&req.finish(), seq, &[NLMSG_ERROR, NLMSG_DONE])?;
        if ex.error != want {
            return Err(format!("{name}: expected error {want}, got {}", ex.status).into());
        }
        self.write(name, &ex)
    }

    /// Looks up a link's index with an `RTM_GETLINK` by name.
    fn ifindex(&mut self, name: &str) -> Result<i32> {
        let seq = self.sock.next_seq();
        let req = Request::new(RTM_GETLINK, NLM_F_REQUEST, seq)
            .header(&ifinfomsg(AF_UNSPEC, 0, 0, 0, 0))
            .attr_u32(IFLA_EXT_MASK, RTEXT_FILTER_VF)
            .attr_str(IFLA_IFNAME, name)
            .finish();
        self.sock.send(&req)?;
        let mut buf = vec![0u8; RECV_BUF];
        let n = self.sock.recv(&mut buf)?;
        for (header, payload) in messages(&buf[..n])? {
            if header.kind == RTM_NEWLINK && payload.len() >= 16 {
                return Ok(ne_i32(payload, 4));
            }
            if header.kind == NLMSG_ERROR {
                return Err(format!("no link {name}: {}", describe_status(header, payload)).into());
            }
        }
        Err(format!("no reply for link {name}").into())
    }
}

/// Makes this thread's namespaces private: new network and mount namespaces, a private
/// mount tree and a fresh tmpfs on `/run` (so `/run/netns` is ours alone).
fn enter_private_namespaces() -> Result<()> {
    // SAFETY: CLONE_FILES is not among the flags, so the file descriptor table stays shared
    // and no thread can observe descriptors from an unshared table; unsharing the network
    // and mount namespaces (and, implied, the fs struct) only affects this thread.
    unsafe { rustix::thread::unshare_unsafe(UnshareFlags::NEWNET | UnshareFlags::NEWNS)? };
    // Like `mount --make-rprivate /`: nothing mounted from here on propagates to the host.
    rustix::mount::mount_change(
        "/",
        MountPropagationFlags::REC | MountPropagationFlags::PRIVATE,
    )?;
    // A tmpfs over /run hides the host's /run from this thread and its children only; it
    // also avoids creating /run/netns on the host file system.
    rustix::mount::mount(
        "tmpfs",
        "/run",
        "tmpfs",
        MountFlags::NOSUID | MountFlags::NODEV,
        None,
    )?;
    fs::create_dir_all("/run/netns")?;
    Ok(())
}

/// Writes a sysctl of the calling thread's network namespace (`/proc/sys/net` follows the
/// opener's namespace).
fn sysctl(path: &str, value: &str) -> Result<()> {
    fs::write(format!("/proc/sys/net/{path}"), value)?;
    Ok(())
}

/// Builds the state of namespace A (the thread's own) and the namespaces B and C.
fn build_state() -> Result<()> {
    // No router solicitations: the only packets on up links are then the few IPv6 DAD and
    // MLD messages right after an address appears, so counters settle within seconds and
    // the dumps agree with `ip -j`. (Set before the links exist: `default` is their template.)
    for conf in ["all", "default"] {
        sysctl(&format!("ipv6/conf/{conf}/router_solicitations"), "0")?;
    }
    ip(&["link", "set", "lo", "up"])?;

    // B gets nsid 5 in A; C an automatic one.
    ip(&["netns", "add", "B"])?;
    ip(&["netns", "add", "C"])?;
    ip(&["netns", "set", "B", "5"])?;
    ip(&["netns", "set", "C", "auto"])?;

    let mut lines = Vec::new();
    for i in 0..PAIRS {
        // Peers with i % 3 == 2 (16 of 50) live in B, so A shows them with link-netnsid 5.
        let netns = if i % 3 == 2 { " netns B" } else { "" };
        let (a_opts, b_opts) = match i {
            3 => (" mtu 1400".to_owned(), " mtu 1400".to_owned()),
            4 => (" mtu 9000".to_owned(), " mtu 9000".to_owned()),
            5 | 6 => (
                format!(" address 02:00:00:00:{i:02x}:0a"),
                format!(" address 02:00:00:00:{i:02x}:0b"),
            ),
            _ => (String::new(), String::new()),
        };
        lines.push(format!(
            "link add va{i}{a_opts} type veth peer name vb{i}{b_opts}{netns}"
        ));
    }
    lines.extend(
        [
            r#"link set va7 alias "uplink to rack 7""#,
            r#"link set va8 alias "spare port (do not use)""#,
            "link set va9 txqueuelen 5000",
            "link set va13 txqueuelen 0",
            "link set va14 group 7",
            "link set va20 mtu 1280",
            // A bridge with three veth ends as ports (this kernel refuses vlan_filtering 1).
            "link add br0 type bridge",
            "link set va10 master br0",
            "link set va11 master br0",
            "link set va12 master br0",
            // A VXLAN device, left down: it never sends anything.
            "link add vx0 type vxlan id 42 dstport 4789 local 192.0.2.1 remote 198.51.100.2 dev va1",
            // Up links: both ends of pairs 0, 1 and 15 (carrier on); va2, va20 and the
            // bridge with its ports (their peers stay down: no carrier).
            "link set va0 up",
            "link set vb0 up",
            "link set va1 up",
            "link set vb1 up",
            "link set va2 up",
            "link set va15 up",
            "link set vb15 up",
            "link set va20 up",
            "link set va10 up",
            "link set va11 up",
            "link set va12 up",
            "link set br0 up",
            // Addresses.
            "addr add 192.0.2.1/24 label va0:web dev va0",
            "addr add 192.0.2.2/24 dev va0",
            "addr add 198.51.100.1/24 dev va1",
            "addr add 203.0.113.5/32 peer 203.0.113.6 dev va2",
            "addr add 203.0.113.129/26 valid_lft 3600 preferred_lft 1800 dev va20",
            "addr add 2001:db8::1/64 dev va0",
            "addr add 2001:db8:1::1/64 nodad dev va1",
            "addr add 2001:db8:2::1/64 valid_lft 3600 preferred_lft 1800 dev va1",
            // IPv4 routes: main, table 100 and table 1000 (> 255: only RTA_TABLE holds it).
            "route add 203.0.113.0/24 via 192.0.2.254 dev va0",
            "route add 203.0.113.64/26 via 198.51.100.254 metric 50 proto static",
            "route add 203.0.113.192/26 nexthop via 192.0.2.254 dev va0 weight 1 \
             nexthop via 198.51.100.254 dev va1 weight 2",
            "route add blackhole 203.0.113.16/28",
            "route add unreachable 203.0.113.32/28",
            "route add default via 192.0.2.254 dev va0 table 100",
            "route add 198.51.100.0/24 dev va1 scope link src 198.51.100.1 table 100",
            "route add default via 198.51.100.254 dev va1 table 1000",
            "route add prohibit 203.0.113.0/24 table 1000",
            // IPv6 routes.
            "route add 2001:db8:100::/48 via 2001:db8::2 dev va0",
            "route add 2001:db8:200::/48 via 2001:db8::2 dev va0 metric 50 proto static",
            "route add 2001:db8:300::/48 nexthop via 2001:db8::2 dev va0 weight 1 \
             nexthop via 2001:db8:1::2 dev va1 weight 3",
            "route add blackhole 2001:db8:dead::/48",
            "route add ::/0 via 2001:db8::2 dev va0 table 100",
            "route add unreachable 2001:db8:400::/48 table 1000",
            // Policy rules: every selector and action of `ip rule`, both families.
            "rule add from 192.0.2.0/24 to 198.51.100.0/24 pref 100 table 100",
            "rule add not fwmark 0x10/0xff tos 0x10 iif va0 oif va1 pref 101 table 1000 \
             protocol static",
            "rule add uidrange 1000-2000 ipproto tcp sport 1000-2000 dport 80 pref 102 lookup main \
             suppress_prefixlength 0 suppress_ifgroup 7 realms 3/4",
            "rule add pref 103 goto 105",
            "rule add pref 104 goto 200",
            "rule add pref 105 nop",
            "rule add from 203.0.113.0/24 pref 106 blackhole",
            "rule add fwmark 1 pref 107 unreachable",
            "rule add fwmark 2 pref 108 prohibit",
            "rule add iif nonexistent pref 109 l3mdev",
        ]
        .map(str::to_owned),
    );
    ip_batch(None, "A", &lines)?;
    // IPv6 rules (a batch line cannot carry `-6`).
    for rule in [
        "from 2001:db8::/32 to 2001:db8:1::1 pref 100 table 100",
        "ipproto ipv6-icmp oif va0 fwmark 0/0xfff pref 101 table 1000",
    ] {
        let mut args = vec!["-6", "rule", "add"];
        args.extend(rule.split(' '));
        ip(&args)?;
    }

    // Wait for duplicate address detection to finish, then for the last MLD reports.
    let start = Instant::now();
    while !ip(&["-6", "addr", "show", "tentative"])?.is_empty() {
        if start.elapsed() > Duration::from_secs(20) {
            return Err("IPv6 addresses stayed tentative".into());
        }
        thread::sleep(Duration::from_millis(200));
    }
    thread::sleep(Duration::from_secs(3));
    Ok(())
}

/// Creates namespace D with 1,000 veth pairs and returns a handle on it.
fn build_big_namespace() -> Result<OwnedFd> {
    ip(&["netns", "add", "D"])?;
    let lines: Vec<String> = (0..BIG_PAIRS)
        .map(|i| format!("link add a{i} type veth peer name b{i}"))
        .collect();
    ip_batch(Some("D"), "D", &lines)?;
    Ok(fs::File::open("/run/netns/D")?.into())
}

/// The worker: namespaces, state, dumps, error replies.
fn capture(out: PathBuf) -> Result<Vec<String>> {
    enter_private_namespaces()?;
    build_state()?;

    let mut cap = Capture {
        out,
        sock: NlSocket::open(true)?,
        summary: Vec::new(),
    };

    // The dumps, each as `ip` sends it (see README).
    cap.dump_pair(
        "links.bin",
        RTM_GETLINK,
        &ifinfomsg(AF_PACKET, 0, 0, 0, 0),
        Some(RTEXT_FILTER_VF),
        "links.ip.json",
        &["-j", "-d", "link", "show"],
    )?;
    cap.dump_pair(
        "addrs.bin",
        RTM_GETADDR,
        &ifaddrmsg(AF_UNSPEC),
        None,
        "addrs.ip.json",
        &["-j", "-d", "addr", "show"],
    )?;
    cap.dump_pair(
        "routes4.bin",
        RTM_GETROUTE,
        &rtmsg(AF_INET),
        None,
        "routes4.ip.json",
        &["-j", "-d", "-4", "route", "show", "table", "all"],
    )?;
    cap.dump_pair(
        "routes6.bin",
        RTM_GETROUTE,
        &rtmsg(AF_INET6),
        None,
        "routes6.ip.json",
        &["-j", "-d", "-6", "route", "show", "table", "all"],
    )?;
    cap.dump_pair(
        "nsids.bin",
        RTM_GETNSID,
        &rtgenmsg(AF_UNSPEC),
        None,
        "nsids.ip.json",
        &["-j", "netns", "list-id"],
    )?;

    cap.dump_pair(
        "rules4.bin",
        RTM_GETRULE,
        &fib_rule_hdr(AF_INET),
        None,
        "rules4.ip.json",
        &["-j", "-d", "rule", "show"],
    )?;
    cap.dump_pair(
        "rules6.bin",
        RTM_GETRULE,
        &fib_rule_hdr(AF_INET6),
        None,
        "rules6.ip.json",
        &["-j", "-d", "-6", "rule", "show"],
    )?;

    // The 2,001-link dump: open a socket inside D, then come back to A.
    let home: OwnedFd = fs::File::open("/proc/thread-self/ns/net")?.into();
    let big = build_big_namespace()?;
    rustix::thread::move_into_link_name_space(big.as_fd(), Some(LinkNameSpaceType::Network))?;
    let big_sock = NlSocket::open(true);
    rustix::thread::move_into_link_name_space(home.as_fd(), Some(LinkNameSpaceType::Network))?;
    let ex = big_sock?.dump(
        RTM_GETLINK,
        &ifinfomsg(AF_PACKET, 0, 0, 0, 0),
        Some(RTEXT_FILTER_VF),
    )?;
    cap.write("links_2001.bin", &ex)?;

    // Error replies and an ACK, on a socket with extended ack but no strict checking.
    let mut plain = NlSocket::open(false)?;
    let create = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL;

    // A veth whose name exists: EEXIST.
    let seq = plain.next_seq();
    let req = Request::new(RTM_NEWLINK, create, seq)
        .header(&ifinfomsg(AF_UNSPEC, 0, 0, 0, 0))
        .attr_str(IFLA_IFNAME, "va0")
        .attr(IFLA_LINKINFO, &nested_kind("veth"));
    cap.status_fixture("err_exists.bin", &mut plain, req, -17)?;

    // A kind this kernel has no driver for: EOPNOTSUPP, "Unknown device type".
    let seq = plain.next_seq();
    let req = Request::new(RTM_NEWLINK, create, seq)
        .header(&ifinfomsg(AF_UNSPEC, 0, 0, 0, 0))
        .attr_str(IFLA_IFNAME, "dm0")
        .attr(IFLA_LINKINFO, &nested_kind("dummy"));
    cap.status_fixture("err_unknown_kind.bin", &mut plain, req, -95)?;

    // An MTU above the veth maximum (65535): EINVAL.
    let seq = plain.next_seq();
    let req = Request::new(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, seq)
        .header(&ifinfomsg(AF_UNSPEC, 0, 0, 0, 0))
        .attr_str(IFLA_IFNAME, "va3")
        .attr_u32(IFLA_MTU, 70000);
    cap.status_fixture("err_mtu.bin", &mut plain, req, -22)?;

    // A bridge MDB add without MDBA_SET_ENTRY: EINVAL with NLMSGERR_ATTR_MISS_TYPE.
    let br0 = cap.ifindex("br0")?;
    let seq = plain.next_seq();
    let req = Request::new(RTM_NEWMDB, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE, seq)
        .header(&br_port_msg(br0));
    cap.status_fixture("err_missing_attr.bin", &mut plain, req, -22)?;

    // A strict link dump whose header asks to filter by flags: EINVAL.
    let mut strict = NlSocket::open(true)?;
    let seq = strict.next_seq();
    let req = Request::new(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, seq)
        .header(&ifinfomsg(AF_PACKET, 0, 0, IFF_UP, IFF_UP))
        .attr_u32(IFLA_EXT_MASK, RTEXT_FILTER_VF);
    cap.status_fixture("err_strict_dump.bin", &mut strict, req, -22)?;

    // A change that succeeds (va4's MTU to 9000, which it already has): a plain ACK.
    let seq = plain.next_seq();
    let req = Request::new(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, seq)
        .header(&ifinfomsg(AF_UNSPEC, 0, 0, 0, 0))
        .attr_str(IFLA_IFNAME, "va4")
        .attr_u32(IFLA_MTU, 9000);
    cap.status_fixture("ack.bin", &mut plain, req, 0)?;

    Ok(cap.summary)
}

/// The neighbour fixtures alone (`capture_fixtures DIR neigh`), in namespaces of their own so
/// the other fixtures stay as they are: a veth pair with ARP and NDP entries of every kind `ip
/// neigh add` makes, and a bridge with a port and FDB entries of the bridge and of the port.
fn capture_neigh(out: PathBuf) -> Result<Vec<String>> {
    enter_private_namespaces()?;
    for conf in ["all", "default"] {
        sysctl(&format!("ipv6/conf/{conf}/router_solicitations"), "0")?;
        sysctl(&format!("ipv6/conf/{conf}/accept_dad"), "0")?;
    }
    let lines: Vec<String> = [
        "link set lo up",
        "link add v0 type veth peer name v1",
        "link add br0 type bridge",
        "link set v1 master br0",
        "link set v0 address 02:00:00:00:00:a0",
        "link set v1 address 02:00:00:00:00:a1",
        "link set br0 address 02:00:00:00:00:b0",
        "link set v0 up",
        "link set v1 up",
        "link set br0 up",
        "address add 192.0.2.1/24 dev v0",
        "address add 2001:db8::1/64 dev v0 nodad",
        "neigh add 192.0.2.2 lladdr 02:00:00:00:00:02 dev v0",
        "neigh add 192.0.2.3 lladdr 02:00:00:00:00:03 dev v0 nud reachable",
        "neigh add 192.0.2.4 lladdr 02:00:00:00:00:04 dev v0 nud stale protocol static",
        "neigh add 192.0.2.5 lladdr 02:00:00:00:00:05 dev v0 nud noarp",
        "neigh add 192.0.2.6 lladdr 02:00:00:00:00:06 dev v0 extern_learn",
        "neigh add 192.0.2.7 dev v0 managed",
        "neigh add 2001:db8::2 lladdr 02:00:00:00:00:12 dev v0 router",
        "neigh add 2001:db8::3 lladdr 02:00:00:00:00:13 dev v0 nud stale router",
        "neigh add proxy 192.0.2.9 dev v0",
    ]
    .iter()
    .map(|line| (*line).to_owned())
    .collect();
    ip_batch(None, "neigh", &lines)?;
    let status = Command::new("bridge")
        .args(["fdb", "add", "02:00:00:00:00:c1", "dev", "v1", "master"])
        .status()?;
    let status2 = Command::new("bridge")
        .args(["fdb", "add", "02:00:00:00:00:c2", "dev", "v1", "self"])
        .status()?;
    if !status.success() || !status2.success() {
        return Err("bridge fdb add failed".into());
    }
    // Let the MLD reports that make the kernel's own multicast entries go out first.
    thread::sleep(Duration::from_secs(3));

    let mut cap = Capture {
        out,
        sock: NlSocket::open(true)?,
        summary: Vec::new(),
    };
    cap.dump_pair(
        "neighs.bin",
        RTM_GETNEIGH,
        &ndmsg(AF_UNSPEC),
        None,
        "neighs.ip.json",
        &["-j", "neigh", "show", "nud", "all"],
    )?;
    cap.dump_pair(
        "fdb.bin",
        RTM_GETNEIGH,
        &ndmsg(AF_BRIDGE),
        None,
        "fdb.ip.json",
        &["-j", "-f", "bridge", "neigh", "show"],
    )?;
    Ok(cap.summary)
}

/// The payload of an `IFLA_LINKINFO` nest holding only `IFLA_INFO_KIND` = `kind`
/// (no `NLA_F_NESTED`, as iproute2 sends it).
fn nested_kind(kind: &str) -> Vec<u8> {
    // Reuse the attribute encoder, then drop the 16-byte message header.
    Request::new(0, 0, 0)
        .attr_str(IFLA_INFO_KIND, kind)
        .finish()[NLMSG_HDRLEN..]
        .to_vec()
}

/// Entry point: checks the arguments, runs the worker thread, prints the summary.
fn main() -> Result<()> {
    let mut args = std::env::args_os().skip(1);
    let (Some(out), only) = (args.next(), args.next()) else {
        return Err("usage: capture_fixtures OUTPUT_DIR [neigh] (as root)".into());
    };
    let neigh = match only {
        None => false,
        Some(word) if word == "neigh" => true,
        Some(_) => return Err("usage: capture_fixtures OUTPUT_DIR [neigh] (as root)".into()),
    };
    let out = Path::new(&out);
    fs::create_dir_all(out)?;
    let out = out.canonicalize()?;

    let summary = thread::Builder::new()
        .name("capture".into())
        .spawn(move || {
            if neigh {
                capture_neigh(out)
            } else {
                capture(out)
            }
        })?
        .join()
        .map_err(|_| "the capture thread panicked")??;

    println!(
        "kernel {}",
        fs::read_to_string("/proc/sys/kernel/osrelease")?.trim()
    );
    println!("{}", String::from_utf8_lossy(&ip(&["-V"])?).trim());
    for line in summary {
        println!("{line}");
    }
    Ok(())
}
