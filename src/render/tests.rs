//! Renderer tests: each renders a real SQLite result, so what is checked is what a user sees.

use super::*;
use crate::sqlite::query;

/// Renders the result of `sql` (run on a fresh in-memory database) in `mode`.
pub(crate) fn render(mode: Mode, opts: &Options, sql: &str) -> String {
    let conn = rusqlite::Connection::open_in_memory().expect("an in-memory database");
    let grid = query(&conn, sql, &[]).expect("test SQL runs");
    let mut out = Vec::new();
    let opts = Options {
        mode,
        ..opts.clone()
    };
    render_grid(&opts, &grid, &mut out).expect("writes to memory");
    String::from_utf8_lossy(&out).into_owned()
}

fn opts() -> Options {
    Options::default()
}

const VALUES: &str = "SELECT 1 AS i, 2.5 AS r, 'a,b' AS t, NULL AS n, x'0aff' AS b \
                      UNION ALL SELECT -7, 1e300, 'x\"y', NULL, x''";

#[test]
fn list_joins_with_the_separator_and_prints_headers_once() {
    assert_eq!(
        render(Mode::List, &opts(), VALUES),
        "i|r|t|n|b\n1|2.5|a,b||\n\u{fffd}\n-7|1.0e+300|x\"y||\n"
    );
}

#[test]
fn csv_quotes_like_the_sqlite3_shell() {
    let o = Options {
        colsep: ",".into(),
        rowsep: "\r\n".into(),
        ..opts()
    };
    assert_eq!(
        render(
            Mode::Csv,
            &o,
            "SELECT 'a,b' AS x, '' AS y, ' s' AS z, 'q\"q' AS w, 'é' AS v, 3 AS u"
        ),
        "x,y,z,w,v,u\r\n\"a,b\",\"\",\" s\",\"q\"\"q\",\"é\",3\r\n"
    );
}

#[test]
fn line_right_aligns_names_and_separates_rows() {
    assert_eq!(
        render(
            Mode::Line,
            &opts(),
            "SELECT 1 AS a, 'x' AS longname UNION ALL SELECT 2, NULL"
        ),
        "       a = 1\nlongname = x\n\n       a = 2\nlongname = \n"
    );
}

#[test]
fn quote_writes_sql_literals() {
    let o = Options {
        colsep: ",".into(),
        ..opts()
    };
    assert_eq!(
        render(
            Mode::Quote,
            &o,
            "SELECT 1 AS a, 0.5 AS b, 'it''s' AS c, x'01' AS d, NULL AS e"
        ),
        "'a','b','c','d','e'\n1,0.5,'it''s',X'01',NULL\n"
    );
}

#[test]
fn insert_names_columns_with_headers_and_escapes_newlines() {
    let o = Options {
        table_name: "t".into(),
        ..opts()
    };
    assert_eq!(
        render(
            Mode::Insert,
            &o,
            "SELECT 1 AS a, 'x\ny' AS \"b c\", 2.0 AS d"
        ),
        "INSERT INTO t(a,\"b c\",d) VALUES(1,replace('x\\ny','\\n',char(10)),2.0);\n"
    );
    let o = Options {
        headers: false,
        ..o
    };
    assert_eq!(
        render(Mode::Insert, &o, "SELECT 1 AS a"),
        "INSERT INTO t VALUES(1);\n"
    );
}

#[test]
fn json_is_valid_with_exact_integers_and_hex_blobs() {
    let out = render(
        Mode::Json,
        &opts(),
        "SELECT 9223372036854775807 AS i, 0.1 AS r, x'0aff' AS b, NULL AS n, 'é\u{1}\"' AS t \
         UNION ALL SELECT -9223372036854775808, 1e300, x'', NULL, ''",
    );
    assert_eq!(
        out,
        "[{\"i\":9223372036854775807,\"r\":0.1,\"b\":\"0aff\",\"n\":null,\"t\":\"é\\u0001\\\"\"},\n\
         {\"i\":-9223372036854775808,\"r\":1e+300,\"b\":\"\",\"n\":null,\"t\":\"\"}]\n"
    );
    assert_eq!(render(Mode::Json, &opts(), "SELECT 1 AS a WHERE 0"), "[]\n");
}

#[test]
fn jsonl_writes_one_object_per_line_and_nothing_for_no_rows() {
    assert_eq!(
        render(Mode::Jsonl, &opts(), "SELECT 1 AS a UNION ALL SELECT 2"),
        "{\"a\":1}\n{\"a\":2}\n"
    );
    assert_eq!(render(Mode::Jsonl, &opts(), "SELECT 1 AS a WHERE 0"), "");
}

#[test]
fn zero_rows_print_nothing_in_the_sqlite3_modes() {
    for mode in [
        Mode::List,
        Mode::Csv,
        Mode::Tabs,
        Mode::Line,
        Mode::Quote,
        Mode::Insert,
    ] {
        assert_eq!(
            render(mode, &opts(), "SELECT 1 AS a WHERE 0"),
            "",
            "{mode:?}"
        );
    }
}

#[test]
fn bundled_sqlite_renders_reals_with_its_own_rule() {
    // The bundled SQLite (3.50) writes up to 17 significant digits where 3.40 wrote 15;
    // these pin what scoql prints, from sqlite3_column_text.
    let out = render(
        Mode::List,
        &Options {
            headers: false,
            ..opts()
        },
        "SELECT 0.1 + 0.2, 1.0 / 3, 1e-5, 100.0, 2e20",
    );
    assert_eq!(
        out,
        "0.30000000000000004|0.33333333333333332|1.0e-05|100.0|2.0e+20\n"
    );
}

mod props {
    //! Every renderer over generated results (1,000 cases each): nothing panics, JSON
    //! always parses, CSV reads back as the same fields.

    use super::super::*;
    use crate::value::{Value, c_text};
    use proptest::prelude::*;

    fn value() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            any::<i64>().prop_map(Value::Integer),
            any::<f64>().prop_map(Value::real),
            prop_oneof![Just(0.1), Just(1e300), Just(-0.0), Just(1e-7), Just(2.5)]
                .prop_map(Value::real),
            any::<String>().prop_map(Value::from),
            "[\\x00-\\x1f\"', \\n\\r\\t]{0,6}".prop_map(Value::from),
            prop::collection::vec(any::<u8>(), 0..40).prop_map(|b| Value::Blob(b.into())),
        ]
    }

    /// A result of 1–4 columns and 0–4 rows.
    fn result_set() -> impl Strategy<Value = Grid> {
        (1usize..5).prop_flat_map(|cols| {
            (
                prop::collection::vec("[a-zA-Z_ é,\"]{0,8}", cols),
                prop::collection::vec(prop::collection::vec(value(), cols), 0..5),
            )
                .prop_map(|(columns, rows)| Grid { columns, rows })
        })
    }

    fn render(opts: &Options, grid: &Grid) -> Vec<u8> {
        let mut out = Vec::new();
        render_grid(opts, grid, &mut out).expect("writes to memory");
        out
    }

    /// What the sqlite3 shell prints for a value: SQLite's text, cut at a NUL.
    fn shell_text(v: &Value) -> Vec<u8> {
        match v.cell() {
            Cell::Null => Vec::new(),
            Cell::Integer(i) => i.to_string().into_bytes(),
            Cell::Real(_, t) | Cell::Text(t) | Cell::Blob(t) => c_text(t).to_vec(),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn every_renderer_survives_any_rows(grid in result_set()) {
            for &mode in Mode::all() {
                let opts = Options { mode, maxrows: Some(3), width: Some(60), ..Options::default() };
                let _ = render(&opts, &grid);
            }
        }

        #[test]
        fn json_and_jsonl_always_parse(grid in result_set()) {
            let json = render(&Options { mode: Mode::Json, ..Options::default() }, &grid);
            let parsed: serde_json::Value = serde_json::from_slice(&json).expect("valid JSON");
            prop_assert_eq!(parsed.as_array().map(Vec::len), Some(grid.rows.len()));
            let jsonl = render(&Options { mode: Mode::Jsonl, ..Options::default() }, &grid);
            let lines: Vec<&[u8]> = jsonl.split(|&b| b == b'\n').filter(|l| !l.is_empty()).collect();
            prop_assert_eq!(lines.len(), grid.rows.len());
            for l in lines {
                let v: serde_json::Value = serde_json::from_slice(l).expect("valid JSON line");
                prop_assert!(v.is_object());
            }
        }

        #[test]
        fn csv_reads_back_as_the_same_fields(grid in result_set()) {
            let opts = Options {
                mode: Mode::Csv,
                headers: false,
                colsep: ",".into(),
                rowsep: "\r\n".into(),
                ..Options::default()
            };
            let out = render(&opts, &grid);
            let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(&out[..]);
            let records: Vec<csv::ByteRecord> =
                reader.byte_records().map(|r| r.expect("a CSV record")).collect();
            // A row whose only value is NULL is a blank line, which a CSV reader skips.
            let expected: Vec<&Vec<Value>> = grid
                .rows
                .iter()
                .filter(|r| !(r.len() == 1 && matches!(r[0], Value::Null)))
                .collect();
            prop_assert_eq!(records.len(), expected.len());
            for (record, row) in records.iter().zip(expected) {
                prop_assert_eq!(record.len(), row.len());
                for (field, v) in record.iter().zip(row) {
                    prop_assert_eq!(field, &shell_text(v)[..]);
                }
            }
        }
    }
}
