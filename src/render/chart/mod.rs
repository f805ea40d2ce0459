//! Charts as lines of text: horizontal bars, sparklines and small dot plots, drawn from
//! series already read out of a result (`figures::series`). A `Chart` and `ChartOptions`
//! in, text out; never the session.
//!
//! Our own drawing rather than a crate's: the terminal plotting crates (textplots,
//! rasciigraph, ratatui's bar chart) join points into a continuous line or draw one bar per
//! value, with no place for what makes a chart of sourced figures honest — a missing period
//! drawn as a gap and not joined over, two marks for one period each named by its source,
//! a qualifier beside its value, every kind on an axis that starts at zero — and each would
//! bring a drawing stack for a few hundred lines of arithmetic.

use unicode_width::UnicodeWidthStr;

/// The kinds of chart `.chart` draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One horizontal bar per value, its value at the bar's end.
    Bar,
    /// A small dot plot over periods: one mark per value, nothing joined.
    Line,
    /// One line of block characters per series, one cell per period.
    Spark,
}

impl Kind {
    pub const NAMES: &'static str = "bar, line, spark";

    pub fn parse(name: &str) -> Option<Kind> {
        match name.to_ascii_lowercase().as_str() {
            "bar" => Some(Kind::Bar),
            "line" => Some(Kind::Line),
            "spark" | "sparkline" => Some(Kind::Spark),
            _ => None,
        }
    }
}

/// What a chart may use of the terminal: its width in columns, and colour.
#[derive(Debug, Clone, Copy)]
pub struct ChartOptions {
    pub width: usize,
    pub color: bool,
}

impl ChartOptions {
    /// Output that is not a terminal gets the width of a classic one.
    pub const DEFAULT_WIDTH: usize = 80;
}

/// One value to draw, with what travels with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub value: f64,
    /// The value as the result shows it (SQLite's own text): what is printed.
    pub text: String,
    /// `more than`, `about`, ...: printed before the value.
    pub qualifier: Option<String>,
    /// Where the value comes from (a source id, or a ref), printed beside it.
    pub source: Option<String>,
}

impl Mark {
    /// The value as printed: with its qualifier.
    pub fn shown(&self) -> String {
        match &self.qualifier {
            Some(q) => format!("{q} {}", self.text),
            None => self.text.clone(),
        }
    }
}

/// A chart ready to draw: the axis, the series, and every value at its place.
#[derive(Debug, Clone)]
pub struct Chart {
    pub kind: Kind,
    /// First line: what is drawn, in which unit, split by what.
    pub title: String,
    /// Series names (values of the `--by` column); one empty name when not split.
    pub series: Vec<String>,
    /// The axis: periods in calendar order with missing ones in their place, or labels in
    /// the order of the result.
    pub labels: Vec<String>,
    /// True when `labels` is a calendar (years or months) with every period in place, so an
    /// empty place is a gap in the record rather than a label that is simply absent.
    pub is_calendar: bool,
    /// `marks[label][series]`: every value of that series at that label; empty: no value.
    pub marks: Vec<Vec<Vec<Mark>>>,
    /// Footer lines from reading the result (rows left out, mixed scopes).
    pub notes: Vec<String>,
    /// The footer's last line: the sources of the values drawn, or why there are none
    /// (empty: no such line, when a legend of the sources follows instead).
    pub sources: String,
    /// The source ids (or refs) that line lists, for `.cite`'s legend.
    pub ids: Vec<String>,
}

/// Draws `chart` within `opts.width` columns. An error says why it cannot be drawn
/// honestly in that width (a sparkline of more periods than columns, a negative value on a
/// sparkline).
pub fn draw(chart: &Chart, opts: &ChartOptions) -> Result<String, String> {
    let mut lines = vec![chart.title.clone()];
    let notes = match chart.kind {
        Kind::Bar => {
            bars(chart, opts, &mut lines);
            Vec::new()
        }
        Kind::Spark => spark(chart, opts, &mut lines)?,
        Kind::Line => dots(chart, opts, &mut lines)?,
    };
    lines.extend(chart.notes.iter().cloned());
    lines.extend(notes);
    if !chart.sources.is_empty() {
        lines.push(chart.sources.clone());
    }
    let mut out = String::new();
    for l in lines {
        out.push_str(l.trim_end());
        out.push('\n');
    }
    Ok(out)
}

/// Display width, as the table modes measure it.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cut to `w` columns, with `…` when cut.
pub fn cut(s: &str, w: usize) -> String {
    if width(s) <= w {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if width(&out) + width(c.encode_utf8(&mut [0; 4])) + 1 > w {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// `s` padded with spaces to `w` columns.
fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

/// Series colours (ANSI foreground), in turn.
const COLOURS: [u8; 6] = [36, 33, 35, 32, 34, 31];

fn paint(text: &str, code: u8, on: bool) -> String {
    if on && !text.is_empty() {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// Left-anchored eighths of a cell: a bar's last, partial character.
const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/// A positive bar `eighths` long: full blocks, then the partial one.
pub fn bar_text(eighths: usize) -> String {
    let mut s = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        s.push(EIGHTHS[eighths % 8]);
    }
    s
}

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
fn bars(chart: &Chart, opts: &ChartOptions, lines: &mut Vec<String>) {
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
    let mut label_w = chart.labels.iter().map(|l| width(l)).max().unwrap_or(0);
    let mut series_w = if named {
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
    // Labels give way (cut with …) before the bars shrink below ten columns.
    const MIN_BAR: usize = 10;
    while opts.width < prefix(label_w, series_w) + fixed + MIN_BAR && (series_w > 6 || label_w > 6)
    {
        if series_w > 6 && series_w >= label_w {
            series_w -= 1;
        } else {
            label_w -= 1;
        }
    }
    let room = opts
        .width
        .saturating_sub(prefix(label_w, series_w) + fixed)
        .max(2);
    let span = max_pos + max_neg;
    // Columns for each side, shared in proportion to the largest value on each side; a
    // side with a value keeps at least the one column its shortest bar takes.
    let neg_room = if max_neg > 0.0 {
        ((room as f64 * max_neg / span).round() as usize).clamp(1, room - 1)
    } else {
        0
    };
    let pos_room = room - neg_room;
    let scale = |v: f64, cols: usize, side: f64| {
        if side > 0.0 {
            v.abs() / side * cols as f64
        } else {
            0.0
        }
    };
    let neg_area = if max_neg > 0.0 {
        neg_room + neg_text + 1
    } else {
        0
    };
    let pos_area = pos_room + 1 + pos_text;
    for row in &rows {
        let mut line = pad(&cut(row.label, label_w), label_w);
        line.push_str("  ");
        if series_w > 0 {
            let name = row.series.map_or("", |s| chart.series[s].as_str());
            line.push_str(&pad(&cut(name, series_w), series_w));
            line.push_str("  ");
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
                let n = (scale(m.value, neg_room, max_neg).round() as usize).max(1);
                let text = format!("{} ", m.shown());
                let lead = " ".repeat(neg_area.saturating_sub(n + width(&text)));
                let bar = paint(&"█".repeat(n), colour, opts.color);
                (format!("{lead}{text}{bar}"), '│', String::new())
            }
            Some(m) => {
                let mut e = (scale(m.value, pos_room, max_pos) * 8.0).round() as usize;
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

/// `s` without colour escapes, to measure it.
fn strip(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

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
fn spark(
    chart: &Chart,
    opts: &ChartOptions,
    lines: &mut Vec<String>,
) -> Result<Vec<String>, String> {
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
fn dots(
    chart: &Chart,
    opts: &ChartOptions,
    lines: &mut Vec<String>,
) -> Result<Vec<String>, String> {
    no_negatives(chart, "line chart")?;
    let max = max_value(chart);
    let top = chart
        .marks
        .iter()
        .flatten()
        .flatten()
        .find(|m| m.value == max && max > 0.0)
        .map_or_else(|| "0".to_string(), |m| m.text.clone());
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

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests;
