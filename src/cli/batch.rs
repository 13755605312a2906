//! `-batch FILE`: commands read from a file (or `-` for stdin) the way iproute2's
//! `getcmdline()` and `makeargs()` read them.
//!
//! A file is bytes, as `ip` reads it: a line ends at its first NUL (C strings: what follows is
//! never seen, so never echoed); a `#` starts a comment wherever it is (even inside quotes, as
//! in `ip`); a line ending in `\` continues on the next one; words are split on blanks, and a
//! word that starts with `'` or `"` runs to the same quote (blanks included). A command has at
//! most [`MAX_WORDS`] words (`ip`'s `MAX_ARGS - 1`): one more ends the batch with `Too many
//! arguments to command`, exit 1, so a huge line costs its bytes and no more. A failing
//! command is reported as `Command failed FILE:LINE`, where LINE is the last line the command
//! was read from.

use std::io::BufRead;

/// The most words `ip`'s `makeargs()` takes in one command: `MAX_ARGS` (512) less the slot
/// for the terminating `NULL`.
pub const MAX_WORDS: usize = 511;

/// One command of a batch file: its words (bytes) and the line number it ended on.
#[derive(Debug, PartialEq, Eq)]
pub struct Command {
    /// The words, quotes removed.
    pub words: Vec<Vec<u8>>,
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
    /// A command of more than [`MAX_WORDS`] words.
    TooManyWords,
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

    /// One physical line, cut at its first NUL and at its comment; `None` at the end.
    fn physical_line(&mut self) -> Result<Option<Vec<u8>>, BatchError> {
        let mut raw = Vec::new();
        match self.input.read_until(b'\n', &mut raw) {
            Ok(0) => return Ok(None),
            Ok(_) => {}
            Err(e) => return Err(BatchError::Io(e.to_string())),
        }
        self.line += 1;
        if let Some(end) = raw.iter().position(|&b| b == 0 || b == b'#') {
            raw.truncate(end);
        }
        Ok(Some(raw))
    }

    /// The next command, `Ok(None)` at the end of the input.
    pub fn next_command(&mut self) -> Result<Option<Command>, BatchError> {
        loop {
            let Some(mut text) = self.physical_line()? else {
                return Ok(None);
            };
            while let Some(at) = text.windows(2).position(|w| w == b"\\\n") {
                text.truncate(at);
                match self.physical_line()? {
                    Some(more) => text.extend_from_slice(&more),
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
/// same quote; more than [`MAX_WORDS`] words is [`BatchError::TooManyWords`] (found before
/// the next word is copied).
pub fn split_words(line: &[u8]) -> Result<Vec<Vec<u8>>, BatchError> {
    let blank = |b: &u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    let mut words = Vec::new();
    let mut rest = line;
    loop {
        let start = rest.iter().position(|b| !blank(b)).unwrap_or(rest.len());
        rest = &rest[start..];
        let Some(&first) = rest.first() else {
            break;
        };
        if words.len() >= MAX_WORDS {
            return Err(BatchError::TooManyWords);
        }
        if first == b'"' || first == b'\'' {
            let body = &rest[1..];
            let end = body
                .iter()
                .position(|&b| b == first)
                .ok_or(BatchError::Unterminated)?;
            words.push(body[..end].to_vec());
            rest = &body[end + 1..];
        } else {
            let end = rest.iter().position(blank).unwrap_or(rest.len());
            words.push(rest[..end].to_vec());
            rest = rest.get(end + 1..).unwrap_or_default();
        }
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commands(text: &str) -> Vec<(Vec<Vec<u8>>, usize)> {
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
        let words = |list: &[&str]| {
            list.iter()
                .map(|s| s.as_bytes().to_vec())
                .collect::<Vec<_>>()
        };
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
        assert_eq!(split_words(b"a \"b"), Err(BatchError::Unterminated));
        let mut reader = Reader::new("link \\\n".as_bytes());
        assert_eq!(reader.next_command(), Err(BatchError::MissingContinuation));
    }

    #[test]
    fn nul_ends_a_line_and_words_are_capped() {
        let text = "link show \0 garbage \\\nlink\0 del\n\0\nroute\n";
        let expected: Vec<(Vec<Vec<u8>>, usize)> = vec![
            (vec![b"link".to_vec(), b"show".to_vec()], 1),
            (vec![b"link".to_vec()], 2),
            (vec![b"route".to_vec()], 4),
        ];
        assert_eq!(commands(text), expected);
        let bytes: &[u8] = b"link set v\xff up\n";
        let mut reader = Reader::new(bytes);
        let command = reader.next_command().unwrap().unwrap();
        assert_eq!(command.words[2], b"v\xff");
        let words = vec!["x"; MAX_WORDS].join(" ");
        assert_eq!(split_words(words.as_bytes()).unwrap().len(), MAX_WORDS);
        let more = format!("{words} x");
        assert_eq!(split_words(more.as_bytes()), Err(BatchError::TooManyWords));
        // Blanks after the last word are not a word.
        assert_eq!(
            split_words(format!("{words}  \t").as_bytes())
                .unwrap()
                .len(),
            MAX_WORDS
        );
    }
}
