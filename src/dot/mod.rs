//! Dot-commands: the one registry (name, aliases, usage, help, argument kinds) that parsing,
//! `.help` and completion all read; the tokenizer; and dispatch. The actions live by job:
//! `shell.rs` (settings and output), `db.rs` (reading and writing databases, with `.dump`,
//! `.import` and `.save` in files of their own), `about.rs` (the dataset's own commands),
//! `figures.rs` (charts, pivots and summaries of results). An action changes the session
//! and returns a `Flow`: it never runs input itself, it asks the driver to push a frame.

mod about;
mod db;
mod dump;
mod edit;
mod fields;
mod figures;
mod handoff;
mod import;
mod queries;
mod save;
mod shell;

pub use shell::settings;

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::input::Frame;
use crate::session::Session;
use crate::sqlite::Params;

/// What a command asks of the driver.
pub enum Flow {
    Continue,
    /// Run this source next, then come back (`.read`, `.run`).
    Push(Frame),
    /// Stop everything: `.quit`/`.exit`, with the status given, if any.
    Quit(Option<i32>),
    /// Report this error, then stop everything as a failed run (`.quit BAD`).
    QuitFailed(Error),
}

/// What an argument position holds, for completion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgKind {
    Mode,
    Numbers,
    OnOff,
    File,
    Table,
    Query,
    /// `NAME=` of the saved query named before it.
    Param,
    /// A source id of the dataset (`S01`).
    Source,
    Command,
    Text,
}

/// What a command's action gets: its arguments, its usage (for errors), the directory a
/// `.read` inside a file resolves against (the including file's), and
/// the parameters in force where it was typed.
pub struct Call<'a> {
    pub args: Vec<String>,
    /// The text after the command's name as typed, for an argument that is SQL with quotes
    /// of its own (`.summarize SELECT ... WHERE unit = 'trains'`).
    pub rest: &'a str,
    pub usage: &'static str,
    pub base: Option<&'a Path>,
    pub params: &'a Params,
}

impl Call<'_> {
    /// A usage error for this command.
    pub fn usage_error(&self, message: impl Into<String>) -> Error {
        Error::Usage {
            message: message.into(),
            usage: self.usage,
            location: None,
        }
    }

    pub fn arg(&self, i: usize) -> Option<&str> {
        self.args.get(i).map(String::as_str)
    }

    /// A path argument of a file read or written as data (`.import`, `.output`, `.open`,
    /// ...): relative to the working directory, as in sqlite3, wherever the command is.
    pub fn path(&self, i: usize) -> Option<PathBuf> {
        Some(PathBuf::from(self.arg(i)?))
    }

    /// The path of a script to run (`.read`): relative to the including file's directory
    /// when there is one (DESIGN "Input"), else to the working directory.
    pub fn include_path(&self, i: usize) -> Option<PathBuf> {
        let p = Path::new(self.arg(i)?);
        Some(match self.base {
            Some(base) if p.is_relative() && !base.as_os_str().is_empty() => base.join(p),
            _ => p.to_path_buf(),
        })
    }

    /// A path argument of a command that writes a file: as [`Call::path`], but an
    /// argument spelled as an option is an error, not a file name. sqlite3's `.once -x`,
    /// `.output -e`, `.once --bom` and `.save --append` are options scoql does not have, and
    /// a file created under such a name is never what was meant (`./-x` names one).
    pub fn output_path(&self, i: usize) -> Result<Option<PathBuf>> {
        match self.arg(i) {
            Some(a) if option(a).is_some() => Err(self.usage_error(format!(
                "unknown option {a}; a file whose name starts with '-' is written ./{a}"
            ))),
            _ => Ok(self.path(i)),
        }
    }

    /// Sets an on/off setting from the first argument.
    pub fn set(&self, slot: &mut bool) -> Result<Flow> {
        *slot = self.on_off(0)?;
        Ok(Flow::Continue)
    }

    /// An on/off argument, spelled as sqlite3 accepts it.
    pub fn on_off(&self, i: usize) -> Result<bool> {
        match self.arg(i).map(str::to_ascii_lowercase).as_deref() {
            Some("on" | "yes" | "true" | "1") => Ok(true),
            Some("off" | "no" | "false" | "0") => Ok(false),
            Some(other) => Err(self.usage_error(format!("expected on or off, got '{other}'"))),
            None => Err(self.usage_error("expected on or off")),
        }
    }
}

pub type Action = fn(&mut Session, &Call) -> Result<Flow>;

pub struct Command {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub usage: &'static str,
    pub help: &'static str,
    pub args: &'static [ArgKind],
    /// Fewest and most arguments (`usize::MAX`: any number).
    pub min: usize,
    pub max: usize,
    /// Touches files or other databases, so `--safe` refuses it.
    pub is_unsafe: bool,
    pub run: Action,
    /// The job it is for: `.help` lists commands by group.
    pub group: Group,
}

/// What a command is for, in the order `.help` lists the groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Dataset,
    Queries,
    Output,
    HandOff,
    Database,
    Script,
    Shell,
    Figures,
    /// A command not yet given a group.
    Other,
}

impl Group {
    pub fn title(self) -> &'static str {
        match self {
            Group::Dataset => "The dataset",
            Group::Queries => "Saved queries and parameters",
            Group::Output => "How results look",
            Group::HandOff => "Results elsewhere",
            Group::Database => "Databases and tables",
            Group::Script => "Running statements",
            Group::Shell => "The shell",
            Group::Figures => "Charts, pivots, summaries and sources",
            Group::Other => "Other",
        }
    }

    pub fn all() -> [Group; 9] {
        [
            Group::Dataset,
            Group::Queries,
            Group::Output,
            Group::Figures,
            Group::HandOff,
            Group::Database,
            Group::Script,
            Group::Shell,
            Group::Other,
        ]
    }
}

use ArgKind as A;

const ANY: usize = usize::MAX;

use Group as G;

macro_rules! group_or_other {
    () => {
        Group::Other
    };
    ($group:expr) => {
        $group
    };
}

/// One registry line; the group comes last and may be left out (then `Other`).
macro_rules! cmd {
    ($name:literal, [$($alias:literal),*], $usage:literal, $help:literal, [$($arg:expr),*], $min:expr, $max:expr, $unsafe:expr, $run:expr $(, $group:expr)?) => {
        Command {
            name: $name,
            aliases: &[$($alias),*],
            usage: $usage,
            help: $help,
            args: &[$($arg),*],
            min: $min,
            max: $max,
            is_unsafe: $unsafe,
            run: $run,
            group: group_or_other!($($group)?),
        }
    };
}

/// Every dot-command, in the order `.help` lists them.
#[rustfmt::skip]
pub static COMMANDS: &[Command] = &[
    cmd!("about", [], ".about", "The dataset: tables, sources, period, limits", [], 0, 0, false, about::about, G::Dataset),
    cmd!("bail", [], ".bail on|off", "Stop a script at the first error", [A::OnOff], 1, 1, false, |s, c| c.set(&mut s.bail), G::Script),
    cmd!("changes", [], ".changes on|off", "Show the rows changed, after each line of SQL", [A::OnOff], 1, 1, false, |s, c| c.set(&mut s.changes), G::Script),
    cmd!("chart", [], ".chart [bar|line|spark] [--by COLUMN] [--next] [LABEL VALUE]", "Chart the last result (--next: the next one)", [A::Text], 0, 6, false, figures::chart, G::Figures),
    cmd!("cite", [], ".cite on|off", "Follow table results with the sources they show", [A::OnOff], 1, 1, false, |s, c| c.set(&mut s.cite), G::Figures),
    cmd!("copy", [], ".copy [MODE]", "The last result to the clipboard (TSV, or MODE)", [A::Mode], 0, 1, false, handoff::copy, G::HandOff),
    cmd!("describe", ["desc"], ".describe TABLE", "Columns, keys and documentation of a table", [A::Table], 1, 1, false, about::describe, G::Dataset),
    cmd!("dump", [], ".dump [TABLE...]", "The database (or matching tables) as SQL text", [A::Table], 0, ANY, false, dump::dump, G::Database),
    cmd!("echo", [], ".echo on|off", "Print each statement before running it", [A::OnOff], 1, 1, false, |s, c| c.set(&mut s.echo), G::Script),
    cmd!("edit", [], ".edit", "Edit the last statement ($EDITOR), run on save", [], 0, 0, true, edit::edit, G::Script),
    cmd!("examples", [], ".examples [NAME]", "Saved queries, or one query's SQL and parameters", [A::Query], 0, 1, false, queries::examples, G::Queries),
    cmd!("excel", [], ".excel", "Open the last result as a spreadsheet (.xlsx)", [], 0, 0, true, handoff::excel, G::HandOff),
    cmd!("exit", ["quit"], ".exit [CODE]", "Leave scoql (with status CODE); without CODE, in a .read file: end that file", [A::Text], 0, ANY, false, shell::exit, G::Shell),
    cmd!("export", [], ".export FILE", "Write the last result to FILE (.xlsx, .csv, ...)", [A::File], 1, 1, true, handoff::export, G::HandOff),
    cmd!("headers", ["header"], ".headers on|off", "Show column names", [A::OnOff], 1, 1, false, |s, c| c.set(&mut s.opts.headers), G::Output),
    cmd!("help", [], ".help [COMMAND|PATTERN|keys]", "This list, some commands' help, or the keys", [A::Command], 0, 1, false, shell::help, G::Shell),
    cmd!("import", [], ".import [--csv] [--skip N] [--schema S] FILE TABLE", "Load CSV into a table (made from the header)", [A::File, A::Table], 2, 7, true, import::import, G::Database),
    cmd!("indexes", ["indices"], ".indexes [TABLE]", "Index names, of all tables or one", [A::Table], 0, 1, false, db::indexes, G::Database),
    cmd!("last", [], ".last [MODE]", "Draw the last result again (in MODE)", [A::Mode], 0, 1, false, shell::last, G::Output),
    cmd!("maxrows", [], ".maxrows N", "Draw at most N rows of a table (0 = all)", [A::Text], 1, 1, false, shell::maxrows, G::Output),
    cmd!("mode", [], ".mode [MODE] [TABLE]", "Set the output mode (TABLE: insert target)", [A::Mode, A::Table], 0, 2, false, shell::mode, G::Output),
    cmd!("nullvalue", [], ".nullvalue TEXT", "Text shown for NULL", [A::Text], 1, 1, false, shell::nullvalue, G::Output),
    cmd!("numbers", [], ".numbers [plain|grouped|short]", "How tables show numbers (grouped: 1,234,567)", [A::Numbers], 0, 1, false, shell::numbers, G::Output),
    cmd!("once", [], ".once FILE", "Send the next input's output to FILE", [A::File], 1, 1, true, shell::once, G::HandOff),
    cmd!("open", [], ".open [--readonly] [FILE]", "Open FILE instead (none: empty in memory)", [A::File], 0, 2, true, db::open, G::Database),
    cmd!("output", [], ".output [FILE]", "Send output to FILE, or back to stdout", [A::File], 0, 1, true, shell::output, G::HandOff),
    cmd!("pager", [], ".pager [on|off|COMMAND]", "Page results taller than the terminal ($PAGER)", [A::OnOff], 0, ANY, false, shell::pager, G::Output),
    cmd!("parameter", ["param"], ".parameter set NAME VALUE | unset NAME | list | clear", "Values for :NAME, @NAME, $NAME and ?N", [A::Text], 1, 3, false, shell::parameter, G::Queries),
    cmd!("pivot", [], ".pivot [ROW_COL COL_COL VALUE_COL]", "Crosstab of the last result (kept as last)", [A::Text], 0, 3, false, figures::pivot, G::Figures),
    cmd!("print", [], ".print TEXT...", "Print the text", [A::Text], 0, ANY, false, shell::print, G::Script),
    cmd!("read", [], ".read FILE", "Run the SQL and commands in FILE", [A::File], 1, 1, true, shell::read, G::Script),
    cmd!("reset", [], ".reset", "Rebuild the pristine dataset, dropping changes", [], 0, 0, false, db::reset, G::Database),
    cmd!("run", [], ".run NAME [NAME=VALUE...]", "Run a saved query with its declared parameters", [A::Query, A::Param], 1, ANY, false, queries::run, G::Queries),
    cmd!("save", ["backup"], ".save FILE", "Write the database to FILE (atomically)", [A::File], 1, 1, true, save::save, G::Database),
    cmd!("save-query", [], ".save-query [--replace] NAME [DESCRIPTION]", "Keep the last statement as your own saved query", [A::Text], 1, ANY, true, queries::save_query, G::Queries),
    cmd!("schema", [], ".schema [PATTERN]", "The CREATE statements of matching objects", [A::Table], 0, 1, false, db::schema, G::Database),
    cmd!("separator", [], ".separator COL [ROW]", "Column and row separators for list modes", [A::Text], 1, 2, false, shell::separator, G::Output),
    cmd!("show", [], ".show", "The current settings", [], 0, 0, false, shell::show, G::Shell),
    cmd!("sources", [], ".sources [ID|PATTERN]", "The sources, or one with every figure it states", [A::Source], 0, 1, false, about::sources, G::Dataset),
    cmd!("summarize", [], ".summarize [TABLE|QUERY]", "Statistics per column; coverage per metric", [A::Table], 0, ANY, false, figures::summarize, G::Figures),
    cmd!("tables", [], ".tables [PATTERN...]", "Names of tables and views", [A::Table], 0, ANY, false, db::tables, G::Database),
    cmd!("timer", [], ".timer on|off", "Print the run time of each line of SQL", [A::OnOff], 1, 1, false, |s, c| c.set(&mut s.timer), G::Script),
];

/// The command named `name` or one of its aliases.
pub fn find(name: &str) -> Option<&'static Command> {
    COMMANDS
        .iter()
        .find(|c| c.name == name || c.aliases.contains(&name))
}

/// sqlite3's abbreviations: it takes a prefix of a command's name, from a shortest length
/// that its order of tests decides (3.40: `.q` is `.quit`, `.o` `.once`, `.sc` `.schema`,
/// `.hel` `.help`). Each command scoql shares with it, with that length; scoql's own
/// commands are typed whole.
#[rustfmt::skip]
const ABBREVIATIONS: &[(&str, usize)] = &[
    ("backup", 3), ("bail", 3), ("changes", 3), ("dump", 1), ("echo", 1), ("exit", 2),
    ("headers", 1), ("help", 3), ("import", 1), ("indexes", 2), ("indices", 2), ("mode", 1),
    ("nullvalue", 1), ("once", 1), ("open", 2), ("output", 2), ("parameter", 3), ("print", 3),
    ("quit", 1), ("read", 3), ("save", 3), ("schema", 3), ("separator", 2), ("show", 3),
    ("tables", 2), ("timer", 5),
];

/// The command a typed name runs: its name or alias, else what sqlite3 reads the
/// abbreviation as.
pub fn lookup(name: &str) -> Option<&'static Command> {
    find(name).or_else(|| {
        let (full, _) = ABBREVIATIONS
            .iter()
            .find(|(full, min)| name.len() >= *min && full.starts_with(name))?;
        find(full)
    })
}

/// The name of the command a line runs (`.header on` → `headers`), or its first word.
pub fn name_of(line: &str) -> String {
    let word = tokenize(line.trim_start().strip_prefix('.').unwrap_or(line))
        .into_iter()
        .next()
        .unwrap_or_default();
    lookup(&word).map_or(word, |c| c.name.to_string())
}

/// Splits a dot-command line into words: whitespace separates, '...' and "..." quote, and
/// backslash escapes are resolved in unquoted and "..." words but not in '...' (as in
/// sqlite3). An unclosed quote runs to the end of the line.
pub fn tokenize(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut chars = line.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let Some(&first) = chars.peek() else { break };
        let mut raw = String::new();
        if first == '\'' || first == '"' {
            chars.next();
            let mut escaped = false;
            for c in chars.by_ref() {
                if c == first && !escaped {
                    break;
                }
                escaped = first == '"' && c == '\\' && !escaped;
                raw.push(c);
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                raw.push(c);
                chars.next();
            }
        }
        words.push(if first == '\'' { raw } else { unescape(&raw) });
    }
    words
}

/// sqlite3's `resolve_backslashes`: C's `\a \b \t \n \v \f \r`, `\"`, `\'`, `\\`, octal
/// `\NNN` (up to three digits), and `\xHH` (one or two hex digits, which the shell of the
/// bundled SQLite decodes and 3.40's does not); any other `\c` is `c`, and a backslash at
/// the end stays. A code above 127 is the character of that number (an argument is text).
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('a') => out.push('\x07'),
            Some('b') => out.push('\x08'),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('v') => out.push('\x0b'),
            Some('f') => out.push('\x0c'),
            Some('r') => out.push('\r'),
            Some(d @ '0'..='7') => out.push(digits(&mut chars, 8, d.to_digit(8).unwrap_or(0))),
            Some('x') if chars.peek().is_some_and(char::is_ascii_hexdigit) => {
                out.push(digits(&mut chars, 16, 0));
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// The character numbered by `first` and up to two more digits of `radix` taken from `chars`.
fn digits(chars: &mut std::iter::Peekable<std::str::Chars>, radix: u32, first: u32) -> char {
    let mut n = first;
    for _ in 0..2 {
        match chars.peek().and_then(|c| c.to_digit(radix)) {
            Some(v) => {
                n = n * radix + v;
                chars.next();
            }
            None => break,
        }
    }
    char::from_u32(n).unwrap_or('\u{fffd}')
}

/// The name of an option argument of a dot-command, without its dashes: sqlite3 takes
/// `--csv` and `-csv` alike. None for an argument that is not an option (`-` alone is a
/// name).
pub fn option(arg: &str) -> Option<&str> {
    let name = arg.strip_prefix("--").or_else(|| arg.strip_prefix('-'))?;
    (!name.is_empty()).then_some(name)
}

/// A parsed command line: the command and its arguments, checked against its arity.
pub fn parse(line: &str) -> Result<(&'static Command, Vec<String>)> {
    let mut words = tokenize(line.trim_start().strip_prefix('.').unwrap_or(line));
    if words.is_empty() {
        return Err(Error::UnknownCommand {
            name: String::new(),
            location: None,
        });
    }
    let name = words.remove(0);
    let Some(cmd) = lookup(&name) else {
        return Err(Error::UnknownCommand {
            name,
            location: None,
        });
    };
    if words.len() < cmd.min || words.len() > cmd.max {
        let message = if words.len() < cmd.min {
            format!(".{} needs more arguments", cmd.name)
        } else {
            match cmd.max {
                0 => format!(".{} takes no arguments", cmd.name),
                1 => format!(".{} takes at most 1 argument", cmd.name),
                n => format!(".{} takes at most {n} arguments", cmd.name),
            }
        };
        return Err(Error::Usage {
            message,
            usage: cmd.usage,
            location: None,
        });
    }
    Ok((cmd, words))
}

/// Parses and runs one dot-command line. `base` and `params` are those of the frame it
/// came from.
pub fn execute(
    session: &mut Session,
    line: &str,
    base: Option<&Path>,
    params: &Params,
) -> Result<Flow> {
    let (cmd, args) = parse(line)?;
    if cmd.is_unsafe && session.is_safe() {
        return Err(Error::Refused {
            message: format!(".{} is not allowed with --safe", cmd.name),
            location: None,
        });
    }
    let rest = line
        .trim_start()
        .strip_prefix('.')
        .unwrap_or(line)
        .trim_start();
    let rest = rest
        .find(char::is_whitespace)
        .map_or("", |i| rest[i..].trim());
    let call = Call {
        args,
        rest,
        usage: cmd.usage,
        base,
        params,
    };
    (cmd.run)(session, &call)
}

/// After an SQL input: draws the chart that `.chart --next` left waiting for its result.
pub fn draw_next_chart(session: &mut Session, is_ok: bool) -> Result<()> {
    figures::draw_next(session, is_ok)
}

/// Writes text to the session's output.
pub fn emit(session: &mut Session, text: &str) -> Result<Flow> {
    session.write(text)?;
    Ok(Flow::Continue)
}

/// Writes paragraphs to the session's output, wrapped at word boundaries to the terminal
/// (80 columns when output is not a terminal); each line of `text` is a paragraph.
pub fn emit_paragraphs(session: &mut Session, text: &str) -> Result<Flow> {
    let text = crate::render::prose::paragraphs(text, session.text_width());
    emit(session, &text)
}

#[cfg(test)]
mod tests;
