//! `rtnl`: iproute2's `ip` command line for links, addresses, routes, named namespaces and
//! events, over the `rtnl` library. See the `cli` module for the grammar.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    let words: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|word| word.to_string_lossy().into_owned())
        .collect();
    ExitCode::from(cli::main(&words))
}
