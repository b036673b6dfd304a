//! The bounds every figure is held to wherever it enters (docs/LIMITS.md), and the check of a whole workspace.

use std::fmt;

use rust_decimal::Decimal;

use super::edit::{MonthlyGoals, Series};
use super::numbers::{NumberError, NumberKind};
use super::period::Month;
use super::poi::PoiVersion;
use super::workspace::{Workspace, YearPlan};

/// Largest amount in soles: 10^15, thousands of times any public budget of Peru.
pub const MAX_MONEY: Decimal = Decimal::from_parts(0xA4C6_8000, 0x0003_8D7E, 0, false, 0);
/// Decimals an amount in soles may have: céntimos.
pub const MONEY_DECIMALS: u32 = 2;
/// Largest physical quantity (or indicator value, integrity score): 10^12.
pub const MAX_QUANTITY: Decimal = Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0);
/// Decimals a physical quantity may have.
pub const QUANTITY_DECIMALS: u32 = 6;

/// Whether a value is within its kind's bounds: not negative, at most its maximum and its decimals
/// (trailing zeros do not count: `21000.500` is `21000.5`).
pub fn check(value: Decimal, kind: NumberKind) -> Result<(), NumberError> {
    if value.is_sign_negative() && !value.is_zero() {
        return Err(NumberError::Negative);
    }
    if value.scale() > kind.decimals() && value.normalize().scale() > kind.decimals() {
        return Err(NumberError::TooManyDecimals(kind));
    }
    if value > kind.max() {
        return Err(NumberError::TooLarge(kind));
    }
    Ok(())
}

/// Adds figures without an operator that panics on overflow. Within the bounds no sum comes near
/// `Decimal::MAX` (7.9 × 10^28): that takes over 6 × 10^12 AO-years of soles at the maximum. The
/// saturation only keeps a figure that never passed the bounds from stopping the app.
pub fn saturating_sum(values: impl IntoIterator<Item = Decimal>) -> Decimal {
    values.into_iter().fold(Decimal::ZERO, Decimal::saturating_add)
}

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
    check(value, kind).map_err(|reason| OutOfBounds { place: place(), value, reason })
}

fn optional(value: Option<Decimal>, kind: NumberKind, place: impl FnOnce() -> String) -> Result<(), OutOfBounds> {
    value.map_or(Ok(()), |value| within(value, kind, place))
}

/// The four monthly series of an AO or inversión, each month against its series' bounds; `at`
/// names the item, only for a refused month.
fn monthly(item: &dyn MonthlyGoals, at: impl Fn() -> String) -> Result<(), OutOfBounds> {
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
    for ao in &version.activities {
        monthly(ao, || format!("{at}, AO {}", ao.code))?;
        if let Some(annual) = &ao.financial_annual {
            let total = |what: &str| format!("{at}, AO {}, {what} anual (sin detalle mensual)", ao.code);
            within(annual.programmed, NumberKind::Money, || total("programación financiera"))?;
            within(annual.executed, NumberKind::Money, || total("ejecución financiera"))?;
        }
    }
    for investment in &version.investments {
        monthly(investment, || format!("{at}, inversión {}", investment.cui))?;
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
    fn the_constants_are_the_documented_powers_of_ten() {
        assert_eq!(MAX_MONEY, Decimal::from(10u64.pow(15)));
        assert_eq!(MAX_QUANTITY, Decimal::from(10u64.pow(12)));
    }

    #[test]
    fn each_bound_holds_at_its_edge_and_refuses_one_past_it() {
        let money = NumberKind::Money;
        let quantity = NumberKind::Quantity;
        assert_eq!(check(d("1000000000000000.00"), money), Ok(()));
        assert_eq!(check(d("1000000000000000.01"), money), Err(NumberError::TooLarge(money)));
        assert_eq!(check(d("0.01"), money), Ok(()));
        assert_eq!(check(d("0.001"), money), Err(NumberError::TooManyDecimals(money)));
        assert_eq!(check(d("21000.500"), money), Ok(()), "trailing zeros are not decimals");
        assert_eq!(check(d("999999999999.999999"), quantity), Ok(()));
        assert_eq!(check(d("1000000000000.000001"), quantity), Err(NumberError::TooLarge(quantity)));
        assert_eq!(check(d("0.0000001"), quantity), Err(NumberError::TooManyDecimals(quantity)));
        assert_eq!(check(d("-1"), quantity), Err(NumberError::Negative));
        assert_eq!(check(Decimal::MAX, money), Err(NumberError::TooLarge(money)));
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

    #[test]
    fn saturating_sum_never_panics() {
        assert_eq!(saturating_sum([d("1.5"), d("2.25")]), d("3.75"));
        assert_eq!(saturating_sum([Decimal::MAX, Decimal::MAX]), Decimal::MAX);
    }
}
