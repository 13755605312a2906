//! Request constructors: the messages `ip link`, `ip addr`, `ip route`, `ip rule` and `ip netns`
//! send.
//!
//! Each constructor writes one complete request into the caller's buffer and returns the
//! [`MessageBuilder`], so more attributes can be appended before
//! [`finish`](MessageBuilder::finish):
//!
//! ```
//! use rtnl_codec::request::{link_new, LinkKind, NewLink, Veth};
//!
//! let mut buf = [0u8; 256];
//! let veth = Veth { peer_name: Some(b"v1"), ..Veth::default() };
//! let link = NewLink { name: Some(b"v0"), ..NewLink::new(LinkKind::Veth(veth)) };
//! let request = link_new(&mut buf, 1, &link)?.finish();
//! # assert_eq!(request.len(), 84);
//! # Ok::<(), rtnl_codec::Error>(())
//! ```
//!
//! # Bytes
//!
//! A request is what iproute2 (6.1) sends for the same command: the same `NLM_F_*` flags, the
//! same family-header fields and defaults (route protocol `boot`, table `main`, the scope `ip`
//! picks, ...), and the same attributes in the same order, strings with or without their NUL
//! as `ip` writes them. `codec/tests/requests.rs` checks this against requests captured from
//! `ip` itself (`tests/fixtures/requests/`). Where `ip` has a choice of order (its attributes
//! follow the command line), the order is the one written in each constructor's documentation.
//!
//! # Checks
//!
//! A value the kernel would refuse or, worse, misread (an interface name of 16 bytes, a
//! gateway of the wrong family, a VLAN id of 4095) is refused with [`Error::InvalidValue`]
//! before anything is sent; `attr` names the attribute the value was for (of the nest it goes
//! in: `IFLA_VLAN_ID` for a VLAN id), or is 0 when the value is a family-header field such as
//! an interface index. A buffer too small for the request gives [`Error::BufferFull`]. Nothing
//! panics; after an error the buffer holds no usable message.

// The link kinds' further options live in their kinds' files (`kind/`), with their views.
pub use crate::kind::{BridgeOpt, BridgePortOpt, MacvlanOpt, VxlanOpt};

/// Each family's request constructors (and its [`Dump`](crate::Dump)), in the module of the
/// family's name.
macro_rules! family_requests {
    ($($(#[$doc:meta])* $variant:ident($view:ident, $dump:ty) in $module:ident
        [$get:path; $new:path, $del:path, $last:path] $(consts $consts:ident)?;)*) => {
        $(
            mod $module;
            pub use $module::*;
        )*
    };
}
families!(family_requests);

use crate::builder::MessageBuilder;
use crate::error::Error;
use crate::nlm_f;

/// `NLM_F_REQUEST | NLM_F_ACK`: a request whose success is acknowledged, as `ip` sends changes.
const REQUEST_ACK: u16 = nlm_f::REQUEST | nlm_f::ACK;

/// `NLM_F_REQUEST | NLM_F_DUMP`: a dump request.
const REQUEST_DUMP: u16 = nlm_f::REQUEST | nlm_f::DUMP;

/// `IFNAMSIZ` (`<linux/if.h>`): interface names are shorter than this, NUL included.
const IFNAMSIZ: usize = 16;

/// The `NLM_F_*` creation flags of an `RTM_NEWLINK`, `RTM_NEWADDR` or `RTM_NEWROUTE` request:
/// what the kernel does when the object exists, or does not, as `ip`'s verbs choose.
///
/// `NLM_F_REQUEST | NLM_F_ACK` are always set besides these.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum NewMode {
    /// `NLM_F_CREATE | NLM_F_EXCL` (`ip ... add`): create; `EEXIST` if it exists.
    #[default]
    Add,
    /// `NLM_F_CREATE | NLM_F_REPLACE` (`ip ... replace`): create, or replace what exists.
    Replace,
    /// `NLM_F_REPLACE` (`ip ... change`): replace; `ENOENT` if it does not exist.
    Change,
    /// `NLM_F_CREATE | NLM_F_APPEND` (`ip route append`): add after existing routes to the same
    /// destination.
    Append,
    /// `NLM_F_CREATE` (`ip route prepend`): add before existing routes to the same destination.
    Prepend,
}

impl NewMode {
    /// The `NLM_F_*` bits of this mode, without `NLM_F_REQUEST | NLM_F_ACK`.
    pub const fn flags(self) -> u16 {
        match self {
            NewMode::Add => nlm_f::CREATE | nlm_f::EXCL,
            NewMode::Replace => nlm_f::CREATE | nlm_f::REPLACE,
            NewMode::Change => nlm_f::REPLACE,
            NewMode::Append => nlm_f::CREATE | nlm_f::APPEND,
            NewMode::Prepend => nlm_f::CREATE,
        }
    }
}

/// A network namespace named in a request: `IFLA_NET_NS_FD` / `IFLA_NET_NS_PID` in link
/// requests, `NETNSA_FD` / `NETNSA_PID` in nsid requests.
///
/// `ip ... netns NAME` opens `/run/netns/NAME` and sends the descriptor; `netns PID` sends the
/// process id, whose namespace the kernel looks up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Netns {
    /// An open file descriptor of the namespace (`/proc/PID/ns/net`, `/run/netns/NAME`), as
    /// `RawFd`; negative values are refused.
    Fd(i32),
    /// A process id: the namespace that process is in.
    Pid(u32),
}

/// Which link a request is about: `ifi_index` in `struct ifinfomsg`, or `IFLA_IFNAME` with
/// `ifi_index` 0, which the kernel looks up instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkRef<'a> {
    /// The interface index (at most `i32::MAX`, the kernel's `int`).
    Index(u32),
    /// The interface name, as the bytes the kernel holds (Linux names need not be UTF-8).
    Name(&'a [u8]),
}

impl<'a> From<&'a str> for LinkRef<'a> {
    fn from(name: &'a str) -> Self {
        LinkRef::Name(name.as_bytes())
    }
}

impl<'a> From<&'a [u8]> for LinkRef<'a> {
    fn from(name: &'a [u8]) -> Self {
        LinkRef::Name(name)
    }
}

impl From<u32> for LinkRef<'_> {
    fn from(index: u32) -> Self {
        LinkRef::Index(index)
    }
}

/// The name, or `ifN` for an index (as `ip` prints a device it cannot name); bytes of a name
/// that are not UTF-8 are written as U+FFFD (text cannot hold them).
impl core::fmt::Display for LinkRef<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            LinkRef::Index(index) => write!(f, "if{index}"),
            LinkRef::Name(name) => {
                for chunk in name.utf8_chunks() {
                    f.write_str(chunk.valid())?;
                    if !chunk.invalid().is_empty() {
                        f.write_str("\u{FFFD}")?;
                    }
                }
                Ok(())
            }
        }
    }
}

/// Checks a name the way the kernel's `dev_valid_name()` does: not empty, shorter than
/// `IFNAMSIZ` (16 bytes), not `.` or `..`, and without `/`, `:`, NUL or white space (the
/// kernel's `isspace()`, which also counts byte 0xa0).
pub(crate) fn check_ifname(name: &[u8], attr: u16) -> Result<(), Error> {
    let bytes = name;
    let bad_byte = |b: &u8| matches!(b, b'/' | b':' | 0 | b' ' | b'\t'..=b'\r' | 0xa0);
    if bytes.is_empty()
        || bytes.len() >= IFNAMSIZ
        || name == b"."
        || name == b".."
        || bytes.iter().any(bad_byte)
    {
        return Err(Error::InvalidValue { attr });
    }
    Ok(())
}

/// Whether `name` is one the kernel's `dev_valid_name()` accepts as a link's `IFLA_IFNAME`
/// (not empty, `.` or `..`, shorter than `IFNAMSIZ`, without `/`, `:`, NUL or white space):
/// a name that is not cannot be a link's name, only (when it is 16 to 127 bytes) an
/// alternative one.
pub fn valid_ifname(name: &[u8]) -> bool {
    check_ifname(name, 0).is_ok()
}

/// `ALTIFNAMSIZ` (`<linux/if.h>`): alternative names are shorter than this, NUL included.
const ALTIFNAMSIZ: usize = 128;

/// The attribute a request names an existing link with, as `ip` chooses it (`iplink_get`):
/// `IFLA_IFNAME` for a valid name, `IFLA_ALT_IFNAME` for a longer one of up to 127 bytes
/// without NUL (the kernel, since 5.5, finds a link by any of its alternative names, and
/// answers `ENODEV` when none has it). Anything else is [`Error::InvalidValue`].
pub(crate) fn lookup_name_attr(name: &[u8]) -> Result<u16, Error> {
    if name.len() >= IFNAMSIZ && name.len() < ALTIFNAMSIZ && !name.contains(&0) {
        return Ok(crate::ifla::ALT_IFNAME);
    }
    check_ifname(name, crate::ifla::IFNAME)?;
    Ok(crate::ifla::IFNAME)
}

/// Checks a string the kernel copies as a C string: no NUL inside, at most `max` bytes, and not
/// empty unless `empty_ok`.
pub(crate) fn check_cstr(value: &[u8], max: usize, empty_ok: bool, attr: u16) -> Result<(), Error> {
    let bytes = value;
    if (bytes.is_empty() && !empty_ok) || bytes.len() > max || bytes.contains(&0) {
        return Err(Error::InvalidValue { attr });
    }
    Ok(())
}

/// An interface index as the kernel's `int` (`ifi_index`, `rtnh_ifindex`); 0 in `attr` because
/// it is a header field.
pub(crate) fn ifindex(index: u32) -> Result<i32, Error> {
    i32::try_from(index).map_err(|_| Error::InvalidValue { attr: 0 })
}

/// Appends `netns` as `fd_attr` (a descriptor) or `pid_attr` (a process id).
pub(crate) fn put_netns(
    b: &mut MessageBuilder<'_>,
    netns: Netns,
    fd_attr: u16,
    pid_attr: u16,
) -> Result<(), Error> {
    match netns {
        Netns::Fd(fd) if fd < 0 => return Err(Error::InvalidValue { attr: fd_attr }),
        Netns::Fd(fd) => b.put_i32(fd_attr, fd)?,
        Netns::Pid(pid) => b.put_u32(pid_attr, pid)?,
    };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked_like_dev_valid_name() {
        for good in ["v0", "eth0.10", "a", "123456789012345", "vé", "-"] {
            assert_eq!(check_ifname(good.as_bytes(), 3), Ok(()), "{good:?}");
        }
        for bad in [
            "",
            ".",
            "..",
            "1234567890123456",
            "a/b",
            "a:1",
            "a b",
            "a\tb",
            "a\nb",
            "a\u{b}b",
            "a\u{c}b",
            "a\rb",
            "a\0b",
            "à", // 0xc3 0xa0: the kernel's isspace() is true for 0xa0
        ] {
            assert_eq!(
                check_ifname(bad.as_bytes(), 3),
                Err(Error::InvalidValue { attr: 3 }),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn modes_are_ips_flags() {
        assert_eq!(NewMode::Add.flags(), 0x600);
        assert_eq!(NewMode::Replace.flags(), 0x500);
        assert_eq!(NewMode::Change.flags(), 0x100);
        assert_eq!(NewMode::Append.flags(), 0xc00);
        assert_eq!(NewMode::Prepend.flags(), 0x400);
    }

    #[test]
    fn indexes_fit_an_int() {
        assert_eq!(ifindex(7), Ok(7));
        assert_eq!(ifindex(0x8000_0000), Err(Error::InvalidValue { attr: 0 }));
    }
}
