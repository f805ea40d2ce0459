//! The separated and record modes of the sqlite3 shell, byte-compatible with a sqlite3 shell
//! built on the same SQLite: list, tabs, csv and quote (fields joined by the column
//! separator), line (`name = value` records) and insert (SQL INSERT statements).

use super::{Options, Renderer};
use crate::value::{Cell, c_text, identifier, quoted, sql_literal, value_text};

/// How a separated-list mode writes each field.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Fields {
    /// list and tabs: the text as it is.
    Plain,
    /// csv: quoted by the shell's CSV rule.
    Csv,
    /// quote: every value an SQL literal, names as strings.
    Quote,
}

/// list, tabs, csv and quote: fields joined by the column separator, rows ended by the row
/// separator, headers once per result.
pub(super) struct List {
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
    pub(super) fn new(opts: Options, fields: Fields) -> Self {
        let nullvalue = opts.nullvalue.clone().unwrap_or_default().into_bytes();
        List {
            // Only csv consults the table; building it for every statement of a script in
            // another mode would cost more than the script's own rendering.
            quote_bytes: if fields == Fields::Csv {
                csv_quote_bytes(opts.colsep.as_bytes())
            } else {
                [false; 256]
            },
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

    fn row(&mut self, out: &mut Vec<u8>, cells: &[Cell<'_>]) {
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
        for (i, &cell) in cells.iter().enumerate() {
            if i > 0 {
                match sep {
                    [one] => out.push(*one),
                    _ => out.extend_from_slice(sep),
                }
            }
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
pub(super) struct Line {
    opts: Options,
    names: Vec<Vec<u8>>,
    rows: usize,
}

impl Line {
    pub(super) fn new(opts: Options) -> Self {
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

    fn row(&mut self, out: &mut Vec<u8>, cells: &[Cell<'_>]) {
        if self.rows > 0 {
            out.extend_from_slice(self.opts.rowsep.as_bytes());
        }
        self.rows += 1;
        let null = self.opts.nullvalue.as_deref().unwrap_or("").as_bytes();
        let mut num = itoa::Buffer::new();
        for (name, cell) in self.names.iter().zip(cells) {
            out.extend_from_slice(name);
            out.extend_from_slice(value_text(cell, &mut num).unwrap_or(null));
            out.extend_from_slice(self.opts.rowsep.as_bytes());
        }
    }

    fn end(&mut self, _out: &mut Vec<u8>) {}
}

pub(super) struct Insert {
    opts: Options,
    prefix: Vec<u8>,
}

impl Insert {
    pub(super) fn new(opts: Options) -> Self {
        Insert {
            opts,
            prefix: Vec::new(),
        }
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

    fn row(&mut self, out: &mut Vec<u8>, cells: &[Cell<'_>]) {
        out.extend_from_slice(&self.prefix);
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            sql_literal(out, cell, true, true);
        }
        out.extend_from_slice(b");\n");
    }

    fn end(&mut self, _out: &mut Vec<u8>) {}
}
