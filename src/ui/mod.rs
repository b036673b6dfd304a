//! The browser UI: thin components that read domain-derived data and dispatch domain edits; the
//! app shell (header, notices, the page the location names) and the pages loaded as chunks.

#[cfg(feature = "bench")]
pub mod bench;
pub mod browser;
pub mod components;
pub mod history;
pub mod keeping;
pub mod pages;
pub mod recovery;
pub mod route;
pub mod state;

use leptos::prelude::*;
use wasm_split_helpers::wasm_split;

use browser::{apply_update, lazy_page, location_hash, PageLoad};
use components::{StorageNotices, WorkspaceBanner};
use crate::domain::summary;
use crate::storage::local;
use pages::aei::AeiPage;
use pages::aeis::AeisPage;
use pages::data::DataPage;
use pages::document::DocumentPage;
use pages::informe::InformePage;
use pages::integrity::IntegrityPage;
use pages::recommendations::RecommendationsPage;
use pages::structure::StructurePage;
use pages::summary::SummaryPage;
use pages::versions::VersionsPage;
use route::Route;
use state::AppState;

fn current_route() -> Route {
    Route::parse(&location_hash())
}

/// The whole app: header, notices, and the page the location hash names.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    recovery::watch(state);
    // Syncing reactive state to the outside world is what effects are for: every change is saved,
    // and this tab's view is kept for a reload.
    Effect::new(move |_| state.persist());
    Effect::new(move |_| local::keep_tab_view(state.slot.get(), state.view.get()));
    let route = RwSignal::new(current_route());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| route.set(current_route()));
    // Two tabs: what another tab saves reaches this one; a stale tab never overwrites it.
    let storage_handle = window_event_listener(leptos::ev::storage, move |ev| {
        if let Some(key) = ev.key() {
            state.take_from_other_tab(&key, ev.new_value());
        }
    });
    // A new deploy was cached by the service worker (public/sw-register.js): offer the reload.
    let update_ready = RwSignal::new(false);
    let update_handle = window_event_listener_untyped("ficha:update", move |_| update_ready.set(true));
    on_cleanup(move || {
        handle.remove();
        storage_handle.remove();
        update_handle.remove();
    });
    view! {
        <header class="app-header no-print">
            <div class="brand">{summary::APP_NAME}</div>
            <nav>{summary::NAV.iter().map(|(href, label)| view! { <a href=*href>{*label}</a> }).collect_view()}</nav>
            <history::UndoRedo/>
        </header>
        <Show when=move || update_ready.get()>
            <div class="notice info no-print" role="status" id="update-ready">
                <p>"Hay una nueva versión de Ficha. Sus datos se conservan."</p>
                <button on:click=|_| apply_update()>"Recargar ahora"</button>
            </div>
        </Show>
        <WorkspaceBanner/>
        <StorageNotices/>
        <main>
            {move || match route.get() {
                Route::Summary => view! { <SummaryPage/> }.into_any(),
                Route::Aeis => view! { <AeisPage/> }.into_any(),
                Route::Aei(code) => view! { <AeiPage code=code/> }.into_any(),
                Route::Integrity => lazy_page(integrity_view),
                Route::Structure => lazy_page(structure_view),
                Route::Versions => lazy_page(versions_view),
                Route::Document(code) => lazy_page(move || document_view(code.clone())),
                Route::Informe => lazy_page(informe_view),
                Route::Recommendations => lazy_page(recommendations_view),
                Route::Data => lazy_page(data_view),
            }}
        </main>
    }
}

// Pages loaded on demand: each split function (and what only it uses) goes into its own wasm chunk
// when the build splits the module (tools/post-build.mjs), so the main module stays small.

#[wasm_split(integrity_view, fallible)]
fn integrity_view() -> PageLoad {
    Ok(view! { <IntegrityPage/> }.into_any())
}

#[wasm_split(structure_view, fallible)]
fn structure_view() -> PageLoad {
    Ok(view! { <StructurePage/> }.into_any())
}

#[wasm_split(versions_view, fallible)]
fn versions_view() -> PageLoad {
    Ok(view! { <VersionsPage/> }.into_any())
}

#[wasm_split(document_view, fallible)]
fn document_view(code: String) -> PageLoad {
    Ok(view! { <DocumentPage code=code/> }.into_any())
}

#[wasm_split(informe_view, fallible)]
fn informe_view() -> PageLoad {
    Ok(view! { <InformePage/> }.into_any())
}

#[wasm_split(recommendations_view, fallible)]
fn recommendations_view() -> PageLoad {
    Ok(view! { <RecommendationsPage/> }.into_any())
}

#[wasm_split(data_view, fallible)]
fn data_view() -> PageLoad {
    Ok(view! { <DataPage/> }.into_any())
}
