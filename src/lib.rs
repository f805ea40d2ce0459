//! scoql: a SQL shell over an embedded, sourced dataset of the China–SCO Local Economic and
//! Trade Cooperation Demonstration Zone in Qingdao. `run` is the whole pipeline:
//! arguments → settings → session → driver (sources of lines → splitter → executor →
//! renderer → sink) → how the run ended → exit status.

mod cite;
mod config;
mod dataset;
mod dot;
mod driver;
pub mod error;
mod exec;
mod figures;
mod guard;
pub mod input;
mod pager;
pub mod render;
mod repl;
mod saved;
mod session;
pub mod settings;
mod signal;
mod spreadsheet;
pub mod sqlite;
pub mod sqltext;
mod userfile;
pub mod value;
mod visible;

use crate::error::End;
use crate::session::Session;
use crate::settings::Settings;

/// Runs scoql with the process's arguments and environment; returns the exit status.
pub fn run() -> i32 {
    let settings = match Settings::from_env() {
        Ok(s) => s,
        Err(e) => {
            // clap prints --help and --version on stdout (status 0), usage errors on
            // stderr (status 2).
            let _ = e.print();
            return End::Usage(e.exit_code()).status(false);
        }
    };
    let (end, had_error) = run_with(&settings);
    signal::claim_exit();
    end.status(had_error)
}

/// Runs scoql with already-parsed settings; says how the run ended and whether anything
/// failed.
pub fn run_with(settings: &Settings) -> (End, bool) {
    sqlite::configure();
    signal::install();
    for warning in settings.config.iter().flat_map(|c| &c.warnings) {
        error::warn(warning);
    }
    let mut session = match Session::new(settings) {
        Ok(s) => s,
        Err(e) => {
            error::report(&e);
            return (End::Finished, true);
        }
    };
    driver::run(&mut session, settings)
}
