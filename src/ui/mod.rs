//! The browser UI: thin components that read domain-derived data and dispatch domain edits.

pub mod bench;
pub mod charts;
pub mod download;
pub mod grid;
pub mod history;
pub mod pages;
pub mod recovery;
pub mod route;
pub mod sheet;
pub mod state;
pub mod tables;
pub mod upload;

use std::future::Future;

use leptos::prelude::*;
use wasm_split_helpers::{wasm_split, SplitLoaderError};

use crate::storage::document::encode;
use crate::storage::local::{self, Slot};
use pages::aei::AeiPage;
use pages::aeis::AeisPage;
use pages::data::DataPage;
use pages::document::DocumentPage;
use pages::integrity::IntegrityPage;
use pages::recommendations::RecommendationsPage;
use pages::structure::StructurePage;
use pages::summary::SummaryPage;
use pages::versions::VersionsPage;
use route::Route;
use state::{use_state, AppState};

fn current_route() -> Route {
    Route::parse(&web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default())
}

/// The whole app: header, notices, and the page the location hash names.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    recovery::watch(state);
    // Syncing reactive state to the outside world is what effects are for: every change is saved.
    Effect::new(move |_| state.persist());
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
            <div class="brand">"Ficha · Fichas de implementación de AEI"</div>
            <nav>
                <a href=Route::Summary.href()>"Resumen"</a>
                <a href=Route::Aeis.href()>"AEI"</a>
                <a href=Route::Structure.href()>"Estructura"</a>
                <a href=Route::Versions.href()>"Versiones"</a>
                <a href=Route::Integrity.href()>"Integridad"</a>
                <a href=Route::Recommendations.href()>"Recomendaciones"</a>
                <a href=Route::Data.href()>"Importar / Exportar"</a>
            </nav>
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
                Route::Recommendations => lazy_page(recommendations_view),
                Route::Data => lazy_page(data_view),
            }}
        </main>
    }
}

// Pages loaded on demand: each split function (and what only it uses) goes into its own wasm chunk
// when the build splits the module (tools/post-build.mjs), so the main module stays small.
// `fallible`: a chunk that cannot be fetched is an `Err`, shown by `lazy_page`, never a panic.
type PageLoad = Result<AnyView, SplitLoaderError>;

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

#[wasm_split(recommendations_view, fallible)]
fn recommendations_view() -> PageLoad {
    Ok(view! { <RecommendationsPage/> }.into_any())
}

#[wasm_split(data_view, fallible)]
fn data_view() -> PageLoad {
    Ok(view! { <DataPage/> }.into_any())
}

/// A page whose code is in a wasm chunk: "Cargando…" until the chunk is fetched and the page built.
/// A chunk that cannot be fetched (offline before the service worker stored the app, a deploy that
/// replaced the files) leaves the rest of the app working: the page says so and offers to retry,
/// which fetches the chunk again (a failed load is not remembered).
fn lazy_page<P: Future<Output = PageLoad> + 'static>(load: impl Fn() -> P + Send + Sync + 'static) -> AnyView {
    let attempt = RwSignal::new(0_u32);
    let page = move || {
        attempt.track();
        // The loader's future is not `Send`; the app runs on the browser's one thread.
        let page = send_wrapper::SendWrapper::new(load());
        view! {
            <Suspense fallback=|| view! { <p class="loading" role="status">"Cargando…"</p> }>
                {Suspend::new(async move { page.await.unwrap_or_else(|_| page_unavailable(attempt)) })}
            </Suspense>
        }
    };
    page.into_any()
}

/// What a page whose chunk could not be fetched shows; "Reintentar" loads it again.
fn page_unavailable(attempt: RwSignal<u32>) -> AnyView {
    view! {
        <div class="notice error" role="alert" id="page-unavailable">
            <p>"No se pudo cargar esta página. Revise la conexión y vuelva a intentarlo."</p>
            <p>"Sus datos siguen guardados en este navegador. Si Ficha se actualizó mientras estaba abierta, recargue la página."</p>
            <button id="retry-page" on:click=move |_| attempt.update(|n| *n += 1)>"Reintentar"</button>
        </div>
    }
    .into_any()
}

/// Asks the waiting service worker to take over; the page reloads when it does.
fn apply_update() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new("ficha:apply-update")) {
        let _ = window.dispatch_event(&event);
    }
}

/// Says whether the example or the user's own workspace is open, with the switch between them.
#[component]
fn WorkspaceBanner() -> impl IntoView {
    let state = use_state();
    let is_example = move || state.slot.get() == Slot::Example;
    view! {
        <div class="workspace-banner no-print" id="workspace-banner">
            <Show when=is_example fallback=move || view! {
                <span>"Su espacio de trabajo."</span>
                <button id="open-example" on:click=move |_| state.open(Slot::Example)>"Ver el ejemplo (AEI.08.05, 2023)"</button>
            }>
                <span class="example-label">"EJEMPLO: ficha publicada de la AEI.08.05 (2023), con sus cifras. Puede explorarla y editarla."</span>
                <button id="start-own" on:click=move |_| state.open(Slot::Own)>
                    {move || if local::has_stored(Slot::Own) { "Ir a mi espacio de trabajo" } else { "Empezar mi espacio de trabajo" }}
                </button>
                <button id="reset-example" on:click=move |_| state.reset_example()>"Restablecer el ejemplo"</button>
            </Show>
        </div>
    }
}

/// Storage problems: unreadable stored data (kept and downloadable) and failed saves.
#[component]
fn StorageNotices() -> impl IntoView {
    let state = use_state();
    let download_raw = move |_| {
        if let Some(problem) = state.stored_problem.get_untracked() {
            let _ = download::download_text("ficha-datos-recuperados.json", "application/json", &problem.raw);
        }
    };
    let download_backup = move |_| {
        let text = state.workspace.with_untracked(encode);
        if let Err(message) = download::download_text("ficha-respaldo.json", "application/json", &text) {
            state.save_error.set(Some(message));
        }
    };
    view! {
        {move || state.stored_problem.get().map(|problem| view! {
            <div class="notice error" role="alert" id="stored-problem">
                <p>{problem.message.clone()}</p>
                <p>{match &problem.rescue_key {
                    Some(key) => format!("Los datos originales se conservan sin cambios en el navegador (clave «{key}»). Se abrió el contenido inicial mientras tanto."),
                    None => "No se pudieron copiar aparte; no se guardará nada encima hasta que los descargue.".to_string(),
                }}</p>
                <button id="download-rescued" on:click=download_raw>"Descargar los datos originales"</button>
                <button on:click=move |_| state.stored_problem.set(None)>"Cerrar"</button>
            </div>
        })}
        {move || state.conflict.get().then(|| view! {
            <div class="notice error" role="alert" id="tab-conflict">
                <p>"Otra pestaña guardó cambios más recientes en este espacio de trabajo. Esta pestaña ya no guarda para no sobrescribirlos."</p>
                <button id="reload-latest" on:click=move |_| state.reload_from_storage()>"Cargar los datos más recientes"</button>
                <button on:click=download_backup>"Descargar lo que tengo en esta pestaña"</button>
            </div>
        })}
        {move || state.info.get().map(|message| view! {
            <div class="notice info" role="status" id="info-notice">
                <p>{message}</p>
                <button on:click=move |_| state.info.set(None)>"Cerrar"</button>
            </div>
        })}
        {move || state.save_error.get().map(|message| view! {
            <div class="notice error" role="alert" id="save-error">
                <p>{message}</p>
                <button id="download-backup" on:click=download_backup>"Descargar copia de respaldo"</button>
            </div>
        })}
    }
}
