//! How big an imported file may be: the limits every reader checks before it allocates, and their messages (docs/FILE-LIMITS.md).

use std::fmt;

use rust_decimal::Decimal;

use super::office::column_name;
use crate::domain::language::quantity;

/// Largest file accepted: a 5,000-AO sheet is about 3 MB as CSV and less as XLSX.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// What the entries of one workbook may inflate to, all of them together, as the archive's
/// directory declares them (no entry may inflate past its declared size). A 15,000-row sheet of
/// 280 columns is about 160 MB of XML.
pub const MAX_INFLATED_BYTES: u64 = 256 * 1024 * 1024;
/// Rows of a sheet, blank rows included (a row's number is where it is in the file).
pub const MAX_ROWS: usize = 100_000;
/// Columns of a sheet: up to column AMJ.
pub const MAX_COLUMNS: usize = 1_024;
/// Cells of a sheet, counted as a reader lays them out: each row as wide as its last cell with
/// data (and at least as wide as the header). 15,000 rows of 280 columns are 4.2 million.
pub const MAX_CELLS: usize = 10_000_000;
/// Cells calamine lays out at once for an .xls or .ods workbook, all its tabs together, each tab
/// as a dense block from its first to its last cell with data (about 56 bytes a cell: 250 MB here).
pub const MAX_DENSE_CELLS: usize = 4_500_000;
/// Distinct texts of a workbook (its shared strings). Numbers are number cells, so even a
/// 15,000-row sheet of 280 columns holding text in half its cells has fewer.
pub const MAX_SHARED_STRINGS: usize = 2_097_152;
/// Characters of one cell: Excel's own limit.
pub const MAX_CELL_CHARS: usize = 32_767;
/// Bytes a cell's text may take while a reader gathers it, before `_xHHHH_` escapes are decoded
/// and its characters counted: seven bytes for each character at most. Past this it cannot fit.
pub const MAX_RAW_CELL_BYTES: usize = 7 * MAX_CELL_CHARS;
/// The text of all the cells of a workbook, each use of a shared string counted.
pub const MAX_TEXT_BYTES: usize = 128 * 1024 * 1024;
/// Characters of a number format's code: Excel's own limit.
pub const MAX_NUMBER_FORMAT_CHARS: usize = 255;
/// Number formats, and cell styles, of a workbook (Excel itself allows about 64,000 styles).
pub const MAX_STYLES: usize = 65_536;

/// A file size as people read it: "21.0 MB" (binary megabytes, one decimal).
pub fn megabytes(bytes: u64) -> String {
    let tenths = (bytes.saturating_mul(10)).div_ceil(1_048_576);
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// A count as the ficha prints it: "1,048,576".
fn count(n: usize) -> String {
    quantity(Decimal::from(n))
}

/// "XFD1": a cell by its one-based row and zero-based column.
fn cell_name(row: usize, column: usize) -> String {
    format!("{}{row}", column_name(column))
}

/// What a file has more of than a reader takes; the file is refused and nothing is imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exceeded {
    /// Something at this row (one-based) lies past [`MAX_ROWS`].
    Rows { row: usize },
    /// A cell at this row (one-based) and column (zero-based) lies past [`MAX_COLUMNS`].
    Columns { row: usize, column: usize },
    /// The sheet would need more than [`MAX_CELLS`].
    Cells,
    /// An .xls or .ods workbook would be laid out in more than [`MAX_DENSE_CELLS`].
    DenseCells,
    /// The text of the cell at this row (one-based) and column (zero-based) passes [`MAX_CELL_CHARS`].
    CellText { row: usize, column: usize },
    /// The workbook's shared string at this position (zero-based) passes [`MAX_CELL_CHARS`].
    SharedText { index: usize },
    /// The workbook has more shared strings than [`MAX_SHARED_STRINGS`].
    SharedStrings,
    /// The cells' text passes [`MAX_TEXT_BYTES`].
    Text,
    /// A number format code of this many characters, past [`MAX_NUMBER_FORMAT_CHARS`].
    NumberFormat { chars: usize },
    /// The workbook has more number formats or cell styles than [`MAX_STYLES`].
    Styles,
}

impl fmt::Display for Exceeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Exceeded::Rows { row } => write!(
                f,
                "Fila {}: el archivo pasa del máximo de {} filas (las filas vacías también cuentan); importe la hoja en partes",
                count(row),
                count(MAX_ROWS)
            ),
            Exceeded::Columns { row, column } => write!(
                f,
                "Celda {}: la columna {} pasa del máximo de {} columnas (la última es la {})",
                cell_name(row, column),
                column_name(column),
                count(MAX_COLUMNS),
                column_name(MAX_COLUMNS - 1)
            ),
            Exceeded::Cells => write!(
                f,
                "El archivo pasa del máximo de {} celdas (filas por columnas hasta la última con datos); importe la hoja en partes",
                count(MAX_CELLS)
            ),
            Exceeded::DenseCells => write!(
                f,
                "El libro pasa del máximo de {} celdas (filas por columnas de todas sus hojas, hasta la última con datos); guárdelo como libro de Excel (.xlsx) o impórtelo en partes",
                count(MAX_DENSE_CELLS)
            ),
            Exceeded::CellText { row, column } => write!(
                f,
                "Celda {}: el texto pasa del máximo de {} caracteres de una celda",
                cell_name(row, column),
                count(MAX_CELL_CHARS)
            ),
            Exceeded::SharedText { index } => write!(
                f,
                "El texto compartido n.° {} del libro pasa del máximo de {} caracteres de una celda",
                count(index + 1),
                count(MAX_CELL_CHARS)
            ),
            Exceeded::SharedStrings => {
                write!(f, "El libro pasa del máximo de {} textos distintos (textos compartidos)", count(MAX_SHARED_STRINGS))
            }
            Exceeded::Text => write!(
                f,
                "Los textos de las celdas pasan del máximo de {} por archivo (un texto compartido cuenta cada vez que se usa)",
                megabytes(MAX_TEXT_BYTES as u64)
            ),
            Exceeded::NumberFormat { chars } => write!(
                f,
                "El libro tiene un formato de número de {} caracteres y el máximo es {}",
                count(chars),
                count(MAX_NUMBER_FORMAT_CHARS)
            ),
            Exceeded::Styles => {
                write!(f, "El libro pasa del máximo de {} formatos de número o estilos de celda", count(MAX_STYLES))
            }
        }
    }
}

/// Whether a cell at this row (one-based) and column (zero-based) lies inside the sheet a reader takes.
pub fn check_position(row: usize, column: usize) -> Result<(), Exceeded> {
    if row > MAX_ROWS {
        Err(Exceeded::Rows { row })
    } else if column >= MAX_COLUMNS {
        Err(Exceeded::Columns { row, column })
    } else {
        Ok(())
    }
}

/// Whether a cell's text fits [`MAX_CELL_CHARS`].
pub fn fits_cell(text: &str) -> bool {
    // A character takes at least one byte: short text needs no counting.
    text.len() <= MAX_CELL_CHARS || text.chars().count() <= MAX_CELL_CHARS
}

/// What a reader has laid out so far for one file: cells and text, refused past their limits
/// before they are allocated.
#[derive(Debug, Default)]
pub struct Budget {
    cells: usize,
    text_bytes: usize,
}

impl Budget {
    /// `more` cells are about to be allocated.
    pub fn cells(&mut self, more: usize) -> Result<(), Exceeded> {
        self.cells = self.cells.saturating_add(more);
        if self.cells > MAX_CELLS {
            Err(Exceeded::Cells)
        } else {
            Ok(())
        }
    }

    /// `bytes` of cell text are about to be allocated.
    pub fn text(&mut self, bytes: usize) -> Result<(), Exceeded> {
        self.text_bytes = self.text_bytes.saturating_add(bytes);
        if self.text_bytes > MAX_TEXT_BYTES {
            Err(Exceeded::Text)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_fits_up_to_the_limit_in_characters_not_bytes() {
        assert!(fits_cell(&"ñ".repeat(MAX_CELL_CHARS)));
        assert!(!fits_cell(&"ñ".repeat(MAX_CELL_CHARS + 1)));
        assert!(!fits_cell(&"a".repeat(MAX_CELL_CHARS + 1)));
    }

    #[test]
    fn positions_are_checked_at_their_edges() {
        assert_eq!(check_position(MAX_ROWS, MAX_COLUMNS - 1), Ok(()));
        assert_eq!(check_position(MAX_ROWS + 1, 0), Err(Exceeded::Rows { row: MAX_ROWS + 1 }));
        assert_eq!(check_position(1, MAX_COLUMNS), Err(Exceeded::Columns { row: 1, column: MAX_COLUMNS }));
    }

    #[test]
    fn the_budget_takes_its_limit_and_refuses_one_more() {
        let mut budget = Budget::default();
        assert_eq!(budget.cells(MAX_CELLS), Ok(()));
        assert_eq!(budget.cells(1), Err(Exceeded::Cells));
        assert_eq!(budget.text(MAX_TEXT_BYTES), Ok(()));
        assert_eq!(budget.text(1), Err(Exceeded::Text));
    }

    #[test]
    fn messages_name_what_and_the_limit() {
        assert_eq!(megabytes(20 * 1_048_576 + 1), "20.1 MB");
        assert_eq!(
            Exceeded::Columns { row: 1, column: 16_383 }.to_string(),
            "Celda XFD1: la columna XFD pasa del máximo de 1,024 columnas (la última es la AMJ)"
        );
    }
}
