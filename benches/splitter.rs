//! Splitter micro-benchmarks: turning input lines into SQL chunks and dot-commands, on the
//! shapes a script has — many one-line statements (W4 of scripts/bench.sh), long multi-line
//! statements (which must stay linear), trigger bodies, comments and dot-commands, the two
//! shapes that were quadratic (a huge block comment, a long string of `;`) — plus
//! `is_complete` alone.
//!
//! `cargo bench --bench splitter` (a few seconds per case).

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use scoql::input::{Item, Splitter};
use scoql::sqlite::is_complete;

/// 10,000 one-line statements: INSERTs and point SELECTs, interleaved.
fn one_liners() -> String {
    let mut s = String::from("CREATE TABLE kv(id INTEGER PRIMARY KEY, name TEXT, score REAL);\n");
    for i in 1..5000 {
        let _ = writeln!(
            s,
            "INSERT INTO kv(id, name, score) VALUES({i}, 'name {i}', {i}.25);"
        );
        let _ = writeln!(
            s,
            "SELECT id, name, score FROM kv WHERE id = {};",
            1 + i / 2
        );
    }
    s.push_str("SELECT count(*) FROM kv;\n");
    s
}

/// 20 INSERTs of 500 rows each, one row a line: only every 500th line completes a statement.
/// With `semicolons`, every row's text holds a `;` (inside a string literal), so each line
/// makes the splitter ask `is_complete` about the whole pending statement again.
fn multi_line(semicolons: bool) -> String {
    let text = if semicolons {
        "a; b -- not a comment"
    } else {
        "a, b -- not a comment"
    };
    let mut s = String::new();
    for _ in 0..20 {
        s.push_str("INSERT INTO kv(id, name, score) VALUES\n");
        for i in 0..500 {
            let end = if i == 499 { ";" } else { "," };
            let _ = writeln!(s, "  ({i}, '{text}', {i}.5){end}");
        }
    }
    s
}

/// Triggers whose bodies hold `;` on every line, comments, blank lines and dot-commands.
fn mixed() -> String {
    let mut s = String::new();
    for t in 0..200 {
        let _ = writeln!(s, "-- trigger {t}");
        s.push_str("/* a block comment */\n\n");
        let _ = writeln!(s, "CREATE TRIGGER t{t} AFTER INSERT ON kv BEGIN");
        for j in 0..10 {
            let _ = writeln!(s, "  UPDATE kv SET score = score + {j} WHERE id = new.id;");
        }
        s.push_str("END;\n");
        s.push_str(".mode csv\n");
        s.push_str("SELECT 'it''s; fine', \"quoted;id\" FROM kv; -- trailing\n");
    }
    s
}

/// The two shapes issue 17 found quadratic (9-28 s, against sqlite3's 0.01 s): 30,000
/// statements commented out in one block comment (about 1 MB), and a 30,000-line string
/// with `;` on every line. Linear now: the scanner keeps its state between lines.
fn block_comment() -> String {
    let mut s = String::from("/*\n");
    for i in 0..30_000 {
        let _ = writeln!(s, "insert into t values ({i}); -- x");
    }
    s.push_str("*/\nselect 1;\n");
    s
}

fn long_string() -> String {
    let mut s = String::from("select '");
    for i in 0..30_000 {
        let _ = writeln!(s, "line {i}; still the string;");
    }
    s.push_str("';\n");
    s
}

fn split(text: &str) -> usize {
    let mut splitter = Splitter::default();
    let mut items = 0;
    for (i, line) in text.lines().enumerate() {
        if let Some(item) = splitter.push_line(line, i + 1) {
            items += count(item);
        }
    }
    if let Some(item) = splitter.finish() {
        items += count(item);
    }
    items
}

fn count(item: Item) -> usize {
    match item {
        Item::Sql { text, .. } => black_box(text).len().min(1),
        Item::Dot { text, .. } | Item::Comment { text } => black_box(text).len().min(1),
        Item::TooLong { line, .. } => black_box(line).min(1),
    }
}

fn splitter(c: &mut Criterion) {
    let mut group = c.benchmark_group("splitter");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (name, text) in [
        ("10k_one_line_statements", one_liners()),
        ("20_statements_of_500_lines", multi_line(false)),
        (
            "20_statements_of_500_lines_with_semicolons",
            multi_line(true),
        ),
        ("triggers_comments_dot_commands", mixed()),
        ("block_comment_of_30k_lines", block_comment()),
        ("string_of_30k_lines_with_semicolons", long_string()),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| split(black_box(&text))));
    }
    group.finish();

    let mut group = c.benchmark_group("is_complete");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    let short = "SELECT id, name, score FROM kv WHERE id = 42;\n".to_string();
    let long = multi_line(true);
    for (name, text) in [("one_line", short), ("10k_lines_20_statements", long)] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| is_complete(black_box(&text))));
    }
    group.finish();
}

criterion_group!(benches, splitter);
criterion_main!(benches);
