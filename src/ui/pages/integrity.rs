//! The ICP of the Modelo de Integridad: stage scores, their sum, place and entities evaluated, per year.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::ficha::{CountField, IntegrityInputError, IntegrityResult};
use crate::domain::language::{average, plain};
use crate::ui::components::SelectionControls;
use crate::ui::state::use_state;

/// Every year of the workspace with its ICP, so the trend reads at a glance.
#[component]
fn IcpByYear() -> impl IntoView {
    let ws = use_state().workspace;
    let rows = Memo::new(move |_| {
        ws.with(|w| w.years.iter().map(|y| (y.year, y.integrity.clone())).collect::<Vec<(u16, Option<IntegrityResult>)>>())
    });
    view! {
        <table id="icp-by-year">
            <caption>"ICP por año"</caption>
            <thead><tr>
                <th scope="col">"AÑO"</th>
                <th scope="col">"ICP"</th>
                <th scope="col">"ETAPAS EVALUADAS"</th>
                <th scope="col">"PUESTO EN EL SECTOR"</th>
                <th scope="col">"ENTIDADES EVALUADAS"</th>
            </tr></thead>
            <tbody>
                {move || rows.get().into_iter().map(|(year, result)| match result {
                    Some(r) => view! {
                        <tr>
                            <td>{year}</td>
                            <td class="num">{average(Some(r.icp()))}</td>
                            <td class="num">{r.evaluated_stages()}</td>
                            <td class="num">{r.sector_place.map(|p| p.to_string()).unwrap_or_default()}</td>
                            <td class="num">{r.entities_evaluated.map(|n| n.to_string()).unwrap_or_default()}</td>
                        </tr>
                    }.into_any(),
                    None => view! { <tr><td>{year}</td><td colspan="4" class="empty">"Sin resultado registrado"</td></tr> }.into_any(),
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// Applies an edit to the selected year's result; a refused value changes nothing and is reported at its field.
fn edit_result(
    field: String,
    errors: RwSignal<BTreeMap<String, String>>,
    edit: impl FnOnce(&mut IntegrityResult) -> Result<(), IntegrityInputError>,
) {
    let state = use_state();
    let year = state.selection.get_untracked().year;
    let mut outcome = Ok(());
    state.workspace.maybe_update(|w| match w.year_mut(year).and_then(|y| y.integrity.as_mut()) {
        Some(result) => {
            outcome = edit(result);
            outcome.is_ok()
        }
        None => false,
    });
    errors.update(|e| match outcome {
        Ok(()) => {
            e.remove(&field);
        }
        Err(error) => {
            e.insert(field, error.to_string());
        }
    });
}

/// The selected year's result: stage names and scores, cumulative score, "Apto", place and entities.
#[component]
fn IntegrityEditor() -> impl IntoView {
    let state = use_state();
    let ws = state.workspace;
    let year = Memo::new(move |_| state.selection.get().year);
    let result = Memo::new(move |_| ws.with(|w| w.year(year.get()).and_then(|y| y.integrity.clone())));
    let errors: RwSignal<BTreeMap<String, String>> = RwSignal::new(BTreeMap::new());
    let stage_count = Memo::new(move |_| result.with(|r| r.as_ref().map_or(0, |r| r.stages.len())));
    let stage = move |n: usize| Memo::new(move |_| result.with(|r| r.as_ref().and_then(|r| r.stages.get(n - 1).cloned())));
    let invalid = move |field: String| move || errors.with(|e| e.contains_key(&field)).to_string();
    let count_input = move |id: &'static str, field: CountField| {
        let label = field.label();
        view! {
            <label>{label}
                <input type="text" inputmode="numeric" id=id
                    prop:value=move || result.with(|r| r.as_ref().and_then(|r| r.count(field)).map(|n| n.to_string()).unwrap_or_default())
                    aria-invalid=invalid(label.to_string())
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        edit_result(label.to_string(), errors, |r| r.set_count(field, &text));
                    }/>
            </label>
        }
    };
    let add = move |_| ws.update(|w| {
        if let Some(y) = w.year_mut(year.get_untracked()) {
            y.integrity.get_or_insert_with(IntegrityResult::empty);
        }
    });
    view! {
        <Show when=move || result.with(Option::is_some) fallback=move || view! {
            <p class="empty">{move || format!("No se registró el resultado del Modelo de Integridad para {}.", year.get())}</p>
            <button id="add-integrity" on:click=add>{move || format!("Registrar el resultado de {}", year.get())}</button>
        }>
            <table id="integrity-stages">
                <caption>{move || format!("Etapas del Modelo de Integridad, {}", year.get())}</caption>
                <thead><tr>
                    <th scope="col">"ETAPA"</th>
                    <th scope="col">"NOMBRE"</th>
                    <th scope="col">"PUNTAJE (0 A 1)"</th>
                    <th scope="col">"ACUMULADO"</th>
                    <th scope="col">"APTO DESDE"</th>
                    <th scope="col">"APTO"</th>
                </tr></thead>
                <tbody>
                    <For each=move || 1..=stage_count.get() key=|n| *n let(n)>
                        {
                            let stage = stage(n);
                            let field = format!("Etapa {n}");
                            let figures = move || result.with(|r| r.as_ref().map(|r| {
                                (average(Some(r.cumulative_score(n))), average(Some(r.apto_threshold(n))), r.apto_label(n))
                            }).unwrap_or_default());
                            view! {
                                <tr data-stage=n>
                                    <th scope="row">{format!("Etapa {n}")}</th>
                                    <td><input type="text" class="stage-name" aria-label=format!("Nombre de la etapa {n}")
                                        prop:value=move || stage.with(|s| s.as_ref().map(|s| s.name.clone()).unwrap_or_default())
                                        on:change=move |ev| {
                                            let name = event_target_value(&ev);
                                            ws.maybe_update(|w| {
                                                w.year_mut(year.get_untracked()).and_then(|y| y.integrity.as_mut()).is_some_and(|r| r.set_stage_name(n, &name))
                                            });
                                        }/></td>
                                    <td><input type="text" inputmode="decimal" class="stage-score" aria-label=format!("Puntaje de la etapa {n}")
                                        prop:value=move || stage.with(|s| s.as_ref().and_then(|s| s.score).map(plain).unwrap_or_default())
                                        aria-invalid=invalid(field.clone())
                                        on:change={
                                            let field = field.clone();
                                            move |ev| {
                                                let text = event_target_value(&ev);
                                                edit_result(field.clone(), errors, |r| r.set_score(n, &text));
                                            }
                                        }/></td>
                                    <td class="num cumulative">{move || figures().0}</td>
                                    <td class="num threshold">{move || figures().1}</td>
                                    <td class="apto">{move || figures().2}</td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
                <tfoot><tr>
                    <th scope="row" colspan="2">"ICP (suma de los puntajes)"</th>
                    <td class="num" id="integrity-icp">{move || result.with(|r| r.as_ref().map(|r| average(Some(r.icp()))).unwrap_or_default())}</td>
                    <td colspan="3"></td>
                </tr></tfoot>
            </table>
            <div class="form-grid">
                {count_input("sector-place", CountField::SectorPlace)}
                {count_input("entities-evaluated", CountField::EntitiesEvaluated)}
            </div>
            <ul class="errors" role="alert" id="integrity-errors">
                {move || errors.get().into_values().map(|message| view! { <li>{message}</li> }).collect_view()}
            </ul>
        </Show>
    }
}

/// The Integridad page.
#[component]
pub fn IntegrityPage() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Modelo de Integridad"</h1>
            <p class="note">"El Índice de Capacidad Preventiva frente a la Corrupción (ICP) es la suma de los puntajes de las etapas evaluadas (de 0 a 1 cada una) en el reporte nacional de la Secretaría de Integridad Pública. Una etapa es «Apto» cuando el puntaje acumulado hasta ella alcanza el umbral indicado."</p>
            <IcpByYear/>
            <SelectionControls/>
            <IntegrityEditor/>
        </section>
    }
}
