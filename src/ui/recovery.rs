//! After a panic: the recovery screen of `public/recovery.js`, and a last save of what the tab holds.

use std::cell::Cell;

use leptos::prelude::Update;
use wasm_bindgen::prelude::*;

use super::state::AppState;
use crate::storage::local;

#[wasm_bindgen]
extern "C" {
    /// Replaces the page with the recovery screen, which offers the text stored under `key`;
    /// `unsaved` says the last changes may not have been saved.
    #[wasm_bindgen(catch, js_namespace = fichaRecovery, js_name = show)]
    fn show_screen(key: &str, unsaved: bool, detail: &str) -> Result<(), JsValue>;

    /// Tells the screen that everything the tab held is stored after all.
    #[wasm_bindgen(catch, js_namespace = fichaRecovery, js_name = saved)]
    fn say_saved() -> Result<(), JsValue>;
}

thread_local! {
    static STATE: Cell<Option<AppState>> = const { Cell::new(None) };
    static STOPPED: Cell<bool> = const { Cell::new(false) };
}

/// Lets the panic hook save what `state` holds.
pub fn watch(state: AppState) {
    STATE.with(|s| s.set(Some(state)));
}

/// The panic hook's part after the console message. The release build aborts on panic, so after
/// this the module is dead: the screen is plain JS. It goes up first, saying the last changes may
/// be lost; only then is the workspace written, which can fail (or abort at once, if the panic
/// came while the workspace was being changed), and then the screen stays as it is.
pub fn on_panic(info: &std::panic::PanicHookInfo) {
    // Once only: whatever still calls into the dead module must not start this again.
    if STOPPED.with(|stopped| stopped.replace(true)) {
        return;
    }
    let state = STATE.with(Cell::get);
    let _ = show_screen(&local::active_key(), state.is_some(), &info.to_string());
    if state.is_some_and(|state| state.write_before_stop()) {
        let _ = say_saved();
    }
}

/// Panics on purpose, the browser tests' way to the recovery screen in a release build;
/// `inside_edit` panics while the workspace is being changed.
#[wasm_bindgen]
pub fn ficha_test_panic(inside_edit: bool) {
    match STATE.with(Cell::get) {
        Some(state) if inside_edit => state.workspace.update(|_| panic!("ficha_test_panic inside an edit")),
        _ => panic!("ficha_test_panic"),
    }
}
