//! Horizontal bars: one per value from a zero axis, its value at its end and its source in
//! a column of their own; a missing period is a line that says so.

use super::{COLOURS, Chart, ChartOptions, Mark, bar_text, pad, paint, strip, width};
use crate::render::prose;

/// One line of a bar chart: a value, or a gap of one series (or of all).
struct BarLine<'c> {
    label: &'c str,
    series: Option<usize>,
    mark: Option<&'c Mark>,
}

/// True when series `s` has values both before and after label `at`: a hole in its record.
fn is_inside(chart: &Chart, s: usize, at: usize) -> bool {
    let has = |i: usize| !chart.marks[i][s].is_empty();
    (0..at).any(has) && (at + 1..chart.labels.len()).any(has)
}

/// Horizontal bars from a zero axis (`│`); negative values run left of it. A label with no
/// value at all, or a hole in one series' record of periods, is a line of its own with a
/// dashed axis (`┆`) and `no value`.
pub(super) fn bars(chart: &Chart, opts: &ChartOptions, lines: &mut Vec<String>) {
    let named = chart.series.iter().any(|s| !s.is_empty());
    let mut rows = Vec::new();
    for (li, label) in chart.labels.iter().enumerate() {
        let at = &chart.marks[li];
        if at.iter().all(Vec::is_empty) {
            rows.push(BarLine {
                label,
                series: None,
                mark: None,
            });
            continue;
        }
        for (si, marks) in at.iter().enumerate() {
            if marks.is_empty() && chart.is_calendar && is_inside(chart, si, li) {
                rows.push(BarLine {
                    label,
                    series: Some(si),
                    mark: None,
                });
            }
            for m in marks {
                rows.push(BarLine {
                    label,
                    series: Some(si),
                    mark: Some(m),
                });
            }
        }
    }
    let marks = || rows.iter().filter_map(|r| r.mark);
    let max_pos = marks().map(|m| m.value).fold(0.0_f64, f64::max);
    let max_neg = marks().map(|m| -m.value).fold(0.0_f64, f64::max);
    let text_w = |neg: bool| {
        marks()
            .filter(|m| (m.value < 0.0) == neg)
            .map(|m| width(&m.shown()))
            .max()
            .unwrap_or(0)
    };
    let (pos_text, neg_text) = (text_w(false).max(width("no value")), text_w(true));
    let src_w = marks()
        .filter_map(|m| m.source.as_deref())
        .map(width)
        .max()
        .unwrap_or(0);
    let label_w = chart.labels.iter().map(|l| width(l)).max().unwrap_or(0);
    let series_w = if named {
        chart.series.iter().map(|s| width(s)).max().unwrap_or(0)
    } else {
        0
    };
    let fixed = 1
        + 1
        + pos_text
        + if neg_text > 0 { neg_text + 1 } else { 0 }
        + if src_w > 0 { src_w + 2 } else { 0 };
    let prefix = |l: usize, s: usize| l + 2 + if s > 0 { s + 2 } else { 0 };
    // A label or a series name is never cut: cut periods read as one another (`2022 J…`
    // for Jan-May and Jan-Aug alike). When they do not fit beside bars of ten columns,
    // each gets a line of its own above its bars, which are indented under it.
    const MIN_BAR: usize = 10;
    const STACKED_INDENT: usize = 2;
    let is_stacked = opts.width < prefix(label_w, series_w) + fixed + MIN_BAR;
    let lead = if is_stacked {
        STACKED_INDENT
    } else {
        prefix(label_w, series_w)
    };
    let room = opts.width.saturating_sub(lead + fixed).max(2);
    let span = max_pos + max_neg;
    // One scale for both sides of the axis, in columns per unit, so a bar left of it and a
    // bar right of it compare as their values do. With values on both sides a column is
    // kept back, so each side's longest bar, rounded up, still fits.
    let both = max_pos > 0.0 && max_neg > 0.0;
    let per_unit = if span > 0.0 {
        (room - usize::from(both)) as f64 / span
    } else {
        0.0
    };
    let neg_room = if max_neg > 0.0 {
        // Less a hair, so that 57.000000001 columns (binary noise) is 57, not 58.
        ((max_neg * per_unit - 1e-9).ceil() as usize).clamp(1, room - usize::from(both))
    } else {
        0
    };
    let pos_room = room.saturating_sub(neg_room);
    let scale = |v: f64| v.abs() * per_unit;
    let neg_area = if max_neg > 0.0 {
        neg_room + neg_text + 1
    } else {
        0
    };
    let pos_area = pos_room + 1 + pos_text;
    let mut heading: Option<(&str, Option<usize>)> = None;
    for row in &rows {
        let name = row.series.map_or("", |s| chart.series[s].as_str());
        let mut line = String::new();
        if is_stacked {
            if heading != Some((row.label, row.series)) {
                let head = if name.is_empty() {
                    row.label.to_string()
                } else {
                    format!("{}  {name}", row.label)
                };
                lines.extend(
                    prose::paragraphs(&head, opts.width)
                        .lines()
                        .map(String::from),
                );
                heading = Some((row.label, row.series));
            }
            line.push_str(&" ".repeat(STACKED_INDENT));
        } else {
            line.push_str(&pad(row.label, label_w));
            line.push_str("  ");
            if series_w > 0 {
                line.push_str(&pad(name, series_w));
                line.push_str("  ");
            }
        }
        let colour = COLOURS[row.series.unwrap_or(0) % COLOURS.len()];
        // Left of the axis, the axis, right of it: each of a fixed width, so the axis and
        // the sources line up.
        let (left, axis, right) = match row.mark {
            None => (
                String::new(),
                '┆',
                format!(" {}", paint("no value", 2, opts.color)),
            ),
            Some(m) if m.value < 0.0 => {
                let n = (scale(m.value).round() as usize).clamp(1, neg_room);
                let text = format!("{} ", m.shown());
                let lead = " ".repeat(neg_area.saturating_sub(n + width(&text)));
                let bar = paint(&"█".repeat(n), colour, opts.color);
                (format!("{lead}{text}{bar}"), '│', String::new())
            }
            Some(m) => {
                let mut e = ((scale(m.value) * 8.0).round() as usize).min(pos_room * 8);
                if m.value > 0.0 {
                    e = e.max(1);
                }
                let bar = bar_text(e);
                let shown = m.shown();
                let fill = pos_area.saturating_sub(width(&bar) + 1 + width(&shown));
                let bar = paint(&bar, colour, opts.color);
                (
                    String::new(),
                    '│',
                    format!("{bar} {shown}{}", " ".repeat(fill)),
                )
            }
        };
        line.push_str(&" ".repeat(neg_area.saturating_sub(width(&strip(&left)))));
        line.push_str(&left);
        line.push(axis);
        line.push_str(&right);
        if let Some(src) = row.mark.and_then(|m| m.source.as_deref()) {
            let drawn = width(&strip(&right));
            line.push_str(&" ".repeat(pos_area.saturating_sub(drawn)));
            line.push_str("  ");
            line.push_str(src);
        }
        lines.push(line);
    }
}
