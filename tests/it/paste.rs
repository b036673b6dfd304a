//! Pasting a block copied from Excel or LibreOffice into an AO's monthly grid: all or nothing.

use std::str::FromStr;

use ficha::domain::editing::{is_block, parse_block, EditError};
use ficha::domain::plan::{Month, Series};
use ficha::domain::example::{reference_workspace, INTEGRITY_AO, REFERENCE_VIEW};
use ficha::domain::language::NumberError;
use ficha::domain::Selection;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn month(n: u8) -> Month {
    Month::new(n).unwrap()
}

fn messages(errors: &[EditError]) -> Vec<String> {
    errors.iter().map(ToString::to_string).collect()
}

#[test]
fn a_two_by_twelve_block_fills_right_and_down_in_every_number_shape() {
    let programmed = ["S/ 1,000.00"; 12].join("\t");
    let executed = ["21000", "21,000.00", "S/ 21,000.00", "0", "", "5.5", "7", "8", "9", "10", "11", "12"].join("\t");
    // Excel ends the copied block with a newline and separates rows with CRLF.
    let text = format!("{programmed}\r\n{executed}\r\n");
    let patch = parse_block(&text, Series::FinancialProgrammed, month(1)).unwrap();
    assert_eq!(patch.cells.len(), 24);
    assert_eq!(patch.cells[0], (Series::FinancialProgrammed, month(1), d("1000.00")));
    assert_eq!(patch.cells[12], (Series::FinancialExecuted, month(1), d("21000")));
    assert_eq!(patch.cells[14], (Series::FinancialExecuted, month(3), d("21000.00")));
    assert_eq!(patch.cells[16], (Series::FinancialExecuted, month(5), Decimal::ZERO), "an empty cell is zero");
    assert_eq!(patch.cells[23], (Series::FinancialExecuted, month(12), d("12")));
}

#[test]
fn a_block_starts_at_the_focused_cell() {
    let patch = parse_block("3\t4\n5\t6", Series::PhysicalExecuted, month(11)).unwrap();
    assert_eq!(
        patch.cells,
        vec![
            (Series::PhysicalExecuted, month(11), d("3")),
            (Series::PhysicalExecuted, month(12), d("4")),
            (Series::FinancialProgrammed, month(11), d("5")),
            (Series::FinancialProgrammed, month(12), d("6")),
        ]
    );
}

#[test]
fn every_bad_cell_is_listed_with_series_month_and_reason() {
    let errors = parse_block("1\tabc\t3\n-4\t5\t1.234", Series::PhysicalExecuted, month(2)).unwrap_err();
    assert_eq!(
        messages(&errors),
        vec![
            "Ejecución física, Mar: «abc» no es un número",
            "Programación financiera (S/), Feb: «-4» no puede ser negativo",
            "Programación financiera (S/), Abr: «1.234» un monto en soles admite como máximo 2 decimales",
        ]
    );
    assert!(matches!(errors[0], EditError::BadNumber { reason: NumberError::NotANumber, .. }));
}

#[test]
fn quantities_may_have_more_decimals_than_money() {
    let patch = parse_block("0.125\t1", Series::PhysicalProgrammed, month(1)).unwrap();
    assert_eq!(patch.cells[0].2, d("0.125"));
}

#[test]
fn a_block_that_does_not_fit_is_refused_whole() {
    let wide = ["1"; 12].join("\t");
    let errors = parse_block(&wide, Series::PhysicalProgrammed, month(2)).unwrap_err();
    assert_eq!(
        messages(&errors),
        vec!["el bloque pegado tiene 1 fila(s) y 12 columna(s), pero desde Programación física, Feb solo caben 4 fila(s) y 11 columna(s)"]
    );
    let tall = "1\n2\n3";
    assert!(parse_block(tall, Series::FinancialProgrammed, month(1)).is_err());
}

#[test]
fn a_single_value_is_not_a_block() {
    assert!(!is_block("21,000.00"));
    assert!(!is_block("21,000.00\n"));
    assert!(!is_block("21,000.00\r\n"));
    assert!(is_block("1\t2"));
    assert!(is_block("1\n2\n"));
}

#[test]
fn a_valid_patch_applies_to_the_latest_version_only() {
    let mut ws = reference_workspace();
    let patch = parse_block("7000\t7000", Series::FinancialExecuted, month(11)).unwrap();
    assert_eq!(ws.apply_monthly_patch(REFERENCE_VIEW, INTEGRITY_AO, &patch), Ok(true));
    assert_eq!(ws.apply_monthly_patch(REFERENCE_VIEW, INTEGRITY_AO, &patch), Ok(false), "pasting the same block again changes nothing");
    let latest = ws.evaluated_version(REFERENCE_VIEW).unwrap().activity(INTEGRITY_AO).unwrap();
    assert_eq!(latest.financial.executed[10..], [d("7000"), d("7000")]);
    assert_eq!(ws.cuadro1(REFERENCE_VIEW, "AEI.08.05").unwrap().aei.financial_execution, d("28000"));
    let v2 = ws.year(2023).unwrap().poi.version(2).unwrap().activity(INTEGRITY_AO).unwrap();
    assert_eq!(v2.financial.executed[10], d("3500"));
}

#[test]
fn a_patch_on_an_approved_version_or_unknown_ao_changes_nothing() {
    let mut ws = reference_workspace();
    let patch = parse_block("1\t1", Series::PhysicalExecuted, month(1)).unwrap();
    let view = Selection { version: Some(2), ..REFERENCE_VIEW };
    let before = ws.clone();
    assert_eq!(ws.apply_monthly_patch(view, INTEGRITY_AO, &patch), Err(EditError::ReadOnlyVersion));
    let view = Selection { version: None, ..view };
    assert_eq!(ws.apply_monthly_patch(view, "AOI-X", &patch), Err(EditError::UnknownActivity("AOI-X".to_string())));
    assert_eq!(ws, before);
}
