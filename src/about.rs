//! scoql's own dot-commands about the dataset: `.about`, `.describe`, `.sources`,
//! `.examples` and `.run`. Their listings are SQL over the live database, drawn by the
//! current output mode like any query result.

use std::collections::BTreeMap;

use rusqlite::types::Value;

use crate::dataset::{self, SavedQuery};
use crate::dot::{Call, emit};
use crate::error::{Error, Result};
use crate::input::TextSource;
use crate::render::identifier;
use crate::session::{Flow, Session};

/// True when the embedded dataset's tables are present (not `--no-seed` or `--db`).
fn has_dataset(s: &Session) -> bool {
    s.conn
        .query_row(
            "SELECT count(*) = 2 FROM sqlite_schema WHERE name IN ('sources', 'facts')",
            [],
            |r| r.get::<_, bool>(0),
        )
        .unwrap_or(false)
}

fn text_of(v: impl Into<String>) -> Value {
    Value::Text(v.into())
}

/// Runs `sql` with positional values `?1`, `?2`, ... and draws it in the current mode.
fn show(s: &mut Session, sql: &str, values: Vec<Value>) -> Result<Flow> {
    let bound: BTreeMap<String, Value> = values
        .into_iter()
        .enumerate()
        .map(|(i, v)| ((i + 1).to_string(), v))
        .collect();
    s.show_bound(sql, &bound)?;
    Ok(Flow::Continue)
}

pub fn about(s: &mut Session, _c: &Call) -> Result<Flow> {
    let mut text = String::from(
        "scoql: the China–SCO Local Economic and Trade Cooperation Demonstration Zone \
         (Qingdao) as SQL.\n",
    );
    if has_dataset(s) {
        let (sources, facts, first, last): (i64, i64, Option<String>, Option<String>) = s
            .conn
            .query_row(
                "SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM facts), \
                 (SELECT min(period_start) FROM facts), (SELECT max(period_end) FROM facts)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .map_err(|source| Error::Database {
                context: "cannot summarise the dataset".into(),
                source,
            })?;
        text.push_str(&format!(
            "Covers: freight train routes and runs, investment projects, yearly metrics,\n\
             corridors and milestones of the zone; {facts} stated figures from {sources} sources,\n\
             each with its source (.sources ID) and its id in the research file (ref).\n\
             Period: {} to {}.\n\
             Limits: most sources are state media or the zone's own promotion; counting bases\n\
             and scopes differ between sources and are kept as columns, not merged; where\n\
             sources disagree both values stay (view conflicts). Figures not stated by a\n\
             source are never stored: growth and ratios are views.\n\
             Start with: SELECT * FROM facts LIMIT 10;  .examples  .describe facts\n\n",
            first.unwrap_or_else(|| "?".into()),
            last.unwrap_or_else(|| "?".into()),
        ));
    } else {
        text.push_str(
            "The embedded dataset is not loaded in this session (--no-seed or --db).\n\n",
        );
    }
    emit(s, &text)?;
    let objects: Vec<(String, String)> = {
        let mut st = s
            .conn
            .prepare(
                "SELECT name, type FROM sqlite_schema WHERE type IN ('table','view') \
                 AND name NOT LIKE 'sqlite_%' ORDER BY type, name",
            )
            .map_err(|source| Error::Database {
                context: "cannot read the schema".into(),
                source,
            })?;
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|source| Error::Database {
                context: "cannot read the schema".into(),
                source,
            })?;
        rows.filter_map(|r| r.ok()).collect()
    };
    if objects.is_empty() {
        return Ok(Flow::Continue);
    }
    let docs = dataset::table_docs();
    // Counted one by one, so that one broken view (in a --seed-dir or --db database) shows
    // as an empty count rather than hiding the whole list.
    let list: Vec<serde_json::Value> = objects
        .iter()
        .map(|(name, kind)| {
            let rows: Option<i64> = s
                .conn
                .query_row(
                    &format!("SELECT count(*) FROM {}", identifier(name)),
                    [],
                    |r| r.get(0),
                )
                .ok();
            let doc = docs.get(name).map(String::as_str).unwrap_or("");
            serde_json::json!({
                "name": name,
                "kind": kind,
                "rows": rows,
                "description": first_sentence(doc),
            })
        })
        .collect();
    show(
        s,
        "SELECT value ->> 'name' AS name, value ->> 'kind' AS kind, value ->> 'rows' AS rows, \
         value ->> 'description' AS description FROM json_each(?1)",
        vec![text_of(serde_json::Value::Array(list).to_string())],
    )
}

/// The first sentence of a doc comment, cut to fit one line of a listing.
fn first_sentence(doc: &str) -> String {
    const MAX: usize = 60;
    let short = doc.find(". ").map_or(doc, |i| &doc[..=i]);
    if short.chars().count() <= MAX {
        return short.to_string();
    }
    let cut: String = short.chars().take(MAX - 1).collect();
    format!("{}…", cut.trim_end())
}

pub fn describe(s: &mut Session, c: &Call) -> Result<Flow> {
    let name = c.arg(0).unwrap_or_default().to_string();
    let exists: bool = s
        .conn
        .query_row(
            "SELECT count(*) > 0 FROM pragma_table_list WHERE name = ?1",
            [&name],
            |r| r.get(0),
        )
        .unwrap_or(false);
    if !exists {
        return Err(c.usage_error(format!("no such table or view: {name}")));
    }
    let sql: String = s
        .conn
        .query_row(
            "SELECT coalesce(sql, '') FROM sqlite_schema WHERE name = ?1",
            [&name],
            |r| r.get(0),
        )
        .unwrap_or_default();
    let columns = dataset::column_docs(&sql);
    let json = serde_json::to_string(&columns).unwrap_or_else(|_| "{}".into());
    if s.out.mode.is_table()
        && let Some(doc) = dataset::table_docs().get(&name)
    {
        let line = format!("{name}: {doc}\n");
        emit(s, &line)?;
    }
    show(
        s,
        "SELECT c.name AS \"column\", c.type AS type, \
           CASE WHEN c.\"notnull\" THEN 'not null' ELSE '' END AS \"null\", \
           coalesce(c.dflt_value, '') AS \"default\", \
           CASE WHEN c.pk > 0 THEN 'primary key' ELSE '' END AS \"key\", \
           coalesce((SELECT group_concat(f.\"table\" || '(' || coalesce(f.\"to\", '') || ')', ', ') \
              FROM pragma_foreign_key_list(?1) f WHERE f.\"from\" = c.name), '') AS \"references\", \
           coalesce(?2 ->> ('$.\"' || c.name || '\"'), '') AS description \
         FROM pragma_table_xinfo(?1) c ORDER BY c.cid",
        vec![text_of(name), text_of(json)],
    )
}

pub fn sources(s: &mut Session, c: &Call) -> Result<Flow> {
    if !has_dataset(s) {
        return Err(c.usage_error("the embedded dataset is not loaded (--no-seed or --db)"));
    }
    let Some(arg) = c.arg(0) else {
        return show(
            s,
            "SELECT id, published, outlet, kind, title FROM sources ORDER BY id",
            Vec::new(),
        );
    };
    let id: Option<String> = s
        .conn
        .query_row("SELECT id FROM sources WHERE id = upper(?1)", [arg], |r| {
            r.get(0)
        })
        .ok();
    let Some(id) = id else {
        return show(
            s,
            "SELECT id, published, outlet, kind, title FROM sources \
             WHERE title LIKE '%' || ?1 || '%' OR outlet LIKE '%' || ?1 || '%' \
                OR original_outlet LIKE '%' || ?1 || '%' OR url LIKE '%' || ?1 || '%' \
             ORDER BY id",
            vec![text_of(arg)],
        );
    };
    show(
        s,
        "SELECT id, title, outlet, original_outlet, published, url, language, kind, note \
         FROM sources WHERE id = ?1",
        vec![text_of(id.clone())],
    )?;
    show(
        s,
        "SELECT ref, subject, metric, period, value, unit FROM facts WHERE source_id = ?1 \
         ORDER BY ref",
        vec![text_of(id)],
    )
}

pub fn examples(s: &mut Session, _c: &Call) -> Result<Flow> {
    let list: Vec<serde_json::Value> = dataset::saved_queries()
        .iter()
        .map(|q| {
            let params: Vec<String> = q
                .params
                .iter()
                .map(|p| format!("{}={}", p.name, p.kind.name()))
                .collect();
            serde_json::json!({
                "name": q.name,
                "parameters": params.join(" "),
                "description": q.description,
            })
        })
        .collect();
    let json = serde_json::Value::Array(list).to_string();
    show(
        s,
        "SELECT value ->> 'name' AS name, value ->> 'parameters' AS parameters, \
         value ->> 'description' AS description FROM json_each(?1)",
        vec![text_of(json)],
    )
}

/// Finds a saved query by name (with or without `.sql`).
fn saved(name: &str) -> Option<SavedQuery> {
    let name = name.strip_suffix(".sql").unwrap_or(name);
    dataset::saved_queries()
        .into_iter()
        .find(|q| q.name == name)
}

pub fn run(s: &mut Session, c: &Call) -> Result<Flow> {
    let name = c.arg(0).unwrap_or_default();
    let Some(query) = saved(name) else {
        let names: Vec<String> = dataset::saved_queries()
            .into_iter()
            .map(|q| q.name)
            .collect();
        return Err(c.usage_error(format!(
            "no saved query named '{name}'; saved queries: {}",
            names.join(", ")
        )));
    };
    let mut params = s.params.clone();
    for pair in &c.args[1..] {
        let Some((k, v)) = pair.split_once('=') else {
            return Err(c.usage_error(format!("expected NAME=VALUE, got '{pair}'")));
        };
        let value = s.literal(v);
        params.insert(crate::exec::param_key(k).to_string(), value);
    }
    dataset::check_params(&query.params, &params)?;
    let saved_params = std::mem::replace(&mut s.params, params);
    let mut src = TextSource::new(&query.text, format!("queries/{}.sql", query.name).into());
    let flow = s.run(&mut src, None);
    s.params = saved_params;
    flow
}
