//! The computed tables of the ficha (DOMAIN.md §3): Cuadro 1, Cuadro 2 and Tabla 3.

use rust_decimal::Decimal;

use crate::domain::plan::{saturating_sum, Aei, CostCenter, Investment, MonthlyValues, OperativeActivity, Period, PoiVersion};

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// execution / programming × 100, or `None` where programming is 0 (shown as "–"). Within the
/// bounds (docs/LIMITS.md) the result is at most 1.2 × 10^21 (a year of the largest quantity over
/// the smallest, 0.000001), far inside a `Decimal`: the checked operations only keep figures that
/// never passed the bounds from panicking, and give "–" for them.
pub fn progress(executed: Decimal, programmed: Decimal) -> Option<Decimal> {
    executed.checked_div(programmed)?.checked_mul(HUNDRED)
}

/// The four sums of one AO over a period and whether its follow-up is approved: all a formula needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figures {
    /// P_i
    pub physical_programmed: Decimal,
    /// X_i
    pub physical_executed: Decimal,
    /// FP_i
    pub financial_programmed: Decimal,
    /// FX_i
    pub financial_executed: Decimal,
    pub follow_up_approved: bool,
}

impl Figures {
    /// The sums of an AO's monthly values over the period.
    pub fn of(physical: &MonthlyValues, financial: &MonthlyValues, follow_up_approved: bool, period: Period) -> Self {
        Self {
            physical_programmed: physical.programmed_in(period),
            physical_executed: physical.executed_in(period),
            financial_programmed: financial.programmed_in(period),
            financial_executed: financial.executed_in(period),
            follow_up_approved,
        }
    }

    /// Footnote 1/: physical programming above zero and follow-up approved.
    pub fn is_counted(&self) -> bool {
        self.follow_up_approved && self.physical_programmed > Decimal::ZERO
    }

    /// EF_i = X_i / P_i × 100, only where P_i > 0.
    pub fn physical_execution(&self) -> Option<Decimal> {
        progress(self.physical_executed, self.physical_programmed)
    }

    /// EFA_i = min(EF_i, 100).
    pub fn adjusted_physical_execution(&self) -> Option<Decimal> {
        self.physical_execution().map(|ef| ef.min(HUNDRED))
    }

    /// % de avance financiero.
    pub fn financial_progress(&self) -> Option<Decimal> {
        progress(self.financial_executed, self.financial_programmed)
    }
}

/// The figures of one AO (or inversión) over a period, with what the tables print beside them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ActivityFigures {
    pub code: String,
    pub name: String,
    pub unit: String,
    pub aei_code: String,
    pub cost_center_code: String,
    /// P_i
    pub physical_programmed: Decimal,
    /// X_i
    pub physical_executed: Decimal,
    /// FP_i
    pub financial_programmed: Decimal,
    /// FX_i
    pub financial_executed: Decimal,
    pub follow_up_approved: bool,
}

impl ActivityFigures {
    fn from_values(
        (code, name, unit): (&str, &str, &str),
        (aei_code, cost_center_code): (&str, &str),
        physical: &MonthlyValues,
        financial: &MonthlyValues,
        follow_up_approved: bool,
        period: Period,
    ) -> Self {
        let f = Figures::of(physical, financial, follow_up_approved, period);
        Self {
            code: code.to_string(),
            name: name.to_string(),
            unit: unit.to_string(),
            aei_code: aei_code.to_string(),
            cost_center_code: cost_center_code.to_string(),
            physical_programmed: f.physical_programmed,
            physical_executed: f.physical_executed,
            financial_programmed: f.financial_programmed,
            financial_executed: f.financial_executed,
            follow_up_approved,
        }
    }

    /// The numbers alone.
    pub fn figures(&self) -> Figures {
        Figures {
            physical_programmed: self.physical_programmed,
            physical_executed: self.physical_executed,
            financial_programmed: self.financial_programmed,
            financial_executed: self.financial_executed,
            follow_up_approved: self.follow_up_approved,
        }
    }

    /// The figures of an AO over the period.
    pub fn of_activity(ao: &OperativeActivity, period: Period) -> Self {
        Self::from_values(
            (&ao.code, &ao.name, &ao.unit),
            (&ao.aei_code, &ao.cost_center_code),
            &ao.physical,
            &ao.financial,
            ao.follow_up_approved,
            period,
        )
    }

    /// The figures of an inversión over the period (unit "INVERSIÓN").
    pub fn of_investment(inv: &Investment, period: Period) -> Self {
        Self::from_values(
            (&inv.cui, &inv.name, if inv.unit.is_empty() { "INVERSIÓN" } else { &inv.unit }),
            (&inv.aei_code, &inv.cost_center_code),
            &inv.physical,
            &inv.financial,
            inv.follow_up_approved,
            period,
        )
    }

    /// Footnote 1/ (see `Figures::is_counted`).
    pub fn is_counted(&self) -> bool {
        self.figures().is_counted()
    }

    /// EF_i (see `Figures::physical_execution`).
    pub fn physical_execution(&self) -> Option<Decimal> {
        self.figures().physical_execution()
    }

    /// EFA_i (see `Figures::adjusted_physical_execution`).
    pub fn adjusted_physical_execution(&self) -> Option<Decimal> {
        self.figures().adjusted_physical_execution()
    }

    /// % de avance financiero.
    pub fn financial_progress(&self) -> Option<Decimal> {
        self.figures().financial_progress()
    }
}

/// What enters the tables besides AO.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TableOptions {
    /// Whether inversiones linked to the AEI enter Cuadro 1 (unverified practice; default no).
    pub include_investments: bool,
}

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
            adjusted_sum = adjusted_sum.saturating_add(if complete { HUNDRED } else { f.physical_execution().unwrap_or_default() });
        }
        Self {
            code: code.to_string(),
            name: name.to_string(),
            activity_count: count,
            fully_executed_count: fully_executed,
            financial_execution: financial,
            // `None` when nothing is counted (a division by zero).
            average_adjusted_physical_execution: adjusted_sum.checked_div(Decimal::from(count)),
        }
    }
}

/// Cuadro 1 – Ejecución física de las AO e inversiones vinculadas a la AEI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cuadro1 {
    pub aei: Cuadro1Row,
    pub cost_centers: Vec<Cuadro1Row>,
}

/// The figures of every AO (and, if chosen, inversión) of one AEI in a version.
pub fn aei_figures(version: &PoiVersion, aei_code: &str, period: Period, options: TableOptions) -> Vec<ActivityFigures> {
    let activities = version
        .activities
        .iter()
        .filter(|a| a.aei_code == aei_code)
        .map(|a| ActivityFigures::of_activity(a, period));
    let investments = version
        .investments
        .iter()
        .filter(|i| options.include_investments && i.aei_code == aei_code)
        .map(|i| ActivityFigures::of_investment(i, period));
    activities.chain(investments).collect()
}

/// Cuadro 1: the AEI row averages all its counted AO, never the CC rows.
pub fn cuadro1(
    version: &PoiVersion,
    aei: &Aei,
    cost_centers: &[CostCenter],
    period: Period,
    options: TableOptions,
) -> Cuadro1 {
    let figures = aei_figures(version, &aei.code, period, options);
    let entries: Vec<(&str, Figures)> = figures.iter().map(|f| (f.cost_center_code.as_str(), f.figures())).collect();
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

/// Every table of every AEI of one version, each AO's figures computed once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EveryTable<'a> {
    /// Per AEI: Cuadro 1, and the AO rows of Cuadro 2 and Tabla 3 with their figures.
    pub aeis: Vec<(Cuadro1, Vec<(&'a OperativeActivity, Figures)>)>,
    pub total_financial_programmed: Decimal,
    pub total_financial_executed: Decimal,
}

/// Computes every table of every AEI in one pass over the version's AO.
pub fn every_table<'a>(
    version: &'a PoiVersion,
    aeis: &[Aei],
    cost_centers: &[CostCenter],
    period: Period,
    options: TableOptions,
) -> EveryTable<'a> {
    use std::collections::HashMap;
    let mut by_aei: HashMap<&str, Vec<(&OperativeActivity, Figures)>> = HashMap::new();
    let mut total_financial_programmed = Decimal::ZERO;
    let mut total_financial_executed = Decimal::ZERO;
    for ao in &version.activities {
        let f = Figures::of(&ao.physical, &ao.financial, ao.follow_up_approved, period);
        total_financial_programmed = total_financial_programmed.saturating_add(f.financial_programmed);
        total_financial_executed = total_financial_executed.saturating_add(f.financial_executed);
        by_aei.entry(ao.aei_code.as_str()).or_default().push((ao, f));
    }
    let mut investments: HashMap<&str, Vec<(&str, Figures)>> = HashMap::new();
    for inv in version.investments.iter().filter(|_| options.include_investments) {
        let f = Figures::of(&inv.physical, &inv.financial, inv.follow_up_approved, period);
        investments.entry(inv.aei_code.as_str()).or_default().push((inv.cost_center_code.as_str(), f));
    }
    let aeis = aeis
        .iter()
        .map(|aei| {
            let rows = by_aei.remove(aei.code.as_str()).unwrap_or_default();
            let mut entries: Vec<(&str, Figures)> = rows.iter().map(|(ao, f)| (ao.cost_center_code.as_str(), *f)).collect();
            entries.extend(investments.remove(aei.code.as_str()).unwrap_or_default());
            (cuadro1_of(aei, &entries, cost_centers), rows)
        })
        .collect();
    EveryTable { aeis, total_financial_programmed, total_financial_executed }
}

/// Tabla 3 for one AEI: its AO as rows, the financial Total over every AO of the version.
pub fn tabla3(version: &PoiVersion, aei_code: &str, period: Period) -> Tabla3 {
    let all: Vec<ActivityFigures> = version.activities.iter().map(|a| ActivityFigures::of_activity(a, period)).collect();
    Tabla3 {
        total_financial_programmed: saturating_sum(all.iter().map(|f| f.financial_programmed)),
        total_financial_executed: saturating_sum(all.iter().map(|f| f.financial_executed)),
        rows: all.into_iter().filter(|f| f.aei_code == aei_code).collect(),
    }
}
