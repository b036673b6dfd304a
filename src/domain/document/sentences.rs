//! The sentences the sections share: the ICP and its stages, and each AO's goals and results.

use rust_decimal::Decimal;

use super::draft::Drafter;
use super::wording::{amount, amount_in_digits, clause};
use crate::domain::ficha::{ActivityFigures, IntegrityResult};
use crate::domain::language::{count_of, listed, money, money_in_prose, number_words, ordinal, percent, percent_in_prose, score, Gender};

impl Drafter<'_> {
    // --- The ICP ------------------------------------------------------------------------------

    /// (stage number, name, score) of the stages the report scored.
    pub(super) fn scored_stages(icp: &IntegrityResult) -> Vec<(usize, &str, Decimal)> {
        icp.stages
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.score.map(|score| (i + 1, s.name.as_str(), score)))
            .collect()
    }

    /// "un Índice de Capacidad Preventiva frente a la Corrupción (ICP) de 1.80".
    pub(super) fn icp_value(icp: &IntegrityResult, mark: &str) -> String {
        format!("un Índice de Capacidad Preventiva frente a la Corrupción (ICP){mark} de {}", score(icp.icp()))
    }

    /// ", ocupando el primer lugar … según el reporte nacional …, correspondiente al año 2023".
    pub(super) fn icp_standing(&self, icp: &IntegrityResult, with_author: bool) -> String {
        let sector = self.ws.entity.sector.trim();
        let among = if sector.is_empty() { "de su sector".to_string() } else { format!("del sector {sector}") };
        let place = icp.sector_place.map_or_else(String::new, |n| match ordinal(n as usize, Gender::Masculine) {
            Some(word) => format!(", ocupando el {word} lugar a nivel de entidades {among}"),
            None => format!(", ocupando el lugar {n} a nivel de entidades {among}"),
        });
        let author = if with_author { " elaborado por la Presidencia del Consejo de Ministros" } else { "" };
        format!(
            "{place}, según el reporte nacional de la implementación del modelo de Integridad{author}, correspondiente al año {}",
            self.year
        )
    }

    /// "la etapa 1 y 2".
    pub(super) fn stages_worked(icp: &IntegrityResult) -> String {
        let numbers: Vec<String> = Self::scored_stages(icp).iter().map(|(n, ..)| n.to_string()).collect();
        format!("la etapa {}", listed(&numbers))
    }

    /// "en la primera etapa de 0.87 y en la segunda etapa de 0.93".
    pub(super) fn stage_scores(icp: &IntegrityResult) -> String {
        let each: Vec<String> = Self::scored_stages(icp)
            .iter()
            .map(|&(n, _, value)| match ordinal(n, Gender::Feminine) {
                Some(word) => format!("en la {word} etapa de {}", score(value)),
                None => format!("en la etapa {n} de {}", score(value)),
            })
            .collect();
        listed(&each)
    }

    /// "las dos primeras etapas (Etapa 1: … y Etapa 2: …) de cinco previstas para la implementación …".
    pub(super) fn coverage(icp: &IntegrityResult, with_names: bool) -> String {
        let scored = Self::scored_stages(icp);
        let head = match scored.len() {
            1 => "la primera etapa".to_string(),
            n => format!("las {} primeras etapas", number_words(count_of(n), Gender::Feminine)),
        };
        let names = if with_names {
            let each: Vec<String> = scored.iter().map(|(n, name, _)| format!("Etapa {n}: {name}")).collect();
            format!(" ({})", listed(&each))
        } else {
            String::new()
        };
        format!(
            "{head}{names} de {} previstas para la implementación del Modelo de Integridad en el sector público",
            number_words(count_of(icp.stages.len()), Gender::Feminine)
        )
    }

    // --- Per-AO sentences ---------------------------------------------------------------------

    /// "durante el año 2023, el Programa elaboró un (01) informe … lo que representó el 100% de la meta física anual programada (01 informe)."
    pub(super) fn physical_result(&self, ao: &ActivityFigures) -> String {
        let when = self.during();
        let noun = self.noun(ao);
        let goal = self.programmed_goal("física");
        let name = self.activity_name(ao);
        let achievement = clause(&self.written(ao).achievement);
        let done = amount(ao.physical_executed, &noun);
        let what = if achievement.is_empty() { done } else { format!("{done} {achievement}") };
        let entity = self.entity();
        let verb = self.verb(ao);
        match (ao.physical_programmed.is_zero(), ao.physical_executed.is_zero()) {
            (false, false) => format!(
                "{when}, {entity} {verb} {what}{} lo que representó el {} de la {goal} ({}).",
                if achievement.is_empty() { "," } else { "" },
                percent_in_prose(ao.physical_execution()),
                amount_in_digits(ao.physical_programmed, &noun)
            ),
            (false, true) => format!(
                "{when}, la actividad operativa “{name}” no registró ejecución física, lo que representó el {} de la {goal} ({}).",
                percent_in_prose(ao.physical_execution()),
                amount_in_digits(ao.physical_programmed, &noun)
            ),
            (true, false) => format!("{when}, {entity} {verb} {what}, sin contar con {goal}."),
            (true, true) => format!("{when}, la actividad operativa “{name}” no contó con {goal} ni registró ejecución física."),
        }
    }

    /// "Dicha actividad contó con una ejecución presupuestal de S/ 21,000.00, representando el 100.0% …".
    pub(super) fn financial_result(&self, ao: &ActivityFigures) -> String {
        let spent = money(ao.financial_executed);
        if !ao.financial_detail {
            format!("Su ejecución presupuestal {} no se conoce: la fuente solo registra totales anuales (sin detalle mensual).", self.span())
        } else if ao.financial_programmed.is_zero() {
            format!(
                "Dicha actividad contó con una ejecución presupuestal de S/ {spent}, sin contar con {}.",
                self.programmed_goal("financiera")
            )
        } else {
            // The reference gives this share with the tables' one decimal ("100.0%"), unlike the physical one.
            format!(
                "Dicha actividad contó con una ejecución presupuestal de S/ {spent}, representando el {} de la meta financiera {} (S/ {}).",
                percent(ao.financial_progress()),
                self.span(),
                money_in_prose(ao.financial_programmed)
            )
        }
    }

    /// Section 3's description of an AO's physical and financial goals.
    pub(super) fn goals(&self, ao: &ActivityFigures) -> String {
        let name = self.activity_name(ao);
        let physical = if ao.physical_programmed.is_zero() {
            format!("La actividad operativa “{name}”, no contó con {}", self.programmed_goal("física"))
        } else {
            let description = clause(&self.written(ao).goal_description);
            let description = if description.is_empty() { String::new() } else { format!(", {description}") };
            format!(
                "La actividad operativa “{name}”, contó con una meta física {} de {}{description}",
                self.span(),
                amount(ao.physical_programmed, &self.noun(ao))
            )
        };
        let financial = if !ao.financial_detail {
            format!("Su meta financiera {} no se conoce: la fuente solo registra totales anuales (sin detalle mensual).", self.span())
        } else if ao.financial_programmed.is_zero() {
            format!("Dicha actividad operativa no contó con {}.", self.programmed_goal("financiera"))
        } else {
            format!(
                "Dicha actividad operativa contó con una meta financiera {} de S/ {}.",
                self.span(),
                money_in_prose(ao.financial_programmed)
            )
        };
        format!("{physical}. {financial}")
    }
}
