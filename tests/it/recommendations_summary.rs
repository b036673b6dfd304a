//! The register's listing, dashboard tables and what the ficha cites (sections 5 and 6).

use ficha::domain::calendar::Date;
use ficha::domain::example::{reference_register, reference_workspace};
use ficha::domain::recommendations::{
    Action, ControlReport, Origin, Recommendation, RecommendationKind, RecommendationRegister, RecommendationSource,
    RecommendationStatus, RecommendationType, StatusUpdate,
};
use ficha::domain::recommendations::{
    control_indicators_sentence, due_soon, indicator_rows, list, previous_evaluations_for_ficha,
    recommendations_per_report, Grouping, RegisterQuery, NO_UNIT,
};

use RecommendationStatus::*;

fn d(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

fn today() -> Date {
    d("2024-12-31")
}

fn report(number: &str, origin: Origin, received: &str) -> ControlReport {
    ControlReport {
        number: number.into(),
        title: "Informe de prueba".into(),
        service_type: "Auditoría de cumplimiento".into(),
        origin,
        issued: d(received),
        received: d(received),
    }
}

fn control(report: &str, number: &str, text: &str, unit: &str) -> Recommendation {
    let source = RecommendationSource::Control { report_number: report.into() };
    let mut r = Recommendation::new(source, number, text, RecommendationType::ManagementImprovement);
    r.responsible_unit = unit.into();
    r
}

fn previous(report: &str, date: &str, number: &str, follow_up: &str) -> Recommendation {
    let source = RecommendationSource::PreviousEvaluation { report: report.into(), date: d(date) };
    let mut r =
        Recommendation::new(source, number, "Mejorar la programación", RecommendationType::ManagementImprovement);
    r.follow_up = follow_up.into();
    r
}

fn set_status(register: &mut RecommendationRegister, index: usize, status: RecommendationStatus, date: &str) {
    let id = register.recommendations()[index].id();
    let update = StatusUpdate { date: Some(d(date)), status, verified_by: "OCI".into(), ..StatusUpdate::default() };
    register.change_status(id, update, today()).unwrap();
}

/// An OCI report with three recommendations (Implementada, Inaplicable, Pendiente due 2024-06-28),
/// a CGR report with one pending, and one previous evaluation.
fn sample() -> RecommendationRegister {
    let mut register = RecommendationRegister::default();
    register.add_report(report("001-2024-OCI", Origin::Oci, "2024-01-10")).unwrap();
    register.add_report(report("002-2024-CGR", Origin::Cgr, "2024-02-01")).unwrap();
    register
        .add_recommendation(control(
            "001-2024-OCI",
            "1",
            "Aprobar la directiva de gestión",
            "Oficina de Administración",
        ))
        .unwrap();
    register
        .add_recommendation(control("001-2024-OCI", "2", "Capacitar al personal", "Oficina de Administración"))
        .unwrap();
    let mut due = control("001-2024-OCI", "3", "Actualizar el inventario", "");
    due.action_plan.actions.push(Action::new("Inventario", "OA", d("2024-06-28")));
    register.add_recommendation(due).unwrap();
    register
        .add_recommendation(control("002-2024-CGR", "1", "Deslindar responsabilidades", "Secretaría General"))
        .unwrap();
    register.add_recommendation(previous("Evaluación del POI 2023", "2023-08-31", "1", "")).unwrap();
    set_status(&mut register, 0, Implementada, "2024-02-01");
    set_status(&mut register, 1, InaplicablePorCausalSobreviniente, "2024-02-01");
    register
}

fn numbers(listed: &[ficha::domain::recommendations::Listed]) -> Vec<String> {
    listed.iter().map(|l| format!("{} {}", l.recommendation.report_key(), l.recommendation.number)).collect()
}

#[test]
fn an_empty_query_lists_the_whole_register_in_order() {
    let register = sample();
    let follow_up = register.follow_up(today(), None);
    let listed = list(&register, &follow_up, &RegisterQuery::default());
    assert_eq!(
        numbers(&listed),
        ["001-2024-OCI 1", "001-2024-OCI 2", "001-2024-OCI 3", "002-2024-CGR 1", "Evaluación del POI 2023 1"]
    );
    assert_eq!(listed[0].origin, Some(Origin::Oci));
    assert_eq!(listed[4].origin, None);
    assert!(listed[2].follow_up.unwrap().overdue);
}

#[test]
fn filters_by_kind_origin_and_status_as_of_the_date() {
    let register = sample();
    let follow_up = register.follow_up(today(), None);
    let query = |q: RegisterQuery| numbers(&list(&register, &follow_up, &q));
    assert_eq!(
        query(RegisterQuery { kind: Some(RecommendationKind::PreviousEvaluation), ..Default::default() }),
        ["Evaluación del POI 2023 1"]
    );
    assert_eq!(query(RegisterQuery { origin: Some(Origin::Cgr), ..Default::default() }), ["002-2024-CGR 1"]);
    assert_eq!(
        query(RegisterQuery { status: Some(Pendiente), origin: Some(Origin::Oci), ..Default::default() }),
        ["001-2024-OCI 3"]
    );
    // Before the status changes of 1 February, recommendations 1 and 2 were still pending.
    let january = register.follow_up(d("2024-01-20"), None);
    let pending = list(
        &register,
        &january,
        &RegisterQuery { status: Some(Pendiente), origin: Some(Origin::Oci), ..Default::default() },
    );
    assert_eq!(numbers(&pending), ["001-2024-OCI 1", "001-2024-OCI 2", "001-2024-OCI 3"]);
}

#[test]
fn search_ignores_case_and_accents_and_needs_every_word() {
    let register = sample();
    let follow_up = register.follow_up(today(), None);
    let search =
        |text: &str| numbers(&list(&register, &follow_up, &RegisterQuery { text: text.into(), ..Default::default() }));
    assert_eq!(search("GESTION"), ["001-2024-OCI 1"]);
    assert_eq!(search("administración"), ["001-2024-OCI 1", "001-2024-OCI 2"]);
    assert_eq!(search("administracion capacitar"), ["001-2024-OCI 2"]);
    assert_eq!(search("cgr"), ["002-2024-CGR 1"]);
    assert!(search("inexistente").is_empty());
}

#[test]
fn a_recommendation_whose_report_arrives_later_is_listed_without_follow_up() {
    let register = sample();
    let follow_up = register.follow_up(d("2024-01-15"), None);
    let listed = list(&register, &follow_up, &RegisterQuery::default());
    let cgr = listed.iter().find(|l| l.recommendation.report_key() == "002-2024-CGR").unwrap();
    assert_eq!((cgr.follow_up, cgr.status), (None, Pendiente));
}

#[test]
fn the_indicator_tables_give_fifty_percent_and_name_the_unitless() {
    let register = sample();
    let follow_up = register.follow_up(today(), Some(RecommendationKind::Control));
    let overall = indicator_rows(&follow_up, Grouping::Overall);
    assert_eq!(overall[0].group, "Total");
    assert_eq!(overall[0].counts(), ["4", "2", "0", "1", "1", "0", "3", "33.3%", "1", "0"].map(String::from));
    let origin = indicator_rows(&follow_up, Grouping::Origin);
    assert_eq!(
        origin.iter().map(|r| (r.group.as_str(), r.counts()[7].clone())).collect::<Vec<_>>(),
        [("OCI", "50.0%".to_string()), ("CGR", "0.0%".to_string())]
    );
    let units: Vec<String> = indicator_rows(&follow_up, Grouping::Unit).into_iter().map(|r| r.group).collect();
    assert_eq!(units, [NO_UNIT, "Oficina de Administración", "Secretaría General"]);
    let reports = indicator_rows(&follow_up, Grouping::Report);
    assert_eq!(reports.len(), 2);
    assert_eq!(indicator_rows(&follow_up, Grouping::Type)[0].group, "Mejora de la gestión");
}

#[test]
fn due_soon_lists_the_nearest_deadline_first() {
    let mut register = sample();
    for (index, deadline) in [(3, "2025-01-10"), (4, "2025-01-03")] {
        let id = register.recommendations()[index].id();
        register
            .edit_recommendation(id, |r| r.action_plan.actions.push(Action::new("Informe", "UFPP", d(deadline))))
            .unwrap();
    }
    let follow_up = register.follow_up(today(), None);
    let soon: Vec<i64> = due_soon(&follow_up).iter().map(|r| r.days_to_deadline.unwrap()).collect();
    assert_eq!(soon, [3, 10]);
}

#[test]
fn section_five_lists_each_evaluation_with_one_paragraph_per_distinct_follow_up() {
    let mut register = RecommendationRegister::default();
    register.add_recommendation(previous("Evaluación I semestre", "2023-08-31", "1", "Se atendió.")).unwrap();
    register.add_recommendation(previous("Evaluación I semestre", "2023-08-31", "2", "Se atendió.")).unwrap();
    register.add_recommendation(previous("Evaluación I semestre", "2023-08-31", "3", "Está en curso.")).unwrap();
    register.add_recommendation(previous("Evaluación anual", "2024-03-31", "1", "")).unwrap();
    let section5 = previous_evaluations_for_ficha(&register, "AEI.01.01", d("2024-01-31"));
    assert_eq!(section5.len(), 1, "the annual evaluation came after the ficha's date");
    assert_eq!(section5[0].report, "Evaluación I semestre");
    assert_eq!(section5[0].recommendations.iter().map(|r| r.number.as_str()).collect::<Vec<_>>(), ["1", "2", "3"]);
    assert_eq!(section5[0].recommendations[0].status, "Pendiente");
    assert_eq!(section5[0].follow_up_paragraphs(), ["Se atendió.", "Está en curso."]);
    assert_eq!(previous_evaluations_for_ficha(&register, "AEI.01.01", d("2024-12-31")).len(), 2);
}

#[test]
fn section_five_lists_the_recommendations_of_its_aei_and_those_of_the_whole_entity() {
    let mut register = RecommendationRegister::default();
    let mut linked = previous("Evaluación I semestre", "2023-08-31", "1", "Se atendió.");
    linked.aei_code = "AEI.02.01".into();
    register.add_recommendation(linked).unwrap();
    register.add_recommendation(previous("Evaluación I semestre", "2023-08-31", "2", "")).unwrap();
    let numbers = |aei: &str| -> Vec<String> {
        previous_evaluations_for_ficha(&register, aei, d("2024-01-31"))
            .iter()
            .flat_map(|e| e.recommendations.iter().map(|r| r.number.clone()))
            .collect()
    };
    assert_eq!(numbers("AEI.02.01"), ["1", "2"]);
    assert_eq!(numbers("AEI.03.01"), ["2"], "only the entity-wide one");
    assert!(previous_evaluations_for_ficha(&RecommendationRegister::default(), "AEI.02.01", d("2024-01-31")).is_empty());
}

#[test]
fn the_example_seeds_the_reference_section_five_recommendations() {
    let workspace = reference_workspace();
    assert_eq!(workspace.recommendations, reference_register());
    assert!(workspace.recommendations.validate(d("2024-05-13")).is_empty());
    let section5 = previous_evaluations_for_ficha(&workspace.recommendations, "AEI.08.05", d("2024-05-13"));
    assert_eq!(section5.len(), 1);
    assert!(section5[0].report.starts_with("Informe de Evaluación de Implementación del Plan Operativo Institucional (POI) Anual 2023"));
    assert_eq!(section5[0].recommendations.len(), 2);
    assert!(section5[0].recommendations[1].text.starts_with("Se recomienda que, a través de las Unidades Territoriales"));
    assert!(section5[0].follow_up_paragraphs()[0].starts_with("Al respecto, durante el primer semestre de 2023"));
}

#[test]
fn section_six_cites_the_control_indicators() {
    let register = sample();
    assert_eq!(
        control_indicators_sentence(&register, today()).unwrap(),
        "Al 31/12/2024, se registran cuatro (04) recomendaciones derivadas de informes de servicios de control posterior emitidos por el OCI y la CGR, de las cuales una (01) se encuentra implementada; el porcentaje de implementación es 33.3% (implementadas entre el total, sin contar las inaplicables por causal sobreviniente ni las no aplicables). Asimismo, una (01) recomendación tiene el plazo de su plan de acción vencido."
    );
}

#[test]
fn section_six_in_the_singular_and_without_an_applicable_recommendation() {
    let mut register = RecommendationRegister::default();
    register.add_report(report("003-2024-SOA", Origin::Soa, "2024-03-01")).unwrap();
    register.add_recommendation(control("003-2024-SOA", "1", "Conciliar", "")).unwrap();
    assert_eq!(
        control_indicators_sentence(&register, today()).unwrap(),
        "Al 31/12/2024, se registra una (01) recomendación derivada de informes de servicios de control posterior emitidos por Sociedades de Auditoría, que no se encuentra implementada; el porcentaje de implementación es 0.0% (implementadas entre el total, sin contar las inaplicables por causal sobreviniente ni las no aplicables)."
    );
    set_status(&mut register, 0, NoAplicable, "2024-04-01");
    assert!(control_indicators_sentence(&register, today()).unwrap().ends_with(
        "que no se encuentra implementada; el porcentaje de implementación no se calcula porque ninguna es aplicable."
    ));
}

#[test]
fn section_six_says_nothing_without_control_recommendations() {
    assert_eq!(control_indicators_sentence(&reference_register(), today()), None);
    assert_eq!(control_indicators_sentence(&sample(), d("2024-01-05")), None, "no report had arrived yet");
}

#[test]
fn each_report_counts_its_own_recommendations() {
    let register = sample();
    let counts = recommendations_per_report(&register);
    assert_eq!((counts["001-2024-OCI"], counts["002-2024-CGR"]), (3, 1));
    assert_eq!(counts.len(), 2, "previous evaluations are not control reports");
}
