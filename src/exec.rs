//! Running SQL text: prepare each statement from a NUL-terminated buffer, bind parameters,
//! step rows into a renderer. The raw statement API is used directly (not rusqlite's
//! `Statement`) for two reasons: preparing from a `&str` without a NUL terminator makes SQLite
//! copy the whole remaining script at every statement, and renderers need SQLite's own text of
//! each value (`sqlite3_column_text`), which is what the sqlite3 shell prints.

use std::collections::BTreeMap;
use std::ffi::{CStr, CString, c_int};
use std::ptr::{self, NonNull};
use std::rc::Rc;

use rusqlite::Connection;
use rusqlite::ffi;
use rusqlite::types::Value;

use crate::error::{Error, Location, Result};

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
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line_end = self.text[offset..]
            .find('\n')
            .map_or(self.text.len(), |i| offset + i);
        let line_text = &self.text[line_start..line_end];
        let mut loc = Location::new(
            self.origin.clone(),
            self.line + before.matches('\n').count(),
            before[line_start..].chars().count() + 1,
        );
        loc.text = Some(line_text.trim_end_matches('\r').to_string());
        let token = self.text[offset..line_end]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .count();
        loc.width = token.max(1);
        loc
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The storage class of a value as SQLite reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Null,
    Integer,
    Real,
    Text,
    Blob,
}

/// One value of the current row. Each accessor of SQLite is called once per column, so no
/// type conversion can invalidate a pointer read before it.
#[derive(Debug, Clone, Copy)]
pub enum Cell<'r> {
    Null,
    Integer(i64),
    /// The value and SQLite's own text for it (`1.0e+300`, `0.1`).
    Real(f64, &'r [u8]),
    Text(&'r [u8]),
    Blob(&'r [u8]),
}

impl Cell<'_> {
    pub fn kind(&self) -> Kind {
        match self {
            Cell::Null => Kind::Null,
            Cell::Integer(_) => Kind::Integer,
            Cell::Real(..) => Kind::Real,
            Cell::Text(_) => Kind::Text,
            Cell::Blob(_) => Kind::Blob,
        }
    }
}

/// A prepared statement, finalized on drop.
pub struct Stmt {
    raw: NonNull<ffi::sqlite3_stmt>,
    /// Result columns, fixed once prepared; read once rather than at every row.
    columns: usize,
}

impl Drop for Stmt {
    fn drop(&mut self) {
        // SAFETY: `raw` came from a successful prepare and is finalized exactly once, here.
        unsafe {
            ffi::sqlite3_finalize(self.raw.as_ptr());
        }
    }
}

/// The row the statement is positioned on. Borrowing the statement keeps it from being
/// stepped while the row's slices are alive.
pub struct Row<'s> {
    stmt: &'s Stmt,
    len: usize,
}

impl<'s> Row<'s> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Column `i` (0-based, `i < len()`); call it once per column and row.
    pub fn cell(&self, i: usize) -> Cell<'s> {
        if i >= self.len {
            return Cell::Null;
        }
        let s = self.stmt.raw.as_ptr();
        let i = i as c_int;
        // SAFETY: the statement has a current row (Row exists only between a SQLITE_ROW
        // step and the next step) and `i` is a valid column index. The pointers returned by
        // column_text/column_blob stay valid until the next step, reset or finalize, which
        // need `&mut Stmt` and so cannot happen while this borrow lives; each column is
        // converted at most once.
        unsafe {
            match ffi::sqlite3_column_type(s, i) {
                ffi::SQLITE_INTEGER => Cell::Integer(ffi::sqlite3_column_int64(s, i)),
                ffi::SQLITE_FLOAT => {
                    let v = ffi::sqlite3_column_double(s, i);
                    Cell::Real(v, bytes(ffi::sqlite3_column_text(s, i).cast(), s, i))
                }
                ffi::SQLITE_TEXT => Cell::Text(bytes(ffi::sqlite3_column_text(s, i).cast(), s, i)),
                ffi::SQLITE_BLOB => Cell::Blob(bytes(ffi::sqlite3_column_blob(s, i).cast(), s, i)),
                _ => Cell::Null,
            }
        }
    }
}

/// # Safety
/// `p` must be the pointer just returned for column `i` of `s` (or null).
unsafe fn bytes<'a>(p: *const u8, s: *mut ffi::sqlite3_stmt, i: c_int) -> &'a [u8] {
    if p.is_null() {
        return &[];
    }
    // SAFETY: guaranteed by the caller; column_bytes gives the length of that buffer.
    unsafe {
        let n = ffi::sqlite3_column_bytes(s, i);
        std::slice::from_raw_parts(p, n.max(0) as usize)
    }
}

/// The outcome of one step.
pub enum Step {
    Row,
    Done,
}

impl Stmt {
    pub fn column_names(&self) -> Vec<String> {
        let s = self.raw.as_ptr();
        // SAFETY: `s` is a live statement; column_name returns a NUL-terminated string owned
        // by the statement (or null on OOM), copied here at once.
        unsafe {
            (0..ffi::sqlite3_column_count(s))
                .map(|i| {
                    let p = ffi::sqlite3_column_name(s, i);
                    if p.is_null() {
                        String::new()
                    } else {
                        CStr::from_ptr(p).to_string_lossy().into_owned()
                    }
                })
                .collect()
        }
    }

    pub fn column_count(&self) -> usize {
        self.columns
    }

    /// True when the statement does not write to the database.
    pub fn is_readonly(&self) -> bool {
        // SAFETY: live statement.
        unsafe { ffi::sqlite3_stmt_readonly(self.raw.as_ptr()) != 0 }
    }

    pub fn step(&mut self, db: &Db) -> Result<Step> {
        // SAFETY: live statement on the connection `db` wraps.
        let rc = unsafe { ffi::sqlite3_step(self.raw.as_ptr()) };
        match rc {
            ffi::SQLITE_ROW => Ok(Step::Row),
            ffi::SQLITE_DONE => Ok(Step::Done),
            ffi::SQLITE_INTERRUPT => Err(Error::Interrupted),
            _ => Err(Error::Sql {
                message: db.errmsg(),
                location: None,
            }),
        }
    }

    pub fn row(&self) -> Row<'_> {
        Row {
            stmt: self,
            len: self.column_count(),
        }
    }

    /// Binds every parameter of the statement from `params`; a parameter without a value is
    /// an error naming it. `:x`, `@x` and `$x` all read the value named `x`; `?3` and an
    /// anonymous `?` in third place read `3`.
    pub fn bind(&mut self, params: &BTreeMap<String, Value>) -> Result<()> {
        let s = self.raw.as_ptr();
        // SAFETY: live statement; parameter indexes are 1..=count.
        let count = unsafe { ffi::sqlite3_bind_parameter_count(s) };
        for i in 1..=count {
            // SAFETY: as above; the name is owned by the statement and copied at once.
            let name = unsafe {
                let p = ffi::sqlite3_bind_parameter_name(s, i);
                if p.is_null() {
                    format!("?{i}")
                } else {
                    CStr::from_ptr(p).to_string_lossy().into_owned()
                }
            };
            let key = param_key(&name);
            let Some(value) = params.get(key) else {
                return Err(Error::UnboundParameter {
                    name,
                    hint: " (set it with .param set or --param)".into(),
                    location: None,
                });
            };
            // SAFETY: live statement, valid index; SQLITE_TRANSIENT makes SQLite copy text
            // and blobs before the call returns.
            let rc = unsafe {
                match value {
                    Value::Null => ffi::sqlite3_bind_null(s, i),
                    Value::Integer(v) => ffi::sqlite3_bind_int64(s, i, *v),
                    Value::Real(v) => ffi::sqlite3_bind_double(s, i, *v),
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
            };
            if rc != ffi::SQLITE_OK {
                return Err(Error::Parameter {
                    message: format!("cannot bind parameter {name} (SQLite code {rc})"),
                    location: None,
                });
            }
        }
        Ok(())
    }
}

/// The name a parameter's value is stored under: without its `:`, `@`, `$` or `?` sigil.
pub fn param_key(name: &str) -> &str {
    name.strip_prefix([':', '@', '$', '?']).unwrap_or(name)
}

/// The raw handle of a connection, for the statement API.
pub struct Db<'c> {
    raw: *mut ffi::sqlite3,
    _conn: &'c Connection,
}

impl<'c> Db<'c> {
    pub fn new(conn: &'c Connection) -> Self {
        // SAFETY: the handle stays valid while `conn` is borrowed, which `_conn` ensures.
        let raw = unsafe { conn.handle() };
        Db { raw, _conn: conn }
    }

    fn errmsg(&self) -> String {
        // SAFETY: valid handle; errmsg returns a NUL-terminated string owned by SQLite.
        unsafe {
            let p = ffi::sqlite3_errmsg(self.raw);
            if p.is_null() {
                "unknown error".into()
            } else {
                CStr::from_ptr(p).to_string_lossy().into_owned()
            }
        }
    }

    /// Prepares the first statement of `sql` at byte `offset`. Returns the statement (None
    /// when only whitespace or comments remain) and the offset where the rest begins. An
    /// error carries SQLite's error offset, relative to `offset`, when it has one.
    pub fn prepare(
        &self,
        sql: &CStr,
        offset: usize,
    ) -> Result<(Option<Stmt>, usize), (String, Option<usize>)> {
        let bytes = sql.to_bytes();
        if offset >= bytes.len() {
            return Ok((None, bytes.len()));
        }
        let start = bytes[offset..].as_ptr();
        let mut stmt = ptr::null_mut();
        let mut tail = ptr::null();
        // SAFETY: `start` points into a NUL-terminated buffer (nByte = -1 makes SQLite read
        // up to the NUL without copying the rest); `tail` is set to a position within it.
        let rc =
            unsafe { ffi::sqlite3_prepare_v2(self.raw, start.cast(), -1, &mut stmt, &mut tail) };
        if rc != ffi::SQLITE_OK {
            // SAFETY: valid handle.
            let at = unsafe { ffi::sqlite3_error_offset(self.raw) };
            if !stmt.is_null() {
                // SAFETY: a statement returned alongside an error is still ours to finalize.
                unsafe { ffi::sqlite3_finalize(stmt) };
            }
            return Err((self.errmsg(), usize::try_from(at).ok()));
        }
        let next = if tail.is_null() {
            bytes.len()
        } else {
            // SAFETY: SQLite sets `tail` inside the same buffer, at or after `start`.
            offset + unsafe { tail.cast::<u8>().offset_from(start) }.max(0) as usize
        };
        let next = next.clamp(offset + 1, bytes.len());
        let stmt = NonNull::new(stmt).map(|raw| Stmt {
            raw,
            // SAFETY: a live statement, just prepared.
            columns: unsafe { ffi::sqlite3_column_count(raw.as_ptr()).max(0) as usize },
        });
        Ok((stmt, next))
    }

    pub fn changes(&self) -> i64 {
        // SAFETY: valid handle.
        unsafe { ffi::sqlite3_changes64(self.raw) }
    }

    pub fn total_changes(&self) -> i64 {
        // SAFETY: valid handle.
        unsafe { ffi::sqlite3_total_changes64(self.raw) }
    }
}

/// Turns off SQLite's global memory statistics, which take a lock and update counters on
/// every allocation (the sqlite3 shell never reads them, and neither do we). Must run before
/// the first connection opens; later it is a harmless no-op.
pub fn configure_sqlite() {
    // SAFETY: sqlite3_config is called before SQLite initialises (the first thing `run`
    // does); MEMSTATUS takes one int argument.
    unsafe {
        ffi::sqlite3_config(ffi::SQLITE_CONFIG_MEMSTATUS, 0 as c_int);
    }
}

/// The SQL of a chunk as a C string; a NUL byte inside it is an input error at its place.
pub fn to_cstring(chunk: &Chunk) -> Result<CString> {
    CString::new(chunk.text).map_err(|e| Error::Input {
        message: "NUL byte in SQL text".into(),
        location: chunk.locate(e.nul_position()),
    })
}

/// SQLite's `%!.20g` rendering of a real, which the sqlite3 shell uses for `quote` and
/// `insert` so that the value reads back exactly.
pub fn real_exact(v: f64) -> String {
    let mut buf = [0u8; 50];
    // SAFETY: the buffer is 50 bytes and SQLite writes at most 50 including the NUL; the
    // format takes exactly one double.
    unsafe {
        ffi::sqlite3_snprintf(50, buf.as_mut_ptr().cast(), c"%!.20g".as_ptr(), v);
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    String::from_utf8_lossy(&buf[..end]).into_owned()
}

/// True when SQLite would need `name` quoted as an identifier: not a plain
/// `[A-Za-z_][A-Za-z0-9_]*` word, or a keyword.
pub fn needs_quoting(name: &str) -> bool {
    let mut chars = name.chars();
    let plain = match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => {
            chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        }
        _ => false,
    };
    if !plain {
        return true;
    }
    // SAFETY: `name` is valid for `len` bytes; keyword_check only reads them.
    unsafe { ffi::sqlite3_keyword_check(name.as_ptr().cast(), name.len() as c_int) != 0 }
}
