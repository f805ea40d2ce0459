//! What the user typed (`Args`, parsed by clap) turned into what the program uses
//! (`Settings`). The environment — terminals, NO_COLOR, XDG paths — is read here, once.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{ArgAction, CommandFactory, FromArgMatches, Parser, ValueEnum};

use crate::render::{Mode, Options};

#[derive(Debug, Parser)]
#[command(
    name = "scoql",
    version,
    about = "SQL over an embedded, sourced dataset of the China–SCO demonstration zone in Qingdao",
    after_help = "With no FILE and no -c, reads SQL from stdin, or starts the interactive shell \
                  when stdin is a terminal. Type .help inside for the dot-commands."
)]
pub struct Args {
    /// SQL files to run in order ('-' reads stdin)
    #[arg(value_name = "FILE")]
    pub files: Vec<String>,
    /// Run SQL text (repeatable; runs in order among the files)
    #[arg(short = 'c', long = "command", value_name = "SQL")]
    pub commands: Vec<String>,
    /// Enter the interactive shell after the files and -c have run
    #[arg(short, long)]
    pub interactive: bool,
    /// Output mode
    #[arg(long, value_enum, value_name = "MODE", group = "output_mode")]
    pub mode: Option<Mode>,
    /// Shortcut for --mode csv
    #[arg(long, group = "output_mode")]
    pub csv: bool,
    /// Shortcut for --mode json
    #[arg(long, group = "output_mode")]
    pub json: bool,
    /// Shortcut for --mode jsonl
    #[arg(long, group = "output_mode")]
    pub jsonl: bool,
    /// Shortcut for --mode line
    #[arg(long, group = "output_mode")]
    pub line: bool,
    /// Shortcut for --mode list
    #[arg(long, group = "output_mode")]
    pub list: bool,
    /// Shortcut for --mode table
    #[arg(long, group = "output_mode")]
    pub table: bool,
    /// Shortcut for --mode box
    #[arg(long = "box", group = "output_mode")]
    pub box_: bool,
    /// Shortcut for --mode markdown
    #[arg(long, group = "output_mode")]
    pub markdown: bool,
    /// Shortcut for --mode tabs
    #[arg(long, group = "output_mode")]
    pub tabs: bool,
    /// Shortcut for --mode quote
    #[arg(long, group = "output_mode")]
    pub quote: bool,
    /// Print column names (the default)
    #[arg(long, overrides_with = "no_headers")]
    pub headers: bool,
    /// Do not print column names
    #[arg(long, overrides_with = "headers")]
    pub no_headers: bool,
    /// Text printed for NULL
    #[arg(long, value_name = "TEXT")]
    pub nullvalue: Option<String>,
    /// Column separator for list mode
    #[arg(long, value_name = "SEP")]
    pub separator: Option<String>,
    /// Draw at most N rows of a table (0 = all; default 40 on a terminal, all otherwise)
    #[arg(long, value_name = "N")]
    pub maxrows: Option<usize>,
    /// Stop at the first error
    #[arg(long)]
    pub bail: bool,
    /// Print each statement before running it
    #[arg(long)]
    pub echo: bool,
    /// Bind a parameter (:NAME, @NAME, $NAME) to VALUE, read as an SQL literal
    #[arg(long = "param", value_name = "NAME=VALUE", action = ArgAction::Append)]
    pub params: Vec<String>,
    /// Run FILE before the first prompt (default $XDG_CONFIG_HOME/scoql/init.sql)
    #[arg(long, value_name = "FILE", conflicts_with = "no_init")]
    pub init: Option<PathBuf>,
    /// Do not run an init file
    #[arg(long)]
    pub no_init: bool,
    /// Open this SQLite file instead of the embedded dataset
    #[arg(long, value_name = "PATH", conflicts_with_all = ["seed_dir", "no_seed"])]
    pub db: Option<PathBuf>,
    /// Load DIR/schema and DIR/seed instead of the embedded dataset
    #[arg(long, value_name = "DIR", conflicts_with = "no_seed")]
    pub seed_dir: Option<PathBuf>,
    /// Start with an empty in-memory database
    #[arg(long)]
    pub no_seed: bool,
    /// Refuse writes to the database
    #[arg(long)]
    pub readonly: bool,
    /// Refuse everything that touches files or other databases
    #[arg(long)]
    pub safe: bool,
    /// When to use colour
    #[arg(long, value_enum, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// One input, in the order given on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
    /// `-c` text and its 1-based number among the -c arguments.
    Command(usize, String),
}

/// Which database the session starts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dataset {
    Embedded,
    Dir(PathBuf),
    Empty,
    File(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub inputs: Vec<Input>,
    /// Start the REPL (after the inputs, if any).
    pub interactive: bool,
    pub dataset: Dataset,
    pub readonly: bool,
    pub safe: bool,
    pub bail: bool,
    pub echo: bool,
    /// Output settings, which dot-commands can change later.
    pub output: Options,
    /// --maxrows was given: the limit then holds for files too, not only the terminal.
    pub is_maxrows_explicit: bool,
    /// `NAME=VALUE` pairs from --param, in order.
    pub params: Vec<(String, String)>,
    pub init: Option<PathBuf>,
    pub history: Option<PathBuf>,
    pub is_stdout_tty: bool,
    pub is_stdin_tty: bool,
    pub color: bool,
}

/// A usage error, reported by clap's conventions (exit status 2).
pub type UsageError = clap::Error;

impl Settings {
    /// Parses the command line and reads the environment.
    pub fn from_env() -> Result<Settings, UsageError> {
        let matches = Args::command().try_get_matches()?;
        let args = Args::from_arg_matches(&matches)?;
        // -c and FILE interleave in the order typed; clap knows where each one stood.
        let mut ordered: Vec<(usize, Input)> = Vec::new();
        if let Some(idx) = matches.indices_of("files") {
            for (i, f) in idx.zip(&args.files) {
                let input = if f == "-" {
                    Input::Stdin
                } else {
                    Input::File(PathBuf::from(f))
                };
                ordered.push((i, input));
            }
        }
        if let Some(idx) = matches.indices_of("commands") {
            for (n, (i, c)) in idx.zip(&args.commands).enumerate() {
                ordered.push((i, Input::Command(n + 1, c.clone())));
            }
        }
        ordered.sort_by_key(|(i, _)| *i);
        let is_stdin_tty = std::io::stdin().is_terminal();
        let is_stdout_tty = std::io::stdout().is_terminal();
        Self::resolve(args, ordered, is_stdin_tty, is_stdout_tty)
    }

    fn resolve(
        args: Args,
        ordered: Vec<(usize, Input)>,
        is_stdin_tty: bool,
        is_stdout_tty: bool,
    ) -> Result<Settings, UsageError> {
        let mut inputs: Vec<Input> = ordered.into_iter().map(|(_, i)| i).collect();
        let mut interactive = args.interactive;
        if inputs.is_empty() {
            if is_stdin_tty {
                interactive = true;
            } else {
                inputs.push(Input::Stdin);
            }
        }
        let mut params = Vec::new();
        for p in &args.params {
            let Some((name, value)) = p.split_once('=') else {
                return Err(Args::command().error(
                    clap::error::ErrorKind::InvalidValue,
                    format!("--param expects NAME=VALUE, got '{p}'"),
                ));
            };
            let name = crate::sqlite::param_key(name.trim()).to_string();
            params.push((name, value.to_string()));
        }
        let shortcut = [
            (args.csv, Mode::Csv),
            (args.json, Mode::Json),
            (args.jsonl, Mode::Jsonl),
            (args.line, Mode::Line),
            (args.list, Mode::List),
            (args.table, Mode::Table),
            (args.box_, Mode::Box),
            (args.markdown, Mode::Markdown),
            (args.tabs, Mode::Tabs),
            (args.quote, Mode::Quote),
        ]
        .into_iter()
        .find_map(|(on, m)| on.then_some(m));
        let mut output = Options {
            headers: !args.no_headers,
            nullvalue: args.nullvalue.clone(),
            // On a terminal a result is cut to 40 rows unless asked otherwise; 0 means all.
            maxrows: match args.maxrows {
                Some(0) => None,
                Some(n) => Some(n),
                None if is_stdout_tty => Some(40),
                None => None,
            },
            ..Options::default()
        };
        if let Some(mode) = shortcut.or(args.mode) {
            output.set_mode(mode, true, None);
        }
        if let Some(sep) = &args.separator {
            output.colsep = sep.clone();
        }
        let dataset = if let Some(db) = args.db {
            Dataset::File(db)
        } else if let Some(dir) = args.seed_dir {
            Dataset::Dir(dir)
        } else if args.no_seed {
            Dataset::Empty
        } else {
            Dataset::Embedded
        };
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_stdout_tty && !no_color,
        };
        // An explicit --init always runs; the default one only before an interactive
        // session, so that scripts give the same output on every machine.
        let init = if args.no_init {
            None
        } else if args.init.is_some() {
            args.init
        } else if interactive {
            config_dir()
                .map(|d| d.join("init.sql"))
                .filter(|p| p.is_file())
        } else {
            None
        };
        Ok(Settings {
            inputs,
            interactive,
            dataset,
            readonly: args.readonly,
            safe: args.safe,
            bail: args.bail,
            echo: args.echo,
            output,
            is_maxrows_explicit: args.maxrows.is_some(),
            params,
            init,
            history: interactive
                .then(state_dir)
                .flatten()
                .map(|d| d.join("history")),
            is_stdout_tty,
            is_stdin_tty,
            color,
        })
    }
}

fn config_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy()
        .ok()
        .map(|s| s.config_dir().join("scoql"))
}

fn state_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let s = etcetera::choose_base_strategy().ok()?;
    Some(
        s.state_dir()
            .unwrap_or_else(|| s.home_dir().join(".local/state"))
            .join("scoql"),
    )
}

/// The width of the terminal on stdout, for fitting tables.
pub fn terminal_width() -> Option<u16> {
    // SAFETY: TIOCGWINSZ fills the winsize struct it is given and nothing else.
    unsafe {
        let mut ws: libc::winsize = std::mem::zeroed();
        if libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut ws) == 0 && ws.ws_col > 0 {
            Some(ws.ws_col)
        } else {
            None
        }
    }
}

#[cfg(test)]
impl Settings {
    /// Settings for `scoql --no-seed ARGS` with stdin and stdout not terminals (tests).
    pub fn for_tests(args: &[&str]) -> Settings {
        let mut argv = vec!["scoql", "--no-seed"];
        argv.extend_from_slice(args);
        match Args::try_parse_from(argv).map(|a| Settings::resolve(a, Vec::new(), false, false)) {
            Ok(Ok(s)) => s,
            Ok(Err(e)) | Err(e) => panic!("test settings: {e}"),
        }
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn settings(args: &[&str], stdin_tty: bool, stdout_tty: bool) -> Settings {
        let mut argv = vec!["scoql"];
        argv.extend_from_slice(args);
        let parsed = Args::try_parse_from(argv).expect("test arguments parse");
        Settings::resolve(parsed, Vec::new(), stdin_tty, stdout_tty).expect("settings resolve")
    }

    #[test]
    fn a_terminal_gets_40_rows_and_a_pipe_gets_all() {
        assert_eq!(settings(&[], false, true).output.maxrows, Some(40));
        assert_eq!(settings(&[], false, false).output.maxrows, None);
        assert_eq!(
            settings(&["--maxrows", "0"], false, true).output.maxrows,
            None
        );
        assert_eq!(
            settings(&["--maxrows", "7"], false, false).output.maxrows,
            Some(7)
        );
    }

    #[test]
    fn stdin_decides_between_script_and_repl() {
        let piped = settings(&[], false, false);
        assert_eq!(piped.inputs, vec![Input::Stdin]);
        assert!(!piped.interactive);
        let tty = settings(&[], true, true);
        assert!(tty.inputs.is_empty());
        assert!(tty.interactive);
    }

    #[test]
    fn colour_follows_the_flag_and_the_terminal() {
        assert!(!settings(&["--color", "never"], true, true).color);
        assert!(settings(&["--color", "always"], false, false).color);
        assert!(!settings(&[], false, false).color);
    }

    #[test]
    fn csv_flag_keeps_newline_rows_like_sqlite3() {
        let s = settings(&["--csv"], false, false);
        assert_eq!(s.output.mode, Mode::Csv);
        assert_eq!(s.output.colsep, ",");
        assert_eq!(s.output.rowsep, "\n");
    }

    #[test]
    fn params_need_name_equals_value() {
        let s = settings(
            &["--param", "year=2021", "--param", ":c='KZ'"],
            false,
            false,
        );
        assert_eq!(
            s.params,
            vec![("year".into(), "2021".into()), ("c".into(), "'KZ'".into())]
        );
    }
}
