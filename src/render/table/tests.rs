//! The table drawer: against comfy-table where both draw whole tables, and against the
//! promises of fitting (issue 13) on generated results at any terminal width from 40 up.

use super::draw::{BOLD, DIM, RESET, Rule, frame};
use super::*;
use crate::value::Value;
use proptest::prelude::*;

/// A renderer holding `rows` as if they had been stepped (plain numbers, no reshaping).
fn filled(
    mode: Mode,
    headers: bool,
    maxrows: Option<usize>,
    names: &[String],
    rows: &[Vec<(String, u8)>],
) -> TableRenderer {
    let opts = Options {
        mode,
        headers,
        maxrows,
        numbers: Numbers::Plain,
        ..Options::default()
    };
    let mut t = TableRenderer::new(opts);
    t.columns = names.to_vec();
    for row in rows {
        t.total += 1;
        if t.head_rows < t.head_cap {
            for (text, flags) in row {
                t.shapes |= flags | shape(text);
                t.head.push(text, flags | shape(text));
            }
            t.head_rows += 1;
        } else if t.tail_cap > 0 {
            if t.tail.len() == t.tail_cap {
                t.tail.pop_front();
            }
            let held: Vec<(String, u8)> = row
                .iter()
                .map(|(text, f)| (text.clone(), f | shape(text)))
                .collect();
            t.shapes |= held.iter().fold(0, |all, (_, f)| all | f);
            t.tail.push_back(held);
        }
    }
    t
}

/// Everything the renderer writes for `rows` of values with `opts`.
fn render(opts: Options, names: &[&str], rows: &[Vec<Value>]) -> (TableRenderer, String) {
    let mut t = TableRenderer::new(opts);
    let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    let mut out = Vec::new();
    t.begin(&mut out, &names);
    for row in rows {
        let cells: Vec<Cell> = row.iter().map(Value::cell).collect();
        t.row(&mut out, &cells);
    }
    t.end(&mut out);
    (t, String::from_utf8(out).expect("UTF-8 tables"))
}

fn on_terminal(width: u16) -> Options {
    Options {
        width: Some(width),
        ..Options::default()
    }
}

/// The whole table as comfy-table draws it with its content arrangement disabled: the
/// oracle for the drawer's alignment, padding, multi-line cells and wide characters.
fn comfy(t: &TableRenderer) -> String {
    use comfy_table::{CellAlignment, ContentArrangement, Table, TableStyle};
    let f = frame(t.opts.mode);
    let line = |r: Option<Rule>| {
        let [l, fill, j, rt] = r.expect("a drawn rule");
        comfy_table::LineStyle::new(l, fill, j, rt)
    };
    let bars = comfy_table::ContentLineStyle::new(f.bar, f.bar, f.bar);
    let mut style = TableStyle::new()
        .header_lines(bars)
        .content_lines(bars)
        .top_border(line(f.top))
        .header_separator(line(f.header))
        .bottom_border(line(f.bottom));
    if f.between.is_some() {
        style = style.row_separator(line(f.between));
    }
    let mut table = Table::new();
    table.load_style(style);
    table.force_no_tty();
    table.set_content_arrangement(ContentArrangement::Disabled);
    let numeric = t.numeric();
    let align = |c: &mut comfy_table::Cell, right: bool| {
        if right {
            *c = c.clone().set_alignment(CellAlignment::Right);
        }
    };
    if t.opts.headers {
        let header: Vec<comfy_table::Cell> = (0..t.columns.len())
            .map(|c| {
                let mut cell = comfy_table::Cell::new(t.header_text(&t.columns[c]));
                align(&mut cell, numeric[c]);
                cell
            })
            .collect();
        table.set_header(header);
    }
    for r in 0..t.drawn_rows() {
        let row: Vec<comfy_table::Cell> = (0..t.columns.len())
            .map(|c| {
                let (text, flags) = t.cell(r, c);
                let mut cell = comfy_table::Cell::new(text);
                let is_right =
                    flags & NUMBER != 0 || ((flags & NULL != 0 || t.is_ellipsis(r)) && numeric[c]);
                align(&mut cell, is_right);
                cell
            })
            .collect();
        table.add_row(row);
    }
    format!("{table}\n")
}

fn drawn(t: &TableRenderer) -> String {
    let headers: Vec<String> = t
        .columns
        .iter()
        .map(|c| {
            if t.opts.headers {
                t.header_text(c)
            } else {
                String::new()
            }
        })
        .collect();
    let mut out = Vec::new();
    t.draw(&mut out, &headers, &t.natural(&headers), false);
    String::from_utf8(out).expect("UTF-8 tables")
}

fn cell_strategy() -> impl Strategy<Value = (String, u8)> {
    (
        prop_oneof![
            "[a-z ]{0,6}",
            "[0-9.-]{1,5}",
            Just("中文".to_string()),
            Just("日本語 x".to_string()),
            Just("a\nbb\n".to_string()),
            Just(String::new()),
            Just("é|x".to_string()),
        ],
        prop_oneof![Just(0u8), Just(NUMBER), Just(NULL)],
    )
}

/// Whether `screen` shows a digit run right before `…` (`41900…`, `4,19…`): a cut number.
fn cut_number(screen: &str) -> bool {
    let chars: Vec<char> = screen.chars().collect();
    (1..chars.len()).any(|i| {
        chars[i] == '…'
            && chars[..i]
                .iter()
                .rev()
                .find(|c| !".,:/-_'%+".contains(**c))
                .is_some_and(|c| c.is_numeric())
    })
}

#[test]
fn on_a_terminal_long_values_are_cut_not_wrapped() {
    let long = "a long value that cannot fit in a narrow terminal at all";
    let rows = vec![
        vec![Value::text(long), Value::Integer(1)],
        vec![Value::text("two\nlines"), Value::Integer(2)],
    ];
    let (_, text) = render(on_terminal(40), &["text", "n"], &rows);
    // top, header, rule, one line for the first row, two for the second, bottom, footer
    assert_eq!(text.lines().count(), 8, "{text}");
    assert!(text.lines().all(|l| display_width(l) <= 40), "{text}");
    assert!(text.contains("a long value that cannot fit in…"), "{text}");
    assert!(text.contains("│ lines"), "{text}");
}

#[test]
fn listings_wrap_long_text_inside_the_cell() {
    let long = "a long description that cannot fit in a narrow terminal at all";
    let rows = vec![vec![Value::text("name"), Value::text(long)]];
    let opts = Options {
        wrap_text: true,
        ..on_terminal(40)
    };
    let (_, text) = render(opts, &["column", "description"], &rows);
    assert!(!text.contains('…'), "{text}");
    assert!(text.lines().all(|l| display_width(l) <= 40), "{text}");
    let words: String = text
        .lines()
        .filter_map(|l| l.split('│').nth(2))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(words.contains(long), "{text}");
}

#[test]
fn a_wide_result_leaves_columns_out_and_says_so() {
    let names: Vec<String> = (1..=30).map(|i| format!("column_{i}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let row: Vec<Value> = (1..=30).map(|i| Value::Integer(i * 1000)).collect();
    let (_, text) = render(on_terminal(80), &names, &[row]);
    assert!(text.lines().all(|l| display_width(l) <= 80), "{text}");
    assert!(
        text.contains("│ column_1 │ column_2 │ column_3 │ … │ column_28 │"),
        "{text}"
    );
    assert!(text.ends_with("1 row · 30 columns (6 shown)\n"), "{text}");
}

#[test]
fn numbers_are_grouped_where_a_column_reaches_six_digits() {
    let rows = vec![
        vec![
            Value::Integer(128_800_000_000),
            Value::Integer(2021),
            Value::Integer(123_456),
            Value::real(1234567.25),
        ],
        vec![
            Value::Integer(13),
            Value::Integer(2022),
            Value::Integer(7),
            Value::real(0.5),
        ],
    ];
    let names = ["value", "year", "id", "r"];
    let (_, text) = render(Options::default(), &names, &rows);
    assert!(
        text.contains("│ 128,800,000,000 │ 2021 │ 123456 │ 1,234,567.25 │"),
        "{text}"
    );
    assert!(
        text.contains("│              13 │ 2022 │      7 │          0.5 │"),
        "{text}"
    );
    let short = Options {
        numbers: Numbers::Short,
        ..Options::default()
    };
    let (_, text) = render(short, &names, &rows);
    assert!(
        text.contains("│ 128.8 billion │ 2021 │ 123456 │ 1.235 million │"),
        "{text}"
    );
    let plain = Options {
        numbers: Numbers::Plain,
        ..Options::default()
    };
    let (_, text) = render(plain, &names, &rows);
    assert!(
        text.contains("│ 128800000000 │ 2021 │ 123456 │ 1234567.25 │"),
        "{text}"
    );
}

#[test]
fn markdown_has_no_footer_aligns_numbers_and_leaves_null_empty() {
    let rows = vec![vec![Value::Integer(1), Value::Null, Value::text("a|b")]];
    let md = Options {
        mode: Mode::Markdown,
        ..on_terminal(40)
    };
    let (_, text) = render(md.clone(), &["n", "note", "t"], &rows);
    assert_eq!(
        text,
        "| n | note | t    |\n|--:|------|------|\n| 1 |      | a\\|b |\n"
    );
    let dash = Options {
        nullvalue: Some("-".into()),
        ..md
    };
    let (_, text) = render(dash, &["note"], &[vec![Value::Null]]);
    assert_eq!(text, "| note |\n|------|\n| -    |\n");
}

#[test]
fn colour_marks_headers_and_null_without_moving_the_columns() {
    let rows = vec![vec![Value::Null, Value::Integer(12)]];
    let plain = render(Options::default(), &["a", "b"], &rows).1;
    let colour = Options {
        color: true,
        ..Options::default()
    };
    let coloured = render(colour, &["a", "b"], &rows).1;
    assert!(coloured.contains("\x1b[2mNULL\x1b[0m"), "{coloured:?}");
    assert!(coloured.contains("\x1b[1ma\x1b[0m"), "{coloured:?}");
    let stripped = coloured
        .replace(BOLD, "")
        .replace(DIM, "")
        .replace(RESET, "");
    assert_eq!(stripped, plain);
}

#[test]
fn control_characters_are_drawn_visibly() {
    let visible = |s: &str| {
        let mut out = String::new();
        push_visible(&mut out, s);
        out
    };
    assert_eq!(visible("a\tb\x1b[31m"), "a    b\u{241b}[31m");
    assert_eq!(visible("a\r\nb"), "a\nb");
    assert_eq!(visible("é\u{85}"), "é\u{fffd}");
}

#[test]
fn long_blobs_are_cut_after_32_bytes_with_their_length() {
    assert_eq!(blob_text(&[0x0a, 0x0b]), "X'0A0B'");
    let long = blob_text(&[0xff; 40]);
    assert!(long.starts_with(&format!("X'{}", "FF".repeat(32))));
    assert!(long.ends_with("…' (40 bytes)"));
}

/// A value of a generated result: numbers of every size, dates, keys, words, NULL.
fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<i64>().prop_map(Value::Integer),
        (0i64..10_000).prop_map(Value::Integer),
        any::<f64>().prop_map(Value::real),
        (-1e12f64..1e12).prop_map(Value::real),
        "[12][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9])".prop_map(Value::from),
        "[a-z]{1,9}( [a-z0-9]{1,9}){0,12}".prop_map(Value::from),
        "[中文字 ]{0,30}".prop_map(Value::from),
        "[A-Z][0-9]{2,4}".prop_map(Value::from),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn the_drawer_draws_exactly_what_comfy_table_draws(
        (names, rows) in (1usize..4).prop_flat_map(|n| (
            prop::collection::vec("[a-z中]{0,4}", n),
            prop::collection::vec(prop::collection::vec(cell_strategy(), n), 0..6),
        )),
        mode in prop_oneof![Just(Mode::Table), Just(Mode::Box)],
        headers in any::<bool>(),
        maxrows in prop_oneof![Just(None), Just(Some(2)), Just(Some(3))],
    ) {
        prop_assume!(headers || !rows.is_empty());
        let t = filled(mode, headers, maxrows, &names, &rows);
        prop_assert_eq!(drawn(&t), comfy(&t));
    }

    /// The acceptance of issue 13 on generated results: at any width from 40 up, no line is
    /// wider than the terminal, every drawn number is whole, no digit run ends in `…`,
    /// no header word is broken, and the footer counts the drawn columns.
    #[test]
    fn fitted_tables_keep_every_promise(
        (names, rows) in (1usize..32).prop_flat_map(|n| (
            prop::collection::vec(
                prop_oneof![
                    Just("ref"), Just("subject"), Just("value_base"), Just("total value"),
                    Just("country_code"), Just("note 中文"), Just("period"), Just("x"),
                    Just("a_rather_long_column_name"),
                ],
                n,
            ),
            prop::collection::vec(prop::collection::vec(value(), n), 0..5),
        )),
        terminal in 40u16..240,
        mode in prop_oneof![Just(Mode::Table), Just(Mode::Box)],
        numbers in prop_oneof![Just(Numbers::Plain), Just(Numbers::Grouped), Just(Numbers::Short)],
        wrap_text in any::<bool>(),
    ) {
        let opts = Options { mode, numbers, wrap_text, ..on_terminal(terminal) };
        let (t, text) = render(opts, &names, &rows);
        let width = usize::from(terminal);
        for line in text.lines() {
            prop_assert!(display_width(line) <= width, "{}:\n{}", width, text);
        }
        prop_assert!(!cut_number(&text), "a cut number in\n{}", text);
        let headers: Vec<String> = t.columns.iter().map(|c| t.header_text(c)).collect();
        let slots = t.fitted(&headers, width);
        let shown = slots.iter().filter(|s| matches!(s, Slot::Column(..))).count();
        let drawn_slots = text.lines().next().map_or(0, |l| l.matches('┬').count() + 1);
        prop_assert_eq!(drawn_slots, slots.len(), "{}", text);
        let footer = text.lines().last().unwrap_or_default();
        if shown < names.len() {
            let noun = if names.len() == 1 { "column" } else { "columns" };
            let says = format!("{} {noun} ({} shown)", names.len(), shown);
            prop_assert!(footer.ends_with(&says), "{}", text);
        } else {
            prop_assert!(!footer.contains("columns"), "{}", text);
        }
        for slot in &slots {
            let Slot::Column(c, w) = *slot else { continue };
            for word in names[c].split_whitespace() {
                let whole = text.lines().any(|l| l.split('│').any(|cell| cell.split_whitespace().any(|p| p == word)));
                prop_assert!(whole, "header word {} broken in\n{}", word, text);
            }
            for r in 0..t.drawn_rows() {
                let mut scratch = String::new();
                let (cell, flags) = t.shown(r, c, &mut scratch);
                if flags & NUMBER != 0 {
                    prop_assert!(display_width(cell) <= w, "{} cut in\n{}", cell, text);
                    prop_assert!(text.contains(cell), "{} not drawn in\n{}", cell, text);
                }
            }
        }
    }
}
