//! The workspace: everything a user keeps (entity, years, settings) and what is being evaluated.

use serde::{Deserialize, Serialize};

use crate::domain::ficha::{IntegrityResult, TableOptions};
use crate::domain::document::NarrativeInputs;
use crate::domain::recommendations::RecommendationRegister;
use crate::domain::plan::{Aei, BudgetCategory, CostCenter, Entity, Oei, Period, Poi, PoiVersion};

/// One year of planning: the PEI items in force, the POI and its versions, the integrity result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearPlan {
    pub year: u16,
    #[serde(default)]
    pub oeis: Vec<Oei>,
    pub aeis: Vec<Aei>,
    pub cost_centers: Vec<CostCenter>,
    #[serde(default)]
    pub budget_categories: Vec<BudgetCategory>,
    pub poi: Poi,
    #[serde(default)]
    pub integrity: Option<IntegrityResult>,
    /// Date printed on the ficha (ISO yyyy-mm-dd).
    #[serde(default)]
    pub ficha_date: String,
    /// The name of the year's Informe de evaluación; empty: the name CEPLAN used that year
    /// (`document::default_informe_name`).
    #[serde(default)]
    pub informe_name: String,
}

impl YearPlan {
    /// An empty year.
    pub fn new(year: u16) -> Self {
        Self {
            year,
            oeis: Vec::new(),
            aeis: Vec::new(),
            cost_centers: Vec::new(),
            budget_categories: Vec::new(),
            poi: Poi::default(),
            integrity: None,
            ficha_date: String::new(),
            informe_name: String::new(),
        }
    }

    /// The AEI with the given code.
    pub fn aei(&self, code: &str) -> Option<&Aei> {
        self.aeis.iter().find(|a| a.code == code)
    }
}

/// Settings that encode unverified practice, kept as data (docs/FORMULAS.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Settings {
    /// Whether inversiones enter Cuadro 1 (default no).
    #[serde(default)]
    pub investments_in_average: bool,
}

impl Settings {
    /// The options the table formulas take.
    pub fn table_options(&self) -> TableOptions {
        TableOptions { include_investments: self.investments_in_average }
    }
}

/// What one browser tab is looking at: year, evaluated version and period. It is not part of the
/// stored workspace: each tab keeps its own, so two tabs may look at different years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selection {
    pub year: u16,
    /// `None`: the latest version.
    #[serde(default)]
    pub version: Option<u32>,
    #[serde(default)]
    pub period: Period,
}

impl Selection {
    /// The latest version of `year`, over the whole year.
    pub fn of_year(year: u16) -> Self {
        Self { year, version: None, period: Period::Annual }
    }

    /// The same view in another year, over the same period, at its latest version.
    pub fn in_year(self, year: u16) -> Self {
        Self { period: self.period, ..Self::of_year(year) }
    }

    /// The view with `chosen` as the evaluated version: choosing the latest version stores "the
    /// latest" (`None`), so a later modification of the POI becomes the one evaluated.
    pub fn with_version(self, ws: &Workspace, chosen: Option<u32>) -> Self {
        let latest = ws.year(self.year).and_then(|y| y.poi.latest()).map(|v| v.number);
        Self { version: chosen.filter(|&n| Some(n) != latest), ..self }
    }

    /// This view where it exists in `ws`: a year the workspace lacks becomes its latest year (a
    /// workspace with no year keeps the view), a version the year lacks becomes the latest.
    pub fn within(self, ws: &Workspace) -> Self {
        let year = match ws.year(self.year) {
            Some(_) => self.year,
            None => ws.years.iter().map(|y| y.year).max().unwrap_or(self.year),
        };
        let version = self.version.filter(|&n| year == self.year && ws.year(year).is_some_and(|y| y.poi.version(n).is_some()));
        Self { year, version, period: self.period }
    }
}

/// Everything one user keeps, stored and backed up as one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workspace {
    /// True for the preloaded reference example.
    #[serde(default)]
    pub is_example: bool,
    pub entity: Entity,
    pub years: Vec<YearPlan>,
    #[serde(default)]
    pub settings: Settings,
    /// What the user writes for the document: actions, per-AO narrative, problems, edited sections.
    #[serde(default)]
    pub narrative: NarrativeInputs,
    /// Recommendations of previous evaluations and of control reports, with their follow-up.
    #[serde(default)]
    pub recommendations: RecommendationRegister,
    /// What the import remembers (`import_memory::ImportMemory` as JSON text, which only the
    /// import reads; empty when nothing is remembered).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub imports: String,
}

impl Workspace {
    /// An empty workspace for the given year, ready to fill.
    pub fn empty(year: u16) -> Self {
        Self {
            is_example: false,
            entity: Entity::default(),
            years: vec![YearPlan::new(year)],
            settings: Settings::default(),
            narrative: NarrativeInputs::default(),
            recommendations: RecommendationRegister::default(),
            imports: String::new(),
        }
    }

    /// The plan of a year.
    pub fn year(&self, year: u16) -> Option<&YearPlan> {
        self.years.iter().find(|y| y.year == year)
    }

    /// The plan of a year, for editing.
    pub fn year_mut(&mut self, year: u16) -> Option<&mut YearPlan> {
        self.years.iter_mut().find(|y| y.year == year)
    }

    /// The evaluated POI version: the selected one, or the latest of the selected year.
    pub fn evaluated_version(&self, selection: Selection) -> Option<&PoiVersion> {
        let year = self.year(selection.year)?;
        match selection.version {
            Some(n) => year.poi.version(n),
            None => year.poi.latest(),
        }
    }

    /// The codes of the AEI's items in the evaluated version, AO first then inversiones: what its
    /// grids and its sheet edit (inversiones are edited whether or not Cuadro 1 counts them).
    pub fn item_codes(&self, selection: Selection, aei_code: &str) -> Vec<String> {
        self.evaluated_version(selection)
            .map(|v| v.items_of(aei_code).map(|item| item.code().to_string()).collect())
            .unwrap_or_default()
    }

    /// Whether the evaluated version can be edited (only the latest can).
    pub fn evaluated_version_is_editable(&self, selection: Selection) -> bool {
        match (self.evaluated_version(selection), self.year(selection.year).and_then(|y| y.poi.latest())) {
            (Some(v), Some(latest)) => v.number == latest.number,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::{reference_workspace, REFERENCE_VIEW};

    #[test]
    fn choosing_the_latest_version_stores_the_latest_and_an_earlier_one_its_number() {
        let ws = reference_workspace();
        let view = Selection { period: Period::FirstHalf, ..REFERENCE_VIEW };
        assert_eq!(view.with_version(&ws, Some(3)).version, None, "3 is the latest");
        assert_eq!(view.with_version(&ws, Some(2)).version, Some(2));
        assert_eq!(view.with_version(&ws, None).version, None);
        assert_eq!(view.in_year(2024), Selection { year: 2024, version: None, period: Period::FirstHalf });
    }

    #[test]
    fn an_aei_edits_its_ao_then_its_inversiones_whatever_cuadro_1_counts() {
        let mut ws = reference_workspace();
        let version = ws.years[0].poi.versions.last_mut().unwrap();
        version.investments.push(crate::domain::plan::Investment::new("2456789", "ESTUDIO", "ESTUDIO", "AEI.08.05", "07"));
        version.investments.push(crate::domain::plan::Investment::new("2000001", "OTRA", "ESTUDIO", "AEI.01.01", "07"));
        assert!(!ws.settings.investments_in_average);
        assert_eq!(ws.item_codes(REFERENCE_VIEW, "AEI.08.05"), ["AOI00106600085", "2456789"]);
        assert!(ws.item_codes(Selection::of_year(2030), "AEI.08.05").is_empty());
    }

    #[test]
    fn a_view_falls_back_to_what_the_workspace_has() {
        let mut ws = reference_workspace();
        let chosen = Selection { year: 2023, version: Some(2), period: Period::FirstHalf };
        assert_eq!(chosen.within(&ws), chosen);
        assert_eq!(Selection { version: Some(9), ..chosen }.within(&ws), Selection { version: None, ..chosen });
        assert_eq!(Selection { year: 2030, ..chosen }.within(&ws), Selection { year: 2023, version: None, ..chosen });
        ws.years.clear();
        assert_eq!(Selection::of_year(2026).within(&ws), Selection::of_year(2026));
    }
}
