//! Component tests in the browser (README.md, Tests): one AO's monthly grid mounted alone with the
//! example open, driven by the keys and the paste a planner uses, asserted on the DOM.
#![cfg(target_arch = "wasm32")]

use ficha::domain::example::INTEGRITY_AO;
use ficha::ui::components::ActivityGrid;
use ficha::ui::state::AppState;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{ClipboardEvent, ClipboardEventInit, DataTransfer, Element, HtmlInputElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// The example's integrity AO in its grid, mounted in a fresh element; the handle keeps it mounted.
fn mount_grid() -> (Element, impl Drop) {
    let document = document();
    // A test run starts from an empty storage: the example opens, on its 2023 latest version.
    if let Some(storage) = window().local_storage().ok().flatten() {
        storage.clear().unwrap();
    }
    let wrapper = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&wrapper).unwrap();
    let handle = mount_to(wrapper.clone().unchecked_into(), || {
        provide_context(AppState::load());
        view! { <ActivityGrid code=INTEGRITY_AO.to_string()/> }
    });
    (wrapper, handle)
}

fn cell(grid: &Element, series: u8, month: u8) -> HtmlInputElement {
    let selector = format!("input[data-series=\"{series}\"][data-month=\"{month}\"]");
    grid.query_selector(&selector).unwrap().expect("the cell").unchecked_into()
}

/// [series, month] of the focused cell.
fn focused() -> (String, String) {
    let active: HtmlInputElement = document().active_element().expect("a focused element").unchecked_into();
    (active.dataset().get("series").unwrap_or_default(), active.dataset().get("month").unwrap_or_default())
}

fn press(input: &HtmlInputElement, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    input.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
}

fn paste(input: &HtmlInputElement, text: &str) {
    input.focus().unwrap();
    let data = DataTransfer::new().unwrap();
    data.set_data("text/plain", text).unwrap();
    let init = ClipboardEventInit::new();
    init.set_clipboard_data(Some(&data));
    init.set_bubbles(true);
    init.set_cancelable(true);
    input.dispatch_event(&ClipboardEvent::new_with_event_init_dict("paste", &init).unwrap()).unwrap();
}

/// The total of each of the grid's four rows.
fn totals(grid: &Element) -> Vec<String> {
    let cells = grid.query_selector_all("td.total").unwrap();
    (0..cells.length()).map(|i| cells.item(i).and_then(|c| c.text_content()).unwrap_or_default()).collect()
}

#[wasm_bindgen_test]
async fn arrows_move_between_cells_and_enter_commits_and_moves_down() {
    let (grid, _mounted) = mount_grid();
    tick().await;
    assert_eq!(totals(&grid), ["1", "1", "21,000.00", "21,000.00"]);
    let first = cell(&grid, 0, 1);
    first.focus().unwrap();
    press(&first, "ArrowDown");
    assert_eq!(focused(), ("1".to_string(), "1".to_string()));
    // The value is selected on focus, so the caret is at its end: ArrowRight moves to the next month.
    press(&cell(&grid, 1, 1), "ArrowRight");
    assert_eq!(focused(), ("1".to_string(), "2".to_string()));
    let programming = cell(&grid, 2, 1);
    programming.focus().unwrap();
    programming.set_value("1000");
    press(&programming, "Enter");
    tick().await;
    assert_eq!(focused(), ("3".to_string(), "1".to_string()), "Enter moves down");
    assert_eq!(totals(&grid), ["1", "1", "22,000.00", "21,000.00"]);
    assert_eq!(cell(&grid, 2, 1).value(), "1000");
}

#[wasm_bindgen_test]
async fn a_pasted_block_fills_right_and_down_or_nothing_when_a_cell_is_wrong() {
    let (grid, _mounted) = mount_grid();
    tick().await;
    paste(&cell(&grid, 2, 1), "100\t200\r\n1\t2\r\n");
    tick().await;
    assert_eq!([cell(&grid, 2, 1).value(), cell(&grid, 2, 2).value(), cell(&grid, 3, 1).value(), cell(&grid, 3, 2).value()], ["100", "200", "1", "2"]);
    assert_eq!(totals(&grid), ["1", "1", "21,300.00", "21,003.00"]);
    paste(&cell(&grid, 0, 1), "5\tabc");
    tick().await;
    let report = grid.query_selector(".paste-errors").unwrap().expect("the refused paste is reported");
    assert!(report.text_content().unwrap_or_default().contains("Programación física, Feb: «abc» no es un número"));
    assert_eq!(cell(&grid, 0, 1).value(), "0", "nothing of the block was pasted");
    assert_eq!(totals(&grid), ["1", "1", "21,300.00", "21,003.00"]);
}
