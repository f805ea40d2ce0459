//! The dot-commands that show results as figures: `.chart` (the last result, or the next
//! query's, as a chart), `.pivot` (a crosstab of the last result, which becomes the last
//! result) and `.summarize` (statistics per column and coverage per metric of a table, a
//! view, a query or the last result). The reading and drawing are `figures/` and
//! `render/chart`; here they meet the session.

use std::collections::BTreeMap;

use super::{Call, Flow};
use crate::cite;
use crate::error::{Error, Result};
use crate::figures::series::{self, NextChart, Spec};
use crate::figures::{self, pivot as crosstab, summary};
use crate::render::Kept;
use crate::render::chart::{self as drawing, ChartOptions};
use crate::session::Session;
use crate::sqlite::{Grid, query};
use crate::value::{Cell, Value, identifier, thousands};

fn figure_error(message: String) -> Error {
    Error::Figure {
        message,
        location: None,
    }
}

/// The last result, whole; an error when there is none or it was too large to keep.
fn last_grid(s: &Session, c: &Call) -> Result<Grid> {
    let Some(kept) = &s.last else {
        return Err(c.usage_error(
            "no result yet: run a query first (.chart --next draws the next query's result)",
        ));
    };
    if !kept.is_complete {
        return Err(c.usage_error(format!(
            "the last result had {} rows, too many to keep; run a query that returns fewer",
            thousands(kept.total)
        )));
    }
    Ok(kept.grid())
}

/// Makes `grid` the last result, so `.last MODE` draws it again.
fn keep(s: &mut Session, grid: &Grid) {
    let mut kept = Kept::new(grid.columns.clone());
    for row in &grid.rows {
        let cells: Vec<Cell> = row.iter().map(Value::cell).collect();
        kept.push(&cells);
    }
    s.last = Some(kept);
}

/// `.chart [bar|line|spark] [--by COLUMN] [--next] [LABEL VALUE]`.
pub fn chart(s: &mut Session, c: &Call) -> Result<Flow> {
    let spec = Spec::parse(&c.args).map_err(|m| c.usage_error(m))?;
    if spec.is_next {
        s.next_chart = Some(NextChart {
            spec,
            has_result: false,
        });
        return Ok(Flow::Continue);
    }
    let grid = last_grid(s, c)?;
    draw_chart(s, &grid, &spec)?;
    Ok(Flow::Continue)
}

/// After an SQL input: draws the chart `.chart --next` left waiting, from that input's
/// result. `is_ok`: the input ran without error (else the chart is dropped with it).
pub fn draw_next(s: &mut Session, is_ok: bool) -> Result<()> {
    let Some(next) = s.next_chart.take() else {
        return Ok(());
    };
    if !is_ok {
        return Ok(());
    }
    let grid = match &s.last {
        Some(kept) if next.has_result && kept.is_complete => kept.grid(),
        Some(kept) if next.has_result => {
            return Err(figure_error(format!(
                "the result had {} rows, too many to chart",
                thousands(kept.total)
            )));
        }
        _ => {
            return Err(figure_error(
                "nothing to chart: the input after .chart --next returned no result".into(),
            ));
        }
    };
    let drawn = draw_chart(s, &grid, &next.spec);
    if let Err(Error::Figure { .. }) = &drawn {
        // The chart was to replace the table: a refused chart must not lose the result.
        let opts = s.render_options();
        cite::show(s, &opts, &grid, None, &[])?;
    }
    drawn
}

/// Reads and draws `grid` as `spec` asks, within the terminal's width (80 columns when
/// output is not a terminal); with `.cite` on, the legend of its sources replaces the
/// chart's list of them.
fn draw_chart(s: &mut Session, grid: &Grid, spec: &Spec) -> Result<()> {
    let mut chart = series::read(grid, spec).map_err(figure_error)?;
    let opts = s.render_options();
    let legend = if s.cite {
        cite::legend(s.conn(), &chart.ids, &opts)
    } else {
        String::new()
    };
    if !legend.is_empty() {
        chart.sources.clear();
    }
    let size = ChartOptions {
        width: opts.width.map_or(ChartOptions::DEFAULT_WIDTH, usize::from),
        color: opts.color,
    };
    let text = drawing::draw(&chart, &size).map_err(figure_error)?;
    s.write_drawn(&text)?;
    if !legend.is_empty() {
        s.write(&legend)?;
    }
    Ok(())
}

/// `.pivot [ROW_COL COL_COL VALUE_COL]`: the crosstab of the last result (columns 1, 2 and
/// 3 when none are named), drawn in the current mode and kept as the last result.
pub fn pivot(s: &mut Session, c: &Call) -> Result<Flow> {
    let names: [&str; 3] = match c.args.as_slice() {
        [] => ["1", "2", "3"],
        [r, k, v] => [r, k, v],
        _ => return Err(c.usage_error("expected three columns, or none")),
    };
    let grid = last_grid(s, c)?;
    let p = crosstab::pivot(&grid, names[0], names[1], names[2]).map_err(|m| c.usage_error(m))?;
    keep(s, &p.grid);
    let opts = s.render_options();
    cite::show(s, &opts, &p.grid, Some(&p.sources), &p.notes)?;
    Ok(Flow::Continue)
}

/// The declared types of a table's or view's columns, or None when `name` is neither.
fn declared_types(s: &Session, name: &str) -> Result<Option<BTreeMap<String, String>>> {
    let info = query(
        s.conn(),
        "SELECT name, type FROM pragma_table_info(?1)",
        &[Value::text(name)],
    )?;
    if info.rows.is_empty() {
        return Ok(None);
    }
    Ok(Some(
        info.rows
            .iter()
            .map(|r| (figures::text(&r[0]), figures::text(&r[1])))
            .collect(),
    ))
}

/// The rows of the dataset's `conflicts` view, as the coverage counts them; None when the
/// database has no such view.
fn conflicts(s: &Session) -> Option<Vec<summary::Conflict>> {
    let grid = query(s.conn(), "SELECT * FROM conflicts", &[]).ok()?;
    let attribute = figures::first_named(&grid, &["attribute", "metric"])?;
    let refs: Vec<usize> = (0..grid.columns.len())
        .filter(|&i| figures::is_ref_column(&grid.columns[i]))
        .collect();
    Some(
        grid.rows
            .iter()
            .map(|r| summary::Conflict {
                attribute: figures::text(&r[attribute]),
                refs: refs
                    .iter()
                    .filter_map(|&i| figures::opt_text(&r[i]))
                    .collect(),
            })
            .collect(),
    )
}

/// `.summarize [TABLE|QUERY]`: DuckDB's SUMMARIZE of a table or view, of a read-only query,
/// or of the last result; then, when it has `metric` and `period` columns, a coverage line
/// per metric. The last drawn becomes the last result.
pub fn summarize(s: &mut Session, c: &Call) -> Result<Flow> {
    // A query may be typed as it is (`.summarize SELECT ...`, as DuckDB's SUMMARIZE takes
    // it), quotes and all, or as one quoted argument.
    let typed = if c.args.len() > 1 {
        Some(c.rest)
    } else {
        c.arg(0)
    };
    let (grid, declared) = match typed {
        None => (last_grid(s, c)?, BTreeMap::new()),
        Some(name) => match declared_types(s, name)? {
            Some(declared) => {
                let sql = format!("SELECT * FROM {}", identifier(name));
                (query(s.conn(), &sql, &[])?, declared)
            }
            None if !name.contains(char::is_whitespace) => {
                return Err(c.usage_error(format!("no table or view named {name}")));
            }
            None => {
                let is_readonly =
                    s.conn()
                        .prepare(name)
                        .map(|stmt| stmt.readonly())
                        .map_err(|e| Error::Sql {
                            message: format!("cannot summarize this query: {e}"),
                            location: None,
                        })?;
                if !is_readonly {
                    return Err(c.usage_error("a query to summarize must only read"));
                }
                (query(s.conn(), name, &[])?, BTreeMap::new())
            }
        },
    };
    let opts = s.render_options();
    let stats = summary::summarize(&grid, &declared);
    s.show_with(&opts, &stats)?;
    keep(s, &stats);
    if opts.mode.is_table() {
        let notes = unit_notes(&grid);
        if !notes.is_empty() {
            let notes = match opts.width {
                Some(w) => crate::render::prose::paragraphs(&notes, usize::from(w)),
                None => notes,
            };
            s.write(&notes)?;
        }
    }
    if let Some(coverage) = summary::coverage(&grid, conflicts(s).as_deref()) {
        s.show_with(&opts, &coverage)?;
        keep(s, &coverage);
    }
    Ok(Flow::Continue)
}

/// A line for each numeric column whose values are in several units: its min, max, mean
/// and quartiles mix them.
fn unit_notes(grid: &Grid) -> String {
    let mut out = String::new();
    for name in ["value", "value_base"] {
        let Some(v) = figures::first_named(grid, &[name]) else {
            continue;
        };
        let Some(u) = figures::unit_column(grid, v) else {
            continue;
        };
        let mut units: Vec<String> = Vec::new();
        for row in &grid.rows {
            if figures::number(&row[v]).is_some()
                && let Some(t) = figures::opt_text(&row[u])
                && !units.contains(&t)
            {
                units.push(t);
            }
        }
        if units.len() > 1 {
            let shown: Vec<&str> = units.iter().take(6).map(String::as_str).collect();
            let more = if units.len() > 6 { ", …" } else { "" };
            out.push_str(&format!(
                "note: {name} is in {} units ({}{more}); its min, max, avg and quartiles mix them\n",
                units.len(),
                shown.join(", ")
            ));
        }
    }
    out
}
