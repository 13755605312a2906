//! The `rtnl` command line: iproute2's `ip` syntax for links, addresses, routes, named
//! namespaces and events, so scripts can switch from `ip` to `rtnl`.
//!
//! `rtnl [OPTIONS] OBJECT [COMMAND [ARGS]]`, where objects, commands and most keywords may be
//! abbreviated as `ip` allows (`ip`'s own table decides: `l` is `link`, `a` is `address`, `r`
//! is `route`, `n` is `neighbor`). Output is `ip`'s text, or with
//! `-j` the JSON `ip -j` prints; failures print `ip`'s messages and exit with `ip`'s codes
//! (2 when the kernel refused, 1 for local failures, 255 for bad arguments).
//!
//! Beyond `ip`: `-timeout SECONDS` gives the whole run a deadline (exit 124 when it passes),
//! and `link wait` / `address wait` wait for a state (see the `wait` module).

mod address;
pub mod args;
mod batch;
mod link;
mod link_bridge;
mod link_ipvlan;
mod link_macvlan;
mod monitor;
mod neigh;
mod netns;
mod out;
mod route;
mod rule;
mod tuntap;
mod wait;

use std::ffi::OsStr;
use std::io::BufRead;
use std::os::unix::ffi::OsStrExt as _;
use std::time::Duration;

use rtnl_ip::show::{Palette, Printer};
use rtnl_ip::{Deadline, Handle, NetnsRef};

use args::{Args, CmdResult, Failure, matches, naming};

/// `-f`/`-4`/`-6`/`-0`: the address family commands are limited to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Family {
    /// Every family (`ip`'s default).
    #[default]
    Any,
    /// `-4`, `-f inet`.
    Inet,
    /// `-6`, `-f inet6`.
    Inet6,
    /// `-0`, `-f link`: links only.
    Link,
    /// `-f bridge`: bridge forwarding databases (`AF_BRIDGE`); read by `neigh` only so far.
    Bridge,
}

/// The options before the object, as `ip` reads them.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `-j`, `-json`: print JSON.
    pub json: bool,
    /// `-p`, `-pretty`: indent the JSON.
    pub pretty: bool,
    /// `-d`, `-details`: more of each object (the `linkinfo` of links).
    pub details: bool,
    /// `-n`, `-netns NETNS`: work in this namespace (a name in `/run/netns`, or a path), as
    /// the word's bytes.
    pub netns: Option<std::ffi::OsString>,
    /// `-b`, `-batch FILE`: read commands from FILE (`-` for stdin), the word's bytes.
    pub batch: Option<std::ffi::OsString>,
    /// `-force`: go on after a failed command of a batch.
    pub force: bool,
    /// `-4`, `-6`, `-0`, `-f FAMILY`.
    pub family: Family,
    /// `-timeout SECONDS` (beyond `ip`): how long the whole run may take.
    pub timeout: Option<Duration>,
    /// `-a`, `-all`: `netns exec` and `netns delete` act on every named namespace.
    pub all: bool,
    /// `-s`, `-stats`, `-statistics`: how many times given (`-s -s`: the error breakdown).
    pub stats: u8,
    /// `-h`, `-human`: counters scaled (`1.2M`); `-iec` scales by 1024.
    pub human: bool,
    /// `-iec`: with `-h`, powers of 1024.
    pub iec: bool,
    /// `-br`, `-brief`: the brief forms of `link` and `address`.
    pub brief: bool,
    /// `-o`, `-oneline`: each object on one line, inner line breaks as `\`.
    pub oneline: bool,
    /// `-c`, `-color[=always|auto|never]`: colour names, addresses and states.
    pub color: ColorWhen,
    /// `-r`, `-resolve`: host names for addresses the C library's resolver knows, as `ip`
    /// prints them ([`rtnl_ip::names::set_resolve_hosts`]).
    pub resolve: bool,
    /// `-N`, `-Numeric`: protocols, scopes, tables, route types, groups and link types as
    /// numbers ([`rtnl_ip::names::set_numeric`]).
    pub numeric: bool,
    /// `-echo`: requests that change something carry `NLM_F_ECHO`, and what the kernel echoes
    /// back is printed as a monitor line (`ip`'s `rtnl_echo_talk`).
    pub echo: bool,
    /// `-t`, `-timestamp` (and `-ts`): `monitor` stamps each event with the time.
    pub timestamp: bool,
    /// `-ts`, `-tshort`: the stamp is a short `[YYYY-MM-DDTHH:MM:SS.USEC]` prefix.
    pub timestamp_short: bool,
}

/// When `-c` colours the text (iproute2's `enum color_opt`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ColorWhen {
    /// No `-c`, or `-c=never`.
    #[default]
    Never,
    /// `-c=auto`: when stdout is a terminal.
    Auto,
    /// `-c`, `-c=always`.
    Always,
}

impl Options {
    /// The counters' style `-s`/`-h`/`-iec` ask for.
    pub fn stats_style(&self) -> rtnl_ip::show::stats::StatsStyle {
        use rtnl_ip::show::stats::{Human, StatsStyle};
        let human = match (self.human, self.iec) {
            (false, _) => Human::Off,
            (true, false) => Human::Si,
            (true, true) => Human::Iec,
        };
        StatsStyle {
            level: self.stats,
            human,
        }
    }

    /// The palette text is coloured with, if any (`check_enable_color()`): never for JSON;
    /// for `auto` only on a terminal; dark or light by `COLORFGBG`.
    pub fn palette(&self) -> Option<Palette> {
        use std::io::IsTerminal;
        let on = match self.color {
            ColorWhen::Never => false,
            ColorWhen::Auto => std::io::stdout().is_terminal(),
            ColorWhen::Always => true,
        };
        (on && !self.json).then(|| {
            let fgbg = std::env::var_os("COLORFGBG");
            Palette::from_colorfgbg(fgbg.as_ref().map(|v| v.as_encoded_bytes()))
        })
    }
}

/// `matches_color()`: `-color` (or a prefix of it, down to `-c`) alone or with
/// `=always|auto|never`; `None` for any other option.
fn color_option(opt: &str) -> Option<ColorWhen> {
    let (name, value) = opt.split_once('=').unwrap_or((opt, ""));
    if !matches(name, "-color") {
        return None;
    }
    match value {
        "" | "always" => Some(ColorWhen::Always),
        "auto" => Some(ColorWhen::Auto),
        "never" => Some(ColorWhen::Never),
        _ => None,
    }
}

/// What a command runs with: the options, one handle for the whole run (opened when first
/// needed), and the text to print when the command ends.
pub struct Ctx {
    /// The global options.
    pub opts: Options,
    /// The handle, once a command needed one.
    handle: Option<Handle>,
    /// What the running command prints, written out when it ends (or, for `monitor`, as it
    /// goes).
    pub out: String,
    /// When the run must end (`-timeout`), set on the handle.
    deadline: Option<Deadline>,
}

impl Ctx {
    /// A context with `opts` and no handle yet.
    pub fn new(opts: Options) -> Self {
        Ctx {
            deadline: opts.timeout.map(Deadline::after),
            opts,
            handle: None,
            out: String::new(),
        }
    }

    /// The handle, opened on first use: in the `-n` namespace when one was given (a failure to
    /// open it is `ip`'s `Cannot open network namespace "x": ...`, exit 255).
    pub fn handle(&mut self) -> CmdResult<&mut Handle> {
        if self.handle.is_none() {
            let mut handle = match &self.opts.netns {
                None => Handle::new().map_err(Failure::Lib)?,
                Some(netns) => Handle::in_netns(netns_ref(netns))
                    .map_err(|e| naming(netns.as_bytes(), |_| Failure::LibUsage(e)))?,
            };
            handle.set_deadline(self.deadline);
            handle.set_echo(self.opts.echo);
            // ip never redoes a dump the kernel reports inconsistent: it prints what it read
            // once and warns (`run_one`), so a streamed object is never printed twice.
            handle.set_retry_interrupted_dumps(false);
            self.handle = Some(handle);
        }
        Ok(self.handle.as_mut().expect("opened above"))
    }

    /// Prints the kernel's warning on the last request, if it sent one, as `ip` does
    /// (`Warning: <text>.` on stderr).
    pub fn warn(&mut self) {
        if let Some(text) = self.handle.as_ref().and_then(Handle::last_warning) {
            let dot = if text.ends_with('.') { "" } else { "." };
            eprintln!("Warning: {text}{dot}");
        }
    }

    /// A printer for the command's output: text or JSON by the options, into a buffered
    /// stdout (what was added to `out` before goes first).
    pub fn printer(&mut self) -> Out {
        self.flush();
        let stdout = std::io::BufWriter::with_capacity(OUT_BUFFER, std::io::stdout().lock());
        let mut p = Printer::new(stdout, self.opts.json, self.opts.pretty);
        p.set_oneline(self.opts.oneline);
        p.set_color(self.opts.palette());
        p
    }

    /// Ends a command that printed with `p`: on success its output is written out (a closed
    /// pipe ends the program quietly, as `ip` ends on `SIGPIPE`); on failure what is still
    /// buffered is dropped, so a failed dump prints only its error, as before the output
    /// streamed.
    pub fn finish(&mut self, p: Out, result: CmdResult) -> CmdResult {
        if result.is_ok() {
            if p.finish().is_err() {
                std::process::exit(0);
            }
        } else if let Ok(stdout) = p.finish_unflushed() {
            drop(stdout.into_parts());
        }
        result
    }

    /// Writes out what the command printed so far.
    pub fn flush(&mut self) {
        out::flush(&self.out);
        self.out.clear();
    }
}

/// The printer commands write their output with.
pub type Out = Printer<std::io::BufWriter<std::io::StdoutLock<'static>>>;

/// Bytes of output buffered before a write to stdout. 16 KiB: every byte of it is touched in
/// a large dump, so it counts whole in the peak RSS, while a write per 16 KiB costs a
/// dump nothing measurable.
const OUT_BUFFER: usize = 16 * 1024;

/// A namespace as `-n` and `netns` keywords name it: a path when it contains `/`, else a
/// name in `/run/netns`.
pub fn netns_ref(word: &std::ffi::OsStr) -> NetnsRef<'_> {
    if word.as_bytes().contains(&b'/') {
        NetnsRef::Path(word)
    } else {
        NetnsRef::Name(word)
    }
}

/// A command of one object: runs with the context and the words after the object.
type ObjectFn = fn(&mut Ctx, &mut Args<'_>) -> CmdResult;

/// `ip`'s object table, in `ip`'s order (an abbreviation means the first object it prefixes),
/// with the objects `rtnl` implements.
const OBJECTS: &[(&str, Option<ObjectFn>)] = &[
    ("address", Some(address::run)),
    ("addrlabel", None),
    ("maddress", None),
    ("route", Some(route::run)),
    ("rule", Some(rule::run)),
    ("neighbor", Some(neigh::run)),
    ("neighbour", Some(neigh::run)),
    ("ntable", None),
    ("ntbl", None),
    ("link", Some(link::run)),
    ("l2tp", None),
    ("fou", None),
    ("ila", None),
    ("macsec", None),
    ("tunnel", None),
    ("tunl", None),
    ("tuntap", Some(tuntap::run)),
    ("tap", Some(tuntap::run)),
    ("token", None),
    ("tcpmetrics", None),
    ("tcp_metrics", None),
    ("monitor", Some(monitor::run)),
    ("xfrm", None),
    ("mroute", None),
    ("mrule", None),
    ("netns", Some(netns::run)),
    ("netconf", None),
    ("vrf", None),
    ("sr", None),
    ("nexthop", None),
    ("mptcp", None),
    ("ioam", None),
    ("help", Some(help)),
    ("stats", None),
];

/// `rtnl help`: the usage, exit 255 like `ip help`.
fn help(_: &mut Ctx, _: &mut Args<'_>) -> CmdResult {
    Err(Failure::Usage(USAGE.trim_end().to_owned()))
}

/// What `rtnl help` and bad global options print.
const USAGE: &str = "\
Usage: rtnl [ OPTIONS ] OBJECT { COMMAND | help }
       rtnl [ -force ] -batch filename
where  OBJECT := { link | address | route | rule | neigh | netns | monitor | tuntap }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -h[uman-readable] |
                    -iec | -j[son] | -p[retty] | -o[neline] | -br[ief] |
                    -c[olor] [=always|auto|never] |
                    -f[amily] { inet | inet6 | link } | -4 | -6 | -0 |
                    -b[atch] [filename] | -force | -n[etns] name | -a[ll] |
                    -r[esolve] | -N[umeric] | -echo | -rc[vbuf] [size] |
                    -timeo[ut] SECONDS }
Beyond ip: -timeout SECONDS gives the whole run a deadline: exit 124 when it passes.
       rtnl link wait DEVICE [ exists | up | carrier | gone ] [ timeout SECONDS ]
       rtnl address wait [ dev DEVICE ] [ timeout SECONDS ]
           wait for the state: exit 0 when reached, 124 on timeout (default 30 s),
           2 when an address failed duplicate address detection (dadfailed).
";

/// Runs one command (the words from the object on).
pub fn dispatch(ctx: &mut Ctx, words: &[String], raw: &[Vec<u8>]) -> CmdResult {
    let mut args = Args::new(words, raw);
    let Some(object) = args.next() else {
        return help(ctx, &mut args);
    };
    let found = OBJECTS.iter().find(|(name, _)| matches(object, name));
    // `-s` is read for links, addresses, neighbours and the monitor (routes print as without
    // it: ip adds only an IPv6 or cached route's `used`/`age`, not yet read; rules print
    // nothing more with it in ip either); elsewhere it stays refused rather than print less
    // than ip.
    if ctx.opts.stats > 0
        && !found.is_some_and(|(name, _)| {
            matches!(
                *name,
                "link" | "address" | "route" | "neighbor" | "neighbour" | "monitor" | "rule"
            )
        })
    {
        return Err(args::unsupported("-stats"));
    }
    // `-f bridge` likewise: other objects refuse it as before.
    if ctx.opts.family == Family::Bridge
        && !found.is_some_and(|(name, _)| matches!(*name, "neighbor" | "neighbour"))
    {
        return Err(args::invarg("invalid protocol family", "bridge"));
    }
    match found {
        Some((_, Some(run))) => run(ctx, &mut args),
        Some((name, None)) => Err(args::unsupported(name)),
        None => Err(Failure::Local(format!(
            "Object \"{object}\" is unknown, try \"ip help\"."
        ))),
    }
}

/// Whether `ip -echo` prints the kernel's echo for this command: `link`, `address` and
/// `route` changes (ip's `iplink_modify`, `ipaddr_modify`, `iproute_modify`).
fn echoes(words: &[String]) -> bool {
    let (Some(object), Some(command)) = (words.first(), words.get(1)) else {
        return false;
    };
    let object = OBJECTS.iter().find(|(name, _)| matches(object, name));
    let commands: &[&str] = match object.map(|(name, _)| *name) {
        Some("link") => &["add", "set", "change", "replace", "delete"],
        Some("address") => &["add", "change", "chg", "replace", "delete"],
        Some("route") => &["add", "change", "replace", "prepend", "append", "delete"],
        _ => return false,
    };
    commands.iter().any(|c| matches(command, c))
}

/// Runs a command and writes its output, then its failure (if any) on stderr; the exit code.
fn run_one(ctx: &mut Ctx, words: &[String], raw: &[Vec<u8>]) -> u8 {
    let mut result = dispatch(ctx, words, raw);
    if ctx
        .handle
        .as_mut()
        .is_some_and(Handle::take_dump_interrupted)
    {
        eprintln!("Dump was interrupted and may be inconsistent.");
    }
    ctx.flush();
    if ctx.opts.echo {
        if result.is_ok() && echoes(words) {
            result = monitor::print_echo(ctx);
        } else if let Some(handle) = ctx.handle.as_mut() {
            // ip prints the echo of its modify commands only.
            handle.take_echo();
        }
    }
    match result {
        Ok(()) => 0,
        Err(failure) => report(&failure),
    }
}

/// Prints a failure where `ip` prints it (stderr, but stdout for the usage texts `ip` prints
/// there); the exit code.
fn report(failure: &Failure) -> u8 {
    match failure {
        Failure::StdoutUsage(text) => out::flush(&format!("{text}\n")),
        _ => {
            // As bytes: a name in the message is printed as it was given.
            let bytes = failure.to_bytes();
            if !bytes.is_empty() {
                use std::io::Write as _;
                let mut stderr = std::io::stderr().lock();
                let _ = stderr
                    .write_all(&bytes)
                    .and_then(|()| stderr.write_all(b"\n"));
            }
        }
    }
    failure.code()
}

/// `-batch FILE`: every command of FILE on one handle; on a failure `Command failed FILE:LINE`,
/// and stop unless `-force`. Exit 1 if any command failed. FILE is the word's bytes, and is
/// printed as them.
fn run_batch(ctx: &mut Ctx, file: &OsStr) -> u8 {
    use std::io::Write as _;
    let say = |parts: &[&[u8]]| {
        let mut stderr = std::io::stderr().lock();
        let _ = parts.iter().try_for_each(|part| stderr.write_all(part));
    };
    let name = file.as_bytes();
    let input: Box<dyn BufRead> = if name == b"-" {
        Box::new(std::io::stdin().lock())
    } else {
        match std::fs::File::open(file) {
            Ok(f) => Box::new(std::io::BufReader::new(f)),
            Err(e) => {
                let errno = e.raw_os_error().unwrap_or(0);
                let why =
                    rtnl_ip::sys::strerror(errno).map_or_else(|| e.to_string(), str::to_owned);
                say(&[
                    b"Cannot open file \"",
                    name,
                    b"\" for reading: ",
                    why.as_bytes(),
                    b"\n",
                ]);
                return 1;
            }
        }
    };
    let mut reader = batch::Reader::new(input);
    let mut status = 0;
    loop {
        let command = match reader.next_command() {
            Ok(Some(command)) => command,
            Ok(None) => break,
            Err(batch::BatchError::MissingContinuation) => {
                eprintln!("Missing continuation line");
                return 1;
            }
            Err(batch::BatchError::Unterminated) => {
                eprintln!("Unterminated quoted string");
                return 1;
            }
            Err(batch::BatchError::Io(e)) => {
                say(&[
                    b"Cannot read \"",
                    name,
                    b"\": ",
                    e.to_string().as_bytes(),
                    b"\n",
                ]);
                return 1;
            }
            Err(batch::BatchError::TooManyWords) => {
                eprintln!("Too many arguments to command");
                return 1;
            }
        };
        let code = run_one(ctx, &text_words(&command.words), &command.words);
        if code == 255 {
            // ip's invarg/duparg/usage end the whole process with exit(-1), batch or not.
            return code;
        }
        if code != 0 {
            let line = command.line.to_string();
            say(&[b"Command failed ", name, b":", line.as_bytes(), b"\n"]);
            status = 1;
            if !ctx.opts.force {
                break;
            }
        }
    }
    status
}

/// Reads the options before the object (`ip`'s main loop, in its order, so `-n` is `-netns`
/// and `-b` is `-batch`); returns them and the index of the first word after them.
fn parse_options(words: &[String], raw: &[Vec<u8>]) -> CmdResult<(Options, usize)> {
    let mut opts = Options::default();
    let mut i = 0;
    while let Some(word) = words.get(i) {
        if word == "--" {
            i += 1;
            break;
        }
        if !word.starts_with('-') {
            break;
        }
        let opt = word.strip_prefix('-').unwrap_or(word);
        let opt = if opt.starts_with('-') { opt } else { word };
        let mut value = || {
            i += 1;
            words.get(i).cloned().ok_or_else(|| {
                Failure::Usage(format!(
                    "{}\nOption \"{opt}\" needs a value",
                    USAGE.trim_end()
                ))
            })
        };
        let is = |long: &str| matches(opt, long);
        // In ip's order: the first long option a prefix matches wins (`-r` is `-resolve`).
        if is("-loops") {
            value()?;
        } else if is("-family") {
            let family = value()?;
            opts.family = match family.as_str() {
                "inet" => Family::Inet,
                "inet6" => Family::Inet6,
                "link" => Family::Link,
                "bridge" => Family::Bridge,
                "help" => return Err(Failure::Usage(USAGE.trim_end().to_owned())),
                other => return Err(args::invarg("invalid protocol family", other)),
            };
        } else if opt == "-4" {
            opts.family = Family::Inet;
        } else if opt == "-6" {
            opts.family = Family::Inet6;
        } else if opt == "-0" {
            opts.family = Family::Link;
        } else if is("-human") || is("-human-readable") {
            opts.human = true;
        } else if is("-iec") {
            opts.iec = true;
        } else if is("-stats") || is("-statistics") {
            opts.stats = opts.stats.saturating_add(1);
        } else if is("-oneline") {
            opts.oneline = true;
        } else if is("-details") {
            opts.details = true;
        } else if is("-resolve") {
            opts.resolve = true;
            rtnl_ip::names::set_resolve_hosts(true);
        } else if is("-Version") {
            out::flush(&format!(
                "rtnl utility, rtnl-{}\n",
                env!("CARGO_PKG_VERSION")
            ));
            return Err(Failure::Exit(0));
        } else if is("-force") {
            opts.force = true;
        } else if is("-batch") {
            value()?;
            opts.batch = raw.get(i).map(|file| OsStr::from_bytes(file).to_owned());
        } else if is("-brief") {
            opts.brief = true;
        } else if is("-json") {
            opts.json = true;
        } else if is("-pretty") {
            opts.pretty = true;
        } else if is("-rcvbuf") {
            // The kernel's default buffer is what rtnl reads with; ip's check of the size.
            let size = value()?;
            if rtnl_ip::names::parse_number(&size).is_none() {
                return Err(Failure::Usage(format!("Invalid rcvbuf size '{size}'")));
            }
        } else if is("-help") {
            return Err(Failure::Usage(USAGE.trim_end().to_owned()));
        } else if is("-netns") {
            value()?;
            opts.netns = raw.get(i).map(|name| OsStr::from_bytes(name).to_owned());
        } else if opt.len() >= "-timeo".len() && is("-timeout") {
            // Not ip's: shorter prefixes are ip's -timestamp.
            opts.timeout = Some(wait::seconds("-timeout", &value()?)?.unwrap_or(Duration::MAX));
        } else if is("-Numeric") {
            opts.numeric = true;
            rtnl_ip::names::set_numeric(true);
        } else if is("-all") {
            opts.all = true;
        } else if opt == "-echo" {
            opts.echo = true;
        } else if let Some(when) = color_option(opt) {
            opts.color = when;
        } else if is("-timestamp") {
            opts.timestamp = true;
        } else if is("-tshort") {
            opts.timestamp = true;
            opts.timestamp_short = true;
        } else if opt == "-M" || opt == "-B" {
            return Err(args::unsupported(opt));
        } else {
            return Err(Failure::Usage(format!(
                "Option \"{opt}\" is unknown, try \"ip -help\"."
            )));
        }
        i += 1;
    }
    Ok((opts, i))
}

/// The words of a command as text, for keywords and numbers (bytes that are not UTF-8 read as
/// U+FFFD); names are taken from the words' bytes ([`Args::bytes`]), as `ip` takes them.
fn text_words(words: &[Vec<u8>]) -> Vec<String> {
    words
        .iter()
        .map(|word| String::from_utf8_lossy(word).into_owned())
        .collect()
}

/// The whole program: options, then one command or a batch; the exit code. `words` are the
/// arguments as the kernel passed them (bytes).
pub fn main(raw: &[Vec<u8>]) -> u8 {
    let words = text_words(raw);
    let words = words.as_slice();
    let (opts, first) = match parse_options(words, raw) {
        Ok(parsed) => parsed,
        Err(failure) => return report(&failure),
    };
    let batch = opts.batch.clone();
    let mut ctx = Ctx::new(opts);
    match batch {
        Some(file) => run_batch(&mut ctx, &file),
        None => run_one(&mut ctx, &words[first..], &raw[first..]),
    }
}
