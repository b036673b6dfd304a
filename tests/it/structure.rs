//! Building a POI by hand: AEI, CC, categorías, OEI, AO and inversiones with Spanish validation,
//! deletes that ask, new POI versions, correcting the latest version's resolution, and new years.

use std::str::FromStr;

use ficha::domain::plan::{Investment, ItemKind, Month, Period, Series};
use ficha::domain::example::{reference_workspace, INTEGRITY_AO, REFERENCE_VIEW};
use ficha::domain::document::draft_ficha;
use ficha::domain::editing::{
    AeiDraft, AmendmentDraft, Catalog, CodeNameDraft, Field, Item, ItemDraft, StructureError,
};
use ficha::domain::{Selection, Workspace};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn messages(errors: Vec<StructureError>) -> Vec<String> {
    errors.iter().map(ToString::to_string).collect()
}

fn code_name(code: &str, name: &str) -> CodeNameDraft {
    CodeNameDraft { code: code.to_string(), name: name.to_string() }
}

fn aei(code: &str) -> AeiDraft {
    AeiDraft {
        code: code.to_string(),
        name: format!("ACCIÓN {code}"),
        indicator_name: "Porcentaje de avance".to_string(),
        indicator_unit: "Porcentaje".to_string(),
        baseline: "40".to_string(),
        expected_value: "75.5".to_string(),
        ..AeiDraft::default()
    }
}

fn activity(code: &str, aei: &str, cc: &str) -> ItemDraft {
    ItemDraft {
        code: code.to_string(),
        name: format!("ACTIVIDAD {code}"),
        unit: "INFORME".to_string(),
        aei_code: aei.to_string(),
        cost_center_code: cc.to_string(),
        ..ItemDraft::default()
    }
}

/// An empty 2025 with AEI.01.01, CC 01 and one AO programmed 1 in December.
/// How the tests view the workspace `built` makes.
const BUILT: Selection = Selection { year: 2025, version: None, period: Period::Annual };

fn built() -> Workspace {
    let mut ws = Workspace::empty(2025);
    ws.save_aei(2025, None, &aei("AEI.01.01")).unwrap();
    ws.save_code_name(2025, Catalog::CostCenter, None, &code_name("01", "OFICINA DE PLANEAMIENTO")).unwrap();
    ws.save_item(2025, ItemKind::Activity, None, &activity("AOI0001", "AEI.01.01", "01")).unwrap();
    ws.set_monthly_value(BUILT, "AOI0001", Series::PhysicalProgrammed, Month::new(12).unwrap(), "1").unwrap();
    ws
}

#[test]
fn an_empty_workspace_gets_an_aei_a_cc_and_an_ao_that_cuadro1_counts() {
    let ws = built();
    let year = ws.year(2025).unwrap();
    assert_eq!(year.aeis[0].indicator.baseline, Some(d("40")));
    assert_eq!(year.aeis[0].indicator.expected_value, Some(d("75.5")));
    assert_eq!(year.poi.versions.len(), 1, "the first AO creates the POI consistente con el PIA");
    assert_eq!(year.poi.versions[0].label(), "POI consistente con el PIA");
    let cuadro1 = ws.cuadro1(BUILT, "AEI.01.01").unwrap();
    assert_eq!((cuadro1.aei.activity_count, cuadro1.cost_centers[0].name.as_str()), (1, "OFICINA DE PLANEAMIENTO"));
}

#[test]
fn empty_and_duplicate_codes_are_refused_in_spanish() {
    let mut ws = built();
    let before = ws.clone();
    assert_eq!(
        messages(ws.save_code_name(2025, Catalog::CostCenter, None, &code_name(" ", "")).unwrap_err()),
        vec!["Indique el código del centro de costo.", "Indique la denominación del centro de costo."]
    );
    assert_eq!(
        messages(ws.save_aei(2025, None, &aei("AEI.01.01")).unwrap_err()),
        vec!["Ya existe una AEI con el código «AEI.01.01»."]
    );
    assert_eq!(
        messages(ws.save_code_name(2025, Catalog::CostCenter, None, &code_name("01", "OTRA")).unwrap_err()),
        vec!["Ya existe un centro de costo con el código «01»."]
    );
    assert_eq!(
        messages(ws.save_item(2025, ItemKind::Activity, None, &activity("AOI0001", "AEI.09.09", "")).unwrap_err()),
        vec!["Ya existe una actividad operativa con el código «AOI0001».", "No existe la AEI «AEI.09.09» en este año.", "Elija el centro de costo."]
    );
    assert_eq!(ws, before);
}

#[test]
fn the_indicator_needs_a_goal_or_sin_meta_programada() {
    let mut ws = Workspace::empty(2025);
    let no_goal = AeiDraft { expected_value: String::new(), ..aei("AEI.01.01") };
    assert_eq!(
        messages(ws.save_aei(2025, None, &no_goal).unwrap_err()),
        vec!["Indique el logro esperado del indicador o marque «Sin meta programada»."]
    );
    let bad = AeiDraft { baseline: "cuarenta".to_string(), ..aei("AEI.01.01") };
    assert_eq!(messages(ws.save_aei(2025, None, &bad).unwrap_err()), vec!["Línea de base: «cuarenta» no es un número."]);
    ws.save_aei(2025, None, &AeiDraft { no_goal: true, ..no_goal }).unwrap();
    assert_eq!(ws.year(2025).unwrap().aeis[0].indicator.expected_value, None);
}

#[test]
fn renaming_an_aei_or_cc_keeps_its_ao_linked_and_values_intact() {
    let mut ws = built();
    ws.save_aei(2025, Some("AEI.01.01"), &aei("AEI.01.02")).unwrap();
    ws.save_code_name(2025, Catalog::CostCenter, Some("01"), &code_name("02", "OFICINA GENERAL")).unwrap();
    let mut edited = activity("AOI0001", "AEI.01.02", "02");
    edited.name = "INFORME DE SEGUIMIENTO".to_string();
    ws.save_item(2025, ItemKind::Activity, Some("AOI0001"), &edited).unwrap();
    let ao = ws.evaluated_version(BUILT).unwrap().activity("AOI0001").unwrap();
    assert_eq!((ao.aei_code.as_str(), ao.cost_center_code.as_str(), ao.name.as_str()), ("AEI.01.02", "02", "INFORME DE SEGUIMIENTO"));
    assert_eq!(ao.physical.programmed[11], d("1"));
    assert_eq!(ws.cuadro1(BUILT, "AEI.01.02").unwrap().aei.activity_count, 1);
}

#[test]
fn deleting_an_aei_with_ao_says_what_depends_on_it_then_takes_them_along() {
    let mut ws = built();
    let dependents = ws.deletion(2025, Item::Aei, "AEI.01.01").unwrap();
    assert_eq!(
        dependents.warning(Item::Aei, "AEI.01.01"),
        "La AEI «AEI.01.01» tiene una (01) actividad operativa o inversión en la última versión del POI: AOI0001: ACTIVIDAD AOI0001. Si lo confirma, se eliminarán también esas actividades, con su programación y ejecución."
    );
    ws.delete(2025, Item::Aei, "AEI.01.01").unwrap();
    assert!(ws.year(2025).unwrap().aeis.is_empty());
    assert!(ws.evaluated_version(BUILT).unwrap().activities.is_empty());
    assert!(ws.deletion(2025, Item::CostCenter, "01").unwrap().is_empty());
}

#[test]
fn a_deleted_category_or_oei_leaves_its_users_without_it() {
    let mut ws = built();
    ws.save_code_name(2025, Catalog::BudgetCategory, None, &code_name("PP 0073", "Trabaja Perú")).unwrap();
    ws.save_code_name(2025, Catalog::Oei, None, &code_name("OEI.01", "OBJETIVO")).unwrap();
    ws.save_aei(2025, Some("AEI.01.01"), &AeiDraft { oei_code: "OEI.01".to_string(), ..aei("AEI.01.01") }).unwrap();
    ws.save_item(2025, ItemKind::Activity, Some("AOI0001"), &ItemDraft { budget_category_code: "PP 0073".to_string(), ..activity("AOI0001", "AEI.01.01", "01") })
        .unwrap();
    assert_eq!(
        ws.deletion(2025, Item::Oei, "OEI.01").unwrap().warning(Item::Oei, "OEI.01"),
        "El OEI «OEI.01» tiene una (01) AEI: AEI.01.01. Si lo elimina, esas AEI quedarán sin OEI."
    );
    ws.delete(2025, Item::Oei, "OEI.01").unwrap();
    ws.delete(2025, Item::BudgetCategory, "PP 0073").unwrap();
    assert_eq!(ws.year(2025).unwrap().aeis[0].oei_code, "");
    assert_eq!(ws.evaluated_version(BUILT).unwrap().activities[0].budget_category_code, "");
}

#[test]
fn what_approved_versions_use_cannot_be_deleted_or_recoded() {
    let mut ws = reference_workspace();
    let before = ws.clone();
    let refused = "El centro de costo «07» está en uso en versiones aprobadas del POI (POI consistente con el PIA, POI Modificado versión 1, POI Modificado versión 2), que no se modifican: no se puede cambiar su código ni eliminar.";
    assert_eq!(ws.deletion(2023, Item::CostCenter, "07").unwrap_err().to_string(), refused);
    assert_eq!(ws.delete(2023, Item::CostCenter, "07").unwrap_err().to_string(), refused);
    assert_eq!(messages(ws.save_code_name(2023, Catalog::CostCenter, Some("07"), &code_name("08", "X")).unwrap_err()), vec![refused]);
    assert_eq!(ws, before);
    ws.save_code_name(2023, Catalog::CostCenter, Some("07"), &code_name("07", "OFICINA NACIONAL")).unwrap();
    ws.delete(2023, Item::Activity, INTEGRITY_AO).unwrap();
    let poi = &ws.year(2023).unwrap().poi;
    assert!(poi.latest().unwrap().activity(INTEGRITY_AO).is_none());
    assert!(poi.version(2).unwrap().activity(INTEGRITY_AO).is_some(), "earlier versions keep the AO");
}

#[test]
fn a_new_poi_version_needs_its_resolution_and_reason() {
    let mut ws = built();
    let mut view = BUILT;
    assert_eq!(
        messages(ws.new_poi_version(&mut view, &AmendmentDraft::default()).unwrap_err()),
        vec![
            "Indique el tipo de la resolución que aprueba la versión.",
            "Indique el número de la resolución que aprueba la versión.",
            "Indique la fecha de la resolución.",
            "Indique el motivo de la modificación."
        ]
    );
    view.version = Some(0);
    let draft = AmendmentDraft {
        kind: "Resolución del Secretario General".to_string(),
        number: "001-2025-TR/SG".to_string(),
        date: "2025-03-10".to_string(),
        reason: "la incorporación de recursos".to_string(),
    };
    assert_eq!(ws.new_poi_version(&mut view, &draft), Ok(1));
    let latest = ws.evaluated_version(view).unwrap();
    assert_eq!((latest.label(), latest.resolution.citation()), ("POI Modificado versión 1".to_string(), "Resolución del Secretario General N° 001-2025-TR/SG".to_string()));
    assert_eq!(latest.amendments[0].reason, "la incorporación de recursos");
    assert_eq!(latest.activities, ws.year(2025).unwrap().poi.version(0).unwrap().activities);
}

#[test]
fn nuevo_ano_copies_the_structure_without_values_or_goals() {
    let mut ws = built();
    let mut view = BUILT;
    assert_eq!(ws.next_year(), Some(2026), "what Nuevo año offers");
    ws.new_year(2026, &mut view).unwrap();
    assert_eq!(view, Selection::of_year(2026));
    assert_eq!(ws.next_year(), Some(2027));
    let year = ws.year(2026).unwrap();
    assert_eq!(year.aeis[0].code, "AEI.01.01");
    assert_eq!(year.aeis[0].indicator.expected_value, None);
    assert_eq!(year.cost_centers[0].code, "01");
    let ao = &year.poi.versions[0].activities[0];
    assert_eq!(ao.code, "AOI0001");
    assert!(ao.physical.programmed.iter().all(Decimal::is_zero));
    assert_eq!(ws.years.iter().map(|y| y.year).collect::<Vec<_>>(), vec![2025, 2026]);
    assert_eq!(ws.new_year(2026, &mut view).unwrap_err().to_string(), "El año 2026 ya existe en el espacio de trabajo.");
    assert_eq!(ws.new_year(2020, &mut view).unwrap_err().to_string(), "No hay un año anterior a 2020 del cual copiar la estructura.");
    assert_eq!(ws.years[0].poi.versions[0].activities[0].physical.programmed[11], d("1"), "the previous year is unchanged");
}

fn investment(cui: &str, aei: &str, cc: &str) -> ItemDraft {
    ItemDraft {
        code: cui.to_string(),
        name: format!("MEJORAMIENTO {cui}"),
        unit: "ESTUDIO".to_string(),
        aei_code: aei.to_string(),
        cost_center_code: cc.to_string(),
        ..ItemDraft::default()
    }
}

fn fields(errors: &[StructureError]) -> Vec<Option<Field>> {
    errors.iter().map(StructureError::field).collect()
}

fn resolution(number: &str, date: &str, reason: &str) -> AmendmentDraft {
    AmendmentDraft {
        kind: "Resolución del Secretario General".to_string(),
        number: number.to_string(),
        date: date.to_string(),
        reason: reason.to_string(),
    }
}

#[test]
fn an_inversion_gets_its_aei_and_cc_from_the_lists_and_keeps_its_values_when_edited() {
    let mut ws = built();
    ws.save_code_name(2025, Catalog::CostCenter, None, &code_name("02", "OFICINA DE ADMINISTRACIÓN")).unwrap();
    ws.save_item(2025, ItemKind::Investment, None, &investment("2456789", "AEI.01.01", "01")).unwrap();
    ws.year_mut(2025).unwrap().poi.versions[0].investments[0].financial.programmed[11] = d("50000");
    let edited = ItemDraft {
        code: " 2456790 ".to_string(),
        name: "MEJORAMIENTO DEL SERVICIO DE ATENCIÓN".to_string(),
        unit: "PROYECTO".to_string(),
        cost_center_code: "02".to_string(),
        follow_up_approved: false,
        ..investment("", "AEI.01.01", "")
    };
    ws.save_item(2025, ItemKind::Investment, Some("2456789"), &edited).unwrap();
    let version = ws.evaluated_version(BUILT).unwrap();
    assert_eq!(version.investments.len(), 1);
    let inv = version.investment("2456790").unwrap();
    assert_eq!(
        (inv.name.as_str(), inv.unit.as_str(), inv.aei_code.as_str(), inv.cost_center_code.as_str(), inv.follow_up_approved),
        ("MEJORAMIENTO DEL SERVICIO DE ATENCIÓN", "PROYECTO", "AEI.01.01", "02", false)
    );
    assert_eq!(inv.financial.programmed[11], d("50000"));
    assert_eq!(ItemDraft::of(inv), ItemDraft { code: "2456790".to_string(), ..edited });
}

#[test]
fn the_first_inversion_of_an_empty_year_creates_the_poi() {
    let mut ws = Workspace::empty(2025);
    ws.save_aei(2025, None, &aei("AEI.01.01")).unwrap();
    ws.save_code_name(2025, Catalog::CostCenter, None, &code_name("01", "OFICINA")).unwrap();
    ws.save_item(2025, ItemKind::Investment, None, &investment("2456789", "AEI.01.01", "01")).unwrap();
    let version = ws.evaluated_version(BUILT).unwrap();
    assert_eq!((version.label(), version.investments.len(), version.activities.len()), ("POI consistente con el PIA".to_string(), 1, 0));
}

#[test]
fn an_inversion_form_is_refused_in_spanish_at_each_field() {
    let mut ws = built();
    ws.save_item(2025, ItemKind::Investment, None, &investment("2456789", "AEI.01.01", "01")).unwrap();
    let before = ws.clone();
    let empty = ws.save_item(2025, ItemKind::Investment, None, &ItemDraft::default()).unwrap_err();
    assert_eq!(
        messages(empty.clone()),
        vec![
            "Indique el CUI de la inversión.",
            "Indique la denominación de la inversión.",
            "Indique la unidad de medida de la inversión.",
            "Elija la AEI.",
            "Elija el centro de costo."
        ]
    );
    assert_eq!(fields(&empty), vec![Some(Field::Code), Some(Field::Name), Some(Field::Unit), Some(Field::Aei), Some(Field::CostCenter)]);
    assert_eq!(
        messages(ws.save_item(2025, ItemKind::Investment, None, &investment("CUI-24", "AEI.09.09", "09")).unwrap_err()),
        vec![
            "El CUI «CUI-24» no es válido: el código único de inversión tiene solo dígitos (por ejemplo, 2456789).",
            "No existe la AEI «AEI.09.09» en este año.",
            "No existe el centro de costo «09» en este año."
        ]
    );
    assert_eq!(
        messages(ws.save_item(2025, ItemKind::Investment, None, &investment("2456789", "AEI.01.01", "01")).unwrap_err()),
        vec!["Ya existe una inversión con el CUI «2456789»."]
    );
    assert_eq!(ws, before);
}

#[test]
fn deleting_a_cc_or_an_aei_names_the_inversiones_that_depend_on_it() {
    let mut ws = built();
    ws.save_code_name(2025, Catalog::CostCenter, None, &code_name("02", "OFICINA DE ADMINISTRACIÓN")).unwrap();
    ws.save_item(2025, ItemKind::Investment, None, &investment("2456789", "AEI.01.01", "02")).unwrap();
    let cc = ws.deletion(2025, Item::CostCenter, "02").unwrap();
    assert_eq!(cc.investments, vec!["Inversión 2456789: MEJORAMIENTO 2456789"]);
    assert_eq!(
        cc.warning(Item::CostCenter, "02"),
        "El centro de costo «02» tiene una (01) actividad operativa o inversión en la última versión del POI: Inversión 2456789: MEJORAMIENTO 2456789. Si lo confirma, se eliminarán también esas inversiones, con su programación y ejecución."
    );
    assert_eq!(
        ws.deletion(2025, Item::Aei, "AEI.01.01").unwrap().warning(Item::Aei, "AEI.01.01"),
        "La AEI «AEI.01.01» tiene dos (02) actividades operativas o inversiones en la última versión del POI: AOI0001: ACTIVIDAD AOI0001; Inversión 2456789: MEJORAMIENTO 2456789. Si lo confirma, se eliminarán también esas actividades e inversiones, con su programación y ejecución."
    );
    ws.delete(2025, Item::CostCenter, "02").unwrap();
    let version = ws.evaluated_version(BUILT).unwrap();
    assert!(version.investments.is_empty());
    assert_eq!(version.activities.len(), 1, "the AO of the other CC stays");
}

#[test]
fn an_inversion_itself_leaves_only_the_latest_version() {
    let mut ws = built();
    let mut view = BUILT;
    ws.save_item(2025, ItemKind::Investment, None, &investment("2456789", "AEI.01.01", "01")).unwrap();
    ws.new_poi_version(&mut view, &resolution("001-2025-TR/SG", "2025-03-10", "la incorporación de recursos")).unwrap();
    assert!(ws.deletion(2025, Item::Investment, "2456789").unwrap().is_empty(), "nothing depends on an inversión");
    assert_eq!(
        ws.deletion(2025, Item::CostCenter, "01").unwrap_err().to_string(),
        "El centro de costo «01» está en uso en versiones aprobadas del POI (POI consistente con el PIA), que no se modifican: no se puede cambiar su código ni eliminar."
    );
    ws.delete(2025, Item::Investment, "2456789").unwrap();
    let poi = &ws.year(2025).unwrap().poi;
    assert!(poi.latest().unwrap().investments.is_empty());
    assert_eq!(poi.version(0).unwrap().investments.len(), 1, "the approved version keeps it");
    assert_eq!(ws.delete(2025, Item::Investment, "2456789").unwrap_err().to_string(), "No existe la inversión «2456789» en este año.");
}

#[test]
fn an_inversion_stored_before_units_were_asked_reads_with_an_empty_unit() {
    let stored = r#"{"cui":"2456789","name":"MEJORAMIENTO","aei_code":"AEI.01.01","cost_center_code":"01","physical":{"p":"","e":""},"financial":{"p":"||5000","e":""}}"#;
    let inv: Investment = serde_json::from_str(stored).unwrap();
    assert_eq!((inv.unit.as_str(), inv.follow_up_approved, inv.financial.programmed[2]), ("", true, d("5000")));
}

#[test]
fn the_latest_versions_resolution_and_reason_are_corrected_and_section2_reads_them() {
    let mut ws = reference_workspace();
    let before = ws.year(2023).unwrap().poi.versions[..3].to_vec();
    let mut draft = AmendmentDraft::of(ws.year(2023).unwrap().poi.latest().unwrap());
    assert_eq!((draft.number.as_str(), draft.date.as_str()), ("013-2024-TR/SG", ""));
    assert!(draft.reason.starts_with("la Transferencias de Partidas"));
    draft.number = "014-2024-TR/SG".to_string();
    draft.date = "2024-01-31".to_string();
    draft.reason = "la transferencia de partidas a favor de la Reserva de Contingencia".to_string();
    ws.correct_version(2023, 3, &draft).unwrap();
    let poi = &ws.year(2023).unwrap().poi;
    let latest = poi.latest().unwrap();
    assert_eq!(latest.resolution.citation(), "Resolución del Secretario General N° 014-2024-TR/SG");
    assert_eq!(latest.resolution.date, "2024-01-31");
    assert_eq!(latest.own_reason(), "la transferencia de partidas a favor de la Reserva de Contingencia");
    assert_eq!(latest.amendments.len(), 1);
    assert_eq!(poi.versions[..3], before[..], "earlier versions are unchanged");
    let section2 = draft_ficha(&ws, REFERENCE_VIEW, &ws.narrative, "AEI.08.05").section(2).unwrap().plain_text();
    assert!(
        section2.contains("Mediante la Resolución del Secretario General N° 014-2024-TR/SG, se aprobó la modificación del Plan Operativo Institucional (POI) 2023 versión 3"),
        "{section2}"
    );
    assert!(section2.contains("debido a la transferencia de partidas a favor de la Reserva de Contingencia."), "{section2}");
}

#[test]
fn earlier_versions_refuse_a_correction() {
    let mut ws = reference_workspace();
    let before = ws.clone();
    let draft = resolution("099-2023-TR/SG", "2023-05-02", "otra razón");
    assert_eq!(
        messages(ws.correct_version(2023, 2, &draft).unwrap_err()),
        vec!["El POI Modificado versión 2 es una versión aprobada y queda de solo lectura: solo se puede corregir la resolución de la última versión."]
    );
    assert_eq!(messages(ws.correct_version(2023, 7, &draft).unwrap_err()), vec!["No existe la versión 7 del POI en este año."]);
    assert_eq!(ws, before);
}

#[test]
fn a_correction_needs_a_number_and_a_valid_date_not_before_the_previous_version() {
    let mut ws = built();
    let mut view = BUILT;
    ws.correct_version(2025, 0, &resolution("010-2025-TR", "2025-01-05", "")).unwrap();
    assert_eq!(ws.evaluated_version(view).unwrap().amendments, Vec::new(), "the first version needs no reason");
    ws.new_poi_version(&mut view, &resolution("001-2025-TR/SG", "2025-03-10", "la incorporación de recursos")).unwrap();
    let before = ws.clone();
    let blank = ws.correct_version(2025, 1, &resolution(" ", "", " ")).unwrap_err();
    assert_eq!(
        messages(blank.clone()),
        vec!["Indique el número de la resolución que aprueba la versión.", "Indique la fecha de la resolución.", "Indique el motivo de la modificación."]
    );
    assert_eq!(fields(&blank), vec![Some(Field::ResolutionNumber), Some(Field::ResolutionDate), Some(Field::Reason)]);
    assert_eq!(
        messages(ws.correct_version(2025, 1, &resolution("001-2025-TR/SG", "2025-02-30", "x")).unwrap_err()),
        vec!["Fecha de la resolución: el día 30 no existe: febrero de 2025 tiene 28 días."]
    );
    assert_eq!(
        messages(ws.correct_version(2025, 1, &resolution("001-2025-TR/SG", "04/01/2025", "x")).unwrap_err()),
        vec!["Fecha de la resolución: «04/01/2025» no es una fecha con el formato aaaa-mm-dd (por ejemplo, 2024-03-28)."]
    );
    let early = ws.correct_version(2025, 1, &resolution("001-2025-TR/SG", "2025-01-04", "x")).unwrap_err();
    assert_eq!(
        messages(early.clone()),
        vec!["La fecha de la resolución (04/01/2025) es anterior a la del POI consistente con el PIA (05/01/2025): una versión no puede aprobarse antes que la versión que modifica."]
    );
    assert_eq!(fields(&early), vec![Some(Field::ResolutionDate)]);
    assert_eq!(ws, before);
    ws.correct_version(2025, 1, &resolution("002-2025-TR/SG", "2025-01-05", "la incorporación de recursos")).unwrap();
    assert_eq!(ws.evaluated_version(view).unwrap().resolution.number, "002-2025-TR/SG", "the same day as the previous version is accepted");
    assert_eq!(
        messages(ws.new_poi_version(&mut view, &resolution("003-2025-TR/SG", "2024-12-31", "x")).unwrap_err()),
        vec!["La fecha de la resolución (31/12/2024) es anterior a la del POI Modificado versión 1 (05/01/2025): una versión no puede aprobarse antes que la versión que modifica."]
    );
}

#[test]
fn one_form_saves_an_ao_or_an_inversion_and_only_an_ao_keeps_a_categoria() {
    let mut ws = built();
    let with_category = |draft: ItemDraft| ItemDraft { budget_category_code: "PP 0073".to_string(), ..draft };
    assert_eq!(
        messages(ws.save_item(2025, ItemKind::Activity, None, &with_category(activity("AOI0002", "AEI.01.01", "01"))).unwrap_err()),
        vec!["No existe la categoría presupuestal «PP 0073» en este año."]
    );
    ws.save_item(2025, ItemKind::Investment, None, &with_category(investment("2456789", "AEI.01.01", "01"))).unwrap();
    let version = ws.evaluated_version(BUILT).unwrap();
    assert_eq!(ItemDraft::of(version.investment("2456789").unwrap()).budget_category_code, "");
    ws.save_code_name(2025, Catalog::BudgetCategory, None, &code_name("PP 0073", "Trabaja Perú")).unwrap();
    ws.save_item(2025, ItemKind::Activity, Some("AOI0001"), &with_category(activity("AOI0001", "AEI.01.01", "01"))).unwrap();
    let ao = ws.evaluated_version(BUILT).unwrap().activity("AOI0001").unwrap();
    assert_eq!((ao.budget_category_code.as_str(), ao.physical.programmed[11]), ("PP 0073", d("1")), "its values stay");
    assert_eq!(ws.item_codes(BUILT, "AEI.01.01"), ["AOI0001", "2456789"]);
}
