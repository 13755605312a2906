//! Waits and deadlines against the real kernel, each test in its own network namespace: a wait
//! satisfied by another thread returns at once, one never satisfied times out at its deadline,
//! a change between reading the state and waiting is not missed, IPv6 duplicate address
//! detection is waited out (and its failure reported), a wait inside another namespace, and a
//! monitor with a deadline.

mod common;

use std::thread;
use std::time::{Duration, Instant};

use common::{ip, ip_json, private_netns, private_netns_and_run_dir};
use rtnl_ip::monitor::{Monitor, MonitorGroups};
use rtnl_ip::netns::Namespaces;
use rtnl_ip::{
    AddressSpec, Condition, Deadline, ErrorKind, Handle, LinkAdd, LinkRef, LinkSet, LinkState,
    NetnsRef, Waiter, Waiting,
};

const LONG: Option<Duration> = Some(Duration::from_secs(10));

/// Duplicate address detection takes a second or two, but its work waits for the kernel's
/// rtnl lock, which a busy machine (namespaces of other tests being torn down) holds for long.
const DAD: Option<Duration> = Some(Duration::from_secs(120));

fn set_up(handle: &mut Handle, name: &str, up: bool) {
    handle
        .link_set(&LinkSet::new(LinkRef::Name(name.as_ref())).up(up))
        .unwrap();
}

/// Runs `change` on another thread (in this test's namespace) after `delay`.
fn later(
    delay: Duration,
    change: impl FnOnce(&mut Handle) + Send + 'static,
) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        let mut handle = Handle::new().unwrap();
        thread::sleep(delay);
        change(&mut handle);
    })
}

/// `flags` of `dev`'s addresses as `ip -j` reports them: (address, tentative, dadfailed).
fn ip_address_flags(dev: &str) -> Vec<(String, bool, bool)> {
    let json = ip_json(&["address", "show", "dev", dev]);
    json[0]["addr_info"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let flag = |key: &str| a.get(key).and_then(|v| v.as_bool()).unwrap_or(false);
            (
                a["local"].as_str().unwrap().to_owned(),
                flag("tentative"),
                flag("dadfailed"),
            )
        })
        .collect()
}

#[test]
fn waits_satisfied_200ms_later_return_at_once() {
    private_netns();
    let mut h = Handle::new().unwrap();
    let delay = Duration::from_millis(200);
    type Change = fn(&mut Handle);
    let cases: [(LinkState, Change); 4] = [
        (LinkState::Exists, |h| {
            h.link_add(&LinkAdd::veth("w0", "w1")).unwrap()
        }),
        (LinkState::Up, |h| set_up(h, "w0", true)),
        (LinkState::Carrier, |h| set_up(h, "w1", true)),
        (LinkState::Gone, |h| {
            h.link_del(LinkRef::from("w1")).unwrap()
        }),
    ];
    for (state, change) in cases {
        let start = Instant::now();
        let changer = later(delay, change);
        h.wait_link(LinkRef::from("w0"), state, LONG)
            .unwrap_or_else(|e| panic!("{state}: {e}"));
        let took = start.elapsed();
        changer.join().unwrap();
        assert!(
            took >= delay && took < Duration::from_secs(1),
            "{state} reached after {took:?}"
        );
    }
    let gone = ip(&["-o", "link", "show"]);
    assert!(!gone.contains("w0"), "{gone}");
}

#[test]
fn a_wait_never_satisfied_times_out_at_its_deadline() {
    private_netns();
    let mut h = Handle::new().unwrap();
    h.link_add(&LinkAdd::veth("t0", "t1")).unwrap();
    for (link, state, ms) in [
        (LinkRef::from("nope"), LinkState::Exists, 300u64),
        (LinkRef::from("t0"), LinkState::Up, 500),
        (LinkRef::from("t0"), LinkState::Gone, 200),
        (LinkRef::Index(9999), LinkState::Exists, 100),
    ] {
        let want = Duration::from_millis(ms);
        let start = Instant::now();
        let e = h.wait_link(link, state, Some(want)).unwrap_err();
        let took = start.elapsed();
        assert!(e.is_timed_out(), "{e}");
        assert_eq!(e.kind(), &ErrorKind::TimedOut(Waiting::Event));
        assert!(
            took >= want && took < want + Duration::from_millis(100),
            "{state}: timed out after {took:?}, deadline {want:?}"
        );
    }
    let e = h
        .wait_link(
            LinkRef::from("t0"),
            LinkState::Carrier,
            Some(Duration::from_millis(10)),
        )
        .unwrap_err();
    assert_eq!(e.to_string(), "wait for carrier on link \"t0\": timed out");

    // The handle's deadline caps a longer wait: the earlier applies.
    h.set_deadline(Some(Deadline::after(Duration::from_millis(150))));
    let start = Instant::now();
    let e = h
        .wait_link(LinkRef::from("t0"), LinkState::Up, LONG)
        .unwrap_err();
    assert!(e.is_timed_out());
    assert!(start.elapsed() < Duration::from_millis(250));
    // Once it has passed, what the kernel has already answered is still taken (its answers
    // are queued before `send` returns), and the handle stays usable.
    assert!(h.links(&Default::default()).is_ok());
    h.set_deadline(None);
    assert!(h.links(&Default::default()).is_ok());
}

#[test]
fn a_change_between_reading_and_waiting_is_not_missed() {
    private_netns();
    let mut h = Handle::new().unwrap();
    let mut other = Handle::new().unwrap();
    h.link_add(&LinkAdd::veth("r0", "r1")).unwrap();
    for i in 0..200 {
        let up = i % 2 == 0;
        let mut waiter = Waiter::new(&h, Condition::Link("r0".into(), LinkState::Up)).unwrap();
        // Read: the link is in the other state ...
        assert_eq!(waiter.check(&mut h).unwrap(), !up, "iteration {i}");
        // ... it flips in the window, before the wait starts ...
        set_up(&mut other, "r0", up);
        // ... and the wait sees the change: its event was queued by the subscription.
        let start = Instant::now();
        waiter
            .next_change(Some(Duration::from_secs(2)))
            .unwrap_or_else(|e| panic!("iteration {i}: the flip was missed: {e}"));
        assert!(start.elapsed() < Duration::from_millis(100));
        assert_eq!(waiter.check(&mut h).unwrap(), up, "iteration {i}");
    }

    // The same race left to the scheduler: another thread flips the link up while the wait
    // starts, at a different moment each time; every wait must end long before its deadline.
    for i in 0..100u64 {
        set_up(&mut h, "r0", false);
        let changer = later(Duration::from_micros(i * 37 % 3000), |h| {
            set_up(h, "r0", true)
        });
        let start = Instant::now();
        h.wait_link(
            LinkRef::from("r0"),
            LinkState::Up,
            Some(Duration::from_secs(5)),
        )
        .unwrap_or_else(|e| panic!("iteration {i}: {e}"));
        assert!(start.elapsed() < Duration::from_secs(1), "iteration {i}");
        changer.join().unwrap();
    }
}

#[test]
fn duplicate_address_detection_is_waited_out() {
    private_netns();
    let mut h = Handle::new().unwrap();
    h.link_add(&LinkAdd::veth("d0", "d1")).unwrap();
    set_up(&mut h, "d0", true);
    set_up(&mut h, "d1", true);
    h.wait_link(LinkRef::from("d0"), LinkState::Carrier, LONG)
        .unwrap();
    h.address_add(&AddressSpec::new("d0", "2001:db8::1/64".parse().unwrap()))
        .unwrap();
    let flags = ip_address_flags("d0");
    assert!(
        flags
            .iter()
            .any(|(a, tentative, _)| a == "2001:db8::1" && *tentative),
        "tentative right after it was added: {flags:?}"
    );
    let start = Instant::now();
    h.wait_addresses_ready(Some(LinkRef::from("d0")), DAD)
        .unwrap();
    let took = start.elapsed();
    let flags = ip_address_flags("d0");
    assert!(
        flags
            .iter()
            .all(|(_, tentative, failed)| !tentative && !failed),
        "after the wait ({took:?}): {flags:?}"
    );
    assert!(flags.iter().any(|(a, _, _)| a == "2001:db8::1"));
    // The whole namespace: d1's link-local address too.
    h.wait_addresses_ready(None, DAD).unwrap();
    assert!(ip_address_flags("d1").iter().all(|(_, t, _)| !t));
    eprintln!("DAD of 2001:db8::1 waited out in {took:?}");
}

#[test]
fn a_duplicate_address_is_dadfailed() {
    private_netns();
    let mut h = Handle::new().unwrap();
    h.link_add(&LinkAdd::veth("e0", "e1")).unwrap();
    set_up(&mut h, "e0", true);
    set_up(&mut h, "e1", true);
    h.wait_link(LinkRef::from("e0"), LinkState::Carrier, LONG)
        .unwrap();
    // e1 holds the address already; e0's detection finds it.
    let address = "2001:db8::2/64".parse().unwrap();
    h.address_add(&AddressSpec::new("e1", address).nodad())
        .unwrap();
    h.address_add(&AddressSpec::new("e0", address)).unwrap();
    let e = h
        .wait_addresses_ready(Some(LinkRef::from("e0")), DAD)
        .unwrap_err();
    assert_eq!(
        e.kind(),
        &ErrorKind::DadFailed {
            address: "2001:db8::2".parse().unwrap(),
            prefix_len: 64
        }
    );
    assert_eq!(e.object(), Some("e0"));
    assert_eq!(
        e.to_string(),
        "IPv6 duplicate address 2001:db8::2/64 detected on \"e0\" (dadfailed)"
    );
    let flags = ip_address_flags("e0");
    assert!(
        flags
            .iter()
            .any(|(a, _, failed)| a == "2001:db8::2" && *failed),
        "ip sees dadfailed too: {flags:?}"
    );
    // The namespace-wide wait names the device by its name.
    let e = h.wait_addresses_ready(None, DAD).unwrap_err();
    assert_eq!(e.object(), Some("e0"));
    // An unknown device is ip's error.
    let e = h
        .wait_addresses_ready(Some(LinkRef::from("nope")), LONG)
        .unwrap_err();
    assert_eq!(e.to_string(), "Cannot find device \"nope\"");
}

#[test]
fn waits_work_inside_another_namespace() {
    let run_dir = private_netns_and_run_dir();
    let names = Namespaces::at(run_dir.path());
    names.add("inner").unwrap();
    let mut h = Handle::in_netns_at(run_dir.path(), NetnsRef::name("inner")).unwrap();
    assert!(h.netns().is_some());
    h.link_add(&LinkAdd::veth("n0", "n1")).unwrap();
    // The same name in the test's own namespace must not satisfy the wait.
    Handle::new()
        .unwrap()
        .link_add(&LinkAdd::veth("n9", "n8"))
        .unwrap();
    let path = run_dir.path().to_owned();
    let changer = thread::spawn(move || {
        let mut h = Handle::in_netns_at(&path, NetnsRef::name("inner")).unwrap();
        thread::sleep(Duration::from_millis(200));
        set_up(&mut h, "n0", true);
        set_up(&mut h, "n1", true);
    });
    let start = Instant::now();
    h.wait_link(LinkRef::from("n0"), LinkState::Carrier, LONG)
        .unwrap();
    assert!(start.elapsed() < Duration::from_secs(1));
    changer.join().unwrap();
    let e = h
        .wait_link(
            LinkRef::from("n9"),
            LinkState::Exists,
            Some(Duration::from_millis(200)),
        )
        .unwrap_err();
    assert!(
        e.is_timed_out(),
        "n9 lives in the test's namespace, not in inner"
    );
    drop(h);
    names.delete("inner").unwrap();
}

#[test]
fn a_monitor_waits_with_a_deadline() {
    private_netns();
    let mut monitor = Monitor::new(MonitorGroups::LINK).unwrap();
    monitor.set_deadline(Some(Deadline::after(Duration::from_millis(300))));
    let start = Instant::now();
    let e = monitor.next_event().unwrap_err();
    let took = start.elapsed();
    assert_eq!(e.kind(), &ErrorKind::TimedOut(Waiting::Event));
    assert!(
        took >= Duration::from_millis(300) && took < Duration::from_millis(400),
        "{took:?}"
    );
    // A queued event is still taken after the deadline, and the monitor reads on.
    Handle::new()
        .unwrap()
        .link_add(&LinkAdd::veth("m0", "m1"))
        .unwrap();
    assert!(monitor.next_event().is_ok());
    monitor.set_deadline(None);
    assert!(monitor.try_next_event().unwrap().is_some());
}
