//! What the user typed (`Args`, parsed by clap) turned into what the program uses
//! (`Settings`). The environment — terminals, NO_COLOR, XDG paths — is read here, once.

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{ArgAction, CommandFactory, FromArgMatches, Parser};

pub use crate::config::ColorChoice;
pub use crate::config::Origin;
use crate::config::{self, Loaded, Origins, PagerChoice};
use crate::render::{Mode, Numbers, Options};

mod argv;
mod env;

pub use argv::Flag;
use argv::{flags_in_order, sqlite3_spellings};
use env::{config_dir, data_dir, opener, state_dir};
pub use env::{terminal_height, terminal_width};

/// `0.1.0 (SQLite 3.54.1)`: the bundled SQLite names the sqlite3 shell whose bytes the list
/// modes match (README "Output").
fn version_text() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| {
        format!(
            "{} (SQLite {})",
            env!("CARGO_PKG_VERSION"),
            crate::sqlite::version()
        )
    })
}

#[derive(Debug, Parser)]
#[command(
    name = "scoql",
    version = version_text(),
    about = "SQL over an embedded, sourced dataset of the China–SCO demonstration zone in Qingdao",
    args_override_self = true,
    after_help = "With no FILE and no -c, reads SQL from stdin, or starts the interactive shell \
                  when stdin is a terminal. Type .help inside for the dot-commands.\n\
                  sqlite3's single-dash spellings are accepted too (-csv, -json, -header, \
                  -noheader, -bail, -cmd SQL, -init FILE, -separator SEP, ...). A repeated \
                  option, or a second mode, overrides the earlier one."
)]
pub struct Args {
    /// SQL files to run in order ('-' reads stdin)
    #[arg(value_name = "FILE")]
    pub files: Vec<String>,
    /// Run SQL text (repeatable; runs in order among the files)
    #[arg(
        short = 'c',
        long = "command",
        value_name = "SQL",
        allow_hyphen_values = true
    )]
    pub commands: Vec<String>,
    /// Run SQL or a dot-command first, then read stdin or start the shell as usual
    /// (sqlite3's -cmd)
    #[arg(long = "cmd", value_name = "SQL", allow_hyphen_values = true)]
    pub cmds: Vec<String>,
    /// Read stdin as a script even when it is a terminal (sqlite3's -batch)
    #[arg(long)]
    pub batch: bool,
    /// Enter the interactive shell after the files and -c have run
    #[arg(short, long)]
    pub interactive: bool,
    /// Output mode
    #[arg(long, value_enum, value_name = "MODE", action = ArgAction::Append)]
    pub mode: Vec<Mode>,
    /// Shortcut for --mode csv
    #[arg(long)]
    pub csv: bool,
    /// Shortcut for --mode json
    #[arg(long)]
    pub json: bool,
    /// Shortcut for --mode jsonl
    #[arg(long)]
    pub jsonl: bool,
    /// Shortcut for --mode line
    #[arg(long)]
    pub line: bool,
    /// Shortcut for --mode list
    #[arg(long)]
    pub list: bool,
    /// Shortcut for --mode table
    #[arg(long)]
    pub table: bool,
    /// Shortcut for --mode box
    #[arg(long = "box")]
    pub box_: bool,
    /// Shortcut for --mode markdown
    #[arg(long)]
    pub markdown: bool,
    /// Shortcut for --mode tabs
    #[arg(long)]
    pub tabs: bool,
    /// Shortcut for --mode quote
    #[arg(long)]
    pub quote: bool,
    /// Print column names (the default)
    #[arg(long, overrides_with = "no_headers")]
    pub headers: bool,
    /// Do not print column names
    #[arg(long, overrides_with = "headers")]
    pub no_headers: bool,
    /// Text printed for NULL
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub nullvalue: Option<String>,
    /// Column separator for list mode
    #[arg(long, value_name = "SEP", allow_hyphen_values = true)]
    pub separator: Option<String>,
    /// Draw at most N rows of a table (0 = all; default 40 on a terminal, all otherwise)
    #[arg(long, value_name = "N")]
    pub maxrows: Option<usize>,
    /// How tables show numbers: plain, grouped (1,234,567; the default) or short (1.23 million)
    #[arg(long, value_enum, value_name = "STYLE")]
    pub numbers: Option<Numbers>,
    /// Stop at the first error
    #[arg(long)]
    pub bail: bool,
    /// Print each statement before running it
    #[arg(long)]
    pub echo: bool,
    /// Bind a parameter (:NAME, @NAME, $NAME) to VALUE: one SQL literal (12, 2.5, 'text',
    /// X'00', NULL) binds as that literal, anything else (2021-03-01) as text, verbatim
    #[arg(long = "param", value_name = "NAME=VALUE", action = ArgAction::Append)]
    pub params: Vec<String>,
    /// Run FILE before the first prompt (default $XDG_CONFIG_HOME/scoql/init.sql)
    #[arg(long, value_name = "FILE", conflicts_with = "no_init")]
    pub init: Option<PathBuf>,
    /// Do not run an init file
    #[arg(long)]
    pub no_init: bool,
    /// Do not read $XDG_CONFIG_HOME/scoql/config.toml (a hermetic run)
    #[arg(long)]
    pub no_config: bool,
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
    /// When to use colour [default: auto]
    #[arg(long, value_enum, value_name = "WHEN")]
    pub color: Option<ColorChoice>,
    /// Follow table results with the sources they show (the default on a terminal)
    #[arg(long)]
    pub cite: bool,
}

/// The pager used when none is configured and $PAGER is unset.
pub const DEFAULT_PAGER: &str = "less -SRFX";
/// The REPL's prompt unless the config sets one.
pub const DEFAULT_PROMPT: &str = "scoql> ";

/// One input, in the order given on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
    /// `-c` or `--cmd` text, and the name its errors are located by (`<command 2>`).
    Command {
        origin: String,
        text: String,
    },
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
    /// The pager command for results taller than the terminal; None: no pager.
    pub pager: Option<String>,
    /// The command `.pager on` uses: $PAGER, else `less -SRFX`.
    pub pager_command: String,
    /// Statements the REPL's history keeps.
    pub history_size: usize,
    pub prompt: String,
    /// The user's own saved queries (`.save-query`): `$XDG_DATA_HOME/scoql/queries`.
    pub queries_dir: Option<PathBuf>,
    /// The program that opens a file in its desktop app (`.excel`): `open` on macOS,
    /// `xdg-open` in a graphical session; None without a desktop.
    pub opener: Option<String>,
    /// `$VISUAL`, else `$EDITOR`, else `vi`: the editor `.edit` runs.
    pub editor: String,
    /// The config file as read (None: none, or `--no-config`); its warnings are reported
    /// once, at start.
    pub config: Option<Loaded>,
    /// Where each setting that `.show` lists came from, when not the built-in default.
    pub origins: Origins,
    /// Table results are followed by a legend of their sources (`.cite`).
    pub cite: bool,
    /// For each `--cmd`, in order (they are the first inputs): the output options given
    /// after it on the command line and before the next one, applied once it has run
    /// (`output` holds only those given before the first).
    pub after_cmds: Vec<Vec<Flag>>,
}

/// A usage error, reported by clap's conventions (exit status 2).
pub type UsageError = clap::Error;

impl Settings {
    /// Parses the command line and reads the environment.
    pub fn from_env() -> Result<Settings, UsageError> {
        Settings::parse(
            std::env::args_os(),
            std::io::stdin().is_terminal(),
            std::io::stdout().is_terminal(),
        )
    }

    /// Parses `argv` (the program's name first), sqlite3's single-dash spellings included,
    /// for a process whose stdin and stdout are (or are not) terminals.
    pub fn parse(
        argv: impl IntoIterator<Item = OsString>,
        is_stdin_tty: bool,
        is_stdout_tty: bool,
    ) -> Result<Settings, UsageError> {
        Self::parse_with(argv, is_stdin_tty, is_stdout_tty, config::load)
    }

    /// `parse`, reading the config file (unless `--no-config`) with `read_config`.
    pub fn parse_with(
        argv: impl IntoIterator<Item = OsString>,
        is_stdin_tty: bool,
        is_stdout_tty: bool,
        read_config: impl FnOnce(&std::path::Path) -> Option<Loaded>,
    ) -> Result<Settings, UsageError> {
        let argv = sqlite3_spellings(argv).map_err(|message| {
            Args::command().error(clap::error::ErrorKind::UnknownArgument, message)
        })?;
        let matches = Args::command().try_get_matches_from(argv)?;
        let args = Args::from_arg_matches(&matches)?;
        let config = if args.no_config {
            None
        } else {
            config_dir().and_then(|d| read_config(&d.join("config.toml")))
        };
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
                let origin = format!("<command {}>", n + 1);
                ordered.push((
                    i,
                    Input::Command {
                        origin,
                        text: c.clone(),
                    },
                ));
            }
        }
        ordered.sort_by_key(|(i, _)| *i);
        // As in sqlite3, each -cmd runs with the output options given before it, and the
        // ones given after it apply once it has run.
        let mut flags = flags_in_order(&matches, &args);
        let cmds: Vec<usize> = matches
            .indices_of("cmds")
            .map(Iterator::collect)
            .unwrap_or_default();
        let after_cmds = cmds
            .iter()
            .enumerate()
            .map(|(k, &at)| {
                let next = cmds.get(k + 1).copied().unwrap_or(usize::MAX);
                let window = flags.iter().filter(|(i, _)| (at..next).contains(i));
                window.map(|(_, f)| f.clone()).collect()
            })
            .collect();
        let first_cmd = cmds.first().copied().unwrap_or(usize::MAX);
        flags.retain(|(i, _)| *i < first_cmd);
        let mut settings =
            Self::resolve(args, ordered, flags, config, is_stdin_tty, is_stdout_tty)?;
        settings.after_cmds = after_cmds;
        Ok(settings)
    }

    fn resolve(
        args: Args,
        ordered: Vec<(usize, Input)>,
        flags: Vec<(usize, Flag)>,
        loaded: Option<Loaded>,
        is_stdin_tty: bool,
        is_stdout_tty: bool,
    ) -> Result<Settings, UsageError> {
        let mut inputs: Vec<Input> = ordered.into_iter().map(|(_, i)| i).collect();
        let mut interactive = args.interactive;
        if inputs.is_empty() {
            if is_stdin_tty && !args.batch {
                interactive = true;
            } else {
                inputs.push(Input::Stdin);
            }
        }
        // --cmd runs before everything else and does not count as an input.
        let cmds = args
            .cmds
            .iter()
            .enumerate()
            .map(|(n, text)| Input::Command {
                origin: format!("<cmd {}>", n + 1),
                text: text.clone(),
            });
        inputs.splice(0..0, cmds);
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
        // Each output setting: the built-in default, then the config, then the command line.
        let config = loaded
            .as_ref()
            .map(|l| l.config.clone())
            .unwrap_or_default();
        let mut origins = Origins::new();
        let mut output = Options::default();
        // On a terminal a result is cut to 40 rows unless asked otherwise; 0 means all.
        let terminal_rows = match &loaded {
            Some(l) => l.apply(&mut output, &mut origins),
            None => Some(40),
        };
        let mut set = |keys: &[&'static str], origin: Origin| {
            for key in keys {
                origins.insert(*key, origin.clone());
            }
        };
        // Each output option in turn, as sqlite3 applies them: the last mode is the mode,
        // and a separator set earlier stays unless a later mode sets its own.
        // (Those given after a --cmd wait for it: `after_cmds`.)
        for (_, flag) in &flags {
            flag.apply(&mut output);
            set(flag.keys(), Origin::CommandLine);
        }
        output.maxrows = match args.maxrows {
            Some(0) => None,
            Some(n) => Some(n),
            None if is_stdout_tty => terminal_rows,
            None => None,
        };
        if args.maxrows.is_some() {
            set(&["maxrows"], Origin::CommandLine);
        }
        output.numbers = args.numbers.unwrap_or(output.numbers);
        for (key, given) in [
            ("bail", args.bail),
            ("numbers", args.numbers.is_some()),
            ("cite", args.cite),
            ("echo", args.echo),
            ("safe", args.safe),
            ("readonly", args.readonly),
        ] {
            if given {
                set(&[key], Origin::CommandLine);
            }
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
        let color = match args.color.or(config.color).unwrap_or(ColorChoice::Auto) {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_stdout_tty && !no_color,
        };
        if args.color.is_some() {
            set(&["color"], Origin::CommandLine);
        }
        let pager_command = std::env::var("PAGER")
            .ok()
            .filter(|p| !p.trim().is_empty())
            .unwrap_or_else(|| DEFAULT_PAGER.to_string());
        // By default the REPL pages; scripts only when the config asks.
        let pager = match &config.pager {
            Some(PagerChoice::On(true)) => Some(pager_command.clone()),
            Some(PagerChoice::On(false)) => None,
            Some(PagerChoice::Command(c)) => Some(c.clone()).filter(|c| !c.trim().is_empty()),
            None => interactive.then(|| pager_command.clone()),
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
            pager,
            pager_command,
            history_size: config.history_size.unwrap_or(10_000),
            prompt: config
                .prompt
                .clone()
                .unwrap_or_else(|| DEFAULT_PROMPT.to_string()),
            queries_dir: data_dir().map(|d| d.join("queries")),
            opener: opener(),
            editor: ["VISUAL", "EDITOR"]
                .iter()
                .filter_map(|v| std::env::var(v).ok())
                .find(|e| !e.trim().is_empty())
                .unwrap_or_else(|| "vi".into()),
            config: loaded,
            origins,
            // A reader at a terminal sees where each figure comes from; output that goes
            // on to a file or a program stays what the query returned unless asked (by
            // --cite, or `cite = true` in the config).
            cite: args.cite || config.cite.unwrap_or(is_stdout_tty),
            after_cmds: Vec::new(),
        })
    }
}

#[cfg(test)]
impl Settings {
    /// Settings for `scoql --no-seed ARGS` with stdin and stdout not terminals (tests).
    pub fn for_tests(args: &[&str]) -> Settings {
        let mut argv = vec!["scoql", "--no-seed", "--no-config"];
        argv.extend_from_slice(args);
        match Settings::parse(argv.into_iter().map(OsString::from), false, false) {
            Ok(s) => s,
            Err(e) => panic!("test settings: {e}"),
        }
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn settings(args: &[&str], stdin_tty: bool, stdout_tty: bool) -> Settings {
        let mut argv = vec!["scoql", "--no-config"];
        argv.extend_from_slice(args);
        Settings::parse(argv.into_iter().map(OsString::from), stdin_tty, stdout_tty)
            .expect("settings parse")
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
    fn sources_follow_results_at_a_terminal_and_when_asked() {
        assert!(settings(&[], false, true).cite);
        assert!(!settings(&[], false, false).cite);
        let asked = settings(&["--cite"], false, false);
        assert!(asked.cite);
        assert_eq!(asked.origins.get("cite"), Some(&Origin::CommandLine));
    }

    #[test]
    fn csv_flag_keeps_newline_rows_like_sqlite3() {
        let s = settings(&["--csv"], false, false);
        assert_eq!(s.output.mode, Mode::Csv);
        assert_eq!(s.output.colsep, ",");
        assert_eq!(s.output.rowsep, "\n");
    }

    #[test]
    fn numbers_are_grouped_unless_asked_otherwise() {
        assert_eq!(settings(&[], false, false).output.numbers, Numbers::Grouped);
        let s = settings(&["--numbers", "short"], false, false);
        assert_eq!(s.output.numbers, Numbers::Short);
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

    #[test]
    fn sqlite3_single_dash_options_mean_what_they_mean_in_sqlite3() {
        let s = settings(
            &["-csv", "-noheader", "-separator", ";", "-nullvalue", "-"],
            false,
            false,
        );
        assert_eq!(s.output.mode, Mode::Csv);
        assert!(!s.output.headers);
        assert_eq!(s.output.colsep, ";");
        assert_eq!(s.output.nullvalue.as_deref(), Some("-"));
        let s = settings(
            &["-json", "-header", "-bail", "-echo", "-readonly", "-safe"],
            false,
            false,
        );
        assert_eq!(s.output.mode, Mode::Json);
        assert!(s.output.headers && s.bail && s.echo && s.readonly && s.safe);
        let s = settings(&["-line", "-init", "x.sql", "-interactive"], false, false);
        assert_eq!(s.output.mode, Mode::Line);
        assert_eq!(s.init.as_deref(), Some(std::path::Path::new("x.sql")));
        assert!(s.interactive);
        // -c keeps its meaning; a value is never rewritten.
        let s = settings(&["-c", "-csv", "--separator", "-json"], false, false);
        assert_eq!(s.output.colsep, "-json");
        assert_eq!(
            s.inputs,
            vec![Input::Command {
                origin: "<command 1>".into(),
                text: "-csv".into()
            }]
        );
    }

    #[test]
    fn a_mode_after_a_separator_brings_its_own_and_options_after_a_cmd_wait_for_it() {
        let s = settings(&["-separator", ";", "-csv"], false, false);
        assert_eq!(s.output.colsep, ",");
        let s = settings(&["-csv", "-separator", ";"], false, false);
        assert_eq!(s.output.colsep, ";");
        let s = settings(
            &[
                "-tabs",
                "-cmd",
                ".mode csv",
                "-header",
                "-cmd",
                "x",
                "-quote",
            ],
            false,
            false,
        );
        assert_eq!(s.output.mode, Mode::Tabs);
        assert_eq!(
            s.after_cmds,
            [vec![Flag::Headers(true)], vec![Flag::Mode(Mode::Quote)]]
        );
    }

    #[test]
    fn the_later_of_two_modes_or_a_repeated_option_wins() {
        // As in sqlite3, -list changes the mode and keeps the separator set before it.
        let s = settings(&["-csv", "-list"], false, false);
        assert_eq!((s.output.mode, s.output.colsep.as_str()), (Mode::List, ","));
        assert_eq!(
            settings(&["--list", "--csv"], false, false).output.mode,
            Mode::Csv
        );
        assert_eq!(
            settings(&["--csv", "--list"], false, false).output.mode,
            Mode::List
        );
        assert_eq!(
            settings(&["--mode", "json", "--box"], false, false)
                .output
                .mode,
            Mode::Box
        );
        assert_eq!(
            settings(&["--box", "--mode", "json"], false, false)
                .output
                .mode,
            Mode::Json
        );
        assert_eq!(
            settings(&["-list", "-csv"], false, false).output.mode,
            Mode::Csv
        );
        let s = settings(
            &["--nullvalue", "a", "--nullvalue", "b", "--bail", "--bail"],
            false,
            false,
        );
        assert_eq!(s.output.nullvalue.as_deref(), Some("b"));
    }

    #[test]
    fn cmd_runs_first_and_stdin_or_the_shell_still_follows() {
        let s = settings(&["-cmd", ".mode csv", "x.sql"], false, false);
        assert_eq!(
            s.inputs,
            vec![
                Input::Command {
                    origin: "<cmd 1>".into(),
                    text: ".mode csv".into()
                },
                Input::File("x.sql".into())
            ]
        );
        let s = settings(&["-cmd", "select 1"], true, true);
        assert!(s.interactive);
        let s = settings(&["-batch"], true, true);
        assert!(!s.interactive);
        assert_eq!(s.inputs, vec![Input::Stdin]);
    }

    fn with_config(args: &[&str], text: &str, stdout_tty: bool) -> Settings {
        let mut argv = vec!["scoql"];
        argv.extend_from_slice(args);
        Settings::parse_with(
            argv.into_iter().map(OsString::from),
            false,
            stdout_tty,
            |p| Some(config::parse(p, text)),
        )
        .expect("settings parse")
    }

    #[test]
    fn the_config_sets_defaults_and_the_command_line_overrides_them() {
        let text = "mode = \"csv\"\nheaders = false\nmaxrows = 5\ncolor = \"always\"\n\
                    pager = \"most\"\nprompt = \"sql> \"\nhistory_size = 9\n";
        let s = with_config(&[], text, true);
        assert_eq!(s.output.mode, Mode::Csv);
        assert_eq!(s.output.rowsep, "\n", "a config mode acts like an option");
        assert!(!s.output.headers);
        assert_eq!(s.output.maxrows, Some(5));
        assert!(s.color);
        assert_eq!(s.pager.as_deref(), Some("most"));
        assert_eq!((s.prompt.as_str(), s.history_size), ("sql> ", 9));
        assert!(matches!(
            s.origins.get("mode"),
            Some(Origin::Config { line: 1, .. })
        ));
        let s = with_config(
            &["--json", "--headers", "--maxrows", "0", "--color", "never"],
            text,
            true,
        );
        assert_eq!(s.output.mode, Mode::Json);
        assert!(s.output.headers);
        assert_eq!(s.output.maxrows, None);
        assert!(!s.color);
        assert_eq!(s.origins.get("headers"), Some(&Origin::CommandLine));
        // The config's row limit is the terminal's: a pipe still gets every row.
        assert_eq!(with_config(&[], text, false).output.maxrows, None);
        // --no-config never reads it.
        let s = with_config(&["--no-config"], text, true);
        assert_eq!(s.output.mode, Mode::Table);
        assert!(s.config.is_none());
    }

    #[test]
    fn a_command_may_start_with_a_comment() {
        let s = settings(&["-c", "-- a comment\nselect 1;"], false, false);
        assert_eq!(s.inputs.len(), 1);
    }
}
