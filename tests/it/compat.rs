//! Byte-compatibility corpus: every `tests/compat/*.sql` script is run by the
//! real sqlite3 shell (`sqlite3 :memory: < script`) and by scoql
//! (`scoql --no-seed script`); both stdouts must be byte-identical, both must
//! exit 0 and neither may write to stderr.
//!
//! The claim is the 3.40 shell's bytes with reals converted by the bundled SQLite
//! (README "Output"). The system sqlite3 is 3.40 with 3.40's library, so the
//! corpus holds only reals whose text the two libraries agree on
//! (tests/compat/README.md); the tests at the end check the real conversion
//! against the bundled library and that README names the version bundled.
//!
//! sqlite3 is required: CI installs it (`apt-get install sqlite3`). The test
//! fails, rather than skips, when it is missing.

use std::fmt::Write as _;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The corpus must never silently shrink to nothing.
const MIN_SCRIPTS: usize = 30;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("compat")
}

fn scripts() -> Vec<PathBuf> {
    let dir = corpus_dir();
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read corpus directory {}: {e}", dir.display()))
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|ext| ext == "sql"))
        .collect();
    scripts.sort();
    scripts
}

/// The sqlite3 shell to compare against: /usr/bin/sqlite3, else `sqlite3`
/// from PATH. Panics with an installation hint when neither runs.
fn sqlite3_binary() -> PathBuf {
    let candidates = [PathBuf::from("/usr/bin/sqlite3"), PathBuf::from("sqlite3")];
    for candidate in candidates {
        let works = Command::new(&candidate)
            .arg("-version")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if works {
            return candidate;
        }
    }
    panic!(
        "the sqlite3 command-line shell is required by the compat corpus but was not found \
         (neither /usr/bin/sqlite3 nor `sqlite3` on PATH). Install it, e.g. \
         `sudo apt-get install sqlite3`, and rerun `cargo test --test compat`."
    );
}

fn run_sqlite3(sqlite3: &Path, script: &Path) -> Output {
    let stdin =
        File::open(script).unwrap_or_else(|e| panic!("cannot open {}: {e}", script.display()));
    Command::new(sqlite3)
        .arg(":memory:")
        .stdin(stdin)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", sqlite3.display()))
}

fn run_scoql(script: &Path) -> Output {
    crate::common::command()
        .arg("--no-seed")
        .arg(script)
        .stdin(Stdio::null())
        .output()
        .expect("cannot run the scoql binary")
}

/// Splits into lines keeping the terminators, so "\r\n" vs "\n" and a
/// missing final newline show up in the diff.
fn lines_with_ends(bytes: &[u8]) -> Vec<&[u8]> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            lines.push(&bytes[start..=i]);
            start = i + 1;
        }
    }
    if start < bytes.len() {
        lines.push(&bytes[start..]);
    }
    lines
}

fn show(bytes: &[u8]) -> String {
    format!("{:?}", String::from_utf8_lossy(bytes))
}

fn show_opt(line: Option<&&[u8]>) -> String {
    line.map_or_else(|| "<end of output>".to_owned(), |l| show(l))
}

/// A readable description of how `actual` differs from `expected`.
fn describe_diff(expected: &[u8], actual: &[u8]) -> String {
    let exp = lines_with_ends(expected);
    let act = lines_with_ends(actual);
    let first = (0..exp.len().max(act.len()))
        .find(|&i| exp.get(i) != act.get(i))
        .unwrap_or(0);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "    first difference at line {} (sqlite3: {} lines / {} bytes, scoql: {} lines / {} bytes)",
        first + 1,
        exp.len(),
        expected.len(),
        act.len(),
        actual.len()
    );
    let _ = writeln!(out, "    sqlite3: {}", show_opt(exp.get(first)));
    let _ = writeln!(out, "    scoql:   {}", show_opt(act.get(first)));
    // A little context: the following lines of each side.
    let context = 3;
    let from = first.saturating_sub(1);
    let to = (first + context).min(exp.len().max(act.len()));
    let _ = writeln!(out, "    context (lines {}..={}):", from + 1, to);
    for i in from..to {
        let marker = if exp.get(i) == act.get(i) { ' ' } else { '!' };
        let _ = writeln!(
            out,
            "     {marker} {:>4} sqlite3: {}",
            i + 1,
            show_opt(exp.get(i))
        );
        let _ = writeln!(
            out,
            "     {marker} {:>4} scoql:   {}",
            i + 1,
            show_opt(act.get(i))
        );
    }
    out
}

#[test]
fn corpus_is_not_empty() {
    let scripts = scripts();
    assert!(
        scripts.len() >= MIN_SCRIPTS,
        "expected at least {MIN_SCRIPTS} scripts in {}, found {}",
        corpus_dir().display(),
        scripts.len()
    );
}

#[test]
fn scoql_output_matches_sqlite3_byte_for_byte() {
    let sqlite3 = sqlite3_binary();
    let scripts = scripts();
    assert!(
        scripts.len() >= MIN_SCRIPTS,
        "expected at least {MIN_SCRIPTS} scripts in {}, found {}",
        corpus_dir().display(),
        scripts.len()
    );

    let mut failures: Vec<String> = Vec::new();
    for script in &scripts {
        let name = script.file_name().unwrap().to_string_lossy().into_owned();
        let expected = run_sqlite3(&sqlite3, script);
        let actual = run_scoql(script);
        let mut problems = String::new();

        if !expected.status.success() || !expected.stderr.is_empty() {
            let _ = writeln!(
                problems,
                "    the corpus script itself is broken: sqlite3 exited with {} and stderr {}",
                expected.status,
                show(&expected.stderr)
            );
        }
        if !actual.status.success() {
            let _ = writeln!(problems, "    scoql exited with {}", actual.status);
        }
        if !actual.stderr.is_empty() {
            let _ = writeln!(
                problems,
                "    scoql wrote to stderr: {}",
                show(&actual.stderr)
            );
        }
        if expected.stdout != actual.stdout {
            problems.push_str(&describe_diff(&expected.stdout, &actual.stdout));
        }
        if !problems.is_empty() {
            failures.push(format!("{name}:\n{problems}"));
        }
    }

    assert!(
        failures.is_empty(),
        "{} of {} compat scripts differ from sqlite3 ({}):\n\n{}",
        failures.len(),
        scripts.len(),
        sqlite3.display(),
        failures.join("\n")
    );
}

/// scoql's reals are the bundled SQLite's text (17 significant digits where 3.40 wrote 15),
/// in every byte-compatible mode: what a sqlite3 shell built on the same SQLite prints. The
/// expected text comes from the bundled library itself, through rusqlite: a real's column
/// text (list, csv) and `%!.20g` (quote and insert modes, as the shell formats them).
#[test]
fn reals_are_converted_by_the_bundled_sqlite() {
    let lib = rusqlite::Connection::open_in_memory().unwrap();
    let text = |sql: &str| -> String { lib.query_row(sql, [], |r| r.get(0)).unwrap() };
    let expected = format!(
        "{}|{}\n{}\n{}\r\n",
        text("select cast(100.0/3 as text)"),
        text("select cast(0.1+0.2 as text)"),
        text("select printf('%!.20g', 0.1)"),
        text("select cast(1e16 as text)"),
    );
    // Not what 3.40 prints (33.3333333333333|0.3, 0.10000000000000000555, 1.0e+16).
    assert!(
        expected.starts_with("33.333333333333336|0.30000000000000004\n"),
        "{expected}"
    );
    let out = crate::common::scoql()
        .args(["--no-seed", "--list", "--no-headers"])
        .write_stdin(
            "select 100.0/3, 0.1+0.2;\n.mode quote\nselect 0.1;\n.mode csv\nselect 1e16;\n",
        )
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
}

/// README states the SQLite version whose conversions scoql's output follows; it must be
/// the one bundled, and `--version` names it.
#[test]
fn readme_and_version_name_the_bundled_sqlite() {
    let version = scoql::sqlite::version();
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    assert!(
        readme.contains(&format!("bundled SQLite {version}")),
        "README.md does not name the bundled SQLite {version}"
    );
    crate::common::scoql()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicates::str::contains(format!("SQLite {version}")));
}
