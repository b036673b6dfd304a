//! The monthly grid of one AO: 12 months × the four series, live totals, keyboard moves and paste from Excel.

use std::collections::BTreeMap;

use leptos::ev::{ClipboardEvent, KeyboardEvent};
use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::domain::editing::{is_block, parse_block, row_summary, EditError, MonthlyPatch};
use crate::domain::language::{parse_number, plain, DecimalMark};
use crate::domain::plan::{AnnualFinancial, Month, Series};
use crate::ui::state::use_state;

/// A grid cell: its row (series) and column (month).
type Cell = (Series, Month);

/// What a grid shows of its AO or inversión: the caption and the four series, in `Series::ALL` order.
#[derive(Clone, PartialEq)]
struct GridData {
    caption: String,
    series: [[Decimal; 12]; 4],
    /// Each month's explanation of the execution (an AO's imported `Motivo(SE)`), when it has any.
    notes: Option<[String; 12]>,
    /// The notice of an AO whose financial data are annual totals only.
    annual: Option<String>,
}

impl GridData {
    fn values(&self, series: Series) -> &[Decimal; 12] {
        &self.series[series.position()]
    }
}

/// The twelve values of a series, with the value being typed in one cell taken as if committed,
/// so totals follow each keystroke without touching the workspace.
fn series_values(data: &GridData, series: Series, typed: Option<(Cell, Decimal)>) -> [Decimal; 12] {
    let mut values = *data.values(series);
    if let Some(((_, month), value)) = typed.filter(|((s, _), _)| *s == series) {
        values[month.index()] = value;
    }
    values
}

/// The input of another cell of the same grid, if it exists.
fn neighbour(input: &HtmlInputElement, series: Series, month: Month, down: isize, right: isize) -> Option<HtmlInputElement> {
    let row = Series::at(series.position().checked_add_signed(down)?)?;
    let column = Month::new(u8::try_from(isize::from(month.number()) + right).ok()?)?;
    let selector = format!("input[data-series=\"{}\"][data-month=\"{}\"]", row.position(), column.number());
    input.closest("table.grid").ok()??.query_selector(&selector).ok()??.dyn_into().ok()
}

/// The neighbouring cell an arrow key asks for, as (rows down, columns right). Left and right
/// move only from the start or end of the text, so within a typed value they move the caret.
pub(crate) fn arrow_step(key: &str, input: &HtmlInputElement) -> Option<(isize, isize)> {
    let length = input.value().encode_utf16().count() as u32;
    let at_start = input.selection_start().ok().flatten() == Some(0);
    let at_end = input.selection_end().ok().flatten() == Some(length);
    match key {
        "ArrowUp" => Some((-1, 0)),
        "ArrowDown" => Some((1, 0)),
        "ArrowLeft" if at_start => Some((0, -1)),
        "ArrowRight" if at_end => Some((0, 1)),
        _ => None,
    }
}

/// A focused cell selects its text, so typing replaces the value as in a spreadsheet.
pub(crate) fn select_on_focus(ev: leptos::ev::FocusEvent) {
    event_target::<HtmlInputElement>(&ev).select();
}

/// The editable grid of the AO (or inversión, by CUI) with the given code in the evaluated version.
#[component]
pub fn ActivityGrid(code: String) -> impl IntoView {
    let state = use_state();
    let (ws, selection) = (state.workspace, state.selection);
    let code = StoredValue::new(code);
    let activity = Memo::new(move |_| {
        let s = selection.get();
        ws.with(|w| {
            code.with_value(|c| {
                let version = w.evaluated_version(s)?;
                let item = version.item(c)?;
                let notes = version.activity(c).filter(|a| !a.execution_notes.is_empty()).map(|a| a.execution_notes.0.clone());
                let annual = item.financial_annual().map(AnnualFinancial::notice);
                Some(GridData { caption: item.caption(), series: Series::ALL.map(|s| *s.values(item)), notes, annual })
            })
        })
    });
    let editable = Memo::new(move |_| {
        let s = selection.get();
        ws.with(|w| w.evaluated_version_is_editable(s))
    });
    let errors: RwSignal<BTreeMap<(usize, u8), String>> = RwSignal::new(BTreeMap::new());
    let paste_errors: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let typed: RwSignal<Option<(Cell, Decimal)>> = RwSignal::new(None);
    let title = move || activity.with(|a| a.as_ref().map(|a| a.caption.clone()).unwrap_or_default());
    let committed = move |(series, month): Cell| {
        activity.with_untracked(|a| a.as_ref().map(|a| plain(a.values(series)[month.index()])).unwrap_or_default())
    };
    // What each row shows after its months, a value being typed counted as if committed.
    let summaries = Series::ALL.map(|series| {
        Memo::new(move |_| {
            activity.with(|a| {
                a.as_ref().map(|a| {
                    let typed = typed.get();
                    row_summary(series, &series_values(a, series, typed), &series_values(a, series.programming(), typed))
                })
            })
        })
    });
    let summary = move |series: Series| summaries[series.position()];
    // The cell last typed into, which carries its row's warning.
    let last_cell: RwSignal<Option<Cell>> = RwSignal::new(None);
    let warning = move |series: Series| summary(series).with(|s| s.as_ref().and_then(|s| s.warning.clone()));
    let apply = move |patch: MonthlyPatch| -> Result<bool, EditError> {
        let mut outcome = Ok(false);
        let s = selection.get_untracked();
        ws.maybe_update(|w| {
            outcome = code.with_value(|c| w.apply_monthly_patch(s, c, &patch));
            outcome == Ok(true)
        });
        if outcome.is_ok() {
            errors.update(|e| {
                for (s, m, _) in &patch.cells {
                    e.remove(&(s.position(), m.number()));
                }
            });
        }
        outcome
    };
    let commit = move |(series, month): Cell, text: String| {
        typed.set(None);
        last_cell.set(Some((series, month)));
        let mut outcome = Ok(false);
        let s = selection.get_untracked();
        ws.maybe_update(|w| {
            outcome = code.with_value(|c| w.set_monthly_value(s, c, series, month, &text));
            outcome == Ok(true)
        });
        let key = (series.position(), month.number());
        errors.update(|e| match outcome {
            Ok(_) => {
                e.remove(&key);
            }
            Err(err) => {
                e.insert(key, err.to_string());
            }
        });
    };
    let restore = move |cell: Cell, input: &HtmlInputElement| {
        input.set_value(&committed(cell));
        // Selected again, so the arrows move between cells as before typing.
        input.select();
        typed.set(None);
        errors.update(|e| {
            e.remove(&(cell.0.position(), cell.1.number()));
        });
    };
    let on_keydown = move |cell: Cell, ev: KeyboardEvent| {
        let input: HtmlInputElement = event_target(&ev);
        let (series, month) = cell;
        let pressed = ev.key();
        let target = if let Some((down, right)) = arrow_step(&pressed, &input) {
            neighbour(&input, series, month, down, right)
        } else {
            match pressed.as_str() {
                "Enter" => {
                    ev.prevent_default();
                    commit(cell, input.value());
                    neighbour(&input, series, month, 1, 0)
                }
                "Escape" => {
                    ev.prevent_default();
                    restore(cell, &input);
                    None
                }
                // Ctrl+Z while typing drops the typing; on a committed cell it undoes the last edit.
                "z" | "Z" if (ev.ctrl_key() || ev.meta_key()) && input.value() != committed(cell) => {
                    ev.prevent_default();
                    restore(cell, &input);
                    None
                }
                _ => None,
            }
        };
        if let Some(next) = target {
            ev.prevent_default();
            let _ = next.focus();
        }
    };
    let on_paste = move |cell: Cell, ev: ClipboardEvent| {
        let Some(text) = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) else { return };
        if !is_block(&text) {
            return;
        }
        ev.prevent_default();
        let outcome = if editable.get_untracked() {
            parse_block(&text, cell.0, cell.1).and_then(|patch| apply(patch).map_err(|e| vec![e]))
        } else {
            Err(vec![EditError::ReadOnlyVersion])
        };
        typed.set(None);
        paste_errors.set(outcome.err().unwrap_or_default().iter().map(ToString::to_string).collect());
    };
    view! {
        <div class="grid-wrap">
            <table class="grid" data-ao=code.get_value()>
                <caption>{title}</caption>
                <thead><tr>
                    <th scope="col">"Serie"</th>
                    {month_columns()}
                </tr></thead>
                <tbody>
                    {Series::ALL.iter().map(|&series| view! {
                        <tr>
                            <th scope="row">{series.label()}</th>
                            {Month::all().map(|month| {
                                let cell = (series, month);
                                let key = (series.position(), month.number());
                                let value = move || activity.with(|a| a.as_ref().map(|a| plain(a.values(series)[month.index()])).unwrap_or_default());
                                let invalid = move || errors.with(|e| e.contains_key(&key));
                                let warned = move || last_cell.get() == Some(cell) && warning(series).is_some();
                                view! {
                                    <td>
                                        <input type="text" inputmode="decimal" class="cell"
                                            aria-label=format!("{} {}", series.label(), month.short_name())
                                            data-series=series.position() data-month=month.number()
                                            prop:value=value
                                            prop:readOnly=move || !editable.get()
                                            aria-invalid=move || invalid().to_string()
                                            class:warn=warned
                                            title=move || warned().then(|| warning(series)).flatten()
                                            on:focus=select_on_focus
                                            on:input=move |ev| {
                                                let parsed = parse_number(&event_target_value(&ev), series.kind(), DecimalMark::Point).ok();
                                                typed.set(parsed.map(|v| (cell, v)));
                                                last_cell.set(Some(cell));
                                            }
                                            on:blur=move |_| typed.set(None)
                                            on:change=move |ev| commit(cell, event_target_value(&ev))
                                            on:keydown=move |ev| on_keydown(cell, ev)
                                            on:paste=move |ev| on_paste(cell, ev)/>
                                    </td>
                                }
                            }).collect_view()}
                            <td class="num total">{move || summary(series).with(|s| s.as_ref().map(|s| s.total.clone()))}</td>
                            <td class="num progress" class:warn=move || warning(series).is_some()>{move || summary(series).with(|s| s.as_ref().and_then(|s| s.progress.clone()))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
                {move || activity.with(|a| a.as_ref().and_then(|a| a.notes.clone())).map(|notes| view! {
                    <tfoot>
                        <tr class="notes">
                            <th scope="row">"Motivo del seguimiento"</th>
                            {notes.into_iter().map(|note| { let shown = note.clone(); view! { <td class="note" title=note>{shown}</td> } }).collect_view()}
                            <td></td>
                            <td></td>
                        </tr>
                    </tfoot>
                })}
            </table>
            {move || activity.with(|a| a.as_ref().and_then(|a| a.annual.clone())).map(|notice| view! {
                <p class="notice info annual-only">{notice}</p>
            })}
            <GridMessages editable=editable errors=errors/>
            <ul class="warnings" role="status">
                {move || Series::ALL.iter().filter_map(|&s| warning(s)).map(|message| view! { <li>{message}</li> }).collect_view()}
            </ul>
            <PasteReport paste_errors=paste_errors/>
        </div>
    }
}

/// The month columns and the totals' titles of a grid's header row (the AO grid and the sheet).
pub(crate) fn month_columns() -> impl IntoView {
    view! {
        {Month::all().map(|m| view! { <th scope="col">{m.short_name()}</th> }).collect_view()}
        <th scope="col">"Total anual"</th>
        <th scope="col">"% avance"</th>
    }
}

/// Under a grid: the read-only note of an approved version and each refused value with its reason.
#[component]
pub(crate) fn GridMessages(editable: Memo<bool>, errors: RwSignal<BTreeMap<(usize, u8), String>>) -> impl IntoView {
    view! {
        <Show when=move || !editable.get()>
            <p class="note">"Versión aprobada: solo lectura. Para modificar valores, evalúe la última versión del POI."</p>
        </Show>
        <ul class="errors" role="alert">
            {move || errors.get().into_values().map(|message| view! { <li>{message}</li> }).collect_view()}
        </ul>
    }
}

/// The report of a refused paste: nothing was pasted, and why, cell by cell.
#[component]
pub(crate) fn PasteReport(paste_errors: RwSignal<Vec<String>>) -> impl IntoView {
    view! {
        <Show when=move || paste_errors.with(|e| !e.is_empty())>
            <div class="paste-errors" role="alert">
                <p>"No se pegó nada. Corrija estas celdas en la hoja de cálculo y vuelva a copiar y pegar:"</p>
                <ul>{move || paste_errors.get().into_iter().map(|message| view! { <li>{message}</li> }).collect_view()}</ul>
                <button on:click=move |_| paste_errors.set(Vec::new())>"Cerrar"</button>
            </div>
        </Show>
    }
}
