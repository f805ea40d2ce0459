//! What `--safe`, `--readonly` and `.save` guarantee (README "Safety", issue 17 items 1–8),
//! each tried the way an attacker or an unlucky user would, through the real binary. Every
//! test runs in a temporary directory of its own and checks that nothing else appeared in
//! it.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::time::Duration;

use tempfile::TempDir;

use crate::common::{command, limit_file_size, scoql};

/// Runs scoql in `dir` (relative names land there) with `stdin`; (status, stdout, stderr).
fn run_in(dir: &Path, args: &[&str], stdin: &str) -> (i32, String, String) {
    let out = scoql()
        .current_dir(dir)
        .args(args)
        .write_stdin(stdin)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The names in `dir`, sorted, hidden ones included.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn sqlite3(db: &Path, sql: &str) -> String {
    let out = StdCommand::new("sqlite3")
        .arg(db)
        .arg(sql)
        .output()
        .expect("sqlite3 must be installed (apt-get install sqlite3)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A database file with one table `t(a)` holding 1.
fn database(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let (code, _, err) = run_in(
        dir,
        &["--no-seed"],
        &format!(
            "create table t(a); insert into t values (1);\n.save {}\n",
            path.display()
        ),
    );
    assert_eq!(code, 0, "{err}");
    path
}

/// Item 1: every statement below would open, create or write a file other than the open
/// database; under --safe each is refused, and the directory stays empty.
#[test]
fn safe_refuses_every_spelling_of_attach_vacuum_into_load_extension_and_file_pragmas() {
    let cases = [
        "ATTACH 'x'||'.db' AS x;",
        "attach (select 'f') as y;",
        "ATTACH printf('%s','f') AS z;",
        "attach database 'plain.db' as p;",
        "ATTACH 'file:uri.db?mode=rwc' AS u;",
        "attach ':memory:' as m;",
        "attach lower('UP.DB') as l;",
        ".param set f 'param.db'\nattach :f as q;",
        "with n(f) as (select 'cte.db') select 1; attach 'cte'||'.db' as c;",
        "detach temp;",
        "VACUUM INTO 'v.db';",
        "vacuum main into 'v'||'2.db';",
        "vacuum \"main\" into printf('v%d.db', 3);",
        "/* a comment */ -- and another\nVaCuUm\nINTO\n'v4.db';",
        "vacuum;",
        "PRAGMA temp_store_directory = '.';",
        "pragma temp_store_directory('.');",
        "PRAGMA main.DATA_STORE_DIRECTORY = '.';",
        "select load_extension('x');",
        "SELECT Load_Extension('x', 'entry');",
        "select \"load_extension\"('x');",
        "create table t(a); create trigger tr after insert on t begin \
         select load_extension('x'); end; insert into t values (1);",
        "create view v as select load_extension('x') as l; select * from v;",
        "select fts3_tokenizer('simple');",
    ];
    for case in cases {
        for base in [&["--no-seed"][..], &["--db", "open.db"][..]] {
            let dir = TempDir::new().unwrap();
            let mut args = base.to_vec();
            args.extend(["--safe", "--bail"]);
            let (code, _, err) = run_in(dir.path(), &args, &format!("{case}\n"));
            assert_eq!(code, 1, "{case}: {err}");
            // In a view, SQLite itself refuses load_extension() before the authorizer sees it.
            assert!(
                err.contains("with --safe") || err.contains("unsafe use of load_extension()"),
                "{case}: {err}"
            );
            let expected: Vec<String> = base
                .iter()
                .filter(|a| a.ends_with(".db"))
                .map(|a| a.to_string())
                .collect();
            assert_eq!(names(dir.path()), expected, "{case} left a file");
        }
    }
    // What touches no file still runs.
    let dir = TempDir::new().unwrap();
    let (code, out, err) = run_in(
        dir.path(),
        &["--no-seed", "--safe", "--list", "--no-headers"],
        "pragma temp_store_directory;\ncreate table t(a); insert into t values (5); select a from t;\n",
    );
    assert_eq!((code, out.as_str()), (0, "5\n"), "{err}");
}

/// Item 2: SQLite only says "not authorized"; scoql says why, for the statement that was
/// refused and never for a later one.
#[test]
fn a_refusal_is_reported_for_the_statement_that_was_refused_and_no_other() {
    let dir = TempDir::new().unwrap();
    for refused in [
        // Refused while it runs: VACUUM attaches its copy at run time.
        "vacuum;",
        // Refused while it is prepared.
        "attach 'x' || '.db' as x;",
        // Never prepared: a parameter value is text.
        ".param set x \"load_extension('y')\"",
    ] {
        let (code, _, err) = run_in(
            dir.path(),
            &["--no-seed", "--safe"],
            &format!("{refused}\nselect :x;\nselec 1;\nselect nope;\n"),
        );
        assert_eq!(code, 1, "{refused}: {err}");
        let reports: Vec<&str> = err.split("Error: ").skip(1).collect();
        let later: Vec<&str> = reports
            .iter()
            .copied()
            .filter(|r| r.contains("selec 1") || r.contains("nope"))
            .collect();
        assert_eq!(later.len(), 2, "{refused}: {err}");
        assert!(
            later[0].starts_with("near \"selec\": syntax error"),
            "{refused}: {err}"
        );
        assert!(
            later[1].starts_with("no such column: nope"),
            "{refused}: {err}"
        );
        assert_eq!(
            err.matches("with --safe").count(),
            usize::from(!refused.starts_with(".param")),
            "{refused}: {err}"
        );
    }
}

/// Item 3: --readonly keeps the opened database and the disk unchanged, as sqlite3
/// -readonly does, and still allows scratch temp objects.
#[test]
fn readonly_allows_temp_objects_and_refused_writes_leave_no_file() {
    let dir = TempDir::new().unwrap();
    let db = database(dir.path(), "data.db");
    let before = fs::read(&db).unwrap();
    for base in [&["--no-seed"][..], &["--db", "data.db"][..], &[][..]] {
        let mut args = base.to_vec();
        args.extend(["--readonly", "--list", "--no-headers"]);
        let (code, out, err) = run_in(
            dir.path(),
            &args,
            "create temp table s(b); insert into s values (7); \
             create temp view w as select b * 6 as c from s; \
             create temp trigger tr after insert on s begin select 1; end; \
             create index temp.i on s(b); select c from w;\n",
        );
        assert_eq!((code, out.as_str()), (0, "42\n"), "{base:?}: {err}");
        for refused in [
            "VACUUM INTO 'f.db';",
            "vacuum into 'g'||'.db';",
            "ATTACH 'h.db' AS h;",
            "attach printf('%s', 'i.db') as i;",
            "attach 'file:j.db?mode=rwc' as j;",
        ] {
            let (code, _, err) = run_in(dir.path(), &args, &format!("{refused}\n"));
            assert_eq!(code, 1, "{base:?} {refused}");
            assert!(
                err.contains("not allowed with --readonly"),
                "{refused}: {err}"
            );
        }
        let (code, _, err) = run_in(
            dir.path(),
            &args,
            "pragma query_only = 0;\ncreate table n(a);\n",
        );
        assert_eq!(code, 1);
        assert!(
            err.contains("attempt to write a readonly database"),
            "{base:?}: {err}"
        );
    }
    assert_eq!(names(dir.path()), ["data.db"]);
    assert_eq!(fs::read(&db).unwrap(), before, "the --db file changed");
}

/// Item 4: the file .save replaces keeps its mode and owner.
#[test]
fn save_keeps_the_mode_and_owner_of_the_file_it_replaces() {
    let dir = TempDir::new().unwrap();
    let target = database(dir.path(), "private.db");
    fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).unwrap();
    // Only root can give a file to someone else; otherwise the owner is ours and must stay.
    let is_root = unsafe { libc::geteuid() } == 0;
    if is_root {
        std::os::unix::fs::chown(&target, Some(4242), Some(4343)).unwrap();
    }
    let owner = fs::metadata(&target).map(|m| (m.uid(), m.gid())).unwrap();
    let (code, _, err) = run_in(
        dir.path(),
        &["--no-seed"],
        "create table t(a); insert into t values (2);\n.save private.db\n",
    );
    assert_eq!(code, 0, "{err}");
    let meta = fs::metadata(&target).unwrap();
    assert_eq!(meta.mode() & 0o7777, 0o600);
    assert_eq!((meta.uid(), meta.gid()), owner);
    assert_eq!(sqlite3(&target, "select a from t"), "2\n");
    assert_eq!(names(dir.path()), ["private.db"]);
}

/// Item 4: a symlink is followed: the file it points to is updated, the link stays.
#[test]
fn save_through_a_symlink_updates_the_file_it_points_to() {
    let dir = TempDir::new().unwrap();
    fs::create_dir(dir.path().join("real")).unwrap();
    let real = database(&dir.path().join("real"), "data.db");
    fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink("real/data.db", dir.path().join("link.db")).unwrap();
    let (code, _, err) = run_in(
        dir.path(),
        &["--no-seed"],
        "create table t(a); insert into t values (3);\n.save link.db\n",
    );
    assert_eq!(code, 0, "{err}");
    let link = fs::symlink_metadata(dir.path().join("link.db")).unwrap();
    assert!(link.file_type().is_symlink(), "the symlink was replaced");
    assert_eq!(sqlite3(&real, "select a from t"), "3\n");
    assert_eq!(fs::metadata(&real).unwrap().mode() & 0o777, 0o640);
    // A new file in a directory reached through a symlink.
    std::os::unix::fs::symlink("real", dir.path().join("linked")).unwrap();
    let (code, _, err) = run_in(
        dir.path(),
        &["--no-seed"],
        "create table t(a); insert into t values (4);\n.save linked/new.db\n",
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        sqlite3(&dir.path().join("real/new.db"), "select a from t"),
        "4\n"
    );
    assert_eq!(names(&dir.path().join("real")), ["data.db", "new.db"]);
}

/// Item 4: .save refuses, and leaves as it was, a read-only file and anything that is not a
/// regular file (sqlite3 refuses a read-only target too).
#[test]
fn save_refuses_a_read_only_target_and_anything_not_a_regular_file() {
    let dir = TempDir::new().unwrap();
    let p = dir.path();
    fs::write(p.join("readonly.db"), b"keep me").unwrap();
    fs::set_permissions(p.join("readonly.db"), fs::Permissions::from_mode(0o444)).unwrap();
    let fifo = std::ffi::CString::new(p.join("fifo").to_str().unwrap()).unwrap();
    // SAFETY: a NUL-terminated path inside our temporary directory.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    let _socket = std::os::unix::net::UnixListener::bind(p.join("socket")).unwrap();
    fs::create_dir(p.join("dir")).unwrap();
    std::os::unix::fs::symlink("fifo", p.join("link-to-fifo")).unwrap();
    std::os::unix::fs::symlink("missing.db", p.join("dangling")).unwrap();
    let before = names(p);
    for (target, why) in [
        ("readonly.db", "read-only"),
        ("fifo", "not a regular file"),
        ("socket", "not a regular file"),
        ("dir", "is a directory"),
        ("link-to-fifo", "not a regular file"),
        ("dangling", "missing file"),
    ] {
        let (code, _, err) = run_in(
            p,
            &["--no-seed"],
            &format!("create table t(a);\n.save {target}\n"),
        );
        assert_eq!(code, 1, "{target}");
        assert!(err.contains(why), "{target}: {err}");
    }
    assert_eq!(names(p), before);
    assert_eq!(fs::read(p.join("readonly.db")).unwrap(), b"keep me");
    assert!(
        fs::symlink_metadata(p.join("fifo"))
            .unwrap()
            .file_type()
            .is_fifo()
    );
    assert!(
        fs::symlink_metadata(p.join("socket"))
            .unwrap()
            .file_type()
            .is_socket()
    );
}

/// Item 5: the temporary file is created exclusively under a random name; a symlink
/// planted at the name the old code chose (`.NAME.scoql-PID.tmp`) is never written
/// through.
#[test]
fn save_never_writes_through_a_symlink_planted_beside_the_target() {
    let dir = TempDir::new().unwrap();
    let victim = database(dir.path(), "victim.db");
    let before = fs::read(&victim).unwrap();
    let mut child = command()
        .current_dir(dir.path())
        .arg("--no-seed")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let planted = dir
        .path()
        .join(format!(".target.db.scoql-{}.tmp", child.id()));
    std::os::unix::fs::symlink(&victim, &planted).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(b"create table t(a); insert into t values (4);\n.save target.db\n")
        .unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        fs::read(&victim).unwrap(),
        before,
        "the other database was overwritten"
    );
    let target = fs::symlink_metadata(dir.path().join("target.db")).unwrap();
    assert!(target.file_type().is_file());
    assert_eq!(
        sqlite3(&dir.path().join("target.db"), "select a from t"),
        "4\n"
    );
    assert!(
        fs::symlink_metadata(&planted)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(names(dir.path()).len(), 3, "{:?}", names(dir.path()));
}

/// Item 6: .save inside an open transaction fails at once with a clear error (it used to
/// retry for ever at 100 % CPU; the timeout kills and fails such a run).
#[test]
fn save_inside_a_transaction_fails_at_once_with_a_clear_error() {
    let dir = TempDir::new().unwrap();
    let (code, out, err) = run_in(
        dir.path(),
        &["--no-seed", "--list", "--no-headers"],
        "BEGIN; CREATE TABLE t(a);\n.save x.db\nselect 'after';\n",
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("transaction is open"), "{err}");
    assert_eq!(out, "after\n");
    assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
}

/// Item 7: .save onto the database opened with --db is refused (SQLite holds it open) and
/// the session can still write to it.
#[test]
fn save_onto_the_open_database_is_refused_and_the_session_stays_writable() {
    let dir = TempDir::new().unwrap();
    let db = database(dir.path(), "open.db");
    fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink("../open.db", dir.path().join("sub/alias.db")).unwrap();
    for (n, spelling) in ["open.db", "./open.db", "sub/alias.db"].iter().enumerate() {
        let (code, out, err) = run_in(
            dir.path(),
            &["--db", "open.db", "--list", "--no-headers"],
            &format!(".save {spelling}\ninsert into t values (2);\nselect count(*) from t;\n"),
        );
        assert_eq!(code, 1, "{spelling}");
        assert!(err.contains("has open"), "{spelling}: {err}");
        assert!(!err.contains("readonly"), "{spelling}: {err}");
        assert_eq!(out, format!("{}\n", n + 2), "{spelling}: {err}");
    }
    assert_eq!(sqlite3(&db, "select count(*) from t"), "4\n");
    assert_eq!(names(dir.path()), ["open.db", "sub"]);
}

/// Item 8: a .save that fails for want of space leaves the target as it was and no
/// temporary or journal file.
#[test]
fn a_failed_save_leaves_no_journal_or_temporary_file() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("keep.db"), b"previous contents").unwrap();
    let mut cmd = command();
    cmd.current_dir(dir.path())
        .args(["--no-seed", "-c"])
        .arg(
            "create table t as with recursive c(x) as (select 1 union all select x + 1 \
             from c where x < 2000) select x, randomblob(1000) as b from c;",
        )
        .args(["-c", ".save keep.db", "-c", ".save new.db"]);
    limit_file_size(&mut cmd, 64 * 1024);
    let out = cmd.output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.matches("Error: ").count(), 2, "{err}");
    assert_eq!(names(dir.path()), ["keep.db"]);
    assert_eq!(
        fs::read(dir.path().join("keep.db")).unwrap(),
        b"previous contents"
    );
}

/// Item 8: a target name of 240 bytes (255 is the usual limit) saves: the temporary name
/// does not grow with it.
#[test]
fn save_accepts_a_240_byte_file_name() {
    let dir = TempDir::new().unwrap();
    let name = format!("{}.db", "n".repeat(237));
    assert_eq!(name.len(), 240);
    let (code, _, err) = run_in(
        dir.path(),
        &["--no-seed"],
        &format!("create table t(a); insert into t values (5);\n.save {name}\n"),
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(sqlite3(&dir.path().join(&name), "select a from t"), "5\n");
    assert_eq!(names(dir.path()), [name]);
}

#[test]
fn control_characters_in_data_and_input_never_reach_the_terminal_raw() {
    // ESC and BEL from a line of SQL, a CSV header, a `--db` file's sources and a chart's
    // labels: each is shown as its control picture (␛, ␇), never written as the byte that a
    // terminal would obey (recolour, retitle the window, rewrite lines).
    let dir = TempDir::new().unwrap();
    let raw = |s: &str| s.contains('\x1b') || s.contains('\x07');
    let (code, _, err) = run_in(
        dir.path(),
        &["--no-seed"],
        "select 1 \x1b]0;owned\x07 x;\nselect * from \"t\x1b[31m\";\n.mode \x1b[2J\n",
    );
    assert_eq!(code, 1);
    assert!(!raw(&err), "{err:?}");
    assert!(err.contains("␛]0;owned␇"), "{err:?}");
    assert!(err.contains("no such table: t␛[31m"), "{err:?}");
    assert!(err.contains("unknown mode '␛[2J'"), "{err:?}");

    fs::write(dir.path().join("h.csv"), "n\x1b[31m,n\x1b[31m\n1,2\n").unwrap();
    let (_, _, err) = run_in(dir.path(), &["--no-seed"], ".import --csv h.csv t\n");
    assert!(err.contains("n␛[31m_1"), "{err:?}");
    assert!(!raw(&err), "{err:?}");

    let db = dir.path().join("h.db");
    sqlite3(
        &db,
        "create table sources(id text primary key, title text, publisher text, \
         published text, url text); \
         insert into sources values('S1', 'T\x1b[35m', 'P\x07', '2020', 'http://x\x1b[36m');",
    );
    let db = db.display().to_string();
    let (code, out, err) = run_in(
        dir.path(),
        &["--db", &db, "--cite"],
        "select 'S1' as source_id;\nselect 'a\x1b[31m' as label, 3 as n, 'S1' as source_id;\n\
         .chart\n",
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("S1  P␇, \"T␛[35m\", 2020, <http://x␛[36m>"),
        "{out}"
    );
    assert!(out.contains("a␛[31m"), "{out}");
    assert!(!raw(&out), "{out:?}");
}

/// What the line editor draws — the line being typed, a statement from the history, its
/// hint, the list of completions — and the REPL's own listings (`.tables`, `.param
/// list`) show a control character as its picture: an OSC sequence from a history file, a
/// table name or a key typed after Ctrl-V never reaches the terminal (here it would retitle
/// the pane), with colour on and under NO_COLOR.
#[test]
fn control_characters_never_reach_the_terminal_from_the_line_editor() {
    use crate::repl::{Home, Term};
    for (n, env) in [&[("NO_COLOR", "1")][..], &[][..]].into_iter().enumerate() {
        let home = Home::new();
        home.write(
            "state/scoql/history",
            "#V2\nselect '\x1b]2;HISTORY\x07' as h;\n",
        );
        let init = home.write(
            "init.sql",
            "create table \"tab\x1b]2;TABLE\x07x\"(a);\n\
             create table \"tab\x1b]2;TABLE\x07y\"(b);\n\
             .param set p '\x1b]2;PARAM\x07'\n",
        );
        let init = init.display().to_string();
        // The banner names the dataset's directory.
        let seed = home.path().join("seed\x1b]2;DIR\x07");
        fs::create_dir_all(seed.join("schema")).unwrap();
        fs::create_dir_all(seed.join("seed")).unwrap();
        let seed = seed.display().to_string();
        let term = Term::start(
            &format!("ctl{n}"),
            &home,
            env,
            &["--seed-dir", &seed, "--init", &init],
        );
        term.wait_for("the banner", |s| s.contains("seed␛]2;DIR␇."));
        let title = || term.format("#{pane_title}");
        let before = title();
        term.keys(&["Up"]);
        term.wait_for("the statement from the history", |s| {
            s.contains("select '␛]2;HISTORY␇' as h;")
        });
        term.keys(&["C-c"]);
        // Keys typed before the next prompt would be lost.
        term.wait_for("an empty prompt", |s| crate::repl::last_line(s) == "scoql>");
        // The hint offers the rest of the history entry (colour on only).
        if env.is_empty() {
            term.type_text("select '");
            term.wait_for("the hint", |s| s.contains("select '␛]2;HISTORY␇' as h;"));
            term.keys(&["C-u"]);
            term.wait_for("an empty line", |s| crate::repl::last_line(s) == "scoql>");
        }
        term.type_text("select * from t");
        term.keys(&["Tab", "Tab"]);
        term.wait_for("the completions", |s| s.contains("tab␛]2;TABLE␇x"));
        term.keys(&["C-c"]);
        // Keys typed before the next prompt would be lost.
        term.wait_for("an empty prompt", |s| crate::repl::last_line(s) == "scoql>");
        term.type_text("select 'k");
        term.keys(&["C-v", "Escape"]);
        term.type_text("]2;KEY");
        term.keys(&["C-v", "C-g"]);
        term.wait_for("the typed escape", |s| s.contains("'k␛]2;KEY␇"));
        term.keys(&["C-c"]);
        // Keys typed before the next prompt would be lost.
        term.wait_for("an empty prompt", |s| crate::repl::last_line(s) == "scoql>");
        let screen = term.submit(".tables");
        assert!(screen.contains("tab␛]2;TABLE␇x"), "{screen}");
        let screen = term.submit(".param list");
        assert!(screen.contains("␛]2;PARAM␇"), "{screen}");
        assert_eq!(title(), before, "the pane was retitled; env {env:?}");
    }
}

/// The NULL text of table modes, from `.nullvalue`, `--nullvalue` or the config, is drawn
/// like any cell: its control characters as pictures (list mode keeps sqlite3's bytes).
#[test]
fn a_null_text_with_control_characters_is_drawn_visibly_in_tables() {
    let dir = TempDir::new().unwrap();
    let raw = |s: &str| s.contains('\x1b') || s.contains('\x07');
    for mode in ["--table", "--box", "--markdown"] {
        let (code, out, err) = run_in(
            dir.path(),
            &["--no-seed", mode, "--nullvalue", "\x1b]2;N\x07"],
            "select null as a, 1 as b;\n.summarize select null as c\n",
        );
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("␛]2;N␇"), "{mode}: {out}");
        assert!(!raw(&out), "{mode}: {out:?}");
    }
    let (_, out, _) = run_in(
        dir.path(),
        &["--no-seed", "--list", "--nullvalue", "\x1b]2;N\x07"],
        "select null as a;\n",
    );
    assert_eq!(out, "a\n\x1b]2;N\x07\n");
}

/// Makes a FIFO at `path`.
fn fifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a NUL-terminated path inside a temporary directory.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
}

/// The files scoql finds by itself in the user's directories — the config, the saved
/// queries — are read only when they are regular files of a bounded size: a FIFO planted
/// there blocked every run (even `.run` of a shipped query) for ever, and a link to
/// /dev/zero filled memory. Each is one warning or left out, and the run goes on.
#[test]
fn a_fifo_or_a_device_in_place_of_the_config_or_a_saved_query_is_skipped() {
    for special in ["fifo", "zero"] {
        let dir = TempDir::new().unwrap();
        let p = dir.path();
        let config = p.join("config/scoql/config.toml");
        let query = p.join("data/scoql/queries/planted.sql");
        for path in [&config, &query] {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            match special {
                "fifo" => fifo(path),
                _ => std::os::unix::fs::symlink("/dev/zero", path).unwrap(),
            }
        }
        let out = scoql()
            .current_dir(p)
            .env("XDG_CONFIG_HOME", p.join("config"))
            .env("XDG_DATA_HOME", p.join("data"))
            .args([
                "--no-seed",
                "--list",
                "-c",
                ".examples",
                "-c",
                "select 'ran';",
            ])
            .timeout(Duration::from_secs(30))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{special}: {err}");
        assert!(
            String::from_utf8_lossy(&out.stdout).ends_with("'ran'\nran\n"),
            "{special}: {err}"
        );
        assert!(
            err.contains(&format!(
                "cannot read {}: not a regular file",
                config.display()
            )),
            "{special}: {err}"
        );
        // --replace never opens what is there for writing (a FIFO would block the open).
        let out = scoql()
            .current_dir(p)
            .env("XDG_DATA_HOME", p.join("data"))
            .args([
                "--no-seed",
                "-c",
                "select 1;",
                "-c",
                ".save-query --replace planted",
            ])
            .timeout(Duration::from_secs(30))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{special}: {err}");
        assert!(err.contains("not a regular file"), "{special}: {err}");
    }
}

/// A FIFO in place of the history file is one warning; the prompt comes, and comes back
/// after a statement (reading or appending to it blocked for ever).
#[test]
fn a_fifo_in_place_of_the_history_is_a_warning_and_the_prompt_comes() {
    use crate::repl::{Home, start};
    let home = Home::new();
    fs::create_dir_all(home.history().parent().unwrap()).unwrap();
    fifo(&home.history());
    let term = start("histfifo", &home, &[("NO_COLOR", "1")], &[]);
    let screen = term.submit("select 'after' as a;");
    assert!(screen.contains("│ after │"), "{screen}");
    assert!(
        screen.contains("cannot read history") && screen.contains("not a regular file"),
        "{screen}"
    );
}

/// A relative HOME or XDG directory names no directory at all (the XDG rule): scoql never
/// reads a config, or keeps saved queries, in whatever directory it was started from.
#[test]
fn a_relative_home_or_xdg_directory_is_ignored() {
    let dir = TempDir::new().unwrap();
    let p = dir.path();
    for config in ["rel/.config/scoql/config.toml", "xdg/scoql/config.toml"] {
        fs::create_dir_all(p.join(config).parent().unwrap()).unwrap();
        fs::write(p.join(config), "mode = \"csv\"\n").unwrap();
    }
    fs::create_dir_all(p.join("rel/.local/share/scoql/queries")).unwrap();
    fs::write(
        p.join("rel/.local/share/scoql/queries/planted.sql"),
        "select 'planted';\n",
    )
    .unwrap();
    for (home, xdg) in [("rel", None), ("/nonexistent", Some("xdg"))] {
        let mut cmd = scoql();
        cmd.current_dir(p)
            .env("HOME", home)
            .env_remove("XDG_DATA_HOME");
        match xdg {
            Some(x) => cmd.env("XDG_CONFIG_HOME", x),
            None => cmd.env_remove("XDG_CONFIG_HOME"),
        };
        let out = cmd
            .args(["--no-seed", "-c", "select 1 as a;", "-c", ".run planted"])
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.starts_with("┌───┐"), "{home}: {stdout}");
        assert!(!stdout.contains("planted"), "{home}: {stdout}");
    }
}

/// A prompt from the config is text: its control characters are shown as pictures, never
/// sent to the terminal (here an OSC sequence would retitle the pane).
#[test]
fn a_prompt_from_the_config_never_sends_control_characters_to_the_terminal() {
    use crate::repl::{Home, Term};
    let home = Home::new();
    home.write(
        "config/scoql/config.toml",
        "prompt = \"\\u001b]2;PROMPT\\u0007sco> \"\n",
    );
    let term = Term::start("ctlprompt", &home, &[("NO_COLOR", "1")], &["--no-seed"]);
    term.wait_for("the prompt", |s| {
        crate::repl::last_line(s) == "␛]2;PROMPT␇sco>"
    });
    assert!(!term.format("#{pane_title}").contains("PROMPT"));
}

/// The modes that keep sqlite3's bytes (list, csv, line, quote, `\G`) and the text
/// dot-commands print (`.print`, `.schema`, `.dump`) show a control character as its
/// picture when they write to a terminal, where an OSC in a value from a hostile database
/// retitled the pane; piped, the same output keeps every byte. (csv's `\r\n` row ends are
/// kept at the terminal too.)
#[test]
fn byte_keeping_modes_show_control_characters_at_a_terminal_and_keep_them_in_a_pipe() {
    use crate::repl::{Home, Term};
    let home = Home::new();
    let init = home.write(
        "init.sql",
        "create table h(a);\n\
         insert into h values ('\x1b]2;ROW\x07');\n\
         create table \"t\x1b]2;SCHEMA\x07\"(b);\n\
         .print '\x1b]2;PRINT\x07'\n",
    );
    let init = init.display().to_string();
    let term = Term::start(
        "bytemodes",
        &home,
        &[("NO_COLOR", "1")],
        &["--no-seed", "--init", &init],
    );
    let screen = term.wait_for_prompt(1);
    assert!(screen.contains("␛]2;PRINT␇"), "{screen}");
    let title = || term.format("#{pane_title}");
    let before = title();
    for (setup, query, shown) in [
        (".mode list", "select a from h;", "␛]2;ROW␇"),
        (".mode csv", "select a, 'x' as x from h;", "\"␛]2;ROW␇\",x"),
        (".mode line", "select a from h;", "a = ␛]2;ROW␇"),
        (".mode quote", "select a from h;", "'␛]2;ROW␇'"),
        (".mode box", "select a from h\\G", "a = ␛]2;ROW␇"),
        (".mode list", ".schema", "t␛]2;SCHEMA␇"),
        (".mode list", ".dump", "'␛]2;ROW␇'"),
        // Results drawn from memory: the last result, .summarize and .pivot.
        (".mode list", ".last csv", "\"␛]2;ROW␇\",x"),
        (".mode list", ".summarize h", "|␛]2;ROW␇|␛]2;ROW␇|"),
        (
            ".mode list",
            "select a, 1 as b, 2 as c from h;",
            "␛]2;ROW␇|1|2",
        ),
        (".mode list", ".pivot a b c", "␛]2;ROW␇|2"),
    ] {
        term.submit(setup);
        let screen = term.submit(query);
        assert!(screen.contains(shown), "{query}: {screen}");
        assert!(
            !screen.contains('␍'),
            "{query}: csv's row end is kept: {screen}"
        );
        assert_eq!(title(), before, "{query} retitled the pane");
    }
    // Piped, every byte is sqlite3's.
    let (code, out, _) = run_in(
        home.path(),
        &["--no-seed", "--init", &init, "--csv"],
        "select a, 'x' as x from h;\n",
    );
    assert_eq!(code, 0);
    // (sqlite3's -csv keeps the row separator "\n"; .mode csv sets "\r\n".)
    assert_eq!(out, "\x1b]2;PRINT\x07\na,x\n\"\x1b]2;ROW\x07\",x\n");
}
