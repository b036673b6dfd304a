//! The computed tables of the ficha (docs/FORMULAS.md): Cuadro 1, Cuadro 2 and Tabla 3.

use rust_decimal::Decimal;

use super::figures::{aei_figures, aei_items, financial_in, mean, progress, ActivityFigures, Figures, TableOptions};
use crate::domain::plan::{Aei, BudgetCategory, CostCenter, Period, PoiVersion};

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
    /// False when a counted AO has no financial detail for the period: 3/ is then unknown.
    pub financial_detail: bool,
    /// 4/ mean of EFA_i over the counted set; `None` when nothing is counted.
    pub average_adjusted_physical_execution: Option<Decimal>,
}

impl Cuadro1Row {
    fn over(code: &str, name: &str, figures: impl Iterator<Item = Figures>) -> Self {
        let mut count = 0usize;
        let mut fully_executed = 0usize;
        let mut financial = Decimal::ZERO;
        let mut adjusted_sum = Decimal::ZERO;
        let mut financial_detail = true;
        for f in figures.filter(Figures::is_counted) {
            financial_detail &= f.financial_detail;
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
            financial_detail,
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
    /// False when an AO of the version has no financial detail for the period: the Total is unknown.
    pub total_financial_detail: bool,
}

impl Tabla3 {
    /// % de avance of the Total row; `None` without financial detail.
    pub fn total_financial_progress(&self) -> Option<Decimal> {
        progress(self.total_financial_executed, self.total_financial_programmed).filter(|_| self.total_financial_detail)
    }
}

/// Tabla 3 for one AEI: its AO as rows, the financial Total over every AO of the version (only
/// the sums of each AO outside the AEI: no row is built for them).
pub fn tabla3(version: &PoiVersion, aei_code: &str, period: Period) -> Tabla3 {
    let total = version_financial_total(version, period);
    let (programmed, executed) = total.unwrap_or_default();
    Tabla3 {
        rows: version.activities.iter().filter(|a| a.aei_code == aei_code).map(|a| ActivityFigures::of(a, period)).collect(),
        total_financial_programmed: programmed,
        total_financial_executed: executed,
        total_financial_detail: total.is_some(),
    }
}

/// Tabla 3's Total: the financial programming and execution of every AO of the version over the
/// period; `None` when an AO has no financial detail for it (`financial_in`).
pub fn version_financial_total(version: &PoiVersion, period: Period) -> Option<(Decimal, Decimal)> {
    version.activities.iter().try_fold((Decimal::ZERO, Decimal::ZERO), |(p, e), ao| {
        let (fp, fx) = financial_in(ao, period)?;
        Some((p.saturating_add(fp), e.saturating_add(fx)))
    })
}

/// The Informe's summary of every AEI: each AEI's Cuadro 1 row, in the year's order, and the
/// entity's row over every counted item (its 4/ the mean of all of them, never of the AEI rows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AeiSummary {
    pub rows: Vec<Cuadro1Row>,
    pub total: Cuadro1Row,
}

/// The summary of `aeis` in `version` over the period.
pub fn aei_summary(version: &PoiVersion, aeis: &[Aei], period: Period, options: TableOptions) -> AeiSummary {
    let figures: Vec<Vec<Figures>> =
        aeis.iter().map(|aei| aei_figures(version, &aei.code, period, options).iter().map(ActivityFigures::figures).collect()).collect();
    let rows = aeis.iter().zip(&figures).map(|(aei, f)| Cuadro1Row::over(&aei.code, &aei.name, f.iter().copied())).collect();
    AeiSummary { rows, total: Cuadro1Row::over("", "Total", figures.iter().flatten().copied()) }
}

/// One row of the execution by categoría presupuestal: its label and the financial sums of its AO.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetRow {
    /// "9002: Asignaciones presupuestarias que no resultan en productos", or "Sin categoría presupuestal".
    pub label: String,
    pub programmed: Decimal,
    pub executed: Decimal,
    /// False when one of its AO has no financial detail for the period (`financial_in`).
    pub detail: bool,
}

impl BudgetRow {
    /// % de avance; `None` without financial detail.
    pub fn progress(&self) -> Option<Decimal> {
        progress(self.executed, self.programmed).filter(|_| self.detail)
    }
}

/// What an AO without a categoría presupuestal is listed under.
pub const NO_BUDGET_CATEGORY: &str = "Sin categoría presupuestal";

/// The financial programming and execution of the version's AO by categoría / programa
/// presupuestal, in the order the year lists its categories (codes it does not list after them,
/// then the AO without one); the rows add up to Tabla 3's Total.
pub fn budget_execution(version: &PoiVersion, categories: &[BudgetCategory], period: Period) -> Vec<BudgetRow> {
    let mut sums: Vec<(&str, Decimal, Decimal, bool)> = Vec::new();
    for ao in &version.activities {
        let code = ao.budget_category_code.trim();
        let financial = financial_in(ao, period);
        let (p, e) = financial.unwrap_or_default();
        match sums.iter_mut().find(|(c, _, _, _)| *c == code) {
            Some((_, programmed, executed, detail)) => {
                *programmed = programmed.saturating_add(p);
                *executed = executed.saturating_add(e);
                *detail &= financial.is_some();
            }
            None => sums.push((code, p, e, financial.is_some())),
        }
    }
    let rank = |code: &str| match categories.iter().position(|c| c.code == code) {
        Some(i) => (0, i, String::new()),
        None if code.is_empty() => (2, 0, String::new()),
        None => (1, 0, code.to_string()),
    };
    sums.sort_by_key(|(code, _, _, _)| rank(code));
    sums.into_iter()
        .map(|(code, programmed, executed, detail)| {
            let label = match categories.iter().find(|c| c.code == code) {
                Some(category) => format!("{}: {}", category.code, category.name),
                None if code.is_empty() => NO_BUDGET_CATEGORY.to_string(),
                None => code.to_string(),
            };
            BudgetRow { label, programmed, executed, detail }
        })
        .collect()
}
