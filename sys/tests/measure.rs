//! How the kernel takes batched requests, measured and pinned: ACK capacity of the receive
//! buffer, one sendmsg past 64 KiB, the socket's own batch limits. Run with `--nocapture` to
//! read the figures.

mod common;

use rtnl_codec::rtm;
use rtnl_sys::{BatchLimits, Engine, Error, Socket, Transport};

/// `RTM_NEWLINK` for `lo` (index 1) changing nothing: the cheapest request that is ACKed.
fn noop_request(buf: &mut [u8]) -> usize {
    use rtnl_codec::MessageBuilder;
    use rtnl_codec::raw::IfInfoMsg;
    let mut b = MessageBuilder::new(buf, rtm::NEWLINK, 0, 0).unwrap();
    b.header(&IfInfoMsg {
        ifi_index: 1.into(),
        ..Default::default()
    })
    .unwrap();
    b.finish().len()
}

/// `requests` as one batch through an engine over `transport` with a 32 KiB receive buffer:
/// the result, how many requests succeeded, and how long it took.
fn timed_batch<T: Transport>(
    transport: T,
    requests: &mut [u8],
) -> (Result<usize, Error>, usize, std::time::Duration) {
    let mut engine = Engine::new(transport);
    let mut buf = vec![0u8; 32 * 1024];
    let mut ok = 0;
    let start = std::time::Instant::now();
    let r = engine.batch(requests, &mut buf, |_, r| ok += usize::from(r.is_ok()));
    (r, ok, start.elapsed())
}

#[test]
fn batch_figures() {
    common::private_netns();
    let socket = Socket::new().unwrap();
    eprintln!(
        "SO_SNDBUF {} SO_RCVBUF {} limits {:?}",
        socket.send_buffer_size().unwrap(),
        socket.recv_buffer_size().unwrap(),
        socket.batch_limits()
    );
    let default_rcvbuf = socket.recv_buffer_size().unwrap();
    let mut one = [0u8; 64];
    let len = noop_request(&mut one);
    for &n in &[100usize, 200, 220, 240, 260, 280, 300, 1000, 6000] {
        for &force in &[false, true] {
            let mut socket = Socket::new().unwrap();
            if force {
                socket.set_recv_buffer_size_force(4 << 20).unwrap();
            }
            let mut requests = Vec::new();
            for _ in 0..n {
                requests.extend_from_slice(&one[..len]);
            }
            let bytes = requests.len();
            let mut counting = common::Counting::new(&mut socket);
            // One datagram for the whole batch, whatever the socket says.
            struct Unlimited<'a, 'b>(&'a mut common::Counting<'b>);
            impl Transport for Unlimited<'_, '_> {
                fn port_id(&self) -> u32 {
                    self.0.port_id()
                }
                fn send(&mut self, d: &[u8]) -> Result<usize, rustix::io::Errno> {
                    self.0.send(d)
                }
                fn recv(
                    &mut self,
                    b: &mut [u8],
                    nb: bool,
                ) -> Result<rtnl_sys::Datagram, rustix::io::Errno> {
                    self.0.recv(b, nb)
                }
                fn batch_limits(&self) -> BatchLimits {
                    BatchLimits {
                        max_datagram: usize::MAX,
                        max_in_flight: BatchLimits::MAX_IN_FLIGHT,
                    }
                }
            }
            let (r, ok, el) = timed_batch(Unlimited(&mut counting), &mut requests);
            eprintln!(
                "n={n:5} bytes={bytes:7} rcvbuf_force={force:5} -> {:?}: ok={ok} sends={} recvs={} in {el:?}",
                r.as_ref().map_err(Error::to_string),
                counting.sends,
                counting.recvs
            );
            // Each ACK is its own datagram; the default receive buffer (212992 bytes) holds
            // about 250 of them, and past that the kernel drops ACKs: why batches are cut.
            if force || n <= 200 {
                assert_eq!(r, Ok(n));
                assert_eq!(counting.recvs, n, "one datagram per ACK");
            } else if n >= 1000 && default_rcvbuf <= 212_992 {
                assert_eq!(r, Err(Error::Overrun));
            }
        }
    }

    // The engine with the socket's own limits.
    for &force in &[false, true] {
        let mut socket = Socket::new().unwrap();
        if force {
            socket.set_recv_buffer_size_force(4 << 20).unwrap();
        }
        let limits = socket.batch_limits();
        let mut requests = Vec::new();
        for _ in 0..5000 {
            requests.extend_from_slice(&one[..len]);
        }
        let mut counting = common::Counting::new(&mut socket);
        let (r, ok, el) = timed_batch(&mut counting, &mut requests);
        eprintln!(
            "socket limits {limits:?}: 5000 requests -> {r:?} ok={ok} sends={} recvs={} in {el:?}",
            counting.sends, counting.recvs
        );
        assert_eq!(
            (r, ok),
            (Ok(5000), 5000),
            "the socket's limits never lose an ACK"
        );
        assert_eq!(counting.sends, 5000usize.div_ceil(limits.max_in_flight));
    }

    // One sendmsg well past 64 KiB: 1000 veth creations (about 100 bytes each).
    let mut socket = Socket::new().unwrap();
    socket.set_recv_buffer_size_force(4 << 20).unwrap();
    let mut requests = common::veth_batch((0..1000).map(|i| (format!("a{i}"), format!("b{i}"))));
    let bytes = requests.len();
    let mut counting = common::Counting::new(&mut socket);
    let (r, ok, el) = timed_batch(&mut counting, &mut requests);
    eprintln!(
        "1000 veth creates, {bytes} bytes: {r:?} ok={ok} sends={} sizes={:?} in {el:?}",
        counting.sends, counting.send_sizes
    );
    // Netlink takes a datagram up to SO_SNDBUF - 32 bytes, far past 64 KiB.
    assert!(bytes > 64 * 1024);
    assert_eq!((r, ok, counting.sends), (Ok(1000), 1000, 1));
}
