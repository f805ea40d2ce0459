//! Where input lines come from (a file or stdin, `-c` text; the REPL editor lives in `repl.rs`)
//! and the splitter that turns lines into SQL chunks and dot-commands by SQLite's own rule.

use std::ffi::CString;
use std::io::BufRead;
use std::rc::Rc;

use crate::error::{Error, Location, Result};

/// What a source gives next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// A line, without its terminator.
    Text(String),
    /// The user cancelled what they were typing (Ctrl-C at the prompt).
    Cancel,
    /// End of input.
    End,
}

/// A supplier of input lines. `is_pending` tells an interactive source to show the
/// continuation prompt; `conn` lets it refresh completions from the live schema.
pub trait LineSource {
    fn next_line(&mut self, is_pending: bool, conn: &rusqlite::Connection) -> Result<Line>;
    /// The name used in error locations: a path, `<stdin>`, `<command N>`.
    fn origin(&self) -> Rc<str>;
    /// True for the REPL: errors never end it and prompts are shown.
    fn is_interactive(&self) -> bool {
        false
    }
}

/// True when `sql` ends with a complete SQL statement by SQLite's rule, which knows about
/// strings, quoted identifiers, comments and `CREATE TRIGGER ... END;` bodies.
pub fn is_complete(sql: &str) -> bool {
    // A NUL byte cannot pass through a C string; call the text complete so that it reaches
    // the executor, which reports the NUL with its location.
    let Ok(c) = CString::new(sql) else {
        return true;
    };
    // SAFETY: `c` is a valid NUL-terminated string that outlives the call; sqlite3_complete
    // only reads it and keeps no pointer.
    unsafe { rusqlite::ffi::sqlite3_complete(c.as_ptr()) != 0 }
}

/// One unit of work found in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// SQL text holding one or more complete statements (or the unterminated rest of the
    /// input); `line` is where its first line starts.
    Sql { text: String, line: usize },
    /// A dot-command line, without its terminator.
    Dot { text: String, line: usize },
}

/// Accumulates lines until they form complete SQL, as the sqlite3 shell does. A line that
/// starts with `.` while nothing is pending is a dot-command.
#[derive(Debug, Default)]
pub struct Splitter {
    buf: String,
    start: usize,
}

impl Splitter {
    pub fn is_pending(&self) -> bool {
        !self.buf.is_empty()
    }

    /// Feeds one line (1-based number `line_no`); returns an item when one is complete.
    pub fn push_line(&mut self, line: &str, line_no: usize) -> Option<Item> {
        if self.buf.is_empty() {
            if is_blank(line) {
                return None;
            }
            if line.trim_start().starts_with('.') {
                return Some(Item::Dot {
                    text: line.trim_start().to_string(),
                    line: line_no,
                });
            }
            self.start = line_no;
        }
        self.buf.push_str(line);
        self.buf.push('\n');
        // Text is complete only when it ends with a `;` outside strings and comments, so
        // only a line with a `;` or the end of a comment can complete it; checking only then
        // keeps a long multi-line statement linear instead of quadratic.
        if (line.contains(';') || line.contains("*/") || line.contains('\0'))
            && is_complete(&self.buf)
        {
            return self.take();
        }
        None
    }

    /// End of input: whatever is pending still runs, as in sqlite3.
    pub fn finish(&mut self) -> Option<Item> {
        if self.buf.trim().is_empty() {
            self.buf.clear();
            return None;
        }
        self.take()
    }

    /// Drops a pending statement (Ctrl-C in the REPL).
    pub fn clear(&mut self) {
        self.buf.clear();
    }

    fn take(&mut self) -> Option<Item> {
        let text = std::mem::take(&mut self.buf);
        Some(Item::Sql {
            text,
            line: self.start,
        })
    }
}

/// A line of only whitespace and comments, skipped while no statement is pending so that a
/// comment line does not swallow the dot-command after it.
fn is_blank(line: &str) -> bool {
    let mut rest = line.trim_start();
    loop {
        if rest.is_empty() || rest.starts_with("--") {
            return true;
        }
        match rest
            .strip_prefix("/*")
            .and_then(|r| r.find("*/").map(|i| &r[i + 2..]))
        {
            Some(after) => rest = after.trim_start(),
            None => return false,
        }
    }
}

/// Lines from a byte reader (a file or stdin): a leading UTF-8 BOM is skipped, LF and CRLF
/// both end a line, and invalid UTF-8 is an error naming the line and column.
pub struct ReaderSource<R> {
    reader: R,
    origin: Rc<str>,
    line_no: usize,
    buf: Vec<u8>,
}

impl<R: BufRead> ReaderSource<R> {
    pub fn new(reader: R, origin: Rc<str>) -> Self {
        ReaderSource {
            reader,
            origin,
            line_no: 0,
            buf: Vec::new(),
        }
    }
}

impl<R: BufRead> LineSource for ReaderSource<R> {
    fn next_line(&mut self, _is_pending: bool, _conn: &rusqlite::Connection) -> Result<Line> {
        self.buf.clear();
        let n = self
            .reader
            .read_until(b'\n', &mut self.buf)
            .map_err(|e| Error::Input {
                message: format!("cannot read input: {e}"),
                location: Location::new(self.origin.clone(), self.line_no + 1, 1),
            })?;
        if n == 0 {
            return Ok(Line::End);
        }
        self.line_no += 1;
        let mut bytes: &[u8] = &self.buf;
        if self.line_no == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
        bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(s) => Ok(Line::Text(s.to_string())),
            Err(e) => {
                let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
                let mut location =
                    Location::new(self.origin.clone(), self.line_no, valid.chars().count() + 1);
                location.text = Some(String::from_utf8_lossy(bytes).into_owned());
                Err(Error::Input {
                    message: "invalid UTF-8 in input".into(),
                    location,
                })
            }
        }
    }

    fn origin(&self) -> Rc<str> {
        self.origin.clone()
    }
}

/// Lines of a `-c` argument.
pub struct TextSource {
    lines: std::vec::IntoIter<String>,
    origin: Rc<str>,
}

impl TextSource {
    pub fn new(text: &str, origin: Rc<str>) -> Self {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let lines: Vec<String> = text
            .split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
            .collect();
        TextSource {
            lines: lines.into_iter(),
            origin,
        }
    }
}

impl LineSource for TextSource {
    fn next_line(&mut self, _is_pending: bool, _conn: &rusqlite::Connection) -> Result<Line> {
        Ok(self.lines.next().map_or(Line::End, Line::Text))
    }

    fn origin(&self) -> Rc<str> {
        self.origin.clone()
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<Item> {
        let mut s = Splitter::default();
        let mut items = Vec::new();
        for (i, line) in text.split('\n').enumerate() {
            items.extend(s.push_line(line, i + 1));
        }
        items.extend(s.finish());
        items
    }

    fn sql(text: &str, line: usize) -> Item {
        Item::Sql {
            text: text.into(),
            line,
        }
    }

    #[test]
    fn statements_end_at_a_complete_semicolon() {
        assert_eq!(
            split("select 1;\nselect\n 2;"),
            vec![sql("select 1;\n", 1), sql("select\n 2;\n", 2)]
        );
    }

    #[test]
    fn semicolons_inside_strings_and_comments_do_not_end_a_statement() {
        assert_eq!(
            split("select ';' -- ;\n, 'a;b';"),
            vec![sql("select ';' -- ;\n, 'a;b';\n", 1)]
        );
    }

    #[test]
    fn trigger_bodies_run_to_their_end() {
        let t = "create trigger t after insert on x begin\n insert into y values(1);\nend;";
        assert_eq!(split(t), vec![sql(&format!("{t}\n"), 1)]);
    }

    #[test]
    fn text_after_the_last_semicolon_still_runs() {
        assert_eq!(
            split("select 1;\nselect 2"),
            vec![sql("select 1;\n", 1), sql("select 2\n", 2)]
        );
    }

    #[test]
    fn dot_commands_only_at_a_statement_boundary() {
        assert_eq!(
            split(".mode csv\nselect\n.5;\n  .headers off"),
            vec![
                Item::Dot {
                    text: ".mode csv".into(),
                    line: 1
                },
                sql("select\n.5;\n", 2),
                Item::Dot {
                    text: ".headers off".into(),
                    line: 4
                },
            ]
        );
    }

    #[test]
    fn comment_lines_between_statements_are_skipped() {
        assert_eq!(
            split("-- note\n/* x */\n.print hi"),
            vec![Item::Dot {
                text: ".print hi".into(),
                line: 3
            }]
        );
    }

    #[test]
    fn reader_skips_bom_handles_crlf_and_rejects_bad_utf8() {
        let data: &[u8] = b"\xEF\xBB\xBFselect 1;\r\nselect '\xff';\n";
        let mut r = ReaderSource::new(data, "f.sql".into());
        let conn = rusqlite::Connection::open_in_memory().expect("an in-memory database");
        assert_eq!(
            r.next_line(false, &conn).ok(),
            Some(Line::Text("select 1;".into()))
        );
        let err = r
            .next_line(false, &conn)
            .expect_err("invalid UTF-8 is an error");
        assert!(matches!(err, Error::Input { .. }), "{err:?}");
        let at = err.location().expect("an input error has a location");
        assert_eq!((at.line, at.col), (2, 9));
    }
}
