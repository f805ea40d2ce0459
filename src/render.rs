//! Output modes: the `Mode` enum that names them all, the renderer interface (begin / row /
//! end, writing into a byte buffer), and the streaming renderers, byte-compatible with the
//! sqlite3 shell (3.40) in list, csv, tabs, line, quote and insert.

use std::fmt::Write as _;

use crate::exec::{Cell, Row, needs_quoting, real_exact};

/// Every output mode. One definition drives `--mode`, the shortcuts, `.mode`, `.help` and
/// completion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Mode {
    /// Table with UTF-8 borders (default).
    Table,
    /// Table with a rule between every row.
    Box,
    /// GitHub-flavoured markdown table.
    Markdown,
    /// Values separated by `.separator` (default `|`).
    List,
    /// Comma-separated values, quoted as the sqlite3 shell quotes them.
    Csv,
    /// Tab-separated values.
    Tabs,
    /// One `name = value` line per column, a blank line between rows.
    Line,
    /// Values as SQL literals.
    Quote,
    /// SQL INSERT statements for TABLE.
    Insert,
    /// One JSON array of objects per result.
    Json,
    /// One JSON object per line.
    Jsonl,
}

impl Mode {
    pub const ALL: [Mode; 11] = [
        Mode::Table,
        Mode::Box,
        Mode::Markdown,
        Mode::List,
        Mode::Csv,
        Mode::Tabs,
        Mode::Line,
        Mode::Quote,
        Mode::Insert,
        Mode::Json,
        Mode::Jsonl,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Mode::Table => "table",
            Mode::Box => "box",
            Mode::Markdown => "markdown",
            Mode::List => "list",
            Mode::Csv => "csv",
            Mode::Tabs => "tabs",
            Mode::Line => "line",
            Mode::Quote => "quote",
            Mode::Insert => "insert",
            Mode::Json => "json",
            Mode::Jsonl => "jsonl",
        }
    }

    pub fn parse(name: &str) -> Option<Mode> {
        // sqlite3 also accepts `lines` for line mode.
        let name = if name == "lines" { "line" } else { name };
        Mode::ALL.into_iter().find(|m| m.name() == name)
    }

    /// Drawn as a whole table at the end of a result (rows are held, up to the row limit).
    pub fn is_table(self) -> bool {
        matches!(self, Mode::Table | Mode::Box | Mode::Markdown)
    }
}

/// What a renderer needs to know; renderers never see the session.
#[derive(Debug, Clone)]
pub struct Options {
    pub headers: bool,
    /// Text for NULL; None means the mode's default (`NULL` in tables, empty elsewhere).
    pub nullvalue: Option<String>,
    pub colsep: String,
    pub rowsep: String,
    /// Target of `insert` mode, already quoted when it needs it.
    pub table_name: String,
    /// Table modes: draw at most this many rows (head and tail); None = all.
    pub maxrows: Option<usize>,
    /// Table modes: fit to this terminal width.
    pub width: Option<u16>,
    pub color: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            headers: true,
            nullvalue: None,
            colsep: "|".into(),
            rowsep: "\n".into(),
            table_name: "\"table\"".into(),
            maxrows: None,
            width: None,
            color: false,
        }
    }
}

/// A renderer receives one result: its column names, then each row as it is stepped, then
/// the end. Output goes into `out`, which the caller drains to the sink.
pub trait Renderer {
    fn begin(&mut self, out: &mut Vec<u8>, columns: &[String]);
    fn row(&mut self, out: &mut Vec<u8>, row: &Row);
    fn end(&mut self, out: &mut Vec<u8>);
}

/// The renderer for `mode`, for one result.
pub fn renderer(mode: Mode, opts: &Options) -> Box<dyn Renderer> {
    let opts = opts.clone();
    match mode {
        Mode::Table | Mode::Box | Mode::Markdown => {
            Box::new(crate::table::TableRenderer::new(mode, opts))
        }
        Mode::List | Mode::Tabs => Box::new(List::new(opts, Fields::Plain)),
        Mode::Csv => Box::new(List::new(opts, Fields::Csv)),
        Mode::Quote => Box::new(List::new(opts, Fields::Quote)),
        Mode::Line => Box::new(Line::new(opts)),
        Mode::Insert => Box::new(Insert::new(opts)),
        Mode::Json => Box::new(Json::new(false)),
        Mode::Jsonl => Box::new(Json::new(true)),
    }
}

/// The sqlite3 shell passes values around as C strings, so text stops at its first NUL.
fn c_text(bytes: &[u8]) -> &[u8] {
    match bytes.iter().position(|&b| b == 0) {
        Some(i) => &bytes[..i],
        None => bytes,
    }
}

/// The shell's text of a value (`sqlite3_column_text`), or None for NULL. Integers are
/// formatted here rather than converted by SQLite: the digits are the same, without a
/// second conversion.
pub fn value_text<'a>(cell: &Cell<'a>, scratch: &'a mut itoa::Buffer) -> Option<&'a [u8]> {
    match *cell {
        Cell::Null => None,
        Cell::Integer(v) => Some(scratch.format(v).as_bytes()),
        Cell::Real(_, t) | Cell::Text(t) | Cell::Blob(t) => Some(c_text(t)),
    }
}

/// How a separated-list mode writes each field.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fields {
    /// list and tabs: the text as it is.
    Plain,
    /// csv: quoted by the shell's CSV rule.
    Csv,
    /// quote: every value an SQL literal, names as strings.
    Quote,
}

/// list, tabs, csv and quote: fields joined by the column separator, rows ended by the row
/// separator, headers once per result.
struct List {
    opts: Options,
    fields: Fields,
    quote_bytes: [bool; 256],
    /// No byte of the separator can occur in a number's text.
    numbers_are_plain: bool,
    nullvalue: Vec<u8>,
    columns: Vec<String>,
    rows: usize,
}

impl List {
    fn new(opts: Options, fields: Fields) -> Self {
        let nullvalue = opts.nullvalue.clone().unwrap_or_default().into_bytes();
        List {
            quote_bytes: csv_quote_bytes(opts.colsep.as_bytes()),
            numbers_are_plain: !opts.colsep.is_empty()
                && !opts.colsep.bytes().any(|b| b"0123456789.-+e".contains(&b)),
            opts,
            fields,
            nullvalue,
            columns: Vec::new(),
            rows: 0,
        }
    }

    fn field(&self, out: &mut Vec<u8>, text: Option<&[u8]>) {
        match (text, self.fields) {
            (None, _) => out.extend_from_slice(&self.nullvalue),
            (Some(t), Fields::Csv) => {
                csv_field(out, t, self.opts.colsep.as_bytes(), &self.quote_bytes)
            }
            (Some(t), Fields::Quote) => quoted(out, t),
            (Some(t), Fields::Plain) => out.extend_from_slice(t),
        }
    }
}

/// The sqlite3 shell's CSV rule: quote when the value is empty, holds a control character,
/// a space, `"`, `'`, DEL or any non-ASCII byte, or contains the column separator.
/// `quote_bytes` marks those bytes (and a one-byte separator) so the test is one lookup a
/// byte.
fn csv_field(out: &mut Vec<u8>, t: &[u8], sep: &[u8], quote_bytes: &[bool; 256]) {
    let needs = t.is_empty()
        || t.iter().any(|&b| quote_bytes[usize::from(b)])
        || (sep.len() > 1 && t.windows(sep.len()).any(|w| w == sep));
    if needs {
        out.push(b'"');
        // Runs between double quotes are copied whole; each `"` is doubled.
        let mut parts = t.split(|&b| b == b'"');
        if let Some(first) = parts.next() {
            out.extend_from_slice(first);
        }
        for part in parts {
            out.extend_from_slice(b"\"\"");
            out.extend_from_slice(part);
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(t);
    }
}

fn csv_quote_bytes(sep: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    for (b, slot) in table.iter_mut().enumerate() {
        *slot = b <= usize::from(b' ')
            || b == usize::from(b'"')
            || b == usize::from(b'\'')
            || b >= 0x7f;
    }
    if let [only] = sep {
        table[usize::from(*only)] = true;
    }
    table
}

impl Renderer for List {
    fn begin(&mut self, _out: &mut Vec<u8>, columns: &[String]) {
        self.columns = columns.to_vec();
    }

    fn row(&mut self, out: &mut Vec<u8>, row: &Row) {
        if self.rows == 0 && self.opts.headers {
            for (i, c) in self.columns.iter().enumerate() {
                if i > 0 {
                    out.extend_from_slice(self.opts.colsep.as_bytes());
                }
                self.field(out, Some(c_text(c.as_bytes())));
            }
            out.extend_from_slice(self.opts.rowsep.as_bytes());
        }
        self.rows += 1;
        let mut num = itoa::Buffer::new();
        let sep = self.opts.colsep.as_bytes();
        for i in 0..row.len() {
            if i > 0 {
                match sep {
                    [one] => out.push(*one),
                    _ => out.extend_from_slice(sep),
                }
            }
            let cell = row.cell(i);
            match (self.fields, cell) {
                (Fields::Quote, _) => sql_literal(out, &cell, false, false),
                // A number's text ("-12", "0.5", "1.0e+300") never needs CSV quotes unless
                // the separator could occur in it; skip the byte test in the row loop.
                (Fields::Csv, Cell::Integer(v)) if self.numbers_are_plain => {
                    out.extend_from_slice(num.format(v).as_bytes());
                }
                (Fields::Csv, Cell::Real(_, t)) if self.numbers_are_plain => {
                    out.extend_from_slice(t);
                }
                _ => self.field(out, value_text(&cell, &mut num)),
            }
        }
        out.extend_from_slice(self.opts.rowsep.as_bytes());
    }

    fn end(&mut self, _out: &mut Vec<u8>) {}
}

/// line: `name = value`, names right-aligned to the widest (at least 5 bytes), the row
/// separator between rows.
struct Line {
    opts: Options,
    names: Vec<Vec<u8>>,
    rows: usize,
}

impl Line {
    fn new(opts: Options) -> Self {
        Line {
            opts,
            names: Vec::new(),
            rows: 0,
        }
    }
}

impl Renderer for Line {
    fn begin(&mut self, _out: &mut Vec<u8>, columns: &[String]) {
        let width = columns
            .iter()
            .map(|c| c_text(c.as_bytes()).len())
            .max()
            .unwrap_or(0)
            .max(5);
        self.names = columns
            .iter()
            .map(|c| {
                let name = c_text(c.as_bytes());
                let mut padded = vec![b' '; width - name.len()];
                padded.extend_from_slice(name);
                padded.extend_from_slice(b" = ");
                padded
            })
            .collect();
    }

    fn row(&mut self, out: &mut Vec<u8>, row: &Row) {
        if self.rows > 0 {
            out.extend_from_slice(self.opts.rowsep.as_bytes());
        }
        self.rows += 1;
        let null = self.opts.nullvalue.as_deref().unwrap_or("").as_bytes();
        let mut num = itoa::Buffer::new();
        for (i, name) in self.names.iter().enumerate() {
            out.extend_from_slice(name);
            let cell = row.cell(i);
            out.extend_from_slice(value_text(&cell, &mut num).unwrap_or(null));
            out.extend_from_slice(self.opts.rowsep.as_bytes());
        }
    }

    fn end(&mut self, _out: &mut Vec<u8>) {}
}

/// `'text'` with quotes doubled, as the shell's quote mode writes strings.
fn quoted(out: &mut Vec<u8>, t: &[u8]) {
    out.push(b'\'');
    for &b in t {
        if b == b'\'' {
            out.push(b'\'');
        }
        out.push(b);
    }
    out.push(b'\'');
}

/// insert mode's strings: as `quoted`, but newlines and carriage returns are written as
/// escape sequences undone by `replace(..., char(10))`, so that each INSERT stays on one line.
fn quoted_escaped(out: &mut Vec<u8>, t: &[u8]) {
    let has_nl = t.contains(&b'\n');
    let has_cr = t.contains(&b'\r');
    if !has_nl && !has_cr {
        return quoted(out, t);
    }
    let nl = has_nl.then(|| unused_marker(t, "\\n", "\\012"));
    let cr = has_cr.then(|| unused_marker(t, "\\r", "\\015"));
    if nl.is_some() {
        out.extend_from_slice(b"replace(");
    }
    if cr.is_some() {
        out.extend_from_slice(b"replace(");
    }
    out.push(b'\'');
    for &b in t {
        match b {
            b'\'' => out.extend_from_slice(b"''"),
            b'\n' => out.extend_from_slice(nl.as_deref().unwrap_or("").as_bytes()),
            b'\r' => out.extend_from_slice(cr.as_deref().unwrap_or("").as_bytes()),
            _ => out.push(b),
        }
    }
    out.push(b'\'');
    if let Some(cr) = &cr {
        out.extend_from_slice(format!(",'{cr}',char(13))").as_bytes());
    }
    if let Some(nl) = &nl {
        out.extend_from_slice(format!(",'{nl}',char(10))").as_bytes());
    }
}

/// A marker for a control character that does not already occur in the text.
fn unused_marker(t: &[u8], a: &str, b: &str) -> String {
    let occurs = |m: &str| t.windows(m.len()).any(|w| w == m.as_bytes());
    if !occurs(a) {
        return a.into();
    }
    if !occurs(b) {
        return b.into();
    }
    (0u64..)
        .map(|i| format!("({a}{i})"))
        .find(|m| !occurs(m))
        .unwrap_or_default()
}

fn blob_literal(out: &mut Vec<u8>, b: &[u8]) {
    out.extend_from_slice(b"X'");
    for byte in b {
        let _ = write!(HexSink(out), "{byte:02x}");
    }
    out.push(b'\'');
}

/// Lets `write!` format into a byte buffer.
struct HexSink<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for HexSink<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// A value as an SQL literal, as the shell's quote and insert modes write it.
fn sql_literal(out: &mut Vec<u8>, cell: &Cell, escape_newlines: bool, integral_reals: bool) {
    match *cell {
        Cell::Null => out.extend_from_slice(b"NULL"),
        Cell::Integer(v) => out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes()),
        Cell::Real(v, _) => out.extend_from_slice(real_literal(v, integral_reals).as_bytes()),
        Cell::Text(t) if escape_newlines => quoted_escaped(out, c_text(t)),
        Cell::Text(t) => quoted(out, c_text(t)),
        Cell::Blob(b) => blob_literal(out, b),
    }
}

/// insert mode writes integral reals as `N.0` and infinities as `1e999`; quote mode always
/// uses `%!.20g`.
fn real_literal(v: f64, integral_reals: bool) -> String {
    if integral_reals {
        if v == f64::INFINITY {
            return "1e999".into();
        }
        if v == f64::NEG_INFINITY {
            return "-1e999".into();
        }
        // 2^63: beyond it a C cast to int64 does not round-trip.
        if v.fract() == 0.0 && v.abs() < 9.223_372_036_854_776e18 {
            return format!("{}.0", v as i64);
        }
    }
    real_exact(v)
}

struct Insert {
    opts: Options,
    prefix: Vec<u8>,
}

impl Insert {
    fn new(opts: Options) -> Self {
        Insert {
            opts,
            prefix: Vec::new(),
        }
    }
}

/// An identifier as the shell writes it: bare when it can be, else in double quotes.
pub fn identifier(name: &str) -> String {
    if needs_quoting(name) {
        format!("\"{}\"", name.replace('"', "\"\""))
    } else {
        name.to_string()
    }
}

impl Renderer for Insert {
    fn begin(&mut self, _out: &mut Vec<u8>, columns: &[String]) {
        let mut p = format!("INSERT INTO {}", self.opts.table_name);
        if self.opts.headers {
            let cols: Vec<String> = columns.iter().map(|c| identifier(c)).collect();
            p.push('(');
            p.push_str(&cols.join(","));
            p.push(')');
        }
        p.push_str(" VALUES(");
        self.prefix = p.into_bytes();
    }

    fn row(&mut self, out: &mut Vec<u8>, row: &Row) {
        out.extend_from_slice(&self.prefix);
        for i in 0..row.len() {
            if i > 0 {
                out.push(b',');
            }
            sql_literal(out, &row.cell(i), true, true);
        }
        out.extend_from_slice(b");\n");
    }

    fn end(&mut self, _out: &mut Vec<u8>) {}
}

/// json and jsonl. Integers are exact, reals the shortest text that reads back as the same
/// double (non-finite ones are null), blobs hex strings.
struct Json {
    is_lines: bool,
    keys: Vec<String>,
    rows: usize,
}

impl Json {
    fn new(is_lines: bool) -> Self {
        Json {
            is_lines,
            keys: Vec::new(),
            rows: 0,
        }
    }
}

pub fn json_value(out: &mut Vec<u8>, cell: &Cell) {
    match *cell {
        Cell::Null => out.extend_from_slice(b"null"),
        Cell::Integer(v) => out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes()),
        Cell::Real(v, _) if v.is_finite() => {
            let text = serde_json::Number::from_f64(v)
                .map(|n| n.to_string())
                .unwrap_or_else(|| "null".into());
            out.extend_from_slice(text.as_bytes());
        }
        Cell::Real(..) => out.extend_from_slice(b"null"),
        Cell::Text(t) => json_string(out, &String::from_utf8_lossy(t)),
        Cell::Blob(b) => {
            let mut hex = String::with_capacity(b.len() * 2);
            for byte in b {
                let _ = write!(hex, "{byte:02x}");
            }
            json_string(out, &hex);
        }
    }
}

fn json_string(out: &mut Vec<u8>, s: &str) {
    // Serializing a &str cannot fail; the fallback keeps the output valid JSON regardless.
    if serde_json::to_writer(&mut *out, s).is_err() {
        out.extend_from_slice(b"null");
    }
}

impl Renderer for Json {
    fn begin(&mut self, _out: &mut Vec<u8>, columns: &[String]) {
        self.keys = columns
            .iter()
            .map(|c| {
                let mut k = Vec::new();
                json_string(&mut k, c);
                k.push(b':');
                String::from_utf8_lossy(&k).into_owned()
            })
            .collect();
    }

    fn row(&mut self, out: &mut Vec<u8>, row: &Row) {
        if !self.is_lines {
            out.extend_from_slice(if self.rows == 0 { b"[" } else { b",\n" });
        }
        self.rows += 1;
        out.push(b'{');
        for (i, key) in self.keys.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(key.as_bytes());
            json_value(out, &row.cell(i));
        }
        out.push(b'}');
        if self.is_lines {
            out.push(b'\n');
        }
    }

    fn end(&mut self, out: &mut Vec<u8>) {
        if !self.is_lines {
            out.extend_from_slice(if self.rows == 0 { b"[]\n" } else { b"]\n" });
        }
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
pub(crate) mod tests {
    use super::*;
    use crate::exec::{Db, Step};
    use std::ffi::CString;

    /// Renders the result of `sql` (run on a fresh in-memory database) in `mode`.
    pub(crate) fn render(mode: Mode, opts: &Options, sql: &str) -> String {
        let conn = rusqlite::Connection::open_in_memory().expect("an in-memory database");
        let db = Db::new(&conn);
        let text = CString::new(sql).expect("test SQL without NUL");
        let mut stmt = db
            .prepare(&text, 0)
            .expect("test SQL prepares")
            .0
            .expect("test SQL holds a statement");
        let mut out = Vec::new();
        let mut r = renderer(mode, opts);
        r.begin(&mut out, &stmt.column_names());
        while let Ok(Step::Row) = stmt.step(&db) {
            r.row(&mut out, &stmt.row());
        }
        r.end(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    fn opts() -> Options {
        Options::default()
    }

    const VALUES: &str = "SELECT 1 AS i, 2.5 AS r, 'a,b' AS t, NULL AS n, x'0aff' AS b \
                          UNION ALL SELECT -7, 1e300, 'x\"y', NULL, x''";

    #[test]
    fn list_joins_with_the_separator_and_prints_headers_once() {
        assert_eq!(
            render(Mode::List, &opts(), VALUES),
            "i|r|t|n|b\n1|2.5|a,b||\n\u{fffd}\n-7|1.0e+300|x\"y||\n"
        );
    }

    #[test]
    fn csv_quotes_like_the_sqlite3_shell() {
        let o = Options {
            colsep: ",".into(),
            rowsep: "\r\n".into(),
            ..opts()
        };
        assert_eq!(
            render(
                Mode::Csv,
                &o,
                "SELECT 'a,b' AS x, '' AS y, ' s' AS z, 'q\"q' AS w, 'é' AS v, 3 AS u"
            ),
            "x,y,z,w,v,u\r\n\"a,b\",\"\",\" s\",\"q\"\"q\",\"é\",3\r\n"
        );
    }

    #[test]
    fn line_right_aligns_names_and_separates_rows() {
        assert_eq!(
            render(
                Mode::Line,
                &opts(),
                "SELECT 1 AS a, 'x' AS longname UNION ALL SELECT 2, NULL"
            ),
            "       a = 1\nlongname = x\n\n       a = 2\nlongname = \n"
        );
    }

    #[test]
    fn quote_writes_sql_literals() {
        let o = Options {
            colsep: ",".into(),
            ..opts()
        };
        assert_eq!(
            render(
                Mode::Quote,
                &o,
                "SELECT 1 AS a, 0.5 AS b, 'it''s' AS c, x'01' AS d, NULL AS e"
            ),
            "'a','b','c','d','e'\n1,0.5,'it''s',X'01',NULL\n"
        );
    }

    #[test]
    fn insert_names_columns_with_headers_and_escapes_newlines() {
        let o = Options {
            table_name: "t".into(),
            ..opts()
        };
        assert_eq!(
            render(
                Mode::Insert,
                &o,
                "SELECT 1 AS a, 'x\ny' AS \"b c\", 2.0 AS d"
            ),
            "INSERT INTO t(a,\"b c\",d) VALUES(1,replace('x\\ny','\\n',char(10)),2.0);\n"
        );
        let o = Options {
            headers: false,
            ..o
        };
        assert_eq!(
            render(Mode::Insert, &o, "SELECT 1 AS a"),
            "INSERT INTO t VALUES(1);\n"
        );
    }

    #[test]
    fn json_is_valid_with_exact_integers_and_hex_blobs() {
        let out = render(
            Mode::Json,
            &opts(),
            "SELECT 9223372036854775807 AS i, 0.1 AS r, x'0aff' AS b, NULL AS n, 'é\u{1}\"' AS t \
             UNION ALL SELECT -9223372036854775808, 1e300, x'', NULL, ''",
        );
        assert_eq!(
            out,
            "[{\"i\":9223372036854775807,\"r\":0.1,\"b\":\"0aff\",\"n\":null,\"t\":\"é\\u0001\\\"\"},\n\
             {\"i\":-9223372036854775808,\"r\":1e+300,\"b\":\"\",\"n\":null,\"t\":\"\"}]\n"
        );
        assert_eq!(render(Mode::Json, &opts(), "SELECT 1 AS a WHERE 0"), "[]\n");
    }

    #[test]
    fn jsonl_writes_one_object_per_line_and_nothing_for_no_rows() {
        assert_eq!(
            render(Mode::Jsonl, &opts(), "SELECT 1 AS a UNION ALL SELECT 2"),
            "{\"a\":1}\n{\"a\":2}\n"
        );
        assert_eq!(render(Mode::Jsonl, &opts(), "SELECT 1 AS a WHERE 0"), "");
    }

    #[test]
    fn zero_rows_print_nothing_in_the_sqlite3_modes() {
        for mode in [
            Mode::List,
            Mode::Csv,
            Mode::Tabs,
            Mode::Line,
            Mode::Quote,
            Mode::Insert,
        ] {
            assert_eq!(
                render(mode, &opts(), "SELECT 1 AS a WHERE 0"),
                "",
                "{mode:?}"
            );
        }
    }

    #[test]
    fn bundled_sqlite_renders_reals_with_its_own_rule() {
        // The bundled SQLite (3.50) writes up to 17 significant digits where 3.40 wrote 15;
        // these pin what scoql prints, from sqlite3_column_text.
        let out = render(
            Mode::List,
            &Options {
                headers: false,
                ..opts()
            },
            "SELECT 0.1 + 0.2, 1.0 / 3, 1e-5, 100.0, 2e20",
        );
        assert_eq!(
            out,
            "0.30000000000000004|0.33333333333333332|1.0e-05|100.0|2.0e+20\n"
        );
    }
}
