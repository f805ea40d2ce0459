//! Charts over periods: a sparkline (one line of cells per series) and a small dot plot,
//! both from zero, one mark per distinct value, a gap left as a gap; what a cell cannot say
//! (two sources, a qualifier) is said in the footer.

use super::{COLOURS, Chart, ChartOptions, Mark, pad, paint, width};

/// Block characters for a sparkline cell, from an eighth to a full cell.
const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// The distinct values of one series at one label, in the order met, each with the marks
/// that state it.
fn distinct(marks: &[Mark]) -> Vec<(&Mark, Vec<&Mark>)> {
    let mut out: Vec<(&Mark, Vec<&Mark>)> = Vec::new();
    for m in marks {
        match out
            .iter_mut()
            .find(|(first, _)| first.text == m.text && first.qualifier == m.qualifier)
        {
            Some((_, all)) => all.push(m),
            None => out.push((m, vec![m])),
        }
    }
    out
}

/// Footer lines for labels where a series has more than one value or source, or a
/// qualified value: there a cell cannot say it, so the footer does, naming the sources.
fn mark_notes(chart: &Chart) -> Vec<String> {
    let is_plain = |m: &Mark| {
        m.qualifier.is_none() && !m.source.as_deref().is_some_and(|s| s.contains([';', ',']))
    };
    let mut notes = Vec::new();
    for (li, label) in chart.labels.iter().enumerate() {
        for (si, marks) in chart.marks[li].iter().enumerate() {
            if marks.len() < 2 && marks.iter().all(is_plain) {
                continue;
            }
            let parts: Vec<String> = distinct(marks)
                .into_iter()
                .map(|(m, all)| {
                    let sources: Vec<&str> =
                        all.iter().filter_map(|m| m.source.as_deref()).collect();
                    if sources.is_empty() {
                        m.shown()
                    } else {
                        format!("{} ({})", m.shown(), sources.join(", "))
                    }
                })
                .collect();
            let series = &chart.series[si];
            let lead = if series.is_empty() {
                label.clone()
            } else {
                format!("{series}, {label}")
            };
            notes.push(format!("{lead}: {}", parts.join("; ")));
        }
    }
    notes
}

/// Refuses labels that are not one calendar (all years, or all months): a line or a
/// sparkline is a time axis, and without one its points would stand in the order met,
/// unnamed between the first and the last, a span beside a month.
fn on_calendar(chart: &Chart, kind: &str) -> Result<(), String> {
    if chart.is_calendar || chart.labels.len() < 2 {
        return Ok(());
    }
    let mut named: Vec<&str> = chart.labels.iter().take(4).map(String::as_str).collect();
    if chart.labels.len() > 4 {
        named.push("…");
    }
    Err(format!(
        "a {kind} draws values over a calendar, and these labels are not all years or all \
         months ({}); use .chart bar, which names each",
        named.join(", ")
    ))
}

fn no_negatives(chart: &Chart, kind: &str) -> Result<(), String> {
    let neg = chart
        .marks
        .iter()
        .flatten()
        .flatten()
        .find(|m| m.value < 0.0);
    match neg {
        Some(m) => Err(format!(
            "a {kind} rises from zero and cannot show {} below it; use .chart bar",
            m.text
        )),
        None => Ok(()),
    }
}

/// The largest value of the chart (0 when none is positive).
fn max_value(chart: &Chart) -> f64 {
    chart
        .marks
        .iter()
        .flatten()
        .flatten()
        .map(|m| m.value)
        .fold(0.0, f64::max)
}

/// How wide each label's place is: as many cells as the most distinct values a series has
/// at one label, so two sources' different values are two marks.
fn slot_width(chart: &Chart) -> usize {
    chart
        .marks
        .iter()
        .flatten()
        .map(|m| distinct(m).len())
        .max()
        .unwrap_or(1)
        .max(1)
}

/// One line per series: the first label, a cell per label (`·` where there is no value,
/// `_` for zero, `▁`…`█` in eighths of the largest value), the last label, then the lowest
/// and highest values with their labels.
pub(super) fn spark(
    chart: &Chart,
    opts: &ChartOptions,
    lines: &mut Vec<String>,
) -> Result<Vec<String>, String> {
    on_calendar(chart, "sparkline")?;
    no_negatives(chart, "sparkline")?;
    let max = max_value(chart);
    let slot = slot_width(chart);
    let named = chart.series.iter().any(|s| !s.is_empty());
    let name_w = if named {
        chart.series.iter().map(|s| width(s)).max().unwrap_or(0) + 2
    } else {
        0
    };
    let first = chart.labels.first().cloned().unwrap_or_default();
    let last = chart.labels.last().cloned().unwrap_or_default();
    // Places wider than one cell are set apart, so two marks of one label stay together.
    let gap = usize::from(slot > 1);
    let cells_w = chart.labels.len() * (slot + gap) - gap;
    let needed = name_w + width(&first) + 1 + cells_w + 1 + width(&last);
    if needed > opts.width {
        return Err(format!(
            "{} periods do not fit a sparkline in {} columns; use .chart bar",
            chart.labels.len(),
            opts.width
        ));
    }
    for (si, name) in chart.series.iter().enumerate() {
        let colour = COLOURS[si % COLOURS.len()];
        let mut cells = String::new();
        let mut low: Option<(&Mark, &str)> = None;
        let mut high: Option<(&Mark, &str)> = None;
        for (li, label) in chart.labels.iter().enumerate() {
            if li > 0 && gap > 0 {
                cells.push(' ');
            }
            let values = distinct(&chart.marks[li][si]);
            if values.is_empty() {
                cells.push_str(&paint("·", 2, opts.color));
                cells.push_str(&" ".repeat(slot - 1));
                continue;
            }
            let mut drawn = String::new();
            for (m, _) in &values {
                drawn.push(if m.value == 0.0 || max == 0.0 {
                    '_'
                } else {
                    let level = (m.value / max * 8.0).ceil() as usize;
                    LEVELS[level.clamp(1, 8) - 1]
                });
                if low.is_none_or(|(l, _)| m.value < l.value) {
                    low = Some((m, label));
                }
                if high.is_none_or(|(h, _)| m.value > h.value) {
                    high = Some((m, label));
                }
            }
            cells.push_str(&paint(&drawn, colour, opts.color));
            cells.push_str(&" ".repeat(slot - values.len()));
        }
        let mut line = String::new();
        if named {
            line.push_str(&pad(name, name_w));
        }
        line.push_str(&format!("{first} {cells} {last}"));
        if let (Some((l, ll)), Some((h, hl))) = (low, high) {
            let extent = format!("  min {} ({ll}), max {} ({hl})", l.shown(), h.shown());
            if needed + width(&extent) <= opts.width {
                line.push_str(&extent);
                lines.push(line);
            } else {
                lines.push(line);
                lines.push(format!("{}{}", " ".repeat(name_w), extent.trim_start()));
            }
        } else {
            lines.push(line);
        }
    }
    Ok(mark_notes(chart))
}

/// Marks of the series of a dot plot, in turn; `*` is a cell where series meet.
const GLYPHS: [char; 6] = ['●', '○', '◆', '◇', '■', '□'];
const ROWS: usize = 8;

/// A small dot plot: a row for each eighth of the range from zero to the largest value,
/// a column (or a few) per label, one mark per distinct value, nothing joined; a label with
/// no value in any series is a dotted column (`┊`).
pub(super) fn dots(
    chart: &Chart,
    opts: &ChartOptions,
    lines: &mut Vec<String>,
) -> Result<Vec<String>, String> {
    on_calendar(chart, "line chart")?;
    no_negatives(chart, "line chart")?;
    let max = max_value(chart);
    let top = chart
        .marks
        .iter()
        .flatten()
        .flatten()
        .find(|m| m.value == max && max > 0.0)
        .map_or_else(String::new, |m| m.text.clone());
    let axis_w = width(&top).max(1);
    let n = chart.labels.len().max(1);
    let room = opts.width.saturating_sub(axis_w + 2);
    if n > room {
        return Err(format!(
            "{n} periods do not fit a line chart in {} columns; use .chart bar",
            opts.width
        ));
    }
    let slot = (room / n).clamp(1, 4);
    let mut grid = vec![vec![' '; n * slot]; ROWS];
    for (li, at) in chart.marks.iter().enumerate() {
        let col = li * slot + slot / 2;
        if at.iter().all(Vec::is_empty) {
            for row in grid.iter_mut() {
                row[col] = '┊';
            }
            continue;
        }
        for (si, marks) in at.iter().enumerate() {
            let glyph = GLYPHS[si % GLYPHS.len()];
            for (m, _) in distinct(marks) {
                let r = if max > 0.0 {
                    ((m.value / max) * (ROWS - 1) as f64).round() as usize
                } else {
                    0
                };
                let cell = &mut grid[ROWS - 1 - r][col];
                *cell = if *cell == ' ' || *cell == glyph {
                    glyph
                } else {
                    '*'
                };
            }
        }
    }
    for (r, row) in grid.iter().enumerate() {
        let label = match r {
            0 => top.as_str(),
            _ if r == ROWS - 1 => "0",
            _ => "",
        };
        let tick = if label.is_empty() { '│' } else { '┤' };
        let cells: String = row
            .iter()
            .map(|&c| {
                let s = c.to_string();
                match GLYPHS.iter().position(|&g| g == c) {
                    Some(i) => paint(&s, COLOURS[i % COLOURS.len()], opts.color),
                    None => s,
                }
            })
            .collect();
        lines.push(format!("{label:>axis_w$} {tick}{cells}"));
    }
    lines.push(format!("{} └{}", " ".repeat(axis_w), "─".repeat(n * slot)));
    let first = chart.labels.first().cloned().unwrap_or_default();
    let last = chart.labels.last().cloned().unwrap_or_default();
    let gap = (n * slot).saturating_sub(width(&first) + width(&last));
    let under = if n > 1 && gap >= 1 {
        format!("{first}{}{last}", " ".repeat(gap))
    } else {
        first
    };
    lines.push(format!("{}  {under}", " ".repeat(axis_w)));
    if chart.series.len() > 1 || chart.series.iter().any(|s| !s.is_empty()) {
        let legend: Vec<String> = chart
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{} {s}", GLYPHS[i % GLYPHS.len()]))
            .collect();
        lines.push(legend.join("   "));
    }
    Ok(mark_notes(chart))
}
