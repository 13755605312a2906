//! `-batch FILE`: commands read from a file (or `-` for stdin) the way iproute2's
//! `getcmdline()` and `makeargs()` read them.
//!
//! A `#` starts a comment wherever it is (even inside quotes, as in `ip`); a line ending in
//! `\` continues on the next one; words are split on blanks, and a word that starts with `'` or
//! `"` runs to the same quote (blanks included). A failing command is reported as
//! `Command failed FILE:LINE`, where LINE is the last line the command was read from.

use std::io::BufRead;

/// One command of a batch file: its words and the line number it ended on.
#[derive(Debug, PartialEq, Eq)]
pub struct Command {
    /// The words, quotes removed.
    pub words: Vec<String>,
    /// The line number (from 1) of the command's last line.
    pub line: usize,
}

/// Why a batch file could not be read to its end.
#[derive(Debug, PartialEq, Eq)]
pub enum BatchError {
    /// A read failed (the message).
    Io(String),
    /// The last line ended in `\`.
    MissingContinuation,
    /// A quote was not closed before the end of the command.
    Unterminated,
}

/// Reads commands from `input` one at a time (blank and comment-only lines skipped).
pub struct Reader<R> {
    /// Where the lines come from.
    input: R,
    /// The number of the last line read (from 1).
    line: usize,
}

impl<R: BufRead> Reader<R> {
    /// A reader at the start of `input`.
    pub fn new(input: R) -> Self {
        Reader { input, line: 0 }
    }

    /// One physical line with its comment cut off; `None` at the end.
    fn physical_line(&mut self) -> Result<Option<String>, BatchError> {
        let mut raw = Vec::new();
        match self.input.read_until(b'\n', &mut raw) {
            Ok(0) => return Ok(None),
            Ok(_) => {}
            Err(e) => return Err(BatchError::Io(e.to_string())),
        }
        self.line += 1;
        let mut text = String::from_utf8_lossy(&raw).into_owned();
        if let Some(hash) = text.find('#') {
            text.truncate(hash);
        }
        Ok(Some(text))
    }

    /// The next command, `Ok(None)` at the end of the input.
    pub fn next_command(&mut self) -> Result<Option<Command>, BatchError> {
        loop {
            let Some(mut text) = self.physical_line()? else {
                return Ok(None);
            };
            while let Some(at) = text.find("\\\n") {
                text.truncate(at);
                match self.physical_line()? {
                    Some(more) => text.push_str(&more),
                    None => return Err(BatchError::MissingContinuation),
                }
            }
            let words = split_words(&text)?;
            if !words.is_empty() {
                return Ok(Some(Command {
                    words,
                    line: self.line,
                }));
            }
        }
    }
}

/// iproute2's `makeargs()`: blanks separate words; a word that starts with a quote ends at the
/// same quote.
pub fn split_words(line: &str) -> Result<Vec<String>, BatchError> {
    const BLANKS: [char; 4] = [' ', '\t', '\r', '\n'];
    let mut words = Vec::new();
    let mut rest = line;
    loop {
        rest = rest.trim_start_matches(BLANKS);
        let Some(first) = rest.chars().next() else {
            break;
        };
        if first == '"' || first == '\'' {
            let body = &rest[1..];
            let end = body.find(first).ok_or(BatchError::Unterminated)?;
            words.push(body[..end].to_owned());
            rest = &body[end + 1..];
        } else {
            let end = rest.find(BLANKS).unwrap_or(rest.len());
            words.push(rest[..end].to_owned());
            rest = &rest[end..];
        }
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commands(text: &str) -> Vec<(Vec<String>, usize)> {
        let mut reader = Reader::new(text.as_bytes());
        let mut out = Vec::new();
        while let Some(c) = reader.next_command().unwrap() {
            out.push((c.words, c.line));
        }
        out
    }

    #[test]
    fn comments_continuations_quotes() {
        let text = "# header\n\nlink add v0 type veth # trailing\nlink set v0 \\\n  alias \"a b\"\n  'x y'z\n";
        let words = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            commands(text),
            [
                (words(&["link", "add", "v0", "type", "veth"]), 3),
                (words(&["link", "set", "v0", "alias", "a b"]), 5),
                (words(&["x y", "z"]), 6),
            ]
        );
    }

    #[test]
    fn errors() {
        assert_eq!(split_words("a \"b"), Err(BatchError::Unterminated));
        let mut reader = Reader::new("link \\\n".as_bytes());
        assert_eq!(reader.next_command(), Err(BatchError::MissingContinuation));
    }
}
