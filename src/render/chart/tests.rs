//! The drawing of charts: snapshots of each kind (read them: they are what a user sees),
//! the refusals, and the property that bars are as long as their values say and that
//! nothing is drawn that the chart was not given.

use super::*;
use proptest::prelude::*;

fn mark(value: f64, source: &str) -> Mark {
    Mark {
        value,
        text: if value.fract() == 0.0 {
            format!("{}", value as i64)
        } else {
            format!("{value}")
        },
        qualifier: None,
        source: (!source.is_empty()).then(|| source.to_string()),
    }
}

/// A chart of one unnamed series over `labels`, each with its marks.
fn one_series(kind: Kind, labels: &[(&str, Vec<Mark>)], is_calendar: bool) -> Chart {
    Chart {
        kind,
        title: "value (trains) by period".into(),
        series: vec![String::new()],
        labels: labels.iter().map(|(l, _)| l.to_string()).collect(),
        is_calendar,
        marks: labels.iter().map(|(_, m)| vec![m.clone()]).collect(),
        notes: Vec::new(),
        sources: "Sources: S01".into(),
        ids: vec!["S01".into()],
    }
}

fn plain(width: usize) -> ChartOptions {
    ChartOptions {
        width,
        color: false,
    }
}

#[test]
fn bars_start_at_zero_and_a_missing_year_is_a_line_that_says_so() {
    let chart = one_series(
        Kind::Bar,
        &[
            ("2020", vec![mark(401.0, "S28")]),
            ("2021", vec![mark(621.0, "S01")]),
            ("2022", vec![]),
            ("2023", vec![mark(863.0, "S53")]),
        ],
        true,
    );
    let text = draw(&chart, &plain(60)).expect("draws");
    assert_eq!(
        text,
        "\
value (trains) by period
2020  │██████████████████▏ 401                           S28
2021  │████████████████████████████▏ 621                 S01
2022  ┆ no value
2023  │███████████████████████████████████████ 863       S53
Sources: S01
"
    );
    assert!(text.lines().all(|l| width(l) <= 60), "{text}");
}

#[test]
fn two_values_for_one_year_are_two_bars_each_with_its_source() {
    let mut chart = one_series(
        Kind::Bar,
        &[("2025", vec![mark(1225.0, "S58"), mark(1225.0, "S59")])],
        true,
    );
    chart.marks[0][0][1].qualifier = Some("more than".into());
    let text = draw(&chart, &plain(50)).expect("draws");
    assert_eq!(
        text,
        "\
value (trains) by period
2025  │███████████████████████ 1225            S58
2025  │███████████████████████ more than 1225  S59
Sources: S01
"
    );
}

#[test]
fn a_series_with_a_hole_in_its_years_shows_the_hole_while_another_has_a_value() {
    let chart = Chart {
        kind: Kind::Bar,
        title: "value by period, one series per basis".into(),
        series: vec!["operated".into(), "departures".into()],
        labels: vec!["2020".into(), "2021".into(), "2022".into()],
        is_calendar: true,
        marks: vec![
            vec![vec![mark(4.0, "")], vec![]],
            vec![vec![], vec![mark(2.0, "")]],
            vec![vec![mark(8.0, "")], vec![]],
        ],
        notes: vec!["a note".into()],
        sources: "Sources: not in the result".into(),
        ids: Vec::new(),
    };
    let text = draw(&chart, &plain(40)).expect("draws");
    assert_eq!(
        text,
        "\
value by period, one series per basis
2020  operated    │██████ 4
2021  operated    ┆ no value
2021  departures  │███ 2
2022  operated    │████████████ 8
a note
Sources: not in the result
"
    );
}

#[test]
fn negative_values_run_left_of_the_zero_axis() {
    let chart = one_series(
        Kind::Bar,
        &[
            ("a", vec![mark(-3.0, "")]),
            ("b", vec![mark(6.0, "")]),
            ("c", vec![mark(0.0, "")]),
        ],
        false,
    );
    let text = draw(&chart, &plain(40)).expect("draws");
    assert_eq!(
        text,
        "\
value (trains) by period
a  -3 ████████│
b             │███████████████▍ 6
c             │ 0
Sources: S01
"
    );
}

#[test]
fn a_narrow_terminal_puts_labels_on_lines_of_their_own_and_keeps_values_whole() {
    let chart = one_series(
        Kind::Bar,
        &[
            (
                "Kazakhstan and the rest of Central Asia",
                vec![mark(12.0, "S01")],
            ),
            ("Uzbekistan", vec![mark(1234567.5, "S02")]),
        ],
        false,
    );
    let text = draw(&chart, &plain(36)).expect("draws");
    assert!(text.lines().all(|l| width(l) <= 36), "{text}");
    assert_eq!(
        text,
        "\
value (trains) by period
Kazakhstan and the rest of Central
Asia
  │▏ 12                          S01
Uzbekistan
  │██████████████████ 1234567.5  S02
Sources: S01
"
    );
}

#[test]
fn a_sparkline_has_a_cell_per_year_a_dot_for_a_gap_and_notes_for_doubled_years() {
    let chart = one_series(
        Kind::Spark,
        &[
            ("2019", vec![mark(850.0, "S01"), mark(850.0, "S37")]),
            ("2020", vec![]),
            ("2021", vec![mark(4000.0, "S01"), mark(4100.0, "S37")]),
            ("2022", vec![mark(8100.0, "S65")]),
        ],
        true,
    );
    let text = draw(&chart, &plain(80)).expect("draws");
    // Two values in 2021: every year gets two cells, so the two are two marks.
    assert_eq!(
        text,
        "\
value (trains) by period
2019 ▁  ·  ▄▅ █  2022  min 850 (2019), max 8100 (2022)
2019: 850 (S01, S37)
2021: 4000 (S01); 4100 (S37)
Sources: S01
"
    );
}

#[test]
fn a_sparkline_refuses_negative_values_and_more_periods_than_columns() {
    let neg = one_series(Kind::Spark, &[("2020", vec![mark(-1.0, "")])], true);
    let e = draw(&neg, &plain(80)).expect_err("refused");
    assert!(e.contains("-1") && e.contains(".chart bar"), "{e}");
    let years: Vec<(String, Vec<Mark>)> = (1900..2000)
        .map(|y| (y.to_string(), vec![mark(1.0, "")]))
        .collect();
    let labels: Vec<(&str, Vec<Mark>)> =
        years.iter().map(|(y, m)| (y.as_str(), m.clone())).collect();
    let long = one_series(Kind::Spark, &labels, true);
    let e = draw(&long, &plain(80)).expect_err("refused");
    assert!(e.contains("100 periods") && e.contains("80 columns"), "{e}");
}

#[test]
fn a_line_chart_marks_each_value_from_zero_and_leaves_a_gap_dotted() {
    let chart = one_series(
        Kind::Line,
        &[
            ("2019", vec![mark(2.0, "S01")]),
            ("2020", vec![]),
            ("2021", vec![mark(4.0, "S01"), mark(8.0, "S37")]),
        ],
        true,
    );
    let text = draw(&chart, &plain(16)).expect("draws");
    assert_eq!(
        text,
        "\
value (trains)
by period
8 ┤      ┊   ●
  │      ┊
  │      ┊
  │      ┊   ●
  │      ┊
  │  ●   ┊
  │      ┊
0 ┤      ┊
  └────────────
   2019    2021
2021: 4 (S01); 8
(S37)
Sources: S01
"
    );
}

#[test]
fn colour_paints_bars_and_leaves_the_text_measurable() {
    let chart = one_series(Kind::Bar, &[("a", vec![mark(1.0, "S01")])], false);
    let coloured = draw(
        &chart,
        &ChartOptions {
            width: 30,
            color: true,
        },
    )
    .expect("draws");
    assert!(coloured.contains("\x1b[36m"), "{coloured:?}");
    assert_eq!(strip(&coloured), draw(&chart, &plain(30)).expect("draws"));
}

/// A bar line read back: its value text and its length in eighths of a column (negative
/// for a bar left of the axis).
fn read_bar(line: &str) -> Option<(String, i64)> {
    let axis = line.find('│')?;
    let (left, right) = (&line[..axis], &line[axis + '│'.len_utf8()..]);
    let full = |s: &str| s.chars().filter(|&c| c == '█').count() as i64;
    let neg = full(left);
    if neg > 0 {
        // `LABEL  TEXT ████`: the text is the last word before the bar.
        let before = left.trim_end_matches(['█', ' ']);
        let text = before.rsplit("  ").next()?.trim().to_string();
        return Some((text, -neg * 8));
    }
    let bar: String = right
        .chars()
        .take_while(|&c| c == '█' || EIGHTHS.contains(&c) && c != ' ')
        .collect();
    let eighths = full(&bar) * 8
        + bar
            .chars()
            .filter_map(|c| EIGHTHS.iter().position(|&e| e == c && c != ' '))
            .sum::<usize>() as i64;
    let rest = right[bar.len()..].trim_start();
    let text = rest.split("  ").next()?.trim().to_string();
    Some((text, eighths))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Every bar is as long as its value says, within one column, on one scale for both
    /// sides of the axis; every value printed is one of the chart's, each exactly once.
    #[test]
    fn bars_are_proportional_and_draw_only_the_values_given(
        values in prop::collection::vec(
            prop_oneof![-1000i64..1000, Just(0i64), 1i64..3, 100_000i64..100_000_000],
            1..12,
        ),
        width in 40usize..160,
        has_sources in any::<bool>(),
    ) {
        let labels: Vec<String> = (0..values.len()).map(|i| format!("row {i}")).collect();
        let marks: Vec<Mark> = values
            .iter()
            .enumerate()
            .map(|(i, &v)| mark(v as f64, if has_sources { ["S01", "S102"][i % 2] } else { "" }))
            .collect();
        let chart = Chart {
            kind: Kind::Bar,
            title: "t".into(),
            series: vec![String::new()],
            labels: labels.clone(),
            is_calendar: false,
            marks: marks.iter().map(|m| vec![vec![m.clone()]]).collect(),
            notes: Vec::new(),
            sources: String::new(),
            ids: Vec::new(),
        };
        let text = draw(&chart, &plain(width)).map_err(TestCaseError::fail)?;
        let bars: Vec<(String, i64)> = text.lines().skip(1).filter_map(read_bar).collect();
        prop_assert_eq!(bars.len(), values.len(), "{}", text);
        let mut printed: Vec<&str> = bars.iter().map(|(t, _)| t.as_str()).collect();
        let mut given: Vec<&str> = marks.iter().map(|m| m.text.as_str()).collect();
        printed.sort_unstable();
        given.sort_unstable();
        prop_assert_eq!(printed, given, "{}", text);
        let (top, top_len) = values
            .iter()
            .zip(&bars)
            .map(|(&v, (_, len))| (v.abs() as f64, len.abs() as f64))
            .fold((0.0, 0.0), |a, b| if b.0 > a.0 { b } else { a });
        for (&v, (t, len)) in values.iter().zip(&bars) {
            let expected = if top > 0.0 { v.abs() as f64 / top * top_len } else { 0.0 };
            prop_assert!(
                (len.abs() as f64 - expected).abs() <= 8.0,
                "{t}: {len} eighths, expected {expected}\n{text}"
            );
            prop_assert_eq!(v < 0, *len < 0, "{}", text);
        }
        prop_assert!(text.lines().all(|l| width_of(l) <= width), "{}", text);
    }
}

fn width_of(l: &str) -> usize {
    width(l)
}

#[test]
fn the_title_notes_and_sources_wrap_to_the_width_between_words() {
    let mut chart = one_series(Kind::Bar, &[("2021", vec![mark(621.0, "S01")])], false);
    chart.title = "value (trains) by period, one series per basis".into();
    chart.notes = vec!["operated mixes scope: multimodal_centre (2020), zone (2021)".into()];
    chart.sources = "Sources: not in the result (it has no source_id or ref column)".into();
    let out = draw(&chart, &plain(40)).expect("draws");
    for line in out.lines() {
        assert!(width(line) <= 40, "{line:?} is wider than 40:\n{out}");
    }
    // Nothing is lost in the wrapping: the same words, in order.
    let words: Vec<&str> = out.split_whitespace().collect();
    let text = words.join(" ");
    assert!(
        text.contains("multimodal_centre (2020), zone (2021)")
            && text.contains("(it has no source_id or ref column)"),
        "{out}"
    );
}

#[test]
fn labels_that_do_not_fit_beside_their_bars_get_a_line_of_their_own_whole() {
    // At 40 columns the periods were cut: "2022 Jan-May", "2022 Jan-Aug" and "2022 Jan-Nov"
    // all read "2022 J…", three values seemingly for one period.
    let chart = one_series(
        Kind::Bar,
        &[
            ("2021", vec![mark(621.0, "S01")]),
            ("2022 Jan-May", vec![mark(357.0, "S39")]),
            ("2022 Jan-Aug", vec![mark(523.0, "S40")]),
            (
                "since construction to 2022-08-17",
                vec![mark(2000.0, "S11")],
            ),
        ],
        false,
    );
    let text = draw(&chart, &plain(40)).expect("draws");
    assert!(text.lines().all(|l| width(l) <= 40), "{text}");
    assert!(!text.contains('…'), "{text}");
    assert_eq!(
        text,
        "\
value (trains) by period
2021
  │███████▏ 621                      S01
2022 Jan-May
  │████▏ 357                         S39
2022 Jan-Aug
  │██████ 523                        S40
since construction to 2022-08-17
  │███████████████████████ 2000      S11
Sources: S01
"
    );
}

#[test]
fn a_line_or_sparkline_needs_its_labels_on_one_calendar() {
    // Labels that are not all years or all months have no time axis: the points were
    // placed in the order met (2021, then 2020, then a span since 2018) and only the first
    // and last were named, so no point could be read against its period.
    let labels = [
        ("2021", vec![mark(621.0, "S01")]),
        ("2020", vec![mark(401.0, "S28")]),
        ("2022 Jan-May", vec![mark(357.0, "S39")]),
        ("2018 to 2024-06", vec![mark(3200.0, "S50")]),
    ];
    for kind in [Kind::Spark, Kind::Line] {
        let chart = one_series(kind, &labels, false);
        let e = draw(&chart, &plain(80)).expect_err("refused");
        assert!(
            e.contains("not all years or all months") && e.contains("2022 Jan-May"),
            "{e}"
        );
        assert!(e.contains(".chart bar"), "{e}");
    }
    // One value needs no axis.
    let one = one_series(Kind::Spark, &labels[2..3], false);
    assert!(draw(&one, &plain(80)).is_ok());
}
