//! The ficha as a document: title block, sections 1–7 drafted and editable, tables, charts, print and Word.

use leptos::prelude::*;

use crate::domain::ficha::{ProgressChart, Table, TableId, CHARTS_SECTION};
use crate::domain::document::{blocks_from_text, draft_ficha, table_marker, Block, FichaDraft, NarrativeInputs, Section, SectionState, Span};
use crate::domain::{Selection, Workspace};
use crate::io::office::{docx_file_name, ficha_docx, DOCX_MIME};
use crate::ui::components::{FichaTable, ProgressCharts, SelectionControls};
use crate::ui::browser::download_bytes;
use crate::ui::route::Route;
use crate::ui::state::use_state;

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

fn spans_view(spans: &[Span]) -> impl IntoView {
    spans
        .iter()
        .map(|s| if s.bold { view! { <strong>{s.text.clone()}</strong> }.into_any() } else { s.text.clone().into_any() })
        .collect_view()
}

fn items_view(items: &[Vec<Span>]) -> impl IntoView {
    items.iter().map(|item| view! { <li>{spans_view(item)}</li> }).collect_view()
}

/// The blocks of a section; a preview shows tables as their markers instead of drawing them twice.
fn blocks_view(blocks: &[Block], data: DocumentData, preview: bool) -> impl IntoView {
    blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(spans) => view! { <p>{spans_view(spans)}</p> }.into_any(),
            Block::Bullets(items) => view! { <ul>{items_view(items)}</ul> }.into_any(),
            Block::SubBullets(items) => view! { <ul class="sub">{items_view(items)}</ul> }.into_any(),
            Block::Numbered(items) => view! { <ol>{items_view(items)}</ol> }.into_any(),
            Block::Table(table) if preview => view! { <p class="table-marker">{table_marker(*table)}</p> }.into_any(),
            Block::Table(table) => data.table(*table),
            Block::Footnote { mark, text } => {
                view! { <p class="doc-footnote"><sup>{mark.clone()}</sup>" "{text.clone()}</p> }.into_any()
            }
        })
        .collect_view()
}

/// Applies a change of the user's text to the section as drafted now (the domain's rule of edits:
/// `NarrativeInputs::save_section`, `keep_section`); nothing is saved when it changes nothing.
fn change_section(data: DocumentData, number: u8, change: impl FnOnce(&mut NarrativeInputs, &str, &Section) -> bool) {
    let ws = use_state().workspace;
    let Some(section) = data.draft.with_untracked(|d| d.section(number).cloned()) else { return };
    ws.maybe_update(|w| data.code.with_value(|c| change(&mut w.narrative, c, &section)));
}

/// One numbered section: its text as it prints, its editor, and the stale-edit comparison.
#[component]
fn SectionView(number: u8, data: DocumentData) -> impl IntoView {
    let ws = use_state().workspace;
    let heading = Memo::new(move |_| data.printed.with(|d| d.section(number).map(|s| s.heading.clone()).unwrap_or_default()));
    let blocks = Memo::new(move |_| data.printed.with(|d| d.section(number).map(|s| s.blocks.clone()).unwrap_or_default()));
    let state = Memo::new(move |_| ws.with(|w| data.draft.with(|d| d.state(&w.narrative, number))));
    let editing: RwSignal<Option<String>> = RwSignal::new(None);
    let start_editing = move |_| {
        let text = ws.with_untracked(|w| {
            data.draft.with_untracked(|d| d.section(number).map(|s| data.code.with_value(|c| w.narrative.editor_text(c, s))))
        });
        editing.set(text);
    };
    let save = move |_| {
        if let Some(text) = editing.get_untracked() {
            change_section(data, number, |narrative, code, section| narrative.save_section(code, section, text));
        }
        editing.set(None);
    };
    let discard = move |_| change_section(data, number, |narrative, code, section| narrative.discard_edit(code, section.number).is_some());
    let keep_mine = move |_| change_section(data, number, |narrative, code, section| narrative.keep_section(code, section));
    let body = move || {
        let text = view! { <div class="section-text">{move || blocks.with(|b| blocks_view(b, data, false))}</div> };
        match state.get() {
            Some(SectionState::Stale { new_draft }) => view! {
                <div class="stale-compare">
                    {text}
                    <aside class="new-draft no-print" aria-label="Nuevo borrador">
                        <p class="new-draft-title">"Nuevo borrador calculado con los datos actuales"</p>
                        {blocks_view(&blocks_from_text(&new_draft), data, true)}
                    </aside>
                </div>
            }
            .into_any(),
            _ => text.into_any(),
        }
    };
    view! {
        <section class="doc-section" data-section=number>
            <h2 id=format!("seccion-{number}")>{heading}</h2>
            <div class="section-tools no-print">
                {move || match state.get() {
                    Some(SectionState::Edited) => view! {
                        <span class="badge edited">"Texto editado"</span>
                        <button class="discard-edit" on:click=discard>"Volver al borrador"</button>
                    }.into_any(),
                    Some(SectionState::Stale { .. }) => view! {
                        <div class="notice stale-notice" role="alert">
                            <p><strong>"Sección editada: el texto ya no coincide con los datos."</strong>
                                " Los datos cambiaron después de su edición. Compare su texto con el nuevo borrador."</p>
                            <button class="keep-mine" on:click=keep_mine>"Conservar mi texto"</button>
                            <button class="take-draft" on:click=discard>"Usar el nuevo borrador"</button>
                        </div>
                    }.into_any(),
                    _ => ().into_any(),
                }}
                <Show when=move || editing.with(Option::is_none)>
                    <button class="edit-section" on:click=start_editing>"Editar esta sección"</button>
                </Show>
            </div>
            {move || match editing.get() {
                Some(text) => view! {
                    <div class="section-editor-wrap no-print">
                        <p class="note">"Párrafos separados por una línea en blanco; viñetas con «- », subviñetas con «  - », listas con «1. »; negrita entre dos asteriscos dobles: «**texto en negrita**»; los cuadros se indican como [Cuadro 1], [Cuadro 2], [Tabla 3]."</p>
                        <textarea class="section-editor" aria-label=format!("Texto de la sección {number}")
                            rows=text.lines().count().clamp(8, 30) prop:value=text.clone()
                            on:input=move |ev| editing.set(Some(event_target_value(&ev)))></textarea>
                        <button class="save-section" on:click=save>"Guardar"</button>
                        <button class="cancel-edit" on:click=move |_| editing.set(None)>"Cancelar"</button>
                    </div>
                }.into_any(),
                None => body().into_any(),
            }}
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
                    <header class="title-block">
                        <p class="doc-entity">{move || title.with(|t| t.entity_name.clone())}</p>
                        <h1 class="doc-title">{move || title.with(|t| t.title.clone())}</h1>
                        <p class="doc-period">{move || title.with(|t| t.period_line.clone())}</p>
                        <hr/>
                        <p class="doc-date">{move || title.with(|t| t.date.clone())}</p>
                    </header>
                    <For each=move || numbers.get() key=|n| *n let(number)>
                        <SectionView number=number data=data/>
                    </For>
                </article>
            </Show>
        </section>
    }
}
