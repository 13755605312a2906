//! TUN/TAP devices through `/dev/net/tun`: the `ioctl`s `ip tuntap add` and `del` use
//! (`TUNSETIFF`, `TUNSETOWNER`, `TUNSETGROUP`, `TUNSETPERSIST`), which rustix has no wrappers
//! for. A device made persistent outlives the descriptor that made it; `del` attaches to it
//! again and clears the flag, and the kernel removes it when that descriptor closes.
//!
//! # References
//!  - [Linux `Documentation/networking/tuntap.rst`](https://docs.kernel.org/networking/tuntap.html)
//!  - `<linux/if_tun.h>`

#![allow(unsafe_code)]

use core::fmt;

use rustix::fd::OwnedFd;
use rustix::fs::{Mode, OFlags};
use rustix::io::Errno;
use rustix::ioctl::{IntegerSetter, Opcode, Updater, ioctl, opcode};

/// `IFF_*` flags of `TUNSETIFF` (`<linux/if_tun.h>`), as `ifr_flags` carries them.
pub mod tun_f {
    /// `IFF_TUN`: a layer-3 device (IP packets).
    #[doc(alias = "IFF_TUN")]
    pub const TUN: u16 = 0x0001;
    /// `IFF_TAP`: a layer-2 device (Ethernet frames).
    #[doc(alias = "IFF_TAP")]
    pub const TAP: u16 = 0x0002;
    /// `IFF_MULTI_QUEUE`: one queue per attached descriptor.
    #[doc(alias = "IFF_MULTI_QUEUE")]
    pub const MULTI_QUEUE: u16 = 0x0100;
    /// `IFF_PERSIST`: the device outlives its descriptors (reported, not set, by flags).
    #[doc(alias = "IFF_PERSIST")]
    pub const PERSIST: u16 = 0x0800;
    /// `IFF_NO_PI`: no packet-information header before each packet.
    #[doc(alias = "IFF_NO_PI")]
    pub const NO_PI: u16 = 0x1000;
    /// `IFF_NOFILTER`: no `TUNSETTXFILTER` filter is set (the same bit as `IFF_NO_PI`, read
    /// back from the device's `tun_flags`).
    #[doc(alias = "IFF_NOFILTER")]
    pub const NOFILTER: u16 = 0x1000;
    /// `IFF_ONE_QUEUE`: ignored by the kernel since 3.8, still accepted and reported.
    #[doc(alias = "IFF_ONE_QUEUE")]
    pub const ONE_QUEUE: u16 = 0x2000;
    /// `IFF_VNET_HDR`: a `virtio_net_hdr` before each packet.
    #[doc(alias = "IFF_VNET_HDR")]
    pub const VNET_HDR: u16 = 0x4000;
    /// `IFF_TUN_EXCL`: fail with `EBUSY` instead of attaching to an existing device.
    #[doc(alias = "IFF_TUN_EXCL")]
    pub const TUN_EXCL: u16 = 0x8000;
}

/// The path of the TUN/TAP clone device.
const TUN_DEVICE: &core::ffi::CStr = c"/dev/net/tun";

/// `IFNAMSIZ`: a link name and its NUL fit in this many bytes.
const IFNAMSIZ: usize = 16;

/// `struct ifreq` as `TUNSETIFF` reads and writes it: the name, then `ifr_flags` at the start
/// of the 24-byte union.
#[repr(C)]
struct IfReq {
    /// `ifr_name`.
    name: [u8; IFNAMSIZ],
    /// `ifr_flags`.
    flags: u16,
    /// The rest of the union: `struct ifreq` is 40 bytes on 64-bit targets (32 on 32-bit
    /// ones), so the kernel never reads or writes past this struct.
    rest: [u8; 22],
}

/// `TUNSETIFF`: `_IOW('T', 202, int)` (the kernel reads and writes a `struct ifreq` anyway).
const TUNSETIFF: Opcode = opcode::write::<i32>(b'T', 202);
/// `TUNSETPERSIST`: `_IOW('T', 203, int)`, the value itself as the argument.
const TUNSETPERSIST: Opcode = opcode::write::<i32>(b'T', 203);
/// `TUNSETOWNER`: `_IOW('T', 204, int)`, the uid as the argument.
const TUNSETOWNER: Opcode = opcode::write::<i32>(b'T', 204);
/// `TUNSETGROUP`: `_IOW('T', 206, int)`, the gid as the argument.
const TUNSETGROUP: Opcode = opcode::write::<i32>(b'T', 206);

/// The step of a TUN/TAP operation that failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TunOp {
    /// `open("/dev/net/tun")`.
    Open,
    /// `ioctl(TUNSETIFF)`.
    SetIff,
    /// `ioctl(TUNSETOWNER)`.
    SetOwner,
    /// `ioctl(TUNSETGROUP)`.
    SetGroup,
    /// `ioctl(TUNSETPERSIST)`.
    SetPersist,
}

/// A failed TUN/TAP step and its errno; `Display` is `ip`'s `perror()` text
/// (`ioctl(TUNSETIFF): Device or resource busy`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TunError {
    /// What failed.
    pub op: TunOp,
    /// Why.
    pub errno: Errno,
}

impl fmt::Display for TunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.op {
            TunOp::Open => "open",
            TunOp::SetIff => "ioctl(TUNSETIFF)",
            TunOp::SetOwner => "ioctl(TUNSETOWNER)",
            TunOp::SetGroup => "ioctl(TUNSETGROUP)",
            TunOp::SetPersist => "ioctl(TUNSETPERSIST)",
        };
        write!(f, "{what}: ")?;
        crate::strerror::fmt_errno(f, self.errno)
    }
}

/// `open("/dev/net/tun")` and `ioctl(TUNSETIFF)`: attaches a descriptor to the device `name`
/// (empty: the kernel picks `tunN`/`tapN`; a device that does not exist is made, and goes when
/// the descriptor closes unless made persistent) with `flags` ([`tun_f`]); the descriptor,
/// which reads and writes the device's packets, and the device's name (NUL-padded). This is
/// what a program serving a TUN/TAP device holds, and what `ip -d tuntap show` lists as
/// `Attached to processes`.
///
/// # References
///  - [`Documentation/networking/tuntap.rst`](https://docs.kernel.org/networking/tuntap.html)
///
/// # Errors
/// The step that failed, with its errno (`EINVAL` for a name of 16 bytes or more, or with a
/// NUL; `EBUSY` with [`tun_f::TUN_EXCL`] for a device that exists).
pub fn tun_attach(name: &[u8], flags: u16) -> Result<(OwnedFd, [u8; IFNAMSIZ]), TunError> {
    if name.len() >= IFNAMSIZ || name.contains(&0) {
        return Err(TunError {
            op: TunOp::SetIff,
            errno: Errno::INVAL,
        });
    }
    let fd = rustix::fs::open(TUN_DEVICE, OFlags::RDWR | OFlags::CLOEXEC, Mode::empty()).map_err(
        |errno| TunError {
            op: TunOp::Open,
            errno,
        },
    )?;
    let mut ifr = IfReq {
        name: [0; IFNAMSIZ],
        flags,
        rest: [0; 22],
    };
    ifr.name[..name.len()].copy_from_slice(name);
    // SAFETY: TUNSETIFF reads a `struct ifreq` from the pointer and writes the device's name
    // back into it; `IfReq` is `repr(C)` with the kernel's layout for those fields (16-byte
    // name, then the union that starts with `ifr_flags`), 40 bytes, at least
    // `sizeof(struct ifreq)` on every target, and the `Updater` borrows it mutably for the
    // whole call.
    unsafe { ioctl(&fd, Updater::<TUNSETIFF, IfReq>::new(&mut ifr)) }.map_err(|errno| {
        TunError {
            op: TunOp::SetIff,
            errno,
        }
    })?;
    Ok((fd, ifr.name))
}

/// `ioctl(fd, op, value)` for the TUN ioctls that take an integer argument.
fn set_integer<const OP: Opcode>(fd: &OwnedFd, value: usize, op: TunOp) -> Result<(), TunError> {
    // SAFETY: TUNSETPERSIST, TUNSETOWNER and TUNSETGROUP (the only opcodes this is called
    // with) take their argument as an integer value, not a pointer: the kernel reads nothing
    // through it, so any value is sound (a bad uid or gid is the kernel's EINVAL).
    unsafe { ioctl(fd, IntegerSetter::<OP>::new_usize(value)) }
        .map_err(|errno| TunError { op, errno })
}

/// `ip tuntap add`: creates the persistent TUN/TAP device `name` (empty: the kernel picks
/// one) with `flags` ([`tun_f`]; `IFF_TUN_EXCL` is added, so an existing device is `EBUSY`),
/// owned by `owner` and `group` when given; the name the device got.
///
/// # Errors
/// The step that failed, with its errno.
pub fn tun_add(
    name: &[u8],
    flags: u16,
    owner: Option<u32>,
    group: Option<u32>,
) -> Result<[u8; IFNAMSIZ], TunError> {
    let (fd, made) = tun_attach(name, flags | tun_f::TUN_EXCL)?;
    if let Some(uid) = owner {
        set_integer::<TUNSETOWNER>(&fd, uid as usize, TunOp::SetOwner)?;
    }
    if let Some(gid) = group {
        set_integer::<TUNSETGROUP>(&fd, gid as usize, TunOp::SetGroup)?;
    }
    set_integer::<TUNSETPERSIST>(&fd, 1, TunOp::SetPersist)?;
    Ok(made)
}

/// `ip tuntap del`: attaches to the device `name` with `flags` (which must match its mode)
/// and clears `IFF_PERSIST`; the kernel removes the device when the descriptor closes, here.
///
/// # Errors
/// The step that failed, with its errno.
pub fn tun_del(name: &[u8], flags: u16) -> Result<(), TunError> {
    let (fd, _) = tun_attach(name, flags)?;
    set_integer::<TUNSETPERSIST>(&fd, 0, TunOp::SetPersist)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_and_opcodes_are_the_kernels() {
        assert_eq!(core::mem::size_of::<IfReq>(), 40);
        assert_eq!(TUNSETIFF, 0x4004_54ca);
        assert_eq!(TUNSETPERSIST, 0x4004_54cb);
        assert_eq!(TUNSETOWNER, 0x4004_54cc);
        assert_eq!(TUNSETGROUP, 0x4004_54ce);
    }

    #[test]
    fn errors_read_like_perror() {
        let e = TunError {
            op: TunOp::SetIff,
            errno: Errno::BUSY,
        };
        assert_eq!(
            alloc_free_display(&e),
            "ioctl(TUNSETIFF): Device or resource busy"
        );
    }

    fn alloc_free_display(e: &TunError) -> heapless::String<64> {
        let mut s = heapless::String::new();
        fmt::write(&mut s, format_args!("{e}")).unwrap();
        s
    }

    #[test]
    fn bad_names_are_refused_before_any_system_call() {
        let long = [b'x'; IFNAMSIZ];
        assert_eq!(
            tun_add(&long, tun_f::TUN, None, None).unwrap_err().op,
            TunOp::SetIff
        );
        assert_eq!(
            tun_del(b"a\0b", tun_f::TUN).unwrap_err().errno,
            Errno::INVAL
        );
    }
}
