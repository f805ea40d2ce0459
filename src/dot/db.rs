//! Dot-commands on whole databases: `.tables`, `.schema`, `.indexes`, `.dump`, `.open`,
//! `.reset`. (`.save` and `.import` have files of their own.)

use rusqlite::Connection;

use super::{Call, Flow, emit};
use crate::dataset;
use crate::error::{Error, Result};
use crate::exec;
use crate::render::{Mode, Options};
use crate::session::Session;
use crate::settings::Dataset;
use crate::sqlite;
use crate::value::{Value, identifier};

pub(super) fn db_error(context: impl Into<String>) -> impl FnOnce(rusqlite::Error) -> Error {
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
