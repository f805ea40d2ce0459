//! What the environment says, read once: XDG directories, the desktop's opener, and the
//! terminal's size.

use std::path::PathBuf;

/// The XDG directories, when the home directory is an absolute path. etcetera already
/// ignores a relative `XDG_*_HOME`, as the XDG rules say; a relative HOME (`HOME=.`) would
/// otherwise make scoql read its config and init file from, and write its history into,
/// whatever directory it was started in.
fn base() -> Option<impl etcetera::BaseStrategy> {
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy()
        .ok()
        .filter(|s| s.home_dir().is_absolute())
}

pub(super) fn config_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    base().map(|s| s.config_dir().join("scoql"))
}

pub(super) fn opener() -> Option<String> {
    let has_display = ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|d| !d.is_empty()));
    if cfg!(target_os = "macos") {
        Some("open".into())
    } else if has_display {
        Some("xdg-open".into())
    } else {
        None
    }
}

pub(super) fn data_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    base().map(|s| s.data_dir().join("scoql"))
}

pub(super) fn state_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let s = base()?;
    Some(
        s.state_dir()
            .unwrap_or_else(|| s.home_dir().join(".local/state"))
            .join("scoql"),
    )
}

/// The height of the terminal on stdout in lines, for the pager.
pub fn terminal_height() -> Option<u16> {
    // SAFETY: TIOCGWINSZ fills the winsize struct it is given and nothing else.
    unsafe {
        let mut ws: libc::winsize = std::mem::zeroed();
        if libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut ws) == 0 && ws.ws_row > 0 {
            Some(ws.ws_row)
        } else {
            None
        }
    }
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
