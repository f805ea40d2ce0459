//! Bad input never crashes scoql: each case asserts the message, the exit status, that
//! output written before the error is intact, and that nothing panicked. Then signals and
//! closed pipes.

use crate::common::{closes_quietly, scoql, spawn};

use std::process::Child;
use std::time::{Duration, Instant};

use tempfile::TempDir;

struct Case {
    name: &'static str,
    args: Vec<String>,
    stdin: Vec<u8>,
    code: i32,
    stdout_starts: String,
    stderr_has: &'static str,
}

fn case(
    name: &'static str,
    args: &[&str],
    stdin: &[u8],
    code: i32,
    out: &str,
    err: &'static str,
) -> Case {
    Case {
        name,
        args: args.iter().map(|s| s.to_string()).collect(),
        stdin: stdin.to_vec(),
        code,
        stdout_starts: out.to_string(),
        stderr_has: err,
    }
}

#[test]
fn the_bad_input_table() {
    let dir = TempDir::new().unwrap();
    let selfread = dir.path().join("self.sql");
    std::fs::write(&selfread, ".read self.sql\n").unwrap();
    let ragged = dir.path().join("ragged.csv");
    std::fs::write(&ragged, "a,b\n1\n").unwrap();
    let a_dir = dir.path().display().to_string();
    let big = format!("select length('{}');", "x".repeat(5_000_000));
    let wide = format!(
        "select {};",
        (1..=2000)
            .map(|i| format!("{i} as c{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let l = ["--no-seed", "--list", "--no-headers"];
    fn with<'a>(base: &[&'a str], extra: &[&'a str]) -> Vec<&'a str> {
        base.iter().chain(extra).copied().collect()
    }
    let cases = vec![
        case("syntax error", &l, b"select 1;\nselect * fro t;\n", 1, "1\n", "near \"fro\": syntax error"),
        case(
            "runtime error mid-result",
            &l,
            b"select 0;\nselect abs(x) from (select 1 as x union all select -9223372036854775808);\n",
            1,
            "0\n1\n",
            "integer overflow",
        ),
        case("unterminated string at end of input", &l, b"select 1;\nselect 'abc", 1, "1\n", "unrecognized token: \"'abc"),
        case("5 MB single statement", &l, big.as_bytes(), 0, "5000000\n", ""),
        case("2,000 columns in table mode", &["--no-seed"], wide.as_bytes(), 0, "┌", ""),
        case("NUL byte", &l, b"select 1;\nselect '\0';\nselect 2;\n", 1, "1\n2\n", "NUL byte in SQL text"),
        case("invalid UTF-8", &l, b"select 1;\nselect '\xc3\x28';\n", 1, "1\n", "invalid UTF-8"),
        case("a file that reads itself", &with(&l, &[selfread.to_str().unwrap()]), b"", 1, "", ".read nested more than 16 deep"),
        case("a directory as a script", &with(&l, &[&a_dir]), b"", 1, "", "is a directory"),
        case("a missing file", &with(&l, &["/no/such.sql"]), b"", 1, "", "cannot open /no/such.sql"),
        case("output into a missing directory", &l, b".output /no/such/dir/f\nselect 1;\n", 1, "1\n", "cannot write /no/such/dir/f"),
        case(
            "ragged csv import",
            &l,
            format!("create table t(a,b);\n.import --csv {} t\n", ragged.display()).as_bytes(),
            1,
            "",
            "expected 2 columns but found 1 - filling the rest with NULL",
        ),
        case("unknown mode", &l, b".mode fancy\n", 1, "", "unknown mode 'fancy'"),
        case("unknown option", &["--fancy"], b"", 2, "", "--fancy"),
        case("unknown mode option", &["--mode", "fancy"], b"", 2, "", "fancy"),
        case("write under --readonly", &["--readonly", "--list"], b"delete from sources;\n", 1, "", "readonly"),
        case("file access under --safe", &["--safe", "--no-seed"], b".read /etc/passwd\n", 1, "", "not allowed with --safe"),
        case("unbound parameter", &l, b"select 1;\nselect :nope;\n", 1, "1\n", "no value for parameter :nope"),
        case("deep nesting", &l, format!("select {}1{};", "(".repeat(5000), ")".repeat(5000)).as_bytes(), 1, "", "Error:"),
        case("huge integer literal", &l, b"select 99999999999999999999999;\n", 0, "1.0e+23\n", ""),
        case("empty input", &l, b"", 0, "", ""),
        case("only comments", &l, b"-- nothing\n/* at all */\n", 0, "", ""),
        case("lone dot", &l, b".\n", 1, "", "unknown command"),
    ];
    let mut failures = Vec::new();
    for c in &cases {
        let out = scoql()
            .args(&c.args)
            .write_stdin(c.stdin.clone())
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let mut problems = Vec::new();
        if out.status.code() != Some(c.code) {
            problems.push(format!(
                "status {:?}, expected {}",
                out.status.code(),
                c.code
            ));
        }
        if !stdout.starts_with(&c.stdout_starts) {
            problems.push(format!(
                "stdout starts {:?}",
                stdout.chars().take(80).collect::<String>()
            ));
        }
        if !stderr.contains(c.stderr_has) {
            problems.push(format!(
                "stderr {:?} lacks {:?}",
                stderr.chars().take(300).collect::<String>(),
                c.stderr_has
            ));
        }
        if c.code == 0 && !stderr.is_empty() {
            problems.push(format!("unexpected stderr {stderr:?}"));
        }
        if stderr.contains("panicked") || out.status.code() == Some(101) {
            problems.push("PANIC".into());
        }
        if !problems.is_empty() {
            failures.push(format!("{}: {}", c.name, problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_system_error_reads_as_words_without_rusts_os_error_tail() {
    // "Is a directory (os error 21)" is Rust's rendering, not a message for a reader; every
    // report of a system error ends at the system's words.
    let dir = TempDir::new().unwrap();
    let d = dir.path().display().to_string();
    let full = std::fs::File::create(dir.path().join("full")).unwrap();
    let mut cmd = crate::common::command();
    cmd.args(["--no-seed", "-c", "select 1"])
        .stdin(std::process::Stdio::null())
        .stdout(full);
    crate::common::limit_file_size(&mut cmd, 0);
    let out = cmd.output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.starts_with("Error: cannot write output: File too large\n"),
        "{err}"
    );
    let out = scoql()
        .args(["--no-seed", "-c", &format!(".import --csv {d} t")])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(": cannot read: Is a directory\n"), "{err}");
    std::fs::create_dir_all(dir.path().join("scoql/config.toml")).unwrap();
    let out = scoql()
        .env("XDG_CONFIG_HOME", &d)
        .args(["--no-seed", "-c", "select 1"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.ends_with("config.toml: Is a directory\n"), "{err}");
    assert!(!err.contains("os error"), "{err}");
}

fn signal(child: &Child, sig: i32) {
    // SAFETY: sending a signal to our own child process.
    unsafe {
        libc::kill(child.id() as i32, sig);
    }
}

#[test]
fn a_closed_pipe_ends_quietly_during_a_table_json_and_dump() {
    let many = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < 300000) SELECT x, 'row ' || x FROM c";
    closes_quietly(&["--no-seed", "--maxrows", "0", "-c", many]);
    closes_quietly(&["--no-seed", "--json", "-c", many]);
    closes_quietly(&["--no-seed", "--jsonl", "-c", many]);
    closes_quietly(&[
        "--no-seed",
        "-c",
        &format!("CREATE TABLE t AS {many}"),
        "-c",
        ".dump",
    ]);
}

#[test]
fn sigterm_during_save_leaves_no_partial_file() {
    let dir = TempDir::new().unwrap();
    let target = dir.path().join("big.db");
    std::fs::write(&target, b"previous contents").unwrap();
    let script = format!(
        "CREATE TABLE t AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < 300000) SELECT x, randomblob(500) AS b FROM c;\n.save {}\n",
        target.display()
    );
    let mut child = spawn(&["--no-seed", "-c", &script]);
    let started = Instant::now();
    let has_tmp = || {
        std::fs::read_dir(dir.path())
            .unwrap()
            .any(|e| e.unwrap().file_name().to_string_lossy().contains(".tmp"))
    };
    // Wait for the save to start writing its temporary file, then stop it mid-way.
    while !has_tmp() && child.try_wait().unwrap().is_none() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "save never started"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
    let caught = has_tmp();
    signal(&child, libc::SIGTERM);
    let status = child.wait().unwrap();
    assert!(!has_tmp(), "a temporary file was left behind");
    if caught {
        // SIGTERM ends the run with 128 + 15, after the save has cleaned up.
        assert_eq!(status.code(), Some(143));
        assert_eq!(std::fs::read(&target).unwrap(), b"previous contents");
    }
}
