//! The AEI's monthly programmed-vs-executed charts as inline SVG, drawn from the domain's series.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::domain::ficha::{Axis, NO_COUNTED_ACTIVITIES, ProgressChart, ChartSeries};
use crate::domain::language::quantity;
use crate::domain::ficha::labels::{self, SOURCE};
use crate::domain::plan::Month;

/// A length or coordinate of the drawing in tenths of a pixel, written "92" or "154.7". SVG needs
/// no finer, and integer arithmetic keeps float formatting out of the wasm bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Px(i64);

impl Px {
    /// Whole pixels.
    pub const fn new(pixels: i64) -> Self {
        Px(pixels * 10)
    }

    /// `part / whole` of this length, rounded to a tenth of a pixel (`whole` 0 counts as 1).
    pub fn scaled(self, part: usize, whole: usize) -> Self {
        let whole = whole.max(1) as i64;
        Px((self.0 * part as i64 + whole / 2) / whole)
    }

    /// This length times a fraction between 0 and 1 (drawing only: never a figure).
    fn times(self, fraction: f64) -> Self {
        Px((self.0 as f64 * fraction).round() as i64)
    }
}

impl std::ops::Add for Px {
    type Output = Px;
    fn add(self, other: Px) -> Px {
        Px(self.0 + other.0)
    }
}

impl std::ops::Sub for Px {
    type Output = Px;
    fn sub(self, other: Px) -> Px {
        Px(self.0 - other.0)
    }
}

impl std::fmt::Display for Px {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let tenths = self.0.unsigned_abs();
        match tenths % 10 {
            0 => write!(f, "{sign}{}", tenths / 10),
            d => write!(f, "{sign}{}.{d}", tenths / 10),
        }
    }
}

impl IntoAttributeValue for Px {
    type Output = String;
    fn into_attribute_value(self) -> String {
        self.to_string()
    }
}

const WIDTH: Px = Px::new(640);
const HEIGHT: Px = Px::new(250);
const LEFT: Px = Px::new(92);
const RIGHT: Px = Px::new(628);
const TOP: Px = Px::new(16);
const BOTTOM: Px = Px::new(200);
const PROGRAMMED_COLOUR: &str = "#7d8a9c";
const EXECUTED_COLOUR: &str = "#8a1c1c";

/// One line of a chart: its name in the legend and its value per month (`None`: not drawn).
struct Line {
    name: &'static str,
    class: &'static str,
    colour: &'static str,
    /// Programming is drawn dashed and wider, so it shows where execution runs over it.
    dashed: bool,
    values: Vec<Option<Decimal>>,
}

impl From<ChartSeries> for Line {
    fn from(series: ChartSeries) -> Self {
        let programmed = series.programmed;
        Line {
            name: series.name,
            class: if programmed { "programmed" } else { "executed" },
            colour: if programmed { PROGRAMMED_COLOUR } else { EXECUTED_COLOUR },
            dashed: programmed,
            values: series.values,
        }
    }
}

/// The middle of the month's slot on the horizontal axis.
fn x_of(index: usize, count: usize) -> Px {
    LEFT + (RIGHT - LEFT).scaled(2 * index + 1, 2 * count)
}

fn y_of(axis: &Axis, value: Decimal) -> Px {
    BOTTOM - (BOTTOM - TOP).times(axis.fraction(value))
}

/// A line chart over the months: ruled value axis, month labels, one polyline and dots per line, legend.
fn line_chart(label: String, axis: Axis, tick_label: fn(Decimal) -> String, months: Vec<Month>, lines: Vec<Line>) -> impl IntoView {
    let count = months.len().max(1);
    let rules = axis
        .ticks
        .iter()
        .map(|&tick| {
            let y = y_of(&axis, tick);
            view! {
                <line class="rule" x1=LEFT x2=RIGHT y1=y y2=y stroke="#c9d1db" stroke-width="1"/>
                <text class="tick" x=LEFT - Px::new(6) y=y + Px::new(4) text-anchor="end" font-size="11" fill="#1d2733">{tick_label(tick)}</text>
            }
        })
        .collect_view();
    let month_labels = months
        .iter()
        .enumerate()
        .map(|(i, month)| {
            view! { <text class="month" x=x_of(i, count) y=BOTTOM + Px::new(16) text-anchor="middle" font-size="11" fill="#1d2733">{month.short_name()}</text> }
        })
        .collect_view();
    let legend = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let x = LEFT + Px::new(190 * i as i64);
            let y = HEIGHT - Px::new(14);
            view! {
                <line x1=x x2=x + Px::new(28) y1=y - Px::new(4) y2=y - Px::new(4) stroke=line.colour stroke-width=if line.dashed { "4" } else { "2" }
                    stroke-dasharray=if line.dashed { "7 4" } else { "none" }/>
                <text x=x + Px::new(34) y=y font-size="11" fill="#1d2733">{line.name}</text>
            }
        })
        .collect_view();
    let series = lines
        .into_iter()
        .map(|line| {
            let points: Vec<(Px, Px)> = line
                .values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| (x_of(i, count), y_of(&axis, v))))
                .collect();
            let path = points.iter().map(|(x, y)| format!("{x},{y}")).collect::<Vec<_>>().join(" ");
            view! {
                <g class=line.class>
                    <polyline points=path fill="none" stroke=line.colour stroke-width=if line.dashed { "4" } else { "2" }
                        stroke-dasharray=if line.dashed { "7 4" } else { "none" }/>
                    {points.into_iter().map(|(x, y)| view! { <circle cx=x cy=y r="3" fill=line.colour/> }).collect_view()}
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=label
            xmlns="http://www.w3.org/2000/svg">
            {rules}
            <line x1=LEFT x2=RIGHT y1=BOTTOM y2=BOTTOM stroke="#1d2733" stroke-width="1"/>
            {month_labels}
            {series}
            {legend}
        </svg>
    }
}

fn percent_tick(value: Decimal) -> String {
    format!("{}%", quantity(value))
}

/// Gráfico 1 (physical %, cumulative) and Gráfico 2 (financial S/, cumulative) with their source lines.
#[component]
pub fn ProgressCharts(chart: ProgressChart, office: String) -> impl IntoView {
    let months = chart.months();
    let physical_caption = chart.physical_caption();
    let financial_caption = chart.financial_caption();
    let physical = chart.physical_series().map(|series| {
        line_chart(physical_caption.clone(), Axis::percent(), percent_tick, months.clone(), series.map(Line::from).into())
    });
    let financial = chart.financial_series().map(|series| {
        line_chart(financial_caption.clone(), chart.financial_axis(), quantity, months, series.map(Line::from).into())
    });
    let financial_note = chart.financial_note().map(|note| view! { <p class="note">{note}</p> });
    let prepared_by = labels::prepared_by(&office);
    view! {
        <figure class="chart-figure" id="chart-physical">
            <figcaption>{physical_caption}</figcaption>
            {match physical {
                Some(svg) => svg.into_any(),
                None => view! { <p class="empty">{NO_COUNTED_ACTIVITIES}</p> }.into_any(),
            }}
            <p class="source">{SOURCE}</p>
            <p class="source">{prepared_by.clone()}</p>
        </figure>
        <figure class="chart-figure" id="chart-financial">
            <figcaption>{financial_caption}</figcaption>
            {financial}
            {financial_note}
            <p class="source">{SOURCE}</p>
            <p class="source">{prepared_by}</p>
        </figure>
    }
}
