//! Paging: a result drawn on the terminal is held back until it proves taller than the
//! screen, and then goes through the pager command (`$PAGER`, `less -SRFX` by default);
//! a shorter one is written as it is. Only results go this way: errors go to stderr, and
//! nothing is paged unless it is drawn on a terminal.

use std::io::{self, Write};
use std::process::{Command, Stdio};

use crate::error;
use crate::signal::{Foreground, spawn_foreground};

/// How much of a paged result is kept to be shown without the pager when the pager fails
/// (`PAGER=false`, a command that is not installed): a result longer than this is lost to a
/// failing pager, and the warning says so.
const REPLAY_LIMIT: usize = 1 << 20;

/// A writer in front of stdout for one result.
pub struct Paged<'w> {
    out: &'w mut dyn Write,
    command: String,
    /// Lines that fit on the screen.
    height: usize,
    held: Vec<u8>,
    lines: usize,
    pager: Option<Foreground>,
    /// The pager could not start: everything goes straight to `out`.
    is_direct: bool,
    /// What went to the pager, while it is at most [`REPLAY_LIMIT`] bytes; None beyond.
    sent: Option<Vec<u8>>,
}

impl<'w> Paged<'w> {
    /// Pages what is written through `command` once it passes `height` lines.
    pub fn new(out: &'w mut dyn Write, command: &str, height: usize) -> Self {
        Paged {
            out,
            command: command.to_string(),
            height,
            held: Vec::new(),
            lines: 0,
            pager: None,
            is_direct: false,
            sent: Some(Vec::new()),
        }
    }

    fn start(&mut self) -> io::Result<()> {
        let spawned = spawn_foreground(
            Command::new("sh")
                .arg("-c")
                .arg(&self.command)
                .stdin(Stdio::piped()),
        );
        match spawned {
            Ok(child) => self.pager = Some(child),
            Err(e) => {
                error::warn(&format!(
                    "cannot start the pager '{}': {}",
                    self.command,
                    error::io_text(&e)
                ));
                self.is_direct = true;
            }
        }
        let held = std::mem::take(&mut self.held);
        self.send(&held)
    }

    /// Into the pager; once the user has quit it, the rest of the result is dropped.
    fn send(&mut self, buf: &[u8]) -> io::Result<()> {
        if self.is_direct {
            return self.out.write_all(buf);
        }
        // Kept even after the pager stopped reading: if it failed rather than was quit, the
        // whole result is shown without it.
        if let Some(sent) = &mut self.sent {
            if sent.len() + buf.len() <= REPLAY_LIMIT {
                sent.extend_from_slice(buf);
            } else {
                self.sent = None;
            }
        }
        let Some(stdin) = self.pager.as_mut().and_then(|c| c.stdin.as_mut()) else {
            return Ok(());
        };
        match stdin.write_all(buf) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                if let Some(child) = self.pager.as_mut() {
                    drop(child.stdin.take());
                }
                Ok(())
            }
            other => other,
        }
    }

    /// Ends the result: a short one is written to `out`; a paged one waits for the user to
    /// leave the pager. A pager that fails (exits with a non-zero status: not installed,
    /// a bad option, `false`) has shown nothing the user could read, so the result is
    /// written to `out` after a warning, rather than lost without a word. A pager ended by a
    /// signal was interrupted by the user, and is left at that.
    pub fn finish(mut self) -> io::Result<()> {
        match self.pager.take() {
            Some(mut child) => {
                drop(child.stdin.take());
                let status = child.wait()?;
                let Some(code) = status.code().filter(|&c| c != 0) else {
                    return Ok(());
                };
                match self.sent.take() {
                    Some(sent) => {
                        error::warn(&format!(
                            "the pager '{}' failed (exit status {code}); the result follows \
                             without it (.pager off turns paging off)",
                            self.command
                        ));
                        self.out.write_all(&sent)?;
                        self.out.flush()
                    }
                    None => {
                        error::warn(&format!(
                            "the pager '{}' failed (exit status {code}) and the result was too \
                             long to show again; .pager off shows results without a pager",
                            self.command
                        ));
                        Ok(())
                    }
                }
            }
            None => {
                self.out.write_all(&self.held)?;
                self.out.flush()
            }
        }
    }
}

impl Write for Paged<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        if self.pager.is_some() || self.is_direct {
            return self.send(buf);
        }
        self.held.extend_from_slice(buf);
        self.lines += buf.iter().filter(|&&b| b == b'\n').count();
        if self.lines >= self.height {
            self.start()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.pager {
            Some(child) => match child.stdin.as_mut() {
                Some(stdin) => stdin.flush().or(Ok(())),
                None => Ok(()),
            },
            None if self.is_direct => self.out.flush(),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn a_result_shorter_than_the_screen_is_written_as_it_is() {
        let mut out = Vec::new();
        let mut p = Paged::new(&mut out, "exit 1", 5);
        p.write_all(b"a\nb\n").expect("held");
        p.finish().expect("written");
        assert_eq!(out, b"a\nb\n");
    }

    #[test]
    fn a_taller_result_goes_to_the_pager_and_not_to_the_terminal() {
        let dir = tempfile::TempDir::new().expect("a temporary directory");
        let file = dir.path().join("paged");
        let mut out = Vec::new();
        let command = format!("cat > '{}'", file.display());
        let mut p = Paged::new(&mut out, &command, 2);
        p.write_all(b"1\n2\n3\n").expect("paged");
        p.write_all(b"4\n").expect("paged");
        p.finish().expect("waited");
        assert_eq!(out, b"");
        assert_eq!(
            std::fs::read(&file).expect("the pager's input"),
            b"1\n2\n3\n4\n"
        );
    }

    #[test]
    fn a_pager_that_fails_is_warned_of_and_the_result_is_written_without_it() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let d = dir.path().display();
        for command in [
            "exit 1".to_string(),
            format!("no-such-pager-command 2>'{d}/err'"),
            format!("cat >'{d}/paged'; exit 3"),
        ] {
            let mut out = Vec::new();
            let mut p = Paged::new(&mut out, &command, 2);
            for i in 0..2000 {
                p.write_all(format!("line {i}\n").as_bytes())
                    .expect("no broken pipe");
            }
            p.finish().expect("written");
            let expected: String = (0..2000).map(|i| format!("line {i}\n")).collect();
            assert_eq!(String::from_utf8_lossy(&out), expected, "{command}");
        }
    }

    #[test]
    fn a_pager_that_quits_early_ends_the_result_quietly() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let command = format!("head -c 1 >'{}/paged'", dir.path().display());
        let mut out = Vec::new();
        let mut p = Paged::new(&mut out, &command, 1);
        for _ in 0..10_000 {
            p.write_all(b"a long result line\n")
                .expect("no broken pipe");
        }
        p.finish().expect("waited");
    }
}
