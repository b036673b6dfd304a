//! Estructura del POI: entidad, OEI, AEI, centros de costo, categorías, AO e inversiones.

use leptos::prelude::*;

/// The Estructura del POI page.
#[component]
pub fn StructurePage() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Estructura del POI"</h1>
        </section>
    }
}
