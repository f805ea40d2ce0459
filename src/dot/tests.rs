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
fn tokenizer_splits_on_whitespace_and_honours_quotes() {
    assert_eq!(tokenize(" a  'b c' \"d\\te\""), vec!["a", "b c", "d\te"]);
    assert_eq!(tokenize("\\t '\\t'"), vec!["\t", "\\t"]);
    assert_eq!(tokenize("\"a\\\"b\""), vec!["a\"b"]);
    assert_eq!(tokenize("x 'unclosed rest"), vec!["x", "unclosed rest"]);
    assert_eq!(tokenize("''"), vec![""]);
}

#[test]
fn parse_checks_arity_and_names() {
    assert!(matches!(parse(".nope"), Err(Error::UnknownCommand { .. })));
    assert!(matches!(parse(".headers"), Err(Error::Usage { .. })));
    assert!(matches!(parse(".headers on off"), Err(Error::Usage { .. })));
    assert!(parse(".quit").is_ok());
    assert!(parse(".param list").is_ok());
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
    fn quit_asks_the_driver_to_end_with_its_code() {
        let mut s = Session::for_tests(&[]);
        assert!(matches!(dot(&mut s, ".quit 3"), Ok(Flow::Quit(Some(3)))));
        assert!(matches!(dot(&mut s, ".exit"), Ok(Flow::Quit(None))));
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
            let line = format!("  {}", c.usage);
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
}
