//! `SIOCGIFFLAGS`: a link's `IFF_*` flags by name, and `SIOCGIFNAME` for names that are not
//! UTF-8: the interface ioctls rustix lacks (its `SIOCGIFNAME` refuses such names).
//!
//! Any socket answers it, a netlink socket included, for the namespace the socket belongs to,
//! so a caller holding a netlink socket learns a link's flags with one system call and no
//! netlink round trip (the name comes from rustix's `SIOCGIFNAME` wrapper,
//! `rustix::net::netdevice::index_to_name_inlined`).

#![allow(unsafe_code)]

use rustix::fd::{AsRawFd, BorrowedFd};
use rustix::io::Errno;

/// `IFNAMSIZ`: a link name and its NUL fit in this many bytes.
const IFNAMSIZ: usize = 16;

/// `ioctl(fd, SIOCGIFFLAGS, &ifr)`: the `IFF_*` flags of the link named `name` in the
/// namespace of `fd`'s socket (`ifr_flags` is 16 bits wide, so only the low flags are there;
/// `IFF_UP` is among them).
///
/// A name that is empty or does not fit `IFNAMSIZ` with its NUL is `ENODEV`, as the kernel
/// answers for a name it does not know.
///
/// # References
///  - [`netdevice(7)`](https://man7.org/linux/man-pages/man7/netdevice.7.html)
pub fn link_flags(fd: BorrowedFd<'_>, name: &[u8]) -> Result<u32, Errno> {
    if name.is_empty() || name.len() >= IFNAMSIZ || name.contains(&0) {
        return Err(Errno::NODEV);
    }
    // SAFETY: `ifreq` is a C struct of integers, arrays and a union of plain data, for which
    // all-zero bytes are a valid value.
    let mut ifr: libc::ifreq = unsafe { core::mem::zeroed() };
    for (slot, &byte) in ifr.ifr_name.iter_mut().zip(name) {
        *slot = byte as libc::c_char;
    }
    // The request number's type is the C library's (`unsigned long` in glibc, `int` in musl).
    let request = libc::SIOCGIFFLAGS as libc::Ioctl;
    // SAFETY: `fd` is a live descriptor borrowed for the call; `&mut ifr` points to a whole,
    // initialised `ifreq` on this stack frame, valid for reads and writes of its size until
    // the call returns, which is what SIOCGIFFLAGS reads (the NUL-terminated name) and writes
    // (`ifr_flags`).
    let rc = unsafe { libc::ioctl(fd.as_raw_fd(), request, &raw mut ifr) };
    if rc != 0 {
        // SAFETY: `__errno_location` has no preconditions and returns a valid pointer to the
        // calling thread's `errno`.
        return Err(Errno::from_raw_os_error(unsafe {
            *libc::__errno_location()
        }));
    }
    // SAFETY: SIOCGIFFLAGS succeeded, so the kernel wrote `ifru_flags`, a `c_short`, and every
    // bit pattern of a `c_short` is valid.
    let flags = unsafe { ifr.ifr_ifru.ifru_flags };
    Ok(u32::from(flags as u16))
}

/// `ioctl(fd, SIOCGIFNAME, &ifr)`: the name of link `index` in the namespace of `fd`'s socket,
/// as bytes (a name need not be UTF-8) with its length.
///
/// # Errors
/// `ENODEV` when there is no such link.
///
/// # References
///  - [`netdevice(7)`](https://man7.org/linux/man-pages/man7/netdevice.7.html)
pub fn link_name(fd: BorrowedFd<'_>, index: u32) -> Result<([u8; IFNAMSIZ], usize), Errno> {
    let index = i32::try_from(index).map_err(|_| Errno::NODEV)?;
    // SAFETY: `ifreq` is a C struct of integers, arrays and a union of plain data, for which
    // all-zero bytes are a valid value.
    let mut ifr: libc::ifreq = unsafe { core::mem::zeroed() };
    ifr.ifr_ifru.ifru_ifindex = index;
    // The request number's type is the C library's (`unsigned long` in glibc, `int` in musl).
    let request = libc::SIOCGIFNAME as libc::Ioctl;
    // SAFETY: `fd` is a live descriptor borrowed for the call; `&mut ifr` points to a whole,
    // initialised `ifreq` on this stack frame, valid for reads and writes of its size until
    // the call returns, which is what SIOCGIFNAME reads (`ifr_ifindex`) and writes (the
    // NUL-terminated `ifr_name`).
    let rc = unsafe { libc::ioctl(fd.as_raw_fd(), request, &raw mut ifr) };
    if rc != 0 {
        // SAFETY: `__errno_location` has no preconditions and returns a valid pointer to the
        // calling thread's `errno`.
        return Err(Errno::from_raw_os_error(unsafe {
            *libc::__errno_location()
        }));
    }
    let mut name = [0u8; IFNAMSIZ];
    for (slot, &c) in name.iter_mut().zip(&ifr.ifr_name) {
        *slot = c as u8;
    }
    let len = name.iter().position(|&b| b == 0).unwrap_or(IFNAMSIZ);
    Ok((name, len))
}
