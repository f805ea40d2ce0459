//! Handing results on: `.export FILE.xlsx` and `.excel` write a workbook that a reader
//! library reads back with the same values (numbers as numbers, dates as the text the
//! source stated), the query, and the sources the rows cite; `.export` writes other formats
//! by extension; `.copy` is covered at the terminal (tests/it/repl.rs).

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use tempfile::TempDir;

use crate::common::scoql;

/// A small sourced database: two sources, facts citing them by ref, and figures.
const SETUP: &str = "create table sources(id text primary key, title text, outlet text);\
    insert into sources values ('S01', 'Founding article', 'China Daily'),\
      ('S02', '中欧班列 report', 'Xinhua'), ('S03', 'Unused', 'Nobody');\
    create table facts(ref text, source_id text);\
    insert into facts values ('F1', 'S01'), ('F2', 'S02'), ('F3', 'S02');\
    create table figures(ref text, period text, value real, trains integer, note text, source_id text);\
    insert into figures values ('F1', '2022-07', 1.5, 9007199254740993, '青岛 <zone>', 'S01'),\
      ('F2', '2021', -2.25, 42, NULL, 'S02'), ('F3', '2020-2022', 0, 7, '', 'S02');";

fn sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut book = open_workbook_auto(path).unwrap();
    let range = book.worksheet_range(name).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

fn sheet_names(path: &Path) -> Vec<String> {
    open_workbook_auto(path).unwrap().sheet_names()
}

fn s(t: &str) -> Data {
    Data::String(t.into())
}

#[test]
fn export_xlsx_reads_back_with_the_same_values_the_query_and_the_sources() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("out.xlsx");
    let query = "select ref, period, value, trains, note, source_id from figures order by ref;";
    let out = scoql()
        .args(["--no-seed", "--list", "-c", SETUP, "-c", query])
        .args(["-c", &format!(".export {}", file.display())])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert_eq!(
        err,
        format!("wrote {} (3 rows, 2 sources)\n", file.display())
    );
    assert_eq!(sheet_names(&file), ["result", "query", "sources"]);
    assert_eq!(
        sheet(&file, "result"),
        vec![
            vec![
                s("ref"),
                s("period"),
                s("value"),
                s("trains"),
                s("note"),
                s("source_id")
            ],
            // A number is a number; a date is the text its source stated; an integer a
            // double cannot hold exactly is text, with every digit.
            vec![
                s("F1"),
                s("2022-07"),
                Data::Float(1.5),
                s("9007199254740993"),
                s("青岛 <zone>"),
                s("S01")
            ],
            vec![
                s("F2"),
                s("2021"),
                Data::Float(-2.25),
                Data::Float(42.0),
                Data::Empty,
                s("S02")
            ],
            // An empty text reads back as an empty cell, as NULL does: a spreadsheet has no
            // other empty.
            vec![
                s("F3"),
                s("2020-2022"),
                Data::Float(0.0),
                Data::Float(7.0),
                Data::Empty,
                s("S02")
            ],
        ]
    );
    let about = sheet(&file, "query");
    assert_eq!(about[0], vec![s("query"), s(query)]);
    assert!(about.contains(&vec![s("rows"), s("3")]), "{about:?}");
    assert_eq!(
        sheet(&file, "sources"),
        vec![
            vec![s("id"), s("title"), s("outlet"), s("rows_citing")],
            vec![
                s("S01"),
                s("Founding article"),
                s("China Daily"),
                Data::Float(1.0)
            ],
            vec![
                s("S02"),
                s("中欧班列 report"),
                s("Xinhua"),
                Data::Float(2.0)
            ],
        ]
    );
}

#[test]
fn a_result_with_refs_only_finds_its_sources_through_facts() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("refs.xlsx");
    let out = scoql()
        .args([
            "--no-seed",
            "-c",
            SETUP,
            "-c",
            "select ref from figures where ref <> 'F1';",
        ])
        .args(["-c", &format!(".export {}", file.display())])
        .output()
        .unwrap();
    assert!(out.status.success());
    let sources = sheet(&file, "sources");
    assert_eq!(sources.len(), 2, "{sources:?}");
    assert_eq!(sources[1][0], s("S02"));
    assert_eq!(sources[1][3], Data::Float(2.0));
}

#[test]
fn a_result_that_cites_nothing_has_no_sources_sheet() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("plain.xlsx");
    let out = scoql()
        .args(["--no-seed", "-c", "select 1 as a, 'x' as b;"])
        .args(["-c", &format!(".export {}", file.display())])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(sheet_names(&file), ["result", "query"]);
}

#[test]
fn excel_writes_a_new_workbook_in_the_temp_directory_and_names_it() {
    let tmp = TempDir::new().unwrap();
    let out = scoql()
        .env("TMPDIR", tmp.path())
        .args([
            "--no-seed",
            "-c",
            "select 'a' as x union all select 'b';",
            "-c",
            ".excel",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let files: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let file = &files[0];
    assert!(file.extension().is_some_and(|e| e == "xlsx"), "{file:?}");
    assert_eq!(
        err,
        format!(
            "wrote {} (2 rows); open it in a spreadsheet app\n",
            file.display()
        )
    );
    assert_eq!(
        sheet(file, "result"),
        vec![vec![s("x")], vec![s("a")], vec![s("b")]]
    );
}

#[test]
fn export_writes_other_formats_by_extension_and_refuses_an_unknown_one() {
    let dir = TempDir::new().unwrap();
    let csv = dir.path().join("r.csv");
    let html = dir.path().join("r.html");
    let out = scoql()
        .args(["--no-seed", "-c", "select 1 as a, '<b>' as b;"])
        .args(["-c", &format!(".export {}", csv.display())])
        .args(["-c", &format!(".export {}", html.display())])
        .args([
            "-c",
            &format!(".export {}", dir.path().join("r.doc").display()),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), "a,b\n1,<b>\n");
    assert_eq!(
        std::fs::read_to_string(&html).unwrap(),
        "<TR><TH>a</TH>\n<TH>b</TH>\n</TR>\n<TR><TD>1</TD>\n<TD>&lt;b&gt;</TD>\n</TR>\n"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot tell the format from '.doc'"), "{err}");
    assert!(!dir.path().join("r.doc").exists());
    // One row is "1 row", as the footer says it.
    assert!(
        err.contains(&format!(
            "wrote {} (1 row as csv, 10 bytes)\n",
            csv.display()
        )),
        "{err}"
    );
}

#[test]
fn handing_on_needs_a_result_and_is_refused_with_safe() {
    let out = scoql()
        .args(["--no-seed", "-c", ".export x.xlsx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no result yet"));
    for cmd in [".excel", ".export x.xlsx"] {
        let out = scoql()
            .args(["--no-seed", "--safe", "-c", "select 1;", "-c", cmd])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{cmd}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("not allowed with --safe"));
    }
}

/// The spreadsheet app `.excel` starts runs in a process group of its own: in scoql's, the
/// Ctrl-C that interrupts a later query (or the hangup when the terminal closes) would
/// end the app too, with the user's unsaved work in it.
#[test]
fn excel_starts_the_spreadsheet_app_outside_scoqls_process_group() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = TempDir::new().unwrap();
    let bin = tmp.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let record = tmp.path().join("opener.pgid");
    let opener = bin.join("xdg-open");
    std::fs::write(
        &opener,
        format!(
            "#!/bin/sh\nawk '{{print $5}}' /proc/$$/stat > '{0}.part' && mv '{0}.part' '{0}'\n",
            record.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = scoql()
        .env("TMPDIR", tmp.path())
        .env("DISPLAY", ":0")
        .env("PATH", path)
        .args(["--no-seed", "-c", "select 1 as x;", "-c", ".excel"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let start = std::time::Instant::now();
    while !record.exists() && start.elapsed() < std::time::Duration::from_secs(20) {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let group: i32 = std::fs::read_to_string(&record)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    // scoql ran in the test's own process group.
    // SAFETY: getpgrp only reads.
    assert_ne!(group, unsafe { libc::getpgrp() });
}
