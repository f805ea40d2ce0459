//! The lines of a table: the frame of each style, and the rows written straight from the
//! held cells into the output, each column at the width its layout gives. Text too wide
//! for its column (only on a terminal, only free text) is cut with `…`, or wrapped in a
//! listing; headers wrap between words.

use std::borrow::Cow;

use super::{MULTI, NULL, NUMBER, TableRenderer, WIDE, lines_width, shape};
use crate::render::Mode;
use crate::render::fit::{self, display_width, truncate, wrap};

/// One line of a frame: left end, fill, junction between columns, right end.
pub(super) type Rule = [char; 4];

/// The lines of a table style: table has light borders and one rule under the header (the
/// look of DuckDB's shell); box is heavier, with a double rule under the header and a rule
/// between rows; markdown is GitHub's.
pub(super) struct Frame {
    pub top: Option<Rule>,
    pub header: Option<Rule>,
    pub between: Option<Rule>,
    pub bottom: Option<Rule>,
    pub bar: char,
}

pub(super) fn frame(mode: Mode) -> Frame {
    let light = Frame {
        top: Some(['┌', '─', '┬', '┐']),
        header: Some(['├', '─', '┼', '┤']),
        between: None,
        bottom: Some(['└', '─', '┴', '┘']),
        bar: '│',
    };
    match mode {
        Mode::Markdown => Frame {
            top: None,
            header: Some(['|', '-', '|', '|']),
            between: None,
            bottom: None,
            bar: '|',
        },
        Mode::Box => Frame {
            header: Some(['╞', '═', '╪', '╡']),
            between: Some(['├', '─', '┼', '┤']),
            ..light
        },
        // Only the table modes reach here; the others have no frame and share table's.
        Mode::Table
        | Mode::List
        | Mode::Csv
        | Mode::Tabs
        | Mode::Line
        | Mode::Quote
        | Mode::Insert
        | Mode::Html
        | Mode::Json
        | Mode::Jsonl => light,
    }
}

pub(super) const BOLD: &str = "\x1b[1m";
pub(super) const DIM: &str = "\x1b[2m";
pub(super) const RESET: &str = "\x1b[0m";

/// One drawn column: a result column at a width, or the `…` column where columns were left
/// out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Slot {
    Column(usize, usize),
    Gap,
}

impl Slot {
    fn width(self) -> usize {
        match self {
            Slot::Column(_, w) => w,
            Slot::Gap => fit::GAP_WIDTH,
        }
    }
}

/// What one slot of one drawn row holds: its lines, alignment and colour.
struct Piece<'a> {
    lines: Vec<Cow<'a, str>>,
    is_right: bool,
    style: Option<&'static str>,
}

impl TableRenderer {
    /// Draws the result with `slots` into `out`; `is_fitted` says cells may be wider than
    /// their slot, to be cut (or, with `wrap_text`, wrapped) to it.
    pub(super) fn draw(
        &self,
        out: &mut Vec<u8>,
        headers: &[String],
        slots: &[Slot],
        is_fitted: bool,
    ) {
        let frame = frame(self.opts.mode);
        let numeric = self.numeric();
        let right: Vec<bool> = slots
            .iter()
            .map(|s| matches!(s, Slot::Column(c, _) if numeric[*c]))
            .collect();
        let mut between = Vec::new();
        if let Some(style) = frame.between {
            rule(&mut between, style, slots, None);
        }
        let rows = self.drawn_rows();
        // Every row's line is as long as a rule: room for them all at once.
        let line = slots.iter().map(|s| s.width() + 5).sum::<usize>() + 4;
        out.reserve(rows.saturating_mul(line + between.len()));
        if let Some(top) = frame.top {
            rule(out, top, slots, None);
        }
        if self.opts.headers {
            let style = self.opts.color.then_some(BOLD);
            let pieces: Vec<Piece> = slots
                .iter()
                .zip(&right)
                .map(|(&slot, &is_right)| {
                    let lines = match slot {
                        Slot::Gap => vec![Cow::Borrowed("…")],
                        Slot::Column(c, w) if lines_width(&headers[c], shape(&headers[c])) > w => {
                            wrap(&headers[c], w).into_iter().map(Cow::Owned).collect()
                        }
                        Slot::Column(c, _) => headers[c].split('\n').map(Cow::Borrowed).collect(),
                    };
                    Piece {
                        lines,
                        is_right,
                        style,
                    }
                })
                .collect();
            content(out, frame.bar, slots, &pieces);
            if let Some(header) = frame.header {
                let markdown = self.opts.mode == Mode::Markdown;
                rule(out, header, slots, markdown.then_some(&right[..]));
            }
        }
        let mut scratch = String::new();
        let mut bar = [0u8; 4];
        let bar = frame.bar.encode_utf8(&mut bar).as_bytes();
        // Most tables have no cell that spans lines or needs colour: then, unfitted, every
        // row is simple and no row needs looking at first.
        let all_simple =
            !is_fitted && self.shapes & MULTI == 0 && (self.shapes & NULL == 0 || !self.opts.color);
        for r in 0..rows {
            let is_simple = all_simple
                || slots.iter().all(|slot| match *slot {
                    Slot::Gap => true,
                    Slot::Column(c, w) => {
                        let (text, flags) = self.cell(r, c);
                        flags & MULTI == 0
                            && (!is_fitted || self.width(c, text, flags) <= w)
                            && (flags & NULL == 0 || !self.opts.color)
                    }
                });
            if is_simple {
                self.simple_row(out, bar, r, slots, &numeric, &mut scratch);
            } else {
                self.full_row(out, frame.bar, r, slots, &numeric);
            }
            if r + 1 < rows {
                out.extend_from_slice(&between);
            }
        }
        if let Some(bottom) = frame.bottom {
            rule(out, bottom, slots, None);
        }
    }

    /// Whether a cell of row `r` is drawn right-aligned: a number wherever it is; NULL and
    /// the `…` row as their column.
    fn is_right(&self, r: usize, flags: u8, is_numeric: bool) -> bool {
        flags & NUMBER != 0 || ((flags & NULL != 0 || self.is_ellipsis(r)) && is_numeric)
    }

    /// One line of single-line cells that fit their slots: the path of nearly every row.
    fn simple_row(
        &self,
        out: &mut Vec<u8>,
        bar: &[u8],
        r: usize,
        slots: &[Slot],
        numeric: &[bool],
        scratch: &mut String,
    ) {
        let is_ellipsis = self.is_ellipsis(r);
        out.extend_from_slice(bar);
        for (i, slot) in slots.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(bar);
            }
            let (text, flags, is_right) = match *slot {
                Slot::Column(c, _) => {
                    let (text, flags) = self.shown(r, c, scratch);
                    let is_right =
                        flags & NUMBER != 0 || ((flags & NULL != 0 || is_ellipsis) && numeric[c]);
                    (text, flags, is_right)
                }
                Slot::Gap => ("…", WIDE, false),
            };
            let pad = slot.width().saturating_sub(lines_width(text, flags));
            let (left, after) = if is_right { (pad, 0) } else { (0, pad) };
            spaces(out, 1 + left);
            out.extend_from_slice(text.as_bytes());
            spaces(out, after + 1);
        }
        out.extend_from_slice(bar);
        out.push(b'\n');
    }

    /// A row whose cells may span lines, be too wide, or be coloured.
    fn full_row(&self, out: &mut Vec<u8>, bar: char, r: usize, slots: &[Slot], numeric: &[bool]) {
        let pieces: Vec<Piece> = slots
            .iter()
            .map(|slot| match *slot {
                Slot::Column(c, w) => {
                    let mut scratch = String::new();
                    let (text, flags) = self.shown(r, c, &mut scratch);
                    let text = text.to_string();
                    Piece {
                        lines: self.cell_lines(&text, w),
                        is_right: self.is_right(r, flags, numeric[c]),
                        style: (flags & NULL != 0 && self.opts.color).then_some(DIM),
                    }
                }
                Slot::Gap => Piece {
                    lines: vec![Cow::Borrowed("…")],
                    is_right: false,
                    style: None,
                },
            })
            .collect();
        content(out, bar, slots, &pieces);
    }

    /// A cell's lines at `width`: text too wide is cut with `…`, or wrapped for
    /// `wrap_text`. Only free text can be too wide: the plan makes room for the rest.
    fn cell_lines(&self, text: &str, width: usize) -> Vec<Cow<'static, str>> {
        let mut lines = Vec::new();
        for line in text.split('\n') {
            if display_width(line) <= width {
                lines.push(Cow::Owned(line.to_string()));
            } else if self.opts.wrap_text {
                lines.extend(wrap(line, width).into_iter().map(Cow::Owned));
            } else {
                lines.push(Cow::Owned(truncate(line, width)));
            }
        }
        lines
    }
}

/// A rule line across `slots`; `aligned` marks the right-aligned columns in markdown's
/// header rule (`---:`).
pub(super) fn rule(
    out: &mut Vec<u8>,
    [left, fill, junction, right]: Rule,
    slots: &[Slot],
    aligned: Option<&[bool]>,
) {
    push_char(out, left);
    for (i, slot) in slots.iter().enumerate() {
        if i > 0 {
            push_char(out, junction);
        }
        let colon = aligned.is_some_and(|a| a[i]);
        for _ in 0..slot.width() + 2 - usize::from(colon) {
            push_char(out, fill);
        }
        if colon {
            out.push(b':');
        }
    }
    push_char(out, right);
    out.push(b'\n');
}

/// The lines of one row whose cells may span several lines.
fn content(out: &mut Vec<u8>, bar: char, slots: &[Slot], pieces: &[Piece]) {
    let height = pieces.iter().map(|p| p.lines.len()).max().unwrap_or(0);
    for l in 0..height {
        push_char(out, bar);
        for (i, (piece, slot)) in pieces.iter().zip(slots).enumerate() {
            if i > 0 {
                push_char(out, bar);
            }
            let Some(text) = piece.lines.get(l) else {
                spaces(out, slot.width() + 2);
                continue;
            };
            let pad = slot.width().saturating_sub(display_width(text));
            let (left, after) = if piece.is_right { (pad, 0) } else { (0, pad) };
            spaces(out, 1 + left);
            match piece.style {
                Some(style) if !text.is_empty() => {
                    out.extend_from_slice(style.as_bytes());
                    out.extend_from_slice(text.as_bytes());
                    out.extend_from_slice(RESET.as_bytes());
                }
                _ => out.extend_from_slice(text.as_bytes()),
            }
            spaces(out, after + 1);
        }
        push_char(out, bar);
        out.push(b'\n');
    }
}

fn push_char(out: &mut Vec<u8>, c: char) {
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

fn spaces(out: &mut Vec<u8>, n: usize) {
    out.resize(out.len() + n, b' ');
}
