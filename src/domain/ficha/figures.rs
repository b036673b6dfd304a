//! The figures every table of the ficha is computed from (docs/FORMULAS.md): an item's four sums over
//! the period, EF, EFA, the % de avance, the mean of 4/, and the items an AEI's tables count.

use rust_decimal::Decimal;

use crate::domain::plan::{Period, PoiItem, PoiVersion};

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// An execution truncated at 100%, as Cuadro 1's 4/ counts it (EFA_i = min(EF_i, 100)).
pub fn adjusted(execution: Decimal) -> Decimal {
    execution.min(HUNDRED)
}

/// The mean of `count` values summing to `sum`, as 4/ averages; `None` when nothing is counted (a division by zero).
pub fn mean(sum: Decimal, count: usize) -> Option<Decimal> {
    sum.checked_div(Decimal::from(count))
}

/// execution / programming × 100, or `None` where programming is 0 (shown as "–"). Within the
/// bounds (docs/LIMITS.md) the result is at most 1.2 × 10^21 (a year of the largest quantity over
/// the smallest, 0.000001), far inside a `Decimal`: the checked operations only keep figures that
/// never passed the bounds from panicking, and give "–" for them.
pub fn progress(executed: Decimal, programmed: Decimal) -> Option<Decimal> {
    executed.checked_div(programmed)?.checked_mul(HUNDRED)
}

/// The financial programming and execution of an item over the period: its months' sums, its
/// annual totals for the whole year when the source gave only those, `None` for part of a year of
/// such an item (no monthly detail to sum: the tables say "sin detalle mensual").
pub fn financial_in(item: &dyn PoiItem, period: Period) -> Option<(Decimal, Decimal)> {
    match (item.financial_annual(), period) {
        (None, _) => Some((item.financial().programmed_in(period), item.financial().executed_in(period))),
        (Some(annual), Period::Annual) => Some((annual.programmed, annual.executed)),
        (Some(_), Period::FirstHalf) => None,
    }
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
    /// False when the period's financial figures are unknown (`financial_in`): FP_i and FX_i are then 0.
    pub financial_detail: bool,
    pub follow_up_approved: bool,
}

impl Figures {
    /// The sums of an item's monthly values over the period.
    pub fn of(item: &dyn PoiItem, period: Period) -> Self {
        let physical = item.physical();
        let financial = financial_in(item, period);
        let (financial_programmed, financial_executed) = financial.unwrap_or_default();
        Self {
            physical_programmed: physical.programmed_in(period),
            physical_executed: physical.executed_in(period),
            financial_programmed,
            financial_executed,
            financial_detail: financial.is_some(),
            follow_up_approved: item.follow_up_approved(),
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
        self.physical_execution().map(adjusted)
    }

    /// % de avance financiero; `None` without financial detail.
    pub fn financial_progress(&self) -> Option<Decimal> {
        progress(self.financial_executed, self.financial_programmed).filter(|_| self.financial_detail)
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
    /// See `Figures::financial_detail`.
    pub financial_detail: bool,
    pub follow_up_approved: bool,
}

impl ActivityFigures {
    /// The figures of an AO or inversión over the period.
    pub fn of(item: &dyn PoiItem, period: Period) -> Self {
        let f = Figures::of(item, period);
        Self {
            code: item.code().to_string(),
            name: item.name().to_string(),
            unit: item.printed_unit().to_string(),
            aei_code: item.aei_code().to_string(),
            cost_center_code: item.cost_center_code().to_string(),
            physical_programmed: f.physical_programmed,
            physical_executed: f.physical_executed,
            financial_programmed: f.financial_programmed,
            financial_executed: f.financial_executed,
            financial_detail: f.financial_detail,
            follow_up_approved: f.follow_up_approved,
        }
    }

    /// The numbers alone.
    pub fn figures(&self) -> Figures {
        Figures {
            physical_programmed: self.physical_programmed,
            physical_executed: self.physical_executed,
            financial_programmed: self.financial_programmed,
            financial_executed: self.financial_executed,
            financial_detail: self.financial_detail,
            follow_up_approved: self.follow_up_approved,
        }
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

/// The items of one AEI that enter its tables: its AO and, if the options say so, its inversiones.
pub fn aei_items<'a>(version: &'a PoiVersion, aei_code: &'a str, options: TableOptions) -> impl Iterator<Item = &'a dyn PoiItem> {
    let activities = version.activities.iter().filter(move |a| a.aei_code == aei_code).map(|a| a as &dyn PoiItem);
    let investments = version
        .investments
        .iter()
        .filter(move |i| options.include_investments && i.aei_code == aei_code)
        .map(|i| i as &dyn PoiItem);
    activities.chain(investments)
}

/// The figures of every AO (and, if chosen, inversión) of one AEI in a version.
pub fn aei_figures(version: &PoiVersion, aei_code: &str, period: Period, options: TableOptions) -> Vec<ActivityFigures> {
    aei_items(version, aei_code, options).map(|item| ActivityFigures::of(item, period)).collect()
}

/// Cuadro 1's counted set of the AEI (footnote 1/), each item with its figures over the period.
pub fn counted_items<'a>(version: &'a PoiVersion, aei_code: &'a str, period: Period, options: TableOptions) -> Vec<(&'a dyn PoiItem, Figures)> {
    aei_items(version, aei_code, options).map(|item| (item, Figures::of(item, period))).filter(|(_, f)| f.is_counted()).collect()
}

