//! Waiting for a state: a link to exist, be up, have carrier or be gone; addresses to finish
//! duplicate address detection. What an init system or a container runtime needs before it
//! starts the services that use the network it configured.
//!
//! Every wait is race-free in the one order that is: **subscribe** to the kernel's events
//! first (a socket joined to `RTNLGRP_LINK` or the address groups), **then read** the current
//! state, **then wait** for events, reading the state again after each. A change between the
//! read and the wait is not missed: the subscription was already there, so the change's event
//! is queued and wakes the wait at once. An event-queue overrun (`ENOBUFS`) only means the
//! state is read again. No polling loop, no helper thread.
//!
//! ```no_run
//! use std::time::Duration;
//! use rtnl_ip::{Handle, LinkRef, LinkState};
//!
//! let mut h = Handle::new()?;
//! h.wait_link(LinkRef::from("v0"), LinkState::Carrier, Some(Duration::from_secs(10)))?;
//! h.wait_addresses_ready(Some(LinkRef::from("v0")), Some(Duration::from_secs(10)))?;
//! # Ok::<(), rtnl_ip::Error>(())
//! ```
//!
//! To subscribe before the change that is awaited is even made (create a link, then wait for
//! it), use a [`Waiter`]: [`Waiter::new`], make the change, [`Waiter::wait`].
//!
//! # References
//!  - [`rtnetlink(7)`](https://man7.org/linux/man-pages/man7/rtnetlink.7.html) (the groups)
//!  - RFC 2863 (operational state), RFC 4862 §5.4 (duplicate address detection)
//!  - guile-netlink's `wait-for-link`; systemd's `systemd-networkd-wait-online`

use std::fmt;
use std::time::Duration;

use rtnl_codec::{AddressMessage, LinkMessage, Messages, if_oper, ifa_f, iff, rtm, rtnlgrp};
use rtnl_sys::{Deadline, Engine, RECV_BUFFER_SIZE, Socket};
use rustix::io::Errno;

use crate::address::AddressFilter;
use crate::error::{Context, Error, ErrorKind, Result};
use crate::handle::Handle;
use crate::model::Link;
use crate::vocab::LinkRef;

/// The most event datagrams read in one go before the state is read again.
const COALESCE_LIMIT: usize = 256;

/// A state of a link to wait for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkState {
    /// The link exists (an `RTM_NEWLINK` for it).
    Exists,
    /// The link is administratively up: `IFF_UP` (`ip link set DEV up`).
    Up,
    /// The link is up and running with carrier: `IFF_UP` and `IFF_LOWER_UP`, and operstate
    /// `UP` (or `UNKNOWN`, which drivers that do not track it, like `lo`, always report). A
    /// veth end has carrier once both ends are up.
    Carrier,
    /// The link does not exist (an `RTM_DELLINK`, or it moved to another namespace, or it
    /// was renamed when waited for by name).
    Gone,
}

impl LinkState {
    /// Whether `link` (`None`: it does not exist) is in this state.
    pub fn holds(self, link: Option<&Link>) -> bool {
        match (self, link) {
            (LinkState::Gone, link) => link.is_none(),
            (_, None) => false,
            (LinkState::Exists, Some(_)) => true,
            (LinkState::Up, Some(link)) => link.is_up(),
            (LinkState::Carrier, Some(link)) => has_carrier(link),
        }
    }

    /// The word `rtnl link wait` takes: `exists`, `up`, `carrier`, `gone`.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkState::Exists => "exists",
            LinkState::Up => "up",
            LinkState::Carrier => "carrier",
            LinkState::Gone => "gone",
        }
    }
}

impl fmt::Display for LinkState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `IFF_UP | IFF_LOWER_UP` and an operstate that lets packets pass.
fn has_carrier(link: &Link) -> bool {
    let flags = iff::UP | iff::LOWER_UP;
    link.flags & flags == flags
        && matches!(link.operstate, Some(if_oper::UP | if_oper::UNKNOWN) | None)
}

/// What a [`Waiter`] waits for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Condition<'a> {
    /// A link, by name or index, in a [`LinkState`].
    Link(LinkRef<'a>, LinkState),
    /// No address is `tentative` (IPv6 duplicate address detection has finished): of one
    /// device, or of the whole namespace (`None`). An address with `dadfailed` ends the wait
    /// with [`ErrorKind::DadFailed`]. Addresses that are still to be added are not waited for.
    AddressesReady(Option<LinkRef<'a>>),
}

impl Condition<'_> {
    /// The operation's name in errors.
    fn op(&self) -> &'static str {
        match self {
            Condition::Link(_, LinkState::Exists) => "wait for link to exist",
            Condition::Link(_, LinkState::Up) => "wait for link up",
            Condition::Link(_, LinkState::Carrier) => "wait for carrier on link",
            Condition::Link(_, LinkState::Gone) => "wait for link to be gone",
            Condition::AddressesReady(_) => "wait for addresses",
        }
    }

    /// The object in errors: the device, if there is one.
    fn object(&self) -> Option<String> {
        match self {
            Condition::Link(dev, _) | Condition::AddressesReady(Some(dev)) => Some(dev.to_string()),
            Condition::AddressesReady(None) => None,
        }
    }

    /// The multicast groups whose events can change the condition.
    fn groups(&self) -> &'static [u32] {
        match self {
            Condition::Link(..) => &[rtnlgrp::LINK],
            // A link's addresses go when it goes; its link events need not be watched.
            Condition::AddressesReady(_) => &[rtnlgrp::IPV4_IFADDR, rtnlgrp::IPV6_IFADDR],
        }
    }
}

/// A subscription to the events of one [`Condition`], made before the state is read: the
/// step-by-step form of [`Handle::wait_link`] and [`Handle::wait_addresses_ready`].
///
/// ```no_run
/// use std::time::Duration;
/// use rtnl_ip::{Condition, Handle, LinkAdd, LinkState, Waiter};
///
/// let mut h = Handle::new()?;
/// // Subscribed before the link exists, so no event about it can be missed.
/// let mut waiter = Waiter::new(&h, Condition::Link("v0".into(), LinkState::Carrier))?;
/// h.link_add(&LinkAdd::veth("v0", "v1").up().peer_up())?;
/// waiter.wait(&mut h, Some(Duration::from_secs(5)))?;
/// # Ok::<(), rtnl_ip::Error>(())
/// ```
#[derive(Debug)]
pub struct Waiter<'a> {
    condition: Condition<'a>,
    events: Engine<Socket>,
    buf: Vec<u8>,
    /// The index of the awaited link when it was last seen, to tell its events from others'.
    index: Option<u32>,
}

impl<'a> Waiter<'a> {
    /// Opens an event socket in `handle`'s namespace and joins the groups whose events can
    /// change `condition` (`RTNLGRP_LINK`, or `RTNLGRP_IPV4_IFADDR` and `RTNLGRP_IPV6_IFADDR`).
    /// From here on every such change is queued for [`Waiter::wait`].
    ///
    /// # Errors
    /// When the socket cannot be opened in the namespace or a group joined.
    pub fn new(handle: &Handle, condition: Condition<'a>) -> Result<Waiter<'a>> {
        let op = condition.op();
        let socket = match handle.netns() {
            None => Socket::new().context_none(op)?,
            Some(fd) => rtnl_sys::run_in(fd, Socket::new)
                .and_then(|socket: std::result::Result<Socket, Errno>| socket)
                .context_none(op)?,
        };
        socket.subscribe(condition.groups()).context_none(op)?;
        let index = match &condition {
            Condition::Link(LinkRef::Index(index), _) => Some(*index),
            _ => None,
        };
        Ok(Waiter {
            condition,
            events: Engine::new(socket),
            buf: vec![0; RECV_BUFFER_SIZE],
            index,
        })
    }

    /// What is awaited.
    pub fn condition(&self) -> &Condition<'a> {
        &self.condition
    }

    /// Reads the current state through `handle` (an `RTM_GETLINK`, or an `RTM_GETADDR`
    /// dump): whether the condition holds now.
    ///
    /// # Errors
    /// [`ErrorKind::DadFailed`] for an address whose duplicate address detection failed;
    /// [`ErrorKind::NotFound`] when the device of an address wait does not exist; a failed
    /// request.
    pub fn check(&mut self, handle: &mut Handle) -> Result<bool> {
        match &self.condition {
            Condition::Link(dev, state) => {
                let link = match handle.link(*dev) {
                    Ok(link) => Some(link),
                    Err(e) if matches!(e.kind(), ErrorKind::NotFound) => None,
                    Err(e) => return Err(e),
                };
                if let Some(link) = &link {
                    self.index = Some(link.index);
                }
                Ok(state.holds(link.as_ref()))
            }
            Condition::AddressesReady(dev) => {
                let mut filter = AddressFilter::new();
                if let Some(dev) = dev {
                    let index = handle.resolve_index_for(self.condition.op(), *dev)?;
                    self.index = Some(index);
                    filter = filter.dev(index);
                }
                let mut tentative = false;
                let mut failed = None;
                handle.for_each_address(&filter, |a| {
                    if a.flags() & ifa_f::DADFAILED != 0 {
                        failed.get_or_insert((a.index(), a.own_address(), a.prefix_len()));
                    } else if a.flags() & ifa_f::TENTATIVE != 0 {
                        tentative = true;
                    }
                })?;
                match failed {
                    Some((index, Some(address), prefix_len)) => {
                        let dev = match dev {
                            Some(dev) => dev.to_string(),
                            None => link_name(handle, index),
                        };
                        Err(Error::new(
                            self.condition.op(),
                            Some(dev),
                            ErrorKind::DadFailed {
                                address,
                                prefix_len,
                            },
                        ))
                    }
                    _ => Ok(!tentative),
                }
            }
        }
    }

    /// Reads the state, and while the condition does not hold, waits for an event that may
    /// change it and reads the state again; returns when it holds.
    ///
    /// `timeout` bounds the whole wait (the state reads too); `None` waits as long as it
    /// takes (and as `handle`'s [deadline](Handle::set_deadline) allows).
    ///
    /// # Errors
    /// [`ErrorKind::TimedOut`] when the condition did not hold by the deadline; as
    /// [`Waiter::check`].
    pub fn wait(&mut self, handle: &mut Handle, timeout: Option<Duration>) -> Result<()> {
        let deadline = Deadline::earliest(timeout.map(Deadline::after), handle.deadline());
        let before = handle.deadline();
        handle.set_deadline(deadline);
        let r = self.wait_until(handle, deadline);
        handle.set_deadline(before);
        r.map_err(|e| {
            if e.is_timed_out() {
                Error::new(
                    self.condition.op(),
                    self.condition.object(),
                    e.kind().clone(),
                )
            } else {
                e
            }
        })
    }

    fn wait_until(&mut self, handle: &mut Handle, deadline: Option<Deadline>) -> Result<()> {
        while !self.check(handle)? {
            self.next_change_until(deadline)?;
        }
        Ok(())
    }

    /// Blocks until an event that may concern the condition was queued since the last call
    /// (or since [`Waiter::new`]), or events were lost; then takes what else is queued. After
    /// it, [`Waiter::check`] tells whether the condition holds now.
    ///
    /// # Errors
    /// [`ErrorKind::TimedOut`] when no such event came within `timeout` (`None`: no limit).
    pub fn next_change(&mut self, timeout: Option<Duration>) -> Result<()> {
        self.next_change_until(timeout.map(Deadline::after))
            .map_err(|e| {
                Error::new(
                    self.condition.op(),
                    self.condition.object(),
                    e.kind().clone(),
                )
            })
    }

    fn next_change_until(&mut self, deadline: Option<Deadline>) -> Result<()> {
        self.events.set_deadline(deadline);
        let op = self.condition.op();
        loop {
            let mut relevant = false;
            match self.events.recv_events(&mut self.buf, |m| {
                relevant |= concerns(&self.condition, self.index, m)
            }) {
                Ok(_) => {}
                // Events were lost, or one did not fit: read the state again.
                Err(rtnl_sys::Error::Overrun | rtnl_sys::Error::Truncated { .. }) => return Ok(()),
                Err(e) => return Err(e).context_none(op),
            }
            // Take what else is queued, so a burst costs one state read.
            for _ in 0..COALESCE_LIMIT {
                let socket = self.events.transport();
                match socket.recv_raw(&mut self.buf, true) {
                    Err(Errno::AGAIN) => break,
                    Err(Errno::NOBUFS) => return Ok(()),
                    Err(e) => return Err(e).context_none(op),
                    // Not from the kernel: nothing to go by.
                    Ok(d) if d.port != 0 => {}
                    Ok(d) if d.len > self.buf.len() => relevant = true,
                    Ok(d) => {
                        for m in Messages::new(&self.buf[..d.len]).map_while(|m| m.ok()) {
                            relevant |= concerns(&self.condition, self.index, m);
                        }
                    }
                }
            }
            if relevant {
                return Ok(());
            }
        }
    }
}

/// Whether an event may change `condition` (`index`: the awaited link's, when known).
fn concerns(condition: &Condition<'_>, index: Option<u32>, m: rtnl_codec::Message<'_>) -> bool {
    match (condition, m.ty()) {
        (Condition::Link(dev, _), rtm::NEWLINK | rtm::DELLINK) => {
            let Ok(link) = LinkMessage::parse(m) else {
                return true;
            };
            Some(link.index()) == index
                || matches!(dev, LinkRef::Name(name) if link.name_bytes() == Some(*name))
        }
        (Condition::AddressesReady(dev), rtm::NEWADDR | rtm::DELADDR) => {
            match (dev, AddressMessage::parse(m)) {
                (Some(_), Ok(a)) => index.is_none_or(|index| a.index() == index),
                _ => true,
            }
        }
        _ => false,
    }
}

/// The name of link `index` for an error message, `ifN` when it cannot be read.
fn link_name(handle: &mut Handle, index: u32) -> String {
    handle
        .link(LinkRef::Index(index))
        .map_or_else(|_| format!("if{index}"), |link| link.name)
}

impl Handle {
    /// Waits until `link` is in `state` (see [`LinkState`]): subscribes to link events, reads
    /// the link, and waits for its events until the state holds. Works in the handle's
    /// namespace, [`Handle::in_netns`] included.
    ///
    /// `timeout` bounds the whole wait; `None` waits as long as it takes.
    ///
    /// # Errors
    /// [`ErrorKind::TimedOut`] when the state was not reached in time (`Display`:
    /// `wait for link up "v0": timed out`); a failed socket or request.
    pub fn wait_link(
        &mut self,
        link: LinkRef<'_>,
        state: LinkState,
        timeout: Option<Duration>,
    ) -> Result<()> {
        Waiter::new(self, Condition::Link(link, state))?.wait(self, timeout)
    }

    /// Waits until no address of `dev` (or, with `None`, of the namespace) is `tentative`:
    /// IPv6 duplicate address detection has finished, and the addresses can be bound to.
    /// Addresses added with `nodad`, and IPv4 addresses, are never tentative.
    ///
    /// `timeout` bounds the whole wait; `None` waits as long as it takes.
    ///
    /// # Errors
    /// [`ErrorKind::DadFailed`] naming the address when detection found it in use elsewhere
    /// (`dadfailed`); [`ErrorKind::TimedOut`]; [`ErrorKind::NotFound`] for an unknown `dev`.
    pub fn wait_addresses_ready(
        &mut self,
        dev: Option<LinkRef<'_>>,
        timeout: Option<Duration>,
    ) -> Result<()> {
        let condition = Condition::AddressesReady(dev);
        Waiter::new(self, condition)?.wait(self, timeout)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(flags: u32, operstate: Option<u8>) -> Link {
        Link {
            flags,
            operstate,
            ..Link::default()
        }
    }

    #[test]
    fn link_states() {
        let down = link(0, Some(if_oper::DOWN));
        let up_no_carrier = link(iff::UP, Some(if_oper::LOWERLAYERDOWN));
        let lower_up_not_yet_oper = link(iff::UP | iff::LOWER_UP, Some(if_oper::DOWN));
        let running = link(iff::UP | iff::LOWER_UP | iff::RUNNING, Some(if_oper::UP));
        let lo = link(
            iff::UP | iff::LOWER_UP | iff::LOOPBACK,
            Some(if_oper::UNKNOWN),
        );
        let table = [
            (None, [false, false, false, true]),
            (Some(&down), [true, false, false, false]),
            (Some(&up_no_carrier), [true, true, false, false]),
            (Some(&lower_up_not_yet_oper), [true, true, false, false]),
            (Some(&running), [true, true, true, false]),
            (Some(&lo), [true, true, true, false]),
        ];
        let states = [
            LinkState::Exists,
            LinkState::Up,
            LinkState::Carrier,
            LinkState::Gone,
        ];
        for (link, want) in table {
            for (state, want) in states.into_iter().zip(want) {
                assert_eq!(state.holds(link), want, "{state} of {link:?}");
            }
        }
    }

    #[test]
    fn errors_name_the_wait() {
        let c = Condition::Link("v0".into(), LinkState::Up);
        assert_eq!(
            (c.op(), c.object().as_deref()),
            ("wait for link up", Some("v0"))
        );
        assert_eq!(c.groups(), [rtnlgrp::LINK]);
        let c = Condition::AddressesReady(None);
        assert_eq!(c.object(), None);
        assert_eq!(c.groups(), [rtnlgrp::IPV4_IFADDR, rtnlgrp::IPV6_IFADDR]);
    }
}
