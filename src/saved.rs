//! Saved queries: the ones shipped in `queries/` (compiled in) and the user's own in
//! `$XDG_DATA_HOME/scoql/queries/NAME.sql`, their `-- @param NAME TYPE description`
//! headers, the checks that a run gives every declared parameter a value of its type and no
//! undeclared one, and writing a statement as an own query.

use std::io::Write;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::dataset::embedded;
use crate::error::{Error, Result};
use crate::sqlite::{Params, param_key};
use crate::value::Value;

static QUERIES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/queries");

/// A saved query: its name (file stem), the one-line description from its first `--`
/// line, its declared parameters, its SQL, and whose it is.
#[derive(Debug, Clone)]
pub struct SavedQuery {
    pub name: String,
    pub description: String,
    pub params: Vec<ParamDecl>,
    pub text: String,
    /// None for a query shipped with scoql; the file of one of the user's own.
    pub path: Option<PathBuf>,
}

impl SavedQuery {
    fn new(name: String, text: String, path: Option<PathBuf>) -> SavedQuery {
        let (description, params) = parse_header(&text);
        SavedQuery {
            name,
            description,
            params,
            text,
            path,
        }
    }

    /// Where it is run from in error locations: `queries/NAME.sql`, or the own file's path.
    pub fn origin(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => format!("queries/{}.sql", self.name),
        }
    }

    /// The SQL after the header's comment lines.
    pub fn body(&self) -> &str {
        let mut rest = self.text.as_str();
        while let Some((line, tail)) = rest.split_once('\n') {
            let t = line.trim();
            if !(t.is_empty() || t.starts_with("--")) {
                break;
            }
            rest = tail;
        }
        rest
    }
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
                name: param_key(name).to_string(),
                kind,
                description: parts.collect::<Vec<_>>().join(" "),
            });
        } else if description.is_empty() {
            description = comment.to_string();
        }
    }
    (description, params)
}

fn stem(name: &str) -> String {
    Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The saved queries compiled into the binary, by name.
pub fn saved_queries() -> Vec<SavedQuery> {
    let mut queries: Vec<SavedQuery> = embedded(&QUERIES, "queries")
        .into_iter()
        .map(|f| SavedQuery::new(stem(&f.name), f.text, None))
        .collect();
    queries.sort_by(|a, b| a.name.cmp(&b.name));
    queries
}

/// The user's own saved queries in `dir` (`NAME.sql`, NAME a valid query name), by name. A
/// missing directory has none; a file that is not UTF-8 text, or not a regular file
/// (`userfile`), is left out.
pub fn own_queries(dir: Option<&Path>) -> Vec<SavedQuery> {
    let Some(entries) = dir.and_then(|d| std::fs::read_dir(d).ok()) else {
        return Vec::new();
    };
    let mut queries: Vec<SavedQuery> = entries
        .filter_map(|e| {
            let path = e.ok()?.path();
            let name = path
                .file_name()?
                .to_str()?
                .strip_suffix(".sql")?
                .to_string();
            check_name(&name).ok()?;
            let text = String::from_utf8(crate::userfile::read(&path).ok()?).ok()?;
            Some(SavedQuery::new(name, text, Some(path)))
        })
        .collect();
    queries.sort_by(|a, b| a.name.cmp(&b.name));
    queries
}

/// The query named `name` (with or without `.sql`): the user's own one first, then the
/// shipped one. The flag is true when an own query hides a shipped one of the same name.
pub fn find(name: &str, dir: Option<&Path>) -> Option<(SavedQuery, bool)> {
    let name = name.strip_suffix(".sql").unwrap_or(name);
    let shipped = saved_queries().into_iter().find(|q| q.name == name);
    match own_queries(dir).into_iter().find(|q| q.name == name) {
        Some(own) => Some((own, shipped.is_some())),
        None => shipped.map(|q| (q, false)),
    }
}

/// The names `.run` and `.examples` accept, own and shipped, sorted, each once.
pub fn names(dir: Option<&Path>) -> Vec<String> {
    let mut names: Vec<String> = own_queries(dir)
        .into_iter()
        .chain(saved_queries())
        .map(|q| q.name)
        .collect();
    names.sort();
    names.dedup();
    names
}

/// A query name is a file stem of letters, digits, `_` and `-`: it can never name a file
/// outside the queries directory.
pub fn check_name(name: &str) -> Result<(), String> {
    if !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        Ok(())
    } else {
        Err(format!(
            "'{name}' is not a query name (letters, digits, _ and - only)"
        ))
    }
}

/// `NAME=TYPE  description`, as `.examples NAME` lists a declared parameter.
pub fn describe_param(d: &ParamDecl) -> String {
    format!("{}={}  {}", d.name, d.kind.name(), d.description)
        .trim_end()
        .to_string()
}

/// Refuses a parameter given to `.run` that the query does not declare (sqlite3 would bind
/// nothing to it and silently return every row).
pub fn check_declared(query: &SavedQuery, given: &[String]) -> Result<()> {
    for name in given {
        if query.params.iter().any(|d| d.name == *name) {
            continue;
        }
        let declared = if query.params.is_empty() {
            "it declares no parameters".to_string()
        } else {
            let list: Vec<String> = query.params.iter().map(describe_param).collect();
            format!("it declares:\n  {}", list.join("\n  "))
        };
        return Err(Error::Parameter {
            message: format!(
                "{} does not declare a parameter :{name}; {declared}",
                query.name
            ),
            location: None,
        });
    }
    Ok(())
}

/// The text of an own query: the description, a `-- @param` line for each parameter the
/// statement used (its type from the value it had, which is given as the example), then
/// the statement.
pub fn query_text(description: &str, text: &str, params: &[(String, Value)]) -> String {
    // A comment ends at a line break: one inside a description or a value would turn the
    // rest of it into SQL that `.run` runs.
    let one_line = |s: &str| s.replace(['\n', '\r'], " ");
    let mut out = String::new();
    if !description.is_empty() {
        out.push_str(&format!("-- {}\n", one_line(description)));
    }
    for (name, value) in params {
        let kind = match value {
            Value::Integer(_) => ParamKind::Integer,
            Value::Real(..) => ParamKind::Real,
            Value::Null | Value::Text(_) | Value::Blob(_) => ParamKind::Text,
        };
        out.push_str(&format!(
            "-- @param {name} {} e.g. {}\n",
            kind.name(),
            one_line(&value.literal())
        ));
    }
    out.push_str(text.trim_end());
    if !text.trim_end().ends_with(';') {
        out.push(';');
    }
    out.push('\n');
    out
}

/// Writes an own query `dir/NAME.sql`, creating the directory. An existing file is kept
/// unless `replace`. Returns the file's path.
pub fn write(dir: &Path, name: &str, text: &str, replace: bool) -> Result<PathBuf> {
    let path = dir.join(format!("{name}.sql"));
    let fail = |source| Error::File {
        action: "write",
        path: path.clone(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(fail)?;
    // Truncated only once it is known to be a regular file (`userfile::open`).
    let mut file = crate::userfile::open(
        &path,
        std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .create_new(!replace),
    )
    .and_then(|f| f.set_len(0).map(|()| f))
    .map_err(fail)?;
    file.write_all(text.as_bytes()).map_err(fail)?;
    Ok(path)
}

/// Checks the values given for a query's declared parameters: each must be present and of
/// its declared type. A missing one lists every declaration with its description.
pub fn check_params(decls: &[ParamDecl], params: &Params) -> Result<()> {
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
                | (ParamKind::Real, Value::Integer(_) | Value::Real(..))
                | (ParamKind::Text, Value::Text(_))
        );
        if !fits {
            let got = format!("{} {}", value.type_name().to_uppercase(), value.literal());
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
}
