//! The four monthly series of an AO or inversión, their twelve values and exact sums; the annual
//! financial totals and month notes a source may give instead of or beside them.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain::plan::{Month, Period};
use crate::domain::language::{money, quantity, NumberKind};

/// One of the four monthly series of an AO or inversión.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Series {
    PhysicalProgrammed,
    PhysicalExecuted,
    FinancialProgrammed,
    FinancialExecuted,
}

impl Series {
    /// The four series in the order the grid shows them.
    pub const ALL: [Series; 4] =
        [Series::PhysicalProgrammed, Series::PhysicalExecuted, Series::FinancialProgrammed, Series::FinancialExecuted];

    /// Row title in the grid.
    pub fn label(self) -> &'static str {
        match self {
            Series::PhysicalProgrammed => "Programación física",
            Series::PhysicalExecuted => "Ejecución física",
            Series::FinancialProgrammed => "Programación financiera (S/)",
            Series::FinancialExecuted => "Ejecución financiera (S/)",
        }
    }

    /// Quantities or soles.
    pub fn kind(self) -> NumberKind {
        match self {
            Series::PhysicalProgrammed | Series::PhysicalExecuted => NumberKind::Quantity,
            Series::FinancialProgrammed | Series::FinancialExecuted => NumberKind::Money,
        }
    }

    /// The grid row of the series, 0–3.
    pub fn position(self) -> usize {
        match self {
            Series::PhysicalProgrammed => 0,
            Series::PhysicalExecuted => 1,
            Series::FinancialProgrammed => 2,
            Series::FinancialExecuted => 3,
        }
    }

    /// The series shown at a grid row, if the row exists.
    pub fn at(position: usize) -> Option<Series> {
        Series::ALL.get(position).copied()
    }

    /// The programming series an execution series is measured against (itself for programming).
    pub fn programming(self) -> Series {
        match self {
            Series::PhysicalProgrammed | Series::PhysicalExecuted => Series::PhysicalProgrammed,
            Series::FinancialProgrammed | Series::FinancialExecuted => Series::FinancialProgrammed,
        }
    }

    /// Whether the series counts physical goals (quantities), not soles.
    pub fn is_physical(self) -> bool {
        matches!(self, Series::PhysicalProgrammed | Series::PhysicalExecuted)
    }

    /// Whether the series is a programming, not an execution.
    pub fn is_programming(self) -> bool {
        self == self.programming()
    }

    /// A value or total of the series as the tables print it: soles `21,000.00`, quantities `12`.
    pub fn display(self, value: Decimal) -> String {
        match self.kind() {
            NumberKind::Money => money(value),
            NumberKind::Quantity => quantity(value),
        }
    }
}

/// Twelve monthly values of programming and execution, in one unit (physical quantity or soles).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MonthlyValues {
    #[serde(rename = "p", with = "compact_months")]
    pub programmed: [Decimal; 12],
    #[serde(rename = "e", with = "compact_months")]
    pub executed: [Decimal; 12],
}

/// Twelve decimals stored as one string, `|`-separated, zeros empty and trailing zeros dropped:
/// `"||||||3500|3500|3500|3500|3500|3500"`. Keeps 5,000 AO well inside the browser's quota.
mod compact_months {
    use std::str::FromStr;

    use rust_decimal::Decimal;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(months: &[Decimal; 12], serializer: S) -> Result<S::Ok, S::Error> {
        let used = months.iter().rposition(|v| !v.is_zero()).map_or(0, |i| i + 1);
        let text: Vec<String> = months[..used]
            .iter()
            .map(|v| if v.is_zero() { String::new() } else { v.normalize().to_string() })
            .collect();
        serializer.serialize_str(&text.join("|"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<[Decimal; 12], D::Error> {
        let text = String::deserialize(deserializer)?;
        let mut months = [Decimal::ZERO; 12];
        if text.is_empty() {
            return Ok(months);
        }
        let parts: Vec<&str> = text.split('|').collect();
        if parts.len() > 12 {
            return Err(D::Error::custom("más de 12 meses"));
        }
        for (slot, part) in months.iter_mut().zip(parts) {
            if !part.is_empty() {
                // The value's bounds (sign, maximum, decimals) depend on its series: `storage::document`
                // checks them once the whole workspace is read (`limits::check_workspace`).
                *slot = Decimal::from_str(part).map_err(|_| D::Error::custom(format!("valor mensual inválido: {part}")))?;
            }
        }
        Ok(months)
    }
}

/// Adds figures without an operator that panics on overflow. Within the bounds no sum comes near
/// `Decimal::MAX` (7.9 × 10^28): that takes over 6 × 10^12 AO-years of soles at the maximum. The
/// saturation only keeps a figure that never passed the bounds from stopping the app.
pub fn saturating_sum(values: impl IntoIterator<Item = Decimal>) -> Decimal {
    values.into_iter().fold(Decimal::ZERO, Decimal::saturating_add)
}

/// Exact sum of decimals on one common scale in integer arithmetic; every table sums 48 values per
/// AO, and this is several times faster than adding `Decimal`s of mixed scales one by one. Within
/// the bounds (docs/LIMITS.md) the integer never overflows: 10^15 at 6 decimals is 10^21, far
/// below `i128::MAX`; past them it falls back to a sum that saturates instead of panicking.
pub fn exact_sum(values: &[Decimal]) -> Decimal {
    let scale = values.iter().map(|v| v.scale()).max().unwrap_or(0);
    let mut total: i128 = 0;
    for value in values {
        let factor = 10i128.checked_pow(scale - value.scale());
        match factor.and_then(|f| value.mantissa().checked_mul(f)).and_then(|m| total.checked_add(m)) {
            Some(next) => total = next,
            None => return saturating_sum(values.iter().copied()),
        }
    }
    Decimal::try_from_i128_with_scale(total, scale).unwrap_or_else(|_| saturating_sum(values.iter().copied()))
}

impl MonthlyValues {
    /// Programming summed over the period's months.
    pub fn programmed_in(&self, period: Period) -> Decimal {
        exact_sum(&self.programmed[..period.month_count()])
    }

    /// Execution summed over the period's months.
    pub fn executed_in(&self, period: Period) -> Decimal {
        exact_sum(&self.executed[..period.month_count()])
    }

    /// Sets one month's programming.
    pub fn set_programmed(&mut self, month: Month, value: Decimal) {
        self.programmed[month.index()] = value;
    }

    /// Sets one month's execution.
    pub fn set_executed(&mut self, month: Month, value: Decimal) {
        self.executed[month.index()] = value;
    }
}

/// Annual financial totals of an AO whose source gave no monthly detail (an export with only
/// `Fn(RE) Total` / `Fn(SE) Total`); its monthly `financial` values are then all zero and unused.
/// Stored as one string, `"programmed|executed"` (`"18000|8400"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnualFinancial {
    pub programmed: Decimal,
    pub executed: Decimal,
}

impl Serialize for AnnualFinancial {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format!("{}|{}", self.programmed.normalize(), self.executed.normalize()))
    }
}

impl AnnualFinancial {
    /// What the AO's grid says under its financial rows, whose months are not the data.
    pub fn notice(&self) -> String {
        format!(
            "Ejecución financiera sin detalle mensual: el archivo importado solo registra los totales anuales (programado S/ {}, ejecutado S/ {}); los cuadros anuales los usan y los del I Semestre muestran «sin detalle mensual».",
            money(self.programmed),
            money(self.executed)
        )
    }
}

impl<'de> Deserialize<'de> for AnnualFinancial {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use std::str::FromStr;
        let text = String::deserialize(deserializer)?;
        let bad = || serde::de::Error::custom(format!("totales anuales inválidos: {text}"));
        let (programmed, executed) = text.split_once('|').ok_or_else(bad)?;
        // Their bounds are checked with every other figure (`limits::check_workspace`).
        let read = |part: &str| Decimal::from_str(part).map_err(|_| bad());
        Ok(AnnualFinancial { programmed: read(programmed)?, executed: read(executed)? })
    }
}

/// A text per month: the explanation of each month's execution (the Aplicativo's `Motivo(SE) MM`).
/// Stored as one string, the months separated by U+001F (a control character no note holds),
/// trailing empty months dropped.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MonthNotes(pub [String; 12]);

const NOTE_SEPARATOR: char = '\u{1F}';

impl Serialize for MonthNotes {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let used = self.0.iter().rposition(|n| !n.is_empty()).map_or(0, |i| i + 1);
        serializer.serialize_str(&self.0[..used].join(&NOTE_SEPARATOR.to_string()))
    }
}

impl<'de> Deserialize<'de> for MonthNotes {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let mut months: [String; 12] = Default::default();
        if text.is_empty() {
            return Ok(MonthNotes(months));
        }
        let parts: Vec<&str> = text.split(NOTE_SEPARATOR).collect();
        if parts.len() > 12 {
            return Err(serde::de::Error::custom("más de 12 meses"));
        }
        for (slot, part) in months.iter_mut().zip(parts) {
            *slot = part.to_string();
        }
        Ok(MonthNotes(months))
    }
}

impl MonthNotes {
    /// No month has a note.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(String::is_empty)
    }

    /// The month's note, empty when none.
    pub fn of(&self, month: Month) -> &str {
        &self.0[month.index()]
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn exact_sum_adds_mixed_scales_without_loss() {
        let values: Vec<Decimal> = ["3500", "1234.56", "0.001", "0", "79228162514264337593543950335"]
            .iter()
            .map(|s| Decimal::from_str(s).unwrap())
            .collect();
        assert_eq!(exact_sum(&values[..4]).to_string(), "4734.561");
        assert_eq!(exact_sum(&values[..4]), values[..4].iter().sum::<Decimal>());
        assert_eq!(exact_sum(&[]), Decimal::ZERO);
        // Overflowing the common scale falls back to Decimal's own (rounding) sum instead of panicking.
        assert_eq!(exact_sum(&[values[4], values[2]]), values[4] + values[2]);
        // Past what a Decimal holds, the sum saturates: a figure that never passed the bounds stops nothing.
        assert_eq!(exact_sum(&[values[4], values[4]]), Decimal::MAX);
    }

    #[test]
    fn saturating_sum_never_panics() {
        let d = |text: &str| Decimal::from_str(text).unwrap();
        assert_eq!(saturating_sum([d("1.5"), d("2.25")]), d("3.75"));
        assert_eq!(saturating_sum([Decimal::MAX, Decimal::MAX]), Decimal::MAX);
    }
}
