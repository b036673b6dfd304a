//! The year, evaluated version and period this tab looks at, as pickers every page shows.

use leptos::prelude::*;

use crate::domain::plan::Period;
use crate::domain::{summary, Selection};
use crate::ui::state::use_state;

/// Year, evaluated version and period pickers (this tab's view); changing any recomputes every table.
#[component]
pub fn SelectionControls() -> impl IntoView {
    let state = use_state();
    let (ws, selection, view) = (state.workspace, state.selection, state.view);
    let years = move || ws.with(|w| w.years.iter().map(|y| y.year).collect::<Vec<_>>());
    let versions = move || {
        let year = selection.get().year;
        ws.with(|w| w.year(year).map(|y| y.poi.versions.iter().map(|v| (v.number, v.label(), v.resolution.citation())).collect::<Vec<_>>()).unwrap_or_default())
    };
    let selected_version = move || {
        let selection = selection.get();
        ws.with(|w| w.evaluated_version(selection).map(|v| v.number.to_string()).unwrap_or_default())
    };
    let period = move || if selection.get().period == Period::FirstHalf { "semestre" } else { "anual" };
    view! {
        <div class="selection">
            <label>{summary::YEAR_LABEL}
                <select id="select-year" prop:value=move || selection.get().year.to_string()
                    on:change=move |ev| {
                        if let Ok(year) = event_target_value(&ev).parse() {
                            view.set(selection.get_untracked().in_year(year));
                        }
                    }>
                    {move || years().into_iter().map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
                </select>
            </label>
            <label>{summary::VERSION_LABEL}
                <select id="select-version" prop:value=selected_version
                    on:change=move |ev| {
                        let chosen: Option<u32> = event_target_value(&ev).parse().ok();
                        view.set(ws.with_untracked(|w| selection.get_untracked().with_version(w, chosen)));
                    }>
                    {move || versions().into_iter().map(|(n, label, citation)| view! {
                        <option value=n.to_string()>{summary::version_option(&label, &citation)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>{summary::PERIOD_LABEL}
                <select id="select-period" prop:value=period
                    on:change=move |ev| {
                        let period = if event_target_value(&ev) == "semestre" { Period::FirstHalf } else { Period::Annual };
                        view.set(Selection { period, ..selection.get_untracked() });
                    }>
                    <option value="anual">{Period::Annual.label()}</option>
                    <option value="semestre">{Period::FirstHalf.label()}</option>
                </select>
            </label>
        </div>
    }
}
