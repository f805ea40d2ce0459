//! How numbers read in the table modes (table, box, markdown): reals to at most 15
//! significant digits, and `.numbers plain|grouped|short`. The machine modes (list, csv,
//! tabs, line, quote, insert, json) never come here: they print SQLite's own text.

use clap::ValueEnum;

/// How a table draws its numbers: `.numbers` and `--numbers`. Each variant's doc comment
/// is its help line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Numbers {
    /// Digits as SQLite writes them (reals to 15 significant digits)
    Plain,
    /// Thousands separators where a column reaches 6 integer digits (default)
    Grouped,
    /// Millions and more in words: 128.8 billion, 4.19 million
    Short,
}

impl Numbers {
    pub fn all() -> &'static [Numbers] {
        Numbers::value_variants()
    }

    /// The name as typed (`plain`, `grouped`, `short`).
    pub fn name(self) -> String {
        self.to_possible_value()
            .map(|v| v.get_name().to_string())
            .unwrap_or_default()
    }

    /// The one-line help of the style (its doc comment).
    pub fn help(self) -> String {
        self.to_possible_value()
            .and_then(|v| v.get_help().map(|h| h.to_string()))
            .unwrap_or_default()
    }

    /// The style named `name` (any case).
    pub fn parse(name: &str) -> Option<Numbers> {
        <Numbers as ValueEnum>::from_str(name, true).ok()
    }
}

/// The fewest integer digits that make a column grouped: below it years (`2021`) and
/// counts (`46`, `7657.7`) read well as they are.
pub const GROUP_FROM: usize = 6;

/// Appends a real as a table draws it: SQLite's own rendering (`%!.15g`) with at most 15
/// significant digits, so `0.1 + 0.2` reads `0.3` and `54.862842892768072` reads
/// `54.8628428927681`. `sqlite` is SQLite's 17-digit text of `v`, reused when it already
/// has 15 digits or fewer (then both renderings are the same text), which spares a second
/// conversion for most reals.
pub fn push_real(out: &mut String, v: f64, sqlite: &[u8]) {
    match std::str::from_utf8(sqlite) {
        Ok(text) if fits_15(text) => out.push_str(text),
        _ => out.push_str(&crate::value::format_real(c"%!.15g", v)),
    }
}

/// Whether `%!.17g` text reads the same at 15 digits: at most 15 significant digits, and
/// not an exponent of 15 or 16, where `%g` switches to exponent form at 15 digits but not
/// at 17.
fn fits_15(text: &str) -> bool {
    let (mantissa, exponent) = match text.split_once('e') {
        Some((m, _)) => (m, true),
        None => (text, false),
    };
    let digits = mantissa.as_bytes();
    let first = digits.iter().position(|d| (b'1'..=b'9').contains(d));
    let last = digits.iter().rposition(|d| (b'1'..=b'9').contains(d));
    let count = match (first, last) {
        (Some(f), Some(l)) => digits[f..=l].iter().filter(|d| d.is_ascii_digit()).count(),
        _ => 0,
    };
    count <= 15 && (exponent || integer_digits(text) <= 15)
}

/// Digits before the decimal point of a number as drawn (`-1234.5` → 4); 0 for text that
/// is not a plain number (`1.0e+20`, `Inf`), which is never grouped.
pub fn integer_digits(text: &str) -> usize {
    let bytes = text.as_bytes();
    let body = bytes.strip_prefix(b"-").unwrap_or(bytes);
    let n = body.iter().take_while(|b| b.is_ascii_digit()).count();
    match body.get(n) {
        None => n,
        Some(b'.') if !body[n..].contains(&b'e') => n,
        Some(_) => 0,
    }
}

/// Appends `text` (a number as drawn) with a `,` between each three digits of its integer
/// part: `-1234567.5` → `-1,234,567.5`. Text that is not a plain number is appended as it is.
pub fn push_grouped(out: &mut String, text: &str) {
    let digits = integer_digits(text);
    if digits <= 3 {
        out.push_str(text);
        return;
    }
    let sign = usize::from(text.starts_with('-'));
    let (head, rest) = text[sign..].split_at(digits);
    out.reserve(text.len() + digits / 3);
    out.push_str(&text[..sign]);
    let first = match digits % 3 {
        0 => 3,
        n => n,
    };
    out.push_str(&head[..first]);
    for start in (first..digits).step_by(3) {
        out.push(',');
        out.push_str(&head[start..start + 3]);
    }
    out.push_str(rest);
}

/// Appends `text` (a number as drawn) in words when it is a million or more (and below a
/// thousand trillion): four significant digits at most, `128800000000` → `128.8 billion`,
/// `4190000` → `4.19 million`. Smaller numbers are appended grouped as `grouped` says.
pub fn push_short(out: &mut String, text: &str, grouped: bool) {
    const SCALES: [(f64, &str); 3] = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")];
    let value = text.parse::<f64>().ok().filter(|v| v.is_finite());
    let scale = value.and_then(|v| {
        SCALES
            .iter()
            .position(|&(s, _)| v.abs() >= s)
            .filter(|_| v.abs() < 1e15)
            .map(|i| (v, i))
    });
    let Some((v, mut i)) = scale else {
        if grouped {
            push_grouped(out, text);
        } else {
            out.push_str(text);
        }
        return;
    };
    let mut words = in_four_digits(v / SCALES[i].0);
    // 999.96 million rounds to 1000 million, which reads better as 1 billion.
    if words.trim_start_matches('-').starts_with("1000") && i > 0 {
        i -= 1;
        words = in_four_digits(v / SCALES[i].0);
    }
    out.push_str(&words);
    out.push(' ');
    out.push_str(SCALES[i].1);
}

/// `m` (below 1000 in size) with four significant digits at most, without trailing zeros.
fn in_four_digits(m: f64) -> String {
    let decimals = match m.abs() {
        a if a >= 100.0 => 1,
        a if a >= 10.0 => 2,
        _ => 3,
    };
    let text = format!("{m:.decimals$}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;
    use crate::value::real_text;
    use proptest::prelude::*;

    fn real(v: f64) -> String {
        let mut out = String::new();
        push_real(&mut out, v, real_text(v).as_bytes());
        out
    }

    fn grouped(text: &str) -> String {
        let mut out = String::new();
        push_grouped(&mut out, text);
        out
    }

    fn short(text: &str) -> String {
        let mut out = String::new();
        push_short(&mut out, text, true);
        out
    }

    #[test]
    fn reals_show_at_most_15_significant_digits() {
        assert_eq!(real(0.1 + 0.2), "0.3");
        // The two reals, as SQLite reads their 17-digit text.
        let read = |t: &str| t.parse::<f64>().expect("a real");
        assert_eq!(real(read("54.862842892768072")), "54.8628428927681");
        assert_eq!(real(read("128800000000.00002")), "128800000000.0");
        assert_eq!(real(100.0), "100.0");
        assert_eq!(real(2.5), "2.5");
        assert_eq!(real(-1e-7), "-1.0e-07");
        assert_eq!(real(1e15), "1.0e+15");
        assert_eq!(real(1e300), "1.0e+300");
        assert_eq!(real(123456789012345.0), "123456789012345.0");
    }

    #[test]
    fn grouping_puts_a_comma_between_each_three_integer_digits() {
        assert_eq!(grouped("128800000000"), "128,800,000,000");
        assert_eq!(grouped("-1234567.25"), "-1,234,567.25");
        assert_eq!(grouped("123456"), "123,456");
        assert_eq!(grouped("2021"), "2,021");
        assert_eq!(grouped("1.0e+20"), "1.0e+20");
        assert_eq!(grouped("0.5"), "0.5");
        assert_eq!(integer_digits("-1234.5"), 4);
        assert_eq!(integer_digits("1.0e+20"), 0);
    }

    #[test]
    fn short_writes_millions_and_more_in_words() {
        assert_eq!(short("128800000000"), "128.8 billion");
        assert_eq!(short("4190000"), "4.19 million");
        assert_eq!(short("4190000000.0"), "4.19 billion");
        assert_eq!(short("26500000000"), "26.5 billion");
        assert_eq!(short("-1234567"), "-1.235 million");
        assert_eq!(short("999960000"), "1 billion");
        assert_eq!(short("2000000000000"), "2 trillion");
        assert_eq!(short("999999"), "999,999");
        assert_eq!(short("46"), "46");
        assert_eq!(short("1.0e+20"), "1.0e+20");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn the_shortcut_gives_what_sqlite_gives_at_15_digits(
            v in prop_oneof![
                any::<f64>(),
                (-1e6f64..1e6).prop_map(|v| (v * 100.0).round() / 100.0),
                (0u32..20, 1u64..100).prop_map(|(e, m)| m as f64 * 10f64.powi(e as i32)),
            ],
        ) {
            prop_assert_eq!(real(v), crate::value::format_real(c"%!.15g", v));
        }

        #[test]
        fn grouping_keeps_every_digit_in_order(n in any::<i64>(), frac in 0u32..1000) {
            let text = format!("{n}.{frac}");
            let g = grouped(&text);
            prop_assert_eq!(g.replace(',', ""), text);
        }
    }
}
