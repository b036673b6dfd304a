//! What the recommendation register says in summary: the listing with filters, the dashboard tables, and what the ficha cites (sections 5 and 6).

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::follow_up::{FollowUp, RecommendationFollowUp, Tally};
use super::model::{Origin, Recommendation, RecommendationKind, RecommendationSource, RecommendationStatus};
use super::register::RecommendationRegister;
use crate::domain::calendar::Date;
use crate::domain::language::{counted, fold, number_with_digits, percent, push_folded, Gender};

/// The filters and the search over the register; an empty query lists everything.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RegisterQuery {
    pub kind: Option<RecommendationKind>,
    /// Control reports of this origin only (previous evaluations have none).
    pub origin: Option<Origin>,
    /// The status in force on the as-of date.
    pub status: Option<RecommendationStatus>,
    /// Words looked for in the number, text, report, responsible unit and officer, ignoring case and accents.
    pub text: String,
}

/// One recommendation as the register lists it, with its follow-up as of the chosen date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listed<'a> {
    pub recommendation: &'a Recommendation,
    /// The origin of its control report; `None` for previous evaluations.
    pub origin: Option<Origin>,
    /// The status in force on the as-of date.
    pub status: RecommendationStatus,
    /// `None` when its report was received after the as-of date or is not registered.
    pub follow_up: Option<&'a RecommendationFollowUp>,
}

/// The recommendations matching the query, in register order. `follow_up` must be the register's.
pub fn list<'a>(
    register: &'a RecommendationRegister,
    follow_up: &'a FollowUp,
    query: &RegisterQuery,
) -> Vec<Listed<'a>> {
    let words: Vec<String> = fold(&query.text).split_whitespace().map(str::to_string).collect();
    // The follow-up rows are a subsequence of the register in the same order: walk both at once.
    let mut rows = follow_up.rows.iter().peekable();
    let origins: HashMap<&str, Origin> = register.reports().iter().map(|r| (r.number.as_str(), r.origin)).collect();
    let mut listed = Vec::new();
    // One buffer for every recommendation's searchable text: searching 10,000 allocates once.
    let mut haystack = String::new();
    for recommendation in register.recommendations() {
        let row = rows.next_if(|r| r.id == recommendation.id());
        if query.kind.is_some_and(|k| k != recommendation.kind()) {
            continue;
        }
        let origin = match &recommendation.source {
            RecommendationSource::Control { report_number } => origins.get(report_number.as_str()).copied(),
            RecommendationSource::PreviousEvaluation { .. } => None,
        };
        if query.origin.is_some_and(|o| Some(o) != origin) {
            continue;
        }
        let status = row.map_or_else(|| recommendation.status_on(follow_up.as_of), |r| r.status);
        if query.status.is_some_and(|s| s != status) {
            continue;
        }
        if !words.is_empty() {
            haystack.clear();
            for field in [
                recommendation.number.as_str(),
                &recommendation.text,
                recommendation.report_key(),
                &recommendation.responsible_unit,
                &recommendation.officer,
            ] {
                push_folded(&mut haystack, field);
                haystack.push('\n');
            }
            if !words.iter().all(|w| haystack.contains(w.as_str())) {
                continue;
            }
        }
        listed.push(Listed { recommendation, origin, status, follow_up: row });
    }
    listed
}

/// How many recommendations each control report holds, by report number (reports without any are absent).
pub fn recommendations_per_report(register: &RecommendationRegister) -> HashMap<&str, usize> {
    let mut counts = HashMap::new();
    for recommendation in register.recommendations_of(RecommendationKind::Control) {
        *counts.entry(recommendation.report_key()).or_insert(0) += 1;
    }
    counts
}

/// The open recommendations whose deadline is at most `due_soon_days` away, nearest first.
pub fn due_soon(follow_up: &FollowUp) -> Vec<&RecommendationFollowUp> {
    let mut rows: Vec<&RecommendationFollowUp> = follow_up.rows.iter().filter(|r| r.due_soon).collect();
    rows.sort_by_key(|r| r.days_to_deadline);
    rows
}

/// What groups a table of the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    Overall,
    Origin,
    Type,
    Unit,
    Report,
}

impl Grouping {
    pub const ALL: [Grouping; 5] =
        [Grouping::Overall, Grouping::Origin, Grouping::Type, Grouping::Unit, Grouping::Report];

    /// The table's caption.
    pub fn caption(self) -> &'static str {
        match self {
            Grouping::Overall => "Porcentaje de implementación de recomendaciones",
            Grouping::Origin => "Porcentaje de implementación por origen del informe de control",
            Grouping::Type => "Porcentaje de implementación por tipo de recomendación",
            Grouping::Unit => "Porcentaje de implementación por unidad responsable",
            Grouping::Report => "Porcentaje de implementación por informe",
        }
    }

    /// The title of the group column.
    pub fn column(self) -> &'static str {
        match self {
            Grouping::Overall => "RECOMENDACIONES",
            Grouping::Origin => "ORIGEN",
            Grouping::Type => "TIPO",
            Grouping::Unit => "UNIDAD RESPONSABLE",
            Grouping::Report => "INFORME",
        }
    }
}

/// How % implemented is computed (`Tally::percent_implemented`), as the dashboard states it beside the figure.
pub const PERCENT_IMPLEMENTED_FORMULA: &str = "Implementadas / (total − inaplicables − no aplicables)";

/// The title of each count column of an indicator table, in the order of `IndicatorRow::counts`.
pub const INDICATOR_COLUMNS: [&str; 10] = [
    "TOTAL",
    "PENDIENTE",
    "EN PROCESO",
    "IMPLEMENTADA",
    "INAPLICABLE POR CAUSAL SOBREVINIENTE",
    "NO APLICABLE",
    "BASE DE CÁLCULO",
    "% IMPLEMENTADO",
    "VENCIDAS",
    "POR VENCER",
];

/// One figure of an indicator table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Count(usize),
    /// % implemented; `None` when no recommendation is applicable.
    Percent(Option<Decimal>),
}

impl Figure {
    /// As the tables show it: `3`, `50.0%`, `–`.
    pub fn display(self) -> String {
        match self {
            Figure::Count(n) => n.to_string(),
            Figure::Percent(value) => percent(value),
        }
    }
}

/// One row of an indicator table: a group and its counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorRow {
    pub group: String,
    pub tally: Tally,
}

impl IndicatorRow {
    /// The figures under `INDICATOR_COLUMNS`.
    pub fn figures(&self) -> [Figure; 10] {
        let t = &self.tally;
        let [pendiente, en_proceso, implementada, inaplicable, no_aplicable] =
            RecommendationStatus::ALL.map(|s| Figure::Count(t.count(s)));
        [
            Figure::Count(t.total),
            pendiente,
            en_proceso,
            implementada,
            inaplicable,
            no_aplicable,
            Figure::Count(t.denominator()),
            Figure::Percent(t.percent_implemented()),
            Figure::Count(t.overdue),
            Figure::Count(t.due_soon),
        ]
    }

    /// The figures as shown ("50.0%", "–" when nothing is applicable).
    pub fn counts(&self) -> [String; 10] {
        self.figures().map(Figure::display)
    }
}

/// What an empty responsible unit is listed as.
pub const NO_UNIT: &str = "(sin unidad responsable)";

/// The rows of one indicator table of the dashboard.
pub fn indicator_rows(follow_up: &FollowUp, grouping: Grouping) -> Vec<IndicatorRow> {
    let row = |group: &str, tally: Tally| IndicatorRow { group: group.to_string(), tally };
    match grouping {
        Grouping::Overall => vec![row("Total", follow_up.overall)],
        Grouping::Origin => follow_up.by_origin.iter().map(|g| row(g.key.label(), g.tally)).collect(),
        Grouping::Type => follow_up.by_type.iter().map(|g| row(g.key.label(), g.tally)).collect(),
        Grouping::Unit => follow_up
            .by_unit
            .iter()
            .map(|g| row(if g.key.trim().is_empty() { NO_UNIT } else { &g.key }, g.tally))
            .collect(),
        Grouping::Report => follow_up.by_report.iter().map(|g| row(&g.key, g.tally)).collect(),
    }
}

/// A recommendation of a previous evaluation as section 5 lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvaluationItem {
    pub number: String,
    pub text: String,
    /// The label of the status in force on the ficha's date.
    pub status: String,
    /// The follow-up paragraph written for it.
    pub follow_up: String,
}

/// The recommendations of one previous evaluation, for section 5 of the ficha.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvaluationFollowUp {
    /// The evaluation report as cited: "Informe de Evaluación de Implementación del POI …".
    pub report: String,
    pub date: Date,
    pub recommendations: Vec<EvaluationItem>,
}

impl EvaluationFollowUp {
    /// The follow-up paragraphs to print after the list: each distinct text once, in order, so a
    /// paragraph that answers several recommendations is written once.
    pub fn follow_up_paragraphs(&self) -> Vec<&str> {
        let mut paragraphs: Vec<&str> = Vec::new();
        for item in &self.recommendations {
            let text = item.follow_up.trim();
            if !text.is_empty() && !paragraphs.contains(&text) {
                paragraphs.push(text);
            }
        }
        paragraphs
    }
}

/// Section 5 of the ficha of `aei_code`: the previous evaluations dated on or before the ficha's
/// date, in the order they were registered, each with the recommendations linked to that AEI or to
/// the whole entity, their status in force on that date and their follow-up.
pub fn previous_evaluations_for_ficha(register: &RecommendationRegister, aei_code: &str, as_of: Date) -> Vec<EvaluationFollowUp> {
    let mut evaluations: Vec<EvaluationFollowUp> = Vec::new();
    for recommendation in register.recommendations_of(RecommendationKind::PreviousEvaluation) {
        let RecommendationSource::PreviousEvaluation { report, date } = &recommendation.source else { continue };
        let linked = recommendation.aei_code.trim();
        if *date > as_of || !(linked.is_empty() || linked == aei_code) {
            continue;
        }
        let item = EvaluationItem {
            number: recommendation.number.trim().to_string(),
            text: recommendation.text.trim().to_string(),
            status: register.settings.statuses.label(recommendation.status_on(as_of)).to_string(),
            follow_up: recommendation.follow_up.trim().to_string(),
        };
        match evaluations.iter_mut().find(|e| e.report == *report && e.date == *date) {
            Some(evaluation) => evaluation.recommendations.push(item),
            None => evaluations.push(EvaluationFollowUp {
                report: report.clone(),
                date: *date,
                recommendations: vec![item],
            }),
        }
    }
    evaluations
}

/// "el OCI, la CGR y Sociedades de Auditoría": the origins present, as prose cites them.
fn origins_in_prose(follow_up: &FollowUp) -> String {
    let names: Vec<&str> = follow_up
        .by_origin
        .iter()
        .map(|g| match g.key {
            Origin::Oci => "el OCI",
            Origin::Cgr => "la CGR",
            Origin::Soa => "Sociedades de Auditoría",
        })
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} y {last}", init.join(", ")),
    }
}

/// Section 6: one sentence citing the indicators of the control recommendations as of the ficha's
/// date; `None` when no control recommendation had arrived by then.
pub fn control_indicators_sentence(register: &RecommendationRegister, as_of: Date) -> Option<String> {
    let follow_up = register.follow_up(as_of, Some(RecommendationKind::Control));
    let tally = follow_up.overall;
    if tally.total == 0 {
        return None;
    }
    let total = u32::try_from(tally.total).unwrap_or(u32::MAX);
    let registered = if total == 1 {
        format!("se registra {} derivada", counted(1, Gender::Feminine, "recomendación", "recomendaciones"))
    } else {
        format!("se registran {} derivadas", counted(total, Gender::Feminine, "recomendación", "recomendaciones"))
    };
    let implemented = match u32::try_from(tally.implemented).unwrap_or(u32::MAX) {
        0 if total == 1 => "que no se encuentra implementada".to_string(),
        0 => "de las cuales ninguna se encuentra implementada".to_string(),
        1 if total == 1 => "que se encuentra implementada".to_string(),
        1 => format!("de las cuales {} se encuentra implementada", number_with_digits(1, Gender::Feminine)),
        n => format!("de las cuales {} se encuentran implementadas", number_with_digits(n, Gender::Feminine)),
    };
    let indicator = match tally.percent_implemented() {
        Some(value) => format!(
            "el porcentaje de implementación es {} (implementadas entre el total, sin contar las inaplicables por causal sobreviniente ni las no aplicables)",
            percent(Some(value))
        ),
        None => "el porcentaje de implementación no se calcula porque ninguna es aplicable".to_string(),
    };
    let overdue = match u32::try_from(tally.overdue).unwrap_or(u32::MAX) {
        0 => String::new(),
        1 => " Asimismo, una (01) recomendación tiene el plazo de su plan de acción vencido.".to_string(),
        n => format!(
            " Asimismo, {} tienen el plazo de su plan de acción vencido.",
            counted(n, Gender::Feminine, "recomendación", "recomendaciones")
        ),
    };
    Some(format!(
        "Al {}, {registered} de informes de servicios de control posterior emitidos por {}, {implemented}; {indicator}.{overdue}",
        as_of.dmy(),
        origins_in_prose(&follow_up),
    ))
}
