//! The thin safe layer over SQLite's C API that scoql needs beyond rusqlite: statements
//! prepared one after another from a NUL-terminated script, each borrowing its connection;
//! rows read as `Cell`s with SQLite's own text; parameters bound by name; SQLite's real
//! formatting, keyword test and statement-completeness rule.
//!
//! Why not rusqlite's `Statement`: preparing from a `&str` without a NUL terminator makes
//! SQLite copy the whole remaining script at every statement (quadratic on a long script),
//! and the renderers need SQLite's own text of a real (`sqlite3_column_text`), which is what
//! the sqlite3 shell prints. Every `unsafe` block below states the invariant it relies on.

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::{CStr, CString, c_int};
use std::marker::PhantomData;
use std::ptr::{self, NonNull};

use rusqlite::Connection;
use rusqlite::ffi;

use crate::error::{Error, Result};
use crate::sqltext::{self, TokenKind};
use crate::value::{Cell, Value};

/// Parameter values by name, without their sigil: `:year`, `@year` and `$year` all read
/// `year`; `?3` reads `3`.
pub type Params = BTreeMap<String, Value>;

/// Why a statement could not be prepared: SQLite's message and the byte offset within the
/// script of the offending token (when SQLite names none, of the statement's first token).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrepareError {
    pub message: String,
    pub offset: usize,
}

/// The statements of a script, prepared one at a time as the iterator advances (so a
/// `CREATE TABLE` is in place before the `INSERT` after it is prepared). A prepare error
/// ends the iteration: where the next statement would begin is then unknown.
pub struct Statements<'c, 's> {
    db: *mut ffi::sqlite3,
    sql: &'s CStr,
    offset: usize,
    is_done: bool,
    _conn: PhantomData<&'c Connection>,
}

/// A prepared statement and the byte range of its text within the script (leading
/// whitespace and comments skipped, so an error location points at the statement).
pub struct Prepared<'c> {
    pub stmt: Stmt<'c>,
    pub start: usize,
    pub end: usize,
}

impl<'c, 's> Statements<'c, 's> {
    pub fn new(conn: &'c Connection, sql: &'s CStr) -> Self {
        Statements {
            // SAFETY: the handle stays valid while `conn` is borrowed, which the
            // PhantomData ties to this value's lifetime.
            db: unsafe { conn.handle() },
            sql,
            offset: 0,
            is_done: false,
            _conn: PhantomData,
        }
    }
}

impl<'c> Iterator for Statements<'c, '_> {
    type Item = std::result::Result<Prepared<'c>, PrepareError>;

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.sql.to_bytes();
        while !self.is_done && self.offset < bytes.len() {
            let offset = self.offset;
            let start_ptr = bytes[offset..].as_ptr();
            let mut raw = ptr::null_mut();
            let mut tail = ptr::null();
            // SAFETY: `start_ptr` points into a NUL-terminated buffer that outlives the
            // call (nByte = -1 makes SQLite read up to the NUL without copying the rest);
            // `tail` is set to a position within the same buffer.
            let rc = unsafe {
                ffi::sqlite3_prepare_v2(self.db, start_ptr.cast(), -1, &mut raw, &mut tail)
            };
            if rc != ffi::SQLITE_OK {
                self.is_done = true;
                // SAFETY: valid handle; the offset refers to the text just given.
                let at = unsafe { ffi::sqlite3_error_offset(self.db) };
                if !raw.is_null() {
                    // SAFETY: a statement returned alongside an error is ours to finalize.
                    unsafe { ffi::sqlite3_finalize(raw) };
                }
                let start = offset + skip_space_and_comments(&bytes[offset..]);
                return Some(Err(PrepareError {
                    message: errmsg(self.db),
                    offset: usize::try_from(at).map_or(start, |a| offset + a),
                }));
            }
            let next = if tail.is_null() {
                bytes.len()
            } else {
                // SAFETY: SQLite sets `tail` inside the same buffer, at or after `start_ptr`.
                offset + unsafe { tail.cast::<u8>().offset_from(start_ptr) }.max(0) as usize
            };
            // Progress is guaranteed even if SQLite reported no tail movement.
            self.offset = next.clamp(offset + 1, bytes.len());
            let Some(raw) = NonNull::new(raw) else {
                // Only whitespace or comments were left.
                continue;
            };
            return Some(Ok(Prepared {
                stmt: Stmt::new(raw, self.db),
                start: offset + skip_space_and_comments(&bytes[offset..self.offset]),
                end: self.offset,
            }));
        }
        None
    }
}

/// Bytes of whitespace and comments at the start of `b`, so that a location points at the
/// statement's first token.
fn skip_space_and_comments(b: &[u8]) -> usize {
    let mut i = 0;
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b[i..].starts_with(b"--") {
            i += b[i..]
                .iter()
                .position(|&c| c == b'\n')
                .map_or(b.len() - i, |n| n + 1);
        } else if b[i..].starts_with(b"/*") {
            i += b[i + 2..]
                .windows(2)
                .position(|w| w == b"*/")
                .map_or(b.len() - i, |n| n + 4);
        } else {
            return i;
        }
    }
}

/// A prepared statement, finalized on drop; it cannot outlive its connection.
pub struct Stmt<'c> {
    raw: NonNull<ffi::sqlite3_stmt>,
    db: *mut ffi::sqlite3,
    /// Result columns, fixed once prepared; read once rather than at every row.
    columns: usize,
    _conn: PhantomData<&'c Connection>,
}

/// The outcome of one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Row,
    Done,
}

impl Drop for Stmt<'_> {
    fn drop(&mut self) {
        // SAFETY: `raw` came from a successful prepare and is finalized exactly once, here.
        unsafe {
            ffi::sqlite3_finalize(self.raw.as_ptr());
        }
    }
}

impl<'c> Stmt<'c> {
    fn new(raw: NonNull<ffi::sqlite3_stmt>, db: *mut ffi::sqlite3) -> Self {
        // SAFETY: a live statement, just prepared.
        let columns = unsafe { ffi::sqlite3_column_count(raw.as_ptr()) }.max(0) as usize;
        Stmt {
            raw,
            db,
            columns,
            _conn: PhantomData,
        }
    }

    pub fn column_count(&self) -> usize {
        self.columns
    }

    pub fn column_names(&self) -> Vec<String> {
        let s = self.raw.as_ptr();
        (0..self.columns as c_int)
            .map(|i| {
                // SAFETY: `s` is live and `i` a valid column; the name is a NUL-terminated
                // string owned by the statement (or null on OOM), copied at once.
                unsafe {
                    let p = ffi::sqlite3_column_name(s, i);
                    if p.is_null() {
                        String::new()
                    } else {
                        CStr::from_ptr(p).to_string_lossy().into_owned()
                    }
                }
            })
            .collect()
    }

    /// True for an `EXPLAIN QUERY PLAN` statement (`sqlite3_stmt_isexplain` is 2).
    pub fn is_query_plan(&self) -> bool {
        // SAFETY: live statement.
        unsafe { ffi::sqlite3_stmt_isexplain(self.raw.as_ptr()) == 2 }
    }

    /// True when the statement does not write to the database.
    pub fn is_readonly(&self) -> bool {
        // SAFETY: live statement.
        unsafe { ffi::sqlite3_stmt_readonly(self.raw.as_ptr()) != 0 }
    }

    /// Steps once. An interrupt (Ctrl-C, a signal) is `Error::Interrupted`; any other
    /// failure is `Error::Sql` with SQLite's message and no location yet.
    pub fn step(&mut self) -> Result<Step> {
        // SAFETY: live statement on the connection `db` belongs to.
        let rc = unsafe { ffi::sqlite3_step(self.raw.as_ptr()) };
        match rc {
            ffi::SQLITE_ROW => Ok(Step::Row),
            ffi::SQLITE_DONE => Ok(Step::Done),
            ffi::SQLITE_INTERRUPT => Err(Error::Interrupted),
            _ => Err(Error::Sql {
                message: errmsg(self.db),
                location: None,
            }),
        }
    }

    /// The current row's cells, appended to `out` (cleared first). Valid until the next
    /// step: the borrow of `self` keeps the statement from being stepped meanwhile.
    pub fn cells<'s>(&'s self, out: &mut Vec<Cell<'s>>) {
        out.clear();
        let s = self.raw.as_ptr();
        for i in 0..self.columns as c_int {
            // SAFETY: the statement has a current row (callers read cells only after a
            // `Step::Row`) and `i` is a valid column index. Each column is converted at most
            // once, so no later conversion can invalidate a pointer read before it; the
            // buffers stay valid until the next step, reset or finalize, all of which need
            // `&mut self` and so cannot happen while the returned cells borrow `self`.
            let cell = unsafe {
                match ffi::sqlite3_column_type(s, i) {
                    ffi::SQLITE_INTEGER => Cell::Integer(ffi::sqlite3_column_int64(s, i)),
                    ffi::SQLITE_FLOAT => {
                        let v = ffi::sqlite3_column_double(s, i);
                        Cell::Real(v, column_bytes(ffi::sqlite3_column_text(s, i).cast(), s, i))
                    }
                    ffi::SQLITE_TEXT => {
                        Cell::Text(column_bytes(ffi::sqlite3_column_text(s, i).cast(), s, i))
                    }
                    ffi::SQLITE_BLOB => {
                        Cell::Blob(column_bytes(ffi::sqlite3_column_blob(s, i).cast(), s, i))
                    }
                    _ => Cell::Null,
                }
            };
            out.push(cell);
        }
    }

    /// The statement's parameters by name, in index order (`?N` for a nameless one).
    pub fn parameter_names(&self) -> Vec<String> {
        let s = self.raw.as_ptr();
        // SAFETY: live statement; parameter indexes are 1..=count.
        let count = unsafe { ffi::sqlite3_bind_parameter_count(s) };
        (1..=count)
            .map(|i| {
                // SAFETY: as above; the name is owned by the statement and copied at once.
                unsafe {
                    let p = ffi::sqlite3_bind_parameter_name(s, i);
                    if p.is_null() {
                        format!("?{i}")
                    } else {
                        CStr::from_ptr(p).to_string_lossy().into_owned()
                    }
                }
            })
            .collect()
    }

    /// The parameter indexes the statement's text refers to, numbered as SQLite numbers
    /// them: `?NNN` is NNN, a name its index, a bare `?` one past the largest so far. An
    /// index below the largest that none of them has (`?1` of `SELECT ?2`) is a slot
    /// SQLite leaves unnamed and the statement never reads.
    fn referenced_indexes(&self) -> BTreeSet<c_int> {
        let s = self.raw.as_ptr();
        // SAFETY: live statement; the text is owned by it and copied at once.
        let text = unsafe {
            let p = ffi::sqlite3_sql(s);
            if p.is_null() {
                return BTreeSet::new();
            }
            CStr::from_ptr(p).to_string_lossy().into_owned()
        };
        let mut seen = BTreeSet::new();
        let mut largest = 0;
        for token in sqltext::tokenize(&text) {
            if token.kind != TokenKind::Variable {
                continue;
            }
            let word = &text[token.start..token.end];
            let index = match word.strip_prefix('?') {
                Some("") => largest + 1,
                Some(digits) => digits.parse().unwrap_or(0),
                None => CString::new(word).map_or(0, |name| {
                    // SAFETY: live statement, NUL-terminated name.
                    unsafe { ffi::sqlite3_bind_parameter_index(s, name.as_ptr()) }
                }),
            };
            largest = largest.max(index);
            seen.insert(index);
        }
        seen
    }

    /// Binds every parameter of the statement from `params`; a parameter without a value is
    /// an error naming it (sqlite3 would bind NULL silently). A slot the statement never
    /// reads (`?1` of `SELECT ?2`, which SQLite counts but does not name) needs none.
    pub fn bind(&mut self, params: &Params) -> Result<()> {
        let s = self.raw.as_ptr();
        let mut referenced = None;
        for (i, name) in (1..).zip(self.parameter_names()) {
            let Some(value) = params.get(param_key(&name)) else {
                // SAFETY: live statement, valid index.
                let is_nameless = unsafe { ffi::sqlite3_bind_parameter_name(s, i).is_null() };
                if is_nameless
                    && !referenced
                        .get_or_insert_with(|| self.referenced_indexes())
                        .contains(&i)
                {
                    continue;
                }
                return Err(Error::UnboundParameter {
                    name,
                    hint: " (set it with .param set or --param)".into(),
                    location: None,
                });
            };
            let rc = bind_one(s, i, value);
            if rc != ffi::SQLITE_OK {
                return Err(Error::Parameter {
                    message: format!("cannot bind parameter {name}: {}", errmsg(self.db)),
                    location: None,
                });
            }
        }
        Ok(())
    }
}

fn bind_one(s: *mut ffi::sqlite3_stmt, i: c_int, value: &Value) -> c_int {
    // SAFETY: live statement, valid index; SQLITE_TRANSIENT makes SQLite copy text and
    // blobs before the call returns, so the borrowed bytes need not outlive it.
    unsafe {
        match value {
            Value::Null => ffi::sqlite3_bind_null(s, i),
            Value::Integer(v) => ffi::sqlite3_bind_int64(s, i, *v),
            Value::Real(v, _) => ffi::sqlite3_bind_double(s, i, *v),
            Value::Text(t) => ffi::sqlite3_bind_text64(
                s,
                i,
                t.as_ptr().cast(),
                t.len() as u64,
                ffi::SQLITE_TRANSIENT(),
                ffi::SQLITE_UTF8 as u8,
            ),
            Value::Blob(b) => ffi::sqlite3_bind_blob64(
                s,
                i,
                b.as_ptr().cast(),
                b.len() as u64,
                ffi::SQLITE_TRANSIENT(),
            ),
        }
    }
}

/// # Safety
/// `p` must be the pointer just returned for column `i` of `s` (or null).
unsafe fn column_bytes<'a>(p: *const u8, s: *mut ffi::sqlite3_stmt, i: c_int) -> &'a [u8] {
    if p.is_null() {
        return &[];
    }
    // SAFETY: guaranteed by the caller; column_bytes gives the length of that buffer.
    unsafe {
        let n = ffi::sqlite3_column_bytes(s, i);
        std::slice::from_raw_parts(p, n.max(0) as usize)
    }
}

fn errmsg(db: *mut ffi::sqlite3) -> String {
    // SAFETY: valid handle; errmsg returns a NUL-terminated string owned by SQLite, copied
    // at once.
    unsafe {
        let p = ffi::sqlite3_errmsg(db);
        if p.is_null() {
            "unknown error".into()
        } else {
            CStr::from_ptr(p).to_string_lossy().into_owned()
        }
    }
}

/// The name a parameter's value is stored under: without its `:`, `@`, `$` or `?` sigil.
pub fn param_key(name: &str) -> &str {
    name.strip_prefix([':', '@', '$', '?']).unwrap_or(name)
}

/// Rows changed by the last statement, and since the connection opened.
pub fn changes(conn: &Connection) -> (i64, i64) {
    // SAFETY: valid handle for as long as `conn` is borrowed.
    unsafe {
        let db = conn.handle();
        (ffi::sqlite3_changes64(db), ffi::sqlite3_total_changes64(db))
    }
}

/// A result held in memory: column names and rows of owned values. What the dot-commands'
/// own queries return, and what they draw through the renderers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grid {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

impl Grid {
    pub fn new(columns: &[&str]) -> Grid {
        Grid {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// The first column of every row as text (NULL as empty).
    pub fn first_column(&self) -> Vec<String> {
        self.rows
            .iter()
            .map(|r| match r.first().map(Value::cell) {
                Some(Cell::Text(t)) => String::from_utf8_lossy(t).into_owned(),
                Some(Cell::Integer(v)) => v.to_string(),
                Some(Cell::Real(_, t)) => String::from_utf8_lossy(t).into_owned(),
                _ => String::new(),
            })
            .collect()
    }
}

/// Runs one internal query (`?1`, `?2`, … bound from `args`) and returns its rows: the one
/// way the dot-commands read the database.
pub fn query(conn: &Connection, sql: &str, args: &[Value]) -> Result<Grid> {
    let text = CString::new(sql).map_err(|_| Error::Sql {
        message: "NUL byte in an internal query".into(),
        location: None,
    })?;
    let params: Params = args
        .iter()
        .enumerate()
        .map(|(i, v)| ((i + 1).to_string(), v.clone()))
        .collect();
    let mut grid = Grid::default();
    for prepared in Statements::new(conn, &text) {
        let mut stmt = prepared
            .map_err(|e| Error::Sql {
                message: e.message,
                location: None,
            })?
            .stmt;
        stmt.bind(&params)?;
        grid.columns = stmt.column_names();
        grid.rows.clear();
        while stmt.step()? == Step::Row {
            let mut cells = Vec::with_capacity(grid.columns.len());
            stmt.cells(&mut cells);
            grid.rows.push(cells.iter().map(Cell::to_value).collect());
        }
    }
    Ok(grid)
}

/// The first value of an internal query's first row, or NULL.
pub fn query_value(conn: &Connection, sql: &str, args: &[Value]) -> Result<Value> {
    let grid = query(conn, sql, args)?;
    Ok(grid
        .rows
        .into_iter()
        .next()
        .and_then(|r| r.into_iter().next())
        .unwrap_or(Value::Null))
}

/// Turns off SQLite's global memory statistics, which take a lock and update counters on
/// every allocation (the sqlite3 shell never reads them, and neither do we). Must run before
/// the first connection opens; later it is a harmless no-op.
pub fn configure() {
    // SAFETY: sqlite3_config is called before SQLite initialises (the first thing `run`
    // does); MEMSTATUS takes one int argument.
    unsafe {
        ffi::sqlite3_config(ffi::SQLITE_CONFIG_MEMSTATUS, 0 as c_int);
    }
}

/// Runs `f` with every statement of `conn` stopped (as by an interrupt) once about `steps`
/// virtual-machine steps have run in all: work bounded by SQLite's own count, not the clock.
pub fn with_step_budget<T>(conn: &Connection, steps: u64, f: impl FnOnce() -> T) -> T {
    /// Steps between two calls of the handler.
    const EVERY: u64 = 1000;
    extern "C" fn tick(left: *mut std::ffi::c_void) -> c_int {
        // SAFETY: `left` is the `Cell` registered below, which outlives the registration.
        let left = unsafe { &*(left as *const std::cell::Cell<u64>) };
        match left.get() {
            0 => 1,
            n => {
                left.set(n - 1);
                0
            }
        }
    }
    /// Removes the handler when dropped, even if `f` unwinds.
    struct Off(*mut ffi::sqlite3);
    impl Drop for Off {
        fn drop(&mut self) {
            // SAFETY: the handle is valid while the connection is borrowed by the caller.
            unsafe { ffi::sqlite3_progress_handler(self.0, 0, None, ptr::null_mut()) };
        }
    }
    let left = std::cell::Cell::new(steps / EVERY);
    // SAFETY: valid handle while `conn` is borrowed; `left` is declared before `_off`, so the
    // handler is removed (by `_off`'s drop) before `left` goes away.
    let db = unsafe { conn.handle() };
    unsafe {
        ffi::sqlite3_progress_handler(
            db,
            EVERY as c_int,
            Some(tick),
            (&raw const left).cast_mut().cast(),
        );
    }
    let _off = Off(db);
    f()
}

/// SQLite's own keyword list, for completion and highlighting.
pub fn keywords() -> Vec<String> {
    let mut out = Vec::new();
    // SAFETY: keyword_name fills a pointer/length pair into SQLite's static keyword table
    // for every index below keyword_count; the bytes are copied at once.
    unsafe {
        let n = ffi::sqlite3_keyword_count();
        for i in 0..n {
            let mut p: *const std::ffi::c_char = ptr::null();
            let mut len: c_int = 0;
            if ffi::sqlite3_keyword_name(i, &mut p, &mut len) == ffi::SQLITE_OK && !p.is_null() {
                let bytes = std::slice::from_raw_parts(p.cast::<u8>(), len.max(0) as usize);
                out.push(String::from_utf8_lossy(bytes).into_owned());
            }
        }
    }
    out
}

/// True when `sql` ends with a complete SQL statement by SQLite's rule (`sqlite3_complete`),
/// which knows strings, quoted identifiers, comments and `CREATE TRIGGER … END;` bodies.
/// SQLite's limit on the length of one statement, in bytes (`SQLITE_LIMIT_SQL_LENGTH`,
/// 1,000,000,000 unless lowered): a line or a statement longer than this can never run, so
/// input is not read or held beyond it.
pub fn sql_length_limit(conn: &Connection) -> usize {
    conn.limit(rusqlite::limits::Limit::SQLITE_LIMIT_SQL_LENGTH)
        .ok()
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(1_000_000_000)
}

/// SQLite's limits on one value's length in bytes (`SQLITE_LIMIT_LENGTH`) and on the
/// columns of a table (`SQLITE_LIMIT_COLUMN`).
pub fn value_limits(conn: &Connection) -> (usize, usize) {
    let get = |limit, default| {
        conn.limit(limit)
            .ok()
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(default)
    };
    use rusqlite::limits::Limit;
    (
        get(Limit::SQLITE_LIMIT_LENGTH, 1_000_000_000),
        get(Limit::SQLITE_LIMIT_COLUMN, 2000),
    )
}

pub fn is_complete(sql: &str) -> bool {
    // A NUL byte cannot pass through a C string; call the text complete so that it reaches
    // the executor, which reports the NUL with its location.
    let Ok(c) = CString::new(sql) else {
        return true;
    };
    // SAFETY: `c` is a valid NUL-terminated string that outlives the call; sqlite3_complete
    // only reads it and keeps no pointer.
    unsafe { ffi::sqlite3_complete(c.as_ptr()) != 0 }
}

/// The version of the bundled SQLite, e.g. `3.54.1`.
pub fn version() -> &'static str {
    // SAFETY: sqlite3_libversion returns a static NUL-terminated string.
    unsafe { CStr::from_ptr(ffi::sqlite3_libversion()) }
        .to_str()
        .unwrap_or("?")
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn conn() -> Connection {
        Connection::open_in_memory().expect("an in-memory database")
    }

    #[test]
    fn statements_come_one_at_a_time_with_their_ranges() {
        let c = conn();
        let sql = c" create table t(a); -- note\n insert into t values (1);  ";
        let text = sql.to_str().expect("UTF-8");
        let ranges: Vec<&str> = Statements::new(&c, sql)
            .map(|p| {
                let p = p.expect("prepares");
                let mut stmt = p.stmt;
                stmt.step().expect("steps");
                &text[p.start..p.end]
            })
            .collect();
        assert_eq!(
            ranges,
            vec!["create table t(a);", "insert into t values (1);"]
        );
    }

    #[test]
    fn a_prepare_error_carries_the_offset_of_its_token() {
        let c = conn();
        let errors: Vec<PrepareError> = Statements::new(&c, c"select 1; selec 2; select 3;")
            .filter_map(|p| p.err())
            .collect();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].offset, 10);
        assert!(errors[0].message.contains("selec"), "{:?}", errors[0]);
    }

    #[test]
    fn query_returns_rows_as_values() {
        let c = conn();
        let g = query(
            &c,
            "select ?1 as a, 2.5 as b, null as c",
            &[Value::text("x")],
        )
        .expect("the query runs");
        assert_eq!(g.columns, vec!["a", "b", "c"]);
        assert_eq!(
            g.rows,
            vec![vec![Value::text("x"), Value::real(2.5), Value::Null]]
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        /// `real_text` is what `sqlite3_column_text` gives, so kept and listed reals print
        /// exactly as stepped ones.
        #[test]
        fn real_text_is_sqlite_column_text(bits in any::<u64>()) {
            let v = f64::from_bits(bits);
            prop_assume!(v.is_finite());
            let c = conn();
            let g = query(&c, "select ?1", &[Value::Real(v, "".into())]).expect("runs");
            let Some(Value::Real(_, text)) = g.rows[0].first() else {
                return Err(TestCaseError::fail("not a real"));
            };
            let expected = crate::value::real_text(v);
            prop_assert_eq!(text.as_ref(), expected.as_str());
        }
    }
}
