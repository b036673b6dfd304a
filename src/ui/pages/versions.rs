//! Versiones del POI: nuevas modificaciones y comparación de versiones.

use leptos::prelude::*;

/// The Versiones del POI page.
#[component]
pub fn VersionsPage() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Versiones del POI"</h1>
        </section>
    }
}
