//! What the POI programmes month by month: actividades operativas (AO) and inversiones.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::series::{AnnualFinancial, MonthNotes, MonthlyValues, Series};

/// Which of the two an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Activity,
    Investment,
}

impl ItemKind {
    /// How a message names one: "AO AOI00106600085", "inversión 2456789".
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Activity => "AO",
            ItemKind::Investment => "inversión",
        }
    }
}

/// What the POI programmes month by month, AO and inversión alike: what it is, where it belongs
/// (AEI, centro de costo), whether its follow-up is approved, and its four monthly series. Every
/// formula, comparison, check and edit reads an item through this, never one struct or the other.
pub trait PoiItem {
    fn kind(&self) -> ItemKind;
    /// The AO's code, the inversión's CUI: what it is matched and edited by.
    fn code(&self) -> &str;
    fn name(&self) -> &str;
    /// Unidad de medida as stored (an inversión's may be empty).
    fn unit(&self) -> &str;
    fn aei_code(&self) -> &str;
    fn cost_center_code(&self) -> &str;
    /// An AO's categoría presupuestal; an inversión has none ("").
    fn budget_category_code(&self) -> &str;
    /// "Seguimiento aprobado" in the Aplicativo CEPLAN: only approved items are counted.
    fn follow_up_approved(&self) -> bool;
    fn physical(&self) -> &MonthlyValues;
    fn financial(&self) -> &MonthlyValues;
    /// The annual financial totals an AO imported without monthly financial detail carries
    /// (docs/FORMAT-ceplan.md); `None` when its monthly `financial` values are the data.
    fn financial_annual(&self) -> Option<&AnnualFinancial> {
        None
    }
    fn goals_mut(&mut self) -> (&mut MonthlyValues, &mut MonthlyValues);
    /// Rewrites what the item is and where it belongs; its monthly values stay as they are.
    fn describe(&mut self, description: ItemDescription);
    /// The unit as the tables print it: an inversión without one reads "INVERSIÓN".
    fn printed_unit(&self) -> &str;
    /// "code: name (unit)", the caption of its monthly grid.
    fn caption(&self) -> String;
    /// "AOI00106600085: SEGUIMIENTO …", "Inversión 2456789: …": how a list of what depends on an entry names it.
    fn title(&self) -> String;
    /// The descriptive fields, labelled as the forms label them: what comparing two versions reads.
    fn fields(&self) -> Vec<(&'static str, String)>;

    /// What the item is and where it belongs (`describe` takes it back).
    fn description(&self) -> ItemDescription {
        ItemDescription {
            code: self.code().to_string(),
            name: self.name().to_string(),
            unit: self.unit().to_string(),
            aei_code: self.aei_code().to_string(),
            cost_center_code: self.cost_center_code().to_string(),
            budget_category_code: self.budget_category_code().to_string(),
            follow_up_approved: self.follow_up_approved(),
        }
    }
}

/// What an item is and where it belongs, without its monthly values: what the structure forms edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemDescription {
    pub code: String,
    pub name: String,
    pub unit: String,
    pub aei_code: String,
    pub cost_center_code: String,
    /// Kept by an AO only.
    pub budget_category_code: String,
    pub follow_up_approved: bool,
}

impl Series {
    /// The twelve monthly values of this series of an item.
    pub fn values<T: PoiItem + ?Sized>(self, item: &T) -> &[Decimal; 12] {
        let values = if self.is_physical() { item.physical() } else { item.financial() };
        if self.is_programming() {
            &values.programmed
        } else {
            &values.executed
        }
    }

    /// The twelve monthly values of this series, for writing.
    pub fn values_mut<T: PoiItem + ?Sized>(self, item: &mut T) -> &mut [Decimal; 12] {
        let (physical, financial) = item.goals_mut();
        let values = if self.is_physical() { physical } else { financial };
        if self.is_programming() {
            &mut values.programmed
        } else {
            &mut values.executed
        }
    }
}

fn yes_no(value: bool) -> String {
    if value { "Sí" } else { "No" }.to_string()
}

/// Actividad operativa (AO): the unit of programming of the POI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperativeActivity {
    pub code: String,
    pub name: String,
    /// Unidad de medida, e.g. "INFORME".
    pub unit: String,
    pub aei_code: String,
    pub cost_center_code: String,
    #[serde(default)]
    pub budget_category_code: String,
    /// "Seguimiento aprobado" in the Aplicativo CEPLAN: only approved AO are counted.
    pub follow_up_approved: bool,
    pub physical: MonthlyValues,
    pub financial: MonthlyValues,
    /// Set when only annual financial totals are known (docs/FORMAT-ceplan.md).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub financial_annual: Option<AnnualFinancial>,
    /// The explanation of each month's execution, as the source wrote it; what the document's
    /// drafting may quote for a month that deviates.
    #[serde(default, skip_serializing_if = "MonthNotes::is_empty")]
    pub execution_notes: MonthNotes,
}

impl OperativeActivity {
    /// A new AO with no programming, approved follow-up.
    pub fn new(code: &str, name: &str, unit: &str, aei_code: &str, cost_center_code: &str) -> Self {
        Self {
            code: code.to_string(),
            name: name.to_string(),
            unit: unit.to_string(),
            aei_code: aei_code.to_string(),
            cost_center_code: cost_center_code.to_string(),
            budget_category_code: String::new(),
            follow_up_approved: true,
            physical: MonthlyValues::default(),
            financial: MonthlyValues::default(),
            financial_annual: None,
            execution_notes: MonthNotes::default(),
        }
    }
}

/// Inversión linked to an AEI (CUI code); kept in the model, counted only if the setting says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Investment {
    /// Código Único de Inversiones, digits only ("2456789").
    pub cui: String,
    pub name: String,
    /// Unidad de medida of its physical goal, e.g. "ESTUDIO"; empty in data stored before it was asked.
    #[serde(default)]
    pub unit: String,
    pub aei_code: String,
    pub cost_center_code: String,
    #[serde(default = "yes")]
    pub follow_up_approved: bool,
    pub physical: MonthlyValues,
    pub financial: MonthlyValues,
}

impl Investment {
    /// A new inversión with no programming, approved follow-up.
    pub fn new(cui: &str, name: &str, unit: &str, aei_code: &str, cost_center_code: &str) -> Self {
        Self {
            cui: cui.to_string(),
            name: name.to_string(),
            unit: unit.to_string(),
            aei_code: aei_code.to_string(),
            cost_center_code: cost_center_code.to_string(),
            follow_up_approved: true,
            physical: MonthlyValues::default(),
            financial: MonthlyValues::default(),
        }
    }
}

fn yes() -> bool {
    true
}

impl PoiItem for OperativeActivity {
    fn kind(&self) -> ItemKind {
        ItemKind::Activity
    }

    fn code(&self) -> &str {
        &self.code
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn unit(&self) -> &str {
        &self.unit
    }

    fn aei_code(&self) -> &str {
        &self.aei_code
    }

    fn cost_center_code(&self) -> &str {
        &self.cost_center_code
    }

    fn budget_category_code(&self) -> &str {
        &self.budget_category_code
    }

    fn follow_up_approved(&self) -> bool {
        self.follow_up_approved
    }

    fn physical(&self) -> &MonthlyValues {
        &self.physical
    }

    fn financial(&self) -> &MonthlyValues {
        &self.financial
    }

    fn financial_annual(&self) -> Option<&AnnualFinancial> {
        self.financial_annual.as_ref()
    }

    fn goals_mut(&mut self) -> (&mut MonthlyValues, &mut MonthlyValues) {
        (&mut self.physical, &mut self.financial)
    }

    fn describe(&mut self, d: ItemDescription) {
        self.code = d.code;
        self.name = d.name;
        self.unit = d.unit;
        self.aei_code = d.aei_code;
        self.cost_center_code = d.cost_center_code;
        self.budget_category_code = d.budget_category_code;
        self.follow_up_approved = d.follow_up_approved;
    }

    fn printed_unit(&self) -> &str {
        &self.unit
    }

    fn caption(&self) -> String {
        format!("{}: {} ({})", self.code, self.name, self.unit)
    }

    fn title(&self) -> String {
        format!("{}: {}", self.code, self.name)
    }

    fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("Denominación", self.name.clone()),
            ("Unidad de medida", self.unit.clone()),
            ("AEI", self.aei_code.clone()),
            ("Centro de costo", self.cost_center_code.clone()),
            ("Categoría presupuestal", self.budget_category_code.clone()),
            ("Seguimiento aprobado", yes_no(self.follow_up_approved)),
        ]
    }
}

impl PoiItem for Investment {
    fn kind(&self) -> ItemKind {
        ItemKind::Investment
    }

    fn code(&self) -> &str {
        &self.cui
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn unit(&self) -> &str {
        &self.unit
    }

    fn aei_code(&self) -> &str {
        &self.aei_code
    }

    fn cost_center_code(&self) -> &str {
        &self.cost_center_code
    }

    fn budget_category_code(&self) -> &str {
        ""
    }

    fn follow_up_approved(&self) -> bool {
        self.follow_up_approved
    }

    fn physical(&self) -> &MonthlyValues {
        &self.physical
    }

    fn financial(&self) -> &MonthlyValues {
        &self.financial
    }

    fn goals_mut(&mut self) -> (&mut MonthlyValues, &mut MonthlyValues) {
        (&mut self.physical, &mut self.financial)
    }

    fn describe(&mut self, d: ItemDescription) {
        self.cui = d.code;
        self.name = d.name;
        self.unit = d.unit;
        self.aei_code = d.aei_code;
        self.cost_center_code = d.cost_center_code;
        self.follow_up_approved = d.follow_up_approved;
    }

    fn printed_unit(&self) -> &str {
        if self.unit.is_empty() {
            "INVERSIÓN"
        } else {
            &self.unit
        }
    }

    fn caption(&self) -> String {
        let unit = if self.unit.is_empty() { "sin unidad de medida" } else { &self.unit };
        format!("Inversión {}: {} ({unit})", self.cui, self.name)
    }

    fn title(&self) -> String {
        format!("Inversión {}: {}", self.cui, self.name)
    }

    fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("Denominación", self.name.clone()),
            ("Unidad de medida", self.unit.clone()),
            ("AEI", self.aei_code.clone()),
            ("Centro de costo", self.cost_center_code.clone()),
            ("Seguimiento aprobado", yes_no(self.follow_up_approved)),
        ]
    }
}
