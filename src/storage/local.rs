//! The workspace in the browser's localStorage: one slot for the example, one for the user's own.

use gloo_storage::{LocalStorage, SessionStorage, Storage};

use super::document::{decode_document, encode_stamped, read_newer, stamp_of, DocumentError, CURRENT_VERSION};
use super::keys::{self, ACTIVE};
use super::stamp::{standing, Stamp, Standing};
use crate::domain::example::reference_workspace;
use crate::domain::safekeeping::BackupHabit;
use crate::domain::{Selection, Workspace};

thread_local! {
    /// The directory the app is served from, which prefixes every key (see `keys::scope_of`).
    static SCOPE: String = {
        let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
        keys::scope_of(&path).to_string()
    };
    /// This tab's id as a writer (`Stamp::writer`): random for every page load, so two tabs that
    /// save the same revision are told apart.
    static WRITER: String = format!("{:014x}", (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64);
}

/// The one place key names are made: `name` within this deployment's scope.
fn key(name: &str) -> String {
    SCOPE.with(|scope| keys::scoped(scope, name))
}

/// The backup habit of the user's own workspace (`BackupHabit`).
const BACKUP_HABIT: &str = "backup.own";
/// Set in sessionStorage once the browser was asked to keep the storage.
const PERSISTENCE_ASKED: &str = "persistence-asked";

/// Which workspace is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Example,
    Own,
}

impl Slot {
    const ALL: [Slot; 2] = [Slot::Example, Slot::Own];

    fn id(self) -> &'static str {
        match self {
            Slot::Example => keys::EXAMPLE,
            Slot::Own => keys::OWN,
        }
    }

    /// The key's name within the scope.
    fn name(self) -> String {
        format!("workspace.{}", self.id())
    }

    /// The localStorage key this slot's workspace is stored under, scoped to the app's path.
    pub fn key(self) -> String {
        key(&self.name())
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
    /// The key the raw text was copied to, or `None` if even that failed (then `SaveBlock::NotCopied`).
    pub rescue_key: Option<String>,
    pub raw: String,
}

/// What loading a slot gave.
pub struct Loaded {
    pub workspace: Workspace,
    /// The view an older document kept inside the workspace (`Decoded::view`).
    pub view: Option<Selection>,
    pub problem: Option<StoredProblem>,
    /// Why this tab must not save the slot, if it must not.
    pub block: Option<SaveBlock>,
    /// The stored save this tab now holds.
    pub stamp: Stamp,
}

/// Why a slot is not saved: what is stored would be lost. Kept apart from the notices, so closing
/// a notice does not lift it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveBlock {
    /// The stored text could not be read nor copied aside: it is the only copy.
    NotCopied,
    /// A newer build of Ficha stored it (format `version`); this build opens it read-only.
    NewerBuild { version: u32, shown: bool },
}

impl SaveBlock {
    /// The standing notice of a read-only workspace; none for `NotCopied`, whose notice is the
    /// stored problem's.
    pub fn notice(&self) -> Option<String> {
        let SaveBlock::NewerBuild { version, shown } = self else { return None };
        let head = format!("Sus datos fueron guardados por una versión más reciente de Ficha (formato {version}; esta versión lee hasta el {CURRENT_VERSION}).");
        Some(if *shown {
            format!("{head} Se muestran solo para consulta: esta pestaña no guardará ningún cambio, para no reemplazarlos. Actualice la página para usar la versión más reciente.")
        } else {
            format!("{head} Esta versión no puede mostrarlos y no guardará nada encima de ellos. Actualice la página para usar la versión más reciente.")
        })
    }

    /// Why an edit was not saved.
    pub fn refusal(&self) -> String {
        match self {
            SaveBlock::NotCopied => "No se guardan cambios: los datos anteriores no se pudieron leer ni copiar aparte. Descárguelos primero.".to_string(),
            SaveBlock::NewerBuild { .. } => "No se guardan cambios: los datos guardados son de una versión más reciente de Ficha. Actualice la página.".to_string(),
        }
    }
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The browser refused the write (quota exceeded, storage disabled).
    Refused(String),
    /// Another tab saved a save this tab has not seen; this tab must not overwrite it.
    Conflict,
}

/// This year, from the browser clock (`SystemTime` panics in wasm).
pub fn current_year() -> u16 {
    u16::try_from(js_sys::Date::new_0().get_full_year()).unwrap_or(2026)
}

fn storage() -> Option<web_sys::Storage> {
    Some(LocalStorage::raw())
}

/// Moves what an older build stored under unscoped keys to this deployment's keys, so no user
/// loses data: the old key is removed only once its copy is written. When the copy cannot be
/// written (storage full), the old key stays and `stored_text` reads it until the slot's next save.
pub fn adopt_legacy_keys() {
    let Some(storage) = storage() else { return };
    for name in Slot::ALL.map(Slot::name).into_iter().chain([ACTIVE.to_string()]) {
        let legacy = keys::legacy(&name);
        let Some(text) = storage.get_item(&legacy).ok().flatten() else { continue };
        let scoped = key(&name);
        if storage.get_item(&scoped).ok().flatten().is_some() {
            continue;
        }
        if storage.set_item(&scoped, &text).is_ok() {
            let _ = storage.remove_item(&legacy);
        }
    }
}

/// What the slot holds: its scoped key, or the unscoped key of an older build not yet adopted.
fn stored_text(slot: Slot) -> Option<String> {
    let storage = storage()?;
    let read = |key: &str| storage.get_item(key).ok().flatten();
    read(&slot.key()).or_else(|| read(&keys::legacy(&slot.name())))
}

/// The slot the user had open last; the example for a newcomer.
pub fn active_slot() -> Slot {
    let read = |key: &str| storage().and_then(|s| s.get_item(key).ok().flatten());
    let active = read(&key(ACTIVE)).or_else(|| read(&keys::legacy(ACTIVE)));
    Slot::ALL.into_iter().find(|slot| active.as_deref() == Some(slot.id())).unwrap_or(Slot::Example)
}

/// The storage key of the slot open last, whose stored text the recovery screen offers.
pub fn active_key() -> String {
    active_slot().key()
}

/// Remembers the open slot.
pub fn set_active_slot(slot: Slot) -> Result<(), String> {
    storage().ok_or_else(no_storage)?.set_item(&key(ACTIVE), slot.id()).map_err(|_| quota_message())
}

/// Whether the slot holds anything.
pub fn has_stored(slot: Slot) -> bool {
    stored_text(slot).is_some()
}

/// Loads a slot. Unreadable text is copied under a rescue key and the slot's fresh workspace
/// opens; text of a newer build opens read-only, as far as this build reads it.
pub fn load(slot: Slot) -> Loaded {
    let Some(raw) = stored_text(slot) else {
        return Loaded { workspace: slot.fresh(), view: None, problem: None, block: None, stamp: Stamp::default() };
    };
    let stamp = stamp_of(&raw);
    match decode_document(&raw) {
        Ok(decoded) => Loaded { workspace: decoded.workspace, view: decoded.view, problem: None, block: None, stamp },
        Err(DocumentError::Newer(version)) => {
            let shown = read_newer(&raw);
            let block = SaveBlock::NewerBuild { version, shown: shown.is_some() };
            Loaded { workspace: shown.unwrap_or_else(|| slot.fresh()), view: None, problem: None, block: Some(block), stamp }
        }
        Err(error) => {
            let rescue_key = key(&format!("rescued.{}", js_sys::Date::now() as u64));
            let rescued = storage().is_some_and(|s| s.set_item(&rescue_key, &raw).is_ok());
            Loaded {
                workspace: slot.fresh(),
                view: None,
                problem: Some(StoredProblem {
                    message: format!("No se pudo abrir su espacio de trabajo guardado: {error}."),
                    rescue_key: rescued.then_some(rescue_key),
                    raw,
                }),
                block: (!rescued).then_some(SaveBlock::NotCopied),
                stamp,
            }
        }
    }
}

/// Whether the slot stores exactly `workspace` as the save `held`: nothing is left to save.
pub fn holds(slot: Slot, workspace: &Workspace, held: &Stamp) -> bool {
    storage()
        .and_then(|s| s.get_item(&slot.key()).ok().flatten())
        .is_some_and(|stored| stored == encode_stamped(workspace, held))
}

/// The view this tab had of the slot before a reload (sessionStorage: each tab keeps its own).
pub fn tab_view(slot: Slot) -> Option<Selection> {
    let text = SessionStorage::raw().get_item(&view_key(slot)).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

/// Keeps this tab's view of the slot for a reload; a refused write only loses the view.
pub fn keep_tab_view(slot: Slot, view: Selection) {
    if let Ok(text) = serde_json::to_string(&view) {
        let _ = SessionStorage::raw().set_item(&view_key(slot), &text);
    }
}

fn view_key(slot: Slot) -> String {
    key(&format!("view.{}", slot.id()))
}

/// When the user last downloaded a backup of their own workspace, and the reminder's setting.
pub fn backup_habit() -> BackupHabit {
    let text = storage().and_then(|s| s.get_item(&key(BACKUP_HABIT)).ok().flatten());
    text.and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default()
}

/// Keeps the backup habit; a refused write says why.
pub fn keep_backup_habit(habit: &BackupHabit) -> Result<(), String> {
    let text = serde_json::to_string(habit).map_err(|_| quota_message())?;
    storage().ok_or_else(no_storage)?.set_item(&key(BACKUP_HABIT), &text).map_err(|_| quota_message())
}

/// Whether this tab already asked the browser to keep the storage (once per tab session).
pub fn persistence_asked() -> bool {
    SessionStorage::raw().get_item(&key(PERSISTENCE_ASKED)).ok().flatten().is_some()
}

pub fn mark_persistence_asked() {
    let _ = SessionStorage::raw().set_item(&key(PERSISTENCE_ASKED), "1");
}

/// Writes a slot in one `setItem` (an interrupted save leaves the previous copy readable), unless
/// storage holds another save than `held` (`stamp::standing`): a later one, or the same revision
/// by another tab. Returns the new save's stamp, written by this tab.
pub fn save(slot: Slot, workspace: &Workspace, held: &Stamp) -> Result<Stamp, SaveError> {
    let storage = storage().ok_or_else(|| SaveError::Refused(no_storage()))?;
    if let Some(stored) = stored_text(slot) {
        if standing(held, &stamp_of(&stored)) != Standing::Same {
            return Err(SaveError::Conflict);
        }
    }
    let stamp = WRITER.with(|writer| held.next(writer));
    storage
        .set_item(&slot.key(), &encode_stamped(workspace, &stamp))
        .map_err(|_| SaveError::Refused(quota_message()))?;
    // An older build's copy not adopted at start (storage was full) is now superseded.
    let _ = storage.remove_item(&keys::legacy(&slot.name()));
    Ok(stamp)
}

/// The slot a storage key belongs to.
pub fn slot_of_key(key: &str) -> Option<Slot> {
    Slot::ALL.into_iter().find(|s| s.key() == key)
}

fn no_storage() -> String {
    "El navegador no permite guardar datos (localStorage desactivado).".to_string()
}

fn quota_message() -> String {
    "No se pudo guardar: el almacenamiento del navegador está lleno. Sus datos siguen abiertos en esta pestaña; descargue una copia de respaldo para no perderlos.".to_string()
}
