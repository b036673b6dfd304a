//! The two registers (previous evaluations, control reports) and their settings, changed only
//! through methods that check the rules first, so a status history only grows.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::model::{ControlReport, FollowUpSettings, Recommendation, RecommendationId, RecommendationKind, RecommendationSource, StatusUpdate};
use super::rules::{check_history_start, check_recommendation_data, check_report, check_status_change, error, Location, Problem, RegisterError};
use crate::domain::calendar::Date;

/// The reports and recommendations of both registers, and the follow-up settings.
/// Changes go through methods that validate, so the history only grows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct RecommendationRegister {
    #[serde(default)]
    pub(super) reports: Vec<ControlReport>,
    #[serde(default)]
    pub(super) recommendations: Vec<Recommendation>,
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
}
