//! An address as `ip [-j] address show` prints it (`ip/ipaddress.c`'s `print_addrinfo()`),
//! from the codec's [`AddressMessage`] view.

use std::fmt;
use std::io::Write;

use crate::codec::{AddressMessage, af};
use crate::names;

use super::monitor::{MonitorContext, MonitorLine};
use super::{Color, Printer};

/// `IFA_CACHEINFO`'s "no expiry" lifetime.
const FOREVER: u32 = u32::MAX;

/// One address: an element of `addr_info` in JSON, two lines of text.
pub fn address<W: Write>(p: &mut Printer<W>, a: &AddressMessage<'_>) {
    address_as(p, a, AddressForm::Full);
}

/// The forms of an address `ip address` prints.
#[derive(Clone, Copy, Debug)]
pub enum AddressForm<'n> {
    /// Family, address, scope, flags, label and lifetimes.
    Full,
    /// `-br`: `ADDRESS/PREFIX ` (and `metric N `) alone, no line break.
    Brief,
    /// `-o`: the full form led by its link, `INDEX: NAME` (JSON `index`, `dev`).
    Oneline {
        /// The link's index.
        index: u32,
        /// The link's name.
        dev: &'n [u8],
    },
}

/// One address in `form` (`print_addrinfo()`).
pub fn address_as<W: Write>(p: &mut Printer<W>, a: &AddressMessage<'_>, form: AddressForm<'_>) {
    p.open_object(None);
    address_fields(p, a, form);
    p.close_object();
}

/// The fields of [`address_as`] without an object of their own (`ip -echo -j` prints them in
/// the object that holds `index` and `dev`).
pub fn address_fields<W: Write>(p: &mut Printer<W>, a: &AddressMessage<'_>, form: AddressForm<'_>) {
    let family = a.family();
    let color = Color::of_family(family);
    let brief = matches!(form, AddressForm::Brief);
    if let AddressForm::Oneline { index, dev } = form {
        p.number(Some("index"), index, format_args!("{index}: "));
        p.text_bytes(dev);
        p.bytes(Some("dev"), dev, format_args!(""));
    }
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
    if !brief {
        if p.is_json() {
            p.string(Some("family"), json_name, format_args!(""));
        } else {
            p.text(format_args!("    {name} "));
        }
    }
    if let Some(local) = a.own_address() {
        let local = names::host(local);
        p.color_display(color, Some("local"), &local, format_args!("{local}"));
        if let Some(peer) = a.peer() {
            let peer = names::host(peer);
            p.text(format_args!(" peer "));
            p.color_display(color, Some("address"), &peer, format_args!("{peer}"));
        }
    }
    let len = a.prefix_len();
    p.number(Some("prefixlen"), len, format_args!("/{len} "));
    if let Some(metric) = a.priority() {
        p.number(Some("metric"), metric, format_args!("metric {metric} "));
    }
    if brief {
        return;
    }
    if let Some(brd) = a.broadcast().map(names::host) {
        p.text(format_args!("brd "));
        p.color_display(color, Some("broadcast"), &brd, format_args!("{brd} "));
    }
    if let Some(any) = a.anycast().map(names::host) {
        p.text(format_args!("any "));
        p.color_display(color, Some("anycast"), &any, format_args!("{any} "));
    }
    let scope = names::scope(a.scope());
    p.display(Some("scope"), &scope, format_args!("scope {scope} "));
    names::for_each_address_flag(a.flags(), family == af::INET6, |flag| {
        p.boolean(Some(flag), true, format_args!("{flag} "));
    });
    if let Some(label) = a.label_bytes() {
        p.bytes(Some("label"), label, format_args!(""));
        p.text_bytes(label);
    }
    let (valid, preferred) = (a.valid_lifetime(), a.preferred_lifetime());
    if let Some(valid) = valid {
        p.number(Some("valid_life_time"), valid, format_args!(""));
    }
    if let Some(preferred) = preferred {
        p.number(Some("preferred_life_time"), preferred, format_args!(""));
    }
    if let (Some(valid), Some(preferred)) = (valid, preferred) {
        let sl = p.sl();
        p.text(format_args!(
            "{sl}       valid_lft {} preferred_lft {}",
            Lifetime(valid),
            Lifetime(preferred)
        ));
    }
    p.text(format_args!("\n"));
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

/// `ip monitor`'s address line: `INDEX: DEV    inet ...` (with `-echo -j`, ip's `index` and
/// `dev` keys); with `-br`, the brief address columns alone, as ip 6.1 prints them.
impl MonitorLine for AddressMessage<'_> {
    fn monitor_line<W: Write>(&self, p: &mut Printer<W>, cx: &mut MonitorContext<'_, W>, deleted: bool) {
        let index = self.index();
        if cx.other_dev(index) {
            (cx.banner)(p, "ADDR", false);
            return;
        }
        (cx.banner)(p, "ADDR", deleted);
        if cx.brief {
            // ip 6.1's -br monitor: the brief address columns, no device, no line end.
            address_fields(p, self, AddressForm::Brief);
            return;
        }
        p.number(Some("index"), index, format_args!("{index}: "));
        let dev = cx.links.display(index);
        p.link_name(Some("dev"), &dev, "", "");
        address_fields(p, self, AddressForm::Full);
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
