//! The registry, the tokenizer and the parser.

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
