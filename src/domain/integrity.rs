//! Modelo de Integridad: stage scores and the ICP (DOMAIN.md §5).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

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
        self.stages.iter().filter_map(|s| s.score).sum()
    }

    /// Stages that have a score.
    pub fn evaluated_stages(&self) -> usize {
        self.stages.iter().filter(|s| s.score.is_some()).count()
    }

    /// Whether stage `n` (1-based) is "Apto": the cumulative score up to it reaches n − margin.
    pub fn is_apto(&self, n: usize) -> bool {
        if n == 0 || n > self.stages.len() || self.stages[n - 1].score.is_none() {
            return false;
        }
        let cumulative: Decimal = self.stages[..n].iter().filter_map(|s| s.score).sum();
        cumulative >= Decimal::from(n) - self.apto_margin
    }
}
