//! Highlighting at the prompt: keywords, strings, numbers and comments as the shared SQL
//! lexer (`sqltext`) reads them, the bracket matching the one at the cursor, and a
//! dot-command's name. Control characters are drawn as their pictures (`visible`).

use std::collections::HashSet;

use crate::sqlite;
use crate::sqltext::{self, TokenKind};
use crate::visible::visible;

const KEYWORD: &str = "\x1b[1;34m";
const STRING: &str = "\x1b[32m";
const NUMBER: &str = "\x1b[36m";
const COMMENT: &str = "\x1b[2m";
const BRACKET: &str = "\x1b[1;7m";
const COMMAND: &str = "\x1b[35m";
const RESET: &str = "\x1b[0m";

/// SQLite's keywords, lower-case, looked up once per word.
pub struct Highlight {
    keywords: HashSet<String>,
}

impl Highlight {
    pub fn new() -> Self {
        Highlight {
            keywords: sqlite::keywords()
                .into_iter()
                .map(|k| k.to_ascii_lowercase())
                .collect(),
        }
    }

    /// `line` with colours; the cursor at byte `pos` picks the bracket pair to mark.
    pub fn line(&self, line: &str, pos: usize) -> String {
        if line.trim_start().starts_with('.') {
            let end = line.find(char::is_whitespace).unwrap_or(line.len());
            return format!(
                "{COMMAND}{}{RESET}{}",
                visible(&line[..end]),
                visible(&line[end..])
            );
        }
        let brackets = matching_bracket(line, pos);
        let mut out = String::with_capacity(line.len() * 2);
        for token in sqltext::tokenize(line) {
            let text = &*visible(token.text(line));
            let colour = match token.kind {
                TokenKind::Word if self.keywords.contains(&text.to_ascii_lowercase()) => {
                    Some(KEYWORD)
                }
                TokenKind::String | TokenKind::Blob => Some(STRING),
                TokenKind::Number => Some(NUMBER),
                TokenKind::LineComment | TokenKind::BlockComment => Some(COMMENT),
                TokenKind::Punct
                    if brackets.is_some_and(|(a, b)| token.start == a || token.start == b) =>
                {
                    Some(BRACKET)
                }
                TokenKind::Word
                | TokenKind::Variable
                | TokenKind::QuotedIdent
                | TokenKind::Whitespace
                | TokenKind::Semicolon
                | TokenKind::Punct => None,
            };
            match colour {
                Some(c) => {
                    out.push_str(c);
                    out.push_str(text);
                    out.push_str(RESET);
                }
                None => out.push_str(text),
            }
        }
        out
    }
}

/// The byte offsets of the bracket at or just before the cursor and of its match.
fn matching_bracket(line: &str, pos: usize) -> Option<(usize, usize)> {
    let bytes = line.as_bytes();
    let at = [pos, pos.wrapping_sub(1)]
        .into_iter()
        .find(|&i| i < bytes.len() && matches!(bytes[i], b'(' | b')'))?;
    let (forward, open, close) = if bytes[at] == b'(' {
        (true, b'(', b')')
    } else {
        (false, b')', b'(')
    };
    let mut depth = 0i32;
    let mut i = at;
    loop {
        let b = bytes[i];
        if b == open {
            depth += 1;
        } else if b == close {
            depth -= 1;
            if depth == 0 {
                return Some((at, i));
            }
        }
        if forward {
            i += 1;
            if i >= bytes.len() {
                return None;
            }
        } else {
            i = i.checked_sub(1)?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_strings_numbers_and_comments_are_marked() {
        let h = Highlight::new();
        let out = h.line("select 'a', 1 -- c", 0);
        assert!(out.contains(&format!("{KEYWORD}select{RESET}")));
        assert!(out.contains(&format!("{STRING}'a'{RESET}")));
        assert!(out.contains(&format!("{NUMBER}1{RESET}")));
        assert!(out.contains(&format!("{COMMENT}-- c{RESET}")));
    }

    #[test]
    fn the_bracket_at_the_cursor_and_its_match_are_marked() {
        let h = Highlight::new();
        let out = h.line("select (1 + (2))", 7);
        assert_eq!(out.matches(BRACKET).count(), 2, "{out}");
        assert!(out.ends_with(&format!("{BRACKET}){RESET}")), "{out}");
    }

    #[test]
    fn any_text_keeps_its_characters() {
        let h = Highlight::new();
        for line in ["'unclosed 中", "/* open", "\u{3000}x", "\"q\"", "[a;b]"] {
            let out = h.line(line, line.len());
            let plain: String = out
                .replace(RESET, "")
                .replace(KEYWORD, "")
                .replace(STRING, "");
            let plain = plain
                .replace(COMMENT, "")
                .replace(NUMBER, "")
                .replace(BRACKET, "");
            assert_eq!(plain, line);
        }
    }
}
