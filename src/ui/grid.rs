//! The monthly grid of one AO: 12 months × the four series, with annual totals and cell messages.

use std::collections::BTreeMap;

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::domain::edit::{monthly_value, Series};
use crate::domain::format::{money, quantity};
use crate::domain::numbers::NumberKind;
use crate::domain::period::Month;
use crate::ui::state::use_state;

fn cell_text(value: Decimal) -> String {
    value.normalize().to_string()
}

fn total_text(series: Series, total: Decimal) -> String {
    match series.kind() {
        NumberKind::Money => money(total),
        NumberKind::Quantity => quantity(total),
    }
}

/// The editable grid of the AO with the given code in the evaluated version.
#[component]
pub fn ActivityGrid(code: String) -> impl IntoView {
    let state = use_state();
    let ws = state.workspace;
    let code = StoredValue::new(code);
    let activity = Memo::new(move |_| ws.with(|w| code.with_value(|c| w.evaluated_version().and_then(|v| v.activity(c)).cloned())));
    let editable = Memo::new(move |_| ws.with(|w| w.evaluated_version_is_editable()));
    let errors: RwSignal<BTreeMap<(usize, u8), String>> = RwSignal::new(BTreeMap::new());
    let title = move || activity.with(|a| a.as_ref().map(|a| format!("{}: {} ({})", a.code, a.name, a.unit)).unwrap_or_default());
    view! {
        <div class="grid-wrap">
            <table class="grid" data-ao=code.get_value()>
                <caption>{title}</caption>
                <thead><tr>
                    <th scope="col">"Serie"</th>
                    {Month::all().map(|m| view! { <th scope="col">{m.short_name()}</th> }).collect_view()}
                    <th scope="col">"Total anual"</th>
                </tr></thead>
                <tbody>
                    {Series::ALL.iter().enumerate().map(|(row, &series)| view! {
                        <tr>
                            <th scope="row">{series.label()}</th>
                            {Month::all().map(|month| {
                                let value = move || activity.with(|a| a.as_ref().map(|a| cell_text(monthly_value(a, series, month))).unwrap_or_default());
                                let invalid = move || errors.with(|e| e.contains_key(&(row, month.number())));
                                view! {
                                    <td>
                                        <input type="text" inputmode="decimal" class="cell"
                                            aria-label=format!("{} {}", series.label(), month.short_name())
                                            data-series=row data-month=month.number()
                                            prop:value=value
                                            prop:readOnly=move || !editable.get()
                                            aria-invalid=move || invalid().to_string()
                                            on:change=move |ev| {
                                                let text = event_target_value(&ev);
                                                let mut outcome = Ok(());
                                                ws.maybe_update(|w| {
                                                    outcome = code.with_value(|c| w.set_monthly_value(c, series, month, &text));
                                                    outcome.is_ok()
                                                });
                                                errors.update(|e| match outcome {
                                                    Ok(()) => { e.remove(&(row, month.number())); }
                                                    Err(err) => { e.insert((row, month.number()), err.to_string()); }
                                                });
                                            }/>
                                    </td>
                                }
                            }).collect_view()}
                            <td class="num total">{move || activity.with(|a| a.as_ref().map(|a| {
                                total_text(series, Month::all().map(|m| monthly_value(a, series, m)).sum())
                            }).unwrap_or_default())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <Show when=move || !editable.get()>
                <p class="note">"Versión aprobada: solo lectura. Para modificar valores, evalúe la última versión del POI."</p>
            </Show>
            <ul class="errors" role="alert">
                {move || errors.get().into_values().map(|message| view! { <li>{message}</li> }).collect_view()}
            </ul>
        </div>
    }
}
