//! Modelo de Integridad: stage scores and the ICP (docs/FORMULAS.md).

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain::language::{parse_number, DecimalMark, NumberKind, QUANTITY_DECIMALS};
use crate::domain::plan::saturating_sum;

/// One cumulative stage of the Modelo de Integridad, scored 0 to 1 (`None`: not evaluated).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntegrityStage {
    pub name: String,
    pub score: Option<Decimal>,
}

/// The entity's result in one year's national report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntegrityResult {
    pub stages: Vec<IntegrityStage>,
    /// Place among the entities of its sector (1 = "primer lugar").
    #[serde(default)]
    pub sector_place: Option<u32>,
    #[serde(default)]
    pub entities_evaluated: Option<u32>,
    /// Stage N is "Apto" from N − margin cumulative (0.1 by practice, unverified beyond stage 3).
    pub apto_margin: Decimal,
}

/// The ICP: Índice de Capacidad Preventiva frente a la Corrupción, the sum of the stage scores.
pub type Icp = Decimal;

impl IntegrityResult {
    /// Five stages with the names of the reference report and no scores.
    pub fn empty() -> Self {
        let names = [
            "Cumplimiento normativo e Institucionalización",
            "Aplicación e implementación",
            "Etapa 3",
            "Etapa 4",
            "Etapa 5",
        ];
        Self {
            stages: names.iter().map(|n| IntegrityStage { name: n.to_string(), score: None }).collect(),
            sector_place: None,
            entities_evaluated: None,
            apto_margin: Decimal::new(1, 1),
        }
    }

    /// ICP = Σ stage scores (0 to 5).
    pub fn icp(&self) -> Icp {
        saturating_sum(self.stages.iter().filter_map(|s| s.score))
    }

    /// Stages that have a score.
    pub fn evaluated_stages(&self) -> usize {
        self.stages.iter().filter(|s| s.score.is_some()).count()
    }

    /// The score accumulated up to stage `n` (1-based), the stages before it included.
    pub fn cumulative_score(&self, n: usize) -> Decimal {
        saturating_sum(self.stages.iter().take(n).filter_map(|s| s.score))
    }

    /// The cumulative score from which stage `n` (1-based) is "Apto": n − margin (0.9 at Etapa 1, 1.9 at Etapa 2).
    pub fn apto_threshold(&self, n: usize) -> Decimal {
        Decimal::from(n).saturating_sub(self.apto_margin)
    }

    /// Whether stage `n` (1-based) is "Apto": the cumulative score up to it reaches n − margin.
    pub fn is_apto(&self, n: usize) -> bool {
        if n == 0 || n > self.stages.len() || self.stages[n - 1].score.is_none() {
            return false;
        }
        self.cumulative_score(n) >= self.apto_threshold(n)
    }

    /// "Sí", "No" or "No evaluada": what the "Apto" column says of stage `n` (1-based).
    pub fn apto_label(&self, n: usize) -> &'static str {
        match self.stages.get(n.wrapping_sub(1)).and_then(|s| s.score) {
            None => "No evaluada",
            Some(_) if self.is_apto(n) => "Sí",
            Some(_) => "No",
        }
    }

    /// Renames stage `n` (1-based) to what the user typed, trimmed. Whether it changed (an unknown
    /// stage, or the same name, changes nothing).
    pub fn set_stage_name(&mut self, n: usize, name: &str) -> bool {
        let name = name.trim();
        match n.checked_sub(1).and_then(|i| self.stages.get_mut(i)) {
            Some(stage) if stage.name != name => {
                stage.name = name.to_string();
                true
            }
            _ => false,
        }
    }

    /// Sets the place in the sector or the entities evaluated from what the user typed (empty:
    /// unknown). Nothing changes when the text is refused.
    pub fn set_count(&mut self, field: CountField, text: &str) -> Result<(), IntegrityInputError> {
        let count = parse_count(field.label(), text)?;
        match field {
            CountField::SectorPlace => self.sector_place = count,
            CountField::EntitiesEvaluated => self.entities_evaluated = count,
        }
        Ok(())
    }

    /// The place in the sector or the entities evaluated.
    pub fn count(&self, field: CountField) -> Option<u32> {
        match field {
            CountField::SectorPlace => self.sector_place,
            CountField::EntitiesEvaluated => self.entities_evaluated,
        }
    }

    /// Sets stage `n`'s (1-based) score from what the user typed: empty means not evaluated,
    /// anything else a number from 0 to 1. Nothing changes when the text is refused.
    pub fn set_score(&mut self, n: usize, text: &str) -> Result<(), IntegrityInputError> {
        let error = |problem| IntegrityInputError { field: format!("Etapa {n}"), found: text.trim().to_string(), problem };
        let stage = n.checked_sub(1).and_then(|i| self.stages.get_mut(i)).ok_or_else(|| error(InputProblem::NoSuchStage))?;
        stage.score = if text.trim().is_empty() {
            None
        } else {
            let score = parse_number(text, NumberKind::Quantity, DecimalMark::Point)
                .map_err(|_| error(InputProblem::NotAScore))?;
            if score > Decimal::ONE {
                return Err(error(InputProblem::NotAScore));
            }
            Some(score)
        };
        Ok(())
    }
}

/// The two counts of the national report the Integridad page asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountField {
    SectorPlace,
    EntitiesEvaluated,
}

impl CountField {
    /// The field's label, as the page and its messages name it.
    pub fn label(self) -> &'static str {
        match self {
            CountField::SectorPlace => "Puesto en el sector",
            CountField::EntitiesEvaluated => "Entidades evaluadas",
        }
    }
}

/// Reads a place or a count of entities as typed: empty is unknown, anything else a whole number from 1.
pub fn parse_count(field: &str, text: &str) -> Result<Option<u32>, IntegrityInputError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<u32>().ok().filter(|n| *n > 0).map(Some).ok_or_else(|| IntegrityInputError {
        field: field.to_string(),
        found: text.to_string(),
        problem: InputProblem::NotACount,
    })
}

/// What is wrong with a value typed on the Integridad page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputProblem {
    NotAScore,
    NotACount,
    NoSuchStage,
}

/// A refused value, with the field it was typed in; says what is expected, in Spanish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntegrityInputError {
    pub field: String,
    pub found: String,
    pub problem: InputProblem,
}

impl fmt::Display for IntegrityInputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: «{}» no es válido; ", self.field, self.found)?;
        match self.problem {
            InputProblem::NotAScore => write!(
                f,
                "el puntaje debe ser un número entre 0 y 1, con punto decimal y hasta {QUANTITY_DECIMALS} decimales (por ejemplo 0.87)."
            ),
            InputProblem::NotACount => f.write_str("debe ser un número entero mayor que cero."),
            InputProblem::NoSuchStage => f.write_str("esa etapa no existe."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference() -> IntegrityResult {
        let mut result = IntegrityResult::empty();
        result.set_score(1, "0.87").unwrap();
        result.set_score(2, "0.93").unwrap();
        result
    }

    #[test]
    fn icp_is_the_sum_of_the_stage_scores() {
        assert_eq!(reference().icp(), Decimal::new(180, 2));
        assert_eq!(reference().cumulative_score(1), Decimal::new(87, 2));
        assert_eq!(reference().cumulative_score(5), Decimal::new(180, 2));
    }

    #[test]
    fn apto_from_n_minus_the_margin_cumulative() {
        let result = reference();
        assert_eq!(result.apto_threshold(1), Decimal::new(9, 1));
        assert_eq!(result.apto_threshold(2), Decimal::new(19, 1));
        assert!(!result.is_apto(1), "0.87 < 0.90");
        assert!(!result.is_apto(2), "1.80 < 1.90");
        let mut apto = result.clone();
        apto.set_score(1, "0.9").unwrap();
        assert!(apto.is_apto(1));
        assert!(!apto.is_apto(3), "stage 3 not evaluated");
    }

    #[test]
    fn a_score_outside_0_to_1_is_refused_with_a_spanish_message_and_changes_nothing() {
        let mut result = reference();
        let before = result.clone();
        let error = result.set_score(2, "1.5").unwrap_err();
        assert_eq!(error.to_string(), "Etapa 2: «1.5» no es válido; el puntaje debe ser un número entre 0 y 1, con punto decimal y hasta 6 decimales (por ejemplo 0.87).");
        assert_eq!(result.set_score(1, "-0.2").unwrap_err().problem, InputProblem::NotAScore);
        assert_eq!(result.set_score(1, "alto").unwrap_err().problem, InputProblem::NotAScore);
        assert_eq!(result.set_score(9, "0.5").unwrap_err().problem, InputProblem::NoSuchStage);
        assert_eq!(result, before);
    }

    #[test]
    fn an_empty_score_means_not_evaluated() {
        let mut result = reference();
        result.set_score(2, " ").unwrap();
        assert_eq!(result.stages[1].score, None);
        assert_eq!(result.evaluated_stages(), 1);
        result.set_score(3, "1").unwrap();
        assert_eq!(result.stages[2].score, Some(Decimal::ONE));
    }

    #[test]
    fn the_apto_column_says_yes_no_or_not_evaluated() {
        let mut result = reference();
        result.set_score(1, "0.95").unwrap();
        assert_eq!([1, 2, 3, 9].map(|n| result.apto_label(n)), ["Sí", "No", "No evaluada", "No evaluada"]);
    }

    #[test]
    fn a_stage_is_renamed_trimmed_and_an_unknown_stage_is_left_alone() {
        let mut result = reference();
        assert!(result.set_stage_name(3, "  Supervisión del modelo "));
        assert_eq!(result.stages[2].name, "Supervisión del modelo");
        assert!(!result.set_stage_name(3, "Supervisión del modelo"), "the same name again");
        let before = result.clone();
        assert!(!result.set_stage_name(0, "Cero"));
        assert!(!result.set_stage_name(6, "Sexta"));
        assert_eq!(result, before);
    }

    #[test]
    fn the_counts_are_set_field_by_field_or_refused_whole() {
        let mut result = reference();
        result.set_count(CountField::EntitiesEvaluated, "189").unwrap();
        result.set_count(CountField::SectorPlace, "1").unwrap();
        assert_eq!((result.count(CountField::SectorPlace), result.entities_evaluated), (Some(1), Some(189)));
        let before = result.clone();
        let error = result.set_count(CountField::SectorPlace, "primero").unwrap_err();
        assert_eq!(error.to_string(), "Puesto en el sector: «primero» no es válido; debe ser un número entero mayor que cero.");
        assert_eq!(result, before);
        result.set_count(CountField::SectorPlace, "").unwrap();
        assert_eq!(result.sector_place, None);
    }

    #[test]
    fn counts_are_whole_numbers_from_one() {
        assert_eq!(parse_count("Entidades evaluadas", "189"), Ok(Some(189)));
        assert!(parse_count("Entidades evaluadas", "1,5").is_err(), "no guessing at separators");
        assert_eq!(parse_count("Puesto en el sector", ""), Ok(None));
        let error = parse_count("Puesto en el sector", "0").unwrap_err();
        assert_eq!(error.to_string(), "Puesto en el sector: «0» no es válido; debe ser un número entero mayor que cero.");
        assert!(parse_count("Entidades evaluadas", "1.5").is_err());
    }
}
