//! The words of a command line, read front to back the way `ip` reads them, and `ip`'s messages
//! for words it cannot use.
//!
//! `ip`'s grammar is positional keywords, each maybe followed by a value; a keyword may be
//! abbreviated to any prefix when `ip` compares it with `matches()` (`sh` for `show`), and must
//! be spelled out where `ip` uses `strcmp()` (`up`, `mtu`). [`matches()`] is the first
//! comparison; the second is `==`.

use std::fmt;
use std::net::IpAddr;

use rtnl_ip::names;

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

/// An IP address; else `Error: inet address is expected rather than "x".` (exit 1).
pub fn ip_addr(word: &str) -> CmdResult<IpAddr> {
    word.parse().map_err(|_| {
        Failure::Local(format!(
            "Error: inet address is expected rather than \"{word}\"."
        ))
    })
}

/// An address with an optional prefix length (`192.0.2.1/24`, `2001:db8::/32`, `192.0.2.1`);
/// the length defaults to the host length. `what` names the kind of value in the error
/// (`any valid prefix`, `inet prefix`).
pub fn prefix(word: &str, what: &str) -> CmdResult<(IpAddr, u8)> {
    let bad = || Failure::Local(format!("Error: {what} is expected rather than \"{word}\"."));
    let (addr, len) = match word.split_once('/') {
        Some((addr, len)) => (addr, Some(len)),
        None => (word, None),
    };
    let addr: IpAddr = addr.parse().map_err(|_| bad())?;
    let max = if addr.is_ipv4() { 32 } else { 128 };
    let len = match len {
        Some(len) => names::parse_number(len)
            .filter(|&n| n <= max)
            .ok_or_else(bad)?,
        None => max,
    };
    Ok((addr, len as u8))
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
        assert_eq!(prefix("192.0.2.1/24", "x").unwrap().1, 24);
        assert_eq!(prefix("2001:db8::1", "x").unwrap().1, 128);
        assert!(prefix("192.0.2.1/33", "x").is_err());
    }
}
