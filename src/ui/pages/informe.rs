//! The Informe de evaluación of the selected year, version and period: its parts drafted and
//! editable, every AEI's ficha annexed, print, Word, the fichas in one .zip, and the loop of its
//! recommendations back to the register.

use leptos::prelude::*;

use crate::domain::document::{
    default_informe_name, draft_informe, register_for_follow_up, Block, FichaDraft, InformeDraft, SectionState,
};
use crate::domain::ficha::{TableId, CHARTS_SECTION};
use crate::io::office::{fichas_zip, fichas_zip_name, informe_docx, informe_file_name, DOCX_MIME, ZIP_MIME};
use crate::ui::browser::download_bytes;
use crate::ui::components::{blocks_view, EditableText, FichaTable, ProgressCharts, SectionEdits, SelectionControls, TitleBlockView};
use crate::ui::route::Route;
use crate::ui::state::use_state;

/// A table of the selection drawn in place: the Informe's own (`aei_code` "") or one AEI's.
fn table_view(aei_code: String) -> Callback<TableId, AnyView> {
    let state = use_state();
    Callback::new(move |id: TableId| {
        let code = aei_code.clone();
        let table = Memo::new(move |_| state.workspace.with(|w| w.table(state.selection.get(), &code, id)));
        view! { <FichaTable table=table/> }.into_any()
    })
}

/// One part of the Informe: its heading, and its text with the editor unless it is a heading alone.
#[component]
fn PartView(key: String, draft: Memo<InformeDraft>, printed: Memo<InformeDraft>) -> impl IntoView {
    let state = use_state();
    let ws = state.workspace;
    let key = StoredValue::new(key);
    let part = move |f: fn(&crate::domain::document::InformePart) -> Option<String>| {
        move || printed.with(|d| key.with_value(|k| d.part(k).and_then(f)).unwrap_or_default())
    };
    let heading = part(|p| Some(p.section.heading.clone()));
    let level = printed.with_untracked(|d| key.with_value(|k| d.part(k).map_or(1, |p| p.level)));
    let editable = printed.with_untracked(|d| key.with_value(|k| d.part(k).is_some_and(|p| p.editable)));
    let aei_code = printed.with_untracked(|d| key.with_value(|k| d.part(k).map(|p| p.aei_code.clone()).unwrap_or_default()));
    let blocks: Memo<Vec<Block>> =
        Memo::new(move |_| printed.with(|d| key.with_value(|k| d.part(k).map(|p| p.section.blocks.clone()).unwrap_or_default())));
    let section_state: Memo<Option<SectionState>> = Memo::new(move |_| ws.with(|w| draft.with(|d| key.with_value(|k| d.state(&w.narrative, k)))));
    // Applies the domain's rule of edits to the part as drafted now; nothing is saved when nothing changes.
    let change = move |f: &dyn Fn(&mut crate::domain::document::NarrativeInputs, &str, &str, &crate::domain::document::Section) -> bool| {
        let Some((informe, section)) = draft.with_untracked(|d| key.with_value(|k| d.part(k).map(|p| (d.key.clone(), p.section.clone())))) else {
            return;
        };
        ws.maybe_update(|w| key.with_value(|k| f(&mut w.narrative, &informe, k, &section)));
    };
    let edits = SectionEdits {
        editor_text: Callback::new(move |()| {
            ws.with_untracked(|w| {
                draft.with_untracked(|d| key.with_value(|k| d.part(k).map(|p| w.narrative.informe_editor_text(&d.key, k, &p.section))))
            })
        }),
        save: Callback::new(move |text: String| change(&|n, i, k, s| n.save_informe_part(i, k, s, text.clone()))),
        discard: Callback::new(move |()| change(&|n, i, k, _| n.discard_informe_part(i, k))),
        keep: Callback::new(move |()| change(&|n, i, k, s| n.keep_informe_part(i, k, s))),
    };
    let heading_view = match level {
        1 => view! { <h2>{heading}</h2> }.into_any(),
        2 => view! { <h3>{heading}</h3> }.into_any(),
        _ => view! { <h4>{heading}</h4> }.into_any(),
    };
    let label = key.with_value(|k| format!("parte {k} del informe"));
    view! {
        <section class="doc-section informe-part" data-part=key.get_value() data-level=level>
            {heading_view}
            {editable.then(|| view! { <EditableText blocks=blocks state=section_state table=table_view(aei_code) edits=edits label=label/> })}
            {key.with_value(|k| k == "3").then(|| view! { <RegisterForFollowUp/> })}
        </section>
    }
}

/// "Registrar para el seguimiento": section 3's recommendations into the register, once.
#[component]
fn RegisterForFollowUp() -> impl IntoView {
    let state = use_state();
    let message = RwSignal::new(None::<String>);
    let register = move |_| {
        let selection = state.selection.get_untracked();
        let mut outcome = None;
        state.workspace.maybe_update(|w| {
            let result = register_for_follow_up(w, selection);
            let changed = result.as_ref().is_ok_and(|r| !r.added.is_empty());
            outcome = Some(result.map(|r| r.message()).unwrap_or_else(|e| format!("No se pudo registrar: {e}")));
            changed
        });
        message.set(outcome);
    };
    view! {
        <div class="register-follow-up no-print">
            <button id="register-follow-up" on:click=register>"Registrar para el seguimiento"</button>
            <span class="note">" Las recomendaciones de esta sección pasan a Recomendaciones → Evaluaciones previas, citando este informe, y las fichas del siguiente periodo las siguen en su sección 5."</span>
            <p class="form-done" role="status" id="register-done">{move || message.get()}</p>
        </div>
    }
}

/// One annexed ficha as the document page prints it, from a new page.
fn annexed_ficha(ficha: &FichaDraft) -> impl IntoView {
    let state = use_state();
    let code = ficha.aei_code.clone();
    let table = table_view(code.clone());
    let sections = ficha
        .sections
        .iter()
        .map(|section| {
            let chart = (section.number == CHARTS_SECTION).then(|| {
                let code = code.clone();
                let chart = state.workspace.with_untracked(|w| w.progress_chart(state.selection.get_untracked(), &code));
                let office = state.workspace.with_untracked(|w| w.entity.office.clone());
                chart.map(|chart| view! { <ProgressCharts chart=chart office=office/> })
            });
            view! {
                <section class="doc-section" data-section=section.number>
                    <h2>{section.heading.clone()}</h2>
                    <div class="section-text">{blocks_view(&section.blocks, table, false)}</div>
                    {chart}
                </section>
            }
        })
        .collect_view();
    let edit_href = Route::Document(code.clone()).href();
    let title = ficha.title.clone();
    view! {
        <article class="ficha-document annexed-ficha" data-aei=code>
            <TitleBlockView title=Signal::derive(move || title.clone())/>
            <p class="no-print"><a href=edit_href>"Editar esta ficha"</a></p>
            {sections}
        </article>
    }
}

/// Offers a file built from the workspace as it is now.
fn download(name: String, mime: &str, bytes: Vec<u8>) {
    if let Err(message) = download_bytes(&name, mime, &bytes) {
        use_state().save_error.set(Some(message));
    }
}

/// The Informe page.
#[component]
pub fn InformePage() -> impl IntoView {
    let state = use_state();
    let ws = state.workspace;
    let selection = state.selection;
    let draft = Memo::new(move |_| {
        let s = selection.get();
        ws.with(|w| draft_informe(w, s))
    });
    let printed = Memo::new(move |_| ws.with(|w| draft.with(|d| d.with_edits(&w.narrative))));
    let keys = Memo::new(move |_| draft.with(|d| d.parts.iter().map(|p| p.key.clone()).collect::<Vec<_>>()));
    let title = Memo::new(move |_| printed.with(|d| d.title.clone()));
    let year = Memo::new(move |_| selection.get().year);
    let name = move || ws.with(|w| w.year(year.get()).map(|y| y.informe_name.clone()).unwrap_or_default());
    let set_name = move |ev| {
        let value = event_target_value(&ev).trim().to_string();
        let y = year.get_untracked();
        ws.maybe_update(|w| match w.year_mut(y) {
            Some(plan) if plan.informe_name != value => {
                plan.informe_name = value;
                true
            }
            _ => false,
        });
    };
    let print = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    let docx = move |_| {
        let s = selection.get_untracked();
        download(informe_file_name(s), DOCX_MIME, ws.with_untracked(|w| informe_docx(w, s)));
    };
    let zip = move |_| {
        let s = selection.get_untracked();
        download(fichas_zip_name(s), ZIP_MIME, ws.with_untracked(|w| fichas_zip(w, s)));
    };
    view! {
        <section class="page document-page informe-page">
            <div class="doc-toolbar no-print">
                <button id="print-informe" on:click=print>"Imprimir / Guardar PDF"</button>
                <button id="download-informe-docx" on:click=docx>"Descargar Word (.docx)"</button>
                <button id="download-fichas-zip" on:click=zip>"Cada ficha en su .docx (.zip)"</button>
                <SelectionControls/>
                <label>"Nombre del documento"
                    <input id="informe-name" type="text" prop:value=name placeholder=move || default_informe_name(year.get()) on:change=set_name/>
                </label>
            </div>
            <article class="ficha-document informe-document" id="informe-document">
                <TitleBlockView title=title/>
                <For each=move || keys.get() key=|k| k.clone() let(key)>
                    <PartView key=key draft=draft printed=printed/>
                </For>
                {move || printed.with(|d| d.annexes.iter().map(annexed_ficha).collect_view())}
            </article>
        </section>
    }
}
