//! The core contract, driven through the real binary: inputs (stdin, files, `-`, `-c`),
//! statement boundaries, encodings, errors with locations, exit statuses, dataset options
//! and closed pipes.

use crate::common::{closes_quietly, scoql};

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use predicates::prelude::*;
use tempfile::TempDir;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

#[test]
fn piped_stdin_runs_as_a_script_and_prints_a_table() {
    scoql()
        .arg("--no-seed")
        .write_stdin("select 1 as n;")
        .assert()
        .success()
        .stdout("┌───┐\n│ n │\n├───┤\n│ 1 │\n└───┘\n1 row\n")
        .stderr("");
}

#[test]
fn embedded_dataset_loads_and_answers_from_stdin() {
    scoql()
        .write_stdin("select count(*) > 0 as n from sources;")
        .assert()
        .success()
        .stdout(predicate::str::contains("│ n │").and(predicate::str::contains("│ 1 │")));
}

#[test]
fn files_run_in_order_and_dash_reads_stdin() {
    let dir = TempDir::new().unwrap();
    let a = write(dir.path(), "a.sql", b"select 'a';");
    let b = write(dir.path(), "b.sql", b"select 'b';");
    scoql()
        .args(["--no-seed", "--list", "--no-headers", &a, "-", &b])
        .write_stdin("select 'stdin';")
        .assert()
        .success()
        .stdout("a\nstdin\nb\n");
}

#[test]
fn dash_c_commands_interleave_with_files_in_the_order_given() {
    let dir = TempDir::new().unwrap();
    let f = write(dir.path(), "f.sql", b"select 'file';");
    scoql()
        .args(["--no-seed", "--list", "--no-headers"])
        .args(["-c", "select 'c1'", &f, "-c", "select 'c2'"])
        .assert()
        .success()
        .stdout("c1\nfile\nc2\n");
}

#[test]
fn a_final_statement_without_semicolon_still_runs() {
    scoql()
        .args(["--no-seed", "--list", "--no-headers"])
        .write_stdin("select 1;\nselect\n  2")
        .assert()
        .success()
        .stdout("1\n2\n");
}

#[test]
fn semicolons_in_strings_comments_and_trigger_bodies_do_not_split() {
    let script = "create table t(a); create table log(x);\n\
                  create trigger tr after insert on t begin\n  insert into log values ('a;b');\n  insert into log values (new.a);\nend;\n\
                  insert into t values (7); -- a comment; with a semicolon\n\
                  select x from log /* ; */ order by rowid;";
    scoql()
        .args(["--no-seed", "--list", "--no-headers"])
        .write_stdin(script)
        .assert()
        .success()
        .stdout("a;b\n7\n");
}

#[test]
fn crlf_line_ends_and_a_leading_bom_are_accepted() {
    let dir = TempDir::new().unwrap();
    let f = write(
        dir.path(),
        "w.sql",
        b"\xEF\xBB\xBFselect 1\r\n + 1;\r\nselect 'x';\r\n",
    );
    scoql()
        .args(["--no-seed", "--list", "--no-headers", &f])
        .assert()
        .success()
        .stdout("2\nx\n");
}

#[test]
fn invalid_utf8_is_an_error_with_file_line_and_column() {
    let dir = TempDir::new().unwrap();
    let f = write(
        dir.path(),
        "bad.sql",
        b"select 1;\nselect '\xff\xfe';\nselect 3;\n",
    );
    scoql()
        .args(["--no-seed", "--list", "--no-headers", &f])
        .assert()
        .code(1)
        .stdout("1\n3\n")
        .stderr(
            predicate::str::contains("Error: invalid UTF-8 in input")
                .and(predicate::str::contains("bad.sql:2:9"))
                .and(predicate::str::contains("panicked").not()),
        );
}

/// A line that cannot be read (invalid UTF-8) still counts: later errors name their own
/// lines, in a file and on stdin.
#[test]
fn errors_after_an_unreadable_line_name_their_own_lines() {
    let script: &[u8] = b"select 1;\nselect '\xff';\nselect 3;\nselec 4;\n";
    let dir = TempDir::new().unwrap();
    let f = write(dir.path(), "bad.sql", script);
    scoql()
        .args(["--no-seed", "--list", "--no-headers", &f])
        .assert()
        .code(1)
        .stdout("1\n3\n")
        .stderr(
            predicate::str::contains("bad.sql:4:1")
                .and(predicate::str::contains("bad.sql:3:").not()),
        );
    scoql()
        .args(["--no-seed", "--list", "--no-headers"])
        .write_stdin(script)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("<stdin>:4:1"));
}

/// A line that is not UTF-8 inside a statement that spans lines: that statement is skipped
/// with the one error, and the statements after it still split where they should (the
/// string it opened must not swallow them).
#[test]
fn a_statement_with_a_line_that_is_not_utf8_is_skipped_and_the_rest_split_as_written() {
    scoql()
        .args(["--no-seed", "--list", "--no-headers"])
        .write_stdin(&b"select 1;\nselect 'caf\xe9\nx';\nselect 3;\n.print ok\n"[..])
        .assert()
        .code(1)
        .stdout("1\n3\nok\n")
        .stderr(
            predicate::str::contains("invalid UTF-8")
                .and(predicate::str::contains("<stdin>:2:"))
                .and(predicate::str::contains("unrecognized token").not()),
        );
}

/// A NUL byte cannot reach SQLite: its statement is an error, the statements before it on
/// its line run, and the statements after it still split where they should.
#[test]
fn a_statement_with_a_nul_byte_is_an_error_and_the_rest_split_as_written() {
    scoql()
        .args(["--no-seed", "--list", "--no-headers"])
        .write_stdin(&b"select 1;\nselect 'a\0\nb';\nselect 3;\nselect 4;\0\nselect 5;\n"[..])
        .assert()
        .code(1)
        .stdout("1\n3\n4\n5\n")
        .stderr(
            predicate::str::contains("NUL byte")
                .and(predicate::str::contains("<stdin>:2:"))
                .and(predicate::str::contains("syntax error").not()),
        );
}

/// An input that fails to read (EIO: /proc/self/mem at offset 0 is never mapped) is one
/// error, and that input ends there, as a read error ends sqlite3's; the next one runs.
#[test]
fn an_input_that_fails_to_read_is_one_error_and_ends() {
    for args in [
        &["/proc/self/mem", "-c", "select 'next'"][..],
        &["-c", ".read /proc/self/mem", "-c", "select 'next'"][..],
    ] {
        let out = crate::common::command()
            .args(["--no-seed", "--list", "--no-headers"])
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            err.matches("Error:").count(),
            1,
            "{args:?}: {}",
            &err[..err.len().min(400)]
        );
        assert!(err.contains("Input/output error"), "{err}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), "next\n");
    }
}

#[test]
fn a_syntax_error_reports_message_location_and_caret_and_later_statements_run() {
    scoql()
        .args(["--no-seed", "--list", "--no-headers"])
        .write_stdin("select 1;\n  selec * from t;\nselect 2;\n")
        .assert()
        .code(1)
        .stdout("1\n2\n")
        .stderr(
            "Error: near \"selec\": syntax error\n  --> <stdin>:2:3\n   |\n 2 |   selec * from t;\n   |   ^^^^^\n",
        );
}

#[test]
fn errors_in_dash_c_name_the_command_number() {
    scoql()
        .args(["--no-seed", "-c", "select 1", "-c", "select * from nope"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("no such table: nope")
                .and(predicate::str::contains("<command 2>:1:")),
        );
}

#[test]
fn bail_stops_at_the_first_error_with_status_1() {
    scoql()
        .args(["--no-seed", "--list", "--no-headers", "--bail"])
        .write_stdin("select 1;\nselect nope;\nselect 2;\n")
        .assert()
        .code(1)
        .stdout("1\n")
        .stderr(predicate::str::contains("no such column: nope"));
}

#[test]
fn a_missing_file_is_named_and_the_rest_still_runs() {
    scoql()
        .args([
            "--no-seed",
            "--list",
            "--no-headers",
            "/no/such/file.sql",
            "-c",
            "select 5",
        ])
        .assert()
        .code(1)
        .stdout("5\n")
        .stderr(predicate::str::contains("cannot open /no/such/file.sql"));
}

#[test]
fn seed_dir_loads_schema_then_seed_and_reports_a_broken_file_with_its_line() {
    let dir = TempDir::new().unwrap();
    std::fs::create_dir_all(dir.path().join("schema")).unwrap();
    std::fs::create_dir_all(dir.path().join("seed")).unwrap();
    write(
        &dir.path().join("schema"),
        "010_t.sql",
        b"create table t(a integer);\n",
    );
    write(
        &dir.path().join("seed"),
        "010_t.sql",
        b"insert into t values (41);\n",
    );
    let d = dir.path().display().to_string();
    scoql()
        .args([
            "--seed-dir",
            &d,
            "--list",
            "--no-headers",
            "-c",
            "select a + 1 from t",
        ])
        .assert()
        .success()
        .stdout("42\n");

    write(
        &dir.path().join("seed"),
        "020_broken.sql",
        b"insert into t values (1);\n\ninsert into missing values (2);\n",
    );
    scoql()
        .args(["--seed-dir", &d, "-c", "select 1"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            predicate::str::contains("020_broken.sql")
                .and(predicate::str::contains("020_broken.sql:3:"))
                .and(predicate::str::contains("no such table: missing")),
        );
}

#[test]
fn no_seed_starts_empty() {
    scoql()
        .args([
            "--no-seed",
            "--list",
            "--no-headers",
            "-c",
            "select count(*) from sqlite_schema",
        ])
        .assert()
        .success()
        .stdout("0\n");
}

#[test]
fn db_opens_an_existing_file_instead_of_the_dataset() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("x.db");
    let p = path.display().to_string();
    scoql()
        .args([
            "--db",
            &p,
            "-c",
            "create table k(v); insert into k values ('kept')",
        ])
        .assert()
        .success();
    scoql()
        .args(["--db", &p, "--list", "--no-headers"])
        .args([
            "-c",
            "select v from k; select count(*) from sqlite_schema where name = 'sources'",
        ])
        .assert()
        .success()
        .stdout("kept\n0\n");
}

#[test]
fn a_closed_stdout_pipe_ends_quietly_with_status_0() {
    closes_quietly(&[
        "--no-seed",
        "--csv",
        "-c",
        "with recursive n(i) as (select 1 union all select i+1 from n where i < 2000000) select i, 'row' from n",
    ]);
}

#[test]
fn statements_without_result_columns_print_nothing() {
    scoql()
        .arg("--no-seed")
        .write_stdin("create table t(a); insert into t values (1); update t set a = 2;")
        .assert()
        .success()
        .stdout("");
}

#[test]
fn usage_errors_exit_with_status_2() {
    scoql().arg("--no-such-option").assert().code(2);
    scoql().args(["--mode", "nope"]).assert().code(2);
    scoql().args(["--no-seed", "--db", "x.db"]).assert().code(2);
}

#[test]
fn quit_and_exit_end_the_run_with_their_code() {
    scoql()
        .args(["--no-seed", "--list", "--no-headers"])
        .write_stdin("select 1;\n.exit 3\nselect 2;\n")
        .assert()
        .code(3)
        .stdout("1\n");
    scoql()
        .args(["--no-seed"])
        .write_stdin(".quit\nselect 2;\n")
        .assert()
        .success()
        .stdout("");
}

#[test]
fn read_runs_a_file_relative_to_the_including_file() {
    let dir = TempDir::new().unwrap();
    std::fs::create_dir_all(dir.path().join("sub")).unwrap();
    write(&dir.path().join("sub"), "inner.sql", b"select 'inner';\n");
    let outer = write(
        dir.path(),
        "outer.sql",
        b".read sub/inner.sql\nselect 'outer';\n",
    );
    scoql()
        .args(["--no-seed", "--list", "--no-headers", &outer])
        .current_dir("/")
        .assert()
        .success()
        .stdout("inner\nouter\n");
}

/// Only `.read` resolves against the including file (DESIGN "Input"); files a script writes
/// or imports are where sqlite3 puts them, relative to the working directory, whether the
/// script is a FILE argument or comes on stdin.
#[test]
fn a_script_writes_and_imports_files_relative_to_the_working_directory() {
    let job = b".import --csv data.csv t\n.output out.txt\nselect count(*) from t;\n\
                .output stdout\n.once once.txt\nselect 'once';\n.save saved.db\n\
                .export export.csv\n.read inc.sql\n";
    for on_stdin in [false, true] {
        let dir = TempDir::new().unwrap();
        let sub = dir.path().join("jobs");
        std::fs::create_dir_all(&sub).unwrap();
        write(&sub, "job.sql", job);
        write(&sub, "inc.sql", b"select 'included';\n");
        write(dir.path(), "data.csv", b"a\n1\n2\n");
        let mut cmd = scoql();
        cmd.args(["--no-seed", "--list", "--no-headers"])
            .current_dir(dir.path());
        if on_stdin {
            // `.read` on stdin resolves against the working directory.
            write(dir.path(), "inc.sql", b"select 'included';\n");
            cmd.pipe_stdin(sub.join("job.sql")).unwrap();
        } else {
            cmd.arg("jobs/job.sql");
        }
        cmd.assert().success().stdout("included\n");
        let read = |name: &str| std::fs::read(dir.path().join(name)).unwrap_or_default();
        assert_eq!(read("out.txt"), b"2\n", "stdin: {on_stdin}");
        assert_eq!(read("once.txt"), b"once\n", "stdin: {on_stdin}");
        assert!(!read("saved.db").is_empty(), "stdin: {on_stdin}");
        assert_eq!(
            read("export.csv"),
            b"\"'once'\"\nonce\n",
            "stdin: {on_stdin}"
        );
        let mut left: Vec<String> = std::fs::read_dir(&sub)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["inc.sql", "job.sql"], "stdin: {on_stdin}");
    }
}

#[test]
fn a_long_script_runs_every_statement() {
    let mut script = String::from("create table t(a);\n");
    for i in 0..20_000 {
        script.push_str(&format!("insert into t values ({i});\n"));
    }
    script.push_str("select count(*), sum(a) from t;\n");
    scoql()
        .args(["--no-seed", "--list", "--no-headers"])
        .write_stdin(script)
        .assert()
        .success()
        .stdout("20000|199990000\n");
}

#[test]
fn help_and_version_print_on_stdout() {
    scoql()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("scoql "));
    scoql()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("--seed-dir"));
}

#[test]
fn stdin_is_read_to_its_end_even_when_written_slowly() {
    let mut child = crate::common::command()
        .args(["--no-seed", "--list", "--no-headers"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"select 1;\nselect").unwrap();
    stdin.flush().unwrap();
    // The first statement's result shows that scoql has read up to here and now waits in
    // the middle of the second statement.
    let first = crate::common::read_until(&mut child, b"1\n");
    stdin.write_all(b" 2").unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let mut all = first;
    all.extend_from_slice(&out.stdout);
    assert_eq!(String::from_utf8_lossy(&all), "1\n2\n");
}

#[test]
fn a_file_that_is_not_a_database_is_refused_at_once() {
    let dir = TempDir::new().unwrap();
    let f = write(dir.path(), "notes.txt", b"just some text, not SQLite\n");
    scoql()
        .args(["--db", &f, "-c", "select 1"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            predicate::str::contains("cannot open database")
                .and(predicate::str::contains("file is not a database")),
        );
    scoql()
        .args(["--no-seed", "--list", "--no-headers"])
        .write_stdin(format!(".open {f}\nselect 2;\n"))
        .assert()
        .code(1)
        .stdout("2\n")
        .stderr(predicate::str::contains("file is not a database"));
}

#[test]
fn a_database_given_as_a_script_points_to_db() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("real.db");
    scoql()
        .args([
            "--no-seed",
            "-c",
            &format!("vacuum into '{}'", db.display()),
        ])
        .assert()
        .success();
    scoql()
        .arg(&db)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "is a SQLite database, not a script; open it with --db",
        ));
}

#[test]
fn sqlite3_single_dash_options_work_as_in_sqlite3() {
    scoql()
        .args(["--no-seed", "-csv", "-c", "select 1 as a, 'x y' as b"])
        .assert()
        .success()
        .stdout("a,b\n1,\"x y\"\n");
    scoql()
        .args(["--no-seed", "-list", "-noheader", "-separator", ";"])
        .write_stdin("select 1, 2;")
        .assert()
        .success()
        .stdout("1;2\n");
    // -header is not -h (help): it turns headers on.
    scoql()
        .args(["--no-seed", "-list", "-header", "-c", "select 1 as a"])
        .assert()
        .success()
        .stdout("a\n1\n");
    scoql()
        .args(["--no-seed", "-list", "-cmd", ".headers off"])
        .write_stdin("select 1 as a;")
        .assert()
        .success()
        .stdout("1\n");
}

/// sqlite3 applies its output options and `-cmd` in the order given, so the later one wins:
/// a mode after `-separator` brings its own separator back, an option after `-cmd` beats
/// what the `-cmd` set, and a `-cmd` after an option beats the option.
#[test]
fn output_options_and_cmd_apply_in_the_order_given_as_in_sqlite3() {
    let cases: &[&[&str]] = &[
        &["-separator", ";", "-quote"],
        &["-tabs", "-separator", ";", "-quote"],
        &["-quote", "-separator", ";"],
        &["-separator", "\\t", "-csv", "-nullvalue", "N"],
        &["-separator", ";", "-csv", "-separator", ":"],
        &["-cmd", ".mode csv", "-header", "-tabs"],
        &["-cmd", ".mode csv", "-line"],
        &["-csv", "-cmd", ".separator , |", "-tabs"],
        &["-csv", "-cmd", ".mode quote"],
        &["-cmd", ".mode csv", "-list"],
        &["-cmd", ".mode csv", "-html"],
        &["-cmd", ".headers on", "-noheader"],
        &["-noheader", "-cmd", ".headers on", "-cmd", ".separator |"],
        &["-cmd", ".nullvalue Z", "-nullvalue", "N"],
        &["-nullvalue", "N", "-cmd", ".nullvalue Z", "-csv"],
        &["-cmd", ".separator ;", "-tabs", "-cmd", ".nullvalue -"],
    ];
    let sql = "select 1 as a, null as b, 'x,y' as c;";
    for args in cases {
        let expected = std::process::Command::new("sqlite3")
            .args(*args)
            .arg(":memory:")
            .arg(sql)
            .output()
            .expect("sqlite3 must be installed (apt-get install sqlite3)");
        assert!(expected.status.success(), "{args:?}");
        scoql()
            .args(["--no-seed", "--list", "--no-headers"])
            .args(*args)
            .args(["-c", sql])
            .assert()
            .success()
            .stdout(String::from_utf8(expected.stdout).unwrap());
    }
}

/// The init file runs before the command line; a `-cmd` runs with what the init file set
/// and the options given before it, as in sqlite3.
#[test]
fn a_cmd_runs_with_the_init_files_settings_and_the_options_before_it() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "init.sql", b".mode line\n.nullvalue I\n");
    for args in [
        &[
            "-cmd",
            "select 9 as n, null as z",
            "-csv",
            "-nullvalue",
            "N",
        ][..],
        &[
            "-nullvalue",
            "N",
            "-cmd",
            "select 9 as n, null as z",
            "-tabs",
        ][..],
    ] {
        let expected = std::process::Command::new("sqlite3")
            .current_dir(dir.path())
            .args(["-init", "init.sql"])
            .args(args)
            .args([":memory:", "select 1 as a, null as b"])
            .output()
            .expect("sqlite3 must be installed (apt-get install sqlite3)");
        scoql()
            .current_dir(dir.path())
            .args(["--no-seed", "--no-headers", "-init", "init.sql"])
            .args(args)
            .args(["-c", "select 1 as a, null as b"])
            .assert()
            .success()
            .stdout(String::from_utf8(expected.stdout).unwrap());
    }
}

#[test]
fn sqlite3_options_scoql_lacks_are_usage_errors_not_other_options() {
    // `-column` once parsed as `-c olumn` and ran the SQL "olumn"; every sqlite3 option
    // scoql does not have is refused by name, with status 2, and nothing runs.
    for option in [
        "-column",
        "-ascii",
        "-newline",
        "-nofollow",
        "-stats",
        "-zip",
    ] {
        scoql()
            .args(["--no-seed", option, "-c", "select 1"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(format!("'{option}'")))
            .stderr(predicate::str::contains("olumn\": syntax error").not());
    }
    scoql()
        .args(["--no-seed", "-column"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--table"));
}

#[test]
fn the_caret_stands_under_its_token_after_wide_characters() {
    // Each of the four Chinese characters is two columns wide: the caret moves 4 further
    // than the character count says, and underlines a wide identifier by its width.
    scoql()
        .arg("--no-seed")
        .write_stdin("select '上合示范', nosuch;\nselect 1 as x, 中文;\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            " 1 | select '上合示范', nosuch;\n   |                    ^^^^^^\n",
        ))
        .stderr(predicate::str::contains(
            " 2 | select 1 as x, 中文;\n   |                ^^^^\n",
        ));
}

#[test]
fn a_command_starting_with_a_comment_runs() {
    scoql()
        .args([
            "--no-seed",
            "--list",
            "-c",
            "-- a saved query\nselect 7 as n;",
        ])
        .assert()
        .success()
        .stdout("n\n7\n");
}
