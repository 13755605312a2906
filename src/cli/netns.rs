//! `rtnl netns`: `ip netns add / attach / delete / list / list-id / identify / pids / set`,
//! on the named namespaces of `/run/netns`.
//!
//! ```text
//! netns [list]
//! netns add NAME
//! netns attach NAME PID
//! netns delete NAME
//! netns set NAME {NSID|auto}
//! netns list-id
//! netns identify [PID]
//! netns pids NAME
//! ```

use std::fmt::Write as _;

use rtnl_ip::netns::Namespaces;
use rtnl_ip::{ErrorKind, NsidValue};

use super::Ctx;
use super::args::{self, Args, CmdResult, Failure, invarg, matches};

/// A subcommand of `netns`.
type Cmd = fn(&mut Ctx, &mut Args<'_>) -> CmdResult;

/// `ip netns`'s commands in `ip`'s order (`l` is `list`, `a` is `add`, `d` is `delete`).
const COMMANDS: &[(&str, Option<Cmd>)] = &[
    ("list", Some(list)),
    ("show", Some(list)),
    ("lst", Some(list)),
    ("list-id", Some(list_id)),
    ("help", Some(help)),
    ("add", Some(add)),
    ("set", Some(set)),
    ("delete", Some(delete)),
    ("identify", Some(identify)),
    ("pids", Some(pids)),
    ("exec", None),
    ("monitor", None),
    ("attach", Some(attach)),
];

/// `rtnl netns ...`; no command is `list`.
pub fn run(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let Some(word) = args.next() else {
        return list(ctx, args);
    };
    // `list-id` is spelled out: `list` would take every prefix of it first.
    let found = if word == "list-id" {
        COMMANDS.iter().find(|(name, _)| *name == "list-id")
    } else {
        COMMANDS.iter().find(|(name, _)| matches(word, name))
    };
    match found {
        Some((_, Some(cmd))) => cmd(ctx, args),
        Some((name, None)) => Err(args::unsupported(&format!("netns {name}"))),
        None => Err(args::unknown_command(word, "netns")),
    }
}

/// What `rtnl netns help` prints.
const USAGE: &str = "\
Usage: rtnl netns list
       rtnl netns add NAME
       rtnl netns attach NAME PID
       rtnl netns set NAME NETNSID
       rtnl netns delete NAME
       rtnl netns identify [PID]
       rtnl netns pids NAME
       rtnl netns list-id
NETNSID := auto | POSITIVE-INT
";

/// `rtnl netns help`: the grammar, exit 255 like `ip netns help`.
fn help(_: &mut Ctx, _: &mut Args<'_>) -> CmdResult {
    Err(Failure::Usage(USAGE.trim_end().to_owned()))
}

/// The named namespaces of `/run/netns`, where the handle looks names up.
fn namespaces(ctx: &mut Ctx) -> CmdResult<Namespaces> {
    Ok(Namespaces::at(ctx.handle()?.run_dir()))
}

/// A library failure of a namespace operation, with `ip`'s exit code: 255 for a name `ip`
/// refuses, 1 otherwise (2 when the kernel refused).
fn netns_failure(e: rtnl_ip::Error) -> Failure {
    match e.kind() {
        ErrorKind::Netns(n) if n.op() == rtnl_ip::sys::NetnsOp::InvalidName => Failure::LibUsage(e),
        _ => Failure::Lib(e),
    }
}

/// The one NAME argument of `add`, `delete`, `pids`; nothing after it.
fn one_name<'a>(args: &mut Args<'a>, usage: &str) -> CmdResult<&'a str> {
    let Some(name) = args.next() else {
        return Err(Failure::Usage(format!("No netns name specified\n{usage}")));
    };
    Ok(name)
}

/// `netns list`: `NAME (id: N)` per line; JSON `[{"name":..,"id":..}]`.
fn list(ctx: &mut Ctx, _: &mut Args<'_>) -> CmdResult {
    let names = namespaces(ctx)?;
    let list = names.list_with(ctx.handle()?).map_err(netns_failure)?;
    if ctx.opts.json {
        let mut p = ctx.printer();
        p.start_list();
        for ns in &list {
            p.open_object(None);
            p.string(Some("name"), &ns.name, format_args!(""));
            if let Some(id) = ns.nsid {
                p.number(Some("id"), id, format_args!(""));
            }
            p.close_object();
        }
        p.end_list();
        return ctx.finish(p, Ok(()));
    }
    for ns in list {
        let _ = writeln!(ctx.out, "{ns}");
    }
    Ok(())
}

/// `netns list-id`: `nsid N (iproute2 netns name: NAME)` per line; JSON
/// `[{"nsid":..,"name":..}]`.
fn list_id(ctx: &mut Ctx, _: &mut Args<'_>) -> CmdResult {
    let names = namespaces(ctx)?;
    let ids = names.list_id_with(ctx.handle()?).map_err(netns_failure)?;
    let mut p = ctx.printer();
    p.start_list();
    for id in &ids {
        rtnl_ip::show::nsid::nsid_entry(&mut p, id.nsid, id.name.as_deref());
    }
    p.end_list();
    ctx.finish(p, Ok(()))
}

/// `netns add NAME`.
fn add(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let name = one_name(args, "Usage: rtnl netns add NAME")?;
    namespaces(ctx)?.add(name).map_err(netns_failure)
}

/// `netns attach NAME PID`.
fn attach(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let (Some(name), Some(pid)) = (args.next(), args.next()) else {
        return Err(Failure::Usage(
            "No netns name and PID specified\nUsage: rtnl netns attach NAME PID".into(),
        ));
    };
    let pid: u32 = pid
        .parse()
        .map_err(|_| invarg("Invalid \"pid\" value\n", pid))?;
    namespaces(ctx)?.attach(name, pid).map_err(netns_failure)
}

/// `netns delete NAME`.
fn delete(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let name = one_name(args, "Usage: rtnl netns delete NAME")?;
    if name == "-all" || name == "-a" {
        return Err(args::unsupported("netns delete -all"));
    }
    namespaces(ctx)?.delete(name).map_err(netns_failure)
}

/// `netns set NAME NSID|auto`.
fn set(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let (Some(name), Some(id)) = (args.next(), args.next()) else {
        return Err(Failure::Usage(
            "No netns name specified\nUsage: rtnl netns set NAME NETNSID".into(),
        ));
    };
    let value = if id == "auto" {
        NsidValue::Auto
    } else {
        match id.parse::<i32>() {
            Ok(n) if n >= 0 => NsidValue::Number(n),
            _ => return Err(invarg("Invalid \"netnsid\" value", id)),
        }
    };
    let names = namespaces(ctx)?;
    names
        .set_id_with(ctx.handle()?, name, value)
        .map_err(|e| match e.kind() {
            // ip names the namespace this way when it cannot open it.
            ErrorKind::Netns(_) | ErrorKind::Os(_) => Failure::Local(format!(
                "Cannot open network namespace \"{name}\": {}",
                e.errno()
                    .and_then(|errno| rtnl_ip::sys::strerror(errno.raw_os_error()))
                    .unwrap_or("error")
            )),
            _ => netns_failure(e),
        })?;
    ctx.warn();
    Ok(())
}

/// `Cannot open network namespace: <strerror>`, `ip`'s message when a pid or name has no
/// namespace file.
fn cannot_open(e: &rtnl_ip::Error) -> Failure {
    let why = e
        .errno()
        .and_then(|errno| rtnl_ip::sys::strerror(errno.raw_os_error()))
        .unwrap_or("error");
    Failure::Local(format!("Cannot open network namespace: {why}"))
}

/// `netns identify [PID]`: the names of the process's namespace, one per line (an empty line
/// when it has none, as `ip` prints).
fn identify(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let pid = match args.next() {
        Some(word) => word
            .parse::<u32>()
            .map_err(|_| Failure::Local(format!("Invalid pid \"{word}\"")))?,
        None => std::process::id(),
    };
    let found = namespaces(ctx)?
        .identify(pid)
        .map_err(|e| cannot_open(&e))?;
    if found.is_empty() {
        ctx.out.push('\n');
    }
    for name in found {
        let _ = writeln!(ctx.out, "{name}");
    }
    Ok(())
}

/// `netns pids NAME`: the processes in the named namespace, one per line.
fn pids(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let name = one_name(args, "Usage: rtnl netns pids NAME")?;
    let pids = namespaces(ctx)?.pids(name).map_err(|e| match e.kind() {
        ErrorKind::Netns(n) if n.op() == rtnl_ip::sys::NetnsOp::InvalidName => Failure::LibUsage(e),
        _ => cannot_open(&e),
    })?;
    for pid in pids {
        let _ = writeln!(ctx.out, "{pid}");
    }
    Ok(())
}
