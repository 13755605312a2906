//! An nsid as `ip [-j] netns list-id` prints it (`ip/ipnetns.c`'s `print_nsid()`), from the
//! codec's [`NsidMessage`] view.

use std::io::Write;

use crate::codec::NsidMessage;

use super::Printer;

/// One nsid message: as [`nsid_entry`] with its `NETNSA_NSID`; a message without one prints
/// nothing.
pub fn nsid<W: Write>(p: &mut Printer<W>, m: &NsidMessage<'_>, name: Option<&str>) {
    if let Some(nsid) = m.nsid() {
        nsid_entry(p, nsid, name);
    }
}

/// One nsid: `nsid N` with ` (iproute2 netns name: NAME)` when `name` (the named namespace
/// in the run dir with that nsid) is known; JSON `{"nsid":N,"name":NAME}`.
pub fn nsid_entry<W: Write>(p: &mut Printer<W>, nsid: i32, name: Option<&str>) {
    p.open_object(None);
    p.number(Some("nsid"), nsid, format_args!("nsid {nsid}"));
    if let Some(name) = name {
        p.string(
            Some("name"),
            name,
            format_args!(" (iproute2 netns name: {name})"),
        );
    }
    p.text(format_args!("\n"));
    p.close_object();
}
