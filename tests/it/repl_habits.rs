//! The REPL without papercuts, at a real terminal (tmux): errors located within the
//! statement being typed, completion after aliases, history hints, the pager, `.copy`
//! through OSC 52; and `.edit` with an editor that is a script.

use tempfile::TempDir;

use crate::common::scoql;
use crate::repl::{Home, Term, start};

fn last_line(screen: &str) -> &str {
    screen
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim_end()
}

#[test]
fn an_error_on_the_second_line_of_a_statement_names_that_line_within_it() {
    let home = Home::new();
    let term = start("errline", &home, &[("NO_COLOR", "1")], &[]);
    // Lines typed earlier in the session do not count.
    term.submit("select 1;");
    term.submit("select 2;");
    term.type_text("select 1 as a,");
    term.keys(&["Enter"]);
    term.wait_for("the continuation prompt", |s| {
        last_line(s).trim_start() == "...>"
    });
    term.type_text("  nosuch;");
    term.keys(&["Enter"]);
    let screen = term.wait_for("the error", |s| s.contains("Error: no such column"));
    assert!(screen.contains("  --> <repl>:2:3\n"), "{screen}");
    assert!(screen.contains(" 2 |   nosuch;\n"), "{screen}");
}

#[test]
fn tab_completes_a_column_after_an_alias_of_a_dataset_view() {
    let home = Home::new();
    let term = Term::start("aliasds", &home, &[("NO_COLOR", "1")], &[]);
    term.wait_for_prompt(1);
    term.type_and_see("select f.val from facts f");
    term.keys(&["Left"; 13]);
    term.keys(&["Tab"]);
    term.wait_for("the common prefix of value and value_base", |s| {
        last_line(s) == "scoql> select f.value from facts f"
    });
    term.keys(&["Tab"]);
    term.wait_for("both candidates listed", |s| {
        s.lines()
            .any(|l| l.contains("value") && l.contains("value_base"))
    });
}

#[test]
fn an_alias_defined_on_an_earlier_line_completes_on_the_next() {
    let home = Home::new();
    let term = start("aliasml", &home, &[("NO_COLOR", "1")], &[]);
    term.submit("create table routes(id integer, country text);");
    term.type_text("select *");
    term.keys(&["Enter"]);
    term.wait_for("the continuation prompt", |s| {
        last_line(s).trim_start() == "...>"
    });
    term.type_text("from routes r");
    term.keys(&["Enter"]);
    term.wait_for("a second continuation", |s| {
        s.lines()
            .filter(|l| l.trim_start().starts_with("...>"))
            .count()
            == 2
    });
    term.type_and_see("where r.cou");
    term.keys(&["Tab"]);
    term.wait_for("the column", |s| {
        last_line(s).ends_with("...> where r.country")
    });
}

#[test]
fn copy_puts_the_last_result_on_the_clipboard_through_osc_52() {
    let home = Home::new();
    let term = start("copy", &home, &[("NO_COLOR", "1")], &[]);
    // tmux keeps what an application sends with OSC 52 as a paste buffer.
    term.tmux(&["set-option", "-g", "set-clipboard", "on"]);
    term.submit("select 1 as a, 'x y' as b union all select 2, '中';");
    let screen = term.submit(".copy");
    assert!(
        screen.contains("copied 16 bytes (2 rows as tabs) to the clipboard"),
        "{screen}"
    );
    let out = term.tmux(&["show-buffer"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "a\tb\n1\tx y\n2\t中\n"
    );
}

#[test]
fn a_result_taller_than_the_screen_goes_through_the_pager_and_a_short_one_does_not() {
    let home = Home::new();
    let paged = home.path().join("paged.txt");
    let pager = home.write(
        "pager.sh",
        &format!("cat > '{}'; echo PAGER-RAN\n", paged.display()),
    );
    let command = format!("sh {}", pager.display());
    let term = start(
        "pager",
        &home,
        &[("NO_COLOR", "1"), ("PAGER", &command)],
        &[],
    );
    let tall = "with recursive c(x) as (select 1 union all select x+1 from c limit 60) \
                select x from c;";
    let screen = term.submit(".mode list");
    assert!(!screen.contains("PAGER-RAN"));
    let screen = term.submit(tall);
    assert!(screen.contains("PAGER-RAN"), "{screen}");
    let text = std::fs::read_to_string(&paged).unwrap();
    assert_eq!(text.lines().count(), 61, "{text}");
    assert!(text.starts_with("x\n1\n2\n") && text.ends_with("\n60\n"));
    std::fs::remove_file(&paged).unwrap();
    let screen = term.submit("select 'short' as s;");
    assert!(screen.contains("\nshort\n"), "{screen}");
    assert!(!paged.exists(), "a short result is not paged");
    // Never errors, and not once switched off.
    term.submit("select nosuch;");
    assert!(!paged.exists());
    term.submit(".pager off");
    let screen = term.submit(tall);
    assert!(screen.contains("\n60\n"), "{screen}");
    assert!(!paged.exists(), "no pager after .pager off");
}

#[test]
fn history_hints_are_dim_and_off_under_no_color() {
    let home = Home::new();
    {
        let term = start("hint", &home, &[], &[]);
        term.submit("select 'hinted' as h;");
        term.type_text("select 'hi");
        term.wait_for("the hint", |s| {
            last_line(s).ends_with("select 'hinted' as h;")
        });
        // The typed text, then the dim attribute, then the rest of the entry.
        let escapes = term.screen_with_escapes();
        let line = escapes
            .lines()
            .rfind(|l| l.contains("nted' as h;"))
            .unwrap();
        let typed = line.rfind("'hi").unwrap();
        let hint = line.rfind("nted' as h;").unwrap();
        assert!(line[typed..hint].contains("\x1b[2m"), "{line:?}");
    }
    let term = start("nohint", &home, &[("NO_COLOR", "1")], &[]);
    // The same history, but no hint: the line ends where the typing ended.
    term.type_and_see("select 'hi");
    term.keys(&["Right"]);
    term.type_and_see("!");
    assert_eq!(last_line(&term.screen()), "scoql> select 'hi!");
}

#[test]
fn edit_runs_what_the_editor_saved_and_nothing_when_it_was_not_saved() {
    let dir = TempDir::new().unwrap();
    let editor = dir.path().join("editor.sh");
    std::fs::write(&editor, "#!/bin/sh\nsed -i 's/41/42/' \"$1\"\n").unwrap();
    let out = scoql()
        .env("EDITOR", format!("sh {}", editor.display()))
        .args([
            "--no-seed",
            "--list",
            "-c",
            "select 41 as x;",
            "-c",
            ".edit",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "x\n41\nx\n42\n");
    // VISUAL comes first; an editor that leaves without saving runs nothing.
    let out = scoql()
        .env("EDITOR", format!("sh {}", editor.display()))
        .env("VISUAL", "true")
        .args([
            "--no-seed",
            "--list",
            "-c",
            "select 41 as x;",
            "-c",
            ".edit",
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "x\n41\n");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "not saved; nothing ran\n"
    );
}

#[test]
fn the_editor_of_a_script_never_reads_the_script_or_writes_into_its_results() {
    // Without a terminal (a session of its own, as in cron or CI) the editor once got
    // scoql's stdin and stdout: vi read the rest of the script as keys and drew its screen
    // into the results. This editor reads all its input and prints, then edits the file.
    let dir = TempDir::new().unwrap();
    let editor = dir.path().join("editor.sh");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\ncat >'{}'\necho drawn\nsed -i 's/41/42/' \"$1\"\n",
            dir.path().join("editor-stdin").display()
        ),
    )
    .unwrap();
    let mut cmd = std::process::Command::new("setsid");
    crate::common::hermetic(&mut cmd);
    let mut child = cmd
        .arg("-w")
        .arg(crate::common::BIN)
        .args(["--no-seed", "--list"])
        .env("EDITOR", format!("sh {}", editor.display()))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(b"select 41 as x;\n.edit\nselect 43 as y;\n")
        .unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "x\n41\nx\n42\ny\n43\n"
    );
    assert_eq!(err, "drawn\n");
}

#[test]
fn an_error_in_an_edited_statement_names_its_line_in_the_edit() {
    let dir = TempDir::new().unwrap();
    let editor = dir.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'select 1 as a,\\n  nosuch;\\n' > \"$1\"\n",
    )
    .unwrap();
    let out = scoql()
        .env("EDITOR", format!("sh {}", editor.display()))
        .args(["--no-seed", "-c", ".edit"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("  --> <edit>:2:3\n"), "{err}");
}

/// True while process `pid` exists and is not a zombie.
fn is_alive(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| s.rsplit(") ").next().map(|r| !r.starts_with('Z')))
        .unwrap_or(false)
}

/// A SIGTERM that ends scoql while the pager or the editor has the terminal ends them (and
/// what they started) too: left running, they would share the terminal with the shell
/// scoql returns to, both reading the keys. scoql runs under a shell without job control,
/// as a script would start it.
#[test]
fn sigterm_while_the_pager_or_the_editor_runs_ends_them_too() {
    let tall = "with recursive c(x) as (select 1 union all select x+1 from c limit 60) \
                select x from c;";
    for (tag, variable, line) in [
        ("termpager", "PAGER", tall),
        ("termedit", "EDITOR", ".edit"),
    ] {
        let home = Home::new();
        let child_pid = home.path().join("child.pid");
        let scoql_pid = home.path().join("scoql.pid");
        let child = home.write(
            "child.sh",
            &format!(
                "sleep 1000 & echo $! > '{}'; echo CHILD-READY; wait\n",
                child_pid.display()
            ),
        );
        let script = format!(
            "sh -c 'echo $$ > {}; exec {} --no-seed'; echo SCOQL-ENDED $?; sleep 1000",
            scoql_pid.display(),
            crate::common::BIN
        );
        let command = format!("sh {}", child.display());
        let tmp = home.path().display().to_string();
        let term = Term::start_program(
            tag,
            &home,
            // `.edit`'s file stays in the test's directory, whatever becomes of scoql.
            &[("NO_COLOR", "1"), (variable, &command), ("TMPDIR", &tmp)],
            &["sh", "-c", &script],
        );
        term.wait_for_prompt(1);
        term.type_text(line);
        term.keys(&["Enter"]);
        term.wait_for("the pager or editor", |s| s.contains("CHILD-READY"));
        let pid = std::fs::read_to_string(&scoql_pid).unwrap();
        let status = std::process::Command::new("kill")
            .args(["-TERM", pid.trim()])
            .status()
            .unwrap();
        assert!(status.success());
        term.wait_for("scoql to end", |s| s.contains("SCOQL-ENDED 143"));
        let sleeper = std::fs::read_to_string(&child_pid).unwrap();
        let sleeper = sleeper.trim();
        let start = std::time::Instant::now();
        while is_alive(sleeper) && start.elapsed() < std::time::Duration::from_secs(10) {
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let survived = is_alive(sleeper);
        let _ = std::process::Command::new("kill").arg(sleeper).status();
        assert!(
            !survived,
            "{tag}: what the {variable} started outlived scoql"
        );
    }
}

/// Ctrl-Z in the pager stops scoql with it, as the key always did, so that the shell gets
/// the terminal back; `fg` continues both, and the pager still has the terminal.
#[test]
fn ctrl_z_in_the_pager_stops_scoql_and_fg_continues_both() {
    let home = Home::new();
    let pager = home.write(
        "pager.sh",
        "cat > /dev/null; echo PAGER-WAITING; read x < /dev/tty; echo PAGER-DONE\n",
    );
    let command = format!("sh {}", pager.display());
    let term = Term::start_program(
        "ctrlz",
        &home,
        &[("NO_COLOR", "1"), ("PAGER", &command), ("PS1", "shell$ ")],
        &["bash", "--norc", "--noprofile"],
    );
    term.wait_for("the shell", |s| last_line(s) == "shell$");
    term.type_text(&format!("{} --no-seed", crate::common::BIN));
    term.keys(&["Enter"]);
    term.wait_for_prompt(1);
    term.type_text(
        "with recursive c(x) as (select 1 union all select x+1 from c limit 60) \
         select x from c;",
    );
    term.keys(&["Enter"]);
    term.wait_for("the pager", |s| s.contains("PAGER-WAITING"));
    term.keys(&["C-z"]);
    term.wait_for("the shell's prompt", |s| {
        s.contains("Stopped") && last_line(s) == "shell$"
    });
    term.type_text("fg");
    term.keys(&["Enter"]);
    term.wait_for("scoql in the foreground", |s| {
        last_line(s).ends_with("--no-seed")
    });
    // The pager reads the key: it has the terminal again.
    term.keys(&["Enter"]);
    term.wait_for("the pager to end", |s| s.contains("PAGER-DONE"));
    term.wait_for_prompt(2);
    let screen = term.submit("select 'after' as a;");
    assert!(screen.contains("│ after │"), "{screen}");
}

/// Tab inside a quoted identifier still being typed, whose last character is wide
/// (`"上合`), completes nothing and the session goes on (it panicked: exit 101).
#[test]
fn tab_after_an_unclosed_quoted_name_ending_in_a_wide_character_keeps_the_session() {
    let home = Home::new();
    let term = start("tabwide", &home, &[("NO_COLOR", "1")], &[]);
    for open in ["\"", "[", "`"] {
        term.type_and_see(&format!("select {open}上合"));
        term.keys(&["Tab"]);
        term.keys(&["C-u"]);
        let screen = term.submit("select 'alive' as a;");
        assert!(screen.contains("│ alive │"), "{open}: {screen}");
    }
}

/// Ctrl-C while a script's `.edit` waits for the editor ends the editor and then the
/// script, with status 130, as a Ctrl-C anywhere in a script does: the key reaches only the
/// editor, which has the terminal, and scoql takes its death by SIGINT as its own.
#[test]
fn ctrl_c_in_the_editor_of_a_script_ends_the_script_with_130() {
    let home = Home::new();
    let editor = home.write("editor.sh", "echo EDITING; sleep 100\n");
    let script = home.write(
        "script.sql",
        "select 'before' as b;\n.edit\nselect 'after' as a;\n",
    );
    let command = format!("sh {}", editor.display());
    let script = script.display().to_string();
    let tmp = home.path().display().to_string();
    let term = Term::start_program(
        "editint",
        &home,
        &[("NO_COLOR", "1"), ("EDITOR", &command), ("TMPDIR", &tmp)],
        &[crate::common::BIN, "--no-seed", &script],
    );
    term.wait_for("the editor", |s| s.contains("EDITING"));
    term.keys(&["C-c"]);
    assert_eq!(term.wait_for_exit(), 130);
    let screen = term.screen();
    assert!(screen.contains("│ before │"), "{screen}");
    assert!(!screen.contains("after"), "{screen}");
}

/// With stdout redirected (`scoql > out.txt` at a terminal), the prompt and the line
/// editor's drawing go to the terminal and the file gets the results alone, as sqlite3
/// run the same way leaves a file of results.
#[test]
fn a_redirected_stdout_gets_results_and_never_the_prompt_or_the_editing() {
    let home = Home::new();
    let out = home.path().join("out.txt");
    let script = format!(
        "{} --no-seed --list > '{}'; echo SCOQL-ENDED $?; sleep 100",
        crate::common::BIN,
        out.display()
    );
    let term = Term::start_program(
        "redirect",
        &home,
        &[("NO_COLOR", "1")],
        &["sh", "-c", &script],
    );
    term.wait_for("the prompt", |s| last_line(s) == "scoql>");
    term.type_text("select 'x' as a;");
    term.keys(&["Enter"]);
    term.wait_for("the next prompt", |s| s.matches("scoql>").count() == 2);
    term.keys(&["C-d"]);
    term.wait_for("scoql to end", |s| s.contains("SCOQL-ENDED 0"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "a\nx\n");
}

/// An editor that ignores SIGTERM is killed when the grace period ends, and scoql then
/// exits: it used to stop itself instead (SIGTTOU, restoring a terminal its group no longer
/// held), so the shell showed it as a stopped job and it never ended.
#[test]
fn sigterm_ends_scoql_even_when_its_editor_ignores_the_signal() {
    let home = Home::new();
    let editor = home.write("editor.sh", "trap '' TERM; echo EDITING; sleep 100; true\n");
    let command = format!(". {}", editor.display());
    let tmp = home.path().display().to_string();
    let term = Term::start_program(
        "termignored",
        &home,
        &[
            ("NO_COLOR", "1"),
            ("EDITOR", &command),
            ("PS1", "shell$ "),
            ("TMPDIR", &tmp),
        ],
        &["bash", "--norc", "--noprofile"],
    );
    term.wait_for("the shell", |s| last_line(s) == "shell$");
    term.type_text(&format!("{} --no-seed", crate::common::BIN));
    term.keys(&["Enter"]);
    term.wait_for_prompt(1);
    term.type_text(".edit");
    term.keys(&["Enter"]);
    term.wait_for("the editor", |s| s.contains("EDITING"));
    let shell = term.format("#{pane_pid}");
    let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).unwrap();
    let scoql = children.split_whitespace().next().unwrap().to_string();
    let status = std::process::Command::new("kill")
        .args(["-TERM", &scoql])
        .status()
        .unwrap();
    assert!(status.success());
    let screen = term.wait_for("the shell's prompt", |s| last_line(s) == "shell$");
    assert!(!screen.contains("Stopped"), "{screen}");
    term.type_text("echo status $?");
    term.keys(&["Enter"]);
    term.wait_for("scoql's status", |s| s.contains("status 143"));
}
