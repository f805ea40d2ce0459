//! `.import`: CSV (or the list separator's fields) into a new or existing table.

use std::fs;
use std::path::Path;

use rusqlite::{Connection, params_from_iter};

use super::db::db_error;
use super::{Call, Flow};
use crate::error::{Error, Result};
use crate::render::Mode;
use crate::session::Session;
use crate::value::identifier;

/// `.import [--csv] [--skip N] FILE TABLE`. A missing table is created from the header
/// row with TEXT columns; a row whose field count differs is an error naming its line, and
/// the whole import is rolled back.
pub fn import(s: &mut Session, c: &Call) -> Result<Flow> {
    let mut skip = 0usize;
    let mut is_csv = false;
    let mut positional = Vec::new();
    let mut i = 0;
    while i < c.args.len() {
        match c.args[i].as_str() {
            "--csv" => is_csv = true,
            "--skip" => {
                i += 1;
                let n = c.arg(i).unwrap_or_default();
                skip = n
                    .parse()
                    .map_err(|_| c.usage_error(format!("--skip needs a number, got '{n}'")))?;
            }
            flag if flag.starts_with("--") => {
                return Err(c.usage_error(format!("unknown option {flag}")));
            }
            _ => positional.push(i),
        }
        i += 1;
    }
    let [file_i, table_i] = positional[..] else {
        return Err(c.usage_error("expected FILE and TABLE"));
    };
    let path = c.path(file_i).unwrap_or_default();
    let table = c.arg(table_i).unwrap_or_default().to_string();
    // As in sqlite3: CSV when asked or when the mode is not a separated-list one;
    // otherwise the current column separator.
    let delimiter = match s.opts.mode {
        _ if is_csv => b',',
        Mode::Tabs => b'\t',
        Mode::List => s.opts.colsep.bytes().next().unwrap_or(b'|'),
        Mode::Table
        | Mode::Box
        | Mode::Markdown
        | Mode::Csv
        | Mode::Line
        | Mode::Quote
        | Mode::Insert
        | Mode::Html
        | Mode::Json
        | Mode::Jsonl => b',',
    };
    let file = fs::File::open(&path).map_err(|source| Error::File {
        action: "open",
        path: path.clone(),
        source,
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(file);
    let records = reader.byte_records().skip(skip);
    let ident = identifier(&table);
    s.conn()
        .execute_batch("SAVEPOINT scoql_import")
        .map_err(db_error("cannot start the import"))?;
    let result = import_records(s.conn(), records, &ident, &table, &path);
    let end = if result.is_ok() {
        "RELEASE scoql_import"
    } else {
        "ROLLBACK TO scoql_import; RELEASE scoql_import"
    };
    s.conn()
        .execute_batch(end)
        .map_err(db_error("cannot finish the import"))?;
    result.map(|()| Flow::Continue)
}

fn import_records(
    conn: &Connection,
    mut records: impl Iterator<Item = csv::Result<csv::ByteRecord>>,
    ident: &str,
    table: &str,
    path: &Path,
) -> Result<()> {
    let bad = |line: u64, message: String| Error::Input {
        message,
        location: crate::error::Location::new(
            std::rc::Rc::from(path.display().to_string()),
            line as usize,
            1,
        ),
    };
    let line_of = |r: &csv::ByteRecord| r.position().map_or(0, |p| p.line());
    let text = |f: &[u8]| String::from_utf8_lossy(f).into_owned();
    let exists: bool = conn
        .query_row(
            "SELECT count(*) > 0 FROM sqlite_schema WHERE type IN ('table','view') AND name = ?1",
            [table],
            |r| r.get(0),
        )
        .map_err(db_error("cannot read the schema"))?;
    let width = if exists {
        conn.query_row("SELECT count(*) FROM pragma_table_info(?1)", [table], |r| {
            r.get::<_, i64>(0)
        })
        .map_err(db_error("cannot read the table's columns"))? as usize
    } else {
        let Some(header) = records.next() else {
            return Err(bad(
                1,
                "the file is empty: no header to create the table from".into(),
            ));
        };
        let header = header.map_err(|e| bad(0, format!("cannot read CSV: {e}")))?;
        let cols: Vec<String> = header
            .iter()
            .map(|f| format!("{} TEXT", identifier(&text(f))))
            .collect();
        conn.execute_batch(&format!("CREATE TABLE {ident}({})", cols.join(", ")))
            .map_err(db_error(format!("cannot create table {table}")))?;
        cols.len()
    };
    let marks = vec!["?"; width].join(",");
    let mut insert = conn
        .prepare(&format!("INSERT INTO {ident} VALUES({marks})"))
        .map_err(db_error(format!("cannot insert into {table}")))?;
    for record in records {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            bad(line, format!("cannot read CSV: {e}"))
        })?;
        if record.len() != width {
            return Err(bad(
                line_of(&record),
                format!("expected {width} fields, found {}", record.len()),
            ));
        }
        let values = record.iter().map(|f| rusqlite::types::Value::Text(text(f)));
        insert
            .execute(params_from_iter(values))
            .map_err(|e| bad(line_of(&record), format!("cannot insert: {e}")))?;
    }
    Ok(())
}
