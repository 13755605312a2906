//! Output of the texts a command prints outside the printer (usage, `-V`): written to stdout
//! at once.

use std::io::Write;

/// Writes `text` to stdout now. A closed pipe (`rtnl ... | head`) ends the program quietly,
/// as `ip` ends on `SIGPIPE`.
pub fn flush(text: &str) {
    if text.is_empty() {
        return;
    }
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .is_err()
    {
        std::process::exit(0);
    }
}
