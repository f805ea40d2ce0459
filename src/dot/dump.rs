//! `.dump`: the database (or the tables matching patterns) as SQL text that rebuilds it in
//! an empty database, written as the sqlite3 3.40 shell writes it wherever that restores,
//! and differently only where sqlite3's dump does not restore what it dumped.

use std::ffi::CString;

use rusqlite::Connection;

use super::db::{db_error, schema_line};
use super::{Call, Flow, emit};
use crate::error::{Error, Result};
use crate::session::Session;
use crate::sqlite::{self, Statements, Step};
use crate::sqltext::{self, TokenKind};
use crate::value::{Cell, Value, hex, identifier, sql_literal, sql_string};

/// `.dump [PATTERN...]`: like sqlite3's, every table in schema order with its rows as
/// INSERTs, then indexes, triggers and views; a virtual table as its schema row (under
/// `PRAGMA writable_schema`) and its shadow tables; ANALYZE statistics. Beyond sqlite3:
/// AUTOINCREMENT counters come after every table and only where the restore has a
/// `sqlite_sequence` to take them (one is made when no dumped table makes it); statistics
/// tables the restoring SQLite may not make (`sqlite_stat4`) are created; text holding NUL
/// or bytes that are not UTF-8 is written so that it reads back byte for byte; a table
/// with generated columns names the columns its INSERTs fill.
pub fn dump(s: &mut Session, c: &Call) -> Result<Flow> {
    if let Some(arg) = c.args.iter().find(|a| super::option(a).is_some()) {
        return Err(c.usage_error(format!("unknown option {arg}")));
    }
    let patterns: Vec<String> = if c.args.is_empty() {
        vec!["%".into()]
    } else {
        c.args.clone()
    };
    s.conn()
        .execute_batch("SAVEPOINT scoql_dump")
        .map_err(db_error("cannot read the database"))?;
    let result = write_dump(s, &patterns);
    let _ = s.conn().execute_batch("RELEASE scoql_dump");
    result.map(|()| Flow::Continue)
}

/// A table of the schema: its name and CREATE statement.
struct Table {
    name: String,
    sql: String,
}

fn write_dump(s: &mut Session, patterns: &[String]) -> Result<()> {
    let like = match_clause(patterns);
    let tables: Vec<Table> = rows(
        s.conn(),
        &format!(
            "SELECT name, sql FROM sqlite_schema AS o WHERE ({like}) AND type = 'table' \
             AND sql NOT NULL ORDER BY tbl_name = 'sqlite_sequence', rowid"
        ),
    )?
    .into_iter()
    .map(|mut r| Table {
        sql: r.pop().unwrap_or_default(),
        name: r.pop().unwrap_or_default(),
    })
    .collect();
    emit(s, "PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n")?;
    let mut is_writable_schema = false;
    for t in &tables {
        if t.name == "sqlite_stat1" {
            // sqlite3's way to have the table made: every SQLite makes sqlite_stat1.
            emit(s, "ANALYZE sqlite_schema;\n")?;
            dump_rows(s, &t.name)?;
        } else if t.name.starts_with("sqlite_stat") {
            // Only a SQLite built with STAT4 makes sqlite_stat4: create it if missing.
            writable(s, &mut is_writable_schema)?;
            emit(s, &schema_line(&if_not_exists(&t.sql), ";\n"))?;
            dump_rows(s, &t.name)?;
        } else if t.name.starts_with("sqlite_") {
            continue;
        } else if starts_with_ignore_case(&t.sql, "CREATE VIRTUAL TABLE") {
            writable(s, &mut is_writable_schema)?;
            emit(
                s,
                &format!(
                    "INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)\
                     VALUES('table',{n},{n},0,{sql});\n",
                    n = sql_string(&t.name),
                    sql = sql_string(&t.sql)
                ),
            )?;
        } else {
            emit(s, &schema_line(&t.sql, ";\n"))?;
            dump_rows(s, &t.name)?;
        }
    }
    sequence(s, &tables, patterns, &mut is_writable_schema)?;
    let others = rows(
        s.conn(),
        &format!(
            "SELECT sql FROM sqlite_schema AS o WHERE ({like}) AND sql NOT NULL \
             AND type IN ('index','trigger','view')"
        ),
    )?;
    for sql in others.into_iter().flatten() {
        // As sqlite3: a statement that holds `--` gets its `;` on a line of its own, so a
        // comment at its end cannot swallow it.
        let end = if sql.contains("--") { "\n;\n" } else { ";\n" };
        emit(s, &format!("{sql}{end}"))?;
    }
    if is_writable_schema {
        emit(s, "PRAGMA writable_schema=OFF;\n")?;
    }
    emit(s, "COMMIT;\n")?;
    Ok(())
}

/// `PRAGMA writable_schema=ON`, once: what a restore needs to write schema rows itself.
fn writable(s: &mut Session, is_on: &mut bool) -> Result<()> {
    if !*is_on {
        *is_on = true;
        emit(s, "PRAGMA writable_schema=ON;\n")?;
    }
    Ok(())
}

/// sqlite3's filter: a table matches a pattern by name, and so do the shadow tables of a
/// matching virtual table.
fn match_clause(patterns: &[String]) -> String {
    patterns
        .iter()
        .map(|p| {
            let p = sql_string(p);
            format!(
                "name LIKE {p} ESCAPE '\\' OR EXISTS (SELECT 1 FROM sqlite_schema WHERE \
                 name LIKE {p} ESCAPE '\\' AND sql LIKE 'CREATE VIRTUAL TABLE%' \
                 AND substr(o.name, 1, length(name)+1) == (name || '_'))"
            )
        })
        .collect::<Vec<_>>()
        .join(" OR ")
}

/// The AUTOINCREMENT counters, after every table (where sqlite3 3.40 puts them; scoql wrote
/// them where sqlite_sequence falls in schema order, before the tables created after it).
/// A dump of matching tables carries the counters of those tables (sqlite3 drops them),
/// each replacing the one its rows made. When no dumped table is AUTOINCREMENT (they were
/// dropped, leaving counters behind), the restore has no sqlite_sequence: it is created
/// (`CREATE TABLE sqlite_sequence` is allowed under `PRAGMA writable_schema`, and SQLite
/// takes any table of that name as its counters).
fn sequence(
    s: &mut Session,
    tables: &[Table],
    patterns: &[String],
    is_writable_schema: &mut bool,
) -> Result<()> {
    let exists = sqlite::query_value(
        s.conn(),
        "SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_sequence'",
        &[],
    )?;
    if exists != Value::Integer(1) {
        return Ok(());
    }
    let is_whole = patterns.iter().any(|p| {
        sqlite::query_value(
            s.conn(),
            "SELECT 'sqlite_sequence' LIKE ?1 ESCAPE '\\'",
            &[p.as_str().into()],
        )
        .is_ok_and(|v| v == Value::Integer(1))
    });
    let dumped: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
    let counters: Vec<(Value, Value)> = sqlite::query(
        s.conn(),
        "SELECT name, seq FROM sqlite_sequence",
        &[],
    )?
    .rows
    .into_iter()
    .filter_map(|r| {
        let mut r = r.into_iter();
        Some((r.next()?, r.next()?))
    })
    .filter(|(name, _)| {
        is_whole || matches!(name, Value::Text(t) if dumped.contains(&&*String::from_utf8_lossy(t)))
    })
    .collect();
    let is_made = tables.iter().any(|t| {
        !starts_with_ignore_case(&t.sql, "CREATE VIRTUAL TABLE") && is_autoincrement(&t.sql)
    });
    if !is_made {
        if counters.is_empty() {
            return Ok(());
        }
        writable(s, is_writable_schema)?;
        emit(s, "CREATE TABLE IF NOT EXISTS sqlite_sequence(name,seq);\n")?;
    }
    if is_whole {
        emit(s, "DELETE FROM sqlite_sequence;\n")?;
    }
    for (name, seq) in counters {
        if !is_whole {
            emit(
                s,
                &format!(
                    "DELETE FROM sqlite_sequence WHERE name={};\n",
                    name.literal()
                ),
            )?;
        }
        let mut line = b"INSERT INTO sqlite_sequence VALUES(".to_vec();
        value_literal(&mut line, &name.cell());
        line.push(b',');
        value_literal(&mut line, &seq.cell());
        line.extend_from_slice(b");\n");
        let is_shown = s.is_to_terminal();
        s.sink().write_data(&line, is_shown)?;
    }
    Ok(())
}

/// True when a CREATE TABLE statement declares an AUTOINCREMENT column (the keyword as a
/// token, not inside a string or comment), so that SQLite makes sqlite_sequence for it.
fn is_autoincrement(sql: &str) -> bool {
    sqltext::tokenize(sql)
        .iter()
        .any(|t| t.kind == TokenKind::Word && t.text(sql).eq_ignore_ascii_case("AUTOINCREMENT"))
}

/// `CREATE TABLE x` as `CREATE TABLE IF NOT EXISTS x`.
fn if_not_exists(sql: &str) -> String {
    match sql.get(..13) {
        Some(head) if head.eq_ignore_ascii_case("CREATE TABLE ") => {
            format!("CREATE TABLE IF NOT EXISTS {}", &sql[13..])
        }
        _ => sql.to_string(),
    }
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// The rows of an internal query, each as text columns (NULL as None).
fn rows(conn: &Connection, sql: &str) -> Result<Vec<Vec<String>>> {
    Ok(sqlite::query(conn, sql, &[])?
        .rows
        .into_iter()
        .map(|r| {
            r.into_iter()
                .map(|v| match v {
                    Value::Text(t) => String::from_utf8_lossy(&t).into_owned(),
                    _ => String::new(),
                })
                .collect()
        })
        .collect())
}

/// Output is handed to the sink whenever it passes this size.
const CHUNK: usize = 64 * 1024;

/// The rows of one table as INSERT statements, streamed. Generated columns are left out
/// (and the columns named), since they cannot be inserted.
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
    let filled: Vec<String> = cols
        .iter()
        .filter(|(_, hidden)| *hidden == 0)
        .map(|(n, _)| identifier(n))
        .collect();
    let is_generated = cols.iter().any(|(_, hidden)| *hidden >= 2);
    let mut prefix = format!("INSERT INTO {}", identifier(table));
    if is_generated {
        prefix.push_str(&format!("({})", filled.join(",")));
    }
    prefix.push_str(" VALUES(");
    let sql = CString::new(format!(
        "SELECT {} FROM {}",
        filled.join(","),
        identifier(table)
    ))
    .map_err(|_| Error::Sql {
        message: format!("a NUL byte in the name of table {table}"),
        location: None,
    })?;
    // At a terminal the rows' control characters are shown, never obeyed.
    let is_shown = s.is_to_terminal();
    let (conn, sink) = s.conn_and_sink();
    let mut out = Vec::with_capacity(CHUNK + 4096);
    for prepared in Statements::new(conn, &sql) {
        let mut stmt = prepared
            .map_err(|e| Error::Sql {
                message: e.message,
                location: None,
            })?
            .stmt;
        while stmt.step()? == Step::Row {
            let mut cells = Vec::new();
            stmt.cells(&mut cells);
            out.extend_from_slice(prefix.as_bytes());
            for (i, cell) in cells.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                value_literal(&mut out, cell);
            }
            out.extend_from_slice(b");\n");
            if out.len() >= CHUNK {
                sink.write_data(&out, is_shown)?;
                out.clear();
            }
        }
    }
    sink.write_data(&out, is_shown)?;
    Ok(())
}

/// A value as the literal that inserts it back exactly: insert mode's literal (as sqlite3's
/// dump writes it), except for text that literal would not carry whole. Text holding NUL
/// (cut at the NUL by sqlite3) is its pieces joined with `char(0)`; text that is not UTF-8
/// (which a script must not hold) is `CAST(X'…' AS TEXT)`.
fn value_literal(out: &mut Vec<u8>, cell: &Cell) {
    let Cell::Text(t) = *cell else {
        return sql_literal(out, cell, true, true);
    };
    if std::str::from_utf8(t).is_err() {
        out.extend_from_slice(b"CAST(X'");
        hex(out, t);
        out.extend_from_slice(b"' AS TEXT)");
        return;
    }
    if !t.contains(&0) {
        return sql_literal(out, cell, true, true);
    }
    let mut rest = t;
    let mut is_first = true;
    while !rest.is_empty() {
        if !is_first {
            out.extend_from_slice(b"||");
        }
        is_first = false;
        let nuls = rest.iter().take_while(|&&b| b == 0).count();
        if nuls > 0 {
            out.extend_from_slice(b"char(");
            out.extend_from_slice(vec!["0"; nuls].join(",").as_bytes());
            out.push(b')');
            rest = &rest[nuls..];
        } else {
            let len = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
            sql_literal(out, &Cell::Text(&rest[..len]), true, true);
            rest = &rest[len..];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literal(cell: Cell) -> String {
        let mut out = Vec::new();
        value_literal(&mut out, &cell);
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn text_with_nul_or_bytes_that_are_not_utf8_is_written_whole() {
        assert_eq!(literal(Cell::Text(b"a\0b")), "'a'||char(0)||'b'");
        assert_eq!(literal(Cell::Text(b"\0\0x\0")), "char(0,0)||'x'||char(0)");
        assert_eq!(literal(Cell::Text(b"it's")), "'it''s'");
        assert_eq!(literal(Cell::Text(b"\x92ok")), "CAST(X'926f6b' AS TEXT)");
        assert_eq!(
            literal(Cell::Text(b"a\n\0")),
            "replace('a\\n','\\n',char(10))||char(0)"
        );
        assert_eq!(literal(Cell::Blob(b"\0")), "X'00'");
    }

    #[test]
    fn autoincrement_is_read_from_tokens_not_text() {
        assert!(is_autoincrement(
            "CREATE TABLE t(a INTEGER PRIMARY KEY AUTOINCREMENT)"
        ));
        assert!(!is_autoincrement(
            "CREATE TABLE t(a DEFAULT 'autoincrement')"
        ));
        assert!(!is_autoincrement("CREATE TABLE t(a) -- autoincrement"));
    }
}
