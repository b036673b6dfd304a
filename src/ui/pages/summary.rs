//! Resumen: the entity, year, evaluated POI version and period, and the AEI at a glance.

use leptos::prelude::*;

use crate::domain::summary;
use crate::ui::components::{AeiOverview, SelectionControls};
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
            <h1>{summary::TITLE}</h1>
            <div class="form-grid">
                <label>{summary::ENTITY_NAME_LABEL}
                    <input id="entity-name" type="text" prop:value=entity_name
                        on:change=move |ev| { let v = event_target_value(&ev); ws.update(|w| w.entity.name = v); } />
                </label>
                <label>{summary::ENTITY_OFFICE_LABEL}
                    <input id="entity-office" type="text" prop:value=office
                        on:change=move |ev| { let v = event_target_value(&ev); ws.update(|w| w.entity.office = v); } />
                </label>
            </div>
            <SelectionControls/>
            <p class="informe-link"><a id="open-informe" href=Route::Informe.href()>"Ver el Informe de evaluación de todas las AEI"</a>
                " (resumen ejecutivo, análisis por AEI, recomendaciones y las fichas anexas)"</p>
            <h2>{summary::AEI_SECTION_TITLE}</h2>
            <AeiOverview/>
        </section>
    }
}
