//! The ficha as a document: title block, sections 1–7 drafted and editable, tables, charts, print and Word.

use leptos::prelude::*;

use crate::domain::ficha::{ProgressChart, Table, TableId, CHARTS_SECTION};
use crate::domain::document::{draft_ficha, FichaDraft, NarrativeInputs, Section};
use crate::domain::{Selection, Workspace};
use crate::io::office::{docx_file_name, ficha_docx, DOCX_MIME};
use crate::ui::components::{EditableText, FichaTable, ProgressCharts, SectionEdits, SelectionControls, TitleBlockView};
use crate::ui::browser::download_bytes;
use crate::ui::route::Route;
use crate::ui::state::use_state;

/// The section whose editor offers to cite the control recommendations' indicators.
const CONTROL_SECTION: u8 = 6;

/// What the document reads from the workspace, computed once per change and shared by its sections.
#[derive(Clone, Copy)]
struct DocumentData {
    code: StoredValue<String>,
    /// The draft from the data alone.
    draft: Memo<FichaDraft>,
    /// The draft with the user's edits laid over it: what prints.
    printed: Memo<FichaDraft>,
    cuadro1: Memo<Option<Table>>,
    cuadro2: Memo<Option<Table>>,
    tabla3: Memo<Option<Table>>,
    chart: Memo<Option<ProgressChart>>,
    year: Memo<u16>,
    office: Memo<String>,
}

impl DocumentData {
    fn new(code: String) -> Self {
        let state = use_state();
        let (ws, selection) = (state.workspace, state.selection);
        let code = StoredValue::new(code);
        let draft = viewed(ws, selection, code, |w, s, c| draft_ficha(w, s, &w.narrative, c));
        Self {
            code,
            draft,
            printed: Memo::new(move |_| ws.with(|w| draft.with(|d| d.with_edits(&w.narrative)))),
            cuadro1: viewed(ws, selection, code, |w, s, c| w.table(s, c, TableId::Cuadro1)),
            cuadro2: viewed(ws, selection, code, |w, s, c| w.table(s, c, TableId::Cuadro2)),
            tabla3: viewed(ws, selection, code, |w, s, c| w.table(s, c, TableId::Tabla3)),
            chart: viewed(ws, selection, code, Workspace::progress_chart),
            year: Memo::new(move |_| selection.get().year),
            office: Memo::new(move |_| ws.with(|w| w.entity.office.clone())),
        }
    }

    /// A computed table in place, with its caption, footnotes and source lines.
    fn table(self, table: TableId) -> AnyView {
        let memo = match table {
            TableId::Cuadro1 => self.cuadro1,
            TableId::Cuadro2 => self.cuadro2,
            TableId::Tabla3 => self.tabla3,
            // The Informe's tables, should an edit name them.
            informe => {
                let state = use_state();
                Memo::new(move |_| state.workspace.with(|w| w.table(state.selection.get(), "", informe)))
            }
        };
        view! { <FichaTable table=memo/> }.into_any()
    }
}

/// What `f` computes for the AEI in this tab's year, version and period, kept up to date.
fn viewed<T: PartialEq + Send + Sync + 'static>(
    ws: RwSignal<Workspace>,
    selection: Memo<Selection>,
    code: StoredValue<String>,
    f: fn(&Workspace, Selection, &str) -> T,
) -> Memo<T> {
    Memo::new(move |_| {
        let s = selection.get();
        ws.with(|w| code.with_value(|c| f(w, s, c)))
    })
}

/// Applies a change of the user's text to the section as drafted now (the domain's rule of edits:
/// `NarrativeInputs::save_section`, `keep_section`); nothing is saved when it changes nothing.
fn change_section(data: DocumentData, number: u8, change: impl FnOnce(&mut NarrativeInputs, &str, &Section) -> bool) {
    let ws = use_state().workspace;
    let Some(section) = data.draft.with_untracked(|d| d.section(number).cloned()) else { return };
    ws.maybe_update(|w| data.code.with_value(|c| change(&mut w.narrative, c, &section)));
}

/// Section 6's choice to cite the indicators of the control recommendations (implemented %, overdue).
#[component]
fn CiteControlIndicators(data: DocumentData) -> impl IntoView {
    let ws = use_state().workspace;
    let checked = Memo::new(move |_| ws.with(|w| data.code.with_value(|c| w.narrative.aei(c).is_some_and(|n| n.cite_control_indicators))));
    let toggle = move |ev| {
        let on = event_target_checked(&ev);
        ws.update(|w| data.code.with_value(|c| w.narrative.aei_mut(c).cite_control_indicators = on));
    };
    view! {
        <label class="cite-control no-print">
            <input type="checkbox" id="cite-control" prop:checked=checked on:change=toggle/>
            " Citar los indicadores de las recomendaciones de informes de control (% de implementación, vencidas) al "
            "final de esta sección"
        </label>
    }
}

/// One numbered section: its text as it prints, its editor, and the stale-edit comparison.
#[component]
fn SectionView(number: u8, data: DocumentData) -> impl IntoView {
    let ws = use_state().workspace;
    let heading = Memo::new(move |_| data.printed.with(|d| d.section(number).map(|s| s.heading.clone()).unwrap_or_default()));
    let blocks = Memo::new(move |_| data.printed.with(|d| d.section(number).map(|s| s.blocks.clone()).unwrap_or_default()));
    let state = Memo::new(move |_| ws.with(|w| data.draft.with(|d| d.state(&w.narrative, number))));
    let edits = SectionEdits {
        editor_text: Callback::new(move |()| {
            ws.with_untracked(|w| {
                data.draft.with_untracked(|d| d.section(number).map(|s| data.code.with_value(|c| w.narrative.editor_text(c, s))))
            })
        }),
        save: Callback::new(move |text: String| change_section(data, number, |narrative, code, section| narrative.save_section(code, section, text))),
        discard: Callback::new(move |()| change_section(data, number, |narrative, code, section| narrative.discard_edit(code, section.number).is_some())),
        keep: Callback::new(move |()| change_section(data, number, |narrative, code, section| narrative.keep_section(code, section))),
    };
    let table = Callback::new(move |id: TableId| data.table(id));
    view! {
        <section class="doc-section" data-section=number>
            <h2 id=format!("seccion-{number}")>{heading}</h2>
            {(number == CONTROL_SECTION).then(|| view! { <CiteControlIndicators data=data/> })}
            <EditableText blocks=blocks state=state table=table edits=edits label=format!("sección {number}")/>
            {(number == CHARTS_SECTION).then_some(move || {
                data.chart.get().map(|chart| view! { <ProgressCharts chart=chart office=data.office.get()/> })
            })}
        </section>
    }
}

/// Offers the document as a .docx built from the workspace as it is now.
fn download_docx(code: &str) {
    let state = use_state();
    let selection = state.selection.get_untracked();
    let (bytes, name) = state.workspace.with_untracked(|w| (ficha_docx(w, selection, code), docx_file_name(selection, code)));
    if let Err(message) = download_bytes(&name, DOCX_MIME, &bytes) {
        state.save_error.set(Some(message));
    }
}

/// The document of the AEI with the given code.
#[component]
pub fn DocumentPage(code: String) -> impl IntoView {
    let state = use_state();
    let ws = state.workspace;
    let data = DocumentData::new(code);
    let exists = Memo::new(move |_| ws.with(|w| data.code.with_value(|c| w.year(data.year.get()).and_then(|y| y.aei(c)).is_some())));
    let numbers = Memo::new(move |_| data.draft.with(|d| d.sections.iter().map(|s| s.number).collect::<Vec<_>>()));
    let title = Memo::new(move |_| data.printed.with(|d| d.title.clone()));
    let print = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <section class="page document-page">
            <div class="doc-toolbar no-print">
                <a href=move || Route::Aei(data.code.get_value()).href()>"← Volver a la AEI"</a>
                <button id="print-document" on:click=print>"Imprimir / Guardar PDF"</button>
                <button id="download-docx" on:click=move |_| data.code.with_value(|c| download_docx(c))>"Descargar Word (.docx)"</button>
                <SelectionControls/>
            </div>
            <Show when=move || exists.get() fallback=|| view! {
                <h1>"AEI no encontrada"</h1>
                <p class="empty">"Esta AEI no existe en el año seleccionado."</p>
            }>
                <article class="ficha-document" id="ficha-document">
                    <TitleBlockView title=title/>
                    <For each=move || numbers.get() key=|n| *n let(number)>
                        <SectionView number=number data=data/>
                    </For>
                </article>
            </Show>
        </section>
    }
}
