//! Reading a block copied from Excel or LibreOffice into the monthly grid: every cell valid, or nothing.

use crate::domain::edit::{EditError, MonthlyPatch};
use crate::domain::plan::{Month, Series};
use super::sheet::parse_sheet_block;

/// The block's rows and cells: rows end in a newline (`\r\n` from Windows), cells are tab-separated.
/// The newline that spreadsheets put after the last row does not make an extra empty row.
pub(crate) fn cells(text: &str) -> Vec<Vec<&str>> {
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
