//! What every integration test shares: the real binary, started with an environment that
//! the user's own settings cannot change (no HOME, XDG directories, COLUMNS, NO_COLOR,
//! LANG, config or init file of whoever runs the tests).

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command as StdCommand, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use assert_cmd::Command;

/// The scoql binary cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_scoql");

/// Clears the environment down to PATH and points HOME and the XDG directories at a
/// directory that does not exist, a fresh one for each command, inside cargo's scratch
/// directory for tests: what a run creates there (the REPL's history directory) stays out
/// of the real file system (`/nonexistent` can be created by root) and out of other tests.
pub fn hermetic(c: &mut StdCommand) {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "home-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    c.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_DATA_HOME", home.join("data"));
}

/// scoql with a hermetic environment, for assert_cmd's assertions.
pub fn scoql() -> Command {
    let mut c = StdCommand::new(BIN);
    hermetic(&mut c);
    Command::from_std(c)
}

/// scoql with a hermetic environment, as a plain `std` command (for pipes and signals).
pub fn command() -> StdCommand {
    let mut c = StdCommand::new(BIN);
    hermetic(&mut c);
    c
}

/// scoql started with piped stdout and stderr and no stdin.
pub fn spawn(args: &[&str]) -> Child {
    command()
        .args(args)
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

/// Sends signal `sig` to a child process.
pub fn signal(child: &Child, sig: i32) {
    // SAFETY: sending a signal to our own child process, whose id we hold.
    unsafe {
        libc::kill(child.id() as i32, sig);
    }
}

/// Reads from the child's stdout until `needle` has appeared; returns what was read. This
/// is how tests know the child has reached a point, instead of sleeping.
pub fn read_until(child: &mut Child, needle: &[u8]) -> Vec<u8> {
    let out = child.stdout.as_mut().unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while !seen.windows(needle.len()).any(|w| w == needle) {
        let n = out.read(&mut buf).unwrap();
        assert!(
            n > 0,
            "output ended before {:?}",
            String::from_utf8_lossy(needle)
        );
        seen.extend_from_slice(&buf[..n]);
    }
    seen
}

/// Makes `cmd`'s child unable to write more than `bytes` to any file, as a full disk
/// would (the write fails with EFBIG; SIGXFSZ, which would otherwise kill it, is ignored).
/// How tests run out of space without a full filesystem or a write to /dev/full.
pub fn limit_file_size(cmd: &mut StdCommand, bytes: u64) {
    use std::os::unix::process::CommandExt;
    // SAFETY: setrlimit and signal are async-signal-safe, as code between fork and exec must
    // be; the closure touches nothing else.
    unsafe {
        cmd.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: bytes,
                rlim_max: bytes,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            Ok(())
        });
    }
}
