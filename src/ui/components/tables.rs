//! The ficha's tables as real `<table>` elements, laid out from the domain's `Table`: caption,
//! header rows, rows keyed by their content (so an edit rebuilds only the row it changed),
//! footnotes and source lines. A long table on the AEI page shows only the rows in view, in a
//! scrolling box, and prints whole.

use leptos::prelude::*;

use super::window::ScrollWindow;
use crate::domain::ficha::{HeaderRow, RowRole, Scope, Table, TableCell, TableRow};
use crate::ui::browser::printing;

/// Above this many body rows a windowed table shows only the rows in view.
const WINDOW_ABOVE: usize = 60;
/// Height of a body row of a windowed table in pixels; `style/main.css` gives its rows the same height.
const ROW_HEIGHT: i32 = 28;

fn spans(n: usize) -> Option<String> {
    (n > 1).then(|| n.to_string())
}

/// A header row; `index` as for `row_view`.
fn header_row(row: HeaderRow, index: Option<usize>) -> impl IntoView {
    let cells = row
        .cells
        .into_iter()
        .map(|cell| {
            let scope = match cell.scope {
                Scope::Column => "col",
                Scope::ColumnGroup => "colgroup",
            };
            view! { <th scope=scope rowspan=spans(cell.rows) colspan=spans(cell.columns)>{cell.text}</th> }
        })
        .collect_view();
    view! { <tr class=row.marks.then_some("marks") aria-rowindex=index.map(|i| i.to_string())>{cells}</tr> }
}

fn cell_view(cell: TableCell) -> AnyView {
    let text = cell.value.display();
    let columns = spans(cell.columns);
    if cell.row_header {
        view! { <th scope="row" colspan=columns>{text}</th> }.into_any()
    } else {
        view! { <td class=cell.value.is_figure().then_some("num") colspan=columns>{text}</td> }.into_any()
    }
}

/// A row; `index` is its `aria-rowindex` (1-based, header rows first) where not every row is in the page.
fn row_view(row: TableRow, index: Option<usize>) -> impl IntoView {
    let class = match row.role {
        RowRole::Aei => Some("aei-row"),
        RowRole::CostCenter => Some("cc-row"),
        RowRole::Total => Some("total-row"),
        RowRole::Item => None,
    };
    view! { <tr class=class aria-rowindex=index.map(|i| i.to_string())>{row.cells.into_iter().map(cell_view).collect_view()}</tr> }
}

/// A computed table with its caption, footnotes and source lines, or nothing while `table` is
/// `None`. Each part follows its own memo, so a new figure re-renders only the rows it is in.
/// `windowed`: past `WINDOW_ABOVE` rows, only the rows in view of its scrolling box are in the
/// page (the table says how many it has, `aria-rowcount`, and each row its place), except while
/// printing.
#[component]
pub fn FichaTable(table: Memo<Option<Table>>, #[prop(optional)] windowed: bool) -> impl IntoView {
    let part = move |f: fn(&Table) -> Vec<String>| Memo::new(move |_| table.with(|t| t.as_ref().map(f).unwrap_or_default()));
    let caption = Memo::new(move |_| table.with(|t| t.as_ref().map(|t| t.caption.clone()).unwrap_or_default()));
    let id = Memo::new(move |_| table.with(|t| t.as_ref().map(|t| t.id.element_id()).unwrap_or_default()));
    let header = Memo::new(move |_| table.with(|t| t.as_ref().map(|t| t.header.clone()).unwrap_or_default()));
    let foot = Memo::new(move |_| table.with(|t| t.as_ref().map(|t| t.foot.clone()).unwrap_or_default()));
    let footnotes = part(|t| t.footnotes.clone());
    let sources = part(|t| t.sources.clone());
    let body_len = Memo::new(move |_| table.with(|t| t.as_ref().map_or(0, |t| t.body.len())));
    let printing = printing();
    let windowing = Memo::new(move |_| windowed && !printing.get() && body_len.get() > WINDOW_ABOVE);
    let scroll = ScrollWindow::new(ROW_HEIGHT);
    let window = Memo::new(move |_| scroll.rows(body_len.get()));
    let header_len = Memo::new(move |_| header.with(Vec::len));
    let row_count = move || windowing.get().then(|| (header_len.get() + body_len.get() + foot.with(Vec::len)).to_string());
    let columns = Memo::new(move |_| {
        table.with(|t| t.as_ref().and_then(|t| t.body.first()).map_or(1, |r| r.cells.iter().map(|c| c.columns).sum::<usize>()).to_string())
    });
    let all_rows = move || {
        view! {
            <For each=move || table.with(|t| t.as_ref().map(|t| t.body.clone()).unwrap_or_default()) key=|row| row.clone() let(row)>
                {row_view(row, None)}
            </For>
        }
    };
    let rows_in_window = move || {
        view! {
            <tr class="spacer" aria-hidden="true"><td colspan=columns style:height=move || scroll.spacer(window.get().start)></td></tr>
            <For each=move || window.get() key=|i| *i let(i)>
                {
                    let row = Memo::new(move |_| table.with(|t| t.as_ref().and_then(|t| t.body.get(i).cloned())));
                    move || row.get().map(|r| row_view(r, Some(header_len.get_untracked() + i + 1)))
                }
            </For>
            <tr class="spacer" aria-hidden="true"><td colspan=columns style:height=move || scroll.spacer(body_len.get() - window.get().end)></td></tr>
        }
    };
    let laid_out = move || {
        let element = view! {
            <table id=id aria-rowcount=row_count>
                <caption>{caption}</caption>
                <thead>{move || {
                    let numbered = windowing.get();
                    header.get().into_iter().enumerate().map(|(k, r)| header_row(r, numbered.then_some(k + 1))).collect_view()
                }}</thead>
                <tbody>
                    <Show when=move || windowing.get() fallback=all_rows>{rows_in_window}</Show>
                </tbody>
                <Show when=move || foot.with(|f| !f.is_empty())>
                    <tfoot>{move || {
                        let before = windowing.get().then(|| header_len.get() + body_len.get());
                        foot.get().into_iter().enumerate().map(|(k, r)| row_view(r, before.map(|n| n + k + 1))).collect_view()
                    }}</tfoot>
                </Show>
            </table>
        };
        // Only a windowed table has a box around it: the others keep the figure's structure.
        if windowed {
            view! { <div class="table-window" class:scrolling=windowing on:scroll=move |ev| scroll.on_scroll(ev)>{element}</div> }.into_any()
        } else {
            element.into_any()
        }
    };
    view! {
        <Show when=move || table.with(Option::is_some)>
            <figure class="ficha-table">
                {laid_out()}
                <Show when=move || footnotes.with(|f| !f.is_empty())>
                    <div class="footnotes">{move || footnotes.get().into_iter().map(|f| view! { <p class="footnote">{f}</p> }).collect_view()}</div>
                </Show>
                {move || sources.get().into_iter().map(|line| view! { <p class="source">{line}</p> }).collect_view()}
            </figure>
        </Show>
    }
}
