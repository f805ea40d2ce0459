//! The one error type of scoql, where an error happened (`Location`), the report a user
//! reads on stderr (message, location, a caret under the offending token), and `End`: how a
//! run ended, with the one function that turns it into an exit status.

use std::fmt;
use std::io::{self, Write};
use std::path::PathBuf;
use std::rc::Rc;

use unicode_width::UnicodeWidthChar;

use crate::visible::visible;

/// Where a piece of input came from and where in it: `queries/top.sql:3:1`, `<stdin>:2:5`,
/// `<command 1>:1:8`. Lines and columns are 1-based; the column counts characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub origin: Rc<str>,
    pub line: usize,
    pub col: usize,
    /// The text of that line, for the caret report, when it is known.
    pub text: Option<String>,
    /// How many characters the caret underlines.
    pub width: usize,
}

impl Location {
    pub fn new(origin: Rc<str>, line: usize, col: usize) -> Self {
        Location {
            origin,
            line,
            col,
            text: None,
            width: 1,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.origin, self.line, self.col)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// SQLite refused or failed a statement.
    #[error("{message}")]
    Sql {
        message: String,
        location: Option<Location>,
    },
    /// The input itself is unreadable: invalid UTF-8, a NUL byte.
    #[error("{message}")]
    Input { message: String, location: Location },
    /// A file could not be opened, read or written.
    #[error("cannot {action} {}: {}", path.display(), io_text(source))]
    File {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    /// Writing results failed (a closed pipe is handled as success in main).
    #[error("cannot write output: {}", io_text(.0))]
    Output(#[from] io::Error),
    /// A dot-command was misused; carries the command's usage line.
    #[error("{message}; usage: {usage}")]
    Usage {
        message: String,
        usage: &'static str,
        location: Option<Location>,
    },
    #[error("unknown command: .{name} (try .help)")]
    UnknownCommand {
        name: String,
        location: Option<Location>,
    },
    /// A statement names a parameter that has no value.
    #[error("no value for parameter {name}{hint}")]
    UnboundParameter {
        name: String,
        hint: String,
        location: Option<Location>,
    },
    /// A `--param` or `.param set` value does not match the declared type of a saved query.
    #[error("{message}")]
    Parameter {
        message: String,
        location: Option<Location>,
    },
    /// `.read` (or `.run`) nested deeper than the limit, most likely a file that reads
    /// itself; `input` names what would have been pushed.
    #[error(".read nested more than {limit} deep: {input}")]
    ReadDepth {
        limit: usize,
        input: String,
        location: Option<Location>,
    },
    /// An embedded or --seed-dir dataset file failed to load.
    #[error("dataset file {file} failed: {message}")]
    Dataset {
        file: String,
        message: String,
        location: Option<Location>,
    },
    /// Refused by --safe or --readonly; the message says what and which flag.
    #[error("{message}")]
    Refused {
        message: String,
        location: Option<Location>,
    },
    /// A result cannot be drawn honestly as asked (`.chart`, `.pivot`, `.summarize`): no
    /// numeric column, values in several units, a column not in the result. The message
    /// says why and what to draw instead.
    #[error("{message}")]
    Figure {
        message: String,
        location: Option<Location>,
    },
    /// `.import` could not read its file, or stored rows other than as they were in it.
    #[error("{message}")]
    Import {
        message: String,
        location: Option<Location>,
    },
    /// An error of a kind that carries no location of its own (a file that cannot be
    /// opened, a database error), at the place in the input that caused it.
    #[error("{error}")]
    Located {
        error: Box<Error>,
        location: Location,
    },
    #[error("interrupted")]
    Interrupted,
    /// The database could not be opened or prepared (before any input ran).
    #[error("{context}: {source}")]
    Database {
        context: String,
        source: rusqlite::Error,
    },
}

impl Error {
    /// The location this error is reported at, when it has one.
    pub fn location(&self) -> Option<&Location> {
        match self {
            Error::Sql { location, .. }
            | Error::Usage { location, .. }
            | Error::UnknownCommand { location, .. }
            | Error::UnboundParameter { location, .. }
            | Error::Parameter { location, .. }
            | Error::ReadDepth { location, .. }
            | Error::Dataset { location, .. }
            | Error::Refused { location, .. }
            | Error::Import { location, .. }
            | Error::Figure { location, .. } => location.as_ref(),
            Error::Input { location, .. } | Error::Located { location, .. } => Some(location),
            Error::File { .. } | Error::Output(_) | Error::Interrupted | Error::Database { .. } => {
                None
            }
        }
    }

    /// Attaches a location to an error raised by code that did not know where it was. A
    /// write to the output and an interrupt stay as they are: they are not the input's
    /// fault, and the driver tells them apart by kind.
    pub fn at(mut self, here: &Location) -> Self {
        let slot = match &mut self {
            Error::Sql { location, .. }
            | Error::Usage { location, .. }
            | Error::UnknownCommand { location, .. }
            | Error::UnboundParameter { location, .. }
            | Error::Parameter { location, .. }
            | Error::ReadDepth { location, .. }
            | Error::Dataset { location, .. }
            | Error::Refused { location, .. }
            | Error::Import { location, .. }
            | Error::Figure { location, .. } => location,
            Error::File { .. } | Error::Database { .. } => {
                return Error::Located {
                    error: Box::new(self),
                    location: here.clone(),
                };
            }
            Error::Input { .. } | Error::Located { .. } | Error::Output(_) | Error::Interrupted => {
                return self;
            }
        };
        if slot.is_none() {
            *slot = Some(here.clone());
        }
        self
    }

    /// True when the error is a write to a closed pipe: the reader went away, which is not a
    /// failure of ours (`scoql ... | head -1`).
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            Error::Output(e) => e.kind() == io::ErrorKind::BrokenPipe,
            _ => false,
        }
    }

    /// The full report: `Error: message`, then the location and a caret when known.
    /// Control characters of the message and the line are shown as pictures
    /// ([`visible`]), and the caret is placed by display width, so that it stands under
    /// its token after East-Asian wide characters (2 columns each) too.
    pub fn report(&self) -> String {
        let mut out = format!("Error: {}\n", visible(&self.to_string()));
        if let Some(loc) = self.location() {
            out.push_str(&format!("  --> {}\n", visible(&loc.to_string())));
            if let Some(text) = &loc.text {
                let num = loc.line.to_string();
                let pad = " ".repeat(num.len());
                let shown: String = visible(text).chars().take(200).collect();
                let before = loc.col.saturating_sub(1);
                let mut lead = String::new();
                for c in shown.chars().take(before) {
                    match c {
                        '\t' => lead.push('\t'),
                        c => lead.extend(std::iter::repeat_n(' ', c.width().unwrap_or(0))),
                    }
                }
                let under: usize = shown
                    .chars()
                    .skip(before)
                    .take(loc.width.max(1))
                    .map(|c| c.width().unwrap_or(0))
                    .sum();
                out.push_str(&format!(" {pad} |\n"));
                out.push_str(&format!(" {num} | {shown}\n"));
                out.push_str(&format!(" {pad} | {lead}{}\n", "^".repeat(under.max(1))));
            }
        }
        out
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong with a file or a stream, in words: the system's message without Rust's
/// ` (os error N)` and what a wrapper added after it (tempfile's ` at path "…"`, naming a
/// file the user never asked for). Any error that displays an `io::Error` may be given.
pub fn io_text(e: &impl fmt::Display) -> String {
    let text = e.to_string();
    match text.find(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Writes an error's report to stderr. Never panics: a closed or full stderr loses the
/// report, not the session (`2>/dev/full`, `2>&1 | head -1`).
pub fn report(e: &Error) {
    let _ = io::stderr().lock().write_all(e.report().as_bytes());
}

/// Writes `warning: MESSAGE` to stderr, never panicking; control characters (from a file
/// name or a CSV header) are shown as pictures.
pub fn warn(message: &str) {
    let _ = writeln!(io::stderr().lock(), "warning: {}", visible(message));
}

/// Writes a one-line note to stderr (what a command did: a file written, bytes copied),
/// never panicking. Notes stay out of results, which go to stdout or an `.output` file.
pub fn note(message: &str) {
    let _ = writeln!(io::stderr().lock(), "{}", visible(message));
}

/// How a run ended. The exit-status contract (DESIGN.md "Exit status", numbered in
/// `tests/it/exit_codes.rs`) is `End::status`, the only place a status is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// Every input ran to its end, or `.quit`/`.exit` without a code, or Ctrl-D.
    Finished,
    /// `.quit CODE` / `.exit CODE`.
    Quit(i32),
    /// `--bail` (or `.bail on`) stopped a script at its first error.
    Bail,
    /// SIGINT in a script (or outside the REPL).
    Interrupted,
    /// SIGTERM or SIGHUP, by number.
    Terminated(i32),
    /// Output went to a closed pipe (`| head`): the reader is gone, which is success.
    BrokenPipe,
    /// The command line was wrong (2), or asked for --help/--version (0).
    Usage(i32),
}

impl End {
    /// The exit status: 0 when everything succeeded; 1 when any statement or command of a
    /// non-interactive run failed (`had_error`), even when `.quit` without a code ended it;
    /// `.quit N` → N; 1 for `--bail`; 130 on SIGINT; 128+N on signal N; 0 on a closed pipe;
    /// 2 for a usage error.
    pub fn status(self, had_error: bool) -> i32 {
        match self {
            End::Finished => i32::from(had_error),
            End::Quit(code) => code,
            End::Bail => 1,
            End::Interrupted => 130,
            End::Terminated(sig) => 128 + sig,
            End::BrokenPipe => 0,
            End::Usage(code) => code,
        }
    }
}
