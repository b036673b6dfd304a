//! The computed tables of the ficha (DOMAIN.md §3): Cuadro 1, Cuadro 2 and Tabla 3.

use rust_decimal::Decimal;

use super::period::Period;
use super::plan::{Aei, CostCenter, Investment, MonthlyValues, OperativeActivity};
use super::poi::PoiVersion;

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// execution / programming × 100, or `None` where programming is 0 (shown as "–").
pub fn progress(executed: Decimal, programmed: Decimal) -> Option<Decimal> {
    (!programmed.is_zero()).then(|| executed / programmed * HUNDRED)
}

/// The figures of one AO (or inversión) over a period.
#[derive(Debug, Clone, PartialEq, Eq)]
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
        Self {
            code: code.to_string(),
            name: name.to_string(),
            unit: unit.to_string(),
            aei_code: aei_code.to_string(),
            cost_center_code: cost_center_code.to_string(),
            physical_programmed: physical.programmed_in(period),
            physical_executed: physical.executed_in(period),
            financial_programmed: financial.programmed_in(period),
            financial_executed: financial.executed_in(period),
            follow_up_approved,
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
            (&inv.cui, &inv.name, "INVERSIÓN"),
            (&inv.aei_code, &inv.cost_center_code),
            &inv.physical,
            &inv.financial,
            inv.follow_up_approved,
            period,
        )
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
    fn over<'a>(code: &str, name: &str, figures: impl Iterator<Item = &'a ActivityFigures>) -> Self {
        let counted: Vec<&ActivityFigures> = figures.filter(|f| f.is_counted()).collect();
        let adjusted: Vec<Decimal> = counted.iter().filter_map(|f| f.adjusted_physical_execution()).collect();
        let average = (!adjusted.is_empty())
            .then(|| adjusted.iter().copied().sum::<Decimal>() / Decimal::from(adjusted.len()));
        Self {
            code: code.to_string(),
            name: name.to_string(),
            activity_count: counted.len(),
            fully_executed_count: counted
                .iter()
                .filter(|f| f.physical_execution().is_some_and(|ef| ef >= HUNDRED))
                .count(),
            financial_execution: counted.iter().map(|f| f.financial_executed).sum(),
            average_adjusted_physical_execution: average,
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
    let mut cc_codes: Vec<&str> = figures.iter().map(|f| f.cost_center_code.as_str()).collect();
    cc_codes.sort_unstable();
    cc_codes.dedup();
    let cost_center_rows = cc_codes
        .into_iter()
        .map(|code| {
            let name = cost_centers.iter().find(|c| c.code == code).map_or("", |c| c.name.as_str());
            Cuadro1Row::over(code, name, figures.iter().filter(|f| f.cost_center_code == code))
        })
        .collect();
    Cuadro1 { aei: Cuadro1Row::over(&aei.code, &aei.name, figures.iter()), cost_centers: cost_center_rows }
}

/// Cuadro 2 – the AO of the POI related to the AEI, each with its physical progress.
pub fn cuadro2(version: &PoiVersion, aei_code: &str, period: Period) -> Vec<ActivityFigures> {
    aei_figures(version, aei_code, period, TableOptions::default())
}

/// Tabla 3 – physical and financial progress of the AEI's AO; the Total covers the whole POI version.
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// Tabla 3 for one AEI: its AO as rows, the financial Total over every AO of the version.
pub fn tabla3(version: &PoiVersion, aei_code: &str, period: Period) -> Tabla3 {
    let all: Vec<ActivityFigures> = version.activities.iter().map(|a| ActivityFigures::of_activity(a, period)).collect();
    Tabla3 {
        total_financial_programmed: all.iter().map(|f| f.financial_programmed).sum(),
        total_financial_executed: all.iter().map(|f| f.financial_executed).sum(),
        rows: all.into_iter().filter(|f| f.aei_code == aei_code).collect(),
    }
}
