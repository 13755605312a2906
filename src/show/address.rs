//! An address as `ip [-j] address show` prints it (`ip/ipaddress.c`'s `print_addrinfo()`),
//! from the codec's [`AddressMessage`] view.

use std::fmt;
use std::io::Write;

use crate::codec::{AddressMessage, af};
use crate::names;

use super::Printer;

/// `IFA_CACHEINFO`'s "no expiry" lifetime.
const FOREVER: u32 = u32::MAX;

/// One address: an element of `addr_info` in JSON, two lines of text.
pub fn address<W: Write>(p: &mut Printer<W>, a: &AddressMessage<'_>) {
    p.open_object(None);
    let family = a.family();
    let name = match family {
        af::INET => Family::Known("inet"),
        af::INET6 => Family::Known("inet6"),
        other => Family::Other(other),
    };
    // ip -j names any other family "unspec".
    let json_name = match name {
        Family::Known(word) => word,
        Family::Other(_) => "unspec",
    };
    if p.is_json() {
        p.string(Some("family"), json_name, format_args!(""));
    } else {
        p.text(format_args!("    {name} "));
    }
    if let Some(local) = a.own_address() {
        p.display(Some("local"), &local, format_args!("{local}"));
        if let Some(peer) = a.peer() {
            p.display(Some("address"), &peer, format_args!(" peer {peer}"));
        }
    }
    let len = a.prefix_len();
    p.number(Some("prefixlen"), len, format_args!("/{len} "));
    if let Some(brd) = a.broadcast() {
        p.display(Some("broadcast"), &brd, format_args!("brd {brd} "));
    }
    if let Some(any) = a.anycast() {
        p.display(Some("anycast"), &any, format_args!("any {any} "));
    }
    let metric = a.priority();
    if let Some(metric) = metric {
        p.text(format_args!("metric {metric} "));
    }
    let scope = names::scope(a.scope());
    p.display(Some("scope"), &scope, format_args!("scope {scope} "));
    if let Some(metric) = metric {
        p.number(Some("metric"), metric, format_args!(""));
    }
    names::for_each_address_flag(a.flags(), family == af::INET6, |flag| {
        p.boolean(Some(flag), true, format_args!("{flag} "));
    });
    if let Some(label) = a.label() {
        p.string(Some("label"), label, format_args!("{label}"));
    }
    let (valid, preferred) = (a.valid_lifetime(), a.preferred_lifetime());
    if let Some(valid) = valid {
        p.number(Some("valid_life_time"), valid, format_args!(""));
    }
    if let Some(preferred) = preferred {
        p.number(Some("preferred_life_time"), preferred, format_args!(""));
    }
    if let (Some(valid), Some(preferred)) = (valid, preferred) {
        p.text(format_args!(
            "\n       valid_lft {} preferred_lft {}",
            Lifetime(valid),
            Lifetime(preferred)
        ));
    }
    p.text(format_args!("\n"));
    p.close_object();
}

/// An address family as `ip address` prints it.
#[derive(Clone, Copy)]
enum Family {
    /// `inet`, `inet6`.
    Known(&'static str),
    /// `family N`.
    Other(u8),
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Family::Known(word) => f.write_str(word),
            Family::Other(n) => write!(f, "family {n}"),
        }
    }
}

/// A lifetime as `ip` prints it: `forever` or `Nsec`.
struct Lifetime(u32);

impl fmt::Display for Lifetime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == FOREVER {
            f.write_str("forever")
        } else {
            write!(f, "{}sec", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use std::net::{IpAddr, Ipv4Addr};

    use super::*;
    use crate::codec::request::{Address, NewMode, addr_new};
    use crate::codec::{Message, rtm};

    /// `any ADDR` after `brd`, `"anycast"` in JSON: the kernel does not keep `IFA_ANYCAST`, so
    /// the message is built here.
    #[test]
    fn anycast_prints_as_ip_prints_it() {
        let mut buf = [0u8; 256];
        let request = Address {
            anycast: Some(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 9))),
            ..Address::new(3, IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1)), 24)
        };
        let bytes = addr_new(&mut buf, 1, NewMode::Add, &request)
            .unwrap()
            .finish();
        let message = Message::parse(bytes).unwrap();
        assert_eq!(message.ty(), rtm::NEWADDR);
        let a = AddressMessage::parse(message).unwrap();
        let text = |json| {
            let mut p = Printer::new(Vec::new(), json, false);
            address(&mut p, &a);
            String::from_utf8(p.finish().unwrap()).unwrap()
        };
        assert!(
            text(false).starts_with("    inet 192.0.2.1/24 any 192.0.2.9 scope global "),
            "{}",
            text(false)
        );
        assert!(text(true).contains(r#""anycast":"192.0.2.9","scope":"global""#));
    }
}
