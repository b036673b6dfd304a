//! Edits a user makes to the workspace through the UI, validated before they touch anything.

use std::fmt;

use rust_decimal::Decimal;

use crate::domain::ficha::progress;
use crate::domain::language::{parse_number, percent, DecimalMark, NumberError};
use crate::domain::plan::{exact_sum, Month, Series};
use crate::domain::{Selection, Workspace};

/// Execution above this multiple of its programming draws a warning (an extra zero typed, a
/// value in the wrong row), never an error: the user may be right.
const FAR_ABOVE_FACTOR: Decimal = Decimal::from_parts(15, 0, 0, false, 1);

/// The warning for an execution series whose year total is far above its programming (or has
/// no programming at all); `None` for a programming series or a plausible execution.
pub fn far_above_programming(series: Series, executed: Decimal, programmed: Decimal) -> Option<String> {
    if series == series.programming() || executed.is_zero() {
        return None;
    }
    if programmed.is_zero() {
        return Some(format!(
            "{}: se registra una ejecución de {} sin programación en el año. Verifique el valor.",
            series.label(),
            series.display(executed)
        ));
    }
    // Unchecked, a programming past the bounds would overflow here; then nothing is far above it.
    programmed.checked_mul(FAR_ABOVE_FACTOR).is_some_and(|limit| executed > limit).then(|| {
        format!(
            "{}: la ejecución anual ({}) supera en más de 50% a la programación ({}). Verifique el valor; si es correcto, puede dejarlo así.",
            series.label(),
            series.display(executed),
            series.display(programmed)
        )
    })
}

/// What a row of an item's grid (or of the AEI sheet) shows after its twelve months.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowSummary {
    /// The year's total as the tables print it: `21,000.00`, `12`.
    pub total: String,
    /// An execution's % de avance over its programming (`100.0%`, "–"); `None` for a programming.
    pub progress: Option<String>,
    /// The "far above programming" warning (`far_above_programming`).
    pub warning: Option<String>,
}

/// The row of `series` whose twelve months are `values`, its programming's being `programming`
/// (the same months for a programming series).
pub fn row_summary(series: Series, values: &[Decimal; 12], programming: &[Decimal; 12]) -> RowSummary {
    let (total, programmed) = (exact_sum(values), exact_sum(programming));
    RowSummary {
        total: series.display(total),
        progress: (!series.is_programming()).then(|| percent(progress(total, programmed))),
        warning: far_above_programming(series, total, programmed),
    }
}

/// Why an edit was refused; says where in Spanish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    BadNumber { series: Series, month: Month, found: String, reason: NumberError },
    /// A pasted block reaching past the last row (of the grid or the AEI sheet) or past December.
    BlockOutside { rows: usize, columns: usize, series: Series, month: Month, rows_left: usize },
    ReadOnlyVersion,
    UnknownActivity(String),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::BadNumber { series, month, found, reason } => {
                write!(f, "{}, {}: «{}» {}", series.label(), month.short_name(), found, reason)
            }
            EditError::BlockOutside { rows, columns, series, month, rows_left } => write!(
                f,
                "el bloque pegado tiene {rows} fila(s) y {columns} columna(s), pero desde {}, {} solo caben {rows_left} fila(s) y {} columna(s)",
                series.label(),
                month.short_name(),
                13 - usize::from(month.number()),
            ),
            EditError::ReadOnlyVersion => {
                f.write_str("esta versión del POI ya fue aprobada y no se puede modificar; edite la última versión")
            }
            EditError::UnknownActivity(code) => write!(f, "no existe la actividad operativa o inversión {code} en esta versión"),
        }
    }
}

/// A validated set of monthly values for one AO, applied all at once or not at all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MonthlyPatch {
    pub cells: Vec<(Series, Month, Decimal)>,
}

impl Workspace {
    /// Sets one month of one series of an AO (or inversión, by CUI) in the evaluated version, if it is the latest;
    /// `Ok(false)` when the month already held that value.
    pub fn set_monthly_value(&mut self, selection: Selection, ao_code: &str, series: Series, month: Month, text: &str) -> Result<bool, EditError> {
        let value = parse_number(text, series.kind(), DecimalMark::Point).map_err(|reason| EditError::BadNumber {
            series,
            month,
            found: text.to_string(),
            reason,
        })?;
        self.apply_monthly_patch(selection, ao_code, &MonthlyPatch { cells: vec![(series, month, value)] })
    }

    /// Writes every cell of a patch into an AO of the evaluated version, if it is the latest.
    /// `Ok(false)` when every cell already held its value: the UI then notifies nobody, so an
    /// Enter on an untouched cell recomputes no table and saves nothing.
    pub fn apply_monthly_patch(&mut self, selection: Selection, ao_code: &str, patch: &MonthlyPatch) -> Result<bool, EditError> {
        let number = self.evaluated_version(selection).map(|v| v.number).ok_or(EditError::ReadOnlyVersion)?;
        let version = self.year_mut(selection.year).and_then(|y| y.poi.editable_version_mut(number)).ok_or(EditError::ReadOnlyVersion)?;
        let item = version.item_mut(ao_code).ok_or_else(|| EditError::UnknownActivity(ao_code.to_string()))?;
        let mut changed = false;
        for &(series, month, value) in &patch.cells {
            let slot = &mut series.values_mut(item)[month.index()];
            if *slot != value {
                *slot = value;
                changed = true;
            }
        }
        Ok(changed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::{reference_workspace, INTEGRITY_AO, REFERENCE_VIEW};
    use crate::domain::plan::Investment;
    use rust_decimal::Decimal;

    #[test]
    fn a_valid_edit_changes_the_latest_version_only() {
        let mut ws = reference_workspace();
        ws.set_monthly_value(REFERENCE_VIEW, INTEGRITY_AO, Series::PhysicalExecuted, Month::new(12).unwrap(), "0").unwrap();
        let poi = &ws.year(2023).unwrap().poi;
        assert!(poi.version(3).unwrap().activity(INTEGRITY_AO).unwrap().physical.executed[11].is_zero());
        assert!(!poi.version(2).unwrap().activity(INTEGRITY_AO).unwrap().physical.executed[11].is_zero());
    }

    #[test]
    fn the_same_value_again_is_no_change() {
        let mut ws = reference_workspace();
        let december = Month::new(12).unwrap();
        assert_eq!(ws.set_monthly_value(REFERENCE_VIEW, INTEGRITY_AO, Series::FinancialExecuted, december, "3,500.00"), Ok(false));
        assert_eq!(ws.set_monthly_value(REFERENCE_VIEW, INTEGRITY_AO, Series::FinancialExecuted, december, "3,600"), Ok(true));
    }

    #[test]
    fn a_bad_value_changes_nothing_and_says_where() {
        let mut ws = reference_workspace();
        let before = ws.clone();
        let err = ws.set_monthly_value(REFERENCE_VIEW, INTEGRITY_AO, Series::FinancialExecuted, Month::new(3).unwrap(), "-5").unwrap_err();
        assert_eq!(err.to_string(), "Ejecución financiera (S/), Mar: «-5» no puede ser negativo");
        assert_eq!(ws, before);
    }

    #[test]
    fn an_inversion_is_edited_by_its_cui() {
        let mut ws = reference_workspace();
        let version = ws.year_mut(2023).unwrap().poi.versions.last_mut().unwrap();
        version.investments.push(Investment::new("2456789", "MEJORAMIENTO DEL SERVICIO", "ESTUDIO", "AEI.08.05", "01"));
        let march = Month::new(3).unwrap();
        assert_eq!(ws.set_monthly_value(REFERENCE_VIEW, "2456789", Series::FinancialProgrammed, march, "S/ 1,500.00"), Ok(true));
        let inv = ws.evaluated_version(REFERENCE_VIEW).unwrap().investment("2456789").unwrap();
        assert_eq!(inv.financial.programmed[2], Decimal::new(1500, 0));
        assert_eq!(ws.evaluated_version(REFERENCE_VIEW).unwrap().item("2456789").unwrap().caption(), "Inversión 2456789: MEJORAMIENTO DEL SERVICIO (ESTUDIO)");
        assert_eq!(
            ws.set_monthly_value(REFERENCE_VIEW, "9999999", Series::FinancialProgrammed, march, "1").unwrap_err().to_string(),
            "no existe la actividad operativa o inversión 9999999 en esta versión"
        );
    }

    #[test]
    fn execution_far_above_programming_is_a_warning() {
        let (fx, fp, px) = (Series::FinancialExecuted, Series::FinancialProgrammed, Series::PhysicalExecuted);
        let d = |n: i64| Decimal::new(n, 0);
        // 150% exactly is still plausible; one sol more is not.
        assert_eq!(far_above_programming(fx, d(31_500), d(21_000)), None);
        assert_eq!(
            far_above_programming(fx, d(31_501), d(21_000)).as_deref(),
            Some("Ejecución financiera (S/): la ejecución anual (31,501.00) supera en más de 50% a la programación (21,000.00). Verifique el valor; si es correcto, puede dejarlo así.")
        );
        assert_eq!(
            far_above_programming(px, d(2), Decimal::ZERO).as_deref(),
            Some("Ejecución física: se registra una ejecución de 2 sin programación en el año. Verifique el valor.")
        );
        assert_eq!(far_above_programming(px, Decimal::ZERO, Decimal::ZERO), None);
        assert_eq!(far_above_programming(fp, d(99_999), d(1)), None);
    }

    #[test]
    fn a_row_totals_its_year_and_an_execution_its_progress_and_warning() {
        let months = |values: [i64; 12]| values.map(Decimal::from);
        let programmed = months([0, 0, 0, 0, 0, 0, 3500, 3500, 3500, 3500, 3500, 3500]);
        let executed = months([0, 0, 0, 0, 0, 0, 3500, 3500, 3500, 3500, 3500, 31_500]);
        assert_eq!(
            row_summary(Series::FinancialProgrammed, &programmed, &programmed),
            RowSummary { total: "21,000.00".to_string(), progress: None, warning: None }
        );
        let row = row_summary(Series::FinancialExecuted, &executed, &programmed);
        assert_eq!((row.total.as_str(), row.progress.as_deref()), ("49,000.00", Some("233.3%")));
        assert!(row.warning.unwrap().starts_with("Ejecución financiera (S/): la ejecución anual (49,000.00) supera"));
        let none = months([0; 12]);
        assert_eq!(row_summary(Series::PhysicalExecuted, &none, &none).progress.as_deref(), Some("–"));
    }

    #[test]
    fn an_earlier_version_is_read_only() {
        let mut ws = reference_workspace();
        let earlier = Selection { version: Some(2), ..REFERENCE_VIEW };
        assert!(!ws.evaluated_version_is_editable(earlier));
        assert_eq!(
            ws.set_monthly_value(earlier, INTEGRITY_AO, Series::PhysicalExecuted, Month::new(12).unwrap(), "0"),
            Err(EditError::ReadOnlyVersion)
        );
    }
}
