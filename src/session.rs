//! The shell's state — connection, output settings, parameters, the output sink — and the
//! single loop that runs any source of lines and decides what an error does.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufReader, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use rusqlite::types::Value;
use rusqlite::{Connection, InterruptHandle};

use crate::dataset;
use crate::dot;
use crate::error::{Error, Location, Result};
use crate::exec::{Chunk, Db, Step, Stmt, to_cstring};
use crate::input::{Item, Line, LineSource, ReaderSource, Splitter};
use crate::render::{Mode, Options, renderer};
use crate::settings::{Dataset, Output, Settings, terminal_width};

/// Set by Ctrl-C / SIGTERM; checked between statements and lines.
pub static INTERRUPTED: AtomicBool = AtomicBool::new(false);
/// The handle the signal handler uses to stop the running statement.
pub static INTERRUPT: Mutex<Option<InterruptHandle>> = Mutex::new(None);
/// True while a statement runs or a database is being saved: a signal then stops that work
/// (which cleans up after itself) instead of ending the process at once.
pub static BUSY: AtomicBool = AtomicBool::new(false);
/// True once the REPL runs: Ctrl-C then never ends the process.
pub static INTERACTIVE: AtomicBool = AtomicBool::new(false);

/// Marks the process busy for as long as it lives.
pub struct Busy;

impl Busy {
    pub fn start() -> Busy {
        BUSY.store(true, Ordering::SeqCst);
        Busy
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        BUSY.store(false, Ordering::SeqCst);
    }
}

/// How far `.read` may nest: deep enough for real includes, shallow enough to stop a file
/// that reads itself at once.
pub const MAX_READ_DEPTH: usize = 16;

/// What running a source asks of its caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    /// Stop everything and exit with this status (`.quit`, `--bail`, SIGINT).
    Exit(i32),
}

/// Where results go: stdout, or a file from `.output` / `.once`.
pub enum Sink {
    Stdout(io::Stdout),
    File {
        out: io::BufWriter<File>,
        is_once: bool,
    },
}

impl Sink {
    pub fn is_stdout(&self) -> bool {
        matches!(self, Sink::Stdout(_))
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(s) => s.write(buf),
            Sink::File { out, .. } => out.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout(s) => s.lock().write_all(buf),
            Sink::File { out, .. } => out.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(s) => s.flush(),
            Sink::File { out, .. } => out.flush(),
        }
    }
}

/// Everything a running shell holds.
pub struct Session {
    pub conn: Connection,
    pub dataset: Dataset,
    pub out: Output,
    /// The user set `.maxrows`/`--maxrows` (otherwise the terminal default applies only
    /// while results go to the terminal).
    pub is_maxrows_explicit: bool,
    pub params: BTreeMap<String, Value>,
    pub sink: Sink,
    pub bail: bool,
    pub echo: bool,
    pub timer: bool,
    pub changes: bool,
    pub safe: bool,
    pub readonly: bool,
    pub color: bool,
    pub is_stdout_tty: bool,
    /// Set when any statement or command failed (exit status 1 in a script).
    pub had_error: bool,
    depth: usize,
}

impl Session {
    pub fn new(settings: &Settings) -> Result<Session> {
        let conn = dataset::open(&settings.dataset, settings.readonly)?;
        let mut session = Session {
            conn,
            dataset: settings.dataset.clone(),
            out: settings.output.clone(),
            is_maxrows_explicit: settings.is_maxrows_explicit,
            params: BTreeMap::new(),
            sink: Sink::Stdout(io::stdout()),
            bail: settings.bail,
            echo: settings.echo,
            timer: false,
            changes: false,
            safe: settings.safe,
            readonly: settings.readonly,
            color: settings.color,
            is_stdout_tty: settings.is_stdout_tty,
            had_error: false,
            depth: 0,
        };
        session.secure()?;
        for (name, value) in &settings.params {
            let v = session.literal(value);
            session.params.insert(name.clone(), v);
        }
        Ok(session)
    }

    /// Applies --readonly and --safe to the current connection, and registers it for
    /// interruption. Called again whenever the connection changes.
    pub fn secure(&mut self) -> Result<()> {
        crate::guard::install(&mut self.conn, self.safe, self.readonly)?;
        if let Ok(mut slot) = INTERRUPT.lock() {
            *slot = Some(self.conn.get_interrupt_handle());
        }
        Ok(())
    }

    /// A value typed as SQLite reads a literal: `2021` is an integer, `'2021'` and `KZ` are
    /// text (what does not parse as an expression is taken as text, as in sqlite3).
    pub fn literal(&self, text: &str) -> Value {
        let sql = format!("SELECT {text}");
        let value = self
            .conn
            .prepare(&sql)
            .and_then(|mut st| st.query_row([], |r| r.get::<_, Value>(0)));
        value.unwrap_or_else(|_| Value::Text(text.to_string()))
    }

    /// The options a renderer gets for the next result.
    fn render_options(&self) -> Options {
        let to_terminal = self.sink.is_stdout() && self.is_stdout_tty;
        Options {
            headers: self.out.headers,
            nullvalue: self.out.nullvalue.clone(),
            colsep: self.out.colsep.clone(),
            rowsep: self.out.rowsep.clone(),
            table_name: self.out.table_name.clone(),
            maxrows: if to_terminal || self.is_maxrows_explicit {
                self.out.maxrows
            } else {
                None
            },
            width: if to_terminal { terminal_width() } else { None },
            // `color` already folds in --color, NO_COLOR and the terminal test; a file
            // from .output never gets escape codes.
            color: self.color && self.sink.is_stdout(),
        }
    }

    /// Runs a source to its end: the one loop every input goes through.
    pub fn run(&mut self, src: &mut dyn LineSource, base: Option<&Path>) -> Result<Flow> {
        let mut splitter = Splitter::default();
        let mut line_no = 0;
        let interactive = src.is_interactive();
        let origin = src.origin();
        loop {
            if !interactive && INTERRUPTED.load(Ordering::SeqCst) {
                return self.stop_interrupted();
            }
            let line = match src.next_line(splitter.is_pending(), &self.conn) {
                Ok(Line::Text(line)) => line,
                Ok(Line::End) => break,
                Ok(Line::Cancel) => {
                    splitter.clear();
                    continue;
                }
                Err(e) => {
                    line_no += 1;
                    splitter.clear();
                    if let Flow::Exit(code) = self.fail(e, interactive)? {
                        return Ok(Flow::Exit(code));
                    }
                    continue;
                }
            };
            line_no += 1;
            if let Some(item) = splitter.push_line(&line, line_no) {
                let flow = self.run_item(item, &origin, base, interactive)?;
                if flow != Flow::Continue {
                    return Ok(flow);
                }
            }
        }
        if let Some(item) = splitter.finish() {
            return self.run_item(item, &origin, base, interactive);
        }
        Ok(Flow::Continue)
    }

    fn run_item(
        &mut self,
        item: Item,
        origin: &Rc<str>,
        base: Option<&Path>,
        interactive: bool,
    ) -> Result<Flow> {
        INTERRUPTED.store(false, Ordering::SeqCst);
        let result = match &item {
            Item::Sql { text, line } => {
                let chunk = Chunk {
                    text,
                    origin: origin.clone(),
                    line: *line,
                };
                self.run_sql(&chunk).map(|()| Flow::Continue)
            }
            Item::Dot { text, line } => {
                let mut here = Location::new(origin.clone(), *line, 1);
                here.text = Some(text.clone());
                here.width = text
                    .split_whitespace()
                    .next()
                    .map_or(1, |w| w.chars().count());
                if self.echo {
                    self.echo_text(text)?;
                }
                // At the prompt the user has just typed the line: the message is enough.
                dot::execute(self, text, base)
                    .map_err(|e| if interactive { e } else { e.at(&here) })
            }
        };
        match result {
            Ok(flow) => Ok(flow),
            Err(e) => self.fail(e, interactive),
        }
    }

    /// Reports an error and decides what it does: a closed pipe ends everything quietly; in
    /// a script, `--bail` stops at once and an interrupt exits with 130; the REPL goes on.
    pub fn fail(&mut self, e: Error, interactive: bool) -> Result<Flow> {
        if e.is_broken_pipe() {
            return Err(e);
        }
        if matches!(e, Error::Interrupted) {
            if !interactive {
                return self.stop_interrupted();
            }
            // The terminal echoed ^C where the cursor was; start the message on a new line.
            eprintln!();
        }
        // Results already written stay ahead of the error, in order.
        let _ = self.sink.flush();
        eprint!("{}", e.report());
        self.had_error = true;
        if interactive {
            return Ok(Flow::Continue);
        }
        if self.bail {
            return Ok(Flow::Exit(1));
        }
        Ok(Flow::Continue)
    }

    /// An interrupt inside a script: a script run from the command line exits with 130;
    /// one run by `.read` at the prompt unwinds to the prompt, which reports it once.
    fn stop_interrupted(&mut self) -> Result<Flow> {
        if INTERACTIVE.load(Ordering::SeqCst) {
            return Err(Error::Interrupted);
        }
        let _ = self.sink.flush();
        eprint!("{}", Error::Interrupted.report());
        self.had_error = true;
        Ok(Flow::Exit(130))
    }

    fn echo_text(&mut self, text: &str) -> Result<()> {
        let mut line = text.trim_end_matches('\n').to_string();
        line.push('\n');
        self.sink.write_all(line.as_bytes())?;
        Ok(())
    }

    /// Runs every statement of a chunk of SQL text, in order, stopping at the first error.
    pub fn run_sql(&mut self, chunk: &Chunk) -> Result<()> {
        if self.echo {
            self.echo_text(chunk.text)?;
        }
        let sql = to_cstring(chunk)?;
        let len = chunk.text.len();
        let mut offset = 0;
        while offset < len {
            let start = offset + dataset::leading_space(&chunk.text[offset..]);
            let db = Db::new(&self.conn);
            let (stmt, next) = db.prepare(&sql, offset).map_err(|(message, at)| {
                let location = Some(chunk.locate(at.map_or(start, |a| offset + a)));
                match crate::guard::take_denial() {
                    Some(message) => Error::Refused { message, location },
                    None => Error::Sql { message, location },
                }
            })?;
            let text = &chunk.text[start.min(next)..next];
            offset = next;
            let Some(mut stmt) = stmt else { continue };
            // The location is built only for an error: most statements never need it.
            let here = || chunk.locate(start);
            if self.safe && crate::guard::is_vacuum_into(text) {
                return Err(Error::Refused {
                    message: "VACUUM INTO is not allowed with --safe".into(),
                    location: Some(here()),
                });
            }
            stmt.bind(&self.params).map_err(|e| e.at(&here()))?;
            let opts = self.render_options();
            let began = self.timer.then(Timer::start);
            let result = execute(&db, &mut stmt, &opts, self.out.mode, &mut self.sink);
            let mut tail = Vec::new();
            if let Some(t) = began {
                tail.extend_from_slice(t.report().as_bytes());
            }
            if self.changes && !stmt.is_readonly() {
                tail.extend_from_slice(
                    format!(
                        "changes: {}   total_changes: {}\n",
                        db.changes(),
                        db.total_changes()
                    )
                    .as_bytes(),
                );
            }
            drop(stmt);
            result.map_err(|e| e.at(&here()))?;
            if !tail.is_empty() {
                self.sink.write_all(&tail)?;
            }
            self.end_once()?;
        }
        Ok(())
    }

    /// After a statement, a `.once` file is closed and output returns to stdout.
    pub fn end_once(&mut self) -> Result<()> {
        if let Sink::File { is_once: true, .. } = self.sink {
            let mut old = std::mem::replace(&mut self.sink, Sink::Stdout(io::stdout()));
            old.flush()?;
        }
        Ok(())
    }

    /// Runs a script file (`.read`, FILE arguments), with paths relative to `base`.
    pub fn run_file(&mut self, path: &Path) -> Result<Flow> {
        if self.depth >= MAX_READ_DEPTH {
            return Err(Error::ReadDepth {
                limit: MAX_READ_DEPTH,
                path: path.to_path_buf(),
                location: None,
            });
        }
        let file = File::open(path).map_err(|source| Error::File {
            action: "open",
            path: path.to_path_buf(),
            source,
        })?;
        if file.metadata().is_ok_and(|m| m.is_dir()) {
            return Err(Error::File {
                action: "read",
                path: path.to_path_buf(),
                source: io::Error::other("is a directory"),
            });
        }
        let mut reader = BufReader::with_capacity(64 * 1024, file);
        // sqlite3 users pass the database as the first argument; here FILE is a script.
        if std::io::BufRead::fill_buf(&mut reader)
            .is_ok_and(|b| b.starts_with(b"SQLite format 3\0"))
        {
            return Err(Error::File {
                action: "run",
                path: path.to_path_buf(),
                source: io::Error::other(format!(
                    "it is a SQLite database, not a script; open it with --db {}",
                    path.display()
                )),
            });
        }
        self.check_declared_params(path)?;
        let mut src = ReaderSource::new(reader, Rc::from(path.display().to_string()));
        let base: Option<PathBuf> = path.parent().map(Path::to_path_buf);
        self.depth += 1;
        let flow = self.run(&mut src, base.as_deref());
        self.depth -= 1;
        flow
    }

    /// Runs one internal query (a dot-command's listing) with the given values, drawn in
    /// `mode` with `opts`.
    pub fn show_query(&mut self, sql: &str, mode: Mode, opts: &Options) -> Result<()> {
        self.show_with(sql, mode, opts, &BTreeMap::new())
    }

    /// Runs one internal query with positional values, drawn in the current mode.
    pub fn show_bound(&mut self, sql: &str, bound: &BTreeMap<String, Value>) -> Result<()> {
        let opts = self.render_options();
        self.show_with(sql, self.out.mode, &opts, bound)
    }

    fn show_with(
        &mut self,
        sql: &str,
        mode: Mode,
        opts: &Options,
        bound: &BTreeMap<String, Value>,
    ) -> Result<()> {
        let chunk = Chunk {
            text: sql,
            origin: Rc::from("<internal>"),
            line: 1,
        };
        let text = to_cstring(&chunk)?;
        let db = Db::new(&self.conn);
        let (stmt, _) = db.prepare(&text, 0).map_err(|(message, _)| Error::Sql {
            message,
            location: None,
        })?;
        let Some(mut stmt) = stmt else { return Ok(()) };
        stmt.bind(bound)?;
        execute(&db, &mut stmt, opts, mode, &mut self.sink)
    }

    /// A file whose header declares `-- @param` lines runs only when each has a value of
    /// the declared type.
    pub fn check_declared_params(&self, path: &Path) -> Result<()> {
        use std::io::BufRead;
        let Ok(file) = File::open(path) else {
            return Ok(());
        };
        // Only the leading comment lines form the header; a long script is not read twice.
        let header: Vec<String> = BufReader::new(file)
            .lines()
            .map_while(|l| l.ok())
            .take_while(|l| l.trim().is_empty() || l.trim_start().starts_with("--"))
            .collect();
        let (_, decls) = dataset::parse_header(&header.join("\n"));
        dataset::check_params(&decls, &self.params)
    }
}

/// Steps one statement into the renderer for `mode`, draining output to the sink as it
/// grows so that memory stays flat however many rows there are.
fn execute(db: &Db, stmt: &mut Stmt, opts: &Options, mode: Mode, sink: &mut Sink) -> Result<()> {
    const CHUNK: usize = 64 * 1024;
    let _busy = Busy::start();
    if stmt.column_count() == 0 {
        while let Step::Row = stmt.step(db)? {}
        return Ok(());
    }
    let names = stmt.column_names();
    let mut r = renderer(mode, opts);
    let mut buf = Vec::with_capacity(CHUNK + 4096);
    r.begin(&mut buf, &names);
    loop {
        match stmt.step(db) {
            Ok(Step::Row) => {
                r.row(&mut buf, &stmt.row());
                if buf.len() >= CHUNK {
                    sink.write_all(&buf)?;
                    buf.clear();
                }
            }
            Ok(Step::Done) => break,
            Err(e) => {
                // What streamed so far stays written, and a JSON array is still closed.
                if !mode.is_table() {
                    r.end(&mut buf);
                }
                sink.write_all(&buf)?;
                sink.flush()?;
                return Err(e);
            }
        }
    }
    r.end(&mut buf);
    sink.write_all(&buf)?;
    sink.flush()?;
    Ok(())
}

/// `.timer on`: wall, user and system time of one statement, printed as sqlite3 does.
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
