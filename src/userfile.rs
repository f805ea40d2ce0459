//! Files scoql finds by itself in the user's directories — the config, the saved queries,
//! the history — opened only when they are regular files of a bounded size. Anything else
//! planted at such a path would take the session down without the user naming it: a FIFO
//! blocks the open or the read for ever, a link to /dev/zero fills memory.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// The largest such file read: far beyond a config, a query or a history of 10,000 entries.
pub const LIMIT: u64 = 64 << 20;

/// The bytes of the regular file at `path` (a symlink is followed).
/// Errors: `NotFound` when there is none; `IsADirectory`; `InvalidInput` when it is not a
/// regular file or holds more than [`LIMIT`] bytes; any other error of opening or reading.
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    let file = open(path, OpenOptions::new().read(true))?;
    let mut bytes = Vec::new();
    file.take(LIMIT + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > LIMIT {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Opens `path` with `options`, never blocking on a FIFO, and refuses what is not a
/// regular file of at most [`LIMIT`] bytes (checked on the opened file, not the name).
/// Errors: as [`read`].
pub fn open(path: &Path, options: &mut OpenOptions) -> io::Result<File> {
    // Said plainly before the open, which for a FIFO with no reader fails with ENXIO.
    match std::fs::metadata(path) {
        Ok(meta) => check(&meta)?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let file = options.custom_flags(libc::O_NONBLOCK).open(path)?;
    check(&file.metadata()?)?;
    // Back to blocking reads and writes, as on any file.
    // SAFETY: fcntl on a descriptor this function owns.
    unsafe {
        let fd = std::os::fd::AsRawFd::as_raw_fd(&file);
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags >= 0 {
            libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK);
        }
    }
    Ok(file)
}

/// Whether `path` is a regular file of at most [`LIMIT`] bytes, for a library that opens it
/// by name (rustyline's history). Errors: as [`read`].
pub fn check_path(path: &Path) -> io::Result<()> {
    check(&std::fs::metadata(path)?)
}

fn check(meta: &Metadata) -> io::Result<()> {
    if meta.is_dir() {
        return Err(io::Error::from_raw_os_error(libc::EISDIR));
    }
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    if meta.len() > LIMIT {
        return Err(too_large());
    }
    Ok(())
}

fn too_large() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("larger than {} MiB", LIMIT >> 20),
    )
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn only_a_regular_file_of_a_bounded_size_is_read() {
        let dir = tempfile::TempDir::new().expect("a temporary directory");
        let file = dir.path().join("f");
        std::fs::write(&file, b"text").expect("written");
        assert_eq!(read(&file).expect("read"), b"text");
        let fifo = std::ffi::CString::new(format!("{}/p", dir.path().display())).expect("path");
        // SAFETY: a NUL-terminated path inside the temporary directory.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        for path in [dir.path().join("p"), "/dev/zero".into()] {
            let e = read(&path).expect_err("refused");
            assert_eq!(e.kind(), io::ErrorKind::InvalidInput, "{path:?}");
            assert!(check_path(&path).is_err());
        }
        let e = read(dir.path()).expect_err("a directory");
        assert_eq!(e.kind(), io::ErrorKind::IsADirectory);
        assert_eq!(
            read(&dir.path().join("none")).expect_err("missing").kind(),
            io::ErrorKind::NotFound
        );
    }
}
