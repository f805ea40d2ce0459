//! The one loop every input goes through. The driver walks a stack of frames: each input of
//! the command line in turn (the init file first), then the REPL when interactive; `.read`
//! and `.run` push a frame on top instead of recursing. It alone applies the error policy
//! and decides how the run ends (`End`), from everything that happened.

use std::rc::Rc;

use crate::dot::{self, Flow};
use crate::error::{self, End, Error, Location, Result};
use crate::exec;
use crate::input::{self, Chunk, Frame, Item, Line, ReaderSource, TextSource};
use crate::repl;
use crate::saved;
use crate::session::Session;
use crate::settings::{Input, Origin, Settings};
use crate::signal;
use crate::sqlite::{self, Params};

/// How deep `.read` and `.run` may nest: deep enough for real includes, shallow enough to
/// stop a file that reads itself at once.
pub const MAX_DEPTH: usize = 16;

/// Runs the init file and the inputs, then the REPL when interactive; says how the run
/// ended and whether anything non-interactive failed.
pub fn run(session: &mut Session, settings: &Settings) -> (End, bool) {
    let mut driver = Driver {
        session,
        stack: Vec::new(),
        had_error: false,
        is_interactive: false,
        init: None,
        once_frame: None,
    };
    let end = driver.run_all(settings);
    (end, driver.had_error)
}

struct Driver<'s> {
    session: &'s mut Session,
    stack: Vec<Frame>,
    /// A statement or command of a non-interactive input failed: the exit status is 1.
    had_error: bool,
    /// The REPL is the bottom frame.
    is_interactive: bool,
    /// The init file, while it runs: what its dot-commands set comes from it.
    init: Option<std::path::PathBuf>,
    /// The index of the frame that holds a `.once` (`.once FILE` then `.read`): when it
    /// ends, output returns to stdout.
    once_frame: Option<usize>,
}

impl Driver<'_> {
    fn run_all(&mut self, settings: &Settings) -> End {
        if let Some(path) = &settings.init {
            self.init = Some(path.clone());
            let end = self.run_input(&Input::File(path.clone()));
            self.init = None;
            if let Some(end) = end {
                return end;
            }
            // The command line beats the init file.
            self.session.apply_command_line(settings);
        }
        for (n, input) in settings.inputs.iter().enumerate() {
            if let Some(end) = self.run_input(input) {
                return end;
            }
            // An option given after a --cmd beats what the --cmd set, as in sqlite3.
            for flag in settings.after_cmds.get(n).into_iter().flatten() {
                flag.apply(&mut self.session.opts);
                for key in flag.keys() {
                    self.session.origins.insert(key, Origin::CommandLine);
                }
            }
        }
        if !settings.interactive {
            return End::Finished;
        }
        // The editor (and its banner) comes after the inputs, which print first.
        let editor = match repl::editor(settings) {
            Ok(editor) => editor,
            Err(e) => {
                error::report(&e);
                self.had_error = true;
                return End::Finished;
            }
        };
        self.is_interactive = true;
        signal::set_interactive(true);
        self.run_frame(Frame::new(editor)).unwrap_or(End::Finished)
    }

    /// Opens one command-line input and runs it to its end. Some(end) when the run must
    /// stop.
    fn run_input(&mut self, input: &Input) -> Option<End> {
        let frame = match open(input, &self.session.params) {
            Ok(frame) => frame,
            Err(e) => return self.fail(e, None),
        };
        self.run_frame(frame)
    }

    /// Runs `bottom` and every frame pushed above it to their ends. Some(end) when the run
    /// must stop.
    fn run_frame(&mut self, bottom: Frame) -> Option<End> {
        self.stack.push(bottom);
        while let Some(top) = self.stack.last_mut() {
            let is_pending = top.splitter.is_pending();
            if top.source.is_interactive() && !is_pending {
                // At the prompt, lines count from the statement being typed.
                top.line_no = 0;
                signal::clear_interrupt();
            }
            let conn = self.session.conn();
            let limit = sqlite::sql_length_limit(conn);
            let line = signal::while_reading(|| top.source.next_line(is_pending, conn));
            let line = match line {
                Ok(line) => line,
                Err(end) => {
                    if let Some(end) = self.on_signal(end) {
                        return Some(end);
                    }
                    continue;
                }
            };
            let end = match line {
                Ok(Line::Text(text)) => {
                    top.line_no += 1;
                    top.splitter.limit = limit;
                    let item = top.splitter.push_line(&text, top.line_no);
                    match top.unless_skipped(item) {
                        Some(item) => self.run_item(item),
                        None => None,
                    }
                }
                Ok(Line::Cancel) => {
                    top.splitter.clear();
                    None
                }
                Ok(Line::End) => {
                    // The frame stays on top while its last item runs (which may push
                    // another frame above it); then it is removed from under that one.
                    let last = top.splitter.finish();
                    let last = top.unless_skipped(last);
                    let depth = self.stack.len();
                    let end = last.and_then(|item| self.run_item(item));
                    if self.stack.len() >= depth {
                        self.stack.remove(depth - 1);
                        if let Some(index) = self.once_frame.as_mut()
                            && *index >= depth
                        {
                            *index -= 1;
                        }
                    }
                    self.frames_ended().or(end)
                }
                Err(e) => {
                    // The source used up the line it could not read: later lines keep
                    // their numbers.
                    top.line_no += 1;
                    match e.location().and_then(|at| at.text.as_deref()) {
                        // A line that is not UTF-8 (its text, made valid, is in the error):
                        // the splitter still reads it, so that what follows splits where
                        // it should, and the statement it is part of is skipped.
                        Some(lossy) => {
                            let item = top.splitter.push_line(lossy, top.line_no);
                            top.skips_item = true;
                            top.unless_skipped(item);
                        }
                        None => top.splitter.clear(),
                    }
                    if top.source.is_interactive() {
                        // The terminal is gone or unreadable: the session ends as on Ctrl-D.
                        error::report(&e);
                        self.stack.pop();
                        self.frames_ended()
                    } else {
                        self.fail(e, None)
                    }
                }
            };
            if end.is_some() {
                return end;
            }
        }
        None
    }

    /// Runs one item of the top frame and applies the error policy to its outcome.
    fn run_item(&mut self, item: Item) -> Option<End> {
        let top = self.stack.last()?;
        let origin = top.source.origin();
        let is_typed = top.source.is_interactive();
        let params: Params = self.params().clone();
        let depth = self.stack.len();
        let result = match item {
            Item::Sql {
                text,
                line,
                is_vertical,
            } => {
                let here = Location::new(origin.clone(), line, 1);
                let chunk = Chunk {
                    text: &text,
                    origin,
                    line,
                };
                let ran = exec::run_chunk(self.session, &chunk, &params, is_vertical);
                // A chart that `.chart --next` left waiting is drawn from this input's
                // result; a refusal names this input, whose result it is.
                let charted =
                    dot::draw_next_chart(self.session, ran.is_ok()).map_err(|e| e.at(&here));
                ran.and(charted).map(|()| None)
            }
            Item::Dot { text, line } => self.run_dot(&text, line, origin, is_typed, &params),
            Item::TooLong { line, limit } => Err(Error::Input {
                message: format!(
                    "a statement longer than {} bytes, SQLite's limit, is skipped",
                    crate::value::thousands(limit as u64)
                ),
                location: Location::new(origin, line, 1),
            }),
            Item::Comment { text } => {
                // Echoed like any line, but a line with nothing to run is not the input
                // `.once` waits for: it does not end the item.
                if !self.session.echo {
                    return None;
                }
                return match self.session.write(&format!("{text}\n")) {
                    Ok(()) => None,
                    Err(e) => self.fail(e, Some(is_typed)),
                };
            }
        };
        // `.once` covers one whole item, failed or not; an item that started a file
        // (`.read`, `.run`) lasts until that file ends.
        if self.stack.len() > depth {
            if self.session.hold_once() {
                self.once_frame = Some(depth);
            }
            return result.unwrap_or_else(|e| self.fail(e, Some(is_typed)));
        }
        let result = result.and_then(|end| self.session.end_item().map(|()| end));
        match result {
            Ok(end) => end,
            Err(e) => {
                let _ = self.session.end_item();
                self.fail(e, Some(is_typed))
            }
        }
    }

    fn run_dot(
        &mut self,
        text: &str,
        line: usize,
        origin: Rc<str>,
        is_typed: bool,
        params: &Params,
    ) -> Result<Option<End>> {
        if self.session.echo {
            self.session
                .write(&format!("{}\n", text.trim_end_matches('\n')))?;
        }
        let base = self.stack.last().and_then(|f| f.base.clone());
        let locate = |e: Error| {
            if is_typed {
                // At the prompt the user has just typed the line: the message is enough.
                return e;
            }
            let mut here = Location::new(origin.clone(), line, 1);
            here.text = Some(text.to_string());
            here.width = text
                .split_whitespace()
                .next()
                .map_or(1, |w| w.chars().count());
            e.at(&here)
        };
        let before = dot::settings(self.session);
        let flow = dot::execute(self.session, text, base.as_deref(), params);
        self.note_origins(&before, text);
        let flow = flow.map_err(locate)?;
        match flow {
            Flow::Continue => Ok(None),
            Flow::Quit(Some(code)) => Ok(Some(End::Quit(code))),
            // As in sqlite3, a bare `.quit` in a file that `.read`/`.run` or the init file
            // started ends that file only; the input that ran it goes on.
            Flow::Quit(None) if self.is_in_a_file() => {
                self.stack.pop();
                Ok(self.frames_ended())
            }
            Flow::Quit(None) => Ok(Some(End::Finished)),
            Flow::QuitFailed(e) => {
                // Reported like any failure (counted, with its location); then it quits
                // what `.quit` quits, whatever the error policy would do next.
                if let Some(end) = self.fail(locate(e), Some(is_typed)) {
                    return Ok(Some(end));
                }
                if self.is_in_a_file() {
                    self.stack.pop();
                    return Ok(self.frames_ended());
                }
                Ok(Some(End::Finished))
            }
            Flow::Push(frame) => {
                if self.stack.len() >= MAX_DEPTH {
                    return Err(locate(Error::ReadDepth {
                        limit: MAX_DEPTH,
                        input: frame.source.origin().to_string(),
                        location: None,
                    }));
                }
                self.stack.push(frame);
                Ok(None)
            }
        }
    }

    /// Whether the input running is a file that `.read`/`.run` or the init file started,
    /// which a bare `.quit` ends alone (sqlite3).
    fn is_in_a_file(&self) -> bool {
        self.stack.len() > 1 || self.init.is_some()
    }

    /// Called after frames were removed: if the one holding `.once` is gone, output
    /// returns to stdout. Otherwise the `.read`/`.run` line that started the ended frame
    /// is over, as an item: a `.once` the file left waiting at its end had that line as its
    /// item and is done (sqlite3 resets its output after the `.read`).
    fn frames_ended(&mut self) -> Option<End> {
        match self.once_frame {
            Some(index) if index >= self.stack.len() => {
                self.once_frame = None;
                let released = self.session.release_once();
                released.err().and_then(|e| self.fail(e, None))
            }
            _ if !self.stack.is_empty() => {
                let ended = self.session.end_item();
                ended.err().and_then(|e| self.fail(e, None))
            }
            _ => None,
        }
    }

    /// Marks the settings a dot-command changed as coming from it (or from the init file).
    fn note_origins(&mut self, before: &[(&'static str, String)], text: &str) {
        let after = dot::settings(self.session);
        for ((key, old), (_, new)) in before.iter().zip(&after) {
            if old != new {
                let origin = match &self.init {
                    Some(path) => Origin::Init(path.clone()),
                    None => Origin::Command(dot::name_of(text)),
                };
                self.session.origins.insert(key, origin);
            }
        }
    }

    /// The parameters in force: the innermost frame's own (`.run`), else the session's.
    fn params(&self) -> &Params {
        self.stack
            .iter()
            .rev()
            .find_map(|f| f.params.as_ref())
            .unwrap_or(&self.session.params)
    }

    /// The error policy, in one place. A closed pipe ends the run quietly; an interrupt
    /// returns to the prompt or ends a script with 130; any other error is reported, counts
    /// against the exit status unless it was typed at the prompt, and with `--bail` stops a
    /// script (back to the prompt if one is below). `is_typed`: the error came from a line
    /// typed at the prompt (None: from opening an input).
    fn fail(&mut self, e: Error, is_typed: Option<bool>) -> Option<End> {
        if e.is_broken_pipe() {
            return Some(End::BrokenPipe);
        }
        if matches!(e, Error::Interrupted) {
            return self.on_signal(End::Interrupted);
        }
        // Results already written stay ahead of the error, in order.
        let _ = std::io::Write::flush(self.session.sink());
        error::report(&e);
        if is_typed == Some(true) {
            return None;
        }
        if !self.is_interactive {
            self.had_error = true;
        }
        if self.session.bail {
            if self.is_interactive {
                self.stack.truncate(1);
                return self.frames_ended();
            }
            return Some(End::Bail);
        }
        None
    }

    /// A signal reached the driver: SIGTERM/SIGHUP end the run; SIGINT ends a script with
    /// 130, and at the REPL cancels what runs and returns to the prompt.
    fn on_signal(&mut self, end: End) -> Option<End> {
        if let Some(sig) = signal::terminated() {
            return Some(End::Terminated(sig));
        }
        let _ = std::io::Write::flush(self.session.sink());
        if self.is_interactive {
            // The terminal echoed ^C where the cursor was; the message starts on its own
            // line.
            let _ = std::io::Write::write_all(&mut std::io::stderr(), b"\n");
            error::report(&Error::Interrupted);
            self.stack.truncate(1);
            if let Some(end) = self.frames_ended() {
                return Some(end);
            }
            if let Some(repl) = self.stack.first_mut() {
                repl.splitter.clear();
                repl.source.cancel();
            }
            signal::clear_interrupt();
            return None;
        }
        error::report(&Error::Interrupted);
        self.had_error = true;
        Some(end)
    }
}

/// The frame of one command-line input, opened when its turn comes.
fn open(input: &Input, params: &Params) -> Result<Frame> {
    match input {
        Input::Stdin => {
            let stdin = std::io::stdin().lock();
            let source = ReaderSource::new(
                std::io::BufReader::with_capacity(64 * 1024, stdin),
                Rc::from("<stdin>"),
            );
            Ok(Frame::new(Box::new(source)))
        }
        Input::File(path) => {
            let mut source = input::open_script(path)?;
            let (_, decls) = saved::parse_header(&source.peek_header());
            saved::check_params(&decls, params)?;
            Ok(Frame::script(path, source))
        }
        Input::Command { origin, text } => Ok(Frame::new(Box::new(TextSource::new(
            text,
            Rc::from(origin.as_str()),
        )))),
    }
}
