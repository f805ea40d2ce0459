//! The interactive shell, driven through a real terminal: each test runs scoql in a pane of
//! its own tmux server (fixed size, private socket, clean environment), types with
//! `send-keys` and reads the screen with `capture-pane`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// How long anything may take to show up: generous, for a loaded CI machine.
const TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(50);
const PROMPT: &str = "scoql>";
const CONTINUATION: &str = "  ...>";

/// Tables with known contents, typed at the prompt by the tests that need data.
const ROUTES: &str = "create table routes(id integer primary key, country text, name text); \
                      insert into routes values (1, 'KZ', 'Almaty'), (2, 'UZ', 'Tashkent'), \
                      (3, 'CN', 'Qingdao');";

/// A private home for one test: HOME, XDG_STATE_HOME and XDG_CONFIG_HOME all point inside.
pub(crate) struct Home {
    dir: TempDir,
}

impl Home {
    pub(crate) fn new() -> Home {
        Home {
            dir: TempDir::new().unwrap(),
        }
    }

    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    pub(crate) fn state(&self) -> PathBuf {
        self.path().join("state")
    }

    pub(crate) fn config(&self) -> PathBuf {
        self.path().join("config")
    }

    pub(crate) fn history(&self) -> PathBuf {
        self.state().join("scoql").join("history")
    }

    /// Writes `text` to `name` under the home, creating directories; returns the path.
    pub(crate) fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }
}

/// scoql running in a tmux pane. The tmux server is private to this value (its socket lives
/// in the test's home) and is killed when the value drops, even when the test fails.
pub(crate) struct Term {
    socket: PathBuf,
    /// The session's name: the test's tag and the process id, unique among parallel runs.
    name: String,
}

impl Term {
    /// Starts `scoql ARGS` in a 120 × 40 pane with exactly the environment of `home` plus
    /// `env`. The pane stays after scoql exits (remain-on-exit), so its exit status can be
    /// read.
    pub(crate) fn start(tag: &str, home: &Home, env: &[(&str, &str)], args: &[&str]) -> Term {
        Term::start_sized(tag, home, env, args, (120, 40))
    }

    /// As `start`, in a pane of `(columns, rows)`.
    pub(crate) fn start_sized(
        tag: &str,
        home: &Home,
        env: &[(&str, &str)],
        args: &[&str],
        size: (u16, u16),
    ) -> Term {
        let mut program = vec![crate::common::BIN];
        program.extend(args);
        Term::launch(tag, home, env, &program, size)
    }

    /// Starts `program` (a command line whose first word is run) in a 120 × 40 pane, with
    /// the same environment as `start`: for tests that wrap scoql (redirect its stderr, run
    /// it in a session of its own).
    pub(crate) fn start_program(
        tag: &str,
        home: &Home,
        env: &[(&str, &str)],
        program: &[&str],
    ) -> Term {
        Term::launch(tag, home, env, program, (120, 40))
    }

    fn launch(
        tag: &str,
        home: &Home,
        env: &[(&str, &str)],
        program: &[&str],
        (columns, rows): (u16, u16),
    ) -> Term {
        let term = Term {
            // One socket per server: a killed server can still be closing its socket when
            // the next test step starts another in the same home.
            socket: home.path().join(format!("{tag}.sock")),
            name: format!("{tag}-{}", std::process::id()),
        };
        // A config of our own: the user's ~/.tmux.conf must not change what the tests see.
        let conf = home.write("tmux.conf", "set-option -g remain-on-exit on\n");
        let conf = conf.display().to_string();
        let mut cmd = vec![
            "-f".to_string(),
            conf,
            "new-session".into(),
            "-d".into(),
            "-x".into(),
            columns.to_string(),
            "-y".into(),
            rows.to_string(),
            "-s".into(),
            term.name.clone(),
            "--".into(),
            "env".into(),
            "-i".into(),
            format!("HOME={}", home.path().display()),
            format!("XDG_STATE_HOME={}", home.state().display()),
            format!("XDG_CONFIG_HOME={}", home.config().display()),
            "TERM=xterm-256color".into(),
            "LANG=C.UTF-8".into(),
        ];
        cmd.extend(env.iter().map(|(k, v)| format!("{k}={v}")));
        cmd.extend(program.iter().map(|s| s.to_string()));
        term.tmux(&cmd.iter().map(String::as_str).collect::<Vec<_>>());
        term
    }

    /// Runs one tmux command against this server; a failing command fails the test.
    pub(crate) fn tmux(&self, args: &[&str]) -> Output {
        // tmux reads an argument ending in `;` as the end of its command; `\;` is the
        // escaped, literal semicolon.
        let escaped = args.iter().map(|a| match a.strip_suffix(';') {
            Some(head) => format!("{head}\\;"),
            None => a.to_string(),
        });
        let out = Command::new("tmux")
            // UTF-8 whatever the test's locale, and never the tmux of whoever runs the tests.
            .arg("-u")
            .arg("-S")
            .arg(&self.socket)
            .args(escaped)
            .env_remove("TMUX")
            .output()
            .expect("tmux must be installed to run the REPL tests");
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// The tmux target of the pane, for `tmux` commands of a test's own.
    pub(crate) fn name(&self) -> &str {
        &self.name
    }

    /// A tmux format (`#{cursor_x}`, ...) expanded for the pane.
    pub(crate) fn format(&self, format: &str) -> String {
        let out = self.tmux(&["display-message", "-p", "-t", &self.name, format]);
        String::from_utf8_lossy(&out.stdout).trim_end().to_string()
    }

    /// Presses named keys (`Enter`, `Tab`, `C-c`, `Up`, ...).
    pub(crate) fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.name];
        args.extend(keys);
        self.tmux(&args);
    }

    /// Types `text` literally.
    pub(crate) fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", &self.name, "-l", text]);
    }

    /// Types `text` and waits until it shows on the cursor's line, so that the next key
    /// reaches the editor after it.
    pub(crate) fn type_and_see(&self, text: &str) {
        self.type_text(text);
        self.wait_for(&format!("{text:?} typed"), |s| {
            last_line(s).ends_with(text.trim_end())
        });
    }

    /// The whole pane, scrollback included, without attributes.
    pub(crate) fn screen(&self) -> String {
        let out = self.tmux(&["capture-pane", "-p", "-J", "-S", "-", "-t", &self.name]);
        // The rows below the cursor are blank; dropping them keeps failure messages short.
        let mut screen = String::from_utf8_lossy(&out.stdout).trim_end().to_string();
        screen.push('\n');
        screen
    }

    /// The whole pane with its colours and attributes as escape sequences.
    pub(crate) fn screen_with_escapes(&self) -> String {
        let out = self.tmux(&[
            "capture-pane",
            "-p",
            "-e",
            "-J",
            "-S",
            "-",
            "-t",
            &self.name,
        ]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Polls the screen until `ready` holds; fails with the last screen after TIMEOUT.
    pub(crate) fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what}; the screen was:\n{}",
                screen.trim_end()
            );
            std::thread::sleep(POLL);
        }
    }

    /// The cursor's row, from 0.
    pub(crate) fn cursor_row(&self) -> usize {
        self.format("#{cursor_y}").parse().unwrap()
    }

    /// Waits until scoql sits at an empty prompt with at least `n` prompts on the screen.
    pub(crate) fn wait_for_prompt(&self, n: usize) -> String {
        self.wait_for(&format!("prompt number {n}"), |s| {
            prompts(s) >= n && last_line(s) == PROMPT
        })
    }

    /// Types one line, presses Enter and waits for the next empty prompt; returns the
    /// screen. Waiting matters: rustyline drops keys typed ahead of the next prompt.
    pub(crate) fn submit(&self, line: &str) -> String {
        let before = prompts(&self.screen());
        self.type_text(line);
        self.keys(&["Enter"]);
        self.wait_for_prompt(before + 1)
    }

    /// Waits for scoql to exit and returns its exit status.
    pub(crate) fn wait_for_exit(&self) -> i32 {
        let start = Instant::now();
        loop {
            let text = self.format("#{pane_dead} #{pane_dead_status} #{pid}");
            let fields: Vec<&str> = text.trim_end().split(' ').collect();
            match fields.as_slice() {
                ["1", status, _] if !status.is_empty() => return status.parse().unwrap(),
                // The pane has closed but tmux has not reaped scoql: a tmux built with
                // libutempter can miss the SIGCHLD (tmux issue #311), so send it again.
                ["1", "", server] => {
                    let _ = Command::new("kill").args(["-s", "CHLD", server]).output();
                }
                _ => {}
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for scoql to exit ({text:?}); the screen was:\n{}",
                self.screen()
            );
            std::thread::sleep(POLL);
        }
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .arg("kill-server")
            .env_remove("TMUX")
            .output();
    }
}

/// The last non-empty line of a screen: where the cursor is while scoql waits for input.
pub(crate) fn last_line(screen: &str) -> &str {
    screen
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim_end()
}

fn prompts(screen: &str) -> usize {
    screen.lines().filter(|l| l.starts_with(PROMPT)).count()
}

/// scoql on an empty database, waiting at its first prompt.
pub(crate) fn start(tag: &str, home: &Home, env: &[(&str, &str)], args: &[&str]) -> Term {
    let mut all = vec!["--no-seed"];
    all.extend(args);
    let term = Term::start(tag, home, env, &all);
    term.wait_for_prompt(1);
    term
}

/// scoql with the `routes` table, waiting at an empty prompt.
fn start_with_routes(tag: &str, home: &Home) -> Term {
    let term = start(tag, home, &[("NO_COLOR", "1")], &[]);
    let screen = term.submit(ROUTES);
    assert!(!screen.contains("Error"), "{screen}");
    term
}

#[test]
fn prompt_and_a_one_line_banner_appear_at_start() {
    let home = Home::new();
    let term = start("banner", &home, &[("NO_COLOR", "1")], &[]);
    let screen = term.screen();
    let lines: Vec<&str> = screen.lines().collect();
    let banner = lines
        .iter()
        .position(|l| l.starts_with(&format!("scoql {}", env!("CARGO_PKG_VERSION"))))
        .unwrap_or_else(|| panic!("no banner with the version:\n{screen}"));
    let text = lines[banner];
    assert!(text.contains("empty in-memory database"), "{text}");
    assert!(text.contains(".help") && text.contains(".about"), "{text}");
    assert_eq!(lines[banner + 1].trim_end(), PROMPT, "{screen}");
}

#[test]
fn a_statement_over_two_lines_shows_the_continuation_prompt_then_its_result() {
    let home = Home::new();
    let term = start("continue", &home, &[("NO_COLOR", "1")], &[]);
    term.type_text("select 6 * 7");
    term.keys(&["Enter"]);
    term.wait_for("the continuation prompt", |s| last_line(s) == CONTINUATION);
    term.type_text("as answer;");
    term.keys(&["Enter"]);
    let screen = term.wait_for_prompt(2);
    assert!(
        screen.contains("scoql> select 6 * 7\n  ...> as answer;\n"),
        "{screen}"
    );
    assert!(
        screen.contains("│ answer │") && screen.contains("│     42 │"),
        "{screen}"
    );
}

#[test]
fn tab_completes_a_table_name() {
    let home = Home::new();
    let term = start_with_routes("table", &home);
    term.type_and_see("select * from rou");
    term.keys(&["Tab"]);
    term.wait_for("the table name", |s| {
        last_line(s) == "scoql> select * from routes"
    });
}

#[test]
fn tab_completes_a_column_after_a_table_alias() {
    let home = Home::new();
    let term = start_with_routes("column", &home);
    // The alias is defined after the cursor, as when a column list is written last.
    term.type_and_see("select r.cou from routes r");
    term.keys(&["Left"; 14]);
    term.keys(&["Tab"]);
    term.wait_for("the column name", |s| {
        last_line(s) == "scoql> select r.country from routes r"
    });
}

#[test]
fn tab_completes_a_dot_command() {
    let home = Home::new();
    let term = start("dot", &home, &[("NO_COLOR", "1")], &[]);
    term.type_and_see(".hea");
    term.keys(&["Tab"]);
    term.wait_for("the command name", |s| last_line(s) == "scoql> .headers");
    term.type_and_see("of");
    term.keys(&["Tab"]);
    term.wait_for("the argument", |s| last_line(s) == "scoql> .headers off");
}

#[test]
fn tab_completes_a_file_name_with_spaces_into_one_argument() {
    // The editor escapes a space as `\ `, which a dot-command splits on: `.read` once got
    // four arguments from a completed `dir\ with\ space/a\ b.sql`.
    let home = Home::new();
    home.write("dir with space/a b.sql", "select 'read whole' as r;\n");
    let term = start("spaced", &home, &[("NO_COLOR", "1")], &["--no-seed"]);
    term.wait_for_prompt(1);
    let dir = home.path().display().to_string();
    term.type_and_see(&format!(".read {dir}/dir\\ w"));
    term.keys(&["Tab"]);
    term.wait_for("the quoted directory", |s| {
        last_line(s) == format!("scoql> .read \"{dir}/dir with space/")
    });
    term.type_and_see("a");
    term.keys(&["Tab"]);
    term.wait_for("the quoted file", |s| {
        last_line(s) == format!("scoql> .read \"{dir}/dir with space/a b.sql\"")
    });
    term.keys(&["Enter"]);
    let screen = term.wait_for_prompt(2);
    assert!(screen.contains("│ read whole │"), "{screen}");
}

#[test]
fn a_pasted_block_runs_line_by_line_with_its_dot_commands_and_ctrl_c_drops_its_rest() {
    // A block pasted at once reached the splitter as one line, so `.mode csv` inside it
    // was SQL (a syntax error) and the statement after it never ran.
    let home = Home::new();
    let term = start("paste", &home, &[("NO_COLOR", "1")], &[]);
    let paste = |text: &str| {
        let file = home.write("paste.txt", text);
        term.tmux(&["load-buffer", &file.display().to_string()]);
        term.tmux(&["paste-buffer", "-p", "-t", &term.name]);
    };
    paste("select 1 as a;\n.mode csv\nselect 2 as b;");
    term.wait_for("the pasted block", |s| last_line(s) == "select 2 as b;");
    term.keys(&["Enter"]);
    let screen = term.wait_for_prompt(2);
    assert!(screen.contains("│ 1 │"), "{screen}");
    assert!(screen.contains("\nb\n2\nscoql>"), "{screen}");
    assert!(!screen.contains("Error"), "{screen}");
    // Ctrl-C during the first statement of a paste: the rest of it does not run.
    paste(
        "with recursive c(x) as (select 1 union all select x+1 from c) select count(*) from c;\n\
         select 'after' as late;",
    );
    term.wait_for("the second paste", |s| {
        last_line(s) == "select 'after' as late;"
    });
    term.keys(&["Enter"]);
    // The editor has taken the block when the cursor has left its last line.
    let start = Instant::now();
    while term.format("#{cursor_x}") != "0" {
        assert!(start.elapsed() < TIMEOUT, "the block was not taken");
        std::thread::sleep(POLL);
    }
    term.keys(&["C-c"]);
    let screen = term.wait_for_prompt(3);
    assert!(screen.contains("Error: interrupted"), "{screen}");
    assert!(!screen.contains("\nafter\n"), "{screen}");
}

#[test]
fn tab_completes_a_column_value_inside_a_string() {
    let home = Home::new();
    let term = start_with_routes("value", &home);
    term.type_and_see("select name from routes where country = 'K");
    term.keys(&["Tab"]);
    term.wait_for("the value and its closing quote", |s| {
        last_line(s) == "scoql> select name from routes where country = 'KZ'"
    });
    term.type_text(";");
    term.keys(&["Enter"]);
    let screen = term.wait_for_prompt(3);
    assert!(screen.contains("│ Almaty │"), "{screen}");
}

#[test]
fn a_syntax_error_is_reported_and_the_session_goes_on() {
    let home = Home::new();
    let term = start("error", &home, &[("NO_COLOR", "1")], &[]);
    let screen = term.submit("selec 1;");
    assert!(
        screen.contains("Error: near \"selec\": syntax error"),
        "{screen}"
    );
    let screen = term.submit("select 'still here' as s;");
    assert!(screen.contains("│ still here │"), "{screen}");
}

#[test]
fn ctrl_c_interrupts_a_running_query_and_returns_to_the_prompt() {
    let home = Home::new();
    let term = start("interrupt", &home, &[("NO_COLOR", "1")], &[]);
    let forever = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) \
                   SELECT count(*) FROM c;";
    term.type_and_see(forever);
    let row = term.cursor_row();
    term.keys(&["Enter"]);
    // Running: the cursor has left the statement's line.
    let start = Instant::now();
    while term.cursor_row() == row {
        assert!(start.elapsed() < TIMEOUT, "Enter was not taken");
        std::thread::sleep(POLL);
    }
    // A Ctrl-C that lands between the editor and the statement finds nothing to stop, so
    // press again until the query reports it.
    let start = Instant::now();
    loop {
        term.keys(&["C-c"]);
        let pressed = Instant::now();
        let mut is_interrupted = false;
        while pressed.elapsed() < Duration::from_secs(1) {
            if term.screen().contains("Error: interrupted") {
                is_interrupted = true;
                break;
            }
            std::thread::sleep(POLL);
        }
        if is_interrupted {
            break;
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "Ctrl-C did not interrupt the query; the screen was:\n{}",
            term.screen()
        );
    }
    term.wait_for_prompt(2);
    let screen = term.submit("select 6 * 7 as answer;");
    assert!(screen.contains("│     42 │"), "{screen}");
}

#[test]
fn ctrl_c_while_typing_clears_the_line_and_the_pending_statement() {
    let home = Home::new();
    let term = start("clear", &home, &[("NO_COLOR", "1")], &[]);
    term.type_and_see("select 'half typed'");
    term.keys(&["C-c"]);
    term.wait_for_prompt(2);
    term.type_text("select 1,");
    term.keys(&["Enter"]);
    term.wait_for("the continuation prompt", |s| last_line(s) == CONTINUATION);
    term.keys(&["C-c"]);
    term.wait_for_prompt(3);
    let screen = term.submit("select 'fresh' as f;");
    assert!(!screen.contains("Error"), "{screen}");
    assert!(screen.contains("│ fresh │"), "{screen}");
    assert!(!screen.contains("half typed │"), "{screen}");
}

#[test]
fn ctrl_d_on_an_empty_line_exits_with_status_0() {
    let home = Home::new();
    let term = start("eof", &home, &[("NO_COLOR", "1")], &[]);
    // A failed statement earlier does not count: at the prompt an error is only shown.
    term.submit("selec 1;");
    term.keys(&["C-d"]);
    assert_eq!(term.wait_for_exit(), 0, "{}", term.screen());
}

#[test]
fn history_is_saved_in_the_state_dir_and_read_back_at_the_next_start() {
    let home = Home::new();
    {
        let term = start("history1", &home, &[("NO_COLOR", "1")], &[]);
        term.submit("select 'remembered' as h;");
        term.keys(&["C-d"]);
        assert_eq!(term.wait_for_exit(), 0);
    }
    let saved = std::fs::read_to_string(home.history()).unwrap();
    assert!(saved.contains("select 'remembered' as h;"), "{saved}");
    let term = start("history2", &home, &[("NO_COLOR", "1")], &[]);
    term.keys(&["Up"]);
    term.wait_for("the previous session's statement", |s| {
        last_line(s) == "scoql> select 'remembered' as h;"
    });
    term.keys(&["Enter"]);
    let screen = term.wait_for_prompt(2);
    assert!(screen.contains("│ remembered │"), "{screen}");
}

#[test]
fn no_color_leaves_the_screen_free_of_escape_codes() {
    let home = Home::new();
    let term = start("nocolor", &home, &[("NO_COLOR", "1")], &[]);
    term.submit("select 'text', 1 as n, null as nil;");
    term.type_and_see("select 'typed' -- not run");
    let screen = term.screen_with_escapes();
    assert!(screen.contains("│ text   │ 1 │ NULL │"), "{screen}");
    assert!(!screen.contains("\x1b["), "{screen:?}");
}

#[test]
fn typed_sql_is_highlighted_when_colour_is_on() {
    let home = Home::new();
    let term = start("color", &home, &[], &[]);
    term.type_and_see("select 'text', 42");
    let screen = term.screen_with_escapes();
    let line = screen
        .lines()
        .rev()
        .find(|l| l.starts_with(PROMPT))
        .unwrap_or_default();
    assert!(
        line.contains("\x1b["),
        "the typed line has no colour: {line:?}"
    );
    assert!(line.contains("select\x1b["), "{line:?}");
}

#[test]
fn init_option_runs_its_file_before_the_first_prompt() {
    let home = Home::new();
    let init = home.write("my-init.sql", ".mode csv\n.print init ran\n");
    let term = start(
        "init",
        &home,
        &[("NO_COLOR", "1")],
        &["--init", &init.display().to_string()],
    );
    let screen = term.screen();
    let ran = screen
        .find("init ran")
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(ran < screen.find(PROMPT).unwrap(), "{screen}");
    let screen = term.submit("select 1 as a, 2 as b;");
    assert!(screen.contains("\na,b\n1,2\n"), "{screen}");
}

#[test]
fn init_sql_in_the_config_dir_runs_by_default() {
    let home = Home::new();
    home.write("config/scoql/init.sql", ".mode csv\n");
    let term = start("initdefault", &home, &[("NO_COLOR", "1")], &[]);
    let screen = term.submit("select 1 as a, 2 as b;");
    assert!(screen.contains("\na,b\n1,2\n"), "{screen}");
}

#[test]
fn no_init_skips_the_default_init_file() {
    let home = Home::new();
    home.write("config/scoql/init.sql", ".mode csv\n");
    let term = start("noinit", &home, &[("NO_COLOR", "1")], &["--no-init"]);
    let screen = term.submit("select 1 as a, 2 as b;");
    assert!(screen.contains("│ a │ b │"), "{screen}");
}

#[test]
fn interactive_flag_enters_the_shell_after_commands_ran() {
    let home = Home::new();
    let term = start(
        "interactive",
        &home,
        &[("NO_COLOR", "1")],
        &[
            "-c",
            "create table t(x); insert into t values (41);",
            "-c",
            "select x as before from t;",
            "-i",
        ],
    );
    let screen = term.screen();
    let result = screen
        .find("│ before │")
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(result < screen.find(PROMPT).unwrap(), "{screen}");
    let screen = term.submit("select x + 1 as after from t;");
    assert!(screen.contains("│    42 │"), "{screen}");
}

#[test]
fn ctrl_c_during_a_read_file_returns_to_the_prompt() {
    let home = Home::new();
    // The file's first statement shows on the screen once the file runs; the second never
    // ends on its own.
    let script = home.write(
        "forever.sql",
        "select 'started' as state;\n\
         WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c;\n",
    );
    let term = start("readint", &home, &[("NO_COLOR", "1")], &[]);
    let line = format!(".read {}", script.display());
    term.type_and_see(&line);
    term.keys(&["Enter"]);
    term.wait_for("the file to start", |s| s.contains("│ started │"));
    // From here the file is running: a Ctrl-C stops the query, or, landing between the two
    // statements, the file before its next one.
    term.keys(&["C-c"]);
    term.wait_for("the interrupt", |s| s.contains("Error: interrupted"));
    term.wait_for_prompt(2);
    let screen = term.submit("select 6 * 7 as answer;");
    assert!(screen.contains("│     42 │"), "{screen}");
    assert_eq!(screen.matches("Error: interrupted").count(), 1, "{screen}");
}

#[test]
fn an_unwritable_history_is_one_warning_and_the_session_goes_on() {
    let home = Home::new();
    let blocker = home.write("not-a-dir", "");
    let state = blocker.display().to_string();
    let term = start(
        "nohist",
        &home,
        &[("NO_COLOR", "1"), ("XDG_STATE_HOME", &state)],
        &[],
    );
    let screen = term.submit("select 40 + 2 as answer;");
    assert!(screen.contains("│     42 │"), "{screen}");
    let screen = term.submit("select 1;");
    assert_eq!(screen.matches("warning: ").count(), 1, "{screen}");
    assert!(screen.contains("history"), "{screen}");
}
