//! The config file, `$XDG_CONFIG_HOME/scoql/config.toml`: its keys (one serde struct) and
//! how it is read. Each key is checked on its own, so a key that is unknown or of the wrong
//! type is one warning naming the file, the line and the key, and the other keys still
//! apply; nothing in the file can stop scoql from starting.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use serde::{Deserialize, Deserializer};

use crate::render::{Mode, Numbers, Options};

/// Where a setting's value came from, as `.show` says: precedence runs built-in default <
/// config file < init file < command line, and a dot-command changes it later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Default,
    Config {
        path: PathBuf,
        line: usize,
    },
    Init(PathBuf),
    CommandLine,
    /// A dot-command (`.mode`), typed or read from a file.
    Command(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Default => write!(f, "default"),
            Origin::Config { path, line } => write!(f, "config {}:{line}", path.display()),
            Origin::Init(path) => write!(f, "init file {}", path.display()),
            Origin::CommandLine => write!(f, "command line"),
            Origin::Command(name) => write!(f, "set by .{name}"),
        }
    }
}

/// The origin of each setting `.show` lists, by its name there; absent: the default.
pub type Origins = BTreeMap<&'static str, Origin>;

/// The settings a mode sets: the mode and its separators.
pub const MODE_KEYS: &[&str] = &["mode", "colseparator", "rowseparator"];

/// The config's keys by the names `.show` lists them under.
const SHOWN: &[(&str, &[&str])] = &[
    ("mode", MODE_KEYS),
    ("headers", &["headers"]),
    ("nullvalue", &["nullvalue"]),
    ("maxrows", &["maxrows"]),
    ("numbers", &["numbers"]),
    ("color", &["color"]),
    ("cite", &["cite"]),
    ("pager", &["pager"]),
    ("history_size", &["history_size"]),
    ("prompt", &["prompt"]),
];

/// When to use colour: `--color` and the config's `color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The config's `pager`: on (`true`, using $PAGER or `less -SRFX`), off, or the command.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(
    untagged,
    expecting = "true, false, or a pager command such as \"less -SRFX\""
)]
pub enum PagerChoice {
    On(bool),
    Command(String),
}

/// Every key of the config file. All are optional; a key left out keeps the built-in
/// default, and the command line (and an init file) override what is set here.
#[derive(Debug, Default, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The output mode (`table`, `csv`, ... as `--mode`), for the terminal and pipes alike.
    #[serde(default, deserialize_with = "mode")]
    pub mode: Option<Mode>,
    pub headers: Option<bool>,
    pub nullvalue: Option<String>,
    /// Rows drawn on a terminal (0 = all). Piped output is never cut by the config: only
    /// `--maxrows` or `.maxrows` limit it.
    pub maxrows: Option<usize>,
    /// How table modes show numbers (`plain`, `grouped`, `short`, as `.numbers`).
    #[serde(default, deserialize_with = "numbers")]
    pub numbers: Option<Numbers>,
    #[serde(alias = "colour")]
    pub color: Option<ColorChoice>,
    /// Add the legend of sources to results (as `.cite on`).
    pub cite: Option<bool>,
    pub pager: Option<PagerChoice>,
    /// Statements kept in the REPL's history file.
    pub history_size: Option<usize>,
    pub prompt: Option<String>,
}

fn numbers<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Numbers>, D::Error> {
    let name = String::deserialize(d)?;
    match Numbers::parse(&name) {
        Some(n) => Ok(Some(n)),
        None => {
            let names: Vec<String> = Numbers::all().iter().map(|n| n.name()).collect();
            Err(serde::de::Error::custom(format!(
                "unknown numbers style '{name}'; styles: {}",
                names.join(", ")
            )))
        }
    }
}

fn mode<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Mode>, D::Error> {
    let name = String::deserialize(d)?;
    match Mode::parse(&name) {
        Some(m) => Ok(Some(m)),
        None => {
            let names: Vec<String> = Mode::all().iter().map(|m| m.name()).collect();
            Err(serde::de::Error::custom(format!(
                "unknown mode '{name}'; modes: {}",
                names.join(", ")
            )))
        }
    }
}

/// A config file as read: the keys that were valid, the line each was set on, and one
/// warning for each key (or syntax error) that was not.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub path: PathBuf,
    pub config: Config,
    /// Key → the line it is set on (1-based), for `.show`.
    pub lines: BTreeMap<String, usize>,
    pub warnings: Vec<String>,
}

impl Loaded {
    /// The line `key` is set on, when the file set it.
    pub fn line_of(&self, key: &str) -> Option<usize> {
        self.lines.get(key).copied()
    }

    /// Sets the output settings the file gives on `output` (built-in defaults before it,
    /// the command line after it) and records where every key it sets came from. Returns
    /// the terminal's row limit: the file's `maxrows` (0 = all), else 40.
    pub fn apply(&self, output: &mut Options, origins: &mut Origins) -> Option<usize> {
        let c = &self.config;
        if let Some(m) = c.mode {
            // Like an option, not like `.mode`: csv rows end in `\n`.
            output.set_mode(m, true, None);
        }
        if let Some(h) = c.headers {
            output.headers = h;
        }
        if let Some(n) = &c.nullvalue {
            output.nullvalue = Some(n.clone());
        }
        if let Some(n) = c.numbers {
            output.numbers = n;
        }
        for (key, shown) in SHOWN {
            if let Some(line) = self.line_of(key) {
                for name in *shown {
                    let path = self.path.clone();
                    origins.insert(name, Origin::Config { path, line });
                }
            }
        }
        match c.maxrows {
            Some(0) => None,
            Some(n) => Some(n),
            None => Some(40),
        }
    }
}

/// Reads the config at `path`. None when there is no file; a file that cannot be read, or
/// is not a regular file (`userfile`), is a warning and no settings.
pub fn load(path: &Path) -> Option<Loaded> {
    match crate::userfile::read(path) {
        Ok(bytes) => Some(match String::from_utf8(bytes) {
            Ok(text) => parse(path, &text),
            Err(e) => Loaded {
                path: path.to_path_buf(),
                warnings: vec![format!(
                    "{}: not UTF-8 text (byte {}); the config is ignored",
                    path.display(),
                    e.utf8_error().valid_up_to() + 1
                )],
                ..Loaded::default()
            },
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => Some(Loaded {
            path: path.to_path_buf(),
            warnings: vec![format!(
                "cannot read {}: {}",
                path.display(),
                crate::error::io_text(&e)
            )],
            ..Loaded::default()
        }),
    }
}

/// The 1-based line of byte `offset` of `text`.
fn line_at(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Parses config text read from `path`: a syntax error is one warning and no settings; then
/// each key is deserialized alone, so one bad key costs only itself.
pub fn parse(path: &Path, text: &str) -> Loaded {
    let mut loaded = Loaded {
        path: path.to_path_buf(),
        ..Loaded::default()
    };
    let at = |line: usize| format!("{}:{line}", path.display());
    let entries = match toml::from_str::<BTreeMap<toml::Spanned<String>, toml::Value>>(text) {
        Ok(entries) => entries,
        Err(e) => {
            let line = e.span().map_or(1, |s| line_at(text, s.start));
            loaded.warnings.push(format!(
                "{}: {}; the config is ignored",
                at(line),
                e.message().trim_end()
            ));
            return loaded;
        }
    };
    let mut good = toml::Table::new();
    for (key, value) in entries {
        let line = line_at(text, key.span().start);
        let name = key.into_inner();
        let one = toml::Table::from_iter([(name.clone(), value.clone())]);
        match toml::Value::Table(one).try_into::<Config>() {
            Ok(_) => {
                loaded.lines.insert(canonical(&name).to_string(), line);
                good.insert(name, value);
            }
            Err(e) => loaded.warnings.push(format!(
                "{}: key '{name}': {}; ignored",
                at(line),
                e.message().trim_end()
            )),
        }
    }
    // Each key deserialized alone, so all of them together do too.
    loaded.config = toml::Value::Table(good).try_into().unwrap_or_default();
    loaded
}

/// A key's name as `.show` lists it (`colour` is `color`).
fn canonical(key: &str) -> &str {
    if key == "colour" { "color" } else { key }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn read(text: &str) -> Loaded {
        parse(Path::new("/cfg/config.toml"), text)
    }

    #[test]
    fn every_key_is_read_with_its_line() {
        let l = read(
            "# scoql\nmode = \"csv\"\nheaders = false\nnullvalue = \"-\"\nmaxrows = 10\n\
             numbers = \"grouped\"\ncolour = \"never\"\ncite = true\npager = \"more\"\n\
             history_size = 50\nprompt = \"sql> \"\n",
        );
        assert!(l.warnings.is_empty(), "{:?}", l.warnings);
        let c = &l.config;
        assert_eq!(c.mode, Some(Mode::Csv));
        assert_eq!(c.headers, Some(false));
        assert_eq!(c.nullvalue.as_deref(), Some("-"));
        assert_eq!(c.maxrows, Some(10));
        assert_eq!(c.numbers, Some(Numbers::Grouped));
        assert_eq!(c.color, Some(ColorChoice::Never));
        assert_eq!(c.cite, Some(true));
        assert_eq!(c.pager, Some(PagerChoice::Command("more".into())));
        assert_eq!(c.history_size, Some(50));
        assert_eq!(c.prompt.as_deref(), Some("sql> "));
        assert_eq!(l.line_of("mode"), Some(2));
        assert_eq!(l.line_of("color"), Some(7));
    }

    #[test]
    fn a_bad_key_is_one_warning_naming_file_line_and_key_and_the_rest_applies() {
        let l = read("mode = \"csv\"\ncolr = \"never\"\nheaders = \"yes\"\nmaxrows = 5\n");
        assert_eq!(l.warnings.len(), 2, "{:?}", l.warnings);
        assert!(
            l.warnings[0].starts_with("/cfg/config.toml:2: key 'colr': unknown field"),
            "{}",
            l.warnings[0]
        );
        assert!(
            l.warnings[1].starts_with("/cfg/config.toml:3: key 'headers': invalid type"),
            "{}",
            l.warnings[1]
        );
        assert_eq!(l.config.mode, Some(Mode::Csv));
        assert_eq!(l.config.headers, None);
        assert_eq!(l.config.maxrows, Some(5));
    }

    #[test]
    fn an_unknown_mode_names_the_modes() {
        let l = read("\n\nmode = \"fancy\"\n");
        assert_eq!(l.warnings.len(), 1);
        assert!(
            l.warnings[0]
                .starts_with("/cfg/config.toml:3: key 'mode': unknown mode 'fancy'; modes: table"),
            "{}",
            l.warnings[0]
        );
    }

    #[test]
    fn a_syntax_error_is_one_warning_with_its_line() {
        let l = read("mode = \"csv\"\nheaders = \n");
        assert_eq!(l.warnings.len(), 1);
        assert!(
            l.warnings[0].starts_with("/cfg/config.toml:2: "),
            "{}",
            l.warnings[0]
        );
        assert_eq!(l.config, Config::default());
    }

    #[test]
    fn pager_is_on_off_or_a_command() {
        assert_eq!(
            read("pager = false").config.pager,
            Some(PagerChoice::On(false))
        );
        let l = read("pager = 3");
        assert!(
            l.warnings[0].contains("true, false, or a pager command"),
            "{:?}",
            l.warnings
        );
    }
}
