//! The `rtnl` command line: iproute2's `ip` syntax for links, addresses, routes, named
//! namespaces and events, so scripts can switch from `ip` to `rtnl`.
//!
//! `rtnl [OPTIONS] OBJECT [COMMAND [ARGS]]`, where objects, commands and most keywords may be
//! abbreviated as `ip` allows (`ip`'s own table decides: `l` is `link`, `a` is `address`, `r`
//! is `route`, `n` is `neighbor`, which `rtnl` does not have). Output is `ip`'s text, or with
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
mod link_macvlan;
mod monitor;
mod netns;
mod out;
mod route;
mod wait;

use std::io::BufRead;
use std::time::Duration;

use rtnl_ip::show::Printer;
use rtnl_ip::{Deadline, Handle, NetnsRef};

use args::{Args, CmdResult, Failure, matches};

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
    /// `-n`, `-netns NETNS`: work in this namespace (a name in `/run/netns`, or a path).
    pub netns: Option<String>,
    /// `-b`, `-batch FILE`: read commands from FILE (`-` for stdin).
    pub batch: Option<String>,
    /// `-force`: go on after a failed command of a batch.
    pub force: bool,
    /// `-4`, `-6`, `-0`, `-f FAMILY`.
    pub family: Family,
    /// `-timeout SECONDS` (beyond `ip`): how long the whole run may take.
    pub timeout: Option<Duration>,
    /// `-a`, `-all`: `netns exec` and `netns delete` act on every named namespace.
    pub all: bool,
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
                Some(netns) => Handle::in_netns(netns_ref(netns)).map_err(Failure::LibUsage)?,
            };
            handle.set_deadline(self.deadline);
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
        Printer::new(stdout, self.opts.json, self.opts.pretty)
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

/// Bytes of output buffered before a write to stdout (a dump's datagram is about 32 KiB).
const OUT_BUFFER: usize = 64 * 1024;

/// A namespace as `-n` and `netns` keywords name it: a path when it contains `/`, else a
/// name in `/run/netns`.
pub fn netns_ref(text: &str) -> NetnsRef<'_> {
    if text.contains('/') {
        NetnsRef::Path(text)
    } else {
        NetnsRef::Name(text)
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
    ("rule", None),
    ("neighbor", None),
    ("neighbour", None),
    ("ntable", None),
    ("ntbl", None),
    ("link", Some(link::run)),
    ("l2tp", None),
    ("fou", None),
    ("ila", None),
    ("macsec", None),
    ("tunnel", None),
    ("tunl", None),
    ("tuntap", None),
    ("tap", None),
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
where  OBJECT := { link | address | route | netns | monitor }
       OPTIONS := { -V[ersion] | -d[etails] | -j[son] | -p[retty] |
                    -f[amily] { inet | inet6 | link } | -4 | -6 | -0 |
                    -b[atch] [filename] | -force | -n[etns] name | -a[ll] |
                    -timeo[ut] SECONDS }
Beyond ip: -timeout SECONDS gives the whole run a deadline: exit 124 when it passes.
       rtnl link wait DEVICE [ exists | up | carrier | gone ] [ timeout SECONDS ]
       rtnl address wait [ dev DEVICE ] [ timeout SECONDS ]
           wait for the state: exit 0 when reached, 124 on timeout (default 30 s),
           2 when an address failed duplicate address detection (dadfailed).
";

/// Runs one command (the words from the object on).
pub fn dispatch(ctx: &mut Ctx, words: &[String]) -> CmdResult {
    let mut args = Args::new(words);
    let Some(object) = args.next() else {
        return help(ctx, &mut args);
    };
    let found = OBJECTS.iter().find(|(name, _)| matches(object, name));
    match found {
        Some((_, Some(run))) => run(ctx, &mut args),
        Some((name, None)) => Err(args::unsupported(name)),
        None => Err(Failure::Local(format!(
            "Object \"{object}\" is unknown, try \"ip help\"."
        ))),
    }
}

/// Runs a command and writes its output, then its failure (if any) on stderr; the exit code.
fn run_one(ctx: &mut Ctx, words: &[String]) -> u8 {
    let result = dispatch(ctx, words);
    ctx.flush();
    match result {
        Ok(()) => 0,
        Err(failure) => report(&failure),
    }
}

/// Prints a failure where `ip` prints it (stderr, but stdout for the usage texts `ip` prints
/// there); the exit code.
fn report(failure: &Failure) -> u8 {
    let text = failure.to_string();
    match failure {
        Failure::StdoutUsage(_) => out::flush(&format!("{text}\n")),
        _ if !text.is_empty() => eprintln!("{text}"),
        _ => {}
    }
    failure.code()
}

/// `-batch FILE`: every command of FILE on one handle; on a failure `Command failed FILE:LINE`,
/// and stop unless `-force`. Exit 1 if any command failed.
fn run_batch(ctx: &mut Ctx, file: &str) -> u8 {
    let input: Box<dyn BufRead> = if file == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        match std::fs::File::open(file) {
            Ok(f) => Box::new(std::io::BufReader::new(f)),
            Err(e) => {
                let errno = e.raw_os_error().unwrap_or(0);
                let why =
                    rtnl_ip::sys::strerror(errno).map_or_else(|| e.to_string(), str::to_owned);
                eprintln!("Cannot open file \"{file}\" for reading: {why}");
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
                eprintln!("Cannot read \"{file}\": {e}");
                return 1;
            }
        };
        if run_one(ctx, &command.words) != 0 {
            eprintln!("Command failed {file}:{}", command.line);
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
fn parse_options(words: &[String]) -> CmdResult<(Options, usize)> {
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
        if is("-loops") || is("-rcvbuf") {
            value()?;
        } else if is("-family") {
            let family = value()?;
            opts.family = match family.as_str() {
                "inet" => Family::Inet,
                "inet6" => Family::Inet6,
                "link" => Family::Link,
                "help" => return Err(Failure::Usage(USAGE.trim_end().to_owned())),
                other => return Err(args::invarg("invalid protocol family", other)),
            };
        } else if opt == "-4" {
            opts.family = Family::Inet;
        } else if opt == "-6" {
            opts.family = Family::Inet6;
        } else if opt == "-0" {
            opts.family = Family::Link;
        } else if is("-human") || is("-human-readable") || is("-iec") {
            // Only statistics are scaled, and rtnl prints none.
        } else if is("-details") {
            opts.details = true;
        } else if is("-Version") {
            out::flush(&format!(
                "rtnl utility, rtnl-{}\n",
                env!("CARGO_PKG_VERSION")
            ));
            return Err(Failure::Exit(0));
        } else if is("-force") {
            opts.force = true;
        } else if is("-batch") {
            opts.batch = Some(value()?);
        } else if is("-json") {
            opts.json = true;
        } else if is("-pretty") {
            opts.pretty = true;
        } else if is("-help") {
            return Err(Failure::Usage(USAGE.trim_end().to_owned()));
        } else if is("-netns") {
            opts.netns = Some(value()?);
        } else if opt.len() >= "-timeo".len() && is("-timeout") {
            // Not ip's: shorter prefixes are ip's -timestamp.
            opts.timeout = Some(wait::seconds("-timeout", &value()?)?.unwrap_or(Duration::MAX));
        } else if is("-all") {
            opts.all = true;
        } else if is("-color") || opt.starts_with("-color=") || opt.starts_with("-c=") {
            // rtnl never colours its output.
        } else if [
            "-stats",
            "-statistics",
            "-resolve",
            "-oneline",
            "-timestamp",
            "-tshort",
            "-brief",
            "-Numeric",
        ]
        .iter()
        .any(|long| is(long))
            || opt == "-M"
            || opt == "-B"
            || opt == "-echo"
        {
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

/// The whole program: options, then one command or a batch; the exit code.
pub fn main(words: &[String]) -> u8 {
    let (opts, first) = match parse_options(words) {
        Ok(parsed) => parsed,
        Err(failure) => return report(&failure),
    };
    let batch = opts.batch.clone();
    let mut ctx = Ctx::new(opts);
    match batch {
        Some(file) => run_batch(&mut ctx, &file),
        None => run_one(&mut ctx, &words[first..]),
    }
}
