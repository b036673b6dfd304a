//! The ICP block of the selected year: its stages, scores, "Apto" and the ICP, as the AEI page shows it.

use leptos::prelude::*;

use crate::domain::language::average;
use crate::ui::state::use_state;

/// The ICP block of the selected year.
#[component]
pub fn IcpBlock() -> impl IntoView {
    let state = use_state();
    let ws = state.workspace;
    let integrity = Memo::new(move |_| {
        let year = state.selection.get().year;
        ws.with(|w| w.year(year).and_then(|y| y.integrity.clone()))
    });
    move || {
        integrity.get().map(|result| {
            let icp = average(Some(result.icp()));
            let place = result.sector_place.map(|p| format!("Puesto {p} en el sector")).unwrap_or_default();
            let evaluated = result.entities_evaluated.map(|n| format!("{n} entidades evaluadas")).unwrap_or_default();
            view! {
                <section class="icp">
                    <table id="icp">
                        <caption>"Índice de Capacidad Preventiva frente a la Corrupción (ICP)"</caption>
                        <thead><tr><th scope="col">"ETAPA"</th><th scope="col">"PUNTAJE"</th><th scope="col">"APTO"</th></tr></thead>
                        <tbody>
                            {result.stages.iter().enumerate().filter(|(_, s)| s.score.is_some()).map(|(i, stage)| view! {
                                <tr>
                                    <td>{format!("Etapa {}: {}", i + 1, stage.name)}</td>
                                    <td class="num">{average(stage.score)}</td>
                                    <td>{result.apto_label(i + 1)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                        <tfoot><tr><th scope="row">"ICP"</th><td class="num" id="icp-total">{icp}</td><td></td></tr></tfoot>
                    </table>
                    <p>{place}" · "{evaluated}</p>
                </section>
            }
        })
    }
}
