//! Deadlines against the real kernel, each test in its own network namespace: an event wait
//! that times out on time, and a timed-out request or dump whose answer, really queued by the
//! kernel, is never taken for the next request's.

mod common;

use std::time::{Duration, Instant};

use common::{link_dump_request, link_request, private_netns, veth_batch, veth_request};
use rtnl_codec::{LinkMessage, rtm, rtnlgrp};
use rtnl_sys::{Datagram, Deadline, Engine, Error, RECV_BUFFER_SIZE, Socket, Transport, Waiting};
use rustix::io::Errno;

/// A socket that, at its `deaf_at`-th receive, says nothing is queued and nothing came in
/// time although the kernel's answer is there: a kernel slower than the deadline, made
/// reproducible.
struct Slow {
    socket: Socket,
    recvs: usize,
    deaf_at: Option<usize>,
    deaf: bool,
    waits: usize,
}

impl Slow {
    fn new(deaf_at: usize) -> Self {
        Slow {
            socket: Socket::new().unwrap(),
            recvs: 0,
            deaf_at: Some(deaf_at),
            deaf: false,
            waits: 0,
        }
    }
}

impl Transport for Slow {
    fn port_id(&self) -> u32 {
        self.socket.port_id()
    }
    fn send(&mut self, datagram: &[u8]) -> Result<usize, Errno> {
        self.socket.send(datagram)
    }
    fn recv(&mut self, buf: &mut [u8], nonblocking: bool) -> Result<Datagram, Errno> {
        self.recvs += 1;
        if self.deaf_at == Some(self.recvs) {
            assert!(
                nonblocking,
                "with a deadline the engine reads without blocking first"
            );
            self.deaf = true;
            return Err(Errno::AGAIN);
        }
        self.socket.recv_raw(buf, nonblocking)
    }
    fn wait_readable(&mut self, deadline: Deadline) -> Result<bool, Errno> {
        self.waits += 1;
        if std::mem::take(&mut self.deaf) {
            return Ok(false);
        }
        self.socket.wait_readable(deadline)
    }
}

#[test]
fn an_event_wait_times_out_at_its_deadline() {
    private_netns();
    let socket = Socket::new().unwrap();
    socket.join_group(rtnlgrp::LINK).unwrap();
    let mut engine = Engine::new(socket);
    let mut buf = vec![0u8; RECV_BUFFER_SIZE];
    for ms in [50u64, 300] {
        engine.set_timeout(Some(Duration::from_millis(ms)));
        let start = Instant::now();
        let r = engine.recv_events(&mut buf, |_| panic!("no link changes here"));
        let took = start.elapsed();
        assert_eq!(r, Err(Error::TimedOut(Waiting::Event)));
        let want = Duration::from_millis(ms);
        assert!(
            took >= want && took < want + Duration::from_millis(100),
            "timed out after {took:?}, deadline {want:?}"
        );
    }
    // An absolute deadline bounds the call as well, the earlier of the two winning.
    engine.set_timeout(Some(Duration::from_secs(60)));
    engine.set_deadline(Some(Deadline::after(Duration::from_millis(100))));
    let start = Instant::now();
    let r = engine.recv_events(&mut buf, |_| {});
    assert_eq!(r, Err(Error::TimedOut(Waiting::Event)));
    assert!(start.elapsed() < Duration::from_millis(200));
}

#[test]
fn a_timed_out_requests_late_reply_is_not_taken_by_the_next_request() {
    private_netns();
    let mut engine = Engine::new(Slow::new(1));
    engine.set_timeout(Some(Duration::from_secs(5)));
    let mut buf = vec![0u8; RECV_BUFFER_SIZE];
    // Deleting a link that does not exist: the kernel queues ENODEV, the engine gives up.
    let mut del = [0u8; 64];
    let len = link_request(&mut del, rtm::DELLINK, 0, Some("nope0"));
    let r = engine.request_ack(&mut del[..len], &mut buf);
    assert_eq!(r, Err(Error::TimedOut(Waiting::Ack)));
    // The ENODEV is still queued; the next request must get its own answer.
    let mut get = [0u8; 64];
    let len = link_request(&mut get, rtm::GETLINK, 0, Some("lo"));
    let reply = engine.request_reply(&mut get[..len], &mut buf).unwrap();
    let lo = LinkMessage::parse(reply).unwrap();
    assert_eq!((lo.index(), lo.name()), (1, Some("lo")));
    // And an ACK request after it gets its ACK, not some leftover.
    let mut add = [0u8; 256];
    let len = veth_request(&mut add, "va", "vb");
    engine.request_ack(&mut add[..len], &mut buf).unwrap();
    assert_eq!(
        engine.transport().waits,
        1,
        "polled only when nothing was queued"
    );
}

/// 120 veth pairs (241 links with `lo`): a link dump of several datagrams.
fn many_links(engine: &mut Engine<Slow>, buf: &mut [u8]) {
    let mut requests = veth_batch((0..120).map(|i| (format!("a{i}"), format!("b{i}"))));
    let mut ok = 0;
    engine
        .batch(&mut requests, buf, |_, r| ok += usize::from(r.is_ok()))
        .unwrap();
    assert_eq!(ok, 120);
}

#[test]
fn an_abandoned_dump_does_not_spoil_the_next_one() {
    private_netns();
    let mut engine = Engine::new(Slow::new(usize::MAX));
    let mut buf = vec![0u8; RECV_BUFFER_SIZE];
    many_links(&mut engine, &mut buf);
    engine.set_timeout(Some(Duration::from_secs(5)));
    let mut req = [0u8; 64];
    let len = link_dump_request(&mut req);

    // Gives up after the first datagram of the dump: the kernel still has the rest to send.
    engine.transport_mut().recvs = 0;
    engine.transport_mut().deaf_at = Some(2);
    let mut first = 0;
    let r = engine.dump(&mut req[..len], &mut buf, |_| first += 1);
    assert_eq!(r, Err(Error::TimedOut(Waiting::Dump)));
    assert!(
        first > 0 && first < 241,
        "{first} links before the deadline"
    );

    // The next dump is answered (not EBUSY: the abandoned one was read to its end first), and
    // whole, with none of the abandoned dump's messages.
    let mut names = Vec::new();
    engine
        .dump(&mut req[..len], &mut buf, |m| {
            names.push(LinkMessage::parse(m).unwrap().name().unwrap().to_owned())
        })
        .unwrap();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), 241);
    assert_eq!(engine.stats().stale, 0, "nothing stale was left to skip");

    // The same for an ACK request right after an abandoned dump.
    engine.transport_mut().recvs = 0;
    let r = engine.dump(&mut req[..len], &mut buf, |_| {});
    assert_eq!(r, Err(Error::TimedOut(Waiting::Dump)));
    let mut del = [0u8; 64];
    let len = link_request(&mut del, rtm::DELLINK, 0, Some("a0"));
    engine.request_ack(&mut del[..len], &mut buf).unwrap();
}
