//! Dot-commands, parameters and saved queries, through the real binary.

use crate::common::scoql;

use std::path::Path;
use std::process::{Command as StdCommand, Stdio};

use predicates::prelude::*;
use tempfile::TempDir;

/// Runs `script` on stdin against an empty database in list mode; returns (status, stdout,
/// stderr).
fn run_empty(script: &str) -> (i32, String, String) {
    run(&["--no-seed", "--list"], script)
}

fn run(args: &[&str], script: &str) -> (i32, String, String) {
    let out = scoql().args(args).write_stdin(script).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn sqlite3(db: &Path, sql: &str) -> String {
    let out = StdCommand::new("sqlite3")
        .arg(db)
        .arg(sql)
        .stderr(Stdio::inherit())
        .output()
        .expect("sqlite3 must be installed (apt-get install sqlite3)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn help_lists_every_command_and_explains_one() {
    let (code, out, _) = run_empty(".help\n");
    assert_eq!(code, 0);
    for name in [
        ".about",
        ".bail",
        ".changes",
        ".chart",
        ".cite",
        ".describe",
        ".dump",
        ".echo",
        ".examples",
        ".exit",
        ".headers",
        ".help",
        ".import",
        ".indexes",
        ".maxrows",
        ".mode",
        ".nullvalue",
        ".numbers",
        ".once",
        ".open",
        ".output",
        ".parameter",
        ".pivot",
        ".print",
        ".read",
        ".reset",
        ".run",
        ".save",
        ".schema",
        ".separator",
        ".show",
        ".sources",
        ".summarize",
        ".tables",
        ".timer",
    ] {
        assert!(out.contains(name), "{name} missing from .help");
    }
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "wider than 80 columns: {line}");
    }
    let (_, one, _) = run_empty(".help mode\n");
    assert!(one.starts_with(".mode [MODE] [TABLE]\n"), "{one}");
    assert!(one.contains("jsonl"), "{one}");
}

#[test]
fn unknown_commands_and_bad_arguments_print_one_line_with_usage_and_change_nothing() {
    let (code, out, err) = run_empty(".frobnicate\n.headers maybe\n.mode nope\nselect 1 as a;\n");
    assert_eq!(code, 1);
    assert!(err.contains("Error: unknown command: .frobnicate"), "{err}");
    assert!(
        err.contains("Error: expected on or off, got 'maybe'; usage: .headers on|off"),
        "{err}"
    );
    assert!(err.contains("unknown mode 'nope'"), "{err}");
    // list mode and headers still as they were
    assert_eq!(out, "a\n1\n");
}

#[test]
fn every_usage_error_names_the_command_usage() {
    for (line, usage) in [
        (".bail", ".bail on|off"),
        (".maxrows lots", ".maxrows N"),
        (".exit soon", ".exit [CODE]"),
        (".param set x", ".parameter set"),
        (".param frob", ".parameter set"),
        (".separator", ".separator COL [ROW]"),
        (".nullvalue", ".nullvalue TEXT"),
        (".numbers huge", ".numbers [plain|grouped|short]"),
        (".import onlyone", ".import"),
        (".import --skip x a b", ".import"),
        (".open --nope f", ".open"),
        (".describe nosuch", ".describe TABLE"),
        (".run nosuch", ".run NAME"),
        (".once", ".once FILE"),
        (".read", ".read FILE"),
        (".save", ".save FILE"),
    ] {
        let (code, _, err) = run_empty(&format!("{line}\n"));
        assert_eq!(code, 1, "{line}");
        assert!(err.contains(&format!("usage: {usage}")), "{line}: {err}");
        assert_eq!(
            err.lines().filter(|l| l.starts_with("Error:")).count(),
            1,
            "{line}: {err}"
        );
    }
}

#[test]
fn tables_schema_and_indexes_list_the_schema() {
    let setup = "create table alpha(a); create table beta(b); create view gamma as select 1;\n\
                 create index beta_b on beta(b);\n";
    let (_, out, _) = run_empty(&format!("{setup}.tables\n.tables b%\n"));
    assert_eq!(out, "alpha  beta   gamma\nbeta\n");
    let (_, out, _) = run_empty(&format!("{setup}.schema beta\n"));
    assert_eq!(
        out,
        "CREATE TABLE beta(b);\nCREATE INDEX beta_b on beta(b);\n"
    );
    let (_, out, _) = run_empty(&format!("{setup}.indexes\n.indexes alpha\n"));
    assert_eq!(out, "beta_b\n");
}

#[test]
fn settings_commands_change_the_output() {
    let (_, out, _) = run_empty(
        ".headers off\n.nullvalue NIL\n.separator ; ~\nselect 1, null;\n.mode csv\nselect 'a b';\n",
    );
    assert_eq!(out, "1;NIL~\"a b\"\r\n");
}

#[test]
fn echo_prints_statements_and_print_prints_text() {
    let (_, out, _) = run_empty(".echo on\nselect 1;\n.print hello   'big world'\n");
    assert_eq!(
        out,
        "select 1;\n1\n1\n.print hello   'big world'\nhello big world\n"
    );
}

#[test]
fn changes_reports_rows_changed() {
    let (_, out, _) = run_empty(
        "create table t(a);\n.changes on\ninsert into t values (1), (2);\nupdate t set a = 3;\n",
    );
    assert_eq!(
        out,
        "changes: 2   total_changes: 2\nchanges: 2   total_changes: 4\n"
    );
}

/// What one shell did with a script in a fresh directory: status, stdout with the run times
/// of `.timer` blanked (they differ from run to run), and the files it wrote.
#[derive(Debug, PartialEq)]
struct Outcome {
    code: Option<i32>,
    stdout: String,
    files: Vec<(String, String)>,
}

fn outcome(mut command: StdCommand, inputs: &[(&str, &[u8])], script: &str) -> Outcome {
    let dir = TempDir::new().unwrap();
    for (name, bytes) in inputs {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let mut child = command
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("sqlite3 must be installed (apt-get install sqlite3)");
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), script.as_bytes()).unwrap();
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    // Line ends are kept as they are (csv rows end in `\r\n`).
    let stdout = String::from_utf8_lossy(&out.stdout)
        .split_inclusive('\n')
        .map(|l| match l.strip_prefix("Run Time: real ") {
            Some(times) => times
                .chars()
                .map(|c| if c.is_ascii_digit() { '9' } else { c })
                .fold("Run Time: real ".to_string(), |mut line, c| {
                    line.push(c);
                    line
                }),
            None => l.to_string(),
        })
        .collect();
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                String::from_utf8_lossy(&std::fs::read(e.path()).unwrap()).into_owned(),
            )
        })
        .collect();
    files.sort();
    Outcome {
        code: out.status.code(),
        stdout,
        files,
    }
}

/// The script run by the system sqlite3 and by scoql (with sqlite3's list mode without
/// headers): both must do the same.
fn same_as_sqlite3(script: &str) {
    same_as_sqlite3_with(&[], script);
}

/// As `same_as_sqlite3`, in a directory holding these files.
fn same_as_sqlite3_with(inputs: &[(&str, &[u8])], script: &str) {
    let expected = outcome(StdCommand::new("sqlite3"), inputs, script);
    let mut scoql = crate::common::command();
    scoql.args(["--no-seed", "--list", "--no-headers"]);
    assert_eq!(outcome(scoql, inputs, script), expected, "{script}");
}

#[test]
fn timer_lines_go_to_stdout_once_per_line_of_sql_failed_or_not_as_in_sqlite3() {
    same_as_sqlite3(
        ".timer on\n.output out.txt\nselect 1; select 2;\nselec 3;\ncreate table t(a);\n\
         .output stdout\nselect 4;\n",
    );
}

#[test]
fn changes_follow_each_line_of_sql_that_succeeded_as_in_sqlite3() {
    same_as_sqlite3(
        ".changes on\ncreate table t(a);\ninsert into t values (1), (2); select 9;\n\
         update t set a = 0;\nselec 1;\nselect count(*) from t;\n.output out.txt\n\
         delete from t;\n",
    );
}

#[test]
fn once_covers_the_next_line_of_sql_and_no_more_even_when_it_fails_as_in_sqlite3() {
    same_as_sqlite3(
        ".once a.txt\nselect 1; select 2;\nselect 3;\n.once b.txt\nselec 1;\nselect 4;\n\
         .once c.txt\n\n-- nothing to run\nselect 5;\nselect 6;\n",
    );
    // Lines with nothing to run, echoed, still do not use up `.once`.
    same_as_sqlite3(".echo on\n.once d.txt\n\n-- c\n# h\nselect 7;\nselect 8;\n");
    // Nor do lines of only semicolons and comments, which sqlite3 swallows like blank ones.
    same_as_sqlite3(".once e.txt\n;;\n /* c */ ;\n; -- x\nselect 9;\nselect 10;\n");
    same_as_sqlite3(".echo on\n.once f.txt\n;\nselect 11;\n; /* open\n*/ select 12;\n");
}

/// `.once FILE` then `.read`/`.run`: everything that line produces goes to FILE, as the
/// issue's rule says (sqlite3 3.40 sends only the first item of the read file there, and
/// nothing at all when that item is a dot-command such as `.mode csv`).
#[test]
fn once_then_read_or_run_sends_all_they_print_to_the_file_then_stdout_again() {
    let dir = TempDir::new().unwrap();
    std::fs::write(
        dir.path().join("report.sql"),
        ".mode csv\nselect 1, 2;\n.print done\nselect 3;\n.mode list\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("inner.sql"),
        ".once inner.txt\nselect 'i';\nselect 'after';\n",
    )
    .unwrap();
    let out = scoql()
        .current_dir(dir.path())
        .args(["--list", "--no-headers"])
        .write_stdin(
            ".once out.txt\n.read report.sql\nselect 4;\n\
             .once run.txt\n.run facts_in_year year=2021\nselect 5;\n\
             .once twice.txt\n.read inner.sql\nselect 6;\n",
        )
        .output()
        .unwrap();
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(read("out.txt"), "1,2\r\ndone\n3\r\n");
    assert!(read("run.txt").contains("|2021"), "{}", read("run.txt"));
    // A `.once` inside the file read covers its own next line, as anywhere.
    assert_eq!(read("inner.txt"), "i\n");
    assert_eq!(read("twice.txt"), "");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "4\n5\nafter\n6\n");
}

#[test]
fn quit_in_a_read_file_ends_that_file_only_as_in_sqlite3() {
    let inner: &[u8] = b"select 1;\n.quit\nselect 2;\n";
    let exit: &[u8] = b"select 3;\n.exit\nselect 4;\n";
    let nested: &[u8] = b".read inner.sql\nselect 5;\n.quit\nselect 6;\n";
    same_as_sqlite3_with(
        &[
            ("inner.sql", inner),
            ("exit.sql", exit),
            ("nested.sql", nested),
        ],
        ".read inner.sql\nselect 7;\n.read exit.sql\n.read nested.sql\nselect 8;\n",
    );
    // A failure before the .quit still counts.
    let failing: &[u8] = b"selec 1;\n.quit\n";
    same_as_sqlite3_with(
        &[("failing.sql", failing)],
        ".read failing.sql\nselect 9;\n",
    );
}

/// A `.once` that is the last thing a read file does has no next line there: the `.read`
/// line is the item it covered, so the including file's next statement goes to stdout
/// and the file stays empty, as in sqlite3.
#[test]
fn once_at_the_end_of_a_read_file_ends_with_it_as_in_sqlite3() {
    let tail: &[u8] = b"select 'in';\n.once tail.txt\n";
    let quits: &[u8] = b".once quits.txt\n.quit\n";
    same_as_sqlite3_with(
        &[("tail.sql", tail), ("quits.sql", quits)],
        ".read tail.sql\nselect 'parent';\nselect 'parent2';\n\
         .read quits.sql\nselect 'next';\n",
    );
}

#[test]
fn quit_in_the_init_file_ends_the_init_file_only_as_in_sqlite3() {
    let dir = TempDir::new().unwrap();
    std::fs::write(
        dir.path().join("init.sql"),
        ".mode csv\n.quit\n.mode line\n",
    )
    .unwrap();
    let expected = StdCommand::new("sqlite3")
        .current_dir(dir.path())
        .args(["-init", "init.sql", ":memory:", "select 1, 2"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&expected.stdout), "1,2\r\n");
    let (code, out, _) = run(
        &[
            "--no-seed",
            "--no-headers",
            "--init",
            &dir.path().join("init.sql").to_string_lossy(),
            "-c",
            "select 1, 2",
        ],
        "",
    );
    assert_eq!((code, out.as_str()), (0, "1,2\r\n"));
}

/// `.quit BAD` is a failed command (issue 14) that still quits what `.quit` quits: in a
/// read file, that file.
#[test]
fn quit_with_a_bad_code_in_a_read_file_is_an_error_and_ends_that_file_only() {
    let dir = TempDir::new().unwrap();
    std::fs::write(
        dir.path().join("inner.sql"),
        "select 1;\n.quit BAD\nselect 2;\n",
    )
    .unwrap();
    let out = scoql()
        .current_dir(dir.path())
        .args(["--no-seed", "--list", "--no-headers"])
        .write_stdin(".read inner.sql\nselect 3;\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "1\n3\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("inner.sql:2:1"));
}

#[test]
fn exit_with_a_code_in_a_read_file_ends_the_run_with_it() {
    let dir = TempDir::new().unwrap();
    std::fs::write(
        dir.path().join("inner.sql"),
        "select 1;\n.exit 3\nselect 2;\n",
    )
    .unwrap();
    let out = crate::common::command()
        .current_dir(dir.path())
        .args(["--no-seed", "--list", "--no-headers"])
        .arg("-c")
        .arg(".read inner.sql")
        .arg("-c")
        .arg("select 4")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "1\n");
}

/// sqlite3 takes a prefix of a dot-command's name (`.hea on`, `.mod csv`, `.q`), from a
/// shortest length that differs by command; shorter ones are unknown (`.t`, `.pa`, `.s`).
#[test]
fn dot_commands_may_be_abbreviated_as_in_sqlite3() {
    let read: &[u8] = b"select 'read';\n";
    let csv: &[u8] = b"a,b\n1,2\n";
    same_as_sqlite3_with(
        &[("r.sql", read), ("in.csv", csv)],
        "create table t(a);\ncreate index ti on t(a);\n.hea on\nselect 1 as h;\n.h off\n\
         .mod csv\nselect 1, 2;\n.m list\n.sep ;\nselect 1, 2;\n.se |\n.nu N\nselect null;\n\
         .sch\n.sc\n.ta\n.in\n.ind t\n.d t\n.o o.txt\nselect 'once';\n.ou out.txt\nselect 'out';\n\
         .ou stdout\n.rea r.sql\n.i --csv in.csv imp\nselect count(*) from imp;\n\
         .cha on\ninsert into t values (1);\n.cha off\n.par set :x 5\nselect :x;\n\
         .pri printed\n.bai off\n.e on\nselect 'echo';\n.e off\n.t\n.pa\n.s\n\
         .ti on\n.q\nselect 'after';\n",
    );
    // `.ex` is `.exit`.
    same_as_sqlite3(".ex 3\nselect 1;\n");
}

#[test]
fn param_list_names_numbered_parameters_with_a_question_mark_in_sqlite3s_order() {
    same_as_sqlite3(
        ".param set ?1 5\n.param set :a 'x'\n.param set ?2 6\n.param set :b 2.5\n\
         .param list\nselect ?1, :a, ?2, :b;\n",
    );
}

#[test]
fn echo_shows_blank_comment_and_hash_lines_as_in_sqlite3() {
    same_as_sqlite3(
        ".echo on\nselect 1;\n\n-- comment\n# hash\n   \n/* block */\nselect 2; -- tail\n\
         .print done\n",
    );
}

#[test]
fn bail_on_stops_a_script_at_the_next_error() {
    let (code, out, _) = run_empty(".bail on\nselect 1;\nselect x;\nselect 2;\n");
    assert_eq!(code, 1);
    assert_eq!(out, "1\n1\n");
}

#[test]
fn show_lists_the_settings() {
    let (_, out, _) = run_empty(".mode csv\n.show\n");
    assert!(out.contains("mode: csv"), "{out}");
    assert!(out.contains("headers: on"), "{out}");
    assert!(out.contains("rowseparator: \"\\r\\n\""), "{out}");
}

#[test]
fn dump_loads_into_sqlite3_and_gives_the_same_rows() {
    let dir = TempDir::new().unwrap();
    let dump = dir.path().join("dump.sql");
    let setup = "create table t(id integer primary key, s text, r real, b blob);\n\
                 insert into t values (1, 'it''s\nmulti', 1.5, x'00ff'), (2, NULL, -0.25, NULL);\n\
                 create table \"odd name\"(\"select\" text);\ninsert into \"odd name\" values ('k');\n\
                 create index t_s on t(s);\ncreate view v as select count(*) as n from t;\n";
    let (code, _, err) = run_empty(&format!("{setup}.once {}\n.dump\n", dump.display()));
    assert_eq!(code, 0, "{err}");
    let db = dir.path().join("from_dump.db");
    let text = std::fs::read_to_string(&dump).unwrap();
    assert!(text.starts_with("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n"));
    assert!(text.ends_with("COMMIT;\n"));
    let load = StdCommand::new("sqlite3")
        .arg(&db)
        .stdin(std::fs::File::open(&dump).unwrap())
        .output()
        .expect("sqlite3 must be installed");
    assert!(
        load.status.success(),
        "{}",
        String::from_utf8_lossy(&load.stderr)
    );
    assert_eq!(
        sqlite3(
            &db,
            "select id, quote(s), r, hex(b) from t order by id; select * from \"odd name\"; select n from v;"
        ),
        "1|'it''s\nmulti'|1.5|00FF\n2|NULL|-0.25|\nk\n2\n"
    );
}

/// A database with everything a dump has to carry: AUTOINCREMENT history (a counter above
/// the largest id, sqlite_sequence older than the table it counts for, a counter left by a
/// dropped table), an fts5 table, ANALYZE statistics (stat1 and, built by the bundled
/// SQLite, stat4), text holding NUL and text that is not UTF-8, blobs, ±Inf, generated
/// columns, quoted names, an index, a view and a trigger.
const RICH: &str = "\
create table first(id integer primary key autoincrement, v);
insert into first(v) values ('gone');
create table plain(x);
drop table first;
create table counted(id integer primary key autoincrement, v text);
insert into counted(v) values ('a'), ('b'), ('c'), ('d');
delete from counted where id > 2;
insert into sqlite_sequence values ('ghost', 77);
create virtual table docs using fts5(title, body);
insert into docs values ('Qingdao', 'freight trains to Central Asia'), ('SCO', 'demonstration zone');
create table \"odd \"\"name\"\"\"(\"select\" text, \"a b\" integer, g as (\"a b\" * 2) stored, h as (\"select\" || '!'));
insert into \"odd \"\"name\"\"\"(\"select\", \"a b\") values ('k', 1), ('it''s', 2), (NULL, 3);
create table vals(t text, b blob, r real, i integer, n);
insert into vals values ('a' || char(0) || 'b', x'00ff10', 1e999, -9223372036854775808, NULL);
insert into vals values (char(0), x'', -1e999, 9223372036854775807, 0.1);
insert into vals values (cast(x'92e9ff00' as text), zeroblob(3), 2.5e-310, 0, 'line\nbreak\r');
insert into vals values ('', NULL, -0.0, 1, 'x''y');
with recursive n(i) as (select 1 union all select i + 1 from n where i < 50) insert into plain select i from n;
create index plain_x on plain(x);
create index vals_t on vals(t);
analyze;
create view v as select count(*) as n from plain;
create trigger tr after insert on plain begin insert into counted(v) values (new.x); end;
";

/// sqlite3's `sha3_query` of every table of `db` (virtual tables and their shadow tables,
/// sqlite_sequence and the statistics tables included), hashed by the system sqlite3 so
/// both sides are read by the same code: every value's type and exact bytes (a real's 8
/// bytes, text with its NULs).
fn table_hashes(db: &Path, tables: &[String]) -> Vec<(String, String)> {
    tables
        .iter()
        .map(|t| {
            let q = t.replace('"', "\"\"");
            let cols = sqlite3(
                db,
                &format!(
                    "select count(*) from pragma_table_info('{}')",
                    t.replace('\'', "''")
                ),
            );
            let n: usize = cols.trim().parse().unwrap();
            assert!(n > 0, "{t} has no columns in {}", db.display());
            let order: Vec<String> = (1..=n).map(|i| i.to_string()).collect();
            let query = format!("SELECT * FROM \"{q}\" ORDER BY {}", order.join(","));
            let hash = sqlite3(
                db,
                &format!("select hex(sha3_query('{}'))", query.replace('\'', "''")),
            );
            assert_eq!(hash.trim().len(), 64, "no hash of {t}: {hash:?}");
            (t.clone(), hash)
        })
        .collect()
}

#[test]
fn dump_restores_every_table_byte_for_byte_through_sqlite3() {
    let dir = TempDir::new().unwrap();
    let x = dir.path().join("x.db");
    let (code, _, err) = run(&["--db", x.to_str().unwrap()], RICH);
    assert_eq!(code, 0, "{err}");
    let dump = scoql()
        .args(["--db", x.to_str().unwrap(), "-c", ".dump"])
        .output()
        .unwrap();
    assert!(
        dump.status.success(),
        "{}",
        String::from_utf8_lossy(&dump.stderr)
    );
    let y = dir.path().join("y.db");
    let load = StdCommand::new("sqlite3")
        .arg(&y)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sqlite3 must be installed");
    let loaded = {
        let mut load = load;
        std::io::Write::write_all(load.stdin.as_mut().unwrap(), &dump.stdout).unwrap();
        drop(load.stdin.take());
        load.wait_with_output().unwrap()
    };
    assert!(
        loaded.status.success(),
        "{}",
        String::from_utf8_lossy(&loaded.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&loaded.stderr), "");
    // scoql reads its own dump back too.
    let z = dir.path().join("z.db");
    let (code, _, err) = run(
        &["--db", z.to_str().unwrap()],
        &String::from_utf8_lossy(&dump.stdout),
    );
    assert_eq!(code, 0, "{err}");
    let tables: Vec<String> = sqlite3(
        &x,
        "select name from sqlite_schema where type = 'table' order by name",
    )
    .lines()
    .map(String::from)
    .collect();
    for name in [
        "counted",
        "docs",
        "docs_data",
        "sqlite_sequence",
        "sqlite_stat1",
        "sqlite_stat4",
        "vals",
        "odd \"name\"",
    ] {
        assert!(
            tables.iter().any(|t| t == name),
            "{name} missing from {tables:?}"
        );
    }
    let original = table_hashes(&x, &tables);
    assert_eq!(table_hashes(&y, &tables), original);
    assert_eq!(table_hashes(&z, &tables), original);
    // What the dump carried works: the counter, the full-text index, the view and trigger.
    let after = "insert into counted(v) values ('next'); select max(id) from counted; \
                 select rowid from docs where docs match 'freight'; select n from v; \
                 insert into plain values (0); select count(*) from counted;";
    assert_eq!(sqlite3(&y, after), "5\n1\n50\n4\n");
    assert_eq!(sqlite3(&z, after), "5\n1\n50\n4\n");
}

#[test]
fn dump_of_matching_tables_carries_their_counters_and_only_theirs() {
    let setup = "create table a(id integer primary key autoincrement, v);\n\
                 create table b(id integer primary key autoincrement, v);\n\
                 create table c(v);\n\
                 insert into a(v) values (1), (2), (3); delete from a where id = 3;\n\
                 insert into b(v) values (1);\n";
    let (code, out, err) = run_empty(&format!("{setup}.dump a\n"));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.ends_with(
            "INSERT INTO a VALUES(2,2);\nDELETE FROM sqlite_sequence WHERE name='a';\n\
             INSERT INTO sqlite_sequence VALUES('a',3);\nCOMMIT;\n"
        ),
        "{out}"
    );
    let (_, out, _) = run_empty(&format!("{setup}.dump c\n"));
    assert!(!out.contains("sqlite_sequence"), "{out}");
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("a.db");
    let (_, dump, _) = run_empty(&format!("{setup}.dump a\n"));
    let (code, _, err) = run(&["--db", db.to_str().unwrap()], &dump);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        sqlite3(&db, "insert into a(v) values (9); select max(id) from a;"),
        "4\n"
    );
}

#[test]
fn dump_of_the_embedded_dataset_round_trips_through_sqlite3() {
    let dir = TempDir::new().unwrap();
    let dump = dir.path().join("d.sql");
    scoql()
        .args(["-c", &format!(".once {}", dump.display()), "-c", ".dump"])
        .assert()
        .success();
    let db = dir.path().join("d.db");
    let load = StdCommand::new("sqlite3")
        .arg(&db)
        .stdin(std::fs::File::open(&dump).unwrap())
        .output()
        .expect("sqlite3 must be installed");
    assert!(
        load.status.success(),
        "{}",
        String::from_utf8_lossy(&load.stderr)
    );
    let ours = scoql()
        .args([
            "--list",
            "--no-headers",
            "-c",
            "select count(*), sum(length(ref)) from facts",
        ])
        .output()
        .unwrap();
    assert_eq!(
        sqlite3(&db, "select count(*), sum(length(ref)) from facts"),
        String::from_utf8_lossy(&ours.stdout)
    );
}

#[test]
fn save_writes_a_database_sqlite3_reads() {
    let dir = TempDir::new().unwrap();
    let target = dir.path().join("saved.db");
    let (code, _, err) = run_empty(&format!(
        "create table t(a); insert into t values (42);\n.save {}\n",
        target.display()
    ));
    assert_eq!(code, 0, "{err}");
    assert_eq!(sqlite3(&target, "select a from t"), "42\n");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file may remain");
}

#[test]
fn save_to_a_directory_or_unwritable_path_fails_and_leaves_the_old_target() {
    let dir = TempDir::new().unwrap();
    let (code, _, err) = run_empty(&format!(".save {}\n", dir.path().display()));
    assert_eq!(code, 1);
    assert!(err.contains("is a directory"), "{err}");

    let target = dir.path().join("keep.db");
    std::fs::write(&target, b"old contents").unwrap();
    let (code, _, err) = run_empty(&format!(
        "create table t(a);\n.save {}/missing/dir/x.db\n",
        dir.path().display()
    ));
    assert_eq!(code, 1);
    assert!(err.contains("cannot save to"), "{err}");
    assert_eq!(std::fs::read(&target).unwrap(), b"old contents");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn backup_is_an_alias_of_save() {
    let dir = TempDir::new().unwrap();
    let target = dir.path().join("b.db");
    let (code, _, _) = run_empty(&format!(
        "create table t(a); insert into t values (7);\n.backup {}\n",
        target.display()
    ));
    assert_eq!(code, 0);
    assert_eq!(sqlite3(&target, "select a from t"), "7\n");
}

#[test]
fn open_switches_database_and_readonly_refuses_writes() {
    let dir = TempDir::new().unwrap();
    let f = dir.path().join("o.db");
    sqlite3(&f, "create table t(a); insert into t values ('from file');");
    let (code, out, err) = run_empty(&format!(
        ".open {p}\nselect a from t;\n.open --readonly {p}\ninsert into t values ('no');\n.open\nselect count(*) from sqlite_schema;\n",
        p = f.display()
    ));
    assert_eq!(code, 1);
    assert_eq!(out, "a\nfrom file\ncount(*)\n0\n");
    assert!(err.contains("readonly"), "{err}");
}

#[test]
fn import_creates_the_table_from_the_header_and_appends_to_an_existing_one() {
    let dir = TempDir::new().unwrap();
    let csv = dir.path().join("in.csv");
    std::fs::write(&csv, "name,city\n\"Lee, A\",Qingdao\nB,\"multi\nline\"\n").unwrap();
    let (code, out, err) = run_empty(&format!(
        ".import --csv {p} people\n.import --csv --skip 1 {p} people\nselect count(*) from people;\nselect name from people order by rowid limit 1;\n.schema people\n",
        p = csv.display()
    ));
    assert_eq!(code, 0, "{err}");
    // The table sqlite3 makes, in the words sqlite3 writes it.
    assert_eq!(
        out,
        "count(*)\n4\nname\nLee, A\nCREATE TABLE IF NOT EXISTS \"people\"(\n\"name\" TEXT, \"city\" TEXT);\n"
    );
}

#[test]
fn import_of_ragged_csv_keeps_every_row_warns_per_line_and_fails() {
    let dir = TempDir::new().unwrap();
    let csv = dir.path().join("bad.csv");
    std::fs::write(&csv, "a,b\n1,2\n3\n4,5,6\n\n7,8\n").unwrap();
    let (code, out, err) = run_empty(&format!(
        "create table t(a, b check (b <> '2'));\n.import --csv {} t\n.nullvalue NULL\nselect * from t;\n",
        csv.display()
    ));
    assert_eq!(code, 1, "{err}");
    let at = |line: usize| format!("{}:{line}: ", csv.display());
    for (line, what) in [
        (
            2,
            "INSERT failed: CHECK constraint failed: b <> '2' - row skipped",
        ),
        (
            3,
            "expected 2 columns but found 1 - filling the rest with NULL",
        ),
        (4, "expected 2 columns but found 3 - extras ignored"),
        (
            5,
            "expected 2 columns but found 1 - filling the rest with NULL",
        ),
    ] {
        assert!(
            err.contains(&format!("warning: {}{what}", at(line))),
            "{err}"
        );
    }
    assert!(
        err.contains("2 rows padded with NULL, 1 row cut to the table's columns, 1 row skipped"),
        "{err}"
    );
    assert!(err.contains("<stdin>:2:1"), "{err}");
    assert_eq!(out, "a|b\na|b\n3|NULL\n4|5\n|NULL\n7|8\n");
}

/// sqlite3's `.import` in csv mode (without `--csv`) reads rows ending in newline and sets
/// the row separator to it for good, so later csv output ends its rows with `\n`, not
/// `\r\n`; a script that turns one CSV into another gets the same bytes from both shells.
#[test]
fn import_in_csv_mode_leaves_newline_as_the_row_separator_as_in_sqlite3() {
    let csv: &[u8] = b"a,b\n1,2\n";
    same_as_sqlite3_with(
        &[("in.csv", csv)],
        ".mode csv\n.import in.csv t\nselect * from t;\n.mode tabs\nselect 1, 2;\n\
         .mode csv\nselect 3, 4;\n",
    );
    same_as_sqlite3_with(
        &[("in.csv", csv)],
        ".mode csv\n.import --csv in.csv t\nselect * from t;\n.import in.csv u\nselect 5, 6;\n",
    );
}

#[test]
fn import_splits_on_the_separators_set_by_dot_separator_rows_included() {
    let file: &[u8] = b"a,b;1,2;3\n4,5;";
    let script = ".separator , ;\n.import rs.csv t\n.mode quote\nselect * from t;\n";
    same_as_sqlite3_with(&[("rs.csv", file)], script);
    // In scoql's own table mode too, where sqlite3's default list mode would be.
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("rs.csv"), file).unwrap();
    scoql()
        .current_dir(dir.path())
        .args(["--no-seed", "--no-headers"])
        .write_stdin(script)
        .assert()
        .success()
        .stdout("'1','2'\n'3\n4','5'\n");
}

#[test]
fn import_stores_the_bytes_of_the_file_as_they_are() {
    // Windows-1252 and Latin-1 bytes, as sqlite3 stores them.
    let latin: &[u8] = b"n,v\nO\x92Brien,1\nS\xe3o Paulo,2\n";
    same_as_sqlite3_with(
        &[("w.csv", latin)],
        ".import --csv w.csv t\nselect hex(n), v from t;\n",
    );
    // A NUL byte, which sqlite3 cuts the field at, is kept.
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("z.csv"), b"n\nnul\x00x\n").unwrap();
    scoql()
        .current_dir(dir.path())
        .args(["--no-seed", "--list", "--no-headers"])
        .write_stdin(".import --csv z.csv t\nselect hex(n), typeof(n) from t;\n")
        .assert()
        .success()
        .stdout("6E756C0078|text\n")
        .stderr("");
}

#[test]
fn import_with_bail_on_stops_at_the_first_skipped_row_and_keeps_the_rows_before() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("c.csv"), "1\n2\n3\n").unwrap();
    scoql()
        .current_dir(dir.path())
        .args(["--no-seed", "--list", "--no-headers"])
        .write_stdin(
            "create table t(a check (a <> '2'));\n.bail on\n.import c.csv t\nselect 'not run';\n",
        )
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("c.csv:2: INSERT failed"));
    scoql()
        .current_dir(dir.path())
        .args(["--no-seed", "--list", "--no-headers"])
        .write_stdin(
            "create table t(a check (a <> '2'));\n.import c.csv t\n.bail on\nselect count(*) from t;\n",
        )
        .assert()
        .code(1)
        .stdout("2\n");
}

#[test]
fn import_of_a_missing_file_names_it() {
    let (code, _, err) = run_empty(".import /no/such.csv t\n");
    assert_eq!(code, 1);
    assert!(err.contains("cannot open /no/such.csv"), "{err}");
}

#[test]
fn read_nests_relative_to_the_including_file_and_stops_recursion() {
    let dir = TempDir::new().unwrap();
    let me = dir.path().join("self.sql");
    std::fs::write(&me, "select 'x';\n.read self.sql\n").unwrap();
    let out = scoql()
        .args(["--no-seed", "--list", "--no-headers"])
        .arg(&me)
        .current_dir("/")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(".read nested more than 16 deep"), "{err}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "x\n".repeat(16));
}

#[test]
fn maxrows_limits_tables() {
    let out = scoql()
        .args([
            "--no-seed",
            "-c",
            ".maxrows 2",
            "-c",
            "select 1 union all select 2 union all select 3",
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).ends_with("3 rows (2 shown)\n"));
}

#[test]
fn parameters_bind_by_name_and_number_with_literal_types() {
    let (code, out, err) = run_empty(
        ".param set year 2021\n.param set :who 'KZ'\n.param set @x 1.5\n.param set ?1 7\n.param set bare KZ\n\
         select :year, typeof(:year), $year, @who, typeof(@x), :bare;\nselect ?1;\n.param list\n.param unset year\n.param list\n.param clear\n.param list\n",
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        ":year|typeof(:year)|$year|@who|typeof(@x)|:bare\n2021|integer|2021|KZ|real|KZ\n?1\n7\n\
         :bare 'KZ'\n:who 'KZ'\n:x 1.5\n:year 2021\n?1 7\n:bare 'KZ'\n:who 'KZ'\n:x 1.5\n?1 7\n"
    );
}

#[test]
fn an_unbound_parameter_is_an_error_naming_it() {
    let (code, out, err) = run_empty("select :missing;\nselect 1;\n");
    assert_eq!(code, 1);
    assert!(err.contains("no value for parameter :missing"), "{err}");
    assert!(err.contains("<stdin>:1:1"), "{err}");
    assert_eq!(out, "1\n1\n");
}

#[test]
fn a_numbered_parameter_needs_no_value_for_the_numbers_it_skips() {
    // SQLite counts `?1` in `select ?2` but the statement never reads it; scoql once asked
    // for a value of "?1", a parameter the statement does not have. A `?` that is read
    // still needs its value.
    let (code, out, err) = run_empty(
        ".param set ?2 7\n.param set :a 'A'\nselect ?2;\nselect :a, ?3;\nselect ?, ?3;\n",
    );
    assert_eq!(code, 1);
    assert!(out.starts_with("?2\n7\n"), "{out}");
    assert_eq!(err.matches("no value for parameter").count(), 2, "{err}");
    assert!(err.contains("no value for parameter ?3"), "{err}");
    assert!(err.contains("no value for parameter ?1"), "{err}");
    assert!(err.contains("<stdin>:5:1"), "{err}");
}

#[test]
fn command_line_params_bind_too() {
    scoql()
        .args([
            "--no-seed",
            "--list",
            "--no-headers",
            "--param",
            "n=41",
            "--param",
            "s='x'",
        ])
        .args(["-c", "select :n + 1, :s"])
        .assert()
        .success()
        .stdout("42|x\n");
}

/// Each value, given by `--param` and by `.param set`, with the type and text it must bind
/// as: one SQL literal binds as that literal; anything else (dates, times, codes with
/// dashes) as text, verbatim — never evaluated as arithmetic (`2021-03-01` is not 2017).
const PARAM_CASES: [(&str, &str, &str); 12] = [
    ("2021-03-01", "text", "2021-03-01"),
    ("2021-03", "text", "2021-03"),
    ("12:30:00", "text", "12:30:00"),
    ("2021-03-01T08:00", "text", "2021-03-01T08:00"),
    ("KZ-ALA-01", "text", "KZ-ALA-01"),
    ("CN-37", "text", "CN-37"),
    ("'2021'", "text", "2021"),
    ("2021", "integer", "2021"),
    ("-7", "integer", "-7"),
    ("2.5", "real", "2.5"),
    ("X'00ff'", "blob", "00FF"),
    ("NULL", "null", ""),
];

#[test]
fn a_parameter_value_that_is_one_literal_binds_as_it_and_anything_else_as_text() {
    let query = "select typeof(:v), case typeof(:v) when 'blob' then hex(:v) else :v end;";
    for (value, kind, shown) in PARAM_CASES {
        let expected = format!("{kind}|{shown}\n");
        scoql()
            .args(["--no-seed", "--list", "--no-headers", "--param"])
            .arg(format!("v={value}"))
            .args(["-c", query])
            .assert()
            .success()
            .stdout(expected.clone());
        // In .param set, a value with no space needs no quotes; one in quotes is unquoted by
        // the dot-command tokenizer first, as in sqlite3 ('2021' there is "'2021'").
        let typed = if value.starts_with('\'') {
            format!("\"{value}\"")
        } else {
            value.to_string()
        };
        let (code, out, err) = run_empty(&format!(".param set v {typed}\n{query}\n"));
        assert_eq!((code, err.as_str()), (0, ""), "{value}");
        assert_eq!(
            out,
            format!("typeof(:v)|case typeof(:v) when 'blob' then hex(:v) else :v end\n{expected}"),
            "{value}"
        );
    }
    let (_, help, _) = run_empty(".help param\n");
    assert!(
        help.contains("binds as that literal; anything else (2021-03-01"),
        "{help}"
    );
    assert!(help.contains("\"'2021'\" is text"), "{help}");
}

#[test]
fn declared_parameters_are_checked_by_type_and_missing_ones_listed() {
    let dir = TempDir::new().unwrap();
    let q = dir.path().join("q.sql");
    std::fs::write(
        &q,
        "-- Figures of one year\n-- @param year INTEGER The year to report\n-- @param unit TEXT A unit\nselect :year, :unit;\n",
    )
    .unwrap();
    let p = q.display().to_string();
    scoql()
        .args([
            "--no-seed",
            "--list",
            "--no-headers",
            "--param",
            "year=2021",
            "--param",
            "unit=trains",
            &p,
        ])
        .assert()
        .success()
        .stdout("2021|trains\n");
    scoql()
        .args(["--no-seed", "--param", "year=soon", "--param", "unit=x", &p])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("parameter :year must be INTEGER"));
    scoql().args(["--no-seed", &p]).assert().code(1).stderr(
        predicate::str::contains("no value for parameter :year")
            .and(predicate::str::contains(
                ":year INTEGER — The year to report",
            ))
            .and(predicate::str::contains(":unit TEXT — A unit")),
    );
}

#[test]
fn safe_mode_refuses_files_and_other_databases() {
    for line in [
        ".output /tmp/x",
        ".once /tmp/x",
        ".save /tmp/x.db",
        ".backup /tmp/x.db",
        ".open /tmp/x.db",
        ".import /tmp/x.csv t",
        ".read /tmp/x.sql",
        "attach '/tmp/x.db' as x;",
        "detach main;",
        "vacuum into '/tmp/x.db';",
    ] {
        let (code, _, err) = run(&["--no-seed", "--safe"], &format!("{line}\n"));
        assert_eq!(code, 1, "{line}");
        assert!(err.contains("not allowed with --safe"), "{line}: {err}");
    }
}

#[test]
fn readonly_refuses_writes_to_the_dataset() {
    // No setting gives writes back: the main database itself is read-only.
    let (code, out, err) = run(
        &["--readonly", "--list", "--no-headers"],
        "delete from sources;\npragma query_only = 0;\ndelete from sources;\nselect count(*) > 0 from sources;\n",
    );
    assert_eq!(code, 1);
    assert_eq!(
        err.matches("attempt to write a readonly database").count(),
        2,
        "{err}"
    );
    assert_eq!(out, "1\n");
}

#[test]
fn reset_restores_the_pristine_dataset() {
    let (code, out, err) = run(
        &["--list", "--no-headers"],
        "pragma foreign_keys = off;\ndelete from sources;\nselect count(*) from sources;\n.reset\nselect count(*) > 0 from sources;\npragma foreign_keys;\n",
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "0\n1\n1\n");
}

#[test]
fn describe_shows_columns_keys_and_documentation() {
    let (code, out, err) = run(&["--list"], ".describe sources\n");
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("column|type|null|default|key|references|description\n"),
        "{out}"
    );
    assert!(out.contains("id|TEXT|not null||primary key||"), "{out}");
    let (_, out, _) = run(&["--list"], ".describe route_runs\n");
    assert!(out.contains("|routes(id)|"), "{out}");
}

#[test]
fn about_summarises_the_dataset() {
    let (code, out, err) = run(&["--list"], ".about\n");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("sources"), "{out}");
    assert!(out.contains("Period: "), "{out}");
    assert!(out.contains("facts|view|"), "{out}");
}

#[test]
fn sources_lists_all_or_one_with_its_figures() {
    let (_, all, _) = run(&["--list", "--no-headers"], ".sources\n");
    assert!(all.lines().count() >= 90, "{all}");
    let (_, one, _) = run(&["--list"], ".sources S01\n");
    assert!(
        one.contains("Qingdao SCO demonstration zone on the rise"),
        "{one}"
    );
    assert!(one.contains("F005|"), "{one}");
    let (_, found, _) = run(&["--list", "--no-headers"], ".sources 'china daily'\n");
    assert!(found.contains("S01|"), "{found}");
}

#[test]
fn examples_list_saved_queries_and_run_runs_them_with_parameters() {
    let (code, out, err) = run(&["--list", "--no-headers"], ".examples\n");
    assert_eq!(code, 0, "{err}");
    assert!(out.lines().count() >= 12, "{out}");
    let (code, out, err) = run(
        &["--list", "--no-headers"],
        ".run facts_in_year year=2021\n",
    );
    assert_eq!(code, 0, "{err}");
    assert!(!out.is_empty());
    let (code, _, err) = run(&["--list"], ".run facts_in_year\n");
    assert_eq!(code, 1);
    assert!(err.contains(":year INTEGER"), "{err}");
}

#[test]
fn exit_flushes_output_files_before_leaving() {
    let dir = TempDir::new().unwrap();
    let f = dir.path().join("o.txt");
    let (code, _, _) = run_empty(&format!(".output {}\nselect 5;\n.exit 0\n", f.display()));
    assert_eq!(code, 0);
    assert_eq!(std::fs::read_to_string(&f).unwrap(), "5\n5\n");
}

#[test]
fn an_option_of_sqlite3_file_commands_is_refused_and_creates_no_file() {
    // sqlite3's `.once -x` (spreadsheet), `.output -e` (editor), `.once --bom` and
    // `.save --append` are options; scoql once created files named `-x`, `-e`, `--bom`,
    // `--append` and wrote the results into them.
    let dir = TempDir::new().unwrap();
    for command in [
        ".once -x",
        ".once --bom",
        ".output -e",
        ".save --append",
        ".backup --async",
        ".export -x",
    ] {
        let out = scoql()
            .current_dir(dir.path())
            .args(["--no-seed", "--list", "-c", "select 1;", "-c", command])
            .args(["-c", "select 2;"])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{command}");
        assert!(err.contains("unknown option -"), "{command}: {err}");
        assert!(
            String::from_utf8_lossy(&out.stdout).ends_with("2\n2\n"),
            "{command}"
        );
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    // A file whose name starts with '-' is still written by its path.
    scoql()
        .current_dir(dir.path())
        .args(["--no-seed", "--list", "-c", ".once ./-x", "-c", "select 3;"])
        .assert()
        .success()
        .stdout("");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("-x")).unwrap(),
        "3\n3\n"
    );
}
