//! Undo and redo of every workspace edit: the header's buttons and Ctrl+Z, Ctrl+Y (Ctrl+Shift+Z).

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::editing::History;
use crate::domain::Workspace;
use crate::ui::state::use_state;

/// Text fields outside the monthly grid keep the browser's own undo of their typing.
fn is_form_field(ev: &KeyboardEvent) -> bool {
    let Some(element) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    match element.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !element.class_list().contains("cell"),
        _ => false,
    }
}

/// The Deshacer / Rehacer buttons. Mounted once in the header, it also watches the workspace:
/// each edit of this tab becomes one undo step. A workspace that came from elsewhere (switching
/// between the example and one's own, another tab's save, a reload, a restored backup) starts a
/// fresh history, so undo never carries data across nor takes back another tab's saved work.
#[component]
pub fn UndoRedo() -> impl IntoView {
    let state = use_state();
    let ws = state.workspace;
    let history = StoredValue::new(History::default());
    // The workspace as last observed, and the count of outside loads it followed.
    let seen: StoredValue<Option<(u64, Workspace)>> = StoredValue::new(None);
    let steps = RwSignal::new((0usize, 0usize));
    let refresh = move || steps.set(history.with_value(|h| (h.undo_steps(), h.redo_steps())));
    // Reacting to the workspace signal is the one place every edit passes, whoever made it.
    Effect::new(move |_| {
        let loads = state.loads();
        ws.with(|now| {
            seen.update_value(|seen| match seen {
                Some((seen_loads, last)) if *seen_loads == loads => history.update_value(|h| h.observe(last, now)),
                Some((seen_loads, last)) => {
                    *seen_loads = loads;
                    history.update_value(|h| h.start_from(last, now));
                }
                None => *seen = Some((loads, now.clone())),
            })
        });
        refresh();
    });
    // The restored workspace is what `seen` now holds, so the effect records no step for it; what
    // undo leaves alone (a recommendation's status history) is the domain's rule.
    let step = move |undo: bool| {
        let mut changed = false;
        seen.update_value(|seen| {
            if let Some((_, current)) = seen {
                history.update_value(|h| changed = if undo { h.undo(current) } else { h.redo(current) });
            }
        });
        if changed {
            if let Some((_, current)) = seen.get_value() {
                ws.set(current);
            }
        }
        refresh();
    };
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.default_prevented() || is_form_field(&ev) {
            return;
        }
        let undo = match ev.key().as_str() {
            "z" => true,
            "y" | "Y" => false,
            "Z" => !ev.shift_key(),
            _ => return,
        };
        ev.prevent_default();
        step(undo);
    });
    on_cleanup(move || keys.remove());
    view! {
        <div class="undo-redo">
            <button id="undo" title="Deshacer (Ctrl+Z)" disabled=move || steps.get().0 == 0 on:click=move |_| step(true)>"Deshacer"</button>
            <button id="redo" title="Rehacer (Ctrl+Y)" disabled=move || steps.get().1 == 0 on:click=move |_| step(false)>"Rehacer"</button>
        </div>
    }
}
