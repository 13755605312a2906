//! The socket and the engine against the real kernel, each test in its own network namespace.

mod common;

use common::{
    Counting, EVENT_WAIT, before, event_deadline, ip_link_names, link_dump_request, link_request,
    private_netns, veth_batch, veth_request,
};
use rtnl_codec::{LinkMessage, nlm_f, nlmsg, rtm, rtnlgrp};
use rtnl_sys::{Engine, Error, RECV_BUFFER_SIZE, RecvError, Socket, Transport};
use rustix::io::Errno;

fn engine() -> Engine<Socket> {
    Engine::new(Socket::new().expect("open netlink socket"))
}

/// Names of every link, by a dump through the engine.
fn dump_names<T: Transport>(engine: &mut Engine<T>) -> Vec<String> {
    let mut req = [0u8; 64];
    let len = link_dump_request(&mut req);
    let mut buf = vec![0u8; RECV_BUFFER_SIZE];
    let mut names = Vec::new();
    engine
        .dump(&mut req[..len], &mut buf, |m| {
            let link = LinkMessage::parse(m).unwrap();
            names.push(link.name().unwrap().to_owned());
        })
        .unwrap();
    names
}

fn add_veth(engine: &mut Engine<Socket>, name: &str, peer: &str) -> Result<(), Error> {
    let mut req = [0u8; 256];
    let len = veth_request(&mut req, name, peer);
    engine
        .request_ack(&mut req[..len], &mut [0u8; 4096])
        .map(drop)
}

fn del_link(engine: &mut Engine<Socket>, name: &str) -> Result<(), Error> {
    let mut req = [0u8; 64];
    let len = link_request(&mut req, rtm::DELLINK, 0, Some(name));
    engine
        .request_ack(&mut req[..len], &mut [0u8; 4096])
        .map(drop)
}

#[test]
fn open_bind_getsockname_and_options() {
    private_netns();
    let a = Socket::new().unwrap();
    let b = Socket::new().unwrap();
    assert_ne!(a.port_id(), 0, "the kernel assigned a port id");
    assert_ne!(a.port_id(), b.port_id());
    assert!(a.ext_ack().unwrap(), "NETLINK_EXT_ACK on by default");
    assert!(
        a.strict_check().unwrap(),
        "NETLINK_GET_STRICT_CHK on by default"
    );
    assert!(!a.cap_ack().unwrap());
    a.set_cap_ack(true).unwrap();
    assert!(a.cap_ack().unwrap());
    a.set_no_enobufs(true).unwrap();
    assert!(a.no_enobufs().unwrap());
    a.set_listen_all_nsid(true).unwrap();
    a.set_recv_buffer_size(65536).unwrap();
    assert_eq!(
        a.recv_buffer_size().unwrap(),
        2 * 65536,
        "the kernel doubles SO_RCVBUF"
    );
    a.set_recv_buffer_size_force(1 << 20).unwrap();
    assert_eq!(a.recv_buffer_size().unwrap(), 2 << 20);
    a.join_group(rtnlgrp::LINK).unwrap();
    a.leave_group(rtnlgrp::LINK).unwrap();
    a.subscribe(&common::ip_monitor::IP_MONITOR_GROUPS).unwrap();

    let raw = Socket::new_unconfigured().unwrap();
    assert!(!raw.ext_ack().unwrap());
    // The descriptor is close-on-exec.
    let flags = rustix::io::fcntl_getfd(&raw).unwrap();
    assert!(flags.contains(rustix::io::FdFlags::CLOEXEC));
}

#[test]
fn get_link_lo_through_the_engine() {
    private_netns();
    let mut e = engine();
    let mut req = [0u8; 64];
    let len = link_request(&mut req, rtm::GETLINK, 0, Some("lo"));
    let mut buf = vec![0u8; RECV_BUFFER_SIZE];
    let reply = e.request_reply(&mut req[..len], &mut buf).unwrap();
    assert_eq!(reply.ty(), rtm::NEWLINK);
    assert_eq!(reply.pid(), e.transport().port_id());
    let link = LinkMessage::parse(reply).unwrap();
    assert_eq!((link.name(), link.index()), (Some("lo"), 1));

    let len = link_request(&mut req, rtm::GETLINK, 0, Some("nosuchlink"));
    let err = e
        .request_reply(&mut req[..len], &mut buf)
        .map(drop)
        .unwrap_err();
    assert_eq!(err.errno(), Some(Errno::NODEV), "{err}");
    assert_eq!(e.stats(), rtnl_sys::Stats::default());
}

#[test]
fn create_and_delete_a_veth_pair() {
    private_netns();
    let mut e = engine();
    add_veth(&mut e, "v0", "v1").unwrap();
    let mut names = dump_names(&mut e);
    names.sort();
    assert_eq!(names, ["lo", "v0", "v1"]);
    let mut oracle = ip_link_names();
    oracle.sort();
    assert_eq!(oracle, names, "ip agrees");

    del_link(&mut e, "v1").unwrap();
    assert_eq!(dump_names(&mut e), ["lo"], "deleting one end deletes both");
    assert_eq!(ip_link_names(), ["lo"]);
}

#[test]
fn kernel_errors_carry_errno_and_ext_ack_text() {
    private_netns();
    let mut e = engine();
    add_veth(&mut e, "v0", "v1").unwrap();

    // A duplicate name: the kernel says EEXIST without text, so it reads like iproute2's.
    let err = add_veth(&mut e, "v0", "v2").unwrap_err();
    assert_eq!(err.errno(), Some(Errno::EXIST));
    assert_eq!(err.to_string(), "RTNETLINK answers: File exists");

    // An MTU over the device maximum: the kernel explains itself in the extended ack.
    let mut req = [0u8; 128];
    let mut b = rtnl_codec::MessageBuilder::new(&mut req, rtm::NEWLINK, 0, 0).unwrap();
    b.header(&rtnl_codec::raw::IfInfoMsg::default()).unwrap();
    b.put_str(rtnl_codec::ifla::IFNAME, "v0").unwrap();
    b.put_u32(rtnl_codec::ifla::MTU, 100_000).unwrap();
    let len = b.finish().len();
    let err = e
        .request_ack(&mut req[..len], &mut [0u8; 4096])
        .unwrap_err();
    let Error::Kernel(k) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(k.errno(), Errno::INVAL);
    assert_eq!(k.message(), Some("mtu greater than device maximum"));
    assert_eq!(err.to_string(), "Error: mtu greater than device maximum.");
}

#[test]
fn a_dump_spanning_many_datagrams() {
    private_netns();
    let mut socket = Socket::new().unwrap();
    // 150 veth pairs in one batch: 301 links with lo.
    let mut requests = veth_batch((0..150).map(|i| (format!("a{i}"), format!("b{i}"))));
    let mut engine = Engine::new(&mut socket);
    let mut ok = 0;
    let n = engine
        .batch(&mut requests, &mut [0u8; 4096], |_, r| {
            ok += usize::from(r.is_ok())
        })
        .unwrap();
    assert_eq!((n, ok), (150, 150));

    let mut counting = Counting::new(&mut socket);
    let mut engine = Engine::new(&mut counting);
    let mut names = dump_names(&mut engine);
    let _ = engine.into_inner();
    assert_eq!(names.len(), 301);
    assert!(counting.recvs > 3, "{} datagrams", counting.recvs);
    let mut oracle = ip_link_names();
    oracle.sort();
    names.sort();
    assert_eq!(names, oracle);
}

#[test]
fn a_forged_reply_from_another_socket_is_ignored() {
    private_netns();
    let mut e = engine();
    let victim = e.transport().port_id();
    let forger = Socket::new().unwrap();
    // The engine's next request will carry sequence number 1. Forge its ACK: right seq,
    // right nlmsg_pid, but sent from a user socket, not from the kernel (port 0).
    let mut forged = [0u8; 36];
    forged[0..4].copy_from_slice(&36u32.to_ne_bytes());
    forged[4..6].copy_from_slice(&nlmsg::ERROR.to_ne_bytes());
    forged[6..8].copy_from_slice(&nlm_f::CAPPED.to_ne_bytes());
    forged[8..12].copy_from_slice(&1u32.to_ne_bytes());
    forged[12..16].copy_from_slice(&victim.to_ne_bytes());
    forged[20..24].copy_from_slice(&16u32.to_ne_bytes()); // echoed header: error 0 = ACK
    forger.send_to_port(&forged, victim).unwrap();

    // Deleting a link that does not exist: the real answer is ENODEV, the forgery says ACK.
    let err = del_link(&mut e, "ghost").unwrap_err();
    assert_eq!(err.errno(), Some(Errno::NODEV));
    assert_eq!(e.stats().foreign, 1);
    // And the engine still works.
    add_veth(&mut e, "v0", "v1").unwrap();
}

#[test]
fn a_too_small_buffer_never_truncates_silently() {
    private_netns();
    let mut e = engine();
    add_veth(&mut e, "v0", "v1").unwrap();

    // Through the socket: a GETLINK reply (about 1.5 KB) into 256 bytes.
    let socket = Socket::new().unwrap();
    let mut req = [0u8; 64];
    let len = link_request(&mut req, rtm::GETLINK, nlm_f::REQUEST, Some("lo"));
    socket.send(&req[..len]).unwrap();
    let real = socket.peek_len().unwrap();
    assert!(real > 256);
    let mut small = [0u8; 256];
    let err = socket.recv(&mut small).unwrap_err();
    assert_eq!(
        err,
        RecvError::Truncated {
            len: real,
            capacity: 256,
            port: 0
        }
    );
    // The datagram was consumed: nothing else is queued.
    assert_eq!(socket.recv_raw(&mut small, true), Err(Errno::AGAIN));

    // Through the engine: a dump into 256 bytes is an error, and the socket stays usable,
    // for requests and for a new dump (no EBUSY from a dump left running).
    let len = link_dump_request(&mut req);
    let r = e.dump(&mut req[..len], &mut small, |_| {});
    let Err(Error::Truncated {
        len: big,
        capacity: 256,
    }) = r
    else {
        panic!("{r:?}")
    };
    assert!(big > 256);
    del_link(&mut e, "v0").unwrap();
    assert_eq!(dump_names(&mut e), ["lo"]);
}

#[test]
fn enobufs_on_an_event_socket_is_an_overrun() {
    private_netns();
    let mut events = Engine::new(Socket::new().unwrap());
    events.transport().set_recv_buffer_size(0).unwrap(); // the kernel's minimum
    events.transport().subscribe(&[rtnlgrp::LINK]).unwrap();

    // A burst of about 200 link changes: 100 veth pairs, 2 NEWLINK events each at least.
    let mut e = engine();
    let mut requests = veth_batch((0..100).map(|i| (format!("a{i}"), format!("b{i}"))));
    e.batch(&mut requests, &mut [0u8; 4096], |_, r| assert!(r.is_ok()))
        .unwrap();

    let mut buf = vec![0u8; RECV_BUFFER_SIZE];
    let mut received = 0;
    let deadline = event_deadline(events.transport());
    let overrun = loop {
        before(deadline, "no ENOBUFS on the event socket");
        match events.recv_events(&mut buf, |_| {}) {
            Ok(n) => received += n,
            Err(e) => break e,
        }
    };
    assert_eq!(
        overrun,
        Error::Overrun,
        "no ENOBUFS within {EVENT_WAIT:?}, after {received} events"
    );
    assert!(
        received < 200,
        "only {received} events fit before the overrun"
    );
}

#[test]
fn link_events_arrive() {
    private_netns();
    let mut events = Engine::new(Socket::new().unwrap());
    events
        .transport()
        .subscribe(&common::ip_monitor::IP_MONITOR_GROUPS)
        .unwrap();
    let mut e = engine();
    add_veth(&mut e, "v0", "v1").unwrap();
    let mut buf = vec![0u8; RECV_BUFFER_SIZE];
    let mut seen = Vec::new();
    let deadline = event_deadline(events.transport());
    while !(seen.contains(&"v0".to_owned()) && seen.contains(&"v1".to_owned())) {
        before(deadline, &format!("NEWLINK for v0 and v1; seen {seen:?}"));
        events
            .recv_events(&mut buf, |m| {
                if m.ty() == rtm::NEWLINK {
                    seen.push(LinkMessage::parse(m).unwrap().name().unwrap().to_owned());
                }
            })
            .unwrap_or_else(|e| {
                panic!("no NEWLINK for v0 and v1 within {EVENT_WAIT:?} (seen {seen:?}): {e}")
            });
    }
}

#[test]
fn batch_against_the_kernel_one_result_per_request() {
    private_netns();
    let mut socket = Socket::new().unwrap();
    // 10 creates, the 4th a duplicate of the 1st: 9 ACKs and one EEXIST, in request order.
    let mut requests = veth_batch((0..10).map(|i| {
        let n = if i == 3 { 0 } else { i };
        (format!("x{n}"), format!("y{i}"))
    }));
    let mut counting = Counting::new(&mut socket);
    let mut engine = Engine::new(&mut counting);
    let mut results = vec![None; 10];
    engine
        .batch(&mut requests, &mut [0u8; 4096], |i, r| {
            assert!(results[i].is_none());
            results[i] = Some(r.map_err(|e| e.errno()));
        })
        .unwrap();
    let _ = engine.into_inner();
    assert_eq!(counting.sends, 1, "one sendmsg for the whole batch");
    for (i, r) in results.into_iter().enumerate() {
        let r = r.unwrap();
        if i == 3 {
            assert_eq!(r.unwrap_err(), Some(Errno::EXIST));
        } else {
            r.unwrap();
        }
    }
}
