//! The app's reactive state: the open workspace, which slot it is, and storage notices.

use leptos::prelude::*;

use crate::domain::workspace::Workspace;
use crate::storage::local::{self, SaveError, Slot, StoredProblem};

/// Shared through context; every field is a signal, so the struct is `Copy`.
#[derive(Clone, Copy)]
pub struct AppState {
    pub workspace: RwSignal<Workspace>,
    pub slot: RwSignal<Slot>,
    /// A save that failed (quota, storage disabled); cleared by the next good save.
    pub save_error: RwSignal<Option<String>>,
    /// Stored data that could not be read, kept under a rescue key.
    pub stored_problem: RwSignal<Option<StoredProblem>>,
    /// Another tab saved newer data than this tab holds; this tab stops saving until reloaded.
    pub conflict: RwSignal<bool>,
    /// A passing message ("cambios de otra pestaña cargados").
    pub info: RwSignal<Option<String>>,
    /// The stored revision this tab's workspace derives from.
    revision: StoredValue<u64>,
    /// Set when the workspace was just loaded from storage, so the next save is skipped.
    skip_save: StoredValue<bool>,
    /// A save is scheduled for when the browser is next free (see `persist`).
    save_pending: StoredValue<bool>,
}

impl AppState {
    /// Opens the slot the user had open last.
    pub fn load() -> Self {
        let slot = local::active_slot();
        let loaded = local::load(slot);
        let state = Self {
            workspace: RwSignal::new(loaded.workspace),
            slot: RwSignal::new(slot),
            save_error: RwSignal::new(None),
            stored_problem: RwSignal::new(loaded.problem),
            conflict: RwSignal::new(false),
            info: RwSignal::new(None),
            revision: StoredValue::new(loaded.revision),
            skip_save: StoredValue::new(loaded.revision > 0),
            save_pending: StoredValue::new(false),
        };
        // A scheduled save is written before the page goes away or into the background.
        window_event_listener(leptos::ev::pagehide, move |_| state.flush());
        window_event_listener(leptos::ev::visibilitychange, move |_| state.flush());
        state
    }

    /// Another tab stored this slot: take its data if it is ours and newer.
    pub fn take_from_other_tab(&self, key: &str, raw: Option<String>) {
        if local::slot_of_key(key) != Some(self.slot.get_untracked()) {
            return;
        }
        // An edit of this tab not yet written meets the other tab's: it is refused as a
        // conflict, which the user sees, rather than dropped by taking the other data.
        self.flush();
        if self.conflict.get_untracked() {
            return;
        }
        let Some((workspace, revision)) = raw.as_deref().and_then(local::decode_stored) else { return };
        if revision <= self.revision.get_value() {
            return;
        }
        self.revision.set_value(revision);
        self.skip_save.set_value(true);
        self.conflict.set(false);
        self.workspace.set(workspace);
        self.info.set(Some("Se cargaron los cambios guardados en otra pestaña.".to_string()));
    }

    /// Reloads this slot from storage, dropping what this tab holds (after a conflict).
    pub fn reload_from_storage(&self) {
        self.open(self.slot.get_untracked());
        self.conflict.set(false);
    }

    /// Switches to another slot, loading what it holds.
    pub fn open(&self, slot: Slot) {
        self.flush();
        let loaded = local::load(slot);
        if let Err(message) = local::set_active_slot(slot) {
            self.save_error.set(Some(message));
        }
        if loaded.problem.is_some() {
            self.stored_problem.set(loaded.problem);
        }
        self.skip_save.set_value(loaded.revision > 0);
        self.revision.set_value(loaded.revision);
        self.slot.set(slot);
        self.workspace.set(loaded.workspace);
    }

    /// Replaces the example's edits with the published figures.
    pub fn reset_example(&self) {
        self.workspace.set(Slot::Example.fresh());
    }

    /// Called by an effect on every workspace change: schedules the save as the browser's next
    /// task, so an edit first updates its tables and the save (encoding the whole workspace)
    /// comes after; the changes of one turn are saved once. Leaving or hiding the page, switching
    /// workspace or taking another tab's data writes a scheduled save first.
    pub fn persist(&self) {
        self.workspace.track();
        if std::mem::replace(&mut *self.skip_save.write_value(), false) {
            return;
        }
        if std::mem::replace(&mut *self.save_pending.write_value(), true) {
            return;
        }
        mark_save_pending(true);
        let state = *self;
        set_timeout(move || state.flush(), std::time::Duration::ZERO);
    }

    /// Writes a scheduled save now, if there is one.
    pub fn flush(&self) {
        if std::mem::replace(&mut *self.save_pending.write_value(), false) {
            self.save();
            mark_save_pending(false);
        }
    }

    /// Writes the workspace to its slot, unless its stored text could not even be rescued.
    fn save(&self) {
        if self.conflict.get_untracked() {
            return;
        }
        let slot = self.slot.get_untracked();
        if self.rescue_failed() {
            self.save_error.set(Some(
                "No se guardan cambios: los datos anteriores no se pudieron leer ni copiar aparte. Descárguelos primero.".to_string(),
            ));
            return;
        }
        let known = self.revision.get_value();
        match self.workspace.with_untracked(|ws| local::save(slot, ws, known)) {
            Ok(revision) => {
                self.revision.set_value(revision);
                if self.save_error.get_untracked().is_some() {
                    self.save_error.set(None);
                }
            }
            Err(SaveError::Refused(message)) => self.save_error.set(Some(message)),
            Err(SaveError::Conflict) => self.conflict.set(true),
        }
    }

    /// Stored text that could not be read was not copied aside either: the slot is never written.
    fn rescue_failed(&self) -> bool {
        self.stored_problem.with_untracked(|p| p.as_ref().is_some_and(|p| p.rescue_key.is_none()))
    }

    /// After a panic (`ui::recovery`): writes what this tab holds, even an edit whose save is not
    /// scheduled yet, unless storage has it already. Sets no signal (nothing may wake the stopped
    /// app). Whether storage now holds it.
    pub fn write_before_stop(&self) -> bool {
        if self.conflict.get_untracked() || self.rescue_failed() {
            return false;
        }
        let (slot, known) = (self.slot.get_untracked(), self.revision.get_value());
        self.workspace.with_untracked(|ws| local::holds(slot, ws, known) || local::save(slot, ws, known).is_ok())
    }
}

/// `data-save-pending` on the root element while a save is scheduled, for whoever must read
/// storage only once the app has written it (the browser tests).
fn mark_save_pending(pending: bool) {
    let Some(root) = document().document_element() else { return };
    let _ = if pending { root.set_attribute("data-save-pending", "") } else { root.remove_attribute("data-save-pending") };
}

/// The state provided by `App`.
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
