//! The notices above every page: which workspace is open, and storage problems (unreadable data,
//! a newer build's data, another tab's conflict, failed saves), the backup reminder, passing messages.

use leptos::prelude::*;

use crate::domain::summary;
use crate::storage::document::encode;
use crate::storage::local::{self, SaveBlock, Slot};
use crate::ui::browser::download_text;
use crate::ui::keeping::BackupReminder;
use crate::ui::state::use_state;

/// Says whether the example or the user's own workspace is open, with the switch between them.
#[component]
pub fn WorkspaceBanner() -> impl IntoView {
    let state = use_state();
    let is_example = move || state.slot.get() == Slot::Example;
    view! {
        <div class="workspace-banner no-print" id="workspace-banner">
            <Show when=is_example fallback=move || view! {
                <span>"Su espacio de trabajo."</span>
                <button id="open-example" on:click=move |_| state.open(Slot::Example)>"Ver el ejemplo (AEI.08.05, 2023)"</button>
            }>
                <span class="example-label">{summary::EXAMPLE_LABEL}</span>
                <button id="start-own" on:click=move |_| state.open(Slot::Own)>
                    {move || if local::has_stored(Slot::Own) { summary::GO_TO_OWN } else { summary::START_OWN }}
                </button>
                <button id="reset-example" on:click=move |_| state.reset_example()>{summary::RESET_EXAMPLE}</button>
            </Show>
        </div>
    }
}

/// Storage problems: unreadable stored data (kept and downloadable), data of a newer build
/// (read-only), conflicts with another tab and failed saves.
#[component]
pub fn StorageNotices() -> impl IntoView {
    let state = use_state();
    // Once the only copy of unreadable data is downloaded, saving over it loses nothing.
    let download_raw = move |_| {
        let Some(problem) = state.stored_problem.get_untracked() else { return };
        match download_text("ficha-datos-recuperados.json", "application/json", &problem.raw) {
            Ok(()) if state.save_block.get_untracked() == Some(SaveBlock::NotCopied) => state.save_block.set(None),
            Ok(()) => {}
            Err(message) => state.save_error.set(Some(message)),
        }
    };
    let not_copied = move || state.save_block.with(|b| b == &Some(SaveBlock::NotCopied));
    let download_backup = move |_| {
        let text = state.workspace.with_untracked(encode);
        if let Err(message) = download_text("ficha-respaldo.json", "application/json", &text) {
            state.save_error.set(Some(message));
        }
    };
    view! {
        {move || state.stored_problem.get().map(|problem| view! {
            <div class="notice error" role="alert" id="stored-problem">
                <p>{problem.message.clone()}</p>
                <p>{match &problem.rescue_key {
                    Some(key) => format!("Los datos originales se conservan sin cambios en el navegador (clave «{key}»). Se abrió el contenido inicial mientras tanto."),
                    None if not_copied() => "No se pudieron copiar aparte; no se guardará nada encima hasta que los descargue.".to_string(),
                    None => "Ya descargó los datos originales: desde ahora se guardan sus cambios.".to_string(),
                }}</p>
                <button id="download-rescued" on:click=download_raw>"Descargar los datos originales"</button>
                <button on:click=move |_| state.stored_problem.set(None)>"Cerrar"</button>
            </div>
        })}
        {move || state.save_block.with(|b| b.as_ref().and_then(SaveBlock::notice)).map(|message| view! {
            <div class="notice error" role="alert" id="read-only">
                <p>{message}</p>
            </div>
        })}
        {move || state.conflict.get().then(|| view! {
            <div class="notice error" role="alert" id="tab-conflict">
                <p>"Otra pestaña guardó cambios más recientes en este espacio de trabajo, o guardó al mismo tiempo que esta. Esta pestaña ya no guarda para no sobrescribirlos."</p>
                <button id="reload-latest" on:click=move |_| state.reload_from_storage()>"Cargar los datos más recientes"</button>
                <button on:click=download_backup>"Descargar lo que tengo en esta pestaña"</button>
            </div>
        })}
        {move || state.kept.get().map(|message| view! {
            <div class="notice info" role="status" id="storage-kept">
                <p>{message}</p>
                <button on:click=move |_| state.kept.set(None)>"Cerrar"</button>
            </div>
        })}
        <BackupReminder/>
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
