//! Comparing POI versions: AO and inversiones added, removed and changed, and the section-2 sentences.

use std::str::FromStr;

use ficha::domain::plan::{compare, Investment, Month, OperativeActivity, PoiVersion, Series};
use ficha::domain::example::{reference_workspace, INTEGRITY_AO, REFERENCE_VIEW, REST_OF_POI};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn version(number: u32, activities: Vec<OperativeActivity>) -> PoiVersion {
    PoiVersion { number, activities, ..PoiVersion::default() }
}

fn ao(code: &str) -> OperativeActivity {
    OperativeActivity::new(code, &format!("ACTIVIDAD {code}"), "INFORME", "AEI.01.01", "01")
}

#[test]
fn version_2_of_the_example_added_the_integrity_ao() {
    let ws = reference_workspace();
    let poi = &ws.year(2023).unwrap().poi;
    let comparison = compare(poi.version(1).unwrap(), poi.version(2).unwrap());
    assert_eq!(comparison.added.len(), 1);
    assert_eq!(comparison.added[0].code, INTEGRITY_AO);
    assert!(comparison.removed.is_empty() && comparison.changed.is_empty());
    assert_eq!(comparison.sentences(), vec!["Agregando una (01) nueva actividad operativa."]);
    assert!(compare(poi.version(2).unwrap(), poi.version(3).unwrap()).is_empty());
}

#[test]
fn four_added_ao_read_as_the_reference_sentence() {
    let from = version(0, vec![ao("A")]);
    let to = version(1, vec![ao("A"), ao("B"), ao("C"), ao("D"), ao("E")]);
    assert_eq!(compare(&from, &to).sentences(), vec!["Agregando cuatro (04) nuevas actividades operativas."]);
}

#[test]
fn removed_and_reprogrammed_ao_are_listed_with_their_differences() {
    let mut changed = ao("B");
    changed.financial.programmed[6] = d("3500");
    let mut from = version(0, vec![ao("A"), changed.clone()]);
    from.activities[1].financial.programmed[7] = d("100");
    changed.financial.programmed[6] = d("7000");
    changed.unit = "DOCUMENTO".to_string();
    let to = version(1, vec![changed]);
    let comparison = compare(&from, &to);
    assert_eq!(comparison.removed.iter().map(|a| a.code.as_str()).collect::<Vec<_>>(), vec!["A"]);
    let change = &comparison.changed[0];
    assert_eq!(change.activity.code, "B");
    assert_eq!((change.fields[0].field, change.fields[0].before.as_str(), change.fields[0].after.as_str()), ("Unidad de medida", "INFORME", "DOCUMENTO"));
    assert_eq!(
        change.describe(),
        vec![
            "Unidad de medida: INFORME → DOCUMENTO",
            "Programación financiera (S/): 3,600.00 → 7,000.00 (Jul: 3,500.00 → 7,000.00; Ago: 100.00 → 0.00)",
        ]
    );
    assert_eq!(change.series.len(), 1);
    assert_eq!(change.series[0].series, Series::FinancialProgrammed);
    assert_eq!(
        change.series[0].describe(),
        "Programación financiera (S/): 3,600.00 → 7,000.00 (Jul: 3,500.00 → 7,000.00; Ago: 100.00 → 0.00)"
    );
    assert_eq!(
        comparison.sentences(),
        vec!["Retirando una (01) actividad operativa.", "Modificando la programación de una (01) actividad operativa."]
    );
}

#[test]
fn execution_or_data_changes_are_not_called_reprogramming() {
    let mut executed = ao("A");
    executed.physical.executed[Month::new(3).unwrap().index()] = d("2");
    let mut renamed = ao("B");
    renamed.follow_up_approved = false;
    let comparison = compare(&version(0, vec![ao("A"), ao("B")]), &version(1, vec![executed, renamed]));
    assert_eq!(comparison.changed.len(), 2);
    assert_eq!(comparison.changed[0].series[0].describe(), "Ejecución física: 0 → 2 (Mar: 0 → 2)");
    assert_eq!(comparison.changed[1].fields[0].field, "Seguimiento aprobado");
    assert_eq!(comparison.sentences(), vec!["Actualizando los datos de dos (02) actividades operativas."]);
}

#[test]
fn a_new_version_compared_with_its_source_shows_only_the_edit() {
    let mut ws = reference_workspace();
    let mut view = REFERENCE_VIEW;
    let number = ws
        .new_poi_version(&mut view, &ficha::domain::editing::AmendmentDraft {
            kind: "Resolución del Secretario General".to_string(),
            number: "020-2024-TR/SG".to_string(),
            date: "2024-03-01".to_string(),
            reason: "la reprogramación del seguimiento del Modelo de Integridad".to_string(),
        })
        .unwrap();
    assert_eq!(number, 4);
    ws.set_monthly_value(view, REST_OF_POI, Series::PhysicalProgrammed, Month::new(1).unwrap(), "2").unwrap();
    let poi = &ws.year(2023).unwrap().poi;
    let comparison = compare(poi.version(3).unwrap(), poi.version(4).unwrap());
    assert_eq!(comparison.changed.len(), 1);
    assert_eq!(comparison.changed[0].activity.code, REST_OF_POI);
    assert_eq!(comparison.changed[0].series[0].describe(), "Programación física: 0 → 2 (Ene: 0 → 2)");
    assert!(poi.version(3).unwrap().activity(REST_OF_POI).unwrap().physical.programmed[0].is_zero());
}

fn investment(cui: &str) -> Investment {
    Investment::new(cui, &format!("INVERSIÓN {cui}"), "ESTUDIO", "AEI.01.01", "01")
}

#[test]
fn inversiones_are_compared_by_cui_after_the_ao() {
    let mut from = version(0, vec![ao("A")]);
    from.investments = vec![investment("2000001"), investment("2000002")];
    let mut to = version(1, vec![ao("A"), ao("B")]);
    let mut reprogrammed = investment("2000002");
    reprogrammed.financial.programmed[11] = d("50000");
    reprogrammed.unit = "PROYECTO".to_string();
    to.investments = vec![reprogrammed, investment("2000003"), investment("2000004")];
    let comparison = compare(&from, &to);
    assert_eq!(comparison.investments_added.iter().map(|i| i.code.as_str()).collect::<Vec<_>>(), vec!["2000003", "2000004"]);
    assert_eq!(comparison.investments_removed.iter().map(|i| i.name.as_str()).collect::<Vec<_>>(), vec!["INVERSIÓN 2000001"]);
    assert_eq!(
        comparison.investments_changed[0].describe(),
        vec!["Unidad de medida: ESTUDIO → PROYECTO", "Programación financiera (S/): 0.00 → 50,000.00 (Dic: 0.00 → 50,000.00)"]
    );
    assert_eq!(
        comparison.sentences(),
        vec![
            "Agregando una (01) nueva actividad operativa.",
            "Agregando dos (02) nuevas inversiones.",
            "Retirando una (01) inversión.",
            "Modificando la programación de una (01) inversión."
        ]
    );
    assert!(!comparison.is_empty());
    let mut same = version(1, vec![ao("A")]);
    same.investments = from.investments.clone();
    assert!(compare(&from, &same).is_empty());
}
