//! The AEI's monthly programmed-vs-executed charts as inline SVG, drawn from the domain's series.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::domain::charts::{Axis, ProgressChart};
use crate::domain::format::quantity;
use crate::domain::labels::{self, SOURCE};
use crate::domain::period::Month;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 250.0;
const LEFT: f64 = 92.0;
const RIGHT: f64 = 628.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 200.0;
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

fn x_of(index: usize, count: usize) -> f64 {
    LEFT + (index as f64 + 0.5) * (RIGHT - LEFT) / count as f64
}

fn y_of(axis: &Axis, value: Decimal) -> f64 {
    BOTTOM - axis.fraction(value) * (BOTTOM - TOP)
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
                <text class="tick" x=LEFT - 6.0 y=y + 4.0 text-anchor="end" font-size="11" fill="#1d2733">{tick_label(tick)}</text>
            }
        })
        .collect_view();
    let month_labels = months
        .iter()
        .enumerate()
        .map(|(i, month)| {
            view! { <text class="month" x=x_of(i, count) y=BOTTOM + 16.0 text-anchor="middle" font-size="11" fill="#1d2733">{month.short_name()}</text> }
        })
        .collect_view();
    let legend = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let x = LEFT + 190.0 * i as f64;
            let y = HEIGHT - 14.0;
            view! {
                <line x1=x x2=x + 28.0 y1=y - 4.0 y2=y - 4.0 stroke=line.colour stroke-width=if line.dashed { "4" } else { "2" }
                    stroke-dasharray=if line.dashed { "7 4" } else { "none" }/>
                <text x=x + 34.0 y=y font-size="11" fill="#1d2733">{line.name}</text>
            }
        })
        .collect_view();
    let series = lines
        .into_iter()
        .map(|line| {
            let points: Vec<(f64, f64)> = line
                .values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| (x_of(i, count), y_of(&axis, v))))
                .collect();
            let path = points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ");
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
    let months: Vec<Month> = chart.points.iter().map(|p| p.month).collect();
    let physical_caption = chart.physical_caption();
    let financial_caption = chart.financial_caption();
    let physical = (chart.counted_activities > 0).then(|| {
        line_chart(
            physical_caption.clone(),
            Axis::percent(),
            percent_tick,
            months.clone(),
            vec![
                Line {
                    name: "Programado",
                    class: "programmed",
                    colour: PROGRAMMED_COLOUR,
                    dashed: true,
                    values: chart.points.iter().map(|p| p.physical_programmed).collect(),
                },
                Line {
                    name: "Ejecutado (ajustado al 100%)",
                    class: "executed",
                    colour: EXECUTED_COLOUR,
                    dashed: false,
                    values: chart.points.iter().map(|p| p.physical_executed).collect(),
                },
            ],
        )
    });
    let financial = line_chart(
        financial_caption.clone(),
        chart.financial_axis(),
        quantity,
        months,
        vec![
            Line {
                name: "Programado",
                class: "programmed",
                colour: PROGRAMMED_COLOUR,
                dashed: true,
                values: chart.points.iter().map(|p| Some(p.financial_programmed)).collect(),
            },
            Line {
                name: "Ejecutado",
                class: "executed",
                colour: EXECUTED_COLOUR,
                dashed: false,
                values: chart.points.iter().map(|p| Some(p.financial_executed)).collect(),
            },
        ],
    );
    let prepared_by = labels::prepared_by(&office);
    view! {
        <figure class="chart-figure" id="chart-physical">
            <figcaption>{physical_caption}</figcaption>
            {match physical {
                Some(svg) => svg.into_any(),
                None => view! {
                    <p class="empty">"Sin actividades operativas con programación física y seguimiento aprobado en el periodo."</p>
                }.into_any(),
            }}
            <p class="source">{SOURCE}</p>
            <p class="source">{prepared_by.clone()}</p>
        </figure>
        <figure class="chart-figure" id="chart-financial">
            <figcaption>{financial_caption}</figcaption>
            {financial}
            <p class="source">{SOURCE}</p>
            <p class="source">{prepared_by}</p>
        </figure>
    }
}
