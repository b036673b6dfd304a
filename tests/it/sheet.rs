//! The AEI sheet: a block pasted across AO, all or nothing.

use std::str::FromStr;

use ficha::domain::editing::{parse_sheet_block, EditError};
use ficha::domain::plan::{Month, Series};
use ficha::domain::example::{reference_workspace, REFERENCE_VIEW};
use ficha::domain::editing::sheet::{at_row, row_of};
use ficha::domain::{Selection, Workspace};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn month(n: u8) -> Month {
    Month::new(n).unwrap()
}

/// The example's AO codes, as a sheet would list them (its AEI.08.05 has a single AO, so the
/// sheet here lists every AO of the version).
fn codes(ws: &Workspace) -> Vec<String> {
    ws.evaluated_version(REFERENCE_VIEW).unwrap().activities.iter().map(|a| a.code.clone()).collect()
}

#[test]
fn rows_go_ao_by_ao_in_the_grid_order_of_series() {
    assert_eq!(row_of(0, Series::PhysicalProgrammed), 0);
    assert_eq!(row_of(2, Series::FinancialExecuted), 11);
    assert_eq!(at_row(11), (2, Series::FinancialExecuted));
    assert_eq!(at_row(4), (1, Series::PhysicalProgrammed));
}

#[test]
fn a_block_pasted_on_the_last_series_of_an_ao_continues_on_the_next_ao() {
    let mut ws = reference_workspace();
    let codes = codes(&ws);
    assert!(codes.len() >= 2);
    let text = "100\t200\r\n3\t4\r\n";
    let patches = parse_sheet_block(text, &codes, row_of(0, Series::FinancialExecuted), month(11)).unwrap();
    assert_eq!(patches.len(), 2);
    assert_eq!(patches[0].0, codes[0]);
    assert_eq!(patches[0].1.cells, vec![(Series::FinancialExecuted, month(11), d("100")), (Series::FinancialExecuted, month(12), d("200"))]);
    assert_eq!(patches[1].0, codes[1]);
    assert_eq!(patches[1].1.cells, vec![(Series::PhysicalProgrammed, month(11), d("3")), (Series::PhysicalProgrammed, month(12), d("4"))]);
    assert_eq!(ws.apply_sheet_patches(REFERENCE_VIEW, &patches), Ok(true));
    let version = ws.evaluated_version(REFERENCE_VIEW).unwrap();
    assert_eq!(version.activity(&codes[0]).unwrap().financial.executed[11], d("200"));
    assert_eq!(version.activity(&codes[1]).unwrap().physical.programmed[10], d("3"));
    // The same paste again changes nothing.
    assert_eq!(ws.apply_sheet_patches(REFERENCE_VIEW, &patches), Ok(false));
}

#[test]
fn every_bad_cell_names_its_ao_and_nothing_applies() {
    let ws = reference_workspace();
    let codes = codes(&ws);
    let errors = parse_sheet_block("1\t-2\r\nabc\t4", &codes, row_of(0, Series::FinancialExecuted), month(1)).unwrap_err();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        vec![
            format!("AO {}, Ejecución financiera (S/), Feb: «-2» no puede ser negativo", codes[0]),
            format!("AO {}, Programación física, Ene: «abc» no es un número", codes[1]),
        ]
    );
}

#[test]
fn a_block_past_the_last_ao_is_refused_whole() {
    let ws = reference_workspace();
    let codes = codes(&ws);
    let last = row_of(codes.len() - 1, Series::FinancialExecuted);
    let errors = parse_sheet_block("1\r\n2", &codes, last, month(1)).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(matches!(errors[0].error, EditError::BlockOutside { rows: 2, rows_left: 1, .. }));
    assert_eq!(
        errors[0].to_string(),
        "el bloque pegado tiene 2 fila(s) y 1 columna(s), pero desde Ejecución financiera (S/), Ene solo caben 1 fila(s) y 12 columna(s)"
    );
}

#[test]
fn patches_for_an_unknown_ao_or_an_approved_version_change_nothing() {
    let mut ws = reference_workspace();
    let codes = codes(&ws);
    let mut patches = parse_sheet_block("7", &codes, row_of(0, Series::PhysicalExecuted), month(1)).unwrap();
    patches.push(("AO-INEXISTENTE".to_string(), patches[0].1.clone()));
    let before = ws.clone();
    let error = ws.apply_sheet_patches(REFERENCE_VIEW, &patches).unwrap_err();
    assert_eq!(error.error, EditError::UnknownActivity("AO-INEXISTENTE".to_string()));
    assert_eq!(ws, before);
    let view = Selection { version: Some(1), ..REFERENCE_VIEW };
    assert_eq!(ws.apply_sheet_patches(view, &patches[..1]).unwrap_err().error, EditError::ReadOnlyVersion);
}
