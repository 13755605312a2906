//! Output of the texts a command prints outside the printer (usage, `-V`): written to stdout
//! at once.

use std::io::Write;

/// Writes `text` to stdout now. A closed pipe (`rtnl ... | head`) ends the program quietly,
/// as `ip` ends on `SIGPIPE`.
pub fn flush(text: &str) {
    flush_bytes(text.as_bytes());
}

/// [`flush`] for bytes: what holds a name the kernel gave, which need not be UTF-8.
pub fn flush_bytes(bytes: &[u8]) {
    if bytes.is_empty() {
        return;
    }
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .is_err()
    {
        std::process::exit(0);
    }
}
