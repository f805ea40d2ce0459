//! Dot-commands that read or write whole databases: `.tables`, `.schema`, `.indexes`,
//! `.dump`, `.save`, `.open`, `.import`, `.reset`.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, params_from_iter};

use super::{Call, Flow, emit};
use crate::dataset;
use crate::error::{Error, Result};
use crate::exec;
use crate::render::{Mode, Options};
use crate::session::Session;
use crate::settings::Dataset;
use crate::signal;
use crate::sqlite;
use crate::value::{Value, identifier};

fn db_error(context: impl Into<String>) -> impl FnOnce(rusqlite::Error) -> Error {
    let context = context.into();
    move |source| Error::Database { context, source }
}

/// Strings from the first column of a query with one text parameter.
fn names(conn: &Connection, sql: &str, param: &str) -> Result<Vec<String>> {
    Ok(sqlite::query(conn, sql, &[Value::text(param)])?.first_column())
}

/// Names laid out in columns across 80 characters, as sqlite3's `.tables` does.
fn columns(names: &[String]) -> String {
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    let per_row = (80 / (width + 2)).max(1);
    let rows = names.len().div_ceil(per_row);
    let mut out = String::new();
    for i in 0..rows {
        let mut j = i;
        while j < names.len() {
            let sp = if j < rows { "" } else { "  " };
            out.push_str(&format!("{sp}{:<width$}", names[j]));
            j += rows;
        }
        out.push('\n');
    }
    out
}

pub fn tables(s: &mut Session, c: &Call) -> Result<Flow> {
    let found = names(
        s.conn(),
        "SELECT name FROM sqlite_schema WHERE type IN ('table','view') \
         AND name NOT LIKE 'sqlite_%' AND name LIKE ?1 \
         UNION ALL SELECT 'temp.' || name FROM sqlite_temp_schema \
         WHERE type IN ('table','view') AND name LIKE ?1 ORDER BY 1",
        c.arg(0).unwrap_or("%"),
    )?;
    emit(s, &columns(&found))
}

pub fn indexes(s: &mut Session, c: &Call) -> Result<Flow> {
    let found = names(
        s.conn(),
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name LIKE ?1 \
         UNION ALL SELECT name FROM sqlite_temp_schema WHERE type = 'index' \
         AND tbl_name LIKE ?1 ORDER BY 1",
        c.arg(0).unwrap_or("%"),
    )?;
    emit(s, &columns(&found))
}

pub fn schema(s: &mut Session, c: &Call) -> Result<Flow> {
    let found = names(
        s.conn(),
        "SELECT sql || ';' FROM sqlite_schema WHERE sql IS NOT NULL \
         AND name NOT LIKE 'sqlite_%' AND (name LIKE ?1 OR tbl_name LIKE ?1) \
         ORDER BY rowid",
        c.arg(0).unwrap_or("%"),
    )?;
    let text: String = found.iter().map(|sql| format!("{sql}\n")).collect();
    emit(s, &text)
}

/// `.dump`: the schema and rows as SQL that the sqlite3 shell (or scoql) loads back.
pub fn dump(s: &mut Session, c: &Call) -> Result<Flow> {
    let patterns: Vec<String> = if c.args.is_empty() {
        vec!["%".into()]
    } else {
        c.args.clone()
    };
    let matches = |name: &str, conn: &Connection| -> Result<bool> {
        for p in &patterns {
            let hit =
                sqlite::query_value(conn, "SELECT ?1 LIKE ?2", &[name.into(), p.as_str().into()])?;
            if hit == Value::Integer(1) {
                return Ok(true);
            }
        }
        Ok(false)
    };
    let objects: Vec<(String, String, String)> = sqlite::query(
        s.conn(),
        "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL \
         AND name NOT LIKE 'sqlite_stat%' ORDER BY type <> 'table', rowid",
        &[],
    )?
    .rows
    .into_iter()
    .map(|r| {
        let text = |i: usize| match r.get(i) {
            Some(Value::Text(t)) => String::from_utf8_lossy(t).into_owned(),
            _ => String::new(),
        };
        (text(0), text(1), text(2))
    })
    .collect();
    emit(s, "PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n")?;
    for (kind, name, sql) in &objects {
        if !matches(name, s.conn())? {
            continue;
        }
        if kind == "table" {
            if name == "sqlite_sequence" {
                emit(s, "DELETE FROM sqlite_sequence;\n")?;
            } else if sql.starts_with("CREATE VIRTUAL TABLE") {
                continue;
            } else {
                emit(s, &format!("{sql};\n"))?;
            }
            dump_rows(s, name)?;
        } else {
            emit(s, &format!("{sql};\n"))?;
        }
    }
    emit(s, "COMMIT;\n")
}

/// The rows of one table as INSERT statements, through the insert renderer. Generated
/// columns are left out (and the column list named) since they cannot be inserted.
fn dump_rows(s: &mut Session, table: &str) -> Result<()> {
    let cols: Vec<(String, i64)> = sqlite::query(
        s.conn(),
        "SELECT name, hidden FROM pragma_table_xinfo(?1)",
        &[table.into()],
    )?
    .rows
    .into_iter()
    .map(|r| match r.as_slice() {
        [Value::Text(n), Value::Integer(h)] => (String::from_utf8_lossy(n).into_owned(), *h),
        _ => (String::new(), 0),
    })
    .collect();
    let has_generated = cols.iter().any(|(_, hidden)| *hidden >= 2);
    let list: Vec<String> = cols
        .iter()
        .filter(|(_, hidden)| *hidden == 0)
        .map(|(n, _)| identifier(n))
        .collect();
    let opts = Options {
        mode: Mode::Insert,
        headers: has_generated,
        table_name: identifier(table),
        ..Options::default()
    };
    let sql = format!("SELECT {} FROM {}", list.join(","), identifier(table));
    exec::stream(s, &sql, &opts)
}

/// `.save FILE`: SQLite's backup API into a temporary file beside the target, renamed over
/// it only when complete, so a failure or a signal never leaves a half-written database.
pub fn save(s: &mut Session, c: &Call) -> Result<Flow> {
    let Some(path) = c.path(0) else {
        return Err(c.usage_error("expected a file name"));
    };
    let fail = |source: std::io::Error| Error::File {
        action: "save to",
        path: path.clone(),
        source,
    };
    if path.is_dir() {
        return Err(fail(std::io::Error::other("is a directory")));
    }
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| fail(std::io::Error::other("not a file name")))?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = dir.join(format!(".{file_name}.scoql-{}.tmp", std::process::id()));
    let result = backup_into(s.conn(), &tmp).and_then(|()| fs::rename(&tmp, &path).map_err(fail));
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map(|()| Flow::Continue)
}

fn backup_into(src: &Connection, tmp: &PathBuf) -> Result<()> {
    let mut dst =
        Connection::open(tmp).map_err(db_error(format!("cannot create {}", tmp.display())))?;
    {
        let backup = Backup::new(src, &mut dst).map_err(db_error("cannot start the backup"))?;
        loop {
            if signal::is_interrupted() {
                return Err(Error::Interrupted);
            }
            match backup.step(256).map_err(db_error("backup failed"))? {
                StepResult::Done => break,
                StepResult::More | StepResult::Busy | StepResult::Locked => {}
                _ => {}
            }
        }
    }
    dst.close()
        .map_err(|(_, e)| e)
        .map_err(db_error("cannot finish the backup"))
}

/// `.open [--readonly] [FILE]`: replaces the session's database.
pub fn open(s: &mut Session, c: &Call) -> Result<Flow> {
    let mut readonly = s.is_readonly();
    let mut file = None;
    for (i, a) in c.args.iter().enumerate() {
        match a.as_str() {
            "--readonly" => readonly = true,
            flag if flag.starts_with("--") => {
                return Err(c.usage_error(format!("unknown option {flag}")));
            }
            _ if file.is_none() => file = c.path(i),
            _ => return Err(c.usage_error("expected one file name")),
        }
    }
    let dataset = match file {
        Some(p) => Dataset::File(p),
        None => Dataset::Empty,
    };
    let conn = dataset::open(&dataset, readonly)?;
    s.set_connection(conn, readonly)?;
    Ok(Flow::Continue)
}

/// `.reset`: the pristine dataset the session started from, rebuilt in place.
pub fn reset(s: &mut Session, c: &Call) -> Result<Flow> {
    if let Dataset::File(p) = s.dataset() {
        return Err(c.usage_error(format!(
            "nothing to reset: the database is the file {} (--db)",
            p.display()
        )));
    }
    let conn = dataset::open(s.dataset(), s.is_readonly())?;
    s.set_connection(conn, s.is_readonly())?;
    Ok(Flow::Continue)
}

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
