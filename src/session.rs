//! The shell's state and nothing else: the connection (with `--safe`/`--readonly` applied
//! to whichever connection is current), the output options, parameters, the output sink,
//! the shell's on/off settings, the last result kept for `.last`, and a chart waiting for
//! the next result.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, Write};
use std::path::PathBuf;

use rusqlite::Connection;

use crate::dataset;
use crate::error::Result;
use crate::figures::series::NextChart;
use crate::guard::{self, Refusals};
use crate::render::{self, Kept, Options};
use crate::settings::{Dataset, Origin, Settings};
use crate::signal;
use crate::sqlite::{Grid, Params};
use crate::value::Value;
use crate::visible::write_shown;

/// Where results go: stdout, or a file from `.output` / `.once`.
pub enum Sink {
    Stdout(io::Stdout),
    File {
        out: io::BufWriter<File>,
        /// `.once`: back to stdout after the next input item.
        is_once: bool,
        /// Set until the item that opened the file has ended.
        is_fresh: bool,
        /// `.once` held by a file that `.read`/`.run` started: kept until that file ends.
        is_held: bool,
    },
    /// Output kept in memory: how unit tests read what a command printed.
    #[cfg_attr(not(test), allow(dead_code))]
    Memory(Vec<u8>),
}

impl Sink {
    pub fn is_stdout(&self) -> bool {
        matches!(self, Sink::Stdout(_))
    }

    /// Writes `bytes` that came from data or input (.print, .schema, .dump, an echoed
    /// line), then flushes. With `is_shown` (the output is a terminal) their control
    /// characters are shown as pictures, never obeyed (see [`Shown`](crate::visible::Shown)); elsewhere every
    /// byte is kept.
    pub fn write_data(&mut self, bytes: &[u8], is_shown: bool) -> io::Result<()> {
        write_shown(is_shown, self, |w| {
            w.write_all(bytes)?;
            w.flush()
        })
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(s) => s.write(buf),
            Sink::File { out, .. } => out.write(buf),
            Sink::Memory(v) => v.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout(s) => s.lock().write_all(buf),
            Sink::File { out, .. } => out.write_all(buf),
            Sink::Memory(v) => v.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(s) => s.flush(),
            Sink::File { out, .. } => out.flush(),
            Sink::Memory(_) => Ok(()),
        }
    }
}

/// A connection with the flags' guards installed and registered for interruption, and
/// where its guard says why it refused.
fn secure(
    mut conn: Connection,
    is_safe: bool,
    is_readonly: bool,
) -> Result<(Connection, Refusals)> {
    let refusals = guard::install(&mut conn, is_safe, is_readonly)?;
    signal::watch(&conn);
    Ok((conn, refusals))
}

/// Everything a running shell holds.
pub struct Session {
    conn: Connection,
    /// Why `conn`'s guard refused, for the statement that was refused.
    refusals: Refusals,
    dataset: Dataset,
    is_safe: bool,
    is_readonly: bool,
    sink: Sink,
    /// Output settings as the user set them; `render_options` adapts them to the sink.
    pub opts: Options,
    /// The user set `.maxrows`/`--maxrows` (otherwise the terminal default applies only
    /// while results go to the terminal).
    pub is_maxrows_explicit: bool,
    pub params: Params,
    pub bail: bool,
    pub echo: bool,
    pub timer: bool,
    pub changes: bool,
    /// Colour is allowed: `--color`, NO_COLOR and the terminal test, decided once.
    color: bool,
    is_stdout_tty: bool,
    /// The last result, for `.last`, `.copy`, `.excel`, `.export`, `.chart`, `.pivot` and
    /// `.summarize`.
    pub last: Option<Kept>,
    /// The statement that gave the last result, and the parameters it used.
    pub last_query: Option<Statement>,
    /// The last statement that ran without error, for `.save-query` and `.edit`.
    pub last_statement: Option<Statement>,
    /// The pager command for results taller than the terminal; None: off.
    pub pager: Option<String>,
    /// The pager `.pager on` turns on.
    pub pager_command: String,
    /// Where the user's own saved queries live (None: unknown, or `--safe`).
    queries_dir: Option<PathBuf>,
    /// Where each setting `.show` lists came from, when not the built-in default.
    pub origins: BTreeMap<&'static str, Origin>,
    /// Opens a file in its desktop app (`.excel`); None without a desktop.
    pub opener: Option<String>,
    /// The editor `.edit` runs.
    pub editor: String,
    /// `.cite`: table results are followed by the legend of the sources they show.
    pub cite: bool,
    /// `.chart --next`: the next SQL input's result is drawn as this chart, not a table.
    pub next_chart: Option<NextChart>,
}

/// One SQL statement as it ran: its text and the parameters it used, by name, with their
/// values.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub text: String,
    pub params: Vec<(String, Value)>,
}

impl Session {
    pub fn new(settings: &Settings) -> Result<Session> {
        let conn = dataset::open(&settings.dataset, settings.readonly)?;
        let (conn, refusals) = secure(conn, settings.safe, settings.readonly)?;
        Ok(Session {
            conn,
            refusals,
            dataset: settings.dataset.clone(),
            is_safe: settings.safe,
            is_readonly: settings.readonly,
            sink: Sink::Stdout(io::stdout()),
            opts: settings.output.clone(),
            is_maxrows_explicit: settings.is_maxrows_explicit,
            params: settings
                .params
                .iter()
                .map(|(name, value)| (name.clone(), Value::from_literal(value)))
                .collect(),
            bail: settings.bail,
            echo: settings.echo,
            timer: false,
            changes: false,
            color: settings.color,
            is_stdout_tty: settings.is_stdout_tty,
            last: None,
            last_query: None,
            last_statement: None,
            pager: settings.pager.clone(),
            pager_command: settings.pager_command.clone(),
            queries_dir: settings.queries_dir.clone().filter(|_| !settings.safe),
            origins: settings.origins.clone(),
            opener: settings.opener.clone(),
            editor: settings.editor.clone(),
            cite: settings.cite,
            next_chart: None,
        })
    }

    /// Applies again what the command line set, after the init file ran: options beat the
    /// init file, as sqlite3's beat `~/.sqliterc`.
    pub fn apply_command_line(&mut self, settings: &Settings) {
        let given = |key: &str| settings.origins.get(key) == Some(&Origin::CommandLine);
        let from = &settings.output;
        if given("mode") {
            self.opts.mode = from.mode;
            self.opts.table_name = from.table_name.clone();
        }
        // A mode given on the command line gives its separators too (its keys say so).
        if given("colseparator") {
            self.opts.colsep = from.colsep.clone();
        }
        if given("rowseparator") {
            self.opts.rowsep = from.rowsep.clone();
        }
        if given("headers") {
            self.opts.headers = from.headers;
        }
        if given("nullvalue") {
            self.opts.nullvalue = from.nullvalue.clone();
        }
        if given("numbers") {
            self.opts.numbers = from.numbers;
        }
        if given("maxrows") {
            self.opts.maxrows = from.maxrows;
            self.is_maxrows_explicit = true;
        }
        if given("bail") {
            self.bail = settings.bail;
        }
        if given("echo") {
            self.echo = settings.echo;
        }
        for (key, origin) in &settings.origins {
            if *origin == Origin::CommandLine {
                self.origins.insert(key, Origin::CommandLine);
            }
        }
    }

    /// The directory of the user's own saved queries; None under `--safe`, which reads no
    /// files.
    pub fn queries_dir(&self) -> Option<&std::path::Path> {
        self.queries_dir.as_deref()
    }

    /// True when stdout is a terminal (decided once, in `Settings`).
    pub fn is_stdout_tty(&self) -> bool {
        self.is_stdout_tty
    }

    /// Colour is allowed on the terminal.
    pub fn is_color(&self) -> bool {
        self.color
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    pub fn is_safe(&self) -> bool {
        self.is_safe
    }

    pub fn is_readonly(&self) -> bool {
        self.is_readonly
    }

    /// Makes `conn` the session's database. `--safe` and `--readonly` are applied to it
    /// before anything can run on it, and signals interrupt its statements from now on.
    pub fn set_connection(&mut self, conn: Connection, is_readonly: bool) -> Result<()> {
        (self.conn, self.refusals) = secure(conn, self.is_safe, is_readonly)?;
        self.is_readonly = is_readonly;
        Ok(())
    }

    /// The connection and the sink at once, for the executor, which steps one into the
    /// other.
    pub fn conn_and_sink(&mut self) -> (&Connection, &mut Sink) {
        (&self.conn, &mut self.sink)
    }

    /// Why the connection's guard refused a statement (`--safe`, `--readonly`).
    pub fn refusals(&self) -> Refusals {
        self.refusals.clone()
    }

    pub fn sink(&mut self) -> &mut Sink {
        &mut self.sink
    }

    pub fn is_sink_stdout(&self) -> bool {
        self.sink.is_stdout()
    }

    /// Sends output to `new` from now on; what went to the old sink is flushed first.
    pub fn set_sink(&mut self, new: Sink) -> Result<()> {
        let mut old = std::mem::replace(&mut self.sink, new);
        old.flush()?;
        Ok(())
    }

    /// Called by the driver after every input item, failed or not: `.once` covers the
    /// whole item after it (every statement of that input line), then output returns to
    /// stdout.
    pub fn end_item(&mut self) -> Result<()> {
        if let Sink::File {
            is_once: true,
            is_fresh,
            is_held,
            ..
        } = &mut self.sink
        {
            if *is_held {
                return Ok(());
            }
            if *is_fresh {
                *is_fresh = false;
                return Ok(());
            }
            self.set_sink(Sink::Stdout(io::stdout()))?;
        }
        Ok(())
    }

    /// The item after `.once` started a file (`.read`, `.run`): everything that file prints
    /// is that item's output, so `.once` holds until `release_once`. True when a `.once`
    /// was waiting and is now held by this call.
    pub fn hold_once(&mut self) -> bool {
        if let Sink::File {
            is_once: true,
            is_fresh: false,
            is_held,
            ..
        } = &mut self.sink
            && !*is_held
        {
            *is_held = true;
            return true;
        }
        false
    }

    /// The file that held `.once` has ended: output returns to stdout.
    pub fn release_once(&mut self) -> Result<()> {
        if let Sink::File {
            is_once: true,
            is_held: true,
            ..
        } = &self.sink
        {
            self.set_sink(Sink::Stdout(io::stdout()))?;
        }
        Ok(())
    }

    /// Writes text to the output; at a terminal its control characters are shown as
    /// pictures (`Shown`), elsewhere its bytes are kept.
    pub fn write(&mut self, text: &str) -> Result<()> {
        let is_shown = self.is_to_terminal();
        self.sink.write_data(text.as_bytes(), is_shown)?;
        Ok(())
    }

    /// Writes `text` as it is: scoql's own drawing (a chart's colours), whose data was made
    /// visible as it was drawn.
    pub fn write_drawn(&mut self, text: &str) -> Result<()> {
        self.sink.write_all(text.as_bytes())?;
        self.sink.flush()?;
        Ok(())
    }

    /// True when results are drawn on the terminal (stdout is one, and no file is set).
    pub fn is_to_terminal(&self) -> bool {
        self.sink.is_stdout() && self.is_stdout_tty
    }

    /// Whether a result in `mode` goes through [`Shown`](crate::visible::Shown): at a terminal, where a control
    /// character would act, the modes that keep sqlite3's bytes show it as a picture (the
    /// table modes draw it so already).
    pub fn shows_controls(&self, mode: render::Mode) -> bool {
        self.is_to_terminal() && !mode.is_table()
    }

    /// The options for the next result: the user's, with the row limit, width and colour
    /// that the current sink allows (a file gets no colour, no fitting, and no row limit
    /// unless the user set one).
    pub fn render_options(&self) -> Options {
        let to_terminal = self.is_to_terminal();
        Options {
            maxrows: if to_terminal || self.is_maxrows_explicit {
                self.opts.maxrows
            } else {
                None
            },
            width: if to_terminal {
                crate::settings::terminal_width()
            } else {
                None
            },
            color: self.color && self.sink.is_stdout(),
            ..self.opts.clone()
        }
    }

    /// The pager command and the lines that fit on the screen, when the next result is
    /// drawn on a terminal and paging is on.
    pub fn pager_for_result(&self) -> Option<(String, usize)> {
        if !self.is_to_terminal() {
            return None;
        }
        let command = self.pager.clone()?;
        // The prompt takes the last line.
        let height = usize::from(crate::settings::terminal_height()?).saturating_sub(1);
        Some((command, height.max(1)))
    }

    /// The width text is wrapped to: the terminal's when output goes to one, else 80.
    pub fn text_width(&self) -> usize {
        self.render_options().width.map_or(80, usize::from)
    }

    /// Draws a dot-command's listing in the current mode. A listing is documentation, so
    /// on a terminal its long text wraps inside the cell rather than being cut.
    pub fn show(&mut self, grid: &Grid) -> Result<()> {
        let opts = Options {
            wrap_text: true,
            ..self.render_options()
        };
        self.show_with(&opts, grid)
    }

    /// Draws a result held in memory with the given options.
    /// At a terminal, the modes that keep sqlite3's bytes show the grid's control
    /// characters as pictures ([`Shown`](crate::visible::Shown)), as a query's result does.
    pub fn show_with(&mut self, opts: &Options, grid: &Grid) -> Result<()> {
        let is_shown = self.shows_controls(opts.mode);
        write_shown(is_shown, &mut self.sink, |w| {
            render::render_grid(opts, grid, w)
        })?;
        Ok(())
    }
}

#[cfg(test)]
impl Session {
    /// A session on an empty database whose output is kept in memory, as if started with
    /// `scoql --no-seed ARGS` and piped.
    pub fn for_tests(args: &[&str]) -> Session {
        let settings = Settings::for_tests(args);
        let mut session = match Session::new(&settings) {
            Ok(s) => s,
            Err(e) => panic!("a test session: {e}"),
        };
        session.sink = Sink::Memory(Vec::new());
        session
    }

    /// The output so far, taken (tests).
    pub fn take_output(&mut self) -> String {
        match &mut self.sink {
            Sink::Memory(v) => String::from_utf8_lossy(&std::mem::take(v)).into_owned(),
            Sink::Stdout(_) | Sink::File { .. } => String::new(),
        }
    }
}
