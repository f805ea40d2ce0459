//! Tests of the embedded dataset (schema/, seed/, queries/), driven through the real binary:
//! every figure of the founding article is in `facts` with the article as its source, every fact id
//! of the research notes is seeded (and in `facts`) or omitted, the database is consistent, and every
//! view shows what the sources say: dates at their stated precision, qualifiers beside values, series
//! kept apart, contradictions listed (issue 12, one test per kind of fault).

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
        "SELECT COALESCE(qualifier, '(exact)') FROM facts WHERE ref = '{reference}' AND metric = '{metric}' AND is_conversion = 0"
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
    let eq = value("SELECT is_conversion FROM facts WHERE ref = 'F012' AND unit = 'billion USD'");
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
    // The contract's eleven columns first, in this order; new columns only after them.
    assert!(
        header.starts_with(
            "ref,subject,metric,period,period_start,period_end,value,unit,value_base,unit_base,source_id,"
        ),
        "{header}"
    );
    assert!(
        header.ends_with(",qualifier,basis,scope,is_conversion,is_plan,note"),
        "{header}"
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
         UNION SELECT source_id FROM scopes WHERE source_id IS NOT NULL \
         UNION SELECT source_id FROM sco_membership)",
    );
    assert!(unused.is_empty(), "sources cited by nothing: {unused:?}");
    // The founding article, the 94 sources of the research notes, and 11 of the SCO membership table.
    assert_eq!(value("SELECT count(*) FROM sources"), "106");
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
        // 430 trains in 2022 H1 against the zone's 297 of 2021 H1: 44.78%, stated 44.8%.
        ["F095", "F095", "F079", "44.78", "consistent"],
        // 620 China-Europe trips Jan-Oct 2022 against 455 trains Jan-Oct 2021: 36.26%, stated 36.3%.
        ["F103", "F103", "F083", "36.26", "consistent"],
        // 519 arrivals and departures in 2023 H1 against 430 in 2022 H1: 20.70%, stated 20.7%.
        ["F109", "F109", "F095", "20.7", "consistent"],
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
        // Across a series: counts implied by the founding article against earlier counts, a fall
        // in the cities reached, a running total that falls, and line counts that jump and drop.
        ["series", "train_lines", "F045", "F001"],
        ["series", "train_lines", "F053", "F001"],
        ["series", "cities_reached", "F076", "F099"],
        ["series", "freight_trains", "F102", "F100"],
        ["series", "train_lines", "F106", "F112"],
        ["series", "train_lines", "F124", "F131"],
    ];
    let want: Vec<Vec<String>> = want
        .iter()
        .map(|r| r.iter().map(|s| (*s).to_owned()).collect())
        .collect();
    assert_eq!(got, want);
    assert_eq!(value("SELECT count(*) FROM conflicts"), "12");
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
        ("ref", _) => "'F060'".to_owned(),
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

// ---------------------------------------------------------------------------------------------
// Issue 12: what every view shows is what its sources said. One test per kind of fault; each
// fails if a single instance of its kind comes back.
// ---------------------------------------------------------------------------------------------

/// Runs `sql` with `--csv` (headers on) and returns the header and the rows.
fn table(sql: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let out = crate::common::scoql()
        .args(["--csv", "-c", sql])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "query failed: {sql}\nstderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    csv_table(&out.stdout)
}

fn csv_table(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut all: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    if all.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let header = all.remove(0);
    (header, all)
}

/// Every view of the database, by name.
fn view_names() -> Vec<String> {
    rows("SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name")
        .into_iter()
        .map(|r| r[0].clone())
        .collect()
}

/// Every view's rows and every saved query's output on the seed, each with a label.
fn every_view_and_saved_query() -> Vec<(String, Vec<String>, Vec<Vec<String>>)> {
    let mut all = Vec::new();
    for v in view_names() {
        let (h, r) = table(&format!("SELECT * FROM \"{v}\""));
        all.push((format!("view {v}"), h, r));
    }
    for file in query_files() {
        let (_, params) = query_header(&file);
        let mut cmd = crate::common::scoql();
        cmd.args(["--csv", "--bail"]);
        for (name, ty) in &params {
            cmd.arg("--param")
                .arg(format!("{name}={}", sample_value(name, ty)));
        }
        let out = cmd.arg(&file).output().unwrap();
        assert!(out.status.success(), "{}", file.display());
        let (h, r) = csv_table(&out.stdout);
        all.push((format!("saved query {}", file.display()), h, r));
    }
    all
}

/// Precision of an ISO date or period written at a stated precision: 1 year, 2 half-year,
/// 3 quarter, 4 month, 5 day; a range 'A/B' (or '../B') has the finer of its two ends.
/// None when the text is not a date.
fn date_precision(s: &str) -> Option<u8> {
    if let Some((a, b)) = s.split_once('/') {
        let pb = date_precision(b)?;
        return if a == ".." {
            Some(pb)
        } else {
            Some(date_precision(a)?.max(pb))
        };
    }
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() < 4 || !digits(0..4) || !(b[0] == b'1' || b[0] == b'2') {
        return None;
    }
    match b.len() {
        4 => Some(1),
        7 if b[4] == b'-' && b[5] == b'H' && (b[6] == b'1' || b[6] == b'2') => Some(2),
        7 if b[4] == b'-' && b[5] == b'Q' && (b'1'..=b'4').contains(&b[6]) => Some(3),
        7 if b[4] == b'-' && digits(5..7) => Some(4),
        10 if b[4] == b'-' && b[7] == b'-' && digits(5..7) && digits(8..10) => Some(5),
        _ => None,
    }
}

/// Precision of each period as its source stated it, from its shape (year, half, quarter,
/// month, day) or, for the other shapes, from the precision of its bounds.
fn period_precisions() -> std::collections::BTreeMap<String, u8> {
    let bound = |s: &str| match s.len() {
        4 => 1,
        7 => 4,
        10 => 5,
        _ => 0,
    };
    rows("SELECT id, kind, COALESCE(start_date, ''), COALESCE(end_date, '') FROM periods")
        .into_iter()
        .map(|r| {
            let p = match r[1].as_str() {
                "year" => 1,
                "half" => 2,
                "quarter" => 3,
                "month" => 4,
                "day" => 5,
                _ => bound(&r[2]).max(bound(&r[3])),
            };
            (r[0].clone(), p)
        })
        .collect()
}

/// Columns that hold the bounds of a period (first and last day it can include, for sorting
/// and joins) or a source's publication date, not a date a figure states.
fn is_bound_column(name: &str) -> bool {
    matches!(
        name,
        "period_start" | "period_end" | "start_date" | "end_date" | "published"
    )
}

/// Columns that name the period (or periods) a row's figures refer to.
fn is_period_column(name: &str) -> bool {
    (name == "period" || name.starts_with("period_") || name.ends_with("_period"))
        && !is_bound_column(name)
        && name != "period_kind"
}

#[test]
fn date_values_keep_the_precision_their_source_stated() {
    // Fault kind 1: a year shown as a day (F060 '2020' as '2020-01-01'), a month as its first
    // day, a range as its first day. Every date a view or saved query shows is at most as
    // precise as the period it belongs to.
    let periods = period_precisions();
    let mut bad = Vec::new();
    for (label, header, body) in every_view_and_saved_query() {
        let period_cols: Vec<usize> = (0..header.len())
            .filter(|&i| is_period_column(&header[i]))
            .collect();
        for row in &body {
            // The finest precision of the periods the row names; a row that names no period
            // may show a year at most.
            let allowed = if period_cols.is_empty() {
                1
            } else {
                period_cols
                    .iter()
                    .flat_map(|&i| row[i].split(" / "))
                    .filter_map(|p| periods.get(p).copied())
                    .max()
                    .unwrap_or(0)
            };
            for (i, cell) in row.iter().enumerate() {
                if is_bound_column(&header[i]) || period_cols.contains(&i) {
                    continue;
                }
                if let Some(p) = date_precision(cell)
                    && p > allowed
                {
                    bad.push(format!("{label}: {}={cell} in {row:?}", header[i]));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} date cells more precise than their period:\n{}",
        bad.len(),
        bad.join("\n")
    );
    assert_eq!(value("SELECT value FROM facts WHERE ref = 'F060'"), "2020");
}

#[test]
fn no_reported_period_ends_after_its_report() {
    // Fault kind 2: a train reported on 2022-11-08 (F104) filed under all of 2022. A figure
    // about what happened cannot refer to a period that ends after its source was published;
    // only plans, targets, schedules and expectations (is_plan = 1) may. Compared at the coarser precision of the two: 'as of 2022-02' in a report of 2022-02-23
    // is fine, the year 2022 (to 2022-12-31) in a report of 2022-11-08 is not.
    let sql = "SELECT DISTINCT f.ref, f.metric, f.period, s.published FROM facts AS f \
         JOIN sources AS s ON s.id = f.source_id \
         WHERE f.period_end IS NOT NULL AND s.published IS NOT NULL AND f.is_plan = 0 \
           AND substr(f.period_end, 1, min(length(f.period_end), length(s.published))) \
             > substr(s.published, 1, min(length(f.period_end), length(s.published))) \
         ORDER BY f.ref";
    let late = rows(sql);
    assert!(
        late.is_empty(),
        "{} figures whose period ends after their source's date:\n{late:?}",
        late.len()
    );
    // Plans are what the metric, the event or the status says they are.
    let unflagged = rows(
        "SELECT ref, metric FROM facts_detail AS f JOIN metrics AS m ON m.key = f.metric \
         WHERE m.kind = 'target' AND f.is_plan = 0",
    );
    assert!(
        unflagged.is_empty(),
        "targets not marked as plans: {unflagged:?}"
    );
    let f104 = rows("SELECT DISTINCT period_end FROM facts WHERE ref = 'F104'");
    assert_eq!(f104, vec![vec!["2022-11-08".to_owned()]]);
}

/// The qualifier column that must accompany a value column wherever it is shown.
fn qualifier_column_for(column: &str) -> Option<String> {
    match column {
        "value" => Some("qualifier".to_owned()),
        "value_a" => Some("qualifier_a".to_owned()),
        "value_b" => Some("qualifier_b".to_owned()),
        "prior_value" => Some("prior_qualifier".to_owned()),
        "stated_pct" => Some("stated_qualifier".to_owned()),
        "distance_km" => Some("distance_qualifier".to_owned()),
        "amount" | "cargo_value" | "transit_days" | "tonnes" => Some(format!("{column}_qualifier")),
        _ => None,
    }
}

#[test]
fn qualifiers_and_conversions_travel_with_values() {
    // Fault kind 3: 'more than 1,700' (F008) read as exact because `facts` had no qualifier
    // column; the source's own conversions (F012's $4.19 billion) unmarked.
    let (header, _) = table("SELECT * FROM facts LIMIT 1");
    for c in ["qualifier", "basis", "scope", "is_conversion"] {
        assert!(
            header.contains(&c.to_owned()),
            "facts has no column {c}: {header:?}"
        );
    }
    assert_eq!(
        rows("SELECT qualifier, value FROM facts WHERE ref = 'F008'"),
        vec![vec!["more than".to_owned(), "1700".to_owned()]]
    );
    assert_eq!(
        value("SELECT count(*) FROM facts WHERE qualifier IS NOT NULL"),
        value("SELECT count(*) FROM facts_detail WHERE qualifier IS NOT NULL")
    );
    assert_eq!(
        value("SELECT count(*) FROM facts WHERE is_conversion = 1"),
        value("SELECT count(*) FROM facts_detail WHERE is_conversion = 1")
    );
    assert_eq!(
        value("SELECT is_conversion FROM facts WHERE ref = 'F012' AND unit = 'billion USD'"),
        "1"
    );
    // Wherever a view or saved query shows a value, its qualifier is beside it.
    let mut missing = Vec::new();
    for (label, header, _) in every_view_and_saved_query() {
        for c in &header {
            if let Some(q) = qualifier_column_for(c)
                && !header.contains(&q)
            {
                missing.push(format!("{label}: {c} without {q}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "values shown without their qualifier:\n{}",
        missing.join("\n")
    );
}

#[test]
fn conflicts_list_contradictions_across_a_series() {
    // Fault kind 4: a running total that falls (F102 'more than 2,000' by 2022-08-17, F100
    // 1,925 by 2022-09), a line count that drops from 32 to 22 (F124, F131), and '15 lines, 13
    // of them added since 2020' against the five lines counted before (F045, F053).
    let pairs: BTreeSet<(String, String)> = rows("SELECT ref_a, ref_b FROM conflicts")
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let want = [
        ("F102", "F100"),
        ("F124", "F131"),
        ("F045", "F001"),
        ("F053", "F001"),
    ];
    let absent: Vec<_> = want
        .iter()
        .filter(|(a, b)| !pairs.contains(&((*a).to_owned(), (*b).to_owned())))
        .collect();
    assert!(
        absent.is_empty(),
        "contradictions across a series not listed: {absent:?}"
    );
    // Each series check names both sources.
    let unsourced = value(
        "SELECT count(*) FROM series_checks WHERE source_a IS NULL OR source_b IS NULL OR detail IS NULL",
    );
    assert_eq!(unsourced, "0");
}

#[test]
fn stated_growth_rates_pin_their_series() {
    // Fault kind 5: F095 (430 trains, 2022 H1, +44.8 %) filed under the province-wide Qilu
    // brand although 430/297 (F079, the zone) is exactly +44.8 % and F109's +20.7 % is exactly
    // 519/430. A stated rate that a stated level of a year earlier matches (any basis, any
    // scope) must be found by growth_check, i.e. the figures must be filed in one series.
    let unmatched = rows(
        "SELECT g.ref, c.ref, q.ref FROM facts_detail AS g \
         JOIN metrics AS m ON m.key = g.metric AND m.kind = 'growth' \
         JOIN facts_detail AS c ON c.metric = m.growth_of AND c.source_id = g.source_id \
          AND c.period = g.period AND c.is_conversion = 0 AND c.qualifier IS NULL \
         JOIN facts_detail AS q ON q.metric = c.metric AND q.unit_base = c.unit_base \
          AND q.is_conversion = 0 AND q.qualifier IS NULL AND q.period_kind = c.period_kind \
          AND q.period_start = date(c.period_start, '-1 year') AND q.period_end = date(c.period_end, '-1 year') \
         WHERE g.qualifier IS NULL \
           AND abs(100.0 * (c.value_base * 1.0 / q.value_base - 1) - g.value) <= \
               CASE WHEN g.value = round(g.value) THEN 0.5 ELSE 0.05 END \
           AND NOT EXISTS (SELECT 1 FROM growth_check AS k WHERE k.ref = g.ref AND k.prior_ref = q.ref \
                           AND k.status = 'consistent') \
         ORDER BY g.ref",
    );
    assert!(
        unmatched.is_empty(),
        "stated growth rates whose base is stated in another series: {unmatched:?}"
    );
    // F133: the 863rd train of 2024 (counted with arrivals, like the 864th a day later, F130)
    // equalled the whole of 2023, so 863 is on the arrivals-plus-departures basis.
    assert_eq!(
        value("SELECT basis FROM facts WHERE ref = 'F133'"),
        value("SELECT basis FROM facts WHERE ref = 'F130'")
    );
    // Every such decision says why in the row's note.
    for r in ["F079", "F095", "F133"] {
        let note = value(&format!(
            "SELECT note FROM facts WHERE ref = '{r}' AND metric = 'freight_trains'"
        ));
        assert!(
            note.contains("basis") || note.contains("scope"),
            "{r}: {note}"
        );
    }
}

#[test]
fn ordinals_number_what_the_source_numbers() {
    // Fault kind 6: the eighth express *line* (F078) stored as the eighth train.
    let mislabelled = rows(
        "SELECT ref, value, note FROM facts WHERE metric = 'run_ordinal' \
         AND (note LIKE '%line%' OR note LIKE '%route%')",
    );
    assert!(
        mislabelled.is_empty(),
        "line ordinals stored as train ordinals: {mislabelled:?}"
    );
    let lines = rows("SELECT ref, value FROM facts WHERE metric = 'line_ordinal' ORDER BY ref");
    assert_eq!(
        lines,
        vec![
            vec!["F078".to_owned(), "8".to_owned()],
            vec!["F088".to_owned(), "17".to_owned()]
        ]
    );
    // F088's ordinal is ambiguous in its source; its note says why it is read as a line's.
    let why = value("SELECT group_concat(note, ' ') FROM facts WHERE ref = 'F088'");
    assert!(
        why.contains("numbers lines") && why.contains("F102"),
        "{why}"
    );
    assert_eq!(
        value(
            "SELECT count(*) FROM route_runs WHERE ordinal IS NOT NULL AND ordinal_counts IS NULL"
        ),
        "0"
    );
}

#[test]
fn aggregating_views_count_each_thing_once_and_keep_series_apart() {
    // Fault kind 7. sco_trade listed the same 2019 figure three times.
    let repeated = rows(
        "SELECT scope, metric, period, value_base, count(*) FROM sco_trade \
         GROUP BY scope, metric, period, unit_base, value_base HAVING count(*) > 1",
    );
    assert!(
        repeated.is_empty(),
        "sco_trade repeats a figure: {repeated:?}"
    );
    assert_eq!(
        value(
            "SELECT refs FROM sco_trade WHERE scope = 'zone' AND metric = 'trade_sco' AND period = '2019'"
        ),
        "F014; F169; F170"
    );
    // investment_by_year_country counted the conference centre in two years, a refinery in
    // Pakistan, and signed with started projects.
    let (header, _) = table("SELECT * FROM investment_by_year_country LIMIT 1");
    assert_eq!(header[0], "status", "{header:?}");
    assert_eq!(
        value("SELECT sum(projects) FROM investment_by_year_country"),
        value("SELECT count(DISTINCT project_key) FROM projects WHERE in_zone = 1")
    );
    assert_eq!(
        value(
            "SELECT count(*) FROM investment_by_year_country WHERE project_names LIKE '%Gwadar%'"
        ),
        "0"
    );
    // train_counts mixed four counting bases and a facility outside the zone, undated first.
    let (header, body) = table("SELECT * FROM train_counts");
    assert_eq!(&header[..3], ["series", "basis", "scope"], "{header:?}");
    let outside = value(
        "SELECT count(*) FROM train_counts AS t JOIN scopes AS s ON s.key = t.scope WHERE s.series_scope <> 'zone'",
    );
    assert_eq!(outside, "0");
    let mixed = rows(
        "SELECT series FROM train_counts GROUP BY series HAVING count(DISTINCT basis) > 1 OR count(DISTINCT route_id) > 1",
    );
    assert!(
        mixed.is_empty(),
        "a series of train_counts mixes bases or routes: {mixed:?}"
    );
    let pk = header.iter().position(|h| h == "period_kind").unwrap();
    let first_undated = body.iter().position(|r| r[pk] == "undated");
    if let Some(i) = first_undated {
        assert!(
            body[i..].iter().all(|r| r[pk] == "undated"),
            "undated rows come last"
        );
    }
}

#[test]
fn base_values_are_exact_decimals_in_every_mode() {
    // Fault kind 8: F218's value_base read 128800000000.00002.
    for mode in ["--csv", "--json", "--line", "--list"] {
        let out = crate::common::scoql()
            .args([
                mode,
                "-c",
                "SELECT value_base FROM facts WHERE value_base IS NOT NULL",
            ])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let noisy: Vec<&str> = text
            .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == 'e' || c == '-' || c == '+'))
            .filter(|t| {
                let digits: String = t
                    .split(['e', 'E'])
                    .next()
                    .unwrap_or("")
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect();
                digits.trim_start_matches('0').trim_end_matches('0').len() > 15
            })
            .collect();
        assert!(
            noisy.is_empty(),
            "{mode}: base values with binary noise: {noisy:?}"
        );
    }
    assert_eq!(
        value("SELECT value_base FROM facts WHERE ref = 'F218' AND metric = 'projects_investment'"),
        "128800000000"
    );
}

/// The output of `.describe NAME` as rows of (column, type, description).
fn described(name: &str) -> Vec<(String, String, String)> {
    let out = crate::common::scoql()
        .args(["--csv", "-c", &format!(".describe {name}")])
        .output()
        .unwrap();
    assert!(out.status.success(), ".describe {name}");
    let (h, body) = csv_table(&out.stdout);
    let col = |n: &str| h.iter().position(|x| x == n).unwrap();
    let (c, t, d) = (col("column"), col("type"), col("description"));
    body.into_iter()
        .map(|r| (r[c].clone(), r[t].clone(), r[d].clone()))
        .collect()
}

#[test]
fn every_column_is_documented_and_typed_as_it_holds() {
    // Fault kind 9: view columns without documentation and text columns declared BLOB.
    let objects = rows(
        "SELECT name, type FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name",
    );
    let mut bad = Vec::new();
    for o in &objects {
        let (name, kind) = (&o[0], &o[1]);
        for (column, ty, doc) in described(name) {
            if doc.trim().len() < 8 {
                bad.push(format!("{kind} {name}.{column}: no description"));
            }
            if kind != "view" {
                continue;
            }
            let types: BTreeSet<String> = rows(&format!(
                "SELECT DISTINCT typeof(\"{column}\") FROM \"{name}\" WHERE \"{column}\" IS NOT NULL"
            ))
            .into_iter()
            .map(|r| r[0].clone())
            .collect();
            let fits = match ty.as_str() {
                "TEXT" => types.iter().all(|t| t == "text"),
                "INT" | "INTEGER" => types.iter().all(|t| t == "integer"),
                "REAL" => types.iter().all(|t| t == "real"),
                "NUM" | "NUMERIC" => types.iter().all(|t| t == "integer" || t == "real"),
                // No affinity: only for a column that really holds several storage classes.
                "BLOB" => types.len() > 1,
                _ => false,
            };
            if !fits {
                bad.push(format!(
                    "view {name}.{column}: declared '{ty}', holds {types:?}"
                ));
            }
        }
    }
    // A column whose CHECK allows a list of values documents every one of them.
    for o in objects.iter().filter(|o| o[1] == "table") {
        let sql = value(&format!(
            "SELECT sql FROM sqlite_schema WHERE name = '{}'",
            o[0]
        ));
        let docs: std::collections::BTreeMap<String, String> = described(&o[0])
            .into_iter()
            .map(|(c, _, d)| (c, d))
            .collect();
        for line in sql.lines() {
            let t = line.trim();
            let name: String = t
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let Some(doc) = docs.get(&name) else { continue };
            let Some(at) = t.find(&format!("{name} IN (")) else {
                continue;
            };
            let list = &t[at..];
            let list = &list[..list.find(')').unwrap_or(list.len())];
            for allowed in list.split('\'').skip(1).step_by(2) {
                if !doc.contains(&format!("'{allowed}'")) {
                    bad.push(format!(
                        "table {}.{name}: '{allowed}' allowed but not documented",
                        o[0]
                    ));
                }
            }
        }
    }
    // One row, one project.
    let two = rows("SELECT id, name FROM projects WHERE name LIKE '% and %projects'");
    if !two.is_empty() {
        bad.push(format!("projects rows holding two projects: {two:?}"));
    }
    assert!(
        bad.is_empty(),
        "{} documentation faults:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// The README's examples: the SQL after `scoql>` / `...>` prompts and the output printed
/// under it, from each fenced block that starts with a prompt.
fn readme_examples() -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let text = std::fs::read_to_string(path).unwrap();
    let mut examples = Vec::new();
    for block in text.split("```").skip(1).step_by(2) {
        let body = block
            .trim_start_matches(|c: char| c != '\n')
            .trim_start_matches('\n');
        if !body.starts_with("scoql> ") {
            continue;
        }
        let mut sql = String::new();
        let mut output = String::new();
        for line in body.lines() {
            if let Some(s) = line
                .strip_prefix("scoql> ")
                .or_else(|| line.strip_prefix("   ...> "))
            {
                sql.push_str(s);
                sql.push('\n');
            } else {
                output.push_str(line);
                output.push('\n');
            }
        }
        examples.push((sql, output));
    }
    examples
}

#[test]
fn readme_examples_print_what_they_show_and_keep_bases_apart() {
    // Fault kind 10: 'Freight trains per calendar year' set 401, 621, 863 and 1225 side by side,
    // four counting bases and scopes. Every example prints exactly what the README shows, and
    // one that lists a series shows its basis and scope and holds one basis and one scope.
    let examples = readme_examples();
    assert!(examples.len() >= 3, "{examples:?}");
    for (sql, shown) in &examples {
        let out = crate::common::scoql().args(["-c", sql]).output().unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            *shown,
            "README example: {sql}"
        );
        let (header, body) = table(sql);
        let lists_series = header.iter().any(|h| h == "period")
            && header.iter().any(|h| h == "value")
            && body.len() > 1;
        if !lists_series {
            continue;
        }
        let b = header.iter().position(|h| h == "basis");
        let s = header.iter().position(|h| h == "scope");
        let (Some(b), Some(s)) = (b, s) else {
            panic!("README example lists a series without basis and scope: {sql}");
        };
        let series: BTreeSet<(String, String)> =
            body.iter().map(|r| (r[b].clone(), r[s].clone())).collect();
        assert_eq!(
            series.len(),
            1,
            "README example mixes series {series:?}: {sql}"
        );
    }
    // Saved queries that list values over periods show the basis and scope of each row.
    for (label, header, _) in every_view_and_saved_query() {
        if !label.starts_with("saved query") {
            continue;
        }
        let lists = header.iter().any(|h| h == "period") && header.iter().any(|h| h == "value");
        if lists {
            assert!(
                (header.contains(&"basis".to_owned()) && header.contains(&"scope".to_owned()))
                    || header.contains(&"series".to_owned()),
                "{label} lists values without basis and scope: {header:?}"
            );
        }
    }
}

#[test]
fn every_ref_is_cited_from_inside_the_database() {
    // Fault kind 11: `ref` was documented as an id in shared/sources/facts.csv, a file users of
    // the binary do not have. Every ref resolves to outlet, title, date and address through the
    // view `citations`, and a source's figures are listed by `source_figures`.
    let pointing = rows(
        "SELECT name FROM sqlite_schema WHERE sql LIKE '%facts.csv%' OR sql LIKE '%shared/sources%'",
    );
    assert!(
        pointing.is_empty(),
        "schema text that points to the research file: {pointing:?}"
    );
    let (header, _) = table("SELECT * FROM citations LIMIT 1");
    assert_eq!(
        &header[..6],
        ["ref", "source_id", "outlet", "title", "published", "url"],
        "{header:?}"
    );
    let uncited = rows(
        "SELECT DISTINCT ref FROM facts WHERE ref NOT IN (SELECT ref FROM citations WHERE ref IS NOT NULL)",
    );
    assert!(uncited.is_empty(), "refs without a citation: {uncited:?}");
    assert_eq!(
        rows("SELECT outlet, published, url FROM citations WHERE ref = 'F060'"),
        vec![vec![
            "SCODA official English site".to_owned(),
            "2021-05-26".to_owned(),
            "http://sh.scoda.com/news85/shownews.php?id=4117".to_owned()
        ]]
    );
    assert_eq!(
        rows(
            "SELECT qualifier, value, unit, period FROM source_figures WHERE source_id = 'S01' AND ref = 'F008'"
        ),
        vec![vec![
            "more than".to_owned(),
            "1700".to_owned(),
            "entities".to_owned(),
            "as of 2022-02".to_owned()
        ]]
    );
}

#[test]
fn every_seeded_ref_appears_in_facts() {
    // Fault kind 12: seven seeded refs (F241 among them) had no row in `facts`.
    let absent = rows(
        "SELECT DISTINCT ref FROM refs WHERE from_table <> 'omitted' \
         AND ref NOT IN (SELECT ref FROM facts) AND ref NOT IN (SELECT ref FROM omitted) ORDER BY ref",
    );
    assert!(
        absent.is_empty(),
        "seeded refs missing from facts: {absent:?}"
    );
}

#[test]
fn readme_counts_are_measured_on_the_data() {
    // The counts in README's "The data" are the database's, not remembered ones.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let n = |sql: &str| value(sql);
    let queries = query_files().len().to_string();
    let claims = [
        format!(
            "{} sources (the founding China Daily article",
            n("SELECT count(*) FROM sources")
        ),
        format!(
            "{} reports on the SCO's membership",
            n("SELECT count(DISTINCT source_id) FROM sco_membership")
        ),
        format!(
            "{} freight routes and {} of their runs",
            n("SELECT count(*) FROM routes"),
            n("SELECT count(*) FROM route_runs")
        ),
        format!(
            "{} statements about {} projects",
            n("SELECT count(*) FROM projects"),
            n("SELECT count(DISTINCT project_key) FROM projects")
        ),
        format!(
            "{} investment batches",
            n("SELECT count(*) FROM investment_batches")
        ),
        format!(
            "{} metric observations of {} metrics",
            n("SELECT count(*) FROM observations"),
            n("SELECT count(DISTINCT metric) FROM observations")
        ),
        format!("{} milestones", n("SELECT count(*) FROM milestones")),
        format!(
            "the SCO's {} member, observer and dialogue-partner statuses",
            n("SELECT count(*) FROM sco_membership")
        ),
        format!(
            "{} facts are seeded",
            n("SELECT count(DISTINCT ref) FROM refs WHERE from_table <> 'omitted'")
        ),
        format!(
            "appear in `facts` ({} rows)",
            n("SELECT count(*) FROM facts")
        ),
        format!("the {queries} saved queries"),
    ];
    for claim in claims {
        assert!(text.contains(&claim), "README does not say: {claim}");
    }
}

#[test]
fn sco_membership_rows_are_sourced() {
    // Every status has a source with an address; the statuses the issue names are there.
    let unsourced = value(
        "SELECT count(*) FROM sco_membership AS m LEFT JOIN sources AS s ON s.id = m.source_id WHERE s.url IS NULL",
    );
    assert_eq!(unsourced, "0");
    let got = rows(
        "SELECT country_code, status, since, COALESCE(until, '') FROM sco_membership \
         WHERE country_code IN ('IR', 'BY') ORDER BY country_code, since",
    );
    let want = [
        ["BY", "dialogue partner", "2010", "2015"],
        ["BY", "observer", "2015", "2024"],
        ["BY", "member", "2024", ""],
        ["IR", "observer", "2005", "2023"],
        ["IR", "member", "2023", ""],
    ];
    let want: Vec<Vec<String>> = want
        .iter()
        .map(|r| r.iter().map(|s| (*s).to_owned()).collect())
        .collect();
    assert_eq!(got, want);
    // Ten member states today, as the sources say.
    assert_eq!(
        value("SELECT count(*) FROM sco_membership WHERE status = 'member' AND until IS NULL"),
        "10"
    );
    // A status never overlaps the next one of the same country.
    let overlaps = rows(
        "SELECT a.country_code FROM sco_membership AS a JOIN sco_membership AS b \
         ON b.country_code = a.country_code AND b.since > a.since WHERE a.until IS NULL OR a.until > b.since",
    );
    assert!(overlaps.is_empty(), "{overlaps:?}");
}

#[test]
fn a_scope_column_shows_the_scope_its_source_stated() {
    // Fault kind 5, another instance: the multimodal centre's counts join the zone's series
    // (scopes.series_scope), but a column named scope must still say what the source
    // counted. metric_series and lines_and_reach showed series_scope as `scope`, so F074
    // (the multimodal centre's 401 trains) read as scope zone; series_checks said "on the
    // same basis and scope" of F076 (the centre) and F099 (the zone).
    let stated: BTreeSet<(String, String)> = rows("SELECT DISTINCT ref, scope FROM facts")
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let mut wrong = Vec::new();
    for (label, header, body) in every_view_and_saved_query() {
        for (r, s) in [("ref", "scope"), ("ref_a", "scope_a"), ("ref_b", "scope_b")] {
            let (Some(ri), Some(si)) = (
                header.iter().position(|h| h == r),
                header.iter().position(|h| h == s),
            ) else {
                continue;
            };
            for row in &body {
                let pair = (row[ri].clone(), row[si].clone());
                if !pair.0.is_empty() && !stated.contains(&pair) {
                    wrong.push(format!("{label}: {r} {} shown with {s} {}", pair.0, pair.1));
                }
            }
        }
        if let (Some(a), Some(b), Some(d)) = (
            header.iter().position(|h| h == "scope_a"),
            header.iter().position(|h| h == "scope_b"),
            header.iter().position(|h| h == "detail"),
        ) {
            for row in &body {
                if row[a] != row[b] && row[d].contains("same basis and scope") {
                    wrong.push(format!(
                        "{label}: {} and {} called the same scope",
                        row[a], row[b]
                    ));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "scopes shown as other than stated:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_readme_query_that_shows_a_value_shows_its_qualifier() {
    // Fault kind 3 in the README's prose examples (not only its `scoql>` blocks): the
    // .save-query example listed train_counts' value without its qualifier, so
    // `.run trains_in y=2018` printed "more than 3200" (F123) as 3200.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let text = std::fs::read_to_string(path).unwrap();
    let mut missing = Vec::new();
    for block in text.split("```").skip(1).step_by(2) {
        let flat = block.split_whitespace().collect::<Vec<_>>().join(" ");
        let lower = flat.to_ascii_lowercase();
        for (at, _) in lower.match_indices("select ") {
            let Some(end) = lower[at..].find(" from ") else {
                continue;
            };
            let list = &lower[at + 7..at + end];
            let words: Vec<&str> = list
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '*'))
                .collect();
            if words.contains(&"value") && !words.contains(&"qualifier") {
                missing.push(flat[at..at + end].to_string());
            }
        }
    }
    assert!(
        missing.is_empty(),
        "README queries show value without qualifier:\n{}",
        missing.join("\n")
    );
}

#[test]
fn about_counts_the_sources_its_figures_come_from() {
    // `.about` said "465 stated figures from 106 sources": 106 counts every row of
    // `sources`, 11 of which state only SCO membership; the figures of `facts` come from
    // fewer.
    let out = crate::common::scoql()
        .args(["--no-config", "-c", ".about"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let figures = value("SELECT count(*) FROM facts");
    let sources = value("SELECT count(DISTINCT source_id) FROM facts");
    assert!(
        text.contains(&format!("{figures} stated figures from {sources} sources")),
        "{text}"
    );
}
