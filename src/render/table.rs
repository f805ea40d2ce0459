//! table, box and markdown: the cells of a result held as drawn (numbers readable and
//! right-aligned, NULL shown, text made safe), a row limit that keeps the head and a ring of
//! the tail, the layout (every column whole when piped, `fit.rs`'s plan on a terminal),
//! and the footer. `draw.rs` writes the lines.
//!
//! There is one drawer for every case. It writes the lines itself from the held cells (no
//! per-cell objects), which keeps a 100,000-row piped table fast and small, and the same
//! code draws a fitted table, so what is tested in a pipe is what a terminal shows.

mod draw;

use std::collections::VecDeque;

use super::fit::{self, Plan, display_width};
use super::kind::{Kind, is_key_column};
use super::numbers::{self, GROUP_FROM, Numbers};
use super::{Mode, Options, Renderer};
use crate::value::{Cell, thousands};
use crate::visible::picture;
use draw::Slot;

/// What a held cell is. A number is right-aligned and reshaped by `.numbers`; NULL is
/// aligned with its column and never cut; `MULTI` text spans lines; `WIDE` text has
/// characters outside ASCII, so its width is measured rather than counted.
const NUMBER: u8 = 1;
const NULL: u8 = 2;
const MULTI: u8 = 4;
const WIDE: u8 = 8;

/// The longest word a wrapped listing keeps whole whatever the width; longer ones (an
/// address) may be broken across lines.
const WORD_MAX: usize = 20;

/// Cells held for drawing, in one text arena: a 100,000-row result costs its text and two
/// integers a cell, not an allocation per cell.
#[derive(Default)]
struct Cells {
    text: String,
    ends: Vec<usize>,
    flags: Vec<u8>,
}

impl Cells {
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
    opts: Options,
    columns: Vec<String>,
    head: Cells,
    /// Rows held in `head`.
    head_rows: usize,
    /// The last rows, when a limit is on: a ring of at most `tail_cap` rows.
    tail: VecDeque<Vec<(String, u8)>>,
    head_cap: usize,
    tail_cap: usize,
    total: u64,
    /// The columns whose numbers are drawn with thousands separators (decided at the end).
    grouped: Vec<bool>,
    /// Where a cell is formatted, reused from row to row.
    scratch: String,
    /// The flags of every held cell or'ed together: whether any spans lines or is NULL.
    shapes: u8,
}

impl TableRenderer {
    pub fn new(opts: Options) -> Self {
        let (head_cap, tail_cap) = match opts.maxrows {
            Some(n) => (n.div_ceil(2), n / 2),
            None => (usize::MAX, 0),
        };
        TableRenderer {
            opts,
            columns: Vec::new(),
            head: Cells::default(),
            head_rows: 0,
            tail: VecDeque::new(),
            head_cap,
            tail_cap,
            total: 0,
            grouped: Vec::new(),
            scratch: String::new(),
            shapes: 0,
        }
    }

    /// The text of a cell as held, and its flags.
    fn format(&self, cell: &Cell, out: &mut String) -> u8 {
        out.clear();
        match *cell {
            Cell::Null => {
                let default = if self.opts.mode == Mode::Markdown {
                    ""
                } else {
                    "NULL"
                };
                // `.nullvalue` (or the config's `nullvalue`) is text like any cell's.
                NULL | push_visible(out, self.opts.nullvalue.as_deref().unwrap_or(default))
            }
            Cell::Integer(v) => {
                out.push_str(itoa::Buffer::new().format(v));
                NUMBER
            }
            Cell::Real(v, t) => {
                numbers::push_real(out, v, t);
                NUMBER
            }
            Cell::Text(t) => match std::str::from_utf8(t) {
                Ok(text) => self.push_text(out, text),
                Err(_) => self.push_text(out, &String::from_utf8_lossy(t)),
            },
            Cell::Blob(b) => {
                out.push_str(&blob_text(b));
                shape(out)
            }
        }
    }

    /// Appends text made safe for the mode; returns its shape (`MULTI`, `WIDE`).
    fn push_text(&self, out: &mut String, text: &str) -> u8 {
        if self.opts.mode == Mode::Markdown {
            out.push_str(&markdown(text));
            shape(out)
        } else {
            push_visible(out, text)
        }
    }

    fn head_rows(&self) -> usize {
        self.head_rows
    }

    fn has_ellipsis(&self) -> bool {
        ((self.head_rows() + self.tail.len()) as u64) < self.total
    }

    fn is_ellipsis(&self, r: usize) -> bool {
        self.has_ellipsis() && r == self.head_rows()
    }

    /// Rows as drawn: the head, the `…` row when rows were left out, the tail.
    fn drawn_rows(&self) -> usize {
        self.head_rows() + usize::from(self.has_ellipsis()) + self.tail.len()
    }

    /// The cell at drawn row `r`, column `c`, as held (before grouping).
    fn cell(&self, r: usize, c: usize) -> (&str, u8) {
        let n = self.columns.len();
        let head = self.head_rows();
        if r < head {
            return self.head.cell(r * n + c);
        }
        let mut r = r - head;
        if self.has_ellipsis() {
            if r == 0 {
                return ("…", WIDE);
            }
            r -= 1;
        }
        self.tail[r]
            .get(c)
            .map_or(("", 0), |(t, f)| (t.as_str(), *f))
    }

    /// The cell as drawn: its numbers grouped when its column is, into `scratch`.
    fn shown<'a>(&'a self, r: usize, c: usize, scratch: &'a mut String) -> (&'a str, u8) {
        let (text, flags) = self.cell(r, c);
        if flags & NUMBER != 0 && self.is_grouped(c) {
            scratch.clear();
            numbers::push_grouped(scratch, text);
            return (scratch.as_str(), flags);
        }
        (text, flags)
    }

    fn is_grouped(&self, c: usize) -> bool {
        self.grouped.get(c).copied().unwrap_or(false)
    }

    /// Width of a cell of column `c` as drawn (its widest line), counted without drawing it.
    fn width(&self, c: usize, text: &str, flags: u8) -> usize {
        let w = lines_width(text, flags);
        if flags & NUMBER != 0 && self.is_grouped(c) {
            w + numbers::integer_digits(text).saturating_sub(1) / 3
        } else {
            w
        }
    }

    /// A column is numeric when every non-NULL value in it is; its header, NULLs and the
    /// `…` row align with it.
    fn numeric(&self) -> Vec<bool> {
        (0..self.columns.len())
            .map(|c| {
                let mut seen = false;
                for r in 0..self.drawn_rows() {
                    let (_, flags) = self.cell(r, c);
                    if flags & NULL != 0 || self.is_ellipsis(r) {
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

    /// Applies `.numbers` to the held numbers, column by column: a column is grouped when
    /// one of its numbers reaches `GROUP_FROM` integer digits; key columns (`id`, `ref`,
    /// …) are never reshaped, since an identifier is not a quantity. Grouping is done as
    /// the cells are drawn; `short` rewrites the numbers it shortens.
    fn reshape_numbers(&mut self) {
        let n = self.columns.len();
        let style = self.opts.numbers;
        let keys: Vec<bool> = self.columns.iter().map(|c| is_key_column(c)).collect();
        self.grouped = (0..n)
            .map(|c| {
                style != Numbers::Plain
                    && !keys[c]
                    && (0..self.drawn_rows()).any(|r| {
                        let (text, flags) = self.cell(r, c);
                        flags & NUMBER != 0 && numbers::integer_digits(text) >= GROUP_FROM
                    })
            })
            .collect();
        if style != Numbers::Short || !keys.contains(&false) {
            return;
        }
        let grouped = std::mem::replace(&mut self.grouped, vec![false; n]);
        let reshape = |c: usize, text: &str, flags: u8, out: &mut String| {
            out.clear();
            if flags & NUMBER == 0 || keys[c] {
                out.push_str(text);
            } else {
                numbers::push_short(out, text, grouped[c]);
            }
        };
        let mut head = Cells::default();
        let mut scratch = String::new();
        for i in 0..self.head.len() {
            let (text, flags) = self.head.cell(i);
            reshape(i % n, text, flags, &mut scratch);
            head.push(&scratch, flags);
        }
        for row in &mut self.tail {
            for (c, (text, flags)) in row.iter_mut().enumerate() {
                reshape(c, text, *flags, &mut scratch);
                std::mem::swap(text, &mut scratch);
            }
        }
        self.head = head;
    }

    fn header_text(&self, name: &str) -> String {
        let mut out = String::new();
        self.push_text(&mut out, name);
        out
    }

    /// Every column at the width of its widest line: how a table is drawn when piped, or
    /// when it fits the terminal.
    fn natural(&self, headers: &[String]) -> Vec<Slot> {
        let mut widths: Vec<usize> = headers
            .iter()
            .map(|h| lines_width(h, shape(h)).max(1))
            .collect();
        for r in 0..self.drawn_rows() {
            for (c, w) in widths.iter_mut().enumerate() {
                let (text, flags) = self.cell(r, c);
                *w = (*w).max(self.width(c, text, flags));
            }
        }
        widths
            .into_iter()
            .enumerate()
            .map(|(c, w)| Slot::Column(c, w))
            .collect()
    }

    /// The plan for a terminal `terminal` columns wide: the cells measured by kind, so that
    /// only free text can be drawn narrower than it is.
    fn fitted(&self, headers: &[String], terminal: usize) -> Vec<Slot> {
        let keys: Vec<bool> = self.columns.iter().map(|c| is_key_column(c)).collect();
        let mut columns: Vec<fit::Column> = headers.iter().map(|h| fit::Column::new(h)).collect();
        for r in 0..self.drawn_rows() {
            for (c, column) in columns.iter_mut().enumerate() {
                let (text, flags) = self.cell(r, c);
                let kind = if flags & NUMBER != 0 {
                    Kind::Number
                } else if flags & NULL != 0 || self.is_ellipsis(r) {
                    Kind::Key
                } else {
                    Kind::of(false, keys[c], text)
                };
                // In a listing, a cell of one word is a name (a table, a column, a query):
                // shown whole or left out with its column, never broken across lines.
                let kind = if self.opts.wrap_text
                    && kind == Kind::Text
                    && !text.contains(char::is_whitespace)
                {
                    Kind::Key
                } else {
                    kind
                };
                column.push(kind, self.width(c, text, flags));
                if self.opts.wrap_text && kind == Kind::Text {
                    // A listing wraps between words, so its column is kept as wide as its
                    // longest word (up to a limit), and no word is broken.
                    column.push(Kind::Key, fit::longest_word(text).min(WORD_MAX));
                }
            }
        }
        let Plan {
            shown,
            widths,
            gap_at,
        } = fit::fit(&columns, terminal);
        let mut slots: Vec<Slot> = shown
            .iter()
            .zip(&widths)
            .map(|(&c, &w)| Slot::Column(c, w))
            .collect();
        if let Some(g) = gap_at {
            slots.insert(g, Slot::Gap);
        }
        slots
    }
}

/// `MULTI` and `WIDE` as they apply to `text`.
fn shape(text: &str) -> u8 {
    let mut flags = 0;
    if text.contains('\n') {
        flags |= MULTI;
    }
    if !text.is_ascii() {
        flags |= WIDE;
    }
    flags
}

/// Width of the widest line of a held text.
fn lines_width(text: &str, flags: u8) -> usize {
    if flags & MULTI != 0 {
        text.split('\n').map(display_width).max().unwrap_or(0)
    } else if flags & WIDE != 0 {
        display_width(text)
    } else {
        text.len()
    }
}

/// Appends text made safe to draw in a cell: tabs become spaces, CRLF a newline, and other
/// control characters their visible Unicode pictures, so no value can move the cursor or
/// recolour the terminal. Returns its shape, found in the same pass.
fn push_visible(out: &mut String, s: &str) -> u8 {
    let mut flags = 0;
    let mut is_plain = true;
    for &b in s.as_bytes() {
        match b {
            b'\n' => flags |= MULTI,
            // C1 controls (U+0080–U+009F) are encoded with a leading 0xC2 byte.
            0..0x20 | 0x7f | 0xc2 => is_plain = false,
            0x80.. => flags |= WIDE,
            _ => {}
        }
    }
    if is_plain {
        out.push_str(s);
        return flags;
    }
    let start = out.len();
    for c in s.replace("\r\n", "\n").chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push_str("    "),
            c => out.push(picture(c).unwrap_or(c)),
        }
    }
    shape(&out[start..])
}

/// A markdown cell holds one line and no bare `|`.
fn markdown(s: &str) -> String {
    let mut out = String::new();
    push_visible(&mut out, s);
    out.replace('|', "\\|").replace('\n', "<br>")
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

impl Renderer for TableRenderer {
    fn begin(&mut self, _out: &mut Vec<u8>, columns: &[String]) {
        self.columns = columns.to_vec();
    }

    fn row(&mut self, _out: &mut Vec<u8>, cells: &[Cell<'_>]) {
        self.total += 1;
        let mut scratch = std::mem::take(&mut self.scratch);
        if self.head_rows < self.head_cap {
            for cell in cells {
                let flags = self.format(cell, &mut scratch);
                self.shapes |= flags;
                self.head.push(&scratch, flags);
            }
            self.head_rows += 1;
        } else if self.tail_cap > 0 {
            if self.tail.len() == self.tail_cap {
                self.tail.pop_front();
            }
            let held = cells
                .iter()
                .map(|cell| {
                    let flags = self.format(cell, &mut scratch);
                    self.shapes |= flags;
                    (scratch.clone(), flags)
                })
                .collect();
            self.tail.push_back(held);
        }
        self.scratch = scratch;
    }

    fn end(&mut self, out: &mut Vec<u8>) {
        self.reshape_numbers();
        let headers: Vec<String> = self
            .columns
            .iter()
            .map(|c| {
                if self.opts.headers {
                    self.header_text(c)
                } else {
                    String::new()
                }
            })
            .collect();
        // Markdown is made to be pasted, so it is never fitted: a cut cell would be pasted
        // cut.
        let terminal = self.opts.width.filter(|_| self.opts.mode != Mode::Markdown);
        let slots = match terminal {
            Some(w) => self.fitted(&headers, usize::from(w)),
            None => self.natural(&headers),
        };
        if self.opts.headers || self.drawn_rows() > 0 {
            self.draw(out, &headers, &slots, terminal.is_some());
        }
        if self.opts.mode == Mode::Markdown {
            return;
        }
        let shown = slots
            .iter()
            .filter(|s| matches!(s, Slot::Column(..)))
            .count();
        let rows_shown = (self.head_rows() + self.tail.len()) as u64;
        let mut footer = fit::footer(self.total, self.columns.len(), shown, rows_shown);
        // On a narrow terminal rows and columns get a line each, so the footer fits too.
        if terminal.is_some_and(|w| display_width(&footer) > usize::from(w)) {
            footer = footer.replace(" · ", "\n");
        }
        out.extend_from_slice(footer.as_bytes());
        out.push(b'\n');
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests;
