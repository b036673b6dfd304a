//! Recommendation follow-up (docs/RECOMMENDATIONS.md): validation, append-only history, deadlines and indicators.

use std::time::{Duration, Instant};

use ficha::domain::calendar::Date;
use ficha::domain::language::percent;
use ficha::domain::recommendations::{
    Action, AgeingBucket, ControlReport, Origin, Problem, Recommendation, RecommendationId, RecommendationKind,
    RecommendationRegister, RecommendationSource, RecommendationStatus, RecommendationType, Reprogramming,
    StatusUpdate,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::json;

use RecommendationStatus::*;

const OCI_REPORT: &str = "005-2024-OCI/0191";

fn d(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

/// The day status changes are recorded on in these tests.
fn today() -> Date {
    d("2024-12-31")
}

fn report(number: &str, origin: Origin, issued: &str, received: &str) -> ControlReport {
    ControlReport {
        number: number.into(),
        title: "Informe de prueba".into(),
        service_type: "Servicio de control específico".into(),
        origin,
        issued: d(issued),
        received: d(received),
    }
}

fn control(report_number: &str, number: &str) -> Recommendation {
    let source = RecommendationSource::Control { report_number: report_number.into() };
    Recommendation::new(source, number, "Disponer las acciones…", RecommendationType::ManagementImprovement)
}

fn previous(number: &str, date: &str) -> Recommendation {
    let source = RecommendationSource::PreviousEvaluation {
        report: "Evaluación de implementación del POI 2024 – I semestre".into(),
        date: d(date),
    };
    Recommendation::new(source, number, "Mejorar la programación…", RecommendationType::ManagementImprovement)
}

fn with_deadline(mut recommendation: Recommendation, deadline: &str) -> Recommendation {
    recommendation.action_plan.actions.push(Action::new("Aprobar la directiva", "UFPP", d(deadline)));
    recommendation
}

/// An OCI report issued 15 March 2024 and received on Wednesday 20 March, in holy week.
fn register() -> RecommendationRegister {
    let mut register = RecommendationRegister::default();
    register.add_report(report(OCI_REPORT, Origin::Oci, "2024-03-15", "2024-03-20")).unwrap();
    register
}

fn update(status: RecommendationStatus, date: &str) -> StatusUpdate {
    StatusUpdate {
        date: Some(d(date)),
        status,
        recorded_by: "UFPP".into(),
        verified_by: if status == Implementada { "OCI".into() } else { String::new() },
        ..StatusUpdate::default()
    }
}

fn add_with_status(
    register: &mut RecommendationRegister,
    recommendation: Recommendation,
    status: RecommendationStatus,
) {
    let id = register.add_recommendation(recommendation).unwrap();
    if status != Pendiente {
        register.change_status(id, update(status, "2024-06-03"), today()).unwrap();
    }
}

/// Recommendations 1, 2, … of the OCI report with the given statuses.
fn register_with_statuses(statuses: &[RecommendationStatus]) -> RecommendationRegister {
    let mut register = register();
    for (i, &status) in statuses.iter().enumerate() {
        add_with_status(&mut register, control(OCI_REPORT, &(i + 1).to_string()), status);
    }
    register
}

fn error_text(result: Result<impl std::fmt::Debug, ficha::domain::recommendations::RegisterError>) -> String {
    result.unwrap_err().to_string()
}

// % implemented = Implementada / (total − Inaplicable − No aplicable)

#[test]
fn one_implemented_of_three_with_one_inaplicable_is_fifty_percent() {
    let register = register_with_statuses(&[Implementada, Pendiente, InaplicablePorCausalSobreviniente]);
    let overall = register.follow_up(today(), None).overall;
    assert_eq!((overall.total, overall.excluded, overall.denominator()), (3, 1, 2));
    assert_eq!(overall.percent_implemented(), Some(Decimal::from(50)));
    assert_eq!(percent(overall.percent_implemented()), "50.0%");
}

#[test]
fn no_aplicable_also_leaves_the_denominator() {
    let register = register_with_statuses(&[Implementada, NoAplicable, Pendiente, EnProceso]);
    let overall = register.follow_up(today(), None).overall;
    assert_eq!(overall.denominator(), 3);
    assert_eq!(percent(overall.percent_implemented()), "33.3%");
}

#[test]
fn every_recommendation_implemented_is_one_hundred_percent() {
    let register = register_with_statuses(&[Implementada, Implementada]);
    assert_eq!(register.follow_up(today(), None).overall.percent_implemented(), Some(Decimal::from(100)));
}

#[test]
fn nothing_implemented_is_zero_percent_not_undefined() {
    let register = register_with_statuses(&[Pendiente, EnProceso, NoAplicable]);
    assert_eq!(register.follow_up(today(), None).overall.percent_implemented(), Some(Decimal::ZERO));
}

#[test]
fn percent_is_undefined_when_every_recommendation_is_excluded_or_there_are_none() {
    let register = register_with_statuses(&[InaplicablePorCausalSobreviniente, NoAplicable]);
    let overall = register.follow_up(today(), None).overall;
    assert_eq!(overall.denominator(), 0);
    assert_eq!(overall.percent_implemented(), None);
    assert_eq!(percent(overall.percent_implemented()), "–");
    assert_eq!(RecommendationRegister::default().follow_up(today(), None).overall.percent_implemented(), None);
}

#[test]
fn counts_per_status() {
    let register = register_with_statuses(&[Implementada, Pendiente, Pendiente, EnProceso, NoAplicable]);
    let overall = register.follow_up(today(), None).overall;
    let counts: Vec<usize> = RecommendationStatus::ALL.iter().map(|&s| overall.count(s)).collect();
    assert_eq!(counts, [2, 1, 1, 0, 1]);
}

#[test]
fn the_status_catalog_is_data_that_changes_labels_and_the_denominator() {
    let mut register = register_with_statuses(&[Implementada, NoAplicable, Pendiente]);
    register.settings.statuses.no_aplicable.excluded_from_denominator = false;
    register.settings.statuses.en_proceso.label = "En implementación".into();
    assert_eq!(percent(register.follow_up(today(), None).overall.percent_implemented()), "33.3%");
    let id = register.recommendations()[2].id();
    let missing_date = StatusUpdate { status: EnProceso, ..StatusUpdate::default() };
    assert_eq!(
        error_text(register.change_status(id, missing_date, today())),
        "Recomendación N° 3 del informe N° 005-2024-OCI/0191: el cambio al estado «En implementación» no tiene fecha"
    );
}

#[test]
fn indicators_group_by_origin_type_unit_report_and_register() {
    let mut register = register();
    register.add_report(report("010-2024-CG/SADEN", Origin::Cgr, "2024-04-01", "2024-04-03")).unwrap();
    let unit = |mut r: Recommendation, name: &str| {
        r.responsible_unit = name.into();
        r
    };
    let mut legal = control("010-2024-CG/SADEN", "1");
    legal.recommendation_type = RecommendationType::LegalAction;
    add_with_status(&mut register, unit(control(OCI_REPORT, "1"), "UFPP"), Implementada);
    add_with_status(&mut register, unit(control(OCI_REPORT, "2"), "UAF"), Pendiente);
    add_with_status(&mut register, unit(legal, "UFPP"), EnProceso);
    add_with_status(&mut register, unit(previous("1", "2024-05-15"), "UFPP"), Implementada);

    let follow_up = register.follow_up(today(), None);
    let origins: Vec<(&str, usize, Option<Decimal>)> =
        follow_up.by_origin.iter().map(|g| (g.key.label(), g.tally.total, g.tally.percent_implemented())).collect();
    assert_eq!(origins, [("OCI", 2, Some(Decimal::from(50))), ("CGR", 1, Some(Decimal::ZERO))]);
    let types: Vec<(RecommendationType, usize, String)> =
        follow_up.by_type.iter().map(|g| (g.key, g.tally.total, percent(g.tally.percent_implemented()))).collect();
    assert_eq!(
        types,
        [
            (RecommendationType::ManagementImprovement, 3, "66.7%".to_string()),
            (RecommendationType::LegalAction, 1, "0.0%".to_string())
        ]
    );
    let units: Vec<(&str, usize, usize)> =
        follow_up.by_unit.iter().map(|g| (g.key.as_str(), g.tally.total, g.tally.implemented)).collect();
    assert_eq!(units, [("UAF", 1, 0), ("UFPP", 3, 2)]);
    let reports: Vec<(&str, usize)> = follow_up.by_report.iter().map(|g| (g.key.as_str(), g.tally.total)).collect();
    assert_eq!(
        reports,
        [(OCI_REPORT, 2), ("010-2024-CG/SADEN", 1), ("Evaluación de implementación del POI 2024 – I semestre", 1)]
    );
    assert_eq!(register.follow_up(today(), Some(RecommendationKind::Control)).overall.total, 3);
    let previous_only = register.follow_up(today(), Some(RecommendationKind::PreviousEvaluation)).overall;
    assert_eq!((previous_only.total, previous_only.percent_implemented()), (1, Some(Decimal::from(100))));
    assert_eq!(register.recommendations_of(RecommendationKind::PreviousEvaluation).count(), 1);
}

// Ageing

#[test]
fn ageing_buckets_split_exactly_at_90_180_and_365_days() {
    let buckets: Vec<AgeingBucket> = [0, 90, 91, 180, 181, 365, 366].into_iter().map(AgeingBucket::of).collect();
    use AgeingBucket::*;
    assert_eq!(buckets, [UpTo90, UpTo90, From91To180, From91To180, From181To365, From181To365, Over365]);
}

#[test]
fn ageing_counts_open_recommendations_by_days_since_reception() {
    let as_of = d("2025-06-30");
    let mut register = RecommendationRegister::default();
    for (i, age) in [90i64, 91, 180, 181, 365, 366, 400].into_iter().enumerate() {
        let received = as_of.add_days(-age).to_string();
        let number = format!("{i:03}-OCI");
        register.add_report(report(&number, Origin::Oci, &received, &received)).unwrap();
        let id = register.add_recommendation(control(&number, "1")).unwrap();
        if age == 400 {
            register.change_status(id, update(NoAplicable, "2025-01-02"), as_of).unwrap();
        }
    }
    let follow_up = register.follow_up(as_of, None);
    let ages: Vec<i64> = follow_up.rows.iter().map(|r| r.age_days).collect();
    assert_eq!(ages, [90, 91, 180, 181, 365, 366, 400]);
    let counts: Vec<usize> = follow_up.ageing.iter().map(|&(_, n)| n).collect();
    assert_eq!(counts, [1, 2, 2, 1], "the closed one aged 400 is not counted");
}

#[test]
fn age_counts_calendar_and_working_days_from_reception_and_sets_the_action_plan_due_date() {
    let mut register = register();
    let id = register.add_recommendation(control(OCI_REPORT, "1")).unwrap();
    let row = register.follow_up(d("2024-04-19"), None).rows[0].clone();
    assert_eq!(row.since, d("2024-03-20"));
    assert_eq!((row.age_days, row.age_working_days), (30, 20), "28 and 29 March are holidays");
    assert_eq!(row.action_plan_due, Some(d("2024-04-19")));
    assert!(!row.action_plan_overdue);
    let late = register.follow_up(d("2024-04-22"), None).rows[0].clone();
    assert_eq!((late.age_days, late.age_working_days), (33, 21));
    assert!(late.action_plan_overdue);
    register.edit_recommendation(id, |r| r.action_plan.submitted = Some(d("2024-04-18"))).unwrap();
    assert!(!register.follow_up(d("2024-04-22"), None).rows[0].action_plan_overdue);
}

#[test]
fn a_previous_evaluation_recommendation_ages_from_its_own_date_without_action_plan_due() {
    let mut register = RecommendationRegister::default();
    register.add_recommendation(previous("1", "2024-07-15")).unwrap();
    let row = register.follow_up(d("2024-08-15"), None).rows[0].clone();
    assert_eq!(row.since, d("2024-07-15"));
    assert_eq!((row.age_days, row.age_working_days), (31, 20), "23 and 29 July and 6 August are holidays");
    assert_eq!(row.action_plan_due, None);
}

#[test]
fn recommendations_received_after_the_as_of_date_are_left_out() {
    let register = register_with_statuses(&[Pendiente]);
    assert!(register.follow_up(d("2024-03-19"), None).rows.is_empty());
    assert_eq!(register.follow_up(d("2024-03-20"), None).rows.len(), 1);
}

// Overdue and due soon

#[test]
fn overdue_and_due_soon_as_of_a_fixed_date() {
    let as_of = d("2024-06-03"); // a Monday
    let mut register = register();
    for (number, deadline) in [
        ("A", "2024-05-31"), // passed three days ago: overdue
        ("B", "2024-06-03"), // today: due soon, not overdue
        ("C", "2024-06-18"), // in 15 days: due soon
        ("D", "2024-06-19"), // in 16 days: neither
        ("E", "2024-05-15"), // passed, but implemented
        ("F", "2024-04-30"), // passed 34 days ago: overdue
    ] {
        let status = if number == "E" { Implementada } else { Pendiente };
        add_with_status(&mut register, with_deadline(control(OCI_REPORT, number), deadline), status);
    }
    add_with_status(&mut register, control(OCI_REPORT, "G"), Pendiente); // no action plan yet
    let follow_up = register.follow_up(as_of, None);
    let flags: Vec<(Option<i64>, bool, bool)> =
        follow_up.rows.iter().map(|r| (r.days_to_deadline, r.overdue, r.due_soon)).collect();
    assert_eq!(
        flags,
        [
            (Some(-3), true, false),
            (Some(0), false, true),
            (Some(15), false, true),
            (Some(16), false, false),
            (Some(-19), false, false),
            (Some(-34), true, false),
            (None, false, false),
        ]
    );
    assert_eq!((follow_up.overall.overdue, follow_up.overall.due_soon), (2, 2));
    let overdue: Vec<RecommendationId> = follow_up.overdue().map(|r| r.id).collect();
    let id_of = |n: &str| register.recommendations().iter().find(|r| r.number == n).unwrap().id();
    assert_eq!(overdue, [id_of("F"), id_of("A")], "longest overdue first");
    let shown: Vec<i64> = follow_up.rows.iter().map(|r| r.days_shown()).collect();
    assert_eq!(shown, [3, 0, 15, 16, -19, 34, 0], "days late when overdue, days left otherwise");
}

#[test]
fn a_reprogrammed_deadline_replaces_the_first_one() {
    let mut register = register();
    let id = register.add_recommendation(with_deadline(control(OCI_REPORT, "1"), "2024-05-31")).unwrap();
    assert!(register.follow_up(d("2024-06-03"), None).rows[0].overdue);
    register
        .edit_recommendation(id, |r| {
            r.action_plan.actions[0]
                .reprogrammings
                .push(Reprogramming { new_deadline: d("2024-06-10"), reason: "Cambio de titular".into() })
        })
        .unwrap();
    let row = register.follow_up(d("2024-06-03"), None).rows[0].clone();
    assert_eq!((row.deadline, row.overdue, row.due_soon), (Some(d("2024-06-10")), false, true));
}

#[test]
fn the_latest_action_deadline_is_the_recommendations_deadline() {
    let mut recommendation = with_deadline(control(OCI_REPORT, "1"), "2024-09-30");
    recommendation.action_plan.actions.push(Action::new("Capacitar", "ORH", d("2024-11-29")));
    recommendation.action_plan.actions.push(Action::new("Difundir", "OCII", d("2024-10-15")));
    assert_eq!(recommendation.deadline(), Some(d("2024-11-29")));
}

#[test]
fn a_deadline_on_a_holiday_is_due_on_the_next_working_day() {
    let mut register = register();
    // Sunday 28 July 2024, and Monday 29 is a holiday too: due Tuesday 30.
    register.add_recommendation(with_deadline(control(OCI_REPORT, "1"), "2024-07-28")).unwrap();
    let on_tuesday = register.follow_up(d("2024-07-30"), None).rows[0].clone();
    assert_eq!((on_tuesday.deadline, on_tuesday.overdue, on_tuesday.due_soon), (Some(d("2024-07-30")), false, true));
    assert!(register.follow_up(d("2024-07-31"), None).rows[0].overdue);
    register.settings.deadline_moves_to_working_day = false;
    assert!(register.follow_up(d("2024-07-29"), None).rows[0].overdue);
}

#[test]
fn due_soon_days_is_a_setting() {
    let mut register = register();
    register.add_recommendation(with_deadline(control(OCI_REPORT, "1"), "2024-07-01")).unwrap();
    assert!(!register.follow_up(d("2024-06-01"), None).rows[0].due_soon);
    register.settings.due_soon_days = 30;
    assert!(register.follow_up(d("2024-06-01"), None).rows[0].due_soon);
}

// History

#[test]
fn a_status_change_appends_to_the_history_and_earlier_entries_stay() {
    let mut register = register();
    let id = register.add_recommendation(control(OCI_REPORT, "1")).unwrap();
    assert_eq!(register.recommendation(id).unwrap().status(), Pendiente);
    register.change_status(id, update(EnProceso, "2024-04-01"), today()).unwrap();
    let first = register.recommendation(id).unwrap().history().to_vec();
    register.change_status(id, update(Implementada, "2024-09-02"), today()).unwrap();
    let recommendation = register.recommendation(id).unwrap();
    assert_eq!(recommendation.history().len(), 2);
    assert_eq!(recommendation.history()[..1], first[..]);
    assert_eq!(recommendation.history()[1].verified_by, "OCI");
    assert_eq!(recommendation.status(), Implementada);
}

#[test]
fn an_invalid_status_change_leaves_the_history_unchanged() {
    let mut register = register();
    let id = register.add_recommendation(control(OCI_REPORT, "1")).unwrap();
    register.change_status(id, update(EnProceso, "2024-06-01"), today()).unwrap();
    let before = register.recommendation(id).unwrap().history().to_vec();
    let invalid = [
        StatusUpdate { status: EnProceso, ..StatusUpdate::default() },
        update(EnProceso, "2024-05-01"),
        update(EnProceso, "2025-01-02"),
        StatusUpdate { verified_by: String::new(), ..update(Implementada, "2024-09-02") },
    ];
    for change in invalid {
        assert!(register.change_status(id, change, today()).is_err());
        assert_eq!(register.recommendation(id).unwrap().history(), &before[..]);
    }
}

#[test]
fn editing_a_recommendation_keeps_its_history() {
    let mut register = register();
    let id = register.add_recommendation(control(OCI_REPORT, "1")).unwrap();
    register.change_status(id, update(EnProceso, "2024-06-01"), today()).unwrap();
    register.edit_recommendation(id, |r| r.text = "Texto corregido".into()).unwrap();
    let recommendation = register.recommendation(id).unwrap();
    assert_eq!((recommendation.text.as_str(), recommendation.history().len()), ("Texto corregido", 1));
    assert_eq!(error_text(register.remove_recommendation(id)), "Recomendación N° 1 del informe N° 005-2024-OCI/0191: tiene cambios de estado registrados y su historial no se puede borrar");
}

#[test]
fn the_follow_up_uses_the_status_in_force_on_the_as_of_date() {
    let mut register = register();
    let id = register.add_recommendation(with_deadline(control(OCI_REPORT, "1"), "2024-08-30")).unwrap();
    register.change_status(id, update(EnProceso, "2024-05-02"), today()).unwrap();
    register.change_status(id, update(Implementada, "2024-10-01"), today()).unwrap();
    let recommendation = register.recommendation(id).unwrap();
    assert_eq!(recommendation.status_on(d("2024-05-01")), Pendiente);
    assert_eq!(recommendation.status_on(d("2024-05-02")), EnProceso);
    let in_september = register.follow_up(d("2024-09-16"), None).rows[0].clone();
    assert_eq!((in_september.status, in_september.closed, in_september.overdue), (EnProceso, false, true));
    let at_year_end = register.follow_up(today(), None).rows[0].clone();
    assert_eq!((at_year_end.status, at_year_end.closed, at_year_end.overdue), (Implementada, true, false));
}

// Validation: what is wrong and where, in Spanish

#[test]
fn a_report_received_before_it_was_issued_is_refused() {
    let mut register = RecommendationRegister::default();
    let result = register.add_report(report(OCI_REPORT, Origin::Oci, "2024-03-05", "2024-03-01"));
    assert_eq!(
        error_text(result),
        "Informe N° 005-2024-OCI/0191: la fecha de recepción (01/03/2024) es anterior a la fecha de emisión (05/03/2024)"
    );
    assert!(register.reports().is_empty());
}

#[test]
fn a_report_number_is_required_and_unique() {
    let mut register = register();
    let again = register.add_report(report(OCI_REPORT, Origin::Cgr, "2024-03-15", "2024-03-20")).unwrap_err();
    assert_eq!(again.problem, Problem::DuplicateReport);
    let blank = register.add_report(report(" ", Origin::Oci, "2024-03-15", "2024-03-20")).unwrap_err();
    assert_eq!(blank.problem, Problem::MissingReportNumber);
    assert_eq!(register.reports().len(), 1);
}

#[test]
fn a_deadline_before_the_report_date_is_refused() {
    let mut register = register();
    let result = register.add_recommendation(with_deadline(control(OCI_REPORT, "2"), "2024-03-01"));
    assert_eq!(
        error_text(result),
        "Acción 1 de la recomendación N° 2 del informe N° 005-2024-OCI/0191: el plazo (01/03/2024) es anterior a la fecha del informe (15/03/2024)"
    );
    assert!(register.recommendations().is_empty());
}

#[test]
fn a_reprogramming_needs_a_reason_and_a_date_after_the_report() {
    let mut register = register();
    let id = register.add_recommendation(with_deadline(control(OCI_REPORT, "1"), "2024-06-28")).unwrap();
    let reprogram = |date: &str, reason: &str| {
        let reprogramming = Reprogramming { new_deadline: d(date), reason: reason.to_string() };
        move |r: &mut Recommendation| r.action_plan.actions[0].reprogrammings.push(reprogramming)
    };
    let no_reason = register.edit_recommendation(id, reprogram("2024-08-30", " ")).unwrap_err();
    assert_eq!(no_reason.problem, Problem::MissingReprogrammingReason { new_deadline: d("2024-08-30") });
    assert_eq!(
        no_reason.to_string(),
        "Acción 1 de la recomendación N° 1 del informe N° 005-2024-OCI/0191: la reprogramación al 30/08/2024 no indica el motivo"
    );
    let too_early = register.edit_recommendation(id, reprogram("2024-03-10", "Error")).unwrap_err();
    assert_eq!(
        too_early.problem,
        Problem::DeadlineBeforeReport { deadline: d("2024-03-10"), report_date: d("2024-03-15") }
    );
    let late_start = register.edit_recommendation(id, |r| r.action_plan.actions[0].start = Some(d("2024-07-01")));
    assert_eq!(
        late_start.unwrap_err().problem,
        Problem::StartAfterDeadline { start: d("2024-07-01"), deadline: d("2024-06-28") }
    );
    assert!(register.recommendation(id).unwrap().action_plan.actions[0].reprogrammings.is_empty());
}

#[test]
fn a_recommendation_number_is_unique_within_its_report_only() {
    let mut register = register();
    register.add_report(report("010-2024-CG/SADEN", Origin::Cgr, "2024-04-01", "2024-04-03")).unwrap();
    register.add_recommendation(control(OCI_REPORT, "1")).unwrap();
    assert_eq!(
        error_text(register.add_recommendation(control(OCI_REPORT, " 1 "))),
        "Recomendación N° 1 del informe N° 005-2024-OCI/0191: ya existe otra recomendación con ese número en el mismo informe"
    );
    register.add_recommendation(control("010-2024-CG/SADEN", "1")).unwrap();
    register.add_recommendation(previous("1", "2024-07-15")).unwrap();
    let second = register.add_recommendation(control(OCI_REPORT, "2")).unwrap();
    let renumbered = register.edit_recommendation(second, |r| r.number = "1".into()).unwrap_err();
    assert_eq!(renumbered.problem, Problem::DuplicateRecommendationNumber);
    assert_eq!(register.recommendations().len(), 4);
}

#[test]
fn a_recommendation_of_an_unregistered_report_is_refused() {
    let mut register = register();
    assert_eq!(
        error_text(register.add_recommendation(control("999-2024-OCI", "1"))),
        "Recomendación N° 1 del informe N° 999-2024-OCI: el informe N° 999-2024-OCI no está registrado"
    );
}

#[test]
fn a_status_change_without_date_is_refused() {
    let mut register = register_with_statuses(&[Pendiente]);
    let id = register.recommendations()[0].id();
    let change = StatusUpdate { status: EnProceso, note: "Se avanzó".into(), ..StatusUpdate::default() };
    assert_eq!(
        error_text(register.change_status(id, change, today())),
        "Recomendación N° 1 del informe N° 005-2024-OCI/0191: el cambio al estado «En proceso» no tiene fecha"
    );
}

#[test]
fn an_implementation_dated_after_the_as_of_date_is_refused() {
    let mut register = register_with_statuses(&[Pendiente]);
    let id = register.recommendations()[0].id();
    assert_eq!(
        error_text(register.change_status(id, update(Implementada, "2025-01-02"), today())),
        "Recomendación N° 1 del informe N° 005-2024-OCI/0191: la fecha del estado «Implementada» (02/01/2025) es posterior a la fecha de corte (31/12/2024)"
    );
}

#[test]
fn an_implementation_needs_who_verified_it() {
    let mut register = register_with_statuses(&[Pendiente]);
    let id = register.recommendations()[0].id();
    let unverified = StatusUpdate { verified_by: " ".into(), ..update(Implementada, "2024-09-02") };
    assert_eq!(
        error_text(register.change_status(id, unverified, today())),
        "Recomendación N° 1 del informe N° 005-2024-OCI/0191: para registrar el estado «Implementada» indique quién verificó la implementación"
    );
}

#[test]
fn a_status_change_may_not_predate_the_last_one_or_the_report() {
    let mut register = register_with_statuses(&[EnProceso]);
    let id = register.recommendations()[0].id();
    assert_eq!(
        error_text(register.change_status(id, update(Pendiente, "2024-05-01"), today())),
        "Recomendación N° 1 del informe N° 005-2024-OCI/0191: la fecha del cambio de estado (01/05/2024) es anterior a la del último cambio registrado (03/06/2024); el historial no se reescribe"
    );
    let mut fresh = register_with_statuses(&[Pendiente]);
    let id = fresh.recommendations()[0].id();
    assert_eq!(
        fresh.change_status(id, update(EnProceso, "2024-03-01"), today()).unwrap_err().problem,
        Problem::StatusDateBeforeReport { date: d("2024-03-01"), report_date: d("2024-03-15") }
    );
}

#[test]
fn a_report_with_recommendations_cannot_be_removed_nor_dated_after_their_deadlines() {
    let mut register = register();
    register.add_recommendation(with_deadline(control(OCI_REPORT, "1"), "2024-04-30")).unwrap();
    assert_eq!(
        error_text(register.remove_report(OCI_REPORT)),
        "Informe N° 005-2024-OCI/0191: tiene 1 recomendación(es) registrada(s); elimínelas antes de eliminar el informe"
    );
    let later = register
        .edit_report(OCI_REPORT, |r| {
            r.issued = d("2024-05-02");
            r.received = d("2024-05-03");
        })
        .unwrap_err();
    assert_eq!(
        later.problem,
        Problem::DeadlineBeforeReport { deadline: d("2024-04-30"), report_date: d("2024-05-02") }
    );
    assert_eq!(register.reports()[0].issued, d("2024-03-15"));
}

#[test]
fn renumbering_a_report_carries_its_recommendations() {
    let mut register = register();
    let id = register.add_recommendation(control(OCI_REPORT, "1")).unwrap();
    register.edit_report(OCI_REPORT, |r| r.number = "005-2024-OCI/0191-SCE".into()).unwrap();
    assert!(register.report(OCI_REPORT).is_none());
    assert_eq!(register.recommendation(id).unwrap().report_key(), "005-2024-OCI/0191-SCE");
    assert_eq!(register.follow_up(today(), None).rows.len(), 1);
    assert!(register.validate(today()).is_empty());
}

#[test]
fn validate_lists_every_problem_of_an_imported_register() {
    let mut register = register_with_statuses(&[Implementada, Pendiente]);
    register.add_recommendation(previous("1", "2024-07-15")).unwrap();
    assert!(register.validate(today()).is_empty());
    let mut json = serde_json::to_value(&register).unwrap();
    json["reports"][0]["received"] = "2024-03-01".into();
    json["recommendations"][1]["number"] = "1".into();
    json["recommendations"][0]["history"][0]["verified_by"] = "".into();
    json["recommendations"][2]["action_plan"]["actions"] =
        serde_json::json!([{ "description": "Informe", "responsible": "UFPP", "deadline": "2024-07-01" }]);
    let imported: RecommendationRegister = serde_json::from_value(json).unwrap();
    let messages: Vec<String> = imported.validate(today()).iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "Informe N° 005-2024-OCI/0191: la fecha de recepción (01/03/2024) es anterior a la fecha de emisión (15/03/2024)",
            "Recomendación N° 1 del informe N° 005-2024-OCI/0191: para registrar el estado «Implementada» indique quién verificó la implementación",
            "Recomendación N° 1 del informe N° 005-2024-OCI/0191: ya existe otra recomendación con ese número en el mismo informe",
            "Acción 1 de la recomendación N° 1 de «Evaluación de implementación del POI 2024 – I semestre»: el plazo (01/07/2024) es anterior a la fecha del informe (15/07/2024)",
        ]
    );
    assert!(imported.validate(d("2024-06-02")).iter().any(|e| matches!(e.problem, Problem::StatusDateInFuture { .. })));
}

// Storage

#[test]
fn a_register_survives_a_serde_round_trip() {
    let mut register = register();
    register.settings.due_soon_days = 10;
    let mut recommendation = with_deadline(control(OCI_REPORT, "1"), "2024-06-28");
    recommendation.responsible_unit = "Unidad de Administración".into();
    recommendation.officer = "Jefe de la UA".into();
    recommendation.action_plan.submitted = Some(d("2024-04-15"));
    recommendation.action_plan.actions[0].evidence.push("Memorando N° 123-2024-TR/UA".into());
    recommendation.action_plan.actions[0]
        .reprogrammings
        .push(Reprogramming { new_deadline: d("2024-08-30"), reason: "Demora del proveedor".into() });
    let id = register.add_recommendation(recommendation).unwrap();
    register.change_status(id, update(EnProceso, "2024-05-02"), today()).unwrap();
    register.add_recommendation(previous("1", "2024-07-15")).unwrap();

    let json = serde_json::to_string(&register).unwrap();
    assert!(json.contains(r#""origin":"OCI""#) && json.contains(r#""kind":"Control""#), "{json}");
    assert!(json.contains(r#""received":"2024-03-20""#), "{json}");
    let back: RecommendationRegister = serde_json::from_str(&json).unwrap();
    assert_eq!(back, register);
    assert_eq!(back.recommendation(id).unwrap().history().len(), 1);
}

#[test]
fn an_empty_document_reads_as_a_register_with_default_settings() {
    let register: RecommendationRegister = serde_json::from_str("{}").unwrap();
    assert_eq!(register, RecommendationRegister::default());
    assert_eq!((register.settings.due_soon_days, register.settings.action_plan_working_days), (15, 20));
    assert_eq!(register.settings.holidays.holidays().len(), 80);
    assert_eq!(
        register.settings.statuses.label(InaplicablePorCausalSobreviniente),
        "Inaplicable por causal sobreviniente"
    );
}

// Scale

/// 1,000 reports of ten recommendations each, statuses in rotation, as a stored register loads.
fn large_register() -> RecommendationRegister {
    let statuses = ["Pendiente", "EnProceso", "Implementada", "InaplicablePorCausalSobreviniente", "NoAplicable"];
    let origins = ["OCI", "CGR", "SOA"];
    let (mut reports, mut recommendations) = (Vec::new(), Vec::new());
    for r in 0..1_000usize {
        let received = d("2022-01-03").add_days(r as i64);
        let number = format!("{r:04}-OCI");
        reports.push(json!({
            "number": number, "title": "Informe", "origin": origins[r % 3], "issued": received, "received": received
        }));
        for n in 0..10usize {
            let status = statuses[(r + n) % 5];
            let history = match status {
                "Pendiente" => json!([]),
                _ => json!([{ "date": received.add_days(30), "status": status, "verified_by": "OCI" }]),
            };
            recommendations.push(json!({
                "id": r * 10 + n + 1,
                "source": { "kind": "Control", "report_number": number },
                "number": n.to_string(),
                "text": "Disponer las acciones…",
                "recommendation_type": "ManagementImprovement",
                "responsible_unit": format!("Unidad {}", n % 7),
                "action_plan": { "actions": [{
                    "description": "Aprobar la directiva", "responsible": "UFPP", "deadline": received.add_days(90)
                }] },
                "history": history,
            }));
        }
    }
    serde_json::from_value(json!({ "reports": reports, "recommendations": recommendations })).unwrap()
}

#[test]
fn ten_thousand_recommendations_follow_up_in_one_pass() {
    let register = large_register();
    assert!(register.validate(d("2025-12-31")).is_empty());
    let started = Instant::now();
    let follow_up = register.follow_up(d("2025-06-30"), None);
    let elapsed = started.elapsed();
    assert_eq!(follow_up.rows.len(), 10_000);
    assert_eq!((follow_up.overall.count(Implementada), follow_up.overall.denominator()), (2_000, 6_000));
    assert_eq!(percent(follow_up.overall.percent_implemented()), "33.3%");
    assert_eq!(follow_up.by_report.len(), 1_000);
    assert_eq!(follow_up.overdue().count(), 4_000);
    // Optimised builds take about 5 ms; unoptimised test builds get ten times the budget.
    let budget = Duration::from_millis(if cfg!(debug_assertions) { 500 } else { 50 });
    assert!(elapsed < budget, "{elapsed:?}");
}

proptest! {
    #[test]
    fn the_history_only_grows_whatever_changes_are_tried(
        changes in proptest::collection::vec((0usize..5, proptest::option::of(0i64..400), any::<bool>()), 0..20)
    ) {
        let mut register = register();
        let id = register.add_recommendation(control(OCI_REPORT, "1")).unwrap();
        for (status, offset, verified) in changes {
            let before = register.recommendation(id).unwrap().history().to_vec();
            let change = StatusUpdate {
                date: offset.map(|days| d("2024-03-01").add_days(days)),
                status: RecommendationStatus::ALL[status],
                verified_by: if verified { "OCI".into() } else { String::new() },
                ..StatusUpdate::default()
            };
            let accepted = register.change_status(id, change, today()).is_ok();
            let after = register.recommendation(id).unwrap().history();
            prop_assert_eq!(after.len(), before.len() + usize::from(accepted));
            prop_assert_eq!(&after[..before.len()], &before[..]);
            prop_assert!(after.windows(2).all(|w| w[0].date <= w[1].date));
        }
        prop_assert!(register.validate(today()).is_empty());
    }

    #[test]
    fn percent_implemented_stays_between_zero_and_one_hundred(statuses in proptest::collection::vec(0usize..5, 0..30)) {
        let statuses: Vec<RecommendationStatus> = statuses.into_iter().map(|i| RecommendationStatus::ALL[i]).collect();
        let overall = register_with_statuses(&statuses).follow_up(today(), None).overall;
        match overall.percent_implemented() {
            Some(p) => prop_assert!(p >= Decimal::ZERO && p <= Decimal::ONE_HUNDRED),
            None => prop_assert_eq!(overall.denominator(), 0),
        }
    }
}
