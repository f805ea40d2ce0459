//! Text that came from data or input, made safe to write to a terminal. A control character
//! in a value, a file name or a line of SQL (ESC, BEL, CR, ...) would otherwise reach the
//! terminal raw and act there — recolour it, retitle the window, rewrite the line above an
//! error — instead of being read. Each is shown as its Unicode control picture (`␛` for
//! ESC), one column wide, so a caret under a line still lines up.

use std::borrow::Cow;

/// The character a terminal shows in place of `c`, or None when `c` is shown as it is.
/// C0 controls and DEL become their control pictures (U+2400–U+2421); C1 controls
/// (U+0080–U+009F, which some terminals also obey) become U+FFFD. Newline and tab are
/// not replaced here: callers that lay out lines decide what they become.
pub fn picture(c: char) -> Option<char> {
    match c {
        '\n' | '\t' => None,
        '\u{7f}' => Some('\u{2421}'),
        c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32),
        c if c.is_control() => Some('\u{fffd}'),
        _ => None,
    }
}

/// `text` with every control character but newline and tab replaced by its [`picture`];
/// borrowed when there is none (the usual case).
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| picture(c).is_some()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| picture(c).unwrap_or(c)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_pictures_and_the_rest_stays() {
        assert_eq!(visible("a\x1b[31mb\x07"), "a␛[31mb␇");
        assert_eq!(visible("\r\x00\x7f\u{9b}"), "␍␀␡\u{fffd}");
        assert_eq!(visible("tab\tand\nnewline 上合"), "tab\tand\nnewline 上合");
        assert!(matches!(visible("plain"), Cow::Borrowed("plain")));
    }
}
