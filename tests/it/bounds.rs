//! The bounds of every figure (docs/LIMITS.md) at each entry point, at the edge and one past it,
//! and what any accepted figure computes: every table, chart, document and export, without panic.

use std::str::FromStr;

use ficha::domain::ficha::{Axis, InputProblem, IntegrityResult};
use ficha::domain::plan::{compare, Investment, Month, OperativeActivity, Period, Series};
use ficha::domain::document::draft_ficha;
use ficha::domain::example::{reference_workspace, INTEGRITY_AO, REFERENCE_VIEW};
use ficha::domain::editing::{parse_block, parse_sheet_block, AeiDraft};
use ficha::domain::{Selection, Workspace};
use ficha::io::ao_file::read_cells;
use ficha::io::ao_sheet::{header, parse_rows, AoSheet, SheetErrors};
use ficha::io::backup::{read_backup, BackupError};
use ficha::io::office::{column_name, ficha_docx, ZipWriter};
use ficha::io::tables::{ao_sheet, ao_sheet_csv, sheet_csv, table_sheet, tables_workbook};
use ficha::domain::ficha::TableId;
use ficha::storage::document::{decode, encode, DocumentError};
use proptest::prelude::*;
use rust_decimal::Decimal;

const AEI: &str = "AEI.08.05";
/// What a user typed in two months of the example's grid, and what used to stop the app.
const DECIMAL_MAX: &str = "79228162514264337593543950335";

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn month(number: u8) -> Month {
    Month::new(number).unwrap()
}

fn integrity_ao(ws: &Workspace) -> &OperativeActivity {
    ws.evaluated_version(REFERENCE_VIEW).unwrap().activity(INTEGRITY_AO).unwrap()
}

// --- The monthly grid, the grid's paste and the AEI sheet's paste ------------------------------

#[test]
fn a_grid_cell_takes_each_bound_at_its_edge_and_refuses_one_past_it() {
    let march = month(3);
    let cases = [
        (Series::FinancialExecuted, "1,000,000,000,000,000.00", None),
        (
            Series::FinancialExecuted,
            "1,000,000,000,000,000.01",
            Some("Ejecución financiera (S/), Mar: «1,000,000,000,000,000.01» el monto supera el máximo de 1,000,000,000,000,000.00"),
        ),
        (Series::FinancialProgrammed, "S/ 0.01", None),
        (Series::FinancialProgrammed, "0.001", Some("Programación financiera (S/), Mar: «0.001» un monto en soles admite como máximo 2 decimales")),
        (Series::PhysicalProgrammed, "1,000,000,000,000", None),
        (
            Series::PhysicalProgrammed,
            "1,000,000,000,000.000001",
            Some("Programación física, Mar: «1,000,000,000,000.000001» la cantidad supera el máximo de 1,000,000,000,000"),
        ),
        (Series::PhysicalExecuted, "0.000001", None),
        (Series::PhysicalExecuted, "0.0000001", Some("Ejecución física, Mar: «0.0000001» una cantidad admite como máximo 6 decimales")),
    ];
    for (series, text, refusal) in cases {
        let mut ws = reference_workspace();
        let outcome = ws.set_monthly_value(REFERENCE_VIEW, INTEGRITY_AO, series, march, text);
        match refusal {
            None => {
                assert_eq!(outcome, Ok(true), "{text}");
                let typed = text.trim_start_matches("S/ ").replace(',', "");
                assert_eq!(series.values(integrity_ao(&ws))[2], d(&typed), "{text}");
            }
            Some(message) => {
                assert_eq!(outcome.unwrap_err().to_string(), message);
                assert_eq!(ws, reference_workspace(), "a refused cell changes nothing");
            }
        }
    }
}

#[test]
fn the_number_that_stopped_the_app_is_refused_in_every_month_and_the_tables_stand() {
    let mut ws = reference_workspace();
    for number in [3, 4] {
        let error = ws.set_monthly_value(REFERENCE_VIEW, INTEGRITY_AO, Series::FinancialExecuted, month(number), DECIMAL_MAX).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("Ejecución financiera (S/), {}: «{DECIMAL_MAX}» el monto supera el máximo de 1,000,000,000,000,000.00", month(number).short_name())
        );
    }
    assert_eq!(ws, reference_workspace());
    assert_eq!(ws.cuadro1(REFERENCE_VIEW, AEI).unwrap().aei.financial_execution, d("21000"));
}

#[test]
fn a_paste_into_the_grid_or_the_sheet_is_refused_whole_past_a_bound() {
    let edge = "1000000000000000\t0.01\t999999999999999.99";
    let past = "1000000000000000\t1000000000000000.01";
    let patch = parse_block(edge, Series::FinancialProgrammed, month(1)).unwrap();
    assert_eq!(patch.cells[0], (Series::FinancialProgrammed, month(1), d("1000000000000000")));
    let errors = parse_block(past, Series::FinancialProgrammed, month(1)).unwrap_err();
    assert_eq!(
        errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["Programación financiera (S/), Feb: «1000000000000000.01» el monto supera el máximo de 1,000,000,000,000,000.00"]
    );

    let codes = vec![INTEGRITY_AO.to_string()];
    // Physical programming then execution of the sheet's only AO, from January.
    let patches = parse_sheet_block("1000000000000\n0.000001", &codes, 0, month(1)).unwrap();
    let mut ws = reference_workspace();
    assert_eq!(ws.apply_sheet_patches(REFERENCE_VIEW, &patches), Ok(true));
    assert_eq!(integrity_ao(&ws).physical.programmed[0], d("1000000000000"));
    let errors = parse_sheet_block("1000000000000.5\n0.0000001", &codes, 0, month(1)).unwrap_err();
    assert_eq!(
        errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "AO AOI00106600085, Programación física, Ene: «1000000000000.5» la cantidad supera el máximo de 1,000,000,000,000",
            "AO AOI00106600085, Ejecución física, Ene: «0.0000001» una cantidad admite como máximo 6 decimales",
        ]
    );
}

// --- The structure forms and the Integridad page ------------------------------------------------

fn aei_draft(baseline: &str, expected_value: &str) -> AeiDraft {
    AeiDraft {
        code: "AEI.09.01".to_string(),
        name: "ACCIÓN NUEVA".to_string(),
        indicator_name: "Número de informes".to_string(),
        baseline: baseline.to_string(),
        expected_value: expected_value.to_string(),
        ..AeiDraft::default()
    }
}

#[test]
fn the_indicator_takes_each_bound_at_its_edge_and_refuses_one_past_it() {
    let mut ws = reference_workspace();
    ws.save_aei(REFERENCE_VIEW.year, None, &aei_draft("1,000,000,000,000", "0.000001")).unwrap();
    let indicator = &ws.year(REFERENCE_VIEW.year).unwrap().aei("AEI.09.01").unwrap().indicator;
    assert_eq!((indicator.baseline, indicator.expected_value), (Some(d("1000000000000")), Some(d("0.000001"))));

    let mut ws = reference_workspace();
    let errors = ws.save_aei(REFERENCE_VIEW.year, None, &aei_draft("1000000000000.000001", "0.0000001")).unwrap_err();
    assert_eq!(
        errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "Línea de base: «1000000000000.000001» la cantidad supera el máximo de 1,000,000,000,000.",
            "Logro esperado: «0.0000001» una cantidad admite como máximo 6 decimales.",
        ]
    );
    assert_eq!(ws, reference_workspace());
}

#[test]
fn an_integrity_score_takes_six_decimals_and_refuses_a_seventh() {
    let mut result = IntegrityResult::empty();
    result.set_score(1, "0.999999").unwrap();
    result.set_score(2, "1").unwrap();
    assert_eq!(result.icp(), d("1.999999"));
    let before = result.clone();
    assert_eq!(
        result.set_score(1, "0.9999999").unwrap_err().to_string(),
        "Etapa 1: «0.9999999» no es válido; el puntaje debe ser un número entre 0 y 1, con punto decimal y hasta 6 decimales (por ejemplo 0.87)."
    );
    for text in ["1.000001", DECIMAL_MAX] {
        assert_eq!(result.set_score(1, text).unwrap_err().problem, InputProblem::NotAScore, "{text}");
    }
    assert_eq!(result, before);
}

// --- The AO sheet, CSV and XLSX -----------------------------------------------------------------

/// The text columns of one valid AO, every monthly cell empty unless given.
fn sheet_row(cells: &[(&str, &str)]) -> Vec<String> {
    let defaults = [
        ("aei_codigo", AEI),
        ("cc_codigo", "07"),
        ("ao_codigo", INTEGRITY_AO),
        ("ao_nombre", "SEGUIMIENTO DE LA IMPLEMENTACIÓN DEL MODELO DE INTEGRIDAD"),
        ("unidad_medida", "INFORME"),
    ];
    header()
        .iter()
        .map(|column| cells.iter().chain(&defaults).find(|(name, _)| name == column).map_or(String::new(), |(_, v)| v.to_string()))
        .collect()
}

fn csv(cells: &[(&str, &str)]) -> Result<AoSheet, SheetErrors> {
    let text: String = [header(), sheet_row(cells)].iter().map(|row| row.join(";") + "\n").collect();
    parse_rows(&read_cells(text.as_bytes()).unwrap())
}

/// A workbook as small as a reader takes: the header and one AO as inline strings, the given
/// monthly cells as numeric cells written as Excel writes them (`1E+30`).
fn xlsx(numbers: &[(&str, &str)]) -> Result<AoSheet, SheetErrors> {
    let names = header();
    let row = |number: usize, cells: Vec<String>| {
        let cells: String = cells
            .iter()
            .enumerate()
            .filter(|(_, value)| !value.is_empty())
            .map(|(i, value)| {
                let at = format!("{}{number}", column_name(i));
                match numbers.iter().find(|(name, _)| *name == names[i]) {
                    Some(_) => format!("<c r=\"{at}\"><v>{value}</v></c>"),
                    None => format!("<c r=\"{at}\" t=\"inlineStr\"><is><t>{value}</t></is></c>"),
                }
            })
            .collect();
        format!("<row r=\"{number}\">{cells}</row>")
    };
    let sheet = format!("<worksheet><sheetData>{}{}</sheetData></worksheet>", row(1, names.clone()), row(2, sheet_row(numbers)));
    let mut zip = ZipWriter::new();
    zip.add("xl/workbook.xml", b"<workbook><sheets><sheet name=\"AO\" sheetId=\"1\"/></sheets></workbook>");
    zip.add("xl/worksheets/sheet1.xml", sheet.as_bytes());
    parse_rows(&read_cells(&zip.finish()).unwrap())
}

fn messages(result: Result<AoSheet, SheetErrors>) -> Vec<String> {
    result.unwrap_err().errors().iter().map(ToString::to_string).collect()
}

#[test]
fn a_csv_sheet_takes_each_bound_at_its_edge_and_refuses_one_past_it() {
    let sheet = csv(&[("fin_prog_01", "1000000000000000.00"), ("fis_prog_01", "1000000000000"), ("fis_ejec_01", "0.000001")]).unwrap();
    let ao = &sheet.activities()[0];
    assert_eq!((ao.financial.programmed[0], ao.physical.programmed[0], ao.physical.executed[0]), (d("1e15"), d("1e12"), d("0.000001")));
    assert_eq!(
        messages(csv(&[
            ("fin_prog_01", "1000000000000000.01"),
            ("fis_prog_01", "1000000000000.000001"),
            ("fis_ejec_01", "0.0000001"),
            ("fin_ejec_01", DECIMAL_MAX),
        ])),
        [
            "Fila 2, columna fis_prog_01: «1000000000000.000001» la cantidad supera el máximo de 1,000,000,000,000",
            "Fila 2, columna fis_ejec_01: «0.0000001» tiene más de 6 decimales; una cantidad admite como máximo 6",
            "Fila 2, columna fin_prog_01: «1000000000000000.01» el monto supera el máximo de 1,000,000,000,000,000.00",
            &format!("Fila 2, columna fin_ejec_01: «{DECIMAL_MAX}» el monto supera el máximo de 1,000,000,000,000,000.00"),
        ]
    );
}

#[test]
fn an_xlsx_sheet_reads_numeric_cells_to_the_edge_and_refuses_past_it() {
    let sheet = xlsx(&[("fin_prog_01", "1E+15"), ("fis_prog_01", "1E+12"), ("fis_ejec_01", "1E-6")]).unwrap();
    let ao = &sheet.activities()[0];
    assert_eq!((ao.financial.programmed[0], ao.physical.programmed[0], ao.physical.executed[0]), (d("1e15"), d("1e12"), d("0.000001")));
    assert_eq!(
        messages(xlsx(&[("fis_prog_01", "1.000001E+12"), ("fis_ejec_01", "1E-7"), ("fin_prog_01", "1.1E+15"), ("fin_ejec_01", "1E+30")])),
        [
            "Fila 2, columna fis_prog_01: «1000001000000» la cantidad supera el máximo de 1,000,000,000,000",
            "Fila 2, columna fis_ejec_01: «0.0000001» tiene más de 6 decimales; una cantidad admite como máximo 6",
            "Fila 2, columna fin_prog_01: «1100000000000000» el monto supera el máximo de 1,000,000,000,000,000.00",
            "Fila 2, columna fin_ejec_01: «1000000000000000000000000000000» el monto supera el máximo de 1,000,000,000,000,000.00",
        ]
    );
}

// --- Backup restore and the stored document -----------------------------------------------------

/// The example with figures at the edge of every bound, somewhere in the model.
fn at_the_edge() -> Workspace {
    let mut ws = reference_workspace();
    let year = &mut ws.years[0];
    year.aeis[0].indicator.baseline = Some(d("999999999999.999999"));
    year.poi.versions[0].pia_amount = Some(d("1000000000000000"));
    year.poi.versions[1].amendments[1].amount = Some(d("0.01"));
    let ao = year.poi.versions[3].activity_mut(INTEGRITY_AO).unwrap();
    ao.financial.executed = [d("1000000000000000.00"); 12];
    ao.physical.programmed = [Decimal::ZERO; 12];
    ao.physical.programmed[0] = d("0.000001");
    ao.physical.executed = [d("1000000000000"); 12];
    ws
}

#[test]
fn a_backup_and_a_stored_document_at_the_edge_open_as_they_were() {
    let ws = at_the_edge();
    assert_eq!(decode(&encode(&ws)), Ok(ws.clone()));
    assert_eq!(read_backup(encode(&ws).as_bytes()), Ok(ws));
}

#[test]
fn a_backup_or_stored_document_past_a_bound_is_refused_naming_the_figure() {
    let past: [(fn(&mut Workspace), &str); 4] = [
        (
            |ws| ws.years[0].poi.versions[3].activities[0].financial.executed[11] = d("1000000000000000.01"),
            "Año 2023, POI Modificado versión 3, AO AOI00106600085, Ejecución financiera (S/), Dic: «1000000000000000.01» el monto supera el máximo de 1,000,000,000,000,000.00",
        ),
        (
            |ws| ws.years[0].poi.versions[3].activities[0].physical.programmed[0] = d("0.0000001"),
            "Año 2023, POI Modificado versión 3, AO AOI00106600085, Programación física, Ene: «0.0000001» una cantidad admite como máximo 6 decimales",
        ),
        (
            |ws| ws.years[0].poi.versions[0].pia_amount = Some(Decimal::MAX),
            "Año 2023, POI consistente con el PIA, monto del PIA: «79228162514264337593543950335» el monto supera el máximo de 1,000,000,000,000,000.00",
        ),
        (
            |ws| ws.years[0].aeis[0].indicator.expected_value = Some(d("1000000000000.5")),
            "Año 2023, AEI.08.05, logro esperado: «1000000000000.5» la cantidad supera el máximo de 1,000,000,000,000",
        ),
    ];
    for (spoil, figure) in past {
        let mut ws = reference_workspace();
        spoil(&mut ws);
        let text = encode(&ws);
        let stored = decode(&text).unwrap_err();
        assert!(matches!(stored, DocumentError::OutOfBounds(_)), "{stored:?}");
        assert_eq!(stored.to_string(), format!("contiene una cifra fuera de los límites de Ficha ({figure})"));
        assert_eq!(read_backup(text.as_bytes()), Err(BackupError::Document(stored)));
    }
}

// --- Whatever is accepted computes everything ---------------------------------------------------

/// Every table, chart, document and export of every AEI of the selected year; panics are the failure.
fn compute_everything(ws: &Workspace, view: Selection) {
    let year = ws.year(view.year).unwrap();
    for aei in &year.aeis {
        let code = aei.code.as_str();
        ws.cuadro1(view, code).unwrap();
        ws.cuadro2(view, code).iter().for_each(|row| {
            row.physical_execution();
            row.adjusted_physical_execution();
            row.financial_progress();
        });
        ws.tabla3(view, code).unwrap().total_financial_progress();
        let chart = ws.progress_chart(view, code).unwrap();
        let axis = chart.financial_axis();
        for series in chart.financial_series().iter().flatten().chain(chart.physical_series().iter().flatten()) {
            series.values.iter().flatten().for_each(|value| {
                axis.fraction(*value);
                Axis::percent().fraction(*value);
            });
        }
        draft_ficha(ws, view, &ws.narrative, code);
        ficha_docx(ws, view, code);
        tables_workbook(ws, view, code).unwrap();
        for table in TableId::ALL {
            sheet_csv(&table_sheet(ws, view, code, table).unwrap());
        }
    }
    ao_sheet(ws, view).unwrap();
    ao_sheet_csv(ws, view).unwrap();
    let versions = &year.poi.versions;
    compare(&versions[versions.len() - 2], &versions[versions.len() - 1]);
}

#[test]
fn the_largest_and_smallest_accepted_figures_compute_everything() {
    let ws = at_the_edge();
    compute_everything(&ws, REFERENCE_VIEW);
    let row = ws.cuadro2(REFERENCE_VIEW, AEI).into_iter().find(|r| r.code == INTEGRITY_AO).unwrap();
    // A year of the largest quantity over the smallest programming: 1.2 × 10^21 %.
    assert_eq!(row.physical_execution(), Some(d("1200000000000000000000")));
    assert_eq!(ws.tabla3(REFERENCE_VIEW, AEI).unwrap().total_financial_executed, d("12000000000000000") + d("646129876.90"));
}

/// A cell as a user may type it: small, near and past either maximum, with up to 8 decimals.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[0-9]{1,4}",
        "9{11,17}(\\.9{1,7})?",
        "10{11,16}(\\.0{0,6}[0-9])?",
        "[0-9]{1,32}(\\.[0-9]{1,8})?",
        "0\\.0{0,7}[1-9]",
        Just(DECIMAL_MAX.to_string()),
    ]
}

prop_compose! {
    /// An AO of the example's AEI (in its CC or another) with every monthly cell typed.
    fn typed_activity()(cc in prop_oneof![Just("07"), Just("01")], approved in any::<bool>(), cells in proptest::collection::vec(typed(), 48)) -> (String, bool, Vec<String>) {
        (cc.to_string(), approved, cells)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_accepted_input_is_stored_reopened_and_computes_everything(
        activities in proptest::collection::vec(typed_activity(), 1..5),
        first_half in any::<bool>(),
        investments_counted in any::<bool>(),
    ) {
        let mut ws = reference_workspace();
        let view = Selection { period: if first_half { Period::FirstHalf } else { Period::Annual }, ..REFERENCE_VIEW };
        ws.settings.investments_in_average = investments_counted;
        let version = ws.years[0].poi.versions.last_mut().unwrap();
        version.investments.push(Investment::new("2456789", "MEJORAMIENTO DEL SERVICIO", "ESTUDIO", AEI, "07"));
        // The inversión gets the first AO's cells.
        let items = std::iter::once(("2456789".to_string(), &activities[0].2))
            .chain(activities.iter().enumerate().map(|(i, (_, _, cells))| (format!("AOI9000000000{i}"), cells)));
        for (i, (cc, approved, _)) in activities.iter().enumerate() {
            let version = ws.years[0].poi.versions.last_mut().unwrap();
            let mut ao = OperativeActivity::new(&format!("AOI9000000000{i}"), "AO DE PRUEBA", "INFORME", AEI, cc);
            ao.follow_up_approved = *approved;
            version.activities.push(ao);
        }
        for (code, cells) in items {
            for (cell, text) in cells.iter().enumerate() {
                let series = Series::ALL[cell / 12];
                let entered = ws.set_monthly_value(view, &code, series, month((cell % 12) as u8 + 1), text);
                prop_assert_eq!(entered.is_ok(), ficha::domain::language::parse_number(text, series.kind(), Default::default()).is_ok());
            }
        }
        let reopened = decode(&encode(&ws));
        prop_assert_eq!(reopened.as_ref(), Ok(&ws), "what was accepted reopens");
        compute_everything(&ws, view);
    }
}
