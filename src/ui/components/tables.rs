//! The ficha's tables as real `<table>` elements, laid out from the domain's `Table`: caption,
//! header rows, rows keyed by their content (so an edit rebuilds only the row it changed, even
//! among a thousand), footnotes and source lines.

use leptos::prelude::*;

use crate::domain::ficha::{HeaderRow, RowRole, Scope, Table, TableCell, TableRow};

fn spans(n: usize) -> Option<String> {
    (n > 1).then(|| n.to_string())
}

fn header_row(row: HeaderRow) -> impl IntoView {
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
    view! { <tr class=row.marks.then_some("marks")>{cells}</tr> }
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

fn row_view(row: TableRow) -> impl IntoView {
    let class = match row.role {
        RowRole::Aei => Some("aei-row"),
        RowRole::CostCenter => Some("cc-row"),
        RowRole::Total => Some("total-row"),
        RowRole::Item => None,
    };
    view! { <tr class=class>{row.cells.into_iter().map(cell_view).collect_view()}</tr> }
}

/// A computed table with its caption, footnotes and source lines, or nothing while `table` is
/// `None`. Each part follows its own memo, so a new figure re-renders only the rows it is in.
#[component]
pub fn FichaTable(table: Memo<Option<Table>>) -> impl IntoView {
    let part = move |f: fn(&Table) -> Vec<String>| Memo::new(move |_| table.with(|t| t.as_ref().map(f).unwrap_or_default()));
    let caption = Memo::new(move |_| table.with(|t| t.as_ref().map(|t| t.caption.clone()).unwrap_or_default()));
    let id = Memo::new(move |_| table.with(|t| t.as_ref().map(|t| t.id.element_id()).unwrap_or_default()));
    let header = Memo::new(move |_| table.with(|t| t.as_ref().map(|t| t.header.clone()).unwrap_or_default()));
    let foot = Memo::new(move |_| table.with(|t| t.as_ref().map(|t| t.foot.clone()).unwrap_or_default()));
    let footnotes = part(|t| t.footnotes.clone());
    let sources = part(|t| t.sources.clone());
    view! {
        <Show when=move || table.with(Option::is_some)>
            <figure class="ficha-table">
                <table id=id>
                    <caption>{caption}</caption>
                    <thead>{move || header.get().into_iter().map(header_row).collect_view()}</thead>
                    <tbody>
                        <For each=move || table.with(|t| t.as_ref().map(|t| t.body.clone()).unwrap_or_default()) key=|row| row.clone() let(row)>
                            {row_view(row)}
                        </For>
                    </tbody>
                    <Show when=move || foot.with(|f| !f.is_empty())>
                        <tfoot>{move || foot.get().into_iter().map(row_view).collect_view()}</tfoot>
                    </Show>
                </table>
                <Show when=move || footnotes.with(|f| !f.is_empty())>
                    <div class="footnotes">{move || footnotes.get().into_iter().map(|f| view! { <p class="footnote">{f}</p> }).collect_view()}</div>
                </Show>
                {move || sources.get().into_iter().map(|line| view! { <p class="source">{line}</p> }).collect_view()}
            </figure>
        </Show>
    }
}
