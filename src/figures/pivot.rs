//! `.pivot`: a result turned into a crosstab, as psql's `\crosstabview` makes it — one row
//! per value of a row column (in the order met), one column per value of a column column
//! (sorted as SQLite sorts), the value column in the cells. What a crosstab usually hides
//! stays visible: a cell with two values shows both and names their sources, a qualifier
//! stays with its value, and a cell with no value is NULL, never 0.

use super::{
    column, column_list, id_order, number, opt_text, qualifier_column, split_ids, sqlite_order,
    text, unit_column, value_source_column,
};
use crate::sqlite::Grid;
use crate::value::Value;

/// One value met for a cell: the value, its qualifier and unit, and who states it.
struct Entry {
    value: Value,
    qualifier: Option<String>,
    unit: Option<String>,
    source: Option<String>,
}

/// A crosstab and the sources of every value it shows.
#[derive(Debug)]
pub struct Pivot {
    pub grid: Grid,
    pub sources: Vec<String>,
    /// A row whose values differ in basis, scope or series without being split by it,
    /// as a chart's footer says it: `operated mixes scope: multimodal_centre (2020), ...`.
    pub notes: Vec<String>,
}

/// Pivots `grid` on columns `row`, `col` and `value` (names or 1-based numbers). An error
/// names a column that is not in the result.
pub fn pivot(grid: &Grid, row: &str, col: &str, value: &str) -> Result<Pivot, String> {
    let find = |name: &str| {
        column(grid, name)
            .ok_or_else(|| format!("no column {name} in the last result; {}", column_list(grid)))
    };
    let (r, c, v) = (find(row)?, find(col)?, find(value)?);
    let qualifier = qualifier_column(grid, v);
    let unit = unit_column(grid, v).filter(|&u| u != v);
    let source = value_source_column(grid, v).map(|(s, _)| s);

    let mut row_keys: Vec<(String, Value)> = Vec::new();
    let mut col_keys: Vec<(String, Value)> = Vec::new();
    for line in &grid.rows {
        let rk = text(&line[r]);
        if !row_keys.iter().any(|(k, _)| *k == rk) {
            row_keys.push((rk, line[r].clone()));
        }
        let ck = text(&line[c]);
        if !col_keys.iter().any(|(k, _)| *k == ck) {
            col_keys.push((ck, line[c].clone()));
        }
    }
    col_keys.sort_by(|a, b| sqlite_order(&a.1, &b.1));

    let mut cells: Vec<Vec<Vec<Entry>>> = (0..row_keys.len())
        .map(|_| (0..col_keys.len()).map(|_| Vec::new()).collect())
        .collect();
    let mut sources = Vec::new();
    for line in &grid.rows {
        if matches!(line[v], Value::Null) {
            continue;
        }
        let rk = text(&line[r]);
        let ck = text(&line[c]);
        let (Some(ri), Some(ci)) = (
            row_keys.iter().position(|(k, _)| *k == rk),
            col_keys.iter().position(|(k, _)| *k == ck),
        ) else {
            continue;
        };
        let src = source.and_then(|s| opt_text(&line[s]));
        if let Some(s) = &src {
            sources.extend(split_ids(s).map(str::to_string));
        }
        cells[ri][ci].push(Entry {
            value: line[v].clone(),
            qualifier: qualifier.and_then(|q| opt_text(&line[q])),
            unit: unit.and_then(|u| opt_text(&line[u])),
            source: src,
        });
    }
    sources.sort_by(|a, b| id_order(a, b));
    sources.dedup();

    let series: Vec<String> = row_keys.iter().map(|(k, _)| k.clone()).collect();
    let notes = super::series::mixed_keys(grid, c, v, Some(r), &series);
    let mut columns = vec![grid.columns[r].clone()];
    columns.extend(col_keys.iter().map(|(k, _)| k.clone()));
    let rows = row_keys
        .into_iter()
        .zip(cells)
        .map(|((_, key), cells)| {
            let mut out = vec![key];
            // A row is read as a series: when its values are in more than one unit,
            // every value in it carries its unit, so 81 (100 million CNY) is never
            // read beside 850 (million CNY) as the same kind of number.
            let mut units = cells.iter().flatten().map(|e| &e.unit);
            let first = units.next();
            let show_units = units.any(|u| Some(u) != first);
            out.extend(cells.iter().map(|entries| cell(entries, show_units)));
            out
        })
        .collect();
    Ok(Pivot {
        grid: Grid { columns, rows },
        sources,
        notes,
    })
}

/// What one cell shows: NULL for no value; the value itself (a number stays a number)
/// when one source gives it plainly and its row is in one unit; otherwise text that keeps
/// the qualifier, the unit when `show_units` (the row's units differ), and every distinct
/// value with the sources that state it: `1225 (S58, S59)`, `850 million CNY (S01) | 8.5
/// 100 million CNY (S37, S65)`.
fn cell(entries: &[Entry], show_units: bool) -> Value {
    match entries {
        [] => return Value::Null,
        [one] if one.qualifier.is_none() && (!show_units || one.unit.is_none()) => {
            return one.value.clone();
        }
        _ => {}
    }
    let shown = |e: &Entry| {
        let mut s = String::new();
        if let Some(q) = &e.qualifier {
            s.push_str(q);
            s.push(' ');
        }
        s.push_str(&text(&e.value));
        if show_units && let Some(u) = &e.unit {
            s.push(' ');
            s.push_str(u);
        }
        s
    };
    // Distinct values in the order met, each with its sources.
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for e in entries {
        let s = shown(e);
        let i = match groups.iter().position(|(g, _)| *g == s) {
            Some(i) => i,
            None => {
                groups.push((s, Vec::new()));
                groups.len() - 1
            }
        };
        if let Some(src) = &e.source
            && !groups[i].1.contains(src)
        {
            groups[i].1.push(src.clone());
        }
    }
    if entries.len() == 1 && number(&entries[0].value).is_some() {
        // A qualified single value, or one in a row of several units: the qualifier and
        // the unit travel with it, so it becomes text.
        return Value::text(&groups[0].0);
    }
    let parts: Vec<String> = groups
        .into_iter()
        .map(|(s, srcs)| {
            if srcs.is_empty() {
                s
            } else {
                format!("{s} ({})", srcs.join(", "))
            }
        })
        .collect();
    Value::text(parts.join(" | "))
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn grid(columns: &[&str], rows: Vec<Vec<Value>>) -> Grid {
        Grid {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows,
        }
    }

    fn t(s: &str) -> Value {
        Value::text(s)
    }

    #[test]
    fn a_doubled_cell_shows_both_values_and_their_sources_and_empty_cells_stay_null() {
        let g = grid(
            &["metric", "year", "value", "unit", "source_id"],
            vec![
                vec![t("trains"), t("2021"), 621.into(), t("trains"), t("S01")],
                vec![t("trains"), t("2025"), 1225.into(), t("trains"), t("S58")],
                vec![t("trains"), t("2025"), 1225.into(), t("trains"), t("S59")],
                vec![
                    t("trade"),
                    t("2019"),
                    850.into(),
                    t("million CNY"),
                    t("S01"),
                ],
                vec![
                    t("trade"),
                    t("2019"),
                    Value::real(8.5),
                    t("100 million CNY"),
                    t("S37"),
                ],
            ],
        );
        let p = pivot(&g, "metric", "year", "value").expect("pivots");
        assert_eq!(p.grid.columns, vec!["metric", "2019", "2021", "2025"]);
        assert_eq!(
            p.grid.rows,
            vec![
                vec![t("trains"), Value::Null, 621.into(), t("1225 (S58, S59)")],
                vec![
                    t("trade"),
                    t("850 million CNY (S01) | 8.5 100 million CNY (S37)"),
                    Value::Null,
                    Value::Null,
                ],
            ]
        );
        assert_eq!(p.sources, vec!["S01", "S37", "S58", "S59"]);
    }

    #[test]
    fn a_qualifier_stays_with_its_value() {
        let g = grid(
            &["m", "y", "value", "qualifier"],
            vec![vec![t("a"), 2022.into(), 2000.into(), t("more than")]],
        );
        let p = pivot(&g, "m", "y", "value").expect("pivots");
        assert_eq!(p.grid.rows, vec![vec![t("a"), t("more than 2000")]]);
    }

    #[test]
    fn columns_are_named_or_numbered_and_a_wrong_one_lists_them() {
        let g = grid(&["a", "b", "c"], vec![vec![t("x"), t("y"), 1.into()]]);
        assert!(pivot(&g, "1", "2", "3").is_ok());
        let e = pivot(&g, "a", "nope", "c").expect_err("refused");
        assert!(e.contains("no column nope") && e.contains("a, b, c"), "{e}");
    }
}
