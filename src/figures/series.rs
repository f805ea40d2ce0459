//! A result read as chart series for `.chart`: which column labels the values and which
//! holds them, the split into series (`--by`), the calendar of periods with every missing
//! one in its place, and the refusals that keep a chart honest — no numeric column, text
//! among the values, values in different units.

use std::collections::BTreeMap;

use super::{
    column, column_list, first_named, id_order, mark_source_column, number, opt_text,
    qualifier_column, split_ids, text, unit_column, value_source_column,
};
use crate::render::chart::{Chart, Kind, Mark};
use crate::sqlite::Grid;
use crate::value::Value;

/// What `.chart` was asked to draw. Columns are names (or 1-based numbers) of the result's
/// columns; None lets the chart choose.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    pub kind: Kind,
    pub by: Option<String>,
    pub label: Option<String>,
    pub value: Option<String>,
    /// Chart the next query's result instead of the last one.
    pub is_next: bool,
}

impl Spec {
    /// Reads `.chart` arguments: `[bar|line|spark] [--by COLUMN] [--next] [LABEL VALUE]`,
    /// the kind and the options in any order before the columns.
    /// An error says what was wrong, for the usage message.
    pub fn parse(args: &[String]) -> Result<Spec, String> {
        let mut spec = Spec {
            kind: Kind::Bar,
            by: None,
            label: None,
            value: None,
            is_next: false,
        };
        let mut columns = Vec::new();
        let mut has_kind = false;
        let mut words = args.iter();
        while let Some(w) = words.next() {
            // The kind may come anywhere, once, before the columns (`.chart --next bar`).
            if let Some(kind) = Kind::parse(w).filter(|_| !has_kind && columns.is_empty()) {
                spec.kind = kind;
                has_kind = true;
                continue;
            }
            match w.as_str() {
                "--by" => match words.next() {
                    Some(col) => spec.by = Some(col.clone()),
                    None => return Err("--by needs a column".into()),
                },
                "--next" => spec.is_next = true,
                other if other.starts_with("--") => {
                    return Err(format!("unknown option {other}"));
                }
                other => columns.push(other.to_string()),
            }
        }
        match columns.len() {
            0 => {}
            2 => {
                spec.value = columns.pop();
                spec.label = columns.pop();
            }
            _ => {
                return Err(format!(
                    "expected a chart kind ({}), then both LABEL and VALUE columns or neither; \
                     got {}",
                    Kind::NAMES,
                    columns.join(" ")
                ));
            }
        }
        Ok(spec)
    }
}

/// A chart waiting for the next SQL input's result (`.chart --next`).
#[derive(Debug, Clone)]
pub struct NextChart {
    pub spec: Spec,
    /// The input has given a result to draw.
    pub has_result: bool,
}

/// Columns that are never the default label: they describe a value rather than name it.
const NOT_LABELS: &[&str] = &["unit", "unit_base", "qualifier", "wording", "note"];

/// Columns whose values must not change within one series without saying so.
const SERIES_KEYS: &[&str] = &["series", "basis", "scope"];

/// True when every non-NULL value of column `c` is a number, and one is.
fn is_numeric(grid: &Grid, c: usize) -> bool {
    let mut seen = false;
    for row in &grid.rows {
        match &row[c] {
            Value::Null => {}
            Value::Integer(_) | Value::Real(..) => seen = true,
            Value::Text(_) | Value::Blob(_) => return false,
        }
    }
    seen
}

fn find(grid: &Grid, name: &str, role: &str) -> Result<usize, String> {
    column(grid, name).ok_or_else(|| {
        format!(
            "no column {name} to use as the {role}; {}",
            column_list(grid)
        )
    })
}

/// The calendar a chart's labels form: every year, or every month, between the first and
/// the last; None when the labels are not all years (`2021`) or all months (`2023-06`).
fn calendar(labels: &[String]) -> Option<Vec<String>> {
    let is_year = |l: &str| l.len() == 4 && l.bytes().all(|b| b.is_ascii_digit());
    let month = |l: &str| -> Option<i32> {
        let (y, m) = l.split_once('-')?;
        if !is_year(y) || m.len() != 2 {
            return None;
        }
        let m: i32 = m.parse().ok()?;
        (1..=12)
            .contains(&m)
            .then(|| y.parse::<i32>().ok().map(|y| y * 12 + m - 1))?
    };
    if labels.is_empty() {
        return None;
    }
    if labels.iter().all(|l| is_year(l)) {
        let years: Vec<i32> = labels.iter().filter_map(|l| l.parse().ok()).collect();
        let (lo, hi) = (*years.iter().min()?, *years.iter().max()?);
        return Some((lo..=hi).map(|y| y.to_string()).collect());
    }
    let months: Option<Vec<i32>> = labels.iter().map(|l| month(l)).collect();
    let months = months?;
    let (lo, hi) = (*months.iter().min()?, *months.iter().max()?);
    Some(
        (lo..=hi)
            .map(|m| format!("{}-{:02}", m / 12, m % 12 + 1))
            .collect(),
    )
}

/// Reads `grid` as `spec` asks. Errors name what stops an honest chart: a column not in
/// the result, no numeric column, text among the values, values in several units.
pub fn read(grid: &Grid, spec: &Spec) -> Result<Chart, String> {
    let by = spec
        .by
        .as_deref()
        .map(|b| find(grid, b, "--by column"))
        .transpose()?;
    let source = mark_source_column(grid);
    if grid.rows.is_empty() {
        return Err("nothing to chart: the result has no rows".into());
    }
    // The label named, else `period`, else the first text column that names rather than
    // describes; the value named, else `value`, else the first numeric column after it.
    let text_label = || {
        first_named(grid, &["period"]).or_else(|| {
            (0..grid.columns.len()).find(|&c| {
                Some(c) != by
                    && Some(c) != source.map(|s| s.0)
                    && !NOT_LABELS
                        .iter()
                        .any(|n| grid.columns[c].eq_ignore_ascii_case(n))
                    && !is_numeric(grid, c)
            })
        })
    };
    let named_label = spec
        .label
        .as_deref()
        .map(|l| find(grid, l, "label"))
        .transpose()?;
    let value = match &spec.value {
        Some(v) => find(grid, v, "value")?,
        None => {
            // With no text column, the first column labels the values of the next.
            let label = named_label.or_else(text_label).or(Some(0));
            let numeric = |c: &usize| Some(*c) != by && Some(*c) != label && is_numeric(grid, *c);
            first_named(grid, &["value"])
                .filter(numeric)
                .or_else(|| (0..grid.columns.len()).find(numeric))
                .ok_or_else(|| {
                    format!(
                        "no numeric column to chart: no column holds only numbers; {}",
                        column_list(grid)
                    )
                })?
        }
    };
    for (r, row) in grid.rows.iter().enumerate() {
        match &row[value] {
            Value::Text(_) | Value::Blob(_) => {
                return Err(format!(
                    "column {} is not numeric: row {} holds '{}'; chart a numeric column, or \
                     leave such rows out",
                    grid.columns[value],
                    r + 1,
                    text(&row[value])
                ));
            }
            Value::Real(v, t) if !v.is_finite() => {
                return Err(format!(
                    "column {} holds {t} in row {}, which no axis can show",
                    grid.columns[value],
                    r + 1
                ));
            }
            _ => {}
        }
    }
    let label = named_label
        .or_else(|| text_label().filter(|&c| c != value))
        .or_else(|| (0..grid.columns.len()).find(|&c| c != value))
        .ok_or_else(|| "a chart needs a label column beside the values".to_string())?;
    check_units(grid, value)?;
    let qualifier = qualifier_column(grid, value);
    let source = value_source_column(grid, value);
    let mut notes = Vec::new();

    // The labels in the order met, and the series in the order met.
    let mut labels: Vec<String> = Vec::new();
    let mut series: Vec<String> = Vec::new();
    let mut no_label = 0;
    let mut no_value = 0;
    for row in &grid.rows {
        let Some(l) = opt_text(&row[label]) else {
            no_label += 1;
            continue;
        };
        if !labels.contains(&l) {
            labels.push(l);
        }
        let s = by.map_or(String::new(), |b| text(&row[b]));
        if !series.contains(&s) {
            series.push(s);
        }
        if matches!(row[value], Value::Null) {
            no_value += 1;
        }
    }
    if series.is_empty() {
        series.push(String::new());
    }
    let label_name = &grid.columns[label];
    if no_label > 0 {
        notes.push(format!(
            "{no_label} row{} with no {label_name} not drawn",
            if no_label == 1 { "" } else { "s" }
        ));
    }
    if no_value > 0 {
        notes.push(format!(
            "{no_value} row{} with no {} drawn as no value",
            if no_value == 1 { "" } else { "s" },
            grid.columns[value]
        ));
    }
    let calendar = calendar(&labels);
    let is_calendar = calendar.is_some();
    if let Some(days) = calendar {
        labels = days;
    }
    let mut marks = vec![vec![Vec::new(); series.len()]; labels.len()];
    let mut sources = Vec::new();
    for row in &grid.rows {
        let (Some(l), Some(v)) = (opt_text(&row[label]), number(&row[value])) else {
            continue;
        };
        let (Some(li), Some(si)) = (
            labels.iter().position(|x| *x == l),
            series
                .iter()
                .position(|x| *x == by.map_or(String::new(), |b| text(&row[b]))),
        ) else {
            continue;
        };
        let src = source.and_then(|(c, _)| opt_text(&row[c]));
        if let Some(s) = &src {
            sources.extend(split_ids(s).map(str::to_string));
        }
        marks[li][si].push(Mark {
            value: v,
            text: text(&row[value]),
            qualifier: qualifier.and_then(|q| opt_text(&row[q])),
            source: src,
        });
    }
    notes.extend(mixed_keys(grid, label, value, by, &series));
    sources.sort_by(|a, b| id_order(a, b));
    sources.dedup();
    let ids = sources.clone();
    let sources = match source {
        None => "Sources: not in the result (it has no source_id or ref column)".to_string(),
        Some((_, is_ref)) if sources.is_empty() => {
            format!("{}: none given", if is_ref { "Refs" } else { "Sources" })
        }
        Some((_, is_ref)) => format!(
            "{}: {}",
            if is_ref { "Refs" } else { "Sources" },
            sources.join(", ")
        ),
    };
    let unit = unit_column(grid, value).and_then(|u| {
        grid.rows
            .iter()
            .filter(|r| number(&r[value]).is_some())
            .find_map(|r| opt_text(&r[u]))
    });
    let mut title = grid.columns[value].clone();
    if let Some(u) = unit {
        title.push_str(&format!(" ({u})"));
    }
    title.push_str(&format!(" by {label_name}"));
    if let Some(b) = by {
        title.push_str(&format!(", one series per {}", grid.columns[b]));
    }
    Ok(Chart {
        kind: spec.kind,
        title,
        series,
        labels,
        is_calendar,
        marks,
        notes,
        sources,
        ids,
    })
}

/// Refuses values in more than one unit, naming the units and what to chart instead.
fn check_units(grid: &Grid, value: usize) -> Result<(), String> {
    let Some(u) = unit_column(grid, value) else {
        return Ok(());
    };
    let mut units: Vec<String> = Vec::new();
    for row in &grid.rows {
        if number(&row[value]).is_none() {
            continue;
        }
        if let Some(t) = opt_text(&row[u])
            && !units.contains(&t)
        {
            units.push(t);
        }
    }
    if units.len() < 2 {
        return Ok(());
    }
    let named: Vec<String> = units.iter().map(|u| format!("'{u}'")).collect();
    let mut message = format!(
        "the values of {} are in {} different units ({}); one chart cannot compare them",
        grid.columns[value],
        units.len(),
        named.join(", ")
    );
    let base = first_named(grid, &["value_base"]).filter(|&b| b != value);
    if let Some(b) = base {
        let alt = check_units(grid, b);
        message.push_str(&match alt {
            Ok(()) => "; chart value_base, which is in one base unit".to_string(),
            Err(_) => "; filter one unit_base and chart value_base".to_string(),
        });
    } else {
        message.push_str("; filter one unit");
    }
    Err(message)
}

/// Notes for series whose rows differ in basis, scope or series without being split by it:
/// `value mixes scope: multimodal_centre (2020), zone (2021)`.
pub fn mixed_keys(
    grid: &Grid,
    label: usize,
    value: usize,
    by: Option<usize>,
    series: &[String],
) -> Vec<String> {
    let mut notes = Vec::new();
    for key in SERIES_KEYS {
        let Some(k) = first_named(grid, &[key]).filter(|&k| Some(k) != by && k != label) else {
            continue;
        };
        for s in series {
            // key value → the labels it has, in order met.
            let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
            for row in &grid.rows {
                if number(&row[value]).is_none()
                    || by.map_or(String::new(), |b| text(&row[b])) != *s
                {
                    continue;
                }
                let (Some(kv), Some(l)) = (opt_text(&row[k]), opt_text(&row[label])) else {
                    continue;
                };
                let at = seen.entry(kv).or_default();
                if !at.contains(&l) {
                    at.push(l);
                }
            }
            if seen.len() < 2 {
                continue;
            }
            let parts: Vec<String> = seen
                .iter()
                .map(|(kv, ls)| format!("{kv} ({})", ls.join(", ")))
                .collect();
            let who = if s.is_empty() {
                grid.columns[value].clone()
            } else {
                s.clone()
            };
            notes.push(format!(
                "{who} mixes {}: {}",
                grid.columns[k],
                parts.join(", ")
            ));
        }
    }
    notes
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;
    use crate::render::chart::{ChartOptions, draw};

    fn grid(columns: &[&str], rows: Vec<Vec<Value>>) -> Grid {
        Grid {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows,
        }
    }

    fn spec(args: &[&str]) -> Spec {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        Spec::parse(&args).expect("a valid spec")
    }

    fn t(s: &str) -> Value {
        Value::text(s)
    }

    /// The calendar-year train counts of the embedded dataset, as `train_counts` gives them.
    fn train_counts() -> Grid {
        let row = |p: &str, v: i64, basis: &str, scope: &str, s: &str| {
            vec![t(p), v.into(), t("trains"), t(basis), t(scope), t(s)]
        };
        grid(
            &["period", "value", "unit", "basis", "scope", "source_id"],
            vec![
                row("2020", 401, "operated", "multimodal_centre", "S28"),
                row("2021", 621, "operated", "zone", "S01"),
                row("2023", 863, "arrivals_departures", "zone", "S53"),
                row("2025", 1225, "arrivals_departures", "zone", "S58"),
                row("2025", 1225, "arrivals_departures", "zone", "S59"),
            ],
        )
    }

    #[test]
    fn train_counts_by_basis_show_the_2022_and_2024_gaps_and_both_2025_sources() {
        let chart = read(&train_counts(), &spec(&["bar", "--by", "basis"])).expect("reads");
        let text = draw(
            &chart,
            &ChartOptions {
                width: 80,
                color: false,
            },
        )
        .expect("draws");
        assert_eq!(
            text,
            "\
value (trains) by period, one series per basis
2020  operated             │████████████▌ 401                                S28
2021  operated             │███████████████████▎ 621                         S01
2022                       ┆ no value
2023  arrivals_departures  │██████████████████████████▊ 863                  S53
2024                       ┆ no value
2025  arrivals_departures  │██████████████████████████████████████ 1225      S58
2025  arrivals_departures  │██████████████████████████████████████ 1225      S59
operated mixes scope: multimodal_centre (2020), zone (2021)
Sources: S01, S28, S53, S58, S59
"
        );
    }

    #[test]
    fn values_in_several_units_are_refused_naming_the_units() {
        let g = grid(
            &["period", "value", "unit", "value_base", "unit_base"],
            vec![
                vec![
                    t("2019"),
                    850.into(),
                    t("million CNY"),
                    850_000_000.into(),
                    t("CNY"),
                ],
                vec![
                    t("2021"),
                    4.into(),
                    t("billion CNY"),
                    4_000_000_000i64.into(),
                    t("CNY"),
                ],
            ],
        );
        let e = read(&g, &spec(&["spark"])).expect_err("refused");
        assert_eq!(
            e,
            "the values of value are in 2 different units ('million CNY', 'billion CNY'); one \
             chart cannot compare them; chart value_base, which is in one base unit"
        );
        // value_base is in one unit, so it can be charted.
        let chart = read(&g, &spec(&["spark", "period", "value_base"])).expect("one unit");
        assert_eq!(chart.title, "value_base (CNY) by period");
    }

    #[test]
    fn a_result_without_numbers_or_with_text_among_the_values_is_refused() {
        let words = grid(&["a", "b"], vec![vec![t("x"), t("y")]]);
        let e = read(&words, &spec(&[])).expect_err("refused");
        assert!(e.starts_with("no numeric column to chart"), "{e}");
        assert!(e.contains("the columns are a, b"), "{e}");
        let none = grid(&["a", "b"], vec![]);
        let e = read(&none, &spec(&[])).expect_err("refused");
        assert_eq!(e, "nothing to chart: the result has no rows");
        // Only numbers: the first column labels the next.
        let years = grid(&["y", "n"], vec![vec![2020.into(), 5.into()]]);
        let chart = read(&years, &spec(&[])).expect("reads");
        assert_eq!(chart.title, "n by y");
        let mixed = grid(
            &["l", "v"],
            vec![vec![t("a"), 1.into()], vec![t("b"), t("2020-05")]],
        );
        let e = read(&mixed, &spec(&["bar", "l", "v"])).expect_err("refused");
        assert!(e.contains("row 2 holds '2020-05'"), "{e}");
        let e = read(&mixed, &spec(&["--by", "nope"])).expect_err("refused");
        assert!(e.contains("no column nope"), "{e}");
    }

    #[test]
    fn months_form_a_calendar_and_other_labels_keep_their_order() {
        let g = grid(
            &["m", "v"],
            vec![vec![t("2023-11"), 1.into()], vec![t("2024-02"), 2.into()]],
        );
        let chart = read(&g, &spec(&[])).expect("reads");
        assert_eq!(
            chart.labels,
            vec!["2023-11", "2023-12", "2024-01", "2024-02"]
        );
        assert!(chart.is_calendar);
        let g = grid(
            &["country", "v"],
            vec![vec![t("UZ"), 1.into()], vec![t("KZ"), 2.into()]],
        );
        let chart = read(&g, &spec(&[])).expect("reads");
        assert_eq!(chart.labels, vec!["UZ", "KZ"]);
        assert!(!chart.is_calendar);
    }

    #[test]
    fn rows_left_out_or_without_a_value_are_said_in_the_footer() {
        let g = grid(
            &["period", "value", "ref"],
            vec![
                vec![Value::Null, 1.into(), t("F001")],
                vec![t("2021"), Value::Null, t("F002")],
                vec![t("2022"), 3.into(), t("F003")],
            ],
        );
        let chart = read(&g, &spec(&[])).expect("reads");
        assert_eq!(
            chart.notes,
            vec![
                "1 row with no period not drawn",
                "1 row with no value drawn as no value"
            ]
        );
        assert_eq!(chart.sources, "Refs: F003");
    }

    #[test]
    fn the_spec_reads_kind_options_and_columns() {
        assert_eq!(
            spec(&["line", "--by", "basis", "--next", "period", "value_base"]),
            Spec {
                kind: Kind::Line,
                by: Some("basis".into()),
                label: Some("period".into()),
                value: Some("value_base".into()),
                is_next: true,
            }
        );
        assert_eq!(spec(&[]).kind, Kind::Bar);
        for bad in [&["period"][..], &["--by"], &["--width", "3"]] {
            let args: Vec<String> = bad.iter().map(|a| a.to_string()).collect();
            assert!(Spec::parse(&args).is_err(), "{bad:?}");
        }
    }
}
