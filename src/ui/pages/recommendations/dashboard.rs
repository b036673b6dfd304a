//! The tablero: % implemented overall and by origin, type, unit and report, the status chart, ageing, the overdue and due-soon lists.

use leptos::prelude::*;

use super::fields::{date_text, page_range, status_class, Errors, Pager};
use super::transfer::offer_sheet;
use super::use_reco;
use crate::domain::language::percent;
use crate::domain::recommendations::{
    due_soon, indicator_rows, FollowUp, Grouping, RecommendationFollowUp, RecommendationKind, RecommendationStatus, INDICATOR_COLUMNS,
    PERCENT_IMPLEMENTED_FORMULA,
};
use crate::io::recommendations_csv::dashboard_sheet;
use crate::ui::components::Px;

/// The kind filter's value for a register, and back.
fn kind_value(kind: Option<RecommendationKind>) -> &'static str {
    match kind {
        None => "todas",
        Some(RecommendationKind::Control) => "control",
        Some(RecommendationKind::PreviousEvaluation) => "evaluacion",
    }
}

pub(super) fn kind_of(value: &str) -> Option<RecommendationKind> {
    match value {
        "control" => Some(RecommendationKind::Control),
        "evaluacion" => Some(RecommendationKind::PreviousEvaluation),
        _ => None,
    }
}

/// The options of a register selector.
pub(super) fn kind_options() -> impl IntoView {
    [None, Some(RecommendationKind::Control), Some(RecommendationKind::PreviousEvaluation)]
        .map(|k| {
            let label = k.map_or("Ambos registros", RecommendationKind::label);
            view! { <option value=kind_value(k)>{label}</option> }
        })
        .collect_view()
}

/// The dashboard of one register or both, as of the fecha de corte.
#[component]
pub fn Dashboard() -> impl IntoView {
    let reco = use_reco();
    let kind = RwSignal::new(None::<RecommendationKind>);
    let follow_up = Memo::new(move |_| {
        let (as_of, kind) = (reco.as_of.get(), kind.get());
        reco.ws.with(|w| w.recommendations.follow_up(as_of, kind))
    });
    let error = RwSignal::new(None::<String>);
    let export = move |xlsx: bool| {
        let sheet = reco.ws.with_untracked(|w| follow_up.with_untracked(|f| dashboard_sheet(&w.recommendations, f)));
        let name = format!("recomendaciones-tablero-{}", reco.as_of.get_untracked());
        error.set(offer_sheet(&name, sheet, xlsx).err());
    };
    let overall = move || follow_up.with(|f| f.overall);
    view! {
        <div class="reco-dashboard" id="reco-dashboard">
            <div class="toolbar">
                <label>"Registro"
                    <select id="dashboard-kind" prop:value=move || kind_value(kind.get())
                        on:change=move |ev| kind.set(kind_of(&event_target_value(&ev)))>
                        {kind_options()}
                    </select>
                </label>
                <button id="export-dashboard-xlsx" on:click=move |_| export(true)>"Descargar tablero (XLSX)"</button>
                <button id="export-dashboard" on:click=move |_| export(false)>"Descargar tablero (CSV)"</button>
                <Errors id="dashboard-error" message=error/>
            </div>
            <div class="indicator-cards">
                <div class="card main">
                    <span class="card-value" id="reco-percent">{move || percent(overall().percent_implemented())}</span>
                    <span class="card-label">"implementado"</span>
                    <span class="card-note">{PERCENT_IMPLEMENTED_FORMULA}</span>
                </div>
                <div class="card"><span class="card-value" id="reco-total">{move || overall().total}</span><span class="card-label">"recomendaciones"</span></div>
                <div class="card"><span class="card-value" id="reco-implemented">{move || overall().implemented}</span><span class="card-label">"implementadas"</span></div>
                <div class="card warn"><span class="card-value" id="reco-overdue">{move || overall().overdue}</span><span class="card-label">"vencidas"</span></div>
                <div class="card"><span class="card-value" id="reco-due-soon">{move || overall().due_soon}</span><span class="card-label">"por vencer"</span></div>
            </div>
            <StatusChart follow_up=follow_up/>
            {Grouping::ALL.into_iter().filter(|g| *g != Grouping::Overall).map(|g| view! { <IndicatorTable follow_up=follow_up grouping=g/> }).collect_view()}
            <AgeingTable follow_up=follow_up/>
            <DeadlineList follow_up=follow_up overdue=true/>
            <DeadlineList follow_up=follow_up overdue=false/>
        </div>
    }
}

const CHART_LABEL_WIDTH: Px = Px::new(250);
const CHART_BAR_WIDTH: Px = Px::new(330);
const CHART_ROW: Px = Px::new(30);

/// Recommendations per status as horizontal bars, with the same counts in a table beside it.
#[component]
fn StatusChart(follow_up: Memo<FollowUp>) -> impl IntoView {
    let reco = use_reco();
    let bars = move || {
        let overall = follow_up.with(|f| f.overall);
        let catalog = reco.ws.with(|w| w.recommendations.settings.statuses.clone());
        let counts: Vec<(RecommendationStatus, usize)> =
            RecommendationStatus::ALL.iter().map(|&s| (s, overall.count(s))).collect();
        let longest = counts.iter().map(|c| c.1).max().unwrap_or(0).max(1);
        (catalog, counts, longest)
    };
    let height = CHART_ROW.scaled(RecommendationStatus::ALL.len(), 1) + Px::new(10);
    view! {
        <figure class="status-chart">
            <figcaption>"Recomendaciones por estado"</figcaption>
            {move || {
                let (catalog, counts, longest) = bars();
                let summary = counts.iter().map(|(s, n)| format!("{}: {n}", catalog.label(*s))).collect::<Vec<_>>().join("; ");
                view! {
                    <svg id="status-chart" viewBox=format!("0 0 {} {height}", CHART_LABEL_WIDTH + CHART_BAR_WIDTH + Px::new(60))
                        role="img" aria-label=format!("Recomendaciones por estado: {summary}")>
                        {counts.iter().enumerate().map(|(i, (status, count))| {
                            let y = Px::new(5) + CHART_ROW.scaled(i, 1);
                            // Pixels only: the longest bar spans the drawing.
                            let width = CHART_BAR_WIDTH.scaled(*count, longest);
                            view! {
                                <text class="chart-label" x=CHART_LABEL_WIDTH - Px::new(8) y=y + Px::new(17) text-anchor="end">{catalog.label(*status).to_string()}</text>
                                <rect class=format!("bar {}", status_class(*status)) x=CHART_LABEL_WIDTH y=y + Px::new(3) width=width height=CHART_ROW - Px::new(8)/>
                                <text class="chart-count" x=CHART_LABEL_WIDTH + width + Px::new(6) y=y + Px::new(17) data-status=status_class(*status)>{count.to_string()}</text>
                            }
                        }).collect_view()}
                    </svg>
                    <table class="list compact" id="status-table">
                        <caption>"Recomendaciones por estado (tabla)"</caption>
                        <thead><tr><th scope="col">"ESTADO"</th><th scope="col">"RECOMENDACIONES"</th></tr></thead>
                        <tbody>
                            {counts.iter().map(|(status, count)| view! {
                                <tr><td><span class=format!("swatch {}", status_class(*status))></span>{catalog.label(*status).to_string()}</td><td class="num">{*count}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }
            }}
        </figure>
    }
}

/// % implemented of each group of one grouping, a page of rows at a time.
#[component]
fn IndicatorTable(follow_up: Memo<FollowUp>, grouping: Grouping) -> impl IntoView {
    let rows = Memo::new(move |_| follow_up.with(|f| indicator_rows(f, grouping)));
    let page = RwSignal::new(0usize);
    let total = Signal::derive(move || rows.with(Vec::len));
    let id = format!("indicators-{}", grouping.column().to_lowercase().replace(' ', "-"));
    view! {
        <table class="list indicators" id=id.clone()>
            <caption>{grouping.caption()}</caption>
            <thead><tr>
                <th scope="col">{grouping.column()}</th>
                {INDICATOR_COLUMNS.map(|c| view! { <th scope="col">{c}</th> }).collect_view()}
            </tr></thead>
            <tbody>
                {move || rows.with(|rows| {
                    rows[page_range(rows.len(), page.get())].iter().map(|row| view! {
                        <tr>
                            <td>{row.group.clone()}</td>
                            {row.counts().map(|c| view! { <td class="num">{c}</td> }).collect_view()}
                        </tr>
                    }).collect_view()
                })}
            </tbody>
        </table>
        <Show when=move || total.get() == 0>
            <p class="empty">"Sin recomendaciones a la fecha de corte."</p>
        </Show>
        <Pager id=id total=total page=page/>
    }
}

/// Open recommendations per ageing bucket, in calendar days since their report.
#[component]
fn AgeingTable(follow_up: Memo<FollowUp>) -> impl IntoView {
    view! {
        <table class="list compact" id="ageing">
            <caption>"Antigüedad de las recomendaciones no concluidas"</caption>
            <thead><tr><th scope="col">"ANTIGÜEDAD"</th><th scope="col">"RECOMENDACIONES"</th></tr></thead>
            <tbody>
                {move || follow_up.with(|f| f.ageing.iter().map(|(bucket, count)| view! {
                    <tr><td>{bucket.label()}</td><td class="num">{*count}</td></tr>
                }).collect_view())}
            </tbody>
        </table>
    }
}

/// The overdue recommendations (longest overdue first) or those due soon (nearest first).
#[component]
fn DeadlineList(follow_up: Memo<FollowUp>, overdue: bool) -> impl IntoView {
    let reco = use_reco();
    let rows = Memo::new(move |_| {
        follow_up.with(|f| {
            let rows: Vec<&RecommendationFollowUp> = if overdue { f.overdue().collect() } else { due_soon(f) };
            rows.into_iter().cloned().collect::<Vec<_>>()
        })
    });
    let page = RwSignal::new(0usize);
    let total = Signal::derive(move || rows.with(Vec::len));
    let (id, caption, days_title) = if overdue {
        ("overdue-list", "Recomendaciones vencidas", "DÍAS DE ATRASO")
    } else {
        ("due-soon-list", "Recomendaciones por vencer", "DÍAS AL PLAZO")
    };
    view! {
        <table class="list deadlines" id=id>
            <caption>{caption}</caption>
            <thead><tr>
                <th scope="col">"INFORME"</th><th scope="col">"N°"</th><th scope="col">"UNIDAD RESPONSABLE"</th>
                <th scope="col">"ESTADO"</th><th scope="col">"PLAZO VIGENTE"</th><th scope="col">{days_title}</th><th scope="col"></th>
            </tr></thead>
            <tbody>
                {move || rows.with(|rows| reco.ws.with(|w| {
                    let register = &w.recommendations;
                    rows[page_range(rows.len(), page.get())].iter().map(|row| {
                        let r = register.recommendation(row.id);
                        let days = row.days_shown();
                        let id = row.id;
                        view! {
                            <tr>
                                <td>{r.map(|r| r.report_key().to_string())}</td>
                                <td>{r.map(|r| r.number.clone())}</td>
                                <td>{r.map(|r| r.responsible_unit.clone())}</td>
                                <td>{register.settings.statuses.label(row.status).to_string()}</td>
                                <td>{date_text(row.deadline)}</td>
                                <td class="num">{days}</td>
                                <td><button class="link" on:click=move |_| reco.selected.set(Some(id))>"Ver"</button></td>
                            </tr>
                        }
                    }).collect_view()
                }))}
            </tbody>
        </table>
        <Show when=move || total.get() == 0>
            <p class="empty">{if overdue { "Ninguna recomendación vencida a la fecha de corte." } else { "Ninguna recomendación vence en los próximos días." }}</p>
        </Show>
        <Pager id=id total=total page=page/>
    }
}
