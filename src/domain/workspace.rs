//! The workspace: everything a user keeps (entity, years, settings) and what is being evaluated.

use serde::{Deserialize, Serialize};

use super::ficha::TableOptions;
use super::integrity::IntegrityResult;
use super::narrative::NarrativeInputs;
use super::recommendations::RecommendationRegister;
use super::period::Period;
use super::plan::{Aei, BudgetCategory, CostCenter, Entity, Oei};
use super::poi::{Poi, PoiVersion};

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
        }
    }

    /// The AEI with the given code.
    pub fn aei(&self, code: &str) -> Option<&Aei> {
        self.aeis.iter().find(|a| a.code == code)
    }
}

/// Settings that encode unverified practice, kept as data (DOMAIN.md).
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

/// What the user is looking at: year, evaluated version and period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selection {
    pub year: u16,
    /// `None`: the latest version.
    #[serde(default)]
    pub version: Option<u32>,
    #[serde(default)]
    pub period: Period,
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
    pub selection: Selection,
    /// What the user writes for the document: actions, per-AO narrative, problems, edited sections.
    #[serde(default)]
    pub narrative: NarrativeInputs,
    /// Recommendations of previous evaluations and of control reports, with their follow-up.
    #[serde(default)]
    pub recommendations: RecommendationRegister,
}

impl Workspace {
    /// An empty workspace for the given year, ready to fill.
    pub fn empty(year: u16) -> Self {
        Self {
            is_example: false,
            entity: Entity::default(),
            years: vec![YearPlan::new(year)],
            settings: Settings::default(),
            selection: Selection { year, version: None, period: Period::Annual },
            narrative: NarrativeInputs::default(),
            recommendations: RecommendationRegister::default(),
        }
    }

    /// The selected year.
    pub fn year(&self) -> Option<&YearPlan> {
        self.years.iter().find(|y| y.year == self.selection.year)
    }

    /// The selected year, for editing.
    pub fn year_mut(&mut self) -> Option<&mut YearPlan> {
        let year = self.selection.year;
        self.years.iter_mut().find(|y| y.year == year)
    }

    /// The evaluated POI version: the selected one, or the latest.
    pub fn evaluated_version(&self) -> Option<&PoiVersion> {
        let year = self.year()?;
        match self.selection.version {
            Some(n) => year.poi.version(n),
            None => year.poi.latest(),
        }
    }
}

/// The computed tables for one AEI of the selected year, version and period.
impl Workspace {
    /// Cuadro 1 of the AEI, if the AEI and an evaluated version exist.
    pub fn cuadro1(&self, aei_code: &str) -> Option<super::ficha::Cuadro1> {
        let year = self.year()?;
        let version = self.evaluated_version()?;
        let aei = year.aei(aei_code)?;
        Some(super::ficha::cuadro1(version, aei, &year.cost_centers, self.selection.period, self.settings.table_options()))
    }

    /// Cuadro 2 of the AEI.
    pub fn cuadro2(&self, aei_code: &str) -> Vec<super::ficha::ActivityFigures> {
        self.evaluated_version().map_or_else(Vec::new, |v| super::ficha::cuadro2(v, aei_code, self.selection.period))
    }

    /// Tabla 3 of the AEI, its Total over the whole version.
    pub fn tabla3(&self, aei_code: &str) -> Option<super::ficha::Tabla3> {
        self.evaluated_version().map(|v| super::ficha::tabla3(v, aei_code, self.selection.period))
    }
}
