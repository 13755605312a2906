//! `rtnl tuntap` (also `tap`): `ip tuntap add / del / show` (iproute2 6.1, `ip/iptuntap.c`).
//!
//! ```text
//! tuntap { add | del | show | list | lst | help } [ dev PHYS_DEV ]
//!        [ mode { tun | tap } ] [ user USER ] [ group GROUP ]
//!        [ one_queue ] [ pi ] [ vnet_hdr ] [ multi_queue ] [ name NAME ]
//! ```
//!
//! Failures exit as ip's do: 255 for bad words, 1 for a missing mode and for a failed
//! `open`/`ioctl` (ip's `perror()` text). `show` prints `NAME: FLAGS [user UID] [group GID]`
//! per device (JSON: `ifname`, `flags`, `user`, `group`); with `-d` also the processes attached
//! to it (`Attached to processes:NAME(PID)...`, JSON `processes`, keyed inside the array as ip
//! writes them).

use rtnl_ip::names;
use rtnl_ip::tuntap::{self, TunTapSpec, tun_f};

use super::Ctx;
use super::args::{Args, CmdResult, Failure, duparg2, invarg, matches, naming};

/// What `rtnl tuntap help` prints (exit 255, as ip's `usage()`).
const USAGE: &str = "\
Usage: rtnl tuntap { add | del | show | list | lst | help } [ dev PHYS_DEV ]
       [ mode { tun | tap } ] [ user USER ] [ group GROUP ]
       [ one_queue ] [ pi ] [ vnet_hdr ] [ multi_queue ] [ name NAME ]

Where: USER  := { STRING | NUMBER }
       GROUP := { STRING | NUMBER }";

/// `TUN_TYPE_MASK` (`<linux/if_tun.h>`): the mode bits of the flags.
const TUN_TYPE_MASK: u16 = 0x000f;

/// `rtnl tuntap ...`; no command is `show`.
pub fn run(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let Some(word) = args.next() else {
        return show(ctx);
    };
    if matches(word, "add") {
        let spec = parse(args, true)?;
        tuntap::tuntap_add(&spec)?;
        Ok(())
    } else if matches(word, "delete") {
        let spec = parse(args, false)?;
        Ok(tuntap::tuntap_del(&spec)?)
    } else if matches(word, "show") || matches(word, "lst") || matches(word, "list") {
        show(ctx)
    } else if matches(word, "help") {
        Err(Failure::Usage(USAGE.into()))
    } else {
        Err(Failure::Usage(format!(
            "Command \"{word}\" is unknown, try \"ip tuntap help\"."
        )))
    }
}

/// `ip`'s `check_ifname()` on the word's bytes: a name the kernel could take (the kernel
/// judges the rest).
fn ifname<'a>(args: &Args<'a>, key: &str, word: &'a str) -> CmdResult<&'a [u8]> {
    let bytes = args.bytes(word);
    let bad = bytes.is_empty()
        || bytes.len() >= 16
        || bytes
            .iter()
            .any(|&b| b == b'/' || matches!(b, b' ' | b'\t'..=b'\r'));
    if bad {
        return Err(naming(bytes, |word| {
            invarg(&format!("\"{key}\" not a valid ifname"), word)
        }));
    }
    Ok(bytes)
}

/// A user or group as `ip` reads it: a decimal number (`strtol` base 10, kept in a C `uid_t`,
/// so `-1` is "not given"), else a name from `file` (`/etc/passwd`, `/etc/group`: the
/// third field of the line whose first field is `word`).
fn id(word: &str, file: &str, what: &str) -> CmdResult<Option<u32>> {
    let id = match names::strtol_decimal(word) {
        Some(n) => n as u32,
        None => std::fs::read_to_string(file)
            .ok()
            .and_then(|text| {
                text.lines().find_map(|line| {
                    let mut fields = line.split(':');
                    (fields.next() == Some(word))
                        .then(|| fields.nth(1)?.parse::<u32>().ok())
                        .flatten()
                })
            })
            .ok_or_else(|| Failure::Usage(format!("invalid {what} \"{word}\"")))?,
    };
    Ok((id != u32::MAX).then_some(id))
}

/// `ip`'s `parse_args()` for `add` (`ids`: `user` and `group` are keywords) and `del` (where
/// they are names).
fn parse<'a>(args: &mut Args<'a>, ids: bool) -> CmdResult<TunTapSpec<'a>> {
    let mut spec = TunTapSpec {
        flags: tun_f::NO_PI,
        ..TunTapSpec::default()
    };
    let more_than_one =
        || Failure::Usage("You managed to ask for more than one tunnel mode.".into());
    while let Some(word) = args.next() {
        if matches(word, "mode") {
            let mode = args.value()?;
            if matches(mode, "tun") {
                if spec.flags & tun_f::TAP != 0 {
                    return Err(more_than_one());
                }
                spec.flags |= tun_f::TUN;
            } else if matches(mode, "tap") {
                if spec.flags & tun_f::TUN != 0 {
                    return Err(more_than_one());
                }
                spec.flags |= tun_f::TAP;
            } else {
                return Err(Failure::Usage(format!("Unknown tunnel mode \"{mode}\"")));
            }
        } else if ids && matches(word, "user") {
            spec.owner = id(args.value()?, "/etc/passwd", "user")?;
        } else if ids && matches(word, "group") {
            spec.group = id(args.value()?, "/etc/group", "group")?;
        } else if matches(word, "pi") {
            spec.flags &= !tun_f::NO_PI;
        } else if matches(word, "one_queue") {
            spec.flags |= tun_f::ONE_QUEUE;
        } else if matches(word, "vnet_hdr") {
            spec.flags |= tun_f::VNET_HDR;
        } else if matches(word, "multi_queue") {
            spec.flags |= tun_f::MULTI_QUEUE;
        } else if matches(word, "dev") {
            let value = args.value()?;
            spec.name = Some(ifname(args, "dev", value)?);
        } else {
            let name = if matches(word, "name") {
                args.value()?
            } else if matches(word, "help") {
                return Err(Failure::Usage(USAGE.into()));
            } else {
                word
            };
            if spec.name.is_some() {
                return Err(naming(args.bytes(name), |name| duparg2("name", name)));
            }
            spec.name = Some(ifname(args, "name", name)?);
        }
    }
    if spec.flags & TUN_TYPE_MASK == 0 {
        // ip returns -1 here (exit 1), where its other checks exit(-1).
        return Err(Failure::Local("You failed to specify a tunnel mode".into()));
    }
    Ok(spec)
}

/// The words of a device's `tun_flags`, in `ip`'s order, then the bits it has no word for.
fn flag_words(flags: u32, mut each: impl FnMut(&str)) -> u32 {
    let has = |bit: u16| flags & u32::from(bit) != 0;
    for (on, word) in [
        (has(tun_f::TUN), "tun"),
        (has(tun_f::TAP), "tap"),
        (!has(tun_f::NO_PI), "pi"),
        (has(tun_f::ONE_QUEUE), "one_queue"),
        (has(tun_f::MULTI_QUEUE), "multi_queue"),
        (has(tun_f::VNET_HDR), "vnet_hdr"),
        (has(tun_f::PERSIST), "persist"),
        (!has(tun_f::NOFILTER), "filter"),
    ] {
        if on {
            each(word);
        }
    }
    let named = tun_f::TUN
        | tun_f::TAP
        | tun_f::NO_PI
        | tun_f::ONE_QUEUE
        | tun_f::MULTI_QUEUE
        | tun_f::VNET_HDR
        | tun_f::PERSIST
        | tun_f::NOFILTER;
    flags & !u32::from(named)
}

/// `tuntap show`: one line per device (`-j`: one object each); with `-d`, the processes
/// attached to each (`Attached to processes:`, JSON `processes`), read from `/proc` as ip
/// reads them, with ip's `perror()` line for each descriptor it cannot read.
fn show(ctx: &mut Ctx) -> CmdResult {
    let details = ctx.opts.details;
    let devices = ctx.handle()?.tuntaps().map_err(Failure::dump("Dump"))?;
    let mut p = ctx.printer();
    p.start_list();
    for dev in &devices {
        p.open_object(None);
        p.bytes(Some("ifname"), &dev.name, format_args!(""));
        p.text_bytes(&dev.name);
        p.text(format_args!(":"));
        p.open_array(Some("flags"));
        let rest = flag_words(dev.flags, |word| {
            p.string(None, word, format_args!(" {word}"));
        });
        if rest != 0 {
            let hex = format!("{rest:#x}");
            p.string(None, &hex, format_args!(" {hex}"));
        }
        p.close_array();
        if let Some(uid) = dev.owner {
            p.number(Some("user"), uid, format_args!(" user {uid}"));
        }
        if let Some(gid) = dev.group {
            p.number(Some("group"), gid, format_args!(" group {gid}"));
        }
        if details {
            let sl = p.sl();
            p.text(format_args!("{sl}\tAttached to processes:"));
            p.open_array(Some("processes"));
            tuntap::tuntap_processes(&dev.name, |found| match found {
                Ok(process) => {
                    let name = process.name.as_deref().unwrap_or(b"<NULL>");
                    p.bytes(Some("name"), name, format_args!(""));
                    p.text_bytes(name);
                    p.number(Some("pid"), process.pid, format_args!("({})", process.pid));
                }
                Err((call, e)) => {
                    let why = e.raw_os_error().and_then(rtnl_ip::sys::strerror);
                    eprintln!(
                        "{call}: {}",
                        why.map_or_else(|| e.to_string(), str::to_owned)
                    );
                }
            });
            p.close_array();
        }
        p.close_object();
        p.text(format_args!("\n"));
    }
    p.end_list();
    ctx.finish(p, Ok(()))
}
