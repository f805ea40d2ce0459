//! The embedded `schema/`, `seed/` and `queries/`, and opening the database a session starts
//! with: the embedded dataset, a `--seed-dir`, an empty one, or a `--db` file.

use std::ffi::CString;
use std::path::Path;
use std::rc::Rc;

use include_dir::{Dir, include_dir};
use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};
use crate::exec::{Chunk, Db, Step};
use crate::settings::Dataset;

static SCHEMA: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/schema");
static SEED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/seed");
static QUERIES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/queries");

/// A SQL file of the dataset: the name shown in errors and its text.
#[derive(Debug, Clone)]
pub struct SqlFile {
    pub name: String,
    pub text: String,
}

/// `.sql` files of an embedded directory, in file-name order.
fn embedded(dir: &Dir<'_>, prefix: &str) -> Vec<SqlFile> {
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
    let db = Db::new(conn);
    run_plain(&db, "PRAGMA foreign_keys = ON; BEGIN;")?;
    for file in files {
        if let Err(e) = run_file(&db, file) {
            // The transaction may already be gone; the error that matters is `e`.
            let _ = run_plain(&db, "ROLLBACK;");
            return Err(e);
        }
    }
    run_plain(&db, "COMMIT;")
}

fn run_file(db: &Db, file: &SqlFile) -> Result<()> {
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
    let mut offset = 0;
    while offset < file.text.len() {
        let start = offset + leading_space(&file.text[offset..]);
        let (stmt, next) = db
            .prepare(&sql, offset)
            .map_err(|(msg, at)| fail(msg, at.map_or(start, |a| offset + a)))?;
        if let Some(mut stmt) = stmt {
            while let Step::Row = stmt.step(db).map_err(|e| fail(e.to_string(), start))? {}
        }
        offset = next;
    }
    Ok(())
}

/// Bytes of whitespace at the start of `s`, so locations point at the statement itself.
pub fn leading_space(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

fn run_plain(db: &Db, sql: &str) -> Result<()> {
    let file = SqlFile {
        name: "<startup>".into(),
        text: sql.into(),
    };
    run_file(db, &file)
}

/// A saved query of `queries/`: its name (file stem), the one-line description from its
/// first `--` line, its declared parameters and its SQL.
#[derive(Debug, Clone)]
pub struct SavedQuery {
    pub name: String,
    pub description: String,
    pub params: Vec<ParamDecl>,
    pub text: String,
}

/// `-- @param NAME TYPE description` in a query file's header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamDecl {
    pub name: String,
    pub kind: ParamKind,
    pub description: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    Integer,
    Real,
    Text,
}

impl ParamKind {
    pub fn name(self) -> &'static str {
        match self {
            ParamKind::Integer => "INTEGER",
            ParamKind::Real => "REAL",
            ParamKind::Text => "TEXT",
        }
    }
}

/// The header of a query file: the description (first comment line) and the `@param` lines
/// among the leading comment lines.
pub fn parse_header(text: &str) -> (String, Vec<ParamDecl>) {
    let mut description = String::new();
    let mut params = Vec::new();
    for line in text.lines() {
        let Some(comment) = line.trim_start().strip_prefix("--") else {
            if line.trim().is_empty() {
                continue;
            }
            break;
        };
        let comment = comment.trim();
        if let Some(decl) = comment.strip_prefix("@param") {
            let mut parts = decl.split_whitespace();
            let (Some(name), Some(kind)) = (parts.next(), parts.next()) else {
                continue;
            };
            let kind = match kind.to_ascii_uppercase().as_str() {
                "INTEGER" | "INT" => ParamKind::Integer,
                "REAL" | "FLOAT" => ParamKind::Real,
                _ => ParamKind::Text,
            };
            params.push(ParamDecl {
                name: crate::exec::param_key(name).to_string(),
                kind,
                description: parts.collect::<Vec<_>>().join(" "),
            });
        } else if description.is_empty() {
            description = comment.to_string();
        }
    }
    (description, params)
}

/// The saved queries compiled into the binary, by name.
pub fn saved_queries() -> Vec<SavedQuery> {
    let mut queries: Vec<SavedQuery> = embedded(&QUERIES, "queries")
        .into_iter()
        .map(|f| {
            let name = Path::new(&f.name)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let (description, params) = parse_header(&f.text);
            SavedQuery {
                name,
                description,
                params,
                text: f.text,
            }
        })
        .collect();
    queries.sort_by(|a, b| a.name.cmp(&b.name));
    queries
}

/// Checks the values given for a query's declared parameters: each must be present and of
/// its declared type. A missing one lists every declaration with its description.
pub fn check_params(
    decls: &[ParamDecl],
    params: &std::collections::BTreeMap<String, rusqlite::types::Value>,
) -> Result<()> {
    use rusqlite::types::Value;
    let listing = || {
        decls
            .iter()
            .map(|d| format!("\n  :{} {} — {}", d.name, d.kind.name(), d.description))
            .collect::<String>()
    };
    for d in decls {
        let Some(value) = params.get(&d.name) else {
            return Err(Error::UnboundParameter {
                name: format!(":{}", d.name),
                hint: format!(
                    " (give it with --param {}=VALUE or .param set {} VALUE); this query declares:{}",
                    d.name,
                    d.name,
                    listing()
                ),
                location: None,
            });
        };
        let fits = matches!(
            (d.kind, value),
            (ParamKind::Integer, Value::Integer(_))
                | (ParamKind::Real, Value::Integer(_) | Value::Real(_))
                | (ParamKind::Text, Value::Text(_))
        );
        if !fits {
            let got = match value {
                Value::Null => "NULL".to_string(),
                Value::Integer(i) => format!("INTEGER {i}"),
                Value::Real(r) => format!("REAL {r}"),
                Value::Text(t) => format!("TEXT '{t}'"),
                Value::Blob(_) => "a BLOB".to_string(),
            };
            return Err(Error::Parameter {
                message: format!(
                    "parameter :{} must be {} ({}), got {got}",
                    d.name,
                    d.kind.name(),
                    d.description
                ),
                location: None,
            });
        }
    }
    Ok(())
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
    fn header_gives_description_and_declared_parameters() {
        let (d, p) = parse_header(
            "-- Trains per year\n-- @param year INTEGER The year to report\n-- @param :c TEXT Country\nselect 1;",
        );
        assert_eq!(d, "Trains per year");
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].name, "year");
        assert_eq!(p[0].kind, ParamKind::Integer);
        assert_eq!(p[0].description, "The year to report");
        assert_eq!(p[1].name, "c");
    }

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
