//! The AEI sheet: every AO (and inversión) of an AEI as four rows, one per series, edited and pasted into as one grid.

use std::fmt;

use super::monthly::{EditError, MonthlyPatch};
use crate::domain::plan::Series;
use crate::domain::{Selection, Workspace};

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
