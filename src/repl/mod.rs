//! The interactive shell: a rustyline editor as one more source of lines for the driver,
//! plus the banner, the prompts and the history file. Completion and highlighting live in
//! `helper`.

mod complete;
mod files;
mod helper;
mod highlight;

use std::collections::VecDeque;
use std::path::PathBuf;
use std::rc::Rc;

use rusqlite::Connection;
use rustyline::Editor;
use rustyline::config::{Behavior, BellStyle, ColorMode, CompletionType, Config};
use rustyline::error::ReadlineError;
use rustyline::history::{DefaultHistory, History};

use crate::error::{self, Error, Location, Result};
use crate::input::{Line, LineSource};
use crate::settings::{Dataset, Settings};
use helper::ReplHelper;

/// The continuation prompt for `prompt`: `...> ` right-aligned to the same width, so
/// multi-line input lines up (`scoql> ` → `  ...> `).
fn continuation(prompt: &str) -> String {
    let width = unicode_width::UnicodeWidthStr::width(prompt);
    format!("{:>width$}", "...> ")
}

/// Lines typed at the prompt. Each complete statement goes into the history as one entry.
struct EditorSource {
    editor: Editor<ReplHelper, DefaultHistory>,
    history: Option<PathBuf>,
    /// Lines of the statement being typed, for its history entry.
    typed: Vec<String>,
    /// The lines after the first of a block pasted at once, handed on one at a time so
    /// that a dot-command line inside the block is a dot-command, as when typed.
    queued: VecDeque<String>,
    has_warned: bool,
    prompt: String,
    continuation: String,
}

impl EditorSource {
    fn remember(&mut self) {
        if self.typed.is_empty() {
            return;
        }
        let entry = self.typed.join("\n");
        self.typed.clear();
        if entry.trim().is_empty() {
            return;
        }
        let _ = self.editor.history_mut().add(&entry);
        // Appending (rather than rewriting the file) keeps what other scoql sessions wrote
        // meanwhile, and saving after every statement keeps it through a crash or a kill.
        if let Some(path) = &self.history
            && let Err(e) = self.editor.append_history(path)
        {
            self.warn(&format!(
                "cannot write history {}: {}",
                path.display(),
                error::io_text(&e)
            ));
        }
    }

    fn warn(&mut self, message: &str) {
        if !self.has_warned {
            error::warn(message);
            self.has_warned = true;
        }
    }
}

impl LineSource for EditorSource {
    fn next_line(&mut self, is_pending: bool, conn: &Connection) -> Result<Line> {
        if let Some(line) = self.queued.pop_front() {
            return Ok(Line::Text(line));
        }
        if !is_pending {
            self.remember();
        }
        let pending = self.typed.join("\n");
        if let Some(h) = self.editor.helper_mut() {
            if !is_pending {
                h.refresh(conn);
            }
            h.set_pending(&pending);
        }
        let prompt = if is_pending {
            &self.continuation
        } else {
            &self.prompt
        };
        match self.editor.readline(prompt) {
            Ok(block) => {
                // A pasted block arrives as one "line" holding newlines: it is one history
                // entry, and the splitter gets it line by line.
                self.typed.push(block.clone());
                let mut lines = block
                    .split('\n')
                    .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string());
                let first = lines.next().unwrap_or_default();
                self.queued.extend(lines);
                Ok(Line::Text(first))
            }
            Err(ReadlineError::Interrupted) => {
                self.typed.clear();
                Ok(Line::Cancel)
            }
            Err(ReadlineError::Eof) => {
                self.remember();
                Ok(Line::End)
            }
            // Bytes that are not UTF-8 (a Latin-1 terminal, a Meta key setting the eighth
            // bit) are bad input, not a terminal gone: the line goes, the session stays. The
            // bad byte was consumed, so this cannot repeat without more input.
            Err(ReadlineError::Io(e)) if e.kind() == std::io::ErrorKind::InvalidData => {
                self.typed.clear();
                error::warn(
                    "the terminal sent bytes that are not UTF-8 text; what was being typed is dropped",
                );
                Ok(Line::Cancel)
            }
            Err(e) => Err(Error::Input {
                message: format!("cannot read the terminal: {}", error::io_text(&e)),
                location: Location::new(self.origin(), 0, 0),
            }),
        }
    }

    fn origin(&self) -> Rc<str> {
        Rc::from("<repl>")
    }

    fn is_interactive(&self) -> bool {
        true
    }

    fn cancel(&mut self) {
        self.queued.clear();
    }
}

/// The database in one phrase, for the banner: it names what the session really holds, not
/// the embedded dataset when `--no-seed` or `--db` replaced it.
fn describe(dataset: &Dataset) -> String {
    match dataset {
        Dataset::Embedded => "the China–SCO zone in Qingdao as SQL".into(),
        Dataset::Dir(dir) => format!("the dataset in {}", dir.display()),
        Dataset::File(path) => format!("the database {}", path.display()),
        Dataset::Empty => "an empty in-memory database".into(),
    }
}

/// The interactive shell's source of lines: the editor with its helper and history, after
/// the banner (on a terminal only).
pub fn editor(settings: &Settings) -> Result<Box<dyn LineSource>> {
    let config = Config::builder()
        .completion_type(CompletionType::List)
        .history_ignore_space(true)
        .bell_style(BellStyle::None)
        // The helper draws every line, so that control characters show as pictures (see
        // `helper`); whether that drawing has colours is `settings.color`'s business.
        .color_mode(ColorMode::Forced)
        // The prompt and the editing are drawn on the terminal, not into stdout: with
        // `scoql > out.txt` the file gets the results alone.
        .behavior(Behavior::PreferTerm)
        .auto_add_history(false)
        .max_history_size(settings.history_size)
        .and_then(|b| b.history_ignore_dups(true))
        .map_err(|e| Error::Input {
            message: format!("cannot configure the line editor: {e}"),
            location: Location::new(Rc::from("<repl>"), 0, 0),
        })?
        .build();
    let mut editor: Editor<ReplHelper, DefaultHistory> =
        Editor::with_config(config).map_err(|e| Error::Input {
            message: format!("cannot start the line editor: {e}"),
            location: Location::new(Rc::from("<repl>"), 0, 0),
        })?;
    let queries_dir = settings.queries_dir.clone().filter(|_| !settings.safe);
    editor.set_helper(Some(ReplHelper::new(settings.color, queries_dir)));
    let mut src = EditorSource {
        editor,
        history: settings.history.clone(),
        typed: Vec::new(),
        queued: VecDeque::new(),
        has_warned: false,
        // Text from the config, shown and never obeyed, like any other (`visible`).
        prompt: crate::visible::visible(&settings.prompt).into_owned(),
        continuation: continuation(&crate::visible::visible(&settings.prompt)),
    };
    if let Some(path) = &settings.history {
        let ready = match path.parent() {
            Some(dir) => std::fs::create_dir_all(dir),
            None => Ok(()),
        };
        match ready {
            Err(e) => src.warn(&format!(
                "cannot create {}: {}",
                path.display(),
                error::io_text(&e)
            )),
            Ok(()) if path.exists() => {
                // Neither read nor written when it is not a regular file: appending to a
                // FIFO would block the prompt after every statement.
                if let Err(e) = crate::userfile::check_path(path) {
                    src.warn(&format!(
                        "cannot read history {}: {}",
                        path.display(),
                        error::io_text(&e)
                    ));
                    src.history = None;
                } else if let Err(e) = src.editor.load_history(path) {
                    src.warn(&format!(
                        "cannot read history {}: {}",
                        path.display(),
                        error::io_text(&e)
                    ));
                }
            }
            Ok(()) => {}
        }
    }
    if settings.is_stdin_tty && settings.is_stdout_tty {
        // A note, so that a path holding control characters is shown, not obeyed.
        error::note(&format!(
            "scoql {} — {}. Type .help or .about.",
            env!("CARGO_PKG_VERSION"),
            describe(&settings.dataset)
        ));
    }
    crate::signal::save_terminal();
    Ok(Box::new(src))
}
