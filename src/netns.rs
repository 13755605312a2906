//! Named network namespaces, the way `ip netns` keeps them: [`Namespaces`].
//!
//! A named namespace is a namespace file bind-mounted onto `RUN_DIR/NAME` (`/run/netns/NAME`
//! by default): the mount keeps the namespace alive with no process in it, and any program
//! that knows the name can open it (`ip netns exec`, `ip link set ... netns NAME`, this
//! crate's [`NetnsRef::Name`]). The run dir is a parameter, so containers and tests can keep
//! their names away from the host's `/run/netns`.
//!
//! Names are checked as iproute2 checks them, and failures read like its messages:
//!
//! ```text
//! Invalid netns name "x/y"
//! Cannot create namespace file "/run/netns/blue": File exists
//! Cannot remove namespace file "/run/netns/blue": No such file or directory
//! Cannot open network namespace "blue": No such file or directory
//! ```
//!
//! Nothing here forks: namespaces are created and entered on dedicated threads, so the
//! caller's thread never changes namespace and the process may be multi-threaded
//! ([`Namespaces::add_on_current_thread`] is the opt-in exception, as `ip netns add` does it).
//! [`Namespaces::exec`] prepares a caller's own [`Command`] the way `ip netns exec` enters a
//! namespace (a private mount namespace, the namespace's `/sys`, `ETC/netns/NAME` bound over
//! `ETC`), done in the child between `fork` and `exec`; [`Namespaces::watch`] follows names
//! coming and going (`ip netns monitor`). A name left half made by an add that was killed is
//! healed by the next add of that name (see [`RunDir::create`]).
//!
//! # Example
//!
//! ```no_run
//! use rtnl_ip::NsidValue;
//! use rtnl_ip::netns::Namespaces;
//!
//! let names = Namespaces::new(); // /run/netns
//! names.add("blue")?;
//! let id = names.set_id("blue", NsidValue::Number(5))?; // ip netns set blue 5
//! assert_eq!(id, 5);
//! for ns in names.list()? {
//!     println!("{ns}"); // blue (id: 5)
//! }
//! // Work inside it without moving the calling thread:
//! let lo_index = names.run_in("blue", || rtnl_ip::Handle::new()?.link_index(rtnl_ip::LinkRef::from("lo")))??;
//! names.delete("blue")?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # References
//!  - [`ip-netns(8)`](https://man7.org/linux/man-pages/man8/ip-netns.8.html)
//!  - [`network_namespaces(7)`](https://man7.org/linux/man-pages/man7/network_namespaces.7.html)
//!  - iproute2 `ip/ipnetns.c`

use std::collections::VecDeque;
use std::ffi::{OsStr, OsString};
use std::fmt;
use std::mem::MaybeUninit;
use std::os::unix::ffi::OsStrExt as _;
use std::process::Command;

use rtnl_codec::raw::RtGenMsg;
use rtnl_codec::request::NsidDump;
use rtnl_codec::{MessageBuilder, NsidMessage, netnsa, nlm_f, rtm};
use rtnl_sys::{CommandNetnsExt, NetnsChange, NetnsExec, NetnsFd, NetnsId, NetnsWatch, RunDir};

use crate::dump::Everything;
use crate::error::{Context, Error, ErrorKind, Result};
use crate::handle::{Handle, NetnsRef};
use crate::model::Nsid;
use crate::nsid::NsidValue;

/// A named namespace and the id the current namespace has for it, as one line of
/// `ip netns list` shows it: `NAME (id: N)`, or `NAME` when it has no id here.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct NamedNetns {
    /// The name: the file name in the run dir (bytes, which need not be UTF-8).
    pub name: OsString,
    /// Its nsid in the namespace the list was made from (`RTM_GETNSID` with `NETNSA_FD`);
    /// `None` when none is assigned (or the entry is not a namespace file, which `ip` lists
    /// the same way).
    pub nsid: Option<i32>,
}

impl fmt::Display for NamedNetns {
    /// `ip netns list`'s line: `blue (id: 5)` or `blue`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name.to_string_lossy())?;
        if let Some(id) = self.nsid {
            write!(f, " (id: {id})")?;
        }
        Ok(())
    }
}

/// The named network namespaces of one run directory (`/run/netns` unless told otherwise):
/// what `ip netns add/attach/delete/list/identify/pids/set/list-id` do.
///
/// The value is only the run dir's path; every operation goes to the file system (and, for
/// ids, to the kernel) afresh. Operations on ids use a netlink socket in the calling
/// thread's namespace, opened for the call; the `_with` forms take a [`Handle`] instead, and
/// then ids are those of the handle's namespace (as `ip -n NS netns list` shows them).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Namespaces {
    run_dir: String,
    /// Where `netns/NAME/X` files to bind over `X` are found for [`Namespaces::exec`]
    /// (`/etc`).
    etc_dir: String,
}

impl Default for Namespaces {
    fn default() -> Self {
        Self::new()
    }
}

impl Namespaces {
    /// The named namespaces of `/run/netns`, iproute2's run dir.
    pub fn new() -> Self {
        Self::at(rtnl_sys::DEFAULT_RUN_DIR)
    }

    /// The named namespaces of the run dir `run_dir` (created by the first [`add`](Self::add)
    /// if missing).
    pub fn at(run_dir: impl Into<String>) -> Self {
        Namespaces {
            run_dir: run_dir.into(),
            etc_dir: rtnl_sys::DEFAULT_ETC_DIR.to_owned(),
        }
    }

    /// The same run dir, with `etc_dir` instead of `/etc` for [`exec`](Self::exec): the files
    /// of `etc_dir/netns/NAME` are bound over those of `etc_dir`.
    #[must_use]
    pub fn with_etc_dir(mut self, etc_dir: impl Into<String>) -> Self {
        self.etc_dir = etc_dir.into();
        self
    }

    /// The etc dir (`/etc` unless [`with_etc_dir`](Self::with_etc_dir) said otherwise).
    pub fn etc_dir(&self) -> &str {
        &self.etc_dir
    }

    /// The run dir's path.
    pub fn run_dir(&self) -> &str {
        &self.run_dir
    }

    fn dir(&self) -> RunDir<'_> {
        RunDir::new(&self.run_dir)
    }

    /// The path of `name`'s file, as its bytes (for error messages, which name the file as
    /// `ip` does).
    fn path_of(&self, name: &OsStr) -> Vec<u8> {
        let mut path = self.run_dir.as_bytes().to_vec();
        if !self.run_dir.ends_with('/') {
            path.push(b'/');
        }
        path.extend_from_slice(name.as_bytes());
        path
    }

    /// `unshare(CLONE_NEWNET)` on a dedicated thread, then a bind mount of its namespace onto
    /// `RUN_DIR/NAME` (`ip netns add NAME`).
    ///
    /// The run dir is created if needed and made a shared mount (bound onto itself first when
    /// it is not a mount point), under an `flock`, as iproute2 does. The new namespace has only
    /// `lo`, down. A failed add leaves neither file nor mount behind.
    ///
    /// # Errors
    /// `Invalid netns name "x/y"` (empty, `.`, `..`, a `/`, longer than 255 bytes);
    /// `Cannot create namespace file "RUN_DIR/NAME": File exists`; `EPERM` without
    /// `CAP_SYS_ADMIN`.
    pub fn add(&self, name: &(impl AsRef<OsStr> + ?Sized)) -> Result<()> {
        let name = name.as_ref();
        self.dir()
            .create(name.as_bytes())
            .context_bytes("add namespace", &self.path_of(name))
    }

    /// [`add`](Self::add) on the calling thread, without starting one, as `ip netns add` does
    /// it: the thread saves its namespace, unshares a new one, bind-mounts it onto
    /// `RUN_DIR/NAME` and `setns`es back. Faster (no thread to start and reap), for callers
    /// whose thread may change namespace for a moment (a command-line tool, a thread of a
    /// runtime's own). See [`RunDir::create_on_current_thread`].
    ///
    /// Like [`add`](Self::add), it heals the leftover of an add that was killed before its
    /// bind mount (an empty file that is not a namespace) instead of failing with `File
    /// exists`.
    ///
    /// # Errors
    /// As [`add`](Self::add).
    pub fn add_on_current_thread(&self, name: &(impl AsRef<OsStr> + ?Sized)) -> Result<()> {
        let name = name.as_ref();
        self.dir()
            .create_on_current_thread(name.as_bytes())
            .context_bytes("add namespace", &self.path_of(name))
    }

    /// A bind mount of `/proc/PID/ns/net` onto `RUN_DIR/NAME`: names the network namespace of
    /// process `pid` (`ip netns attach NAME PID`).
    ///
    /// # Errors
    /// As [`add`](Self::add); `No such file or directory` when there is no process `pid`.
    pub fn attach(&self, name: &(impl AsRef<OsStr> + ?Sized), pid: u32) -> Result<()> {
        let name = name.as_ref();
        self.dir()
            .attach(name.as_bytes(), pid)
            .context_bytes("attach namespace", &self.path_of(name))
    }

    /// `umount2(RUN_DIR/NAME, MNT_DETACH)` then `unlink` (`ip netns delete NAME`).
    ///
    /// Only the name goes: the namespace itself lives on while a process, a socket or an open
    /// file still holds it.
    ///
    /// # Errors
    /// `Cannot remove namespace file "RUN_DIR/NAME": No such file or directory` when there is
    /// no such name; `Invalid netns name` for a name `ip` refuses.
    pub fn delete(&self, name: &(impl AsRef<OsStr> + ?Sized)) -> Result<()> {
        let name = name.as_ref();
        self.dir()
            .delete(name.as_bytes())
            .context_bytes("delete namespace", &self.path_of(name))
    }

    /// `getdents64` of the run dir: the names, in directory order (`ip netns list` without the
    /// ids). A missing run dir has no names. A name is the file's bytes (an `OsString`), which
    /// need not be UTF-8.
    pub fn names(&self) -> Result<Vec<OsString>> {
        let mut names = Vec::new();
        self.dir()
            .list(|name| names.push(OsStr::from_bytes(name).to_owned()))
            .context("list namespaces", &self.run_dir)?;
        Ok(names)
    }

    /// `getdents64` of the run dir, then `RTM_GETNSID` (`NETNSA_FD`) for each name: every named
    /// namespace with its id in the calling thread's namespace, in directory order, as
    /// `ip netns list` prints them.
    ///
    /// A name whose file cannot be opened or is not a namespace is listed without an id, as
    /// `ip` does.
    ///
    /// # Errors
    /// When the run dir cannot be read or no netlink socket can be opened.
    pub fn list(&self) -> Result<Vec<NamedNetns>> {
        self.list_with(&mut Handle::new()?)
    }

    /// [`list`](Self::list) with the ids of `handle`'s namespace (`ip -n NS netns list`).
    ///
    /// # Errors
    /// When the run dir cannot be read.
    pub fn list_with(&self, handle: &mut Handle) -> Result<Vec<NamedNetns>> {
        let names = self.names()?;
        Ok(names
            .into_iter()
            .map(|name| {
                let nsid = self.nsid_of(handle, &name).ok().flatten();
                NamedNetns { name, nsid }
            })
            .collect())
    }

    /// `open(RUN_DIR/NAME)` then `RTM_GETNSID` (`NETNSA_FD`): the id `handle`'s namespace has
    /// for the named one, `None` when it has none.
    ///
    /// # Errors
    /// `Cannot open network namespace "NAME"`; the kernel's refusal (`EINVAL` when the file is
    /// not a network namespace).
    pub fn nsid_of(
        &self,
        handle: &mut Handle,
        name: &(impl AsRef<OsStr> + ?Sized),
    ) -> Result<Option<i32>> {
        let fd = self.open(name)?;
        handle.nsid_get(NetnsRef::Fd(&fd))
    }

    /// `stat` of `/proc/PID/ns/net` and of every entry of the run dir: the names of process
    /// `pid`'s network namespace (`ip netns identify PID`), in directory order.
    ///
    /// Every name is returned, as ip-netns(8) describes; iproute2 6.1 itself prints only one,
    /// the last in directory order.
    ///
    /// # Errors
    /// `No such file or directory` when there is no process `pid`.
    pub fn identify(&self, pid: u32) -> Result<Vec<OsString>> {
        let mut names = Vec::new();
        self.dir()
            .identify_pid(pid, |name| names.push(OsStr::from_bytes(name).to_owned()))
            .context("identify namespace", format!("pid {pid}"))?;
        Ok(names)
    }

    /// `stat` of `/proc/thread-self/ns/net` and of every entry of the run dir: the names of the
    /// calling thread's network namespace (`ip netns identify` with no PID, for this thread).
    ///
    /// # Errors
    /// When `/proc` or the run dir cannot be read.
    pub fn identify_current(&self) -> Result<Vec<OsString>> {
        let id = NetnsId::current().context("identify namespace", "current thread")?;
        self.identify_id(id)
    }

    /// `stat` of every entry of the run dir: the names of the namespace `id` (see
    /// [`NetnsFd::id`]).
    ///
    /// # Errors
    /// When the run dir cannot be read.
    pub fn identify_id(&self, id: NetnsId) -> Result<Vec<OsString>> {
        let mut names = Vec::new();
        self.dir()
            .identify(id, |name| names.push(OsStr::from_bytes(name).to_owned()))
            .context("identify namespace", &self.run_dir)?;
        Ok(names)
    }

    /// `stat` of `RUN_DIR/NAME` and of every `/proc/PID/ns/net`: the processes whose network
    /// namespace is the named one (`ip netns pids NAME`), in `/proc` order. Only a process's
    /// main thread counts, as for iproute2.
    ///
    /// # Errors
    /// `Cannot stat namespace file "NAME"` when there is no such name.
    pub fn pids(&self, name: &(impl AsRef<OsStr> + ?Sized)) -> Result<Vec<u32>> {
        let name = name.as_ref();
        let mut pids = Vec::new();
        self.dir()
            .pids(name.as_bytes(), |pid| pids.push(pid))
            .context_bytes("list namespace pids", name.as_bytes())?;
        Ok(pids)
    }

    /// `open(RUN_DIR/NAME, O_RDONLY | O_CLOEXEC)`: the named namespace, to enter, to hand to
    /// the kernel or to keep alive.
    ///
    /// # Errors
    /// `Cannot open network namespace "NAME": No such file or directory`.
    pub fn open(&self, name: &(impl AsRef<OsStr> + ?Sized)) -> Result<NetnsFd> {
        let name = name.as_ref();
        self.dir()
            .open(name.as_bytes())
            .context_bytes("open namespace", name.as_bytes())
    }

    /// `RTM_NEWNSID` (`NETNSA_FD`, `NETNSA_NSID`): gives the named namespace an id in the
    /// calling thread's namespace, a number or the lowest free one (`ip netns set NAME
    /// NSID|auto`), and returns the id it now has (for [`NsidValue::Auto`] read back with
    /// `RTM_GETNSID`). See [`Handle::nsid_set`].
    ///
    /// An id cannot be changed once assigned: the kernel refuses with `EEXIST` (`Error: Peer
    /// netns already has a nsid assigned.`).
    ///
    /// # Errors
    /// `Cannot open network namespace "NAME"`; the kernel's refusal.
    pub fn set_id(&self, name: &(impl AsRef<OsStr> + ?Sized), value: NsidValue) -> Result<i32> {
        self.set_id_with(&mut Handle::new()?, name, value)
    }

    /// [`set_id`](Self::set_id) in `handle`'s namespace.
    ///
    /// # Errors
    /// As [`set_id`](Self::set_id).
    pub fn set_id_with(
        &self,
        handle: &mut Handle,
        name: &(impl AsRef<OsStr> + ?Sized),
        value: NsidValue,
    ) -> Result<i32> {
        let fd = self.open(name)?;
        handle.nsid_set(NetnsRef::Fd(&fd), value)
    }

    /// `RTM_GETNSID` dump, then the ids of the named namespaces: every nsid the calling
    /// thread's namespace has assigned, with the name of the named namespace it stands for
    /// when there is one (`ip netns list-id`), in the kernel's order (by id).
    ///
    /// # Errors
    /// When no netlink socket can be opened or the dump fails.
    pub fn list_id(&self) -> Result<Vec<Nsid>> {
        self.list_id_with(&mut Handle::new()?)
    }

    /// [`list_id`](Self::list_id) in `handle`'s namespace (`ip -n NS netns list-id`).
    ///
    /// # Errors
    /// When the dump fails.
    pub fn list_id_with(&self, handle: &mut Handle) -> Result<Vec<Nsid>> {
        let mut nsids = handle.nsids()?;
        self.name_nsids(handle, &mut nsids)?;
        Ok(nsids)
    }

    /// `RTM_GETNSID` (`NETNSA_FD`) for each name of the run dir: fills in the
    /// [`name`](Nsid::name) of each of `nsids` (ids of `handle`'s namespace) whose namespace
    /// has a name here, as `ip netns list-id` does. When several names stand for one
    /// namespace, the first in directory order is taken.
    ///
    /// # Errors
    /// When the run dir cannot be read.
    pub fn name_nsids(&self, handle: &mut Handle, nsids: &mut [Nsid]) -> Result<()> {
        if nsids.is_empty() {
            return Ok(());
        }
        for named in self.list_with(handle)? {
            let Some(id) = named.nsid else { continue };
            for nsid in nsids
                .iter_mut()
                .filter(|n| n.nsid == id && n.name.is_none())
            {
                nsid.name = Some(named.name.clone());
            }
        }
        Ok(())
    }

    /// `setns(CLONE_NEWNET)` on a dedicated thread: runs `f` inside the named namespace and
    /// returns its result; the calling thread never changes namespace (what `ip netns exec`
    /// does for a command, without `exec`).
    ///
    /// Sockets opened in `f` (a [`Handle`], say) stay in the namespace and can be returned;
    /// processes spawned from `f` start in it. Only the network namespace changes: unlike
    /// `ip netns exec`, no mount namespace is made, `/sys` still shows the caller's
    /// namespace and `/etc/netns/NAME` is not bound over `/etc`. A panic in `f` is resumed on
    /// the caller.
    ///
    /// # Errors
    /// `Cannot open network namespace "NAME"`; a failed thread spawn or `setns`.
    pub fn run_in<R: Send>(
        &self,
        name: &(impl AsRef<OsStr> + ?Sized),
        f: impl FnOnce() -> R + Send,
    ) -> Result<R> {
        let name = name.as_ref();
        let fd = self.open(name)?;
        rtnl_sys::run_in(&fd, f).context_bytes("enter namespace", name.as_bytes())
    }

    /// Opens the named namespace and prepares what `ip netns exec NAME` does before it runs a
    /// command ([`NetnsExec`]: `setns`, a new mount namespace with `/` a slave, a fresh
    /// `/sys`, `ETC/netns/NAME/X` bound over `ETC/X`), to enter in a process that is about to
    /// `exec` ([`NetnsExec::enter`]) or in a child ([`exec`](Self::exec)).
    ///
    /// # Errors
    /// `Invalid netns name`; `Cannot open network namespace "NAME": No such file or directory`.
    pub fn prepare_exec(&self, name: &(impl AsRef<OsStr> + ?Sized)) -> Result<NetnsExec> {
        let name = name.as_ref().as_bytes();
        NetnsExec::prepare(self.dir(), &self.etc_dir, name).context_bytes("open namespace", name)
    }

    /// Makes `command` run inside the named namespace the way `ip netns exec NAME` runs it:
    /// the child enters it between `fork` and `exec` ([`NetnsExec::enter`], which makes only
    /// system calls on paths prepared here, so it is safe in the child of a multi-threaded
    /// process). Nothing changes in the calling process.
    ///
    /// ```no_run
    /// use std::process::Command;
    /// use rtnl_ip::netns::Namespaces;
    ///
    /// let mut cmd = Command::new("ip");
    /// cmd.args(["link", "set", "lo", "up"]);
    /// let status = Namespaces::new().exec("vpn", &mut cmd)?.status()?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`prepare_exec`](Self::prepare_exec). A failure to enter shows later, as the
    /// errno of the failed spawn.
    pub fn exec<'c>(
        &self,
        name: &(impl AsRef<OsStr> + ?Sized),
        command: &'c mut Command,
    ) -> Result<&'c mut Command> {
        let prepared = self.prepare_exec(name)?;
        Ok(command.netns_exec(prepared))
    }

    /// An inotify watch on the run dir (created if missing, as `ip netns monitor` does): the
    /// names added and deleted from now on, by any program, as an iterator that blocks for the
    /// next change.
    ///
    /// ```no_run
    /// use rtnl_ip::netns::{Namespaces, NetnsEvent};
    ///
    /// for event in Namespaces::new().watch()? {
    ///     match event? {
    ///         NetnsEvent::Added(name) => println!("add {}", name.display()),
    ///         NetnsEvent::Deleted(name) => println!("delete {}", name.display()),
    ///     }
    /// }
    /// # Ok::<(), rtnl_ip::Error>(())
    /// ```
    ///
    /// # Errors
    /// When the run dir cannot be made or watched.
    pub fn watch(&self) -> Result<NetnsEvents> {
        let watch = NetnsWatch::new(self.dir()).context("watch namespaces", &self.run_dir)?;
        Ok(NetnsEvents {
            watch,
            buf: vec![MaybeUninit::uninit(); 4096].into_boxed_slice(),
            queue: VecDeque::new(),
            run_dir: self.run_dir.clone(),
        })
    }

    /// `RTM_GETNSID` with `NETNSA_NSID` (and `NETNSA_TARGET_NSID` when `target` is given): the
    /// namespace that `handle`'s namespace calls `nsid`, as `ip netns list-id nsid N
    /// [target-nsid T]` shows it. Without `target`, [`Nsid::nsid`] is `nsid`; with it,
    /// [`Nsid::nsid`] is that namespace's id in the target and [`Nsid::current_nsid`] is
    /// `nsid`. [`Nsid::name`] is the named namespace it is, if any.
    ///
    /// # Errors
    /// The kernel's refusal: `Error: Peer netns reference is invalid.` when there is no such
    /// id, `Error: Target netns reference is invalid.` for an unknown target.
    pub fn nsid_lookup(&self, handle: &mut Handle, nsid: i32, target: Option<i32>) -> Result<Nsid> {
        let found = handle.get(
            "get nsid",
            nsid,
            |buf| nsid_query(buf, nsid, target),
            |reply| NsidMessage::parse(reply).map(|m| Nsid::from_message(&m)),
        )?;
        let mut found = found.ok_or_else(|| {
            Error::new(
                "get nsid",
                Some(nsid.to_string()),
                ErrorKind::Invalid("the kernel's reply has no NETNSA_NSID"),
            )
        })?;
        let key = found.current_nsid.unwrap_or(found.nsid);
        found.name = self.name_of_nsid(handle, key)?;
        Ok(found)
    }

    /// `RTM_GETNSID` dump with `NETNSA_TARGET_NSID`: every id the namespace that `handle`'s
    /// namespace calls `target` has given (`ip netns list-id target-nsid T`), each with
    /// [`Nsid::current_nsid`], the id `handle`'s namespace has for the same namespace, and
    /// [`Nsid::name`] found by that id.
    ///
    /// iproute2 6.1 looks a name up by [`Nsid::current_nsid`] too, but when the current
    /// namespace has no id for an entry it falls back to a lookup by the target's id, which
    /// may print the name of an unrelated namespace; here such an entry has no name.
    ///
    /// # Errors
    /// The kernel's refusal (`Error: Target netns reference is invalid.`).
    pub fn list_id_of_target(&self, handle: &mut Handle, target: i32) -> Result<Vec<Nsid>> {
        let dump = NsidDump {
            target_nsid: Some(target),
        };
        let mut found: Vec<Nsid> = handle.select_owned(&Everything("list nsids", &dump))?;
        let ids = self.ids_by_name(handle)?;
        for nsid in &mut found {
            if let Some(current) = nsid.current_nsid.filter(|&c| c >= 0) {
                nsid.name = ids
                    .iter()
                    .find(|(_, id)| *id == current)
                    .map(|(name, _)| name.clone());
            }
        }
        Ok(found)
    }

    /// Each name of the run dir with the id `handle`'s namespace has for it (names without one
    /// left out), in directory order.
    fn ids_by_name(&self, handle: &mut Handle) -> Result<Vec<(OsString, i32)>> {
        Ok(self
            .list_with(handle)?
            .into_iter()
            .filter_map(|n| Some((n.name, n.nsid?)))
            .collect())
    }

    /// The first name (in directory order) whose id in `handle`'s namespace is `nsid`.
    fn name_of_nsid(&self, handle: &mut Handle, nsid: i32) -> Result<Option<OsString>> {
        if nsid < 0 {
            return Ok(None);
        }
        Ok(self
            .ids_by_name(handle)?
            .into_iter()
            .find(|(_, id)| *id == nsid)
            .map(|(name, _)| name))
    }

    /// `setns(CLONE_NEWNET)` on a short-lived thread and `socket(AF_NETLINK)` there: a
    /// [`Handle`] whose socket lives in the named namespace (`ip -n NAME`), with names
    /// resolved in this run dir. See [`Handle::in_netns_at`].
    ///
    /// # Errors
    /// `Cannot open network namespace "NAME"`; a failed socket.
    pub fn handle(&self, name: &(impl AsRef<OsStr> + ?Sized)) -> Result<Handle> {
        Handle::in_netns_at(&self.run_dir, NetnsRef::name(name))
    }
}

/// Writes an `RTM_GETNSID` that names the peer by `NETNSA_NSID` (and the namespace to answer
/// in by `NETNSA_TARGET_NSID`), as `ip netns list-id nsid N [target-nsid T]` sends it.
fn nsid_query(
    buf: &mut [u8],
    nsid: i32,
    target: Option<i32>,
) -> std::result::Result<MessageBuilder<'_>, rtnl_codec::Error> {
    let mut b = MessageBuilder::new(buf, rtm::GETNSID, nlm_f::REQUEST, 0)?;
    b.header(&RtGenMsg::default())?;
    b.put_i32(netnsa::NSID, nsid)?;
    if let Some(target) = target {
        b.put_i32(netnsa::TARGET_NSID, target)?;
    }
    Ok(b)
}

/// A change of the run dir's names, from [`Namespaces::watch`] (`ip netns monitor`'s lines).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum NetnsEvent {
    /// `add NAME`: the file `RUN_DIR/NAME` was created (an add starts with it, before the
    /// namespace is mounted on it). The name is the file's bytes.
    Added(OsString),
    /// `delete NAME`: the file `RUN_DIR/NAME` was removed.
    Deleted(OsString),
}

impl NetnsEvent {
    /// `ip netns monitor`'s line, without its newline, with the name's bytes as they are.
    pub fn to_bytes(&self) -> Vec<u8> {
        let (what, name) = match self {
            NetnsEvent::Added(name) => (&b"add "[..], name),
            NetnsEvent::Deleted(name) => (&b"delete "[..], name),
        };
        [what, name.as_bytes()].concat()
    }
}

impl fmt::Display for NetnsEvent {
    /// `ip netns monitor`'s line: `add NAME` or `delete NAME` (U+FFFD for bytes of the name
    /// that are not UTF-8; see [`NetnsEvent::to_bytes`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NetnsEvent::Added(name) => write!(f, "add {}", name.to_string_lossy()),
            NetnsEvent::Deleted(name) => write!(f, "delete {}", name.to_string_lossy()),
        }
    }
}

/// The changes of a run dir's names, in order, from [`Namespaces::watch`]: an iterator that
/// blocks (an inotify `read`) until the next change. It never ends by itself; a failed read
/// is yielded as an error.
#[derive(Debug)]
pub struct NetnsEvents {
    watch: NetnsWatch,
    buf: Box<[MaybeUninit<u8>]>,
    queue: VecDeque<NetnsEvent>,
    run_dir: String,
}

impl Iterator for NetnsEvents {
    type Item = Result<NetnsEvent>;

    fn next(&mut self) -> Option<Self::Item> {
        while self.queue.is_empty() {
            let queue = &mut self.queue;
            let read = self.watch.read(&mut self.buf, |change| {
                queue.push_back(match change {
                    NetnsChange::Added(name) => NetnsEvent::Added(OsStr::from_bytes(name).into()),
                    NetnsChange::Deleted(name) => {
                        NetnsEvent::Deleted(OsStr::from_bytes(name).into())
                    }
                });
            });
            if let Err(e) = read.context("watch namespaces", &self.run_dir) {
                return Some(Err(e));
            }
        }
        self.queue.pop_front().map(Ok)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_read_like_ip_netns_list() {
        let named = NamedNetns {
            name: "blue".into(),
            nsid: Some(5),
        };
        assert_eq!(named.to_string(), "blue (id: 5)");
        let unnumbered = NamedNetns {
            name: "red".into(),
            nsid: None,
        };
        assert_eq!(unnumbered.to_string(), "red");
    }

    #[test]
    fn paths_name_the_file_as_ip_does() {
        assert_eq!(Namespaces::new().path_of("a".as_ref()), b"/run/netns/a");
        assert_eq!(Namespaces::at("/tmp/x/").path_of("a".as_ref()), b"/tmp/x/a");
        let name = OsStr::from_bytes(b"\xff");
        assert_eq!(Namespaces::new().path_of(name), b"/run/netns/\xff");
    }

    #[test]
    fn invalid_names_are_refused_before_any_system_call() {
        let names = Namespaces::at("/nonexistent/run/dir");
        for bad in ["", ".", "..", "x/y"] {
            let e = names.add(bad).unwrap_err();
            assert_eq!(e.to_string(), format!("Invalid netns name \"{bad}\""));
            let e = names.delete(bad).unwrap_err();
            assert_eq!(e.to_string(), format!("Invalid netns name \"{bad}\""));
        }
    }
}
