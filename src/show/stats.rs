//! A link's counters as `ip -s` prints them (`ip/ipaddress.c`'s `print_stats64()` and
//! `print_num()`), from the codec's [`LinkStats`](crate::codec::LinkStats) view of `IFLA_STATS64`.

use std::fmt::{self, Write as _};
use std::io::Write;

use crate::codec::LinkMessage;
use crate::codec::raw::LinkStats64;

use super::Printer;

/// How `-s` numbers are written: as they are, or scaled (`-h`/`-human`, with `-iec` by
/// 1024 instead of 1000).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Human {
    /// Plain numbers, columns as wide as the widest.
    #[default]
    Off,
    /// `-h`: `1.23k`, `4.5M` (powers of 1000).
    Si,
    /// `-h -iec`: `1.20ki`, `4.29Mi` (powers of 1024).
    Iec,
}

/// What `-s` adds to a link: nothing (`level` 0), the counters (1), and with `-s -s` the
/// error breakdown (2 and more).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatsStyle {
    /// How many times `-s` was given.
    pub level: u8,
    /// `-h`, `-iec`.
    pub human: Human,
}

/// The counters of `m` (`__print_link_stats()`): the `stats64` JSON object, or the text
/// block starting at the current position (`    RX: ...`), without a line break at its end.
/// Nothing when the kernel sent no `IFLA_STATS64`.
pub fn link_stats<W: Write>(p: &mut Printer<W>, m: &LinkMessage<'_>, style: StatsStyle) {
    let Some(stats) = m.link_stats() else {
        return;
    };
    let counters = Counters {
        s: stats.counters(),
        nohandler: stats.rx_nohandler(),
        otherhost: stats.rx_otherhost_dropped(),
        carrier_changes: m.carrier_changes(),
    };
    block(p, &counters, style);
}

/// `enum ipstats_mib` (`<linux/snmp.h>`) indexes `ip` reads (`get_snmp_counters()`).
mod mib {
    /// `IPSTATS_MIB_INPKTS` (`InReceives`).
    pub const INPKTS: usize = 1;
    /// `IPSTATS_MIB_INOCTETS`.
    pub const INOCTETS: usize = 2;
    /// `IPSTATS_MIB_OUTPKTS` in ip 6.1's header, `OUTREQUESTS` since Linux 6.3 (`OutRequests`).
    pub const OUTREQUESTS: usize = 5;
    /// `IPSTATS_MIB_OUTOCTETS`.
    pub const OUTOCTETS: usize = 6;
    /// `IPSTATS_MIB_INDISCARDS`.
    pub const INDISCARDS: usize = 13;
    /// `IPSTATS_MIB_OUTDISCARDS`.
    pub const OUTDISCARDS: usize = 14;
    /// `IPSTATS_MIB_INMCASTPKTS`.
    pub const INMCASTPKTS: usize = 23;
    /// `IPSTATS_MIB_CSUMERRORS` (`InCsumErrors`).
    pub const CSUMERRORS: usize = 31;
}

/// The counters `ip -6 -s address` prints for a link: its IPv6 counters
/// (`IFLA_INET6_STATS`) in the places `get_snmp_counters()` puts them, the rest 0, as the
/// `stats64` object or text block of [`link_stats`]. Nothing when the kernel sent none.
pub fn inet6_link_stats<W: Write>(p: &mut Printer<W>, m: &LinkMessage<'_>, style: StatsStyle) {
    let Some(ipv6) = m.inet6_stats() else {
        return;
    };
    let s = LinkStats64 {
        rx_packets: ipv6.get(mib::INPKTS).into(),
        rx_bytes: ipv6.get(mib::INOCTETS).into(),
        tx_packets: ipv6.get(mib::OUTREQUESTS).into(),
        tx_bytes: ipv6.get(mib::OUTOCTETS).into(),
        rx_errors: ipv6.get(mib::INDISCARDS).into(),
        tx_errors: ipv6.get(mib::OUTDISCARDS).into(),
        multicast: ipv6.get(mib::INMCASTPKTS).into(),
        rx_frame_errors: ipv6.get(mib::CSUMERRORS).into(),
        ..LinkStats64::default()
    };
    let counters = Counters {
        s: &s,
        nohandler: 0,
        otherhost: 0,
        carrier_changes: None,
    };
    block(p, &counters, style);
}

/// What one counter block prints.
struct Counters<'s> {
    /// The 23 counters of `struct rtnl_link_stats64`.
    s: &'s LinkStats64,
    /// `rx_nohandler`.
    nohandler: u64,
    /// `rx_otherhost_dropped`.
    otherhost: u64,
    /// `IFLA_CARRIER_CHANGES`, printed with `-s -s` when the kernel sent it.
    carrier_changes: Option<u32>,
}

/// The block in the printer's mode.
fn block<W: Write>(p: &mut Printer<W>, counters: &Counters<'_>, style: StatsStyle) {
    if p.is_json() {
        json(p, counters, style);
    } else {
        text(p, counters, style);
    }
}

/// The `stats64` object: `rx` and `tx` with ip's keys, the error breakdown with `-s -s`.
fn json<W: Write>(p: &mut Printer<W>, c: &Counters<'_>, style: StatsStyle) {
    let s = c.s;
    let more = style.level > 1;
    let present = |value: u64| (value != 0).then_some(value);
    p.open_object(Some("stats64"));
    json_direction(
        p,
        "rx",
        &[
            ("bytes", s.rx_bytes.get()),
            ("packets", s.rx_packets.get()),
            ("errors", s.rx_errors.get()),
            ("dropped", s.rx_dropped.get()),
            ("over_errors", s.rx_over_errors.get()),
            ("multicast", s.multicast.get()),
        ],
        s.rx_compressed.get(),
        more.then_some(&[
            ("length_errors", s.rx_length_errors.get()),
            ("crc_errors", s.rx_crc_errors.get()),
            ("frame_errors", s.rx_frame_errors.get()),
            ("fifo_errors", s.rx_fifo_errors.get()),
            ("missed_errors", s.rx_missed_errors.get()),
        ]),
        &[
            ("nohandler", present(c.nohandler)),
            ("otherhost", present(c.otherhost)),
        ],
    );
    json_direction(
        p,
        "tx",
        &[
            ("bytes", s.tx_bytes.get()),
            ("packets", s.tx_packets.get()),
            ("errors", s.tx_errors.get()),
            ("dropped", s.tx_dropped.get()),
            ("carrier_errors", s.tx_carrier_errors.get()),
            ("collisions", s.collisions.get()),
        ],
        s.tx_compressed.get(),
        more.then_some(&[
            ("aborted_errors", s.tx_aborted_errors.get()),
            ("fifo_errors", s.tx_fifo_errors.get()),
            ("window_errors", s.tx_window_errors.get()),
            ("heartbeat_errors", s.tx_heartbeat_errors.get()),
        ]),
        &[("carrier_changes", c.carrier_changes.map(u64::from))],
    );
    p.close_object();
}

/// One direction's object in `stats64` (`rx`, `tx`), as ip writes it: the counters, then
/// `compressed` unless it is 0; with `-s -s` (`errors` given) the error breakdown and the
/// further counters that are present.
fn json_direction<W: Write, const N: usize>(
    p: &mut Printer<W>,
    key: &str,
    counters: &[(&str, u64)],
    compressed: u64,
    errors: Option<&[(&str, u64); N]>,
    further: &[(&str, Option<u64>)],
) {
    let put = |p: &mut Printer<W>, key: &str, value: u64| {
        p.number(Some(key), value, format_args!(""));
    };
    p.open_object(Some(key));
    for &(key, value) in counters {
        put(p, key, value);
    }
    if compressed != 0 {
        put(p, "compressed", compressed);
    }
    if let Some(errors) = errors {
        for &(key, value) in errors {
            put(p, key, value);
        }
        for &(key, value) in further {
            if let Some(value) = value {
                put(p, key, value);
            }
        }
    }
    p.close_object();
}

/// The text block: a header line and a line of numbers for RX, then for TX, each followed
/// with `-s -s` by its error breakdown; columns sized as ip sizes them (`size_columns()`).
fn text<W: Write>(p: &mut Printer<W>, c: &Counters<'_>, style: StatsStyle) {
    let s = c.s;
    let more = style.level > 1;
    let human = style.human;
    let (nohandler, otherhost) = (c.nohandler, c.otherhost);
    let changes = c.carrier_changes.map(u64::from);
    let (rx_compressed, tx_compressed) = (s.rx_compressed.get(), s.tx_compressed.get());
    // The header words' widths: "*X errors:", "packets", "errors", "dropped", "heartbt",
    // "overrun", "compressed", "otherhost".
    let rx = [
        s.rx_bytes.get(),
        s.rx_packets.get(),
        s.rx_errors.get(),
        s.rx_dropped.get(),
        s.rx_missed_errors.get(),
        s.multicast.get(),
    ];
    let tx = [
        s.tx_bytes.get(),
        s.tx_packets.get(),
        s.tx_errors.get(),
        s.tx_dropped.get(),
        s.tx_carrier_errors.get(),
        s.collisions.get(),
    ];
    let mut cols = [10, 7, 6, 7, 7, 7, 10, 9];
    let mut size = |values: [u64; 8]| {
        if human == Human::Off {
            for (col, value) in cols.iter_mut().zip(values) {
                *col = (*col).max(digits(value));
            }
        }
    };
    size([rx[0], rx[1], rx[2], rx[3], rx[4], rx[5], rx_compressed, 0]);
    if more {
        size([
            0,
            s.rx_length_errors.get(),
            s.rx_crc_errors.get(),
            s.rx_frame_errors.get(),
            s.rx_fifo_errors.get(),
            s.rx_over_errors.get(),
            nohandler,
            otherhost,
        ]);
    }
    size([tx[0], tx[1], tx[2], tx[3], tx[4], tx[5], tx_compressed, 0]);
    if more {
        // ip sizes the TX error columns one to the right of where it prints them.
        size([
            0,
            0,
            s.tx_aborted_errors.get(),
            s.tx_fifo_errors.get(),
            s.tx_window_errors.get(),
            s.tx_heartbeat_errors.get(),
            changes.unwrap_or(0),
            0,
        ]);
    }
    let sl = p.sl();
    let num = |p: &mut Printer<W>, width: usize, value: u64| {
        p.text(format_args!("{:>width$} ", Num(value, human)));
    };

    let rx_names = ["bytes", "packets", "errors", "dropped", "missed", "mcast"];
    counters(p, "", "RX", rx_names, rx, rx_compressed, &cols, human);
    if more {
        let (nh, nh_width) = if nohandler != 0 {
            (" nohandler", cols[6] + 1)
        } else {
            ("", 0)
        };
        let (oh, oh_width) = if otherhost != 0 {
            (" otherhost", cols[7] + 1)
        } else {
            ("", 0)
        };
        p.text(format_args!(
            "{sl}    RX errors:{:>a$} {:>b$} {:>c$} {:>d$} {:>e$} {:>f$}{nh:>g$}{oh:>h$}{sl}{:>i$}",
            "",
            "length",
            "crc",
            "frame",
            "fifo",
            "overrun",
            "",
            a = cols[0] - 10,
            b = cols[1],
            c = cols[2],
            d = cols[3],
            e = cols[4],
            f = cols[5],
            g = nh_width,
            h = oh_width,
            i = cols[0] + 5,
        ));
        num(p, cols[1], s.rx_length_errors.get());
        num(p, cols[2], s.rx_crc_errors.get());
        num(p, cols[3], s.rx_frame_errors.get());
        num(p, cols[4], s.rx_fifo_errors.get());
        num(p, cols[5], s.rx_over_errors.get());
        if nohandler != 0 {
            num(p, cols[6], nohandler);
        }
        if otherhost != 0 {
            num(p, cols[7], otherhost);
        }
    }

    let tx_names = [
        "bytes", "packets", "errors", "dropped", "carrier", "collsns",
    ];
    counters(p, sl, "TX", tx_names, tx, tx_compressed, &cols, human);
    if more {
        let transns = if changes.is_some() { "transns" } else { "" };
        p.text(format_args!(
            "{sl}    TX errors:{:>a$} {:>b$} {:>c$} {:>d$} {:>e$} {transns:>f$}{sl}{:>i$}",
            "",
            "aborted",
            "fifo",
            "window",
            "heartbt",
            "",
            a = cols[0] - 10,
            b = cols[1],
            c = cols[2],
            d = cols[3],
            e = cols[4],
            f = cols[5],
            i = cols[0] + 5,
        ));
        num(p, cols[1], s.tx_aborted_errors.get());
        num(p, cols[2], s.tx_fifo_errors.get());
        num(p, cols[3], s.tx_window_errors.get());
        num(p, cols[4], s.tx_heartbeat_errors.get());
        if let Some(changes) = changes {
            num(p, cols[5], changes);
        }
    }
}

/// One direction's header and counters (`print_stats64()`'s `RX:`/`TX:` lines): after
/// `before`, the six column names right-aligned to `cols` (and `compressed` when there is
/// any), then the six counters (and the compressed count).
#[allow(clippy::too_many_arguments)]
fn counters<W: Write>(
    p: &mut Printer<W>,
    before: &str,
    dir: &str,
    names: [&str; 6],
    values: [u64; 6],
    compressed: u64,
    cols: &[usize; 8],
    human: Human,
) {
    let sl = p.sl();
    let word = if compressed != 0 { "compressed" } else { "" };
    p.text(format_args!(
        "{before}    {dir}: {:>a$} {:>b$} {:>c$} {:>d$} {:>e$} {:>f$} {word:>g$}{sl}    ",
        names[0],
        names[1],
        names[2],
        names[3],
        names[4],
        names[5],
        a = cols[0] - 4,
        b = cols[1],
        c = cols[2],
        d = cols[3],
        e = cols[4],
        f = cols[5],
        g = cols[6],
    ));
    for (value, &width) in values.iter().zip(cols) {
        p.text(format_args!("{:>width$} ", Num(*value, human)));
    }
    if compressed != 0 {
        p.text(format_args!("{:>w$} ", Num(compressed, human), w = cols[6]));
    }
}

/// How many decimal digits `value` has.
fn digits(value: u64) -> usize {
    value.checked_ilog10().map_or(1, |n| n as usize + 1)
}

/// A counter as `print_num()` writes it: the number, or with `-h` scaled to at most three
/// significant digits and a unit prefix (`k M G T P E`, with `i` for `-iec`). Honours the
/// formatter's width.
struct Num(u64, Human);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Num(count, human) = *self;
        let base: u64 = match human {
            Human::Off => return fmt::Display::fmt(&count, f),
            Human::Si => 1000,
            Human::Iec => 1024,
        };
        if count < base {
            return fmt::Display::fmt(&count, f);
        }
        const PREFIXES: &[u8; 6] = b"kMGTPE";
        let mut prefix = 0;
        let mut pow: u64 = 1;
        loop {
            pow *= base;
            if count / base < pow || prefix + 1 == PREFIXES.len() {
                break;
            }
            prefix += 1;
        }
        let mut precision = 2;
        let mut powj: u64 = 1;
        while precision > 0 {
            powj *= 10;
            if count / pow < powj {
                break;
            }
            precision -= 1;
        }
        // Counters are far below 2^53 in practice; ip divides as doubles too.
        #[allow(clippy::cast_precision_loss)]
        let scaled = count as f64 / pow as f64;
        let mut text = Buf::default();
        let iec = if human == Human::Iec { "i" } else { "" };
        let unit = char::from(PREFIXES[prefix]);
        write!(text, "{scaled:.precision$}{unit}{iec}")?;
        f.pad(text.as_str())
    }
}

/// A short text on the stack (a scaled number: at most `18446744.07Ei`).
#[derive(Default)]
struct Buf {
    /// The bytes written.
    bytes: [u8; 24],
    /// How many.
    len: usize,
}

impl Buf {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl fmt::Write for Buf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        let slot = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn human(count: u64, human: Human) -> String {
        format!("{}", Num(count, human))
    }

    #[test]
    fn numbers_scale_as_print_num() {
        assert_eq!(human(999, Human::Si), "999");
        assert_eq!(human(1000, Human::Si), "1.00k");
        assert_eq!(human(1023, Human::Iec), "1023");
        assert_eq!(human(1024, Human::Iec), "1.00ki");
        // An exact tie rounds to even, as glibc's printf does.
        assert_eq!(human(1125, Human::Si), "1.12k");
        assert_eq!(human(1375, Human::Si), "1.38k");
        assert_eq!(human(123_456, Human::Si), "123k");
        assert_eq!(human(12_345_678, Human::Si), "12.3M");
        assert_eq!(human(u64::MAX, Human::Si), "18.4E");
        assert_eq!(human(u64::MAX, Human::Iec), "16.0Ei");
        assert_eq!(human(5 * 1024 * 1024, Human::Iec), "5.00Mi");
        assert_eq!(human(12_345, Human::Off), "12345");
        assert_eq!(format!("{:>8}", Num(1500, Human::Si)), "   1.50k");
    }

    #[test]
    fn digits_count() {
        assert_eq!(digits(0), 1);
        assert_eq!(digits(9), 1);
        assert_eq!(digits(10), 2);
        assert_eq!(digits(u64::MAX), 20);
    }
}
