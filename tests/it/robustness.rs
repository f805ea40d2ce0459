//! No input, signal or terminal crashes scoql, hangs it or loses work (issue 17 items
//! 9–17), through the real binary and, for the interactive shell, a real terminal (tmux).
//! Ends with a property test that feeds random bytes and random dot-commands to scoql.

use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use tempfile::TempDir;

use crate::common::{self, command, limit_file_size, scoql, signal};
use crate::repl::{Home, Term, last_line, start};

/// How long a process may take to end once it should: generous, for a loaded machine. A
/// bound that fails the test, never a measure of speed.
const DEADLINE: Duration = Duration::from_secs(20);

/// `n` inserts into `t`, then the count and sum of what arrived.
fn inserts(n: usize) -> String {
    let mut script = String::from("create table t(a);\n");
    for i in 1..=n {
        script.push_str(&format!("insert into t values ({i});\n"));
    }
    script.push_str("select count(*), sum(a) from t;\n");
    script
}

/// What `inserts(n)` prints in list mode without headers.
fn inserted(n: usize) -> String {
    format!("{n}|{}\n", n * (n + 1) / 2)
}

/// Writes `data` to `w` on a thread of its own, so a child can read while we write.
fn feed(mut w: impl Write + Send + 'static, data: String) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let _ = w.write_all(data.as_bytes());
    })
}

fn finish(child: Child) -> (i32, String, String) {
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const LIST: [&str; 3] = ["--no-seed", "--list", "--no-headers"];

/// Item 9: a script path that is a pipe (`/dev/stdin`, a FIFO, bash's `<(…)`) is opened and
/// read once: all 20,000 inserts run.
#[test]
fn a_script_read_from_a_pipe_runs_every_statement() {
    const N: usize = 20_000;
    let script = inserts(N);
    // `cat big.sql | scoql /dev/stdin`
    let mut child = command()
        .args(LIST)
        .arg("/dev/stdin")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let writer = feed(child.stdin.take().unwrap(), script.clone());
    let (code, out, err) = finish(child);
    writer.join().unwrap();
    assert_eq!((code, out.as_str()), (0, inserted(N).as_str()), "{err}");

    // A FIFO.
    let dir = TempDir::new().unwrap();
    let fifo = dir.path().join("script.fifo");
    let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a NUL-terminated path inside our temporary directory.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    let child = command()
        .args(LIST)
        .arg(&fifo)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Opening the FIFO for writing waits for scoql to open it for reading.
    let writer = feed(std::fs::File::create(&fifo).unwrap(), script.clone());
    let (code, out, err) = finish(child);
    writer.join().unwrap();
    assert_eq!((code, out.as_str()), (0, inserted(N).as_str()), "{err}");

    // bash's process substitution: a pipe named /dev/fd/N.
    let file = dir.path().join("big.sql");
    std::fs::write(&file, &script).unwrap();
    let mut bash = std::process::Command::new("bash");
    common::hermetic(&mut bash);
    let out = bash
        .arg("-c")
        .arg("exec \"$0\" --no-seed --list --no-headers <(cat \"$1\")")
        .arg(common::BIN)
        .arg(&file)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        inserted(N),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0));
}

/// Item 10: Tab and highlighting never take the session down, whatever characters the line
/// holds (CJK input methods type U+3000; U+00A0 comes with pasted text).
#[test]
fn tab_after_a_no_break_or_ideographic_space_keeps_the_session() {
    let home = Home::new();
    let term = start("widespace", &home, &[], &[]);
    let mut prompts = 1;
    for line in [
        ".mode\u{a0}",
        ".mode\u{3000}",
        ".mode\u{3000}li",
        ".headers\u{a0}o",
        ".open\u{3000}",
        "select '\u{3000}",
        "select\u{3000}",
        "select * from \u{a0}",
    ] {
        term.type_text(line);
        term.keys(&["Tab"]);
        term.keys(&["Tab"]);
        term.keys(&["C-c"]);
        prompts += 1;
        term.wait_for_prompt(prompts);
    }
    let screen = term.submit("select 'alive' as state;");
    assert!(screen.contains("alive"), "{screen}");
    assert!(!screen.contains("panicked"), "{screen}");
}

/// True while process `pid` runs (a zombie has ended: only its parent, gone with the
/// terminal, could reap it).
fn is_running(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        // The state follows the command name, which is in parentheses.
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| !rest.trim_start().starts_with(['Z', 'X'])),
        Err(_) => false,
    }
}

/// Kills a process that outlived its test (SIGKILL by pid, the one we started).
struct Reaper(u32);

impl Drop for Reaper {
    fn drop(&mut self) {
        if is_running(self.0) {
            // SAFETY: a signal to the scoql process this test started.
            unsafe {
                libc::kill(self.0 as i32, libc::SIGKILL);
            }
        }
    }
}

/// Item 11: when its terminal goes away, the REPL ends: by SIGHUP when scoql leads the
/// terminal's session, and by the read error (as on Ctrl-D) when it runs in a session of
/// its own and no SIGHUP comes. It never spins writing errors.
#[test]
fn the_repl_ends_when_its_terminal_goes_away() {
    for (tag, in_own_session) in [("hup", false), ("eio", true)] {
        let home = Home::new();
        let pid_file = home.path().join("pid");
        let err_file = home.path().join("stderr");
        let script = format!(
            "echo $$ > '{}'; exec '{}' --no-seed 2> '{}'",
            pid_file.display(),
            common::BIN,
            err_file.display()
        );
        let mut program = vec!["sh", "-c", &script];
        if in_own_session {
            program.splice(0..0, ["setsid", "-w"]);
        }
        let term = Term::start_program(tag, &home, &[("NO_COLOR", "1")], &program);
        term.wait_for_prompt(1);
        let pid: u32 = std::fs::read_to_string(&pid_file)
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        let _reaper = Reaper(pid);
        assert!(is_running(pid));
        // The terminal goes away: the tmux server and its pseudo-terminals close.
        drop(term);
        let gone = Instant::now();
        while is_running(pid) {
            assert!(
                gone.elapsed() < DEADLINE,
                "{tag}: scoql still runs without its terminal"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        let err = std::fs::read(&err_file).unwrap();
        assert!(err.len() < 4096, "{tag}: {} bytes on stderr", err.len());
        assert!(
            !String::from_utf8_lossy(&err).contains("panicked"),
            "{tag}: {}",
            String::from_utf8_lossy(&err)
        );
    }
}

/// Item 12: an unwritable stderr (here a file that may not grow, as on a full disk: the
/// write fails) loses the reports, never the run: status 1, no panic. (`2>/dev/full` would
/// write to /dev; a closed pipe is exit_codes rule 14.)
#[test]
fn an_unwritable_stderr_never_panics() {
    let dir = TempDir::new().unwrap();
    for (args, stdin) in [
        (vec!["--no-seed", "-c", "selec 1"], String::new()),
        (vec!["--no-seed"], "selec 1;\n.nosuch\n".repeat(200)),
    ] {
        let err = std::fs::File::create(dir.path().join("stderr")).unwrap();
        let mut cmd = command();
        cmd.args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(err);
        limit_file_size(&mut cmd, 0);
        let mut child = cmd.spawn().unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(1), "{args:?}");
        assert_eq!(
            std::fs::metadata(dir.path().join("stderr")).unwrap().len(),
            0
        );
    }
}

/// Item 13: a parameter value is one literal or verbatim text; a value full of statements
/// is text, never prepared statement by statement.
#[test]
fn a_parameter_value_full_of_statements_binds_as_text() {
    // 30,000 statements in 120 KB: just under the kernel's limit for one argument.
    let value = format!("1{}", ";END".repeat(30_000));
    let out = scoql()
        .args(LIST)
        .args(["--param", &format!("x={value}"), "-c", "select :x"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), format!("{value}\n"));
    let out = scoql()
        .args(LIST)
        .write_stdin(format!(".param set x '{value}'\nselect length(:x);\n"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{}\n", value.len())
    );
}

/// Item 14: the splitter's shapes that were quadratic give the right statements: a 900 KB
/// block comment of 30,000 lines, and a 30,000-line string with `;` on every line. (Its
/// speed is compared with sqlite3's in `benches/splitter.rs`, not asserted here.)
#[test]
fn a_huge_block_comment_and_a_long_string_of_semicolons_split_correctly() {
    let mut comment = String::from("create table t(a);\n/*\n");
    for i in 0..30_000 {
        comment.push_str(&format!("insert into t values ({i}); -- x\n"));
    }
    comment.push_str("*/\ninsert into t values (-1);\nselect count(*), sum(a) from t;\n");
    assert!(comment.len() > 900_000);
    let out = scoql().args(LIST).write_stdin(comment).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "1|-1\n");
    assert_eq!(out.status.code(), Some(0));

    let text: String = (0..30_000)
        .map(|i| format!("line {i}; still the string;\n"))
        .collect();
    let script = format!("select '{text}';\nselect 'after';\n");
    let out = scoql().args(LIST).write_stdin(script).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{text}\nafter\n")
    );
    assert_eq!(out.status.code(), Some(0));
}

/// Item 15: a view whose first row never comes (an aggregate over an endless query) does
/// not freeze the prompt: completion reads values within a budget of SQLite steps.
#[test]
fn an_endless_view_does_not_freeze_the_prompt() {
    let home = Home::new();
    let term = start("slowview", &home, &[("NO_COLOR", "1")], &[]);
    // `submit` waits for the next prompt, with the tests' usual timeout.
    term.submit(
        "create view slow as select max(x) as top, 'label' as label from \
         (with recursive c(x) as (select 1 union all select x + 1 from c) select x from c);",
    );
    term.type_text("select label from sl");
    term.keys(&["Tab"]);
    term.wait_for("the view's name", |s| {
        last_line(s) == "scoql> select label from slow"
    });
    term.keys(&["C-c"]);
    term.wait_for_prompt(3);
    let screen = term.submit("select 6 * 7 as answer;");
    assert!(screen.contains("│     42 │"), "{screen}");
}

/// Item 16: a SIGINT that arrives between two statements of one input stops the second:
/// scoql is held between them by a full stdout pipe, signalled, then let go.
#[test]
fn sigint_between_two_statements_stops_the_second() {
    let (probe, _w) = std::io::pipe().unwrap();
    // SAFETY: F_GETPIPE_SZ reads the capacity of a pipe we own.
    let capacity = unsafe { libc::fcntl(probe.as_raw_fd(), libc::F_GETPIPE_SZ) };
    assert!(capacity > 0);
    // Two results of 3/4 of the pipe each: the first fits, the second (written in one piece
    // once its statement has ended) cannot, and waits in that write for a reader.
    let filler = "x".repeat(capacity as usize * 3 / 4);
    let mut child = command()
        .args(LIST)
        .args(["-c", &format!("select '{filler}'")])
        .args(["-c", &format!("select '{filler}'; select 'SECOND';")])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let fd = child.stdout.as_ref().unwrap().as_raw_fd();
    let started = Instant::now();
    loop {
        let mut queued: libc::c_int = 0;
        // SAFETY: FIONREAD writes the number of bytes waiting in our end of the pipe.
        unsafe { libc::ioctl(fd, libc::FIONREAD, &mut queued) };
        // Bytes of the second result have arrived: its statement has ended.
        if queued as usize > filler.len() + 1 {
            break;
        }
        assert!(child.try_wait().unwrap().is_none(), "scoql ended early");
        assert!(started.elapsed() < DEADLINE, "the second result never came");
        std::thread::sleep(Duration::from_millis(5));
    }
    signal(&child, libc::SIGINT);
    let mut out = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    let (code, _, err) = finish(child);
    assert!(!out.contains("SECOND"), "the second statement ran");
    assert_eq!(code, 130, "{err}");
    assert_eq!(out, format!("{filler}\n{filler}\n"));
}

/// Item 17: `-c` takes SQL that starts with a comment, as every saved query does.
#[test]
fn dash_c_takes_sql_that_starts_with_a_comment() {
    scoql()
        .args(LIST)
        .args(["-c", "-- a comment\nselect 1;"])
        .assert()
        .code(0)
        .stdout("1\n");
    // Every saved query without parameters, as -c text and as a file: the same output.
    let queries = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
    let mut files = Vec::new();
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(queries).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        if text.contains("@param") {
            continue;
        }
        assert!(text.starts_with("--"), "{}", path.display());
        files.push(path);
        texts.push(text);
    }
    assert!(files.len() >= 10, "only {} saved queries", files.len());
    let from_files = scoql().arg("--list").args(&files).output().unwrap();
    let mut from_c = scoql();
    from_c.arg("--list");
    for text in &texts {
        from_c.args(["-c", text]);
    }
    let from_c = from_c.output().unwrap();
    assert_eq!(
        from_c.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&from_c.stderr)
    );
    assert!(!from_c.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&from_c.stdout),
        String::from_utf8_lossy(&from_files.stdout)
    );
}

/// Pieces random input is built from: SQL and shell syntax that cuts, nests and quotes,
/// besides raw bytes.
const PIECES: &[&str] = &[
    ";",
    "\n",
    "'",
    "\"",
    "`",
    "[",
    "]",
    "(",
    ")",
    "/*",
    "*/",
    "--",
    "\\G",
    ".",
    " ",
    "\t",
    "\r\n",
    "select ",
    "create table t(a);",
    "insert into t values (1);",
    "begin;",
    "commit;",
    "rollback;",
    "create trigger r after insert on t begin ",
    "end;",
    "case ",
    "x'00'",
    "\u{3000}",
    "\u{a0}",
    "é",
    "\u{feff}",
    "?1",
    ":x",
    "@y",
    "$z",
    "0x",
    "1e999",
    "null",
    ".param set x ",
    ".mode ",
    ".read in.sql",
    ".output ",
    ".once ",
    ".import ",
    ".save ",
    ".open ",
    ".dump",
    ".schema",
    ".tables",
    ".show",
    ".last",
    ".headers ",
    "x.db",
    "t",
];

/// Dot-commands, real and not, for the random dot-command sessions.
const COMMANDS: &[&str] = &[
    "about",
    "bail",
    "changes",
    "describe",
    "desc",
    "dump",
    "echo",
    "examples",
    "exit",
    "quit",
    "headers",
    "help",
    "import",
    "indexes",
    "last",
    "maxrows",
    "mode",
    "nullvalue",
    "once",
    "open",
    "output",
    "parameter",
    "param",
    "print",
    "read",
    "reset",
    "run",
    "save",
    "backup",
    "schema",
    "separator",
    "show",
    "sources",
    "tables",
    "timer",
    "nosuch",
    "",
    ".",
];

/// What `.read` reads: never a file the session can write (`.output`, `.once`, `.save`
/// take `ARGS`), since a file that grows as it is read (with `.echo on`) never ends, in
/// sqlite3 as in scoql.
const READ_ARGS: &[&str] = &["in.sql", "missing.sql", "..", "'a b'"];

/// Arguments for them: none contains `/`, so every file lands in the case's directory.
const ARGS: &[&str] = &[
    "on",
    "off",
    "yes",
    "0",
    "1",
    "-1",
    "2",
    "99999999999999999999",
    "csv",
    "json",
    "table",
    "box",
    "insert",
    "line",
    "list",
    "quote",
    "tabs",
    "markdown",
    "jsonl",
    "t",
    "x.db",
    "y.sql",
    "out.txt",
    "data.csv",
    "--readonly",
    "--csv",
    "--skip",
    "set",
    "unset",
    "list",
    "clear",
    ":x",
    "@y",
    "'a b'",
    "\"c\\td\"",
    "''",
    "\u{3000}",
    "é",
    "facts_in_year",
    "year=2021",
    "S01",
    "%",
    "..",
    "-",
    "\\",
    "'unclosed",
];

/// Statements mixed between the dot-commands.
const STATEMENTS: &[&str] = &[
    "create table t(a, b);",
    "insert into t values (1, 'x'), (2.5, null), (x'00ff', 'é');",
    "select * from t;",
    "select :x, @y;",
    "begin;",
    "commit;",
    "rollback;",
    "drop table t;",
    "selec 1;",
    "select 1\\G",
];

fn random_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..16),
        prop::sample::select(PIECES).prop_map(|p| p.as_bytes().to_vec()),
    ];
    prop::collection::vec(piece, 0..48).prop_map(|pieces| {
        // No `/`: a dot-command line cannot name a file outside the case's directory.
        pieces
            .concat()
            .into_iter()
            .map(|b| if b == b'/' { b'_' } else { b })
            .collect()
    })
}

fn random_session() -> impl Strategy<Value = Vec<u8>> {
    let dot = (
        prop::sample::select(COMMANDS),
        prop::collection::vec(prop::sample::select(ARGS), 0..4),
    )
        .prop_map(|(cmd, args)| {
            // `.exit N` ends with N by design: keep to the statuses the property allows.
            let args: Vec<&str> = match cmd {
                "exit" | "quit" => args
                    .into_iter()
                    .filter(|a| matches!(*a, "0" | "1" | "2" | "on"))
                    .collect(),
                "read" => args
                    .iter()
                    .enumerate()
                    .map(|(i, _)| READ_ARGS[i % READ_ARGS.len()])
                    .collect(),
                _ => args,
            };
            format!(".{cmd} {}\n", args.join(" "))
        });
    let line = prop_oneof![
        3 => dot,
        2 => prop::sample::select(STATEMENTS).prop_map(|s| format!("{s}\n")),
    ];
    prop::collection::vec(line, 0..24).prop_map(|lines| lines.concat().into_bytes())
}

/// Command-line flags for a case; `--echo` only where no file can be read as it grows.
fn flags(echo: bool) -> impl Strategy<Value = Vec<&'static str>> {
    let mut all = vec!["--safe", "--readonly", "--bail", "--json", "--box", "--csv"];
    if echo {
        all.push("--echo");
    }
    prop::sample::subsequence(all, 0..3)
}

/// Runs one random case: `input` on stdin (and, without NUL bytes, also as `-c`), in a
/// directory of its own. The timeout kills a run that hangs, and the kill fails the case.
fn run_case(input: &[u8], flags: &[&str]) -> std::result::Result<(), TestCaseError> {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("in.sql"), "select 1;\n.print read\n").unwrap();
    let mut runs = vec![scoql()];
    runs[0].write_stdin(input.to_vec());
    if !input.contains(&0) {
        let mut c = scoql();
        c.arg("-c").arg(std::ffi::OsStr::from_bytes(input));
        runs.push(c);
    }
    for mut run in runs {
        let out = run
            .current_dir(dir.path())
            .arg("--no-seed")
            .args(flags)
            .timeout(DEADLINE)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        prop_assert!(
            matches!(out.status.code(), Some(0 | 1 | 2 | 130)),
            "status {:?} for {:?}: {}",
            out.status,
            String::from_utf8_lossy(input),
            err
        );
        prop_assert!(!err.contains("panicked"), "{}", err);
    }
    Ok(())
}

fn config() -> ProptestConfig {
    ProptestConfig {
        // PROPTEST_CASES=20000 for a long run.
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(64),
        // Tests never write outside a temporary directory: no regression files.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// Random bytes, built from raw bytes and pieces of SQL and shell syntax, never crash
    /// or hang scoql: its status is one the contract names.
    #[test]
    fn random_bytes_never_crash_or_hang_scoql(input in random_bytes(), flags in flags(false)) {
        run_case(&input, &flags)?;
    }

    /// Random sessions of dot-commands with odd arguments, between statements.
    #[test]
    fn random_dot_commands_never_crash_or_hang_scoql(
        input in random_session(),
        flags in flags(true),
    ) {
        run_case(&input, &flags)?;
    }
}

/// A `.help` pattern with many `*` is matched in time linear in its length (the matcher
/// backtracked exponentially: 20 stars took 10 s, 40 would take years), and still matches
/// what it should.
#[test]
fn a_help_pattern_full_of_stars_returns_at_once() {
    let stars = "*".repeat(40);
    let out = scoql()
        .args([
            "--no-seed",
            "-c",
            &format!(".help {stars}zq"),
            "-c",
            ".help *ea*",
        ])
        .timeout(DEADLINE)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("unknown command"), "{err}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("  .headers"), "{text}");
    assert!(text.contains("  .read FILE"), "{text}");
    assert!(!text.contains("  .mode"), "{text}");
}

/// Bytes from the terminal that are not UTF-8 (a Latin-1 terminal, a key sending a Meta
/// bit) drop the line being typed with a warning; the session goes on with its data (it
/// ended, as if the terminal had gone away).
#[test]
fn bytes_from_the_terminal_that_are_not_utf8_drop_the_line_and_keep_the_session() {
    let home = Home::new();
    let term = start("badutf8", &home, &[("NO_COLOR", "1")], &[]);
    term.submit("create temp table kept(a); insert into kept values (42);");
    term.type_text("select '");
    term.tmux(&["send-keys", "-t", term.name(), "-H", "ff", "fe"]);
    term.wait_for("the warning", |s| s.contains("not UTF-8"));
    term.wait_for_prompt(3);
    let screen = term.submit("select a from kept;");
    assert!(screen.contains("│ 42 │"), "{screen}");
}
