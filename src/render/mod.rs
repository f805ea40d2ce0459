//! Output modes: the `Mode` enum that names them all (defined once, through clap's
//! `ValueEnum`), the `Options` a renderer gets, and the renderer interface: begin / row /
//! end over `Cell`s, writing into a byte buffer the caller drains. Renderers never see the
//! session, so a result stepped from SQLite, a kept result and a dot-command's listing are
//! drawn by the same code.

pub mod chart;
mod fit;
mod html;
mod json;
mod kind;
mod list;
mod numbers;
mod plan;
pub mod prose;
pub mod table;

use std::io::{self, Write};

use clap::ValueEnum;

pub use numbers::Numbers;

use crate::sqlite::Grid;
use crate::value::{Cell, identifier};

/// Every output mode. This one definition drives `--mode`, the shortcuts, `.mode`, `.help`
/// and completion: clap's `ValueEnum` gives the names (and sqlite3's `lines` alias), and
/// each variant's doc comment is its help line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Mode {
    /// Table with UTF-8 borders (default)
    Table,
    /// Table with a rule between every row
    Box,
    /// GitHub-flavoured markdown table
    Markdown,
    /// Values separated by .separator (default |)
    List,
    /// Comma-separated values, quoted as the sqlite3 shell quotes them
    Csv,
    /// Tab-separated values
    Tabs,
    /// One `name = value` line per column, a blank line between rows
    #[value(alias = "lines")]
    Line,
    /// Values as SQL literals
    Quote,
    /// SQL INSERT statements for TABLE
    Insert,
    /// HTML table rows, every value escaped
    Html,
    /// One JSON array of objects per result
    Json,
    /// One JSON object per line
    Jsonl,
}

impl Mode {
    /// Every mode, in the order `.help mode` lists them.
    pub fn all() -> &'static [Mode] {
        Mode::value_variants()
    }

    /// The mode's name as typed (`table`, `csv`, …).
    pub fn name(self) -> String {
        self.to_possible_value()
            .map(|v| v.get_name().to_string())
            .unwrap_or_default()
    }

    /// The one-line help of the mode (its doc comment).
    pub fn help(self) -> String {
        self.to_possible_value()
            .and_then(|v| v.get_help().map(|h| h.to_string()))
            .unwrap_or_default()
    }

    /// The mode named `name` (any case; `lines` is `line`, as in sqlite3).
    pub fn parse(name: &str) -> Option<Mode> {
        <Mode as ValueEnum>::from_str(name, true).ok()
    }

    /// Drawn as a whole table at the end of a result (rows are held, up to the row limit).
    pub fn is_table(self) -> bool {
        matches!(self, Mode::Table | Mode::Box | Mode::Markdown)
    }
}

/// What a renderer needs to know; renderers never see the session. The session keeps one
/// `Options`; a result that needs something else (a `.once` file, `\G`, `.last csv`) gets
/// a copy changed by struct update.
#[derive(Debug, Clone)]
pub struct Options {
    pub mode: Mode,
    pub headers: bool,
    /// Text for NULL; None means the mode's default (`NULL` in tables, empty elsewhere).
    pub nullvalue: Option<String>,
    pub colsep: String,
    pub rowsep: String,
    /// Target of `insert` mode, already quoted when it needs it.
    pub table_name: String,
    /// Table modes: draw at most this many rows (head and tail); None = all.
    pub maxrows: Option<usize>,
    /// Table modes: fit to this terminal width.
    pub width: Option<u16>,
    /// Table modes, when fitted: text too wide for its column wraps inside its cell (the
    /// listings of dot-commands, which are documentation) instead of being cut with `…`
    /// (query results, where one row stays one line).
    pub wrap_text: bool,
    /// Table modes: how numbers read (`.numbers`).
    pub numbers: Numbers,
    pub color: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            mode: Mode::Table,
            headers: true,
            nullvalue: None,
            colsep: "|".into(),
            rowsep: "\n".into(),
            table_name: "\"table\"".into(),
            maxrows: None,
            width: None,
            wrap_text: false,
            numbers: Numbers::Grouped,
            color: false,
        }
    }
}

impl Options {
    /// Switches mode and resets the separators the way the sqlite3 shell's `.mode` does.
    /// `from_flag` is sqlite3's command-line behaviour: `-csv` keeps a `\n` row separator
    /// where `.mode csv` sets `\r\n`. `table` names insert mode's target.
    pub fn set_mode(&mut self, mode: Mode, from_flag: bool, table: Option<&str>) {
        self.mode = mode;
        match mode {
            // sqlite3's `-list` option changes the mode only (`-csv -list` prints `1,2`);
            // `.mode list` resets the separators.
            Mode::List if from_flag => {}
            Mode::List => {
                self.colsep = "|".into();
                self.rowsep = "\n".into();
            }
            Mode::Csv => {
                self.colsep = ",".into();
                if !from_flag {
                    self.rowsep = "\r\n".into();
                }
            }
            // sqlite3's `-tabs` sets both separators, its `.mode tabs` only the column one;
            // `-line` sets the mode only, `.mode line` the row separator too.
            Mode::Tabs => {
                self.colsep = "\t".into();
                if from_flag {
                    self.rowsep = "\n".into();
                }
            }
            Mode::Line if from_flag => {}
            Mode::Line => self.rowsep = "\n".into(),
            Mode::Quote => {
                self.colsep = ",".into();
                self.rowsep = "\n".into();
            }
            Mode::Insert => self.table_name = identifier(table.unwrap_or("table")),
            Mode::Table | Mode::Box | Mode::Markdown | Mode::Html | Mode::Json | Mode::Jsonl => {}
        }
    }
}

/// A renderer receives one result: its column names, then each row as it is stepped, then
/// the end. Output goes into `out`, which the caller drains to the sink as it grows.
pub trait Renderer {
    fn begin(&mut self, out: &mut Vec<u8>, columns: &[String]);
    fn row(&mut self, out: &mut Vec<u8>, cells: &[Cell<'_>]);
    fn end(&mut self, out: &mut Vec<u8>);
}

/// Draws nothing: the renderer of a result that is only kept (`.chart --next` draws it).
pub struct Discard;

impl Renderer for Discard {
    fn begin(&mut self, _out: &mut Vec<u8>, _columns: &[String]) {}
    fn row(&mut self, _out: &mut Vec<u8>, _cells: &[Cell<'_>]) {}
    fn end(&mut self, _out: &mut Vec<u8>) {}
}

/// The renderer for `opts.mode`, for one result.
pub fn renderer(opts: &Options) -> Box<dyn Renderer> {
    let opts = opts.clone();
    match opts.mode {
        Mode::Table | Mode::Box | Mode::Markdown => Box::new(table::TableRenderer::new(opts)),
        Mode::List | Mode::Tabs => Box::new(list::List::new(opts, list::Fields::Plain)),
        Mode::Csv => Box::new(list::List::new(opts, list::Fields::Csv)),
        Mode::Quote => Box::new(list::List::new(opts, list::Fields::Quote)),
        Mode::Line => Box::new(list::Line::new(opts)),
        Mode::Insert => Box::new(list::Insert::new(opts)),
        Mode::Html => Box::new(html::Html::new(opts)),
        Mode::Json => Box::new(json::Json::new(false)),
        Mode::Jsonl => Box::new(json::Json::new(true)),
    }
}

/// The renderer for the result of `EXPLAIN QUERY PLAN`: sqlite3's tree in every mode but
/// `json` and `jsonl`, which stay JSON (None: use `renderer`).
pub fn query_plan_renderer(opts: &Options) -> Option<Box<dyn Renderer>> {
    match opts.mode {
        Mode::Json | Mode::Jsonl => None,
        mode => Some(Box::new(plan::QueryPlan::new(mode.is_table()))),
    }
}

/// Draws a result held in memory with `opts`, into `out`.
pub fn render_grid(opts: &Options, grid: &Grid, out: &mut dyn Write) -> io::Result<()> {
    let mut r = renderer(opts);
    let mut buf = Vec::new();
    r.begin(&mut buf, &grid.columns);
    let mut cells = Vec::with_capacity(grid.columns.len());
    for row in &grid.rows {
        cells.clear();
        cells.extend(row.iter().map(|v| v.cell()));
        r.row(&mut buf, &cells);
    }
    r.end(&mut buf);
    out.write_all(&buf)?;
    out.flush()
}

/// A result kept in memory as it was drawn, so `.last` (and the commands that work on the
/// last result) can use it again. Memory stays bounded: at most `KEEP_ROWS` rows and
/// `KEEP_BYTES` bytes of values are kept; past that the result is marked incomplete and
/// `.last` says so. Values sit in one byte arena, so keeping a row costs no allocation.
#[derive(Debug, Clone, Default)]
pub struct Kept {
    columns: Vec<String>,
    cells: Vec<KeptCell>,
    bytes: Vec<u8>,
    /// Rows the result had, kept or not.
    pub total: u64,
    pub is_complete: bool,
}

/// One kept value; text and blobs (and a real's text) are a range of the arena.
#[derive(Debug, Clone, Copy)]
enum KeptCell {
    Null,
    Integer(i64),
    Real(f64, u32, u32),
    Text(u32, u32),
    Blob(u32, u32),
}

impl Kept {
    pub const KEEP_ROWS: usize = 10_000;
    pub const KEEP_BYTES: usize = 16 << 20;

    pub fn new(columns: Vec<String>) -> Kept {
        Kept {
            columns,
            is_complete: true,
            ..Kept::default()
        }
    }

    pub fn push(&mut self, cells: &[Cell<'_>]) {
        self.total += 1;
        if !self.is_complete {
            return;
        }
        let size: usize = cells
            .iter()
            .map(|c| match c {
                Cell::Null | Cell::Integer(_) => 0,
                Cell::Real(_, t) | Cell::Text(t) | Cell::Blob(t) => t.len(),
            })
            .sum();
        let rows = self.cells.len() / self.columns.len().max(1);
        if rows >= Self::KEEP_ROWS || self.bytes.len() + size > Self::KEEP_BYTES {
            // Too large to keep: say so rather than keep a part as if it were the whole.
            self.is_complete = false;
            self.cells = Vec::new();
            self.bytes = Vec::new();
            return;
        }
        for cell in cells {
            let mut span = |t: &[u8]| {
                let start = self.bytes.len() as u32;
                self.bytes.extend_from_slice(t);
                (start, self.bytes.len() as u32)
            };
            let kept = match *cell {
                Cell::Null => KeptCell::Null,
                Cell::Integer(v) => KeptCell::Integer(v),
                Cell::Real(v, t) => {
                    let (a, b) = span(t);
                    KeptCell::Real(v, a, b)
                }
                Cell::Text(t) => {
                    let (a, b) = span(t);
                    KeptCell::Text(a, b)
                }
                Cell::Blob(t) => {
                    let (a, b) = span(t);
                    KeptCell::Blob(a, b)
                }
            };
            self.cells.push(kept);
        }
    }

    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// The kept rows as cells, row by row.
    pub fn rows(&self) -> impl Iterator<Item = Vec<Cell<'_>>> {
        let width = self.columns.len().max(1);
        self.cells.chunks(width).map(|row| {
            row.iter()
                .map(|c| {
                    let at = |a: u32, b: u32| &self.bytes[a as usize..b as usize];
                    match *c {
                        KeptCell::Null => Cell::Null,
                        KeptCell::Integer(v) => Cell::Integer(v),
                        KeptCell::Real(v, a, b) => Cell::Real(v, at(a, b)),
                        KeptCell::Text(a, b) => Cell::Text(at(a, b)),
                        KeptCell::Blob(a, b) => Cell::Blob(at(a, b)),
                    }
                })
                .collect()
        })
    }

    /// The kept result as a grid of owned values.
    pub fn grid(&self) -> Grid {
        Grid {
            columns: self.columns.clone(),
            rows: self
                .rows()
                .map(|r| r.iter().map(Cell::to_value).collect())
                .collect(),
        }
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
pub(crate) mod tests;
