//! The rustyline helper: a thin composition, configured once, of completion, highlighting
//! and history hints (the last two only when colour is on: a hint must look unlike typed
//! text). Statements spanning lines are the driver's business, so the validator accepts
//! every line. Whatever the editor draws from input or data (the line, a hint, the list of
//! completions) passes through `visible` here, colour or not: rustyline writes it raw, and
//! an ESC from a history file, a table name or a key typed after Ctrl-V would act on the
//! terminal.

use std::borrow::Cow;

use rusqlite::Connection;
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::{Hinter, HistoryHinter};
use rustyline::validate::Validator;
use rustyline::{Context, Helper};

use super::complete::Completion;
use super::highlight::Highlight;
use crate::visible::visible;

/// How a hint is drawn: dim, then back to normal.
const HINT: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

pub struct ReplHelper {
    completion: Completion,
    highlight: Option<Highlight>,
    hints: Option<HistoryHinter>,
}

impl ReplHelper {
    pub fn new(is_color: bool, queries_dir: Option<std::path::PathBuf>) -> Self {
        ReplHelper {
            completion: Completion::new(queries_dir),
            highlight: is_color.then(Highlight::new),
            hints: is_color.then(HistoryHinter::new),
        }
    }

    /// The earlier lines of the statement being typed, for completion.
    pub fn set_pending(&mut self, lines: &str) {
        self.completion.set_pending(lines);
    }

    /// Reads names again when the schema or the data changed since the last read.
    pub fn refresh(&mut self, conn: &Connection) {
        self.completion.refresh(conn);
    }
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (start, mut pairs) = self.completion.complete(line, pos);
        for p in &mut pairs {
            if let Cow::Owned(shown) = visible(&p.display) {
                p.display = shown;
            }
        }
        Ok((start, pairs))
    }
}

/// Fish-style: the rest of the latest history entry that starts with the line, up to the
/// end of that entry's line (a multi-line statement is offered one line at a time).
impl Hinter for ReplHelper {
    type Hint = String;

    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<String> {
        let hint = self.hints.as_ref()?.hint(line, pos, ctx)?;
        let first = hint.split('\n').next().unwrap_or_default();
        (!first.is_empty()).then(|| first.to_string())
    }
}

impl Validator for ReplHelper {}

impl Helper for ReplHelper {}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, pos: usize) -> Cow<'l, str> {
        match &self.highlight {
            Some(h) if !line.is_empty() => Cow::Owned(h.line(line, pos)),
            _ => visible(line),
        }
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        Cow::Owned(format!("{HINT}{}{RESET}", visible(hint)))
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.highlight.is_some()
    }
}
