//! Importing recommendations from a CSV or XLSX file (docs/FORMAT-recommendations.md): size checked, previewed, confirmed, all or nothing; the template; offering sheets as files.

use std::sync::Arc;

use leptos::prelude::*;

use super::fields::Errors;
use super::use_reco;
use crate::io::limits::MAX_FILE_BYTES;
use crate::io::recommendations_csv::{
    check_file_size, import_rows, read_file, template_sheet, ImportError, Imported, PREVIEW_COLUMNS,
};
use crate::io::tables::sheet_csv;
use crate::io::office::{write_workbook, Sheet, XLSX_MIME};
use crate::ui::browser::{chosen_file, download_bytes, download_text, file_bytes};

/// Recommendations the preview lists before "… y N más".
const ROWS_SHOWN: usize = 5;

/// Offers a sheet as `name`.xlsx or `name`.csv.
pub(super) fn offer_sheet(name: &str, sheet: Sheet, as_xlsx: bool) -> Result<(), String> {
    if as_xlsx {
        download_bytes(&format!("{name}.xlsx"), XLSX_MIME, &write_workbook(&[sheet]))
    } else {
        download_text(&format!("{name}.csv"), "text/csv;charset=utf-8", &sheet_csv(&sheet))
    }
}

/// A file read and checked against the register, waiting for the user's confirmation.
#[derive(Clone)]
struct Pending {
    file: String,
    cells: Arc<Vec<Vec<String>>>,
    imported: Arc<Imported>,
}

/// "Se importarán 2 recomendación(es) y 1 informe(s) de control nuevos." with the columns skipped.
fn counts(verb: &str, imported: &Imported) -> String {
    let mut message = format!(
        "Se {verb} {} recomendación(es) y {} informe(s) de control nuevos.",
        imported.recommendations_added, imported.reports_added
    );
    if !imported.ignored_columns.is_empty() {
        message.push_str(&format!(" Columnas no reconocidas, omitidas: {}.", imported.ignored_columns.join(", ")));
    }
    message
}

/// What the file would add, its first rows, and the decision.
fn preview_view(pending: Pending, confirm: impl Fn() + 'static, cancel: impl Fn() + 'static) -> impl IntoView {
    let rows = pending.imported.first_rows(ROWS_SHOWN);
    let rest = pending.imported.recommendations_added.saturating_sub(rows.len());
    view! {
        <div id="reco-import-preview" class="notice info">
            <p id="reco-import-summary">{format!("«{}»: {}", pending.file, counts("importarán", &pending.imported))}</p>
            <table class="list compact" id="reco-import-rows">
                <caption>"Primeras filas del archivo"</caption>
                <thead><tr>{PREVIEW_COLUMNS.map(|title| view! { <th scope="col">{title}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|cells| view! {
                        <tr>{cells.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
            {(rest > 0).then(|| view! { <p class="note">{format!("… y {rest} más.")}</p> })}
            <button id="reco-import-confirm" on:click=move |_| confirm()>"Confirmar importación"</button>
            " "
            <button id="reco-import-cancel" on:click=move |_| cancel()>"Cancelar"</button>
        </div>
    }
}

/// The import: choose a CSV or XLSX file, see what it adds, confirm; any error imports nothing and is listed.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let reco = use_reco();
    let errors = RwSignal::new(Vec::<ImportError>::new());
    let pending = RwSignal::new(None::<Pending>);
    let done = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<String>);
    let refuse = move |list: Vec<ImportError>| {
        pending.set(None);
        errors.set(list);
    };
    let preview = move |file: String, bytes: Vec<u8>| {
        let cells = match read_file(&bytes) {
            Ok(cells) => cells,
            Err(list) => return refuse(list),
        };
        match reco.ws.with_untracked(|w| import_rows(&w.recommendations, &cells, reco.today)) {
            Ok(imported) => pending.set(Some(Pending { file, cells: Arc::new(cells), imported: Arc::new(imported) })),
            Err(list) => refuse(list),
        }
    };
    let choose = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        failure.set(None);
        done.set(None);
        errors.set(Vec::new());
        pending.set(None);
        if let Err(list) = check_file_size(file.size() as usize) {
            return refuse(list);
        }
        leptos::task::spawn_local(async move {
            match file_bytes(&file).await {
                Ok(bytes) => preview(file.name(), bytes),
                Err(message) => failure.set(Some(message)),
            }
        });
    };
    // The file is checked again against the register as it is now, so nothing entered since the
    // preview is lost; the whole file goes in, or nothing.
    let confirm = move || {
        let Some(Pending { cells, .. }) = pending.get_untracked() else { return };
        let result = reco.ws.with_untracked(|w| import_rows(&w.recommendations, &cells, reco.today));
        match result {
            Ok(imported) => {
                pending.set(None);
                done.set(Some(counts("importaron", &imported)));
                reco.ws.update(|w| w.recommendations = imported.register);
            }
            Err(list) => refuse(list),
        }
    };
    let template =
        move |as_xlsx: bool| failure.set(offer_sheet("plantilla-recomendaciones", template_sheet(), as_xlsx).err());
    view! {
        <div class="reco-import">
            <h2>"Importar recomendaciones (CSV o XLSX)"</h2>
            <p class="note">
                "Una fila por recomendación, con el encabezado de la plantilla (registro, informe, numero, recomendacion, …), en un archivo de hasta "
                {MAX_FILE_BYTES / 1_048_576} " MB. "
                "Antes de importar se muestra lo que se agregará. Los informes de control nuevos se registran con sus datos. "
                "Si el archivo tiene algún error no se importa nada y se listan todos los errores."
            </p>
            <button id="reco-import-template-xlsx" on:click=move |_| template(true)>"Descargar plantilla (XLSX)"</button>
            <button id="reco-import-template" on:click=move |_| template(false)>"Descargar plantilla (CSV)"</button>
            <label class="file">"Archivo CSV o XLSX"
                <input id="reco-import-file" type="file" accept=".csv,.xlsx,text/csv" on:change=choose/>
            </label>
            <Errors id="reco-import-failure" message=failure/>
            {move || pending.get().map(|p| preview_view(p, confirm, move || pending.set(None)))}
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
