//! A result as a real `.xlsx` workbook (`.excel`, `.export FILE.xlsx`): the rows on the first
//! sheet with numbers as numbers and every text as text (a date stays `2022-07`, at the
//! precision its source stated, never turned into a serial date), the query on the second,
//! and the sources the rows cite on the third.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::error::{Error, Result};
use crate::sqlite::Grid;
use crate::value::{Value, hex_string};

/// The longest text a cell holds (Excel's limit, in characters).
const MAX_CELL_CHARS: usize = 32_767;
/// Integers beyond this lose digits as a spreadsheet number (a double): they are written
/// as text instead, so no figure changes.
const MAX_EXACT: i64 = 1 << 53;

/// What goes into a workbook.
pub struct Book<'a> {
    pub result: &'a Grid,
    /// Label and text rows of the second sheet: the query, its parameters, the database.
    pub about: &'a [(String, String)],
    /// The sources the rows cite (the third sheet), when the result names any.
    pub sources: Option<&'a Grid>,
}

/// What a workbook had to change to fit: cells cut at Excel's limit.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub cut_cells: usize,
}

fn xlsx_error(path: &Path, e: XlsxError) -> Error {
    Error::File {
        action: "write",
        path: path.to_path_buf(),
        source: std::io::Error::other(e.to_string()),
    }
}

/// Writes `book` to `path` (created or replaced). Errors: the file cannot be written.
pub fn write(path: &Path, book: &Book) -> Result<Written> {
    let mut workbook = Workbook::new();
    let mut written = Written::default();
    let fail = |e| xlsx_error(path, e);
    let bold = Format::new().set_bold();
    let sheet = workbook.add_worksheet();
    sheet.set_name("result").map_err(fail)?;
    fill(sheet, book.result, &bold, &mut written).map_err(fail)?;
    let sheet = workbook.add_worksheet();
    sheet.set_name("query").map_err(fail)?;
    for (row, (label, text)) in (0..).zip(book.about) {
        sheet
            .write_string_with_format(row, 0, label, &bold)
            .map_err(fail)?;
        sheet
            .write_string(row, 1, cut(text, &mut written))
            .map_err(fail)?;
    }
    sheet.set_column_width(0, 12).map_err(fail)?;
    sheet.set_column_width(1, 100).map_err(fail)?;
    if let Some(sources) = book.sources {
        let sheet = workbook.add_worksheet();
        sheet.set_name("sources").map_err(fail)?;
        fill(sheet, sources, &bold, &mut written).map_err(fail)?;
    }
    let bytes = workbook.save_to_buffer().map_err(fail)?;
    std::fs::write(path, bytes).map_err(|source| Error::File {
        action: "write",
        path: path.to_path_buf(),
        source,
    })?;
    Ok(written)
}

/// A header row in bold, frozen, then one row per grid row.
fn fill(
    sheet: &mut Worksheet,
    grid: &Grid,
    bold: &Format,
    written: &mut Written,
) -> Result<(), XlsxError> {
    for (col, name) in (0..).zip(&grid.columns) {
        sheet.write_string_with_format(0, col, cut(name, written), bold)?;
    }
    for (row, values) in (1..).zip(&grid.rows) {
        for (col, value) in (0..).zip(values) {
            match value {
                Value::Null => {}
                Value::Integer(v) if v.unsigned_abs() <= MAX_EXACT.unsigned_abs() => {
                    sheet.write_number(row, col, *v as f64)?;
                }
                Value::Integer(v) => {
                    sheet.write_string(row, col, v.to_string())?;
                }
                Value::Real(v, _) if v.is_finite() => {
                    sheet.write_number(row, col, *v)?;
                }
                Value::Real(_, text) => {
                    sheet.write_string(row, col, text.to_string())?;
                }
                Value::Text(t) => {
                    sheet.write_string(row, col, cut(&String::from_utf8_lossy(t), written))?;
                }
                Value::Blob(b) => {
                    sheet.write_string(row, col, cut(&hex_string(b), written))?;
                }
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_autofit_max_width(400);
    sheet.autofit();
    Ok(())
}

/// `text` cut to Excel's cell limit (counted in `written`).
fn cut(text: &str, written: &mut Written) -> String {
    if text.chars().count() <= MAX_CELL_CHARS {
        return text.to_string();
    }
    written.cut_cells += 1;
    let mut s: String = text.chars().take(MAX_CELL_CHARS - 1).collect();
    s.push('…');
    s
}

/// True for a column that holds source ids: `source_id`, `prior_source_id`, ...
pub fn is_source_column(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n == "source_id" || n.ends_with("_source_id") || n.starts_with("source_id_")
}

/// True for a column that holds fact refs: `ref`, `ref_a`, `prior_ref`, ...
pub fn is_ref_column(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n == "ref" || n.starts_with("ref_") || n.ends_with("_ref")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_and_ref_columns_are_told_by_name() {
        for yes in ["source_id", "prior_source_id", "SOURCE_ID"] {
            assert!(is_source_column(yes), "{yes}");
        }
        for yes in ["ref", "ref_a", "prior_ref"] {
            assert!(is_ref_column(yes), "{yes}");
        }
        for no in ["sources", "refs", "reference", "id"] {
            assert!(!is_source_column(no) && !is_ref_column(no), "{no}");
        }
    }

    #[test]
    fn text_longer_than_a_cell_holds_is_cut_and_counted() {
        let mut w = Written::default();
        let long = "x".repeat(MAX_CELL_CHARS + 5);
        assert_eq!(cut(&long, &mut w).chars().count(), MAX_CELL_CHARS);
        assert_eq!(cut("short", &mut w), "short");
        assert_eq!(w.cut_cells, 1);
    }
}
