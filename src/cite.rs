//! Sources that travel with results (`.cite on`, `--cite`): after a table-mode result that
//! has a source column (`source_id`, `sources`, `source_a`, …) or, failing that, a ref column
//! (`ref`, `ref_a`, …), a legend of exactly the sources its drawn rows show, one line each —
//! `S01  outlet, "title", 2022-02-23, <address>` — read from the `sources` table; in
//! markdown, the ids become footnote references and the legend their footnotes. Machine
//! modes never get one: a legend inside CSV or JSON would corrupt the data it follows.

use std::collections::{BTreeSet, HashMap, VecDeque};

use rusqlite::Connection;

use crate::error::Result;
use crate::figures::{self, id_order, split_ids};
use crate::render::chart::width;
use crate::render::prose;
use crate::render::{Mode, Options};
use crate::session::Session;
use crate::sqlite::{Grid, query};
use crate::value::{Cell, Value};
use crate::visible::visible;

/// Watches the rows of one result and gives the legend of the sources they show.
pub struct Collector {
    /// The columns ids are read from.
    columns: Vec<usize>,
    /// An id as it appears in those columns → the source ids it stands for (itself for a
    /// source id, the sources of a ref). Ids not in the database are not sources.
    known: HashMap<String, Vec<String>>,
    is_markdown: bool,
    /// Rows the table draws: the first `head_cap` and the last `tail_cap` (the row limit).
    head_cap: usize,
    tail_cap: usize,
    rows: usize,
    head: BTreeSet<String>,
    tail: VecDeque<Vec<String>>,
}

/// The source ids of every id in the sources table, or of every ref the database maps to
/// its sources (the `citations` view, else `facts`). None when the database has no
/// sources.
fn known_ids(conn: &Connection, is_ref: bool) -> Option<HashMap<String, Vec<String>>> {
    let mut known: HashMap<String, Vec<String>> = HashMap::new();
    if is_ref {
        let grid = query(conn, "SELECT ref, source_id FROM citations", &[])
            .or_else(|_| query(conn, "SELECT DISTINCT ref, source_id FROM facts", &[]))
            .ok()?;
        for row in grid.rows {
            if let (Some(r), Some(s)) = (figures::opt_text(&row[0]), figures::opt_text(&row[1])) {
                let at = known.entry(r).or_default();
                if !at.contains(&s) {
                    at.push(s);
                }
            }
        }
    } else {
        let grid = query(conn, "SELECT id FROM sources", &[]).ok()?;
        for row in grid.rows {
            if let Some(id) = figures::opt_text(&row[0]) {
                known.insert(id.clone(), vec![id]);
            }
        }
    }
    Some(known)
}

impl Collector {
    /// A collector for a result with these column names drawn with `opts`; None when no
    /// legend applies (a machine mode, no source or ref column, no sources in the database).
    /// `is_every_column`: read source ids from every column (a pivot, whose cells name the
    /// sources of their values).
    pub fn new(
        conn: &Connection,
        names: &[String],
        opts: &Options,
        is_every_column: bool,
    ) -> Option<Collector> {
        if !opts.mode.is_table() {
            return None;
        }
        let pick = |is: fn(&str) -> bool| -> Vec<usize> {
            (0..names.len())
                .filter(|&i| is_every_column || is(&names[i]))
                .collect()
        };
        let mut columns = pick(figures::is_source_column);
        let mut is_ref = false;
        if columns.is_empty() {
            columns = pick(figures::is_ref_column);
            is_ref = true;
        }
        if columns.is_empty() {
            return None;
        }
        let known = known_ids(conn, is_ref)?;
        let (head_cap, tail_cap) = match opts.maxrows {
            Some(n) => (n.div_ceil(2), n / 2),
            None => (usize::MAX, 0),
        };
        Some(Collector {
            columns,
            known,
            is_markdown: opts.mode == Mode::Markdown,
            head_cap,
            tail_cap,
            rows: 0,
            head: BTreeSet::new(),
            tail: VecDeque::new(),
        })
    }

    /// The ids in a row's watched cells that the database knows.
    fn ids(&self, cells: &[Cell]) -> Vec<String> {
        let mut out = Vec::new();
        for &c in &self.columns {
            if let Some(Cell::Text(t)) = cells.get(c) {
                let t = String::from_utf8_lossy(t);
                for id in split_ids(&t) {
                    if let Some(sources) = self.known.get(id) {
                        out.extend(sources.iter().cloned());
                    }
                }
            }
        }
        out
    }

    /// Notes one row of the result, as the table renderer sees it; in markdown, returns
    /// the row to draw instead (see `marked`).
    pub fn row(&mut self, cells: &[Cell]) -> Option<Vec<Value>> {
        self.note(cells);
        self.marked(cells)
    }

    fn note(&mut self, cells: &[Cell]) {
        self.rows += 1;
        let ids = self.ids(cells);
        if self.rows <= self.head_cap {
            self.head.extend(ids);
        } else if self.tail_cap > 0 {
            if self.tail.len() == self.tail_cap {
                self.tail.pop_front();
            }
            self.tail.push_back(ids);
        }
    }

    /// In markdown, the row with each known id followed by its footnote reference
    /// (`S01[^S01]`, `F005[^S01]`); None when nothing changes.
    fn marked(&self, cells: &[Cell]) -> Option<Vec<Value>> {
        if !self.is_markdown {
            return None;
        }
        let mut out: Vec<Value> = cells.iter().map(Cell::to_value).collect();
        let mut changed = false;
        for &c in &self.columns {
            let Some(Cell::Text(t)) = cells.get(c) else {
                continue;
            };
            let t = String::from_utf8_lossy(t);
            let mut text = String::new();
            let mut token = String::new();
            let flush = |token: &mut String, text: &mut String| {
                text.push_str(token);
                if let Some(sources) = self.known.get(token.as_str()) {
                    for s in sources {
                        text.push_str(&format!("[^{s}]"));
                    }
                }
                token.clear();
            };
            for ch in t.chars() {
                if figures::ID_SEPARATORS.contains(&ch) {
                    flush(&mut token, &mut text);
                    text.push(ch);
                } else {
                    token.push(ch);
                }
            }
            flush(&mut token, &mut text);
            if text != t {
                out[c] = Value::text(text);
                changed = true;
            }
        }
        changed.then_some(out)
    }

    /// The legend of the sources of the rows drawn ("" when they show none).
    pub fn legend(mut self, conn: &Connection, opts: &Options) -> String {
        let mut ids = std::mem::take(&mut self.head);
        ids.extend(self.tail.into_iter().flatten());
        let ids: Vec<String> = ids.into_iter().collect();
        legend(conn, &ids, opts)
    }
}

/// The legend lines of source ids `ids` (a ref stands for its sources; anything else
/// unknown is skipped): a `Sources:` block, or markdown footnotes. "" when none is known.
pub fn legend(conn: &Connection, ids: &[String], opts: &Options) -> String {
    let Ok(grid) = query(conn, "SELECT * FROM sources", &[]) else {
        return String::new();
    };
    let col = |name: &str| figures::first_named(&grid, &[name]);
    let Some(id_col) = col("id") else {
        return String::new();
    };
    let by_id: HashMap<String, &Vec<Value>> = grid
        .rows
        .iter()
        .filter_map(|r| figures::opt_text(&r[id_col]).map(|id| (id, r)))
        .collect();
    let field = |row: &Vec<Value>, name: &str| col(name).and_then(|c| figures::opt_text(&row[c]));
    let mut refs = None;
    let mut wanted: Vec<&String> = Vec::new();
    for id in ids {
        if let Some((key, _)) = by_id.get_key_value(id) {
            wanted.push(key);
            continue;
        }
        let refs = refs.get_or_insert_with(|| known_ids(conn, true).unwrap_or_default());
        for s in refs.get(id).into_iter().flatten() {
            if let Some((key, _)) = by_id.get_key_value(s) {
                wanted.push(key);
            }
        }
    }
    wanted.sort_by(|a, b| id_order(a, b));
    wanted.dedup();
    if wanted.is_empty() {
        return String::new();
    }
    let is_markdown = opts.mode == Mode::Markdown;
    let mut out = String::from(if is_markdown { "\n" } else { "Sources:\n" });
    for id in wanted {
        let row = by_id[id];
        let outlet = field(row, "outlet")
            .or_else(|| field(row, "publisher"))
            .unwrap_or_else(|| "outlet not known".into());
        // A reprint is cited as its first publisher "via" the outlet it was read at.
        let who = match field(row, "original_outlet") {
            Some(first) => format!("{first} via {outlet}"),
            None => outlet,
        };
        let date = field(row, "published").unwrap_or_else(|| "undated".into());
        let address = field(row, "url").map_or_else(|| "no address".into(), |u| format!("<{u}>"));
        let lead = if is_markdown {
            format!("[^{id}]: ")
        } else {
            format!("{id}  ")
        };
        let title = field(row, "title");
        let mut line = format!("{lead}{who}, ");
        let rest = format!(", {date}, {address}");
        match title {
            Some(t) => line.push_str(&format!("\"{t}\"")),
            None => line.push_str("untitled"),
        }
        line.push_str(&rest);
        // Every field comes from the sources table, which a --db file may fill with
        // terminal escapes.
        // (`line` starts with `lead`, and stays so: the mapping is one character for one.)
        let lead = visible(&lead).into_owned();
        let line = visible(&line).into_owned();
        // On a terminal the entry wraps between words under its id, and an address too
        // long to share a line gets one of its own: a citation is never cut. Markdown is
        // made to be pasted, so its footnotes stay one line each.
        match opts.width.filter(|_| !is_markdown) {
            Some(w) => {
                let text = &line[lead.len()..];
                out.push_str(&prose::hanging(&lead, width(&lead), text, usize::from(w)));
            }
            None => {
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    out
}

/// Draws a result held in memory in `opts`'s mode, followed by the legend of the sources
/// its drawn rows show when `.cite` is on; or, when `sources` is given, of those (a pivot,
/// whose single values do not name their sources: every column is then read for ids to
/// mark in markdown).
pub fn show(
    s: &mut Session,
    opts: &Options,
    grid: &Grid,
    sources: Option<&[String]>,
    notes: &[String],
) -> Result<()> {
    let mut collector = if s.cite {
        Collector::new(s.conn(), &grid.columns, opts, sources.is_some())
    } else {
        None
    };
    let Some(c) = &mut collector else {
        s.show_with(opts, grid)?;
        return write_notes(s, opts, notes);
    };
    let mut marked = Grid {
        columns: grid.columns.clone(),
        rows: Vec::with_capacity(grid.rows.len()),
    };
    for row in &grid.rows {
        let cells: Vec<Cell> = row.iter().map(Value::cell).collect();
        marked
            .rows
            .push(c.row(&cells).unwrap_or_else(|| row.clone()));
    }
    s.show_with(opts, &marked)?;
    write_notes(s, opts, notes)?;
    let text = match (collector, sources) {
        (Some(_), Some(ids)) => legend(s.conn(), ids, opts),
        (Some(c), None) => c.legend(s.conn(), opts),
        (None, _) => String::new(),
    };
    if !text.is_empty() {
        s.write(&text)?;
    }
    Ok(())
}

/// Notes about a drawn result (`note: ...`), under a table and wrapped to the terminal; a
/// blank line first in markdown, so a note is never read as a row of the table. Machine
/// modes get none: a note inside CSV or JSON would corrupt the data it follows.
fn write_notes(s: &mut Session, opts: &Options, notes: &[String]) -> Result<()> {
    if notes.is_empty() || !opts.mode.is_table() {
        return Ok(());
    }
    let mut text = String::new();
    if opts.mode == Mode::Markdown {
        text.push('\n');
    }
    for n in notes {
        text.push_str(&format!("note: {}\n", visible(n)));
    }
    if let Some(w) = opts.width {
        text = prose::paragraphs(&text, usize::from(w));
    }
    s.write(&text)
}
