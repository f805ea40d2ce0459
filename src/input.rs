//! Where input comes from and how it is cut: sources of lines (a file or stdin read once,
//! `-c` text, saved-query text; the REPL's editor lives in `repl`), the splitter that turns
//! lines into SQL chunks and dot-commands by SQLite's own completeness rule, and the `Frame`
//! the driver keeps for each source on its stack.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::error::{Error, Location, Result};
use crate::sqlite::{self, Params};
use crate::sqltext::{Lexer, Scanner, Token, TokenKind};

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
    /// The name used in error locations: a path, `<stdin>`, `<command N>`, `<repl>`.
    fn origin(&self) -> Rc<str>;
    /// True for the REPL: errors never end it and prompts are shown.
    fn is_interactive(&self) -> bool {
        false
    }
    /// Ctrl-C: drops whatever input the source holds but has not handed on (the rest of a
    /// block pasted at the prompt).
    fn cancel(&mut self) {}
}

/// SQL text to run and where it came from, for error locations.
pub struct Chunk<'a> {
    pub text: &'a str,
    pub origin: Rc<str>,
    /// The line of the source where `text` starts.
    pub line: usize,
}

impl Chunk<'_> {
    /// The source location of byte `offset` of the chunk, with its line's text and a caret
    /// as wide as the token there.
    pub fn locate(&self, offset: usize) -> Location {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &self.text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line_end = self.text[offset..]
            .find('\n')
            .map_or(self.text.len(), |i| offset + i);
        let mut loc = Location::new(
            self.origin.clone(),
            self.line + before.matches('\n').count(),
            before[line_start..].chars().count() + 1,
        );
        loc.text = Some(
            self.text[line_start..line_end]
                .trim_end_matches('\r')
                .to_string(),
        );
        let token = self.text[offset..line_end]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .count();
        loc.width = token.max(1);
        loc
    }
}

/// One unit of work found in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// SQL text holding one or more complete statements (or the unterminated rest of the
    /// input); `line` is where its first line starts. `is_vertical` when it ended in `\G`
    /// instead of `;`: its result is printed one `column = value` line per field.
    Sql {
        text: String,
        line: usize,
        is_vertical: bool,
    },
    /// A dot-command line, without its terminator.
    Dot { text: String, line: usize },
    /// A line between statements that holds nothing to run: blank, a comment, or a `#`
    /// line (sqlite3 scripts use them). Only `.echo on` shows it.
    Comment { text: String },
    /// A statement begun on `line` grew past the splitter's limit (SQLite's statement
    /// length) without ending, and was dropped: it could never run, and an endless one
    /// (`yes 'select 1 +'`) would otherwise be held until memory ran out.
    TooLong { line: usize, limit: usize },
}

/// Accumulates lines until they form complete SQL, by SQLite's own rule (`sqlite3_complete`,
/// run incrementally by `sqltext::Scanner`, so the cost stays linear however long the pending
/// text grows). A line that starts with `.` while nothing is pending is a dot-command; one
/// that starts with `#` then is a comment, as in sqlite3.
#[derive(Debug)]
pub struct Splitter {
    buf: String,
    start: usize,
    scanner: Scanner,
    /// The longest statement held, in bytes ([`Item::TooLong`] past it).
    pub limit: usize,
}

impl Default for Splitter {
    fn default() -> Self {
        Splitter {
            buf: String::new(),
            start: 0,
            scanner: Scanner::default(),
            limit: usize::MAX,
        }
    }
}

impl Splitter {
    pub fn is_pending(&self) -> bool {
        !self.buf.is_empty()
    }

    /// Feeds one line (1-based number `line_no`); returns an item when one is complete.
    pub fn push_line(&mut self, line: &str, line_no: usize) -> Option<Item> {
        if self.buf.is_empty() {
            if is_blank(line) || line.starts_with('#') {
                return Some(Item::Comment {
                    text: line.to_string(),
                });
            }
            if line.trim_start().starts_with('.') {
                return Some(Item::Dot {
                    text: line.trim_start().to_string(),
                    line: line_no,
                });
            }
            if is_terminator_line(line) {
                // Read as `;`, and echoed so.
                return Some(Item::Comment { text: ";".into() });
            }
            self.start = line_no;
        } else if is_terminator_line(line) {
            // sqlite3's `line_is_command_terminator`: the line is `;` when that completes
            // the pending statement (not inside a string, a comment or a trigger body).
            let mut probe = self.scanner.clone();
            probe.feed(";");
            if probe.is_complete() {
                self.buf.push_str(";\n");
                return self.take(false);
            }
        }
        // `\G` at the end of a line ends the statement as `;` would, when it is not inside
        // a string or comment: a copy of the scanner tells.
        if let Some(head) = line.trim_end().strip_suffix("\\G") {
            let mut probe = self.scanner.clone();
            probe.feed(head);
            if !probe.is_blank() {
                probe.feed(";");
                if probe.is_complete() {
                    self.buf.push_str(head);
                    self.buf.push('\n');
                    return self.take(true);
                }
            }
        }
        let is_first_line = self.buf.is_empty();
        self.buf.push_str(line);
        self.buf.push('\n');
        let is_complete = if is_first_line {
            // Most statements are one line: SQLite's own test on it is the cheapest. Only a
            // statement that goes on past its first line needs the incremental scanner,
            // which then sees every line once.
            // (A NUL byte cannot pass through SQLite's C string: the scanner reads that line.)
            let is_complete =
                line.contains(';') && !line.contains('\0') && sqlite::is_complete(&self.buf);
            is_complete || {
                feed(&mut self.scanner, &self.buf);
                self.scanner.is_complete()
            }
        } else {
            feed(&mut self.scanner, line);
            self.scanner.feed("\n");
            self.scanner.is_complete()
        };
        // A statement with a NUL byte ends where it would without it: the executor then
        // reports the NUL with its location, and what follows splits as written.
        if is_complete {
            return self.take(false);
        }
        if self.buf.len() > self.limit {
            self.clear();
            return Some(Item::TooLong {
                line: self.start,
                limit: self.limit,
            });
        }
        None
    }

    /// End of input: whatever is pending still runs, as in sqlite3, without the line end
    /// of its last line (which no statement ended), so that an error quoting a token that
    /// runs to the end (`unrecognized token: "'x;"`) stays on one line.
    pub fn finish(&mut self) -> Option<Item> {
        if self.buf.trim().is_empty() {
            self.clear();
            return None;
        }
        if self.buf.ends_with('\n') {
            self.buf.pop();
        }
        self.take(false)
    }

    /// Drops a pending statement (Ctrl-C in the REPL, an unreadable line).
    pub fn clear(&mut self) {
        self.buf.clear();
        self.scanner.reset();
    }

    fn take(&mut self, is_vertical: bool) -> Option<Item> {
        let text = std::mem::take(&mut self.buf);
        self.scanner.reset();
        Some(Item::Sql {
            text,
            line: self.start,
            is_vertical,
        })
    }
}

/// Feeds `text` to the statement scanner, a NUL byte as a space: a statement ends where it
/// would without the NUL, which the executor then reports where it stands.
fn feed(scanner: &mut Scanner, text: &str) {
    if text.contains('\0') {
        scanner.feed(&text.replace('\0', " "));
    } else {
        scanner.feed(text);
    }
}

/// A line of only `GO` (SQL Server) or `/` (Oracle), in any case with any space around it:
/// sqlite3 reads it as `;`.
fn is_terminator_line(line: &str) -> bool {
    let t = line.trim();
    t == "/" || t.eq_ignore_ascii_case("go")
}

/// A line of only whitespace, semicolons and comments (none left open), skipped while no
/// statement is pending so that a comment line does not swallow the dot-command after it.
/// sqlite3 swallows such a line too (its `QSS_PLAINWHITE`): it runs nothing, and is not the
/// line `.once` waits for.
fn is_blank(line: &str) -> bool {
    let t = line.trim_start_matches(|c: char| c.is_whitespace() || c == ';');
    if t.is_empty() || t.starts_with("--") {
        return true;
    }
    if !t.starts_with("/*") {
        return false;
    }
    let mut is_blank = true;
    let mut check = |token: Token| {
        is_blank &= matches!(
            token.kind,
            TokenKind::Whitespace
                | TokenKind::Semicolon
                | TokenKind::LineComment
                | TokenKind::BlockComment
        );
    };
    let mut lexer = Lexer::new();
    lexer.feed(t, &mut check);
    lexer.feed("\n", &mut check);
    is_blank && lexer.unclosed().is_none()
}

/// Lines from a byte reader (a file or stdin): a leading UTF-8 BOM is skipped, LF and CRLF
/// both end a line, and invalid UTF-8 is an error naming the line and column.
pub struct ReaderSource<R> {
    reader: R,
    origin: Rc<str>,
    line_no: usize,
    buf: Vec<u8>,
    /// A line passed SQLite's statement length, or a read failed: the rest of the input
    /// is not read.
    is_cut: bool,
}

impl<R: BufRead> ReaderSource<R> {
    pub fn new(reader: R, origin: Rc<str>) -> Self {
        ReaderSource {
            reader,
            origin,
            line_no: 0,
            buf: Vec::new(),
            is_cut: false,
        }
    }

    /// The comment lines at the top of the input, from what is already buffered: a saved
    /// query's header (`-- @param …`) without reading the input twice.
    pub fn peek_header(&mut self) -> String {
        let Ok(bytes) = self.reader.fill_buf() else {
            return String::new();
        };
        let text = String::from_utf8_lossy(bytes);
        text.lines()
            .take_while(|l| l.trim().is_empty() || l.trim_start().starts_with("--"))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl<R: BufRead> LineSource for ReaderSource<R> {
    /// A line longer than SQLite's statement length (`/dev/zero`, a file with no line
    /// ends) is an error, after which the input ends: it is never read into memory whole,
    /// which for an endless line ended the process when memory ran out.
    fn next_line(&mut self, _is_pending: bool, conn: &rusqlite::Connection) -> Result<Line> {
        if self.is_cut {
            return Ok(Line::End);
        }
        let limit = sqlite::sql_length_limit(conn);
        self.buf.clear();
        let read = Read::take(&mut self.reader, limit as u64 + 1).read_until(b'\n', &mut self.buf);
        let n = read.map_err(|e| {
            // A read error ends this input, as in sqlite3: reading again fails again.
            self.is_cut = true;
            Error::Input {
                message: format!("cannot read input: {}", crate::error::io_text(&e)),
                location: Location::new(self.origin.clone(), self.line_no + 1, 1),
            }
        })?;
        if n == 0 {
            return Ok(Line::End);
        }
        self.line_no += 1;
        if n > limit && !self.buf.ends_with(b"\n") {
            self.is_cut = true;
            self.buf = Vec::new();
            return Err(Error::Input {
                message: format!(
                    "line {} is longer than {} bytes, SQLite's limit for a statement; the \
                     rest of this input is not read",
                    self.line_no,
                    crate::value::thousands(limit as u64)
                ),
                location: Location::new(self.origin.clone(), self.line_no, 1),
            });
        }
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

/// A script file opened for running: read once, from one descriptor (a pipe, a FIFO or
/// `/dev/stdin` cannot be read twice).
pub type ScriptSource = ReaderSource<BufReader<File>>;

/// Opens a script (FILE arguments, `.read`). A directory, or a SQLite database given where
/// a script was expected (the sqlite3 habit `scoql x.db`), is refused with a pointer to
/// `--db`.
pub fn open_script(path: &Path) -> Result<ScriptSource> {
    let file = File::open(path).map_err(|source| Error::File {
        action: "open",
        path: path.to_path_buf(),
        source,
    })?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(Error::File {
            action: "read",
            path: path.to_path_buf(),
            source: std::io::Error::other("is a directory"),
        });
    }
    let mut reader = BufReader::with_capacity(64 * 1024, file);
    if reader
        .fill_buf()
        .is_ok_and(|b| b.starts_with(b"SQLite format 3\0"))
    {
        return Err(Error::File {
            action: "run",
            path: path.to_path_buf(),
            source: std::io::Error::other(format!(
                "it is a SQLite database, not a script; open it with --db {}",
                path.display()
            )),
        });
    }
    Ok(ReaderSource::new(
        reader,
        Rc::from(path.display().to_string()),
    ))
}

/// Lines of a text held in memory: `-c` arguments, saved queries.
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

/// One source on the driver's stack, with its own splitter and line count. `.read` and
/// `.run` push a frame; when its source ends, the frame is popped.
pub struct Frame {
    pub source: Box<dyn LineSource>,
    pub splitter: Splitter,
    /// Lines read so far (for the REPL: within the statement being typed).
    pub line_no: usize,
    /// Where relative paths in this source resolve (the including file's directory).
    pub base: Option<PathBuf>,
    /// Parameters that hold inside this frame only (`.run NAME k=v`); None uses the
    /// enclosing frame's, and at the bottom the session's.
    pub params: Option<Params>,
    /// The statement being split holds a line that could not be read (reported): it is
    /// dropped when complete.
    pub skips_item: bool,
}

impl Frame {
    /// `item`, unless it is the one a line that could not be read belongs to.
    pub fn unless_skipped(&mut self, item: Option<Item>) -> Option<Item> {
        if item.is_some() && std::mem::take(&mut self.skips_item) {
            return None;
        }
        item
    }

    pub fn new(source: Box<dyn LineSource>) -> Frame {
        Frame {
            source,
            splitter: Splitter::default(),
            line_no: 0,
            base: None,
            params: None,
            skips_item: false,
        }
    }

    /// A frame for a script file, with relative paths resolving against its directory.
    pub fn script(path: &Path, source: ScriptSource) -> Frame {
        Frame {
            base: path.parent().map(Path::to_path_buf),
            ..Frame::new(Box::new(source))
        }
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn split(text: &str) -> Vec<Item> {
        let mut s = Splitter::default();
        let mut items = Vec::new();
        for (i, line) in text.split('\n').enumerate() {
            items.extend(
                s.push_line(line, i + 1)
                    .filter(|i| !matches!(i, Item::Comment { .. })),
            );
        }
        items.extend(s.finish());
        items
    }

    fn sql(text: &str, line: usize) -> Item {
        Item::Sql {
            text: text.into(),
            line,
            is_vertical: false,
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
            vec![sql("select 1;\n", 1), sql("select 2", 2)]
        );
        // An unclosed string keeps its own line ends, not the one after the input's end.
        assert_eq!(split("select 'a\nb"), vec![sql("select 'a\nb", 1)]);
    }

    #[test]
    fn a_backslash_g_line_ends_the_statement_above_it() {
        // The splitter property test found this shape: `\G` alone on the line after a
        // statement's first line.
        let items = split("select 'é中'\n\\G");
        assert_eq!(
            items,
            vec![Item::Sql {
                text: "select 'é中'\n\n".into(),
                line: 1,
                is_vertical: true
            }]
        );
    }

    #[test]
    fn a_trailing_backslash_g_ends_a_statement_for_vertical_output() {
        assert_eq!(
            split("select 1\\G\nselect '\\G\n';"),
            vec![
                Item::Sql {
                    text: "select 1\n".into(),
                    line: 1,
                    is_vertical: true
                },
                sql("select '\\G\n';\n", 2)
            ]
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
    fn a_statement_that_outgrows_the_limit_is_dropped_and_the_next_one_runs() {
        let mut s = Splitter {
            limit: 30,
            ..Splitter::default()
        };
        let mut items = Vec::new();
        for (i, line) in ["select 1 +"; 4].iter().chain(&["select 2;"]).enumerate() {
            items.extend(s.push_line(line, i + 1));
        }
        assert_eq!(
            items,
            vec![
                Item::TooLong { line: 1, limit: 30 },
                sql("select 1 +\nselect 2;\n", 4)
            ]
        );
    }

    #[test]
    fn a_line_longer_than_sqlites_statement_limit_ends_the_input_unread() {
        // A line with no end in sight (`/dev/zero`) is read only up to the limit, then the
        // input ends.
        let conn = rusqlite::Connection::open_in_memory().expect("a database");
        conn.set_limit(rusqlite::limits::Limit::SQLITE_LIMIT_SQL_LENGTH, 1000)
            .expect("a lower limit");
        let endless = std::io::BufReader::new(std::io::repeat(b'x').take(1_000_000));
        let mut source = ReaderSource::new(endless, "<zeros>".into());
        match source.next_line(false, &conn) {
            Err(Error::Input { message, location }) => {
                assert!(
                    message.starts_with("line 1 is longer than 1,000 bytes"),
                    "{message}"
                );
                assert_eq!((location.line, location.col), (1, 1));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(source.next_line(false, &conn).expect("the end"), Line::End);
        // A line of exactly the limit is read as usual.
        let text = format!("{}\nselect 2;\n", "x".repeat(1000));
        let mut source = ReaderSource::new(text.as_bytes(), "<text>".into());
        assert_eq!(
            source.next_line(false, &conn).expect("a line"),
            Line::Text("x".repeat(1000))
        );
        assert_eq!(
            source.next_line(false, &conn).expect("a line"),
            Line::Text("select 2;".into())
        );
    }

    #[test]
    fn comment_lines_between_statements_are_skipped() {
        assert_eq!(
            split("-- note\n/* x */\n# sqlite3 comment\n.print hi"),
            vec![Item::Dot {
                text: ".print hi".into(),
                line: 4
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

    /// Lines made of fragments that stress statement boundaries.
    fn sql_lines() -> impl Strategy<Value = Vec<String>> {
        let fragment = prop_oneof![
            Just("select 1".to_string()),
            Just(";".to_string()),
            Just("'".to_string()),
            Just("\"".to_string()),
            Just("--".to_string()),
            Just("/*".to_string()),
            Just("*/".to_string()),
            Just("create trigger t after insert on x begin".to_string()),
            Just("end".to_string()),
            Just(".mode csv".to_string()),
            Just("go".to_string()),
            Just("/".to_string()),
            Just(" ".to_string()),
            Just("\0".to_string()),
            Just("é中".to_string()),
            "[ -~]{0,6}",
        ];
        prop::collection::vec(
            prop::collection::vec(fragment, 0..5).prop_map(|f| f.concat()),
            0..8,
        )
    }

    fn split_lines(lines: &[String]) -> Vec<Item> {
        let mut s = Splitter::default();
        let mut items = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            items.extend(
                s.push_line(l, i + 1)
                    .filter(|i| !matches!(i, Item::Comment { .. })),
            );
        }
        items.extend(s.finish());
        items
    }

    /// Lines of an item, as they were fed.
    fn item_lines(item: &Item) -> Vec<String> {
        match item {
            Item::Sql { text, .. } => text
                .strip_suffix('\n')
                .unwrap_or(text)
                .split('\n')
                .map(str::to_string)
                .collect(),
            Item::Dot { text, .. } | Item::Comment { text } => vec![text.clone()],
            // Never made without a limit; its lines would be reported lost.
            Item::TooLong { .. } => Vec::new(),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn splitter_loses_no_line_and_ends_statements_where_sqlite_says(lines in sql_lines()) {
            let items = split_lines(&lines);
            // Every line reaches an item unchanged, in order, except lines of only whitespace
            // and comments between statements, which hold no SQL.
            let mut covered = vec![false; lines.len()];
            let mut last_start = 0;
            for item in &items {
                let start = match item {
                    Item::Sql { line, .. } | Item::Dot { line, .. } => *line,
                    Item::Comment { .. } | Item::TooLong { .. } => continue,
                };
                prop_assert!(start > last_start, "items out of order");
                last_start = start;
                let count = item_lines(item).len();
                for (k, expected) in item_lines(item).iter().enumerate() {
                    let got = lines[start - 1 + k].as_str();
                    // A statement ended by `\G` holds its last line without the `\G`.
                    let got = match item {
                        Item::Sql { is_vertical: true, .. } if k + 1 == count => {
                            got.trim_end().strip_suffix("\\G").unwrap_or(got)
                        }
                        // A line of only GO or / that ends a statement is its `;`.
                        Item::Sql { .. } if k + 1 == count && is_terminator_line(got) && expected == ";" => ";",
                        _ => got,
                    };
                    match item {
                        Item::Dot { .. } => prop_assert_eq!(got.trim_start(), expected.as_str()),
                        Item::Sql { .. } | Item::Comment { .. } | Item::TooLong { .. } => {
                            prop_assert_eq!(got, expected.as_str())
                        }
                    }
                    prop_assert!(!covered[start - 1 + k], "line {} in two items", start + k);
                    covered[start - 1 + k] = true;
                }
            }
            for (line, is_covered) in lines.iter().zip(&covered) {
                let t = line.trim_start_matches(|c: char| c.is_whitespace() || c == ';');
                prop_assert!(
                    *is_covered || t.is_empty() || t.starts_with("--") || t.starts_with("/*") || line.starts_with('#')
                        || is_terminator_line(line),
                    "line lost: {:?}", line
                );
            }
            // Statements end exactly where the text first becomes complete.
            for (n, item) in items.iter().enumerate() {
                let Item::Sql { text, is_vertical: false, .. } = item else { continue };
                if text.contains('\0') {
                    continue;
                }
                let ls = item_lines(item);
                let mut prefix = String::new();
                for (k, l) in ls.iter().enumerate() {
                    prefix.push_str(l);
                    prefix.push('\n');
                    let last = k + 1 == ls.len();
                    if !last {
                        prop_assert!(!crate::sqlite::is_complete(&prefix), "ended late: {:?}", prefix);
                    } else if n + 1 < items.len() {
                        prop_assert!(crate::sqlite::is_complete(&prefix), "ended early: {:?}", prefix);
                    }
                }
            }
        }

        #[test]
        fn reader_never_panics_on_arbitrary_bytes_and_keeps_valid_text(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
            let conn = rusqlite::Connection::open_in_memory().expect("an in-memory database");
            let mut src = ReaderSource::new(&bytes[..], "<prop>".into());
            let mut text = String::new();
            let mut had_error = false;
            loop {
                match src.next_line(false, &conn) {
                    Ok(Line::Text(l)) => { text.push_str(&l); text.push('\n'); }
                    Ok(Line::End) => break,
                    Ok(Line::Cancel) => prop_assert!(false, "a reader never cancels"),
                    Err(_) => had_error = true,
                }
            }
            if let Ok(s) = std::str::from_utf8(&bytes) {
                prop_assert!(!had_error);
                let s = s.strip_prefix('\u{feff}').unwrap_or(s);
                let expected: String = s.split_inclusive('\n').map(|l| {
                    let l = l.strip_suffix('\n').unwrap_or(l);
                    let l = l.strip_suffix('\r').unwrap_or(l);
                    format!("{l}\n")
                }).collect();
                prop_assert_eq!(text, expected);
            }
        }

    }
}
