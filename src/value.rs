//! Values as scoql passes them around: `Cell`, one value of a result borrowed from wherever
//! it lives (a SQLite row, a kept result, a dot-command's listing), and `Value`, its owned
//! form. Also the text conversions every renderer shares: SQLite's own text of a value (by
//! SQLite's own printf), SQL literals, identifiers, and reading a typed parameter as a
//! literal.

use std::ffi::{CStr, c_int};
use std::fmt::Write as _;

use rusqlite::ffi;

/// One value of a result row. A real carries SQLite's own text for it (`0.1`, `1.0e+300`),
/// which is what the sqlite3 shell prints; text and blobs are bytes exactly as stored (text
/// need not be valid UTF-8 and may hold NUL).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    Null,
    Integer(i64),
    Real(f64, &'a [u8]),
    Text(&'a [u8]),
    Blob(&'a [u8]),
}

impl Cell<'_> {
    pub fn is_number(&self) -> bool {
        matches!(self, Cell::Integer(_) | Cell::Real(..))
    }

    /// The value as an owned `Value`.
    pub fn to_value(&self) -> Value {
        match *self {
            Cell::Null => Value::Null,
            Cell::Integer(v) => Value::Integer(v),
            Cell::Real(v, t) => Value::Real(v, String::from_utf8_lossy(t).into()),
            Cell::Text(t) => Value::Text(t.into()),
            Cell::Blob(b) => Value::Blob(b.into()),
        }
    }
}

/// An owned value: a parameter's value, a kept result's cell, a dot-command's listing.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Integer(i64),
    /// The number and SQLite's text for it.
    Real(f64, Box<str>),
    Text(Box<[u8]>),
    Blob(Box<[u8]>),
}

impl Value {
    /// A real with SQLite's own text for it.
    pub fn real(v: f64) -> Value {
        Value::Real(v, real_text(v).into())
    }

    pub fn text(t: impl AsRef<str>) -> Value {
        Value::Text(t.as_ref().as_bytes().into())
    }

    /// Text, or NULL for None.
    pub fn opt_text(t: Option<impl AsRef<str>>) -> Value {
        t.map_or(Value::Null, Value::text)
    }

    pub fn cell(&self) -> Cell<'_> {
        match self {
            Value::Null => Cell::Null,
            Value::Integer(v) => Cell::Integer(*v),
            Value::Real(v, t) => Cell::Real(*v, t.as_bytes()),
            Value::Text(t) => Cell::Text(t),
            Value::Blob(b) => Cell::Blob(b),
        }
    }

    /// Reads a value typed by a user (`--param`, `.param set`, `.run NAME k=v`) the way
    /// DESIGN.md's parameter rule says: a value that is exactly one SQL literal — an
    /// integer, a real, a '…' string, an X'…' blob, NULL, TRUE or FALSE (SQLite's 1 and 0,
    /// as sqlite3 binds them) — is that literal; anything else (`2021-03-01`, `KZ`, `a b`)
    /// is text, verbatim. Nothing is ever evaluated as SQL, so `2021-03-01` stays a date
    /// and not the number 2017, and `CURRENT_DATE` stays those letters.
    pub fn from_literal(typed: &str) -> Value {
        let t = typed.trim();
        if t.eq_ignore_ascii_case("null") {
            return Value::Null;
        }
        if t.eq_ignore_ascii_case("true") {
            return Value::Integer(1);
        }
        if t.eq_ignore_ascii_case("false") {
            return Value::Integer(0);
        }
        if let Some(v) = integer_literal(t) {
            return Value::Integer(v);
        }
        if is_real_literal(t)
            && let Ok(v) = t.replace('_', "").parse::<f64>()
        {
            return Value::real(v);
        }
        if let Some(s) = string_literal(t) {
            return Value::text(s);
        }
        if let Some(b) = blob_literal_value(t) {
            return Value::Blob(b.into());
        }
        Value::text(typed)
    }

    /// The value as an SQL literal: `NULL`, `12`, `0.5`, `'it''s'`, `X'0aff'`.
    pub fn literal(&self) -> String {
        let mut out = Vec::new();
        sql_literal(&mut out, &self.cell(), false, false);
        String::from_utf8_lossy(&out).into_owned()
    }

    /// The SQL type name of the value, as `typeof()` gives it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Integer(_) => "integer",
            Value::Real(..) => "real",
            Value::Text(_) => "text",
            Value::Blob(_) => "blob",
        }
    }
}

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Integer(v)
    }
}

impl From<&str> for Value {
    fn from(t: &str) -> Value {
        Value::text(t)
    }
}

impl From<String> for Value {
    fn from(t: String) -> Value {
        Value::Text(t.into_bytes().into())
    }
}

/// `12`, `-7`, `+3`, `0x1F` (as SQLite reads hex), with `_` digit separators; None when it
/// is not an integer literal or does not fit in 64 bits (then it is read as a real).
fn integer_literal(t: &str) -> Option<i64> {
    let (neg, digits) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    if let Some(hex) = digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        if hex.is_empty() || hex.len() > 16 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        // SQLite reads a hex literal as the 64-bit pattern it spells.
        let v = u64::from_str_radix(hex, 16).ok()? as i64;
        return Some(if neg { v.wrapping_neg() } else { v });
    }
    if !is_digits(digits) {
        return None;
    }
    let plain = digits.replace('_', "");
    let v: i128 = plain.parse().ok()?;
    let v = if neg { -v } else { v };
    i64::try_from(v).ok()
}

/// Digits with single `_` separators between them (SQLite 3.46+).
fn is_digits(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('_')
        && !s.ends_with('_')
        && !s.contains("__")
        && s.bytes().all(|b| b.is_ascii_digit() || b == b'_')
}

/// `1.5`, `.5`, `5.`, `1e10`, `-2.5E-3`, and integers too large for 64 bits.
fn is_real_literal(t: &str) -> bool {
    let body = t.strip_prefix(['-', '+']).unwrap_or(t);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let int_ok = int.is_empty() || is_digits(int);
    let frac_ok = frac.is_none_or(|f| f.is_empty() || is_digits(f));
    let has_digits = !int.is_empty() || frac.is_some_and(|f| !f.is_empty());
    let exp_ok = exponent.is_none_or(|e| is_digits(e.strip_prefix(['-', '+']).unwrap_or(e)));
    int_ok && frac_ok && has_digits && exp_ok
}

/// The text of a '…' literal with doubled quotes undone; None unless `t` is exactly one.
fn string_literal(t: &str) -> Option<String> {
    let inner = t.strip_prefix('\'')?.strip_suffix('\'')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\'' {
            // Inside, a quote must be doubled; a lone one means `t` is not one literal.
            if chars.next() != Some('\'') {
                return None;
            }
        }
        out.push(c);
    }
    Some(out)
}

fn blob_literal_value(t: &str) -> Option<Vec<u8>> {
    let hex = t
        .strip_prefix(['x', 'X'])?
        .strip_prefix('\'')?
        .strip_suffix('\'')?;
    if hex.len() % 2 != 0 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).ok())
        .collect()
}

/// The sqlite3 shell passes values around as C strings, so text stops at its first NUL.
pub fn c_text(bytes: &[u8]) -> &[u8] {
    match bytes.iter().position(|&b| b == 0) {
        Some(i) => &bytes[..i],
        None => bytes,
    }
}

/// The shell's text of a value (`sqlite3_column_text`), or None for NULL. Integers are
/// formatted here rather than converted by SQLite: the digits are the same, without a
/// second conversion.
pub fn value_text<'a>(cell: &Cell<'a>, scratch: &'a mut itoa::Buffer) -> Option<&'a [u8]> {
    match *cell {
        Cell::Null => None,
        Cell::Integer(v) => Some(scratch.format(v).as_bytes()),
        Cell::Real(_, t) | Cell::Text(t) | Cell::Blob(t) => Some(c_text(t)),
    }
}

/// `'text'` with quotes doubled, as the shell's quote mode writes strings.
pub fn quoted(out: &mut Vec<u8>, t: &[u8]) {
    out.push(b'\'');
    for &b in t {
        if b == b'\'' {
            out.push(b'\'');
        }
        out.push(b);
    }
    out.push(b'\'');
}

/// insert mode's strings: as `quoted`, but newlines and carriage returns are written as
/// escape sequences undone by `replace(..., char(10))`, so that each INSERT stays on one line.
fn quoted_escaped(out: &mut Vec<u8>, t: &[u8]) {
    let has_nl = t.contains(&b'\n');
    let has_cr = t.contains(&b'\r');
    if !has_nl && !has_cr {
        return quoted(out, t);
    }
    let nl = has_nl.then(|| unused_marker(t, "\\n", "\\012"));
    let cr = has_cr.then(|| unused_marker(t, "\\r", "\\015"));
    if nl.is_some() {
        out.extend_from_slice(b"replace(");
    }
    if cr.is_some() {
        out.extend_from_slice(b"replace(");
    }
    out.push(b'\'');
    for &b in t {
        match b {
            b'\'' => out.extend_from_slice(b"''"),
            b'\n' => out.extend_from_slice(nl.as_deref().unwrap_or("").as_bytes()),
            b'\r' => out.extend_from_slice(cr.as_deref().unwrap_or("").as_bytes()),
            _ => out.push(b),
        }
    }
    out.push(b'\'');
    if let Some(cr) = &cr {
        out.extend_from_slice(format!(",'{cr}',char(13))").as_bytes());
    }
    if let Some(nl) = &nl {
        out.extend_from_slice(format!(",'{nl}',char(10))").as_bytes());
    }
}

/// A marker for a control character that does not already occur in the text.
fn unused_marker(t: &[u8], a: &str, b: &str) -> String {
    let occurs = |m: &str| t.windows(m.len()).any(|w| w == m.as_bytes());
    if !occurs(a) {
        return a.into();
    }
    if !occurs(b) {
        return b.into();
    }
    (0u64..)
        .map(|i| format!("({a}{i})"))
        .find(|m| !occurs(m))
        .unwrap_or_default()
}

/// `X'0aff'`.
pub fn blob_literal(out: &mut Vec<u8>, b: &[u8]) {
    out.extend_from_slice(b"X'");
    hex(out, b);
    out.push(b'\'');
}

/// Lower-case hex digits of `b`.
pub fn hex(out: &mut Vec<u8>, b: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for byte in b {
        out.push(DIGITS[usize::from(byte >> 4)]);
        out.push(DIGITS[usize::from(byte & 15)]);
    }
}

/// A value as an SQL literal, as the shell's quote (`escape_newlines` false) and insert
/// (`escape_newlines` and `integral_reals` true) modes write it.
pub fn sql_literal(out: &mut Vec<u8>, cell: &Cell, escape_newlines: bool, integral_reals: bool) {
    match *cell {
        Cell::Null => out.extend_from_slice(b"NULL"),
        Cell::Integer(v) => out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes()),
        Cell::Real(v, _) => out.extend_from_slice(real_literal(v, integral_reals).as_bytes()),
        Cell::Text(t) if escape_newlines => quoted_escaped(out, c_text(t)),
        Cell::Text(t) => quoted(out, c_text(t)),
        Cell::Blob(b) => blob_literal(out, b),
    }
}

/// insert mode writes integral reals as `N.0` and infinities as `1e999`; quote mode always
/// uses `%!.20g` (sqlite3's rule, so the value reads back exactly).
fn real_literal(v: f64, integral_reals: bool) -> String {
    if integral_reals {
        if v == f64::INFINITY {
            return "1e999".into();
        }
        if v == f64::NEG_INFINITY {
            return "-1e999".into();
        }
        // 2^63: beyond it a C cast to int64 does not round-trip.
        if v.fract() == 0.0 && v.abs() < 9.223_372_036_854_776e18 {
            return format!("{}.0", v as i64);
        }
    }
    format_real(c"%!.20g", v)
}

/// An identifier as the shell writes it: bare when it can be, else in double quotes.
pub fn identifier(name: &str) -> String {
    if needs_quoting(name) {
        format!("\"{}\"", name.replace('"', "\"\""))
    } else {
        name.to_string()
    }
}

/// A string as an SQL literal, for building internal queries.
pub fn sql_string(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// `1234567` → `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Hex of a blob as a string, for JSON.
pub fn hex_string(b: &[u8]) -> String {
    let mut out = Vec::with_capacity(b.len() * 2);
    hex(&mut out, b);
    String::from_utf8_lossy(&out).into_owned()
}

/// Appends `args` formatted to a byte buffer.
pub fn push_fmt(out: &mut Vec<u8>, args: std::fmt::Arguments) {
    let mut s = String::new();
    let _ = s.write_fmt(args);
    out.extend_from_slice(s.as_bytes());
}

/// A real formatted by SQLite's own printf, e.g. `%!.15g`; `format` must take one double.
pub fn format_real(format: &CStr, v: f64) -> String {
    let mut buf = [0u8; 64];
    // SAFETY: the buffer holds 64 bytes and SQLite writes at most that many including the
    // NUL; every format passed takes exactly one double.
    unsafe {
        ffi::sqlite3_snprintf(64, buf.as_mut_ptr().cast(), format.as_ptr(), v);
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    String::from_utf8_lossy(&buf[..end]).into_owned()
}

/// SQLite's own text of a real, as `sqlite3_column_text` gives it (`%!.17g` with the
/// connection's default of 17 significant digits, SQLite 3.47+).
pub fn real_text(v: f64) -> String {
    format_real(c"%!.17g", v)
}

/// True when SQLite would need `name` quoted as an identifier: not a plain
/// `[A-Za-z_][A-Za-z0-9_]*` word, or a keyword.
pub fn needs_quoting(name: &str) -> bool {
    let mut chars = name.chars();
    let plain = match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => {
            chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        }
        _ => false,
    };
    if !plain {
        return true;
    }
    // SAFETY: `name` is valid for `len` bytes; keyword_check only reads them.
    unsafe { ffi::sqlite3_keyword_check(name.as_ptr().cast(), name.len() as c_int) != 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(t: &str) -> Value {
        Value::from_literal(t)
    }

    #[test]
    fn one_literal_binds_as_that_literal() {
        assert_eq!(lit("2021"), Value::Integer(2021));
        assert_eq!(lit("-7"), Value::Integer(-7));
        assert_eq!(lit(" 12 "), Value::Integer(12));
        assert_eq!(lit("0x10"), Value::Integer(16));
        assert_eq!(lit("1_000"), Value::Integer(1000));
        assert_eq!(lit("2.5"), Value::real(2.5));
        assert_eq!(lit(".5"), Value::real(0.5));
        assert_eq!(lit("1e3"), Value::real(1000.0));
        assert_eq!(lit("99999999999999999999"), Value::real(1e20));
        assert_eq!(lit("'2021'"), Value::text("2021"));
        assert_eq!(lit("'it''s'"), Value::text("it's"));
        assert_eq!(lit("X'0aff'"), Value::Blob(vec![0x0a, 0xff].into()));
        assert_eq!(lit("null"), Value::Null);
        // sqlite3 binds TRUE as 1: `is_plan = :p` with p=TRUE must match the 1s, not
        // silently match nothing against the text 'TRUE'.
        assert_eq!(lit("TRUE"), Value::Integer(1));
        assert_eq!(lit(" false "), Value::Integer(0));
    }

    #[test]
    fn anything_else_binds_as_text_verbatim() {
        for t in [
            "2021-03-01",
            "10:30",
            "KZ",
            "CN-37",
            "a b",
            "'a' || 'b'",
            "1+1",
            "'unclosed",
            "'a'b'",
            "x'0'",
            "1e",
            "--1",
            "",
            "1;END;END",
            "CURRENT_DATE",
            "truest",
        ] {
            assert_eq!(lit(t), Value::text(t), "{t:?}");
        }
    }

    #[test]
    fn literals_read_back_as_sql() {
        assert_eq!(Value::text("it's").literal(), "'it''s'");
        assert_eq!(Value::Blob(vec![1, 171].into()).literal(), "X'01ab'");
        assert_eq!(Value::Null.literal(), "NULL");
    }

    #[test]
    fn thousands_groups_digits_by_three() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
