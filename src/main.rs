//! `rtnl`: iproute2's `ip` command line for links, addresses, routes, named namespaces and
//! events, over the `rtnl` library. See the `cli` module for the grammar.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    // Arguments are bytes, as ip reads them: nothing is converted on the way in.
    let words: Vec<Vec<u8>> = std::env::args_os()
        .skip(1)
        .map(std::os::unix::ffi::OsStringExt::into_vec)
        .collect();
    ExitCode::from(cli::main(&words))
}
