//! `rtnl netns`: `ip netns list / add / attach / set / delete / identify / pids / exec /
//! monitor / list-id` on the named namespaces of `/run/netns`, and `topology` (not in `ip`).
//!
//! ```text
//! netns [list]
//! netns add NAME
//! netns attach NAME PID
//! netns set NAME {NSID|auto}
//! [-all] netns delete [NAME]
//! netns identify [PID]
//! netns pids NAME
//! [-all] netns exec [NAME] CMD...
//! netns monitor
//! netns list-id [target-nsid POSITIVE-INT] [nsid POSITIVE-INT]
//! netns topology [-j | --dot]
//! ```
//!
//! Messages and exit codes are iproute2 6.1's: most failures exit 1, bad values 255, and
//! `exec` passes the command's status through.

use std::ffi::OsStr;
use std::fmt::Write as _;
use std::os::unix::ffi::OsStrExt as _;

use rtnl_ip::names;
use rtnl_ip::netns::Namespaces;
use rtnl_ip::topology::Topology;
use rtnl_ip::{ErrorKind, Nsid, NsidValue};

use super::Ctx;
use super::args::Cmd;
use super::args::{Args, CmdResult, Failure, duparg, incomplete, invarg, matches, naming};

/// `ip netns`'s commands in `ip`'s order (`l` is `list`, `a` is `add`, `d` is `delete`), then
/// rtnl's own.
const COMMANDS: &[(&str, Cmd)] = &[
    ("list", list),
    ("show", list),
    ("lst", list),
    ("list-id", list_id),
    ("help", help),
    ("add", add),
    ("set", set),
    ("delete", delete),
    ("identify", identify),
    ("pids", pids),
    ("exec", exec),
    ("monitor", monitor),
    ("attach", attach),
    ("topology", topology),
];

/// `rtnl netns ...`; no command is `list`.
pub fn run(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let Some(word) = args.next() else {
        return list(ctx, args);
    };
    // ip checks the word after any command as a namespace name, before it reads the command.
    if !ctx.opts.all
        && let Some(name) = args.peek()
        && rtnl_ip::sys::validate_name(args.bytes(name)).is_err()
    {
        return Err(naming(args.bytes(name), |name| {
            Failure::Usage(format!("Invalid netns name \"{name}\""))
        }));
    }
    // `list-id` is spelled out: `list` would take every prefix of it first.
    let found = if word == "list-id" {
        COMMANDS.iter().find(|(name, _)| *name == "list-id")
    } else {
        COMMANDS.iter().find(|(name, _)| matches(word, name))
    };
    match found {
        Some((_, cmd)) => cmd(ctx, args),
        None => Err(super::args::unknown_command(word, "netns")),
    }
}

/// What `rtnl netns help` prints.
const USAGE: &str = "\
Usage:	rtnl netns list
	rtnl netns add NAME
	rtnl netns attach NAME PID
	rtnl netns set NAME NETNSID
	rtnl [-all] netns delete [NAME]
	rtnl netns identify [PID]
	rtnl netns pids NAME
	rtnl [-all] netns exec [NAME] cmd ...
	rtnl netns monitor
	rtnl netns list-id [target-nsid POSITIVE-INT] [nsid POSITIVE-INT]
	rtnl netns topology [ -j | --dot ]    (rtnl only, not in ip: namespaces, links, veth pairs)
NETNSID := auto | POSITIVE-INT
";

/// `rtnl netns help`: the grammar, exit 255 like `ip netns help`.
fn help(_: &mut Ctx, _: &mut Args<'_>) -> CmdResult {
    Err(Failure::Usage(USAGE.trim_end().to_owned()))
}

/// The named namespaces of `/run/netns` (the only run dir `ip` knows).
fn namespaces() -> Namespaces {
    Namespaces::new()
}

/// `strerror` of a library failure's errno.
fn why(e: &rtnl_ip::Error) -> &'static str {
    e.errno()
        .and_then(|errno| rtnl_ip::sys::strerror(errno.raw_os_error()))
        .unwrap_or("error")
}

/// A local failure, exit 1 (`ip`'s `return -1` from a netns command).
fn local(text: impl Into<String>) -> Failure {
    Failure::Local(text.into())
}

/// The words left, all of them.
fn rest<'a>(args: &mut Args<'a>) -> Vec<&'a str> {
    std::iter::from_fn(|| args.next()).collect()
}

/// `netns list`: `NAME (id: N)` per line; JSON `[{"name":..,"id":..}]`.
fn list(ctx: &mut Ctx, _: &mut Args<'_>) -> CmdResult {
    let names = namespaces();
    let list = names.list_with(ctx.handle()?).map_err(Failure::Lib)?;
    let mut p = ctx.printer();
    if ctx.opts.json {
        p.start_list();
        for ns in &list {
            p.open_object(None);
            p.bytes(Some("name"), ns.name.as_bytes(), format_args!(""));
            if let Some(id) = ns.nsid {
                p.number(Some("id"), id, format_args!(""));
            }
            p.close_object();
        }
        p.end_list();
        return ctx.finish(p, Ok(()));
    }
    // A name is printed as its bytes, as ip prints it.
    for ns in &list {
        p.text_bytes(ns.name.as_bytes());
        if let Some(id) = ns.nsid {
            p.text(format_args!(" (id: {id})"));
        }
        p.text(format_args!("\n"));
    }
    ctx.finish(p, Ok(()))
}

/// `netns list-id [target-nsid T] [nsid N]`, read as `ip` reads it.
fn list_id(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let mut target: Option<i32> = None;
    let mut nsid: Option<i32> = None;
    while let Some(word) = args.next() {
        let (slot, key) = match word {
            "target-nsid" => (&mut target, "target-nsid"),
            "nsid" => (&mut nsid, "nsid"),
            _ => return Err(Failure::Usage(USAGE.trim_end().to_owned())),
        };
        if slot.is_some() {
            return Err(duparg(key, word));
        }
        let value = args.next().ok_or_else(incomplete)?;
        match names::parse_integer(value) {
            None => return Err(invarg(&format!("\"{key}\" value is invalid"), value)),
            // ip names the word after the value here (`(null)` when there is none).
            Some(n) if n < 0 => {
                let after = args.peek().unwrap_or("(null)");
                return Err(invarg(&format!("\"{key}\" value should be >= 0"), after));
            }
            Some(n) => *slot = Some(n),
        }
    }
    let names = namespaces();
    let ids = match (nsid, target) {
        (Some(nsid), target) => vec![
            names
                .nsid_lookup(ctx.handle()?, nsid, target)
                .map_err(Failure::Lib)?,
        ],
        (None, Some(target)) => names
            .list_id_of_target(ctx.handle()?, target)
            .map_err(dump_terminated)?,
        (None, None) => names.list_id_with(ctx.handle()?).map_err(dump_terminated)?,
    };
    print_nsids(ctx, &ids)
}

/// A failed nsid dump as `ip` reports it: the error, `Dump terminated`, exit 1.
fn dump_terminated(e: rtnl_ip::Error) -> Failure {
    local(format!("{e}\nDump terminated"))
}

/// `ip`'s `print_nsid` for each ([`rtnl_ip::show::nsid::nsid_entry`]).
fn print_nsids(ctx: &mut Ctx, ids: &[Nsid]) -> CmdResult {
    let mut p = ctx.printer();
    p.start_list();
    for id in ids {
        let name = id.name.as_deref().map(OsStr::as_bytes);
        rtnl_ip::show::nsid::nsid_entry(&mut p, id.nsid, id.current_nsid, name);
    }
    p.end_list();
    ctx.finish(p, Ok(()))
}

/// `netns add NAME`.
fn add(_: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let name = args
        .next()
        .ok_or_else(|| local("No netns name specified"))?;
    // The CLI's thread may visit the new namespace for the bind mount, as `ip` does: no
    // thread to start and reap.
    let name = args.bytes(name);
    namespaces()
        .add_on_current_thread(OsStr::from_bytes(name))
        .map_err(|e| naming(name, |_| Failure::Lib(e)))
}

/// `netns attach NAME PID`.
fn attach(_: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let (Some(name), Some(pid_word)) = (args.next(), args.next()) else {
        return Err(local("No netns name and PID specified"));
    };
    let pid = names::parse_integer(pid_word)
        .and_then(|pid| u32::try_from(pid).ok())
        .filter(|&pid| pid != 0)
        .ok_or_else(|| local(format!("Invalid PID: {pid_word}")))?;
    let name = args.bytes(name);
    namespaces()
        .attach(OsStr::from_bytes(name), pid)
        .map_err(|e| naming(name, |_| Failure::Lib(e)))
}

/// `netns delete NAME`, or with `-all` every name (stopping at the first that cannot be
/// removed, exit 0 as `ip`).
fn delete(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let names = namespaces();
    if ctx.opts.all {
        for name in names.names().map_err(Failure::Lib)? {
            if let Err(e) = names.delete(&name) {
                eprintln!("{e}");
                break;
            }
        }
        return Ok(());
    }
    let name = args
        .next()
        .ok_or_else(|| local("No netns name specified"))?;
    let name = args.bytes(name);
    names
        .delete(OsStr::from_bytes(name))
        .map_err(|e| naming(name, |_| Failure::Lib(e)))
}

/// `netns set NAME NSID|auto`.
fn set(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let name = args
        .next()
        .ok_or_else(|| local("No netns name specified"))?;
    let id = args.next().ok_or_else(|| local("No nsid specified"))?;
    let value = if id == "auto" {
        NsidValue::Auto
    } else {
        match names::parse_integer(id) {
            None => return Err(invarg("Invalid \"netnsid\" value", id)),
            Some(n) if n < 0 => return Err(invarg("\"netnsid\" value should be >= 0", id)),
            Some(n) => NsidValue::Number(n),
        }
    };
    let names = namespaces();
    let bytes = args.bytes(name);
    names
        .set_id_with(ctx.handle()?, OsStr::from_bytes(bytes), value)
        .map_err(|e| {
            naming(bytes, |name| match e.kind() {
                // ip names the namespace this way when it cannot open it.
                ErrorKind::Netns(_) | ErrorKind::Os(_) => local(format!(
                    "Cannot open network namespace \"{name}\": {}",
                    why(&e)
                )),
                _ => Failure::Lib(e),
            })
        })?;
    ctx.warn();
    Ok(())
}

/// `Cannot open network namespace: <strerror>`, `ip`'s message when a pid or name has no
/// namespace file.
fn cannot_open(e: &rtnl_ip::Error) -> Failure {
    local(format!("Cannot open network namespace: {}", why(e)))
}

/// `netns identify [PID]`: the name of the process's namespace, or an empty line. Like
/// iproute2 6.1 it prints one name, the last in directory order, when there are several.
fn identify(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let words = rest(args);
    let pid = match words.as_slice() {
        [] => std::process::id(),
        [word] => {
            if !word.bytes().all(|b| b.is_ascii_digit()) {
                return Err(local(format!("Specified string '{word}' is not a pid")));
            }
            // Digits that do not fit name no process: ip's open fails the same way.
            word.parse::<u32>().unwrap_or(u32::MAX)
        }
        _ => return Err(local("extra arguments specified")),
    };
    let found = namespaces().identify(pid).map_err(|e| cannot_open(&e))?;
    // The name's bytes, as ip prints them.
    let mut line = found
        .last()
        .map_or_else(Vec::new, |name| name.as_bytes().to_vec());
    line.push(b'\n');
    ctx.flush();
    super::out::flush_bytes(&line);
    Ok(())
}

/// `netns pids NAME`: the processes in the named namespace, one per line.
fn pids(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let words = rest(args);
    let name = match words.as_slice() {
        [] => return Err(local("No netns name specified")),
        [name] => *name,
        _ => return Err(local("extra arguments specified")),
    };
    let name = args.bytes(name);
    let pids = namespaces()
        .pids(OsStr::from_bytes(name))
        .map_err(|e| naming(name, |_| cannot_open(&e)))?;
    for pid in pids {
        let _ = writeln!(ctx.out, "{pid}");
    }
    Ok(())
}

/// `netns exec NAME CMD...`: enter the namespace as `ip` does and become the command (no
/// fork; in a batch, a child, whose status fails the line); with `-all`, `CMD...` in every
/// namespace in turn, each in a child, under a `netns: NAME` header. The name, the command and
/// its arguments are the words' bytes, as ip passes them.
fn exec(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let words: Vec<&[u8]> = rest(args)
        .into_iter()
        .map(|word| args.bytes(word))
        .collect();
    if ctx.opts.all {
        if words.is_empty() {
            return Err(local("No command specified"));
        }
        return exec_all(ctx, &words);
    }
    let [name, command @ ..] = words.as_slice() else {
        return Err(local("No netns name specified"));
    };
    if command.is_empty() {
        return Err(local("No command specified"));
    }
    let names = namespaces();
    let prepared = names
        .prepare_exec(OsStr::from_bytes(name))
        .map_err(|e| naming(name, |name| cannot_open_named(name, &e)))?;
    ctx.flush();
    if ctx.opts.batch.is_some() {
        // A command that cannot be started is reported by the child, which exits 1.
        return match exited(&prepared.run(command)) {
            0 => Ok(()),
            code => Err(Failure::Exit(code)),
        };
    }
    // ip's messages for each step (`setting the network namespace "x" failed: ...`), exit 255.
    prepared
        .enter()
        .map_err(|e| naming(name, |_| Failure::Usage(e.to_string())))?;
    // `exec` returns only when it failed, after ip's `exec of "CMD" failed: <strerror>`.
    rtnl_ip::sys::exec(command);
    Err(Failure::Exit(1))
}

/// `Cannot open network namespace "NAME": <strerror>`, exit 255 (`netns exec`).
fn cannot_open_named(name: &str, e: &rtnl_ip::Error) -> Failure {
    Failure::Usage(format!(
        "Cannot open network namespace \"{name}\": {}",
        why(e)
    ))
}

/// The exit code of a child `netns exec` ran. One that did not exit (killed by a signal) ends
/// rtnl at once with exit 1, batch or not, as it ends `ip` (iproute2 `lib/exec.c`).
fn exited(status: &std::process::ExitStatus) -> u8 {
    match status.code() {
        Some(code) => u8::try_from(code & 0xff).unwrap_or(1),
        None => std::process::exit(1),
    }
}

/// `-all netns exec CMD...`: in each namespace (directory order) under `\nnetns: NAME\n`; a
/// command that fails is reported and the next namespace follows; one killed by a signal
/// ends the run with exit 1 ([`exited`]), as `ip` does. Exit 0 otherwise.
fn exec_all(ctx: &mut Ctx, command: &[&[u8]]) -> CmdResult {
    let names = namespaces();
    for name in names.names().map_err(Failure::Lib)? {
        let mut header = b"\nnetns: ".to_vec();
        header.extend_from_slice(name.as_bytes());
        header.push(b'\n');
        ctx.flush();
        super::out::flush_bytes(&header);
        let prepared = match names.prepare_exec(&name) {
            Ok(prepared) => prepared,
            Err(e) => {
                report_bytes(&naming(name.as_bytes(), |name| cannot_open_named(name, &e)));
                continue;
            }
        };
        // A command that cannot be started is reported by the child, which exits 1.
        exited(&prepared.run(command));
    }
    Ok(())
}

/// Prints `failure`'s message on stderr, as bytes, and goes on.
fn report_bytes(failure: &Failure) {
    use std::io::Write as _;
    let mut line = failure.to_bytes();
    line.push(b'\n');
    let _ = std::io::stderr().lock().write_all(&line);
}

/// `netns monitor`: `add NAME` / `delete NAME` as names come and go, each line written out at
/// once (`ip` block-buffers when its output is not a terminal).
fn monitor(ctx: &mut Ctx, _: &mut Args<'_>) -> CmdResult {
    let events = namespaces().watch().map_err(Failure::Lib)?;
    for event in events {
        let event = event.map_err(Failure::Lib)?;
        // The name's bytes, as ip prints them.
        let mut line = event.to_bytes();
        line.push(b'\n');
        ctx.flush();
        super::out::flush_bytes(&line);
    }
    Ok(())
}

/// `netns topology [-j | --dot]` (rtnl only): every named namespace and the current one, their
/// links, and the veth pairs between them; text, JSON (also with the global `-j`) or Graphviz
/// DOT.
fn topology(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let mut json_out = ctx.opts.json;
    let mut dot = false;
    while let Some(word) = args.next() {
        match word {
            "-j" | "--json" | "json" => json_out = true,
            "--dot" | "dot" => dot = true,
            other => return Err(super::args::duparg2("topology", other)),
        }
    }
    let graph = Topology::of(&namespaces()).map_err(Failure::Lib)?;
    if dot {
        topology_dot(ctx, &graph);
        return Ok(());
    }
    let json = std::mem::replace(&mut ctx.opts.json, json_out);
    let mut p = ctx.printer();
    ctx.opts.json = json;
    rtnl_ip::show::topology::topology(&mut p, &graph);
    ctx.finish(p, Ok(()))
}

/// A DOT string literal.
fn dot_str(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Graphviz DOT: a cluster per namespace with a node per link, an edge per veth pair.
fn topology_dot(ctx: &mut Ctx, graph: &Topology) {
    ctx.out.push_str("graph netns {\n    node [shape=box];\n");
    for (i, ns) in graph.namespaces.iter().enumerate() {
        let _ = writeln!(ctx.out, "    subgraph cluster_{i} {{");
        let _ = writeln!(ctx.out, "        label={};", dot_str(ns.label()));
        for link in &ns.links {
            let _ = writeln!(
                ctx.out,
                "        \"n{i}_{}\" [label={}];",
                link.index,
                dot_str(&link.name)
            );
        }
        ctx.out.push_str("    }\n");
    }
    for [a, b] in &graph.veth_pairs {
        let node = |end: &rtnl_ip::topology::VethEnd| match end.netns {
            Some(i) => format!("\"n{i}_{}\"", end.ifindex),
            None => dot_str(&graph.end_label(end)),
        };
        let _ = writeln!(ctx.out, "    {} -- {};", node(a), node(b));
    }
    ctx.out.push_str("}\n");
}

#[cfg(test)]
mod tests {
    use rtnl_ip::names::parse_integer as c_int;

    #[test]
    fn integers_are_read_like_strtol_base_0() {
        assert_eq!(c_int("3"), Some(3));
        assert_eq!(c_int("0x10"), Some(16));
        assert_eq!(c_int("010"), Some(8));
        assert_eq!(c_int("0"), Some(0));
        assert_eq!(c_int("-1"), Some(-1));
        assert_eq!(c_int("x"), None);
        assert_eq!(c_int(""), None);
        assert_eq!(c_int("3x"), None);
        assert_eq!(c_int("2147483648"), None);
        assert_eq!(c_int("--1"), None);
    }
}
