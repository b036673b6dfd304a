//! The AEI sheet: every AO (and inversión) of an AEI as four rows, one per series, edited and pasted into as one grid.

use std::fmt;

use crate::domain::edit::{EditError, MonthlyPatch};
use crate::domain::plan::{Month, Series};
use crate::domain::language::{parse_number, DecimalMark};
use super::paste::cells;
use super::workspace::{Selection, Workspace};

/// The sheet row of an AO's series: AO by AO, the four series in the grid's order.
pub fn row_of(activity: usize, series: Series) -> usize {
    row_count(activity) + series.position()
}

/// How many rows the sheet of `activities` AO has.
pub fn row_count(activities: usize) -> usize {
    activities * Series::ALL.len()
}

/// The AO (its position among the AEI's AO) and the series shown at a sheet row.
pub fn at_row(row: usize) -> (usize, Series) {
    let series = Series::at(row % Series::ALL.len()).unwrap_or(Series::PhysicalProgrammed);
    (row / Series::ALL.len(), series)
}

/// A refused cell of a sheet paste, naming its AO.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetError {
    /// The AO's code; empty when the block reaches past the last AO.
    pub activity: String,
    pub error: EditError,
}

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.activity.is_empty() {
            write!(f, "{}", self.error)
        } else {
            write!(f, "AO {}, {}", self.activity, self.error)
        }
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

impl Workspace {
    /// Applies the patches of several AO at once: every AO must exist in the editable evaluated
    /// version, or nothing changes. `Ok(false)` when no value changed.
    pub fn apply_sheet_patches(&mut self, selection: Selection, patches: &[(String, MonthlyPatch)]) -> Result<bool, SheetError> {
        if !self.evaluated_version_is_editable(selection) {
            return Err(SheetError { activity: String::new(), error: EditError::ReadOnlyVersion });
        }
        let version = self.evaluated_version(selection);
        if let Some((missing, _)) = patches.iter().find(|(code, _)| version.and_then(|v| v.item(code)).is_none()) {
            return Err(SheetError { activity: missing.clone(), error: EditError::UnknownActivity(missing.clone()) });
        }
        let mut changed = false;
        for (code, patch) in patches {
            changed |= self.apply_monthly_patch(selection, code, patch).map_err(|error| SheetError { activity: code.clone(), error })?;
        }
        Ok(changed)
    }
}
