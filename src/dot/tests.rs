//! The registry, the tokenizer and the parser, and the actions on a session in memory.
#![allow(clippy::expect_used)]

use super::*;
use proptest::prelude::*;

#[test]
fn registry_names_and_aliases_are_unique_and_usage_starts_with_the_name() {
    let mut seen = std::collections::HashSet::new();
    for c in COMMANDS {
        assert!(c.usage.starts_with(&format!(".{}", c.name)), "{}", c.name);
        assert!(c.min <= c.max, "{}", c.name);
        assert!(!c.help.is_empty(), "{}", c.name);
        for n in std::iter::once(&c.name).chain(c.aliases) {
            assert!(seen.insert(*n), "duplicate command name {n}");
        }
    }
    let mut sorted: Vec<&str> = COMMANDS.iter().map(|c| c.name).collect();
    sorted.sort_unstable();
    assert_eq!(sorted, COMMANDS.iter().map(|c| c.name).collect::<Vec<_>>());
}

#[test]
fn every_abbreviation_names_one_command_and_scoqls_own_names_win() {
    for (full, min) in ABBREVIATIONS {
        assert!(find(full).is_some(), "{full}");
        for n in *min..=full.len() {
            let typed = &full[..n];
            let hits: std::collections::HashSet<&str> = ABBREVIATIONS
                .iter()
                .filter(|(f, m)| typed.len() >= *m && f.starts_with(typed))
                .filter_map(|(f, _)| find(f).map(|c| c.name))
                .collect();
            assert_eq!(hits.len(), 1, "{typed}: {hits:?}");
        }
    }
    assert_eq!(lookup("q").map(|c| c.name), Some("exit"));
    assert_eq!(lookup("o").map(|c| c.name), Some("once"));
    assert_eq!(lookup("hel").map(|c| c.name), Some("help"));
    assert!(lookup("t").is_none() && lookup("pa").is_none() && lookup("sc").is_none());
    // A name scoql has is never read as another command's abbreviation.
    assert_eq!(lookup("run").map(|c| c.name), Some("run"));
}

#[test]
fn tokenizer_splits_on_whitespace_and_honours_quotes() {
    assert_eq!(tokenize(" a  'b c' \"d\\te\""), vec!["a", "b c", "d\te"]);
    assert_eq!(tokenize("\\t '\\t'"), vec!["\t", "\\t"]);
    assert_eq!(tokenize("\"a\\\"b\""), vec!["a\"b"]);
    assert_eq!(tokenize("x 'unclosed rest"), vec!["x", "unclosed rest"]);
    assert_eq!(tokenize("''"), vec![""]);
}

#[test]
fn tokenizer_resolves_every_escape_sqlite3_resolves() {
    // sqlite3's resolve_backslashes: C escapes, quotes, octal; \xHH as the bundled SQLite's
    // shell reads it; anything else is the character itself.
    assert_eq!(
        tokenize(r#""\a\b\t\n\v\f\r\"\'\\""#),
        vec!["\x07\x08\t\n\x0b\x0c\r\"'\\"]
    );
    assert_eq!(
        tokenize(r"\060\077 \101x \x3f \x41B \xg \q \"),
        vec!["0?", "Ax", "?", "AB", "xg", "q", "\\"]
    );
    assert_eq!(tokenize(r"'\a\x41'"), vec![r"\a\x41"]);
}

#[test]
fn options_take_one_dash_or_two() {
    assert_eq!(option("--csv"), Some("csv"));
    assert_eq!(option("-csv"), Some("csv"));
    assert_eq!(option("-"), None);
    assert_eq!(option("--"), None);
    assert_eq!(option("file.csv"), None);
}

#[test]
fn parse_checks_arity_and_names() {
    assert!(matches!(parse(".nope"), Err(Error::UnknownCommand { .. })));
    assert!(matches!(parse(".headers"), Err(Error::Usage { .. })));
    assert!(matches!(parse(".headers on off"), Err(Error::Usage { .. })));
    assert!(parse(".quit").is_ok());
    assert!(parse(".param list").is_ok());
    let message = |line: &str| parse(line).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message(".show x").starts_with(".show takes no arguments;"));
    assert!(message(".headers on off").starts_with(".headers takes at most 1 argument;"));
    assert!(message(".mode a b c").starts_with(".mode takes at most 2 arguments;"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn dot_parser_parses_or_returns_an_error_with_usage(line in "\\.[ -~é'\"\\\\]{0,40}") {
        match parse(&line) {
            Ok((cmd, args)) => {
                prop_assert!(args.len() >= cmd.min && args.len() <= cmd.max);
            }
            Err(Error::Usage { usage, .. }) => prop_assert!(usage.starts_with('.')),
            Err(Error::UnknownCommand { .. }) => {}
            Err(other) => prop_assert!(false, "unexpected error {other:?}"),
        }
        let _ = tokenize(&line);
    }
}

/// Dot actions against a session with no process around it: output kept in memory.
mod actions {
    use super::super::*;
    use crate::exec;
    use crate::input::Chunk;
    use crate::session::Session;

    fn dot(s: &mut Session, line: &str) -> Result<Flow> {
        let params = s.params.clone();
        execute(s, line, None, &params)
    }

    fn sql(s: &mut Session, text: &str) -> String {
        let chunk = Chunk {
            text,
            origin: "<test>".into(),
            line: 1,
        };
        let params = s.params.clone();
        if let Err(e) = exec::run_chunk(s, &chunk, &params, false) {
            panic!("{text}: {e}");
        }
        s.take_output()
    }

    #[test]
    fn mode_and_separators_change_what_the_next_result_prints() {
        let mut s = Session::for_tests(&[]);
        assert!(matches!(dot(&mut s, ".mode csv"), Ok(Flow::Continue)));
        assert_eq!(
            sql(&mut s, "select 1 as a, 'x y' as b"),
            "a,b\r\n1,\"x y\"\r\n"
        );
        assert!(dot(&mut s, ".separator ; ~").is_ok());
        assert!(dot(&mut s, ".headers off").is_ok());
        assert_eq!(sql(&mut s, "select 1, 2"), "1;2~");
    }

    #[test]
    fn a_bad_argument_changes_nothing_and_names_the_usage() {
        let mut s = Session::for_tests(&["--list"]);
        match dot(&mut s, ".mode nope") {
            Err(Error::Usage { usage, .. }) => assert!(usage.starts_with(".mode")),
            Err(other) => panic!("{other}"),
            Ok(_) => panic!("an unknown mode is refused"),
        }
        assert_eq!(sql(&mut s, "select 1 as a"), "a\n1\n");
    }

    #[test]
    fn import_stops_at_sqlites_limits_instead_of_reading_without_end() {
        // A field longer than SQLite's value length (`/dev/zero` has no end) and a header
        // wider than its column limit are errors once the limit is passed.
        let dir = tempfile::TempDir::new().expect("a temporary directory");
        let long = dir.path().join("long.csv");
        std::fs::write(&long, format!("a,b\n1,{}\n2,y\n", "x".repeat(5000))).expect("csv");
        let wide = dir.path().join("wide.csv");
        std::fs::write(&wide, format!("{}\n1\n", ",".repeat(5_000))).expect("csv");
        let mut s = Session::for_tests(&["--list", "--no-headers"]);
        use rusqlite::limits::Limit;
        s.conn()
            .set_limit(Limit::SQLITE_LIMIT_LENGTH, 1000)
            .expect("limit");
        s.conn()
            .set_limit(Limit::SQLITE_LIMIT_COLUMN, 100)
            .expect("limit");
        match dot(&mut s, &format!(".import --csv {} t", long.display())) {
            Err(Error::Import { message, .. }) => assert!(
                message.ends_with(
                    "long.csv:2: a field longer than 1,000 bytes, SQLite's limit for a value; \
                     the import stops there"
                ),
                "{message}"
            ),
            other => panic!("{:?}", other.err()),
        }
        match dot(&mut s, &format!(".import --csv {} w", wide.display())) {
            Err(Error::Import { message, .. }) => assert!(
                message.ends_with(
                    "wide.csv:1: the header has more than 100 columns, SQLite's limit for a table"
                ),
                "{message}"
            ),
            other => panic!("{:?}", other.err()),
        }
        assert_eq!(
            sql(
                &mut s,
                "select count(*) from sqlite_schema where name = 'w'"
            ),
            "0\n"
        );
    }

    #[test]
    fn quit_asks_the_driver_to_end_with_its_code() {
        let mut s = Session::for_tests(&[]);
        assert!(matches!(dot(&mut s, ".quit 3"), Ok(Flow::Quit(Some(3)))));
        assert!(matches!(dot(&mut s, ".exit"), Ok(Flow::Quit(None))));
        // Not a number: a failure to report, and the run still ends.
        assert!(matches!(
            dot(&mut s, ".quit BAD"),
            Ok(Flow::QuitFailed(Error::Usage { .. }))
        ));
    }

    #[test]
    fn read_and_run_push_a_frame_instead_of_running_it() {
        let dir = tempfile::TempDir::new().expect("a temporary directory");
        let file = dir.path().join("a.sql");
        std::fs::write(&file, "select 1;\n").expect("a script");
        let mut s = Session::for_tests(&[]);
        let line = format!(".read {}", file.display());
        assert!(matches!(dot(&mut s, &line), Ok(Flow::Push(_))));
        assert!(matches!(
            dot(&mut s, ".run founding_article"),
            Ok(Flow::Push(_))
        ));
        assert_eq!(s.take_output(), "", "nothing ran yet");
    }

    #[test]
    fn parameters_are_literals_or_verbatim_text() {
        let mut s = Session::for_tests(&["--list", "--no-headers"]);
        for line in [
            ".param set n 12",
            ".param set d 2021-03-01",
            // As in sqlite3, the dot-command's quotes are its own: "'2021'" is the literal.
            ".param set t \"'2021'\"",
            ".param set u '2021'",
        ] {
            assert!(dot(&mut s, line).is_ok(), "{line}");
        }
        assert_eq!(
            sql(&mut s, "select typeof(:n), :d, typeof(:t), typeof(:u)"),
            "integer|2021-03-01|text|integer\n"
        );
    }

    #[test]
    fn numbers_changes_how_tables_show_numbers_and_refuses_an_unknown_style() {
        let mut s = Session::for_tests(&[]);
        assert!(sql(&mut s, "select 1234567 as n").contains("│ 1,234,567 │"));
        assert!(dot(&mut s, ".numbers plain").is_ok());
        assert!(sql(&mut s, "select 1234567 as n").contains("│ 1234567 │"));
        assert!(dot(&mut s, ".numbers").is_ok());
        assert_eq!(s.take_output(), "numbers: plain\n");
        match dot(&mut s, ".numbers huge") {
            Err(Error::Usage { usage, .. }) => assert!(usage.starts_with(".numbers")),
            Err(other) => panic!("{other}"),
            Ok(_) => panic!("an unknown style is refused"),
        }
        assert!(sql(&mut s, "select 1234567 as n").contains("│ 1234567 │"));
    }

    #[test]
    fn last_draws_the_previous_result_again_in_another_mode() {
        let mut s = Session::for_tests(&["--list"]);
        sql(&mut s, "select 1 as a, 'x' as b union all select 2, 'y'");
        assert!(dot(&mut s, ".last csv").is_ok());
        assert_eq!(s.take_output(), "a,b\r\n1,x\r\n2,y\r\n");
        assert!(dot(&mut s, ".last").is_ok());
        assert_eq!(s.take_output(), "a|b\n1|x\n2|y\n");
    }

    #[test]
    fn help_lists_every_command_once_under_its_job_and_keys_lists_the_bindings() {
        let mut s = Session::for_tests(&[]);
        assert!(dot(&mut s, ".help").is_ok());
        let out = s.take_output();
        for group in Group::all() {
            let listed = COMMANDS.iter().any(|c| c.group == group);
            assert_eq!(
                out.contains(&format!("{}:\n", group.title())),
                listed,
                "{out}"
            );
        }
        for c in COMMANDS {
            // The usage as listed: with the aliases, `.exit|.quit [CODE]`.
            let names: Vec<String> = std::iter::once(&c.name)
                .chain(c.aliases)
                .map(|n| format!(".{n}"))
                .collect();
            let line = format!("  {}{}", names.join("|"), &c.usage[c.name.len() + 1..]);
            assert_eq!(out.matches(&line).count(), 1, "{} in {out}", c.usage);
            // Under its own group's heading: the nearest heading above names its group.
            let at = out.find(&line).unwrap_or_default();
            let heading = out[..at]
                .lines()
                .rev()
                .find(|l| l.ends_with(':') && !l.starts_with(' '))
                .unwrap_or_default();
            assert_eq!(heading, format!("{}:", c.group.title()), "{}", c.name);
        }
        assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
        assert!(dot(&mut s, ".help keys").is_ok());
        let keys = s.take_output();
        for key in ["Tab", "Ctrl-R", "Ctrl-C", "Ctrl-D", "Right"] {
            assert!(keys.contains(&format!("\n  {key} ")), "{key} in {keys}");
        }
    }

    /// A session with a `sources` table and a small result of sourced figures.
    fn sourced(args: &[&str]) -> Session {
        let mut s = Session::for_tests(args);
        sql(
            &mut s,
            "CREATE TABLE sources(id TEXT, outlet TEXT, title TEXT, published TEXT, url TEXT); \
             INSERT INTO sources VALUES ('S1', 'Daily', 'Trains', '2022-02-23', 'https://d/1'), \
             ('S2', 'Wire', NULL, NULL, NULL); \
             CREATE TABLE obs(metric TEXT, year INT, value INT, source_id TEXT); \
             INSERT INTO obs VALUES ('trains', 2021, 621, 'S1'), ('trains', 2023, 863, 'S2'), \
             ('trains', 2023, 860, 'S1'), ('trade', 2021, 4, 'S2');",
        );
        s
    }

    #[test]
    fn chart_next_draws_the_next_result_instead_of_its_table() {
        let mut s = sourced(&["--list"]);
        assert!(dot(&mut s, ".chart --next bar year value").is_ok());
        let table = sql(
            &mut s,
            "SELECT year, value, source_id FROM obs WHERE metric = 'trains'",
        );
        assert_eq!(table, "", "the result is kept, not drawn");
        assert!(draw_next_chart(&mut s, true).is_ok());
        assert_eq!(
            s.take_output(),
            "\
value by year
2021  │███████████████████████████████████████████▏ 621                       S1
2022  ┆ no value
2023  │████████████████████████████████████████████████████████████ 863       S2
2023  │███████████████████████████████████████████████████████████▊ 860       S1
Sources: S1, S2
"
        );
        // Only once: the next result is a table again.
        assert_eq!(sql(&mut s, "SELECT 1 AS a"), "a\n1\n");
        assert!(draw_next_chart(&mut s, true).is_ok());
        assert_eq!(s.take_output(), "");
    }

    #[test]
    fn chart_next_followed_by_no_result_is_an_error_and_chart_needs_a_result() {
        let mut s = Session::for_tests(&[]);
        match dot(&mut s, ".chart") {
            Err(Error::Usage { message, .. }) => assert!(message.contains("--next"), "{message}"),
            other => panic!("{:?}", other.map(|_| ())),
        }
        assert!(dot(&mut s, ".chart --next").is_ok());
        sql(&mut s, "CREATE TABLE t(x)");
        assert!(matches!(
            draw_next_chart(&mut s, true),
            Err(Error::Figure { .. })
        ));
    }

    #[test]
    fn pivot_becomes_the_last_result_and_cite_follows_it_with_its_sources() {
        let mut s = sourced(&["--table"]);
        sql(&mut s, "SELECT metric, year, value, source_id FROM obs");
        assert!(dot(&mut s, ".cite on").is_ok());
        assert!(dot(&mut s, ".pivot metric year value").is_ok());
        assert_eq!(
            s.take_output(),
            "\
┌────────┬──────┬─────────────────────┐
│ metric │ 2021 │ 2023                │
├────────┼──────┼─────────────────────┤
│ trains │  621 │ 863 (S2) | 860 (S1) │
│ trade  │    4 │ NULL                │
└────────┴──────┴─────────────────────┘
2 rows
Sources:
S1  Daily, \"Trains\", 2022-02-23, <https://d/1>
S2  Wire, untitled, undated, no address
"
        );
        assert!(dot(&mut s, ".last csv").is_ok());
        assert_eq!(
            s.take_output(),
            "metric,2021,2023\r\ntrains,621,\"863 (S2) | 860 (S1)\"\r\ntrade,4,\r\n"
        );
    }

    #[test]
    fn cite_is_off_when_piped_and_shown_by_show() {
        let mut s = sourced(&["--table"]);
        let plain = sql(&mut s, "SELECT value, source_id FROM obs WHERE value = 621");
        assert!(!plain.contains("Sources:"), "{plain}");
        assert!(dot(&mut s, ".show").is_ok());
        assert!(s.take_output().contains("cite: off"));
        assert!(dot(&mut s, ".cite on").is_ok());
        let cited = sql(&mut s, "SELECT value, source_id FROM obs WHERE value = 621");
        assert!(
            cited.ends_with("1 row\nSources:\nS1  Daily, \"Trains\", 2022-02-23, <https://d/1>\n"),
            "{cited}"
        );
    }

    #[test]
    fn summarize_reads_a_table_or_a_query_and_refuses_one_that_writes() {
        let mut s = sourced(&["--csv"]);
        assert!(dot(&mut s, ".summarize obs").is_ok());
        let out = s.take_output();
        // Quartiles are elements of the data (2021, 2021, 2023, 2023), never between them.
        assert!(
            out.contains("\nyear,INT,4,0,2,2021,2023,2022.0,2021,2021,2023\n"),
            "{out}"
        );
        // obs has metric but no period: no coverage.
        assert!(!out.contains("missing_years"), "{out}");
        assert!(
            dot(
                &mut s,
                ".summarize \"SELECT value FROM obs WHERE value > 600\""
            )
            .is_ok()
        );
        let out = s.take_output();
        assert!(out.contains("\nvalue,integer,3,0,3,621,863,"), "{out}");
        assert!(out.ends_with(",621,860,860\n"), "{out}");
        assert!(matches!(
            dot(&mut s, ".summarize \"DELETE FROM obs\""),
            Err(Error::Usage { .. })
        ));
        assert_eq!(sql(&mut s, "SELECT count(*) AS n FROM obs"), "n\n4\n");
    }
}
