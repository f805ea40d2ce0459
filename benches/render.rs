//! Renderer micro-benchmarks: every output mode over the same 10,000 rows, stepped from a real
//! SQLite statement as the session does (output drained every 64 KiB), against a baseline that
//! only steps and reads the cells. A mode's own cost is its time minus `step_only`.
//!
//! `cargo bench --bench render` (a few seconds per mode).

use std::ffi::CString;
use std::fmt::Debug;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use rusqlite::Connection;
use scoql::render::{Mode, Options, renderer};
use scoql::sqlite::{Statements, Step, Stmt};
use scoql::value::Cell;

const ROWS: u64 = 10_000;
const CHUNK: usize = 64 * 1024;

/// Integers, reals, plain text, and text that csv and quote modes must quote (or NULL).
fn query() -> String {
    format!(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < {ROWS}) \
         SELECT i AS id, i * 0.5 AS score, 'row ' || i AS name, \
         CASE WHEN i % 10 = 0 THEN NULL ELSE 'say \"hi\", ' || (i % 7) END AS note FROM n"
    )
}

fn must<T, E: Debug>(r: Result<T, E>, what: &str) -> T {
    match r {
        Ok(v) => v,
        Err(e) => panic!("{what}: {e:?}"),
    }
}

fn prepare<'c>(conn: &'c Connection, sql: &CString) -> Stmt<'c> {
    match Statements::new(conn, sql).next() {
        Some(prepared) => must(prepared, "prepare").stmt,
        None => panic!("no statement in {sql:?}"),
    }
}

/// Steps the whole result into `mode`'s renderer, as the executor does; returns the bytes
/// written.
fn render_all(
    conn: &Connection,
    sql: &CString,
    mode: Mode,
    opts: &Options,
    buf: &mut Vec<u8>,
) -> usize {
    let mut stmt = prepare(conn, sql);
    let names = stmt.column_names();
    let mut r = renderer(&Options {
        mode,
        ..opts.clone()
    });
    let mut written = 0;
    buf.clear();
    r.begin(buf, &names);
    while let Step::Row = must(stmt.step(), "step") {
        let mut cells: Vec<Cell> = Vec::with_capacity(names.len());
        stmt.cells(&mut cells);
        r.row(buf, &cells);
        if buf.len() >= CHUNK {
            written += buf.len();
            black_box(&buf[..]);
            buf.clear();
        }
    }
    r.end(buf);
    written += buf.len();
    black_box(&buf[..]);
    written
}

/// The same loop with no renderer: stepping and reading each cell once.
fn step_only(conn: &Connection, sql: &CString) -> usize {
    let mut stmt = prepare(conn, sql);
    let mut count = 0;
    while let Step::Row = must(stmt.step(), "step") {
        let mut cells: Vec<Cell> = Vec::with_capacity(4);
        stmt.cells(&mut cells);
        count += black_box(&cells).len();
    }
    count
}

fn renderers(c: &mut Criterion) {
    let conn = must(Connection::open_in_memory(), "open");
    let sql = must(CString::new(query()), "query text");
    let opts = Options {
        maxrows: None,
        ..Options::default()
    };
    let mut buf = Vec::with_capacity(CHUNK + 4096);

    let mut group = c.benchmark_group("render_10k_rows");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .throughput(Throughput::Elements(ROWS));
    group.bench_function("step_only", |b| {
        b.iter(|| black_box(step_only(&conn, &sql)));
    });
    for &mode in Mode::all() {
        group.bench_function(mode.name(), |b| {
            b.iter(|| black_box(render_all(&conn, &sql, mode, &opts, &mut buf)));
        });
    }
    group.finish();

    // Table modes as on a terminal: 40 rows drawn (head and tail ring) of the 10,000.
    let limited = Options {
        maxrows: Some(40),
        width: Some(100),
        ..Options::default()
    };
    let mut group = c.benchmark_group("render_10k_rows_maxrows_40");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .throughput(Throughput::Elements(ROWS));
    for mode in [Mode::Table, Mode::Box] {
        group.bench_function(mode.name(), |b| {
            b.iter(|| black_box(render_all(&conn, &sql, mode, &limited, &mut buf)));
        });
    }
    group.finish();
}

criterion_group!(benches, renderers);
criterion_main!(benches);
