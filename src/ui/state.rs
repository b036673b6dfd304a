//! The app's reactive state: the open workspace, which slot it is, and storage notices.

use leptos::prelude::*;

use crate::domain::workspace::Workspace;
use crate::storage::local::{self, Slot, StoredProblem};

/// Shared through context; every field is a signal, so the struct is `Copy`.
#[derive(Clone, Copy)]
pub struct AppState {
    pub workspace: RwSignal<Workspace>,
    pub slot: RwSignal<Slot>,
    /// A save that failed (quota, storage disabled); cleared by the next good save.
    pub save_error: RwSignal<Option<String>>,
    /// Stored data that could not be read, kept under a rescue key.
    pub stored_problem: RwSignal<Option<StoredProblem>>,
}

impl AppState {
    /// Opens the slot the user had open last.
    pub fn load() -> Self {
        let slot = local::active_slot();
        let loaded = local::load(slot);
        Self {
            workspace: RwSignal::new(loaded.workspace),
            slot: RwSignal::new(slot),
            save_error: RwSignal::new(None),
            stored_problem: RwSignal::new(loaded.problem),
        }
    }

    /// Switches to another slot, loading what it holds.
    pub fn open(&self, slot: Slot) {
        let loaded = local::load(slot);
        if let Err(message) = local::set_active_slot(slot) {
            self.save_error.set(Some(message));
        }
        if loaded.problem.is_some() {
            self.stored_problem.set(loaded.problem);
        }
        self.slot.set(slot);
        self.workspace.set(loaded.workspace);
    }

    /// Replaces the example's edits with the published figures.
    pub fn reset_example(&self) {
        self.workspace.set(Slot::Example.fresh());
    }

    /// Writes the workspace to its slot, unless its stored text could not even be rescued.
    pub fn persist(&self) {
        let slot = self.slot.get_untracked();
        let blocked = self.stored_problem.with_untracked(|p| p.as_ref().is_some_and(|p| p.rescue_key.is_none()));
        if blocked {
            self.save_error.set(Some(
                "No se guardan cambios: los datos anteriores no se pudieron leer ni copiar aparte. Descárguelos primero.".to_string(),
            ));
            return;
        }
        let result = self.workspace.with(|ws| local::save(slot, ws));
        self.save_error.set(result.err());
    }
}

/// The state provided by `App`.
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
