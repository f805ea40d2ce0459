//! Completion at the prompt: SQL keywords, tables and views, columns (after `alias.` too),
//! functions, dot-commands and their arguments, file paths, saved queries, and column values
//! inside a string literal. Names are read from the live database and read again whenever
//! its schema or data change.

use std::collections::HashMap;
use std::path::PathBuf;

use rusqlite::Connection;
use rustyline::completion::{FilenameCompleter, Pair};

use crate::dot::{self, ArgKind, COMMANDS};
use crate::render::{Mode, Numbers};
use crate::saved;
use crate::sqlite;
use crate::sqltext::{self, TokenKind};

/// Columns with at most this many distinct text values get their values completed.
const MAX_VALUES: usize = 300;
/// Tables and views with more rows than this are not scanned for values.
const MAX_SCAN_ROWS: usize = 20_000;
/// How much work reading values may take in all, at start and after a change, in SQLite
/// virtual-machine steps: bounded by SQLite's own count, not by the clock, so what is
/// offered does not depend on the machine's load, and a slow view cannot hold the prompt.
const VALUES_BUDGET: u64 = 20_000_000;

/// What completion knows about the database.
#[derive(Default)]
struct Names {
    tables: Vec<String>,
    /// Lower-case table name → its columns.
    columns: HashMap<String, Vec<String>>,
    functions: Vec<String>,
    /// (lower-case table, lower-case column) → its distinct text values.
    values: HashMap<(String, String), Vec<String>>,
    /// The dataset's source ids (`S01`), when it has a `sources` table.
    sources: Vec<String>,
    /// schema_version and total_changes when read, to know when to read again.
    version: Option<(i64, i64)>,
}

/// Completion: what it knows of the live database, SQLite's keywords, and the file-name
/// completer for file-taking dot-commands.
pub struct Completion {
    keywords: Vec<String>,
    names: Names,
    files: FilenameCompleter,
    /// The user's own saved queries, completed after `.run` and `.examples`.
    queries_dir: Option<PathBuf>,
    /// The lines already entered of the statement being typed: the tables and aliases
    /// they name are known on the line being completed.
    pending: String,
}

fn strings(conn: &Connection, sql: &str) -> Vec<String> {
    let Ok(mut st) = conn.prepare(sql) else {
        return Vec::new();
    };
    st.query_map([], |r| r.get::<_, String>(0))
        .map(|rows| rows.filter_map(|r| r.ok()).collect())
        .unwrap_or_default()
}

/// The distinct text values of each column of `table`, in one scan; empty for a column
/// with more than `MAX_VALUES` of them, or for every column of a large table.
fn distinct_text_values(conn: &Connection, table: &str, columns: usize) -> Vec<Vec<String>> {
    let mut sets: Vec<Option<std::collections::BTreeSet<String>>> =
        vec![Some(std::collections::BTreeSet::new()); columns];
    let sql = format!(
        "SELECT * FROM {} LIMIT {}",
        quote_ident(table),
        MAX_SCAN_ROWS + 1
    );
    let Ok(mut st) = conn.prepare(&sql) else {
        return vec![Vec::new(); columns];
    };
    let Ok(mut rows) = st.query([]) else {
        return vec![Vec::new(); columns];
    };
    let mut seen = 0;
    while let Ok(Some(row)) = rows.next() {
        seen += 1;
        if seen > MAX_SCAN_ROWS {
            return vec![Vec::new(); columns];
        }
        for (i, slot) in sets.iter_mut().enumerate() {
            let Some(set) = slot else { continue };
            if let Ok(rusqlite::types::ValueRef::Text(t)) = row.get_ref(i) {
                set.insert(String::from_utf8_lossy(t).into_owned());
                if set.len() > MAX_VALUES {
                    *slot = None;
                }
            }
        }
    }
    sets.into_iter()
        .map(|s| s.map(|s| s.into_iter().collect()).unwrap_or_default())
        .collect()
}

fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

impl Completion {
    pub fn new(queries_dir: Option<PathBuf>) -> Self {
        Completion {
            keywords: sqlite::keywords(),
            names: Names::default(),
            files: FilenameCompleter::new(),
            queries_dir,
            pending: String::new(),
        }
    }

    /// The earlier lines of the statement being typed (empty at a fresh prompt).
    pub fn set_pending(&mut self, lines: &str) {
        self.pending.clear();
        self.pending.push_str(lines);
    }

    /// The completions at byte `pos` of `line`: where the replaced word starts, and the
    /// candidates.
    pub fn complete(&self, line: &str, pos: usize) -> (usize, Vec<Pair>) {
        let pos = floor_boundary(line, pos);
        if line.trim_start().starts_with('.') {
            return self.complete_dot(line, pos);
        }
        self.complete_sql(line, pos)
    }

    /// Reads names again when the schema or the data changed since the last read.
    pub fn refresh(&mut self, conn: &Connection) {
        let version = conn
            .query_row(
                "SELECT (SELECT schema_version FROM pragma_schema_version), total_changes()",
                [],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
            )
            .ok();
        if version.is_some() && version == self.names.version {
            return;
        }
        let mut names = Names {
            version,
            ..Names::default()
        };
        names.tables = strings(
            conn,
            "SELECT name FROM sqlite_schema WHERE type IN ('table','view') \
             AND name NOT LIKE 'sqlite_%' ORDER BY name",
        );
        let tables = strings(
            conn,
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        );
        names.sources = strings(conn, "SELECT id FROM sources ORDER BY id");
        names.functions = strings(
            conn,
            "SELECT DISTINCT name FROM pragma_function_list WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
        );
        for table in &names.tables {
            let cols = strings(
                conn,
                &format!("SELECT name FROM pragma_table_info({})", sql_string(table)),
            );
            names.columns.insert(table.to_lowercase(), cols);
        }
        // Values are read in one pass over each table or view, tables first (cheap), within
        // one budget of SQLite steps for all: a view that is slow to compute is cut off.
        let mut order: Vec<&String> = names.tables.iter().collect();
        order.sort_by_key(|t| !tables.contains(*t));
        sqlite::with_step_budget(conn, VALUES_BUDGET, || {
            for table in order {
                let cols = &names.columns[&table.to_lowercase()];
                for (col, values) in cols
                    .iter()
                    .zip(distinct_text_values(conn, table, cols.len()))
                {
                    if !values.is_empty() {
                        names
                            .values
                            .insert((table.to_lowercase(), col.to_lowercase()), values);
                    }
                }
            }
        });
        self.names = names;
    }

    fn columns_of(&self, table: &str) -> &[String] {
        self.names
            .columns
            .get(&table.to_lowercase())
            .map_or(&[], Vec::as_slice)
    }

    fn complete_dot(&self, line: &str, pos: usize) -> (usize, Vec<Pair>) {
        let before = &line[..pos];
        let lead = before.len() - before.trim_start().len();
        let rest = &before[lead..];
        // Words split on any whitespace, which may be more than one byte (U+00A0, U+3000).
        let word_start = before
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(lead, |(i, c)| i + c.len_utf8())
            .max(lead);
        let word = &before[word_start..];
        if !rest.contains(char::is_whitespace) {
            let typed = word.trim_start_matches('.');
            // An alias is offered only when its command's own name does not match: `.hea`
            // completes to `.headers`, not to the common prefix of `.header` and `.headers`.
            let pairs = COMMANDS
                .iter()
                .flat_map(|c| {
                    let names = std::iter::once(c.name).chain(c.aliases.iter().copied());
                    let is_name_typed = c.name.starts_with(typed);
                    names
                        .filter(|n| n.starts_with(typed))
                        .take(if is_name_typed { 1 } else { usize::MAX })
                })
                .map(|n| pair(&format!(".{n}"), &format!(".{n} ")))
                .collect();
            return (word_start, pairs);
        }
        let words = dot::tokenize(rest.trim_start_matches('.'));
        let Some(cmd) = words.first().and_then(|w| dot::find(w)) else {
            return (pos, Vec::new());
        };
        let index = if before.ends_with(char::is_whitespace) {
            words.len() - 1
        } else {
            words.len().saturating_sub(2)
        };
        let kind = cmd
            .args
            .get(index)
            .or(cmd.args.last())
            .copied()
            .unwrap_or(ArgKind::Text);
        let options: Vec<String> = match kind {
            ArgKind::File => {
                return super::files::complete(&self.files, line, pos);
            }
            ArgKind::Mode => Mode::all().iter().map(|m| m.name()).collect(),
            ArgKind::Numbers => Numbers::all().iter().map(|n| n.name()).collect(),
            ArgKind::OnOff => vec!["on".into(), "off".into()],
            ArgKind::Table => self.names.tables.clone(),
            ArgKind::Query => saved::names(self.queries_dir.as_deref()),
            ArgKind::Param => {
                // `NAME=` for each parameter the query declares that is not given yet.
                let query = words.get(1).map(String::as_str).unwrap_or_default();
                let given: Vec<&str> = words[2..]
                    .iter()
                    .filter_map(|w| w.split_once('=').map(|(k, _)| k))
                    .collect();
                let params = saved::find(query, self.queries_dir.as_deref())
                    .map(|(q, _)| q.params)
                    .unwrap_or_default();
                let pairs = params
                    .iter()
                    .filter(|p| !given.contains(&p.name.as_str()) && p.name.starts_with(word))
                    .map(|p| pair(&saved::describe_param(p), &format!("{}=", p.name)))
                    .collect();
                return (word_start, pairs);
            }
            ArgKind::Source => {
                let upper = word.to_uppercase();
                let pairs = self
                    .names
                    .sources
                    .iter()
                    .filter(|id| id.starts_with(&upper))
                    .map(|id| pair(id, id))
                    .collect();
                return (word_start, pairs);
            }
            ArgKind::Command => COMMANDS.iter().map(|c| c.name.to_string()).collect(),
            ArgKind::Text if cmd.name == "parameter" && index == 0 => {
                ["set", "unset", "list", "clear"].map(String::from).to_vec()
            }
            ArgKind::Text => Vec::new(),
        };
        let pairs = options
            .iter()
            .filter(|o| o.starts_with(word))
            .map(|o| pair(o, &format!("{o} ")))
            .collect();
        (word_start, pairs)
    }

    /// Tables named after FROM or JOIN in the statement being typed (its earlier lines
    /// and `line`), with their aliases: alias (or name) → table, all lower-case. A FROM
    /// list names several (`from facts f, sources s`); `AS` is optional; names may be
    /// quoted or schema-qualified.
    fn tables_in(&self, line: &str) -> Vec<(String, String)> {
        let text = format!("{}\n{line}", self.pending);
        let words: Vec<(TokenKind, String)> = sqltext::tokenize(&text)
            .into_iter()
            .filter(|t| {
                !matches!(
                    t.kind,
                    TokenKind::Whitespace | TokenKind::LineComment | TokenKind::BlockComment
                )
            })
            .map(|t| (t.kind, unquote(t.kind, t.text(&text)).to_lowercase()))
            .collect();
        let is_name = |i: usize| {
            words
                .get(i)
                .is_some_and(|(k, _)| matches!(k, TokenKind::Word | TokenKind::QuotedIdent))
        };
        let is_punct = |i: usize, p: &str| words.get(i).is_some_and(|(_, w)| w == p);
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let keyword = words[i].1.as_str();
            i += 1;
            if keyword != "from" && keyword != "join" {
                continue;
            }
            loop {
                if !is_name(i) {
                    break;
                }
                // `main.facts`: the table is the last part.
                while is_punct(i + 1, ".") && is_name(i + 2) {
                    i += 2;
                }
                let table = words[i].1.clone();
                i += 1;
                if words.get(i).is_some_and(|(_, w)| w == "as") {
                    i += 1;
                }
                let alias = match words.get(i) {
                    Some((TokenKind::QuotedIdent, a)) => Some(a.clone()),
                    Some((TokenKind::Word, a))
                        if !self.keywords.iter().any(|k| k.eq_ignore_ascii_case(a)) =>
                    {
                        Some(a.clone())
                    }
                    _ => None,
                };
                if alias.is_some() {
                    i += 1;
                }
                if self.names.columns.contains_key(&table) {
                    found.push((alias.unwrap_or_else(|| table.clone()), table.clone()));
                    found.push((table.clone(), table));
                }
                if keyword == "from" && is_punct(i, ",") {
                    i += 1;
                    continue;
                }
                break;
            }
        }
        found
    }

    /// Inside `col = '...`: the distinct values of that column.
    fn complete_value(&self, line: &str, pos: usize, quote: usize) -> Option<(usize, Vec<Pair>)> {
        let typed = &line[quote + 1..pos];
        let head = line[..quote].trim_end();
        let head = head
            .strip_suffix('(')
            .map(|h| h.trim_end().strip_suffix_ci("in").unwrap_or(h))
            .unwrap_or(head)
            .trim_end();
        let head = ["<>", "!=", "==", "=", "like", "glob", ","]
            .iter()
            .find_map(|op| head.strip_suffix_ci(op))?
            .trim_end();
        let col_ref: String = head
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let (qualifier, column) = match col_ref.rsplit_once('.') {
            Some((q, c)) => (Some(q.to_lowercase()), c.to_lowercase()),
            None => (None, col_ref.to_lowercase()),
        };
        let tables = self.tables_in(line);
        let candidates: Vec<&String> = match &qualifier {
            Some(q) => tables
                .iter()
                .filter(|(a, _)| a == q)
                .map(|(_, t)| t)
                .collect(),
            None => tables.iter().map(|(_, t)| t).collect(),
        };
        let values = candidates
            .iter()
            .find_map(|t| self.names.values.get(&((*t).clone(), column.clone())))?;
        let pairs = values
            .iter()
            .filter(|v| v.starts_with(typed))
            .map(|v| pair(v, &format!("{}'", v.replace('\'', "''"))))
            .collect();
        Some((quote + 1, pairs))
    }

    fn complete_sql(&self, line: &str, pos: usize) -> (usize, Vec<Pair>) {
        let before = &line[..pos];
        if let Some(open) = sqltext::unclosed(before)
            && open.kind == TokenKind::String
        {
            return self
                .complete_value(line, pos, open.start)
                .unwrap_or((pos, Vec::new()));
        }
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric() || *c == '_')
            .last()
            .map_or(pos, |(i, _)| i);
        let word = &before[start..];
        let lower = word.to_lowercase();
        if let Some(prefix) = before[..start].strip_suffix('.') {
            let qualifier: String = prefix
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect::<String>()
                .to_lowercase();
            let tables = self.tables_in(line);
            let table = tables
                .iter()
                .find(|(a, _)| *a == qualifier)
                .map_or(qualifier.clone(), |(_, t)| t.clone());
            let pairs = self
                .columns_of(&table)
                .iter()
                .filter(|c| c.to_lowercase().starts_with(&lower))
                .map(|c| pair(c, c))
                .collect();
            return (start, pairs);
        }
        if word.is_empty() {
            return (pos, Vec::new());
        }
        // Where only a table can follow, only tables are offered: `from rou` must not stop at
        // the common prefix of `routes` and `round()`.
        if is_table_position(&before[..start]) {
            let pairs = self
                .names
                .tables
                .iter()
                .filter(|t| t.to_lowercase().starts_with(&lower))
                .map(|t| pair(t, t))
                .collect();
            return (start, pairs);
        }
        let upper = word.chars().all(|c| !c.is_lowercase());
        let mut seen = std::collections::HashSet::new();
        let mut pairs = Vec::new();
        let mut add = |display: String, replacement: String| {
            if display.to_lowercase().starts_with(&lower) && seen.insert(display.clone()) {
                pairs.push(pair(&display, &replacement));
            }
        };
        let in_query: Vec<String> = self.tables_in(line).into_iter().map(|(_, t)| t).collect();
        for t in &in_query {
            for c in self.columns_of(t) {
                add(c.clone(), c.clone());
            }
        }
        for t in &self.names.tables {
            add(t.clone(), t.clone());
        }
        for k in &self.keywords {
            let k = if upper { k.clone() } else { k.to_lowercase() };
            add(k.clone(), k);
        }
        for f in &self.names.functions {
            add(format!("{f}()"), format!("{f}("));
        }
        if in_query.is_empty() {
            for cols in self.names.columns.values() {
                for c in cols {
                    add(c.clone(), c.clone());
                }
            }
        }
        (start, pairs)
    }
}

/// True when the word before the cursor's word is one after which SQL names a table.
fn is_table_position(head: &str) -> bool {
    let head = head.trim_end();
    let previous = head
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '_'))
        .next()
        .unwrap_or("");
    ["from", "join", "into", "update", "table"]
        .iter()
        .any(|k| previous.eq_ignore_ascii_case(k))
}

/// A quoted identifier's name (`"odd name"` → `odd name`); other words as they are.
fn unquote(kind: TokenKind, text: &str) -> String {
    if kind != TokenKind::QuotedIdent || text.len() < 2 {
        return text.to_string();
    }
    let close = match text.as_bytes()[0] {
        b'[' => "]",
        b'`' => "`",
        _ => "\"",
    };
    // The opening quote is one byte; the closing one is missing while it is being typed
    // (`"上合`), and the last byte may then be inside a character.
    let inner = &text[1..];
    let inner = inner.strip_suffix(close).unwrap_or(inner);
    inner.replace(&close.repeat(2), close)
}

fn sql_string(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fn pair(display: &str, replacement: &str) -> Pair {
    Pair {
        display: display.to_string(),
        replacement: replacement.to_string(),
    }
}

trait StripSuffixCi {
    fn strip_suffix_ci(&self, suffix: &str) -> Option<&str>;
}

impl StripSuffixCi for str {
    fn strip_suffix_ci(&self, suffix: &str) -> Option<&str> {
        let n = self.len().checked_sub(suffix.len())?;
        if !self.is_char_boundary(n) || !self[n..].eq_ignore_ascii_case(suffix) {
            return None;
        }
        Some(&self[..n])
    }
}

/// `pos` moved back to a character boundary of `line`, so no slice can split a character.
fn floor_boundary(line: &str, pos: usize) -> usize {
    let mut pos = pos.min(line.len());
    while !line.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn helper() -> Completion {
        let mut h = Completion::new(None);
        let conn = Connection::open_in_memory().expect("an in-memory database");
        let _ = conn.execute_batch(
            "CREATE TABLE routes(id INTEGER, country TEXT, name TEXT); \
             INSERT INTO routes VALUES (1, 'KZ', 'a'), (2, 'UZ', 'b'); \
             CREATE TABLE projects(id INTEGER, investor TEXT);",
        );
        h.refresh(&conn);
        h
    }

    fn displays(r: (usize, Vec<Pair>)) -> Vec<String> {
        r.1.into_iter().map(|p| p.display).collect()
    }

    #[test]
    fn completes_tables_keywords_and_columns_after_an_alias() {
        let h = helper();
        assert_eq!(
            displays(h.complete_sql("select * from rou", 17)),
            vec!["routes".to_string()]
        );
        assert_eq!(
            displays(h.complete_sql("SELECT * FROM routes JOIN pro", 29)),
            vec!["projects".to_string()]
        );
        assert!(displays(h.complete_sql("select rou", 10)).contains(&"round()".into()));
        assert!(displays(h.complete_sql("SEL", 3)).contains(&"SELECT".into()));
        let line = "select r.co from routes r";
        assert_eq!(
            displays(h.complete_sql(line, 11)),
            vec!["country".to_string()]
        );
    }

    #[test]
    fn completes_values_inside_a_string() {
        let h = helper();
        let line = "select * from routes where country = 'K";
        let (start, pairs) = h.complete_sql(line, line.len());
        assert_eq!(start, line.len() - 1);
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].replacement, "KZ'");
    }

    #[test]
    fn completes_dot_commands_and_their_arguments() {
        let h = helper();
        assert_eq!(displays(h.complete_dot(".hea", 4)), vec![".headers"]);
        assert_eq!(displays(h.complete_dot(".qu", 3)), vec![".quit"]);
        assert_eq!(
            displays(h.complete_dot(".mode cs", 8)),
            vec!["csv".to_string()]
        );
        assert_eq!(
            displays(h.complete_dot(".headers o", 10)),
            vec!["on", "off"]
        );
    }

    #[test]
    fn aliases_are_known_in_from_lists_quoted_names_and_earlier_lines() {
        let mut h = helper();
        let line = "select p.inv, r.cou from projects p, routes as r";
        assert_eq!(displays(h.complete_sql(line, 12)), vec!["investor"]);
        assert_eq!(displays(h.complete_sql(line, 19)), vec!["country"]);
        let line = "select x.co from \"routes\" x";
        assert_eq!(displays(h.complete_sql(line, 11)), vec!["country"]);
        // The alias was defined on a line already entered.
        h.set_pending("select *\nfrom routes r");
        assert_eq!(displays(h.complete_sql("where r.na", 10)), vec!["name"]);
        h.set_pending("");
        assert!(displays(h.complete_sql("where r.na", 10)).is_empty());
    }

    #[test]
    fn run_completes_query_names_then_their_parameters() {
        let h = helper();
        assert_eq!(
            displays(h.complete_dot(".run facts_in", 13)),
            vec!["facts_in_year"]
        );
        assert_eq!(
            displays(h.complete_dot(".examples train_c", 17)),
            vec!["train_counts"]
        );
        let (start, pairs) = h.complete_dot(".run facts_in_year ", 19);
        assert_eq!(start, 19);
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].replacement, "year=");
        assert_eq!(pairs[0].display, "year=INTEGER  the year, e.g. 2021");
        // A parameter already given is not offered again.
        assert!(
            h.complete_dot(".run facts_in_year year=1 ", 26)
                .1
                .is_empty()
        );
    }

    #[test]
    fn sources_completes_source_ids() {
        let mut h = Completion::new(None);
        let conn = Connection::open_in_memory().expect("an in-memory database");
        let _ = conn.execute_batch(
            "CREATE TABLE sources(id TEXT); INSERT INTO sources VALUES ('S01'), ('S02'), ('S10');",
        );
        h.refresh(&conn);
        assert_eq!(
            displays(h.complete_dot(".sources S0", 11)),
            vec!["S01", "S02"]
        );
        assert_eq!(displays(h.complete_dot(".sources s1", 11)), vec!["S10"]);
    }

    #[test]
    fn multi_byte_spaces_never_split_a_character() {
        let h = helper();
        for line in [
            ".mode\u{a0}",
            ".mode\u{3000}c",
            "select\u{3000}rou",
            "'\u{a0}",
        ] {
            for pos in 0..=line.len() {
                let _ = h.complete(line, pos);
            }
        }
        assert_eq!(displays(h.complete(".mode\u{a0}cs", 9)), vec!["csv"]);
    }

    /// Whatever is typed and wherever the cursor is, completion and highlighting return.
    mod never_panic {
        use super::*;
        use proptest::prelude::*;

        fn piece() -> impl Strategy<Value = String> {
            prop::sample::select(vec![
                "select",
                " ",
                "\u{a0}",
                "\u{3000}",
                "from",
                "routes",
                "r",
                ".",
                ",",
                "'",
                "\"",
                "[",
                "]",
                "`",
                "(",
                ")",
                "\n",
                "\t",
                "é",
                "上合",
                "e\u{301}",
                ".mode",
                ".run",
                ".read",
                ".sources",
                ".examples",
                ".import",
                ".open",
                ".help",
                "--",
                "/*",
                "*/",
                "x'",
                ":",
                "@",
                "$",
                "?1",
                "as",
                "join",
                "on",
                "where",
                "=",
                "r.",
                "routes.",
                "\\",
                "~",
                "/",
                "~/",
                "..",
                "\u{1b}",
                "\u{200d}",
                "🇨🇳",
                "👩‍👩‍👧",
                ";",
                "country",
                "with",
                "cte(",
                "union",
                "values",
                ".run train_counts ",
                "p=",
                ".param set ",
                "where country = '",
                "'上",
                "K",
                "Z'",
                ".sources S0",
                ".import \"a b",
                "[上",
                "`上",
                "\"上合\"",
                ".",
                "\u{feff}",
                "\r",
                ".once ",
                ".save ",
                ".describe ",
                ".chart ",
                ".mode\u{a0}",
                ".pivot ",
                ".summarize ",
                ".last ",
                ".numbers ",
                "ⅷ",
                "İ",
                "ß",
                "K",
                "ǅ",
            ])
            .prop_map(|s| s.to_string())
        }
        proptest! {
            #![proptest_config(ProptestConfig::with_cases(3000))]
            #[test]
            fn on_any_line_at_any_cursor(
                parts in prop::collection::vec(piece(), 0..12),
                pend in prop::collection::vec(piece(), 0..6),
                at in 0usize..200,
            ) {
                let mut h = helper();
                let line: String = parts.concat();
                let pending: String = pend.concat();
                h.set_pending(&pending);
                let bounds: Vec<usize> = line.char_indices().map(|(i, _)| i).chain([line.len()]).collect();
                let pos = bounds[at % bounds.len()];
                let _ = h.complete(&line, pos);
                let hl = crate::repl::highlight::Highlight::new();
                let _ = hl.line(&line, pos);
            }
        }
    }
}
