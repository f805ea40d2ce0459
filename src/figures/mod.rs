//! Results read as figures: a result held in memory (`Grid`) turned into chart series
//! (`series.rs`), a crosstab (`pivot.rs`) or a per-column summary with a coverage line per
//! metric (`summary.rs`). Pure functions of a grid: no session, no connection. This file
//! holds what they share: finding columns by name, and the naming rules by which a column
//! is known to hold sources, refs, units or qualifiers.

pub mod pivot;
pub mod series;
pub mod summary;

use std::cmp::Ordering;

use crate::sqlite::Grid;
use crate::value::{Value, hex_string};

/// The index of the column named `name` (case-insensitive, as SQLite compares names), or
/// of the 1-based column number `name` spells.
pub fn column(grid: &Grid, name: &str) -> Option<usize> {
    if let Some(i) = grid
        .columns
        .iter()
        .position(|c| c.eq_ignore_ascii_case(name))
    {
        return Some(i);
    }
    let n: usize = name.parse().ok()?;
    (1..=grid.columns.len()).contains(&n).then(|| n - 1)
}

/// The index of the first column whose name is one of `names`, in the order of `names`.
pub fn first_named(grid: &Grid, names: &[&str]) -> Option<usize> {
    names
        .iter()
        .find_map(|n| grid.columns.iter().position(|c| c.eq_ignore_ascii_case(n)))
}

/// "the columns are a, b, c": for errors that name a column not in the result.
pub fn column_list(grid: &Grid) -> String {
    format!("the columns are {}", grid.columns.join(", "))
}

/// A column that holds source ids, by the dataset's naming: `source_id`, `source`,
/// `sources` (a list such as `S01; S37`), `source_a`, `prior_source_id`, ...
pub fn is_source_column(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n == "source" || n == "sources" || n.starts_with("source_") || n.ends_with("_source_id")
}

/// A column that holds fact ids (`ref`, `refs`, `ref_a`, `prior_ref`, ...), which the
/// dataset maps to sources.
pub fn is_ref_column(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n == "ref" || n == "refs" || n.starts_with("ref_") || n.ends_with("_ref")
}

/// The column a mark's source is read from: `source_id`, else `sources` or `source`, else
/// `ref` or `refs`; and whether it holds refs rather than source ids.
pub fn mark_source_column(grid: &Grid) -> Option<(usize, bool)> {
    if let Some(i) = first_named(grid, &["source_id", "sources", "source"]) {
        return Some((i, false));
    }
    first_named(grid, &["ref", "refs"]).map(|i| (i, true))
}

/// The column that describes value column `value_col` as `stem` does, by the dataset's
/// naming: `amount_unit` and `cargo_value_qualifier` describe `amount` and `cargo_value`
/// (in the saved queries); `unit_a`, `qualifier_a`, `source_a` describe `value_a` (in
/// `conflicts`, `series_checks`) and `unit_base` describes `value_base`; `prior_unit`,
/// `prior_source_id` describe `prior_value` and `stated_qualifier` describes `stated_pct`
/// (in `growth_check`). None when the result has no such column.
fn companion(grid: &Grid, value_col: usize, stem: &str) -> Option<usize> {
    let name = grid.columns[value_col].to_ascii_lowercase();
    if let Some(c) = first_named(grid, &[&format!("{name}_{stem}")]) {
        return Some(c);
    }
    if let Some(suffix) = name.strip_prefix("value").filter(|s| s.starts_with('_'))
        && let Some(c) = first_named(grid, &[&format!("{stem}{suffix}")])
    {
        return Some(c);
    }
    let prefix = &name[..=name.rfind('_')?];
    first_named(grid, &[&format!("{prefix}{stem}")]).filter(|&c| c != value_col)
}

/// The column `stem` (`unit`, `qualifier`) describes, when `value_col` is not it and has
/// no companion: `unit` and `qualifier` describe `value` (and `qualifier` its
/// `value_base`), never another number beside it (`stated_pct`, `computed_pct`); in a
/// result without `value` they describe whichever number is charted (an alias of it).
fn plain_describer(grid: &Grid, value_col: usize, stem: &str) -> Option<usize> {
    let name = grid.columns[value_col].to_ascii_lowercase();
    let describes_value = name == "value" || (stem == "qualifier" && name == "value_base");
    if !describes_value && first_named(grid, &["value"]).is_some() {
        return None;
    }
    first_named(grid, &[stem]).filter(|&c| c != value_col)
}

/// The column that gives the unit of `value_col`: its companion (`unit_base` for
/// `value_base`, `unit_a` for `value_a`, `amount_unit` for `amount`), else `unit` as
/// [`plain_describer`] allows, else `unit_base` for a value in base units
/// (`prior_value_base`) or for a column of a result that has neither `value` nor
/// `value_base` (an alias); `unit_base` is never the unit of another number beside them
/// (`growth_pct`). `value_base` is never read in the stated unit.
pub fn unit_column(grid: &Grid, value_col: usize) -> Option<usize> {
    if let Some(u) = companion(grid, value_col, "unit") {
        return Some(u);
    }
    let name = grid.columns[value_col].to_ascii_lowercase();
    if name == "value_base" {
        return None;
    }
    let is_base = name.ends_with("value_base");
    let is_alias = name != "value" && first_named(grid, &["value", "value_base"]).is_none();
    plain_describer(grid, value_col, "unit").or_else(|| {
        (is_base || is_alias)
            .then(|| first_named(grid, &["unit_base"]))
            .flatten()
    })
}

/// The column that qualifies `value_col` ("more than"): its companion (`qualifier_a` for
/// `value_a`, `stated_qualifier` for `stated_pct`), else `qualifier` as
/// [`plain_describer`] allows.
pub fn qualifier_column(grid: &Grid, value_col: usize) -> Option<usize> {
    companion(grid, value_col, "qualifier")
        .or_else(|| plain_describer(grid, value_col, "qualifier"))
}

/// The column the source of `value_col` is read from: its companion (`source_a` or
/// `ref_a` for `value_a`), else [`mark_source_column`]; and whether it holds refs.
pub fn value_source_column(grid: &Grid, value_col: usize) -> Option<(usize, bool)> {
    companion(grid, value_col, "source_id")
        .or_else(|| companion(grid, value_col, "source"))
        .map(|i| (i, false))
        .or_else(|| companion(grid, value_col, "ref").map(|i| (i, true)))
        .or_else(|| mark_source_column(grid))
        .filter(|&(s, _)| s != value_col)
}

/// What separates ids in a cell: `S01; S37`, `S01, S37`, `1225 (S58, S59) | 1200 (S60)`.
pub const ID_SEPARATORS: &[char] = &[';', ',', ' ', '\t', '\n', '(', ')', '|'];

/// The ids in a source or ref cell: `S01`, or a list such as `S01; S37, S65`.
pub fn split_ids(text: &str) -> impl Iterator<Item = &str> {
    text.split(ID_SEPARATORS).filter(|t| !t.is_empty())
}

/// Orders ids as people read them: `S2` before `S10`, `F005` before `F100`.
pub fn id_order(a: &str, b: &str) -> Ordering {
    let split = |s: &str| {
        let digits = s.len() - s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let (head, tail) = s.split_at(s.len() - digits);
        (
            head.to_string(),
            tail.parse::<u64>().unwrap_or(0),
            s.to_string(),
        )
    };
    split(a).cmp(&split(b))
}

/// A value as text, as the table modes show it (NULL as `NULL`, a blob as `X'…'`).
pub fn text(v: &Value) -> String {
    match v {
        Value::Null => "NULL".into(),
        Value::Integer(i) => i.to_string(),
        Value::Real(_, t) => t.to_string(),
        Value::Text(t) => String::from_utf8_lossy(t).into_owned(),
        Value::Blob(b) => format!("X'{}'", hex_string(b)),
    }
}

/// A value as text, or None for NULL.
pub fn opt_text(v: &Value) -> Option<String> {
    (!matches!(v, Value::Null)).then(|| text(v))
}

/// The number an integer or real holds; None for any other value.
pub fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Integer(i) => Some(*i as f64),
        Value::Real(r, _) => Some(*r),
        Value::Null | Value::Text(_) | Value::Blob(_) => None,
    }
}

/// SQLite's order of values (NULL, numbers, text by bytes, blobs), for min, max and sorting.
pub fn sqlite_order(a: &Value, b: &Value) -> Ordering {
    fn class(v: &Value) -> u8 {
        match v {
            Value::Null => 0,
            Value::Integer(_) | Value::Real(..) => 1,
            Value::Text(_) => 2,
            Value::Blob(_) => 3,
        }
    }
    match (a, b) {
        (Value::Integer(x), Value::Integer(y)) => x.cmp(y),
        (Value::Text(x), Value::Text(y)) | (Value::Blob(x), Value::Blob(y)) => x.cmp(y),
        _ => match (number(a), number(b)) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            _ => class(a).cmp(&class(b)),
        },
    }
}

/// The calendar year a period lies in, when it lies in one: from `period_start` and
/// `period_end` when both are given and share their year, else from the period's text
/// when every year it names is the same (`2021`, `2022 H1`, `2024-01-01 to 2024-10-10`).
/// A span over several years, or one with an open end (`five years to 2024-07`, `to
/// 2022`), lies in none.
pub fn period_year(period: &str, start: Option<&str>, end: Option<&str>) -> Option<i32> {
    let year = |s: &str| -> Option<i32> {
        let y = s.get(..4)?;
        y.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| y.parse().ok())?
    };
    match (start, end) {
        (Some(s), Some(e)) => return year(s).filter(|y| Some(*y) == year(e)),
        (None, Some(_)) | (Some(_), None) => return None,
        (None, None) => {}
    }
    let mut found = None;
    let mut mentions = 0;
    let bytes = period.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if run == 0 {
            i += 1;
            continue;
        }
        if run == 4 {
            let y: i32 = period[i..i + 4].parse().ok()?;
            if found.is_some_and(|f| f != y) {
                return None;
            }
            found = Some(y);
            mentions += 1;
        }
        i += run;
    }
    let is_span = period.split_whitespace().any(|w| w == "to");
    if is_span && mentions < 2 {
        return None;
    }
    found
}

/// Years as a short list of runs: `2017–2019, 2022`.
pub fn year_runs(years: &[i32]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < years.len() {
        let mut j = i;
        while j + 1 < years.len() && years[j + 1] == years[j] + 1 {
            j += 1;
        }
        parts.push(if j == i {
            years[i].to_string()
        } else {
            format!("{}–{}", years[i], years[j])
        });
        i = j + 1;
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_lies_in_a_year_only_when_all_its_years_agree() {
        assert_eq!(period_year("2021", None, None), Some(2021));
        assert_eq!(period_year("2022 H1", None, None), Some(2022));
        assert_eq!(
            period_year("2024-01-01 to 2024-10-10", None, None),
            Some(2024)
        );
        assert_eq!(period_year("2018 to 2024-06", None, None), None);
        assert_eq!(period_year("undated", None, None), None);
        assert_eq!(period_year("five years to 2024-07", None, None), None);
        assert_eq!(period_year("as of 2022-11", None, None), Some(2022));
        // The bounds win over the text: "five years to 2024-07" has no start.
        assert_eq!(
            period_year("five years to 2024-07", None, Some("2024-07")),
            None
        );
        assert_eq!(
            period_year("as of 2022-11", Some("2022-11"), Some("2022-11")),
            Some(2022)
        );
    }

    #[test]
    fn years_are_listed_as_runs() {
        assert_eq!(year_runs(&[2017, 2018, 2019, 2022]), "2017–2019, 2022");
        assert_eq!(year_runs(&[2020]), "2020");
        assert_eq!(year_runs(&[]), "");
    }

    #[test]
    fn ids_sort_by_their_number() {
        let mut ids = vec!["S10", "S2", "S01", "F100", "F005"];
        ids.sort_by(|a, b| id_order(a, b));
        assert_eq!(ids, vec!["F005", "F100", "S01", "S2", "S10"]);
    }

    #[test]
    fn source_and_ref_columns_are_known_by_name() {
        for n in [
            "source_id",
            "sources",
            "source_a",
            "prior_source_id",
            "Source",
        ] {
            assert!(is_source_column(n), "{n}");
        }
        for n in ["resource", "sourced", "outlet"] {
            assert!(!is_source_column(n), "{n}");
        }
        for n in ["ref", "refs", "ref_b", "prior_ref", "value_ref"] {
            assert!(is_ref_column(n), "{n}");
        }
        assert!(!is_ref_column("prefix"));
    }
}
