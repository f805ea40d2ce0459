//! table, box and markdown on comfy-table: numbers right-aligned, NULL shown, wide
//! characters measured, width fitted to the terminal, a row limit that keeps the head and a
//! ring of the tail, and the `N rows` footer.

use std::collections::VecDeque;

use comfy_table::{
    Attribute, Cell as TCell, CellAlignment, Color, ContentArrangement, ContentLineStyle,
    LineStyle, Table, TableStyle,
};

use super::{Mode, Options, Renderer};
use crate::value::{Cell, thousands};

/// The lines of a table style, in one place for both drawers.
#[derive(Clone, Copy)]
struct Frame {
    top: LineStyle,
    header_separator: LineStyle,
    row_separator: LineStyle,
    bottom: LineStyle,
    content: ContentLineStyle,
}

/// table: light borders and one rule under the header (the look of DuckDB's shell); box:
/// heavier, a double rule under the header and a rule between rows; markdown: GitHub's.
fn frame(mode: Mode) -> Frame {
    let light = ContentLineStyle::new('│', '│', '│');
    match mode {
        Mode::Markdown => Frame {
            top: LineStyle::none(),
            header_separator: LineStyle::new('|', '-', '|', '|'),
            row_separator: LineStyle::none(),
            bottom: LineStyle::none(),
            content: ContentLineStyle::new('|', '|', '|'),
        },
        Mode::Box => Frame {
            top: LineStyle::new('┌', '─', '┬', '┐'),
            header_separator: LineStyle::new('╞', '═', '╪', '╡'),
            row_separator: LineStyle::new('├', '─', '┼', '┤'),
            bottom: LineStyle::new('└', '─', '┴', '┘'),
            content: light,
        },
        // Only the table modes reach here; the others have no frame and share table's.
        Mode::Table
        | Mode::List
        | Mode::Csv
        | Mode::Tabs
        | Mode::Line
        | Mode::Quote
        | Mode::Insert
        | Mode::Html
        | Mode::Json
        | Mode::Jsonl => Frame {
            top: LineStyle::new('┌', '─', '┬', '┐'),
            header_separator: LineStyle::new('├', '─', '┼', '┤'),
            row_separator: LineStyle::none(),
            bottom: LineStyle::new('└', '─', '┴', '┘'),
            content: light,
        },
    }
}

fn is_drawn(l: LineStyle) -> bool {
    l.left.is_some() || l.fill.is_some() || l.junction.is_some() || l.right.is_some()
}

impl Frame {
    fn comfy(self) -> TableStyle {
        let mut style = TableStyle::new()
            .header_lines(self.content)
            .content_lines(self.content);
        if is_drawn(self.top) {
            style = style.top_border(self.top);
        }
        if is_drawn(self.header_separator) {
            style = style.header_separator(self.header_separator);
        }
        if is_drawn(self.row_separator) {
            style = style.row_separator(self.row_separator);
        }
        if is_drawn(self.bottom) {
            style = style.bottom_border(self.bottom);
        }
        style
    }
}

/// A drawn cell is a number (right-aligned) or NULL (aligned with its column).
const NUMBER: u8 = 1;
const NULL: u8 = 2;

/// Cells kept for drawing, in one text arena: a 100,000-row result costs its text and two
/// integers a cell, not an allocation per cell.
#[derive(Default)]
struct Kept {
    text: String,
    ends: Vec<usize>,
    flags: Vec<u8>,
}

impl Kept {
    fn push(&mut self, text: &str, flags: u8) {
        self.text.push_str(text);
        self.ends.push(self.text.len());
        self.flags.push(flags);
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn cell(&self, i: usize) -> (&str, u8) {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        (&self.text[start..self.ends[i]], self.flags[i])
    }
}

pub struct TableRenderer {
    mode: Mode,
    opts: Options,
    columns: Vec<String>,
    head: Kept,
    /// The last rows, when a limit is on: a ring of at most `tail_cap` rows.
    tail: VecDeque<Vec<(String, u8)>>,
    head_cap: usize,
    tail_cap: usize,
    total: u64,
}

impl TableRenderer {
    pub fn new(opts: Options) -> Self {
        let mode = opts.mode;
        let (head_cap, tail_cap) = match opts.maxrows {
            Some(n) => (n.div_ceil(2), n / 2),
            None => (usize::MAX, 0),
        };
        TableRenderer {
            mode,
            opts,
            columns: Vec::new(),
            head: Kept::default(),
            tail: VecDeque::new(),
            head_cap,
            tail_cap,
            total: 0,
        }
    }

    /// The text of a cell as drawn, and its flags.
    fn draw(&self, cell: &Cell, scratch: &mut String) -> u8 {
        scratch.clear();
        match *cell {
            Cell::Null => {
                scratch.push_str(self.opts.nullvalue.as_deref().unwrap_or("NULL"));
                NULL
            }
            Cell::Integer(v) => {
                scratch.push_str(itoa::Buffer::new().format(v));
                NUMBER
            }
            Cell::Real(_, t) => {
                scratch.push_str(&String::from_utf8_lossy(t));
                NUMBER
            }
            Cell::Text(t) => {
                let t = String::from_utf8_lossy(t);
                if self.mode == Mode::Markdown {
                    scratch.push_str(&markdown(&t));
                } else {
                    scratch.push_str(&visible(&t));
                }
                0
            }
            Cell::Blob(b) => {
                scratch.push_str(&blob_text(b));
                0
            }
        }
    }

    fn head_rows(&self) -> usize {
        self.head.len() / self.columns.len().max(1)
    }

    fn has_ellipsis(&self) -> bool {
        ((self.head_rows() + self.tail.len()) as u64) < self.total
    }

    /// Rows as drawn: the head, the `…` row when rows were left out, the tail.
    fn drawn_rows(&self) -> usize {
        self.head_rows() + usize::from(self.has_ellipsis()) + self.tail.len()
    }

    fn cell(&self, r: usize, c: usize) -> (&str, u8) {
        let n = self.columns.len();
        let head = self.head_rows();
        if r < head {
            return self.head.cell(r * n + c);
        }
        let r = r - head;
        if self.has_ellipsis() {
            if r == 0 {
                return ("…", 0);
            }
            return self.tail[r - 1]
                .get(c)
                .map_or(("", 0), |(t, f)| (t.as_str(), *f));
        }
        self.tail[r]
            .get(c)
            .map_or(("", 0), |(t, f)| (t.as_str(), *f))
    }

    /// A column is numeric when every non-NULL value in it is; its header, NULLs and the
    /// `…` row align with it.
    fn numeric(&self) -> Vec<bool> {
        (0..self.columns.len())
            .map(|c| {
                let mut seen = false;
                for r in 0..self.drawn_rows() {
                    let (text, flags) = self.cell(r, c);
                    if flags & NULL != 0 || (flags == 0 && text == "…") {
                        continue;
                    }
                    if flags & NUMBER == 0 {
                        return false;
                    }
                    seen = true;
                }
                seen
            })
            .collect()
    }

    fn is_right(flags: u8, text: &str, numeric: bool) -> bool {
        flags & NUMBER != 0 || ((flags & NULL != 0 || text == "…") && numeric)
    }

    fn header_text(&self, name: &str) -> String {
        if self.mode == Mode::Markdown {
            markdown(name)
        } else {
            visible(name)
        }
    }

    /// The table through comfy-table: used on a terminal (fitting the width) and with colour.
    fn draw_comfy(&self, out: &mut Vec<u8>, numeric: &[bool]) {
        let mut table = Table::new();
        table.load_style(frame(self.mode).comfy());
        if self.opts.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        match self.opts.width {
            Some(w) => {
                table.set_content_arrangement(ContentArrangement::Dynamic);
                table.set_width(w);
                table.set_truncation_indicator("…");
            }
            None => {
                table.set_content_arrangement(ContentArrangement::Disabled);
            }
        }
        if self.opts.headers {
            let header: Vec<TCell> = self
                .columns
                .iter()
                .enumerate()
                .map(|(i, name)| {
                    let mut c = TCell::new(self.header_text(name));
                    if numeric[i] {
                        c = c.set_alignment(CellAlignment::Right);
                    }
                    if self.opts.color {
                        c = c.add_attribute(Attribute::Bold);
                    }
                    c
                })
                .collect();
            table.set_header(header);
        }
        for r in 0..self.drawn_rows() {
            // A row is as tall as its tallest multi-line value; a value too wide for the
            // terminal is cut with `…` rather than wrapped over many lines, so one row of the
            // result stays one row on the screen.
            let height = (0..self.columns.len())
                .map(|c| self.cell(r, c).0.split('\n').count())
                .max()
                .unwrap_or(1);
            let row: Vec<TCell> = (0..self.columns.len())
                .map(|c| {
                    let (text, flags) = self.cell(r, c);
                    let mut cell = TCell::new(text);
                    if Self::is_right(flags, text, numeric[c]) {
                        cell = cell.set_alignment(CellAlignment::Right);
                    }
                    if flags & NULL != 0 && self.opts.color {
                        cell = cell.fg(Color::DarkGrey);
                    }
                    cell
                })
                .collect();
            table.add_row(row);
            if let Some(added) = table.row_mut(r) {
                added.max_height(height);
            }
        }
        out.extend_from_slice(table.to_string().as_bytes());
        out.push(b'\n');
    }

    /// The same drawing as comfy-table's with its content arrangement disabled, written
    /// straight from the kept cells: no per-cell objects, so large results stay small.
    fn draw_lean(&self, out: &mut Vec<u8>, numeric: &[bool]) {
        let frame = frame(self.mode);
        let n = self.columns.len();
        let headers: Vec<String> = self.columns.iter().map(|c| self.header_text(c)).collect();
        let mut widths = vec![0usize; n];
        let mut widen = |c: usize, text: &str| {
            let w = text.split('\n').map(text_width).max().unwrap_or(0).max(1);
            if widths[c] < w {
                widths[c] = w;
            }
        };
        if self.opts.headers {
            for (c, h) in headers.iter().enumerate() {
                widen(c, h);
            }
        }
        for r in 0..self.drawn_rows() {
            for c in 0..n {
                widen(c, self.cell(r, c).0);
            }
        }
        let mut lines: Vec<u8> = Vec::new();
        let rule = |out: &mut Vec<u8>, line: LineStyle| {
            push_char(out, line.left);
            for (c, w) in widths.iter().enumerate() {
                if c > 0 {
                    push_char(out, line.junction.or(Some(' ')));
                }
                for _ in 0..w + 2 {
                    push_char(out, line.fill.or(Some(' ')));
                }
            }
            push_char(out, line.right);
            out.push(b'\n');
        };
        let content = |out: &mut Vec<u8>, cells: &[(&str, bool)], line: ContentLineStyle| {
            let height = cells
                .iter()
                .map(|(t, _)| t.split('\n').count())
                .max()
                .unwrap_or(0);
            let mut parts: Vec<std::str::Split<'_, char>> =
                cells.iter().map(|(t, _)| t.split('\n')).collect();
            for _ in 0..height {
                push_char(out, line.left);
                for (c, part) in parts.iter_mut().enumerate() {
                    if c > 0 {
                        push_char(out, line.junction.or(Some(' ')));
                    }
                    match part.next() {
                        Some(text) => {
                            let pad = widths[c].saturating_sub(text_width(text));
                            let (left, right) = if cells[c].1 { (pad, 0) } else { (0, pad) };
                            spaces(out, 1 + left);
                            out.extend_from_slice(text.as_bytes());
                            spaces(out, right + 1);
                        }
                        None => spaces(out, widths[c] + 2),
                    }
                }
                push_char(out, line.right);
                out.push(b'\n');
            }
        };
        if is_drawn(frame.top) {
            rule(&mut lines, frame.top);
        }
        if self.opts.headers {
            let cells: Vec<(&str, bool)> = headers
                .iter()
                .enumerate()
                .map(|(c, h)| (h.as_str(), numeric[c]))
                .collect();
            content(&mut lines, &cells, frame.content);
            if is_drawn(frame.header_separator) {
                rule(&mut lines, frame.header_separator);
            }
        }
        let rows = self.drawn_rows();
        for r in 0..rows {
            let cells: Vec<(&str, bool)> = (0..n)
                .map(|c| {
                    let (text, flags) = self.cell(r, c);
                    (text, Self::is_right(flags, text, numeric[c]))
                })
                .collect();
            content(&mut lines, &cells, frame.content);
            if r + 1 < rows && is_drawn(frame.row_separator) {
                rule(&mut lines, frame.row_separator);
            }
            if lines.len() >= 64 * 1024 {
                out.append(&mut lines);
            }
        }
        if is_drawn(frame.bottom) {
            rule(&mut lines, frame.bottom);
        }
        out.append(&mut lines);
    }
}

fn push_char(out: &mut Vec<u8>, c: Option<char>) {
    if let Some(c) = c {
        let mut buf = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
}

fn spaces(out: &mut Vec<u8>, n: usize) {
    out.resize(out.len() + n, b' ');
}

/// Display width as comfy-table measures it.
fn text_width(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        unicode_width::UnicodeWidthStr::width(s)
    }
}

/// Text made safe to draw in a cell: tabs become spaces, CRLF a newline, and other control
/// characters their visible Unicode pictures, so no value can move the cursor or recolour
/// the terminal.
fn visible(s: &str) -> String {
    if !s.chars().any(|c| c.is_control() && c != '\n') {
        return s.to_string();
    }
    s.replace("\r\n", "\n")
        .chars()
        .map(|c| match c {
            '\n' => "\n".to_string(),
            '\t' => "    ".to_string(),
            '\u{7f}' => "\u{2421}".to_string(),
            c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32)
                .unwrap_or('\u{fffd}')
                .to_string(),
            c if c.is_control() => '\u{fffd}'.to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// A markdown cell holds one line and no bare `|`.
fn markdown(s: &str) -> String {
    visible(s).replace('|', "\\|").replace('\n', "<br>")
}

/// `X'0A0B'`, cut after 32 bytes with the blob's length.
fn blob_text(b: &[u8]) -> String {
    let mut s = String::from("X'");
    for byte in b.iter().take(32) {
        s.push_str(&format!("{byte:02X}"));
    }
    if b.len() > 32 {
        s.push_str(&format!("…' ({} bytes)", thousands(b.len() as u64)));
    } else {
        s.push('\'');
    }
    s
}

/// The footer under a table: `1 row`, `12 rows`, `1,000 rows (40 shown)`.
pub fn footer(total: u64, shown: u64) -> String {
    let noun = if total == 1 { "row" } else { "rows" };
    if shown < total {
        format!("{} {noun} ({} shown)", thousands(total), thousands(shown))
    } else {
        format!("{} {noun}", thousands(total))
    }
}

impl Renderer for TableRenderer {
    fn begin(&mut self, _out: &mut Vec<u8>, columns: &[String]) {
        self.columns = columns.to_vec();
    }

    fn row(&mut self, _out: &mut Vec<u8>, cells: &[Cell<'_>]) {
        self.total += 1;
        let mut scratch = String::new();
        if self.head_rows() < self.head_cap {
            for cell in cells {
                let flags = self.draw(cell, &mut scratch);
                self.head.push(&scratch, flags);
            }
        } else if self.tail_cap > 0 {
            if self.tail.len() == self.tail_cap {
                self.tail.pop_front();
            }
            let drawn = cells
                .iter()
                .map(|cell| {
                    let flags = self.draw(cell, &mut scratch);
                    (scratch.clone(), flags)
                })
                .collect();
            self.tail.push_back(drawn);
        }
    }

    fn end(&mut self, out: &mut Vec<u8>) {
        let numeric = self.numeric();
        if !self.opts.headers && self.drawn_rows() == 0 {
            // Nothing to draw: no header and no rows; the footer says so.
        } else if self.opts.width.is_some() || self.opts.color {
            self.draw_comfy(out, &numeric);
        } else {
            self.draw_lean(out, &numeric);
        }
        let shown = (self.head_rows() + self.tail.len()) as u64;
        out.extend_from_slice(footer(self.total, shown).as_bytes());
        out.push(b'\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A renderer holding `rows` as if they had been stepped.
    fn filled(
        mode: Mode,
        headers: bool,
        maxrows: Option<usize>,
        names: &[String],
        rows: &[Vec<(String, u8)>],
    ) -> TableRenderer {
        let opts = Options {
            mode,
            headers,
            maxrows,
            ..Options::default()
        };
        let mut t = TableRenderer::new(opts);
        t.columns = names.to_vec();
        for row in rows {
            t.total += 1;
            if t.head_rows() < t.head_cap {
                for (text, flags) in row {
                    t.head.push(text, *flags);
                }
            } else if t.tail_cap > 0 {
                if t.tail.len() == t.tail_cap {
                    t.tail.pop_front();
                }
                t.tail.push_back(row.clone());
            }
        }
        t
    }

    fn cell_strategy() -> impl Strategy<Value = (String, u8)> {
        (
            prop_oneof![
                "[a-z ]{0,6}",
                "[0-9.-]{1,5}",
                Just("中文".to_string()),
                Just("日本語 x".to_string()),
                Just("a\nbb\n".to_string()),
                Just(String::new()),
                Just("é|x".to_string()),
            ],
            prop_oneof![Just(0u8), Just(NUMBER), Just(NULL)],
        )
    }

    #[test]
    fn on_a_terminal_long_values_are_cut_not_wrapped() {
        let long = "a long value that cannot fit in a narrow terminal at all".to_string();
        let names = vec!["text".to_string(), "n".to_string()];
        let rows = vec![
            vec![(long.clone(), 0), ("1".to_string(), NUMBER)],
            vec![("two\nlines".to_string(), 0), ("2".to_string(), NUMBER)],
        ];
        let mut t = filled(Mode::Table, true, None, &names, &rows);
        t.opts.width = Some(30);
        let mut out = Vec::new();
        t.draw_comfy(&mut out, &t.numeric());
        let text = String::from_utf8_lossy(&out);
        // top, header, rule, one line for the first row, two for the second, bottom
        assert_eq!(text.lines().count(), 7, "{text}");
        assert!(text.lines().all(|l| l.chars().count() <= 30), "{text}");
        assert!(text.contains('…'), "{text}");
        assert!(text.contains("lines"), "{text}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn the_lean_drawer_draws_exactly_what_comfy_table_draws(
            (names, rows) in (1usize..4).prop_flat_map(|n| (
                prop::collection::vec("[a-z中]{0,4}", n),
                prop::collection::vec(prop::collection::vec(cell_strategy(), n), 0..6),
            )),
            mode in prop_oneof![Just(Mode::Table), Just(Mode::Box), Just(Mode::Markdown)],
            headers in any::<bool>(),
            maxrows in prop_oneof![Just(None), Just(Some(2)), Just(Some(3))],
        ) {
            prop_assume!(headers || !rows.is_empty());
            let t = filled(mode, headers, maxrows, &names, &rows);
            let numeric = t.numeric();
            let mut lean = Vec::new();
            t.draw_lean(&mut lean, &numeric);
            let mut comfy = Vec::new();
            t.draw_comfy(&mut comfy, &numeric);
            prop_assert_eq!(String::from_utf8_lossy(&lean), String::from_utf8_lossy(&comfy));
        }
    }

    #[test]
    fn footer_says_how_many_rows_and_how_many_are_shown() {
        assert_eq!(footer(1, 1), "1 row");
        assert_eq!(footer(0, 0), "0 rows");
        assert_eq!(footer(1000, 40), "1,000 rows (40 shown)");
    }

    #[test]
    fn control_characters_are_drawn_visibly() {
        assert_eq!(visible("a\tb\x1b[31m"), "a    b\u{241b}[31m");
        assert_eq!(visible("a\r\nb"), "a\nb");
    }

    #[test]
    fn long_blobs_are_cut_after_32_bytes_with_their_length() {
        assert_eq!(blob_text(&[0x0a, 0x0b]), "X'0A0B'");
        let long = blob_text(&[0xff; 40]);
        assert!(long.starts_with(&format!("X'{}", "FF".repeat(32))));
        assert!(long.ends_with("…' (40 bytes)"));
    }
}
