//! `.summarize`: DuckDB's `SUMMARIZE` over a result — per column its type, count, NULLs,
//! distinct values, min, max, mean and exact quartiles — and, for a result with `metric`
//! and `period` columns, a coverage line per metric: the periods and years it is stated for,
//! the years missing between its first and last, its sources and its conflicts.

use std::collections::{BTreeMap, BTreeSet};

use super::{
    first_named, mark_source_column, number, opt_text, period_year, split_ids, sqlite_order,
    year_runs,
};
use crate::sqlite::Grid;
use crate::value::Value;

/// The summary's columns, DuckDB's names where DuckDB has the statistic.
pub const COLUMNS: &[&str] = &[
    "column_name",
    "column_type",
    "count",
    "nulls",
    "distinct",
    "min",
    "max",
    "avg",
    "q25",
    "q50",
    "q75",
];

/// A key under which SQLite's `count(DISTINCT …)` counts values as equal: 1 and 1.0 are one
/// value, text and blobs compare by bytes.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Int(i64),
    Real(u64),
    Text(Vec<u8>),
    Blob(Vec<u8>),
}

fn key(v: &Value) -> Option<Key> {
    Some(match v {
        Value::Null => return None,
        Value::Integer(i) => Key::Int(*i),
        Value::Real(r, _) if r.fract() == 0.0 && r.abs() < 9.0e15 => Key::Int(*r as i64),
        Value::Real(r, _) => Key::Real((*r + 0.0).to_bits()),
        Value::Text(t) => Key::Text(t.to_vec()),
        Value::Blob(b) => Key::Blob(b.to_vec()),
    })
}

/// The value at quantile `q` of sorted numbers, by the discrete rule (DuckDB's
/// `quantile_disc`): an element of the data, never a value between two of them.
fn quantile(sorted: &[&Value], q: f64) -> Value {
    if sorted.is_empty() {
        return Value::Null;
    }
    let i = ((sorted.len() - 1) as f64 * q).floor() as usize;
    sorted[i].clone()
}

/// True when a value of storage class `class` is what a column declared `decl` holds, by
/// SQLite's affinity rules (`INT` → integer, `TEXT`/`CHAR`/`CLOB` → text, `REAL`/`FLOA`/
/// `DOUB` → real, other names → numeric); a `BLOB` or untyped column expects nothing.
fn affinity_holds(decl: &str, class: &str) -> bool {
    let d = decl.to_ascii_uppercase();
    let expected: &[&str] = if d.contains("INT") {
        &["integer"]
    } else if d.contains("CHAR") || d.contains("CLOB") || d.contains("TEXT") {
        &["text"]
    } else if d.contains("BLOB") || d.is_empty() {
        &[]
    } else if d.contains("REAL") || d.contains("FLOA") || d.contains("DOUB") {
        &["real"]
    } else {
        &["integer", "real"]
    };
    expected.contains(&class)
}

/// One summary row per column of `grid`. `declared` gives a column's declared type (from
/// the table's schema) when it is known; the storage classes met follow it when they are
/// not just the one it declares. Mean and quartiles are given only for a column that holds
/// nothing but numbers.
pub fn summarize(grid: &Grid, declared: &BTreeMap<String, String>) -> Grid {
    let mut out = Grid::new(COLUMNS);
    for (c, name) in grid.columns.iter().enumerate() {
        let values: Vec<&Value> = grid
            .rows
            .iter()
            .map(|r| &r[c])
            .filter(|v| !matches!(v, Value::Null))
            .collect();
        let classes: BTreeSet<&str> = values.iter().map(|v| v.type_name()).collect();
        let classes: Vec<&str> = classes.into_iter().collect();
        let decl = declared.get(name).map(String::as_str).unwrap_or("");
        let column_type = match (decl, classes.as_slice()) {
            ("", []) => String::new(),
            ("", cs) => cs.join(", "),
            (d, cs) if cs.iter().all(|c| affinity_holds(d, c)) => d.to_string(),
            (d, cs) => format!("{d} ({})", cs.join(", ")),
        };
        let distinct: BTreeSet<Key> = values.iter().filter_map(|v| key(v)).collect();
        let min = values
            .iter()
            .min_by(|a, b| sqlite_order(a, b))
            .map_or(Value::Null, |v| (*v).clone());
        let max = values
            .iter()
            .max_by(|a, b| sqlite_order(a, b))
            .map_or(Value::Null, |v| (*v).clone());
        let numeric = !values.is_empty() && values.iter().all(|v| number(v).is_some());
        let (avg, q25, q50, q75) = if numeric {
            let mut sorted = values.clone();
            sorted.sort_by(|a, b| sqlite_order(a, b));
            let sum: f64 = sorted.iter().filter_map(|v| number(v)).sum();
            (
                Value::real(sum / sorted.len() as f64),
                quantile(&sorted, 0.25),
                quantile(&sorted, 0.5),
                quantile(&sorted, 0.75),
            )
        } else {
            (Value::Null, Value::Null, Value::Null, Value::Null)
        };
        out.rows.push(vec![
            Value::text(name),
            Value::text(column_type),
            Value::Integer(values.len() as i64),
            Value::Integer((grid.rows.len() - values.len()) as i64),
            Value::Integer(distinct.len() as i64),
            min,
            max,
            avg,
            q25,
            q50,
            q75,
        ]);
    }
    out
}

/// A disagreement between two statements, as the dataset's `conflicts` view lists it: what
/// it is about (a metric key) and the refs of both statements, when known.
pub struct Conflict {
    pub attribute: String,
    pub refs: Vec<String>,
}

/// The coverage columns.
pub const COVERAGE: &[&str] = &[
    "metric",
    "periods",
    "years",
    "missing_years",
    "sources",
    "conflicts",
];

/// Columns of the coverage added when the result has these keys: a metric's years may come
/// from different counting bases or scopes, which are different series.
const SERIES_KEYS: &[(&str, &str)] = &[("basis", "bases"), ("scope", "scopes")];

/// One line per metric of a result with `metric` and `period` columns (None otherwise):
/// how many distinct periods it is stated for; the calendar years those periods lie in
/// (a span over several years lies in none); the years missing between the first and the
/// last (`none` when there is no hole); how many sources state it; and how many of
/// `conflicts` are about it and involve one of its statements (by `ref`, when the result
/// has refs). `conflicts` is None when the database has no conflicts view: the column is
/// then NULL. When the result has `basis` or `scope` columns, `bases` and `scopes` say
/// which a metric is stated for: one value as it is, several each with its years
/// (`zone: 2019, 2021–2022; qingdao: 2017–2019`), since they are different series.
pub fn coverage(grid: &Grid, conflicts: Option<&[Conflict]>) -> Option<Grid> {
    let metric = first_named(grid, &["metric"])?;
    let period = first_named(grid, &["period"])?;
    let start = first_named(grid, &["period_start"]);
    let end = first_named(grid, &["period_end"]);
    let source = mark_source_column(grid).filter(|(_, is_ref)| !is_ref);
    let refs = first_named(grid, &["ref"]);
    let keys: Vec<(usize, &str)> = SERIES_KEYS
        .iter()
        .filter_map(|&(k, name)| first_named(grid, &[k]).map(|c| (c, name)))
        .collect();

    #[derive(Default)]
    struct Seen {
        periods: BTreeSet<String>,
        years: BTreeSet<i32>,
        sources: BTreeSet<String>,
        refs: BTreeSet<String>,
        /// Per series key: its values in the order met, each with its years.
        keys: Vec<Vec<(String, BTreeSet<i32>)>>,
    }
    let mut order: Vec<String> = Vec::new();
    let mut seen: BTreeMap<String, Seen> = BTreeMap::new();
    for row in &grid.rows {
        let Some(m) = opt_text(&row[metric]) else {
            continue;
        };
        if !seen.contains_key(&m) {
            order.push(m.clone());
        }
        let s = seen.entry(m).or_default();
        s.keys.resize_with(keys.len(), Vec::new);
        let mut year = None;
        if let Some(p) = opt_text(&row[period]) {
            let bound = |c: Option<usize>| c.and_then(|c| opt_text(&row[c]));
            year = if start.is_some() || end.is_some() {
                period_year(&p, bound(start).as_deref(), bound(end).as_deref())
            } else {
                period_year(&p, None, None)
            };
            s.years.extend(year);
            s.periods.insert(p);
        }
        for (k, &(c, _)) in keys.iter().enumerate() {
            let Some(v) = opt_text(&row[c]) else { continue };
            let at = match s.keys[k].iter().position(|(x, _)| *x == v) {
                Some(i) => i,
                None => {
                    s.keys[k].push((v, BTreeSet::new()));
                    s.keys[k].len() - 1
                }
            };
            s.keys[k][at].1.extend(year);
        }
        if let Some(t) = source.and_then(|(c, _)| opt_text(&row[c])) {
            s.sources.extend(split_ids(&t).map(str::to_string));
        }
        if let Some(t) = refs.and_then(|c| opt_text(&row[c])) {
            s.refs.extend(split_ids(&t).map(str::to_string));
        }
    }
    let mut out = Grid::new(COVERAGE);
    // After the years, which they break down; the counts stay last.
    const KEYS_AT: usize = 4;
    out.columns.splice(
        KEYS_AT..KEYS_AT,
        keys.iter().map(|&(_, name)| name.to_string()),
    );
    for m in order {
        let Some(s) = seen.get(&m) else { continue };
        let years: Vec<i32> = s.years.iter().copied().collect();
        let missing: Vec<i32> = match (years.first(), years.last()) {
            (Some(&lo), Some(&hi)) => (lo..=hi).filter(|y| !s.years.contains(y)).collect(),
            _ => Vec::new(),
        };
        let conflicts = conflicts.map(|all| {
            all.iter()
                .filter(|c| c.attribute == m)
                .filter(|c| refs.is_none() || c.refs.iter().any(|r| s.refs.contains(r)))
                .count() as i64
        });
        out.rows.push(vec![
            Value::text(&m),
            Value::Integer(s.periods.len() as i64),
            Value::opt_text((!years.is_empty()).then(|| year_runs(&years))),
            if years.is_empty() {
                Value::Null
            } else if missing.is_empty() {
                Value::text("none")
            } else {
                Value::text(year_runs(&missing))
            },
            if source.is_some() {
                Value::Integer(s.sources.len() as i64)
            } else {
                Value::Null
            },
            conflicts.map_or(Value::Null, Value::Integer),
        ]);
        let row = out.rows.last_mut()?;
        let described = s.keys.iter().map(|values| match values.as_slice() {
            [] => Value::Null,
            [(one, _)] => Value::text(one),
            several => Value::text(
                several
                    .iter()
                    .map(|(v, years)| {
                        let years: Vec<i32> = years.iter().copied().collect();
                        if years.is_empty() {
                            format!("{v}: no single year")
                        } else {
                            format!("{v}: {}", year_runs(&years))
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        });
        let described: Vec<Value> = described.collect();
        row.splice(KEYS_AT..KEYS_AT, described);
    }
    Some(out)
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

    #[test]
    fn each_column_gets_counts_extremes_and_exact_quartiles() {
        let g = grid(
            &["n", "t"],
            vec![
                vec![1.into(), "b".into()],
                vec![Value::real(2.5), Value::Null],
                vec![4.into(), "a".into()],
                vec![Value::real(1.0), "a".into()],
                vec![Value::Null, 3.into()],
            ],
        );
        let mut declared = BTreeMap::new();
        declared.insert("t".to_string(), "TEXT".to_string());
        let s = summarize(&g, &declared);
        assert_eq!(s.columns, COLUMNS);
        assert_eq!(
            s.rows[0],
            vec![
                "n".into(),
                "integer, real".into(),
                4.into(),
                1.into(),
                // 1 and 1.0 are one value, as in count(DISTINCT n).
                3.into(),
                1.into(),
                4.into(),
                Value::real(2.125),
                1.into(),
                Value::real(1.0),
                Value::real(2.5),
            ]
        );
        // Text and a number: no mean; numbers sort before text, as in SQLite.
        assert_eq!(
            s.rows[1],
            vec![
                "t".into(),
                "TEXT (integer, text)".into(),
                4.into(),
                1.into(),
                3.into(),
                3.into(),
                "b".into(),
                Value::Null,
                Value::Null,
                Value::Null,
                Value::Null,
            ]
        );
    }

    #[test]
    fn coverage_names_missing_years_sources_and_conflicts_per_metric() {
        let row = |m: &str, p: &str, s: &str, r: &str| -> Vec<Value> {
            vec![m.into(), p.into(), s.into(), r.into()]
        };
        let g = grid(
            &["metric", "period", "source_id", "ref"],
            vec![
                row("trains", "2020", "S28", "F074"),
                row("trains", "2021 H1", "S30", "F079"),
                row("trains", "2023", "S53", "F133"),
                row("trains", "2025", "S58", "F145"),
                row("trains", "2025", "S59", "F151"),
                row("trains", "2018 to 2024-06", "S50", "F120"),
                row("trade", "five years to 2024-07", "S67", "F172"),
            ],
        );
        let conflicts = [
            Conflict {
                attribute: "trains".into(),
                refs: vec!["F145".into(), "F151".into()],
            },
            Conflict {
                attribute: "trains".into(),
                refs: vec!["F900".into(), "F901".into()],
            },
        ];
        let c = coverage(&g, Some(&conflicts)).expect("metric and period columns");
        assert_eq!(
            c.rows,
            vec![
                vec![
                    // 2025 is one period, stated twice.
                    "trains".into(),
                    5.into(),
                    "2020–2021, 2023, 2025".into(),
                    "2022, 2024".into(),
                    6.into(),
                    1.into(),
                ],
                vec![
                    "trade".into(),
                    1.into(),
                    Value::Null,
                    Value::Null,
                    1.into(),
                    0.into(),
                ],
            ]
        );
        assert!(coverage(&grid(&["metric"], vec![]), None).is_none());
    }
}
