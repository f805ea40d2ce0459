//! What `--safe` and `--readonly` refuse in SQL, enforced by SQLite's authorizer so that no
//! spelling of a statement slips past a text check. Dot-commands check `--safe` themselves.

use std::sync::Mutex;

use rusqlite::Connection;
use rusqlite::hooks::{AuthAction, AuthContext, Authorization};

use crate::error::{Error, Result};

/// Why the authorizer last said no, so the error can say more than SQLite's "not authorized".
static DENIED: Mutex<Option<String>> = Mutex::new(None);

fn deny(what: &str) -> Authorization {
    if let Ok(mut d) = DENIED.lock() {
        *d = Some(what.to_string());
    }
    Authorization::Deny
}

/// Installs the authorizer for these flags (none when neither is set) and, for
/// `--readonly`, turns on `query_only`, which the authorizer then keeps on.
pub fn install(conn: &mut Connection, safe: bool, readonly: bool) -> Result<()> {
    if readonly {
        conn.execute_batch("PRAGMA query_only = 1")
            .map_err(|source| Error::Database {
                context: "cannot make the database read-only".into(),
                source,
            })?;
    }
    if !safe && !readonly {
        return conn
            .authorizer(None::<fn(AuthContext<'_>) -> Authorization>)
            .map_err(|source| Error::Database {
                context: "cannot remove the authorizer".into(),
                source,
            });
    }
    let hook = move |ctx: AuthContext<'_>| -> Authorization {
        match ctx.action {
            AuthAction::Attach { .. } if safe => deny("ATTACH is not allowed with --safe"),
            AuthAction::Detach { .. } if safe => deny("DETACH is not allowed with --safe"),
            AuthAction::Function { function_name }
                if safe && function_name.eq_ignore_ascii_case("load_extension") =>
            {
                deny("load_extension() is not allowed with --safe")
            }
            AuthAction::Pragma {
                pragma_name,
                pragma_value: Some(_),
            } if readonly && pragma_name.eq_ignore_ascii_case("query_only") => {
                deny("PRAGMA query_only cannot be changed with --readonly")
            }
            _ => Authorization::Allow,
        }
    };
    conn.authorizer(Some(hook))
        .map_err(|source| Error::Database {
            context: "cannot install the authorizer".into(),
            source,
        })
}

/// The reason for the last denial, taken once: turns SQLite's "not authorized" into a
/// message that says what was refused and why.
pub fn take_denial() -> Option<String> {
    DENIED.lock().ok().and_then(|mut d| d.take())
}

/// `VACUUM ... INTO 'file'` writes a file but reaches no authorizer action, so `--safe`
/// recognises it from the statement's leading tokens (after any comments).
pub fn is_vacuum_into(sql: &str) -> bool {
    let mut rest = sql.trim_start();
    loop {
        if let Some(r) = rest.strip_prefix("--") {
            rest = r.find('\n').map_or("", |i| &r[i..]).trim_start();
        } else if let Some(r) = rest.strip_prefix("/*") {
            rest = r.find("*/").map_or("", |i| &r[i + 2..]).trim_start();
        } else {
            break;
        }
    }
    let words: Vec<String> = rest
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .take(4)
        .map(str::to_ascii_lowercase)
        .collect();
    words.first().is_some_and(|w| w == "vacuum") && words.iter().any(|w| w == "into")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vacuum_into_is_recognised_in_any_case() {
        assert!(is_vacuum_into("VACUUM INTO 'x.db'"));
        assert!(is_vacuum_into("vacuum main into 'x.db'"));
        assert!(!is_vacuum_into("VACUUM"));
        assert!(!is_vacuum_into("select 'vacuum into'"));
        assert!(is_vacuum_into("/* x */ -- y\n vacuum into 'f'"));
    }
}
