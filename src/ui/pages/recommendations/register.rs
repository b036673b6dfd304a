//! The register: filters by register, origin and status, search, and a page of rows at a time.

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::dashboard::{kind_of, kind_options};
use super::fields::{
    date_text, origin_of, origin_options, page_range, status_class, status_of, status_options, Errors, Pager,
};
use super::transfer::offer_sheet;
use super::use_reco;
use crate::domain::calendar::Date;
use crate::domain::language::quantity;
use crate::domain::recommendations::{list, Listed, RecommendationId, RecommendationKind, RecommendationStatus, RegisterQuery};
use crate::io::recommendations_csv::register_sheet;

/// One listed recommendation, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Line {
    id: RecommendationId,
    kind: RecommendationKind,
    report: String,
    origin: &'static str,
    number: String,
    text: String,
    unit: String,
    status: RecommendationStatus,
    status_label: String,
    deadline: Option<Date>,
    overdue: bool,
    due_soon: bool,
}

impl Line {
    fn of(listed: &Listed, status_label: &str) -> Self {
        let r = listed.recommendation;
        Self {
            id: r.id(),
            kind: r.kind(),
            report: r.report_key().to_string(),
            origin: listed.origin.map_or("", |o| o.label()),
            number: r.number.clone(),
            text: r.text.clone(),
            unit: r.responsible_unit.clone(),
            status: listed.status,
            status_label: status_label.to_string(),
            deadline: listed.follow_up.and_then(|f| f.deadline),
            overdue: listed.follow_up.is_some_and(|f| f.overdue),
            due_soon: listed.follow_up.is_some_and(|f| f.due_soon),
        }
    }
}

/// The register with its filters; only the page shown is rendered. With `kind`, one register only.
#[component]
pub fn RegisterList(#[prop(optional)] kind: Option<RecommendationKind>) -> impl IntoView {
    let reco = use_reco();
    let query = RwSignal::new(RegisterQuery { kind, ..RegisterQuery::default() });
    let page = RwSignal::new(0usize);
    let listing = Memo::new(move |_| {
        let page = page.get();
        query.with(|q| {
            reco.ws.with(|w| {
                reco.follow_up.with(|f| {
                    let listed = list(&w.recommendations, f, q);
                    let statuses = &w.recommendations.settings.statuses;
                    let lines: Vec<Line> = listed[page_range(listed.len(), page)]
                        .iter()
                        .map(|l| Line::of(l, statuses.label(l.status)))
                        .collect();
                    (listed.len(), lines)
                })
            })
        })
    });
    let total = Signal::derive(move || listing.with(|l| l.0));
    let set_query = move |change: &dyn Fn(&mut RegisterQuery)| {
        query.update(|q| change(q));
        page.set(0);
    };
    let error = RwSignal::new(None::<String>);
    let export = move |xlsx: bool| {
        let sheet = query.with_untracked(|q| {
            reco.ws.with_untracked(|w| {
                reco.follow_up.with_untracked(|f| register_sheet(&w.recommendations, &list(&w.recommendations, f, q)))
            })
        });
        let name = format!("recomendaciones-registro-{}", reco.as_of.get_untracked());
        error.set(offer_sheet(&name, sheet, xlsx).err());
    };
    let statuses = move || reco.ws.with(|w| w.recommendations.settings.statuses.clone());
    view! {
        <div class="reco-register">
            <div class="filters">
                <label hidden=kind.is_some()>"Registro"
                    <select id="filter-kind" on:change=move |ev| { let k = kind_of(&event_target_value(&ev)); set_query(&|q| q.kind = k); }>
                        {kind_options()}
                    </select>
                </label>
                <label>"Origen"
                    <select id="filter-origin" on:change=move |ev| { let o = origin_of(&event_target_value(&ev)); set_query(&|q| q.origin = o); }>
                        <option value="">"Todos"</option>
                        {origin_options()}
                    </select>
                </label>
                <label>"Estado a la fecha de corte"
                    <select id="filter-status" on:change=move |ev| { let s = status_of(&event_target_value(&ev)); set_query(&|q| q.status = s); }>
                        <option value="">"Todos"</option>
                        {move || status_options(&statuses())}
                    </select>
                </label>
                <label class="search">"Buscar"
                    <input id="filter-search" type="search" placeholder="Número, texto, informe, unidad o funcionario"
                        on:input=move |ev| { let t = event_target_value(&ev); set_query(&|q| q.text = t.clone()); }/>
                </label>
                <button id="export-register-xlsx" on:click=move |_| export(true)>"Descargar lo listado (XLSX)"</button>
                <button id="export-register" on:click=move |_| export(false)>"Descargar lo listado (CSV)"</button>
            </div>
            <Errors id="register-error" message=error/>
            <p class="count" id="register-count">{move || {
                let n = total.get();
                format!("{} {}", quantity(Decimal::from(n)), if n == 1 { "recomendación" } else { "recomendaciones" })
            }}</p>
            <table class="list register" id="register-table">
                <caption>"Registro de recomendaciones"</caption>
                <thead><tr>
                    <th scope="col">"REGISTRO"</th><th scope="col">"INFORME"</th><th scope="col">"ORIGEN"</th><th scope="col">"N°"</th>
                    <th scope="col">"RECOMENDACIÓN"</th><th scope="col">"UNIDAD RESPONSABLE"</th><th scope="col">"ESTADO"</th>
                    <th scope="col">"PLAZO VIGENTE"</th><th scope="col">"SITUACIÓN"</th><th scope="col"></th>
                </tr></thead>
                <tbody>
                    {move || listing.with(|(_, lines)| lines.iter().map(|line| {
                        let id = line.id;
                        let situation = if line.overdue { "Vencida" } else if line.due_soon { "Por vencer" } else { "" };
                        view! {
                            <tr data-id=id.0.to_string()>
                                <td>{match line.kind { RecommendationKind::Control => "Control", RecommendationKind::PreviousEvaluation => "Evaluación previa" }}</td>
                                <td>{line.report.clone()}</td>
                                <td>{line.origin}</td>
                                <td>{line.number.clone()}</td>
                                <td><span class="reco-text">{line.text.clone()}</span></td>
                                <td>{line.unit.clone()}</td>
                                <td><span class=format!("status {}", status_class(line.status))>{line.status_label.clone()}</span></td>
                                <td>{date_text(line.deadline)}</td>
                                <td><span class="flag" class:overdue=line.overdue class:due-soon=line.due_soon>{situation}</span></td>
                                <td><button class="link open-detail" on:click=move |_| reco.selected.set(Some(id))>"Ver"</button></td>
                            </tr>
                        }
                    }).collect_view())}
                </tbody>
            </table>
            <Pager id="register-pager" total=total page=page/>
        </div>
    }
}
