//! The scoql binary: parse the command line, run, and turn the outcome into an exit status.

use std::process::ExitCode;

fn main() -> ExitCode {
    let settings = match scoql::settings::Settings::from_env() {
        Ok(s) => s,
        Err(e) => {
            // clap prints --help and --version on stdout (status 0), usage errors on
            // stderr (status 2).
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    match scoql::run(settings) {
        scoql::Outcome::Exit(code) => ExitCode::from(u8::try_from(code & 0xff).unwrap_or(1)),
        scoql::Outcome::BrokenPipe => ExitCode::SUCCESS,
    }
}
