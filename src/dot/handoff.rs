//! Handing the last result to other programs: `.excel` (a spreadsheet in the temp directory,
//! opened when there is a desktop), `.export FILE` (an `.xlsx` workbook, or a mode's text
//! chosen by the extension) and `.copy` (the clipboard, through the terminal's OSC 52
//! sequence, which works over ssh and in tmux).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::os::unix::process::CommandExt;
use std::path::Path;

use base64::Engine;

use super::{Call, Flow};
use crate::error::{self, Error, Result};
use crate::render::{self, Kept, Mode, Options};
use crate::session::Session;
use crate::settings::Dataset;
use crate::spreadsheet::{self, Book};
use crate::sqlite::{self, Grid};
use crate::value::{Value, thousands};

/// The last result, whole, or why there is none to hand on.
fn last_result<'s>(s: &'s Session, c: &Call) -> Result<&'s Kept> {
    let Some(kept) = &s.last else {
        return Err(c.usage_error("no result yet: run a query first"));
    };
    if !kept.is_complete {
        return Err(c.usage_error(format!(
            "the last result had {} rows, more than are kept ({}); use .once FILE and \
             run its query again",
            thousands(kept.total),
            thousands(Kept::KEEP_ROWS as u64)
        )));
    }
    Ok(kept)
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
        Value::Integer(i) => Some(i.to_string()),
        Value::Null | Value::Real(..) | Value::Blob(_) => None,
    }
}

fn json_list(items: &BTreeSet<String>) -> Value {
    Value::text(serde_json::Value::from(items.iter().cloned().collect::<Vec<_>>()).to_string())
}

/// The sources the rows cite, from their `source_id` columns and, through `facts`, their
/// `ref` columns, with how many rows cite each. None when the result names no source or
/// the database has no `sources` table.
fn sources_of(s: &Session, grid: &Grid) -> Option<Grid> {
    let pick = |test: fn(&str) -> bool| -> Vec<usize> {
        (0..grid.columns.len())
            .filter(|&i| test(&grid.columns[i]))
            .collect()
    };
    let (id_cols, ref_cols) = (
        pick(spreadsheet::is_source_column),
        pick(spreadsheet::is_ref_column),
    );
    if id_cols.is_empty() && ref_cols.is_empty() {
        return None;
    }
    let cells = |cols: &[usize]| -> BTreeSet<String> {
        grid.rows
            .iter()
            .flat_map(|r| cols.iter().filter_map(|&i| r.get(i).and_then(text_of)))
            .collect()
    };
    // ref → source, for the refs the rows hold; a database without `facts` maps none.
    let mut by_ref: BTreeMap<String, String> = BTreeMap::new();
    let refs = cells(&ref_cols);
    if !refs.is_empty()
        && let Ok(map) = sqlite::query(
            s.conn(),
            "SELECT ref, source_id FROM facts WHERE ref IN (SELECT value FROM json_each(?1))",
            &[json_list(&refs)],
        )
    {
        for row in &map.rows {
            if let (Some(r), Some(id)) = (text_of(&row[0]), row.get(1).and_then(text_of)) {
                by_ref.insert(r, id);
            }
        }
    }
    let mut counts: BTreeMap<String, i64> = BTreeMap::new();
    for row in &grid.rows {
        let mut ids: BTreeSet<String> = id_cols
            .iter()
            .filter_map(|&i| row.get(i).and_then(text_of))
            .collect();
        ids.extend(
            ref_cols
                .iter()
                .filter_map(|&i| row.get(i).and_then(text_of))
                .filter_map(|r| by_ref.get(&r).cloned()),
        );
        for id in ids {
            *counts.entry(id).or_default() += 1;
        }
    }
    let ids: BTreeSet<String> = counts.keys().cloned().collect();
    let mut sources = sqlite::query(
        s.conn(),
        "SELECT * FROM sources WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id",
        &[json_list(&ids)],
    )
    .ok()?;
    sources.columns.push("rows_citing".into());
    for row in &mut sources.rows {
        let n = row
            .first()
            .and_then(text_of)
            .and_then(|id| counts.get(&id).copied());
        row.push(n.map_or(Value::Null, Value::Integer));
    }
    Some(sources)
}

/// The second sheet: the query, its parameters, the database and the row count.
fn about(s: &Session, kept: &Kept) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    if let Some(q) = &s.last_query {
        rows.push(("query".to_string(), q.text.clone()));
        if !q.params.is_empty() {
            let params: Vec<String> = q
                .params
                .iter()
                .map(|(k, v)| format!(":{k} = {}", v.literal()))
                .collect();
            rows.push(("parameters".into(), params.join(", ")));
        }
    }
    let database = match s.dataset() {
        Dataset::Embedded => {
            "the embedded dataset of the China–SCO demonstration zone (Qingdao)".to_string()
        }
        Dataset::Dir(d) => format!("the dataset in {}", d.display()),
        Dataset::File(p) => format!("the database {}", p.display()),
        Dataset::Empty => "an empty in-memory database".into(),
    };
    rows.push(("database".into(), database));
    rows.push(("rows".into(), kept.total.to_string()));
    rows.push((
        "made by".into(),
        format!("scoql {}", env!("CARGO_PKG_VERSION")),
    ));
    rows
}

/// Writes the last result as a workbook at `path`; returns what to tell the user.
fn write_workbook(s: &Session, c: &Call, path: &Path) -> Result<String> {
    let kept = last_result(s, c)?;
    let grid = kept.grid();
    let sources = sources_of(s, &grid);
    let about = about(s, kept);
    let written = spreadsheet::write(
        path,
        &Book {
            result: &grid,
            about: &about,
            sources: sources.as_ref(),
        },
    )?;
    if written.cut_cells > 0 {
        error::warn(&format!(
            "{} cells held more than a spreadsheet cell can (32,767 characters) and were cut",
            written.cut_cells
        ));
    }
    let rows = grid.rows.len();
    let cited = sources.as_ref().map_or(String::new(), |g| {
        let n = g.rows.len();
        format!(", {n} source{}", if n == 1 { "" } else { "s" })
    });
    Ok(format!(
        "wrote {} ({rows} row{}{cited})",
        path.display(),
        if rows == 1 { "" } else { "s" }
    ))
}

/// `.excel`: the last result as a workbook in a new file in the temp directory, opened in
/// the desktop's spreadsheet app when there is a desktop; its path is printed either way.
pub fn excel(s: &mut Session, c: &Call) -> Result<Flow> {
    let file = tempfile::Builder::new()
        .prefix("scoql-")
        .suffix(".xlsx")
        .tempfile()
        .and_then(|f| f.keep().map_err(|e| e.error))
        .map_err(|source| Error::File {
            action: "create",
            path: std::env::temp_dir().join("scoql-*.xlsx"),
            source,
        })?;
    let path = file.1;
    let message = write_workbook(s, c, &path)?;
    let opened = s.opener.as_deref().is_some_and(|opener| {
        // A group of its own: the app outlives scoql, and a Ctrl-C that interrupts a later
        // query (or the terminal closing) must not reach it.
        std::process::Command::new(opener)
            .arg(&path)
            .process_group(0)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            // The app outlives the command: a thread reaps the opener when it ends.
            .map(|mut child| std::thread::spawn(move || child.wait()))
            .is_ok()
    });
    error::note(&if opened {
        format!("{message}; opening it")
    } else {
        format!("{message}; open it in a spreadsheet app")
    });
    Ok(Flow::Continue)
}

/// The mode a file extension asks `.export` for.
fn mode_of_extension(ext: &str) -> Option<Mode> {
    match ext {
        "tsv" | "tab" => Some(Mode::Tabs),
        "md" => Some(Mode::Markdown),
        "htm" => Some(Mode::Html),
        "txt" => Some(Mode::Table),
        "sql" => Some(Mode::Insert),
        _ => Mode::parse(ext),
    }
}

/// The options `.export` and `.copy` draw a result with: `mode` with its own separators
/// and headers on, and nothing the terminal needs (colour, width, row limit).
fn plain_options(s: &Session, mode: Mode) -> Options {
    let mut opts = Options {
        headers: true,
        nullvalue: s.opts.nullvalue.clone(),
        ..Options::default()
    };
    opts.set_mode(mode, true, None);
    opts
}

/// `.export FILE`: the last result written to FILE, as a workbook for `.xlsx`, else in the
/// mode the extension names (`.csv`, `.tsv`, `.json`, `.jsonl`, `.html`, `.md`, ...).
pub fn export(s: &mut Session, c: &Call) -> Result<Flow> {
    let Some(path) = c.output_path(0)? else {
        return Err(c.usage_error("expected a file name"));
    };
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if ext == "xlsx" {
        let message = write_workbook(s, c, &path)?;
        error::note(&message);
        return Ok(Flow::Continue);
    }
    let Some(mode) = mode_of_extension(&ext) else {
        return Err(c.usage_error(format!(
            "cannot tell the format from '.{ext}'; use .xlsx, .csv, .tsv, .json, .jsonl, \
             .html or .md"
        )));
    };
    let grid = last_result(s, c)?.grid();
    let mut out = Vec::new();
    render::render_grid(&plain_options(s, mode), &grid, &mut out)?;
    std::fs::write(&path, &out).map_err(|source| Error::File {
        action: "write",
        path: path.clone(),
        source,
    })?;
    let rows = grid.rows.len();
    error::note(&format!(
        "wrote {} ({rows} row{} as {}, {} bytes)",
        path.display(),
        if rows == 1 { "" } else { "s" },
        mode.name(),
        out.len()
    ));
    Ok(Flow::Continue)
}

/// The OSC 52 sequence that puts `payload` on the clipboard (`c`), ended by BEL, which
/// every terminal that knows OSC 52 accepts.
pub fn osc52(payload: &[u8]) -> Vec<u8> {
    let mut seq = b"\x1b]52;c;".to_vec();
    seq.extend_from_slice(
        base64::engine::general_purpose::STANDARD
            .encode(payload)
            .as_bytes(),
    );
    seq.push(0x07);
    seq
}

/// `.copy [MODE]`: the last result (as TSV with headers, or in MODE) on the clipboard of
/// the terminal the user sits at, even when output goes to a file.
pub fn copy(s: &mut Session, c: &Call) -> Result<Flow> {
    let mode = match c.arg(0) {
        None => Mode::Tabs,
        Some(name) => {
            Mode::parse(name).ok_or_else(|| c.usage_error(format!("unknown mode '{name}'")))?
        }
    };
    let grid = last_result(s, c)?.grid();
    let mut payload = Vec::new();
    render::render_grid(&plain_options(s, mode), &grid, &mut payload)?;
    let rows = grid.rows.len();
    let seq = osc52(&payload);
    let sent = if s.is_stdout_tty() {
        let mut out = std::io::stdout().lock();
        out.write_all(&seq).and_then(|()| out.flush())
    } else {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/tty")
            .and_then(|mut tty| tty.write_all(&seq))
    };
    // Without a terminal there is no clipboard to reach.
    sent.map_err(|source| Error::File {
        action: "write the clipboard sequence to",
        path: "/dev/tty".into(),
        source,
    })?;
    error::note(&format!(
        "copied {} bytes ({rows} row{} as {}) to the clipboard",
        payload.len(),
        if rows == 1 { "" } else { "s" },
        mode.name()
    ));
    Ok(Flow::Continue)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_is_the_base64_of_the_payload_between_its_markers() {
        assert_eq!(
            osc52(b"a\tb\n1\t2\n"),
            b"\x1b]52;c;YQliCjEJMgo=\x07".to_vec()
        );
        assert_eq!(osc52("中".as_bytes()), b"\x1b]52;c;5Lit\x07".to_vec());
    }
}
