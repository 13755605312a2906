//! The words every part of the library shares: which device ([`LinkRef`]), which namespace
//! ([`NetnsRef`]), which address family ([`Family`]) and which prefix ([`IpPrefix`]).
//!
//! One type per concept: specs, filters and queries of links, addresses and routes all name a
//! device with the codec's [`LinkRef`], a namespace with [`NetnsRef`], and so on.

use std::ffi::OsStr;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use rtnl_codec::af;
use rtnl_sys::NetnsFd;

use crate::error::{Error, ErrorKind, Result};

/// A network device, by name (`"v0"`) or by interface index, as `ip ... dev DEV` takes it:
/// the codec's `ifi_index` / `IFLA_IFNAME` choice. Made from a `&str` or a `u32` with `into()`.
///
/// A request that can carry the name sends it (the kernel looks it up); where the kernel needs
/// an index (`ifa_index`, `RTA_OIF`, `IFLA_MASTER`, ...) the library looks the name up first
/// with an `RTM_GETLINK`, so an unknown one fails as `ip` does: `Cannot find device "nope"`.
pub use rtnl_codec::request::LinkRef;

/// A network namespace, named the ways `ip` accepts one.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub enum NetnsRef<'a> {
    /// A named namespace in the handle's run dir (`/run/netns` unless set otherwise), as
    /// `ip netns add NAME` made it: a file name, which need not be UTF-8 (see
    /// [`NetnsRef::name`]).
    Name(&'a OsStr),
    /// A namespace file: `/proc/PID/ns/net`, a bind mount, ... (see [`NetnsRef::path`]).
    Path(&'a OsStr),
    /// The namespace of process `PID`.
    Pid(u32),
    /// An open namespace file descriptor.
    Fd(&'a NetnsFd),
}

impl<'a> NetnsRef<'a> {
    /// [`NetnsRef::Name`] from text or bytes as an `OsStr` (`NetnsRef::name("blue")`).
    pub fn name(name: &'a (impl AsRef<OsStr> + ?Sized)) -> Self {
        NetnsRef::Name(name.as_ref())
    }

    /// [`NetnsRef::Path`] from text or an `OsStr` (`NetnsRef::path("/proc/1/ns/net")`).
    pub fn path(path: &'a (impl AsRef<OsStr> + ?Sized)) -> Self {
        NetnsRef::Path(path.as_ref())
    }
}

/// The name or path (bytes that are not UTF-8 written as U+FFFD), `pid N`, or `namespace fd`.
impl std::fmt::Display for NetnsRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NetnsRef::Name(name) | NetnsRef::Path(name) => f.write_str(&name.to_string_lossy()),
            NetnsRef::Pid(pid) => write!(f, "pid {pid}"),
            NetnsRef::Fd(_) => f.write_str("namespace fd"),
        }
    }
}

/// An address family: IPv4 (`AF_INET`, `ip -4`) or IPv6 (`AF_INET6`, `ip -6`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    /// `AF_INET`.
    V4,
    /// `AF_INET6`.
    V6,
}

impl Family {
    /// The `AF_*` number.
    pub const fn af(self) -> u8 {
        match self {
            Family::V4 => af::INET,
            Family::V6 => af::INET6,
        }
    }

    /// The family of `address`.
    pub const fn of(address: IpAddr) -> Family {
        match address {
            IpAddr::V4(_) => Family::V4,
            IpAddr::V6(_) => Family::V6,
        }
    }

    /// The longest prefix of the family: 32 or 128.
    pub const fn max_prefix_len(self) -> u8 {
        match self {
            Family::V4 => 32,
            Family::V6 => 128,
        }
    }
}

/// An IP address and a prefix length, as `ip` writes them: `192.0.2.1/24`, `2001:db8::/32`.
///
/// Host bits are kept (`192.0.2.1/24` is an address on a /24); [`IpPrefix::network`] clears
/// them. Parsed with [`str::parse`]: a bare address is a host prefix (`/32` or `/128`).
///
/// ```
/// let prefix: rtnl_ip::IpPrefix = "192.0.2.1/24".parse()?;
/// assert_eq!(prefix.prefix_len(), 24);
/// assert_eq!(prefix.network().to_string(), "192.0.2.0/24");
/// assert!(prefix.contains("192.0.2.200".parse().unwrap()));
/// # Ok::<(), rtnl_ip::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct IpPrefix {
    addr: IpAddr,
    len: u8,
}

impl IpPrefix {
    /// `0.0.0.0/0`: the IPv4 default route.
    pub const DEFAULT_V4: IpPrefix = IpPrefix {
        addr: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
        len: 0,
    };

    /// `::/0`: the IPv6 default route.
    pub const DEFAULT_V6: IpPrefix = IpPrefix {
        addr: IpAddr::V6(Ipv6Addr::UNSPECIFIED),
        len: 0,
    };

    /// `addr/len`.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`] when `len` is longer than the family's addresses (32 or 128).
    pub fn new(addr: IpAddr, len: u8) -> Result<IpPrefix> {
        if len > Family::of(addr).max_prefix_len() {
            return Err(Error::new(
                "parse prefix",
                Some(format!("{addr}/{len}")),
                ErrorKind::Invalid("the prefix length is longer than the address"),
            ));
        }
        Ok(IpPrefix { addr, len })
    }

    /// `addr` with the full prefix length: `/32` or `/128`.
    pub const fn host(addr: IpAddr) -> IpPrefix {
        IpPrefix {
            addr,
            len: Family::of(addr).max_prefix_len(),
        }
    }

    /// The default route prefix of `family` (`0.0.0.0/0` or `::/0`).
    pub const fn default_route(family: Family) -> IpPrefix {
        match family {
            Family::V4 => IpPrefix::DEFAULT_V4,
            Family::V6 => IpPrefix::DEFAULT_V6,
        }
    }

    /// The address, host bits included.
    pub const fn addr(&self) -> IpAddr {
        self.addr
    }

    /// The prefix length.
    pub const fn prefix_len(&self) -> u8 {
        self.len
    }

    /// The family of the address.
    pub const fn family(&self) -> Family {
        Family::of(self.addr)
    }

    /// Whether this is a default route prefix (length 0).
    pub const fn is_default(&self) -> bool {
        self.len == 0
    }

    /// The prefix with the host bits cleared: `192.0.2.1/24` gives `192.0.2.0/24`.
    pub fn network(&self) -> IpPrefix {
        let addr = match self.addr {
            IpAddr::V4(a) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(self.len)).unwrap_or(0);
                IpAddr::V4(Ipv4Addr::from(u32::from(a) & mask))
            }
            IpAddr::V6(a) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.len))
                    .unwrap_or(0);
                IpAddr::V6(Ipv6Addr::from(u128::from(a) & mask))
            }
        };
        IpPrefix {
            addr,
            len: self.len,
        }
    }

    /// Whether `addr` is inside this prefix (of the same family, same leading bits).
    pub fn contains(&self, addr: IpAddr) -> bool {
        Family::of(addr) == self.family()
            && IpPrefix {
                addr,
                len: self.len,
            }
            .network()
                == self.network()
    }
}

impl FromStr for IpPrefix {
    type Err = Error;

    /// Reads `ADDRESS/LENGTH` or a bare `ADDRESS` (a host prefix).
    fn from_str(text: &str) -> Result<IpPrefix> {
        let invalid = || {
            Error::new(
                "parse prefix",
                Some(text.to_owned()),
                ErrorKind::Invalid("any valid prefix is expected"),
            )
        };
        let (addr, len) = match text.split_once('/') {
            Some((addr, len)) => (addr, Some(len)),
            None => (text, None),
        };
        let addr: IpAddr = addr.parse().map_err(|_| invalid())?;
        match len {
            None => Ok(IpPrefix::host(addr)),
            Some(len) if !len.is_empty() && len.bytes().all(|b| b.is_ascii_digit()) => {
                let len: u8 = len.parse().map_err(|_| invalid())?;
                IpPrefix::new(addr, len).map_err(|_| invalid())
            }
            Some(_) => Err(invalid()),
        }
    }
}

impl fmt::Display for IpPrefix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.addr, self.len)
    }
}

impl From<IpAddr> for IpPrefix {
    fn from(addr: IpAddr) -> Self {
        IpPrefix::host(addr)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_parse_like_ip() {
        let p: IpPrefix = "192.0.2.1/24".parse().unwrap();
        assert_eq!(
            (p.addr(), p.prefix_len()),
            ("192.0.2.1".parse().unwrap(), 24)
        );
        assert_eq!(p.to_string(), "192.0.2.1/24");
        assert_eq!(p.network().to_string(), "192.0.2.0/24");
        let host: IpPrefix = "2001:db8::1".parse().unwrap();
        assert_eq!(host.prefix_len(), 128);
        assert_eq!(host.family(), Family::V6);
        let v6: IpPrefix = "2001:db8:1::5/48".parse().unwrap();
        assert_eq!(v6.network().to_string(), "2001:db8:1::/48");
        assert_eq!(IpPrefix::DEFAULT_V4.network(), IpPrefix::DEFAULT_V4);
        assert_eq!(
            "0.0.0.0/0".parse::<IpPrefix>().unwrap(),
            IpPrefix::DEFAULT_V4
        );
        for bad in [
            "",
            "/24",
            "192.0.2.1/",
            "192.0.2.1/33",
            "2001:db8::/129",
            "192.0.2.1/+4",
            "192.0.2/24",
            "nope",
            "192.0.2.1/24/1",
            "192.0.2.1/300",
        ] {
            let e = bad.parse::<IpPrefix>().unwrap_err();
            assert_eq!(e.object(), Some(bad), "{bad:?}");
            assert_eq!(e.to_string(), "any valid prefix is expected");
        }
    }

    #[test]
    fn prefixes_contain_their_hosts() {
        let p: IpPrefix = "198.51.100.0/24".parse().unwrap();
        assert!(p.contains("198.51.100.255".parse().unwrap()));
        assert!(!p.contains("198.51.101.0".parse().unwrap()));
        assert!(!p.contains("2001:db8::1".parse().unwrap()));
        assert!(IpPrefix::DEFAULT_V6.contains("2001:db8::1".parse().unwrap()));
        assert!(!IpPrefix::DEFAULT_V6.contains("192.0.2.1".parse().unwrap()));
    }
}
