//! The words of a command line, read front to back the way `ip` reads them, and `ip`'s messages
//! for words it cannot use.
//!
//! `ip`'s grammar is positional keywords, each maybe followed by a value; a keyword may be
//! abbreviated to any prefix when `ip` compares it with `matches()` (`sh` for `show`), and must
//! be spelled out where `ip` uses `strcmp()` (`up`, `mtu`). [`matches()`] is the first
//! comparison; the second is `==`.

use std::fmt;
use std::net::IpAddr;

use rtnl_ip::{IpPrefix, names};

use super::{Ctx, Family};

/// Why a command could not run, and so what it prints and how `rtnl` exits.
#[derive(Debug)]
pub enum Failure {
    /// Bad arguments (`ip`'s `invarg`, `duparg`, `incomplete_command`): the message, exit 255.
    Usage(String),
    /// A local failure (a device that does not exist, a file that cannot be read): exit 1.
    Local(String),
    /// The library failed: its `Display` (which reads like `ip`), exit 2 when the kernel
    /// refused, else 1.
    Lib(rtnl_ip::Error),
    /// The library failed in a way `ip` treats as bad arguments (an invalid namespace name):
    /// its `Display`, exit 255.
    LibUsage(rtnl_ip::Error),
    /// A usage text `ip` prints on stdout (not stderr) before exiting 1, as for
    /// `type veth foo`.
    StdoutUsage(String),
    /// The kernel ended a dump with an error: its `Display` and then `<what> terminated`
    /// (`Dump`, or `Flush` for the dump a flush starts with), as iproute2 prints it; exit 2.
    Dump(rtnl_ip::Error, &'static str),
    /// Nothing more to print; exit with this code.
    Exit(u8),
    /// A message with a name in it that is not UTF-8, as bytes (`ip` prints the bytes it was
    /// given), and the exit code of the failure it was made from (see [`naming`]).
    Named(u8, Vec<u8>),
}

impl Failure {
    /// The process exit code `ip` uses for this failure.
    pub fn code(&self) -> u8 {
        match self {
            Failure::Usage(_) | Failure::LibUsage(_) => 255,
            Failure::Local(_) | Failure::StdoutUsage(_) => 1,
            Failure::Lib(e) | Failure::Dump(e, _) => match e.kind() {
                rtnl_ip::ErrorKind::Kernel(_) | rtnl_ip::ErrorKind::DadFailed { .. } => 2,
                rtnl_ip::ErrorKind::TimedOut(_) => super::wait::TIMED_OUT,
                _ => 1,
            },
            Failure::Exit(code) | Failure::Named(code, _) => *code,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Usage(text) | Failure::Local(text) | Failure::StdoutUsage(text) => {
                f.write_str(text)
            }
            Failure::Lib(e) | Failure::LibUsage(e) => write!(f, "{e}"),
            Failure::Dump(e, what) => write!(f, "{e}\n{what} terminated"),
            Failure::Exit(_) => Ok(()),
            Failure::Named(_, text) => f.write_str(&String::from_utf8_lossy(text)),
        }
    }
}

impl Failure {
    /// The message as bytes: a name given as bytes (in a library error, or a
    /// [`Failure::Named`]) is written as it is, as `ip` prints a name.
    pub fn to_bytes(&self) -> Vec<u8> {
        match self {
            Failure::Lib(e) | Failure::LibUsage(e) => e.to_bytes(),
            Failure::Dump(e, what) => {
                let mut bytes = e.to_bytes();
                bytes.extend_from_slice(format!("\n{what} terminated").as_bytes());
                bytes
            }
            Failure::Named(_, bytes) => bytes.clone(),
            other => other.to_string().into_bytes(),
        }
    }
}

impl Failure {
    /// [`Failure::Local`] with a fixed message: one copy of the allocation, not one per
    /// message.
    #[inline(never)]
    pub fn local(text: &str) -> Self {
        Failure::Local(text.to_owned())
    }

    /// [`Failure::Usage`] with a fixed message.
    #[inline(never)]
    pub fn usage(text: &str) -> Self {
        Failure::Usage(text.to_owned())
    }
}

impl From<rtnl_ip::Error> for Failure {
    fn from(e: rtnl_ip::Error) -> Self {
        Failure::Lib(e)
    }
}

impl Failure {
    /// A failure of the dump `what` (`"Dump"`, `"Flush"`): [`Failure::Dump`] when the kernel
    /// refused it, else [`Failure::Lib`].
    pub fn dump(what: &'static str) -> impl Fn(rtnl_ip::Error) -> Self {
        move |e| match e.kind() {
            rtnl_ip::ErrorKind::Kernel(_) => Failure::Dump(e, what),
            _ => Failure::Lib(e),
        }
    }
}

/// The result of every command.
pub type CmdResult<T = ()> = Result<T, Failure>;

/// `ip`'s `matches(word, keyword)`: `word` is a non-empty prefix of `keyword`.
pub fn matches(word: &str, keyword: &str) -> bool {
    !word.is_empty() && keyword.starts_with(word)
}

/// The failure `make` makes for `name` (given as text), with the name's own bytes in its
/// message where they are not UTF-8 ([`Failure::Named`], same exit code): `ip` prints a name
/// as the bytes it was given. The name's text (U+FFFD for each byte that is not UTF-8) is
/// replaced by its bytes wherever the message holds it, so a library failure naming it
/// (`|_| Failure::Lib(e)`) is printed with its bytes too.
pub fn naming(name: &[u8], make: impl FnOnce(&str) -> Failure) -> Failure {
    let text = String::from_utf8_lossy(name);
    let failure = make(&text);
    named(name, text, failure)
}

/// [`naming`]'s work once `make` has made the failure from `text` (`name` read as UTF-8):
/// not generic, so compiled once rather than at every caller.
#[inline(never)]
fn named(name: &[u8], text: std::borrow::Cow<'_, str>, failure: Failure) -> Failure {
    let std::borrow::Cow::Owned(text) = text else {
        return failure;
    };
    let message = failure.to_string();
    if message.is_empty() || matches!(failure, Failure::StdoutUsage(_)) {
        return failure;
    }
    let mut bytes = Vec::with_capacity(message.len());
    for (i, part) in message.split(text.as_str()).enumerate() {
        if i > 0 {
            bytes.extend_from_slice(name);
        }
        bytes.extend_from_slice(part.as_bytes());
    }
    Failure::Named(failure.code(), bytes)
}

/// `ip`'s `incomplete_command()`: a keyword without its value.
pub fn incomplete() -> Failure {
    Failure::Usage("Command line is not complete. Try option \"help\"".into())
}

/// `ip`'s `invarg(msg, arg)`: a value that cannot be used.
pub fn invarg(msg: &str, arg: &str) -> Failure {
    Failure::Usage(format!("Error: argument \"{arg}\" is wrong: {msg}"))
}

/// `ip`'s `duparg(key, arg)`: a keyword given twice.
pub fn duparg(key: &str, arg: &str) -> Failure {
    Failure::Usage(format!(
        "Error: duplicate \"{key}\": \"{arg}\" is the second value."
    ))
}

/// `ip`'s `duparg2(key, arg)`: a second device name, or a word no keyword matches.
pub fn duparg2(key: &str, arg: &str) -> Failure {
    Failure::Usage(format!(
        "Error: either \"{key}\" is duplicate, or \"{arg}\" is a garbage."
    ))
}

/// `Command "x" is unknown, try "ip OBJECT help".`
pub fn unknown_command(word: &str, object: &str) -> Failure {
    Failure::Usage(format!(
        "Command \"{word}\" is unknown, try \"ip {object} help\"."
    ))
}

/// A feature of `ip` that `rtnl` does not have: exit 255, so scripts see a refusal, not a
/// silent no-op.
pub fn unsupported(what: &str) -> Failure {
    Failure::Usage(format!("rtnl: \"{what}\" is not supported"))
}

/// [`unsupported`] for `what` followed by `word` (`link add` and the word it met).
pub fn unsupported_word(what: &str, word: &str) -> Failure {
    Failure::Usage(format!("rtnl: \"{what}{word}\" is not supported"))
}

/// A command of an object (`link add`, `route show`): the function that runs it.
pub type Cmd = fn(&mut Ctx, &mut Args<'_>) -> CmdResult;

/// `rtnl OBJECT ...` as ip's `do_ipaddr()`, `do_iproute()`, ... read it: no word runs
/// `default` (ip's `show`), else the first of `commands` (in ip's order) the word is a prefix
/// of runs; one listed without a function is refused as not supported (exit 255), and an
/// unknown word is ip's `Command "x" is unknown, try "ip OBJECT help".`
pub fn dispatch(
    ctx: &mut Ctx,
    args: &mut Args<'_>,
    object: &str,
    commands: &[(&str, Option<Cmd>)],
    default: Cmd,
) -> CmdResult {
    let Some(word) = args.next() else {
        return default(ctx, args);
    };
    match commands.iter().find(|(name, _)| matches(word, name)) {
        Some((_, Some(cmd))) => cmd(ctx, args),
        Some((name, None)) => Err(unsupported_word(&format!("{object} "), name)),
        None => Err(unknown_command(word, object)),
    }
}

/// The words of one command, with a cursor.
///
/// Each word is held twice: as text, for keywords, numbers and messages (bytes that are not
/// UTF-8 read as U+FFFD), and as the bytes the kernel passed, which names go out as
/// ([`Args::bytes`]): `ip` sends a name's bytes as they are.
#[derive(Clone, Debug)]
pub struct Args<'a> {
    /// Every word of the command, as text.
    words: &'a [String],
    /// Every word of the command, as bytes (`raw[i]` is `words[i]`'s).
    raw: &'a [Vec<u8>],
    /// The index of the next word to read.
    pos: usize,
}

impl<'a> Args<'a> {
    /// The words (text and the same words as bytes), cursor at the first.
    pub fn new(words: &'a [String], raw: &'a [Vec<u8>]) -> Self {
        Args { words, raw, pos: 0 }
    }

    /// The bytes of `word`, one of these words as [`Args::next`] returned it (a name the
    /// kernel takes as bytes); any other text is its own UTF-8 bytes.
    pub fn bytes(&self, word: &'a str) -> &'a [u8] {
        self.words
            .iter()
            .zip(self.raw)
            .find(|(text, _)| std::ptr::eq(text.as_str(), word))
            .map_or(word.as_bytes(), |(_, raw)| raw.as_slice())
    }

    /// The word at the cursor, without moving.
    pub fn peek(&self) -> Option<&'a str> {
        self.words.get(self.pos).map(String::as_str)
    }

    /// The word at the cursor; the cursor moves past it.
    pub fn next(&mut self) -> Option<&'a str> {
        let word = self.peek()?;
        self.pos += 1;
        Some(word)
    }

    /// The value after a keyword (`ip`'s `NEXT_ARG()`): missing is
    /// `Command line is not complete`.
    pub fn value(&mut self) -> CmdResult<&'a str> {
        self.next().ok_or_else(incomplete)
    }

    /// The value after `key`, which may be given once (`ip`'s `duparg` on a second one).
    pub fn value_once<T>(&mut self, key: &str, slot: &Option<T>) -> CmdResult<&'a str> {
        let value = self.value()?;
        if slot.is_some() {
            return Err(duparg(key, value));
        }
        Ok(value)
    }

    /// The value after a keyword, read by `parse` (`ip`'s `NEXT_ARG()` and a `get_*()` or
    /// `rtnl_*_a2n()`); one it refuses is `invarg(msg, value)`. A function pointer, not a
    /// closure, so one copy serves every keyword whose value has the same type.
    pub fn value_by<T>(&mut self, msg: &str, parse: fn(&str) -> Option<T>) -> CmdResult<T> {
        let value = self.value()?;
        parse(value).ok_or_else(|| invarg(msg, value))
    }
}

/// A number as `ip`'s `get_unsigned`/`get_u32`/`get_u16`/`get_u8(&v, word, 0)` read it (C's
/// `strtoul` with base 0: `010` is 8, `0x10` is 16, `08` is refused; see
/// [`names::strtoul`]) that fits `T`; else `Invalid "key" value`.
pub fn number<T: TryFrom<u64>>(key: &str, word: &str) -> CmdResult<T> {
    names::strtoul(word)
        .and_then(|n| T::try_from(n).ok())
        .ok_or_else(|| invarg(&format!("Invalid \"{key}\" value\n"), word))
}

/// A number as `ip`'s `get_integer(&v, word, 0)` reads it (C's `strtol` with base 0, within
/// `int`; see [`names::parse_integer`]); else `Invalid "key" value`.
pub fn integer(key: &str, word: &str) -> CmdResult<i32> {
    names::parse_integer(word).ok_or_else(|| invarg(&format!("Invalid \"{key}\" value\n"), word))
}

/// A link group (`default` or a number) as `ip`'s `rtnl_group_a2n` reads it (see
/// [`names::parse_group`]); else `Invalid "group" value`.
pub fn group(word: &str) -> CmdResult<u32> {
    names::parse_group(word).ok_or_else(|| invarg("Invalid \"group\" value\n", word))
}

/// `on` or `off` (any prefix, as `ip`'s `parse_on_off`).
pub fn on_off(key: &str, word: &str) -> CmdResult<bool> {
    if matches(word, "on") {
        Ok(true)
    } else if matches(word, "off") {
        Ok(false)
    } else {
        Err(Failure::Local(format!(
            "Error: argument of \"{key}\" must be \"on\" or \"off\", not \"{word}\""
        )))
    }
}

/// A link-layer address `aa:bb:...` (1 to 32 bytes); else `"x" is invalid lladdr.` (exit 1).
pub fn lladdr(word: &str) -> CmdResult<Vec<u8>> {
    let bytes: Option<Vec<u8>> = word
        .split(':')
        .map(|part| {
            (!part.is_empty() && part.len() <= 2)
                .then(|| u8::from_str_radix(part, 16).ok())
                .flatten()
        })
        .collect();
    match bytes {
        Some(bytes) if !bytes.is_empty() && bytes.len() <= 32 => Ok(bytes),
        _ => Err(Failure::Local(format!("\"{word}\" is invalid lladdr."))),
    }
}

/// A 6-byte MAC address, for the places the library takes one.
pub fn mac(word: &str) -> CmdResult<[u8; 6]> {
    let bytes = lladdr(word)?;
    bytes
        .as_slice()
        .try_into()
        .map_err(|_| Failure::Local(format!("\"{word}\" is invalid lladdr.")))
}

/// What `ip`'s `get_addr_1()` / `get_prefix_1()` read from a word (iproute2's `inet_prefix`,
/// lib/utils.c): an address or one of the words `default`, `any`, `all`, and a prefix length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Inet {
    /// The address; `None` for `default`, `any` and `all` (ip's `bitlen == -2`), which take
    /// the family they were read in.
    pub addr: Option<IpAddr>,
    /// The family: the address's, or for the words the one asked for (`Family::Any`: ip's
    /// `AF_UNSPEC`, no family at all).
    pub family: Family,
    /// The prefix length: the one given after `/`, else the host length (32, 128), else 0 for
    /// the words.
    pub len: u8,
    /// ip's `PREFIXLEN_SPECIFIED`: a `/LEN` was given, or the word was `default`.
    pub len_given: bool,
    /// `any` or `all`: ip reads them with no address bytes at all (`bytelen` 0), where
    /// `default` has the family's zero address.
    pub empty: bool,
}

impl Inet {
    /// The address, or the family's zero address (`0.0.0.0`, `::`) for `default`/`any`/`all`
    /// read in a family; `None` for those words read in none (ip's `AF_UNSPEC`).
    pub fn addr_or_zero(&self) -> Option<IpAddr> {
        self.addr.or(match self.family {
            Family::Inet => Some(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED)),
            Family::Inet6 => Some(IpAddr::V6(std::net::Ipv6Addr::UNSPECIFIED)),
            Family::Any | Family::Link | Family::Bridge => None,
        })
    }

    /// The address bytes ip sends for this word: the address, or the family's zero address
    /// for `default` read in a family; `None` where ip sends no bytes (`any`, `all`, and
    /// `default` read in no family).
    pub fn address(&self) -> Option<IpAddr> {
        if self.empty {
            return None;
        }
        self.addr_or_zero()
    }

    /// [`Inet::address`], or a refusal: ip sends `word` with no address bytes, which rtnl
    /// cannot.
    pub fn required(&self, word: &str) -> CmdResult<IpAddr> {
        self.address()
            .ok_or_else(|| unsupported_word("an address without bytes: ", word))
    }

    /// The prefix of an address read: `None` for `default`, `any` and `all`, which select
    /// everything in a filter.
    pub fn given_prefix(&self) -> Option<IpPrefix> {
        // The length is never past the family's: the reader refuses it.
        self.addr
            .and_then(|addr| IpPrefix::new(addr, self.len).ok())
    }

    /// The address and length as a prefix (the family's default route for the words read
    /// in a family); `None` for the words read in none.
    pub fn prefix(&self) -> Option<IpPrefix> {
        // The length is never past the family's: the reader refuses it.
        self.addr_or_zero()
            .and_then(|addr| IpPrefix::new(addr, self.len).ok())
    }
}

/// The family as the library names it, for [`Family::Inet`] and [`Family::Inet6`].
pub fn ip_family(family: Family) -> Option<rtnl_ip::Family> {
    match family {
        Family::Inet => Some(rtnl_ip::Family::V4),
        Family::Inet6 => Some(rtnl_ip::Family::V6),
        Family::Any | Family::Link | Family::Bridge => None,
    }
}

/// The [`Family`] of an address (ip's `inet_prefix.family` after a read).
pub fn family_of(addr: IpAddr) -> Family {
    match addr {
        IpAddr::V4(_) => Family::Inet,
        IpAddr::V6(_) => Family::Inet6,
    }
}

/// An address as `ip`'s `get_addr_1(word, family)` reads it: `default`, `any` and `all`
/// (compared whole); with a `:` an IPv6 address as glibc's `inet_pton` reads it; else the
/// IPv4 short forms of [`ipv4`]. The family must be `family`'s unless that is
/// [`Family::Any`]. `None` where ip fails. `-0` (ip's `AF_PACKET`, where ip reads a
/// link-layer address) reads nothing.
pub fn read_addr(word: &str, family: Family) -> Option<Inet> {
    let words = |len_given, empty| {
        Some(Inet {
            addr: None,
            family,
            len: 0,
            len_given,
            empty,
        })
    };
    match word {
        "default" => return words(true, false),
        "any" | "all" => return words(false, true),
        _ => {}
    }
    let addr = if word.contains(':') {
        if !matches!(family, Family::Any | Family::Inet6) {
            return None;
        }
        IpAddr::V6(ipv6(word)?)
    } else {
        if !matches!(family, Family::Any | Family::Inet) {
            return None;
        }
        IpAddr::V4(ipv4(word)?)
    };
    let len = rtnl_ip::Family::of(addr).max_prefix_len();
    Some(Inet {
        addr: Some(addr),
        family: family_of(addr),
        len,
        len_given: false,
        empty: false,
    })
}

/// A prefix as `ip`'s `get_prefix_1(word, family)` reads it: [`read_addr`] before the first
/// `/`, then a length: a number (C's base 0) up to the family's length, or a contiguous IPv4
/// netmask in any form [`read_addr`] takes (`255.255.255.0`, `255.255`; `default` is 0). The
/// words `default`/`any`/`all` take no length.
pub fn read_prefix(word: &str, family: Family) -> Option<Inet> {
    let (addr, len) = match word.split_once('/') {
        Some((addr, len)) => (addr, Some(len)),
        None => (word, None),
    };
    let mut inet = read_addr(addr, family)?;
    if let Some(len) = len {
        let max = inet.addr.map(|a| rtnl_ip::Family::of(a).max_prefix_len())?;
        inet.len = netmask(len).filter(|&n| n <= u32::from(max))? as u8;
        inet.len_given = true;
    }
    Some(inet)
}

/// ip's `get_netmask()`: a number (`get_unsigned`, base 0), else an IPv4 netmask whose host
/// bits are contiguous (`mask2bits()`), as its length.
fn netmask(word: &str) -> Option<u32> {
    names::parse_number(word).or_else(|| {
        let mask = match read_addr(word, Family::Inet)? {
            Inet {
                addr: Some(IpAddr::V4(mask)),
                ..
            } => u32::from(mask),
            _ => 0,
        };
        let host = !mask;
        (host & host.wrapping_add(1) == 0).then(|| mask.leading_ones())
    })
}

/// An IPv4 address as `ip`'s `get_addr_ipv4()` reads it (not `inet_aton`): 1 to 4 parts
/// separated by dots, each C's `strtoul(part, 0)` (hex `0x`, octal after a leading `0`, blanks
/// and a sign before it) up to 255, filling the bytes from the first: `198.51` is
/// `198.51.0.0`, `0x0a.1` is `10.1.0.0`.
pub fn ipv4(word: &str) -> Option<std::net::Ipv4Addr> {
    let mut bytes = [0u8; 4];
    let mut parts = word.split('.');
    for byte in &mut bytes {
        let Some(part) = parts.next() else {
            break;
        };
        *byte = names::strtoul(part).and_then(|n| u8::try_from(n).ok())?;
    }
    parts
        .next()
        .is_none()
        .then_some(std::net::Ipv4Addr::from(bytes))
}

/// An IPv6 address as glibc's `inet_pton(AF_INET6)` reads it: up to eight groups of 1 to 4
/// hex digits, one `::` for a run of zero groups (never for none), an IPv4 dotted quad (four
/// decimal parts, no leading zeros) in place of the last two groups; nothing else (no zone
/// id, no blanks).
pub fn ipv6(word: &str) -> Option<std::net::Ipv6Addr> {
    let mut bytes = word.as_bytes();
    let mut groups = [0u16; 8];
    let mut n = 0;
    // Where `::` stands: how many groups came before it.
    let mut gap = None;
    if let Some(rest) = bytes.strip_prefix(b"::") {
        gap = Some(0);
        bytes = rest;
    } else if bytes.first() == Some(&b':') {
        return None;
    }
    while !bytes.is_empty() {
        let digits = bytes.iter().take_while(|b| b.is_ascii_hexdigit()).count();
        if bytes.get(digits) == Some(&b'.') {
            // The rest is a dotted quad: two groups.
            let quad = std::str::from_utf8(bytes).ok().and_then(dotted_quad)?;
            if n + 2 > 8 {
                return None;
            }
            groups[n] = u16::from_be_bytes([quad[0], quad[1]]);
            groups[n + 1] = u16::from_be_bytes([quad[2], quad[3]]);
            n += 2;
            break;
        }
        if digits == 0 || digits > 4 || n == 8 {
            return None;
        }
        let text = std::str::from_utf8(&bytes[..digits]).ok()?;
        groups[n] = u16::from_str_radix(text, 16).ok()?;
        n += 1;
        bytes = &bytes[digits..];
        match bytes {
            [] => {}
            [b':', b':', rest @ ..] => {
                if gap.is_some() {
                    return None;
                }
                gap = Some(n);
                bytes = rest;
            }
            // A single `:` must be followed by a group.
            [b':', rest @ ..] if !rest.is_empty() => bytes = rest,
            _ => return None,
        }
    }
    let mut out = [0u16; 8];
    match gap {
        // `::` stands for at least one zero group.
        Some(at) if n < 8 => {
            out[..at].copy_from_slice(&groups[..at]);
            out[8 - (n - at)..].copy_from_slice(&groups[at..n]);
        }
        None if n == 8 => out = groups,
        _ => return None,
    }
    Some(std::net::Ipv6Addr::from(out))
}

/// glibc's `inet_pton4()`: exactly four decimal parts, each up to 255, no leading zeros.
fn dotted_quad(text: &str) -> Option<[u8; 4]> {
    let mut quad = [0u8; 4];
    let mut parts = text.split('.');
    for byte in &mut quad {
        let part = parts.next()?;
        let ok = !part.is_empty()
            && part.bytes().all(|b| b.is_ascii_digit())
            && (part.len() == 1 || !part.starts_with('0'));
        *byte = ok.then(|| part.parse().ok()).flatten()?;
    }
    parts.next().is_none().then_some(quad)
}

/// How `ip` names a family in its messages (`family_name_verbose()`).
fn family_name(family: Family) -> &'static str {
    match family {
        Family::Any => "any valid",
        Family::Inet => "inet",
        Family::Inet6 => "inet6",
        Family::Link => "link",
        Family::Bridge => "bridge",
    }
}

/// `ip`'s `get_addr(word, family)`: [`read_addr`], else `Error: inet address is expected
/// rather than "x".` (the family as ip names it; exit 1).
pub fn inet_addr(word: &str, family: Family) -> CmdResult<Inet> {
    read_addr(word, family).ok_or_else(|| {
        Failure::Local(format!(
            "Error: {} address is expected rather than \"{word}\".",
            family_name(family)
        ))
    })
}

/// `ip`'s `get_prefix(word, family)`: [`read_prefix`], else `Error: inet prefix is expected
/// rather than "x".` (exit 1); with `-0`, `Error: "x" may be inet prefix, but it is not
/// allowed in this context.`
pub fn inet_prefix(word: &str, family: Family) -> CmdResult<Inet> {
    if family == Family::Link {
        return Err(Failure::Local(format!(
            "Error: \"{word}\" may be inet prefix, but it is not allowed in this context."
        )));
    }
    read_prefix(word, family).ok_or_else(|| {
        Failure::Local(format!(
            "Error: {} prefix is expected rather than \"{word}\".",
            family_name(family)
        ))
    })
}

/// An address the library sends, as `ip`'s `get_addr(word, family)` reads it ([`inet_addr`],
/// then [`Inet::required`]).
pub fn ip_addr_in(word: &str, family: Family) -> CmdResult<IpAddr> {
    inet_addr(word, family)?.required(word)
}

/// ip's `if (req.family == AF_UNSPEC) req.family = addr.family`: the family the next words of
/// a request are read in, once an address has been read.
pub fn learn(known: &mut Family, addr: IpAddr) {
    if *known == Family::Any {
        *known = family_of(addr);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_is_a_nonempty_prefix() {
        assert!(matches("sh", "show"));
        assert!(matches("show", "show"));
        assert!(!matches("", "show"));
        assert!(!matches("shows", "show"));
    }

    #[test]
    fn numbers_and_addresses() {
        assert_eq!(number::<u32>("mtu", "1400").unwrap(), 1400);
        assert_eq!(number::<u32>("mtu", "0x10").unwrap(), 16);
        assert!(number::<u8>("ttl", "256").is_err());
        assert_eq!(number::<u32>("mtu", "01400").unwrap(), 768);
        assert!(number::<u32>("table", "08").is_err());
        assert!(number::<u32>("metric", "-1").is_err());
        assert_eq!(number::<u32>("metric", "-0").unwrap(), 0);
        assert_eq!(integer("mtu", "-1").unwrap(), -1);
        assert!(integer("txqueuelen", "4294967295").is_err());
        assert_eq!(group("-0").unwrap(), 0);
        assert_eq!(lladdr("2:0:a:ff:0:1").unwrap(), [2, 0, 10, 255, 0, 1]);
        assert!(lladdr("zz").is_err());
        assert_eq!(read_prefix("192.0.2.1/24", Family::Any).unwrap().len, 24);
        assert_eq!(read_prefix("2001:db8::1", Family::Any).unwrap().len, 128);
        assert!(read_prefix("192.0.2.1/33", Family::Any).is_none());
    }

    /// `word` read by [`read_prefix`] in `family`, as `addr/len` (`-` for no address), and
    /// whether a length was given.
    fn read(word: &str, family: Family) -> Option<(String, bool)> {
        read_prefix(word, family).map(|i| {
            let addr = i.addr.map_or("-".to_owned(), |a| a.to_string());
            (format!("{addr}/{}", i.len), i.len_given)
        })
    }

    #[test]
    fn ipv4_short_forms_are_read_as_get_addr_ipv4_reads_them() {
        for (word, addr) in [
            ("198.51", "198.51.0.0"),
            ("10", "10.0.0.0"),
            ("0", "0.0.0.0"),
            ("0x0a.1", "10.1.0.0"),
            ("012.0.0.1", "10.0.0.1"),
            (" 1.+2.-0.3", "1.2.0.3"),
            ("0XfF.255.255.255", "255.255.255.255"),
            ("192.0.2.1", "192.0.2.1"),
        ] {
            assert_eq!(
                ipv4(word).map(|a| a.to_string()).as_deref(),
                Some(addr),
                "{word}"
            );
        }
        for word in [
            "",
            ".",
            "1.",
            "1..2",
            "256",
            "1.2.3.4.5",
            "08",
            "0x",
            "1.0x",
            "-1",
            "1 ",
            "1.2.3.4x",
            "a.b",
            "99999999999999999999999",
        ] {
            assert_eq!(ipv4(word), None, "{word:?}");
        }
    }

    #[test]
    fn ipv6_is_read_as_inet_pton_reads_it() {
        for (word, addr) in [
            ("::", "::"),
            ("::1", "::1"),
            ("1::", "1::"),
            ("2001:DB8::1", "2001:db8::1"),
            ("::ffff:1.2.3.4", "::ffff:1.2.3.4"),
            ("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"),
            ("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"),
            ("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8"),
            ("0001:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"),
        ] {
            assert_eq!(
                ipv6(word).map(|a| a.to_string()).as_deref(),
                Some(addr),
                "{word}"
            );
        }
        for word in [
            ":",
            ":::",
            ":1::",
            "1:",
            "1::2::3",
            "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7:8::",
            "::1:2:3:4:5:6:7:8",
            "fe80::1%lo",
            "12345::",
            "::01.2.3.4",
            "::1.2.3",
            "::1.2.3.4.",
            "::1.2.3.256",
            "1:2:3:4:5:6:7:1.2.3.4",
            "::1.2.3.4:1",
            " ::1",
            "::g",
            "1:2:3:4:5:6:7",
        ] {
            assert_eq!(ipv6(word), None, "{word:?}");
        }
    }

    #[test]
    fn prefixes_words_and_masks_are_read_as_get_prefix_1_reads_them() {
        let some = |text: &str, given: bool| Some((text.to_owned(), given));
        assert_eq!(read("10/8", Family::Any), some("10.0.0.0/8", true));
        assert_eq!(read("0/0", Family::Inet), some("0.0.0.0/0", true));
        assert_eq!(read("198.51/16", Family::Any), some("198.51.0.0/16", true));
        assert_eq!(read("192.0.2.1", Family::Any), some("192.0.2.1/32", false));
        assert_eq!(
            read("192.0.2.0/0x18", Family::Any),
            some("192.0.2.0/24", true)
        );
        assert_eq!(
            read("192.0.2.0/030", Family::Any),
            some("192.0.2.0/24", true)
        );
        assert_eq!(
            read("192.0.2.0/255.255.255.0", Family::Any),
            some("192.0.2.0/24", true)
        );
        assert_eq!(
            read("192.0.2.0/255.255", Family::Any),
            some("192.0.2.0/16", true)
        );
        assert_eq!(
            read("192.0.2.0/0.0.0.0", Family::Any),
            some("192.0.2.0/0", true)
        );
        assert_eq!(
            read("192.0.2.0/default", Family::Any),
            some("192.0.2.0/0", true)
        );
        assert_eq!(
            read("2001:db8::/255.255.0.0", Family::Any),
            some("2001:db8::/16", true)
        );
        assert_eq!(
            read("2001:db8::/64", Family::Inet6),
            some("2001:db8::/64", true)
        );
        assert_eq!(read("default", Family::Inet), some("-/0", true));
        assert_eq!(read("any", Family::Any), some("-/0", false));
        assert_eq!(read("all", Family::Inet6), some("-/0", false));
        for (word, family) in [
            ("192.0.2.0/255.0.255.0", Family::Any),
            ("192.0.2.0/255", Family::Any),
            ("192.0.2.0/33", Family::Any),
            ("192.0.2.0/08", Family::Any),
            ("192.0.2.0/", Family::Any),
            ("192.0.2.0/24/1", Family::Any),
            ("2001:db8::/129", Family::Any),
            ("2001:db8::/ffff::", Family::Any),
            ("default/0", Family::Inet),
            ("any/0", Family::Any),
            ("Default", Family::Any),
            ("192.0.2.1", Family::Inet6),
            ("2001:db8::1", Family::Inet),
            ("192.0.2.1", Family::Bridge),
            ("192.0.2.1", Family::Link),
            ("foo", Family::Any),
        ] {
            assert_eq!(read(word, family), None, "{word} in {family:?}");
        }
        let default = read_prefix("default", Family::Inet6).unwrap();
        assert!(!default.empty && default.family == Family::Inet6);
        assert_eq!(default.prefix(), Some(IpPrefix::DEFAULT_V6));
        let any = read_prefix("any", Family::Any).unwrap();
        assert!(any.empty && any.prefix().is_none());
    }

    #[test]
    fn failures_say_what_ip_says() {
        let message = |r: CmdResult<Inet>| r.map_err(|e| (e.code(), e.to_string())).err();
        assert_eq!(
            message(inet_addr("x", Family::Inet6)),
            Some((
                1,
                "Error: inet6 address is expected rather than \"x\".".to_owned()
            ))
        );
        assert_eq!(
            message(inet_prefix("1/33", Family::Any)),
            Some((
                1,
                "Error: any valid prefix is expected rather than \"1/33\".".to_owned()
            ))
        );
        assert_eq!(
            message(inet_prefix("1", Family::Link)),
            Some((
                1,
                "Error: \"1\" may be inet prefix, but it is not allowed in this context."
                    .to_owned()
            ))
        );
        assert_eq!(message(inet_addr("198.51", Family::Inet)), None);
    }
}
