//! Output: what `ip` prints, text or `-j` JSON, streamed from the codec's views into a writer.
//!
//! iproute2 prints every field once (`lib/json_print.c`: `print_uint(PRINT_ANY, "mtu",
//! "mtu %u ", mtu)`), and the mode decides whether it goes out as text or as a JSON member, so
//! the two never drift. [`Printer`] is that model in Rust: each field is one call with its JSON
//! key, its value and its text; [`Printer::text`] is `PRINT_FP` (text only) and a field with
//! empty text is `PRINT_JSON`. JSON is written as it goes, with iproute2's `json_writer.c`
//! layout (compact, or `-p` pretty), never built as a tree first.
//!
//! The renderers, one per object, sit beside the printer: [`link`], [`address`], [`route`],
//! [`nsid`]; the names of other links they print come from [`lookup`]'s table.

/// Each family's renderer, in the module of the family's name.
macro_rules! family_renderers {
    ($($module:ident: $view:ident => $value:ident {
        $new:ident: $new_doc:literal, $del:ident: $del_doc:literal, $list:ident: $list_doc:literal $(,)?
    };)*) => {
        $(pub mod $module;)*
    };
}
families!(family_renderers);

pub mod lookup;
pub mod monitor;
pub mod stats;
pub mod topology;

use std::fmt::{self, Display, Write as _};
use std::io::{self, Write};

/// Text or JSON output of `ip`'s objects into a writer (`lib/json_print.c` and
/// `lib/json_writer.c`).
///
/// Writes never fail on the spot: the first I/O error is kept, later output is dropped, and
/// [`Printer::finish`] returns it.
pub struct Printer<W: Write> {
    /// Where the output goes (a `BufWriter` over stdout in the CLI).
    out: W,
    /// `-j`: JSON instead of text.
    json: bool,
    /// `-p`: JSON with newlines and indents.
    pretty: bool,
    /// How many JSON objects and arrays are open (`json_writer`'s depth).
    depth: usize,
    /// A `,` is owed before the next JSON item (`json_writer`'s `sep`).
    sep: bool,
    /// The first write that failed.
    error: Option<io::Error>,
    /// `-o`: the line breaks inside one object's text are `\` (ip's `_SL_`).
    oneline: bool,
    /// `-c`: the palette text is coloured with, when colour is on.
    palette: Option<Palette>,
    /// A colour was started and its reset is owed.
    painting: bool,
}

/// What `ip -c` colours (`enum color_attr` in iproute2's `include/color.h`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    /// Interface names (`COLOR_IFNAME`).
    Ifname,
    /// Hardware addresses (`COLOR_MAC`).
    Mac,
    /// IPv4 addresses (`COLOR_INET`).
    Inet,
    /// IPv6 addresses (`COLOR_INET6`).
    Inet6,
    /// Operational state `UP` (`COLOR_OPERSTATE_UP`).
    OperUp,
    /// Operational state `DOWN` (`COLOR_OPERSTATE_DOWN`).
    OperDown,
}

impl Color {
    /// The colour of an address of `family` (`ifa_family_color()`): none but for IPv4/IPv6.
    pub fn of_family(family: u8) -> Option<Color> {
        match family {
            crate::codec::af::INET => Some(Color::Inet),
            crate::codec::af::INET6 => Some(Color::Inet6),
            _ => None,
        }
    }

    /// The colour of an operational state (`oper_state_color()`): `UP` and `DOWN` only.
    pub fn of_operstate(state: u8) -> Option<Color> {
        match state {
            6 => Some(Color::OperUp),
            2 => Some(Color::OperDown),
            _ => None,
        }
    }
}

/// The palette of `ip -c` (iproute2's `lib/color.c`): plain colours for a light background,
/// bold ones for a dark one (`COLORFGBG` ending in `;0`..`;6` or `;8`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Palette {
    /// `attr_colors_light`, ip's default.
    Light,
    /// `attr_colors_dark`.
    Dark,
}

impl Palette {
    /// The palette `COLORFGBG`'s value asks for (`set_color_palette()`): dark when its last
    /// `;`-separated field is one character, `0`..`6` or `8`.
    pub fn from_colorfgbg(value: Option<&[u8]>) -> Palette {
        let last = value.and_then(|v| v.iter().rposition(|&b| b == b';').map(|i| &v[i + 1..]));
        match last {
            Some([b'0'..=b'6' | b'8']) => Palette::Dark,
            _ => Palette::Light,
        }
    }

    /// The escape sequence that starts `color`.
    fn code(self, color: Color) -> &'static [u8] {
        let dark = self == Palette::Dark;
        match (color, dark) {
            (Color::Ifname, false) => b"\x1b[36m",
            (Color::Mac, false) => b"\x1b[33m",
            (Color::Inet, false) => b"\x1b[35m",
            (Color::Inet6, false) => b"\x1b[34m",
            (Color::OperUp, false) => b"\x1b[32m",
            (Color::OperDown, false) => b"\x1b[31m",
            (Color::Ifname, true) => b"\x1b[1;36m",
            (Color::Mac, true) => b"\x1b[1;33m",
            (Color::Inet, true) => b"\x1b[1;35m",
            (Color::Inet6, true) => b"\x1b[1;34m",
            (Color::OperUp, true) => b"\x1b[1;32m",
            (Color::OperDown, true) => b"\x1b[1;31m",
        }
    }
}

/// The escape sequence that ends a colour (`C_CLEAR`).
const CLEAR: &[u8] = b"\x1b[0m";

impl<W: Write> Printer<W> {
    /// A printer of text, or of JSON when `json` (`pretty` for `-p`).
    pub fn new(out: W, json: bool, pretty: bool) -> Self {
        Printer {
            out,
            json,
            pretty,
            depth: 0,
            sep: false,
            error: None,
            oneline: false,
            palette: None,
            painting: false,
        }
    }

    /// `-o`: the text of each object on one line, its inner line breaks written as `\`.
    pub fn set_oneline(&mut self, oneline: bool) {
        self.oneline = oneline;
    }

    /// `-c`: colours text with `palette` (`None`: no colour). JSON is never coloured.
    pub fn set_color(&mut self, palette: Option<Palette>) {
        self.palette = palette.filter(|_| !self.json);
    }

    /// The line break inside an object's text (ip's `_SL_`): a newline, or `\` with `-o`.
    pub fn sl(&self) -> &'static str {
        if self.oneline { "\\" } else { "\n" }
    }

    /// `print_nl()`: the line break inside an object's text ([`Printer::sl`]); nothing in JSON.
    pub fn nl(&mut self) {
        if !self.json {
            let sl = self.sl();
            self.put(sl.as_bytes());
        }
    }

    /// Starts `color` on the text that follows, when colour is on (`color_fprintf()`); ends
    /// with [`Printer::color_end`].
    pub fn color_start(&mut self, color: Option<Color>) {
        if let (Some(palette), Some(color), false) = (self.palette, color, self.painting) {
            self.put(palette.code(color));
            self.painting = true;
        }
    }

    /// Ends the colour [`Printer::color_start`] started, if it did.
    pub fn color_end(&mut self) {
        if self.painting {
            self.put(CLEAR);
            self.painting = false;
        }
    }

    /// Text only, coloured (`color_fprintf()` / `print_color_string(PRINT_FP, ...)`).
    pub fn color_text(&mut self, color: Option<Color>, args: fmt::Arguments<'_>) {
        if !self.json {
            self.color_start(color);
            self.put_fmt(args);
            self.color_end();
        }
    }

    /// [`Printer::display`] with its text coloured (`print_color_string(PRINT_ANY, ...)`).
    pub fn color_display(
        &mut self,
        color: Option<Color>,
        key: Option<&str>,
        value: &dyn Display,
        text: fmt::Arguments<'_>,
    ) {
        if self.json {
            self.display(key, value, text);
        } else {
            self.color_text(color, text);
        }
    }

    /// Whether this prints JSON (`is_json_context()`).
    pub fn is_json(&self) -> bool {
        self.json
    }

    /// Flushes the writer; the first error met, if any. A closed pipe is an error here too:
    /// the caller decides (the CLI ends quietly, as `ip` does on `SIGPIPE`).
    pub fn finish(mut self) -> io::Result<W> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        self.out.flush()?;
        Ok(self.out)
    }

    /// The writer, not flushed (a caller that drops the output of a failed command); the
    /// first write error, if any.
    pub fn finish_unflushed(mut self) -> io::Result<W> {
        match self.error.take() {
            Some(e) => Err(e),
            None => Ok(self.out),
        }
    }

    /// Writes out what is buffered (a monitor, after each batch of events); the first error.
    pub fn flush(&mut self) -> io::Result<()> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        self.out.flush()
    }

    /// Whether a write has failed (the rest of the output is dropped).
    pub fn failed(&self) -> bool {
        self.error.is_some()
    }

    // Inlined, so that a constant piece (`,`, `":`, ...) is a store into the buffer rather
    // than a `memcpy` call, whose fixed cost dominates such short copies in musl.
    #[inline]
    fn put(&mut self, bytes: &[u8]) {
        if self.error.is_none()
            && let Err(e) = self.out.write_all(bytes)
        {
            self.error = Some(e);
        }
    }

    fn put_fmt(&mut self, args: fmt::Arguments<'_>) {
        if self.error.is_none()
            && let Err(e) = self.out.write_fmt(args)
        {
            self.error = Some(e);
        }
    }

    /// `value` in decimal. Not through `core::fmt`: `i128`'s `Display` divides in 128 bits,
    /// and a link dump prints a dozen numbers per link (a tenth of rtnl's own time in
    /// `-j link show`).
    fn put_int(&mut self, value: i128) {
        let Ok(mut n) = u64::try_from(value.unsigned_abs()) else {
            return self.put_fmt(format_args!("{value}"));
        };
        // u64::MAX has 20 digits; one more for the sign.
        let mut digits = [0u8; 21];
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        if value < 0 {
            at -= 1;
            digits[at] = b'-';
        }
        self.put(&digits[at..]);
    }

    /// Written as it is in both modes, in the middle of JSON too: what `ip` writes to its output
    /// with `fprintf()` whatever the mode (`ip neigh`'s warning about master filtering).
    pub fn raw(&mut self, args: fmt::Arguments<'_>) {
        self.put_fmt(args);
    }

    /// Text only (`PRINT_FP`): written in text mode, nothing in JSON.
    pub fn text(&mut self, args: fmt::Arguments<'_>) {
        if !self.json {
            self.put_fmt(args);
        }
    }

    /// Text only, raw bytes (a kernel name that need not be UTF-8).
    pub fn text_bytes(&mut self, bytes: &[u8]) {
        if !self.json {
            self.put(bytes);
        }
    }

    // --- json_writer.c ---

    /// `jsonw_eor`: the separator owed, and one owed for the next item.
    fn eor(&mut self) {
        if self.sep {
            self.put(b",");
        }
        self.sep = true;
    }

    /// `jsonw_eol`: when pretty, a newline and the indent of the current depth.
    fn eol(&mut self) {
        if self.pretty {
            self.put(b"\n");
            for _ in 0..self.depth {
                self.put(b"    ");
            }
        }
    }

    /// `jsonw_name`: a member's key (`None`: an array element).
    fn key(&mut self, key: Option<&str>) {
        if let Some(key) = key {
            self.eor();
            self.eol();
            self.sep = false;
            self.put(b"\"");
            self.escaped(key.as_bytes());
            self.put(if self.pretty { b"\": " } else { b"\":" });
        }
    }

    /// Before a scalar: its key, and the separator owed.
    fn scalar(&mut self, key: Option<&str>) {
        self.key(key);
        self.eor();
    }

    fn begin(&mut self, key: Option<&str>, c: &[u8]) {
        self.key(key);
        self.eor();
        self.put(c);
        self.depth += 1;
        self.sep = false;
    }

    fn end(&mut self, c: &[u8]) {
        self.depth = self.depth.saturating_sub(1);
        if self.sep {
            self.eol();
        }
        self.put(c);
        self.sep = true;
    }

    /// Writes `bytes` as the inside of a JSON string, escaped as serde_json escapes (`"`,
    /// `\`, and control characters: `\b \f \n \r \t`, others as `\u00XX`); bytes that are not
    /// UTF-8 are written as they are, as iproute2's `json_writer.c` writes them.
    fn escaped(&mut self, bytes: &[u8]) {
        // Names, words and addresses are printable ASCII: written as they are (a table
        // look-up per byte: keys and values are short, and there are two dozen per link).
        if bytes.iter().all(|&b| PLAIN[usize::from(b)]) {
            self.put(bytes);
            return;
        }
        for chunk in bytes.utf8_chunks() {
            let valid = chunk.valid().as_bytes();
            let mut start = 0;
            for (i, &b) in valid.iter().enumerate() {
                let escape: &[u8] = match b {
                    b'"' => b"\\\"",
                    b'\\' => b"\\\\",
                    b'\n' => b"\\n",
                    b'\r' => b"\\r",
                    b'\t' => b"\\t",
                    0x08 => b"\\b",
                    0x0c => b"\\f",
                    0..0x20 => b"",
                    _ => continue,
                };
                self.put(&valid[start..i]);
                if escape.is_empty() {
                    self.put_fmt(format_args!("\\u{b:04x}"));
                } else {
                    self.put(escape);
                }
                start = i + 1;
            }
            self.put(&valid[start..]);
            // ip's json_writer passes every byte >= 0x20 through: a kernel name that is not
            // UTF-8 is written as its bytes, as `ip -j` writes it.
            self.put(chunk.invalid());
        }
    }

    /// Opens the list a command prints (`new_json_obj()`: `[` in JSON, nothing in text).
    pub fn start_list(&mut self) {
        if self.json {
            self.begin(None, b"[");
            if self.pretty {
                self.put(b" ");
            }
        }
    }

    /// Closes the list (`delete_json_obj()`: `]` and a newline in JSON).
    pub fn end_list(&mut self) {
        if self.json {
            self.close_array();
            self.put(b"\n");
        }
    }

    /// Opens a command's output that is one object rather than a list (`{` in JSON, nothing
    /// in text).
    pub fn start_object(&mut self) {
        self.open_object(None);
    }

    /// Closes it ([`Printer::start_object`]): `}` and a newline in JSON.
    pub fn end_object(&mut self) {
        if self.json {
            self.close_object();
            self.put(b"\n");
        }
    }

    /// `open_json_object(key)`: `None` for an element of an array. JSON only.
    pub fn open_object(&mut self, key: Option<&str>) {
        if self.json {
            self.begin(key, b"{");
        }
    }

    /// `close_json_object()`. JSON only.
    pub fn close_object(&mut self) {
        if self.json {
            self.end(b"}");
        }
    }

    /// `open_json_array(key)`: `None` for an element of an array. JSON only.
    pub fn open_array(&mut self, key: Option<&str>) {
        if self.json {
            self.begin(key, b"[");
            if self.pretty {
                self.put(b" ");
            }
        }
    }

    /// `close_json_array()`. JSON only.
    pub fn close_array(&mut self) {
        if self.json {
            if self.pretty && self.sep {
                self.put(b" ");
            }
            self.sep = false;
            self.end(b"]");
        }
    }

    /// `print_uint()`/`print_int()`: `value` as a JSON number under `key` (`None`: an array
    /// element), or `text` in text mode.
    pub fn number(&mut self, key: Option<&str>, value: impl Into<i128>, text: fmt::Arguments<'_>) {
        if self.json {
            self.scalar(key);
            self.put_int(value.into());
        } else {
            self.put_fmt(text);
        }
    }

    /// `print_string()`: `value` as a JSON string, or `text`.
    pub fn string(&mut self, key: Option<&str>, value: &str, text: fmt::Arguments<'_>) {
        self.bytes(key, value.as_bytes(), text);
    }

    /// A JSON string from bytes (a kernel name, written as its bytes), or `text`.
    pub fn bytes(&mut self, key: Option<&str>, value: &[u8], text: fmt::Arguments<'_>) {
        if self.json {
            self.scalar(key);
            self.put(b"\"");
            self.escaped(value);
            self.put(b"\"");
        } else {
            self.put_fmt(text);
        }
    }

    /// Another link's name (`ll_index_to_name()`): in JSON the string `key` (its bytes, or
    /// `ifN`); in text `before`, the name's raw bytes (or `ifN`) and `after`, as `ip` prints a
    /// name that need not be UTF-8.
    pub fn link_name(
        &mut self,
        key: Option<&str>,
        name: &lookup::LinkName<'_>,
        before: &str,
        after: &str,
    ) {
        match name.name {
            Some(bytes) if self.json => self.bytes(key, bytes, format_args!("")),
            None if self.json => self.display(key, name, format_args!("")),
            Some(bytes) => {
                self.put(before.as_bytes());
                self.put(bytes);
                self.put(after.as_bytes());
            }
            None => self.put_fmt(format_args!("{before}{name}{after}")),
        }
    }

    /// [`Printer::color_display`] of a link-layer address: into JSON as its hex text, not
    /// through `core::fmt`.
    pub fn hardware_address(
        &mut self,
        key: Option<&str>,
        address: crate::names::HardwareAddress<'_>,
        text: fmt::Arguments<'_>,
    ) {
        if self.json {
            self.scalar(key);
            self.put(b"\"");
            // Hex digits and `:`: nothing to escape.
            address.write_text(|text| self.put(text));
            self.put(b"\"");
        } else {
            self.color_text(Some(Color::Mac), text);
        }
    }

    /// [`Printer::display`] of a kernel word or number ([`Name`](crate::names::Name)): a known word goes
    /// into JSON as it is, not through `core::fmt`.
    pub fn name(
        &mut self,
        key: Option<&str>,
        value: &crate::names::Name,
        text: fmt::Arguments<'_>,
    ) {
        match value {
            crate::names::Name::Known(word) if self.json => self.bytes(key, word.as_bytes(), text),
            _ => self.display(key, value, text),
        }
    }

    /// A JSON string of `value`'s `Display` (an address, a kernel word), or `text`.
    pub fn display(&mut self, key: Option<&str>, value: &dyn Display, text: fmt::Arguments<'_>) {
        if self.json {
            self.scalar(key);
            self.put(b"\"");
            // Most values (addresses, words) fit a small buffer and are escaped at once.
            let mut small = Small::default();
            if write!(small, "{value}").is_ok() {
                self.escaped(small.as_bytes());
            } else {
                let mut escape = Escape(self);
                let _ = write!(escape, "{value}");
            }
            self.put(b"\"");
        } else {
            self.put_fmt(text);
        }
    }

    /// `jsonw_printf()` after a key: `value` written into JSON as it is (a `u64`, or ip's
    /// timers `12.34`, which are numbers), or `text`.
    pub fn raw_value(
        &mut self,
        key: Option<&str>,
        value: fmt::Arguments<'_>,
        text: fmt::Arguments<'_>,
    ) {
        if self.json {
            self.scalar(key);
            self.put_fmt(value);
        } else {
            self.put_fmt(text);
        }
    }

    /// `print_bool()`: `true`/`false` in JSON, or `text`.
    pub fn boolean(&mut self, key: Option<&str>, value: bool, text: fmt::Arguments<'_>) {
        if self.json {
            self.scalar(key);
            self.put(if value { b"true" } else { b"false" });
        } else {
            self.put_fmt(text);
        }
    }

    /// `print_null()`: `null` in JSON, or `text`.
    pub fn null(&mut self, key: Option<&str>, text: fmt::Arguments<'_>) {
        if self.json {
            self.scalar(key);
            self.put(b"null");
        } else {
            self.put_fmt(text);
        }
    }
}

/// The bytes a JSON string holds as they are: printable ASCII but `"` and `\\`.
static PLAIN: [bool; 256] = {
    let mut plain = [false; 256];
    let mut b = 0x20;
    while b < 0x7f {
        plain[b] = b != b'"' as usize && b != b'\\' as usize;
        b += 1;
    }
    plain
};

/// A `fmt::Write` into 64 bytes on the stack; more is an error.
struct Small {
    /// The bytes written.
    buf: [u8; 64],
    /// How many.
    len: usize,
}

impl Default for Small {
    fn default() -> Self {
        Small {
            buf: [0; 64],
            len: 0,
        }
    }
}

impl Small {
    fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

impl fmt::Write for Small {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        let slot = self.buf.get_mut(self.len..end).ok_or(fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// A `fmt::Write` that writes through the printer as the inside of a JSON string.
struct Escape<'p, W: Write>(&'p mut Printer<W>);

impl<W: Write> fmt::Write for Escape<'_, W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.escaped(s.as_bytes());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(pretty: bool) -> String {
        let mut p = Printer::new(Vec::new(), true, pretty);
        p.start_list();
        p.open_object(None);
        p.number(Some("ifindex"), 1, format_args!(""));
        p.open_array(Some("flags"));
        p.string(None, "UP", format_args!(""));
        p.string(None, "LOWER_UP", format_args!(""));
        p.close_array();
        p.open_object(Some("info"));
        p.string(Some("kind"), "veth", format_args!(""));
        p.close_object();
        p.close_object();
        p.end_list();
        String::from_utf8(p.finish().unwrap()).unwrap()
    }

    #[test]
    fn compact_is_ip_compact() {
        assert_eq!(
            sample(false),
            "[{\"ifindex\":1,\"flags\":[\"UP\",\"LOWER_UP\"],\"info\":{\"kind\":\"veth\"}}]\n"
        );
        let mut p = Printer::new(Vec::new(), true, false);
        p.start_list();
        p.end_list();
        assert_eq!(p.finish().unwrap(), b"[]\n");
    }

    #[test]
    fn pretty_is_ip_pretty() {
        let expected = "[ {\n        \"ifindex\": 1,\n        \"flags\": [ \"UP\",\"LOWER_UP\" ],\n        \"info\": {\n            \"kind\": \"veth\"\n        }\n    } ]\n";
        assert_eq!(sample(true), expected);
        let mut p = Printer::new(Vec::new(), true, true);
        p.start_list();
        p.end_list();
        assert_eq!(p.finish().unwrap(), b"[ ]\n");
    }

    #[test]
    fn strings_escape_as_serde_json() {
        let nasty = "a\"b\\c\nd\te\u{1}f\u{7f}é\r\u{8}\u{c}";
        let mut p = Printer::new(Vec::new(), true, false);
        p.string(None, nasty, format_args!(""));
        let out = String::from_utf8(p.finish().unwrap()).unwrap();
        assert_eq!(out, serde_json::Value::from(nasty).to_string());
    }

    #[test]
    fn bytes_that_are_not_utf8_are_written_as_ip_writes_them() {
        // iproute2's json_writer escapes only `"`, `\` and control characters: a kernel
        // name that is not UTF-8 goes out as its bytes (ip -j link show prints it so).
        let mut p = Printer::new(Vec::new(), true, false);
        p.bytes(None, b"x\xffy\"\x01", format_args!(""));
        assert_eq!(p.finish().unwrap(), b"\"x\xffy\\\"\\u0001\"");
    }

    #[test]
    fn json_numbers_are_their_decimal_form() {
        let values: [i128; 10] = [
            0,
            7,
            10,
            -1,
            4_294_967_295,
            i128::from(i64::MIN),
            i128::from(u64::MAX),
            i128::from(u64::MAX) + 1,
            -i128::from(u64::MAX) - 1,
            i128::MIN,
        ];
        for value in values {
            let mut p = Printer::new(Vec::new(), true, false);
            p.number(None, value, format_args!(""));
            assert_eq!(p.finish().unwrap(), value.to_string().as_bytes(), "{value}");
        }
    }

    #[test]
    fn text_mode_prints_text_only() {
        let mut p = Printer::new(Vec::new(), false, false);
        p.open_object(None);
        p.number(Some("mtu"), 1500u32, format_args!("mtu {} ", 1500));
        p.number(Some("x"), 1u32, format_args!(""));
        p.text(format_args!("\n"));
        p.close_object();
        assert_eq!(p.finish().unwrap(), b"mtu 1500 \n");
    }
}
