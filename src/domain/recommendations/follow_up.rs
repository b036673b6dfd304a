//! The follow-up of a register as of a date: each recommendation's deadline, age and lateness, and
//! the tallies behind % implemented (docs/RECOMMENDATIONS.md).

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::model::{
    ControlReport, FollowUpSettings, Origin, Recommendation, RecommendationId, RecommendationKind, RecommendationSource,
    RecommendationStatus, RecommendationType, StatusRule,
};
use super::register::RecommendationRegister;
use crate::domain::calendar::{add_working_days, days_between, working_days_between, Date};

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

impl RecommendationFollowUp {
    /// What the deadline lists print: days of delay for an overdue recommendation, days left for
    /// one due soon (0 without a deadline).
    pub fn days_shown(&self) -> i64 {
        let days = self.days_to_deadline.unwrap_or_default();
        if self.overdue {
            -days
        } else {
            days
        }
    }
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

impl RecommendationRegister {
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
