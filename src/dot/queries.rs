//! The saved-query commands: `.examples` (the shipped queries and the user's own, apart, or
//! one query's SQL and parameters), `.run NAME k=v...` (strict: only declared parameters)
//! and `.save-query NAME` (the last statement, with a `-- @param` line for each parameter
//! it used, as one of the user's own).

use std::rc::Rc;

use super::{Call, Flow, emit, emit_paragraphs};
use crate::error::{self, Result};
use crate::input::{Frame, TextSource};
use crate::saved::{self, SavedQuery};
use crate::session::Session;
use crate::sqlite::{Grid, param_key};
use crate::value::Value;

fn listing(queries: &[SavedQuery]) -> Grid {
    let mut grid = Grid::new(&["name", "parameters", "description"]);
    for q in queries {
        let params: Vec<String> = q
            .params
            .iter()
            .map(|p| format!("{}={}", p.name, p.kind.name()))
            .collect();
        grid.rows.push(vec![
            Value::text(&q.name),
            Value::text(params.join(" ")),
            Value::text(&q.description),
        ]);
    }
    grid
}

/// `.examples [NAME]`: the shipped queries, then the user's own (each a result of its own,
/// headed by a line in table modes); with NAME, that query's description, parameters and
/// SQL.
pub fn examples(s: &mut Session, c: &Call) -> Result<Flow> {
    if let Some(name) = c.arg(0) {
        return show_one(s, c, name);
    }
    let is_table = s.opts.mode.is_table();
    if is_table {
        emit_paragraphs(
            s,
            "Shipped with scoql (.run NAME, .examples NAME for its SQL):\n",
        )?;
    }
    s.show(&listing(&saved::saved_queries()))?;
    let own = saved::own_queries(s.queries_dir());
    if !is_table {
        if !own.is_empty() {
            s.show(&listing(&own))?;
        }
        return Ok(Flow::Continue);
    }
    let dir = s
        .queries_dir()
        .map_or("(no data directory)".into(), |d| d.display().to_string());
    if own.is_empty() {
        let text = format!(
            "\nYour own: none yet in {dir} (save the last statement with .save-query NAME).\n"
        );
        return emit_paragraphs(s, &text);
    }
    emit_paragraphs(s, &format!("\nYour own, in {dir}:\n"))?;
    s.show(&listing(&own))?;
    Ok(Flow::Continue)
}

fn not_found(c: &Call, s: &Session, name: &str) -> crate::error::Error {
    c.usage_error(format!(
        "no saved query named '{name}'; saved queries: {}",
        saved::names(s.queries_dir()).join(", ")
    ))
}

fn show_one(s: &mut Session, c: &Call, name: &str) -> Result<Flow> {
    let Some((q, hides)) = saved::find(name, s.queries_dir()) else {
        return Err(not_found(c, s, name));
    };
    let whose = match &q.path {
        Some(p) if hides => format!("your own, {} (hides the shipped one)", p.display()),
        Some(p) => format!("your own, {}", p.display()),
        None => "shipped with scoql".into(),
    };
    // The words wrap to the terminal; the SQL is shown as it is written.
    let mut about = format!("{} — {whose}\n", q.name);
    if !q.description.is_empty() {
        about.push_str(&format!("{}\n", q.description));
    }
    let mut text = crate::render::prose::paragraphs(&about, s.text_width());
    if q.params.is_empty() {
        text.push_str("Parameters: none\n");
    } else {
        text.push_str("Parameters (.run NAME name=VALUE ...):\n");
        let width = s.text_width();
        for d in &q.params {
            // The documentation hangs beside its `name=TYPE`, wrapped to the width.
            let label = format!("  {}={}  ", d.name, d.kind.name());
            let indent = label.chars().count();
            text.push_str(&crate::render::prose::hanging(
                &label,
                indent,
                &d.description,
                width,
            ));
        }
    }
    text.push_str(&format!("SQL:\n{}", q.body()));
    if !text.ends_with('\n') {
        text.push('\n');
    }
    emit(s, &text)
}

/// `.run NAME [k=v ...]`: the saved query (the user's own before a shipped one of the same
/// name, with a note) runs next, in a frame whose parameters are the ones in force plus
/// `k=v`, which hold for that query only. A `k` the query does not declare is an error.
pub fn run(s: &mut Session, c: &Call) -> Result<Flow> {
    let name = c.arg(0).unwrap_or_default();
    let Some((query, hides)) = saved::find(name, s.queries_dir()) else {
        return Err(not_found(c, s, name));
    };
    let mut params = c.params.clone();
    let mut given = Vec::new();
    for pair in &c.args[1..] {
        let Some((k, v)) = pair.split_once('=') else {
            return Err(c.usage_error(format!("expected NAME=VALUE, got '{pair}'")));
        };
        let key = param_key(k).to_string();
        params.insert(key.clone(), Value::from_literal(v));
        given.push(key);
    }
    saved::check_declared(&query, &given)?;
    saved::check_params(&query.params, &params)?;
    if hides {
        error::warn(&format!(
            "running your own {} ({}), not the shipped query of that name",
            query.name,
            query.origin()
        ));
    }
    let origin: Rc<str> = Rc::from(query.origin());
    Ok(Flow::Push(Frame {
        params: Some(params),
        ..Frame::new(Box::new(TextSource::new(&query.text, origin)))
    }))
}

/// `.save-query [--replace] NAME [DESCRIPTION...]`: the last statement that ran, as the
/// user's own query `NAME.sql`, with a `-- @param` line for each parameter it used.
pub fn save_query(s: &mut Session, c: &Call) -> Result<Flow> {
    let replace = c.arg(0) == Some("--replace");
    let first = usize::from(replace);
    let Some(name) = c.arg(first) else {
        return Err(c.usage_error("expected a name"));
    };
    saved::check_name(name).map_err(|m| c.usage_error(m))?;
    let Some(dir) = s.queries_dir().map(std::path::Path::to_path_buf) else {
        return Err(c.usage_error("no place for saved queries (no data directory, or --safe)"));
    };
    let Some(statement) = s.last_statement.clone() else {
        return Err(c.usage_error("no statement has run yet"));
    };
    let path = dir.join(format!("{name}.sql"));
    if path.exists() && !replace {
        return Err(c.usage_error(format!(
            "{} already exists; .save-query --replace {name} overwrites it",
            path.display()
        )));
    }
    let description = c.args[first + 1..].join(" ");
    let text = saved::query_text(&description, &statement.text, &statement.params);
    let path = saved::write(&dir, name, &text, replace)?;
    let hides = saved::saved_queries().iter().any(|q| q.name == name);
    error::note(&format!(
        "saved {} ({} bytes){}; run it with .run {name}",
        path.display(),
        text.len(),
        if hides {
            ", which hides the shipped query of that name"
        } else {
            ""
        }
    ));
    Ok(Flow::Continue)
}
