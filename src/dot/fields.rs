//! sqlite3's CSV field reader (`csv_read_one_field`) over the bytes of a file, for
//! `.import`: fields, how each ended, the line it is on, the quotes that closed nothing,
//! and SQLite's limits, past which nothing is read into memory.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::Path;

use crate::error::{self, Error, Result};
use crate::value::thousands;

/// How the last field ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Term {
    Col,
    Row,
    Eof,
}

/// sqlite3's CSV field reader (`csv_read_one_field`), over bytes: a field is quoted when it
/// starts with `"` (`""` inside is one quote, and the field ends at the first quote followed
/// by a separator or the end), else it runs to the next separator; an unquoted field loses
/// the `\r` before a row separator. Lines are counted by row separators, from 1.
pub(super) struct Fields {
    input: BufReader<File>,
    col: u8,
    row: u8,
    /// The line the next field starts on.
    pub(super) line: usize,
    pub(super) field: Vec<u8>,
    pub(super) term: Term,
    /// Quotes that did not close or escape anything, so far.
    pub(super) stray_quotes: usize,
    pub(super) name: String,
    /// SQLite's limits: the bytes of one value, and the columns of a table (the header's
    /// names are checked against it by `.import`). A field or a
    /// header past them could never be stored, and is not read into memory whole (an
    /// endless field of `/dev/zero` ended the process when memory ran out; a header of
    /// 100,000 commas took minutes to rename).
    limit: usize,
    pub(super) columns: usize,
}

impl Fields {
    /// A reader of `input` split by the `col` and `row` bytes; `limits` are SQLite's on one
    /// value's bytes and on a table's columns.
    pub(super) fn new(
        mut input: BufReader<File>,
        (col, row): (u8, u8),
        path: &Path,
        (limit, columns): (usize, usize),
    ) -> Self {
        if let Ok(head) = input.fill_buf()
            && head.starts_with(b"\xEF\xBB\xBF")
        {
            input.consume(3);
        }
        Fields {
            input,
            col,
            row,
            line: 1,
            field: Vec::new(),
            term: Term::Eof,
            stray_quotes: 0,
            name: path.display().to_string(),
            limit,
            columns,
        }
    }

    fn byte(&mut self) -> Result<Option<u8>> {
        let first = match self.input.fill_buf() {
            Ok(buf) => buf.first().copied(),
            Err(e) => return Err(self.read_error(&e)),
        };
        if first.is_some() {
            self.input.consume(1);
        }
        Ok(first)
    }

    fn read_error(&self, e: &io::Error) -> Error {
        Error::Import {
            message: format!(
                "{}:{}: cannot read: {}",
                self.name,
                self.line,
                error::io_text(e)
            ),
            location: None,
        }
    }

    pub(super) fn warn(&self, line: usize, message: &str) {
        error::warn(&format!("{}:{line}: {message}", self.name));
    }

    /// Adds a byte to the field; an error once the field passes SQLite's value length.
    fn push(&mut self, b: u8) -> Result<()> {
        if self.field.len() >= self.limit {
            return Err(Error::Import {
                message: format!(
                    "{}:{}: a field longer than {} bytes, SQLite's limit for a value; the \
                     import stops there",
                    self.name,
                    self.line,
                    thousands(self.limit as u64)
                ),
                location: None,
            });
        }
        self.field.push(b);
        Ok(())
    }

    /// Reads the next field into `field`; false at the end of input (no field).
    pub(super) fn read(&mut self) -> Result<bool> {
        self.field.clear();
        let Some(first) = self.byte()? else {
            self.term = Term::Eof;
            return Ok(false);
        };
        if first == b'"' {
            self.read_quoted()?;
            return Ok(true);
        }
        let mut c = Some(first);
        while let Some(b) = c {
            if b == self.col || b == self.row {
                break;
            }
            self.push(b)?;
            c = self.byte()?;
        }
        self.term = match c {
            Some(b) if b == self.col => Term::Col,
            Some(_) => {
                self.line += 1;
                if self.field.last() == Some(&b'\r') {
                    self.field.pop();
                }
                Term::Row
            }
            None => Term::Eof,
        };
        Ok(true)
    }

    fn read_quoted(&mut self) -> Result<()> {
        const Q: u8 = b'"';
        let start = self.line;
        // The two bytes before `c`; None also stands for "nothing" after an escaped quote.
        let (mut pc, mut ppc): (Option<u8>, Option<u8>) = (None, None);
        loop {
            let c = self.byte()?;
            if c.is_some() && c == Some(self.row) {
                self.line += 1;
            }
            if c == Some(Q) && pc == Some(Q) {
                pc = None;
                continue;
            }
            let ends = pc == Some(Q) && (c.is_none() || c == Some(self.col) || c == Some(self.row))
                || (c == Some(self.row) && pc == Some(b'\r') && ppc == Some(Q));
            if ends {
                // Drop the closing quote and what followed it (a `\r`).
                while let Some(b) = self.field.pop() {
                    if b == Q {
                        break;
                    }
                }
                self.term = match c {
                    None => Term::Eof,
                    Some(b) if b == self.col => Term::Col,
                    Some(_) => Term::Row,
                };
                return Ok(());
            }
            if pc == Some(Q) && c != Some(b'\r') {
                self.warn(self.line, "unescaped \" character");
                self.stray_quotes += 1;
            }
            let Some(b) = c else {
                self.warn(start, "unterminated \"-quoted field");
                self.stray_quotes += 1;
                self.term = Term::Eof;
                return Ok(());
            };
            self.push(b)?;
            ppc = pc;
            pc = Some(b);
        }
    }
}
