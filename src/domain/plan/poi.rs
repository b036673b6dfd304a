//! The POI of a year and its approved versions, each a snapshot of its AO and inversiones (docs/FICHA.md, section 2).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::items::{Investment, ItemDescription, ItemKind, OperativeActivity, PoiItem};
use crate::domain::language::count_of;

/// The act approving a version: type, number and date ("Resolución Ministerial", "011-2023-TR").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Resolution {
    pub kind: String,
    pub number: String,
    /// ISO date (yyyy-mm-dd), empty when unknown.
    #[serde(default)]
    pub date: String,
}

impl Resolution {
    /// "Resolución Ministerial N° 011-2023-TR".
    pub fn citation(&self) -> String {
        format!("{} N° {}", self.kind, self.number)
    }
}

/// One change a version made, as the ficha narrates it (e.g. a transfer by decreto supremo adding one AO).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Amendment {
    /// The instrument, when it is not the version's own resolution ("Decreto Supremo N° 113-2023-EF").
    #[serde(default)]
    pub instrument: String,
    /// Why: the legal instrument and its purpose, as it will read in section 2.
    pub reason: String,
    /// AO this change added, as declared (the example's earlier AO are not published one by one).
    #[serde(default)]
    pub activities_added: Option<u32>,
    #[serde(default)]
    pub amount: Option<Decimal>,
}

/// A snapshot of the POI approved by one resolution. Version 0 is "POI consistente con el PIA";
/// `default()` is that first version, empty, its resolution still to fill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PoiVersion {
    pub number: u32,
    pub resolution: Resolution,
    #[serde(default)]
    pub amendments: Vec<Amendment>,
    /// PIA amount for version 0 (S/ 529,836,736 in the example).
    #[serde(default)]
    pub pia_amount: Option<Decimal>,
    /// AO in this version, declared; `None` means count `activities`.
    #[serde(default)]
    pub declared_activity_count: Option<u32>,
    pub activities: Vec<OperativeActivity>,
    #[serde(default)]
    pub investments: Vec<Investment>,
}

impl PoiVersion {
    /// "POI consistente con el PIA" or "POI Modificado versión N".
    pub fn label(&self) -> String {
        if self.number == 0 {
            "POI consistente con el PIA".to_string()
        } else {
            format!("POI Modificado versión {}", self.number)
        }
    }

    /// The AO with the given code.
    pub fn activity(&self, code: &str) -> Option<&OperativeActivity> {
        self.activities.iter().find(|a| a.code == code)
    }

    /// The AO with the given code, for editing.
    pub fn activity_mut(&mut self, code: &str) -> Option<&mut OperativeActivity> {
        self.activities.iter_mut().find(|a| a.code == code)
    }

    /// The inversión with the given CUI.
    pub fn investment(&self, cui: &str) -> Option<&Investment> {
        self.investments.iter().find(|i| i.cui == cui)
    }

    /// Every item of the version: its AO, then its inversiones.
    pub fn items(&self) -> impl Iterator<Item = &dyn PoiItem> {
        let activities = self.activities.iter().map(|a| a as &dyn PoiItem);
        activities.chain(self.investments.iter().map(|i| i as &dyn PoiItem))
    }

    /// Every item of the version, for editing.
    pub fn items_mut(&mut self) -> impl Iterator<Item = &mut dyn PoiItem> {
        let activities = self.activities.iter_mut().map(|a| a as &mut dyn PoiItem);
        activities.chain(self.investments.iter_mut().map(|i| i as &mut dyn PoiItem))
    }

    /// Keeps the items for which `keep` is true, AO and inversiones alike.
    pub fn retain_items(&mut self, mut keep: impl FnMut(&dyn PoiItem) -> bool) {
        self.activities.retain(|a| keep(a));
        self.investments.retain(|i| keep(i));
    }

    /// The items of one AEI, AO first: what its grids and its sheet edit.
    pub fn items_of<'a>(&'a self, aei_code: &'a str) -> impl Iterator<Item = &'a dyn PoiItem> {
        self.items().filter(move |item| item.aei_code() == aei_code)
    }

    /// The AO with this code or, failing that, the inversión with this CUI.
    pub fn item(&self, code: &str) -> Option<&dyn PoiItem> {
        match self.activity(code) {
            Some(ao) => Some(ao),
            None => self.investment(code).map(|i| i as &dyn PoiItem),
        }
    }

    /// The item with this code (see `item`), for editing.
    pub fn item_mut(&mut self, code: &str) -> Option<&mut dyn PoiItem> {
        if self.activity(code).is_some() {
            return self.activity_mut(code).map(|a| a as &mut dyn PoiItem);
        }
        self.investments.iter_mut().find(|i| i.cui == code).map(|i| i as &mut dyn PoiItem)
    }

    /// The item of that kind with that code, for editing.
    pub fn item_of_kind_mut(&mut self, kind: ItemKind, code: &str) -> Option<&mut dyn PoiItem> {
        match kind {
            ItemKind::Activity => self.activities.iter_mut().find(|a| a.code == code).map(|a| a as &mut dyn PoiItem),
            ItemKind::Investment => self.investments.iter_mut().find(|i| i.cui == code).map(|i| i as &mut dyn PoiItem),
        }
    }

    /// Rewrites what the item of that kind with code `original` is (its monthly values stay), or
    /// adds one so described, without programming, when there is none (`original` `None`: adding).
    pub fn put_item(&mut self, kind: ItemKind, original: Option<&str>, description: ItemDescription) {
        if let Some(item) = original.and_then(|code| self.item_of_kind_mut(kind, code)) {
            item.describe(description);
            return;
        }
        match kind {
            ItemKind::Activity => {
                let mut ao = OperativeActivity::new("", "", "", "", "");
                ao.describe(description);
                self.activities.push(ao);
            }
            ItemKind::Investment => {
                let mut inv = Investment::new("", "", "", "", "");
                inv.describe(description);
                self.investments.push(inv);
            }
        }
    }

    /// The version's own reason: the amendment made by its own resolution (no other instrument),
    /// the one the "Nueva modificación del POI" form asked for.
    pub fn own_reason(&self) -> &str {
        self.amendments.iter().find(|a| a.instrument.trim().is_empty()).map_or("", |a| a.reason.as_str())
    }

    /// Rewrites the version's own reason, keeping what else its amendment declares.
    pub fn set_own_reason(&mut self, reason: String) {
        match self.amendments.iter_mut().find(|a| a.instrument.trim().is_empty()) {
            Some(own) => own.reason = reason,
            None if !reason.is_empty() => self.amendments.insert(0, Amendment { reason, ..Amendment::default() }),
            None => {}
        }
    }
}

/// Adds counts of AO as stored, which may be any `u32`: saturating keeps a nonsense count from
/// stopping the draft (words past 999,999 are written as digits).
fn count_sum(counts: impl IntoIterator<Item = u32>) -> u32 {
    counts.into_iter().fold(0, u32::saturating_add)
}

/// The AO a version added: its own count, and one per amendment made by another instrument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddedActivities<'v> {
    pub own: u32,
    pub by_instrument: Vec<(&'v Amendment, u32)>,
}

impl AddedActivities<'_> {
    /// Every AO the version added, its own and its other instruments'.
    pub fn total(&self) -> u32 {
        self.own.saturating_add(count_sum(self.by_instrument.iter().map(|(_, n)| *n)))
    }
}

impl PoiVersion {
    /// AO in the first version: as declared, else as its amendments declare, else as listed.
    pub fn initial_activity_count(&self) -> u32 {
        let declared: Vec<u32> = self.amendments.iter().filter_map(|a| a.activities_added).collect();
        self.declared_activity_count
            .or_else(|| (!declared.is_empty()).then(|| count_sum(declared)))
            .unwrap_or(count_of(self.activities.len()))
    }

    /// The AO this version added to `previous`: declared counts where its amendments declare
    /// them, else the AO codes new to this version.
    pub fn activities_added_to(&self, previous: &PoiVersion) -> AddedActivities<'_> {
        let declared = self.amendments.iter().any(|a| a.activities_added.is_some());
        let by_instrument: Vec<(&Amendment, u32)> = self
            .amendments
            .iter()
            .filter(|a| !a.instrument.trim().is_empty())
            .map(|a| (a, if declared { a.activities_added.unwrap_or(0) } else { 0 }))
            .collect();
        let own = if declared {
            count_sum(self.amendments.iter().filter(|a| a.instrument.trim().is_empty()).filter_map(|a| a.activities_added))
        } else {
            count_of(self.activities.iter().filter(|a| previous.activity(&a.code).is_none()).count())
        };
        AddedActivities { own, by_instrument }
    }
}

/// The POI of one year: its versions in approval order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Poi {
    pub versions: Vec<PoiVersion>,
}

impl Poi {
    /// The latest version, the one a new ficha evaluates.
    pub fn latest(&self) -> Option<&PoiVersion> {
        self.versions.last()
    }

    /// The version with the given number.
    pub fn version(&self, number: u32) -> Option<&PoiVersion> {
        self.versions.iter().find(|v| v.number == number)
    }

    /// The version with the given number, for editing. Only the latest version is editable:
    /// earlier ones are approved snapshots.
    pub fn editable_version_mut(&mut self, number: u32) -> Option<&mut PoiVersion> {
        match self.versions.last_mut() {
            Some(v) if v.number == number => Some(v),
            _ => None,
        }
    }

    /// The version approved just before the one with the given number.
    pub fn previous(&self, number: u32) -> Option<&PoiVersion> {
        let at = self.versions.iter().position(|v| v.number == number)?;
        at.checked_sub(1).map(|i| &self.versions[i])
    }

    /// A new version copied from the latest, so nothing earlier changes.
    pub fn amend(&mut self, resolution: Resolution, amendment: Amendment) -> u32 {
        let mut next = self.versions.last().cloned().unwrap_or_default();
        next.number = self.versions.last().map_or(0, |v| v.number + 1);
        next.resolution = resolution;
        next.amendments = if amendment == Amendment::default() { Vec::new() } else { vec![amendment] };
        next.pia_amount = None;
        next.declared_activity_count = None;
        let number = next.number;
        self.versions.push(next);
        number
    }
}
