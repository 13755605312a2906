//! An nsid as `ip [-j] netns list-id` prints it (`ip/ipnetns.c`'s `print_nsid()`), from the
//! codec's [`NsidMessage`] view.

use std::io::Write;

use crate::codec::NsidMessage;

use super::monitor::{MonitorContext, MonitorLine};
use super::Printer;

/// One nsid message: as [`nsid_entry`] with its `NETNSA_NSID` and `NETNSA_CURRENT_NSID`; a
/// message without an nsid prints nothing.
pub fn nsid<W: Write>(p: &mut Printer<W>, m: &NsidMessage<'_>, name: Option<&str>) {
    if let Some(nsid) = m.nsid() {
        nsid_entry(p, nsid, None, name.map(str::as_bytes));
    }
}

/// One nsid (`ip`'s `print_nsid()`): `nsid N ` (`nsid unassigned ` for -1), `current-nsid C `
/// when the kernel sent one, and `(iproute2 netns name: NAME)` when `name` (the named namespace
/// in the run dir with that nsid) is known; JSON `{"nsid":N,"current-nsid":C,"name":NAME}`,
/// leaving out unassigned ids.
pub fn nsid_entry<W: Write>(
    p: &mut Printer<W>,
    nsid: i32,
    current: Option<i32>,
    name: Option<&[u8]>,
) {
    p.open_object(None);
    if nsid < 0 {
        p.text(format_args!("nsid unassigned "));
    } else {
        p.number(Some("nsid"), nsid, format_args!("nsid {nsid} "));
    }
    match current {
        Some(c) if c < 0 => p.text(format_args!("current-nsid unassigned ")),
        Some(c) => p.number(Some("current-nsid"), c, format_args!("current-nsid {c} ")),
        None => {}
    }
    if let Some(name) = name {
        // The name's bytes, as ip prints them.
        p.bytes(Some("name"), name, format_args!("(iproute2 netns name: "));
        p.text_bytes(name);
        p.text(format_args!(")"));
    }
    p.text(format_args!("\n"));
    p.close_object();
}

/// `ip monitor`'s nsid line: `nsid N (iproute2 netns name: NAME)`; a message without an nsid
/// prints nothing.
impl MonitorLine for NsidMessage<'_> {
    fn monitor_line<W: Write>(&self, p: &mut Printer<W>, cx: &mut MonitorContext<'_, W>, deleted: bool) {
        let Some(nsid) = self.nsid() else { return };
        (cx.banner)(p, "NSID", deleted);
        if nsid < 0 {
            p.text(format_args!("nsid unassigned "));
        } else {
            p.text(format_args!("nsid {nsid} "));
        }
        if let Some(name) = cx.links.netns_name(nsid) {
            p.text(format_args!("(iproute2 netns name: "));
            p.text_bytes(name);
            p.text(format_args!(")"));
        }
        p.text(format_args!("\n"));
    }
}
