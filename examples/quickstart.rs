//! Quickstart: two named network namespaces joined by a veth pair, one UDP datagram across.
//!
//! ```text
//! cargo run --release --example quickstart      # as root
//! ```
//!
//! It creates the namespaces `rtnl-qs-a` and `rtnl-qs-b` (as `ip netns add` does, in
//! `/run/netns`), a veth pair with one end in each, gives the ends 192.0.2.1/24 and
//! 192.0.2.2/24, brings them up, sends a datagram from one namespace to the other, prints the
//! namespaces and the pair as the library sees them, and deletes all it made, also when a step
//! fails. `tests/quickstart.rs` runs the same code in a private mount namespace and run dir.

use std::io::Write;
use std::net::{SocketAddr, UdpSocket};
use std::time::Duration;

use rtnl_ip::netns::Namespaces;
use rtnl_ip::{AddressSpec, Handle, LinkAdd, LinkRef, LinkSet, NetnsRef, PeerNamespace};

#[path = "support/mod.rs"]
mod support;

/// The namespaces this example makes.
pub const NAMESPACES: [&str; 2] = ["rtnl-qs-a", "rtnl-qs-b"];

/// Runs every step with named namespaces in `run_dir`, writing what happens to `out`.
pub fn run(run_dir: &str, out: &mut dyn Write) -> Result<(), support::Error> {
    let [a, b] = NAMESPACES;
    let namespaces = Namespaces::at(run_dir);
    let made = support::Made::add(&namespaces, &NAMESPACES, out)?;

    // From the current namespace, create the pair with each end already in its namespace.
    let mut here = Handle::new()?;
    here.set_run_dir(run_dir);
    here.link_add(
        &LinkAdd::veth("veth-a", "veth-b")
            .netns(NetnsRef::name(a))
            .peer_netns(NetnsRef::name(b)),
    )?;
    writeln!(out, "created veth pair veth-a ({a}) <-> veth-b ({b})")?;

    // Handles whose sockets live in each namespace, like `ip -n`.
    let mut in_a = namespaces.handle(a)?;
    let mut in_b = namespaces.handle(b)?;
    for (handle, dev, address) in [
        (&mut in_a, "veth-a", "192.0.2.1/24"),
        (&mut in_b, "veth-b", "192.0.2.2/24"),
    ] {
        handle.address_add(&AddressSpec::new(dev, address.parse()?))?;
        handle.link_set(&LinkSet::new(LinkRef::from("lo")).up(true))?;
        handle.link_set(&LinkSet::new(LinkRef::from(dev)).up(true))?;
        writeln!(out, "{dev}: {address}, up")?;
    }

    // A socket belongs to the namespace it was opened in, so open each inside its namespace.
    let receiver = namespaces.run_in(b, || UdpSocket::bind("192.0.2.2:0"))??;
    receiver.set_read_timeout(Some(Duration::from_secs(5)))?;
    let sender = namespaces.run_in(a, || UdpSocket::bind("192.0.2.1:0"))??;
    let message = b"hello from rtnl-qs-a";
    sender.send_to(message, receiver.local_addr()?)?;
    let mut buf = [0u8; 64];
    let (len, from): (usize, SocketAddr) = receiver.recv_from(&mut buf)?;
    let text = String::from_utf8_lossy(&buf[..len]);
    writeln!(out, "{b} received {text:?} from {from}")?;

    writeln!(out, "namespaces:")?;
    let mut named = namespaces.list_with(&mut here)?;
    named.sort_by(|x, y| x.name.cmp(&y.name));
    for netns in named {
        writeln!(out, "  {}", netns.name.to_string_lossy())?;
    }
    let veth_a = in_a.link(LinkRef::from("veth-a"))?;
    let peer = in_a.veth_peer(LinkRef::from("veth-a"))?;
    let peer_ns = match &peer.namespace {
        PeerNamespace::Named { name, nsid } => format!("{name}, nsid {nsid} as {a} sees it"),
        PeerNamespace::Nsid(nsid) => format!("nsid {nsid}"),
        PeerNamespace::Same => a.to_owned(),
        _ => "elsewhere".to_owned(),
    };
    writeln!(
        out,
        "veth pair: veth-a (index {}, in {a}) <-> {} (index {}, in {peer_ns})",
        veth_a.index, peer.name, peer.index
    )?;

    // Deleting one end deletes both; then the names go.
    in_a.link_del(LinkRef::from("veth-a"))?;
    drop((in_a, in_b, sender, receiver));
    made.delete()?;
    writeln!(out, "deleted the veth pair and both namespaces")?;
    Ok(())
}

fn main() {
    support::main("quickstart", run);
}
