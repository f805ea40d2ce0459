//! What `--safe` and `--readonly` refuse in SQL, enforced inside SQLite rather than by
//! reading SQL text: connection limits and settings where SQLite has one, a read-only main
//! database, and an authorizer that decides by action code and refuses what it cannot
//! decode. Dot-commands check `--safe` themselves (`dot::execute`).

use std::sync::{Arc, Mutex};

use rusqlite::config::DbConfig;
use rusqlite::hooks::{AuthAction, AuthContext, Authorization};
use rusqlite::limits::Limit;
use rusqlite::{Connection, MAIN_DB};

use crate::error::{Error, Result};

const SAFE_ATTACH: &str = "ATTACH, DETACH and VACUUM are not allowed with --safe";
const READONLY_ATTACH: &str = "ATTACH and VACUUM INTO are not allowed with --readonly";
const SAFE_FUNCTION: &str = "load_extension() and fts3_tokenizer() are not allowed with --safe";
const SAFE_PRAGMA: &str =
    "PRAGMA temp_store_directory and data_store_directory cannot be set with --safe";
const UNKNOWN: &str = "an action scoql cannot check is not allowed with --safe or --readonly";

/// Applies `--safe` and `--readonly` to a connection, before anything runs on it.
///
/// - `--readonly`: the main database becomes read-only inside SQLite (a file opened
///   read-only stays so; an in-memory database is reloaded as a read-only image), so temp
///   tables still work, as with `sqlite3 -readonly`; ATTACH cannot create or write a file.
/// - `--safe`: at most 0 attached databases (`SQLITE_LIMIT_ATTACHED`), so no spelling of
///   ATTACH can open a file, whatever expression names it.
/// - Both: the authorizer below, which says why.
///
/// Returns where the authorizer of this connection says why it refused.
/// Errors: `Error::Database` when SQLite refuses a setting.
pub fn install(conn: &mut Connection, safe: bool, readonly: bool) -> Result<Refusals> {
    let fail = |context: &str| {
        let context = context.to_string();
        move |source| Error::Database { context, source }
    };
    if readonly
        && !conn
            .is_readonly(MAIN_DB)
            .map_err(fail("cannot inspect the database"))?
    {
        freeze_main(conn).map_err(fail("cannot make the database read-only"))?;
    }
    if safe || readonly {
        for setting in [
            DbConfig::SQLITE_DBCONFIG_ENABLE_ATTACH_CREATE,
            DbConfig::SQLITE_DBCONFIG_ENABLE_ATTACH_WRITE,
        ] {
            conn.set_db_config(setting, false)
                .map_err(fail("cannot restrict ATTACH"))?;
        }
    }
    if safe {
        conn.set_limit(Limit::SQLITE_LIMIT_ATTACHED, 0)
            .map_err(fail("cannot forbid ATTACH"))?;
    }
    let refusals = Refusals::default();
    if !safe && !readonly {
        conn.authorizer(None::<fn(AuthContext<'_>) -> Authorization>)
            .map_err(fail("cannot remove the authorizer"))?;
        return Ok(refusals);
    }
    let slot = refusals.clone();
    let hook = move |ctx: AuthContext<'_>| -> Authorization {
        match refusal(&ctx.action, safe, readonly) {
            Some(reason) => {
                slot.set(Some(reason));
                Authorization::Deny
            }
            None => Authorization::Allow,
        }
    };
    conn.authorizer(Some(hook))
        .map_err(fail("cannot install the authorizer"))?;
    Ok(refusals)
}

/// Replaces the in-memory main database by a read-only image of itself: writes to it then
/// fail inside SQLite ("attempt to write a readonly database"), while the temp schema stays
/// writable.
fn freeze_main(conn: &mut Connection) -> rusqlite::Result<()> {
    // An empty database has no page to copy; writing its header gives it one.
    let pages: i64 = conn.query_row("PRAGMA main.page_count", [], |r| r.get(0))?;
    if pages == 0 {
        conn.execute_batch("PRAGMA main.user_version = 0")?;
    }
    let image = match conn.serialize(MAIN_DB)? {
        rusqlite::serialize::Data::Owned(image) => image,
        // Only a database that was deserialized before is shared, and only `freeze_main`
        // deserializes, which leaves it read-only: `install` does not come here again.
        rusqlite::serialize::Data::Shared(_) => {
            return Err(rusqlite::Error::InvalidParameterName(
                "main is already an image".into(),
            ));
        }
    };
    conn.deserialize(MAIN_DB, image, true)
}

/// What the flags refuse, by action code; None allows. An action rusqlite could not decode
/// (`Unknown`: an ATTACH whose file name is an expression, a name that is not UTF-8) is
/// refused: what is not understood is not allowed.
fn refusal(action: &AuthAction<'_>, safe: bool, readonly: bool) -> Option<&'static str> {
    use rusqlite::ffi;
    match action {
        // VACUUM reaches this too: it attaches its copy (`''` for a plain VACUUM, the file
        // for VACUUM INTO) through an internal ATTACH, at the time it runs.
        AuthAction::Attach { .. } | AuthAction::Detach { .. } if safe => Some(SAFE_ATTACH),
        AuthAction::Unknown {
            code: ffi::SQLITE_ATTACH | ffi::SQLITE_DETACH,
            ..
        } if safe => Some(SAFE_ATTACH),
        // A plain VACUUM's scratch copy is a temporary file SQLite deletes; any other
        // attached file would be created, or be a way around the read-only main database.
        AuthAction::Attach { filename } if readonly && !filename.is_empty() => {
            Some(READONLY_ATTACH)
        }
        AuthAction::Unknown {
            code: ffi::SQLITE_ATTACH,
            ..
        } if readonly => Some(READONLY_ATTACH),
        AuthAction::Function { function_name }
            if safe
                && ["load_extension", "fts3_tokenizer"]
                    .iter()
                    .any(|f| function_name.eq_ignore_ascii_case(f)) =>
        {
            Some(SAFE_FUNCTION)
        }
        AuthAction::Pragma {
            pragma_name,
            pragma_value: Some(_),
        } if safe
            && ["temp_store_directory", "data_store_directory"]
                .iter()
                .any(|p| pragma_name.eq_ignore_ascii_case(p)) =>
        {
            Some(SAFE_PRAGMA)
        }
        AuthAction::Unknown { .. } => Some(UNKNOWN),
        _ => None,
    }
}

/// Why the authorizer of one connection last said no (SQLite itself only says "not
/// authorized"), kept for the statement being prepared or run: see `watch`.
#[derive(Clone, Default)]
pub struct Refusals(Arc<Mutex<Option<&'static str>>>);

impl Refusals {
    fn set(&self, reason: Option<&'static str>) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = reason;
        }
    }

    /// Starts watching one statement: called just before it is prepared, so a reason read
    /// when preparing or stepping it fails was given for this statement and no other.
    pub fn watch(&self) -> Watch<'_> {
        self.set(None);
        Watch(self)
    }
}

/// The refusals of one statement (`Refusals::watch`).
pub struct Watch<'r>(&'r Refusals);

impl Watch<'_> {
    /// `e`, or, when the authorizer refused something for this statement and `e` is
    /// SQLite's error, `Error::Refused` with the reason and `e`'s location.
    pub fn explain(&self, e: Error) -> Error {
        let Error::Sql { message, location } = e else {
            return e;
        };
        match self.0.0.lock().ok().and_then(|mut slot| slot.take()) {
            Some(reason) => Error::Refused {
                message: reason.to_string(),
                location,
            },
            None => Error::Sql { message, location },
        }
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    struct Guarded {
        c: Connection,
        refusals: Refusals,
    }

    fn guarded(safe: bool, readonly: bool) -> Guarded {
        let mut c = Connection::open_in_memory().expect("a database");
        c.execute_batch("create table t(a); insert into t values (1);")
            .expect("setup");
        let refusals = install(&mut c, safe, readonly).expect("the guard installs");
        Guarded { c, refusals }
    }

    /// True when `sql` fails with a reason from the guard.
    fn refused(g: &Guarded, sql: &str) -> bool {
        let watch = g.refusals.watch();
        match g.c.execute_batch(sql) {
            Ok(()) => false,
            Err(e) => matches!(
                watch.explain(Error::Sql {
                    message: e.to_string(),
                    location: None
                }),
                Error::Refused { .. }
            ),
        }
    }

    #[test]
    fn safe_refuses_every_spelling_of_attach_by_its_action_code() {
        let dir = tempfile::TempDir::new().expect("a temporary directory");
        let d = dir.path().display();
        let g = guarded(true, false);
        for sql in [
            format!("attach '{d}/x' || '.db' as x"),
            format!("attach (select '{d}/f') as y"),
            format!("attach printf('%s/f', '{d}') as z"),
            "attach ':memory:' as m".into(),
            "vacuum".into(),
            format!("vacuum into '{d}/v.db'"),
            "detach temp".into(),
            "select load_extension('x')".into(),
            "select LOAD_EXTENSION('x')".into(),
            format!("pragma temp_store_directory = '{d}'"),
            format!("pragma main.data_store_directory('{d}')"),
        ] {
            assert!(refused(&g, &sql), "{sql} was not refused");
        }
        assert!(!refused(&g, "pragma temp_store_directory"));
        assert!(!refused(&g, "select count(*) from t"));
        assert_eq!(std::fs::read_dir(dir.path()).expect("listed").count(), 0);
    }

    #[test]
    fn safe_allows_no_attached_database_at_the_engine() {
        let g = guarded(true, false);
        assert_eq!(g.c.limit(Limit::SQLITE_LIMIT_ATTACHED).expect("a limit"), 0);
    }

    #[test]
    fn readonly_keeps_main_unchanged_and_allows_temp_tables() {
        let g = guarded(false, true);
        let c = &g.c;
        assert!(c.execute_batch("insert into t values (2)").is_err());
        c.execute_batch("create temp table s(b); insert into s values (3);")
            .expect("temp tables are writable");
        let n: i64 = c
            .query_row("select count(*) from t", [], |r| r.get(0))
            .expect("reads");
        assert_eq!(n, 1);
        let dir = tempfile::TempDir::new().expect("a temporary directory");
        let f = dir.path().join("f.db");
        assert!(refused(&g, &format!("attach '{}' as f", f.display())));
        assert!(refused(&g, &format!("vacuum into '{}'", f.display())));
        assert!(!f.exists());
    }

    #[test]
    fn readonly_freezes_an_empty_database_too() {
        let mut c = Connection::open_in_memory().expect("a database");
        install(&mut c, false, true).expect("the guard installs");
        assert!(c.execute_batch("create table t(a)").is_err());
        c.execute_batch("create temp table t(a)")
            .expect("temp tables are writable");
    }
}
