//! Resumen: the entity, year, evaluated POI version and period, and the AEI at a glance.

use leptos::prelude::*;

use crate::domain::language::average;
use crate::domain::plan::Period;
use crate::domain::Selection;
use crate::ui::route::Route;
use crate::ui::state::use_state;

/// The summary page.
#[component]
pub fn SummaryPage() -> impl IntoView {
    let state = use_state();
    let ws = state.workspace;
    let entity_name = move || ws.with(|w| w.entity.name.clone());
    let office = move || ws.with(|w| w.entity.office.clone());
    view! {
        <section class="page">
            <h1>"Resumen"</h1>
            <div class="form-grid">
                <label>"Unidad Ejecutora"
                    <input id="entity-name" type="text" prop:value=entity_name
                        on:change=move |ev| { let v = event_target_value(&ev); ws.update(|w| w.entity.name = v); } />
                </label>
                <label>"Oficina que elabora la ficha"
                    <input id="entity-office" type="text" prop:value=office
                        on:change=move |ev| { let v = event_target_value(&ev); ws.update(|w| w.entity.office = v); } />
                </label>
            </div>
            <SelectionControls/>
            <h2>"Acciones Estratégicas Institucionales"</h2>
            <AeiOverview/>
        </section>
    }
}

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
            <label>"Año"
                <select id="select-year" prop:value=move || selection.get().year.to_string()
                    on:change=move |ev| {
                        if let Ok(year) = event_target_value(&ev).parse() {
                            view.set(Selection { period: selection.get_untracked().period, ..Selection::of_year(year) });
                        }
                    }>
                    {move || years().into_iter().map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
                </select>
            </label>
            <label>"Versión del POI evaluada"
                <select id="select-version" prop:value=selected_version
                    on:change=move |ev| {
                        let chosen: Option<u32> = event_target_value(&ev).parse().ok();
                        let current = selection.get_untracked();
                        let latest = ws.with_untracked(|w| w.year(current.year).and_then(|y| y.poi.latest()).map(|v| v.number));
                        view.set(Selection { version: if chosen == latest { None } else { chosen }, ..current });
                    }>
                    {move || versions().into_iter().map(|(n, label, citation)| view! {
                        <option value=n.to_string()>{format!("{label} ({citation})")}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>"Periodo"
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

/// One line per AEI with its Cuadro 1 figures.
#[component]
pub fn AeiOverview() -> impl IntoView {
    let state = use_state();
    let (ws, selection) = (state.workspace, state.selection);
    let rows = Memo::new(move |_| {
        let selection = selection.get();
        ws.with(|w| {
            w.year(selection.year)
                .map(|y| y.aeis.iter().map(|a| (a.code.clone(), a.name.clone(), w.cuadro1(selection, &a.code))).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    view! {
        <table id="aei-list" class="list">
            <caption>"AEI del año y su ejecución"</caption>
            <thead><tr>
                <th scope="col">"CÓDIGO"</th><th scope="col">"DENOMINACIÓN"</th>
                <th scope="col">"NÚMERO DE AO"</th><th scope="col">"PROMEDIO DE EJECUCIÓN FÍSICA AJUSTADO"</th>
            </tr></thead>
            <tbody>
                {move || rows.get().into_iter().map(|(code, name, table)| {
                    let href = Route::Aei(code.clone()).href();
                    view! {
                        <tr>
                            <td><a href=href>{code}</a></td>
                            <td>{name}</td>
                            <td class="num">{table.as_ref().map_or(0, |t| t.aei.activity_count)}</td>
                            <td class="num">{average(table.and_then(|t| t.aei.average_adjusted_physical_execution))}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <Show when=move || rows.with(|r| r.is_empty())>
            <p class="empty">"Aún no hay AEI en este año. Importe una hoja de AO o agréguelas en la página AEI."</p>
        </Show>
    }
}
