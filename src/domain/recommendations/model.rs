//! What the registers hold: control reports, recommendations with their action plans and their
//! append-only status history, and how each status is labelled and counted (docs/RECOMMENDATIONS.md).

use serde::{Deserialize, Serialize};

use crate::domain::calendar::{Date, HolidayCalendar};

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

    pub(super) fn index(self) -> usize {
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

/// The status list as data (docs/RECOMMENDATIONS.md: unverified practice): one rule per status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCatalog {
    pub pendiente: StatusRule,
    pub en_proceso: StatusRule,
    pub implementada: StatusRule,
    pub inaplicable_por_causal_sobreviniente: StatusRule,
    pub no_aplicable: StatusRule,
}

/// docs/RECOMMENDATIONS.md: % implemented = Implementada / (total − Inaplicable − No aplicable); those three are closed.
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

    pub(super) fn index(self) -> usize {
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

    pub(super) fn index(self) -> usize {
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
    pub(super) id: RecommendationId,
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
    /// The AEI a previous evaluation's recommendation concerns ("AEI.08.05"); empty: the whole
    /// entity, followed up in every AEI's ficha.
    #[serde(default)]
    pub aei_code: String,
    /// Chronological; grows only through `RecommendationRegister::change_status`.
    #[serde(default)]
    pub(super) history: Vec<StatusChange>,
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
            aei_code: String::new(),
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

    pub(super) fn is_of_report(&self, number: &str) -> bool {
        matches!(&self.source, RecommendationSource::Control { report_number } if report_number == number)
    }
}

/// Settings of the follow-up that encode unverified practice (docs/RECOMMENDATIONS.md), kept as data.
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
