//! The host name of an address, from the C library's resolver: what `ip -r` (`-resolve`)
//! prints in place of an address.
//!
//! iproute2's `resolve_address()` (`lib/utils.c`) asks `gethostbyaddr(3)`; this asks
//! `getnameinfo(3)` with `NI_NAMEREQD`, which glibc and musl both answer from the same
//! lookup (`/etc/hosts`, then reverse DNS as `nsswitch.conf` / `resolv.conf` say) and which,
//! unlike `gethostbyaddr`, writes into the caller's buffer rather than a static one. It is the
//! crate's one call into the resolver: one `unsafe` block.

#![allow(unsafe_code)]

use core::ffi::c_char;
use core::mem::size_of;
use core::net::IpAddr;

/// `NI_MAXHOST`: the longest host name `getnameinfo` writes, its NUL included (`<netdb.h>`).
pub const NI_MAXHOST: usize = 1025;

/// `getnameinfo(addr, host, NI_NAMEREQD)`: the name the resolver gives `addr`, written into
/// `buf` (without its NUL), or `None` when it has none (or `buf` is too small for it).
///
/// An IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) is looked up as the IPv4 address, as
/// iproute2 does. The lookup may block on the network when the resolver is configured to ask
/// DNS.
///
/// # References
///  - [`getnameinfo(3)`](https://man7.org/linux/man-pages/man3/getnameinfo.3.html)
///  - [`gethostbyaddr(3)`](https://man7.org/linux/man-pages/man3/gethostbyaddr.3.html)
#[doc(alias = "getnameinfo")]
#[doc(alias = "gethostbyaddr")]
pub fn host_name(addr: IpAddr, buf: &mut [u8]) -> Option<&[u8]> {
    let addr = match addr {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(addr, IpAddr::V4),
        v4 => v4,
    };
    let v4;
    let v6;
    let (sa, len): (*const libc::sockaddr, usize) = match addr {
        IpAddr::V4(a) => {
            v4 = libc::sockaddr_in {
                sin_family: libc::AF_INET as libc::sa_family_t,
                sin_port: 0,
                sin_addr: libc::in_addr {
                    s_addr: u32::from_ne_bytes(a.octets()),
                },
                sin_zero: [0; 8],
            };
            ((&raw const v4).cast(), size_of::<libc::sockaddr_in>())
        }
        IpAddr::V6(a) => {
            v6 = libc::sockaddr_in6 {
                sin6_family: libc::AF_INET6 as libc::sa_family_t,
                sin6_port: 0,
                sin6_flowinfo: 0,
                sin6_addr: libc::in6_addr {
                    s6_addr: a.octets(),
                },
                sin6_scope_id: 0,
            };
            ((&raw const v6).cast(), size_of::<libc::sockaddr_in6>())
        }
    };
    let cap = buf.len().min(NI_MAXHOST);
    // SAFETY: `sa` points to an initialised sockaddr_in or sockaddr_in6 on this stack frame of
    // `len` bytes (its own size), alive until the call returns; `buf` is valid for writes of
    // `cap` bytes, which getnameinfo never exceeds (it NUL-terminates within `cap`); no
    // service is asked for, so the null service pointer with length 0 is never written.
    let rc = unsafe {
        libc::getnameinfo(
            sa,
            len as libc::socklen_t,
            buf.as_mut_ptr().cast::<c_char>(),
            cap as libc::socklen_t,
            core::ptr::null_mut(),
            0,
            libc::NI_NAMEREQD,
        )
    };
    if rc != 0 {
        return None;
    }
    let buf = &buf[..cap];
    let end = buf.iter().position(|&b| b == 0)?;
    Some(&buf[..end]).filter(|name| !name.is_empty())
}
