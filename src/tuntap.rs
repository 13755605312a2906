//! TUN/TAP devices, as `ip tuntap` manages them: made and removed through `/dev/net/tun`
//! ([`rtnl_sys::tun_add`], [`rtnl_sys::tun_del`]), listed from a link dump of kind `tun` and
//! the device's `tun_flags`, `owner` and `group` in sysfs (iproute2 6.1, `ip/iptuntap.c`).
//!
//! Sysfs shows the links of the network namespace it was mounted in: `ip tuntap show` (and
//! [`Handle::tuntaps`]) sees the flags of a device only when `/sys` belongs to the handle's
//! namespace, and leaves out a device whose `tun_flags` it cannot read, as `ip` does.

use crate::{Error, ErrorKind, Handle, LinkFilter, Result};

pub use rtnl_sys::tun_f;

/// A TUN/TAP device to add or delete (`ip tuntap add|del`): the `TUNSETIFF` request.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TunTapSpec<'a> {
    /// `ifr_name`: the device; `None` lets the kernel pick `tunN` / `tapN`.
    pub name: Option<&'a str>,
    /// `ifr_flags`: [`tun_f::TUN`] or [`tun_f::TAP`], and [`tun_f::NO_PI`],
    /// [`tun_f::ONE_QUEUE`], [`tun_f::VNET_HDR`], [`tun_f::MULTI_QUEUE`].
    pub flags: u16,
    /// `TUNSETOWNER`: the user allowed to attach.
    pub owner: Option<u32>,
    /// `TUNSETGROUP`: the group allowed to attach.
    pub group: Option<u32>,
}

/// A TUN/TAP device as `ip tuntap show` lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TunTap {
    /// The link name.
    pub name: String,
    /// Its `tun_flags` (`IFF_TUN`, `IFF_TAP`, `IFF_NO_PI`, `IFF_PERSIST`, ... of
    /// [`tun_f`]).
    pub flags: u32,
    /// The owner's uid (`TUNSETOWNER`), if set.
    pub owner: Option<u32>,
    /// The group's gid (`TUNSETGROUP`), if set.
    pub group: Option<u32>,
}

/// `ip tuntap add`: creates the persistent device `spec` describes (`EBUSY` if it exists);
/// the name it got.
///
/// # Errors
/// [`ErrorKind::Tun`] with the step that failed (`ioctl(TUNSETIFF): ...`).
pub fn tuntap_add(spec: &TunTapSpec<'_>) -> Result<String> {
    let name = spec.name.unwrap_or_default();
    let made = rtnl_sys::tun_add(name.as_bytes(), spec.flags, spec.owner, spec.group)
        .map_err(|e| Error::new("add tuntap", Some(name.to_owned()), ErrorKind::Tun(e)))?;
    let len = made.iter().position(|&b| b == 0).unwrap_or(made.len());
    Ok(String::from_utf8_lossy(&made[..len]).into_owned())
}

/// `ip tuntap del`: removes the persistent device `spec.name` (its mode must be the device's).
///
/// # Errors
/// [`ErrorKind::Tun`] with the step that failed.
pub fn tuntap_del(spec: &TunTapSpec<'_>) -> Result<()> {
    let name = spec.name.unwrap_or_default();
    rtnl_sys::tun_del(name.as_bytes(), spec.flags)
        .map_err(|e| Error::new("delete tuntap", Some(name.to_owned()), ErrorKind::Tun(e)))
}

/// A device property in sysfs as `ip`'s `read_prop()` reads it: a C number (base 0) followed
/// by a newline; `None` when the file cannot be read or does not hold one.
fn read_prop(name: &str, prop: &str) -> Option<i64> {
    let text = std::fs::read_to_string(format!("/sys/class/net/{name}/{prop}")).ok()?;
    crate::names::strtol(text.strip_suffix('\n')?)
}

impl Handle {
    /// `ip tuntap show`: the TUN/TAP devices (links of kind `tun` with type `ether` or
    /// `none`) whose sysfs properties can be read, in dump order.
    ///
    /// # Errors
    /// A failed link dump.
    pub fn tuntaps(&mut self) -> Result<Vec<TunTap>> {
        let filter = LinkFilter {
            kind: Some("tun"),
            skip_stats: true,
            ..LinkFilter::default()
        };
        let mut names = Vec::new();
        self.for_each_link(&filter, |m| {
            let type_ok = matches!(
                m.link_type(),
                rtnl_codec::arphrd::NONE | rtnl_codec::arphrd::ETHER
            );
            if type_ok && m.kind() == Some("tun") {
                names.extend(m.name().map(str::to_owned));
            }
        })?;
        let id = |v: i64| u32::try_from(v).ok();
        Ok(names
            .into_iter()
            .filter_map(|name| {
                let flags = read_prop(&name, "tun_flags")?;
                let owner = read_prop(&name, "owner")?;
                let group = read_prop(&name, "group")?;
                Some(TunTap {
                    flags: flags as u32,
                    owner: id(owner),
                    group: id(group),
                    name,
                })
            })
            .collect())
    }
}
