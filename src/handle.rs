//! [`Handle`]: one rtnetlink socket, its buffers and its sequence numbers.

use std::os::unix::ffi::OsStrExt as _;
use std::time::Duration;

use rtnl_codec::{Message, MessageBuilder};
use rtnl_sys::{Deadline, Engine, NetnsFd, RECV_BUFFER_SIZE, RunDir, Socket};

use crate::error::{Context, Error, ErrorKind, Result};
pub(crate) use crate::vocab::NetnsRef;

/// Room for one request; the largest `ip` sends (a veth with both ends' attributes) is a few
/// hundred bytes.
const REQUEST_BUFFER_SIZE: usize = 8 * 1024;

/// How long each operation of a new [`Handle`] may wait for the kernel's answer: 30 s.
///
/// The kernel answers a request while it is being sent, so an answer that has not come after
/// this long is not coming (a lost acknowledgement, a wedged driver); the operation fails with
/// [`ErrorKind::TimedOut`] instead of hanging. Change it with [`Handle::set_timeout`] (`None`:
/// wait forever) or for one call with [`Handle::with_timeout`].
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// A blocking rtnetlink handle: one `NETLINK_ROUTE` socket (extended ack and strict checking
/// on), a receive buffer a dump of any size fits through, and a request buffer, reused by every
/// operation.
///
/// A handle made with [`Handle::in_netns`] works in that namespace (like `ip -n NAME`), while
/// the calling thread stays where it is: the socket is opened on a short-lived thread inside
/// the namespace, and a netlink socket belongs to the namespace it was opened in.
///
/// Every operation waits at most [`DEFAULT_TIMEOUT`] for the kernel unless told otherwise
/// ([`Handle::set_timeout`], [`Handle::with_timeout`], [`Handle::set_deadline`]).
#[derive(Debug)]
pub struct Handle {
    engine: Engine<Socket>,
    rx: Vec<u8>,
    /// The second receive buffer of a dump read a datagram ahead ([`Engine::dump_lookahead`]);
    /// empty until one is.
    ahead: Vec<u8>,
    tx: Vec<u8>,
    run_dir: String,
    warning: Option<String>,
    /// Whether an inconsistent dump is redone ([`Handle::set_retry_interrupted_dumps`]).
    pub(crate) retry_interrupted: bool,
    /// Whether a dump done once was inconsistent, since [`Handle::take_dump_interrupted`].
    pub(crate) dump_interrupted: bool,
    /// The namespace of [`Handle::in_netns`], where waits open their event socket.
    netns: Option<NetnsFd>,
    /// [`Handle::set_echo`]: `None` when off; else what the last acknowledged request echoed.
    echo: Option<Echo>,
}

/// What the kernel sent back for the last acknowledged request of a handle with
/// [`Handle::set_echo`] on.
#[derive(Debug, Default)]
struct Echo {
    /// Whether a request went out since the last [`Handle::take_echo`].
    sent: bool,
    /// The first message echoed for it, if any.
    first: Option<Vec<u8>>,
}

impl Handle {
    /// A handle in the calling thread's network namespace.
    pub fn new() -> Result<Handle> {
        let socket = Socket::new().context_none("open netlink socket")?;
        Ok(Handle::with_socket(socket))
    }

    /// A handle in `netns` (`ip -n`); named namespaces are looked up in `/run/netns`.
    pub fn in_netns(netns: NetnsRef<'_>) -> Result<Handle> {
        Self::in_netns_at(rtnl_sys::DEFAULT_RUN_DIR, netns)
    }

    /// A handle in `netns`, with named namespaces looked up in `run_dir` (here and in every
    /// later operation that names a namespace).
    pub fn in_netns_at(run_dir: &str, netns: NetnsRef<'_>) -> Result<Handle> {
        let fd = open_netns(run_dir, netns)?;
        let socket = rtnl_sys::run_in(&fd, Socket::new)
            .and_then(|socket| socket)
            .context("open netlink socket in namespace", netns)?;
        let mut handle = Handle::with_socket(socket);
        handle.run_dir = run_dir.to_owned();
        handle.netns = Some(fd);
        Ok(handle)
    }

    /// A handle over an opened socket, with the [`DEFAULT_TIMEOUT`]. Waits
    /// ([`Handle::wait_link`]) open their event socket in the calling thread's namespace,
    /// which should be the socket's.
    pub fn with_socket(socket: Socket) -> Handle {
        let mut engine = Engine::new(socket);
        engine.set_timeout(Some(DEFAULT_TIMEOUT));
        Handle {
            engine,
            rx: vec![0; RECV_BUFFER_SIZE],
            ahead: Vec::new(),
            tx: vec![0; REQUEST_BUFFER_SIZE],
            run_dir: rtnl_sys::DEFAULT_RUN_DIR.to_owned(),
            warning: None,
            retry_interrupted: true,
            dump_interrupted: false,
            netns: None,
            echo: None,
        }
    }

    /// Sets the directory where named namespaces are looked up (default `/run/netns`).
    pub fn set_run_dir(&mut self, run_dir: &str) {
        run_dir.clone_into(&mut self.run_dir);
    }

    /// The directory where named namespaces are looked up.
    pub fn run_dir(&self) -> &str {
        &self.run_dir
    }

    /// The kernel's warning on the last request that succeeded with one (`ip` prints it as
    /// `Warning: <text>.`).
    pub fn last_warning(&self) -> Option<&str> {
        self.warning.as_deref()
    }

    /// Chooses what a dump does when the kernel reports it inconsistent (`NLM_F_DUMP_INTR`:
    /// the table changed while it was read). `true` (the default): it is redone a few times, a
    /// streaming dump's callback sees [`DumpRow::Restart`](crate::DumpRow::Restart) first, and a
    /// dump still inconsistent after the last attempt is an error. `false`: it is done once, as
    /// `ip` does (`rtnl_dump_filter_l` in iproute2's `lib/libnetlink.c`): every reply is
    /// delivered once, the dump succeeds, and [`Handle::take_dump_interrupted`] says it was
    /// inconsistent.
    pub fn set_retry_interrupted_dumps(&mut self, retry: bool) {
        self.retry_interrupted = retry;
    }

    /// Whether a dump done once ([`Handle::set_retry_interrupted_dumps`] `false`) was reported
    /// inconsistent by the kernel (`NLM_F_DUMP_INTR`) since the last call; clears it. `ip`
    /// then prints `Dump was interrupted and may be inconsistent.` on stderr.
    pub fn take_dump_interrupted(&mut self) -> bool {
        std::mem::take(&mut self.dump_interrupted)
    }

    /// The request engine, for requests this crate has no operation for.
    pub fn engine(&mut self) -> &mut Engine<Socket> {
        &mut self.engine
    }

    /// Opens `netns`, resolving names in this handle's run dir.
    pub fn open_netns(&self, netns: NetnsRef<'_>) -> Result<NetnsFd> {
        open_netns(&self.run_dir, netns)
    }

    /// Builds a request with `build` and sends it with `NLM_F_ACK`, waiting for the ACK.
    pub(crate) fn ack(
        &mut self,
        op: &'static str,
        object: impl ToString,
        build: impl FnOnce(&mut [u8]) -> Result<MessageBuilder<'_>, rtnl_codec::Error>,
    ) -> Result<()> {
        let object = object.to_string();
        let len = build(&mut self.tx).context(op, &object)?.len();
        self.send_ack(op, object, len)
    }

    /// The part of [`Handle::ack`] that does not depend on its caller, compiled once: the
    /// first `len` bytes of the request buffer sent, the acknowledgement (and the echo) read.
    fn send_ack(&mut self, op: &'static str, object: String, len: usize) -> Result<()> {
        let request = self.tx.get_mut(..len).unwrap_or_default();
        let ack = match &mut self.echo {
            None => self.engine.request_ack(request, &mut self.rx),
            Some(echo) => {
                *echo = Echo {
                    sent: true,
                    first: None,
                };
                self.engine.request_echo(request, &mut self.rx, |msg| {
                    echo.first.get_or_insert_with(|| msg.bytes().to_vec());
                })
            }
        }
        .context(op, object)?;
        self.warning = ack.warning().map(str::to_owned);
        Ok(())
    }

    /// Builds a `GET` request for one object and hands its reply to `read`.
    pub(crate) fn get<R>(
        &mut self,
        op: &'static str,
        object: impl ToString,
        build: impl FnOnce(&mut [u8]) -> Result<MessageBuilder<'_>, rtnl_codec::Error>,
        read: impl FnOnce(Message<'_>) -> Result<R, rtnl_codec::Error>,
    ) -> Result<R> {
        let object = object.to_string();
        let len = build(&mut self.tx).context(op, &object)?.len();
        let reply = self.exchange(op, &object, len)?;
        read(reply).map_err(|e| Error::new(op, Some(object), rtnl_sys::Error::from(e).into()))
    }

    /// The part of [`Handle::get`] that does not depend on its caller, compiled once: the
    /// first `len` bytes of the request buffer sent, the reply received.
    fn exchange(&mut self, op: &'static str, object: &str, len: usize) -> Result<Message<'_>> {
        let request = self.tx.get_mut(..len).unwrap_or_default();
        self.engine
            .request_reply(request, &mut self.rx)
            .map_err(|e| Error::new(op, Some(object.to_owned()), e.into()))
    }

    /// Turns `NLM_F_ECHO` on (or off) for the requests this handle acknowledges (adding,
    /// changing, deleting), as `ip -echo` does: the kernel then sends this socket its
    /// notification of the change, which [`Handle::take_echo`] returns.
    pub fn set_echo(&mut self, on: bool) {
        self.echo = on.then(Echo::default);
    }

    /// With [`Handle::set_echo`] on: `None` when no acknowledged request went out since the
    /// last call; else the first message the kernel echoed for the last one (a
    /// `RTM_NEWLINK`, `RTM_DELADDR`, ... as a monitor would receive it), if it echoed any.
    pub fn take_echo(&mut self) -> Option<Option<Vec<u8>>> {
        let echo = self.echo.as_mut()?;
        let taken = std::mem::take(echo);
        taken.sent.then_some(taken.first)
    }

    /// The engine and the request and receive buffers, borrowed together.
    pub(crate) fn parts(&mut self) -> (&mut Engine<Socket>, &mut [u8], &mut [u8]) {
        (&mut self.engine, &mut self.tx, &mut self.rx)
    }

    /// [`Handle::parts`] with the second receive buffer of a dump read a datagram ahead.
    pub(crate) fn parts_ahead(&mut self) -> (&mut Engine<Socket>, &mut [u8], [&mut [u8]; 2]) {
        if self.ahead.is_empty() {
            self.ahead = vec![0; RECV_BUFFER_SIZE];
        }
        (
            &mut self.engine,
            &mut self.tx,
            [&mut self.rx, &mut self.ahead],
        )
    }

    /// Sends every request in `requests` (messages back to back, as the codec's constructors
    /// write them) in as few datagrams as the socket allows and collects one result per
    /// request, in order. This is how a thousand links are made in the time of a few.
    pub fn batch(&mut self, op: &'static str, requests: &mut [u8]) -> Result<Vec<Result<()>>> {
        let mut results = Vec::new();
        self.engine
            .batch(requests, &mut self.rx, |index, result| {
                if results.len() <= index {
                    results.resize_with(index + 1, || Ok(()));
                }
                results[index] = result
                    .map(drop)
                    .map_err(|e| Error::new(op, Some(format!("#{index}")), e.into()));
            })
            .context_none(op)?;
        Ok(results)
    }
}

/// Deadlines: how long operations may wait for the kernel.
impl Handle {
    /// Limits each later operation to `timeout` of waiting for the kernel (default
    /// [`DEFAULT_TIMEOUT`]); `None` waits forever. Expiry is [`ErrorKind::TimedOut`].
    pub fn set_timeout(&mut self, timeout: Option<Duration>) {
        self.engine.set_timeout(timeout);
    }

    /// The limit of each operation ([`Handle::set_timeout`]).
    pub fn timeout(&self) -> Option<Duration> {
        self.engine.timeout()
    }

    /// A moment by which every later operation must be done, whatever the timeout (the
    /// earlier applies); `None` (the default): none. For a budget shared by many operations,
    /// like `rtnl -timeout`.
    pub fn set_deadline(&mut self, deadline: Option<Deadline>) {
        self.engine.set_deadline(deadline);
    }

    /// The deadline of every operation ([`Handle::set_deadline`]).
    pub fn deadline(&self) -> Option<Deadline> {
        self.engine.deadline()
    }

    /// Runs `f` with `timeout` as the limit of each operation, then puts the previous limit
    /// back: the per-call override (`h.with_timeout(Some(Duration::from_secs(2)), |h|
    /// h.link_del(LinkRef::from("v0")))`).
    pub fn with_timeout<R>(
        &mut self,
        timeout: Option<Duration>,
        f: impl FnOnce(&mut Handle) -> R,
    ) -> R {
        let before = self.timeout();
        self.set_timeout(timeout);
        let r = f(self);
        self.set_timeout(before);
        r
    }

    /// The namespace the handle was opened in by [`Handle::in_netns`]; `None` for the calling
    /// thread's.
    pub fn netns(&self) -> Option<&NetnsFd> {
        self.netns.as_ref()
    }
}

/// Opens `netns`, with names resolved in `run_dir`.
pub(crate) fn open_netns(run_dir: &str, netns: NetnsRef<'_>) -> Result<NetnsFd> {
    match netns {
        NetnsRef::Name(name) => RunDir::new(run_dir)
            .open(name.as_bytes())
            .context_bytes("open namespace", name.as_bytes()),
        NetnsRef::Path(path) => {
            NetnsFd::open(path.as_bytes()).context_bytes("open namespace", path.as_bytes())
        }
        NetnsRef::Pid(pid) => NetnsFd::of_pid(pid).context("open namespace", netns),
        NetnsRef::Fd(fd) => rustix::io::fcntl_dupfd_cloexec(fd, 0)
            .map(NetnsFd::from_owned_fd)
            .map_err(|e| Error::new("open namespace", None, ErrorKind::Os(e))),
    }
}
