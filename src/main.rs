//! The scoql binary: runs, and exits with the status the run decided.

use std::process::ExitCode;

fn main() -> ExitCode {
    // Exit statuses are 8 bits: `.exit 300` leaves 44, as in sqlite3.
    ExitCode::from((scoql::run() & 0xff) as u8)
}
