//! Importar y exportar: hoja de AO (CSV, XLSX), respaldo del espacio de trabajo, tablas.

use leptos::prelude::*;

/// The Importar / Exportar page.
#[component]
pub fn DataPage() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Importar / Exportar"</h1>
        </section>
    }
}
