//! The seed figures of docs/EXAMPLE.md, computed from the preloaded example.

use ficha::domain::example::{reference_workspace, INTEGRITY_AO, REFERENCE_VIEW};
use ficha::domain::ficha::{cuadro1, cuadro2, tabla3};
use ficha::domain::language::{average, money, percent, quantity};
use ficha::domain::plan::Period;
use ficha::domain::Workspace;

fn example() -> Workspace {
    reference_workspace()
}

#[test]
fn cuadro1_of_aei_08_05_reproduces_the_reference() {
    let ws = example();
    let year = ws.year(2023).unwrap();
    let version = ws.evaluated_version(REFERENCE_VIEW).unwrap();
    assert_eq!(version.label(), "POI Modificado versión 3");
    let table = cuadro1(version, year.aei("AEI.08.05").unwrap(), &year.cost_centers, Period::Annual, ws.settings.table_options());
    let rows: Vec<_> = std::iter::once(&table.aei).chain(&table.cost_centers).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1].code, "07");
    assert_eq!(rows[1].name, "OFICINA NACIONAL Y UNIDADES ZONALES");
    for row in rows {
        assert_eq!(row.activity_count, 1);
        assert_eq!(row.fully_executed_count, 1);
        assert_eq!(money(row.financial_execution), "21,000.00");
        assert_eq!(average(row.average_adjusted_physical_execution), "100.00");
    }
}

#[test]
fn cuadro2_lists_the_integrity_ao_fully_executed() {
    let ws = example();
    let rows = cuadro2(ws.evaluated_version(REFERENCE_VIEW).unwrap(), "AEI.08.05", Period::Annual);
    assert_eq!(rows.len(), 1);
    let ao = &rows[0];
    assert_eq!(ao.code, INTEGRITY_AO);
    assert_eq!(ao.name, "SEGUIMIENTO DE LA IMPLEMENTACIÓN DEL MODELO DE INTEGRIDAD");
    assert_eq!(ao.unit, "INFORME");
    assert_eq!(quantity(ao.physical_programmed), "1");
    assert_eq!(quantity(ao.physical_executed), "1");
    assert_eq!(percent(ao.physical_execution()), "100.0%");
}

#[test]
fn tabla3_rows_and_whole_poi_total_reproduce_the_reference() {
    let ws = example();
    let table = tabla3(ws.evaluated_version(REFERENCE_VIEW).unwrap(), "AEI.08.05", Period::Annual);
    assert_eq!(table.rows.len(), 1);
    let ao = &table.rows[0];
    assert_eq!(money(ao.financial_programmed), "21,000.00");
    assert_eq!(money(ao.financial_executed), "21,000.00");
    assert_eq!(percent(ao.financial_progress()), "100.0%");
    assert_eq!(money(table.total_financial_programmed), "650,769,332.00");
    assert_eq!(money(table.total_financial_executed), "646,150,876.90");
    assert_eq!(percent(table.total_financial_progress()), "99.3%");
}

#[test]
fn icp_is_the_sum_of_stage_scores() {
    let ws = example();
    let integrity = ws.year(2023).unwrap().integrity.as_ref().unwrap();
    assert_eq!(integrity.stages[0].score.unwrap().to_string(), "0.87");
    assert_eq!(integrity.stages[1].score.unwrap().to_string(), "0.93");
    assert_eq!(integrity.icp().to_string(), "1.80");
    assert!(!integrity.is_apto(1), "0.87 is below the 0.9 threshold of Etapa 1");
    assert!(!integrity.is_apto(2), "1.80 cumulative is below the 1.9 threshold of Etapa 2");
}

#[test]
fn version_chain_matches_the_reference() {
    let ws = example();
    let versions = &ws.year(2023).unwrap().poi.versions;
    let chain: Vec<(String, String, Vec<Option<u32>>)> = versions
        .iter()
        .map(|v| (v.label(), v.resolution.citation(), v.amendments.iter().map(|a| a.activities_added).collect()))
        .collect();
    assert_eq!(
        chain,
        vec![
            ("POI consistente con el PIA".into(), "Resolución Ministerial N° 011-2023-TR".into(), vec![Some(4)]),
            ("POI Modificado versión 1".into(), "Resolución del Secretario General N° 052-2023-TR/SG".into(), vec![Some(4), Some(1)]),
            ("POI Modificado versión 2".into(), "Resolución del Secretario General N° 069-2023-TR/SG".into(), vec![Some(1)]),
            ("POI Modificado versión 3".into(), "Resolución del Secretario General N° 013-2024-TR/SG".into(), vec![Some(0)]),
        ]
    );
    assert_eq!(money(versions[0].pia_amount.unwrap()), "529,836,736.00");
    assert_eq!(money(versions[1].amendments[1].amount.unwrap()), "12,000.00");
    assert!(versions[1].activity(INTEGRITY_AO).is_none(), "the integrity AO arrives in version 2");
    assert!(versions[2].activity(INTEGRITY_AO).is_some());
}

#[test]
fn first_half_of_the_example_has_no_integrity_programming() {
    let ws = example();
    let year = ws.year(2023).unwrap();
    let table = cuadro1(ws.evaluated_version(REFERENCE_VIEW).unwrap(), year.aei("AEI.08.05").unwrap(), &year.cost_centers, Period::FirstHalf, ws.settings.table_options());
    assert_eq!(table.aei.activity_count, 0);
    assert_eq!(average(table.aei.average_adjusted_physical_execution), "–");
}
