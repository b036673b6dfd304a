//! Comparing two POI versions: AO added, removed and changed, and the sentences section 2 uses.

use rust_decimal::Decimal;

use super::edit::Series;
use super::period::Month;
use super::plan::{exact_sum, OperativeActivity};
use super::poi::PoiVersion;
use super::words::{counted, Gender};

/// An AO named in a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityRef {
    pub code: String,
    pub name: String,
}

impl ActivityRef {
    fn of(ao: &OperativeActivity) -> Self {
        Self { code: ao.code.clone(), name: ao.name.clone() }
    }
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

/// An AO present in both versions with something different.
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

/// What a later version changed against an earlier one, AO by AO (matched by code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionComparison {
    pub added: Vec<ActivityRef>,
    pub removed: Vec<ActivityRef>,
    pub changed: Vec<ActivityChange>,
}

fn yes_no(value: bool) -> String {
    if value { "Sí" } else { "No" }.to_string()
}

fn field_changes(before: &OperativeActivity, after: &OperativeActivity) -> Vec<FieldChange> {
    let fields: [(&'static str, String, String); 6] = [
        ("Denominación", before.name.clone(), after.name.clone()),
        ("Unidad de medida", before.unit.clone(), after.unit.clone()),
        ("AEI", before.aei_code.clone(), after.aei_code.clone()),
        ("Centro de costo", before.cost_center_code.clone(), after.cost_center_code.clone()),
        ("Categoría presupuestal", before.budget_category_code.clone(), after.budget_category_code.clone()),
        ("Seguimiento aprobado", yes_no(before.follow_up_approved), yes_no(after.follow_up_approved)),
    ];
    fields
        .into_iter()
        .filter(|(_, b, a)| b != a)
        .map(|(field, before, after)| FieldChange { field, before, after })
        .collect()
}

fn series_changes(before: &OperativeActivity, after: &OperativeActivity) -> Vec<SeriesChange> {
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

/// Compares `from` (earlier) with `to` (later): AO only in `to` were added, only in `from` removed.
pub fn compare(from: &PoiVersion, to: &PoiVersion) -> VersionComparison {
    let added = to.activities.iter().filter(|a| from.activity(&a.code).is_none()).map(ActivityRef::of).collect();
    let removed = from.activities.iter().filter(|a| to.activity(&a.code).is_none()).map(ActivityRef::of).collect();
    let changed = to
        .activities
        .iter()
        .filter_map(|after| {
            let before = from.activity(&after.code)?;
            let (fields, series) = (field_changes(before, after), series_changes(before, after));
            (!fields.is_empty() || !series.is_empty()).then(|| ActivityChange { activity: ActivityRef::of(after), fields, series })
        })
        .collect();
    VersionComparison { added, removed, changed }
}

fn activities(n: usize, singular: &str, plural: &str) -> String {
    counted(u32::try_from(n).unwrap_or(u32::MAX), Gender::Feminine, singular, plural)
}

impl VersionComparison {
    /// Whether the two versions hold the same AO with the same data.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }

    /// The sentences of section 2, as the reference words them:
    /// "Agregando cuatro (04) nuevas actividades operativas."
    pub fn sentences(&self) -> Vec<String> {
        let reprogrammed = self.changed.iter().filter(|c| c.changes_programming()).count();
        let updated = self.changed.len() - reprogrammed;
        let mut sentences = Vec::new();
        if !self.added.is_empty() {
            sentences.push(format!(
                "Agregando {}.",
                activities(self.added.len(), "nueva actividad operativa", "nuevas actividades operativas")
            ));
        }
        if !self.removed.is_empty() {
            sentences.push(format!("Retirando {}.", activities(self.removed.len(), "actividad operativa", "actividades operativas")));
        }
        if reprogrammed > 0 {
            sentences.push(format!(
                "Modificando la programación de {}.",
                activities(reprogrammed, "actividad operativa", "actividades operativas")
            ));
        }
        if updated > 0 {
            sentences.push(format!(
                "Actualizando los datos de {}.",
                activities(updated, "actividad operativa", "actividades operativas")
            ));
        }
        sentences
    }
}
