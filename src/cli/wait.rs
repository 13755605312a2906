//! `rtnl link wait` and `rtnl address wait`: waiting for a state, which `ip` cannot do.
//!
//! ```text
//! link wait [dev] DEV [exists|up|carrier|gone] [timeout SECONDS|forever]
//! address wait [dev DEV] [timeout SECONDS|forever]
//! ```
//!
//! The state defaults to `exists`, the timeout to the library's 30 s (`rtnl -timeout` caps
//! both). Exit 0 when the state is reached; [`TIMED_OUT`] (124, as `timeout(1)`) with
//! `wait for link up "v0": timed out` on stderr when the timeout passes first; 2 with
//! `IPv6 duplicate address ADDR/LEN detected on "DEV" (dadfailed)` when an address failed
//! duplicate address detection; `ip`'s errors and codes otherwise.

use std::time::Duration;

use rtnl_ip::{DEFAULT_TIMEOUT, LinkRef, LinkState};

use super::Ctx;
use super::args::{Args, CmdResult, Failure, duparg, duparg2, invarg};
use super::link::ifname;

/// The exit code of a command whose deadline passed (`rtnl -timeout`, a `wait`'s timeout):
/// 124, as `timeout(1)` exits.
pub const TIMED_OUT: u8 = 124;

/// What `rtnl link wait help` and `rtnl address wait help` print.
const USAGE: &str = "\
Usage: rtnl link wait { DEVICE | dev DEVICE } [ exists | up | carrier | gone ]
                      [ timeout { SECONDS | forever } ]
       rtnl address wait [ dev DEVICE ] [ timeout { SECONDS | forever } ]
Waits until the link is in the state (default exists) or no address (of DEVICE, else of
any link) is tentative. SECONDS may have a fraction; the default is 30.
Exit 0 when reached, 124 when the timeout passed first, 2 when an address is dadfailed.";

/// `SECONDS` (a decimal number, `0.5` too) or `forever`; else `invalid timeout`.
pub fn seconds(key: &str, word: &str) -> CmdResult<Option<Duration>> {
    if word == "forever" {
        return Ok(None);
    }
    word.parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s >= 0.0)
        .and_then(|s| Duration::try_from_secs_f64(s).ok())
        .map(Some)
        .ok_or_else(|| invarg(&format!("invalid \"{key}\" value"), word))
}

/// `timeout SECONDS` given once.
fn timeout(args: &mut Args<'_>, slot: &Option<Option<Duration>>) -> CmdResult<Option<Duration>> {
    let word = args.value_once("timeout", slot)?;
    seconds("timeout", word)
}

/// `rtnl link wait ...`.
pub fn link(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let mut dev = None;
    let mut state = None;
    let mut limit = None;
    while let Some(word) = args.next() {
        let new_state = match word {
            "exists" => Some(LinkState::Exists),
            "up" => Some(LinkState::Up),
            "carrier" => Some(LinkState::Carrier),
            "gone" => Some(LinkState::Gone),
            _ => None,
        };
        if let Some(new_state) = new_state {
            if state.is_some() {
                return Err(duparg("state", word));
            }
            state = Some(new_state);
        } else if word == "timeout" {
            limit = Some(timeout(args, &limit)?);
        } else if word == "help" {
            return Err(Failure::Usage(USAGE.to_owned()));
        } else {
            let name = if word == "dev" { args.value()? } else { word };
            if dev.is_some() {
                return Err(duparg2("dev", name));
            }
            dev = Some(ifname("dev", args, name)?);
        }
    }
    let Some(dev) = dev else {
        return Err(Failure::Usage(
            "Not enough information: \"dev\" argument is required.".to_owned(),
        ));
    };
    let state = state.unwrap_or(LinkState::Exists);
    let limit = limit.unwrap_or(Some(DEFAULT_TIMEOUT));
    ctx.handle()?.wait_link(LinkRef::Name(dev), state, limit)?;
    Ok(())
}

/// `rtnl address wait ...`.
pub fn address(ctx: &mut Ctx, args: &mut Args<'_>) -> CmdResult {
    let mut dev = None;
    let mut limit = None;
    while let Some(word) = args.next() {
        match word {
            "dev" => {
                let name = args.value_once("dev", &dev)?;
                dev = Some(ifname("dev", args, name)?);
            }
            "timeout" => limit = Some(timeout(args, &limit)?),
            "help" => return Err(Failure::Usage(USAGE.to_owned())),
            other => return Err(duparg2("dev", other)),
        }
    }
    let limit = limit.unwrap_or(Some(DEFAULT_TIMEOUT));
    ctx.handle()?
        .wait_addresses_ready(dev.map(LinkRef::Name), limit)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_take_fractions_and_forever() {
        assert_eq!(seconds("t", "2").unwrap(), Some(Duration::from_secs(2)));
        assert_eq!(
            seconds("t", "0.25").unwrap(),
            Some(Duration::from_millis(250))
        );
        assert_eq!(seconds("t", "forever").unwrap(), None);
        for bad in ["-1", "nan", "inf", "", "1s"] {
            assert!(seconds("t", bad).is_err(), "{bad}");
        }
    }
}
