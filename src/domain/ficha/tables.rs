//! The computed tables of the ficha (docs/FORMULAS.md): Cuadro 1, Cuadro 2 and Tabla 3.

use rust_decimal::Decimal;

use super::figures::{aei_figures, aei_items, mean, progress, ActivityFigures, Figures, TableOptions};
use crate::domain::plan::{Aei, CostCenter, Period, PoiVersion};

/// One row of Cuadro 1: the AEI or one of its centros de costo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cuadro1Row {
    pub code: String,
    pub name: String,
    /// 1/ the size of the counted set.
    pub activity_count: usize,
    /// 2/ counted AO with EF_i ≥ 100.
    pub fully_executed_count: usize,
    /// 3/ Σ FX_i over the counted set.
    pub financial_execution: Decimal,
    /// 4/ mean of EFA_i over the counted set; `None` when nothing is counted.
    pub average_adjusted_physical_execution: Option<Decimal>,
}

impl Cuadro1Row {
    fn over(code: &str, name: &str, figures: impl Iterator<Item = Figures>) -> Self {
        let mut count = 0usize;
        let mut fully_executed = 0usize;
        let mut financial = Decimal::ZERO;
        let mut adjusted_sum = Decimal::ZERO;
        for f in figures.filter(Figures::is_counted) {
            // X ≥ P is EF ≥ 100 without a division; only the partly executed need one.
            let complete = f.physical_executed >= f.physical_programmed;
            count += 1;
            fully_executed += usize::from(complete);
            // Saturating: within the bounds these sums stay far below `Decimal::MAX` (see `saturating_sum`).
            financial = financial.saturating_add(f.financial_executed);
            adjusted_sum = adjusted_sum.saturating_add(if complete { Decimal::ONE_HUNDRED } else { f.physical_execution().unwrap_or_default() });
        }
        Self {
            code: code.to_string(),
            name: name.to_string(),
            activity_count: count,
            fully_executed_count: fully_executed,
            financial_execution: financial,
            average_adjusted_physical_execution: mean(adjusted_sum, count),
        }
    }
}

/// Cuadro 1 – Ejecución física de las AO e inversiones vinculadas a la AEI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cuadro1 {
    pub aei: Cuadro1Row,
    pub cost_centers: Vec<Cuadro1Row>,
}

/// Cuadro 1: the AEI row averages all its counted AO, never the CC rows.
pub fn cuadro1(
    version: &PoiVersion,
    aei: &Aei,
    cost_centers: &[CostCenter],
    period: Period,
    options: TableOptions,
) -> Cuadro1 {
    // Only the figures and the CC code: no row of text is built for what Cuadro 1 only counts.
    let entries: Vec<(&str, Figures)> =
        aei_items(version, &aei.code, options).map(|item| (item.cost_center_code(), Figures::of(item, period))).collect();
    cuadro1_of(aei, &entries, cost_centers)
}

/// Cuadro 1 from the AEI's figures already computed, each with its CC code.
fn cuadro1_of(aei: &Aei, entries: &[(&str, Figures)], cost_centers: &[CostCenter]) -> Cuadro1 {
    let mut cc_codes: Vec<&str> = entries.iter().map(|(cc, _)| *cc).collect();
    cc_codes.sort_unstable();
    cc_codes.dedup();
    let cost_center_rows = cc_codes
        .into_iter()
        .map(|code| {
            let name = cost_centers.iter().find(|c| c.code == code).map_or("", |c| c.name.as_str());
            Cuadro1Row::over(code, name, entries.iter().filter(|(cc, _)| *cc == code).map(|(_, f)| *f))
        })
        .collect();
    Cuadro1 { aei: Cuadro1Row::over(&aei.code, &aei.name, entries.iter().map(|(_, f)| *f)), cost_centers: cost_center_rows }
}

/// Cuadro 2 – the AO of the POI related to the AEI, each with its physical progress.
pub fn cuadro2(version: &PoiVersion, aei_code: &str, period: Period) -> Vec<ActivityFigures> {
    aei_figures(version, aei_code, period, TableOptions::default())
}

/// Tabla 3 – physical and financial progress of the AEI's AO; the Total covers the whole POI version.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tabla3 {
    pub rows: Vec<ActivityFigures>,
    pub total_financial_programmed: Decimal,
    pub total_financial_executed: Decimal,
}

impl Tabla3 {
    /// % de avance of the Total row.
    pub fn total_financial_progress(&self) -> Option<Decimal> {
        progress(self.total_financial_executed, self.total_financial_programmed)
    }
}

/// Tabla 3 for one AEI: its AO as rows, the financial Total over every AO of the version (only
/// the sums of each AO outside the AEI: no row is built for them).
pub fn tabla3(version: &PoiVersion, aei_code: &str, period: Period) -> Tabla3 {
    let (programmed, executed) = version_financial_total(version, period);
    Tabla3 {
        rows: version.activities.iter().filter(|a| a.aei_code == aei_code).map(|a| ActivityFigures::of(a, period)).collect(),
        total_financial_programmed: programmed,
        total_financial_executed: executed,
    }
}

/// Tabla 3's Total: the financial programming and execution of every AO of the version over the period.
pub fn version_financial_total(version: &PoiVersion, period: Period) -> (Decimal, Decimal) {
    let (programmed, executed) = version
        .activities
        .iter()
        .map(|ao| (ao.financial.programmed_in(period), ao.financial.executed_in(period)))
        .fold((Decimal::ZERO, Decimal::ZERO), |(p, e), (fp, fx)| (p.saturating_add(fp), e.saturating_add(fx)));
    (programmed, executed)
}
