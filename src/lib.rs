//! scoql: a SQL shell over an embedded, sourced dataset of the China–SCO Local Economic and
//! Trade Cooperation Demonstration Zone in Qingdao. `run` is the whole pipeline:
//! arguments → settings → session → sources of lines → splitter → executor → renderer → sink.

pub mod about;
pub mod dataset;
pub mod dbcmd;
pub mod dot;
pub mod error;
pub mod exec;
pub mod guard;
pub mod helper;
pub mod input;
pub mod render;
pub mod repl;
pub mod session;
pub mod settings;
pub mod table;

use std::io::BufReader;
use std::rc::Rc;
use std::sync::atomic::Ordering;

use crate::error::Error;
use crate::input::{ReaderSource, TextSource};
use crate::session::{BUSY, Flow, INTERACTIVE, INTERRUPT, INTERRUPTED, Session};
use crate::settings::{Input, Settings};

/// How a run ended, for `main` to turn into an exit status.
#[derive(Debug)]
pub enum Outcome {
    /// Exit with this status.
    Exit(i32),
    /// Output went to a closed pipe: the reader is gone, which is success (status 0).
    BrokenPipe,
}

/// Runs scoql with already-parsed settings.
pub fn run(settings: Settings) -> Outcome {
    exec::configure_sqlite();
    install_signal_handler();
    let mut session = match Session::new(&settings) {
        Ok(s) => s,
        Err(e) => {
            eprint!("{}", e.report());
            return Outcome::Exit(1);
        }
    };
    match run_inputs(&mut session, &settings) {
        Ok(Flow::Exit(code)) => Outcome::Exit(code),
        Ok(Flow::Continue) => Outcome::Exit(i32::from(session.had_error)),
        Err(e) if e.is_broken_pipe() => Outcome::BrokenPipe,
        Err(e) => {
            eprint!("{}", e.report());
            Outcome::Exit(1)
        }
    }
}

fn run_inputs(session: &mut Session, settings: &Settings) -> Result<Flow, Error> {
    if let Some(init) = &settings.init
        && let Flow::Exit(code) = session.run_file(init).or_else(|e| session.fail(e, false))?
    {
        return Ok(Flow::Exit(code));
    }
    for input in &settings.inputs {
        let flow = match input {
            Input::Stdin => {
                let stdin = std::io::stdin();
                let mut src = ReaderSource::new(
                    BufReader::with_capacity(64 * 1024, stdin.lock()),
                    Rc::from("<stdin>"),
                );
                session.run(&mut src, None)?
            }
            Input::File(path) => session.run_file(path).or_else(|e| session.fail(e, false))?,
            Input::Command(n, text) => {
                let mut src = TextSource::new(text, Rc::from(format!("<command {n}>")));
                session.run(&mut src, None)?
            }
        };
        if let Flow::Exit(code) = flow {
            return Ok(Flow::Exit(code));
        }
    }
    if settings.interactive {
        INTERACTIVE.store(true, Ordering::SeqCst);
        return repl::run(session, settings);
    }
    Ok(Flow::Continue)
}

/// Ctrl-C (and SIGTERM) interrupt the running statement through SQLite's interrupt handle;
/// the session decides what happens next (back to the prompt, or exit 130 in a script).
/// A script that is not running anything (say, waiting on stdin) ends at once with 130.
fn install_signal_handler() {
    let _ = ctrlc::set_handler(|| {
        INTERRUPTED.store(true, Ordering::SeqCst);
        if let Ok(slot) = INTERRUPT.lock()
            && let Some(handle) = slot.as_ref()
        {
            handle.interrupt();
        }
        if !INTERACTIVE.load(Ordering::SeqCst) && !BUSY.load(Ordering::SeqCst) {
            std::process::exit(130);
        }
    });
}
