//! The lexer and the scanner against SQLite's own `sqlite3_complete`.

use super::*;
use proptest::prelude::*;
use std::ffi::CString;

/// SQLite's own answer, from the linked library.
fn sqlite_complete(sql: &str) -> bool {
    let c = CString::new(sql).expect("test text has no NUL");
    // SAFETY: `c` is a valid NUL-terminated string that outlives the call;
    // sqlite3_complete only reads it and keeps no pointer.
    unsafe { rusqlite::ffi::sqlite3_complete(c.as_ptr()) != 0 }
}

fn scan(chunks: &[&str]) -> Scanner {
    let mut s = Scanner::new();
    for c in chunks {
        s.feed(c);
    }
    s
}

/// Asserts the scanner's answer for `sql`, fed whole and one character at a time, and that
/// SQLite agrees.
fn check(sql: &str, complete: bool) {
    assert_eq!(sqlite_complete(sql), complete, "sqlite3_complete({sql:?})");
    assert_eq!(scan(&[sql]).is_complete(), complete, "whole: {sql:?}");
    let mut s = Scanner::new();
    let mut buf = [0u8; 4];
    for (i, c) in sql.char_indices() {
        s.feed(c.encode_utf8(&mut buf));
        let prefix = &sql[..i + c.len_utf8()];
        assert_eq!(
            s.is_complete(),
            sqlite_complete(prefix),
            "by char: {prefix:?}"
        );
    }
}

fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
    tokenize(text)
        .iter()
        .filter(|t| t.kind != TokenKind::Whitespace)
        .map(|t| (t.kind, t.text(text)))
        .collect()
}

#[test]
fn links_the_sqlite_these_tests_describe() {
    // The `--` rule below changed with sqlite3_incomplete; fail loudly if SQLite moves.
    assert!(
        rusqlite::version_number() >= 3_054_000,
        "{}",
        rusqlite::version()
    );
}

#[test]
fn empty_and_whitespace_only_input_is_not_complete() {
    check("", false);
    check(" \t\r\n\x0c", false);
    check("/* only a comment */", false);
    check("-- only a comment\n", false);
    check(";", true);
    check(" ; \n", true);
    check("\x0b;", true);
    check("\x0b", false);
}

#[test]
fn a_statement_is_complete_at_its_semicolon() {
    check("select 1", false);
    check("select 1;", true);
    check("select 1;  \n\t", true);
    check("select 1; select 2", false);
    check("select 1; select 2;", true);
    check("select 1; /* after */", true);
    check("select 1; /* open", false);
    check("select (1;", true);
}

#[test]
fn semicolons_in_strings_identifiers_and_comments_do_not_end_it() {
    check("select ';'", false);
    check("select ';';", true);
    check("select 'it''s;'", false);
    check("select 'it''s;';", true);
    check("select \"a;b\"", false);
    check("select \"a\"\";b\";", true);
    check("select `a;b`", false);
    check("select `a;b`;", true);
    check("select [a;b]", false);
    check("select [a;b];", true);
    check("select [a;b", false);
    check("select [a]]", false);
    check("select x'00;", false);
    check("select 1 /* ; */", false);
    check("select 1 /* ; */;", true);
    check("select 1 /*/ ; */", false);
    check("select 1 /**/;", true);
    check("select 1 -- ;\n", false);
    check("select 1 -- ;\n;", true);
    check("select 1 - -1;", true);
}

#[test]
fn text_ending_inside_a_line_comment_is_incomplete() {
    // SQLite 3.54: sqlite3_incomplete reports the open `--` comment even after a `;`.
    check("select 1; -- note", false);
    check("select 1; -- note\n", true);
}

#[test]
fn a_trigger_ends_only_at_semicolon_end_semicolon() {
    let head = "CREATE TRIGGER t AFTER INSERT ON a BEGIN ";
    check(&format!("{head}SELECT 1;"), false);
    check(&format!("{head}SELECT 1; END"), false);
    check(&format!("{head}SELECT 1; END;"), true);
    check(&format!("{head}SELECT 1; END; "), true);
    check(&format!("{head}SELECT 1; UPDATE b SET c = 1; end ;"), true);
    check(&format!("{head}SELECT CASE WHEN 1 THEN 2 END;"), false);
    check(&format!("{head}SELECT CASE WHEN 1 THEN 2 END; END;"), true);
    check(&format!("{head}SELECT 1; END; SELECT 2"), false);
    check(&format!("{head}SELECT 1; END; SELECT 2;"), true);
    check(&format!("{head}SELECT 1;; END;"), true);
    check(&format!("{head}SELECT 1; /* c */ END -- c\n;"), true);
    check(&format!("{head}SELECT 1; \"END\";"), false);
    check("create trigger;", false);
    check("create table trigger(a);", true);
    check("select 1; create trigger x", false);
}

#[test]
fn explain_create_trigger_and_temp_triggers_are_triggers() {
    check("explain create trigger t begin select 1;", false);
    check("explain create trigger t begin select 1; end;", true);
    check("EXPLAIN QUERY PLAN CREATE TRIGGER t BEGIN SELECT 1;", false);
    check("explain explain create trigger t begin select 1;", true);
    check("create temp trigger t begin select 1;", false);
    check("create temp trigger t begin select 1; end;", true);
    check("CREATE TEMPORARY TRIGGER t BEGIN SELECT 1;", false);
    check("create temp temp trigger t begin select 1;", false);
    check("create temp table t(a);", true);
    check("create tempo trigger t begin select 1;", true);
    // Words sqlite3_complete sees after a symbol: `:create`, `1.create`.
    check("explain :create trigger;", false);
    check("explain $create trigger;", true);
    check("explain 1.create trigger;", false);
    check("explain 1.e trigger;", true);
    check("explain 1create trigger;", true);
}

#[test]
fn keywords_cut_by_chunk_boundaries_are_still_seen() {
    let text = "create trigger t begin select 1; end;";
    for cut in 0..=text.len() {
        let s = scan(&[&text[..cut], &text[cut..]]);
        assert!(s.is_complete(), "cut at {cut}");
        let s = scan(&[&text[..cut]]);
        assert_eq!(
            s.is_complete(),
            sqlite_complete(&text[..cut]),
            "prefix {cut}"
        );
    }
    // `1.e` then `xplain`: the `e` joins the word `explain`, which ends the EXPLAIN prefix.
    let s = scan(&[
        "explain 1.",
        "e",
        "",
        "x",
        "plain",
        " create",
        " trig",
        "ger;",
    ]);
    assert!(s.is_complete());
    assert!(sqlite_complete("explain 1.explain create trigger;"));
    let s = scan(&["explain 1.", "c", "", "r", "eate", " trig", "ger;"]);
    assert!(!s.is_complete());
    assert!(!sqlite_complete("explain 1.create trigger;"));
}

#[test]
fn non_ascii_is_identifier_text() {
    check("create trigger é begin select 1;", false);
    check("create trigger é begin select '日本;'; end;", true);
    check("créate trigger t begin select 1;", true);
    check("select 1 as endé;", true);
    assert_eq!(
        kinds("é1 日本$x"),
        [(TokenKind::Word, "é1"), (TokenKind::Word, "日本$x")]
    );
}

#[test]
fn reset_forgets_what_was_fed() {
    let mut s = scan(&["create trigger t begin select 1;"]);
    assert!(!s.is_complete());
    s.reset();
    assert!(!s.is_complete());
    s.feed("select 1;");
    assert!(s.is_complete());
    assert!(s.bytes_examined() > 0);
}

#[test]
fn blank_means_only_whitespace_and_comments() {
    assert!(scan(&[""]).is_blank());
    assert!(scan(&["  -- a comment"]).is_blank());
    assert!(scan(&["/* a */ -- b\n  "]).is_blank());
    assert!(!scan(&["/* open"]).is_blank());
    assert!(!scan(&["-"]).is_blank());
    assert!(!scan(&["x"]).is_blank());
    assert!(!scan(&[";"]).is_blank());
}

#[test]
fn the_lexer_names_every_kind_of_token() {
    let text = "select 'a''b', \"x\"\"y\", [a\"]b, `q`, x'0F', X'', xy'z' -- c\n\
                /* c */ 1_000 0x1F 1e10 1.5E-3 .5 1. 12ab ?1 ? :name @v $x #n : \
                a<=b||c->>'$'<>d->e!=f==g;\x0b";
    use TokenKind as K;
    assert_eq!(
        kinds(text),
        [
            (K::Word, "select"),
            (K::String, "'a''b'"),
            (K::Punct, ","),
            (K::QuotedIdent, "\"x\"\"y\""),
            (K::Punct, ","),
            (K::QuotedIdent, "[a\"]"),
            (K::Word, "b"),
            (K::Punct, ","),
            (K::QuotedIdent, "`q`"),
            (K::Punct, ","),
            (K::Blob, "x'0F'"),
            (K::Punct, ","),
            (K::Blob, "X''"),
            (K::Punct, ","),
            (K::Word, "xy"),
            (K::String, "'z'"),
            (K::LineComment, "-- c"),
            (K::BlockComment, "/* c */"),
            (K::Number, "1_000"),
            (K::Number, "0x1F"),
            (K::Number, "1e10"),
            (K::Number, "1.5E-3"),
            (K::Number, ".5"),
            (K::Number, "1."),
            (K::Number, "12ab"),
            (K::Variable, "?1"),
            (K::Variable, "?"),
            (K::Variable, ":name"),
            (K::Variable, "@v"),
            (K::Variable, "$x"),
            (K::Variable, "#n"),
            (K::Punct, ":"),
            (K::Word, "a"),
            (K::Punct, "<="),
            (K::Word, "b"),
            (K::Punct, "||"),
            (K::Word, "c"),
            (K::Punct, "->>"),
            (K::String, "'$'"),
            (K::Punct, "<>"),
            (K::Word, "d"),
            (K::Punct, "->"),
            (K::Word, "e"),
            (K::Punct, "!="),
            (K::Word, "f"),
            (K::Punct, "=="),
            (K::Word, "g"),
            (K::Semicolon, ";"),
            (K::Punct, "\x0b"),
        ]
    );
}

#[test]
fn numbers_end_where_sqlite_ends_them() {
    use TokenKind as K;
    assert_eq!(kinds("1e+5"), [(K::Number, "1e+5")]);
    assert_eq!(
        kinds("1e+x"),
        [(K::Number, "1e"), (K::Punct, "+"), (K::Word, "x")]
    );
    assert_eq!(kinds("1e--x"), [(K::Number, "1e"), (K::LineComment, "--x")]);
    assert_eq!(kinds("1e-"), [(K::Number, "1e"), (K::Punct, "-")]);
    assert_eq!(kinds("1.end"), [(K::Number, "1."), (K::Word, "end")]);
    assert_eq!(kinds("1.e5"), [(K::Number, "1.e5")]);
    assert_eq!(kinds("1.e"), [(K::Number, "1.e")]);
    assert_eq!(kinds("1..2"), [(K::Number, "1."), (K::Number, ".2")]);
    assert_eq!(kinds("0x"), [(K::Number, "0x")]);
    assert_eq!(kinds("0x1.5"), [(K::Number, "0x1"), (K::Number, ".5")]);
    assert_eq!(kinds("0xg"), [(K::Number, "0xg")]);
    assert_eq!(kinds("1_000.000_1e1_0"), [(K::Number, "1_000.000_1e1_0")]);
    assert_eq!(
        kinds("a.b"),
        [(K::Word, "a"), (K::Punct, "."), (K::Word, "b")]
    );
}

#[test]
fn unterminated_tokens_are_reported_open_at_the_end() {
    for (text, kind, start) in [
        ("select 'abc", TokenKind::String, 7),
        ("select 'a''", TokenKind::String, 7),
        ("select \"abc", TokenKind::QuotedIdent, 7),
        ("select `abc", TokenKind::QuotedIdent, 7),
        ("select [abc", TokenKind::QuotedIdent, 7),
        ("select x'0F", TokenKind::Blob, 7),
        ("select /* a */ /* ab", TokenKind::BlockComment, 15),
        ("select /*", TokenKind::BlockComment, 7),
        ("select -- ab", TokenKind::LineComment, 7),
    ] {
        let tokens = tokenize(text);
        let last = tokens.last().expect("a token");
        assert_eq!(
            (last.kind, last.start, last.open),
            (kind, start, true),
            "{text}"
        );
        assert_eq!(unclosed(text), Some(*last), "{text}");
    }
    for text in [
        "select 'abc'",
        "select 'a'''",
        "select [a]",
        "select /**/",
        "-- a\n",
    ] {
        assert!(tokenize(text).iter().all(|t| !t.open), "{text}");
        assert_eq!(unclosed(text), None, "{text}");
    }
}

#[test]
fn completion_finds_the_open_string_under_the_cursor() {
    let line = "select * from t where a = 'it''s Qing";
    let open = unclosed(line).expect("inside a string");
    assert_eq!((open.kind, open.start), (TokenKind::String, 26));
    assert_eq!(
        unclosed("select '--' , -- 'x").map(|t| t.kind),
        Some(TokenKind::LineComment)
    );
    // The words before the cursor, for "which position is this":
    let words: Vec<&str> = tokenize("select a from \"t\" join ")
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text("select a from \"t\" join "))
        .collect();
    assert_eq!(words, ["select", "a", "from", "join"]);
}

#[test]
fn a_line_is_highlighted_in_the_state_the_lines_before_left() {
    let mut s = Scanner::new();
    s.feed("select 1 /* a comment\n");
    let line = "still */ 'x'";
    let spans: Vec<(TokenKind, &str)> = s
        .lexer()
        .tokens_from(line)
        .iter()
        .map(|t| (t.kind, t.text(line)))
        .collect();
    assert_eq!(
        spans,
        [
            (TokenKind::BlockComment, "still */"),
            (TokenKind::Whitespace, " "),
            (TokenKind::String, "'x'"),
        ]
    );
    // A string whose closing quote ended the previous line leaves nothing in this one.
    let mut lexer = Lexer::new();
    lexer.feed("'a'", |_| {});
    assert_eq!(
        lexer.tokens_from("b"),
        [Token::new(TokenKind::Word, 0, 1, false)]
    );
}

/// Feeds `head`, `lines` copies of `line`, then `tail`, one at a time as the splitter feeds
/// lines, asking `is_complete` before each; returns (bytes fed, bytes examined, whether
/// any answer before the end was "complete").
fn feed_lines(head: &str, line: &str, lines: usize, tail: &str) -> (usize, u64, bool) {
    let mut s = Scanner::new();
    let mut fed = 0;
    let mut early = false;
    for text in std::iter::once(head)
        .chain(std::iter::repeat_n(line, lines))
        .chain(std::iter::once(tail))
    {
        early |= s.is_complete();
        s.feed(text);
        fed += text.len();
    }
    assert!(s.is_complete(), "the input ends complete");
    (fed, s.bytes_examined(), early)
}

#[test]
fn big_comment_blocks_and_strings_cost_work_linear_in_their_size() {
    let row = "insert into t values (1, 'a'); -- one row;\n";
    let cases = [
        ("/*\n", row, "*/\nselect 1;\n"),
        ("select '\n", "a; b; ''c''; d /* e */ -- f;\n", "';\n"),
    ];
    for (head, line, tail) in cases {
        let (fed, work, early) = feed_lines(head, line, 30_000, tail);
        assert!(!early, "complete before its end");
        assert!(fed > 600_000);
        // Each byte once, plus a second look at the few bytes that end a token.
        assert!(work <= fed as u64 + 64, "{work} examined for {fed} bytes");
        let (fed2, work2, _) = feed_lines(head, line, 60_000, tail);
        assert!(fed2 > 2 * fed - 100);
        assert!(work2 <= 2 * work, "doubling the input: {work} then {work2}");
    }
    // Ordinary SQL: many short tokens, each ended by the byte after it.
    let (fed, work, _) = feed_lines("", "select a.b, 'x' from t where c >= 1.5e3;\n", 30_000, "");
    assert!(work <= 2 * fed as u64, "{work} examined for {fed} bytes");
    // The same text in one chunk agrees with SQLite.
    let text = format!("/*\n{}*/\nselect 1;\n", row.repeat(30_000));
    assert!(sqlite_complete(&text));
    assert!(scan(&[&text]).is_complete());
}

/// Pieces SQL is made of, weighted towards what sqlite3_complete treats specially.
#[rustfmt::skip]
const ATOMS: &[&str] = &[
    ";", ";", " ", "\n", "\t", "\r", "\x0b", "\x0c", "'", "''", "\"", "`", "[", "]", "--",
    "/*", "*/", "*", "/", "-", "->", ".", "1.", "1", "0x", "e", "x", "X'", "(", ")", ":",
    "$", "?", "@", "#", "CREATE", "create", "TEMP", "temporary", "TRIGGER", "trigger",
    "BEGIN", "END", "end", "EXPLAIN", "explain", "CASE", "select", "t", "é", "日本", "\u{feff}",
    "CREATE TRIGGER t BEGIN ", "; END;", "EXPLAIN QUERY PLAN ",
];

/// Endings that complete text unless it is inside something or inside a trigger.
const PROBES: &[&str] = &[
    ";", "\n;", "*/;", "';", "\";", "`;", "];", " end;", "\n; end;",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => prop::sample::select(ATOMS).prop_map(str::to_string),
        2 => "[a-zA-Z_][a-zA-Z0-9_$]{0,5}",
        1 => "[0-9.][0-9a-fA-FxXeE_.+-]{0,4}",
        1 => "[^\\x00]{1,3}",
    ]
}

/// SQL-ish text and the offsets to cut it at (char boundaries, ascending).
fn text_and_cuts() -> impl Strategy<Value = (String, Vec<usize>)> {
    (
        // Half the pieces are followed by a space, so that words stay apart as keywords.
        prop::collection::vec(
            (fragment(), any::<bool>()).prop_map(|(f, space)| if space { f + " " } else { f }),
            0..40,
        ),
        prop::collection::vec(any::<prop::sample::Index>(), 0..12),
    )
        .prop_map(|(parts, picks)| {
            let text = parts.concat();
            let mut cuts: Vec<usize> = picks
                .iter()
                .map(|p| {
                    let mut i = p.index(text.len() + 1);
                    while !text.is_char_boundary(i) {
                        i -= 1;
                    }
                    i
                })
                .collect();
            cuts.push(text.len());
            cuts.sort_unstable();
            (text, cuts)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// The scanner agrees with sqlite3_complete on every prefix it has been fed, whatever
    /// the chunking.
    #[test]
    fn the_scanner_agrees_with_sqlite3_complete((text, cuts) in text_and_cuts()) {
        let mut s = Scanner::new();
        let mut at = 0;
        for &cut in &cuts {
            s.feed(&text[at..cut]);
            at = cut;
            let prefix = &text[..cut];
            prop_assert_eq!(s.is_complete(), sqlite_complete(prefix), "prefix {:?}", prefix);
            // Most prefixes are incomplete; what a probe added to them makes of them shows
            // whether the scanner knows where it is (inside what, after which keywords).
            for probe in PROBES {
                let mut probed = s.clone();
                probed.feed(probe);
                let probed_text = format!("{prefix}{probe}");
                prop_assert_eq!(
                    probed.is_complete(),
                    sqlite_complete(&probed_text),
                    "probed {:?}",
                    probed_text
                );
            }
            let tokens = tokenize(prefix);
            let blank = tokens.iter().all(|t| {
                t.kind == TokenKind::Whitespace
                    || t.kind == TokenKind::LineComment
                    || (t.kind == TokenKind::BlockComment && !t.open)
            });
            prop_assert_eq!(s.is_blank(), blank, "prefix {:?}", prefix);
        }
        // Work stays linear however the text is cut.
        prop_assert!(s.bytes_examined() <= 3 * text.len() as u64 + 1);
    }

    /// Lexing in chunks gives the tokens lexing at once gives; the tokens tile the text
    /// on char boundaries; only the last can be open; `unclosed` names it.
    #[test]
    fn the_lexer_is_indifferent_to_chunking((text, cuts) in text_and_cuts()) {
        let whole = tokenize(&text);
        let mut lexer = Lexer::new();
        let mut got = Vec::new();
        let mut at = 0;
        for &cut in &cuts {
            lexer.feed(&text[at..cut], |t| got.push(t));
            at = cut;
            let expected = tokenize(&text[..cut]).last().copied().filter(|t| t.open);
            prop_assert_eq!(lexer.unclosed(), expected);
        }
        prop_assert!(lexer.bytes_examined() <= 3 * text.len() as u64);
        lexer.finish(|t| got.push(t));
        prop_assert_eq!(&got, &whole);
        let mut end = 0;
        for (i, t) in whole.iter().enumerate() {
            prop_assert_eq!(t.start, end);
            prop_assert!(t.end > t.start);
            prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            prop_assert!(!t.open || i + 1 == whole.len());
            end = t.end;
        }
        prop_assert_eq!(end, text.len());
    }
}

/// Every sequence of four pieces from a small alphabet, cut between pieces: the
/// exhaustive companion of the property test for the shortest inputs.
#[test]
fn the_scanner_agrees_on_every_short_sequence() {
    const SMALL: &[&str] = &[
        ";", " ", "\n", "'", "\"", "[", "]", "-", "/", "*", "/*", "*/", "--", "end", "create",
        "trigger", "explain", "temp", ":", "1.", "x",
    ];
    let n = SMALL.len();
    for code in 0..n.pow(4) {
        let mut s = Scanner::new();
        let mut text = String::new();
        let mut rest = code;
        for _ in 0..4 {
            let piece = SMALL[rest % n];
            rest /= n;
            s.feed(piece);
            text.push_str(piece);
        }
        assert_eq!(s.is_complete(), sqlite_complete(&text), "{text:?}");
        s.feed(";");
        text.push(';');
        assert_eq!(s.is_complete(), sqlite_complete(&text), "{text:?}");
    }
}
