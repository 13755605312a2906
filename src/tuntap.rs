//! TUN/TAP devices, as `ip tuntap` manages them: made and removed through `/dev/net/tun`
//! ([`rtnl_sys::tun_add`], [`rtnl_sys::tun_del`]), listed from a link dump of kind `tun` and
//! the device's `tun_flags`, `owner` and `group` in sysfs (iproute2 6.1, `ip/iptuntap.c`).
//!
//! Sysfs shows the links of the network namespace it was mounted in: `ip tuntap show` (and
//! [`Handle::tuntaps`]) sees the flags of a device only when `/sys` belongs to the handle's
//! namespace, and leaves out a device whose `tun_flags` it cannot read, as `ip` does.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt as _;

use crate::{Error, ErrorKind, Handle, LinkFilter, Result};

pub use rtnl_sys::tun_f;

/// A TUN/TAP device to add or delete (`ip tuntap add|del`): the `TUNSETIFF` request.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TunTapSpec<'a> {
    /// `ifr_name`: the device (its bytes, which need not be UTF-8); `None` lets the kernel
    /// pick `tunN` / `tapN`.
    pub name: Option<&'a [u8]>,
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
    /// The link name (`IFLA_IFNAME`: bytes, which need not be UTF-8).
    pub name: Vec<u8>,
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
pub fn tuntap_add(spec: &TunTapSpec<'_>) -> Result<Vec<u8>> {
    let name = spec.name.unwrap_or_default();
    let made = rtnl_sys::tun_add(name, spec.flags, spec.owner, spec.group).map_err(|e| {
        Error::new(
            "add tuntap",
            Some(String::from_utf8_lossy(name).into_owned()),
            ErrorKind::Tun(e),
        )
    })?;
    let len = made.iter().position(|&b| b == 0).unwrap_or(made.len());
    Ok(made[..len].to_vec())
}

/// `ip tuntap del`: removes the persistent device `spec.name` (its mode must be the device's).
///
/// # Errors
/// [`ErrorKind::Tun`] with the step that failed.
pub fn tuntap_del(spec: &TunTapSpec<'_>) -> Result<()> {
    let name = spec.name.unwrap_or_default();
    rtnl_sys::tun_del(name, spec.flags).map_err(|e| {
        Error::new(
            "delete tuntap",
            Some(String::from_utf8_lossy(name).into_owned()),
            ErrorKind::Tun(e),
        )
    })
}

/// A device property in sysfs as `ip`'s `read_prop()` reads it: a C number (base 0) followed
/// by a newline; `None` when the file cannot be read or does not hold one.
fn read_prop(name: &[u8], prop: &str) -> Option<i64> {
    let mut path = b"/sys/class/net/".to_vec();
    path.extend_from_slice(name);
    path.push(b'/');
    path.extend_from_slice(prop.as_bytes());
    let text = std::fs::read_to_string(OsStr::from_bytes(&path)).ok()?;
    crate::names::strtol(text.strip_suffix('\n')?)
}

/// A process with a descriptor attached to a TUN/TAP device, as `ip -d tuntap show` lists it
/// under `Attached to processes:`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TunProcess {
    /// The process id.
    pub pid: u32,
    /// Its command name (`/proc/PID/comm`, without the newline); `None` when it cannot be read
    /// (`ip` prints `<NULL>`).
    pub name: Option<Vec<u8>>,
}

/// `ip -d tuntap show`'s `show_processes()`: every descriptor of `/proc/[0-9]*/fd/[0-9]*` (in
/// directory order, this process left out) that is `/dev/net/tun` and whose `fdinfo` says
/// `iff: NAME` gives one [`TunProcess`] to `each`. A descriptor that cannot be read gives the
/// call that failed (`"readlink"`, `"fopen"`) and why, which `ip` prints with `perror()` and
/// passes over; a process directory that cannot be listed is passed over silently, as `glob()`
/// does.
pub fn tuntap_processes(
    name: &[u8],
    mut each: impl FnMut(std::result::Result<TunProcess, (&'static str, std::io::Error)>),
) {
    let number = |entry: &std::fs::DirEntry| -> Option<u32> {
        let file = entry.file_name();
        let bytes = file.as_bytes();
        // glob's `[0-9]*`, then sscanf's `%d`: a leading digit, read as far as digits go.
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        std::str::from_utf8(&bytes[..digits]).ok()?.parse().ok()
    };
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return;
    };
    let me = std::process::id();
    for proc in procs.flatten() {
        let Some(pid) = number(&proc) else { continue };
        let Ok(fds) = std::fs::read_dir(proc.path().join("fd")) else {
            continue;
        };
        for fd in fds.flatten() {
            if pid == me || number(&fd).is_none() {
                continue;
            }
            match std::fs::read_link(fd.path()) {
                Err(e) => {
                    each(Err(("readlink", e)));
                    continue;
                }
                Ok(target) if target.as_os_str().as_bytes() != b"/dev/net/tun" => continue,
                Ok(_) => {}
            }
            let fdinfo = proc.path().join("fdinfo").join(fd.file_name());
            let info = match std::fs::read(&fdinfo) {
                Ok(info) => info,
                Err(e) => {
                    each(Err(("fopen", e)));
                    continue;
                }
            };
            // `KEY: VALUE` lines; ip reads each as fscanf's `%m[^:]: %ms`.
            let attached = info.split(|&b| b == b'\n').any(|line| {
                let Some(colon) = line.iter().position(|&b| b == b':') else {
                    return false;
                };
                let value = line[colon + 1..]
                    .split(u8::is_ascii_whitespace)
                    .find(|word| !word.is_empty());
                &line[..colon] == b"iff" && value == Some(name)
            });
            if attached {
                each(Ok(TunProcess {
                    pid,
                    name: task_name(pid),
                }));
            }
        }
    }
}

/// `get_task_name()`: the first line of `/proc/PID/comm`.
fn task_name(pid: u32) -> Option<Vec<u8>> {
    let comm = std::fs::read(format!("/proc/{pid}/comm")).ok()?;
    let end = comm.iter().position(|&b| b == b'\n').unwrap_or(comm.len());
    Some(comm[..end].to_vec())
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
                names.extend(m.name_bytes().map(<[u8]>::to_vec));
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
