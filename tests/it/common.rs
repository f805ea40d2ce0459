//! What every integration test shares: the real binary, with an environment that the
//! user's own settings (NO_COLOR, init file, history) cannot change.
// Each test file compiles this module on its own and uses part of it.
#![allow(dead_code, clippy::unwrap_used)]

use std::io::Read;
use std::process::{Child, Command as StdCommand, Stdio};

use assert_cmd::Command;

pub fn scoql() -> Command {
    let mut c = Command::cargo_bin("scoql").unwrap();
    c.env_remove("NO_COLOR")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env("XDG_STATE_HOME", "/nonexistent");
    c
}

/// scoql started with piped stdout and stderr and no stdin.
pub fn spawn(args: &[&str]) -> Child {
    StdCommand::new(assert_cmd::cargo::cargo_bin("scoql"))
        .args(args)
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Reads a little of the output, closes the pipe (as `| head` does), and expects a quiet
/// exit with status 0.
pub fn closes_quietly(args: &[&str]) {
    let mut child = spawn(args);
    let mut first = [0u8; 64];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{args:?}: {err}");
    assert_eq!(err, "", "{args:?}");
}
