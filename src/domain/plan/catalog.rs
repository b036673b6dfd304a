//! The entity and the year's code-and-name lists: OEI, AEI with its indicator, centros de costo, categorías presupuestales.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The Unidad Ejecutora whose POI is evaluated, and the office that writes the ficha.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Entity {
    pub name: String,
    /// Short name used in prose ("El Programa de Empleo Temporal “Llamkasun Perú”").
    #[serde(default)]
    pub short_name: String,
    pub sector: String,
    /// The office that writes the ficha, printed after "Elaboración:".
    pub office: String,
    /// The programme's purpose, the opening paragraph of section 1.
    #[serde(default)]
    pub purpose: String,
}

/// Objetivo Estratégico Institucional.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Oei {
    pub code: String,
    pub name: String,
}

/// Acción Estratégica Institucional with its indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aei {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub oei_code: String,
    pub indicator: Indicator,
}

/// The AEI's indicator; `expected_value` is `None` when the year has no goal ("no presenta una meta programada").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Indicator {
    pub name: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub baseline: Option<Decimal>,
    #[serde(default)]
    pub expected_value: Option<Decimal>,
}

/// Centro de costo: the organisational unit responsible for AO. Codes keep leading zeros.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostCenter {
    pub code: String,
    pub name: String,
}

/// Categoría / programa presupuestal, e.g. "PP 0073: Programa para la Generación de Empleo Social Inclusivo – Trabaja Perú".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetCategory {
    pub code: String,
    pub name: String,
}
