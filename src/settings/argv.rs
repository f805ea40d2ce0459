//! The command line as sqlite3's users type it: single-dash options rewritten to the
//! spelling clap parses, and output options taken in the order given.

use std::collections::HashSet;
use std::ffi::OsString;

use clap::parser::ValueSource;
use clap::{ArgMatches, CommandFactory};

use super::Args;
use crate::render::{Mode, Options};

/// An output option as given on the command line. sqlite3 applies these and `-cmd` in the
/// order given, so of two that set the same thing the later wins: `-separator ; -csv` is
/// csv's `,`, and `-cmd '.mode csv' -tabs` is tabs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flag {
    Mode(Mode),
    Separator(String),
    Headers(bool),
    Nullvalue(String),
}

impl Flag {
    /// The settings `.show` lists that this option sets.
    pub fn keys(&self) -> &'static [&'static str] {
        match self {
            Flag::Mode(_) => crate::config::MODE_KEYS,
            Flag::Separator(_) => &["colseparator"],
            Flag::Headers(_) => &["headers"],
            Flag::Nullvalue(_) => &["nullvalue"],
        }
    }

    pub fn apply(&self, opts: &mut Options) {
        match self {
            Flag::Mode(mode) => opts.set_mode(*mode, true, None),
            Flag::Separator(sep) => opts.colsep = sep.clone(),
            Flag::Headers(on) => opts.headers = *on,
            Flag::Nullvalue(text) => opts.nullvalue = Some(text.clone()),
        }
    }
}

/// The output options with the index where each stood on the command line, in that order:
/// every mode option (each `--mode X` and shortcut), and the last `--separator`,
/// `--nullvalue` and `--headers`/`--no-headers` (an earlier one of these is overridden
/// by the last whatever stands between them).
pub(super) fn flags_in_order(matches: &ArgMatches, args: &Args) -> Vec<(usize, Flag)> {
    let mut found: Vec<(usize, Flag)> = modes_in_order(matches, args)
        .into_iter()
        .map(|(index, mode)| (index, Flag::Mode(mode)))
        .collect();
    let given = |id: &str| {
        (matches.value_source(id) == Some(ValueSource::CommandLine))
            .then(|| matches.index_of(id))
            .flatten()
    };
    if let (Some(sep), Some(index)) = (&args.separator, given("separator")) {
        found.push((index, Flag::Separator(sep.clone())));
    }
    if let (Some(text), Some(index)) = (&args.nullvalue, given("nullvalue")) {
        found.push((index, Flag::Nullvalue(text.clone())));
    }
    if let Some(index) = given("headers").max(given("no_headers")) {
        found.push((index, Flag::Headers(!args.no_headers)));
    }
    found.sort_by_key(|(index, _)| *index);
    found
}

/// The mode options in the order given on the command line: each `--mode X` and each
/// shortcut (`--csv`), so that the later wins, as in sqlite3 (`-list -csv` is csv).
fn modes_in_order(matches: &ArgMatches, args: &Args) -> Vec<(usize, Mode)> {
    let mut found: Vec<(usize, Mode)> = matches
        .indices_of("mode")
        .map(|idx| idx.zip(args.mode.iter().copied()).collect())
        .unwrap_or_default();
    let shortcuts = [
        ("csv", Mode::Csv),
        ("json", Mode::Json),
        ("jsonl", Mode::Jsonl),
        ("line", Mode::Line),
        ("list", Mode::List),
        ("table", Mode::Table),
        ("box_", Mode::Box),
        ("markdown", Mode::Markdown),
        ("tabs", Mode::Tabs),
        ("quote", Mode::Quote),
    ];
    for (id, mode) in shortcuts {
        if matches.value_source(id) == Some(ValueSource::CommandLine)
            && let Some(index) = matches.index_of(id)
        {
            found.push((index, mode));
        }
    }
    found.sort_by_key(|(index, _)| *index);
    found
}

/// sqlite3's single-dash options rewritten to the spelling clap parses: `-csv` (any mode
/// name) → `--mode=csv`, `-header` → `--headers`, `-noheader` → `--no-headers`, and
/// `-bail -batch -cmd -echo -init -interactive -nullvalue -readonly -safe -separator
/// -version -help` → their `--` form. A value that follows an option taking one is never
/// rewritten (`--separator -csv` keeps `-csv`), nor is anything after `--`.
///
/// Errors with the message for a usage error when an option is one of sqlite3's that
/// scoql does not have (`-column`, `-newline`, ...): clap would otherwise read it as
/// short options, and `-column` as `-c olumn`, SQL to run.
pub(super) fn sqlite3_spellings(
    argv: impl IntoIterator<Item = OsString>,
) -> Result<Vec<OsString>, String> {
    let command = Args::command();
    let mut takes_value: HashSet<String> = HashSet::new();
    for arg in command.get_arguments() {
        if arg.get_action().takes_values() && !arg.is_positional() {
            takes_value.extend(arg.get_long().map(|l| format!("--{l}")));
            takes_value.extend(arg.get_short().map(|s| format!("-{s}")));
        }
    }
    let mut out = Vec::new();
    let mut is_value_next = false;
    let mut is_after_dashes = false;
    for (i, arg) in argv.into_iter().enumerate() {
        let word = arg.to_str().map(str::to_string);
        if i == 0 || is_value_next || is_after_dashes {
            is_value_next = false;
            out.push(arg);
            continue;
        }
        let Some(word) = word else {
            out.push(arg);
            continue;
        };
        if word == "--" {
            is_after_dashes = true;
            out.push(arg);
            continue;
        }
        if let Some(message) = unsupported(&word) {
            return Err(message);
        }
        let word = sqlite3_option(&word).unwrap_or(word);
        is_value_next = takes_value.contains(&word);
        out.push(OsString::from(word));
    }
    Ok(out)
}

/// sqlite3 3.40's options (`sqlite3 -help`) that scoql does not have, each with what to use
/// instead when there is something.
const UNSUPPORTED: [(&str, &str); 16] = [
    ("A", ""),
    ("append", ""),
    (
        "ascii",
        "; for fields and records split by other bytes use -separator",
    ),
    ("column", "; for aligned columns use --table or --box"),
    ("deserialize", ""),
    ("lookaside", ""),
    ("maxsize", ""),
    ("memtrace", ""),
    ("mmap", ""),
    ("newline", "; .separator COL ROW sets the row separator"),
    ("nofollow", ""),
    ("nonce", ""),
    ("pagecache", ""),
    ("stats", ""),
    ("vfs", ""),
    ("zip", ""),
];

/// The usage error for one of sqlite3's single-dash options that scoql lacks, or None.
fn unsupported(word: &str) -> Option<String> {
    let name = word.strip_prefix('-').filter(|n| !n.starts_with('-'))?;
    let hint = UNSUPPORTED
        .iter()
        .find(|(option, _)| *option == name)
        .map(|(_, hint)| *hint)?;
    Some(format!(
        "sqlite3's option '{word}' is not one of scoql's{hint}; scoql --help lists them"
    ))
}

/// The `--` spelling of one of sqlite3's single-dash options, or None.
fn sqlite3_option(word: &str) -> Option<String> {
    let name = word
        .strip_prefix('-')
        .filter(|n| n.len() > 1 && !n.starts_with('-'))?;
    if Mode::parse(name).is_some() {
        return Some(format!("--mode={name}"));
    }
    match name {
        "header" | "headers" => Some("--headers".into()),
        "noheader" | "noheaders" => Some("--no-headers".into()),
        "bail" | "batch" | "cmd" | "echo" | "init" | "interactive" | "nullvalue" | "readonly"
        | "safe" | "separator" | "version" | "help" => Some(format!("--{name}")),
        _ => None,
    }
}
