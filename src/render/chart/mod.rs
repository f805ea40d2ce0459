//! Charts as lines of text: horizontal bars, sparklines and small dot plots, drawn from
//! series already read out of a result (`figures::series`). A `Chart` and `ChartOptions`
//! in, text out; never the session. `bar.rs` draws bars, `period.rs` sparklines and dot
//! plots; this file holds the chart's shape and what they share.
//!
//! Our own drawing rather than a crate's: the terminal plotting crates (textplots,
//! rasciigraph, ratatui's bar chart) join points into a continuous line or draw one bar per
//! value, with no place for what makes a chart of sourced figures honest — a missing period
//! drawn as a gap and not joined over, two marks for one period each named by its source,
//! a qualifier beside its value, every kind on an axis that starts at zero — and each would
//! bring a drawing stack for a few hundred lines of arithmetic.

mod bar;
mod period;

use unicode_width::UnicodeWidthStr;

use crate::visible::visible;

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

impl Chart {
    /// The chart with control characters in its texts (labels and series come from the
    /// data) shown as pictures, so that only the chart's own colours reach the terminal.
    fn visible(&self) -> Chart {
        let v = |s: &String| visible(s).into_owned();
        let mark = |m: &Mark| Mark {
            value: m.value,
            text: v(&m.text),
            qualifier: m.qualifier.as_ref().map(v),
            source: m.source.as_ref().map(v),
        };
        Chart {
            kind: self.kind,
            title: v(&self.title),
            series: self.series.iter().map(v).collect(),
            labels: self.labels.iter().map(v).collect(),
            is_calendar: self.is_calendar,
            marks: self
                .marks
                .iter()
                .map(|at| at.iter().map(|ms| ms.iter().map(mark).collect()).collect())
                .collect(),
            notes: self.notes.iter().map(v).collect(),
            sources: v(&self.sources),
            ids: self.ids.clone(),
        }
    }
}

/// Draws `chart` within `opts.width` columns. An error says why it cannot be drawn
/// honestly in that width (a sparkline of more periods than columns, a negative value on a
/// sparkline).
pub fn draw(chart: &Chart, opts: &ChartOptions) -> Result<String, String> {
    let chart = &chart.visible();
    // The title and the footer are prose: wrapped between words to the width, as the bars
    // are fitted to it.
    let prose = |text: &str| -> Vec<String> {
        super::prose::paragraphs(text, opts.width)
            .lines()
            .map(str::to_string)
            .collect()
    };
    let mut lines = prose(&chart.title);
    let notes = match chart.kind {
        Kind::Bar => {
            bar::bars(chart, opts, &mut lines);
            Vec::new()
        }
        Kind::Spark => period::spark(chart, opts, &mut lines)?,
        Kind::Line => period::dots(chart, opts, &mut lines)?,
    };
    for note in chart.notes.iter().chain(&notes) {
        lines.extend(prose(note));
    }
    if !chart.sources.is_empty() {
        lines.extend(prose(&chart.sources));
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

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests;
