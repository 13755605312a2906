//! What `std`'s start-up did for the `rtnl` process that its own C `main` does on glibc
//! (`src/main.rs`, `rtnl_sys::startup`): a write to a closed pipe fails with `EPIPE`, which ends
//! the command quietly with exit 0, instead of `SIGPIPE` killing the process.

use std::os::unix::process::ExitStatusExt as _;
use std::process::{Command, ExitStatus, Stdio};

const RTNL: &str = env!("CARGO_BIN_EXE_rtnl");

/// Runs `PROGRAM ARGS` with `SIGPIPE` at its default action (the test harness ignores it, and
/// an ignored signal stays ignored across `exec`) and stdout a pipe whose reader is closed;
/// the status and stderr.
fn into_closed_pipe(program: &str, args: &[&str]) -> (ExitStatus, String) {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let out = Command::new("env")
        .arg("--default-signal=PIPE")
        .arg(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("run env");
    (
        out.status,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn closed_pipe_ends_quietly() {
    // The set-up lets SIGPIPE through: a program that does not ignore it dies of it.
    let (echo, _) = into_closed_pipe("echo", &["x"]);
    assert_eq!(echo.signal(), Some(13), "echo: {echo:?}");

    let (status, stderr) = into_closed_pipe(RTNL, &["-V"]);
    assert_eq!(
        (status.signal(), status.code(), stderr.as_str()),
        (None, Some(0), "")
    );
}
