//! Reading a block copied from Excel or LibreOffice into the monthly grid: every cell valid, or nothing.

use super::edit::{EditError, MonthlyPatch, Series};
use super::numbers::{parse_number, DecimalMark};
use super::period::Month;

/// The block's rows and cells: rows end in a newline (`\r\n` from Windows), cells are tab-separated.
/// The newline that spreadsheets put after the last row does not make an extra empty row.
fn cells(text: &str) -> Vec<Vec<&str>> {
    let text = text.strip_suffix('\n').map_or(text, |t| t.strip_suffix('\r').unwrap_or(t));
    text.split('\n').map(|row| row.strip_suffix('\r').unwrap_or(row).split('\t').collect()).collect()
}

/// Whether the text spans several cells; a single value is left to the cell's own typing.
pub fn is_block(text: &str) -> bool {
    let rows = cells(text);
    rows.len() > 1 || rows.first().is_some_and(|r| r.len() > 1)
}

/// Reads the block as if pasted at `series` / `month`: it fills cells to the right (months) and
/// down (series). Each bad cell is reported with its series, month and reason; then nothing applies.
pub fn parse_block(text: &str, series: Series, month: Month) -> Result<MonthlyPatch, Vec<EditError>> {
    let rows = cells(text);
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let fits_down = series.position() + rows.len() <= Series::ALL.len();
    let fits_right = month.index() + columns <= 12;
    if !fits_down || !fits_right {
        return Err(vec![EditError::BlockOutsideGrid { rows: rows.len(), columns, series, month }]);
    }
    let mut patch = MonthlyPatch::default();
    let mut errors = Vec::new();
    for (down, row) in rows.iter().enumerate() {
        let Some(target_series) = Series::at(series.position() + down) else { continue };
        for (right, cell) in row.iter().enumerate() {
            let Some(target_month) = u8::try_from(month.index() + right + 1).ok().and_then(Month::new) else { continue };
            match parse_number(cell, target_series.kind(), DecimalMark::Point) {
                Ok(value) => patch.cells.push((target_series, target_month, value)),
                Err(reason) => errors.push(EditError::BadNumber {
                    series: target_series,
                    month: target_month,
                    found: cell.trim().to_string(),
                    reason,
                }),
            }
        }
    }
    if errors.is_empty() {
        Ok(patch)
    } else {
        Err(errors)
    }
}
