//! The app's reactive state: the open workspace, which slot it is, this tab's view of it, and storage notices.

use leptos::prelude::*;

use leptos::task::spawn_local;

use crate::domain::safekeeping::{persistence_notice, BackupHabit};
use crate::domain::{Selection, Workspace};
use crate::storage::document::{decode, stamp_of};
use crate::storage::local::{self, Loaded, SaveBlock, SaveError, Slot, StoredProblem};
use crate::storage::stamp::{standing, Stamp, Standing};
use crate::ui::browser::{ask_to_persist, mark_save_pending, next_paint};

/// Shared through context; every field is a signal, so the struct is `Copy`.
#[derive(Clone, Copy)]
pub struct AppState {
    pub workspace: RwSignal<Workspace>,
    /// The year, version and period this tab looks at, as chosen. Not part of the workspace: each
    /// tab keeps its own (in sessionStorage, so a reload keeps it).
    pub view: RwSignal<Selection>,
    /// The view within the open workspace (`Selection::within`): what every page computes for.
    pub selection: Memo<Selection>,
    pub slot: RwSignal<Slot>,
    /// A save that failed (quota, storage disabled); cleared by the next good save.
    pub save_error: RwSignal<Option<String>>,
    /// Stored data that could not be read, kept under a rescue key; its notice can be closed.
    pub stored_problem: RwSignal<Option<StoredProblem>>,
    /// Why the open slot is not saved (its only copy is unreadable, a newer build wrote it): kept
    /// apart from the notices, so closing one never lets a save overwrite what is stored.
    pub save_block: RwSignal<Option<SaveBlock>>,
    /// Another tab saved what this tab has not seen; this tab stops saving until reloaded.
    pub conflict: RwSignal<bool>,
    /// A passing message ("cambios de otra pestaña cargados").
    pub info: RwSignal<Option<String>>,
    /// The browser's answer to keeping this app's storage, once asked (`keeping`).
    pub kept: RwSignal<Option<&'static str>>,
    /// When the user last downloaded a backup of their own workspace, and the reminder's setting.
    pub backup: RwSignal<BackupHabit>,
    /// The stored save this tab's workspace derives from.
    held: StoredValue<Stamp>,
    /// Counts the times the workspace was replaced by what this tab did not edit (another tab's
    /// save, a reload from storage, a restored backup): undo starts afresh at each.
    loads: StoredValue<u64>,
    /// Set when the workspace was just loaded from storage, so the next save is skipped.
    skip_save: StoredValue<bool>,
    /// A save is scheduled for when the browser is next free (see `persist`).
    save_pending: StoredValue<bool>,
}

impl AppState {
    /// Opens the slot the user had open last.
    pub fn load() -> Self {
        local::adopt_legacy_keys();
        let slot = local::active_slot();
        let loaded = local::load(slot);
        let view = RwSignal::new(first_view(slot, &loaded));
        let skip_save = StoredValue::new(skips_first_save(&loaded));
        let workspace = RwSignal::new(loaded.workspace);
        let state = Self {
            workspace,
            view,
            selection: Memo::new(move |_| {
                let chosen = view.get();
                workspace.with(|ws| chosen.within(ws))
            }),
            slot: RwSignal::new(slot),
            save_error: RwSignal::new(None),
            stored_problem: RwSignal::new(loaded.problem),
            skip_save,
            save_block: RwSignal::new(loaded.block),
            conflict: RwSignal::new(false),
            info: RwSignal::new(None),
            kept: RwSignal::new(None),
            backup: RwSignal::new(local::backup_habit()),
            held: StoredValue::new(loaded.stamp),
            loads: StoredValue::new(0),
            save_pending: StoredValue::new(false),
        };
        // A scheduled save is written before the page goes away or into the background.
        window_event_listener(leptos::ev::pagehide, move |_| state.flush());
        window_event_listener(leptos::ev::visibilitychange, move |_| state.flush());
        state
    }

    /// How many times the workspace was replaced from outside this tab's edits.
    pub fn loads(&self) -> u64 {
        self.loads.get_value()
    }

    /// Another tab stored this slot: take its data if it is ours and a later save; another save
    /// of the same revision (two tabs saved at once) is a conflict.
    pub fn take_from_other_tab(&self, key: &str, raw: Option<String>) {
        if local::slot_of_key(key) != Some(self.slot.get_untracked()) {
            return;
        }
        // An edit of this tab not yet written meets the other tab's: it is refused as a
        // conflict, which the user sees, rather than dropped by taking the other data.
        self.flush();
        let Some(raw) = raw else { return };
        if self.conflict.get_untracked() || self.save_block.with_untracked(Option::is_some) {
            return;
        }
        let stamp = stamp_of(&raw);
        match standing(&self.held.get_value(), &stamp) {
            Standing::Same => return,
            Standing::Diverged => {
                self.conflict.set(true);
                return;
            }
            Standing::Newer => {}
        }
        // What this build cannot read (a newer build's save) is not taken; the next save is
        // refused as a conflict, so it is not overwritten either.
        let Ok(workspace) = decode(&raw) else { return };
        self.held.set_value(stamp);
        self.skip_save.set_value(true);
        self.replace(workspace);
        self.info.set(Some("Se cargaron los cambios guardados en otra pestaña.".to_string()));
    }

    /// Puts a workspace this tab did not edit in place of the open one: undo starts afresh, so it
    /// never takes back what came from elsewhere.
    fn replace(&self, workspace: Workspace) {
        *self.loads.write_value() += 1;
        self.workspace.set(workspace);
    }

    /// Replaces the open workspace with a backup, saved as any edit; not an undo step.
    pub fn restore(&self, workspace: Workspace) {
        self.replace(workspace);
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
        self.view.set(first_view(slot, &loaded));
        self.skip_save.set_value(skips_first_save(&loaded));
        if loaded.problem.is_some() {
            self.stored_problem.set(loaded.problem);
        }
        self.save_block.set(loaded.block);
        self.held.set_value(loaded.stamp);
        self.slot.set(slot);
        self.replace(loaded.workspace);
    }

    /// Replaces the example's edits with the published figures.
    pub fn reset_example(&self) {
        self.workspace.set(Slot::Example.fresh());
    }

    /// Called by an effect on every workspace change: schedules the save for after the browser
    /// has painted (`next_paint`), so an edit's tables reach the screen in its frame and the save
    /// (encoding the whole workspace) comes after; the changes of one frame are saved once.
    /// Leaving or hiding the page, switching workspace or taking another tab's data writes a
    /// scheduled save first.
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
        spawn_local(async move {
            next_paint().await;
            state.flush();
        });
    }

    /// Writes a scheduled save now, if there is one.
    pub fn flush(&self) {
        if std::mem::replace(&mut *self.save_pending.write_value(), false) {
            self.save();
            mark_save_pending(false);
        }
    }

    /// Writes the workspace to its slot, unless saving would lose what is stored.
    fn save(&self) {
        if self.conflict.get_untracked() {
            return;
        }
        if let Some(block) = self.save_block.get_untracked() {
            self.save_error.set(Some(block.refusal()));
            return;
        }
        let slot = self.slot.get_untracked();
        let held = self.held.get_value();
        match self.workspace.with_untracked(|ws| local::save(slot, ws, &held)) {
            Ok(stamp) => {
                // The first write of a fresh workspace is not an edit; the user's first edit of
                // their own workspace is when the browser is asked to keep it.
                if slot == Slot::Own && held.revision > 0 {
                    self.ask_to_keep_storage();
                }
                self.held.set_value(stamp);
                if self.save_error.get_untracked().is_some() {
                    self.save_error.set(None);
                }
            }
            Err(SaveError::Refused(message)) => self.save_error.set(Some(message)),
            Err(SaveError::Conflict) => self.conflict.set(true),
        }
    }

    /// Asks the browser to keep this app's storage when short of space (`navigator.storage.persist`),
    /// once per tab session and only if it is not kept already; the answer goes to `kept`.
    /// Without the API nothing is asked nor said.
    fn ask_to_keep_storage(&self) {
        if local::persistence_asked() {
            return;
        }
        local::mark_persistence_asked();
        let kept = self.kept;
        spawn_local(async move {
            if let Some(answer) = ask_to_persist().await {
                kept.set(Some(persistence_notice(answer)));
            }
        });
    }

    /// After a panic (`ui::recovery`): writes what this tab holds, even an edit whose save is not
    /// scheduled yet, unless storage has it already. Sets no signal (nothing may wake the stopped
    /// app). Whether storage now holds it.
    pub fn write_before_stop(&self) -> bool {
        if self.conflict.get_untracked() || self.save_block.with_untracked(Option::is_some) {
            return false;
        }
        let (slot, held) = (self.slot.get_untracked(), self.held.get_value());
        self.workspace.with_untracked(|ws| local::holds(slot, ws, &held) || local::save(slot, ws, &held).is_ok())
    }
}

/// A workspace just read from storage is not saved back unchanged; nor is one that must not be
/// saved at all (the refusal shows at the first edit, not on opening).
fn skips_first_save(loaded: &Loaded) -> bool {
    loaded.stamp.revision > 0 || loaded.block.is_some()
}

/// What a tab first shows of a slot: its own view before a reload, else the view an older
/// document kept, else this year (or, `Selection::within`, the workspace's latest year).
fn first_view(slot: Slot, loaded: &Loaded) -> Selection {
    local::tab_view(slot).or(loaded.view).unwrap_or_else(|| Selection::of_year(local::current_year()))
}

/// The state provided by `App`.
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
