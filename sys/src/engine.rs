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

use core::mem::offset_of;

use rtnl_codec::raw::NlMsgHdr;
use rtnl_codec::{DoneMessage, ErrorMessage, Message, Messages, nlm_f, nlmsg};
use rustix::io::Errno;

use crate::error::{Ack, Error, ExtAckInfo, KernelError};
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
#[derive(Debug)]
pub struct Engine<T> {
    transport: T,
    seq: u32,
    stats: Stats,
}

/// Reads `nlmsg_len` of the message at `offset` of `buf`.
fn message_len(buf: &[u8], offset: usize) -> Option<usize> {
    let at = offset.checked_add(offset_of!(NlMsgHdr, nlmsg_len))?;
    let bytes = buf.get(at..at.checked_add(4)?)?;
    let len = u32::from_ne_bytes(bytes.try_into().ok()?) as usize;
    (len >= NlMsgHdr::SIZE && offset.checked_add(len)? <= buf.len()).then_some(len)
}

fn read_u16(buf: &[u8], at: usize) -> u16 {
    u16::from_ne_bytes([buf[at], buf[at + 1]])
}

fn write_u16(buf: &mut [u8], at: usize, v: u16) {
    buf[at..at + 2].copy_from_slice(&v.to_ne_bytes());
}

fn write_u32(buf: &mut [u8], at: usize, v: u32) {
    buf[at..at + 4].copy_from_slice(&v.to_ne_bytes());
}

/// Writes `seq`, `nlmsg_pid` 0 and the flags into the header at `offset` (already checked by
/// [`message_len`]).
fn stamp(buf: &mut [u8], offset: usize, seq: u32, set: u16, clear: u16) {
    let flags_at = offset + offset_of!(NlMsgHdr, nlmsg_flags);
    let flags = (read_u16(buf, flags_at) | set) & !clear;
    write_u16(buf, flags_at, flags);
    write_u32(buf, offset + offset_of!(NlMsgHdr, nlmsg_seq), seq);
    write_u32(buf, offset + offset_of!(NlMsgHdr, nlmsg_pid), 0);
}

/// The header fields of the first message in a (possibly truncated) datagram.
fn first_header(data: &[u8]) -> Option<(u32, u32)> {
    let seq_at = offset_of!(NlMsgHdr, nlmsg_seq);
    let pid_at = offset_of!(NlMsgHdr, nlmsg_pid);
    let seq = u32::from_ne_bytes(data.get(seq_at..seq_at + 4)?.try_into().ok()?);
    let pid = u32::from_ne_bytes(data.get(pid_at..pid_at + 4)?.try_into().ok()?);
    Some((seq, pid))
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

/// Whether `flags`/`ty` make a dump request, by the rtnetlink convention (`GET` types are
/// `type % 4 == 2`; `NLM_F_DUMP` on them asks for the whole table).
fn is_dump_request(ty: u16, flags: u16) -> bool {
    ty >= nlmsg::MIN_TYPE && ty & 3 == 2 && flags & nlm_f::DUMP == nlm_f::DUMP
}

impl<T: Transport> Engine<T> {
    /// An engine over `transport`; sequence numbers start at 1.
    pub fn new(transport: T) -> Self {
        Self {
            transport,
            seq: 0,
            stats: Stats::default(),
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
        let len = message_len(request, 0).ok_or(Error::BadRequest { offset: 0 })?;
        let seq = self.reserve_seq(1);
        stamp(request, 0, seq, nlm_f::REQUEST | set, clear);
        self.send_all(&request[..len])?;
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
    fn receive<F>(&mut self, buf: &mut [u8], ours: (u32, u32), mut f: F) -> Result<(), Error>
    where
        F: FnMut(usize, Message<'_>) -> Result<Flow, Error>,
    {
        let port = self.transport.port_id();
        let is_ours = |seq: u32| seq.wrapping_sub(ours.0) < ours.1;
        loop {
            let capacity = buf.len();
            let d = self.transport.recv(buf, false)?;
            if d.port != 0 {
                self.stats.foreign += 1;
                continue;
            }
            if d.truncated(capacity) {
                match first_header(buf) {
                    Some((seq, pid)) if pid == port && is_ours(seq) => {
                        self.drain(buf, ours)?;
                        return Err(Error::Truncated {
                            len: d.len,
                            capacity,
                        });
                    }
                    _ => {
                        self.stats.stale += 1;
                        continue;
                    }
                }
            }
            let mut messages = Messages::new(&buf[..d.len]);
            loop {
                let offset = messages.offset();
                let Some(msg) = messages.next() else { break };
                let msg = msg?;
                if msg.pid() != port || !is_ours(msg.seq()) {
                    self.stats.stale += 1;
                    continue;
                }
                match f(offset, msg)? {
                    Flow::Continue => {}
                    Flow::Ignored => self.stats.stale += 1,
                    Flow::Stop => return Ok(()),
                }
            }
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
        let seq = self.send_one(request, nlm_f::ACK, 0)?;
        let mut result = None;
        self.receive(buf, (seq, 1), |_, msg| {
            if msg.ty() != nlmsg::ERROR {
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
        let seq = self.send_one(request, 0, nlm_f::ACK)?;
        let mut found = None;
        self.receive(buf, (seq, 1), |offset, msg| match msg.ty() {
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
        mut f: impl FnMut(Message<'_>),
    ) -> Result<(), Error> {
        let seq = self.send_one(request, 0, 0)?;
        let mut interrupted = false;
        self.receive(buf, (seq, 1), |_, msg| {
            interrupted |= msg.flags() & nlm_f::DUMP_INTR != 0;
            match msg.ty() {
                nlmsg::NOOP | nlmsg::OVERRUN => Ok(Flow::Continue),
                nlmsg::ERROR => error_result(msg).map(|_| Flow::Stop),
                nlmsg::DONE => {
                    let done = DoneMessage::parse(msg)?;
                    if done.errno() != 0 {
                        let ext = ExtAckInfo::from_view(done.ext_ack());
                        return Err(KernelError::new(done.errno(), ext).into());
                    }
                    Ok(Flow::Stop)
                }
                _ => {
                    f(msg);
                    Ok(Flow::Continue)
                }
            }
        })?;
        if interrupted {
            Err(Error::DumpInterrupted)
        } else {
            Ok(())
        }
    }

    /// [`Engine::dump`], done again (up to `attempts` times in all) while the kernel reports
    /// `NLM_F_DUMP_INTR`; `restart` is called before each new attempt so the caller can throw
    /// away what `f` collected.
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
        let mut attempt = 0;
        loop {
            attempt += 1;
            match self.dump(request, buf, &mut f) {
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
        let mut offset = 0;
        while offset < requests.len() {
            let len = message_len(requests, offset).ok_or(Error::BadRequest { offset })?;
            let ty = read_u16(requests, offset + offset_of!(NlMsgHdr, nlmsg_type));
            let flags = read_u16(requests, offset + offset_of!(NlMsgHdr, nlmsg_flags));
            if is_dump_request(ty, flags) {
                return Err(Error::BadRequest { offset });
            }
            offset = offset
                .saturating_add(len.next_multiple_of(4))
                .min(requests.len());
            count = count.checked_add(1).ok_or(Error::BadRequest { offset })?;
        }
        let first = self.reserve_seq(count);
        let mut offset = 0;
        for i in 0..count {
            let len = message_len(requests, offset).ok_or(Error::BadRequest { offset })?;
            stamp(
                requests,
                offset,
                first.wrapping_add(i),
                nlm_f::REQUEST | nlm_f::ACK,
                0,
            );
            offset = offset
                .saturating_add(len.next_multiple_of(4))
                .min(requests.len());
        }

        let limits = self.transport.batch_limits();
        let max_in_flight = limits.max_in_flight.clamp(1, BatchLimits::MAX_IN_FLIGHT) as u32;
        let (mut index, mut start) = (0u32, 0usize);
        while index < count {
            // Take requests while they fit in one datagram and in the ACK window.
            let (mut end_index, mut end) = (index, start);
            while end_index < count && end_index - index < max_in_flight {
                let len = message_len(requests, end).ok_or(Error::BadRequest { offset: end })?;
                let next = end
                    .saturating_add(len.next_multiple_of(4))
                    .min(requests.len());
                if next - start > limits.max_datagram && end_index > index {
                    break;
                }
                (end_index, end) = (end_index + 1, next);
            }
            self.send_all(&requests[start..end])?;

            let chunk = end_index - index;
            let mut seen = [0u64; BatchLimits::MAX_IN_FLIGHT / 64];
            let mut pending = chunk;
            let base = first.wrapping_add(index);
            self.receive(buf, (base, chunk), |_, msg| {
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
            (index, start) = (end_index, end);
        }
        Ok(count as usize)
    }

    /// Receives one datagram of events (multicast notifications for the groups the socket
    /// joined) and calls `f` for each message; returns how many there were.
    ///
    /// Datagrams not from the kernel are skipped (counted in [`Stats::foreign`]) and the call
    /// waits for the next one.
    ///
    /// # Errors
    /// [`Error::Overrun`] when the kernel dropped events because the receive queue was full
    /// (`ENOBUFS`): the listener's picture is stale and should be rebuilt with a dump.
    /// [`Error::Truncated`] when a datagram did not fit `buf` (it was consumed).
    pub fn recv_events(
        &mut self,
        buf: &mut [u8],
        mut f: impl FnMut(Message<'_>),
    ) -> Result<usize, Error> {
        loop {
            let capacity = buf.len();
            let d = self.transport.recv(buf, false)?;
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
