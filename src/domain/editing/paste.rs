//! Reading a block copied from Excel or LibreOffice into an AO's grid or the AEI sheet: every cell valid, or nothing.

use super::monthly::{EditError, MonthlyPatch};
use super::sheet::{at_row, row_count, SheetError};
use crate::domain::language::{parse_number, DecimalMark};
use crate::domain::plan::{Month, Series};

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

/// Reads the block as if pasted at `series` / `month` of one AO's grid: it fills cells to the right
/// (months) and down (series). Each bad cell is reported with its series, month and reason; then
/// nothing applies. The grid is the sheet of a single AO.
pub fn parse_block(text: &str, series: Series, month: Month) -> Result<MonthlyPatch, Vec<EditError>> {
    match parse_sheet_block(text, &[String::new()], series.position(), month) {
        Ok(mut patches) => Ok(patches.pop().map(|(_, patch)| patch).unwrap_or_default()),
        Err(errors) => Err(errors.into_iter().map(|e| e.error).collect()),
    }
}

/// Reads a block pasted at `row` / `month` of the sheet of the AO `codes` (in sheet order): block
/// rows go down the sheet, across AO. Every bad cell is reported; then nothing applies.
pub fn parse_sheet_block(
    text: &str,
    codes: &[String],
    row: usize,
    month: Month,
) -> Result<Vec<(String, MonthlyPatch)>, Vec<SheetError>> {
    let rows = cells(text);
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let sheet_rows = row_count(codes.len());
    if row + rows.len() > sheet_rows || month.index() + columns > 12 {
        let (_, series) = at_row(row);
        let rows_left = sheet_rows.saturating_sub(row);
        return Err(vec![SheetError {
            activity: String::new(),
            error: EditError::BlockOutside { rows: rows.len(), columns, series, month, rows_left },
        }]);
    }
    let mut patches: Vec<(String, MonthlyPatch)> = Vec::new();
    let mut errors = Vec::new();
    for (down, cells) in rows.iter().enumerate() {
        let (activity, series) = at_row(row + down);
        let code = &codes[activity];
        if patches.last().is_none_or(|(last, _)| last != code) {
            patches.push((code.clone(), MonthlyPatch::default()));
        }
        for (right, cell) in cells.iter().enumerate() {
            let Some(target_month) = u8::try_from(month.index() + right + 1).ok().and_then(Month::new) else { continue };
            match parse_number(cell, series.kind(), DecimalMark::Point) {
                Ok(value) => {
                    if let Some((_, patch)) = patches.last_mut() {
                        patch.cells.push((series, target_month, value));
                    }
                }
                Err(reason) => errors.push(SheetError {
                    activity: code.clone(),
                    error: EditError::BadNumber { series, month: target_month, found: cell.trim().to_string(), reason },
                }),
            }
        }
    }
    if errors.is_empty() {
        Ok(patches)
    } else {
        Err(errors)
    }
}
