//! The ficha's tables as real `<table>` elements; rows come computed from the domain.

use leptos::prelude::*;

use crate::domain::ficha::{ActivityFigures, Cuadro1, Cuadro1Row, Tabla3};
use crate::domain::language::{average, money, percent, quantity};
use crate::domain::ficha::labels::{
    self, CUADRO1_CAPTION, CUADRO1_COLUMNS, CUADRO2_COLUMNS, CUADRO2_GOAL_COLUMNS, SOURCE, TABLA3_COLUMNS, TABLA3_GROUPS,
    TABLA3_GROUP_COLUMNS,
};
use crate::domain::plan::Period;

/// "Fuente:" and "Elaboración:" under a table.
#[component]
fn SourceLines(office: Signal<String>) -> impl IntoView {
    view! {
        <p class="source">{SOURCE}</p>
        <p class="source">{move || office.with(|o| labels::prepared_by(o))}</p>
    }
}

fn cuadro1_row(row: &Cuadro1Row, class: &'static str) -> impl IntoView {
    view! {
        <tr class=class>
            <td>{row.code.clone()}</td>
            <td>{row.name.clone()}</td>
            <td class="num">{row.activity_count}</td>
            <td class="num">{row.fully_executed_count}</td>
            <td class="num">{money(row.financial_execution)}</td>
            <td class="num">{average(row.average_adjusted_physical_execution)}</td>
        </tr>
    }
}

/// Cuadro 1 with its footnotes 1/–4/.
#[component]
pub fn Cuadro1Table(table: Cuadro1, period: Period, #[prop(into)] office: Signal<String>) -> impl IntoView {
    let footnotes = labels::cuadro1_footnotes(period);
    view! {
        <figure class="ficha-table">
            <table id="cuadro1">
                <caption>{CUADRO1_CAPTION}</caption>
                <thead>
                    <tr>{CUADRO1_COLUMNS.iter().map(|(title, _)| view! { <th scope="col">{*title}</th> }).collect_view()}</tr>
                    <tr class="marks">{CUADRO1_COLUMNS.iter().map(|(_, mark)| view! { <th scope="col">{*mark}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {cuadro1_row(&table.aei, "aei-row")}
                    {table.cost_centers.iter().map(|row| cuadro1_row(row, "cc-row")).collect_view()}
                </tbody>
            </table>
            <div class="footnotes">{footnotes.into_iter().map(|f| view! { <p class="footnote">{f}</p> }).collect_view()}</div>
            <SourceLines office=office/>
        </figure>
    }
}

/// Cuadro 2: the AEI's AO with their physical progress. Rows are keyed by their content, so an
/// edit rebuilds only the row it changed, even among a thousand.
#[component]
pub fn Cuadro2Table(
    #[prop(into)] rows: Signal<Vec<ActivityFigures>>,
    #[prop(into)] caption: Signal<String>,
    #[prop(into)] goals_title: Signal<String>,
    #[prop(into)] office: Signal<String>,
) -> impl IntoView {
    view! {
        <figure class="ficha-table">
            <table id="cuadro2">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        {CUADRO2_COLUMNS.map(|title| view! { <th scope="col" rowspan="2">{title}</th> })}
                        <th scope="colgroup" colspan="3">{goals_title}</th>
                    </tr>
                    <tr>{CUADRO2_GOAL_COLUMNS.map(|title| view! { <th scope="col">{title}</th> })}</tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|ao| ao.clone() let(ao)>
                        <tr>
                            <td>{ao.aei_code.clone()}</td>
                            <td>{format!("{}: {}", ao.code, ao.name)}</td>
                            <td>{ao.unit.clone()}</td>
                            <td class="num">{quantity(ao.physical_programmed)}</td>
                            <td class="num">{quantity(ao.physical_executed)}</td>
                            <td class="num">{percent(ao.physical_execution())}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
            <SourceLines office=office/>
        </figure>
    }
}

/// Tabla 3: physical and financial progress; the Total covers the whole POI version. Rows are
/// keyed by their content, as in Cuadro 2.
#[component]
pub fn Tabla3Table(
    #[prop(into)] table: Signal<Tabla3>,
    #[prop(into)] caption: Signal<String>,
    #[prop(into)] office: Signal<String>,
) -> impl IntoView {
    view! {
        <figure class="ficha-table">
            <table id="tabla3">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        {TABLA3_COLUMNS.map(|title| view! { <th scope="col" rowspan="2">{title}</th> })}
                        {TABLA3_GROUPS.map(|title| view! { <th scope="colgroup" colspan="3">{title}</th> })}
                    </tr>
                    <tr>
                        {TABLA3_GROUPS.map(|_| TABLA3_GROUP_COLUMNS.map(|title| view! { <th scope="col">{title}</th> }))}
                    </tr>
                </thead>
                <tbody>
                    <For each=move || table.with(|t| t.rows.clone()) key=|ao| ao.clone() let(ao)>
                        <tr>
                            <td>{ao.name.clone()}</td>
                            <td>{ao.unit.clone()}</td>
                            <td class="num">{quantity(ao.physical_programmed)}</td>
                            <td class="num">{quantity(ao.physical_executed)}</td>
                            <td class="num">{percent(ao.physical_execution())}</td>
                            <td class="num">{money(ao.financial_programmed)}</td>
                            <td class="num">{money(ao.financial_executed)}</td>
                            <td class="num">{percent(ao.financial_progress())}</td>
                        </tr>
                    </For>
                </tbody>
                <tfoot>
                    <tr class="total-row">
                        <th scope="row" colspan="5">"Total"</th>
                        <td class="num">{move || table.with(|t| money(t.total_financial_programmed))}</td>
                        <td class="num">{move || table.with(|t| money(t.total_financial_executed))}</td>
                        <td class="num">{move || table.with(|t| percent(t.total_financial_progress()))}</td>
                    </tr>
                </tfoot>
            </table>
            <SourceLines office=office/>
        </figure>
    }
}
