//! The AEI sheet: all AO of an AEI in one grid (four rows per AO), rendering only the rows in view.

use std::collections::BTreeMap;

use leptos::ev::{ClipboardEvent, KeyboardEvent};
use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use super::grid::{arrow_step, month_columns, select_on_focus, GridMessages, PasteReport};
use super::window::ScrollWindow;
use crate::domain::editing::sheet::{self, at_row};
use crate::domain::editing::{is_block, parse_sheet_block, row_summary, EditError};
use crate::domain::language::{parse_number, plain, DecimalMark};
use crate::domain::plan::{Month, Series};
use crate::domain::{Selection, Workspace};
use crate::ui::state::use_state;

/// Height of a sheet row in pixels; `style/grid.css` gives rows the same height.
const ROW_HEIGHT: i32 = 30;

/// A value being typed (sheet row, month, value), counted in the totals before it is committed.
type Typed = Option<(usize, Month, Decimal)>;

/// What a row shows of its AO: "code: name", the series' twelve months and its programming's.
type RowData = Option<(String, [Decimal; 12], [Decimal; 12])>;

/// What every row of the sheet shares.
#[derive(Clone, Copy)]
struct Sheet {
    workspace: RwSignal<Workspace>,
    selection: Memo<Selection>,
    codes: Signal<Vec<String>>,
    editable: Memo<bool>,
    typed: RwSignal<Typed>,
    errors: RwSignal<BTreeMap<(usize, u8), String>>,
    paste_errors: RwSignal<Vec<String>>,
}

impl Sheet {
    /// Commits a typed value; a refused one stays listed with its AO, series and month.
    fn commit(self, row: usize, month: Month, text: String) {
        self.typed.set(None);
        let (activity, series) = at_row(row);
        let Some(code) = self.codes.with_untracked(|c| c.get(activity).cloned()) else { return };
        let mut outcome = Ok(false);
        let selection = self.selection.get_untracked();
        self.workspace.maybe_update(|w| {
            outcome = w.set_monthly_value(selection, &code, series, month, &text);
            outcome == Ok(true)
        });
        self.errors.update(|e| match outcome {
            Ok(_) => {
                e.remove(&(row, month.number()));
            }
            Err(err) => {
                e.insert((row, month.number()), format!("AO {code}, {err}"));
            }
        });
    }

    /// Pastes a block copied from a spreadsheet at a cell: every cell valid, or nothing changes.
    fn paste(self, row: usize, month: Month, text: &str) {
        let outcome = if self.editable.get_untracked() {
            self.codes
                .with_untracked(|codes| parse_sheet_block(text, codes, row, month))
                .and_then(|patches| {
                    let mut result = Ok(false);
                    let selection = self.selection.get_untracked();
                    self.workspace.maybe_update(|w| {
                        result = w.apply_sheet_patches(selection, &patches);
                        result == Ok(true)
                    });
                    result.map_err(|e| vec![e])
                })
                .map_err(|errors| errors.iter().map(ToString::to_string).collect())
        } else {
            Err(vec![EditError::ReadOnlyVersion.to_string()])
        };
        self.typed.set(None);
        self.paste_errors.set(outcome.err().unwrap_or_default());
    }
}

/// The input at another sheet row and month, if it is rendered.
fn neighbour(input: &HtmlInputElement, row: usize, month: Month, down: isize, right: isize) -> Option<HtmlInputElement> {
    let row = row.checked_add_signed(down)?;
    let column = Month::new(u8::try_from(isize::from(month.number()) + right).ok()?)?;
    let selector = format!("input[data-row=\"{row}\"][data-month=\"{}\"]", column.number());
    input.closest("table.sheet").ok()??.query_selector(&selector).ok()??.dyn_into().ok()
}

/// One row of the sheet: one series of one AO.
#[component]
fn SheetRow(row: usize, sheet: Sheet) -> impl IntoView {
    let ws = sheet.workspace;
    let (activity, series) = at_row(row);
    // The AO's name (on its first row), the series' months and its programming's months.
    let data: Memo<RowData> = Memo::new(move |_| {
        sheet.codes.with(|codes| {
            let code = codes.get(activity)?;
            let selection = sheet.selection.get();
            ws.with(|w| {
                let item = w.evaluated_version(selection)?.item(code)?;
                Some((item.caption(), *series.values(item), *series.programming().values(item)))
            })
        })
    });
    // A typed value counts in this row's total, or in its programming's.
    let with_typed = move |values: &[Decimal; 12], of_row: usize| {
        let mut values = *values;
        if let Some((typed_row, month, value)) = sheet.typed.get() {
            if typed_row == of_row {
                values[month.index()] = value;
            }
        }
        values
    };
    let programming_row = row - series.position() + series.programming().position();
    let summary = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref().map(|(_, values, programming)| row_summary(series, &with_typed(values, row), &with_typed(programming, programming_row)))
        })
    });
    let warning = move || summary.with(|s| s.as_ref().and_then(|s| s.warning.clone()));
    let name = move || (series == Series::PhysicalProgrammed).then(|| data.with(|d| d.as_ref().map(|(n, _, _)| n.clone())));
    view! {
        <tr data-row=row aria-rowindex={row + 2} class:first-series=series == Series::PhysicalProgrammed>
            <th scope="row" class="ao-name" title=move || name().flatten()>{move || name().flatten()}</th>
            <th scope="row" class="series">{series.label()}</th>
            {Month::all().map(|month| {
                let key = (row, month.number());
                let restore = move |input: &HtmlInputElement, committed: &str| {
                    input.set_value(committed);
                    input.select();
                    sheet.typed.set(None);
                    sheet.errors.update(|e| {
                        e.remove(&key);
                    });
                };
                let on_keydown = move |ev: KeyboardEvent| {
                    let input: HtmlInputElement = event_target(&ev);
                    let committed = data.with_untracked(|d| d.as_ref().map(|(_, v, _)| plain(v[month.index()])).unwrap_or_default());
                    let pressed = ev.key();
                    let target = if let Some((down, right)) = arrow_step(&pressed, &input) {
                        neighbour(&input, row, month, down, right)
                    } else {
                        match pressed.as_str() {
                        "Enter" => {
                            sheet.commit(row, month, input.value());
                            neighbour(&input, row, month, 1, 0)
                        }
                        // Escape, or Ctrl+Z while typing, drops the typing; Ctrl+Z on a committed
                        // cell is left to the workspace's undo.
                        "Escape" => {
                            ev.prevent_default();
                            restore(&input, &committed);
                            None
                        }
                        "z" | "Z" if (ev.ctrl_key() || ev.meta_key()) && input.value() != committed => {
                            ev.prevent_default();
                            restore(&input, &committed);
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
                view! {
                    <td>
                        <input type="text" inputmode="decimal" class="cell"
                            aria-label=move || format!("{}, {} {}", name_of(data, activity), series.label(), month.short_name())
                            data-row=row data-month=month.number()
                            prop:value=move || data.with(|d| d.as_ref().map(|(_, v, _)| plain(v[month.index()])).unwrap_or_default())
                            prop:readOnly=move || !sheet.editable.get()
                            aria-invalid=move || sheet.errors.with(|e| e.contains_key(&key)).to_string()
                            on:focus=select_on_focus
                            on:input=move |ev| {
                                let parsed = parse_number(&event_target_value(&ev), series.kind(), DecimalMark::Point).ok();
                                sheet.typed.set(parsed.map(|v| (row, month, v)));
                            }
                            on:blur=move |_| sheet.typed.set(None)
                            on:change=move |ev| sheet.commit(row, month, event_target_value(&ev))
                            on:keydown=on_keydown
                            on:paste=move |ev: ClipboardEvent| {
                                let Some(text) = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) else { return };
                                if is_block(&text) {
                                    ev.prevent_default();
                                    sheet.paste(row, month, &text);
                                }
                            }/>
                    </td>
                }
            }).collect_view()}
            <td class="num total">{move || summary.with(|s| s.as_ref().map(|s| s.total.clone()))}</td>
            <td class="num progress" class:warn=move || warning().is_some() title=warning>
                {move || summary.with(|s| s.as_ref().and_then(|s| s.progress.clone()))}
            </td>
        </tr>
    }
}

/// The AO code of a row, for the accessible name of its cells.
fn name_of(data: Memo<RowData>, activity: usize) -> String {
    data.with(|d| d.as_ref().map(|(n, _, _)| n.split(':').next().unwrap_or_default().to_string()))
        .unwrap_or_else(|| format!("AO {}", activity + 1))
}

/// The sheet of every AO of an AEI (`codes`, in order). Only the rows in view (and a few around
/// them) are in the page, so a thousand AO scroll as smoothly as ten.
#[component]
pub fn AeiSheet(#[prop(into)] codes: Signal<Vec<String>>) -> impl IntoView {
    let state = use_state();
    let (ws, selection) = (state.workspace, state.selection);
    let sheet = Sheet {
        workspace: ws,
        selection,
        codes,
        editable: Memo::new(move |_| {
            let s = selection.get();
            ws.with(|w| w.evaluated_version_is_editable(s))
        }),
        typed: RwSignal::new(None),
        errors: RwSignal::new(BTreeMap::new()),
        paste_errors: RwSignal::new(Vec::new()),
    };
    let row_count = Memo::new(move |_| sheet::row_count(codes.with(Vec::len)));
    let scroll = ScrollWindow::new(ROW_HEIGHT);
    let window = Memo::new(move |_| scroll.rows(row_count.get()));
    view! {
        <div class="sheet-wrap">
            <p class="note">{move || format!("{} actividades operativas, {} filas. Pegue bloques copiados de Excel en cualquier celda: las filas siguen hacia abajo, de una AO a la siguiente.", codes.with(Vec::len), row_count.get())}</p>
            <div class="sheet-scroll" on:scroll=move |ev| scroll.on_scroll(ev)>
                <table class="grid sheet" aria-rowcount=move || row_count.get() + 1>
                    <thead><tr>
                        <th scope="col">"Actividad operativa"</th>
                        <th scope="col">"Serie"</th>
                        {month_columns()}
                    </tr></thead>
                    <tbody>
                        <tr class="spacer" aria-hidden="true"><td colspan="16" style:height=move || scroll.spacer(window.get().start)></td></tr>
                        <For each=move || window.get() key=|row| *row let(row)>
                            <SheetRow row=row sheet=sheet/>
                        </For>
                        <tr class="spacer" aria-hidden="true"><td colspan="16" style:height=move || scroll.spacer(row_count.get() - window.get().end)></td></tr>
                    </tbody>
                </table>
            </div>
            <GridMessages editable=sheet.editable errors=sheet.errors/>
            <PasteReport paste_errors=sheet.paste_errors/>
        </div>
    }
}
