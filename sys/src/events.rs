//! Subscribing to rtnetlink events (multicast groups).

use rustix::io::Errno;

use crate::socket::Socket;

impl Socket {
    /// `setsockopt(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP)` for each group in `groups`
    /// (`RTNLGRP_*`: which ones a monitor joins is the caller's choice, as `ip monitor`'s
    /// objects are); then receive with
    /// [`Engine::recv_events`](crate::Engine::recv_events).
    ///
    /// # References
    ///  - [`netlink(7)`](https://man7.org/linux/man-pages/man7/netlink.7.html)
    pub fn subscribe(&self, groups: &[u32]) -> Result<(), Errno> {
        groups.iter().try_for_each(|&g| self.join_group(g))
    }
}
