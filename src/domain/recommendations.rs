//! Recommendations of previous evaluations and control reports, their follow-up and indicators (DOMAIN.md §6).

use std::collections::{HashMap, HashSet};
use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::calendar::{add_working_days, days_between, working_days_between, Date, HolidayCalendar};

/// The status of a recommendation (CGR practice). How each one is labelled and counted is data:
/// see `StatusCatalog`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub enum RecommendationStatus {
    #[default]
    Pendiente,
    EnProceso,
    Implementada,
    InaplicablePorCausalSobreviniente,
    NoAplicable,
}

impl RecommendationStatus {
    /// Every status, in the order the UI lists them.
    pub const ALL: [RecommendationStatus; 5] = [
        RecommendationStatus::Pendiente,
        RecommendationStatus::EnProceso,
        RecommendationStatus::Implementada,
        RecommendationStatus::InaplicablePorCausalSobreviniente,
        RecommendationStatus::NoAplicable,
    ];

    /// The default Spanish label; the label shown is the catalog's.
    pub fn label(self) -> &'static str {
        match self {
            RecommendationStatus::Pendiente => "Pendiente",
            RecommendationStatus::EnProceso => "En proceso",
            RecommendationStatus::Implementada => "Implementada",
            RecommendationStatus::InaplicablePorCausalSobreviniente => "Inaplicable por causal sobreviniente",
            RecommendationStatus::NoAplicable => "No aplicable",
        }
    }

    fn index(self) -> usize {
        match self {
            RecommendationStatus::Pendiente => 0,
            RecommendationStatus::EnProceso => 1,
            RecommendationStatus::Implementada => 2,
            RecommendationStatus::InaplicablePorCausalSobreviniente => 3,
            RecommendationStatus::NoAplicable => 4,
        }
    }
}

/// How one status is labelled and counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusRule {
    pub label: String,
    /// A closed recommendation is never overdue nor due soon, and leaves the ageing count.
    pub closed: bool,
    /// Counts in the numerator of % implemented; recording it requires who verified it.
    pub counts_as_implemented: bool,
    /// Leaves the denominator of % implemented.
    pub excluded_from_denominator: bool,
}

impl StatusRule {
    fn new(status: RecommendationStatus, closed: bool, counts_as_implemented: bool, excluded: bool) -> Self {
        Self { label: status.label().to_string(), closed, counts_as_implemented, excluded_from_denominator: excluded }
    }
}

/// The status list as data (DOMAIN.md §6 marks it unverified): one rule per status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCatalog {
    pub pendiente: StatusRule,
    pub en_proceso: StatusRule,
    pub implementada: StatusRule,
    pub inaplicable_por_causal_sobreviniente: StatusRule,
    pub no_aplicable: StatusRule,
}

/// §6: % implemented = Implementada / (total − Inaplicable − No aplicable); those three are closed.
impl Default for StatusCatalog {
    fn default() -> Self {
        use RecommendationStatus::*;
        Self {
            pendiente: StatusRule::new(Pendiente, false, false, false),
            en_proceso: StatusRule::new(EnProceso, false, false, false),
            implementada: StatusRule::new(Implementada, true, true, false),
            inaplicable_por_causal_sobreviniente: StatusRule::new(InaplicablePorCausalSobreviniente, true, false, true),
            no_aplicable: StatusRule::new(NoAplicable, true, false, true),
        }
    }
}

impl StatusCatalog {
    /// The rule of a status.
    pub fn rule(&self, status: RecommendationStatus) -> &StatusRule {
        match status {
            RecommendationStatus::Pendiente => &self.pendiente,
            RecommendationStatus::EnProceso => &self.en_proceso,
            RecommendationStatus::Implementada => &self.implementada,
            RecommendationStatus::InaplicablePorCausalSobreviniente => &self.inaplicable_por_causal_sobreviniente,
            RecommendationStatus::NoAplicable => &self.no_aplicable,
        }
    }

    /// The label shown for a status.
    pub fn label(&self, status: RecommendationStatus) -> &str {
        &self.rule(status).label
    }
}

/// Who issued a control report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Origin {
    /// Órgano de Control Institucional.
    #[serde(rename = "OCI")]
    Oci,
    /// Contraloría General de la República.
    #[serde(rename = "CGR")]
    Cgr,
    /// Sociedad de Auditoría.
    #[serde(rename = "SOA")]
    Soa,
}

impl Origin {
    pub const ALL: [Origin; 3] = [Origin::Oci, Origin::Cgr, Origin::Soa];

    /// "OCI", "CGR", "SOA".
    pub fn label(self) -> &'static str {
        match self {
            Origin::Oci => "OCI",
            Origin::Cgr => "CGR",
            Origin::Soa => "SOA",
        }
    }

    /// The full name.
    pub fn name(self) -> &'static str {
        match self {
            Origin::Oci => "Órgano de Control Institucional",
            Origin::Cgr => "Contraloría General de la República",
            Origin::Soa => "Sociedad de Auditoría",
        }
    }

    fn index(self) -> usize {
        match self {
            Origin::Oci => 0,
            Origin::Cgr => 1,
            Origin::Soa => 2,
        }
    }
}

/// What a recommendation asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub enum RecommendationType {
    #[default]
    ManagementImprovement,
    AdministrativeProcedure,
    LegalAction,
}

impl RecommendationType {
    pub const ALL: [RecommendationType; 3] = [
        RecommendationType::ManagementImprovement,
        RecommendationType::AdministrativeProcedure,
        RecommendationType::LegalAction,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RecommendationType::ManagementImprovement => "Mejora de la gestión",
            RecommendationType::AdministrativeProcedure => "Inicio de procedimiento administrativo",
            RecommendationType::LegalAction => "Inicio de acciones legales",
        }
    }

    fn index(self) -> usize {
        match self {
            RecommendationType::ManagementImprovement => 0,
            RecommendationType::AdministrativeProcedure => 1,
            RecommendationType::LegalAction => 2,
        }
    }
}

/// The two registers kept with one model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RecommendationKind {
    /// From previous POI evaluations (section 5 of the ficha).
    PreviousEvaluation,
    /// From control reports of the OCI, the CGR or a Sociedad de Auditoría.
    Control,
}

impl RecommendationKind {
    pub fn label(self) -> &'static str {
        match self {
            RecommendationKind::PreviousEvaluation => "Recomendaciones de evaluaciones previas",
            RecommendationKind::Control => "Recomendaciones de informes de control",
        }
    }
}

/// A control report (informe de servicio de control posterior).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ControlReport {
    /// "N° 005-2023-OCI/0191": the key recommendations refer to.
    pub number: String,
    pub title: String,
    /// E.g. "Auditoría de cumplimiento", "Servicio de control específico".
    #[serde(default)]
    pub service_type: String,
    pub origin: Origin,
    pub issued: Date,
    pub received: Date,
}

/// Where a recommendation comes from, which decides its register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum RecommendationSource {
    /// A previous evaluation: the report as cited (e.g. "Informe de evaluación del POI 2023 – I semestre")
    /// and its date, from which the recommendation ages.
    PreviousEvaluation { report: String, date: Date },
    /// A registered control report, by number; the recommendation ages from its reception.
    Control { report_number: String },
}

/// An action of an action plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub description: String,
    pub responsible: String,
    #[serde(default)]
    pub start: Option<Date>,
    /// The deadline first agreed; reprogrammings move it, in order.
    pub deadline: Date,
    #[serde(default)]
    pub reprogrammings: Vec<Reprogramming>,
    /// References of the evidence documents (e.g. "Memorando N° 123-2024-TR/UFPP").
    #[serde(default)]
    pub evidence: Vec<String>,
}

impl Action {
    /// A new action with no start, reprogramming or evidence.
    pub fn new(description: &str, responsible: &str, deadline: Date) -> Self {
        Self {
            description: description.to_string(),
            responsible: responsible.to_string(),
            start: None,
            deadline,
            reprogrammings: Vec::new(),
            evidence: Vec::new(),
        }
    }

    /// The deadline in force: the last reprogramming's, else the first agreed.
    pub fn current_deadline(&self) -> Date {
        self.reprogrammings.last().map_or(self.deadline, |r| r.new_deadline)
    }
}

/// A new deadline for an action and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reprogramming {
    pub new_deadline: Date,
    pub reason: String,
}

/// The entity's plan to implement a recommendation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ActionPlan {
    /// When the plan was sent to the control body; `None` while it is pending.
    #[serde(default)]
    pub submitted: Option<Date>,
    #[serde(default)]
    pub actions: Vec<Action>,
}

/// One entry of a recommendation's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub date: Date,
    pub status: RecommendationStatus,
    #[serde(default)]
    pub note: String,
    /// Reference of the evidence document.
    #[serde(default)]
    pub evidence: String,
    /// Who recorded the change.
    #[serde(default)]
    pub recorded_by: String,
    /// Who verified the implementation (the OCI, for control reports); required for implemented statuses.
    #[serde(default)]
    pub verified_by: String,
}

/// A status change as the user fills it in, before validation; the date may still be missing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StatusUpdate {
    pub date: Option<Date>,
    pub status: RecommendationStatus,
    pub note: String,
    pub evidence: String,
    pub recorded_by: String,
    pub verified_by: String,
}

/// The register's own identifier of a recommendation (numbers repeat across reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct RecommendationId(pub u32);

/// A recommendation with its action plan and its append-only status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recommendation {
    id: RecommendationId,
    pub source: RecommendationSource,
    /// Its number within the report ("1", "3.2").
    pub number: String,
    pub text: String,
    pub recommendation_type: RecommendationType,
    #[serde(default)]
    pub responsible_unit: String,
    #[serde(default)]
    pub officer: String,
    #[serde(default)]
    pub action_plan: ActionPlan,
    /// The follow-up paragraph written in section 5 of the ficha.
    #[serde(default)]
    pub follow_up: String,
    /// Chronological; grows only through `RecommendationRegister::change_status`.
    #[serde(default)]
    history: Vec<StatusChange>,
}

impl Recommendation {
    /// A pending recommendation with no action plan; the register gives it its id when added.
    pub fn new(
        source: RecommendationSource,
        number: &str,
        text: &str,
        recommendation_type: RecommendationType,
    ) -> Self {
        Self {
            id: RecommendationId::default(),
            source,
            number: number.to_string(),
            text: text.to_string(),
            recommendation_type,
            responsible_unit: String::new(),
            officer: String::new(),
            action_plan: ActionPlan::default(),
            follow_up: String::new(),
            history: Vec::new(),
        }
    }

    pub fn id(&self) -> RecommendationId {
        self.id
    }

    pub fn kind(&self) -> RecommendationKind {
        match self.source {
            RecommendationSource::PreviousEvaluation { .. } => RecommendationKind::PreviousEvaluation,
            RecommendationSource::Control { .. } => RecommendationKind::Control,
        }
    }

    /// What groups recommendations by report: the control report's number or the evaluation cited.
    pub fn report_key(&self) -> &str {
        match &self.source {
            RecommendationSource::PreviousEvaluation { report, .. } => report,
            RecommendationSource::Control { report_number } => report_number,
        }
    }

    /// The status changes, oldest first.
    pub fn history(&self) -> &[StatusChange] {
        &self.history
    }

    /// The latest status; Pendiente while nothing was recorded.
    pub fn status(&self) -> RecommendationStatus {
        self.history.last().map_or_else(RecommendationStatus::default, |c| c.status)
    }

    /// The status in force on a date: the last change dated on or before it.
    pub fn status_on(&self, date: Date) -> RecommendationStatus {
        let recorded = self.history.partition_point(|c| c.date <= date);
        recorded.checked_sub(1).map_or_else(RecommendationStatus::default, |i| self.history[i].status)
    }

    /// The latest deadline in force among its actions; `None` without actions.
    pub fn deadline(&self) -> Option<Date> {
        self.action_plan.actions.iter().map(Action::current_deadline).max()
    }

    fn is_of_report(&self, number: &str) -> bool {
        matches!(&self.source, RecommendationSource::Control { report_number } if report_number == number)
    }

    fn location(&self) -> Location {
        Location::Recommendation { source: source_label(&self.source), number: self.number.trim().to_string() }
    }

    fn action_location(&self, index: usize) -> Location {
        Location::Action {
            source: source_label(&self.source),
            number: self.number.trim().to_string(),
            action: index + 1,
        }
    }
}

/// "del informe N° …" or "de «…»", as messages cite a recommendation's source.
fn source_label(source: &RecommendationSource) -> String {
    match source {
        RecommendationSource::PreviousEvaluation { report, .. } => format!("de «{report}»"),
        RecommendationSource::Control { report_number } => format!("del informe N° {report_number}"),
    }
}

/// Settings of the follow-up that encode unverified practice (DOMAIN.md §6), kept as data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FollowUpSettings {
    /// A deadline within this many calendar days is "por vencer".
    pub due_soon_days: u32,
    /// The action plan is due this many días hábiles after the report is received.
    pub action_plan_working_days: u32,
    /// A deadline falling on a weekend or holiday moves to the next día hábil.
    pub deadline_moves_to_working_day: bool,
    pub holidays: HolidayCalendar,
    pub statuses: StatusCatalog,
}

impl Default for FollowUpSettings {
    fn default() -> Self {
        Self {
            due_soon_days: 15,
            action_plan_working_days: 20,
            deadline_moves_to_working_day: true,
            holidays: HolidayCalendar::peru_default(),
            statuses: StatusCatalog::default(),
        }
    }
}

/// Where a register error is, as the message cites it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Register,
    Report {
        number: String,
    },
    /// `source` reads "del informe N° …" or "de «…»".
    Recommendation {
        source: String,
        number: String,
    },
    /// `action` counts from 1.
    Action {
        source: String,
        number: String,
        action: usize,
    },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Register => f.write_str("Registro de recomendaciones"),
            Location::Report { number } => write!(f, "Informe N° {number}"),
            Location::Recommendation { source, number } => write!(f, "Recomendación N° {number} {source}"),
            Location::Action { source, number, action } => {
                write!(f, "Acción {action} de la recomendación N° {number} {source}")
            }
        }
    }
}

/// What is wrong; status labels are the catalog's at the time of the check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    MissingReportNumber,
    DuplicateReport,
    ReceivedBeforeIssued { issued: Date, received: Date },
    UnknownReport { number: String },
    ReportHasRecommendations { count: usize },
    UnknownRecommendation,
    MissingRecommendationNumber,
    DuplicateRecommendationNumber,
    DeadlineBeforeReport { deadline: Date, report_date: Date },
    StartAfterDeadline { start: Date, deadline: Date },
    MissingReprogrammingReason { new_deadline: Date },
    MissingStatusDate { status: String },
    StatusDateInFuture { status: String, date: Date, as_of: Date },
    StatusDateBeforeLast { date: Date, last: Date },
    StatusDateBeforeReport { date: Date, report_date: Date },
    MissingVerifier { status: String },
    HasHistory,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::MissingReportNumber => f.write_str("falta el número del informe"),
            Problem::DuplicateReport => f.write_str("ya existe un informe con ese número"),
            Problem::ReceivedBeforeIssued { issued, received } => write!(
                f,
                "la fecha de recepción ({}) es anterior a la fecha de emisión ({})",
                received.dmy(),
                issued.dmy()
            ),
            Problem::UnknownReport { number } => write!(f, "el informe N° {number} no está registrado"),
            Problem::ReportHasRecommendations { count } => write!(
                f,
                "tiene {count} recomendación(es) registrada(s); elimínelas antes de eliminar el informe"
            ),
            Problem::UnknownRecommendation => f.write_str("la recomendación no existe (pudo haber sido eliminada)"),
            Problem::MissingRecommendationNumber => f.write_str("falta el número de la recomendación"),
            Problem::DuplicateRecommendationNumber => {
                f.write_str("ya existe otra recomendación con ese número en el mismo informe")
            }
            Problem::DeadlineBeforeReport { deadline, report_date } => write!(
                f,
                "el plazo ({}) es anterior a la fecha del informe ({})",
                deadline.dmy(),
                report_date.dmy()
            ),
            Problem::StartAfterDeadline { start, deadline } => write!(
                f,
                "la fecha de inicio ({}) es posterior al plazo ({})",
                start.dmy(),
                deadline.dmy()
            ),
            Problem::MissingReprogrammingReason { new_deadline } => {
                write!(f, "la reprogramación al {} no indica el motivo", new_deadline.dmy())
            }
            Problem::MissingStatusDate { status } => write!(f, "el cambio al estado «{status}» no tiene fecha"),
            Problem::StatusDateInFuture { status, date, as_of } => write!(
                f,
                "la fecha del estado «{status}» ({}) es posterior a la fecha de corte ({})",
                date.dmy(),
                as_of.dmy()
            ),
            Problem::StatusDateBeforeLast { date, last } => write!(
                f,
                "la fecha del cambio de estado ({}) es anterior a la del último cambio registrado ({}); el historial no se reescribe",
                date.dmy(),
                last.dmy()
            ),
            Problem::StatusDateBeforeReport { date, report_date } => write!(
                f,
                "la fecha del cambio de estado ({}) es anterior a la fecha del informe ({})",
                date.dmy(),
                report_date.dmy()
            ),
            Problem::MissingVerifier { status } => {
                write!(f, "para registrar el estado «{status}» indique quién verificó la implementación")
            }
            Problem::HasHistory => {
                f.write_str("tiene cambios de estado registrados y su historial no se puede borrar")
            }
        }
    }
}

/// A rule of the register broken, with where: "Informe N° 005-2023-OCI/0191: la fecha de recepción …".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterError {
    pub location: Location,
    pub problem: Problem,
}

impl fmt::Display for RegisterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.problem)
    }
}

impl std::error::Error for RegisterError {}

fn error(location: Location, problem: Problem) -> RegisterError {
    RegisterError { location, problem }
}

fn check_report(report: &ControlReport) -> Result<(), RegisterError> {
    let location = || Location::Report { number: report.number.clone() };
    if report.number.trim().is_empty() {
        return Err(error(location(), Problem::MissingReportNumber));
    }
    if report.received < report.issued {
        let problem = Problem::ReceivedBeforeIssued { issued: report.issued, received: report.received };
        return Err(error(location(), problem));
    }
    Ok(())
}

/// Checks one status change against the history so far; `Ok` gives the change to append.
fn check_status_change(
    recommendation: &Recommendation,
    previous: Option<&StatusChange>,
    update: StatusUpdate,
    report_date: Date,
    as_of: Date,
    statuses: &StatusCatalog,
) -> Result<StatusChange, RegisterError> {
    let rule = statuses.rule(update.status);
    let status = rule.label.clone();
    let fail = |problem| Err(error(recommendation.location(), problem));
    let Some(date) = update.date else {
        return fail(Problem::MissingStatusDate { status });
    };
    if date > as_of {
        return fail(Problem::StatusDateInFuture { status, date, as_of });
    }
    if date < report_date {
        return fail(Problem::StatusDateBeforeReport { date, report_date });
    }
    if let Some(last) = previous.filter(|last| date < last.date) {
        return fail(Problem::StatusDateBeforeLast { date, last: last.date });
    }
    if rule.counts_as_implemented && update.verified_by.trim().is_empty() {
        return fail(Problem::MissingVerifier { status });
    }
    Ok(StatusChange {
        date,
        status: update.status,
        note: update.note,
        evidence: update.evidence,
        recorded_by: update.recorded_by,
        verified_by: update.verified_by,
    })
}

/// Checks a recommendation's own data (not its history) against the date of its report.
fn check_recommendation_data(recommendation: &Recommendation, report_date: Date) -> Result<(), RegisterError> {
    if recommendation.number.trim().is_empty() {
        return Err(error(recommendation.location(), Problem::MissingRecommendationNumber));
    }
    for (i, action) in recommendation.action_plan.actions.iter().enumerate() {
        let fail = |problem| Err(error(recommendation.action_location(i), problem));
        let mut deadlines =
            std::iter::once(action.deadline).chain(action.reprogrammings.iter().map(|r| r.new_deadline));
        if let Some(deadline) = deadlines.find(|d| *d < report_date) {
            return fail(Problem::DeadlineBeforeReport { deadline, report_date });
        }
        if let Some(start) = action.start.filter(|s| *s > action.deadline) {
            return fail(Problem::StartAfterDeadline { start, deadline: action.deadline });
        }
        if let Some(r) = action.reprogrammings.iter().find(|r| r.reason.trim().is_empty()) {
            return fail(Problem::MissingReprogrammingReason { new_deadline: r.new_deadline });
        }
    }
    Ok(())
}

/// Checks that the history does not start before the report, when a report or a source is edited.
fn check_history_start(recommendation: &Recommendation, report_date: Date) -> Result<(), RegisterError> {
    match recommendation.history.first() {
        Some(first) if first.date < report_date => {
            let problem = Problem::StatusDateBeforeReport { date: first.date, report_date };
            Err(error(recommendation.location(), problem))
        }
        _ => Ok(()),
    }
}

/// Ageing of an open recommendation, in calendar days since its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AgeingBucket {
    /// 0–90 days.
    UpTo90,
    /// 91–180 days.
    From91To180,
    /// 181–365 days.
    From181To365,
    /// More than 365 days.
    Over365,
}

impl AgeingBucket {
    pub const ALL: [AgeingBucket; 4] =
        [AgeingBucket::UpTo90, AgeingBucket::From91To180, AgeingBucket::From181To365, AgeingBucket::Over365];

    /// The bucket of an age in calendar days.
    pub fn of(age_days: i64) -> Self {
        match age_days {
            ..=90 => AgeingBucket::UpTo90,
            91..=180 => AgeingBucket::From91To180,
            181..=365 => AgeingBucket::From181To365,
            _ => AgeingBucket::Over365,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AgeingBucket::UpTo90 => "0 a 90 días",
            AgeingBucket::From91To180 => "91 a 180 días",
            AgeingBucket::From181To365 => "181 a 365 días",
            AgeingBucket::Over365 => "Más de 365 días",
        }
    }

    fn index(self) -> usize {
        match self {
            AgeingBucket::UpTo90 => 0,
            AgeingBucket::From91To180 => 1,
            AgeingBucket::From181To365 => 2,
            AgeingBucket::Over365 => 3,
        }
    }
}

/// One recommendation's follow-up as of a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecommendationFollowUp {
    pub id: RecommendationId,
    /// The status in force on the as-of date.
    pub status: RecommendationStatus,
    pub closed: bool,
    /// Where the age counts from: the report's reception, or the evaluation's date.
    pub since: Date,
    pub age_days: i64,
    pub age_working_days: i64,
    pub ageing: AgeingBucket,
    /// The latest action deadline in force, moved to a día hábil when the settings say so.
    pub deadline: Option<Date>,
    /// Calendar days from the as-of date to the deadline; negative once passed.
    pub days_to_deadline: Option<i64>,
    /// The deadline has passed (as-of date after it) and the status is not closed.
    pub overdue: bool,
    /// Not overdue, not closed, and the deadline is at most `due_soon_days` away.
    pub due_soon: bool,
    /// Control reports only: `action_plan_working_days` días hábiles after reception.
    pub action_plan_due: Option<Date>,
    /// The action plan was not submitted, its due date has passed and the status is not closed.
    pub action_plan_overdue: bool,
}

/// Counts of a set of recommendations, for % implemented and the status table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    by_status: [usize; 5],
    pub total: usize,
    pub implemented: usize,
    pub excluded: usize,
    pub overdue: usize,
    pub due_soon: usize,
}

impl Tally {
    fn add(&mut self, row: &RecommendationFollowUp, rule: &StatusRule) {
        self.by_status[row.status.index()] += 1;
        self.total += 1;
        self.implemented += usize::from(rule.counts_as_implemented);
        self.excluded += usize::from(rule.excluded_from_denominator);
        self.overdue += usize::from(row.overdue);
        self.due_soon += usize::from(row.due_soon);
    }

    /// Recommendations in a status.
    pub fn count(&self, status: RecommendationStatus) -> usize {
        self.by_status[status.index()]
    }

    /// total − the statuses excluded (Inaplicable por causal sobreviniente, No aplicable).
    pub fn denominator(&self) -> usize {
        self.total - self.excluded
    }

    /// % implemented = implemented / denominator × 100; `None` when the denominator is 0 (shown as "–").
    pub fn percent_implemented(&self) -> Option<Decimal> {
        let denominator = self.denominator();
        (denominator > 0).then(|| Decimal::from(self.implemented) * Decimal::ONE_HUNDRED / Decimal::from(denominator))
    }
}

/// The tally of one group (an origin, a type, a responsible unit, a report).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group<K> {
    pub key: K,
    pub tally: Tally,
}

/// Follow-up and indicators of a register as of a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    pub as_of: Date,
    /// One row per recommendation that existed on the as-of date, in register order.
    pub rows: Vec<RecommendationFollowUp>,
    pub overall: Tally,
    /// Control recommendations by the origin of their report, in the order OCI, CGR, SOA.
    pub by_origin: Vec<Group<Origin>>,
    pub by_type: Vec<Group<RecommendationType>>,
    /// By responsible unit as typed, sorted.
    pub by_unit: Vec<Group<String>>,
    /// By report number or cited evaluation, sorted.
    pub by_report: Vec<Group<String>>,
    /// Open (not closed) recommendations per ageing bucket, all four buckets in order.
    pub ageing: Vec<(AgeingBucket, usize)>,
    /// Indices into `rows` of the overdue ones, longest overdue first.
    overdue: Vec<usize>,
}

impl FollowUp {
    /// The overdue recommendations, longest overdue first.
    pub fn overdue(&self) -> impl Iterator<Item = &RecommendationFollowUp> {
        self.overdue.iter().map(|&i| &self.rows[i])
    }
}

fn groups(tallies: HashMap<&str, Tally>) -> Vec<Group<String>> {
    let mut groups: Vec<Group<String>> =
        tallies.into_iter().map(|(key, tally)| Group { key: key.to_string(), tally }).collect();
    groups.sort_by(|a, b| a.key.cmp(&b.key));
    groups
}

fn present<K: Copy>(keys: &[K], tallies: &[Tally]) -> Vec<Group<K>> {
    keys.iter().zip(tallies).filter(|(_, t)| t.total > 0).map(|(&key, &tally)| Group { key, tally }).collect()
}

/// The reports and recommendations of both registers, and the follow-up settings.
/// Changes go through methods that validate, so the history only grows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct RecommendationRegister {
    #[serde(default)]
    reports: Vec<ControlReport>,
    #[serde(default)]
    recommendations: Vec<Recommendation>,
    #[serde(default)]
    pub settings: FollowUpSettings,
}

impl RecommendationRegister {
    pub fn reports(&self) -> &[ControlReport] {
        &self.reports
    }

    pub fn report(&self, number: &str) -> Option<&ControlReport> {
        self.reports.iter().find(|r| r.number == number)
    }

    /// Both registers' recommendations, in the order they were added.
    pub fn recommendations(&self) -> &[Recommendation] {
        &self.recommendations
    }

    /// The recommendations of one register.
    pub fn recommendations_of(&self, kind: RecommendationKind) -> impl Iterator<Item = &Recommendation> {
        self.recommendations.iter().filter(move |r| r.kind() == kind)
    }

    pub fn recommendation(&self, id: RecommendationId) -> Option<&Recommendation> {
        self.recommendations.iter().find(|r| r.id == id)
    }

    /// Registers a control report: a number not used yet, received on or after issue.
    pub fn add_report(&mut self, report: ControlReport) -> Result<(), RegisterError> {
        check_report(&report)?;
        if self.report(&report.number).is_some() {
            return Err(error(Location::Report { number: report.number }, Problem::DuplicateReport));
        }
        self.reports.push(report);
        Ok(())
    }

    /// Edits a report; the edit is kept only if the report and its recommendations stay valid.
    /// A new number carries its recommendations along.
    pub fn edit_report(&mut self, number: &str, edit: impl FnOnce(&mut ControlReport)) -> Result<(), RegisterError> {
        let unknown = || {
            error(
                Location::Report { number: number.to_string() },
                Problem::UnknownReport { number: number.to_string() },
            )
        };
        let index = self.reports.iter().position(|r| r.number == number).ok_or_else(unknown)?;
        let mut edited = self.reports[index].clone();
        edit(&mut edited);
        check_report(&edited)?;
        let renamed = edited.number != number;
        if renamed && self.report(&edited.number).is_some() {
            return Err(error(Location::Report { number: edited.number }, Problem::DuplicateReport));
        }
        for recommendation in self.recommendations.iter().filter(|r| r.is_of_report(number)) {
            check_recommendation_data(recommendation, edited.issued)?;
            check_history_start(recommendation, edited.issued)?;
        }
        if renamed {
            for recommendation in &mut self.recommendations {
                if let RecommendationSource::Control { report_number } = &mut recommendation.source {
                    if report_number == number {
                        report_number.clone_from(&edited.number);
                    }
                }
            }
        }
        self.reports[index] = edited;
        Ok(())
    }

    /// Removes a report that has no recommendations.
    pub fn remove_report(&mut self, number: &str) -> Result<ControlReport, RegisterError> {
        let location = || Location::Report { number: number.to_string() };
        let index = self
            .reports
            .iter()
            .position(|r| r.number == number)
            .ok_or_else(|| error(location(), Problem::UnknownReport { number: number.to_string() }))?;
        let count = self.recommendations.iter().filter(|r| r.is_of_report(number)).count();
        if count > 0 {
            return Err(error(location(), Problem::ReportHasRecommendations { count }));
        }
        Ok(self.reports.remove(index))
    }

    /// The date a recommendation's deadlines and history may not precede: the report's issue date,
    /// or the evaluation's date.
    fn report_date(&self, recommendation: &Recommendation) -> Result<Date, RegisterError> {
        match &recommendation.source {
            RecommendationSource::PreviousEvaluation { date, .. } => Ok(*date),
            RecommendationSource::Control { report_number } => {
                self.report(report_number).map(|r| r.issued).ok_or_else(|| {
                    error(recommendation.location(), Problem::UnknownReport { number: report_number.clone() })
                })
            }
        }
    }

    /// Checks a recommendation (new or edited) against the register, ignoring the one with `id`.
    fn check_recommendation(&self, recommendation: &Recommendation, id: RecommendationId) -> Result<(), RegisterError> {
        let report_date = self.report_date(recommendation)?;
        check_recommendation_data(recommendation, report_date)?;
        let key = recommendation.report_key();
        let number = recommendation.number.trim();
        let duplicate = self.recommendations.iter().any(|other| {
            other.id != id
                && other.number.trim() == number
                && other.kind() == recommendation.kind()
                && other.report_key() == key
        });
        if duplicate {
            return Err(error(recommendation.location(), Problem::DuplicateRecommendationNumber));
        }
        Ok(())
    }

    /// Adds a recommendation to its register and gives it an id: its report must exist, its number
    /// be new within the report, its deadlines not precede the report.
    pub fn add_recommendation(
        &mut self,
        mut recommendation: Recommendation,
    ) -> Result<RecommendationId, RegisterError> {
        let id = RecommendationId(self.recommendations.iter().map(|r| r.id.0).max().unwrap_or(0) + 1);
        recommendation.id = id;
        self.check_recommendation(&recommendation, id)?;
        self.recommendations.push(recommendation);
        Ok(id)
    }

    fn index_of(&self, id: RecommendationId) -> Result<usize, RegisterError> {
        self.recommendations
            .iter()
            .position(|r| r.id == id)
            .ok_or_else(|| error(Location::Register, Problem::UnknownRecommendation))
    }

    /// Edits a recommendation's data (text, unit, action plan …); the edit is kept only if valid.
    /// The history cannot be touched here: it grows only through `change_status`.
    pub fn edit_recommendation(
        &mut self,
        id: RecommendationId,
        edit: impl FnOnce(&mut Recommendation),
    ) -> Result<(), RegisterError> {
        let index = self.index_of(id)?;
        let mut edited = self.recommendations[index].clone();
        edit(&mut edited);
        self.check_recommendation(&edited, id)?;
        check_history_start(&edited, self.report_date(&edited)?)?;
        self.recommendations[index] = edited;
        Ok(())
    }

    /// Removes a recommendation entered by mistake; one with status changes stays.
    pub fn remove_recommendation(&mut self, id: RecommendationId) -> Result<Recommendation, RegisterError> {
        let index = self.index_of(id)?;
        let recommendation = &self.recommendations[index];
        if !recommendation.history.is_empty() {
            return Err(error(recommendation.location(), Problem::HasHistory));
        }
        Ok(self.recommendations.remove(index))
    }

    /// Appends a status change to the history, the only way a status changes. It needs a date, not
    /// after `as_of` (today) nor before the report or the last change, and who verified an
    /// implementation. An invalid change leaves the history as it was.
    pub fn change_status(
        &mut self,
        id: RecommendationId,
        update: StatusUpdate,
        as_of: Date,
    ) -> Result<(), RegisterError> {
        let index = self.index_of(id)?;
        let recommendation = &self.recommendations[index];
        let report_date = self.report_date(recommendation)?;
        let change = check_status_change(
            recommendation,
            recommendation.history.last(),
            update,
            report_date,
            as_of,
            &self.settings.statuses,
        )?;
        self.recommendations[index].history.push(change);
        Ok(())
    }

    /// This register (the state undo or redo goes back to) with what undo never takes back from
    /// `now`: a recommendation with status changes stays as it is in `now`, and so does its
    /// report when it is missing here. The rest (recommendations without history, reports,
    /// settings) is as in `self`, so undoing a deletion brings the recommendation back.
    pub fn keeping_history_of(mut self, now: &RecommendationRegister) -> Self {
        for kept in now.recommendations.iter().filter(|r| !r.history.is_empty()) {
            match self.recommendations.iter().position(|r| r.id == kept.id) {
                Some(i) => self.recommendations[i] = kept.clone(),
                None => {
                    let at = self.recommendations.iter().position(|r| r.id > kept.id).unwrap_or(self.recommendations.len());
                    self.recommendations.insert(at, kept.clone());
                }
            }
            if let RecommendationSource::Control { report_number } = &kept.source {
                if let (None, Some(report)) = (self.report(report_number), now.report(report_number)) {
                    self.reports.push(report.clone());
                }
            }
        }
        self
    }

    /// Every rule broken in the register as of a date (e.g. after importing a backup), in order.
    pub fn validate(&self, as_of: Date) -> Vec<RegisterError> {
        let mut errors = Vec::new();
        let mut report_numbers = HashSet::new();
        for report in &self.reports {
            if let Err(e) = check_report(report) {
                errors.push(e);
            }
            if !report_numbers.insert(report.number.as_str()) {
                errors.push(error(Location::Report { number: report.number.clone() }, Problem::DuplicateReport));
            }
        }
        let issued: HashMap<&str, Date> = self.reports.iter().map(|r| (r.number.as_str(), r.issued)).collect();
        let mut numbers = HashSet::new();
        for recommendation in &self.recommendations {
            let report_date = match &recommendation.source {
                RecommendationSource::PreviousEvaluation { date, .. } => *date,
                RecommendationSource::Control { report_number } => match issued.get(report_number.as_str()) {
                    Some(date) => *date,
                    None => {
                        let problem = Problem::UnknownReport { number: report_number.clone() };
                        errors.push(error(recommendation.location(), problem));
                        continue;
                    }
                },
            };
            if let Err(e) = check_recommendation_data(recommendation, report_date) {
                errors.push(e);
            }
            let key = (recommendation.kind(), recommendation.report_key(), recommendation.number.trim());
            if !numbers.insert(key) {
                errors.push(error(recommendation.location(), Problem::DuplicateRecommendationNumber));
            }
            let mut previous = None;
            for change in &recommendation.history {
                let update = StatusUpdate {
                    date: Some(change.date),
                    status: change.status,
                    verified_by: change.verified_by.clone(),
                    ..StatusUpdate::default()
                };
                let checked =
                    check_status_change(recommendation, previous, update, report_date, as_of, &self.settings.statuses);
                if let Err(e) = checked {
                    errors.push(e);
                }
                previous = Some(change);
            }
        }
        errors
    }

    /// The follow-up as of a date (default: today), of one register or both (`None`). Statuses are
    /// those in force on that date; recommendations whose report arrived later are left out, as are
    /// those whose report is not registered (`validate` names them). One pass over the register.
    pub fn follow_up(&self, as_of: Date, kind: Option<RecommendationKind>) -> FollowUp {
        let settings = &self.settings;
        let reports: HashMap<&str, &ControlReport> = self.reports.iter().map(|r| (r.number.as_str(), r)).collect();
        let mut rows = Vec::with_capacity(self.recommendations.len());
        let mut overall = Tally::default();
        let mut by_origin = [Tally::default(); 3];
        let mut by_type = [Tally::default(); 3];
        let mut by_unit: HashMap<&str, Tally> = HashMap::new();
        let mut by_report: HashMap<&str, Tally> = HashMap::new();
        let mut ageing = [0usize; 4];
        for recommendation in &self.recommendations {
            if kind.is_some_and(|k| k != recommendation.kind()) {
                continue;
            }
            let (since, report) = match &recommendation.source {
                RecommendationSource::PreviousEvaluation { date, .. } => (*date, None),
                RecommendationSource::Control { report_number } => match reports.get(report_number.as_str()) {
                    Some(report) => (report.received, Some(*report)),
                    None => continue,
                },
            };
            if since > as_of {
                continue;
            }
            let row = follow_up_row(recommendation, since, report.is_some(), as_of, settings);
            let rule = settings.statuses.rule(row.status);
            overall.add(&row, rule);
            if let Some(report) = report {
                by_origin[report.origin.index()].add(&row, rule);
            }
            by_type[recommendation.recommendation_type.index()].add(&row, rule);
            by_unit.entry(recommendation.responsible_unit.as_str()).or_default().add(&row, rule);
            by_report.entry(recommendation.report_key()).or_default().add(&row, rule);
            if !row.closed {
                ageing[row.ageing.index()] += 1;
            }
            rows.push(row);
        }
        let mut overdue: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].overdue).collect();
        overdue.sort_by_key(|&i| rows[i].days_to_deadline);
        FollowUp {
            as_of,
            overall,
            by_origin: present(&Origin::ALL, &by_origin),
            by_type: present(&RecommendationType::ALL, &by_type),
            by_unit: groups(by_unit),
            by_report: groups(by_report),
            ageing: AgeingBucket::ALL.iter().map(|&b| (b, ageing[b.index()])).collect(),
            overdue,
            rows,
        }
    }
}

/// One recommendation's row; `since` is where its age counts from.
fn follow_up_row(
    recommendation: &Recommendation,
    since: Date,
    from_control_report: bool,
    as_of: Date,
    settings: &FollowUpSettings,
) -> RecommendationFollowUp {
    let calendar = &settings.holidays;
    let status = recommendation.status_on(as_of);
    let closed = settings.statuses.rule(status).closed;
    let deadline = recommendation.deadline().map(|d| {
        if settings.deadline_moves_to_working_day {
            calendar.working_day_on_or_after(d)
        } else {
            d
        }
    });
    let days_to_deadline = deadline.map(|d| days_between(as_of, d));
    let overdue = !closed && days_to_deadline.is_some_and(|days| days < 0);
    let due_soon =
        !closed && days_to_deadline.is_some_and(|days| (0..=i64::from(settings.due_soon_days)).contains(&days));
    let action_plan_due =
        from_control_report.then(|| add_working_days(since, settings.action_plan_working_days, calendar));
    let plan_pending = recommendation.action_plan.submitted.is_none_or(|submitted| submitted > as_of);
    let action_plan_overdue = !closed && plan_pending && action_plan_due.is_some_and(|due| as_of > due);
    let age_days = days_between(since, as_of);
    RecommendationFollowUp {
        id: recommendation.id,
        status,
        closed,
        since,
        age_days,
        age_working_days: working_days_between(since, as_of, calendar),
        ageing: AgeingBucket::of(age_days),
        deadline,
        days_to_deadline,
        overdue,
        due_soon,
        action_plan_due,
        action_plan_overdue,
    }
}
