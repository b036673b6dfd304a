//! The Informe de evaluación: its Resumen ejecutivo and tables on data built for them, section 5
//! of the fichas from the register, and the loop from the Informe's recommendations back to it.

use std::str::FromStr;

use ficha::domain::calendar::Date;
use ficha::domain::document::{default_informe_name, draft_ficha, draft_informe, informe_citation, informe_name, register_for_follow_up};
use ficha::domain::ficha::TableId;
use ficha::domain::plan::{Aei, BudgetCategory, Indicator, OperativeActivity, Period, PoiVersion};
use ficha::domain::recommendations::{Recommendation, RecommendationKind, RecommendationSource, RecommendationType};
use ficha::domain::{Selection, Workspace};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

const VIEW: Selection = Selection { year: 2024, version: None, period: Period::Annual };

fn aei(code: &str, name: &str) -> Aei {
    Aei { code: code.into(), name: name.into(), oei_code: String::new(), indicator: Indicator { name: format!("Indicador de {code}"), ..Default::default() } }
}

/// One AO programmed and executed in June (so the first semester and the year agree).
fn ao(code: &str, aei: &str, category: &str, physical: (&str, &str), financial: (&str, &str)) -> OperativeActivity {
    let mut ao = OperativeActivity::new(code, &format!("ACTIVIDAD {code}"), "INFORME", aei, "01");
    ao.budget_category_code = category.into();
    ao.physical.programmed[5] = d(physical.0);
    ao.physical.executed[5] = d(physical.1);
    ao.financial.programmed[5] = d(financial.0);
    ao.financial.executed[5] = d(financial.1);
    ao
}

/// Three AEI: the first with two counted AO (one at 100%, one at 50%), the second with one AO
/// past its goal, the third with an AO without physical programming (nothing counted).
fn three_aei() -> Workspace {
    let mut ws = Workspace::empty(2024);
    ws.entity.name = "ENTIDAD DE PRUEBA".into();
    ws.entity.office = "Oficina de Planeamiento".into();
    let year = ws.year_mut(2024).unwrap();
    year.ficha_date = "2025-01-31".into();
    year.aeis = vec![aei("AEI.01.01", "PLANEAMIENTO INSTITUCIONAL"), aei("AEI.02.01", "GESTIÓN DEL EMPLEO"), aei("AEI.03.01", "MODELO DE INTEGRIDAD")];
    year.budget_categories = vec![
        BudgetCategory { code: "9001".into(), name: "ACCIONES CENTRALES".into() },
        BudgetCategory { code: "9002".into(), name: "ASIGNACIONES PRESUPUESTARIAS QUE NO RESULTAN EN PRODUCTOS".into() },
    ];
    year.poi.versions = vec![PoiVersion {
        activities: vec![
            ao("A1", "AEI.01.01", "9001", ("10", "10"), ("1000", "900")),
            ao("A2", "AEI.01.01", "9001", ("4", "2"), ("500", "500")),
            ao("B1", "AEI.02.01", "9002", ("2", "3"), ("2000", "1000")),
            ao("C1", "AEI.03.01", "", ("0", "0"), ("100", "0")),
        ],
        ..Default::default()
    }];
    ws
}

fn part_text(ws: &Workspace, key: &str) -> String {
    draft_informe(ws, VIEW).part(key).unwrap().section.plain_text()
}

fn cells(ws: &Workspace, id: TableId) -> Vec<Vec<String>> {
    let table = ws.table(VIEW, "", id).unwrap();
    table.body.iter().chain(&table.foot).map(|row| row.cells.iter().map(|c| c.value.display()).collect()).collect()
}

#[test]
fn the_resumen_ejecutivo_counts_the_aei_the_ao_the_poi_and_names_the_highest_and_lowest() {
    assert_eq!(
        part_text(&three_aei(), "resumen"),
        "Durante el año 2024, se evaluaron tres (03) Acciones Estratégicas Institucionales (AEI) del Plan Operativo Institucional (POI) 2024, a través de tres (03) actividades operativas con meta física programada y seguimiento aprobado.\n\n\
La ejecución financiera del Plan Operativo Institucional (POI) 2024 fue de S/ 2,400.00, de una programación de S/ 3,600.00, lo que representó el 66.7% de avance.\n\n\
La AEI con el mayor promedio de ejecución física ajustado fue la AEI.02.01 “Gestión del empleo” (100%), y la de menor promedio, la AEI.01.01 “Planeamiento institucional” (75%).\n\n\
La AEI.03.01 no contó con actividades operativas con meta física programada y seguimiento aprobado."
    );
}

#[test]
fn the_summary_table_has_each_aeis_cuadro_1_row_and_the_entitys_total() {
    let ws = three_aei();
    assert_eq!(
        cells(&ws, TableId::AeiSummary),
        [
            vec!["AEI.01.01", "PLANEAMIENTO INSTITUCIONAL", "2", "1", "1,400.00", "75.00"],
            vec!["AEI.02.01", "GESTIÓN DEL EMPLEO", "1", "1", "1,000.00", "100.00"],
            vec!["AEI.03.01", "MODELO DE INTEGRIDAD", "0", "0", "0.00", "–"],
            vec!["Total", "3", "2", "2,400.00", "83.33"],
        ]
    );
    let table = ws.table(VIEW, "", TableId::AeiSummary).unwrap();
    assert_eq!(table.caption, "Cuadro: Resumen de la implementación de las AEI");
    assert_eq!(table.footnotes.len(), 4, "Cuadro 1's notes 1/–4/");
    assert_eq!(table.sources[1], "Elaboración: Oficina de Planeamiento.");
    assert_eq!(table.width(), 6);
    let subsection = part_text(&ws, "1.2:AEI.01.01");
    assert!(subsection.starts_with("Durante el año 2024, la AEI.01.01 “Planeamiento institucional”, cuyo indicador es “Indicador de AEI.01.01”, contó con dos (02) actividades operativas con meta física programada y seguimiento aprobado, de las cuales una (01) alcanzó una ejecución física igual o mayor al 100%. Su promedio de ejecución física ajustado fue de 75% y su ejecución financiera, de S/ 1,400.00."), "{subsection}");
    assert!(subsection.ends_with("[Cuadro 1]"));
    assert!(part_text(&ws, "1.2:AEI.03.01").contains("no contó con actividades operativas con meta física programada y seguimiento aprobado, por lo que no se calcula"));
}

#[test]
fn annex_4_1_sums_the_execution_by_budget_category_in_the_years_order() {
    assert_eq!(
        cells(&three_aei(), TableId::BudgetExecution),
        [
            vec!["9001: ACCIONES CENTRALES", "1,500.00", "1,400.00", "93.3%"],
            vec!["9002: ASIGNACIONES PRESUPUESTARIAS QUE NO RESULTAN EN PRODUCTOS", "2,000.00", "1,000.00", "50.0%"],
            vec!["Sin categoría presupuestal", "100.00", "0.00", "0.0%"],
            vec!["Total", "3,600.00", "2,400.00", "66.7%"],
        ]
    );
    assert_eq!(three_aei().table(VIEW, "", TableId::BudgetExecution).unwrap().caption, "Cuadro: Ejecución financiera de las AO por categoría presupuestal del año 2024");
}

#[test]
fn the_informe_lists_its_parts_in_order_and_annexes_every_ficha() {
    let informe = draft_informe(&three_aei(), VIEW);
    let keys: Vec<&str> = informe.parts.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys, ["resumen", "1", "1.1", "1.2", "1.2:AEI.01.01", "1.2:AEI.02.01", "1.2:AEI.03.01", "1.3", "1.4", "2", "3", "4", "4.1", "4.2"]);
    assert_eq!(informe.title.title, "Informe de evaluación de implementación del POI 2024");
    assert_eq!(informe.annexes.iter().map(|f| f.aei_code.as_str()).collect::<Vec<_>>(), ["AEI.01.01", "AEI.02.01", "AEI.03.01"]);
    assert_eq!(
        informe.recommendations(),
        [
            "Se recomienda que las unidades responsables de las actividades operativas de la AEI.01.01 adopten las medidas correctivas identificadas, a fin de alcanzar las metas físicas programadas en el siguiente periodo.",
            "Se recomienda revisar la programación física y la aprobación del seguimiento de las actividades operativas de la AEI.03.01, a fin de que su implementación pueda ser evaluada.",
            "Se recomienda continuar con el seguimiento mensual de la ejecución física y financiera de las actividades operativas del Plan Operativo Institucional (POI) 2024.",
        ]
    );
}

#[test]
fn the_document_name_follows_ceplan_by_year_unless_set() {
    assert_eq!(default_informe_name(2024), "Informe de evaluación de implementación del POI");
    assert_eq!(default_informe_name(2025), "Informe de Evaluación Institucional");
    let mut ws = three_aei();
    assert_eq!(informe_name(&ws, 2024), "Informe de evaluación de implementación del POI");
    ws.year_mut(2024).unwrap().informe_name = "Informe de evaluación del POI institucional".into();
    assert_eq!(informe_name(&ws, 2024), "Informe de evaluación del POI institucional");
    assert_eq!(informe_citation(&ws, 2024, Period::FirstHalf), "Informe de evaluación del POI institucional 2024 correspondiente al primer semestre");
    assert_eq!(draft_informe(&ws, VIEW).title.title, "Informe de evaluación del POI institucional 2024");
}

fn previous(number: &str, text: &str, aei_code: &str) -> Recommendation {
    let source = RecommendationSource::PreviousEvaluation { report: "Informe de evaluación del POI 2024 correspondiente al primer semestre".into(), date: Date::new(2024, 8, 30).unwrap() };
    let mut recommendation = Recommendation::new(source, number, text, RecommendationType::ManagementImprovement);
    recommendation.follow_up = format!("Seguimiento de {number}.");
    recommendation.aei_code = aei_code.into();
    recommendation
}

fn section5(ws: &Workspace, aei: &str) -> String {
    draft_ficha(ws, VIEW, &ws.narrative, aei).section(5).unwrap().plain_text()
}

#[test]
fn section_5_lists_the_aeis_recommendations_and_the_entity_wide_ones_with_status_and_follow_up() {
    let mut ws = three_aei();
    assert_eq!(section5(&ws, "AEI.01.01"), "No se registran recomendaciones de evaluaciones previas vinculadas a la AEI.01.01.");
    ws.recommendations.add_recommendation(previous("1", "Revisar las metas.", "AEI.01.01")).unwrap();
    ws.recommendations.add_recommendation(previous("2", "Visitar las sedes.", "")).unwrap();
    assert_eq!(
        section5(&ws, "AEI.01.01"),
        "En el marco de las recomendaciones brindadas en el Informe de evaluación del POI 2024 correspondiente al primer semestre, las cuales se detallan a continuación:\n\n\
1. Revisar las metas. Estado al 31 de enero, 2025: Pendiente.\n2. Visitar las sedes. Estado al 31 de enero, 2025: Pendiente.\n\n\
Seguimiento de 1.\n\nSeguimiento de 2."
    );
    let other = section5(&ws, "AEI.02.01");
    assert!(other.contains("1. Visitar las sedes.") && !other.contains("Revisar las metas."), "{other}");
}

#[test]
fn section_6_cites_the_control_indicators_only_when_asked() {
    let mut ws = three_aei();
    let section6 = |ws: &Workspace| draft_ficha(ws, VIEW, &ws.narrative, "AEI.01.01").section(6).unwrap().plain_text();
    assert!(!section6(&ws).contains("informes de servicios de control"));
    ws.narrative.aei_mut("AEI.01.01").cite_control_indicators = true;
    assert!(section6(&ws).ends_with("Al 31/01/2025, no se registran recomendaciones derivadas de informes de servicios de control posterior."), "{}", section6(&ws));
}

#[test]
fn registering_the_recommendations_adds_them_once_citing_the_informe_for_the_next_period() {
    let mut ws = three_aei();
    let first_half = Selection { period: Period::FirstHalf, ..VIEW };
    let registered = register_for_follow_up(&mut ws, first_half).unwrap();
    assert_eq!(registered.added, ["1", "2", "3"]);
    assert!(registered.message().starts_with("Se registraron tres (03) recomendaciones (N° 1, N° 2, N° 3) del «Informe de evaluación de implementación del POI 2024 correspondiente al primer semestre»"), "{}", registered.message());
    let previous: Vec<&Recommendation> = ws.recommendations.recommendations_of(RecommendationKind::PreviousEvaluation).collect();
    assert_eq!(previous.len(), 3);
    assert_eq!(previous[0].aei_code, "AEI.01.01", "its text names one AEI");
    assert_eq!(previous[2].aei_code, "", "the whole entity's");
    let again = register_for_follow_up(&mut ws, first_half).unwrap();
    assert_eq!((again.added.len(), again.already), (0, 3));
    assert_eq!(again.message(), "Tres (03) recomendaciones de la sección 3 ya estaban en el registro; no se agregó ninguna.");
    assert_eq!(ws.recommendations.recommendations().len(), 3);
    // The annual fichas follow them up; the first semester's own fichas do not.
    assert!(section5(&ws, "AEI.01.01").contains("1. Se recomienda que las unidades responsables de las actividades operativas de la AEI.01.01"));
    assert!(!section5(&ws, "AEI.02.01").contains("de la AEI.01.01 adopten"));
    let own = draft_ficha(&ws, first_half, &ws.narrative, "AEI.01.01").section(5).unwrap().plain_text();
    assert_eq!(own, "No se registran recomendaciones de evaluaciones previas vinculadas a la AEI.01.01.");
}
