//! The `NETLINK_ROUTE` socket: open, bind, options, multicast groups, send and receive.

use rustix::fd::{AsFd, BorrowedFd, OwnedFd};
use rustix::io::Errno;
use rustix::net::netlink::SocketAddrNetlink;
use rustix::net::{self as net, AddressFamily, RecvFlags, SendFlags, SocketFlags, SocketType};

use crate::sockopt::{self, SOL_NETLINK, netlink_opt};
use crate::strerror::fmt_errno;

/// The receive buffer size this crate recommends for dumps: 32 KiB.
///
/// The kernel sizes dump datagrams from the reader's buffer but caps them near 32 KiB
/// (libmnl's `MNL_SOCKET_DUMP_SIZE`), so a buffer of this size receives every dump datagram
/// whole unless a single message is larger than that.
#[doc(alias = "MNL_SOCKET_DUMP_SIZE")]
pub const RECV_BUFFER_SIZE: usize = 32 * 1024;

/// One datagram as [`Socket::recv`] or a [`Transport`](crate::Transport) received it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Datagram {
    /// The datagram's real length (`recvfrom` with `MSG_TRUNC`); larger than the buffer when
    /// the datagram did not fit.
    pub len: usize,
    /// The sender's port id (`nl_pid` of the source address); 0 is the kernel.
    pub port: u32,
}

impl Datagram {
    /// Whether the datagram was longer than the buffer it was read into.
    pub fn truncated(&self, capacity: usize) -> bool {
        self.len > capacity
    }
}

/// Why [`Socket::recv`] failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecvError {
    /// `recvfrom(2)` failed; `ENOBUFS` means the kernel dropped messages for this socket.
    Os(Errno),
    /// The datagram was larger than the buffer. It has been consumed (the socket stays in
    /// sync) and only its first `capacity` bytes are in the buffer.
    Truncated {
        /// The datagram's length.
        len: usize,
        /// The buffer's length.
        capacity: usize,
        /// The sender's port id.
        port: u32,
    },
}

impl core::fmt::Display for RecvError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Self::Os(e) => fmt_errno(f, *e),
            Self::Truncated { len, capacity, .. } => write!(
                f,
                "netlink datagram of {len} bytes does not fit the {capacity}-byte receive buffer"
            ),
        }
    }
}

impl core::error::Error for RecvError {}

/// A bound `NETLINK_ROUTE` socket (`socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE)`).
///
/// [`Socket::new`] binds it to a port id the kernel picks and turns on extended acks and
/// strict checking; the other options have setters. The socket belongs to the network
/// namespace of the thread that opened it, for its whole life.
///
/// # References
///  - [`netlink(7)`](https://man7.org/linux/man-pages/man7/netlink.7.html)
///  - [`rtnetlink(7)`](https://man7.org/linux/man-pages/man7/rtnetlink.7.html)
#[derive(Debug)]
pub struct Socket {
    fd: OwnedFd,
    port: u32,
}

impl Socket {
    /// `socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE)` + `bind` + `getsockname`,
    /// then `NETLINK_EXT_ACK` and `NETLINK_GET_STRICT_CHK` on.
    ///
    /// The socket is bound with port id 0, so the kernel assigns a unique one, read back with
    /// `getsockname` ([`Socket::port_id`]). Replies come from port 0 (the kernel) and carry
    /// this port id in `nlmsg_pid`.
    ///
    /// # References
    ///  - [`socket(2)`](https://man7.org/linux/man-pages/man2/socket.2.html)
    ///  - [`bind(2)`](https://man7.org/linux/man-pages/man2/bind.2.html)
    ///  - [`getsockname(2)`](https://man7.org/linux/man-pages/man2/getsockname.2.html)
    ///  - [`netlink(7)`](https://man7.org/linux/man-pages/man7/netlink.7.html)
    pub fn new() -> Result<Self, Errno> {
        let socket = Self::new_unconfigured()?;
        socket.set_ext_ack(true)?;
        socket.set_strict_check(true)?;
        Ok(socket)
    }

    /// `socket` + `bind` + `getsockname`, with every option left at the kernel's default.
    ///
    /// # References
    ///  - [`socket(2)`](https://man7.org/linux/man-pages/man2/socket.2.html)
    ///  - [`bind(2)`](https://man7.org/linux/man-pages/man2/bind.2.html)
    pub fn new_unconfigured() -> Result<Self, Errno> {
        let fd = net::socket_with(
            AddressFamily::NETLINK,
            SocketType::RAW,
            SocketFlags::CLOEXEC,
            // `NETLINK_ROUTE` is protocol 0, which rustix spells `None`.
            None,
        )?;
        net::bind(&fd, &SocketAddrNetlink::new(0, 0))?;
        let addr = net::getsockname(&fd)?;
        let port = SocketAddrNetlink::try_from(addr)
            .map_err(|_| Errno::AFNOSUPPORT)?
            .pid();
        Ok(Self { fd, port })
    }

    /// The port id the kernel assigned at `bind` (`nl_pid` from `getsockname`).
    pub fn port_id(&self) -> u32 {
        self.port
    }

    fn set_flag(&self, name: i32, on: bool) -> Result<(), Errno> {
        sockopt::set_int(self.fd.as_fd(), SOL_NETLINK, name, i32::from(on))
    }

    fn flag(&self, name: i32) -> Result<bool, Errno> {
        sockopt::get_int(self.fd.as_fd(), SOL_NETLINK, name).map(|v| v != 0)
    }

    /// `setsockopt(SOL_NETLINK, NETLINK_EXT_ACK)`: errors carry the kernel's text and the
    /// offset of the offending attribute. On by default.
    ///
    /// # References
    ///  - [`netlink(7)`](https://man7.org/linux/man-pages/man7/netlink.7.html)
    #[doc(alias = "NETLINK_EXT_ACK")]
    pub fn set_ext_ack(&self, on: bool) -> Result<(), Errno> {
        self.set_flag(netlink_opt::EXT_ACK, on)
    }

    /// `getsockopt(SOL_NETLINK, NETLINK_EXT_ACK)`.
    pub fn ext_ack(&self) -> Result<bool, Errno> {
        self.flag(netlink_opt::EXT_ACK)
    }

    /// `setsockopt(SOL_NETLINK, NETLINK_GET_STRICT_CHK)`: the kernel rejects malformed dump
    /// requests instead of guessing, and honours dump filters. On by default.
    ///
    /// # References
    ///  - [`netlink(7)`](https://man7.org/linux/man-pages/man7/netlink.7.html)
    #[doc(alias = "NETLINK_GET_STRICT_CHK")]
    pub fn set_strict_check(&self, on: bool) -> Result<(), Errno> {
        self.set_flag(netlink_opt::GET_STRICT_CHK, on)
    }

    /// `getsockopt(SOL_NETLINK, NETLINK_GET_STRICT_CHK)`.
    pub fn strict_check(&self) -> Result<bool, Errno> {
        self.flag(netlink_opt::GET_STRICT_CHK)
    }

    /// `setsockopt(SOL_NETLINK, NETLINK_CAP_ACK)`: error replies echo only the header of the
    /// failed request, not its whole body. Off by default.
    ///
    /// # References
    ///  - [`netlink(7)`](https://man7.org/linux/man-pages/man7/netlink.7.html)
    #[doc(alias = "NETLINK_CAP_ACK")]
    pub fn set_cap_ack(&self, on: bool) -> Result<(), Errno> {
        self.set_flag(netlink_opt::CAP_ACK, on)
    }

    /// `getsockopt(SOL_NETLINK, NETLINK_CAP_ACK)`.
    pub fn cap_ack(&self) -> Result<bool, Errno> {
        self.flag(netlink_opt::CAP_ACK)
    }

    /// `setsockopt(SOL_NETLINK, NETLINK_LISTEN_ALL_NSID)`: receive the multicast groups this
    /// socket joined from every peer namespace that has an nsid here. Needs `CAP_NET_BROADCAST`.
    ///
    /// # References
    ///  - [`netlink(7)`](https://man7.org/linux/man-pages/man7/netlink.7.html)
    #[doc(alias = "NETLINK_LISTEN_ALL_NSID")]
    pub fn set_listen_all_nsid(&self, on: bool) -> Result<(), Errno> {
        self.set_flag(netlink_opt::LISTEN_ALL_NSID, on)
    }

    /// `setsockopt(SOL_NETLINK, NETLINK_NO_ENOBUFS)`: do not report `ENOBUFS` when the kernel
    /// drops multicast messages because the receive queue is full. Off by default, and best
    /// left off: the `ENOBUFS` ([`Error::Overrun`](crate::Error::Overrun)) is how a listener
    /// learns it must resynchronise with a dump.
    ///
    /// # References
    ///  - [`netlink(7)`](https://man7.org/linux/man-pages/man7/netlink.7.html)
    #[doc(alias = "NETLINK_NO_ENOBUFS")]
    pub fn set_no_enobufs(&self, on: bool) -> Result<(), Errno> {
        self.set_flag(netlink_opt::NO_ENOBUFS, on)
    }

    /// `getsockopt(SOL_NETLINK, NETLINK_NO_ENOBUFS)`.
    pub fn no_enobufs(&self) -> Result<bool, Errno> {
        self.flag(netlink_opt::NO_ENOBUFS)
    }

    /// `setsockopt(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, group)`: receive the multicast group
    /// `group` (an `RTNLGRP_*` number, such as `rtnl_codec::rtnlgrp::LINK`).
    ///
    /// # References
    ///  - [`netlink(7)`](https://man7.org/linux/man-pages/man7/netlink.7.html)
    ///  - [`rtnetlink(7)`](https://man7.org/linux/man-pages/man7/rtnetlink.7.html)
    #[doc(alias = "NETLINK_ADD_MEMBERSHIP")]
    pub fn join_group(&self, group: u32) -> Result<(), Errno> {
        let group = i32::try_from(group).map_err(|_| Errno::INVAL)?;
        sockopt::set_int(
            self.fd.as_fd(),
            SOL_NETLINK,
            netlink_opt::ADD_MEMBERSHIP,
            group,
        )
    }

    /// `setsockopt(SOL_NETLINK, NETLINK_DROP_MEMBERSHIP, group)`: stop receiving `group`.
    ///
    /// # References
    ///  - [`netlink(7)`](https://man7.org/linux/man-pages/man7/netlink.7.html)
    #[doc(alias = "NETLINK_DROP_MEMBERSHIP")]
    pub fn leave_group(&self, group: u32) -> Result<(), Errno> {
        let group = i32::try_from(group).map_err(|_| Errno::INVAL)?;
        sockopt::set_int(
            self.fd.as_fd(),
            SOL_NETLINK,
            netlink_opt::DROP_MEMBERSHIP,
            group,
        )
    }

    /// `setsockopt(SOL_SOCKET, SO_RCVBUF, size)`: the receive queue limit, capped by
    /// `net.core.rmem_max`. The kernel doubles the value for bookkeeping.
    ///
    /// # References
    ///  - [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias = "SO_RCVBUF")]
    pub fn set_recv_buffer_size(&self, size: usize) -> Result<(), Errno> {
        net::sockopt::set_socket_recv_buffer_size(&self.fd, size)
    }

    /// `setsockopt(SOL_SOCKET, SO_RCVBUFFORCE, size)`: like [`Socket::set_recv_buffer_size`]
    /// but past `net.core.rmem_max`; needs `CAP_NET_ADMIN`.
    ///
    /// # References
    ///  - [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    #[doc(alias = "SO_RCVBUFFORCE")]
    pub fn set_recv_buffer_size_force(&self, size: usize) -> Result<(), Errno> {
        net::sockopt::set_socket_recv_buffer_size_force(&self.fd, size)
    }

    /// `getsockopt(SOL_SOCKET, SO_RCVBUF)`: the receive queue limit in bytes, as doubled by
    /// the kernel.
    ///
    /// # References
    ///  - [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    pub fn recv_buffer_size(&self) -> Result<usize, Errno> {
        net::sockopt::socket_recv_buffer_size(&self.fd)
    }

    /// `getsockopt(SOL_SOCKET, SO_SNDBUF)`: the send buffer size; netlink refuses a datagram
    /// longer than this minus 32 bytes with `EMSGSIZE`.
    ///
    /// # References
    ///  - [`socket(7)`](https://man7.org/linux/man-pages/man7/socket.7.html)
    pub fn send_buffer_size(&self) -> Result<usize, Errno> {
        net::sockopt::socket_send_buffer_size(&self.fd)
    }

    /// `send(fd, datagram, 0)`: sends one datagram (one or more netlink messages) to the
    /// kernel, retrying on `EINTR`.
    ///
    /// # References
    ///  - [`send(2)`](https://man7.org/linux/man-pages/man2/send.2.html)
    pub fn send(&self, datagram: &[u8]) -> Result<usize, Errno> {
        loop {
            match net::send(&self.fd, datagram, SendFlags::empty()) {
                Err(Errno::INTR) => continue,
                r => return r,
            }
        }
    }

    /// `sendto(fd, datagram, 0, {nl_pid: port})`: sends one datagram to another netlink
    /// socket (port id `port`) instead of the kernel. Sending to a user port needs
    /// `CAP_NET_ADMIN`; tests use it to forge replies.
    ///
    /// # References
    ///  - [`sendto(2)`](https://man7.org/linux/man-pages/man2/sendto.2.html)
    pub fn send_to_port(&self, datagram: &[u8], port: u32) -> Result<usize, Errno> {
        let addr = SocketAddrNetlink::new(port, 0);
        loop {
            match net::sendto(&self.fd, datagram, SendFlags::empty(), &addr) {
                Err(Errno::INTR) => continue,
                r => return r,
            }
        }
    }

    /// `recvfrom(fd, buf, MSG_TRUNC)`: receives one datagram into `buf`, retrying on `EINTR`.
    ///
    /// A datagram larger than `buf` is never cut silently: it is consumed (so the next call
    /// reads the next datagram and the socket stays in sync) and reported as
    /// [`RecvError::Truncated`] with its real length; `buf` then holds its first bytes. To size
    /// a buffer before reading, use [`Socket::peek_len`].
    ///
    /// `ENOBUFS` ([`RecvError::Os`]) means the kernel dropped messages for this socket.
    ///
    /// # References
    ///  - [`recvfrom(2)`](https://man7.org/linux/man-pages/man2/recvfrom.2.html)
    ///  - [`netlink(7)`](https://man7.org/linux/man-pages/man7/netlink.7.html)
    pub fn recv(&self, buf: &mut [u8]) -> Result<Datagram, RecvError> {
        let capacity = buf.len();
        let d = self.recv_raw(buf, false).map_err(RecvError::Os)?;
        if d.truncated(capacity) {
            return Err(RecvError::Truncated {
                len: d.len,
                capacity,
                port: d.port,
            });
        }
        Ok(d)
    }

    /// `recvfrom(fd, buf, MSG_TRUNC [| MSG_DONTWAIT])`: one datagram, reporting its real length
    /// even when it was longer than `buf` (then only `buf.len()` bytes were kept).
    /// `EAGAIN` when `nonblocking` and nothing is queued.
    ///
    /// # References
    ///  - [`recvfrom(2)`](https://man7.org/linux/man-pages/man2/recvfrom.2.html)
    pub fn recv_raw(&self, buf: &mut [u8], nonblocking: bool) -> Result<Datagram, Errno> {
        let mut flags = RecvFlags::TRUNC;
        if nonblocking {
            flags |= RecvFlags::DONTWAIT;
        }
        loop {
            match net::recvfrom(&self.fd, &mut *buf, flags) {
                Err(Errno::INTR) => continue,
                Err(e) => return Err(e),
                Ok((_, len, addr)) => {
                    let port = addr
                        .and_then(|a| SocketAddrNetlink::try_from(a).ok())
                        .map_or(0, |a| a.pid());
                    return Ok(Datagram { len, port });
                }
            }
        }
    }

    /// [`Socket::recv_raw`] through `recvmsg(2)`, with the nsid a socket with
    /// [`Socket::set_listen_all_nsid`] learns of each datagram: the namespace it came from
    /// (`None` for this socket's own namespace, as `ip monitor all-nsid` prints
    /// `[nsid current]`).
    ///
    /// # References
    ///  - [`recvmsg(2)`](https://man7.org/linux/man-pages/man2/recvmsg.2.html)
    ///  - [`netlink(7)`](https://man7.org/linux/man-pages/man7/netlink.7.html)
    pub fn recv_raw_nsid(
        &self,
        buf: &mut [u8],
        nonblocking: bool,
    ) -> Result<(Datagram, Option<i32>), Errno> {
        let mut flags = RecvFlags::TRUNC;
        if nonblocking {
            flags |= RecvFlags::DONTWAIT;
        }
        loop {
            match sockopt::recvmsg_nsid(self.fd.as_fd(), buf, flags) {
                Err(Errno::INTR) => continue,
                Err(e) => return Err(e),
                Ok((len, addr, nsid)) => {
                    let port = addr
                        .and_then(|a| SocketAddrNetlink::try_from(a).ok())
                        .map_or(0, |a| a.pid());
                    return Ok((Datagram { len, port }, nsid));
                }
            }
        }
    }

    /// `recv(fd, NULL, 0, MSG_PEEK | MSG_TRUNC)`: the length of the next datagram, without
    /// consuming it; blocks until one is queued.
    ///
    /// # References
    ///  - [`recv(2)`](https://man7.org/linux/man-pages/man2/recv.2.html)
    pub fn peek_len(&self) -> Result<usize, Errno> {
        let mut empty = [0u8; 0];
        loop {
            match net::recv(&self.fd, &mut empty[..], RecvFlags::PEEK | RecvFlags::TRUNC) {
                Err(Errno::INTR) => continue,
                Err(e) => return Err(e),
                Ok((_, len)) => return Ok(len),
            }
        }
    }
}

impl AsFd for Socket {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.fd.as_fd()
    }
}

impl From<Socket> for OwnedFd {
    fn from(s: Socket) -> OwnedFd {
        s.fd
    }
}
