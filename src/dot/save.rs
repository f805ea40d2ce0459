//! `.save FILE` (alias `.backup`): the database written to a file atomically, without harm
//! to what the file was: its mode and owner are kept, a symlink is followed and stays a
//! symlink, and anything that is not a regular file, or is read-only, is refused.

use std::fs::{self, File, Metadata, OpenOptions, Permissions};
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use tempfile::NamedTempFile;

use super::db::db_error;
use super::{Call, Flow};
use crate::error::{Error, Result};
use crate::session::Session;
use crate::signal;
use crate::sqlite;
use crate::value::Value;

/// Pages copied per backup step, between two checks for Ctrl-C.
const PAGES_PER_STEP: i32 = 256;
/// How often a step may find the source busy (another process writing a `--db` file)
/// before `.save` gives up, and the pause between two tries: about two seconds in all.
const BUSY_TRIES: u32 = 100;
const BUSY_PAUSE: Duration = Duration::from_millis(20);

/// `.save FILE`: SQLite's backup API into a temporary file created exclusively, with a short
/// random name, beside the target (the file a symlink points to), renamed over the target
/// only when complete; a failure or a signal leaves the target as it was and no file behind.
/// sqlite3 writes into the target in place; scoql's rename never leaves it half-written.
pub fn save(s: &mut Session, c: &Call) -> Result<Flow> {
    let Some(path) = c.output_path(0)? else {
        return Err(c.usage_error("expected a file name"));
    };
    let io_fail = |source: io::Error| Error::File {
        action: "save to",
        path: path.clone(),
        source,
    };
    let fail = |message: &str| io_fail(io::Error::other(message.to_string()));
    let target = Target::resolve(&path).map_err(|e| match e {
        Refusal::Io(source) => io_fail(source),
        Refusal::Why(message) => fail(message),
    })?;
    if let Some(name) = open_as(s.conn(), target.existing.as_ref())? {
        return Err(fail(&format!(
            "it is the database this session has open (as {name}); .save writes a copy \
             to another file"
        )));
    }
    if !s.conn().is_autocommit() {
        return Err(fail(
            "a transaction is open (COMMIT or ROLLBACK it first: its changes are not saved \
             while it is open)",
        ));
    }
    let tmp = temporary_beside(&target.real).map_err(io_fail)?;
    backup_into(s.conn(), &tmp, &path)?;
    if let Some(old) = &target.existing {
        keep_owner_and_mode(tmp.as_file(), old).map_err(io_fail)?;
    }
    tmp.as_file().sync_all().map_err(io_fail)?;
    tmp.persist(&target.real).map_err(|e| io_fail(e.error))?;
    // The rename itself is durable once the directory is synced; failing that loses nothing
    // that the next sync will not write.
    if let Ok(dir) = File::open(parent_of(&target.real)) {
        let _ = dir.sync_all();
    }
    Ok(Flow::Continue)
}

/// Where `.save` writes: the real file (a symlink followed) and what it was, if it exists.
struct Target {
    real: PathBuf,
    existing: Option<Metadata>,
}

enum Refusal {
    Io(io::Error),
    Why(&'static str),
}

impl Target {
    /// The real path of the file to replace, every symlink resolved (SQLite opens the
    /// temporary file refusing symlinks anywhere in its path), and what it is now.
    fn resolve(path: &Path) -> std::result::Result<Target, Refusal> {
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                if fs::symlink_metadata(path).is_ok() {
                    return Err(Refusal::Why("it is a symlink to a missing file"));
                }
                let name = path
                    .file_name()
                    .filter(|_| !path.as_os_str().as_bytes().ends_with(b"/"))
                    .ok_or(Refusal::Why("not a file name"))?;
                let dir = fs::canonicalize(parent_of(path)).map_err(Refusal::Io)?;
                return Ok(Target {
                    real: dir.join(name),
                    existing: None,
                });
            }
            Err(e) => return Err(Refusal::Io(e)),
        };
        if meta.is_dir() {
            return Err(Refusal::Why("is a directory"));
        }
        if !meta.is_file() {
            // A FIFO, a device (`/dev/null`), a socket or a directory: replacing it with a
            // regular file would destroy what it is, and writing into it is not saving.
            return Err(Refusal::Why("not a regular file"));
        }
        let real = fs::canonicalize(path).map_err(Refusal::Io)?;
        // No write bit is read-only even for root, who may open it anyway; otherwise the
        // kernel's own check decides (opening for writing changes nothing by itself).
        if meta.permissions().readonly() || OpenOptions::new().write(true).open(&real).is_err() {
            return Err(Refusal::Why("the file is read-only"));
        }
        Ok(Target {
            real,
            existing: Some(meta),
        })
    }
}

fn parent_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The name of the session's database that is stored in `existing`, if any: saving onto it
/// would replace a file SQLite holds open, leaving that database read-only in this session.
fn open_as(conn: &Connection, existing: Option<&Metadata>) -> Result<Option<String>> {
    let Some(existing) = existing else {
        return Ok(None);
    };
    let grid = sqlite::query(
        conn,
        "SELECT name, file FROM pragma_database_list WHERE file <> ''",
        &[],
    )?;
    for row in &grid.rows {
        let [Value::Text(name), Value::Text(file)] = row.as_slice() else {
            continue;
        };
        let file = Path::new(std::ffi::OsStr::from_bytes(file));
        if let Ok(m) = fs::metadata(file)
            && (m.dev(), m.ino()) == (existing.dev(), existing.ino())
        {
            return Ok(Some(String::from_utf8_lossy(name).into_owned()));
        }
    }
    Ok(None)
}

/// A new, empty file beside `target`, created exclusively (`O_EXCL`: never through a
/// symlink, never an existing file) with a random name short enough for any target name.
/// A new target gets the mode SQLite gives a new database (0644 less the umask).
fn temporary_beside(target: &Path) -> io::Result<NamedTempFile> {
    tempfile::Builder::new()
        .prefix(".scoql-")
        .suffix(".tmp")
        .permissions(Permissions::from_mode(0o644))
        .tempfile_in(parent_of(target))
}

/// Gives the new file the mode, owner and group of the one it replaces. An owner that
/// cannot be kept (only root may give a file away) is an error, not a silent change.
fn keep_owner_and_mode(new: &File, old: &Metadata) -> io::Result<()> {
    let now = new.metadata()?;
    if (now.uid(), now.gid()) != (old.uid(), old.gid()) {
        std::os::unix::fs::fchown(new, Some(old.uid()), Some(old.gid())).map_err(|e| {
            io::Error::new(
                e.kind(),
                format!("cannot keep the file's owner and group: {e}"),
            )
        })?;
    }
    // After chown, which may clear the set-id bits.
    new.set_permissions(Permissions::from_mode(old.mode() & 0o7777))
}

/// Copies `src`'s main database into the temporary file. The file is opened without
/// following symlinks and without a rollback journal: it is thrown away on failure, so a
/// journal would only be one more file to leave behind.
fn backup_into(src: &Connection, tmp: &NamedTempFile, target: &Path) -> Result<()> {
    let path = tmp.path();
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_NOFOLLOW
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut dst = Connection::open_with_flags(path, flags)
        .map_err(db_error(format!("cannot open {}", path.display())))?;
    dst.execute_batch("PRAGMA journal_mode = OFF")
        .map_err(db_error("cannot prepare the copy"))?;
    {
        let backup = Backup::new(src, &mut dst).map_err(db_error("cannot start the backup"))?;
        let mut busy = 0;
        loop {
            if signal::is_interrupted() {
                return Err(Error::Interrupted);
            }
            match backup
                .step(PAGES_PER_STEP)
                .map_err(db_error("backup failed"))?
            {
                StepResult::Done => break,
                StepResult::More => busy = 0,
                // Busy or Locked: another connection holds a lock on the source (or the
                // destination). Wait a little, a bounded number of times.
                _ => {
                    busy += 1;
                    if busy > BUSY_TRIES {
                        return Err(Error::File {
                            action: "save to",
                            path: target.to_path_buf(),
                            source: io::Error::other("the database stayed locked"),
                        });
                    }
                    std::thread::sleep(BUSY_PAUSE);
                }
            }
        }
    }
    dst.close()
        .map_err(|(_, e)| e)
        .map_err(db_error("cannot finish the backup"))?;
    // SQLite opened the file by name: make sure the name still led to the file created.
    let (made, written) = (tmp.as_file().metadata(), fs::symlink_metadata(path));
    match (made, written) {
        (Ok(a), Ok(b)) if (a.dev(), a.ino()) == (b.dev(), b.ino()) => Ok(()),
        _ => Err(Error::File {
            action: "save to",
            path: target.to_path_buf(),
            source: io::Error::other("its temporary file was replaced while saving"),
        }),
    }
}
