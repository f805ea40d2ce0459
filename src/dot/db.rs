//! Dot-commands on whole databases: `.tables`, `.schema`, `.indexes`, `.open`, `.reset`.
//! (`.dump`, `.save` and `.import` have files of their own.)

use rusqlite::Connection;

use super::{Call, Flow, emit};
use crate::dataset;
use crate::error::{Error, Result};
use crate::session::Session;
use crate::settings::Dataset;
use crate::sqlite;
use crate::value::{Value, identifier, sql_string};
use crate::visible::visible;

pub(super) fn db_error(context: impl Into<String>) -> impl FnOnce(rusqlite::Error) -> Error {
    let context = context.into();
    move |source| Error::Database { context, source }
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

/// The databases of the connection in sqlite3's order (main, temp, then attached ones).
fn databases(conn: &Connection) -> Result<Vec<String>> {
    Ok(sqlite::query(conn, "SELECT name FROM pragma_database_list", &[])?.first_column())
}

/// `schema.sqlite_schema` for an internal query.
fn schema_table(db: &str) -> String {
    format!("\"{}\".sqlite_schema", db.replace('"', "\"\""))
}

/// `.tables [PATTERN...]` and `.indexes [TABLE]`, as sqlite3 lists them: names from every
/// database, those outside main as `schema.name`, sorted, in columns. A name is listed
/// when it matches any pattern (LIKE); `.indexes` matches the indexed table's name.
fn list_names(s: &mut Session, patterns: &[String], is_index: bool) -> Result<Flow> {
    let patterns: Vec<String> = if patterns.is_empty() {
        vec!["%".into()]
    } else {
        patterns.to_vec()
    };
    let (kind, column) = if is_index {
        ("type = 'index'", "tbl_name")
    } else {
        (
            "type IN ('table','view') AND name NOT LIKE 'sqlite_%'",
            "name",
        )
    };
    let like: Vec<String> = (1..=patterns.len())
        .map(|i| format!("{column} LIKE ?{i}"))
        .collect();
    let parts: Vec<String> = databases(s.conn())?
        .iter()
        .map(|db| {
            let label = if db == "main" {
                "name".to_string()
            } else {
                format!("{}||'.'||name", sql_string(db))
            };
            format!(
                "SELECT {label} FROM {} WHERE {kind} AND ({})",
                schema_table(db),
                like.join(" OR ")
            )
        })
        .collect();
    let sql = format!("{} ORDER BY 1", parts.join(" UNION ALL "));
    let args: Vec<Value> = patterns.iter().map(Value::text).collect();
    // A listing for people: a control character in a name is shown, not obeyed.
    let found: Vec<String> = sqlite::query(s.conn(), &sql, &args)?
        .first_column()
        .into_iter()
        .map(|n| visible(&n).into_owned())
        .collect();
    emit(s, &columns(&found))
}

pub fn tables(s: &mut Session, c: &Call) -> Result<Flow> {
    list_names(s, &c.args, false)
}

pub fn indexes(s: &mut Session, c: &Call) -> Result<Flow> {
    list_names(s, &c.args, true)
}

/// `.schema [PATTERN]`, as sqlite3 writes it: the CREATE statement of every object (system
/// tables such as sqlite_sequence and sqlite_stat1 included) of main, temp and attached
/// databases, those outside main named `schema.name`, a view followed by a comment naming
/// its columns. PATTERN matches the name of the table an object belongs to, with LIKE
/// (where `\` escapes) or, when it holds `*`, `?` or `[`, with GLOB; a pattern with a `.`
/// matches `schema.table`.
pub fn schema(s: &mut Session, c: &Call) -> Result<Flow> {
    let pattern = c.arg(0);
    let mut text = String::new();
    if let Some(p) = pattern {
        let names = [
            "sqlite_master",
            "sqlite_schema",
            "sqlite_temp_master",
            "sqlite_temp_schema",
        ];
        if names.iter().any(|n| is_like(s.conn(), p, n)) {
            text.push_str(&format!(
                "CREATE TABLE {p} (\n  type text,\n  name text,\n  tbl_name text,\n  \
                 rootpage integer,\n  sql text\n);\n"
            ));
        }
    }
    let condition = match pattern {
        None => "1".to_string(),
        Some(p) => {
            let subject = if p.contains('.') {
                "lower(?2 || '.' || tbl_name)"
            } else {
                "lower(tbl_name)"
            };
            if p.contains(['*', '?', '[']) {
                format!("{subject} GLOB ?1")
            } else {
                format!("{subject} LIKE ?1 ESCAPE '\\'")
            }
        }
    };
    for db in databases(s.conn())? {
        let sql = format!(
            "SELECT sql, type, name FROM {} WHERE sql IS NOT NULL AND {condition} ORDER BY rowid",
            schema_table(&db)
        );
        let args = [Value::text(pattern.unwrap_or("%")), Value::text(&db)];
        for row in sqlite::query(s.conn(), &sql, &args)?.rows {
            let [Value::Text(sql), Value::Text(kind), Value::Text(name)] = &row[..] else {
                continue;
            };
            let sql = String::from_utf8_lossy(sql);
            let is_view = &kind[..] == b"view";
            let name = String::from_utf8_lossy(name);
            let outside = (db != "main").then_some(db.as_str());
            let shown = add_schema(s.conn(), &sql, outside, is_view.then_some(&*name));
            text.push_str(&schema_line(&shown, ";\n"));
        }
    }
    emit(s, &text)
}

/// `text LIKE pattern`, as SQLite decides it (`\` escapes).
fn is_like(conn: &Connection, pattern: &str, text: &str) -> bool {
    sqlite::query_value(
        conn,
        "SELECT ?1 LIKE ?2 ESCAPE '\\'",
        &[text.into(), pattern.into()],
    )
    .is_ok_and(|v| v == Value::Integer(1))
}

/// sqlite3's `shell_add_schema`: `CREATE TABLE t` as `CREATE TABLE aux.t` for an object of
/// database `db` (None: main), and a view (`view` names it) followed by
/// `/* v(col,...) */`, its column names.
fn add_schema(conn: &Connection, sql: &str, db: Option<&str>, view: Option<&str>) -> String {
    const KINDS: [&str; 6] = [
        "TABLE",
        "INDEX",
        "UNIQUE INDEX",
        "VIEW",
        "TRIGGER",
        "VIRTUAL TABLE",
    ];
    let Some(rest) = sql.strip_prefix("CREATE ") else {
        return sql.to_string();
    };
    let Some(kind) = KINDS
        .iter()
        .find(|k| rest.starts_with(*k) && rest.as_bytes().get(k.len()) == Some(&b' '))
    else {
        return sql.to_string();
    };
    let head = 7 + kind.len();
    let schema = db.map(|d| {
        if d == "temp" {
            d.to_string()
        } else {
            identifier(d)
        }
    });
    let mut out = match &schema {
        Some(d) => format!("{} {d}.{}", &sql[..head], &sql[head + 1..]),
        None => sql.to_string(),
    };
    if let Some(name) = view.filter(|_| kind.starts_with('V')) {
        let columns = sqlite::query(
            conn,
            "SELECT name FROM pragma_table_info(?1, ?2)",
            &[name.into(), db.unwrap_or("main").into()],
        )
        .map(|g| g.first_column())
        .unwrap_or_default();
        if !columns.is_empty() {
            let cols: Vec<String> = columns.iter().map(|c| identifier(c)).collect();
            let label = match &schema {
                Some(d) => format!("{d}.{}", identifier(name)),
                None => identifier(name),
            };
            out.push_str(&format!("\n/* {label}({}) */", cols.join(",")));
        }
    }
    out
}

/// sqlite3's `printSchemaLine`: a CREATE statement with `tail` after it. A statement that
/// ends inside a comment gets the comment closed first, so `tail`'s `;` is not swallowed;
/// a table whose name is quoted is written `CREATE TABLE IF NOT EXISTS`, as sqlite3 writes
/// it (a virtual table's shadow tables may already exist when a dump is read back).
pub(super) fn schema_line(sql: &str, tail: &str) -> String {
    let mut sql = sql.to_string();
    if tail.starts_with(';') && (sql.contains("/*") || sql.contains("--")) {
        for close in ["", "*/", "\n"] {
            if sqlite::is_complete(&format!("{sql}{close};")) {
                sql.push_str(close);
                break;
            }
        }
    }
    match sql.strip_prefix("CREATE TABLE ") {
        Some(rest) if rest.starts_with(['\'', '"']) => {
            format!("CREATE TABLE IF NOT EXISTS {rest}{tail}")
        }
        _ => format!("{sql}{tail}"),
    }
}

/// `.open [--readonly] [FILE]`: replaces the session's database.
pub fn open(s: &mut Session, c: &Call) -> Result<Flow> {
    let mut readonly = s.is_readonly();
    let mut file = None;
    for (i, a) in c.args.iter().enumerate() {
        match super::option(a) {
            Some("readonly") => readonly = true,
            Some(_) => return Err(c.usage_error(format!("unknown option {a}"))),
            None if file.is_none() => file = c.path(i),
            None => return Err(c.usage_error("expected one file name")),
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
