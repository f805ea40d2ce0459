//! `.import`: rows of a delimited file into a new or existing table, read and forgiven by the
//! sqlite3 shell's own rules (its `csv_read_one_field` and import loop), where nothing it
//! forgives passes without a warning naming `FILE:LINE`, and the import ends in an error
//! when any row was not stored as it was in the file.

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, params_from_iter};

use super::db::db_error;
use super::fields::{Fields, Term};
use super::{Call, Flow};
use crate::error::{self, Error, Result};
use crate::render::Mode;
use crate::session::Session;
use crate::signal;
use crate::sqlite::{self, Statements};
use crate::value::thousands;

/// `.import [--csv] [--skip N] [--schema S] FILE TABLE` (options with one dash or two, as in
/// sqlite3). A missing table is created from the header row, every column TEXT, with
/// duplicate names renamed as sqlite3 renames them. Rows are stored as sqlite3 stores them:
/// a short row is padded with NULL, the extra fields of a long row are dropped, a row that
/// fails (a constraint) is skipped, each with a warning; bytes are stored as they are in
/// the file (not UTF-8, or holding NUL). The import keeps what it stored and then fails
/// (status 1) when any row was padded, cut, skipped or read from a stray quote. With
/// `.bail on`, the first skipped row ends it.
pub fn import(s: &mut Session, c: &Call) -> Result<Flow> {
    let args = Args::parse(c)?;
    let (col, row) = separators(s, &args, c)?;
    // sqlite3 reads csv mode's `\r\n` row separator as newline by setting it so, for good:
    // later csv output ends its rows with `\n` too.
    if !args.is_csv && s.opts.mode == Mode::Csv && s.opts.rowsep == "\r\n" {
        s.opts.rowsep = "\n".into();
    }
    let file = File::open(&args.path).map_err(|source| Error::File {
        action: "open",
        path: args.path.clone(),
        source,
    })?;
    let limits = sqlite::value_limits(s.conn());
    let mut fields = Fields::new(BufReader::new(file), (col, row), &args.path, limits);
    for _ in 0..args.skip {
        while fields.read()? && fields.term == Term::Col {}
    }
    let is_bail = s.bail;
    let conn = s.conn();
    conn.execute_batch("SAVEPOINT scoql_import")
        .map_err(db_error("cannot start the import"))?;
    let result = load(conn, &mut fields, &args, is_bail);
    let end = match &result {
        Err(Error::Interrupted) => "ROLLBACK TO scoql_import; RELEASE scoql_import",
        _ => "RELEASE scoql_import",
    };
    conn.execute_batch(end)
        .map_err(db_error("cannot finish the import"))?;
    let tally = result?;
    match tally.summary() {
        None => Ok(Flow::Continue),
        Some(what) => Err(Error::Import {
            message: format!(
                "{} was not imported as it is: {what} (see the warnings above)",
                args.path.display()
            ),
            location: None,
        }),
    }
}

/// What the command line of `.import` asked for.
struct Args {
    is_csv: bool,
    skip: usize,
    schema: Option<String>,
    path: PathBuf,
    table: String,
}

impl Args {
    fn parse(c: &Call) -> Result<Args> {
        let mut is_csv = false;
        let mut skip = 0;
        let mut schema = None;
        let mut positional = Vec::new();
        let mut i = 0;
        while i < c.args.len() {
            match super::option(&c.args[i]) {
                Some("csv") => is_csv = true,
                Some(name @ ("skip" | "schema")) => {
                    i += 1;
                    let Some(value) = c.arg(i) else {
                        return Err(c.usage_error(format!("--{name} needs a value")));
                    };
                    if name == "schema" {
                        schema = Some(value.to_string());
                    } else {
                        skip = value.parse().map_err(|_| {
                            c.usage_error(format!("--skip needs a number, got '{value}'"))
                        })?;
                    }
                }
                Some(_) => {
                    return Err(c.usage_error(format!("unknown option {}", c.args[i])));
                }
                None => positional.push(i),
            }
            i += 1;
        }
        let [file, table] = positional[..] else {
            return Err(c.usage_error("expected FILE and TABLE"));
        };
        if c.arg(file).is_some_and(|a| a.starts_with('|')) {
            return Err(c.usage_error(
                "reading from a command is not supported (a file of that name is ./|...)",
            ));
        }
        Ok(Args {
            is_csv,
            skip,
            schema,
            path: c.path(file).unwrap_or_default(),
            table: c.arg(table).unwrap_or_default().to_string(),
        })
    }

    /// The table as SQL: `"name"`, or `"schema"."name"`.
    fn target(&self) -> String {
        let quote = |n: &str| format!("\"{}\"", n.replace('"', "\"\""));
        match &self.schema {
            Some(s) => format!("{}.{}", quote(s), quote(&self.table)),
            None => quote(&self.table),
        }
    }
}

/// The column and row separator bytes, by sqlite3's rule: `--csv` is `,` and newline;
/// otherwise the current separators, one byte each, the CSV output row separator `\r\n`
/// read as newline. The modes that print no separators (table, box, markdown, html, json,
/// jsonl; scoql's default is one of them where sqlite3's is list) read CSV unless
/// `.separator` set something other than the list defaults.
fn separators(s: &Session, args: &Args, c: &Call) -> Result<(u8, u8)> {
    let (col, row) = (s.opts.colsep.as_str(), s.opts.rowsep.as_str());
    let is_own_mode = match s.opts.mode {
        Mode::Table | Mode::Box | Mode::Markdown | Mode::Html | Mode::Json | Mode::Jsonl => true,
        Mode::List | Mode::Csv | Mode::Tabs | Mode::Line | Mode::Quote | Mode::Insert => false,
    };
    if args.is_csv || (is_own_mode && col == "|" && row == "\n") {
        return Ok((b',', b'\n'));
    }
    let row = if row == "\r\n" { "\n" } else { row };
    match (col.as_bytes(), row.as_bytes()) {
        ([col], [row]) => Ok((*col, *row)),
        _ => Err(c.usage_error(format!(
            "the separators must be one byte each to import, not {col:?} and {row:?} \
             (use --csv, or .separator)"
        ))),
    }
}

/// What was forgiven, for the summary and the exit status.
#[derive(Default)]
struct Tally {
    padded: usize,
    cut: usize,
    skipped: usize,
    quotes: usize,
}

impl Tally {
    fn summary(&self) -> Option<String> {
        let parts: Vec<String> = [
            (self.padded, "padded with NULL"),
            (self.cut, "cut to the table's columns"),
            (self.skipped, "skipped"),
            (self.quotes, "read past a stray quote"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} row{} {what}", if *n == 1 { "" } else { "s" }))
        .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// Creates the table when it does not exist, then stores every row.
fn load(conn: &Connection, fields: &mut Fields, args: &Args, is_bail: bool) -> Result<Tally> {
    let target = args.target();
    let (width, list) = match conn.prepare(&format!("SELECT * FROM {target}")) {
        Ok(_) => existing_columns(conn, args)?,
        Err(e) if e.to_string().starts_with("no such table") => {
            (create(conn, fields, args)?, String::new())
        }
        Err(e) => return Err(db_error(format!("cannot import into {}", args.table))(e)),
    };
    let marks = vec!["?"; width].join(",");
    let mut insert = conn
        .prepare(&format!("INSERT INTO {target}{list} VALUES({marks})"))
        .map_err(db_error(format!("cannot insert into {}", args.table)))?;
    let mut tally = Tally::default();
    let mut row: Vec<Option<Vec<u8>>> = Vec::with_capacity(width);
    loop {
        if signal::is_interrupted() {
            return Err(Error::Interrupted);
        }
        let line = fields.line;
        let quotes = fields.stray_quotes;
        row.clear();
        let mut found = 0;
        while row.len() < width {
            let is_field = fields.read()?;
            if !is_field && row.is_empty() {
                break;
            }
            // A field cut off by the end of input is NULL, as in sqlite3.
            row.push(is_field.then(|| fields.field.clone()));
            found += 1;
            if row.len() < width && fields.term != Term::Col {
                fields.warn(
                    line,
                    &format!(
                        "expected {width} columns but found {found} - filling the rest with NULL"
                    ),
                );
                tally.padded += 1;
                row.resize(width, None);
            }
        }
        if row.is_empty() {
            break;
        }
        if fields.term == Term::Col {
            while fields.term == Term::Col {
                fields.read()?;
                found += 1;
            }
            fields.warn(
                line,
                &format!("expected {width} columns but found {found} - extras ignored"),
            );
            tally.cut += 1;
        }
        if fields.stray_quotes > quotes {
            tally.quotes += 1;
        }
        let values = row.iter().map(|f| match f {
            Some(bytes) => ToSqlOutput::Borrowed(ValueRef::Text(bytes)),
            None => ToSqlOutput::Borrowed(ValueRef::Null),
        });
        if let Err(e) = insert.execute(params_from_iter(values)) {
            if matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::OperationInterrupted)
            ) {
                return Err(Error::Interrupted);
            }
            let message = format!("INSERT failed: {e}");
            if is_bail {
                return Err(Error::Import {
                    message: format!("{}:{line}: {message}", fields.name),
                    location: None,
                });
            }
            fields.warn(line, &format!("{message} - row skipped"));
            tally.skipped += 1;
        }
        if fields.term == Term::Eof {
            break;
        }
    }
    Ok(tally)
}

/// How many values a row of an existing table takes, and the column list to insert them
/// into: empty unless the table has generated columns, which take no value.
fn existing_columns(conn: &Connection, args: &Args) -> Result<(usize, String)> {
    let failed = || db_error(format!("cannot read the columns of {}", args.table));
    let mut stmt = conn
        .prepare("SELECT name, hidden FROM pragma_table_xinfo(?1, ?2)")
        .map_err(failed())?;
    let schema = args.schema.as_deref();
    let mut rows = stmt
        .query(rusqlite::params![args.table, schema])
        .map_err(failed())?;
    let (mut filled, mut is_generated) = (Vec::new(), false);
    while let Some(r) = rows.next().map_err(failed())? {
        // 0: a column; 1: a virtual table's hidden column; 2, 3: generated.
        match r.get::<_, i64>(1).map_err(failed())? {
            0 => filled.push(format!(
                "\"{}\"",
                r.get::<_, String>(0)
                    .map_err(failed())?
                    .replace('"', "\"\"")
            )),
            1 => {}
            _ => is_generated = true,
        }
    }
    if filled.is_empty() {
        return Err(Error::Import {
            message: format!("{} has no column to import into", args.table),
            location: None,
        });
    }
    let list = if is_generated {
        format!("({})", filled.join(","))
    } else {
        String::new()
    };
    Ok((filled.len(), list))
}

/// Creates the table from the header row; returns its number of columns.
fn create(conn: &Connection, fields: &mut Fields, args: &Args) -> Result<usize> {
    let mut names = Vec::new();
    while fields.read()? {
        names.push(fields.field.clone());
        if fields.term != Term::Col {
            break;
        }
        if names.len() >= fields.columns {
            return Err(Error::Import {
                message: format!(
                    "{}:1: the header has more than {} columns, SQLite's limit for a table",
                    fields.name,
                    thousands(fields.columns as u64)
                ),
                location: None,
            });
        }
    }
    if names.is_empty() {
        return Err(Error::Import {
            message: format!(
                "{} is empty: no header to create table {} from",
                fields.name, args.table
            ),
            location: None,
        });
    }
    let (names, renamed) = dedupe(names);
    if !renamed.is_empty() {
        let list: Vec<String> = renamed
            .iter()
            .map(|(from, to)| {
                format!(
                    "\"{}\" to \"{}\"",
                    String::from_utf8_lossy(from),
                    String::from_utf8_lossy(to)
                )
            })
            .collect();
        error::warn(&format!(
            "{}: columns renamed because their names repeat: {}",
            fields.name,
            list.join(", ")
        ));
    }
    // The statement sqlite3 writes, byte for byte (its `.schema` shows the same text).
    let mut sql = format!("CREATE TABLE {}(\n", args.target()).into_bytes();
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            sql.extend_from_slice(if i % 4 == 0 { b",\n " } else { b", " });
        }
        sql.push(b'"');
        for &b in name {
            if b == b'"' {
                sql.push(b'"');
            }
            sql.push(b);
        }
        sql.extend_from_slice(b"\" TEXT");
    }
    sql.push(b')');
    let sql = std::ffi::CString::new(sql).map_err(|_| Error::Import {
        message: format!(
            "a column name in the header of {} holds a NUL byte",
            fields.name
        ),
        location: None,
    })?;
    let failed = |message: String| Error::Sql {
        message: format!("cannot create table {}: {message}", args.table),
        location: None,
    };
    for prepared in Statements::new(conn, &sql) {
        let mut stmt = prepared.map_err(|e| failed(e.message))?;
        stmt.stmt.step().map_err(|e| match e {
            Error::Sql { message, .. } => failed(message),
            other => other,
        })?;
    }
    Ok(names.len())
}

/// A column name from a header row: bytes as they are in the file.
type Name = Vec<u8>;

/// Header names made unique as sqlite3 makes them: an empty name is `?`; every name that
/// occurs more than once (ignoring ASCII case) gets `_` and its column number, with the
/// fewest leading zeros that make all names unique (`x_2`, or `x_02` when `x_2` is taken).
/// Returns the names and the (old, new) pairs that changed.
fn dedupe(names: Vec<Name>) -> (Vec<Name>, Vec<(Name, Name)>) {
    let names: Vec<Name> = names
        .into_iter()
        .map(|n| if n.is_empty() { b"?".to_vec() } else { n })
        .collect();
    let folded: Vec<Vec<u8>> = names.iter().map(|n| n.to_ascii_lowercase()).collect();
    let is_repeated = |i: usize| folded.iter().filter(|f| **f == folded[i]).count() > 1;
    if !(0..names.len()).any(is_repeated) {
        return (names, Vec::new());
    }
    for zeros in 0..=names.len() {
        let renamed: Vec<Vec<u8>> = (0..names.len())
            .map(|i| {
                if is_repeated(i) {
                    let mut n = names[i].clone();
                    n.extend_from_slice(format!("_{}{}", "0".repeat(zeros), i + 1).as_bytes());
                    n
                } else {
                    names[i].clone()
                }
            })
            .collect();
        let mut seen = std::collections::HashSet::new();
        if renamed.iter().all(|n| seen.insert(n.to_ascii_lowercase())) {
            let pairs = (0..names.len())
                .filter(|&i| is_repeated(i))
                .map(|i| (names[i].clone(), renamed[i].clone()))
                .collect();
            return (renamed, pairs);
        }
    }
    // Unreachable in practice: with as many zeros as there are columns, every renamed name
    // is longer than any name in the file.
    (names, Vec::new())
}

#[cfg(test)]
mod tests {
    use super::dedupe;

    fn names(list: &[&str]) -> Vec<String> {
        let (renamed, _) = dedupe(list.iter().map(|n| n.as_bytes().to_vec()).collect());
        renamed
            .into_iter()
            .map(|n| String::from_utf8_lossy(&n).into_owned())
            .collect()
    }

    #[test]
    fn duplicate_header_names_are_renamed_as_sqlite3_renames_them() {
        assert_eq!(names(&["a", "b"]), ["a", "b"]);
        assert_eq!(names(&["x", "x", "", ""]), ["x_1", "x_2", "?_3", "?_4"]);
        assert_eq!(
            names(&["COW", "cow", "CoW", "cOw"]),
            ["COW_1", "cow_2", "CoW_3", "cOw_4"]
        );
        assert_eq!(
            names(&["a", "A", "b", "a", "a_1"]),
            ["a_01", "A_02", "b", "a_04", "a_1"]
        );
        assert_eq!(
            names(&["", "x", "x", "y", "z", "z_0", "z_5", "z"]),
            ["?", "x_02", "x_03", "y", "z_05", "z_0", "z_5", "z_08"]
        );
    }
}
