//! The workspace in the browser's localStorage: one slot for the example, one for the user's own.

use gloo_storage::{LocalStorage, Storage};

use super::document::{decode, encode_revision, revision_of};
use crate::domain::example::reference_workspace;
use crate::domain::workspace::Workspace;

const ACTIVE_KEY: &str = "ficha.active";

/// Which workspace is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Example,
    Own,
}

impl Slot {
    fn key(self) -> &'static str {
        match self {
            Slot::Example => "ficha.workspace.example",
            Slot::Own => "ficha.workspace.own",
        }
    }

    /// What opens when the slot has nothing stored.
    pub fn fresh(self) -> Workspace {
        match self {
            Slot::Example => reference_workspace(),
            Slot::Own => Workspace::empty(current_year()),
        }
    }
}

/// Stored text that could not be read, kept aside so nothing is lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredProblem {
    pub message: String,
    /// The key the raw text was copied to, or `None` if even that failed (then the slot is never written).
    pub rescue_key: Option<String>,
    pub raw: String,
}

/// What loading a slot gave.
pub struct Loaded {
    pub workspace: Workspace,
    pub problem: Option<StoredProblem>,
    /// The stored revision this tab now holds.
    pub revision: u64,
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The browser refused the write (quota exceeded, storage disabled).
    Refused(String),
    /// Another tab saved a newer revision; this tab must not overwrite it.
    Conflict,
}

/// This year, from the browser clock (`SystemTime` panics in wasm).
pub fn current_year() -> u16 {
    u16::try_from(js_sys::Date::new_0().get_full_year()).unwrap_or(2026)
}

fn storage() -> Option<web_sys::Storage> {
    Some(LocalStorage::raw())
}

/// The slot the user had open last; the example for a newcomer.
pub fn active_slot() -> Slot {
    match storage().and_then(|s| s.get_item(ACTIVE_KEY).ok().flatten()).as_deref() {
        Some("own") => Slot::Own,
        _ => Slot::Example,
    }
}

/// The storage key of the slot open last, whose stored text the recovery screen offers.
pub fn active_key() -> String {
    active_slot().key().to_string()
}

/// Remembers the open slot.
pub fn set_active_slot(slot: Slot) -> Result<(), String> {
    let value = if slot == Slot::Own { "own" } else { "example" };
    storage().ok_or_else(no_storage)?.set_item(ACTIVE_KEY, value).map_err(|_| quota_message())
}

/// Whether the slot holds anything.
pub fn has_stored(slot: Slot) -> bool {
    storage().and_then(|s| s.get_item(slot.key()).ok().flatten()).is_some()
}

/// Loads a slot; unreadable text is copied under a rescue key and the slot's fresh workspace opens.
pub fn load(slot: Slot) -> Loaded {
    let Some(raw) = storage().and_then(|s| s.get_item(slot.key()).ok().flatten()) else {
        return Loaded { workspace: slot.fresh(), problem: None, revision: 0 };
    };
    let revision = revision_of(&raw);
    match decode(&raw) {
        Ok(workspace) => Loaded { workspace, problem: None, revision },
        Err(error) => {
            let rescue_key = format!("ficha.rescued.{}", js_sys::Date::now() as u64);
            let rescued = storage().is_some_and(|s| s.set_item(&rescue_key, &raw).is_ok());
            Loaded {
                workspace: slot.fresh(),
                problem: Some(StoredProblem {
                    message: format!("No se pudo abrir su espacio de trabajo guardado: {error}."),
                    rescue_key: rescued.then_some(rescue_key),
                    raw,
                }),
                revision,
            }
        }
    }
}

/// Whether the slot stores exactly `workspace` at revision `known`: nothing is left to save.
pub fn holds(slot: Slot, workspace: &Workspace, known: u64) -> bool {
    storage()
        .and_then(|s| s.get_item(slot.key()).ok().flatten())
        .is_some_and(|stored| stored == encode_revision(workspace, known))
}

/// Writes a slot in one `setItem` (an interrupted save leaves the previous copy readable), unless
/// another tab stored a newer revision than `known`. Returns the new revision.
pub fn save(slot: Slot, workspace: &Workspace, known: u64) -> Result<u64, SaveError> {
    let storage = storage().ok_or_else(|| SaveError::Refused(no_storage()))?;
    if let Some(stored) = storage.get_item(slot.key()).ok().flatten() {
        if revision_of(&stored) > known {
            return Err(SaveError::Conflict);
        }
    }
    let revision = known + 1;
    storage
        .set_item(slot.key(), &encode_revision(workspace, revision))
        .map_err(|_| SaveError::Refused(quota_message()))?;
    Ok(revision)
}

/// The slot a storage key belongs to.
pub fn slot_of_key(key: &str) -> Option<Slot> {
    [Slot::Example, Slot::Own].into_iter().find(|s| s.key() == key)
}

/// Decodes what another tab stored, with its revision.
pub fn decode_stored(raw: &str) -> Option<(Workspace, u64)> {
    decode(raw).ok().map(|ws| (ws, revision_of(raw)))
}

fn no_storage() -> String {
    "El navegador no permite guardar datos (localStorage desactivado).".to_string()
}

fn quota_message() -> String {
    "No se pudo guardar: el almacenamiento del navegador está lleno. Sus datos siguen abiertos en esta pestaña; descargue una copia de respaldo para no perderlos.".to_string()
}
