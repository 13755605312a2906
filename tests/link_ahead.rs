//! `Handle::for_each_link_ahead` against the kernel, in a private network namespace: a dump
//! of a few hundred veth pairs (many datagrams) hands every link on first as it arrives, then
//! parsed one datagram later, so that when a link is handled its peer (dumped right after it)
//! has always arrived; and it hands on exactly what `for_each_link` does, in the same order.

mod common;

use rtnl_ip::{Ahead, Handle, LinkFilter};

/// Veth pairs made: enough links for a dump of several datagrams.
const PAIRS: usize = 300;

#[test]
fn each_link_is_handled_after_its_peer_arrived() {
    common::private_netns();
    let batch = std::env::temp_dir().join(format!("rtnl-link-ahead-{}.batch", std::process::id()));
    let text: String = (0..PAIRS)
        .map(|i| format!("link add la{i} type veth peer name lb{i}\n"))
        .collect();
    std::fs::write(&batch, text).unwrap();
    let made = std::process::Command::new("ip")
        .arg("-batch")
        .arg(&batch)
        .status();
    std::fs::remove_file(&batch).unwrap();
    assert!(made.unwrap().success(), "ip -batch");

    let mut handle = Handle::new().unwrap();
    let mut plain = Vec::new();
    handle
        .for_each_link(&LinkFilter::default(), |m| plain.push(m.index()))
        .unwrap();
    assert_eq!(plain.len(), 1 + 2 * PAIRS);

    let mut arrived = Vec::new();
    let mut held = Vec::new();
    let mut restarts = 0;
    // For each link handled: (its index, its peer's, whether the peer had arrived by then).
    let mut peers = Vec::new();
    handle
        .for_each_link_ahead(&LinkFilter::default(), |row| match row {
            Ahead::Arrived(message) => {
                let (header, _) = rtnl_ip::codec::LinkMessage::peek_name(message).unwrap();
                arrived.push(header.ifi_index.get().cast_unsigned());
            }
            Ahead::Held(m) => {
                assert!(
                    arrived.contains(&m.index()),
                    "link {} handled before it arrived",
                    m.index()
                );
                held.push(m.index());
                if let Some(peer) = m.link() {
                    peers.push((m.index(), peer, arrived.contains(&peer)));
                }
            }
            Ahead::Restart => restarts += 1,
        })
        .unwrap();
    assert_eq!(restarts, 0, "nothing changed the links during the dump");
    assert_eq!(arrived, plain, "every link arrives, in the kernel's order");
    assert_eq!(
        held, plain,
        "every link is handed on parsed, in the same order"
    );
    // The whole dump did not arrive before the first link was handled: it was read ahead by
    // one datagram only (else this test would not show the look-ahead at work).
    let first_held_at = {
        let mut count = 0;
        let mut seen = Vec::new();
        handle
            .for_each_link_ahead(&LinkFilter::default(), |row| match row {
                Ahead::Arrived(_) => count += 1,
                Ahead::Held(_) if seen.is_empty() => seen.push(count),
                _ => {}
            })
            .unwrap();
        seen[0]
    };
    assert!(
        first_held_at < plain.len(),
        "the first link was handled after {first_held_at} of {} arrived",
        plain.len()
    );
    assert_eq!(peers.len(), 2 * PAIRS);
    let missed: Vec<_> = peers.iter().filter(|(_, _, seen)| !seen).collect();
    assert!(
        missed.is_empty(),
        "links handled before their peer arrived: {missed:?}"
    );
}
