//! `ip monitor`'s lines (`ip/ipmonitor.c`'s `accept_msg()`): each family's notification as
//! `ip monitor` prints it, through the one hook [`MonitorLine`] its renderer implements.
//!
//! [`notification`] is the dispatch, written once for every family of the library's family
//! list; what a line of a family looks like (its `[KIND]` label, whether it says `Deleted `
//! itself, what it leaves out) is in that family's renderer, next to its `show` printer.

use std::io::Write;

use crate::monitor::Payload;

use super::Printer;
use super::lookup::LinkTable;

/// How each event starts, written by the caller (`ip`'s `print_headers()`): the `-t`/`-ts`
/// time stamp, `[KIND]` with `label`, and `Deleted ` when the second argument says so.
pub type Banner<'a, W> = &'a dyn Fn(&mut Printer<W>, &str, bool);

/// What every family's monitor line reads besides its message.
pub struct MonitorContext<'a, W: Write> {
    /// The names of the links, kept up to date by the link events.
    pub links: &'a mut LinkTable,
    /// `-d`: the details of links and routes.
    pub details: bool,
    /// `-s`: neighbours with their times and probes, routes with their `users`/`used`/`age`.
    pub stats: bool,
    /// `-br`: neighbours in their brief form (`print_neigh()` honours `brief` in the monitor
    /// too: `Deleted ` or `miss ` first, then `print_neigh_brief()`'s columns); links and
    /// addresses in theirs, which in ip 6.1 end with no line break.
    pub brief: bool,
    /// `-4`/`-6` (`AF_*`): routes and neighbours of another family are left out, as
    /// `print_route()` and `print_neigh()` do.
    pub family: Option<u8>,
    /// `dev DEV` (its index): links, addresses, routes (by `RTA_OIF`) and neighbours of other
    /// devices are left out after their `[KIND]` (ipmonitor's reset filters); routes and
    /// neighbours then print without `dev`.
    pub dev: Option<u32>,
    /// The event came from another namespace (`all-nsid`): its links are remembered by index
    /// as ip's cache remembers them (a name kept stays; a removal forgets the index), not
    /// taken into the table as this namespace's.
    pub foreign: bool,
    /// The start of each line.
    pub banner: Banner<'a, W>,
}

impl<W: Write> MonitorContext<'_, W> {
    /// Whether `-4`/`-6` asked for another address family than `family`.
    pub fn other_family(&self, family: u8) -> bool {
        self.family.is_some_and(|f| f != family)
    }

    /// Whether `dev DEV` asked for another device than `index` (ip prints the headers, then
    /// its `print_*` drops the object).
    pub fn other_dev(&self, index: u32) -> bool {
        self.dev.is_some_and(|dev| dev != index)
    }
}

/// One family's notification as `ip monitor` prints it: implemented by each family's codec
/// view in the family's renderer (`show::link`, `show::route`, ...).
pub trait MonitorLine {
    /// Prints the notification (`deleted` for an `RTM_DEL*`), starting with the banner.
    fn monitor_line<W: Write>(
        &self,
        p: &mut Printer<W>,
        cx: &mut MonitorContext<'_, W>,
        deleted: bool,
    );
}

/// The dispatch: a family's payload to its [`MonitorLine`]; `false` (and nothing printed) for
/// the others (`Other`, the resync markers).
macro_rules! monitor_lines {
    ($($module:ident: $view:ident => $value:ident {
        $new:ident: $new_doc:literal, $del:ident: $del_doc:literal, $list:ident: $list_doc:literal $(,)?
    };)*) => {
        /// Prints `payload` as `ip monitor` does when it is a notification of one of the
        /// library's families; `false` when it is not (a message of another type, a resync
        /// marker).
        pub fn notification<W: Write>(
            p: &mut Printer<W>,
            payload: &Payload<'_>,
            cx: &mut MonitorContext<'_, W>,
        ) -> bool {
            match payload {
                $(
                    Payload::$new(m) => m.monitor_line(p, cx, false),
                    Payload::$del(m) => m.monitor_line(p, cx, true),
                )*
                _ => return false,
            }
            true
        }
    };
}
families!(monitor_lines);
