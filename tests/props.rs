//! Property tests for the pure parts: the statement splitter, the dot-command tokenizer and
//! parser, and every renderer. Each runs 1,000 cases.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::ffi::CString;

use proptest::prelude::*;
use rusqlite::types::Value;

use scoql::exec::{Db, Step};
use scoql::input::{Item, Line, LineSource, ReaderSource, Splitter, is_complete};
use scoql::render::{Mode, Options, renderer};

fn config() -> ProptestConfig {
    ProptestConfig::with_cases(1000)
}

/// Lines made of fragments that stress statement boundaries.
fn sql_lines() -> impl Strategy<Value = Vec<String>> {
    let fragment = prop_oneof![
        Just("select 1".to_string()),
        Just(";".to_string()),
        Just("'".to_string()),
        Just("\"".to_string()),
        Just("--".to_string()),
        Just("/*".to_string()),
        Just("*/".to_string()),
        Just("create trigger t after insert on x begin".to_string()),
        Just("end".to_string()),
        Just(".mode csv".to_string()),
        Just(" ".to_string()),
        Just("\0".to_string()),
        Just("é中".to_string()),
        "[ -~]{0,6}",
    ];
    prop::collection::vec(
        prop::collection::vec(fragment, 0..5).prop_map(|f| f.concat()),
        0..8,
    )
}

fn split(lines: &[String]) -> Vec<Item> {
    let mut s = Splitter::default();
    let mut items = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        items.extend(s.push_line(l, i + 1));
    }
    items.extend(s.finish());
    items
}

/// Lines of an item, as they were fed.
fn item_lines(item: &Item) -> Vec<String> {
    match item {
        Item::Sql { text, .. } => text
            .strip_suffix('\n')
            .unwrap_or(text)
            .split('\n')
            .map(str::to_string)
            .collect(),
        Item::Dot { text, .. } => vec![text.clone()],
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn splitter_loses_no_line_and_ends_statements_where_sqlite_says(lines in sql_lines()) {
        let items = split(&lines);
        // Every line reaches an item unchanged, in order, except lines of only whitespace
        // and comments between statements, which hold no SQL.
        let mut covered = vec![false; lines.len()];
        let mut last_start = 0;
        for item in &items {
            let start = match item {
                Item::Sql { line, .. } | Item::Dot { line, .. } => *line,
            };
            prop_assert!(start > last_start, "items out of order");
            last_start = start;
            for (k, expected) in item_lines(item).iter().enumerate() {
                let got = &lines[start - 1 + k];
                match item {
                    Item::Dot { .. } => prop_assert_eq!(got.trim_start(), expected.as_str()),
                    Item::Sql { .. } => prop_assert_eq!(got, expected),
                }
                prop_assert!(!covered[start - 1 + k], "line {} in two items", start + k);
                covered[start - 1 + k] = true;
            }
        }
        for (line, is_covered) in lines.iter().zip(&covered) {
            let t = line.trim_start();
            prop_assert!(
                *is_covered || t.is_empty() || t.starts_with("--") || t.starts_with("/*"),
                "line lost: {:?}", line
            );
        }
        // Statements end exactly where the text first becomes complete.
        for (n, item) in items.iter().enumerate() {
            let Item::Sql { text, .. } = item else { continue };
            if text.contains('\0') {
                continue;
            }
            let ls = item_lines(item);
            let mut prefix = String::new();
            for (k, l) in ls.iter().enumerate() {
                prefix.push_str(l);
                prefix.push('\n');
                let last = k + 1 == ls.len();
                if !last {
                    prop_assert!(!is_complete(&prefix), "ended late: {:?}", prefix);
                } else if n + 1 < items.len() {
                    prop_assert!(is_complete(&prefix), "ended early: {:?}", prefix);
                }
            }
        }
    }

    #[test]
    fn reader_never_panics_on_arbitrary_bytes_and_keeps_valid_text(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let mut src = ReaderSource::new(&bytes[..], "<prop>".into());
        let mut text = String::new();
        let mut had_error = false;
        loop {
            match src.next_line(false, &conn) {
                Ok(Line::Text(l)) => { text.push_str(&l); text.push('\n'); }
                Ok(Line::End) => break,
                Ok(Line::Cancel) => prop_assert!(false, "a reader never cancels"),
                Err(_) => had_error = true,
            }
        }
        if let Ok(s) = std::str::from_utf8(&bytes) {
            prop_assert!(!had_error);
            let s = s.strip_prefix('\u{feff}').unwrap_or(s);
            let expected: String = s.split_inclusive('\n').map(|l| {
                let l = l.strip_suffix('\n').unwrap_or(l);
                let l = l.strip_suffix('\r').unwrap_or(l);
                format!("{l}\n")
            }).collect();
            prop_assert_eq!(text, expected);
        }
    }

    #[test]
    fn dot_parser_parses_or_returns_an_error_with_usage(line in "\\.[ -~é'\"\\\\]{0,40}") {
        match scoql::dot::parse(&line) {
            Ok((cmd, args)) => {
                prop_assert!(args.len() >= cmd.min && args.len() <= cmd.max);
            }
            Err(scoql::error::Error::Usage { usage, .. }) => prop_assert!(usage.starts_with('.')),
            Err(scoql::error::Error::UnknownCommand { .. }) => {}
            Err(other) => prop_assert!(false, "unexpected error {other:?}"),
        }
        let _ = scoql::dot::tokenize(&line);
    }
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<i64>().prop_map(Value::Integer),
        any::<f64>().prop_map(Value::Real),
        prop_oneof![Just(0.1), Just(1e300), Just(-0.0), Just(1e-7), Just(2.5)]
            .prop_map(Value::Real),
        any::<String>().prop_map(Value::Text),
        "[\\x00-\\x1f\"', \\n\\r\\t]{0,6}".prop_map(Value::Text),
        prop::collection::vec(any::<u8>(), 0..40).prop_map(Value::Blob),
    ]
}

/// A result set of 1–4 columns and 0–4 rows, as SQLite statements produce it.
fn result_set() -> impl Strategy<Value = (Vec<String>, Vec<Vec<Value>>)> {
    (1usize..5).prop_flat_map(|cols| {
        (
            prop::collection::vec("[a-zA-Z_ é,\"]{0,8}", cols),
            prop::collection::vec(prop::collection::vec(value(), cols), 0..5),
        )
    })
}

/// Renders rows bound into `SELECT ?,? UNION ALL ...` with the real renderer.
fn render(mode: Mode, opts: &Options, names: &[String], rows: &[Vec<Value>]) -> Vec<u8> {
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    let db = Db::new(&conn);
    let mut params = BTreeMap::new();
    let mut selects = Vec::new();
    let mut n = 0;
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, v)| {
                n += 1;
                params.insert(n.to_string(), v.clone());
                format!("?{n} AS \"{}\"", names[i].replace('"', "\"\""))
            })
            .collect();
        selects.push(format!("SELECT {}", cells.join(", ")));
    }
    if selects.is_empty() {
        let cells: Vec<String> = names
            .iter()
            .map(|c| format!("NULL AS \"{}\"", c.replace('"', "\"\"")))
            .collect();
        selects.push(format!("SELECT {} WHERE 0", cells.join(", ")));
    }
    let sql = CString::new(selects.join(" UNION ALL ")).unwrap();
    let (stmt, _) = db.prepare(&sql, 0).unwrap();
    let mut stmt = stmt.unwrap();
    stmt.bind(&params).unwrap();
    let mut out = Vec::new();
    let mut r = renderer(mode, opts);
    r.begin(&mut out, &stmt.column_names());
    while let Ok(Step::Row) = stmt.step(&db) {
        r.row(&mut out, &stmt.row());
    }
    r.end(&mut out);
    out
}

/// What the sqlite3 shell prints for a value: SQLite's text, cut at a NUL.
fn shell_text(v: &Value) -> Vec<u8> {
    let bytes = match v {
        Value::Null => return Vec::new(),
        Value::Integer(i) => i.to_string().into_bytes(),
        Value::Real(_) => return Vec::new(),
        Value::Text(t) => t.clone().into_bytes(),
        Value::Blob(b) => b.clone(),
    };
    match bytes.iter().position(|&b| b == 0) {
        Some(i) => bytes[..i].to_vec(),
        None => bytes,
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_renderer_survives_any_rows((names, rows) in result_set()) {
        for mode in Mode::ALL {
            let opts = Options { maxrows: Some(3), width: Some(60), ..Options::default() };
            let _ = render(mode, &opts, &names, &rows);
        }
    }

    #[test]
    fn json_and_jsonl_always_parse((names, rows) in result_set()) {
        let json = render(Mode::Json, &Options::default(), &names, &rows);
        let parsed: serde_json::Value = serde_json::from_slice(&json).unwrap();
        prop_assert_eq!(parsed.as_array().map(Vec::len), Some(rows.len()));
        let jsonl = render(Mode::Jsonl, &Options::default(), &names, &rows);
        let lines: Vec<&[u8]> = jsonl.split(|&b| b == b'\n').filter(|l| !l.is_empty()).collect();
        prop_assert_eq!(lines.len(), rows.len());
        for l in lines {
            let v: serde_json::Value = serde_json::from_slice(l).unwrap();
            prop_assert!(v.is_object());
        }
    }

    #[test]
    fn csv_reads_back_as_the_same_fields((names, rows) in result_set()) {
        let opts = Options { headers: false, colsep: ",".into(), rowsep: "\r\n".into(), ..Options::default() };
        let out = render(Mode::Csv, &opts, &names, &rows);
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(&out[..]);
        let records: Vec<csv::ByteRecord> = reader.byte_records().map(|r| r.unwrap()).collect();
        // A row whose only value is NULL is a blank line, which a CSV reader skips.
        let expected: Vec<&Vec<Value>> = rows
            .iter()
            .filter(|r| !(r.len() == 1 && matches!(r[0], Value::Null)))
            .collect();
        prop_assert_eq!(records.len(), expected.len());
        for (record, row) in records.iter().zip(expected) {
            prop_assert_eq!(record.len(), row.len());
            for (field, v) in record.iter().zip(row) {
                if !matches!(v, Value::Real(_)) {
                    prop_assert_eq!(field, &shell_text(v)[..]);
                }
            }
        }
    }
}
