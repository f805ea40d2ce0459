//! SQL text as SQLite reads it, fed in pieces: the one lexer behind highlighting, completion,
//! quote detection and statement splitting.
//!
//! This module owns two things:
//! - [`Lexer`]: tokens with byte spans, fed in any number of chunks (lines, pastes, buffered
//!   reads) with its state (inside a string, a quoted identifier, a comment, a word) carried
//!   from one chunk to the next. [`tokenize`], [`Lexer::tokens_from`] and [`Lexer::unclosed`]
//!   are the shapes highlighting and completion want.
//! - [`Scanner`]: SQLite's `sqlite3_complete` rule (`src/complete.c`) run on that lexer, so
//!   the statement splitter learns whether the pending text is complete in time linear in the
//!   text fed, where calling `sqlite3_complete` on everything pending after each line is
//!   quadratic (a 30,000-line comment block took seconds).
//!
//! It owns no keyword list (which words are keywords is the highlighter's business), no
//! statement execution, and no policy for NUL bytes: a NUL is an ordinary symbol here, while
//! `sqlite3_complete` never sees one (its C string ends there), so a caller that must treat
//! NUL specially checks for it itself.
//!
//! All offsets are byte offsets; all spans are half-open, `start..end`. Every span starts and
//! ends on a `char` boundary of the text fed: every byte of a non-ASCII character is an
//! identifier byte to SQLite, so no token ends inside one (issue 17 item 10 was a panic on a
//! byte index inside a character).

use std::ops::Range;

/// What a token is. Where SQLite's tokenizer (`src/tokenize.c`) and `sqlite3_complete`
/// (`src/complete.c`) disagree on where a token ends, tokens end where `sqlite3_complete`
/// sees them end, so that [`Scanner`] can be built on them; each such place is named below.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A keyword or an identifier: a maximal run of identifier bytes (ASCII letters and digits,
    /// `_`, `$`, and every byte ≥ 0x80, i.e. any non-ASCII character: SQLite's `IdChar`) that
    /// starts with a letter, `_` or a non-ASCII character. Which words are keywords is left to
    /// the caller. (A byte-order mark, U+FEFF, which SQLite's tokenizer skips as space, is
    /// identifier text here, as it is to `sqlite3_complete`.)
    Word,
    /// A bound parameter: `?`, `?NNN`, `:name`, `@name`, `#name` or `$name`, i.e. the sigil
    /// and the run of identifier bytes after it, where `sqlite3_complete` sees the name end.
    /// (SQLite's tokenizer ends `?NNN` at the last digit and reads Tcl's `$a(b)` and `$a::b`;
    /// neither matters to a well-formed statement.)
    /// A lone `:`, `@`, `#` or `$` is [`TokenKind::Punct`], as SQLite rejects it.
    Variable,
    /// A numeric literal as SQLite reads it: `42`, `1_000` (digit separators, SQLite 3.46+),
    /// `0x1F`, `1.5`, `.5`, `1.`, `1e10`, `1.5E-3`. Identifier bytes run straight on
    /// (`12abc`) stay in the token, which SQLite rejects as one illegal token, except after a
    /// bare decimal point: `1.end` is `1.` then the word `end`, because `sqlite3_complete`
    /// reads `end` there as the keyword.
    Number,
    /// A string literal, `'…'`, where `''` is an escaped quote.
    String,
    /// A blob literal, `x'…'` or `X'…'`; it ends at the next `'` (SQLite has no escape there).
    Blob,
    /// A quoted identifier: `"…"` (a doubled `"` is an escaped quote), `` `…` `` (likewise a
    /// doubled backtick), or `[…]` (no escape: it ends at the first `]`). The opening byte
    /// tells which.
    QuotedIdent,
    /// `--` up to, not including, the next `\n`.
    LineComment,
    /// `/* … */`. Comments do not nest: the first `*/` after the opening `/*` ends it
    /// (`/*/` does not). A `/*` that ends the input is an open comment, as `sqlite3_complete`
    /// has it (SQLite's tokenizer reads `/` and `*` there).
    BlockComment,
    /// A run of space, `\t`, `\n`, `\x0c` (form feed) and `\r`, the whitespace of
    /// `sqlite3_complete`. `\x0b` (vertical tab), whitespace to SQLite's parser but not to
    /// `sqlite3_complete`, is [`TokenKind::Punct`].
    Whitespace,
    /// `;`.
    Semicolon,
    /// An operator or other symbol: one byte, or one of the multi-byte operators `<=`, `>=`,
    /// `<>`, `!=`, `==`, `<<`, `>>`, `||`, `->`, `->>`. Bytes SQLite rejects (`\x00`, `\x01`,
    /// `\\`, `{`, …) are single-byte `Punct` tokens too.
    Punct,
}

/// A token: its kind and its half-open byte span `start..end`, in offsets counted from the
/// first byte fed to the [`Lexer`] (or relative to the text passed to [`tokenize`] and
/// [`Lexer::tokens_from`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
    /// The input ended before the token's terminator: the closing quote of a string, blob or
    /// quoted identifier, the `*/` of a block comment, or the `\n` of a line comment. Only
    /// the last token of an input can be open.
    pub open: bool,
}

impl Token {
    /// A token of `kind` over the half-open byte span `start..end`.
    pub fn new(kind: TokenKind, start: usize, end: usize, open: bool) -> Self {
        Token {
            kind,
            start,
            end,
            open,
        }
    }

    /// The span as a range, for slicing the text it was lexed from.
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The token's text in `src`, the text it was lexed from (empty if the span is not in it).
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        src.get(self.span()).unwrap_or("")
    }

    /// True for line and block comments.
    pub fn is_comment(&self) -> bool {
        matches!(self.kind, TokenKind::LineComment | TokenKind::BlockComment)
    }
}

/// Where the lexer is between two bytes. Several states hold back a decision that the next
/// byte settles (is this `-` the start of `--`? does this `'` close the string, or is it the
/// first of `''`?), which is what lets a chunk end anywhere: the decision waits in the state,
/// never in a buffer of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Between tokens.
    Idle,
    Space,
    /// `lone_x`: the word so far is `x` or `X`, which a `'` turns into a blob literal.
    Word {
        lone_x: bool,
    },
    /// `named`: at least one identifier byte follows the sigil.
    Var {
        sigil: u8,
        named: bool,
    },
    Num(Num),
    /// `.`: a number if a digit follows.
    Dot,
    /// `-`: a line comment if `-` follows, `->` if `>` follows.
    Dash,
    /// `->`: `->>` if `>` follows.
    Arrow,
    /// `/`: a block comment if `*` follows.
    Slash,
    /// The first byte of an operator that has two-byte forms.
    Op(u8),
    /// Inside a quoted token that ends at `close`; `doubles`: a doubled `close` is an escape.
    Quoted {
        close: u8,
        kind: TokenKind,
        doubles: bool,
    },
    /// Just after a `close` that ends the token unless the next byte is another `close`.
    MaybeClosed {
        close: u8,
        kind: TokenKind,
    },
    /// Inside `/* … */`; `star`: the previous byte was a `*` that may start the `*/`.
    Block {
        star: bool,
    },
    /// Inside `-- …`.
    Line,
}

/// Where a number is, following SQLite's `sqlite3GetToken`: decimal digits, an optional
/// fraction, an optional exponent, or `0x` and hex digits; `_` may sit between digits; then
/// any identifier bytes run straight on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Num {
    /// `0`, which `x` may turn into a hex prefix.
    Zero,
    Int,
    /// `0x`: a hex number only if a hex digit follows.
    HexX,
    Hex,
    /// Just after the decimal point.
    Point,
    Frac,
    /// After `e`/`E`: an exponent only if a digit, or a sign and a digit, follow.
    /// `after_point`: the `e` came straight after the decimal point (`1.e`).
    Mark {
        after_point: bool,
    },
    /// After `e+` or `e-`: an exponent only if a digit follows.
    Sign {
        sign: u8,
    },
    Exp,
    /// Identifier bytes run on after the number proper (`12abc`).
    Tail,
}

/// Emits the one-byte token at `pos`.
fn emit_one(kind: TokenKind, pos: usize, emit: &mut impl FnMut(Token)) {
    emit(Token::new(kind, pos, pos + 1, false));
}

/// SQLite's `IdChar`: the bytes of identifiers and keywords after the first.
fn is_id(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80
}

/// The whitespace of `sqlite3_complete` (`src/complete.c`).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0c' | b'\r')
}

/// The second bytes that make `first` a two-byte operator (`src/tokenize.c`).
fn is_op_pair(first: u8, second: u8) -> bool {
    matches!(
        (first, second),
        (b'<', b'=' | b'>' | b'<')
            | (b'>', b'=' | b'>')
            | (b'=', b'=')
            | (b'!', b'=')
            | (b'|', b'|')
    )
}

/// A lexer over SQL text fed in chunks; it carries its state from one chunk to the next, so a
/// string, quoted identifier, comment or word may span any number of chunks.
///
/// A token is emitted once it is finished, which can be during a later chunk than the one it
/// starts in; its span is in offsets counted from the first byte fed since [`Lexer::new`]
/// (see [`Lexer::offset`]). Each byte is examined at most three times, whatever the chunking.
///
/// ```text
/// let mut lexer = Lexer::new();
/// lexer.feed("select 'a;\n", |t| …);   // emits `select` and the space
/// lexer.feed("b';\n", |t| …);          // emits the string (span 7..13) and `;`
/// lexer.finish(|t| …);                 // emits whatever is still open
/// ```
#[derive(Debug, Clone)]
pub struct Lexer {
    state: State,
    /// Where the token in progress starts.
    start: usize,
    /// Bytes fed since `new`.
    offset: usize,
    /// Bytes examined, counting a byte again each time it is looked at again.
    examined: u64,
}

impl Default for Lexer {
    fn default() -> Self {
        Self::new()
    }
}

impl Lexer {
    /// A lexer at offset 0, between tokens.
    pub fn new() -> Self {
        Lexer {
            state: State::Idle,
            start: 0,
            offset: 0,
            examined: 0,
        }
    }

    /// Bytes fed so far: the offset the next chunk's first byte will have.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Bytes examined since `new`, counting a byte once each time it is looked at: the work
    /// done, for tests and benchmarks that check it stays linear in the text fed.
    pub fn bytes_examined(&self) -> u64 {
        self.examined
    }

    /// Lexes `chunk`, which continues the text fed so far, and passes each token that finishes
    /// to `emit`. The token still in progress at the end of `chunk` (whose end may depend on
    /// the next byte) is held back until a later `feed` or [`Lexer::finish`].
    pub fn feed(&mut self, chunk: &str, mut emit: impl FnMut(Token)) {
        let base = self.offset;
        for (i, &b) in chunk.as_bytes().iter().enumerate() {
            // A byte that ends the token in progress is looked at again as the start of the
            // next one; no state passes it back more than twice.
            loop {
                self.examined += 1;
                if self.step(b, base + i, &mut emit) {
                    break;
                }
            }
        }
        self.offset = base + chunk.len();
    }

    /// Ends the input: emits the token in progress, if any ([`Token::open`] when it is a
    /// string, blob, quoted identifier or comment still waiting for its terminator), and
    /// starts over at offset 0.
    pub fn finish(&mut self, mut emit: impl FnMut(Token)) {
        for token in self.final_tokens().into_iter().flatten() {
            emit(token);
        }
        let examined = self.examined;
        *self = Lexer {
            examined,
            ..Lexer::new()
        };
    }

    /// The string, blob, quoted identifier or comment the text fed so far ends inside, if any,
    /// as an open token whose span runs from its opening byte to the current offset. This is
    /// completion's "is the cursor inside an unclosed string literal, and where does it
    /// start": lex the line up to the cursor and look here.
    pub fn unclosed(&self) -> Option<Token> {
        let kind = match self.state {
            State::Quoted { kind, .. } => kind,
            State::Block { .. } => TokenKind::BlockComment,
            State::Line => TokenKind::LineComment,
            _ => return None,
        };
        Some(Token::new(kind, self.start, self.offset, true))
    }

    /// The tokens of `text` lexed as the continuation of what this lexer has been fed, without
    /// changing it: spans are relative to `text`, a token begun before `text` starts at 0,
    /// and the input is taken to end with `text` (so the last token may be open). This is
    /// highlighting's "the spans of this line", given a lexer fed the lines before it.
    pub fn tokens_from(&self, text: &str) -> Vec<Token> {
        let mut lexer = self.clone();
        let base = lexer.offset;
        let mut out = Vec::new();
        let mut push = |t: Token| {
            // A token that ended exactly where `text` begins (a string whose closing quote was
            // the last byte before it) has nothing in `text`.
            if t.end > base {
                out.push(Token {
                    start: t.start.saturating_sub(base),
                    end: t.end - base,
                    ..t
                });
            }
        };
        lexer.feed(text, &mut push);
        lexer.finish(&mut push);
        out
    }

    /// Takes byte `b` at offset `pos`. Returns false when `b` ended the token in progress
    /// without being part of it, so that it must be taken again in the new state.
    fn step(&mut self, b: u8, pos: usize, emit: &mut impl FnMut(Token)) -> bool {
        match self.state {
            State::Idle => {
                self.begin(b, pos, emit);
                true
            }
            State::Space => is_space(b) || self.close(TokenKind::Whitespace, pos, emit),
            State::Word { lone_x } => {
                if is_id(b) {
                    self.state = State::Word { lone_x: false };
                    true
                } else if lone_x && b == b'\'' {
                    self.state = State::Quoted {
                        close: b'\'',
                        kind: TokenKind::Blob,
                        doubles: false,
                    };
                    true
                } else {
                    self.close(TokenKind::Word, pos, emit)
                }
            }
            State::Var { sigil, named } => {
                if is_id(b) {
                    self.state = State::Var { sigil, named: true };
                    true
                } else {
                    // `?` alone is a valid anonymous parameter; `:` alone is not.
                    let kind = if named || sigil == b'?' {
                        TokenKind::Variable
                    } else {
                        TokenKind::Punct
                    };
                    self.close(kind, pos, emit)
                }
            }
            State::Num(n) => self.number(n, b, pos, emit),
            State::Dot => {
                if b.is_ascii_digit() {
                    self.state = State::Num(Num::Frac);
                    true
                } else {
                    self.close(TokenKind::Punct, pos, emit)
                }
            }
            State::Dash => match b {
                b'-' => {
                    self.state = State::Line;
                    true
                }
                b'>' => {
                    self.state = State::Arrow;
                    true
                }
                _ => self.close(TokenKind::Punct, pos, emit),
            },
            State::Arrow => {
                if b == b'>' {
                    self.close(TokenKind::Punct, pos + 1, emit);
                    true
                } else {
                    self.close(TokenKind::Punct, pos, emit)
                }
            }
            State::Slash => {
                if b == b'*' {
                    self.state = State::Block { star: false };
                    true
                } else {
                    self.close(TokenKind::Punct, pos, emit)
                }
            }
            State::Op(first) => {
                if is_op_pair(first, b) {
                    self.close(TokenKind::Punct, pos + 1, emit);
                    true
                } else {
                    self.close(TokenKind::Punct, pos, emit)
                }
            }
            State::Quoted {
                close,
                kind,
                doubles,
            } => {
                if b == close {
                    if doubles {
                        self.state = State::MaybeClosed { close, kind };
                    } else {
                        self.close(kind, pos + 1, emit);
                    }
                }
                true
            }
            State::MaybeClosed { close, kind } => {
                if b == close {
                    self.state = State::Quoted {
                        close,
                        kind,
                        doubles: true,
                    };
                    true
                } else {
                    self.close(kind, pos, emit)
                }
            }
            State::Block { star } => {
                if star && b == b'/' {
                    self.close(TokenKind::BlockComment, pos + 1, emit);
                } else {
                    self.state = State::Block { star: b == b'*' };
                }
                true
            }
            // The newline is not part of the comment (as in SQLite's tokenizer); it starts
            // the whitespace after it.
            State::Line => b != b'\n' || self.close(TokenKind::LineComment, pos, emit),
        }
    }

    /// Starts a token at byte `b`, offset `pos`.
    fn begin(&mut self, b: u8, pos: usize, emit: &mut impl FnMut(Token)) {
        self.start = pos;
        self.state = match b {
            b';' => return emit_one(TokenKind::Semicolon, pos, emit),
            b'-' => State::Dash,
            b'/' => State::Slash,
            b'.' => State::Dot,
            b'\'' => State::Quoted {
                close: b'\'',
                kind: TokenKind::String,
                doubles: true,
            },
            b'"' | b'`' => State::Quoted {
                close: b,
                kind: TokenKind::QuotedIdent,
                doubles: true,
            },
            b'[' => State::Quoted {
                close: b']',
                kind: TokenKind::QuotedIdent,
                doubles: false,
            },
            b'0' => State::Num(Num::Zero),
            b'1'..=b'9' => State::Num(Num::Int),
            b'?' | b':' | b'@' | b'#' | b'$' => State::Var {
                sigil: b,
                named: false,
            },
            b'<' | b'>' | b'=' | b'!' | b'|' => State::Op(b),
            _ if is_space(b) => State::Space,
            _ if is_id(b) => State::Word {
                lone_x: b == b'x' || b == b'X',
            },
            _ => return emit_one(TokenKind::Punct, pos, emit),
        };
    }

    /// Takes byte `b` at `pos` in a number in state `n`; returns as [`Lexer::step`] does.
    fn number(&mut self, n: Num, b: u8, pos: usize, emit: &mut impl FnMut(Token)) -> bool {
        let next = match (n, b) {
            (Num::Zero, b'x' | b'X') => Num::HexX,
            (Num::Zero | Num::Int, b'0'..=b'9' | b'_') => Num::Int,
            (Num::Zero | Num::Int, b'.') => Num::Point,
            (Num::Point | Num::Frac, b'0'..=b'9' | b'_') => Num::Frac,
            (Num::Zero | Num::Int | Num::Frac, b'e' | b'E') => Num::Mark { after_point: false },
            (Num::Point, b'e' | b'E') => Num::Mark { after_point: true },
            (Num::Mark { .. } | Num::Sign { .. }, b'0'..=b'9') => Num::Exp,
            (Num::Mark { .. }, b'+' | b'-') => Num::Sign { sign: b },
            (Num::Exp, b'0'..=b'9' | b'_') => Num::Exp,
            (Num::HexX | Num::Hex, _) if b.is_ascii_hexdigit() => Num::Hex,
            (Num::Hex, b'_') => Num::Hex,
            // sqlite3_complete reads the identifier bytes after a bare decimal point as a
            // word of their own (`explain 1.create trigger` is a trigger to it), so the number
            // ends at the point and a word starts.
            (Num::Point, _) if is_id(b) => return self.close(TokenKind::Number, pos, emit),
            (Num::Mark { after_point: true }, _) if is_id(b) => {
                self.close(TokenKind::Number, pos - 1, emit);
                self.start = pos - 1;
                self.state = State::Word { lone_x: false };
                return false;
            }
            // No digit after `e+`/`e-`: the number ends before the sign, which is lexed anew
            // (a `-` may start a comment).
            (Num::Sign { sign }, _) => {
                self.close(TokenKind::Number, pos - 1, emit);
                self.start = pos - 1;
                self.state = if sign == b'-' {
                    State::Dash
                } else {
                    emit_one(TokenKind::Punct, pos - 1, emit);
                    State::Idle
                };
                return false;
            }
            _ if is_id(b) => Num::Tail,
            _ => return self.close(TokenKind::Number, pos, emit),
        };
        self.state = State::Num(next);
        true
    }

    /// Emits the token in progress as `kind`, ending at `end`, and goes idle. Returns false,
    /// for [`Lexer::step`]: the byte at `end` (if not part of the token) is taken again.
    fn close(&mut self, kind: TokenKind, end: usize, emit: &mut impl FnMut(Token)) -> bool {
        emit(Token::new(kind, self.start, end, false));
        self.state = State::Idle;
        false
    }

    /// The tokens that ending the input now would emit: the token in progress, or (a number
    /// followed by a sign that no digit follows) two.
    fn final_tokens(&self) -> [Option<Token>; 2] {
        let end = self.offset;
        let token = |kind, start, end, open| Some(Token::new(kind, start, end, open));
        let (kind, open) = match self.state {
            State::Idle => return [None, None],
            State::Num(Num::Sign { .. }) => {
                return [
                    token(TokenKind::Number, self.start, end - 1, false),
                    token(TokenKind::Punct, end - 1, end, false),
                ];
            }
            State::Space => (TokenKind::Whitespace, false),
            State::Word { .. } => (TokenKind::Word, false),
            State::Var { sigil, named } if named || sigil == b'?' => (TokenKind::Variable, false),
            State::Num(_) => (TokenKind::Number, false),
            State::Var { .. }
            | State::Dot
            | State::Dash
            | State::Arrow
            | State::Slash
            | State::Op(_) => (TokenKind::Punct, false),
            State::MaybeClosed { kind, .. } => (kind, false),
            State::Quoted { kind, .. } => (kind, true),
            State::Block { .. } => (TokenKind::BlockComment, true),
            State::Line => (TokenKind::LineComment, true),
        };
        [token(kind, self.start, end, open), None]
    }

    /// Where the identifier bytes that the scanner may need to classify as a keyword start,
    /// when the text fed so far ends inside them: a word, a variable (its name), or the `e`
    /// of `1.e`, which becomes a word if an identifier byte follows.
    fn word_start(&self) -> Option<usize> {
        match self.state {
            State::Word { .. } | State::Var { .. } => Some(self.start),
            State::Num(Num::Mark { after_point: true }) => Some(self.offset - 1),
            _ => None,
        }
    }
}

/// Lexes a whole text; spans are offsets into `text`, and the last token may be open.
pub fn tokenize(text: &str) -> Vec<Token> {
    Lexer::new().tokens_from(text)
}

/// The string, blob, quoted identifier or comment `text` ends inside, if any (see
/// [`Lexer::unclosed`]); its span starts at the opening byte.
pub fn unclosed(text: &str) -> Option<Token> {
    let mut lexer = Lexer::new();
    lexer.feed(text, |_| {});
    lexer.unclosed()
}

mod complete;
pub use complete::Scanner;

#[cfg(test)]
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod tests;
