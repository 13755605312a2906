//! Netlink sockets, the rtnetlink request engine and network-namespace syscalls, over rustix.
//!
//! - [`Socket`]: a bound `NETLINK_ROUTE` socket with extended acks and strict checking on,
//!   multicast groups, and a receive that never cuts a datagram silently.
//! - [`Engine`]: request → ACK, request → one reply, dumps with a callback per message,
//!   pipelined batches, events; every message checked (sender, port id, sequence number),
//!   kernel errors with their extended-ack text. Generic over a [`Transport`], so it runs
//!   against scripted replies in tests. Every blocking receive can be given a [`Deadline`]
//!   ([`Engine::set_timeout`], [`Engine::set_deadline`]); expiry is [`Error::TimedOut`].
//! - [`NetnsFd`], [`NetnsGuard`], [`unshare_net`]: network namespaces by fd;
//!   [`RunDir`]: named namespaces the way `ip netns` keeps them; with `std`, [`run_in`] runs
//!   code on a dedicated thread inside a namespace; [`NetnsExec`]: what `ip netns exec` does
//!   before it executes a command (and, with `std`, [`exec`] and [`NetnsExec::run`], `ip`'s
//!   `execvp` and its child, or [`CommandNetnsExt`] for a [`std::process::Command`]);
//!   [`NetnsWatch`]: names added and deleted (`ip netns monitor`).
//!
//! Without the default `std` feature the crate needs neither `std` nor an allocator: paths
//! are built in fixed buffers and error texts kept in fixed-capacity strings. Only
//! [`NetnsExec::run`] calls `fork()`, for a child that makes system calls only and executes
//! a command: the caller may be multi-threaded, and namespace changes are made on the calling
//! thread (with a guard) or on a dedicated thread.
//!
//! # Unsafe code
//!
//! The crate is `#![deny(unsafe_code)]`; every system call goes through rustix, except where
//! rustix cannot make it. These modules allow `unsafe`, and each block carries a `// SAFETY:`
//! proof:
//!
//! - `sockopt`: `setsockopt(2)` and `getsockopt(2)` at level [`SOL_NETLINK`] (rustix has no
//!   netlink options), through libc, the read of `errno` after they fail, and the read of the
//!   nsid control message `NETLINK_LISTEN_ALL_NSID` adds to `recvmsg(2)`: four blocks.
//! - `netns`: [`unshare_net`] calls rustix's `unshare_unsafe`, which is `unsafe` because of
//!   `CLONE_FILES`; only `CLONE_NEWNET` is passed: one block.
//! - `resolve`: [`host_name`] calls the C library's `getnameinfo(3)` (`ip -r`): one block.
//! - `exec`: [`NetnsExec::enter`] calls rustix's `unshare_unsafe` with `CLONE_NEWNS` only;
//!   [`exec`] and [`NetnsExec::run`] call the C library's `signal(2)`, `execvp(3)`, `fork(2)`
//!   and `_exit(2)` (rustix has no `execvp`, and `fork` only as a raw runtime call that skips
//!   the C library's own bookkeeping): four blocks.
//! - `startup`: [`startup::ignore_sigpipe`] calls libc's `signal(2)` (rustix has it only as an
//!   `unsafe` runtime call): one block.
//!
//! # Example
//!
//! ```no_run
//! use rtnl_codec::{LinkMessage, MessageBuilder, ifla, rtm, raw::IfInfoMsg};
//! use rtnl_sys::{Engine, RECV_BUFFER_SIZE, Socket};
//!
//! let mut engine = Engine::new(Socket::new()?);
//! let mut request = [0u8; 64];
//! let mut b = MessageBuilder::new(&mut request, rtm::GETLINK, 0, 0)?;
//! b.header(&IfInfoMsg::default())?.put_str(ifla::IFNAME, "lo")?;
//! let len = b.finish().len();
//!
//! let mut buf = vec![0u8; RECV_BUFFER_SIZE];
//! let reply = engine.request_reply(&mut request[..len], &mut buf)?;
//! let lo = LinkMessage::parse(reply)?;
//! assert_eq!(lo.index(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # References
//!  - [`netlink(7)`](https://man7.org/linux/man-pages/man7/netlink.7.html)
//!  - [`rtnetlink(7)`](https://man7.org/linux/man-pages/man7/rtnetlink.7.html)
//!  - [`network_namespaces(7)`](https://man7.org/linux/man-pages/man7/network_namespaces.7.html)
//!  - [`ip-netns(8)`](https://man7.org/linux/man-pages/man8/ip-netns.8.html)
#![no_std]
#![deny(unsafe_code)]

#[cfg(feature = "std")]
extern crate std;

mod deadline;
/// The README's example, compiled as a doctest so it cannot go stale (`no_run`: it needs a
/// kernel).
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

mod engine;
mod error;
mod events;
mod exec;
mod ifreq;
mod named;
mod netns;
mod path;
mod resolve;
mod socket;
mod sockopt;
#[cfg(feature = "std")]
pub mod startup;
mod strerror;
#[cfg(feature = "std")]
mod thread;
mod transport;
mod tun;
mod watch;

pub use deadline::{Deadline, Waiting, wait_readable};
pub use engine::{Engine, Pass, Stats};
pub use error::{Ack, EXT_ACK_TEXT_CAPACITY, Error, ExtAckInfo, ExtAckText, KernelError};
#[cfg(feature = "std")]
pub use exec::{CommandNetnsExt, exec};
pub use exec::{DEFAULT_ETC_DIR, NetnsExec};
pub use ifreq::{link_flags, link_name};
pub use named::{
    DEFAULT_RUN_DIR, NAME_MAX, NSFS_MAGIC, NetnsError, NetnsName, NetnsOp, RunDir, is_leftover,
    validate_name,
};
pub use netns::{NetnsFd, NetnsGuard, NetnsId, THREAD_SELF_NS_NET, unshare_net};
pub use path::PATH_MAX;
pub use resolve::{NI_MAXHOST, host_name};
pub use socket::{Datagram, RECV_BUFFER_SIZE, RecvError, Socket};
pub use sockopt::{SOL_NETLINK, netlink_opt};
pub use strerror::strerror;
#[cfg(feature = "std")]
pub use thread::{run_in, run_in_new};
pub use transport::{ACK_TRUESIZE, BatchLimits, Transport};
pub use tun::{TunError, TunOp, tun_add, tun_attach, tun_del, tun_f};
pub use watch::{NetnsChange, NetnsWatch, WATCH_BUFFER_MIN};
