//! Tables a reader can trust at any terminal width (issue 13): the acceptance on a real
//! terminal at 40, 80, 100 and 200 columns, the documentation commands that wrap instead
//! of cutting, and the vertical and repeated views of a result (`\G`, `.last`) in the REPL
//! and in scripts. A pipe gets every table whole.

use unicode_width::UnicodeWidthStr;

use crate::repl::{Home, Term};

/// A running scoql with the embedded dataset in a pane `width` columns wide, at its prompt,
/// with the pager off so that every result stays on the screen to be read.
fn dataset_term(tag: &str, home: &Home, width: u16) -> Term {
    let term = Term::start_sized(tag, home, &[("NO_COLOR", "1")], &[], (width, 60));
    term.wait_for_prompt(1);
    term.submit(".pager off");
    term
}

/// stdout of `scoql ARGS` (with the embedded dataset) through a pipe.
fn piped(args: &[&str]) -> String {
    let out = crate::common::scoql().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The column names of what `input` (SQL or a dot-command) prints, read through a pipe.
fn column_names(input: &str) -> Vec<String> {
    let out = piped(&["--list", "-c", input]);
    let header = out.lines().next().unwrap_or_default();
    header.split('|').map(str::to_string).collect()
}

/// A single-row select of 30 numeric columns, as wide as a result gets.
fn thirty_columns() -> String {
    let columns: Vec<String> = (1..=30)
        .map(|i| format!("{} AS column_{i}", 123_456_789_i64 * i))
        .collect();
    format!("SELECT {};", columns.join(", "))
}

/// Whether `text` shows a digit run right before `…` (`41900…`, `4,19…`): a cut number.
fn has_cut_number(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    (1..chars.len()).any(|i| {
        chars[i] == '…'
            && chars[..i]
                .iter()
                .rev()
                .find(|c| !".,:/-_'%+".contains(**c))
                .is_some_and(|c| c.is_numeric())
    })
}

/// The last table on `screen`: its lines from the top border to the footer (one line, or
/// two on a narrow terminal: rows, then columns). What follows (a legend of sources, the
/// prompt) is not the table's.
fn last_table(screen: &str) -> Vec<&str> {
    let lines: Vec<&str> = screen.lines().collect();
    let top = lines
        .iter()
        .rposition(|l| l.starts_with('┌'))
        .unwrap_or_else(|| panic!("no table on the screen:\n{screen}"));
    let bottom = top
        + lines[top..]
            .iter()
            .position(|l| l.starts_with('└'))
            .unwrap_or_else(|| panic!("the table has no bottom:\n{screen}"));
    let end = bottom
        + 1
        + lines[bottom + 1..]
            .iter()
            .take_while(|l| l.starts_with(|c: char| c.is_ascii_digit()))
            .count();
    lines[top..end].to_vec()
}

/// Checks one fitted table against the promises of issue 13 and returns the names of the
/// columns it draws: no line wider than the pane, no cut number, every header whole (a
/// name wrapped between its words reads as the name), the footer's column count right.
fn check_table(table: &[&str], width: usize, names: &[String], what: &str) -> Vec<String> {
    let shown = table.join("\n");
    for line in table {
        assert!(
            line.width() <= width,
            "{what} at {width}: a line of {} columns:\n{shown}",
            line.width()
        );
    }
    assert!(
        !has_cut_number(&shown),
        "{what} at {width}: a cut number:\n{shown}"
    );
    let rule = table
        .iter()
        .position(|l| l.starts_with('├'))
        .unwrap_or_else(|| panic!("{what}: no header rule:\n{shown}"));
    let cells = |line: &str| -> Vec<String> {
        let parts: Vec<&str> = line.split('│').collect();
        parts[1..parts.len() - 1]
            .iter()
            .map(|p| p.trim().to_string())
            .collect()
    };
    let mut headers: Vec<String> = cells(table[1]);
    for line in &table[2..rule] {
        for (header, more) in headers.iter_mut().zip(cells(line)) {
            if !more.is_empty() {
                header.push(' ');
                header.push_str(&more);
            }
        }
    }
    let drawn: Vec<String> = headers.into_iter().filter(|h| h != "…").collect();
    let mut rest = names.iter();
    for header in &drawn {
        assert!(
            rest.any(|n| n == header),
            "{what} at {width}: header {header:?} is not a column name in order:\n{shown}"
        );
    }
    let bottom = table.iter().position(|l| l.starts_with('└')).unwrap_or(0);
    let footer = table[bottom + 1..].join(" · ");
    let says = footer.split(" · ").nth(1).map(|part| {
        part.trim_end_matches(" shown)")
            .rsplit('(')
            .next()
            .unwrap_or("")
    });
    match says {
        Some(count) => {
            assert_eq!(
                count.parse::<usize>().ok(),
                Some(drawn.len()),
                "{what}:\n{shown}"
            );
            assert!(
                footer.contains(&format!("· {} column", names.len())),
                "{what}:\n{shown}"
            );
        }
        None => assert_eq!(drawn.len(), names.len(), "{what} at {width}:\n{shown}"),
    }
    drawn
}

#[test]
fn wide_results_fit_40_80_100_and_200_columns_without_lying() {
    let thirty = thirty_columns();
    let inputs = [
        "SELECT * FROM facts LIMIT 10;",
        ".run facts_in_year year=2021",
        "SELECT * FROM routes_overview;",
        thirty.as_str(),
    ];
    let names: Vec<Vec<String>> = inputs.iter().map(|i| column_names(i)).collect();
    for width in [40u16, 80, 100, 200] {
        let home = Home::new();
        let term = dataset_term(&format!("fit{width}"), &home, width);
        for (input, names) in inputs.iter().zip(&names) {
            let screen = term.submit(input);
            let table = last_table(&screen);
            let drawn = check_table(&table, usize::from(width), names, input);
            // Both ends are kept whenever they fit (DuckDB's rule).
            assert_eq!(drawn.first(), names.first(), "{input} at {width}");
            if width >= 80 {
                assert_eq!(drawn.last(), names.last(), "{input} at {width}");
            }
        }
    }
}

#[test]
fn piped_tables_are_never_fitted_or_cut() {
    let long = "word ".repeat(60);
    let out = piped(&[
        "-c",
        &format!(
            "SELECT '{long}' AS t, 4190000000 AS n, {} AS w",
            "1".repeat(18)
        ),
    ]);
    assert!(out.contains(long.trim_end()), "{out}");
    assert!(out.contains("4,190,000,000"), "{out}");
    assert!(!out.contains('…'), "{out}");
    assert!(out.ends_with("1 row\n"), "{out}");
}

#[test]
fn reals_read_with_15_digits_in_tables_and_as_sqlite_writes_them_in_csv() {
    let table = piped(&["-c", "select 0.1+0.2 as x"]);
    assert!(table.contains("│ 0.3 │"), "{table}");
    // csv prints SQLite's own conversion of the real, which is what a cast to text gives.
    let csv = piped(&["--csv", "-c", "select 0.1+0.2 as x"]);
    let cast = piped(&["--csv", "-c", "select cast(0.1+0.2 as text) as x"]);
    assert_eq!(csv, cast);
    assert_ne!(csv, "x\n0.3\n");
}

#[test]
fn numbers_style_is_chosen_by_option_and_by_command() {
    let sql = "select 4190000000 as value, 2021 as year";
    assert!(piped(&["-c", sql]).contains("│ 4,190,000,000 │ 2021 │"));
    assert!(piped(&["--numbers", "plain", "-c", sql]).contains("│ 4190000000 │ 2021 │"));
    assert!(piped(&["--numbers", "short", "-c", sql]).contains("│ 4.19 billion │ 2021 │"));
    let by_command = piped(&["-c", ".numbers short", "-c", sql]);
    assert!(by_command.contains("│ 4.19 billion │"), "{by_command}");
    // The machine modes keep SQLite's digits whatever the style.
    assert_eq!(
        piped(&["--numbers", "short", "--csv", "-c", sql]),
        "value,year\n4190000000,2021\n"
    );
}

#[test]
fn a_statement_ending_in_backslash_g_is_drawn_one_field_a_line_in_a_script() {
    let out = crate::common::scoql()
        .args(["--no-seed"])
        .write_stdin("select 1 as a, 'x' as bb\\G\nselect 2 as c;\n")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    // sqlite3's line mode: names right-aligned in at least five columns.
    assert!(text.starts_with("    a = 1\n   bb = x\n"), "{text}");
    assert!(text.contains("│ c │"), "{text}");
}

#[test]
fn last_draws_the_previous_result_again_in_another_mode_in_a_script() {
    let out = crate::common::scoql()
        .args(["--no-seed"])
        .write_stdin("select 1 as a, 'x' as b;\n.last csv\n.last line\n")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("1 row\na,b\r\n1,x\r\n    a = 1\n    b = x\n"),
        "{text:?}"
    );
}

#[test]
fn last_says_when_a_result_was_too_large_to_keep() {
    let out = crate::common::scoql()
        .args(["--no-seed", "--list"])
        .write_stdin(
            "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM c WHERE n < 20000) \
             SELECT n FROM c;\n.last csv\n",
        )
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("too many to keep"), "{err}");
    assert!(err.contains("20,000 rows"), "{err}");
}

#[test]
fn backslash_g_and_last_csv_work_at_the_prompt() {
    let home = Home::new();
    let term = crate::repl::start("vertical", &home, &[("NO_COLOR", "1")], &[]);
    let screen = term.submit("select 1 as a, 'x' as bb\\G");
    assert!(screen.contains("\n    a = 1\n   bb = x\n"), "{screen}");
    let screen = term.submit(".last csv");
    assert!(screen.contains("\na,bb\n1,x\n"), "{screen}");
}

#[test]
fn sources_s01_at_80_columns_shows_its_whole_address() {
    let url = piped(&[
        "--list",
        "--no-headers",
        "-c",
        "select url from sources where id = 'S01'",
    ]);
    let url = url.trim_end();
    assert!(url.starts_with("http"), "{url}");
    let home = Home::new();
    let term = dataset_term("sources", &home, 80);
    let screen = term.submit(".sources S01");
    assert!(
        screen.lines().any(|l| l.contains(url) && l.width() <= 80),
        "{url} not whole on one line:\n{screen}"
    );
    assert!(!screen.contains("https://…"), "{screen}");
}

#[test]
fn documentation_wraps_to_the_terminal_instead_of_being_cut() {
    let home = Home::new();
    // At 40 columns too, but for .examples, which names a directory longer than that.
    let narrow = dataset_term("docs40", &home, 40);
    let term = dataset_term("docs", &home, 80);
    let runs = [
        (
            &narrow,
            40,
            &[".describe facts", ".about", ".help", ".help mode"][..],
        ),
        (
            &term,
            80,
            &[".describe facts", ".examples", ".about", ".help"][..],
        ),
    ];
    // A listing's names are shown whole: `.about` once drew `investment_by_year_count` with
    // `ry` on the next line, a name that does not exist.
    let tables = piped(&["--list", "--no-headers", "-c", ".tables"]);
    let names: Vec<&str> = tables.split_whitespace().collect();
    for (term, width, commands) in runs {
        for command in commands {
            let before = term.screen().lines().count();
            let screen = term.submit(command);
            let printed: Vec<&str> = screen.lines().skip(before).collect();
            if *command == ".about" {
                for line in printed.iter().filter(|l| l.starts_with("│ ")) {
                    let first = line.split('│').nth(1).unwrap_or_default().trim();
                    assert!(
                        first.is_empty() || first == "name" || names.contains(&first),
                        ".about at {width}: {line}"
                    );
                }
            }
            for line in &printed {
                assert!(
                    line.width() <= width,
                    "{command} at {width}: {line}\n{}",
                    printed.join("\n")
                );
                // A `…` may mark columns left out (a cell of its own), never cut text.
                let cut = line.replace("│ … │", "").contains('…');
                assert!(!cut, "{command} cut: {line}");
            }
        }
    }
    // Every word of every saved query's description is on the screen.
    let listed = piped(&["--list", "--no-headers", "-c", ".examples"]);
    let screen = term.screen();
    let words: Vec<&str> = screen.split(['│', ' ', '\n']).collect();
    for description in listed.lines().filter_map(|l| l.rsplit('|').next()) {
        for word in description.split_whitespace() {
            assert!(words.contains(&word), "{word} of {description:?} missing");
        }
    }
}

#[test]
fn the_banner_fits_80_columns() {
    let home = Home::new();
    let term = dataset_term("banner80", &home, 80);
    let screen = term.screen();
    let banner = screen
        .lines()
        .find(|l| l.starts_with("scoql "))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(banner.width() <= 80, "{banner}");
}

#[test]
fn the_readme_shows_the_table_scoql_fits_to_80_columns() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let home = Home::new();
    let term = dataset_term("readme", &home, 80);
    let screen = term.submit("SELECT * FROM facts LIMIT 10;");
    let table = last_table(&screen).join("\n");
    assert!(
        readme.contains(&format!(
            "scoql> SELECT * FROM facts LIMIT 10;\n{table}\n```"
        )),
        "README.md should show the table as drawn at 80 columns:\n{table}"
    );
}
