//! Figures of the embedded dataset through the real binary: `.chart`, `.pivot`,
//! `.summarize` and `.cite`, piped (charts then fit 80 columns) and at a terminal.

use crate::common::scoql;
use crate::repl::{Home, Term};

/// Runs `script` on stdin against the embedded dataset with `args`; (status, stdout, stderr).
fn run(args: &[&str], script: &str) -> (i32, String, String) {
    let out = scoql().args(args).write_stdin(script).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The rows of `sql` on the embedded dataset, as fields (tab-separated, NULL as `NULL`).
fn rows(sql: &str) -> Vec<Vec<String>> {
    let (code, out, err) = run(&["--tabs", "--no-headers", "--nullvalue", "NULL"], sql);
    assert_eq!(code, 0, "{sql}: {err}");
    out.lines()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

const TRAIN_COUNTS: &str = "SELECT period, qualifier, value, unit, basis, scope, source_id FROM train_counts \
                            WHERE period_kind = 'year' AND route_id IS NULL;";

#[test]
fn a_bar_chart_of_train_counts_by_basis_shows_the_gaps_and_both_2025_sources() {
    let (code, out, err) = run(
        &[],
        &format!(".chart --next bar --by basis\n{TRAIN_COUNTS}\n"),
    );
    assert_eq!((code, err.as_str()), (0, ""));
    // The chart replaces the table; piped, it fits 80 columns.
    assert_eq!(
        out,
        "\
value (trains) by period, one series per basis
2020  operated             │████████████▌ 401                                S28
2021  operated             │███████████████████▎ 621                         S01
2022                       ┆ no value
2023  arrivals_departures  │██████████████████████████▊ 863                  S53
2024                       ┆ no value
2025  arrivals_departures  │██████████████████████████████████████ 1225      S58
2025  arrivals_departures  │██████████████████████████████████████ 1225      S59
operated mixes scope: multimodal_centre (2020), zone (2021)
Sources: S01, S28, S53, S58, S59
"
    );
}

#[test]
fn a_chart_of_values_in_different_units_is_refused_naming_the_units() {
    let (code, out, err) = run(
        &["--csv"],
        "SELECT period, value, unit, value_base, unit_base FROM sco_trade \
         WHERE metric = 'trade_sco' AND scope = 'zone';\n.chart spark\n",
    );
    assert_eq!(code, 1);
    assert!(
        out.starts_with("period,value,unit"),
        "the result is drawn: {out}"
    );
    assert!(!out.contains('▁'), "no chart is drawn: {out}");
    for unit in ["'million CNY'", "'100 million CNY'", "'billion CNY'"] {
        assert!(err.contains(unit), "{unit} named: {err}");
    }
    assert!(err.contains("chart value_base"), "{err}");
}

#[test]
fn a_sparkline_of_sco_trade_shows_the_missing_year_and_who_states_each_value() {
    let (code, out, err) = run(
        &[],
        ".chart --next spark\n\
         SELECT period, value_base, unit_base, sources FROM sco_trade \
         WHERE metric = 'trade_sco' AND scope = 'zone' AND period GLOB '[0-9][0-9][0-9][0-9]';\n",
    );
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "\
value_base (CNY) by period
2019 ▁·▄█ 2022  min 850000000 (2019), max 8100000000 (2022)
2019: 850000000 (S01; S37; S65)
2021: 4000000000 (S01; S37)
Sources: S01, S37, S65
"
    );
}

#[test]
fn a_pivot_of_metric_by_year_shows_a_doubled_cell_and_last_csv_exports_it() {
    let (code, out, err) = run(
        &["--list"],
        "SELECT metric, substr(period, 1, 4) AS year, value, unit, source_id FROM facts \
         WHERE metric IN ('freight_trains', 'trade_sco') AND period GLOB '[0-9][0-9][0-9][0-9]' \
         AND (metric = 'freight_trains' OR source_id IN ('S01', 'S37')) \
         ORDER BY metric, year, source_id;\n\
         .pivot metric year value\n.last csv\n",
    );
    assert_eq!((code, err.as_str()), (0, ""));
    // Empty cells are empty (NULL), never 0; one value stays a number; two values for a
    // cell are both shown, each with its sources.
    let pivot = out
        .split("metric|2019")
        .nth(1)
        .expect("the pivot follows the result");
    assert_eq!(
        format!("metric|2019{pivot}"),
        "\
metric|2019|2020|2021|2023|2025
freight_trains||401|621|863|1225 (S58, S59)
trade_sco|850 million CNY (S01) | 8.5 100 million CNY (S37)||4 billion CNY (S01) | 40 100 million CNY (S37)||
metric,2019,2020,2021,2023,2025\r
freight_trains,,401,621,863,\"1225 (S58, S59)\"\r
trade_sco,\"850 million CNY (S01) | 8.5 100 million CNY (S37)\",,\"4 billion CNY (S01) | 40 100 million CNY (S37)\",,\r
"
    );
}

#[test]
fn summarize_facts_agrees_with_sqlite_aggregates_for_every_column() {
    let (code, out, err) = run(&["--tabs", "--nullvalue", "NULL"], ".summarize facts\n");
    assert_eq!((code, err.as_str()), (0, ""));
    let mut tables = out.split("column_name\t").nth(1).unwrap().lines();
    let header: Vec<&str> = tables.next().unwrap().split('\t').collect();
    assert_eq!(
        header,
        [
            "column_type",
            "count",
            "nulls",
            "distinct",
            "min",
            "max",
            "avg",
            "q25",
            "q50",
            "q75"
        ]
    );
    let columns: Vec<String> = rows("SELECT name FROM pragma_table_info('facts');")
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    let summary: Vec<Vec<String>> = tables
        .by_ref()
        .take(columns.len())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    for (c, row) in columns.iter().zip(&summary) {
        assert_eq!(&row[0], c);
        let expected = rows(&format!(
            "SELECT count({c}), count(*) - count({c}), count(DISTINCT {c}), min({c}), max({c}) \
             FROM facts;"
        ));
        assert_eq!(row[2..7], expected[0][..], "{c}");
    }
    // value_base holds only numbers: exact quartiles are elements of the data.
    let vb = summary.iter().find(|r| r[0] == "value_base").unwrap();
    let nth = |q: f64| {
        let n: f64 = vb[2].parse().unwrap();
        let k = ((n - 1.0) * q).floor();
        rows(&format!(
            "SELECT value_base FROM facts WHERE value_base IS NOT NULL \
             ORDER BY value_base LIMIT 1 OFFSET {k};"
        ))[0][0]
            .clone()
    };
    assert_eq!(vb[8..11], [nth(0.25), nth(0.5), nth(0.75)]);
    // Then a coverage line per metric, in the order the metrics first appear.
    let coverage =
        out.split("metric\tperiods\tyears\tmissing_years\tbases\tscopes\tsources\tconflicts\n");
    let coverage = coverage.last().unwrap();
    let metrics: Vec<&str> = coverage
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    let distinct = rows("SELECT count(DISTINCT metric) FROM facts;");
    assert_eq!(metrics.len().to_string(), distinct[0][0]);
    let trains = coverage
        .lines()
        .find(|l| l.starts_with("freight_trains\t"))
        .unwrap();
    let sources = rows(
        "SELECT count(DISTINCT source_id), count(DISTINCT period) FROM facts \
         WHERE metric = 'freight_trains';",
    );
    let fields: Vec<&str> = trains.split('\t').collect();
    assert_eq!(
        (fields[1], fields[6]),
        (sources[0][1].as_str(), sources[0][0].as_str())
    );
}

#[test]
fn cite_on_a_facts_query_lists_exactly_the_sources_the_result_shows() {
    let query = "SELECT ref, period, value, source_id FROM facts \
                 WHERE metric = 'freight_trains' AND period GLOB '202[0-5]' ORDER BY ref;";
    let (code, out, err) = run(&[], &format!(".cite on\n{query}\n"));
    assert_eq!((code, err.as_str()), (0, ""));
    let legend: Vec<&str> = out
        .split("Sources:\n")
        .nth(1)
        .expect("a legend follows the table")
        .lines()
        .collect();
    let shown = rows(&format!(
        "SELECT DISTINCT s.id, s.url FROM ({}) AS r JOIN sources AS s ON s.id = r.source_id \
         ORDER BY s.id;",
        query.trim_end_matches(';')
    ));
    assert_eq!(legend.len(), shown.len(), "{out}");
    for (line, source) in legend.iter().zip(&shown) {
        assert!(line.starts_with(&format!("{}  ", source[0])), "{line}");
        let address = match source[1].as_str() {
            "NULL" => "no address".to_string(),
            url => format!("<{url}>"),
        };
        assert!(line.ends_with(&address), "{line}");
    }
    // Off by default when piped, and never inside a machine format.
    let (_, plain, _) = run(&[], &format!("{query}\n"));
    assert!(!plain.contains("Sources:"), "{plain}");
    let (_, csv, _) = run(&["--cite", "--csv"], &format!("{query}\n"));
    assert!(
        !csv.contains("Sources:") && !csv.contains(" <http"),
        "{csv}"
    );
}

#[test]
fn cite_in_markdown_makes_the_sources_footnotes() {
    let (code, out, err) = run(
        &["--cite", "--markdown"],
        "SELECT ref, value, source_id FROM facts WHERE ref IN ('F145', 'F151') ORDER BY ref;\n",
    );
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        out.contains("| S58[^S58] |") && out.contains("| S59[^S59] |"),
        "{out}"
    );
    let notes: Vec<&str> = out.lines().filter(|l| l.starts_with("[^")).collect();
    assert_eq!(notes.len(), 2, "{out}");
    assert!(
        notes[0].starts_with("[^S58]: ") && notes[1].starts_with("[^S59]: "),
        "{out}"
    );
}

/// scoql on the embedded dataset in a 120-column terminal, at its first prompt.
fn terminal(tag: &str, home: &Home, env: &[(&str, &str)]) -> Term {
    let term = Term::start(tag, home, env, &[]);
    term.wait_for_prompt(1);
    term
}

#[test]
fn at_the_terminal_a_chart_fits_the_width_without_colour_under_no_color() {
    let home = Home::new();
    let term = terminal("chart", &home, &[("NO_COLOR", "1")]);
    term.submit(TRAIN_COUNTS);
    let screen = term.submit(".chart bar --by basis");
    let chart: Vec<&str> = screen
        .lines()
        .skip_while(|l| !l.starts_with("value (trains) by period"))
        .take_while(|l| !l.starts_with("scoql>"))
        .collect();
    assert!(
        chart
            .iter()
            .any(|l| l.starts_with("2022") && l.ends_with("┆ no value"))
    );
    assert!(
        chart
            .iter()
            .any(|l| l.starts_with("2024") && l.ends_with("┆ no value"))
    );
    let marks: Vec<&&str> = chart.iter().filter(|l| l.starts_with("2025")).collect();
    assert_eq!(marks.len(), 2, "{screen}");
    assert!(
        marks[0].ends_with("S58") && marks[1].ends_with("S59"),
        "{screen}"
    );
    // Fitted to the 120 columns of the terminal: the longest bar reaches the width.
    let widest = chart
        .iter()
        .filter(|l| l.starts_with("20"))
        .map(|l| l.chars().count())
        .max()
        .unwrap();
    assert_eq!(widest, 120, "{screen}");
    // At the terminal the sources travel with the result: the legend replaces the list.
    assert!(
        screen.contains("\nS58  ") && screen.contains("\nS59  "),
        "{screen}"
    );
    assert!(!term.screen_with_escapes().contains("\x1b[3"), "no colour");
}

#[test]
fn at_the_terminal_bars_are_coloured_and_a_missing_year_is_dim() {
    let home = Home::new();
    let term = terminal("colour", &home, &[]);
    term.submit(TRAIN_COUNTS);
    term.submit(".chart --by basis");
    let screen = term.screen_with_escapes();
    assert!(screen.contains("\x1b[36m█"), "{screen:?}");
    assert!(screen.contains("\x1b[2mno value"), "{screen:?}");
}

#[test]
fn summarize_takes_a_query_typed_as_it_is_quotes_and_all() {
    // `.summarize [TABLE|QUERY]` once took one argument only, so the query its usage names
    // had to be wrapped in double quotes that the help never mentioned.
    let typed = ".summarize select value from facts where unit = 'trains' and value > 1000\n";
    let quoted = ".summarize \"select value from facts where unit = 'trains' and value > 1000\"\n";
    let (code, out, err) = run(&["--tabs", "--no-headers"], typed);
    assert_eq!((code, err.as_str()), (0, ""));
    let (_, expected, _) = run(&["--tabs", "--no-headers"], quoted);
    assert!(out.starts_with("value\tinteger\t"), "{out}");
    assert_eq!(out, expected);
    let count = rows("select count(*) from facts where unit = 'trains' and value > 1000;");
    assert_eq!(out.split('\t').nth(2), Some(count[0][0].as_str()));
}

#[test]
fn a_pivot_never_sets_values_of_different_units_side_by_side_without_them() {
    // value_base is in unit_base (CNY), never in the stated unit: 850000000 is not
    // "850000000 million CNY". Three sources agree on 850,000,000 CNY for 2019.
    let query = "SELECT metric, period, value, unit, value_base, unit_base, source_id FROM facts \
                 WHERE metric = 'trade_sco' AND scope = 'zone' AND period GLOB '20[0-9][0-9]' \
                 ORDER BY period, source_id;";
    let (code, out, err) = run(
        &["--csv"],
        &format!("{query}\n.pivot metric period value_base\n{query}\n.pivot metric period value\n"),
    );
    assert_eq!((code, err.as_str()), (0, ""));
    // Each pivot: its header and its one row.
    let pivots: Vec<Vec<&str>> = out
        .split("metric,2019,2021,2022\n")
        .skip(1)
        .map(|p| p.lines().take(1).collect())
        .collect();
    assert_eq!(
        pivots,
        vec![
            vec!["trade_sco,\"850000000 (S01, S37, S65)\",\"4000000000 (S01, S37)\",8100000000"],
            // A row whose values are in several units shows every value's unit: 81 alone
            // in 2022 is 81 hundred million CNY, not 81 of whatever 850 was.
            vec![
                "trade_sco,\"850 million CNY (S01) | 8.5 100 million CNY (S37, S65)\",\
                 \"4 billion CNY (S01) | 40 100 million CNY (S37)\",\"81 100 million CNY\""
            ],
        ]
    );
}

#[test]
fn a_chart_of_series_checks_reads_the_unit_qualifier_and_source_of_value_a() {
    // value_a is described by unit_a, qualifier_a and source_a: its units differ (cities,
    // routes, lines, trains), so the chart is refused; one unit draws with "more than" and
    // the sources.
    let (code, out, err) = run(
        &[],
        "SELECT * FROM series_checks;\n.chart bar finding value_a\n",
    );
    assert_eq!(code, 1, "{out}");
    assert!(
        err.contains("the values of value_a are in") && err.contains("'cities'"),
        "{err}"
    );
    let (code, out, err) = run(
        &[],
        ".chart --next bar ref_a value_a\nSELECT * FROM series_checks WHERE unit_a = 'trains';\n",
    );
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.contains("more than 2000"), "{out}");
    assert!(out.contains("value_a (trains) by ref_a"), "{out}");
    assert!(out.contains("Sources: S11"), "{out}");
}

#[test]
fn a_chart_of_growth_checks_prior_values_reads_their_own_unit_and_sources() {
    // prior_value is in prior_unit and stated by prior_source_id: F103's base is 455
    // trains stated by S31, not trips stated by S41; F095's base is 297 trains (S30).
    let (code, out, err) = run(
        &[],
        ".chart --next bar ref prior_value\n\
         SELECT * FROM growth_check WHERE ref IN ('F095', 'F103') ORDER BY ref;\n",
    );
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.contains("prior_value (trains) by ref"), "{out}");
    assert!(out.contains("Sources: S30, S31\n"), "{out}");
}

#[test]
fn a_refused_next_chart_names_the_query_and_still_shows_its_result() {
    // `.chart --next` draws the chart instead of the table; when the chart is refused the
    // result was lost and the error said neither where nor which query.
    let (code, out, err) = run(
        &["--no-config"],
        ".chart --next bar\nselect 'z' as l, 'text' as v;\nselect 1;\n",
    );
    assert_eq!(code, 1, "{out}");
    assert!(
        err.contains("no numeric column to chart") && err.contains("--> <stdin>:2:1"),
        "{err}"
    );
    assert!(out.contains("│ z │ text │"), "{out}");
}

#[test]
fn at_the_terminal_summarize_notes_fit_the_width() {
    let home = Home::new();
    let term = Term::start_sized(
        "summarize-notes",
        &home,
        &[("NO_COLOR", "1")],
        &[],
        (80, 60),
    );
    term.wait_for_prompt(1);
    let screen = term.submit(".summarize facts");
    assert!(
        screen.contains("note: value_base is in 9 units"),
        "{screen}"
    );
    for line in screen.lines() {
        assert!(
            line.chars().count() <= 80,
            "{line:?} is wider than 80:\n{screen}"
        );
    }
}

#[test]
fn a_chart_reads_the_unit_and_qualifier_a_column_names_for_itself() {
    // investment_batches' amount is in amount_unit: 668 (100 million CNY) was drawn twelve
    // times as long as 56.7 (billion CNY).
    let (code, out, err) = run(
        &[],
        ".chart --next bar name amount\n.run investment_batches\n",
    );
    assert_eq!(code, 1, "{out}");
    assert!(
        err.contains("the values of amount are in") && err.contains("'100 million CNY'"),
        "{err}"
    );
    // growth_check's stated_pct is a percentage whatever the level's unit, and its
    // qualifier is stated_qualifier: it was refused as 'trains', 'billion CNY', ...
    let (code, out, err) = run(
        &[],
        ".chart --next bar ref stated_pct\n\
         SELECT * FROM growth_check WHERE metric = 'freight_trains_yoy' AND period = '2025';\n",
    );
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.starts_with("stated_pct by ref\n"), "{out}");
    assert!(out.contains("more than 20.0"), "{out}");
    // computed_pct has no unit column of its own either.
    let (code, _, err) = run(
        &[],
        ".chart --next bar ref computed_pct\n\
         SELECT * FROM growth_check WHERE computed_pct IS NOT NULL;\n",
    );
    assert_eq!((code, err.as_str()), (0, ""));
    // unit_base is the unit of value_base (and prior_value_base), not of yoy_growth's
    // growth_pct: the percentages were refused as USD, count and CNY, or titled (count).
    let (code, out, err) = run(
        &[],
        ".chart --next bar ref growth_pct\nSELECT * FROM yoy_growth;\n",
    );
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.starts_with("growth_pct by ref\n"), "{out}");
    let (code, out, err) = run(
        &[],
        ".chart --next bar ref prior_value_base\nSELECT * FROM yoy_growth WHERE unit_base = 'count';\n",
    );
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        out.starts_with("prior_value_base (count) by ref\n"),
        "{out}"
    );
}

#[test]
fn a_pivot_row_that_mixes_bases_or_scopes_says_so_as_the_chart_does() {
    // The chart of this result notes that 'operated' mixes the multimodal centre (2020)
    // and the zone (2021); the pivot set 401 beside 621 in one row and said nothing. A
    // metric × year pivot set four counting bases in one row (issue 12's 401, 621, 863,
    // 1225).
    let (code, out, err) = run(&[], &format!("{TRAIN_COUNTS}\n.pivot basis period value\n"));
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        out.ends_with(
            "2 rows\nnote: operated mixes scope: multimodal_centre (2020), zone (2021)\n"
        ),
        "{out}"
    );
    let (code, out, err) = run(
        &[],
        "SELECT metric, substr(period, 1, 4) AS year, value, unit, basis, scope, source_id \
         FROM facts WHERE metric = 'freight_trains' AND period GLOB '[0-9][0-9][0-9][0-9]';\n\
         .pivot metric year value\n",
    );
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        out.contains(
            "note: freight_trains mixes basis: arrivals_departures (2023, 2025), operated \
             (2021, 2020)\nnote: freight_trains mixes scope: multimodal_centre (2020), zone \
             (2021, 2023, 2025)\n"
        ),
        "{out}"
    );
    // Machine modes stay data only.
    let (_, out, _) = run(
        &["--csv"],
        &format!("{TRAIN_COUNTS}\n.pivot basis period value\n"),
    );
    assert!(!out.contains("note:"), "{out}");
}

#[test]
fn summarize_coverage_says_which_bases_and_scopes_a_metrics_years_come_from() {
    // trade_sco read "2017–2019, 2021–2022, missing 2020" as if one series: 2017 and 2018
    // are Qingdao's, the zone's own figures start in 2019.
    let (code, out, err) = run(&["--tabs"], ".summarize sco_trade\n");
    assert_eq!((code, err.as_str()), (0, ""));
    let coverage = out
        .split("metric\tperiods\tyears\tmissing_years\tscopes\tsources\tconflicts\n")
        .nth(1)
        .unwrap_or_else(|| panic!("a coverage with scopes:\n{out}"));
    let trade = coverage
        .lines()
        .find(|l| l.starts_with("trade_sco\t"))
        .unwrap();
    assert!(
        trade.ends_with("\tzone: 2019, 2021–2022; qingdao: 2017–2019, 2022\t9\t0"),
        "{trade}"
    );
}

#[test]
fn at_the_terminal_summarize_coverage_never_cuts_a_list_of_years() {
    // At 100 columns the years read "2018–…" (as if from 2018 on) and "2015, …".
    let home = Home::new();
    let term = Term::start_sized(
        "coverage-years",
        &home,
        &[("NO_COLOR", "1")],
        &[],
        (100, 60),
    );
    term.wait_for_prompt(1);
    let screen = term.submit(".summarize facts");
    // The coverage table is the one that starts with `metric`; its lists of years are
    // drawn whole or left out, and `metric` (a code) is drawn whole.
    let coverage: Vec<&str> = screen
        .lines()
        .skip_while(|l| !(l.starts_with("│ metric ") && l.contains("│ periods ")))
        .take_while(|l| !l.starts_with('└'))
        .collect();
    assert!(coverage.len() > 20, "{screen}");
    for line in &coverage {
        assert!(
            !line.contains("–…") && !line.contains(", …"),
            "{line:?} cuts a list:\n{screen}"
        );
        assert!(line.chars().count() <= 100, "{line:?}");
    }
}
