//! scoql's own dot-commands about the dataset: `.about`, `.describe` and `.sources`. Their
//! listings are built in memory and drawn by the current output mode like any query result.

use super::{Call, Flow, emit, emit_paragraphs};
use crate::dataset;
use crate::error::Result;
use crate::render::prose;
use crate::session::Session;
use crate::sqlite::{self, Grid};
use crate::value::{Cell, Value, identifier};

/// True when the embedded dataset's tables are present (not `--no-seed` or `--db`).
fn has_dataset(s: &Session) -> bool {
    sqlite::query_value(
        s.conn(),
        "SELECT count(*) = 2 FROM sqlite_schema WHERE name IN ('sources', 'facts')",
        &[],
    )
    .is_ok_and(|v| v == Value::Integer(1))
}

fn text_at(row: &[Value], i: usize) -> Option<String> {
    match row.get(i) {
        Some(Value::Text(t)) => Some(String::from_utf8_lossy(t).into_owned()),
        Some(Value::Integer(v)) => Some(v.to_string()),
        _ => None,
    }
}

pub fn about(s: &mut Session, _c: &Call) -> Result<Flow> {
    let mut text = String::from(
        "scoql: the China–SCO Local Economic and Trade Cooperation Demonstration Zone \
         (Qingdao) as SQL.\n",
    );
    if has_dataset(s) {
        let summary = sqlite::query(
            s.conn(),
            "SELECT (SELECT count(DISTINCT source_id) FROM facts), (SELECT count(*) FROM facts), \
             (SELECT min(period_start) FROM facts), (SELECT max(period_end) FROM facts)",
            &[],
        )?;
        let row = summary.rows.first().cloned().unwrap_or_default();
        let get = |i: usize| text_at(&row, i).unwrap_or_else(|| "?".into());
        // One paragraph a line: they are wrapped to the terminal when written.
        text.push_str(&format!(
            "Covers: freight train routes and runs, investment projects, yearly metrics, \
             corridors and milestones of the zone; {} stated figures from {} sources, each \
             with its source (.sources ID) and ref, its id in the dataset's research notes \
             (view citations gives outlet, title, date and address); read value with \
             qualifier.\n\
             Period: {} to {}.\n\
             Limits: most sources are state media or the zone's own promotion; counting \
             bases and scopes differ between sources and are kept as columns, not merged; \
             where sources disagree both values stay (view conflicts). Figures not stated by \
             a source are never stored: growth and ratios are views.\n\
             Start with: SELECT * FROM facts LIMIT 10; then .examples and .describe facts\n\n",
            get(1),
            get(0),
            get(2),
            get(3),
        ));
    } else {
        text.push_str(
            "The embedded dataset is not loaded in this session (--no-seed or --db).\n\n",
        );
    }
    emit_paragraphs(s, &text)?;
    let objects = sqlite::query(
        s.conn(),
        "SELECT name, type FROM sqlite_schema WHERE type IN ('table','view') \
         AND name NOT LIKE 'sqlite_%' ORDER BY type, name",
        &[],
    )?;
    if objects.rows.is_empty() {
        return Ok(Flow::Continue);
    }
    let docs = dataset::table_docs();
    let mut list = Grid::new(&["name", "kind", "rows", "description"]);
    for row in &objects.rows {
        let name = text_at(row, 0).unwrap_or_default();
        // Counted one by one, so that one broken view (in a --seed-dir or --db database)
        // shows as an empty count rather than hiding the whole list.
        let rows = sqlite::query_value(
            s.conn(),
            &format!("SELECT count(*) FROM {}", identifier(&name)),
            &[],
        )
        .unwrap_or(Value::Null);
        let doc = docs.get(&name).map(String::as_str).unwrap_or("");
        list.rows.push(vec![
            Value::text(&name),
            Value::opt_text(text_at(row, 1)),
            rows,
            Value::text(first_sentence(doc)),
        ]);
    }
    s.show(&list)?;
    Ok(Flow::Continue)
}

/// The first sentence of a doc comment, for a listing (where it wraps in its cell).
fn first_sentence(doc: &str) -> &str {
    doc.find(". ").map_or(doc, |i| &doc[..=i])
}

pub fn describe(s: &mut Session, c: &Call) -> Result<Flow> {
    let name = c.arg(0).unwrap_or_default().to_string();
    let exists = sqlite::query_value(
        s.conn(),
        "SELECT count(*) > 0 FROM pragma_table_list WHERE name = ?1",
        &[Value::text(&name)],
    )?;
    if exists != Value::Integer(1) {
        return Err(c.usage_error(format!("no such table or view: {name}")));
    }
    let sql = sqlite::query_value(
        s.conn(),
        "SELECT coalesce(sql, '') FROM sqlite_schema WHERE name = ?1",
        &[Value::text(&name)],
    )?;
    let sql = text_at(&[sql], 0).unwrap_or_default();
    let docs = dataset::column_docs(&sql);
    if s.opts.mode.is_table()
        && let Some(doc) = dataset::table_docs().get(&name)
    {
        let line = format!("{name}: {doc}\n");
        emit_paragraphs(s, &line)?;
    }
    let mut grid = sqlite::query(
        s.conn(),
        "SELECT c.name AS \"column\", c.type AS type, \
           CASE WHEN c.\"notnull\" THEN 'not null' ELSE '' END AS \"null\", \
           coalesce(c.dflt_value, '') AS \"default\", \
           CASE WHEN c.pk > 0 THEN 'primary key' ELSE '' END AS \"key\", \
           coalesce((SELECT group_concat(f.\"table\" || '(' || coalesce(f.\"to\", '') || ')', ', ') \
              FROM pragma_foreign_key_list(?1) f WHERE f.\"from\" = c.name), '') AS \"references\" \
         FROM pragma_table_xinfo(?1) c ORDER BY c.cid",
        &[Value::text(&name)],
    )?;
    grid.columns.push("description".into());
    for row in &mut grid.rows {
        let column = text_at(row, 0).unwrap_or_default();
        let doc = docs.get(&column).cloned().unwrap_or_default();
        row.push(Value::text(doc));
    }
    if s.opts.mode.is_table() {
        // A reader's table leaves out the columns empty in every row (a view has no
        // defaults, keys or references), so the descriptions get the width.
        let is_empty = |c: usize| {
            grid.rows
                .iter()
                .all(|r| matches!(&r[c], Value::Text(t) if t.is_empty()))
        };
        let keep: Vec<bool> = (0..grid.columns.len()).map(|c| !is_empty(c)).collect();
        let pick = |row: &[Value]| {
            row.iter()
                .zip(&keep)
                .filter(|(_, k)| **k)
                .map(|(v, _)| v.clone())
                .collect()
        };
        grid.columns = grid
            .columns
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(c, _)| c.clone())
            .collect();
        grid.rows = grid.rows.iter().map(|r| pick(r)).collect();
    }
    s.show(&grid)?;
    Ok(Flow::Continue)
}

pub fn sources(s: &mut Session, c: &Call) -> Result<Flow> {
    if !has_dataset(s) {
        return Err(c.usage_error("the embedded dataset is not loaded (--no-seed or --db)"));
    }
    let Some(arg) = c.arg(0) else {
        let grid = sqlite::query(
            s.conn(),
            "SELECT id, published, outlet, kind, title FROM sources ORDER BY id",
            &[],
        )?;
        s.show(&grid)?;
        return Ok(Flow::Continue);
    };
    let id = sqlite::query_value(
        s.conn(),
        "SELECT id FROM sources WHERE id = upper(?1)",
        &[Value::text(arg)],
    )?;
    if id == Value::Null {
        let grid = sqlite::query(
            s.conn(),
            "SELECT id, published, outlet, kind, title FROM sources \
             WHERE title LIKE '%' || ?1 || '%' OR outlet LIKE '%' || ?1 || '%' \
                OR original_outlet LIKE '%' || ?1 || '%' OR url LIKE '%' || ?1 || '%' \
             ORDER BY id",
            &[Value::text(arg)],
        )?;
        s.show(&grid)?;
        return Ok(Flow::Continue);
    }
    let grid = sqlite::query(
        s.conn(),
        "SELECT * FROM sources WHERE id = ?1",
        std::slice::from_ref(&id),
    )?;
    if s.opts.mode.is_table() {
        // A reader gets the source as a record, every field whole (an address is never
        // cut, so it can be followed); the machine modes get it as a result like any other.
        let null = s.opts.nullvalue.clone().unwrap_or_else(|| "NULL".into());
        let values: Vec<String> = grid
            .rows
            .first()
            .map(|row| {
                row.iter()
                    .map(|v| match v.cell() {
                        Cell::Null => null.clone(),
                        Cell::Integer(n) => n.to_string(),
                        Cell::Real(_, t) | Cell::Text(t) | Cell::Blob(t) => {
                            String::from_utf8_lossy(t).into_owned()
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut text = prose::record(&grid.columns, &values, s.text_width());
        text.push('\n');
        emit(s, &text)?;
    } else {
        s.show(&grid)?;
    }
    let figures = sqlite::query(s.conn(), SOURCE_FIGURES, &[id])?;
    s.show(&figures)?;
    Ok(Flow::Continue)
}

/// The figures `.sources ID` lists under the source. The view orders a source's figures (by
/// ref, then its SCO statuses) and carries the qualifier, basis and scope that read with
/// each value.
const SOURCE_FIGURES: &str = "SELECT ref, subject, metric, period, qualifier, value, unit, basis, \
                              scope, is_conversion, is_plan, note FROM source_figures \
                              WHERE source_id = ?1";
