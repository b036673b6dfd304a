//! Monthly cumulative progress of an AEI for its charts: physical % and financial soles, programmed vs executed.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::figures::{adjusted, counted_items, mean, progress, Figures, TableOptions};
use crate::domain::language::money;
use crate::domain::plan::{exact_sum, saturating_sum, AnnualFinancial, Month, Period, PoiItem, PoiVersion, Series};

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// The section of the ficha the charts close: "Estado de ejecución financiera de las AO".
pub const CHARTS_SECTION: u8 = 3;

/// What stands in for the physical chart when no AO is counted in the period.
pub const NO_COUNTED_ACTIVITIES: &str =
    "Sin actividades operativas con programación física y seguimiento aprobado en el periodo.";

/// The AEI's cumulative position at the end of one month of the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressPoint {
    pub month: Month,
    /// Mean over the counted AO of the share of their period programming scheduled up to this month (%);
    /// `None` when no AO is counted.
    pub physical_programmed: Option<Decimal>,
    /// Mean over the counted AO of their execution up to this month as a share of their period
    /// programming, each capped at 100 as in Cuadro 1's 4/; at the period's end it is Cuadro 1's average.
    pub physical_executed: Option<Decimal>,
    /// Soles programmed up to this month over the counted AO with monthly financial detail.
    pub financial_programmed: Decimal,
    /// Soles executed up to this month over the counted AO with monthly financial detail; at the
    /// year's end, plus `ProgressChart::annual_only`'s executed total, it is Cuadro 1's 3/.
    pub financial_executed: Decimal,
}

/// The counted AO imported with annual financial totals only (their months are not the data): left
/// out of the financial curves, and named with their totals under the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnnualOnly {
    pub activities: usize,
    /// Sum of their annual programmed totals (S/).
    pub programmed: Decimal,
    /// Sum of their annual executed totals (S/).
    pub executed: Decimal,
}

/// The monthly series of one AEI over the period, for the programmed-vs-executed charts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressChart {
    pub aei_code: String,
    pub period: Period,
    /// Size of Cuadro 1's counted set, the AO the physical series cover.
    pub counted_activities: usize,
    /// The counted AO the financial series leave out: no monthly detail.
    pub annual_only: AnnualOnly,
    /// One point per month of the period, in order.
    pub points: Vec<ProgressPoint>,
}

/// One line of a chart: its name in the legend and its value at the end of each month of the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartSeries {
    pub name: &'static str,
    /// Programming, drawn dashed; execution is drawn solid.
    pub programmed: bool,
    /// `None`: no value to draw that month.
    pub values: Vec<Option<Decimal>>,
}

fn up_to(months: &[Decimal; 12], month: Month) -> Decimal {
    exact_sum(&months[..=month.index()])
}

/// The mean over the counted set, as Cuadro 1's 4/ takes it.
fn mean_over(values: impl Iterator<Item = Decimal>) -> Option<Decimal> {
    let (sum, count) = values.fold((Decimal::ZERO, 0), |(sum, count), v| (sum.saturating_add(v), count + 1));
    mean(sum, count)
}

/// The cumulative series of the AEI's counted AO in a version, month by month over the period:
/// Cuadro 1's counted set, its EFA cap and its mean, month after month.
pub fn progress_chart(version: &PoiVersion, aei_code: &str, period: Period, options: TableOptions) -> ProgressChart {
    let counted = counted_items(version, aei_code, period, options);
    let share = |series: Series, month: Month, (item, figures): &(&dyn PoiItem, Figures)| {
        progress(up_to(series.values(*item), month), figures.physical_programmed).unwrap_or_default()
    };
    let monthly: Vec<&dyn PoiItem> = counted.iter().map(|(item, _)| *item).filter(|item| item.financial_annual().is_none()).collect();
    let points = period
        .months()
        .map(|month| ProgressPoint {
            month,
            physical_programmed: mean_over(counted.iter().map(|c| share(Series::PhysicalProgrammed, month, c))),
            physical_executed: mean_over(counted.iter().map(|c| adjusted(share(Series::PhysicalExecuted, month, c)))),
            financial_programmed: saturating_sum(monthly.iter().map(|item| up_to(&item.financial().programmed, month))),
            financial_executed: saturating_sum(monthly.iter().map(|item| up_to(&item.financial().executed, month))),
        })
        .collect();
    let totals: Vec<&AnnualFinancial> = counted.iter().filter_map(|(item, _)| item.financial_annual()).collect();
    let annual_only = AnnualOnly {
        activities: totals.len(),
        programmed: saturating_sum(totals.iter().map(|t| t.programmed)),
        executed: saturating_sum(totals.iter().map(|t| t.executed)),
    };
    ProgressChart { aei_code: aei_code.to_string(), period, counted_activities: counted.len(), annual_only, points }
}

/// A value axis from zero: its top and the values where it is ruled and labelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Axis {
    pub max: Decimal,
    pub ticks: Vec<Decimal>,
}

impl Axis {
    /// The percentage axis: 0 to 100 by 25.
    pub fn percent() -> Self {
        Self { max: HUNDRED, ticks: (0..=4).map(|i| Decimal::from(i * 25)).collect() }
    }

    /// An axis whose top is the first 1, 2, 2.5 or 5 × 10ⁿ at or above `max`, ruled in four or five steps.
    /// Within the bounds (docs/LIMITS.md) `max` is a sum of soles, from 0.01 to far below
    /// `Decimal::MAX`; the checked steps keep anything else (down to the smallest `Decimal`, up to
    /// the largest) from panicking: the top is then `max` itself.
    pub fn covering(max: Decimal) -> Self {
        if max <= Decimal::ZERO {
            return Self { max: Decimal::ONE, ticks: vec![Decimal::ZERO, Decimal::ONE] };
        }
        let mut power = Decimal::ONE;
        while let Some(next) = power.checked_mul(Decimal::TEN).filter(|next| *next <= max) {
            power = next;
        }
        while power > max {
            match power.checked_div(Decimal::TEN).filter(|next| !next.is_zero()) {
                Some(next) => power = next,
                None => break,
            }
        }
        // (top as a multiple of the power of ten, steps of the ruling)
        let candidates = [(Decimal::ONE, 4), (Decimal::TWO, 4), (Decimal::new(25, 1), 5), (Decimal::from(5), 5), (Decimal::TEN, 5)];
        let (top, steps) = candidates
            .into_iter()
            .find_map(|(multiple, steps): (Decimal, i64)| multiple.checked_mul(power).filter(|top| *top >= max).map(|top| (top, steps)))
            .unwrap_or((max, 4));
        let step = top.checked_div(Decimal::from(steps)).unwrap_or(top);
        let ticks = (0..=steps).map(|i| step.checked_mul(Decimal::from(i)).unwrap_or(top).normalize()).collect();
        Self { max: top, ticks }
    }

    /// Where a value sits on the axis, 0.0 (bottom) to 1.0 (top), for drawing only.
    pub fn fraction(&self, value: Decimal) -> f64 {
        let ratio = value.checked_div(self.max).unwrap_or(Decimal::ONE).clamp(Decimal::ZERO, Decimal::ONE);
        // Pixels only: a float is fine here, never for money.
        ratio.to_f64().unwrap_or(0.0)
    }
}

impl ProgressChart {
    /// "enero a diciembre", "enero a junio": the months the series cover.
    fn months_covered(&self) -> &'static str {
        match self.period {
            Period::Annual => "enero a diciembre",
            Period::FirstHalf => "enero a junio",
        }
    }

    /// Caption of the physical chart.
    pub fn physical_caption(&self) -> String {
        format!(
            "Gráfico 1: Avance físico acumulado de las AO de la {}, programado y ejecutado, {} (%)",
            self.aei_code,
            self.months_covered()
        )
    }

    /// Caption of the financial chart.
    pub fn financial_caption(&self) -> String {
        format!(
            "Gráfico 2: Avance financiero acumulado de las AO de la {}, programado y ejecutado, {} (S/)",
            self.aei_code,
            self.months_covered()
        )
    }

    /// The months of the period, in order.
    pub fn months(&self) -> Vec<Month> {
        self.points.iter().map(|p| p.month).collect()
    }

    /// Gráfico 1's lines, programmed then executed (%); `None` when no AO is counted.
    pub fn physical_series(&self) -> Option<[ChartSeries; 2]> {
        (self.counted_activities > 0).then(|| {
            [
                ChartSeries {
                    name: "Programado",
                    programmed: true,
                    values: self.points.iter().map(|p| p.physical_programmed).collect(),
                },
                ChartSeries {
                    name: "Ejecutado (ajustado al 100%)",
                    programmed: false,
                    values: self.points.iter().map(|p| p.physical_executed).collect(),
                },
            ]
        })
    }

    /// Whether some counted AO has monthly financial detail, or none is counted (a flat line at zero).
    fn has_financial_curve(&self) -> bool {
        self.annual_only.activities < self.counted_activities || self.counted_activities == 0
    }

    /// Gráfico 2's lines, programmed then executed (S/); `None` when every counted AO has annual
    /// financial totals only: there are no months to draw.
    pub fn financial_series(&self) -> Option<[ChartSeries; 2]> {
        self.has_financial_curve().then(|| {
            [
                ChartSeries {
                    name: "Programado",
                    programmed: true,
                    values: self.points.iter().map(|p| Some(p.financial_programmed)).collect(),
                },
                ChartSeries { name: "Ejecutado", programmed: false, values: self.points.iter().map(|p| Some(p.financial_executed)).collect() },
            ]
        })
    }

    /// What Gráfico 2 says of the counted AO with annual financial totals only (in place of the
    /// chart when no counted AO has monthly detail); `None` when there are none.
    pub fn financial_note(&self) -> Option<String> {
        let AnnualOnly { activities, programmed, executed } = self.annual_only;
        if activities == 0 {
            return None;
        }
        let totals = format!("programado S/ {}, ejecutado S/ {}", money(programmed), money(executed));
        Some(if self.has_financial_curve() {
            format!("Sin detalle mensual: {activities} AO con solo totales anuales ({totals}), que las curvas no incluyen.")
        } else if activities == 1 {
            format!("Sin detalle mensual: la AO contada solo registra totales anuales ({totals}); no hay avance financiero mensual que graficar.")
        } else {
            format!("Sin detalle mensual: las {activities} AO contadas solo registran totales anuales ({totals}); no hay avance financiero mensual que graficar.")
        })
    }

    /// The axis of the financial chart, covering the larger of programmed and executed.
    pub fn financial_axis(&self) -> Axis {
        let top = self
            .points
            .iter()
            .map(|p| p.financial_programmed.max(p.financial_executed))
            .max()
            .unwrap_or_default();
        Axis::covering(top)
    }
}
