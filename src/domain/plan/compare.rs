//! Comparing two POI versions: AO and inversiones added, removed and changed, and the sentences
//! section 2 uses.

use rust_decimal::Decimal;

use super::items::PoiItem;
use crate::domain::plan::{Month, PoiVersion};
use super::series::{exact_sum, Series};
use crate::domain::language::{counted, Gender};

/// An AO (or an inversión, by its CUI) named in a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityRef {
    pub code: String,
    pub name: String,
}

/// A descriptive field of an AO that differs between the versions (name, unit, AEI, CC …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub field: &'static str,
    pub before: String,
    pub after: String,
}

/// One series of an AO whose monthly values differ: its totals and the months that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesChange {
    pub series: Series,
    pub total_before: Decimal,
    pub total_after: Decimal,
    pub months: Vec<(Month, Decimal, Decimal)>,
}

impl SeriesChange {
    /// "Programación financiera (S/): 21,000.00 → 24,500.00 (Jul: 3,500.00 → 7,000.00)".
    pub fn describe(&self) -> String {
        let s = self.series;
        let months: Vec<String> = self
            .months
            .iter()
            .map(|(m, before, after)| format!("{}: {} → {}", m.short_name(), s.display(*before), s.display(*after)))
            .collect();
        format!("{}: {} → {} ({})", s.label(), s.display(self.total_before), s.display(self.total_after), months.join("; "))
    }
}

/// An AO (or inversión) present in both versions with something different.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityChange {
    pub activity: ActivityRef,
    pub fields: Vec<FieldChange>,
    pub series: Vec<SeriesChange>,
}

impl ActivityChange {
    /// One line per difference: "Unidad de medida: INFORME → DOCUMENTO", then the series'.
    pub fn describe(&self) -> Vec<String> {
        let fields = self.fields.iter().map(|f| format!("{}: {} → {}", f.field, f.before, f.after));
        fields.chain(self.series.iter().map(SeriesChange::describe)).collect()
    }

    /// Whether physical or financial programming changed (not only execution or descriptive data).
    pub fn changes_programming(&self) -> bool {
        self.series.iter().any(|s| s.series == s.series.programming())
    }
}

/// What a later version changed against an earlier one, AO by AO (matched by code) and
/// inversión by inversión (matched by CUI).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionComparison {
    pub added: Vec<ActivityRef>,
    pub removed: Vec<ActivityRef>,
    pub changed: Vec<ActivityChange>,
    pub investments_added: Vec<ActivityRef>,
    pub investments_removed: Vec<ActivityRef>,
    pub investments_changed: Vec<ActivityChange>,
}

impl ActivityRef {
    fn of(item: &dyn PoiItem) -> Self {
        ActivityRef { code: item.code().to_string(), name: item.name().to_string() }
    }
}

fn field_changes<T: PoiItem>(before: &T, after: &T) -> Vec<FieldChange> {
    before
        .fields()
        .into_iter()
        .zip(after.fields())
        .filter(|((_, b), (_, a))| b != a)
        .map(|((field, before), (_, after))| FieldChange { field, before, after })
        .collect()
}

fn series_changes<T: PoiItem>(before: &T, after: &T) -> Vec<SeriesChange> {
    Series::ALL
        .iter()
        .filter_map(|&series| {
            let (b, a) = (series.values(before), series.values(after));
            let months: Vec<(Month, Decimal, Decimal)> =
                Month::all().filter(|m| b[m.index()] != a[m.index()]).map(|m| (m, b[m.index()], a[m.index()])).collect();
            (!months.is_empty()).then(|| SeriesChange { series, total_before: exact_sum(b), total_after: exact_sum(a), months })
        })
        .collect()
}

/// Items only in `to` (added), only in `from` (removed), and in both but different (changed).
fn differences<T: PoiItem>(from: &[T], to: &[T]) -> (Vec<ActivityRef>, Vec<ActivityRef>, Vec<ActivityChange>) {
    let find = |list: &'_ [T], code: &str| list.iter().position(|x| x.code() == code);
    let added = to.iter().filter(|a| find(from, a.code()).is_none()).map(|a| ActivityRef::of(a)).collect();
    let removed = from.iter().filter(|a| find(to, a.code()).is_none()).map(|a| ActivityRef::of(a)).collect();
    let changed = to
        .iter()
        .filter_map(|after| {
            let before = &from[find(from, after.code())?];
            let (fields, series) = (field_changes(before, after), series_changes(before, after));
            (!fields.is_empty() || !series.is_empty()).then(|| ActivityChange { activity: ActivityRef::of(after), fields, series })
        })
        .collect();
    (added, removed, changed)
}

/// Compares `from` (earlier) with `to` (later): AO and inversiones only in `to` were added, only in `from` removed.
pub fn compare(from: &PoiVersion, to: &PoiVersion) -> VersionComparison {
    let (added, removed, changed) = differences(&from.activities, &to.activities);
    let (investments_added, investments_removed, investments_changed) = differences(&from.investments, &to.investments);
    VersionComparison { added, removed, changed, investments_added, investments_removed, investments_changed }
}

fn activities(n: usize, singular: &str, plural: &str) -> String {
    counted(u32::try_from(n).unwrap_or(u32::MAX), Gender::Feminine, singular, plural)
}

/// The sentences for one kind of item: `new` and `noun` are its (singular, plural) forms.
fn sentences_of(added: usize, removed: usize, changed: &[ActivityChange], new: (&str, &str), noun: (&str, &str)) -> Vec<String> {
    let reprogrammed = changed.iter().filter(|c| c.changes_programming()).count();
    let updated = changed.len() - reprogrammed;
    let mut sentences = Vec::new();
    if added > 0 {
        sentences.push(format!("Agregando {}.", activities(added, new.0, new.1)));
    }
    if removed > 0 {
        sentences.push(format!("Retirando {}.", activities(removed, noun.0, noun.1)));
    }
    if reprogrammed > 0 {
        sentences.push(format!("Modificando la programación de {}.", activities(reprogrammed, noun.0, noun.1)));
    }
    if updated > 0 {
        sentences.push(format!("Actualizando los datos de {}.", activities(updated, noun.0, noun.1)));
    }
    sentences
}

impl VersionComparison {
    /// Whether the two versions hold the same AO and inversiones with the same data.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.investments_added.is_empty()
            && self.investments_removed.is_empty()
            && self.investments_changed.is_empty()
    }

    /// The sentences of section 2, as the reference words them ("Agregando cuatro (04) nuevas
    /// actividades operativas."), then the same for inversiones.
    pub fn sentences(&self) -> Vec<String> {
        let mut sentences = sentences_of(
            self.added.len(),
            self.removed.len(),
            &self.changed,
            ("nueva actividad operativa", "nuevas actividades operativas"),
            ("actividad operativa", "actividades operativas"),
        );
        sentences.extend(sentences_of(
            self.investments_added.len(),
            self.investments_removed.len(),
            &self.investments_changed,
            ("nueva inversión", "nuevas inversiones"),
            ("inversión", "inversiones"),
        ));
        sentences
    }
}
