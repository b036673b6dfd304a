//! The AEI of the selected year with their Cuadro 1 figures, linked to their pages.

use leptos::prelude::*;

use crate::domain::language::average;
use crate::domain::summary::{aei_overview, AEI_LIST_CAPTION, AEI_LIST_COLUMNS, NO_AEI};
use crate::ui::route::Route;
use crate::ui::state::use_state;

/// One line per AEI with its Cuadro 1 figures.
#[component]
pub fn AeiOverview() -> impl IntoView {
    let state = use_state();
    let (ws, selection) = (state.workspace, state.selection);
    let rows = Memo::new(move |_| {
        let selection = selection.get();
        ws.with(|w| aei_overview(w, selection))
    });
    view! {
        <table id="aei-list" class="list">
            <caption>{AEI_LIST_CAPTION}</caption>
            <thead><tr>{AEI_LIST_COLUMNS.iter().map(|title| view! { <th scope="col">{*title}</th> }).collect_view()}</tr></thead>
            <tbody>
                {move || rows.get().into_iter().map(|line| {
                    let href = Route::Aei(line.code.clone()).href();
                    view! {
                        <tr>
                            <td><a href=href>{line.code}</a></td>
                            <td>{line.name}</td>
                            <td class="num">{line.activity_count}</td>
                            <td class="num">{average(line.average_adjusted_physical_execution)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <Show when=move || rows.with(|r| r.is_empty())>
            <p class="empty">{NO_AEI}</p>
        </Show>
    }
}
