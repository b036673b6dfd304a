//! Keeping the user's data: backups downloaded, the reminder to download one and its setting (the
//! browser is asked to keep the storage by `state.rs`, at the first edit).

use leptos::prelude::*;

use crate::domain::safekeeping::{parse_remind_after_days, BackupHabit};
use crate::io::backup;
use crate::storage::document::encode;
use crate::storage::local::{self, Slot};
use crate::ui::browser::{download_text, today};
use crate::ui::state::{use_state, AppState};

/// Downloads a backup of the open workspace ("ficha-respaldo-aaaa-mm-dd.json"); for the user's
/// own workspace the day is recorded, so the reminder waits.
pub fn download_backup(state: AppState) {
    let day = today();
    let text = state.workspace.with_untracked(encode);
    match download_text(&backup::file_name(&day.to_string()), "application/json", &text) {
        Ok(()) if state.slot.get_untracked() == Slot::Own => {
            keep_habit(state, BackupHabit { last_backup: Some(day), ..state.backup.get_untracked() });
        }
        Ok(()) => {}
        Err(message) => state.save_error.set(Some(message)),
    }
}

/// The habit in effect in this tab, and stored; a refused write is reported as a save error.
fn keep_habit(state: AppState, habit: BackupHabit) {
    state.backup.set(habit);
    if let Err(message) = local::keep_backup_habit(&habit) {
        state.save_error.set(Some(message));
    }
}

/// The reminder to download a backup of one's own workspace, when it is due; "Más tarde" hides
/// it until the page is loaded again.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let state = use_state();
    let later = RwSignal::new(false);
    let due = move || {
        let own = state.slot.get() == Slot::Own && !later.get();
        own.then(|| state.backup.with(|habit| habit.reminder(today()))).flatten()
    };
    move || {
        due().map(|message| {
            view! {
                <div class="notice info no-print" role="status" id="backup-reminder">
                    <p>{message}</p>
                    <button id="reminder-download" on:click=move |_| download_backup(state)>"Descargar copia de respaldo"</button>
                    <button id="reminder-later" on:click=move |_| later.set(true)>"Más tarde"</button>
                </div>
            }
        })
    }
}

/// The reminder's setting and the date of the last backup, next to "Descargar respaldo".
#[component]
pub fn BackupReminderSetting() -> impl IntoView {
    let state = use_state();
    let error = RwSignal::new(None::<String>);
    let last = move || {
        state.backup.with(|h| match h.last_backup {
            Some(day) => format!("Última copia de respaldo de su espacio de trabajo: {}.", day.dmy()),
            None => "Aún no descargó una copia de respaldo de su espacio de trabajo.".to_string(),
        })
    };
    let change = move |ev: web_sys::Event| match parse_remind_after_days(&event_target_value(&ev)) {
        Ok(days) => {
            error.set(None);
            keep_habit(state, BackupHabit { remind_after_days: days, ..state.backup.get_untracked() });
        }
        Err(e) => error.set(Some(e.to_string())),
    };
    view! {
        <p id="backup-last">{last}</p>
        <label>"Recordarme descargar una copia de respaldo cuando la última cumpla (días)"
            <input id="backup-remind-days" type="text" inputmode="numeric" aria-invalid=move || error.with(Option::is_some).to_string()
                prop:value=move || state.backup.with(|h| h.remind_after_days.to_string()) on:change=change/>
        </label>
        {move || error.get().map(|message| view! { <p class="errors" role="alert" id="backup-remind-error">{message}</p> })}
    }
}
