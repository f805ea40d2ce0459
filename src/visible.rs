//! Text that came from data or input, made safe to write to a terminal. A control character
//! in a value, a file name or a line of SQL (ESC, BEL, CR, ...) would otherwise reach the
//! terminal raw and act there — recolour it, retitle the window, rewrite the line above an
//! error — instead of being read. Each is shown as its Unicode control picture (`␛` for
//! ESC), one column wide, so a caret under a line still lines up.

use std::borrow::Cow;
use std::io::{self, Write};

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

/// A writer that shows the bytes written through it as [`visible`] does, for output that
/// reaches a terminal in the modes that keep sqlite3's bytes (list, csv, line, ...): those
/// bytes stay exact in a pipe or a file, but at a terminal an ESC in a value would act
/// (the rule GNU `ls` follows with `--hide-control-chars` at a terminal; newer sqlite3
/// shells escape control characters in their display modes too). A `\r` just before a
/// `\n` stays, so csv's row ends are kept. A byte that is not part of valid UTF-8 (text
/// from a database need not be) is shown as U+FFFD, as the table modes show it: a raw
/// 0x9B is CSI to a terminal that takes 8-bit controls. Bytes may arrive split anywhere:
/// a `\r` or the start of a character waits for the next byte; [`Shown::finish`] writes
/// what still waits.
pub struct Shown<W: Write> {
    inner: W,
    /// A `\r` seen last, not yet written.
    is_cr_waiting: bool,
    /// The bytes of a character begun but not yet complete (at most 3).
    partial: Vec<u8>,
    out: Vec<u8>,
}

impl<W: Write> Shown<W> {
    pub fn new(inner: W) -> Self {
        Shown {
            inner,
            is_cr_waiting: false,
            partial: Vec::new(),
            out: Vec::new(),
        }
    }

    /// Writes what still waits for its next byte (a lone `\r` is shown as `␍`, a
    /// character cut short as U+FFFD).
    pub fn finish(mut self) -> io::Result<()> {
        self.out.clear();
        self.end_pending();
        self.inner.write_all(&self.out)?;
        self.inner.flush()
    }

    fn push_picture(&mut self, c: char) {
        let mut utf8 = [0; 4];
        self.out
            .extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
    }

    /// Shows a waiting `\r` or a character cut short: the next byte does not continue it.
    fn end_pending(&mut self) {
        if std::mem::take(&mut self.is_cr_waiting) {
            self.push_picture('\u{240d}');
        }
        if !self.partial.is_empty() {
            self.partial.clear();
            self.push_picture('\u{fffd}');
        }
    }
}

/// How many bytes a character whose first byte is `b` has in UTF-8; None for a byte
/// that cannot start one (a continuation byte, 0xC0, 0xC1, 0xF5..=0xFF).
fn utf8_len(b: u8) -> Option<usize> {
    match b {
        0x00..=0x7F => Some(1),
        0xC2..=0xDF => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

impl<W: Write> Shown<W> {
    fn byte(&mut self, b: u8) {
        if !self.partial.is_empty() {
            if (0x80..=0xBF).contains(&b) {
                self.partial.push(b);
                let Some(need) = self.partial.first().copied().and_then(utf8_len) else {
                    return;
                };
                if self.partial.len() < need {
                    return;
                }
                let bytes = std::mem::take(&mut self.partial);
                match std::str::from_utf8(&bytes)
                    .ok()
                    .and_then(|t| t.chars().next())
                {
                    Some(c) => match picture(c) {
                        Some(p) => self.push_picture(p),
                        None => self.out.extend_from_slice(&bytes),
                    },
                    // An overlong form or a surrogate.
                    None => self.push_picture('\u{fffd}'),
                }
                return;
            }
            self.end_pending();
        }
        if std::mem::take(&mut self.is_cr_waiting) {
            if b == b'\n' {
                self.out.extend_from_slice(b"\r\n");
                return;
            }
            self.push_picture('\u{240d}');
        }
        match (b, utf8_len(b)) {
            (b'\r', _) => self.is_cr_waiting = true,
            (b'\n' | b'\t', _) => self.out.push(b),
            (0x00..=0x1F | 0x7F, _) => {
                let c = char::from(b);
                self.push_picture(picture(c).unwrap_or(c));
            }
            (_, Some(1)) => self.out.push(b),
            (_, Some(_)) => self.partial.push(b),
            (_, None) => self.push_picture('\u{fffd}'),
        }
    }
}

/// Runs `write` on `out`, through a [`Shown`] when `is_shown` (output that reaches a
/// terminal), then writes what the `Shown` still holds. `write`'s own error comes first.
pub fn write_shown<T, E: From<io::Error>>(
    is_shown: bool,
    out: &mut dyn Write,
    write: impl FnOnce(&mut dyn Write) -> Result<T, E>,
) -> Result<T, E> {
    if !is_shown {
        return write(out);
    }
    let mut shown = Shown::new(out);
    let written = write(&mut shown);
    let done = shown.finish();
    let value = written?;
    done?;
    Ok(value)
}

impl<W: Write> Write for Shown<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.clear();
        for &b in buf {
            self.byte(b);
        }
        self.inner.write_all(&self.out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn shown(pieces: &[&[u8]]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut w = Shown::new(&mut out);
        for p in pieces {
            w.write_all(p).expect("written");
        }
        w.finish().expect("finished");
        out
    }

    #[test]
    fn a_stream_shows_controls_as_pictures_and_keeps_row_ends_and_text() {
        assert_eq!(
            shown(&[b"a\x1b]2;X\x07|\xc2\x9b|\xc2\xa9\r\n\ttab\r"]),
            "a␛]2;X␇|\u{fffd}|©\r\n\ttab␍".as_bytes()
        );
        assert_eq!(shown(&["上合\n".as_bytes()]), "上合\n".as_bytes());
    }

    #[test]
    fn a_stream_split_anywhere_is_shown_as_if_whole() {
        let whole: &[u8] = b"x\r\ny\x1b\xc2\x9b\xc2\xa9\rz\r";
        let expected = shown(&[whole]);
        for cut in 0..=whole.len() {
            let (a, b) = whole.split_at(cut);
            assert_eq!(shown(&[a, b]), expected, "cut at {cut}");
        }
    }

    /// A C1 control sent as one raw byte (0x9B is CSI to a terminal that takes 8-bit
    /// controls: `\x9b2J` clears its screen) and any other byte that is not part of valid
    /// UTF-8 are shown as U+FFFD, however the stream is split; valid text is untouched.
    #[test]
    fn bytes_that_are_not_utf8_are_shown_as_replacement_characters() {
        let whole: &[u8] = b"A\x9b2J|\xc3|\xe4\xb8|\xff|\xc0\xaf|\xe4\xb8\x8a\xf0\x9f\x98\x80\xe4";
        let expected = "A\u{fffd}2J|\u{fffd}|\u{fffd}|\u{fffd}|\u{fffd}\u{fffd}|上😀\u{fffd}";
        for cut in 0..=whole.len() {
            let (a, b) = whole.split_at(cut);
            assert_eq!(shown(&[a, b]), expected.as_bytes(), "cut at {cut}");
        }
    }

    proptest::proptest! {
        /// Text without controls passes unchanged, however it is split; any bytes come out
        /// as valid UTF-8 without a control but newline, tab and a row end's `\r`.
        #[test]
        fn valid_text_is_kept_and_any_bytes_come_out_visible(
            text in "[^\\p{Cc}]{0,40}",
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40),
            cut in 0usize..200,
        ) {
            let whole = text.as_bytes();
            let (a, b) = whole.split_at(cut.min(whole.len()));
            proptest::prop_assert_eq!(shown(&[a, b]), whole);
            let (a, b) = bytes.split_at(cut.min(bytes.len()));
            let out = shown(&[a, b]);
            let out = std::str::from_utf8(&out);
            proptest::prop_assert!(out.is_ok());
            let out = out.unwrap_or_default().replace("\r\n", "\n");
            proptest::prop_assert!(out.chars().all(|c| picture(c).is_none()), "{:?}", out);
        }
    }

    #[test]
    fn controls_become_pictures_and_the_rest_stays() {
        assert_eq!(visible("a\x1b[31mb\x07"), "a␛[31mb␇");
        assert_eq!(visible("\r\x00\x7f\u{9b}"), "␍␀␡\u{fffd}");
        assert_eq!(visible("tab\tand\nnewline 上合"), "tab\tand\nnewline 上合");
        assert!(matches!(visible("plain"), Cow::Borrowed("plain")));
    }
}
