//! What a drawn cell is, for fitting a table to the terminal: a number, a date, a key, or
//! free text. Only free text may be shortened; the other kinds are drawn whole or their
//! column is left out (`fit.rs` decides which). A date or a key is recognised by its shape
//! or its column's name, since SQLite types both as TEXT.

/// What a cell is, for fitting: everything but [`Kind::Text`] is rigid (drawn whole or not
/// at all).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A cell SQLite typed INTEGER or REAL, as drawn.
    Number,
    /// A text cell that [`looks_like_date`].
    Date,
    /// Any value of a column [`is_key_column`] names, and markers that must stay whole
    /// (NULL's text).
    Key,
    /// Free text: the only kind that may be shortened.
    Text,
}

impl Kind {
    /// The kind of one cell: `number` when SQLite typed it INTEGER or REAL, `key_column`
    /// when its column's name [`is_key_column`], `text` as it will be drawn.
    pub fn of(number: bool, key_column: bool, text: &str) -> Kind {
        if number {
            Kind::Number
        } else if key_column {
            Kind::Key
        } else if looks_like_date(text) {
            Kind::Date
        } else {
            Kind::Text
        }
    }

    /// Whether a cell of this kind must be drawn whole.
    pub fn is_rigid(self) -> bool {
        self != Kind::Text
    }
}

/// Whether a column of this name holds keys, codes or periods, every value of which must be
/// read whole: `ref`, `id`, `*_id`, `sourceId`, `source_id`, `country_code`, `period`,
/// `prior_period`, lists of years (`.summarize`'s `years`, `missing_years`: a cut
/// `2018–…` reads as "from 2018 on"), units (`unit`, `unit_base`), which a figure is
/// wrong without, and the dataset's codes for what a figure counts (`metric`, `basis`,
/// `scope`, `series_scope`, and `.summarize`'s `bases` and `scopes`, which list years): a
/// cut `internation…` could be either of two counting bases.
pub fn is_key_column(name: &str) -> bool {
    const LAST: [&str; 17] = [
        "id", "ids", "ref", "key", "code", "period", "years", "unit", "uuid", "guid", "rowid",
        "oid", "metric", "basis", "scope", "bases", "scopes",
    ];
    let words = name_words(name);
    let first = words.first().map(String::as_str);
    let last = words.last().map(String::as_str);
    last.is_some_and(|w| LAST.contains(&w)) || matches!(first, Some("unit" | "units"))
}

/// A column name's words, lowercase: split at anything not a letter or digit and where a
/// lowercase letter meets an uppercase one (`sourceId`, `sourceID`).
fn name_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut lower_before = false;
    for c in name.chars() {
        if !c.is_alphanumeric() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            lower_before = false;
            continue;
        }
        if c.is_uppercase() && lower_before && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        lower_before = c.is_lowercase() || c.is_numeric();
        word.extend(c.to_lowercase());
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Whether `text` is a date, a period or a timestamp as datasets write them, and so must be
/// shown whole: `2020`, `2022-07`, `2022-02-18`, `2022-02-18 10:00:00` (or with `T` and a
/// zone), `2023-H1`, `2021 Q1`, `2019 Jan-Jul`, `Jan 2022`, ranges of these joined by `/`,
/// ` to `, `-` or an en dash (`2019-05-13/2019-05-15`, `2022-07/11`, `2020 to 2022-02`), and
/// any of them after `as of`, `to`, `since`, `from`, `until`, `by`, `before`, `after` or
/// `about`. Years run 1000–2999; months and days are checked.
///
/// Every word must belong to a date, so free text that merely mentions one (`2022 exports`,
/// `since construction to 2022-08`) stays text, and what is called a date is at most a few
/// dozen columns wide: calling text a date wrongly can only keep a short cell whole.
pub fn looks_like_date(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() || text.len() > 64 {
        return false;
    }
    const LEADS: [&str; 9] = [
        "as of ", "to ", "since ", "from ", "until ", "by ", "before ", "after ", "about ",
    ];
    let body = LEADS
        .iter()
        .find_map(|lead| {
            text.get(..lead.len())
                .filter(|head| head.eq_ignore_ascii_case(lead))
                .map(|_| &text[lead.len()..])
        })
        .unwrap_or(text);
    date_range(body).is_some_and(str::is_empty)
}

/// A point, or two joined into a range; returns what follows.
fn date_range(s: &str) -> Option<&str> {
    let rest = date_point(s)?;
    // `2022-07/11`, `2019-05-13/15`: an ISO interval may shorten its end.
    if let Some(end) = rest.strip_prefix('/')
        && let Some(after) = date_point(end).or_else(|| short_end(end))
        && after.is_empty()
    {
        return Some(after);
    }
    for joint in [
        " to ", " until ", " - ", " – ", " — ", "–", "—", "-", "/", " / ",
    ] {
        if let Some(after) = rest.strip_prefix(joint).and_then(date_point)
            && after.is_empty()
        {
            return Some(after);
        }
    }
    Some(rest)
}

/// One date, month, half, quarter or year; returns what follows.
fn date_point(s: &str) -> Option<&str> {
    if let Some(after) = month_name(s)
        .or_else(|| half_or_quarter(s))
        .and_then(|r| r.strip_prefix(' '))
        .and_then(year)
    {
        return Some(after);
    }
    let after_year = year(s)?;
    if let Some(after_month) = after_year
        .strip_prefix('-')
        .and_then(|r| two_digits(r, 1, 12))
    {
        return Some(
            match after_month
                .strip_prefix('-')
                .and_then(|r| two_digits(r, 1, 31))
            {
                Some(after_day) => clock(after_day).unwrap_or(after_day),
                None => after_month,
            },
        );
    }
    if let Some(r) = after_year.strip_prefix([' ', '-']) {
        if let Some(after) = half_or_quarter(r) {
            return Some(after);
        }
        if let Some(after) = month_name(r) {
            return Some(
                after
                    .strip_prefix('-')
                    .and_then(month_name)
                    .unwrap_or(after),
            );
        }
    }
    Some(after_year)
}

/// `1000`–`2999`, not followed by a letter or digit.
fn year(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let ok = b.len() >= 4
        && (b'1'..=b'2').contains(&b[0])
        && b[1..4].iter().all(u8::is_ascii_digit)
        && b.get(4).is_none_or(|c| !c.is_ascii_alphanumeric());
    ok.then(|| &s[4..])
}

/// Two digits from `low` to `high`, not followed by a digit.
fn two_digits(s: &str, low: u32, high: u32) -> Option<&str> {
    let b = s.as_bytes();
    if b.len() < 2
        || !b[..2].iter().all(u8::is_ascii_digit)
        || b.get(2).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let n = u32::from(b[0] - b'0') * 10 + u32::from(b[1] - b'0');
    (low..=high).contains(&n).then(|| &s[2..])
}

/// The shortened end of an ISO interval: `11` (a month or day) or `05-15`.
fn short_end(s: &str) -> Option<&str> {
    let after = two_digits(s, 1, 31)?;
    Some(
        after
            .strip_prefix('-')
            .and_then(|r| two_digits(r, 1, 31))
            .unwrap_or(after),
    )
}

/// ` 10:00`, `T10:00:00`, `T10:00:00.5Z`, ` 10:00:00+08:00`.
fn clock(s: &str) -> Option<&str> {
    let r = s.strip_prefix([' ', 'T'])?;
    let r = two_digits(r, 0, 24)?.strip_prefix(':')?;
    let mut r = two_digits(r, 0, 59)?;
    if let Some(seconds) = r.strip_prefix(':').and_then(|x| two_digits(x, 0, 60)) {
        r = seconds;
        if let Some(fraction) = r.strip_prefix('.') {
            let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0 {
                r = &fraction[digits..];
            }
        }
    }
    if let Some(z) = r.strip_prefix('Z') {
        return Some(z);
    }
    if let Some(hours) = r
        .strip_prefix(['+', '-'])
        .and_then(|x| two_digits(x, 0, 14))
    {
        let minutes = hours.strip_prefix(':').unwrap_or(hours);
        return Some(two_digits(minutes, 0, 59).unwrap_or(hours));
    }
    Some(r)
}

/// `H1`, `H2`, `Q1`–`Q4`, not followed by a letter or digit.
fn half_or_quarter(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let ok = b.len() >= 2
        && match b[0].to_ascii_uppercase() {
            b'H' => (b'1'..=b'2').contains(&b[1]),
            b'Q' => (b'1'..=b'4').contains(&b[1]),
            _ => false,
        }
        && b.get(2).is_none_or(|c| !c.is_ascii_alphanumeric());
    ok.then(|| &s[2..])
}

/// An English month, full or in three letters (`Sept` too), not followed by a letter.
fn month_name(s: &str) -> Option<&str> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let candidates = MONTHS
        .iter()
        .flat_map(|m| [*m, &m[..3]])
        .chain(std::iter::once("sept"));
    let mut best: Option<&str> = None;
    for name in candidates {
        if let Some(after) = s
            .get(..name.len())
            .filter(|head| head.eq_ignore_ascii_case(name))
            .map(|_| &s[name.len()..])
            && !after.starts_with(|c: char| c.is_alphabetic())
            && best.is_none_or(|b| after.len() < b.len())
        {
            best = Some(after);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn key_columns_are_named_like_keys() {
        for name in [
            "ref",
            "id",
            "ID",
            "source_id",
            "sourceId",
            "sourceID",
            "prior_source_id",
            "period",
            "prior_period",
            "country_code",
            "unit",
            "unit_base",
            "amount_unit",
            "rowid",
            "_rowid_",
            "uuid",
            "key",
            "prior_ref",
            "metric",
            "basis",
            "scope",
            "series_scope",
            "bases",
            "scopes",
        ] {
            assert!(is_key_column(name), "{name}");
        }
        for name in [
            "subject",
            "metric_series",
            "value",
            "value_base",
            "valid",
            "paid",
            "identity",
            "period_start",
            "note",
            "reference",
            "width",
            "",
        ] {
            assert!(!is_key_column(name), "{name}");
        }
    }

    #[test]
    fn dates_are_the_shapes_datasets_write() {
        for text in [
            "2020",
            "2022-07",
            "2023-H1",
            "2023 H1",
            "2021 Q1",
            "H1 2023",
            "2022-02-18",
            "2019-05-13/2019-05-15",
            "2019-05-13/15",
            "2022-07/11",
            "2022-02-18 10:00:00",
            "2022-02-18 10:00",
            "2022-02-18T10:00:00Z",
            "2022-02-18T10:00:00.123+08:00",
            "2019 Jan-Jul",
            "Jan 2022",
            "September 2022",
            "2019-05-24 to 2019-05-26",
            "2020 to 2022-02",
            "2018-06 to 2025-12",
            "2019–2020",
            "2019-2020",
            "as of 2022-02",
            "as of 2022-07/11",
            "to 2022",
            " 2022 ",
        ] {
            assert!(looks_like_date(text), "{text}");
        }
        for text in [
            "",
            "n.d.",
            "n.d. (about 2019)",
            "since construction to 2022-08-17",
            "five years to 2024-07",
            "12",
            "202",
            "20200",
            "0999",
            "3000",
            "2022-13",
            "2022-02-30x",
            "2022-02-32",
            "2022 exports",
            "in 2022",
            "2022年",
            "Qingdao",
            "2022-555-0199",
            "1.5",
            "10:00",
            "March",
            "2022-02-18 and after",
        ] {
            assert!(!looks_like_date(text), "{text}");
        }
    }

    #[test]
    fn a_cell_is_a_number_a_key_a_date_or_text_in_that_order() {
        assert_eq!(Kind::of(true, true, "12"), Kind::Number);
        assert_eq!(Kind::of(false, true, "a long key"), Kind::Key);
        assert_eq!(Kind::of(false, false, "2022-02"), Kind::Date);
        assert_eq!(Kind::of(false, false, "2022 exports"), Kind::Text);
        assert!(!Kind::Text.is_rigid());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn dates_need_a_year(text in "[a-zA-Z0-9 :/-]{0,30}") {
            let year = text.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
            prop_assert!(year || !looks_like_date(&text));
        }

        #[test]
        fn written_dates_are_dates(
            y in 1000u32..3000, m in 1u32..13, d in 1u32..32, h in 0u32..24, min in 0u32..60,
            shape in 0usize..6,
        ) {
            let text = match shape {
                0 => format!("{y}"),
                1 => format!("{y}-{m:02}"),
                2 => format!("{y}-{m:02}-{d:02}"),
                3 => format!("{y}-{m:02}-{d:02} {h:02}:{min:02}:00"),
                4 => format!("{y}-{m:02}-{d:02}/{y}-{m:02}-{d:02}"),
                _ => format!("as of {y}-{m:02}"),
            };
            prop_assert!(looks_like_date(&text), "{}", text);
        }
    }
}
