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
/// `\n` stays, so csv's row ends are kept. Bytes may arrive split anywhere: a `\r` or the
/// first byte of a C1 control's UTF-8 (0xC2) waits for the next byte; [`Shown::finish`]
/// writes what still waits.
pub struct Shown<W: Write> {
    inner: W,
    /// The last byte seen was `\r` (0x0D) or 0xC2, not yet written.
    waiting: Option<u8>,
    out: Vec<u8>,
}

impl<W: Write> Shown<W> {
    pub fn new(inner: W) -> Self {
        Shown {
            inner,
            waiting: None,
            out: Vec::new(),
        }
    }

    /// Writes a byte still waiting for its next (a lone `\r` is shown as `␍`).
    pub fn finish(mut self) -> io::Result<()> {
        match self.waiting.take() {
            Some(b'\r') => self.inner.write_all("\u{240d}".as_bytes())?,
            Some(b) => self.inner.write_all(&[b])?,
            None => {}
        }
        self.inner.flush()
    }

    fn push_picture(&mut self, c: char) {
        let mut utf8 = [0; 4];
        self.out
            .extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
    }
}

impl<W: Write> Shown<W> {
    fn byte(&mut self, b: u8) {
        match self.waiting.take() {
            Some(b'\r') if b == b'\n' => {
                self.out.extend_from_slice(b"\r\n");
                return;
            }
            Some(b'\r') => self.push_picture('\u{240d}'),
            // U+0080..U+009F in UTF-8: C1 controls, which some terminals obey.
            Some(0xC2) if (0x80..=0x9F).contains(&b) => {
                self.push_picture('\u{fffd}');
                return;
            }
            Some(other) => self.out.push(other),
            None => {}
        }
        match b {
            b'\r' | 0xC2 => self.waiting = Some(b),
            b'\n' | b'\t' => self.out.push(b),
            0x00..=0x1F | 0x7F => {
                let c = char::from(b);
                self.push_picture(picture(c).unwrap_or(c));
            }
            _ => self.out.push(b),
        }
    }
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

    #[test]
    fn controls_become_pictures_and_the_rest_stays() {
        assert_eq!(visible("a\x1b[31mb\x07"), "a␛[31mb␇");
        assert_eq!(visible("\r\x00\x7f\u{9b}"), "␍␀␡\u{fffd}");
        assert_eq!(visible("tab\tand\nnewline 上合"), "tab\tand\nnewline 上合");
        assert!(matches!(visible("plain"), Cow::Borrowed("plain")));
    }
}
