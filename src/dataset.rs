//! The embedded `schema/` and `seed/`, opening the database a session starts with (the
//! embedded dataset, a `--seed-dir`, an empty one, or a `--db` file), and the documentation
//! comments the schema carries for `.about` and `.describe`.

use std::ffi::CString;
use std::path::Path;
use std::rc::Rc;

use include_dir::{Dir, include_dir};
use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};
use crate::input::Chunk;
use crate::settings::Dataset;
use crate::sqlite::{Statements, Step};

static SCHEMA: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/schema");
static SEED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/seed");

/// A SQL file of the dataset: the name shown in errors and its text.
#[derive(Debug, Clone)]
pub struct SqlFile {
    pub name: String,
    pub text: String,
}

/// `.sql` files of an embedded directory, in file-name order.
pub(crate) fn embedded(dir: &Dir<'_>, prefix: &str) -> Vec<SqlFile> {
    let mut files: Vec<SqlFile> = dir
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "sql"))
        .map(|f| SqlFile {
            name: format!("{prefix}/{}", f.path().display()),
            text: f.contents_utf8().unwrap_or_default().to_string(),
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

/// `.sql` files of a directory on disk, in file-name order.
fn on_disk(dir: &Path) -> Result<Vec<SqlFile>> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::File {
        action: "read directory",
        path: dir.to_path_buf(),
        source,
    })?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).map_err(|source| Error::File {
                action: "read",
                path: path.clone(),
                source,
            })?;
            let text = String::from_utf8(bytes).map_err(|e| Error::Dataset {
                file: path.display().to_string(),
                message: format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
                location: None,
            })?;
            Ok(SqlFile {
                name: path.display().to_string(),
                text,
            })
        })
        .collect()
}

/// The schema and seed files of a dataset, schema first.
pub fn files(dataset: &Dataset) -> Result<Vec<SqlFile>> {
    match dataset {
        Dataset::Embedded => {
            let mut all = embedded(&SCHEMA, "schema");
            all.extend(embedded(&SEED, "seed"));
            Ok(all)
        }
        Dataset::Dir(dir) => {
            let mut all = on_disk(&dir.join("schema"))?;
            all.extend(on_disk(&dir.join("seed"))?);
            Ok(all)
        }
        Dataset::Empty | Dataset::File(_) => Ok(Vec::new()),
    }
}

/// Opens the database a session starts with.
pub fn open(dataset: &Dataset, readonly: bool) -> Result<Connection> {
    let conn = match dataset {
        Dataset::File(path) => {
            let mut flags = OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            flags |= if readonly {
                OpenFlags::SQLITE_OPEN_READ_ONLY
            } else {
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE
            };
            let fail = |source| Error::Database {
                context: format!("cannot open database {}", path.display()),
                source,
            };
            let conn = Connection::open_with_flags(path, flags).map_err(fail)?;
            // SQLite opens lazily; reading the schema now reports a file that is not a
            // database here, not at the first query.
            conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
                r.get::<_, i64>(0)
            })
            .map_err(fail)?;
            conn
        }
        _ => Connection::open_in_memory().map_err(|source| Error::Database {
            context: "cannot open an in-memory database".into(),
            source,
        })?,
    };
    load(&conn, &files(dataset)?)?;
    Ok(conn)
}

/// Runs the files in one transaction with foreign keys enforced; the first failure rolls
/// everything back and names the file, line and column.
pub fn load(conn: &Connection, files: &[SqlFile]) -> Result<()> {
    run_plain(conn, "PRAGMA foreign_keys = ON; BEGIN;")?;
    for file in files {
        if let Err(e) = run_file(conn, file) {
            // The transaction may already be gone; the error that matters is `e`.
            let _ = run_plain(conn, "ROLLBACK;");
            return Err(e);
        }
    }
    run_plain(conn, "COMMIT;")
}

fn run_file(conn: &Connection, file: &SqlFile) -> Result<()> {
    let chunk = Chunk {
        text: &file.text,
        origin: Rc::from(file.name.as_str()),
        line: 1,
    };
    let fail = |message: String, offset: usize| Error::Dataset {
        file: file.name.clone(),
        message,
        location: Some(chunk.locate(offset)),
    };
    let sql = CString::new(file.text.as_str())
        .map_err(|e| fail("NUL byte in file".into(), e.nul_position()))?;
    for prepared in Statements::new(conn, &sql) {
        let prepared = prepared.map_err(|e| fail(e.message, e.offset))?;
        let mut stmt = prepared.stmt;
        while stmt
            .step()
            .map_err(|e| fail(e.to_string(), prepared.start))?
            == Step::Row
        {}
    }
    Ok(())
}

fn run_plain(conn: &Connection, sql: &str) -> Result<()> {
    let file = SqlFile {
        name: "<startup>".into(),
        text: sql.into(),
    };
    run_file(conn, &file)
}

/// The doc comment above each `CREATE TABLE`/`CREATE VIEW` of the embedded schema, by name.
pub fn table_docs() -> std::collections::HashMap<String, String> {
    let mut docs = std::collections::HashMap::new();
    for file in embedded(&SCHEMA, "schema") {
        let mut pending: Vec<&str> = Vec::new();
        for line in file.text.lines() {
            let t = line.trim();
            if let Some(c) = t.strip_prefix("--") {
                pending.push(c.trim());
                continue;
            }
            let upper = t.to_ascii_uppercase();
            if let Some(rest) = ["CREATE TABLE ", "CREATE VIEW "]
                .iter()
                .find_map(|p| upper.starts_with(p).then(|| &t[p.len()..]))
            {
                let rest = rest.trim_start();
                let rest = if rest.to_ascii_uppercase().starts_with("IF NOT EXISTS ") {
                    rest[14..].trim_start()
                } else {
                    rest
                };
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && !pending.is_empty() {
                    docs.insert(name, pending.join(" "));
                }
            }
            pending.clear();
        }
    }
    docs
}

/// The doc comment above each column definition inside a `CREATE TABLE` statement's text
/// (SQLite keeps the comments in `sqlite_schema.sql`), by column name.
pub fn column_docs(create_sql: &str) -> std::collections::BTreeMap<String, String> {
    let mut docs = std::collections::BTreeMap::new();
    let Some(open) = create_sql.find('(') else {
        return docs;
    };
    let mut pending: Vec<&str> = Vec::new();
    for line in create_sql[open + 1..].lines() {
        let t = line.trim();
        if let Some(c) = t.strip_prefix("--") {
            pending.push(c.trim());
            continue;
        }
        if t.is_empty() {
            continue;
        }
        let name: String = t
            .trim_start_matches(['"', '`', '['])
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let is_constraint = ["CHECK", "PRIMARY", "FOREIGN", "UNIQUE", "CONSTRAINT"]
            .iter()
            .any(|k| name.eq_ignore_ascii_case(k));
        if !pending.is_empty() && !name.is_empty() && !is_constraint {
            docs.insert(name, pending.join(" "));
        }
        pending.clear();
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_docs_come_from_the_comment_above_each_column() {
        let docs = column_docs(
            "CREATE TABLE t (\n  -- The id.\n  id TEXT PRIMARY KEY,\n  -- A value,\n  -- in CNY.\n  v REAL CHECK (v > 0\n    OR v IS NULL),\n  -- a constraint\n  CHECK (1)\n)",
        );
        assert_eq!(docs.get("id").map(String::as_str), Some("The id."));
        assert_eq!(docs.get("v").map(String::as_str), Some("A value, in CNY."));
        assert_eq!(docs.len(), 2);
    }

    #[test]
    fn a_broken_file_is_named_with_its_line() {
        let conn = Connection::open_in_memory().ok();
        let Some(conn) = conn else { return };
        let files = vec![SqlFile {
            name: "seed/010_x.sql".into(),
            text: "create table t(a);\n\ninsert into nope values(1);".into(),
        }];
        let err = load(&conn, &files).err().map(|e| e.report());
        let report = err.unwrap_or_default();
        assert!(report.contains("seed/010_x.sql"), "{report}");
        assert!(report.contains("seed/010_x.sql:3:"), "{report}");
    }
}
