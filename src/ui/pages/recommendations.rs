//! Seguimiento de recomendaciones: evaluaciones previas e informes de control (OCI, CGR, SOA).

use leptos::prelude::*;

/// The Recomendaciones page.
#[component]
pub fn RecommendationsPage() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Recomendaciones"</h1>
        </section>
    }
}
