//! The request engine: send a request, read the kernel's answer, check every message.
//!
//! Every received datagram goes through the same checks, libmnl's: it must come from port 0
//! (the kernel), each message must carry this socket's port id in `nlmsg_pid` and a sequence
//! number the engine is waiting for; anything else is skipped and counted in [`Stats`].
//! `NLMSG_ERROR` becomes an [`Ack`] or a [`KernelError`] with the extended-ack text copied out,
//! `NLMSG_DONE` ends a dump (with its own error code), `NLM_F_DUMP_INTR` becomes
//! [`Error::DumpInterrupted`] once the dump has been read to its end.
//!
//! A datagram larger than the receive buffer is reported as [`Error::Truncated`], after the
//! rest of that request's answer has been drained without blocking: the kernel queues a
//! request's whole answer (and produces each next dump datagram) before the `send` or `recv`
//! call that caused it returns, so "nothing queued" means "nothing more to come". The next
//! request then starts on a clean queue.
//!
//! Every blocking receive can have a deadline ([`Engine::set_timeout`] for each call,
//! [`Engine::set_deadline`] for all of them): when nothing is queued, the engine `poll`s the
//! socket for the time left before the next `recvfrom`, and fails with [`Error::TimedOut`]
//! when it is up. The answer it gave
//! up on may still come; its sequence number is remembered, and before the next request is
//! sent whatever is queued of it is read and thrown away (which also lets the kernel finish an
//! abandoned dump, so the next dump is not refused with `EBUSY`). A late answer is never taken
//! for the next one's: replies are matched by sequence number.

use core::time::Duration;

use rtnl_codec::raw::NlMsgHdr;
use rtnl_codec::{
    DoneMessage, ErrorMessage, Message, MessageMut, Messages, MessagesMut, nlm_f, nlmsg,
};
use rustix::io::Errno;

use crate::deadline::{Deadline, Waiting};
use crate::error::{Ack, Error, ExtAckInfo, KernelError};
use crate::socket::Datagram;
use crate::transport::{BatchLimits, Transport};

/// Counts of what the engine skipped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Datagrams not sent by the kernel (source port id not 0): forged or misdirected.
    pub foreign: u64,
    /// Messages from the kernel that answered nothing the engine was waiting for: another
    /// port id in `nlmsg_pid`, an old or unknown sequence number, a duplicate ACK.
    pub stale: u64,
}

/// What a message handler tells the receive loop.
enum Flow {
    /// Keep reading.
    Continue,
    /// The answer is complete.
    Stop,
    /// Not for us after all; count it as stale.
    Ignored,
}

/// Sends requests over a [`Transport`] and reads the kernel's answers.
///
/// The engine owns the sequence numbers: it writes them into each request (with
/// `NLM_F_REQUEST`, and `nlmsg_pid` 0) before sending. Requests are built by the caller, for
/// instance with `rtnl_codec::MessageBuilder`, in a buffer the engine may patch.
///
/// Replies are read into a caller's buffer; [`RECV_BUFFER_SIZE`](crate::RECV_BUFFER_SIZE)
/// (32 KiB) holds any dump datagram whole.
///
/// Use one socket for requests and another for events, as iproute2 does: the request calls
/// skip (and count as stale) whatever does not answer them, events included.
#[derive(Debug)]
pub struct Engine<T> {
    transport: T,
    seq: u32,
    stats: Stats,
    /// How long each blocking call may take; `None`: no limit.
    timeout: Option<Duration>,
    /// When every blocking call must have returned; `None`: no limit.
    deadline: Option<Deadline>,
    /// The sequence numbers of an answer given up on at its deadline, to drain first.
    abandoned: Option<(u32, u32)>,
}

/// Completes a request's header for sending: `seq`, `nlmsg_pid` 0 (the kernel fills in the
/// socket's port id) and the flags, `set` added and then `clear` removed.
fn stamp(request: &mut MessageMut<'_>, seq: u32, set: u16, clear: u16) {
    let flags = (request.header().nlmsg_flags.get() | set) & !clear;
    request.set_flags(flags).set_seq(seq).set_pid(0);
}

/// `nlmsg_seq` and `nlmsg_pid` of the first message in a (possibly truncated) datagram.
fn first_header(data: &[u8]) -> Option<(u32, u32)> {
    NlMsgHdr::peek(data).map(|h| (h.nlmsg_seq.get(), h.nlmsg_pid.get()))
}

/// Turns an `NLMSG_ERROR` into an ACK or a kernel error.
fn error_result(msg: Message<'_>) -> Result<Ack, Error> {
    let err = ErrorMessage::parse(msg)?;
    let ext = ExtAckInfo::from_view(err.ext_ack());
    if err.is_ack() {
        Ok(Ack::new(ext))
    } else {
        Err(KernelError::new(err.errno(), ext).into())
    }
}

/// Which of its two passes [`Engine::dump_lookahead`] hands a message to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pass {
    /// As soon as its datagram has been read.
    Arrived,
    /// Once the next datagram has been through [`Pass::Arrived`], or the answer has ended.
    Held,
}

/// What a message of a dump's answer is to the dump.
enum DumpStep {
    /// A reply: the caller's.
    Reply,
    /// `NLMSG_NOOP`, `NLMSG_OVERRUN`: skipped.
    Skip,
    /// `NLMSG_DONE`, or an `NLMSG_ERROR` of 0: the answer is complete.
    End,
}

impl DumpStep {
    /// The receive loop's [`Flow`] after a message that is not a reply.
    fn flow(self) -> Flow {
        match self {
            DumpStep::End => Flow::Stop,
            DumpStep::Reply | DumpStep::Skip => Flow::Continue,
        }
    }
}

/// What `msg` is to a dump; an error code in `NLMSG_DONE` or `NLMSG_ERROR` is the dump's
/// error.
fn dump_step(msg: Message<'_>) -> Result<DumpStep, Error> {
    match msg.ty() {
        nlmsg::NOOP | nlmsg::OVERRUN => Ok(DumpStep::Skip),
        nlmsg::ERROR => error_result(msg).map(|_| DumpStep::End),
        nlmsg::DONE => {
            let done = DoneMessage::parse(msg)?;
            if done.errno() != 0 {
                let ext = ExtAckInfo::from_view(done.ext_ack());
                return Err(KernelError::new(done.errno(), ext).into());
            }
            Ok(DumpStep::End)
        }
        _ => Ok(DumpStep::Reply),
    }
}

/// Hands `f` the replies of a datagram [`Engine::dump_lookahead`] has checked already, for
/// their [`Pass::Held`]: the messages from the kernel to `port` answering `seq`, up to the
/// answer's end.
fn replay(datagram: &[u8], port: u32, seq: u32, f: &mut impl FnMut(Message<'_>, Pass)) {
    for msg in Messages::new(datagram).map_while(Result::ok) {
        if msg.pid() != port || msg.seq() != seq {
            continue;
        }
        match msg.ty() {
            nlmsg::NOOP | nlmsg::OVERRUN => {}
            nlmsg::ERROR | nlmsg::DONE => return,
            _ => f(msg, Pass::Held),
        }
    }
}

impl<T: Transport> Engine<T> {
    /// An engine over `transport`; sequence numbers start at 1.
    pub fn new(transport: T) -> Self {
        Self {
            transport,
            seq: 0,
            stats: Stats::default(),
            timeout: None,
            deadline: None,
            abandoned: None,
        }
    }

    /// Limits every later blocking call ([`request_ack`](Engine::request_ack),
    /// [`request_reply`](Engine::request_reply), [`dump`](Engine::dump),
    /// [`dump_consistent`](Engine::dump_consistent), [`batch`](Engine::batch),
    /// [`recv_events`](Engine::recv_events)) to `timeout` from its start; `None` (the default)
    /// lets them wait as long as the kernel takes. Expiry is [`Error::TimedOut`].
    pub fn set_timeout(&mut self, timeout: Option<Duration>) {
        self.timeout = timeout;
    }

    /// The limit of each blocking call ([`Engine::set_timeout`]).
    pub fn timeout(&self) -> Option<Duration> {
        self.timeout
    }

    /// A moment by which every later blocking call must return, whatever the
    /// [timeout](Engine::set_timeout) (the earlier of the two applies); `None` (the default):
    /// none. For a budget shared by several calls, such as a whole command or a wait.
    pub fn set_deadline(&mut self, deadline: Option<Deadline>) {
        self.deadline = deadline;
    }

    /// The deadline of every blocking call ([`Engine::set_deadline`]).
    pub fn deadline(&self) -> Option<Deadline> {
        self.deadline
    }

    /// The deadline of a call starting now.
    fn call_deadline(&self) -> Option<Deadline> {
        Deadline::earliest(self.timeout.map(Deadline::after), self.deadline)
    }

    /// Before a request is sent: reads and drops what is queued of an answer given up on, so
    /// an abandoned dump ends and its datagrams do not wait in the queue.
    fn settle(&mut self, buf: &mut [u8]) {
        if let Some(ours) = self.abandoned.take() {
            // A failure here (an overrun) says nothing about the next request; the sequence
            // checks still keep whatever is left from being taken for its answer.
            let _ = self.drain(buf, ours);
        }
    }

    /// Receives one datagram, waiting at most until `deadline`: [`Error::TimedOut`] (and
    /// `ours` remembered as abandoned) when it passes first.
    ///
    /// The kernel has usually queued its answer before `send` returns, so a deadline costs
    /// nothing then: the datagram is taken without blocking, and the socket is polled only
    /// when nothing is queued yet.
    fn recv_within(
        &mut self,
        buf: &mut [u8],
        deadline: Option<Deadline>,
        ours: Option<(u32, u32)>,
        waiting: Waiting,
    ) -> Result<Datagram, Error> {
        let Some(deadline) = deadline else {
            return Ok(self.transport.recv(buf, false)?);
        };
        loop {
            match self.transport.recv(buf, true) {
                Err(Errno::AGAIN) => {}
                r => return Ok(r?),
            }
            if !self.transport.wait_readable(deadline)? {
                if ours.is_some() {
                    self.abandoned = ours;
                }
                return Err(Error::TimedOut(waiting));
            }
        }
    }

    /// The transport.
    pub fn transport(&self) -> &T {
        &self.transport
    }

    /// The transport, mutably (to join groups or change options).
    pub fn transport_mut(&mut self) -> &mut T {
        &mut self.transport
    }

    /// Gives the transport back.
    pub fn into_inner(self) -> T {
        self.transport
    }

    /// What the engine has skipped so far.
    pub fn stats(&self) -> Stats {
        self.stats
    }

    /// Reserves `count` consecutive sequence numbers and returns the first; never 0 (events
    /// carry 0) and never wrapping inside the range.
    fn reserve_seq(&mut self, count: u32) -> u32 {
        let count = count.max(1);
        if self.seq.checked_add(count).is_none() {
            self.seq = 0;
        }
        let first = self.seq + 1;
        self.seq += count;
        first
    }

    /// Checks the single request at the start of `request`, stamps it and sends it.
    fn send_one(&mut self, request: &mut [u8], set: u16, clear: u16) -> Result<u32, Error> {
        let mut message =
            MessageMut::parse(request).map_err(|_| Error::BadRequest { offset: 0 })?;
        let len = message.len();
        let seq = self.reserve_seq(1);
        stamp(&mut message, seq, nlm_f::REQUEST | set, clear);
        self.send_all(request.get(..len).unwrap_or_default())?;
        Ok(seq)
    }

    fn send_all(&mut self, datagram: &[u8]) -> Result<(), Error> {
        let sent = self.transport.send(datagram)?;
        if sent != datagram.len() {
            return Err(Error::Os(Errno::MSGSIZE));
        }
        Ok(())
    }

    /// The receive loop: reads datagrams into `buf` and hands every message that passes the
    /// checks and answers a sequence number in `ours` to `f` (with its offset in `buf`), until
    /// `f` says [`Flow::Stop`] or fails.
    fn receive<F>(
        &mut self,
        buf: &mut [u8],
        ours: (u32, u32),
        wait: (Option<Deadline>, Waiting),
        mut f: F,
    ) -> Result<(), Error>
    where
        F: FnMut(usize, Message<'_>) -> Result<Flow, Error>,
    {
        while !self.receive_datagram(buf, ours, wait, &mut f)?.1 {}
        Ok(())
    }

    /// One turn of [`Engine::receive`]: reads datagrams into `buf` until one is from the
    /// kernel and not a stale truncated one, and hands its messages to `f`. The datagram's
    /// length, and whether `f` said [`Flow::Stop`].
    fn receive_datagram<F>(
        &mut self,
        buf: &mut [u8],
        ours: (u32, u32),
        (deadline, waiting): (Option<Deadline>, Waiting),
        f: &mut F,
    ) -> Result<(usize, bool), Error>
    where
        F: FnMut(usize, Message<'_>) -> Result<Flow, Error>,
    {
        let port = self.transport.port_id();
        let is_ours = |seq: u32| seq.wrapping_sub(ours.0) < ours.1;
        loop {
            let capacity = buf.len();
            let d = self.recv_within(buf, deadline, Some(ours), waiting)?;
            if d.port != 0 {
                self.stats.foreign += 1;
                continue;
            }
            if d.truncated(capacity) {
                match first_header(buf) {
                    Some((seq, pid)) if pid != port || !is_ours(seq) => {
                        self.stats.stale += 1;
                        continue;
                    }
                    // Ours, or a buffer too small to tell: either way, an error.
                    _ => {
                        self.drain(buf, ours)?;
                        return Err(Error::Truncated {
                            len: d.len,
                            capacity,
                        });
                    }
                }
            }
            let mut messages = Messages::new(&buf[..d.len]);
            let malformed = loop {
                let offset = messages.offset();
                let msg = match messages.next() {
                    None => break None,
                    Some(Err(e)) => break Some(e),
                    Some(Ok(msg)) => msg,
                };
                if msg.pid() != port || !is_ours(msg.seq()) {
                    self.stats.stale += 1;
                    continue;
                }
                match f(offset, msg)? {
                    Flow::Continue => {}
                    Flow::Ignored => self.stats.stale += 1,
                    Flow::Stop => return Ok((d.len, true)),
                }
            };
            if let Some(e) = malformed {
                // The kernel never sends this; if it did, the rest of the answer is unusable.
                self.drain(buf, ours)?;
                return Err(e.into());
            }
            return Ok((d.len, false));
        }
    }

    /// Reads, without blocking, what is left of the answer to `ours` after an error, so the
    /// next request starts on a clean queue: up to its `NLMSG_DONE` or `NLMSG_ERROR`, or until
    /// nothing is queued.
    fn drain(&mut self, buf: &mut [u8], ours: (u32, u32)) -> Result<(), Error> {
        let port = self.transport.port_id();
        loop {
            let d = match self.transport.recv(buf, true) {
                Err(Errno::AGAIN) => return Ok(()),
                Err(e) => return Err(e.into()),
                Ok(d) => d,
            };
            if d.port != 0 {
                self.stats.foreign += 1;
                continue;
            }
            let data = &buf[..d.len.min(buf.len())];
            // A truncated datagram still yields its complete messages before the error.
            for msg in Messages::new(data).map_while(Result::ok) {
                let answered = msg.seq().wrapping_sub(ours.0) < ours.1 && msg.pid() == port;
                if answered && (msg.ty() == nlmsg::DONE || msg.ty() == nlmsg::ERROR) {
                    return Ok(());
                }
            }
        }
    }

    /// Sends `request` with `NLM_F_ACK` and waits for its acknowledgement.
    ///
    /// `request` holds one message (bytes after its `nlmsg_len` are not sent); the engine
    /// writes its sequence number, `nlmsg_pid` and the `NLM_F_REQUEST | NLM_F_ACK` flags.
    /// Other messages answering it (an `NLM_F_ECHO` copy, say) are skipped.
    ///
    /// # Errors
    /// [`Error::Kernel`] with the errno and extended-ack text when the kernel refuses it;
    /// [`Error::BadRequest`] when `request` does not start with a whole message.
    pub fn request_ack(&mut self, request: &mut [u8], buf: &mut [u8]) -> Result<Ack, Error> {
        self.ack_with(request, buf, 0, |_| {})
    }

    /// Sends `request` with `NLM_F_ECHO | NLM_F_ACK` (`ip -echo`) and waits for its
    /// acknowledgement, handing `echo` each message the kernel sends back for it before the ACK
    /// (the notifications of what it made, changed or removed, unicast to this socket).
    ///
    /// # Errors
    /// As [`Engine::request_ack`].
    pub fn request_echo(
        &mut self,
        request: &mut [u8],
        buf: &mut [u8],
        echo: impl FnMut(Message<'_>),
    ) -> Result<Ack, Error> {
        self.ack_with(request, buf, nlm_f::ECHO, echo)
    }

    /// [`Engine::request_ack`] with the request flags `set` added, and `other` called for each
    /// message answering the request that is not its ACK.
    fn ack_with(
        &mut self,
        request: &mut [u8],
        buf: &mut [u8],
        set: u16,
        mut other: impl FnMut(Message<'_>),
    ) -> Result<Ack, Error> {
        let deadline = self.call_deadline();
        self.settle(buf);
        let seq = self.send_one(request, nlm_f::ACK | set, 0)?;
        let mut result = None;
        self.receive(buf, (seq, 1), (deadline, Waiting::Ack), |_, msg| {
            if msg.ty() != nlmsg::ERROR {
                other(msg);
                return Ok(Flow::Continue);
            }
            result = Some(error_result(msg));
            Ok(Flow::Stop)
        })?;
        result.unwrap_or(Err(Error::UnexpectedReply { ty: nlmsg::DONE }))
    }

    /// Sends `request` (a `GET` for one object, without `NLM_F_ACK`, which the engine clears)
    /// and returns the one message that answers it, borrowed from `buf`.
    ///
    /// # Errors
    /// [`Error::Kernel`] when the kernel answers with an error, [`Error::UnexpectedReply`]
    /// when it answers with an ACK or `NLMSG_DONE` instead of a message.
    pub fn request_reply<'b>(
        &mut self,
        request: &mut [u8],
        buf: &'b mut [u8],
    ) -> Result<Message<'b>, Error> {
        let deadline = self.call_deadline();
        self.settle(buf);
        let seq = self.send_one(request, 0, nlm_f::ACK)?;
        let mut found = None;
        let waiting = (deadline, Waiting::Reply);
        self.receive(buf, (seq, 1), waiting, |offset, msg| match msg.ty() {
            nlmsg::NOOP | nlmsg::OVERRUN => Ok(Flow::Continue),
            nlmsg::ERROR => match error_result(msg) {
                Ok(_) => Err(Error::UnexpectedReply { ty: nlmsg::ERROR }),
                Err(e) => Err(e),
            },
            nlmsg::DONE => Err(Error::UnexpectedReply { ty: nlmsg::DONE }),
            _ => {
                found = Some((offset, msg.bytes().len()));
                Ok(Flow::Stop)
            }
        })?;
        let (offset, len) = found.ok_or(Error::UnexpectedReply { ty: nlmsg::DONE })?;
        let buf: &'b [u8] = buf;
        Ok(Message::parse(&buf[offset..offset + len])?)
    }

    /// Sends the dump `request` and calls `f` for every message of the answer, reading
    /// datagram after datagram into `buf` until `NLMSG_DONE`, so a dump of any size needs only
    /// `buf`.
    ///
    /// # Errors
    /// [`Error::Kernel`] when the kernel refuses the dump or ends it with an error code;
    /// [`Error::DumpInterrupted`] when a message carried `NLM_F_DUMP_INTR` (every message was
    /// still delivered to `f` and the dump was read to its end).
    pub fn dump(
        &mut self,
        request: &mut [u8],
        buf: &mut [u8],
        f: impl FnMut(Message<'_>),
    ) -> Result<(), Error> {
        let deadline = self.call_deadline();
        self.dump_until(request, buf, deadline, f)
    }

    /// [`Engine::dump`] with the deadline of the whole call.
    fn dump_until(
        &mut self,
        request: &mut [u8],
        buf: &mut [u8],
        deadline: Option<Deadline>,
        mut f: impl FnMut(Message<'_>),
    ) -> Result<(), Error> {
        self.settle(buf);
        let seq = self.send_one(request, 0, 0)?;
        let mut interrupted = false;
        self.receive(buf, (seq, 1), (deadline, Waiting::Dump), |_, msg| {
            interrupted |= msg.flags() & nlm_f::DUMP_INTR != 0;
            let step = dump_step(msg)?;
            if let DumpStep::Reply = step {
                f(msg);
            }
            Ok(step.flow())
        })?;
        if interrupted {
            Err(Error::DumpInterrupted)
        } else {
            Ok(())
        }
    }

    /// [`Engine::dump`] with a look-ahead of one datagram: `f` gets every message of the
    /// answer twice, with [`Pass::Arrived`] as soon as its datagram is read, and with
    /// [`Pass::Held`] once the next datagram has been through the first pass (the last one's,
    /// once the answer has ended). The two buffers take the datagrams in turn, so the one held
    /// is not overwritten while the next is read, and nothing is copied.
    ///
    /// This is for a reader that needs to know what follows a message before it handles it
    /// (a link printed with the name of its veth peer, which the kernel dumps right after it):
    /// the first pass notes what it needs cheaply, the second does the full work once.
    /// Each buffer must hold a whole datagram, as for [`Engine::dump`].
    ///
    /// # Errors
    /// As [`Engine::dump`]. On an error, the messages of the datagram held back are not
    /// handed on again; on [`Error::DumpInterrupted`] every message had both passes.
    pub fn dump_lookahead(
        &mut self,
        request: &mut [u8],
        (mut buf, mut held): (&mut [u8], &mut [u8]),
        mut f: impl FnMut(Message<'_>, Pass),
    ) -> Result<(), Error> {
        let deadline = self.call_deadline();
        self.settle(buf);
        let seq = self.send_one(request, 0, 0)?;
        let ours = (seq, 1);
        let port = self.transport.port_id();
        let mut interrupted = false;
        let mut held_len = 0;
        loop {
            let mut replies = 0usize;
            let (len, ended) =
                self.receive_datagram(buf, ours, (deadline, Waiting::Dump), &mut |_, msg| {
                    interrupted |= msg.flags() & nlm_f::DUMP_INTR != 0;
                    let step = dump_step(msg)?;
                    if let DumpStep::Reply = step {
                        replies += 1;
                        f(msg, Pass::Arrived);
                    }
                    Ok(step.flow())
                })?;
            if replies == 0 && !ended {
                // Nothing of ours (stale messages only): what is held waits for a real next.
                continue;
            }
            replay(held.get(..held_len).unwrap_or_default(), port, seq, &mut f);
            if ended {
                replay(buf.get(..len).unwrap_or_default(), port, seq, &mut f);
                break;
            }
            core::mem::swap(&mut buf, &mut held);
            held_len = len;
        }
        if interrupted {
            Err(Error::DumpInterrupted)
        } else {
            Ok(())
        }
    }

    /// [`Engine::dump`], done again (up to `attempts` times in all) while the kernel reports
    /// `NLM_F_DUMP_INTR`; `restart` is called before each new attempt so the caller can throw
    /// away what `f` collected. The [timeout](Engine::set_timeout) covers all the attempts.
    ///
    /// # Errors
    /// [`Error::DumpInterrupted`] when every attempt was interrupted; any other error at once.
    pub fn dump_consistent(
        &mut self,
        request: &mut [u8],
        buf: &mut [u8],
        attempts: u32,
        mut restart: impl FnMut(),
        mut f: impl FnMut(Message<'_>),
    ) -> Result<(), Error> {
        let deadline = self.call_deadline();
        let mut attempt = 0;
        loop {
            attempt += 1;
            match self.dump_until(request, buf, deadline, &mut f) {
                Err(Error::DumpInterrupted) if attempt < attempts => restart(),
                r => return r,
            }
        }
    }

    /// Sends every request in `requests` (messages back to back, each 4-byte aligned) with
    /// consecutive sequence numbers and `NLM_F_ACK`, in as few datagrams as the transport's
    /// [`BatchLimits`] allow, and calls `on_result(index, result)` exactly once per request,
    /// matching ACKs to requests by sequence number in whatever order they come.
    ///
    /// A refused request does not stop the others: the kernel handles each message of a
    /// datagram in turn. Messages other than ACKs/errors answering a request (a `GET`'s reply)
    /// are skipped. Returns the number of requests.
    ///
    /// How it is cut: a chunk of requests goes out in one `send` as long as it stays within
    /// [`BatchLimits::max_datagram`] (netlink takes up to `SO_SNDBUF - 32` bytes, 212960 by
    /// default: a single 95 KB datagram of 1000 veth creations works) and
    /// [`BatchLimits::max_in_flight`] requests; its ACKs are collected before the next chunk
    /// is sent. The second limit is the one that binds: the kernel queues each ACK as its own
    /// datagram and drops those that do not fit the receive buffer (see
    /// [`ACK_TRUESIZE`](crate::ACK_TRUESIZE)); raise `SO_RCVBUF` for fewer, larger chunks.
    ///
    /// # Errors
    /// [`Error::BadRequest`] before anything is sent when a message is malformed or is a dump
    /// request (its answer has no ACK); a transport error or [`Error::Overrun`] (ACKs were
    /// dropped) stops the batch, and the requests not yet reported have an unknown outcome.
    pub fn batch(
        &mut self,
        requests: &mut [u8],
        buf: &mut [u8],
        mut on_result: impl FnMut(usize, Result<Ack, Error>),
    ) -> Result<usize, Error> {
        // Check and count first, so nothing is sent from a malformed batch.
        let mut count = 0u32;
        let mut walk = Messages::new(requests);
        loop {
            let offset = walk.offset();
            match walk.next() {
                None => break,
                Some(Ok(m)) if !m.header().is_dump_request() => {}
                Some(_) => return Err(Error::BadRequest { offset }),
            }
            let offset = walk.offset();
            count = count.checked_add(1).ok_or(Error::BadRequest { offset })?;
        }
        let deadline = self.call_deadline();
        self.settle(buf);
        let first = self.reserve_seq(count);
        let mut walk = MessagesMut::new(requests);
        let mut seq = first;
        loop {
            let offset = walk.offset();
            match walk.next() {
                None => break,
                Some(Ok(mut m)) => stamp(&mut m, seq, nlm_f::REQUEST | nlm_f::ACK, 0),
                Some(Err(_)) => return Err(Error::BadRequest { offset }),
            }
            seq = seq.wrapping_add(1);
        }

        let requests: &[u8] = requests;
        let limits = self.transport.batch_limits();
        let max_in_flight = limits.max_in_flight.clamp(1, BatchLimits::MAX_IN_FLIGHT) as u32;
        let mut walk = Messages::new(requests);
        let mut index = 0u32;
        while index < count {
            // Take requests while they fit in one datagram and in the ACK window.
            let (start, mut end_index) = (walk.offset(), index);
            while end_index < count && end_index - index < max_in_flight {
                let mut ahead = walk.clone();
                let offset = ahead.offset();
                if !matches!(ahead.next(), Some(Ok(_))) {
                    return Err(Error::BadRequest { offset });
                }
                if ahead.offset() - start > limits.max_datagram && end_index > index {
                    break;
                }
                (walk, end_index) = (ahead, end_index + 1);
            }
            let end = walk.offset();
            self.send_all(requests.get(start..end).unwrap_or_default())?;

            let chunk = end_index - index;
            let mut seen = [0u64; BatchLimits::MAX_IN_FLIGHT / 64];
            let mut pending = chunk;
            let base = first.wrapping_add(index);
            self.receive(buf, (base, chunk), (deadline, Waiting::Batch), |_, msg| {
                if msg.ty() != nlmsg::ERROR {
                    return Ok(Flow::Continue);
                }
                let slot = msg.seq().wrapping_sub(base) as usize;
                let bit = 1u64 << (slot % 64);
                if seen[slot / 64] & bit != 0 {
                    return Ok(Flow::Ignored);
                }
                seen[slot / 64] |= bit;
                on_result((index as usize) + slot, error_result(msg));
                pending -= 1;
                Ok(if pending == 0 {
                    Flow::Stop
                } else {
                    Flow::Continue
                })
            })?;
            index = end_index;
        }
        Ok(count as usize)
    }

    /// Receives one datagram of events (multicast notifications for the groups the socket
    /// joined) and calls `f` for each message; returns how many there were.
    ///
    /// Datagrams not from the kernel are skipped (counted in [`Stats::foreign`]) and the call
    /// waits for the next one, up to the [timeout](Engine::set_timeout) or
    /// [deadline](Engine::set_deadline).
    ///
    /// # Errors
    /// [`Error::TimedOut`] (waiting for [`Waiting::Event`]) when the deadline passed first.
    /// [`Error::Overrun`] when the kernel dropped events because the receive queue was full
    /// (`ENOBUFS`): the listener's picture is stale and should be rebuilt with a dump.
    /// [`Error::Truncated`] when a datagram did not fit `buf` (it was consumed).
    pub fn recv_events(
        &mut self,
        buf: &mut [u8],
        mut f: impl FnMut(Message<'_>),
    ) -> Result<usize, Error> {
        let deadline = self.call_deadline();
        loop {
            let capacity = buf.len();
            let d = self.recv_within(buf, deadline, None, Waiting::Event)?;
            if d.port != 0 {
                self.stats.foreign += 1;
                continue;
            }
            if d.truncated(capacity) {
                return Err(Error::Truncated {
                    len: d.len,
                    capacity,
                });
            }
            let mut n = 0;
            for msg in Messages::new(&buf[..d.len]) {
                f(msg?);
                n += 1;
            }
            return Ok(n);
        }
    }
}

#[cfg(test)]
mod tests {
    //! The engine against scripted replies: no kernel involved.

    extern crate std;

    use std::collections::VecDeque;
    use std::string::ToString;
    use std::vec;
    use std::vec::Vec;

    use rtnl_codec::raw::IfInfoMsg;
    use rtnl_codec::{LinkMessage, MessageBuilder, nlmsgerr_attr, rtm};

    use super::*;
    use crate::socket::Datagram;

    const PORT: u32 = 4242;

    /// Which sequence number a scripted message carries.
    #[derive(Clone, Copy)]
    enum Seq {
        /// That of the n-th request sent so far (counting every message of every datagram).
        Req(usize),
        /// A fixed value.
        Abs(u32),
    }

    struct Msg {
        ty: u16,
        flags: u16,
        seq: Seq,
        pid: u32,
        payload: Vec<u8>,
    }

    enum Step {
        Datagram {
            from: u32,
            msgs: Vec<Msg>,
        },
        Raw(Vec<u8>),
        Fail(Errno),
        /// Nothing is queued, and nothing comes before the deadline: a read without blocking
        /// finds nothing (and leaves the step), the wait that follows fails (and takes it).
        Silence,
        /// Nothing is queued for one read without blocking; what follows comes at once.
        Empty,
    }

    struct Scripted {
        sent: Vec<Vec<u8>>,
        script: VecDeque<Step>,
        limits: BatchLimits,
        /// How often the engine waited with a deadline.
        waits: usize,
    }

    impl Scripted {
        fn new(script: Vec<Step>) -> Self {
            Self {
                sent: Vec::new(),
                script: script.into(),
                limits: BatchLimits::DEFAULT,
                waits: 0,
            }
        }

        /// Every request sent, in order: (type, flags, seq, pid).
        fn requests(&self) -> Vec<(u16, u16, u32, u32)> {
            self.sent
                .iter()
                .flat_map(|d| Messages::new(d).map(|m| m.unwrap()))
                .map(|m| (m.ty(), m.flags(), m.seq(), m.pid()))
                .collect()
        }
    }

    impl Transport for Scripted {
        fn port_id(&self) -> u32 {
            PORT
        }
        fn send(&mut self, datagram: &[u8]) -> Result<usize, Errno> {
            self.sent.push(datagram.to_vec());
            Ok(datagram.len())
        }
        fn recv(&mut self, buf: &mut [u8], nonblocking: bool) -> Result<Datagram, Errno> {
            if nonblocking && matches!(self.script.front(), Some(Step::Silence)) {
                return Err(Errno::AGAIN);
            }
            let step = match self.script.pop_front() {
                Some(step) => step,
                None if nonblocking => return Err(Errno::AGAIN),
                None => panic!("the engine waits for a datagram the script does not have"),
            };
            let (from, msgs) = match step {
                Step::Empty if nonblocking => return Err(Errno::AGAIN),
                Step::Silence | Step::Empty => panic!("the engine blocks without a deadline"),
                Step::Fail(e) => return Err(e),
                Step::Raw(bytes) => {
                    let n = bytes.len().min(buf.len());
                    buf[..n].copy_from_slice(&bytes[..n]);
                    return Ok(Datagram {
                        len: bytes.len(),
                        port: 0,
                    });
                }
                Step::Datagram { from, msgs } => (from, msgs),
            };
            let seqs: Vec<u32> = self.requests().iter().map(|r| r.2).collect();
            let mut bytes = Vec::new();
            for m in msgs {
                let seq = match m.seq {
                    Seq::Req(i) => seqs[i],
                    Seq::Abs(s) => s,
                };
                let len = (NlMsgHdr::SIZE + m.payload.len()) as u32;
                bytes.extend_from_slice(&len.to_ne_bytes());
                bytes.extend_from_slice(&m.ty.to_ne_bytes());
                bytes.extend_from_slice(&m.flags.to_ne_bytes());
                bytes.extend_from_slice(&seq.to_ne_bytes());
                bytes.extend_from_slice(&m.pid.to_ne_bytes());
                bytes.extend_from_slice(&m.payload);
                bytes.resize(bytes.len().next_multiple_of(4), 0);
            }
            let n = bytes.len().min(buf.len());
            buf[..n].copy_from_slice(&bytes[..n]);
            Ok(Datagram {
                len: bytes.len(),
                port: from,
            })
        }
        fn batch_limits(&self) -> BatchLimits {
            self.limits
        }
        fn wait_readable(&mut self, _: Deadline) -> Result<bool, Errno> {
            self.waits += 1;
            if matches!(self.script.front(), Some(Step::Silence)) {
                self.script.pop_front();
                return Ok(false);
            }
            Ok(true)
        }
    }

    fn kernel(msgs: Vec<Msg>) -> Step {
        Step::Datagram { from: 0, msgs }
    }

    /// `NLMSG_ERROR` answering request `i`: error `-errno` (0 = ACK), capped echo, optional
    /// `NLMSGERR_ATTR_MSG`.
    fn error_msg(i: usize, errno: i32, text: Option<&str>) -> Msg {
        let mut payload = (-errno).to_ne_bytes().to_vec();
        // The echoed header (capped): only its length matters to the parser.
        payload.extend_from_slice(&16u32.to_ne_bytes());
        payload.extend_from_slice(&[0; 12]);
        let mut flags = nlm_f::CAPPED;
        if let Some(text) = text {
            flags |= nlm_f::ACK_TLVS;
            let len = 4 + text.len() + 1;
            payload.extend_from_slice(&(len as u16).to_ne_bytes());
            payload.extend_from_slice(&nlmsgerr_attr::MSG.to_ne_bytes());
            payload.extend_from_slice(text.as_bytes());
            payload.push(0);
            payload.resize(payload.len().next_multiple_of(4), 0);
        }
        Msg {
            ty: nlmsg::ERROR,
            flags,
            seq: Seq::Req(i),
            pid: PORT,
            payload,
        }
    }

    fn ack(i: usize) -> Msg {
        error_msg(i, 0, None)
    }

    fn done(i: usize, errno: i32) -> Msg {
        let payload = (-errno).to_ne_bytes().to_vec();
        Msg {
            ty: nlmsg::DONE,
            flags: nlm_f::MULTI,
            seq: Seq::Req(i),
            pid: PORT,
            payload,
        }
    }

    /// An `RTM_NEWLINK` answering request `i`, its ifindex in the payload.
    fn link(i: usize, index: u32, flags: u16) -> Msg {
        let mut info = IfInfoMsg::default();
        info.ifi_index.set(index as i32);
        let mut payload = vec![0u8; 64];
        let len = {
            let mut b = MessageBuilder::new(&mut payload, rtm::NEWLINK, 0, 0).unwrap();
            b.header(&info).unwrap();
            b.len()
        };
        payload.truncate(len);
        payload.drain(..NlMsgHdr::SIZE);
        Msg {
            ty: rtm::NEWLINK,
            flags: nlm_f::MULTI | flags,
            seq: Seq::Req(i),
            pid: PORT,
            payload,
        }
    }

    /// A request of `ty` with `flags` and a 16-byte body, as a builder would make it.
    fn request(ty: u16, flags: u16) -> Vec<u8> {
        request_with_body(ty, flags, 16)
    }

    /// [`request`] with a zeroed body of `body` bytes; seq and pid hold garbage for the
    /// engine to overwrite.
    fn request_with_body(ty: u16, flags: u16, body: usize) -> Vec<u8> {
        let mut r = vec![0u8; NlMsgHdr::SIZE + body];
        let len = {
            let mut b = MessageBuilder::new(&mut r, ty, flags, 0xdead_beef).unwrap();
            for _ in 0..body / 4 {
                b.header(&[0u8; 4]).unwrap();
            }
            b.len()
        };
        MessageMut::parse(&mut r).unwrap().set_pid(0xffff_ffff);
        r.truncate(len);
        r
    }

    fn index_of(msg: Message<'_>) -> u32 {
        LinkMessage::parse(msg).unwrap().index()
    }

    fn engine(script: Vec<Step>) -> Engine<Scripted> {
        Engine::new(Scripted::new(script))
    }

    #[test]
    fn ack_is_ok_and_the_request_is_stamped() {
        let mut e = engine(vec![kernel(vec![ack(0)])]);
        let mut buf = [0u8; 1024];
        let ack = e
            .request_ack(&mut request(rtm::NEWLINK, 0), &mut buf)
            .unwrap();
        assert_eq!(ack.warning(), None);
        let reqs = e.transport().requests();
        assert_eq!(reqs, [(rtm::NEWLINK, nlm_f::REQUEST | nlm_f::ACK, 1, 0)]);
        assert_eq!(e.stats(), Stats::default());
    }

    #[test]
    fn ack_with_text_is_a_warning() {
        let mut e = engine(vec![kernel(vec![error_msg(0, 0, Some("careful"))])]);
        let ack = e
            .request_ack(&mut request(rtm::NEWLINK, 0), &mut [0; 1024])
            .unwrap();
        assert_eq!(ack.warning(), Some("careful"));
    }

    #[test]
    fn error_carries_errno_and_ext_ack_text() {
        let text = "Device name already in use";
        let mut e = engine(vec![kernel(vec![error_msg(0, 17, Some(text))])]);
        let err = e
            .request_ack(&mut request(rtm::NEWLINK, 0), &mut [0; 1024])
            .unwrap_err();
        let Error::Kernel(k) = &err else {
            panic!("{err:?}")
        };
        assert_eq!(k.errno(), Errno::EXIST);
        assert_eq!(k.message(), Some(text));
        assert_eq!(err.to_string(), "Error: Device name already in use.");
    }

    #[test]
    fn error_without_text_reads_like_iproute2() {
        let mut e = engine(vec![kernel(vec![error_msg(0, 17, None)])]);
        let err = e
            .request_ack(&mut request(rtm::NEWLINK, 0), &mut [0; 1024])
            .unwrap_err();
        assert_eq!(err.to_string(), "RTNETLINK answers: File exists");
        assert_eq!(err.errno(), Some(Errno::EXIST));
    }

    #[test]
    fn long_ext_ack_text_is_cut_at_a_char_boundary() {
        // 255 ASCII bytes then a 2-byte character straddling the capacity.
        let mut text = "x".repeat(EXT_ACK_LAST);
        text.push('é');
        text.push_str("tail");
        let mut e = engine(vec![kernel(vec![error_msg(0, 22, Some(&text))])]);
        let err = e
            .request_ack(&mut request(rtm::NEWLINK, 0), &mut [0; 1024])
            .unwrap_err();
        let Error::Kernel(k) = err else { panic!() };
        assert_eq!(k.message().unwrap(), "x".repeat(EXT_ACK_LAST));
        assert!(k.ext_ack().message_truncated());
    }
    const EXT_ACK_LAST: usize = crate::EXT_ACK_TEXT_CAPACITY - 1;

    #[test]
    fn foreign_stale_and_spoofed_messages_are_skipped_and_counted() {
        let mut wrong_pid = ack(0);
        wrong_pid.pid = 77;
        let mut wrong_seq = error_msg(0, 1, None);
        wrong_seq.seq = Seq::Abs(999);
        let event = Msg {
            seq: Seq::Abs(0),
            pid: 0,
            ..link(0, 9, 0)
        };
        let mut e = engine(vec![
            // Right seq and pid, but sent by another socket (port 31337): a forgery.
            Step::Datagram {
                from: 31337,
                msgs: vec![error_msg(0, 1, Some("forged"))],
            },
            kernel(vec![wrong_seq]),
            kernel(vec![wrong_pid]),
            kernel(vec![event]),
            kernel(vec![ack(0)]),
        ]);
        e.request_ack(&mut request(rtm::NEWLINK, 0), &mut [0; 1024])
            .unwrap();
        assert_eq!(
            e.stats(),
            Stats {
                foreign: 1,
                stale: 3
            }
        );
    }

    #[test]
    fn dump_over_several_datagrams_until_done() {
        let mut e = engine(vec![
            kernel(vec![link(0, 1, 0), link(0, 2, 0), link(0, 3, 0)]),
            kernel(vec![Msg {
                seq: Seq::Abs(0),
                ..link(0, 99, 0)
            }]),
            kernel(vec![link(0, 4, 0), link(0, 5, 0)]),
            kernel(vec![done(0, 0)]),
        ]);
        let mut seen = Vec::new();
        e.dump(
            &mut request(rtm::GETLINK, nlm_f::DUMP),
            &mut [0; 256],
            |m| seen.push(index_of(m)),
        )
        .unwrap();
        assert_eq!(seen, [1, 2, 3, 4, 5]);
        assert_eq!(e.stats().stale, 1);
        assert_eq!(e.transport().requests()[0].1, nlm_f::REQUEST | nlm_f::DUMP);
        assert!(e.transport().script.is_empty());
    }

    #[test]
    fn dump_lookahead_hands_a_datagram_on_after_the_next_one() {
        let mut e = engine(vec![
            kernel(vec![link(0, 1, 0), link(0, 2, 0)]),
            kernel(vec![Msg {
                seq: Seq::Abs(0),
                ..link(0, 99, 0)
            }]),
            kernel(vec![link(0, 3, 0)]),
            kernel(vec![link(0, 4, 0), link(0, 5, 0), done(0, 0)]),
        ]);
        // With each held message, how many had arrived by then.
        let (mut first, mut then) = (Vec::new(), Vec::new());
        e.dump_lookahead(
            &mut request(rtm::GETLINK, nlm_f::DUMP),
            (&mut [0; 256], &mut [0; 256]),
            |m, pass| match pass {
                Pass::Arrived => first.push(index_of(m)),
                Pass::Held => then.push((index_of(m), first.len())),
            },
        )
        .unwrap();
        assert_eq!(first, [1, 2, 3, 4, 5]);
        // 1 and 2 after 3's datagram (the stale one in between is nobody's), 3 after 4 and 5's,
        // the last datagram's once the answer ended.
        assert_eq!(then, [(1, 3), (2, 3), (3, 5), (4, 5), (5, 5)]);
        assert_eq!(e.stats().stale, 1);
        assert!(e.transport().script.is_empty());
    }

    #[test]
    fn dump_lookahead_reports_an_interrupted_dump_after_handing_everything_on() {
        let mut e = engine(vec![
            kernel(vec![link(0, 1, 0)]),
            kernel(vec![link(0, 2, nlm_f::DUMP_INTR)]),
            kernel(vec![done(0, 0)]),
        ]);
        let (mut first, mut then) = (Vec::new(), Vec::new());
        let r = e.dump_lookahead(
            &mut request(rtm::GETLINK, nlm_f::DUMP),
            (&mut [0; 256], &mut [0; 256]),
            |m, pass| match pass {
                Pass::Arrived => first.push(index_of(m)),
                Pass::Held => then.push(index_of(m)),
            },
        );
        assert_eq!(r, Err(Error::DumpInterrupted));
        assert_eq!((first, then), (vec![1, 2], vec![1, 2]));
    }

    #[test]
    fn dump_lookahead_error_drops_what_was_held_back() {
        let mut e = engine(vec![kernel(vec![link(0, 1, 0)]), kernel(vec![done(0, 22)])]);
        let (mut first, mut then) = (Vec::new(), Vec::new());
        let r = e.dump_lookahead(
            &mut request(rtm::GETLINK, nlm_f::DUMP),
            (&mut [0; 256], &mut [0; 256]),
            |m, pass| match pass {
                Pass::Arrived => first.push(index_of(m)),
                Pass::Held => then.push(index_of(m)),
            },
        );
        assert_eq!(r.map_err(|e| e.errno()), Err(Some(Errno::INVAL)));
        assert_eq!((first, then), (vec![1], vec![]));
    }

    #[test]
    fn dump_intr_is_reported_after_reading_to_done() {
        let mut e = engine(vec![
            kernel(vec![link(0, 1, 0)]),
            kernel(vec![link(0, 2, nlm_f::DUMP_INTR)]),
            kernel(vec![done(0, 0)]),
        ]);
        let mut seen = Vec::new();
        let r = e.dump(
            &mut request(rtm::GETLINK, nlm_f::DUMP),
            &mut [0; 256],
            |m| seen.push(index_of(m)),
        );
        assert_eq!(r, Err(Error::DumpInterrupted));
        assert_eq!(seen, [1, 2]);
        assert!(
            e.transport().script.is_empty(),
            "the dump was read to its end"
        );
    }

    #[test]
    fn dump_consistent_retries_a_bounded_number_of_times() {
        let intr = |i| {
            vec![
                kernel(vec![link(i, 1, nlm_f::DUMP_INTR)]),
                kernel(vec![done(i, 0)]),
            ]
        };
        let mut script = intr(0);
        script.extend([kernel(vec![link(1, 7, 0), done(1, 0)])]);
        let mut e = engine(script);
        let (mut seen, mut restarts) = (Vec::new(), 0);
        let mut req = request(rtm::GETLINK, nlm_f::DUMP);
        let r = e.dump_consistent(
            &mut req,
            &mut [0; 256],
            3,
            || restarts += 1,
            |m| seen.push(index_of(m)),
        );
        assert_eq!(r, Ok(()));
        assert_eq!((restarts, seen), (1, vec![1, 7]));

        let mut script = intr(0);
        script.extend(intr(1));
        let mut e = engine(script);
        let r = e.dump_consistent(&mut req, &mut [0; 256], 2, || {}, |_| {});
        assert_eq!(r, Err(Error::DumpInterrupted));
        assert_eq!(e.transport().sent.len(), 2);
    }

    #[test]
    fn dump_errors_from_error_and_done_messages() {
        let mut e = engine(vec![kernel(vec![error_msg(0, 22, Some("Invalid header"))])]);
        let r = e.dump(
            &mut request(rtm::GETLINK, nlm_f::DUMP),
            &mut [0; 256],
            |_| {},
        );
        assert_eq!(r.unwrap_err().to_string(), "Error: Invalid header.");

        let mut done_err = done(0, 90);
        done_err.flags |= nlm_f::ACK_TLVS;
        done_err.payload.extend_from_slice(&8u16.to_ne_bytes());
        done_err
            .payload
            .extend_from_slice(&nlmsgerr_attr::MSG.to_ne_bytes());
        done_err.payload.extend_from_slice(b"big\0");
        let mut e = engine(vec![kernel(vec![link(0, 1, 0)]), kernel(vec![done_err])]);
        let r = e.dump(
            &mut request(rtm::GETLINK, nlm_f::DUMP),
            &mut [0; 256],
            |_| {},
        );
        let Err(Error::Kernel(k)) = r else {
            panic!("{r:?}")
        };
        assert_eq!((k.errno(), k.message()), (Errno::MSGSIZE, Some("big")));
    }

    #[test]
    fn a_datagram_bigger_than_the_buffer_is_an_error_and_the_engine_stays_in_sync() {
        let big: Vec<Msg> = (1..=8).map(|i| link(0, i, 0)).collect();
        let mut stale_big: Vec<Msg> = (1..=8).map(|i| link(0, i, 0)).collect();
        for m in &mut stale_big {
            m.seq = Seq::Abs(555);
        }
        let mut e = engine(vec![
            kernel(vec![link(0, 1, 0)]),
            kernel(big),
            kernel(vec![link(0, 9, 0)]),
            kernel(vec![done(0, 0)]),
            // For the next request: an old, too-big datagram first, then the ACK.
            kernel(stale_big),
            kernel(vec![ack(1)]),
        ]);
        let mut buf = [0u8; 100];
        let mut seen = Vec::new();
        let r = e.dump(&mut request(rtm::GETLINK, nlm_f::DUMP), &mut buf, |m| {
            seen.push(index_of(m))
        });
        assert_eq!(
            r,
            Err(Error::Truncated {
                len: 8 * 32,
                capacity: 100
            })
        );
        assert_eq!(seen, [1]);
        assert_eq!(
            e.transport().script.len(),
            2,
            "the rest of the dump was drained"
        );
        e.request_ack(&mut request(rtm::NEWLINK, 0), &mut buf)
            .unwrap();
        assert_eq!(e.stats().stale, 1);
    }

    #[test]
    fn a_malformed_datagram_is_an_error_and_the_rest_is_drained() {
        // A header claiming 64 bytes in a 20-byte datagram.
        let mut bad = 64u32.to_ne_bytes().to_vec();
        bad.extend_from_slice(&rtm::NEWLINK.to_ne_bytes());
        bad.extend_from_slice(&nlm_f::MULTI.to_ne_bytes());
        bad.extend_from_slice(&1u32.to_ne_bytes());
        bad.extend_from_slice(&PORT.to_ne_bytes());
        bad.extend_from_slice(&[0; 4]);
        let mut e = engine(vec![
            Step::Raw(bad),
            kernel(vec![link(0, 2, 0)]),
            kernel(vec![done(0, 0)]),
            kernel(vec![ack(1)]),
        ]);
        let r = e.dump(
            &mut request(rtm::GETLINK, nlm_f::DUMP),
            &mut [0; 256],
            |_| {},
        );
        assert!(matches!(r, Err(Error::Malformed(_))), "{r:?}");
        assert_eq!(e.transport().script.len(), 1, "drained to DONE");
        e.request_ack(&mut request(rtm::NEWLINK, 0), &mut [0; 256])
            .unwrap();
    }

    #[test]
    fn a_buffer_smaller_than_a_header_is_truncation_not_a_hang() {
        let mut e = engine(vec![kernel(vec![ack(0)])]);
        let r = e.request_ack(&mut request(rtm::NEWLINK, 0), &mut [0; 8]);
        assert_eq!(
            r,
            Err(Error::Truncated {
                len: 36,
                capacity: 8
            })
        );
    }

    #[test]
    fn request_reply_returns_the_one_message() {
        let mut e = engine(vec![
            kernel(vec![Msg {
                seq: Seq::Abs(0),
                ..link(0, 5, 0)
            }]),
            kernel(vec![Msg {
                flags: 0,
                ..link(0, 1, 0)
            }]),
        ]);
        let mut buf = [0u8; 256];
        let reply = e
            .request_reply(&mut request(rtm::GETLINK, nlm_f::ACK), &mut buf)
            .unwrap();
        assert_eq!((reply.ty(), index_of(reply)), (rtm::NEWLINK, 1));
        assert_eq!(e.transport().requests()[0].1, nlm_f::REQUEST, "ACK cleared");

        let mut e = engine(vec![kernel(vec![error_msg(0, 19, None)])]);
        let r = e
            .request_reply(&mut request(rtm::GETLINK, 0), &mut buf)
            .map(|_| ());
        assert_eq!(r.unwrap_err().errno(), Some(Errno::NODEV));

        let mut e = engine(vec![kernel(vec![ack(0)])]);
        let r = e
            .request_reply(&mut request(rtm::GETLINK, 0), &mut buf)
            .map(|_| ());
        assert_eq!(r, Err(Error::UnexpectedReply { ty: nlmsg::ERROR }));
    }

    #[test]
    fn malformed_requests_are_refused_before_sending() {
        let mut e = engine(vec![]);
        // A 64-byte request cut to 32 bytes.
        let mut short = request_with_body(rtm::NEWLINK, 0, 48);
        short.truncate(32);
        let r = e.request_ack(&mut short, &mut [0; 64]);
        assert_eq!(r, Err(Error::BadRequest { offset: 0 }));
        let r = e.request_ack(&mut [0; 8], &mut [0; 64]);
        assert_eq!(r, Err(Error::BadRequest { offset: 0 }));

        let mut batch = request(rtm::NEWLINK, 0);
        batch.extend(request(rtm::GETLINK, nlm_f::DUMP));
        let r = e.batch(&mut batch, &mut [0; 64], |_, _| panic!());
        assert_eq!(r, Err(Error::BadRequest { offset: 32 }));
        assert!(e.transport().sent.is_empty());
    }

    #[test]
    fn batch_matches_acks_by_seq_in_any_order() {
        let mut batch = Vec::new();
        for _ in 0..5 {
            batch.extend(request(rtm::NEWLINK, nlm_f::CREATE));
        }
        let mut e = engine(vec![
            kernel(vec![ack(3), ack(0)]),
            kernel(vec![error_msg(2, 17, Some("exists"))]),
            kernel(vec![ack(0)]), // a duplicate
            kernel(vec![ack(4), ack(1)]),
        ]);
        let mut results = vec![None; 5];
        let n = e
            .batch(&mut batch, &mut [0; 512], |i, r| {
                assert!(results[i].is_none(), "one result per request");
                results[i] = Some(r.map_err(|e| e.errno()));
            })
            .unwrap();
        assert_eq!(n, 5);
        assert_eq!(e.transport().sent.len(), 1, "one datagram");
        let reqs = e.transport().requests();
        let seqs: Vec<u32> = reqs.iter().map(|r| r.2).collect();
        assert_eq!(seqs, [1, 2, 3, 4, 5]);
        assert!(
            reqs.iter()
                .all(|r| r.1 == nlm_f::REQUEST | nlm_f::ACK | nlm_f::CREATE)
        );
        for (i, r) in results.iter().enumerate() {
            match r.as_ref().unwrap() {
                Ok(_) => assert_ne!(i, 2),
                Err(errno) => assert_eq!((i, *errno), (2, Some(Errno::EXIST))),
            }
        }
        assert_eq!(e.stats().stale, 1);
    }

    #[test]
    fn batch_is_split_by_the_transport_limits() {
        let mut batch = Vec::new();
        for _ in 0..7 {
            batch.extend(request(rtm::NEWLINK, 0));
        }
        let acks = |range: core::ops::Range<usize>| kernel(range.map(ack).collect());
        let mut t = Scripted::new(vec![acks(0..3), acks(3..6), acks(6..7)]);
        t.limits = BatchLimits {
            max_datagram: 1 << 16,
            max_in_flight: 3,
        };
        let mut e = Engine::new(t);
        let mut count = 0;
        e.batch(&mut batch, &mut [0; 512], |_, r| {
            count += usize::from(r.is_ok())
        })
        .unwrap();
        assert_eq!(count, 7);
        let lens: Vec<usize> = e.transport().sent.iter().map(Vec::len).collect();
        assert_eq!(lens, [96, 96, 32]);

        let mut t = Scripted::new(vec![acks(0..2), acks(2..4), acks(4..6), acks(6..7)]);
        t.limits = BatchLimits {
            max_datagram: 70,
            max_in_flight: 100,
        };
        let mut e = Engine::new(t);
        e.batch(&mut batch, &mut [0; 512], |_, r| assert!(r.is_ok()))
            .unwrap();
        let lens: Vec<usize> = e.transport().sent.iter().map(Vec::len).collect();
        assert_eq!(lens, [64, 64, 64, 32]);
    }

    #[test]
    fn events_overrun_and_foreign_senders() {
        let event = |i| Msg {
            seq: Seq::Abs(0),
            pid: 0,
            ..link(0, i, 0)
        };
        let mut e = engine(vec![
            Step::Datagram {
                from: 9,
                msgs: vec![event(1)],
            },
            kernel(vec![event(2), event(3)]),
            Step::Fail(Errno::NOBUFS),
            kernel(vec![event(4)]),
        ]);
        let mut buf = [0u8; 256];
        let mut seen = Vec::new();
        assert_eq!(e.recv_events(&mut buf, |m| seen.push(index_of(m))), Ok(2));
        assert_eq!(e.recv_events(&mut buf, |_| {}), Err(Error::Overrun));
        assert_eq!(e.recv_events(&mut buf, |m| seen.push(index_of(m))), Ok(1));
        assert_eq!(seen, [2, 3, 4]);
        assert_eq!(e.stats().foreign, 1);
    }

    fn timed(script: Vec<Step>) -> Engine<Scripted> {
        let mut e = engine(script);
        e.set_timeout(Some(Duration::from_secs(5)));
        e
    }

    #[test]
    fn the_engine_polls_only_with_a_deadline_and_nothing_queued() {
        let mut e = engine(vec![kernel(vec![ack(0)])]);
        e.request_ack(&mut request(rtm::NEWLINK, 0), &mut [0; 256])
            .unwrap();
        assert_eq!(e.transport().waits, 0);
        let mut e = timed(vec![kernel(vec![ack(0)])]);
        e.request_ack(&mut request(rtm::NEWLINK, 0), &mut [0; 256])
            .unwrap();
        assert_eq!(e.transport().waits, 0, "the answer was queued");
        let mut e = timed(vec![Step::Empty, kernel(vec![ack(0)])]);
        e.request_ack(&mut request(rtm::NEWLINK, 0), &mut [0; 256])
            .unwrap();
        assert_eq!(e.transport().waits, 1);
    }

    #[test]
    fn a_late_answer_drained_before_the_next_request() {
        let mut e = timed(vec![
            Step::Silence,
            // The answer to request 0 comes after its deadline, before request 1 is sent.
            kernel(vec![error_msg(0, 17, Some("late"))]),
            kernel(vec![ack(1)]),
        ]);
        let mut buf = [0u8; 256];
        let r = e.request_ack(&mut request(rtm::NEWLINK, 0), &mut buf);
        assert_eq!(r, Err(Error::TimedOut(Waiting::Ack)));
        let ack = e.request_ack(&mut request(rtm::NEWLINK, 0), &mut buf);
        assert_eq!(ack.map(|a| a.warning().is_none()), Ok(true));
        assert!(e.transport().script.is_empty());
        assert_eq!(e.transport().sent.len(), 2);
    }

    #[test]
    fn a_late_answer_after_the_next_request_is_sent_is_skipped() {
        let mut e = timed(vec![
            Step::Silence,
            // Nothing queued when request 1 goes out ...
            Step::Empty,
            // ... then both answers in one datagram, the late refusal first.
            kernel(vec![error_msg(0, 17, Some("late")), ack(1)]),
        ]);
        let mut buf = [0u8; 256];
        let r = e.request_ack(&mut request(rtm::NEWLINK, 0), &mut buf);
        assert_eq!(
            r.unwrap_err().to_string(),
            "timed out waiting for the kernel's acknowledgement"
        );
        e.request_ack(&mut request(rtm::NEWLINK, 0), &mut buf)
            .expect("request 1's own ACK, not request 0's late EEXIST");
        assert_eq!(e.stats().stale, 1);
        assert!(e.transport().script.is_empty());
    }

    #[test]
    fn an_abandoned_dump_is_drained_to_its_done() {
        let mut e = timed(vec![
            kernel(vec![link(0, 1, 0)]),
            Step::Silence,
            kernel(vec![link(0, 2, 0)]),
            kernel(vec![done(0, 0)]),
            kernel(vec![link(1, 7, 0), done(1, 0)]),
        ]);
        let mut buf = [0u8; 256];
        let mut seen = Vec::new();
        let r = e.dump(&mut request(rtm::GETLINK, nlm_f::DUMP), &mut buf, |m| {
            seen.push(index_of(m))
        });
        assert_eq!(r, Err(Error::TimedOut(Waiting::Dump)));
        assert_eq!(r.unwrap_err().errno(), Some(Errno::TIMEDOUT));
        let r = e.dump(&mut request(rtm::GETLINK, nlm_f::DUMP), &mut buf, |m| {
            seen.push(index_of(m))
        });
        assert_eq!(r, Ok(()));
        assert_eq!(seen, [1, 7], "the abandoned dump's rest went nowhere");
    }

    #[test]
    fn a_batch_and_events_time_out_too() {
        let mut batch = request(rtm::NEWLINK, 0);
        batch.extend(request(rtm::NEWLINK, 0));
        let mut e = timed(vec![kernel(vec![ack(0)]), Step::Silence]);
        let mut results = Vec::new();
        let r = e.batch(&mut batch, &mut [0; 256], |i, r| {
            results.push((i, r.is_ok()))
        });
        assert_eq!(r, Err(Error::TimedOut(Waiting::Batch)));
        assert_eq!(results, [(0, true)]);

        let mut e = timed(vec![Step::Silence]);
        let r = e.recv_events(&mut [0; 256], |_| panic!("no event"));
        assert_eq!(r, Err(Error::TimedOut(Waiting::Event)));
        assert_eq!(e.abandoned, None, "events answer no request");
    }

    #[test]
    fn the_earlier_of_timeout_and_deadline_applies() {
        let mut e = engine(vec![]);
        assert_eq!(e.call_deadline(), None);
        let soon = Deadline::after(Duration::from_millis(10));
        e.set_deadline(Some(soon));
        e.set_timeout(Some(Duration::from_secs(60)));
        assert_eq!(e.call_deadline(), Some(soon));
        e.set_timeout(Some(Duration::ZERO));
        assert!(e.call_deadline().unwrap() <= soon);
        assert_eq!(
            (e.timeout(), e.deadline()),
            (Some(Duration::ZERO), Some(soon))
        );
    }

    #[test]
    fn sequence_numbers_skip_zero_when_they_wrap() {
        let mut e = engine(vec![]);
        e.seq = u32::MAX - 1;
        assert_eq!(e.reserve_seq(1), u32::MAX);
        assert_eq!(e.reserve_seq(3), 1);
    }
}
