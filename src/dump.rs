//! The one typed dump loop: any family's dump request ([`Dump`]), each reply parsed into its
//! view, redone while the kernel reports the dump inconsistent (`NLM_F_DUMP_INTR`).
//!
//! [`Handle::dump`] and [`Handle::dump_owned`] are its public forms; the per-family methods
//! (`links`, `for_each_address`, `routes`, `nsids`, ...) and the monitor's resync go through
//! it too, so a family's dump is written once and the retry is in one place.

use std::cell::Cell;

use rtnl_codec::{Dump, Message, View};
use rtnl_sys::{Engine, Pass, Transport};

use crate::error::{Context, Error, Result};
use crate::handle::Handle;
use crate::model::FromView;

/// How often a dump is tried in all when the kernel reports it inconsistent (`NLM_F_DUMP_INTR`:
/// the table changed while it was read).
pub(crate) const DUMP_ATTEMPTS: u32 = 4;

/// What a dump hands its callback: a reply, or the news that the dump starts over (what was
/// seen so far is stale and comes again).
pub enum DumpRow<'v, V> {
    /// The kernel reported the dump inconsistent; it is being redone from the first reply.
    Restart,
    /// One reply, parsed.
    View(&'v V),
}

/// What a dump read a datagram ahead hands its callback ([`Handle::for_each_link_ahead`]): each
/// reply (an `NLM_F_MULTI` message of the dump) twice, first as its datagram arrives and then,
/// a datagram later, parsed.
pub enum Ahead<'v, 'm, V> {
    /// The kernel reported the dump inconsistent; it is being redone from the first reply.
    Restart,
    /// A reply as soon as its datagram has been read, not parsed ([`rtnl_sys::Pass::Arrived`]).
    Arrived(Message<'m>),
    /// The same reply once the next datagram has arrived (or the dump has ended), parsed
    /// ([`rtnl_sys::Pass::Held`]).
    Held(&'v V),
}

/// Runs `attempt` (given its number, from 1) until it does not fail with
/// [`rtnl_sys::Error::DumpInterrupted`], at most [`DUMP_ATTEMPTS`] times: the only retry of an
/// inconsistent dump in the library.
pub(crate) fn retry_interrupted<R>(mut attempt: impl FnMut(u32) -> Result<R>) -> Result<R> {
    let mut n = 0;
    loop {
        n += 1;
        match attempt(n) {
            Err(e) if n < DUMP_ATTEMPTS && is_interrupted(&e) => {}
            r => return r,
        }
    }
}

/// One pass of the dump `dump` through `engine`: every `RTM_NEW*` reply parsed as
/// `D::Reply` and handed to `each`. A reply that does not parse does not stop the dump (its
/// bytes are read to the end, so the socket stays in step); the first such error is returned
/// after it.
pub(crate) fn dump_once<'o, T: Transport, D: Dump + ?Sized + 'o>(
    engine: &mut Engine<T>,
    tx: &mut [u8],
    rx: &mut [u8],
    op: &'static str,
    dump: &D,
    // A trait object: this loop is compiled once per family, not once per caller too.
    each: &'o mut dyn FnMut(&D::Reply<'_>),
) -> Result<()> {
    let len = dump.write(tx, 0).context_none(op)?.len();
    let request = tx.get_mut(..len).unwrap_or_default();
    let malformed = Cell::new(None);
    let mut on_message = |message: Message<'_>| {
        if message.ty() != <D::Reply<'_> as View<'_>>::NEW {
            return;
        }
        match D::Reply::parse(message) {
            Ok(view) => each(&view),
            Err(e) => malformed.set(malformed.get().or(Some(e))),
        }
    };
    // A trait object: the engine's receive loop is compiled once, not once per family.
    let on_message: &mut dyn FnMut(Message<'_>) = &mut on_message;
    engine.dump(request, rx, on_message).context_none(op)?;
    match malformed.get() {
        Some(e) => Err(Error::new(op, None, rtnl_sys::Error::from(e).into())),
        None => Ok(()),
    }
}

/// [`dump_once`] read a datagram ahead ([`Engine::dump_lookahead`]): every message of `D`'s
/// reply type goes to `each` as [`Ahead::Arrived`] when its datagram arrives, and parsed as
/// [`Ahead::Held`] once the next datagram has arrived.
pub(crate) fn dump_ahead_once<'o, T: Transport, D: Dump + ?Sized + 'o>(
    engine: &mut Engine<T>,
    tx: &mut [u8],
    [rx, ahead]: [&mut [u8]; 2],
    op: &'static str,
    dump: &D,
    each: &'o mut dyn FnMut(Ahead<'_, '_, D::Reply<'_>>),
) -> Result<()> {
    let len = dump.write(tx, 0).context_none(op)?.len();
    let request = tx.get_mut(..len).unwrap_or_default();
    let new = <D::Reply<'_> as View<'_>>::NEW;
    let mut malformed = None;
    let on_message = |message: Message<'_>, pass: Pass| {
        if message.ty() != new {
            return;
        }
        match pass {
            Pass::Arrived => each(Ahead::Arrived(message)),
            Pass::Held => match D::Reply::parse(message) {
                Ok(view) => each(Ahead::Held(&view)),
                Err(e) => malformed = malformed.or(Some(e)),
            },
        }
    };
    engine
        .dump_lookahead(request, (rx, ahead), on_message)
        .context_none(op)?;
    match malformed {
        Some(e) => Err(Error::new(op, None, rtnl_sys::Error::from(e).into())),
        None => Ok(()),
    }
}

/// [`dump_once`], redone while the kernel reports the dump inconsistent; `on` gets
/// [`DumpRow::Restart`] before each new attempt. A malformed reply's error belongs to its attempt
/// and is forgotten with it.
pub(crate) fn dump_consistent<T: Transport, D: Dump + ?Sized>(
    engine: &mut Engine<T>,
    tx: &mut [u8],
    rx: &mut [u8],
    op: &'static str,
    dump: &D,
    mut on: impl FnMut(DumpRow<'_, D::Reply<'_>>),
) -> Result<()> {
    retry_interrupted(|attempt| {
        if attempt > 1 {
            on(DumpRow::Restart);
        }
        dump_once(engine, tx, rx, op, dump, &mut |view| {
            on(DumpRow::View(view))
        })
    })
}

/// A dump through `engine` as [`Handle::dump_rows`] does it: redone while inconsistent when
/// `retry`, else done once, every reply handed to `on` once, and an inconsistent dump a
/// success whose value is `true` (`ip`'s way: it warns and keeps what it read).
pub(crate) fn dump_with<T: Transport, D: Dump + ?Sized>(
    engine: &mut Engine<T>,
    (tx, rx): (&mut [u8], &mut [u8]),
    op: &'static str,
    dump: &D,
    retry: bool,
    mut on: impl FnMut(DumpRow<'_, D::Reply<'_>>),
) -> Result<bool> {
    if retry {
        return dump_consistent(engine, tx, rx, op, dump, on).map(|()| false);
    }
    match dump_once(engine, tx, rx, op, dump, &mut |view| {
        on(DumpRow::View(view))
    }) {
        Ok(()) => Ok(false),
        Err(e) if is_interrupted(&e) => Ok(true),
        Err(e) => Err(e),
    }
}

/// Whether `e` is the kernel's report that a dump was inconsistent (`NLM_F_DUMP_INTR`).
fn is_interrupted(e: &Error) -> bool {
    matches!(
        e.kind(),
        crate::ErrorKind::Netlink(rtnl_sys::Error::DumpInterrupted)
    )
}

/// The owned form of a dump: `row`'s value added to `found`, or `found` emptied when the dump
/// starts over.
pub(crate) fn collect<V, T: FromView<V>>(found: &mut Vec<T>, row: DumpRow<'_, V>) {
    match row {
        DumpRow::Restart => found.clear(),
        DumpRow::View(view) => found.extend(T::from_view(view)),
    }
}

/// A query of one family: a filter that knows how to ask the kernel (which dump, or a get for
/// one object) and what to keep of the answer. The owned and the streaming form of every
/// per-family query are made from it once ([`Handle::select_owned`], [`Handle::select_each`]).
pub(crate) trait Select {
    /// The family's dump request, whose reply view the rows carry.
    type Dump: Dump + ?Sized;

    /// Asks the kernel and hands `on` every object kept, and [`DumpRow::Restart`] when the dump
    /// is redone.
    fn rows(
        &self,
        handle: &mut Handle,
        on: impl FnMut(DumpRow<'_, <Self::Dump as Dump>::Reply<'_>>),
    ) -> Result<()>;
}

/// A bare dump request as a query, named `op` in errors: everything it returns is kept.
pub(crate) struct Everything<'d, D: ?Sized>(pub(crate) &'static str, pub(crate) &'d D);

impl<D: Dump + ?Sized> Select for Everything<'_, D> {
    type Dump = D;

    fn rows(
        &self,
        handle: &mut Handle,
        mut on: impl FnMut(DumpRow<'_, D::Reply<'_>>),
    ) -> Result<()> {
        handle.dump_rows(self.0, self.1, &mut on)
    }
}

impl Handle {
    /// Any family's dump, streaming: `each` sees every reply as the codec's borrowed view
    /// ([`LinkMessage`](rtnl_codec::LinkMessage) for a
    /// [`LinkDump`](rtnl_codec::request::LinkDump), ...), and only the handle's receive buffer is
    /// used however large the dump is.
    ///
    /// When the kernel reports the dump inconsistent (`NLM_F_DUMP_INTR`), it is redone, so
    /// `each` may see an object twice; [`Handle::dump_owned`] gives one clean copy.
    ///
    /// # Errors
    /// A refused or failed dump; a reply that does not parse (after the dump was read to its
    /// end); still inconsistent after a few attempts.
    pub fn dump<D: Dump + ?Sized>(
        &mut self,
        dump: &D,
        each: impl FnMut(&D::Reply<'_>),
    ) -> Result<()> {
        self.select_each(&Everything("dump", dump), each)
    }

    /// Any family's dump, as owned values ([`Link`](crate::Link) from a
    /// [`LinkDump`](rtnl_codec::request::LinkDump), ...); what was collected is thrown away when
    /// the kernel reports the dump inconsistent and it is redone.
    ///
    /// # Errors
    /// As [`Handle::dump`].
    pub fn dump_owned<D, T>(&mut self, dump: &D) -> Result<Vec<T>>
    where
        D: Dump + ?Sized,
        T: for<'a> FromView<D::Reply<'a>>,
    {
        self.select_owned(&Everything("dump", dump))
    }

    /// The dump loop on this handle's socket and buffers, redone while inconsistent or done
    /// once as [`Handle::set_retry_interrupted_dumps`] chose. `on` is a trait object, so the
    /// loop is compiled once per family, not once per caller (the owned and the streaming
    /// form, each CLI printer).
    pub(crate) fn dump_rows<'o, D: Dump + ?Sized + 'o>(
        &mut self,
        op: &'static str,
        dump: &D,
        on: &'o mut dyn FnMut(DumpRow<'_, D::Reply<'_>>),
    ) -> Result<()> {
        let retry = self.retry_interrupted;
        let (engine, tx, rx) = self.parts();
        let interrupted = dump_with(engine, (tx, rx), op, dump, retry, on)?;
        self.dump_interrupted |= interrupted;
        Ok(())
    }

    /// [`Handle::dump_rows`] read a datagram ahead ([`dump_ahead_once`]); an interrupted
    /// dump is redone (after an [`Ahead::Restart`]) or flagged as [`Handle::dump_rows`] does.
    pub(crate) fn dump_rows_ahead<'o, D: Dump + ?Sized + 'o>(
        &mut self,
        op: &'static str,
        dump: &D,
        each: &'o mut dyn FnMut(Ahead<'_, '_, D::Reply<'_>>),
    ) -> Result<()> {
        let retry = self.retry_interrupted;
        let (engine, tx, [rx, ahead]) = self.parts_ahead();
        let result = if retry {
            retry_interrupted(|attempt| {
                if attempt > 1 {
                    each(Ahead::Restart);
                }
                dump_ahead_once(engine, tx, [&mut *rx, &mut *ahead], op, dump, each)
            })
        } else {
            dump_ahead_once(engine, tx, [rx, ahead], op, dump, each)
        };
        match result {
            Err(e) if !retry && is_interrupted(&e) => {
                self.dump_interrupted = true;
                Ok(())
            }
            r => r,
        }
    }

    /// The objects `query` keeps, as owned values, collected again from the start when the
    /// dump is redone.
    pub(crate) fn select_owned<S, T>(&mut self, query: &S) -> Result<Vec<T>>
    where
        S: Select + ?Sized,
        T: for<'a> FromView<<S::Dump as Dump>::Reply<'a>>,
    {
        let mut found = Vec::new();
        query.rows(self, |row| collect(&mut found, row))?;
        Ok(found)
    }

    /// The objects `query` keeps, as borrowed views (seen again when the dump is redone).
    pub(crate) fn select_each<S: Select + ?Sized>(
        &mut self,
        query: &S,
        mut each: impl FnMut(&<S::Dump as Dump>::Reply<'_>),
    ) -> Result<()> {
        query.rows(self, |row| {
            if let DumpRow::View(view) = row {
                each(view);
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;

    use rtnl_codec::raw::IfInfoMsg;
    use rtnl_codec::request::LinkDump;
    use rtnl_codec::{LinkMessage, MessageBuilder, Messages, nlm_f, nlmsg, rtm};
    use rtnl_sys::{Datagram, Engine, Transport};
    use rustix::io::Errno;

    use super::*;
    use crate::model::Link;

    /// A reply the fake kernel sends: a link with this index (`None`: a link message too short
    /// for its header, which does not parse), with these extra `NLM_F_*` flags.
    type Reply = (Option<i32>, u16);

    /// A kernel that answers each dump request with the next script entry: its links, then
    /// `NLMSG_DONE`, in one datagram, with the request's sequence number.
    struct FakeKernel {
        script: VecDeque<Vec<Reply>>,
        queued: VecDeque<Vec<u8>>,
        requests: usize,
    }

    impl Transport for FakeKernel {
        /// 0, as the builder stamps the replies' `nlmsg_pid` (the engine matches the two).
        fn port_id(&self) -> u32 {
            0
        }

        fn send(&mut self, datagram: &[u8]) -> Result<usize, Errno> {
            let request = Messages::new(datagram).next().unwrap().unwrap();
            assert_eq!(request.ty(), rtm::GETLINK);
            self.requests += 1;
            let replies = self.script.pop_front().expect("a dump the script has");
            let mut out = Vec::new();
            for (index, flags) in replies {
                let mut buf = [0u8; 64];
                let flags = nlm_f::MULTI | flags;
                let mut b =
                    MessageBuilder::new(&mut buf, rtm::NEWLINK, flags, request.seq()).unwrap();
                match index {
                    Some(index) => b.header(&IfInfoMsg {
                        ifi_index: index.into(),
                        ..IfInfoMsg::default()
                    }),
                    None => b.put_u16(1, 0),
                }
                .unwrap();
                out.extend_from_slice(b.finish());
            }
            let mut buf = [0u8; 32];
            let mut done =
                MessageBuilder::new(&mut buf, nlmsg::DONE, nlm_f::MULTI, request.seq()).unwrap();
            done.header(&0i32).unwrap();
            out.extend_from_slice(done.finish());
            self.queued.push_back(out);
            Ok(datagram.len())
        }

        fn recv(&mut self, buf: &mut [u8], _: bool) -> Result<Datagram, Errno> {
            let datagram = self.queued.pop_front().ok_or(Errno::AGAIN)?;
            buf[..datagram.len()].copy_from_slice(&datagram);
            Ok(Datagram {
                len: datagram.len(),
                port: 0,
            })
        }
    }

    fn engine(script: Vec<Vec<Reply>>) -> Engine<FakeKernel> {
        Engine::new(FakeKernel {
            script: script.into(),
            queued: VecDeque::new(),
            requests: 0,
        })
    }

    /// The owned form of a dump through `engine`, as [`Handle::select_owned`] makes it.
    fn links(engine: &mut Engine<FakeKernel>) -> Result<Vec<u32>> {
        let mut found: Vec<Link> = Vec::new();
        dump_consistent(
            engine,
            &mut [0; 256],
            &mut [0; 4096],
            "show links",
            &LinkDump::default(),
            |row: DumpRow<'_, LinkMessage<'_>>| collect(&mut found, row),
        )?;
        Ok(found.into_iter().map(|l| l.index).collect())
    }

    #[test]
    fn an_interrupted_dump_starts_over_and_forgets_what_it_saw() {
        // First attempt: a malformed link, then a link flagged DUMP_INTR. Second: clean.
        let mut e = engine(vec![
            vec![(None, 0), (Some(1), nlm_f::DUMP_INTR)],
            vec![(Some(2), 0), (Some(3), 0)],
        ]);
        assert_eq!(links(&mut e).unwrap(), [2, 3]);
        assert_eq!(e.transport().requests, 2);
    }

    #[test]
    fn an_interrupted_dump_done_once_delivers_each_reply_once_and_says_so() {
        // As ip 6.1: no second request, nothing seen twice, the dump succeeds flagged.
        let mut e = engine(vec![
            vec![(Some(1), 0), (Some(2), nlm_f::DUMP_INTR), (Some(3), 0)],
            vec![(Some(1), 0), (Some(2), 0), (Some(3), 0)],
        ]);
        let mut rows = Vec::new();
        let interrupted = dump_with(
            &mut e,
            (&mut [0; 256], &mut [0; 4096]),
            "show links",
            &LinkDump::default(),
            false,
            |row: DumpRow<'_, LinkMessage<'_>>| match row {
                DumpRow::Restart => rows.push(0),
                DumpRow::View(m) => rows.push(m.index()),
            },
        )
        .unwrap();
        assert!(interrupted);
        assert_eq!(rows, [1, 2, 3]);
        assert_eq!(e.transport().requests, 1);

        // A clean dump done once is not flagged.
        let mut e = engine(vec![vec![(Some(4), 0)]]);
        let clean = dump_with(
            &mut e,
            (&mut [0; 256], &mut [0; 4096]),
            "show links",
            &LinkDump::default(),
            false,
            |_: DumpRow<'_, LinkMessage<'_>>| {},
        );
        assert!(!clean.unwrap());
    }

    #[test]
    fn a_malformed_reply_of_a_clean_dump_is_an_error() {
        let mut e = engine(vec![vec![(Some(1), 0), (None, 0)]]);
        let err = links(&mut e).unwrap_err();
        assert!(
            matches!(
                err.kind(),
                crate::ErrorKind::Netlink(rtnl_sys::Error::Malformed(_))
            ),
            "{err:?}"
        );
    }

    #[test]
    fn a_dump_inconsistent_every_time_gives_up() {
        let intr = || vec![(Some(1), nlm_f::DUMP_INTR)];
        let mut e = engine((0..DUMP_ATTEMPTS).map(|_| intr()).collect());
        let err = links(&mut e).unwrap_err();
        assert_eq!(
            err.kind(),
            &crate::ErrorKind::Netlink(rtnl_sys::Error::DumpInterrupted)
        );
        assert_eq!(e.transport().requests, DUMP_ATTEMPTS as usize);
    }
}
