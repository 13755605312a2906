//! Deadlines: how long a blocking receive may wait, and what it was waiting for when it gave up.
//!
//! A [`Deadline`] is a moment on `CLOCK_MONOTONIC` (which wall-clock changes do not move).
//! Before every blocking `recvfrom` the engine `poll(2)`s the socket for the time left, so no
//! helper thread and no signal is involved; when the time is up the call fails with
//! [`Error::TimedOut`](crate::Error::TimedOut), naming a [`Waiting`].

use core::fmt;
use core::time::Duration;

use rustix::event::{PollFd, PollFlags, Timespec};
use rustix::fd::AsFd;
use rustix::io::Errno;
#[cfg(not(feature = "std"))]
use rustix::time::{ClockId, clock_gettime};

use crate::socket::Socket;

/// A moment on `CLOCK_MONOTONIC` by which a blocking call must return.
///
/// Ordered: the earlier of two deadlines is their `min`.
///
/// # References
///  - [`clock_gettime(2)`](https://man7.org/linux/man-pages/man2/clock_gettime.2.html)
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Deadline {
    /// Time since the monotonic clock's origin.
    at: Duration,
}

/// `clock_gettime(CLOCK_MONOTONIC)` as a duration since a fixed origin: with `std`, through
/// [`std::time::Instant`] (the C library's `clock_gettime`, which a program with `std` links
/// anyway; rustix's own reader would add its vDSO lookup, about 2 KB), measured from the
/// first reading in the process.
#[cfg(feature = "std")]
fn monotonic_now() -> Duration {
    static ORIGIN: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    ORIGIN.get_or_init(std::time::Instant::now).elapsed()
}

/// `clock_gettime(CLOCK_MONOTONIC)` as a duration since the clock's origin.
#[cfg(not(feature = "std"))]
fn monotonic_now() -> Duration {
    let now = clock_gettime(ClockId::Monotonic);
    // The monotonic clock never reads negative; a negative field would be a kernel bug.
    Duration::new(
        u64::try_from(now.tv_sec).unwrap_or(0),
        u32::try_from(now.tv_nsec).unwrap_or(0),
    )
}

impl Deadline {
    /// The deadline `timeout` from now (saturating: a huge timeout is a deadline that does not
    /// come).
    pub fn after(timeout: Duration) -> Self {
        Self {
            at: monotonic_now().saturating_add(timeout),
        }
    }

    /// The deadline that is now: a wait with it only takes what is already queued.
    pub fn now() -> Self {
        Self::after(Duration::ZERO)
    }

    /// The time left, zero once it has passed.
    pub fn remaining(&self) -> Duration {
        self.at.saturating_sub(monotonic_now())
    }

    /// Whether the deadline has passed.
    pub fn has_passed(&self) -> bool {
        self.remaining().is_zero()
    }

    /// The earlier of two optional deadlines (`None` is no deadline, so it loses).
    pub fn earliest(a: Option<Deadline>, b: Option<Deadline>) -> Option<Deadline> {
        match (a, b) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

/// What a blocking call was waiting for when its deadline passed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Waiting {
    /// The `NLMSG_ERROR` acknowledging a request ([`Engine::request_ack`](crate::Engine::request_ack)).
    Ack,
    /// The one message answering a `GET` ([`Engine::request_reply`](crate::Engine::request_reply)).
    Reply,
    /// The next part of a dump, up to its `NLMSG_DONE` ([`Engine::dump`](crate::Engine::dump)).
    Dump,
    /// The acknowledgements of a batch ([`Engine::batch`](crate::Engine::batch)).
    Batch,
    /// A multicast notification ([`Engine::recv_events`](crate::Engine::recv_events), a
    /// monitor, a wait for a state).
    Event,
}

impl fmt::Display for Waiting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Ack => "the kernel's acknowledgement",
            Self::Reply => "the kernel's reply",
            Self::Dump => "the rest of a dump",
            Self::Batch => "the acknowledgements of a batch",
            Self::Event => "an event",
        })
    }
}

/// `poll(fd, POLLIN, remaining)`: whether `fd` became readable before `deadline`, retrying
/// with the time left after `EINTR`. A deadline that has passed still reports what is queued
/// (a zero-timeout poll), so a ready answer is never thrown away.
///
/// # References
///  - [`poll(2)`](https://man7.org/linux/man-pages/man2/poll.2.html)
pub fn wait_readable(fd: impl AsFd, deadline: Deadline) -> Result<bool, Errno> {
    loop {
        // A wait too long for a timespec (past year 2^63) is a wait without end.
        let timeout = Timespec::try_from(deadline.remaining()).ok();
        let mut fds = [PollFd::new(&fd, PollFlags::IN)];
        match rustix::event::poll(&mut fds, timeout.as_ref()) {
            Err(Errno::INTR) => continue,
            Err(e) => return Err(e),
            // Readable, or an error (`POLLERR`: ENOBUFS) the next `recvfrom` reports.
            Ok(n) => return Ok(n > 0),
        }
    }
}

impl Socket {
    /// `poll(POLLIN)` until a datagram (or an error, such as `ENOBUFS`) is queued or
    /// `deadline` passes; `false` when it passed with nothing queued.
    ///
    /// # References
    ///  - [`poll(2)`](https://man7.org/linux/man-pages/man2/poll.2.html)
    pub fn wait_readable(&self, deadline: Deadline) -> Result<bool, Errno> {
        wait_readable(self, deadline)
    }
}
