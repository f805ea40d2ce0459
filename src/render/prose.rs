//! Text that is not a table, laid out for the terminal: paragraphs and `label  text` lines
//! wrapped at word boundaries, and one record drawn vertically. A word is never broken: one
//! too long for its column (an address) gets a line of its own, whole, so it can be read
//! and copied as it is. Control characters in the text are shown as pictures.

use super::fit::display_width;
use crate::visible::visible;

/// `label`, then `text` wrapped at word boundaries in a column `indent` columns from the
/// left of a `width`-column terminal: the first line beside `label` (below it when
/// `label` reaches the column), the others under it. Newlines in `text` start a new line
/// in the column. A word too long for the column starts a line of its own at the left
/// edge; one wider than the terminal is still written whole. Ends with a newline.
pub fn hanging(label: &str, indent: usize, text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = label.to_string();
    let mut used = display_width(label);
    for (i, paragraph) in text.split('\n').enumerate() {
        let mut has_word = false;
        if i > 0 {
            flush(&mut out, &mut line, &mut used);
        }
        for word in paragraph.split_whitespace() {
            let word = &*visible(word);
            let w = display_width(word);
            if has_word && used + 1 + w <= width {
                line.push(' ');
                line.push_str(word);
                used += 1 + w;
                continue;
            }
            let start = if indent + w <= width { indent } else { 0 };
            // A label that does not end in a space keeps one between it and the text.
            let gap = usize::from(!line.is_empty() && !line.ends_with(' '));
            if has_word || used + gap > start || (used > 0 && start == 0) {
                flush(&mut out, &mut line, &mut used);
            }
            line.extend(std::iter::repeat_n(' ', start - used));
            line.push_str(word);
            used = start + w;
            has_word = true;
        }
    }
    flush(&mut out, &mut line, &mut used);
    out
}

fn flush(out: &mut String, line: &mut String, used: &mut usize) {
    out.push_str(line.trim_end());
    out.push('\n');
    line.clear();
    *used = 0;
}

/// `text` wrapped at word boundaries to `width` columns, line by line: a line's leading
/// spaces stay as the indent of every line it wraps into; empty lines stay.
pub fn paragraphs(text: &str, width: usize) -> String {
    text.lines()
        .map(|line| {
            let body = line.trim_start();
            let indent = line.len() - body.len();
            hanging(&line[..indent], indent, body, width)
        })
        .collect()
}

/// One record, one `name = value` line a field, names right-aligned as sqlite3's line mode
/// writes them, each value wrapped in its own column and never cut.
pub fn record(names: &[String], values: &[String], width: usize) -> String {
    let name_width = names.iter().map(|n| display_width(n)).max().unwrap_or(0);
    names
        .iter()
        .zip(values)
        .map(|(name, value)| {
            let pad = " ".repeat(name_width - display_width(name));
            hanging(&format!("{pad}{name} = "), name_width + 3, value, width)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn text_wraps_beside_its_label_and_under_itself() {
        assert_eq!(
            hanging(
                ".help [CMD]",
                14,
                "This list, or the help of one command",
                30
            ),
            ".help [CMD]   This list, or\n              the help of one\n              command\n"
        );
        assert_eq!(
            hanging(".a-long-usage", 4, "Its help", 30),
            ".a-long-usage\n    Its help\n"
        );
        assert_eq!(hanging("label", 8, "", 30), "label\n");
    }

    #[test]
    fn a_word_too_long_for_the_column_gets_a_line_of_its_own_whole() {
        let url = "https://example.com/a/rather/long/address.htm";
        assert_eq!(hanging("url = ", 6, url, 40), format!("url =\n{url}\n"),);
        assert_eq!(
            hanging("x = ", 4, &format!("see {url} now"), 30),
            format!("x = see\n{url}\n    now\n"),
        );
    }

    #[test]
    fn paragraphs_keep_their_indent_and_blank_lines() {
        assert_eq!(
            paragraphs("one two three\n\n    four five six", 10),
            "one two\nthree\n\n    four\n    five\n    six\n"
        );
    }

    #[test]
    fn a_record_aligns_its_names_and_wraps_its_values() {
        let names = vec!["id".to_string(), "title".to_string()];
        let values = vec!["S01".to_string(), "Qingdao zone on the rise".to_string()];
        assert_eq!(
            record(&names, &values, 20),
            "   id = S01\ntitle = Qingdao zone\n        on the rise\n"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn wrapping_keeps_every_word_whole_and_in_order(
            label in "[a-z ]{0,12}",
            indent in 0usize..16,
            text in "[a-z中 \n]{0,20}( [a-z]{20,50})?[a-z ]{0,20}",
            width in 20usize..60,
        ) {
            let out = hanging(&label, indent, &text, width);
            let words: Vec<&str> = out.split_whitespace().collect();
            let expected: Vec<&str> =
                label.split_whitespace().chain(text.split_whitespace()).collect();
            prop_assert_eq!(words, expected);
            for line in out.lines() {
                let long_word = line.split_whitespace().count() == 1
                    && display_width(line.trim()) > width.saturating_sub(indent);
                prop_assert!(display_width(line) <= width.max(display_width(&label)) || long_word, "{:?}", out);
            }
        }
    }
}
