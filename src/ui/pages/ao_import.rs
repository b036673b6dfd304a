//! "Importar" on Importar / Exportar: a file of any layout recognised, its columns mapped when the
//! layout is unknown, questions answered, a preview (centros de costo by name editable), then confirmed.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::import_memory::ImportMemory;
use crate::domain::Workspace;
use crate::io::ao_file::{self, Opened};
use crate::io::ao_sheet::{AoSheet, Choices, CostCenterChoice, CostCenterStatus, ImportPreview, Parsed, Question};
use crate::io::import::layout::{Family, Header, SINGLE_FIELDS};
use crate::io::import::workbook::SheetCells;
use crate::io::import::{Field, Mapping, Progress, Recognition};
use crate::io::limits::MAX_FILE_BYTES;
use crate::domain::plan::Series;
use crate::domain::plan::Month;
use crate::ui::browser::{chosen_file, download_text, file_bytes, next_paint, now, seconds_since};
use crate::ui::route::Route;
use crate::ui::state::{use_state, AppState};

/// Errors listed on the page; a longer list is offered whole as a text file.
const ERRORS_SHOWN: usize = 2_000;
/// Codes and warnings listed in the preview before "… y N más".
const ITEMS_SHOWN: usize = 50;
/// Milliseconds between two repaints of the progress while rows are read.
const PROGRESS_EVERY_MS: f64 = 250.0;

const IMPORT_STEPS: u8 = 5;

/// What was read of the file, kept while the user answers and previews.
#[derive(Clone)]
struct Read {
    file: String,
    year: u16,
    started: f64,
    recognition: Arc<Recognition>,
    mapping: Arc<Mapping>,
    cells: Arc<SheetCells>,
    choices: Choices,
}

/// Where an import is.
#[derive(Clone)]
enum ImportStep {
    Idle,
    /// Step `done` of [`IMPORT_STEPS`], with what is being done.
    Working { done: u8, message: String },
    /// The file was refused; nothing changed.
    Refused { file: String, errors: Arc<Vec<String>> },
    /// A layout Ficha does not know: the user maps its columns.
    Mapping { file: String, year: u16, bytes: Arc<Vec<u8>>, recognition: Arc<Recognition> },
    /// Something to choose before the rows become AO.
    Question { read: Read, question: Question },
    Preview { read: Read, sheet: Arc<AoSheet>, preview: Arc<ImportPreview>, target: String, took: String },
    Imported { summary: String, took: String },
}

fn refuse(step: RwSignal<ImportStep>, file: &str, errors: Vec<String>) {
    step.set(ImportStep::Refused { file: file.to_string(), errors: Arc::new(errors) });
}

/// Reads the chosen file and recognises it; a known layout goes on to read its rows.
async fn choose(file: web_sys::File, year: u16, ws: RwSignal<Workspace>, step: RwSignal<ImportStep>) {
    let name = file.name();
    let size = file.size() as usize;
    let started = now();
    // Whatever the previous file left goes away first, so each outcome is shown afresh.
    step.set(ImportStep::Working { done: 1, message: format!("Leyendo «{name}» ({} KB)…", size.div_ceil(1024)) });
    next_paint().await;
    if let Err(error) = ao_file::check_size(size) {
        return refuse(step, &name, vec![error.to_string()]);
    }
    let bytes = match file_bytes(&file).await {
        Ok(bytes) => bytes,
        Err(message) => return refuse(step, &name, vec![message]),
    };
    step.set(ImportStep::Working { done: 2, message: "Reconociendo el formato…".to_string() });
    next_paint().await;
    let opened = match ws.with_untracked(|w| ao_file::open(&bytes, &ImportMemory::of(&w.imports))) {
        Ok(opened) => opened,
        Err(error) => return refuse(step, &name, error.messages()),
    };
    if opened.recognition.needs_mapping() {
        let recognition = Arc::new(opened.recognition);
        step.set(ImportStep::Mapping { file: name, year, bytes: Arc::new(bytes), recognition });
        return;
    }
    drop(bytes);
    let mapping = opened.recognition.mapping.clone();
    let choices = opened.recognition.choices.clone();
    read_rows(opened, mapping, choices, name, year, started, ws, step).await;
}

/// Reads the mapped columns of every row, with progress, then validates.
#[allow(clippy::too_many_arguments)]
async fn read_rows(
    mut opened: Opened,
    mapping: Mapping,
    choices: Choices,
    file: String,
    year: u16,
    started: f64,
    ws: RwSignal<Workspace>,
    step: RwSignal<ImportStep>,
) {
    step.set(ImportStep::Working { done: 3, message: format!("Leyendo las filas ({})…", opened.recognition.describe()) });
    next_paint().await;
    let mut shown = now();
    let pause = |progress: Progress| {
        let due = now() - shown >= PROGRESS_EVERY_MS;
        if due {
            shown = now();
        }
        async move {
            if due {
                let of = progress.of.map(|n| format!(" de {n}")).unwrap_or_default();
                step.set(ImportStep::Working { done: 3, message: format!("Leyendo fila {}{of}…", progress.rows) });
                next_paint().await;
            }
        }
    };
    let cells = match opened.read(&mapping, pause).await {
        Ok(cells) => cells,
        Err(error) => return refuse(step, &file, error.messages()),
    };
    let recognition = Arc::new(opened.recognition);
    let read = Read { file, year, started, recognition, mapping: Arc::new(mapping), cells: Arc::new(cells), choices };
    validate(read, ws, step).await;
}

/// Validates the rows with the choices made: errors, a question, or the preview.
async fn validate(read: Read, ws: RwSignal<Workspace>, step: RwSignal<ImportStep>) {
    let rows = read.cells.rows.len();
    step.set(ImportStep::Working { done: 4, message: format!("Validando {rows} filas…") });
    next_paint().await;
    match ao_file::validate(&read.recognition, &read.cells, &read.mapping, &read.choices) {
        Err(errors) => refuse(step, &read.file, errors.errors().iter().map(ToString::to_string).collect()),
        Ok(Parsed::Ask(question)) => step.set(ImportStep::Question { read, question }),
        // The comparison with the POI takes a few milliseconds: no step of its own to paint.
        Ok(Parsed::Sheet(sheet)) => show_preview(read, Arc::new(sheet), ws, step),
    }
}

fn show_preview(read: Read, sheet: Arc<AoSheet>, ws: RwSignal<Workspace>, step: RwSignal<ImportStep>) {
    let (preview, target) =
        ws.with_untracked(|w| (ao_file::preview(w, read.year, &sheet), ao_file::target_label(w, read.year)));
    let took = seconds_since(read.started);
    step.set(ImportStep::Preview { read, sheet, preview: Arc::new(preview), target, took });
}

/// Applies the previewed sheet to the workspace (saved by the app's effect), remembers the
/// file's header and answers, and reports the time.
async fn confirm(read: Read, sheet: Arc<AoSheet>, ws: RwSignal<Workspace>, step: RwSignal<ImportStep>) {
    let count = sheet.activities().len();
    step.set(ImportStep::Working { done: 5, message: format!("Importando {count} AO…") });
    next_paint().await;
    let start = now();
    let mut outcome = None;
    let remembered = read.recognition.to_remember(&read.mapping, &read.choices);
    ws.maybe_update(|w| {
        let result = ao_file::import(w, read.year, &sheet);
        let changed = result.is_ok();
        if changed {
            let mut memory = ImportMemory::of(&w.imports);
            memory.remember(remembered);
            w.imports = memory.to_text();
        }
        outcome = Some(result);
        changed
    });
    // Let the tables recompute and the workspace be saved before taking the time.
    next_paint().await;
    match outcome {
        Some(Ok(summary)) => step.set(ImportStep::Imported { summary: summary.to_string(), took: seconds_since(start) }),
        Some(Err(error)) => refuse(step, "", vec![error.to_string()]),
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

/// "Se reconoció: Exporta POI … Encabezado en la fila 3."
fn recognised_line(recognition: &Recognition) -> String {
    let header = if recognition.header_row > 0 {
        format!(" Encabezado en la fila {}.", recognition.header_row + 1)
    } else {
        String::new()
    };
    format!("Se reconoció: {} ({}).{header}", recognition.describe(), recognition.format.label())
}

/// The preview of an import: what was recognised, counts, what is created, centros de costo by
/// name, warnings, and the decision.
fn preview_view(read: Read, sheet: Arc<AoSheet>, preview: Arc<ImportPreview>, target: String, took: String, step: RwSignal<ImportStep>) -> impl IntoView {
    let state = use_state();
    let ws = state.workspace;
    let summary = preview.summary();
    let aeis = codes(preview.new_aeis.iter().map(|a| (a.code.clone(), a.name.clone())));
    let oeis = codes(preview.new_oeis.iter().map(|o| (o.code.clone(), o.name.clone())));
    let cost_centers = codes(preview.new_cost_centers.iter().map(|c| (c.code.clone(), c.name.clone())));
    let categories = codes(preview.new_budget_categories.iter().map(|c| (c.code.clone(), c.name.clone())));
    let warnings: Vec<String> = preview.warnings.iter().map(ToString::to_string).collect();
    let mut rows = vec![
        ("AO a agregar", summary.added, preview.added.clone()),
        ("AO a reemplazar", summary.replaced, preview.replaced.clone()),
        ("AO que se mantienen (no están en el archivo)", summary.kept, preview.kept.clone()),
        ("AEI a crear", summary.aeis_created, aeis),
        ("Centros de costo a crear", summary.cost_centers_created, cost_centers),
        ("Categorías presupuestales a crear", summary.budget_categories_created, categories),
    ];
    if summary.oeis_created > 0 {
        rows.push(("OEI a crear", summary.oeis_created, oeis));
    }
    let count = sheet.activities().len();
    let lines = sheet.stats().lines();
    let errors = preview.errors.clone();
    let blocked = !errors.is_empty();
    let existing: Vec<(String, String)> =
        ws.with_untracked(|w| w.year(read.year).map(|y| y.cost_centers.iter().map(|c| (c.code.clone(), c.name.clone())).collect()).unwrap_or_default());
    let choose = {
        let (read, sheet) = (read.clone(), sheet.clone());
        move |index: usize, choice: CostCenterChoice| {
            let mut changed = (*sheet).clone();
            changed.choose_cost_center(index, choice);
            show_preview(read.clone(), Arc::new(changed), ws, step);
        }
    };
    let named = preview.cost_center_names.clone();
    let named_view = (!named.is_empty()).then(|| {
        let rows = named.into_iter().enumerate().map(|(i, resolution)| {
            let status = match resolution.status {
                CostCenterStatus::Existing => "ya existe",
                CostCenterStatus::Alias => "vinculado antes",
                CostCenterStatus::Linked => "vinculado",
                CostCenterStatus::New => "nuevo",
            };
            let choose_code = choose.clone();
            let choose_link = choose.clone();
            let options = existing.clone();
            let linked = matches!(resolution.status, CostCenterStatus::Linked).then(|| resolution.code.clone());
            let editable = matches!(resolution.status, CostCenterStatus::New | CostCenterStatus::Linked);
            view! {
                <tr>
                    <th scope="row">{resolution.name.clone()}</th>
                    <td>{status}</td>
                    <td>{if resolution.status == CostCenterStatus::New {
                        view! {
                            <input type="text" class="cc-code" data-cc=i size="8" aria-label=format!("Código de {}", resolution.name)
                                prop:value=resolution.code.clone()
                                on:change=move |ev| choose_code(i, CostCenterChoice::Code(event_target_value(&ev)))/>
                        }.into_any()
                    } else {
                        view! { <span>{resolution.code.clone()}</span> }.into_any()
                    }}</td>
                    <td>{editable.then(|| view! {
                        <select data-cc-link=i aria-label=format!("Vincular {} a un centro de costo existente", resolution.name)
                            on:change=move |ev| {
                                let code = event_target_value(&ev);
                                choose_link(i, if code.is_empty() { CostCenterChoice::Rule } else { CostCenterChoice::Link(code) });
                            }>
                            <option value="" selected=linked.is_none()>"— crear uno nuevo —"</option>
                            {options.iter().map(|(code, name)| view! {
                                <option value=code.clone() selected=linked.as_deref() == Some(code.as_str())>{format!("{code}: {name}")}</option>
                            }).collect_view()}
                        </select>
                    })}</td>
                </tr>
            }
        }).collect_view();
        view! {
            <table id="import-cost-centers">
                <caption>"Centros de costo del archivo (por nombre)"</caption>
                <thead><tr><th scope="col">"Nombre en el archivo"</th><th scope="col">"Estado"</th><th scope="col">"Código"</th><th scope="col">"Vincular a uno existente (centro de costo renombrado)"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    });
    let on_confirm = {
        let (read, sheet) = (read.clone(), sheet.clone());
        move |_| spawn_local(confirm(read.clone(), sheet.clone(), ws, step))
    };
    view! {
        <div id="import-preview" class="notice info">
            <p id="import-recognised">{recognised_line(&read.recognition)}</p>
            <p>{format!("«{}»: {count} AO leídas y validadas en {took}. Se importarán en {target}.", read.file)}</p>
            {(!lines.is_empty()).then(|| view! { <ul id="import-stats">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> })}
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
            {named_view}
            {blocked.then(|| view! { <ul id="import-preview-errors" class="errors" role="alert">{listed(&errors, ITEMS_SHOWN)}</ul> })}
            {(!warnings.is_empty()).then(|| view! {
                <p>{format!("Advertencias ({}); no impiden la importación:", warnings.len())}</p>
                <ul id="import-warnings">{listed(&warnings, ITEMS_SHOWN)}</ul>
            })}
            <button id="confirm-import" prop:disabled=blocked on:click=on_confirm>"Confirmar importación"</button>
            " "
            <button id="cancel-import" on:click=move |_| step.set(ImportStep::Idle)>"Cancelar"</button>
        </div>
    }
}

/// A question about the file, each answer a button; an answer keeps the choices already made.
fn question_view(read: Read, question: Question, step: RwSignal<ImportStep>) -> impl IntoView {
    let ws = use_state().workspace;
    let base = read.choices.clone();
    let answer = move |choices: Choices| {
        let read = Read { choices, ..read.clone() };
        spawn_local(validate(read, ws, step));
    };
    match question {
        Question::Ue(options) => {
            let buttons = options.into_iter().map(|option| {
                let answer = answer.clone();
                let choices = Choices { ue: Some(option.code.clone()), ..base.clone() };
                view! {
                    <li><button data-ue=option.code.clone() on:click=move |_| answer(choices.clone())>
                        {format!("{} {} ({} filas, {} AO)", option.code, option.name, option.rows, option.activities)}
                    </button></li>
                }
            }).collect_view();
            view! {
                <div id="import-ue" class="notice info">
                    <p>"El archivo tiene varias Unidades Ejecutoras. ¿Cuál se importa?"</p>
                    <ul>{buttons}</ul>
                </div>
            }.into_any()
        }
        Question::Cumulative { count, example } => {
            let shown: Vec<String> = example.months.iter().map(|v| v.normalize().to_string()).collect();
            let series = example.series.label();
            let convert = Choices { cumulative: Some(true), ..base.clone() };
            let keep = Choices { cumulative: Some(false), ..base };
            let (yes, no) = (answer.clone(), answer);
            view! {
                <div id="import-cumulative" class="notice info">
                    <p>{format!(
                        "Los valores mensuales de {count} series parecen acumulados (p. ej. {} · {series}: {}; el último mes informado es igual al total). ¿Convertirlos a valores mensuales?",
                        example.code, shown.join(", ")
                    )}</p>
                    <button id="cumulative-convert" on:click=move |_| yes(convert.clone())>"Sí, son acumulados: convertirlos"</button>
                    " "
                    <button id="cumulative-keep" on:click=move |_| no(keep.clone())>"No, son valores mensuales"</button>
                </div>
            }.into_any()
        }
    }
}

/// The monthly fields of a series, or the motives.
fn months_of(series: Option<Series>) -> Vec<Field> {
    Month::all().map(|m| series.map_or(Field::Motive(m), |s| Field::Monthly(s, m))).collect()
}

/// The family a mapping gives a set of monthly fields, by its first month's column.
fn chosen_family(mapping: &Mapping, families: &[Family], fields: &[Field]) -> String {
    let first = mapping.column(fields[0]);
    families.iter().position(|f| Some(f.columns[0]) == first).map_or(String::new(), |i| i.to_string())
}

/// A mapping row for one field: its label and a list of the file's headers to take it from.
fn column_row(field: Field, headers: &[Header], mapping: RwSignal<Mapping>) -> impl IntoView {
    let options = headers.iter().map(|h| view! { <option value=h.column.to_string()>{h.text.clone()}</option> }).collect_view();
    view! {
        <tr>
            <th scope="row">{field.label()}</th>
            <td><select data-field=field.key() prop:value=move || mapping.with(|m| m.column(field).map_or(String::new(), |c| c.to_string()))
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    mapping.update(|m| m.set(field, value.parse().ok()));
                }>
                <option value="">"(ninguna)"</option>
                {options}
            </select></td>
        </tr>
    }
}

/// The mapping step: each field the import needs, a list of the file's headers pre-filled by the
/// best guess, the monthly series by their twelve columns, and the first rows of the file.
fn mapping_view(file: String, year: u16, bytes: Arc<Vec<u8>>, recognition: Arc<Recognition>, step: RwSignal<ImportStep>) -> impl IntoView {
    let ws = use_state().workspace;
    let mapping = RwSignal::new(recognition.mapping.clone());
    let headers = recognition.headers.clone();
    let families = recognition.families.clone();
    let single = SINGLE_FIELDS.into_iter().filter(|f| *f != Field::Active).map(|field| column_row(field, &headers, mapping)).collect_view();
    let series_rows = Series::ALL.into_iter().map(Some).chain(std::iter::once(None)).map(|series| {
        let fields = months_of(series);
        let label = series.map_or_else(|| "Motivo del seguimiento, por mes".to_string(), |s| format!("{}, por mes", s.label()));
        let key = series.map_or("motivo".to_string(), |s| Field::Total(s).key().trim_end_matches("_total").to_string());
        let options = families.clone();
        let families = families.clone();
        let total = series.map(|s| column_row(Field::Total(s), &headers, mapping));
        let current = {
            let (families, fields) = (families.clone(), fields.clone());
            move || mapping.with(|m| chosen_family(m, &families, &fields))
        };
        view! {
            <tr>
                <th scope="row">{label}</th>
                <td><select data-family=key prop:value=current
                    on:change=move |ev| {
                        let chosen = event_target_value(&ev).parse::<usize>().ok().and_then(|i| families.get(i).cloned());
                        mapping.update(|m| for (i, field) in fields.iter().enumerate() {
                            m.set(*field, chosen.as_ref().map(|f| f.columns[i]));
                        });
                    }>
                    <option value="">"(ninguna)"</option>
                    {options.iter().enumerate().map(|(i, f)| view! { <option value=i.to_string()>{f.to_string()}</option> }).collect_view()}
                </select></td>
            </tr>
            {total}
        }
    }).collect_view();
    let missing = move || mapping.with(|m| m.missing().into_iter().map(|f| f.label()).collect::<Vec<_>>());
    let first_rows = recognition.first_rows.clone();
    let sample_headers = recognition.headers.clone();
    let sample = view! {
        <div class="table-scroll">
            <table id="import-mapping-rows">
                <caption>"Primeras filas del archivo"</caption>
                <thead><tr>{sample_headers.iter().map(|h| view! { <th scope="col">{h.text.clone()}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {first_rows.iter().map(|row| view! {
                        <tr>{sample_headers.iter().map(|h| view! { <td>{row.get(h.column).map(|v| v.as_text().into_owned()).unwrap_or_default()}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    };
    let go = move |_| {
        let (bytes, file) = (bytes.clone(), file.clone());
        let chosen = mapping.get_untracked();
        spawn_local(async move {
            let started = now();
            let opened = match ws.with_untracked(|w| ao_file::open(&bytes, &ImportMemory::of(&w.imports))) {
                Ok(opened) => opened,
                Err(error) => return refuse(step, &file, error.messages()),
            };
            read_rows(opened, chosen, Choices::default(), file, year, started, ws, step).await;
        });
    };
    view! {
        <div id="import-mapping" class="notice info">
            <p>{format!("Se reconoció: {} ({}). Elija la columna del archivo para cada dato; la elección se recuerda para los archivos con el mismo encabezado.", recognition.describe(), recognition.format.label())}</p>
            <table id="import-mapping-fields">
                <caption>"Columnas del archivo"</caption>
                <thead><tr><th scope="col">"Dato"</th><th scope="col">"Columna del archivo"</th></tr></thead>
                <tbody>{single}{series_rows}</tbody>
            </table>
            {move || {
                let missing = missing();
                (!missing.is_empty()).then(|| view! { <p id="import-mapping-missing" class="note">{format!("Faltan: {}.", missing.join("; "))}</p> })
            }}
            {sample}
            <button id="confirm-mapping" prop:disabled=move || !missing().is_empty() on:click=go>"Continuar con estas columnas"</button>
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

/// "Importar": choose → (columns) → (questions) → preview → confirm, or every error and nothing changed.
#[component]
pub fn AoImport() -> impl IntoView {
    let state = use_state();
    let ws = state.workspace;
    let step = RwSignal::new(ImportStep::Idle);
    let busy = move || matches!(step.get(), ImportStep::Working { .. });
    let on_file = move |ev: web_sys::Event| {
        if let Some(file) = chosen_file(&ev) {
            spawn_local(choose(file, state.selection.get_untracked().year, ws, step));
        }
    };
    view! {
        <h2>"Importar"</h2>
        <p>
            "El «Exporta POI» del Aplicativo CEPLAN V.01 (el .xls que descarga o el libro guardado desde Excel), la hoja de AO de Ficha "
            "(aei_codigo, cc_codigo, ao_codigo, ao_nombre, unidad_medida, fis_prog_01 … fin_ejec_12) u otra hoja de cálculo: "
            "CSV o texto, Excel .xlsx y .xls, OpenDocument .ods, de hasta " {MAX_FILE_BYTES / 1_048_576} " MB. "
            "Ficha reconoce el formato por el encabezado; si no lo conoce, le pide elegir las columnas (una sola vez por encabezado). "
            "Si el archivo tiene algún error no se importa nada y se listan todos los errores."
        </p>
        <label>"Archivo a importar"
            <input id="ao-file" type="file" accept=".csv,.txt,.tsv,.xlsx,.xls,.ods,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet"
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
            ImportStep::Mapping { file, year, bytes, recognition } => mapping_view(file, year, bytes, recognition, step).into_any(),
            ImportStep::Question { read, question } => question_view(read, question, step).into_any(),
            ImportStep::Preview { read, sheet, preview, target, took } => preview_view(read, sheet, preview, target, took, step).into_any(),
            ImportStep::Imported { summary, took } => view! {
                <div id="import-done" class="notice info" role="status">
                    <p>{format!("Importación completada en {took}. {summary}")}</p>
                    <p><a href=Route::Summary.href()>"Ver el resumen y las AEI"</a></p>
                </div>
            }.into_any(),
        }}
    }
}
