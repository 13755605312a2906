//! An init sequence: create and configure a link, wait until it has carrier and its addresses
//! are usable, then report ready, as an init system or a container runtime does before it
//! starts the services that use the network.
//!
//! ```text
//! cargo run --release --example init_sequence      # as root
//! ```
//!
//! It creates the namespaces `rtnl-init-a` (the one being brought up) and `rtnl-init-b` (the
//! other side of its link), subscribes to link events in `rtnl-init-a` *before* the link
//! exists, creates a veth pair `eth0` / `eth1` between them, gives the ends 192.0.2.1/24,
//! 2001:db8::1/64 and 192.0.2.2/24, 2001:db8::2/64 (IPv6 with duplicate address detection,
//! so the addresses start `tentative`), brings them up, waits for carrier on `eth0` and for
//! detection to finish on both ends, each wait with a deadline, reports ready, and deletes all
//! it made, also when a step fails. `tests/init_sequence.rs` runs the same code in a private
//! mount namespace and run dir.

use std::io::Write;
use std::time::{Duration, Instant};

use rtnl_ip::codec::ifa_f;
use rtnl_ip::netns::Namespaces;
use rtnl_ip::{
    AddressFilter, AddressSpec, Condition, Handle, LinkAdd, LinkRef, LinkSet, LinkState, NetnsRef,
    Waiter,
};

#[path = "support/mod.rs"]
mod support;

/// The namespaces this example makes.
pub const NAMESPACES: [&str; 2] = ["rtnl-init-a", "rtnl-init-b"];

/// How long carrier may take: a veth end has it as soon as both ends are up.
const CARRIER_TIMEOUT: Duration = Duration::from_secs(10);

/// How long duplicate address detection may take: about a second (one probe, after a random
/// delay of up to a second), more on a busy machine.
const DAD_TIMEOUT: Duration = Duration::from_secs(120);

/// Runs every step with named namespaces in `run_dir`, writing what happens to `out`.
pub fn run(run_dir: &str, out: &mut dyn Write) -> Result<(), support::Error> {
    let [a, b] = NAMESPACES;
    let namespaces = Namespaces::at(run_dir);
    let made = support::Made::add(&namespaces, &NAMESPACES, out)?;

    let mut ha = Handle::in_netns_at(run_dir, NetnsRef::name(a))?;
    let mut hb = Handle::in_netns_at(run_dir, NetnsRef::name(b))?;
    // Subscribe first: whatever happens to eth0 from here on is queued for the wait.
    let mut carrier = Waiter::new(&ha, Condition::Link("eth0".into(), LinkState::Carrier))?;
    writeln!(out, "subscribed to link events in {a}")?;

    // Create: the pair, made in a, its peer end moved to b.
    ha.link_add(&LinkAdd::veth("eth0", "eth1").peer_netns(NetnsRef::name(b)))?;
    writeln!(out, "created veth pair eth0 ({a}) <-> eth1 ({b})")?;

    // Configure: addresses (IPv6 ones start tentative), then up.
    for (h, dev, v4, v6) in [
        (&mut ha, "eth0", "192.0.2.1/24", "2001:db8::1/64"),
        (&mut hb, "eth1", "192.0.2.2/24", "2001:db8::2/64"),
    ] {
        h.address_add(&AddressSpec::new(dev, v4.parse()?))?;
        h.address_add(&AddressSpec::new(dev, v6.parse()?))?;
        h.link_set(&LinkSet::new(LinkRef::Name(dev.as_ref())).up(true))?;
        writeln!(out, "{dev}: {v4}, {v6}, up")?;
    }

    // Wait: carrier, then duplicate address detection, each with a deadline.
    let start = Instant::now();
    carrier.wait(&mut ha, Some(CARRIER_TIMEOUT))?;
    writeln!(
        out,
        "eth0: carrier after {} ms",
        start.elapsed().as_millis()
    )?;
    ha.wait_addresses_ready(Some(LinkRef::from("eth0")), Some(DAD_TIMEOUT))?;
    hb.wait_addresses_ready(Some(LinkRef::from("eth1")), Some(DAD_TIMEOUT))?;
    writeln!(
        out,
        "addresses ready (duplicate address detection done) after {} ms",
        start.elapsed().as_millis()
    )?;
    let addresses = ha.addresses(&AddressFilter::new().dev("eth0"))?;
    let tentative = addresses
        .iter()
        .filter(|a| a.flags & ifa_f::TENTATIVE != 0)
        .count();
    writeln!(
        out,
        "eth0: {} addresses, {tentative} tentative",
        addresses.len()
    )?;
    writeln!(out, "ready")?;

    drop((ha, hb, carrier));
    made.delete()?;
    writeln!(out, "deleted both namespaces")?;
    Ok(())
}

fn main() {
    support::main("init sequence", run);
}
