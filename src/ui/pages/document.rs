//! The ficha as a document: title block, sections 1–7, tables, print and Word output.

use leptos::prelude::*;

/// The document of the AEI with the given code.
#[component]
pub fn DocumentPage(code: String) -> impl IntoView {
    view! {
        <section class="page">
            <h1>{format!("Ficha de implementación de la {code}")}</h1>
        </section>
    }
}
