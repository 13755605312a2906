//! What the request engine needs from a socket, so it can run against scripted replies.

use rustix::io::Errno;

use crate::deadline::Deadline;
use crate::socket::{Datagram, Socket};

/// How a [`batch`](crate::Engine::batch) is cut into `send` calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BatchLimits {
    /// The longest datagram one `send` may carry. Netlink refuses a datagram longer than the
    /// socket's send buffer minus 32 bytes (`EMSGSIZE`).
    pub max_datagram: usize,
    /// How many requests may await their acknowledgement at once. The kernel queues one ACK
    /// per request on the receive queue and drops it (`ENOBUFS`) when the queue is full, so
    /// this is bounded by the receive buffer. At most [`BatchLimits::MAX_IN_FLIGHT`].
    pub max_in_flight: usize,
}

impl BatchLimits {
    /// The most requests one batch chunk may hold (the size of the engine's ACK bitmap).
    pub const MAX_IN_FLIGHT: usize = 1024;

    /// Limits safe for a socket with the kernel's default buffer sizes.
    pub const DEFAULT: Self = Self {
        max_datagram: 32 * 1024,
        max_in_flight: 64,
    };
}

impl Default for BatchLimits {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// A datagram channel to the kernel's netlink: what [`Engine`](crate::Engine) sends and
/// receives through.
///
/// [`Socket`] is the real one; the engine's unit tests use a scripted one.
pub trait Transport {
    /// This end's port id (`nl_pid`); the kernel puts it in `nlmsg_pid` of its replies.
    fn port_id(&self) -> u32;

    /// Sends one datagram to the kernel; returns the bytes sent.
    fn send(&mut self, datagram: &[u8]) -> Result<usize, Errno>;

    /// Receives one datagram into `buf`, with its real length (which may exceed `buf.len()`,
    /// as with `MSG_TRUNC`: then only the first `buf.len()` bytes are in `buf`, and the
    /// datagram has been consumed) and the sender's port id.
    ///
    /// With `nonblocking`, returns `EAGAIN` instead of waiting when nothing is queued.
    fn recv(&mut self, buf: &mut [u8], nonblocking: bool) -> Result<Datagram, Errno>;

    /// Waits until a datagram (or an error) is queued, or `deadline` passes: `false` when it
    /// passed with nothing queued. The engine calls it before each blocking
    /// [`recv`](Transport::recv) when it has a deadline.
    ///
    /// The default says "ready" at once, so a transport that does not override it has no
    /// deadlines: its `recv` blocks as long as it blocks.
    fn wait_readable(&mut self, deadline: Deadline) -> Result<bool, Errno> {
        let _ = deadline;
        Ok(true)
    }

    /// How batches are split into datagrams on this transport.
    fn batch_limits(&self) -> BatchLimits {
        BatchLimits::DEFAULT
    }
}

impl<T: Transport + ?Sized> Transport for &mut T {
    fn port_id(&self) -> u32 {
        (**self).port_id()
    }
    fn send(&mut self, datagram: &[u8]) -> Result<usize, Errno> {
        (**self).send(datagram)
    }
    fn recv(&mut self, buf: &mut [u8], nonblocking: bool) -> Result<Datagram, Errno> {
        (**self).recv(buf, nonblocking)
    }
    fn wait_readable(&mut self, deadline: Deadline) -> Result<bool, Errno> {
        (**self).wait_readable(deadline)
    }
    fn batch_limits(&self) -> BatchLimits {
        (**self).batch_limits()
    }
}

impl Transport for Socket {
    fn port_id(&self) -> u32 {
        Socket::port_id(self)
    }

    fn send(&mut self, datagram: &[u8]) -> Result<usize, Errno> {
        Socket::send(self, datagram)
    }

    fn recv(&mut self, buf: &mut [u8], nonblocking: bool) -> Result<Datagram, Errno> {
        self.recv_raw(buf, nonblocking)
    }

    /// `poll(POLLIN)` with the time left ([`Socket::wait_readable`]).
    fn wait_readable(&mut self, deadline: Deadline) -> Result<bool, Errno> {
        Socket::wait_readable(self, deadline)
    }

    /// From the socket's buffer sizes: datagrams up to `SO_SNDBUF - 32`, and as many
    /// requests in flight as ACKs fit in half of `SO_RCVBUF` (see [`ACK_TRUESIZE`]).
    fn batch_limits(&self) -> BatchLimits {
        let sndbuf = self.send_buffer_size().unwrap_or(0);
        let rcvbuf = self.recv_buffer_size().unwrap_or(0);
        BatchLimits {
            max_datagram: sndbuf
                .saturating_sub(32)
                .max(BatchLimits::DEFAULT.max_datagram),
            max_in_flight: (rcvbuf / 2 / ACK_TRUESIZE).clamp(1, BatchLimits::MAX_IN_FLIGHT),
        }
    }
}

/// What one queued ACK costs in a netlink socket's receive queue, in bytes: the kernel
/// charges an skb's `truesize` (its data buffer plus `struct sk_buff`), not the message length.
pub const ACK_TRUESIZE: usize = 1024;
