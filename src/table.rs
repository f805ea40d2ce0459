//! table, box and markdown on comfy-table: numbers right-aligned, NULL shown, wide
//! characters measured, width fitted to the terminal, a row limit that keeps the head and a
//! ring of the tail, and the `N rows` footer.

use std::collections::VecDeque;

use comfy_table::{
    Attribute, Cell as TCell, CellAlignment, Color, ContentArrangement, ContentLineStyle,
    LineStyle, Table, TableStyle, presets,
};

use crate::exec::{Cell, Row};
use crate::render::{Mode, Options, Renderer};

/// Light borders, one rule under the header (the look of DuckDB's shell).
const TABLE: TableStyle = TableStyle::new()
    .top_border(LineStyle::new('┌', '─', '┬', '┐'))
    .header_lines(ContentLineStyle::new('│', '│', '│'))
    .header_separator(LineStyle::new('├', '─', '┼', '┤'))
    .content_lines(ContentLineStyle::new('│', '│', '│'))
    .bottom_border(LineStyle::new('└', '─', '┴', '┘'));

/// Heavier: a double rule under the header and a rule between every row.
const BOX: TableStyle = TableStyle::new()
    .top_border(LineStyle::new('┌', '─', '┬', '┐'))
    .header_lines(ContentLineStyle::new('│', '│', '│'))
    .header_separator(LineStyle::new('╞', '═', '╪', '╡'))
    .content_lines(ContentLineStyle::new('│', '│', '│'))
    .row_separator(LineStyle::new('├', '─', '┼', '┤'))
    .bottom_border(LineStyle::new('└', '─', '┴', '┘'));

/// One cell as drawn: its text and whether it is a number (right-aligned) or NULL.
#[derive(Debug, Clone)]
struct Drawn {
    text: String,
    is_number: bool,
    is_null: bool,
}

pub struct TableRenderer {
    mode: Mode,
    opts: Options,
    columns: Vec<String>,
    head: Vec<Vec<Drawn>>,
    tail: VecDeque<Vec<Drawn>>,
    head_cap: usize,
    tail_cap: usize,
    total: u64,
}

impl TableRenderer {
    pub fn new(mode: Mode, opts: Options) -> Self {
        let (head_cap, tail_cap) = match opts.maxrows {
            Some(n) => (n.div_ceil(2), n / 2),
            None => (usize::MAX, 0),
        };
        TableRenderer {
            mode,
            opts,
            columns: Vec::new(),
            head: Vec::new(),
            tail: VecDeque::new(),
            head_cap,
            tail_cap,
            total: 0,
        }
    }

    fn draw(&self, cell: &Cell) -> Drawn {
        let (text, is_number) = match *cell {
            Cell::Null => {
                let text = self.opts.nullvalue.clone().unwrap_or_else(|| "NULL".into());
                return Drawn {
                    text,
                    is_number: false,
                    is_null: true,
                };
            }
            Cell::Integer(v) => (itoa::Buffer::new().format(v).to_string(), true),
            Cell::Real(_, t) => (String::from_utf8_lossy(t).into_owned(), true),
            Cell::Text(t) if self.mode == Mode::Markdown => {
                (markdown(&String::from_utf8_lossy(t)), false)
            }
            Cell::Text(t) => (visible(&String::from_utf8_lossy(t)), false),
            Cell::Blob(b) => (blob_text(b), false),
        };
        Drawn {
            text,
            is_number,
            is_null: false,
        }
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

/// `1234567` → `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
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

    fn row(&mut self, _out: &mut Vec<u8>, row: &Row) {
        self.total += 1;
        if self.head.len() < self.head_cap {
            let drawn = (0..row.len()).map(|i| self.draw(&row.cell(i))).collect();
            self.head.push(drawn);
        } else if self.tail_cap > 0 {
            if self.tail.len() == self.tail_cap {
                self.tail.pop_front();
            }
            let drawn = (0..row.len()).map(|i| self.draw(&row.cell(i))).collect();
            self.tail.push_back(drawn);
        }
    }

    fn end(&mut self, out: &mut Vec<u8>) {
        let mut table = Table::new();
        table.load_style(match self.mode {
            Mode::Box => BOX,
            Mode::Markdown => presets::ASCII_MARKDOWN,
            _ => TABLE,
        });
        if self.opts.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        match self.opts.width {
            Some(w) => {
                table.set_content_arrangement(ContentArrangement::Dynamic);
                table.set_width(w);
            }
            None => {
                table.set_content_arrangement(ContentArrangement::Disabled);
            }
        }
        let shown = self.head.len() + self.tail.len();
        let rows = self.head.iter().chain(self.tail.iter());
        // A column is numeric when every non-NULL value in it is; its header aligns with it.
        let numeric: Vec<bool> = (0..self.columns.len())
            .map(|i| {
                let mut values = rows
                    .clone()
                    .filter_map(|r| r.get(i))
                    .filter(|d| !d.is_null)
                    .peekable();
                values.peek().is_some() && values.all(|d| d.is_number)
            })
            .collect();
        if self.opts.headers {
            let header: Vec<TCell> = self
                .columns
                .iter()
                .enumerate()
                .map(|(i, name)| {
                    let name = if self.mode == Mode::Markdown {
                        markdown(name)
                    } else {
                        visible(name)
                    };
                    let mut c = TCell::new(name);
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
        let to_row = |r: &Vec<Drawn>| -> Vec<TCell> {
            r.iter()
                .enumerate()
                .map(|(i, d)| {
                    let mut c = TCell::new(&d.text);
                    if d.is_number || (d.is_null && numeric.get(i).copied().unwrap_or(false)) {
                        c = c.set_alignment(CellAlignment::Right);
                    }
                    if d.is_null && self.opts.color {
                        c = c.fg(Color::DarkGrey);
                    }
                    c
                })
                .collect()
        };
        for r in &self.head {
            table.add_row(to_row(r));
        }
        if (shown as u64) < self.total {
            let ellipsis: Vec<TCell> = (0..self.columns.len())
                .map(|i| {
                    let c = TCell::new("…");
                    if numeric[i] {
                        c.set_alignment(CellAlignment::Right)
                    } else {
                        c
                    }
                })
                .collect();
            table.add_row(ellipsis);
        }
        for r in &self.tail {
            table.add_row(to_row(r));
        }
        out.extend_from_slice(table.to_string().as_bytes());
        out.push(b'\n');
        out.extend_from_slice(footer(self.total, shown as u64).as_bytes());
        out.push(b'\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits_by_three() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
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
