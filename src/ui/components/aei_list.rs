//! The AEI of the selected year with their Cuadro 1 figures, linked to their pages.

use leptos::prelude::*;

use crate::domain::language::average;
use crate::ui::route::Route;
use crate::ui::state::use_state;

/// One line per AEI with its Cuadro 1 figures.
#[component]
pub fn AeiOverview() -> impl IntoView {
    let state = use_state();
    let (ws, selection) = (state.workspace, state.selection);
    let rows = Memo::new(move |_| {
        let selection = selection.get();
        ws.with(|w| {
            w.year(selection.year)
                .map(|y| y.aeis.iter().map(|a| (a.code.clone(), a.name.clone(), w.cuadro1(selection, &a.code))).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    view! {
        <table id="aei-list" class="list">
            <caption>"AEI del año y su ejecución"</caption>
            <thead><tr>
                <th scope="col">"CÓDIGO"</th><th scope="col">"DENOMINACIÓN"</th>
                <th scope="col">"NÚMERO DE AO"</th><th scope="col">"PROMEDIO DE EJECUCIÓN FÍSICA AJUSTADO"</th>
            </tr></thead>
            <tbody>
                {move || rows.get().into_iter().map(|(code, name, table)| {
                    let href = Route::Aei(code.clone()).href();
                    view! {
                        <tr>
                            <td><a href=href>{code}</a></td>
                            <td>{name}</td>
                            <td class="num">{table.as_ref().map_or(0, |t| t.aei.activity_count)}</td>
                            <td class="num">{average(table.and_then(|t| t.aei.average_adjusted_physical_execution))}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <Show when=move || rows.with(|r| r.is_empty())>
            <p class="empty">"Aún no hay AEI en este año. Importe una hoja de AO o agréguelas en la página AEI."</p>
        </Show>
    }
}
