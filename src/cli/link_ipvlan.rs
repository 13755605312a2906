//! `type ipvlan` and `type vrf` options of `rtnl link add` and `link set`, read as `ip/iplink_ipvlan.c` and
//! `ip/iplink_vrf.c` read them.
//!
//! ```text
//! type ipvlan [ link DEV ] [ mode l2|l3|l3s ] [ bridge | private | vepa ]
//! type vrf table TABLE
//! ```
//!
//! `link DEV` after the kind is rtnl's own (ip takes it before `type`).

use rtnl_ip::codec::request::{Ipvlan, Vrf};
use rtnl_ip::codec::{ipvlan_flag, ipvlan_mode};
use rtnl_ip::names;

use super::args::{Args, CmdResult, Failure, invarg, matches};

/// `print_explain()` of iplink_ipvlan.c for `ipvlan`.
const IPVLAN_USAGE: &str = "Usage: ... ipvlan [ mode MODE ] [ FLAGS ]\n\
\n\
MODE: l3 | l3s | l2\n\
FLAGS: bridge | private | vepa\n\
(first values are the defaults if nothing is specified).";

/// `vrf_explain()` of iplink_vrf.c.
const VRF_USAGE: &str = "Usage: ... vrf table TABLEID";

/// The words after `type ipvlan` of `link add` and (not `add`) `link set`: the mode and
/// flags, and the `link DEV` given after the kind, if any (`link add` only: `link set` refuses
/// it as ip refuses any word it does not know). As ip: `mode` may repeat (the last counts),
/// one of the flag words may be given, and the flags are sent (0 for bridge) whenever any
/// option is.
pub fn ipvlan<'w>(args: &mut Args<'w>, add: bool) -> CmdResult<(Ipvlan, Option<&'w str>)> {
    let mut ipvlan = Ipvlan::default();
    let (mut flags, mut flag_given, mut any) = (0u16, false, false);
    let mut link = None;
    while let Some(word) = args.next() {
        match word {
            w if matches(w, "mode") => {
                ipvlan.mode = Some(match args.value()? {
                    "l2" => ipvlan_mode::L2,
                    "l3" => ipvlan_mode::L3,
                    "l3s" => ipvlan_mode::L3S,
                    _ => {
                        return Err(Failure::local(
                            "Error: argument of \"mode\" must be either \"l2\", \"l3\" or \"l3s\"",
                        ));
                    }
                });
            }
            w if matches(w, "private") && !flag_given => {
                flags |= ipvlan_flag::PRIVATE;
                flag_given = true;
            }
            w if matches(w, "vepa") && !flag_given => {
                flags |= ipvlan_flag::VEPA;
                flag_given = true;
            }
            w if matches(w, "bridge") && !flag_given => flag_given = true,
            "link" if add => {
                link = Some(args.value_once("link", &link)?);
                continue;
            }
            w if matches(w, "help") => return Err(Failure::Local(IPVLAN_USAGE.into())),
            w => {
                return Err(Failure::Local(format!(
                    "ipvlan: unknown option \"{w}\"?\n{IPVLAN_USAGE}"
                )));
            }
        }
        any = true;
    }
    ipvlan.flags = any.then_some(flags);
    Ok((ipvlan, link))
}

/// The words after `type vrf`: `table TABLE` (a name of `rt_tables` or a number).
pub fn vrf(args: &mut Args<'_>) -> CmdResult<Vrf> {
    let mut vrf = Vrf::default();
    while let Some(word) = args.next() {
        match word {
            w if matches(w, "table") => {
                let value = args.value()?;
                let table =
                    names::parse_table(value).ok_or_else(|| invarg("invalid table ID\n", value))?;
                vrf.table = Some(table);
            }
            w if matches(w, "help") => return Err(Failure::Local(VRF_USAGE.into())),
            w => {
                return Err(Failure::Local(format!(
                    "vrf: unknown option \"{w}\"?\n{VRF_USAGE}"
                )));
            }
        }
    }
    Ok(vrf)
}
