//! The one path SQL text takes in the shell: each statement of a chunk is prepared in turn,
//! bound, and stepped into the renderer for the current options (then the legend of its
//! sources, with `.cite`), its result kept for `.last`; `.echo`, `.timer` and `.changes`
//! wrap the chunk as the sqlite3 shell wraps each input chunk.

use std::ffi::CString;
use std::io::Write;
use std::time::Instant;

use rusqlite::Connection;

use crate::cite;
use crate::error::{Error, Result};
use crate::input::Chunk;
use crate::pager::Paged;
use crate::render::{Discard, Kept, Mode, Options, Renderer, query_plan_renderer, renderer};
use crate::session::{Session, Statement};
use crate::signal;
use crate::sqlite::{self, Params, Statements, Step, Stmt, param_key};
use crate::sqltext::{Lexer, Scanner, Token, TokenKind};
use crate::value::{Cell, Value};
use crate::visible::write_shown;

/// Output is drained to the sink whenever the renderer's buffer passes this size, so memory
/// stays flat however many rows a result has.
const CHUNK: usize = 64 * 1024;

/// Runs every statement of `chunk` in order, stopping at the first error. `is_vertical`
/// (a statement ended with `\G`) draws its results in line mode.
pub fn run_chunk(
    session: &mut Session,
    chunk: &Chunk,
    params: &Params,
    is_vertical: bool,
) -> Result<()> {
    if session.echo {
        let mut text = chunk.text.trim_end_matches('\n').to_string();
        text.push('\n');
        session.write(&text)?;
    }
    // sqlite3 swallows input with nothing but semicolons, space and comments (its
    // `QSS_PLAINWHITE`): no statement runs, so no `.timer` or `.changes` line follows it.
    if is_blank(chunk.text) {
        return Ok(());
    }
    let timer = session.timer.then(Timer::start);
    let result = run_statements(session, chunk, params, is_vertical);
    // Like sqlite3: the time of every chunk, failed or not, on stdout (not into an
    // `.output` file, which holds only results).
    if let Some(t) = timer {
        let _ = session.sink().flush();
        let mut out = std::io::stdout().lock();
        out.write_all(t.report().as_bytes())?;
        out.flush()?;
    }
    result?;
    if session.changes {
        let (changes, total) = sqlite::changes(session.conn());
        session.write(&format!("changes: {changes}   total_changes: {total}\n"))?;
    }
    Ok(())
}

/// True when `sql` holds no statement: only semicolons, whitespace and comments. Decided
/// by the first bytes for almost every statement; only text that starts with a comment is
/// lexed, token by token, without holding its tokens (a statement may be a gigabyte).
fn is_blank(sql: &str) -> bool {
    let body = sql.trim_start_matches([' ', '\t', '\n', '\r', '\x0c', ';']);
    if !(body.is_empty() || body.starts_with("--") || body.starts_with("/*")) {
        return false;
    }
    let mut is_blank = true;
    let mut check = |t: Token| {
        is_blank &= matches!(
            t.kind,
            TokenKind::Whitespace
                | TokenKind::Semicolon
                | TokenKind::LineComment
                | TokenKind::BlockComment
        );
    };
    let mut lexer = Lexer::new();
    lexer.feed(sql, &mut check);
    lexer.finish(&mut check);
    is_blank
}

fn run_statements(
    session: &mut Session,
    chunk: &Chunk,
    params: &Params,
    is_vertical: bool,
) -> Result<()> {
    // What comes before a NUL byte runs; the NUL is then the error, where it stands.
    let (runnable, nul) = before_nul(chunk.text);
    let nul_error = |at: usize| Error::Input {
        message: "NUL byte in SQL text".into(),
        location: chunk.locate(at),
    };
    let sql = CString::new(runnable).map_err(|e| nul_error(e.nul_position()))?;
    let mut opts = session.render_options();
    if is_vertical {
        opts = Options {
            mode: Mode::Line,
            ..opts
        };
    }
    let how = How {
        is_cited: session.cite,
        // `.chart --next` draws this input's result as a chart, instead of a table.
        is_drawn: session.next_chart.is_none(),
    };
    // A result that is only kept for a chart has nothing to page.
    let pager = session.pager_for_result().filter(|_| how.is_drawn);
    let is_shown = session.shows_controls(opts.mode);
    let refusals = session.refusals();
    let mut last = None;
    // The last statement that ran, and the last that gave a result: byte range and the
    // parameters it names (made into a `Statement` once, after the loop).
    let mut ran: Option<(usize, usize, Vec<String>)> = None;
    let mut queried: Option<(usize, usize, Vec<String>)> = None;
    let result = (|| {
        let (conn, sink) = session.conn_and_sink();
        let mut statements = Statements::new(conn, &sql);
        loop {
            // A signal between two statements stops the next one from running.
            if signal::is_interrupted() {
                return Err(Error::Interrupted);
            }
            // A refusal by --safe or --readonly explains only this statement's error.
            let watch = refusals.watch();
            let Some(prepared) = statements.next() else {
                break;
            };
            let prepared = prepared.map_err(|e| {
                watch.explain(Error::Sql {
                    message: e.message,
                    location: Some(chunk.locate(e.offset)),
                })
            })?;
            let here = || chunk.locate(prepared.start);
            let mut stmt = prepared.stmt;
            stmt.bind(params).map_err(|e| e.at(&here()))?;
            let names = stmt.parameter_names();
            // Some refusals come while the statement runs: VACUUM attaches its copy then.
            let kept = match &pager {
                Some((command, height)) => {
                    let mut paged = Paged::new(sink, command, *height);
                    let kept = write_shown(is_shown, &mut paged, |w| {
                        step_into(&mut stmt, &opts, w, conn, how)
                    });
                    // The pager is waited for even when the statement failed, so its error
                    // is reported after the user has left the pager.
                    let done = paged.finish();
                    kept.and_then(|k| done.map(|()| k).map_err(Error::from))
                }
                None => write_shown(is_shown, sink, |w| {
                    step_into(&mut stmt, &opts, w, conn, how)
                }),
            }
            .map_err(|e| watch.explain(e).at(&here()));
            let span = (prepared.start, prepared.end, names);
            match kept {
                Ok(Some(k)) => {
                    last = Some(k);
                    queried = Some(span.clone());
                }
                Ok(None) => {}
                Err(e) => return Err(e),
            }
            ran = Some(span);
        }
        Ok(())
    })();
    let statement = |(start, end, names): (usize, usize, Vec<String>)| Statement {
        text: chunk.text[start..end].trim_end().to_string(),
        params: names
            .iter()
            .filter_map(|n| {
                let key = param_key(n);
                Some((key.to_string(), params.get(key)?.clone()))
            })
            .collect(),
    };
    if let Some(k) = last {
        session.last = Some(k);
        session.last_query = queried.map(statement);
        if let Some(next) = &mut session.next_chart {
            next.has_result = true;
        }
    }
    if let Some(span) = ran {
        session.last_statement = Some(statement(span));
    }
    result.and_then(|()| nul.map_or(Ok(()), |at| Err(nul_error(at))))
}

/// The statements of `text` that end before its first NUL byte (a NUL cannot pass through
/// SQLite's C string), and that NUL's offset. Linear: the scanner sees each byte once.
fn before_nul(text: &str) -> (&str, Option<usize>) {
    let Some(nul) = text.find('\0') else {
        return (text, None);
    };
    let mut scanner = Scanner::new();
    let (mut end, mut from) = (0, 0);
    for (i, _) in text[..nul].match_indices(';') {
        scanner.feed(&text[from..=i]);
        from = i + 1;
        if scanner.is_complete() {
            end = i + 1;
        }
    }
    (&text[..end], Some(nul))
}

/// How a statement's result is shown: drawn in the current mode (or only kept, for a chart
/// that waits for it), and followed by the legend of its sources (`.cite`).
#[derive(Clone, Copy)]
struct How {
    is_drawn: bool,
    is_cited: bool,
}

/// Steps one statement to its end into a renderer for `opts`, draining output to `sink`.
/// Returns the result kept for `.last` (None for a statement without result columns).
fn step_into(
    stmt: &mut Stmt,
    opts: &Options,
    sink: &mut dyn Write,
    conn: &Connection,
    how: How,
) -> Result<Option<Kept>> {
    if stmt.column_count() == 0 {
        while stmt.step()? == Step::Row {}
        return Ok(None);
    }
    let mut kept = Kept::new(stmt.column_names());
    let plan = stmt.is_query_plan().then(|| query_plan_renderer(opts));
    let mut r = match (how.is_drawn, plan.flatten()) {
        (false, _) => Box::new(Discard),
        (true, Some(tree)) => tree,
        (true, None) => renderer(opts),
    };
    let mut cites = (how.is_drawn && how.is_cited)
        .then(|| cite::Collector::new(conn, kept.columns(), opts, false))
        .flatten();
    // Grown as rows come, to CHUNK at most: a script of many small statements would
    // otherwise allocate and free CHUNK bytes for each.
    let mut buf = Vec::with_capacity(1024);
    r.begin(&mut buf, kept.columns());
    // One allocation for the cells of every row: `recycle` hands the buffer back with a
    // lifetime that no longer borrows the statement, so it can be stepped again.
    let mut spare: Vec<Cell<'static>> = Vec::with_capacity(stmt.column_count());
    loop {
        match stmt.step() {
            Ok(Step::Row) => {
                let mut cells = recycle(std::mem::take(&mut spare));
                stmt.cells(&mut cells);
                // In markdown, `.cite` draws source ids as footnote references.
                match cites.as_mut().and_then(|c| c.row(&cells)) {
                    Some(marked) => {
                        let view: Vec<Cell> = marked.iter().map(Value::cell).collect();
                        r.row(&mut buf, &view);
                    }
                    None => r.row(&mut buf, &cells),
                }
                kept.push(&cells);
                spare = recycle(cells);
                if buf.len() >= CHUNK {
                    sink.write_all(&buf)?;
                    buf.clear();
                }
            }
            Ok(Step::Done) => break,
            Err(e) => {
                finish_partial(&mut *r, opts, &mut buf, sink)?;
                return Err(e);
            }
        }
    }
    r.end(&mut buf);
    if let Some(c) = cites {
        buf.extend_from_slice(c.legend(conn, opts).as_bytes());
    }
    sink.write_all(&buf)?;
    sink.flush()?;
    Ok(Some(kept))
}

/// What streamed before an error stays written, and a JSON array is still closed; a table
/// is not drawn half-way.
fn finish_partial(
    r: &mut dyn Renderer,
    opts: &Options,
    buf: &mut Vec<u8>,
    sink: &mut dyn Write,
) -> Result<()> {
    if !opts.mode.is_table() {
        r.end(buf);
    }
    sink.write_all(buf)?;
    sink.flush()?;
    Ok(())
}

/// An empty vector of cells with any lifetime, reusing `v`'s allocation (the in-place
/// collect of an empty iterator keeps the buffer, since the element type's size and
/// alignment do not change).
fn recycle<'b>(mut v: Vec<Cell<'_>>) -> Vec<Cell<'b>> {
    v.clear();
    v.into_iter().map(|_| Cell::Null).collect()
}

/// `.timer on`: wall, user and system time of one chunk, printed as sqlite3 does.
struct Timer {
    wall: Instant,
    user: f64,
    sys: f64,
}

fn cpu_times() -> (f64, f64) {
    // SAFETY: getrusage fills the struct it is given.
    unsafe {
        let mut ru: libc::rusage = std::mem::zeroed();
        if libc::getrusage(libc::RUSAGE_SELF, &mut ru) != 0 {
            return (0.0, 0.0);
        }
        let t = |tv: libc::timeval| tv.tv_sec as f64 + tv.tv_usec as f64 / 1e6;
        (t(ru.ru_utime), t(ru.ru_stime))
    }
}

impl Timer {
    fn start() -> Timer {
        let (user, sys) = cpu_times();
        Timer {
            wall: Instant::now(),
            user,
            sys,
        }
    }

    fn report(&self) -> String {
        let (user, sys) = cpu_times();
        format!(
            "Run Time: real {:.3} user {:.6} sys {:.6}\n",
            self.wall.elapsed().as_secs_f64(),
            user - self.user,
            sys - self.sys
        )
    }
}
