//! The list of AEI of the selected year.

use leptos::prelude::*;

use crate::ui::components::{AeiOverview, SelectionControls};

/// The AEI list page.
#[component]
pub fn AeisPage() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Acciones Estratégicas Institucionales (AEI)"</h1>
            <SelectionControls/>
            <AeiOverview/>
        </section>
    }
}
