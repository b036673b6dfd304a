//! Recommendations of previous evaluations and of control reports (docs/RECOMMENDATIONS.md): what
//! the registers hold, their rules, the follow-up as of a date, and what the dashboard and the ficha cite.

mod follow_up;
mod model;
mod register;
mod rules;
mod summary;

pub use follow_up::{AgeingBucket, FollowUp, Group, RecommendationFollowUp, Tally};
pub use model::{
    Action, ActionPlan, ControlReport, FollowUpSettings, Origin, Recommendation, RecommendationId, RecommendationKind, RecommendationSource,
    RecommendationStatus, RecommendationType, Reprogramming, StatusCatalog, StatusChange, StatusRule, StatusUpdate,
};
pub use register::RecommendationRegister;
pub use rules::{Location, Problem, RegisterError};
pub use summary::{
    control_indicators_sentence, due_soon, indicator_rows, list, previous_evaluations_for_ficha, recommendations_per_report,
    EvaluationFollowUp, EvaluationItem, Figure, Grouping, IndicatorRow, Listed, RegisterQuery, INDICATOR_COLUMNS, NO_UNIT,
    PERCENT_IMPLEMENTED_FORMULA,
};
