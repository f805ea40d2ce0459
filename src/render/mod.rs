//! Output modes: the `Mode` enum that names them all (defined once, through clap's
//! `ValueEnum`), the `Options` a renderer gets, and the renderer interface: begin / row /
//! end over `Cell`s, writing into a byte buffer the caller drains. Renderers never see the
//! session, so a result stepped from SQLite, a kept result and a dot-command's listing are
//! drawn by the same code.

mod json;
mod list;
pub mod table;

use std::io::{self, Write};

use clap::ValueEnum;

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
            Mode::Tabs => self.colsep = "\t".into(),
            Mode::Line => self.rowsep = "\n".into(),
            Mode::Quote => {
                self.colsep = ",".into();
                self.rowsep = "\n".into();
            }
            Mode::Insert => self.table_name = identifier(table.unwrap_or("table")),
            Mode::Table | Mode::Box | Mode::Markdown | Mode::Json | Mode::Jsonl => {}
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
        Mode::Json => Box::new(json::Json::new(false)),
        Mode::Jsonl => Box::new(json::Json::new(true)),
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

/// A result kept in memory as it was drawn, so `.last` can draw it again in another mode.
/// Memory stays bounded: at most `KEEP_ROWS` rows and `KEEP_BYTES` bytes of values are
/// kept; past that the result is marked incomplete and `.last` says so.
#[derive(Debug, Clone)]
pub struct Kept {
    pub grid: Grid,
    /// Rows the result had, kept or not.
    pub total: u64,
    pub is_complete: bool,
    bytes: usize,
}

impl Kept {
    pub const KEEP_ROWS: usize = 10_000;
    pub const KEEP_BYTES: usize = 16 << 20;

    pub fn new(columns: &[String]) -> Kept {
        Kept {
            grid: Grid {
                columns: columns.to_vec(),
                rows: Vec::new(),
            },
            total: 0,
            is_complete: true,
            bytes: 0,
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
                Cell::Null | Cell::Integer(_) => 8,
                Cell::Real(_, t) | Cell::Text(t) | Cell::Blob(t) => 16 + t.len(),
            })
            .sum();
        if self.grid.rows.len() >= Self::KEEP_ROWS || self.bytes + size > Self::KEEP_BYTES {
            self.is_complete = false;
            self.grid.rows = Vec::new();
            return;
        }
        self.bytes += size;
        self.grid
            .rows
            .push(cells.iter().map(Cell::to_value).collect());
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
pub(crate) mod tests;
