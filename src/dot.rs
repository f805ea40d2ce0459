//! Dot-commands: the one registry (name, aliases, usage, help, argument kinds) that parsing,
//! `.help` and completion all read; the tokenizer; dispatch; and the commands that change
//! shell settings. Commands that read or write databases live in `dbcmd.rs`, the dataset's
//! own in `about.rs`.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::render::{Mode, identifier};
use crate::session::{Flow, Session, Sink};
use crate::table::footer;

/// What an argument position holds, for completion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgKind {
    Mode,
    OnOff,
    File,
    Table,
    Query,
    Command,
    Text,
}

/// What a command's action gets: its arguments and the directory relative paths resolve
/// against (the including file's, for `.read` inside a file).
pub struct Call<'a> {
    pub args: Vec<String>,
    pub usage: &'static str,
    pub base: Option<&'a Path>,
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

    /// A path argument, relative to the including file's directory when there is one.
    pub fn path(&self, i: usize) -> Option<PathBuf> {
        let p = Path::new(self.arg(i)?);
        Some(match self.base {
            Some(base) if p.is_relative() && !base.as_os_str().is_empty() => base.join(p),
            _ => p.to_path_buf(),
        })
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
}

use crate::about;
use crate::dbcmd;
use ArgKind as A;

const ANY: usize = usize::MAX;

macro_rules! cmd {
    ($name:literal, [$($alias:literal),*], $usage:literal, $help:literal, [$($arg:expr),*], $min:expr, $max:expr, $unsafe:expr, $run:expr) => {
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
        }
    };
}

/// Every dot-command, in the order `.help` lists them.
#[rustfmt::skip]
pub static COMMANDS: &[Command] = &[
    cmd!("about", [], ".about", "The dataset: tables, sources, period, limits", [], 0, 0, false, about::about),
    cmd!("bail", [], ".bail on|off", "Stop a script at the first error", [A::OnOff], 1, 1, false, |s, c| c.set(&mut s.bail)),
    cmd!("changes", [], ".changes on|off", "Show the number of rows each statement changed", [A::OnOff], 1, 1, false, |s, c| c.set(&mut s.changes)),
    cmd!("describe", ["desc"], ".describe TABLE", "Columns, keys and documentation of a table", [A::Table], 1, 1, false, about::describe),
    cmd!("dump", [], ".dump [TABLE...]", "The database (or matching tables) as SQL text", [A::Table], 0, ANY, false, dbcmd::dump),
    cmd!("echo", [], ".echo on|off", "Print each statement before running it", [A::OnOff], 1, 1, false, |s, c| c.set(&mut s.echo)),
    cmd!("examples", [], ".examples", "The saved queries (run one with .run NAME)", [], 0, 0, false, about::examples),
    cmd!("exit", ["quit"], ".exit [CODE]", "Leave scoql (with status CODE)", [A::Text], 0, 1, false, exit),
    cmd!("headers", ["header"], ".headers on|off", "Show column names", [A::OnOff], 1, 1, false, |s, c| c.set(&mut s.out.headers)),
    cmd!("help", [], ".help [COMMAND]", "This list, or the help of one command", [A::Command], 0, 1, false, help),
    cmd!("import", [], ".import [--csv] [--skip N] FILE TABLE", "Load CSV into a table (made from the header)", [A::File, A::Table], 2, 5, true, dbcmd::import),
    cmd!("indexes", ["indices"], ".indexes [TABLE]", "Index names, of all tables or one", [A::Table], 0, 1, false, dbcmd::indexes),
    cmd!("maxrows", [], ".maxrows N", "Draw at most N rows of a table (0 = all)", [A::Text], 1, 1, false, maxrows),
    cmd!("mode", [], ".mode [MODE] [TABLE]", "Set the output mode (TABLE: insert target)", [A::Mode, A::Table], 0, 2, false, mode),
    cmd!("nullvalue", [], ".nullvalue TEXT", "Text shown for NULL", [A::Text], 1, 1, false, nullvalue),
    cmd!("once", [], ".once FILE", "Send the next statement's output to FILE", [A::File], 1, 1, true, once),
    cmd!("open", [], ".open [--readonly] [FILE]", "Open FILE instead (none: empty in memory)", [A::File], 0, 2, true, dbcmd::open),
    cmd!("output", [], ".output [FILE]", "Send output to FILE, or back to stdout", [A::File], 0, 1, true, output),
    cmd!("parameter", ["param"], ".parameter set NAME VALUE | unset NAME | list | clear", "Values for :NAME, @NAME, $NAME and ?N", [A::Text], 1, 3, false, parameter),
    cmd!("print", [], ".print TEXT...", "Print the text", [A::Text], 0, ANY, false, print),
    cmd!("read", [], ".read FILE", "Run the SQL and commands in FILE", [A::File], 1, 1, true, read),
    cmd!("reset", [], ".reset", "Rebuild the pristine dataset, dropping changes", [], 0, 0, false, dbcmd::reset),
    cmd!("run", [], ".run NAME [NAME=VALUE...]", "Run a saved example query, with parameters", [A::Query, A::Text], 1, ANY, false, about::run),
    cmd!("save", ["backup"], ".save FILE", "Write the database to FILE (atomically)", [A::File], 1, 1, true, dbcmd::save),
    cmd!("schema", [], ".schema [PATTERN]", "The CREATE statements of matching objects", [A::Table], 0, 1, false, dbcmd::schema),
    cmd!("separator", [], ".separator COL [ROW]", "Column and row separators for list modes", [A::Text], 1, 2, false, separator),
    cmd!("show", [], ".show", "The current settings", [], 0, 0, false, show),
    cmd!("sources", [], ".sources [ID|PATTERN]", "The sources, or one with every figure it states", [A::Text], 0, 1, false, about::sources),
    cmd!("tables", [], ".tables [PATTERN]", "Names of tables and views", [A::Table], 0, 1, false, dbcmd::tables),
    cmd!("timer", [], ".timer on|off", "Print the run time of each statement", [A::OnOff], 1, 1, false, |s, c| c.set(&mut s.timer)),
];

/// The command named `name` or one of its aliases.
pub fn find(name: &str) -> Option<&'static Command> {
    COMMANDS
        .iter()
        .find(|c| c.name == name || c.aliases.contains(&name))
}

/// Splits a dot-command line into words: whitespace separates, '...' and "..." quote, and
/// backslash escapes (`\t`, `\n`, `\r`, `\\`, `\"`, `\'`, octal `\NNN`) are resolved
/// in unquoted and "..." words but not in '...' (as in sqlite3). An unclosed quote runs to
/// the end of the line.
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

/// sqlite3's `resolve_backslashes`.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(d @ '0'..='7') => {
                let mut n = d.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek().and_then(|c| c.to_digit(8)) {
                        Some(v) => {
                            n = n * 8 + v;
                            chars.next();
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(n).unwrap_or('\u{fffd}'));
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
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
    let Some(cmd) = find(&name) else {
        return Err(Error::UnknownCommand {
            name,
            location: None,
        });
    };
    if words.len() < cmd.min || words.len() > cmd.max {
        let message = if words.len() < cmd.min {
            format!(".{} needs more arguments", cmd.name)
        } else {
            format!(".{} takes at most {} argument(s)", cmd.name, cmd.max)
        };
        return Err(Error::Usage {
            message,
            usage: cmd.usage,
            location: None,
        });
    }
    Ok((cmd, words))
}

/// Parses and runs one dot-command line.
pub fn execute(session: &mut Session, line: &str, base: Option<&Path>) -> Result<Flow> {
    let (cmd, args) = parse(line)?;
    if cmd.is_unsafe && session.safe {
        return Err(Error::Refused {
            message: format!(".{} is not allowed with --safe", cmd.name),
            location: None,
        });
    }
    let call = Call {
        args,
        usage: cmd.usage,
        base,
    };
    let flow = (cmd.run)(session, &call);
    // `.once` covers the next command's output too, as in sqlite3.
    if cmd.name != "once" && cmd.name != "output" {
        session.end_once()?;
    }
    flow
}

/// Writes text to the session's output.
pub fn emit(session: &mut Session, text: &str) -> Result<Flow> {
    session.sink.write_all(text.as_bytes())?;
    session.sink.flush()?;
    Ok(Flow::Continue)
}

fn exit(_s: &mut Session, c: &Call) -> Result<Flow> {
    let code = match c.arg(0) {
        None => 0,
        Some(t) => t
            .parse::<i32>()
            .map_err(|_| c.usage_error(format!("exit code must be a number, got '{t}'")))?,
    };
    Ok(Flow::Exit(code))
}

fn help(s: &mut Session, c: &Call) -> Result<Flow> {
    if let Some(name) = c.arg(0) {
        let name = name.trim_start_matches('.');
        let Some(cmd) = find(name) else {
            return Err(Error::UnknownCommand {
                name: name.into(),
                location: None,
            });
        };
        let mut text = format!("{}\n    {}\n", cmd.usage, cmd.help);
        if !cmd.aliases.is_empty() {
            let aliases: Vec<String> = cmd.aliases.iter().map(|a| format!(".{a}")).collect();
            text.push_str(&format!("    Also: {}\n", aliases.join(", ")));
        }
        if cmd.args.contains(&ArgKind::Mode) {
            text.push_str("    Modes:\n");
            for m in Mode::ALL {
                text.push_str(&format!("      {:<9} {}\n", m.name(), mode_help(m)));
            }
        }
        return emit(s, &text);
    }
    // A long usage gets its help on the next line, so the list stays within 80 columns.
    const WIDTH: usize = 30;
    let mut text = String::new();
    for cmd in COMMANDS {
        if cmd.usage.chars().count() > WIDTH {
            text.push_str(&format!("{}\n{:WIDTH$}  {}\n", cmd.usage, "", cmd.help));
        } else {
            text.push_str(&format!("{:<WIDTH$}  {}\n", cmd.usage, cmd.help));
        }
    }
    text.push_str(
        "\nSQL statements end with ';'. Parameters: :name @name $name ?N (see .help param).\n",
    );
    emit(s, &text)
}

/// One line describing a mode: the doc comment on its enum variant, via clap.
pub fn mode_help(m: Mode) -> String {
    use clap::ValueEnum;
    m.to_possible_value()
        .and_then(|v| v.get_help().map(|h| h.to_string()))
        .unwrap_or_default()
}

fn mode(s: &mut Session, c: &Call) -> Result<Flow> {
    let Some(name) = c.arg(0) else {
        let text = format!("current output mode: {}\n", s.out.mode.name());
        return emit(s, &text);
    };
    let Some(mode) = Mode::parse(&name.to_ascii_lowercase()) else {
        let names: Vec<&str> = Mode::ALL.iter().map(|m| m.name()).collect();
        return Err(c.usage_error(format!(
            "unknown mode '{name}'; modes: {}",
            names.join(", ")
        )));
    };
    if c.arg(1).is_some() && mode != Mode::Insert {
        return Err(c.usage_error("only insert mode takes a table name"));
    }
    s.out.set_mode(mode, false);
    if mode == Mode::Insert {
        s.out.table_name = identifier(c.arg(1).unwrap_or("table"));
    }
    Ok(Flow::Continue)
}

fn nullvalue(s: &mut Session, c: &Call) -> Result<Flow> {
    s.out.nullvalue = c.arg(0).map(str::to_string);
    Ok(Flow::Continue)
}

fn separator(s: &mut Session, c: &Call) -> Result<Flow> {
    if let Some(col) = c.arg(0) {
        s.out.colsep = col.to_string();
    }
    if let Some(row) = c.arg(1) {
        s.out.rowsep = row.to_string();
    }
    Ok(Flow::Continue)
}

fn maxrows(s: &mut Session, c: &Call) -> Result<Flow> {
    let text = c.arg(0).unwrap_or_default();
    let n: usize = text
        .parse()
        .map_err(|_| c.usage_error(format!("expected a number of rows, got '{text}'")))?;
    s.out.maxrows = (n > 0).then_some(n);
    s.is_maxrows_explicit = true;
    Ok(Flow::Continue)
}

fn print(s: &mut Session, c: &Call) -> Result<Flow> {
    let text = format!("{}\n", c.args.join(" "));
    emit(s, &text)
}

fn open_sink(c: &Call, is_once: bool) -> Result<Sink> {
    let Some(path) = c.path(0) else {
        return Err(c.usage_error("expected a file name"));
    };
    if c.arg(0).is_some_and(|a| a.starts_with('|')) {
        return Err(c.usage_error("piping output to a command is not supported"));
    }
    let file = File::create(&path).map_err(|source| Error::File {
        action: "write",
        path: path.clone(),
        source,
    })?;
    Ok(Sink::File {
        out: io::BufWriter::new(file),
        is_once,
    })
}

fn output(s: &mut Session, c: &Call) -> Result<Flow> {
    let new = if c.args.is_empty() || c.arg(0) == Some("stdout") {
        Sink::Stdout(io::stdout())
    } else {
        open_sink(c, false)?
    };
    let mut old = std::mem::replace(&mut s.sink, new);
    old.flush()?;
    Ok(Flow::Continue)
}

fn once(s: &mut Session, c: &Call) -> Result<Flow> {
    let new = open_sink(c, true)?;
    let mut old = std::mem::replace(&mut s.sink, new);
    old.flush()?;
    Ok(Flow::Continue)
}

fn read(s: &mut Session, c: &Call) -> Result<Flow> {
    let Some(path) = c.path(0) else {
        return Err(c.usage_error("expected a file name"));
    };
    s.run_file(&path)
}

fn parameter(s: &mut Session, c: &Call) -> Result<Flow> {
    match (c.arg(0), c.args.len()) {
        (Some("set"), 3) => {
            let name = crate::exec::param_key(c.arg(1).unwrap_or_default()).to_string();
            let value = s.literal(c.arg(2).unwrap_or_default());
            s.params.insert(name, value);
            Ok(Flow::Continue)
        }
        (Some("unset"), 2) => {
            let name = crate::exec::param_key(c.arg(1).unwrap_or_default());
            if s.params.remove(name).is_none() {
                return Err(c.usage_error(format!("no parameter named {name}")));
            }
            Ok(Flow::Continue)
        }
        (Some("list"), 1) => {
            let mut text = String::new();
            for (k, v) in &s.params {
                text.push_str(&format!(":{k} {}\n", value_literal(v)));
            }
            emit(s, &text)
        }
        (Some("clear"), 1) => {
            s.params.clear();
            Ok(Flow::Continue)
        }
        _ => Err(c.usage_error("expected set NAME VALUE, unset NAME, list or clear")),
    }
}

/// A bound value as an SQL literal, for `.param list` and `.show`.
pub fn value_literal(v: &rusqlite::types::Value) -> String {
    use rusqlite::types::Value;
    match v {
        Value::Null => "NULL".into(),
        Value::Integer(i) => i.to_string(),
        Value::Real(r) => crate::exec::real_exact(*r),
        Value::Text(t) => format!("'{}'", t.replace('\'', "''")),
        Value::Blob(b) => {
            let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
            format!("X'{hex}'")
        }
    }
}

fn show(s: &mut Session, _c: &Call) -> Result<Flow> {
    let on = |b: bool| if b { "on" } else { "off" };
    let esc = |t: &str| format!("{t:?}");
    let rows = [
        ("bail", on(s.bail).to_string()),
        ("changes", on(s.changes).to_string()),
        ("echo", on(s.echo).to_string()),
        ("headers", on(s.out.headers).to_string()),
        ("mode", s.out.mode.name().to_string()),
        (
            "maxrows",
            s.out.maxrows.map_or("all".into(), |n| n.to_string()),
        ),
        (
            "nullvalue",
            esc(s.out.nullvalue.as_deref().unwrap_or_default()),
        ),
        (
            "output",
            if s.sink.is_stdout() {
                "stdout".into()
            } else {
                "file".into()
            },
        ),
        ("colseparator", esc(&s.out.colsep)),
        ("rowseparator", esc(&s.out.rowsep)),
        ("timer", on(s.timer).to_string()),
        ("safe", on(s.safe).to_string()),
        ("readonly", on(s.readonly).to_string()),
        (
            "parameters",
            footer(s.params.len() as u64, s.params.len() as u64).replace("row", "value"),
        ),
    ];
    let text: String = rows
        .iter()
        .map(|(k, v)| format!("{k:>12}: {v}\n"))
        .collect();
    emit(s, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_names_and_aliases_are_unique_and_usage_starts_with_the_name() {
        let mut seen = std::collections::HashSet::new();
        for c in COMMANDS {
            assert!(c.usage.starts_with(&format!(".{}", c.name)), "{}", c.name);
            assert!(c.min <= c.max, "{}", c.name);
            assert!(!c.help.is_empty(), "{}", c.name);
            for n in std::iter::once(&c.name).chain(c.aliases) {
                assert!(seen.insert(*n), "duplicate command name {n}");
            }
        }
        let mut sorted: Vec<&str> = COMMANDS.iter().map(|c| c.name).collect();
        sorted.sort_unstable();
        assert_eq!(sorted, COMMANDS.iter().map(|c| c.name).collect::<Vec<_>>());
    }

    #[test]
    fn tokenizer_splits_on_whitespace_and_honours_quotes() {
        assert_eq!(tokenize(" a  'b c' \"d\\te\""), vec!["a", "b c", "d\te"]);
        assert_eq!(tokenize("\\t '\\t'"), vec!["\t", "\\t"]);
        assert_eq!(tokenize("\"a\\\"b\""), vec!["a\"b"]);
        assert_eq!(tokenize("x 'unclosed rest"), vec!["x", "unclosed rest"]);
        assert_eq!(tokenize("''"), vec![""]);
    }

    #[test]
    fn parse_checks_arity_and_names() {
        assert!(matches!(parse(".nope"), Err(Error::UnknownCommand { .. })));
        assert!(matches!(parse(".headers"), Err(Error::Usage { .. })));
        assert!(matches!(parse(".headers on off"), Err(Error::Usage { .. })));
        assert!(parse(".quit").is_ok());
        assert!(parse(".param list").is_ok());
    }
}
