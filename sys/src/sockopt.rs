//! `setsockopt`/`getsockopt` at level `SOL_NETLINK`, the options rustix does not cover.
//!
//! rustix has no call for netlink's own options, so this module calls the C library: its
//! `unsafe` blocks are `setsockopt` and `getsockopt`, each with an `int` option value that
//! lives on the stack for the length of the call, the read of `errno` after they fail, and the
//! read of the control message `NETLINK_LISTEN_ALL_NSID` adds to a datagram (rustix's
//! `recvmsg` receives it but has no variant for it).
//! It is one of the two modules of the crate allowed `unsafe` code; the other is
//! `netns` (see the crate docs, "Unsafe code").

#![allow(unsafe_code)]

use core::ffi::c_int;
use core::mem::size_of;

use rustix::fd::{AsRawFd, BorrowedFd};
use rustix::io::Errno;

/// `SOL_NETLINK`: the socket-option level of netlink's own options (`<linux/socket.h>`).
pub const SOL_NETLINK: i32 = 270;

/// Netlink socket options (`NETLINK_*` options in `<linux/netlink.h>`), for level
/// [`SOL_NETLINK`].
pub mod netlink_opt {
    /// `NETLINK_ADD_MEMBERSHIP`: join the multicast group given as the `int` value.
    #[doc(alias = "NETLINK_ADD_MEMBERSHIP")]
    pub const ADD_MEMBERSHIP: i32 = 1;
    /// `NETLINK_DROP_MEMBERSHIP`: leave the multicast group given as the `int` value.
    #[doc(alias = "NETLINK_DROP_MEMBERSHIP")]
    pub const DROP_MEMBERSHIP: i32 = 2;
    /// `NETLINK_NO_ENOBUFS`: do not report `ENOBUFS` when multicast messages were dropped.
    #[doc(alias = "NETLINK_NO_ENOBUFS")]
    pub const NO_ENOBUFS: i32 = 5;
    /// `NETLINK_LISTEN_ALL_NSID`: receive multicast notifications from every peer namespace
    /// that has an nsid in this socket's namespace.
    #[doc(alias = "NETLINK_LISTEN_ALL_NSID")]
    pub const LISTEN_ALL_NSID: i32 = 8;
    /// `NETLINK_CAP_ACK`: echo only the header of a failed request in `NLMSG_ERROR`.
    #[doc(alias = "NETLINK_CAP_ACK")]
    pub const CAP_ACK: i32 = 10;
    /// `NETLINK_EXT_ACK`: append extended-ack attributes (error text, offset) to errors.
    #[doc(alias = "NETLINK_EXT_ACK")]
    pub const EXT_ACK: i32 = 11;
    /// `NETLINK_GET_STRICT_CHK`: validate dump requests strictly (headers and filters).
    #[doc(alias = "NETLINK_GET_STRICT_CHK")]
    pub const GET_STRICT_CHK: i32 = 12;
}

/// The `errno` of the C library call that just failed on this thread.
pub(crate) fn last_errno() -> Errno {
    // SAFETY: `__errno_location` has no preconditions and returns a valid pointer to the
    // calling thread's `errno`, which is readable for the thread's lifetime.
    Errno::from_raw_os_error(unsafe { *libc::__errno_location() })
}

/// `setsockopt(fd, level, name, &value, sizeof(int))`: sets an `int`-valued socket option.
///
/// # References
///  - [`setsockopt(2)`](https://man7.org/linux/man-pages/man2/setsockopt.2.html)
///  - [`netlink(7)`](https://man7.org/linux/man-pages/man7/netlink.7.html)
pub fn set_int(fd: BorrowedFd<'_>, level: i32, name: i32, value: i32) -> Result<(), Errno> {
    let value: c_int = value;
    // SAFETY: `fd` is a live descriptor borrowed for the call; `&value` points to an
    // initialised `c_int` on this stack frame, valid for reads of `size_of::<c_int>()`
    // bytes until the call returns, and the kernel only reads `optlen` bytes from it.
    let rc = unsafe {
        libc::setsockopt(
            fd.as_raw_fd(),
            level,
            name,
            (&raw const value).cast(),
            size_of::<c_int>() as libc::socklen_t,
        )
    };
    if rc == 0 { Ok(()) } else { Err(last_errno()) }
}

/// `getsockopt(fd, level, name, &value, &len)`: reads an `int`-valued socket option.
///
/// # References
///  - [`getsockopt(2)`](https://man7.org/linux/man-pages/man2/getsockopt.2.html)
///  - [`netlink(7)`](https://man7.org/linux/man-pages/man7/netlink.7.html)
pub fn get_int(fd: BorrowedFd<'_>, level: i32, name: i32) -> Result<i32, Errno> {
    let mut value: c_int = 0;
    let mut len = size_of::<c_int>() as libc::socklen_t;
    // SAFETY: `fd` is a live descriptor borrowed for the call; `&mut value` is valid for
    // writes of `len` bytes (the size of a `c_int`) and `&mut len` for a `socklen_t`, both on
    // this stack frame until the call returns; the kernel writes at most `len` bytes.
    let rc = unsafe {
        libc::getsockopt(
            fd.as_raw_fd(),
            level,
            name,
            (&raw mut value).cast(),
            &raw mut len,
        )
    };
    if rc == 0 {
        Ok(value)
    } else {
        Err(last_errno())
    }
}

/// `CMSG_LEN(sizeof(int))`: the length of the control message carrying an nsid.
const NSID_CMSG_LEN: usize = size_of::<libc::cmsghdr>() + size_of::<c_int>();

/// Control-message space for one `int`, aligned as a `cmsghdr` is (so rustix uses it from its
/// first byte).
#[repr(C, align(8))]
struct NsidControl([core::mem::MaybeUninit<u8>; 32]);

/// `recvmsg(fd, buf, flags)` with room for the control message a socket with
/// `NETLINK_LISTEN_ALL_NSID` gets: the datagram's real length (with `MSG_TRUNC`), its sender,
/// and the nsid of the namespace it came from (`None`: this socket's own, or one without an
/// nsid here; the kernel then sends no control message).
///
/// # References
///  - [`recvmsg(2)`](https://man7.org/linux/man-pages/man2/recvmsg.2.html)
///  - [`netlink(7)`](https://man7.org/linux/man-pages/man7/netlink.7.html)
pub(crate) fn recvmsg_nsid(
    fd: BorrowedFd<'_>,
    buf: &mut [u8],
    flags: rustix::net::RecvFlags,
) -> Result<(usize, Option<rustix::net::SocketAddrAny>, Option<i32>), Errno> {
    use core::mem::MaybeUninit;
    let mut control = NsidControl([MaybeUninit::new(0); 32]);
    let mut iov = [rustix::io::IoSliceMut::new(buf)];
    let msg = {
        let mut ancillary = rustix::net::RecvAncillaryBuffer::new(&mut control.0);
        rustix::net::recvmsg(fd, &mut iov, &mut ancillary, flags)?
        // Dropping `ancillary` drains what rustix knows (descriptors, credentials); an nsid
        // message is skipped and left in `control` as the kernel wrote it.
    };
    // SAFETY: every byte of `control` was initialised to 0 above and the kernel writes only
    // initialised bytes into it, so each of the first `NSID_CMSG_LEN` (< 32) bytes is
    // initialised.
    let head: [u8; NSID_CMSG_LEN] = core::array::from_fn(|i| unsafe { control.0[i].assume_init() });
    let (len_bytes, rest) = head.split_at(size_of::<usize>());
    let word = |b: &[u8]| b.first_chunk::<4>().map_or(0, |w| i32::from_ne_bytes(*w));
    let cmsg_len = len_bytes.try_into().map_or(0, usize::from_ne_bytes);
    let (level, ty, data) = (word(rest), word(&rest[4..]), word(&rest[8..]));
    let nsid =
        (cmsg_len == NSID_CMSG_LEN && level == SOL_NETLINK && ty == netlink_opt::LISTEN_ALL_NSID)
            .then_some(data);
    Ok((msg.bytes, msg.address, nsid))
}
