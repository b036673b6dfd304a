//! A document's title block and text as HTML (paragraphs, lists, footnotes, the tables the caller draws) and the
//! editor of one section with its stale-edit comparison, shared by the ficha and the Informe.

use leptos::prelude::*;

use crate::domain::document::{blocks_from_text, table_marker, Block, SectionState, Span, TitleBlock};
use crate::domain::ficha::TableId;

fn spans_view(spans: &[Span]) -> impl IntoView {
    spans
        .iter()
        .map(|s| if s.bold { view! { <strong>{s.text.clone()}</strong> }.into_any() } else { s.text.clone().into_any() })
        .collect_view()
}

fn items_view(items: &[Vec<Span>]) -> impl IntoView {
    items.iter().map(|item| view! { <li>{spans_view(item)}</li> }).collect_view()
}

/// The blocks of a section; `table` draws a computed table in place; a preview shows tables as
/// their markers instead of drawing them twice.
pub fn blocks_view(blocks: &[Block], table: Callback<TableId, AnyView>, preview: bool) -> impl IntoView {
    blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(spans) => view! { <p>{spans_view(spans)}</p> }.into_any(),
            Block::Bullets(items) => view! { <ul>{items_view(items)}</ul> }.into_any(),
            Block::SubBullets(items) => view! { <ul class="sub">{items_view(items)}</ul> }.into_any(),
            Block::Numbered(items) => view! { <ol>{items_view(items)}</ol> }.into_any(),
            Block::Table(id) if preview => view! { <p class="table-marker">{table_marker(*id)}</p> }.into_any(),
            Block::Table(id) => table.run(*id),
            Block::Footnote { mark, text } => {
                view! { <p class="doc-footnote"><sup>{mark.clone()}</sup>" "{text.clone()}</p> }.into_any()
            }
        })
        .collect_view()
}

/// A document's title block: entity, title, period, a rule, the date.
#[component]
pub fn TitleBlockView(#[prop(into)] title: Signal<TitleBlock>) -> impl IntoView {
    view! {
        <header class="title-block">
            <p class="doc-entity">{move || title.with(|t| t.entity_name.clone())}</p>
            <h1 class="doc-title">{move || title.with(|t| t.title.clone())}</h1>
            <p class="doc-period">{move || title.with(|t| t.period_line.clone())}</p>
            <hr/>
            <p class="doc-date">{move || title.with(|t| t.date.clone())}</p>
        </header>
    }
}

/// What the user can do to a section; each applies the domain's rule of edits.
#[derive(Clone, Copy)]
pub struct SectionEdits {
    /// The text the editor opens with (the user's, else the draft's); `None` when there is no section.
    pub editor_text: Callback<(), Option<String>>,
    pub save: Callback<String>,
    /// "Volver al borrador", "Usar el nuevo borrador".
    pub discard: Callback<()>,
    /// "Conservar mi texto".
    pub keep: Callback<()>,
}

/// A section's text as it prints, its tools (edited or stale, and the editor), and beside a stale
/// edit the new draft; `label` names the section to screen readers ("sección 3").
#[component]
pub fn EditableText(
    blocks: Memo<Vec<Block>>,
    state: Memo<Option<SectionState>>,
    table: Callback<TableId, AnyView>,
    edits: SectionEdits,
    #[prop(into)] label: String,
) -> impl IntoView {
    let editing: RwSignal<Option<String>> = RwSignal::new(None);
    let save = move |_| {
        if let Some(text) = editing.get_untracked() {
            edits.save.run(text);
        }
        editing.set(None);
    };
    let body = move || {
        let text = view! { <div class="section-text">{move || blocks.with(|b| blocks_view(b, table, false))}</div> };
        match state.get() {
            Some(SectionState::Stale { new_draft }) => view! {
                <div class="stale-compare">
                    {text}
                    <aside class="new-draft no-print" aria-label="Nuevo borrador">
                        <p class="new-draft-title">"Nuevo borrador calculado con los datos actuales"</p>
                        {blocks_view(&blocks_from_text(&new_draft), table, true)}
                    </aside>
                </div>
            }
            .into_any(),
            _ => text.into_any(),
        }
    };
    view! {
        <div class="section-tools no-print">
            {move || match state.get() {
                Some(SectionState::Edited) => view! {
                    <span class="badge edited">"Texto editado"</span>
                    <button class="discard-edit" on:click=move |_| edits.discard.run(())>"Volver al borrador"</button>
                }.into_any(),
                Some(SectionState::Stale { .. }) => view! {
                    <div class="notice stale-notice" role="alert">
                        <p><strong>"Sección editada: el texto ya no coincide con los datos."</strong>
                            " Los datos cambiaron después de su edición. Compare su texto con el nuevo borrador."</p>
                        <button class="keep-mine" on:click=move |_| edits.keep.run(())>"Conservar mi texto"</button>
                        <button class="take-draft" on:click=move |_| edits.discard.run(())>"Usar el nuevo borrador"</button>
                    </div>
                }.into_any(),
                _ => ().into_any(),
            }}
            <Show when=move || editing.with(Option::is_none)>
                <button class="edit-section" on:click=move |_| editing.set(edits.editor_text.run(()))>"Editar esta sección"</button>
            </Show>
        </div>
        {move || match editing.get() {
            Some(text) => view! {
                <div class="section-editor-wrap no-print">
                    <p class="note">"Párrafos separados por una línea en blanco; viñetas con «- », subviñetas con «  - », listas con «1. »; negrita entre dos asteriscos dobles: «**texto en negrita**»; los cuadros se indican entre corchetes, como [Cuadro 1]."</p>
                    <textarea class="section-editor" aria-label=format!("Texto de la {label}")
                        rows=text.lines().count().clamp(8, 30) prop:value=text.clone()
                        on:input=move |ev| editing.set(Some(event_target_value(&ev)))></textarea>
                    <button class="save-section" on:click=save>"Guardar"</button>
                    <button class="cancel-edit" on:click=move |_| editing.set(None)>"Cancelar"</button>
                </div>
            }.into_any(),
            None => body().into_any(),
        }}
    }
}
