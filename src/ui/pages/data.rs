//! Importar / Exportar: the import (`ao_import.rs`), the AO sheet and every table to Excel and CSV, the workspace backup.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::{Selection, Workspace};
use crate::io::backup::{self, Overview, MAX_BACKUP_BYTES};
use crate::io::tables;
use crate::domain::ficha::TableId;
use crate::io::office::{write_workbook, XLSX_MIME};
use crate::storage::local::{self, Slot};
use crate::ui::browser::{chosen_file, download_bytes, download_text, file_bytes, next_paint};
use crate::ui::keeping::{download_backup, BackupReminderSetting};
use crate::ui::pages::ao_import::AoImport;
use crate::ui::state::use_state;

/// The Importar / Exportar page.
#[component]
pub fn DataPage() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Importar / Exportar"</h1>
            <AoImport/>
            <Exports/>
            <BackupSection/>
        </section>
    }
}

/// A download the exports section offers.
#[derive(Clone, Copy)]
enum Export {
    AoSheetXlsx,
    AoSheetCsv,
    TableXlsx(TableId),
    TableCsv(TableId),
    AllTablesXlsx,
}

/// Builds the file from the workspace and offers it; the message says why when there is nothing to export.
fn export(ws: &Workspace, selection: Selection, aei: Option<&str>, what: Export) -> Result<(), String> {
    let nothing = || "No hay datos para exportar: elija un año con un POI y una AEI.".to_string();
    match what {
        Export::AoSheetXlsx => {
            let sheet = tables::ao_sheet(ws, selection).ok_or_else(nothing)?;
            download_bytes(&tables::file_name("Hoja AO", ws, selection, None, "xlsx"), XLSX_MIME, &write_workbook(&[sheet]))
        }
        Export::AoSheetCsv => {
            let text = tables::ao_sheet_csv(ws, selection).ok_or_else(nothing)?;
            download_text(&tables::file_name("Hoja AO", ws, selection, None, "csv"), "text/csv", &text)
        }
        Export::TableXlsx(table) => {
            let code = aei.ok_or_else(nothing)?;
            let sheet = tables::table_sheet(ws, selection, code, table).ok_or_else(nothing)?;
            download_bytes(&tables::file_name(table.label(), ws, selection, Some(code), "xlsx"), XLSX_MIME, &write_workbook(&[sheet]))
        }
        Export::TableCsv(table) => {
            let code = aei.ok_or_else(nothing)?;
            let sheet = tables::table_sheet(ws, selection, code, table).ok_or_else(nothing)?;
            download_text(&tables::file_name(table.label(), ws, selection, Some(code), "csv"), "text/csv", &tables::sheet_csv(&sheet))
        }
        Export::AllTablesXlsx => {
            let code = aei.ok_or_else(nothing)?;
            let bytes = tables::tables_workbook(ws, selection, code).ok_or_else(nothing)?;
            download_bytes(&tables::file_name("Tablas", ws, selection, Some(code), "xlsx"), XLSX_MIME, &bytes)
        }
    }
}

/// The AO sheet and each table of one AEI, as XLSX and CSV, for the selection of the summary page.
#[component]
fn Exports() -> impl IntoView {
    let state = use_state();
    let (ws, selection) = (state.workspace, state.selection);
    let aeis = Memo::new(move |_| {
        let year = selection.get().year;
        ws.with(|w| w.year(year).map(|y| y.aeis.iter().map(|a| (a.code.clone(), a.name.clone())).collect::<Vec<_>>()).unwrap_or_default())
    });
    let chosen = RwSignal::new(None::<String>);
    let aei = move || {
        let listed = aeis.get();
        chosen.get().filter(|c| listed.iter().any(|(code, _)| code == c)).or_else(|| listed.first().map(|(c, _)| c.clone()))
    };
    let message = RwSignal::new(None::<String>);
    let context = move || {
        let s = selection.get();
        ws.with(|w| match w.evaluated_version(s) {
            Some(v) => format!("Año {} · {} · periodo {} (elíjalos en el Resumen).", s.year, v.label(), s.period.label()),
            None => format!("Año {}: aún no tiene POI; importe una hoja de AO primero.", s.year),
        })
    };
    let run = move |what: Export| {
        let code = aei();
        let s = selection.get_untracked();
        message.set(ws.with_untracked(|w| export(w, s, code.as_deref(), what)).err());
    };
    let table_row = move |table: TableId| {
        let id = table.label().to_lowercase().replace(' ', "");
        view! {
            <tr>
                <th scope="row">{table.label()}</th>
                <td><button id=format!("export-{id}-xlsx") on:click=move |_| run(Export::TableXlsx(table))>"XLSX"</button></td>
                <td><button id=format!("export-{id}-csv") on:click=move |_| run(Export::TableCsv(table))>"CSV"</button></td>
            </tr>
        }
    };
    view! {
        <h2>"Exportar"</h2>
        <p>{context}</p>
        <label>"AEI de las tablas"
            <select id="export-aei" prop:value=move || aei().unwrap_or_default()
                on:change=move |ev| chosen.set(Some(event_target_value(&ev)))>
                {move || aeis.get().into_iter().map(|(code, name)| view! {
                    <option value=code.clone()>{format!("{code}: {name}")}</option>
                }).collect_view()}
            </select>
        </label>
        <table id="exports">
            <caption>"Archivos para descargar"</caption>
            <thead><tr><th scope="col">"Contenido"</th><th scope="col">"Excel"</th><th scope="col">"CSV"</th></tr></thead>
            <tbody>
                <tr>
                    <th scope="row">"Hoja de AO de la versión evaluada (se puede volver a importar)"</th>
                    <td><button id="export-ao-xlsx" on:click=move |_| run(Export::AoSheetXlsx)>"XLSX"</button></td>
                    <td><button id="export-ao-csv" on:click=move |_| run(Export::AoSheetCsv)>"CSV"</button></td>
                </tr>
                {TableId::ALL.into_iter().map(table_row).collect_view()}
                <tr>
                    <th scope="row">"Cuadro 1, Cuadro 2 y Tabla 3 en un solo libro"</th>
                    <td><button id="export-tables-xlsx" on:click=move |_| run(Export::AllTablesXlsx)>"XLSX"</button></td>
                    <td></td>
                </tr>
            </tbody>
        </table>
        {move || message.get().map(|m| view! { <p class="notice error" role="alert" id="export-error">{m}</p> })}
    }
}

/// Where a restore is.
#[derive(Clone)]
enum RestoreStep {
    Idle,
    /// The named file is being read.
    Reading(String),
    Refused(String),
    /// The file was read: what it holds against what it replaces.
    Confirm { file: String, incoming: Arc<Workspace>, current: Overview, replaces_example: bool },
    Restored(String),
}

/// "Descargar respaldo" and "Restaurar respaldo" (into the user's own workspace, after asking).
#[component]
fn BackupSection() -> impl IntoView {
    let state = use_state();
    let ws = state.workspace;
    let step = RwSignal::new(RestoreStep::Idle);
    let download = move |_| download_backup(state);
    let on_file = move |ev: web_sys::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        spawn_local(async move {
            let name = file.name();
            let size = file.size() as usize;
            step.set(RestoreStep::Reading(name.clone()));
            next_paint().await;
            let read = if size > MAX_BACKUP_BYTES {
                Err(backup::BackupError::TooLarge { bytes: size }.to_string())
            } else {
                file_bytes(&file).await.and_then(|bytes| backup::read_backup(&bytes).map_err(|e| e.to_string()))
            };
            match read {
                Err(message) => step.set(RestoreStep::Refused(format!(
                    "No se puede restaurar «{name}»: {message}. No se cambió nada."
                ))),
                Ok(incoming) => {
                    // A restore always lands in the user's own workspace, never in the example.
                    let replaces_example = state.slot.get_untracked() == Slot::Example;
                    let current = if replaces_example {
                        Overview::of(&local::load(Slot::Own).workspace)
                    } else {
                        ws.with_untracked(Overview::of)
                    };
                    step.set(RestoreStep::Confirm { file: name, incoming: Arc::new(incoming), current, replaces_example });
                }
            }
        });
    };
    let confirm = move |incoming: Arc<Workspace>, replaces_example: bool| {
        spawn_local(async move {
            if replaces_example {
                state.open(Slot::Own);
                // The switch's own load must settle before the restored workspace is set and saved.
                next_paint().await;
            }
            // What is stored and may not be replaced (unreadable and not copied aside, or of a
            // newer build) stays; the restore is refused with the reason.
            if let Some(block) = state.save_block.get_untracked() {
                step.set(RestoreStep::Refused(format!("No se restauró el respaldo. {}", block.refusal())));
                return;
            }
            state.restore((*incoming).clone());
            let overview = Overview::of(&incoming);
            step.set(RestoreStep::Restored(format!(
                "Respaldo restaurado en su espacio de trabajo: {}, años {}, {} AO.",
                overview.entity_text(),
                overview.years_text(),
                overview.activities
            )));
        });
    };
    view! {
        <h2>"Respaldo del espacio de trabajo"</h2>
        <p>"Todo lo que guarda Ficha (entidad, años, versiones del POI, AO, textos, recomendaciones y ajustes) en un archivo JSON, para guardarlo aparte o abrirlo en otra computadora."</p>
        <p><button id="backup-download" on:click=download>"Descargar respaldo"</button></p>
        <BackupReminderSetting/>
        <label>"Restaurar respaldo (archivo .json descargado de Ficha)"
            <input id="backup-file" type="file" accept=".json,application/json" on:change=on_file/>
        </label>
        {move || match step.get() {
            RestoreStep::Idle => ().into_any(),
            RestoreStep::Reading(file) => view! {
                <p class="notice info" role="status">{format!("Leyendo «{file}»…")}</p>
            }.into_any(),
            RestoreStep::Refused(message) => view! {
                <p id="restore-error" class="notice error" role="alert">{message}</p>
            }.into_any(),
            RestoreStep::Restored(message) => view! {
                <p id="restore-done" class="notice info" role="status">{message}</p>
            }.into_any(),
            RestoreStep::Confirm { file, incoming, current, replaces_example } => {
                let file_side = Overview::of(&incoming);
                let rows = [
                    ("Unidad Ejecutora", current.entity_text().to_string(), file_side.entity_text().to_string()),
                    ("Años", current.years_text(), file_side.years_text()),
                    ("AO (última versión de cada año)", current.activities.to_string(), file_side.activities.to_string()),
                    ("Recomendaciones", current.recommendations.to_string(), file_side.recommendations.to_string()),
                ];
                let note = if replaces_example {
                    "Está viendo el ejemplo: el respaldo reemplazará su espacio de trabajo, no el ejemplo."
                } else {
                    "El respaldo reemplazará todo su espacio de trabajo actual."
                };
                view! {
                    <div id="restore-confirm" class="notice info">
                        <p>{format!("«{file}» se puede restaurar. {note} Esto no se puede deshacer: «Deshacer» no vuelve a lo que había antes de restaurar (los cambios anteriores dejan de poder deshacerse). Descargue antes un respaldo de lo actual si lo necesita.")}</p>
                        <table id="restore-compare">
                            <caption>"Qué se reemplaza"</caption>
                            <thead><tr><th scope="col"></th><th scope="col">"Su espacio de trabajo ahora"</th><th scope="col">"En el archivo"</th></tr></thead>
                            <tbody>
                                {rows.into_iter().map(|(label, now, in_file)| view! {
                                    <tr><th scope="row">{label}</th><td>{now}</td><td>{in_file}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        <button id="confirm-restore" on:click=move |_| confirm(incoming.clone(), replaces_example)>"Reemplazar con el respaldo"</button>
                        " "
                        <button id="cancel-restore" on:click=move |_| step.set(RestoreStep::Idle)>"Cancelar"</button>
                    </div>
                }.into_any()
            }
        }}
    }
}
