//! Importing recommendations from a CSV or XLSX file (docs/FORMAT-recommendations.md), all or nothing; the template; offering sheets as files.

use leptos::prelude::*;

use super::fields::Errors;
use super::use_reco;
use crate::io::recommendations_csv::{import_file, template_sheet, ImportError};
use crate::io::tables::sheet_csv;
use crate::ui::upload::{chosen_file, file_bytes};
use crate::io::xlsx::{self, write_workbook, Sheet};
use crate::ui::download::{download_bytes, download_text};

/// Offers a sheet as `name`.xlsx or `name`.csv.
pub(super) fn offer_sheet(name: &str, sheet: Sheet, as_xlsx: bool) -> Result<(), String> {
    if as_xlsx {
        download_bytes(&format!("{name}.xlsx"), xlsx::MIME, &write_workbook(&[sheet]))
    } else {
        download_text(&format!("{name}.csv"), "text/csv;charset=utf-8", &sheet_csv(&sheet))
    }
}

/// The import: choose a CSV or XLSX file; either every recommendation is added or every error is listed.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let reco = use_reco();
    let errors = RwSignal::new(Vec::<ImportError>::new());
    let done = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<String>);
    let import = move |bytes: Vec<u8>| {
        let result = reco.ws.with_untracked(|w| import_file(&w.recommendations, &bytes, reco.today));
        match result {
            Ok(imported) => {
                let mut message = format!(
                    "Se importaron {} recomendación(es) y {} informe(s) de control nuevos.",
                    imported.recommendations_added, imported.reports_added
                );
                if !imported.ignored_columns.is_empty() {
                    message.push_str(&format!(
                        " Columnas no reconocidas, omitidas: {}.",
                        imported.ignored_columns.join(", ")
                    ));
                }
                errors.set(Vec::new());
                done.set(Some(message));
                reco.ws.update(|w| w.recommendations = imported.register);
            }
            Err(list) => {
                done.set(None);
                errors.set(list);
            }
        }
    };
    let choose = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        leptos::task::spawn_local(async move {
            match file_bytes(&file).await {
                Ok(bytes) => {
                    failure.set(None);
                    import(bytes);
                }
                Err(message) => failure.set(Some(message)),
            }
        });
    };
    let template =
        move |as_xlsx: bool| failure.set(offer_sheet("plantilla-recomendaciones", template_sheet(), as_xlsx).err());
    view! {
        <div class="reco-import">
            <h2>"Importar recomendaciones (CSV o XLSX)"</h2>
            <p class="note">
                "Una fila por recomendación, con el encabezado de la plantilla (registro, informe, numero, recomendacion, …). "
                "Los informes de control nuevos se registran con sus datos. Si el archivo tiene algún error no se importa nada y se listan todos los errores."
            </p>
            <button id="reco-import-template-xlsx" on:click=move |_| template(true)>"Descargar plantilla (XLSX)"</button>
            <button id="reco-import-template" on:click=move |_| template(false)>"Descargar plantilla (CSV)"</button>
            <label class="file">"Archivo CSV o XLSX"
                <input id="reco-import-file" type="file" accept=".csv,.xlsx,text/csv" on:change=choose/>
            </label>
            <Errors id="reco-import-failure" message=failure/>
            <p class="form-done" role="status" id="reco-import-done">{move || done.get()}</p>
            <Show when=move || errors.with(|e| !e.is_empty())>
                <div class="notice error" role="alert">
                    <p id="reco-import-error-count">{move || format!("No se importó nada: el archivo tiene {} error(es).", errors.with(Vec::len))}</p>
                    <ul class="errors" id="reco-import-errors">
                        {move || errors.get().into_iter().map(|e| view! { <li>{e.to_string()}</li> }).collect_view()}
                    </ul>
                </div>
            </Show>
            <p class="note">"Para exportar, use «Descargar tablero» en el Tablero y «Descargar lo listado» en el Registro (XLSX o CSV)."</p>
        </div>
    }
}
