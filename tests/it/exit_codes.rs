//! The exit-status contract (DESIGN.md "Exit status"), one numbered line per rule, each
//! tested below by its number. scoql decides the status in one place (`End::status`):
//!
//!  1. Every statement and command succeeded → 0.
//!  2. A statement or command of a script failed (stdin, FILE, -c) → 1; the rest still runs.
//!  3. A failure followed by `.quit`/`.exit` without a code → 1.
//!  4. `.quit N` / `.exit N` → N, whatever happened before; N is taken modulo 256.
//!  5. `.quit` with a code that is not a number → reported, the run ends, 1.
//!  6. `--bail` (or `.bail on`): the first failure ends the run → 1.
//!  7. A FILE that cannot be opened → reported, 1; the inputs after it still run.
//!  8. A failure before `-i`, then Ctrl-D at the prompt → 1.
//!  9. Errors typed at the prompt do not count: Ctrl-D after one → 0.
//! 10. SIGINT in a script → 130, with `Error: interrupted`.
//! 11. SIGTERM → 143 and SIGHUP → 129 (128 + the signal), in a script or at the prompt.
//! 12. Output to a closed pipe → 0, silently.
//! 13. A usage error on the command line → 2; `--help` and `--version` → 0.
//! 14. Never 101 (a panic), whatever stdin, stdout or stderr are.

use std::io::Write;
use std::process::Stdio;

use predicates::prelude::*;
use tempfile::TempDir;

use crate::common::{closes_quietly, command, read_until, scoql, signal, spawn};
use crate::repl::{Home, Term};

/// A query that never ends on its own, printing rows as it goes.
const ENDLESS: &str =
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT x FROM c";

#[test]
fn rule_01_success_is_0() {
    scoql()
        .args(["--no-seed", "-c", "select 1"])
        .write_stdin("")
        .assert()
        .code(0);
    scoql()
        .arg("--no-seed")
        .write_stdin("select 1;\n.print ok\n")
        .assert()
        .code(0);
}

#[test]
fn rule_02_a_failure_in_a_script_is_1_and_the_rest_still_runs() {
    scoql()
        .args(["--no-seed", "--list"])
        .write_stdin("select nope;\nselect 2 as n;\n")
        .assert()
        .code(1)
        .stdout("n\n2\n");
    scoql()
        .args([
            "--no-seed",
            "--list",
            "-c",
            ".nosuch",
            "-c",
            "select 3 as n",
        ])
        .assert()
        .code(1)
        .stdout("n\n3\n");
}

#[test]
fn rule_03_a_failure_then_quit_is_still_1() {
    scoql()
        .arg("--no-seed")
        .write_stdin("SELEC 1;\n.quit\nselect 2;\n")
        .assert()
        .code(1)
        .stdout("");
    scoql()
        .args([
            "--no-seed",
            "-c",
            "SELEC 1",
            "-c",
            ".quit",
            "-c",
            "select 2",
        ])
        .assert()
        .code(1)
        .stdout("");
    scoql()
        .arg("--no-seed")
        .write_stdin("SELEC 1;\n.exit\n")
        .assert()
        .code(1);
}

#[test]
fn rule_04_quit_with_a_code_exits_with_it() {
    scoql()
        .arg("--no-seed")
        .write_stdin(".quit 3\nselect 1;\n")
        .assert()
        .code(3)
        .stdout("");
    scoql()
        .arg("--no-seed")
        .write_stdin("select nope;\n.exit 0\n")
        .assert()
        .code(0);
    scoql()
        .args(["--no-seed", "-c", ".exit 300"])
        .assert()
        .code(44);
}

#[test]
fn rule_05_quit_with_a_bad_code_reports_it_and_ends_the_run() {
    scoql()
        .args(["--no-seed", "--list"])
        .write_stdin(".quit soon\nselect 2;\n")
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "exit code must be a number, got 'soon'",
        ));
}

#[test]
fn rule_06_bail_stops_at_the_first_failure() {
    scoql()
        .args(["--no-seed", "--list", "--bail"])
        .write_stdin("select 1;\nselect nope;\nselect 2;\n")
        .assert()
        .code(1)
        .stdout("1\n1\n");
    scoql()
        .args(["--no-seed", "--list"])
        .write_stdin(".bail on\nselect nope;\nselect 2;\n")
        .assert()
        .code(1)
        .stdout("");
}

#[test]
fn rule_07_a_missing_file_is_1_and_later_inputs_run() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("missing.sql");
    scoql()
        .args(["--no-seed", "--list", "--no-headers"])
        .arg(&missing)
        .args(["-c", "select 'after'"])
        .assert()
        .code(1)
        .stdout("after\n")
        .stderr(predicate::str::contains("missing.sql"));
}

#[test]
fn rule_08_a_failure_before_the_prompt_then_ctrl_d_is_1() {
    let home = Home::new();
    let term = Term::start(
        "exit8",
        &home,
        &[("NO_COLOR", "1")],
        &["--no-seed", "-c", "select nope", "-i"],
    );
    term.wait_for_prompt(1);
    term.keys(&["C-d"]);
    assert_eq!(term.wait_for_exit(), 1, "{}", term.screen());
}

#[test]
fn rule_09_errors_typed_at_the_prompt_do_not_count() {
    let home = Home::new();
    let term = Term::start("exit9", &home, &[("NO_COLOR", "1")], &["--no-seed"]);
    term.wait_for_prompt(1);
    let screen = term.submit("select nope;");
    assert!(screen.contains("Error: no such column: nope"), "{screen}");
    term.keys(&["C-d"]);
    assert_eq!(term.wait_for_exit(), 0, "{}", term.screen());
}

#[test]
fn rule_10_sigint_in_a_script_is_130() {
    // While a query runs: rows are seen on stdout before the signal is sent.
    let mut child = spawn(&["--no-seed", "--list", "--no-headers", "-c", ENDLESS]);
    read_until(&mut child, b"\n1000\n");
    signal(&child, libc::SIGINT);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("Error: interrupted"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // While the script waits for more input on stdin.
    let mut child = command()
        .args(["--no-seed", "--list", "--no-headers"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"select 'ready';\n").unwrap();
    stdin.flush().unwrap();
    read_until(&mut child, b"ready\n");
    signal(&child, libc::SIGINT);
    let status = child.wait().unwrap();
    drop(stdin);
    assert_eq!(status.code(), Some(130));
}

#[test]
fn rule_11_sigterm_and_sighup_end_a_script_and_the_repl() {
    for (sig, code) in [(libc::SIGTERM, 143), (libc::SIGHUP, 129)] {
        let mut child = spawn(&["--no-seed", "--list", "--no-headers", "-c", ENDLESS]);
        read_until(&mut child, b"\n1000\n");
        signal(&child, sig);
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(code), "signal {sig} during a query");
    }
    let home = Home::new();
    let term = Term::start("exit11", &home, &[("NO_COLOR", "1")], &["--no-seed"]);
    term.wait_for_prompt(1);
    let pid = term.format("#{pane_pid}");
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    assert_eq!(term.wait_for_exit(), 143, "{}", term.screen());
}

#[test]
fn rule_12_a_closed_pipe_is_0() {
    closes_quietly(&["--no-seed", "--list", "-c", ENDLESS]);
}

#[test]
fn rule_13_usage_errors_are_2_and_help_is_0() {
    scoql()
        .args(["--mode", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope"));
    scoql().args(["--no-such-flag"]).assert().code(2);
    scoql().args(["--param", "noequals"]).assert().code(2);
    scoql().arg("--help").assert().code(0);
    scoql().arg("--version").assert().code(0);
}

#[test]
fn rule_14_a_closed_stderr_never_panics() {
    // Many errors into a stderr whose reader is gone (`2>&1 | head -1`).
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let script = "selec 1;\n".repeat(500);
    let mut child = command()
        .arg("--no-seed")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(writer)
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(script.as_bytes()).unwrap();
    drop(stdin);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1));
}
