//! The config file: `$XDG_CONFIG_HOME/scoql/config.toml` sets defaults that an init file and
//! then the command line override; a bad key is one warning naming file, line and key;
//! `--no-config` makes a run hermetic.

use std::path::{Path, PathBuf};

use tempfile::TempDir;

use crate::common::scoql;

/// A config home holding `scoql/config.toml` with `text`.
fn config_home(text: &str) -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("scoql").join("config.toml");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, text).unwrap();
    (dir, file)
}

fn run(home: &Path, args: &[&str], script: &str) -> (i32, String, String) {
    let out = scoql()
        .env("XDG_CONFIG_HOME", home)
        .args(args)
        .write_stdin(script)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_config_that_sets_csv_changes_piped_output_and_no_config_restores_the_default() {
    let (home, _) = config_home("mode = \"csv\"\n");
    let (code, out, err) = run(home.path(), &["--no-seed"], "select 1 as a, 'x y' as b;\n");
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, "a,b\n1,\"x y\"\n");
    let (_, out, _) = run(
        home.path(),
        &["--no-seed", "--no-config"],
        "select 1 as a, 'x y' as b;\n",
    );
    assert!(out.starts_with("┌───┬─────┐\n│ a │ b   │\n"), "{out}");
}

#[test]
fn precedence_is_default_then_config_then_init_file_then_command_line() {
    let (home, file) = config_home("mode = \"csv\"\nnullvalue = \"config\"\nheaders = false\n");
    let init = home.path().join("init.sql");
    std::fs::write(&init, ".nullvalue init\n.mode list\n").unwrap();
    let init_arg = init.display().to_string();
    let (code, out, err) = run(
        home.path(),
        &["--no-seed", "--init", &init_arg, "--tabs"],
        "select null as n, 1 as m;\n.show\n",
    );
    assert_eq!(code, 0, "{err}");
    // tabs from the command line over list from the init file; the init file's nullvalue
    // over the config's; the config's headers over the default.
    assert!(out.starts_with("init\t1\n"), "{out}");
    let show = |key: &str| {
        out.lines()
            .find(|l| l.trim_start().starts_with(&format!("{key}:")))
            .unwrap_or_else(|| panic!("no {key} in {out}"))
            .to_string()
    };
    assert!(show("mode").ends_with("(command line)"), "{out}");
    assert!(
        show("nullvalue").ends_with(&format!("(init file {init_arg})")),
        "{out}"
    );
    assert!(
        show("headers").ends_with(&format!("(config {}:3)", file.display())),
        "{out}"
    );
    assert!(show("timer").ends_with("(default)"), "{out}");
}

#[test]
fn a_setting_changed_by_a_dot_command_says_so_in_show() {
    let (home, _) = config_home("mode = \"csv\"\n");
    let (_, out, _) = run(home.path(), &["--no-seed"], ".mode json\n.show\n");
    let mode = out.lines().find(|l| l.contains("mode:")).unwrap();
    assert!(
        mode.contains("json") && mode.ends_with("(set by .mode)"),
        "{out}"
    );
}

#[test]
fn bad_keys_are_one_warning_each_naming_file_line_and_key_and_the_rest_applies() {
    let (home, file) = config_home(
        "# my settings\nmode = \"csv\"\ncolr = \"never\"\nheaders = \"yes\"\nnullvalue = \"-\"\n",
    );
    let (code, out, err) = run(home.path(), &["--no-seed"], "select null as n;\n");
    assert_eq!(code, 0, "a bad key is never fatal: {err}");
    assert_eq!(out, "n\n-\n");
    let path = file.display();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with(&format!("warning: {path}:3: key 'colr': unknown field")),
        "{err}"
    );
    assert!(
        lines[1].starts_with(&format!("warning: {path}:4: key 'headers': invalid type")),
        "{err}"
    );
}

#[test]
fn a_config_that_is_not_toml_is_a_warning_and_scoql_runs_with_defaults() {
    let (home, file) = config_home("mode = \"csv\"\nheaders = \n");
    let (code, out, err) = run(home.path(), &["--no-seed", "--list"], "select 1 as a;\n");
    assert_eq!(code, 0);
    assert_eq!(out, "a\n1\n");
    assert!(
        err.starts_with(&format!("warning: {}:2: ", file.display())),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn config_maxrows_cuts_only_the_terminal_never_a_pipe() {
    let (home, _) = config_home("maxrows = 2\nmode = \"box\"\n");
    let (_, out, _) = run(
        home.path(),
        &["--no-seed"],
        "with recursive c(x) as (select 1 union all select x+1 from c limit 5) select x from c;\n",
    );
    assert!(out.contains("│ 5 │"), "{out}");
}

#[test]
fn config_cite_adds_the_legend_to_piped_tables_and_the_command_line_still_rules() {
    let query = "select ref, value, source_id from facts where ref = 'F005';\n";
    let (home, _) = config_home("cite = true\n");
    let (code, out, err) = run(home.path(), &[], query);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.contains("Sources:\n") && out.contains("S01"), "{out}");
    // Without the config a pipe gets no legend.
    let (_, out, _) = run(home.path(), &["--no-config"], query);
    assert!(!out.contains("Sources:"), "{out}");
    // A machine mode never carries one, whatever the config says.
    let (_, out, _) = run(home.path(), &["--csv"], query);
    assert_eq!(out, "ref,value,source_id\nF005,621,S01\n");
}
