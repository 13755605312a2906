//! `type macvlan` options of `rtnl link add / set`, read as `ip/iplink_macvlan.c` reads them.
//!
//! ```text
//! type macvlan [ link DEV ] [ mode private|vepa|bridge|passthru|source ]
//!              [ flag nopromisc|nodst|null ] [ nopromisc ] [ nodst ] [ bcqueuelen N ]
//!              [ macaddr { add | del } MAC | macaddr set [ MAC ... ] | macaddr flush ]
//! ```
//!
//! `link DEV` after the kind is rtnl's own (ip takes it before `type`).

use rtnl_ip::codec::macvlan_flag;
use rtnl_ip::codec::request::{Macvlan, MacvlanOpt};

use super::args::{self, Args, CmdResult, Failure, matches};

/// `print_explain()` of iplink_macvlan.c for `macvlan`.
const USAGE: &str = "Usage: ... macvlan mode MODE [flag MODE_FLAG] MODE_OPTS [bcqueuelen BC_QUEUE_LEN]\n\
\n\
MODE: private | vepa | bridge | passthru | source\n\
MODE_FLAG: null | nopromisc | nodst\n\
MODE_OPTS: for mode \"source\":\n\
\tmacaddr { { add | del } <macaddr> | set [ <macaddr> [ <macaddr>  ... ] ] | flush }\n\
BC_QUEUE_LEN: Length of the rx queue for broadcast/multicast: [0-4294967295]";

/// `MESSAGE` and the usage, as ip prints them before it exits 1.
fn explained(message: &str) -> Failure {
    Failure::Local(format!("{message}{USAGE}"))
}

/// An option read, before the addresses it names are in their final place.
enum Read {
    Add([u8; 6]),
    Del([u8; 6]),
    /// `macaddr set`: addresses `start..end` of the list.
    Set(usize, usize),
    Flush,
    BcQueueLen(u32),
}

/// The words after `type macvlan`: the options in their order (their addresses in `macs`),
/// and the `link DEV` given after the kind, if any.
pub fn macvlan<'a, 'w>(
    args: &mut Args<'w>,
    macs: &'a mut Vec<[u8; 6]>,
    opts: &'a mut Vec<MacvlanOpt<'a>>,
) -> CmdResult<(Macvlan<'a>, Option<&'w str>)> {
    let (mut mode, mut flags, mut has_flags) = (0u32, 0u16, false);
    let mut link = None;
    let mut read = Vec::new();
    while let Some(word) = args.next() {
        match word {
            w if matches(w, "mode") => {
                let value = args.value()?;
                mode = match value {
                    "private" => 1,
                    "vepa" => 2,
                    "bridge" => 4,
                    "passthru" => 8,
                    "source" => 16,
                    _ => {
                        return Err(Failure::Local(format!(
                            "Error: argument of \"mode\" must be \"private\", \"vepa\", \
                             \"bridge\", \"passthru\" or \"source\", not \"{value}\""
                        )));
                    }
                };
            }
            w if matches(w, "flag") => {
                let value = args.value()?;
                flags |= match value {
                    "nopromisc" => macvlan_flag::NOPROMISC,
                    "nodst" => macvlan_flag::NODST,
                    "null" => 0,
                    _ => {
                        return Err(Failure::Local(format!(
                            "Error: argument of \"flag\" must be \"nopromisc\", \"nodst\" or \
                             \"null\", not \"{value}\""
                        )));
                    }
                };
                has_flags = true;
            }
            w if matches(w, "macaddr") => match args.value()? {
                "add" => read.push(Read::Add(args::mac(args.value()?)?)),
                "del" => read.push(Read::Del(args::mac(args.value()?)?)),
                "flush" => read.push(Read::Flush),
                "set" => {
                    let start = macs.len();
                    // Addresses up to the first word that is not one, which is read next.
                    while let Some(mac) = args
                        .peek()
                        .and_then(|next| args::lladdr(next).ok())
                        .and_then(|bytes| <[u8; 6]>::try_from(bytes.as_slice()).ok())
                    {
                        macs.push(mac);
                        args.next();
                    }
                    read.push(Read::Set(start, macs.len()));
                }
                _ => return Err(explained("")),
            },
            w if matches(w, "nopromisc") => {
                flags |= macvlan_flag::NOPROMISC;
                has_flags = true;
            }
            w if matches(w, "nodst") => {
                flags |= macvlan_flag::NODST;
                has_flags = true;
            }
            w if matches(w, "bcqueuelen") => {
                let value = args.value()?;
                let n = args::number("bcqueuelen", value).map_err(|_| {
                    Failure::Local(format!(
                        "Error: argument of \"bcqueuelen\" must be a positive integer \
                         [0-4294967295], not \"{value}\""
                    ))
                })?;
                read.push(Read::BcQueueLen(n));
            }
            "link" => link = Some(args.value_once("link", &link)?),
            w if matches(w, "help") => return Err(explained("")),
            w => return Err(explained(&format!("macvlan: unknown option \"{w}\"?\n"))),
        }
    }
    if has_flags && flags & macvlan_flag::NOPROMISC != 0 && mode != 8 {
        return Err(explained(
            "macvlan: nopromisc flag only valid in passthru mode\n",
        ));
    }
    let macs: &'a [[u8; 6]] = macs;
    opts.extend(read.into_iter().map(|r| match r {
        Read::Add(mac) => MacvlanOpt::MacaddrAdd(mac),
        Read::Del(mac) => MacvlanOpt::MacaddrDel(mac),
        Read::Set(start, end) => MacvlanOpt::MacaddrSet(macs.get(start..end).unwrap_or_default()),
        Read::Flush => MacvlanOpt::MacaddrFlush,
        Read::BcQueueLen(n) => MacvlanOpt::BcQueueLen(n),
    }));
    let macvlan = Macvlan {
        mode: (mode != 0).then_some(mode),
        flags: has_flags.then_some(flags),
        opts,
        link: 0,
    };
    Ok((macvlan, link))
}
