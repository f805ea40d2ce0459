//! `.save FILE` (alias `.backup`): the database written to a file, atomically.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};

use super::db::db_error;
use super::{Call, Flow};
use crate::error::{Error, Result};
use crate::session::Session;
use crate::signal;

/// `.save FILE`: SQLite's backup API into a temporary file beside the target, renamed over
/// it only when complete, so a failure or a signal never leaves a half-written database.
pub fn save(s: &mut Session, c: &Call) -> Result<Flow> {
    let Some(path) = c.path(0) else {
        return Err(c.usage_error("expected a file name"));
    };
    let fail = |source: std::io::Error| Error::File {
        action: "save to",
        path: path.clone(),
        source,
    };
    if path.is_dir() {
        return Err(fail(std::io::Error::other("is a directory")));
    }
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| fail(std::io::Error::other("not a file name")))?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = dir.join(format!(".{file_name}.scoql-{}.tmp", std::process::id()));
    let result = backup_into(s.conn(), &tmp).and_then(|()| fs::rename(&tmp, &path).map_err(fail));
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map(|()| Flow::Continue)
}

fn backup_into(src: &Connection, tmp: &PathBuf) -> Result<()> {
    let mut dst =
        Connection::open(tmp).map_err(db_error(format!("cannot create {}", tmp.display())))?;
    {
        let backup = Backup::new(src, &mut dst).map_err(db_error("cannot start the backup"))?;
        loop {
            if signal::is_interrupted() {
                return Err(Error::Interrupted);
            }
            match backup.step(256).map_err(db_error("backup failed"))? {
                StepResult::Done => break,
                StepResult::More | StepResult::Busy | StepResult::Locked => {}
                _ => {}
            }
        }
    }
    dst.close()
        .map_err(|(_, e)| e)
        .map_err(db_error("cannot finish the backup"))
}
