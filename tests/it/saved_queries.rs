//! Saved queries: the shipped ones and the user's own (`.save-query`, kept in
//! `$XDG_DATA_HOME/scoql/queries`), `.examples` listing both apart or showing one, and
//! `.run` refusing parameters a query does not declare.

use std::path::Path;

use tempfile::TempDir;

use crate::common::scoql;

fn run(data: &Path, args: &[&str]) -> (i32, String, String) {
    let out = scoql()
        .env("XDG_DATA_HOME", data)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn save_query_keeps_the_last_statement_with_its_parameters_for_a_new_process() {
    let data = TempDir::new().unwrap();
    let (code, out, err) = run(
        data.path(),
        &[
            "--list",
            "--param",
            "c=KZ",
            "-c",
            "create table t(country text, n integer); \
             insert into t values ('KZ', 1), ('UZ', 2), ('KZ', 3);",
            "-c",
            "select sum(n) as total from t where country = :c;",
            "-c",
            ".save-query kz_total Total of one country",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "total\n4\n");
    let file = data.path().join("scoql/queries/kz_total.sql");
    assert!(err.contains(&file.display().to_string()), "{err}");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "-- Total of one country\n-- @param c TEXT e.g. 'KZ'\n\
         select sum(n) as total from t where country = :c;\n"
    );
    // A new process finds it, checks its parameter, and runs it with another value.
    let (code, out, err) = run(
        data.path(),
        &[
            "--list",
            "-c",
            "create table t(country text, n integer); \
             insert into t values ('KZ', 1), ('UZ', 2), ('KZ', 3);",
            "-c",
            ".run kz_total c=UZ",
        ],
    );
    assert_eq!((code, out.as_str()), (0, "total\n2\n"), "{err}");
    let (code, _, err) = run(data.path(), &["--no-seed", "-c", ".run kz_total"]);
    assert_eq!(code, 1);
    assert!(err.contains("no value for parameter :c"), "{err}");
}

#[test]
fn run_refuses_a_parameter_the_query_does_not_declare_and_names_the_declared_ones() {
    let data = TempDir::new().unwrap();
    let (code, out, err) = run(data.path(), &["-c", ".run train_counts year=2021"]);
    assert_eq!(code, 1);
    assert_eq!(out, "", "nothing runs");
    assert!(
        err.starts_with(
            "Error: train_counts does not declare a parameter :year; it declares no parameters"
        ),
        "{err}"
    );
    let (code, out, err) = run(data.path(), &["-c", ".run facts_in_year yr=2021"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(
        err.contains(
            "does not declare a parameter :yr; it declares:\n  year=INTEGER  the year, e.g. 2021\n"
        ),
        "{err}"
    );
}

#[test]
fn examples_lists_shipped_and_own_queries_apart_and_shows_one_with_its_parameters() {
    let data = TempDir::new().unwrap();
    let own = data.path().join("scoql/queries");
    std::fs::create_dir_all(&own).unwrap();
    std::fs::write(
        own.join("mine.sql"),
        "-- My routes\n-- @param country TEXT ISO code, e.g. DE\nselect :country as c;\n",
    )
    .unwrap();
    let (code, out, err) = run(data.path(), &["--box", "-c", ".examples"]);
    assert_eq!(code, 0, "{err}");
    let shipped = out.find("Shipped with scoql").expect("a shipped heading");
    let yours = out
        .find(&format!("Your own, in {}:", own.display()))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(shipped < yours);
    assert!(out[..yours].contains("train_counts"), "{out}");
    assert!(!out[..yours].contains("mine"), "{out}");
    assert!(
        out[yours..].contains("│ mine ") && out[yours..].contains("country=TEXT"),
        "{out}"
    );
    let (_, out, _) = run(data.path(), &["-c", ".examples mine"]);
    assert_eq!(
        out,
        format!(
            "mine — your own, {}\nMy routes\nParameters (.run NAME name=VALUE ...):\n  \
             country=TEXT  ISO code, e.g. DE\nSQL:\nselect :country as c;\n",
            own.join("mine.sql").display()
        )
    );
}

#[test]
fn an_own_query_hides_a_shipped_one_of_the_same_name_with_a_note() {
    let data = TempDir::new().unwrap();
    let own = data.path().join("scoql/queries");
    std::fs::create_dir_all(&own).unwrap();
    std::fs::write(own.join("train_counts.sql"), "select 'mine' as whose;\n").unwrap();
    let (code, out, err) = run(data.path(), &["--list", "-c", ".run train_counts"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "whose\nmine\n");
    assert!(
        err.starts_with("warning: running your own train_counts (")
            && err.contains("not the shipped query"),
        "{err}"
    );
}

#[test]
fn save_query_refuses_to_overwrite_a_bad_name_and_safe_mode() {
    let data = TempDir::new().unwrap();
    let base = ["--no-seed", "-c", "select 1;"];
    let with = |extra: &str| {
        let mut args = base.to_vec();
        args.extend(["-c", extra]);
        run(data.path(), &args)
    };
    assert_eq!(with(".save-query one").0, 0);
    let (code, _, err) = with(".save-query one");
    assert_eq!(code, 1);
    assert!(
        err.contains("already exists; .save-query --replace one"),
        "{err}"
    );
    assert_eq!(with(".save-query --replace one").0, 0);
    let (code, _, err) = with(".save-query ../escape");
    assert_eq!(code, 1);
    assert!(err.contains("is not a query name"), "{err}");
    assert!(!data.path().join("scoql/escape.sql").exists());
    let (code, _, err) = run(
        data.path(),
        &[
            "--safe",
            "--no-seed",
            "-c",
            "select 1;",
            "-c",
            ".save-query two",
        ],
    );
    assert_eq!(code, 1);
    assert!(err.contains("not allowed with --safe"), "{err}");
}

#[test]
fn examples_name_wraps_its_parameter_documentation_to_the_width() {
    // `.examples NAME` wrapped its description but not its parameters' documentation:
    // `metric=TEXT  metric key (see the table metrics), e.g. ...` ran to 87 columns.
    for name in ["metric_series", "largest_money_figures", "facts_in_year"] {
        let out = crate::common::scoql()
            .args(["-c", &format!(".examples {name}")])
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout);
        let prose = text.split("\nSQL:\n").next().unwrap();
        assert!(prose.contains("Parameters"), "{text}");
        for line in prose.lines() {
            assert!(
                line.chars().count() <= 80,
                "{line:?} is wider than 80:\n{text}"
            );
        }
    }
}

/// A description or a parameter's example value that holds a line break stays inside its
/// comment line: it used to end the comment, so that `.run` ran the rest as SQL.
#[test]
fn a_line_break_in_a_description_or_an_example_value_never_becomes_sql() {
    let data = TempDir::new().unwrap();
    let (code, _, err) = run(
        data.path(),
        &[
            "--no-seed",
            "-c",
            ".param set p \"x\\nselect 'from the value' as injected;--\"",
            "-c",
            "select :p is not null as ok;",
            "-c",
            ".save-query q \"first\\nselect 'from the description' as injected;\\rthird\"",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(data.path().join("scoql/queries/q.sql")).unwrap();
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.lines().take(2).all(|l| l.starts_with("-- ")), "{text}");
    let (code, out, err) = run(data.path(), &["--no-seed", "--list", "-c", ".run q p=a"]);
    assert_eq!((code, out.as_str()), (0, "ok\n1\n"), "{err}");
}
