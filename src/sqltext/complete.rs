//! The statement-completeness scanner: SQLite's `sqlite3_complete` rule (`src/complete.c`)
//! run incrementally on the lexer's tokens, so the splitter's cost stays linear.

use std::ops::Range;

use super::{Lexer, State, TokenKind};

/// The token classes `sqlite3_complete` tells apart (`src/complete.c`); whitespace and
/// comments, which never change its state, are not represented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Semi,
    Other,
    Explain,
    Create,
    Temp,
    Trigger,
    End,
}

/// Which of `sqlite3_complete`'s keywords `word` is; case is folded for ASCII only, as
/// SQLite's `sqlite3StrNICmp` does.
fn classify(word: &[u8]) -> Class {
    const KEYWORDS: [(&[u8], Class); 6] = [
        (b"create", Class::Create),
        (b"temp", Class::Temp),
        (b"temporary", Class::Temp),
        (b"trigger", Class::Trigger),
        (b"end", Class::End),
        (b"explain", Class::Explain),
    ];
    KEYWORDS
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(word))
        .map_or(Class::Other, |&(_, class)| class)
}

/// The longest text the scanner ever classifies: a sigil and `temporary`.
const WORD_MAX: usize = 10;

/// The states of `sqlite3_complete`'s machine (`src/complete.c`), which tracks just enough of
/// a statement to know whether a `;` ends it: inside `CREATE TRIGGER … BEGIN … END` only the
/// `;` after `END` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Stmt {
    /// Nothing but whitespace and comments yet: not complete, as SQLite calls it empty.
    #[default]
    Nothing,
    /// Just after a statement's `;`: the only complete state.
    Start,
    /// Inside a statement that the next `;` ends.
    Normal,
    /// After a leading `EXPLAIN` (and perhaps `QUERY PLAN`): `CREATE` may still follow.
    Explain,
    /// After `CREATE` (and perhaps `TEMP`): `TRIGGER` may follow.
    Create,
    /// Inside a trigger: only `; END ;` ends it.
    Trigger,
    /// After a `;` inside a trigger.
    Semi,
    /// After `; END` inside a trigger.
    End,
}

impl Stmt {
    fn next(self, class: Class) -> Stmt {
        use Class as C;
        use Stmt as S;
        match (self, class) {
            // Outside a trigger body a semicolon ends the statement.
            (S::Nothing | S::Start | S::Normal | S::Explain | S::Create | S::End, C::Semi) => {
                S::Start
            }
            // The first word decides whether the statement may be a CREATE TRIGGER.
            (S::Nothing | S::Start, C::Explain) => S::Explain,
            (S::Nothing | S::Start | S::Explain, C::Create) => S::Create,
            (S::Nothing | S::Start | S::Normal, _) => S::Normal,
            // EXPLAIN QUERY PLAN CREATE …: other words may come between EXPLAIN and CREATE.
            (S::Explain, C::Other) => S::Explain,
            (S::Explain, _) => S::Normal,
            (S::Create, C::Temp) => S::Create,
            (S::Create, C::Trigger) => S::Trigger,
            (S::Create, _) => S::Normal,
            // In a trigger body, `;` then `END` then `;` ends it; anything else starts over.
            (S::Trigger | S::Semi, C::Semi) => S::Semi,
            (S::Semi, C::End) => S::End,
            (S::Trigger | S::Semi | S::End, _) => S::Trigger,
        }
    }
}

/// The first bytes of the word the text fed so far ends inside (see [`Lexer::word_start`]),
/// kept across a chunk boundary so that the word can be classified when a later chunk ends it.
/// Only the first [`WORD_MAX`] bytes are kept: a longer word is no keyword.
#[derive(Debug, Clone, Copy, Default)]
struct Carry {
    /// Offset of `bytes[0]`.
    start: usize,
    bytes: [u8; WORD_MAX],
}

/// The statement-completeness scanner: `sqlite3_complete` (`src/complete.c`), incremental.
///
/// After any text has been fed in any number of chunks, [`Scanner::is_complete`] equals
/// `sqlite3_complete(text) != 0` for the whole text fed since [`Scanner::new`] or
/// [`Scanner::reset`] (for text without NUL bytes, which `sqlite3_complete` cannot see): the
/// text ends with a `;` outside strings, quoted identifiers and comments, and a
/// `CREATE [TEMP|TEMPORARY] TRIGGER` (perhaps after `EXPLAIN`) ends only at `; END ;`.
///
/// Cost: each byte fed is examined a bounded number of times (at most three by the lexer, and
/// at most [`WORD_MAX`] bytes per word for keywords), and memory is a few words plus the
/// first [`WORD_MAX`] bytes of a word cut by a chunk boundary; nothing fed earlier is kept or
/// looked at again. [`Scanner::is_complete`] is O(1).
///
/// A splitter uses it line by line, and never looks at the pending text again:
///
/// ```text
/// scanner.feed(line);
/// scanner.feed("\n");
/// if scanner.is_complete() { /* run the pending text */ scanner.reset(); }
/// else if scanner.is_blank() { /* drop the pending comment lines */ scanner.reset(); }
/// ```
///
/// Behaviour follows the linked SQLite (3.54, through rusqlite 0.43): text that ends inside a
/// `--` comment is incomplete, even after a `;`. SQLite releases before `sqlite3_incomplete`
/// existed called `select 1; -- note` complete; a splitter that feeds whole lines with their
/// `\n` never sees the difference.
#[derive(Debug, Clone, Default)]
pub struct Scanner {
    lexer: Lexer,
    stmt: Stmt,
    carry: Carry,
    /// Bytes examined by the scanner itself and by lexers dropped at `reset`.
    examined: u64,
}

impl Scanner {
    /// A scanner that has seen nothing: not complete, blank.
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds `chunk`, the continuation of the text fed so far.
    pub fn feed(&mut self, chunk: &str) {
        let base = self.lexer.offset();
        let bytes = chunk.as_bytes();
        let Scanner {
            lexer,
            stmt,
            carry,
            examined,
        } = self;
        lexer.feed(chunk, |t| {
            let class = match t.kind {
                TokenKind::Whitespace | TokenKind::LineComment | TokenKind::BlockComment => {
                    return;
                }
                TokenKind::Semicolon => Class::Semi,
                TokenKind::Word => word_class(t.span(), base, bytes, carry, examined),
                // sqlite3_complete sees `:name` as a symbol and a word (`$` is an identifier
                // byte to it, so `$name` is one word, and never a keyword).
                TokenKind::Variable => {
                    *stmt = stmt.next(Class::Other);
                    let name = t.start + 1..t.end;
                    match read(t.start, base, bytes, carry) {
                        Some(b'$') | None => Class::Other,
                        Some(_) => word_class(name, base, bytes, carry, examined),
                    }
                }
                _ => Class::Other,
            };
            *stmt = stmt.next(class);
        });
        // Keep the start of a word this chunk ends inside, for when a later chunk ends it.
        if let Some(start) = lexer.word_start() {
            if start >= base {
                *carry = Carry {
                    start,
                    ..Carry::default()
                };
            }
            let from = start.max(base);
            for (offset, &b) in (from..).zip(bytes.get(from - base..).unwrap_or_default()) {
                if let Some(slot) = carry.bytes.get_mut(offset - carry.start) {
                    *slot = b;
                    *examined += 1;
                } else {
                    break;
                }
            }
        }
    }

    /// True when the text fed so far is complete by `sqlite3_complete`'s rule: it ends just
    /// after a statement's final `;` (and whitespace or closed comments), outside any string,
    /// quoted identifier or comment. False for empty and whitespace-only text.
    pub fn is_complete(&self) -> bool {
        // Only a `;` leads to the complete state, and `;` is never held back: text that ends
        // inside any other token (a word, a number, a string that may have closed) is
        // incomplete whatever that token turns out to be.
        self.stmt == Stmt::Start && matches!(self.lexer.state, State::Idle | State::Space)
    }

    /// True when the text fed so far holds nothing but whitespace and comments, with no block
    /// comment left open (a `--` comment left open ends at the next newline, so it counts):
    /// what a splitter may drop instead of starting a statement with it.
    pub fn is_blank(&self) -> bool {
        self.stmt == Stmt::Nothing
            && matches!(self.lexer.state, State::Idle | State::Space | State::Line)
    }

    /// Forgets the text fed so far, as after taking a complete statement.
    pub fn reset(&mut self) {
        let examined = self.bytes_examined();
        *self = Scanner {
            examined,
            ..Scanner::default()
        };
    }

    /// The lexer in the state the text fed so far left it: clone it to lex the next line for
    /// highlighting ([`Lexer::tokens_from`]), or ask it what is [`Lexer::unclosed`].
    pub fn lexer(&self) -> &Lexer {
        &self.lexer
    }

    /// Bytes examined since `new`, across resets: the work done, for tests and benchmarks
    /// that check it stays linear in the text fed.
    pub fn bytes_examined(&self) -> u64 {
        self.examined + self.lexer.bytes_examined()
    }
}

/// The byte at absolute `offset`: in the current chunk (which starts at `base`), or kept in
/// `carry` from an earlier one.
fn read(offset: usize, base: usize, bytes: &[u8], carry: &Carry) -> Option<u8> {
    match offset.checked_sub(base) {
        Some(i) => bytes.get(i).copied(),
        None => carry.bytes.get(offset.checked_sub(carry.start)?).copied(),
    }
}

/// The class of the word spanning `span` (absolute offsets), read from the current chunk and
/// the carry; a word too long to be a keyword is not read at all.
fn word_class(
    span: Range<usize>,
    base: usize,
    bytes: &[u8],
    carry: &Carry,
    examined: &mut u64,
) -> Class {
    // Only a word of a keyword's length is read, and only while it can still be one.
    if !matches!(span.len(), 3 | 4 | 6 | 7 | 9) {
        return Class::Other;
    }
    let mut word = [0u8; WORD_MAX];
    for (slot, offset) in word.iter_mut().zip(span.clone()) {
        *examined += 1;
        let Some(b) = read(offset, base, bytes, carry) else {
            return Class::Other;
        };
        // Every keyword sqlite3_complete knows starts with c, t or e.
        if offset == span.start && !matches!(b.to_ascii_lowercase(), b'c' | b't' | b'e') {
            return Class::Other;
        }
        *slot = b;
    }
    word.get(..span.len()).map_or(Class::Other, classify)
}
