//! `.edit`: the last statement opened in the user's editor ($VISUAL, else $EDITOR, else
//! vi), and run when the file is saved. Leaving the editor without saving runs nothing.
//! The editor talks to the terminal, never to scoql's own input and output: in a script,
//! those are the script being run and its results.

use std::fs::OpenOptions;
use std::io::Write;
use std::process::{Command, Stdio};
use std::rc::Rc;

use super::{Call, Flow};
use crate::error::{self, Error, Result};
use crate::input::{Frame, TextSource};
use crate::session::Session;

pub fn edit(s: &mut Session, c: &Call) -> Result<Flow> {
    let text = s
        .last_statement
        .as_ref()
        .map(|st| format!("{}\n", st.text))
        .unwrap_or_default();
    let fail = |action: &'static str, path: &std::path::Path| {
        let path = path.to_path_buf();
        move |source| Error::File {
            action,
            path,
            source,
        }
    };
    let mut file = tempfile::Builder::new()
        .prefix("scoql-edit-")
        .suffix(".sql")
        .tempfile()
        .map_err(fail(
            "create",
            &std::env::temp_dir().join("scoql-edit-*.sql"),
        ))?;
    let path = file.path().to_path_buf();
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .map_err(fail("write", &path))?;
    let modified = |p: &std::path::Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let before = modified(&path);
    // The terminal when there is one; else no input (vi would read the rest of a script
    // on stdin as keys) and stderr for what it prints (not the results on stdout).
    let tty = OpenOptions::new().read(true).write(true).open("/dev/tty");
    let (input, output) = match &tty {
        Ok(t) => (
            Stdio::from(t.try_clone().map_err(fail("run the editor for", &path))?),
            Stdio::from(t.try_clone().map_err(fail("run the editor for", &path))?),
        ),
        Err(_) => (Stdio::null(), Stdio::from(std::io::stderr())),
    };
    // Through the shell, so that an editor given with options (`code -w`) works.
    let status = crate::signal::spawn_foreground(
        Command::new("sh")
            .arg("-c")
            .arg(format!("{} \"$1\"", s.editor))
            .arg("sh")
            .arg(&path)
            .stdin(input)
            .stdout(output),
    )
    .and_then(|mut editor| editor.wait())
    .map_err(fail("run the editor for", &path))?;
    if !status.success() {
        let hint = if tty.is_err() {
            " (there is no terminal: set VISUAL or EDITOR to a command that needs none)"
        } else {
            ""
        };
        return Err(c.usage_error(format!(
            "the editor ({}) ended with {status}{hint}; nothing ran",
            s.editor
        )));
    }
    let edited = std::fs::read_to_string(&path).map_err(fail("read", &path))?;
    if modified(&path) == before && edited == text {
        error::note("not saved; nothing ran");
        return Ok(Flow::Continue);
    }
    if edited.trim().is_empty() {
        error::note("empty; nothing ran");
        return Ok(Flow::Continue);
    }
    Ok(Flow::Push(Frame::new(Box::new(TextSource::new(
        &edited,
        Rc::from("<edit>"),
    )))))
}
