//! Editing the plan structure of a year (OEI, AEI, CC, categorías, AO, inversiones), POI versions
//! (new ones, and correcting the resolution of the latest) and new years.

use std::fmt;

use rust_decimal::Decimal;

use crate::domain::calendar::{Date, DateError};
use crate::domain::language::{counted, parse_number, plain, DecimalMark, Gender, NumberError, NumberKind};
use crate::domain::plan::{
    Aei, Amendment, BudgetCategory, CostCenter, Indicator, Investment, ItemDescription, ItemKind, MonthlyValues, Oei,
    OperativeActivity, PoiItem, PoiVersion, Resolution,
};
use crate::domain::{Selection, Workspace, YearPlan};

/// What a structure edit acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Item {
    Oei,
    Aei,
    CostCenter,
    BudgetCategory,
    Activity,
    Investment,
}

impl Item {
    /// The item an AO or an inversión is.
    pub fn of(kind: ItemKind) -> Self {
        match kind {
            ItemKind::Activity => Item::Activity,
            ItemKind::Investment => Item::Investment,
        }
    }

    /// The noun with its definite article: "la AEI", "el centro de costo".
    fn the(self) -> &'static str {
        match self {
            Item::Oei => "el OEI",
            Item::Aei => "la AEI",
            Item::CostCenter => "el centro de costo",
            Item::BudgetCategory => "la categoría presupuestal",
            Item::Activity => "la actividad operativa",
            Item::Investment => "la inversión",
        }
    }

    /// What its code is called: an inversión is known by its CUI.
    fn code_noun(self) -> &'static str {
        match self {
            Item::Investment => "CUI",
            _ => "código",
        }
    }

    /// "de la AEI", "del centro de costo".
    fn of_the(self) -> String {
        let the = self.the();
        the.strip_prefix("el ").map_or_else(|| format!("de {the}"), |rest| format!("del {rest}"))
    }

    /// The noun with its indefinite article: "una AEI", "un centro de costo".
    fn a(self) -> String {
        let the = self.the();
        the.strip_prefix("el ").map_or_else(|| the.replacen("la ", "una ", 1), |rest| format!("un {rest}"))
    }

    /// "La AEI", "El centro de costo", to start a sentence.
    fn the_capitalized(self) -> String {
        let the = self.the();
        let mut chars = the.chars();
        chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
    }
}

/// The code-and-name lists of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Catalog {
    Oei,
    CostCenter,
    BudgetCategory,
}

impl Catalog {
    /// The item the list holds.
    pub fn item(self) -> Item {
        match self {
            Catalog::Oei => Item::Oei,
            Catalog::CostCenter => Item::CostCenter,
            Catalog::BudgetCategory => Item::BudgetCategory,
        }
    }
}

/// Why a structure edit was refused; the message says what to do, in Spanish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StructureError {
    EmptyCode(Item),
    EmptyName(Item),
    /// Unidad de medida of an AO or an inversión.
    EmptyUnit(Item),
    /// A CUI with something other than digits.
    BadCui(String),
    /// A list pick (AEI, CC of an AO) left empty.
    NotChosen(Item),
    DuplicateCode(Item, String),
    Unknown(Item, String),
    BadNumber { field: Field, found: String, reason: NumberError },
    MissingExpectedValue,
    /// Approved (earlier) POI versions use it; they never change.
    UsedByApprovedVersions { item: Item, code: String, versions: Vec<String> },
    EmptyResolutionKind,
    EmptyResolutionNumber,
    MissingResolutionDate,
    BadResolutionDate(DateError),
    /// A version cannot be approved before the version it modifies.
    DateBeforePrevious { date: Date, previous: String, previous_date: Date },
    EmptyReason,
    /// Only the latest version can be corrected; this one (its label) is an approved snapshot.
    ApprovedVersion(String),
    UnknownVersion(u32),
    NoYear,
    YearExists(u16),
    NoPreviousYear(u16),
}

impl fmt::Display for StructureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StructureError::EmptyCode(item) => write!(f, "Indique el {} {}.", item.code_noun(), item.of_the()),
            StructureError::EmptyName(item) => write!(f, "Indique la denominación {}.", item.of_the()),
            StructureError::EmptyUnit(item) => write!(f, "Indique la unidad de medida {}.", item.of_the()),
            StructureError::BadCui(found) => {
                write!(f, "El CUI «{found}» no es válido: el código único de inversión tiene solo dígitos (por ejemplo, 2456789).")
            }
            StructureError::NotChosen(item) => write!(f, "Elija {}.", item.the()),
            StructureError::DuplicateCode(item, code) => write!(f, "Ya existe {} con el {} «{code}».", item.a(), item.code_noun()),
            StructureError::Unknown(item, code) => write!(f, "No existe {} «{code}» en este año.", item.the()),
            StructureError::BadNumber { field, found, reason } => write!(f, "{}: «{found}» {reason}.", field.label()),
            StructureError::MissingExpectedValue => {
                f.write_str("Indique el logro esperado del indicador o marque «Sin meta programada».")
            }
            StructureError::UsedByApprovedVersions { item, code, versions } => write!(
                f,
                "{} «{code}» está en uso en versiones aprobadas del POI ({}), que no se modifican: no se puede cambiar su código ni eliminar.",
                item.the_capitalized(),
                versions.join(", ")
            ),
            StructureError::EmptyResolutionKind => f.write_str("Indique el tipo de la resolución que aprueba la versión."),
            StructureError::EmptyResolutionNumber => f.write_str("Indique el número de la resolución que aprueba la versión."),
            StructureError::MissingResolutionDate => f.write_str("Indique la fecha de la resolución."),
            StructureError::BadResolutionDate(e) => write!(f, "Fecha de la resolución: {e}."),
            StructureError::DateBeforePrevious { date, previous, previous_date } => write!(
                f,
                "La fecha de la resolución ({}) es anterior a la del {previous} ({}): una versión no puede aprobarse antes que la versión que modifica.",
                date.dmy(),
                previous_date.dmy()
            ),
            StructureError::EmptyReason => f.write_str("Indique el motivo de la modificación."),
            StructureError::ApprovedVersion(label) => write!(
                f,
                "El {label} es una versión aprobada y queda de solo lectura: solo se puede corregir la resolución de la última versión."
            ),
            StructureError::UnknownVersion(number) => write!(f, "No existe la versión {number} del POI en este año."),
            StructureError::NoYear => f.write_str("No hay un año seleccionado."),
            StructureError::YearExists(year) => write!(f, "El año {year} ya existe en el espacio de trabajo."),
            StructureError::NoPreviousYear(year) => write!(f, "No hay un año anterior a {year} del cual copiar la estructura."),
        }
    }
}

/// The form field an error belongs to, so the UI shows the message at that field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Code,
    Name,
    Unit,
    Oei,
    Aei,
    CostCenter,
    BudgetCategory,
    Baseline,
    ExpectedValue,
    ResolutionKind,
    ResolutionNumber,
    ResolutionDate,
    Reason,
}

impl Field {
    /// The field's label, as messages name it.
    pub fn label(self) -> &'static str {
        match self {
            Field::Code => "Código",
            Field::Name => "Denominación",
            Field::Unit => "Unidad de medida",
            Field::Oei => "OEI",
            Field::Aei => "AEI",
            Field::CostCenter => "Centro de costo",
            Field::BudgetCategory => "Categoría presupuestal",
            Field::Baseline => "Línea de base",
            Field::ExpectedValue => "Logro esperado",
            Field::ResolutionKind => "Tipo de resolución",
            Field::ResolutionNumber => "Número",
            Field::ResolutionDate => "Fecha",
            Field::Reason => "Motivo",
        }
    }

    /// The field where an item is picked from a list.
    fn pick_of(item: Item) -> Option<Field> {
        match item {
            Item::Oei => Some(Field::Oei),
            Item::Aei => Some(Field::Aei),
            Item::CostCenter => Some(Field::CostCenter),
            Item::BudgetCategory => Some(Field::BudgetCategory),
            Item::Activity | Item::Investment => None,
        }
    }
}

impl StructureError {
    /// The field the message belongs at; `None` for what concerns the whole form.
    pub fn field(&self) -> Option<Field> {
        match self {
            StructureError::EmptyCode(_)
            | StructureError::BadCui(_)
            | StructureError::DuplicateCode(..)
            | StructureError::UsedByApprovedVersions { .. } => Some(Field::Code),
            StructureError::EmptyName(_) => Some(Field::Name),
            StructureError::EmptyUnit(_) => Some(Field::Unit),
            StructureError::NotChosen(item) | StructureError::Unknown(item, _) => Field::pick_of(*item),
            StructureError::BadNumber { field, .. } => Some(*field),
            StructureError::MissingExpectedValue => Some(Field::ExpectedValue),
            StructureError::EmptyResolutionKind => Some(Field::ResolutionKind),
            StructureError::EmptyResolutionNumber => Some(Field::ResolutionNumber),
            StructureError::MissingResolutionDate
            | StructureError::BadResolutionDate(_)
            | StructureError::DateBeforePrevious { .. } => Some(Field::ResolutionDate),
            StructureError::EmptyReason => Some(Field::Reason),
            StructureError::ApprovedVersion(_)
            | StructureError::UnknownVersion(_)
            | StructureError::NoYear
            | StructureError::YearExists(_)
            | StructureError::NoPreviousYear(_) => None,
        }
    }
}

/// The text of a code-and-name form (OEI, centro de costo, categoría presupuestal).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CodeNameDraft {
    pub code: String,
    pub name: String,
}

/// The text of the AEI form, indicator included.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AeiDraft {
    pub code: String,
    pub name: String,
    pub oei_code: String,
    pub indicator_name: String,
    pub indicator_unit: String,
    pub baseline: String,
    pub expected_value: String,
    /// "Sin meta programada": the year has no goal, whatever `expected_value` says.
    pub no_goal: bool,
}

impl AeiDraft {
    /// The form filled with an AEI, to edit it.
    pub fn of(aei: &Aei) -> Self {
        let number = |v: Option<Decimal>| v.map(plain).unwrap_or_default();
        Self {
            code: aei.code.clone(),
            name: aei.name.clone(),
            oei_code: aei.oei_code.clone(),
            indicator_name: aei.indicator.name.clone(),
            indicator_unit: aei.indicator.unit.clone(),
            baseline: number(aei.indicator.baseline),
            expected_value: number(aei.indicator.expected_value),
            no_goal: aei.indicator.expected_value.is_none(),
        }
    }
}

/// The text of the AO or inversión form; AEI, CC and categoría are codes picked from the year's lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemDraft {
    /// The AO's code, the inversión's CUI.
    pub code: String,
    pub name: String,
    pub unit: String,
    pub aei_code: String,
    pub cost_center_code: String,
    /// An AO's categoría presupuestal (optional); an inversión's form has none.
    pub budget_category_code: String,
    pub follow_up_approved: bool,
}

impl Default for ItemDraft {
    fn default() -> Self {
        Self {
            code: String::new(),
            name: String::new(),
            unit: String::new(),
            aei_code: String::new(),
            cost_center_code: String::new(),
            budget_category_code: String::new(),
            follow_up_approved: true,
        }
    }
}

impl ItemDraft {
    /// The form filled with an AO or inversión, to edit it.
    pub fn of(item: &dyn PoiItem) -> Self {
        Self {
            code: item.code().to_string(),
            name: item.name().to_string(),
            unit: item.unit().to_string(),
            aei_code: item.aei_code().to_string(),
            cost_center_code: item.cost_center_code().to_string(),
            budget_category_code: item.budget_category_code().to_string(),
            follow_up_approved: item.follow_up_approved(),
        }
    }
}

/// Kinds of resolution offered as suggestions when a version is registered; any other may be typed.
pub const RESOLUTION_KINDS: [&str; 4] = [
    "Resolución Ministerial",
    "Resolución del Secretario General",
    "Resolución de Gerencia General",
    "Resolución Directoral Ejecutiva",
];

/// The text of the "Nueva modificación del POI" form, and of the correction of the latest version.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AmendmentDraft {
    /// "Resolución del Secretario General".
    pub kind: String,
    pub number: String,
    /// ISO date (yyyy-mm-dd) from the date picker.
    pub date: String,
    pub reason: String,
}

impl AmendmentDraft {
    /// The form filled with a version's resolution and own reason, to correct them.
    pub fn of(version: &PoiVersion) -> Self {
        Self {
            kind: version.resolution.kind.clone(),
            number: version.resolution.number.clone(),
            date: version.resolution.date.clone(),
            reason: version.own_reason().to_string(),
        }
    }

    /// The resolution and reason after checking them for a version that follows `previous`: type,
    /// number and a valid date not before the previous version's; a reason for every modification
    /// (version `number` > 0; the first version is approved with the PIA, not for a reason).
    fn validated(&self, number: u32, previous: Option<&PoiVersion>) -> Result<(Resolution, String), Vec<StructureError>> {
        let mut errors = Vec::new();
        let kind = require(&self.kind, StructureError::EmptyResolutionKind, &mut errors);
        let resolution_number = require(&self.number, StructureError::EmptyResolutionNumber, &mut errors);
        let date = self.date.trim();
        if date.is_empty() {
            errors.push(StructureError::MissingResolutionDate);
        } else {
            match Date::parse_iso(date) {
                Err(e) => errors.push(StructureError::BadResolutionDate(e)),
                Ok(date) => {
                    let earlier = previous.and_then(|p| Date::parse_iso(&p.resolution.date).ok().map(|d| (p, d)));
                    if let Some((previous, previous_date)) = earlier.filter(|(_, d)| date < *d) {
                        errors.push(StructureError::DateBeforePrevious { date, previous: previous.label(), previous_date });
                    }
                }
            }
        }
        let reason = self.reason.trim().to_string();
        if reason.is_empty() && number > 0 {
            errors.push(StructureError::EmptyReason);
        }
        if errors.is_empty() {
            Ok((Resolution { kind, number: resolution_number, date: date.to_string() }, reason))
        } else {
            Err(errors)
        }
    }
}

/// What uses an item: AO and inversiones of the latest version, AEI of an OEI.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dependents {
    /// "AOI00106600085: SEGUIMIENTO …"
    pub activities: Vec<String>,
    /// "Inversión 2456789: …"
    pub investments: Vec<String>,
    /// AEI codes of an OEI.
    pub aeis: Vec<String>,
}

impl Dependents {
    /// Nothing depends on the item: it can go without asking.
    pub fn is_empty(&self) -> bool {
        self.activities.is_empty() && self.investments.is_empty() && self.aeis.is_empty()
    }

    /// What the confirm step says before deleting `item` «code»: who uses it and what will happen to them.
    pub fn warning(&self, item: Item, code: &str) -> String {
        let n = |len: usize| u32::try_from(len).unwrap_or(u32::MAX);
        let (users, consequence) = if self.aeis.is_empty() {
            let listed: Vec<&str> = self.activities.iter().chain(&self.investments).map(String::as_str).collect();
            let users = format!(
                "{} en la última versión del POI: {}",
                counted(n(listed.len()), Gender::Feminine, "actividad operativa o inversión", "actividades operativas o inversiones"),
                listed.join("; ")
            );
            let those = match (self.activities.is_empty(), self.investments.is_empty()) {
                (false, true) => "esas actividades",
                (true, false) => "esas inversiones",
                _ => "esas actividades e inversiones",
            };
            let consequence = match item {
                Item::BudgetCategory => format!("Si la elimina, {those} quedarán sin categoría presupuestal."),
                _ => format!("Si lo confirma, se eliminarán también {those}, con su programación y ejecución."),
            };
            (users, consequence)
        } else {
            (
                format!("{}: {}", counted(n(self.aeis.len()), Gender::Feminine, "AEI", "AEI"), self.aeis.join(", ")),
                "Si lo elimina, esas AEI quedarán sin OEI.".to_string(),
            )
        };
        format!("{} «{code}» tiene {users}. {consequence}", item.the_capitalized())
    }
}

/// Code-and-name lists kept per year.
trait CodeNamed {
    fn code(&self) -> &str;
    fn make(code: String, name: String) -> Self;
}

macro_rules! code_named {
    ($($t:ty),*) => {$(
        impl CodeNamed for $t {
            fn code(&self) -> &str {
                &self.code
            }
            fn make(code: String, name: String) -> Self {
                Self { code, name }
            }
        }
    )*};
}
code_named!(Oei, CostCenter, BudgetCategory);

/// Adds (`original` = None) or replaces the entry with code `original`.
fn upsert<T: CodeNamed>(list: &mut Vec<T>, original: Option<&str>, value: T) {
    match original.and_then(|o| list.iter().position(|e| e.code() == o)) {
        Some(i) => list[i] = value,
        None => list.push(value),
    }
}

fn require(text: &str, error: StructureError, errors: &mut Vec<StructureError>) -> String {
    let text = text.trim();
    if text.is_empty() {
        errors.push(error);
    }
    text.to_string()
}

/// A number of the indicator: empty is `None`.
fn optional_number(field: Field, text: &str, errors: &mut Vec<StructureError>) -> Option<Decimal> {
    if text.trim().is_empty() {
        return None;
    }
    parse_number(text, NumberKind::Quantity, DecimalMark::Point)
        .map_err(|reason| errors.push(StructureError::BadNumber { field, found: text.trim().to_string(), reason }))
        .ok()
}

/// The code an AO or inversión links to for that kind of list entry, if it links to that kind
/// (an inversión has no categoría).
fn linked_code(item: Item, it: &dyn PoiItem) -> Option<&str> {
    match item {
        Item::Aei => Some(it.aei_code()),
        Item::CostCenter => Some(it.cost_center_code()),
        Item::BudgetCategory => (it.kind() == ItemKind::Activity).then(|| it.budget_category_code()),
        Item::Oei | Item::Activity | Item::Investment => None,
    }
}

fn uses(item: Item, code: &str, it: &dyn PoiItem) -> bool {
    linked_code(item, it) == Some(code)
}

fn version_uses(item: Item, code: &str, version: &PoiVersion) -> bool {
    version.items().any(|it| uses(item, code, it))
}

/// The code a new centro de costo gets when none is given: one above the largest numeric code,
/// as wide as most codes are (with leading zeros), `01` for the first. `taken` also holds the
/// codes already handed out, so several new ones in a row differ.
pub fn next_free_code<'a>(taken: impl IntoIterator<Item = &'a str>) -> String {
    let taken: Vec<&str> = taken.into_iter().collect();
    let numeric: Vec<&str> = taken.iter().copied().filter(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit())).collect();
    let largest = numeric.iter().filter_map(|c| c.parse::<u64>().ok()).max().unwrap_or(0);
    let mut widths: Vec<usize> = numeric.iter().map(|c| c.len()).collect();
    widths.sort_unstable();
    let width = widths
        .chunk_by(|a, b| a == b)
        .max_by_key(|run| (run.len(), std::cmp::Reverse(run[0])))
        .map_or(2, |run| run[0]);
    let mut next = largest + 1;
    loop {
        let code = format!("{next:0width$}");
        if !taken.contains(&code.as_str()) {
            return code;
        }
        next += 1;
    }
}

impl YearPlan {
    /// Labels of the approved versions (all but the latest) whose AO or inversiones link to the item.
    fn approved_versions_using(&self, item: Item, code: &str) -> Vec<String> {
        let versions = &self.poi.versions;
        let approved = &versions[..versions.len().saturating_sub(1)];
        approved.iter().filter(|v| version_uses(item, code, v)).map(PoiVersion::label).collect()
    }

    /// Refuses when approved versions use the item.
    fn check_not_approved(&self, item: Item, code: &str) -> Result<(), StructureError> {
        let versions = self.approved_versions_using(item, code);
        if versions.is_empty() {
            Ok(())
        } else {
            Err(StructureError::UsedByApprovedVersions { item, code: code.to_string(), versions })
        }
    }

    /// The latest version, created empty ("POI consistente con el PIA", resolution to fill) if the
    /// year has none yet, so the first AO has somewhere to live.
    fn latest_version_mut(&mut self) -> &mut PoiVersion {
        if self.poi.versions.is_empty() {
            self.poi.versions.push(PoiVersion::default());
        }
        self.poi.versions.last_mut().expect("a version was just ensured")
    }

    /// Whether the year's list of that kind has the code.
    fn has(&self, item: Item, code: &str) -> bool {
        match item {
            Item::Oei => self.oeis.iter().any(|e| e.code == code),
            Item::Aei => self.aei(code).is_some(),
            Item::CostCenter => self.cost_centers.iter().any(|e| e.code == code),
            Item::BudgetCategory => self.budget_categories.iter().any(|e| e.code == code),
            Item::Activity => self.poi.latest().is_some_and(|v| v.activity(code).is_some()),
            Item::Investment => self.poi.latest().is_some_and(|v| v.investment(code).is_some()),
        }
    }

    /// Points what used `from` at `to`: AEI of an OEI, or AO and inversiones of the latest version.
    fn relink(&mut self, item: Item, from: &str, to: &str) {
        if from == to {
            return;
        }
        if item == Item::Oei {
            self.aeis.iter_mut().filter(|a| a.oei_code == from).for_each(|a| a.oei_code = to.to_string());
            return;
        }
        if let Some(latest) = self.poi.versions.last_mut() {
            for it in latest.items_mut().filter(|it| uses(item, from, &**it)) {
                let mut description = it.description();
                match item {
                    Item::Aei => description.aei_code = to.to_string(),
                    Item::CostCenter => description.cost_center_code = to.to_string(),
                    Item::BudgetCategory => description.budget_category_code = to.to_string(),
                    Item::Oei | Item::Activity | Item::Investment => {}
                }
                it.describe(description);
            }
        }
    }

    /// Checks a new or changed code: not empty, not taken by another entry.
    fn check_code(&self, item: Item, original: Option<&str>, code: &str, errors: &mut Vec<StructureError>) {
        if !code.is_empty() && original != Some(code) && self.has(item, code) {
            errors.push(StructureError::DuplicateCode(item, code.to_string()));
        }
        if let Some(original) = original.filter(|o| *o != code && !code.is_empty()) {
            if let Err(e) = self.check_not_approved(item, original) {
                errors.push(e);
            }
        }
    }
}

/// Structure edits act on the year given (the one the user views); AO on its latest version,
/// approved versions never change.
impl Workspace {
    fn year_plan_mut(&mut self, year: u16) -> Result<&mut YearPlan, StructureError> {
        self.year_mut(year).ok_or(StructureError::NoYear)
    }

    /// Adds an OEI, centro de costo or categoría (`original` = None) or changes the one with that code.
    pub fn save_code_name(&mut self, year: u16, catalog: Catalog, original: Option<&str>, draft: &CodeNameDraft) -> Result<(), Vec<StructureError>> {
        let item = catalog.item();
        let year = self.year_plan_mut(year).map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        let code = require(&draft.code, StructureError::EmptyCode(item), &mut errors);
        let name = require(&draft.name, StructureError::EmptyName(item), &mut errors);
        year.check_code(item, original, &code, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        match catalog {
            Catalog::Oei => upsert(&mut year.oeis, original, Oei::make(code.clone(), name)),
            Catalog::CostCenter => upsert(&mut year.cost_centers, original, CostCenter::make(code.clone(), name)),
            Catalog::BudgetCategory => upsert(&mut year.budget_categories, original, BudgetCategory::make(code.clone(), name)),
        }
        if let Some(original) = original {
            year.relink(item, original, &code);
        }
        Ok(())
    }

    /// Adds an AEI (`original` = None) or changes the one with that code, indicator included.
    pub fn save_aei(&mut self, year: u16, original: Option<&str>, draft: &AeiDraft) -> Result<(), Vec<StructureError>> {
        let year = self.year_plan_mut(year).map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        let code = require(&draft.code, StructureError::EmptyCode(Item::Aei), &mut errors);
        let name = require(&draft.name, StructureError::EmptyName(Item::Aei), &mut errors);
        year.check_code(Item::Aei, original, &code, &mut errors);
        let oei_code = draft.oei_code.trim().to_string();
        if !oei_code.is_empty() && !year.has(Item::Oei, &oei_code) {
            errors.push(StructureError::Unknown(Item::Oei, oei_code.clone()));
        }
        let baseline = optional_number(Field::Baseline, &draft.baseline, &mut errors);
        let expected_value = if draft.no_goal {
            None
        } else if draft.expected_value.trim().is_empty() {
            errors.push(StructureError::MissingExpectedValue);
            None
        } else {
            optional_number(Field::ExpectedValue, &draft.expected_value, &mut errors)
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let aei = Aei {
            code: code.clone(),
            name,
            oei_code,
            indicator: Indicator {
                name: draft.indicator_name.trim().to_string(),
                unit: draft.indicator_unit.trim().to_string(),
                baseline,
                expected_value,
            },
        };
        match original.and_then(|o| year.aeis.iter().position(|a| a.code == o)) {
            Some(i) => year.aeis[i] = aei,
            None => year.aeis.push(aei),
        }
        if let Some(original) = original {
            year.relink(Item::Aei, original, &code);
        }
        Ok(())
    }

    /// Adds an AO or an inversión to the latest version (`original` = None) or changes the one
    /// with that code (an inversión's is its CUI, digits only); its monthly values stay as they are.
    /// AEI and CC are required, an AO's categoría optional; each must be in the year's lists.
    pub fn save_item(&mut self, year: u16, kind: ItemKind, original: Option<&str>, draft: &ItemDraft) -> Result<(), Vec<StructureError>> {
        let item = Item::of(kind);
        let year = self.year_plan_mut(year).map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        let code = require(&draft.code, StructureError::EmptyCode(item), &mut errors);
        if kind == ItemKind::Investment && !code.is_empty() && !code.chars().all(|c| c.is_ascii_digit()) {
            errors.push(StructureError::BadCui(code.clone()));
        } else if !code.is_empty() && original != Some(code.as_str()) && year.has(item, &code) {
            errors.push(StructureError::DuplicateCode(item, code.clone()));
        }
        let name = require(&draft.name, StructureError::EmptyName(item), &mut errors);
        let unit = require(&draft.unit, StructureError::EmptyUnit(item), &mut errors);
        let aei_code = draft.aei_code.trim().to_string();
        let cost_center_code = draft.cost_center_code.trim().to_string();
        let budget_category_code =
            if kind == ItemKind::Activity { draft.budget_category_code.trim().to_string() } else { String::new() };
        for (linked_item, linked, required) in [
            (Item::Aei, &aei_code, true),
            (Item::CostCenter, &cost_center_code, true),
            (Item::BudgetCategory, &budget_category_code, false),
        ] {
            if linked.is_empty() && required {
                errors.push(StructureError::NotChosen(linked_item));
            } else if !linked.is_empty() && !year.has(linked_item, linked) {
                errors.push(StructureError::Unknown(linked_item, linked.clone()));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let description = ItemDescription {
            code,
            name,
            unit,
            aei_code,
            cost_center_code,
            budget_category_code,
            follow_up_approved: draft.follow_up_approved,
        };
        year.latest_version_mut().put_item(kind, original, description);
        Ok(())
    }

    /// What deleting the item would take along (asked about first), or why it cannot be deleted.
    pub fn deletion(&self, year: u16, item: Item, code: &str) -> Result<Dependents, StructureError> {
        let year = self.year(year).ok_or(StructureError::NoYear)?;
        if !year.has(item, code) {
            return Err(StructureError::Unknown(item, code.to_string()));
        }
        year.check_not_approved(item, code)?;
        Ok(match item {
            Item::Oei => Dependents {
                aeis: year.aeis.iter().filter(|a| a.oei_code == code).map(|a| a.code.clone()).collect(),
                ..Dependents::default()
            },
            Item::Activity | Item::Investment => Dependents::default(),
            Item::Aei | Item::CostCenter | Item::BudgetCategory => match year.poi.latest() {
                Some(latest) => {
                    let users = |kind: ItemKind| {
                        latest.items().filter(|it| it.kind() == kind && uses(item, code, *it)).map(|it| it.title()).collect()
                    };
                    Dependents { activities: users(ItemKind::Activity), investments: users(ItemKind::Investment), aeis: Vec::new() }
                }
                None => Dependents::default(),
            },
        })
    }

    /// Deletes the item from the selected year, with what depends on it (see `Dependents::warning`):
    /// the AEI's or CC's AO and inversiones of the latest version go too, AO lose a deleted
    /// categoría, AEI lose a deleted OEI. Refused when approved versions link to the item; an AO or
    /// an inversión itself always leaves the latest version (earlier versions keep it).
    pub fn delete(&mut self, year: u16, item: Item, code: &str) -> Result<(), StructureError> {
        self.deletion(year, item, code)?;
        let year = self.year_plan_mut(year)?;
        match item {
            Item::Oei => {
                year.oeis.retain(|e| e.code != code);
                year.relink(Item::Oei, code, "");
            }
            Item::BudgetCategory => {
                year.budget_categories.retain(|e| e.code != code);
                year.relink(Item::BudgetCategory, code, "");
            }
            Item::Aei | Item::CostCenter => {
                if item == Item::Aei {
                    year.aeis.retain(|e| e.code != code);
                } else {
                    year.cost_centers.retain(|e| e.code != code);
                }
                if let Some(latest) = year.poi.versions.last_mut() {
                    latest.retain_items(|it| !uses(item, code, it));
                }
            }
            Item::Activity | Item::Investment => {
                let kind = if item == Item::Activity { ItemKind::Activity } else { ItemKind::Investment };
                if let Some(latest) = year.poi.versions.last_mut() {
                    latest.retain_items(|it| it.kind() != kind || it.code() != code);
                }
            }
        }
        Ok(())
    }

    /// "Nueva modificación del POI": a new version copied from the latest (or the first version
    /// if there is none) of the viewed year, approved by the given resolution; the view moves to it.
    pub fn new_poi_version(&mut self, view: &mut Selection, draft: &AmendmentDraft) -> Result<u32, Vec<StructureError>> {
        let year = self.year_plan_mut(view.year).map_err(|e| vec![e])?;
        let latest = year.poi.latest();
        let (resolution, reason) = draft.validated(latest.map_or(0, |v| v.number + 1), latest)?;
        let number = year.poi.amend(resolution, Amendment { reason, ..Amendment::default() });
        view.version = None;
        Ok(number)
    }

    /// Corrects the resolution (type, number, date) and the reason of the latest version of the
    /// selected year; earlier versions are approved snapshots and are refused.
    pub fn correct_version(&mut self, year: u16, number: u32, draft: &AmendmentDraft) -> Result<(), Vec<StructureError>> {
        let year = self.year_plan_mut(year).map_err(|e| vec![e])?;
        let poi = &mut year.poi;
        match poi.version(number) {
            None => return Err(vec![StructureError::UnknownVersion(number)]),
            Some(v) if poi.latest().map(|l| l.number) != Some(number) => return Err(vec![StructureError::ApprovedVersion(v.label())]),
            Some(_) => {}
        }
        let (resolution, reason) = draft.validated(number, poi.previous(number))?;
        let version = poi.editable_version_mut(number).ok_or(vec![StructureError::UnknownVersion(number)])?;
        version.resolution = resolution;
        version.set_own_reason(reason);
        Ok(())
    }

    /// The year "Nuevo año" offers: the one after the workspace's latest.
    pub fn next_year(&self) -> Option<u16> {
        self.years.iter().map(|y| y.year).max().and_then(|y| y.checked_add(1))
    }

    /// "Nuevo año": the structure of the nearest earlier year (OEI, AEI, CC, categorías, and the
    /// AO and inversiones of its latest version without values) as the first version of `year`;
    /// the view moves to it.
    pub fn new_year(&mut self, year: u16, view: &mut Selection) -> Result<(), StructureError> {
        if self.years.iter().any(|y| y.year == year) {
            return Err(StructureError::YearExists(year));
        }
        let source = self
            .years
            .iter()
            .filter(|y| y.year < year)
            .max_by_key(|y| y.year)
            .ok_or(StructureError::NoPreviousYear(year))?;
        let mut plan = YearPlan::new(year);
        plan.oeis = source.oeis.clone();
        plan.aeis = source.aeis.clone();
        // Logro esperado is a goal of one year: the new year starts "sin meta programada".
        plan.aeis.iter_mut().for_each(|a| a.indicator.expected_value = None);
        plan.cost_centers = source.cost_centers.clone();
        plan.budget_categories = source.budget_categories.clone();
        let first = plan.latest_version_mut();
        if let Some(latest) = source.poi.latest() {
            first.activities = latest
                .activities
                .iter()
                .map(|a| OperativeActivity {
                    physical: MonthlyValues::default(),
                    financial: MonthlyValues::default(),
                    financial_annual: None,
                    execution_notes: Default::default(),
                    ..a.clone()
                })
                .collect();
            first.investments = latest
                .investments
                .iter()
                .map(|i| Investment { physical: MonthlyValues::default(), financial: MonthlyValues::default(), ..i.clone() })
                .collect();
        }
        let at = self.years.iter().position(|y| y.year > year).unwrap_or(self.years.len());
        self.years.insert(at, plan);
        *view = Selection { period: view.period, ..Selection::of_year(year) };
        Ok(())
    }
}
