//! html mode: sqlite3's table rows (`<TR><TD>…</TD>`), byte for byte, with every cell and
//! column name escaped, so a value can never become markup.

use super::{Options, Renderer};
use crate::value::{Cell, c_text, value_text};

/// The sqlite3 shell's html mode: one `<TR>` per row, each cell on its own line, a header
/// row of `<TH>` before the first row when headers are on, nothing for a result without
/// rows. NULL is the `.nullvalue` text (default empty).
pub(super) struct Html {
    opts: Options,
    columns: Vec<String>,
    rows: usize,
}

impl Html {
    pub(super) fn new(opts: Options) -> Self {
        Html {
            opts,
            columns: Vec::new(),
            rows: 0,
        }
    }
}

/// sqlite3's `output_html_string`: `<`, `&`, `>`, `"` and `'` as entities, the rest as is.
pub fn escape(out: &mut Vec<u8>, text: &[u8]) {
    for &b in text {
        match b {
            b'<' => out.extend_from_slice(b"&lt;"),
            b'&' => out.extend_from_slice(b"&amp;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            b'"' => out.extend_from_slice(b"&quot;"),
            b'\'' => out.extend_from_slice(b"&#39;"),
            _ => out.push(b),
        }
    }
}

impl Renderer for Html {
    fn begin(&mut self, _out: &mut Vec<u8>, columns: &[String]) {
        self.columns = columns.to_vec();
    }

    fn row(&mut self, out: &mut Vec<u8>, cells: &[Cell<'_>]) {
        if self.rows == 0 && self.opts.headers {
            out.extend_from_slice(b"<TR>");
            for c in &self.columns {
                out.extend_from_slice(b"<TH>");
                escape(out, c_text(c.as_bytes()));
                out.extend_from_slice(b"</TH>\n");
            }
            out.extend_from_slice(b"</TR>\n");
        }
        self.rows += 1;
        out.extend_from_slice(b"<TR>");
        let mut num = itoa::Buffer::new();
        for cell in cells {
            out.extend_from_slice(b"<TD>");
            match value_text(cell, &mut num) {
                Some(t) => escape(out, t),
                None => escape(out, self.opts.nullvalue.as_deref().unwrap_or("").as_bytes()),
            }
            out.extend_from_slice(b"</TD>\n");
        }
        out.extend_from_slice(b"</TR>\n");
    }

    fn end(&mut self, _out: &mut Vec<u8>) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{Mode, renderer};

    #[test]
    fn cells_and_names_are_escaped_so_no_value_becomes_markup() {
        let opts = Options {
            mode: Mode::Html,
            nullvalue: Some("<null>".into()),
            ..Options::default()
        };
        let mut r = renderer(&opts);
        let mut out = Vec::new();
        r.begin(&mut out, &["a<b>".to_string()]);
        r.row(&mut out, &[Cell::Text(b"<i>&'\"</i>")]);
        r.row(&mut out, &[Cell::Null]);
        r.end(&mut out);
        assert_eq!(
            String::from_utf8_lossy(&out),
            "<TR><TH>a&lt;b&gt;</TH>\n</TR>\n\
             <TR><TD>&lt;i&gt;&amp;&#39;&quot;&lt;/i&gt;</TD>\n</TR>\n\
             <TR><TD>&lt;null&gt;</TD>\n</TR>\n"
        );
    }
}
