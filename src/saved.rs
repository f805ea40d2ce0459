//! Saved queries: the ones shipped in `queries/` (compiled in), their `-- @param NAME TYPE
//! description` headers, and the check that a run gives every declared parameter a value
//! of its type.

use std::path::Path;

use include_dir::{Dir, include_dir};

use crate::dataset::embedded;
use crate::error::{Error, Result};
use crate::sqlite::{Params, param_key};
use crate::value::Value;

static QUERIES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/queries");

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
