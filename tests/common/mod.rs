//! What every integration test shares: the real binary, with an environment that the
//! user's own settings (NO_COLOR, init file, history) cannot change.

use assert_cmd::Command;

pub fn scoql() -> Command {
    #[allow(clippy::unwrap_used)]
    let mut c = Command::cargo_bin("scoql").unwrap();
    c.env_remove("NO_COLOR")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env("XDG_STATE_HOME", "/nonexistent");
    c
}
