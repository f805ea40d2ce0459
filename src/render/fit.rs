//! Fitting a wide result to the terminal without lying about it.
//!
//! This module owns the decisions, not the drawing: which columns of a table-mode result are
//! shown on a terminal and how wide each is ([`fit`]), how free text is shortened
//! ([`truncate`], [`wrap`]), and the footer that says what was left out ([`footer`]). Which
//! cells may be shortened at all is `kind.rs`'s. The table drawer measures its cells into
//! [`Column`]s, calls [`fit`], then draws the planned columns, cutting (or, for
//! documentation, wrapping) text cells to the planned widths and wrapping headers with
//! [`wrap`].
//!
//! The promise it keeps (issue 13): a number, a date or a key value is shown whole or its
//! column is left out; only free text is shortened; a header is never broken inside a word;
//! no drawn line is wider than the terminal. A reader may quote what they see, so a shortened
//! value must look shortened and a left-out column must look left out.
//!
//! Every width here is in terminal columns as `unicode-width` measures them (an East-Asian
//! wide character counts 2).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::kind::Kind;
use crate::value::thousands;

/// narrower and a column of `…`-ended stubs tells the reader nothing.
pub const TEXT_MIN: usize = 10;

/// Width of the `…` column that marks where columns were left out.
pub const GAP_WIDTH: usize = 1;

/// One column as measured by the drawer: its header and the widths of its drawn cells, split
/// by whether they may be shortened. A column's cells may be of mixed kinds (a `value`
/// column holding numbers and ISO dates, a `note` holding a bare year); every rigid cell
/// counts, whatever the rest of its column is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Column<'a> {
    /// The header as drawn; `""` when headers are off.
    pub header: &'a str,
    /// Width of the widest rigid cell ([`Kind::Number`], [`Kind::Date`], [`Kind::Key`]);
    /// 0 when there is none.
    pub rigid: usize,
    /// Width of each [`Kind::Text`] cell (its widest line), in any order.
    pub text: Vec<usize>,
}

impl<'a> Column<'a> {
    /// A column with no cells yet.
    pub fn new(header: &'a str) -> Self {
        Column {
            header,
            rigid: 0,
            text: Vec::new(),
        }
    }

    /// Counts one drawn cell of `kind`, `width` columns wide (its widest line).
    pub fn push(&mut self, kind: Kind, width: usize) {
        if kind.is_rigid() {
            self.rigid = self.rigid.max(width);
        } else {
            self.text.push(width);
        }
    }

    /// The width that shows the header on one line and every cell whole (at least 1).
    pub fn natural(&self) -> usize {
        let widest_text = self.text.iter().copied().max().unwrap_or(0);
        header_width(self.header)
            .max(self.rigid)
            .max(widest_text)
            .max(1)
    }

    /// The narrowest this column is drawn: its widest rigid cell, its header's longest word,
    /// and its text shortened to at most [`TEXT_MIN`] (at least 1).
    pub fn least(&self) -> usize {
        let widest_text = self.text.iter().copied().max().unwrap_or(0);
        longest_word(self.header)
            .max(self.rigid)
            .max(widest_text.min(TEXT_MIN))
            .max(1)
    }
}

/// Columns a drawn line costs however many table columns it has (the closing border).
const PER_TABLE: usize = 1;
/// Columns each table column costs besides its width (a border and two spaces of padding).
const PER_COLUMN: usize = 3;

/// Width of a line drawing columns of these widths: table, box and markdown all draw
/// `│ a │ b │` or `| a | b |`, `1 + Σ (width + 3)` columns.
pub fn line(widths: &[usize]) -> usize {
    widths.iter().fold(PER_TABLE, |sum, w| {
        sum.saturating_add(w.saturating_add(PER_COLUMN))
    })
}

/// How a result is drawn on a terminal: which columns, how wide, and where the `…` column
/// goes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// Indexes into [`fit`]'s `columns` of the columns drawn, ascending.
    pub shown: Vec<usize>,
    /// Content width of each drawn column (without padding and borders), parallel to
    /// `shown`. Never below the column's [`Column::least`] nor above its
    /// [`Column::natural`]: cells wider than it are text, to be cut with [`truncate`], and
    /// the header is drawn with [`wrap`].
    pub widths: Vec<usize>,
    /// Where the `…` column ([`GAP_WIDTH`] wide) is drawn: before `shown[g]`, or after the
    /// last shown column when `g == shown.len()`. `None` when every column is shown (or the
    /// terminal is too narrow for even the `…` column).
    pub gap_at: Option<usize>,
}

impl Plan {
    /// Width of every drawn line of this plan, the `…` column included.
    pub fn line(&self) -> usize {
        let line = line(&self.widths);
        match self.gap_at {
            Some(_) => line.saturating_add(GAP_WIDTH + PER_COLUMN),
            None => line,
        }
    }
}

/// Decides which `columns` are drawn, and how wide, on a terminal `terminal` columns wide.
///
/// Everything at its natural width when that fits. Otherwise text (and multi-word headers)
/// shrink, down to each column's [`Column::least`]. When even that is too wide, columns are
/// left out whole from the middle, DuckDB's way: the first column is kept whenever it fits
/// (with the `…` column), then the last, then as many as fit, balanced between the two ends.
/// Width left over goes back to the shortened columns.
pub fn fit(columns: &[Column<'_>], terminal: usize) -> Plan {
    let natural: Vec<usize> = columns.iter().map(Column::natural).collect();
    let least: Vec<usize> = columns.iter().map(Column::least).collect();
    let all: Vec<usize> = (0..columns.len()).collect();
    if line(&natural) <= terminal {
        return Plan {
            shown: all,
            widths: natural,
            gap_at: None,
        };
    }
    let (shown, gap_at) = if line(&least) <= terminal {
        (all, None)
    } else {
        leave_out(&least, terminal)
    };
    let mut widths: Vec<usize> = shown.iter().map(|&i| least[i]).collect();
    let plan = Plan {
        shown,
        widths: widths.clone(),
        gap_at,
    };
    let spare = terminal.saturating_sub(plan.line());
    widen(columns, &plan.shown, &mut widths, spare);
    Plan { widths, ..plan }
}

/// The columns kept when not all fit at their least widths: a run from the left and a run
/// from the right, with the `…` column between them.
fn leave_out(least: &[usize], terminal: usize) -> (Vec<usize>, Option<usize>) {
    let n = least.len();
    let Some(room) = terminal
        .checked_sub(PER_TABLE + GAP_WIDTH + PER_COLUMN)
        .filter(|_| n > 0)
    else {
        return (Vec::new(), None);
    };
    let cost = |i: usize| least[i].saturating_add(PER_COLUMN);
    let mut prefix = vec![0usize; n + 1];
    let mut suffix = vec![0usize; n + 1];
    for i in 0..n {
        prefix[i + 1] = prefix[i].saturating_add(cost(i));
        suffix[i + 1] = suffix[i].saturating_add(cost(n - 1 - i));
    }
    // The first column anchors the rows (it is usually what they are about) and the last
    // closes the table; the `…` between them shows where columns went, where a table that
    // ends in `…` would read like a line cut at the edge. So both ends come before the
    // count, and the count before balance.
    let mut best = (0, 0);
    let mut best_score = None;
    for left in 0..n {
        if prefix[left] > room {
            break;
        }
        let budget = room - prefix[left];
        // suffix[0] is 0, so at least one candidate fits.
        let right = suffix[..n - left]
            .partition_point(|&s| s <= budget)
            .saturating_sub(1);
        let score = (
            left >= 1,
            right >= 1,
            left + right,
            std::cmp::Reverse(left.abs_diff(right)),
            left >= right,
        );
        if best_score.is_none_or(|b| score > b) {
            best_score = Some(score);
            best = (left, right);
        }
    }
    let (left, right) = best;
    let shown = (0..left).chain(n - right..n).collect();
    (shown, Some(left))
}

/// Hands `spare` columns of width to the shown columns still below their natural width.
///
/// First to whichever step shows the most cut cells whole per column of width spent (a
/// header put back on one line counts half a cell: wrapping it loses nothing), then, when
/// no such step is affordable, a column at a time to the narrowest, so no width is wasted.
fn widen(columns: &[Column<'_>], shown: &[usize], widths: &mut [usize], mut spare: usize) {
    // (width, weight) of everything drawn shorter than it is, one entry a width, ascending:
    // a long result costs its distinct widths here, not its rows.
    let pending: Vec<Vec<(usize, usize)>> = shown
        .iter()
        .zip(widths.iter())
        .map(|(&i, &w)| {
            let c = &columns[i];
            let mut cut: Vec<(usize, usize)> = c
                .text
                .iter()
                .map(|&t| (t, 2))
                .chain(std::iter::once((header_width(c.header), 1)))
                .filter(|&(t, _)| t > w)
                .collect();
            cut.sort_unstable();
            let mut merged: Vec<(usize, usize)> = Vec::with_capacity(cut.len());
            for (t, weight) in cut {
                match merged.last_mut() {
                    Some(last) if last.0 == t => last.1 += weight,
                    _ => merged.push((t, weight)),
                }
            }
            merged
        })
        .collect();
    let natural: Vec<usize> = shown.iter().map(|&i| columns[i].natural()).collect();
    loop {
        // (gain, cost, column)
        let mut best: Option<(usize, usize, usize)> = None;
        for (j, p) in pending.iter().enumerate() {
            let mut gain = 0;
            for &(t, weight) in p.iter().filter(|&&(t, _)| t > widths[j]) {
                let cost = t - widths[j];
                if cost > spare {
                    break;
                }
                gain += weight;
                let better = best.is_none_or(|(g, c, _)| {
                    let (ours, theirs) = (gain * c, g * cost);
                    ours > theirs || (ours == theirs && cost < c)
                });
                if better {
                    best = Some((gain, cost, j));
                }
            }
        }
        let Some((_, cost, j)) = best else { break };
        widths[j] += cost;
        spare -= cost;
    }
    while spare > 0 {
        let narrowest = (0..widths.len())
            .filter(|&j| widths[j] < natural[j])
            .min_by_key(|&j| widths[j]);
        let Some(j) = narrowest else { break };
        widths[j] += 1;
        spare -= 1;
    }
}

/// Display width of `text` in terminal columns (one line; a control character counts 1).
pub fn display_width(text: &str) -> usize {
    if text.is_ascii() && !text.bytes().any(|b| b.is_ascii_control()) {
        text.len()
    } else {
        UnicodeWidthStr::width(text)
    }
}

/// Width of a header drawn on as few lines as its own newlines allow.
fn header_width(header: &str) -> usize {
    header.lines().map(display_width).max().unwrap_or(0)
}

/// Width of a header's longest word: words split on whitespace only, so `value_base` and
/// `country_code` are one word each.
pub fn longest_word(header: &str) -> usize {
    header
        .split_whitespace()
        .map(display_width)
        .max()
        .unwrap_or(0)
}

/// `text` split where it may be: each piece is a character followed by the zero-width
/// characters that modify it (accents, variation selectors, joiners), so no cut separates
/// them, with the width of the piece as a whole.
fn pieces(text: &str) -> impl Iterator<Item = (&str, usize)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let mut chars = rest.char_indices();
        chars.next()?;
        let end = chars
            .find(|&(_, c)| c.width() != Some(0))
            .map_or(rest.len(), |(i, _)| i);
        let (piece, after) = rest.split_at(end);
        rest = after;
        Some((piece, display_width(piece)))
    })
}

/// `text` (one line) cut to at most `width` columns, ending in `…` when anything was cut;
/// unchanged when it fits.
///
/// A wide character that does not fit is left out whole. A number is never left cut: when
/// the cut would leave digits (or a date, or a figure like `4,19`) right before the `…`,
/// that run is dropped too, so `value 4190000000 yuan` at 12 reads `value …`, never
/// `value 41900…`.
pub fn truncate(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_string();
    }
    let Some(room) = width.checked_sub(display_width("…")) else {
        return String::new();
    };
    let mut end = 0;
    let mut used = 0;
    for (piece, w) in pieces(text) {
        if used + w > room {
            break;
        }
        used += w;
        end += piece.len();
    }
    let mut kept = &text[..end];
    // Ligatures can make a run wider than its pieces; measure the run itself.
    while display_width(kept) > room {
        let mut chars = kept.chars();
        chars.next_back();
        kept = chars.as_str();
    }
    let mut out = String::with_capacity(kept.len() + 3);
    out.push_str(without_cut_number(kept));
    out.push('…');
    out
}

/// `kept` without a trailing run of a number (digits and what joins them in figures, dates
/// and codes), so what stands before an `…` is never read as a whole number.
fn without_cut_number(kept: &str) -> &str {
    let in_figure =
        |c: char| c.is_numeric() || c.is_ascii_alphanumeric() || ".,:/-_'%+".contains(c);
    let start = kept
        .char_indices()
        .rev()
        .take_while(|&(_, c)| in_figure(c))
        .last()
        .map_or(kept.len(), |(i, _)| i);
    if kept[start..].chars().any(char::is_numeric) {
        &kept[..start]
    } else {
        kept
    }
}

/// `text` wrapped to lines of at most `width` columns, at whitespace (which becomes single
/// spaces); a word wider than `width` is broken between characters, never inside a wide
/// character, which at `width` 1 gets a line of its own. Newlines in `text` are kept as
/// line breaks; empty text is one empty line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in paragraph.split_whitespace() {
            let w = display_width(word);
            // A word may be zero columns wide; whether the line has one is what counts.
            if !line.is_empty() && used + 1 + w <= width {
                line.push(' ');
                line.push_str(word);
                used += 1 + w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            if w <= width {
                line.push_str(word);
                used = w;
                continue;
            }
            for (piece, pw) in pieces(word) {
                if !line.is_empty() && used + pw > width {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push_str(piece);
                used += pw;
            }
        }
        lines.push(line);
    }
    lines
}

/// The footer under a table: `1 row`, `10 rows`, `1,000 rows (40 shown)`,
/// `10 rows · 11 columns (7 shown)`. Rows or columns are said to be shown only when some
/// were left out.
pub fn footer(rows: u64, columns: usize, shown: usize, rows_shown: u64) -> String {
    let mut out = counted(rows, "row", "rows");
    if rows_shown < rows {
        out.push_str(&format!(" ({} shown)", thousands(rows_shown)));
    }
    if shown < columns {
        out.push_str(" · ");
        out.push_str(&counted(columns as u64, "column", "columns"));
        out.push_str(&format!(" ({} shown)", thousands(shown as u64)));
    }
    out
}

fn counted(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::kind::{Kind, is_key_column};
    use proptest::prelude::*;

    /// A result as the drawer holds it: headers, rows of drawn cells, and which cells SQLite
    /// typed as numbers.
    struct Grid<'a> {
        headers: Vec<&'a str>,
        rows: Vec<Vec<(String, bool)>>,
    }

    impl<'a> Grid<'a> {
        fn new(headers: &[&'a str]) -> Self {
            Grid {
                headers: headers.to_vec(),
                rows: Vec::new(),
            }
        }

        /// Adds a row; a cell written `#123` is a number drawn as `123`.
        fn row(mut self, cells: &[&str]) -> Self {
            self.rows.push(
                cells
                    .iter()
                    .map(|c| match c.strip_prefix('#') {
                        Some(n) => (n.to_string(), true),
                        None => (c.to_string(), false),
                    })
                    .collect(),
            );
            self
        }

        /// The columns measured the way the drawer is to measure them.
        fn columns(&self) -> Vec<Column<'a>> {
            self.headers
                .iter()
                .enumerate()
                .map(|(c, &header)| {
                    let key = is_key_column(header);
                    let mut column = Column::new(header);
                    for row in &self.rows {
                        let (text, number) = &row[c];
                        column.push(Kind::of(*number, key, text), display_width(text));
                    }
                    column
                })
                .collect()
        }

        /// The `table` style drawn to `plan`: text cut with `truncate`, headers wrapped
        /// with `wrap`, the `…` column where the plan puts it.
        fn draw(&self, plan: &Plan) -> Vec<String> {
            // (width, header lines, cells) for each drawn column, the gap included.
            let mut slots: Vec<(usize, Vec<String>, Vec<String>)> = plan
                .shown
                .iter()
                .zip(&plan.widths)
                .map(|(&c, &w)| {
                    let cells = self.rows.iter().map(|r| truncate(&r[c].0, w)).collect();
                    (w, wrap(self.headers[c], w), cells)
                })
                .collect();
            if let Some(g) = plan.gap_at {
                let gap = vec!["…".to_string(); self.rows.len()];
                slots.insert(g, (GAP_WIDTH, vec!["…".to_string()], gap));
            }
            let rule = |l: &str, m: &str, r: &str| {
                let parts: Vec<String> = slots.iter().map(|s| "─".repeat(s.0 + 2)).collect();
                format!("{l}{}{r}", parts.join(m))
            };
            let content = |texts: Vec<&str>| {
                let parts: Vec<String> = slots
                    .iter()
                    .zip(texts)
                    .map(|(s, t)| {
                        let pad = s.0.saturating_sub(display_width(t));
                        format!(" {t}{} ", " ".repeat(pad))
                    })
                    .collect();
                format!("│{}│", parts.join("│"))
            };
            let mut lines = vec![rule("┌", "┬", "┐")];
            let height = slots.iter().map(|s| s.1.len()).max().unwrap_or(0);
            for i in 0..height {
                lines.push(content(
                    slots
                        .iter()
                        .map(|s| s.1.get(i).map_or("", String::as_str))
                        .collect(),
                ));
            }
            lines.push(rule("├", "┼", "┤"));
            for r in 0..self.rows.len() {
                lines.push(content(slots.iter().map(|s| s.2[r].as_str()).collect()));
            }
            lines.push(rule("└", "┴", "┘"));
            lines
        }

        /// Draws the result at `terminal` columns and checks every promise on the screen:
        /// no line too wide, every rigid cell and header word whole, the plan well formed.
        fn check(&self, terminal: usize) -> (Plan, Vec<String>) {
            let columns = self.columns();
            let plan = fit(&columns, terminal);
            let lines = self.draw(&plan);
            let screen = lines.join("\n");
            for line in &lines {
                assert!(display_width(line) <= terminal, "{terminal}:\n{screen}");
                assert_eq!(display_width(line), plan.line(), "{screen}");
            }
            for (&c, &w) in plan.shown.iter().zip(&plan.widths) {
                let key = is_key_column(self.headers[c]);
                for row in &self.rows {
                    let (text, number) = &row[c];
                    if Kind::of(*number, key, text).is_rigid() {
                        assert!(display_width(text) <= w, "{text} cut in\n{screen}");
                    }
                }
                for word in self.headers[c].split_whitespace() {
                    let whole = wrap(self.headers[c], w)
                        .iter()
                        .any(|l| l.split_whitespace().any(|piece| piece == word));
                    assert!(whole, "header {word} broken in\n{screen}");
                }
            }
            assert!(!cut_number(&screen), "a number is cut in\n{screen}");
            (plan, lines)
        }
    }

    /// Whether `screen` shows a digit run right before `…` (`41900…`, `4,19…`), the mark
    /// of a cut number.
    fn cut_number(screen: &str) -> bool {
        let chars: Vec<char> = screen.chars().collect();
        (1..chars.len()).any(|i| {
            chars[i] == '…'
                && chars[..i]
                    .iter()
                    .rev()
                    .find(|c| !".,:/-_'%+".contains(**c))
                    .is_some_and(|c| c.is_numeric())
        })
    }

    fn shown_headers<'a>(result: &Grid<'a>, plan: &Plan) -> Vec<&'a str> {
        plan.shown.iter().map(|&c| result.headers[c]).collect()
    }

    fn numbers(header: &str, width: usize) -> Column<'_> {
        Column {
            header,
            rigid: width,
            text: Vec::new(),
        }
    }

    fn text<'a>(header: &'a str, widths: &[usize]) -> Column<'a> {
        Column {
            header,
            rigid: 0,
            text: widths.to_vec(),
        }
    }

    /// Ten rows of the `facts` view, as wide as its widest values get.
    fn facts() -> Grid<'static> {
        let headers = [
            "ref",
            "subject",
            "metric",
            "period",
            "period_start",
            "period_end",
            "value",
            "unit",
            "value_base",
            "unit_base",
            "source_id",
            "qualifier",
            "basis",
            "scope",
            "is_conversion",
        ];
        let subject = "China–SCO Local Economic and Trade Cooperation Demonstration Zone";
        Grid::new(&headers)
            .row(&[
                "F001",
                subject,
                "train_lines_added",
                "2020 to 2022-02",
                "2020",
                "2022-02",
                "#13",
                "lines",
                "#13",
                "count",
                "S01",
                "",
                "international",
                "zone",
                "#0",
            ])
            .row(&[
                "F002",
                subject,
                "trade_value",
                "2021",
                "2021-01-01",
                "2021-12-31",
                "#128800000000",
                "CNY",
                "#128800000000",
                "CNY",
                "S01",
                "over",
                "total",
                "zone",
                "#0",
            ])
            .row(&[
                "F003",
                "Qingdao–Almaty train",
                "run_cargo_value",
                "2019-05-24 to 2019-05-26",
                "2019-05-24",
                "2019-05-26",
                "#41.9",
                "100 million CNY",
                "#4190000000",
                "CNY",
                "S12",
                "about",
                "none",
                "zone",
                "#1",
            ])
            .row(&[
                "F004",
                "Shandong province",
                "foreign_trade_import_export_total",
                "2022 H1",
                "2022-01-01",
                "2022-06-30",
                "#6680000",
                "10k t",
                "#66800000000",
                "t",
                "S07",
                "more than",
                "none",
                "province",
                "#1",
            ])
            .row(&[
                "F005",
                "Jiaozhou",
                "run_date",
                "2021-07-05",
                "2021-07-05",
                "2021-07-05",
                "2021-07-05",
                "date",
                "",
                "",
                "S03",
                "",
                "none",
                "zone",
                "#0",
            ])
    }

    #[test]
    fn a_table_that_fits_is_left_as_it_is() {
        let columns = [numbers("n", 3), text("name", &[5, 20]), numbers("when", 10)];
        let plan = fit(&columns, 80);
        assert_eq!(plan.shown, vec![0, 1, 2]);
        assert_eq!(plan.widths, vec![3, 20, 10]);
        assert_eq!(plan.gap_at, None);
    }

    #[test]
    fn text_shrinks_before_any_column_is_left_out() {
        let columns = [numbers("n", 3), text("name", &[5, 60]), numbers("when", 10)];
        let plan = fit(&columns, 40);
        assert_eq!(plan.shown, vec![0, 1, 2]);
        assert_eq!(plan.gap_at, None);
        // 1 + (3 + 3) + (w + 3) + (10 + 3) = 40
        assert_eq!(plan.widths, vec![3, 17, 10]);
        assert_eq!(plan.line(), 40);
    }

    #[test]
    fn thirty_numbers_in_one_row_at_80_columns_keep_both_ends_and_mark_the_gap() {
        let headers: Vec<String> = (1..=30).map(|i| format!("column_{i}")).collect();
        let names: Vec<&str> = headers.iter().map(String::as_str).collect();
        let values: Vec<String> = (1..=30).map(|i| format!("#{}", i * 1000)).collect();
        let cells: Vec<&str> = values.iter().map(String::as_str).collect();
        let result = Grid::new(&names).row(&cells);
        let (plan, lines) = result.check(80);
        assert_eq!(plan.shown.first(), Some(&0));
        assert_eq!(plan.shown.last(), Some(&29));
        // column_1..column_9 cost 8 + 3, the rest 9 + 3, in the 80 - 1 - 4 left by the
        // borders and the `…` column: seven never fit, six do, three from each end.
        assert_eq!(plan.shown, vec![0, 1, 2, 27, 28, 29]);
        assert_eq!(plan.gap_at, Some(3));
        assert!(
            lines[1].contains("column_3 │ … │ column_28"),
            "{}",
            lines.join("\n")
        );
        assert_eq!(
            footer(1, 30, plan.shown.len(), 1),
            "1 row · 30 columns (6 shown)"
        );
    }

    #[test]
    fn the_facts_view_fits_40_80_100_and_200_columns() {
        let result = facts();
        let columns = result.columns();
        let mut drawn = Vec::new();
        for terminal in [40, 80, 100, 200] {
            let (plan, lines) = result.check(terminal);
            let names = shown_headers(&result, &plan);
            assert_eq!(names.first(), Some(&"ref"), "{terminal}");
            assert_eq!(names.last(), Some(&"is_conversion"), "{terminal}");
            for (&c, &w) in plan.shown.iter().zip(&plan.widths) {
                if columns[c].text.iter().all(|&t| t <= w) {
                    continue;
                }
                // Only free text is ever drawn narrower than it is.
                assert!(
                    ["subject", "qualifier"].contains(&result.headers[c]),
                    "{}",
                    result.headers[c]
                );
            }
            drawn.push((terminal, names, lines));
        }
        let names = |t: usize| drawn.iter().find(|d| d.0 == t).map(|d| d.1.clone());
        // At 40, subject (10 + 3) misses by one; scope is as wide as its widest value.
        assert_eq!(names(40), Some(vec!["ref", "scope", "is_conversion"]));
        assert_eq!(
            names(80),
            Some(vec![
                "ref",
                "subject",
                "qualifier",
                "basis",
                "scope",
                "is_conversion"
            ])
        );
        assert_eq!(
            names(100),
            Some(vec![
                "ref",
                "subject",
                "source_id",
                "qualifier",
                "basis",
                "scope",
                "is_conversion"
            ])
        );
        // At 200 `metric` and `period`, codes drawn whole, are the middle columns left out,
        // and the width they leave goes to the shortened texts: every line is exactly 200
        // wide.
        let (_, wide, lines) = &drawn[3];
        assert_eq!(wide.len(), 13, "{}", lines.join("\n"));
        assert!(!wide.contains(&"metric") && !wide.contains(&"period"));
        assert!(lines.iter().all(|l| display_width(l) == 200));
    }

    #[test]
    fn a_rigid_column_wider_than_the_terminal_is_left_out_and_marked() {
        let alone = [numbers("n", 120)];
        let plan = fit(&alone, 80);
        assert!(plan.shown.is_empty());
        assert_eq!(plan.gap_at, Some(0));
        assert_eq!(plan.line(), 5);
        assert_eq!(footer(1, 1, 0, 1), "1 row · 1 column (0 shown)");

        let first_too_wide = [numbers("n", 120), text("note", &[20]), numbers("m", 5)];
        let plan = fit(&first_too_wide, 80);
        assert_eq!((plan.shown, plan.gap_at), (vec![1, 2], Some(0)));

        let last_too_wide = [numbers("n", 5), text("note", &[20]), numbers("m", 120)];
        let plan = fit(&last_too_wide, 80);
        assert_eq!((plan.shown, plan.gap_at), (vec![0, 1], Some(2)));

        let middle_too_wide = [numbers("n", 5), numbers("big", 90), numbers("m", 5)];
        let plan = fit(&middle_too_wide, 80);
        assert_eq!((plan.shown, plan.gap_at), (vec![0, 2], Some(1)));
        assert_eq!(plan.widths, vec![5, 5]);
    }

    #[test]
    fn a_key_or_a_date_is_never_shortened() {
        let result = Grid::new(&["source_id", "note", "when"]).row(&[
            "S01-2022-long-key-value",
            &"x".repeat(70),
            "2022-02-18 10:00:00",
        ]);
        // 1 + (23 + 3) + (w + 3) + (19 + 3) = 64 leaves 12 for the note.
        let (plan, _) = result.check(64);
        assert_eq!(plan.shown, vec![0, 1, 2]);
        assert_eq!(plan.widths[0], 23);
        assert_eq!(plan.widths, vec![23, 12, 19]);
    }

    #[test]
    fn a_header_wraps_between_words_and_never_inside_one() {
        let result =
            Grid::new(&["ref", "total value in yuan", "country_code"]).row(&["F001", "#12", "KZ"]);
        let (plan, lines) = result.check(40);
        // 1 + 7 + (w + 3) + 15 = 40 leaves 14 for the header's 19: it wraps, once.
        assert_eq!(plan.widths, vec![4, 14, 12]);
        assert!(lines[1].contains("total value in"), "{}", lines.join("\n"));
        assert!(lines[2].contains("yuan"), "{}", lines.join("\n"));
    }

    #[test]
    fn width_left_after_leaving_columns_out_goes_back_to_text() {
        let columns = [
            text("a", &[50]),
            numbers("b", 30),
            numbers("c", 30),
            text("d", &[50]),
        ];
        let plan = fit(&columns, 60);
        assert_eq!(plan.shown, vec![0, 3]);
        assert_eq!(plan.line(), 60);
        // 60 - 1 - 2 × 3 - 4 leaves 49 for the two texts, neither of which fits whole.
        assert_eq!(plan.widths, vec![25, 24]);
    }

    #[test]
    fn spare_width_goes_first_where_it_shows_the_most_cells_whole() {
        // Four of five cells of `short` fit in 15; `long` needs 30 for any. Shared out
        // evenly, the five columns to spare would show no cell more.
        let columns = [
            text("short", &[15, 15, 15, 15, 40]),
            text("long", &[30, 30, 30, 30, 30]),
        ];
        let plan = fit(&columns, 32);
        assert_eq!(plan.widths, vec![15, 10]);
    }

    #[test]
    fn truncate_cuts_text_to_the_width_with_an_ellipsis() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("exactly10!", 10), "exactly10!");
        assert_eq!(truncate("a longer text", 8), "a longe…");
        assert_eq!(truncate("anything", 1), "…");
        assert_eq!(truncate("anything", 0), "");
        assert_eq!(truncate("", 0), "");
    }

    #[test]
    fn truncate_never_splits_a_wide_character() {
        assert_eq!(truncate("中文字符", 8), "中文字符");
        assert_eq!(truncate("中文字符", 7), "中文字…");
        assert_eq!(truncate("中文字符", 6), "中文…");
        assert_eq!(display_width(&truncate("中文字符", 6)), 5);
        assert_eq!(truncate("a中", 2), "a…");
        assert_eq!(truncate("e\u{301}tude", 3), "e\u{301}t…");
    }

    #[test]
    fn truncate_never_leaves_a_number_cut() {
        assert_eq!(truncate("value 4190000000 yuan", 12), "value …");
        assert_eq!(truncate("value 4,190,000,000 yuan", 12), "value …");
        assert_eq!(truncate("as of 2022-02 (stock)", 12), "as of …");
        assert_eq!(truncate("in 2019 the line opened", 8), "in …");
        assert_eq!(truncate("in 2019 the line opened", 9), "in 2019 …");
        assert_eq!(truncate("2022年青岛上合示范区", 8), "2022年…");
        assert_eq!(truncate("41900000000", 6), "…");
        assert_eq!(truncate("route S012 to Almaty", 9), "route …");
    }

    #[test]
    fn wrap_breaks_at_words_and_only_breaks_a_word_that_cannot_fit() {
        assert_eq!(
            wrap("total value in yuan", 14),
            vec!["total value in", "yuan"]
        );
        assert_eq!(wrap("value_base", 10), vec!["value_base"]);
        assert_eq!(wrap("a  b\tc", 10), vec!["a b c"]);
        assert_eq!(wrap("abcdefgh ij", 3), vec!["abc", "def", "gh", "ij"]);
        assert_eq!(wrap("中文字符", 5), vec!["中文", "字符"]);
        assert_eq!(wrap("中文", 1), vec!["中", "文"]);
        assert_eq!(wrap("two\nlines", 20), vec!["two", "lines"]);
        assert_eq!(wrap("", 5), vec![""]);
    }

    #[test]
    fn the_footer_says_what_was_left_out() {
        assert_eq!(footer(10, 11, 11, 10), "10 rows");
        assert_eq!(footer(1, 3, 3, 1), "1 row");
        assert_eq!(footer(0, 3, 3, 0), "0 rows");
        assert_eq!(footer(10, 11, 7, 10), "10 rows · 11 columns (7 shown)");
        assert_eq!(
            footer(1000, 11, 7, 40),
            "1,000 rows (40 shown) · 11 columns (7 shown)"
        );
        assert_eq!(footer(1_234_567, 2, 2, 40), "1,234,567 rows (40 shown)");
    }

    /// Column headers: one to three words, some wide, some as long as a terminal.
    fn header() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::collection::vec("[a-z_中]{1,12}", 1..4).prop_map(|w| w.join(" ")),
            "[a-z_]{30,50}",
        ]
    }

    /// A column as measured: header, widest rigid cell, text widths.
    fn column() -> impl Strategy<Value = (String, usize, Vec<usize>)> {
        (
            header(),
            prop_oneof![Just(0usize), 1usize..16, 1usize..90],
            prop::collection::vec(0usize..150, 0..6),
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn fit_keeps_its_promises(
            spec in prop::collection::vec(column(), 1..30),
            terminal in 40usize..260,
        ) {
            let columns: Vec<Column> = spec
                .iter()
                .map(|(h, rigid, text)| Column { header: h, rigid: *rigid, text: text.clone() })
                .collect();
            let n = columns.len();
            let plan = fit(&columns, terminal);
            prop_assert!(plan.line() <= terminal);
            prop_assert_eq!(plan.widths.len(), plan.shown.len());
            prop_assert!(plan.shown.windows(2).all(|w| w[0] < w[1]));
            // Left out means marked: the `…` column stands where they went.
            prop_assert_eq!(plan.gap_at.is_some(), plan.shown.len() < n);
            if let Some(g) = plan.gap_at {
                prop_assert!(g <= plan.shown.len());
                prop_assert!(plan.shown[..g].iter().enumerate().all(|(i, &c)| i == c));
                let right = plan.shown.len() - g;
                prop_assert!(plan.shown[g..].iter().enumerate().all(|(i, &c)| c == n - right + i));
            }
            for (&c, &w) in plan.shown.iter().zip(&plan.widths) {
                let column = &columns[c];
                prop_assert!(w >= column.rigid, "rigid cell cut");
                prop_assert!(w >= longest_word(column.header), "header word broken");
                prop_assert!(w >= column.least() && w <= column.natural());
            }
            let natural: Vec<usize> = columns.iter().map(Column::natural).collect();
            if line(&natural) <= terminal {
                prop_assert_eq!(&plan.shown, &(0..n).collect::<Vec<_>>());
                prop_assert_eq!(&plan.widths, &natural);
            }
            let gap = if n > 1 { GAP_WIDTH + PER_COLUMN } else { 0 };
            if line(&[columns[0].least()]) + gap <= terminal {
                prop_assert_eq!(plan.shown.first(), Some(&0));
            }
            let ends = [columns[0].least(), columns[n - 1].least()];
            if n > 1 && line(&ends) + gap <= terminal {
                prop_assert_eq!(plan.shown.last(), Some(&(n - 1)));
            }
            // No width is wasted while some column is drawn narrower than it is.
            let shortened = plan.shown.iter().zip(&plan.widths).any(|(&c, &w)| w < natural[c]);
            if shortened {
                prop_assert_eq!(plan.line(), terminal);
            }
        }

        #[test]
        fn drawn_tables_never_cut_a_number_a_date_or_a_key(
            headers in prop::collection::vec(
                prop_oneof![
                    Just("ref"), Just("subject"), Just("value_base"), Just("total value"),
                    Just("country_code"), Just("note 中文"), Just("period"),
                ],
                1..16,
            ),
            cells in prop::collection::vec(
                prop::collection::vec(
                    prop_oneof![
                        "#[0-9]{1,12}",
                        "#-?[0-9]{1,6}\\.[0-9]{1,6}",
                        "[12][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9])",
                        "[a-z]{1,9}( [a-z0-9]{1,9}){0,8}",
                        "[中文字 ]{0,30}",
                        "[A-Z][0-9]{2,4}",
                    ],
                    16,
                ),
                0..6,
            ),
            terminal in 40usize..200,
        ) {
            let mut result = Grid::new(&headers);
            for row in &cells {
                let row: Vec<&str> = row.iter().take(headers.len()).map(String::as_str).collect();
                result = result.row(&row);
            }
            result.check(terminal);
        }

        #[test]
        fn truncate_fits_and_only_cuts_the_end(text in "\\PC{0,30}|[中a1 ,]{0,30}", width in 0usize..25) {
            let cut = truncate(&text, width);
            prop_assert!(display_width(&cut) <= width);
            if display_width(&text) <= width {
                prop_assert_eq!(&cut, &text);
            } else if width > 0 && !text.contains('…') {
                let kept = cut.strip_suffix('…');
                prop_assert!(kept.is_some_and(|k| text.starts_with(k)), "{:?}", cut);
                prop_assert!(!cut_number(&cut), "{:?}", cut);
            }
        }

        #[test]
        fn wrap_fits_and_keeps_every_word(text in "\\PC{0,40}|[中a1 ]{0,40}", width in 2usize..20) {
            let lines = wrap(&text, width);
            prop_assert!(lines.iter().all(|l| display_width(l) <= width), "{:?}", lines);
            let squeeze = |s: &str| s.split_whitespace().collect::<String>();
            prop_assert_eq!(squeeze(&lines.concat()), squeeze(&text));
            for word in text.split_whitespace().filter(|w| display_width(w) <= width) {
                prop_assert!(
                    lines.iter().any(|l| l.split_whitespace().any(|p| p == word)),
                    "{:?} broken: {:?}", word, lines
                );
            }
        }

    }
}
