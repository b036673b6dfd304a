//! Pieces the recommendation views share: the error line of a form, date fields, option lists and the pager.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::domain::calendar::Date;
use crate::domain::language::quantity;
use crate::domain::recommendations::{Origin, RecommendationStatus, RecommendationType, StatusCatalog};

/// What a previous evaluation's recommendation can be linked to: the whole entity ("") or one AEI
/// of the selected year; a linked code the year lacks stays listed, so it is never lost.
pub fn aei_options(current: impl Fn() -> String + Send + Sync + 'static) -> impl IntoView {
    let state = crate::ui::state::use_state();
    move || {
        let linked = current();
        let mut codes: Vec<(String, String)> = state.workspace.with(|w| {
            w.year(state.selection.get().year)
                .map(|y| y.aeis.iter().map(|a| (a.code.clone(), format!("{}: {}", a.code, a.name))).collect())
                .unwrap_or_default()
        });
        if !linked.is_empty() && codes.iter().all(|(c, _)| *c != linked) {
            codes.push((linked.clone(), linked.clone()));
        }
        let options = codes.into_iter().map(|(code, label)| {
            let selected = code == linked;
            view! { <option value=code selected=selected>{label}</option> }
        });
        view! { <option value="" selected=linked.is_empty()>"Toda la entidad (todas las fichas)"</option> {options.collect_view()} }
    }
}

/// The message of a refused input, shown at its form; empty (and hidden) otherwise.
#[component]
pub fn Errors(#[prop(into)] id: String, message: RwSignal<Option<String>>) -> impl IntoView {
    view! { <p class="form-error" role="alert" id=id>{move || message.get()}</p> }
}

/// A date typed in a date field (`aaaa-mm-dd`); `what` names it in the message ("la fecha de emisión").
pub fn required_date(text: &str, what: &str) -> Result<Date, String> {
    optional_date(text, what)?.ok_or_else(|| format!("Indique {what}."))
}

/// A date field that may stay empty.
pub fn optional_date(text: &str, what: &str) -> Result<Option<Date>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Date::parse_iso(text).map(Some).map_err(|e| format!("Revise {what}: {e}."))
}

/// The date as a date field holds it.
pub fn date_value(date: Option<Date>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// "28/03/2024", or "–" without a date.
pub fn date_text(date: Option<Date>) -> String {
    date.map_or_else(|| "–".to_string(), Date::dmy)
}

pub fn origin_options() -> impl IntoView {
    Origin::ALL
        .map(|o| view! { <option value=o.label()>{format!("{} – {}", o.label(), o.name())}</option> })
        .collect_view()
}

pub fn origin_of(value: &str) -> Option<Origin> {
    Origin::ALL.into_iter().find(|o| o.label() == value)
}

pub fn type_options() -> impl IntoView {
    RecommendationType::ALL
        .iter()
        .enumerate()
        .map(|(i, t)| view! { <option value=i.to_string()>{t.label()}</option> })
        .collect_view()
}

pub fn type_of(value: &str) -> RecommendationType {
    value.parse::<usize>().ok().and_then(|i| RecommendationType::ALL.get(i).copied()).unwrap_or_default()
}

pub fn type_value(recommendation_type: RecommendationType) -> String {
    RecommendationType::ALL.iter().position(|&t| t == recommendation_type).unwrap_or_default().to_string()
}

pub fn status_options(catalog: &StatusCatalog) -> impl IntoView {
    RecommendationStatus::ALL
        .iter()
        .enumerate()
        .map(|(i, &s)| view! { <option value=i.to_string()>{catalog.label(s).to_string()}</option> })
        .collect_view()
}

pub fn status_of(value: &str) -> Option<RecommendationStatus> {
    value.parse::<usize>().ok().and_then(|i| RecommendationStatus::ALL.get(i).copied())
}

/// CSS class of a status: its colour in the chart and the tables.
pub fn status_class(status: RecommendationStatus) -> &'static str {
    match status {
        RecommendationStatus::Pendiente => "status-pendiente",
        RecommendationStatus::EnProceso => "status-en-proceso",
        RecommendationStatus::Implementada => "status-implementada",
        RecommendationStatus::InaplicablePorCausalSobreviniente => "status-inaplicable",
        RecommendationStatus::NoAplicable => "status-no-aplicable",
    }
}

/// Rows per page of a long table: only these are rendered.
pub const PAGE_SIZE: usize = 100;

/// The rows of `page` among `total`, the page clamped to the last one.
pub fn page_range(total: usize, page: usize) -> std::ops::Range<usize> {
    let last_page = total.saturating_sub(1) / PAGE_SIZE;
    let start = page.min(last_page) * PAGE_SIZE;
    start..(start + PAGE_SIZE).min(total)
}

/// "Filas 1–100 de 10,000" with the previous and next buttons; hidden when one page holds every row.
#[component]
pub fn Pager(#[prop(into)] id: String, #[prop(into)] total: Signal<usize>, page: RwSignal<usize>) -> impl IntoView {
    let range = move || page_range(total.get(), page.get());
    let last_page = move || total.get().saturating_sub(1) / PAGE_SIZE;
    let count = |n: usize| quantity(Decimal::from(n));
    view! {
        <div class="pager" hidden=move || { total.get() <= PAGE_SIZE }>
            <button id=format!("{id}-prev") disabled=move || { range().start == 0 }
                on:click=move |_| page.set(page.get_untracked().min(last_page()).saturating_sub(1))>"Anterior"</button>
            <span class="pager-text">{move || {
                let r = range();
                format!("Filas {}–{} de {}", count(r.start + 1), count(r.end), count(total.get()))
            }}</span>
            <button id=format!("{id}-next") disabled=move || { range().end >= total.get() }
                on:click=move |_| page.set((page.get_untracked() + 1).min(last_page()))>"Siguiente"</button>
        </div>
    }
}
