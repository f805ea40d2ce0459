//! File names completed as dot-command arguments, written the way `dot::tokenize` reads
//! them back: the editor's completer escapes a space as `\ `, but a dot-command's arguments
//! split on whitespace before escapes are read (as in sqlite3), so a name with whitespace
//! is given in double quotes instead; inside quotes, a completed file closes them.

use rustyline::completion::{FilenameCompleter, Pair};

/// The completions of the file name that ends at `pos` in `line` (a dot-command's file
/// argument): where the replaced text starts, and the candidates.
pub(super) fn complete(files: &FilenameCompleter, line: &str, pos: usize) -> (usize, Vec<Pair>) {
    let (start, pairs) = files.complete_path(line, pos).unwrap_or((pos, Vec::new()));
    let quote = open_quote(&line[..pos]);
    let pairs = pairs
        .into_iter()
        .map(|mut p| match quote {
            None => quoted_path(p),
            Some(q) => {
                if !p.replacement.ends_with('/') {
                    p.replacement.push(q);
                }
                p
            }
        })
        .collect();
    (start, pairs)
}

/// The quote `text` ends inside of, when it ends inside a quoted dot-command argument: one
/// that began with `'` or `"` (a quote opens an argument only at its start, as
/// `dot::tokenize` reads it) and is not closed; inside `"..."`, a backslash escapes the
/// next character.
fn open_quote(text: &str) -> Option<char> {
    let mut open: Option<char> = None;
    let mut is_word_start = true;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match open {
            Some('"') if c == '\\' => {
                chars.next();
            }
            Some(q) if c == q => open = None,
            Some(_) => {}
            None if is_word_start && (c == '"' || c == '\'') => open = Some(c),
            None => {}
        }
        is_word_start = open.is_none() && c.is_whitespace();
    }
    open
}

/// A file name completed outside quotes, as a dot-command reads it back: as it is, or,
/// when it holds whitespace, `"..."` with `\` and `"` escaped, left open after a
/// directory so that completion can go on inside the quotes.
fn quoted_path(p: Pair) -> Pair {
    let path = rustyline::completion::unescape(&p.replacement, Some('\\')).into_owned();
    if !path.contains(char::is_whitespace) {
        return p;
    }
    let mut replacement = format!("\"{}", path.replace('\\', "\\\\").replace('"', "\\\""));
    if !path.ends_with('/') {
        replacement.push('"');
    }
    Pair {
        display: p.display,
        replacement,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dot;

    fn pair(display: &str, replacement: &str) -> Pair {
        Pair {
            display: display.into(),
            replacement: replacement.into(),
        }
    }

    #[test]
    fn a_quote_opens_an_argument_only_at_its_start() {
        assert_eq!(open_quote(".read \"dir with"), Some('"'));
        assert_eq!(open_quote(".read 'a b"), Some('\''));
        assert_eq!(open_quote(".read \"a b\" "), None);
        assert_eq!(open_quote(".read it's"), None);
        assert_eq!(open_quote(".read \"a\\\" b"), Some('"'));
    }

    #[test]
    fn a_completed_file_name_with_spaces_is_one_quoted_argument() {
        let quoted = |r: &str| quoted_path(pair("x", r)).replacement;
        assert_eq!(quoted("plain.sql"), "plain.sql");
        assert_eq!(quoted("it\\'s.sql"), "it\\'s.sql");
        assert_eq!(quoted("dir\\ with\\ space/"), "\"dir with space/");
        assert_eq!(quoted("a\\ \\\"b\\\".sql"), "\"a \\\"b\\\".sql\"");
        let file = "\"a \\\"b\\\".sql\"";
        assert_eq!(
            dot::tokenize(&format!("read {file}")),
            ["read", "a \"b\".sql"]
        );
    }
}
