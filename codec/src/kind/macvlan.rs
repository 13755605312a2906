//! The `macvlan` and `macvtap` kinds (`ip/iplink_macvlan.c`): their attributes
//! (`IFLA_MACVLAN_*`), modes and flags, the view of their `IFLA_INFO_DATA`
//! (`drivers/net/macvlan.c`) and their further options, sent in their order as `ip` adds them
//! while it reads the command line.

use super::kind_view;
use crate::builder::MessageBuilder;
use crate::error::Error;

/// macvlan attributes (`IFLA_MACVLAN_*` in `<linux/if_link.h>`), nested in `IFLA_INFO_DATA` of kind
/// `macvlan` or `macvtap`.
pub mod ifla_macvlan {
    /// `IFLA_MACVLAN_UNSPEC`: unused (type 0).
    #[doc(alias = "IFLA_MACVLAN_UNSPEC")]
    pub const UNSPEC: u16 = 0;
    /// `IFLA_MACVLAN_MODE`: `u32` mode, a `MACVLAN_MODE_*` value.
    #[doc(alias = "IFLA_MACVLAN_MODE")]
    pub const MODE: u16 = 1;
    /// `IFLA_MACVLAN_FLAGS`: `u16` `MACVLAN_FLAG_*` bits.
    #[doc(alias = "IFLA_MACVLAN_FLAGS")]
    pub const FLAGS: u16 = 2;
    /// `IFLA_MACVLAN_MACADDR_MODE`: `u32` how to change the source MAC list: add, delete, flush or
    /// set (`enum macvlan_macaddr_mode`).
    #[doc(alias = "IFLA_MACVLAN_MACADDR_MODE")]
    pub const MACADDR_MODE: u16 = 3;
    /// `IFLA_MACVLAN_MACADDR`: one MAC address of the source list (`MACVLAN_MODE_SOURCE`).
    #[doc(alias = "IFLA_MACVLAN_MACADDR")]
    pub const MACADDR: u16 = 4;
    /// `IFLA_MACVLAN_MACADDR_DATA`: nest of `IFLA_MACVLAN_MACADDR`: the source MAC list.
    #[doc(alias = "IFLA_MACVLAN_MACADDR_DATA")]
    pub const MACADDR_DATA: u16 = 5;
    /// `IFLA_MACVLAN_MACADDR_COUNT`: `u32` number of entries in the source MAC list.
    #[doc(alias = "IFLA_MACVLAN_MACADDR_COUNT")]
    pub const MACADDR_COUNT: u16 = 6;
    /// `IFLA_MACVLAN_BC_QUEUE_LEN`: `u32` requested length of the broadcast/multicast queue.
    #[doc(alias = "IFLA_MACVLAN_BC_QUEUE_LEN")]
    pub const BC_QUEUE_LEN: u16 = 7;
    /// `IFLA_MACVLAN_BC_QUEUE_LEN_USED`: `u32` length of the broadcast/multicast queue in use, the
    /// largest requested on the lower device.
    #[doc(alias = "IFLA_MACVLAN_BC_QUEUE_LEN_USED")]
    pub const BC_QUEUE_LEN_USED: u16 = 8;
    /// `IFLA_MACVLAN_MAX`: the highest `IFLA_MACVLAN_*` value in the 6.1 headers.
    #[doc(alias = "IFLA_MACVLAN_MAX")]
    pub const MAX: u16 = 8;
}

/// macvlan modes (`enum macvlan_mode`, `MACVLAN_MODE_*` in `<linux/if_link.h>`), the `u32` value of
/// `IFLA_MACVLAN_MODE`.
pub mod macvlan_mode {
    /// `MACVLAN_MODE_PRIVATE`: no traffic to or from the other macvlans of the same lower device.
    #[doc(alias = "MACVLAN_MODE_PRIVATE")]
    pub const PRIVATE: u32 = 0x01;
    /// `MACVLAN_MODE_VEPA`: traffic to the other macvlans goes through the external bridge
    /// (802.1Qbg VEPA).
    #[doc(alias = "MACVLAN_MODE_VEPA")]
    pub const VEPA: u32 = 0x02;
    /// `MACVLAN_MODE_BRIDGE`: traffic to the other macvlans is delivered directly.
    #[doc(alias = "MACVLAN_MODE_BRIDGE")]
    pub const BRIDGE: u32 = 0x04;
    /// `MACVLAN_MODE_PASSTHRU`: the single macvlan takes over the lower device.
    #[doc(alias = "MACVLAN_MODE_PASSTHRU")]
    pub const PASSTHRU: u32 = 0x08;
    /// `MACVLAN_MODE_SOURCE`: packets are assigned by source MAC address, from a list.
    #[doc(alias = "MACVLAN_MODE_SOURCE")]
    pub const SOURCE: u32 = 0x10;
}

/// What `IFLA_MACVLAN_MACADDR_MODE` does to a `source` macvlan's address list (`enum
/// macvlan_macaddr_mode`, `MACVLAN_MACADDR_*` in `<linux/if_link.h>`).
pub mod macvlan_macaddr {
    /// `MACVLAN_MACADDR_ADD`: add `IFLA_MACVLAN_MACADDR`.
    #[doc(alias = "MACVLAN_MACADDR_ADD")]
    pub const ADD: u32 = 0;
    /// `MACVLAN_MACADDR_DEL`: remove `IFLA_MACVLAN_MACADDR`.
    #[doc(alias = "MACVLAN_MACADDR_DEL")]
    pub const DEL: u32 = 1;
    /// `MACVLAN_MACADDR_FLUSH`: remove every address.
    #[doc(alias = "MACVLAN_MACADDR_FLUSH")]
    pub const FLUSH: u32 = 2;
    /// `MACVLAN_MACADDR_SET`: replace the list with `IFLA_MACVLAN_MACADDR_DATA`.
    #[doc(alias = "MACVLAN_MACADDR_SET")]
    pub const SET: u32 = 3;
}

/// `MACVLAN_FLAG_*` (`<linux/if_link.h>`), the bits of `IFLA_MACVLAN_FLAGS`.
pub mod macvlan_flag {
    /// `MACVLAN_FLAG_NOPROMISC`: a passthru macvlan does not put the lower device in
    /// promiscuous mode.
    #[doc(alias = "MACVLAN_FLAG_NOPROMISC")]
    pub const NOPROMISC: u16 = 1;
    /// `MACVLAN_FLAG_NODST`: a source macvlan does not look up the destination address.
    #[doc(alias = "MACVLAN_FLAG_NODST")]
    pub const NODST: u16 = 2;
}

kind_view!(
    /// A macvlan's `IFLA_INFO_DATA` (`IFLA_MACVLAN_*`, `drivers/net/macvlan.c`).
    MacvlanInfo,
    ifla_macvlan::MAX,
    fields {
        /// `IFLA_MACVLAN_MODE`: `MACVLAN_MODE_*` (private, vepa, bridge, passthru, source).
        mode: u32 = ifla_macvlan::MODE,
        /// `IFLA_MACVLAN_FLAGS`: `MACVLAN_FLAG_*`.
        flags: u16 = ifla_macvlan::FLAGS,
        /// `IFLA_MACVLAN_MACADDR_COUNT`: how many source addresses a `source` macvlan has.
        macaddr_count: u32 = ifla_macvlan::MACADDR_COUNT,
        /// `IFLA_MACVLAN_BC_QUEUE_LEN`: the broadcast queue length asked for.
        bc_queue_len: u32 = ifla_macvlan::BC_QUEUE_LEN,
        /// `IFLA_MACVLAN_BC_QUEUE_LEN_USED`: the broadcast queue length in use (the largest
        /// asked for by the macvlans of the lower device).
        bc_queue_len_used: u32 = ifla_macvlan::BC_QUEUE_LEN_USED,
    }
    checked []
);

impl<'a> MacvlanInfo<'a> {
    /// `IFLA_MACVLAN_MACADDR_DATA`: a `source` macvlan's allowed source addresses (each
    /// `IFLA_MACVLAN_MACADDR` of at least 6 bytes; others are skipped, as `ip` skips them).
    pub fn macaddrs(&self) -> impl Iterator<Item = [u8; 6]> + use<'a> {
        let nest = self
            .attrs
            .get(ifla_macvlan::MACADDR_DATA)
            .map(|a| a.nested());
        nest.into_iter()
            .flatten()
            .map_while(Result::ok)
            .filter(|attr| attr.ty() == ifla_macvlan::MACADDR)
            .filter_map(|attr| attr.payload().first_chunk::<6>().copied())
    }
}

/// One of a macvlan's further options, named as `ip link ... type macvlan` names it
/// (`ip/iplink_macvlan.c`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MacvlanOpt<'a> {
    /// `macaddr add MAC`: `IFLA_MACVLAN_MACADDR_MODE` `MACVLAN_MACADDR_ADD` and
    /// `IFLA_MACVLAN_MACADDR`: allow a source address (`source` mode).
    MacaddrAdd([u8; 6]),
    /// `macaddr del MAC`: `MACVLAN_MACADDR_DEL` and the address.
    MacaddrDel([u8; 6]),
    /// `macaddr set [MAC ...]`: `MACVLAN_MACADDR_SET` and `IFLA_MACVLAN_MACADDR_DATA`, the
    /// whole list.
    MacaddrSet(&'a [[u8; 6]]),
    /// `macaddr flush`: `MACVLAN_MACADDR_FLUSH`.
    MacaddrFlush,
    /// `bcqueuelen N`: `IFLA_MACVLAN_BC_QUEUE_LEN`, the broadcast queue length asked for.
    BcQueueLen(u32),
}

impl MacvlanOpt<'_> {
    /// Appends the option's attributes.
    pub(crate) fn put(self, b: &mut MessageBuilder<'_>) -> Result<(), Error> {
        use ifla_macvlan as m;
        match self {
            MacvlanOpt::MacaddrAdd(mac) => {
                b.put_u32(m::MACADDR_MODE, macvlan_macaddr::ADD)?;
                b.put_mac(m::MACADDR, mac)?;
            }
            MacvlanOpt::MacaddrDel(mac) => {
                b.put_u32(m::MACADDR_MODE, macvlan_macaddr::DEL)?;
                b.put_mac(m::MACADDR, mac)?;
            }
            MacvlanOpt::MacaddrSet(macs) => {
                b.put_u32(m::MACADDR_MODE, macvlan_macaddr::SET)?;
                let data = b.nest_start(m::MACADDR_DATA)?;
                for &mac in macs {
                    b.put_mac(m::MACADDR, mac)?;
                }
                b.nest_end(data)?;
            }
            MacvlanOpt::MacaddrFlush => {
                b.put_u32(m::MACADDR_MODE, macvlan_macaddr::FLUSH)?;
            }
            MacvlanOpt::BcQueueLen(n) => {
                b.put_u32(m::BC_QUEUE_LEN, n)?;
            }
        }
        Ok(())
    }
}
