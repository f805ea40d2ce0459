//! Tests of the embedded dataset (schema/, seed/, queries/), driven through the real binary:
//! every figure of the founding article is in `facts` with the article as its source, every fact id
//! of the research file is seeded or omitted, the database is consistent, and the derived views
//! (growth check, conflicts) say what the sources say.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Runs `sql` with `--csv --no-headers` and returns the rows.
fn rows(sql: &str) -> Vec<Vec<String>> {
    let out = crate::common::scoql()
        .args(["--csv", "--no-headers", "-c", sql])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "query failed: {sql}\nstderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(out.stdout.as_slice());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// Runs `sql` and returns its single value.
fn value(sql: &str) -> String {
    let r = rows(sql);
    assert_eq!(r.len(), 1, "expected one row from {sql}, got {r:?}");
    assert_eq!(r[0].len(), 1, "expected one column from {sql}, got {r:?}");
    r[0][0].clone()
}

/// One figure of the founding article: ref, metric, period, value, unit, value_base, unit_base.
fn assert_article_figure(
    reference: &str,
    metric: &str,
    period: &str,
    val: &str,
    unit: &str,
    base: &str,
    unit_base: &str,
) {
    let sql = format!(
        "SELECT value, unit, value_base, unit_base, source_id FROM facts \
         WHERE ref = '{reference}' AND metric = '{metric}' AND period = '{period}' AND unit = '{unit}'"
    );
    let r = rows(&sql);
    assert_eq!(
        r,
        vec![vec![
            val.to_owned(),
            unit.to_owned(),
            base.to_owned(),
            unit_base.to_owned(),
            "S01".to_owned()
        ]],
        "{reference} {metric} {period}"
    );
}

fn assert_qualifier(reference: &str, metric: &str, qualifier: &str) {
    let q = value(&format!(
        "SELECT COALESCE(qualifier, '(exact)') FROM facts_detail WHERE ref = '{reference}' AND metric = '{metric}' AND equivalent = 0"
    ));
    assert_eq!(q, qualifier, "{reference} {metric}");
}

#[test]
fn founding_article_is_source_s01() {
    let r = rows("SELECT title, outlet, published, url FROM sources WHERE id = 'S01'");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0][0], "Qingdao SCO demonstration zone on the rise");
    assert!(r[0][1].contains("chinadaily.com.cn"));
    assert_eq!(r[0][2], "2022-02-23");
    assert_eq!(
        r[0][3],
        "https://regional.chinadaily.com.cn/shandong/qingdao/2022-02/23/c_714776.htm"
    );
}

#[test]
fn article_lines_added_since_2020() {
    assert_article_figure(
        "F001",
        "train_lines_added",
        "2020 to 2022-02",
        "13",
        "lines",
        "13",
        "count",
    );
}

#[test]
fn article_lines_in_total() {
    assert_article_figure(
        "F002",
        "train_lines",
        "as of 2022-02",
        "15",
        "lines",
        "15",
        "count",
    );
}

#[test]
fn article_cities_reached() {
    assert_article_figure(
        "F003",
        "cities_reached",
        "as of 2022-02",
        "46",
        "cities",
        "46",
        "count",
    );
}

#[test]
fn article_countries_and_regions_reached() {
    assert_article_figure(
        "F004",
        "countries_reached",
        "as of 2022-02",
        "18",
        "countries and regions",
        "18",
        "count",
    );
}

#[test]
fn article_trains_in_2021() {
    assert_article_figure(
        "F005",
        "freight_trains",
        "2021",
        "621",
        "trains",
        "621",
        "count",
    );
}

#[test]
fn article_train_growth_2021() {
    assert_article_figure(
        "F006",
        "freight_trains_yoy",
        "2021",
        "54.9",
        "%",
        "54.9",
        "percent",
    );
}

#[test]
fn article_trading_entities() {
    assert_article_figure(
        "F008",
        "trading_entities",
        "as of 2022-02",
        "1700",
        "entities",
        "1700",
        "count",
    );
    assert_qualifier("F008", "trading_entities", "more than");
}

#[test]
fn article_trading_platforms() {
    assert_article_figure(
        "F009",
        "trading_platforms",
        "as of 2022-02",
        "10",
        "platforms",
        "10",
        "count",
    );
    assert_qualifier("F009", "trading_platforms", "(exact)");
}

#[test]
fn article_cross_border_e_commerce_platforms() {
    assert_article_figure(
        "F010",
        "cbec_platforms",
        "as of 2022-02",
        "4",
        "platforms",
        "4",
        "count",
    );
}

#[test]
fn article_trade_2021_in_yuan_and_dollars() {
    assert_article_figure(
        "F012",
        "trade_total",
        "2021",
        "26.5",
        "billion CNY",
        "26500000000",
        "CNY",
    );
    assert_article_figure(
        "F012",
        "trade_total",
        "2021",
        "4.19",
        "billion USD",
        "4190000000",
        "USD",
    );
    let eq =
        value("SELECT equivalent FROM facts_detail WHERE ref = 'F012' AND unit = 'billion USD'");
    assert_eq!(eq, "1", "the dollar figure is the article's own conversion");
}

#[test]
fn article_trade_growth_2021() {
    assert_article_figure(
        "F013",
        "trade_total_yoy",
        "2021",
        "61.8",
        "%",
        "61.8",
        "percent",
    );
}

#[test]
fn article_trade_with_sco_members_2019_and_2021() {
    assert_article_figure(
        "F014",
        "trade_sco",
        "2019",
        "850",
        "million CNY",
        "850000000",
        "CNY",
    );
    assert_article_figure(
        "F015",
        "trade_sco",
        "2021",
        "4",
        "billion CNY",
        "4000000000",
        "CNY",
    );
}

#[test]
fn article_two_way_investment_2020_and_2021() {
    assert_article_figure(
        "F016",
        "investment_sco_two_way",
        "2020",
        "400000",
        "USD",
        "400000",
        "USD",
    );
    assert_article_figure(
        "F017",
        "investment_sco_two_way",
        "2021",
        "21",
        "million USD",
        "21000000",
        "USD",
    );
}

#[test]
fn article_projects_since_2020() {
    assert_article_figure(
        "F018",
        "projects_introduced",
        "2020 to 2022-02",
        "50",
        "projects",
        "50",
        "count",
    );
    assert_article_figure(
        "F019",
        "projects_investment",
        "2020 to 2022-02",
        "171.5",
        "billion CNY",
        "171500000000",
        "CNY",
    );
    assert_article_figure(
        "F020",
        "projects_fortune500",
        "2020 to 2022-02",
        "8",
        "projects",
        "8",
        "count",
    );
    assert_article_figure(
        "F021",
        "projects_china_top500",
        "2020 to 2022-02",
        "7",
        "projects",
        "7",
        "count",
    );
}

#[test]
fn article_period_shapes() {
    let r = rows(
        "SELECT DISTINCT period, period_start, period_end FROM facts WHERE ref IN ('F001', 'F002', 'F005') ORDER BY period",
    );
    assert_eq!(
        r,
        vec![
            vec![
                "2020 to 2022-02".to_owned(),
                "2020".to_owned(),
                "2022-02".to_owned()
            ],
            vec![
                "2021".to_owned(),
                "2021-01-01".to_owned(),
                "2021-12-31".to_owned()
            ],
            vec![
                "as of 2022-02".to_owned(),
                "2022-02".to_owned(),
                "2022-02".to_owned()
            ],
        ]
    );
}

#[test]
fn article_train_to_dushanbe() {
    let r = rows(
        "SELECT subject, value, unit, source_id FROM facts WHERE ref = 'F011' AND metric = 'run_date'",
    );
    assert_eq!(r.len(), 1);
    assert!(r[0][0].contains("Dushanbe"), "{r:?}");
    assert_eq!(r[0][1..], ["2021-07-05", "date", "S01"]);
    let country = value(
        "SELECT ro.country_code FROM route_runs AS rr JOIN routes_overview AS ro ON ro.id = rr.route_id WHERE rr.ref = 'F011'",
    );
    assert_eq!(country, "TJ");
}

#[test]
fn article_corridor_four_directions() {
    let r = rows(
        "SELECT subject, value, source_id FROM facts WHERE ref = 'F007' AND metric = 'corridor_partners' ORDER BY subject",
    );
    let got: Vec<(String, String, String)> = r
        .into_iter()
        .map(|v| (v[0].clone(), v[1].clone(), v[2].clone()))
        .collect();
    let name = "Belt and Road international logistics corridor";
    let want = [
        ("east", "Japan; South Korea; Asia-Pacific"),
        ("north", "Mongolia; Russia"),
        ("south", "ASEAN; South Asia"),
        ("west", "Central Asia; Europe"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(d, p)| (format!("{name} ({d})"), (*p).to_owned(), "S01".to_owned()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn facts_view_keeps_its_public_columns() {
    let out = crate::common::scoql()
        .args(["--csv", "-c", "SELECT * FROM facts LIMIT 1"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let header = text.lines().next().unwrap();
    assert_eq!(
        header,
        "ref,subject,metric,period,period_start,period_end,value,unit,value_base,unit_base,source_id"
    );
}

#[test]
fn required_tables_and_views_exist() {
    for name in [
        "sources",
        "metrics",
        "routes",
        "projects",
        "corridors",
        "omitted",
        "facts",
    ] {
        let n = value(&format!(
            "SELECT count(*) FROM sqlite_schema WHERE name = '{name}' AND type IN ('table', 'view')"
        ));
        assert_eq!(n, "1", "{name}");
        let rows_in = value(&format!("SELECT count(*) > 0 FROM {name}"));
        assert_eq!(rows_in, "1", "{name} has rows");
    }
}

#[test]
fn every_table_is_strict() {
    let loose = rows(
        "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND strict = 0",
    );
    assert!(loose.is_empty(), "tables not STRICT: {loose:?}");
}

fn fact_ids() -> BTreeSet<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fact_ids.txt");
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_fact_id_is_seeded_or_omitted() {
    let ids = fact_ids();
    assert_eq!(ids.len(), 244);
    let seeded: BTreeSet<String> = rows(
        "SELECT ref FROM facts \
         UNION SELECT ref FROM observations UNION SELECT ref FROM route_runs UNION SELECT ref FROM routes \
         UNION SELECT ref FROM projects UNION SELECT ref FROM investment_batches UNION SELECT ref FROM milestones \
         UNION SELECT ref FROM corridors UNION SELECT ref FROM overseas_hubs \
         UNION SELECT ref FROM scopes WHERE ref IS NOT NULL",
    )
    .into_iter()
    .map(|r| r[0].clone())
    .collect();
    let omitted: BTreeSet<String> = rows("SELECT ref FROM omitted")
        .into_iter()
        .map(|r| r[0].clone())
        .collect();

    let missing: Vec<&String> = ids
        .iter()
        .filter(|id| !seeded.contains(*id) && !omitted.contains(*id))
        .collect();
    assert!(
        missing.is_empty(),
        "fact ids neither seeded nor omitted: {missing:?}"
    );
    let unknown: Vec<&String> = seeded
        .union(&omitted)
        .filter(|id| !ids.contains(*id))
        .collect();
    assert!(unknown.is_empty(), "refs not in facts.csv: {unknown:?}");
    let both: Vec<&String> = seeded.intersection(&omitted).collect();
    assert!(both.is_empty(), "ids both seeded and omitted: {both:?}");
    assert_eq!(omitted, BTreeSet::from(["F242".to_owned()]));
    // The view `refs` agrees.
    assert_eq!(value("SELECT count(DISTINCT ref) FROM refs"), "244");
}

#[test]
fn omitted_facts_have_reasons() {
    let empty = value("SELECT count(*) FROM omitted WHERE length(trim(reason)) < 20");
    assert_eq!(empty, "0");
}

#[test]
fn foreign_keys_and_integrity_are_clean() {
    assert!(rows("PRAGMA foreign_key_check").is_empty());
    assert_eq!(value("PRAGMA integrity_check"), "ok");
    assert_eq!(value("PRAGMA foreign_keys"), "1");
}

#[test]
fn every_sourced_row_names_an_existing_source() {
    let orphans = value(
        "SELECT count(*) FROM facts_detail WHERE source_id IS NULL OR source_id NOT IN (SELECT id FROM sources)",
    );
    assert_eq!(orphans, "0");
    // Every source is cited by at least one row.
    let unused = rows(
        "SELECT id FROM sources WHERE id NOT IN (SELECT source_id FROM facts_detail UNION SELECT source_id FROM overseas_hubs \
         UNION SELECT source_id FROM routes UNION SELECT source_id FROM projects \
         UNION SELECT source_id FROM scopes WHERE source_id IS NOT NULL)",
    );
    assert!(unused.is_empty(), "sources cited by nothing: {unused:?}");
    assert_eq!(value("SELECT count(*) FROM sources"), "95");
}

#[test]
fn growth_check_flags_only_what_the_sources_contain() {
    let checked = rows(
        "SELECT ref, value_ref, prior_ref, computed_pct, status FROM growth_check \
         WHERE status <> 'no stated base' ORDER BY ref",
    );
    let want = [
        // 621 trains in 2021 (the article) against 401 in 2020 (Qingdao Evening News): 54.86%, stated 54.9%.
        ["F006", "F005", "F074", "54.86", "consistent"],
        // 26.5 billion yuan in 2021 (the article) against 15.6 billion in 2020 (the zone's 2020 report):
        // 69.87%, but the article states 61.8%. The two sources disagree; both stay.
        ["F013", "F012", "F165", "69.87", "inconsistent"],
        // 620 China-Europe trips Jan-Oct 2022 against 455 trains Jan-Oct 2021: 36.26%, stated 36.3%.
        ["F103", "F103", "F083", "36.26", "consistent"],
    ];
    let want: Vec<Vec<String>> = want
        .iter()
        .map(|r| r.iter().map(|s| (*s).to_owned()).collect())
        .collect();
    assert_eq!(checked, want);
    let statuses = value("SELECT count(DISTINCT status) FROM growth_check");
    assert_eq!(statuses, "3");
    // Every stated growth rate is listed.
    assert_eq!(
        value("SELECT count(*) FROM growth_check"),
        value(
            "SELECT count(*) FROM observations AS o JOIN metrics AS m ON m.key = o.metric WHERE m.kind = 'growth'"
        )
    );
}

#[test]
fn conflicts_between_sources() {
    let got = rows(
        "SELECT topic, attribute, ref_a, ref_b FROM conflicts ORDER BY topic, ref_a, attribute",
    );
    let want = [
        ["milestone", "milestone_date", "F191", "F192"],
        ["project", "investor", "F222", "F223"],
        ["project", "investor", "F227", "F228"],
        ["project", "project_investment", "F227", "F228"],
        ["route run", "run_transit_days", "F085", "F086"],
        ["route run", "opening date", "F087", "F088"],
    ];
    let want: Vec<Vec<String>> = want
        .iter()
        .map(|r| r.iter().map(|s| (*s).to_owned()).collect())
        .collect();
    assert_eq!(got, want);
    assert_eq!(value("SELECT count(*) FROM conflicts"), "6");
}

#[test]
fn sources_that_agree_are_not_conflicts() {
    // 1,225 trains in 2025 from two sources; 850 million yuan and 8.5亿元 for 2019.
    assert_eq!(
        value("SELECT count(*) FROM facts WHERE metric = 'freight_trains' AND period = '2025'"),
        "2"
    );
    assert_eq!(
        value(
            "SELECT count(DISTINCT value_base) FROM facts WHERE metric = 'trade_sco' AND period = '2019' AND subject LIKE 'SCO demonstration zone%'"
        ),
        "1"
    );
}

#[test]
fn yoy_growth_is_computed_not_stored() {
    let g = value(
        "SELECT growth_pct FROM yoy_growth WHERE metric = 'freight_trains' AND period = '2021' AND prior_period = '2020'",
    );
    assert_eq!(g, "54.86");
}

#[test]
fn money_normalises_across_units() {
    // '100 million CNY' (亿元), 'million CNY' and 'billion CNY' compare in yuan.
    let r = rows(
        "SELECT value, unit, value_base FROM facts WHERE metric = 'trade_sco' AND period = '2021' ORDER BY ref, unit",
    );
    let bases: BTreeSet<String> = r.iter().map(|v| v[2].clone()).collect();
    assert_eq!(bases, BTreeSet::from(["4000000000".to_owned()]), "{r:?}");
}

#[test]
fn units_of_observations_match_their_metrics() {
    let bad = value(
        "SELECT count(*) FROM observations AS o JOIN metrics AS m ON m.key = o.metric JOIN units AS u ON u.code = o.unit \
         WHERE m.dimension <> CASE WHEN u.base IN ('CNY', 'USD') THEN 'money' ELSE u.base END",
    );
    assert_eq!(bad, "0");
}

/// A saved query's header: its description and declared parameters (name, type).
fn query_header(path: &Path) -> (String, Vec<(String, String)>) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default();
    assert!(
        first.starts_with("-- ") && first.len() > 10,
        "{}: first line must be '-- description'",
        path.display()
    );
    let mut params = Vec::new();
    for line in lines {
        let Some(rest) = line.strip_prefix("-- @param ") else {
            break;
        };
        let mut words = rest.split_whitespace();
        let name = words.next().unwrap().to_owned();
        let ty = words.next().unwrap().to_owned();
        assert!(
            ["INTEGER", "REAL", "TEXT"].contains(&ty.as_str()),
            "{}: bad parameter type {ty}",
            path.display()
        );
        assert!(
            words.next().is_some(),
            "{}: parameter {name} needs a description",
            path.display()
        );
        assert!(
            text.contains(&format!(":{name}")),
            "{}: parameter {name} unused",
            path.display()
        );
        params.push((name, ty));
    }
    (first[3..].to_owned(), params)
}

fn sample_value(name: &str, ty: &str) -> String {
    match (name, ty) {
        ("country", _) => "'KZ'".to_owned(),
        ("metric", _) => "'freight_trains'".to_owned(),
        ("source", _) => "'S01'".to_owned(),
        ("currency", _) => "'CNY'".to_owned(),
        ("year", _) | (_, "INTEGER") => "2021".to_owned(),
        (_, "REAL") => "1.5".to_owned(),
        _ => "'x'".to_owned(),
    }
}

fn query_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .collect();
    files.sort();
    files
}

#[test]
fn saved_queries_have_headers_and_parameters() {
    let files = query_files();
    assert!(files.len() >= 12, "at least 12 saved queries");
    let with_params = files
        .iter()
        .filter(|f| !query_header(f).1.is_empty())
        .count();
    assert!(
        with_params >= 3,
        "at least 3 saved queries declare parameters"
    );
}

#[test]
fn every_saved_query_runs_on_the_seed() {
    for file in query_files() {
        let (_, params) = query_header(&file);
        let mut cmd = crate::common::scoql();
        cmd.args(["--csv", "--bail"]);
        for (name, ty) in &params {
            cmd.arg("--param")
                .arg(format!("{name}={}", sample_value(name, ty)));
        }
        let out = cmd.arg(&file).output().unwrap();
        assert!(
            out.status.success(),
            "{} failed: {}",
            file.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !out.stdout.is_empty(),
            "{} returned no rows on the seed",
            file.display()
        );
    }
}

#[test]
fn parameterised_queries_use_their_parameters() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
    let out = crate::common::scoql()
        .args(["--csv", "--no-headers", "--param", "country='TJ'"])
        .arg(dir.join("routes_to_country.sql"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().count() >= 2, "{text}");
    assert!(text.lines().all(|l| l.contains("Dushanbe")), "{text}");
}

#[test]
fn every_saved_query_runs_through_dot_run_with_the_same_output_as_its_file() {
    for file in query_files() {
        let (_, params) = query_header(&file);
        let name = file.file_stem().unwrap().to_string_lossy().into_owned();
        let mut by_file = crate::common::scoql();
        by_file.args(["--csv", "--bail"]);
        let mut run_line = format!(".run {name}");
        for (p, ty) in &params {
            let value = sample_value(p, ty);
            by_file.arg("--param").arg(format!("{p}={value}"));
            run_line.push_str(&format!(" \"{p}={value}\""));
        }
        let file_out = by_file.arg(&file).output().unwrap();
        let run_out = crate::common::scoql()
            .args(["--csv", "--bail", "-c", &run_line])
            .output()
            .unwrap();
        assert!(
            run_out.status.success(),
            "{run_line}: {}",
            String::from_utf8_lossy(&run_out.stderr)
        );
        assert_eq!(run_out.stdout, file_out.stdout, "{run_line}");
    }
}
