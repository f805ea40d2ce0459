//! The dot-commands that change or show the shell itself: output mode and settings, where
//! output goes, parameters, `.read`, `.last`, `.help`, `.show` and `.exit`.

use std::fs::File;
use std::io;

use super::{ArgKind, COMMANDS, Call, Command, Flow, Group, emit, find};
use crate::error::{self, Error, Result};
use crate::input::{self, Frame};
use crate::render::{Mode, Numbers, prose};
use crate::saved;
use crate::session::{Session, Sink};
use crate::settings::Origin;
use crate::sqlite::param_key;
use crate::value::{Value, thousands};
use crate::visible::visible;

/// `.exit [CODE]`. A code that is not a number is reported and still ends the run (sqlite3
/// quits too), with status 1 since something failed.
pub fn exit(_s: &mut Session, c: &Call) -> Result<Flow> {
    let Some(t) = c.arg(0) else {
        return Ok(Flow::Quit(None));
    };
    // sqlite3 ignores what follows the code; scoql says so.
    if c.args.len() > 1 {
        error::warn(&format!(
            ".exit: '{}' ignored after the exit code",
            c.args[1..].join(" ")
        ));
    }
    // sqlite3 reads the code as any number it reads: decimal, or hex after 0x.
    let code = match t.strip_prefix("0x") {
        // Only the low 8 bits reach the exit status.
        Some(hex) => i64::from_str_radix(hex, 16).ok().map(|n| (n & 0xff) as i32),
        None => t.parse::<i32>().ok(),
    };
    match code {
        Some(code) => Ok(Flow::Quit(Some(code))),
        None => Ok(Flow::QuitFailed(
            c.usage_error(format!("exit code must be a number, got '{t}'")),
        )),
    }
}

/// `.help [COMMAND|PATTERN|keys]`: every command by job, one command's help, the keys of the
/// prompt, or (as in sqlite3) the commands whose names start with PATTERN, where `*` and
/// `?` are wildcards (`.help *`, `.help s`).
pub fn help(s: &mut Session, c: &Call) -> Result<Flow> {
    if c.arg(0) == Some("keys") {
        return help_keys(s);
    }
    // Everything is wrapped to the terminal (80 columns when output is not one).
    let width = s.text_width();
    let Some(name) = c.arg(0).map(|n| n.trim_start_matches('.')) else {
        let mut text = listing(&|_| true, width);
        text.push('\n');
        text.push_str(&prose::paragraphs(
            "SQL statements end with ';' (or \\G for one result drawn vertically).\n\
             Parameters: :name @name $name ?N (see .help param). Keys: .help keys.",
            width,
        ));
        return emit(s, &text);
    };
    if let Some(cmd) = find(name) {
        return emit(s, &one_help(cmd, width));
    }
    let pattern = format!("{name}*");
    let is_match = |cmd: &Command| {
        std::iter::once(&cmd.name)
            .chain(cmd.aliases)
            .any(|n| is_glob_match(pattern.as_bytes(), n.as_bytes()))
    };
    if !COMMANDS.iter().any(is_match) {
        return Err(Error::UnknownCommand {
            name: name.into(),
            location: None,
        });
    }
    emit(s, &listing(&is_match, width))
}

/// One command's usage, help, aliases, and what its arguments may be, wrapped to `width`.
fn one_help(cmd: &Command, width: usize) -> String {
    let mut text = format!("{}\n", cmd.usage);
    text.push_str(&prose::hanging("    ", 4, cmd.help, width));
    if !cmd.aliases.is_empty() {
        let aliases: Vec<String> = cmd.aliases.iter().map(|a| format!(".{a}")).collect();
        text.push_str(&format!("    Also: {}\n", aliases.join(", ")));
    }
    // Each choice with its help in a column beside it.
    let mut choices = |title: &str, names: Vec<(String, String)>| {
        text.push_str(&format!("    {title}:\n"));
        for (name, help) in names {
            text.push_str(&prose::hanging(
                &format!("      {name:<9} "),
                16,
                &help,
                width,
            ));
        }
    };
    if cmd.args.contains(&ArgKind::Mode) {
        choices(
            "Modes",
            Mode::all().iter().map(|m| (m.name(), m.help())).collect(),
        );
    }
    if cmd.args.contains(&ArgKind::Numbers) {
        choices(
            "Styles",
            Numbers::all()
                .iter()
                .map(|n| (n.name(), n.help()))
                .collect(),
        );
    }
    if cmd.name == "chart" {
        text.push_str(&prose::hanging(
            "    ",
            4,
            "bar: a bar per value; line: a dot per value; spark: a cell per period \
             (line and spark need periods that are all years or all months). \
             LABEL and VALUE name columns (default: period, or the first text column, \
             and value, or the first numeric column). --by COLUMN: one series per value \
             of COLUMN. --next: chart the next query's result instead of its table. \
             Bars start at zero; a missing year or month is a gap, never joined over; \
             two values for one label are two marks, each with its source; values in \
             different units are refused; qualifiers stay with their values; a label \
             is never cut.",
            width,
        ));
    }
    if cmd.name == "parameter" {
        text.push_str(&prose::hanging(
            "    ",
            4,
            "A VALUE that is exactly one SQL literal (12, 2.5, 'text', X'00', NULL)\n\
             binds as that literal; anything else (2021-03-01, 12:30, KZ-01) binds as \
             text, verbatim. Quotes around an argument go first: \"'2021'\" is text.",
            width,
        ));
    }
    text
}

/// The commands `keep` accepts, by job: usage with the aliases (`.exit|.quit [CODE]`) and
/// help in a column beside it, wrapped to `width`; on a narrow terminal the help goes under
/// the usage.
fn listing(keep: &dyn Fn(&Command) -> bool, width: usize) -> String {
    let column = if width >= 60 { 30 } else { 6 };
    let mut text = String::new();
    for group in Group::all() {
        let mut commands = COMMANDS
            .iter()
            .filter(|c| c.group == group && keep(c))
            .peekable();
        if commands.peek().is_none() {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&format!("{}:\n", group.title()));
        for cmd in commands {
            let names: Vec<String> = std::iter::once(&cmd.name)
                .chain(cmd.aliases)
                .map(|n| format!(".{n}"))
                .collect();
            let usage = format!("{}{}", names.join("|"), &cmd.usage[cmd.name.len() + 1..]);
            if usage.chars().count() + 2 < width {
                text.push_str(&prose::hanging(
                    &format!("  {usage}"),
                    column,
                    cmd.help,
                    width,
                ));
            } else {
                // A usage longer than the terminal wraps too, its help under it.
                text.push_str(&prose::hanging("  ", 2, &usage, width));
                text.push_str(&prose::hanging("", column, cmd.help, width));
            }
        }
    }
    text
}

/// GLOB with `*` (any run) and `?` (any one byte), as `.help` patterns use it. On a
/// mismatch only the latest `*` takes one more byte, so the time is at most the product of
/// the lengths, however many stars (trying every split for every star is exponential).
fn is_glob_match(pattern: &[u8], name: &[u8]) -> bool {
    let (mut p, mut n) = (0, 0);
    // The pattern position just after the latest `*`, and where its run ends in `name`.
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        match pattern.get(p) {
            Some(b'*') => {
                p += 1;
                star = Some((p, n));
            }
            Some(&c) if c == b'?' || c == name[n] => {
                p += 1;
                n += 1;
            }
            _ => match star {
                Some((after, end)) => {
                    p = after;
                    n = end + 1;
                    star = Some((after, end + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == b'*')
}

/// The keys the prompt knows (rustyline's emacs bindings, as in bash), for `.help keys`.
const KEYS: &[(&str, &str)] = &[
    (
        "Enter",
        "run the statement, or continue it until it ends with ;",
    ),
    (
        "Tab",
        "complete tables, columns (after an alias too), values,",
    ),
    ("", "commands, files, saved queries and their parameters"),
    ("Up / Down", "the previous / next statement in the history"),
    (
        "Ctrl-R",
        "search the history backwards (again: the next match)",
    ),
    (
        "Right",
        "at the end of the line: take the dimmed hint from the history",
    ),
    ("Ctrl-A / Ctrl-E", "to the start / end of the line"),
    ("Alt-B / Alt-F", "one word back / forward"),
    ("Ctrl-W", "delete the word before the cursor"),
    ("Ctrl-U / Ctrl-K", "delete to the start / end of the line"),
    ("Ctrl-Y", "paste what was deleted last"),
    ("Ctrl-L", "clear the screen"),
    ("Ctrl-C", "clear the line and the pending statement,"),
    ("", "or stop the running query"),
    ("Ctrl-D", "on an empty line: leave scoql"),
];

fn help_keys(s: &mut Session) -> Result<Flow> {
    let width = s.text_width();
    let mut text = String::from("Keys at the prompt:\n");
    for (key, what) in KEYS {
        text.push_str(&prose::hanging(&format!("  {key:<16} "), 19, what, width));
    }
    text.push_str(".edit opens the last statement in $VISUAL or $EDITOR and runs it when saved.\n");
    emit(s, &text)
}

pub fn mode(s: &mut Session, c: &Call) -> Result<Flow> {
    let Some(name) = c.arg(0) else {
        let text = format!("current output mode: {}\n", s.opts.mode.name());
        return emit(s, &text);
    };
    let Some(mode) = Mode::parse(name) else {
        let names: Vec<String> = Mode::all().iter().map(|m| m.name()).collect();
        // sqlite3's modes that scoql lacks, with what does their job.
        let instead = match name {
            "column" | "qbox" => " (for aligned columns use table or box)",
            "ascii" => " (for fields and records split by other bytes use .separator)",
            _ => "",
        };
        return Err(c.usage_error(format!(
            "unknown mode '{name}'{instead}; modes: {}",
            names.join(", ")
        )));
    };
    if let Some(table) = c.arg(1).filter(|_| mode != Mode::Insert) {
        // sqlite3 takes the mode and ignores the name; a script written for it must not
        // print tables instead of its mode's output. Said, not silent.
        error::warn(&format!(
            ".mode {}: only insert mode takes a table name; '{table}' is ignored",
            mode.name()
        ));
    }
    s.opts.set_mode(mode, false, c.arg(1));
    Ok(Flow::Continue)
}

pub fn nullvalue(s: &mut Session, c: &Call) -> Result<Flow> {
    s.opts.nullvalue = c.arg(0).map(str::to_string);
    Ok(Flow::Continue)
}

/// `.numbers [STYLE]`: how the table modes show numbers; without an argument, the current
/// style.
pub fn numbers(s: &mut Session, c: &Call) -> Result<Flow> {
    let Some(name) = c.arg(0) else {
        let text = format!("numbers: {}\n", s.opts.numbers.name());
        return emit(s, &text);
    };
    let Some(numbers) = Numbers::parse(name) else {
        return Err(c.usage_error(format!("unknown style '{name}'")));
    };
    s.opts.numbers = numbers;
    Ok(Flow::Continue)
}

pub fn separator(s: &mut Session, c: &Call) -> Result<Flow> {
    if let Some(col) = c.arg(0) {
        s.opts.colsep = col.to_string();
    }
    if let Some(row) = c.arg(1) {
        s.opts.rowsep = row.to_string();
    }
    Ok(Flow::Continue)
}

pub fn maxrows(s: &mut Session, c: &Call) -> Result<Flow> {
    let text = c.arg(0).unwrap_or_default();
    let n: usize = text
        .parse()
        .map_err(|_| c.usage_error(format!("expected a number of rows, got '{text}'")))?;
    s.opts.maxrows = (n > 0).then_some(n);
    s.is_maxrows_explicit = true;
    Ok(Flow::Continue)
}

pub fn print(s: &mut Session, c: &Call) -> Result<Flow> {
    let text = format!("{}\n", c.args.join(" "));
    emit(s, &text)
}

fn open_sink(c: &Call, is_once: bool) -> Result<Sink> {
    let Some(path) = c.output_path(0)? else {
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
        is_fresh: true,
        is_held: false,
    })
}

pub fn output(s: &mut Session, c: &Call) -> Result<Flow> {
    let new = if c.args.is_empty() || c.arg(0) == Some("stdout") {
        Sink::Stdout(io::stdout())
    } else {
        open_sink(c, false)?
    };
    s.set_sink(new)?;
    Ok(Flow::Continue)
}

pub fn once(s: &mut Session, c: &Call) -> Result<Flow> {
    let new = open_sink(c, true)?;
    s.set_sink(new)?;
    Ok(Flow::Continue)
}

/// `.read FILE`: the file runs next, in a frame of its own; a file whose header declares
/// parameters runs only when each has a value of its type.
pub fn read(_s: &mut Session, c: &Call) -> Result<Flow> {
    let Some(path) = c.include_path(0) else {
        return Err(c.usage_error("expected a file name"));
    };
    if c.arg(0).is_some_and(|a| a.starts_with('|')) {
        return Err(c.usage_error(
            "reading from a command is not supported (a file of that name is ./|...)",
        ));
    }
    let mut source = input::open_script(&path)?;
    let (_, decls) = saved::parse_header(&source.peek_header());
    saved::check_params(&decls, c.params)?;
    Ok(Flow::Push(Frame::script(&path, source)))
}

pub fn parameter(s: &mut Session, c: &Call) -> Result<Flow> {
    match (c.arg(0), c.args.len()) {
        (Some("set"), 3) => {
            let name = param_key(c.arg(1).unwrap_or_default()).to_string();
            let value = Value::from_literal(c.arg(2).unwrap_or_default());
            s.params.insert(name, value);
            Ok(Flow::Continue)
        }
        (Some("unset"), 2) => {
            let name = param_key(c.arg(1).unwrap_or_default());
            if s.params.remove(name).is_none() {
                return Err(c.usage_error(format!("no parameter named {name}")));
            }
            Ok(Flow::Continue)
        }
        (Some("list"), 1) => {
            // As sqlite3 lists them: `?N` for a number, `:name` for a name, in that order;
            // shown, never obeyed: a value may hold any control character.
            let mut lines: Vec<String> = s
                .params
                .iter()
                .map(|(k, v)| {
                    let sigil = if k.bytes().all(|b| b.is_ascii_digit()) {
                        '?'
                    } else {
                        ':'
                    };
                    format!("{sigil}{k} {}\n", v.literal())
                })
                .collect();
            lines.sort();
            emit(s, &visible(&lines.concat()))
        }
        (Some("clear"), 1) => {
            s.params.clear();
            Ok(Flow::Continue)
        }
        _ => Err(c.usage_error("expected set NAME VALUE, unset NAME, list or clear")),
    }
}

/// `.last [MODE]`: the previous result again, from memory, in the current mode or MODE.
pub fn last(s: &mut Session, c: &Call) -> Result<Flow> {
    let mut opts = s.render_options();
    if let Some(name) = c.arg(0) {
        let Some(mode) = Mode::parse(name) else {
            return Err(c.usage_error(format!("unknown mode '{name}'")));
        };
        // The mode's own separators, as `.mode MODE` would set them, for this drawing only.
        opts.set_mode(mode, false, None);
    }
    let Some(kept) = &s.last else {
        return Err(c.usage_error("no result yet"));
    };
    if !kept.is_complete {
        return Err(c.usage_error(format!(
            "the last result had {} rows, too many to keep (at most {} rows or {} MiB \
             are kept); run its query again",
            thousands(kept.total),
            thousands(crate::render::Kept::KEEP_ROWS as u64),
            crate::render::Kept::KEEP_BYTES >> 20
        )));
    }
    let grid = kept.grid();
    crate::cite::show(s, &opts, &grid, None, &[])?;
    Ok(Flow::Continue)
}

/// The settings `.show` lists, by name, with their values as text. The driver compares
/// them before and after each dot-command to know which ones the command set.
pub fn settings(s: &Session) -> Vec<(&'static str, String)> {
    let on = |b: bool| if b { "on" } else { "off" }.to_string();
    let esc = |t: &str| format!("{t:?}");
    vec![
        ("bail", on(s.bail)),
        ("changes", on(s.changes)),
        ("cite", on(s.cite)),
        ("echo", on(s.echo)),
        ("headers", on(s.opts.headers)),
        ("mode", s.opts.mode.name()),
        ("numbers", s.opts.numbers.name()),
        (
            "maxrows",
            s.opts.maxrows.map_or("all".into(), |n| n.to_string()),
        ),
        (
            "nullvalue",
            esc(s.opts.nullvalue.as_deref().unwrap_or_default()),
        ),
        (
            "output",
            if s.is_sink_stdout() { "stdout" } else { "file" }.into(),
        ),
        ("colseparator", esc(&s.opts.colsep)),
        ("rowseparator", esc(&s.opts.rowsep)),
        ("timer", on(s.timer)),
        ("color", on(s.is_color())),
        (
            "pager",
            s.pager
                .as_deref()
                .map_or("off".into(), |p| format!("on ({p})")),
        ),
        ("safe", on(s.is_safe())),
        ("readonly", on(s.is_readonly())),
        (
            "parameters",
            format!(
                "{} value{}",
                s.params.len(),
                if s.params.len() == 1 { "" } else { "s" }
            ),
        ),
    ]
}

/// `.show`: each setting, its value, and where the value came from (default, the config
/// file and its line, the init file, the command line, or the dot-command that set it).
pub fn show(s: &mut Session, _c: &Call) -> Result<Flow> {
    let rows = settings(s);
    let width = rows
        .iter()
        .map(|(_, v)| v.chars().count())
        .max()
        .unwrap_or(0);
    let text: String = rows
        .iter()
        .map(|(k, v)| {
            let origin = s.origins.get(k).cloned().unwrap_or(Origin::Default);
            format!("{k:>12}: {v:<width$}  ({origin})\n")
        })
        .collect();
    emit(s, &text)
}

/// `.pager [on|off|COMMAND...]`: results taller than the terminal go through the pager
/// ($PAGER, else `less -SRFX`), or through COMMAND; never when output is piped or sent to a
/// file. With no argument, says what is set.
pub fn pager(s: &mut Session, c: &Call) -> Result<Flow> {
    let Some(first) = c.arg(0) else {
        let text = match &s.pager {
            Some(p) => format!("pager: on ({p})\n"),
            None => "pager: off\n".into(),
        };
        return emit(s, &text);
    };
    match c.on_off(0) {
        Ok(true) if c.args.len() == 1 => s.pager = Some(s.pager_command.clone()),
        Ok(false) if c.args.len() == 1 => s.pager = None,
        _ if s.is_safe() => {
            return Err(Error::Refused {
                message: format!(".pager {first}: running a command is not allowed with --safe"),
                location: None,
            });
        }
        _ => s.pager = Some(c.args.join(" ")),
    }
    Ok(Flow::Continue)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every split for every star: the definition, exponential in the stars.
    fn by_definition(pattern: &[u8], name: &[u8]) -> bool {
        match pattern.split_first() {
            None => name.is_empty(),
            Some((b'*', rest)) => (0..=name.len()).any(|i| by_definition(rest, &name[i..])),
            Some((&p, rest)) => match name.split_first() {
                Some((&n, tail)) if p == b'?' || p == n => by_definition(rest, tail),
                _ => false,
            },
        }
    }

    proptest! {
        #[test]
        fn glob_matches_as_its_definition_does(
            pattern in "[ab*?]{0,8}",
            name in "[ab]{0,8}",
        ) {
            prop_assert_eq!(
                is_glob_match(pattern.as_bytes(), name.as_bytes()),
                by_definition(pattern.as_bytes(), name.as_bytes())
            );
        }
    }
}
