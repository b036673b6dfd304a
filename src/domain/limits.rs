//! Every figure of a workspace within its bounds (docs/LIMITS.md): what a stored document or a backup must pass before it opens.

use std::fmt;

use rust_decimal::Decimal;

use crate::domain::plan::{Month, PoiItem, PoiVersion, Series};
use super::language::{check_bounds, NumberError, NumberKind};
use crate::domain::{Workspace, YearPlan};

/// A stored figure past its bounds, with where it is (year, version, AO, series, month) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutOfBounds {
    /// "Año 2023, POI Modificado versión 3, AO AOI00106600085, Ejecución financiera (S/), Mar".
    pub place: String,
    pub value: Decimal,
    pub reason: NumberError,
}

impl fmt::Display for OutOfBounds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: «{}» {}", self.place, self.value, self.reason)
    }
}

/// Checks one figure; the place is written only when the figure is refused.
fn within(value: Decimal, kind: NumberKind, place: impl FnOnce() -> String) -> Result<(), OutOfBounds> {
    check_bounds(value, kind).map_err(|reason| OutOfBounds { place: place(), value, reason })
}

fn optional(value: Option<Decimal>, kind: NumberKind, place: impl FnOnce() -> String) -> Result<(), OutOfBounds> {
    value.map_or(Ok(()), |value| within(value, kind, place))
}

/// The four monthly series of an AO or inversión, each month against its series' bounds; `at`
/// names the item, only for a refused month.
fn monthly(item: &dyn PoiItem, at: impl Fn() -> String) -> Result<(), OutOfBounds> {
    for series in Series::ALL {
        for (month, &value) in Month::all().zip(series.values(item)) {
            within(value, series.kind(), || format!("{}, {}, {}", at(), series.label(), month.short_name()))?;
        }
    }
    Ok(())
}

fn version_figures(year: u16, version: &PoiVersion) -> Result<(), OutOfBounds> {
    let at = format!("Año {year}, {}", version.label());
    optional(version.pia_amount, NumberKind::Money, || format!("{at}, monto del PIA"))?;
    for (i, amendment) in version.amendments.iter().enumerate() {
        optional(amendment.amount, NumberKind::Money, || format!("{at}, modificación {}, monto", i + 1))?;
    }
    for item in version.items() {
        monthly(item, || format!("{at}, {} {}", item.kind().label(), item.code()))?;
    }
    for ao in &version.activities {
        if let Some(annual) = &ao.financial_annual {
            let total = |what: &str| format!("{at}, AO {}, {what} anual (sin detalle mensual)", ao.code);
            within(annual.programmed, NumberKind::Money, || total("programación financiera"))?;
            within(annual.executed, NumberKind::Money, || total("ejecución financiera"))?;
        }
    }
    Ok(())
}

fn year_figures(year: &YearPlan) -> Result<(), OutOfBounds> {
    let at = format!("Año {}", year.year);
    for aei in &year.aeis {
        let indicator = &aei.indicator;
        optional(indicator.baseline, NumberKind::Quantity, || format!("{at}, {}, línea de base", aei.code))?;
        optional(indicator.expected_value, NumberKind::Quantity, || format!("{at}, {}, logro esperado", aei.code))?;
    }
    for version in &year.poi.versions {
        version_figures(year.year, version)?;
    }
    if let Some(integrity) = &year.integrity {
        for (i, stage) in integrity.stages.iter().enumerate() {
            optional(stage.score, NumberKind::Quantity, || format!("{at}, Modelo de Integridad, Etapa {}", i + 1))?;
        }
        within(integrity.apto_margin, NumberKind::Quantity, || format!("{at}, Modelo de Integridad, margen de «Apto»"))?;
    }
    Ok(())
}

/// Every figure of the workspace within its bounds, or the first one past them; what a stored
/// document or a backup must pass before it opens.
pub fn check_workspace(ws: &Workspace) -> Result<(), OutOfBounds> {
    ws.years.iter().try_for_each(year_figures)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::{reference_workspace, INTEGRITY_AO};
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn the_first_figure_past_its_bounds_is_named_with_its_place() {
        assert_eq!(check_workspace(&reference_workspace()), Ok(()));
        let mut ws = reference_workspace();
        let version = ws.years[0].poi.versions.last_mut().unwrap();
        version.activity_mut(INTEGRITY_AO).unwrap().financial.executed[2] = Decimal::MAX;
        assert_eq!(
            check_workspace(&ws).unwrap_err().to_string(),
            "Año 2023, POI Modificado versión 3, AO AOI00106600085, Ejecución financiera (S/), Mar: «79228162514264337593543950335» el monto supera el máximo de 1,000,000,000,000,000.00"
        );
    }

    #[test]
    fn indicator_pia_amendment_and_integrity_figures_are_checked_too() {
        let broken: [(fn(&mut Workspace), &str); 5] = [
            (|ws| ws.years[0].aeis[0].indicator.baseline = Some(d("0.1234567")), "Año 2023, AEI.08.05, línea de base: «0.1234567» una cantidad admite como máximo 6 decimales"),
            (|ws| ws.years[0].poi.versions[0].pia_amount = Some(d("1000000000000000.01")), "Año 2023, POI consistente con el PIA, monto del PIA: «1000000000000000.01» el monto supera el máximo de 1,000,000,000,000,000.00"),
            (|ws| ws.years[0].poi.versions[1].amendments[0].amount = Some(d("-5")), "Año 2023, POI Modificado versión 1, modificación 1, monto: «-5» no puede ser negativo"),
            (|ws| ws.years[0].integrity.as_mut().unwrap().stages[1].score = Some(Decimal::MAX), "Año 2023, Modelo de Integridad, Etapa 2: «79228162514264337593543950335» la cantidad supera el máximo de 1,000,000,000,000"),
            (|ws| ws.years[0].integrity.as_mut().unwrap().apto_margin = d("0.00000001"), "Año 2023, Modelo de Integridad, margen de «Apto»: «0.00000001» una cantidad admite como máximo 6 decimales"),
        ];
        for (spoil, message) in broken {
            let mut ws = reference_workspace();
            spoil(&mut ws);
            assert_eq!(check_workspace(&ws).unwrap_err().to_string(), message);
        }
    }

}
