//! One AEI: Cuadro 1, Cuadro 2, Tabla 3, the ICP block and the monthly grid of its AO (laid out
//! after the tables are on screen).

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::ficha::TableId;
use crate::ui::components::{ActivityGrid, AeiSheet, FichaTable, IcpBlock, SelectionControls};
use crate::ui::browser::next_paint;
use crate::ui::route::Route;
use crate::ui::state::use_state;

/// How many AO monthly grids one page shows.
const GRIDS_PER_PAGE: usize = 20;

/// The page of the AEI with the given code.
#[component]
pub fn AeiPage(code: String) -> impl IntoView {
    let state = use_state();
    let (ws, selection) = (state.workspace, state.selection);
    let aei_code = StoredValue::new(code);
    let title = move || {
        let year = selection.get().year;
        ws.with(|w| {
            aei_code.with_value(|code| {
                w.year(year).and_then(|y| y.aei(code)).map(|a| format!("{}: {}", a.code, a.name))
            })
        })
    };
    let table = move |id: TableId| {
        Memo::new(move |_| {
            let s = selection.get();
            ws.with(|w| aei_code.with_value(|c| w.table(s, c, id)))
        })
    };
    // An AEI may hold hundreds of AO: their monthly grids are shown a page at a time.
    let grid_page = RwSignal::new(0usize);
    // The AO edited one table each (paged), or all in one sheet.
    let sheet_view = RwSignal::new(false);
    // The tables come first: the grids (a thousand inputs a page) are laid out once the tables
    // have been painted, so the page shows its figures in its first frame.
    let editors_shown = RwSignal::new(false);
    spawn_local(async move {
        next_paint().await;
        editors_shown.try_set(true);
    });
    let activity_codes = Memo::new(move |_| {
        let s = selection.get();
        ws.with(|w| aei_code.with_value(|c| w.item_codes(s, c)))
    });
    view! {
        <section class="page">
            {move || match title() {
                Some(t) => view! { <h1>{t}</h1> }.into_any(),
                None => view! { <h1>"AEI no encontrada"</h1><p class="empty">"Esta AEI no existe en el año seleccionado."</p> }.into_any(),
            }}
            <p class="no-print"><a id="open-document" href=move || Route::Document(aei_code.get_value()).href()>"Ver la ficha como documento"</a></p>
            <SelectionControls/>
            <FichaTable table=table(TableId::Cuadro1)/>
            <FichaTable table=table(TableId::Cuadro2) windowed=true/>
            <FichaTable table=table(TableId::Tabla3) windowed=true/>
            <IcpBlock/>
            <h2>"Programación y ejecución mensual de las AO"</h2>
            <Show when=move || editors_shown.get()>
                <div class="view-switch no-print" role="group" aria-label="Vista de edición">
                    <button id="view-grids" aria-pressed=move || (!sheet_view.get()).to_string() on:click=move |_| sheet_view.set(false)>"Una tabla por AO"</button>
                    <button id="view-sheet" aria-pressed=move || sheet_view.get().to_string() on:click=move |_| sheet_view.set(true)>"Hoja de toda la AEI"</button>
                </div>
                <Show when=move || sheet_view.get() fallback=move || view! {
                    <Show when=move || activity_codes.with(|c| c.len() > GRIDS_PER_PAGE)>
                        <div class="grid-pager no-print">
                            <button id="grids-previous" disabled=move || grid_page.get() == 0
                                on:click=move |_| grid_page.update(|p| *p = p.saturating_sub(1))>"Anteriores"</button>
                            <span>{move || {
                                let total = activity_codes.with(Vec::len);
                                let first = grid_page.get() * GRIDS_PER_PAGE;
                                format!("AO {} a {} de {}", first + 1, (first + GRIDS_PER_PAGE).min(total), total)
                            }}</span>
                            <button id="grids-next" disabled=move || (grid_page.get() + 1) * GRIDS_PER_PAGE >= activity_codes.with(Vec::len)
                                on:click=move |_| grid_page.update(|p| *p += 1)>"Siguientes"</button>
                        </div>
                    </Show>
                    <For each=move || {
                        let first = grid_page.get() * GRIDS_PER_PAGE;
                        activity_codes.with(|c| c.iter().skip(first).take(GRIDS_PER_PAGE).cloned().collect::<Vec<_>>())
                    } key=|code| code.clone() let(code)>
                        <ActivityGrid code=code/>
                    </For>
                }>
                    <AeiSheet codes=activity_codes/>
                </Show>
            </Show>
        </section>
    }
}
