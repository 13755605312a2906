//! Output: `ip -j`'s JSON layout (compact, or `-p` pretty with `ip`'s own spacing) and the
//! text buffer a command writes into.

use std::io::Write;

use serde_json::Value;

/// Writes `value` as `ip -j` does: compact (`[{"ifindex":1,...}]`), or with `pretty` the way
/// iproute2's json_writer lays it out (`[ {` ... `} ]`, four-space indents, arrays of scalars
/// on one line), followed by a newline.
pub fn json(value: &Value, pretty: bool) -> String {
    let mut w = JsonWriter {
        out: String::new(),
        pretty,
        depth: 0,
        sep: None,
    };
    w.value(value);
    w.out.push('\n');
    w.out
}

/// iproute2's `json_writer.c`: a separator owed before the next item, and the depth.
struct JsonWriter {
    /// The text so far.
    out: String,
    /// `-p`: newlines and indents.
    pretty: bool,
    /// How many objects and arrays are open.
    depth: usize,
    /// The separator owed before the next item (`,`), if any.
    sep: Option<char>,
}

impl JsonWriter {
    /// `jsonw_eor`: writes the separator owed, and owes one for the next item.
    fn eor(&mut self) {
        if let Some(sep) = self.sep {
            self.out.push(sep);
        }
        self.sep = Some(',');
    }

    /// `jsonw_eol`: when pretty, a newline and the indent of the current depth.
    fn eol(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str("    ");
            }
        }
    }

    /// `jsonw_begin`: opens an object or array.
    fn begin(&mut self, c: char) {
        self.eor();
        self.out.push(c);
        self.depth += 1;
        self.sep = None;
    }

    /// `jsonw_end`: closes an object or array, on its own line when it held anything.
    fn end(&mut self, c: char) {
        self.depth -= 1;
        if self.sep.is_some() {
            self.eol();
        }
        self.out.push(c);
        self.sep = Some(',');
    }

    /// Writes one value, recursively.
    fn value(&mut self, value: &Value) {
        match value {
            Value::Object(map) => {
                self.begin('{');
                for (key, item) in map {
                    self.eor();
                    self.eol();
                    self.sep = None;
                    self.out.push_str(&Value::from(key.as_str()).to_string());
                    self.out.push(':');
                    if self.pretty {
                        self.out.push(' ');
                    }
                    self.value(item);
                }
                self.end('}');
            }
            Value::Array(items) => {
                self.begin('[');
                if self.pretty {
                    self.out.push(' ');
                }
                for item in items {
                    self.value(item);
                }
                if self.pretty && self.sep.is_some() {
                    self.out.push(' ');
                }
                self.sep = None;
                self.end(']');
            }
            scalar => {
                self.eor();
                self.out.push_str(&scalar.to_string());
            }
        }
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json as j;

    #[test]
    fn compact_is_serde_compact() {
        let v = j!([{"ifindex": 1, "flags": ["UP", "LOWER_UP"], "info": {"a": null}}]);
        assert_eq!(json(&v, false), format!("{v}\n"));
        assert_eq!(json(&j!([]), false), "[]\n");
    }

    #[test]
    fn pretty_is_ip_pretty() {
        let v = j!([{"ifindex": 1, "flags": ["UP", "LOWER_UP"], "info": {"kind": "veth"}}]);
        let expected = "[ {\n        \"ifindex\": 1,\n        \"flags\": [ \"UP\",\"LOWER_UP\" ],\n        \"info\": {\n            \"kind\": \"veth\"\n        }\n    } ]\n";
        assert_eq!(json(&v, true), expected);
        assert_eq!(json(&j!([]), true), "[ ]\n");
    }
}
