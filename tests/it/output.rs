//! Output contract through the real binary: the table modes drawn exactly (snapshots
//! reviewed by eye), the row limit, JSON that parses back, output redirection, the timer and
//! colour rules. Byte-compatibility of the sqlite3 modes is in `compat.rs`.

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

fn scoql() -> Command {
    let mut c = crate::common::scoql();
    c.arg("--no-seed");
    c
}

fn stdout_of(args: &[&str]) -> String {
    let out = scoql().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const MIXED: &str = "SELECT 1 AS id, '中文' AS name, 2.5 AS score, NULL AS note \
    UNION ALL SELECT 22, '日本語 text', NULL, 'two\nlines' \
    UNION ALL SELECT 333, 'abc', -1e-7, x'0102'";

#[test]
fn table_mode_aligns_numbers_right_and_measures_wide_characters() {
    assert_eq!(
        stdout_of(&["-c", MIXED]),
        "\
┌─────┬─────────────┬──────────┬─────────┐
│  id │ name        │    score │ note    │
├─────┼─────────────┼──────────┼─────────┤
│   1 │ 中文        │      2.5 │ NULL    │
│  22 │ 日本語 text │     NULL │ two     │
│     │             │          │ lines   │
│ 333 │ abc         │ -1.0e-07 │ X'0102' │
└─────┴─────────────┴──────────┴─────────┘
3 rows
"
    );
}

#[test]
fn box_mode_rules_every_row() {
    assert_eq!(
        stdout_of(&["--box", "-c", MIXED]),
        "\
┌─────┬─────────────┬──────────┬─────────┐
│  id │ name        │    score │ note    │
╞═════╪═════════════╪══════════╪═════════╡
│   1 │ 中文        │      2.5 │ NULL    │
├─────┼─────────────┼──────────┼─────────┤
│  22 │ 日本語 text │     NULL │ two     │
│     │             │          │ lines   │
├─────┼─────────────┼──────────┼─────────┤
│ 333 │ abc         │ -1.0e-07 │ X'0102' │
└─────┴─────────────┴──────────┴─────────┘
3 rows
"
    );
}

#[test]
fn markdown_mode_keeps_each_row_on_one_line_and_has_no_footer() {
    assert_eq!(
        stdout_of(&["--markdown", "-c", MIXED]),
        "\
|  id | name        |    score | note         |
|----:|-------------|---------:|--------------|
|   1 | 中文        |      2.5 |              |
|  22 | 日本語 text |          | two<br>lines |
| 333 | abc         | -1.0e-07 | X'0102'      |
"
    );
}

/// The cells of every row of the one GitHub table `markdown` holds, and its column
/// alignments; fails if anything but that table is in it (a footer line would be a
/// paragraph after it).
fn github_table(markdown: &str) -> (Vec<pulldown_cmark::Alignment>, Vec<Vec<String>>) {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut events = Parser::new_ext(markdown, Options::ENABLE_TABLES);
    let Some(Event::Start(Tag::Table(alignments))) = events.next() else {
        panic!("no table first in:\n{markdown}");
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    for event in events.by_ref() {
        match event {
            Event::Start(Tag::TableHead | Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => rows.last_mut().unwrap().push(String::new()),
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) => {
                rows.last_mut().unwrap().last_mut().unwrap().push_str(&t)
            }
            Event::End(TagEnd::Table) => break,
            _ => {}
        }
    }
    let after: Vec<Event> = events.collect();
    assert!(
        after.is_empty(),
        "more than the table: {after:?}\n{markdown}"
    );
    (alignments, rows)
}

#[test]
fn markdown_output_parses_as_a_github_table_with_numbers_right_aligned() {
    use pulldown_cmark::Alignment::{None as Left, Right};
    let out = stdout_of(&[
        "--markdown",
        "-c",
        "SELECT 1 AS n, 'a|b' AS t, NULL AS note, 128800000000 AS big \
         UNION ALL SELECT 2, 'two\nlines', 'x', NULL",
    ]);
    let (alignments, rows) = github_table(&out);
    assert_eq!(alignments, vec![Right, Left, Left, Right]);
    assert_eq!(
        rows,
        vec![
            vec!["n", "t", "note", "big"],
            vec!["1", "a|b", "", "128,800,000,000"],
            vec!["2", "two<br>lines", "x", ""],
        ]
    );
    let dashed = stdout_of(&["--markdown", "--nullvalue", "-", "-c", "SELECT NULL AS n"]);
    assert_eq!(github_table(&dashed).1, vec![vec!["n"], vec!["-"]]);
}

#[test]
fn markdown_of_the_dataset_parses_as_one_github_table() {
    let out = crate::common::scoql()
        .args(["--markdown", "-c", "SELECT * FROM facts LIMIT 10"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let (alignments, rows) = github_table(&text);
    assert_eq!(rows.len(), 11, "{text}");
    assert!(rows.iter().all(|r| r.len() == alignments.len()), "{text}");
    assert_eq!(rows[0][0], "ref");
}

#[test]
fn maxrows_draws_head_ellipsis_tail_and_a_footer_with_the_total() {
    let out = stdout_of(&[
        "--maxrows",
        "4",
        "-c",
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM c WHERE n < 1000) \
         SELECT n, 'r' || n AS label FROM c",
    ]);
    assert_eq!(
        out,
        "\
┌──────┬───────┐
│    n │ label │
├──────┼───────┤
│    1 │ r1    │
│    2 │ r2    │
│    … │ …     │
│  999 │ r999  │
│ 1000 │ r1000 │
└──────┴───────┘
1,000 rows (4 shown)
"
    );
}

#[test]
fn piped_tables_show_every_row_unless_maxrows_is_given() {
    let sql = "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM c WHERE n < 100) SELECT n FROM c";
    let out = stdout_of(&["-c", sql]);
    assert!(out.ends_with("100 rows\n"));
    assert_eq!(out.lines().count(), 100 + 5);
    let out = stdout_of(&["-c", &format!(".maxrows 10\n{sql}")]);
    assert!(out.ends_with("100 rows (10 shown)\n"), "{out}");
}

#[test]
fn zero_row_results_show_the_header_and_0_rows_in_table_mode() {
    assert_eq!(
        stdout_of(&["-c", "SELECT 1 AS a WHERE 0"]),
        "┌───┐\n│ a │\n├───┤\n└───┘\n0 rows\n"
    );
}

#[test]
fn long_blobs_are_cut_in_tables() {
    let out = stdout_of(&["-c", "SELECT zeroblob(100) AS b"]);
    assert!(
        out.contains(&format!("X'{}…' (100 bytes)", "00".repeat(32))),
        "{out}"
    );
}

#[test]
fn nullvalue_and_headers_apply_to_tables() {
    assert_eq!(
        stdout_of(&["--nullvalue", "-", "--no-headers", "-c", "SELECT NULL, 1"]),
        "┌───┬───┐\n│ - │ 1 │\n└───┴───┘\n1 row\n"
    );
}

#[test]
fn json_output_parses_back_exactly() {
    let out = stdout_of(&[
        "--json",
        "-c",
        "SELECT 9223372036854775807 AS big, -9223372036854775808 AS small, 0.1 AS r, \
         'tab\there \"q\" \u{1} é 中' AS t, x'00ff' AS b, NULL AS n; SELECT 2 AS second",
    ]);
    let mut results = serde_json::Deserializer::from_str(&out).into_iter::<serde_json::Value>();
    let first = results.next().unwrap().unwrap();
    let row = &first[0];
    assert_eq!(row["big"].as_i64(), Some(i64::MAX));
    assert_eq!(row["small"].as_i64(), Some(i64::MIN));
    assert_eq!(row["r"].as_f64(), Some(0.1));
    assert_eq!(row["t"].as_str(), Some("tab\there \"q\" \u{1} é 中"));
    assert_eq!(row["b"].as_str(), Some("00ff"));
    assert!(row["n"].is_null());
    let second = results.next().unwrap().unwrap();
    assert_eq!(second[0]["second"].as_i64(), Some(2));
    assert!(results.next().is_none());
}

#[test]
fn jsonl_output_is_one_object_per_line() {
    let out = stdout_of(&[
        "--jsonl",
        "-c",
        "SELECT 1 AS a, 'x' AS b UNION ALL SELECT 2, 'multi\nline'",
    ]);
    let rows: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1]["b"].as_str(), Some("multi\nline"));
}

#[test]
fn output_and_once_redirect_results_but_never_errors() {
    let dir = TempDir::new().unwrap();
    let all = dir.path().join("all.txt");
    let once = dir.path().join("once.txt");
    let script = format!(
        ".mode list\n.output {}\nselect 1;\nselect nope;\nselect 2;\n.output\n.once {}\nselect 3;\nselect 4;\n",
        all.display(),
        once.display()
    );
    scoql()
        .write_stdin(script)
        .assert()
        .code(1)
        .stdout("4\n4\n")
        .stderr(predicate::str::contains("no such column: nope"));
    assert_eq!(std::fs::read_to_string(&all).unwrap(), "1\n1\n2\n2\n");
    assert_eq!(std::fs::read_to_string(&once).unwrap(), "3\n3\n");
}

#[test]
fn output_into_a_missing_directory_is_a_clear_error() {
    scoql()
        .write_stdin(".output /no/such/dir/x.txt\nselect 1;\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot write /no/such/dir/x.txt"))
        .stdout(predicate::str::contains("1 row"));
}

#[test]
fn timer_prints_run_time_after_each_input_chunk_like_sqlite3() {
    // sqlite3 times what one input line holds (`select 1; select 2;` is one chunk), failed
    // or not, on stdout.
    let out = stdout_of(&["--list", "-c", ".timer on\nselect 1; select 2;\nselect 3;"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 8, "{out}");
    for l in [lines[4], lines[7]] {
        assert!(l.starts_with("Run Time: real "), "{l}");
        assert!(l.contains(" user ") && l.contains(" sys "), "{l}");
    }
}

#[test]
fn colour_is_used_only_when_asked_or_on_a_terminal() {
    let plain = stdout_of(&["-c", "SELECT NULL AS n"]);
    assert!(!plain.contains('\x1b'));
    let coloured = stdout_of(&["--color", "always", "-c", "SELECT NULL AS n"]);
    assert!(coloured.contains('\x1b'), "{coloured}");
    let never = scoql()
        .env("NO_COLOR", "1")
        .args(["--color", "auto", "-c", "SELECT NULL AS n"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&never.stdout).contains('\x1b'));
}

#[test]
fn every_mode_is_selectable_by_flag_and_by_dot_mode() {
    for mode in [
        "table", "box", "markdown", "list", "csv", "tabs", "line", "quote", "insert", "json",
        "jsonl",
    ] {
        let by_flag = stdout_of(&["--mode", mode, "-c", "SELECT 1 AS a"]);
        let by_dot = stdout_of(&["-c", &format!(".mode {mode}"), "-c", "SELECT 1 AS a"]);
        assert!(!by_flag.is_empty(), "{mode}");
        if mode != "csv" {
            // sqlite3's -csv keeps "\n" rows where .mode csv writes "\r\n".
            assert_eq!(by_flag, by_dot, "{mode}");
        }
    }
}
