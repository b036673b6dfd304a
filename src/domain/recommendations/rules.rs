//! The register's rules, each broken one a `RegisterError` that says where: a report's dates, a
//! status change's date and verifier, an action's deadlines.

use std::fmt;

use super::model::{ControlReport, Recommendation, RecommendationSource, StatusCatalog, StatusChange, StatusUpdate};
use crate::domain::calendar::Date;

/// "del informe N° …" or "de «…»", as messages cite a recommendation's source.
pub(super) fn source_label(source: &RecommendationSource) -> String {
    match source {
        RecommendationSource::PreviousEvaluation { report, .. } => format!("de «{report}»"),
        RecommendationSource::Control { report_number } => format!("del informe N° {report_number}"),
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

pub(super) fn error(location: Location, problem: Problem) -> RegisterError {
    RegisterError { location, problem }
}

pub(super) fn check_report(report: &ControlReport) -> Result<(), RegisterError> {
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
pub(super) fn check_status_change(
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
pub(super) fn check_recommendation_data(recommendation: &Recommendation, report_date: Date) -> Result<(), RegisterError> {
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
pub(super) fn check_history_start(recommendation: &Recommendation, report_date: Date) -> Result<(), RegisterError> {
    match recommendation.history.first() {
        Some(first) if first.date < report_date => {
            let problem = Problem::StatusDateBeforeReport { date: first.date, report_date };
            Err(error(recommendation.location(), problem))
        }
        _ => Ok(()),
    }
}


impl Recommendation {
    pub(super) fn location(&self) -> Location {
        Location::Recommendation { source: source_label(&self.source), number: self.number.trim().to_string() }
    }

    pub(super) fn action_location(&self, index: usize) -> Location {
        Location::Action {
            source: source_label(&self.source),
            number: self.number.trim().to_string(),
            action: index + 1,
        }
    }
}
