//! Importar / Exportar: the AO sheet (CSV, XLSX) in and out, every table to Excel, the workspace backup.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::{Selection, Workspace};
use crate::io::ao_file;
use crate::io::limits::MAX_FILE_BYTES;
use crate::io::ao_sheet::{parse_rows, AoSheet, ImportPreview};
use crate::io::backup::{self, Overview, MAX_BACKUP_BYTES};
use crate::io::tables;
use crate::domain::ficha::TableId;
use crate::io::office::{write_workbook, XLSX_MIME};
use crate::storage::local::{self, Slot};
use crate::ui::browser::{chosen_file, download_bytes, download_text, file_bytes, next_paint, now, seconds_since};
use crate::ui::keeping::{download_backup, BackupReminderSetting};
use crate::ui::route::Route;
use crate::ui::state::{use_state, AppState};

/// Errors listed on the page; a longer list is offered whole as a text file.
const ERRORS_SHOWN: usize = 2_000;
/// Codes and warnings listed in the preview before "… y N más".
const ITEMS_SHOWN: usize = 50;

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

/// Where an AO sheet import is.
#[derive(Clone)]
enum ImportStep {
    Idle,
    /// Step `done` of [`IMPORT_STEPS`], with what is being done.
    Working { done: u8, message: String },
    /// The file was refused; nothing changed.
    Refused { file: String, errors: Arc<Vec<String>> },
    /// `year`: the year the sheet goes into, the one viewed when the file was chosen.
    Preview { file: String, year: u16, sheet: Arc<AoSheet>, preview: Arc<ImportPreview>, target: String, took: String },
    Imported { summary: String, took: String },
}

const IMPORT_STEPS: u8 = 5;

/// Reads, validates and previews the chosen file, showing each step before doing it.
async fn prepare_import(file: web_sys::File, year: u16, ws: RwSignal<Workspace>, step: RwSignal<ImportStep>) {
    let name = file.name();
    let refuse = |errors: Vec<String>| step.set(ImportStep::Refused { file: name.clone(), errors: Arc::new(errors) });
    let size = file.size() as usize;
    let start = now();
    // Whatever the previous file left goes away first, so each outcome is shown afresh.
    step.set(ImportStep::Working { done: 1, message: format!("Leyendo «{name}» ({} KB)…", size.div_ceil(1024)) });
    next_paint().await;
    if let Err(error) = ao_file::check_size(size) {
        return refuse(vec![error.to_string()]);
    }
    let bytes = match file_bytes(&file).await {
        Ok(bytes) => bytes,
        Err(message) => return refuse(vec![message]),
    };
    step.set(ImportStep::Working { done: 2, message: "Leyendo las celdas…".to_string() });
    next_paint().await;
    let cells = match ao_file::read_cells(&bytes) {
        Ok(cells) => cells,
        Err(error) => return refuse(vec![error.to_string()]),
    };
    drop(bytes);
    let rows = cells.len().saturating_sub(1);
    step.set(ImportStep::Working { done: 3, message: format!("Validando {rows} filas…") });
    next_paint().await;
    let sheet = match parse_rows(&cells) {
        Ok(sheet) => sheet,
        Err(errors) => return refuse(errors.errors().iter().map(ToString::to_string).collect()),
    };
    drop(cells);
    step.set(ImportStep::Working { done: 4, message: "Comparando con el POI…".to_string() });
    next_paint().await;
    let (preview, target) = ws.with_untracked(|w| (ao_file::preview(w, year, &sheet), ao_file::target_label(w, year)));
    step.set(ImportStep::Preview {
        file: name.clone(),
        year,
        sheet: Arc::new(sheet),
        preview: Arc::new(preview),
        target,
        took: seconds_since(start),
    });
}

/// Applies the previewed sheet to the workspace (saved by the app's effect) and reports the time.
async fn confirm_import(sheet: Arc<AoSheet>, year: u16, ws: RwSignal<Workspace>, step: RwSignal<ImportStep>) {
    let count = sheet.activities().len();
    step.set(ImportStep::Working { done: 5, message: format!("Importando {count} AO…") });
    next_paint().await;
    let start = now();
    let mut outcome = None;
    ws.maybe_update(|w| {
        let result = ao_file::import(w, year, &sheet);
        let changed = result.is_ok();
        outcome = Some(result);
        changed
    });
    // Let the tables recompute and the workspace be saved before taking the time.
    next_paint().await;
    match outcome {
        Some(Ok(summary)) => step.set(ImportStep::Imported { summary: summary.to_string(), took: seconds_since(start) }),
        Some(Err(error)) => step.set(ImportStep::Refused { file: String::new(), errors: Arc::new(vec![error.to_string()]) }),
        None => step.set(ImportStep::Idle),
    }
}

/// At most `limit` items, then "… y N más".
fn listed(items: &[String], limit: usize) -> impl IntoView {
    let rest = items.len().saturating_sub(limit);
    view! {
        {items.iter().take(limit).map(|item| view! { <li>{item.clone()}</li> }).collect_view()}
        {(rest > 0).then(|| view! { <li class="note">{format!("… y {rest} más")}</li> })}
    }
}

fn codes(entries: impl Iterator<Item = (String, String)>) -> Vec<String> {
    entries.map(|(code, name)| if name.is_empty() { code } else { format!("{code}: {name}") }).collect()
}

/// The preview of an import: counts, what is created, warnings, and the decision.
fn preview_view(
    file: String,
    year: u16,
    sheet: Arc<AoSheet>,
    preview: Arc<ImportPreview>,
    target: String,
    took: String,
    ws: RwSignal<Workspace>,
    step: RwSignal<ImportStep>,
) -> impl IntoView {
    let summary = preview.summary();
    let aeis = codes(preview.new_aeis.iter().map(|a| (a.code.clone(), a.name.clone())));
    let cost_centers = codes(preview.new_cost_centers.iter().map(|c| (c.code.clone(), c.name.clone())));
    let categories = codes(preview.new_budget_categories.iter().map(|c| (c.code.clone(), c.name.clone())));
    let warnings: Vec<String> = preview.warnings.iter().map(ToString::to_string).collect();
    let rows = [
        ("AO a agregar", summary.added, preview.added.clone()),
        ("AO a reemplazar", summary.replaced, preview.replaced.clone()),
        ("AO que se mantienen (no están en el archivo)", summary.kept, preview.kept.clone()),
        ("AEI a crear", summary.aeis_created, aeis),
        ("Centros de costo a crear", summary.cost_centers_created, cost_centers),
        ("Categorías presupuestales a crear", summary.budget_categories_created, categories),
    ];
    let read = sheet.activities().len();
    let confirm = move |_| {
        let sheet = sheet.clone();
        spawn_local(confirm_import(sheet, year, ws, step));
    };
    view! {
        <div id="import-preview" class="notice info">
            <p>{format!("«{file}»: {read} AO leídas y validadas en {took}. Se importarán en {target}.")}</p>
            <table id="import-summary">
                <caption>"Vista previa de la importación"</caption>
                <tbody>
                    {rows.into_iter().map(|(label, count, items)| view! {
                        <tr>
                            <th scope="row">{label}</th>
                            <td class="num">{count}</td>
                            <td>{(!items.is_empty()).then(|| view! {
                                <details><summary>"Ver"</summary><ul>{listed(&items, ITEMS_SHOWN)}</ul></details>
                            })}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            {(!warnings.is_empty()).then(|| view! {
                <p>{format!("Advertencias ({}); no impiden la importación:", warnings.len())}</p>
                <ul id="import-warnings">{listed(&warnings, ITEMS_SHOWN)}</ul>
            })}
            <button id="confirm-import" on:click=confirm>"Confirmar importación"</button>
            " "
            <button id="cancel-import" on:click=move |_| step.set(ImportStep::Idle)>"Cancelar"</button>
        </div>
    }
}

/// The refused file's errors, every one of them (a very long list also as a text file).
fn refused_view(file: String, errors: Arc<Vec<String>>, state: AppState) -> impl IntoView {
    let count = errors.len();
    let heading = match (file.is_empty(), count) {
        (true, _) => "No se importó nada.".to_string(),
        (false, 1) => format!("«{file}» no se puede importar; no se cambió nada:"),
        (false, n) => format!("«{file}» tiene {n} errores; no se importó nada. Corríjalos y vuelva a elegir el archivo:"),
    };
    let all = errors.clone();
    let download_all = move |_| {
        if let Err(message) = download_text("errores-hoja-ao.txt", "text/plain", &all.join("\r\n")) {
            state.save_error.set(Some(message));
        }
    };
    view! {
        <div id="import-errors" class="notice error" role="alert">
            <p>{heading}</p>
            <ul class="errors">
                {errors.iter().take(ERRORS_SHOWN).map(|e| view! { <li>{e.clone()}</li> }).collect_view()}
            </ul>
            {(count > ERRORS_SHOWN).then(|| view! {
                <p>{format!("Se muestran los primeros {ERRORS_SHOWN} errores de {count}.")}</p>
                <button id="download-errors" on:click=download_all>"Descargar la lista completa de errores"</button>
            })}
        </div>
    }
}

/// "Importar hoja de AO": choose → preview → confirm, or every error and nothing changed.
#[component]
fn AoImport() -> impl IntoView {
    let state = use_state();
    let ws = state.workspace;
    let step = RwSignal::new(ImportStep::Idle);
    let busy = move || matches!(step.get(), ImportStep::Working { .. });
    let on_file = move |ev: web_sys::Event| {
        if let Some(file) = chosen_file(&ev) {
            spawn_local(prepare_import(file, state.selection.get_untracked().year, ws, step));
        }
    };
    view! {
        <h2>"Importar hoja de AO"</h2>
        <p>
            "Una fila por AO, con las columnas de la hoja de seguimiento (aei_codigo, cc_codigo, ao_codigo, ao_nombre, unidad_medida, fis_prog_01 … fin_ejec_12). "
            "Archivo CSV (separado por comas, punto y coma o tabulaciones; UTF-8 o el CSV de Excel) o libro de Excel .xlsx (se lee la primera hoja), de hasta "
            {MAX_FILE_BYTES / 1_048_576} " MB. Si el archivo tiene algún error no se importa nada y se listan todos los errores."
        </p>
        <label>"Archivo de la hoja de AO"
            <input id="ao-file" type="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                prop:disabled=busy on:change=on_file/>
        </label>
        {move || match step.get() {
            ImportStep::Idle => ().into_any(),
            ImportStep::Working { done, message } => view! {
                <div id="import-working" class="notice info" role="status" aria-live="polite">
                    <progress id="import-progress" max=IMPORT_STEPS.to_string() value=done.to_string()></progress>
                    " "
                    <span id="import-status">{message}</span>
                </div>
            }.into_any(),
            ImportStep::Refused { file, errors } => refused_view(file, errors, state).into_any(),
            ImportStep::Preview { file, year, sheet, preview, target, took } => {
                preview_view(file, year, sheet, preview, target, took, ws, step).into_any()
            }
            ImportStep::Imported { summary, took } => view! {
                <div id="import-done" class="notice info" role="status">
                    <p>{format!("Importación completada en {took}. {summary}")}</p>
                    <p><a href=Route::Summary.href()>"Ver el resumen y las AEI"</a></p>
                </div>
            }.into_any(),
        }}
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
