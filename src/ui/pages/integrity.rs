//! The ICP of the Modelo de Integridad: stage scores, their sum, place and entities evaluated.

use leptos::prelude::*;

use crate::domain::format::average;
use crate::ui::state::use_state;

/// The ICP block of the selected year.
#[component]
pub fn IcpBlock() -> impl IntoView {
    let ws = use_state().workspace;
    let integrity = Memo::new(move |_| ws.with(|w| w.year().and_then(|y| y.integrity.clone())));
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
                                    <td>{if result.is_apto(i + 1) { "Sí" } else { "No" }}</td>
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

/// The Integridad page.
#[component]
pub fn IntegrityPage() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Modelo de Integridad"</h1>
            <IcpBlock/>
        </section>
    }
}
