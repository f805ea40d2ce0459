//! json and jsonl: always valid JSON, one array of objects per result or one object per
//! line.

use super::Renderer;
use crate::value::{Cell, hex_string};

/// json and jsonl. Integers are exact, reals the shortest text that reads back as the same
/// double (non-finite ones are null), blobs hex strings.
pub(super) struct Json {
    is_lines: bool,
    keys: Vec<String>,
    rows: usize,
}

impl Json {
    pub(super) fn new(is_lines: bool) -> Self {
        Json {
            is_lines,
            keys: Vec::new(),
            rows: 0,
        }
    }
}

pub fn json_value(out: &mut Vec<u8>, cell: &Cell) {
    match *cell {
        Cell::Null => out.extend_from_slice(b"null"),
        Cell::Integer(v) => out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes()),
        Cell::Real(v, _) if v.is_finite() => {
            let text = serde_json::Number::from_f64(v)
                .map(|n| n.to_string())
                .unwrap_or_else(|| "null".into());
            out.extend_from_slice(text.as_bytes());
        }
        Cell::Real(..) => out.extend_from_slice(b"null"),
        Cell::Text(t) => json_string(out, &String::from_utf8_lossy(t)),
        Cell::Blob(b) => json_string(out, &hex_string(b)),
    }
}

fn json_string(out: &mut Vec<u8>, s: &str) {
    // Serializing a &str cannot fail; the fallback keeps the output valid JSON regardless.
    if serde_json::to_writer(&mut *out, s).is_err() {
        out.extend_from_slice(b"null");
    }
}

impl Renderer for Json {
    fn begin(&mut self, _out: &mut Vec<u8>, columns: &[String]) {
        self.keys = columns
            .iter()
            .map(|c| {
                let mut k = Vec::new();
                json_string(&mut k, c);
                k.push(b':');
                String::from_utf8_lossy(&k).into_owned()
            })
            .collect();
    }

    fn row(&mut self, out: &mut Vec<u8>, cells: &[Cell<'_>]) {
        if !self.is_lines {
            out.extend_from_slice(if self.rows == 0 { b"[" } else { b",\n" });
        }
        self.rows += 1;
        out.push(b'{');
        for (i, (key, cell)) in self.keys.iter().zip(cells).enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(key.as_bytes());
            json_value(out, cell);
        }
        out.push(b'}');
        if self.is_lines {
            out.push(b'\n');
        }
    }

    fn end(&mut self, out: &mut Vec<u8>) {
        if !self.is_lines {
            out.extend_from_slice(if self.rows == 0 { b"[]\n" } else { b"]\n" });
        }
    }
}
